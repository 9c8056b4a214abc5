"""The search index is made from each article's own content, beside the rendering:
what Pagefind holds for an article, what re-indexes a shard and what does not,
and what a failed or killed indexer leaves behind."""
from __future__ import annotations

import gzip
import json
import os
import pickle
import shutil
import subprocess
import sys
import threading
import time

import pytest

from generator import output, pagefind_bundle, search, search_store
from generator.memo import Memo
from generator.pipeline import BuildOptions, build
from generator.cache import BuildCache, read_sealed
from tests.conftest import article, clean_tree, log_pagefind, numbered_articles, search_bundle, shard_site, text_of, tree

ARTICLES = {
    "content/tin-hoat-dong/ra-quan.md": article(
        "Ra quân bảo đảm trật tự an toàn giao thông", "2026-01-21T09:30:00", "phong-canh-sat-giao-thong",
        campaigns=["vi-an-ninh-to-quoc"], author='"Minh Khôi - Phòng CSGT"',
        summary='"Lực lượng CSGT ra quân dịp Tết."', body="Sáng 21/1, các tổ tuần tra kiểm soát lên đường."),
    "content/tin-hoat-dong/dan-van.md": article(
        "Công an xã giúp dân thu hoạch lúa", "2026-01-10", "cong-an-xa-dong-tien", campaigns=["dan-van-kheo"],
        body="Cán bộ chiến sĩ xuống đồng gặt lúa giúp các hộ neo đơn."),
    "content/xay-dung-luc-luong/tap-huan.md": article(
        "Tập huấn <nghiệp vụ> & kỹ năng", "2025-12-01T08:00:00", "cong-an-tinh", category="xay-dung-luc-luong",
        body="Lớp tập huấn võ thuật kéo dài ba ngày."),
}


def fragments(out, shard: str = "pagefind") -> dict[str, dict]:
    """What the search page shows of each article indexed in `shard`, by its URL (Pagefind's fragments)."""
    found = {}
    for path in (out / shard / "fragment").iterdir():
        raw = gzip.decompress(path.read_bytes())
        record = json.loads(raw[len(b"pagefind_dcd"):])
        found[record["url"]] = record
    return found


def scratches(site, before: frozenset = frozenset()) -> list:
    """The search scratch folders this test process's builds left, in memory or in the cache,
    but those in `before` (what the worker held when the test began: another test's preview may
    still be finishing a search refresh on its thread, and cleans up after itself)."""
    mine = f"{search.SCRATCH_PREFIX}{os.getpid()}-*"
    return [p for p in [*search.MEMORY_FOLDER.glob(mine), *BuildCache(site / ".cache").root.glob(mine)]
            if p not in before]


def scratches_now(site) -> frozenset:
    return frozenset(scratches(site))


def kept_outlines(site) -> list:
    """The outlines of spliced bundles the build cache keeps (search_store.py)."""
    return [pickle.loads(read_sealed(path))
            for path in sorted((BuildCache(site / ".cache").root / search_store.OUTLINES).glob("*/*"))]


def stats(out) -> dict[str, tuple[int, int]]:
    return {rel: (os.stat(out / rel).st_mtime_ns, os.stat(out / rel).st_ino) for rel in search_bundle(out)}


