"""Full builds of small sites: what a reader sees, what an editor is told."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys

from bs4 import BeautifulSoup

from generator import messages
from generator.pipeline import BuildOptions, build

from tests.conftest import REPO, SITE_TOML, article, cli_here, run_cli, text_of, tree
from tests.photos import phone_jpeg

ARTICLES = {
    "content/tin-hoat-dong/ra-quan/index.md": article(
        "Ra quân bảo đảm trật tự an toàn giao thông", "2026-01-21T09:30:00", "phong-canh-sat-giao-thong",
        campaigns=["vi-an-ninh-to-quoc"], author='"Minh Khôi - Phòng CSGT"', featured="true",
        body="Sáng 21/1, lực lượng **Cảnh sát giao thông** ra quân.\n\n## Kết quả\n\nXem [hướng dẫn](../../xay-dung-luc-luong/tap-huan.md).\n"),
    "content/tin-hoat-dong/dan-van.md": article(
        "Công an xã giúp dân thu hoạch lúa", "2026-01-10", "Công an xã Đồng Tiến", campaigns=['"Dân vận khéo"']),
    "content/tin-hoat-dong/hoi-nghi.md": article(
        "Hội nghị tổng kết công tác năm", "2025-12-30T14:00:00", "cong-an-tinh", campaigns=["vi-an-ninh-to-quoc"]),
    "content/xay-dung-luc-luong/tap-huan.md": article(
        "Tập huấn nghiệp vụ cho cán bộ", "2025-12-01T08:00:00", "cong-an-tinh", category="xay-dung-luc-luong",
        campaigns=["vi-an-ninh-to-quoc", "dan-van-kheo"]),
    "content/xay-dung-luc-luong/ban-nhap.md": article(
        "Bài còn là bản nháp", "2025-11-01", "cong-an-tinh", category="xay-dung-luc-luong", draft="true"),
}


def test_article_page_shows_what_a_reader_needs(make_site, build_site):
    built = build_site(make_site(ARTICLES))
    assert built.result.ok, built.messages
    page = built.page("/tin-hoat-dong/ra-quan-bao-dam-trat-tu-an-toan-giao-thong/")
    assert page.html["lang"] == "vi"
    assert [text_of(h) for h in page.find_all("h1")] == ["Ra quân bảo đảm trật tự an toàn giao thông"]
    time = page.find("article").find("time")
    assert text_of(time) == "Thứ Tư, 21/01/2026 09:30"
    assert time["datetime"] == "2026-01-21T09:30:00+07:00"
    meta = page.find("p", class_="meta")
    links = {text_of(a): a["href"] for a in meta.find_all("a")}
    assert links == {"Phòng Cảnh sát giao thông": "/don-vi/phong-canh-sat-giao-thong/",
                     "Tin hoạt động": "/tin-hoat-dong/"}
    campaigns = {text_of(a): a["href"] for a in page.find("ul", class_="campaign-tags").find_all("a")}
    assert campaigns == {"Vì An ninh Tổ quốc": "/phong-trao/vi-an-ninh-to-quoc/"}
    assert text_of(page.find(class_="author")) == "Tác giả: Minh Khôi - Phòng CSGT"
    assert page.find(class_="author").find(class_="visually-hidden").get_text() == "Tác giả: "  # (heard, not seen)
    body = page.find("div", class_="body")
    assert body.find("strong").text == "Cảnh sát giao thông"
    assert body.find("a", string="hướng dẫn")["href"] == "/xay-dung-luc-luong/tap-huan-nghiep-vu-cho-can-bo/"


def test_related_news_puts_shared_campaigns_first_and_never_drafts(make_site, build_site):
    built = build_site(make_site(ARTICLES))
    page = built.page("/tin-hoat-dong/ra-quan-bao-dam-trat-tu-an-toan-giao-thong/")
    section = page.find("h2", string="Tin liên quan").find_parent("section")
    titles = [text_of(a) for a in section.find_all("a")]
    assert titles[:2] == ["Hội nghị tổng kết công tác năm", "Tập huấn nghiệp vụ cho cán bộ"]
    assert "Ra quân bảo đảm trật tự an toàn giao thông" not in titles
    assert "Bài còn là bản nháp" not in titles
    # Các tin khác: the category's neighbours, less those Tin liên quan already shows. Here the
    # category's two others are both related, so there is no second list repeating them.
    assert "Công an xã giúp dân thu hoạch lúa" in titles and "Hội nghị tổng kết công tác năm" in titles
    assert page.find("h2", string="Các tin khác") is None


def test_related_news_the_editor_picks_come_first_then_the_ranking_s(make_site, build_site, tmp_path):
    """A follow-up names the case's first report, which shares no campaign, unit or words with
    it: by its file as a link is written, from the site's root, or by the address a browser
    shows. A draft it names appears once published; a name of no article fails the build."""
    files = {**ARTICLES,
             "content/tin-hoat-dong/vu-an/index.md": article("Triệt phá đường dây ma túy", "2024-03-01",
                                                             "phong-canh-sat-giao-thong"),
             "content/tin-hoat-dong/khoi-to.md": article(
                 "Khởi tố thêm 3 bị can", "2026-01-25", "cong-an-tinh", campaigns=["vi-an-ninh-to-quoc"],
                 related='[vu-an/index.md, "https://congan.example.vn/xay-dung-luc-luong/tap-huan-nghiep-vu-cho-can-bo/",'
                         ' content/xay-dung-luc-luong/ban-nhap.md, vu-an/]')}
    site = make_site(files)
    built = build_site(site)
    assert built.result.ok, built.messages

    def related_titles(out) -> list[str]:
        page = BeautifulSoup((out / "tin-hoat-dong/khoi-to-them-3-bi-can/index.html").read_text(encoding="utf-8"),
                             "html.parser")
        return [text_of(a) for a in page.find("section", class_="related").select(".headline a")]

    titles = related_titles(built.out)
    assert titles[:2] == ["Triệt phá đường dây ma túy", "Tập huấn nghiệp vụ cho cán bộ"]
    assert len(titles) == 3 and titles[2] != "Bài còn là bản nháp"  # related_count = 3: the ranking fills one
    (site / "content/xay-dung-luc-luong/ban-nhap.md").write_text(
        article("Bài còn là bản nháp", "2025-11-01", "cong-an-tinh", category="xay-dung-luc-luong"), encoding="utf-8")
    published = build(BuildOptions(site_dir=site, out_dir=built.out))
    assert published.ok and related_titles(built.out) == ["Triệt phá đường dây ma túy", "Tập huấn nghiệp vụ cho cán bộ",
                                                          "Bài còn là bản nháp"]
    unknown = ("error[unknown-related]: 'related' names 'vu-an.md' (content/tin-hoat-dong/vu-an.md), which is no "
               "article; did you mean 'vu-an/index.md'?")
    # A pick that names no article, or no file; written one per line, each is named at its own line.
    for related, told in (("[vu-an.md]", f"6: {unknown}"),
                          ("\n  - vu-an/index.md\n  - vu-an.md\n  - 7",
                           "9: error[bad-related]: each related article is the path of its file, not a number"),
                          ("\n  - vu-an/index.md\n  - vu-an.md", f"8: {unknown}")):
        (site / "content/tin-hoat-dong/khoi-to.md").write_text(
            article("Khởi tố thêm 3 bị can", "2026-01-25", related=related), encoding="utf-8")
        failed = build(BuildOptions(site_dir=site, out_dir=built.out))
        assert [str(p) for p in failed.problems] == [f"content/tin-hoat-dong/khoi-to.md:{told}"]


def test_every_page_has_the_hotline_footer_and_links(make_site, build_site):
    built = build_site(make_site(ARTICLES))
    html_files = sorted(built.out.rglob("*.html"))
    assert len(html_files) > 10
    for path in html_files:
        page = built.page("/" + path.relative_to(built.out).as_posix())
        footer = page.find("footer")
        assert footer.find("a", href="tel:02213862124").text == "0221 3862 124", path
        assert footer.find("a", href="mailto:banbientap@congan.example.vn"), path
        assert "Số 1 đường Chùa Chuông" in text_of(footer), path
        assert footer.find("a", string="Bộ Công an")["href"] == "https://bocongan.example.vn/", path
        assert len(page.find_all("h1")) == 1, path


def test_a_unit_with_two_hotlines_gets_a_link_to_dial_each(make_site, build_site):
    from tests.conftest import SITE_TOML
    site = make_site(ARTICLES, SITE_TOML.replace('hotline = "0221 3862 124"', 'hotline = ["113", "0221 3862 124"]'))
    footer = build_site(site).page("/").find("footer")
    links = footer.find_all("a", class_="hotline")
    assert [(a.text, a["href"]) for a in links] == [("113", "tel:113"), ("0221 3862 124", "tel:02213862124")]
    assert "113 – 0221 3862 124" in text_of(footer)


def test_a_hotline_written_as_from_abroad_dials_the_number(make_site, build_site):
    """"+84 (0) 221 3862 124", as a unit prints its number for callers abroad, was published as
    tel:+8402213862124, which no phone reaches (the 0 is dialled inside the country only), and
    "(+84) 221 3862 124" was told it is no phone number."""
    from tests.conftest import SITE_TOML
    site = make_site(ARTICLES, SITE_TOML.replace('hotline = "0221 3862 124"',
                                                 'hotline = ["+84 (0) 221 3862 124", "(+84) 221 3862 125"]'))
    built = build_site(site)
    assert built.result.ok, built.messages
    links = built.page("/").find("footer").find_all("a", class_="hotline")
    assert [(a.text, a["href"]) for a in links] == [("+84 (0) 221 3862 124", "tel:+842213862124"),
                                                    ("(+84) 221 3862 125", "tel:+842213862125")]


def test_a_hotline_typed_in_full_width_digits_dials_the_number(make_site, build_site):
    """"０２２１ ３８６２ １２４" (typed with an input method left in full-width) was accepted and
    published as tel:０２２１３８６２１２４, a link no phone dials; then dialled right but still shown
    so, and given so to search engines; "＋84 …" was no phone number at all."""
    import json
    from tests.conftest import SITE_TOML
    site = make_site(ARTICLES, SITE_TOML.replace('hotline = "0221 3862 124"',
                                                 'hotline = ["０２２１ ３８６２ １２４", "＋84 912 345 678"]'))
    built = build_site(site)
    assert built.result.ok, built.messages
    home = built.page("/")
    links = home.find("footer").find_all("a", class_="hotline")
    assert [(a.text, a["href"]) for a in links] == [("0221 3862 124", "tel:02213862124"),
                                                    ("+84 912 345 678", "tel:+84912345678")]
    told = [json.loads(s.string) for s in home.find_all("script", type="application/ld+json")]
    phones = [point["telephone"] for data in told for item in data.get("@graph", [data])
              for point in [item.get("contactPoint", {})] if "telephone" in point]
    assert phones == [["0221 3862 124", "+84 912 345 678"]], told


def test_a_units_own_hotline_email_and_address_are_on_its_page(make_site, build_site):
    from tests.conftest import SITE_TOML
    toml = SITE_TOML.replace('[units.cong-an-xa-dong-tien]\nname = "Công an xã Đồng Tiến"\n',
                             '[units.cong-an-xa-dong-tien]\nname = "Công an xã Đồng Tiến"\n'
                             'hotline = ["0221 3951 113", "113"]\nemail = "caxdongtien@congan.example.vn"\n'
                             'address = "Thôn Đông, xã Đồng Tiến"\n')
    built = build_site(make_site(ARTICLES, toml))
    assert built.result.ok, built.messages
    box = built.page("/don-vi/cong-an-xa-dong-tien/").find(class_="unit-contact")
    assert [(a.text, a["href"]) for a in box.find_all("a")] == [
        ("0221 3951 113", "tel:02213951113"), ("113", "tel:113"),
        ("caxdongtien@congan.example.vn", "mailto:caxdongtien@congan.example.vn")]
    assert text_of(box) == ("Đường dây nóng 0221 3951 113 – 113 Email caxdongtien@congan.example.vn "
                            "Địa chỉ Thôn Đông, xã Đồng Tiến")
    assert built.page("/don-vi/cong-an-tinh/").find(class_="unit-contact") is None  # none given
    # The list of units gives each unit's hotline, where a reader looks for a commune's police's number.
    units = {text_of(li.a): li for li in built.page("/don-vi/").select(".term-list li")}
    assert [(a.text, a["href"]) for a in units["Công an xã Đồng Tiến"].select(".term-hotline a")] == [
        ("0221 3951 113", "tel:02213951113"), ("113", "tel:113")]
    assert units["Công an tỉnh Thử Nghiệm"].find(class_="term-hotline") is None
    # Search engines are told the unit's number too, as an office's.
    graph = json.loads(built.page("/don-vi/cong-an-xa-dong-tien/").find("script", type="application/ld+json").string)
    assert [node for node in graph["@graph"] if node["@type"] == "GovernmentOrganization"] == [{
        "@type": "GovernmentOrganization", "name": "Công an xã Đồng Tiến",
        "url": "https://congan.example.vn/don-vi/cong-an-xa-dong-tien/", "telephone": ["0221 3951 113", "113"],
        "email": "caxdongtien@congan.example.vn", "address": "Thôn Đông, xã Đồng Tiến"}]
    graph = json.loads(built.page("/don-vi/cong-an-tinh/").find("script", type="application/ld+json").string)
    assert [node["@type"] for node in graph["@graph"]] == ["BreadcrumbList"]
    footer = built.page("/don-vi/cong-an-xa-dong-tien/").find("footer")  # the portal's own, as on every page
    assert [a.text for a in footer.find_all("a", class_="hotline")] == ["0221 3862 124"]


def test_a_units_contact_is_checked_as_the_portals_is(make_site, build_site):
    from tests.conftest import SITE_TOML
    toml = SITE_TOML.replace('[units.cong-an-xa-dong-tien]\nname = "Công an xã Đồng Tiến"\n',
                             '[units.cong-an-xa-dong-tien]\nname = "Công an xã Đồng Tiến"\n'
                             'hotline = "gọi 113"\nemail = "caxdongtien"\nphone = "113"\n')
    built = build_site(make_site(ARTICLES, toml))
    assert [(p.location.line, p.code) for p in built.result.problems] == [
        (31, "bad-value"), (32, "bad-value"), (33, "unknown-key")]
    assert built.result.problems[0].message.startswith("'units.cong-an-xa-dong-tien.hotline': 'gọi 113' is not a phone")
    from generator import messages
    assert messages.describe(built.result.problems[1], "vi").endswith(
        "'units.cong-an-xa-dong-tien.email': 'caxdongtien' không phải địa chỉ email, ví dụ 'banbientap@congan.example.vn'")


def test_list_pages_are_newest_first_and_paginated(make_site, build_site):
    built = build_site(make_site(ARTICLES))
    first = built.page("/tin-hoat-dong/")
    assert text_of(first.find("h1")) == "Tin hoạt động"
    titles = [text_of(h) for h in first.find_all("h2", class_="card-title")]
    assert titles == ["Ra quân bảo đảm trật tự an toàn giao thông", "Công an xã giúp dân thu hoạch lúa"]
    next_link = first.find("a", rel="next")
    assert next_link["href"] == "/tin-hoat-dong/trang/2/" and first.find("a", rel="prev") is None
    second = built.page(next_link["href"])
    assert [text_of(h) for h in second.find_all("h2", class_="card-title")] == ["Hội nghị tổng kết công tác năm"]
    assert second.find("a", rel="prev")["href"] == "/tin-hoat-dong/"
    assert second.find("a", rel="next") is None


def test_a_long_list_links_its_first_last_and_neighbouring_pages(make_site, build_site):
    """20 pages of news: from page 10 a reader can jump to 1, 9, 11 and 20, not only ±1."""
    files = {f"content/tin-hoat-dong/bai-{n}.md": article(f"Bài số {n}", f"2025-{n // 28 + 1:02d}-{n % 28 + 1:02d}")
             for n in range(40)}
    built = build_site(make_site(files))
    nav = built.page("/tin-hoat-dong/trang/10/").find("nav", class_="pagination")
    shown = [(text_of(li), li.a["href"] if li.a else None) for li in nav.find("ol").find_all("li")]
    assert shown == [("1", "/tin-hoat-dong/"), ("…", None), ("9", "/tin-hoat-dong/trang/9/"),
                     ("10", "/tin-hoat-dong/trang/10/"),
                     ("11", "/tin-hoat-dong/trang/11/"), ("…", None), ("20", "/tin-hoat-dong/trang/20/")]
    current = nav.find(attrs={"aria-current": "page"})
    assert (text_of(current), current["aria-label"]) == ("10", "Trang 10/20")
    first = built.page("/tin-hoat-dong/").find("nav", class_="pagination")
    assert [text_of(li) for li in first.find_all("li")] == ["1", "2", "…", "20"]
    for link in nav.find_all("a"):
        assert built.page(link["href"]).find("h1") is not None, link["href"]


def test_unit_and_campaign_pages_list_their_articles(make_site, build_site):
    built = build_site(make_site(ARTICLES))
    unit = built.page("/don-vi/cong-an-xa-dong-tien/")
    assert text_of(unit.find("h1")) == "Công an xã Đồng Tiến"
    assert [text_of(h) for h in unit.find_all("h2", class_="card-title")] == ["Công an xã giúp dân thu hoạch lúa"]
    campaign = built.page("/phong-trao/dan-van-kheo/")
    assert {text_of(h) for h in campaign.find_all("h2", class_="card-title")} == {"Công an xã giúp dân thu hoạch lúa",
                                                            "Tập huấn nghiệp vụ cho cán bộ"}
    empty = built.page("/don-vi/phong-canh-sat-giao-thong/")
    assert len(empty.find_all("h2", class_="card-title")) == 1
    # The list of units and of campaigns says how many articles each has.
    units = {text_of(li.a): text_of(li.find(class_="term-count")) for li in built.page("/don-vi/").select(".term-list li")}
    assert units["Công an xã Đồng Tiến"] == "1 bài" and units["Phòng Cảnh sát giao thông"] == "1 bài"
    campaigns = built.page("/phong-trao/").select(".term-list li")
    assert {text_of(li.a): text_of(li.find(class_="term-count")) for li in campaigns}["Dân vận khéo"] == "2 bài"


def test_home_shows_featured_latest_categories_and_campaigns(make_site, build_site):
    built = build_site(make_site(ARTICLES))
    home = built.page("/")
    featured = home.find("h2", string="Tin nổi bật").find_parent("section")
    assert text_of(featured.find("h3")) == "Ra quân bảo đảm trật tự an toàn giao thông"
    latest = home.find("h2", string="Tin mới nhất").find_parent("section")
    assert len(latest.find_all("li")) == 4
    blocks = [text_of(h) for h in home.find_all("h2", id=lambda i: i and i.startswith("cm-"))]
    assert blocks == ["Tin hoạt động", "Xây dựng lực lượng"]
    campaigns = home.find("h2", string="Phong trào").find_parent("section")
    assert [text_of(a) for a in campaigns.find_all("a")] == ["Vì An ninh Tổ quốc", "Dân vận khéo"]


def test_a_new_portal_without_published_articles_says_so_under_latest_news(make_site, build_site):
    """A portal just made by `init` has its first article as a draft: the home page showed the
    heading "Tin mới nhất" over an empty box, as a list page says "Chưa có bài viết."."""
    home = build_site(make_site({"content/tin-hoat-dong/bai-dau.md": article("Bài đầu", draft="true")})).page("/")
    latest = home.find("h2", string="Tin mới nhất").find_parent("section")
    assert latest.find("ul") is None
    assert text_of(latest.find("p", class_="empty")) == "Chưa có bài viết."


def test_a_portal_without_contact_has_no_empty_contact_list_in_its_footer(make_site, build_site):
    """`init` without --hotline/--email leaves [contact] commented out: every page's footer held an
    empty <dl> under the portal's name."""
    toml = SITE_TOML.replace('[contact]\nhotline = "0221 3862 124"\nemail = "banbientap@congan.example.vn"\n'
                             'address = "Số 1 đường Chùa Chuông, tỉnh Thử Nghiệm"\n', "")
    assert "[contact]" not in toml
    footer = build_site(make_site({"content/tin-hoat-dong/bai.md": article("Bài")}, toml)).page("/").find("footer")
    assert footer.find("dl") is None
    assert text_of(footer.find("section", class_="contact")) == "Cổng thông tin điện tử Công an tỉnh Thử Nghiệm"


