"""The staged output folder and the atomic swap into --out.

Owns every write to the published folder. A build writes into a fresh
staging folder beside --out; only a successful build swaps it in, so a
failed or killed build leaves the previous site complete.
"""
from __future__ import annotations

import ctypes
import json
import ctypes.util
import os
import posixpath
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path
from typing import Collection

from generator import forked
from generator.held_files import patiently
from generator.walk import files_below

_RENAME_EXCHANGE = 2  # Linux renameat2 flag: swap two paths in one step


class Stage:
    """A temporary folder that becomes the output on `publish()`.

    Seeded with hard links to the previous output, so unchanged files cost
    nothing and keep their mtime; a changed file is written to a new inode
    (never through the link), so the published site is never touched before
    the swap. Seeded files nobody claimed are pruned before publishing.
    """

    def __init__(self, out_dir: Path, seed: bool = True, previous: Collection[str] = frozenset()):
        """`seed`: carry the previous output's files (else only the deploy's own, deploys_own);
        `previous`: the files the last build published, when known."""
        refresh_umask()
        self.out_dir = out_dir.resolve()
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        self.root = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.staging-", dir=self.out_dir.parent))
        self.written: set[str] = set()
        self.previous = previous
        self.seeded: set[str] = self._seed(everything=seed)

    def _seed(self, everything: bool) -> set[str]:
        if not self.out_dir.is_dir() or self.out_dir.is_symlink():
            return set()
        top = str(self.out_dir)
        # (without `everything`, only the hidden entries at the top: a deploy's own files)
        descend = None if everything else (lambda entry: os.path.dirname(entry.path) != top or entry.name.startswith("."))
        # Strings and one scandir per folder, not Path objects and os.walk: a layout edit at
        # 10,000 articles seeds ~27,000 files in ~14,600 folders, 3.1 s that way, 1.0 s this way.
        root = str(self.root)
        made = {""}  # folders made in the stage; one with no file to carry is not carried

        def make(folder: str) -> None:
            if folder not in made:
                make(posixpath.dirname(folder))
                os.mkdir(f"{root}/{folder}", DIR_MODE)
                if _umask_may_strip(DIR_MODE):
                    os.chmod(f"{root}/{folder}", DIR_MODE)
                made.add(folder)

        seeded = set()
        # The hidden entries' folders, empty ones too: a git repository packed by `git gc` has empty
        # refs/heads and refs/tags, and without its refs/ git saw no repository in it at all.
        with os.scandir(top) as entries:
            hidden = [entry.path for entry in entries if entry.name.startswith(".") and entry.is_dir(follow_symlinks=False)]
        for path in hidden:
            make(os.path.basename(path))
            for folder, folders, _ in os.walk(path):  # (os.walk follows no symlink; an unreadable folder is passed)
                for name in folders:
                    if not os.path.islink(os.path.join(folder, name)):
                        make(os.path.relpath(os.path.join(folder, name), top).replace(os.sep, "/"))
        for rel, entry in files_below(self.out_dir, descend, skip_unreadable=True):
            if not entry.is_file(follow_symlinks=False) or not (everything or rel.startswith(".")):
                continue  # never carry a link that could point out of the site
            make(posixpath.dirname(rel))
            try:
                os.link(entry.path, f"{root}/{rel}")
            except OSError:
                continue  # another file system: it will simply be written anew
            seeded.add(rel)
        return seeded

    def write(self, rel_path: str, data: bytes) -> bool:
        """Write unless the staged file already holds these bytes. True if written."""
        return self._clearing_the_way(self._write, rel_path, data)

    def _write(self, rel_path: str, data: bytes) -> bool:
        target = self._target(rel_path)
        self.written.add(rel_path)
        if rel_path not in self.seeded:
            _create_file(target, data)
            return True
        if _same_bytes(target, data):
            return False
        _replace_file(target, data)  # a seeded file is a link to the published one
        return True

    def link(self, rel_path: str, source: str, data: bytes) -> bool:
        """Publish `source`, a file holding `data` that nobody writes (a page the build cache
        kept), by a hard link: no bytes written, its mtime kept. True if the output changes."""
        return self._clearing_the_way(self._link, rel_path, source, data)

    def _link(self, rel_path: str, source: str, data: bytes) -> bool:
        target = self._target(rel_path)
        self.written.add(rel_path)
        if rel_path not in self.seeded:
            return _link_file(source, target, data)
        if _same_bytes(target, data):
            return False
        return _link_file(source, target, data, replace=True)  # never through the seeded link

    def copy(self, rel_path: str, source: Path) -> bool:
        return self._clearing_the_way(self._copy, rel_path, source)

    def _copy(self, rel_path: str, source: Path) -> bool:
        target = self._target(rel_path)
        self.written.add(rel_path)
        if rel_path in self.seeded and _same_file(target, source):
            return False
        make_dirs(target.parent)
        tmp = target.with_name(f".tmp-{target.name}")
        shutil.copyfile(source, tmp)
        os.chmod(tmp, FILE_MODE)
        patiently(os.replace, tmp, target)
        return True

    def _clearing_the_way(self, action, rel_path: str, *args) -> bool:
        """`action(rel_path, …)`; where a seeded file nobody claimed stands in its way (the
        last output's page "x/y.html" where this one writes "x/y.html/index.html", or the
        pages of the folder "x/y.html/" where it writes that page), that goes first."""
        try:
            return action(rel_path, *args)
        except (NotADirectoryError, IsADirectoryError, FileExistsError):
            if not self._clear_way(safe_relative(rel_path)):
                raise
            return action(rel_path, *args)

    def _clear_way(self, rel: str) -> bool:
        in_the_way = [folder for folder in _folders_above(rel) if folder in self.seeded]
        below = [seeded for seeded in self.seeded if seeded.startswith(rel + "/")] if (self.root / rel).is_dir() else []
        if not in_the_way and not below or any(old in self.written for old in in_the_way + below):
            return False  # (two outputs of this build: the collision check names them first)
        for old in in_the_way + below:
            patiently((self.root / old).unlink, missing_ok=True)
            self.seeded.discard(old)
        _remove_emptied(self.root, {posixpath.dirname(old) for old in below})
        return True

    def keep(self, rel_path: str) -> None:
        """Claim a seeded file unchanged (a page whose inputs did not change)."""
        self.written.add(rel_path)

    def path_of(self, rel_path: str) -> Path:
        return self._target(rel_path)

    def prune(self, also_keep: set[str] = frozenset()) -> int:
        """Delete seeded files this build did not claim; the folders they leave empty go too."""
        stale = {rel for rel in self.seeded - self.written - set(also_keep) if not deploys_own(rel, self.previous)}
        for rel in stale:
            patiently((self.root / rel).unlink, missing_ok=True)
        # Only where a file went: a walk of every folder cost 8 s at 100,000 articles.
        _remove_emptied(self.root, {posixpath.dirname(rel) for rel in stale})
        return len(stale)

    def _target(self, rel_path: str) -> Path:
        return self.root / safe_relative(rel_path)

    def publish(self) -> None:
        """Make the staged folder the output, replacing the old one at once."""
        os.chmod(self.root, 0o755)  # mkdtemp makes it private; web servers must read it
        _keep_folder_settings(self.out_dir, self.root)
        if self.out_dir.exists() and _exchange(self.root, self.out_dir):
            _delete_later(self.root, self.out_dir)  # now holds the previous output
            return
        if self.out_dir.exists():  # two renames: between them there is no site (see recover)
            old = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.old-", dir=self.out_dir.parent))
            patiently(os.rename, self.out_dir, old / "site")
            try:
                patiently(os.rename, self.root, self.out_dir)
            except BaseException:
                patiently(os.rename, old / "site", self.out_dir)  # the last site back, never none
                raise
            _delete_later(old, self.out_dir)
        else:
            patiently(os.rename, self.root, self.out_dir)

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def _keep_folder_settings(out_dir: Path, staged: Path) -> None:
    """The output folder's own group and mode, as its owner set them (a web root shared by a
    deploy group, `chmod 2775`): a full build's new folder had 0755 and the builder's group,
    and the deploy user could no longer write there; a patch kept them."""
    try:
        old = os.stat(out_dir)
    except OSError:  # (none yet: a first build)
        return
    try:
        if old.st_gid != os.stat(staged).st_gid:
            os.chown(staged, -1, old.st_gid)
        os.chmod(staged, stat.S_IMODE(old.st_mode))
    except OSError:  # a group the builder is not in: the folder as a first build makes it
        pass


