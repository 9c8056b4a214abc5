"""Editors read Vietnamese by default; codes and locations never change."""
from __future__ import annotations

import re
from pathlib import Path

from generator import messages
from generator.diagnostics import error, warning
from generator.images import computer_path_problem

GENERATOR = Path(__file__).resolve().parents[2] / "generator"


def codes_in_source() -> set[str]:
    """Every problem code a stage can emit, read from the code itself."""
    found = set()
    for path in GENERATOR.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        calls = r"(?:error|warning|fail)\((?:[^()]|\([^()]*\))*?\"([a-z]+(?:-[a-z0-9]+)+)\""
        found |= set(re.findall(calls, text))
        if 'f"unknown-{key}"' in text or 'f"unknown-{kind}"' in text:
            found |= {"unknown-unit", "unknown-category", "unknown-campaign"}
    return found


def test_every_problem_code_has_vietnamese_wording():
    codes = codes_in_source()
    assert {"bad-date", "broken-link", "missing-image", "skipped-heading-level"} <= codes
    assert sorted(codes - set(messages.PROBLEMS)) == []


def test_problem_lines_keep_location_severity_and_code_in_both_languages():
    problem = error("content/a.md", 4, "unknown-unit",
                    "unknown unit 'cong an tnh'; did you mean 'Công an tỉnh'?")
    assert messages.describe(problem, "en") == str(problem)
    assert messages.describe(problem, "vi") == (
        "content/a.md:4: error[unknown-unit]: không có đơn vị 'cong an tnh'; có phải ý bạn là 'Công an tỉnh'?")


def test_unmatched_english_wording_still_reads_vietnamese_first():
    problem = warning("site.toml", 2, "bad-value", "'per_pag' is odd")
    assert messages.describe(problem, "vi") == "site.toml:2: warning[bad-value]: giá trị không hợp lệ: 'per_pag' is odd"


def test_every_bad_value_in_site_toml_is_explained_in_vietnamese():
    from generator.config import parse_config
    raw = {"title": " ", "base_url": "congan.vn", "timezone": "Sao Hỏa", "per_page": 0, "related_count": 5000,
           "links": [{"name": "x", "url": "javascript:alert(1)"}],
           "security": {"iframe_hosts": ["http://youtube.com/"]},
           "images": {"widths": [1], "formats": ["gif"], "quality": 0, "max_megapixels": 0,
                      "thumbnail_ratio": "rộng", "focal_point": "giữa"}}
    _, problems = parse_config(raw)
    assert len(problems) == 13 and {p.code for p in problems} == {"bad-value"}
    for problem in problems:
        vietnamese = messages.problem_message(problem, "vi")
        assert not vietnamese.startswith("giá trị không hợp lệ") and " must " not in vietnamese, vietnamese


def test_left_out_summary_names_each_reason():
    counts = {"draft": 2, "future": 1, "expired": 0}
    assert messages.left_out(counts, "vi") == ", bỏ qua 2 bản nháp, 1 bài hẹn giờ đăng"
    assert messages.left_out(counts, "en") == ", 2 draft(s) left out, 1 scheduled article(s) left out"
    assert messages.left_out({}, "vi") == ""


def test_language_choice_prefers_the_flag_then_the_site():
    assert messages.pick_language("en", "vi") == "en"
    assert messages.pick_language(None, "vi-VN") == "vi"
    assert messages.pick_language(None, "fr") == "vi"
    assert messages.seconds(0.126, "vi") == "0,13" and messages.seconds(0.126, "en") == "0.13"


