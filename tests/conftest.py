"""Shared helpers: make a site from a dict of files, build it, parse its pages."""
from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib.util
import io
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.pipeline import BuildOptions, BuildResult, build

REPO = Path(__file__).resolve().parent.parent

SITE_TOML = """\
title = "Cổng thông tin điện tử Công an tỉnh Thử Nghiệm"
base_url = "https://congan.example.vn/"
per_page = 2
related_count = 3
other_count = 4

[contact]
hotline = "0221 3862 124"
email = "banbientap@congan.example.vn"
address = "Số 1 đường Chùa Chuông, tỉnh Thử Nghiệm"

[[links]]
name = "Bộ Công an"
url = "https://bocongan.example.vn/"

[categories.tin-hoat-dong]
name = "Tin hoạt động"
description = "Hoạt động của các đơn vị."

[categories.xay-dung-luc-luong]
name = "Xây dựng lực lượng"

[units.cong-an-tinh]
name = "Công an tỉnh Thử Nghiệm"

[units.phong-canh-sat-giao-thong]
name = "Phòng Cảnh sát giao thông"

[units.cong-an-xa-dong-tien]
name = "Công an xã Đồng Tiến"

[campaigns.vi-an-ninh-to-quoc]
name = "Vì An ninh Tổ quốc"

[campaigns.dan-van-kheo]
name = "Dân vận khéo"
"""


def article(title="Bài viết thử", date="2026-01-21T09:30:00", unit="cong-an-tinh",
            category="tin-hoat-dong", campaigns=None, body="Nội dung bài viết.", **more) -> str:
    """Markdown text of one article; keyword arguments become front-matter."""
    lines = ["---", f'title: "{title}"', f"date: {date}", f"unit: {unit}", f"category: {category}"]
    if campaigns is not None:
        lines.append(f"campaigns: [{', '.join(campaigns)}]")
    for key, value in more.items():
        lines.append(f"{key}: {value}")
    lines += ["---", "", body]
    return "\n".join(lines) + "\n"


@dataclass
class Built:
    result: BuildResult
    out: Path

    def page(self, url: str) -> BeautifulSoup:
        path = self.out / url.lstrip("/")
        if url.endswith("/"):
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    @property
    def messages(self) -> list[str]:
        return [str(p) for p in self.result.problems]


@pytest.fixture
def make_site(tmp_path):
    def make(files: dict[str, str | bytes], site_toml: str = SITE_TOML) -> Path:
        root = tmp_path / "site"
        root.mkdir(exist_ok=True)
        if site_toml is not None:
            (root / "site.toml").write_text(site_toml, encoding="utf-8")
        for rel, data in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                path.write_bytes(data)
            else:
                path.write_text(textwrap.dedent(data) if data.startswith("\n") else data, encoding="utf-8")
        return root
    return make


@pytest.fixture
def build_site():
    def run(site: Path, out: Path | None = None, **options) -> Built:
        out = out or site / "public"
        return Built(build(BuildOptions(site_dir=site, out_dir=out, **options)), out)
    return run


def free_port() -> int:
    """A loopback port nothing listens on now, for a server a test starts (serve, nginx)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "build.py"), *args], cwd=cwd or REPO,
                          capture_output=True, text=True, timeout=120, env=env)


def cli_here(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """run_cli in this process (~0.4 s less: no interpreter to start, nothing to import), for
    build, check, new, list and init; the collector, which a command turns off for the rest of
    its process, and SIGTERM, which a build takes for its process, are left as they were. Not for
    serve, nor for what only a process of its own shows (a signal, a crash, the interpreter's
    own output)."""
    from generator.cli import main
    out, err = io.StringIO(), io.StringIO()
    collecting, thresholds, environment = gc.isenabled(), gc.get_threshold(), dict(os.environ)
    on_sigterm = signal.getsignal(signal.SIGTERM)
    try:
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        with contextlib.chdir(cwd or REPO), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        signal.signal(signal.SIGTERM, on_sigterm)
        gc.set_threshold(*thresholds)
        (gc.enable if collecting else gc.disable)()
        if env is not None:
            os.environ.clear()
            os.environ.update(environment)
    return subprocess.CompletedProcess(["build.py", *args], code, out.getvalue(), err.getvalue())


def text_of(node) -> str:
    return " ".join(node.get_text(" ").split())


THEME_BOOTSTRAP = 'document.documentElement.className = "js";'


def is_theme_script(script) -> bool:
    """The three scripts the default theme writes itself; anything else in a page came from input."""
    if script.get("src"):
        return script["src"].split("?")[0].rsplit("/", 3)[-3:-1] == ["assets", "js"] and not script.string
    if script.get("type") == "application/ld+json":
        try:
            return "@context" in json.loads(script.string or "")
        except ValueError:
            return False
    return (script.string or "").strip() == THEME_BOOTSTRAP


def foreign_scripts(page) -> list:
    return [script for script in page.find_all("script") if not is_theme_script(script)]


def tree(root: Path, links: bool = False) -> dict[str, str]:
    """sha256 of each file below `root`, by relative path (with `links`, what symlinks
    point to as well), and "empty folder" for each folder with nothing in it: two equal
    trees are byte-identical outputs."""
    found = {}
    for p in sorted(root.rglob("*")):
        if p.is_file() or (links and p.is_symlink()):
            found[p.relative_to(root).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
        elif p.is_dir() and not p.is_symlink() and not any(p.iterdir()):
            found[p.relative_to(root).as_posix() + "/"] = "empty folder"
    return found


def clean_tree(site: Path, out: Path, links: bool = False) -> dict[str, str]:
    """tree() of `site` built from scratch (no cache) into `out`: what an
    incremental, interrupted or repaired output must equal."""
    assert build(BuildOptions(site_dir=site, out_dir=out, use_cache=False)).ok
    return tree(out, links)


def numbered_articles(count: int, category: str = "tin-hoat-dong", **more) -> dict[str, str]:
    """content/<category>/bai-<i>.md: "Bài số <i>" dated <i + 1> January 2026, for sites that need many."""
    return {f"content/{category}/bai-{i}.md": article(f"Bài số {i}", f"2026-01-{i + 1:02d}", category=category, **more)
            for i in range(count)}


def search_bundle(out: Path) -> dict[str, str]:
    """The search index's files (every pagefind* shard and the shard list) of a built output."""
    return {rel: digest for rel, digest in tree(out).items() if rel.startswith("pagefind")}


def shard_site(make_site, monkeypatch, count: int = 10) -> Path:
    """A site of `count` numbered articles indexed in small shards (10 articles → 4 shards by
    a hash of their path)."""
    from generator import search

    monkeypatch.setattr(search, "SINGLE_SHARD_UP_TO", 2)
    monkeypatch.setattr(search, "SHARD_PAGES", 3)
    return make_site(numbered_articles(count))


def log_pagefind(tmp_path: Path, monkeypatch) -> Path:
    """A file that gets a line per Pagefind run from here on: the article folders it indexed
    (the indexer runs in a forked process: it tells by a file)."""
    from generator import search

    log = tmp_path / "indexed.txt"
    log.write_text("", encoding="utf-8")
    real = search.index_site

    def logged(root, finish=True):
        with log.open("a", encoding="utf-8") as file:
            file.write(" ".join(sorted(p.parent.name for p in root.rglob("index.html"))) + "\n")
        real(root, finish)
    monkeypatch.setattr(search, "index_site", logged)
    return log


def bench_module(name: str):
    """bench/<name>.py as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench_corpus():
    """bench/corpus.py: its generate(articles, out) writes a site."""
    return bench_module("corpus")
