"""One build at a time into an output folder.

Two builds of one site at once (an editor's `make site` while CI or a scheduled job
publishes) would each take the other's staging folder for a killed build's leftover
(output.recover) and remove it mid-build, and whichever published last would win,
whatever its inputs. So a build holds a lock beside its output (`.<name>.lock`, like
the staging folders, and gone once the build ends), and a second one waits for the
first, then builds what the files say by then. The lock is flock(2)'s: the system drops
it when its holder dies, even by SIGKILL, so a killed build never leaves a stale one.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

try:
    import fcntl
except ImportError:  # not on POSIX: builds are not serialised there
    fcntl = None


def lock_path(out_dir: Path) -> Path:
    out_dir = out_dir.resolve()
    return out_dir.parent / f".{out_dir.name}.lock"


@contextmanager
def output_lock(out_dir: Path, waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the output's lock while the block runs; `waiting` is told the holder's process
    id ("?" when unknown) before this one waits for it."""
    if fcntl is None:
        yield
        return
    path = lock_path(out_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    told = False
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if waiting is not None and not told:
                    waiting(os.pread(fd, 20, 0).decode("ascii", "replace").strip() or "?")
                    told = True
                fcntl.flock(fd, fcntl.LOCK_EX)
            if _still_at(path, fd):
                break
        except BaseException:  # Ctrl-C while waiting
            os.close(fd)
            raise
        os.close(fd)  # the holder removed the file as it let go: lock the one there now
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        yield
    finally:
        # Removed while still held, so that no build is left waiting on a file no one else
        # locks (see _still_at); a killed build leaves it, and the next one removes it.
        path.unlink(missing_ok=True)
        # The lock belongs to the open file, which forked workers share: unlock it for all.
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _still_at(path: Path, fd: int) -> bool:
    """Is the locked file still the one at `path`?"""
    try:
        named, held = os.stat(path), os.fstat(fd)
    except FileNotFoundError:
        return False
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def try_lock(path: Path) -> int | None:
    """An open descriptor holding flock(2) on `path` (made if missing), to close when done; None
    when another process holds it, or where there is no flock (then nothing is shared)."""
    if fcntl is None:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd
