"""What a byline names: the person who wrote, apart from the unit editors write after them.

Editors sign as newsrooms print it, "Minh Khôi - Phòng Cảnh sát giao thông" (the glossary's
"Tác giả"). The page shows that as written; structured data (JSON-LD, Atom) names the person
alone, as search engines ask of an author's name, and the unit apart. Pure: text in, text out.
"""
from __future__ import annotations

import re

# " - ", " – " or " — " between the name and the unit (a hyphen inside a name, "Thu-Hà", is not one).
_SEPARATOR = re.compile(r"\s+[-–—]\s+")


# The credit a Vietnamese newsroom opens a byline with: "Tin, ảnh:", "Bài và ảnh:", "Ảnh:" (text,
# photos by). No part of the person's name, which search engines and feed readers were given with it.
_WORK = r"(?:tin|bài|ảnh|video|clip)"
_CREDITED = rf"{_WORK}(?:\s*(?:,|\bvà\b|&|\+)?\s*{_WORK})*\s*:"
_CREDIT = re.compile(rf"{_CREDITED}\s*(?=\S)", re.I)
# A second credit after the person ("Bài: Thu Hà - Ảnh: Minh Khôi", "…; ảnh: …"): another person's,
# no unit nor part of the first name.
_LATER_CREDIT = re.compile(rf"\s*[-–—,;|]?\s*(?<!\w){_CREDITED}", re.I)


# A byline naming where an article was taken from, not who wrote it: "Theo CAND", "Nguồn: Báo
# Công an nhân dân" (an old portal's reposts sign so). Search engines were told of a person "Theo CAND".
_SOURCE = re.compile(r"(?:theo|nguồn\s*:)\s+(?=\S)", re.I)


def news_source(byline: str) -> str | None:
    """The newspaper or agency a byline names as the article's source ("Theo CAND" → "CAND"), or None
    for a byline naming a person."""
    found = _SOURCE.match(byline.strip())
    return byline.strip()[found.end():].strip() or None if found else None


def split_byline(byline: str) -> tuple[str, str]:
    """(the person's name, the unit written after it or ""), without the credit it opens with
    (nor another person's credited after it)."""
    credit = _CREDIT.match(byline.strip())
    if credit is not None:
        byline = byline.strip()[credit.end():]
    # (with or without a credit of its own first: "Thu Hà - Ảnh: Minh Khôi" as "Bài: Thu Hà - Ảnh: …")
    later = _LATER_CREDIT.search(byline)
    if later is not None and later.start() > 0:
        unit = _SEPARATOR.split(byline[later.end():].strip(), maxsplit=1)[1:]
        byline = byline[:later.start()] + (" - " + unit[0] if unit and unit[0] else "")
    parts = _SEPARATOR.split(byline.strip(), maxsplit=1)
    if len(parts) == 2 and parts[0] and parts[1]:
        return parts[0], parts[1]
    return byline.strip(), ""
