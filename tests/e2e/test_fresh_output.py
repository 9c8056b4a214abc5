"""A build into a new output folder with the build cache of earlier builds: what CI does
on every publish (a fresh clone, its `.cache` restored). The search index's shards come
from the cache (generator/search_store.py) instead of Pagefind, and the output equals a
clean build."""
from __future__ import annotations

import errno
import os
import shutil

from generator import content, kept_pages, search, search_store
from generator.cache import BuildCache
from generator.render import Renderer
from tests.conftest import article, clean_tree, log_pagefind, shard_site, tree


def kept_bundles(site) -> list:
    return sorted((BuildCache(site / ".cache").root / search_store.KIND).rglob("*"))


def test_a_new_output_folder_takes_every_shards_bundle_from_the_build_cache(make_site, build_site, tmp_path,
                                                                           monkeypatch):
    site = shard_site(make_site, monkeypatch)
    first = build_site(site, out=tmp_path / "first")
    filled = first.result.search.shards
    assert filled >= 3 and first.result.search == search.SearchReport(indexed=filled, shards=filled)
    log = log_pagefind(tmp_path, monkeypatch)
    again = build_site(site, out=tmp_path / "new")
    assert again.result.search == search.SearchReport(indexed=filled, shards=filled, restored=filled)
    assert log.read_text(encoding="utf-8") == ""  # Pagefind never ran
    assert tree(tmp_path / "new") == tree(tmp_path / "first") == clean_tree(site, tmp_path / "clean")


def test_an_edit_into_a_new_output_folder_is_spliced_into_the_cached_bundle(make_site, build_site, tmp_path,
                                                                           monkeypatch):
    site = shard_site(make_site, monkeypatch)
    assert build_site(site, out=tmp_path / "first").result.ok
    edited = site / "content/tin-hoat-dong/bai-3.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nĐính chính: đoàn công tác gồm năm đồng chí.\n",
                      encoding="utf-8")
    log = log_pagefind(tmp_path, monkeypatch)
    again = build_site(site, out=tmp_path / "new")
    report = again.result.search
    assert (report.indexed, report.spliced, report.restored) == (report.shards, 1, report.shards - 1)
    assert log.read_text(encoding="utf-8") == "bai-so-3\n"  # the edited article alone
    assert tree(tmp_path / "new") == clean_tree(site, tmp_path / "clean")


def test_a_fresh_clone_with_a_copied_cache_needs_no_pagefind(make_site, build_site, tmp_path, monkeypatch):
    """As CI has it: the files checked out anew (new mtimes, another folder), the cache
    restored from an archive elsewhere, the output folder not there yet."""
    site = shard_site(make_site, monkeypatch)
    assert build_site(site, out=site / "public").result.ok
    clone = tmp_path / "clone"
    shutil.copytree(site, clone, ignore=shutil.ignore_patterns("public", ".cache"), copy_function=shutil.copy)
    restored = tmp_path / "restored-cache"
    shutil.copytree(site / ".cache", restored, copy_function=shutil.copy)
    log = log_pagefind(tmp_path, monkeypatch)
    built = build_site(clone, out=clone / "public", cache_dir=restored)
    assert built.result.search.restored == built.result.search.shards and log.read_text(encoding="utf-8") == ""
    assert tree(clone / "public") == tree(site / "public")


