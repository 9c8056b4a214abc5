"""Pages → HTML bytes through Jinja layouts.

Owns the Jinja environment: the layout overlay (a site's own layouts/ first,
then the default theme), strict undefined variables, autoescaping, and the
filters templates use. Returns bytes; writes nothing.
"""
from __future__ import annotations

import dataclasses
import os
import posixpath
import re
import traceback
import types
from datetime import datetime
from pathlib import Path
from typing import Iterable, Mapping, Sequence
from urllib.parse import quote, unquote

import jinja2
import jinja2.bccache

from generator import model, routes, sections
from generator.cache import code_stamp, read_sealed, seal, write_atomic
from generator.fragments import FUNCTION as INCLUDE_CACHED, Fragments, LayoutNotText, empty_layout_detail, extends_chain, \
    layout_names
from generator.layout_metrics import LayoutClock
from generator.memo import Kept
from generator.saved_text import as_utf8, unix_line_ends
from generator.model import EMPTY, TERM_FIELDS, WHOLE_ADDRESS, Article, Page, Site, Term, tel_link, under_base_path
from generator.diagnostics import suggest, suggest_name
from generator.vietnamese import format_date, format_number, nfc

DEFAULT_LAYOUTS = Path(__file__).resolve().parent.parent / "layouts"
# A site's layout builds on the theme's layout of the same name as {% extends "theme/base.html" %}:
# "base.html" there would be the site's own file again.
THEME_PREFIX = "theme"
# What a file's name under assets/ may keep as it is in its link; the rest is %-encoded.
_ASSET_PATH_SAFE = "/!$&'()*+,;=:@~-._"
_LINK_SAFE = _ASSET_PATH_SAFE + "%?#"  # (a link may hold its query and part, and be encoded already)
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")  # (a % of the file's name: no escape follows it)


def _encoded(path: str) -> str:
    """A file of static/ named as Windows names files ("/van-ban/Luật CAND 2018.pdf") was linked
    with its spaces, which the W3C checker rejects; what is encoded already stays so. (Nearly
    every link is a slug: the test is ~10 × cheaper than quote, run for each link of each page.)
    A % that starts no escape ("Giảm 50%.pdf") is a % of the name: encoded, as browsers read it."""
    if path.isascii() and " " not in path and "%" not in path:
        return path
    return quote(_LONE_PERCENT.sub("%25", path), safe=_LINK_SAFE)


class LayoutLoop(jinja2.TemplateRuntimeError):
    """A layout reached itself again through extends/include without end (Python's
    recursion limit): where the loop is, not a traceback 1,000 frames deep."""

    def __init__(self, filename: str, lineno: int):
        super().__init__("this layout reaches itself again through extends or include, without end; to build on "
                         f"the theme's layout of the same name, write {{% extends \"{THEME_PREFIX}/<name>.html\" %}}")
        self.filename, self.lineno = filename, lineno

    def __reduce__(self):  # raised in render workers: it crosses to the main process pickled
        return LayoutLoop, (self.filename, self.lineno)


class LayoutFailed(jinja2.TemplateRuntimeError):
    """A layout's expression failed while a page was rendered (an undefined name, `1 // 0`,
    a number added to a text), with the layout file and line where it did. Raised in a render
    worker, it crosses to the main process pickled, which drops the traceback the line was in."""

    def __init__(self, message: str, filename: str, lineno: int):
        super().__init__(message)
        self.filename, self.lineno = filename, lineno

    def __reduce__(self):
        return LayoutFailed, (self.message, self.filename, self.lineno)


# What a layout's own expressions can raise besides Jinja's errors: `{{ 1 // 0 }}`,
# `{{ page.title + 1 }}`, `{{ "x" | int(base=99) }}`; a layout included that exists nowhere is a
# LookupError (jinja2.TemplateNotFound). Anything else (a file gone while a body is
# loaded, memory) is not the layout's doing and goes on as it is.
_EXPRESSION_ERRORS = (jinja2.TemplateRuntimeError, jinja2.UndefinedError, ArithmeticError, TypeError, ValueError,
                      LookupError, AttributeError)


def layout_dirs(site_dir: Path) -> list[Path]:
    own = site_dir / "layouts"
    dirs = [own] if own.is_dir() and own.resolve() != DEFAULT_LAYOUTS else []
    return dirs + [DEFAULT_LAYOUTS]


