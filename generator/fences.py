"""Which lines of a Markdown body are code: in a fenced block (```…``` or ~~~…~~~), or
indented as code; and which parts of a line are code spans (`…`).

Owns that one reading for every pass over a body's lines that must leave code alone:
the images plan looking for photos, `check`'s heading outline, and the preprocessors
that join a PDF's wrapped lines or read tables. A block is what Python-Markdown takes
for one: opened at a line's start, closed by the same fence. Reads no files.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.extensions.fenced_code import FencedBlockPreprocessor

# Python-Markdown's own reading of a fenced block (its "fenced_code", part of "extra"): an
# opening fence at the start of a line with at most a language or {attributes} after it,
# and a closing fence of the very same characters further down. Anything else (a fence
# indented, never closed, or closed by a longer one) is text, and so it is here too.
_FENCED_BLOCK = FencedBlockPreprocessor.FENCED_BLOCK_RE
_FENCE_RUN = re.compile(r"`{3,}|~{3,}")


def fenced_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) line of each fenced code block, the blocks Python-Markdown finds, in one
    pass. Its own search looks for a closing fence from each opening to the end of the
    body: 50,000 fences never closed took it three minutes."""
    openings: list[tuple[int, str]] = []
    closings: dict[str, list[int]] = {}  # lines that are a fence and nothing else, by fence
    for number, line in enumerate(lines):
        if not line.startswith(("```", "~~~")):
            continue
        line = line.expandtabs(4)  # as Python-Markdown's whitespace normalizing leaves it
        fence = _FENCE_RUN.match(line).group()
        if line.rstrip(" ") == fence:
            closings.setdefault(fence, []).append(number)
        # An opening is what the whole pattern takes with its closing fence right under it.
        found = _FENCED_BLOCK.fullmatch(f"{line}\n{fence}")
        if found and not (found.group("attrs") and get_attrs_and_remainder(found.group("attrs"))[1]):
            openings.append((number, fence))
    blocks: list[tuple[int, int]] = []
    passed = dict.fromkeys(closings, 0)  # closings of each fence already behind the reading
    for number, fence in openings:
        if blocks and number <= blocks[-1][1]:
            continue  # inside the last block
        candidates = closings.get(fence, ())
        at = passed.get(fence, 0)
        while at < len(candidates) and candidates[at] <= number:
            at += 1
        passed[fence] = at
        if at < len(candidates):
            blocks.append((number, candidates[at]))
    return blocks


def fenced(lines: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each line, with whether it belongs to a fenced code block (its fences included)."""
    lines = list(lines)
    blocks = iter(fenced_blocks(lines))
    block = next(blocks, None)
    for number, line in enumerate(lines):
        while block is not None and number > block[1]:
            block = next(blocks, None)
        yield line, block is not None and block[0] <= number


class LinearFencedBlocks(FencedBlockPreprocessor):
    """Python-Markdown's fenced code, given one block at a time: the same output, in time
    that grows with the body and not with the square of its unclosed fences."""

    def run(self, lines: list[str]) -> list[str]:
        out, at = [], 0
        for first, last in fenced_blocks(lines):
            out += lines[at:first]
            out += super().run(lines[first:last + 1])
            at = last + 1
        return out + lines[at:] if at else lines


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


def install(md) -> None:
    """Put the linear fenced code in place of Python-Markdown's own, with its settings."""
    own = md.preprocessors["fenced_code_block"]
    md.preprocessors.register(LinearFencedBlocks(md, own.config), "fenced_code_block", 25)
