"""As on a system without fork(), interval timers, flock() and renameat2() (Windows, where an
editor previews): `take_away(monkeypatch)` in a test, or `python tests/without_posix.py
serve …` for build.py's command line in a process of its own (test_portability.py)."""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def take_away(patch) -> None:
    """Each POSIX call the build makes where one exists; `patch` is a pytest MonkeyPatch."""
    from generator import buildlock, forked, output
    for name in ("fork", "sched_getaffinity", "sched_setaffinity", "nice"):
        patch.delattr(os, name, raising=False)
    for name in ("SIGALRM", "setitimer", "ITIMER_REAL"):
        patch.delattr(signal, name, raising=False)
    patch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    patch.setattr(buildlock, "fcntl", None)
    patch.setattr(output, "_exchange", lambda a, b: False)
    assert not forked.can_fork()


if __name__ == "__main__":
    import pytest
    sys.path.insert(0, str(REPO))
    take_away(pytest.MonkeyPatch())
    from generator.cli import main
    sys.exit(main(sys.argv[1:]))
