"""Pages of their own: Giới thiệu, Lãnh đạo Công an tỉnh, Liên hệ, Thủ tục hành chính.

Owns which content files are such pages (those under content/trang/), the meaning of
their front-matter (title, summary, slug, draft, updated, weight, aliases, menu) and their
URLs, /<slug>/ at the site's root, as Hugo publishes content/about.md and Pelican its
pages/. A page is read into an Article with no date, unit, category or campaigns, so the
markup, photo and cache stages treat its body as an article's; it is never listed, fed or
related, search finds it (search.py: no date, unit or filter), and the footer of every page
links it (layouts/partials/footer.html, by `weight`); with `menu: true` the header's menu too.
"""
from __future__ import annotations

from datetime import datetime
from typing import Collection, Iterable, Mapping

from generator import aliases as aliases_stage
from generator.config import RESERVED_SLUGS
from generator.diagnostics import Problem, error, suggest, warning
from generator.index import (IndexOptions, _flag, _text, check_summary_placeholder, device_note, device_renamed,
                             error_adder, parse_date, read_slug, slug_given, unknown_key, url_line)
from generator.markup import plain_summary
from generator.model import PAGES_DIR, Article, SiteConfig, SourceFile, frozen_map
from generator.publishing_keys import publishing_key_problem
from generator.vietnamese import collation_key, nfc

PAGE_KEYS = ("title", "summary", "slug", "draft", "updated", "weight", "aliases", "menu")
# What only news has: read on an article, told and passed over on a page.
NEWS_KEYS = ("date", "unit", "category", "campaigns", "author", "featured", "expires", "related",
             "image", "image_caption", "image_focus", "extra")
# A page has no date of its own; the stages that sort by date never see one.
NO_DATE = datetime(2000, 1, 1)


def is_page_source(path: str) -> bool:
    return path.startswith(PAGES_DIR)


def split_sources(sources: Iterable[SourceFile]) -> tuple[list[SourceFile], list[SourceFile]]:
    """(the articles' sources, the pages' sources), each in the order given."""
    news, pages = [], []
    for source in sources:
        (pages if is_page_source(source.path) else news).append(source)
    return news, pages


def index_pages_beside(config: SiteConfig, articles: list[Article], news: Iterable[SourceFile],
                       page_sources: list[SourceFile], options: IndexOptions = IndexOptions(),
                       left_out: dict | None = None) -> tuple[list[Article], list[Problem]]:
    """The pages (index_pages) with every problem they make among the `articles` (read from
    `news`): their own, their addresses, their aliases, and an article's alias onto one."""
    pages, problems = index_pages(config, page_sources, options, left_out)
    problems += aliases_stage.find_alias_collisions(config, [*articles, *pages], {s.path: s for s in page_sources},
                                                    only=pages)
    problems += aliases_onto_pages(articles, pages, {s.path: s.line_of("aliases") for s in news})
    problems += aliases_stage.find_term_alias_collisions(config, [*articles, *pages])
    return pages, problems


def index_pages(config: SiteConfig, sources: Iterable[SourceFile], options: IndexOptions = IndexOptions(),
                left_out: dict | None = None) -> tuple[list[Article], list[Problem]]:
    """The published pages in the footer's order (by `weight`, then title), and the problems.
    A draft left out is counted in `left_out["draft"]`, with the articles'."""
    found: list[tuple[int, Article]] = []
    problems: list[Problem] = []
    for source in sources:
        page, weight, own = read_page(config, source)
        problems += own
        if page is not None and (options.drafts or not page.draft):
            found.append((weight, page))
        elif page is not None and left_out is not None:
            left_out["draft"] = left_out.get("draft", 0) + 1
    found.sort(key=lambda pair: (pair[0], collation_key(pair[1].title), pair[1].url))
    pages = [page for _, page in found]
    problems += taken_urls(config, pages, {s.path: url_line(s) for s in sources},
                           {s.path for s in sources if slug_given(s.front)})
    return pages, problems


def read_page(config: SiteConfig, source: SourceFile) -> tuple[Article | None, int, list[Problem]]:
    fm, problems = source.front, []
    fail = error_adder(source, problems)

    for key in fm:
        if key in NEWS_KEYS:
            problems.append(warning(source.path, source.line_of(key), "news-key-on-page",
                                    f"'{key}' is not read on a page of its own: {PAGES_DIR} holds pages such as "
                                    "Giới thiệu or Liên hệ, not news; to publish this file as an article, move it "
                                    "into another folder of content/"))
        elif key not in PAGE_KEYS:
            spelt = suggest(str(key), PAGE_KEYS)
            withheld = publishing_key_problem(source, key, fm[key], dated=False, misspelling_of=spelt)
            problems.append(withheld or unknown_key(source, key, spelt))
    title = _text(fm, "title", fail, required=True)
    summary = plain_summary(_text(fm, "summary", fail) or "")
    draft = _flag(fm, "draft", fail)
    check_summary_placeholder(summary, draft, fail)
    menu = _menu_name(fm, title, fail)
    updated, has_time = parse_date(fm.get("updated"), config.zone,
                                   lambda m: fail("updated", "bad-date", m.replace("'date'", "'updated'")))
    weight = fm.get("weight", 0)
    if isinstance(weight, bool) or not isinstance(weight, int):
        fail("weight", "wrong-type", "'weight' must be a whole number: pages are listed from the smallest")
        weight = 0
    slug = read_slug(fm, title, fail)
    page_aliases = aliases_stage.read_aliases(fm.get("aliases"), lambda m, item=None: fail("aliases", "bad-alias", m, item))
    if any(p.is_error for p in problems):
        return None, 0, problems
    moment = updated or NO_DATE.replace(tzinfo=config.zone)
    return Article(
        source=source.path, title=title, date=moment, has_time=has_time and updated is not None, units=(),
        category="", campaigns=(), slug=slug, url=page_url(slug), summary=summary, draft=draft,
        body=source.body, body_line=source.body_line, bundle_dir=source.bundle_dir, extra=frozen_map(),
        source_digest=source.digest, body_loaded=source.body_loaded, updated=updated, aliases=page_aliases,
        menu=menu,
    ), weight, problems


def _menu_name(fm: Mapping, title: str | None, fail) -> str:
    """`menu: true` shows the page in the header's menu under its title; `menu: Giới thiệu`
    under a shorter name (as Hugo's menu `name`); false or absent, in the footer alone."""
    value = fm.get("menu", False)
    if isinstance(value, bool):
        return (title or "") if value else ""
    if isinstance(value, str) and value.strip():
        return nfc(value).strip()
    fail("menu", "wrong-type", "'menu' must be true, false, or the name to show in the header's menu")
    return ""


def page_url(slug: str) -> str:
    return f"/{slug}/"


def taken_urls(config: SiteConfig, pages: list[Article], lines: Mapping[str, int],
               slugs_written: Collection[str] = ()) -> list[Problem]:
    """A page's address must not be a category's, one the portal uses itself, or another page's.
    `slugs_written`: the sources whose front-matter writes the slug."""
    problems, owners = [], {}
    for page in sorted(pages, key=lambda p: p.source):
        where = (page.source, lines.get(page.source, 1), "page-url-taken")
        taken = taken_by_site(config, page.slug)
        if taken:
            problems.append(error(*where, taken))
        elif page.url in owners:
            owner = owners[page.url]
            renamed = next((p for p in (owner, page) if device_renamed(p, slugs_written)), None)
            problems.append(error(*where, f"{page.url} is also the address of the page {owner.source}"
                                          f"{device_note(renamed, page, named=True)}; give one of them another 'slug'"))
        else:
            owners[page.url] = page
    return problems


def taken_by_site(config: SiteConfig, slug: str) -> str | None:
    """Why /<slug>/ cannot be a page's address (a category's, or the portal's own), or None."""
    url = page_url(slug)
    if slug in config.categories:
        return f"{url} is the address of the category '{config.categories[slug].name}'; give the page another 'slug'"
    if slug in RESERVED_SLUGS:
        return f"{url} is an address the portal uses itself; give the page another 'slug'"
    return None


def aliases_onto_pages(articles: Iterable[Article], pages: Iterable[Article], lines: Mapping[str, int]) -> list[Problem]:
    """An article's alias must not replace a page of its own (`lines`: each article's 'aliases' line)."""
    owners: dict[str, str] = {}
    for page in sorted(pages, key=lambda p: p.source):  # the first, as taken_urls names it
        owners.setdefault(page.url, page.source)
    return [error(a.source, lines.get(a.source, 1), "alias-collision",
                  f"the alias {alias} would replace the page {owners[alias]}; remove it")
            for a in articles for alias in a.aliases if alias in owners]
