"""A Markdown table written right under its lead-in line, or with text right under it.

Python-Markdown reads a table only as a block of its own: "Kết quả:" on the line above
`| Đơn vị | Số vụ |` (no blank line between, as editors write it and as GitHub reads
it) turned the whole table into one paragraph of pipes, its `|---|` row into dashes.
This pass gives such a table its blank lines: one before its header row when a line of
text stands above it, and one after its last row when a line without a `|` follows.
A table is a header row and a delimiter row (`|---|:---:|`) with as many cells. Fenced
code and raw HTML are set aside before this pass runs.
"""
from __future__ import annotations

import markdown
from markdown.preprocessors import Preprocessor

from generator.fences import indented_code

PRIORITY = 17  # after "fenced_code_block" (25) and "html_block" (20), before the lists (15)


def _cells(line: str) -> list[str]:
    row = line.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [cell.strip() for cell in row.split("|")]


def _is_delimiter(line: str) -> bool:
    if "|" not in line or "-" not in line:
        return False
    return all(cell.strip(":") and set(cell.strip(":")) == {"-"} for cell in _cells(line))


class WrittenTables(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        in_table = False
        for number, line in enumerate(lines):
            if in_table:
                if "|" in line and line.strip():
                    out.append(line)
                    continue
                in_table = False
                if line.strip():
                    out.append("")  # text right under the table: a paragraph of its own
            following = lines[number + 1] if number + 1 < len(lines) else ""
            if ("|" in line and not indented_code(line) and _is_delimiter(following)
                    and len(_cells(line)) == len(_cells(following))):
                if out and out[-1].strip():
                    out.append("")  # the lead-in line above: a paragraph of its own
                in_table = True
            out.append(line)
        return out


def install(md: markdown.Markdown) -> None:
    md.preprocessors.register(WrittenTables(md), "written_tables", PRIORITY)