def test_an_articles_search_record_holds_its_text_meta_and_filters_only(make_site, build_site):
    built = build_site(make_site(ARTICLES))
    assert built.result.ok, built.messages
    found = fragments(built.out)
    assert sorted(found) == ["/tin-hoat-dong/cong-an-xa-giup-dan-thu-hoach-lua/",
                             "/tin-hoat-dong/ra-quan-bao-dam-trat-tu-an-toan-giao-thong/",
                             "/xay-dung-luc-luong/tap-huan-nghiep-vu-ky-nang/"]
    record = found["/tin-hoat-dong/ra-quan-bao-dam-trat-tu-an-toan-giao-thong/"]
    assert record["meta"] == {"title": "Ra quân bảo đảm trật tự an toàn giao thông", "date": "Thứ Tư, 21/01/2026 09:30"}
    assert record["filters"] == {"unit": ["Phòng Cảnh sát giao thông"], "category": ["Tin hoạt động"],
                                 "campaign": ["Vì An ninh Tổ quốc"]}
    text = record["content"]
    for shown in ("Lực lượng CSGT ra quân dịp Tết.", "các tổ tuần tra kiểm soát lên đường", "Minh Khôi - Phòng CSGT"):
        assert shown in text
    # Not the page around it: no related news, share buttons or the date line's words.
    for chrome in ("Tin liên quan", "Các tin khác", "Gửi cho bạn bè", "Đăng ngày", "Công an xã giúp dân"):
        assert chrome not in text
    escaped = found["/xay-dung-luc-luong/tap-huan-nghiep-vu-ky-nang/"]
    assert escaped["meta"]["title"] == "Tập huấn <nghiệp vụ> & kỹ năng"


def test_a_videos_caption_is_searched_and_its_button_is_not(make_site, build_site):
    """`![Lễ ra quân](https://youtu.be/…)`: the words under the player are the article's, as a
    photo's caption is; the button's "Xem video" is the page's."""
    site = make_site({"content/tin-hoat-dong/clip.md": article(
        "Clip ra quân", body="Mở đầu.\n\n![Lễ ra quân đợt cao điểm năm 2026](https://youtu.be/dQw4w9WgXcQ)\n")})
    built = build_site(site)
    assert built.result.ok, built.messages
    text = fragments(built.out)["/tin-hoat-dong/clip-ra-quan/"]["content"]
    assert "Lễ ra quân đợt cao điểm năm 2026" in text and "Xem video" not in text, text


def test_a_corrections_struck_figure_is_neither_searched_nor_shown_in_an_excerpt(make_site, build_site):
    """An đính chính strikes the wrong figure ("~~hơn 120 tỷ đồng~~ hơn 12 tỷ đồng"), as README
    advises: the page shows it struck, but the search result read "hơn 120 tỷ đồng hơn 12 tỷ
    đồng", the wrong figure as if stated, and a search for "120 tỷ" found the article."""
    site = make_site({"content/tin-hoat-dong/triet-pha.md": article(
        "Triệt phá đường dây đánh bạc", updated="2026-01-23T10:15:00",
        body="Tổng số tiền giao dịch lên tới ~~hơn 120 tỷ đồng~~ hơn 12 tỷ đồng, <s>9</s> 7 đối tượng.")})
    built = build_site(site)
    assert built.result.ok, built.messages
    text = fragments(built.out)["/tin-hoat-dong/triet-pha-duong-day-danh-bac/"]["content"]
    assert "hơn 12 tỷ đồng" in text and "7 đối tượng" in text, text
    assert "120" not in text and "9 7" not in text, text
    struck = built.page("/tin-hoat-dong/triet-pha-duong-day-danh-bac/").select("del, s")
    assert [tag.get_text() for tag in struck] == ["hơn 120 tỷ đồng", "9"]  # the page still shows them struck


def test_a_layout_edit_re_renders_the_pages_and_keeps_the_search_index_as_it_is(make_site, build_site, tmp_path):
    site = make_site(ARTICLES)
    out = tmp_path / "out"
    assert build_site(site, out=out).result.ok
    bundle, kept = search_bundle(out), stats(out)
    footer = site / "layouts/partials/footer.html"
    footer.parent.mkdir(parents=True)
    footer.write_text("<footer><p>Đường dây nóng 0229 3871 234</p></footer>\n", encoding="utf-8")
    again = build_site(site, out=out)
    assert again.result.ok and again.result.rendered == again.result.pages  # every page shows the footer
    assert "0229 3871 234" in again.page("/tin-hoat-dong/ra-quan-bao-dam-trat-tu-an-toan-giao-thong/").text
    assert search_bundle(out) == bundle and stats(out) == kept  # the very files: not indexed, not rewritten
    assert tree(out) == clean_tree(site, tmp_path / "clean")