def test_a_damaged_kept_bundle_is_never_published(make_site, build_site, tmp_path, monkeypatch):
    site = shard_site(make_site, monkeypatch)
    assert build_site(site, out=tmp_path / "first").result.ok
    blobs = [p for p in kept_bundles(site) if p.is_file()]
    filled = len(blobs)
    assert filled >= 3
    for blob in blobs:  # one byte changed in the middle of each
        data = bytearray(blob.read_bytes())
        data[len(data) // 2] ^= 0x20
        blob.write_bytes(bytes(data))
    again = build_site(site, out=tmp_path / "new")
    assert again.result.search == search.SearchReport(indexed=filled, shards=filled, restored=0)
    assert tree(tmp_path / "new") == clean_tree(site, tmp_path / "clean")


def test_the_cache_keeps_the_bundles_of_the_last_build_only(make_site, build_site, tmp_path, monkeypatch):
    site = shard_site(make_site, monkeypatch)
    out = tmp_path / "out"
    assert build_site(site, out=out).result.ok
    before = {p.name for p in kept_bundles(site) if p.is_file()}
    for name in ("bai-1", "bai-2"):
        edited = site / f"content/tin-hoat-dong/{name}.md"
        edited.write_text(edited.read_text(encoding="utf-8") + "\nThêm một câu.\n", encoding="utf-8")
    (site / "content/tin-hoat-dong/hien-mau.md").write_text(article(
        "Đoàn viên hiến máu tình nguyện", "2026-01-12", "cong-an-tinh", body="Hơn trăm đơn vị máu được trao."),
        encoding="utf-8")
    again = build_site(site, out=out)
    assert again.result.ok and again.result.search.indexed >= 1
    after = {p.name for p in kept_bundles(site) if p.is_file()}
    assert len(after) == again.result.search.shards and len(after - before) == again.result.search.indexed


def kept_pages_in(site) -> set[str]:
    return {p.name for p in (BuildCache(site / ".cache").root / kept_pages.KIND).rglob("*")
            if p.is_file() and not p.name.startswith(".")}


def no_rendering(monkeypatch):
    """Any layout run fails the build from here on."""
    def refuse(self, page):
        raise AssertionError(f"rendered {page.output_path}")
    monkeypatch.setattr(Renderer, "render", refuse)


def test_a_new_output_folder_takes_every_page_from_the_build_cache(make_site, build_site, tmp_path, monkeypatch):
    site = shard_site(make_site, monkeypatch)
    first = build_site(site, out=tmp_path / "first")
    assert first.result.ok and first.result.rendered == first.result.pages
    clean = clean_tree(site, tmp_path / "clean")
    no_rendering(monkeypatch)
    again = build_site(site, out=tmp_path / "new")
    assert again.result.ok, again.result.problems
    assert (again.result.rendered, again.result.restored) == (0, again.result.pages)
    assert tree(tmp_path / "new") == tree(tmp_path / "first") == clean
    # Published as the files the cache kept: their mtimes are those of the first build, so a
    # deploy by rsync (size and mtime) sends only the pages that changed.
    pages = sorted(p.relative_to(tmp_path / "first") for p in (tmp_path / "first").rglob("index.html"))
    assert len(pages) > 10 and all(os.stat(tmp_path / "new" / p).st_mtime_ns == os.stat(tmp_path / "first" / p).st_mtime_ns
                                   for p in pages)


def test_an_edit_in_a_new_output_folder_renders_what_it_changes_only(make_site, build_site, tmp_path, monkeypatch):
    site = shard_site(make_site, monkeypatch)
    assert build_site(site, out=tmp_path / "first").result.ok
    edited = site / "content/tin-hoat-dong/bai-3.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace('title: "Bài số 3"', 'title: "Bài số 3 (đã sửa)"'),
                      encoding="utf-8")
    cache = site / ".cache"
    shutil.copytree(cache, tmp_path / "cache-before")
    again = build_site(site, out=tmp_path / "new")
    assert again.result.ok and "Bài số 3 (đã sửa)" in again.page("/tin-hoat-dong/bai-so-3-da-sua/").text
    assert tree(tmp_path / "new") == clean_tree(site, tmp_path / "clean")
    # The same pages as the edit renders in the old output folder: the article, its neighbours
    # (their related and other news show its title), the lists and pages that show it.
    shutil.rmtree(cache)
    shutil.copytree(tmp_path / "cache-before", cache)
    in_place = build_site(site, out=tmp_path / "first")
    assert 1 < again.result.rendered == in_place.result.rendered < again.result.pages
    assert again.result.restored == again.result.pages - again.result.rendered


