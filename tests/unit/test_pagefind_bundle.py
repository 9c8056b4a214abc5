import gzip
import json
import shutil
import subprocess
import tempfile
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


def _meta(bundle: Path) -> list:
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    meta_hash = entry["languages"]["vi"]["hash"]
    meta, _ = decode(gzip.decompress((bundle / f"pagefind.{meta_hash}.pf_meta").read_bytes()), len(MARK))
    return meta


def _page_urls(bundle: Path) -> list[str]:
    """The URL of each page number, from the page's fragment."""
    return [json.loads(gzip.decompress((bundle / "fragment" / f"{file_hash}.pf_fragment").read_bytes())[len(MARK):])["url"]
            for file_hash, _ in _meta(bundle)[1]]


def _postings(bundle: Path) -> list:
    """Every (word, spelling, URL, locations, weights) of the word index, however the pages are numbered."""
    urls = _page_urls(bundle)
    found = []
    for path in (bundle / "index").iterdir():
        raw = gzip.decompress(path.read_bytes())
        value, end = _full_decode(raw, len(MARK))
        assert end == len(raw)
        for word, pages, spellings in value[0]:
            for spelling, its_pages in [(word, pages), *spellings]:
                number = 0
                for step, locations, weights in its_pages:
                    number += step  # Pagefind writes each page's distance from the one before
                    found.append((word, spelling, urls[number], locations, weights))
    return sorted(found)


def _filters(bundle: Path) -> dict:
    urls = _page_urls(bundle)
    found = {}
    for name, file_hash in _meta(bundle)[3]:
        data, _ = decode(gzip.decompress((bundle / "filter" / f"{file_hash}.pf_filter").read_bytes()), len(MARK))
        found[name] = {value: sorted(urls[n] for n in pages) for value, pages in data[1]}
    return found


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


def _pages_in(folder: Path, order) -> Path:
    for n in order:
        body = " ".join(WORDS[(n * 7 + k * 3) % len(WORDS)] for k in range(120))
        page = folder / f"muc-{n % 4}" / f"bai-{n}" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            f'<!doctype html><html lang="vi"><body><article data-pagefind-body><h1>Bài {n}</h1>'
            f'<p>{body} bến bên bền {"bên" if n % 2 else "bến"}</p>'
            f'<span data-pagefind-filter="unit">Đơn vị {n % 3}</span></article></body></html>',
            encoding="utf-8")
    return folder


def _finished_bundle(site: Path) -> dict[str, bytes]:
    command = [str(get_executable()), "--site", str(site), "--output-subdir", "pagefind", "--silent"]
    subprocess.run(command, check=True, capture_output=True)
    finish_bundle(site / "pagefind")
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "pagefind").rglob("*"))
            if p.is_file()}


def test_the_same_pages_give_the_same_bundle_whatever_order_the_folder_lists_them_in(tmp_path):
    """Pagefind numbers pages in its walk's order: in memory (tmpfs) the reverse of
    creation, on ext4 a hash of the names; its spellings come in hash-map order."""
    memory = Path("/dev/shm")
    assert memory.is_dir(), "this test needs Linux's /dev/shm (tmpfs)"
    with tempfile.TemporaryDirectory(dir=memory) as scratch:
        forward = _finished_bundle(_pages_in(Path(scratch) / "forward", range(24)))
        backward = _finished_bundle(_pages_in(Path(scratch) / "backward", reversed(range(24))))
    on_disk = _finished_bundle(_pages_in(tmp_path / "disk", [n * 7 % 24 for n in range(24)]))
    assert forward == backward == on_disk


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


def test_finishing_keeps_every_word_and_filter_of_every_page_in_small_chunks(pagefind_output, recut):
    assert len(_postings(pagefind_output)) > 1000
    assert _postings(recut) == _postings(pagefind_output)
    assert _filters(recut) == _filters(pagefind_output)
    urls = _page_urls(recut)
    assert urls == sorted(urls, key=lambda url: url.split("/")) and len(urls) == 40
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


def test_a_fragments_url_is_read_from_its_start_even_when_the_start_cuts_it(tmp_path, monkeypatch):
    """fragment_url inflates only the first bytes of a fragment; a URL cut there (inside a
    multi-byte letter or an escape) is read from the whole fragment instead."""
    site = tmp_path / "site"
    for n, name in enumerate(["bài-viết", 'trích-"dẫn"', "đường-dây-nóng", "a" * 120]):
        page = site / "tin" / f"{name}-{n}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f'<html lang="vi"><body><article data-pagefind-body><p>Tin số {n}</p></article></body></html>',
                        encoding="utf-8")
    subprocess.run([str(get_executable()), "--site", str(site), "--output-subdir", "pagefind", "--silent"],
                   check=True, capture_output=True)
    bundle = site / "pagefind"
    expected = _page_urls(bundle)
    assert any('\\"' in json.dumps(url) for url in expected) and any("đ" in url for url in expected)
    hashes = [file_hash for file_hash, _ in _meta(bundle)[1]]
    assert [pagefind_bundle.fragment_url(bundle, h) for h in hashes] == expected
    for cut in range(len(MARK) + 8, len(MARK) + 160):
        monkeypatch.setattr(pagefind_bundle, "_URL_BYTES", cut)
        assert [pagefind_bundle.fragment_url(bundle, h) for h in hashes] == expected, cut
