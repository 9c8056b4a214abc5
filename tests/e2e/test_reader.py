"""Full builds, read as a reader, a feed reader and a search engine would."""
from __future__ import annotations

import gzip
import io
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote

from generator import messages
from tests.photos import phone_heic, phone_jpeg
from tests.conftest import SITE_TOML, article, cli_here, numbered_articles, text_of

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RA_QUAN = "/tin-hoat-dong/ra-quan-bao-dam-trat-tu-an-toan-giao-thong/"

ARTICLES = {
    "content/tin-hoat-dong/ra-quan/index.md": article(
        "Ra quân bảo đảm trật tự an toàn giao thông", "2026-01-21T09:30:00", "phong-canh-sat-giao-thong",
        campaigns=["vi-an-ninh-to-quoc"], author='"Minh Khôi - Phòng CSGT"',
        summary='"Lực lượng CSGT ra quân dịp Tết."',
        aliases='["/tin-tuc/ra-quan-tet.html", "https://cu.congan.example.vn/tin/123"]',
        body="Sáng 21/1, lực lượng ra quân thi đua.\n\n![Ra quân](anh.jpg)\n\n[Bộ Công an](https://bocongan.example.vn/)\n"),
    "content/tin-hoat-dong/ra-quan/anh.jpg": phone_jpeg(800, 600),
    "content/tin-hoat-dong/dan-van.md": article(
        "Công an xã giúp dân thu hoạch lúa", "2026-01-10", "cong-an-xa-dong-tien", campaigns=["dan-van-kheo"]),
    "content/tin-hoat-dong/hoi-nghi.md": article(
        "Hội nghị tổng kết công tác năm", "2025-12-30T14:00:00", "cong-an-tinh", campaigns=["vi-an-ninh-to-quoc"]),
    "content/xay-dung-luc-luong/tap-huan.md": article(
        "Tập huấn <nghiệp vụ> & kỹ năng", "2025-12-01T08:00:00", "cong-an-tinh", category="xay-dung-luc-luong"),
}


def spoken(node) -> str:
    """What a screen reader says of `node`: its text, without what aria-hidden hides."""
    words = [str(text) for text in node.find_all(string=True)
             if not any(parent.get("aria-hidden") == "true" for parent in text.parents if parent is not node.parent)]
    return " ".join(" ".join(words).split())


def meta_og_image(built) -> str:
    return built.page(RA_QUAN).find("meta", property="og:image")["content"]


def _atom(built, path):
    return ET.fromstring((built.out / path).read_bytes())


def test_atom_feeds_for_site_category_unit_and_campaign(make_site, build_site):
    built = build_site(make_site(ARTICLES))
    assert built.result.ok, built.messages
    site = _atom(built, "atom.xml")
    assert site.findtext(f"{ATOM}updated") == "2026-01-21T09:30:00+07:00"  # newest article, not the clock
    entries = site.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Ra quân bảo đảm trật tự an toàn giao thông", "Công an xã giúp dân thu hoạch lúa",
        "Hội nghị tổng kết công tác năm", "Tập huấn <nghiệp vụ> & kỹ năng"]
    first = entries[0]
    assert first.findtext(f"{ATOM}id") == "https://congan.example.vn" + RA_QUAN
    assert first.find(f"{ATOM}link").get("href") == "https://congan.example.vn" + RA_QUAN
    assert first.findtext(f"{ATOM}author/{ATOM}name") == "Minh Khôi"  # the person: "- Phòng CSGT" is the unit
    assert "<strong>" not in first.findtext(f"{ATOM}summary") and "ra quân" in first.findtext(f"{ATOM}content")
    assert entries[1].findtext(f"{ATOM}author/{ATOM}name") == "Công an xã Đồng Tiến"  # no author: the unit
    self_link = [l.get("href") for l in site.findall(f"{ATOM}link") if l.get("rel") == "self"]
    assert self_link == ["https://congan.example.vn/atom.xml"]

    category = _atom(built, "xay-dung-luc-luong/atom.xml")
    assert [e.findtext(f"{ATOM}title") for e in category.findall(f"{ATOM}entry")] == ["Tập huấn <nghiệp vụ> & kỹ năng"]
    unit = _atom(built, "don-vi/cong-an-tinh/atom.xml")
    assert len(unit.findall(f"{ATOM}entry")) == 2
    assert unit.findtext(f"{ATOM}updated") == "2025-12-30T14:00:00+07:00"
    campaign = _atom(built, "phong-trao/vi-an-ninh-to-quoc/atom.xml")
    assert len(campaign.findall(f"{ATOM}entry")) == 2
    empty = _atom(built, "don-vi/phong-canh-sat-giao-thong/atom.xml")
    assert empty.findtext(f"{ATOM}title") == "Phòng Cảnh sát giao thông – Cổng thông tin điện tử Công an tỉnh Thử Nghiệm"


def test_the_feeds_of_a_portal_without_articles_are_dated_by_the_builds_source_date(make_site, build_site):
    """A new portal's feeds said they were updated on 1 January 1970, which feed readers show; a
    build given SOURCE_DATE_EPOCH (the source's last commit) dates them by it, byte for byte again."""
    from datetime import datetime, timedelta, timezone
    site = make_site({"content/tin-hoat-dong/nhap.md": article("Bản nháp", draft="true")})
    moment = datetime(2026, 11, 30, 0, 53, 20, tzinfo=timezone.utc)
    built = build_site(site, now=moment)
    for path in ("atom.xml", "tin-hoat-dong/atom.xml", "don-vi/cong-an-tinh/atom.xml"):
        assert _atom(built, path).findtext(f"{ATOM}updated") == "2026-11-30T07:53:20+07:00", path
    again = build_site(site, site.parent / "lan-hai", now=moment, use_cache=False)
    assert (again.out / "atom.xml").read_bytes() == (built.out / "atom.xml").read_bytes()
    # The next commit an hour later (a README edit: no input of the site changed) dates them by it too,
    # as a clean build does: the no-change shortcut kept the last build's date
    later = build_site(site, now=moment + timedelta(hours=1))
    assert later.result.ok, later.messages
    assert _atom(later, "atom.xml").findtext(f"{ATOM}updated") == "2026-11-30T08:53:20+07:00"


def test_a_feed_entry_offers_the_clips_and_recordings_its_article_plays(make_site, build_site):
    """A unit's audio bulletin or a clip of a ceremony is an enclosure of its entry: a feed
    reader (or a podcast app) offers the file with its kind and size. Photos, YouTube links and
    documents are not enclosures; a clip played twice is offered once."""
    body = ("Bản tin tuần này.\n\n![Bản tin an ninh](ban tin tuan.mp3)\n\n![Clip ra quân](clip.mp4)\n\n"
            "![Ảnh](anh.jpg)\n\n[Kế hoạch](ke-hoach.pdf)\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n"
            '<video controls><source src="clip.mp4" type="video/mp4"><source src="clip.webm"></video>\n\n'
            '<audio controls src="https://bocongan.example.vn/tin/ban-tin.m4a"></audio>\n')
    built = build_site(make_site({
        "content/tin-hoat-dong/ban-tin/index.md": article("Bản tin an ninh tuần 48", body=body, slug="ban-tin"),
        "content/tin-hoat-dong/ban-tin/ban tin tuan.mp3": b"ID3" + b"\x00" * 4_000,
        "content/tin-hoat-dong/ban-tin/clip.mp4": b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 100,
        "content/tin-hoat-dong/ban-tin/clip.webm": b"\x1aE\xdf\xa3" + b"\x00" * 50,
        "content/tin-hoat-dong/ban-tin/anh.jpg": phone_jpeg(800, 600),
        "content/tin-hoat-dong/ban-tin/ke-hoach.pdf": b"%PDF-1.4 ",
        "content/tin-hoat-dong/khac.md": article("Tin khác không có clip", date="2026-01-01")}))
    assert built.result.ok, built.messages
    page = "https://congan.example.vn/tin-hoat-dong/ban-tin/"
    for feed in ("atom.xml", "tin-hoat-dong/atom.xml", "don-vi/cong-an-tinh/atom.xml"):
        entries = {e.findtext(f"{ATOM}title"): e for e in _atom(built, feed).findall(f"{ATOM}entry")}
        enclosures = [(link.get("type"), link.get("href"), link.get("length"))
                      for link in entries["Bản tin an ninh tuần 48"].findall(f"{ATOM}link")
                      if link.get("rel") == "enclosure"]
        assert enclosures == [("audio/mpeg", page + "ban%20tin%20tuan.mp3", "4003"),
                              ("video/mp4", page + "clip.mp4", "112"),
                              ("video/webm", page + "clip.webm", "54"),
                              ("audio/mp4", "https://bocongan.example.vn/tin/ban-tin.m4a", None)], feed
        assert not [link for link in entries["Tin khác không có clip"].findall(f"{ATOM}link")
                    if link.get("rel") == "enclosure"]
    for _, href, _ in enclosures[:3]:  # each offered file is published where the feed says
        assert (built.out / href.removeprefix("https://congan.example.vn/").replace("%20", " ")).is_file()


def test_pages_link_their_feeds_and_social_metadata(make_site, build_site):
    built = build_site(make_site(ARTICLES))
    page = built.page(RA_QUAN)
    feeds = {l["href"] for l in page.find_all("link", type="application/atom+xml")}
    assert feeds == {"/atom.xml", "/tin-hoat-dong/atom.xml"}
    meta = {m.get("property") or m.get("name"): m["content"] for m in page.find_all("meta") if m.get("content")}
    assert meta["og:title"] == meta["twitter:title"] == "Ra quân bảo đảm trật tự an toàn giao thông"
    assert meta["og:description"] == "Lực lượng CSGT ra quân dịp Tết."
    assert meta["og:url"] == page.find("link", rel="canonical")["href"] == "https://congan.example.vn" + RA_QUAN
    # The sharing image is the published OpenGraph variant, never the original photo.
    assert meta["og:image"].startswith("https://congan.example.vn/images/anh-")
    og_file = built.out / meta["og:image"].removeprefix("https://congan.example.vn/")
    assert og_file.is_file() and not (built.out / RA_QUAN.strip("/") / "anh.jpg").exists()
    assert meta["twitter:card"] == "summary_large_image" and meta["og:type"] == "article"
    unit_page = built.page("/don-vi/cong-an-tinh/")
    assert {l["href"] for l in unit_page.find_all("link", type="application/atom+xml")} == {
        "/atom.xml", "/don-vi/cong-an-tinh/atom.xml"}


def test_two_listed_reporters_are_one_byline_and_two_people_to_search_engines(make_site, build_site):
    built = build_site(make_site({"content/tin-hoat-dong/hai.md": article(
        "Hai phóng viên", author='[Minh Khôi, "Thu Hà"]', slug="hai")}))
    page = built.page("/tin-hoat-dong/hai/")
    assert text_of(page.find(class_="author")) == "Tác giả: Minh Khôi, Thu Hà"  # (the label for screen readers)
    graph = json.loads(page.find("script", type="application/ld+json").string)["@graph"]
    news = next(g for g in graph if g["@type"] == "NewsArticle")
    assert news["author"] == [{"@type": "Person", "name": "Minh Khôi"}, {"@type": "Person", "name": "Thu Hà"}]


def test_two_listed_reporters_are_two_authors_of_the_feed_entry(make_site, build_site):
    """A feed reader (and the ministry's aggregator) names each reporter, as the page's JSON-LD does:
    the entry had one author named "Minh Khôi, Thu Hà", and of two bylines with their units only the first."""
    built = build_site(make_site({
        "content/tin-hoat-dong/hai.md": article("Hai phóng viên", author='[Minh Khôi, "Thu Hà"]', slug="hai"),
        "content/tin-hoat-dong/ba.md": article(
            "Hai phóng viên hai đơn vị", "2026-01-09", slug="ba",
            author='["Minh Khôi - Phòng CSGT", "Thu Hà - Công an xã Đồng Tiến"]')}))
    assert built.result.ok, built.messages
    entries = {e.findtext(f"{ATOM}title"): e for e in _atom(built, "atom.xml").findall(f"{ATOM}entry")}
    for title in ("Hai phóng viên", "Hai phóng viên hai đơn vị"):
        names = [a.findtext(f"{ATOM}name") for a in entries[title].findall(f"{ATOM}author")]
        assert names == ["Minh Khôi", "Thu Hà"], title


def test_json_ld_news_article_names_the_unit_as_publisher(make_site, build_site):
    built = build_site(make_site(ARTICLES))
    page = built.page(RA_QUAN)
    graph = json.loads(page.find("script", type="application/ld+json").string)["@graph"]
    news = next(g for g in graph if g["@type"] == "NewsArticle")
    assert news["headline"] == "Ra quân bảo đảm trật tự an toàn giao thông"
    assert news["datePublished"] == "2026-01-21T09:30:00+07:00"
    # The person's name alone, as search engines ask; the unit the editor wrote after it, apart.
    assert news["author"] == {"@type": "Person", "name": "Minh Khôi",
                              "affiliation": {"@type": "Organization", "name": "Phòng CSGT"}}
    assert text_of(page.find(class_="author")) == "Tác giả: Minh Khôi - Phòng CSGT"  # the byline as written
    assert news["publisher"]["name"] == "Phòng Cảnh sát giao thông"
    assert news["image"] == [meta_og_image(built)]
    crumbs = next(g for g in graph if g["@type"] == "BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Trang chủ", "Tin hoạt động", "Ra quân bảo đảm trật tự an toàn giao thông"]
    tricky = built.page("/xay-dung-luc-luong/tap-huan-nghiep-vu-ky-nang/")
    raw = tricky.find("script", type="application/ld+json").string
    assert "<" not in raw and json.loads(raw)["@graph"][0]["headline"] == "Tập huấn <nghiệp vụ> & kỹ năng"


def test_a_byline_s_credit_is_left_out_of_the_author_s_name_search_engines_and_feeds_get(make_site, build_site):
    """Old portals sign "Tin, ảnh: Thu Hà" (text and photos by): JSON-LD's Person and Atom's author were
    named "Tin, ảnh: Thu Hà". The page shows the byline as written."""
    built = build_site(make_site({"content/tin-hoat-dong/cu.md": article(
        "Bài cũ", slug="cu", author='"Tin, ảnh: Thu Hà - Công an xã Đồng Tiến"')}))
    assert built.result.ok, built.messages
    page = built.page("/tin-hoat-dong/cu/")
    graph = json.loads(page.find("script", type="application/ld+json").string)["@graph"]
    assert next(g for g in graph if g["@type"] == "NewsArticle")["author"] == {
        "@type": "Person", "name": "Thu Hà", "affiliation": {"@type": "Organization", "name": "Công an xã Đồng Tiến"}}
    entry = _atom(built, "atom.xml").find(f"{ATOM}entry")
    assert [a.findtext(f"{ATOM}name") for a in entry.findall(f"{ATOM}author")] == ["Thu Hà"]
    assert text_of(page.find(class_="author")) == "Tác giả: Tin, ảnh: Thu Hà - Công an xã Đồng Tiến"


def test_a_photographer_credited_after_the_writer_is_no_organisation_in_the_structured_data(make_site, build_site):
    """"Bài: Thu Hà - Ảnh: Minh Khôi": JSON-LD said Thu Hà works for an organisation "Ảnh: Minh Khôi"."""
    built = build_site(make_site({"content/tin-hoat-dong/cu.md": article(
        "Bài cũ", slug="cu", author='"Bài: Thu Hà - Ảnh: Minh Khôi"')}))
    assert built.result.ok, built.messages
    page = built.page("/tin-hoat-dong/cu/")
    graph = json.loads(page.find("script", type="application/ld+json").string)["@graph"]
    assert next(g for g in graph if g["@type"] == "NewsArticle")["author"] == {"@type": "Person", "name": "Thu Hà"}
    assert text_of(page.find(class_="author")) == "Tác giả: Bài: Thu Hà - Ảnh: Minh Khôi"


def test_a_repost_signed_with_its_source_names_no_person_to_search_engines_and_feeds(make_site, build_site):
    """"Theo CAND" (an article taken from a newspaper, as old portals repost one) was a Person named
    "Theo CAND" in the JSON-LD and Atom's author; the page still shows the byline as written."""
    built = build_site(make_site({"content/tin-hoat-dong/cu.md": article("Bài cũ", slug="cu", author='"Theo CAND"'),
                                  "content/tin-hoat-dong/hai.md": article("Bài hai", slug="hai",
                                                                          author='"Nguồn: Báo Công an nhân dân"')}))
    assert built.result.ok, built.messages
    for slug, source in (("cu", "CAND"), ("hai", "Báo Công an nhân dân")):
        page = built.page(f"/tin-hoat-dong/{slug}/")
        graph = json.loads(page.find("script", type="application/ld+json").string)["@graph"]
        assert next(g for g in graph if g["@type"] == "NewsArticle")["author"] == {"@type": "Organization",
                                                                                    "name": source}
    authors = [entry.findtext(f"{ATOM}author/{ATOM}name") for entry in _atom(built, "atom.xml").iter(f"{ATOM}entry")]
    assert sorted(authors) == ["Báo Công an nhân dân", "CAND"]
    assert text_of(built.page("/tin-hoat-dong/cu/").find(class_="author")) == "Tác giả: Theo CAND"


def test_invisible_control_characters_pasted_from_word_keep_the_feeds_readable(make_site, build_site):
    """Word's Shift+Enter pastes as U+000B: not allowed in XML, so one in a body made every
    feed holding the article unreadable to feed readers. In front-matter YAML refuses it."""
    files = {"content/tin-hoat-dong/dan.md": article(
        "Bài dán từ Word", slug="dan", body="Dòng một\x0bdòng hai\x0c.\n\nMã màu \x1b[31m và \x08 lùi \uffff.\n")}
    built = build_site(make_site(files))
    assert built.result.ok, built.messages
    for feed in ("atom.xml", "tin-hoat-dong/atom.xml", "don-vi/cong-an-tinh/atom.xml"):
        entry = _atom(built, feed).find(f"{ATOM}entry")  # parses: no control character left
        assert re.search(r"Dòng một<br ?/?>\s*dòng hai", entry.findtext(f"{ATOM}content")), feed  # Shift+Enter: a line break
    page = (built.out / "tin-hoat-dong/dan/index.html").read_text(encoding="utf-8")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", page)
    broken = make_site({"content/tin-hoat-dong/dan.md": article("Tiêu đề\x0bdán", slug="dan")})
    assert [str(p) for p in build_site(broken).result.problems] == [
        "content/tin-hoat-dong/dan.md:2: error[yaml-syntax]: front-matter contains the control character U+000B, "
        "which YAML does not allow"]


def test_lines_pasted_from_word_or_zalo_keep_their_line_breaks(make_site, build_site):
    """An editor pastes "Nơi nhận:" and a name a line, or bullets typed as "•": each line must
    stay a line, as in the editor they pasted from. A blank line still starts a paragraph."""
    body = ("Các biện pháp:\n• Kiểm tra hệ thống điện;\n• Bảo đảm lối thoát nạn.\n\n"
            "Nơi nhận:\nBan Giám đốc;\nLưu: VT.\n\n- một mục\n- mục hai\n")
    built = build_site(make_site({"content/tin-hoat-dong/dan.md": article("Kế hoạch", slug="dan", body=body)}))
    paragraphs = built.page("/tin-hoat-dong/dan/").select(".article .body > p")

    def lines(p):
        return [" ".join(part.split()) for part in p.get_text("\n").split("\n") if part.strip()]
    assert [lines(p) for p in paragraphs] == [["Các biện pháp:", "• Kiểm tra hệ thống điện;", "• Bảo đảm lối thoát nạn."],
                                              ["Nơi nhận:", "Ban Giám đốc;", "Lưu: VT."]]
    assert all(len(p.find_all("br")) == 2 for p in paragraphs)
    items = built.page("/tin-hoat-dong/dan/").select(".article .body li")
    assert [li.get_text() for li in items] == ["một mục", "mục hai"]


def test_a_list_written_under_its_lead_in_and_nested_by_two_spaces_reads_as_a_list(make_site, build_site):
    """Editors write a list right under its lead-in line and nest by two spaces (as Word,
    Zalo and GitHub taught them): it was one paragraph of dashes, or a flat list."""
    body = ("Các nội dung chính:\n- Tuyên truyền pháp luật\n  - cho học sinh\n  - cho người cao tuổi\n"
            "- Tuần tra ban đêm.\n\nĐoạn sau.\n")
    built = build_site(make_site({"content/tin-hoat-dong/ds.md": article("Kế hoạch tháng", slug="ds", body=body)}))
    page = built.page("/tin-hoat-dong/ds/")
    outer = page.select_one(".article .body > ul")
    assert [li.find(string=True).strip() for li in outer.find_all("li", recursive=False)] == [
        "Tuyên truyền pháp luật", "Tuần tra ban đêm."]
    assert [text_of(li) for li in outer.select(":scope > li > ul > li")] == ["cho học sinh", "cho người cao tuổi"]
    assert [text_of(p) for p in page.select(".article .body > p")] == ["Các nội dung chính:", "Đoạn sau."]
    lead = "Các nội dung chính: Tuyên truyền pháp luật; cho học sinh; cho người cao tuổi; Tuần tra ban đêm."
    assert page.find("meta", attrs={"name": "description"})["content"] == lead
    assert [text_of(p) for p in built.page("/tin-hoat-dong/").select(".card .summary")] == [lead]


def test_a_table_written_under_its_lead_in_line_reads_as_a_table(make_site, build_site):
    """As GitHub reads it; Python-Markdown made it one paragraph of pipes and dashes."""
    body = "Kết quả sau một tháng:\n| Đơn vị | Số vụ |\n|---|---:|\n| Huyện A | 12 |\n| Huyện B | 8 |\nĐoạn sau.\n"
    built = build_site(make_site({"content/tin-hoat-dong/bang.md": article("Kết quả", slug="bang", body=body)}))
    body_node = built.page("/tin-hoat-dong/bang/").select_one(".article .body")
    assert [[text_of(cell) for cell in row.find_all(["th", "td"])] for row in body_node.find_all("tr")] == [
        ["Đơn vị", "Số vụ"], ["Huyện A", "12"], ["Huyện B", "8"]]
    assert [text_of(p) for p in body_node.find_all("p")] == ["Kết quả sau một tháng:", "Đoạn sau."]


def test_a_wide_table_scrolls_in_a_region_the_keyboard_reaches_and_a_screen_reader_names(make_site, build_site):
    """A table wider than a phone scrolls sideways: in a box that takes the keyboard's focus
    (Safari focuses none by itself) and is named as a screen reader lands on it (axe's
    scrollable-region-focusable), by its caption, its title or its first heading; a table
    pasted inside another's cell scrolls with it."""
    body = ("| Đơn vị | Số vụ |\n|---|---:|\n| Huyện A | 12 |\n\n"
            '<table><caption>Kết quả <b>quý IV</b></caption><tr><td>Huyện B</td>'
            "<td><table><tr><td>8</td></tr></table></td></tr></table>\n\n"
            '<table title="Số liệu &amp; ghi chú"><tr><td>Huyện C</td></tr></table>\n\n'
            "<table><tr><td>Chỉ ô</td></tr></table>\n")
    built = build_site(make_site({"content/tin-hoat-dong/bang.md": article("Kết quả", slug="bang", body=body)}))
    body_node = built.page("/tin-hoat-dong/bang/").select_one(".article .body")
    tables = body_node.find_all("table")
    assert len(tables) == 5
    regions = [table.parent for table in tables if not table.find_parent("td")]
    assert [(r.name, r.get("role"), r.get("tabindex"), r.get("aria-label")) for r in regions] == [
        ("div", "region", "0", "Bảng: Đơn vị"), ("div", "region", "0", "Bảng: Kết quả quý IV"),
        ("div", "region", "0", "Bảng: Số liệu & ghi chú"), ("div", "region", "0", "Bảng: Chỉ ô")]
    assert all(region.parent == body_node for region in regions)
    nested = next(table for table in tables if table.find_parent("td"))
    assert nested.parent.name == "td" and not body_node.select("td [role=region]")


def test_a_line_in_italics_under_a_photo_is_its_caption(make_site, build_site):
    """News sites print a photo's caption in italics under it, and editors write it so: on the
    next line, or as the next paragraph. It was a line of italics in the photo's paragraph
    (no figure), or a second caption under the alt text's."""
    body = ("Mở đầu.\n\n![Lễ ra quân](a.jpg)\n*Lãnh đạo Công an tỉnh phát biểu. Ảnh: Minh Khôi*\n\n"
            "![Tuần tra](b.jpg)\n\n*Tổ tuần tra ban đêm. Ảnh: Hải Đăng*\n\n"
            "![Hội nghị](c.jpg \"Hội nghị tổng kết\")\n\n*Đoạn in nghiêng của bài.*\n\n"
            "![Diễn tập](d.jpg)\n(Ảnh minh họa)\n\n![Hiện trường](e.jpg)\nCâu văn tiếp theo ảnh.\n")
    built = build_site(make_site({"content/tin-hoat-dong/anh/index.md": article("Ảnh", body=body, slug="anh"),
                                  **{f"content/tin-hoat-dong/anh/{n}.jpg": phone_jpeg(600, 400) for n in "abcde"}}))
    body_node = built.page("/tin-hoat-dong/anh/").select_one(".article .body")
    assert [text_of(c) for c in body_node.select("figure > figcaption")] == [
        "Lãnh đạo Công an tỉnh phát biểu. Ảnh: Minh Khôi", "Tổ tuần tra ban đêm. Ảnh: Hải Đăng", "Hội nghị tổng kết",
        "(Ảnh minh họa)", "Hiện trường"]  # a line of text under a photo is not its caption
    assert [text_of(p) for p in body_node.find_all("p")] == ["Mở đầu.", "Đoạn in nghiêng của bài.",
                                                             "Câu văn tiếp theo ảnh."]
    assert [img["alt"] for img in body_node.select("figure img")] == ["Lễ ra quân", "Tuần tra", "Hội nghị",
                                                                      "Diễn tập", "Hiện trường"]


def _assert_captions_and_text(make_site, build_site, credits: list[str], sentences: list[str]) -> None:
    """Each line under a photo of its own: the `credits` are the photos' captions, the `sentences`
    stay text (their photos captioned by their alt text, as any photo is)."""
    lines = credits + sentences
    body = "Mở đầu.\n\n" + "".join(f"![Ảnh số {n}](a.jpg)\n{line}\n\n" for n, line in enumerate(lines))
    built = build_site(make_site({"content/tin-hoat-dong/anh/index.md": article("Ảnh", body=body, slug="anh"),
                                  "content/tin-hoat-dong/anh/a.jpg": phone_jpeg(600, 400)}))
    assert built.result.ok, built.messages
    body_node = built.page("/tin-hoat-dong/anh/").select_one(".article .body")
    assert [text_of(c) for c in body_node.select("figure > figcaption")] == credits + [
        f"Ảnh số {n}" for n in range(len(credits), len(lines))]
    assert [text_of(p) for p in body_node.find_all("p")] == ["Mở đầu.", *sentences]