class _SavedLayoutLoader(jinja2.FileSystemLoader):
    """Layouts read as an article is (saved_text): a byte order mark (Notepad's UTF-8) is left out,
    it was published as a character, which in a partial of <head> ends the head for a browser;
    Notepad's "Unicode" (UTF-16) is read as the text it is, it was told not text, to go in assets/.
    What is still not UTF-8 raises UnicodeDecodeError over the whole file (fragments.layout_source
    tells it at its line)."""

    def get_source(self, environment: jinja2.Environment, template: str):
        pieces = jinja2.loaders.split_template_path(template)
        for searchpath in self.searchpath:
            filename = posixpath.join(searchpath, *pieces)
            if os.path.isfile(filename):
                break
        else:
            raise jinja2.TemplateNotFound(template)
        with open(filename, "rb") as handle:
            contents = unix_line_ends(as_utf8(handle.read()).decode("utf-8"))
        mtime = os.path.getmtime(filename)
        return contents, os.path.normpath(filename), lambda: _mtime(filename) == mtime


def _mtime(filename: str) -> float | None:
    try:
        return os.path.getmtime(filename)
    except OSError:
        return None


def layout_environment(search_path: Sequence[Path], bytecode_dir: Path | None = None) -> jinja2.Environment:
    """The Jinja environment of a site's layouts: its own layouts/ first, then the theme's (also
    as "theme/…"), strict about undefined names, escaping everything."""
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader([
            _SavedLayoutLoader([str(p) for p in search_path]),
            jinja2.PrefixLoader({THEME_PREFIX: _SavedLayoutLoader(str(DEFAULT_LAYOUTS))}),
        ]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Compiling the theme costs ~80 ms in every process of every build; Jinja keys
        # each compiled layout by its name and a checksum of its source.
        bytecode_cache=_KeptBytecodeCache(_bytecode_cache(bytecode_dir) if bytecode_dir is not None else None),
        # A Renderer lives for one build: load each layout once, not stat its file on
        # every include (~18 stats a page; the next build sees an edited layout).
        auto_reload=False,
    )


# The filters layouts have besides Jinja's own (Renderer registers them; `check` judges the
# filters a layout names against these, without rendering).
LAYOUT_FILTERS = ("url", "site_link", "asset", "abs_url", "vn_date", "vn_updated", "iso", "vn_number", "tel",
                  "sections")


def _term_finder(kind: str, terms: Mapping[str, Term]):
    """unit('…'), category('…'), campaign('…') for layouts: a slug site.toml does not declare
    is told with the one meant (it was a bare KeyError)."""
    def find(slug: str) -> Term:
        found = terms.get(slug) if isinstance(slug, str) else None
        if found is None:
            meant = suggest(str(slug), terms)
            raise jinja2.TemplateRuntimeError(f"{kind}({slug!r}): site.toml declares no {kind} '{slug}'"
                                              + (f"; did you mean '{meant}'?" if meant else ""))
        return found
    return find


_UNDEFINED = re.compile(r"^'(\w+)' is undefined$")
_NO_ATTRIBUTE = re.compile(r"^'generator\.model\.(\w+) object' has no attribute '([^']+)'$")


def _attribute_meant(message: str) -> str:
    """"; did you mean 'title'?" for Jinja's "'generator.model.SiteConfig object' has no attribute
    'titel'": the attribute of ours (a field or property of the model's class) most likely meant."""
    found = _NO_ATTRIBUTE.match(message)
    kind = getattr(model, found.group(1), None) if found else None
    if not isinstance(kind, type):
        return ""
    names = {field.name for field in dataclasses.fields(kind)} if dataclasses.is_dataclass(kind) else set()
    names |= {name for name in dir(kind) if not name.startswith("_")}
    meant = suggest(found.group(2), names)
    return f"; did you mean '{meant}'?" if meant else ""


def _named(value) -> str:
    """A value a layout helper was wrongly given, as the layout's writer would name it."""
    if isinstance(value, str):
        return f"the text '{value}'"
    return {"datetime": "a moment", "Term": "a unit, category or campaign", "Page": "a page"}.get(
        type(value).__name__, f"a {type(value).__name__}")


