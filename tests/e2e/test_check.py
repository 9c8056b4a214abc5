"""`check`: every problem an editor can make, all at once, nothing written."""
from __future__ import annotations

import io
import json
from pathlib import Path

from PIL import Image

from generator.checker import check_site
from tests.conftest import REPO, SITE_TOML, article, cli_here


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
    done = cli_here("check", "--site", str(REPO))
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
    told = ["content/tin-hoat-dong/dang.md:8: error[broken-link]: the link 'nhap.md' points to an article that is "
            "not published yet (a draft or scheduled); the build fails until it is, "
            "or the link is removed (to take a published article down, give it 'expires' rather than 'draft: true': "
            "a link to it is then its words alone)"]
    assert [str(p) for p in check_site(site).problems] == told
    # The build says the same, not "points to no article (check the path …)": the path is right.
    assert [str(p) for p in build_site(site).result.problems] == told
    built = cli_here("build", "--site", str(site), "--lang", "vi")
    assert built.stderr.splitlines()[0] == (
        "content/tin-hoat-dong/dang.md:8: error[broken-link]: liên kết 'nhap.md' trỏ tới một bài chưa đăng (bản "
        "nháp hoặc hẹn giờ đăng); bản dựng sẽ lỗi cho tới khi bài đó được đăng, hoặc bỏ liên kết này (muốn gỡ một bài "
        "đã đăng: ghi 'expires' cho bài đó thay vì 'draft: true', liên kết tới bài khi ấy chỉ còn chữ)")
    assert build_site(site, drafts=True).result.ok


def test_a_reference_link_to_a_draft_is_told_by_the_preview_as_the_build_tells_it(make_site, build_site):
    """"[bản nháp][1]" with "[1]: nhap.md" under it, as a report cites its documents: the build
    without drafts stops at the reference's line, and the preview (build --drafts) said nothing
    of it, its link-to-draft warning looking only for "](nhap.md)" and href="nhap.md"."""
    site = make_site({"content/tin-hoat-dong/nhap.md": article("Nháp", draft="true"),
                      "content/tin-hoat-dong/dang.md": article("Đăng", body="Xem [bản nháp][1].\n\n[1]: nhap.md\n")})
    stops = [(p.location.line, p.code) for p in build_site(site).result.problems]
    assert stops == [(10, "broken-link")]
    shown = build_site(site, drafts=True).result
    assert shown.ok and [(p.location.line, p.code) for p in shown.problems] == [(10, "link-to-draft")]


def test_a_wrong_path_to_a_scheduled_article_is_told_the_right_one_by_build_as_by_check(make_site, build_site):
    """A link from another category's folder written as if beside it ("../lich.md" for
    "../../tin-hoat-dong/lich.md"): `check` named the file meant, the build and the preview, which
    leave a scheduled article out, only "check the path to its .md file"."""
    site = make_site({"content/tin-hoat-dong/lich.md": article("Lịch tiếp dân", "2099-01-05T08:00:00"),
                      "content/xay-dung-luc-luong/bai/index.md": article(
                          "Bài", category="xay-dung-luc-luong", body="Xem [lịch](../lich.md).\n")})
    told = ["content/xay-dung-luc-luong/bai/index.md:8: error[broken-link]: the link '../lich.md' points to no "
            "article (check the path to its .md file); did you mean '../../tin-hoat-dong/lich.md'?"]
    assert [str(p) for p in build_site(site).result.problems] == told
    assert [str(p) for p in check_site(site).problems] == told


