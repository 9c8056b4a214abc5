"""Where a clip was recorded, as the phone wrote it into the file.

Owns finding the place an MP4 or QuickTime clip carries: an Android phone (and an iPhone's
MP4 export) writes it as the `©xyz` box of the movie's user data, an iPhone's .mov as the
`com.apple.quicktime.location.ISO6709` entry of its metadata, both as an ISO 6709 string
("+21.0285+105.8542+012.000/"); and publishing a clip without it, as a photo is published
without its GPS position. Finding reads the box headers and the movie box alone (never the media).
"""
from __future__ import annotations

import os
import re
import struct
from pathlib import Path

# The movie box holds the sample tables: a few MB for an hour of video. Past this it is not a
# phone's clip, and reading it whole is not worth what it would say.
_MAX_MOVIE_BYTES = 64 * 1024 * 1024
_MAX_BOXES = 10_000  # top-level boxes looked at before giving up (a damaged file)
_TAGGED = (b"\xa9xyz", b"com.apple.quicktime.location.ISO6709")
_ISO6709 = re.compile(rb"([+-]\d{1,2}(?:\.\d+)?)([+-]\d{1,3}(?:\.\d+)?)(?:[+-]\d+(?:\.\d+)?)?(?:CRS[A-Z0-9_:]*)?/")


def _movie_box(path: Path | str) -> tuple[int, bytes] | None:
    """(the file offset of the movie box's contents, those contents), or None."""
    try:
        with open(path, "rb") as handle:
            end = os.fstat(handle.fileno()).st_size
            at = 0
            for _ in range(_MAX_BOXES):
                if at + 8 > end:
                    return None
                handle.seek(at)
                size, kind = struct.unpack(">I4s", handle.read(8))
                header = 8
                if size == 1:  # a 64-bit size follows
                    size, header = struct.unpack(">Q", handle.read(8))[0], 16
                elif size == 0:  # to the end of the file
                    size = end - at
                if size < header:
                    return None
                if kind == b"moov":
                    return (at + header, handle.read(size - header)) if size <= _MAX_MOVIE_BYTES else None
                at += size
    except (OSError, struct.error):
        return None
    return None


# Boxes that hold other boxes on the way to a place (a track's user data holds one too).
_CONTAINERS = frozenset({b"moov", b"trak", b"udta", b"meta"})
_PLACES = frozenset({b"\xa9xyz", b"loci"})  # Android's, an iPhone's MP4 export's; 3GPP's location box


def without_place(path: Path | str, suffix: str) -> bytearray | None:
    """The bytes of the clip at `path` with the place it was recorded blanked, or None when it
    holds none (publish it as it is). A place box becomes a `free` box of zeros of its size, an
    iPhone's location value zeros: every box keeps its size, so the offsets into the media that
    the movie box holds stay right, and the clip plays as before."""
    if suffix.lower() not in (".mp4", ".m4v", ".mov", ".3gp"):
        return None
    found = _movie_box(path)
    if found is None or not any(tag in found[1] for tag in (*_TAGGED, *_PLACES)):
        return None
    # The places are in the movie box alone: blanked there, then set into the clip read once (a
    # copy of the whole clip to compare with, and another to return, held a 500 MB clip 3 times).
    at, movie = found
    blanked = bytearray(movie)
    _blank_places(blanked, 0, len(blanked), depth=1)
    if blanked == movie:
        return None
    try:
        with open(path, "rb") as handle:
            data = bytearray(os.fstat(handle.fileno()).st_size)
            handle.readinto(data)
    except OSError:
        return None
    if data[at:at + len(movie)] == movie:
        data[at:at + len(movie)] = blanked
    else:  # (saved again meanwhile: its places sought through the whole clip, as it is now)
        _blank_places(data, 0, len(data))
    return data


def _blank_places(data: bytearray, start: int, end: int, depth: int = 0) -> None:
    at = start
    while at + 8 <= end and depth < 8:
        size, kind = struct.unpack_from(">I4s", data, at)
        header = 8
        if size == 1 and at + 16 <= end:
            size, header = struct.unpack_from(">Q", data, at + 8)[0], 16
        elif size == 0:
            size = end - at
        if size < header or at + size > end:
            return
        body, stop = at + header, at + size
        if kind in _PLACES:
            data[at + 4:at + 8] = b"free"
            data[body:stop] = bytes(stop - body)
        elif kind == b"ilst":  # an iPhone's values: the location's is an ISO 6709 string
            for found in list(_ISO6709.finditer(data, body, stop)):
                data[found.start():found.end()] = bytes(found.end() - found.start())
        elif kind in _CONTAINERS:
            # (MP4's meta is a full box, its children after 4 bytes of version and flags; QuickTime's is not)
            inner = body + 4 if kind == b"meta" and data[body:body + 4] == b"\0\0\0\0" else body
            _blank_places(data, inner, stop, depth + 1)
        at = stop
