"""Pages of their own (content/trang/): Giới thiệu, Lãnh đạo, Liên hệ — published at the
site's root, linked from every page's footer, and never listed, fed or dated as news."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup

from generator import messages
from generator.checker import check_site
from generator.pipeline import BuildOptions, build
from tests.conftest import article, clean_tree, cli_here, numbered_articles, text_of, tree
from tests.e2e.test_search_index import fragments
from tests.photos import phone_jpeg

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

PAGES = {
    "content/trang/gioi-thieu.md": "---\ntitle: Giới thiệu\nweight: 2\nsummary: Chức năng, nhiệm vụ của Công an tỉnh.\n"
                                   "---\n\nCông an tỉnh Thử Nghiệm tham mưu cho Đảng ủy về an ninh, trật tự.\n\n"
                                   "## Chức năng\n\nTham mưu, quản lý nhà nước.\n\n## Nhiệm vụ\n\nBảo vệ an ninh.\n",
    "content/trang/lanh-dao/index.md": "---\ntitle: Lãnh đạo Công an tỉnh\nslug: lanh-dao\nweight: 1\n"
                                       "updated: 2026-11-02\naliases: [/gioi-thieu/lanh-dao.html]\n---\n\n"
                                       "![Giám đốc Công an tỉnh](giam-doc.jpg)\n\n*Đại tá Trần Minh, Giám đốc*\n\n"
                                       "[Sơ đồ tổ chức](so-do.pdf). Tin mới: [ra quân](../../tin-hoat-dong/bai-0.md).\n",
    "content/trang/lanh-dao/giam-doc.jpg": phone_jpeg(600, 800),
    "content/trang/lanh-dao/so-do.pdf": b"%PDF-1.4 " + b"0" * 3000,
    "content/trang/thu-tuc.md": "---\ntitle: Thủ tục hành chính\ndraft: true\n---\n\nĐang soạn.\n",
}


def _page(out, url: str) -> BeautifulSoup:
    return BeautifulSoup((out / url.strip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")


def _footer(page: BeautifulSoup) -> list[tuple[str, str]]:
    about = page.select_one("footer .about")
    return [(text_of(a), a["href"]) for a in about.select("a")] if about else []


def test_a_page_of_its_own_is_at_the_root_in_every_footer_and_in_no_list(make_site, tmp_path):
    site = make_site({**numbered_articles(3), **PAGES})
    out = tmp_path / "out"
    result = build(BuildOptions(site_dir=site, out_dir=out))
    assert result.ok and not result.problems, result.problems

    about = _page(out, "/gioi-thieu/")
    assert text_of(about.find("h1")) == "Giới thiệu"
    assert [text_of(a) for a in about.select(".breadcrumbs a")] == ["Trang chủ"]
    assert [text_of(h) for h in about.select(".body h2")] == ["Chức năng", "Nhiệm vụ"]
    assert about.find("meta", attrs={"name": "description"})["content"] == "Chức năng, nhiệm vụ của Công an tỉnh."
    assert not about.select(".related, .other-news, .campaign-tags, time")  # no news furniture, no date
    leaders = _page(out, "/lanh-dao/")
    assert text_of(leaders.select_one(".updated")) == "Cập nhật Thứ Hai, 02/11/2026"
    figure = leaders.select_one(".body figure")
    assert figure.find("img")["alt"] == "Giám đốc Công an tỉnh" and text_of(figure.figcaption) == "Đại tá Trần Minh, Giám đốc"
    assert (out / figure.find("img")["src"].lstrip("/")).is_file()
    links = {text_of(a): a["href"] for a in leaders.select(".body a")}
    assert links["ra quân"] == "/tin-hoat-dong/bai-so-0/" and (out / "lanh-dao" / links["Sơ đồ tổ chức"]).is_file()
    assert "trang đã chuyển đến" in (out / "gioi-thieu/lanh-dao.html").read_text(encoding="utf-8").lower()

    # Every page's footer lists them by weight; the draft is not published.
    menu = [("Lãnh đạo Công an tỉnh", "/lanh-dao/"), ("Giới thiệu", "/gioi-thieu/")]
    for html in out.rglob("*.html"):
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        if page.find("meta", attrs={"http-equiv": "refresh"}) is None:
            assert _footer(page) == menu, html
    assert not (out / "thu-tuc-hanh-chinh").exists()
    current = [a["href"] for a in about.select("footer .about a[aria-current=page]")]
    assert current == ["/gioi-thieu/"]

    # News lists, feeds and archives know nothing of them; the sitemap lists them.
    for url in ("/", "/tin-hoat-dong/", "/don-vi/cong-an-tinh/", "/luu-tru/2026/01/"):
        main = _page(out, url).find("main")
        assert not main.find("a", href="/gioi-thieu/") and not main.find("a", href="/lanh-dao/"), url
    entries = ET.fromstring((out / "atom.xml").read_bytes()).findall(f"{ATOM}entry")
    assert len(entries) == 3
    sitemap = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod")
               for u in ET.fromstring((out / "sitemap.xml").read_bytes())}
    assert sitemap["https://congan.example.vn/gioi-thieu/"] is None  # no date of its own
    assert sitemap["https://congan.example.vn/lanh-dao/"] == "2026-11-02T00:00:00+07:00"

    # Search finds them, with no date or unit to show and no filter to file them under.
    record = fragments(out)["/gioi-thieu/"]
    assert record["meta"] == {"title": "Giới thiệu"} and not record["filters"]
    assert "tham mưu cho Đảng ủy về an ninh" in record["content"] and "Chức năng" in record["content"]
    assert "Đang soạn" not in str(fragments(out))  # the draft is not

    drafts = tmp_path / "drafts"
    assert build(BuildOptions(site_dir=site, out_dir=drafts, drafts=True)).ok
    assert text_of(_page(drafts, "/thu-tuc-hanh-chinh/").select_one(".draft-banner")) == "Bản nháp"
    assert check_site(site).ok


def test_an_edited_page_is_rendered_alone_and_a_retitled_one_in_every_footer(make_site, tmp_path):
    site = make_site({**numbered_articles(3), **PAGES})
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    pages = site / "content/trang/gioi-thieu.md"
    pages.write_text(pages.read_text(encoding="utf-8").replace("Bảo vệ an ninh.", "Bảo vệ an ninh quốc gia."),
                     encoding="utf-8")
    again = build(BuildOptions(site_dir=site, out_dir=out))
    assert again.ok and again.rendered == 1
    assert "an ninh quốc gia" in text_of(_page(out, "/gioi-thieu/").select_one(".body"))
    assert tree(out) == clean_tree(site, tmp_path / "clean-1")

    pages.write_text(pages.read_text(encoding="utf-8").replace("title: Giới thiệu", "title: Giới thiệu chung"),
                     encoding="utf-8")
    again = build(BuildOptions(site_dir=site, out_dir=out))
    assert again.ok and again.rendered == again.pages - 1  # every page but the alias's redirect
    assert ("Giới thiệu chung", "/gioi-thieu-chung/") in _footer(_page(out, "/tin-hoat-dong/bai-so-1/"))
    assert not (out / "gioi-thieu").joinpath("index.html").exists()  # the old address is gone
    assert tree(out) == clean_tree(site, tmp_path / "clean-2")

    (site / "content/trang/lanh-dao/index.md").unlink()
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    assert _footer(_page(out, "/")) == [("Giới thiệu chung", "/gioi-thieu-chung/")]
    assert tree(out) == clean_tree(site, tmp_path / "clean-3")


def test_a_page_s_mistakes_are_named_at_their_line_in_both_languages(make_site, tmp_path):
    site = make_site({**numbered_articles(1), **{
        "content/trang/a.md": "---\ntitle: Tin hoạt động\nslug: tin-hoat-dong\n---\n\nA.\n",
        "content/trang/b.md": "---\ntitle: Liên hệ\n---\n\nB.\n",
        "content/trang/c.md": "---\ntitle: Liên hệ\ndate: 2026-01-02\nunit: cong-an-tinh\nweight: đầu\n---\n\nC.\n",
        "content/trang/d.md": "---\ntitle: Tìm kiếm\nslug: tim-kiem\n---\n\nD.\n",
    }})
    result = build(BuildOptions(site_dir=site, out_dir=tmp_path / "out"))
    assert not result.ok
    found = {(p.location.path, p.location.line, p.code): p for p in result.problems}
    assert sorted(found) == [
        ("content/trang/a.md", 3, "page-url-taken"),
        ("content/trang/c.md", 3, "news-key-on-page"), ("content/trang/c.md", 4, "news-key-on-page"),
        ("content/trang/c.md", 5, "wrong-type"),
        ("content/trang/d.md", 3, "page-url-taken"),
    ]
    assert messages.problem_message(found["content/trang/a.md", 3, "page-url-taken"], "vi") == (
        "/tin-hoat-dong/ là địa chỉ của chuyên mục 'Tin hoạt động'; hãy đặt 'slug' khác cho trang")
    assert messages.problem_message(found["content/trang/c.md", 3, "news-key-on-page"], "vi").startswith(
        "'date' không dùng cho trang giới thiệu")

    (site / "content/trang/c.md").write_text("---\ntitle: Liên hệ\n---\n\nC.\n", encoding="utf-8")
    (site / "content/trang/a.md").unlink()
    (site / "content/trang/d.md").unlink()
    (site / "content/tin-hoat-dong/bai-0.md").write_text(article("Bài số 0", aliases="[/lien-he/]"), encoding="utf-8")
    for problems in (build(BuildOptions(site_dir=site, out_dir=tmp_path / "out")).problems, check_site(site).problems):
        assert sorted((p.location.path, p.location.line, p.code, p.message) for p in problems) == [
            ("content/tin-hoat-dong/bai-0.md", 6, "alias-collision",
             "the alias /lien-he/ would replace the page content/trang/b.md; remove it"),
            ("content/trang/c.md", 2, "page-url-taken",
             "/lien-he/ is also the address of the page content/trang/b.md; give one of them another 'slug'")]


def test_a_portal_of_pages_alone_builds_and_searches_then_takes_its_first_article(make_site, tmp_path):
    """Pages have no filters: an index of them alone has no filter files (Pagefind writes none)."""
    site = make_site({"content/trang/gioi-thieu.md": PAGES["content/trang/gioi-thieu.md"]})
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    assert list(fragments(out)) == ["/gioi-thieu/"] and not (out / "pagefind" / "filter").exists()
    first = site / "content/tin-hoat-dong/dau-tien.md"
    first.parent.mkdir()
    first.write_text(article("Bài đầu tiên"), encoding="utf-8")
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    assert sorted(fragments(out)) == ["/gioi-thieu/", "/tin-hoat-dong/bai-dau-tien/"]
    assert tree(out) == clean_tree(site, tmp_path / "clean-1")
    first.unlink()
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    assert tree(out) == clean_tree(site, tmp_path / "clean-2")


def test_the_messages_know_where_the_pages_live():
    from generator import standalone
    assert messages.PAGES_DIR == standalone.PAGES_DIR  # (messages cannot import standalone)


def test_a_page_s_alias_is_checked_by_check_as_by_build(make_site, tmp_path):
    site = make_site({**numbered_articles(1),
                      "content/trang/a.md": "---\ntitle: Giới thiệu\naliases: [/lien-he/, /tin-hoat-dong/bai-so-0/]\n"
                                            "---\n\nA.\n",
                      "content/trang/b.md": "---\ntitle: Liên hệ\n---\n\nB.\n"})
    expected = [("content/trang/a.md", 3, "the alias /lien-he/ would replace the page content/trang/b.md; remove it"),
                ("content/trang/a.md", 3, "the alias /tin-hoat-dong/bai-so-0/ would replace the article "
                                          "content/tin-hoat-dong/bai-0.md; remove it")]
    for problems in (build(BuildOptions(site_dir=site, out_dir=tmp_path / "out")).problems, check_site(site).problems):
        assert sorted((p.location.path, p.location.line, p.message) for p in problems) == expected


def test_the_summary_counts_the_pages_of_their_own_apart_from_the_articles(make_site):
    """`check` said '3 articles and 2 page(s) of their own'; `build` counted the articles only,
    so an editor who had just added a page could not see it was built."""
    site = make_site({**numbered_articles(3), **PAGES})
    # (the draft left out is the page thu-tuc.md: counted as an article's draft is)
    for lang, expected in (("en", r"Built \d+ pages from 3 articles and 2 page\(s\) of their own, 1 draft\(s\) left out, "),
                           ("vi", r"Đã dựng \d+ trang từ 3 bài viết và 2 trang giới thiệu, bỏ qua 1 bản nháp, ")):
        for _ in range(2):  # the second build is answered by the no-change shortcut: the same line
            done = cli_here("build", "--site", str(site), "--lang", lang)
            assert done.returncode == 0, done.stderr
            assert re.match(expected, done.stdout), done.stdout
    for page in PAGES:  # the pages taken away: the articles alone are counted
        (site / page).unlink()
    done = cli_here("build", "--site", str(site), "--lang", "en")
    assert re.match(r"Built \d+ pages from 3 articles in ", done.stdout), done.stdout


def _menu(page: BeautifulSoup) -> list[tuple[str, str, str | None]]:
    return [(text_of(a), a["href"], a.get("aria-current")) for a in page.select(".site-nav a")
            if not a["href"].startswith(("/tin-hoat-dong/", "/xay-dung-luc-luong/")) and a["href"] != "/"]


def test_a_page_with_menu_is_in_the_header_of_every_page_under_its_menu_name(make_site, tmp_path):
    """`menu: true` puts a page in the header's menu after the categories (Pelican shows its
    pages there; Hugo by a page's `menus`), `menu: Giới thiệu` under a shorter name; by weight."""
    files = {**numbered_articles(3), **PAGES,
             "content/trang/gioi-thieu.md": PAGES["content/trang/gioi-thieu.md"].replace("weight: 2", "weight: 2\nmenu: true"),
             "content/trang/lanh-dao/index.md": PAGES["content/trang/lanh-dao/index.md"].replace(
                 "weight: 1", "weight: 3\nmenu: Lãnh đạo")}
    site = make_site(files)
    out = tmp_path / "out"
    result = build(BuildOptions(site_dir=site, out_dir=out))
    assert result.ok and not result.problems, result.problems
    expected = [("Giới thiệu", "/gioi-thieu/", None), ("Lãnh đạo", "/lanh-dao/", None)]
    for url in ("/", "/tin-hoat-dong/", "/tin-hoat-dong/bai-so-1/", "/don-vi/", "/tim-kiem/"):
        assert _menu(_page(out, url)) == expected, url
    assert _menu(_page(out, "/lanh-dao/")) == [expected[0], ("Lãnh đạo", "/lanh-dao/", "page")]
    assert _footer(_page(out, "/")) == [("Giới thiệu", "/gioi-thieu/"), ("Lãnh đạo Công an tỉnh", "/lanh-dao/")]

    # Taken out of the menu: every page's header changes, and the output is a clean build's.
    about = site / "content/trang/gioi-thieu.md"
    about.write_text(about.read_text(encoding="utf-8").replace("menu: true\n", ""), encoding="utf-8")
    again = build(BuildOptions(site_dir=site, out_dir=out))
    assert again.ok and again.rendered == again.pages - 1  # every page but the alias's redirect
    assert _menu(_page(out, "/tin-hoat-dong/bai-so-2/")) == [expected[1]]
    assert tree(out) == clean_tree(site, tmp_path / "clean")


