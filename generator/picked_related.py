"""Related news an editor picks (front-matter `related`), shown first in "Tin liên quan".

A follow-up ("Khởi tố thêm 3 bị can") belongs with the first report of the case, which
the ranking may not choose: it cannot know they tell one story. The editor names the
earlier articles as links name them (`../vu-an/index.md`), from the site's root
(`content/tin-hoat-dong/vu-an.md`), or by the address a browser shows
(`https://congan…/tin-hoat-dong/vu-an/`), of which the path alone is read, as an alias's is:
copied from the live portal, it names the same article in a staging build. The ranking fills
the list up to `related_count` after them.

Pure: `read` keeps each target as a content path or a site path (what one file can
know), `check` tells an editor which name no article, `resolve` gives the URLs.
"""
from __future__ import annotations

import posixpath
from typing import Callable, Iterable, Mapping
from urllib.parse import unquote, urlsplit

from generator.aliases import listed, normalize_alias
from generator.diagnostics import Problem, error, kind_of, suggest_name, warning
from generator.model import Article, SourceFile
from generator.vietnamese import nfc

CONTENT_ROOT = "content/"


def read(value, source: str, base_url: str, fail: Callable[..., None]) -> tuple[str, ...]:
    """The targets as written in `source`'s front-matter: 'content/….md' or '/…/'. `fail(message)`
    for the list, `fail(message, number)` for its item `number` (from 0)."""
    return tuple(read_at(value, source, base_url, fail))


def read_at(value, source: str, base_url: str, fail: Callable[..., None]) -> dict[str, int]:
    """read, with the number of the item each target was first written as."""
    value = listed(value, fail, "'related' must be a list of articles, e.g. [../vu-an/index.md]")
    targets: dict[str, int] = {}  # in the order written, each once
    for number, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            fail(f"each related article is the path of its file, not {kind_of(item)}", number)
            continue
        # (A Windows path, "..\\vu-an\\index.md", names the folders as "/" does.)
        targets.setdefault(_target(nfc(item.strip()).replace("\\", "/"), source, base_url), number)
    return targets


def _target(written: str, source: str, base_url: str) -> str:
    try:
        parts = urlsplit(written)
    except ValueError:  # "http://[old]/tin/3.html": no address, so no article of ours
        return written
    path = unquote(parts.path)
    if parts.scheme not in ("", "http", "https") or (parts.scheme and not parts.netloc):
        return written  # (mailto:, C:/…): never an article of ours
    if parts.netloc or path.startswith("/"):
        # An address is read by its path, as an alias is: its host may be the portal's before
        # a base_url change, or the live portal's seen from a staging build (--base-url).
        # A site path, read as an alias is: '/tin/123.html' a file, '/tin/vu-an' a folder.
        base_path = urlsplit(base_url).path.rstrip("/")  # a portal under '/congan/' shows '/congan/tin/…'
        base_path = nfc(unquote(base_path))  # (%-encoded in base_url, as a Vietnamese path is: `path` is not)
        if base_path and path.startswith(base_path + "/"):
            path = path[len(base_path):]
        return normalize_alias(path + (f"?{parts.query}" if parts.query else "")) or "/"  # an old address's query too
    if not path.startswith(CONTENT_ROOT):
        path = posixpath.join(posixpath.dirname(source), path)
    path = posixpath.normpath(path)
    return path if path.endswith(".md") else path + "/index.md"  # a bundle's folder: its index.md


def check(articles: Iterable[Article], sources: Mapping[str, SourceFile], base_url: str) -> list[Problem]:
    """A target that names no article is an error (with the article meant, when one is
    spelled alike); one that names the article itself a warning. A draft or scheduled
    target is no problem: it is shown once published. `sources`: the source files of the
    articles with picks, for the line of the item (read again for a problem only)."""
    def line_of(article: Article, target: str) -> int:
        source = sources.get(article.source)
        if source is None:
            return 1
        return source.line_of("related", read_at(source.front.get("related"), source.path, base_url,
                                                 lambda *_: None).get(target))

    def written_as(article: Article, target: str) -> str:
        """The item as the editor wrote it (an address, of which the path alone was looked for)."""
        source = sources.get(article.source)
        if source is None:
            return target
        value = source.front.get("related")
        number = read_at(value, source.path, base_url, lambda *_: None).get(target)
        return target if number is None else listed(value, lambda *_: None, "")[number].strip()

    articles = list(articles)
    by_source = {a.source: a for a in articles}
    by_url = {alias: a for a in articles for alias in a.aliases} | {a.url: a for a in articles}  # an old address too
    problems = []
    for article in articles:
        for target in article.related:
            found = by_url.get(target) if target.startswith("/") or "://" in target else by_source.get(target)
            if found is article:
                problems.append(warning(article.source, line_of(article, target), "related-self",
                                        "'related' names this article itself; it is left out of its own list"))
            elif found is None:
                problems.append(error(article.source, line_of(article, target), "unknown-related",
                                      _unknown(article, target, written_as(article, target), by_source)))
    return problems


def _unknown(article: Article, target: str, written: str, by_source: Mapping[str, Article]) -> str:
    here = posixpath.dirname(article.source)
    # Suggestions come from the same section (folder, or first part of the address): a typo
    # stays there, and difflib over every article of a large portal took ~50 ms an error.
    # Only the part after it is compared: the words of the folder every candidate shares made
    # a deleted article's path "close" to any other there.
    if target.startswith("/") or "://" in target:
        message = (f"'related' names {target}, where no article is published" if written == target else
                   f"'related' names {written}, looked for at its path {target}, where no article is published")
        section = target.split("/")[1] if target.startswith("/") else None
        hint = _misspelt(target, f"/{section}/", [a.url for a in by_source.values()
                                                   if a.url.split("/")[1] == section and a is not article])
    else:
        message = f"'related' names '{posixpath.relpath(target, here)}' ({target}), which is no article"
        folder = posixpath.dirname(target)
        meant = _misspelt(target, folder + "/", [s for s in by_source if s.startswith(folder + "/") and s != article.source])
        hint = posixpath.relpath(meant, here) if meant else None
    return message + (f"; did you mean '{hint}'?" if hint else
                      " (write the path of its .md file, as a link to it is written)")


def _misspelt(target: str, folder: str, candidates: list[str]) -> str | None:
    """The candidate (each in `folder`) whose name after `folder` `target`'s misspells."""
    named = {candidate.removeprefix(folder): candidate for candidate in candidates}
    meant = suggest_name(target.removeprefix(folder), named)
    return named[meant] if meant else None


def resolve(articles: Iterable[Article]) -> dict[str, tuple[str, ...]]:
    """URL → the URLs of the published articles it picks, in the order written."""
    articles = list(articles)
    url_of = {alias: a.url for a in articles for alias in a.aliases} | {a.source: a.url for a in articles}
    published = {a.url for a in articles}
    picks = {}
    for article in articles:
        urls = []
        for target in article.related:
            url = url_of.get(target, target)
            if url in published and url != article.url and url not in urls:
                urls.append(url)
        if urls:
            picks[article.url] = tuple(urls)
    return picks
