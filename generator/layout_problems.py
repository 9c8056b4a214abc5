"""A broken layout is an editor's mistake too: Jinja errors → Problems.

Owns turning a `jinja2.TemplateError` raised while rendering into a
`Problem` that points at the layout file and line (the site's own layouts/
or the default theme), so `build` prints `path:line: error[layout-error]: …`
instead of a traceback and `serve` shows it in the overlay. Does no I/O and
renders nothing.
"""
from __future__ import annotations

import re
import traceback
from pathlib import Path

import jinja2

from generator.diagnostics import Problem, error, suggest
from generator.fragments import LayoutNotText
from generator.render import DEFAULT_LAYOUTS, LAYOUT_FILTERS, LayoutFailed, LayoutLoop, missing_layout_detail


def layout_problem(exc: jinja2.TemplateError, site_dir: Path, where: tuple[str, int] | None = None) -> Problem:
    """`where`: the layout file and line, when the exception cannot say (a missing layout
    found without rendering: layout_check.py)."""
    path, line = where or _where(exc)
    shown = shown_layout(path, site_dir) if path else "layouts"
    kind = "syntax" if isinstance(exc, jinja2.TemplateSyntaxError) else "rendering"
    detail = getattr(exc, "message", None) or str(exc)
    if isinstance(exc, jinja2.TemplateNotFound):  # (Jinja says only the name)
        detail = missing_layout_detail(exc)
    no_such = _NO_SUCH.match(detail)
    if no_such is not None:  # ("uppercase": Jinja names no filter it has)
        detail = no_such_detail(no_such.group(1), no_such.group(2))
    opened = _unclosed_tag(exc) if path and not where else None
    if opened is not None:  # Jinja names the line where it gave up, often a screen below the mistake
        tag, opened_at, found = opened
        reached = f"{{% {found} %}} at line {line}" if found else "the end of the file"
        detail = f"{{% {tag} %}} here is never closed: Jinja reached {reached} still looking for {{% end{tag} %}}"
        line = opened_at
    left_open = _tag_left_open(exc) if path and not where and opened is None else None
    if left_open is not None:  # Jinja names the next line, the HTML it read on into
        begin, opened_at = left_open
        detail = (f"{begin} here is never closed with {_CLOSING[begin]}: Jinja read on into line {line} "
                  f"({detail})")
        line = opened_at
    return error(shown, line, "layout-error", f"layout {kind} error: {detail}")


_NO_SUCH = re.compile(r"No (filter|test) named '([^']+)'")


def no_such_detail(kind: str, name: str) -> str:
    """Jinja's words for a filter or test (`kind`) that layouts do not have, with the one meant."""
    known = set(jinja2.defaults.DEFAULT_FILTERS) | set(LAYOUT_FILTERS) if kind == "filter" \
        else set(jinja2.defaults.DEFAULT_TESTS)
    meant = suggest(name, known)
    return f"No {kind} named '{name}'." + (f" Did you mean '{meant}'?" if meant else "")


# Tags that open a block closed by end<tag> ("set" only in its block form: {% set x %}…{% endset %}).
_BLOCK_TAGS = {"if", "for", "block", "macro", "call", "filter", "with", "autoescape", "set", "trans"}
_INNERMOST = re.compile(r"The innermost block that needs to be closed is '(\w+)'")
_UNKNOWN = re.compile(r"Encountered unknown tag '(\w+)'")


