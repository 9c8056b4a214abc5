"""`check` on the layouts: what a build would stop at in them, found without rendering.

Owns finding the layout problems a build meets before or whatever page it renders: a file
of the layout folders that is not text (the build reads them all), a syntax error in a
layout the site's pages use, and a layout they extend, include or import that exists
nowhere (an optional include, `ignore missing` or a list with one that exists, is fine).
Must not render: an error only a render shows (an attribute a page does not have) is the
build's to find.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import jinja2
from jinja2 import nodes

from generator import render
from generator.diagnostics import Problem
from generator.fragments import (FUNCTION as INCLUDE_CACHED, MISSING_SOURCE, LayoutNotText, layout_file,
                                 layout_names, layout_source, parsed_layout, referenced_templates)
from generator.layout_problems import layout_problem


def check_layouts(site_dir: Path, templates: Iterable[str]) -> list[Problem]:
    """The problems of the layouts the pages of `templates` (their layout names) use."""
    env = render.layout_environment(render.layout_dirs(site_dir))
    try:
        for name in layout_names(env):
            layout_source(env, name)
    except LayoutNotText as exc:
        return [layout_problem(exc, site_dir)]
    found: dict[str, Problem] = {}
    parsed: dict = {}
    # Every layout the pages reach, each once: a syntax error in one is reported, and the walk
    # goes on through the others (fragments.parsed_closure stops at the first).
    reached, todo = {}, sorted(set(templates))
    while todo:
        name = todo.pop()
        if name in reached:
            continue
        try:
            reached[name] = parsed_layout(env, name, parsed)
        except jinja2.TemplateSyntaxError as exc:
            reached[name] = None
            problem = layout_problem(exc, site_dir)
            found[str(problem)] = problem
            continue
        refs = list(referenced_templates(reached[name][1]))
        todo += layout_names(env) if None in refs else refs  # (a computed name: any layout)
    missing = {name for name, member in reached.items() if member is not None and member[0] is MISSING_SOURCE}
    for name, member in sorted(reached.items()):
        if member is None or member[0] is MISSING_SOURCE:
            continue
        for line, names in _required(member[1]):
            if names and set(names) <= missing:
                error = jinja2.TemplatesNotFound(names) if len(names) > 1 else jinja2.TemplateNotFound(names[0])
                problem = layout_problem(error, site_dir, (layout_file(env, name) or name, line))
                found[str(problem)] = problem
    return sorted(found.values(), key=str)


def _required(ast: nodes.Template) -> Iterable[tuple[int, list[str]]]:
    """(line, the names of which one must exist) for each layout the template extends, includes
    (but `ignore missing`), imports or renders with include_cached, named in its text."""
    for node in ast.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
        if isinstance(node, nodes.Include) and node.ignore_missing:
            continue
        names = _names(node.template)
        if names:
            yield node.lineno, names
    for call in ast.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name == INCLUDE_CACHED and call.args:
            names = _names(call.args[0])
            if names:
                yield call.lineno, names


def _names(expression: nodes.Expr) -> list[str]:
    """The layout names written in `expression`: one, several (a list), none (computed)."""
    if isinstance(expression, nodes.Const) and isinstance(expression.value, str):
        return [expression.value]
    if isinstance(expression, (nodes.List, nodes.Tuple)) and all(
            isinstance(item, nodes.Const) and isinstance(item.value, str) for item in expression.items):
        return [item.value for item in expression.items]
    return []
