"""What search engines and social networks read: sitemap, robots, metadata.

Owns sitemap.xml (with lastmod from article dates, never the clock, and none for a list; an index of parts past 50,000 URLs),
robots.txt, the JSON-LD graph (NewsArticle with publisher = the unit,
BreadcrumbList, a unit's GovernmentOrganization with its contact, the portal's on the home page) and the cover image used by OpenGraph and Twitter cards.
The layouts print what these helpers return; nothing here writes files.
"""
from __future__ import annotations

import functools
import re
from datetime import datetime
from typing import Any, Callable, Iterable
from urllib.parse import urljoin

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from generator import archives, feeds, routes
from generator.bylines import news_source, split_byline
from generator.images import OUTPUT_DIR
from generator.memo import Memo, recall
from generator.model import Article, Page, Site, Unit
from generator.share_image import share_image_url
from generator.xml_text import escape

# Pages that are not content a search engine should list.
UNLISTED_KINDS = frozenset({"404", "alias", "query-alias", "search"})
_FIRST_IMG = re.compile(r"<img\b[^>]*?\bsrc=\"([^\"]+)\"", re.I)


absolute = feeds.absolute  # site-relative path → absolute URL under base_url


def empty_list(page: Page) -> bool:
    """A category's, unit's or campaign's page that lists no article yet ("Chưa có bài viết.", as the
    five categories and four campaigns `init` writes are before their first articles): search engines
    take such a page for a missing one (a soft 404), so it says noindex and the sitemap leaves it out.
    Not a unit's page showing the unit's own contact, which is what a reader searching for it wants.
    The archive (/luu-tru/) of a portal without articles is one too: it lists no year."""
    if page.kind == "archives":
        return not page.extra.get("periods")
    return (page.kind in ("category", "unit", "campaign") and not page.items and page.term is not None
            and not (page.kind == "unit" and page.term.contact.given))


def page_lastmod(site: Site, page: Page) -> datetime | None:
    """When the page's content last changed, as the source dates it: an article's, a page of its
    own's. A list (the home page, a category's, a month's, each of their pages) changes also when an
    article in or above it is deleted or taken down, which no date of the source says: it has none.
    (It had its newest card's date, or its list's, which such a change set back: a crawler trusting
    it never read the page's new cards.)"""
    if page.kind == "page" and page.article is not None:  # a page of its own has no date, only 'updated'
        return page.article.updated
    if page.article is not None:
        return page.article.modified
    return None


# The sitemap protocol's limit per file (search engines reject a longer one): past it,
# sitemap.xml becomes an index of sitemap-1.xml, sitemap-2.xml … (~35,000 articles).
MAX_SITEMAP_URLS = 50_000
_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def render_sitemaps(site: Site, pages: Iterable[Page], memo: Memo | None = None) -> dict[str, bytes]:
    """sitemap.xml, and its parts when the site has more URLs than one file may list."""
    listed = sorted((page for page in pages if page.kind not in UNLISTED_KINDS and not empty_list(page)), key=_url)
    if memo is None:  # (a build's 14,000 pages: no partial and recall each)
        entries = [_sitemap_entry(site, page) for page in listed]
    else:
        entries = [recall(memo, "sitemap-lines", page.url, (site.config, page),
                          functools.partial(_sitemap_entry, site, page)) for page in listed]
    if len(entries) <= MAX_SITEMAP_URLS:
        return {"sitemap.xml": _urlset(entries)}
    files, index = {}, []
    for number, start in enumerate(range(0, len(entries), MAX_SITEMAP_URLS), start=1):
        part = entries[start:start + MAX_SITEMAP_URLS]
        name = f"sitemap-{number}.xml"
        files[name] = _urlset(part)
        dates = [moment for _, moment in part if moment is not None]
        lastmod = f"<lastmod>{max(dates).isoformat(timespec='seconds')}</lastmod>" if dates else ""
        index.append(f"  <sitemap><loc>{escape(absolute(site, name))}</loc>{lastmod}</sitemap>")
    files["sitemap.xml"] = _sitemap_file("sitemapindex", index)
    return files


def _url(page: Page) -> str:
    return page.url


def _urlset(entries: list[tuple[str, datetime | None]]) -> bytes:
    return _sitemap_file("urlset", [line for line, _ in entries])


def _sitemap_file(root: str, lines: list[str]) -> bytes:
    return "\n".join(['<?xml version="1.0" encoding="utf-8"?>', f'<{root} xmlns="{_SITEMAP_NS}">',
                      *lines, f"</{root}>", ""]).encode("utf-8")


def _sitemap_entry(site: Site, page: Page) -> tuple[str, datetime | None]:
    line = f"  <url><loc>{escape(absolute(site, page.url))}</loc>"
    lastmod = page_lastmod(site, page)
    if lastmod is not None:
        line += f"<lastmod>{lastmod.isoformat(timespec='seconds')}</lastmod>"
    return line + "</url>", lastmod


ROBOTS = "robots.txt"