def test_check_after_a_build_that_failed_on_a_link_to_a_draft_tells_it_without_a_traceback(make_site):
    """A build, an article made a draft and linked from another, the build failing as it should,
    then `check`: the linking article came from the build cache without its body, and the check
    that converts it again had no way to read it (TypeError, a traceback in text and JSON)."""
    site = make_site({"content/tin-hoat-dong/x.md": article("Bài X"),
                      "content/tin-hoat-dong/y.md": article("Bài Y", body="Nội dung Y.\n")})
    assert cli_here("build", "--site", str(site)).returncode == 0
    (site / "content/tin-hoat-dong/x.md").write_text(article("Bài X", draft="true"), encoding="utf-8")
    (site / "content/tin-hoat-dong/y.md").write_text(article("Bài Y", body="Xem [X](x.md).\n"), encoding="utf-8")
    failed = cli_here("build", "--site", str(site), "--lang", "en")
    told = ("content/tin-hoat-dong/y.md:8: error[broken-link]: the link 'x.md' points to an article that is not "
            "published yet (a draft or scheduled); the build fails until it is, "
            "or the link is removed (to take a published article down, give it 'expires' rather than 'draft: true': "
            "a link to it is then its words alone)")
    assert failed.returncode == 1 and failed.stderr.splitlines()[0] == told
    checked = cli_here("check", "--site", str(site), "--lang", "en")
    assert (checked.returncode, checked.stderr) == (1, "")
    assert checked.stdout.splitlines()[0] == told
    as_json = cli_here("check", "--site", str(site), "--format", "json", "--lang", "en")
    assert (as_json.returncode, as_json.stderr) == (1, "")
    assert [(p["line"], p["code"]) for p in json.loads(as_json.stdout)["problems"]] == [(8, "broken-link")]


def test_check_names_what_git_mergetool_left_and_reads_none_of_it(make_site):
    """index.md.orig was published beside its article as a download, and a single-file
    article's x_BASE_4242.md (…_LOCAL_, _REMOTE_, _BACKUP_) as articles of their own: text
    from before the merge. `check` names each, as the build does, and reads none."""
    site = make_site({**GOOD,
                      "content/tin-hoat-dong/bai-tot/index.md.orig": "Bản trước khi gộp.\n",
                      **{f"content/xay-dung-luc-luong/tap-huan_{side}_4242.md": article(f"Tập huấn {side}")
                         for side in ("BACKUP", "BASE", "LOCAL", "REMOTE")}})
    report = check_site(site)
    assert [(p.location.path, p.code) for p in report.problems] == [
        ("content/tin-hoat-dong/bai-tot/index.md.orig", "merge-leftover"),
        *[(f"content/xay-dung-luc-luong/tap-huan_{side}_4242.md", "merge-leftover")
          for side in ("BACKUP", "BASE", "LOCAL", "REMOTE")]]
    assert report.ok and report.articles == 2


def _conflict(ours: str, theirs: str) -> str:
    return f"<<<<<<< HEAD\n{ours}\n=======\n{theirs}\n>>>>>>> sua-bai\n"


def test_every_merge_conflict_is_told_in_one_run_and_check_reads_the_articles_while_site_toml_has_one(make_site):
    """Conflicts were told one a run: a site.toml with two needed two runs, an article with
    three, three; and while site.toml had one, `check` said "Checked 0 articles" and nothing
    of them. Now every block is told at once, and check reads the articles on their own."""
    from tests.conftest import SITE_TOML
    toml = SITE_TOML.replace('hotline = "0221 3862 124"\n', _conflict('hotline = "0221 3862 124"',
                                                                   'hotline = "0221 3862 125"'))
    toml = toml.replace('name = "Dân vận khéo"\n', _conflict('name = "Dân vận khéo"', 'name = "Dân vận Khéo"'))
    body = "\n\n".join([_conflict("Sáng 2/1,", "Sáng 3/1,"), "Công an tỉnh tổ chức hội nghị.",
                          _conflict("120 đại biểu.", "150 đại biểu."), _conflict("Ảnh: Minh Khôi", "Ảnh: Thu Hà")])
    site = make_site({"content/tin-hoat-dong/hoi-nghi.md": article("Hội nghị", body=body),
                      "content/tin-hoat-dong/tieu-de.md": BROKEN["content/tin-hoat-dong/tieu-de.md"]}, site_toml=toml)
    told_toml = [f"site.toml:{first}: error[merge-conflict]: git left a merge conflict here (lines {first}–{first + 4}): "
                 "keep the version wanted and delete the lines '<<<<<<<', '=======' and '>>>>>>>'" for first in (8, 40)]
    told_article = [f"content/tin-hoat-dong/hoi-nghi.md:{first}: error[merge-conflict]: git left a merge conflict here "
                    f"(lines {first}–{first + 4}): keep the version wanted and delete the lines '<<<<<<<', '=======' "
                    "and '>>>>>>>'" for first in (8, 17, 24)]
    headings = ("content/tin-hoat-dong/tieu-de.md:10: warning[skipped-heading-level]: heading level 4 follows level 2; "
                "use '###' here so screen readers keep the outline")
    built = cli_here("build", "--site", str(site), "--lang", "en")
    assert built.returncode == 1 and built.stderr.splitlines()[:2] == told_toml
    checked = cli_here("check", "--site", str(site), "--lang", "en")
    assert checked.returncode == 1
    assert checked.stdout.splitlines() == [*told_article, headings, *told_toml,
                                           "Checked 1 articles: 5 error(s), 1 warning(s).",
                                           "site.toml does not read: the articles were checked for what they say by "
                                           "themselves (front-matter, merge conflicts, headings); their units, "
                                           "categories, photos and links are checked once site.toml reads."]
    assert json.loads(cli_here("check", "--site", str(site), "--format", "json").stdout)["config_read"] is False
    (site / "site.toml").write_text(SITE_TOML, encoding="utf-8")  # site.toml mended: the article's three at once
    again = cli_here("build", "--site", str(site), "--lang", "en")
    assert again.returncode == 1 and again.stderr.splitlines()[:3] == told_article


