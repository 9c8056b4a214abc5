"""A joint article (`unit: [a, b]`): the units of an operation done together. What a reader
sees of it on its page, on each unit's page, in each unit's feed and in search; what search
engines are told; and that an incremental build moving it between units equals a clean one."""
from __future__ import annotations

import gzip
import json
import re
import shutil
import xml.etree.ElementTree as ET

from tests.conftest import article, clean_tree, text_of, tree

CSGT, XA, TINH = "Phòng Cảnh sát giao thông", "Công an xã Đồng Tiến", "Công an tỉnh Thử Nghiệm"
JOINT = "/tin-hoat-dong/phan-luong-truoc-cong-truong-tieu-hoc-dong-tien/"
FILES = {
    "content/tin-hoat-dong/phan-luong.md": article(
        "Phân luồng trước cổng trường tiểu học Đồng Tiến", "2026-01-20T07:00:00",
        unit="[phong-canh-sat-giao-thong, Công an xã Đồng Tiến]", body="Hai lực lượng cùng phân luồng giờ tan học."),
    "content/tin-hoat-dong/tuan-tra.md": article("Tuần tra đêm trên quốc lộ", "2026-01-19", unit="phong-canh-sat-giao-thong"),
    "content/tin-hoat-dong/gat-lua.md": article("Công an xã giúp dân gặt lúa", "2026-01-18", unit="cong-an-xa-dong-tien"),
    "content/tin-hoat-dong/tap-huan.md": article("Tập huấn nghiệp vụ", "2026-01-17", unit="cong-an-tinh"),
}
ATOM = "{http://www.w3.org/2005/Atom}"


def card_titles(page) -> list[str]:
    return [text_of(h) for h in page.select("article.card .card-title")]


def test_a_joint_article_is_on_each_units_page_and_names_both_units(make_site, build_site):
    built = build_site(make_site(FILES))
    assert built.result.ok, built.messages
    title = "Phân luồng trước cổng trường tiểu học Đồng Tiến"
    assert card_titles(built.page("/don-vi/phong-canh-sat-giao-thong/")) == [title, "Tuần tra đêm trên quốc lộ"]
    partner = built.page("/don-vi/cong-an-xa-dong-tien/")
    assert card_titles(partner) == [title, "Công an xã giúp dân gặt lúa"]
    assert card_titles(built.page("/don-vi/cong-an-tinh/")) == ["Tập huấn nghiệp vụ"]
    # Its card on the partner's page says why it is there: both units, the one that wrote it first.
    card = partner.select("article.card")[0]
    assert text_of(card.select_one(".meta")).endswith(f"{CSGT} và {XA}")
    assert [a["href"] for a in card.select(".meta a")] == ["/don-vi/phong-canh-sat-giao-thong/", "/don-vi/cong-an-xa-dong-tien/"]

    page = built.page(JOINT)
    links = page.select("article.article header .meta a.unit")
    assert [(text_of(a), a["href"]) for a in links] == [(CSGT, "/don-vi/phong-canh-sat-giao-thong/"),
                                                        (XA, "/don-vi/cong-an-xa-dong-tien/")]
    assert f"{CSGT} và {XA} · Tin hoạt động" in text_of(page.select_one("article.article header .meta"))
    # The list of units counts it in each.
    assert f"{TINH} 1 bài {CSGT} 2 bài {XA} 2 bài" in text_of(built.page("/don-vi/").find("main"))


def test_a_joint_article_is_in_each_units_feed_written_by_both_units(make_site, build_site):
    built = build_site(make_site(FILES))

    def entries(feed: str) -> dict[str, ET.Element]:
        root = ET.parse(built.out / feed.lstrip("/")).getroot()
        return {e.find(f"{ATOM}title").text: e for e in root.iter(f"{ATOM}entry")}

    title = "Phân luồng trước cổng trường tiểu học Đồng Tiến"
    assert title in entries("/don-vi/phong-canh-sat-giao-thong/atom.xml")
    assert list(entries("/don-vi/cong-an-xa-dong-tien/atom.xml")) == [title, "Công an xã giúp dân gặt lúa"]
    assert title not in entries("/don-vi/cong-an-tinh/atom.xml")
    entry = entries("/atom.xml")[title]
    assert [a.find(f"{ATOM}name").text for a in entry.findall(f"{ATOM}author")] == [CSGT, XA]


def test_search_engines_are_told_both_units_wrote_it_and_the_first_published_it(make_site, build_site):
    built = build_site(make_site(FILES))
    graph = json.loads(built.page(JOINT).find("script", type="application/ld+json").string)["@graph"]
    news = next(node for node in graph if node["@type"] == "NewsArticle")
    assert news["author"] == [{"@type": "Organization", "name": CSGT}, {"@type": "Organization", "name": XA}]
    assert news["publisher"]["name"] == CSGT
    # With a byline, the people wrote it.
    files = {**FILES, "content/tin-hoat-dong/phan-luong.md": FILES["content/tin-hoat-dong/phan-luong.md"].replace(
        "category: tin-hoat-dong", 'category: tin-hoat-dong\nauthor: "Minh Khôi"')}
    built = build_site(make_site(files))
    graph = json.loads(built.page(JOINT).find("script", type="application/ld+json").string)["@graph"]
    assert next(node for node in graph if node["@type"] == "NewsArticle")["author"] == {"@type": "Person",
                                                                                         "name": "Minh Khôi"}


def test_search_finds_a_joint_article_under_each_of_its_units(make_site, build_site):
    built = build_site(make_site(FILES))
    records = {}
    for path in (built.out / "pagefind" / "fragment").iterdir():
        raw = gzip.decompress(path.read_bytes())
        record = json.loads(raw[len(b"pagefind_dcd"):])
        records[record["url"]] = record
    assert sorted(records[JOINT]["filters"]["unit"]) == sorted([CSGT, XA])
    assert records["/tin-hoat-dong/tuan-tra-dem-tren-quoc-lo/"]["filters"]["unit"] == [CSGT]
    # The search page offers each unit with its count, the joint article counted in both.
    search = built.page("/tim-kiem/")
    offered = [text_of(o) for o in search.select("select[data-filter=unit] option")]
    assert f"{CSGT} (2)" in offered and f"{XA} (2)" in offered and f"{TINH} (1)" in offered, offered


def test_moving_a_joint_article_between_units_rebuilds_as_a_clean_build_would(make_site, build_site, tmp_path):
    site = make_site(FILES)
    out = tmp_path / "incremental"
    build_site(site, out)
    path = site / "content/tin-hoat-dong/phan-luong.md"
    for units in ("[cong-an-tinh, phong-canh-sat-giao-thong]", "cong-an-xa-dong-tien",
                  "[Công an xã Đồng Tiến, Phòng Cảnh sát giao thông]", "Phòng Cảnh sát giao thông, Công an tỉnh Thử Nghiệm"):
        path.write_text(re.sub(r"(?m)^unit: .*$", f"unit: {units}", path.read_text(encoding="utf-8")), encoding="utf-8")
        incremental = build_site(site, out)
        assert incremental.result.ok, incremental.messages
        shutil.rmtree(tmp_path / "clean", ignore_errors=True)
        assert tree(out) == clean_tree(site, tmp_path / "clean"), units
        shown = [text_of(a) for a in incremental.page(JOINT).select("article.article header .meta a.unit")]
        assert len(shown) == (1 if "," not in units else 2), (units, shown)

