"""`check`: every problem an editor can make, all at once, nothing written."""
from __future__ import annotations

import io
import json

from PIL import Image

from generator.checker import check_site
from tests.conftest import REPO, article, run_cli


def jpeg() -> bytes:
    photo = io.BytesIO()
    Image.new("RGB", (48, 32), (180, 30, 30)).save(photo, "JPEG")
    return photo.getvalue()


JPEG = jpeg()

GOOD = {
    "content/tin-hoat-dong/bai-tot/index.md": article(
        "Bài viết đầy đủ", body="## Diễn biến\n\n![Lễ ra quân](ra-quan.jpg)\n\n### Chi tiết\n\n"
        "Xem [bài khác](../../xay-dung-luc-luong/tap-huan.md).\n"),
    "content/tin-hoat-dong/bai-tot/ra-quan.jpg": JPEG,
    "content/xay-dung-luc-luong/tap-huan.md": article("Tập huấn", category="xay-dung-luc-luong",
                                                      body="# Mục một\n\n## Mục con\n"),
}

BROKEN = {
    # line 8: a link to an article that does not exist; line 10: fine
    "content/tin-hoat-dong/lien-ket/index.md": article(
        "Liên kết hỏng", body="Xem [thêm](../khong-co/index.md).\n\nVà [bài tốt](../bai-tot/index.md).\n"),
    # line 8 missing, line 10 no alt, 12 reference image whose definition (line 14) names a missing file,
    # line 16 a raw <img> tag
    "content/tin-hoat-dong/anh/index.md": article(
        "Ảnh", body="![Ảnh thiếu](khong-co.jpg)\n\n![](co-that.jpg)\n\n"
        "![Ảnh tham chiếu][mat]\n\n[mat]: mat-tich.png\n\n<img src=\"co-that.jpg\">\n"),
    "content/tin-hoat-dong/anh/co-that.jpg": JPEG,
    # line 8 h2, line 10 h4: skips h3
    "content/tin-hoat-dong/tieu-de.md": article("Tiêu đề", body="## Một\n\n#### Bốn\n\nChữ.\n\nHai\n---\n"),
    # drafts are checked too (line 8)
    "content/tin-hoat-dong/nhap.md": article("Bản nháp hỏng", draft="true",
                                            body="[a](khong-co.md)\n"),
}

EXPECTED = [
    "content/tin-hoat-dong/anh/index.md:8: error[missing-image]: the image 'khong-co.jpg' does not exist "
    "(content/tin-hoat-dong/anh/khong-co.jpg)",
    "content/tin-hoat-dong/anh/index.md:10: warning[missing-alt]: the image 'co-that.jpg' has no alt text; "
    "describe it for readers who cannot see it",
    "content/tin-hoat-dong/anh/index.md:14: error[missing-image]: the image 'mat-tich.png' does not exist "
    "(content/tin-hoat-dong/anh/mat-tich.png)",
    "content/tin-hoat-dong/anh/index.md:16: warning[missing-alt]: the image 'co-that.jpg' has no alt text; "
    "describe it for readers who cannot see it",
    "content/tin-hoat-dong/lien-ket/index.md:8: error[broken-link]: the link '../khong-co/index.md' points to no "
    "article (check the path to its .md file)",
    "content/tin-hoat-dong/nhap.md:9: error[broken-link]: the link 'khong-co.md' points to no article "
    "(check the path to its .md file)",
    "content/tin-hoat-dong/tieu-de.md:10: warning[skipped-heading-level]: heading level 4 follows level 2; "
    "use '###' here so screen readers keep the outline",
]


def test_a_clean_site_passes(make_site):
    report = check_site(make_site(GOOD))
    assert report.ok and report.problems == () and report.articles == 2


def test_the_bundled_demo_portal_passes_check():
    done = run_cli("check", "--site", str(REPO))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().endswith("0 lỗi, 0 cảnh báo.")


def test_every_content_problem_is_reported_together_with_its_line(make_site):
    site = make_site({**GOOD, **BROKEN})
    report = check_site(site)
    assert [str(p) for p in report.problems] == EXPECTED
    assert not report.ok
    assert not (site / "public").exists()