class Renderer:
    def __init__(self, site: Site, search_path: Sequence[Path], extra_globals: Mapping | None = None,
                 bytecode_dir: Path | None = None, fragment_reads: Mapping = EMPTY,
                 clock: LayoutClock | None = None):
        """`clock`: times every layout this Renderer renders (build --layout-metrics)."""
        self.site = site
        self.clock = clock
        self.by_url = site.by_url
        config = site.config
        self.env = layout_environment(search_path, bytecode_dir)
        if clock is not None:  # before any layout is loaded
            clock.attach(self.env)
        self.env.filters.update(
            url=_at_render(self.url), site_link=_at_render(self.site_link), asset=_at_render(self.asset),
            abs_url=_at_render(self.abs_url),
            vn_date=self.vn_date, vn_updated=self.vn_updated, iso=_iso, vn_number=format_number, tel=tel_link,
            sections=sections.sections,  # the table of contents of a converted body
        )
        self.env.globals.update(
            site=site, config=config, term_url=routes.term_url,
            category=_term_finder("category", config.categories),
            unit=_term_finder("unit", config.units),
            campaign=_term_finder("campaign", config.campaigns),
            related=self.related, others=self.others, latest_in=self.latest_in,
            featured=self.featured, standalone_pages=site.standalone, **(extra_globals or {}),
        )
        self.fragments = Fragments(self.env, fragment_reads,  # (fragment_reads: TemplateFacts.cached_partials)
                                   on_call=clock.count_cached_call if clock is not None else None)
        if clock is not None:
            clock.key_of = lambda name, context: self.fragments.key_of(name, context, identity=clock.serial)
        self.env.globals[INCLUDE_CACHED] = self.fragments.include_cached

    # -- filters and helpers the layouts call --------------------------------
    def url(self, path: str) -> str:
        """Site-relative path → link that honours base_url's path. A whole address (https://…,
        mailto:, tel:, //host/…) or a part of the page (#…) is left as it is: `link.url | url`
        for site.toml's [[links]], which hold both, gave /congan/https://bocongan.gov.vn/."""
        if WHOLE_ADDRESS.match(path):
            return path
        return self.site.config.base_path + _encoded(path.lstrip("/"))

    def site_link(self, path: str) -> str:
        """A link an administrator or editor wrote (site.toml's [[links]]): as `url`, but a path
        already under base_url's path, copied from the address bar, is left as it is
        (/congan/gioi-thieu/ became /congan/congan/gioi-thieu/). Not for the theme's own paths,
        which a portal's sub-path may begin like ("/tin/" under …/tin/)."""
        base = self.site.config.base_path
        return _encoded(path) if base != "/" and under_base_path(path, base) else self.url(path)

    def asset(self, path: str) -> str:
        """A link to one of the assets with its version (`'/assets/css/style.css' | asset` →
        /assets/css/style.css?v=3f2a9c01bd): an edited stylesheet has a new address, so no
        browser or CDN keeps showing the old one, however long it caches."""
        rel = nfc(unquote(path)).lstrip("/")  # (as assets/ are planned: a layout typed on a Mac is NFD)
        version = self.site.asset_versions.get(rel)
        if version is None and self.site.asset_versions:  # (a Site without its files planned knows none)
            # A link to nothing, published without a word (Zola's get_url(cachebust) fails here too).
            raise jinja2.TemplateRuntimeError(
                f"asset: '{path}' is no file of assets/ (the site's or the theme's); put it there, or link a "
                f"file of static/ with | url")
        # A file's name as an address: "logo công an.png" was linked with its spaces, which no URL holds.
        return self.url(quote(rel, safe=_ASSET_PATH_SAFE)) + (f"?v={version}" if version else "")

    def abs_url(self, path: str) -> str:
        return self.site.config.base_url.rstrip("/") + "/" + path.lstrip("/")

    def vn_date(self, article: Article | datetime) -> str:
        """An article's date as readers read it ("Thứ Tư, 21/01/2026 09:30", the time only when the editor
        gave one); a moment (`a.date`, `a.updated`) is told as one, its time unless midnight."""
        if isinstance(article, datetime):
            local = article.astimezone(self.site.config.zone)
            return format_date(local, self.site.config.zone, (local.hour, local.minute) != (0, 0))
        if not isinstance(article, Article):
            raise jinja2.TemplateRuntimeError(f"vn_date is given {_named(article)}: write a | vn_date for an article "
                                              "a, or a.date | vn_date")
        return format_date(article.date, self.site.config.zone, article.has_time)

    def vn_updated(self, article: Article) -> str:
        """Its 'updated' moment; the time is left out when the editor gave a day only (midnight)."""
        local = article.modified.astimezone(self.site.config.zone)
        return format_date(local, self.site.config.zone, (local.hour, local.minute) != (0, 0))

    def related(self, article: Article) -> list[Article]:
        return [self.by_url[u] for u in self.site.related.get(article.url, ())]

    def others(self, article: Article) -> list[Article]:
        return [self.by_url[u] for u in self.site.others.get(article.url, ())]

    def latest_in(self, term: Term, limit: int) -> list[Article]:
        if not isinstance(term, Term):  # ("cong-an-xa-…": a slug, not the unit it names)
            raise jinja2.TemplateRuntimeError(
                f"latest_in takes a unit, a category or a campaign, not {_named(term)}: write "
                + (f"latest_in(unit('{term}'), {limit}) (or category(…), campaign(…))" if isinstance(term, str)
                   else f"latest_in(unit('…'), {limit})"))
        field = TERM_FIELDS[term.kind]
        found = []
        for article in self.site.articles:
            value = getattr(article, field)
            if value == term.slug or (isinstance(value, tuple) and term.slug in value):
                found.append(article)
                if len(found) == limit:
                    break
        return found

    def featured(self, limit: int) -> list[Article]:
        return [a for a in self.site.articles if a.featured][:limit]

    # -- rendering -------------------------------------------------------------
    def render(self, page: Page) -> bytes:
        template = self.env.get_template(page.template)
        try:
            text = template.render(page=page)
        except RecursionError as exc:
            frames = _layout_frames(exc)
            if not frames:
                raise
            raise LayoutLoop(frames[-1].filename, frames[-1].lineno or 0) from None
        except (LayoutLoop, LayoutFailed, LayoutNotText):  # (each says where)
            raise
        except _EXPRESSION_ERRORS as exc:  # (a layout included that exists nowhere among them)
            frames = _layout_frames(exc)
            if not frames:  # raised outside any layout: ours, not the editor's
                raise
            if isinstance(exc, jinja2.TemplateNotFound):  # named at the line that includes it
                detail = missing_layout_detail(exc, layout_names(self.env))
            elif isinstance(exc, jinja2.TemplateError) and exc.message:
                detail = str(exc.message) + _attribute_meant(str(exc.message)) + self._name_meant(str(exc.message))
            else:
                detail = f"{exc} ({type(exc).__name__})"
            raise LayoutFailed(detail, frames[-1].filename, frames[-1].lineno or 0) from None
        if not text or text.isspace():  # a layout saved empty (a sync tool's 0-byte copy) blanks the portal
            raise self._blank(page)
        return text.encode("utf-8")

    def _name_meant(self, message: str) -> str:
        """"; did you mean 'standalone_pages'?" for Jinja's "'standalone_page' is undefined": the
        variable or helper every layout has (`page` and the globals) most likely meant."""
        found = _UNDEFINED.match(message)
        meant = suggest(found.group(1), {"page", *self.env.globals}) if found else None
        return f"; did you mean '{meant}'?" if meant else ""

    def _blank(self, page: Page) -> LayoutFailed:
        """The error for a page that rendered to nothing, at the empty layout of those it is built on."""
        chain = extends_chain(self.env, page.template)
        for name, filename, source in chain:
            if not source.strip():
                return LayoutFailed(empty_layout_detail(name, page.url), filename or name, 1)
        return LayoutFailed(f"the page {page.url} renders to nothing: no layout it is built on writes any text",
                            chain[0][1] if chain else page.template, 1)


