"""Links from an article's body to files rather than articles (`[báo cáo](bao-cao.pdf)`).

Owns checking, once everything the build publishes is planned, that each relative link a
body makes (markup.py collects them) leads to something published: a page, a document
beside an article, a file of static/ or assets/; a path from the site's root ("/gioi-thieu/")
that leads to none is a warning (another service of the same host may answer it). Only an article with a folder of its own
(`bai/index.md`) has its neighbouring files published, so a leaf article's link to the
file beside it is named with what to do; so is a web address typed without https://.
Reads nothing from disk: it is given the plan and the listing of content/.
"""
from __future__ import annotations

import posixpath
import re
from typing import Callable, Collection, Iterable, Mapping, Sequence
from urllib.parse import unquote, urlsplit

from generator import aliases, confine
from generator.config import CONFIG_NAME
from generator.diagnostics import Problem, error, warning
from generator.images import is_image_file
from generator.model import Article, under_base_path
from generator.vietnamese import nfc, slugify

_LOOKS_LIKE_A_HOST = re.compile(r"(www\.)?[\w-]+(\.[\w-]+)*\.(vn|com|net|org|gov|edu|info)(/.*)?", re.I)
_LOOKS_LIKE_AN_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# A Vietnamese phone number as editors type it: 0221 3862 124, 0912.345.678, +84 912 345 678, 113.
_LOOKS_LIKE_A_PHONE = re.compile(r"(\+84|0)[\d .-]{8,13}\d|1\d\d")


def unpublished_links(articles: Iterable[Article], links: Mapping[str, Sequence[tuple[str, int]]],
                      outputs: Collection[str], content_files: Collection[str], base_path: str = "/",
                      query_pages: Mapping = {}, base_url: str = "",
                      published_outputs: Collection[str] | None = None,
                      withheld: Collection[str] = (), expired_addresses: Iterable[str] = ()) -> list[Problem]:
    """A `broken-link` problem for each relative link to a file that the build does not
    publish, a `no-such-page` warning for each path from the site's root that leads nowhere.
    `links`: by article source, its body's links to files (Site.file_links); `outputs`: every
    output path planned (pages, files, feeds); `content_files`: the paths of content/'s files,
    as the listing names them (content/…); `base_path`: base_url's path, which a path from
    the host's root may start with; `query_pages`: the pages of old addresses with a query, by
    path (aliases.plan_alias_pages): a link to one with a query no alias keeps is told too (its
    page exists, and said "no article answers this old address" to the reader alone). A link to
    another host (markup.py passes those with a path and no query) is told when its path is an
    article's old address (`old-address-link`): the old portal's link, pasted with its articles.
    `published_outputs` (check, which plans drafts and scheduled articles too): what a build
    publishes now, against which a published article's path from the root is judged, as the build
    judges it; `withheld`: the sources of the articles it leaves out; `expired_addresses`: those of
    the articles whose `expires` has passed (index.index_articles)."""
    problems = []
    expired = address_outputs(expired_addresses)
    articles = list(articles)
    folders = {article.bundle_dir: article.url for article in articles if article.bundle_dir}
    pages = PagesBySpelling(outputs)
    kept: dict[str, Article] | None = None
    last_names: set[str] | None = None  # the last name of each old address's path (_last_name)
    own_host = (urlsplit(base_url).hostname or "") if base_url else ""
    for article in articles:
        for href, line in links.get(article.source, ()):
            if href[:8].lower().startswith(("http://", "https://")) or urlsplit(href).netloc:
                # Another portal's address (markup.py passes those with a path): told when it is one of an
                # article's old ones. Looked for by its last name first: urlsplit and normalize_alias cost
                # 8 µs a link, 0.2 s an edit's build at 30,000 links.
                if kept is None:
                    kept = {alias: other for other in articles for alias in other.aliases}
                if last_names is None:
                    last_names = {_last_name(aliases.split_alias(alias)[0]) for alias in kept}
                if _last_name(unquote(href.strip().partition("#")[0])) not in last_names or not urlsplit(href).netloc:
                    continue
                old = kept.get(aliases.normalize_alias(href) or "")
                if old is not None and (urlsplit(href).hostname or "") != own_host:
                    problems.append(warning(article.source, line, "old-address-link", _old_address(article, href, old)))
                continue
            path = unquote(urlsplit(href).path)
            if path.startswith("/"):
                shown = outputs if published_outputs is None or article.source in withheld else published_outputs
                if not leads_to_a_page(path, shown, base_path):
                    problems.append(_leading_nowhere(article.source, line, href, path, pages, expired, base_path))
                elif (query := urlsplit(href).query) and (page := _page_of_queries(path, query_pages, base_path)) \
                        and not aliases.answers_query(page, query):
                    problems.append(warning(article.source, line, "no-such-page",
                                            f"the link '{href}' is an old address that no article keeps in its "
                                            "aliases: readers get a page saying no article answers it; link the "
                                            "article's .md file, or add the address to its aliases"))
                continue
            target = posixpath.normpath(posixpath.join(article.url, path)).lstrip("/")
            candidates = (posixpath.join(target, "index.html"),) if path.endswith("/") else \
                (target, posixpath.join(target, "index.html"))
            if any(nfc(candidate) in outputs for candidate in candidates):
                continue
            elsewhere = in_another_folder(article.source, path, folders.get)  # (markup.py links it there)
            if elsewhere is not None and elsewhere[1].lstrip("/") in outputs:
                continue
            if kept is None:
                kept = {alias: other for other in articles for alias in other.aliases}
            old = _kept_by("/" + href, kept, query_pages, articles)
            problems.append(error(article.source, line, "broken-link",
                                  _why(article, href, path, content_files) if old is None else
                                  f"the link '{href}' points to nothing the site publishes; it is the old portal's "
                                  f"address of {old.source} written from its root (one of its aliases): link its "
                                  f"file, '{posixpath.relpath(old.source, posixpath.dirname(article.source))}'"))
    return problems


