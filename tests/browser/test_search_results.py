"""What a reader looking for a piece of news sees on the search page of the bundled portal:
which articles are listed for what was typed, and what each result shows."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.browser.conftest import built_page
from tests.conftest import SITE_TOML, article

NEIGHBOURS = "Tổ liên gia an toàn ở Nghĩa Trụ: khi mỗi người dân là một tai mắt"
SCAMS = {"Cảnh báo lừa đảo đặt phòng, mua tour du lịch giá rẻ mùa hè", NEIGHBOURS,
         "Cảnh giác cuộc gọi giả danh công an đề nghị cập nhật định danh điện tử"}


def _search(page, portal: str, query: str) -> list[str]:
    """The titles listed for `query` typed into the search page's address (?q=)."""
    page.goto(f"{portal}/tim-kiem/?q={quote(query)}")
    page.wait_for_function("document.querySelector('.search-status').textContent.startsWith('Tìm thấy') ||"
                           "document.querySelector('.search-status').textContent.startsWith('Không')")
    return page.locator(".search-result h2").all_inner_texts()


@pytest.mark.parametrize("query, expected", [
    ('"lừa đảo qua mạng"', {NEIGHBOURS}),
    ('"qua mạng"', {NEIGHBOURS}),
    ('"lừa đảo"', SCAMS),
    ("“lừa đảo”", SCAMS),  # the quotes a phone's keyboard types
    ('"lua dao"', SCAMS),
])
def test_a_phrase_in_quotes_finds_every_article_holding_it_and_only_those(open_page, portal, query, expected):
    """Pagefind's own phrase search missed articles whose words carry marks: "lừa đảo qua mạng"
    in quotes said no article held it, and "lừa đảo" listed two of the three."""
    page, watch = open_page("phone")
    titles = _search(page, portal, query)
    assert set(titles) == expected, (query, titles)
    # The phrase said in one pair of quotes, not the typed ones inside the page's own: “"lừa đảo"”.
    phrase = query.strip('"“”')
    assert page.locator(".search-status").inner_text() == f"Tìm thấy {len(expected)} bài viết cho “{phrase}”."
    assert watch.errors == [], watch.errors


@pytest.mark.parametrize("query", ["cong an lua dao", "giả danh công an lừa đảo"])
def test_an_excerpt_never_repeats_the_title_even_when_the_words_stand_apart(open_page, portal, query):
    """Typed words that stand together nowhere in an article got Pagefind's excerpt, which is
    the title again cut mid-way: "báo lừa đảo đặt phòng, mua tour du lịch giá rẻ mùa hè. Mùa…"."""
    page, watch = open_page("phone")
    assert _search(page, portal, query)
    for result in page.locator(".search-result").all():
        title = result.locator("h2").inner_text()
        excerpt = result.locator(".excerpt").inner_text()
        assert excerpt.strip(" …")
        assert " ".join(title.split()[-4:]) + "." not in excerpt, (title, excerpt)
    assert watch.errors == [], watch.errors


@pytest.mark.parametrize("query", ["PC08", "PA05"])
def test_a_unit_found_by_its_code_shows_the_articles_own_text_not_the_row_of_names(open_page, portal, query):
    """The names a unit is also known by (site.toml other_names) stand between its name and the
    category's in what is indexed: the excerpt was that row, "… Phòng Cảnh sát giao thông PC08
    Hướng dẫn thủ tục. An toàn giao thông. Chuyển đổi số.", for every result."""
    page, watch = open_page("phone")
    assert _search(page, portal, query)
    for result in page.locator(".search-result").all():
        excerpt = result.locator(".excerpt").inner_text()
        assert query not in excerpt and excerpt.strip(" …"), excerpt
    assert watch.errors == [], watch.errors


@pytest.mark.parametrize("query", ["hotline", "truy nã", "COVID-19"])
def test_words_no_article_holds_are_not_said_to_be_found(open_page, portal, query):
    """No demo article holds "hotline", "nã" or "COVID": Pagefind's typo-tolerant matches ("hộ",
    "họ"; "truyền", "năm"; "1991") were listed as "Tìm thấy 16 bài viết cho “hotline”"."""
    page, watch = open_page("phone")
    titles = _search(page, portal, query)
    status = page.locator(".search-status").inner_text()
    assert status.startswith(f"Không có bài viết nào chứa “{query}”; "), status
    assert "gần giống" in status and titles
    assert watch.errors == [], watch.errors


