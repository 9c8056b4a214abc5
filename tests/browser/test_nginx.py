"""The demo portal served by nginx with README's server block, as a unit's host serves it: what
a reader gets through a real web server (its redirects, types and headers), not our own."""
from __future__ import annotations

import contextlib
import gzip
import http.client
import os
import re
import socket
import subprocess
import time

import pytest

from tests.browser.conftest import under_policy
from tests.browser.test_security_headers import readme_policy
from tests.conftest import REPO, free_port

NGINX = "/usr/sbin/nginx"
README_BLOCK = re.compile(r"### Publishing on nginx\n.*?```nginx\n(server \{.*?\n\})\n```", re.S)
# README's block for the old host of a portal taken in (two provinces merged)
TAKEN_IN_BLOCK = re.compile(r"\*\*Taking in another portal\*\*.*?```nginx\n(server \{.*?\n\})\n```", re.S)
# README's lines for a portal under a sub-path
SUB_PATH_LINES = re.compile(r"\*\*Under a sub-path\*\*.*?```nginx\n(.*?)\n```", re.S)
DEMO_ARTICLE = "/tin-hoat-dong/doi-canh-sat-giao-thong-huong-dan-hoc-sinh-doi-mu-bao-hiem-dung-cach/"


def readme_server_block() -> str:
    found = README_BLOCK.search((REPO / "README.md").read_text(encoding="utf-8"))
    assert found, "README has no '### Publishing on nginx' section with a server block"
    return found.group(1)


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    """The demo portal, plus a document named with a bare % and captions, behind nginx: its base URL."""
    from generator.pipeline import BuildOptions, build
    out = tmp_path_factory.mktemp("host") / "public"
    result = build(BuildOptions(site_dir=REPO, out_dir=out))
    assert result.ok, [str(p) for p in result.problems]
    (out / "tai-lieu").mkdir()
    (out / "tai-lieu" / "Kết quả đạt 95%.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (out / "tai-lieu" / "clip.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào\n", encoding="utf-8")
    port = free_port()
    block = readme_server_block()
    block = re.sub(r"(?m)^(\s*)listen .*;$", rf"\1listen 127.0.0.1:{port};", block, count=1)
    block = re.sub(r"(?m)^(\s*)root .*;$", rf"\1root {out};", block, count=1)
    with running_nginx(block, port, tmp_path_factory.mktemp("nginx")):
        yield f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def running_nginx(block: str, port: int, prefix):
    """nginx serving one server block (listening on `port`), its files kept under `prefix`."""
    temp = "\n".join(f"  {kind}_temp_path {prefix / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # (Run by root, nginx's workers would be nobody, who may not read pytest's private folders.)
    user = "user root;\n" if os.geteuid() == 0 else ""
    (prefix / "nginx.conf").write_text(f"""daemon off;
{user}worker_processes 1;
pid {prefix / 'nginx.pid'};
error_log {prefix / 'error.log'};
events {{}}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
{temp}
{block}
}}
""", encoding="utf-8")
    server = subprocess.Popen([NGINX, "-e", str(prefix / "error.log"), "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert server.poll() is None, (prefix / "error.log").read_text(encoding="utf-8", errors="replace")
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.05)
        yield
    finally:
        server.terminate()
        server.wait(timeout=10)


def fetch(base: str, path: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection(base.removeprefix("http://"), timeout=5)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
    response = connection.getresponse()
    response.body = response.read()
    if response.getheader("Content-Encoding") == "gzip":
        response.body = gzip.decompress(response.body)
    connection.close()
    return response


def test_readme_s_server_block_sends_readme_s_policy():
    assert f'add_header Content-Security-Policy "{readme_policy()}" always;' in readme_server_block()


def test_what_nginx_answers(nginx):
    missing = fetch(nginx, "/khong-co-trang-nay/")
    assert missing.status == 404 and "Không tìm thấy trang" in missing.body.decode("utf-8")
    home = fetch(nginx, "/")
    assert home.getheader("Content-Type") == "text/html; charset=utf-8"
    assert home.getheader("Content-Security-Policy") == readme_policy()
    assert home.getheader("X-Content-Type-Options") == "nosniff"
    old = fetch(nginx, "/Pages/tin-tuc/chi-tiet.aspx?ItemID=1024")
    assert old.status == 301 and old.getheader("Location").endswith("/Pages/tin-tuc/chi-tiet.aspx/?ItemID=1024")
    document = fetch(nginx, "/tai-lieu/K%E1%BA%BFt%20qu%E1%BA%A3%20%C4%91%E1%BA%A1t%2095%25.pdf")
    assert (document.status, document.getheader("Content-Type")) == (200, "application/pdf")
    assert fetch(nginx, "/tai-lieu/clip.vtt").getheader("Content-Type").startswith("text/vtt")
    styles = re.search(r'href="(/assets/css/style\.css\?v=[0-9a-f]+)"', home.body.decode("utf-8")).group(1)
    assert "max-age=31536000" in fetch(nginx, styles).getheader("Cache-Control", "")
    assert fetch(nginx, "/assets/css/style.css").getheader("Cache-Control") is None
    photo = re.search(r'src="(/images/[^"]+)"', home.body.decode("utf-8")).group(1)
    cached = fetch(nginx, photo)
    assert "max-age=31536000" in cached.getheader("Cache-Control", "")
    assert cached.getheader("Content-Security-Policy") == readme_policy()  # kept inside a location too
    assert fetch(nginx, styles).getheader("Content-Encoding") == "gzip"


def test_a_reader_behind_nginx(browser, nginx):
    with under_policy(browser, readme_policy()) as (context, blocked):
        page = context.new_page()
        page.goto(nginx + "/Pages/tin-tuc/chi-tiet.aspx?ItemID=1024")
        page.wait_for_url(f"**{DEMO_ARTICLE}")
        page.goto(nginx + "/tin-tuc/2025/09/doi-csgt-huong-dan-hoc-sinh.html")
        page.wait_for_url(f"**{DEMO_ARTICLE}")
        page.goto(nginx + "/tim-kiem/?q=thi+dua")
        page.locator(".search-result").first.wait_for()
        page.goto(nginx + "/")
        page.wait_for_load_state("networkidle")
        shown = "[...document.images].filter(i => i.getBoundingClientRect().top < innerHeight)"
        assert page.evaluate(f"{shown}.length > 0 && {shown}.every(i => i.complete && i.naturalWidth > 0)")
        assert blocked == []


def test_readme_s_block_for_a_taken_in_portal_forwards_its_home_page_and_its_old_addresses(tmp_path):
    """The old host of a portal taken in forwards each old address under the prefix its aliases keep;
    its home page, the address most linked and bookmarked, went to /thai-binh/, which no page answers
    (the portal's 404): search engines dropped it, and its readers met "Không tìm thấy trang"."""
    found = TAKEN_IN_BLOCK.search((REPO / "README.md").read_text(encoding="utf-8"))
    assert found, "README has no nginx block under 'Taking in another portal'"
    port = free_port()
    block = found.group(1).replace("server {", f"server {{\n    listen 127.0.0.1:{port};", 1)
    with running_nginx(block, port, tmp_path):
        base = f"http://127.0.0.1:{port}"
        for old, new in (("/", "https://congan.hungyen.example.vn/"),
                         # (as Facebook and Zalo open a shared link to it: with their tracking query)
                         ("/?fbclid=IwAR0x1Yk2", "https://congan.hungyen.example.vn/"),
                         ("/?zarsrc=30&utm_source=zalo&utm_medium=zalo&utm_campaign=zalo",
                          "https://congan.hungyen.example.vn/"),
                         ("/Pages/tin-tuc/chi-tiet.aspx?ItemID=1024",
                          "https://congan.hungyen.example.vn/thai-binh/Pages/tin-tuc/chi-tiet.aspx?ItemID=1024"),
                         ("/tin-tuc/", "https://congan.hungyen.example.vn/thai-binh/tin-tuc/"),
                         ("/?p=12", "https://congan.hungyen.example.vn/thai-binh/?p=12")):
            answer = fetch(base, old)
            assert (answer.status, answer.getheader("Location")) == (301, new), old


def test_readme_s_lines_for_a_portal_under_a_sub_path_give_its_404_page_and_its_caching(make_site, tmp_path):
    """A unit's portal at …/huyen-a/, served with README's block as it is: a missing page was nginx's
    bare "404 Not Found", not the portal's page with its search box, and nothing was cached."""
    from generator.pipeline import BuildOptions, build
    from tests.conftest import SITE_TOML, article
    found = SUB_PATH_LINES.search((REPO / "README.md").read_text(encoding="utf-8"))
    assert found, "README has no nginx lines under 'Under a sub-path'"
    lines = found.group(1).splitlines()
    site = make_site({"content/tin-hoat-dong/bai.md": article("Bài đầu tiên")},
                     SITE_TOML.replace("https://congan.example.vn/", "https://congan.example.vn/huyen-a/"))
    assert build(BuildOptions(site_dir=site, out_dir=tmp_path / "www" / "huyen-a")).ok
    port = free_port()
    block = readme_server_block()
    block = re.sub(r"(?m)^(\s*)listen .*;$", rf"\1listen 127.0.0.1:{port};", block, count=1)
    block = re.sub(r"(?m)^(\s*)root .*;$", rf"\1root {tmp_path / 'www'};", block, count=1)
    for line in lines:  # each in place of the block's own line, the same without /huyen-a
        assert line.replace("/huyen-a", "") in block, line
        block = block.replace(line.replace("/huyen-a", ""), line)
    (tmp_path / "nginx").mkdir()
    with running_nginx(block, port, tmp_path / "nginx"):
        base = f"http://127.0.0.1:{port}"
        missing = fetch(base, "/huyen-a/khong-co-trang-nay/")
        assert missing.status == 404 and "Không tìm thấy trang" in missing.body.decode("utf-8")
        home = fetch(base, "/huyen-a/").body.decode("utf-8")
        styles = re.search(r'href="(/huyen-a/assets/css/style\.css\?v=[0-9a-f]+)"', home).group(1)
        assert "max-age=31536000" in fetch(base, styles).getheader("Cache-Control", "")
        assert fetch(base, "/huyen-a/assets/css/style.css").getheader("Cache-Control") is None