def test_a_sentence_starting_anh_or_hinh_under_a_photo_is_text_not_its_caption(make_site, build_site):
    """A line right under a photo starting "Ảnh" or "Hình" as a word was its caption: "Ảnh hưởng của mưa
    lũ …" (influence) and "Hình thức xử phạt …" (the form of a penalty) were printed as the photos'
    captions, out of the text. A credit's line is still one: "Ảnh: …", "(Ảnh minh hoạ)", "Hình 2."…"""
    credits = ["Ảnh: Minh Khôi", "(Ảnh minh họa)", "(Ảnh minh hoạ)", "Ảnh tư liệu", "Hình 2. Sơ đồ hiện trường",
               "Ảnh 3: Trao thưởng", "(Ảnh: Công an xã cung cấp)"]
    sentences = ["Ảnh hưởng của mưa lũ khiến nhiều tuyến đường bị chia cắt.",
                 "Hình thức xử phạt là phạt tiền từ 4 đến 6 triệu đồng.", "Hình sự hóa các quan hệ dân sự là sai."]
    _assert_captions_and_text(make_site, build_site, credits, sentences)


def test_a_credit_in_brackets_or_hinh_anh_under_a_photo_is_still_its_caption(make_site, build_site):
    """The rule that keeps "Ảnh hưởng của mưa lũ …" as text made credits editors type every day text
    under the photo, with its alt text as a second caption above them: "(Ảnh chụp màn hình)", "(Ảnh
    CTV)", "Hình ảnh: Công an xã cung cấp" (captions before)."""
    credits = ["(Ảnh chụp màn hình)", "(Ảnh CTV)", "(Ảnh cắt từ clip)", "Hình ảnh: Công an xã cung cấp",
               "Lễ ra quân. Hình ảnh: Minh Khôi"]
    sentences = ["Ảnh hưởng của mưa lũ khiến nhiều tuyến đường bị chia cắt.", "Ảnh chụp màn hình cho thấy đối tượng.",
                 "Câu văn (ảnh bên)."]
    _assert_captions_and_text(make_site, build_site, credits, sentences)


def test_a_line_ending_in_a_credit_in_brackets_under_a_photo_is_its_caption(make_site, build_site):
    """"(Ảnh cắt từ clip)" on a line of its own under a photo was its caption, but "Tuần tra đêm (ảnh cắt
    từ clip)", the same brackets after the photo's words, stayed a paragraph under the photo, its alt
    text a second caption above it; "Lễ ra quân (Ảnh: …)" was one. A sentence's "… (ảnh bên)." stays text."""
    credits = ["Tuần tra đêm (ảnh cắt từ clip)", "Hiện trường vụ tai nạn (Ảnh CTV)",
               "Lễ ra quân (Hình ảnh do Công an xã cung cấp)"]
    sentences = ["Đồng chí Nguyễn Văn A phát biểu (ảnh bên).", "Mưa lớn kéo dài (ảnh hưởng của bão số 3)"]
    _assert_captions_and_text(make_site, build_site, credits, sentences)


def test_a_credit_after_a_photo_on_its_line_is_its_caption(make_site, build_site):
    """`![…](anh.jpg) (ảnh cắt từ clip)`: the credit on the photo's own line stayed words beside it, the
    photo no figure, where the same words on the line under it are its caption. Words that are no
    credit, or in italics (an icon before its label), stay beside it."""
    body = ("Mở đầu.\n\n![Lễ ra quân](a.jpg) (ảnh cắt từ clip)\n\n![Tuần tra](a.jpg) Ảnh: Minh Khôi\n\n"
            "![Trao thưởng](a.jpg \"Trao thưởng cho tập thể\") (Ảnh: CTV)\n\n"
            "![Biểu tượng](a.jpg) Gọi ngay 113\n\n![Điện thoại](a.jpg) *Đường dây nóng*\n")
    built = build_site(make_site({"content/tin-hoat-dong/anh/index.md": article("Ảnh", body=body, slug="anh"),
                                  "content/tin-hoat-dong/anh/a.jpg": phone_jpeg(600, 400)}))
    assert built.result.ok, built.messages
    body_node = built.page("/tin-hoat-dong/anh/").select_one(".article .body")
    assert [text_of(c) for c in body_node.select("figure > figcaption")] == [
        "(ảnh cắt từ clip)", "Ảnh: Minh Khôi", "Trao thưởng cho tập thể"]
    assert [text_of(p) for p in body_node.find_all("p")] == ["Mở đầu.", "(Ảnh: CTV)", "Gọi ngay 113", "Đường dây nóng"]


def test_a_credit_line_under_a_photo_with_a_title_is_kept(make_site, build_site):
    """`![…](anh.jpg "Lễ ra quân")` with a credit's line under it: the title is the caption, and the line
    ("Ảnh: Minh Khôi", "Tuần tra đêm. Ảnh: …", *in italics*) was taken out of the body and shown nowhere."""
    body = ('Mở đầu.\n\n![Lễ ra quân](a.jpg "Lễ ra quân")\nẢnh: Minh Khôi\n\n'
            '![Tuần tra](a.jpg "Tuần tra")\nTuần tra đêm. Ảnh: Văn Dũng\n\n'
            '![Tiếp dân](a.jpg "Tiếp dân")\n*Ảnh: Thu Hà*\n\n![Trực ban](a.jpg "Trực ban")\n*Trực ban*\n\nHết.\n')
    built = build_site(make_site({"content/tin-hoat-dong/anh/index.md": article("Ảnh", body=body, slug="anh"),
                                  "content/tin-hoat-dong/anh/a.jpg": phone_jpeg(600, 400)}))
    assert built.result.ok, built.messages
    body_node = built.page("/tin-hoat-dong/anh/").select_one(".article .body")
    assert [text_of(c) for c in body_node.select("figure > figcaption")] == ["Lễ ra quân", "Tuần tra", "Tiếp dân",
                                                                            "Trực ban"]
    assert [text_of(p) for p in body_node.find_all("p")] == [
        "Mở đầu.", "Ảnh: Minh Khôi", "Tuần tra đêm. Ảnh: Văn Dũng", "Ảnh: Thu Hà", "Hết."]  # (the title again: once)


def test_hashtags_closing_a_post_are_text_not_headings(make_site, build_site):
    """A post written for Facebook ends with lines of hashtags: Python-Markdown made each a
    heading, and three of them a table of contents."""
    body = "Công an tỉnh ra quân.\n\n#CôngAnTỉnh\n#VìANTQ\n#DânVậnKhéo\n"
    built = build_site(make_site({"content/tin-hoat-dong/tag.md": article("Ra quân", slug="tag", body=body)}))
    page = built.page("/tin-hoat-dong/tag/")
    assert page.select(".article .body h2, .article .body h3") == [] and page.find("details", class_="toc") is None
    assert [p.get_text("|", strip=True) for p in page.select(".article .body p")] == [
        "Công an tỉnh ra quân.", "#CôngAnTỉnh|#VìANTQ|#DânVậnKhéo"]


def test_a_paragraph_copied_from_a_pdf_flows_again_as_one(make_site, build_site):
    """A PDF breaks every visual line mid-sentence; kept, those breaks made a ragged column
    of half lines on a phone. Lines typed short, or ending a clause, stay lines."""
    body = ("Thực hiện Kế hoạch số 125/KH-CAT ngày 10/11/2026 của Công an tỉnh về việc\n"
            "triển khai đợt cao điểm tấn công, trấn áp tội phạm, Phòng Cảnh sát hình sự\n"
            "đã chủ trì mở nhiều đợt truy quét.\n\nNơi nhận:\nBan Giám đốc;\nLưu: VT.\n")
    built = build_site(make_site({"content/tin-hoat-dong/pdf.md": article("Kế hoạch", slug="pdf", body=body)}))
    first, second = built.page("/tin-hoat-dong/pdf/").select(".article .body > p")
    assert first.find("br") is None and text_of(first).startswith("Thực hiện Kế hoạch số 125/KH-CAT")
    assert len(second.find_all("br")) == 2


def test_a_table_pasted_from_excel_is_published_as_a_table_and_lines_after_it_stay_true(make_site, build_site):
    body = "Kết quả:\nSTT\tĐơn vị\tSố vụ\n1\tCông an huyện A\t12\n2\tCông an huyện B\t8\n\nXem [phụ lục](phu-luc.md).\n"
    site = make_site({"content/tin-hoat-dong/bang.md": article("Bảng số liệu", slug="bang", body=body)})
    broken = build_site(site)
    assert [(p.code, p.location.line) for p in broken.result.problems] == [("broken-link", 14)]  # the file's own line
    (site / "content/tin-hoat-dong/bang.md").write_text(article("Bảng số liệu", slug="bang", body=body.replace(
        "Xem [phụ lục](phu-luc.md).", "Hết.")), encoding="utf-8")
    table = build_site(site).page("/tin-hoat-dong/bang/").select_one(".article .body table")
    assert [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in table.find_all("tr")] == [
        ["STT", "Đơn vị", "Số vụ"], ["1", "Công an huyện A", "12"], ["2", "Công an huyện B", "8"]]


def test_html_pasted_from_word_loses_its_empty_paragraphs_and_leads_with_its_first(make_site, build_site):
    """Word's HTML spaces paragraphs with <p class=MsoNormal>&nbsp;</p> (a blank gap each on
    the page), and its paragraphs carry attributes: the description and the list card's
    summary are the first paragraph's text, not the whole body's run together."""
    word = ("<p class=MsoNormal align=center><b><span lang=VI>BÀI DÁN TỪ WORD</span></b></p>\n\n"  # its title again
            "<p class=MsoNormal style='text-align:justify'><b><span lang=VI>Sáng 21/1,</span></b>"
            "<span lang=VI> Công an tỉnh tổ chức lễ ra quân.<o:p></o:p></span></p>\n\n"
            "<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n\n<p class=MsoNormal>&nbsp;</p>\n\n"
            "<p class=MsoNormal><span style='color:red'>Đoạn hai.</span></p>\n")
    built = build_site(make_site({"content/tin-hoat-dong/word.md": article("Bài dán từ Word", slug="word", body=word)}))
    page = built.page("/tin-hoat-dong/word/")
    assert [text_of(p) for p in page.select(".article .body p")] == ["Sáng 21/1, Công an tỉnh tổ chức lễ ra quân.",
                                                                  "Đoạn hai."]
    assert page.find("meta", attrs={"name": "description"})["content"] == "Sáng 21/1, Công an tỉnh tổ chức lễ ra quân."


def test_an_address_pasted_bare_is_a_link_a_reader_can_tap(make_site, build_site):
    body = ("Nộp hồ sơ tại https://dichvucong.bocongan.gov.vn/thu-tuc?id=26346. Xem thêm (www.bocongan.gov.vn), "
            "góp ý gửi banbientap@congan.example.vn hoặc <lienhe@congan.example.vn>; "
            "mã `https://khong-phai-lien-ket.vn` giữ nguyên.")
    page = build_site(make_site({"content/tin-hoat-dong/lk.md": article("Liên kết", slug="lk", body=body)})).page(
        "/tin-hoat-dong/lk/")
    links = [(a.get_text(), a["href"]) for a in page.select(".article .body a")]
    assert links == [("https://dichvucong.bocongan.gov.vn/thu-tuc?id=26346", "https://dichvucong.bocongan.gov.vn/thu-tuc?id=26346"),
                     ("www.bocongan.gov.vn", "https://www.bocongan.gov.vn"),
                     ("banbientap@congan.example.vn", "mailto:banbientap@congan.example.vn"),
                     ("lienhe@congan.example.vn", "mailto:lienhe@congan.example.vn")], links  # (the build refused these)
    assert page.select_one(".article .body code").get_text() == "https://khong-phai-lien-ket.vn"


def test_sitemap_and_robots(make_site, build_site):
    built = build_site(make_site(ARTICLES))
    urls = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod")
            for u in _atom(built, "sitemap.xml").findall(f"{SITEMAP}url")}
    assert urls["https://congan.example.vn" + RA_QUAN] == "2026-01-21T09:30:00+07:00"
    assert urls["https://congan.example.vn/"] is None  # a list: see the test below
    assert urls["https://congan.example.vn/xay-dung-luc-luong/"] is None
    assert "https://congan.example.vn/luu-tru/2025/12/" in urls
    assert not any("404" in u or "tim-kiem" in u or "tin-tuc" in u for u in urls)
    robots = (built.out / "robots.txt").read_text()
    assert "Sitemap: https://congan.example.vn/sitemap.xml" in robots and "User-agent: *" in robots
    # The search page is crawled, to be read as the noindex page it is: disallowed, it never was.
    assert "Disallow" not in robots
    assert built.page("/tim-kiem/").find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_a_lists_pages_never_tell_crawlers_they_changed_before_they_did(make_site, build_site):
    """Deleting or taking down an article moves the cards of every page of its lists up a place, and
    no date of the source says when: a list's lastmod (its newest card's, or its list's newest) went
    back to the next article's date, and a crawler trusting it never read the pages' new cards. Lists
    carry no lastmod; articles carry theirs."""
    site = make_site(numbered_articles(5, campaigns=["dan-van-kheo"]))  # 2 a page: 3 pages
    lists = ("/tin-hoat-dong/", "/don-vi/cong-an-tinh/", "/phong-trao/dan-van-kheo/", "/luu-tru/2026/01/")
    for removed in (None, "bai-4.md"):
        if removed:  # the newest: the next article's date is older than this change
            (site / "content/tin-hoat-dong" / removed).unlink()
        built = build_site(site)
        urls = {u.findtext(f"{SITEMAP}loc").removeprefix("https://congan.example.vn"): u.findtext(f"{SITEMAP}lastmod")
                for u in _atom(built, "sitemap.xml").findall(f"{SITEMAP}url")}
        for first in lists:
            pages = [first, first + "trang/2/"] + ([first + "trang/3/"] if not removed else [])
            assert [urls[url] for url in pages] == [None] * len(pages), (removed, first)
        assert urls["/tin-hoat-dong/bai-so-0/"] == "2026-01-01T00:00:00+07:00"  # an article: its own date


