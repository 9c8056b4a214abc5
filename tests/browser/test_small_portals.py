"""A new unit's portal before it has everything the demo has, seen on a computer."""
from __future__ import annotations

from tests.browser.conftest import built_page, screenshot
from tests.conftest import SITE_TOML, article


def test_a_home_page_without_campaigns_gives_the_latest_news_the_whole_row(make_site, build_site, browser):
    """Its campaigns taken out of site.toml, the latest news kept two thirds of the row beside an
    empty third, where the campaigns' list had stood."""
    built = build_site(make_site({"content/tin-hoat-dong/bai.md": article("Bài đầu tiên")}, SITE_TOML.split("[campaigns.")[0]))
    with built_page(built, browser, "/", viewport={"width": 1366, "height": 900}) as page:
        row = page.locator(".home-columns").bounding_box()
        latest = page.locator(".home-columns .latest").bounding_box()
        assert latest["width"] == row["width"], (latest, row)
        # The last list stands clear of the footer (it touched it, on every page).
        last = page.locator("main > :last-child").bounding_box()
        assert page.locator("footer").bounding_box()["y"] - (last["y"] + last["height"]) >= 24
        screenshot(page, "home-without-campaigns-desktop")
