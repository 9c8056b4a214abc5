"""A link whose article expired keeps its words, and they read as the text around them."""
from __future__ import annotations

from datetime import datetime, timezone

from tests.browser.conftest import built_page
from tests.conftest import article


def test_the_words_of_a_link_to_an_expired_article_look_like_text(make_site, build_site, browser):
    """The build takes the address away; the words stayed link blue and underlined, and a reader
    tapped them for nothing."""
    site = make_site({
        "content/canh-bao-toi-pham/canh-bao.md": article("Cảnh báo lừa đảo", "2026-01-10", expires="2026-06-01T08:00:00"),
        "content/tin-hoat-dong/tuyen-truyen.md": article(
            "Tuyên truyền", "2026-01-12", body="Xem [bản cảnh báo](../canh-bao-toi-pham/canh-bao.md) và "
                                               "[trang chủ](../../) của cổng.\n"),
    })
    built = build_site(site, now=datetime(2026, 8, 1, tzinfo=timezone.utc))
    assert built.result.ok
    with built_page(built, browser, "/tin-hoat-dong/tuyen-truyen/", viewport={"width": 390, "height": 844}) as page:
        looks = page.evaluate("""() => {
            const style = (el) => { const s = getComputedStyle(el); return [s.color, s.textDecorationLine]; };
            const p = document.querySelector('.article .body p');
            return {text: style(p), taken: style(p.querySelector('a:not([href])')),
                    link: style(p.querySelector('a[href]'))};
        }""")
    assert looks["taken"] == looks["text"], looks
    assert looks["link"][0] != looks["text"][0]  # (a link that leads somewhere still looks like one)
