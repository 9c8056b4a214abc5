"""A system without fork(), interval timers, flock() and renameat2() (Windows, where an
editor previews): the build runs serially, indexes in its own process, swaps its output
in two renames, and publishes the same bytes.

Only the Python side of it can be shown on Linux: each POSIX call the build makes where
one exists is taken away here, and the fallback beside it must give the same site."""
from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys

from generator.pipeline import BuildOptions, build
from tests.conftest import REPO, article, text_of, tree
from tests.e2e.test_serve import Preview
from tests.without_posix import take_away

EDITED = "content/tin-hoat-dong/cong-an-xa-nghia-tru-ra-mat-mo-hinh-camera-an-ninh-do-nhan-dan-dong-gop/index.md"


def test_without_fork_alarms_flock_or_renameat2_the_demo_builds_the_same_bytes(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(REPO / "site.toml", site)
    shutil.copytree(REPO / "content", site / "content")
    shutil.copytree(REPO / "static", site / "static")
    usual = build(BuildOptions(site_dir=site, out_dir=tmp_path / "usual", cache_dir=tmp_path / "cache-usual"))
    assert usual.ok, usual.problems

    take_away(monkeypatch)
    # Its photos as the usual build made them (photo workers are started afresh, never forked,
    # and take nothing of what this process lacks): the pages are all made without them.
    shutil.copytree(tmp_path / "cache-usual/images", tmp_path / "cache-bare/images")
    bare = BuildOptions(site_dir=site, out_dir=tmp_path / "bare", cache_dir=tmp_path / "cache-bare")
    first = build(bare)
    assert first.ok, first.problems
    assert sorted(map(str, first.problems)) == sorted(map(str, usual.problems))
    assert tree(tmp_path / "bare") == tree(tmp_path / "usual")

    # An editor's save: the incremental build, its search splice and its patch of the output.
    edited = site / EDITED
    edited.write_text(edited.read_text(encoding="utf-8") + "\nCâu thêm vào khi sửa bài.\n", encoding="utf-8")
    second = build(bare)
    assert second.ok and 0 < second.rendered < second.pages, (second.problems, second.rendered)
    monkeypatch.undo()
    # The reference is the usual build of the same save (an incremental build equals a clean one:
    # test_incremental.py), which reuses its photos where a clean build would encode them a third time.
    assert build(BuildOptions(site_dir=site, out_dir=tmp_path / "usual", cache_dir=tmp_path / "cache-usual")).ok
    assert tree(tmp_path / "bare") == tree(tmp_path / "usual")


def test_without_them_the_preview_shows_a_saved_edit(make_site):
    """`serve`, as an editor on Windows starts it: its first build, a save, the reload."""
    site = make_site({"content/tin-hoat-dong/ra-quan.md": article("Ra quân", body="Sáng nay lực lượng ra quân.\n")})
    preview = Preview(site, launcher=REPO / "tests/without_posix.py")
    try:
        first = preview.next_reload()  # (the stream names the current build on connect)
        page = site / "content/tin-hoat-dong/ra-quan.md"
        page.write_text(page.read_text(encoding="utf-8").replace("Sáng nay", "Chiều nay"), encoding="utf-8")
        assert preview.next_reload(seconds=30) == first + 1
        assert "Chiều nay lực lượng ra quân." in text_of(preview.page("/tin-hoat-dong/ra-quan/"))
    finally:
        told = preview.stop()
    assert "Traceback" not in told, told


def test_output_to_a_windows_pipe_or_file_is_utf8_not_a_traceback(make_site):
    """On Windows a pipe or a file (`build > log.txt`, a CI runner) is cp1252 to Python, which
    has no 'Đ': the build stopped at its first message with a traceback, after publishing."""
    site = make_site({"content/tin-hoat-dong/bai.md": article("Bài viết", unit="khong-co")})
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    for command in (["build", "--site", str(site)], ["check", "--site", str(site)]):
        done = subprocess.run([sys.executable, str(REPO / "build.py"), *command], capture_output=True, env=env,
                              timeout=120)
        told = done.stderr.decode("utf-8") + done.stdout.decode("utf-8")
        assert done.returncode == 1 and "Traceback" not in told, told
        assert "content/tin-hoat-dong/bai.md:4: error[unknown-unit]: " in told and "đơn vị" in told, told
    fixed = site / "content/tin-hoat-dong/bai.md"
    fixed.write_text(article("Bài viết"), encoding="utf-8")
    done = subprocess.run([sys.executable, str(REPO / "build.py"), "build", "--site", str(site)],
                          capture_output=True, env=env, timeout=120)
    assert done.returncode == 0 and done.stdout.decode("utf-8").startswith("Đã dựng "), done.stderr


def test_a_file_held_open_for_a_moment_on_windows_is_replaced_once_it_is_let_go(make_site, tmp_path, monkeypatch):
    """On Windows a file another process holds open (an antivirus scanning what was just
    written, the preview's server sending that page) cannot be replaced or renamed: each such
    PermissionError here passes after one try, as it does there within moments."""
    from generator import held_files
    site = make_site({f"content/tin-hoat-dong/bai-{n}.md": article(f"Bài số {n}", f"2026-01-0{n + 1}")
                      for n in range(3)})
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    held: set[str] = set()
    real = {"replace": os.replace, "rename": os.rename, "unlink": pathlib.Path.unlink}

    def held_once(name):
        def attempt(source, *rest, **options):
            target = rest[0] if rest and name != "unlink" else source
            key = f"{name}:{target}"
            if str(target).startswith(str(tmp_path)) and key not in held:
                held.add(key)
                raise PermissionError(13, "The process cannot access the file because it is being used")
            return real[name](source, *rest, **options)
        return attempt

    take_away(monkeypatch)  # as on Windows: no flock, no renameat2 (output is swapped by renames)
    monkeypatch.setattr(held_files, "LOCKS_PASS", True)
    monkeypatch.setattr(held_files, "LOCK_PAUSES", (0.001,) * 5)
    monkeypatch.setattr(os, "replace", held_once("replace"))
    monkeypatch.setattr(os, "rename", held_once("rename"))
    monkeypatch.setattr(pathlib.Path, "unlink", held_once("unlink"))
    edited = site / "content/tin-hoat-dong/bai-1.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nĐính chính.\n", encoding="utf-8")
    real["unlink"](site / "content/tin-hoat-dong/bai-2.md")  # its page and its feed entry go
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok  # an edit and a removal
    assert {key.partition(":")[0] for key in held} == {"replace", "rename", "unlink"}, held
    assert build(BuildOptions(site_dir=site, out_dir=out, use_cache=False)).ok  # a swap of the whole output
    monkeypatch.undo()
    assert build(BuildOptions(site_dir=site, out_dir=tmp_path / "clean", use_cache=False)).ok
    assert tree(out) == tree(tmp_path / "clean")