def test_warnings_alone_pass_unless_strict(make_site):
    site = make_site({**GOOD, "content/tin-hoat-dong/tieu-de.md": BROKEN["content/tin-hoat-dong/tieu-de.md"]})
    plain = cli_here("check", "--site", str(site), "--lang", "en")
    assert plain.returncode == 0, plain.stdout
    assert "content/tin-hoat-dong/tieu-de.md:10: warning[skipped-heading-level]" in plain.stdout
    assert "Checked 3 articles: 0 error(s), 1 warning(s)." in plain.stdout
    strict = cli_here("check", "--site", str(site), "--strict")
    assert strict.returncode == 1
    assert ("content/tin-hoat-dong/tieu-de.md:10: error[skipped-heading-level]: tiêu đề cấp 4 đứng sau tiêu đề "
            "cấp 2") in strict.stdout
    assert "1 lỗi, 0 cảnh báo" in strict.stdout


def test_json_report_for_ci(make_site):
    site = make_site({**GOOD, **BROKEN})
    done = cli_here("check", "--site", str(site), "--format", "json", "--lang", "en")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["ok"] is False and report["articles"] == 6
    assert (report["errors"], report["warnings"]) == (4, 3)
    assert [f"{p['path']}:{p['line']}: {p['severity']}[{p['code']}]: {p['message']}"
            for p in report["problems"]] == EXPECTED
    strict = json.loads(cli_here("check", "--site", str(site), "--format", "json", "--strict").stdout)
    assert (strict["errors"], strict["warnings"]) == (7, 0)
    assert strict["problems"][1]["message"].startswith("ảnh 'co-that.jpg' chưa có mô tả (alt)")
    english = ("the ", "heading level", "unknown ")
    assert [p["message"] for p in strict["problems"] if p["message"].startswith(english)] == []


def test_a_folder_that_is_no_site_still_gives_a_json_report(tmp_path):
    """A CI checkout without site.toml (or the wrong --site): `check --format json` printed nothing
    on its standard output, and the job that reads the report failed to parse it."""
    (tmp_path / "trong").mkdir()
    for site, code in ((tmp_path / "trong", "no-site-toml"), (tmp_path / "khong-co", "no-site-dir")):
        for command in ("check", "list"):
            done = cli_here(command, "--site", str(site), "--format", "json", "--lang", "en")
            assert done.returncode == 2
            report = json.loads(done.stdout)
            assert (report["ok"], report["errors"], report.get("articles", [])) == (False, 1, [])
            [problem] = report["problems"]
            assert (problem["path"], problem["severity"], problem["code"]) == (str(site), "error", code)
            assert done.stderr.strip() == f"build.py: error: {problem['message']}"


def test_a_command_run_from_a_folder_inside_the_site_names_the_site(make_site):
    """`cd content/tin-hoat-dong && python ../../build.py build`: told that the folder has no
    site.toml and how to start a new portal (`init`), not where the site it is in is."""
    import subprocess
    import sys
    site = make_site(GOOD)
    inside = site / "content" / "tin-hoat-dong"
    for command in ("build", "check"):
        done = subprocess.run([sys.executable, str(REPO / "build.py"), command, "--lang", "en"], cwd=inside,
                              capture_output=True, text=True)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert done.stderr.strip() == (
            f"build.py: error: {inside} has no site.toml: it is a folder inside the site {site}; run the command "
            f"from there (cd {site}) or name it with --site {site}")
        assert not (inside / "public").exists()


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
    done = cli_here("check", "--site", str(site), "--format", "json")
    assert (json.loads(done.stdout)["articles"], json.loads(done.stdout)["pages"]) == (2, 1)
    assert cli_here("check", "--site", str(site)).stdout.strip().endswith(
        "Đã kiểm tra 2 bài viết và 1 trang giới thiệu: 0 lỗi, 0 cảnh báo.")


