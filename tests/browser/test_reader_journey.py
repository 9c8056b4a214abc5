"""A citizen reads the bundled portal in Debian's chromium, at phone and desktop sizes."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from generator.vietnamese import fold
from tests.browser.conftest import screenshot

ARTICLE = "Đội Cảnh sát giao thông hướng dẫn học sinh đội mũ bảo hiểm đúng cách"
RELATED = "Năm lưu ý khi chở trẻ em trên xe mô tô, xe gắn máy"
UNIT = "Phòng Cảnh sát giao thông"


def _no_overflow(page) -> None:
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"horizontal scrolling on {page.url}: {widths}"


def _visited(page, watch, name: str) -> None:
    page.wait_for_load_state("load")
    _no_overflow(page)
    assert page.locator("h1").count() == 1, page.url
    screenshot(page, name)
    assert watch.errors == [], watch.errors
    assert watch.foreign == [], watch.foreign


def _open_nav(page, size: str) -> None:
    if size == "phone":
        button = page.get_by_role("button", name="Chuyên mục")
        assert not page.locator("#site-nav").is_visible()
        button.click()
        assert button.get_attribute("aria-expanded") == "true"


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_reader_goes_from_home_to_the_next_page_of_a_unit(open_page, portal, size):
    page, watch = open_page(size)
    page.goto(portal + "/")
    _visited(page, watch, f"{size}-1-home")

    _open_nav(page, size)
    page.locator("#site-nav").get_by_role("link", name="Tin hoạt động").click()
    expect(page.locator("h1")).to_have_text("Tin hoạt động")
    _visited(page, watch, f"{size}-2-category")

    page.get_by_role("link", name=ARTICLE).click()
    expect(page.locator("h1")).to_have_text(ARTICLE)
    # The menu marks the section the article is in (not as the page itself: that is the category's)
    assert page.locator('#site-nav a[aria-current="true"]').text_content() == "Tin hoạt động"
    assert page.locator('#site-nav a[aria-current="page"]').count() == 0
    _visited(page, watch, f"{size}-3-article")

    page.locator(".related").get_by_role("link", name=RELATED).click()
    expect(page.locator("h1")).to_have_text(RELATED)
    _visited(page, watch, f"{size}-4-related")

    page.locator("article .meta").get_by_role("link", name=UNIT).click()
    expect(page.locator("h1")).to_have_text(UNIT)
    first_page = page.locator(".card-title").all_inner_texts()
    _visited(page, watch, f"{size}-5-unit")

    page.get_by_role("link", name="Trang sau").click()
    page.wait_for_url("**/don-vi/phong-canh-sat-giao-thong/trang/2/")
    expect(page.locator("h1")).to_have_text(UNIT + " – Trang 2")  # (as the archive's pages say it)
    expect(page.locator(".pagination [aria-current=page]")).to_have_text("2")
    second_page = page.locator(".card-title").all_inner_texts()
    assert second_page and not set(second_page) & set(first_page)
    _visited(page, watch, f"{size}-6-unit-page-2")


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_a_unit_named_on_a_card_opens_the_unit_not_the_article(open_page, portal, size):
    """The whole card opens its article (its title's link stretched over it), but for the links
    the card shows beside the title: the unit's name opens the unit's page."""
    page, watch = open_page(size)
    for path in ("/", "/tin-hoat-dong/", "/phong-trao/dan-van-kheo/"):
        page.goto(portal + path)
        unit = page.locator(".card .meta a.unit").first
        name, href = unit.inner_text(), unit.get_attribute("href")
        unit.click(timeout=5000)  # (one covered by another link is never clicked: Playwright waits)
        page.wait_for_url("**" + href)
        expect(page.locator("h1")).to_have_text(name)
    _visited(page, watch, f"{size}-card-unit")


SEARCHES = {
    # typed without marks, d for đ → an article that says it with marks
    "cong an hung yen": "Bồi dưỡng kỹ năng dân vận cho cán bộ, chiến sĩ Công an cấp xã",
    "thi dua": "Chi bộ Phòng Cảnh sát giao thông sinh hoạt chuyên đề về phong cách ứng xử của Bác",
    "doi canh sat": ARTICLE,
    "dan van kheo": "Bồi dưỡng kỹ năng dân vận cho cán bộ, chiến sĩ Công an cấp xã",
}


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_searches_typed_without_marks_find_their_articles(open_page, portal, size):
    page, watch = open_page(size)
    page.goto(portal + "/")
    for number, (query, expected) in enumerate(SEARCHES.items(), start=1):
        page.locator("#header-q").fill(query)
        with page.expect_navigation():
            page.locator("#header-q").press("Enter")
        page.wait_for_function("q => document.querySelector('.search-status').textContent"
                               ".startsWith('Tìm thấy') && document.querySelector('.search-status')"
                               ".textContent.includes('“' + q + '”')", arg=query)
        results = page.locator(".search-result")
        titles = results.locator("h2").all_inner_texts()
        assert expected in titles, (query, titles)
        top = results.first
        # the best result really contains every typed word, and shows them highlighted
        seen = fold(top.inner_text()).split()
        assert all(any(w.startswith(word) for w in seen) for word in query.split()), (query, seen)
        marks = [fold(m) for m in top.locator("mark").all_inner_texts()]
        assert any(m.strip(".,“”") in query.split() for m in marks), (query, marks)
        # the article shows its date, e.g. Thứ Hai, 08/09/2025 (the top one may be a page of its own:
        # "cong an hung yen" finds "Giới thiệu Công an tỉnh" first, which has none)
        meant = results.filter(has=page.locator("h2", has_text=expected)).first
        assert meant.locator(".meta").inner_text().count("/") == 2
        assert page.locator("#q").input_value() == query
        _visited(page, watch, f"{size}-search-{number}")


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_contact_page_is_a_tap_away_in_the_footer_and_found_by_search(open_page, portal, size):
    page, watch = open_page(size)
    page.goto(portal + "/tin-hoat-dong/")
    page.locator("footer .about a", has_text="Liên hệ").click()
    page.wait_for_url("**/lien-he/")
    expect(page.locator("h1")).to_have_text("Liên hệ")
    assert page.locator("footer .about a[aria-current=page]").inner_text() == "Liên hệ"
    _visited(page, watch, f"{size}-contact-page")
    page.goto(portal + "/tim-kiem/?q=tiep+cong+dan")
    page.wait_for_function("document.querySelector('.search-status').textContent.startsWith('Tìm thấy')")
    found = page.locator(".search-result", has=page.locator("h2", has_text="Liên hệ"))
    expect(found).to_have_count(1)
    assert found.locator(".meta").count() == 0  # no date or unit to show, and no empty line for them
    assert [fold(m).strip(".,“”") for m in found.locator(".excerpt mark").all_inner_texts()][:3] == ["tiep", "cong", "dan"]


def test_a_unit_is_found_by_the_code_readers_know_it_by(open_page, portal):
    """A unit's other names (site.toml other_names: "PC08" for the traffic police) found nothing:
    a reader who typed the code saw "Không tìm thấy bài viết nào". So did one who typed the short
    name everyone uses, "csgt" (the demo's unit had only its code)."""
    page, _ = open_page("phone")
    for typed in ("PC08", "csgt"):
        page.goto(portal + f"/tim-kiem/?q={typed}")
        page.wait_for_function("document.querySelector('.search-status').textContent.startsWith('Tìm thấy')")
        metas = page.locator(".search-result .meta").all_inner_texts()
        assert metas and all(UNIT in meta for meta in metas[:5]), (typed, metas)


def test_search_filters_by_unit(open_page, portal):
    page, watch = open_page("desktop")
    page.goto(portal + "/tim-kiem/?q=giao+thong")
    page.wait_for_function("document.querySelector('.search-status').textContent.startsWith('Tìm thấy')")
    everything = page.locator(".search-result").count()
    page.locator("select[data-filter=unit]").select_option(label=f"{UNIT} (7)")
    page.wait_for_function(f"document.querySelectorAll('.search-result').length < {everything}")
    metas = page.locator(".search-result .meta").all_inner_texts()
    assert metas and all(m.endswith(UNIT) or m.endswith(f"{UNIT} và Công an xã Nghĩa Trụ") for m in metas), metas
    assert "unit=" in page.url
    _visited(page, watch, "desktop-search-filtered")
    # The article the traffic police wrote with a commune's police is found under either unit,
    # and its result names both.
    page.locator("select[data-filter=unit]").select_option(label="Công an xã Nghĩa Trụ (3)")
    joint = page.locator(".search-result", has=page.locator("h2", has_text="hướng dẫn học sinh đội mũ bảo hiểm"))
    expect(joint).to_have_count(1)
    assert joint.locator(".meta").inner_text().endswith(f" · {UNIT} và Công an xã Nghĩa Trụ")



def test_a_list_by_one_filter_alone_leads_to_the_units_own_page_newest_first(open_page, portal):
    page, watch = open_page("phone")
    page.goto(portal + "/tim-kiem/")
    page.wait_for_selector("body[data-search-ready]")
    offer = page.locator(".search-term-page")
    expect(offer).to_be_hidden()
    unit = page.locator("select[data-filter=unit]")
    unit.select_option(label=f"{UNIT} (7)")
    expect(offer.locator("a")).to_have_text(f"Xem tất cả bài viết của {UNIT}, mới nhất trước")
    page.wait_for_function("document.querySelector('.search-status').textContent.startsWith('Tìm thấy')")
    screenshot(page, "phone-search-one-filter")
    page.locator("#q").fill("mu bao hiem")  # typed words: a ranking of their own, no offer
    expect(offer).to_be_hidden()
    page.locator("#q").fill("")
    expect(offer).to_be_visible()
    page.locator("select[data-filter=category]").select_option(index=1)  # two filters: no one page lists them
    expect(offer).to_be_hidden()
    page.locator("select[data-filter=category]").select_option(value="")
    offer.locator("a").click()
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == UNIT
    dates = page.locator(".card time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert 1 < len(dates) <= 7 and dates == sorted(dates, reverse=True)  # its first page, newest first
    _visited(page, watch, "phone-unit-from-search")


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_on_a_slow_network_search_says_it_is_loading_and_a_search_sent_early_waits_for_it(open_page, portal, size):
    """pagefind.js takes seconds on a slow network: the page says so at once, "Tìm kiếm" pressed
    before then does not reload the page (that started the wait again) but searches once the
    index is ready, and nothing below the search box moves when the filters appear."""
    page, watch = open_page(size)
    held = []
    page.route("**/pagefind/pagefind.js", lambda route: held.append(route))
    page.goto(portal + "/tim-kiem/")
    status = page.locator(".search-status")
    expect(status).to_have_text("Đang tải bộ tìm kiếm…")
    results_top = page.locator(".search-results").bounding_box()["y"]
    page.evaluate("window.stillThisPage = true")
    page.locator("#q").fill("mu bao hiem")
    page.get_by_role("button", name="Tìm kiếm", exact=True).click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.stillThisPage === true")  # no reload
    expect(status).to_have_text("Đang tải bộ tìm kiếm…")
    screenshot(page, f"{size}-search-loading")
    assert len(held) == 1
    held[0].continue_()
    page.wait_for_selector("body[data-search-ready]")
    expect(status).to_contain_text("Tìm thấy")
    assert ARTICLE in page.locator(".search-result h2").all_inner_texts()
    assert page.evaluate("window.stillThisPage === true")
    assert page.locator(".search-filters").is_visible()
    assert page.locator(".search-results").bounding_box()["y"] == results_top  # the filters' space was kept
    _visited(page, watch, f"{size}-search-after-loading")


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_search_filters_line_up_with_the_search_box(open_page, portal, size):
    """On a phone the three lists stack at the search box's width; on a wide screen they stand
    in one row of equal widths under it (the unit list was as wide as its longest name)."""
    page, watch = open_page(size)
    page.goto(portal + "/tim-kiem/?q=giao+thong")
    page.wait_for_selector("body[data-search-ready]")
    row = page.locator(".search-row").bounding_box()
    boxes = [page.locator(f"select[data-filter={name}]").bounding_box() for name in ("unit", "category", "campaign")]
    assert abs(boxes[0]["x"] - row["x"]) < 1  # the first starts where the search box starts
    if size == "phone":
        for box in boxes:  # each as wide as the search box, one under another
            assert abs(box["x"] - row["x"]) < 1 and abs(box["width"] - row["width"]) < 1, (box, row)
        assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]
    else:
        assert len({round(b["y"]) for b in boxes}) == 1  # one row
        assert max(b["width"] for b in boxes) - min(b["width"] for b in boxes) < 1  # as wide as each other
        assert boxes[2]["x"] + boxes[2]["width"] <= row["x"] + row["width"] + 1
    _visited(page, watch, f"{size}-search-filters")


def test_on_a_phone_a_list_card_runs_its_summary_under_the_photo_at_full_width(open_page, portal):
    page, watch = open_page("phone")
    page.goto(portal + "/tin-hoat-dong/")
    card = page.locator(".card-list .card").first
    photo, title, summary = (card.locator(s).bounding_box() for s in (".thumb-frame", ".card-title", ".summary"))
    assert title["x"] > photo["x"] + photo["width"]  # the title beside the photo
    assert summary["y"] >= photo["y"] + photo["height"]  # the summary under it, as wide as the card
    assert abs(summary["x"] - photo["x"]) < 1 and summary["width"] > 0.9 * card.bounding_box()["width"] - 40
    _visited(page, watch, "phone-list-cards")


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_a_featured_article_without_a_photo_shows_no_placeholder_on_a_phone(open_page, portal, size):
    """Stacked on a phone, a placeholder a quarter of the screen high said only the category
    before the title; side by side on a wide screen, it keeps the three cards level."""
    page, watch = open_page(size)
    page.goto(portal + "/")
    cards = page.locator(".featured-grid .card")
    shown = [card.locator(".thumb-frame").is_visible() for card in cards.all()]
    has_photo = [card.locator(".thumb-frame picture").count() > 0 for card in cards.all()]
    assert not all(has_photo) and any(has_photo)  # the demo features both kinds
    assert shown == (has_photo if size == "phone" else [True] * len(shown))
    if size == "phone":
        title = cards.first.locator(".card-title").bounding_box()
        assert title["y"] < 844 / 3  # the first featured title is near the top of the screen
    _visited(page, watch, f"{size}-featured")


def test_on_a_phone_the_hotline_is_a_finger_sized_tap_that_dials_it(open_page, portal):
    page, watch = open_page("phone")
    page.goto(portal + "/")
    hotline = page.locator("footer a.hotline").first
    box = hotline.bounding_box()
    assert box["width"] >= 40 and box["height"] >= 40, box  # a number a reader in trouble taps
    assert hotline.get_attribute("href") == "tel:" + "".join(ch for ch in hotline.inner_text() if ch.isdigit())
    _visited(page, watch, "phone-footer-hotline")


REPORT = "/tin-hoat-dong/cong-an-tinh-ra-quan-dot-cao-diem-bao-dam-trat-tu-an-toan-giao-thong-dip-tet-binh-ngo-2026/"


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_a_photo_keeps_its_place_before_it_arrives_and_the_smallest_good_copy_is_fetched(open_page, portal, size):
    """On a slow phone the text is read before the photos arrive: each photo's box must be
    there already, or the text jumps down under the reader's eyes when it comes. Once it
    comes, `sizes` must tell the browser the photo's true width, so it fetches the smallest
    copy that is sharp enough and not a wider one."""
    page, watch = open_page(size)
    held = []
    page.route("**/images/**", lambda route: held.append(route))  # the photos do not arrive yet
    page.goto(portal + REPORT, wait_until="domcontentloaded")
    photos = page.locator(".article figure img")
    assert photos.count() >= 2  # the cover and a portrait photo in the text
    for box, (width, height) in zip((photos.nth(i).bounding_box() for i in range(photos.count())),
                                    (photos.nth(i).evaluate("i => [i.width, i.height]") for i in range(photos.count()))):
        assert box["width"] > 200 and box["height"] > 150, (size, box)
    for route in held:
        route.continue_()
    page.unroute("**/images/**")
    page.reload()
    page.wait_for_load_state("load")
    for i in range(photos.count()):
        photo = photos.nth(i)
        photo.scroll_into_view_if_needed()
        page.wait_for_function("i => i.complete && i.currentSrc", arg=photo.element_handle())
        shown, chosen, offered = photo.evaluate(
            "i => [Math.min(i.getBoundingClientRect().width, i.getBoundingClientRect().height * i.naturalWidth / i.naturalHeight),"
            " parseInt(i.currentSrc.match(/-(\\d+)\\.\\w+$/)[1]),"
            " i.srcset.split(', ').map(c => parseInt(c.split(' ')[1]))]")
        enough = min([w for w in offered if w >= shown * 0.98] or [max(offered)])
        assert chosen == enough, (size, shown, chosen, offered)


def test_on_a_wide_screen_the_article_keeps_readable_lines_with_the_related_news_beside_it(open_page, portal):
    page, watch = open_page("desktop")
    page.goto(portal + REPORT)
    text = page.locator(".article .body p").first.bounding_box()
    related = page.locator(".related").bounding_box()
    assert text["width"] <= 720, text  # ~85 characters a line, not ~125
    assert related["x"] >= text["x"] + text["width"] and related["y"] < text["y"], (text, related)
    # side by side, the two lists never show one headline twice
    beside = page.locator(".related a").all_inner_texts()
    others = page.locator(".other-news a").all_inner_texts()
    assert beside and others and not set(beside) & set(others), (beside, others)
    _visited(page, watch, "desktop-article-beside-related")


def test_on_a_phone_the_contents_open_with_a_tap_and_an_entry_brings_its_section_to_the_top(open_page, portal):
    page, watch = open_page("phone")
    page.goto(portal + REPORT)
    toc = page.locator("details.toc")
    entry = toc.locator("a").nth(1)
    assert not entry.is_visible()  # closed: one line between the lead and the text
    toc.locator("summary").click()
    assert entry.is_visible()
    wanted = entry.inner_text()
    entry.click()
    page.wait_for_function("location.hash.length > 1")
    heading = page.locator(page.evaluate("location.hash"))
    assert heading.inner_text() == wanted
    page.wait_for_function("Math.abs(document.querySelector(location.hash).getBoundingClientRect().top) < 40")
    _visited(page, watch, "phone-article-contents")

def test_without_javascript_search_degrades_to_category_links(browser, portal):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(portal + "/tim-kiem/?q=thi+dua")
    links = page.locator(".search-fallback a").all_inner_texts()
    assert links[:2] == ["Tin hoạt động", "Xây dựng lực lượng"]
    assert page.locator("#site-nav").is_visible()  # no menu button needed: the menu is simply open
    assert not page.get_by_role("button", name="Chuyên mục").is_visible()
    assert not page.locator("#q").is_visible()  # no search box that cannot search
    screenshot(page, "phone-search-without-js")
    context.close()


def test_menu_works_with_the_keyboard_alone(open_page, portal):
    page, watch = open_page("phone")
    page.goto(portal + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Chuyển đến nội dung chính"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.className") == "menu-button":
            break
    page.keyboard.press("Enter")
    assert page.locator("#site-nav").is_visible()
    screenshot(page, "phone-menu-open")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Trang chủ"
    page.keyboard.press("Escape")
    assert not page.locator("#site-nav").is_visible()
    assert watch.errors == []


def test_copy_link_and_print_view(open_page, portal):
    page, watch = open_page("desktop", permissions=["clipboard-read", "clipboard-write"])
    page.goto(portal + "/")
    page.get_by_role("link", name=ARTICLE).first.click()
    page.get_by_role("button", name="Sao chép liên kết").click()
    expected = "https://congan.hungyen.example.vn/tin-hoat-dong/doi-canh-sat-giao-thong-huong-dan-hoc-sinh-doi-mu-bao-hiem-dung-cach/"
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert expected in page.locator(".copy-status").inner_text()
    assert page.get_by_role("button", name="In bài").is_visible()
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".share", ".related", ".breadcrumbs"):
        assert not page.locator(hidden).is_visible(), hidden
    assert page.locator("h1").is_visible() and page.locator(".author").is_visible()
    source = page.locator("article.article").evaluate("a => getComputedStyle(a, '::after').content")
    assert expected in source  # the printed page says where it came from
    screenshot(page, "desktop-article-print")
    assert watch.errors == []


def test_print_shows_where_links_go(open_page, portal):
    page, _ = open_page("desktop")
    page.goto(portal + "/canh-bao-toi-pham/canh-giac-cuoc-goi-gia-danh-cong-an-de-nghi-cap-nhat-dinh-danh-dien-tu/")
    page.emulate_media(media="print")
    links = page.locator(".article .body a[href]:not([href^='tel:'])")
    assert links.count() == 1
    after = links.first.evaluate("a => getComputedStyle(a, '::after').content")
    assert links.first.get_attribute("href") in after
    phone = page.locator(".article .body a[href^='tel:']")  # its words are the number: printed once
    assert "tel:" not in phone.first.evaluate("a => getComputedStyle(a, '::after').content")


def test_missing_pages_get_the_friendly_404_and_old_urls_redirect(open_page, portal):
    page, _ = open_page("phone")
    response = page.goto(portal + "/khong-co-trang-nay/")
    assert response.status == 404 and page.locator("h1").inner_text() == "Không tìm thấy trang"
    screenshot(page, "phone-404")
    page.goto(portal + "/tin-tuc/2025/09/doi-csgt-huong-dan-hoc-sinh.html")
    page.wait_for_url("**/tin-hoat-dong/doi-canh-sat-giao-thong-**")
    expect(page.locator("h1")).to_have_text(ARTICLE)


AXE_PAGES = {
    "home": "/",
    "list": "/don-vi/phong-canh-sat-giao-thong/",
    "article": "/tin-hoat-dong/doi-canh-sat-giao-thong-huong-dan-hoc-sinh-doi-mu-bao-hiem-dung-cach/",
    "search": "/tim-kiem/?q=thi+dua",
    "archive": "/luu-tru/",
    "page": "/lien-he/",
    "old-address": "/Pages/tin-tuc/chi-tiet.aspx/?ItemID=9999",  # a query no article answers
}


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_axe_finds_no_moderate_serious_or_critical_violations(open_page, portal, size):
    page, watch = open_page(size)
    axe = Axe()
    for name, url in AXE_PAGES.items():
        page.goto(portal + url)
        if name == "search":
            page.wait_for_selector(".search-result")
        if name == "old-address":
            page.get_by_text("Không tìm thấy bài viết ứng với địa chỉ cũ này", exact=False).wait_for()
        results = axe.run(page)
        bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
               for v in results.response["violations"] if v["impact"] in ("moderate", "serious", "critical")]
        assert bad == [], (name, bad)
    assert watch.errors == []