def test_the_search_page_of_a_portal_with_nothing_to_search_says_so(make_site, build_site):
    """Before its first article a portal has no search index: its search page loaded the script,
    failed to fetch /pagefind/ and told readers it could not load the search ("Chưa tải được bộ tìm
    kiếm"), as if broken."""
    built = build_site(make_site({"content/tin-hoat-dong/bai-dau.md": article("Bài đầu", draft="true")}))
    search = built.page("/tim-kiem/")
    assert not (built.out / "pagefind").exists()
    assert not [s for s in search.find_all("script") if "search" in (s.get("src") or "")]
    assert text_of(search.find(class_="search-status")) == "Chưa có bài viết nào để tìm."
    search = build_site(make_site({"content/tin-hoat-dong/bai-dau.md": article("Bài đầu")})).page("/tim-kiem/")
    assert [s for s in search.find_all("script") if "search" in (s.get("src") or "")]
    assert text_of(search.find(class_="search-status")) == ""


def test_a_portal_without_campaigns_shows_no_empty_campaign_lists(make_site, build_site):
    """A district's portal that took the demo's campaigns out of site.toml: the home page kept the
    heading "Phong trào" over nothing, the footer linked /phong-trao/, a page of a bare heading."""
    toml = SITE_TOML.split("[campaigns.")[0]
    built = build_site(make_site({"content/tin-hoat-dong/bai.md": article("Bài")}, toml))
    home = built.page("/")
    assert home.find("h2", string="Phong trào") is None
    assert "Phong trào" not in [text_of(a) for a in home.select("footer a")]
    terms = built.page("/phong-trao/")
    assert text_of(terms.find("main")) == "Trang chủ Phong trào Chưa có phong trào nào."


