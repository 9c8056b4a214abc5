"""Old URLs of an article (front-matter `aliases`) and their redirect pages.

Owns what an alias may look like, where its redirect page is written, and
refusing an alias that would take the place of another page. Units moving
from a previous portal list the old addresses so shared links keep working.
An old address with a query string ("/Pages/chi-tiet.aspx?ItemID=12", as ASP.NET,
SharePoint, Joomla and DNN portals wrote them) cannot be a file of its own: every query of
one path shares the page at that path, whose script looks the query up in a table
(`query-alias.html`, and past one shard the JSON files of `query_tables`).
Pure: no I/O, no HTML (the layout `alias.html` renders the redirect).
"""
from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from generator.diagnostics import Problem, error
from generator.model import PAGES_DIR, Article, Page, SiteConfig, SourceFile, Term, frozen_map
from generator.vietnamese import is_device_name

# A file name may take 255 bytes and a path 4,096; old URLs longer than these are not real ones.
MAX_SEGMENT_BYTES = 200
MAX_PATH_BYTES = 1000
# First path segments the generator publishes itself (pagefind-NN/ are the search shards).
_OWNED_ROOTS = ("don-vi", "phong-trao", "tim-kiem", "luu-tru", "assets", "pagefind", "feeds", "images")
_OWNED_FILES = ("/404.html", "/atom.xml", "/sitemap.xml", "/robots.txt", "/")


# The only file names every web host sends as a web page.
SERVED_AS_PAGES = (".html", ".htm")
# Old addresses with a query, per JSON file a reader's browser fetches to look one up.
QUERY_SHARD_SIZE = 256
# Left unescaped in a query's canonical form: what JavaScript's encodeURIComponent leaves.
_QUERY_SAFE = "!*'()"


def normalize_alias(raw: str) -> str | None:
    """'https://old.example/tin/a.html', '/tin/a' or '/tin/a.aspx' → '/tin/a.html', '/tin/a/' or
    '/tin/a.aspx/'; '/tin/a.aspx?ItemID=12&x=' → '/tin/a.aspx/?itemid=12&x=' (canonical_query);
    None if unusable."""
    try:
        parts = urlsplit(raw.strip())
    except ValueError:  # "http://[old]/tin/1.html": a host in brackets that is none (a template's placeholder)
        return None
    if parts.fragment or (parts.scheme and parts.scheme not in ("http", "https")):
        return None
    query = canonical_query(parts.query) if parts.query else ""
    if query is None:
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
    if ".." in path.split("/") or _hidden(path):
        return None
    path = posixpath.normpath(path)
    if not path.startswith("/") or path == "/":
        return None
    folder, leaf = path.rsplit("/", 1)
    if leaf == "index.html":  # the same file as the folder's URL: compared as that
        path = folder + "/" if folder else ""
    # A path without a file extension is served as a folder, like the article URLs. So is an old
    # page of a server program ("chi-tiet.aspx", "index.php"): a redirect page saved under that
    # name is sent as a file to download (nginx and the preview know no such type), while a
    # folder of that name is answered with a redirect to its slash (nginx keeps the query) and
    # then the page.
    elif trailing or not leaf.lower().endswith(SERVED_AS_PAGES):
        path += "/"
    if not path:
        return None
    return f"{path}?{query}" if query else path


def _hidden(path: str) -> bool:
    """Whether a part of `path` is a hidden name ('.htaccess', '.git'): a web server keeps those
    for itself (Apache reads every folder's .htaccess as its settings, and answers 403 for the
    whole folder when one is a folder, as a redirect page would make it), and many refuse them to
    readers. RFC 8615's /.well-known/ is served."""
    return any(part.startswith(".") and part not in (".", ".well-known") for part in path.split("/"))


def canonical_query(query: str) -> str | None:
    """'ItemID=12&Source=%2Ftin' → 'itemid=12&source=%2Ftin': names in lower case (ASP.NET
    reads them in any case), sorted, each name and value escaped as a browser's
    encodeURIComponent escapes it, so that the redirect page's script builds the same text from
    the address a reader asks for. None when a name comes twice or there is no name."""
    pairs = [(_name(name), value) for name, value in parse_qsl(query, keep_blank_values=True)]
    names = [name for name, _ in pairs]
    if not pairs or "" in names or len(set(names)) != len(names):
        return None
    pairs = [(name, value) for name, value in pairs if not _needless(name, names)]
    return "&".join(f"{quote(name, safe=_QUERY_SAFE)}={quote(value, safe=_QUERY_SAFE)}"
                    for name, value in sorted(pairs))


