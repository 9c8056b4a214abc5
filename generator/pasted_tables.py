"""Tables pasted from Excel, Word or Google Sheets into a body, made Markdown tables.

Copying cells gives text: a line a row, a tab between cells. Markdown has no
such table: Python-Markdown expanded the tabs to spaces and ran the rows into
one paragraph ("STT Đơn vị  Số vụ 1   Công an huyện A 12"), and an editor who
pastes a report's figures cannot be asked to retype them as `| … |` rows.

Two or more lines in a row that each hold a tab and some text become a table,
its first line the header (what a copied table starts with); a row with fewer
cells (merged cells in Word) is padded. A line indented with tabs alone (a list
item's continuation, code) is not a row, nor is anything in a fenced code block.
Runs before Python-Markdown expands tabs to spaces (its whitespace preprocessor).
"""
from __future__ import annotations

import re

import markdown
from markdown.preprocessors import Preprocessor

from generator.fences import fenced

PRIORITY = 35  # before "normalize_whitespace" (30), which turns tabs into spaces

_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def is_row(line: str) -> bool:
    """A tab with text before it on the line: a cell boundary, not indentation.
    (Split, not a regex: a pasted line may be 100,000 characters long.)"""
    if "\t" not in line or _LIST_ITEM.match(line):
        return False
    cells = line.split("\t")
    return any(cell.strip() for cell in cells[:-1])


def _cell(text: str) -> str:
    # "|" would end the cell early; a cell of nothing needs a space to stay a cell.
    return text.strip().replace("|", "\\|") or " "


def table_lines(rows: list[str]) -> list[str]:
    """A run of tab-separated rows as a Markdown table, a blank line on each side."""
    cells = [row.split("\t") for row in rows]
    width = max(len(row) for row in cells)
    cells = [row + [""] * (width - len(row)) for row in cells]
    as_line = lambda row: "| " + " | ".join(_cell(c) for c in row) + " |"  # noqa: E731
    return ["", as_line(cells[0]), "|" + " --- |" * width, *(as_line(row) for row in cells[1:]), ""]


class TabSeparatedTables(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any("\t" in line for line in lines):
            return lines  # the common case: nothing pasted from a spreadsheet
        in_code = [flag for _, flag in fenced(lines)]
        out: list[str] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            end = i
            while end < len(lines) and not in_code[end] and is_row(lines[end]):
                end += 1
            follows_list = bool(out) and _LIST_ITEM.match(out[-1]) is not None
            if end - i >= 2 and not follows_list:
                out.extend(table_lines(lines[i:end]))
                i = end
                continue
            out.append(line)
            i += 1
        return out


def install(md: markdown.Markdown) -> None:
    md.preprocessors.register(TabSeparatedTables(md), "pasted_tables", PRIORITY)