def _kept_by(href: str, kept: Mapping[str, Article], query_pages: Mapping,
             articles: Sequence[Article]) -> Article | None:
    """The article one of whose old addresses `href` (from the host's root) is, or None: as an alias
    writes it, or by the table of the page of its path's old addresses with a query."""
    alias = aliases.normalize_alias(href)
    if alias is None:
        return None
    if alias in kept:
        return kept[alias]
    path, query = aliases.split_alias(alias)
    page = query_pages.get(path) if query else None
    url = aliases.query_target(page, urlsplit(href).query) if page is not None else None
    return next((article for article in articles if article.url == url), None) if url else None


def _last_name(path: str) -> str:
    """The last name of a path ('/tin/123.html' → '123.html'; '/tin/123/' and '/tin/123/index.html' →
    '123'), as normalize_alias keeps it: an address is one of the aliases only if its last name is theirs."""
    names = [name for name in path.split("/") if name not in ("", ".")]
    if names and names[-1] == "index.html":
        names.pop()
    return names[-1] if names else ""


def _old_address(article: Article, href: str, old: Article) -> str:
    return (f"the link '{href}' is the old portal's address of {old.source} (one of its aliases): link its file, "
            f"'{posixpath.relpath(old.source, posixpath.dirname(article.source))}', which leads to its page on this "
            "portal; the old address leads readers away, and nowhere once the old portal is shut down")


def _page_of_queries(path: str, query_pages: Mapping, base_path: str):
    """The page of old addresses with a query at `path` (from the host's root, unquoted), or None."""
    return query_pages.get(aliases.normalize_alias(_from_site_root(path, base_path))) if query_pages else None


