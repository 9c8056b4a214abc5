"""Columns of figures in a body's tables, marked so the theme aligns them.

Units publish statistics ("STT", "Số vụ", "Số đối tượng", "Tăng 12%"). In a column
of text the theme keeps a few words' width, so a phone scrolls the table instead of
squeezing each cell to a syllable; a column of figures needs no such width, and
reads best right-aligned, digit under digit. A column whose every filled body cell
is a figure (1.234, 12,5, 12%, -3) gets class "so" on each of its cells and its
header; style.css does the rest.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

PRIORITY = 2  # after the headings and links are done: only reads cells and sets a class
FIGURE_CLASS = "so"
_FIGURE = re.compile(r"[-+−]?\d[\d.,\s]*%?")
# A telephone number is written with figures but is not one: a contact list's "0221.3862.124"
# and "113" read left-aligned, as a directory prints them. A number of 9 to 11 digits that
# starts with 0 is one (no count is written with a leading 0), as is any cell under a
# heading that names a telephone.
_TELEPHONE = re.compile(r"0[\d.\s-]{8,16}")
_TELEPHONE_HEADING = re.compile(r"điện thoại|\bs?đt\b|số máy|hotline|đường dây nóng|fax|zalo|liên hệ|phone|\btel\b",
                                re.IGNORECASE)


def _is_telephone(text: str) -> bool:
    return bool(_TELEPHONE.fullmatch(text)) and 9 <= sum(c.isdigit() for c in text) <= 11


def _text(cell: etree.Element) -> str:
    return "".join(cell.itertext()).strip()


def _rows(table: etree.Element) -> list[list[etree.Element]]:
    return [[cell for cell in row if cell.tag in ("th", "td")] for row in table.iter("tr")]


class FigureColumns(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            rows = _rows(table)
            body = [row for row in rows if row and all(cell.tag == "td" for cell in row)]
            width = max((len(row) for row in rows), default=0)
            headings = [row for row in rows if row and any(cell.tag == "th" for cell in row)]
            for column in range(width):
                if any(column < len(row) and _TELEPHONE_HEADING.search(_text(row[column])) for row in headings):
                    continue
                cells = [row[column] for row in body if column < len(row) and _text(row[column])]
                if cells and all(_FIGURE.fullmatch(_text(cell)) and not _is_telephone(_text(cell)) for cell in cells):
                    for row in rows:
                        if column < len(row):
                            cell = row[column]
                            cell.set("class", (cell.get("class", "") + " " + FIGURE_CLASS).strip())
        return None


def install(md: markdown.Markdown) -> None:
    md.treeprocessors.register(FigureColumns(md), "figure_columns", PRIORITY)
