"""`python build.py check [--strict] [--format json]`: validate, write nothing.

Owns the checks a build does not need but an editor does (skipped heading
levels, links from published articles to unpublished ones, external links
that are not https) and the check
report (text for people, JSON for CI). Runs the real stages (config,
content, index, images plan, markup) for everything else — missing photos,
photos without alt text, broken links — drafts and scheduled articles
included, so `check` and `build` never disagree about what is an error.
Reads files; writes none. With the build cache it reads (never writes) what
the builds checked and converted of the files unchanged since, as a build
does: a check after a build of 10,000 articles reads and converts only what
changed, in seconds instead of a cold build's markup stage.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, replace
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable
from urllib.parse import unquote, urlsplit

from generator import (aliases, anchors, assets, attachments, config as config_stage, confine, content, filelinks,
                       images, index, markup, messages, rendering, routes, seo, standalone, workers)
from generator.cache import BuildCache
from generator.causes import last_record
from generator.diagnostics import Problem, as_errors, has_errors, seen_from_here, sort_problems, warning
from generator.fences import fenced, indented_code
from generator.layout_check import check_layouts
from generator.model import Site, SourceFile, frozen_map
from generator.saved_text import as_utf8
from generator.share_image import located_pictures, read_share_image, share_image_problems
from generator.unkept_addresses import unkept_addresses

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")


@dataclass(frozen=True)
class CheckReport:
    articles: int  # files read as news (drafts and scheduled ones too)
    problems: tuple[Problem, ...]
    strict: bool = False
    pages: int = 0  # pages of their own (content/trang/)
    config_read: bool = True  # False: site.toml does not read, and the articles were read alone

    @property
    def shown(self) -> tuple[Problem, ...]:
        """Problems as reported: under --strict every warning is an error."""
        if not self.strict:
            return self.problems
        return as_errors(self.problems)

    @property
    def ok(self) -> bool:
        return not has_errors(self.shown)


def check_site(site_dir: Path, strict: bool = False, cache_dir: Path | None = None,
               jobs: int | None = None, now: datetime | None = None) -> CheckReport:
    """Every problem of the site. `cache_dir`: a build cache to read, never written (None: read
    and convert everything); `jobs`: worker processes (default: all cores); `now`: the moment
    to judge schedules and expiry at (SOURCE_DATE_EPOCH, as `build` takes it; None: now)."""
    site_config, problems = config_stage.load_config(site_dir)
    if site_config is None and (site_dir / config_stage.CONFIG_NAME).is_file():
        return _articles_alone(site_dir, problems, strict, cache_dir, jobs)
    if site_config is None:
        return CheckReport(0, sort_problems(problems), strict)
    cache, listing, news, page_sources = _read_articles(site_dir, cache_dir, jobs, problems)
    moment = now.astimezone(site_config.zone) if now is not None else datetime.now(site_config.zone)
    why_left_out: dict[str, str] = {}  # (expired articles only, here)
    expired_addresses: set[str] = set()
    articles, _, found = index.index_articles(site_config, news, index.IndexOptions(drafts=True, future=True, now=moment),
                                              cache=cache, reasons=why_left_out, expired_addresses=expired_addresses)
    pages, found_in_pages = standalone.index_pages_beside(site_config, articles, news, page_sources,
                                                          index.IndexOptions(drafts=True))
    found = [*found, *found_in_pages]
    problems += found
    news_count = len(articles)
    articles = [*articles, *pages]  # photos, links and bodies are checked alike
    if has_errors(found):  # links and photos are only judged against a complete set of articles
        return CheckReport(len(news), sort_problems(problems), strict, len(page_sources))
    load_body = functools.partial(content.load_body, site_dir)
    plan, image_problems = images.plan_images(site_dir, articles, site_config.images, load_body, cache)
    problems += image_problems
    documents = attachments.sizes_beside(articles, assets.bundle_files(listing))
    problems += attachments.large_documents(documents)
    # The files a build would copy, and their problems (a file nothing publishes, one that would
    # run as part of the portal, a static/ file in the build's way), as the build plans them.
    files, found = assets.plan_files(site_dir, articles, listing, plan.sources, site_config.base_path)
    problems += found
    links_to_files: dict = {}
    links_to_articles: dict = {}
    links_to_parts: dict = {}
    # Converted as the build converts them (the same settings, so the same cache keys).
    converted, found = markup.convert_articles(articles, site_config.base_path, cache, jobs, load_body, plan,
                                               site_config.iframe_hosts, links_to_files=links_to_files,
                                               links_to_articles=links_to_articles, links_to_parts=links_to_parts,
                                               documents=documents, expired=why_left_out.keys())
    site = Site(config=site_config, articles=tuple(converted[:news_count]), standalone=tuple(converted[news_count:]),
                attachments=frozen_map(documents))
    reconvert = markup.reconverter(site_dir, site, plan)
    problems += check_insecure_links(site_config, site_dir, converted, cache, reconvert, jobs)
    problems += anchors.dead_part_links(links_to_parts, converted,
                                        functools.partial(markup.load_html, cache=cache, reconvert=reconvert))
    pages, outputs = planned_outputs(site, files)
    problems += assets.output_collisions(outputs, files, site_dir)
    published = set(outputs) | files.keys() | {variant.name for variant in plan.variants}
    # A path from the root to a draft's or a scheduled article's page (one taken down with
    # `draft: true`), in a body or in site.toml's [[links]], leads nowhere in the build, a
    # no-such-page warning there: check said nothing.
    withheld = {a.source for a in site.articles if not _published_at(a, moment)}
    withheld |= {page.source for page in site.standalone if page.draft}
    shown = None
    if withheld and (_links_to_withheld(site_config, site, withheld)
                     or any(href.startswith("/") for source, hrefs in links_to_files.items() if source not in withheld
                            for href, _ in hrefs)):
        now_published = replace(site, articles=tuple(a for a in site.articles if a.source not in withheld),
                                standalone=tuple(page for page in site.standalone if page.source not in withheld))
        shown = set(planned_outputs(now_published, dict(files))[1]) | files.keys() | \
            {variant.name for variant in plan.variants}
    if links_to_files:  # (the links to files that `build` would find leading nowhere)
        problems += filelinks.unpublished_links(converted, links_to_files, published,
                                                {rel for rel, _ in listing}, site_config.base_path, query_pages(pages),
                                                site_config.base_url, published_outputs=shown, withheld=withheld,
                                                expired_addresses=expired_addresses)
    problems += filelinks.config_links_leading_nowhere(site_config.links, published if shown is None else shown,
                                                       site_config.base_path, expired_addresses)
    problems += share_image_problems(site_dir, site_config.share_image, published, files,
                                     *read_share_image(site_config.share_image, files))
    problems += located_pictures(site_dir, site_config.share_image, files)
    problems += images.not_told_twice(found, image_problems)
    problems += _links_to_unpublished(site_config, news_count, articles, plan, found, links_to_articles, load_body,
                                      moment)
    # The layouts the pages use, as far as a build finds their problems without rendering.
    problems += check_layouts(site_dir, {page.template for page in pages})
    if strict:  # (build --strict stops at an address readers had, dropped without an alias: so does check)
        published = replace(site, articles=tuple(a for a in site.articles if _published_at(a, moment)),
                            standalone=tuple(page for page in site.standalone if not page.draft))
        problems += unkept_addresses(site_dir, published, last_record(cache.load_state(rendering.STATE_NAME), cache))
    return CheckReport(len(news), sort_problems(problems), strict, len(page_sources))


def planned_outputs(site: Site, files: dict) -> tuple[list, list[str]]:
    """(the pages, every path a build writes besides the copied `files`), planned without rendering
    a page, for the collision and link checks; static/robots.txt leaves `files` (build.py makes the
    site's own robots.txt of it)."""
    pages = routes.plan_pages(site)
    outputs = [page.output_path for page in pages] + list(seo.render_extra_files(site, pages))
    outputs += list(aliases.query_tables(pages))
    files.pop(seo.ROBOTS, None)
    return pages, outputs


def links_to_files_leading_nowhere(site_dir: Path, site: Site, plan, listing) -> list[Problem]:
    """The bodies' links to files that lead to nothing a build would publish (filelinks.py), worked
    out as check works them out: for a build that stops at its bodies' own errors, before it plans
    what it writes. A missing document or clip was told by the build after, once those were mended."""
    files, _ = assets.plan_files(site_dir, site.articles_and_pages, listing, plan.sources, site.config.base_path)
    pages, outputs = planned_outputs(site, files)
    published = set(outputs) | files.keys() | {variant.name for variant in plan.variants}
    return filelinks.unpublished_links(site.articles_and_pages, site.file_links, published,
                                       {rel for rel, _ in listing}, site.config.base_path, query_pages(pages),
                                       site.config.base_url)


def query_pages(pages) -> dict:
    """The pages of old addresses with a query, by path (filelinks.unpublished_links)."""
    return {page.url: page for page in pages if page.kind == "query-alias"}


def _read_articles(site_dir: Path, cache_dir: Path | None, jobs: int | None, problems: list[Problem]):
    """(the build cache, the listing of content/, the news, the pages of their own) as read, with
    what the files say by themselves added to `problems`: their front-matter's syntax, their own
    conflicts, headings, files left beside them, symlinks leaving the site. Drafts and scheduled
    articles are read too: they will be published one day."""
    # Its answers are keyed by the files' bytes, the settings and this code, as for a build.
    cache = BuildCache(cache_dir, read_only=True)
    listing = content.list_content(site_dir)  # once, for the articles and the files beside them
    sources, found = content.load_content(site_dir, cache, listing=listing, jobs=jobs)
    problems += found + content.no_articles(site_dir, listing)
    problems += confine.check_site_files(site_dir, {content.CONTENT_DIR: listing})
    problems += heading_problems(site_dir, sources, jobs)
    return (cache, listing, *standalone.split_sources(sources))


def _links_to_withheld(site_config, site: Site, withheld: set[str]) -> bool:
    """Whether one of site.toml's [[links]] is the address of a page the build leaves out (a draft's,
    a scheduled article's): only then is what the build publishes planned again (0.5 s at 10,000)."""
    pages = filelinks.address_outputs(a.url for a in site.articles_and_pages if a.source in withheld)
    return any(link.url.startswith("/") and not link.url.startswith("//") and
               filelinks.leads_to_a_page(unquote(urlsplit(link.url).path), pages, site_config.base_path)
               for link in site_config.links)


def _published_at(article, moment: datetime) -> bool:
    """Whether a build at `moment` publishes a news article check read (drafts and scheduled too)."""
    return index.leave_out_reason(article, index.IndexOptions(now=moment), moment) is None


def _articles_alone(site_dir: Path, problems: list[Problem], strict: bool, cache_dir: Path | None,
                    jobs: int | None) -> CheckReport:
    """site.toml does not read (a merge conflict, a syntax error): its problems, and what the
    articles say by themselves. Their units, categories, photos and links are judged against
    site.toml, once it reads: an editor fixing site.toml first learnt of nothing else."""
    _, _, news, page_sources = _read_articles(site_dir, cache_dir, jobs, problems)
    return CheckReport(len(news), sort_problems(problems), strict, len(page_sources), config_read=False)


def _links_to_unpublished(site_config, news_count: int, articles, plan, already: list[Problem],
                          links_to_articles: dict, load_body, moment: datetime) -> list[Problem]:
    """A published article (or page) linking a draft or scheduled one fails `build` today: say so.
    Only the published articles that link to one are converted again, as the build would.
    `articles`: the news (the first `news_count`, drafts and scheduled ones too), then the pages;
    `load_body`: content.load_body for the site (an article the cache gave has no body kept);
    `moment`: the build's, in the site's zone."""
    published = [a for a in articles[:news_count] if _published_at(a, moment)]
    published += [a for a in articles[news_count:] if not a.draft]
    unpublished = {a.source for a in articles} - {a.source for a in published}
    linking = [a for a in published if unpublished.intersection(links_to_articles.get(a.source, ()))]
    if not linking:
        return []
    _, found = markup.convert_articles(linking, site_config.base_path, images=plan, link_targets=published,
                                       load_body=load_body, unpublished=unpublished)
    seen = set(already)
    return [p for p in found if p.code == "broken-link" and p not in seen]


def insecure_host(url: str) -> str | None:
    """The host of an external link that is not https (http://, ftp://, ws://), else None."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None  # not a URL a browser would follow
    if not host or parts.scheme.lower() in ("https", "wss"):
        return None
    return host


def insecure_link(path: str, line: int, url: str, host: str):
    scheme = urlsplit(url.strip()).scheme.lower()
    return warning(path, line, "insecure-link",
                   f"the link '{url}' uses {scheme}, not https: the connection to {host} is not encrypted; "
                   "use https:// if that site offers it")


class _Targets(HTMLParser):
    """Every href/src/action a reader's browser may follow, in document order."""

    ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "cite", "data")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in self.ATTRIBUTES and value]


