"""The Content-Security-Policy that README gives a portal's host, sent with every file: no page
may break it (an inline script or style attribute would be blocked, and the page with it)."""
from __future__ import annotations

import re

import pytest

from tests.browser.conftest import serving, under_policy
from tests.conftest import REPO, article

DEMO_PAGES = [
    "/",
    "/tin-hoat-dong/cong-an-tinh-ra-quan-dot-cao-diem-bao-dam-trat-tu-an-toan-giao-thong-dip-tet-binh-ngo-2026/",
    "/tin-hoat-dong/",
    "/don-vi/",
    "/phong-trao/",
    "/luu-tru/",
    "/lien-he/",
    "/khong-co-trang-nay/",
]


def readme_policy() -> str:
    section = README_SECTION.search((REPO / "README.md").read_text(encoding="utf-8"))
    assert section, "README has no '### Security headers' section with a policy line"
    return section.group(1)


README_SECTION = re.compile(r"### Security headers\n.*?\nContent-Security-Policy: ([^\n]+)\n", re.S)


@pytest.fixture
def strict_context(browser):
    """A context whose every response carries README's policy: (context, what it blocked)."""
    with under_policy(browser, readme_policy(), viewport={"width": 390, "height": 844}) as found:
        yield found


def test_every_kind_of_demo_page_keeps_to_the_policy(strict_context, portal):
    context, violations = strict_context
    page = context.new_page()
    for path in DEMO_PAGES:
        page.goto(portal + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.className") == "js", path  # the inline script ran
    page.goto(portal + "/tim-kiem/?q=thi+dua")
    page.locator(".search-result").first.wait_for()  # Pagefind's WebAssembly ran
    page.goto(portal + "/Pages/tin-tuc/chi-tiet.aspx?ItemID=1024")
    page.wait_for_url("**/tin-hoat-dong/doi-canh-sat-giao-thong-**")
    page.goto(portal + "/tin-tuc/2025/09/doi-csgt-huong-dan-hoc-sinh.html")
    page.wait_for_url("**/tin-hoat-dong/doi-canh-sat-giao-thong-**")
    assert violations == []


def test_a_video_an_aligned_table_and_a_pasted_one_keep_to_the_policy(strict_context, make_site, build_site):
    body = ("Kết quả tuần tra:\n\n| Đơn vị | Số vụ |\n|:---|---:|\n| Phòng CSGT | 12 |\n\n"
            '<table><tr><td style="text-align: center">dán từ Word</td></tr></table>\n\n'
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n")
    built = build_site(make_site({"content/tin-hoat-dong/tuan-tra.md": article("Tuần tra cuối tuần", body=body)}))
    assert built.result.ok, built.messages
    context, violations = strict_context
    with serving(built.out) as base:
        page = context.new_page()
        page.goto(base + "/tin-hoat-dong/tuan-tra-cuoi-tuan/")
        cells = page.locator(".body td")
        assert [cells.nth(i).evaluate("c => getComputedStyle(c).textAlign") for i in range(3)] == [
            "left", "right", "center"]
        page.get_by_text("Xem video").click()
        page.locator("iframe[src^='https://www.youtube-nocookie.com/embed/']").wait_for(state="attached")
        page.goto(base + "/")
        page.wait_for_load_state("networkidle")
    assert violations == []
