"""A table written right under its lead-in line, or with text right under it, is a table
(as GitHub reads it): Python-Markdown made it a paragraph of pipes and dashes."""
from bs4 import BeautifulSoup

from generator.markup import MarkupConverter

_WITH = MarkupConverter({})
_WITHOUT = MarkupConverter({})
_WITHOUT.md.preprocessors.deregister("written_tables")


def _blocks(body: str, converter=_WITH) -> list[tuple[str, str]]:
    soup = BeautifulSoup(converter.md.reset().convert(body), "html.parser")
    return [(node.name, node.get_text("|", strip=True)) for node in soup.find_all(True, recursive=False)]


def test_a_table_under_its_lead_in_and_above_text_stands_apart():
    body = "Kết quả:\n| Đơn vị | Số vụ |\n|---|---:|\n| Huyện A | 12 |\nĐoạn sau."
    assert _blocks(body) == [("p", "Kết quả:"), ("table", "Đơn vị|Số vụ|Huyện A|12"), ("p", "Đoạn sau.")]
    assert _blocks("Bảng:\nĐơn vị | Số vụ\n--- | ---\nA | 1") == [("p", "Bảng:"), ("table", "Đơn vị|Số vụ|A|1")]
    assert _blocks("- mục\n| a | b |\n|---|---|\n| 1 | 2 |") == [("ul", "mục"), ("table", "a|b|1|2")]


def test_what_is_not_a_table_is_left_as_it_was():
    for body in ("Tiêu đề | phụ\n---",  # a heading underlined, no pipe in the dashes
                 "a | b | c\n|---|---|\n| 1 | 2 |",  # three cells over two: not a table (GitHub's rule)
                 "Đoạn có | dấu gạch\nvà dòng sau",
                 "| a | b |\n|---|---|\n| 1 | 2 |\n\nĐoạn.",  # written as Python-Markdown wants it
                 "```\nx:\n| a | b |\n|---|---|\n```",
                 "    $ mã\n    | a | b |\n    |---|---|"):  # code (indented text is a paragraph)
        assert _blocks(body) == _blocks(body, _WITHOUT), body
