"""A body's table in a region a keyboard reaches and a screen reader names.

A report's table is often wider than a phone: it scrolls sideways (style.css) rather than
squeeze each cell to a syllable. A box that scrolls must take the keyboard's focus, or a
reader without a mouse (and Safari, which does not focus a scrolling box by itself) never
sees its right-hand columns; one that takes focus needs a name, which a screen reader says
as it lands there (axe's scrollable-region-focusable). Each outermost table of a body is
put in `<div class="bang-cuon" role="region" tabindex="0" aria-label="Bảng: …">`, named by
its caption, else its title, else its first heading cell with words but the row numbers' ("STT"),
else its first cell with words but a number ("1"), else "Bảng" alone; the
scrolling is the wrapper's, the table stays a table to assistive technology.
Runs on sanitised HTML (nh3 writes every tag the same way): the markup is ours.
"""
from __future__ import annotations

import html
import re

from generator.sanitize import text_of

REGION_CLASS = "bang-cuon"
LABEL_PREFIX = "Bảng"
MAX_LABEL = 80  # characters of the name: a screen reader says it whole each time
_TABLE_TAG = re.compile(r"<(/?)table\b[^>]*>")
_CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.S)
_TITLE = re.compile(r'^<table\b[^>]*?\stitle="([^"]*)"')
_HEADING_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
# The row numbers' heading a statistics table opens with ("STT", số thứ tự): it names no table,
# and every table of a report began with it, each region called "Bảng: STT".
_NUMBERING = re.compile(r"(?:stt|tt|số tt|số thứ tự|thứ tự|#|no|s\.\s?t\.\s?t)\.?", re.I)  # ("TT.", "S.T.T")
_CELL = re.compile(r"<td\b[^>]*>(.*?)</td>", re.S)
# A row's number or a figure ("1", "1.", "II", "12,5"): no name either; a table without heading
# cells whose first cell was its row's number was "Bảng: 1" to a screen reader, as every such table was.
_NUMBER = re.compile(r"[(\[]?(?:\d+(?:[.,/]\d+)*|[IVXLC]+)[.)\]:]?%?")


def wrap_tables(body_html: str) -> str:
    """`body_html` with each outermost table in a named, focusable region."""
    if "<table" not in body_html:  # nearly every article: one search in C
        return body_html
    parts, depth, start, done = [], 0, 0, 0
    for tag in _TABLE_TAG.finditer(body_html):
        if not tag.group(1):
            if depth == 0:
                start = tag.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                table = body_html[start:tag.end()]
                parts += [body_html[done:start], _region(table)]
                done = tag.end()
    if depth:  # (sanitised HTML closes every table: never left open)
        return body_html
    return "".join(parts) + body_html[done:]


def table_label(table: str) -> str:
    """What the region of `table` (its HTML) is called: "Bảng: <caption, title or first heading>"."""
    inner = _TABLE_TAG.sub(" ", table[table.index(">") + 1:])  # (a nested table's cells count too)
    for found in (_CAPTION.search(table), _TITLE.match(table), _naming_cell(_HEADING_CELL, inner),
                  _naming_cell(_CELL, inner)):
        words = text_of(found.group(1)) if found else ""
        if words:
            if len(words) > MAX_LABEL:
                words = words[:MAX_LABEL - 1].rsplit(" ", 1)[0] + "…"
            return f"{LABEL_PREFIX}: {words}"
    return LABEL_PREFIX


def _naming_cell(cell: re.Pattern, inner: str) -> re.Match | None:
    """The first cell of the kind that has words, but the row numbers' heading or a number."""
    return next((found for found in cell.finditer(inner)
                 if (words := text_of(found.group(1))) and not _NUMBERING.fullmatch(words)
                 and not _NUMBER.fullmatch(words)), None)


def _region(table: str) -> str:
    label = html.escape(table_label(table), quote=True)
    return f'<div class="{REGION_CLASS}" role="region" tabindex="0" aria-label="{label}">{table}</div>'
