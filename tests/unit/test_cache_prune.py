"""Pruning the cache's blobs is a clean-up: whatever happens under it, the build goes on."""
from __future__ import annotations

import os
import shutil
import time

from generator import cache as cache_module
from generator.cache import KEEP_UNUSED_DAYS, BuildCache


def _old_blobs(cache: BuildCache, names: list[str]) -> None:
    weeks_ago = time.time() - (KEEP_UNUSED_DAYS + 1) * 86400
    for name in names:
        cache.put_text("markup", name, f"<p>{name}</p>")
        path = cache.root / "markup" / name[:2] / name
        os.utime(path, (weeks_ago, weeks_ago))


def test_old_unused_blobs_go_and_used_ones_stay(tmp_path):
    cache = BuildCache(tmp_path)
    _old_blobs(cache, ["aa01", "aa02", "bb01"])
    assert cache.prune_blobs("markup", {"aa02"}, time.time()) == 2
    assert [cache.get_text("markup", n) for n in ("aa01", "aa02", "bb01")] == [None, "<p>aa02</p>", None]


def test_a_blob_another_build_deleted_meanwhile_is_no_error(tmp_path, monkeypatch):
    cache = BuildCache(tmp_path)
    _old_blobs(cache, ["aa01", "bb01"])
    unlink = os.unlink

    def raced(path, *args, **kwargs):  # the other build was first
        unlink(path)
        raise FileNotFoundError(path)

    monkeypatch.setattr(cache_module.os, "unlink", raced)
    assert cache.prune_blobs("markup", set(), time.time()) == 0
    assert cache.get_text("markup", "aa01") is None and cache.get_text("markup", "bb01") is None


def test_a_shard_folder_removed_meanwhile_is_no_error(tmp_path, monkeypatch):
    cache = BuildCache(tmp_path)
    _old_blobs(cache, ["aa01", "bb01"])
    scandir = os.scandir

    def raced(path):
        if str(path).endswith("/aa"):
            shutil.rmtree(path)
        return scandir(path)

    monkeypatch.setattr(cache_module.os, "scandir", raced)
    assert cache.prune_blobs("markup", set(), time.time()) == 1
    assert cache.get_text("markup", "bb01") is None


def _version_folder(parent, name: str, age_days: float, state: bool = True):
    folder = parent / name
    folder.mkdir()
    if state:
        (folder / "last-build.pickle").write_bytes(b"x")
    moment = time.time() - age_days * 86400
    os.utime(folder, (moment, moment))
    return folder


def test_folders_of_other_versions_go_once_unused_for_two_weeks(tmp_path):
    cache = BuildCache(tmp_path)
    cache.save_state("last-build", {"here": True})
    old = _version_folder(tmp_path, "v1-0.0.9", KEEP_UNUSED_DAYS + 1)
    older_format = _version_folder(tmp_path, "v0-0.1.0", KEEP_UNUSED_DAYS + 30)
    recent = _version_folder(tmp_path, "v1-0.2.0", KEEP_UNUSED_DAYS - 1)
    not_ours = [_version_folder(tmp_path, "v2-2024", KEEP_UNUSED_DAYS + 30, state=False),
                _version_folder(tmp_path, "images", KEEP_UNUSED_DAYS + 30),
                _version_folder(tmp_path, "vacation", KEEP_UNUSED_DAYS + 30)]
    assert cache.prune_other_versions(time.time()) == 2
    assert not old.exists() and not older_format.exists()
    assert recent.exists() and all(folder.exists() for folder in not_ours)
    assert cache.load_state("last-build") == {"here": True}


def test_has_any_lists_the_blobs_once_for_many_keys_and_sees_what_is_gone(tmp_path, monkeypatch):
    cache = BuildCache(tmp_path)
    for name in ("aa01", "aa02", "bb01"):
        cache.put_text("markup", name, f"<p>{name}</p>")
    (cache.root / "markup" / "aa" / "aa02").unlink()
    stats = []
    isfile = os.path.isfile
    monkeypatch.setattr(cache_module.os.path, "isfile", lambda path: stats.append(path) or isfile(path))
    few = cache.has_any("markup", 3)
    many = cache.has_any("markup", cache_module.LISTING_PAYS_ABOVE + 1)
    for lookup in (few, many):
        assert [lookup(n) for n in ("aa01", "aa02", "bb01", "cc01")] == [True, False, True, False]
    assert len(stats) == 4  # the few were stat'ed one by one, the many not at all
    assert BuildCache(None).has_any("markup", 1000)("aa01") is False
