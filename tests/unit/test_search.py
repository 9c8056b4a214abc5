import pytest

from generator.search import SearchIndexFailed, _decode, _encode


def test_cbor_round_trip_keeps_pagefinds_bytes():
    value = ["category", [["Tin hoạt động", [0, 1, 300, 70000]], ["Xây dựng lực lượng", [2]]]]
    raw = _encode(value)
    assert _decode(raw, 0) == (value, len(raw))
    assert _encode(23) == b"\x17" and _encode(24) == b"\x18\x18" and _encode(256) == b"\x19\x01\x00"


def test_unknown_cbor_is_refused_loudly():
    with pytest.raises(SearchIndexFailed):
        _decode(b"\xa1\x01\x02", 0)  # a map: Pagefind does not write those in these files