def _cache_as_it_is(cache: Path) -> dict[str, tuple[int, int]]:
    """Every file of the build cache, with its size and modification time."""
    return {p.relative_to(cache).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(cache.rglob("*")) if p.is_file()}


def test_after_a_build_check_reads_the_cache_converts_only_what_changed_and_writes_nothing(
        make_site, build_site, monkeypatch):
    from generator import markup
    from tests.e2e.test_check_insecure_links import FILES as LINKS, TOML
    site = make_site({**GOOD, **LINKS}, site_toml=TOML)
    assert build_site(site).result.ok
    converted: list[str] = []
    convert = markup.MarkupConverter.convert
    monkeypatch.setattr(markup.MarkupConverter, "convert",
                        lambda self, article: converted.append(article.source) or convert(self, article))
    cache = site / ".cache"
    before = _cache_as_it_is(cache)

    # Nothing changed: every body comes from the cache, and the insecure links in them are still told.
    warm = check_site(site, cache_dir=cache, jobs=1)
    assert converted == []
    assert [str(p) for p in warm.problems] == [str(p) for p in check_site(site, jobs=1).problems]
    assert [p.code for p in warm.problems].count("insecure-link") == 6
    converted.clear()

    # Broken articles added and one edited: only they are read and converted.
    def add(files: dict) -> None:
        for rel, data in files.items():
            path = site / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data, encoding="utf-8")
    add({rel: data for rel, data in BROKEN.items() if "/anh/" not in rel})
    edited = site / "content/tin-hoat-dong/an-toan.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("[Trang]", "### Mục\n\n[Trang http]")
                      .replace("https://an-toan", "http://an-toan"), encoding="utf-8")
    warm = check_site(site, cache_dir=cache, jobs=1)
    assert sorted(set(converted)) == ["content/tin-hoat-dong/an-toan.md", "content/tin-hoat-dong/lien-ket/index.md",
                                      "content/tin-hoat-dong/nhap.md", "content/tin-hoat-dong/tieu-de.md"]
    assert [str(p) for p in warm.problems] == [str(p) for p in check_site(site, jobs=1).problems]
    assert [(p.location.line, p.code) for p in warm.problems if p.location.path.endswith("an-toan.md")] == [
        (8, "skipped-heading-level"), (10, "insecure-link")]

    # A missing photo empties the photo plan (as in a build): the bodies with photos are converted again.
    add(BROKEN)
    warm = check_site(site, cache_dir=cache, jobs=1)
    assert [str(p) for p in warm.problems] == [str(p) for p in check_site(site, jobs=1).problems]
    assert {*EXPECTED} <= {str(p) for p in warm.problems}
    assert _cache_as_it_is(cache) == before  # read, never written

    # The command does the same, from <site>/.cache unless told otherwise.
    lines = cli_here("check", "--site", str(site), "--lang", "en").stdout.splitlines()
    assert lines == cli_here("check", "--site", str(site), "--lang", "en", "--no-cache").stdout.splitlines()
    assert lines == cli_here("check", "--site", str(site), "--lang", "en", "--cache-dir", str(cache)).stdout.splitlines()
    assert lines[-1] == "Checked 8 articles: 4 error(s), 11 warning(s)."
    assert _cache_as_it_is(cache) == before


def test_check_finds_what_a_build_would_stop_at_in_the_layouts(make_site, tmp_path):
    """Layouts are checked without rendering: a syntax error in one the pages use, a layout
    included that exists nowhere, a file of layouts/ that is not text. An optional include is
    fine, and so is a broken layout no page uses (the build never reads it either)."""
    site = make_site({**GOOD,
                      "layouts/partials/meta.html": '{% include "theme/partials/meta.html" %}\n'
                                                    '{% include "partials/quang-cao.html" %}\n'
                                                    '{% include "partials/tuy-chon.html" ignore missing %}\n'
                                                    '{% include ["partials/a.html", "partials/b.html"] %}\n',
                      "layouts/partials/footer.html": "<footer>{{ config.title }</footer>\n",
                      "layouts/ban-nhap-khong-dung.html": "{% if %}\n"})
    report = check_site(site)
    layout_lines = [str(p) for p in report.problems if p.code == "layout-error"]
    assert layout_lines == [
        "layouts/partials/footer.html:1: error[layout-error]: layout syntax error: unexpected '}'",
        "layouts/partials/meta.html:2: error[layout-error]: layout rendering error: no layout named "
        "partials/quang-cao.html, neither in the site's layouts/ nor in the theme",
        "layouts/partials/meta.html:4: error[layout-error]: layout rendering error: no layout named "
        "partials/a.html, partials/b.html, neither in the site's layouts/ nor in the theme",
    ]
    assert not report.ok
    built = cli_here("build", "--site", str(site), "--out", str(tmp_path / "out"), "--lang", "en")
    assert built.returncode == 1 and built.stderr.splitlines()[0] in layout_lines  # the two agree
    (site / "layouts/partials/footer.html").write_text("<footer>{{ config.title }}</footer>\n", encoding="utf-8")
    (site / "layouts/partials/meta.html").write_text('{% include "theme/partials/meta.html" %}\n'
                                                     '{% include "partials/tuy-chon.html" ignore missing %}\n',
                                                     encoding="utf-8")
    assert [p for p in check_site(site).problems if p.code == "layout-error"] == []
    (site / "layouts/partials/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\xff\x00")
    assert [str(p) for p in check_site(site).problems if p.code == "layout-error"] == [
        "layouts/partials/logo.png:1: error[layout-error]: layout rendering error: partials/logo.png is not UTF-8 "
        "text: layouts/ holds the layouts only (photos and icons go in assets/ or static/)"]
    assert not (site / "public").exists()  # check writes nothing


def test_check_finds_a_photo_cut_off_in_its_upload_as_build_does(make_site):
    """`check` decodes no photo, but a JPEG without its end marker is decoded when inspected:
    an upload that stopped part-way is told by `check`, not first by the build that refuses it."""
    photo = io.BytesIO()
    Image.effect_noise((640, 480), 60).convert("RGB").save(photo, "JPEG")
    site = make_site({**GOOD, "content/tin-hoat-dong/bai-tot/ra-quan.jpg": photo.getvalue()[:5000]})
    line = ("content/tin-hoat-dong/bai-tot/index.md:10: error[truncated-image]: 'ra-quan.jpg': "
            "the image file is cut off (truncated); upload it again")
    checked = cli_here("check", "--site", str(site), "--lang", "en")
    assert checked.returncode == 1 and line in checked.stdout.splitlines() + checked.stderr.splitlines()
    built = cli_here("build", "--site", str(site), "--lang", "en")
    assert built.returncode == 1 and line in built.stderr.splitlines()


def test_problem_paths_lead_from_the_working_folder_to_the_file(make_site):
    """`build --site portal` from a repository's top told `content/…:3`, a path its terminal could
    not open and CI's problem matchers pinned to no file; the JSON report keeps the site's paths."""
    site = make_site({"content/tin-hoat-dong/hong.md": article("Bài hỏng", "hôm qua")})
    said = {command: cli_here(command, "--site", site.name, "--lang", "en", cwd=site.parent)
            for command in ("build", "check", "list")}
    for command, done in said.items():
        assert done.returncode == 1, (command, done.stdout, done.stderr)
        where = done.stderr if command != "check" else done.stdout
        assert f"{site.name}/content/tin-hoat-dong/hong.md:3: error[bad-date]:" in where, (command, where)
    from_inside = cli_here("check", "--lang", "en", cwd=site)
    assert "\ncontent/tin-hoat-dong/hong.md:3: error[bad-date]:" in "\n" + from_inside.stdout
    report = json.loads(cli_here("check", "--site", site.name, "--format", "json", cwd=site.parent).stdout)
    assert [p["path"] for p in report["problems"]] == ["content/tin-hoat-dong/hong.md"]


