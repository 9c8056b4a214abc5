#!/usr/bin/env python3
"""Save → reload latency of `build.py serve`.

Copies a site to a temporary folder (the bundled demo portal, or a generated
one with --articles N), starts `serve` on a free loopback port, listens to
the live-reload stream like a browser tab, then edits one article ROUNDS
times. For each save it measures the time until the reload event arrives and
until the reloaded page (fetched over HTTP) shows the new text. It also times
how long `serve` takes to serve its first page and its search index: in the
first session, and in a next one, which starts from the pages the first kept; and
one save made in the first session while its search index is still being made.

    .venv/bin/python bench/livereload.py [--rounds 10] [--articles N] [--edit title]

`--edit title` changes the article's title instead of appending a sentence: a new title
reaches other articles' related news, so the related ranking works too.
"""
from __future__ import annotations

import argparse
import http.client
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_corpus_site(root: Path, articles: int) -> tuple[Path, str]:
    """The benchmark corpus (bench/corpus.py: ~1,100-word articles, half of them bundles)
    and its middle article, as bench/run.py edits it."""
    from bench.corpus import generate
    generate(articles, root / "site")
    sources = sorted((root / "site" / "content").rglob("*.md"))
    return root / "site", sources[len(sources) // 2].relative_to(root / "site").as_posix()


# The demo portal's own folders besides content/ (layouts/ and assets/ at the repository's top are
# the theme every site gets). site.toml names its share image in static/: without it every build
# of the copy failed, and the bench stopped at its first look at an article.
PORTAL_FOLDERS = ("static",)


def make_site(root: Path, articles: int) -> tuple[Path, str]:
    """The site folder (root/site: serve's log goes beside it) and the site-relative path of the
    article to edit."""
    root = root / "site"
    root.mkdir()
    shutil.copy(REPO / "site.toml", root / "site.toml")
    for folder in PORTAL_FOLDERS:
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, root / folder)
    if not articles:
        shutil.copytree(REPO / "content", root / "content")
        return root, next(p for p in sorted((root / "content").rglob("index.md"))).relative_to(root).as_posix()
    from generator.config import load_config
    config, _ = load_config(root)
    categories, units = list(config.categories), list(config.units)
    campaigns = list(config.campaigns)
    for i in range(articles):
        folder = root / "content" / categories[i % len(categories)]
        folder.mkdir(parents=True, exist_ok=True)
        day = 1 + i % 28
        (folder / f"bai-{i:05d}.md").write_text(
            f"---\ntitle: \"Bài viết số {i} về công tác bảo đảm an ninh trật tự\"\n"
            f"date: 2025-{1 + i % 12:02d}-{day:02d}T{8 + i % 10:02d}:{i % 60:02d}:00\n"
            f"unit: {units[i % len(units)]}\ncategory: {categories[i % len(categories)]}\n"
            f"campaigns: [{campaigns[i % len(campaigns)]}]\n---\n\n"
            f"Sáng nay, lực lượng Công an ra quân đợt {i}.\n\n## Kết quả\n\nĐã xử lý {i % 97} trường hợp vi phạm.\n",
            encoding="utf-8")
    first = sorted((root / "content").rglob("*.md"))[0]
    return root, first.relative_to(root).as_posix()


def page_url(site: Path, article: str) -> str:
    from generator.config import load_config
    from generator.content import read_source
    from generator.index import read_article
    config, _ = load_config(site)
    source, _ = read_source(site, site / article)
    found, _ = read_article(config, source)
    return found.url


def next_reload(stream) -> None:
    event = ""
    while True:
        line = stream.fp.readline().decode()
        if line.startswith("event: "):
            event = line[7:].strip()
        elif line == "\n" and event == "reload":
            return


def fetch(port: int, path: str) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path)
    body = connection.getresponse().read().decode()
    connection.close()
    return body


