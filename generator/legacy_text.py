"""Text typed in an old Vietnamese font, made Unicode again, when the font it was typed in is known.

Before Unicode (TCVN 6909, the state's standard since 2002), Vietnamese was typed in fonts
that draw its letters over Western European code points (legacy_fonts.py finds such text
pasted without its font). A Word document still names the font of each run: TCVN3 (ABC)
fonts are named ".VnTime", ".VnArial" … (".VnTimeH": its capitals), VNI fonts "VNI-Times" ….
Owns turning such a run's text into Unicode: TCVN3 is one byte a letter (TCVN 5712:1993);
VNI writes a vowel, then its marks as a second character. Pure: no I/O.
"""
from __future__ import annotations

import re
import unicodedata

# TCVN3 (ABC): each of these code points draws the letter under it (the lower-case table of
# TCVN 5712; its "H" fonts draw the same codes as capitals).
_TCVN3 = str.maketrans(
    "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦",
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ")

_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_HAT, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_TONES = {"ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_HATS = {"â": "", "á": _ACUTE, "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_BREVES = {"ê": "", "é": _ACUTE, "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
# Letters VNI writes as one character of their own: ơ, ư, đ, and i and y with a tone.
_VNI_LETTERS = {"ô": "o" + _HORN, "ö": "u" + _HORN, "ñ": "đ", "í": "i" + _ACUTE, "ì": "i" + _GRAVE,
                "æ": "i" + _HOOK, "ó": "i" + _TILDE, "ò": "i" + _DOT, "î": "y" + _DOT}
_MARKS = "".join(_TONES) + "".join(_HATS) + "".join(_BREVES)
_VNI = re.compile(f"([aAeEoOuUyY{''.join(_VNI_LETTERS)}{''.join(_VNI_LETTERS).upper()}])"
                  f"([{_MARKS}{_MARKS.upper()}])?")


def tcvn3_to_unicode(text: str, capitals: bool = False) -> str:
    """'C«ng an tØnh' → 'Công an tỉnh'; with `capitals` (a ".VnTimeH" font) in capitals."""
    converted = text.translate(_TCVN3)
    return converted.upper() if capitals else converted


def vni_to_unicode(text: str) -> str:
    """'Löïc löôïng chöõa chaùy' → 'Lực lượng chữa cháy'."""
    return unicodedata.normalize("NFC", _VNI.sub(_vni_letter, text))


def _vni_letter(found: re.Match) -> str:
    letter, mark = found.group(1), found.group(2) or ""
    upper = letter.isupper()
    base = _VNI_LETTERS.get(letter.lower(), letter.lower())
    lower_mark = mark.lower()
    if lower_mark in _TONES:
        composed = base + _TONES[lower_mark]
    elif lower_mark in _HATS and base in ("a", "e", "o"):
        composed = base + _HAT + _HATS[lower_mark]
    elif lower_mark in _BREVES and base == "a":
        composed = base + _BREVE + _BREVES[lower_mark]
    else:  # not a mark of this letter: the two characters as they are
        composed = base + (_VNI_LETTERS.get(lower_mark, lower_mark) if mark else "")
        if mark and mark.isupper():
            composed = composed[:-1] + composed[-1].upper()
    composed = unicodedata.normalize("NFC", composed)
    return composed[0].upper() + composed[1:] if upper else composed


def font_kind(font: str) -> str | None:
    """'tcvn3', 'tcvn3-capitals' or 'vni' for a font named as those families name theirs, else None."""
    name = font.strip().lower()
    if name.startswith(".vn"):
        return "tcvn3-capitals" if name.endswith("h") else "tcvn3"
    if name.startswith("vni-") or name.startswith("vni "):
        return "vni"
    return None


def to_unicode(text: str, kind: str) -> str:
    """`text` typed in a font of `kind` (font_kind), as Unicode."""
    if kind == "vni":
        return vni_to_unicode(text)
    return tcvn3_to_unicode(text, capitals=kind == "tcvn3-capitals")
