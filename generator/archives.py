"""Archive pages by year and month (lưu trữ).

Owns the archive URLs and which articles each archive page lists:

    /luu-tru/                   every year and month, with counts
    /luu-tru/2026/              the year's articles, paginated
    /luu-tru/2026/01/           the month's articles, paginated

Months are taken in the site's time zone, never the machine's. Pure.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from generator.memo import Memo, recall
from generator.model import Article, Page, Pagination, Site, frozen_map
from generator import routes

ARCHIVE_PREFIX = "/luu-tru/"


@dataclass(frozen=True)
class Period:
    """One year or one month that has articles."""

    year: int
    month: int | None
    count: int

    @property
    def url(self) -> str:
        return archive_url(self.year, self.month)

    @property
    def label(self) -> str:
        return f"Tháng {self.month:02d}/{self.year}" if self.month else f"Năm {self.year}"


def archive_url(year: int, month: int | None = None) -> str:
    return f"{ARCHIVE_PREFIX}{year}/" + (f"{month:02d}/" if month else "")


def _local(site: Site, article: Article) -> tuple[int, int]:
    moment = article.date.astimezone(site.config.zone)
    return moment.year, moment.month


def list_periods(site: Site) -> tuple[Period, ...]:
    """Years newest first, each followed by its months newest first."""
    counts: dict[tuple[int, int], int] = {}
    for article in site.articles:
        key = _local(site, article)
        counts[key] = counts.get(key, 0) + 1
    periods = []
    for year in sorted({y for y, _ in counts}, reverse=True):
        months = sorted((m for y, m in counts if y == year), reverse=True)
        periods.append(Period(year, None, sum(counts[(year, m)] for m in months)))
        periods += [Period(year, m, counts[(year, m)]) for m in months]
    return tuple(periods)


def plan_archive_pages(site: Site, memo: Memo | None = None) -> list[Page]:
    periods = list_periods(site)
    pages = [Page(url=ARCHIVE_PREFIX, template="archive.html", kind="archives", title="Lưu trữ",
                  extra=frozen_map({"periods": periods}))]
    by_period: dict[tuple[int, int | None], list[Article]] = {}
    for article in site.articles:  # newest first, and so is each period's list
        year, month = _local(site, article)
        by_period.setdefault((year, None), []).append(article)
        by_period.setdefault((year, month), []).append(article)
    for period in periods:
        items = tuple(by_period[(period.year, period.month)])
        months = tuple(p for p in periods if p.year == period.year and p.month) if not period.month else ()
        for pagination, chunk in routes.paginate(items, site.config.per_page, period.url):
            # Periods and paginations are plain values (ints and text): equal ones are interchangeable.
            pages.append(recall(memo, "archive-pages", (period, months, pagination), chunk,
                                functools.partial(_period_page, period, months, pagination, chunk)))
    return pages


def _period_page(period: Period, months: tuple[Period, ...], pagination: Pagination,
                 chunk: tuple[Article, ...]) -> Page:
    title = f"Lưu trữ {period.label.lower()}"
    if pagination.number > 1:
        title += f" – Trang {pagination.number}"
    return Page(url=routes.paged_url(period.url, pagination.number), template="archive.html",
                kind="archive", title=title, items=chunk, pagination=pagination,
                extra=frozen_map({"period": period, "periods": months}))
