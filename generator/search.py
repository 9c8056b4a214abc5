"""The static full-text search index (Pagefind) over the built pages.

Owns running the Pagefind indexer over the article pages as they will be
published (in the staged folder or the patch), before the swap, so a failed
index never publishes; and skipping it when no article page changed. Only article bodies are
indexed (the layouts mark them `data-pagefind-body`, with unit, category and
campaign as filters). The search page's script (assets/js/search.js) closes
Pagefind's đ→d gap by also asking for the đ-spelling of words typed with d,
so excerpts stay the article's own words.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path
from typing import Mapping, Sequence

from pagefind_bin import get_executable

from generator.incremental import ALWAYS
from generator.model import Page
from generator.walk import files_below

BUNDLE_DIR = "pagefind"
# Pagefind ships several ready-made interfaces; the portal uses its own small one.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
           "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")


class SearchIndexFailed(RuntimeError):
    """The indexer did not finish: a bug or a broken install, never an editor's mistake."""


# Pagefind cannot update an index in place, and indexing 10,000 pages takes
# tens of seconds. A large portal is therefore indexed in shards by a stable
# hash of each page's path: an edit re-indexes the one shard holding the page.
# The search page merges the shards (Pagefind's mergeIndex).
SHARD_PAGES = 500
SINGLE_SHARD_UP_TO = 600
SHARDS_MANIFEST = "pagefind-shards.json"


def shard_count(pages: int) -> int:
    """1 for a small portal; else a power of two giving ≤ SHARD_PAGES per shard (stable as it grows)."""
    if pages <= SINGLE_SHARD_UP_TO:
        return 1
    count = 2
    while pages / count > SHARD_PAGES:
        count *= 2
    return count


def shard_dir(number: int) -> str:
    return BUNDLE_DIR if number == 0 else f"{BUNDLE_DIR}-{number:02d}"


def shard_of(output_path: str, count: int) -> int:
    return int(hashlib.sha256(output_path.encode("utf-8")).hexdigest()[:8], 16) % count


def update_index(target, articles: Sequence[Page], signatures: Mapping[str, str], previous: dict | None) -> dict:
    """Write the search bundle(s) into `target` (an output.Stage or Patch).

    Returns the key of each shard's indexed pages; a shard whose key equals the
    last build's, and whose bundle is still in place, is kept as it is.
    """
    version = metadata.version("pagefind_bin")
    previous = previous or {}
    old_keys = previous.get("search") if isinstance(previous.get("search"), dict) else {}
    same_out = previous.get("out") == str(target.out_dir)
    count = shard_count(len(articles))
    shards: list[list[Page]] = [[] for _ in range(count)]
    for page in articles:
        shards[shard_of(page.output_path, count)].append(page)
    keys, stale = {}, []
    previous_files: dict[str, list[str]] = {}
    for rel in previous.get("outputs", ()):
        previous_files.setdefault(rel.split("/", 1)[0], []).append(rel)
    for number, pages in enumerate(shards):
        folder = shard_dir(number)
        key = hashlib.sha256(json.dumps([version, count, sorted((p.output_path, signatures.get(p.output_path, ""))
                                                                for p in pages)]).encode()).hexdigest()
        keys[folder] = key
        old_bundle = [rel for rel in previous_files.get(folder, ()) if "/" in rel]
        if (ALWAYS not in (signatures.get(p.output_path) for p in pages) and old_keys.get(folder) == key
                and old_bundle and same_out and _files_under(target.path_of(folder), folder).issuperset(old_bundle)):
            for rel in old_bundle:
                target.keep(rel)
            continue
        if pages:  # Pagefind refuses an empty site; an empty portal's search page lists categories
            stale.append((pages, folder))
    _index_shards(target, stale)
    # Always written (an empty list for one shard), so the search page never meets a 404.
    manifest = [shard_dir(n) + "/" for n in range(1, count) if shards[n]]
    target.write(SHARDS_MANIFEST, json.dumps(manifest).encode("utf-8"))
    return keys


def _files_under(base: Path, prefix: str) -> set[str]:
    """The files below `base`, as `prefix/…` paths: one listing per folder, not a stat per file."""
    return {f"{prefix}/{rel}" for rel, entry in files_below(base, skip_unreadable=True)
            if entry.is_file(follow_symlinks=False)}


def keep_index(target, previous: dict | None) -> dict:
    """Leave the last build's search files as they are (a quick preview rebuild);
    their old keys are returned, so the next full build re-indexes what changed."""
    previous = previous or {}
    if previous.get("out") != str(target.out_dir):
        return {}
    listed: dict[str, set[str]] = {}  # one listing per bundle folder, not a stat per file
    for rel in previous.get("outputs", ()):
        folder = rel.split("/", 1)[0]
        if folder.startswith(BUNDLE_DIR):
            if folder not in listed:
                listed[folder] = (_files_under(target.path_of(folder), folder) if "/" in rel
                                  else {folder} if target.path_of(folder).is_file() else set())
            if rel in listed[folder]:
                target.keep(rel)
    return previous.get("search") if isinstance(previous.get("search"), dict) else {}