def test_a_list_without_articles_is_left_to_readers_not_to_search_engines(make_site, build_site):
    """A new portal's categories and campaigns list nothing until their first articles ("Chưa có bài
    viết."), and each was in the sitemap as a page to index: search engines take such a page for a
    missing one (a soft 404). A unit's page showing the unit's own hotline is not empty."""
    toml = SITE_TOML.replace('[units.cong-an-xa-dong-tien]\nname = "Công an xã Đồng Tiến"',
                             '[units.cong-an-xa-dong-tien]\nname = "Công an xã Đồng Tiến"\nhotline = "0221 3862 999"')
    site = make_site({"content/tin-hoat-dong/bai.md": article("Bài đầu tiên", campaigns=["dan-van-kheo"])}, toml)
    built = build_site(site)
    assert built.result.ok, built.messages

    def listed():
        return {u.findtext(f"{SITEMAP}loc").removeprefix("https://congan.example.vn")
                for u in _atom(built, "sitemap.xml").findall(f"{SITEMAP}url")}

    def robots(url):
        return [m["content"] for m in built.page(url).find_all("meta", attrs={"name": "robots"})]
    empty = ["/xay-dung-luc-luong/", "/don-vi/phong-canh-sat-giao-thong/", "/phong-trao/vi-an-ninh-to-quoc/"]
    shown = ["/tin-hoat-dong/", "/don-vi/cong-an-tinh/", "/phong-trao/dan-van-kheo/", "/don-vi/cong-an-xa-dong-tien/"]
    assert [url for url in empty if url in listed()] == [] and [url for url in shown if url not in listed()] == []
    assert [robots(url) for url in empty] == [["noindex"]] * 3 and [robots(url) for url in shown] == [[]] * 4
    assert "Chưa có bài viết." in text_of(built.page("/xay-dung-luc-luong/"))  # (still a page for readers)
    (site / "content/xay-dung-luc-luong").mkdir()
    (site / "content/xay-dung-luc-luong/tap-huan.md").write_text(
        article("Tập huấn", category="xay-dung-luc-luong"), encoding="utf-8")
    built = build_site(site)
    assert "/xay-dung-luc-luong/" in listed() and robots("/xay-dung-luc-luong/") == []


def test_the_archive_of_a_portal_without_articles_is_left_to_readers_not_to_search_engines(make_site, build_site):
    """A new portal's /luu-tru/ lists no year ("Chưa có bài viết.") and was in the sitemap, indexable,
    while its empty categories were noindex and left out; it is now as they are, until an article comes."""
    site = make_site({"content/tin-hoat-dong/nhap.md": article("Bản nháp", draft="true")})
    built = build_site(site)

    def listed():
        return {u.findtext(f"{SITEMAP}loc").removeprefix("https://congan.example.vn")
                for u in _atom(built, "sitemap.xml").findall(f"{SITEMAP}url")}
    page = built.page("/luu-tru/")
    assert "Chưa có bài viết." in text_of(page)
    assert [m["content"] for m in page.find_all("meta", attrs={"name": "robots"})] == ["noindex"]
    assert "/luu-tru/" not in listed() and "/" in listed()
    (site / "content/tin-hoat-dong/nhap.md").write_text(article("Bài đầu tiên"), encoding="utf-8")
    built = build_site(site)
    assert "/luu-tru/" in listed() and built.page("/luu-tru/").find("meta", attrs={"name": "robots"}) is None


def test_a_sitemap_past_the_protocol_limit_becomes_an_index_of_parts(make_site, build_site, monkeypatch, tmp_path):
    """Search engines reject a sitemap of more than 50,000 URLs (~35,000 articles with their
    list pages); here the limit is 4 so a small site shows the split."""
    from generator import seo
    site = make_site(ARTICLES)
    one = build_site(site, tmp_path / "one")
    every = [u.findtext(f"{SITEMAP}loc") for u in _atom(one, "sitemap.xml").findall(f"{SITEMAP}url")]
    monkeypatch.setattr(seo, "MAX_SITEMAP_URLS", 4)
    built = build_site(site)
    index = _atom(built, "sitemap.xml")
    assert index.tag == f"{SITEMAP}sitemapindex"
    parts = [(s.findtext(f"{SITEMAP}loc"), s.findtext(f"{SITEMAP}lastmod")) for s in index]
    assert [loc for loc, _ in parts] == [f"https://congan.example.vn/sitemap-{n}.xml"
                                        for n in range(1, -(-len(every) // 4) + 1)]
    listed = []
    for loc, lastmod in parts:
        part = _atom(built, loc.removeprefix("https://congan.example.vn/"))
        urls = part.findall(f"{SITEMAP}url")
        assert part.tag == f"{SITEMAP}urlset" and 1 <= len(urls) <= 4
        assert lastmod == max((u.findtext(f"{SITEMAP}lastmod") for u in urls
                               if u.findtext(f"{SITEMAP}lastmod") is not None), default=None)
        listed += [u.findtext(f"{SITEMAP}loc") for u in urls]
    assert listed == every  # every URL once, in the same order
    assert "Sitemap: https://congan.example.vn/sitemap.xml" in (built.out / "robots.txt").read_text()
    monkeypatch.setattr(seo, "MAX_SITEMAP_URLS", 50_000)
    with (site / "content/tin-hoat-dong/ra-quan/index.md").open("a", encoding="utf-8") as edited:
        edited.write("\nThêm một câu.\n")  # a real change, so this build is not the no-change shortcut
    again = build_site(site)  # back under the limit: the parts are gone
    assert not list(again.out.glob("sitemap-*.xml")) and _atom(again, "sitemap.xml").tag == f"{SITEMAP}urlset"


def test_archives_by_year_and_month(make_site, build_site):
    built = build_site(make_site(ARTICLES))
    index = built.page("/luu-tru/")
    assert text_of(index.find("h1")) == "Lưu trữ"
    links = [(text_of(a), a.get("aria-label"), a["href"]) for a in index.select(".archive-periods a")]
    assert links == [("Năm 2026", None, "/luu-tru/2026/"), ("Tháng 01", "Tháng 01/2026", "/luu-tru/2026/01/"),
                     ("Năm 2025", None, "/luu-tru/2025/"), ("Tháng 12", "Tháng 12/2025", "/luu-tru/2025/12/")]
    assert [text_of(li) for li in index.select(".archive-year > ul > li")] == ["Tháng 01 (2 bài)", "Tháng 12 (2 bài)"]
    december = built.page("/luu-tru/2025/12/")
    assert [text_of(h) for h in december.find_all("h2", class_="card-title")] == ["Hội nghị tổng kết công tác năm",
                                                            "Tập huấn <nghiệp vụ> & kỹ năng"]
    # A month's trail climbs through its year, on the page and to search engines
    assert [(text_of(a), a["href"]) for a in december.select("nav.breadcrumbs a")] == [
        ("Trang chủ", "/"), ("Lưu trữ", "/luu-tru/"), ("Năm 2025", "/luu-tru/2025/")]
    graph = json.loads(december.find("script", type="application/ld+json").string)["@graph"]
    trail = next(node for node in graph if node["@type"] == "BreadcrumbList")["itemListElement"]
    assert [(item["name"], item["item"].removeprefix("https://congan.example.vn")) for item in trail] == [
        ("Trang chủ", "/"), ("Lưu trữ", "/luu-tru/"), ("Năm 2025", "/luu-tru/2025/"),
        ("Tháng 12/2025", "/luu-tru/2025/12/")]
    year = built.page("/luu-tru/2026/")  # per_page is 2: both January articles on one page
    assert [text_of(a) for a in year.select("nav.breadcrumbs a")] == ["Trang chủ", "Lưu trữ"]
    assert len(year.find_all("h2", class_="card-title")) == 2 and year.select(".archive-months a")[0]["href"] == "/luu-tru/2026/01/"


def card(page) -> dict[str, str]:
    """The link preview a chat app or social network shows of a page: its OpenGraph and Twitter tags."""
    return {meta.get("property") or meta["name"]: meta["content"] for meta in page.find_all("meta")
            if (meta.get("property") or "").startswith("og:") or (meta.get("name") or "").startswith("twitter:card")}


def test_aliases_redirect_to_the_article(make_site, build_site):
    built = build_site(make_site(ARTICLES))
    article_card = card(built.page(RA_QUAN))
    assert {"og:title", "og:description", "og:url", "og:image", "og:image:width"} <= article_card.keys()
    for old in ("/tin-tuc/ra-quan-tet.html", "/tin/123/"):
        page = built.page(old)
        assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={RA_QUAN}"
        assert page.find("link", rel="canonical")["href"] == "https://congan.example.vn" + RA_QUAN
        assert page.find("a")["href"] == RA_QUAN
        # A link preview of the old address (Zalo, Facebook: no redirect of a page followed) shows the article.
        assert card(page) == article_card


def test_an_old_address_names_the_portals_icon_under_its_path(make_site, build_site):
    """A page of old addresses had no icon link, so a browser asked the host's root for /favicon.ico:
    a 404 for a portal under a sub-path (…/thu-nghiem/), which its host does not keep."""
    toml = SITE_TOML.replace('base_url = "https://congan.example.vn/"', 'base_url = "https://congan.example.vn/thu-nghiem/"')
    toml = toml.replace('name = "Phòng Cảnh sát giao thông"', 'name = "Phòng Cảnh sát giao thông"\naliases = ["/don-vi/phong-csgt/"]')
    built = build_site(make_site({"content/tin-hoat-dong/bai.md": article("Bài viết", aliases='["/tin-tuc/bai-cu.html"]')},
                                 toml))
    assert built.result.ok, built.messages
    icon = built.page("/").find("link", rel="icon")["href"]
    assert icon.startswith("/thu-nghiem/assets/favicon.svg")
    for old in ("/tin-tuc/bai-cu.html", "/don-vi/phong-csgt/"):
        page = built.page(old)
        assert page.find("meta", attrs={"http-equiv": "refresh"}) is not None, old
        assert [(link["href"], link.get("type")) for link in page.find_all("link", rel="icon")] == [
            (icon, "image/svg+xml")], old


def test_an_old_aspx_or_php_address_redirects_through_any_host_instead_of_downloading(make_site, build_site):
    """A portal moving off ASP.NET or PHP: a redirect page saved as "chi-tiet.aspx" was sent as a
    file to download (nginx's default type, and the preview's). It is now a folder, which a host
    answers with its slash and then the redirect page."""
    from generator.preview_http import content_type, locate
    old = "/Pages/tin-tuc/chi-tiet.aspx"
    source = ARTICLES["content/tin-hoat-dong/ra-quan/index.md"]
    built = build_site(make_site({**ARTICLES, "content/tin-hoat-dong/ra-quan/index.md": source.replace(
        "aliases: [", f'aliases: ["{old}", "https://cu.congan.example.vn/index.php", ')}))
    for asked in (old, "/index.php"):
        first = locate(built.out, asked)
        assert first.file is None and first.redirect == asked + "/"
        page = locate(built.out, asked + "/").file
        assert content_type(page.name) == "text/html; charset=utf-8"
        assert built.page(asked + "/").find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={RA_QUAN}"


def test_old_addresses_with_a_query_share_the_page_of_their_path(make_site, build_site):
    """"/Pages/chi-tiet.aspx?ItemID=12", as SharePoint, Joomla and DNN portals wrote them: no file
    can be chosen by a query, so the path's page carries a table of its queries (the browser
    tests follow it) and, without JavaScript, goes to the article whose old address was the
    path alone."""
    files = dict(ARTICLES)
    files["content/tin-hoat-dong/dan-van.md"] = article(
        "Công an xã giúp dân thu hoạch lúa", "2026-01-10", "cong-an-xa-dong-tien",
        aliases='["/Pages/chi-tiet.aspx?ItemID=12", "/Pages/chi-tiet.aspx", "/index.php?option=com_content&id=5"]')
    files["content/tin-hoat-dong/hoi-nghi.md"] = article(
        "Hội nghị tổng kết công tác năm", "2025-12-30T14:00:00", "cong-an-tinh",
        aliases='["https://cu.congan.example.vn/Pages/chi-tiet.aspx?itemid=13"]')
    built = build_site(make_site(files))
    assert built.result.ok, built.messages
    page = built.page("/Pages/chi-tiet.aspx/")
    table = json.loads(page.find("script", attrs={"data-dia-chi-cu-bang": True}).string)
    dan_van, hoi_nghi = "/tin-hoat-dong/cong-an-xa-giup-dan-thu-hoach-lua/", "/tin-hoat-dong/hoi-nghi-tong-ket-cong-tac-nam/"
    assert table["targets"] == {"itemid=12": dan_van, "itemid=13": hoi_nghi}
    assert table["names"] == [["itemid"]] and table["fallback"] == dan_van
    assert page.find("noscript").find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={dan_van}"
    assert text_of(page.find("h1")) == "Địa chỉ cũ của cổng thông tin"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    # Every old link shared on Zalo or Facebook reaches this one page: an og:url folded them all
    # into one card (one page's title and counts); without it, each is the address it was.
    assert page.find("meta", property="og:url") is None and page.find("meta", property="og:title")
    assert page.find("link", rel="canonical") is None  # (a crawler without og:url reads that instead)
    assert built.page(dan_van).find("meta", property="og:url")["content"] == "https://congan.example.vn" + dan_van
    php = built.page("/index.php/")
    assert php.find("noscript").find("meta") is None  # no fallback: a query it does not know stays, with search
    assert php.find("form", role="search")["action"] == "/tim-kiem/"
    sitemap = (built.out / "sitemap.xml").read_text(encoding="utf-8")
    assert "Pages" not in sitemap and "index.php" not in sitemap


def test_an_alias_rewritten_with_its_final_slash_and_back_rebuilds_in_place(make_site, build_site):
    """"/x/y.html" then "/x/y.html/": the old redirect page stood where the new folder goes. The
    in-place publication stopped, and so did every later build (it rolls the journal forward
    first), even after the alias was put back: the portal could not be built until someone
    deleted the output by hand."""
    site = make_site(ARTICLES)
    source = site / "content/tin-hoat-dong/ra-quan/index.md"
    original = source.read_text(encoding="utf-8")
    for written, page in (("/x/y.html", "/x/y.html"), ("/x/y.html/", "/x/y.html/"), ("/x/y.html", "/x/y.html")):
        source.write_text(original.replace('aliases: ["/tin-tuc/ra-quan-tet.html"', f'aliases: ["{written}"'),
                          encoding="utf-8")
        built = build_site(site)
        assert built.result.ok, built.messages
        assert built.page(page).find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={RA_QUAN}"
    assert sorted(p.name for p in site.parent.iterdir() if ".patch-" in p.name) == []  # nothing left to roll forward


def test_a_static_file_where_an_alias_needs_its_folder_is_named_not_a_crash(make_site):
    site = make_site({**ARTICLES, "static/tin-tuc/ra-quan-tet.html/index.html": "<p>cũ</p>"})
    done = cli_here("build", "--site", str(site), "--lang", "en")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[0] == ("static/tin-tuc/ra-quan-tet.html/index.html: error[duplicate-output]: "
                                           "tin-tuc/ra-quan-tet.html would be both a file and the folder of "
                                           "tin-tuc/ra-quan-tet.html/index.html")


def test_bad_and_colliding_aliases_are_reported_with_lines(make_site, build_site):
    files = dict(ARTICLES)
    files["content/tin-hoat-dong/a.md"] = article("Bài A", aliases='["/tin-tuc/ra-quan-tet.html", "/x#muc"]')
    files["content/tin-hoat-dong/b.md"] = article("Bài B", aliases='["/don-vi/"]')
    built = build_site(make_site(files))
    assert not built.result.ok
    assert built.messages == [
        "content/tin-hoat-dong/a.md:6: error[bad-alias]: '/x#muc' is not a usable old URL: write a path "
        "such as /tin-tuc/bai-cu.html (no #fragment or \\; each part under 200 bytes)",
        "content/tin-hoat-dong/b.md:6: error[alias-collision]: the alias /don-vi/ would replace "
        "a page the portal publishes itself; remove it",
    ]
    site = make_site(files)
    (site / "content/tin-hoat-dong/b.md").unlink()
    (site / "content/tin-hoat-dong/a.md").write_text(article("Bài A", aliases='["/tin-tuc/ra-quan-tet.html"]'))
    built = build_site(site)
    assert built.messages == [  # (told at both: either may be the one to keep it)
        "content/tin-hoat-dong/a.md:6: error[alias-collision]: the alias /tin-tuc/ra-quan-tet.html is also an "
        "alias of content/tin-hoat-dong/ra-quan/index.md; keep it in one article",
        "content/tin-hoat-dong/ra-quan/index.md:9: error[alias-collision]: the alias /tin-tuc/ra-quan-tet.html "
        "is also an alias of content/tin-hoat-dong/a.md; keep it in one article"]


def test_an_old_address_in_a_list_of_one_per_line_is_told_at_its_own_line(make_site, build_site):
    """A unit moving off its old portal lists many old addresses, one per line: the one that is
    wrong, or claimed twice, is named at its line, not at 'aliases:'."""
    files = dict(ARTICLES)
    files["content/tin-hoat-dong/a.md"] = article("Bài A", aliases='\n  - /Pages/chi-tiet.aspx?ItemID=7\n  - /tin-hoat-dong/?id=5')
    files["content/tin-hoat-dong/b.md"] = article("Bài B", aliases='\n  - /cu/b.html\n  - "/cu/c.html#muc"')
    files["content/tin-hoat-dong/z.md"] = article("Bài Z", aliases=(
        '\n  - /cu/z.html\n  - /cu/y.html\n  - "https://cu.congan.example.vn/tin-tuc/ra-quan-tet.html"'))
    built = build_site(make_site(files))
    assert built.messages == [
        "content/tin-hoat-dong/a.md:8: error[alias-collision]: the alias /tin-hoat-dong/?id=5 would replace "
        "the category 'tin-hoat-dong'; remove it",
        "content/tin-hoat-dong/b.md:8: error[bad-alias]: '/cu/c.html#muc' is not a usable old URL: write a path "
        "such as /tin-tuc/bai-cu.html (no #fragment or \\; each part under 200 bytes)",
        "content/tin-hoat-dong/ra-quan/index.md:9: error[alias-collision]: the alias /tin-tuc/ra-quan-tet.html is "
        "also an alias of content/tin-hoat-dong/z.md; keep it in one article",  # (told at both, as each writes it)
        "content/tin-hoat-dong/z.md:9: error[alias-collision]: the alias "
        "https://cu.congan.example.vn/tin-tuc/ra-quan-tet.html is also an alias of "
        "content/tin-hoat-dong/ra-quan/index.md; keep it in one article",
    ]


def test_article_offers_share_copy_and_print(make_site, build_site):
    built = build_site(make_site(ARTICLES))
    share = built.page(RA_QUAN).find("aside", class_="share")
    assert text_of(share.find("h2")) == "Gửi cho bạn bè"
    for a in share.find_all("a", target="_blank"):  # a blind reader is told the page at hand stays behind
        assert spoken(a).endswith("(mở cửa sổ mới)") and a.find(class_="visually-hidden"), spoken(a)
        a.find(class_="visually-hidden").decompose()
    links = {text_of(a): a["href"] for a in share.find_all("a")}
    encoded = "https%3A//congan.example.vn/tin-hoat-dong/ra-quan-bao-dam-trat-tu-an-toan-giao-thong/"
    assert links["Email"].startswith("mailto:?subject=Ra%20qu") and links["Email"].endswith("body=" + encoded)
    assert links["Facebook"] == "https://www.facebook.com/sharer/sharer.php?u=" + encoded
    assert links["Zalo"].endswith(encoded)
    assert text_of(share.find("button", class_="copy-link")) == "Sao chép liên kết"
    sheet = share.find("button", class_="share-native")  # the phone's share sheet, when there is one
    assert text_of(sheet) == "Ứng dụng khác…" and sheet.has_attr("hidden")
    assert sheet["data-url"] == unquote(encoded) and sheet["data-title"].startswith("Ra quân")
    assert text_of(share.find("button", class_="print-button")) == "In bài"
    assert not built.page(RA_QUAN).find_all("script", src=lambda s: s and not s.startswith("/"))


def test_search_index_covers_articles_only(make_site, build_site):
    built = build_site(make_site(ARTICLES))
    bundle = built.out / "pagefind"
    assert (bundle / "pagefind.js").is_file() and not (bundle / "pagefind-ui.js").exists()
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert entry["languages"]["vi"]["page_count"] == 4  # the four articles, no list pages
    search = built.page("/tim-kiem/")
    assert text_of(search.find("h1")) == "Tìm kiếm"
    fallback = [text_of(a) for a in search.select(".search-fallback a")]
    assert fallback[:2] == ["Tin hoạt động", "Xây dựng lực lượng"]
    header_form = built.page("/").find("form", role="search")
    assert header_form["action"] == "/tim-kiem/" and header_form.find("input")["name"] == "q"


def test_home_and_article_stay_within_the_weight_budget(make_site, build_site):
    built = build_site(make_site(ARTICLES))
    for url in ("/", RA_QUAN):
        page = built.page(url)
        total = len((built.out / url.lstrip("/") / "index.html").read_bytes())
        for link in page.find_all("link", rel="stylesheet"):
            total += len((built.out / link["href"].lstrip("/").partition("?")[0]).read_bytes())
        for script in page.find_all("script", src=True):
            total += len((built.out / script["src"].lstrip("/").partition("?")[0]).read_bytes())
        assert total < 60_000, (url, total)
        blocking = page.find_all("link", rel="stylesheet") + page.find_all("script", src=True, defer=False)
        assert [b.get("href").partition("?")[0] for b in blocking] == ["/assets/css/style.css"]


def test_search_index_follows_incremental_builds(make_site, build_site, tmp_path):
    site = make_site(ARTICLES)
    out = tmp_path / "out"
    build_site(site, out=out)
    bundle = {p: p.stat().st_mtime_ns for p in (out / "pagefind").rglob("*") if p.is_file()}
    again = build_site(site, out=out)  # nothing changed: the index is kept, not rebuilt
    assert {p: p.stat().st_mtime_ns for p in (out / "pagefind").rglob("*") if p.is_file()} == bundle
    assert again.result.rendered == 0
    source = site / "content/tin-hoat-dong/hoi-nghi.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nTừ khóa mới: phòng chống lừa đảo.\n", encoding="utf-8")
    build_site(site, out=out)
    fragments = [gzip.decompress(p.read_bytes()) for p in (out / "pagefind/fragment").iterdir()]
    assert sum("phòng chống lừa đảo".encode() in f for f in fragments) == 1
    assert len(fragments) == 4  # one per article; the old fragment of the edited one is gone


LONG_REPORT = article(
    "Báo cáo kết quả đợt cao điểm Tết", "2026-02-20T08:00:00", "cong-an-tinh", body=(
        "Báo cáo tóm tắt kết quả.\n\n## Tình hình chung\n\nTrong đợt cao điểm…\n\n"
        "## Kết quả nổi bật\n\n### Về trật tự giao thông\n\nXử lý 1.200 trường hợp.\n\n"
        "### Về phòng cháy\n\nKhông để xảy ra cháy lớn.\n\n## Tin liên quan\n\nMột mục trùng tên với khối của trang.\n"))


def test_a_toc_marker_written_in_the_body_is_not_printed(make_site, build_site):
    """An editor used to Typora writes "[TOC]" where the contents go: readers saw "[TOC]" in the
    article, above the headings the layout's own "Mục lục" already lists."""
    report = LONG_REPORT.replace("Báo cáo tóm tắt kết quả.\n\n", "Báo cáo tóm tắt kết quả.\n\n[TOC]\n\n") \
        + "\nGõ `[TOC]` để có mục lục.\n\n[toc]\n"
    alone = LONG_REPORT.replace("Báo cáo tóm tắt kết quả.\n\n", "Báo cáo tóm tắt kết quả.\n\n[ToC]\n\n").replace(
        "title: \"", "slug: muc-luc-khac\ntitle: \"", 1)  # (written in no other case)
    built = build_site(make_site({**ARTICLES, "content/tin-hoat-dong/bao-cao.md": report,
                                  "content/tin-hoat-dong/bao-cao-khac.md": alone}))
    assert built.result.ok, built.messages
    page = built.page("/tin-hoat-dong/bao-cao-ket-qua-dot-cao-diem-tet/")
    body = page.find("div", class_="body")
    assert [text_of(p) for p in body.find_all("p") if "TOC" in text_of(p).upper()] == ["Gõ [TOC] để có mục lục."]
    assert text_of(page.find("details", class_="toc").find("summary")) == "Mục lục"
    other = built.page("/tin-hoat-dong/muc-luc-khac/").find("div", class_="body")
    assert not [p for p in other.find_all("p") if "TOC" in text_of(p).upper()]


def test_a_long_report_opens_with_its_contents_and_each_entry_reaches_its_heading(make_site, build_site):
    site = make_site({**ARTICLES, "content/tin-hoat-dong/bao-cao.md": LONG_REPORT})
    built = build_site(site)
    assert built.result.ok, built.messages
    page = built.page("/tin-hoat-dong/bao-cao-ket-qua-dot-cao-diem-tet/")
    toc = page.find("details", class_="toc")
    assert text_of(toc.find("summary")) == "Mục lục"
    entries = [(text_of(a), a["href"]) for a in toc.find_all("a")]
    assert [text for text, _ in entries] == ["Tình hình chung", "Kết quả nổi bật", "Về trật tự giao thông",
                                             "Về phòng cháy", "Tin liên quan"]
    body = page.find("div", class_="body")
    for text, href in entries:  # each entry points at the body's heading of the same words
        target = page.find(id=href.removeprefix("#"))
        assert target is not None and target.find_parent("div", class_="body") is body and text_of(target) == text
    nested = toc.find("ol").find_all("li", recursive=False)[1]
    assert [text_of(a) for a in nested.find("ol").find_all("a")] == ["Về trật tự giao thông", "Về phòng cháy"]
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids)), ids  # the body's "Tin liên quan" did not take the related block's id
    assert page.find("h2", string="Tin liên quan", class_="section-title") is not None
    # A short article has no contents box.
    assert built.page(RA_QUAN).find("details", class_="toc") is None


