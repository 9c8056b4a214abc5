"""The URL scheme, as code, and Site → the pages to render.

Owns every URL the portal publishes and pagination. Pure: no I/O, no HTML.

    /                                 home
    /<category>/                      category list, /<category>/trang/2/ …
    /<category>/<article-slug>/       article
    /don-vi/  /don-vi/<unit>/         units, unit list
    /phong-trao/  /phong-trao/<c>/    campaigns, campaign list
    /tim-kiem/                        search
    /luu-tru/ …                       archives by year and month (archives.py)
    /<slug>/                          a page of its own, content/trang/ (standalone.py)
    <alias>                           redirects from old URLs (aliases.py)
"""
from __future__ import annotations

import functools
from typing import Iterable, Iterator, Mapping

from generator import aliases, archives
from generator.memo import Memo, recall
from generator.model import Article, Page, Pagination, Site, SiteConfig, Term, frozen_map
from generator.vietnamese import collation_key

UNITS_PREFIX = "/don-vi/"
CAMPAIGNS_PREFIX = "/phong-trao/"
PAGE_SEGMENT = "trang"
SEARCH_URL = "/tim-kiem/"


def article_url(category: str, slug: str) -> str:
    return f"/{category}/{slug}/"


def term_url(term: Term) -> str:
    if term.kind == "category":
        return f"/{term.slug}/"
    prefix = UNITS_PREFIX if term.kind == "unit" else CAMPAIGNS_PREFIX
    return f"{prefix}{term.slug}/"


def paged_url(first_url: str, number: int) -> str:
    return first_url if number == 1 else f"{first_url}{PAGE_SEGMENT}/{number}/"