ARTICLE_PATH = "/tin-hoat-dong/doi-canh-sat-giao-thong-huong-dan-hoc-sinh-doi-mu-bao-hiem-dung-cach/"
FAKE_SHARE_SHEET = """window.shared = [];
navigator.share = function (data) { window.shared.push(data); return Promise.reject(new DOMException("", "AbortError")); };"""


def test_a_phone_shares_the_article_through_its_own_share_sheet(open_page, portal):
    """A phone's share sheet lists the apps its reader uses (Messenger, SMS, …): "Ứng dụng khác…"
    opens it with the article's title and address; the reader closing it is no error. A browser
    without one (chromium on Linux) never shows the button."""
    page, watch = open_page("phone")
    page.goto(portal + ARTICLE_PATH)
    assert page.evaluate("typeof navigator.share") == "undefined"
    assert page.locator(".share-native").count() == 1 and not page.locator(".share-native").is_visible()

    page, watch = open_page("phone")
    page.add_init_script(FAKE_SHARE_SHEET)
    page.goto(portal + ARTICLE_PATH)
    page.get_by_role("button", name="Ứng dụng khác…").click()
    expected = "https://congan.hungyen.example.vn" + ARTICLE_PATH
    assert page.evaluate("window.shared") == [{"title": ARTICLE, "url": expected}]
    page.wait_for_timeout(100)  # (an unhandled rejection would be reported by now)
    screenshot(page, "phone-article-share")
    assert watch.errors == []