def deploys_own(rel_path: str, published: Collection[str]) -> bool:
    """Whether a file of the output is the deploy's own, which every build keeps: one under a
    hidden entry at the output's top that no build published (a gh-pages worktree's .git,
    certbot's .well-known/acme-challenge/…). A build replaced its output whole, and a first
    build into such a folder deleted them without a word."""
    return rel_path.startswith(".") and rel_path not in published


DIR_MODE = 0o755  # published folders: readable by the web server, writable by us only
FILE_MODE = 0o644
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def _read_umask() -> int | None:
    """This process's umask, read where reading it cannot change it (Linux ≥ 4.7); None elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return None


# The umask as the build began (os.umask can only be read by setting it, which would race
# other threads). A mode it leaves whole needs no chmod after creating: a system call fewer
# a page and a folder. Read again by each Stage and Patch; forked workers inherit it.
_umask = _read_umask()


def refresh_umask() -> None:
    global _umask
    _umask = _read_umask()


def _umask_may_strip(mode: int) -> bool:
    return _umask is None or bool(_umask & mode)


def make_dirs(folder: Path) -> None:
    """Create `folder` and missing parents as 0755 whatever the umask (a umask of
    0 in a CI job or a cron script would otherwise make them world-writable)."""
    missing = []
    while not folder.is_dir():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        try:
            os.mkdir(path, DIR_MODE)
        except FileExistsError:
            if not path.is_dir():
                raise
            continue
        if _umask_may_strip(DIR_MODE):
            os.chmod(path, DIR_MODE)


def _remove_emptied(root: Path, folders: Collection[str]) -> None:
    """Remove each of `folders` (relative to `root`) and then its parents, while they are empty."""
    for rel in sorted(folders, key=lambda folder: folder.count("/"), reverse=True):  # the deepest first
        while rel:
            try:
                os.rmdir(root / rel)  # only succeeds on an empty folder
            except FileNotFoundError:
                pass  # removed already, as the parent of a deeper one: its own parent may be empty now
            except OSError:
                break  # not empty
            rel = posixpath.dirname(rel)


class _RealFolders:
    """Which folders below out_dir a patch may write into: those with no symlink on the way
    from out_dir (we never make one; one there was planted since the build looked). Each folder
    is looked at once per patch, by one lstat: two realpaths a file took ~40 µs (~0.04 s of
    an addition at 10,000 articles, whose patch moves and removes ~1,000 files). A folder that
    does not exist yet is safe: make_dirs makes real ones."""

    def __init__(self, out_dir: Path):
        self.out_dir = str(out_dir)
        self._safe: dict[str, bool] = {"": True}

    def allow(self, rel_folder: str) -> bool:
        safe = self._safe.get(rel_folder)
        if safe is None:
            safe = self.allow(posixpath.dirname(rel_folder))
            if safe:
                try:
                    safe = not stat.S_ISLNK(os.lstat(f"{self.out_dir}/{rel_folder}").st_mode)
                except FileNotFoundError:
                    pass
            self._safe[rel_folder] = safe
        return safe


def has_symlinks(out_dir: Path) -> bool:
    """Whether anything inside the published output is a symlink (someone planted it:
    we never write one). Such an output is replaced whole, never patched through."""
    if not out_dir.is_dir() or out_dir.is_symlink():
        return out_dir.is_symlink()
    return any(entry.is_symlink() for _, entry in files_below(out_dir, skip_unreadable=True))


class SymlinkCheck:
    """has_symlinks(out_dir), walked in a forked child while the build reads the site
    (~0.25 s for a 14,500-page output, on the core the build leaves idle). Any doubt
    (the child died) counts as a symlink found: the output is then written fresh."""

    def __init__(self, out_dir: Path):
        self._found: bool | None = None
        if not forked.can_fork():
            self._found = has_symlinks(out_dir)
            return
        self._note = Path(tempfile.gettempdir()) / f".symlink-check-{os.getpid()}-{id(self)}"

        def walk() -> None:
            if has_symlinks(out_dir):
                raise RuntimeError("a symlink was planted in the output")
        self._child = forked.ForkedWork(walk, self._note)

    def found(self) -> bool:
        if self._found is None:
            try:
                self._child.wait()
                self._found = False
            except forked.ForkedWorkFailed:
                self._found = True
            finally:
                self._note.unlink(missing_ok=True)
        return self._found

    def close(self) -> None:
        """Stop the walk if its answer was never asked for (the build failed first)."""
        if self._found is None:
            self._child.stop()
            self._note.unlink(missing_ok=True)


def safe_relative(rel_path: str) -> str:
    """A relative path that cannot leave the folder it is joined to."""
    normal = posixpath.normpath(rel_path)
    if normal.startswith(("/", "../")) or normal in ("..", ".") or "\x00" in normal:
        raise ValueError(f"refusing to write outside the output folder: {rel_path}")
    return normal


def _delete_later(folder: Path, out_dir: Path) -> None:
    """Remove a replaced output without making the build wait for it.

    Deleting 16,000 files takes seconds on some file systems; the folder is
    renamed out of the way and a detached `rm -rf` removes it. `recover`
    removes any trash a killed process left.
    """
    trash = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.trash-", dir=out_dir.parent))
    try:
        patiently(os.rename, folder, trash / "old")
    except OSError:  # a folder without write permission cannot move to another (its ".." is in it)
        trash.rmdir()
        try:
            os.chmod(folder, DIR_MODE)  # (ours: the site published before, now out of the way)
        except OSError:
            pass
        _remove_detached(folder)  # where it is, under its hidden name; the build is published
        return
    _remove_detached(trash)


def _remove_detached(folder: Path) -> None:
    rm = shutil.which("rm")
    if rm is None:
        shutil.rmtree(folder, ignore_errors=True)
        return
    subprocess.Popen([rm, "-rf", str(folder)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True)


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def file_stats(path) -> tuple[int, int] | None:
    """(size, mtime_ns) of a published file, None when it is gone or not a plain file (a
    symlink, a pipe): what a build records of each file it publishes, so that the next one
    can tell the file is still as it left it."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns) if stat.S_ISREG(info.st_mode) else None


