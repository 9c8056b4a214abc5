"""Rendered pages kept in the build cache, named by the digest of their bytes.

Owns keeping a page this build rendered and giving a kept one back only while its
bytes still have that digest; must not decide which pages may be taken from it
(rendering.py does: those whose signature equals the one the last build recorded
beside the digest).

Why: a build into a new output folder (CI on a fresh clone with its `.cache`
restored, which is every publishing build there) rendered every page again, ~10 s
at 10,000 articles, though the last build's state says which bytes each signature
gave. A page is kept as a hard link to the file the build published: no copy, no
disk (~30 µs a page, with its digest). The output never writes through a link
(output.py replaces a file by a new inode); a kept file someone changed in place
through the output fails its digest and is never published. Where the cache is on
another file system than the output, nothing is kept.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from generator.cache import BuildCache

KIND = "page-files"


def content_key(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class PageKeeper:
    """The cache's folder of kept pages, as one build (or one of its workers) uses it."""

    def __init__(self, cache: BuildCache):
        self.folder = str(cache.root / KIND) if cache.enabled and not cache.read_only else None

    def _path(self, key: str) -> str:
        return f"{self.folder}/{key[:2]}/{key}"

    def keep(self, published: Path, data: bytes) -> str | None:
        """Keep the page just written at `published` (holding `data`); its key, None when
        nothing can be kept."""
        if self.folder is None:
            return None
        key = content_key(data)
        path = self._path(key)
        try:
            os.link(published, path)
        except FileNotFoundError:  # the first of its folder
            try:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                os.link(published, path)
            except FileExistsError:
                pass
            except OSError:
                self.folder = None
                return None
        except FileExistsError:  # the same bytes, kept before (two pages alike, or an earlier build)
            pass
        except OSError:  # another file system, or links not allowed: this process keeps nothing
            self.folder = None
            return None
        return key

    def path_of(self, key: str) -> str:
        return self._path(key)

    def take(self, key: str) -> bytes | None:
        """The bytes kept under `key` (at path_of(key)), or None when gone or no longer those
        bytes (the damaged file is dropped, so the page rendered instead is kept in its place)."""
        if self.folder is None:
            return None
        path = self._path(key)
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        if content_key(data) != key:
            try:
                os.unlink(path)
            except OSError:
                pass
            return None
        return data


def _keys(state: dict | None) -> set[str]:
    pages = state.get("pages") if isinstance(state, dict) else None
    return {entry[3] for entry in pages.values() if len(entry) > 3} if isinstance(pages, dict) else set()


def forget_replaced(cache: BuildCache, before: dict | None, after: dict, now: float) -> None:
    """After a build: drop the kept pages the last build's state named and this one's does not
    (pages since replaced or removed), and, once a day, any other one written more than
    cache.KEEP_UNUSED_DAYS ago that it does not name (a failed build's)."""
    keeper = PageKeeper(cache)
    if keeper.folder is None:
        return
    used = _keys(after)
    for key in _keys(before) - used:
        try:
            os.unlink(keeper._path(key))
        except OSError:
            pass
    cache.prune_blobs(KIND, used, now)
