from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup

from generator import messages
from generator.diagnostics import sort_problems
from generator.markup import MarkupConverter, derive_summary
from generator.model import Article


def make(source, body, url="/c/a/"):
    return Article(source=source, title="t", date=datetime(2026, 1, 1, tzinfo=ZoneInfo("UTC")), has_time=False,
                   units=("u",), category="c", campaigns=(), slug="a", url=url, body=body, body_line=6)


def test_links_to_article_files_become_urls():
    converter = MarkupConverter({"content/c/b/index.md": "/c/b/"})
    result = converter.convert(make("content/c/a/index.md", "Xem [bài B](../b/index.md#phan-2)."))
    assert BeautifulSoup(result.html, "html.parser").a["href"] == "/c/b/#phan-2"
    assert result.problems == ()


def test_a_link_to_a_missing_article_is_an_error_on_its_line():
    converter = MarkupConverter({})
    result = converter.convert(make("content/c/a/index.md", "Dòng một.\n\nXem [bài](../khong-co/index.md)."))
    assert [str(p) for p in result.problems] == [
        "content/c/a/index.md:8: error[broken-link]: the link '../khong-co/index.md' points to no article "
        "(check the path to its .md file)"]


def test_a_missing_article_linked_twice_is_told_at_both_lines():
    """Told twice at the first line, the report folded them into one: the editor mended it there
    and the next build told the second."""
    converter = MarkupConverter({})
    result = converter.convert(make("content/c/a/index.md", "Xem [bài](../khong-co/index.md).\n\n[Mục lạ](#khong-co)\n\n"
                                                            "Lại [bài](../khong-co/index.md) và [mục](#khong-co)."))
    assert sorted((p.location.line, p.code) for p in sort_problems(result.problems)) == [
        (6, "broken-link"), (8, "broken-anchor"), (10, "broken-anchor"), (10, "broken-link")]


def test_a_missing_article_linked_twice_after_a_link_shown_as_code_is_told_at_both_links():
    """A guide to writing a link shows one as code first: the two links were told at the code's
    line and the first link's, and the second link's by the next build."""
    body = ("Viết liên kết như `[bài](../khong-co/index.md)`:\n\n```\n[bài](../khong-co/index.md)\n```\n\n"
            "Xem [bài](../khong-co/index.md).\n\nLại [bài](../khong-co/index.md).")
    result = MarkupConverter({}).convert(make("content/c/a/index.md", body))
    assert sorted(p.location.line for p in result.problems if p.code == "broken-link") == [12, 14]


def test_a_clip_shown_twice_and_pasted_as_html_is_checked_at_each_line():
    body = "Đoạn.\n\n![Lễ ra quân](clip.mp4)\n\n<video controls src=\"clip.mp4\"></video>\n\n![Lễ ra quân](clip.mp4)\n"
    result = MarkupConverter({}).convert(make("content/c/a/index.md", body))
    assert sorted(result.file_links) == [("clip.mp4", 8), ("clip.mp4", 10), ("clip.mp4", 12)]


def test_body_h1_moves_below_the_page_title():
    result = MarkupConverter({}).convert(make("content/a.md", "# Phần một\n\n## Mục\n"))
    soup = BeautifulSoup(result.html, "html.parser")
    assert soup.find("h1") is None
    assert [h.name for h in soup.find_all(["h2", "h3"])] == ["h2", "h3"]


def test_a_heading_pasted_in_html_moves_below_the_page_title_with_the_others():
    """A page copied from the old portal keeps its <h1>: it was a second <h1> on the page, where a
    screen reader's user jumps to find the article's title."""
    body = "Mở đầu.\n\n<h1>Phần một</h1>\n\n## Mục\n\n<div><h2 class=\"x\">Mục con</h2></div>\n\nHết <span>bài</span>.\n"
    soup = BeautifulSoup(MarkupConverter({}).convert(make("content/a.md", body)).html, "html.parser")
    assert soup.find("h1") is None
    assert [(h.name, h.get_text()) for h in soup.find_all(["h2", "h3", "h4"])] == [
        ("h2", "Phần một"), ("h3", "Mục"), ("h3", "Mục con")]
    alone = BeautifulSoup(MarkupConverter({}).convert(make("content/a.md", "<h2>Phần</h2>\n\n### Mục\n")).html,
                          "html.parser")
    assert [h.name for h in alone.find_all(["h2", "h3"])] == ["h2", "h3"]  # no <h1>: nothing moves


