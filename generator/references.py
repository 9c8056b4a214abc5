"""Markdown references a body uses but never defines.

Owns finding, in a converted body, the footnote marks (`[^9]`) and reference links
(`[Kế hoạch][1]`) that Python-Markdown left as they were written because the body defines
no `[^9]: …` or `[1]: …` for them: readers see the brackets. Pure: reads the HTML the markup
stage made, outside <pre> and <code>.
"""
from __future__ import annotations

import html
import re

_CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.S | re.I)
_FOOTNOTE = re.compile(r"\[\^([^\[\]\s]{1,100})\]")
_REFERENCE = re.compile(r"\[([^\[\]]{1,300})\]\[([^\[\]]{0,100})\]")
_TAG = re.compile(r"<[^>]+>")


def undefined_references(body_html: str) -> list[tuple[str, str, str]]:
    """(kind, mark, where it is written) of each undefined footnote ("footnote", "[^9]", "[^9]")
    and reference link ("link", "[1]", "][1]"), each once, in order. "[1][2]", two citations side
    by side, is not a link."""
    if "[" not in body_html:  # most bodies
        return []
    text = html.unescape(_TAG.sub("", _CODE.sub("", body_html)))
    found: dict[tuple[str, str, str], None] = {}
    for match in _FOOTNOTE.finditer(text):
        found[("footnote", match.group(0), match.group(0))] = None
    for match in _REFERENCE.finditer(text):
        words, name = match.group(1), match.group(2)
        if words.strip().isdigit() or words.startswith("^"):
            continue
        found[("link", f"[{name or words}]", f"][{name}]" if name else match.group(0))] = None
    return list(found)
