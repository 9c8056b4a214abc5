"""A save is one rebuild, however the editor's program writes the file."""
from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

from generator.watch import Coalescer, Watcher, is_scratch, watch_roots


class Calls:
    def __init__(self):
        self.batches: list[frozenset[str]] = []
        self.event = threading.Event()

    def __call__(self, batch):
        self.batches.append(batch)
        self.event.set()

    def wait(self, seconds=3.0) -> bool:
        found = self.event.wait(seconds)
        self.event.clear()
        return found


def test_scratch_files_of_common_editors_are_ignored():
    for name in (".index.md.swp", "index.md~", "4913", "#index.md#", ".#index.md", "index.md.tmp",
                 ".goutputstream-ABC123", "index.md___jb_tmp___", "~$bai.docx",
                 ".DS_Store", "Thumbs.db", "desktop.ini"):  # (the folder records of Finder and Explorer)
        assert is_scratch(f"content/tin/{name}"), name
    for name in ("index.md", "site.toml", "anh-1.jpg", "style.css"):
        assert not is_scratch(f"content/tin/{name}"), name


def test_a_burst_of_events_becomes_one_call_with_every_path():
    calls = Calls()
    # Events 20 ms apart inside a 1 s quiet window: with 0.1 s, a 20 ms sleep stretched past
    # it on a loaded CI machine (the whole suite on 2 cores) split the burst in two.
    coalescer = Coalescer(calls, quiet=1.0)
    try:
        for name in ("a.md", "b.md", "a.md", "c.md"):
            coalescer.add([name])
            time.sleep(0.02)
        assert calls.wait()
        time.sleep(1.2)
        assert calls.batches == [frozenset({"a.md", "b.md", "c.md"})]
    finally:
        coalescer.stop()


def test_saving_through_a_temp_file_and_rename_rebuilds_once(tmp_path):
    site = tmp_path / "site"
    (site / "content/tin").mkdir(parents=True)
    (site / "site.toml").write_text("title = 'x'\n", encoding="utf-8")
    article = site / "content/tin/bai.md"
    article.write_text("cũ\n", encoding="utf-8")
    calls = Calls()
    watcher = Watcher(site, calls, quiet=0.15)
    watcher.start()
    try:
        time.sleep(0.2)
        swap = site / "content/tin/.bai.md.swp"
        swap.write_text("x", encoding="utf-8")  # vim opens the file: nothing to rebuild
        assert not calls.wait(0.5)
        temp = site / "content/tin/bai.md.tmp"
        temp.write_text("mới\n", encoding="utf-8")
        os.replace(temp, article)
        swap.unlink()
        assert calls.wait()
        time.sleep(0.4)
        assert len(calls.batches) == 1
        assert calls.batches[0] == frozenset({str(article.resolve())})
        (site / "site.toml").write_text("title = 'y'\n", encoding="utf-8")
        assert calls.wait()
        assert str((site / "site.toml").resolve()) in calls.batches[-1]
    finally:
        watcher.stop()


def test_the_site_and_the_default_theme_are_watched_once_each(tmp_path):
    (tmp_path / "content").mkdir()
    roots = watch_roots(tmp_path)
    folders = [r.folder for r in roots]
    assert folders[0] == tmp_path.resolve() and not roots[0].recursive and roots[0].only == ("site.toml",)
    assert tmp_path.resolve() / "content" in folders
    assert any(f.name == "layouts" for f in folders) and any(f.name == "assets" for f in folders)
    assert len(folders) == len(set(folders))
    repo = Path(__file__).resolve().parents[2]
    assert len([r for r in watch_roots(repo) if r.folder == repo / "layouts"]) == 1


