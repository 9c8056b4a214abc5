"""A block of raw HTML an editor pasted and never closed (`<div align="center">` from a Word
report, a `<table>` cut off by the copy).

Python-Markdown keeps a block-level tag that starts a line, and everything after it up to its
closing tag, as raw HTML: without one, the rest of the article is published as written, its
headings, lists, photos and links as plain text. Owns finding such a block the way
Python-Markdown reads it (its own HTMLExtractor, fenced code left out) and where it opens.
Reads no files.
"""
from __future__ import annotations

import functools
import re

import markdown
from markdown.htmlparser import HTMLExtractor

from generator import fences

# A tag at a line's start (Python-Markdown allows 3 spaces before it): the only place a raw block opens.
_TAG_AT_LINE_START = re.compile(r"^ {0,3}<([A-Za-z][A-Za-z0-9]*)", re.M)


@functools.lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    return markdown.Markdown()  # only its list of block-level tags and its stash are used


class _Reading(HTMLExtractor):
    """Python-Markdown's reading of raw HTML, noting the line where its last raw block opened."""

    opened_at = 0

    def handle_starttag(self, tag, attrs):
        was_raw = self.inraw
        super().handle_starttag(tag, attrs)
        if self.inraw and not was_raw:
            self.opened_at = self.getpos()[0] - 1


def unclosed_block(body: str) -> tuple[int, str] | None:
    """(0-based line of `body`, tag name) of a raw HTML block never closed, or None."""
    md = _markdown()
    if not any(md.is_block_level(found.group(1).lower()) for found in _TAG_AT_LINE_START.finditer(body)):
        return None
    # Fenced code keeps its lines, emptied: a "<div>" shown in a code block opens nothing.
    text = "\n".join("" if in_code else line for line, in_code in fences.fenced(body.split("\n")))
    reading = _Reading(md)
    try:
        reading.feed(text)
    finally:
        md.htmlStash.reset()
    if reading.inraw and reading.stack:
        return reading.opened_at, reading.stack[0]
    return None
