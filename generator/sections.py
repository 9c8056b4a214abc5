"""The sections of an article body: an anchor on every heading, and the table
of contents (Mục lục) built from them.

A long report pasted by an editor reads better on a phone when a reader can
jump to the part they want and share a link to it (…/#muc-ket-qua). The ids
are made in the markup stage (HeadingIds, a Python-Markdown tree processor),
so they are part of the cached, converted body; the layout reads them back
from that HTML (`sections`). Pure: no file I/O.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Sequence

from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from generator import references
from generator.sanitize import text_of
from generator.vietnamese import slugify

# "mục" is Vietnamese for a section. The prefix keeps a heading such as "Nội dung"
# or "Tin liên quan" from taking an id the page's own layout uses (#noi-dung, #tin-lien-quan).
ID_PREFIX = "muc-"
MAX_SLUG = 60  # characters of the heading's slug kept in its id, cut at a hyphen
MIN_SECTIONS = 3  # fewer headings than this need no table of contents
_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})  # a body h1 is an h2 by now
_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")  # raw HTML Python-Markdown keeps aside until the end
_BREAK = re.compile(r"<br\s*/?>", re.I)
_LISTED = re.compile(r'<h([23])\s[^>]*?\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)


class HeadingIds(Treeprocessor):
    """Gives each body heading without an id one made from its words; an id the
    author wrote (`## Kết quả {#ket-qua}`) is kept. Ids are unique in the body. A
    heading of marks alone (`##` on its line, or `## &nbsp;`) is left out: a blank heading, where a
    screen reader's reader jumping from heading to heading landed on nothing."""

    def run(self, root):
        used, unnamed, blank = set(), [], []
        held = self.md.htmlStash.rawHtmlBlocks
        # Headings pasted as HTML (<h2>Kết quả</h2>, kept aside as text until the end) are named too,
        # in their place among the others: they had no id, no anchor and no "Mục lục" entry.
        pasted = {index for index, block in enumerate(held) if isinstance(block, str) and _HTML_HEADING_START.search(block)}
        for block in held:
            if isinstance(block, str) and "id" in block:
                used.update(html.unescape(name) for name in _WRITTEN_ID.findall(block))
        for element in root.iter():  # one pass: it runs on every article
            named = element.get("id")
            if named:
                used.add(named)
            elif element.tag in _HEADING_TAGS:
                (blank if is_blank_heading(element, held) else unnamed).append(element)
            elif element.tag == "h1" and is_blank_heading(element, held):  # (`#` alone moves nothing down: markup.py)
                blank.append(element)
            if pasted and "\x02" in (element.text or "") + (element.tail or ""):
                unnamed += [index for found in HTML_PLACEHOLDER_RE.finditer((element.text or "") + (element.tail or ""))
                            if (index := int(found.group(1))) in pasted]
        for element in unnamed:
            if isinstance(element, int):
                held[element] = _named_html_headings(held[element], used)
                continue
            words = "".join(element.itertext())
            if "\x02" in words:
                words = HTML_PLACEHOLDER_RE.sub(lambda found: _shown(int(found.group(1)), held), words)
            element.set("id", _unique(heading_id(words), used))
        if blank:
            parents = {child: parent for parent in root.iter() for child in parent}
            for element in blank:
                parents[element].remove(element)
        return None


# A heading's element in HTML pasted into a body (a comment, never published, is skipped whole).
_HTML_HEADING_START = re.compile(r"<h[2-6][\s/>]", re.I)
_HTML_HEADING = re.compile(r"<!--.*?-->|<(h[2-6])((?:\s[^>]*)?)>(.*?)</\1\s*>", re.I | re.S)
_WRITTEN_ID = re.compile(r"""\sid\s*=\s*["']?([^"'\s>]+)""", re.I)
_EMPTY_ID = re.compile(r"""\sid\s*=\s*(?:"\s*"|'\s*')""", re.I)  # (id="" or id=" ": no id to link to)


def _named_html_headings(block: str, used: set[str]) -> str:
    """`block` of pasted HTML with each heading without an id given one from its words, as a
    Markdown heading's; one without words is left as it is (it is no part to link to)."""
    def name(found: re.Match) -> str:
        tag, attrs, inner = found.groups()
        if tag is None or _WRITTEN_ID.search(attrs):
            return found.group(0)
        attrs = _EMPTY_ID.sub("", attrs)  # (id="", id=" ", as an editor may leave one: a browser takes the first)
        words = text_of(_BREAK.sub(" ", inner))
        if not words:
            return found.group(0)
        return f'<{tag}{attrs} id="{html.escape(_unique(heading_id(words), used))}">{inner}</{tag}>'
    return _HTML_HEADING.sub(name, block)


