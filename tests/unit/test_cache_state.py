"""Saved states and cached texts: sealed by a check, written whole or not at all."""
from __future__ import annotations

import pickle

import pytest

from generator.cache import BuildCache


def _state_file(cache: BuildCache, name: str):
    return cache.root / f"{name}.pickle"


def test_a_saved_state_comes_back_and_a_damaged_one_is_not_trusted(tmp_path):
    cache = BuildCache(tmp_path)
    value = {f"bai-{i}/index.html": (f"chu-ky-{i}", i, i * 3) for i in range(20000)}
    cache.save_state("pages", value)
    assert BuildCache(tmp_path).load_state("pages") == value

    path = _state_file(cache, "pages")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped bit in the payload
    path.write_bytes(bytes(data))
    assert BuildCache(tmp_path).load_state("pages") is None

    path.write_bytes(path.read_bytes()[:100])  # torn
    assert BuildCache(tmp_path).load_state("pages") is None


def test_a_state_that_cannot_be_pickled_leaves_the_last_one_and_no_temporary(tmp_path):
    cache = BuildCache(tmp_path)
    cache.save_state("pages", {"a": 1})
    with pytest.raises((pickle.PicklingError, TypeError, AttributeError)):
        cache.save_state("pages", {"a": 1, "b": lambda: None})
    assert BuildCache(tmp_path).load_state("pages") == {"a": 1}
    assert [p.name for p in cache.root.iterdir()] == ["pages.pickle"]


def test_a_state_saved_by_another_version_of_the_generator_is_not_trusted(tmp_path, monkeypatch):
    """A state is what one version of the code made of the site; after an upgrade it is
    rebuilt, not read back (not even unpickled: its classes may have changed shape)."""
    from generator import cache as cache_module
    BuildCache(tmp_path).save_state("articles", {"a.md": ("digest", "bài")})
    assert BuildCache(tmp_path).load_state("articles") == {"a.md": ("digest", "bài")}
    monkeypatch.setattr(cache_module, "code_stamp", lambda: b"\x01" * 16)
    assert BuildCache(tmp_path).load_state("articles") is None