def test_a_heading_in_an_html_comment_moves_no_heading_down():
    """A part of the old page the editor hid (`<!-- <h1>Tin cũ</h1> -->`), never published, made
    every heading of the body a level lower: "## Phần" was an <h3> right under the page's <h1>."""
    for body in ("<!-- <h1>Tin cũ</h1> -->\n\n## Phần\n\nChữ.\n\n### Mục\n",
                 "## Phần\n\nChữ.\n\n<!--\n<h1>Tin cũ</h1>\n<p>Chữ cũ.</p>\n-->\n\n### Mục\n"):
        soup = BeautifulSoup(MarkupConverter({}).convert(make("content/a.md", body)).html, "html.parser")
        assert [(h.name, h.get_text()) for h in soup.find_all(["h2", "h3", "h4"])][:1] == [("h2", "Phần")], body
        assert "Tin cũ" not in soup.get_text()


def test_the_title_again_atop_the_body_leaves_its_parts_at_the_second_level():
    """A document that starts with its title (the page leaves it out: the <h1> above says it) and
    has its parts under it: they were <h3> right under the page's <h1>, a level skipped."""
    for body in ("# Công an tỉnh ra quân\n\n## Phần một\n\nChữ.\n\n### Mục\n",
                 "<h1>Công an tỉnh ra quân</h1>\n\n<h2>Phần một</h2>\n\nChữ.\n\n<h3>Mục</h3>\n"):
        article = replace(make("content/a.md", body), title="Công an tỉnh ra quân")
        soup = BeautifulSoup(MarkupConverter({}).convert(article).html, "html.parser")
        assert [(h.name, h.get_text()) for h in soup.find_all(["h1", "h2", "h3", "h4"])] == [
            ("h2", "Phần một"), ("h3", "Mục")], body


def test_a_link_without_words_is_told_at_its_line():
    """`[](…)`, the words forgotten or lost in an edit: a sighted reader sees nothing to tap, and a
    screen reader reads the address out; the build said nothing."""
    body = "Mở đầu [](https://bocongan.gov.vn/a).\n\nXem [ ](https://bocongan.gov.vn/b), [đây](https://x.vn), https://y.vn.\n"
    result = MarkupConverter({}).convert(make("content/a.md", body))
    assert [str(p) for p in result.problems] == [
        f"content/a.md:{line}: warning[empty-link]: the link '{href}' has no words: readers see nothing to tap, "
        "and a screen reader reads its address; write them between the [ ]"
        for line, href in ((6, "https://bocongan.gov.vn/a"), (8, "https://bocongan.gov.vn/b"))]
    assert messages.describe(result.problems[0], "vi").endswith(
        "warning[empty-link]: liên kết 'https://bocongan.gov.vn/a' không có chữ nào: bạn đọc không thấy gì để bấm, "
        "còn trình đọc màn hình thì đọc lên địa chỉ; hãy viết chữ của liên kết giữa [ ]")


def test_a_link_without_words_pasted_as_html_is_told_at_its_line():
    """`<a href="https://…"></a>` (or spaces alone between its tags) was published as silently as
    `[](https://…)` was told: nothing to tap, and a screen reader read the address out. A link named
    by a photo or an aria-label is not one; nor one to an anchor alone (<a name>)."""
    body = ('Mở đầu.\n\n<a href="https://bocongan.gov.vn/a"></a>\n\nHai <a href="https://bocongan.gov.vn/b">  </a> ba.\n\n'
            '<a href="https://bocongan.gov.vn/c"><img src="https://x.vn/a.png" alt="Logo"></a> '
            '<a href="https://bocongan.gov.vn/d" aria-label="Bộ Công an"></a> <a name="neo"></a>\n\n'
            '<p>Xem <a href="https://bocongan.gov.vn/e">trang</a> và [](https://bocongan.gov.vn/f).</p>\n\n'
            '[](https://bocongan.gov.vn/g)\n')
    result = MarkupConverter({}).convert(make("content/a.md", body))
    assert sorted((p.location.line, p.message.split("'")[1], p.message.endswith("between <a …> and </a>"))
                  for p in result.problems if p.code == "empty-link") == [
        (8, "https://bocongan.gov.vn/a", True), (10, "https://bocongan.gov.vn/b", True), (16, "https://bocongan.gov.vn/g", False)]
    assert 'data-raw' not in result.html
    told = next(p for p in result.problems if p.location.line == 8)
    assert messages.describe(told, "vi").endswith("hãy viết chữ của liên kết giữa <a …> và </a>")


