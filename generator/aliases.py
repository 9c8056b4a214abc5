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
from generator.model import PAGES_DIR, Article, Page, SiteConfig

# A file name may take 255 bytes and a path 4,096; old URLs longer than these are not real ones.
MAX_SEGMENT_BYTES = 200
MAX_PATH_BYTES = 1000
# First path segments the generator publishes itself (pagefind-NN/ are the search shards).
_OWNED_ROOTS = ("don-vi", "phong-trao", "tim-kiem", "luu-tru", "assets", "pagefind", "feeds", "images")
_OWNED_FILES = ("/404.html", "/atom.xml", "/sitemap.xml", "/robots.txt", "/")


# The only file names every web host sends as a web page.
SERVED_AS_PAGES = (".html", ".htm")


def normalize_alias(raw: str) -> str | None:
    """'https://old.example/tin/a.html', '/tin/a' or '/tin/a.aspx' → '/tin/a.html', '/tin/a/' or
    '/tin/a.aspx/'; None if unusable."""
    parts = urlsplit(raw.strip())
    if parts.query or parts.fragment or (parts.scheme and parts.scheme not in ("http", "https")):
        return None
    path = unquote(parts.path)
    # A browser turns \ into / before it asks: a redirect page named with \ is never reached.
    if "\\" in path or any(ord(c) < 32 or ord(c) == 127 for c in path):
        return None
    if (len(path.encode("utf-8")) > MAX_PATH_BYTES
            or any(len(segment.encode("utf-8")) > MAX_SEGMENT_BYTES for segment in path.split("/"))):
        return None
    if not path.startswith("/") and not parts.netloc:
        path = "/" + path
    trailing = path.endswith("/")
    if ".." in path.split("/"):
        return None
    path = posixpath.normpath(path)
    if not path.startswith("/") or path == "/":
        return None
    folder, leaf = path.rsplit("/", 1)
    if leaf == "index.html":  # the same file as the folder's URL: compared as that
        return folder + "/" if folder else None
    # A path without a file extension is served as a folder, like the article URLs. So is an old
    # page of a server program ("chi-tiet.aspx", "index.php"): a redirect page saved under that
    # name is sent as a file to download (nginx and the preview know no such type), while a
    # folder of that name is answered with a redirect to its slash and then the page.
    return path + "/" if trailing or not leaf.lower().endswith(SERVED_AS_PAGES) else path


def listed(value, fail: Callable[[str], None], expected: str) -> list:
    """The items of a front-matter list of addresses (`aliases`, `related`): one written
    without brackets is a list of one; anything else but a list is `fail(expected)`."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        fail(expected)
        return []
    return value


def read_aliases(value, fail: Callable[[str], None]) -> tuple[str, ...]:
    value = listed(value, fail, "'aliases' must be a list of old URLs, e.g. [/tin-tuc/123.html]")
    found: list[str] = []
    for item in value:
        alias = normalize_alias(item) if isinstance(item, str) else None
        if alias is None:
            fail(f"'{item}' is not a usable old URL: write a path such as /tin-tuc/bai-cu.html "
                 f"(no ?query, #fragment or \\; each part under {MAX_SEGMENT_BYTES} bytes)")
        elif alias not in found:
            found.append(alias)
    return tuple(found)


def find_alias_collisions(config: SiteConfig, articles: Iterable[Article],
                          lines: Mapping[str, int], only: Iterable[Article] | None = None) -> list[Problem]:
    """An alias must not replace an article, a list page or another article's alias. With
    `only`, the aliases of those alone are checked (the others' were, by an earlier call)."""
    from generator.routes import PAGE_SEGMENT  # (routes plans alias pages: imported here, not at the top)
    owned_in_category = (PAGE_SEGMENT + "/", "atom.xml")  # /<category>/trang/2/, /<category>/atom.xml
    articles = list(articles)
    owners = {a.url: f"the {'page' if a.source.startswith(PAGES_DIR) else 'article'} {a.source}" for a in articles}
    owners.update({f"/{slug}/": f"the category '{slug}'" for slug in config.categories})
    claimed: dict[str, Article] = {}
    checked = articles if only is None else list(only)
    if only is not None:
        sources = {a.source for a in checked}
        claimed = {alias: a for a in articles if a.source not in sources for alias in a.aliases}
    problems = []
    for article in sorted(checked, key=lambda a: a.source):
        for alias in article.aliases:
            where = (article.source, lines.get(article.source, 1), "alias-collision")
            root, _, rest = alias.strip("/").partition("/")
            if (alias in owners or alias in _OWNED_FILES or root in _OWNED_ROOTS or root.startswith("pagefind")
                    or (root in config.categories and rest.startswith(owned_in_category))):
                taken = owners.get(alias, "a page the portal publishes itself")
                problems.append(error(*where, f"the alias {alias} would replace {taken}; remove it"))
            elif alias in claimed:
                problems.append(error(*where, f"the alias {alias} is also an alias of "
                                              f"{claimed[alias].source}; keep it in one article"))
            else:
                claimed[alias] = article
    return problems + _file_and_folder(articles, checked, lines)


def _file_and_folder(articles: list[Article], checked: list[Article], lines: Mapping[str, int]) -> list[Problem]:
    """An alias that would be the folder of another's file alias ("/x/y.html/" beside
    "/x/y.html", or "/x/y.html/z/"): one of the two redirect pages cannot be written. Told at
    the article whose alias needs the folder; when only the other changed, the build's check
    of its outputs still stops it (pipeline._output_collisions)."""
    files = {alias: article for article in articles for alias in article.aliases if not alias.endswith("/")}
    if not files:
        return []
    problems = []
    for article in sorted(checked, key=lambda a: a.source):
        for alias in article.aliases:
            folder = posixpath.dirname(alias)  # (of "/x/y.html/", "/x/y.html")
            while folder and folder != "/":
                other = files.get(folder)
                if other is not None and other is not article:
                    problems.append(error(article.source, lines.get(article.source, 1), "alias-collision",
                                          f"the alias {alias} would make {folder} a folder, but {folder} is an "
                                          f"alias of {other.source}: write both the same way (with or without the "
                                          "final /)"))
                    break
                folder = posixpath.dirname(folder)
    return problems


def plan_alias_pages(articles: Iterable[Article]) -> list[Page]:
    return [Page(url=alias, template="alias.html", kind="alias", title=article.title, article=article)
            for article in articles for alias in article.aliases]