def test_the_search_part_of_the_summary_says_which_parts_were_updated_or_redone():
    from generator.search import SearchReport
    assert messages.search_done(SearchReport(indexed=0, shards=16), "vi") == ", chỉ mục tìm kiếm giữ nguyên"
    assert messages.search_done(SearchReport(indexed=1, shards=16, spliced=1), "vi") == \
        ", chỉ mục tìm kiếm: cập nhật 1/16 phần"
    assert messages.search_done(SearchReport(indexed=16, shards=16), "vi") == ", chỉ mục tìm kiếm: làm lại 16/16 phần"
    assert messages.search_done(SearchReport(indexed=3, shards=16, spliced=1), "en") == \
        ", search index: 2 redone and 1 updated of 16 part(s)"
    # Parts whose bundle the build cache kept (a build into a new output folder: CI).
    assert messages.search_done(SearchReport(indexed=16, shards=16, spliced=1, restored=15), "vi") == \
        ", chỉ mục tìm kiếm: cập nhật 1, lấy từ bộ nhớ đệm 15/16 phần"
    assert messages.search_done(SearchReport(indexed=16, shards=16, restored=16), "en") == \
        ", search index of 16 part(s): 16 taken from the build cache"
    assert messages.search_done(SearchReport(indexed=16, shards=16, spliced=1, restored=13), "en") == \
        ", search index of 16 part(s): 2 redone, 1 updated and 13 taken from the build cache"


def test_wrong_types_and_slugs_in_site_toml_are_explained_in_vietnamese():
    from generator.config import parse_config
    raw = {"title": "t", "base_url": "https://x.vn/", "per_page": 2.5, "contact": "0221", "links": "x",
           "campaigns": {"Dan_Van": {"name": "x"}, "ok": "x"},
           "images": {"widths": "320", "thumbnail_ratio": 3, "formats": "jpeg"},
           "security": {"iframe_hosts": "youtube.com"}}
    _, problems = parse_config(raw)
    assert len(problems) == 9
    for problem in problems:
        vietnamese = messages.problem_message(problem, "vi")
        assert not vietnamese.startswith(("giá trị sai kiểu", "không tạo được")) and " must " not in vietnamese, vietnamese
        assert "None" not in vietnamese, vietnamese


def test_a_path_on_the_editors_computer_is_told_in_vietnamese_with_the_name_to_write():
    for what, vietnamese in (("the cover image", "ảnh đại diện"), ("the image", "ảnh"), ("the link", "liên kết")):
        problem = computer_path_problem("content/a.md", 6, what, r"C:\Users\bientap\Ảnh\Ra quân.jpg")
        assert messages.describe(problem, "vi") == (
            f"content/a.md:6: error[path-on-computer]: {vietnamese} 'C:\\Users\\bientap\\Ảnh\\Ra quân.jpg' là tệp "
            "trên máy tính của bạn, bạn đọc không mở được: hãy chép tệp vào thư mục của bài viết và ghi tên tệp "
            "('Ra quân.jpg')")


def test_a_link_to_no_part_of_the_article_is_told_in_vietnamese_with_its_anchors():
    listed = warning("content/a.md", 8, "broken-anchor", "the link '#_Toc101' leads to no part of this article: a tap on "
                     "it does nothing; its headings and anchors are #muc-i-tinh-hinh-chung, #_Toc102")
    assert messages.describe(listed, "vi") == (
        "content/a.md:8: warning[broken-anchor]: liên kết '#_Toc101' không dẫn tới phần nào của bài: bấm vào không có "
        "tác dụng; các tiêu đề và mốc của bài là #muc-i-tinh-hinh-chung, #_Toc102")
    bare = warning("content/a.md", 8, "broken-anchor", "the link '#muc-luc' leads to no part of this article: a tap on "
                   "it does nothing; it has no heading to link to")
    assert messages.problem_message(bare, "vi").endswith("bài không có tiêu đề nào để liên kết tới")


def test_a_name_holding_a_hash_or_a_control_character_is_told_in_vietnamese():
    from generator import confine
    from generator.index import _text
    link = error("content/a/index.md", 8, "broken-link", "the link 'Báo cáo #1.pdf' points to nothing the site "
                 f"publishes; {confine.marks_in_name('Báo cáo #1.pdf')}")
    assert messages.problem_message(link, "vi").endswith("hãy đổi tên tệp bỏ các dấu đó, hoặc viết 'Báo cáo %231.pdf'")
    photo = error("content/a/index.md", 9, "missing-image", "the image 'ảnh #2.jpg' is read as 'content/a/ảnh ', "
                  f"which does not exist; {confine.marks_in_name('ảnh #2.jpg')}")
    assert messages.problem_message(photo, "vi").startswith("không tìm thấy ảnh 'ảnh #2.jpg': tên tệp có dấu '#'")
    said = []
    assert _text({"title": "Bài\x0bthử"}, "title", lambda key, code, text: said.append(error("a.md", 2, code, text))) is None
    assert messages.problem_message(said[0], "vi") == ("'title' có ký tự điều khiển vô hình U+000B, viết bằng dấu \\ "
                                                       "trong ngoặc kép; tin RSS/Atom không chứa được ký tự này: hãy xóa nó")