def test_front_matter_errors_stop_photo_and_link_checks_but_headings_are_still_checked(make_site):
    site = make_site({**GOOD, "content/tin-hoat-dong/sai.md": article("Sai", unit="khong-ro",
                                                                       body="![](khong-co.jpg)\n\n### Ba\n"),
                      "content/tin-hoat-dong/lien-ket.md": article("Link", body="[x](khong-co.md)\n")})
    problems = check_site(site).problems
    assert [(p.location.path, p.code) for p in problems] == [
        ("content/tin-hoat-dong/sai.md", "unknown-unit"), ("content/tin-hoat-dong/sai.md", "skipped-heading-level")]


def test_a_link_from_a_published_article_to_a_draft_is_an_error_as_in_build(make_site, build_site):
    # (Only the articles that link to an unpublished one are converted a second time, with
    # every published article a link may lead to: the link to khac.md stays good.)
    site = make_site({**GOOD, "content/tin-hoat-dong/nhap.md": article("Nháp", draft="true"),
                      "content/tin-hoat-dong/khac.md": article("Khác"),
                      "content/tin-hoat-dong/dang.md": article("Đăng", body="Xem [bản nháp](nhap.md).\n\n"
                                                                            "Và [bài khác](khac.md).\n")})
    assert [str(p) for p in check_site(site).problems] == [
        "content/tin-hoat-dong/dang.md:8: error[broken-link]: the link 'nhap.md' points to an article that is "
        "not published yet (a draft, scheduled or expired); the build fails until it is"]
    assert [p.code for p in build_site(site).result.problems] == ["broken-link"]
    assert build_site(site, drafts=True).result.ok


def test_warnings_alone_pass_unless_strict(make_site):
    site = make_site({**GOOD, "content/tin-hoat-dong/tieu-de.md": BROKEN["content/tin-hoat-dong/tieu-de.md"]})
    plain = run_cli("check", "--site", str(site), "--lang", "en")
    assert plain.returncode == 0, plain.stdout
    assert "content/tin-hoat-dong/tieu-de.md:10: warning[skipped-heading-level]" in plain.stdout
    assert "Checked 3 articles: 0 error(s), 1 warning(s)." in plain.stdout
    strict = run_cli("check", "--site", str(site), "--strict")
    assert strict.returncode == 1
    assert ("content/tin-hoat-dong/tieu-de.md:10: error[skipped-heading-level]: tiêu đề cấp 4 đứng sau tiêu đề "
            "cấp 2") in strict.stdout
    assert "1 lỗi, 0 cảnh báo" in strict.stdout


def test_json_report_for_ci(make_site):
    site = make_site({**GOOD, **BROKEN})
    done = run_cli("check", "--site", str(site), "--format", "json", "--lang", "en")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["ok"] is False and report["articles"] == 6
    assert (report["errors"], report["warnings"]) == (4, 3)
    assert [f"{p['path']}:{p['line']}: {p['severity']}[{p['code']}]: {p['message']}"
            for p in report["problems"]] == EXPECTED
    strict = json.loads(run_cli("check", "--site", str(site), "--format", "json", "--strict").stdout)
    assert (strict["errors"], strict["warnings"]) == (7, 0)
    assert strict["problems"][1]["message"].startswith("ảnh 'co-that.jpg' chưa có mô tả (alt)")
    english = ("the ", "heading level", "unknown ")
    assert [p["message"] for p in strict["problems"] if p["message"].startswith(english)] == []


def test_a_reader_that_goes_away_is_no_traceback(make_site):
    """`check | head`: the reader of the report closes the pipe; the editor sees no traceback."""
    import subprocess
    import sys
    site = make_site({**GOOD, "content/trang/lien-he.md": "---\ntitle: Liên hệ\n---\n\nGọi 113.\n"})
    process = subprocess.Popen([sys.executable, str(REPO / "build.py"), "check", "--site", str(site), "--format",
                                "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # gone before the first line is written
    err = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=60) == 141 and "Traceback" not in err, err
    done = run_cli("check", "--site", str(site), "--format", "json")
    assert (json.loads(done.stdout)["articles"], json.loads(done.stdout)["pages"]) == (2, 1)
    assert run_cli("check", "--site", str(site)).stdout.strip().endswith(
        "Đã kiểm tra 2 bài viết và 1 trang giới thiệu: 0 lỗi, 0 cảnh báo.")
