"""Partials rendered once per distinct input, and what a layout's closure is.

`{{ include_cached("partials/card.html", a=a) }}` is `{% include %}` for a partial that
recurs: an article's card is on every list that shows it (~5 in a build), its headline in
"Tin liên quan" or "Các tin khác" of ~20 other articles. Like Hugo's `partialCached`, each
distinct input is rendered once per process; unlike it, the key is worked out, not written
by the layout's author, so a cached partial can never show another input's HTML:

- the partial sees the values passed to it, then the calling layout's variables (its
  top-level `set`s and `page`), then the globals, like an include (a variable `set` inside
  the caller's block or loop reaches it only when passed, as `a=a` above);
- the key holds the value of every name the partial and the templates it includes load,
  except globals (one site, one set of helpers per process): strings, numbers and None by
  value, frozen dataclasses (Article, Page, Term, the config) and functions by identity,
  the object kept alive beside its fragment so that identity stays its own;
- any other value (a list, a loop) is rendered every time, uncached.

Also owns the closure of a layout (extends, include, import and `include_cached`), which
incremental.py digests to know which pages a layout edit re-renders, and which files of the
layout folders are layouts (not a `.DS_Store` or an editor's swap file) and how their text is read.
"""
from __future__ import annotations

import dataclasses
import os
import types
from typing import Any, Callable, Iterable, Mapping

import jinja2
from jinja2 import meta, nodes
from markupsafe import Markup

from generator.diagnostics import suggest
from generator.merge_conflicts import conflict_blocks, conflict_message, leftover_markers, leftover_message
from generator.memo import Kept
from generator.model import EMPTY
from generator.scratch_files import is_scratch

FUNCTION = "include_cached"
# Fragments kept per process: ~1 KB each. Past it the memo starts again, so a portal of
# 100,000 articles renders a few cards twice rather than holding them all.
MAX_KEPT = 40_000

_BY_VALUE = frozenset({str, Markup, int, float, bool, type(None)})
_BY_IDENTITY = (types.FunctionType, types.BuiltinFunctionType, types.MethodType)


def names_loaded(ast: nodes.Template) -> set[str]:
    """Every name the template reads, blocks and macros included.

    jinja2.meta.find_undeclared_variables misses names inside {% block %}s, so we walk the
    whole tree; a name also set locally only costs a key part or an extra render."""
    return {node.name for node in ast.find_all(nodes.Name) if node.ctx == "load"}


def referenced_templates(ast: nodes.Template):
    """The names of the templates it extends, includes or imports, and those it renders with
    include_cached; None for one computed while rendering (it could be any template)."""
    yield from meta.find_referenced_templates(ast)
    yield from cached_partials(ast)


def include_cached_calls(ast: nodes.Template):
    """Each call of include_cached in the template."""
    for call in ast.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name == FUNCTION:
            yield call


def cached_partials(ast: nodes.Template):
    """The names of the templates it renders with include_cached (None: computed)."""
    for call in include_cached_calls(ast):
        first = call.args[0] if call.args else None
        yield first.value if isinstance(first, nodes.Const) and isinstance(first.value, str) else None


def names_read(env: jinja2.Environment, name: str, parsed: dict | None = None) -> tuple[str, ...]:
    """The names a partial and the templates it includes look up in the context they are
    given: the key of its fragments. `parsed`: as for parsed_closure."""
    names = set()
    for member, (_, ast) in parsed_closure(env, name, parsed).items():
        # What Jinja looks up in the context (not a name the partial sets before reading it,
        # as the theme's thumbnail sets `photo`), and every name in a block or macro.
        try:
            names |= _undeclared_names(env, ast)
        except jinja2.TemplateSyntaxError as exc:  # (a filter that does not exist: Jinja names "<introspection>")
            exc.name, exc.filename = member, layout_file(env, member) or member
            raise
        for part in ast.find_all((nodes.Block, nodes.Macro, nodes.CallBlock)):
            names |= names_loaded(part)
    return tuple(sorted(names))


def _undeclared_names(env: jinja2.Environment, ast: nodes.Template) -> set[str]:
    """meta.find_undeclared_variables, compiled in `env` (its filters, its globals) rather than in the
    environment the tree names, and folding no constant into the tree: a kept tree (_parse_once) is
    shared by the builds of the process and names none of them."""
    codegen = meta.TrackingCodeGenerator(env)
    codegen.optimizer = None  # (Jinja's folding rewrites the tree it compiles, in place)
    codegen.visit(ast)
    return codegen.undeclared_identifiers