def test_the_search_page_of_a_portal_without_campaigns_offers_no_campaign_filter(make_site, build_site):
    """Its campaigns taken out of site.toml, the search page still offered "Phong trào" with a list of
    "Tất cả" alone, nothing to choose; the filters that have values stay."""
    built = build_site(make_site({"content/tin-hoat-dong/bai.md": article("Bài")}, SITE_TOML.split("[campaigns.")[0]))
    filters = built.page("/tim-kiem/").select(".search-filters select")
    assert [(select["name"], [text_of(o) for o in select.find_all("option")]) for select in filters] == [
        ("unit", ["Tất cả", "Công an tỉnh Thử Nghiệm (1)"]), ("category", ["Tất cả", "Tin hoạt động (1)"])]


def test_a_build_whose_moment_publishes_no_article_says_so_and_strict_stops(make_site, tmp_path):
    """A CI job given a SOURCE_DATE_EPOCH of long ago (or a machine with a wrong clock): every article
    was scheduled for later, the portal was published empty, exit 0, and nothing was said."""
    site = make_site({"content/tin-hoat-dong/a.md": article("Bài một", "2026-01-21T09:30:00"),
                      "content/tin-hoat-dong/b.md": article("Bài hai", "2026-01-22T09:30:00")})
    out = tmp_path / "out"
    assert cli_here("build", "--site", str(site), "--out", str(out), "--strict").returncode == 0
    published = tree(out)
    long_ago = {**os.environ, "SOURCE_DATE_EPOCH": "1577836800"}  # 2020-01-01 00:00 UTC
    strict = cli_here("build", "--site", str(site), "--out", str(out), "--strict", "--lang", "en", env=long_ago)
    assert strict.returncode == 1
    assert ("content: error[nothing-published]: no article is published at this build's moment, 2020-01-01 07:00: "
            "2 scheduled for later (the first at 2026-01-21 09:30), 0 expired; if that moment is wrong, check the "
            "SOURCE_DATE_EPOCH the build was given, or the machine's clock") in strict.stderr, strict.stderr
    assert tree(out) == published  # nothing published
    done = cli_here("build", "--site", str(site), "--out", str(tmp_path / "empty"), env=long_ago)
    assert done.returncode == 0
    assert ("content: warning[nothing-published]: không bài viết nào được đăng tại thời điểm dựng, 2020-01-01 07:00: "
            "2 bài hẹn giờ đăng sau đó (bài đầu tiên lúc 2026-01-21 09:30), 0 bài đã hết hạn") in done.stdout + done.stderr