def test_a_vietnamese_base_url_gives_ascii_urls_everywhere(make_site, build_site):
    toml = SITE_TOML.replace('base_url = "https://congan.example.vn/"', 'base_url = "https://côngan.vn/tỉnh/"')
    built = build_site(make_site(ARTICLES, site_toml=toml))
    assert built.result.ok, built.messages
    locs = [u.findtext(f"{SITEMAP}loc") for u in _atom(built, "sitemap.xml").findall(f"{SITEMAP}url")]
    assert locs and all(loc.isascii() and loc.startswith("https://xn--cngan-6ta.vn/t%E1%BB%89nh/") for loc in locs)
    page = built.page(RA_QUAN)
    assert page.find("link", rel="canonical")["href"] == "https://xn--cngan-6ta.vn/t%E1%BB%89nh" + RA_QUAN
    assert page.find("a", class_="skip-link") is not None
    assert all(a["href"].startswith(("/t%E1%BB%89nh/", "#", "https:", "mailto:", "tel:"))
               for a in page.find_all("a", href=True))


def test_an_updated_article_says_so_to_readers_feeds_and_search_engines(make_site, build_site):
    """`updated:` (a correction, new figures): shown under the title and given as the
    modification date everywhere one is read; lists stay in order of publication."""
    files = {**ARTICLES, "content/tin-hoat-dong/hoi-nghi.md": article(
        "Hội nghị tổng kết công tác năm", "2025-12-30T14:00:00", "cong-an-tinh", campaigns=["vi-an-ninh-to-quoc"],
        updated="25/01/2026 16:45")}
    built = build_site(make_site(files))
    assert built.result.ok, built.messages
    url, stamp = "/tin-hoat-dong/hoi-nghi-tong-ket-cong-tac-nam/", "2026-01-25T16:45:00+07:00"
    page = built.page(url)
    shown = page.find("article").find(class_="updated")
    assert text_of(shown) == "Cập nhật Chủ nhật, 25/01/2026 16:45 ·" and shown.time["datetime"] == stamp
    assert page.find("meta", property="article:modified_time")["content"] == stamp
    assert page.find("meta", property="article:published_time")["content"] == "2025-12-30T14:00:00+07:00"
    news = json.loads(page.find("script", type="application/ld+json").string)["@graph"][0]
    assert (news["datePublished"], news["dateModified"]) == ("2025-12-30T14:00:00+07:00", stamp)
    assert built.page(RA_QUAN).find("article").find(class_="updated") is None  # none given: nothing shown

    feed = _atom(built, "atom.xml")
    entries = {e.findtext(f"{ATOM}title"): e for e in feed.findall(f"{ATOM}entry")}
    assert list(entries)[2] == "Hội nghị tổng kết công tác năm"  # still in order of publication
    entry = entries["Hội nghị tổng kết công tác năm"]
    assert (entry.findtext(f"{ATOM}published"), entry.findtext(f"{ATOM}updated")) == ("2025-12-30T14:00:00+07:00", stamp)
    assert feed.findtext(f"{ATOM}updated") == stamp  # the latest change of any entry
    sitemap = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod")
               for u in _atom(built, "sitemap.xml").findall(f"{SITEMAP}url")}
    assert sitemap["https://congan.example.vn" + url] == stamp
    # (a list holding it has no lastmod: test_a_lists_pages_never_tell_crawlers_they_changed_before_they_did)
    assert sitemap["https://congan.example.vn/don-vi/cong-an-tinh/"] is None
    latest = [text_of(a) for a in built.page("/tin-hoat-dong/").select("main .card-title a")]
    assert latest == ["Ra quân bảo đảm trật tự an toàn giao thông", "Công an xã giúp dân thu hoạch lúa"]  # not moved up


def test_an_update_on_the_day_of_publication_or_before_it(make_site, build_site):
    same_day = article("Tin trong ngày", "2026-01-21T09:30:00", updated="2026-01-21")
    early = article("Tin sửa nhầm", "2026-01-21T09:30:00", updated="2026-01-21T08:00:00", lastmod="2026-01-22")
    site = make_site({"content/tin-hoat-dong/a.md": same_day, "content/tin-hoat-dong/b.md": early})
    built = build_site(site)
    assert [(p.location.path, p.location.line, p.code, p.message) for p in built.result.problems] == [
        ("content/tin-hoat-dong/b.md", 6, "updated-before-date",
         "'updated' (21/01/2026 08:00) is before 'date' (21/01/2026 09:30); it says when the article last changed"),
        ("content/tin-hoat-dong/b.md", 7, "unknown-key", "unknown front-matter key 'lastmod'; did you mean 'updated'?")]
    (site / "content/tin-hoat-dong/b.md").unlink()
    page = build_site(site).page("/tin-hoat-dong/tin-trong-ngay/")
    assert page.find(class_="updated") is None  # a day alone, the day it was published: nothing to say
    assert json.loads(page.find("script", type="application/ld+json").string)["@graph"][0]["dateModified"] == \
        "2026-01-21T09:30:00+07:00"


def test_links_and_photos_in_a_feed_lead_where_they_do_on_the_page(make_site, build_site):
    """On its page, `ke-hoach.pdf` is the file beside the article; a feed reader would read it
    against the feed (the site's root), or against nothing. Every link and source in a feed's
    content is absolute and leads to a published file."""
    from bs4 import BeautifulSoup
    from urllib.parse import urlsplit
    body = ("Tải [kế hoạch](ke-hoach.pdf), xem [mục](#ket-qua) và [tin khác](../../xay-dung-luc-luong/tap-huan.md).\n\n"
            "![Ra quân](anh.jpg)\n\n## Kết quả\n\nTốt.")
    files = {**ARTICLES, "content/tin-hoat-dong/ra-quan/index.md": article(
        "Ra quân bảo đảm trật tự an toàn giao thông", "2026-01-21T09:30:00", "phong-canh-sat-giao-thong", body=body),
        "content/tin-hoat-dong/ra-quan/ke-hoach.pdf": b"%PDF-1.4"}
    built = build_site(make_site(files))
    assert built.result.ok, built.messages
    entry = _atom(built, "atom.xml").find(f"{ATOM}entry")
    content = BeautifulSoup(entry.findtext(f"{ATOM}content"), "html.parser")
    urls = [a["href"] for a in content.find_all("a")] + [img["src"] for img in content.find_all("img")]
    urls += [part.split()[0] for tag in content.find_all(srcset=True) for part in tag["srcset"].split(",")]
    assert len(urls) >= 8
    for url in urls:
        parts = urlsplit(url)
        assert (parts.scheme, parts.netloc) == ("https", "congan.example.vn"), url
        target = built.out / parts.path.lstrip("/")
        assert target.is_file() or (target / "index.html").is_file(), url
    # "#ket-qua" named the heading as other tools do; on the page it leads to its id (anchors.py)
    assert f"https://congan.example.vn{RA_QUAN}#muc-ket-qua" in urls


def test_an_update_dated_after_now_is_a_warning(make_site, build_site):
    built = build_site(make_site({"content/tin-hoat-dong/a.md": article("Tin", "2026-01-21T09:30:00",
                                                                        updated="2099-01-25T10:00:00")}))
    assert built.result.ok  # a warning: the build goes on
    assert [(p.location.line, p.code, messages.problem_message(p, "vi")) for p in built.result.problems] == [
        (6, "updated-in-future", "ngày cập nhật ('updated', 25/01/2099 10:00) muộn hơn lúc này: bạn đọc sẽ thấy "
                                 "một lần cập nhật chưa xảy ra; hãy xem lại năm")]


def test_a_title_pasted_in_facebook_s_bold_letters_is_a_title_of_words(make_site, build_site):
    """Facebook posts fake bold with Unicode's mathematical letters ("𝐓𝐇𝐎̂𝐍𝐆 𝐁𝐀́𝐎"): pasted as
    a title they were no letters at all to the slug (it was only "tuyen-sinh"), and a body's
    first line in them, the title again, stayed on the page under the title."""
    body = "𝐓𝐇𝐎̂𝐍𝐆 𝐁𝐀́𝐎 𝐓𝐔𝐘𝐄̂̉𝐍 𝐒𝐈𝐍𝐇\n\n𝐂𝐨̂𝐧𝐠 𝐚𝐧 𝐭𝐢̉𝐧𝐡 thông báo tuyển sinh.\n"
    built = build_site(make_site({"content/tin-hoat-dong/ts.md": article("𝐓𝐇𝐎̂𝐍𝐆 𝐁𝐀́𝐎 tuyển sinh", body=body)}))
    assert built.result.ok, built.messages
    page = built.page("/tin-hoat-dong/thong-bao-tuyen-sinh/")
    assert text_of(page.h1) == "THÔNG BÁO tuyển sinh"
    body_node = page.select_one(".article .body")
    assert [text_of(p) for p in body_node.find_all("p")] == ["Công an tỉnh thông báo tuyển sinh."]
    assert text_of(body_node.strong) == "Công an tỉnh"


def test_text_typed_in_an_old_vietnamese_font_is_named_for_the_editor(make_site, build_site):
    """Pasted from an old report typed in .VnTime (TCVN3) or VNI-Times, 'Công an tỉnh' arrives
    as 'C«ng an tØnh' or 'Coâng an tænh', and readers would see those symbols. Each such paragraph
    is a warning at its line; Unicode Vietnamese, text without marks, a temperature and a
    quotation in German or Spanish are not."""
    body = ("Công an tỉnh tổ chức hội nghị tổng kết công tác năm 2025.\n\n"
            "C«ng an tØnh tæ chøc héi nghÞ tæng kÕt c«ng t¸c n¨m 2025.\n\n"
            "Nhiet do 25°C, troi nang nhe.\n\n"
            "Coâng an tænh toå chöùc hoäi nghò toång keát coâng taùc.\n\n"
            "Das Mädchen fährt über die Straße nach Hause zurück.\n\n"
            "El niño pequeño está aquí con su familia en España.\n")
    built = build_site(make_site({"content/tin-hoat-dong/cu.md": article("Báo cáo cũ", body=body),
                                  "content/tin-hoat-dong/tieu-de.md": article("C«ng an tØnh tæ chøc héi nghÞ",
                                                                              slug="tieu-de")}))
    assert built.result.ok, built.messages
    found = [(p.location.path, p.location.line) for p in built.result.problems if p.code == "old-font-text"]
    assert found == [("content/tin-hoat-dong/cu.md", 10), ("content/tin-hoat-dong/cu.md", 14),
                     ("content/tin-hoat-dong/tieu-de.md", 2)]  # a title too
    assert "'C«ng an tØnh tæ chøc héi'" in next(str(p) for p in built.result.problems if p.location.line == 10)


def test_text_an_old_portal_s_export_misread_as_windows_1252_is_named_with_what_it_says(make_site, build_site):
    """An old PHP portal's database (MySQL "latin1" columns) or its export read UTF-8 as Windows-1252:
    'Công an tỉnh' arrives as 'CÃ´ng an tá»‰nh', and was published so without a word. Each such
    paragraph, and a title so, is a warning at its line quoting what it says; Unicode Vietnamese,
    old-font text (told as such), a temperature and pasted HTML's no-break spaces are not."""
    meant = "Công an tỉnh tổ chức hội nghị tổng kết công tác năm 2019."
    garbled = meant.encode("utf-8").decode("cp1252")
    body = (f"<p style=\"text-align: justify;\">{meant}&nbsp;Đà Nẵng\u00a0à ô.</p>\n\n"
            f"<p style=\"text-align: justify;\">{garbled}</p>\n\n"
            "Nhiệt độ 25°C, trời nắng nhẹ.\n\n"
            "C«ng an tØnh tæ chøc héi nghÞ tæng kÕt c«ng t¸c n¨m 2025.\n")
    title = "Hội nghị tổng kết năm 2019"
    built = build_site(make_site({"content/tin-hoat-dong/cu.md": article("Bài cũ", body=body),
                                  "content/tin-hoat-dong/tieu-de.md": article(title.encode().decode("cp1252"),
                                                                              slug="tieu-de")}))
    assert built.result.ok, built.messages
    found = {(p.location.path, p.location.line): p.message for p in built.result.problems if p.code == "garbled-text"}
    assert sorted(found) == [("content/tin-hoat-dong/cu.md", 10), ("content/tin-hoat-dong/tieu-de.md", 2)]
    assert "which says 'Công an tỉnh tổ chức hội'" in found["content/tin-hoat-dong/cu.md", 10]
    assert f"which says '{title}'" in found["content/tin-hoat-dong/tieu-de.md", 2]
    assert [p.location.line for p in built.result.problems if p.code == "old-font-text"] == [14]


