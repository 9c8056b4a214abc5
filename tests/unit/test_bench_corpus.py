"""The benchmark's corpus generator (bench/corpus.py): same arguments, same bytes; and it builds."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from generator.pipeline import BuildOptions, build

REPO = Path(__file__).resolve().parents[2]


def _corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_arguments_write_identical_corpus(tmp_path):
    corpus = _corpus_module()
    corpus.generate(30, tmp_path / "a")
    corpus.generate(30, tmp_path / "b")
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert first == second
    assert sum(name.endswith(".md") for name in first) == 30


def test_corpus_builds_without_problems(tmp_path):
    _corpus_module().generate(12, tmp_path / "site")
    result = build(BuildOptions(site_dir=tmp_path / "site", out_dir=tmp_path / "out"))
    assert result.ok and not result.problems, result.problems
    assert result.articles >= 10
