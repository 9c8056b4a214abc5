"""Text typed in an old Vietnamese font, pasted as it is stored: 'C«ng an tØnh'.

Before Unicode (Vietnam's standard for state documents since 2002, TCVN 6909), Vietnamese
was typed in fonts that draw its letters over the code points of Western European ones:
TCVN3 (ABC: .VnTime) and VNI (VNI-Times). 'Công an tỉnh' typed in .VnTime is stored as
'C«ng an tØnh', in VNI-Times as 'Coâng an tænh'. Old reports still hold such text, and
pasted into an article, readers see the symbols. Which font it was is lost in the paste,
so the text is found and named, for the editor to convert it (Unikey's converter,
Ctrl+Shift+F6) and paste it again. Reads only the body's text; changes nothing. (A Word
report imported with `new --from` names its fonts: legacy_text.py converts it there.)
Also Unicode text an old portal's database or export read in the wrong encoding, UTF-8 as
Windows-1252 ('CÃ´ng an tá»‰nh'), or Windows-1258 so ('tiÒnh'): found and named with what it says
(`misread`).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from generator.fences import fenced

# Western European letters Vietnamese also uses: text holding only these is ordinary.
_VIETNAMESE_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# Letters of German, Spanish, French and Nordic words: a quotation in one of them holds these
# alone. TCVN3 text also holds symbols ('«', '¸', 'Ø'); VNI puts its marks after a vowel ('oâ', 'aø').
_WESTERN = frozenset("äöüßÄÖÜñÑçÇëïîûÿæøåÆØÅ")
_VOWELS = frozenset("aeiouyAEIOUY")
_VNI_MARKS = frozenset("øïåäëæîöüûÿØÏÅÄËÆÎÖÜÛ")  # VNI's tone and letter marks (its 'ñ' is đ, word-initial)
ODD = "".join(chr(c) for c in range(0xA1, 0x100) if chr(c) not in _VIETNAMESE_LATIN1)  # for a regex class
_ANY_ODD = re.compile(f"[{re.escape(ODD)}]")
_ODD = frozenset(ODD)
MIN_ODD_WORDS = 3  # '25°C' or one quoted German word is not a font
MIN_ODD_SHARE = 0.2  # of a paragraph's words


def _odd_characters(word: str) -> list[tuple[str, str]]:
    """(the character before, the character) of each Latin-1 character Vietnamese never writes."""
    return [(word[at - 1] if at else "", ch) for at, ch in enumerate(word) if ch in _ODD]


def _old_font(odd_words: list[list[tuple[str, str]]]) -> bool:
    symbols = any(ch not in _WESTERN for found in odd_words for _, ch in found)
    marks_after_vowels = sum(any(before in _VOWELS and ch in _VNI_MARKS for before, ch in found) for found in odd_words)
    return symbols or marks_after_vowels >= MIN_ODD_WORDS


def legacy_paragraphs(body: str) -> list[tuple[int, str]]:
    """(line offset in the body, its first words) of each paragraph that reads as text in an
    old font: Latin-1 only (Unicode Vietnamese has letters beyond it in almost every
    sentence: ạ, ơ, ư, đ…), and at least a fifth of its words holding a character
    Vietnamese does not use."""
    found: list[tuple[int, str]] = []
    if not _ANY_ODD.search(body):  # one search of almost every body, in Unicode as it should be
        return found
    for start, paragraph in _paragraphs(body):
        if max(paragraph) <= "\u00ff":
            words = paragraph.split()
            odd = [found for found, word in zip(map(_odd_characters, words), words)
                   if found and any(ch.isascii() and ch.isalpha() for ch in word)]
            if (len(odd) >= MIN_ODD_WORDS and len(odd) >= MIN_ODD_SHARE * len(words) and _old_font(odd)
                    and misread(paragraph) is None):  # (told as misread, with what it says)
                sample = " ".join(words[:6])
                found.append((start, sample if len(sample) <= 60 else sample[:59] + "…"))
    return found


def _paragraphs(body: str) -> Iterator[tuple[int, str]]:
    """(line offset in the body, its lines joined) of each paragraph with words, code left out."""
    lines = [text if not in_code else "" for text, in_code in fenced(body.split("\n"))]
    start = 0
    for offset in range(len(lines) + 1):
        if offset < len(lines) and lines[offset].strip():
            continue
        paragraph = " ".join(lines[start:offset])
        if paragraph.strip():
            yield start, paragraph
        start = offset + 1


# UTF-8 text that an old portal's database or export read as Windows-1252 (MySQL's "latin1"
# columns, a PHP script without its charset): 'Công an tỉnh' arrives as 'CÃ´ng an tá»‰nh'. Unlike
# an old font, what it says is known: each run of such characters is the bytes of the letters meant.
_BYTE_OF = {**{chr(b): b for b in range(0x80, 0x100)},  # (Latin-1's reading: C1 controls for 0x80-0x9F)
            **{bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}}
_MISREAD_RUN = re.compile(f"[{re.escape(''.join(_BYTE_OF))}]{{2,}}")
MIN_MISREAD_RUNS = 2  # one pair may be a symbol beside a letter ('Â°'); a sentence misread has one a word


# Windows-1258 (Vietnamese Windows, the charset of many portals of the 2000s) writes a tone as a
# byte after its vowel; read as Windows-1252, 'tỉnh' is 'tiÒnh' and 'các' 'caìc'. Unicode Vietnamese
# puts no such letter after a vowel ('quì' aside), and holds letters beyond Windows-1252 (ế, ạ, đ…).
_TONE_AFTER_VOWEL = re.compile(r"[aeiouyâêôãõýAEIOUYÂÊÔÃÕÝ][ÌìÞÒò]")
# Vietnamese letters Windows-1252 has not (ă, đ, ơ, ư, ạ, ế…): text read as Windows-1252 holds none of
# them, while Unicode Vietnamese a few words long nearly always does. A capital of Latin-1 before a
# closing quote ("“CÔNG AN XÃ”", "“LÊ”") is two bytes of UTF-8 all the same: 'Ô', 'ʔ'.
_BEYOND_CP1252 = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")


def misread(text: str) -> str | None:
    """`text` as it was written, when it reads as UTF-8 read as Windows-1252 ('CÃ´ng an tá»‰nh' →
    'Công an tỉnh'), or Windows-1258 read so ('tiÒnh' → 'tỉnh'), else None. Unicode Vietnamese never
    reads so: its Latin-1 letters (ô, à…) are no UTF-8 continuation bytes, and its other letters are
    beyond Windows-1252."""
    if len(_TONE_AFTER_VOWEL.findall(text)) >= MIN_ODD_WORDS:
        try:
            meant = unicodedata.normalize("NFC", text.encode("cp1252").decode("cp1258"))
        except UnicodeError:
            meant = None
        if meant is not None:
            return meant
    if _BEYOND_CP1252.search(text):  # (Unicode Vietnamese: "“CÔNG AN XÃ”" is no 'Ô' misread)
        return None
    runs = [(found, _utf8(found.group())) for found in _MISREAD_RUN.finditer(text)]
    meant = [(found, decoded) for found, decoded in runs if decoded is not None]
    if len(meant) < MIN_MISREAD_RUNS or len(meant) * 2 < len(runs):
        return None
    for found, decoded in reversed(meant):
        text = text[:found.start()] + decoded + text[found.end():]
    return text


def _utf8(run: str) -> str | None:
    try:
        return bytes(_BYTE_OF[ch] for ch in run).decode("utf-8")
    except UnicodeDecodeError:
        return None


# What every misread Vietnamese sentence holds: UTF-8's lead bytes of its letters read as Windows-1252
# (à, ô… 'Ã'; đ, ă 'Ä'; ơ, ư 'Æ'; ạ, ế… 'áº', 'á»'), or Windows-1258's hook, tilde and đ ('Ò', 'Þ', 'ð').
_MISREAD_MARKS = ("Ã", "Ä", "Æ", "áº", "á»", "Ò", "Þ", "ð")


def misread_paragraphs(body: str) -> list[tuple[int, str, str]]:
    """(line offset in the body, its first words, what they say) of each paragraph that reads as
    UTF-8 read as Windows-1252 (misread)."""
    found: list[tuple[int, str, str]] = []
    # (A look for the letters each misreading leaves, in C, before the patterns: those cost 0.2 ms a body.)
    if not any(mark in body for mark in _MISREAD_MARKS):
        return found
    for start, paragraph in _paragraphs(body):
        meant = misread(paragraph)
        if meant is not None:
            found.append((start, _first_words(paragraph), _first_words(meant)))
    return found


def _first_words(text: str) -> str:
    sample = " ".join(re.sub(r"<[^>]*>", " ", text).split()[:6])
    return sample if len(sample) <= 60 else sample[:59] + "…"
