"""Heading anchors made in the markup stage, and the table of contents read back from them."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

from generator import sections
from generator.markup import MarkupConverter
from tests.unit.test_markup import make


def headings(body: str) -> list[tuple[str, str, str]]:
    html = MarkupConverter({}).convert(make("content/a.md", body)).html
    return [(h.name, h.get("id"), h.get_text()) for h in BeautifulSoup(html, "html.parser").find_all(
        ["h2", "h3", "h4", "h5", "h6"])]


def test_every_heading_gets_an_id_from_its_vietnamese_words():
    assert headings("## Kết quả đợt cao điểm\n\nVăn bản.\n\n### Đường dây nóng 113\n") == [
        ("h2", "muc-ket-qua-dot-cao-diem", "Kết quả đợt cao điểm"),
        ("h3", "muc-duong-day-nong-113", "Đường dây nóng 113")]


def test_a_body_h1_is_shifted_first_and_then_named():
    assert headings("# Phần một\n\n## Mục nhỏ\n") == [("h2", "muc-phan-mot", "Phần một"),
                                                        ("h3", "muc-muc-nho", "Mục nhỏ")]


def test_the_same_heading_twice_gets_two_ids_and_an_authors_id_is_kept():
    found = headings("## Kết quả\n\n## Kết quả\n\n## Tổng hợp {#ket-qua-chung}\n\n## Kết quả\n")
    assert [anchor for _, anchor, _ in found] == ["muc-ket-qua", "muc-ket-qua-2", "ket-qua-chung", "muc-ket-qua-3"]


def test_a_heading_never_takes_an_id_the_layout_uses():
    # The layouts name #noi-dung, #tin-lien-quan, #lien-he…; body headings all start with "muc-".
    found = headings("## Nội dung\n\n## Tin liên quan\n\n## Liên hệ\n")
    assert [anchor for _, anchor, _ in found] == ["muc-noi-dung", "muc-tin-lien-quan", "muc-lien-he"]


def test_marks_links_and_raw_html_in_a_heading_leave_only_its_words():
    found = headings("## Kết quả *nổi bật* của [Công an xã](https://x.example.vn/) <span>năm 2026</span>\n")
    assert found[0][1] == "muc-ket-qua-noi-bat-cua-cong-an-xa-nam-2026"


def test_a_long_heading_is_cut_at_a_word_and_an_empty_one_still_has_an_id():
    long_heading = "Báo cáo " + "tổng kết công tác bảo đảm an ninh trật tự " * 4
    anchor = headings(f"## {long_heading}\n\n## ★\n")
    assert len(anchor[0][1]) <= len(sections.ID_PREFIX) + sections.MAX_SLUG
    assert anchor[0][1].startswith("muc-bao-cao-tong-ket") and not anchor[0][1].endswith("-")
    assert anchor[1][1] == "muc"


def test_contents_list_second_level_headings_with_the_third_level_under_them():
    html = MarkupConverter({}).convert(make("content/a.md", (
        "Mở đầu.\n\n### Trước mục đầu\n\n## Một &amp; hai\n\n### Một phẩy một\n\n### Một phẩy hai\n\n"
        "## Hai\n\n#### Quá sâu, không liệt kê\n"))).html
    assert sections.sections(html) == [
        sections.Section("muc-truoc-muc-dau", "Trước mục đầu"),
        sections.Section("muc-mot-hai", "Một & hai", (sections.Section("muc-mot-phay-mot", "Một phẩy một"),
                                                       sections.Section("muc-mot-phay-hai", "Một phẩy hai"))),
        sections.Section("muc-hai", "Hai")]


def test_a_heading_without_words_is_no_entry_of_the_contents():
    """`##` alone on its line is an empty heading: its "Mục lục" entry was a link with nothing to
    read (a screen reader said "liên kết" and no more) or tap, a blank numbered line."""
    html = MarkupConverter({}).convert(make("content/a.md", "## Một\n\nA.\n\n##\n\nB.\n\n## Hai\n\n## Ba\n")).html
    assert sections.sections(html) == [sections.Section("muc-mot", "Một"), sections.Section("muc-hai", "Hai"),
                                       sections.Section("muc-ba", "Ba")]
    two = MarkupConverter({}).convert(make("content/a.md", "## Một\n\n##\n\n## Hai\n")).html
    assert sections.sections(two) == []  # two headings with words: no contents, as for any two
    # (`##` alone is left out of the body by now: HeadingIds; a heading that is a picture alone stays)
    pictured = MarkupConverter({}).convert(make("content/a.md", "## Một\n\n## ![](https://bocongan.gov.vn/logo.png)\n\n"
                                                               "## Hai\n\n## Ba\n")).html
    assert [entry.text for entry in sections.sections(pictured)] == ["Một", "Hai", "Ba"]


def test_a_heading_of_marks_alone_is_left_out_of_the_body():
    """A blank <h2>: a screen reader's reader, going from heading to heading, landed on nothing."""
    assert headings("Mở đầu.\n\n##\n\nA.\n\n### \n\n## Hai\n") == [("h2", "muc-hai", "Hai")]