def status_of(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


# What `serve` printed (its terminal), told when the bench cannot go on.
SERVE_LOG = "serve.log"
OVERLAY_ID = 'id="portal-loi-dung-trang"'  # (devserver.OVERLAY_ID: the build failed)


def fail(site: Path, why: str) -> SystemExit:
    """The bench stops: why, and the last lines `serve` printed (the build's errors)."""
    log = site.parent / SERVE_LOG
    said = log.read_text(encoding="utf-8", errors="replace").splitlines()[-20:] if log.is_file() else []
    return SystemExit("\n".join([f"bench/livereload.py: {why}", *(["serve said:", *said] if said else [])]))


def start_serve(site: Path) -> tuple[subprocess.Popen, int, float]:
    """`serve` of `site` on a free port, once it serves its home page: (process, port, seconds it took)."""
    port = free_port()
    started = time.perf_counter()
    with open(site.parent / SERVE_LOG, "a", encoding="utf-8") as log:
        server = subprocess.Popen([sys.executable, str(REPO / "build.py"), "serve", "--site", str(site),
                                   "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 600
    while True:
        try:
            home = fetch(port, "/")
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise fail(site, "serve did not start")
            time.sleep(0.1)
    if OVERLAY_ID in home:  # nothing to time: every save would show the same errors
        server.terminate()
        server.wait(timeout=300)
        raise fail(site, "serve could not build the site")
    return server, port, time.perf_counter() - started


def wait_for_index(site: Path, port: int, deadline: float) -> float:
    """Seconds until the search index is served (from this call)."""
    started = time.perf_counter()
    while status_of(port, "/pagefind-shards.json") != 200:
        if time.monotonic() > deadline:
            raise fail(site, "serve made no search index")
        time.sleep(0.2)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--articles", type=int, default=0, help="generate a site of N articles (default: bundled)")
    parser.add_argument("--corpus", action="store_true",
                        help="with --articles: the benchmark corpus of bench/corpus.py (long articles, bundles)")
    parser.add_argument("--edit", choices=("body", "title"), default="body",
                        help="append a sentence (default) or change the title")
    parser.add_argument("--settle", type=float, default=3.0,
                        help="seconds between the first page and the first save (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-livereload-") as tmp:
        site, article = (make_corpus_site if args.corpus else make_site)(Path(tmp), args.articles)
        url = page_url(site, article)
        starts = []
        server, port, started = start_serve(site)
        began = time.perf_counter() - started  # when `serve` was started
        try:
            deadline = time.monotonic() + 600  # (for the search index)
            stream_connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
            stream_connection.request("GET", "/__livereload")
            stream = stream_connection.getresponse()
            next_reload(stream)  # the current build, announced on connect
            path = site / article
            original = path.read_text(encoding="utf-8")
            # A first session serves its pages before the search index, which a background build
            # makes next (tens of seconds at 10,000 articles). One save while it is being made
            # (until 6 Dec it waited for the whole index) …
            time.sleep(args.settle)
            during = None
            if status_of(port, "/pagefind-shards.json") != 200:
                marker = "Đo khi chỉ mục tìm kiếm đang dựng."
                saved_at = time.perf_counter()
                path.write_text(original + f"\n{marker}\n", encoding="utf-8")
                next_reload(stream)
                during = (time.perf_counter() - saved_at, None)
                if marker not in fetch(port, url):
                    raise fail(site, "the reloaded page does not show the edit")
                during = (during[0], time.perf_counter() - saved_at)
            # … then the saves are timed once the index is there, as in every later session.
            wait_for_index(site, port, deadline)
            starts.append(("first session", started, time.perf_counter() - began))
            # An editor reads the page before the first save; serve uses that pause (see
            # Preview.start) to re-read files written just before it started, like ours.
            time.sleep(args.settle)
            to_event, to_page = [], []
            for n in range(args.rounds):
                marker = f"Đo độ trễ lần {n}."
                time.sleep(0.3)  # let the previous burst settle, like a person between saves
                saved_at = time.perf_counter()
                if args.edit == "title":
                    path.write_text(original.replace('title: "', f'title: "{marker} ', 1), encoding="utf-8")
                else:
                    path.write_text(original + f"\n{marker}\n", encoding="utf-8")
                next_reload(stream)
                to_event.append(time.perf_counter() - saved_at)
                body = fetch(port, url)
                to_page.append(time.perf_counter() - saved_at)
                if marker not in body:
                    raise fail(site, "the reloaded page does not show the edit")
            stream_connection.close()
        finally:
            server.terminate()
            server.wait(timeout=300)
        # The next session starts from the pages the last one kept (.cache/preview).
        server, port, started = start_serve(site)
        try:
            starts.append(("next session", started, started + wait_for_index(site, port, time.monotonic() + 600)))
        finally:
            server.terminate()
            server.wait(timeout=300)
    name = (f"{args.articles} {'corpus' if args.corpus else 'generated'} articles" if args.articles
            else "bundled site") + (", title edited" if args.edit == "title" else "")
    for label, values in (("save → reload event", to_event), ("save → reloaded page", to_page)):
        ms = sorted(v * 1000 for v in values)
        print(f"{name}: {label}: median {statistics.median(ms):.0f} ms, "
              f"max {ms[-1]:.0f} ms over {len(ms)} saves")
    for label, page, index in starts:
        print(f"{name}: {label}: first page {page:.1f} s after `serve` started, search index {index:.1f} s")
    if during is not None:
        print(f"{name}: a save while the first session's search index was being made: reload event "
              f"{during[0] * 1000:.0f} ms, reloaded page {during[1] * 1000:.0f} ms after the save")
    return 0


if __name__ == "__main__":
    sys.exit(main())
