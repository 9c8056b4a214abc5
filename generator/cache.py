"""The build cache in `.cache/` (or --cache-dir): what a later build may reuse.

Owns the cache folder's layout and its integrity. Two kinds of entries:
blobs (content-addressed text, e.g. converted Markdown) and the state of
the last build (a pickle of plain data). Every entry carries a checksum; an
entry that fails it is discarded and rebuilt, never trusted. The key of an
entry must include everything that changes its value — that is the caller's
job; this module only stores and checks.
"""
from __future__ import annotations

import copyreg
import functools
import hashlib
import io
import math
import os
import pickle
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Collection

from generator import __version__
from generator.held_files import patiently
from generator.memo import Memo
from generator.walk import files_below

CACHE_DIR = ".cache"
# What no build needs any more leaves the cache after this many days: a replaced photo's
# variants (imageproc.py), an edited article's converted body, another version's folder.
# Until then switching back, e.g. to another git branch, costs nothing.
KEEP_UNUSED_DAYS = 14
_VERSION_FOLDER = re.compile(r"v[0-9]+-[0-9][0-9A-Za-z.+-]*")  # v<FORMAT>-<version>, as __init__ names it
# Keys asked of a kind above which one listing of its folders beats a stat per key.
LISTING_PAYS_ABOVE = 256
_PRUNED_ON = ".pruned-on"  # in a kind's folder: the day (since 1970) its blobs were last looked through
FORMAT = 1  # bump when the layout of entries changes
_CHECK_LEN = 32


def digest(*parts: str | bytes) -> str:
    """A stable hex key of the parts (length-prefixed, so ('ab','c') ≠ ('a','bc'))."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def text_digest(text: str) -> str:
    """A stable hex key of one text, cheaper than digest(text) (no length prefix): for hot
    paths, such as the signature of each of 14,000 pages."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def seal(payload: bytes) -> bytes:
    """`payload` behind a check of it, so that a damaged copy is told from a good one (`read_sealed`)."""
    return hashlib.blake2b(payload, digest_size=_CHECK_LEN).digest() + payload


def _unseal(data: bytes) -> memoryview | None:
    """The payload after its check, without copying it (a state is tens of MB at 100,000 articles)."""
    view = memoryview(data)
    check, payload = view[:_CHECK_LEN], view[_CHECK_LEN:]
    if len(check) != _CHECK_LEN or hashlib.blake2b(payload, digest_size=_CHECK_LEN).digest() != check:
        return None
    return payload


def read_sealed(path: Path) -> memoryview | None:
    """The payload of the sealed file at `path`; None when it is gone, unreadable or fails its check."""
    try:
        return _unseal(path.read_bytes())
    except OSError:
        return None


class _CheckedWriter:
    """A file the pickler streams into, hashing what passes for the check written before it."""

    def __init__(self, handle):
        self.handle = handle
        self.check = hashlib.blake2b(digest_size=_CHECK_LEN)

    def write(self, data) -> int:
        self.check.update(data)
        return self.handle.write(data)


@functools.cache
def code_stamp() -> bytes:
    """A digest of the generator's own code. A state is what some version of that code made
    of the site (an article as read_article answered, a page's signature as incremental.py
    drew it): saved with this stamp, it is not trusted by any other version. The blobs have
    keys of their own (markup settings, images.PROCESS_VERSION): photos are not encoded
    again after an upgrade that does not change them."""
    check = hashlib.blake2b(digest_size=16)
    for source in sorted(Path(__file__).parent.glob("*.py")):
        check.update(source.name.encode("utf-8") + b"\0" + source.read_bytes() + b"\0")
    return check.digest()


def _write_sealed_pickle(path: Path, value: Any) -> None:
    """What `seal(pickle.dumps(value))` would be, streamed: the pickler writes frame by frame
    and the check goes in front at the end, so the payload is never held whole (twice, with
    the seal's concatenation: ~90 MB at the end of a 100,000-article build)."""
    def fill(handle) -> None:
        handle.write(bytes(_CHECK_LEN))
        writer = _CheckedWriter(handle)
        writer.write(code_stamp())
        pickle.dump(value, writer, protocol=pickle.HIGHEST_PROTOCOL)
        handle.seek(0)
        handle.write(writer.check.digest())
    _replace_atomically(path, fill)