def is_layout_name(name: str) -> bool:
    """False for a file of the layout folders that no layout means: one in a hidden folder
    (.git/), or one an editor's tools wrote (.DS_Store, Thumbs.db, a swap or backup file).
    Any other name can be a layout ({% include "icon.svg" %})."""
    parts = name.split("/")
    return not any(part.startswith(".") for part in parts[:-1]) and not is_scratch(parts[-1])


def layout_names(env: jinja2.Environment) -> list[str]:
    """Every layout `env` can load by name, the site's own and the theme's."""
    return sorted(env.list_templates(filter_func=is_layout_name))


class LayoutNotText(jinja2.TemplateError):
    """A file of the layout folders that is not UTF-8 text (a photo put there by mistake):
    named by its path, not a traceback."""

    def __init__(self, message: str, filename: str | None, lineno: int = 1):
        super().__init__(message)
        self.filename, self.lineno = filename, lineno
        self.args = (message, filename, lineno)  # (pickled whole: a render worker may raise it)


def layout_source(env: jinja2.Environment, name: str) -> tuple[str, str | None]:
    """The source of layout `name` and its file. Raises jinja2.TemplateNotFound, or
    LayoutNotText for a file that is not UTF-8."""
    try:
        source, filename, _ = env.loader.get_source(env, name)
    except UnicodeDecodeError as exc:
        if isinstance(exc.object, bytes) and b"\0" not in exc.object[:8192]:  # text, in another encoding
            raise LayoutNotText(f"{name} is not UTF-8 text: it was saved in another encoding (Notepad's ANSI, "
                                "Windows-1258); save it again as UTF-8", layout_file(env, name),
                                exc.object.count(b"\n", 0, exc.start) + 1) from None
        raise LayoutNotText(f"{name} is not UTF-8 text: layouts/ holds the layouts only (photos and icons go in "
                            "assets/ or static/)", layout_file(env, name)) from None
    conflicts = conflict_blocks(source)
    if conflicts:  # (Jinja would print both versions on every page)
        (first, last), others = conflicts[0], conflicts[1:]
        raise LayoutNotText(conflict_message(first, last, others), layout_file(env, name), first)
    leftovers = leftover_markers(source)
    if leftovers:  # (a conflict resolved in part: Jinja would print the lines left on every page)
        first, last, marks = leftovers[0]
        raise LayoutNotText(leftover_message(first, last, marks), layout_file(env, name), first)
    return source, filename


def extends_chain(env: jinja2.Environment, name: str, parsed: dict | None = None) -> list[tuple[str, str | None, str]]:
    """(name, file, source) of layout `name` and of each layout it extends in turn, named in its
    text; the walk ends at a layout that extends none, a computed name, one missing or broken.
    `parsed`: as for parsed_layout (`check` passes the layouts it parsed already)."""
    parsed = {} if parsed is None else parsed
    chain: list[tuple[str, str | None, str]] = []
    current: str | None = name
    while current is not None and current not in {member for member, _, _ in chain}:
        try:
            source, tree = parsed_layout(env, current, parsed)
        except (jinja2.TemplateSyntaxError, LayoutNotText):
            break
        if source is MISSING_SOURCE:
            break
        chain.append((current, layout_file(env, current), source))
        extends = next(tree.find_all(nodes.Extends), None)
        current = extends.template.value if extends is not None and isinstance(extends.template, nodes.Const) else None
    return chain


def blocks_not_shown(env: jinja2.Environment, name: str, parsed: dict) -> list[tuple[str, int, str]]:
    """(layout file, line, what to say) of each block of layout `name` that none of the layouts it
    extends has: Jinja drops it without a word ({% block heed %} for head, and the site's stylesheet
    link in it was gone from every page). `check` and every build tell it (block-not-shown).
    A layout of the theme's is not the site's to mend: told at the site's layout it extends, which
    replaced the theme's without the block (a base.html of its own with no {% block head %})."""
    chain = extends_chain(env, name, parsed)
    if len(chain) < 2 or next(parsed[chain[-1][0]][1].find_all(nodes.Extends), None) is not None:
        return []  # extends none, or the walk stopped at a computed, missing or broken name: unknown
    theirs = {block.name for member, _, _ in chain[1:] for block in parsed[member][1].find_all(nodes.Block)}
    parents = ", ".join(member for member, _, _ in chain[1:])
    own = next(((member, file) for member, file, _ in chain[1:] if not _is_themes(env, member)), None) \
        if _is_themes(env, name) else None
    found = []
    for block in _outer_blocks(parsed[name][1]):
        if block.name not in theirs:
            meant = suggest(block.name, theirs)
            if own is not None:
                found.append((own[1] or own[0], 0, (
                    f"the block '{block.name}' of the theme's {name} (its line {block.lineno}) is in none of the "
                    f"layouts it extends ({parents}): what it holds is never shown; this layout replaces the "
                    f"theme's {own[0]}: give it {{% block {block.name} %}}{{% endblock %}} where it goes")))
                continue
            found.append((layout_file(env, name) or name, block.lineno,
                          f"the block '{block.name}' is in none of the layouts this one extends "
                          f"({parents}): what it holds is never shown" + (f"; did you mean '{meant}'?" if meant else "")))
    return found


