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
make: size, mtime and ctime (ns) and inode; a file saved in the seconds before a build
(which could be saved again unseen by its stat) also by its bytes, like git's
racily clean files.
"""
from __future__ import annotations

import functools
import hashlib
import os
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Collection, Iterable

from generator.assets import DEFAULT_ASSETS
from generator.confine import SITE_FOLDERS
from generator.content import CONTENT_DIR, RACY_MARGIN_NS
from generator.diagnostics import Problem
from generator.output import deploys_own, file_stats
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
    hashed: frozenset[str] = frozenset()  # inputs recorded by their bytes too (Inputs.digest)
    # The moment it was built at: a build at an earlier one (SOURCE_DATE_EPOCH set back) may publish
    # less (what was due by then is scheduled again), so the record holds from there to next_change.
    built_at: datetime | None = None


class Inputs:
    """Everything a build reads, stat'ed once at its start: each file's stat, and which
    files were saved too recently for their stat to be trusted (content.RACY_MARGIN_NS:
    another save within the same tick of the file system's clock keeps size and mtime).

    `digest(hashed)` digests every stat and, for the files in `hashed`, their bytes as
    well. A build records the digest over the files that are recent now (`racy`), so a
    save made just before a build is recorded too and the next build reads those files
    again instead of trusting their stat, as git does with racily clean files.
    """

    def __init__(self, head: str, files: list[tuple[str, str, os.stat_result]], racy: frozenset[str] | None):
        self._head = head
        self._files = files  # (label/path, path on disk, stat)
        self.racy = racy  # None: too many bytes to read; this build is not recorded
        self._contents: dict[str, str] = {}
        self._digests: dict[frozenset[str], str | None] = {}  # a build asks twice, mostly for the same set

    def digest(self, hashed: Collection[str] = frozenset()) -> str | None:
        """None when a file to hash cannot be read (the full build reports why)."""
        hashed = frozenset(hashed)
        if hashed not in self._digests:
            self._digests[hashed] = self._digest(hashed)
        return self._digests[hashed]

    def _digest(self, hashed: frozenset[str]) -> str | None:
        lines = [self._head]
        for rel, path, info in self._files:
            line = f"{rel}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0{info.st_ino}"
            if rel in hashed:
                content = self._content(rel, path)
                if content is None:
                    return None
                line += f"\0{content}"
            lines.append(line)
        return hashlib.blake2b("\n".join(lines).encode("utf-8", "surrogateescape"), digest_size=20).hexdigest()

    def _content(self, rel: str, path: str) -> str | None:
        if rel not in self._contents:
            try:
                with open(path, "rb") as handle:  # read whole: twice as fast as hashlib.file_digest here
                    self._contents[rel] = hashlib.blake2b(handle.read(), digest_size=20).hexdigest()
            except OSError:
                return None
        return self._contents[rel]


# Recent files are read to be recorded (~0.4 s for the benchmark's 10,000 articles, 71 MB,
# just written); more than this (a fresh clone with its photos) is not worth it: the
# build is not recorded, and the next one checks the output whole.
RACY_READ_BYTES = 128 * 1024 * 1024


def take_inputs(site_dir: Path, out_dir: Path, options_key: tuple,
                content_listing: Iterable[tuple[str, os.DirEntry]] | None = None) -> Inputs | None:
    """The stats of every input; None when one cannot be stat'ed plainly.
    `content_listing`: the build's listing of content/ (content.list_content), stat'ed here for both."""
    head = [repr(options_key), str(out_dir.resolve()), sys.version]
    head += [f"{name}={_version(name)}" for name in LIBRARIES]
    files: list[tuple[str, str, os.stat_result]] = []
    roots = [(site_dir / folder, folder) for folder in SITE_FOLDERS]
    roots += [(folder, f"theme:{folder.name}") for folder in THEME_DIRS] + [(GENERATOR_DIR, "generator")]
    try:
        toml = site_dir / "site.toml"
        files.append(("site.toml", str(toml), os.stat(toml)))
        for root, label in roots:
            if root.is_symlink():
                return None
            listed = _stats(content_listing) if label == CONTENT_DIR and content_listing is not None else None
            for rel, path, info in listed if listed is not None else _walk(root, label):
                if info is None:  # a symlink, pipe or device: the full build checks and reports it
                    return None
                files.append((rel, path, info))
    except OSError:
        return None
    # Taken after every stat: a file saved later than this moment minus the margin (or
    # dated in the future) may have been saved again since, unseen by its stat.
    recent = time.time_ns() - RACY_MARGIN_NS
    racy = [(rel, info.st_size) for rel, _, info in files if max(info.st_mtime_ns, info.st_ctime_ns) >= recent]
    if sum(size for _, size in racy) > RACY_READ_BYTES:
        return Inputs("\n".join(head), files, None)
    return Inputs("\n".join(head), files, frozenset(rel for rel, _ in racy))


def _walk(root: Path, label: str):
    """(label/path, stat) of each file below `root`; stat None for a symlink, pipe or device."""
    if not root.is_dir():
        return
    yield from _stats((f"{label}/{rel}", entry)
                      for rel, entry in files_below(root, descend=lambda folder: folder.name != "__pycache__"))


def _stats(listing: Iterable[tuple[str, os.DirEntry]]):
    """(path, path on disk, stat) of each listed entry; stat None for a symlink, pipe or device."""
    for rel, entry in listing:
        yield rel, entry.path, entry.stat(follow_symlinks=False) if entry.is_file(follow_symlinks=False) else None


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
        now = file_stats(out_dir / rel)
        if now is None:
            return None
        found[rel] = now
    return found


def same_inputs(record: object, inputs: Inputs | None) -> bool:
    """Whether the inputs are the ones `record` was made from (by the files' bytes where it says so)."""
    return isinstance(record, Record) and inputs is not None and record.fingerprint == inputs.digest(record.hashed)


@dataclass(frozen=True)
class Verdict:
    unchanged: bool  # the record describes this build exactly: its result is the answer
    inputs_changed: bool  # there is a record, of other inputs
    # Files found in the output that the recorded build did not publish (someone else's):
    # the build that repairs the output removes them, as a clean build would not make them.
    strays: frozenset[str] = frozenset()
    # No record at all: the last build was killed (it clears the record before it changes the
    # output) or this cache never built this output. What the output holds is not on record.
    unrecorded: bool = False


def check(record: object, inputs: Inputs | None, out_dir: Path, now: datetime) -> Verdict:
    """Whether `record` describes this build exactly: same inputs, schedule and published files."""
    if not isinstance(record, Record):
        return Verdict(False, False, unrecorded=True)
    if not same_inputs(record, inputs):
        return Verdict(False, True)
    if record.next_change is not None and now >= record.next_change:
        return Verdict(False, False)
    if record.built_at is not None and now < record.built_at:
        return Verdict(False, False)
    published = published_files(out_dir)
    if published is not None:  # (a deploy's own files beside the site are no change of it)
        published = {rel: stats for rel, stats in published.items() if not deploys_own(rel, record.outputs)}
    if published == record.outputs:
        return Verdict(True, False)
    if published is None:  # a symlink or pipe in it: the build writes a fresh output whole
        return Verdict(False, False)
    return Verdict(False, False, frozenset(published.keys() - record.outputs.keys()))