def test_an_edit_re_indexes_the_edited_text(make_site, build_site, tmp_path):
    site = make_site(ARTICLES)
    out = tmp_path / "out"
    build_site(site, out=out)
    edited = site / "content/tin-hoat-dong/dan-van.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("neo đơn", "có hoàn cảnh khó khăn"), encoding="utf-8")
    assert build_site(site, out=out).result.ok
    text = fragments(out)["/tin-hoat-dong/cong-an-xa-giup-dan-thu-hoach-lua/"]["content"]
    assert "có hoàn cảnh khó khăn" in text and "neo đơn" not in text
    assert tree(out) == clean_tree(site, tmp_path / "clean")


def test_an_edit_an_addition_and_a_removal_update_the_index_from_those_articles_alone(make_site, build_site,
                                                                                      tmp_path, monkeypatch):
    site = make_site({**ARTICLES, **numbered_articles(4, category="xay-dung-luc-luong")})
    out = tmp_path / "out"
    assert build_site(site, out=out).result.search == search.SearchReport(indexed=1, shards=1)
    edited = site / "content/tin-hoat-dong/dan-van.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("neo đơn", "có hoàn cảnh khó khăn"), encoding="utf-8")
    (site / "content/xay-dung-luc-luong/tap-huan.md").unlink()
    (site / "content/tin-hoat-dong/hien-mau.md").write_text(article(
        "Đoàn viên hiến máu tình nguyện", "2026-01-12", "cong-an-tinh", body="Hơn trăm đơn vị máu được trao."),
        encoding="utf-8")
    log = log_pagefind(tmp_path, monkeypatch)
    again = build_site(site, out=out)
    assert again.result.search == search.SearchReport(indexed=1, shards=1, spliced=1)
    # Pagefind ran once, over the edited and the added article only.
    assert log.read_text(encoding="utf-8") == "cong-an-xa-giup-dan-thu-hoach-lua doan-vien-hien-mau-tinh-nguyen\n"
    found = fragments(out)
    assert sorted(url for url in found if "bai-so" not in url) == [
        "/tin-hoat-dong/cong-an-xa-giup-dan-thu-hoach-lua/", "/tin-hoat-dong/doan-vien-hien-mau-tinh-nguyen/",
        "/tin-hoat-dong/ra-quan-bao-dam-trat-tu-an-toan-giao-thong/"]
    assert "có hoàn cảnh khó khăn" in found["/tin-hoat-dong/cong-an-xa-giup-dan-thu-hoach-lua/"]["content"]
    assert tree(out) == clean_tree(site, tmp_path / "clean")


def test_an_edit_splices_into_the_bundle_the_outline_the_last_splice_kept_describes(make_site, build_site, tmp_path,
                                                                                   monkeypatch):
    """The first splice reads every page of the shard and keeps the outline of what it wrote;
    the next one reads no fragment but the edited page's, and the index is still a clean build's."""
    site = make_site({**ARTICLES, **numbered_articles(4, category="xay-dung-luc-luong")})
    out = tmp_path / "out"
    build_site(site, out=out)
    reads = tmp_path / "fragments-read"
    read_fragments = pagefind_bundle.fragments

    def logged(bundle, pages):  # runs in the forked indexer: its log is a file
        with reads.open("a", encoding="utf-8") as log:
            log.write(f"{len(pages)}\n")
        return read_fragments(bundle, pages)

    monkeypatch.setattr(pagefind_bundle, "fragments", logged)
    edited = site / "content/tin-hoat-dong/dan-van.md"
    for n in (1, 2):
        reads.unlink(missing_ok=True)
        edited.write_text(edited.read_text(encoding="utf-8") + f"\nCâu thêm lần {n}.\n", encoding="utf-8")
        assert build_site(site, out=out).result.search == search.SearchReport(indexed=1, shards=1, spliced=1)
        assert reads.read_text(encoding="utf-8").split() == (["7", "1"] if n == 1 else ["1"])  # old, fresh
        assert tree(out) == clean_tree(site, tmp_path / f"clean-{n}")
    (outline,) = kept_outlines(site)
    (language,) = json.loads((out / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))["languages"].values()
    assert outline.meta == language["hash"]
    assert sorted(page.url for page in outline.pages) == sorted(fragments(out))
    words = {page.url: page.words.split() for page in outline.pages}
    assert {"lua", "them", "lan"} <= set(words["/tin-hoat-dong/cong-an-xa-giup-dan-thu-hoach-lua/"])  # "lúa", "thêm lần"
    assert not {"lua", "them", "lan"} & set(words["/tin-hoat-dong/ra-quan-bao-dam-trat-tu-an-toan-giao-thong/"])


