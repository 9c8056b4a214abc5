"""Which files of a site folder the build may read.

Owns the rules that keep a build inside its site folder: a symlink that
leads outside it (to /etc, to another site) or nowhere is refused, so are
FIFOs and devices (reading one would hang or never end), and an article
larger than MAX_ARTICLE_BYTES is refused before it is read. Reports
Problems and reads bounded bytes; interprets nothing.
"""
from __future__ import annotations

import os
import posixpath
import stat
import unicodedata
from pathlib import Path
from typing import Iterable, Mapping
from urllib.parse import unquote

from generator.diagnostics import Problem, error, warning
from generator.walk import files_below

# Ten times the longest article of the bundled portal's sources; beyond this
# a file is a pasted export or an attack, and parsing it would stall the build.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
# The folders of a site the build reads (besides site.toml); watched by serve, fingerprinted by shortcut.
SITE_FOLDERS = ("content", "assets", "layouts", "static")


def _rel(site_dir: Path, path: str) -> str:
    return os.path.relpath(path, site_dir).replace(os.sep, "/")


def check_file(site_dir: Path, path: str, limit: int | None = None) -> Problem | None:
    """A Problem when `path` must not be read: leaves the site, is not a file, or is too large."""
    return checked_stat(site_dir, path, limit)[1]


def checked_stat(site_dir: Path, path: str, limit: int | None = None, entry: os.DirEntry | None = None
                 ) -> tuple[os.stat_result | None, Problem | None]:
    """(the file's stat, None) when it may be read; else (None, the Problem).
    `entry`: the file's entry in a listing, whose (cached) lstat is used."""
    try:
        info = entry.stat(follow_symlinks=False) if entry is not None else os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            target = os.path.realpath(path)
            root = os.path.realpath(site_dir)
            if not os.path.exists(target):
                return None, error(_rel(site_dir, path), 0, "broken-symlink",
                                   "this is a symbolic link to a file that does not exist")
            if os.path.commonpath([root, target]) != root:
                return None, error(_rel(site_dir, path), 0, "outside-site",
                                   "this is a symbolic link to a file outside the site folder; copy the file in instead")
            if not _in_site_folders(site_dir, target):
                # .git/config (where CI keeps its token), .env, the build cache: inside the site
                # folder, never published, and a link beside an article would publish them.
                return None, error(_rel(site_dir, path), 0, "outside-site",
                                   f"this is a symbolic link to {os.path.relpath(target, root).replace(os.sep, '/')}, "
                                   f"which is not in {', '.join(f'{f}/' for f in SITE_FOLDERS)}: a file the site does "
                                   "not publish; copy the file in instead")
            info = os.stat(path)
    except OSError as exc:
        return None, error(_rel(site_dir, path), 0, "unreadable", f"the file cannot be read ({exc.strerror})")
    if not stat.S_ISREG(info.st_mode):
        return None, _not_a_file(site_dir, path)
    if limit is not None and info.st_size > limit:
        return None, error(_rel(site_dir, path), 0, "too-large",
                           f"the file is {info.st_size / 1048576:.1f} MB; an article may be at most "
                           f"{limit / 1048576:.0f} MB (move attachments beside it)")
    return info, None


def _in_site_folders(site_dir: Path, target: str) -> bool:
    """Whether the real path `target` lies in one of the folders the build publishes from
    (each by its real path: content/ may itself be a link to a folder of the checkout)."""
    for folder in SITE_FOLDERS:
        real = os.path.realpath(site_dir / folder)
        if os.path.commonpath([real, target]) == real:
            return True
    return False


def read_bounded(path: str, limit: int = MAX_ARTICLE_BYTES) -> bytes | None:
    """The file's bytes, or None if it grew past `limit` since it was checked."""
    with open(path, "rb", buffering=0) as handle:
        # Asking for limit + 1 bytes made Python allocate (and give back) 5 MB for every
        # article: ~75 µs a file, against ~20 µs for the size the file has.
        size = os.fstat(handle.fileno()).st_size
        data = handle.read(min(size, limit) + 1)
        if size < len(data) <= limit:  # it grew since: read on, up to the limit
            data += handle.read(limit + 1 - len(data))
    return data if len(data) <= limit else None