class _PlainUnpickler(pickle.Unpickler):
    """Reads plain values alone: a class named in a plain file is refused, not imported."""

    def find_class(self, module: str, name: str):
        raise pickle.UnpicklingError(f"{module}.{name} is no plain value")


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temp file in the same folder and a rename: readers see old or new, never half."""
    _replace_atomically(path, lambda handle: handle.write(data))


def _replace_atomically(path: Path, fill: Callable[[Any], Any]) -> None:
    """`fill(handle)` writes a temp file in the same folder, renamed to `path` once whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
        patiently(os.replace, tmp, path)
    except OSError as failed:
        Path(tmp).unlink(missing_ok=True)
        if failed.filename is None:  # a write to a full disk names no file: it was told as the output's
            raise OSError(failed.errno, failed.strerror, str(path)) from failed
        raise
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_only_map(items: dict) -> MappingProxyType:
    return MappingProxyType(items)


# Frozen records keep their maps as read-only proxies (model.frozen_map), which
# pickle cannot store by itself: a proxy is saved as its dict and loaded as a proxy.
copyreg.pickle(MappingProxyType, lambda proxy: (_read_only_map, (dict(proxy),)))


@dataclass(frozen=True)
class MapState:
    """A map saved with BuildCache.save_map, as loaded: `entries` by key, `meta`
    (anything else the saver keeps with it), and the full save it came from."""

    entries: dict
    meta: Any = None
    base: dict | None = None


# A map of 10,000 entries pickles in ~0.1 s: a build that changed a few of them saves
# only those (a delta on the last full save), until they pass a twentieth of the map.
DELTA_SHARE = 20
DELTA_MIN = 64


