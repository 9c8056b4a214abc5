"""What a request may reach, and the type it is answered with: pure functions."""
from __future__ import annotations

from pathlib import Path

import socket

from generator.preview_http import Found, content_type, host_allowed, is_loopback, locate, request_path


def test_request_paths_that_could_climb_are_refused_before_any_file_is_touched():
    for target in ("/../etc/passwd", "/..%2f..%2fetc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2Fsecret",
                   "/a/./b", "/..\\..\\etc\\passwd", "/%5c..%5csecret", "/index.html%00.css", "/a%00",
                   "/%ff%fe", "ftp://host/a", "file:///etc/passwd"):
        assert request_path(target) is None, target


def test_request_paths_are_decoded_once_and_collapsed():
    assert request_path("/tin-hoat-dong/bai-a/?q=1#top") == "/tin-hoat-dong/bai-a/"
    assert request_path("//etc//passwd") == "/etc/passwd"  # absolute paths stay inside the output
    assert request_path("/%252e%252e%252fsecret") == "/%2e%2e%2fsecret"  # double encoding is a plain name
    assert request_path("/tin-t%E1%BB%A9c/") == "/tin-tức/"
    assert request_path("http://127.0.0.1:8000/a/b") == "/a/b"
    assert request_path("") is None and request_path("/") == "/"


def test_locate_stays_inside_the_output_folder(tmp_path: Path):
    out = tmp_path / "public"
    (out / "tin" / "bai").mkdir(parents=True)
    (out / "tin" / "bai" / "index.html").write_text("<p>bài</p>", encoding="utf-8")
    (out / "khong-co-index").mkdir()
    (out / "style.css").write_text("body{}", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("mật", encoding="utf-8")
    (out / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (out / "leak-dir").symlink_to(tmp_path)
    (out / "ben-trong.css").symlink_to(out / "style.css")
    (out / "vong").symlink_to(out / "vong")
    assert locate(out, "/tin/bai/") == Found(file=out / "tin/bai/index.html")
    assert locate(out, "/tin/bai", "/cong/") == Found(redirect="/cong/tin/bai/")
    assert locate(out, "/style.css") == Found(file=out / "style.css")
    assert locate(out, "/ben-trong.css") == Found(file=out / "style.css")
    for refused in ("/leak.txt", "/leak-dir/secret.txt", "/leak-dir/", "/khong-co-index/", "/khong-co-index",
                    "/vong", "/khong-co.html", "/style.css/x", "/" + "a" * 5000):
        assert locate(out, refused) is None, refused


def test_content_types_do_not_depend_on_the_machine():
    expected = {"index.html": "text/html; charset=utf-8", "style.css": "text/css; charset=utf-8",
                "app.js": "text/javascript; charset=utf-8", "logo.svg": "image/svg+xml", "a.webp": "image/webp",
                "a.avif": "image/avif", "sitemap.xml": "application/xml; charset=utf-8",
                "atom.xml": "application/atom+xml; charset=utf-8", "search.json": "application/json",
                "pagefind.wasm": "application/wasm", "font.woff2": "font/woff2", "A.JPG": "image/jpeg",
                "fragment.pf_fragment": "application/octet-stream", "README": "application/octet-stream",
                "clip.mov": "video/quicktime", "ban-tin.m4a": "audio/mp4", "clip.mp4": "video/mp4"}
    assert {name: content_type(name) for name in expected} == expected


def test_only_loopback_addresses_count_as_this_computer():
    assert all(map(is_loopback, ("127.0.0.1", "127.0.0.2", "::1", "localhost")))
    assert not any(map(is_loopback, ("0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "fe80::1%eth0")))


def test_the_preview_answers_to_names_of_this_computer_and_addresses_only():
    """A page elsewhere that points a name of its own at 127.0.0.1 (DNS rebinding) must not read
    the drafts through the editor's browser: its requests carry its name in Host."""
    for header in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000", "192.168.1.20:8000", "LOCALHOST",
                   "app.localhost:8000", "localhost.", None, "", f"{socket.gethostname()}:8000"):
        assert host_allowed(header, "127.0.0.1"), header
    for header in ("evil.example:8000", "evil.example", "127.0.0.1.nip.io:8000", "localhost.evil.example"):
        assert not host_allowed(header, "127.0.0.1"), header
    assert host_allowed("bien-tap.congan.lan:8000", "bien-tap.congan.lan")  # the --host it was told to listen on