# Names an old address may carry that named nothing on the old portal: a shared link's tracking
# (Facebook's, Zalo's, Google's), which the redirect page ignores in an address asked for.
_TRACKING = re.compile(r"utm_.*|fbclid|gclid|zarsrc")


def _needless(name: str, names: list[str]) -> bool:
    """Whether an old address's query `name` is one its portal did not need to find the page, and
    so left out of its compared form: tracking, and Joomla's Itemid (the menu item the reader came
    from, one article having several) beside the option=com_… and id that name the article. Written
    in an alias, each was asked of every reader: the same article's other old links, without it
    or with another menu item's, led to "no article answers this old address"."""
    return bool(_TRACKING.fullmatch(name)) or (name == "itemid" and "option" in names and "id" in names)


def _name(written: str) -> str:
    """A query's name as compared: in lower case, and without the "amp;" of an address copied
    out of HTML ("?option=com_content&amp;id=5"), as dia-chi-cu.js reads the one asked for."""
    name = written.lower()
    return name[4:] if name.startswith("amp;") else name


def split_alias(alias: str) -> tuple[str, str]:
    """A normalized alias → (the path its page is published at, its canonical query or '')."""
    path, _, query = alias.partition("?")
    return path, query


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


def read_aliases(value, fail: Callable[..., None]) -> tuple[str, ...]:
    """The old addresses, normalized, each once. `fail(message)` for the list, `fail(message,
    number)` for its item `number` (from 0), which may stand on a line of its own."""
    return tuple(read_aliases_at(value, fail))


def read_aliases_at(value, fail: Callable[..., None]) -> dict[str, int]:
    """read_aliases, with the number of the item each was first written as."""
    value = listed(value, fail, "'aliases' must be a list of old URLs, e.g. [/tin-tuc/123.html]")
    found: dict[str, int] = {}
    for number, item in enumerate(value):
        alias = normalize_alias(item) if isinstance(item, str) else None
        if alias is None:
            fail(_why_unusable(item), number)
        elif device := next((part for part in split_alias(alias)[0].split("/") if is_device_name(part)), None):
            fail(f"'{item}' holds '{device}', a name Windows keeps for a device: its redirect page's folder or "
                 "file cannot be made there, and a preview on Windows cannot be built; remove it", number)
        else:
            found.setdefault(alias, number)
    return found


def _why_unusable(item) -> str:
    try:
        parts = urlsplit(item.strip()) if isinstance(item, str) else None
    except ValueError:
        return f"'{item}' is no address (its host is written between '[' and ']'): write the old page's address"
    if parts is not None and parts.query and not parts.fragment:
        if canonical_query(parts.query) is None:
            return f"'{item}' has a query that is empty, or names a value twice or not at all: write each name=value once"
        if unquote(parts.path).strip("/") in ("", "index.html"):
            return (f"'{item}' is the home page with a query: the home page is the portal's own and cannot "
                    "redirect by it; list the old address of the article's own page instead")
    if parts is not None and _hidden(unquote(parts.path)):
        return (f"'{item}' names a hidden file or folder (its name starts with '.'), which web servers keep for "
                "themselves and do not show readers (Apache reads .htaccess as its settings): remove it")
    return (f"'{item}' is not a usable old URL: write a path such as /tin-tuc/bai-cu.html "
            f"(no #fragment or \\; each part under {MAX_SEGMENT_BYTES} bytes)")