def check_insecure_links(site_config, site_dir: Path, articles, cache: BuildCache | None = None,
                         reconvert=None, jobs: int | None = None) -> list[Problem]:
    """http:// links in article bodies (as converted: in memory, or in the `cache` under their
    html_key, else `reconvert`ed) and in site.toml [[links]], each with its line."""
    problems = []
    toml_lines = _read_lines(site_dir / config_stage.CONFIG_NAME)
    after = 0
    for link in site_config.links:
        host = insecure_host(link.url)
        if host:
            after = _find_line(toml_lines, link.url, after)
            problems.append(insecure_link(config_stage.CONFIG_NAME, after or 1, link.url, host))
    found = workers.run_chunks(_insecure_chunk, range(len(articles)), jobs,
                               {"articles": articles, "cache": cache or BuildCache(None), "reconvert": reconvert,
                                "site_dir": site_dir})
    return problems + [problem for in_body in found for problem in in_body]


def _insecure_chunk(chunk: Iterable[int]) -> list[list[Problem]]:
    """Worker: the insecure links of the articles at these positions."""
    articles, site_dir = workers.shared("articles"), workers.shared("site_dir")
    html_of = functools.partial(markup.load_html, cache=workers.shared("cache"), reconvert=workers.shared("reconvert"))
    found = []
    for position in chunk:
        article = articles[position]
        try:
            found.append(insecure_links_in(site_dir, article, html_of(article)))
        except content.ChangedDuringBuild as changed:  # its body had to be converted again, and was saved meanwhile
            found.append([changed.problem()])
    return found