def test_text_of_a_windows_1258_portal_misread_as_windows_1252_is_named_with_what_it_says(make_site, build_site):
    """Portals of the 2000s wrote Vietnamese in Windows-1258, each tone a byte after its vowel; an export
    reading it as Windows-1252 gives 'Công an tiÒnh tôÒ chýìc': published so without a word."""
    garbled = "Công an tiÒnh tôÒ chýìc hôòi nghiò tôÒng kêìt công taìc nãm 2019."
    built = build_site(make_site({"content/tin-hoat-dong/cu.md": article(
        "Bài cũ", body=f"Anh ấy quì xuống, rồi thì ò e í ới.\n\n<p>{garbled}</p>\n")}))
    assert built.result.ok, built.messages
    assert [(p.location.line, p.message.split(": readers")[0]) for p in built.result.problems] == [
        (10, "this paragraph reads as text that the old portal's database or export read in another "
             "encoding, as Windows-1252, "
             "'Công an tiÒnh tôÒ chýìc hôòi', which says 'Công an tỉnh tổ chức hội'")]


def test_vietnamese_capitals_before_a_closing_quote_are_no_garbled_text(make_site, build_site):
    """'XÃ”' is the two bytes of UTF-8's 'Ô' read as Windows-1252, and so is 'LÊ”' of 'ʔ': a paragraph
    quoting two names in capitals ("“CÔNG AN XÃ”") was a garbled-text warning saying it meant
    "“CÔNG AN XÔ", which --strict stopped on. Unicode Vietnamese holds letters Windows-1252 has not."""
    quoted = "Mô hình “CAMERA AN NINH” của “CÔNG AN XÃ” và “TỔ AN NINH XÃ” được nhân rộng."
    built = build_site(make_site({"content/tin-hoat-dong/mo-hinh.md": article(
        "Nhân rộng mô hình", summary="Học tập “LÊ” và “VÕ”, các gương “CÔNG AN XÃ” tiêu biểu",
        body=f"{quoted}\n")}))
    assert built.result.ok, built.messages
    assert [str(p) for p in built.result.problems if p.code == "garbled-text"] == []
    assert "“CÔNG AN XÃ”" in text_of(built.page("/tin-hoat-dong/nhan-rong-mo-hinh/").select_one("p.lead"))


def test_a_summary_exported_as_html_by_an_old_portal_is_read_as_its_words(make_site, build_site):
    """The old CMS's lead is HTML (`summary: "<p>Sáng 1/6, … <strong>Vũ Thư</strong> …</p>"`): the page,
    the category's card and the description shared links show read "<p>" and "<strong>" as typed."""
    lead = '"<p style=\\"text-align: justify;\\">Sáng 1/6, Công an huyện <strong>Vũ Thư</strong> ra mắt mô hình.</p>"'
    built = build_site(make_site({"content/tin-hoat-dong/vu-thu.md": article("Ra mắt mô hình", summary=lead)}))
    assert built.result.ok, built.messages
    meant = "Sáng 1/6, Công an huyện Vũ Thư ra mắt mô hình."
    page = built.page("/tin-hoat-dong/ra-mat-mo-hinh/")
    assert text_of(page.select_one("p.lead")) == meant
    assert page.find("meta", attrs={"name": "description"})["content"] == meant
    assert text_of(built.page("/tin-hoat-dong/").select_one("p.summary")) == meant


def test_separators_between_links_are_seen_not_read_aloud(make_site, build_site):
    """A screen reader said "›" between the breadcrumb's links and "«"/"»" before the
    pagination's words: a mark drawn for the eye, not a word."""
    built = build_site(make_site(numbered_articles(5, unit="phong-canh-sat-giao-thong")))
    pages = {"/tin-hoat-dong/bai-so-1/": "Trang chủ › Tin hoạt động", "/don-vi/phong-canh-sat-giao-thong/trang/2/":
             "Trang chủ › Đơn vị", "/luu-tru/2026/01/": "Trang chủ › Lưu trữ › Năm 2026"}
    for url, seen in pages.items():
        breadcrumbs = built.page(url).select_one(".breadcrumbs")
        assert text_of(breadcrumbs) == seen, url
        assert spoken(breadcrumbs) == seen.replace(" ›", ""), url
    pagination = built.page("/don-vi/phong-canh-sat-giao-thong/trang/2/").select_one(".pagination")
    prev, next_ = pagination.select_one("a[rel=prev]"), pagination.select_one("a[rel=next]")
    assert (text_of(prev), text_of(next_)) == ("« Trang trước", "Trang sau »")
    assert (spoken(prev), spoken(next_)) == ("Trang trước", "Trang sau")


def test_each_search_form_is_a_landmark_of_its_own_name(make_site, build_site):
    """The header's search box and the search page's (or the 404 page's) were two landmarks
    both called "search": a screen reader's list of landmarks could not tell them apart."""
    built = build_site(make_site({**numbered_articles(1),
                                  "content/tin-hoat-dong/cu.md": article("Bài cũ", aliases='["/Pages/a.aspx?ID=1"]')}))
    for url in ("/", "/tim-kiem/", "/404.html", "/Pages/a.aspx/"):
        landmarks = built.page(url).select("[role=search], search")
        names = [landmark.get("aria-label", "") for landmark in landmarks]
        assert all(names) and len(set(names)) == len(names), (url, names)
    assert [f["aria-label"] for f in built.page("/tim-kiem/").select("form[role=search]")] == [
        "Tìm nhanh trên cổng thông tin", "Tìm bài viết"]


def test_the_404_page_names_no_address_of_its_own(make_site, build_site):
    """It is shown at every missing address: its canonical link and card said /404.html, which a
    shared broken link then showed, and search engines were told it was a copy of that page."""
    page = build_site(make_site(numbered_articles(1))).page("/404.html")
    assert page.find("link", rel="canonical") is None and page.find("meta", property="og:url") is None
    assert page.find("meta", property="og:title")["content"]  # (its card is the portal's still)
    assert "404.html" not in page.find("script", type="application/ld+json").string  # (nor a breadcrumb there)


def test_a_note_s_way_back_to_its_mark_is_named_by_what_it_does(make_site, build_site):
    """A screen reader named each note's back link by its arrow, "↩"; a note marked twice has two."""
    body = "Số liệu[^a] và kết quả[^b], nhắc lại số liệu[^a].\n\n[^a]: Báo cáo quý IV.\n[^b]: Theo Phòng CSGT.\n"
    built = build_site(make_site({"content/tin-hoat-dong/ghi-chu.md": article("Ghi chú", slug="ghi-chu", body=body)}))
    notes = built.page("/tin-hoat-dong/ghi-chu/").select(".article .body .footnote li")
    assert [[link.get("aria-label") for link in note.select("a.footnote-backref")] for note in notes] == [
        ["Trở lại chỗ chú thích 1", "Trở lại chỗ chú thích 1"], ["Trở lại chỗ chú thích 2"]]


def test_a_note_s_mark_is_named_by_the_note_it_leads_to(make_site, build_site):
    """A footnote's mark is a bare number: a screen reader read "liên kết 1" in the middle of a
    sentence, not what the link leads to."""
    body = "Số liệu[^a] và kết quả[^b], nhắc lại số liệu[^a].\n\n[^a]: Báo cáo quý IV.\n[^b]: Theo Phòng CSGT.\n"
    built = build_site(make_site({"content/tin-hoat-dong/ghi-chu.md": article("Ghi chú", slug="ghi-chu", body=body)}))
    marks = built.page("/tin-hoat-dong/ghi-chu/").select(".article .body a.footnote-ref")
    assert [(text_of(mark), mark.get("aria-label")) for mark in marks] == [
        ("1", "Chú thích 1"), ("2", "Chú thích 2"), ("1", "Chú thích 1")]


def test_each_list_page_has_a_description_of_its_own(make_site, build_site):
    """A unit, campaign or category without a description was described by its name alone,
    and page 2 repeated page 1's description word for word."""
    built = build_site(make_site(numbered_articles(5, unit="phong-canh-sat-giao-thong", campaigns=["dan-van-kheo"])))

    def described(url):
        return built.page(url).find("meta", attrs={"name": "description"})["content"]
    site = "Cổng thông tin điện tử Công an tỉnh Thử Nghiệm"
    assert described("/don-vi/phong-canh-sat-giao-thong/") == f"Tin bài của Phòng Cảnh sát giao thông trên {site}"
    assert described("/phong-trao/dan-van-kheo/") == f"Tin bài về phong trào Dân vận khéo trên {site}"
    assert described("/tin-hoat-dong/") == "Hoạt động của các đơn vị."
    assert described("/tin-hoat-dong/trang/2/") == "Hoạt động của các đơn vị. – Trang 2"
    assert described("/don-vi/phong-canh-sat-giao-thong/trang/3/") == (
        f"Tin bài của Phòng Cảnh sát giao thông trên {site} – Trang 3")
    assert built.page("/don-vi/phong-canh-sat-giao-thong/trang/3/").find(
        "meta", property="og:description")["content"].endswith("– Trang 3")


def test_the_lists_of_units_and_of_campaigns_are_not_described_as_the_home_page(make_site, build_site):
    """/don-vi/ and /phong-trao/ said the site's description, the home page's, word for word: three
    pages of one description, which search engines flag and show one snippet for."""
    built = build_site(make_site(numbered_articles(2)))

    def described(url, attrs):
        return built.page(url).find("meta", attrs=attrs)["content"]
    site = "Cổng thông tin điện tử Công an tỉnh Thử Nghiệm"
    for attrs in ({"name": "description"}, {"property": "og:description"}):
        said = [described(url, attrs) for url in ("/", "/don-vi/", "/phong-trao/")]
        assert len(set(said)) == 3, said
        assert said[1] == f"Danh sách các đơn vị và tin bài của từng đơn vị trên {site}"
        assert said[2] == f"Danh sách các phong trào, cuộc vận động và tin bài về từng phong trào trên {site}"


def test_a_small_first_photo_gives_way_to_a_card_sized_one_or_to_the_share_image(make_site, build_site):
    """Without a cover, a body whose first photo is too small for a shared link's card (a logo or icon,
    150×79 cut for the card, which Facebook and Zalo do not show) shares the body's next photo large
    enough, the event's; the portal's share image only when there is none (it was always that)."""
    import json

    from tests.photos import phone_jpeg

    toml = SITE_TOML.replace('base_url = "https://congan.example.vn/"',
                             'base_url = "https://congan.example.vn/"\nshare_image = "/anh-chia-se.png"')
    body = "Mở đầu.\n\n![Biểu tượng của đơn vị](bieu-tuong.jpg)\n\nTiếp theo.\n"
    site = make_site({
        "static/anh-chia-se.png": phone_jpeg(1200, 630, gps=False),
        "content/tin-hoat-dong/nho/index.md": article("Chỉ có ảnh nhỏ", slug="nho", body=body),
        "content/tin-hoat-dong/nho/bieu-tuong.jpg": phone_jpeg(150, 100),
        "content/tin-hoat-dong/hai/index.md": article("Ảnh nhỏ rồi ảnh lớn", slug="hai",
                                                      body=body + "\n![Lễ ra quân](ra-quan.jpg)\n"),
        "content/tin-hoat-dong/hai/bieu-tuong.jpg": phone_jpeg(150, 100),
        "content/tin-hoat-dong/hai/ra-quan.jpg": phone_jpeg(1600, 1000)}, toml)
    built = build_site(site)
    assert built.result.ok, built.result.problems

    def card(url):
        page = built.page(url)
        graph = json.loads(page.find("script", type="application/ld+json").string)["@graph"]
        news = next(node for node in graph if node["@type"] == "NewsArticle")
        size = [page.find("meta", property=f"og:image:{side}") for side in ("width", "height")]
        return (page.find("meta", property="og:image")["content"], page.find("meta", attrs={"name": "twitter:image"})[
            "content"], news["image"], [int(m["content"]) if m else None for m in size])
    share = "https://congan.example.vn/anh-chia-se.png"
    assert card("/tin-hoat-dong/nho/") == (share, share, [share], [1200, 630])  # (the share image's own size)
    image, twitter, news, size = card("/tin-hoat-dong/hai/")
    assert "/images/ra-quan-" in image and twitter == image and news == [image] and size == [1200, 630]


