from __future__ import annotations

import tracemalloc

from generator.clip_places import without_place


def _box(kind: bytes, payload: bytes) -> bytes:
    return (8 + len(payload)).to_bytes(4, "big") + kind + payload


def test_a_long_clip_is_published_without_its_place_holding_it_in_memory_once(tmp_path):
    """A phone's clip of a few hundred MB: the published copy was made with two more copies of the
    whole clip in memory (one to compare with, one returned), 1.5 GB for a 500 MB clip on every
    build that published it. The place is in the movie box alone."""
    where = b"+21.0285+105.8542+012.000/"
    media = 20 * 1024 * 1024
    clip = (_box(b"ftyp", b"mp42\x00\x00\x00\x00mp42isom") + _box(b"mdat", bytes(media))
            + _box(b"moov", _box(b"mvhd", bytes(100)) + _box(b"udta", _box(b"\xa9xyz", b"\x00\x1a\x15\xc7" + where))))
    path = tmp_path / "clip.mp4"
    path.write_bytes(clip)
    place = clip.index(b"\xa9xyz") - 4
    del clip
    tracemalloc.start()
    try:
        published = without_place(path, ".mp4")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert published is not None and where not in published
    assert published[place + 4:place + 8] == b"free" and len(published) == path.stat().st_size
    assert published[:place] == path.read_bytes()[:place]
    assert peak < 1.5 * media, f"{peak / 1048576:.0f} MB held for a clip of {media / 1048576:.0f} MB"
