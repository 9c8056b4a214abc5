"""A shard's bundle brought up to date from the changed pages alone is byte for
byte the bundle of indexing the whole shard again."""
from __future__ import annotations

import json
import random
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pagefind_bin import get_executable

from generator import pagefind_bundle
from generator.pagefind_bundle import finish_bundle
from generator.pagefind_splice import NotSpliceable, splice

WORDS = ("an ninh trật tự cảnh sát giao thông phòng cháy chữa cháy lừa đảo qua mạng thi đua quyết thắng "
         "dân vận khéo tuần tra kiểm soát đăng ký thường trú định danh điện tử tố giác tội phạm ma túy "
         "bến bên bền ba bà bá bao bảo cá cả cách cảnh canh cánh 2024 06").split()
UNITS = ("Công an xã Đồng Tiến", "Phòng Cảnh sát giao thông", "Công an phường Hoa Lư")


def _page(rng: random.Random, n: int, extra: str = "") -> str:
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 80)))
    return (f'<!doctype html><html lang="vi"><head><title>Bài {n}</title></head><body><article data-pagefind-body>'
            f'<h1 data-pagefind-meta="title">Bài {n} {rng.choice(WORDS)}</h1><p>{body} {extra}</p>'
            # Pagefind takes a body's first image as a meta field of the page: the fields move.
            f'{f"<img src=/anh-{n}.jpg alt=Ảnh>" if n % 5 == 0 else ""}'
            f'<p><time data-pagefind-meta="date">0{n % 9 + 1}/11/2026</time> '
            f'<span data-pagefind-filter="unit">{extra or rng.choice(UNITS)}</span></p></article></body></html>')


def _write(folder: Path, pages: dict[str, str]) -> Path:
    for rel, html in pages.items():
        path = folder / rel / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return folder


def _pagefind(site: Path) -> Path:
    command = [str(get_executable()), "--site", str(site), "--output-subdir", "pagefind", "--silent"]
    subprocess.run(command, check=True, capture_output=True)
    return site / "pagefind"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _whole(tmp: Path, name: str, pages: dict[str, str]) -> Path:
    bundle = _pagefind(_write(tmp / name, pages))
    finish_bundle(bundle)
    return bundle


@pytest.mark.parametrize("seed", range(6))
def test_a_spliced_bundle_is_the_bundle_of_indexing_the_whole_shard(tmp_path, seed):
    rng = random.Random(seed)
    before = {f"muc-{n % 3}/bai-{n}": _page(rng, n) for n in range(30)}
    # One page holds a word, a spelling and a filter value no other page has.
    before["muc-1/bai-rieng"] = _page(rng, 99, extra="xyzduynhất Đơnvịriêng")
    old = _whole(tmp_path, "before", before)

    after = dict(before)
    names = sorted(before)
    removed = set(rng.sample(names, rng.randint(0, 3))) | ({"muc-1/bai-rieng"} if seed % 2 else set())
    edited = set(rng.sample([n for n in names if n not in removed], rng.randint(1, 3)))
    for rel in removed:
        del after[rel]
    for rel in edited:
        after[rel] = _page(rng, 500 + len(rel), extra=rng.choice(["", "bến mới"]))
    added = {f"muc-{rng.randint(0, 3)}/bai-moi-{n}": _page(rng, 200 + n) for n in range(rng.randint(0, 3))}
    after.update(added)

    changed = {rel: after[rel] for rel in sorted(edited) + sorted(added)}
    fresh = _pagefind(_write(tmp_path / "changed", changed)) if changed else None
    spliced = tmp_path / "spliced"
    splice(old, fresh, {f"/{rel}/" for rel in after}, spliced)

    whole = _whole(tmp_path, "after", after)
    assert _files(spliced) == _files(whole)


@pytest.mark.parametrize("seed", range(3))
def test_a_splice_names_the_files_it_copied_from_the_old_bundle(tmp_path, monkeypatch, seed):
    """Spliced.copied: files byte for byte the old bundle's of the same path, which the build
    then claims in the published bundle instead of writing them (search.Indexing._put)."""
    monkeypatch.setattr(pagefind_bundle, "CHUNK_BYTES", 400)  # chunks of a few words: most stay as they were
    rng = random.Random(seed)
    pages = {f"muc-{n % 3}/bai-{n:02}": _page(rng, 5 * n + 1) for n in range(20)}
    old = _whole(tmp_path, "old", pages)
    after, fresh = _changed(rng, tmp_path, "after", pages, only_edits=seed != 2)
    out = tmp_path / "spliced"
    copied = splice(old, fresh, {f"/{rel}/" for rel in after}, out).copied
    before, now = _files(old), _files(out)
    same = {rel for rel, data in now.items() if before.get(rel) == data}
    assert copied <= same
    assert {rel.split("/")[0] for rel in same - copied} <= {"filter"}  # written again, to the same bytes
    assert "pagefind.js" in copied
    kept_pages = [rel for rel in after if after[rel] == pages.get(rel)]
    assert sum(rel.startswith("fragment/") for rel in copied) == len(kept_pages)


