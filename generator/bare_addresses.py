"""An address pasted bare into a body (a link pymdownx.magiclink made), ended where it ends.

Magiclink takes everything up to a space or a "<" for the address. Text copied from a web
page, Word or Zalo often carries an invisible character right after an address (a zero-width
space U+200B, a byte-order mark U+FEFF, a word joiner U+2060, a zero-width (non-)joiner
U+200C/D) or "…" (U+2026) where a page shortened it: none of them is part of an address, but
the link took them in, and a tap on it led to a page that does not exist ("…/huong-dan%E2%80%8B").
Here such a link stops before the first of them, which goes back into the text. Only a link
whose words are its address is cut (magiclink's, and an address written `<…>` or `[address](address)`,
which no page has either); a link with words of its own ([xem…](…)) is the editor's, left alone.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from pymdownx.magiclink import LINK_TRAILING

PRIORITY = 7  # after the inline pass (20), before the article links (5) read what magiclink wrote
_NOT_IN_AN_ADDRESS = re.compile("[\u200b-\u200d\u2060\ufeff\u2026]")


def _bare(link: etree.Element) -> bool:
    """Whether `link`'s words are its address, as magiclink writes one (adding http:// before "www.")."""
    text, href = link.text or "", link.get("href", "")
    return bool(text) and not len(link) and href in (text, "http://" + text)


class BareAddresses(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            text = link.text or ""
            found = _NOT_IN_AN_ADDRESS.search(text)
            if found is None or not _bare(link):
                continue
            scheme_added = link.get("href")[:-len(text)]  # "http://" before "www.", else nothing
            address = text[:found.start()].rstrip("".join(LINK_TRAILING))  # "…/huong-dan.\u200b": as magiclink ends it
            link.set("href", scheme_added + address)
            link.tail = text[len(address):] + (link.tail or "")
            link.text = AtomicString(address)


def install(md: markdown.Markdown) -> None:
    md.treeprocessors.register(BareAddresses(md), "bare_addresses", PRIORITY)
