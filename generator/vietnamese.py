"""Vietnamese text: slugs, accent folding and dates.

Owns everything that depends on the language's rules, so no other module
guesses at them. Never depends on the machine's locale.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime, tzinfo

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"\w+", re.UNICODE)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def strip_marks(text: str) -> str:
    """'Đội Cảnh sát' → 'Doi Canh sat' (tone marks and đ folded, case kept)."""
    # đ/Đ have no Unicode decomposition, so stripping marks alone keeps them. (Two replaces:
    # str.translate with a table took ~40 µs on a title and lead, half of fold's time.)
    text = text.replace("đ", "d").replace("Đ", "D")
    kept = _VIETNAMESE_MARKS.sub("", unicodedata.normalize("NFD", text))
    if not kept.isascii():  # marks of other scripts: the exact test, on what is not ASCII only
        kept = _NON_ASCII.sub(_drop_if_mark, kept)
    return unicodedata.normalize("NFC", kept)


# The combining diacritics block holds every mark Vietnamese uses (one regex pass).
_VIETNAMESE_MARKS = re.compile("[\u0300-\u036f]+")
# A quote or dash (“ ” – …) left the whole text to a test of every character in Python:
# the regex hands it only what is not ASCII.
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _drop_if_mark(match: re.Match) -> str:
    return "" if unicodedata.combining(match.group()) else match.group()


# Invisible format characters pasted from Word and the web: zero-width space/joiners,
# soft hyphen, BOM, bidi marks and overrides. They never make two names different.
# (Every character of Unicode category Cf, as of Python 3.11's Unicode 14.)
_INVISIBLE = re.compile("[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f"
                        "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
                        "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
                        "\U000e0020-\U000e007f]")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Key for matching names typed with or without marks, any case or spacing."""
    return " ".join(strip_marks(_INVISIBLE.sub("", nfc(text))).casefold().split())


def slugify(text: str) -> str:
    """'Công an tỉnh Đồng Nai' → 'cong-an-tinh-dong-nai'."""
    return _NON_SLUG.sub("-", fold(text)).strip("-")


# Names Windows keeps for its devices, whatever extension follows: no file or folder can be called
# so there ("Con", a Vietnamese word, is its console), and editors preview the portal on Windows.
WINDOWS_DEVICE_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
                                  *(f"lpt{n}" for n in range(1, 10))})


def is_device_name(name: str) -> bool:
    """Whether Windows cannot create a file or folder of this name (`con`, `NUL.txt`, `com1.tar.gz`)."""
    return name.split(".")[0].rstrip(" ").lower() in WINDOWS_DEVICE_NAMES


def windows_safe_slug(slug: str) -> str:
    """A slug made from a title, its folder one Windows can create: 'con' → 'con-1'."""
    return f"{slug}-1" if is_device_name(slug) else slug


def windows_safe_name(name: str) -> str:
    """A file's or folder's name Windows can create, to suggest for a device's: 'nul.pdf' →
    'nul-1.pdf', 'con .md' → 'con-1.md' (Windows reads the spaces before the dot as none), 'prn.'
    → 'prn-1'."""
    stem, dot, rest = name.partition(".")
    return f"{stem.rstrip(' ')}-1{dot if rest.rstrip('. ') else ''}{rest.rstrip('. ')}"


def words(text: str) -> list[str]:
    """Folded word tokens, for related-news similarity."""
    return _WORD.findall(fold(text))


def abbreviates(shorts: list[str], longs: list[str]) -> bool:
    """Whether the words `shorts` are the name of words `longs` (both as words() gives them)
    with runs of its words written as their first letters, as Vietnamese writes the names of
    units and campaigns: "Phòng CSGT" for "Phòng Cảnh sát giao thông", "Phòng Cảnh sát PCCC
    và CNCH", "Đội CSGT số 1". Every word of the name is accounted for, in order."""
    if not shorts or len(shorts) >= len(longs) or shorts[0][0] != longs[0][0]:
        return False

    def spells(i: int, j: int) -> bool:  # shorts[i:] spell longs[j:]
        if i == len(shorts):
            return j == len(longs)
        token = shorts[i]
        if j < len(longs) and token == longs[j] and spells(i + 1, j + 1):
            return True
        n = len(token)
        return (n >= 2 and token.isalpha() and j + n <= len(longs)
                and all(word[0] == letter for word, letter in zip(longs[j:j + n], token)) and spells(i + 1, j + n))

    return spells(0, 0)


def format_date(moment: date | datetime, zone: tzinfo, with_time: bool) -> str:
    """'Thứ Sáu, 21/01/2022' or 'Thứ Sáu, 21/01/2022 09:30' in the site zone."""
    if isinstance(moment, datetime):
        moment = moment.astimezone(zone)
    text = f"{WEEKDAYS[moment.weekday()]}, {format_day(moment, zone)}"
    if with_time and isinstance(moment, datetime):
        text += f" {moment.hour:02d}:{moment.minute:02d}"
    return text


def format_day(moment: date | datetime, zone: tzinfo) -> str:
    """'21/01/2022', the day of `moment` in the site zone, as format_date writes it."""
    if isinstance(moment, datetime):
        moment = moment.astimezone(zone)
    return f"{moment.day:02d}/{moment.month:02d}/{moment.year:04d}"


# Vietnamese alphabetical order: ă and â follow a, đ follows d, ê e, ô and ơ o, ư u
# (letters of their own); tone marks decide only between otherwise equal words,
# in the order none, huyền, hỏi, ngã, sắc, nặng; lower case before upper.
_LETTER_MARKS = {"\u0306": 1, "\u0302": 2, "\u031b": 3}  # breve, circumflex, horn
_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


@functools.lru_cache(maxsize=4096)
def format_number(value: int) -> str:
    """12345 → '12.345': Vietnamese groups thousands with a dot."""
    return f"{value:,}".replace(",", ".")


def collation_key(text: str) -> tuple:
    """Sort key for names in Vietnamese alphabetical order, e.g. a filter list."""
    letters, tones, cases = [], [], []
    for ch in nfc(text):
        base, *marks = unicodedata.normalize("NFD", ch)
        letter = base.casefold()
        variant = 1 if letter == "đ" else 0
        if variant:
            letter = "d"
        tone = 0
        for mark in marks:
            variant = max(variant, _LETTER_MARKS.get(mark, 0))
            tone = _TONE_MARKS.get(mark, tone)
        letters.append((letter, variant))
        tones.append(tone)
        cases.append(base != base.casefold())
    return tuple(letters), tuple(tones), tuple(cases)
