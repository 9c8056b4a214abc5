"""Which lines of a Markdown body are code: in a fenced block (```…``` or ~~~…~~~), or
indented as code; and which parts of a line are code spans (`…`).

Owns that one reading for every pass over a body's lines that must leave code alone:
the images plan looking for photos, `check`'s heading outline, and the preprocessors
that join a PDF's wrapped lines or read tables. A fence closes at a fence of its own
character at least as long. Reads no files.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def fenced(lines: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each line, with whether it belongs to a fenced code block (its fences included)."""
    fence = None
    for line in lines:
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            yield line, True
        elif opened:
            fence = opened.group(1)
            yield line, True
        else:
            yield line, False


def indented_code(line: str) -> bool:
    """Indented as a Markdown code block is: four spaces or a tab."""
    return line.startswith(("    ", "\t"))


def code_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each code span of a line: a run of backticks to the next run as long,
    as Python-Markdown reads them. In one pass: a regex looking ahead from each opening run
    took cubic time on a line of backticks (8,000 of them: 4 s)."""
    runs = [(m.start(), m.end()) for m in re.finditer("`+", line)]
    following, last_of_length = [None] * len(runs), {}
    for index in range(len(runs) - 1, -1, -1):  # the next run of the same length after each
        length = runs[index][1] - runs[index][0]
        following[index] = last_of_length.get(length)
        last_of_length[length] = index
    spans, index = [], 0
    while index < len(runs):
        closing = following[index]
        if closing is None:
            index += 1
            continue
        spans.append((runs[index][0], runs[closing][1]))
        index = closing + 1
    return spans
