"""A broken layout is an editor's mistake too: Jinja errors → Problems.

Owns turning a `jinja2.TemplateError` raised while rendering into a
`Problem` that points at the layout file and line (the site's own layouts/
or the default theme), so `build` prints `path:line: error[layout-error]: …`
instead of a traceback and `serve` shows it in the overlay. Does no I/O and
renders nothing.
"""
from __future__ import annotations

import traceback
from pathlib import Path

import jinja2

from generator.diagnostics import Problem, error
from generator.fragments import LayoutNotText
from generator.render import DEFAULT_LAYOUTS, LayoutFailed, LayoutLoop, missing_layout_detail


def layout_problem(exc: jinja2.TemplateError, site_dir: Path, where: tuple[str, int] | None = None) -> Problem:
    """`where`: the layout file and line, when the exception cannot say (a missing layout
    found without rendering: layout_check.py)."""
    path, line = where or _where(exc)
    shown = _shown(path, site_dir) if path else "layouts"
    kind = "syntax" if isinstance(exc, jinja2.TemplateSyntaxError) else "rendering"
    detail = getattr(exc, "message", None) or str(exc)
    if isinstance(exc, jinja2.TemplateNotFound):  # (Jinja says only the name)
        detail = missing_layout_detail(exc)
    return error(shown, line, "layout-error", f"layout {kind} error: {detail}")


def _where(exc: jinja2.TemplateError) -> tuple[str | None, int]:
    if isinstance(exc, (jinja2.TemplateSyntaxError, LayoutLoop, LayoutFailed, LayoutNotText)) and exc.filename:
        return exc.filename, exc.lineno or 0
    # Jinja rewrites runtime tracebacks so frames point into the .html files;
    # the innermost one is where the layout went wrong.
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith((".html", ".xml", ".txt"))]
    if frames:
        return frames[-1].filename, frames[-1].lineno or 0
    return None, 0  # e.g. a layout that names a missing template


def _shown(path: str, site_dir: Path) -> str:
    resolved = Path(path).resolve()
    for root in (site_dir.resolve(), DEFAULT_LAYOUTS.parent):  # site's own layouts, then the theme's
        if resolved.is_relative_to(root):
            return resolved.relative_to(root).as_posix()
    return resolved.as_posix()
