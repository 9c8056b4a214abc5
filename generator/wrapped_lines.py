"""Lines a PDF or a hard-wrapping editor broke mid-sentence, joined again.

A line break an editor types stays a line break (nl2br, markup.py): "Nơi nhận:" and
a name a line, items ending in ";". But text copied from a PDF (the reports and
plans units publish) breaks every visual line, mid-sentence: kept, those breaks
make a ragged column of half lines on a phone. A break is taken for such a wrap,
and the two lines joined with a space, when the line is long (a typed short line
is meant), does not end a clause (. : ; ! ? …) and the next line goes on in
lower case ("…Công an tỉnh đã tổ chức" / "hội nghị tổng kết…"). Nothing in a fenced
or indented code block, a heading, a table row or a line of HTML is joined, nor a line
that starts a list or a quote (those never start in lower case), nor one that starts a
document's next point, which does: "b) giấy tờ…", "b. Đến đúng giờ hẹn", "bước 2: …".
"""
from __future__ import annotations

import re

import markdown
from markdown.preprocessors import Preprocessor

from generator.fences import fenced, indented_code
from generator.indented_paragraphs import opens_with_text

PRIORITY = 34  # with the pasted tables, before Python-Markdown's own preprocessors
WRAPPED_AT_LEAST = 40  # characters: a shorter line was ended on purpose
_CLAUSE_ENDS = ".:;!?…"
# A point of a document, lettered ("a) …", "đ. …") or a step ("bước 2: …"): its letter is lower
# case, as a wrapped line's first word is, but it starts a line of its own.
_POINT = re.compile(r"(?:[a-zđ][.)]\s|bước\s+\d+\s*[:.)–-])")


def _wrapped(line: str, following: str) -> bool:
    text = line.rstrip()
    return (len(text) >= WRAPPED_AT_LEAST and text[-1] not in _CLAUSE_ENDS and not line.endswith("  ")
            and following[:1].islower() and not _POINT.match(following)
            and not (indented_code(line) and not opens_with_text(line)) and not indented_code(following)
            and not text.lstrip().startswith(("#", "<")) and "|" not in text and "|" not in following)


class WrappedLines(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        joinable = False  # whether out[-1] is a line outside code, which the next may continue
        for line, in_code in fenced(lines):
            if joinable and not in_code and out[-1].strip() and _wrapped(out[-1], line):
                out[-1] = out[-1].rstrip() + " " + line.lstrip()
            else:
                out.append(line)
            joinable = not in_code
        return out


def install(md: markdown.Markdown) -> None:
    md.preprocessors.register(WrappedLines(md), "wrapped_lines", PRIORITY)