def _same_file(path: Path, source: Path) -> bool:
    try:
        if path.stat().st_size != source.stat().st_size:
            return False
        return path.read_bytes() == source.read_bytes()
    except OSError:
        return False


def _create_file(target: Path, data: bytes) -> None:
    """A file the stage does not hold yet, created in place: the stage is private until
    it is published whole, so the temporary name and rename of _replace_file buy nothing
    here (~25 us a page of the ~60 us writing one costs on ext4)."""
    try:
        fd = os.open(target, _CREATE_FLAGS, FILE_MODE)
    except FileNotFoundError:
        make_dirs(target.parent)
        fd = os.open(target, _CREATE_FLAGS, FILE_MODE)
    except FileExistsError:  # not ours to truncate in place: it could be linked elsewhere
        _replace_file(target, data)
        return
    with open(fd, "wb", closefd=True) as handle:
        if _umask_may_strip(FILE_MODE):
            os.fchmod(fd, FILE_MODE)
        handle.write(data)


def _link_file(source: str, target: Path, data: bytes, replace: bool = False) -> bool:
    """A hard link to `source` at `target` (a new name, renamed over an old file when
    `replace`); where links fail (another file system), `data` written instead. True."""
    try:
        if replace:
            make_dirs(target.parent)
            tmp = target.with_name(f".tmp-{os.getpid()}-{target.name}")
            os.link(source, tmp)
            patiently(os.replace, tmp, target)
            return True
        try:
            os.link(source, target)
        except FileNotFoundError:
            make_dirs(target.parent)
            os.link(source, target)
        return True
    except FileExistsError:
        _replace_file(target, data)  # (not ours to keep: a name already taken in the stage)
        return True
    except OSError:
        if replace:
            _replace_file(target, data)
        else:
            _create_file(target, data)
        return True


