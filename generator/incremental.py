"""Which pages must be rendered again: a signature of each page's inputs.

Owns the dependency analysis that makes incremental builds provably right.
A page's signature digests everything its layout can reach:

- the source of every template in the layout's closure (extends/include/
  import/include_cached, resolved through the site's overrides); a dynamic
  include makes the closure every template;
- the site config (the `config`, `term_url`, `category`, `unit`, `campaign`
  globals read nothing else) and the assets' versions (the `asset` filter);
- the page record itself and every article it carries (page.article,
  page.items), each by a digest of all its fields and its converted body;
- if the closure names `related` or `others`: those lists of the page's
  articles, and the articles in them;
- if the closure names `site`, `latest_in` or `featured` (which read every
  article): all articles, and all related/other lists when it can reach them
  (it names `site`, `related` or `others`);
- a global this module does not know: the page is always rendered.

Pure: data in, digests out. The render stage compares them with the last
build's and renders only the pages whose signature changed.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from typing import Iterable, Mapping

import jinja2

from generator.article_digests import KnownDigest, article_digest
from generator import render
from generator.cache import digest, text_digest
from generator.diagnostics import suggest_name
from generator.fragments import FUNCTION as INCLUDE_CACHED, blocks_not_shown, cached_partials, layout_file, \
    layout_names, layout_source, names_loaded, names_read, parsed_closure
from generator.memo import Kept, Memo, recall
from generator.model import EMPTY, Article, Page, Site

CONFIG_GLOBALS = frozenset({"config", "term_url", "category", "unit", "campaign"})
# seo.template_globals: helpers that read only the config and the page they are given
# (json_ld, feeds_for, empty_list), the page's own article (cover_image), or nothing (search_url).
CONFIG_GLOBALS |= frozenset({"json_ld", "feeds_for", "cover_image", "search_url", "empty_list"})
# (and the share image's size, which the config's digest here holds: Signatures.config)
CONFIG_GLOBALS |= frozenset({"share_image_size"})
EVERYTHING_GLOBALS = frozenset({"site", "latest_in", "featured"})
# The pages of their own, as the footer lists them: their titles and addresses (Signatures.menu).
MENU_GLOBALS = frozenset({"standalone_pages"})
LIST_GLOBALS = frozenset({"related", "others"})
# Photos of an article (pictures.layout_globals): they read only what Article.images_key digests.
ARTICLE_GLOBALS = frozenset({"cover", "thumbnail", "og_image"})
JINJA_BUILTINS = frozenset({"range", "dict", "lipsum", "cycler", "joiner", "namespace", "loop",
                            "self", "super", "varargs", "kwargs", "caller"})
# Renders a partial of the closure (fragments.py): what the partial reads is digested with it.
JINJA_BUILTINS |= {INCLUDE_CACHED}
ALWAYS = "always"  # the signature of a page that must always be rendered


@dataclass(frozen=True)
class TemplateFacts:
    source_digest: str  # of every template in the closure
    names: frozenset[str]  # undeclared names the closure uses
    # (partial, the names its fragments are keyed by) for each partial the closure renders
    # with include_cached (fragments.names_read), so that no render process parses it
    cached_partials: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # (layout file, line, code, what to say) of the warnings about the layouts, worked out with the
    # parse and told by every build: a block of the closure no layout it extends has
    # (fragments.blocks_not_shown), a layout of the site's that no page uses (unused_layouts)
    warnings: tuple[tuple[str, int, str, str], ...] = ()


TEMPLATES_STATE = "template-facts"
THEME_PREFIX = render.THEME_PREFIX + "/"  # (the theme's own layouts, as a site's extends them)


def layout_digests(env: jinja2.Environment) -> dict[str, str]:
    """Each template's name → a digest of its source, as the site resolves it (overrides first)."""
    return {name: digest(layout_source(env, name)[0]) for name in layout_names(env)}


def analyse_templates(env: jinja2.Environment, names: Iterable[str], layouts: Mapping[str, str],
                      cache=None) -> dict[str, TemplateFacts]:
    """Facts of each named template; parsed once per set of template sources, `layouts`
    (layout_digests: parsing the theme takes ~0.3 s, reading it a few ms)."""
    names = sorted(names)
    key = digest(repr(names), *(part for item in sorted(layouts.items()) for part in item))
    saved = cache.load_state(TEMPLATES_STATE) if cache is not None else None
    if isinstance(saved, tuple) and len(saved) == 2 and saved[0] == key:
        return dict(saved[1])
    kept_key = (key, _folders(env.loader), tuple(sorted(env.filters)), tuple(sorted(env.tests)))
    facts = _FACTS.get(kept_key)
    if facts is None:
        facts = _analyse(env, names)
        _FACTS.put(kept_key, facts)
    if cache is not None:
        cache.save_state(TEMPLATES_STATE, (key, facts))
    return dict(facts)


