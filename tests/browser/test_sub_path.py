"""A portal published under a sub-path of its host: search still links right."""
from __future__ import annotations

from tests.browser.conftest import serving
from tests.conftest import SITE_TOML, article


def test_search_results_link_under_the_base_path(make_site, build_site, browser, tmp_path):
    toml = SITE_TOML.replace('base_url = "https://congan.example.vn/"',
                             'base_url = "https://congan.example.vn/cong-thong-tin/"')
    site = make_site({"content/tin-hoat-dong/thi-dua.md": article(
        "Phát động thi đua cuối năm", body="Đơn vị phát động đợt thi đua cao điểm.")}, site_toml=toml)
    root = tmp_path / "host"
    built = build_site(site, out=root / "cong-thong-tin")
    assert built.result.ok, built.messages
    with serving(root) as base:
        context = browser.new_context()
        try:
            page = context.new_page()
            errors = []
            page.on("response", lambda r: errors.append(r.url) if r.status >= 400 else None)
            page.goto(f"{base}/cong-thong-tin/")
            page.locator("#header-q").fill("thi dua")
            page.locator("#header-q").press("Enter")
            link = page.locator(".search-result h2 a").first
            link.wait_for()
            assert link.get_attribute("href") == "/cong-thong-tin/tin-hoat-dong/phat-dong-thi-dua-cuoi-nam/"
            link.click()
            assert page.locator("h1").inner_text() == "Phát động thi đua cuối năm"
            assert errors == []
        finally:
            context.close()
