"""The build says why it rendered pages again: the line under the summary names
what changed since the last build (generator/causes.py)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator import search
from generator.search import SearchReport
from tests.conftest import SITE_TOML, article, cli_here, numbered_articles

ARTICLES = {
    "content/tin-hoat-dong/tuan-tra.md": article("Tuần tra đêm trên tuyến quốc lộ", body="Tổ công tác tuần tra."),
    "content/tin-hoat-dong/hien-mau/index.md": article("Ngày hội hiến máu", date="2026-01-22T08:00:00"),
    "content/xay-dung-luc-luong/tap-huan.md": article("Tập huấn nghiệp vụ", category="xay-dung-luc-luong"),
}


def summary(site: Path, lang: str = "en") -> tuple[str, str]:
    """The summary line and the line under it (\"\" when there is none) of one CLI build."""
    done = cli_here("build", "--site", str(site), "--lang", lang)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines and lines[0].startswith(("Built ", "Đã dựng ")), done.stdout
    return lines[0], (lines[1] if len(lines) > 1 else "")


def test_each_kind_of_change_is_named_under_the_summary(make_site):
    site = make_site(ARTICLES)
    line, why = summary(site)
    assert why == "  Why: no earlier build of this output to compare with"
    assert ", search index: 1 of 1 part(s) redone → " in line
    assert summary(site)[1] == ""  # nothing changed: nothing rendered, nothing to say

    tuan_tra = site / "content/tin-hoat-dong/tuan-tra.md"
    tuan_tra.write_text(tuan_tra.read_text(encoding="utf-8") + "\nThêm một đoạn.\n", encoding="utf-8")
    line, why = summary(site)
    assert " 0 re-rendered" not in line and ", search index: 1 of 1 part(s) updated → " in line
    assert why == "  Why: 1 article(s) edited (content/tin-hoat-dong/tuan-tra.md)"

    shutil.rmtree(site / "content/tin-hoat-dong/hien-mau")
    (site / "content/tin-hoat-dong/dan-van.md").write_text(article("Dân vận khéo ở xã"), encoding="utf-8")
    line, why = summary(site)
    assert why == ("  Why: 1 article(s) added (content/tin-hoat-dong/dan-van.md); "
                   "1 article(s) removed (content/tin-hoat-dong/hien-mau/index.md)")
    assert re.search(r"[1-9]\d* old file\(s\) deleted", line)  # its page, at least: files, not pages

    footer = site / "layouts/partials/footer.html"
    footer.parent.mkdir(parents=True)
    shipped = Path(__file__).resolve().parents[2] / "layouts/partials/footer.html"
    footer.write_text(shipped.read_text(encoding="utf-8") + "<!-- ban biên tập -->\n", encoding="utf-8")
    (site / "site.toml").write_text(SITE_TOML.replace("0221 3862 124", "0221 3862 999"), encoding="utf-8")
    line, why = summary(site)
    assert why == "  Why: site.toml changed; 1 layout file(s) added (layouts/partials/footer.html)"
    assert ", search index kept → " in line  # the search documents show neither
    footer.write_text(footer.read_text(encoding="utf-8") + "<!-- sửa lần hai -->\n", encoding="utf-8")
    assert summary(site)[1] == "  Why: 1 layout file(s) changed (layouts/partials/footer.html)"
    footer.unlink()  # the theme's footer is read again: the file was taken out, not edited (it said "changed")
    assert summary(site)[1] == "  Why: 1 layout file(s) removed (layouts/partials/footer.html)"
    footer.write_text(shipped.read_text(encoding="utf-8") + "<!-- ban biên tập -->\n", encoding="utf-8")
    assert summary(site)[1] == "  Why: 1 layout file(s) added (layouts/partials/footer.html)"

    # The site's own stylesheet: every page links it by its version, and site.toml did not change.
    (site / "assets/css").mkdir(parents=True)
    (site / "assets/css/style.css").write_text("body { color: navy; }\n", encoding="utf-8")
    assert summary(site)[1] == "  Why: files under assets/ changed (every page links them by version)"

    next((site / "public/xay-dung-luc-luong").glob("tap-huan*/index.html")).unlink()
    line, why = summary(site)
    assert why == "  Why: 1 published page(s) changed or missing"
    # Put back from the build cache, which kept the page's bytes (generator/kept_pages.py).
    assert " 0 re-rendered" in line and "(1 taken from the build cache)" in line


def test_the_reasons_are_in_vietnamese_and_long_lists_are_counted(make_site):
    site = make_site(numbered_articles(6))
    assert summary(site, "vi")[1] == "  Lý do: chưa có bản dựng trước của thư mục này để so sánh"
    for path in sorted((site / "content").rglob("*.md"))[:5]:
        path.write_text(path.read_text(encoding="utf-8") + "\nĐính chính.\n", encoding="utf-8")
    edited = sorted(p.relative_to(site).as_posix() for p in (site / "content").rglob("*.md"))[:3]
    assert summary(site, "vi")[1] == f"  Lý do: sửa 5 bài viết ({', '.join(edited)} và 2 tệp khác)"
    for path in sorted((site / "content").rglob("*.md"))[:5]:
        path.write_text(path.read_text(encoding="utf-8") + "\nĐính chính lần hai.\n", encoding="utf-8")
    verbose = cli_here("build", "--site", str(site), "-v")  # names every file
    every = sorted(p.relative_to(site).as_posix() for p in (site / "content").rglob("*.md"))[:5]
    assert verbose.stdout.splitlines()[2] == f"  Lý do: sửa 5 bài viết ({', '.join(every)})"  # (after the version)


def test_a_clean_output_folder_has_nothing_to_compare_with(make_site, tmp_path):
    site = make_site(ARTICLES)
    summary(site)
    done = cli_here("build", "--site", str(site), "--out", str(tmp_path / "khac"), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == "  Why: no earlier build of this output to compare with"


def test_the_summary_counts_the_search_shards_indexed_again(make_site, build_site, monkeypatch):
    monkeypatch.setattr(search, "SINGLE_SHARD_UP_TO", 2)
    monkeypatch.setattr(search, "SHARD_PAGES", 2)  # 8 articles → 4 shards by a hash of their path
    site = make_site(numbered_articles(8))
    first = build_site(site)
    filled = len(list(first.out.glob("pagefind*/pagefind-entry.json")))
    assert filled >= 2 and first.result.search == SearchReport(indexed=filled, shards=filled)
    edited = site / "content/tin-hoat-dong/bai-3.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nĐính chính số liệu.\n", encoding="utf-8")
    built = build_site(site)
    assert built.result.search == SearchReport(indexed=1, shards=filled, spliced=1)
    assert built.result.causes.edited == ("content/tin-hoat-dong/bai-3.md",)


def test_build_v_tells_the_cpu_the_search_indexer_took(make_site):
    site = make_site(ARTICLES)
    cold = cli_here("build", "--site", str(site), "-v")
    assert cold.returncode == 0, cold.stderr
    told = [line for line in cold.stdout.splitlines() if line.startswith("  search indexer (Pagefind): ")]
    assert len(told) == 1 and told[0].endswith(" CPU-s"), cold.stdout
    # Pagefind ran over three articles: it took some CPU, and less than the whole build took.
    assert 0 < float(told[0].split(": ")[1].split()[0]) < 60
    again = cli_here("build", "--site", str(site), "-v")  # nothing indexed: nothing to tell
    assert "search indexer" not in again.stdout


def test_a_published_article_that_moved_to_a_new_address_is_named(make_site):
    """A typo mended in a title moves the article (its URL comes from the title): every link and
    share to the old address then breaks. The build says so, and how to keep the old address."""
    site = make_site(ARTICLES)
    summary(site)
    tuan_tra = site / "content/tin-hoat-dong/tuan-tra.md"
    tuan_tra.write_text(tuan_tra.read_text(encoding="utf-8").replace("Tuần tra đêm trên tuyến quốc lộ",
                                                                     "Tuần tra đêm trên các tuyến quốc lộ"), encoding="utf-8")
    done = cli_here("build", "--site", str(site), "--lang", "en")
    old, new = "/tin-hoat-dong/tuan-tra-dem-tren-tuyen-quoc-lo/", "/tin-hoat-dong/tuan-tra-dem-tren-cac-tuyen-quoc-lo/"
    assert done.stdout.splitlines()[2:] == [
        f"  Moved: content/tin-hoat-dong/tuan-tra.md is now at {new}, no longer at {old}: links and shares to the "
        f"old address lead nowhere; keep it with aliases: [{old}] (or set slug: tuan-tra-dem-tren-tuyen-quoc-lo)"]
    assert not (site / "public" / old.strip("/")).exists()

    tuan_tra.write_text(tuan_tra.read_text(encoding="utf-8").replace("\n---\n", f"\naliases: [{old}]\n---\n", 1),
                        encoding="utf-8")
    done = cli_here("build", "--site", str(site), "--lang", "en")
    assert "Moved" not in done.stdout and (site / "public" / old.strip("/") / "index.html").is_file()
    assert summary(site)[1] == ""  # said once, when it happened


def moved_lines(site: Path, lang: str = "en") -> list[str]:
    done = cli_here("build", "--site", str(site), "--lang", lang)
    assert done.returncode == 0, done.stderr
    return [line for line in done.stdout.splitlines() if line.startswith(("  Moved: ", "  Đổi địa chỉ: "))]


def test_an_article_moved_to_another_category_is_not_told_to_set_its_slug(make_site):
    """A slug is the last part of the address alone: in another category's folder it cannot give
    the old address back, and the notice offered it (the editor set it, and the links stayed broken)."""
    site = make_site(ARTICLES)
    summary(site)
    tuan_tra = site / "content/tin-hoat-dong/tuan-tra.md"
    tuan_tra.write_text(tuan_tra.read_text(encoding="utf-8").replace("category: tin-hoat-dong",
                                                                     "category: xay-dung-luc-luong"), encoding="utf-8")
    old, new = "/tin-hoat-dong/tuan-tra-dem-tren-tuyen-quoc-lo/", "/xay-dung-luc-luong/tuan-tra-dem-tren-tuyen-quoc-lo/"
    assert moved_lines(site, "vi") == [
        f"  Đổi địa chỉ: content/tin-hoat-dong/tuan-tra.md nay ở {new}, không còn ở {old}: liên kết và lượt "
        f"chia sẻ tới địa chỉ cũ sẽ hỏng; giữ lại bằng aliases: [{old}]"]

    # A category merged into another (its key now among the other's other_names) moves its articles
    # too: told with the category's page, whose one alias keeps them all (tests/e2e/test_renamed_lists.py).
    merged = SITE_TOML.replace('[categories.xay-dung-luc-luong]\nname = "Xây dựng lực lượng"\n', "").replace(
        'description = "Hoạt động của các đơn vị."', 'description = "Hoạt động của các đơn vị."\n'
        'other_names = ["xay-dung-luc-luong"]')
    assert merged.count("xay-dung-luc-luong") == 1
    (site / "site.toml").write_text(merged, encoding="utf-8")
    old = "/xay-dung-luc-luong/tap-huan-nghiep-vu/"
    done = cli_here("build", "--site", str(site), "--lang", "en")
    told = [line for line in done.stdout.splitlines() if line.startswith(("  Moved: ", "  Page gone: "))]
    assert told == ["  Page gone: /xay-dung-luc-luong/ (the category 'xay-dung-luc-luong' is no longer in site.toml): "
                    "links and feed subscriptions to it lead nowhere; keep it with aliases = [\"/xay-dung-luc-luong/\"] "
                    "in [categories.tin-hoat-dong] of site.toml (which also keeps the addresses of its 2 article(s) "
                    "that moved with it)"], told
    assert not any("slug" in line for line in told), told

    # The alias it was told to write keeps the old address.
    (site / "site.toml").write_text(merged.replace('other_names = ["xay-dung-luc-luong"]',
                                                   'other_names = ["xay-dung-luc-luong"]\n'
                                                   'aliases = ["/xay-dung-luc-luong/"]'), encoding="utf-8")
    assert moved_lines(site) == [] and (site / "public" / old.strip("/") / "index.html").is_file()


def test_an_article_renamed_and_retitled_at_once_is_named_and_stops_a_strict_build(make_site):
    """An editor who retitles an article renames its file or folder to the new title too (`git mv`,
    as "Add an article" names folders): the build saw an article removed and another added, said
    nothing of the old address, and `--strict` published without it."""
    site = make_site(ARTICLES)
    summary(site)
    bundle = site / "content/tin-hoat-dong/hien-mau"
    (bundle / "index.md").write_text(article("Ngày hội hiến máu tình nguyện", date="2026-01-22T08:00:00"),
                                     encoding="utf-8")
    bundle.rename(site / "content/tin-hoat-dong/ngay-hoi-hien-mau-tinh-nguyen")
    old, new = "/tin-hoat-dong/ngay-hoi-hien-mau/", "/tin-hoat-dong/ngay-hoi-hien-mau-tinh-nguyen/"
    strict = cli_here("build", "--site", str(site), "--lang", "en", "--strict")
    assert strict.returncode == 1 and strict.stderr.splitlines()[0] == (
        f"content/tin-hoat-dong/ngay-hoi-hien-mau-tinh-nguyen/index.md:2: error[address-not-kept]: this article is "
        f"published at {new}, no longer at {old}, where links and shares to it now lead nowhere: keep it with "
        f"aliases: [{old}] (or slug: ngay-hoi-hien-mau)")
    assert moved_lines(site) == [
        f"  Moved: content/tin-hoat-dong/ngay-hoi-hien-mau-tinh-nguyen/index.md is now at {new}, no longer at {old}: "
        f"links and shares to the old address lead nowhere; keep it with aliases: [{old}] (or set slug: "
        "ngay-hoi-hien-mau)"]

    # Moved to another category's folder, its category changed with it: told as well.
    tuan_tra = site / "content/tin-hoat-dong/tuan-tra.md"
    tuan_tra.write_text(tuan_tra.read_text(encoding="utf-8").replace("category: tin-hoat-dong",
                                                                     "category: xay-dung-luc-luong"), encoding="utf-8")
    tuan_tra.rename(site / "content/xay-dung-luc-luong/tuan-tra.md")
    old, new = "/tin-hoat-dong/tuan-tra-dem-tren-tuyen-quoc-lo/", "/xay-dung-luc-luong/tuan-tra-dem-tren-tuyen-quoc-lo/"
    assert moved_lines(site) == [
        f"  Moved: content/xay-dung-luc-luong/tuan-tra.md is now at {new}, no longer at {old}: links and shares to "
        f"the old address lead nowhere; keep it with aliases: [{old}]"]

    # An article taken down while another is written (its date and unit the same) is no move.
    (site / "content/xay-dung-luc-luong/tap-huan.md").unlink()
    (site / "content/tin-hoat-dong/dien-tap.md").write_text(
        article("Diễn tập phòng cháy", body="Lực lượng chữa cháy diễn tập tại khu dân cư."), encoding="utf-8")
    assert moved_lines(site) == []


def test_an_article_taken_down_while_another_of_its_unit_category_and_day_is_written_is_no_move(make_site):
    """A unit writes several articles a day, often dated without a time: one taken down (a
    duplicate, a correction withdrawn) while another of the same category is written was paired
    with it as one article renamed and retitled, and `--strict` stopped, telling the new article
    to keep the old one's address (or take its slug)."""
    site = make_site({"content/tin-hoat-dong/tuan-tra.md": article(
                          "Tuần tra đêm trên tuyến quốc lộ", date="2026-01-21", body="Tổ công tác tuần tra."),
                      "content/tin-hoat-dong/hoi-nghi.md": article("Hội nghị tổng kết", date="2026-01-20")})
    summary(site)
    (site / "content/tin-hoat-dong/tuan-tra.md").unlink()
    (site / "content/tin-hoat-dong/hien-mau.md").write_text(
        article("Ngày hội hiến máu tình nguyện", date="2026-01-21", body="Đoàn viên thanh niên hiến máu."),
        encoding="utf-8")
    strict = cli_here("build", "--site", str(site), "--lang", "en", "--strict")
    assert strict.returncode == 0 and "address-not-kept" not in strict.stderr, strict.stderr
    assert (site / "public/tin-hoat-dong/ngay-hoi-hien-mau-tinh-nguyen/index.html").is_file()
    assert not (site / "public/tin-hoat-dong/tuan-tra-dem-tren-tuyen-quoc-lo").exists()


def test_a_page_of_its_own_is_named_as_a_page(make_site):
    site = make_site({**ARTICLES, "content/trang/lien-he.md": "---\ntitle: Liên hệ\n---\n\nGọi 113.\n"})
    summary(site)
    page = site / "content/trang/lien-he.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nHoặc 114.\n", encoding="utf-8")
    tuan_tra = site / "content/tin-hoat-dong/tuan-tra.md"
    tuan_tra.write_text(tuan_tra.read_text(encoding="utf-8") + "\nThêm một đoạn.\n", encoding="utf-8")
    assert summary(site)[1] == ("  Why: 1 article(s) edited (content/tin-hoat-dong/tuan-tra.md); "
                                "1 page(s) of their own edited (content/trang/lien-he.md)")
    (site / "content/trang/gioi-thieu.md").write_text("---\ntitle: Giới thiệu\n---\n\nA.\n", encoding="utf-8")
    assert summary(site, "vi")[1] == "  Lý do: thêm 1 trang giới thiệu (content/trang/gioi-thieu.md)"


