"""The process pool: spreading CPU-bound work over all cores.

Owns how work is split and gathered. Workers are forked, so they inherit
the read-only state the caller prepared (the Site, the Markdown settings)
without pickling it; only small task descriptions and results cross the
process boundary. Small jobs run in-process, where a pool costs more than
it saves.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence, TypeVar

from generator import forked

T = TypeVar("T")
R = TypeVar("R")

SERIAL_BELOW = 200  # tasks; below this a pool's start-up dominates
_shared: dict = {}  # state handed to forked workers


def default_jobs(cgroup_root: str = "/sys/fs/cgroup") -> int:
    """The cores this process may use: those it may run on, or fewer when its container's CPU
    quota allows fewer (`docker run --cpus 2`, a Kubernetes limit, a CI runner's), which
    neither the affinity nor os.cpu_count tells: a runner on a 64-core host started 64 workers
    for its 2 CPUs, ~130 MB each at 10,000 articles, and the build was killed for memory."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    quota = cpu_quota(cgroup_root)
    return max(1, min(cores, quota)) if quota is not None else cores


def cpu_quota(cgroup_root: str = "/sys/fs/cgroup") -> int | None:
    """Whole CPUs the cgroup's quota allows (rounded up), cgroup v2 (`cpu.max`) or v1
    (`cpu/cpu.cfs_quota_us`); None without a quota or where there is none to read."""
    for quota_file, period_file in (("cpu.max", None), ("cpu/cpu.cfs_quota_us", "cpu/cpu.cfs_period_us"),
                                    ("cpu,cpuacct/cpu.cfs_quota_us", "cpu,cpuacct/cpu.cfs_period_us")):
        try:
            with open(os.path.join(cgroup_root, quota_file), encoding="ascii") as handle:
                fields = handle.read().split()
            if period_file is not None:
                with open(os.path.join(cgroup_root, period_file), encoding="ascii") as handle:
                    fields += handle.read().split()
            quota, period = int(fields[0]), int(fields[1])
        except (OSError, ValueError, IndexError):  # (v2's "max": no quota)
            continue
        if quota > 0 and period > 0:
            return -(-quota // period)
    return None


def start_worker(parent: int) -> None:
    """A worker ends quietly on Ctrl+C or SIGTERM: the handlers it was forked with are its
    parent's (serve turns SIGTERM into a clean stop), and a traceback from each worker is
    noise for the editor. It also ends with its parent: a build stopped by SIGTERM (a
    cancelled job, an IDE's stop button) left its workers blocked forever on a pipe."""
    # Ctrl+C ignored by the build (started so: a shell's background job, `make site &` in a CI
    # script) stays ignored: the workers alone died of the group's SIGINT, told as lack of memory.
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # a Ctrl+C held while it started (ctrl_c_held) ends it now
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    forked.die_with(parent)


@contextlib.contextmanager
def ctrl_c_held():
    """Hold Ctrl+C for this thread while it starts worker processes, which inherit the hold: a
    spawned worker interrupted while Python loads prints "Fatal Python error: init_import_site"
    and a traceback. Each worker lets it through once ready (start_worker) and ends quietly."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


@contextlib.contextmanager
def ending_with_the_build(pool: ProcessPoolExecutor):
    """`pool`, shut down without its queued work when the build stops (Ctrl+C, SIGTERM from a CI
    runner cancelling the job): leaving a `with ProcessPoolExecutor` waits for every job queued,
    and a stopped build went on encoding its photos for 20–30 s before it said it had stopped."""
    try:
        yield pool
    except BaseException:
        # The jobs running end too (a photo's AVIF variants take seconds): the workers are ours,
        # their work is in the cache only once whole (written under temporary names).
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            with contextlib.suppress(OSError):
                process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def end_worker_processes() -> None:
    """Before this process ends at once (os._exit: serve stopped while a pool of photo workers
    ran): a worker still being spawned would print "EOFError: Ran out of input" from reading what
    it was to do, and multiprocessing's resource tracker would outlive it and print "There appear
    to be 5 leaked semaphore objects" under "Đã dừng xem trước.". Ended at once, they print
    nothing; the system frees what they held."""
    from multiprocessing import resource_tracker
    pids = [getattr(resource_tracker._resource_tracker, "_pid", None)]
    try:
        pids += [child.pid for child in multiprocessing.active_children()]
    except (OSError, ValueError):  # (a child reaped meanwhile)
        pass
    pids += _rest_of_own_group()  # (one being spawned right now is not a child multiprocessing knows yet)
    for pid in pids:
        if pid:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:  # (gone already)
                pass


def _rest_of_own_group() -> list[int]:
    """The other processes of this one's process group, when it leads one (as a terminal makes
    each command it runs): all this program's children, read from /proc (Linux); else none."""
    try:
        if os.getpgrp() != os.getpid():
            return []
        found = []
        for entry in os.listdir("/proc"):
            if entry.isdigit() and int(entry) != os.getpid():
                try:
                    with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as stat:
                        group = int(stat.read().rsplit(")", 1)[1].split()[2])
                except (OSError, ValueError, IndexError):
                    continue
                if group == os.getpid():
                    found.append(int(entry))
        return found
    except (OSError, AttributeError):  # (no /proc, or no process groups: Windows)
        return []


def shared(name: str):
    """Read state set by `run_chunks` (in a worker or in-process)."""
    return _shared[name]


def run_chunks(func: Callable[[Sequence[T]], list[R]], items: Sequence[T], jobs: int | None,
               state: dict | None = None, chunk_size: int = 64,
               on_progress: Callable[[int, int], None] | None = None) -> list[R]:
    """func(chunk) for chunks of items, in order; results concatenated.

    `on_progress(done, total)` is called in this process after each chunk, with the items done
    (a chunk may give more results than items, or fewer)."""
    _shared.clear()
    _shared.update(state or {})
    auto = jobs is None
    jobs = jobs or default_jobs()
    serial = jobs <= 1 or (auto and len(items) < SERIAL_BELOW)
    chunks = [items[i:i + chunk_size] for i in range(0, len(items), chunk_size)]
    results: list[R] = []
    done = 0
    try:
        if serial or "fork" not in multiprocessing.get_all_start_methods():
            for chunk in chunks:
                results.extend(func(chunk))
                done += len(chunk)
                if on_progress:
                    on_progress(done, len(items))
            return results
        context = multiprocessing.get_context("fork")
        with ending_with_the_build(ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                                                       initializer=start_worker, initargs=(os.getpid(),))) as pool:
            for chunk, part in zip(chunks, pool.map(func, chunks)):
                results.extend(part)
                done += len(chunk)
                if on_progress:
                    on_progress(done, len(items))
        return results
    finally:
        _shared.clear()
