"""A paragraph indented with a Tab, as Word documents indent each paragraph, is a paragraph;
indentation Markdown gives to a list item, a footnote or a definition stays theirs."""
from bs4 import BeautifulSoup

from generator.markup import MarkupConverter

_CONVERTER = MarkupConverter({})


def _blocks(body: str) -> list[tuple[str, str]]:
    soup = BeautifulSoup(_CONVERTER.md.reset().convert(body), "html.parser")
    return [(node.name, " ".join(node.get_text(" ").split())) for node in soup.find_all(True, recursive=False)]


def test_indented_text_is_a_paragraph():
    for opening in ("Ngày 21/1", "21/1, Công an", "“Trích lời”", "(Ảnh minh họa)", "*Nghiêng*", "1900 1234"):
        assert _blocks(f"\t{opening} đoạn.\n\n    {opening} đoạn hai.") == [
            ("p", f"{opening} đoạn.".replace("*", "")), ("p", f"{opening} đoạn hai.".replace("*", ""))]
    assert _blocks("\t- một\n\t\t- hai") == [("ul", "một hai")]  # nested as written, a level up
    assert _blocks("## Kết quả\n\tTrong năm đã bắt 50 vụ.\n\tĐoạn hai.") == [
        ("h2", "Kết quả"), ("p", "Trong năm đã bắt 50 vụ. Đoạn hai.")]
    assert _blocks("- mục\n- - -\n    Đoạn sau đường kẻ") == [("ul", "mục"), ("hr", ""), ("p", "Đoạn sau đường kẻ")]


def test_code_and_what_markdown_nests_stay_as_they_were():
    assert _blocks("Đoạn\n\n    #include <stdio.h>\n\n\t<div>\n\n    { \"a\": 1 }") == [
        ("p", "Đoạn"), ("pre", '#include <stdio.h> <div> { "a": 1 }')]  # (one block of code, as before)
    assert _blocks("- mục\n\n    đoạn của mục\n\nĐoạn sau") == [("ul", "mục đoạn của mục"), ("p", "Đoạn sau")]
    assert _blocks("1. mục\n\n        mã trong mục") == [("ol", "mục mã trong mục")]
    assert _blocks("Từ\n:   Định nghĩa\n\n    đoạn của định nghĩa")[0][0] == "dl"
    assert _blocks("Chữ[^1].\n\n[^1]: Ghi chú\n\n    đoạn của ghi chú")[1] == ("div", "Tài liệu tham khảo Ghi chú đoạn của ghi chú ↩")