def test_an_old_article_copied_as_a_template_tells_the_copy_to_change_not_the_original(make_site, build_site):
    """An editor copies last year's report's folder (cp -r) to write this year's: both are at the
    original's address. The original, its folder named for that address as `new` made it, was told
    "set a different 'slug' (e.g. slug: …-2)" too, which would move a published article and break
    every link to it; it is told to have the copy changed."""
    from generator import messages
    old = article("Hội thi điều lệnh năm 2025", "2025-08-22")
    site = make_site({"content/tin-hoat-dong/hoi-thi-dieu-lenh-nam-2025/index.md": old,
                      "content/tin-hoat-dong/hoi-thi-2026/index.md": old})
    told = {p.location.path: p for p in build_site(site).result.problems}
    assert sorted(p.code for p in told.values()) == ["duplicate-url", "duplicate-url"]
    original = told["content/tin-hoat-dong/hoi-thi-dieu-lenh-nam-2025/index.md"]
    assert original.message.endswith("change the title of content/tin-hoat-dong/hoi-thi-2026/index.md or set its "
                                     "'slug': this article's file is named for the address, which it most likely "
                                     "had first")
    assert messages.describe(original, "vi").endswith(
        "hãy đổi tiêu đề hoặc đặt 'slug' khác cho content/tin-hoat-dong/hoi-thi-2026/index.md: tệp của bài này mang "
        "tên địa chỉ đó, nhiều khả năng bài này có địa chỉ trước (đổi địa chỉ của nó sẽ làm hỏng các liên kết tới bài)")
    assert told["content/tin-hoat-dong/hoi-thi-2026/index.md"].message.endswith(
        "(e.g. slug: hoi-thi-dieu-lenh-nam-2025-1)")


def test_drafts_are_left_out_unless_asked(make_site, build_site, tmp_path):
    site = make_site(ARTICLES)
    built = build_site(site)
    assert built.result.left_out == {"draft": 1}
    assert not (built.out / "xay-dung-luc-luong/bai-con-la-ban-nhap").exists()
    with_drafts = build_site(site, out=tmp_path / "drafts", drafts=True)
    page = with_drafts.page("/xay-dung-luc-luong/bai-con-la-ban-nhap/")
    assert text_of(page.find(class_="draft-banner")) == "Bản nháp"


def test_two_builds_are_byte_identical(make_site, build_site, tmp_path):
    site = make_site(ARTICLES)
    first = build_site(site, out=tmp_path / "one")
    second = build_site(site, out=tmp_path / "two")
    assert tree(first.out) == tree(second.out)


def test_the_demo_portal_builds_byte_identical_on_another_machine(tmp_path):
    """What CI publishes equals what an editor previewed: the bundled portal (photos, search
    shards, feeds), built by two processes that share nothing (another hash seed, another
    number of workers, the site in another folder under another name, one with the cache and
    one without), gives the same bytes."""
    builds = []
    # The second build also runs in another time zone and locale than the first.
    runs = [("1", "1", "a/site", [], {"TZ": "UTC", "LC_ALL": "C.UTF-8"}),
            ("4242", "2", "b/c/portal", ["--no-cache"], {"TZ": "Pacific/Kiritimati", "LC_ALL": "C"})]
    for n, (seed, jobs, folder, cache, zone) in enumerate(runs):
        site = tmp_path / folder
        for part in ("site.toml", "content", "assets", "static"):
            source = REPO / part
            if source.is_dir():
                shutil.copytree(source, site / part)
            else:
                site.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, site / part)
        out = tmp_path / f"out-{n}"
        done = subprocess.run([sys.executable, str(REPO / "build.py"), "build", "--site", str(site), "--out", str(out),
                               "--jobs", jobs, *cache], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                              env={**os.environ, "PYTHONHASHSEED": seed, **zone})
        assert done.returncode == 0, done.stderr
        builds.append(tree(out))
    assert builds[0] == builds[1]
    assert any(name.startswith("images/") for name in builds[0]) and "sitemap.xml" in builds[0]


def test_a_failed_build_leaves_the_previous_output_untouched(make_site, build_site):
    site = make_site(ARTICLES)
    good = build_site(site)
    before = tree(good.out)
    (site / "content/tin-hoat-dong/hong.md").write_text(article("Bài hỏng", unit="khong-co"), encoding="utf-8")
    bad = build_site(site)
    assert not bad.result.ok
    assert tree(good.out) == before
    leftovers = [p.name for p in site.iterdir() if ".staging-" in p.name or ".old-" in p.name]
    assert leftovers == []


def test_all_content_errors_are_reported_together_sorted(make_site, build_site):
    files = dict(ARTICLES)
    files["content/a-thieu-truong.md"] = "---\ntitle: Thiếu\ndate: 2026-01-01\ncategory: tin-hoat-dong\n---\n"
    files["content/b-ngay-sai.md"] = article("Ngày sai", date="32/13/2026")
    files["content/c-latin1.md"] = "---\ntitle: Tiêu đề\n---\n".encode("latin-1", "replace") + b"\xe9t\xe9\n"
    files["content/d-trung-1.md"] = article("Trùng địa chỉ")
    files["content/d-trung-2.md"] = article("Trùng địa chỉ")
    files["content/e-chien-dich.md"] = article("Phong trào lạ", campaigns=["Dân vận khéoo"])
    built = build_site(make_site(files))
    assert not built.result.ok
    assert [m.split(": error")[0] for m in built.messages] == [
        "content/a-thieu-truong.md:1", "content/b-ngay-sai.md:3", "content/c-latin1.md:2",
        "content/d-trung-1.md:2", "content/d-trung-2.md:2", "content/e-chien-dich.md:6"]
    assert built.messages[0].endswith("error[missing-field]: 'unit' is required")
    assert "did you mean 'Dân vận khéo'?" in built.messages[-1]
    assert not built.out.exists()


def test_a_site_with_only_toml_and_content_uses_the_default_theme(make_site, build_site):
    built = build_site(make_site(ARTICLES))
    assert (built.out / "assets/css/style.css").is_file()
    version = hashlib.sha256((built.out / "assets/css/style.css").read_bytes()).hexdigest()[:10]
    assert built.page("/").find("link", rel="stylesheet")["href"] == f"/assets/css/style.css?v={version}"


def test_an_edited_stylesheet_gets_a_new_address_on_every_page(make_site, build_site):
    """Browsers and CDNs cache a stylesheet for as long as they like: a reader would get the new
    pages with the old styles. Its link carries its version, and the pages are rendered again."""
    site = make_site({**ARTICLES, "assets/css/style.css": "body { color: black; }\n"})
    first = build_site(site)
    before = {url: first.page(url).find("link", rel="stylesheet")["href"] for url in ("/", "/tin-hoat-dong/")}
    (site / "assets/css/style.css").write_text("body { color: navy; }\n", encoding="utf-8")
    again = build_site(site)
    after = {url: again.page(url).find("link", rel="stylesheet")["href"] for url in before}
    version = hashlib.sha256(b"body { color: navy; }\n").hexdigest()[:10]
    assert set(after.values()) == {f"/assets/css/style.css?v={version}"} and set(before.values()).isdisjoint(after.values())
    assert again.result.rendered == again.result.pages


def test_moving_the_portal_to_a_sub_path_relinks_every_page_with_a_warm_cache(make_site, build_site):
    """Jinja had folded `'/assets/css/style.css' | url` into the compiled layouts the cache
    keeps: after base_url moved under /cong-thong-tin/, pages still linked /assets/… (a page
    without its styles) and the footer's feed link /atom.xml."""
    site = make_site(ARTICLES)
    build_site(site)
    toml = (site / "site.toml").read_text(encoding="utf-8")
    (site / "site.toml").write_text(toml.replace('base_url = "https://congan.example.vn/"',
                                                 'base_url = "https://congan.example.vn/cong-thong-tin/"'),
                                    encoding="utf-8")
    page = build_site(site).page("/")
    links = [tag.get("href") or tag.get("src") for tag in page.find_all(["link", "script", "a"])
             if (tag.get("href") or tag.get("src") or "").startswith("/")]
    assert links and all(link.startswith("/cong-thong-tin/") for link in links), links


def test_site_layouts_and_assets_override_the_defaults(make_site, build_site):
    files = dict(ARTICLES)
    files["layouts/partials/footer.html"] = '<footer><p class="rieng">Chân trang riêng của đơn vị</p></footer>\n'
    files["assets/css/style.css"] = "body { color: black; }\n"
    built = build_site(make_site(files))
    assert built.result.ok, built.messages
    assert text_of(built.page("/").find("footer")) == "Chân trang riêng của đơn vị"
    assert (built.out / "assets/css/style.css").read_text() == "body { color: black; }\n"
    assert built.page("/tin-hoat-dong/").find("h1")  # untouched layouts still come from the theme


def test_an_undefined_template_variable_fails_loudly(make_site, build_site):
    import jinja2
    import pytest
    files = dict(ARTICLES)
    files["layouts/partials/footer.html"] = "<footer>{{ config.hotlin }}</footer>\n"
    with pytest.raises(jinja2.TemplateRuntimeError, match="has no attribute 'hotlin'") as raised:
        build_site(make_site(files))
    assert raised.value.filename.endswith("layouts/partials/footer.html") and raised.value.lineno == 1