def test_an_other_name_that_is_another_unit_s_key_or_name_is_told_at_its_line(make_site):
    """A reorganisation gives the district's police to the commune's (`other_names`), and the
    district's [units.…] is left behind: `unit: cong-an-huyen-vu-thu` was listed on the stale
    unit's page and `check` said nothing. Categories and campaigns are told alike."""
    toml = SITE_TOML + (
        '\n[units.cong-an-xa-vu-thu]\nname = "Công an xã Vũ Thư"\n'
        'other_names = ["cong-an-huyen-vu-thu", "Công an huyện Vũ Thư"]\n'
        '\n[units.cong-an-huyen-vu-thu]\nname = "Công an huyện Vũ Thư"\n'
        '\n[categories.canh-bao]\nname = "Cảnh báo"\nother_names = ["Tin hoạt động"]\n')
    site = make_site({**GOOD, "content/tin-hoat-dong/vu-thu.md": article("Vũ Thư", unit="cong-an-huyen-vu-thu")}, toml)
    line = toml.splitlines().index('other_names = ["cong-an-huyen-vu-thu", "Công an huyện Vũ Thư"]') + 1
    category_line = toml.splitlines().index('other_names = ["Tin hoạt động"]') + 1
    done = cli_here("check", "--site", str(site), "--lang", "en")
    assert done.returncode == 0, done.stdout + done.stderr
    told = [line for line in done.stdout.splitlines() if "other-name-taken" in line]
    assert told == [
        f"site.toml:{line}: warning[other-name-taken]: 'units.cong-an-xa-vu-thu.other_names' gives "
        "'Công an huyện Vũ Thư', the name of [units.cong-an-huyen-vu-thu]: an article writing it is told the name "
        "is shared, not listed under cong-an-xa-vu-thu; remove it from other_names, or remove "
        "[units.cong-an-huyen-vu-thu] if the reorganisation replaced it",
        f"site.toml:{line}: warning[other-name-taken]: 'units.cong-an-xa-vu-thu.other_names' gives "
        "'cong-an-huyen-vu-thu', the key of [units.cong-an-huyen-vu-thu]: an article writing it is listed under "
        "cong-an-huyen-vu-thu, not cong-an-xa-vu-thu; remove it from other_names, or remove "
        "[units.cong-an-huyen-vu-thu] if the reorganisation replaced it",
        f"site.toml:{category_line}: warning[other-name-taken]: 'categories.canh-bao.other_names' gives 'Tin hoạt "
        "động', the name of [categories.tin-hoat-dong]: an article writing it is told the name is shared, not listed "
        "under canh-bao; remove it from other_names, or remove [categories.tin-hoat-dong] if the reorganisation "
        "replaced it"], done.stdout
    vi = cli_here("check", "--site", str(site), "--strict")
    assert vi.returncode == 1
    assert (f"site.toml:{line}: error[other-name-taken]: 'units.cong-an-xa-vu-thu.other_names' ghi "
            "'cong-an-huyen-vu-thu', cũng là khóa của [units.cong-an-huyen-vu-thu]: bài viết ghi tên này được xếp vào "
            "cong-an-huyen-vu-thu, không phải cong-an-xa-vu-thu; hãy bỏ tên đó khỏi other_names, hoặc bỏ "
            "[units.cong-an-huyen-vu-thu] nếu việc sắp xếp lại đã thay thế nó") in vi.stdout.splitlines(), vi.stdout
    # With the stale unit gone, the other names lead to the commune's police, and nothing is told.
    (site / "site.toml").write_text(toml.replace('\n[units.cong-an-huyen-vu-thu]\nname = "Công an huyện Vũ Thư"\n', "")
                                    .replace('other_names = ["Tin hoạt động"]', 'other_names = ["Tin cảnh báo"]'),
                                    encoding="utf-8")
    clean = cli_here("check", "--site", str(site), "--lang", "en")
    assert clean.returncode == 0 and clean.stdout.endswith(": 0 error(s), 0 warning(s).\n"), clean.stdout


UNIT_KEYS = "cong-an-tinh, cong-an-xa-nghia-tru, phong-an-ninh-mang, phong-canh-sat-giao-thong, phong-canh-sat-pccc, phong-quan-ly-hanh-chinh"