def test_a_screen_reader_hears_only_the_share_items_a_reader_can_use(browser, open_page, portal):
    """The share list's buttons work by script, and the phone's share sheet exists on phones
    alone: their items were left in the list, blank, and a screen reader announced "6 mục",
    three of them empty without JavaScript and one on a computer."""
    def items(page) -> list[str]:
        return [" ".join(text.split()) for text in page.locator(".share-links").get_by_role("listitem").all_inner_texts()]

    page, watch = open_page("desktop")
    page.goto(portal + ARTICLE_PATH)
    assert items(page) == ["Email", "Facebook (mở cửa sổ mới)", "Zalo (mở cửa sổ mới)", "Sao chép liên kết", "In bài"]
    assert watch.errors == []

    page, watch = open_page("phone")
    page.add_init_script(FAKE_SHARE_SHEET)
    page.goto(portal + ARTICLE_PATH)
    assert items(page) == ["Email", "Facebook (mở cửa sổ mới)", "Zalo (mở cửa sổ mới)", "Ứng dụng khác…", "Sao chép liên kết", "In bài"]

    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(portal + ARTICLE_PATH)
        assert items(page) == ["Email", "Facebook (mở cửa sổ mới)", "Zalo (mở cửa sổ mới)"]
    finally:
        context.close()