def test_a_line_of_one_mark_alone_moves_no_heading_down():
    """`#` alone on its line (left out, as `##` is) moved every heading a level down: the parts were
    <h3> right under the page's <h1>, a level skipped, and the Mục lục put the second and third
    parts under the first."""
    assert headings("Mở đầu.\n\n#\n\n## Phần một\n\nA.\n\n### Mục\n\n## Phần hai\n") == [
        ("h2", "muc-phan-mot", "Phần một"), ("h3", "muc-muc", "Mục"), ("h2", "muc-phan-hai", "Phần hai")]
    html = MarkupConverter({}).convert(make("content/a.md", "#\n\n## Một\n\n## Hai\n\n## Ba\n")).html
    assert "<h1" not in html
    assert [entry.text for entry in sections.sections(html)] == ["Một", "Hai", "Ba"]


def test_a_heading_of_a_non_breaking_space_alone_is_left_out_as_marks_alone_are():
    """`## &nbsp;` (a blank line kept as HTML writes it) was a blank <h2 id="muc">, where a screen
    reader's reader going from heading to heading landed on nothing; `# &nbsp;` moved every heading down."""
    assert headings("Mở đầu.\n\n## &nbsp;\n\nA.\n\n# &#160; \n\n## Hai\n\n### Mục &nbsp;\n") == [
        ("h2", "muc-hai", "Hai"), ("h3", "muc-muc", "Mục \xa0")]


def test_a_heading_pasted_as_html_without_words_is_left_out_as_marks_alone_are():
    """<h2>&nbsp;</h2> pasted from Word (an empty line in a heading's style) stayed a blank heading, where
    a screen reader's reader going from heading to heading landed on nothing; <h1>&nbsp;</h1> moved
    every heading of the body down a level, "## Hai" an <h3> right under the page's <h1>."""
    assert headings('Mở đầu.\n\n<h1>&nbsp;</h1>\n\n## Hai\n\n<h3><span style="color:red">&nbsp;</span></h3>\n\n'
                    '<h2><strong><br></strong></h2>\n<p>Câu.</p>\n\n<h3>Ba</h3>\n') == [
        ("h2", "muc-hai", "Hai"), ("h3", "muc-ba", "Ba")]
    # One with an id of its own is kept, as `## &nbsp; {#ket-qua}` is: a link of the body leads there.
    assert headings('Xem [kết quả](#ket-qua).\n\n<h2 id="ket-qua">&nbsp;</h2>\n<p>Bắt 12 đối tượng.</p>\n\n'
                    '<h2 data-id="x">&nbsp;</h2>\n\n## Hai\n') == [("h2", "ket-qua", "\xa0"), ("h2", "muc-hai", "Hai")]


def test_a_short_article_has_no_contents():
    html = MarkupConverter({}).convert(make("content/a.md", "## Một\n\nA.\n\n## Hai\n\nB.\n")).html
    assert sections.sections(html) == []


