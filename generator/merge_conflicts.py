"""Git's merge-conflict markers left in a file the build reads.

Owns finding them, every one of a file at once (a file with three was told one a run: three
builds to learn it): two editors changed the same lines of an article (or of site.toml, or
of a layout), git stopped the merge and wrote both versions between `<<<<<<<`, `=======`
and `>>>>>>>` lines, and the file was committed so. Markdown reads the markers as text and
"=======" under a line as a heading, so the page would publish both versions; YAML and
TOML refuse them with words that name neither git nor the fix. Reads no files.
"""
from __future__ import annotations

import re
from typing import Sequence

from generator.diagnostics import Problem, error
from generator.fences import fenced

_START = re.compile(r"<{7}(?: |$)")
_MIDDLE = re.compile(r"={7}$")
_END = re.compile(r">{7}(?: |$)")


def conflict_blocks(text: str, markdown: bool = False) -> list[tuple[int, int]]:
    """The first and last line (from 1) of each conflict git left in `text`, in order: a
    `<<<<<<<` line, then a `=======` line, then a `>>>>>>>` line. With `markdown`, lines of
    fenced code are not read (an article may show what a conflict looks like)."""
    if "<<<<<<<" not in text:  # (every article is asked: one search, no split)
        return []
    lines = text.split("\n")
    readable = fenced(lines) if markdown else ((line, False) for line in lines)
    blocks: list[tuple[int, int]] = []
    start = middle = None
    for number, (line, in_code) in enumerate(readable, 1):
        if in_code:
            continue
        line = line.rstrip()
        if _START.match(line):
            start, middle = number, None
        elif start is not None and middle is None and _MIDDLE.match(line):
            middle = number
        elif middle is not None and _END.match(line):
            blocks.append((start, number))
            start = middle = None
    return blocks


def leftover_markers(text: str, markdown: bool = False) -> list[tuple[int, int, str]]:
    """Git's marker lines left outside a whole conflict (conflict_blocks): a conflict resolved
    only in part, its `<<<<<<<` line deleted but its `=======` and `>>>>>>> branch` kept (or the
    other way round). Each as its first and last line and the marker lines there, quoted:
    a `=======` is named with the `<<<<<<<` before it or the `>>>>>>>` after it, alone it is a
    Markdown heading's underline. Markdown read both versions, the first as a heading, and
    `>>>>>>> branch` as seven quotes one in another around the branch's name (a line of a
    quote already that deep is one)."""
    if "<<<<<<<" not in text and ">>>>>>>" not in text:
        return []
    whole = {number for first, last in conflict_blocks(text, markdown) for number in range(first, last + 1)}
    lines = text.split("\n")
    readable = fenced(lines) if markdown else ((line, False) for line in lines)
    leftovers: list[tuple[int, int, str]] = []
    start: tuple[int, str] | None = None  # a `<<<<<<<` left, not yet followed by its `=======`
    middle: tuple[int, str] | None = None  # a `=======` no `<<<<<<<` came before
    previous = ""
    for number, (line, in_code) in enumerate(readable, 1):
        if number in whole:
            start = middle = None
        if in_code or number in whole:
            previous = ""
            continue
        line, previous, quoted = line.rstrip(), line, previous.lstrip().startswith(">")
        if _START.match(line):
            if start:
                leftovers.append((start[0], start[0], start[1]))
            start, middle = (number, repr(line)), None
        elif _MIDDLE.match(line):
            if start:
                leftovers.append((start[0], number, f"{start[1]}, {line!r}"))
                start = None
            else:
                middle = (number, repr(line))
        elif _END.match(line) and not (markdown and quoted and not start and not middle):
            # (in an article, `>>>>>>> Trích dẫn` under `>>>>>> …` is a quote seven deep, no marker)
            if start:
                leftovers.append((start[0], start[0], start[1]))
                start = None
            leftovers.append((middle[0], number, f"{middle[1]}, {line!r}") if middle else (number, number, repr(line)))
            middle = None
    if start:
        leftovers.append((start[0], start[0], start[1]))
    return leftovers


def leftover_message(first: int, last: int, marks: str) -> str:
    """What to do with git's marker lines `marks` left at lines `first`–`last` (leftover_markers)."""
    where = f"line {first}" if first == last else f"lines {first}–{last}"
    return (f"git's merge-conflict lines are left here ({where}: {marks}), from a conflict resolved only in part: "
            "check that the version kept is the one wanted and delete these lines")


def conflict_problems(where: str, text: str, markdown: bool = False) -> list[Problem]:
    """A `merge-conflict` error at `where` for each conflict (conflict_blocks) and each marker
    line left of one (leftover_markers) in `text`, in the order of their lines."""
    problems = [error(where, first, "merge-conflict", conflict_message(first, last))
                for first, last in conflict_blocks(text, markdown)]
    problems += [error(where, first, "merge-conflict", leftover_message(first, last, marks))
                 for first, last, marks in leftover_markers(text, markdown)]
    return sorted(problems, key=lambda problem: problem.location.line)


def conflict_lines(text: str, markdown: bool = False) -> tuple[int, int] | None:
    """The first and last line of the first conflict in `text` (conflict_blocks), or None."""
    blocks = conflict_blocks(text, markdown)
    return blocks[0] if blocks else None


def conflict_message(first: int, last: int, others: Sequence[tuple[int, int]] = ()) -> str:
    """What to do with the conflict at lines `first`–`last`; `others`: the file's other
    conflicts, named too where one problem stands for them all (a layout's)."""
    also = f", and at lines {', '.join(f'{a}–{b}' for a, b in others)}" if others else ""
    return (f"git left a merge conflict here (lines {first}–{last}){also}: keep the version wanted and delete the "
            "lines '<<<<<<<', '=======' and '>>>>>>>'")
