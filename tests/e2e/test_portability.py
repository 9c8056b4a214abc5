"""A system without fork(), interval timers, flock() and renameat2() (Windows, where an
editor previews): the build runs serially, indexes in its own process, swaps its output
in two renames, and publishes the same bytes.

Only the Python side of it can be shown on Linux: each POSIX call the build makes where
one exists is taken away here, and the fallback beside it must give the same site."""
from __future__ import annotations

import multiprocessing
import os
import shutil
import signal

from generator import buildlock, forked, output
from generator.pipeline import BuildOptions, build
from tests.conftest import REPO, tree

EDITED = "content/tin-hoat-dong/cong-an-xa-nghia-tru-ra-mat-mo-hinh-camera-an-ninh-do-nhan-dan-dong-gop/index.md"


def _without_posix(monkeypatch) -> None:
    for name in ("fork", "sched_getaffinity", "sched_setaffinity", "nice"):
        monkeypatch.delattr(os, name, raising=False)
    for name in ("SIGALRM", "setitimer", "ITIMER_REAL"):
        monkeypatch.delattr(signal, name, raising=False)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(buildlock, "fcntl", None)
    monkeypatch.setattr(output, "_exchange", lambda a, b: False)
    assert not forked.can_fork()


def test_without_fork_alarms_flock_or_renameat2_the_demo_builds_the_same_bytes(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(REPO / "site.toml", site)
    shutil.copytree(REPO / "content", site / "content")
    usual = build(BuildOptions(site_dir=site, out_dir=tmp_path / "usual", cache_dir=tmp_path / "cache-usual"))
    assert usual.ok, usual.problems

    _without_posix(monkeypatch)
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
    assert build(BuildOptions(site_dir=site, out_dir=tmp_path / "clean", use_cache=False)).ok
    assert tree(tmp_path / "bare") == tree(tmp_path / "clean")