def test_a_page_without_a_photo_shares_the_portals_share_image(make_site, build_site):
    """The home page, lists and most articles had no og:image: a link shared on Zalo or Facebook
    showed no picture, and the NewsArticle data had no image and its publisher no logo."""
    import json

    from tests.photos import phone_jpeg

    toml = SITE_TOML.replace('base_url = "https://congan.example.vn/"',
                             'base_url = "https://congan.example.vn/"\nshare_image = "/anh-chia-se.png"')
    site = make_site({"content/tin-hoat-dong/bai.md": article("Bài không có ảnh"),
                      "static/anh-chia-se.png": phone_jpeg(1200, 630, gps=False)}, toml)
    built = build_site(site)
    assert built.result.ok, built.result.problems
    for url in ("/", "/tin-hoat-dong/", "/tin-hoat-dong/bai-khong-co-anh/"):
        page = built.page(url)
        assert page.find("meta", property="og:image")["content"] == "https://congan.example.vn/anh-chia-se.png", url
        assert page.find("meta", attrs={"name": "twitter:image"})["content"].endswith("/anh-chia-se.png")
        # with its size, as an article's photo has: without it Facebook shows no picture on a first share
        assert [page.find("meta", property=f"og:image:{side}")["content"] for side in ("width", "height")] == [
            "1200", "630"], url
    graph = json.loads(built.page("/tin-hoat-dong/bai-khong-co-anh/").find("script", type="application/ld+json").string)
    news = next(node for node in graph["@graph"] if node["@type"] == "NewsArticle")
    assert news["image"] == ["https://congan.example.vn/anh-chia-se.png"]
    assert news["publisher"]["logo"] == {"@type": "ImageObject", "url": "https://congan.example.vn/anh-chia-se.png"}
    # The home page names the portal's organization, as search engines read it for their knowledge
    # panel: site.toml's title, address, logo and [contact]'s hotline and e-mail, nothing else.
    home = json.loads(built.page("/").find("script", type="application/ld+json").string)["@graph"]
    organization = next(node for node in home if node["@type"] == "GovernmentOrganization")
    assert organization == {
        "@type": "GovernmentOrganization", "@id": "https://congan.example.vn/#to-chuc",
        "name": "Cổng thông tin điện tử Công an tỉnh Thử Nghiệm", "url": "https://congan.example.vn/",
        "logo": "https://congan.example.vn/anh-chia-se.png",
        "contactPoint": {"@type": "ContactPoint", "contactType": "Đường dây nóng", "telephone": "0221 3862 124",
                         "email": "banbientap@congan.example.vn"},
        "address": "Số 1 đường Chùa Chuông, tỉnh Thử Nghiệm"}
    website = next(node for node in home if node["@type"] == "WebSite")
    assert website["publisher"] == {"@id": organization["@id"]}
    # Replaced by a picture of another size: every page says the new size (rendered again, not kept)
    (site / "static/anh-chia-se.png").write_bytes(phone_jpeg(800, 800, gps=False))
    again = build_site(site)
    for url in ("/", "/tin-hoat-dong/", "/tin-hoat-dong/bai-khong-co-anh/"):
        assert [again.page(url).find("meta", property=f"og:image:{side}")["content"]
                for side in ("width", "height")] == ["800", "800"], url
    # Named at its line when it is no file the site publishes, or too small to be shown
    (site / "static/anh-chia-se.png").unlink()
    (site / "static/logo-nho.png").write_bytes(phone_jpeg(160, 120, gps=False))
    told = build_site(site).result.problems
    assert [(str(p.location.path), p.location.line, p.code) for p in told] == [("site.toml", 3, "missing-share-image")]
    (site / "site.toml").write_text(toml.replace("/anh-chia-se.png", "/logo-nho.png"), encoding="utf-8")
    small = build_site(site)
    told = small.result.problems
    assert [small.page("/").find("meta", property=f"og:image:{side}")["content"] for side in ("width", "height")] == [
        "160", "120"]  # (the pages say the new picture's size)
    assert [(p.location.line, p.code, p.message) for p in told] == [
        (3, "small-share-image", "share_image '/logo-nho.png' is 160×120 px: Facebook and Zalo show no picture "
                                 "under 200×200 px; 1200×630 px suits them all")]
    (site / "static/logo-nho.png").write_bytes(b"not a picture")  # (a file no build can read as one)
    told = build_site(site).result.problems
    assert [(p.location.line, p.code, p.message) for p in told] == [
        (3, "missing-share-image", "share_image '/logo-nho.png' is not a picture this build can read (PNG or JPEG)")]
    # A name with Vietnamese letters and a space, typed or %-encoded: one file, its URL encoded
    (site / "static/ảnh chia sẻ.png").write_bytes(phone_jpeg(1200, 630, gps=False))
    for written in ("/ảnh chia sẻ.png", "/%E1%BA%A3nh%20chia%20s%E1%BA%BB.png"):
        (site / "site.toml").write_text(toml.replace("/anh-chia-se.png", written), encoding="utf-8")
        built = build_site(site)
        assert built.result.ok and built.result.problems == (), built.result.problems
        assert built.page("/").find("meta", property="og:image")["content"] == (
            "https://congan.example.vn/%E1%BA%A3nh%20chia%20s%E1%BA%BB.png")


def test_a_share_image_taken_on_a_phone_is_told_upright(make_site, build_site):
    """A phone's JPEG stored sideways (EXIF orientation 6) as share_image: a browser and the networks
    show it upright, 630×1200, and og:image:width/height said its stored 1200×630 (a landscape box)."""
    from PIL import Image

    toml = SITE_TOML.replace('base_url = "https://congan.example.vn/"',
                             'base_url = "https://congan.example.vn/"\nshare_image = "/anh-chia-se.jpg"')
    site = make_site({"content/tin-hoat-dong/bai.md": article("Bài không có ảnh"),
                      "static/anh-chia-se.jpg": phone_jpeg(630, 1200, orientation=6, gps=False)}, toml)
    built = build_site(site)
    assert built.result.ok and built.result.problems == (), built.result.problems
    with Image.open(built.out / "anh-chia-se.jpg") as published:  # (copied as it is: a browser turns it)
        assert published.size == (1200, 630) and published.getexif()[0x0112] == 6
    for url in ("/", "/tin-hoat-dong/bai-khong-co-anh/"):
        assert [built.page(url).find("meta", property=f"og:image:{side}")["content"]
                for side in ("width", "height")] == ["630", "1200"], url
    # A WebP's EXIF orientation turns it in no browser: its stored size is the one shown
    import io
    exif = Image.Exif()
    exif[0x0112] = 6
    webp = io.BytesIO()
    Image.new("RGB", (1200, 630), (200, 20, 20)).save(webp, "WEBP", exif=exif.tobytes())
    (site / "static/anh-chia-se.webp").write_bytes(webp.getvalue())
    (site / "site.toml").write_text(toml.replace("anh-chia-se.jpg", "anh-chia-se.webp"), encoding="utf-8")
    assert [build_site(site).page("/").find("meta", property=f"og:image:{side}")["content"]
            for side in ("width", "height")] == ["1200", "630"]


def test_a_share_image_that_tells_where_it_was_taken_is_told_at_its_line(make_site, build_site):
    """share_image is copied byte for byte: a phone's photo published the place it was taken (EXIF
    GPS) on every shared link, where an article's photos are published without it, and the build
    said nothing. A share-image-location warning at site.toml's line, by build and check."""
    from PIL import Image

    toml = SITE_TOML.replace('base_url = "https://congan.example.vn/"',
                             'base_url = "https://congan.example.vn/"\nshare_image = "/anh-chia-se.jpg"')
    site = make_site({"content/tin-hoat-dong/bai.md": article("Bài không có ảnh"),
                      "static/anh-chia-se.jpg": phone_jpeg(1200, 630)}, toml)
    built = build_site(site)
    with Image.open(built.out / "anh-chia-se.jpg") as published:
        assert published.getexif().get_ifd(0x8825)  # (the place it was taken, as the phone wrote it)
    told = [(p.location.path, p.location.line, p.code, p.message.split(" (")[0]) for p in built.result.problems]
    assert told == [("site.toml", 3, "share-image-location", "share_image '/anh-chia-se.jpg' keeps where it was taken")]
    assert "ảnh share_image '/anh-chia-se.jpg' còn ghi nơi chụp (vị trí GPS" in messages.describe(
        built.result.problems[0], "vi")
    checked = cli_here("check", "--site", str(site), "--lang", "en")
    assert "site.toml:3: warning[share-image-location]: share_image '/anh-chia-se.jpg' keeps where" in checked.stdout
    (site / "static/anh-chia-se.jpg").write_bytes(phone_jpeg(1200, 630, gps=False))  # (saved without it)
    assert build_site(site).result.problems == ()
    # An editor's export that keeps the place in XMP, not EXIF, tells it as well.
    exported = io.BytesIO()
    with Image.open(site / "static/anh-chia-se.jpg") as picture:
        picture.save(exported, "JPEG", xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/'
                     b'1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
                     b'exif:GPSLatitude="21,1.5N" exif:GPSLongitude="105,51.2E"/></rdf:RDF></x:xmpmeta>')
    (site / "static/anh-chia-se.jpg").write_bytes(exported.getvalue())
    assert [p.code for p in build_site(site).result.problems] == ["share-image-location"]


def test_a_phone_photo_published_as_it_is_from_static_or_assets_that_tells_where_it_was_taken_is_told(
        make_site, build_site, monkeypatch):
    """A phone's photo put in static/ and linked from an article ("[Tải ảnh băng rôn](/anh/bang-ron.jpg)"),
    or a banner photo in assets/, is copied byte for byte: it published the place it was taken, its
    camera and its owner, where an article's photos are published without them, and only the share
    image was told. A photo-location warning at each file, by build and check; one saved without its
    place is not told."""
    site = make_site({"content/tin-hoat-dong/bai.md": article("Băng rôn", body="[Tải ảnh băng rôn](/anh/bang-ron.jpg)"),
                      "static/anh/bang-ron.jpg": phone_jpeg(600, 400), "assets/img/nen.jpg": phone_jpeg(600, 400),
                      "static/anh/IMG_0001.HEIC": phone_heic(120, 80),
                      "static/anh/da-xoa-vi-tri.jpg": phone_jpeg(600, 400, gps=False)})
    built = build_site(site)
    assert built.result.ok
    told = [(p.location.path, p.location.line, p.code, p.severity.value) for p in built.result.problems]
    assert told == [("assets/img/nen.jpg", 0, "photo-location", "warning"),
                    ("static/anh/IMG_0001.HEIC", 0, "photo-location", "warning"),
                    ("static/anh/bang-ron.jpg", 0, "photo-location", "warning")]
    assert "ảnh /anh/bang-ron.jpg còn ghi nơi chụp (vị trí GPS" in messages.describe(built.result.problems[2], "vi")
    checked = cli_here("check", "--site", str(site), "--lang", "en")
    assert "static/anh/bang-ron.jpg: warning[photo-location]: /anh/bang-ron.jpg keeps where it was taken" in checked.stdout
    # The next build opens none of them again (the build cache's record: an old portal's thousands of
    # photos moved into static/ cost 0.3 ms each a build), but one saved again without its place.
    from generator import share_image
    opened = []
    read = share_image._located
    monkeypatch.setattr(share_image, "_located", lambda source: opened.append(source.name) or read(source))
    (site / "static/anh/bang-ron.jpg").write_bytes(phone_jpeg(640, 400, gps=False))
    again = build_site(site)
    assert opened == ["bang-ron.jpg"]
    assert [p.location.path for p in again.result.problems] == ["assets/img/nen.jpg", "static/anh/IMG_0001.HEIC"]


def test_a_unit_category_or_campaign_page_offers_its_feed_where_a_reader_sees_it(make_site, build_site):
    """Each list's own feed was only a <link> in <head>, which no browser shows: a reader following
    one commune's police found only the whole portal's feed, in the footer."""
    built = build_site(make_site({"content/tin-hoat-dong/bai.md": article(
        "Bài viết", unit="cong-an-xa-dong-tien", campaigns=["dan-van-kheo"])}))
    assert built.result.ok
    for url in ("/don-vi/cong-an-xa-dong-tien/", "/tin-hoat-dong/", "/phong-trao/dan-van-kheo/"):
        link = built.page(url).select_one("main .feed-link a")
        assert text_of(link) == "Nhận tin mới qua RSS/Atom" and link["href"] == url + "atom.xml", url
        assert (built.out / (url.lstrip("/") + "atom.xml")).is_file()


def test_an_old_address_two_articles_claim_is_told_at_both_as_written(make_site, build_site):
    """A taken-in portal's article claiming one of ours: told only at ours (first by path), whose
    removal broke our working redirect, and quoted as compared ("?itemid=1024"), found in no file."""
    site = make_site({
        "content/tin-hoat-dong/a.md": article("Bài A", aliases='["/Pages/tin-tuc/chi-tiet.aspx?ItemID=1024"]'),
        "content/tin-hoat-dong/moi.md": article("Bài mới", aliases='["/Pages/tin-tuc/chi-tiet.aspx?itemID=1024"]'),
    })
    built = build_site(site)
    assert built.messages == [
        "content/tin-hoat-dong/a.md:6: error[alias-collision]: the alias /Pages/tin-tuc/chi-tiet.aspx?ItemID=1024 is "
        "also an alias of content/tin-hoat-dong/moi.md; keep it in one article",
        "content/tin-hoat-dong/moi.md:6: error[alias-collision]: the alias /Pages/tin-tuc/chi-tiet.aspx?itemID=1024 "
        "is also an alias of content/tin-hoat-dong/a.md; keep it in one article"]


def test_an_article_that_opens_with_a_list_is_summarised_from_its_first_item(make_site, build_site):
    """A notice that is a list alone (the documents to bring, the days of a schedule): its card on
    the list pages and its description for search engines and Zalo began "; Một; Hai", the
    separator of its first item put before it."""
    site = make_site({"content/tin-hoat-dong/thong-bao.md": article(
        title="Thông báo", body="- Thứ Hai: Giám đốc\n- Thứ Năm: Phó Giám đốc\n")})
    built = build_site(site)
    card = built.page("/tin-hoat-dong/").find("p", class_="summary")
    assert text_of(card) == "Thứ Hai: Giám đốc; Thứ Năm: Phó Giám đốc"
    page = built.page("/tin-hoat-dong/thong-bao/")
    assert page.find("meta", attrs={"name": "description"})["content"] == "Thứ Hai: Giám đốc; Thứ Năm: Phó Giám đốc"