def test_a_link_without_words_is_told_at_its_own_line_after_one_with_words():
    """`[trang](X)` in the opening sentence, `[](X)` lower down: the empty-link warning named the
    opening sentence's line, where the editor found nothing to mend."""
    body = ("Xem [trang](https://bocongan.gov.vn/x) trước.\n\nHai.\n\n[](https://bocongan.gov.vn/x)\n\n"
            "Ba <https://bocongan.gov.vn/y> và [](https://bocongan.gov.vn/y).\n")
    result = MarkupConverter({}).convert(make("content/a.md", body))
    assert [(p.location.line, p.message.split("'")[1]) for p in result.problems if p.code == "empty-link"] == [
        (10, "https://bocongan.gov.vn/x"), (12, "https://bocongan.gov.vn/y")]


def test_a_link_without_words_pasted_as_html_is_told_at_its_own_line_after_one_with_words():
    """The same address linked with words above it (in a sentence or a pasted block): the warning
    named the line of that one, where the editor found nothing to mend."""
    body = ('Xem <a href="https://bocongan.gov.vn/x">trang</a> trước.\n\nHai.\n\n<p><a href="https://bocongan.gov.vn/x"></a></p>\n\n'
            '<p><a href="https://bocongan.gov.vn/y">Bộ</a></p>\n\nBa <a href="https://bocongan.gov.vn/y"> </a>.\n')
    result = MarkupConverter({}).convert(make("content/a.md", body))
    assert [(p.location.line, p.message.split("'")[1]) for p in result.problems if p.code == "empty-link"] == [
        (10, "https://bocongan.gov.vn/x"), (14, "https://bocongan.gov.vn/y")]


def test_a_link_without_words_that_is_not_published_is_told_once_for_what_it_leads_to():
    """`[](zalo://…)`, `[](C:/…)`: readers get no link at all, and the empty-link warning beside
    the dropped-link warning or the path-on-computer error said a screen reader read its address."""
    for body, code in (("Gọi [](zalo://0912345678).\n", "dropped-link"), ("Tải [](C:/Users/a/b.docx).\n", "path-on-computer")):
        result = MarkupConverter({}).convert(make("content/a.md", body))
        assert [p.code for p in result.problems] == [code], body


def test_tables_render():
    result = MarkupConverter({}).convert(make("content/a.md", "| A | B |\n|---|---|\n| 1 | 2 |\n"))
    assert BeautifulSoup(result.html, "html.parser").find("td").text == "1"


def test_summary_is_the_first_paragraph_cut_at_a_word():
    html = "<h2>x</h2><p>Sáng nay, <strong>Công an tỉnh</strong> tổ chức hội nghị.</p><p>Khác</p>"
    assert derive_summary(html) == "Sáng nay, Công an tỉnh tổ chức hội nghị."
    long = "<p>" + " ".join(["từ"] * 200) + "</p>"
    summary = derive_summary(long, 50)
    assert summary.endswith("…") and len(summary) <= 51 and not summary[:-1].endswith(" ")


def test_footnotes_speak_vietnamese_and_stay_out_of_the_summary():
    result = MarkupConverter({}).convert(make("content/a.md", "Theo số liệu thống kê[^1], tai nạn giảm.\n\n"
                                                              "[^1]: Báo cáo của Phòng CSGT."))
    page = BeautifulSoup(result.html, "html.parser")
    assert page.find("a", class_="footnote-backref")["title"] == "Trở lại chỗ chú thích 1"
    assert derive_summary(result.html) == "Theo số liệu thống kê, tai nạn giảm."


