"""The planted-symlink check walks the output in a forked child; its answer errs on the safe side."""
from __future__ import annotations

import os
import signal
import time

import pytest

from generator import output
from generator.output import SymlinkCheck


def _output(tmp_path):
    out = tmp_path / "out"
    (out / "tin" / "bai").mkdir(parents=True)
    (out / "tin" / "bai" / "index.html").write_text("<p>bài</p>", encoding="utf-8")
    return out


def test_a_clean_output_has_none_and_a_planted_link_deep_inside_is_found(tmp_path):
    out = _output(tmp_path)
    assert SymlinkCheck(out).found() is False
    (out / "tin" / "bai" / "anh.jpg").symlink_to("/etc/hostname")
    assert SymlinkCheck(out).found() is True


@pytest.fixture
def slow_walk(monkeypatch):
    """A walk that would take a minute (the child inherits the patched function)."""
    monkeypatch.setattr(output, "has_symlinks", lambda out_dir: time.sleep(60))


def test_a_walk_that_dies_counts_as_a_link_found(tmp_path, slow_walk):
    check = SymlinkCheck(_output(tmp_path))
    os.kill(check._child.pid, signal.SIGKILL)
    assert check.found() is True


def test_a_build_that_fails_first_stops_and_reaps_the_walk(tmp_path, slow_walk):
    check = SymlinkCheck(_output(tmp_path))
    pid = check._child.pid
    started = time.monotonic()
    check.close()
    assert time.monotonic() - started < 10
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
