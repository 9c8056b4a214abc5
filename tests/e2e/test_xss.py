"""XSS payloads in every place an editor or a pasted page can put text, proven
harmless on the built HTML: no script element, no on* handler, no script URL,
iframes only from the hosts site.toml allows — and ordinary formatting kept."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from tests.conftest import SITE_TOML, article, cli_here, foreign_scripts, text_of

ALLOWED = "www.youtube-nocookie.com"
PAYLOADS = [
    "<script>alert(1)</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    # (Remote photos: a local one would be replaced by its processed <picture> or, missing, fail the build.)
    "<img src=https://anh.example.vn/x onerror=alert(1)>",
    "<IMG SRC=\"jav&#x09;ascript:alert(1)\">",
    "<img src=\"https://anh.example.vn/x\" srcset=\"javascript:alert(1) 1x, /a.jpg 2x\">",
    "<svg onload=alert(1)><circle r=1></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    "<a href=\"javascript:alert(1)\">bấm</a>",
    "<a href=\"  JaVaScRiPt:alert(1)\">bấm</a>",
    # (a raw tab would not do: Markdown expands it to spaces, and the link is then reported broken)
    "<a href=\"java&#x09;script:alert(1)\">bấm</a>",
    "<a href=\"vbscript:msgbox(1)\">bấm</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">bấm</a>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe src=\"https://evil.example/\"></iframe>",
    "<iframe src=\"http://www.youtube-nocookie.com/embed/x\"></iframe>",
    "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
    "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
    "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">Gửi</button></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<div style=\"background:url(javascript:alert(1))\">nền</div>",
    "<details open ontoggle=alert(1)><summary>x</summary></details>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<p onmouseover=\"alert(1)\" class=\"dan\">đoạn</p>",
    "<video poster=\"javascript:alert(1)\" src=\"/v.mp4\"></video>",
    "[liên kết markdown](javascript:alert(1))",
    "![ảnh markdown](javascript:alert(1))",
    "<a href=\"#\" onclick=\"alert(1)\">x</a>",
]
KEPT = """
<table><thead><tr><th style="text-align: center">Đơn vị</th><th>Số vụ</th></tr></thead>
<tbody><tr><td>Công an xã</td><td>3</td></tr></tbody></table>

<figure><picture><source srcset="https://cdn.example.vn/anh.webp" type="image/webp"><img src="https://cdn.example.vn/anh.jpg" alt="Ra quân" width="800" height="600" loading="lazy" decoding="async" title="Ảnh"></picture><figcaption>Lễ ra quân</figcaption></figure>

<p><strong>Đậm</strong>, <em>nghiêng</em>, <u>gạch chân</u>, <sup>1</sup> và <a href="https://bocongan.gov.vn/" title="Bộ">Bộ Công an</a>.</p>