def test_bundle_files_are_published_beside_the_article(make_site, build_site):
    files = dict(ARTICLES)
    files["content/tin-hoat-dong/ra-quan/ke-hoach.pdf"] = b"%PDF-1.4 demo"
    built = build_site(make_site(files))
    assert (built.out / "tin-hoat-dong/ra-quan-bao-dam-trat-tu-an-toan-giao-thong/ke-hoach.pdf").read_bytes() == b"%PDF-1.4 demo"


def test_base_url_with_a_sub_path_prefixes_every_link(make_site, build_site):
    from tests.conftest import SITE_TOML
    site = make_site(ARTICLES, SITE_TOML.replace("https://congan.example.vn/", "https://congan.example.vn/portal/"))
    built = build_site(site)
    home = built.page("/")
    hrefs = [a["href"] for a in home.find_all("a") if a["href"].startswith("/")]
    assert hrefs and all(h.startswith("/portal/") for h in hrefs)
    assert home.find("link", rel="canonical")["href"] == "https://congan.example.vn/portal/"


def test_cli_exit_codes_and_summary(make_site):
    site = make_site(ARTICLES)
    ok = cli_here("build", "--site", str(site), "--lang", "en")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("Built ") and "articles" in ok.stdout and "1 draft(s) left out" in ok.stdout
    vi = cli_here("build", "--site", str(site))  # the site's language is vi
    pages = len(list((site / "public").rglob("*.html")))
    assert vi.stdout.startswith(f"Đã dựng {pages} trang từ 4 bài viết, bỏ qua 1 bản nháp"), vi.stdout
    # How to look at it: served (opened as a file, its links from the host's root lead nowhere) …
    assert vi.stdout.splitlines()[0].endswith(f"→ {site / 'public'}  (xem: python3 -m http.server -d {site / 'public'})")
    # … and a portal under a sub-path by serve, which serves it there
    sub = cli_here("build", "--site", str(site), "--base-url", "https://congan.example.vn/portal/")
    assert sub.stdout.splitlines()[0].endswith(f"  (xem: python build.py serve --site {site})"), sub.stdout
    (site / "content/hong.md").write_text(article("Hỏng", date="không rõ"), encoding="utf-8")
    bad = cli_here("build", "--site", str(site))
    assert bad.returncode == 1
    assert "content/hong.md:3: error[bad-date]" in bad.stderr
    assert "Traceback" not in bad.stderr
    usage = cli_here("build", "--site", str(site / "khong-co"))
    assert usage.returncode == 2
    assert run_cli("xay-dung").returncode == 2


def test_a_warning_repeated_in_many_articles_is_shown_a_few_times_then_counted(make_site):
    """A portal moved from another generator holds `tags:` in every article: the build shows
    five of those warnings and counts the rest, so the other warnings and the summary stay in
    sight; `-v` and `check` list every one."""
    files = {f"content/tin-hoat-dong/bai-{i:02d}.md": article(f"Bài số {i}", f"2026-01-{i + 1:02d}", tags="[an-ninh]")
             for i in range(12)}
    files["content/tin-hoat-dong/anh.md"] = article("Bài có ảnh", body="![](anh.jpg)")
    files["content/tin-hoat-dong/anh.jpg"] = phone_jpeg(320, 240)
    site = make_site(files)
    built = cli_here("build", "--site", str(site), "--lang", "en")
    assert built.returncode == 0, built.stderr
    lines = [line for line in built.stderr.splitlines() if "warning[" in line or line.startswith("  …")]
    tags = [line for line in lines if ": warning[unknown-key]" in line]
    assert [line.split(":")[0] for line in tags] == [f"content/tin-hoat-dong/bai-{i:02d}.md" for i in range(5)]
    assert lines[lines.index(tags[-1]) + 1] == ("  … and 7 more warning[unknown-key] "
                                                "(python build.py check lists them all)"), lines
    assert any("anh.md" in line and "warning[missing-alt]" in line for line in lines), lines  # another kind stays
    every = cli_here("build", "--site", str(site), "--lang", "en", "-v")
    assert every.stderr.count(": warning[unknown-key]") == 12 and "more warning" not in every.stderr
    checked = cli_here("check", "--site", str(site), "--lang", "en")
    assert checked.stdout.count(": warning[unknown-key]") == 12


def test_a_value_yaml_drops_as_a_comment_is_named_with_the_line_that_keeps_it(make_site):
    """`summary: #1 …` publishes no summary and `title: #1 …` no title: YAML reads both as
    comments. The editor is told, and told again by the next build, which reads neither file."""
    files = {"content/tin-hoat-dong/tom-tat.md": article("Bắt nhóm đối tượng", summary="#1 vụ trộm cắp tài sản")}
    site = make_site(files)
    said = 'tom-tat.md:{}: warning[lost-value]: \'summary\' không có giá trị: YAML coi \'#1 vụ trộm cắp tài sản\' là chú thích; ' \
           'để giữ chữ này, hãy đặt nó trong dấu nháy: summary: "#1 vụ trộm cắp tài sản"'
    line = next(n for n, text in enumerate(files["content/tin-hoat-dong/tom-tat.md"].splitlines(), 1)
                if text.startswith("summary:"))
    for _ in range(2):
        built = cli_here("build", "--site", str(site))
        assert built.returncode == 0 and said.format(line) in built.stderr, built.stderr
    (site / "content/tin-hoat-dong/tieu-de.md").write_text(
        files["content/tin-hoat-dong/tom-tat.md"].replace('title: "Bắt nhóm đối tượng"', "title: #2 Tin mới"), encoding="utf-8")
    failed = cli_here("build", "--site", str(site), "--lang", "en")
    assert failed.returncode == 1
    assert "tieu-de.md:2: warning[lost-value]: 'title' has no value: YAML reads '#2 Tin mới' as a comment; to keep " \
           "the text, put it in quotes: title: \"#2 Tin mới\"" in failed.stderr, failed.stderr
    assert "tieu-de.md:2: error[missing-field]: 'title' is required" in failed.stderr


def test_an_article_with_no_text_is_published_with_a_warning(make_site, build_site):
    """Saved before it was written (or holding only its own title again): the page would be a
    title alone. It is published, since that may be meant, but the editor is told where."""
    site = make_site({"content/tin-hoat-dong/trong.md": article("Bài chưa viết", body=""),
                      "content/tin-hoat-dong/chi-tieu-de.md": article("Lịch trực ban", body="# Lịch trực ban\n"),
                      "content/tin-hoat-dong/co-chu.md": article("Bài đã viết")})
    built = build_site(site)
    assert built.result.ok
    empty = sorted(str(p.location) for p in built.result.problems if p.code == "empty-body")
    assert empty == ["content/tin-hoat-dong/chi-tieu-de.md:7", "content/tin-hoat-dong/trong.md:7"], built.messages
    assert built.page("/tin-hoat-dong/bai-chua-viet/").find("h1").get_text() == "Bài chưa viết"
    again = build_site(site)  # told again by the next build, which converts nothing new
    assert sorted(str(p.location) for p in again.result.problems if p.code == "empty-body") == empty


def test_python_m_generator_works_too(make_site):
    import subprocess
    import sys
    from tests.conftest import REPO
    site = make_site(ARTICLES)
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--site", str(site), "--out", str(site / "o")],
                          cwd=REPO, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    assert (site / "o/index.html").is_file()


def test_content_may_be_a_link_to_a_folder_inside_the_site(make_site, build_site):
    """One checkout shared by two portals links content/ to its own folder: the articles
    are found through the link, with a bundle's attachment beside its page."""
    site = make_site({"bai-viet/tin-hoat-dong/hop-bao/index.md": article("Họp báo quý IV"),
                      "bai-viet/tin-hoat-dong/hop-bao/thong-cao.pdf": b"%PDF-1.4\n"})
    os.symlink("bai-viet", site / "content")
    built = build_site(site)
    assert built.result.ok, built.messages
    page = built.page("/tin-hoat-dong/hop-bao-quy-iv/")
    assert [text_of(h) for h in page.find_all("h1")] == ["Họp báo quý IV"]
    assert (built.out / "tin-hoat-dong/hop-bao-quy-iv/thong-cao.pdf").read_bytes() == b"%PDF-1.4\n"


