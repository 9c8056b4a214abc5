"""Listing a folder tree quickly, for the stages that look at every file.

Owns one walk over os.scandir: its d_type answers "file, folder or link?"
without a stat per entry, so an output of 25,000 files is listed in ~0.1 s.
Interprets nothing; each caller decides what a link or a pipe means to it.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator


def files_below(root: Path | str, descend: Callable[[os.DirEntry], bool] | None = None,
                skip_unreadable: bool = False) -> Iterator[tuple[str, os.DirEntry]]:
    """(path relative to `root` with '/', entry) of everything below `root`
    that is not a folder — files, symlinks (never followed), pipes —
    each folder's entries in name order, before its subfolders'.

    A folder is entered when `descend(entry)` allows it (default: always).
    An unreadable folder raises OSError, or is passed over with `skip_unreadable`.
    """
    pending = [(str(root), "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            if skip_unreadable:
                continue
            raise
        subfolders = []
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if descend is None or descend(entry):
                    subfolders.append((entry.path, f"{prefix}{entry.name}/"))
            else:
                yield prefix + entry.name, entry
        pending.extend(reversed(subfolders))


def list_below(root: Path | str, prefix: str = "") -> tuple[tuple[str, os.DirEntry], ...]:
    """Everything files_below(root) yields, as `prefix + path` (unreadable folders passed over):
    one listing a build takes once and hands to every stage that looks at the folder."""
    return tuple((prefix + rel, entry) for rel, entry in files_below(root, skip_unreadable=True))