def test_an_edit_claims_the_published_files_its_splice_left_as_they_were(make_site, build_site, tmp_path,
                                                                         monkeypatch):
    """The fragments of the articles not edited (and Pagefind's scripts, and the index chunks
    left as they were) are claimed where they are published, not read and compared again;
    their recorded stats stay right, so the next edit builds on the published bundle too."""
    site = make_site({**ARTICLES, **numbered_articles(6, category="xay-dung-luc-luong")})
    out = tmp_path / "out"
    build_site(site, out=out)
    written = []
    for target in (output.Patch, output.Stage):
        write = target.write
        monkeypatch.setattr(target, "write", lambda self, rel, data, write=write: (written.append(rel),
                                                                                  write(self, rel, data))[1])
    edited = site / "content/tin-hoat-dong/dan-van.md"
    for n in (1, 2):
        written.clear()
        before = stats(out)
        edited.write_text(edited.read_text(encoding="utf-8") + f"\nCâu thêm lần {n}.\n", encoding="utf-8")
        assert build_site(site, out=out).result.search == search.SearchReport(indexed=1, shards=1, spliced=1)
        bundle = [rel for rel in written if rel.startswith("pagefind/")]
        assert len([rel for rel in bundle if rel.startswith("pagefind/fragment/")]) == 1  # the edited article's
        assert "pagefind/pagefind.js" not in bundle and "pagefind/pagefind-entry.json" in bundle
        now = stats(out)
        unchanged = [rel for rel in now if before.get(rel) == now[rel]]
        assert len(unchanged) >= 8 and len(bundle) < len(now)
        assert tree(out) == clean_tree(site, tmp_path / f"clean-{n}")


def test_the_build_cache_keeps_the_outlines_of_the_published_bundles_alone(make_site, build_site, tmp_path,
                                                                           monkeypatch):
    site = shard_site(make_site, monkeypatch)
    out = tmp_path / "out"
    assert build_site(site, out=out).result.ok
    for n in (3, 3, 3, 6):
        edited = site / f"content/tin-hoat-dong/bai-{n}.md"
        edited.write_text(edited.read_text(encoding="utf-8") + "\nĐính chính.\n", encoding="utf-8")
        assert build_site(site, out=out).result.search.spliced == 1
    outlines = kept_outlines(site)
    published = {info["hash"] for entry in out.glob("pagefind*/pagefind-entry.json")
                 for info in json.loads(entry.read_text(encoding="utf-8"))["languages"].values()}
    assert {outline.meta for outline in outlines} <= published
    assert len(outlines) == len({search.shard_of(f"tin-hoat-dong/bai-so-{n}/index.html", 4) for n in (3, 6)})


def test_a_shard_someone_changed_in_the_output_is_indexed_again_by_the_next_edit(make_site, build_site, tmp_path,
                                                                                monkeypatch):
    site = shard_site(make_site, monkeypatch)
    out = tmp_path / "out"
    assert build_site(site, out=out).result.ok
    edited = site / "content/tin-hoat-dong/bai-3.md"
    edited_url = "/tin-hoat-dong/bai-so-3/"
    other = next(folder for folder in sorted(out.glob("pagefind*/"))
                 if folder.is_dir() and edited_url not in fragments(out, folder.name))
    fragment = next((other / "fragment").iterdir())
    record = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])
    fragment.write_bytes(gzip.compress(b"pagefind_dcd" + json.dumps({**record, "content": "Tin giả mạo"}).encode()))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nĐính chính.\n", encoding="utf-8")
    again = build_site(site, out=out)
    assert again.result.search.indexed == 2 and again.result.search.spliced <= 1
    assert tree(out) == clean_tree(site, tmp_path / "clean")


def test_the_preview_splices_an_edit_into_its_own_output_too(make_site, tmp_path):
    """serve's builds keep a memo and write a folder of their own: no record of stats, none needed."""
    site = make_site({**ARTICLES, **numbered_articles(4, category="xay-dung-luc-luong")})
    memo, out = Memo(), tmp_path / "preview"
    assert build(BuildOptions(site_dir=site, out_dir=out, memo=memo, private_output=True)).ok
    edited = site / "content/tin-hoat-dong/dan-van.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("neo đơn", "có hoàn cảnh khó khăn"), encoding="utf-8")
    again = build(BuildOptions(site_dir=site, out_dir=out, memo=memo, private_output=True))
    assert again.search == search.SearchReport(indexed=1, shards=1, spliced=1)
    assert "có hoàn cảnh khó khăn" in fragments(out)["/tin-hoat-dong/cong-an-xa-giup-dan-thu-hoach-lua/"]["content"]
    clean = tmp_path / "clean"
    assert build(BuildOptions(site_dir=site, out_dir=clean, use_cache=False)).ok
    assert search_bundle(out) == search_bundle(clean)


@pytest.mark.parametrize("cached", [True, False])
def test_a_bundle_changed_in_the_output_is_not_built_upon(make_site, build_site, tmp_path, cached):
    """The edit is spliced into the build cache's copy of the bundle (search_store.py), or,
    without one, the shard is indexed whole."""
    site = make_site(ARTICLES)
    out = tmp_path / "out"
    build_site(site, out=out)
    # Someone replaced a fragment in the published bundle: the next index must not carry it on.
    fragment = next(path for path in (out / "pagefind/fragment").iterdir()
                    if b"ra-quan" in gzip.decompress(path.read_bytes()))
    record = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])
    fragment.write_bytes(gzip.compress(b"pagefind_dcd" + json.dumps({**record, "content": "Tin giả mạo"}).encode()))
    edited = site / "content/tin-hoat-dong/dan-van.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThêm một câu.\n", encoding="utf-8")
    if not cached:
        shutil.rmtree(BuildCache(site / ".cache").root / search_store.KIND)
    again = build_site(site, out=out)
    assert again.result.search == search.SearchReport(indexed=1, shards=1, spliced=int(cached))
    assert "Tin giả mạo" not in fragments(out)["/tin-hoat-dong/ra-quan-bao-dam-trat-tu-an-toan-giao-thong/"]["content"]
    assert tree(out) == clean_tree(site, tmp_path / "clean")


@pytest.fixture
def broken_pagefind(tmp_path, monkeypatch):
    script = tmp_path / "pagefind"
    script.write_text("#!/bin/sh\necho 'pagefind: out of disk space' >&2\nexit 3\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setattr(search, "get_executable", lambda: script)


def test_a_failed_index_publishes_nothing_and_leaves_nothing(make_site, build_site, tmp_path, broken_pagefind):
    site = make_site(ARTICLES)
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("trang cũ", encoding="utf-8")
    (out / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")  # (a portal built before)
    before = scratches_now(site)
    with pytest.raises(search.SearchIndexFailed, match="out of disk space"):
        build_site(site, out=out)
    assert tree(out) == {name: tree(out)[name] for name in ("index.html", "robots.txt")}  # the previous site, untouched
    assert scratches(site, before) == []
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".out.")]