def test_ids_on_an_article_page_are_unique_whatever_the_editor_wrote(make_site, build_site):
    body = ("[Liên hệ](#lien-he)[^1]\n\n## Nội dung\n\n## Tin liên quan {#tin-lien-quan}\n\n## Liên hệ\n\n"
            '<div id="noi-dung">Khối dán từ Word</div>\n\n<h2 id="lien-ket">Liên kết</h2>\n\n[^1]: Chú thích.\n')
    built = build_site(make_site({"content/tin-hoat-dong/bai.md": article("Bài nhiều mục", slug="bai", body=body),
                                  "content/tin-hoat-dong/khac.md": article("Bài khác", "2026-01-20")}))
    page = built.page("/tin-hoat-dong/bai/")
    ids = [element["id"] for element in page.find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted(ids)
    assert page.find("a", class_="skip-link")["href"] == "#noi-dung" and page.find(id="noi-dung").name == "main"
    body = page.find("div", class_="body")
    assert body.find(id="muc-noi-dung").name == "h2" and body.find(id="muc-noi-dung-2").name == "div"
    assert body.find("a", string="Liên hệ")["href"] == "#lien-he"  # no body element has it: the footer's


def test_an_article_with_toml_front_matter_builds_like_one_with_yaml(make_site, build_site):
    toml_article = ('+++\ntitle = "Ra quân đầu năm"\ndate = 2026-01-21T09:30:00\nunit = "Công an tỉnh Thử Nghiệm"\n'
                    'category = "tin-hoat-dong"\ncampaigns = ["dan-van-kheo"]\nauthor = "Minh Khôi"\n+++\n\n'
                    "Sáng 21/1, lực lượng ra quân.\n")
    built = build_site(make_site({"content/tin-hoat-dong/ra-quan.md": toml_article}))
    assert built.result.ok, built.messages
    page = built.page("/tin-hoat-dong/ra-quan-dau-nam/")
    assert text_of(page.find("h1")) == "Ra quân đầu năm"
    assert page.find("time")["datetime"].startswith("2026-01-21T09:30:00")
    assert "Sáng 21/1, lực lượng ra quân." in text_of(page.find("div", class_="body"))
    assert [text_of(a) for a in page.select(".campaign-tags a")] == ["Dân vận khéo"]


def test_hugo_habits_in_content_are_named_not_misread(make_site, build_site):
    """An _index.md (Hugo's section page) is skipped with a warning; an index.md straight in a
    folder of other articles would own that whole folder, their attachments included: an error."""
    site = make_site({"content/tin-hoat-dong/bai-a.md": article("Bài A"),
                      "content/tin-hoat-dong/_index.md": "---\ntitle: Tin hoạt động\n---\nMô tả.\n",
                      "content/tin-hoat-dong/index.md": article("Chỉ mục", "2026-01-20"),
                      "content/tin-hoat-dong/ke-hoach.pdf": b"%PDF-1.4\n"})
    assert sorted(str(p) for p in build_site(site).result.problems) == [
        "content/tin-hoat-dong/_index.md:1: warning[section-index]: an _index.md is not read: a category's name "
        "and description are set in site.toml ([categories.<key>])",
        "content/tin-hoat-dong/index.md:1: error[bundle-holds-articles]: this folder holds other articles too "
        "(content/tin-hoat-dong/bai-a.md): an article named index.md owns its whole folder; give it a folder of "
        "its own, content/tin-hoat-dong/<name>/index.md, or rename it <name>.md"]
    (site / "content/tin-hoat-dong/index.md").rename(site / "content/tin-hoat-dong/chi-muc.md")
    built = build_site(site)
    assert [p.code for p in built.result.problems] == ["section-index", "unpublished-file"]  # the PDF
    assert built.page("/tin-hoat-dong/chi-muc/").find("h1") is not None


def test_a_body_that_starts_with_its_title_shows_it_once(make_site, build_site):
    """A document pasted from Word, or written for Hugo, starts with its title: the page already
    shows it as its <h1> right above, so the body's copy goes (a heading, or a line all in bold)."""
    title = "Ra quân bảo đảm trật tự an toàn giao thông"
    site = make_site({
        "content/tin-hoat-dong/a.md": article(title, slug="a", body=f"# {title}\n\nSáng nay, lực lượng ra quân.\n\n## Kết quả\n\nTốt."),
        "content/tin-hoat-dong/b.md": article(title, slug="b", body=f"**{title.upper()}**\n\nSáng nay, lực lượng ra quân."),
        "content/tin-hoat-dong/c.md": article("Hội nghị", slug="c", body="## Hội nghị tổng kết\n\nNội dung.")})
    built = build_site(site)
    assert built.result.ok, built.messages
    for slug in ("a", "b"):
        page = built.page(f"/tin-hoat-dong/{slug}/")
        shown = [text_of(e) for e in page.find("article").find_all(["h1", "h2", "h3", "p"])]
        assert [s for s in shown if s.casefold() == title.casefold()] == [title], (slug, shown)
        assert text_of(page.find("div", class_="body").find()) == "Sáng nay, lực lượng ra quân."
        assert page.find("meta", attrs={"name": "description"})["content"] == "Sáng nay, lực lượng ra quân."
    assert [text_of(h) for h in built.page("/tin-hoat-dong/c/").find("div", class_="body").find_all("h2")] == [
        "Hội nghị tổng kết"]  # another heading, kept


def test_a_portal_without_articles_is_built_with_a_warning_that_strict_ci_stops_at(make_site, tmp_path):
    """A new portal builds empty; but a CI checkout that lost content/ (a submodule not fetched,
    a sparse checkout, the wrong --site) must not publish an empty portal over the real one."""
    site = make_site(ARTICLES)
    out = tmp_path / "out"
    assert cli_here("build", "--site", str(site), "--out", str(out), "--strict").returncode == 0
    published = tree(out)
    assert "content: warning" not in cli_here("check", "--site", str(site), "--lang", "en").stdout

    shutil.rmtree(site / "content")
    strict = cli_here("build", "--site", str(site), "--out", str(out), "--strict", "--lang", "en")
    assert strict.returncode != 0
    assert ("content: error[no-articles]: there is no content/ folder beside site.toml: the portal is built "
            "without a single article") in strict.stderr  # (--strict: a warning is an error)
    assert tree(out) == published  # nothing published

    # Only a page of its own, and in Vietnamese: built, empty lists, and said so.
    (site / "content/trang").mkdir(parents=True)
    (site / "content/trang/gioi-thieu.md").write_text("---\ntitle: Giới thiệu\n---\n\nVề chúng tôi.\n", encoding="utf-8")
    done = cli_here("build", "--site", str(site), "--out", str(out), "--lang", "vi")
    assert done.returncode == 0
    assert "content: warning[no-articles]: không có bài viết nào trong content/" in done.stdout + done.stderr
    home = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Ra quân" not in text_of(home) and (out / "gioi-thieu/index.html").is_file()
    assert "no-articles" in cli_here("check", "--site", str(site)).stdout

    # A draft is an article: a new portal's first one, not yet published, is no mistake.
    (site / "content/tin-hoat-dong").mkdir()
    (site / "content/tin-hoat-dong/nhap.md").write_text(article("Bài nháp đầu tiên", draft="true"), encoding="utf-8")
    assert cli_here("build", "--site", str(site), "--out", str(out), "--strict").returncode == 0


def test_version_names_the_generator_its_code_and_its_libraries(make_site):
    """What a bug report needs (Hugo's `hugo version`); `build -v` prints it first, for CI logs."""
    from importlib import metadata
    from generator import __version__
    from generator.cache import code_stamp
    expected = (f"build.py {__version__} (code {code_stamp().hex()[:12]}), Python ")
    shown = run_cli("--version")
    assert shown.returncode == 0 and shown.stdout.startswith(expected), shown.stdout
    assert f"Pagefind {metadata.version('pagefind_bin')}" in shown.stdout
    assert f"Python-Markdown {metadata.version('markdown')}" in shown.stdout
    built = cli_here("build", "--site", str(make_site({"content/tin-hoat-dong/bai.md": article("Bài")})), "-v")
    assert built.returncode == 0 and built.stdout.splitlines()[0] == shown.stdout.strip(), built.stdout


def test_a_build_whose_messages_cannot_be_written_says_so_in_a_line_or_builds_quietly(make_site, tmp_path):
    """`build > /dev/full` (a CI log on a full disk) published the site, then printed a traceback
    and exited 1, the code of content errors; `build >&- 2>&-` (its output closed) exited 1 having
    published nothing: the first file it opened took descriptor 1, and its messages went into it."""
    import subprocess
    import sys

    site = make_site(ARTICLES)
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, str(REPO / "build.py"), "build", "--site", str(site), "--lang", "en"],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 3 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.strip().splitlines()[-1] == ("build.py: error: No space left on device (writing the command's "
                                                    "messages)")
    closed = subprocess.run(f'"{sys.executable}" "{REPO / "build.py"}" build --site "{site}" --out "{tmp_path / "out"}" '
                            ">&- 2>&-", shell=True, timeout=120)
    assert closed.returncode == 0
    assert (tmp_path / "out/index.html").read_text(encoding="utf-8").startswith("<!doctype html>")