def page_count(items: int, per_page: int) -> int:
    """How many pages a list of `items` takes: one, empty, when there are none."""
    return max(1, -(-items // per_page))


def paginate(items: tuple[Article, ...], per_page: int, first_url: str) -> Iterator[tuple[Pagination, tuple[Article, ...]]]:
    """Slices of `items` with their pagination; one empty page when there are none."""
    total = page_count(len(items), per_page)
    for number in range(1, total + 1):
        chunk = items[(number - 1) * per_page: number * per_page]
        yield Pagination(
            number=number, total=total, first_url=first_url,
            prev_url=paged_url(first_url, number - 1) if number > 1 else None,
            next_url=paged_url(first_url, number + 1) if number < total else None,
            numbered=numbered_pages(number, total, first_url),
        ), chunk


def numbered_pages(number: int, total: int, first_url: str, around: int = 1) -> tuple[tuple[int, str], ...]:
    """1 … 49 50 51 … 104 for page 50 of 104: (number, url), and (0, "") for each gap.

    A gap of a single page shows that page instead (1 2 3 rather than 1 … 3): "…"
    would take as much room. At most 7 entries, which fit a 360 px phone."""
    shown = sorted(n for n in {1, total, *range(number - around, number + around + 1)} if 1 <= n <= total)
    entries: list[tuple[int, str]] = []
    last = 0
    for n in shown:
        if n - last == 2:
            entries.append((last + 1, paged_url(first_url, last + 1)))
        elif n - last > 2:
            entries.append((0, ""))
        entries.append((n, paged_url(first_url, n)))
        last = n
    return tuple(entries)


def articles_by_term(articles: Iterable[Article]) -> dict[tuple[str, str], list[Article]]:
    """(term kind, slug) → its articles in the order given (newest first): one pass, not one per term."""
    found: dict[tuple[str, str], list[Article]] = {}
    for a in articles:
        found.setdefault(("category", a.category), []).append(a)
        for u in a.units:
            found.setdefault(("unit", u), []).append(a)
        for c in a.campaigns:
            found.setdefault(("campaign", c), []).append(a)
    return found


def plan_pages(site: Site, memo: Memo | None = None) -> list[Page]:
    """Every page of the site. With a memo, a page whose articles and term are the
    very objects of the last build is the very Page object of the last build."""
    config = site.config
    pages = [Page(url="/", template="home.html", kind="home", title=config.title, items=site.articles)]
    for article in site.articles:
        pages.append(recall(memo, "article-pages", article.url, (article,),
                            functools.partial(Page, url=article.url, template="article.html", kind="article",
                                              title=article.title, article=article)))
    by_term = articles_by_term(site.articles)
    for kind, terms in (("category", config.categories), ("unit", config.units), ("campaign", config.campaigns)):
        for term in terms.values():
            items = tuple(by_term.get((kind, term.slug), ()))
            for pagination, chunk in paginate(items, config.per_page, term_url(term)):
                pages.append(recall(memo, "list-pages", (kind, pagination), (term, *chunk),
                                    functools.partial(_list_page, kind, term, pagination, chunk)))
    for url, kind, title, terms in ((UNITS_PREFIX, "unit", "Đơn vị", config.units),
                                    (CAMPAIGNS_PREFIX, "campaign", "Phong trào", config.campaigns)):
        counts = frozen_map({slug: len(by_term.get((kind, slug), ())) for slug in terms})  # "12 bài" beside each
        pages.append(Page(url=url, template="terms.html", kind=f"{kind}s", title=title,
                          terms=tuple(terms.values()), extra=frozen_map({"counts": counts})))
    pages.append(Page(url="/404.html", template="404.html", kind="404", title="Không tìm thấy trang"))
    pages.append(Page(url=SEARCH_URL, template="search.html", kind="search", title="Tìm kiếm",
                      extra=frozen_map({"filters": search_filters(config, by_term),
                                        "filter_pages": filter_pages(config, by_term)})))
    pages += archives.plan_archive_pages(site, memo)
    for page in site.standalone:  # Giới thiệu, Liên hệ …: generator/standalone.py
        pages.append(Page(url=page.url, template="page.html", kind="page", title=page.title, article=page))
    renamed = [target for term in config.terms if term.aliases
               for target in aliases.list_targets(term, term_url(term),
                                                  page_count(len(by_term.get((term.kind, term.slug), ())), config.per_page))]
    pages += aliases.plan_alias_pages([*site.articles_and_pages, *renamed],
                                      aliases.kept_by_categories(config, site.articles))
    return pages


def search_filters(config: SiteConfig, by_term: dict[tuple[str, str], list[Article]]) -> Mapping:
    """The search page's filter lists, as the index will count them: filter → ((term name,
    number of articles), …) in Vietnamese alphabetical order, terms without articles left out.
    Written into the page so a reader's browser need not fetch every shard's filter files."""
    lists = {}
    for kind, named in _filter_values(config, by_term).items():
        # Two terms of one name are one value to Pagefind: their articles count once.
        counted = ((name, len({a.url for term in terms for a in by_term[(kind, term.slug)]}))
                   for name, terms in named.items())
        lists[kind] = tuple(sorted(counted, key=lambda pair: collation_key(pair[0])))
    return frozen_map(lists)


def filter_pages(config: SiteConfig, by_term: dict[tuple[str, str], list[Article]]) -> Mapping:
    """filter → {term name: the URL of its list page}, for the names search_filters offers
    that name one term only: the search page links a list by that filter alone to the page
    that lists the same articles newest first (the index cannot order them by date)."""
    return frozen_map({kind: frozen_map({name: term_url(terms[0]) for name, terms in named.items() if len(terms) == 1})
                       for kind, named in _filter_values(config, by_term).items()})


def _filter_values(config: SiteConfig, by_term: dict[tuple[str, str], list[Article]]) -> dict[str, dict[str, list[Term]]]:
    """filter → {the name the index files articles under: the terms of that name that have articles}."""
    values: dict[str, dict[str, list[Term]]] = {}
    for kind, terms in (("unit", config.units), ("category", config.categories), ("campaign", config.campaigns)):
        named = values[kind] = {}
        for slug, term in terms.items():
            if (kind, slug) in by_term:
                named.setdefault(term.name, []).append(term)
    return values


def _list_page(kind: str, term: Term, pagination: Pagination, chunk: tuple[Article, ...]) -> Page:
    title = term.name if pagination.number == 1 else f"{term.name} – Trang {pagination.number}"
    return Page(url=paged_url(term_url(term), pagination.number), template="list.html",
                kind=kind, title=title, term=term, items=chunk, pagination=pagination)
