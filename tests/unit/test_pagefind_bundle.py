import gzip
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pagefind_bin import get_executable

from generator import pagefind_bundle
from generator.pagefind_bundle import (MARK, BundleFormatError, chunk_bounds, cut_chunks, decode, encode,
                                       finish_bundle, word_entries)


def test_cbor_round_trip_keeps_pagefinds_bytes():
    value = ["category", [["Tin hoạt động", [0, 1, 300, 70000]], ["Xây dựng lực lượng", [2]]]]
    raw = encode(value)
    assert decode(raw, 0) == (value, len(raw))
    assert encode(23) == b"\x17" and encode(24) == b"\x18\x18" and encode(256) == b"\x19\x01\x00"


def test_unknown_cbor_is_refused_loudly():
    with pytest.raises(BundleFormatError):
        decode(b"\xa1\x01\x02", 0)  # a map: Pagefind does not write those in these files


# -- the word index, on what Pagefind really writes ----------------------------

WORDS = ("an ninh trật tự cảnh sát giao thông phòng cháy chữa cháy lừa đảo qua mạng thi đua quyết thắng "
         "dân vận khéo tuần tra kiểm soát đăng ký thường trú định danh điện tử tố giác tội phạm ma túy "
         "bảo đảm an toàn karaoke 2024 06 ba bao bát cá cách cảnh canh cánh").split()


def _full_decode(data: bytes, i: int):
    """Any CBOR of integers (both signs), strings and arrays: the test's own reader."""
    head = data[i]
    major, info, i = head >> 5, head & 31, i + 1
    if info >= 24:
        size = 1 << (info - 24)
        info, i = int.from_bytes(data[i:i + size], "big"), i + size
    if major in (0, 1):
        return (info if major == 0 else -1 - info), i
    if major == 3:
        return data[i:i + info].decode(), i + info
    assert major == 4, major
    items = []
    for _ in range(info):
        item, i = _full_decode(data, i)
        items.append(item)
    return items, i


def _index_words(bundle: Path) -> list:
    words = []
    for path in (bundle / "index").iterdir():
        raw = gzip.decompress(path.read_bytes())
        value, end = _full_decode(raw, len(MARK))
        assert end == len(raw)
        words += value[0]
    return sorted(words, key=lambda word: word[0])


def _chunks(bundle: Path) -> list[list[str]]:
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    meta_hash = entry["languages"]["vi"]["hash"]
    meta, _ = decode(gzip.decompress((bundle / f"pagefind.{meta_hash}.pf_meta").read_bytes()), len(MARK))
    return meta[2]


@pytest.fixture(scope="module")
def pagefind_output(tmp_path_factory) -> Path:
    """Pagefind's own bundle (before finish_bundle) over 40 small Vietnamese pages."""
    site = tmp_path_factory.mktemp("pages")
    for n in range(40):
        body = " ".join(WORDS[(n * 7 + k * 3) % len(WORDS)] for k in range(120))
        (site / f"bai-{n}.html").write_text(
            f'<!doctype html><html lang="vi"><body><article data-pagefind-body><h1>Bài {n}</h1>'
            f'<p>{body}</p><span data-pagefind-filter="unit">Đơn vị {n % 3}</span></article></body></html>',
            encoding="utf-8")
    command = [str(get_executable()), "--site", str(site), "--output-subdir", "pagefind", "--silent"]
    subprocess.run(command, check=True, capture_output=True)
    return site / "pagefind"


@pytest.fixture
def recut(pagefind_output, tmp_path, monkeypatch) -> Path:
    """A copy of Pagefind's bundle, finished with chunks of 400 bytes."""
    monkeypatch.setattr(pagefind_bundle, "CHUNK_BYTES", 400)
    bundle = tmp_path / "bundle"
    shutil.copytree(pagefind_output, bundle)
    finish_bundle(bundle)
    return bundle


def _chunk_entries(bundle: Path, name: str) -> list[tuple[str, bytes]]:
    return word_entries(gzip.decompress((bundle / "index" / f"{name}.pf_index").read_bytes()))


def test_recut_index_keeps_every_word_as_pagefind_wrote_it_in_small_chunks(pagefind_output, recut):
    assert _index_words(recut) == _index_words(pagefind_output)
    chunks = _chunks(recut)
    assert len(chunks) >= 10 and len(list((recut / "index").iterdir())) == len(chunks)
    sizes = [[len(data) for _, data in _chunk_entries(recut, name)] for _, _, name in chunks]
    assert all(sum(entries[:-1]) < 2 * 400 for entries in sizes)  # closed by twice the limit
    assert all(sum(entries) >= 400 // 2 for entries in sizes[:-1])  # and not before half of it


def test_a_chunk_closes_between_word_families_so_a_half_typed_word_finds_its_completions():
    words = ["an", "anh", "ba", "bac", "bach", "ban", "bang", "banh", "bao", "ca", "cach", "canh", "cao"]
    entries = [(word, b"x" * 100) for word in words]
    cut = [[word for word, _ in chunk] for chunk in cut_chunks(entries, 400)]
    assert cut == [["an", "anh"], ["ba", "bac", "bach", "ban", "bang", "banh", "bao"], ["ca", "cach", "canh", "cao"]]
    bounds = chunk_bounds([[chunk[0], chunk[-1], str(n)] for n, chunk in enumerate(cut)])
    for typed in ("ba", "ban", "ca"):  # the one chunk loaded for it holds every completion
        loaded = [name for first, last, name in bounds if first <= typed <= last]
        assert loaded and all(word in cut[int(loaded[0])] for word in words if word.startswith(typed)), typed


def test_every_word_falls_in_its_own_chunks_range_and_no_other(recut):
    """The search page asks for the chunk with from ≤ word ≤ to (UTF-8 byte order)."""
    chunks = _chunks(recut)

    def chunk_for(term: str) -> str | None:
        matches = [name for first, last, name in chunks if first.encode() <= term.encode() <= last.encode()]
        return matches[0] if len(matches) == 1 else None

    for _, _, name in chunks:
        for word, _ in _chunk_entries(recut, name):
            assert chunk_for(word) == name, word


def test_a_chunks_range_ends_at_its_last_word_and_starts_after_the_previous_one():
    chunks = [["an", "bao", "a1"], ["bat", "canh", "a2"], ["cao", "dan", "a3"], ["danh", "xa", "a4"]]
    assert chunk_bounds(chunks) == [["an", "bao", "a1"], ["bat", "canh", "a2"], ["cao", "dan", "a3"],
                                    ["danh", "xa", "a4"]]
    # A prefix would end the first chunk at "b", and "bao" in it would sort after its end.
    assert chunk_bounds([["an", "bao", "a1"], ["cach", "du", "a2"]]) == [["an", "bao", "a1"], ["c", "du", "a2"]]


def test_a_half_typed_word_between_two_chunks_loads_where_its_completions_start():
    bounds = chunk_bounds([["an", "bao", "a1"], ["cach", "canh", "a2"], ["cao", "xa", "a3"]])
    first_match = next(name for first, last, name in bounds if first <= "ca" <= last)
    assert first_match == "a2"


def test_a_chunk_that_is_not_pagefinds_is_refused_loudly():
    with pytest.raises(BundleFormatError):
        word_entries(MARK + b"\x81\x81\x83\x63abc\x81\x83\x00\x80")  # a page cut short