def test_source_date_epoch_rebuilds_a_past_output_as_it_was(make_site, tmp_path):
    """reproducible-builds.org's SOURCE_DATE_EPOCH is the build's moment: an article scheduled for
    a day is left out of a build dated before it, published by one dated after, byte for byte the
    same whenever that build is run (the clock decided, and a past output could not be made again)."""
    import os
    import subprocess
    import sys

    site = make_site({**ARTICLES, "content/hen-gio.md": article("Bài hẹn giờ", date="2030-05-01T08:00:00")})

    def built(epoch: str, out: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(REPO / "build.py"), "build", "--site", str(site), "--out",
                               str(tmp_path / out), "--lang", "en"], capture_output=True, text=True, timeout=120,
                              env={**os.environ, "SOURCE_DATE_EPOCH": epoch})
    before, after = built("1893456000", "truoc"), built("1903000000", "sau")  # 2030-01-01, 2030-04-21 … 2030-04-22
    assert before.returncode == after.returncode == 0
    assert not (tmp_path / "truoc/tin-hoat-dong/bai-hen-gio").exists() and "1 scheduled" in before.stdout
    later = built("1905000000", "sau-nua")  # 2030-05-14
    assert (tmp_path / "sau-nua/tin-hoat-dong/bai-hen-gio/index.html").is_file()
    assert tree(tmp_path / "truoc") == tree(tmp_path / "sau")  # (both before its day: the same site)
    wrong = built("hôm qua", "sai")
    assert wrong.returncode == 2 and wrong.stderr.strip() == (
        "build.py: error: SOURCE_DATE_EPOCH='hôm qua' is not a moment in seconds since 1970 (e.g. $(git log -1 --format=%ct))")
    assert later.returncode == 0


def test_the_command_to_look_at_the_built_portal_can_be_pasted_into_a_shell(make_site, tmp_path):
    """An output folder with a space in its name (a Windows user's "Xuất bản", a CI path): the hint
    said `python3 -m http.server -d /…/Xuất bản`, which a shell reads as two words, serving
    another folder."""
    import shlex

    site = make_site(ARTICLES)
    out = tmp_path / "Xuất bản"
    done = cli_here("build", "--site", str(site), "--out", str(out))
    assert done.returncode == 0, done.stderr
    hint = done.stdout.splitlines()[0].rsplit("(xem: ", 1)[1].removesuffix(")")
    assert shlex.split(hint) == ["python3", "-m", "http.server", "-d", str(out)]


def test_the_command_to_look_at_the_portal_is_quoted_as_windows_shells_read_it(monkeypatch):
    """On an editor's Windows PC the hint's folder was in single quotes, which cmd.exe keeps as part
    of the name, and every folder there has a backslash: 'C:\\Users\\an\\public' served nothing."""
    from generator import cli

    monkeypatch.setattr(cli, "_WINDOWS", True, raising=False)
    from pathlib import Path

    plain, spaced = Path(r"C:\Users\an\public"), Path(r"C:\Users\an\Xuất bản")
    assert cli._how_to_look(REPO, plain, "/") == r"python3 -m http.server -d C:\Users\an\public"
    assert cli._how_to_look(REPO, spaced, "/") == r'python3 -m http.server -d "C:\Users\an\Xuất bản"'


def test_articles_whose_paths_differ_only_in_case_are_each_named(make_site, build_site):
    """Tin.md and tin.md (or two bundle folders Ra-Quan/ and ra-quan/) are two articles on Linux, one
    on a Windows or macOS checkout, where the other editor's article is lost: a warning at each."""
    site = make_site({"content/tin-hoat-dong/Tin.md": article("Bài một", slug="bai-mot"),
                      "content/tin-hoat-dong/tin.md": article("Bài hai", slug="bai-hai"),
                      "content/tin-hoat-dong/Ra-Quan/index.md": article("Bài ba"),
                      "content/tin-hoat-dong/ra-quan/index.md": article("Bài bốn", slug="bai-bon"),
                      "content/tin-hoat-dong/khac.md": article("Bài khác")})
    built = build_site(site)
    told = sorted((p.location.path, p.code, p.message.split(" differ")[0]) for p in built.result.problems)
    assert told == [
        ("content/tin-hoat-dong/Ra-Quan/index.md", "names-differ-in-case",
         "this file and content/tin-hoat-dong/ra-quan/index.md"),
        ("content/tin-hoat-dong/Tin.md", "names-differ-in-case", "this file and content/tin-hoat-dong/tin.md"),
        ("content/tin-hoat-dong/ra-quan/index.md", "names-differ-in-case",
         "this file and content/tin-hoat-dong/Ra-Quan/index.md"),
        ("content/tin-hoat-dong/tin.md", "names-differ-in-case", "this file and content/tin-hoat-dong/Tin.md")]
    assert all(not p.is_error for p in built.result.problems)
    assert built.page("/tin-hoat-dong/bai-mot/").find("h1") is not None  # both still published
    assert built.page("/tin-hoat-dong/bai-hai/").find("h1") is not None
    vi = messages.describe(built.result.problems[0], "vi")
    assert "chỉ khác nhau ở chữ hoa, chữ thường" in vi and "windows or macos" not in vi.lower()
    (site / "content/tin-hoat-dong/TIN.md").write_text(article("Bài năm", slug="bai-nam"), encoding="utf-8")
    three = [p for p in build_site(site).result.problems if p.location.path == "content/tin-hoat-dong/TIN.md"]
    assert [p.message.split(" differ")[0] for p in three] == [
        "this file and content/tin-hoat-dong/Tin.md, content/tin-hoat-dong/tin.md"]
    assert "hai tệp" not in messages.describe(three[0], "vi")  # (three of them: it said "one of the two files")


def test_names_windows_keeps_for_devices_are_never_a_folder_of_the_site(make_site, build_site):
    """CON, PRN, AUX, NUL, COM1–9, LPT1–9 (with any extension) can name no file or folder on Windows,
    where editors preview the portal: a title makes another slug, a slug or key written so is an
    error at its line, and a file of content/ named so (Git for Windows refuses to check it out) a
    warning, once for a folder."""
    toml = SITE_TOML + '\n[units.aux]\nname = "Phòng Aux"\n'
    site = make_site({"content/tin-hoat-dong/con.md": article("Con"),
                      "content/tin-hoat-dong/Lpt1/index.md": article("Tin khác", slug="COM1"),
                      "content/tin-hoat-dong/Lpt1/nul.pdf": b"%PDF-1.4"}, site_toml=toml)
    refused = build_site(site)
    told = sorted((p.location.path, p.location.line, p.code, p.message.split(":")[0]) for p in refused.result.problems)
    assert told == [("site.toml", toml.splitlines().index("[units.aux]") + 1, "reserved-slug",
                     "'aux' is a name Windows keeps for a device")]
    (site / "site.toml").write_text(SITE_TOML, encoding="utf-8")
    refused = build_site(site)
    told = sorted((p.location.path, p.location.line, p.code, p.message.split(":")[0]) for p in refused.result.problems)
    assert told == [
        ("content/tin-hoat-dong/Lpt1", 0, "device-name", "'Lpt1' is a name Windows keeps for a device"),
        ("content/tin-hoat-dong/Lpt1/index.md", 6, "bad-slug", "'com1' is a name Windows keeps for a device"),
        ("content/tin-hoat-dong/Lpt1/nul.pdf", 0, "device-name", "'nul.pdf' is a name Windows keeps for a device"),
        ("content/tin-hoat-dong/con.md", 0, "device-name", "'con.md' is a name Windows keeps for a device")]
    assert "slug: com1-1" in refused.result.problems[1].message
    assert "ví dụ 'nul-1.pdf'" in messages.describe(refused.result.problems[2], "vi")
    (site / "content/tin-hoat-dong/Lpt1/index.md").write_text(article("Tin khác"), encoding="utf-8")
    built = build_site(site)
    assert built.result.ok
    assert text_of(built.page("/tin-hoat-dong/con-1/").find("h1")) == "Con"
    assert not (built.out / "tin-hoat-dong/con").exists()


