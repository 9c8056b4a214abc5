"""A rebuild with nothing changed skips the build, and only then: any edit, a
damaged output or a scheduled article coming due goes through the real build."""
from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from generator import shortcut
from generator.cache import BuildCache
from tests.conftest import article, clean_tree, text_of, tree
from tests.photos import phone_jpeg

VN = timezone(timedelta(hours=7))


def age(site: Path, seconds: int = 60) -> None:
    """Make every input look saved a minute ago (an editor's files, not ones being written now)."""
    then = time.time() - seconds
    for path in [site, *site.rglob("*")]:
        os.utime(path, (then, then))


def saved_a_while_ago(path: Path, seconds: int) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def shortcut_taken(built) -> bool:
    return "unchanged" in built.result.timings


def test_nothing_changed_skips_the_build_and_reports_the_same(make_site, build_site):
    site = make_site({
        "content/tin-hoat-dong/mot/index.md": article("Bài một", body="![](anh.jpg)\n"),  # no alt: a warning
        "content/tin-hoat-dong/mot/anh.jpg": phone_jpeg(64, 48),
        "content/tin-hoat-dong/hai.md": article("Bài hai", "2026-01-22"),
    })
    age(site)
    first = build_site(site)
    assert first.result.ok and not shortcut_taken(first)
    before = tree(first.out)
    stats = {p: p.stat().st_mtime_ns for p in first.out.rglob("*") if p.is_file()}

    again = build_site(site)
    assert shortcut_taken(again)
    assert (again.result.pages, again.result.articles, again.result.rendered) == (
        first.result.pages, first.result.articles, 0)
    assert again.result.problems == first.result.problems
    assert [p.code for p in again.result.problems] == ["missing-alt"]
    assert tree(again.out) == before
    assert {p: p.stat().st_mtime_ns for p in again.out.rglob("*") if p.is_file()} == stats


def test_an_edit_goes_through_the_real_build(make_site, build_site):
    site = make_site({"content/tin-hoat-dong/mot.md": article("Bài một"),
                      "content/tin-hoat-dong/hai.md": article("Bài hai", "2026-01-22")})
    age(site)
    build_site(site)
    assert shortcut_taken(build_site(site))

    (site / "content/tin-hoat-dong/mot.md").write_text(article("Bài một đã sửa"), encoding="utf-8")
    age(site, 30)  # even an edit that keeps an old-looking mtime: the size and inode differ
    edited = build_site(site)
    assert not shortcut_taken(edited)
    assert text_of(edited.page("/tin-hoat-dong/bai-mot-da-sua/").find("h1")) == "Bài một đã sửa"
    assert not (edited.out / "tin-hoat-dong/bai-mot").exists()
    assert shortcut_taken(build_site(site))


def test_a_damaged_output_is_repaired(make_site, build_site, tmp_path):
    site = make_site({"content/tin-hoat-dong/mot.md": article("Bài một")})
    age(site)
    built = build_site(site)
    page = built.out / "tin-hoat-dong/bai-mot/index.html"
    good = page.read_bytes()
    build_site(site)

    page.write_bytes(b"hacked")
    fragment = sorted((built.out / "pagefind/fragment").iterdir())[0]  # the search index's copy of the text
    fragment.write_bytes(b"hacked")
    (built.out / "extra.html").write_text("planted", encoding="utf-8")
    (built.out / "tin-hoat-dong/bai-mot/planted/deep").mkdir(parents=True)
    (built.out / "tin-hoat-dong/bai-mot/planted/deep/x.html").write_text("planted", encoding="utf-8")
    repaired = build_site(site)
    assert not shortcut_taken(repaired)
    assert 0 < repaired.result.rendered < repaired.result.pages  # patched in place, not a new copy
    assert page.read_bytes() == good
    assert tree(repaired.out) == clean_tree(site, tmp_path / "clean")  # the planted files are gone, the index whole
    assert not (built.out / "tin-hoat-dong/bai-mot/planted").exists()
    assert shortcut_taken(build_site(site))


