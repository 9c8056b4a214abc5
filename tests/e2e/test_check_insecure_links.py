"""`check` names every external link that is not https, with its line and host."""
from __future__ import annotations

import json

from generator.checker import check_site, insecure_host
from tests.conftest import SITE_TOML, article, cli_here, run_cli

# Body lines start at file line 7 (6 lines of front-matter and a blank line).
FILES = {
    "content/tin-hoat-dong/lien-ket.md": article("Liên kết ngoài", body=(
        "Xem [Bộ Công an](https://bocongan.example.vn/tin/1) và [cổng cũ](http://congan-cu.example.vn/tin?a=1&b=2).\n"
        "\n"
        "```\n"
        "http://trong-khoi-ma.example.vn/ không phải liên kết\n"
        "```\n"
        "\n"
        "Tải [văn bản](ftp://tai-lieu.example.vn/vb.pdf), gửi [thư](mailto:bbt@congan.example.vn), "
        "gọi [đường dây nóng](tel:0221386212), xem <http://tu-dong.example.vn/a>.\n"
        "\n"
        "[tham-chieu]: HTTP://Tham-Chieu.example.vn/x\n"
        "Một [tham chiếu][tham-chieu] và <a href=\"http://the-a.example.vn:8080/\">thẻ a</a>.\n")),
    "content/tin-hoat-dong/an-toan.md": article("An toàn", body="[Trang](https://an-toan.example.vn/) và [bài](lien-ket.md).\n"),
}
TOML = SITE_TOML.replace('''[[links]]
name = "Bộ Công an"
url = "https://bocongan.example.vn/"
''', '''[[links]]
name = "Bộ Công an"
url = "https://bocongan.example.vn/"

[[links]]
name = "Công an tỉnh bạn"
url = "http://congan-ban.example.vn/"
''')
ARTICLE = "content/tin-hoat-dong/lien-ket.md"
EXPECTED_EN = [
    f"{ARTICLE}:8: warning[insecure-link]: the link 'http://congan-cu.example.vn/tin?a=1&b=2' uses http, "
    "not https: the connection to congan-cu.example.vn is not encrypted; use https:// if that site offers it",
    f"{ARTICLE}:14: warning[insecure-link]: the link 'ftp://tai-lieu.example.vn/vb.pdf' uses ftp, not https: "
    "the connection to tai-lieu.example.vn is not encrypted; use https:// if that site offers it",
    f"{ARTICLE}:14: warning[insecure-link]: the link 'http://tu-dong.example.vn/a' uses http, not https: "
    "the connection to tu-dong.example.vn is not encrypted; use https:// if that site offers it",
    f"{ARTICLE}:16: warning[insecure-link]: the link 'HTTP://Tham-Chieu.example.vn/x' uses http, not https: "
    "the connection to tham-chieu.example.vn is not encrypted; use https:// if that site offers it",
    f"{ARTICLE}:17: warning[insecure-link]: the link 'http://the-a.example.vn:8080/' uses http, not https: "
    "the connection to the-a.example.vn is not encrypted; use https:// if that site offers it",
    "site.toml:18: warning[insecure-link]: the link 'http://congan-ban.example.vn/' uses http, not https: "
    "the connection to congan-ban.example.vn is not encrypted; use https:// if that site offers it",
]


def test_only_external_links_without_https_are_insecure():
    assert insecure_host("http://Cong-An.example.vn:80/a") == "cong-an.example.vn"
    assert insecure_host("ws://a.example.vn/") == "a.example.vn"
    for safe in ("https://a.example.vn/", "mailto:a@b.vn", "tel:113", "../bai.md", "/tin/", "#muc",
                 "http:///khong-co-may", "http://[khong-hop-le/"):
        assert insecure_host(safe) is None, safe


def test_each_insecure_link_is_a_warning_with_its_line_and_host(make_site):
    report = check_site(make_site(FILES, site_toml=TOML))
    assert [str(p) for p in report.problems] == EXPECTED_EN
    assert report.ok  # warnings only


def test_vietnamese_wording_and_strict_makes_them_errors(make_site):
    site = make_site(FILES, site_toml=TOML)
    plain = cli_here("check", "--site", str(site))
    assert plain.returncode == 0, plain.stdout + plain.stderr
    lines = plain.stdout.splitlines()
    assert lines[-1] == "Đã kiểm tra 2 bài viết: 0 lỗi, 6 cảnh báo."
    assert lines[-2] == ("site.toml:18: warning[insecure-link]: liên kết 'http://congan-ban.example.vn/' dùng http, "
                         "không phải https: kết nối tới congan-ban.example.vn không được mã hóa; "
                         "hãy dùng https:// nếu trang đó hỗ trợ")
    strict = cli_here("check", "--site", str(site), "--strict", "--format", "json", "--lang", "en")
    assert strict.returncode == 1
    report = json.loads(strict.stdout)
    assert (report["errors"], report["warnings"]) == (6, 0)
    assert [f"{p['path']}:{p['line']}: warning[{p['code']}]: {p['message']}" for p in report["problems"]] == EXPECTED_EN
    assert {p["severity"] for p in report["problems"]} == {"error"}


def test_a_site_with_only_https_links_has_nothing_to_report(make_site):
    site = make_site({"content/tin-hoat-dong/an-toan.md": FILES["content/tin-hoat-dong/an-toan.md"],
                      "content/tin-hoat-dong/lien-ket.md": article("Bài đích")})
    assert check_site(site).problems == ()
