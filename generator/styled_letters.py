"""Letters styled by Unicode ("𝐓𝐇𝐎̂𝐍𝐆 𝐁𝐀́𝐎", "𝘊𝘢̉𝘯𝘩 𝘣𝘢́𝘰") as the plain letters they stand for.

Facebook has no bold, so posts fake it with the "mathematical" letters of Unicode, and
editors paste those posts into articles. To a search engine, our search index, a slug
and a screen reader such a word is not a word: "𝐓𝐇𝐎̂𝐍𝐆 𝐁𝐀́𝐎" was left out of the slug,
search for "thông báo" did not find it, and a phone without a maths font showed boxes.
So in front-matter they become the plain letters, and in a body the plain letters in
the emphasis they showed: bold as `**…**`, italic as `*…*` (other styles, script,
double-struck or monospace, plain). Words styled one after another are one emphasis.
"""
from __future__ import annotations

import bisect
import re
import unicodedata

import markdown
from markdown.preprocessors import Preprocessor

from generator.fences import code_spans

PRIORITY = 17  # after "fenced_code_block" (25) and "html_block" (20): code and raw HTML stay as written

BLOCK = "\U0001d400-\U0001d7ff"  # Mathematical Alphanumeric Symbols (a regex range)
_ANY = re.compile(f"[{BLOCK}]")
# A run: styled letters and the tone marks on them, and the spaces between styled words.
_RUN = re.compile(f"[{BLOCK}](?:[{BLOCK}\u0300-\u036f]| +(?=[{BLOCK}]))*")


def _style(name: str) -> str:
    bold, italic = "BOLD" in name, "ITALIC" in name
    return "***" if bold and italic else "**" if bold else "*" if italic else ""


def _table() -> dict[str, tuple[str, str]]:
    """Each styled character → (its plain character, the Markdown emphasis of its style)."""
    table = {}
    for code in range(0x1D400, 0x1D800):
        name = unicodedata.name(chr(code), "")
        if name:
            table[chr(code)] = (unicodedata.normalize("NFKC", chr(code)), _style(name))
    return table


_PLAIN = _table()


def plain(text: str) -> str:
    """Styled letters as plain ones, for front-matter: 'THÔNG BÁO'."""
    if not _ANY.search(text):
        return text
    return _RUN.sub(lambda run: _unstyled(run.group()), text)


def _unstyled(run: str) -> str:
    return unicodedata.normalize("NFC", "".join(_PLAIN.get(c, (c, ""))[0] for c in run))


def _emphasised(line: str) -> str:
    """A body line's styled runs as plain letters in the emphasis they showed; code spans
    (`…`) stay as written."""
    heading = line.lstrip().startswith("#")  # a heading is bold already
    pieces, start = [], 0
    for span_start, span_end in code_spans(line) if "`" in line else ():
        pieces += [_emphasised_text(line[start:span_start], heading), line[span_start:span_end]]
        start = span_end
    return "".join(pieces) + _emphasised_text(line[start:], heading)


def _emphasised_text(text: str, heading: bool) -> str:
    plain_spans = _plain_spans(text) if "![" in text or "](" in text else []

    def replace(run: re.Match) -> str:
        before, after = text[run.start() - 1:run.start()], text[run.end():run.end() + 1]
        if heading or before in ("*", "_") or after in ("*", "_"):  # bold already, or in the writer's emphasis
            return _unstyled(run.group())
        at = bisect.bisect(plain_spans, (run.start(), len(text))) - 1
        if at >= 0 and plain_spans[at][0] <= run.start() < plain_spans[at][1]:  # an alt text or an address
            return _unstyled(run.group())
        return "".join(marks + _unstyled(part) + marks + space for part, marks, space in _by_style(run.group()))

    return _RUN.sub(replace, text)


def _plain_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of what takes no emphasis marks: each photo's alt text, `![…]`, and each
    link's address, `](…)`; in one pass over the marks, in order."""
    spans, alt_opened, address_opened = [], None, None
    for mark in re.finditer(r"!\[|\]\(|\]|\)", text):
        found = mark.group()
        if address_opened is not None:
            if found == ")":
                spans.append((address_opened, mark.start()))
                address_opened = None
        elif found == "![" and alt_opened is None:
            alt_opened = mark.end()
        elif found in ("]", "](") and alt_opened is not None:
            spans.append((alt_opened, mark.start()))
            alt_opened = None
            address_opened = mark.end() if found == "](" else None
        elif found == "](":
            address_opened = mark.end()
    return spans


def _by_style(run: str) -> list[tuple[str, str, str]]:
    """A run cut where its style changes: (its text, its emphasis, the spaces after it)."""
    parts, start, style = [], 0, _PLAIN[run[0]][1] if run[0] in _PLAIN else ""
    for at, char in enumerate(run):
        if char in _PLAIN and _PLAIN[char][1] != style:
            text = run[start:at]
            parts.append((text.rstrip(" "), style, text[len(text.rstrip(" ")):]))
            start, style = at, _PLAIN[char][1]
    parts.append((run[start:], style, ""))
    return parts


class StyledLetters(Preprocessor):
    # Set by markup.py to whether the body holds any unusual character at all: one search of
    # the whole body there, for this pass and legacy_fonts' alike, skips both for almost all.
    may_hold_any = True

    def run(self, lines: list[str]) -> list[str]:
        if not self.may_hold_any or not _ANY.search("\n".join(lines)):
            return lines
        return [_emphasised(line) if _ANY.search(line) else line for line in lines]


def install(md: markdown.Markdown) -> StyledLetters:
    styled = StyledLetters(md)
    md.preprocessors.register(styled, "styled_letters", PRIORITY)
    return styled