def test_a_layouts_folder_made_after_start_is_watched_too(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "site.toml").write_text("title = 'x'\n", encoding="utf-8")
    calls = Calls()
    watcher = Watcher(site, calls, quiet=0.1)
    watcher.start()
    try:
        (site / "layouts").mkdir()
        assert calls.wait()
        time.sleep(0.3)
        calls.event.clear()
        (site / "layouts/article.html").write_text("<h1>x</h1>\n", encoding="utf-8")
        assert calls.wait()
        assert str((site / "layouts/article.html").resolve()) in calls.batches[-1]
        (site / "public").mkdir()  # not an input: the output folder changes nothing
        assert not calls.wait(0.4)
    finally:
        watcher.stop()


def test_content_deleted_and_put_back_from_a_copy_is_watched_again(tmp_path):
    """The watch of a deleted folder sees nothing of the folder copied back in its place: the
    preview used to stop noticing saves until it was restarted."""
    site, calls, watcher = _watched_site_with_an_article(tmp_path)
    backup = tmp_path / "sao-luu"
    shutil.copytree(site / "content", backup)
    try:
        shutil.rmtree(site / "content")
        assert calls.wait()
        shutil.copytree(backup, site / "content")
        assert calls.wait()
        _saving_is_seen(site / "content/tin/bai.md", calls)
    finally:
        watcher.stop()


def test_content_renamed_is_a_change_and_what_is_saved_in_it_then_is_not(tmp_path):
    site, calls, watcher = _watched_site_with_an_article(tmp_path)
    try:
        (site / "content").rename(site / "content-cu")  # the site has no articles now: built so
        assert calls.wait()
        assert str((site / "content").resolve()) in calls.batches[-1]
        time.sleep(0.3)
        calls.event.clear()
        (site / "content-cu/tin/bai.md").write_text("x\n", encoding="utf-8")  # not the site's any more
        assert not calls.wait(0.5)
        (site / "content-cu").rename(site / "content")
        assert calls.wait()
        _saving_is_seen(site / "content/tin/bai.md", calls)
    finally:
        watcher.stop()


def _watched_site_with_an_article(tmp_path: Path) -> tuple[Path, Calls, Watcher]:
    site = tmp_path / "site"
    (site / "content/tin").mkdir(parents=True)
    (site / "site.toml").write_text("title = 'x'\n", encoding="utf-8")
    (site / "content/tin/bai.md").write_text("---\ntitle: Bài\n---\n", encoding="utf-8")
    calls = Calls()
    watcher = Watcher(site, calls, quiet=0.1)
    watcher.start()
    return site, calls, watcher


def _saving_is_seen(path: Path, calls: Calls) -> None:
    time.sleep(0.3)  # (the burst before is over)
    calls.event.clear()
    path.write_text("---\ntitle: Bài đã sửa\n---\n", encoding="utf-8")
    assert calls.wait()
    assert str(path.resolve()) in calls.batches[-1]


def test_reading_a_site_of_many_bundles_is_not_a_change(tmp_path):
    """Every build lists and reads content/. With thousands of article bundles those
    reads, had they been watched, overflowed inotify's queue (16,384 events), and
    watchdog's rescan of the tree then looked like changes: a rebuild loop."""
    content = tmp_path / "content" / "tin-hoat-dong"
    for n in range(6000):
        bundle = content / f"bai-{n}"
        bundle.mkdir(parents=True)
        (bundle / "index.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    calls: list[frozenset[str]] = []
    watcher = Watcher(tmp_path, calls.append, quiet=0.05)
    watcher.start()
    try:
        for _ in range(3):  # what a build does: walk the folders, read the files
            for folder, _, files in os.walk(tmp_path / "content"):
                for name in files:
                    with open(os.path.join(folder, name), "rb") as handle:
                        handle.read()
        time.sleep(1.0)
        assert calls == []
        edited = content / "bai-17" / "index.md"
        edited.write_text("---\ntitle: y\n---\n", encoding="utf-8")
        deadline = time.monotonic() + 5
        while not calls and time.monotonic() < deadline:
            time.sleep(0.02)
        assert calls and str(edited) in calls[0]
    finally:
        watcher.stop()