def site_robots(site: Site, written: bytes) -> bytes:
    """static/robots.txt, the site's own rules (a folder kept from crawlers, one crawler turned
    away), with the sitemap's line when it names none; a --noindex copy keeps none of them. (It
    was a duplicate-output error, and layouts/robots.txt was read by no one.)"""
    if site.config.noindex:
        return render_robots(site)
    text = written.decode("utf-8", "replace").replace("\r\n", "\n")
    if not re.search(r"(?im)^\s*sitemap\s*:", text):
        text = text.rstrip("\n") + f"\n\nSitemap: {absolute(site, 'sitemap.xml')}\n"
    return text.encode("utf-8")


def render_robots(site: Site) -> bytes:
    if site.config.noindex:  # a staging copy (`build --noindex`): no crawler reads any of it
        return b"User-agent: *\nDisallow: /\n"
    # The search page is not disallowed: it says noindex itself, and a crawler told not to
    # fetch it never reads that (a link to /tim-kiem/?q=… could then be listed by its address).
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute(site, 'sitemap.xml')}\n".encode("utf-8")


def render_extra_files(site: Site, pages: Iterable[Page],
                       html_of: Callable[[Article], str] = lambda a: a.html,
                       memo: Memo | None = None, kept_feeds: feeds.KeptFeeds | None = None,
                       cover_of: Callable[[Article], str] = lambda article: "",
                       moment: datetime | None = None) -> dict[str, bytes]:
    """Every non-page output of this module and of feeds: output path → bytes.

    `html_of(article)` gives an article's converted body (the render stage may
    keep it in the build cache rather than in the Site); `kept_feeds`, the last
    build's feeds in the build cache; `moment`, the build's SOURCE_DATE_EPOCH (the feeds' `updated`
    of a portal without articles)."""
    bodies: dict[str, str] = {}

    def body(article: Article) -> str:
        if article.url not in bodies:
            bodies[article.url] = html_of(article)
        return bodies[article.url]

    files = feeds.render_feeds(site, body, memo, kept_feeds, cover_of, moment)
    if not site.config.noindex:  # a copy search engines must skip lists no page for them
        files.update(render_sitemaps(site, pages, memo))
    files["robots.txt"] = render_robots(site)
    return files


def cover_image(site: Site, article: Article | None, og_image: Callable | None = None) -> str:
    """Absolute URL of the article's sharing image: the images stage's 1200×630
    OpenGraph variant (made from the cover, else the first photo large enough for a
    card) when there is one; else the cover or first picture (another site's) as
    written; else (a page without one, a list) the site's share_image, "" when it has none."""
    fallback = absolute(site, share_image_url(site.config.share_image)) if site.config.share_image else ""
    if article is None:
        return fallback
    variant = og_image(article) if og_image is not None else None
    if variant:
        return absolute(site, variant["path"])
    src = getattr(article, "image", "")  # the field the images stage may add
    src = src if isinstance(src, str) else ""
    if not src:
        found = _FIRST_IMG.search(article.html)
        src = found.group(1) if found else ""
        if og_image is not None and src.startswith(site.config.base_path + OUTPUT_DIR):
            src = ""  # a photo of ours the images stage gave no card: too small for one
    return urljoin(absolute(site, article.url), src) if src else fallback


def breadcrumbs(site: Site, page: Page) -> list[tuple[str, str]]:
    """(name, site-relative URL) from the home page down to this page."""
    config = site.config
    trail = [("Trang chủ", "/")]
    if page.kind == "article" and page.article is not None:
        category = config.categories[page.article.category]
        trail += [(category.name, routes.term_url(category)), (page.article.title, page.url)]
    elif page.kind in ("unit", "campaign") and page.term is not None:
        parent = ("Đơn vị", routes.UNITS_PREFIX) if page.kind == "unit" else ("Phong trào", routes.CAMPAIGNS_PREFIX)
        trail += [parent, (page.term.name, routes.term_url(page.term))]
    elif page.kind == "category" and page.term is not None:
        trail.append((page.term.name, routes.term_url(page.term)))
    elif page.kind == "archive" and "period" in page.extra:
        # Trang chủ › Lưu trữ › Năm 2026 › Tháng 06/2026, as a reader climbs back up (a month's
        # trail had no year, and named the month's page as if it were the archive's own)
        period = page.extra["period"]
        trail.append(("Lưu trữ", archives.ARCHIVE_PREFIX))
        if period.month:
            trail.append((f"Năm {period.year}", archives.archive_url(period.year)))
        number = page.pagination.number if page.pagination is not None else 1
        trail.append((period.label + (f" – Trang {number}" if number > 1 else ""), page.url))
    elif page.kind != "home":
        trail.append((page.title, page.url))
    return trail