def _unclosed_tag(exc: jinja2.TemplateError) -> tuple[str, int, str] | None:
    """(tag, the line it opens at, the tag Jinja met instead or "" at the file's end) for
    "The innermost block that needs to be closed is 'if'", read from the layout's own tags."""
    message = getattr(exc, "message", None) or ""
    innermost = _INNERMOST.search(message)
    if not isinstance(exc, jinja2.TemplateSyntaxError) or innermost is None or not exc.filename:
        return None
    try:
        source = exc.source if exc.source is not None else Path(exc.filename).read_text(encoding="utf-8")
        tokens = [token for token in jinja2.Environment().lex(source) if token[1] != "whitespace"]
    except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
        return None
    unknown = _UNKNOWN.search(message)
    met = unknown.group(1) if unknown else ""
    opened: list[tuple[str, int]] = []
    for at, (lineno, kind, value) in enumerate(tokens):
        if kind != "name" or at == 0 or tokens[at - 1][1] != "block_begin":
            continue
        if met and value == met and lineno == exc.lineno:
            break  # where Jinja gave up
        if value in _BLOCK_TAGS and not (value == "set" and _assigns(tokens, at)):
            opened.append((value, lineno))
        elif value.startswith("end") and opened and opened[-1][0] == value[3:]:
            opened.pop()
    if not opened or opened[-1][0] != innermost.group(1):
        return None
    return opened[-1][0], opened[-1][1], met


_CLOSING = {"{{": "}}", "{%": "%}"}


def _tag_left_open(exc: jinja2.TemplateError) -> tuple[str, int] | None:
    """("{{" or "{%", the line it opens at) when Jinja's syntax error is on a line that begins
    with an HTML tag ("<") or another tag ({% or {{, read as "{" and "%" or "{") inside a {{ or
    {% opened on an earlier line: its }} or %} was left out (`{% endif` at the end of a line),
    and Jinja read the next line as part of it."""
    if not isinstance(exc, jinja2.TemplateSyntaxError) or not exc.filename or not exc.lineno:
        return None
    try:
        source = exc.source if exc.source is not None else Path(exc.filename).read_text(encoding="utf-8")
        tokens = [token for token in jinja2.Environment().lex(source) if token[1] != "whitespace"]
        opened: tuple[str, int] | None = None
        for at, (lineno, kind, value) in enumerate(tokens):
            if lineno >= exc.lineno:  # the first token of the line Jinja stopped at
                after = tokens[at + 1] if at + 1 < len(tokens) else (0, "", "")
                begins_tag = (kind, value) == ("operator", "<") or (
                    (kind, value) == ("operator", "{") and after[0] == lineno and after[1:] in (
                        ("operator", "%"), ("operator", "{")))
                return opened if opened and lineno == exc.lineno and begins_tag else None
            if kind in ("block_begin", "variable_begin"):
                opened = (value[:2], lineno)  # ("{%-" and "{%+" trim the white space before: "{%")
            elif kind in ("block_end", "variable_end"):
                opened = None
    except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
        return None
    return None


def _assigns(tokens: list, at: int) -> bool:
    """Whether the {% set %} whose name token is at `at` assigns in place ({% set x = 1 %})."""
    for _, kind, value in tokens[at + 1:]:
        if kind == "block_end":
            return False
        if kind == "operator" and value == "=":
            return True
    return False


def _where(exc: jinja2.TemplateError) -> tuple[str | None, int]:
    if isinstance(exc, (jinja2.TemplateSyntaxError, LayoutLoop, LayoutFailed, LayoutNotText)) and exc.filename:
        return exc.filename, exc.lineno or 0
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.name and Path(exc.name).is_absolute():
        # Jinja's lexer raises "Missing end of comment tag" ({# never closed) and "… raw directive"
        # with the file's path where the layout's name goes, and no filename.
        return exc.name, exc.lineno or 0
    # Jinja rewrites runtime tracebacks so frames point into the .html files;
    # the innermost one is where the layout went wrong.
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith((".html", ".xml", ".txt"))]
    if frames:
        return frames[-1].filename, frames[-1].lineno or 0
    return None, 0  # e.g. a layout that names a missing template


def shown_layout(path: str, site_dir: Path) -> str:
    """A layout file as problems name it: layouts/… of the site, else the theme's own path."""
    resolved = Path(path).resolve()
    for root in (site_dir.resolve(), DEFAULT_LAYOUTS.parent):  # site's own layouts, then the theme's
        if resolved.is_relative_to(root):
            return resolved.relative_to(root).as_posix()
    return resolved.as_posix()