# An attribute value (our sanitised HTML always quotes them) that is an address on another host
# by any scheme but https and wss, or by none (//host): the only bodies worth parsing.
_MAYBE_INSECURE = re.compile(r"""=["']\s*(?!(?:https|wss):)(?:[a-z][a-z0-9+.-]*:)?//""", re.IGNORECASE)


def insecure_links_in(site_dir: Path, article, body_html: str) -> list[Problem]:
    """The insecure links of one converted body, each at the line of the file that has it."""
    if not _MAYBE_INSECURE.search(body_html):  # (nearly every body: one search in C)
        return []
    parser = _Targets()
    parser.feed(body_html)
    parser.close()
    insecure = [(url, host) for url in parser.urls for host in [insecure_host(url)] if host]
    if not insecure:
        return []
    try:  # the body as written, for the lines (the converted one no longer has them)
        body, body_line = content.load_body(site_dir, article.source, article.as_read)
    except content.ChangedDuringBuild:
        body, body_line = "", article.body_line
    lines, after, problems = body.split("\n"), 0, []
    for url, host in insecure:
        after = _find_line(lines, url, after)
        problems.append(insecure_link(article.source, body_line + max(after - 1, 0), url, host))
    return problems


def _read_lines(path: Path) -> list[str]:
    try:
        return as_utf8(path.read_bytes()).decode("utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return []


def _find_line(lines: list[str], needle: str, after: int) -> int:
    """1-based line of `needle`'s next occurrence after line `after` (else the first, else `after`)."""
    for start in (after, 0):
        for number in range(start + 1, len(lines) + 1):
            if needle in lines[number - 1]:
                return number
    return after


def code_lines(body: str) -> Iterable[tuple[int, str, bool]]:
    """(offset, line, inside code: a fenced block or indented) for each body line."""
    for offset, (line, in_code) in enumerate(fenced(body.split("\n"))):
        yield offset, line, in_code or indented_code(line)


def heading_problems(site_dir: Path, sources: list[SourceFile], jobs: int | None = None) -> list[Problem]:
    """check_headings of every source, on all cores; a body the content stage did not keep
    (a file unchanged since the last build) is read again."""
    found = workers.run_chunks(_headings_chunk, range(len(sources)), jobs, {"sources": sources, "site_dir": site_dir})
    return [problem for in_source in found for problem in in_source]


def _headings_chunk(chunk: Iterable[int]) -> list[list[Problem]]:
    sources, site_dir = workers.shared("sources"), workers.shared("site_dir")
    found = []
    for position in chunk:
        source = sources[position]
        if not source.body_loaded:
            try:
                body, _ = content.load_body(site_dir, source.path, (source.digest, source.body_line))
            except content.ChangedDuringBuild as changed:
                found.append([changed.problem()])
                continue
            source = replace(source, body=body, body_loaded=True)
        found.append(check_headings(source))
    return found


# A line that could make a heading other than an h2 (an ATX one as _ATX reads it, or the underline
# of a setext h1), in code or not; a '-' underline makes an h2.
_HEADING_LIKE = re.compile(r"^ {0,3}(#{1,6}(?=[ \t]|$)|=+[ \t]*$)", re.MULTILINE)


def check_headings(source: SourceFile) -> list[Problem]:
    """Skipped heading levels in one article, with true file lines."""
    if all(found.group(1) == "##" for found in _HEADING_LIKE.finditer(source.body)):
        return []  # (most bodies: every heading, if any, is an h2, and an h2 after the title skips nothing)
    return skipped_levels(source)


def skipped_levels(source: SourceFile) -> list[Problem]:
    """check_headings without its shortcut: every line read."""
    headings: list[tuple[int, int]] = []  # (file line, level as written)
    previous = ""
    for offset, line, in_code in code_lines(source.body):
        if in_code:
            previous = ""
            continue
        atx, setext = _ATX.match(line), _SETEXT.match(line)
        if atx:
            headings.append((source.body_line + offset, len(atx.group(1))))
        elif setext and previous.strip() and not _ATX.match(previous):
            headings.append((source.body_line + offset - 1, 1 if setext.group(1)[0] == "=" else 2))
        previous = line
    return _check_headings(source.path, headings)


def _check_headings(path: str, headings: list[tuple[int, int]]) -> list[Problem]:
    # The title is the page's h1; a body that uses '#' is shifted one level down
    # by the markup stage, so compare levels as the reader will get them.
    shift = 1 if any(level == 1 for _, level in headings) else 0
    problems, previous = [], 1
    for line, level in headings:
        shown = min(6, level + shift)
        if shown > previous + 1:
            problems.append(warning(path, line, "skipped-heading-level",
                                    f"heading level {shown} follows level {previous}; use "
                                    f"'{'#' * (previous + 1 - shift)}' here so screen readers keep the outline"))
        previous = shown
    return problems


def report_json(report: CheckReport, lang: str = "en") -> str:
    shown = report.shown
    return json.dumps({
        "ok": report.ok,
        "strict": report.strict,
        "articles": report.articles,
        "pages": report.pages,
        "config_read": report.config_read,
        "errors": sum(p.is_error for p in shown),
        "warnings": sum(not p.is_error for p in shown),
        "problems": [messages.problem_record(p, lang) for p in shown],
    }, ensure_ascii=False, indent=2)


def run_check(args, site_dir: Path) -> int:
    report = check_site(site_dir, strict=args.strict, cache_dir=args.cache_to_read, now=getattr(args, "now", None))
    if args.format == "json":
        print(report_json(report, args.lang))
    else:
        lang = args.lang
        for line in messages.describe_all(seen_from_here(report.shown, site_dir), lang):
            print(line)
        shown = report.shown
        pages = messages.text("checked-pages", lang, n=report.pages) if report.pages else ""
        print(messages.text("checked", lang, articles=report.articles, pages=pages,
                            errors=sum(p.is_error for p in shown), warnings=sum(not p.is_error for p in shown)))
        if not report.config_read:
            print(messages.text("checked-without-config", lang))
    return 0 if report.ok else 1