class BuildCache:
    """A folder of sealed entries; a disabled cache (root None) stores nothing.

    With a `memo` (generator/memo.py, the live preview) the build's states live
    in memory: each is read from disk once per process and later saves replace
    it in memory only, which spares every rebuild ~0.2 s of pickling at 10,000
    articles. The disk then keeps an older state, which is safe: every state
    is checked against what it describes (file stats, content digests, the
    output folder) before anything in it is trusted. States are read-only to
    their users: load_state may return the very object that was saved.

    A `read_only` cache (`check`) answers from what the builds saved and saves
    nothing: its stages compute what it lacks and keep it in memory.
    """

    def __init__(self, root: Path | None, memo: Memo | None = None, read_only: bool = False):
        self.root = root / f"v{FORMAT}-{__version__}" if root is not None else None
        self.read_only = read_only
        self.states = memo.table("cache-states", lasting=True) if memo is not None and root is not None else None
        # Of those, the very objects the disk holds (read from it, or written by write_remembered).
        self.on_disk = memo.table("cache-states-on-disk", lasting=True) if self.states is not None else None
        self.other_version: set[str] = set()  # states found, but saved by another version of the generator

    @property
    def enabled(self) -> bool:
        return self.root is not None

    def _blob_path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / key

    def get_text(self, kind: str, key: str) -> str | None:
        payload = self.get_bytes(kind, key)
        if payload is None:
            return None
        try:
            return str(payload, "utf-8")
        except UnicodeDecodeError:
            return None

    def prune_blobs(self, kind: str, used: Collection[str], now: float) -> int:
        """Delete the `kind` blobs that are not in `used` (the keys the last build
        needed) and were written more than KEEP_UNUSED_DAYS before `now`; returns
        how many. Looks through the blobs at most once a day: a walk of every
        blob is not worth paying on each of an editor's many builds."""
        if self.root is None or self.read_only:
            return 0
        folder = self.root / kind
        today = str(int(now // 86400))
        stamp = folder / _PRUNED_ON
        try:
            if stamp.read_text(encoding="ascii") == today:
                return 0
        except (OSError, UnicodeDecodeError):
            pass
        # By the time it was written, not last used: a blob's mtime never changes, and
        # one needed again after it is deleted is only converted again (milliseconds).
        deleted = self._delete_unused(kind, used, now - KEEP_UNUSED_DAYS * 86400)
        try:
            write_atomic(stamp, today.encode("ascii"))
        except OSError:
            pass
        return deleted

    def _delete_unused(self, kind: str, used: Collection[str], written_before: float) -> int:
        """Delete the `kind` blobs not in `used` written before `written_before`; returns how many.
        A temp file of write_atomic is another writer's until it is an hour old (then its writer
        was killed)."""
        temp_before = min(written_before, time.time() - 3600)
        try:
            shards = [entry.path for entry in os.scandir(self.root / kind) if entry.is_dir(follow_symlinks=False)]
        except OSError:
            return 0
        deleted = 0
        # Another build sharing this cache may prune at the same moment: what vanishes
        # under us is simply gone already. A failed clean-up never fails the build.
        for shard in shards:
            try:
                with os.scandir(shard) as entries:
                    stale = [entry.path for entry in entries if entry.name not in used
                             and entry.is_file(follow_symlinks=False)
                             and entry.stat(follow_symlinks=False).st_mtime
                             < (temp_before if entry.name.startswith(".tmp-") else written_before)]
            except OSError:
                continue
            for path in stale:
                try:
                    os.unlink(path)
                    deleted += 1
                except OSError:
                    pass
        return deleted

    def prune_other_versions(self, now: float) -> int:
        """Delete the folders other generator versions (or cache formats) left beside
        this one once nothing has been saved in them for KEEP_UNUSED_DAYS; returns how many.
        Only folders that look like ours: named like the version folder, holding a state."""
        if self.root is None or self.read_only:
            return 0
        cutoff = now - KEEP_UNUSED_DAYS * 86400
        deleted = 0
        try:
            siblings = [entry for entry in os.scandir(self.root.parent) if entry.name != self.root.name
                        and _VERSION_FOLDER.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False)]
        except OSError:
            return 0
        for entry in siblings:
            try:  # a build that changes anything saves a state into its folder: a new mtime
                if entry.stat(follow_symlinks=False).st_mtime >= cutoff or \
                        not any(Path(entry.path).glob("*.pickle")):
                    continue
            except OSError:
                continue
            shutil.rmtree(entry.path, ignore_errors=True)
            deleted += 1
        return deleted

    def has(self, kind: str, key: str) -> bool:
        # Asked for every article on every build: a string path, not three Path joins.
        return self.root is not None and os.path.isfile(f"{self.root}/{kind}/{key[:2]}/{key}")

    def has_any(self, kind: str, asked: int) -> Callable[[str], bool]:
        """`has` for about `asked` keys: above LISTING_PAYS_ABOVE, one listing of the
        kind's 256 folders (15–20 ms at 10,000 blobs) instead of a stat per key (35–70 ms).
        A blob written after the listing counts as missing: it is only converted again."""
        if self.root is None or asked <= LISTING_PAYS_ABOVE:
            return functools.partial(self.has, kind)
        present = {entry.name for _, entry in files_below(self.root / kind, skip_unreadable=True)
                   if entry.is_file(follow_symlinks=False)}
        return present.__contains__

    def put_text(self, kind: str, key: str, text: str) -> None:
        self.put_bytes(kind, key, text.encode("utf-8"))

    def put_bytes(self, kind: str, key: str, data: bytes) -> None:
        if self.root is not None and not self.read_only:
            write_atomic(self._blob_path(kind, key), seal(data))

    def get_bytes(self, kind: str, key: str) -> memoryview | None:
        """The blob's bytes, or None when it is gone or fails its check."""
        return read_sealed(self._blob_path(kind, key)) if self.root is not None else None

    def keep_only(self, kind: str, used: Collection[str]) -> int:
        """Delete at once the `kind` blobs whose key is not in `used`; returns how many.
        For kinds of a few large blobs that only the last build needs (search bundles)."""
        if self.root is None or self.read_only:
            return 0
        return self._delete_unused(kind, used, math.inf)

    def load_state(self, name: str) -> Any:
        """The object saved under `name` by the last build, or None."""
        if self.root is None:
            return None
        path = self.root / f"{name}.pickle"
        if self.states is not None:
            return self.states.recall(name, (), lambda: self._read_from_disk(name, path))
        return self._read_state(name, path)

    def _read_from_disk(self, name: str, path: Path) -> Any:
        found = self._read_state(name, path)
        self.on_disk.put(name, (), found)
        return found

    def write_remembered(self) -> int:
        """Write to disk the states the memo holds that the disk does not (the preview, while
        the editor pauses and when it stops), so that its next session starts from them.
        Returns how many were written."""
        if self.states is None or self.read_only:
            return 0
        written = 0
        for name, value in self.states.items():
            if self.on_disk.latest(name) is not value:
                _write_sealed_pickle(self.root / f"{name}.pickle", value)
                self.on_disk.put(name, (), value)
                written += 1
        return written

    def _read_state(self, name: str, path: Path) -> Any:
        payload = read_sealed(path)
        stamp = code_stamp()
        if payload is None:
            return None
        if payload[:len(stamp)] != stamp:  # (another version's: not even unpickled)
            self.other_version.add(name)
            return None
        try:
            # The checksum guards against torn or corrupted files; the cache is ours,
            # inside the site folder, so its pickles are as trusted as the site.
            return pickle.loads(payload[len(stamp):])
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
            return None

    def load_map(self, name: str) -> MapState:
        """The map saved under `name` (empty when there is none)."""
        base = self.load_state(name)
        if not isinstance(base, dict) or not isinstance(base.get("entries"), dict):
            return MapState({})
        delta = self.load_state(f"{name}-delta")
        if not isinstance(delta, dict) or delta.get("base") != base.get("id"):
            return MapState(base["entries"], base.get("meta"), base)
        entries = {**base["entries"], **delta["entries"]}
        for key in delta["removed"]:
            entries.pop(key, None)
        return MapState(entries, delta.get("meta"), base)

    def save_map(self, name: str, loaded: MapState, entries: dict, meta: Any = None, always: bool = False) -> None:
        """Save `entries` (the map as it is now; entries the same objects as in
        `loaded`, the last load, where unchanged) and `meta`. When every entry is
        the one loaded, nothing is written and the saved `meta` stays as it was,
        unless `always`."""
        if not always and entries.keys() == loaded.entries.keys() and all(
                loaded.entries[key] is entry for key, entry in entries.items()):
            return
        old = loaded.base["entries"] if loaded.base is not None else {}
        changed = {key: entry for key, entry in entries.items() if old.get(key) is not entry}
        removed = sorted(old.keys() - entries.keys())
        if loaded.base is not None and len(changed) + len(removed) <= max(DELTA_MIN, len(entries) // DELTA_SHARE):
            self.save_state(f"{name}-delta", {"base": loaded.base["id"], "entries": changed, "removed": removed,
                                              "meta": meta})
            return
        self.save_state(f"{name}-delta", None)  # first: a crash in between leaves no delta for the new base
        self.save_state(name, {"id": os.urandom(8).hex(), "entries": entries, "meta": meta})

    def save_plain(self, name: str, value: Any) -> None:
        """Save `value` (plain values only: dicts, lists, tuples, strings, bytes, numbers) where
        any version of the generator reads it back: no code stamp, unlike the states, and beside
        the versions' folders, not in this one's."""
        if self.root is not None and not self.read_only:
            write_atomic(self._plain_path(name), seal(pickle.dumps(value, protocol=4)))

    def load_plain(self, name: str) -> Any:
        """What save_plain saved under `name`, by whatever version; None when there is none, or it
        is damaged or holds more than plain values."""
        payload = read_sealed(self._plain_path(name)) if self.root is not None else None
        if payload is None:
            return None
        try:
            return _PlainUnpickler(io.BytesIO(payload)).load()
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError, IndexError):
            return None

    def holds_plain(self, name: str) -> bool:
        return self.root is not None and self._plain_path(name).is_file()

    def _plain_path(self, name: str) -> Path:
        return self.root.parent / f"{name}.plain"

    def save_state(self, name: str, value: Any) -> None:
        if self.read_only:
            return
        if self.states is not None:
            self.states.put(name, (), value)
        elif self.root is not None:
            _write_sealed_pickle(self.root / f"{name}.pickle", value)