def test_a_name_or_related_article_is_suggested_only_when_misspelt_not_when_it_shares_words(make_site):
    """'Công an huyện Vũ Thư' was asked "did you mean 'Công an tỉnh Hưng Yên'?" (two words in
    common), and a related article since deleted was offered an unrelated one of its folder."""
    kept = REPO / "content/huong-dan-thu-tuc/huong-dan-dang-ky-xe-mo-to-xe-may-lan-dau-qua-dich-vu-cong-truc-tuyen.md"
    deleted = "../../huong-dan-thu-tuc/tra-cuu-phuong-tien-vi-pham-giao-thong-qua-hinh-anh.md"
    typo = "../../huong-dan-thu-tuc/huong-dan-dang-ky-xe-mo-to-xe-may-lan-dau-qua-dich-vu-cong-truc-tuyn.md"
    files = {"content/huong-dan-thu-tuc/" + kept.name: kept.read_text(encoding="utf-8")}
    for n, unit in enumerate(["Công an huyện Kiến Xương", "Công an huyện Vũ Thư", "Phong Canh sat giao thon",
                              "Phòng CSGTT", "Cong an tinh Hung Yen2"]):
        files[f"content/tin-hoat-dong/bai-{n}.md"] = article(f"Bài {n}", unit=unit)
    files["content/canh-bao-toi-pham/tin-nhan/index.md"] = article(
        "Tin nhắn giả mạo", category="canh-bao-toi-pham", unit="cong-an-tinh", related=f"\n  - {deleted}\n  - {typo}")
    site = make_site(files, (REPO / "site.toml").read_text(encoding="utf-8"))
    done = cli_here("check", "--site", str(site))
    told = [line.split(": error[", 1)[1] for line in done.stdout.splitlines() if ": error[" in line]
    assert told == [
        f"unknown-related]: 'related' ghi '{deleted}' (content/huong-dan-thu-tuc/tra-cuu-phuong-tien-vi-pham-giao-"
        "thong-qua-hinh-anh.md) nhưng không có bài viết nào ở đó (hãy ghi đường dẫn tới tệp .md của bài, như khi "
        "viết liên kết tới bài)",
        f"unknown-related]: 'related' ghi '{typo}' (content/huong-dan-thu-tuc/huong-dan-dang-ky-xe-mo-to-xe-may-lan-"
        f"dau-qua-dich-vu-cong-truc-tuyn.md) nhưng không có bài viết nào ở đó; có phải ý bạn là '../../huong-dan-thu-"
        f"tuc/{kept.name}'?",
        "unknown-unit]: không có đơn vị 'Công an huyện Kiến Xương' trong site.toml (các khóa đã khai báo: "
        f"{UNIT_KEYS})",
        "unknown-unit]: không có đơn vị 'Công an huyện Vũ Thư' trong site.toml (các khóa đã khai báo: "
        f"{UNIT_KEYS})",
        "unknown-unit]: không có đơn vị 'Phong Canh sat giao thon'; có phải ý bạn là 'Phòng Cảnh sát giao thông'?",
        "unknown-unit]: không có đơn vị 'Phòng CSGTT'; có phải ý bạn là 'Phòng Cảnh sát giao thông'?",
        "unknown-unit]: không có đơn vị 'Cong an tinh Hung Yen2'; có phải ý bạn là 'Công an tỉnh Hưng Yên'?",
    ], done.stdout


def test_a_unit_category_or_campaign_not_in_site_toml_is_told_with_the_keys_declared_in_vietnamese(make_site):
    """A new portal's editor wrote her commune's police before declaring it: the English message
    listed the keys site.toml declares, the Vietnamese one (the default) dropped them."""
    site = make_site({"content/tin-hoat-dong/bai.md": article(
        "Bài", unit="Công an xã Liên Chung", category="Cảnh báo", campaigns=["Phong trào ABC"])})
    done = cli_here("check", "--site", str(site))
    told = sorted(line.split(": error[", 1)[1] for line in done.stdout.splitlines() if ": error[" in line)
    assert told == [
        "unknown-campaign]: không có phong trào 'Phong trào ABC' trong site.toml "
        "(các khóa đã khai báo: dan-van-kheo, vi-an-ninh-to-quoc)",
        "unknown-category]: không có chuyên mục 'Cảnh báo' trong site.toml "
        "(các khóa đã khai báo: tin-hoat-dong, xay-dung-luc-luong)",
        "unknown-unit]: không có đơn vị 'Công an xã Liên Chung' trong site.toml "
        "(các khóa đã khai báo: cong-an-tinh, cong-an-xa-dong-tien, phong-canh-sat-giao-thong)",
    ], done.stdout
