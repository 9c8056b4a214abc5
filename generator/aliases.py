"""Old URLs of an article (front-matter `aliases`) and their redirect pages.

Owns what an alias may look like, where its redirect page is written, and
refusing an alias that would take the place of another page. Units moving
from a previous portal list the old addresses so shared links keep working.
Pure: no I/O, no HTML (the layout `alias.html` renders the redirect).
"""
from __future__ import annotations

import posixpath
from typing import Callable, Iterable, Mapping
from urllib.parse import unquote, urlsplit

from generator.diagnostics import Problem, error
from generator.model import Article, Page, SiteConfig

# First path segments the generator publishes itself.
_OWNED_ROOTS = ("don-vi", "phong-trao", "tim-kiem", "luu-tru", "assets", "pagefind", "feeds")
_OWNED_FILES = ("/404.html", "/atom.xml", "/sitemap.xml", "/robots.txt", "/")


def normalize_alias(raw: str) -> str | None:
    """'https://old.example/tin/a.html' or '/tin/a' → '/tin/a.html' or '/tin/a/'; None if unusable."""
    parts = urlsplit(raw.strip())
    if parts.query or parts.fragment or (parts.scheme and parts.scheme not in ("http", "https")):
        return None
    path = unquote(parts.path)
    if not path.startswith("/") and not parts.netloc:
        path = "/" + path
    trailing = path.endswith("/")
    if ".." in path.split("/"):
        return None
    path = posixpath.normpath(path)
    if not path.startswith("/") or path == "/":
        return None
    leaf = path.rsplit("/", 1)[-1]
    # A path without a file extension is served as a folder, like the article URLs.
    return path + "/" if trailing or "." not in leaf else path


def read_aliases(value, fail: Callable[[str], None]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        fail("'aliases' must be a list of old URLs, e.g. [/tin-tuc/123.html]")
        return ()
    found: list[str] = []
    for item in value:
        alias = normalize_alias(item) if isinstance(item, str) else None
        if alias is None:
            fail(f"'{item}' is not a usable old URL: write a path such as /tin-tuc/bai-cu.html "
                 "(no ?query or #fragment)")
        elif alias not in found:
            found.append(alias)
    return tuple(found)


def find_alias_collisions(config: SiteConfig, articles: Iterable[Article],
                          lines: Mapping[str, int]) -> list[Problem]:
    """An alias must not replace an article, a list page or another article's alias."""
    articles = list(articles)
    owners = {a.url: f"the article {a.source}" for a in articles}
    owners.update({f"/{slug}/": f"the category '{slug}'" for slug in config.categories})
    claimed: dict[str, Article] = {}
    problems = []
    for article in sorted(articles, key=lambda a: a.source):
        for alias in article.aliases:
            where = (article.source, lines.get(article.source, 1), "alias-collision")
            root = alias.strip("/").split("/", 1)[0]
            if alias in owners or alias in _OWNED_FILES or root in _OWNED_ROOTS:
                taken = owners.get(alias, "a page the portal publishes itself")
                problems.append(error(*where, f"the alias {alias} would replace {taken}; remove it"))
            elif alias in claimed:
                problems.append(error(*where, f"the alias {alias} is also an alias of "
                                              f"{claimed[alias].source}; keep it in one article"))
            else:
                claimed[alias] = article
    return problems


def plan_alias_pages(articles: Iterable[Article]) -> list[Page]:
    return [Page(url=alias, template="alias.html", kind="alias", title=article.title, article=article)
            for article in articles for alias in article.aliases]