def test_the_summary_skips_a_paragraph_that_holds_only_a_photo():
    html = '<p><a href="/a.jpg"><picture><img alt="Ảnh" src="/a.jpg"></picture></a></p><p>Sáng nay, hội nghị.</p>'
    assert derive_summary(html) == "Sáng nay, hội nghị."


def test_a_body_without_a_paragraph_is_summarised_from_its_text():
    """A notice that is only a list or a table still gets a description (search engines and
    social cards show an empty one as nothing at all)."""
    html = "<h2>Lịch tiếp công dân</h2><ul><li>Thứ Hai: Giám đốc</li><li>Thứ Năm: Phó Giám đốc</li></ul>"
    assert derive_summary(html) == "Lịch tiếp công dân; Thứ Hai: Giám đốc; Thứ Năm: Phó Giám đốc"
    assert derive_summary("") == ""


def test_a_lead_in_line_is_summarised_with_the_list_it_opens():
    """"Các nội dung chính:" alone tells a reader of a card or a search result nothing."""
    body = "Các nội dung chính:\n- Tuyên truyền\n  - cho học sinh\n- Tuần tra ban đêm.\n\nĐoạn sau.[^1]\n\n[^1]: Chú thích."
    html = MarkupConverter({}).convert(make("content/a.md", body)).html
    assert derive_summary(html) == "Các nội dung chính: Tuyên truyền; cho học sinh; Tuần tra ban đêm."
    assert derive_summary("<p>Sáng nay:</p><p>Hội nghị.</p>") == "Sáng nay:"  # no list: the paragraph as it is


def test_a_body_gone_from_the_cache_is_converted_again(tmp_path, monkeypatch):
    from generator import cache as cache_module
    from generator.cache import BuildCache
    from generator.markup import BLOB_KIND, convert_articles
    articles = [make("content/c/a.md", "Thân bài A.", url="/c/a/"), make("content/c/b.md", "Thân bài B.", url="/c/b/")]
    for listing in (False, True):  # a stat per body, and one listing of the cache for many
        monkeypatch.setattr(cache_module, "LISTING_PAYS_ABOVE", 1000 if not listing else 0)
        cache = BuildCache(tmp_path / str(listing))
        first, _ = convert_articles(articles, cache=cache, jobs=1)
        blob = cache.root / BLOB_KIND / first[0].html_key[:2] / first[0].html_key
        blob.unlink()
        again, _ = convert_articles(articles, cache=cache, jobs=1)
        assert again[0].html_key == first[0].html_key and blob.is_file()
        assert cache.get_text(BLOB_KIND, again[0].html_key) == "<p>Thân bài A.</p>"


def test_a_summary_written_with_markdown_marks_reads_as_plain_text():
    """The lead goes to lists, feeds, search and the meta description as plain text: an editor's
    **bold** or [link](…) is read, not shown as typed; what is not Markdown stays as written."""
    from generator.markup import plain_summary
    assert plain_summary("Công an tỉnh **ra quân** đợt _cao điểm_, [xem](../bai.md) thêm") == \
        "Công an tỉnh ra quân đợt cao điểm, xem thêm"
    for kept in ("Bình thường, không dấu sao", "<script>alert(1)</script> & “x”", "#ANTT ra quân **mạnh**"[:12],
                 "Tỷ lệ 3*4 = 12"):
        assert plain_summary(kept) == kept
    assert plain_summary("#ANTT ra quân **mạnh**") == "#ANTT ra quân mạnh"  # a hashtag, not a heading
    assert plain_summary("2026. Năm **mới**") == "2026. Năm mới"  # not a numbered list
    # A correction's old figure is struck in the body, and left out of the lead as the body's own is.
    assert plain_summary("Thu giữ ~~120~~ 12 tỷ đồng tiền hàng") == "Thu giữ 12 tỷ đồng tiền hàng"
    assert plain_summary("Từ 10~20 người, ~ 30 %") == "Từ 10~20 người, ~ 30 %"