def json_ld(site: Site, page: Page, og_image: Callable | None = None) -> Markup:
    """The page's JSON-LD graph, safe to place inside <script>."""
    graph: list[dict[str, Any]] = []
    if page.kind == "article" and page.article is not None:
        graph.append(_news_article(site, page.article, og_image))
    if page.kind == "unit" and page.term is not None and page.term.contact.given:
        graph.append(_unit_organization(site, page.term))
    if page.kind not in ("home", "404"):  # (the 404 page, shown at every missing address, has no place of its own)
        graph.append({
            "@type": "BreadcrumbList",
            "itemListElement": [{"@type": "ListItem", "position": n, "name": name, "item": absolute(site, url)}
                                for n, (name, url) in enumerate(breadcrumbs(site, page), start=1)],
        })
    elif page.kind == "home":
        graph.append({"@type": "WebSite", "name": site.config.title, "url": absolute(site, "/"),
                      "inLanguage": site.config.language, "publisher": {"@id": absolute(site, "/") + "#to-chuc"}})
        graph.append(_portal_organization(site))
    # < > & ' as \u escapes: no "</script>" and no "<!--" that makes a browser read the
    # rest of the page into this script element (a blank page; tests/browser/test_markup_in_text.py).
    return htmlsafe_json_dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)


def _portal_organization(site: Site) -> dict[str, Any]:
    """The unit the portal speaks for, as search engines read it for their knowledge panel: its
    name (site.toml's title), address, logo (share_image) and [contact]'s hotline and e-mail.
    Only what site.toml gives."""
    config, contact = site.config, site.config.contact
    data: dict[str, Any] = {"@type": "GovernmentOrganization", "@id": absolute(site, "/") + "#to-chuc",
                            "name": config.title, "url": absolute(site, "/")}
    if config.share_image:
        data["logo"] = absolute(site, share_image_url(config.share_image))
    if contact.hotlines or contact.email:
        point: dict[str, Any] = {"@type": "ContactPoint"}
        if contact.hotlines:
            point["contactType"] = "Đường dây nóng"  # (as the footer names it)
            point["telephone"] = _telephone(contact)
        if contact.email:
            point["email"] = contact.email
        data["contactPoint"] = point
    if contact.address:
        data["address"] = contact.address
    return data


def _unit_organization(site: Site, unit: Unit) -> dict[str, Any]:
    """A unit with its own hotline, e-mail or address, as search engines show an office's
    number to someone looking for it ("công an xã … số điện thoại")."""
    contact = unit.contact
    data: dict[str, Any] = {"@type": "GovernmentOrganization", "name": unit.name,
                            "url": absolute(site, routes.term_url(unit))}
    if contact.hotlines:
        data["telephone"] = _telephone(contact)
    if contact.email:
        data["email"] = contact.email
    if contact.address:
        data["address"] = contact.address
    return data


def _telephone(contact) -> str | list[str]:
    """schema.org's telephone of a contact with hotlines: the one number, or the list of them."""
    return contact.hotlines[0] if len(contact.hotlines) == 1 else list(contact.hotlines)


def _person(byline: str) -> dict[str, Any]:
    """An author as search engines ask for one: the person's name alone ("Minh Khôi"), and the
    unit an editor wrote after it ("Minh Khôi - Phòng CSGT") as the person's affiliation."""
    source = news_source(byline)
    if source is not None:  # (a repost's source: an organisation, no person)
        return {"@type": "Organization", "name": source}
    name, unit = split_byline(byline)
    person: dict[str, Any] = {"@type": "Person", "name": name}
    if unit:
        person["affiliation"] = {"@type": "Organization", "name": unit}
    return person


def _news_article(site: Site, article: Article, og_image: Callable | None = None) -> dict[str, Any]:
    config = site.config
    unit = config.units[article.unit]
    data: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.date.isoformat(timespec="seconds"),
        "dateModified": article.modified.isoformat(timespec="seconds"),
        "author": [_person(name) for name in article.authors] if article.authors
        else _person(article.author) if article.author
        else {"@type": "Organization", "name": unit.name} if len(article.units) == 1
        # A joint article without a byline: written by the units together.
        else [{"@type": "Organization", "name": config.units[slug].name} for slug in article.units],
        "publisher": {"@type": "Organization", "name": unit.name, "url": absolute(site, routes.term_url(unit)),
                      **({"logo": {"@type": "ImageObject", "url": absolute(site, share_image_url(config.share_image))}}
                         if config.share_image else {})},
        "mainEntityOfPage": absolute(site, article.url),
        "articleSection": config.categories[article.category].name,
        "inLanguage": config.language,
    }
    if article.summary:
        data["description"] = article.summary
    image = cover_image(site, article, og_image)
    if image:
        data["image"] = [image]
    if article.campaigns:
        data["keywords"] = [config.campaigns[s].name for s in article.campaigns]
    return data


def template_globals(site: Site, og_image: Callable | None = None) -> dict[str, Any]:
    """Helpers the default layouts call: feeds, JSON-LD, cover image, breadcrumbs."""
    return {
        "json_ld": lambda page: json_ld(site, page, og_image),
        "cover_image": lambda article: cover_image(site, article, og_image),
        "feeds_for": lambda page: feeds.feeds_for(site, page),
        "search_url": routes.SEARCH_URL,
        "empty_list": empty_list,
        "share_image_size": site.share_image_size,
    }