def test_in_a_high_contrast_theme_buttons_have_edges_and_the_current_page_stands_out(open_page, portal):
    """Windows' high-contrast themes (forced colours) drop every background: "Tìm" was a word
    beside the search box, not a button, and the current page's number looked like the others."""
    page, watch = open_page("phone", forced_colors="active")
    edge = "b => { const s = getComputedStyle(b); return [s.borderTopStyle, s.borderTopWidth]; }"
    page.goto(portal + "/tim-kiem/")
    for button in (page.locator(".header-search button"), page.locator(".search-row button")):
        assert button.evaluate(edge) == ["solid", "1px"]
    page.goto(portal + "/don-vi/phong-canh-sat-giao-thong/")
    current, other = (page.locator(".page-numbers a").nth(i).evaluate("a => getComputedStyle(a).backgroundColor")
                      for i in (0, 1))
    assert page.locator(".page-numbers a").nth(0).get_attribute("aria-current") == "page"
    assert current != other
    screenshot(page, "phone-forced-colours-pagination")
    assert watch.errors == []


READING_PAGES = ("/", "/tin-hoat-dong/", "/tin-hoat-dong/cong-an-tinh-ra-quan-dot-cao-diem-bao-dam-trat-tu-an-toan-"
                 "giao-thong-dip-tet-binh-ngo-2026/", "/tim-kiem/", "/lien-he/", "/luu-tru/", "/don-vi/")