def test_a_link_to_a_part_of_another_article_is_told_in_vietnamese():
    from generator.anchors import dead_part_links
    from datetime import datetime, timezone
    from generator.model import Article
    linked = Article(source="content/a/dich.md", title="Bài đích", url="/a/dich/", slug="dich", units=("u",),
                     category="a", campaigns=(), date=datetime(2026, 1, 2, tzinfo=timezone.utc), has_time=False)
    links = {"content/a/nguon.md": (("dich.md#khong-co", 7, "content/a/dich.md", "khong-co"),
                                    ("dich.md#ket-qua", 8, "content/a/dich.md", "ket-qua"))}
    problems = dead_part_links(links, [linked], lambda article: '<h2 id="muc-ket-qua">Kết quả</h2>')
    assert [messages.problem_message(p, "vi") for p in problems] == [
        "liên kết 'dich.md#khong-co' không dẫn tới phần nào của bài 'Bài đích': bấm vào chỉ mở đầu bài đó; các tiêu "
        "đề và mốc của bài là #muc-ket-qua",
        "liên kết 'dich.md#ket-qua' không dẫn tới phần nào của bài 'Bài đích': bấm vào chỉ mở đầu bài đó; hãy viết "
        "'dich.md#muc-ket-qua', theo tên của tiêu đề"]


def test_a_told_problem_is_one_terminal_line_in_both_languages():
    """A front-matter key "\\r" (found by the property tests) was told with its carriage return:
    on a terminal the rest of the line overwrote its start."""
    problem = warning("content/tin-hoat-dong/bai.md", 6, "unknown-key", "unknown front-matter key '\r'")
    for lang in ("en", "vi"):
        told = messages.describe(problem, lang)
        assert told.splitlines() == [told] and "'\\x0d'" in told, told
    assert messages.describe(problem, "en") == str(problem)


def test_nothing_published_tells_the_first_article_due_in_vietnamese_too():
    """The Vietnamese line left out when the first scheduled article comes due, which the English
    one names: the editor had no date to compare with the build's moment."""
    from datetime import datetime, timedelta, timezone

    from generator.index import nothing_published

    zone = timezone(timedelta(hours=7))
    now = datetime(2020, 1, 1, 7, 0, tzinfo=zone)
    due = datetime(2026, 1, 21, 2, 30, tzinfo=timezone.utc)
    scheduled, = nothing_published([], {"future": 2}, now, due)
    expired, = nothing_published([], {"expired": 3}, now, None)
    assert messages.problem_message(scheduled, "vi").startswith(
        "không bài viết nào được đăng tại thời điểm dựng, 2020-01-01 07:00: 2 bài hẹn giờ đăng sau đó "
        "(bài đầu tiên lúc 2026-01-21 09:30), 0 bài đã hết hạn; ")
    assert messages.problem_message(expired, "vi").startswith(
        "không bài viết nào được đăng tại thời điểm dựng, 2020-01-01 07:00: 0 bài hẹn giờ đăng sau đó, 3 bài đã hết hạn; ")


