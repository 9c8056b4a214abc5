"""Each shard's finished search bundle, kept in the build cache under the shard's key.

Owns writing a shard's bundle into the cache as one sealed blob and giving it back
only whole and unchanged; must not decide which shards need one (generator/search.py
does).

Why: a build whose output folder is new (CI on a fresh clone with its `.cache`
restored, which is every publishing build there) or has lost its bundles would index
every shard again: ~22 s of a 10,000-article build. A shard's bundle is the same bytes
whenever its key is the same (pages numbered by URL: pagefind_bundle.py), so one kept
under that key is published as it is, and the last one of a shard is the base its
changed pages are spliced into (pagefind_splice.py). Beside a spliced bundle the splice's
outline of it is kept under the same key, for the next splice of that bundle. Keys carry
the generator's code stamp: after an upgrade nothing kept is trusted, as with the build's
states.
"""
from __future__ import annotations

import pickle
from pathlib import Path
from typing import Sequence

from generator.cache import BuildCache, code_stamp, digest
from generator.output import safe_relative
from generator.pagefind_splice import BundleOutline
from generator.walk import files_below

KIND = "search-bundles"
OUTLINES = "search-outlines"  # a spliced bundle's outline, for the next splice of it (pagefind_splice.py)


def _name(key: str) -> str:
    return digest(key, code_stamp())


def has(cache: BuildCache, key: str) -> bool:
    return cache.has(KIND, _name(key))


def keep(cache: BuildCache, key: str, bundle: Path, names: Sequence[str] | None = None) -> None:
    """Keep the finished bundle in the folder `bundle` as the shard's `key`'s: the files
    `names` (paths below it) or, by default, every file below it."""
    if names is None:
        names = [rel for rel, entry in files_below(bundle) if entry.is_file(follow_symlinks=False)]
    _put(cache, KIND, key, tuple((rel, (bundle / rel).read_bytes()) for rel in sorted(names)))


def fetch(cache: BuildCache, key: str, into: Path) -> bool:
    """Write the bundle kept under `key` into the folder `into` (made); False, writing
    nothing, when there is none or it is damaged."""
    files = _get(cache, KIND, key)
    try:
        if not isinstance(files, tuple) or not all(
                isinstance(rel, str) and isinstance(data, bytes) and safe_relative(rel) == rel for rel, data in files):
            return False
    except Exception:  # noqa: BLE001 – an item that is not a (path, bytes) pair, an unsafe path
        return False
    for rel, data in files:
        path = into / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return True


def keep_outline(cache: BuildCache, key: str, outline: BundleOutline) -> None:
    """Keep the outline of the bundle of the shard's `key` (~1 MB for a shard of 622 articles)."""
    _put(cache, OUTLINES, key, outline)


def fetch_outline(cache: BuildCache, key: str) -> BundleOutline | None:
    """The outline kept under `key`, or None. (The splice uses it only for the very bundle it
    was made of: BundleOutline.meta.)"""
    outline = _get(cache, OUTLINES, key)
    return outline if isinstance(outline, BundleOutline) else None


def _put(cache: BuildCache, kind: str, key: str, value) -> None:
    cache.put_bytes(kind, _name(key), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def _get(cache: BuildCache, kind: str, key: str):
    """What _put kept under `key`, or None when it is gone or damaged."""
    payload = cache.get_bytes(kind, _name(key))
    if payload is None:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # noqa: BLE001 – checked by its seal, but from another build: never trusted further
        return None


def keep_only(cache: BuildCache, keys: set[str]) -> None:
    """Drop every kept bundle and outline but those of these shard keys (a bundle is ~5 MB)."""
    names = {_name(key) for key in keys}
    cache.keep_only(KIND, names)
    cache.keep_only(OUTLINES, names)
