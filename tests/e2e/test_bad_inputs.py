"""The catalogue of bad inputs (tests/bad_inputs/<case>/), built through the CLI.

Each case is a mini-site; `make.py` (when present) makes what cannot be
committed (50 MB files, symlinks, pipes, CRLF bytes) inside the test's
folder. `expected.txt` starts with `exit 1` followed by the exact problem
lines, or `exit 0` followed by `shows <url> | <css selector>[@attr] | <text>`
lines saying what a reader sees (or `absent <url>` for a page that must not exist),
and, when it lists any, the exact warning lines the build gives.
"""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import REPO, cli_here, text_of, tree

CASES = REPO / "tests" / "bad_inputs"
GOOD_SITE = """---
title: "Bài đã đăng"
date: 2026-01-02
unit: cong-an-tinh
category: tin-hoat-dong
---

Bản đã đăng trước đó.
"""


def read_expected(case: Path) -> tuple[int, list[str]]:
    lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    return int(lines[0].split()[1]), [line for line in lines[1:] if line.strip()]


def prepare(case: Path, tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(case, site, ignore=shutil.ignore_patterns("expected.txt", "make.py", "__pycache__"))
    if (case / "make.py").exists():
        spec = importlib.util.spec_from_file_location(f"bad_input_{case.name}", case / "make.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.make(site)
    return site


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A good output built once; each failing case must leave a copy of it untouched."""
    root = tmp_path_factory.mktemp("good")
    site = prepare(CASES / "duplicate-keys", root)
    (site / "content/tin-hoat-dong/bai-thu.md").write_text(GOOD_SITE, encoding="utf-8")
    out = root / "out"
    done = cli_here("build", "--lang", "en", "--site", str(site), "--out", str(out))
    assert done.returncode == 0, done.stderr
    return out


def reader_sees(out: Path, check: str) -> None:
    if check.startswith("absent "):  # e.g. an article dated in the future is left out of the build
        assert not (out / check.removeprefix("absent ").strip().lstrip("/")).exists(), check
        return
    url, selector, expected = (part.strip() for part in check.removeprefix("shows ").split("|"))
    path = out / url.lstrip("/") / "index.html"
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    selector, _, attribute = selector.partition("@")
    found = page.select(selector)
    assert found, f"{url}: nothing matches {selector}"
    seen = [node.get(attribute, "") if attribute else text_of(node) for node in found]
    assert expected in seen, f"{url} {selector}: {seen}"


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if (p / "expected.txt").exists()))
def test_bad_input_is_reported_or_built(case, tmp_path, published):
    exit_code, expected = read_expected(CASES / case)
    site = prepare(CASES / case, tmp_path)
    out = tmp_path / "out"
    shutil.copytree(published, out)
    before = tree(out)
    done = cli_here("build", "--lang", "en", "--site", str(site), "--out", str(out))
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == exit_code, done.stderr
    if exit_code:
        problems = [line for line in done.stderr.splitlines() if not line.startswith("Build failed:")]
        assert problems == expected
        assert tree(out) == before, "a failed build changed the published output"
        assert not (out / "tin-hoat-dong").joinpath("mat-khau").exists()
        # `check` says all a build says (and may say more: it does not stop at a stage's errors).
        checked = cli_here("check", "--lang", "en", "--site", str(site))
        assert checked.returncode == 1 and "Traceback" not in checked.stderr, checked.stderr
        assert set(expected) <= set((checked.stdout + checked.stderr).splitlines()), checked.stdout + checked.stderr
    else:
        told = [line for line in expected if not line.startswith(("shows ", "absent "))]
        if told:  # the warnings the build must give (when the case lists them)
            assert [line for line in done.stderr.splitlines() if "warning[" in line] == told
        for check in expected:
            if check not in told:
                reader_sees(out, check)
    # Nothing from outside the site folder ever reaches the output.
    published_bytes = b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file())
    assert b"root:x:0:0" not in published_bytes