def test_menu_is_true_false_or_a_name_and_only_a_page_reads_it(make_site, tmp_path):
    site = make_site({**numbered_articles(1),
                      "content/trang/lien-he.md": "---\ntitle: Liên hệ\nmenu: 5\n---\n\nGọi 113.\n"})
    failed = build(BuildOptions(site_dir=site, out_dir=tmp_path / "out"))
    assert [(p.location.path, p.location.line, p.code) for p in failed.problems if p.is_error] == [
        ("content/trang/lien-he.md", 3, "wrong-type")]
    assert messages.problem_message(failed.problems[0], "vi") == (
        "'menu' phải là true, false, hoặc tên hiện trên thanh chuyên mục ở đầu trang")
    (site / "content/trang/lien-he.md").write_text("---\ntitle: Liên hệ\nmenu: true\n---\n\nGọi 113.\n",
                                                   encoding="utf-8")
    news = site / "content/tin-hoat-dong/bai-0.md"
    news.write_text(news.read_text(encoding="utf-8").replace("---\n", "---\nmenu: true\nweight: 1\n", 1),
                    encoding="utf-8")
    built = build(BuildOptions(site_dir=site, out_dir=tmp_path / "out"))
    assert built.ok
    told = [p for p in built.problems if p.code == "page-key-on-article"]
    assert [(p.location.path, p.location.line) for p in told] == [("content/tin-hoat-dong/bai-0.md", 2),
                                                                 ("content/tin-hoat-dong/bai-0.md", 3)]
    assert messages.problem_message(told[0], "vi").startswith("'menu' chỉ dùng cho trang giới thiệu")
    assert [text_of(a) for a in _page(tmp_path / "out", "/").select(".site-nav a")][-1] == "Liên hệ"