# The analyses this process made, by what they were made from: a process that builds again
# without the build cache's copy (a first build of `serve`, `check` after a build, the test
# suite's small builds) walked the theme's trees each time, about half of a small site's build.
# The facts name the layouts' files (the loaders' folders in the key); compiling a tree for its
# names fails on a filter the environment lacks (its filters and tests in the key). They hold
# strings only: no build is kept alive by them.
_FACTS = Kept()


def _folders(loader: jinja2.BaseLoader | None) -> tuple:
    """Where a loader looks for layouts, in order (the site's layouts/, then the theme's)."""
    if isinstance(loader, jinja2.ChoiceLoader):
        return tuple(_folders(inner) for inner in loader.loaders)
    if isinstance(loader, jinja2.PrefixLoader):
        return tuple((prefix, _folders(inner)) for prefix, inner in sorted(loader.mapping.items()))
    return type(loader).__name__, tuple(map(str, getattr(loader, "searchpath", ())))


def _analyse(env: jinja2.Environment, names: Iterable[str]) -> dict[str, TemplateFacts]:
    facts, parsed, reads_of = {}, {}, {}  # each template parsed once, each cached partial's reads worked out once
    dropped: dict[str, list[tuple[str, int, str]]] = {}  # each layout's blocks shown nowhere, worked out once
    for name in names:
        closure = parsed_closure(env, name, parsed)
        sources, used, partials, not_shown = [], set(), set(), []
        for member in sorted(closure):
            source, ast = closure[member]
            sources += [member, source]
            used |= names_loaded(ast)
            partials.update(cached_partials(ast))
            if member not in dropped:
                dropped[member] = [(file, line, "block-not-shown", detail)
                                   for file, line, detail in blocks_not_shown(env, member, parsed)]
            not_shown += dropped[member]
        partials.discard(None)  # (a computed one made the closure every template)
        for partial in partials - reads_of.keys():
            reads_of[partial] = names_read(env, partial, parsed)
        facts[name] = TemplateFacts(digest(*sources), frozenset(used),
                                    tuple((partial, reads_of[partial]) for partial in sorted(partials)),
                                    tuple(not_shown))
    unused = unused_layouts(env, names, parsed)
    return {name: replace(told, warnings=told.warnings + unused) for name, told in facts.items()}


# What a layout is written as; another file of layouts/ (a README of its own) is not told unused.
LAYOUT_SUFFIXES = (".html", ".htm", ".xml", ".j2", ".jinja", ".jinja2")


def unused_layouts(env: jinja2.Environment, names: Iterable[str], parsed: dict) -> tuple[tuple[str, int, str, str], ...]:
    """A warning at each layout of the site's own that no page uses (`names`: the page layouts):
    the theme has none of its name to replace, and no layout reaches it. `layouts/partial/header.html`
    (partials/, misspelt) or `Home.html` (read on Windows, not on a Linux host) changed nothing,
    without a word."""
    every = layout_names(env)
    theme = {name[len(THEME_PREFIX):] for name in every if name.startswith(THEME_PREFIX)}
    own = [name for name in every if not name.startswith(THEME_PREFIX)]
    overrides = [name for name in own if name in theme and layout_file(env, name) != layout_file(env, THEME_PREFIX + name)]
    reached: set[str] = set()
    for root in sorted({*names, *overrides}):  # (a layout that does not parse is told where its pages are)
        reached.update(parsed_closure(env, root, parsed, on_syntax_error=lambda exc: None))
    found = []
    for name in own:
        # (a designer's notes beside the layouts, layouts/README.md, are no layout: told, --strict failed)
        if name not in theme and name not in reached and name.lower().endswith(LAYOUT_SUFFIXES):
            meant = suggest_name(name, (theme | reached) - {name}, fold=str.lower)
            found.append((layout_file(env, name) or name, 0, "unused-layout",
                          f"no page uses this layout: the theme has no layout '{name}' for it to replace, and no layout "
                          "includes it" + (f"; did you mean '{meant}'?" if meant else "")))
    return tuple(found)


