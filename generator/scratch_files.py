"""Files an editor's tools write beside the real ones, never content or layouts.

Owns recognising them by name: editors' swap, backup and temporary files, what git's merge
tool leaves behind, and the folder records of Finder and Explorer. `serve` does not rebuild
for them (watch.py) and the layout analysis does not read them (fragments.layout_names).
"""
from __future__ import annotations

import re
from pathlib import Path

# Scratch files of vim, emacs, JetBrains, gedit/GNOME, Kate, LibreOffice and downloads.
_SCRATCH_SUFFIXES = ("~", ".swp", ".swo", ".swx", ".tmp", ".temp", ".part", ".crdownload",
                     ".bak", "___jb_tmp___", "___jb_old___", ".kate-swp")
_SCRATCH_PREFIXES = (".", "#", "~$", ".goutputstream-")
# Folder records of Windows Explorer (macOS Finder's .DS_Store is hidden by its dot).
_FOLDER_RECORDS = frozenset({"Thumbs.db", "ehthumbs.db", "desktop.ini", "Desktop.ini"})
# `git mergetool` keeps the conflicted file as it was (index.md.orig) and, when the tool is
# stopped, its copies of each side: x_BACKUP_4242.md, x_BASE_…, x_LOCAL_…, x_REMOTE_… (the
# number is its process id). They hold text from before the merge: never content. Only copies of
# a text file a merge joins line by line (an article, a layout, site.toml …): a document named
# so by its author, "Bao-cao_BASE_2025.pdf", was dropped and its link broken.
_MERGE_COPY = re.compile(r".+_(?:BACKUP|BASE|LOCAL|REMOTE)_\d+(?:\.(?:md|markdown|toml|html?|css|js|json|ya?ml|txt|xml|svg))?",
                         re.IGNORECASE)


def is_scratch(path: str | Path) -> bool:
    """True for files an editor's tools write on the way to a save or beside it, never content."""
    name = _name(path)
    if not name or name == "4913":  # vim probes whether it may write here
        return True
    return (name.startswith(_SCRATCH_PREFIXES) or name.endswith(_SCRATCH_SUFFIXES) or name in _FOLDER_RECORDS
            or is_merge_leftover(name))


def is_merge_leftover(path: str | Path) -> bool:
    """True for what `git mergetool` leaves beside a file it merged (scratch too, but worth
    naming: it holds unpublished text, and stays until someone deletes it)."""
    name = _name(path)
    return name.endswith(".orig") or _MERGE_COPY.fullmatch(name) is not None


def _name(path: str | Path) -> str:
    # A listing's path is cut at its last /: a Path made for each file of a listing cost 3 µs,
    # 30 ms of a no-change build of 10,000 articles (merge_leftovers, find_sources).
    if isinstance(path, str):
        name = path.rpartition("/")[2]
        if name and name != ".":
            return name
    return Path(path).name