def test_the_index_chunks_an_edit_leaves_as_they_were_are_copied(tmp_path, monkeypatch):
    monkeypatch.setattr(pagefind_bundle, "CHUNK_BYTES", 400)
    rng = random.Random(8)
    pages = {f"muc/bai-{n:02}": _page(rng, 5 * n + 1, extra="chuathay") for n in range(12)}
    old = _whole(tmp_path, "old", pages)
    edited = {"muc/bai-03": pages["muc/bai-03"].replace("chuathay", "vuamoisua")}  # one word, in its place
    fresh = _pagefind(_write(tmp_path / "changed", edited))
    out = tmp_path / "spliced"
    copied = splice(old, fresh, {f"/{rel}/" for rel in pages}, out).copied
    chunks = {rel for rel in _files(out) if rel.startswith("index/")}
    assert len(chunks) > 5 and len(chunks - copied) <= 2  # the chunks of "chuathay" and "vuamoisua"
    assert _files(out) == _files(_whole(tmp_path, "whole", {**pages, **edited}))


def test_a_removed_page_leaves_no_word_or_filter_behind(tmp_path):
    rng = random.Random(9)
    pages = {f"muc/bai-{n}": _page(rng, n) for n in range(5)}
    pages["muc/bai-rieng"] = _page(rng, 7, extra="xyzduynhất")
    old = _whole(tmp_path, "before", pages)
    spliced = tmp_path / "spliced"
    del pages["muc/bai-rieng"]
    splice(old, None, {f"/{rel}/" for rel in pages}, spliced)
    assert _files(spliced) == _files(_whole(tmp_path, "after", pages))
    assert not any(b"xyzduynh" in data for data in _files(spliced).values())


def test_removing_the_last_page_with_an_image_is_left_to_a_whole_index(tmp_path):
    rng = random.Random(4)
    old = _whole(tmp_path, "before", {"muc/bai-1": _page(rng, 1), "muc/bai-5": _page(rng, 5)})
    with pytest.raises(NotSpliceable):
        splice(old, None, {"/muc/bai-1/"}, tmp_path / "spliced")


def test_a_bundle_of_another_pagefind_version_is_not_spliced(tmp_path):
    rng = random.Random(3)
    old = _whole(tmp_path, "before", {"muc/bai-1": _page(rng, 1)})
    fresh = _pagefind(_write(tmp_path / "changed", {"muc/bai-2": _page(rng, 2)}))
    entry = fresh / "pagefind-entry.json"
    meta = next(fresh.glob("pagefind.*.pf_meta"))
    value = pagefind_bundle._read_cbor(meta)
    value[0] = "0.0.1"
    meta.unlink()
    data = json.loads(entry.read_text())
    prefix = data["languages"]["vi"]["hash"]
    data["languages"]["vi"]["hash"] = pagefind_bundle._write_cbor(fresh, f"pagefind.{prefix.split('_')[0]}",
                                                                   ".pf_meta", value, 10, name_prefix="vi")
    entry.write_text(json.dumps(data))
    with pytest.raises(NotSpliceable):
        splice(old, fresh, {"/muc/bai-1/", "/muc/bai-2/"}, tmp_path / "spliced")
    shutil.rmtree(tmp_path / "spliced", ignore_errors=True)


# Pagefind lists the spellings of "thu" on this page as "thử", "thứ": an order of its own,
# not the byte order a finished bundle keeps (found by the random-edit test, seed 133).
SPELLINGS_OUT_OF_ORDER = (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Thi dân đảo cháy đua 4</title></head>'
    '<body><article data-pagefind-body><h1 data-pagefind-meta="title">Thi dân đảo cháy đua 4</h1><div><p>lừa tự '
    'an lừa tuyên đua công an giao lừa an xã tuyên xã vận giao tuyên cảnh đảo tự thông ninh trật truyền tự thi '
    'cảnh ninh phòng đua</p></div><p><span data-pagefind-ignore><time data-pagefind-meta="date">Thứ Hai, '
    '25/05/2026 16:00</time></span> <span data-pagefind-filter="unit">Công an tỉnh Thử Nghiệm</span> '
    '<span data-pagefind-filter="category">Xây dựng lực lượng</span></p><ul><li data-pagefind-filter="campaign">'
    'Dân vận khéo</li></ul></article></body></html>')