def find_alias_collisions(config: SiteConfig, articles: Iterable[Article], sources: Mapping[str, SourceFile],
                          only: Iterable[Article] | None = None) -> list[Problem]:
    """An alias must not replace an article, a list page or another article's alias. With
    `only`, the aliases of those alone are checked (the others' were, by an earlier call).
    `sources`: the checked articles' source files, for the line each alias is written on."""
    def line(article: Article, alias: str) -> int:
        source = sources.get(article.source)
        return alias_line(source, alias) if source is not None else 1

    def written(article: Article, alias: str) -> str:
        """The alias as the article writes it ("?ItemID=1024", where it is compared as "?itemid=1024")."""
        source = sources.get(article.source)
        items = aliases if source is not None and isinstance(aliases := source.front.get("aliases"), list) else []
        return next((item for item in items if isinstance(item, str) and normalize_alias(item) == alias), alias)

    from generator.routes import PAGE_SEGMENT  # (routes plans alias pages: imported here, not at the top)
    owned_in_category = (PAGE_SEGMENT + "/", "atom.xml")  # /<category>/trang/2/, /<category>/atom.xml
    articles = list(articles)
    owners = {a.url: f"the {'page' if a.source.startswith(PAGES_DIR) else 'article'} {a.source}" for a in articles}
    owners.update({f"/{slug}/": f"the category '{slug}'" for slug in config.categories})
    claimed: dict[str, Article] = {}
    checked = articles if only is None else list(only)
    if only is not None:
        checked_sources = {a.source for a in checked}
        claimed = {alias: a for a in articles if a.source not in checked_sources for alias in a.aliases}
    problems = []
    for article in sorted(checked, key=lambda a: a.source):
        for alias in article.aliases:
            where = (article.source, line(article, alias), "alias-collision")
            path = split_alias(alias)[0]  # an old address with a query takes its path's page
            root, _, rest = path.strip("/").partition("/")
            # ("/atom.xml" is kept as the folder "/atom.xml/": it would be the feed's folder)
            if (path in owners or _owned_file(path) or root in _OWNED_ROOTS or root.startswith("pagefind")
                    or (root in config.categories and rest.startswith(owned_in_category))):
                taken = owners.get(path, "a page the portal publishes itself")
                problems.append(error(*where, f"the alias {alias} would replace {taken}; remove it"))
            elif alias in claimed:
                # Told at both: the first by path is no more the owner than the second (a portal taken in
                # may be either), and removing it where it was told broke the other's working redirect.
                other = claimed[alias]
                problems.append(error(*where, f"the alias {written(article, alias)} is also an alias of "
                                              f"{other.source}; keep it in one article"))
                problems.append(error(other.source, line(other, alias), "alias-collision",
                                      f"the alias {written(other, alias)} is also an alias of {article.source}; "
                                      "keep it in one article"))
            else:
                claimed[alias] = article
    return problems + _file_and_folder(articles, checked, line)


def find_term_alias_collisions(config: SiteConfig, published: Iterable[Article]) -> list[Problem]:
    """The old addresses of a unit's, category's or campaign's page (site.toml) must not replace a
    page the portal publishes (an article, a page of its own, a list page, its later pages and its
    feed, the portal's own files) nor be another's old address. One may be in /don-vi/ or
    /phong-trao/ where no unit or campaign is now: that is what a renamed one leaves."""
    from generator.config import CONFIG_NAME  # (config reads aliases with this module)
    from generator.routes import CAMPAIGNS_PREFIX, PAGE_SEGMENT, UNITS_PREFIX, term_url

    terms = config.terms
    if not any(term.aliases for term in terms):
        return []
    published = list(published)
    owners = {a.url: f"the {'page' if a.source.startswith(PAGES_DIR) else 'article'} {a.source}" for a in published}
    owners.update({term_url(term): term_words(term) for term in terms})
    owners.update({UNITS_PREFIX: "the list of units", CAMPAIGNS_PREFIX: "the list of campaigns"})
    claimed = {alias: a.source for a in published for alias in a.aliases}
    lists = [term_url(term) for term in terms]
    problems = []
    for term in terms:
        for number, alias in enumerate(term.aliases):
            line = term.aliases_lines[number] if number < len(term.aliases_lines) else 0
            path = split_alias(alias)[0]
            root = path.strip("/").partition("/")[0]
            in_a_list = any(path.startswith(url) and path[len(url):].startswith((PAGE_SEGMENT + "/", "atom.xml"))
                            for url in lists)
            if (path in owners or in_a_list or _owned_file(path) or root.startswith("pagefind")
                    or root in _OWNED_ROOTS and not path.startswith((UNITS_PREFIX, CAMPAIGNS_PREFIX))):
                taken = owners.get(path, "a page the portal publishes itself")
                problems.append(error(CONFIG_NAME, line, "alias-collision",
                                      f"the alias {alias} would replace {taken}; remove it"))
            elif alias in claimed:
                problems.append(error(CONFIG_NAME, line, "alias-collision",
                                      f"the alias {alias} is also an alias of {claimed[alias]}; keep it in one place"))
            else:
                claimed[alias] = term_words(term)
    return problems


def term_words(term: Term) -> str:
    """"the unit 'cong-an-tinh'", as problems name a list page."""
    return f"the {term.kind} '{term.slug}'"


