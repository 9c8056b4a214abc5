"""Work in a forked child: its failure comes back as a message, and stopping it
also stops the processes it started."""
from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest

from generator import forked


def test_the_work_runs_in_another_process_and_its_failure_comes_back(tmp_path):
    done = tmp_path / "done"
    work = forked.ForkedWork(lambda: done.write_text(str(os.getpid())), tmp_path / "note")
    work.wait()
    assert int(done.read_text()) not in (os.getpid(), 0)

    def fails():
        raise ValueError("pagefind: out of disk space")
    broken = forked.ForkedWork(fails, tmp_path / "note")
    with pytest.raises(forked.ForkedWorkFailed, match="out of disk space"):
        broken.wait()


def test_stopping_the_child_stops_what_it_started(tmp_path):
    pid_file = tmp_path / "sleeper"

    def starts_a_sleeper():
        process = forked.start(["sleep", "60"])
        pid_file.write_text(str(process.pid))
        process.wait()
    work = forked.ForkedWork(starts_a_sleeper, tmp_path / "note")
    deadline = time.monotonic() + 10
    while not pid_file.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    sleeper = int(pid_file.read_text())
    began = time.monotonic()
    work.stop()
    assert time.monotonic() - began < 5  # not the sleeper's 60 s
    _assert_gone(sleeper)


def test_a_stop_while_a_process_is_being_started_stops_it_too(tmp_path):
    """SIGTERM between the start of a process and its registration left it running, an orphan
    (a Pagefind found stuck after a test suite). Here the stop comes just then, every time."""
    pid_file = tmp_path / "sleeper"

    def popen_then_stopped(command, **options):
        process = subprocess.Popen(command, **options)
        pid_file.write_text(str(process.pid))
        os.kill(os.getpid(), signal.SIGTERM)  # (its handler runs here, before start() registers it)
        return process

    def starts_a_sleeper():
        forked.start(["sleep", "60"], popen=popen_then_stopped).wait()
    work = forked.ForkedWork(starts_a_sleeper, tmp_path / "note")
    began = time.monotonic()
    with pytest.raises(forked.ForkedWorkFailed):
        work.wait()
    assert time.monotonic() - began < 5
    _assert_gone(int(pid_file.read_text()))


def test_a_stop_while_another_thread_starts_a_process_stops_both(tmp_path):
    """The indexer starts two Pagefind runs at a time, from two threads. A SIGTERM that came
    while one was being started, once the other was registered, stopped the registered one
    only: the other ran on with parent 1 (serve stopped by its service manager)."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    other_started = threading.Event()

    def slow_popen(command, **options):  # (a Popen still waiting for its process to run the program)
        process = subprocess.Popen(command, **options)
        (tmp_path / "slow").write_text(str(process.pid))
        other_started.wait(5)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.3)  # (the handler runs meanwhile, in the child's main thread)
        return process

    def starts_two():
        def one(popen):
            process = forked.start(["sleep", "60"], popen=popen)
            if popen is subprocess.Popen:
                (tmp_path / "quick").write_text(str(process.pid))
                other_started.set()
            process.wait()
        with ThreadPoolExecutor(2) as pool:
            slow = pool.submit(one, slow_popen)
            time.sleep(0.1)
            list(pool.map(one, [subprocess.Popen]))
            slow.result()
    work = forked.ForkedWork(starts_two, tmp_path / "note")
    with pytest.raises(forked.ForkedWorkFailed):
        work.wait()
    _assert_gone(int((tmp_path / "quick").read_text()))
    _assert_gone(int((tmp_path / "slow").read_text()))


def _assert_gone(pid: int) -> None:
    for _ in range(100):
        try:
            state = open(f"/proc/{pid}/stat").read().split()[2]
        except FileNotFoundError:
            break
        if state == "Z":  # killed, waiting for its (dead) parent's reaper
            break
        time.sleep(0.02)
    else:
        pytest.fail("the child's sleeper still runs")
