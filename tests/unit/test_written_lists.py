"""Lists as editors write them (a list right under its lead-in line, items nested by two
or three spaces) are read as Hugo or Zola read them; text already written for
Python-Markdown converts exactly as before."""
from bs4 import BeautifulSoup

from generator.markup import MarkupConverter

_WITH = MarkupConverter({})
_WITHOUT = MarkupConverter({})
_WITHOUT.md.preprocessors.deregister("written_lists")


def _html(body: str, converter=_WITH) -> str:
    return converter.md.reset().convert(body)


def _outline(body: str) -> list:
    """Each top-level block: a paragraph's text, or a list as [item text, [its nested lists]]."""
    def items(lst):
        return [(li.find(string=True, recursive=True).strip(),
                 [items(sub) for sub in li.find_all(["ul", "ol"], recursive=False)]) for li in lst.find_all("li", recursive=False)]
    soup = BeautifulSoup(_html(body), "html.parser")
    return [(node.name, items(node) if node.name in ("ul", "ol") else node.get_text())
            for node in soup.find_all(True, recursive=False)]


def test_a_list_right_under_its_lead_in_line_is_a_list():
    assert _outline("Các nội dung chính:\n- Tuyên truyền\n- Tuần tra") == [
        ("p", "Các nội dung chính:"), ("ul", [("Tuyên truyền", []), ("Tuần tra", [])])]
    assert _outline("Kết quả:\n1. Bắt 5 vụ\n2. Xử lý 10 người") == [
        ("p", "Kết quả:"), ("ol", [("Bắt 5 vụ", []), ("Xử lý 10 người", [])])]
    # A tight list stays tight: no <p> inside its items.
    assert "<li><p>" not in _html("Kết quả:\n1. Bắt 5 vụ\n2. Xử lý 10 người").replace("\n", "")


def test_a_number_other_than_one_in_a_sentence_wrapped_at_it_stays_text():
    # CommonMark's rule: only a list starting at 1 may interrupt a paragraph.
    assert _outline("Kế hoạch giai đoạn 2021 -\n2025. Năm bản lề") == [("p", "Kế hoạch giai đoạn 2021 -\n2025. Năm bản lề")]


def test_items_nested_by_two_or_three_spaces_are_nested():
    body = "- Tuyên truyền\n  - cho học sinh\n  - cho người cao tuổi\n- Tuần tra\n   - ban đêm"
    assert _outline(body) == [("ul", [("Tuyên truyền", [[("cho học sinh", []), ("cho người cao tuổi", [])]]),
                                      ("Tuần tra", [[("ban đêm", [])]])])]
    numbered = "1. Chuẩn bị\n   - hồ sơ\n   - ảnh\n2. Nộp"
    assert _outline(numbered) == [("ol", [("Chuẩn bị", [[("hồ sơ", []), ("ảnh", [])]]), ("Nộp", [])])]


def test_plus_points_under_a_dash_point_are_nested_as_vietnamese_documents_mean():
    """Văn bản hành chính mark a point "-" and the points under it "+", at the same margin."""
    body = "Nhiệm vụ:\n- Tuyên truyền:\n+ cho học sinh;\n+ cho người dân.\n- Tuần tra."
    assert _outline(body) == [("p", "Nhiệm vụ:"), ("ul", [("Tuyên truyền:", [[("cho học sinh;", []),
                                                                              ("cho người dân.", [])]]),
                                                        ("Tuần tra.", [])])]
    assert _outline("+ một\n+ hai") == [("ul", [("một", []), ("hai", [])])]  # "+" alone: plain bullets


def test_the_next_lettered_point_ends_the_list_above_it():
    """"b) …" right under a list item was read as more of that item's text."""
    assert _outline("a) Nội dung:\n- một\n- hai\nb) Khác\n2) Thêm") == [
        ("p", "a) Nội dung:"), ("ul", [("một", []), ("hai", [])]), ("p", "b) Khác\n2) Thêm")]


def test_an_items_later_paragraph_indented_to_its_text_stays_in_the_item():
    body = "- Tuyên truyền\n  - cho học sinh\n\n    ở các trường\n\n  và cho người dân\n- Tuần tra\n\nĐoạn sau."
    soup = BeautifulSoup(_html(body), "html.parser")
    first, second = soup.find("ul").find_all("li", recursive=False)
    assert [p.get_text() for p in first.find_all("p", recursive=False)] == ["Tuyên truyền", "và cho người dân"]
    assert [p.get_text() for p in first.find("ul").find_all("p")] == ["cho học sinh", "ở các trường"]
    assert second.get_text(" ", strip=True) == "Tuần tra"
    assert soup.find_all(True, recursive=False)[-1].get_text() == "Đoạn sau."


def test_text_written_for_python_markdown_converts_as_before():
    for body in ("- một\n    - hai\n        - ba\n- bốn",
                 "1. một\n\n    đoạn của mục một\n\n2. hai",
                 "- mục\n\n        mã trong mục\n\nĐoạn",
                 "Đoạn\n\n    $ mã thụt lề\n    - không phải mục",  # code (indented text is a paragraph)
                 "    - mã thụt lề",
                 "Văn bản\n* * *\nkhác",
                 "Văn bản\n- - -\nkhác",
                 "> - trích dẫn\n>   - lồng",
                 "```\nđoạn\n- mã\n  - mã\n```",
                 "<div>\ndòng\n- không đụng đến\n</div>",
                 "- a\nlười\n- b",
                 "**Điều 1.** Nội dung\n**Điều 2.** Nội dung"):
        assert _html(body) == _html(body, _WITHOUT), body
