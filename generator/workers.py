"""The process pool: spreading CPU-bound work over all cores.

Owns how work is split and gathered. Workers are forked, so they inherit
the read-only state the caller prepared (the Site, the Markdown settings)
without pickling it; only small task descriptions and results cross the
process boundary. Small jobs run in-process, where a pool costs more than
it saves.
"""
from __future__ import annotations

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


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _start_worker(parent: int) -> None:
    """A worker ends quietly on Ctrl+C or SIGTERM: the handlers it was forked with are its
    parent's (serve turns SIGTERM into a clean stop), and a traceback from each worker is
    noise for the editor. It also ends with its parent: a build stopped by SIGTERM (a
    cancelled job, an IDE's stop button) left its workers blocked forever on a pipe."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    forked.die_with(parent)


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
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker,
                                 initargs=(os.getpid(),)) as pool:
            for chunk, part in zip(chunks, pool.map(func, chunks)):
                results.extend(part)
                done += len(chunk)
                if on_progress:
                    on_progress(done, len(items))
        return results
    finally:
        _shared.clear()