def missing_layout_detail(exc: jinja2.TemplateNotFound, known: Iterable[str] = ()) -> str:
    """`known`: the layouts there are, to name the one a single missing name most likely meant
    ("themes/home.html": 'theme/home.html')."""
    wanted = [str(name) for name in getattr(exc, "templates", None) or [exc.name]]
    meant = suggest_name(wanted[0], known, fold=str.lower) if len(wanted) == 1 else None
    return (f"no layout named {', '.join(wanted)}, neither in the site's layouts/ nor in the theme"
            + (f"; did you mean '{meant}'?" if meant else ""))


def _layout_frames(exc: BaseException) -> list[traceback.FrameSummary]:
    """The frames of `exc`'s traceback in layout files (Jinja rewrites them to point there),
    innermost last."""
    return [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith((".html", ".xml", ".txt"))]


def _bytecode_cache(folder: Path) -> jinja2.BytecodeCache | None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only cache folder only costs the compile
        return None
    return _SealedBytecodeCache(folder)


_CODE = code_stamp().hex()[:16]


def prune_compiled(folder: Path | None) -> None:
    """Remove the layouts other versions of the generator compiled."""
    if folder is None:
        return
    try:
        for entry in os.scandir(folder):
            if entry.name.startswith("__jinja2_") and not entry.name.endswith(f".{_CODE}.cache"):
                os.unlink(entry.path)
    except OSError:  # pruning is tidiness: a build never fails for it
        pass