def check_site_files(site_dir: Path, listings: Mapping[str, Iterable[tuple[str, os.DirEntry]]] = {}
                     ) -> list[Problem]:
    """Every symlink leaving the site and every non-file under content/, assets/, layouts/ and static/.
    `listings`: folder → its walk.list_below, when the build has listed it already."""
    problems: list[Problem] = []
    for folder in SITE_FOLDERS:
        root = site_dir / folder
        if os.path.islink(root) or not root.is_dir():
            if os.path.lexists(root) and (found := _check_dir_link(site_dir, str(root))):
                problems.append(found)
            continue
        listing = listings.get(folder)
        _check_tree(site_dir, files_below(str(root), skip_unreadable=True) if listing is None else listing, problems)
    return problems


def _check_tree(site_dir: Path, listing: Iterable[tuple[str, os.DirEntry]], problems: list[Problem]) -> None:
    # Only the unusual entries (links, pipes, devices) cost a system call.
    for _, entry in listing:
        if entry.is_symlink():
            found = (_check_dir_link(site_dir, entry.path) if os.path.isdir(entry.path)
                     else check_file(site_dir, entry.path))
            if found:
                problems.append(found)
        elif not entry.is_file(follow_symlinks=False):
            problems.append(_not_a_file(site_dir, entry.path))


def _not_a_file(site_dir: Path, path: str) -> Problem:
    return error(_rel(site_dir, path), 0, "not-a-file", "this is not an ordinary file (a pipe or a device?); remove it")


def _check_dir_link(site_dir: Path, path: str) -> Problem | None:
    if not os.path.islink(path):
        return None
    target, root = os.path.realpath(path), os.path.realpath(site_dir)
    if not os.path.exists(target):
        return error(_rel(site_dir, path), 0, "broken-symlink", "this is a symbolic link to nothing")
    if os.path.commonpath([root, target]) != root:
        return error(_rel(site_dir, path), 0, "outside-site",
                     "this is a symbolic link to a folder outside the site folder; copy the files in instead")
    # (the walks follow no link to a folder: what it holds was left out without a word)
    return warning(_rel(site_dir, path), 0, "linked-folder",
                   f"this is a symbolic link to the folder {os.path.relpath(target, root).replace(os.sep, '/')}, "
                   "which the build does not follow: nothing in it is published from here; move or copy the "
                   "folder here instead")


def spelled_on_disk(site_dir: Path, path: str, any_case: bool = False) -> str | None:
    """The site path as the file system spells it, or None when there is no such file.

    A name saved on a Mac is NFD while the Markdown that refers to it is NFC
    (content.py normalises text); Linux compares bytes, so each part of the
    path is matched by its NFC form when the exact spelling is missing. With
    `any_case`, also by its letters whatever their case (ANH.JPG for anh.jpg), as
    Windows and macOS find it: for photos, whose published names are the build's own.
    """
    if (site_dir / path).is_file():
        return path
    current, found = site_dir, []
    for part in path.split("/"):
        if not (current / part).exists():
            try:
                names = sorted(os.listdir(current))
            except OSError:
                return None
            wanted = unicodedata.normalize("NFC", part)
            match = next((name for name in names if unicodedata.normalize("NFC", name) == wanted), None)
            if match is None and any_case:
                match = next((name for name in names if _folded(name) == _folded(part)), None)
            if match is None:
                return None
            part = match
        current, found = current / part, [*found, part]
    return "/".join(found) if current.is_file() else None


def other_case(wanted: str, known: Iterable[str]) -> str | None:
    """The one path of `known` that is `wanted` but for upper and lower case (a hint for a
    link a Windows or Mac preview followed and the web server will not), else None."""
    folded = _folded(wanted)
    matches = [path for path in known if _folded(path) == folded and path != wanted]
    return matches[0] if len(matches) == 1 else None


def named_in_other_case(path: str) -> str:
    """What a problem says of a file other_case found."""
    return f"the file is named '{posixpath.basename(path)}' (the web server tells upper and lower case apart)"


def _folded(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def named_with_marks(article_source: str, href: str) -> str | None:
    """The site path a relative `href` names if its '#' and '?' belong to the file's name
    ("Báo cáo #1.pdf"); a link ends a name at either (a place in the page, a query). None
    when it has neither. Asked only of a link or photo found missing, for its hint."""
    if ("#" not in href and "?" not in href) or href.startswith("/"):
        return None
    return unicodedata.normalize("NFC", posixpath.normpath(posixpath.join(posixpath.dirname(article_source),
                                                                           unquote(href))))


def marks_in_name(href: str) -> str:
    """What a problem says of a file named_with_marks found."""
    escaped = href.replace("#", "%23").replace("?", "%3F")
    return (f"the file's own name holds '#' or '?', where a link's name ends (a place in the page or a "
            f"query begins): rename the file without them, or write '{escaped}'")