def _is_themes(env: jinja2.Environment, name: str) -> bool:
    """Whether layout `name` is the theme's own file ("theme/…", or a name the site has no layout of)."""
    for loader in getattr(env.loader, "loaders", ()):
        if isinstance(loader, jinja2.PrefixLoader):  # ("theme/": render.layout_environment)
            for prefix in loader.mapping:
                theirs = prefix + loader.delimiter
                if name.startswith(theirs) or layout_file(env, name) == layout_file(env, theirs + name):
                    return True
    return False


def _outer_blocks(node: nodes.Node) -> Iterable[nodes.Block]:
    """The blocks of a layout not inside another block (one inside is shown with it)."""
    for child in node.iter_child_nodes():
        if isinstance(child, nodes.Block):
            yield child
        else:
            yield from _outer_blocks(child)


def empty_layout_detail(name: str, shown_on: str) -> str:
    return f"{name} is empty: every page built on it ({shown_on} among them) would be published blank"


def layout_file(env: jinja2.Environment, name: str) -> str | None:
    """Where the loaders (the site's layouts/ first, then the theme: render.Renderer) find `name`."""
    for loader in getattr(env.loader, "loaders", [env.loader]):
        local = name
        if isinstance(loader, jinja2.PrefixLoader):  # "theme/base.html": the theme's base.html
            prefix, _, local = name.partition(loader.delimiter)
            loader = loader.mapping.get(prefix)
        for folder in getattr(loader, "searchpath", ()):
            path = os.path.join(folder, *local.split("/"))
            if local and os.path.isfile(path):
                return path
    return None


def parsed_closure(env: jinja2.Environment, name: str, parsed: dict | None = None,
                   on_syntax_error: Callable[[jinja2.TemplateSyntaxError], None] | None = None
                   ) -> dict[str, tuple[str, nodes.Template]]:
    """`name` and every template it reaches (all templates when one is computed), each with
    its source and tree. `parsed`: the templates parsed so far by name, shared between calls
    (the layout analysis reaches base.html and its partials from every layout).
    `on_syntax_error`: told of each template that does not parse, which is then left out and
    the walk goes on (`check` reports them all); without it the first one is raised."""
    parsed = {} if parsed is None else parsed

    def parse(member: str) -> tuple[str, nodes.Template] | None:
        try:
            return parsed_layout(env, member, parsed)
        except jinja2.TemplateSyntaxError as exc:
            if on_syntax_error is None:
                raise
            on_syntax_error(exc)
            return None

    found, todo = {}, [name]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        found[current] = parse(current)
        refs = list(referenced_templates(found[current][1])) if found[current] is not None else []
        if None in refs:  # a computed name: it could be any template
            found = {member: parse(member) for member in layout_names(env)}
            break
        todo += refs
    return {member: tree for member, tree in found.items() if tree is not None}


# What the closure holds of a template that is not there: `{% include "…" ignore missing %}`, or
# a candidate of `{% include ["a.html", "b.html"] %}`. Its absence is part of the closure's digest
# (a layout made later under that name changes the pages), and it reads nothing. A plain include
# of a missing layout fails where the render meets it, at its file and line.
MISSING_SOURCE = "\x00(no such layout)\x00"


def parsed_layout(env: jinja2.Environment, name: str, parsed: dict) -> tuple[str, nodes.Template]:
    """Layout `name`'s source and tree (MISSING_SOURCE and an empty tree when there is none),
    kept in `parsed`. Raises jinja2.TemplateSyntaxError, LayoutNotText."""
    if name not in parsed:
        try:
            source, filename = layout_source(env, name)
        except jinja2.TemplateNotFound:
            parsed[name] = (MISSING_SOURCE, env.parse(""))
        else:
            parsed[name] = (source, _parse_once(env, source, name, filename))
    return parsed[name]