def config_links_leading_nowhere(links: Iterable, outputs: Collection[str], base_path: str = "/",
                                 expired_addresses: Iterable[str] = ()) -> list[Problem]:
    """A `no-such-page` warning for each site.toml [[links]] url that is a path of this site
    ("/gioi-thieu/", or with base_url's path: the theme writes it `| site_link`) leading to
    nothing the build publishes (`expired-link` when it is an expired article's address)."""
    pages = PagesBySpelling(outputs)
    expired = address_outputs(expired_addresses)
    return [_leading_nowhere(CONFIG_NAME, link.line, link.url, unquote(urlsplit(link.url).path), pages, expired,
                             base_path)
            for link in links
            if link.url.startswith("/") and not link.url.startswith("//")
            and not leads_to_a_page(unquote(urlsplit(link.url).path), outputs, base_path)]


def address_outputs(addresses: Iterable[str]) -> set[str]:
    """The output paths a link by one of these addresses (an article's URL, its aliases) names."""
    outputs = set()
    for address in addresses:
        target = posixpath.normpath(unquote(urlsplit(address).path)).lstrip("/")
        if target and target != ".":
            outputs |= {nfc(target), nfc(posixpath.join(target, "index.html"))}
    return outputs


def _leading_nowhere(source: str, line: int, href: str, path: str, pages: "PagesBySpelling",
                     expired: Collection[str], base_path: str) -> Problem:
    """A path from the root that leads nowhere: `no-such-page`; but the address of an article
    whose `expires` has passed is `expired-link`, which the clock makes: as a warning --strict
    refused, the build stopped when it came, and the article stayed online past its take-down."""
    if expired and leads_to_a_page(path, expired, base_path):
        return warning(source, line, "expired-link",
                       f"the link '{href}' is the address of an article that has expired (its 'expires' has "
                       "passed): it leads nowhere now; remove the link, or change that article's 'expires'")
    return warning(source, line, "no-such-page", pages.no_page_detail(href))


def _from_site_root(path: str, base_path: str) -> str:
    """A path from the host's root (unquoted) as from the site's: base_url's path taken off."""
    base_path = unquote(base_path)  # (written %-encoded, as a Vietnamese path of base_url is: the path is not)
    return "/" + path[len(base_path):] if base_path != "/" and under_base_path(path, base_path) else path


def leads_to_a_page(path: str, outputs: Collection[str], base_path: str = "/") -> bool:
    """Whether a path from the site's root (unquoted; with base_url's path or without it) names
    something the build publishes: a file, or a folder with its index.html."""
    path = _from_site_root(path, base_path)
    target = posixpath.normpath(path).lstrip("/")
    if not target:
        return True  # (the home page)
    candidates = (posixpath.join(target, "index.html"),) if path.endswith("/") else \
        (target, posixpath.join(target, "index.html"))
    return any(nfc(candidate) in outputs for candidate in candidates)


class PagesBySpelling:
    """The pages of a build by their folders' slugs, made once when a link leads nowhere: each
    such link looked through every output (0.1 s a link at 60,000 outputs; a portal moved from
    an old one may hold hundreds of /Home/ChiTiet/123 links)."""

    def __init__(self, outputs: Collection[str]):
        self.outputs = outputs
        self._by_key: dict[tuple[str, ...], str] | None = None

    def no_page_detail(self, href: str) -> str:
        """Why a path from the site's root is told: it leads to no page or file of this portal."""
        if self._by_key is None:
            self._by_key = {}
            for output in sorted(self.outputs):
                if output.endswith("index.html"):
                    folder = output.removesuffix("index.html")
                    self._by_key.setdefault(_path_key(folder), "/" + folder)
        near = self._by_key.get(_path_key(unquote(urlsplit(href).path)))
        return (f"the link '{href}' leads to no page or file of this portal"
                + (f"; did you mean '{near}'?" if near else "")
                + " (if another service of this host answers it, write its whole address: https://…)")


def _path_key(path: str) -> tuple[str, ...]:
    """A path's folders as slugs: the same for "/Đơn vị/" or "/gioi_thieu" and the page's "/don-vi/"."""
    return tuple(slugify(part) for part in path.split("/") if part)