def test_a_changed_page_that_keeps_its_number_brings_its_spellings_in_byte_order(tmp_path):
    rng = random.Random(5)
    before = {f"muc-2/bai-{n}": _page(rng, n) for n in range(1, 5)}  # no image: the same meta fields
    old = _whole(tmp_path, "before", before)
    added = {"muc-0/bai-dau": SPELLINGS_OUT_OF_ORDER}  # first by URL: page 0 here and in the fresh bundle
    fresh = _pagefind(_write(tmp_path / "changed", added))
    raw = pagefind_bundle.read_entries(fresh, pagefind_bundle._read_cbor(next(fresh.glob("*.pf_meta")))[2])
    assert any(pagefind_bundle.canonical_entry(data, None) != data for _, data in raw)  # the case it is about

    after = {**before, **added}
    spliced = tmp_path / "spliced"
    splice(old, fresh, {f"/{rel}/" for rel in after}, spliced)
    assert _files(spliced) == _files(_whole(tmp_path, "after", after))


def _changed(rng: random.Random, tmp: Path, name: str, before: dict[str, str], only_edits: bool
             ) -> tuple[dict[str, str], Path | None]:
    """`before` with a few pages edited (and, unless `only_edits`, some removed and added),
    and Pagefind's own bundle of the edited and added ones. No page has an image: the meta
    fields stay the same (else the splice refuses)."""
    after = dict(before)
    names = sorted(before)
    removed = set() if only_edits else set(rng.sample(names, rng.randint(0, 2)))
    for rel in removed:
        del after[rel]
    edited = set(rng.sample(sorted(after), rng.randint(1, 3)))
    for rel in edited:
        after[rel] = _page(rng, 5 * rng.randint(60, 180) + 1, extra=rng.choice(["", "bến mới", "xyzmột"]))
    added = {} if only_edits else {f"muc-{rng.randint(0, 3)}/bai-moi-{name}-{n}": _page(rng, 201 + 5 * n)
                                   for n in range(rng.randint(0, 2))}
    after.update(added)
    changed = {rel: after[rel] for rel in sorted(edited) + sorted(added)}
    return after, _pagefind(_write(tmp / f"changed-{name}", changed)) if changed else None


@pytest.mark.parametrize("seed", range(4))
def test_splices_given_the_outline_of_their_bundle_are_the_bundles_of_indexing_whole(tmp_path, seed):
    """Each splice returns its bundle's outline; the next splice of that bundle, given it,
    keeps the words of unmoved pages unread and still writes the whole shard's bytes, and the
    same outline as a splice that read every word."""
    rng = random.Random(seed)
    pages = {f"muc-{n % 3}/bai-{n:02}": _page(rng, n if n % 5 else n + 1) for n in range(24)}
    base = _whole(tmp_path, "start", pages)
    outline = None
    for step in range(5):
        pages, fresh = _changed(rng, tmp_path, str(step), pages, only_edits=step % 2 == 0)
        urls = {f"/{rel}/" for rel in pages}
        given = splice(base, fresh, urls, tmp_path / f"given-{step}", outline)
        read = splice(base, fresh, urls, tmp_path / f"read-{step}")
        whole = _whole(tmp_path, f"whole-{step}", pages)
        assert _files(tmp_path / f"given-{step}") == _files(whole) == _files(tmp_path / f"read-{step}")
        assert given == read
        assert given.urls == urls
        base, outline = tmp_path / f"given-{step}", given.outline


def test_an_outline_of_another_bundle_is_not_used(tmp_path):
    rng = random.Random(11)
    pages = {f"muc/bai-{n}": _page(rng, 5 * n + 1) for n in range(8)}
    base = _whole(tmp_path, "base", pages)
    own = splice(base, None, {f"/{rel}/" for rel in pages}, tmp_path / "same").outline
    assert own.meta == _meta_name(base) and _files(tmp_path / "same") == _files(base)
    after, fresh = _changed(rng, tmp_path, "after", pages, only_edits=True)
    whole = _files(_whole(tmp_path, "whole", after))
    blank = tuple(replace(page, words="") for page in own.pages)  # used, it would keep every word unread
    others = {"another pf_meta": replace(own, meta=f"{own.meta}0", pages=blank),
              "fewer pages": replace(own, pages=blank[:-1]),
              "another fragment": replace(own, pages=(replace(blank[0], fragment="vi_0"), *blank[1:]))}
    for name, outline in others.items():
        out = tmp_path / name.replace(" ", "-")
        splice(base, fresh, {f"/{rel}/" for rel in after}, out, outline)
        assert _files(out) == whole, name


def _meta_name(bundle: Path) -> str:
    (info,) = json.loads((bundle / "pagefind-entry.json").read_text())["languages"].values()
    return info["hash"]