@pytest.mark.parametrize("size, text", [("small", "100%"), ("small", "200%"), ("phone", "200%"), ("desktop", "200%")])
def test_a_small_phone_or_large_text_needs_no_sideways_scrolling(open_page, portal, size, text):
    """320 px wide (WCAG's reflow width), and text at twice its size (a phone's large-text setting):
    the header's search button stayed past the screen's edge, and the footer's e-mail address
    widened the page past its dark band."""
    page, watch = open_page(size)
    for path in READING_PAGES:
        page.goto(portal + path)
        page.evaluate("size => document.documentElement.style.fontSize = size", text)
        _no_overflow(page)
        button = page.locator(".header-search button").bounding_box()
        assert button["x"] + button["width"] <= page.viewport_size["width"], path
        footer = page.locator(".site-footer").bounding_box()
        for part in page.locator(".site-footer section").all():
            box = part.bounding_box()
            assert box["x"] + box["width"] <= footer["x"] + footer["width"], (path, part.inner_text()[:40])
        if size == "desktop" and page.locator(".related").count():  # the side lists keep to a third
            article, side = (page.locator(selector).bounding_box() for selector in (".article", ".related"))
            assert article["width"] >= 1.8 * side["width"], (article, side)  # not a word a line
    screenshot(page, f"{size}-text-{text.rstrip('%')}")
    assert watch.errors == []