def _owned_file(path: str) -> bool:
    """A file at the site's root the portal publishes itself, or the folder of its name."""
    bare = path.rstrip("/") or "/"
    return bare in _OWNED_FILES or re.fullmatch(r"/sitemap-[0-9]+\.xml", bare) is not None


def alias_line(source: SourceFile, alias: str) -> int:
    """The line `alias` (normalized, or the path of one) is written on in `source`: its item's
    in a list of one per line, else the key's. Read again only for a problem to tell."""
    numbers = read_aliases_at(source.front.get("aliases"), lambda *_: None)
    number = numbers.get(alias)
    if number is None:  # the path of one with a query (_file_and_folder reads paths)
        number = next((n for written, n in numbers.items() if split_alias(written)[0] == alias), None)
    return source.line_of("aliases", number)


def _file_and_folder(articles: list[Article], checked: list[Article],
                     line: Callable[[Article, str], int]) -> list[Problem]:
    """An alias that would be the folder of another's file alias ("/x/y.html/" beside
    "/x/y.html", or "/x/y.html/z/"): one of the two redirect pages cannot be written. Told at
    the article whose alias needs the folder; when only the other changed, the build's check
    of its outputs still stops it (assets.output_collisions)."""
    files = {path: article for article in articles for path in _paths(article) if not path.endswith("/")}
    if not files:
        return []
    problems = []
    for article in sorted(checked, key=lambda a: a.source):
        for alias in _paths(article):
            folder = posixpath.dirname(alias)  # (of "/x/y.html/", "/x/y.html")
            while folder and folder != "/":
                other = files.get(folder)
                if other is not None and other is not article:
                    problems.append(error(article.source, line(article, alias), "alias-collision",
                                          f"the alias {alias} would make {folder} a folder, but {folder} is an "
                                          f"alias of {other.source}: write both the same way (with or without the "
                                          "final /)"))
                    break
                folder = posixpath.dirname(folder)
    return problems


def _paths(article: Article) -> list[str]:
    return list(dict.fromkeys(split_alias(alias)[0] for alias in article.aliases))


@dataclass(frozen=True)
class ListTarget:
    """A unit's, category's or campaign's page (its first, or a later one), as the place its old
    addresses lead to."""

    term: Term
    url: str
    aliases: tuple[str, ...]

    @property
    def title(self) -> str:
        return self.term.name


def _old_folders(term: Term) -> list[str]:
    """The old addresses of a list that are folders ("/tin-tuc/", "/thai-binh/tin-tuc/"), under
    which its articles and its later pages were too; not an old program's page with a query."""
    return [alias for alias in term.aliases if re.fullmatch(r"/[^?]+/", alias)]


def list_targets(term: Term, first_url: str, pages: int) -> list[ListTarget]:
    """Where a renamed list's old addresses lead: its first page, and (for an old folder) each later
    page from the same later page of the old folder ("/don-vi/cu/trang/2/": shared, bookmarked)."""
    from generator.routes import PAGE_SEGMENT, paged_url  # (routes plans alias pages: imported here)

    folders = _old_folders(term)
    return [ListTarget(term, first_url, term.aliases)] + [
        ListTarget(term, paged_url(first_url, number), tuple(f"{folder}{PAGE_SEGMENT}/{number}/" for folder in folders))
        for number in range(2, pages + 1) if folders]


def kept_by_categories(config: SiteConfig, articles: Iterable[Article]) -> dict[str, Article]:
    """Old address → article, for the articles of a category whose key was renamed: an article's
    address holds its category's key, so each of them moved with it. A category's old address of one
    folder (`aliases = ["/chuyen-de/"]`, or one under a taken-in portal's prefix, "/thai-binh/tin-tuc/")
    keeps theirs too ("/chuyen-de/<slug>/"), not only its own page's: hundreds of articles each
    needed an alias of its own, and were told so one by one."""
    folders = {category.slug: _old_folders(category) for category in config.categories.values() if category.aliases}
    if not folders:
        return {}
    kept = {}
    for article in articles:
        if folders.get(article.category) and article.url.startswith(f"/{article.category}/"):
            rest = article.url[len(article.category) + 2:]
            for folder in folders[article.category]:
                kept[folder + rest] = article
    return kept


