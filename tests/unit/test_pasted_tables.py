"""Cells copied from Excel, Word or Google Sheets arrive as tab-separated lines."""
import markdown
from bs4 import BeautifulSoup

from generator import pasted_tables
from generator.markup import EXTENSION_CONFIGS, EXTENSIONS


def _html(body: str) -> BeautifulSoup:
    md = markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSION_CONFIGS)
    pasted_tables.install(md)
    return BeautifulSoup(md.convert(body), "html.parser")


def _rows(soup: BeautifulSoup) -> list[list[str]]:
    return [[cell.get_text() for cell in tr.find_all(["th", "td"])] for tr in soup.find_all("tr")]


def test_cells_pasted_from_a_spreadsheet_become_a_table_with_its_header():
    soup = _html("Kết quả:\nSTT\tĐơn vị\tSố vụ\tGhi chú\n1\tCông an huyện A\t12\t\n2\tCông an | huyện B\t8\tTăng 2\n\nHết.")
    assert [p.get_text() for p in soup.find_all("p")] == ["Kết quả:", "Hết."]
    assert [th.get_text() for th in soup.select("thead th")] == ["STT", "Đơn vị", "Số vụ", "Ghi chú"]
    assert _rows(soup)[1:] == [["1", "Công an huyện A", "12", ""], ["2", "Công an | huyện B", "8", "Tăng 2"]]


def test_a_row_of_merged_cells_is_padded_and_an_empty_first_cell_kept():
    soup = _html("Đơn vị\tQuý I\tQuý II\nTổng cộng\t20\n\tCông an xã\t5\n")
    assert _rows(soup) == [["Đơn vị", "Quý I", "Quý II"], ["Tổng cộng", "20", ""], ["", "Công an xã", "5"]]


def test_what_is_not_a_pasted_table_is_left_as_markdown_reads_it():
    # one line with tabs, tab-indented code, fenced code and a list item's continuation
    for body in ("Họ tên\tChức vụ\n\nĐoạn sau.", "Mã:\n\n\tx = 1\n\ty = 2\n", "```\na\tb\nc\td\n```\n",
                 "- mục một\n\tghi chú\tthêm\n\tdòng\thai\n"):
        assert _html(body).find("table") is None, body



def test_a_very_long_pasted_line_is_read_in_linear_time():
    import time
    started = time.perf_counter()
    pasted_tables.TabSeparatedTables(None).run(["\t" + " " * 200_000 + "x"] * 4)
    assert time.perf_counter() - started < 1.0  # a backtracking regex took minutes here