def test_after_an_edit_patched_into_a_large_output_nothing_changed_is_answered_and_damage_is_still_found(
        make_site, build_site, tmp_path):
    # Enough articles that an edit of one body is patched into the output, not a new copy of it.
    # (A lead of their own: an edited body then changes only the article's own page.)
    site = make_site({f"content/tin-hoat-dong/bai-{n:02d}.md": article(f"Bài số {n}", f"2026-01-{n:02d}T08:00:00",
                                                                        summary=f'"Tóm tắt bài {n}"')
                      for n in range(1, 29)})
    age(site)
    build_site(site)
    edited_file = site / "content/tin-hoat-dong/bai-05.md"
    edited_file.write_text(article("Bài số 5", "2026-01-05T08:00:00", body="Nội dung đã sửa.",
                                   summary='"Tóm tắt bài 5"'), encoding="utf-8")
    saved_a_while_ago(edited_file, 30)  # only this file: age() would touch the output too
    edited = build_site(site)
    assert not shortcut_taken(edited) and 0 < edited.result.rendered < edited.result.pages // 5
    assert shortcut_taken(build_site(site))  # the record after the patch describes the output as it is

    other = edited.out / "tin-hoat-dong/bai-so-7/index.html"
    good = other.read_bytes()
    other.write_bytes(b"hacked")  # damage that the next edit's build does not look for
    (edited.out / "tin-hoat-dong/bai-so-7/planted.html").write_text("planted", encoding="utf-8")
    edited_file.write_text(article("Bài số 5", "2026-01-05T08:00:00", body="Sửa lần hai.",
                                   summary='"Tóm tắt bài 5"'), encoding="utf-8")
    saved_a_while_ago(edited_file, 20)
    build_site(site)
    again = build_site(site)
    assert other.read_bytes() == good
    assert tree(again.out) == clean_tree(site, tmp_path / "clean")  # the planted file is gone


def test_a_scheduled_article_comes_due_without_any_edit(make_site, build_site):
    site = make_site({"content/tin-hoat-dong/mot.md": article("Bài một", "2026-01-21T09:00:00"),
                      "content/tin-hoat-dong/hen-gio.md": article("Bài hẹn giờ", "2026-01-21T10:00:00"),
                      "content/tin-hoat-dong/het-han.md": article("Bài hết hạn", "2026-01-20T08:00:00",
                                                                  expires="2026-01-21T12:00:00")})
    age(site)
    before = datetime(2026, 1, 21, 9, 30, tzinfo=VN)
    build_site(site, now=before)
    assert shortcut_taken(build_site(site, now=before + timedelta(minutes=29)))

    due = build_site(site, now=datetime(2026, 1, 21, 10, 0, 1, tzinfo=VN))
    assert not shortcut_taken(due)
    assert text_of(due.page("/tin-hoat-dong/bai-hen-gio/").find("h1")) == "Bài hẹn giờ"

    assert shortcut_taken(build_site(site, now=datetime(2026, 1, 21, 11, 0, tzinfo=VN)))
    expired = build_site(site, now=datetime(2026, 1, 21, 12, 0, 1, tzinfo=VN))
    assert not shortcut_taken(expired)
    assert not (expired.out / "tin-hoat-dong/bai-het-han").exists()


def test_a_file_saved_just_before_the_build_is_recorded_by_its_bytes(make_site, build_site, monkeypatch):
    """A save in the seconds before a build may be followed by another within the same tick
    of the file system's clock, which keeps size, mtime and inode: such files are compared
    by their bytes, so the build is still recorded and no such save goes unseen."""
    # The fake below (a second save that kept the first one's stat) stands for a save within one
    # tick of the file system's clock: the file must still be recent when the edited build runs,
    # however long the builds before it take on a loaded machine (2 s did: a flake).
    monkeypatch.setattr(shortcut, "RACY_MARGIN_NS", 600_000_000_000)
    site = make_site({"content/tin-hoat-dong/mot.md": article("Bài một", body="Nội dung A.")})
    source = site / "content/tin-hoat-dong/mot.md"
    first = build_site(site)  # its files are seconds old
    assert first.result.ok
    assert shortcut_taken(build_site(site))  # the next build right after is answered all the same

    # A save of the same size within the same tick as the last one: the file system shows
    # the stat it showed before (size, mtime, ctime, inode).
    before = source.stat()
    source.write_bytes(source.read_bytes().replace("Nội dung A.".encode(), "Nội dung B.".encode()))
    real_stats = shortcut._stats
    monkeypatch.setattr(shortcut, "_stats", lambda listing: (
        (rel, path, before if path == str(source) else info) for rel, path, info in real_stats(listing)))
    edited = build_site(site)
    assert not shortcut_taken(edited)
    assert "Nội dung B." in text_of(edited.page("/tin-hoat-dong/bai-mot/").find("article"))
    assert shortcut_taken(build_site(site))
    monkeypatch.setattr(shortcut, "_stats", real_stats)

    # Once old enough, the files are compared by their stat again (not read on every build).
    age(site / "content")  # a save long ago (its ctime, though, is now)
    monkeypatch.setattr(shortcut, "RACY_MARGIN_NS", 200_000_000)
    build_site(site)
    time.sleep(0.3)
    assert shortcut_taken(build_site(site))
    record = BuildCache(site / ".cache").load_state(shortcut.STATE_NAME)
    assert record.hashed == frozenset()
    assert shortcut_taken(build_site(site))


