"""Files an editor's tools write beside the real ones, never content or layouts.

Owns recognising them by name: editors' swap, backup and temporary files, and the
folder records of Finder and Explorer. `serve` does not rebuild for them (watch.py) and
the layout analysis does not read them (fragments.layout_names).
"""
from __future__ import annotations

from pathlib import Path

# Scratch files of vim, emacs, JetBrains, gedit/GNOME, Kate, LibreOffice and downloads.
_SCRATCH_SUFFIXES = ("~", ".swp", ".swo", ".swx", ".tmp", ".temp", ".part", ".crdownload",
                     ".bak", "___jb_tmp___", "___jb_old___", ".kate-swp")
_SCRATCH_PREFIXES = (".", "#", "~$", ".goutputstream-")
# Folder records of Windows Explorer (macOS Finder's .DS_Store is hidden by its dot).
_FOLDER_RECORDS = frozenset({"Thumbs.db", "ehthumbs.db", "desktop.ini", "Desktop.ini"})


def is_scratch(path: str | Path) -> bool:
    """True for files an editor's tools write on the way to a save or beside it, never content."""
    # A plain name is taken as it is: a Path made for each file of a listing costs 1 µs.
    name = path if isinstance(path, str) and "/" not in path else Path(path).name
    if not name or name == "4913":  # vim probes whether it may write here
        return True
    return name.startswith(_SCRATCH_PREFIXES) or name.endswith(_SCRATCH_SUFFIXES) or name in _FOLDER_RECORDS
