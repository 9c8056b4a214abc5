"""A body's table scrolls in a region a screen reader names as it lands there."""
from bs4 import BeautifulSoup

from generator.markup import MarkupConverter
from tests.unit.test_markup import make


def _region_names(body: str) -> list[str]:
    html = MarkupConverter({}).convert(make("content/a.md", body)).html
    return [region["aria-label"] for region in BeautifulSoup(html, "html.parser").select("[role=region]")]


def test_a_statistics_table_is_named_by_its_first_column_of_words_not_its_row_numbers():
    """A report's tables open with "STT" (số thứ tự): each region was "Bảng: STT", the same name
    for every table of the report, naming none; an empty first heading gave the first cell's "1"."""
    body = ("| STT | Đơn vị | Số vụ |\n|---|---|---:|\n| 1 | Huyện A | 12 |\n\n"
            "| | Lực lượng | Số người |\n|---|---|---:|\n| 1 | Cảnh sát cơ động | 40 |\n\n"
            "<table><tr><td><b>Số TT</b></td><td><b>Tuyến đường</b></td></tr><tr><td>1</td><td>QL 39</td></tr></table>\n")
    assert _region_names(body) == ["Bảng: Đơn vị", "Bảng: Lực lượng", "Bảng: Tuyến đường"]


def test_a_row_numbers_heading_written_with_a_full_stop_names_no_table_either():
    """"TT." and "S.T.T", as many reports write them: each region was "Bảng: TT."."""
    body = ("| TT. | Đơn vị |\n|---|---|\n| 1 | Huyện A |\n\n"
            "| S.T.T | Lực lượng |\n|---|---|\n| 1 | Cảnh sát cơ động |\n\n"
            "| STT. | Tuyến đường |\n|---|---|\n| 1 | QL 39 |\n")
    assert _region_names(body) == ["Bảng: Đơn vị", "Bảng: Lực lượng", "Bảng: Tuyến đường"]


def test_a_number_in_a_table_without_headings_names_no_table():
    """A table pasted without heading cells, its first cell the row's number: its region was
    "Bảng: 1" (or "Bảng: I", "Bảng: 1.") to a screen reader, as every such table's was."""
    body = ("<table><tr><td>1</td><td>Huyện A</td><td>12</td></tr><tr><td>2</td><td>Huyện B</td><td>3</td></tr></table>\n\n"
            "<table><tr><td>I.</td><td>Công tác tuần tra</td></tr></table>\n\n"
            "<table><tr><td>1.</td><td>25</td><td>12,5%</td></tr></table>\n")
    assert _region_names(body) == ["Bảng: Huyện A", "Bảng: Công tác tuần tra", "Bảng"]
