"""Text that looks like HTML in an editor's title or summary stays text in a real browser.

The title and summary are also written into the page's JSON-LD <script>. A browser's
HTML parser treats "<!--" followed by "<script" inside a script element specially: the
element then no longer ends at its own </script>, and the rest of the page is swallowed
into it (a blank page). Only a browser shows this; Python's HTML parsers do not model it.
"""
from __future__ import annotations

from tests.browser.conftest import serving
from tests.conftest import article

TITLE = "Cảnh báo mã độc <!-- <script> giả danh ứng dụng"
SUMMARY = "Thủ đoạn chèn <script>, <!-- và </script> vào tin nhắn & liên kết 'lạ'"


def test_markup_like_title_and_summary_leave_the_page_whole(make_site, build_site, browser):
    site = make_site({"content/tin-hoat-dong/ma-doc.md": article(
        TITLE, slug="ma-doc", summary=f'"{SUMMARY}"',
        body="Người dân không bấm vào đường dẫn lạ.\n\nHãy báo ngay cho cơ quan Công an gần nhất.")})
    built = build_site(site)
    assert built.result.ok, built.messages
    with serving(built.out) as base:
        context = browser.new_context()
        try:
            page = context.new_page()
            page.set_default_timeout(5000)
            page.goto(f"{base}/tin-hoat-dong/ma-doc/")
            assert page.locator("h1").inner_text() == TITLE
            assert page.get_by_text("Hãy báo ngay cho cơ quan Công an gần nhất.").is_visible()
            assert page.locator("footer").get_by_text("Đường dây nóng").is_visible()
            graph = page.evaluate(
                "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")["@graph"]
            news = next(g for g in graph if g["@type"] == "NewsArticle")
            assert (news["headline"], news["description"]) == (TITLE, SUMMARY)
            page.goto(f"{base}/tin-hoat-dong/")
            assert page.locator("main").get_by_role("link", name=TITLE).is_visible()
        finally:
            context.close()
