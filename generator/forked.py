"""Work done in a forked child process beside the build.

Owns the child's life. It starts from the build's memory (nothing is pickled)
and works at a lower priority, so the build's own work comes first. It dies
with the build: the kernel sends it SIGTERM if the build's process dies
(Linux), and `stop()` sends one too. On SIGTERM it kills the processes it
started (registered in `started`). A failure comes back as one line of text
that `wait()` raises in the build; a child never shows a traceback. A thread
would not do: it would fight the build for the GIL at every file it writes.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable

NICENESS = 10  # a child gets the core the build leaves idle

# Processes the child started (e.g. an indexer), killed with it on SIGTERM.
started: set[subprocess.Popen] = set()
# How many processes are being started (start(), by the child's threads: two Pagefind runs at
# a time): a SIGTERM then waits until each is in `started`, and the last start() stops them all.
_starting = 0
_counting = threading.Lock()
_stop_asked = False


def start(command: list[str], popen: Callable[..., subprocess.Popen] = subprocess.Popen, **options) -> subprocess.Popen:
    """A process started and put in `started` before a SIGTERM can stop this child: one arriving
    between the two left it running on, an orphan (a Pagefind stuck for good, found after a test
    suite, its folder deleted under it). So did one arriving while another thread started its
    own, once the first was registered (serve stopped by SIGTERM: Pagefind runs of parent 1)."""
    global _starting
    with _counting:
        _starting += 1
    process = None
    try:
        if not _stop_asked:  # (asked already: nothing more is started)
            process = popen(command, **options)
            started.add(process)
    finally:
        with _counting:
            _starting -= 1
            last = _starting == 0
        if _stop_asked and last:
            _stop_started(signal.SIGTERM, None)
    if process is None:
        raise ForkedWorkFailed("stopped")
    return process


class ForkedWorkFailed(RuntimeError):
    """The child's work raised, or the child died; the message says why."""


def can_fork() -> bool:
    return hasattr(os, "fork")


class ForkedWork:
    """`work()` running in a forked child; `note` is a file it may write its failure to."""

    def __init__(self, work: Callable[[], None], note: Path):
        self.note = note
        parent = os.getpid()
        sys.stdout.flush()  # or the child's copy of the buffers could be written twice
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the build
            code = 1
            try:
                die_with(parent)
                signal.signal(signal.SIGTERM, _stop_started)
                os.nice(NICENESS)
                work()
                code = 0
            except BaseException as failure:
                try:
                    note.write_text(str(failure) or type(failure).__name__, encoding="utf-8")
                except BaseException:
                    pass
            finally:
                os._exit(code)
        self.pid: int | None = pid
        self._exit_code = 0  # once reaped

    def wait(self) -> None:
        """Until the work is done; raises ForkedWorkFailed if it failed."""
        if self._reap() != 0:
            raise ForkedWorkFailed(self.note.read_text(encoding="utf-8") if self.note.is_file()
                                   else "the process died")

    def running(self) -> bool:
        """Whether the work still runs, without waiting (an ended child is reaped here)."""
        if self.pid is None:
            return False
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            return True
        self.pid, self._exit_code = None, os.waitstatus_to_exitcode(status)
        return False

    def stop(self) -> None:
        """Stop the child if it still runs (the build failed meanwhile)."""
        if self.pid is not None:
            try:
                os.kill(self.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            self._reap()

    def _reap(self) -> int:
        pid, self.pid = self.pid, None
        if pid is not None:
            self._exit_code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        return self._exit_code


def _stop_started(signum, frame) -> None:
    global _stop_asked
    _stop_asked = True  # (first: a start() that begins now starts nothing)
    if _starting:  # (the last start() stops them once the processes it starts are known)
        return
    killed = list(started)
    for process in killed:
        process.kill()
    # Reap them before going: a killed process still runs until the kernel has torn it
    # down, and the build that stopped us expects them gone when stop() returns. By pid,
    # not Popen.wait(): this thread may have been inside it, holding its lock.
    deadline = time.monotonic() + 5
    for process in killed:
        while time.monotonic() < deadline:
            try:
                if os.waitpid(process.pid, os.WNOHANG)[0] != 0:
                    break
            except ChildProcessError:  # reaped already
                break
            time.sleep(0.005)
    os._exit(1)


def die_with(parent: int) -> None:
    """Ask the kernel for SIGTERM when the build's process dies (Linux only)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # it died before we asked
        os._exit(1)