def test_a_build_that_fails_meanwhile_stops_the_indexer(make_site, build_site, tmp_path, monkeypatch):
    site = make_site(ARTICLES)
    started = []
    slow = tmp_path / "pagefind"
    slow.write_text("#!/bin/sh\necho $$ >> " + str(tmp_path / "pids") + "\nsleep 60\n", encoding="utf-8")
    slow.chmod(0o755)
    monkeypatch.setattr(search, "get_executable", lambda: slow)
    from generator import rendering

    def layouts_fail(*args, **kwargs):
        deadline = time.monotonic() + 20
        while not (tmp_path / "pids").exists() and time.monotonic() < deadline:
            time.sleep(0.05)  # fail only once the indexer really runs
        started.append((tmp_path / "pids").exists())
        raise RuntimeError("a layout crashed")
    monkeypatch.setattr(rendering, "render_pages", layouts_fail)
    before = scratches_now(site)
    with pytest.raises(RuntimeError, match="a layout crashed"):
        build_site(site, out=tmp_path / "out")
    assert started == [True]
    for pid in (tmp_path / "pids").read_text().split():
        assert not os.path.exists(f"/proc/{pid}") or "zombie" in open(f"/proc/{pid}/status").read().lower()
    assert scratches(site, before) == []


def test_the_scratch_of_a_killed_build_is_removed_by_the_next(make_site, build_site, tmp_path, monkeypatch):
    memory = tmp_path / "shm"
    memory.mkdir()
    monkeypatch.setattr(search, "MEMORY_FOLDER", memory)
    site = make_site(ARTICLES)
    assert build_site(site, out=tmp_path / "out").result.ok
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    orphans, others = [], []
    for parent in (memory, BuildCache(site / ".cache").root):
        orphans.append(parent / f"{search.SCRATCH_PREFIX}{gone.stdout.strip()}-abc")
        (orphans[-1] / "pagefind").mkdir(parents=True)
        others.append(parent / f"{search.SCRATCH_PREFIX}1-abc")  # pid 1 is alive: another build's, left alone
        others[-1].mkdir()
    edited = site / "content/tin-hoat-dong/dan-van.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThêm một câu.\n", encoding="utf-8")
    assert build_site(site, out=tmp_path / "out").result.ok
    assert not any(p.exists() for p in orphans) and all(p.exists() for p in others)


@pytest.mark.parametrize("room", [True, False])
def test_the_scratch_is_in_memory_when_it_has_room_else_in_the_cache(make_site, build_site, tmp_path, monkeypatch,
                                                                     room):
    memory = tmp_path / "shm"
    memory.mkdir()
    monkeypatch.setattr(search, "MEMORY_FOLDER", memory)
    if not room:
        monkeypatch.setattr(search, "SCRATCH_BYTES_PER_ARTICLE", 10**15)
    used = []
    start = search.Indexing.__init__

    def noting(self, *args, **kwargs):
        start(self, *args, **kwargs)
        used.append(self.scratch.parent)
    monkeypatch.setattr(search.Indexing, "__init__", noting)
    site = make_site(ARTICLES)
    built = build_site(site, out=tmp_path / "out")
    assert built.result.ok and len(fragments(built.out)) == 3
    assert used == [memory if room else BuildCache(site / ".cache").root]
    assert scratches(site) == []


def _slow_after_the_first_shard(monkeypatch, fail: bool = False):
    """index_site (in the indexer's child) takes 1.5 s for every shard but the first; with
    `fail`, the last one then fails."""
    index_site = search.index_site
    folders = []

    def slow(site_root, finish=True):
        folders.append(site_root.name)
        if len(folders) > 1:
            time.sleep(1.5)
            if fail and len(folders) == 3:
                raise search.SearchIndexFailed("pagefind ran out of disk space")
        return index_site(site_root, finish)
    monkeypatch.setattr(search, "index_site", slow)