def test_a_save_whose_old_mtime_a_tool_put_back_is_seen(make_site, build_site, monkeypatch):
    """`cp -p`, `touch -r` or an unpacked archive can write other bytes of the same size
    under the old mtime; the change time cannot be put back."""
    monkeypatch.setattr(shortcut, "RACY_MARGIN_NS", 1_000_000)  # every file old enough to be trusted by stat
    site = make_site({"content/tin-hoat-dong/mot.md": article("Bài một", body="Nội dung A.")})
    source = site / "content/tin-hoat-dong/mot.md"
    age(site / "content")
    time.sleep(0.01)
    build_site(site)
    assert shortcut_taken(build_site(site))
    assert BuildCache(site / ".cache").load_state(shortcut.STATE_NAME).hashed == frozenset()

    before = source.stat()
    source.write_bytes(source.read_bytes().replace("Nội dung A.".encode(), "Nội dung B.".encode()))
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    time.sleep(0.01)
    edited = build_site(site)
    assert not shortcut_taken(edited)
    assert "Nội dung B." in text_of(edited.page("/tin-hoat-dong/bai-mot/").find("article"))


def test_too_many_recent_bytes_are_not_read_and_the_build_is_not_recorded(make_site, build_site, monkeypatch):
    # The file must still be recent at the second build, however long the first takes on a
    # loaded machine (2 s did not: the second build was recorded, a flake).
    monkeypatch.setattr(shortcut, "RACY_MARGIN_NS", 600_000_000_000)
    site = make_site({"content/tin-hoat-dong/mot.md": article("Bài một")})
    monkeypatch.setattr(shortcut, "RACY_READ_BYTES", 100)
    assert build_site(site).result.ok
    assert not shortcut_taken(build_site(site))
    monkeypatch.setattr(shortcut, "RACY_READ_BYTES", 128 * 1024 * 1024)
    assert not shortcut_taken(build_site(site))  # recorded, this time
    assert shortcut_taken(build_site(site))


def test_options_are_part_of_what_did_not_change(make_site, build_site):
    site = make_site({"content/tin-hoat-dong/mot.md": article("Bài một"),
                      "content/tin-hoat-dong/nhap.md": article("Bản nháp", draft="true")})
    age(site)
    build_site(site)
    with_drafts = build_site(site, drafts=True)
    assert not shortcut_taken(with_drafts) and (with_drafts.out / "tin-hoat-dong/ban-nhap/index.html").is_file()
    other_out = build_site(site, out=site / "khac")
    assert not shortcut_taken(other_out) and (site / "khac/index.html").is_file()


def test_a_build_lists_and_stats_content_once(make_site, tmp_path, monkeypatch):
    """The fingerprint and the build share one listing of content/ and one stat per file."""
    from generator import walk
    from generator.pipeline import BuildOptions, build
    from tests.conftest import numbered_articles

    site = make_site(numbered_articles(5))
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    edited = site / "content/tin-hoat-dong/bai-2.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThêm.\n", encoding="utf-8")
    listed, statted = [], []
    scandir, lstat = walk.os.scandir, os.lstat
    content = str(site / "content")
    monkeypatch.setattr(walk.os, "scandir", lambda path: listed.append(str(path)) or scandir(path))
    monkeypatch.setattr(os, "lstat", lambda path, *a, **k: statted.append(str(path)) or lstat(path, *a, **k))
    result = build(BuildOptions(site_dir=site, out_dir=out))
    assert result.ok and result.rendered > 0  # a real incremental build, not the shortcut
    assert [p for p in listed if p.startswith(content)] == [content, content + "/tin-hoat-dong"]
    assert [p for p in statted if p.endswith(".md")] == []  # the listing's own stats were used
