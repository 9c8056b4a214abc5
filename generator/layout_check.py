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
from generator.diagnostics import Problem, warning
from generator.fragments import (MISSING_SOURCE, LayoutNotText, blocks_not_shown, empty_layout_detail,
                                 extends_chain, include_cached_calls, layout_file, layout_names, parsed_closure)
from generator.incremental import layout_digests, unused_layouts
from generator.layout_problems import layout_problem, no_such_detail, shown_layout


def check_layouts(site_dir: Path, templates: Iterable[str]) -> list[Problem]:
    """The problems of the layouts the pages of `templates` (their layout names) use."""
    env = render.layout_environment(render.layout_dirs(site_dir))
    try:
        layout_digests(env)  # what every build reads first
    except LayoutNotText as exc:
        return [layout_problem(exc, site_dir)]
    found: dict[str, Problem] = {}  # (one broken layout is met from every page layout's closure)

    def add(problem: Problem) -> None:
        found[str(problem)] = problem

    parsed: dict = {}
    reached: dict[str, tuple[str, nodes.Template]] = {}
    for template in sorted(set(templates)):
        reached.update(parsed_closure(env, template, parsed,
                                      on_syntax_error=lambda exc: add(layout_problem(exc, site_dir))))
    empty: set[str] = set()
    for template in sorted(set(templates)):  # an empty file the pages of `template` are built on, told once
        for name, filename, source in extends_chain(env, template, parsed):
            if not source.strip() and name not in empty:
                empty.add(name)
                add(layout_problem(render.LayoutFailed(empty_layout_detail(name, template), filename or name, 1),
                                   site_dir))
    for name, (source, ast) in sorted(reached.items()):
        for line, kind, unknown in _unknown_filters_and_tests(env, ast):  # (a build stops at them: "syntax")
            add(layout_problem(jinja2.TemplateSyntaxError(no_such_detail(kind, unknown), line, name,
                                                          layout_file(env, name) or name), site_dir))
    for name in sorted(reached):
        for file, line, detail in blocks_not_shown(env, name, parsed):
            add(warning(shown_layout(file, site_dir), line, "block-not-shown", detail))
    for filename, line, code, detail in unused_layouts(env, templates, parsed):
        add(warning(shown_layout(filename, site_dir), line, code, detail))
    missing = {name for name, (source, _) in reached.items() if source is MISSING_SOURCE}
    for name, (source, ast) in sorted(reached.items()):
        if source is MISSING_SOURCE:
            continue
        for line, names in _required(ast):
            if names and set(names) <= missing:
                error = jinja2.TemplatesNotFound(names) if len(names) > 1 else jinja2.TemplateNotFound(names[0])
                add(layout_problem(render.LayoutFailed(render.missing_layout_detail(error, layout_names(env)),
                                                       layout_file(env, name) or name, line), site_dir))
    return sorted(found.values(), key=str)


def _unknown_filters_and_tests(env: jinja2.Environment, ast: nodes.Template) -> Iterable[tuple[int, str, str]]:
    """(line, "filter" or "test", its name) for each filter or test a layout names that a build
    has not (`| uppercase`, `is chuoi`): Jinja finds them only when it compiles the layout."""
    filters = set(env.filters) | set(render.LAYOUT_FILTERS)
    for node in ast.find_all((nodes.Filter, nodes.Test)):
        if isinstance(node, nodes.Filter) and node.name not in filters:
            yield node.lineno, "filter", node.name
        elif isinstance(node, nodes.Test) and node.name not in env.tests:
            yield node.lineno, "test", node.name


def _required(ast: nodes.Template) -> Iterable[tuple[int, list[str]]]:
    """(line, the names of which one must exist) for each layout the template extends, includes
    (but `ignore missing`), imports or renders with include_cached, named in its text."""
    for node in ast.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
        if not (isinstance(node, nodes.Include) and node.ignore_missing):
            yield node.lineno, _names(node.template)
    for call in include_cached_calls(ast):
        if call.args:
            yield call.lineno, _names(call.args[0])


def _names(expression: nodes.Expr) -> list[str]:
    """The layout names written in `expression`: one, several (a list), none (computed)."""
    if isinstance(expression, nodes.Const) and isinstance(expression.value, str):
        return [expression.value]
    if isinstance(expression, (nodes.List, nodes.Tuple)) and all(
            isinstance(item, nodes.Const) and isinstance(item.value, str) for item in expression.items):
        return [item.value for item in expression.items]
    return []
