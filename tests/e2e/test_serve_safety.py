"""The preview server over real sockets: nothing outside the output, honest types, open tabs cost no worker."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from generator.cli import make_parser
from generator.devserver import PreviewState, ServeOptions, exposure_warning, make_server
from generator.preview_http import MAX_STREAMS, WORKERS

SECRET = "MAT-KHAU-BI-MAT"


@pytest.fixture
def server(tmp_path: Path):
    out = tmp_path / "preview" / "public"
    (out / "tin" / "bai").mkdir(parents=True)
    (out / "tin" / "bai" / "index.html").write_text("<html><body><h1>Bài</h1></body></html>", encoding="utf-8")
    (out / "404.html").write_text("<html><body>Không tìm thấy trang</body></html>", encoding="utf-8")
    (out / "khong-co-index").mkdir()
    (out / "khong-co-index" / "anh.webp").write_bytes(b"RIFF....WEBP")
    for name, data in {"a.css": b"body{}", "a.js": b"1", "a.svg": b"<svg/>", "a.avif": b"x", "a.wasm": b"\0asm",
                       "a.json": b"{}", "f.woff2": b"wOF2", "sitemap.xml": b"<urlset/>"}.items():
        (out / name).write_bytes(data)
    for outside in (tmp_path / "secret.txt", tmp_path / "preview" / "secret.txt"):
        outside.write_text(SECRET, encoding="utf-8")
    (out / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (out / "leak-dir").symlink_to(tmp_path)
    state = PreviewState(out, "vi")
    httpd = make_server("127.0.0.1", 0, state)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd, state
    state.close()
    httpd.shutdown()
    httpd.server_close()


def ask(httpd, request: bytes, timeout: float = 5) -> tuple[int, dict[str, str], bytes]:
    with socket.create_connection(("127.0.0.1", httpd.server_address[1]), timeout=timeout) as client:
        client.sendall(request)
        data = b""
        while chunk := client.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body


def get(httpd, target: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    return ask(httpd, f"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode("latin-1"))


def test_the_preview_listens_on_this_computer_only_unless_told():
    assert make_parser().parse_args(["serve"]).host == "127.0.0.1"
    assert ServeOptions(site_dir=Path(".")).host == "127.0.0.1"
    assert exposure_warning("127.0.0.1", "vi") is None and exposure_warning("::1", "en") is None
    assert exposure_warning("0.0.0.0", "en") == (
        "build.py: warning: the preview listens on 0.0.0.0, not only on this computer: anyone on the network can "
        "read the drafts. Use --host 127.0.0.1 unless that is what you want.")
    assert exposure_warning("192.168.1.20", "vi").startswith(
        "build.py: warning: bản xem trước đang mở tại 192.168.1.20, không chỉ trên máy này")


@pytest.mark.parametrize("target", [
    "/../secret.txt", "/../../secret.txt", "/..%2fsecret.txt", "/..%2F..%2Fsecret.txt", "/%2e%2e/secret.txt",
    "/%2E%2E%2F%2E%2E%2Fsecret.txt", "/%252e%252e%252fsecret.txt", "/..\\secret.txt", "/..%5c..%5csecret.txt",
    "/tin/%00/../../secret.txt", "/a.css%00.html", "//../secret.txt", "/leak.txt", "/leak-dir/secret.txt",
    "/leak-dir/preview/secret.txt", "http://127.0.0.1/../secret.txt", "/%c0%ae%c0%ae/secret.txt",
])
def test_no_request_reaches_a_file_outside_the_output(server, target):
    httpd, _ = server
    status, headers, body = get(httpd, target)
    assert status == 404, (target, status)
    assert SECRET.encode() not in body and "Không tìm thấy trang" in body.decode("utf-8")
    assert headers["x-content-type-options"] == "nosniff"


def test_folders_are_never_listed(server):
    httpd, _ = server
    for target in ("/khong-co-index/", "/khong-co-index", "/leak-dir/"):
        status, _, body = get(httpd, target)
        assert status == 404 and b"anh.webp" not in body, target
    assert get(httpd, "/tin/bai")[:2] == (301, {**get(httpd, "/tin/bai")[1], "location": "/tin/bai/"})


def test_every_answer_has_its_type_and_nosniff(server):
    httpd, _ = server
    expected = {"/tin/bai/": "text/html; charset=utf-8", "/a.css": "text/css; charset=utf-8",
                "/a.js": "text/javascript; charset=utf-8", "/a.svg": "image/svg+xml", "/a.avif": "image/avif",
                "/khong-co-index/anh.webp": "image/webp", "/a.wasm": "application/wasm", "/a.json": "application/json",
                "/f.woff2": "font/woff2", "/sitemap.xml": "application/xml; charset=utf-8",
                "/khong-co/": "text/html; charset=utf-8"}
    for target, kind in expected.items():
        status, headers, body = get(httpd, target)
        assert (status, headers["content-type"]) == (200 if target != "/khong-co/" else 404, kind), target
        assert headers["x-content-type-options"] == "nosniff" and int(headers["content-length"]) == len(body)
    status, headers, body = get(httpd, "/a.css", "HEAD")
    assert (status, headers["x-content-type-options"], body) == (200, "nosniff", b"")
    # Errors answered by the HTTP library itself carry it too.
    for request in (b"POST /a.css HTTP/1.1\r\nHost: x\r\n\r\n", b"GET /a.css HTTP/9.9\r\n\r\n",
                    b"GET /a.css HTTP/1.1\r\n" + b"X: y\r\n" * 120 + b"\r\n"):
        status, headers, _ = ask(httpd, request)
        assert status >= 400 and headers["x-content-type-options"] == "nosniff", request


def open_stream(httpd, generation: int = 0) -> socket.socket:
    stream = socket.create_connection(("127.0.0.1", httpd.server_address[1]), timeout=5)
    stream.sendall(b"GET /__livereload HTTP/1.1\r\nHost: localhost\r\n\r\n")
    head = b""
    while b"\r\n\r\n" not in head or not head.endswith(b"\n\n"):
        received = stream.recv(4096)
        assert received, head  # (closed by the server: not a stream)
        head += received
    assert b"X-Content-Type-Options: nosniff" in head and b"text/event-stream" in head
    assert head.endswith(f"event: reload\ndata: {generation}\n\n".encode())
    return stream


@pytest.mark.timed
def test_open_live_reload_streams_hold_no_worker_and_all_hear_the_rebuild(server):
    httpd, state = server
    streams = []
    try:
        streams = [open_stream(httpd) for _ in range(MAX_STREAMS)]
        deadline = time.monotonic() + 5
        while httpd.hub.count() < MAX_STREAMS:  # the last hand-over may follow its first event by a moment
            assert time.monotonic() < deadline, httpd.hub.count()
            time.sleep(0.01)
        assert len(httpd.workers) < 8  # each stream's worker went back to the pool
        started = time.monotonic()
        assert get(httpd, "/a.css")[0] == 200
        assert time.monotonic() - started < 1.0
        state.publish("/", ())
        for stream in streams:
            assert stream.recv(4096) == b"event: reload\ndata: 1\n\n"
        # One too many: the oldest (most likely a closed tab) is let go. The oldest the hub holds:
        # the workers hand streams over in parallel, so not always the first opened (under load).
        with state.cond:
            oldest = next(iter(httpd.hub.told)).getpeername()[1]
        victim = next(stream for stream in streams if stream.getsockname()[1] == oldest)
        streams.append(open_stream(httpd, 1))
        assert victim.recv(4096) == b"" and httpd.hub.count() == MAX_STREAMS
    finally:
        for stream in streams:
            stream.close()


@pytest.mark.timed
def test_a_client_that_sends_nothing_does_not_stop_the_others(server):
    httpd, _ = server
    silent = [socket.create_connection(("127.0.0.1", httpd.server_address[1])) for _ in range(WORKERS // 2)]
    try:
        started = time.monotonic()
        assert get(httpd, "/tin/bai/")[0] == 200
        assert time.monotonic() - started < 1.0
    finally:
        for client in silent:
            client.close()


def test_a_portal_under_a_vietnamese_sub_path_is_served_where_its_links_point(server):
    """base_url = "https://…/xã-đông-hòa/" publishes its links %-encoded (/x%C3%A3-…/), which the
    preview compared with the request's decoded path: every page, the address `serve` printed
    first, was its 404 page, the style sheet too."""
    httpd, state = server
    base = "/x%C3%A3-%C4%91%C3%B4ng-h%C3%B2a/"
    state.publish(base, ())
    status, _, body = get(httpd, base + "tin/bai/")
    assert status == 200 and "<h1>Bài</h1>" in body.decode("utf-8")
    assert get(httpd, base + "a.css")[0] == 200
    for target, location in (("/", base), (base.rstrip("/"), base), (base + "tin/bai", base + "tin/bai/")):
        status, headers, _ = get(httpd, target)
        assert (status, headers["location"]) == (301, location), target
    assert get(httpd, "/tin/bai/")[0] == 404