class _SealedBytecodeCache(jinja2.BytecodeCache):
    """Jinja's compiled layouts, one file each, sealed like every other cache entry
    (cache.seal). Jinja checks a file's header and its layout's source, not the code
    itself: a damaged file would run, and print what a flipped bit made of the layout.
    A file whose check fails is compiled again and written anew."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, bucket: jinja2.bccache.Bucket) -> Path:
        # Compiled by this version of the generator: what an older one compiled (with its
        # filters, or their results folded in) is never run.
        return self.folder / f"__jinja2_{bucket.key}.{_CODE}.cache"

    def holds(self, bucket: jinja2.bccache.Bucket) -> bool:
        return self._path(bucket).is_file()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        payload = read_sealed(self._path(bucket))
        if payload is not None:
            bucket.bytecode_from_string(bytes(payload))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            write_atomic(self._path(bucket), seal(bucket.bytecode_to_string()))
        except OSError:  # a full or read-only disk only costs the next compile
            pass


class _KeptBytecodeCache(jinja2.BytecodeCache):
    """Compiled layouts kept in this process, in front of the build cache's files (or alone,
    without a build cache): a process that renders again (`serve` after a save, the test
    suite's small builds) compiled the theme afresh each time, ~0.1 s. Jinja keys a compiled
    layout by its name, file and a checksum of its source, as for the files; here also by the
    environment's filters and tests, which Jinja compiles in (only a build's environments
    compile today, all with the same ones; `check`'s has none of them)."""

    def __init__(self, behind: _SealedBytecodeCache | None):
        self.behind = behind

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        kept = _COMPILED.get(_compiled_key(bucket))
        if kept is not None:
            bucket.code = kept
            if self.behind is not None and not self.behind.holds(bucket):  # (another cache folder)
                self.behind.dump_bytecode(bucket)
            return
        if self.behind is not None:
            self.behind.load_bytecode(bucket)
            if bucket.code is not None:
                _keep_compiled(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        _keep_compiled(bucket)
        if self.behind is not None:
            self.behind.dump_bytecode(bucket)


_COMPILED = Kept()


def _keep_compiled(bucket: jinja2.bccache.Bucket) -> None:
    _COMPILED.put(_compiled_key(bucket), bucket.code)


def _compiled_key(bucket: jinja2.bccache.Bucket) -> tuple:
    env = bucket.environment
    helpers = tuple((kind, name, getattr(helper, "jinja_pass_arg", None))
                    for kind, named in (("filter", env.filters), ("test", env.tests))
                    for name, helper in sorted(named.items()))
    return bucket.key, bucket.checksum, helpers


def _at_render(helper):
    """A filter Jinja may not work out while compiling. Jinja folds a filter of a constant
    (`'/assets/css/style.css' | url`) into the compiled layout, and compiled layouts are kept
    between builds: after base_url moved to a sub-path, or the stylesheet changed, pages kept
    linking the old address. A filter that takes the render context is never folded."""
    @jinja2.pass_context
    def filtered(_context, value, *args):
        return helper(value, *args)
    return filtered


def _iso(moment: datetime) -> str:
    return moment.isoformat()
