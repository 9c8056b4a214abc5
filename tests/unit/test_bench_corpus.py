"""The benchmark's corpus generator (bench/corpus.py): same arguments, same bytes; and it builds."""
from __future__ import annotations

from pathlib import Path

from generator.pipeline import BuildOptions, build
from tests.conftest import bench_corpus


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_arguments_write_identical_corpus(tmp_path):
    corpus = bench_corpus()
    corpus.generate(30, tmp_path / "a")
    corpus.generate(30, tmp_path / "b")
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert first == second
    assert sum(name.endswith(".md") for name in first) == 30


def test_corpus_builds_without_problems(tmp_path):
    bench_corpus().generate(12, tmp_path / "site")
    result = build(BuildOptions(site_dir=tmp_path / "site", out_dir=tmp_path / "out"))
    assert result.ok and not result.problems, result.problems
    assert result.articles >= 10


def test_joint_articles_are_a_share_of_the_corpus_and_change_nothing_else(tmp_path):
    corpus = bench_corpus()
    corpus.generate(200, tmp_path / "plain")
    corpus.generate(200, tmp_path / "joint", joint=0.25)
    plain, joint = _files(tmp_path / "plain"), _files(tmp_path / "joint")
    assert plain.keys() == joint.keys()
    changed = [name for name in plain if plain[name] != joint[name]]
    assert 25 <= len(changed) <= 75  # ~50 of 200
    for name in changed:  # only the unit line: now a list of two
        before, after = plain[name].decode().splitlines(), joint[name].decode().splitlines()
        assert [(b, a) for b, a in zip(before, after) if b != a] == [
            (b, a) for b, a in zip(before, after) if b.startswith("unit: ") and a.startswith("unit: [")]
    result = build(BuildOptions(site_dir=tmp_path / "joint", out_dir=tmp_path / "out"))
    assert result.ok and not result.problems, result.problems