def test_a_summary_an_old_portal_exported_as_html_reads_as_its_words():
    """An old CMS's lead (Joomla's introtext, a PHP portal's "mo_ta") is HTML, as its editor
    formatted it: readers saw "<p>", "<strong>" and "&nbsp;" as typed on the page, every card
    and the shared link's description. Its words are read; anything else stays as written."""
    from generator.markup import plain_summary
    assert plain_summary('<p style="text-align: justify;"><strong>(CATB) - </strong>Sáng 1/6, Công an huyện '
                         '<span style="font-size:14px">Vũ Thư</span> ra mắt mô hình<br />"Camera an ninh".</p>'
                         '<p>Đoạn hai.</p>') == '(CATB) - Sáng 1/6, Công an huyện Vũ Thư ra mắt mô hình "Camera an ninh". Đoạn hai.'
    assert plain_summary("<P><FONT face=Arial>Hội nghị <B>tổng kết</B></FONT></P>") == "Hội nghị tổng kết"
    for kept in ("<script>alert(1)</script> & “x”", 'Thông báo <số 12> về "x"', "a <img src=x onerror=alert(1)>"):
        assert plain_summary(kept) == kept


def test_a_long_summary_stops_at_a_sentence_or_a_clause_and_never_inside_a_quotation():
    """Vietnamese words are syllables parted by spaces: cut at the last space before the limit,
    a card read "… tạm giữ 9 đối…" ("đối tượng") and "… với chủ đề “Học tập … làm việc…" (a
    quotation never closed)."""
    sentence = "<p>Công an tỉnh đã triệt phá đường dây đánh bạc qua mạng. Lực lượng chức năng tạm giữ 9 đối tượng.</p>"
    assert derive_summary(sentence, 80) == "Công an tỉnh đã triệt phá đường dây đánh bạc qua mạng."
    clause = "<p>Qua công tác nắm tình hình, trinh sát đã xác định ổ nhóm, tạm giữ 9 đối tượng liên quan.</p>"
    assert derive_summary(clause, 70) == "Qua công tác nắm tình hình, trinh sát đã xác định ổ nhóm…"
    quoted = "<p>Chi bộ tổ chức sinh hoạt chuyên đề với chủ đề “Học tập phong cách ứng xử của Bác trong công tác”.</p>"
    assert derive_summary(quoted, 70) == "Chi bộ tổ chức sinh hoạt chuyên đề với chủ đề…"
    early = "<p>Chủ đề “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trong công tác bảo đảm an ninh”.</p>"
    summary = derive_summary(early, 60)
    assert summary.endswith("…”") and summary.count("“") == summary.count("”")


def test_a_bold_mark_never_closed_is_told_at_its_line_and_readers_saw_the_asterisks():
    """"Đây là **điểm quan trọng." published the two asterisks and no bold, without a word. A
    paragraph's marks closed, or shown as code (`**`), or in a fenced block, are none."""
    converter = MarkupConverter({})
    body = ("**Hà Nội** – Sáng 7/12, tuần tra.\n\nĐây là **điểm quan trọng\ncần nhớ: cài quai mũ.\n\n"
            "Viết `**` để in đậm.\n\n```\na ** b\n```\n")
    result = converter.convert(make("content/c/a/index.md", body))
    assert "**điểm quan trọng" in BeautifulSoup(result.html, "html.parser").get_text()
    assert [str(p) for p in result.problems] == [
        "content/c/a/index.md:8: warning[unclosed-bold]: the '**' on this line is never closed: readers see the two "
        "asterisks and no bold text; write '**' after the words to show in bold too (or delete it)"]
    closed = converter.convert(make("content/c/a/index.md", body.replace("quan trọng\n", "quan trọng**\n")))
    assert closed.problems == ()


def test_an_unclosed_bold_mark_is_told_at_its_own_line_in_a_list_and_in_every_paragraph():
    """A list's steps in bold, one left open: the warning named the last step's line, whose marks
    are closed (each item pairs its own); a rule ("***") above an open mark was named instead of it;
    and of two paragraphs left open, the second was told only once the first was mended."""
    converter = MarkupConverter({})
    body = ("Các bước:\n- **Bước 1: chuẩn bị hồ sơ\n- **Bước 2:** nộp hồ sơ\n- **Bước 3:** nhận kết quả\n\n"
            "***\n\nĐây là **điểm quan trọng.\n\n| Việc | Hạn |\n|---|---|\n| **Nộp | 5 ngày |\n| **Nhận** | 10 ngày |\n")
    result = converter.convert(make("content/c/a/index.md", body))
    shown = BeautifulSoup(result.html, "html.parser").get_text()
    assert "**Bước 1" in shown and "**điểm" in shown and "**Nộp" in shown
    lines = body.split("\n")
    told = [p.location.line - 6 for p in result.problems if p.code == "unclosed-bold"]
    assert [lines[at] for at in told] == ["- **Bước 1: chuẩn bị hồ sơ", "Đây là **điểm quan trọng.", "| **Nộp | 5 ngày |"]


