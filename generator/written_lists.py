"""Lists written as editors write them, read as Hugo's or Zola's Markdown would.

Python-Markdown reads lists by its own older rules, and two habits every editor
brings from Word, Zalo or GitHub lost their lists there:
- a list straight under its lead-in line ("Các nội dung chính:" and then "- …" on
  the next line, no blank line between) stayed one paragraph of dashes;
- an item nested by two or three spaces ("  - cho học sinh" under "- Tuyên truyền")
  came out beside its parent instead of under it: Python-Markdown nests only by four.
This pass rewrites such lines into the shape Python-Markdown reads, by CommonMark's
rules (the ones Hugo and Zola follow): a bullet item, or an ordered one starting at
1, opens a list under a paragraph line; a line belongs to the deepest item whose text
starts at or before its indentation, and is re-indented to that item's depth, four
spaces a level. Text already written for Python-Markdown comes out as it went in.
Two conventions of Vietnamese documents are kept besides: "+" points at the margin of
the "-" point above them are its sub-points, and "b) …" right under a list is the next
point, not more of the last item's text. It runs after raw HTML and fenced code are set
aside, so neither is touched.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import markdown
from markdown.preprocessors import Preprocessor

PRIORITY = 15  # after "fenced_code_block" (25) and "html_block" (20) stash code and raw HTML
LEVEL = 4  # spaces per level of nesting, as Python-Markdown reads them

# A list item as Python-Markdown's block parser takes it: a bullet or "12." and a space.
_ITEM = re.compile(r"( *)([*+-]|(\d{1,9})\.)( +)\S")
_RULE = re.compile(r" {0,3}([*_-])(?: *\1){2,} *$")  # "* * *" and "- - -" are rules, not items
# "a) …", "b) …", "2) …": the next point of a Vietnamese document, not more of the item above it.
_NEXT_POINT = re.compile(r" {0,3}(?:[a-zđ]|\d{1,2})\) ")


def _nested_by_convention(marker: str, above: _Item, indent: int) -> bool:
    """Vietnamese documents mark a point "-" and the points under it "+", written at the same
    margin: "- Tuyên truyền:" then "+ cho học sinh;". Read as a list under that item."""
    return marker == "+" and above.marker == "-" and above.indent == indent


@dataclass(frozen=True)
class _Item:
    indent: int  # spaces before the marker, as written
    text_at: int  # the column its text starts at, as written
    shift: int  # spaces added before the marker on rewriting
    marker: str  # "-", "*", "+" or "." (numbered)


def _item(line: str) -> re.Match | None:
    found = _ITEM.match(line)
    return None if found is None or _RULE.match(line) else found


def _opens_under_paragraph(found: re.Match) -> bool:
    """Whether an item may start a list right under a paragraph line (CommonMark): a bullet,
    or a number 1 ("1. Bắt 5 vụ"), so that "năm\n2025. …" wrapped in a sentence stays text."""
    number = found.group(3)
    return number is None or int(number) == 1


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


class WrittenLists(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        items: list[_Item] = []  # the open items, outermost first (so their text_at never fall)
        after_blank = True
        in_item_paragraph = False  # an item's later paragraph is going on (its lines indented)
        for line in lines:
            if not line.strip():
                out.append(line)
                after_blank = True
                continue
            found = _item(line)
            indent = _indent(line)
            opens = indent < LEVEL and (after_blank or _opens_under_paragraph(found)) if found else False
            if found is not None and (items or opens):
                if not after_blank and (not items or in_item_paragraph):
                    # The lead-in paragraph, or an item's later paragraph, ends here: Python-Markdown
                    # would read the item as more of that paragraph's text.
                    out.append("")
                marker = found.group(2)[-1]
                while items and indent < items[-1].text_at and not _nested_by_convention(marker, items[-1], indent):
                    items.pop()
                # Past four spaces of indentation an item's text is code (CommonMark), which keeps one space.
                text_at = found.end(2) + (1 if len(found.group(4)) > LEVEL else len(found.group(4)))
                shift = LEVEL * len(items) - indent
                items.append(_Item(indent, text_at, shift, marker))
                in_item_paragraph = False
                out.append(" " * (indent + shift) + line[indent:])
            elif items:
                # The deepest item whose text starts at or before this line's (a bisection: lines x depth
                # must stay linear for a list nested thousands deep).
                owner = bisect_right(items, indent, key=lambda item: item.text_at) - 1
                if owner < 0:
                    if after_blank or _NEXT_POINT.match(line):
                        if not after_blank:
                            out.append("")
                        items.clear()  # text back at the margin after a blank line: the list has ended
                        in_item_paragraph = False
                    out.append(line)
                else:
                    if after_blank:
                        del items[owner + 1:]  # a paragraph of an outer item closes the lists inside it
                        in_item_paragraph = True
                    wanted = max(indent + items[owner].shift, LEVEL * (owner + 1))
                    out.append(" " * wanted + line[indent:])
            else:
                out.append(line)
            after_blank = False
        return out


def install(md: markdown.Markdown) -> None:
    md.preprocessors.register(WrittenLists(md), "written_lists", PRIORITY)
