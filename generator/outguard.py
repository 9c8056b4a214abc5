"""Where the output may be.

A build replaces its output folder whole (generator/output.py), so an output named by
mistake — the site folder itself, a folder that holds it, content/, the build cache, a
home folder — would be deleted with everything in it; and the cache deletes what it no
longer uses, so it must not be the site's own folder either. This module says whether
--out and --cache-dir are safe before anything is written; it writes nothing itself.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from generator.assets import DEFAULT_ASSETS
from generator.confine import SITE_FOLDERS
from generator.render import DEFAULT_LAYOUTS

GENERATOR_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class UnsafeOutput:
    key: str  # of the message (generator/messages.py)
    fields: dict


def _overlap(a: Path, b: Path) -> bool:
    return a == b or a.is_relative_to(b) or b.is_relative_to(a)


def unsafe_output(site_dir: Path, out_dir: Path, cache_root: Path | None) -> UnsafeOutput | None:
    """Why a build must not replace `out_dir` (or keep its cache in `cache_root`), or None when it may."""
    site, out = site_dir.resolve(), out_dir.resolve()
    shown = {"out": str(out), "site": str(site)}
    # What a build reads: the site's folders, the theme's and the program itself.
    read = [*(site / name for name in SITE_FOLDERS), DEFAULT_LAYOUTS.resolve(), DEFAULT_ASSETS.resolve(),
            GENERATOR_DIR]
    if site.is_relative_to(out):
        return UnsafeOutput("out-holds-site", shown)
    for folder in read:
        if _overlap(out, folder):
            return UnsafeOutput("out-in-inputs", {**shown, "inputs": str(folder)})
    if cache_root is not None:
        cache = cache_root.resolve()
        if _overlap(out, cache):
            return UnsafeOutput("out-and-cache", {**shown, "cache": str(cache)})
        # The cache forgets files it holds but no longer uses (its images/ after 30 days):
        # never in the site's or the program's own folders.
        if site.is_relative_to(cache) or any(_overlap(cache, folder) for folder in read):
            return UnsafeOutput("cache-in-site", {**shown, "cache": str(cache)})
    if out.exists() and not out.is_dir():
        return UnsafeOutput("out-is-file", shown)
    if out.is_dir() and _on_read_only_disk(out):  # (told apart: "chmod u+w" cannot help there)
        return UnsafeOutput("out-on-read-only-disk", shown)
    if out.is_dir() and not os.access(out, os.W_OK):  # (made read-only on purpose: not replaced behind its back)
        return UnsafeOutput("out-read-only", shown)
    # The new site is made beside the output and swapped with it (output.py): a mount point (a
    # container's volume, a partition of its own) cannot be swapped, nor can anything be made
    # in a parent folder that is not writable (/var/www of root's). Said before anything is
    # written: it failed after the whole build with "Device or resource busy" and a folder left.
    parent = _existing_parent(out)
    if out.is_dir() and is_mount_point(out):
        return UnsafeOutput("out-is-mount", {**shown, "inside": str(out / "site")})
    if not os.access(parent, os.W_OK | os.X_OK):
        return UnsafeOutput("out-parent-read-only", {**shown, "parent": str(parent)})
    if out.is_dir() and not _built_portal(out) and any(not entry.name.startswith(".") for entry in out.iterdir()):
        return UnsafeOutput("out-foreign", shown)
    return None


# What every build writes at the output's top. A folder holding files without them is no
# portal this generator built (a web root with a page of its own, another generator's site):
# an index.html alone let a first build replace it, deleting the rest without a word.
BUILT_PORTAL = ("index.html", "robots.txt")  # (a --noindex build writes no sitemap.xml)


def is_mount_point(folder: Path, mountinfo: str = "/proc/self/mountinfo") -> bool:
    """Whether a file system is mounted at `folder` (a bind mount of the same disk too, as a
    container's volume often is: os.path.ismount sees no new device there)."""
    if os.path.ismount(folder):
        return True
    try:
        with open(mountinfo, encoding="utf-8", errors="replace") as mounts:
            points = {line.split()[4] for line in mounts if len(line.split()) > 4}
    except OSError:  # (not Linux)
        return False
    # (mountinfo writes a space, tab, newline or backslash of a path as an octal escape)
    return any(re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), point) == str(folder) for point in points)


def _on_read_only_disk(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & getattr(os, "ST_RDONLY", 0))
    except (OSError, AttributeError):  # (no statvfs: Windows)
        return False


def _existing_parent(out: Path) -> Path:
    """The folder the output's own folder is (or will be) made in: its nearest existing ancestor."""
    parent = out.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    return parent


def _built_portal(out: Path) -> bool:
    return all((out / name).is_file() for name in BUILT_PORTAL)