# Trees of the layouts this process has parsed, by what they were parsed from. A process that
# works out the layouts again (`serve` after a save, `check` after a build, the test suite's
# small builds) parsed the theme's ~40 layouts each time: ~0.1 s. The analyses only read a
# tree (_undeclared_names compiles it in the asking environment). A kept tree names a bare
# environment, not the one that parsed it: that one's globals are the build's whole site and
# its fragments, and a serve session kept one such build alive for each layout edit (the
# tree of the layout's old text). A layout that does not parse is not kept.
_TREES = Kept()
_DETACHED = jinja2.Environment()


def _parse_once(env: jinja2.Environment, source: str, name: str, filename: str | None) -> nodes.Template:
    key = (source, name, filename, env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline,
           tuple(sorted(env.extensions)))
    tree = _TREES.get(key)
    if tree is None:
        tree = env.parse(source, name, filename)  # (named: syntax errors stay locatable)
        tree.set_environment(_DETACHED)
        _TREES.put(key, tree)
    return tree


class Fragments:
    """The memo behind `include_cached` for one Jinja environment (one Renderer)."""

    def __init__(self, env: jinja2.Environment, reads: Mapping[str, tuple[str, ...]] = EMPTY,
                 on_call: Callable[[str], None] | None = None):
        """`reads`: names_read of partials, worked out beforehand (the layout analysis keeps
        them in the build cache: parsing them costs each render process ~25 ms). `on_call(name)`
        is told of every call (layout_metrics.py counts them)."""
        self.env = env
        self._on_call = on_call
        self._reads: dict[str, tuple[str, ...]] = dict(reads)
        self._kept: dict[tuple, tuple[Markup, Any]] = {}
        self._identity: dict[type, bool] = {}
        self._templates: dict[str, tuple[jinja2.Template, dict]] = {}

    def know(self, reads: Iterable[tuple[str, tuple[str, ...]]]) -> None:
        self._reads.update(reads)

    def known(self) -> dict[str, tuple[str, ...]]:
        return dict(self._reads)

    @jinja2.pass_context
    def include_cached(self, context: jinja2.runtime.Context, name: str, **values) -> Markup:
        if self._on_call is not None:
            self._on_call(name)
        given: dict[str, Any] = {}
        key = self.key_of(name, context, values, given)
        if key is None:
            return self._render(name, given)
        kept = self._kept.get(key)
        if kept is None:
            if len(self._kept) >= MAX_KEPT:
                self._kept.clear()
            kept = self._kept[key] = (self._render(name, given), given)  # `given` keeps the ids alive
        return kept[0]

    def key_of(self, name: str, context: jinja2.runtime.Context, values: Mapping[str, Any] = EMPTY,
               given: dict[str, Any] | None = None, identity: Callable[[Any], Any] = id) -> tuple | None:
        """The memo's key for partial `name` called from `context` with `values`; None when a
        value it reads cannot be keyed (it is then rendered every time). `given` receives the
        values read; `identity(value)` stands for a value keyed by identity (layout_metrics.py,
        which asks for the keys of partials included plainly, keeps no value alive)."""
        reads = self._reads.get(name)
        if reads is None:
            reads = self._reads[name] = names_read(self.env, name)
        # What the partial would read: passed, else the caller's, else missing (a global is in
        # every context already, and the same in every call).
        key, env_globals, missing = [name], self.env.globals, jinja2.runtime.missing
        cacheable = True
        for var in reads:
            value = values[var] if var in values else context.resolve_or_missing(var)
            if value is missing or (var in env_globals and env_globals[var] is value):
                continue
            if given is not None:
                given[var] = value
            kind = type(value)
            if kind in _BY_VALUE:
                key += (var, kind, value)  # (1 and True, "<b>" and Markup("<b>") render apart)
            elif self._by_identity(kind):
                key += (var, identity(value))
            else:
                cacheable = False
        return tuple(key) if cacheable else None

    def _by_identity(self, kind: type) -> bool:
        known = self._identity.get(kind)
        if known is None:
            known = self._identity[kind] = issubclass(kind, _BY_IDENTITY) or (
                dataclasses.is_dataclass(kind) and kind.__dataclass_params__.frozen)
        return known

    def _render(self, name: str, given: dict[str, Any]) -> Markup:
        found = self._templates.get(name)
        if found is None:
            template = self.env.get_template(name)
            found = self._templates[name] = (template, dict(template.globals))
        template, with_globals = found
        # What Template.render(given) does, less its copy of the globals (a ChainMap: ~20 µs a
        # render, as much as a card itself). An error goes up to the page's render as from
        # an include, which points it at the partial's line.
        context = template.new_context({**with_globals, **given}, shared=True)
        return Markup(self.env.concat(template.root_render_func(context)))