def plan_alias_pages(targets: Iterable[Article | ListTarget], kept: Mapping[str, Article] = {}) -> list[Page]:
    """A redirect page per old address; one page per path for the addresses with a query,
    whose table sends each query to its article (or list page), and any other to the one
    whose old address is that path alone (when one is). `kept`: the old addresses a renamed
    category keeps for its articles (kept_by_categories), unless one is written as an alias."""
    plain: dict[str, Article | ListTarget] = dict(kept)
    queried: dict[str, dict[str, Article | ListTarget]] = {}
    for target in targets:
        for alias in target.aliases:
            path, query = split_alias(alias)
            if query:
                queried.setdefault(path, {})[query] = target
            else:
                plain[path] = target
    pages = [Page(url=path, template="alias.html", kind="alias", title=target.title,
                  **({"term": target.term, "extra": frozen_map({"target": target.url})} if isinstance(target, ListTarget)
                     else {"article": target}))
             for path, target in plain.items() if path not in queried]
    pages += [_query_page(path, table, plain.get(path)) for path, table in queried.items()]
    return pages


def _query_page(path: str, table: dict[str, Article | ListTarget], fallback: Article | ListTarget | None) -> Page:
    # Which names the script looks for, longest first: "id" alone, or "option, view, id".
    names = sorted({tuple(pair.split("=", 1)[0] for pair in query.split("&")) for query in table},
                   key=lambda n: (-len(n), n))
    targets = {query: article.url for query, article in sorted(table.items())}
    shards = -(-len(targets) // QUERY_SHARD_SIZE)
    # What the page says it looks for: an article, or (when one of them is a list) a page.
    articles_only = all(isinstance(target, Article) for target in [*table.values(), *filter(None, [fallback])])
    return Page(url=path, template="query-alias.html", kind="query-alias", title="Địa chỉ cũ của cổng thông tin", extra=frozen_map({
        "names": tuple(tuple(unquote(name) for name in group) for group in names),
        "targets": frozen_map(targets),
        "shards": shards,
        "shard_prefix": _shard_prefix(path) if shards > 1 else "",
        "fallback": (fallback.url, fallback.title) if fallback is not None else None,
        "noun": "bài viết" if articles_only else "trang",
    }))


def answers_query(page: Page, query: str) -> bool:
    """Whether the page of an old address's path (a "query-alias" page) sends a reader asking for it
    with `query` somewhere, as its script (dia-chi-cu.js) looks the query up: by each set of names
    its table uses, else to the article whose old address was the path alone."""
    return query_target(page, query) is not None or page.extra["fallback"] is not None


def query_target(page: Page, query: str) -> str | None:
    """The URL the page of an old address's path sends `query` to by its table, or None."""
    asked: dict[str, str] = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        asked.setdefault(_name(name), value)
    for names in page.extra["names"]:
        if all(name in asked for name in names):
            key = "&".join(f"{quote(name, safe=_QUERY_SAFE)}={quote(asked[name], safe=_QUERY_SAFE)}" for name in names)
            if key in page.extra["targets"]:
                return page.extra["targets"][key]
    return None


def _shard_prefix(path: str) -> str:
    """The site path the JSON tables of a page's queries start with ('/Pages/chi-tiet.aspx/'
    → '/Pages/chi-tiet.aspx/dia-chi-cu-'; '/tin.html' → '/tin.html-dia-chi-cu-')."""
    return path + ("dia-chi-cu-" if path.endswith("/") else "-dia-chi-cu-")


def query_shard(key: str, shards: int) -> int:
    """Which JSON table holds a canonical query: FNV-1a of its text (ASCII, being escaped),
    as the script of query-alias.html computes it, scaled to the number of tables (FNV's low
    bits mix poorly: its parity is only that of the characters')."""
    value = 0x811C9DC5
    for byte in key.encode("ascii"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return (value * shards) >> 32


def query_tables(pages: Iterable[Page]) -> dict[str, bytes]:
    """The JSON tables of the query pages too large to carry theirs: output path → bytes."""
    files: dict[str, bytes] = {}
    for page in pages:
        if page.kind != "query-alias" or page.extra["shards"] < 2:
            continue
        shards = page.extra["shards"]
        split: list[dict[str, str]] = [{} for _ in range(shards)]
        for query, url in page.extra["targets"].items():
            split[query_shard(query, shards)][query] = url
        for number, table in enumerate(split):
            files[f"{page.extra['shard_prefix']}{number}.json".lstrip("/")] = json.dumps(
                table, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    return files