def test_words_an_article_holds_are_found_however_they_are_written(open_page, portal):
    page, _ = open_page("phone")
    for query in ("lừa đảo", "LUA DAO", "15/3/2026", "0221 3862 124", "PC08"):
        assert _search(page, portal, query), query
        assert page.locator(".search-status").inner_text().startswith("Tìm thấy "), query


@pytest.mark.parametrize("query", ["hòa", "hoà"])
def test_xem_them_is_offered_only_when_it_brings_more_results(open_page, portal, query):
    """Pagefind's first 20 for "hòa" hold "hoạt" and "hoà" alike: 8 were shown under "Tìm thấy
    nhiều bài viết …; đang hiển thị 8" and "Xem thêm kết quả", which then added nothing."""
    page, watch = open_page("phone")
    shown = len(_search(page, portal, query))
    more = page.locator(".search-more")
    assert shown
    if more.is_visible():
        more.click()
        page.wait_for_function("n => document.querySelectorAll('.search-result').length > n || "
                               "!document.querySelector('.search-more').disabled", arg=shown)
        assert page.locator(".search-result").count() > shown
    else:
        assert page.locator(".search-status").inner_text() == f"Tìm thấy {shown} bài viết cho “{query}”."
    assert watch.errors == [], watch.errors


def test_a_phrase_in_the_title_only_shows_the_opening_not_words_spelt_like_it(make_site, build_site, browser):
    title = "Bắt quả tang nhóm đối tượng đánh bạc"
    body = ("Chiều 5/3, Công an xã bắt giữ 6 đối tượng tại một quán nước.\n\n"
            "Nhân dịp này, đoàn công tác đã đến thăm hỏi, tặng quà gia đình chính sách trên địa bàn.")
    site = make_site({"content/tin-hoat-dong/bat-qua-tang.md": article(title, body=body),
                      "content/tin-hoat-dong/bai-khac.md": article("Bài khác", body="Nội dung về quả tang vật.")})
    built = build_site(site)
    with built_page(built, browser, "/tim-kiem/?q=%22qu%E1%BA%A3+tang%22") as page:
        page.wait_for_function("document.querySelector('.search-status').textContent.startsWith('Tìm thấy')")
        result = page.locator(".search-result", has=page.locator("h2", has_text=title))
        excerpt = result.locator(".excerpt").inner_text()
        assert excerpt.startswith("Chiều 5/3, Công an xã"), excerpt
        assert result.locator(".excerpt mark").count() == 0
        other = page.locator(".search-result", has=page.locator("h2", has_text="Bài khác"))
        assert other.locator(".excerpt mark").all_inner_texts() == ["quả", "tang"]


@pytest.mark.parametrize("query, expected", [
    ("10/06/2026", ["Cảnh báo lừa đảo đặt phòng, mua tour du lịch giá rẻ mùa hè"]),  # the day its card shows
    ("10/6/2026", ["Cảnh báo lừa đảo đặt phòng, mua tour du lịch giá rẻ mùa hè"]),
    ("15/03/2026", ["Công an tỉnh ra quân đợt cao điểm bảo đảm trật tự, an toàn giao thông dịp Tết Bính Ngọ 2026"]),
    ("113", ["Liên hệ"]),  # the hotline, not the articles of 11/3
])
def test_a_day_typed_either_way_finds_the_articles_of_that_day_or_naming_it(open_page, portal, query, expected):
    """The day an article came out was not searched, and a day was found only as written:
    "10/6/2026" listed articles holding "10", and "15/03/2026" missed the text's "15/3/2026"."""
    page, watch = open_page("phone")
    assert _search(page, portal, query) == expected
    assert page.locator(".search-status").inner_text() == f"Tìm thấy 1 bài viết cho “{query}”."
    assert expected[0] != "Liên hệ" or page.locator(".search-result .excerpt mark").inner_text() == "113."
    assert watch.errors == [], watch.errors


