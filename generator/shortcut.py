"""The no-change shortcut: a rebuild whose inputs did not change writes nothing.

Owns the fingerprint of everything a build reads — site.toml and every file
under the site's content/, assets/ and layouts/, the default theme, the
generator's own code, the libraries' versions and the build options — and
the record of the output that build left. When the fingerprint matches, the
schedule has not moved (no scheduled article came due, none expired) and
every published file still has its recorded size and mtime, the last result
is the answer: nothing is parsed, rendered or written. Anything else falls
through to the ordinary incremental build, which is always right; this module
only decides when it may be skipped. Files are compared by stat, like git and
make: size, mtime (ns) and inode.
"""
from __future__ import annotations

import functools
import hashlib
import os
import stat
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Iterable

from generator.assets import DEFAULT_ASSETS
from generator.confine import SITE_FOLDERS
from generator.content import CONTENT_DIR, RACY_MARGIN_NS
from generator.diagnostics import Problem
from generator.render import DEFAULT_LAYOUTS
from generator.walk import files_below

STATE_NAME = "last-build"
GENERATOR_DIR = Path(__file__).resolve().parent
THEME_DIRS = (DEFAULT_LAYOUTS, DEFAULT_ASSETS)
# Distributions whose code shapes the output (requirements.txt).
LIBRARIES = ("jinja2", "markdown", "python-frontmatter", "pillow", "pyyaml", "markupsafe", "pagefind_bin", "nh3",
             "tzdata", "pillow-heif")


@dataclass(frozen=True)
class Record:
    """What a successful build read and wrote, and what it reported."""

    fingerprint: str
    next_change: datetime | None  # when the schedule publishes or withdraws an article
    outputs: dict  # published path → (size, mtime_ns)
    result: dict  # the BuildResult fields to report again
    problems: tuple[Problem, ...]  # its warnings


def fingerprint(site_dir: Path, out_dir: Path, options_key: tuple,
                content_listing: Iterable[tuple[str, os.DirEntry]] | None = None) -> tuple[str | None, bool]:
    """(digest of every input, whether it is safe to record); None when an input cannot be stat'ed plainly.
    `content_listing`: the build's listing of content/ (content.list_content), stat'ed here for both."""
    entries: list[str] = [repr(options_key), str(out_dir.resolve()), sys.version]
    entries += [f"{name}={_version(name)}" for name in LIBRARIES]
    newest = 0
    roots = [(site_dir / folder, folder) for folder in SITE_FOLDERS]
    roots += [(folder, f"theme:{folder.name}") for folder in THEME_DIRS] + [(GENERATOR_DIR, "generator")]
    try:
        info = os.stat(site_dir / "site.toml")
        entries.append(f"site.toml\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ino}")
        newest = info.st_mtime_ns
        for root, label in roots:
            if root.is_symlink():
                return None, False
            listed = _stats(content_listing) if label == CONTENT_DIR and content_listing is not None else None
            for rel, info in listed if listed is not None else _walk(root, label):
                if info is None:  # a symlink, pipe or device: the full build checks and reports it
                    return None, False
                entries.append(f"{rel}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ino}")
                newest = max(newest, info.st_mtime_ns)
    except OSError:
        return None, False
    digest = hashlib.blake2b("\n".join(entries).encode("utf-8", "surrogateescape"), digest_size=20).hexdigest()
    # A file changed this close to the walk might change again within one tick of the
    # file system's clock, unseen: such a build is not recorded (content's racy-clean margin).
    return digest, newest < time.time_ns() - RACY_MARGIN_NS


def _walk(root: Path, label: str):
    """(label/path, stat) of each file below `root`; stat None for a symlink, pipe or device."""
    if not root.is_dir():
        return
    yield from _stats((f"{label}/{rel}", entry)
                      for rel, entry in files_below(root, descend=lambda folder: folder.name != "__pycache__"))


def _stats(listing: Iterable[tuple[str, os.DirEntry]]):
    """(path, stat) of each listed entry; stat None for a symlink, pipe or device."""
    for rel, entry in listing:
        yield rel, entry.stat(follow_symlinks=False) if entry.is_file(follow_symlinks=False) else None


@functools.cache  # the code a running process uses cannot change under it
def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def published_files(out_dir: Path) -> dict[str, tuple[int, int]] | None:
    """Every file of the output with its size and mtime; None if anything in it is not a plain file."""
    found: dict[str, tuple[int, int]] = {}
    try:
        for rel, entry in files_below(out_dir):
            if not entry.is_file(follow_symlinks=False):  # a symlink someone planted, a pipe
                return None
            info = entry.stat(follow_symlinks=False)
            found[rel] = (info.st_size, info.st_mtime_ns)
    except OSError:
        return None
    return found


def published_after(before: dict, out_dir: Path, moved: Iterable[str], removed: Iterable[str]) -> dict | None:
    """published_files(out_dir) for an output that was `before` until a patch moved
    these files in and removed those, with a stat of the moved files only (a walk of
    28,000 files costs an edit ~0.5 s). None if a moved file is not a plain file."""
    found = dict(before)
    for rel in removed:
        found.pop(rel, None)
    for rel in moved:
        try:
            info = os.lstat(out_dir / rel)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        found[rel] = (info.st_size, info.st_mtime_ns)
    return found


def still_valid(record: object, digest: str | None, out_dir: Path, now: datetime) -> bool:
    """Whether `record` describes this build exactly: same inputs, schedule and published files."""
    if digest is None or not isinstance(record, Record) or record.fingerprint != digest:
        return False
    if record.next_change is not None and now >= record.next_change:
        return False
    return published_files(out_dir) == record.outputs
