"""A line that starts with a hashtag (#CôngAnHưngYên, #1) is text, not a heading.

Posts written for Facebook or Zalo end with a line of hashtags, and Python-Markdown
took "#ANTQ #DânVậnKhéo" for a heading (and "#1 vụ án" too, cutting its paragraph in
two). CommonMark, which Hugo and Zola follow and `check` already reads headings by,
wants a space after the marks: `# Tiêu đề`. A line whose marks are followed by text is
given a backslash before its first mark, which Python-Markdown then shows as the mark
itself. This holds at the start of a line, of a quote (`> #…`) and of a list item
(`- #…`); fenced code and raw HTML are set aside before this pass runs.
"""
from __future__ import annotations

import re

import markdown
from markdown.preprocessors import Preprocessor

PRIORITY = 16  # after "fenced_code_block" (25) and "html_block" (20), before written_lists (15)
_NOT_A_HEADING = re.compile(r"( {0,3}(?:> ?)*(?:(?:[*+-]|\d{1,9}\.) +)?)(?=#{1,6}[^#\s])")


def _as_text(line: str) -> str:
    found = _NOT_A_HEADING.match(line) if "#" in line else None
    return line if found is None else line[:found.end()] + "\\" + line[found.end():]


class Hashtags(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return [_as_text(line) for line in lines]


def install(md: markdown.Markdown) -> None:
    md.preprocessors.register(Hashtags(md), "hashtags", PRIORITY)
