"""Phone numbers in an article's text, made links a phone can call.

Owns finding a Vietnamese phone number written in the body's text ("phản ánh qua số 0221 3862
124", "0912.345.678", "1900 1234") and wrapping it in `<a class="so-dien-thoai" href="tel:…">`.
Safari makes such numbers links by itself, Chrome on Android does not: a reader who wants to
call had to copy the number by hand. Must not touch a number in a link, code, a heading (its
anchor is its words), nor anything not shaped as a phone number: a citizen ID (12 digits), an
amount ("300.000"), a date ("21.01.2026"), a decree ("168/2024/NĐ-CP").

A number inside raw HTML the editor pasted is left as written (Python-Markdown keeps that HTML
apart from the tree this works on).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

from generator.model import tel_link

LINK_CLASS = "so-dien-thoai"
# 10 digits (a mobile, 09x…) or 11 (a landline, 02xx + 7 or 8), starting with 0, in groups of
# 2 or more joined by one space, dot or hyphen, the area code maybe in brackets ("(0221) 3862
# 124"); the same from abroad, +84 (or "(+84)") and the number without its 0 ("+84 912 345
# 678"); or a 1900/1800 hotline. Not glued to another digit, letter, slash or hyphen, nor
# followed by a decimal part. (A bare "84912345678" is not one: 84 without its "+" could start
# any number, an account's or a case file's.)
_NUMBER = re.compile(r"(?<![\w/+-])(?<![\w][.,-])"
                     r"(?:0\d{1,3}(?:[ .-]?\d{2,4}){2,4}"
                     r"|\(0\d{1,3}\)[ .-]?\d{2,4}(?:[ .-]?\d{2,4}){1,3}"
                     # (after +84 what a Vietnamese number starts with: a landline's 2, a mobile's 3, 5,
                     # 7, 8, 9, maybe after a stray 0: "+84.123.456.789 đồng" is an amount)
                     r"|(?:\+84|\(\+84\))[ .-]?(?:\(0\)|0)?[ .-]?[235789]\d{0,2}(?:[ .-]?\d{2,4}){2,4}"
                     r"|1[89]00[ .-]?\d{4})"
                     r"(?![\w/]|-\d)(?![.,]\d)")
_PHONE_DIGITS = (10, 11)
_FROM_ABROAD = ("+84", "(+84)")
# Where a number is the text of something else (a link, code) or an anchor's words (a heading).
_LEFT_ALONE = frozenset({"a", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "samp"})


def may_hold_one(text: str) -> bool:
    """Whether `text` (an article's Markdown) holds anything this would link: most bodies do not,
    and their tree is not walked."""
    return any(_is_phone(found.group()) for found in _NUMBER.finditer(text))


def _is_phone(written: str) -> bool:
    digits = _national(written)
    return len(digits) in _PHONE_DIGITS and digits[0] == "0" or written.startswith(("1900", "1800"))


def _national(written: str) -> str:
    """The number's digits as dialled in Viet Nam: "+84 912 345 678" → "0912345678" (and
    "+84 0912…", its 0 kept by mistake, the same)."""
    digits = re.sub(r"\D", "", written)
    return "0" + digits[2:].removeprefix("0") if written.startswith(_FROM_ABROAD) else digits


def tel_href(written: str) -> str:
    """tel: and the digits as written: a number written with +84 is called as such (from a
    phone roaming abroad too), without a 0 kept after it; the footer's hotline is dialled the same."""
    return tel_link(written)


class PhoneLinks(Treeprocessor):
    """Runs after the inline patterns (the text is final) and after the article links."""

    def __init__(self, md: markdown.Markdown):
        super().__init__(md)
        self.active = False  # set per article by the converter (may_hold_one)

    def run(self, root: etree.Element) -> None:
        if self.active:
            self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in _LEFT_ALONE:
            return
        if element.text:
            links = self._split(element.text)
            if links is not None:
                element.text = links[0]
                for position, link in enumerate(links[1:]):
                    element.insert(position, link)
        for child in list(element):
            self._walk(child)
            if child.tail:
                links = self._split(child.tail)
                if links is not None:
                    child.tail = links[0]
                    at = list(element).index(child)
                    for offset, link in enumerate(links[1:], start=1):
                        element.insert(at + offset, link)

    @staticmethod
    def _split(text: str) -> list | None:
        """[text before the first number, <a> with its tail …], or None when there is no number."""
        found = [match for match in _NUMBER.finditer(text) if _is_phone(match.group())]
        if not found:
            return None
        parts: list = [text[:found[0].start()]]
        for match, following in zip(found, found[1:] + [None]):
            link = etree.Element("a", {"class": LINK_CLASS, "href": tel_href(match.group())})
            link.text = match.group()
            link.tail = text[match.end():following.start() if following is not None else len(text)]
            parts.append(link)
        return parts


def install(md: markdown.Markdown) -> PhoneLinks:
    """Register the treeprocessor; the converter sets its `active` per article."""
    links = PhoneLinks(md)
    md.treeprocessors.register(links, "phone_links", 4.5)  # after article_links (5), before the headings' ids
    return links
