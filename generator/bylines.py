"""What a byline names: the person who wrote, apart from the unit editors write after them.

Editors sign as newsrooms print it, "Minh Khôi - Phòng Cảnh sát giao thông" (the glossary's
"Tác giả"). The page shows that as written; structured data (JSON-LD, Atom) names the person
alone, as search engines ask of an author's name, and the unit apart. Pure: text in, text out.
"""
from __future__ import annotations

import re

# " - ", " – " or " — " between the name and the unit (a hyphen inside a name, "Thu-Hà", is not one).
_SEPARATOR = re.compile(r"\s+[-–—]\s+")


def split_byline(byline: str) -> tuple[str, str]:
    """(the person's name, the unit written after it or "")."""
    parts = _SEPARATOR.split(byline.strip(), maxsplit=1)
    if len(parts) == 2 and parts[0] and parts[1]:
        return parts[0], parts[1]
    return byline.strip(), ""
