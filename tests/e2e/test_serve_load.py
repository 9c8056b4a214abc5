"""`serve` under load on loopback: 200 connections at once, 5,000 requests, a rebuild in the middle.

Every request must get a whole, correct answer: the same bytes for files a
rebuild does not touch, a complete page for HTML (the edited article in its
old or its new wording), 404 for what does not exist; no connection error,
and the whole run within a bound. Only 127.0.0.1 is ever contacted. The
figures are printed (pytest -s) and written to test-artifacts/serve-load.json.
"""
from __future__ import annotations

import asyncio
import json
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.conftest import REPO, article
from tests.e2e.test_serve import Preview

HOST = "127.0.0.1"  # never anything else
CONNECTIONS = 200
REQUESTS = 5_000
REQUEST_SECONDS = 15.0
TOTAL_SECONDS = 45.0
STREAMS = 20  # open live-reload tabs during the run

EDITED = "content/tin-hoat-dong/ra-quan/index.md"
EDITED_URL = "/tin-hoat-dong/ra-quan-bao-dam-trat-tu-giao-thong/"
FILES = {EDITED: article("Ra quân bảo đảm trật tự giao thông", body="Phiên bản một.\n")}
for n in range(12):
    FILES[f"content/tin-hoat-dong/bai-{n}.md"] = article(f"Tin hoạt động số {n}", f"2026-01-{n + 1:02d}",
                                                       body=f"Nội dung bài số {n}.\n" * 20)
STATIC = ("/assets/css/style.css", "/assets/js/site.js", "/assets/js/search.js", "/assets/favicon.svg")
PAGES = {"/": "Tin hoạt động số 11", "/tin-hoat-dong/tin-hoat-dong-so-3/": "Nội dung bài số 3.",
         EDITED_URL: "Phiên bản"}
MISSING = ("/khong-co-trang-nay/", "/..%2f..%2fetc/passwd", "/assets/khong-co.css")


async def fetch(port: int, path: str) -> tuple[int, dict[str, str], bytes]:
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        data = await reader.read()  # HTTP/1.0 answers end when the server closes
    finally:
        writer.close()
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body


def judge(path: str, status: int, headers: dict[str, str], body: bytes, expected: dict[str, bytes]) -> str | None:
    """None if the answer is whole and right, else what is wrong."""
    if headers.get("content-length") != str(len(body)):
        return f"{path}: {len(body)} bytes, Content-Length {headers.get('content-length')}"
    if headers.get("x-content-type-options") != "nosniff":
        return f"{path}: no nosniff"
    if path in MISSING:
        return None if status == 404 else f"{path}: {status}"
    if status != 200:
        return f"{path}: {status}"
    if path in expected:
        return None if body == expected[path] else f"{path}: different bytes"
    text = body.decode("utf-8")
    whole = text.rstrip().endswith("</html>") and "__livereload" in text and PAGES[path] in text
    return None if whole else f"{path}: incomplete page"


async def run_load(port: int, site, expected: dict[str, bytes]) -> dict:
    paths = list(expected) + list(PAGES) + list(MISSING)
    latencies: list[float] = []
    failures: list[str] = []
    done = 0

    async def client(number: int) -> None:
        nonlocal done
        for i in range(REQUESTS // CONNECTIONS):
            path = paths[(number + i) % len(paths)]
            started = time.perf_counter()
            try:
                answer = await asyncio.wait_for(fetch(port, path), REQUEST_SECONDS)
                wrong = judge(path, *answer, expected)
            except (OSError, asyncio.TimeoutError, ValueError, IndexError) as exc:
                wrong = f"{path}: {type(exc).__name__}: {exc}"
            latencies.append(time.perf_counter() - started)
            if wrong:
                failures.append(wrong)
            done += 1

    async def edit() -> None:  # save the article twice while the load runs
        for version, at in (("hai", REQUESTS // 5), ("ba", REQUESTS * 3 // 5)):
            while done < at:
                await asyncio.sleep(0.01)
            (site / EDITED).write_text(FILES[EDITED].replace("một", version), encoding="utf-8")

    started = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(edit(), *(client(n) for n in range(CONNECTIONS))), TOTAL_SECONDS)
    seconds = time.perf_counter() - started
    latencies.sort()
    return {"requests": len(latencies), "connections": CONNECTIONS, "seconds": round(seconds, 2),
            "requests_per_second": round(len(latencies) / seconds),
            "p50_ms": round(latencies[len(latencies) // 2] * 1000, 1),
            "p99_ms": round(latencies[int(len(latencies) * 0.99)] * 1000, 1),
            "max_ms": round(latencies[-1] * 1000, 1), "errors": len(failures), "failures": failures[:10]}


async def open_streams(port: int, count: int) -> list:
    streams = []
    for _ in range(count):
        reader, writer = await asyncio.open_connection(HOST, port)
        writer.write(b"GET /__livereload HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        streams.append((reader, writer))
    return streams


async def listen(reader, heard: list[tuple[float, int]]) -> None:
    """Note each build a live-reload stream announces, with when, until the stream ends."""
    while line := await reader.readline():
        if line.startswith(b"data: "):
            heard.append((time.perf_counter(), int(line[6:].split()[0])))  # "data: 7 /page/" after a save


async def settle(heard: list[list[tuple[float, int]]], seconds: float = 10) -> None:
    """Wait until every stream has heard of the same, newest build, and a second brought no newer one."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        newest = {h[-1][1] if h else -1 for h in heard}
        await asyncio.sleep(1.0)  # a build may still be on its way
        if len(newest) == 1 and newest == {h[-1][1] if h else -1 for h in heard}:
            return


def run_async(coroutine):
    """asyncio.run on a thread of its own: browser tests may leave a loop running on this one."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


@pytest.mark.timed
def test_serve_keeps_answering_200_connections_and_5000_requests_while_rebuilding(make_site):
    site = make_site(FILES)
    server = Preview(site)
    port = server.port
    try:
        expected = {}
        for path in STATIC:
            status, headers, body = run_async(fetch(port, path))
            assert status == 200, path
            expected[path] = body
        first = server.next_reload()

        async def main():
            streams = await open_streams(port, STREAMS)
            heard: list[list[tuple[float, int]]] = [[] for _ in streams]
            listeners = [asyncio.create_task(listen(reader, h)) for (reader, _), h in zip(streams, heard)]
            started = time.perf_counter()
            figures = await run_load(port, site, expected)
            ended = time.perf_counter()
            await settle(heard)
            for (_, writer), task in zip(streams, listeners):
                writer.close()
                task.cancel()
            return figures, heard, started, ended

        figures, heard, started, ended = run_async(main())
        print("\nserve under load:", json.dumps(figures, ensure_ascii=False))
        (REPO / "test-artifacts").mkdir(exist_ok=True)
        (REPO / "test-artifacts" / "serve-load.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
        assert figures["failures"] == [] and figures["requests"] == REQUESTS
        assert figures["seconds"] < TOTAL_SECONDS
        # A save was rebuilt and announced while the load ran, and every open tab heard of the newest build.
        assert any(started < at < ended and generation > first for at, generation in heard[0]), heard[0]
        assert len({h[-1][1] for h in heard}) == 1 and heard[0][-1][1] >= first + 1
        assert "Phiên bản ba." in server.page(EDITED_URL).get_text()
        assert server.process.poll() is None
    finally:
        out = server.stop()
    assert "Traceback" not in out
