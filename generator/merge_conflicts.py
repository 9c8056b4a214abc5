"""Git's merge-conflict markers left in a file the build reads.

Owns finding them: two editors changed the same lines of an article (or of site.toml, or
of a layout), git stopped the merge and wrote both versions between `<<<<<<<`, `=======`
and `>>>>>>>` lines, and the file was committed so. Markdown reads the markers as text and
"=======" under a line as a heading, so the page would publish both versions; YAML and
TOML refuse them with words that name neither git nor the fix. Reads no files.
"""
from __future__ import annotations

import re

from generator.fences import fenced

_START = re.compile(r"<{7}(?: |$)")
_MIDDLE = re.compile(r"={7}$")
_END = re.compile(r">{7}(?: |$)")


def conflict_lines(text: str, markdown: bool = False) -> tuple[int, int] | None:
    """The first and last line (from 1) of the first conflict git left in `text`: a
    `<<<<<<<` line, then a `=======` line, then a `>>>>>>>` line. With `markdown`, lines of
    fenced code are not read (an article may show what a conflict looks like)."""
    if "<<<<<<<" not in text:  # (every article is asked: one search, no split)
        return None
    lines = text.split("\n")
    readable = fenced(lines) if markdown else ((line, False) for line in lines)
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
            return start, number
    return None


def conflict_message(first: int, last: int) -> str:
    return (f"git left a merge conflict here (lines {first}–{last}): keep the version wanted and delete the "
            "lines '<<<<<<<', '=======' and '>>>>>>>'")