def test_layout_ids_are_every_id_the_theme_writes():
    from generator.render import DEFAULT_LAYOUTS
    from generator.sections import LAYOUT_IDS
    written = {found for path in DEFAULT_LAYOUTS.rglob("*.html")
               for found in re.findall(r'\bid="([^"{]+)"', path.read_text(encoding="utf-8"))}
    assert written == LAYOUT_IDS


def test_an_id_an_editor_wrote_never_takes_one_of_the_layout():
    from tests.unit.test_images import make_article
    body = ('Lên [phần liên hệ](#lien-he) hoặc [mục khác](#ket-qua).\n\n## Liên hệ {#lien-he}\n\nChữ.\n\n'
            '<div id="noi-dung">Dán từ Word</div>\n\n<p id="ket-qua">Kết quả</p>\n')
    html = MarkupConverter({}).convert(make_article(body)).html
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert ids == ["muc-lien-he", "muc-noi-dung", "ket-qua"]
    assert re.findall(r'href="([^"]+)"', html) == ["#muc-lien-he", "#ket-qua"]


def test_a_space_or_line_break_written_as_html_in_a_heading_parts_its_words_in_its_id_and_contents():
    """`## Kết&nbsp;quả` and `## Kết<br>quả` were `#muc-ketqua` (the "Mục lục" entry "Kếtquả" for the
    second), where `## Kết quả` is `#muc-ket-qua`: a link written to #ket-qua led nowhere."""
    html = MarkupConverter({}).convert(make("content/a.md", (
        "## Kết&nbsp;quả\n\nA.\n\n## Đợt<br>hai\n\nB.\n\n## A&amp;B\n\n## Kết <b>luận</b> chung\n\n"
        "Xem [kết quả](#ket-qua).\n"))).html
    assert [(entry.id, entry.text) for entry in sections.sections(html)] == [
        ("muc-ket-qua", "Kết quả"), ("muc-dot-hai", "Đợt hai"), ("muc-a-b", "A&B"), ("muc-ket-luan-chung", "Kết luận chung")]
    assert 'href="#muc-ket-qua"' in html


def test_a_heading_pasted_as_html_is_named_and_listed_as_a_written_one():
    """<h2>Kết quả</h2> pasted from the old portal had no id: no anchor to share, no "Mục lục" entry,
    and a link written to it (#ket-qua, #muc-ket-qua) was told as leading nowhere."""
    result = MarkupConverter({}).convert(make("content/a.md", (
        "Xem [kết quả](#ket-qua) và [phần cuối](#muc-ket-qua-3).\n\n## Tình hình\n\nA.\n\n<h2>Kết quả</h2>\n\nB.\n\n"
        "<h2 class=\"tieu-de\"><strong>Kết&nbsp;quả</strong></h2>\n<p>C.</p>\n\n## Kết quả\n\n"
        "<h3 id=\"rieng\">Mục riêng</h3>\n\n<h3 id=\"\">Mục trống</h3>\n\n<h3 id=\" \">Mục cách</h3>\n\n<h2> </h2>\n\n<!-- <h2>Tin cũ</h2> -->\n")))
    soup = BeautifulSoup(result.html, "html.parser")
    assert [(h.name, h.get("id"), " ".join(h.get_text().split())) for h in soup.find_all(["h2", "h3"])] == [
        ("h2", "muc-tinh-hinh", "Tình hình"), ("h2", "muc-ket-qua", "Kết quả"), ("h2", "muc-ket-qua-2", "Kết quả"),
        ("h2", "muc-ket-qua-3", "Kết quả"), ("h3", "rieng", "Mục riêng"),
        ("h3", "muc-muc-trong", "Mục trống"), ("h3", "muc-muc-cach", "Mục cách")]
    assert [(entry.id, entry.text, [child.id for child in entry.children])
            for entry in sections.sections(result.html)] == [
        ("muc-tinh-hinh", "Tình hình", []), ("muc-ket-qua", "Kết quả", []), ("muc-ket-qua-2", "Kết quả", []),
        ("muc-ket-qua-3", "Kết quả", ["rieng", "muc-muc-trong", "muc-muc-cach"])]
    assert [a["href"] for a in soup.find_all("a")] == ["#muc-ket-qua", "#muc-ket-qua-3"]
    assert result.problems == ()
