"""The bytes of a text file as editors' programs save it, as UTF-8.

A BOM from Windows editors is harmless: not part of the text, nor of its digest.
Notepad's "Unicode" is UTF-16 behind its BOM, which says so unambiguously: it is read
as the same text in UTF-8. What cannot be decoded is left as it is, to fail as not UTF-8
with its line (`decode`); line ends are made Unix ones (`unix_line_ends`). Pure.
"""
from __future__ import annotations

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def as_utf8(data: bytes) -> bytes:
    if data.startswith(_UTF8_BOM):
        return data[len(_UTF8_BOM):]
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16").encode("utf-8")
        except UnicodeError:
            return data
    return data


def decode(data: bytes) -> tuple[str | None, int]:
    """(the text, 0) of bytes as_utf8 gave, or (None, the line of the first byte that is not UTF-8)."""
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError as exc:
        return None, data[: exc.start].count(b"\n") + 1


def unix_line_ends(text: str) -> str:
    """Windows (CRLF) and old Mac (CR) line ends as LF: the lines every stage counts."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