def test_photos_and_documents_whose_names_differ_only_in_case_are_each_named(make_site, build_site):
    """Anh.jpg and anh.jpg beside one article (a photo sent again from a phone, saved under another
    case): the body shows one, but a checkout on Windows or macOS keeps either, and the preview
    there showed whichever it kept, without a word; so for Ke-hoach.pdf and ke-hoach.pdf."""
    site = make_site({"content/tin-hoat-dong/ra-quan/index.md": article("Lễ ra quân", body="![Lễ ra quân](anh.jpg)\n\n"
                                                                         "Tải [kế hoạch](ke-hoach.pdf)."),
                      "content/tin-hoat-dong/ra-quan/anh.jpg": phone_jpeg(640, 480),
                      "content/tin-hoat-dong/ra-quan/Anh.jpg": phone_jpeg(800, 600),
                      "content/tin-hoat-dong/ra-quan/ke-hoach.pdf": b"%PDF-1.4 moi",
                      "content/tin-hoat-dong/ra-quan/Ke-hoach.pdf": b"%PDF-1.4 cu"})
    built = build_site(site)
    assert built.result.ok
    folder = "content/tin-hoat-dong/ra-quan/"
    assert sorted((p.location.path, p.location.line, p.code, p.message.split(" differ")[0])
                  for p in built.result.problems) == [
        (folder + "Anh.jpg", 0, "names-differ-in-case", f"this file and {folder}anh.jpg"),
        (folder + "Ke-hoach.pdf", 0, "names-differ-in-case", f"this file and {folder}ke-hoach.pdf"),
        (folder + "anh.jpg", 0, "names-differ-in-case", f"this file and {folder}Anh.jpg"),
        (folder + "ke-hoach.pdf", 0, "names-differ-in-case", f"this file and {folder}Ke-hoach.pdf")]


def test_files_in_bundle_folders_whose_names_differ_only_in_case_are_told_by_their_articles(make_site, build_site):
    """Ra-Quan/ and ra-quan/, each an article with its ke-hoach.pdf and bieu-mau.docx: the folders are
    told at their articles; each document was told too, against its copy in the other
    folder, "rename one of them", which mends nothing (the folder is what to rename)."""
    files = {}
    for folder, title in (("Ra-Quan", "Lễ ra quân"), ("ra-quan", "Lễ ra quân năm nay")):
        files[f"content/tin-hoat-dong/{folder}/index.md"] = article(title, body="Tải [kế hoạch](ke-hoach.pdf).")
        files[f"content/tin-hoat-dong/{folder}/bieu-mau.docx"] = b"PK"
        files[f"content/tin-hoat-dong/{folder}/ke-hoach.pdf"] = b"%PDF-1.4"
    files["content/tin-hoat-dong/Ra-Quan/Ke-hoach.pdf"] = b"%PDF-1.4 cu"  # (a twin in its own folder is told still)
    built = build_site(make_site(files))
    assert built.result.ok
    assert sorted((p.location.path, p.code) for p in built.result.problems) == [
        ("content/tin-hoat-dong/Ra-Quan/Ke-hoach.pdf", "names-differ-in-case"),
        ("content/tin-hoat-dong/Ra-Quan/index.md", "names-differ-in-case"),
        ("content/tin-hoat-dong/Ra-Quan/ke-hoach.pdf", "names-differ-in-case"),
        ("content/tin-hoat-dong/ra-quan/index.md", "names-differ-in-case")]
    told = {p.location.path: p.message for p in built.result.problems}
    assert "content/tin-hoat-dong/ra-quan/ke-hoach.pdf" not in told["content/tin-hoat-dong/Ra-Quan/ke-hoach.pdf"]


def test_an_old_address_named_as_windows_names_a_device_is_refused_with_why(make_site, build_site):
    """An alias (/con/, /tin/AUX.html, /Pages/nul.aspx?ItemID=3: a server program's page is a folder)
    would publish a redirect page whose folder or file no preview on Windows can make: refused at
    its line, an article's or a table's of site.toml, and nothing published."""
    toml = SITE_TOML.replace('[categories.xay-dung-luc-luong]\n', '[categories.xay-dung-luc-luong]\naliases = ["/Lpt1/"]\n')
    site = make_site({"content/tin-hoat-dong/a.md": article(
        "Tin A", aliases="\n  - /tin/an-toan.html\n  - /con/\n  - /tin/AUX.html\n  - /Pages/nul.aspx?ItemID=3")},
        site_toml=toml)
    refused = build_site(site)
    assert [str(p).split(":")[:4] for p in refused.result.problems] == [
        ["site.toml", str(toml.splitlines().index('aliases = ["/Lpt1/"]') + 1), " error[bad-alias]",
         " '/Lpt1/' holds 'Lpt1', a name Windows keeps for a device"]]
    assert not refused.out.exists()
    (site / "site.toml").write_text(SITE_TOML, encoding="utf-8")
    refused = build_site(site)
    told = [(p.location.line, p.code, p.message.split(",")[0]) for p in refused.result.problems]
    assert told == [(8, "bad-alias", "'/con/' holds 'con'"), (9, "bad-alias", "'/tin/AUX.html' holds 'AUX.html'"),
                    (10, "bad-alias", "'/Pages/nul.aspx?ItemID=3' holds 'nul.aspx'")]
    assert "'/con/' có 'con', tên Windows dành cho thiết bị" in messages.describe(refused.result.problems[0], "vi")
    assert not refused.out.exists()


def test_two_addresses_met_by_the_device_name_rule_are_told_why(make_site, build_site):
    """"Con" is published at …/con-1/ ("con" being Windows' console): beside "Con 1" the build
    stopped at a duplicate-url for /tin-hoat-dong/con-1/, an address neither editor wrote, without
    saying where it came from; a page of its own likewise (page-url-taken)."""
    site = make_site({"content/tin-hoat-dong/bai-a.md": article("Con"), "content/tin-hoat-dong/bai-b.md": article("Con 1"),
                      "content/trang/gioi-thieu.md": "---\ntitle: Nul 1\n---\nx\n",
                      "content/trang/z.md": "---\ntitle: Nul\n---\nx\n"})
    refused = build_site(site)
    told = [(p.location.path, p.message.split(";")[0].split(" (")[1]) for p in refused.result.problems]
    assert told == [
        ("content/tin-hoat-dong/bai-a.md", "this article's title, 'Con', gives con-1, not con, a name Windows keeps for a device)"),
        ("content/tin-hoat-dong/bai-b.md", "the title of content/tin-hoat-dong/bai-a.md, 'Con', gives con-1, not con, a name "
                                           "Windows keeps for a device)"),
        ("content/trang/z.md", "this page's title, 'Nul', gives nul-1, not nul, a name Windows keeps for a device)")]
    assert [messages.describe(p, "vi").split(" (")[1].split(";")[0] for p in refused.result.problems] == [
        "tiêu đề của bài này, 'Con', cho đường dẫn con-1, không phải con, vì con là tên Windows dành cho thiết bị)",
        "tiêu đề của content/tin-hoat-dong/bai-a.md, 'Con', cho đường dẫn con-1, không phải con, vì con là tên Windows "
        "dành cho thiết bị)",
        "tiêu đề của trang này, 'Nul', cho đường dẫn nul-1, không phải nul, vì nul là tên Windows dành cho thiết bị)"]


def test_a_slug_written_con_1_is_not_told_as_a_title_made_so(make_site, build_site):
    """`slug: con-1` written beside the title "Con" (as the bad-slug error for `slug: con` advises),
    then an article "Con 1": both were told that the first's title gave con-1, and the second's
    editor was sent to change a title that gives no address; the slug written is told as any."""
    site = make_site({"content/tin-hoat-dong/bai-a.md": article("Con", slug="con-1"),
                      "content/tin-hoat-dong/bai-b.md": article("Con 1"),
                      "content/trang/a.md": "---\ntitle: Nul\nslug: nul-1\n---\nx\n",
                      "content/trang/b.md": "---\ntitle: Nul 1\n---\nx\n"})
    refused = build_site(site)
    told = [(p.location.path, p.code, p.message.split(";")[0]) for p in refused.result.problems]
    assert told == [
        ("content/tin-hoat-dong/bai-a.md", "duplicate-url",
         "this article and content/tin-hoat-dong/bai-b.md would both be published at /tin-hoat-dong/con-1/"),
        ("content/tin-hoat-dong/bai-b.md", "duplicate-url",
         "this article and content/tin-hoat-dong/bai-a.md would both be published at /tin-hoat-dong/con-1/"),
        ("content/trang/b.md", "page-url-taken", "/nul-1/ is also the address of the page content/trang/a.md")]