class Signatures:
    """Page signatures for one Site and one set of templates."""

    def __init__(self, site: Site, templates: Mapping[str, TemplateFacts], env_globals: Iterable[str],
                 memo: Memo | None = None, known_digests: Mapping[str, KnownDigest] = EMPTY):
        """`known_digests`: source path → a digest kept of the article's early fields (article_digests.py)."""
        self.site = site
        self.templates = templates
        known = (CONFIG_GLOBALS | EVERYTHING_GLOBALS | LIST_GLOBALS | ARTICLE_GLOBALS | MENU_GLOBALS | JINJA_BUILTINS
                 | {"page"})
        # Globals whose reads we cannot see (added by a later feature): always render.
        # Other undeclared names are variables an including template set.
        self.opaque = frozenset(env_globals) - known
        # The asset versions too: every layout links the stylesheet with its version (?v=…).
        self.config = digest(repr(site.config), repr(sorted(site.asset_versions.items())), repr(site.share_image_size))
        self.menu = digest(repr([(a.url, a.title, a.menu) for a in site.standalone]))
        # Articles in a Site carry their converted body only as a cache key (`html` is empty until
        # the article's own page is rendered), so a layout can show the body of the page's article
        # alone; `of` adds that body for page.article.
        self.articles = {a.url: recall(memo, "article-digests", a.url, (a,),
                                       functools.partial(article_digest, a, known_digests.get(a.source)))
                         for a in site.articles_and_pages}
        self._everything: str | None = None
        self._all_articles: str | None = None
        self._memo = memo
        self._remembered = memo.table("page-signatures") if memo is not None else None
        self._by_url = site.by_url if memo is not None else {}

    def everything(self) -> str:
        if self._everything is None:
            site = self.site
            lists = [(site.related.get(a.url, ()), site.others.get(a.url, ())) for a in site.articles]
            self._everything = recall(self._memo, "everything", "", (*site.articles, *(t for pair in lists for t in pair)),
                                      functools.partial(self._digest_everything, lists))
        return self._everything

    def site_wide(self, names: frozenset[str]) -> str:
        """What a layout naming `names` reads of the whole site: every article, and their
        related/other lists only when it can reach them (the lists cost 10× more to digest)."""
        if not names & EVERYTHING_GLOBALS:
            return ""
        if names & (LIST_GLOBALS | {"site"}):
            return self.everything() + self.menu  # (`site` reaches site.standalone too)
        if self._all_articles is None:
            self._all_articles = digest("\x1f".join(self.articles[a.url] for a in self.site.articles))
        return self._all_articles

    def _digest_everything(self, lists: list[tuple[tuple, tuple]]) -> str:
        return digest("\x1f".join(
            recall(self._memo, "everything-parts", a.url, (a, related, others),
                   functools.partial(self._everything_part, a, related, others))
            for a, (related, others) in zip(self.site.articles, lists)))

    def _everything_part(self, article: Article, related: tuple, others: tuple) -> str:
        return f"{self.articles[article.url]}\x1f{related!r}\x1f{others!r}"

    def of(self, page: Page) -> str:
        if self._remembered is None:
            return self._of(page)
        # The signature is a function of exactly these objects (frozen: the same object, the
        # same value) and of the values in the key; see memo.py.
        facts = self.templates[page.template]
        inputs = [page, facts]
        if facts.names & LIST_GLOBALS:
            for a in ([page.article] if page.article is not None else []) + list(page.items):
                for lists in (self.site.related, self.site.others):
                    urls = lists.get(a.url, ())
                    inputs.append(urls)
                    inputs += [self._by_url[u] for u in urls]
        key = (page.output_path, self.config, self.opaque, self.site_wide(facts.names),
               self.menu if facts.names & MENU_GLOBALS else "")
        return self._remembered.recall(key, tuple(inputs), functools.partial(self._of, page))

    def _of(self, page: Page) -> str:
        facts = self.templates[page.template]
        names = facts.names
        if names & self.opaque:
            return ALWAYS
        article, digests = page.article, self.articles
        carried = (article, *page.items) if article is not None else page.items
        parts = [facts.source_digest, self.config,
                 repr((page.url, page.template, page.kind, page.title, page.term, page.terms,
                       page.pagination, sorted(page.extra.items()), page.output_path))]
        parts += [digests.get(a.url) or article_digest(a) for a in carried]
        if article is not None:
            parts.append(article.html_key)  # its body is shown
        if names & LIST_GLOBALS:
            lists = (("related", self.site.related), ("others", self.site.others))
            for a in carried:
                for field, urls_of in lists:
                    urls = urls_of.get(a.url, ())
                    parts.append(field)
                    parts += urls
                    parts += [digests[u] for u in urls]
        if names & EVERYTHING_GLOBALS:
            parts.append(self.site_wide(names))
        if names & MENU_GLOBALS:
            parts.append(self.menu)
        return text_digest("\x1f".join(parts))
