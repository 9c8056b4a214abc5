"""Paragraphs indented as Vietnamese documents indent them, read as paragraphs.

A document typed in Word starts each paragraph with a Tab (or spaces to the same place);
pasted into a body, such a paragraph after a blank line is what Markdown calls an indented
code block: Python-Markdown published it in monospace, on one line a phone cut off, and the
summary passed over it. A news portal publishes no code, and fenced code (```) is there for
the odd one that does. So an indented block that opens with text (anything but a sign only code
starts with: a letter, a digit, a quotation mark, a bullet, an emoji) goes to the margin, all its
lines; one that opens with such a sign (`#include`, `<div>`, `{`, `$ make`) stays code.

Indentation that Markdown reads as belonging to something above is left as it is: a later
paragraph of a list item, a footnote's or a definition's ("- mục" / blank / "    đoạn của
mục"). A block opens after a blank line, or right under a heading ("## Kết quả" and a Tab-indented
paragraph). Runs after fenced code and raw HTML are set aside, and after tabs are expanded.
"""
from __future__ import annotations

import re

import markdown
from markdown.preprocessors import Preprocessor

PRIORITY = 19  # after "fenced_code_block" (25), "normalize_whitespace" (30) and "html_block" (20)
LEVEL = 4  # spaces: Python-Markdown's indentation of code (a Tab is expanded to four)

# A line whose indented lines below it, past a blank line, are its own: a list item, a footnote, a definition.
_OWNS_INDENTED = re.compile(r" {0,3}(?:[*+-] |\d{1,9}\. |\[\^[^\]]+\]:|: )")
# A line after which Markdown starts a new block even without a blank line: a heading ("## Kết
# quả", or text underlined "---"), a rule.
_ENDS_BLOCK = re.compile(r" {0,3}(?:#{1,6}(?: |$)|[=-]+ *$|([*_-])(?: *\1){2,} *$)")
# What code opens with and text does not: anything else opens text (a letter, a digit, a quotation
# mark, and the bullets and emoji of Word documents and Zalo posts, ➢ ● ❖ ✓ 📌, which a list of
# text's openings missed).
_CODE_SIGN = re.compile(r"\s*[#<>{}$/;@\\`=|%&~^]")


def opens_with_text(line: str) -> bool:
    """Whether an indented line opens with text rather than with a sign only code starts with."""
    return bool(line.strip()) and _CODE_SIGN.match(line) is None


class IndentedParagraphs(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        block_start = True  # whether the line opens a block: the body's first, one after a blank line or a heading
        owned = False  # whether an indented block here belongs to a list item, a footnote, a definition
        outdenting = False  # whether the lines of this block lose a level
        for line in lines:
            if not line.strip():
                block_start, outdenting = True, False
                out.append(line)
                continue
            if not line.startswith(" " * LEVEL):
                ends_block = _ENDS_BLOCK.match(line) is not None
                if _OWNS_INDENTED.match(line) and not ends_block:
                    owned = True
                elif ends_block or block_start:
                    owned = False  # a heading, a rule, or text at the margin after a blank line: the list has ended
                out.append(line)
                block_start = ends_block
                continue
            if block_start and not owned:
                outdenting = opens_with_text(line)
            # (to the margin: a line indented deeper, a poem's or one of two Tabs, stayed code alone)
            out.append(line.lstrip() if outdenting else line)
            block_start = False
        return out


def install(md: markdown.Markdown) -> None:
    md.preprocessors.register(IndentedParagraphs(md), "indented_paragraphs", PRIORITY)
