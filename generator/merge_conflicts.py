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