def in_another_folder(source: str, path: str, url_of: Callable[[str], str | None]) -> tuple[str, str] | None:
    """(the folder, where the file is published) for a file of another article's folder that
    `path` (unquoted, relative to the article `source`) names: that article's URL, from its
    title, not its folder's name, then the file's path in the folder. `url_of(folder)`: the URL
    of the article whose folder it is, or None. None for a file of its own folder or of none."""
    beside = nfc(posixpath.normpath(posixpath.join(posixpath.dirname(source), path)))
    folder = posixpath.dirname(beside)
    while folder and folder != ".":
        url = url_of(folder)
        if url is not None:
            own = folder + "/index.md" == source
            return None if own else (folder, url.rstrip("/") + "/" + beside[len(folder) + 1:])
        folder = posixpath.dirname(folder)
    return None


def _why(article: Article, href: str, path: str, content_files: Collection[str]) -> str:
    beside = nfc(posixpath.normpath(posixpath.join(posixpath.dirname(article.source), path)))
    if beside in content_files and is_image_file(beside):
        return (f"the link '{href}' points to a photo, which is published only where the body shows it: "
                f"write ![…]({href}) to show it")
    if beside in content_files and not article.bundle_dir:
        stem = posixpath.splitext(posixpath.basename(article.source))[0]
        return (f"the link '{href}' points to {beside}, which is not published: only the files in an "
                f"article's own folder are (move the article to {stem}/index.md, with the file beside it)")
    if _LOOKS_LIKE_A_HOST.fullmatch(path):
        return f"the link '{href}' is read as a file of this site; write https://{href} for a web address"
    if _LOOKS_LIKE_AN_ADDRESS.fullmatch(path):
        return f"the link '{href}' is read as a file of this site; write mailto:{href} for an e-mail address"
    if _LOOKS_LIKE_A_PHONE.fullmatch(path.strip()):
        return (f"the link '{href}' is read as a file of this site; write tel:{re.sub(r'[ .-]', '', path)} "
                "for a phone number (a tap on a phone calls it)")
    whole = confine.named_with_marks(article.source, href)
    if whole in content_files:
        return f"the link '{href}' points to nothing the site publishes; {confine.marks_in_name(href)}"
    named = confine.other_case(beside, content_files)
    if named is not None:
        return f"the link '{href}' points to nothing the site publishes; {confine.named_in_other_case(named)}"
    meant = _article_file(path, beside, content_files)
    if meant is not None:  # (an article's folder or its file's name without .md, as a web address is written)
        fragment = urlsplit(href).fragment
        return (f"the link '{href}' points to no article (check the path to its .md file); did you mean "
                f"'{meant}{'#' + fragment if fragment else ''}'?")
    near = _near_name(beside, content_files)
    if near is not None:
        return f"the link '{href}' points to nothing the site publishes; did you mean '{near}', in the same folder?"
    return f"the link '{href}' points to nothing the site publishes"


def _article_file(path: str, beside: str, content_files: Collection[str]) -> str | None:
    """The .md file an article link `path` (relative, to `beside` from the site's root) meant when
    it names the article's folder ("../bai-khac", "../bai-khac/") or its file without ".md": the
    link leads to its page only while the folder's name is the page's slug."""
    stem = path.rstrip("/")
    if not stem or stem.endswith((".", "/..")) or beside in ("", "."):
        return None
    for suffix in ("/index.md", ".md"):
        if nfc(beside + suffix) in content_files:
            return stem + suffix
    return None


def _near_name(path: str, content_files: Collection[str]) -> str | None:
    """A file in `path`'s folder of the same name but for case, tone marks, "_" or spaces
    ("ke_hoach.pdf", "Kế hoạch.pdf" for "ke-hoach.pdf"); not a merely similar one
    ("bao-cao-2.pdf" is another report than "bao-cao-1.pdf")."""
    folder, name = posixpath.split(path)
    key = slugify(name)
    return next((posixpath.basename(f) for f in sorted(content_files)
                 if posixpath.dirname(f) == folder and slugify(posixpath.basename(f)) == key), None)
