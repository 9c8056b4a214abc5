"""Phone numbers written in an article's text become links a phone can call (phone_links.py)."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from generator.markup import MarkupConverter
from tests.unit.test_images import make_article


def links(body: str) -> list[tuple[str, str]]:
    html = MarkupConverter({}).convert(make_article(body=body)).html
    return [(a.get_text(), a["href"]) for a in BeautifulSoup(html, "html.parser").select("a.so-dien-thoai")]


@pytest.mark.parametrize("written, href", [
    ("0221 3862 124", "tel:02213862124"), ("0221.3862.124", "tel:02213862124"), ("0221-3862-124", "tel:02213862124"),
    ("0912 345 678", "tel:0912345678"), ("0912.345.678", "tel:0912345678"), ("0912345678", "tel:0912345678"),
    ("1900 1234", "tel:19001234"),
    ("(0221) 3862 124", "tel:02213862124"), ("(028) 3829 7643", "tel:02838297643"),
    ("(+84) 221 3862 124", "tel:+842213862124"), ("+84 912 345 678", "tel:+84912345678"),
    ("+84912345678", "tel:+84912345678"), ("(+84) 0912 345 678", "tel:+84912345678"),
])
def test_a_phone_number_in_the_text_is_a_link_that_calls_it(written, href):
    assert links(f"Người dân phản ánh qua số {written}, hoặc đến trụ sở.\n") == [(written, href)]


@pytest.mark.parametrize("written", [
    "001203004567",  # a citizen ID: 12 digits
    "300.000 đồng", "1.250.000", "21.01.2026", "01-01-2025", "năm 2025-2026",
    "Nghị định 168/2024/NĐ-CP", "mã hồ sơ G01.123.456-789-01", "113", "0,0221 3862",
    "84912345678",  # 84 without its "+": any number may start so
    "(0221)", "(02) 1234", "+84 9123", "Kế hoạch 125/KH-CAT", "01/12/2026", "1.500 mét",
    "+84.123.456.789 đồng", "(+84) 123 456 789",  # an increase, a number no Vietnamese phone starts so
])
def test_what_is_not_a_phone_number_is_left_as_written(written):
    assert links(f"Theo {written} đã nêu.\n") == []


def test_a_number_already_linked_in_code_or_a_heading_is_left_alone():
    body = ("## Liên hệ 0912 345 678\n\nGọi [0221 3862 124](tel:02213862124), `0912345678`.\n\n"
            "**Đường dây nóng: 0221 3862 113** (24/7); Zalo 0912 345 679.\n\n"
            "| Đơn vị | Số |\n|---|---|\n| Trực ban | 0221 3862 114 |\n")
    html = MarkupConverter({}).convert(make_article(body=body)).html
    page = BeautifulSoup(html, "html.parser")
    assert page.find("h2").find("a") is None and page.find("code").get_text() == "0912345678"
    assert [a["href"] for a in page.find_all("a")] == [
        "tel:02213862124", "tel:02213862113", "tel:0912345679", "tel:02213862114"]
    assert page.find("strong").get_text() == "Đường dây nóng: 0221 3862 113"  # the words read as before
    assert "(24/7); Zalo " in page.get_text()
