"""Markdown references: the list at the end of a body, and the marks it never defines.

Owns heading the footnotes' list "Tài liệu tham khảo" (the glossary's references, a list at
the end of an article: a Word report's endnotes arrive as footnotes), and finding, in a
converted body, the footnote marks (`[^9]`) and reference links (`[Kế hoạch][1]`) that
Python-Markdown left as they were written because the body defines no `[^9]: …` or
`[1]: …` for them: readers see the brackets. Pure: reads the HTML the markup stage made,
outside <pre> and <code>.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

HEADING = "Tài liệu tham khảo"
# Python-Markdown's footnotes extension writes the list as <div class="footnote"><hr><ol>…
LIST_CLASS = "footnote"
LIST_START = f'<div class="{LIST_CLASS}">'


class ReferencesHeading(Treeprocessor):
    """The footnotes' list under a heading instead of a bare rule: a reader scrolling a long
    report sees what the list is, a screen reader can jump to it, and its anchor can be
    shared (…/#muc-tai-lieu-tham-khao: sections.HeadingIds, which runs after, names it).
    The table of contents leaves it out (sections.sections): it lists the text's parts.
    A body whose last heading stands right above the list (the editor wrote the notes under
    "## Chú thích" or "## Nguồn") keeps that one as the list's heading."""

    def run(self, root):
        children = list(root)
        for position in range(len(children) - 1, -1, -1):  # the list is last, or where ///Footnotes Go Here/// was
            element = children[position]
            if element.tag == "div" and element.get("class") == LIST_CLASS:
                for rule in [child for child in element if child.tag == "hr"]:
                    element.remove(rule)
                above = children[position - 1] if position else None
                if above is None or not re.fullmatch(r"h[2-6]", str(above.tag)):
                    heading = etree.Element("h2")
                    heading.text, heading.tail = HEADING, "\n"
                    element.insert(0, heading)
                return None
        return None

class NamedBackLinks(Treeprocessor):
    """Each note's way back to its mark is named by what it does ("Trở lại chỗ chú thích 1"),
    not by the arrow it shows: a screen reader said "↩" for every one of them (the title
    Python-Markdown gives it is a tooltip, not a name); and each mark by what it leads to
    ("Chú thích 1"), not by its bare number."""

    def run(self, root):
        for link in root.iter("a"):
            if link.get("class") == "footnote-backref" and link.get("title"):
                link.set("aria-label", link.get("title"))
            elif link.get("class") == "footnote-ref" and (link.text or "").strip():
                # The mark itself: a bare "1" in the middle of a sentence was read "liên kết 1".
                link.set("aria-label", f"Chú thích {link.text.strip()}")
        return None


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