def test_a_note_s_back_link_stands_out_from_its_text_by_more_than_colour(open_page, portal):
    """The "↩" after a note's text differed from it by colour alone (axe's link-in-text-block):
    a reader who does not tell the two colours apart did not see a link there."""
    page, watch = open_page("phone")
    page.goto(portal + "/tin-hoat-dong/cong-an-tinh-ra-quan-dot-cao-diem-bao-dam-trat-tu-an-toan-giao-thong-dip-tet-"
              "binh-ngo-2026/")
    links = page.locator(".article .body .footnote-backref")
    assert links.count() > 0
    decorations = links.evaluate_all("links => links.map(a => getComputedStyle(a).textDecorationLine)")
    assert all("underline" in line for line in decorations), decorations
    page.locator(".article .body .footnote").scroll_into_view_if_needed()
    screenshot(page, "phone-footnotes")
    assert watch.errors == []


def test_print_leaves_out_the_addresses_of_footnote_marks_and_photo_links(open_page, portal):
    """An address within the page ("(#fn:luat)") printed over the words of the sentence, and each
    gallery photo printed the address of its larger copy under it."""
    page, _ = open_page("desktop")
    for path in ("/tin-hoat-dong/cong-an-tinh-ra-quan-dot-cao-diem-bao-dam-trat-tu-an-toan-giao-thong-dip-tet-binh-"
                 "ngo-2026/", "/xay-dung-luc-luong/soi-noi-hoi-thi-dieu-lenh-vo-thuat-ban-sung-cong-an-tinh-nam-2025/"):
        page.goto(portal + path)
        page.emulate_media(media="print")
        printed = page.locator(".article .body a[href]").evaluate_all(
            "links => links.map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content,"
            " a.querySelector('img') !== null])")
        within = [(href, after) for href, after, photo in printed if href.startswith("#") or photo]
        assert within, path
        assert all(href not in after for href, after in within), within
        assert page.locator(".article .body .footnote").count() == 0 or page.locator(
            ".article .body .footnote").evaluate("f => getComputedStyle(f).color") == "rgb(0, 0, 0)"
        page.emulate_media(media="screen")
    screenshot(page, "desktop-print-notes")


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_footer_links_are_a_finger_apart(open_page, portal, size):
    """WCAG 2.5.8: a target under 24 px needs 24 px to the next one; the footer's lists had 20 px
    links 23.6 px apart."""
    page, _ = open_page(size)
    page.goto(portal + "/")
    for section in page.locator(".site-footer ul").all():
        boxes = [a.bounding_box() for a in section.locator("a").all()]
        tops = [box["y"] for box in boxes]
        assert all(b - a >= 24 for a, b in zip(tops, tops[1:])), tops


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_a_phone_number_in_an_article_is_called_with_a_tap(open_page, portal, size):
    """"… phản ánh về đường dây nóng của Công an tỉnh theo số 0221 3862 124": a link, on one line
    (it broke between "3862" and "124" on a desktop), and the emergency numbers on Liên hệ."""
    page, _ = open_page(size)
    page.goto(portal + "/tin-hoat-dong/cong-an-tinh-ra-quan-dot-cao-diem-bao-dam-trat-tu-an-toan-giao-thong-dip-tet-"
                       "binh-ngo-2026/")
    number = page.locator(".article .body").get_by_role("link", name="0221 3862 124")
    assert number.get_attribute("href") == "tel:02213862124"
    line = page.locator(".article .body p").first.evaluate("p => parseFloat(getComputedStyle(p).lineHeight)")
    assert number.bounding_box()["height"] < 1.5 * line
    page.goto(portal + "/lien-he/")
    assert [page.get_by_role("link", name=str(n), exact=True).get_attribute("href") for n in (113, 114, 115)] == [
        "tel:113", "tel:114", "tel:115"]
