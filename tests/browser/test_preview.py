"""`serve` in a browser: what an editor sees in the tab they keep open while writing."""
from __future__ import annotations

from tests.e2e.test_serve import ARTICLE, FILES, URL, Preview


def test_saving_an_article_brings_the_open_tab_to_its_page(make_site, browser):
    """The editor left the home page open; saving the article shows the article, with the edit.
    Saving it again while on its page reloads it there."""
    site = make_site(FILES)
    server = Preview(site)
    try:
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{server.port}/")
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)  # the live-reload stream is connected
        with page.expect_navigation(url=f"http://127.0.0.1:{server.port}{URL}", timeout=10_000):
            (site / ARTICLE).write_text(FILES[ARTICLE].replace("Sáng nay", "Chiều nay"), encoding="utf-8")
        assert "Chiều nay lực lượng ra quân." in page.locator(".article .body").inner_text()
        page.wait_for_timeout(300)
        with page.expect_navigation(url=f"http://127.0.0.1:{server.port}{URL}", timeout=10_000):
            (site / ARTICLE).write_text(FILES[ARTICLE].replace("Sáng nay", "Tối nay"), encoding="utf-8")
        assert "Tối nay lực lượng ra quân." in page.locator(".article .body").inner_text()
        page.close()
    finally:
        server.stop()
