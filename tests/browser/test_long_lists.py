"""A list of many pages (a category after a year of news) read on a small phone."""
from __future__ import annotations

import pytest

from tests.browser.conftest import built_page, screenshot
from tests.conftest import numbered_articles


@pytest.mark.parametrize("text", ["100%", "200%"])
def test_a_middle_page_s_numbers_and_links_fit_a_small_phone(make_site, build_site, browser, text):
    """Page 10 of 15 at 320 px (WCAG's reflow width) in large text: « and » each took a column as
    wide as its own words, the two together were wider than the screen, and the current page's
    number and "Trang sau" were past its edge, a sideways scroll away."""
    built = build_site(make_site(numbered_articles(30)))
    with built_page(built, browser, "/tin-hoat-dong/trang/10/", viewport={"width": 320, "height": 640}) as page:
        page.evaluate("size => document.documentElement.style.fontSize = size", text)
        widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], widths
        for link in (page.locator(".page-numbers [aria-current]"), page.locator(".pagination .prev"),
                     page.locator(".pagination .next")):
            box = link.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 320, (link, box)
        prev, next_ = (page.locator(f".pagination .{kind}").bounding_box() for kind in ("prev", "next"))
        if text == "100%":  # (as before: « at the left and » at the right of one row)
            assert prev["y"] == next_["y"] and next_["x"] + next_["width"] > 250
        screenshot(page, f"small-list-page-10-text-{text.rstrip('%')}")