def heading_id(text: str) -> str:
    """'Kết quả đợt cao điểm' → 'muc-ket-qua-dot-cao-diem'."""
    slug = slugify(_PLACEHOLDER.sub("", text))
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG + 1].rsplit("-", 1)[0] if "-" in slug[:MAX_SLUG + 1] else slug[:MAX_SLUG]
    return ID_PREFIX + slug if slug else ID_PREFIX.rstrip("-")


def is_blank_heading(element, held: Sequence = ()) -> bool:
    """Whether a heading of the tree is marks alone (`##` on its line): no words, no markup; nor
    more than spaces written as HTML does (`## &nbsp;`), which Python-Markdown keeps aside in
    `held` (its htmlStash's blocks) as it does raw HTML."""
    if len(element):
        return False
    text = element.text or ""
    if "\x02" in text:
        text = HTML_PLACEHOLDER_RE.sub(lambda found: _space_or_not(int(found.group(1)), held, found.group(0)), text)
    return not text.strip()


def _shown(index: int, held: Sequence) -> str:
    """What a heading's raw HTML shows as words, for its id: an entity its character (`Kết&nbsp;quả`
    was `muc-ketqua`, the two words run together), a line break a space; a tag nothing."""
    block = held[index] if index < len(held) else None
    if not isinstance(block, str):
        return ""
    if block.startswith("&"):
        return html.unescape(block)
    return " " if _BREAK.fullmatch(block.strip()) else ""


def _space_or_not(index: int, held: Sequence, placeholder: str) -> str:
    block = held[index] if index < len(held) else None
    return " " if isinstance(block, str) and block.startswith("&") and not html.unescape(block).strip() else placeholder


def _unique(wanted: str, used: set[str]) -> str:
    candidate, number = wanted, 1
    while candidate in used:
        number += 1
        candidate = f"{wanted}-{number}"
    used.add(candidate)
    return candidate


# The ids the theme's layouts give elements of a page (its header, footer, share box, news
# lists: `tests/unit/test_sections.py` reads them out of layouts/). An id an editor wrote
# in the body ({#lien-he}, <div id="lien-he"> in pasted HTML) would take theirs, and with
# it the skip link's target or the name of a footer section: it gets the prefix instead,
# and so do the body's own links to it.
LAYOUT_IDS = frozenset({"cac-tin-khac", "danh-muc", "gioi-thieu", "gui-ban-be", "header-q", "lien-he", "lien-ket", "noi-dung",
                        "phong-trao", "q", "q404", "q-dia-chi-cu", "site-nav", "tin-lien-quan", "tin-moi", "tin-noi-bat",
                        "xem-chuyen-muc"})
_LAYOUT_ID_NAMES = "|".join(map(re.escape, sorted(LAYOUT_IDS)))
_LAYOUT_ID_QUOTED = re.compile(f'"#?(?:{_LAYOUT_ID_NAMES})"')
_LAYOUT_ID_USE = re.compile(f'(\\sid="|\\shref="#)({_LAYOUT_ID_NAMES})"')
_ANY_ID = re.compile(r'\sid="([^"]*)"')


def clear_of_layout_ids(body_html: str) -> str:
    """The converted, sanitized body with none of LAYOUT_IDS (nh3 writes attributes as name="value").

    A link to a layout id no body element has ([liên hệ](#lien-he)) still leads to the layout's."""
    if not _LAYOUT_ID_QUOTED.search(body_html):  # most bodies: 3 µs, where _LAYOUT_ID_USE takes 40
        return body_html
    used = _ANY_ID.findall(body_html)
    renamed: dict[str, str] = {}
    taken = set(used)
    for name in used:  # "Nội dung" may already have muc-noi-dung: then muc-noi-dung-2
        if name in LAYOUT_IDS and name not in renamed:
            renamed[name] = _unique(ID_PREFIX + name, taken)
    if not renamed:
        return body_html
    return _LAYOUT_ID_USE.sub(lambda m: f'{m.group(1)}{renamed.get(m.group(2), m.group(2))}"', body_html)


@dataclass(frozen=True)
class Section:
    id: str
    text: str
    children: tuple[Section, ...] = ()


def sections(body_html: str) -> list[Section]:
    """The body's second- and third-level headings that have an id, the third
    under the second before them; [] when there are fewer than MIN_SECTIONS. The
    references' heading at the end (references.ReferencesHeading) is not one of its parts, nor a
    heading without words (`##` alone on its line): its entry was a link with nothing to read or tap."""
    text = body_html.partition(references.LIST_START)[0]
    found = [(level, html.unescape(anchor), words)
             for level, anchor, inner in _LISTED.findall(text) if (words := text_of(_BREAK.sub(" ", inner)))]
    if len(found) < MIN_SECTIONS:
        return []
    top: list[Section] = []
    for level, anchor, text in found:
        if level == "3" and top:
            last = top[-1]
            top[-1] = Section(last.id, last.text, last.children + (Section(anchor, text),))
        else:
            top.append(Section(anchor, text))
    return top
