"""`python build.py check [--strict] [--format json]`: validate, write nothing.

Owns the checks a build does not need but an editor does — images that are
missing, images without alt text, skipped heading levels — and the check
report (text for people, JSON for CI). Runs the real stages (config,
content, index, markup) for everything else, drafts and scheduled articles
included, so `check` and `build` never disagree about what is an error.
Reads files; writes none.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable
from urllib.parse import unquote, urlsplit

from generator import config as config_stage, content, index, markup, messages
from generator.diagnostics import Problem, Severity, error, has_errors, sort_problems, warning
from generator.model import SourceFile

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_INLINE_IMAGE = re.compile(r"!\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(].*?[\"')])?\s*\)")
_REF_IMAGE = re.compile(r"!\[((?:[^\]\\]|\\.)*)\]\[([^\]]*)\]")
_REF_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+.*)?$")
_HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
_HTML_ATTR = re.compile(r"""\b(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


@dataclass(frozen=True)
class CheckReport:
    articles: int
    problems: tuple[Problem, ...]
    strict: bool = False

    @property
    def shown(self) -> tuple[Problem, ...]:
        """Problems as reported: under --strict every warning is an error."""
        if not self.strict:
            return self.problems
        return tuple(Problem(p.location, p.code, p.message, Severity.ERROR) for p in self.problems)

    @property
    def ok(self) -> bool:
        return not has_errors(self.shown)


def check_site(site_dir: Path, strict: bool = False) -> CheckReport:
    site_config, problems = config_stage.load_config(site_dir)
    if site_config is None:
        return CheckReport(0, sort_problems(problems), strict)
    sources, found = content.load_content(site_dir)
    problems += found
    for source in sources:
        problems += check_body(site_dir, source)
    # Drafts and scheduled articles are checked too: they will be published one day.
    articles, _, found = index.index_articles(site_config, sources, index.IndexOptions(drafts=True, future=True))
    problems += found
    if not has_errors(found):  # links are only judged against a complete set of articles
        _, found = markup.convert_articles(articles, site_config.base_path)
        problems += found
        problems += _links_to_unpublished(site_config, sources, found)
    return CheckReport(len(sources), sort_problems(problems), strict)


def _links_to_unpublished(site_config, sources, already: list[Problem]) -> list[Problem]:
    """A published article linking a draft or scheduled one fails `build` today: say so."""
    published, _, _ = index.index_articles(site_config, sources, index.IndexOptions())
    _, found = markup.convert_articles(published, site_config.base_path)
    seen = set(already)
    return [Problem(p.location, p.code, p.message.replace(
                "points to no article (check the path to its .md file)",
                "points to an article that is not published yet (a draft, scheduled or expired); "
                "the build fails until it is"), p.severity)
            for p in found if p not in seen]


def code_lines(body: str) -> Iterable[tuple[int, str, bool]]:
    """(offset, line, inside a fenced code block) for each body line."""
    fence = None
    for offset, line in enumerate(body.split("\n")):
        opened = _FENCE.match(line)
        if fence is None and opened:
            fence = opened.group(1)[0] * len(opened.group(1))
            yield offset, line, True
        elif fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
            yield offset, line, True
        else:
            yield offset, line, line.startswith(("    ", "\t"))


def check_body(site_dir: Path, source: SourceFile) -> list[Problem]:
    """Images and headings of one article, with true file lines."""
    problems: list[Problem] = []
    lines = list(code_lines(source.body))
    references = {}
    for _, line, in_code in lines:
        found = _REF_DEFINITION.match(line)
        if found and not in_code:
            references[found.group(1).strip().lower()] = found.group(2)
    heading_levels: list[tuple[int, int]] = []  # (file line, level as written)
    previous = ""
    for offset, line, in_code in lines:
        file_line = source.body_line + offset
        if in_code:
            previous = ""
            continue
        atx = _ATX.match(line)
        setext = _SETEXT.match(line)
        if atx:
            heading_levels.append((file_line, len(atx.group(1))))
        elif setext and previous.strip() and not _ATX.match(previous):
            heading_levels.append((file_line - 1, 1 if setext.group(1)[0] == "=" else 2))
        previous = line
        for alt, target in _images(line, references):
            problems += _check_image(site_dir, source, file_line, alt, target)
    problems += _check_headings(source.path, heading_levels)
    return problems


def _images(line: str, references: dict) -> Iterable[tuple[str, str]]:
    for found in _INLINE_IMAGE.finditer(line):
        yield found.group(1), found.group(2)
    for found in _REF_IMAGE.finditer(line):
        key = (found.group(2) or found.group(1)).strip().lower()
        if key in references:
            yield found.group(1), references[key]
    for tag in _HTML_IMAGE.finditer(line):
        attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
                 for m in _HTML_ATTR.finditer(tag.group(0))}
        yield attrs.get("alt", ""), attrs.get("src", "")


def _check_image(site_dir: Path, source: SourceFile, line: int, alt: str, target: str) -> list[Problem]:
    problems = []
    if not alt.strip():
        problems.append(warning(source.path, line, "image-missing-alt",
                                f"the image '{target}' has no alt text; describe it between [ ] for readers "
                                "who cannot see it"))
    parts = urlsplit(target)
    if target and not parts.scheme and not parts.netloc and not target.startswith(("/", "#", "data:")):
        folder = (site_dir / source.path).parent
        if not (folder / unquote(parts.path)).is_file():
            problems.append(error(source.path, line, "missing-image",
                                  f"the image '{target}' does not exist (looked for "
                                  f"{Path(source.path).parent.as_posix()}/{unquote(parts.path)})"))
    return problems


def _check_headings(path: str, headings: list[tuple[int, int]]) -> list[Problem]:
    # The title is the page's h1; a body that uses '#' is shifted one level down
    # by the markup stage, so compare levels as the reader will get them.
    shift = 1 if any(level == 1 for _, level in headings) else 0
    problems, previous = [], 1
    for line, level in headings:
        shown = min(6, level + shift)
        if shown > previous + 1:
            problems.append(warning(path, line, "skipped-heading-level",
                                    f"heading level {shown} follows level {previous}; use "
                                    f"'{'#' * (previous + 1 - shift)}' here so screen readers keep the outline"))
        previous = shown
    return problems


def report_json(report: CheckReport, lang: str = "en") -> str:
    shown = report.shown
    return json.dumps({
        "ok": report.ok,
        "strict": report.strict,
        "articles": report.articles,
        "errors": sum(p.is_error for p in shown),
        "warnings": sum(not p.is_error for p in shown),
        "problems": [{"path": p.location.path, "line": p.location.line, "severity": p.severity.value,
                      "code": p.code, "message": messages.problem_message(p, lang)} for p in shown],
    }, ensure_ascii=False, indent=2)


def run_check(args, site_dir: Path) -> int:
    report = check_site(site_dir, strict=args.strict)
    if args.format == "json":
        print(report_json(report, args.lang))
    else:
        lang = args.lang
        for line in messages.describe_all(report.shown, lang):
            print(line)
        shown = report.shown
        print(messages.text("checked", lang, articles=report.articles, errors=sum(p.is_error for p in shown),
                            warnings=sum(not p.is_error for p in shown)))
    return 0 if report.ok else 1
