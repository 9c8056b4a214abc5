from datetime import datetime, timedelta, timezone

from generator.archives import Period, list_periods, plan_archive_pages
from generator.model import Article, Site, SiteConfig


def _article(slug: str, moment: datetime) -> Article:
    return Article(source=f"content/{slug}.md", title=slug, date=moment, has_time=True, units=("u",),
                   category="c", campaigns=(), slug=slug, url=f"/c/{slug}/")


def test_months_follow_the_site_time_zone_not_utc():
    late = datetime(2025, 12, 31, 18, 0, tzinfo=timezone.utc)  # 01:00 on 1 January in Hà Nội
    site = Site(config=SiteConfig(title="T", base_url="https://x.vn/"),
                articles=(_article("b", late), _article("a", datetime(2025, 12, 2, tzinfo=timezone(timedelta(hours=7))))))
    assert list_periods(site) == (Period(2026, None, 1), Period(2026, 1, 1),
                                  Period(2025, None, 1), Period(2025, 12, 1))


def test_archive_pages_paginate_like_lists():
    zone = timezone(timedelta(hours=7))
    articles = tuple(_article(f"a{i}", datetime(2026, 3, 20 - i, tzinfo=zone)) for i in range(3))
    site = Site(config=SiteConfig(title="T", base_url="https://x.vn/", per_page=2), articles=articles)
    urls = [p.url for p in plan_archive_pages(site)]
    assert urls == ["/luu-tru/", "/luu-tru/2026/", "/luu-tru/2026/trang/2/", "/luu-tru/2026/03/",
                    "/luu-tru/2026/03/trang/2/"]