def test_a_file_name_with_a_newline_or_an_escape_stays_on_its_own_line(make_site):
    """A file name is the editor's (or an unzipped archive's): a newline in it must not forge a
    line of the build's report, nor an escape sequence recolour the terminal."""
    site = make_site(ARTICLES)
    summary(site)
    odd = site / "content/tin-hoat-dong/a\nDone: \x1b[31mb.md"
    odd.write_text(article("Tuần tra mới"), encoding="utf-8")
    done = cli_here("build", "--site", str(site), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == ("  Why: 1 article(s) added "
                                           "(content/tin-hoat-dong/a\\x0aDone: \\x1b[31mb.md)")
    assert "\x1b" not in done.stdout


def test_a_build_without_the_cache_rewrites_nothing_whose_bytes_stay(make_site, tmp_path):
    """--no-cache into an existing output wrote every file anew (new dates and inodes: rsync and
    CDNs sent them all again), and the next build told "69 published pages were modified or
    missing" though no one touched them."""
    import os
    import time

    site = make_site(ARTICLES)
    out = tmp_path / "out"
    assert cli_here("build", "--site", str(site), "--out", str(out)).returncode == 0
    dates = {path: os.stat(path).st_mtime_ns for path in out.rglob("*") if path.is_file()}
    time.sleep(0.05)
    assert cli_here("build", "--site", str(site), "--out", str(out), "--no-cache").returncode == 0
    assert {path: os.stat(path).st_mtime_ns for path in out.rglob("*") if path.is_file()} == dates
    after = cli_here("build", "--site", str(site), "--out", str(out), "--lang", "en")
    assert ": 0 re-rendered, " in after.stdout and "Why:" not in after.stdout, after.stdout


def test_a_photo_setting_changed_is_no_article_edited(make_site):
    """[images] quality 80 → 75 was told "site.toml changed; 1 article(s) edited (…)": the names
    of its photos' copies moved, and they were counted as what the editor wrote."""
    from tests.photos import phone_jpeg

    site = make_site({**ARTICLES, "content/tin-hoat-dong/hien-mau/anh.jpg": phone_jpeg(900, 600),
                      "content/tin-hoat-dong/hien-mau/index.md": article("Ngày hội hiến máu", date="2026-01-22T08:00:00",
                                                                        image="anh.jpg")})
    summary(site)
    (site / "site.toml").write_text(SITE_TOML + "\n[images]\nquality = 75\n", encoding="utf-8")
    assert summary(site)[1] == "  Why: site.toml changed"
    (site / "content/tin-hoat-dong/hien-mau/index.md").write_text(
        article("Ngày hội hiến máu tình nguyện", date="2026-01-22T08:00:00", image="anh.jpg"), encoding="utf-8")
    assert summary(site)[1] == "  Why: 1 article(s) edited (content/tin-hoat-dong/hien-mau/index.md)"


def test_a_comment_added_to_site_toml_renders_no_page_again(make_site):
    """A [[links]] entry's line (kept for its problems) was in the config every page's render is
    keyed by: a comment added above it re-rendered every page ("site.toml changed")."""
    site = make_site(ARTICLES)
    summary(site)
    (site / "site.toml").write_text("# Cấu hình cổng thông tin\n\n" + SITE_TOML, encoding="utf-8")
    line, why = summary(site)
    assert ": 0 re-rendered, " in line, line