def _replace_file(target: Path, data: bytes) -> None:
    """A new inode via rename: a hard-linked old version stays as it was."""
    make_dirs(target.parent)
    tmp = target.with_name(f".tmp-{os.getpid()}-{target.name}")
    with open(tmp, "wb") as handle:
        handle.write(data)
    os.chmod(tmp, FILE_MODE)
    patiently(os.replace, tmp, target)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two folders (Linux renameat2); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


class Patch:
    """Applies a few changed files to the existing output, crash-safely.

    Rebuilding a 10,000-page site to change five pages would cost a copy of
    the whole tree. Instead the changed files are staged in a folder beside
    --out; a journal listing the moves is written last (atomically); then
    each file is renamed into place. A build killed before the journal
    leaves the output untouched; one killed after it is rolled forward by the
    next run (`recover`). Every published file is always whole.
    """

    JOURNAL = "JOURNAL"

    def __init__(self, out_dir: Path, previous: set[str], strays: Collection[str] = ()):
        refresh_umask()
        self.out_dir = out_dir.resolve()
        self.root = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.patch-", dir=self.out_dir.parent))
        self.previous = previous  # files the last build published
        self.strays = frozenset(strays)  # files found in the output that no build published
        self.written: set[str] = set()
        self.seeded = previous  # the render stage's name for "already in place"
        self.moved: list[str] = []  # after publish: the files it put in place
        self.removals: list[str] = []

    def path_of(self, rel_path: str) -> Path:
        """Where the file that will be published is now (staged or in place);
        a rename keeps its size and mtime, so its stat is the published one."""
        rel = safe_relative(rel_path)
        staged = self.root / "files" / rel
        return staged if staged.exists() else self.out_dir / rel

    def write(self, rel_path: str, data: bytes) -> bool:
        rel = safe_relative(rel_path)
        self.written.add(rel_path)
        if _same_bytes(self.out_dir / rel, data):
            return False
        _replace_file(self.root / "files" / rel, data)
        return True

    def link(self, rel_path: str, source: str, data: bytes) -> bool:
        rel = safe_relative(rel_path)
        self.written.add(rel_path)
        if _same_bytes(self.out_dir / rel, data):
            return False
        return _link_file(source, self.root / "files" / rel, data, replace=True)

    def copy(self, rel_path: str, source: Path) -> bool:
        rel = safe_relative(rel_path)
        self.written.add(rel_path)
        if _same_file(self.out_dir / rel, source):
            return False
        target = self.root / "files" / rel
        make_dirs(target.parent)
        shutil.copyfile(source, target)
        os.chmod(target, FILE_MODE)
        return True

    def keep(self, rel_path: str) -> None:
        self.written.add(rel_path)

    def prune(self, also_keep: set[str] = frozenset()) -> int:
        self.removals = sorted((self.previous | self.strays) - self.written - set(also_keep))
        return len(self.removals)

    def publish(self) -> None:
        # Workers in other processes stage files too: the folder is the record, not self.staged.
        files = self.root / "files"
        moves = sorted(rel for rel, entry in files_below(files) if entry.is_file(follow_symlinks=False)
                       and not entry.name.startswith(".tmp-")) if files.is_dir() else []
        self.moved = moves
        # Before the journal commits the patch: a folder of the output that cannot be written
        # (made read-only by hand or by a deploy) failed the moves half-way, after some pages were
        # in place, and every later build failed rolling them forward.
        locked = _unwritable_folder(self.out_dir, moves, self.removals)
        if locked is not None:
            raise ReadOnlyOutputFolder(self.out_dir, locked)
        journal = {"moves": moves, "removals": self.removals}
        tmp = self.root / f"{self.JOURNAL}.tmp"
        tmp.write_text(json.dumps(journal), encoding="utf-8")
        patiently(os.replace, tmp, self.root / self.JOURNAL)  # from here on the patch is committed
        _apply_journal(self.root, self.out_dir)

    def discard(self) -> None:
        if (self.root / self.JOURNAL).is_file():
            return  # committed: an interrupted apply is rolled forward by the next run's recover()
        shutil.rmtree(self.root, ignore_errors=True)


