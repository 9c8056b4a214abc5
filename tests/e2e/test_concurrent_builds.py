"""Two builds into one output at once (an editor's `make site` while CI publishes): the second
waits for the first, says so, and the output ends as a clean build of the newest input."""
from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from generator.buildlock import output_lock
from generator.pipeline import BuildOptions, build
from tests.conftest import REPO, clean_tree, numbered_articles, tree
from tests.e2e.test_crash_safety import edit_for, medium_site


def cli(site: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(REPO / "build.py"), "build", "--site", str(site), "--out", str(out),
                             "--lang", "vi"], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def lines_of(stream) -> queue.Queue:
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in stream], daemon=True).start()
    return lines


def leftovers(out: Path) -> list[str]:
    return [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.") and ".trash-" not in p.name]


def test_a_second_build_waits_for_the_one_writing_the_output_and_says_so(make_site, tmp_path):
    site = make_site(numbered_articles(5))
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    before = tree(out)
    edited = site / "content/tin-hoat-dong/bai-2.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Nội dung bài viết.", "Nội dung đã sửa."),
                      encoding="utf-8")
    with output_lock(out):  # this test process plays the build that is writing
        process = cli(site, out)
        errors = lines_of(process.stderr)
        line = errors.get(timeout=60)
        assert f"Một bản dựng khác (tiến trình {os.getpid()}) đang ghi vào" in line and str(out) in line
        time.sleep(0.5)
        assert process.poll() is None, "it must wait, not build"
        assert tree(out) == before
    assert process.wait(timeout=120) == 0
    assert "Nội dung đã sửa." in (out / "tin-hoat-dong/bai-so-2/index.html").read_text(encoding="utf-8")
    assert tree(out) == clean_tree(site, tmp_path / "clean")
    assert leftovers(out) == []


def test_two_builds_at_once_end_with_the_newest_input(tmp_path):
    site, out = tmp_path / "site", tmp_path / "out"
    medium_site(site)
    assert subprocess.run([sys.executable, str(REPO / "build.py"), "build", "--site", str(site), "--out", str(out)],
                          cwd=REPO, capture_output=True, timeout=180).returncode == 0
    edit_for("stage", site)  # the title on every page: the first build re-renders them all
    first = cli(site, out)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".out.staging-*")) and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)  # the first is writing its new output now
    edit_for("patch", site)
    second = cli(site, out)
    assert first.wait(timeout=180) == 0, first.stderr.read()
    assert second.wait(timeout=180) == 0, second.stderr.read()
    assert tree(out) == clean_tree(site, tmp_path / "clean")
    assert leftovers(out) == []
    shutil.rmtree(tmp_path / "clean")