def _record_puts(monkeypatch) -> list[tuple[str, bool]]:
    """(shard, whether the indexer still ran) of each bundle put into the target."""
    puts = []
    put = search.Indexing._put

    def recorded(self, target, folder, unchanged=()):
        puts.append((folder, self._child is not None and self._child.pid is not None))
        return put(self, target, folder, unchanged)
    monkeypatch.setattr(search.Indexing, "_put", recorded)
    return puts


def test_a_shards_bundle_goes_into_the_output_while_the_others_are_still_indexed(make_site, build_site, tmp_path,
                                                                                 monkeypatch):
    site = shard_site(make_site, monkeypatch)
    index_site, put = search.index_site, search.Indexing._put
    _slow_after_the_first_shard(monkeypatch)
    puts = _record_puts(monkeypatch)
    out = tmp_path / "out"
    built = build_site(site, out=out)
    assert built.result.ok and built.result.search.indexed == 3  # one of the 4 shards is empty
    assert sorted(folder for folder, _ in puts) == sorted(p.name for p in out.glob("pagefind*") if p.is_dir())
    assert puts[0][1], puts  # the first shard's bundle went in while the indexer still ran
    monkeypatch.setattr(search, "index_site", index_site)
    monkeypatch.setattr(search.Indexing, "_put", put)
    assert tree(out) == clean_tree(site, tmp_path / "clean")


def test_an_indexer_failing_after_some_bundles_went_in_publishes_nothing(make_site, build_site, tmp_path,
                                                                         monkeypatch):
    monkeypatch.setattr(search, "SINGLE_SHARD_UP_TO", 2)
    monkeypatch.setattr(search, "SHARD_PAGES", 3)
    site = make_site(numbered_articles(10))
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("trang cũ", encoding="utf-8")
    (out / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")  # (a portal built before)
    _slow_after_the_first_shard(monkeypatch, fail=True)
    puts = _record_puts(monkeypatch)
    before = scratches_now(site)
    with pytest.raises(search.SearchIndexFailed, match="out of disk space"):
        build_site(site, out=out)
    assert puts and puts[0][1]
    assert tree(out) == {name: tree(out)[name] for name in ("index.html", "robots.txt")}
    assert scratches(site, before) == []
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".out.")]


def _affinity_of_a_child() -> set[int]:
    """The CPUs a process started from the calling thread may run on."""
    printed = subprocess.run([sys.executable, "-c", "import os; print(sorted(os.sched_getaffinity(0)))"],
                             capture_output=True, text=True, check=True).stdout
    return set(json.loads(printed))


def test_pagefind_runs_side_by_side_each_get_a_cpu_of_their_own_when_there_are_no_spare_ones():
    allowed = os.sched_getaffinity(0)
    slots = search._CpuSlots(runs=len(allowed))
    assert slots.pinning == (len(allowed) > 1)
    with slots.one():
        first = _affinity_of_a_child()
        with slots.one():  # a second run while the first still holds its CPU
            second = _affinity_of_a_child()
        assert _affinity_of_a_child() == first
    if len(allowed) > 1:
        assert len(first) == len(second) == 1 and first != second and first | second <= allowed
    assert _affinity_of_a_child() == allowed == os.sched_getaffinity(0)


def test_pagefind_runs_are_left_free_when_there_are_more_cpus_than_runs():
    allowed = os.sched_getaffinity(0)
    slots = search._CpuSlots(runs=max(1, len(allowed) - 1))
    assert not slots.pinning
    with slots.one():
        assert _affinity_of_a_child() == allowed