def _unwritable_folder(out_dir: Path, moves: Collection[str], removals: Collection[str]) -> Path | None:
    """The first folder of the output that this patch must change but may not (None when all may):
    the folder a file goes into or leaves, or, for one not made yet, the nearest that is."""
    looked: dict[str, bool] = {}

    def writable(rel_folder: str) -> bool:
        if rel_folder not in looked:
            folder = out_dir / rel_folder if rel_folder else out_dir
            if folder.is_dir():
                looked[rel_folder] = os.access(folder, os.W_OK | os.X_OK)
            else:  # (made by the move: its parent is what must be written)
                looked[rel_folder] = not rel_folder or writable(posixpath.dirname(rel_folder))
        return looked[rel_folder]

    for rel in (*moves, *removals):
        folder = posixpath.dirname(rel)
        if not writable(folder):
            while folder and not (out_dir / folder).is_dir():
                folder = posixpath.dirname(folder)
            return out_dir / folder if folder else out_dir
    return None


class ReadOnlyOutputFolder(PermissionError):
    """A folder inside the output that a patch must change cannot be written; said before the
    patch is committed, so nothing of it was put in place."""

    def __init__(self, out_dir: Path, folder: Path):
        super().__init__(13, "Permission denied", str(folder))
        self.out_dir, self.folder = out_dir, folder


