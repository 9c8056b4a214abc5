"""Which lines of a Markdown body are code: in a fenced block (```…``` or ~~~…~~~), or
indented as code.

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