def _index_shards(target, shards: Sequence[tuple[Sequence[Page], str]]) -> None:
    """Run Pagefind over each shard, two at a time: one Pagefind keeps ~1.3 of
    our 2 cores busy, so a second one uses the rest. Results are copied into
    `target` in shard order, in this thread."""
    scratches = []
    try:
        for pages, folder in shards:
            scratch = Path(tempfile.mkdtemp(prefix=f".{target.out_dir.name}.search-", dir=target.out_dir.parent))
            scratches.append(scratch)
            _link_pages(target, pages, scratch / "site")
        with ThreadPoolExecutor(max_workers=max(1, min(2, len(shards)))) as pool:
            list(pool.map(index_site, [scratch / "site" for scratch in scratches]))
        for (pages, folder), scratch in zip(shards, scratches):
            bundle = scratch / "site" / BUNDLE_DIR
            for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
                target.write(f"{folder}/{path.relative_to(bundle).as_posix()}", path.read_bytes())
    finally:
        for scratch in scratches:
            shutil.rmtree(scratch, ignore_errors=True)


def _link_pages(target, pages: Sequence[Page], root: Path) -> None:
    for page in pages:
        source, copy = target.path_of(page.output_path), root / page.output_path
        copy.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, copy)  # same file system: no bytes copied
        except OSError:
            shutil.copyfile(source, copy)


def index_site(site_root: Path) -> None:
    """Write <site_root>/pagefind/ from the HTML pages under site_root."""
    command = [str(get_executable()), "--site", str(site_root), "--output-subdir", BUNDLE_DIR, "--silent"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise SearchIndexFailed(f"pagefind exited with {done.returncode}:\n{done.stderr or done.stdout}")
    bundle = site_root / BUNDLE_DIR
    if not (bundle / "pagefind.js").is_file():
        raise SearchIndexFailed(f"pagefind wrote no {BUNDLE_DIR}/pagefind.js")
    for name in _UNUSED:
        (bundle / name).unlink(missing_ok=True)
    make_filters_deterministic(bundle)


# -- determinism -------------------------------------------------------------
# Pagefind lists filter values (and the filters themselves) in hash-map order,
# which changes from run to run. We sort them and rename the files by a hash of
# their new content, so the same pages always give the same bytes. The files are
# gzip'd CBOR behind a "pagefind_dcd" marker; we decode only the shapes Pagefind
# writes (integers, strings, arrays) and refuse anything else loudly.
_MARK = b"pagefind_dcd"


def make_filters_deterministic(bundle: Path) -> None:
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in sorted(entry["languages"].items()):
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read_cbor(meta_path)
        prefix = info["hash"].rsplit("_", 1)[0]
        renamed = []
        for name, file_hash in meta[3]:
            old = bundle / "filter" / f"{file_hash}.pf_filter"
            data = _read_cbor(old)
            data[1] = sorted(data[1], key=lambda value: value[0])
            old.unlink()
            renamed.append([name, _write_cbor(bundle / "filter", prefix, ".pf_filter", data, 7)])
        meta[3] = sorted(renamed)
        meta_path.unlink()
        info["hash"] = _write_cbor(bundle, f"pagefind.{prefix}", ".pf_meta", meta, 10, name_prefix=prefix)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _read_cbor(path: Path):
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_MARK):
        raise SearchIndexFailed(f"{path.name}: not a Pagefind file")
    value, end = _decode(raw, len(_MARK))
    if end != len(raw) or _encode(value) != raw[len(_MARK):]:
        raise SearchIndexFailed(f"{path.name}: unexpected Pagefind format; update generator/search.py")
    return value


def _write_cbor(folder: Path, stem: str, suffix: str, value, digits: int, name_prefix: str | None = None) -> str:
    raw = _MARK + _encode(value)
    file_hash = f"{name_prefix or stem}_{hashlib.sha256(raw).hexdigest()[:digits]}"
    name = f"{'pagefind.' if name_prefix else ''}{file_hash}{suffix}"
    (folder / name).write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return file_hash


def _decode(data: bytes, i: int):
    head = data[i]
    major, info = head >> 5, head & 31
    i += 1
    if info < 24:
        n = info
    elif info <= 27:
        size = 1 << (info - 24)
        n, i = int.from_bytes(data[i:i + size], "big"), i + size
    else:
        raise SearchIndexFailed("unexpected CBOR in the Pagefind bundle")
    if major == 0:
        return n, i
    if major == 3:
        return data[i:i + n].decode("utf-8"), i + n
    if major == 4:
        items = []
        for _ in range(n):
            item, i = _decode(data, i)
            items.append(item)
        return items, i
    raise SearchIndexFailed(f"unexpected CBOR type {major} in the Pagefind bundle")


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise ValueError(n)


def _encode(value) -> bytes:
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    return _head(4, len(value)) + b"".join(_encode(v) for v in value)