def test_each_shard_is_indexed_on_a_cpu_of_its_own_on_two_cores(make_site, build_site, tmp_path, monkeypatch):
    monkeypatch.setattr(search, "SINGLE_SHARD_UP_TO", 2)
    monkeypatch.setattr(search, "SHARD_PAGES", 3)  # 10 articles → 4 shards, indexed two at a time
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1} if pid == 0 else set())
    # Linux's affinity is per thread: each indexing thread's own last choice is what its run
    # inherits (one list shared by both threads raced: one thread's restore read as the other's)
    chosen: dict[int, list[int]] = {}
    monkeypatch.setattr(os, "sched_setaffinity",
                        lambda pid, cpus: chosen.__setitem__(threading.get_ident(), sorted(cpus)))
    log = tmp_path / "cpus.txt"  # the indexer runs in a forked process: it tells by a file
    index_site = search.index_site

    def logged(site_root, finish=True):
        with log.open("a", encoding="utf-8") as file:
            file.write(json.dumps(chosen[threading.get_ident()]) + "\n")
        return index_site(site_root, finish)
    monkeypatch.setattr(search, "index_site", logged)
    built = build_site(make_site(numbered_articles(10)), out=tmp_path / "out")
    assert built.result.ok and built.result.search.indexed == 3
    assert sorted(log.read_text(encoding="utf-8").split()) in (["[0]", "[0]", "[1]"], ["[0]", "[1]", "[1]"])


@pytest.mark.parametrize("edited, spliced", [(6, 1), (8, 0)])
def test_a_shard_is_spliced_up_to_seven_tenths_of_it_changed_and_indexed_whole_beyond(
        make_site, build_site, tmp_path, edited, spliced):
    # Ten articles, one shard: six edited are spliced in (measured cheaper up to ~70 %),
    # eight are indexed whole; either way the output is that of a clean build.
    site = make_site({**ARTICLES, **numbered_articles(7)})
    out = tmp_path / "out"
    assert build_site(site, out=out).result.search == search.SearchReport(indexed=1, shards=1)
    files = sorted((site / "content").rglob("*.md"))
    assert len(files) == 10
    for path in files[:edited]:
        path.write_text(path.read_text(encoding="utf-8") + "\nMột đoạn mới về tuần tra ban đêm.\n", encoding="utf-8")
    again = build_site(site, out=out)
    assert again.result.search == search.SearchReport(indexed=1, shards=1, spliced=spliced)
    assert sum("tuần tra ban đêm" in record["content"] for record in fragments(out).values()) == edited
    assert tree(out) == clean_tree(site, tmp_path / "clean")


def test_the_references_heading_is_not_searched_but_the_references_are(make_site, build_site):
    """Every article that cites a decree carries "Tài liệu tham khảo" over its notes: a search
    for "tài liệu" would find them all."""
    body = "Xử lý theo Nghị định[^nd].\n\n[^nd]: Nghị định số 168/2024/NĐ-CP của Chính phủ.\n"
    built = build_site(make_site({"content/tin-hoat-dong/bai.md": article("Xử lý vi phạm", body=body)}))
    assert built.result.ok, built.messages
    assert text_of(built.page("/tin-hoat-dong/xu-ly-vi-pham/").find("div", class_="footnote").h2) == "Tài liệu tham khảo"
    text = fragments(built.out)["/tin-hoat-dong/xu-ly-vi-pham/"]["content"]
    assert "Nghị định số 168/2024/NĐ-CP của Chính phủ." in text
    assert "Tài liệu tham khảo" not in text


def test_a_units_other_names_changed_in_site_toml_index_its_articles_again(make_site, build_site, tmp_path):
    """A unit's other names are searched ("PC08"): site.toml changing them changes what the index
    must hold, though no article changed."""
    from tests.conftest import SITE_TOML

    site = make_site(ARTICLES)
    out = tmp_path / "out"
    assert build_site(site, out=out).result.search == search.SearchReport(indexed=1, shards=1)
    (site / "site.toml").write_text(SITE_TOML.replace('name = "Phòng Cảnh sát giao thông"',
                                                      'name = "Phòng Cảnh sát giao thông"\nother_names = ["PC08"]'),
                                    encoding="utf-8")
    again = build_site(site, out=out)
    assert again.result.search is not None and again.result.search.indexed == 1
    assert tree(out) == clean_tree(site, tmp_path / "clean")  # (the index a clean build makes)