def test_a_blank_of_the_archetype_hidden_in_a_comment_does_not_stop_the_build():
    """The procedure guide published with its fee still to find out, its "## Lệ phí" and "…" hidden
    in an HTML comment to fill in later: readers never see them, and the build stopped at the "…"
    (placeholder-text), telling the editor to delete what was already hidden. One left in sight is told."""
    converter = MarkupConverter({})
    body = "## Hồ sơ\n\nĐơn đề nghị.\n\n<!--\n## Lệ phí\n\n…\n-->\n\n## Thời hạn\n\n…\n"
    result = converter.convert(make("content/c/a/index.md", body))
    assert "Lệ phí" not in BeautifulSoup(result.html, "html.parser").get_text()
    assert [(p.code, p.location.line - 6) for p in result.problems] == [("placeholder-text", body.split("\n").index("…", 8))]


def test_a_list_that_goes_on_with_an_ellipsis_is_no_blank_of_the_archetype():
    """A news article lists offences and ends the list with "- …" (and so on), or a sentence trails
    off on a line of its own: the build stopped at it, "a blank of the article's skeleton" in an
    article written without one. The archetype's blanks stand under a heading, a blank line or
    another blank, and a numbered step "…" is one wherever it stands."""
    converter = MarkupConverter({})
    body = ("Các hành vi bị xử phạt:\n\n- Không đội mũ bảo hiểm;\n- Vượt đèn đỏ;\n- …\n\n"
            "Lực lượng gồm công an xã, dân quân\n...\n")
    assert converter.convert(make("content/c/a/index.md", body)).problems == ()
    for blanks in ("## Thành phần hồ sơ\n\n- …\n- …\n", "## Trình tự\n\n1. Nộp hồ sơ\n2. …\n", "Hồ sơ:\n\n- …\n"):
        [problem] = converter.convert(make("content/c/a/index.md", blanks)).problems
        assert problem.code == "placeholder-text" and blanks.split("\n")[problem.location.line - 6].endswith("…")


def test_a_bold_mark_hidden_in_a_comment_is_no_unclosed_bold():
    """An old version of a paragraph hidden in an HTML comment, its bold left open: readers never see
    it, and it was an unclosed-bold warning (a strict build's error) beside the one they do see."""
    converter = MarkupConverter({})
    body = "Đây là **điểm quan trọng.\n\n<!--\nBản cũ: **Hà Nội** – sáng nay, **tuần tra\n-->\n\nHết.\n"
    result = converter.convert(make("content/c/a/index.md", body))
    assert [(p.code, p.location.line) for p in result.problems] == [("unclosed-bold", 6)]


def test_a_birth_year_or_a_number_masked_with_asterisks_is_no_unclosed_bold():
    """Police news masks what identifies a person: "SN 19**", "0912 345 ***", "1903****567". Each
    was an unclosed-bold warning ("write '**' after the words"), a strict build's error; a mark left
    open beside them is still told."""
    converter = MarkupConverter({})
    body = ("Đối tượng Nguyễn Văn T. (SN 19**, trú tại xã Đông Hòa).\n\nĐối tượng gọi từ số 0912 345 ***.\n\n"
            "Tiền chuyển vào tài khoản 1903****567.\n\nÔng **Nguyễn Văn A**, SN 19**, cho biết.\n")
    result = converter.convert(make("content/c/a/index.md", body))
    shown = BeautifulSoup(result.html, "html.parser").get_text()
    assert "(SN 19**," in shown and "345 ***." in shown and "1903****567" in shown and result.problems == ()
    opened = converter.convert(make("content/c/a/index.md", body + "\nĐây là **điểm quan trọng.\n"))
    assert [(p.code, p.location.line) for p in opened.problems] == [("unclosed-bold", 14)]