def test_each_page_marks_its_own_menu_item_though_headers_are_shared(make_site, tmp_path):
    """The header and footer are rendered once per distinct mark (include_cached, in one
    process here): the home page marks "Trang chủ", every page of a category that category,
    a page of its own itself in the header and the footer, and an article or a unit page none."""
    files = {**numbered_articles(5), **PAGES,
             "content/trang/gioi-thieu.md": PAGES["content/trang/gioi-thieu.md"].replace("weight: 2", "weight: 2\nmenu: true")}
    site = make_site(files)
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out, jobs=1)).ok

    def marked(url: str) -> tuple[list[str], list[str]]:
        page = _page(out, url)
        return ([text_of(a) for a in page.select(".site-nav a[aria-current=page]")],
                [text_of(a) for a in page.select("footer .about a[aria-current=page]")])

    assert marked("/") == (["Trang chủ"], [])
    assert marked("/tin-hoat-dong/") == marked("/tin-hoat-dong/trang/2/") == (["Tin hoạt động"], [])
    assert marked("/gioi-thieu/") == (["Giới thiệu"], ["Giới thiệu"])
    assert marked("/lanh-dao/") == ([], ["Lãnh đạo Công an tỉnh"])
    for url in ("/tin-hoat-dong/bai-so-1/", "/don-vi/cong-an-tinh/", "/tim-kiem/"):
        assert marked(url) == ([], []), url


def test_readme_summary_placeholder_left_in_a_page_or_an_article_stops_the_build(make_site, build_site):
    """README's page example copied as written, `summary: "…"`: the page's lead and the description
    shared links show were an ellipsis. A draft keeps it, as a draft keeps new's placeholder line."""
    page = '---\ntitle: Liên hệ\nsummary: "…"               # the lead\n---\n\nĐịa chỉ: số 1.\n'
    site = make_site({"content/trang/lien-he.md": page,
                      "content/tin-hoat-dong/bai.md": article("Bài", summary='"..."'),
                      "content/tin-hoat-dong/nhap.md": article("Nháp", summary='"…"', draft="true")})
    built = build_site(site)
    assert built.messages == [
        "content/tin-hoat-dong/bai.md:6: error[placeholder-text]: the summary is README's placeholder '…': write one "
        "or two sentences (or leave summary out: the first paragraph is used)",
        "content/trang/lien-he.md:3: error[placeholder-text]: the summary is README's placeholder '…': write one or "
        "two sentences (or leave summary out: the first paragraph is used)"]
    assert messages.problem_message(built.result.problems[1], "vi").startswith(
        "'summary' là dấu '…' để trống trong ví dụ của README")
    assert not (built.out / "lien-he").exists()