def test_common_jinja_syntax_errors_in_a_layout_are_told_in_vietnamese():
    """A webmaster's slip in a layout was told in Jinja's English ("expected token 'end of print
    statement', got 'page'"); the common ones read Vietnamese, a rare one stays as Jinja wrote it."""
    import jinja2

    def told(source: str) -> str:
        try:
            jinja2.Environment().parse(source)
        except jinja2.TemplateSyntaxError as exc:
            problem = error("layouts/partials/footer.html", exc.lineno, "layout-error",
                            f"layout syntax error: {exc.message}")
            assert messages.describe(problem, "en") == str(problem)
            return messages.describe(problem, "vi").removeprefix(
                "layouts/partials/footer.html:1: error[layout-error]: tệp giao diện (layout) viết sai cú pháp: ")
        raise AssertionError(source)

    assert told("<p>{{ page.title page.date }}</p>") == "chỗ này cần }} nhưng lại gặp 'page'"
    assert told("<p>{{ page.title( }}</p>") == "gặp '}' ở chỗ cần ')': một dấu ngoặc mở chưa được đóng"
    assert told("{{ page.title }") == "gặp '}' không đúng chỗ"
    assert told("{% if page.title = 1 %}{% endif %}") == "chỗ này cần %} nhưng lại gặp '='"
    assert told("{{ }}") == "thiếu một giá trị (tên biến, chữ hoặc số) trước }}"
    assert told("{% endif %}") == "thẻ {% endif %} không đóng thẻ nào: không có {% if %} nào đang mở"
    assert told("{% foo %}") == "không có thẻ {% foo %} (sai tên lệnh?)"
    assert told("{{ 'abc }}") == "ký tự ' không đúng chỗ: một dấu nháy chưa được đóng"
    assert told("{{ page..title }}") == "sau dấu chấm cần một tên hoặc một số"
    rare = error("layouts/a.html", 1, "layout-error", "layout syntax error: Invalid character in identifier")
    assert messages.describe(rare, "vi").endswith("viết sai cú pháp: Invalid character in identifier")
    left_open = error("layouts/a.html", 3, "layout-error", "layout syntax error: {% here is never closed with %}: "
                      "Jinja read on into line 4 (expected token 'end of statement block', got '<')")
    assert messages.describe(left_open, "vi").endswith(
        "thẻ {% ở dòng này chưa được đóng bằng %}: Jinja đọc tiếp sang dòng 4 (chỗ này cần %} nhưng lại gặp '<')")


def test_an_else_or_elif_out_of_place_in_a_layout_is_not_told_it_is_no_tag():
    """`{% else %}` twice in an if, or outside any: Jinja calls it an unknown tag, and the message
    said "không có thẻ {% else %} (sai tên lệnh?)", sending the webmaster to look for a misspelling."""
    import jinja2

    def told(source: str) -> str:
        try:
            jinja2.Environment().parse(source)
        except jinja2.TemplateSyntaxError as exc:
            return messages.describe(error("layouts/a.html", exc.lineno, "layout-error",
                                           f"layout syntax error: {exc.message}"), "vi").split("cú pháp: ", 1)[1]
        raise AssertionError(source)

    assert told("{% if a %}{% else %}{% else %}{% endif %}") == (
        "thẻ {% else %} đặt sai chỗ: chỉ viết được một lần, bên trong {% if %} … {% endif %} hoặc {% for %} … "
        "{% endfor %}; ở đây Jinja đang chờ {% endif %}")
    assert told("<p>{% elif a %}</p>") == (
        "thẻ {% elif %} đặt sai chỗ: chỉ viết được bên trong {% if %} … {% endif %}, trước {% else %}")
    assert "sai tên lệnh" in told("{% end %}") and "{%  %}" not in told("{% end %}")


def test_a_misspelt_filter_or_test_in_a_layout_is_told_in_vietnamese():
    """`{{ config.title | uppper }}`, the commonest slip in a layout, was told in English inside the
    Vietnamese line ("No filter named 'uppper'. Did you mean 'upper'?")."""
    from generator.layout_problems import no_such_detail

    def told(detail: str) -> str:
        problem = error("layouts/a.html", 1, "layout-error", f"layout syntax error: {detail}")
        return messages.describe(problem, "vi").split("cú pháp: ", 1)[1]

    assert told(no_such_detail("filter", "uppper")) == (
        "không có bộ lọc (filter) nào tên 'uppper'; có phải ý bạn là 'upper'?")
    assert told(no_such_detail("test", "strng")) == (
        "không có phép thử (test) nào tên 'strng'; có phải ý bạn là 'string'?")
    assert told(no_such_detail("filter", "zzqx")) == "không có bộ lọc (filter) nào tên 'zzqx'"