<iframe src="https://www.youtube-nocookie.com/embed/abc123" width="560" height="315" allowfullscreen title="Video"></iframe>
"""
EVIL = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "data", "poster", "xlink:href", "background",
                  "content")


def evil_site(tmp_path: Path, hosts: str = f'["{ALLOWED}"]') -> Path:
    site = tmp_path / "site"
    toml = SITE_TOML.replace('name = "Dân vận khéo"', f"name = 'Dân vận khéo {EVIL}'\ndescription = '{EVIL}'")
    toml = toml.replace('name = "Phòng Cảnh sát giao thông"', f"name = 'Phòng CSGT {EVIL}'")
    toml = toml.replace('address = "', f"address = '{EVIL}' #")
    toml = toml.replace('name = "Bộ Công an"', f"name = 'Bộ Công an {EVIL}'")
    toml += f"\n[security]\niframe_hosts = {hosts}\n"
    body = "\n\n".join(PAYLOADS) + "\n\n" + KEPT
    files = {
        "content/tin-hoat-dong/doc-hai.md": article(
            "Tin nóng <script>alert(1)</script> & \\\"trích dẫn\\\"", "2026-01-21T09:30:00",
            "phong-canh-sat-giao-thong", campaigns=["dan-van-kheo"], body=body,
            author=f"'{EVIL}'", summary=f"'{EVIL}'", slug="doc-hai", extra="{x: '<script>alert(1)</script>'}"),
        "content/tin-hoat-dong/binh-thuong.md": article("Bài bình thường", "2026-01-20", campaigns=["dan-van-kheo"]),
    }
    (site / "content").mkdir(parents=True)
    (site / "site.toml").write_text(toml, encoding="utf-8")
    for rel, text in files.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return site


def pages(out: Path) -> dict[str, BeautifulSoup]:
    return {p.relative_to(out).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
            for p in sorted(out.rglob("*.html"))}


def assert_harmless(name: str, page: BeautifulSoup) -> None:
    assert foreign_scripts(page) == [], name
    assert page.find_all(["object", "embed", "base", "svg", "math", "style"]) == [], name
    # The theme's own search boxes are the only forms, and they only ever go to the search page.
    for form in page.find_all("form"):
        assert (form.get("action"), form.get("method"), form.get("role")) == ("/tim-kiem/", "get", "search"), form
        assert not form.find_all(["button", "input"], attrs={"formaction": True}), form
    assert not page.find_all("meta", attrs={"http-equiv": True}), name
    for element in page.find_all(True):
        for attribute, value in element.attrs.items():
            assert not attribute.lower().startswith("on"), (name, element)
            assert attribute != "srcdoc", (name, element)
            if attribute in URL_ATTRIBUTES or attribute == "style":
                text = " ".join(value) if isinstance(value, list) else value
                compact = re.sub(r"[\x00-\x20]", "", text).lower()
                assert not re.search(r"(java|vb)script:|data:text", compact), (name, element)
    for frame in page.find_all("iframe"):
        parts = urlsplit(frame.get("src", ""))
        assert (parts.scheme, parts.hostname) == ("https", ALLOWED), (name, frame)


def test_payloads_are_harmless_on_every_built_page(tmp_path):
    site = evil_site(tmp_path)
    done = cli_here("build", "--lang", "en", "--site", str(site), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    built = pages(tmp_path / "out")
    assert len(built) > 5
    for name, page in built.items():
        assert_harmless(name, page)

    page = built["tin-hoat-dong/doc-hai/index.html"]
    # Escaped, not dropped: the reader sees the text an editor typed.
    assert text_of(page.find("h1")) == 'Tin nóng <script>alert(1)</script> & "trích dẫn"'
    assert text_of(page.find(class_="author")) == f"Tác giả: {EVIL}"
    assert "Phòng CSGT " + EVIL in [text_of(a) for a in page.find_all("a", class_="unit")]
    assert page.find("meta", attrs={"name": "description"})["content"] == EVIL
    assert EVIL in text_of(page.find("footer"))
    body = page.find("div", class_="body")
    frames = body.find_all("iframe")
    assert [f["src"] for f in frames] == ["https://www.youtube-nocookie.com/embed/abc123"]
    assert frames[0].has_attr("allowfullscreen") and frames[0]["width"] == "560"
    # Ordinary formatting survives.
    assert [text_of(c) for c in body.find("table").find_all("th")] == ["Đơn vị", "Số vụ"]
    assert body.find("th")["class"] == ["can-giua"] and not body.find_all(style=True)
    image = body.find("figure").find("picture").find("img")
    assert {k: image[k] for k in ("src", "alt", "width", "height", "loading", "decoding", "title")} == {
        "src": "https://cdn.example.vn/anh.jpg", "alt": "Ra quân", "width": "800", "height": "600", "loading": "lazy",
        "decoding": "async", "title": "Ảnh"}
    assert body.find("source")["srcset"] == "https://cdn.example.vn/anh.webp"
    assert text_of(body.find("figcaption")) == "Lễ ra quân"
    formatted = body.find("strong", string="Đậm").parent
    assert [(t.name, text_of(t)) for t in formatted.find_all(True)][:4] == [
        ("strong", "Đậm"), ("em", "nghiêng"), ("u", "gạch chân"), ("sup", "1")]
    assert body.find("a", string="Bộ Công an")["href"] == "https://bocongan.gov.vn/"
    assert text_of(body.find("p", class_="dan")) == "đoạn"
    assert "alert(1)" not in str(body.find_all("img"))


def test_iframe_hosts_change_rebuilds_the_cached_body(tmp_path):
    site = evil_site(tmp_path, hosts="[]")
    out = tmp_path / "out"
    assert cli_here("build", "--lang", "en", "--site", str(site), "--out", str(out)).returncode == 0
    body = pages(out)["tin-hoat-dong/doc-hai/index.html"].find("div", class_="body")
    assert body.find_all("iframe") == []
    toml = (site / "site.toml").read_text(encoding="utf-8").replace("iframe_hosts = []", f'iframe_hosts = ["{ALLOWED}"]')
    (site / "site.toml").write_text(toml, encoding="utf-8")
    assert cli_here("build", "--lang", "en", "--site", str(site), "--out", str(out)).returncode == 0
    body = pages(out)["tin-hoat-dong/doc-hai/index.html"].find("div", class_="body")
    assert [f["src"] for f in body.find_all("iframe")] == ["https://www.youtube-nocookie.com/embed/abc123"]


def test_script_urls_in_site_toml_links_are_refused(tmp_path):
    site = evil_site(tmp_path)
    toml = (site / "site.toml").read_text(encoding="utf-8")
    (site / "site.toml").write_text(toml.replace('url = "https://bocongan.example.vn/"',
                                                 'url = " javascript:alert(1)"'), encoding="utf-8")
    done = cli_here("build", "--lang", "en", "--site", str(site), "--out", str(tmp_path / "out"))
    assert done.returncode == 1
    assert "site.toml:" in done.stderr and "error[bad-value]: ' javascript:alert(1)'" in done.stderr
    assert "Traceback" not in done.stderr
