"""A build stopped by SIGTERM (how a CI runner cancels a job) stops as Ctrl+C stops it: at once,
one line said, exit 143, the published site as it was, no lock left, no worker left running.
It ended by the default action while loading and, once running, waited for every photo queued
in its pool to be encoded (20–30 s), then printed multiprocessing's warnings of leaked semaphores."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import REPO, article
from tests.photos import phone_jpeg


@pytest.mark.timed
def test_sigterm_while_photos_are_encoded_stops_the_build_at_once(make_site, tmp_path):
    photos = {f"content/tin-hoat-dong/bai-{i}/anh.jpg": phone_jpeg(3000, 2000) for i in range(6)}
    bodies = {f"content/tin-hoat-dong/bai-{i}/index.md": article(f"Bài {i}", body="![Ảnh hiện trường](anh.jpg)")
              for i in range(6)}
    site = make_site({**photos, **bodies})
    out = tmp_path / "public"
    process = subprocess.Popen([sys.executable, str(REPO / "build.py"), "build", "--site", str(site), "--out", str(out),
                                "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    images = site / ".cache"
    deadline = time.monotonic() + 60
    while not any(images.rglob("*.avif")) and not any(images.rglob(".tmp-*")) and time.monotonic() < deadline:
        time.sleep(0.05)  # until the photo workers are at work
    assert process.poll() is None, "the build ended before its photos were encoded"
    children = _children_of(process.pid)
    assert children  # (the photo workers, and multiprocessing's resource tracker)
    stopped = time.monotonic()
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    took = time.monotonic() - stopped
    assert process.returncode == 128 + signal.SIGTERM
    assert err.strip().splitlines()[-1] == "Đã dừng theo yêu cầu: bản đã xuất bản vẫn nguyên vẹn.", err
    assert "Traceback" not in err and "leaked" not in err, err
    assert took < 5, f"stopped {took:.1f} s after SIGTERM"
    assert not out.exists() and not any(name.startswith(".public.") for name in os.listdir(tmp_path))
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in children if _alive(pid)] == []


def _children_of(parent: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as stat:
                if entry.isdigit() and int(stat.read().rsplit(")", 1)[1].split()[1]) == parent:
                    found.append(int(entry))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _alive(pid: int) -> bool:
    """Running still (a zombie not yet reaped by its parent, gone, is not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.timed
def test_children_forked_under_the_builds_sigterm_handler_stop_at_once_and_quietly(tmp_path):
    """The build takes SIGTERM as Ctrl+C (a Python handler), which each child it forks inherited: a
    child the build stopped at once (the symlink walk, after an error) raised Terminated in Python's
    at-fork hooks ("Exception ignored in: … Traceback" among the build's messages), or lost the
    signal and ran its work to the end while the build waited for it."""
    script = tmp_path / "stop.py"
    script.write_text(f"""
import os, sys, time
sys.path.insert(0, {str(REPO)!r})
from pathlib import Path
from generator import cli, forked
cli._take_sigterm_as_ctrl_c()
for n in range(200):
    forked.ForkedWork(lambda: time.sleep(10), Path({str(tmp_path)!r}) / f"note-{{n}}").stop()
print("done")
""", encoding="utf-8")
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "done", done.stdout + done.stderr
    assert done.stderr == ""
    assert time.monotonic() - started < 20  # (200 children stopped; one that ran its work took 10 s)