def _apply_journal(patch_root: Path, out_dir: Path) -> None:
    journal = json.loads((patch_root / Patch.JOURNAL).read_text(encoding="utf-8"))
    folders = _RealFolders(out_dir)
    _clear_the_way(out_dir, journal["moves"], journal["removals"], folders)
    for rel in journal["moves"]:
        source = patch_root / "files" / rel
        if source.exists():  # absent when an earlier, interrupted run moved it already
            if not folders.allow(posixpath.dirname(rel)):
                continue  # a folder replaced by a symlink since: never write through it
            target = out_dir / rel
            make_dirs(target.parent)
            patiently(os.replace, source, target)
    emptied = set()
    for rel in journal["removals"]:
        if not folders.allow(posixpath.dirname(rel)):
            continue
        _unlink_old(out_dir / rel)
        emptied.add(posixpath.dirname(rel))
    _remove_emptied(out_dir, emptied)
    shutil.rmtree(patch_root, ignore_errors=True)


def _unlink_old(path: Path) -> None:
    """Remove an old published file, if it is still one: where a move of this patch put a folder
    of its name, or a page in place of its folder, there is nothing left of it to remove."""
    try:
        patiently(path.unlink)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        pass


def _clear_the_way(out_dir: Path, moves: list[str], removals: list[str], folders: _RealFolders) -> None:
    """Remove first the old files of this patch's removals that stand where a move must go: a
    page that became a folder of its name (an alias "/x/y.html" written again as "/x/y.html/"),
    or the pages of a folder that became a page. Removed last, as the others are, they made the
    move fail, and with it every later build, which rolls the journal forward first."""
    if not removals:
        return
    moved = set(moves)
    parents = {folder for rel in moves for folder in _folders_above(rel)}
    emptied = set()
    for rel in removals:
        folder = posixpath.dirname(rel)
        if rel in parents or any(above in moved for above in _folders_above(rel)):
            if folders.allow(folder):
                _unlink_old(out_dir / rel)
                emptied.add(folder)
    _remove_emptied(out_dir, emptied)


def _folders_above(rel: str):
    """'a/b/c.html' → 'a/b', 'a'."""
    folder = posixpath.dirname(rel)
    while folder:
        yield folder
        folder = posixpath.dirname(folder)


class UnfinishedPatch(OSError):
    """An earlier build's committed patch (`leftover`) could not be rolled forward. Every
    later build would stop at it the same way, so the message says what it is and how to
    clear it; the output may hold some of that build's files beside older ones."""

    def __init__(self, leftover: Path, out_dir: Path, cause: OSError):
        super().__init__(cause.errno, cause.strerror, cause.filename)
        self.leftover, self.out_dir = leftover, out_dir


def recover(out_dir: Path) -> None:
    """Finish or drop what an interrupted earlier build left beside --out."""
    out_dir = out_dir.resolve()
    if not out_dir.parent.is_dir():
        return
    if not out_dir.exists() and not out_dir.is_symlink():
        # Killed between the two renames of a swap without renameat2: the last site goes back.
        for old in sorted(out_dir.parent.glob(f".{out_dir.name}.old-*")):
            if (old / "site").is_dir():
                patiently(os.rename, old / "site", out_dir)
                break
    for leftover in sorted(out_dir.parent.glob(f".{out_dir.name}.*")):
        if not leftover.is_dir():
            continue
        if ".patch-" in leftover.name and (leftover / Patch.JOURNAL).is_file() and out_dir.is_dir():
            try:
                _apply_journal(leftover, out_dir)  # committed: roll forward
            except OSError as exc:
                raise UnfinishedPatch(leftover, out_dir, exc) from exc
        elif ".trash-" in leftover.name:
            # Most likely the last build's detached rm is still at work (a full build
            # replaced 15,000 files a moment ago): never make this build wait for it.
            _remove_detached(leftover)
        elif any(tag in leftover.name for tag in (".patch-", ".staging-", ".old-")):
            _delete_later(leftover, out_dir)  # never committed, or already replaced