def test_a_kept_page_changed_through_the_output_is_never_published(make_site, build_site, tmp_path, monkeypatch):
    site = shard_site(make_site, monkeypatch)
    first = tmp_path / "first"
    assert build_site(site, out=first).result.ok
    page = first / "tin-hoat-dong/bai-so-3/index.html"
    with open(page, "r+b") as handle:  # in place, through the hard link the cache shares
        handle.seek(page.stat().st_size // 2)
        handle.write(b"<p>Tin gi\xe1\xba\xa3 m\xe1\xba\xa1o</p>")
    again = build_site(site, out=tmp_path / "new")
    assert (again.result.rendered, again.result.restored) == (1, again.result.pages - 1)
    assert "Tin giả mạo" not in again.page("/tin-hoat-dong/bai-so-3/").text
    assert tree(tmp_path / "new") == clean_tree(site, tmp_path / "clean")
    # The damaged copy was dropped and the page rendered since is kept in its place.
    no_rendering(monkeypatch)
    assert build_site(site, out=tmp_path / "newer").result.restored == again.result.pages


def test_build_options_that_change_pages_are_never_taken_for_others(make_site, build_site, tmp_path, monkeypatch):
    site = shard_site(make_site, monkeypatch)
    assert build_site(site, out=tmp_path / "staging", noindex=True,
                      base_url="https://thu-nghiem.example.vn/").result.ok
    again = build_site(site, out=tmp_path / "public")
    assert again.result.ok and again.result.restored == 0
    assert tree(tmp_path / "public") == clean_tree(site, tmp_path / "clean")


def test_the_cache_keeps_the_pages_of_the_last_build_only(make_site, build_site, tmp_path, monkeypatch):
    site = shard_site(make_site, monkeypatch)
    out = tmp_path / "out"
    assert build_site(site, out=out).result.ok
    before = kept_pages_in(site)
    assert len(before) >= build_site(site, out=tmp_path / "other").result.pages - 2  # (pages alike share one)
    edited = site / "content/tin-hoat-dong/bai-3.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nĐính chính.\n", encoding="utf-8")
    again = build_site(site, out=out)
    assert again.result.rendered >= 1
    after = kept_pages_in(site)
    assert len(after) == len(before) and len(before - after) == again.result.rendered
    assert kept_pages.content_key((out / "tin-hoat-dong/bai-so-3/index.html").read_bytes()) in after - before


def test_a_cache_on_another_file_system_keeps_no_pages_and_builds_all_the_same(make_site, build_site, tmp_path,
                                                                              monkeypatch):
    site = shard_site(make_site, monkeypatch)

    def cross_device(src, dst, *args, **kwargs):
        raise OSError(errno.EXDEV, "Invalid cross-device link")
    monkeypatch.setattr(kept_pages.os, "link", cross_device)
    assert build_site(site, out=tmp_path / "first").result.ok
    assert kept_pages_in(site) == set()
    again = build_site(site, out=tmp_path / "new")
    assert again.result.ok and again.result.restored == 0
    assert tree(tmp_path / "new") == tree(tmp_path / "first")


def test_a_fresh_clone_reads_no_article_whose_bytes_the_cache_knows(make_site, build_site, tmp_path, monkeypatch):
    """A checkout writes every file anew (new mtimes, inodes): the cache's record of each is
    found again by its bytes, as git does, and only a file whose bytes changed is read and parsed."""
    site = shard_site(make_site, monkeypatch)
    assert build_site(site, out=tmp_path / "first").result.ok
    clone = tmp_path / "clone"
    shutil.copytree(site, clone, ignore=shutil.ignore_patterns("public", ".cache"), copy_function=shutil.copy)
    shutil.copytree(site / ".cache", tmp_path / "restored")
    same_size = clone / "content/tin-hoat-dong/bai-4.md"
    same_size.write_text(same_size.read_text(encoding="utf-8").replace("Bài số 4", "Bài sớ 4"), encoding="utf-8")
    read = []
    real = content.read_source
    monkeypatch.setattr(content, "read_source", lambda site_dir, path: read.append(path.name) or real(site_dir, path))
    built = build_site(clone, out=clone / "public", cache_dir=tmp_path / "restored")
    assert built.result.ok and read == ["bai-4.md"]
    monkeypatch.undo()
    shard_site(make_site, monkeypatch)
    assert tree(clone / "public") == clean_tree(clone, tmp_path / "clean")
