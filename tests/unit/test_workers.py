"""How many worker processes a build starts by default."""
from __future__ import annotations

import os

from generator.workers import cpu_quota, default_jobs


def _cgroup(root, files: dict[str, str]):
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="ascii")
    return str(root)


def test_a_container_s_cpu_quota_bounds_the_default_workers(tmp_path):
    """`docker run --cpus 2` on a 64-core host: the affinity says 64, and a build started 64
    workers (~130 MB each at 10,000 articles) for 2 CPUs, until the memory ran out."""
    cores = len(os.sched_getaffinity(0))
    v2 = _cgroup(tmp_path / "v2", {"cpu.max": "100000 100000\n"})
    assert cpu_quota(v2) == 1 and default_jobs(v2) == 1
    v1 = _cgroup(tmp_path / "v1", {"cpu/cpu.cfs_quota_us": "150000\n", "cpu/cpu.cfs_period_us": "100000\n"})
    assert cpu_quota(v1) == 2 and default_jobs(v1) == min(cores, 2)  # (1.5 CPUs: two workers share them)


def test_without_a_quota_every_core_the_process_may_use_works():
    cores = len(os.sched_getaffinity(0))
    assert default_jobs("/nonexistent") == cores


def test_a_quota_left_unlimited_is_no_quota(tmp_path):
    assert cpu_quota(_cgroup(tmp_path / "v2", {"cpu.max": "max 100000\n"})) is None
    assert cpu_quota(_cgroup(tmp_path / "v1", {"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"})) is None
    assert cpu_quota(_cgroup(tmp_path / "bad", {"cpu.max": "garbage\n"})) is None
