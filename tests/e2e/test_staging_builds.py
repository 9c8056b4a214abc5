"""Staging copies: `build --base-url`, the same site published at another address without
editing site.toml (as Hugo's --baseURL and Zola's --base-url), and `build --noindex`, a copy
search engines must skip."""
from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import article, cli_here, tree
from tests.e2e.test_build import ARTICLES

STAGING = "https://thu-nghiem.congan.example.vn/ban-thu/"


def _page(out, rel="index.html") -> BeautifulSoup:
    return BeautifulSoup((out / rel).read_text(encoding="utf-8"), "html.parser")


def _site_links(page: BeautifulSoup) -> list[str]:
    return [tag.get("href") or tag.get("src") for tag in page.find_all(["a", "link", "script", "img"])
            if (tag.get("href") or tag.get("src") or "").startswith("/")]


def test_a_staging_build_links_every_page_feed_and_sitemap_to_the_given_address(make_site):
    site = make_site(ARTICLES)
    out = site / "public"
    staged = cli_here("build", "--site", str(site), "--lang", "en", "--base-url", STAGING)
    assert staged.returncode == 0, staged.stderr
    article = "tin-hoat-dong/ra-quan-bao-dam-trat-tu-an-toan-giao-thong/index.html"
    for rel in ("index.html", article):
        page = _page(out, rel)
        assert page.find("link", rel="canonical")["href"].startswith(STAGING)
        links = _site_links(page)
        assert links and all(link.startswith("/ban-thu/") for link in links), links
    # The link the editor wrote to another article's .md file follows the address too.
    body_links = [a["href"] for a in _page(out, article).find("article").find_all("a")]
    assert "/ban-thu/xay-dung-luc-luong/tap-huan-nghiep-vu-cho-can-bo/" in body_links
    sitemap = BeautifulSoup((out / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    locs = [loc.text for loc in sitemap.find_all("loc")]
    assert locs and all(loc.startswith(STAGING) for loc in locs)
    assert f"Sitemap: {STAGING}sitemap.xml" in (out / "robots.txt").read_text(encoding="utf-8")
    feed = BeautifulSoup((out / "atom.xml").read_text(encoding="utf-8"), "xml")
    assert all(link["href"].startswith(STAGING) for link in feed.find_all("link"))

    # Built again for site.toml's address: nothing of the staging copy is left, and the line
    # under the summary says what moved, not that articles were edited.
    again = cli_here("build", "--site", str(site), "--lang", "en")
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[1] == f"  Why: the site's address changed ({STAGING} → https://congan.example.vn/)"
    assert _page(out).find("link", rel="canonical")["href"] == "https://congan.example.vn/"
    published = tree(out)
    assert not any("/ban-thu/" in text or "thu-nghiem" in text for text in published.values())
    clean = cli_here("build", "--site", str(site), "--out", str(site / "clean"), "--lang", "en")
    assert clean.returncode == 0 and published == tree(site / "clean")


def test_the_same_inputs_with_another_base_url_are_built_again_not_answered_from_the_last_build(make_site):
    site = make_site(ARTICLES)
    assert cli_here("build", "--site", str(site), "--lang", "en").returncode == 0
    staged = cli_here("build", "--site", str(site), "--lang", "en", "--base-url", STAGING)
    assert " 0 re-rendered" not in staged.stdout.splitlines()[0]
    assert _page(site / "public").find("link", rel="canonical")["href"] == STAGING


def test_a_base_url_that_is_not_an_address_is_refused_before_anything_is_written(make_site):
    site = make_site(ARTICLES)
    assert cli_here("build", "--site", str(site), "--lang", "en").returncode == 0
    before = tree(site / "public")
    for bad in ("thu-nghiem.congan.example.vn", "ftp://congan.example.vn/", "https:// khoảng trắng/"):
        refused = cli_here("build", "--site", str(site), "--lang", "en", "--base-url", bad)
        assert refused.returncode == 2, refused.stdout
        assert refused.stderr.strip() == (f"build.py: error: --base-url '{bad}' is not an absolute http(s) address; "
                                          "write it whole, e.g. --base-url https://thu-nghiem.congan.example.vn/")
    assert tree(site / "public") == before
    vi = cli_here("build", "--site", str(site), "--base-url", "congan")
    assert vi.returncode == 2 and "không phải một địa chỉ http(s) đầy đủ" in vi.stderr


def test_a_noindex_build_asks_every_page_out_of_search_engines_and_a_normal_one_undoes_it(make_site):
    site = make_site(ARTICLES)
    out = site / "public"
    staged = cli_here("build", "--site", str(site), "--lang", "en", "--noindex", "--base-url", STAGING)
    assert staged.returncode == 0, staged.stderr
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        robots = [meta["content"] for meta in _page(out, path.relative_to(out)).find_all("meta", attrs={"name": "robots"})]
        assert robots == ["noindex, nofollow"], (path, robots)
    assert (out / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /\n"
    assert not (out / "sitemap.xml").exists()  # no list of pages for engines told to skip them

    published = cli_here("build", "--site", str(site), "--lang", "en")
    assert published.stdout.splitlines()[1] == (
        f"  Why: the site's address changed ({STAGING} → https://congan.example.vn/); "
        "built for search engines again (without --noindex)")
    home = _page(out)
    assert home.find("meta", attrs={"name": "robots"}) is None
    assert _page(out, "tim-kiem/index.html").find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert "Sitemap: https://congan.example.vn/sitemap.xml" in (out / "robots.txt").read_text(encoding="utf-8")
    clean = cli_here("build", "--site", str(site), "--out", str(site / "clean"), "--lang", "en")
    assert clean.returncode == 0 and tree(out) == tree(site / "clean")


def _notes(run) -> list[str]:
    return [line for line in run.stdout.splitlines() if line.startswith(("  Note:", "  Lưu ý:"))]


def test_a_copy_publishing_drafts_or_scheduled_articles_asks_for_noindex_unless_given(make_site):
    # A preview with drafts for the unit's leaders to approve, put where others can reach it,
    # must not reach search engines before the article is approved.
    site = make_site({**ARTICLES, "content/tin-hoat-dong/hen-gio.md": article(
        "Bài hẹn giờ đăng năm sau", "2099-01-05T08:00:00", "cong-an-tinh")})
    published = cli_here("build", "--site", str(site), "--lang", "en")
    assert published.returncode == 0 and _notes(published) == []

    preview = ["build", "--site", str(site), "--out", str(site / "duyet-bai"), "--drafts", "--future"]
    for lang, note in (("en", "  Note: this copy publishes 2 draft(s) or scheduled article(s); if others can reach "
                              "it, build it with --noindex too so that search engines skip it"),
                       ("vi", "  Lưu ý: bản dựng này đăng 2 bản nháp hoặc bài hẹn giờ; nếu người khác truy cập được, "
                              "hãy dựng thêm --noindex để máy tìm kiếm bỏ qua")):
        shown = cli_here(*preview, "--lang", lang)
        assert shown.returncode == 0, shown.stderr
        assert _notes(shown) == [note]  # also when the build is answered from the last one (vi, nothing changed)
    assert (site / "duyet-bai" / "xay-dung-luc-luong" / "bai-con-la-ban-nhap" / "index.html").is_file()

    only_drafts = cli_here("build", "--site", str(site), "--out", str(site / "nhap"), "--drafts", "--lang", "en")
    assert _notes(only_drafts) == [_notes(cli_here(*preview, "--lang", "en"))[0].replace("2 draft", "1 draft")]

    hidden = cli_here(*preview, "--noindex", "--lang", "en")
    assert hidden.returncode == 0 and _notes(hidden) == []
    robots = BeautifulSoup((site / "duyet-bai" / "index.html").read_text(encoding="utf-8"), "html.parser").find(
        "meta", attrs={"name": "robots"})
    assert robots["content"] == "noindex, nofollow"


def test_a_related_article_written_as_a_whole_address_is_found_by_its_path_on_any_host(make_site, tmp_path):
    """'related' copied from the address bar names the live host: a staging build (another host,
    under a sub-path) or a base_url changed since failed with unknown-related, though the article
    is published at that path. The path is read as an alias's is, with or without the sub-path."""
    tap_huan = "https://congan.example.vn/xay-dung-luc-luong/tap-huan-nghiep-vu-cho-can-bo/"
    hoi_nghi = "https://may-chu-cu.example.vn/ban-thu/tin-hoat-dong/hoi-nghi-tong-ket-cong-tac-nam/"
    files = {**ARTICLES, "content/tin-hoat-dong/dan-van.md": article(
        "Công an xã giúp dân thu hoạch lúa", "2026-01-10", "cong-an-xa-dong-tien",
        related=f'["{tap_huan}", "{hoi_nghi}"]')}
    site = make_site(files)
    out = tmp_path / "staging"
    staged = cli_here("build", "--site", str(site), "--lang", "en", "--base-url", STAGING, "--out", str(out))
    assert staged.returncode == 0, staged.stdout + staged.stderr
    related = _page(out, "tin-hoat-dong/cong-an-xa-giup-dan-thu-hoach-lua/index.html").find("section", class_="related")
    picked = [(a.get_text(strip=True), a["href"]) for a in related.select(".headline a")][:2]
    assert picked == [("Tập huấn nghiệp vụ cho cán bộ", "/ban-thu/xay-dung-luc-luong/tap-huan-nghiep-vu-cho-can-bo/"),
                      ("Hội nghị tổng kết công tác năm", "/ban-thu/tin-hoat-dong/hoi-nghi-tong-ket-cong-tac-nam/")]

    # One that names no article says which path was looked for.
    gone = "https://congan.example.vn/xay-dung-luc-luong/bai-da-xoa/"
    (site / "content/tin-hoat-dong/dan-van.md").write_text(
        article("Công an xã giúp dân thu hoạch lúa", "2026-01-10", "cong-an-xa-dong-tien", related=f'["{gone}"]'),
        encoding="utf-8")
    for lang, told in (("en", f"'related' names {gone}, looked for at its path /xay-dung-luc-luong/bai-da-xoa/, "
                              "where no article is published"),
                       ("vi", f"'related' ghi {gone}, tìm theo đường dẫn /xay-dung-luc-luong/bai-da-xoa/ của địa chỉ "
                              "đó nhưng không có bài viết nào đăng ở đó")):
        failed = cli_here("build", "--site", str(site), "--lang", lang, "--base-url", STAGING, "--out", str(out))
        lines = [line for line in (failed.stdout + failed.stderr).splitlines() if "unknown-related" in line]
        assert failed.returncode == 1 and len(lines) == 1, failed.stdout + failed.stderr
        assert lines[0].startswith(f"content/tin-hoat-dong/dan-van.md:6: error[unknown-related]: {told}"), lines
