"""Where a clip was recorded, as the phone wrote it into the file.

Owns finding the place an MP4 or QuickTime clip carries: an Android phone (and an iPhone's
MP4 export) writes it as the `©xyz` box of the movie's user data, an iPhone's .mov as the
`com.apple.quicktime.location.ISO6709` entry of its metadata, both as an ISO 6709 string
("+21.0285+105.8542+012.000/"). A clip is published as it is (photos are re-encoded without
their GPS position), so this is how the build can say that the clip gives the place away.
Reads the box headers and the movie box alone (never the media); changes nothing.
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


def recorded_at(path: Path | str) -> tuple[float, float] | None:
    """(latitude, longitude) of the place the clip at `path` says it was recorded, or None
    (no place, not an MP4/QuickTime file, unreadable)."""
    movie = _movie_box(path)
    if movie is None or not any(tag in movie for tag in _TAGGED):
        return None
    found = _ISO6709.search(movie)
    if found is None:
        return None
    latitude, longitude = float(found.group(1)), float(found.group(2))
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return latitude, longitude


def _movie_box(path: Path | str) -> bytes | None:
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
                    return handle.read(size - header) if size <= _MAX_MOVIE_BYTES else None
                at += size
    except (OSError, struct.error):
        return None
    return None