def test_a_phrase_no_article_holds_in_a_row_is_looked_for_a_few_batches_at_a_time(make_site, build_site, browser):
    """A phrase in quotes of common words that never stand in a row ("toàn an") loaded the
    text of every article holding its words before saying anything: on the 10,000-article
    bench, 9,885 requests and 220 s on the machine itself, on a phone over 3G far longer."""
    body = "Bảo đảm an ninh trật tự và huy động toàn dân tham gia."
    site = make_site({f"content/tin-hoat-dong/bai-{n:03d}.md": article(f"Tin số {n}", body=body) for n in range(90)})
    built = build_site(site)
    with built_page(built, browser, "/tim-kiem/") as page:
        fragments = []
        page.on("request", lambda request: fragments.append(request.url) if "/fragment/" in request.url else None)
        page.goto(page.url + "?q=%22to%C3%A0n+an%22")
        page.wait_for_function("/^(Chưa|Không|Tìm thấy)/.test(document.querySelector('.search-status').textContent)")
        status = page.locator(".search-status").inner_text()
        assert status.startswith("Chưa thấy bài viết nào chứa “toàn an” trong 60 bài viết đầu tiên"), status
        assert len(fragments) <= 60, len(fragments)
        more = page.locator(".search-more")
        more.click()
        page.wait_for_function("document.querySelector('.search-status').textContent.startsWith('Không')")
        assert page.locator(".search-status").inner_text().startswith("Không tìm thấy bài viết nào cho “toàn an”")
        assert not more.is_visible() and page.locator(".search-result").count() == 0


def test_an_article_of_units_known_by_many_names_shows_its_own_text_not_those_names(make_site, build_site, browser):
    """The names a unit is also known by were looked for no further than 16 words before the
    category: two units with a few names each left them in the excerpt."""
    toml = SITE_TOML.replace('[units.phong-canh-sat-giao-thong]\nname = "Phòng Cảnh sát giao thông"\n',
                             '[units.phong-canh-sat-giao-thong]\nname = "Phòng Cảnh sát giao thông"\n'
                             'other_names = ["PC08", "CSGT", "Phòng CSGT", "Cảnh sát giao thông tỉnh Thử Nghiệm"]\n')
    toml = toml.replace('[units.cong-an-xa-dong-tien]\nname = "Công an xã Đồng Tiến"\n',
                        '[units.cong-an-xa-dong-tien]\nname = "Công an xã Đồng Tiến"\n'
                        'other_names = ["CAX Đồng Tiến", "Công an xã Đồng Tiến huyện cũ"]\n')
    body = "Tổ công tác kiểm tra nồng độ cồn."
    joint = article("Ra quân tuần tra", unit="[phong-canh-sat-giao-thong, cong-an-xa-dong-tien]", body=body)
    site = make_site({"content/tin-hoat-dong/bai.md": joint}, toml)
    built = build_site(site)
    with built_page(built, browser, "/tim-kiem/?q=PC08") as page:
        page.wait_for_function("document.querySelector('.search-status').textContent.startsWith('Tìm thấy')")
        assert page.locator(".search-result .excerpt").inner_text() == body


@pytest.mark.parametrize("query", ["0221.3862.124", "0221-3862-124"])
def test_a_phone_number_typed_with_dots_or_dashes_is_found_as_the_text_writes_it(open_page, portal, query):
    """"0221.3862.124" listed the articles giving the number, written "0221 3862 124", but said no
    article held it, and marked nothing."""
    page, watch = open_page("phone")
    found = _search(page, portal, query)
    assert len(found) >= 2 and page.locator(".search-status").inner_text().startswith("Tìm thấy")
    first = page.locator(".search-result").first.locator(".excerpt mark").all_inner_texts()
    assert first[:3] == ["0221", "3862", "124"] or first[:1] == ["0221 3862 124"], first
    assert watch.errors == [], watch.errors


def test_a_search_whose_files_do_not_come_says_so_and_tim_kiem_tries_again(open_page, portal):
    """The network dropped on a phone after the search page had loaded: the page said
    "Đang tìm…" for ever, and "Tìm kiếm" pressed again changed nothing (Pagefind keeps the
    failed load). It says so, and "Tìm kiếm" loads the page again, which finds them."""
    page, watch = open_page("phone")
    page.goto(f"{portal}/tim-kiem/")
    page.wait_for_selector("body[data-search-ready]")
    page.context.set_offline(True)
    page.fill("#q", "lừa đảo")
    page.press("#q", "Enter")
    page.wait_for_function("document.querySelector('.search-status').textContent.startsWith('Chưa tải được')",
                           timeout=5000)
    assert "bấm “Tìm kiếm” để thử lại" in page.inner_text(".search-status")
    page.context.set_offline(False)
    page.click(".search-form button[type=submit], .search-form [type=submit]")
    titles = _search_results(page)
    assert set(titles) == SCAMS, titles
    assert page.url.endswith("/tim-kiem/?q=l%E1%BB%ABa+%C4%91%E1%BA%A3o"), page.url


def _search_results(page) -> list[str]:
    page.wait_for_function("document.querySelector('.search-status').textContent.startsWith('Tìm thấy')")
    return page.locator(".search-result h2").all_inner_texts()
