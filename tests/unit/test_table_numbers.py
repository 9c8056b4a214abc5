"""Columns of figures are marked "so" (right-aligned, narrow); telephone numbers, written
with figures but read as a directory prints them, are not."""
from bs4 import BeautifulSoup

from generator.markup import MarkupConverter

_CONVERTER = MarkupConverter({})


def _figure_columns(body: str) -> list[str]:
    """The headings of the columns marked as figures, checked cell by cell."""
    soup = BeautifulSoup(_CONVERTER.md.reset().convert(body), "html.parser")
    marked = []
    for column, heading in enumerate(soup.select("thead th")):
        cells = [row.find_all("td")[column] for row in soup.select("tbody tr")]
        classes = {"so" in (cell.get("class") or []) for cell in [heading, *cells]}
        assert len(classes) == 1, heading  # a column is marked whole or not at all
        if classes == {True}:
            marked.append(heading.get_text())
    return marked


def test_counts_percentages_and_years_are_figures():
    body = ("| STT | Đơn vị | Số vụ | Tăng/giảm | Năm |\n|---|---|---|---|---|\n"
            "| 01 | Công an huyện A | 1.234 | +12% | 2025 |\n| 02 | Công an huyện B | 8 | -3,5% | 2026 |\n")
    assert _figure_columns(body) == ["STT", "Số vụ", "Tăng/giảm", "Năm"]


def test_telephone_numbers_are_not_figures():
    by_shape = ("| Đơn vị | Trực ban | Số cán bộ |\n|---|---|---|\n"
                "| Công an huyện A | 0221.3862.124 | 12 |\n| Công an xã B | 0912 345 678 | 8 |\n")
    assert _figure_columns(by_shape) == ["Số cán bộ"]
    by_heading = ("| Lực lượng | Số điện thoại | Số vụ |\n|---|---|---|\n"
                  "| Công an | 113 | 4 |\n| Cứu hỏa | 114 | 2 |\n| Cấp cứu | 115 | 1 |\n")
    assert _figure_columns(by_heading) == ["Số vụ"]
    for heading in ("SĐT", "Đường dây nóng", "Hotline", "Fax"):
        assert _figure_columns(f"| Đơn vị | {heading} |\n|---|---|\n| A | 113 |\n") == []
