"""Photos laid out in a table, each caption in the cell under its photo (as Word users do for
"Một số hình ảnh"), told from a table of anything else.

Owns the rule (photo_table) that the Markdown converter (pictures.py: the table becomes a
gallery), the Word import (word_import.py) and the images plan (images.py: such a photo's
caption is its alt text, so it is not "missing-alt") all follow, each over its own cells; a
table pasted as HTML is read for both by pasted_photo_tables.
"""
from __future__ import annotations

import re

from generator.rawtags import tables

MAX_CAPTION = 300  # characters: a longer line under a photo is text, not its caption


def photo_table(rows: list[list[tuple[list, str]]]) -> list[list] | None:
    """A table photos are laid out in side by side, each caption in the cell under its photo
    or under the photo in its own cell (as Word users do for "Một số hình ảnh"), given as rows
    of cells, each (its photos, its text): [photo, caption or None] in reading order. None
    when the table holds anything else: text under no photo, photos and text in one cell, a
    text too long for a caption, or a photo alone without its caption (a photo and its caption
    in a table, an old portal's and Word's frame of one photo, is that photo's figure)."""
    photos: list[list] = []
    waiting: dict[int, int] = {}  # column → the photo above it with no caption yet
    for row in rows:
        for column, (images, text) in enumerate(row):
            if len(text) > MAX_CAPTION or (len(images) > 1 and text):
                return None
            if images:
                photos += [[image, text or None] for image in images]
                waiting[column] = len(photos) - 1 if len(images) == 1 and not text else -1
            elif text:
                above = waiting.pop(column, -1)
                if above < 0:
                    return None
                photos[above][1] = text
    return photos if len(photos) >= 2 or (photos and photos[0][1]) else None


_TABLE = re.compile(r"<table\b", re.IGNORECASE)
_IMG = re.compile(r"<img\b", re.IGNORECASE)


def may_hold_one(html: str) -> bool:
    """Whether pasted `html` may hold a table of photos (a cheap look before reading it)."""
    return _TABLE.search(html) is not None and _IMG.search(html) is not None


def pasted_photo_tables(html: str) -> list[tuple[int, int, list[list]]]:
    """(start, end, photos) of each table of pasted HTML (`<table class="tplCaption"><tr><td><img …>`,
    an old portal's frame of a photo, or "Một số hình ảnh" in a row) laid out for photos by the rule
    of photo_table, in one pass over `html`: each photo [(its <img>'s offset, its attributes, those
    of the link holding it or None), its caption or None]. A table holding anything else (a link in
    its words, a clip, a list, a <caption>) is not one: it stays a table."""
    found = []
    for table in tables(html):
        photos = photo_table(table.rows) if table.plain else None
        if photos:
            found.append((table.start, table.end, photos))
    return found
