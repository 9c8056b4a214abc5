"""Text that looks like HTML in an editor's title or summary stays text in a real browser.

The title and summary are also written into the page's JSON-LD <script>. A browser's
HTML parser treats "<!--" followed by "<script" inside a script element specially: the
element then no longer ends at its own </script>, and the rest of the page is swallowed
into it (a blank page). Only a browser shows this; Python's HTML parsers do not model it.
"""
from __future__ import annotations

from contextlib import contextmanager

from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import built_page, serving
from tests.conftest import SITE_TOML, article

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


LONG_LINK = "https://dichvucong.bocongan.example.vn/thu-tuc?ma=" + "x" * 120
PAGES = ["/", "/tin-hoat-dong/", "/tin-hoat-dong/dai-1/", "/don-vi/cong-an-xa-dong-tien/",
         "/phong-trao/dan-van-kheo/", "/luu-tru/2026/01/", "/don-vi/", "/phong-trao/"]


def test_long_unbroken_words_wrap_instead_of_widening_a_phone_screen(make_site, build_site, browser):
    """A pasted link in a summary, a title or unit name without spaces, a pasted player
    800 px wide: every page kind still fits a 360 px phone and a desktop (cards, headline
    lists, campaign tags, the home page's columns, the article's body)."""
    toml = (SITE_TOML.replace('name = "Công an xã Đồng Tiến"', f'name = "CôngAnXã{"Đ" * 60}"')
            .replace('name = "Dân vận khéo"', f'name = "DânVận{"K" * 60}"')
            + '\n[security]\niframe_hosts = ["www.youtube-nocookie.com"]\n')
    pasted = ('<iframe width="800" height="450" src="https://www.youtube-nocookie.com/embed/abc"></iframe>\n\n'
              '<video width="1200" controls src="/video/ra-quan.mp4"></video>\n\n'
              # a report's outline, ten levels deep, and quotes within quotes
              + "\n".join("    " * n + f"- Mục cấp {n} của bản báo cáo tổng kết" for n in range(10)) + "\n\n"
              + "\n".join(">" * n + f" Trích dẫn cấp {n}" for n in range(1, 8)) + "\n\n")
    files = {f"content/tin-hoat-dong/dai-{i}.md": article(
        f"Tiêu đề {i} {'Đ' * 80}", slug=f"dai-{i}", unit="cong-an-xa-dong-tien", campaigns=["dan-van-kheo"],
        date=f"2026-01-2{i}T09:30:00", featured="true" if i < 2 else "false",
        summary=f'"Xem {LONG_LINK}"', body=f"{pasted}Xem hướng dẫn tại {LONG_LINK}") for i in range(5)}
    built = build_site(make_site(files, site_toml=toml))
    assert built.result.ok, built.messages
    with serving(built.out) as base:
        for width in (360, 1366):
            context = browser.new_context(viewport={"width": width, "height": 800})
            try:
                page = context.new_page()
                for url in PAGES:
                    page.goto(base + url)
                    assert page.locator("h1").is_visible(), url
                    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
                    assert widths[0] <= widths[1], (width, url, widths)
            finally:
                context.close()


WORD_TABLE = """<table class=MsoTableGrid border=1 width=900 style='width:675.0pt'>
<tr><td><p class=MsoNormal><b>TT</b></p></td><td><p class=MsoNormal><b>Nội dung công tác</b></p></td>
<td><p><b>Kết quả kỳ này</b></p></td><td><p><b>So với cùng kỳ năm trước</b></p></td><td><p><b>Ghi chú</b></p></td></tr>
<tr><td>1</td><td><p class=MsoNormal>Kiểm tra, xử lý vi phạm nồng độ cồn</p></td><td>1.245 trường hợp</td>
<td>tăng 12,5%</td><td>Tước giấy phép lái xe 310 trường hợp</td></tr>
</table>"""


def test_a_report_table_pasted_from_word_keeps_readable_columns_on_a_phone(make_site, build_site, browser):
    """Five columns on a 360 px phone: the table scrolls sideways within the page rather than
    squeezing each column to a syllable per line, and Word's <p> in a cell adds no margins."""
    with _on_a_phone(make_site, build_site, browser, article("Báo cáo tháng", body=WORD_TABLE)) as page:
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        region = page.locator(".article .body [role=region]")  # (the table's scrolling region)
        assert region.evaluate("t => t.scrollWidth > t.clientWidth")  # the rest is a swipe away
        cell = page.locator("td p", has_text="Kiểm tra")
        lines = cell.evaluate("p => p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)")
        assert round(lines) <= 5, lines  # (8 when each column took a fifth of the phone)
        assert cell.evaluate("p => getComputedStyle(p).marginTop") == "0px"


def test_in_large_text_the_video_s_play_label_is_whole(make_site, build_site, browser):
    """A phone's text at 200 % (Bác Hùng's): "Xem video", laid over the picture on one line
    and cut at its edges, read "m vid"; it wraps, and the picture's box grows to hold it."""
    body = "Sáng 21/1, Công an tỉnh tổ chức lễ ra quân.\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nĐoạn sau.\n"
    with _on_a_phone(make_site, build_site, browser, article("Video ra quân", body=body)) as page:
        page.set_viewport_size({"width": 320, "height": 640})
        for size in ("100%", "200%"):
            page.evaluate("size => document.documentElement.style.fontSize = size", size)
            box, label = (page.locator(selector).bounding_box() for selector in ("a.video-link", ".video-play"))
            assert box["x"] <= label["x"] and label["x"] + label["width"] <= box["x"] + box["width"], (size, box, label)
            assert box["y"] <= label["y"] and label["y"] + label["height"] <= box["y"] + box["height"], (size, box, label)
            play = page.locator(".video-play")
            assert play.evaluate("p => p.scrollWidth <= p.clientWidth"), size  # no word of it cut either
            assert label["height"] >= 44  # still a finger-sized target
        page.evaluate("document.documentElement.style.fontSize = ''")
        box = page.locator("a.video-link").bounding_box()
        assert abs(box["width"] / box["height"] - 16 / 9) < 0.02  # (in usual text, the picture's own shape)


@contextmanager
def _on_a_phone(make_site, build_site, browser, text: str):
    """The page of one article (`text`, with its front-matter), open on a 360 px phone."""
    built = build_site(make_site({"content/tin-hoat-dong/bai.md": text}))
    url = next(p.parent for p in (built.out / "tin-hoat-dong").glob("*/index.html")).relative_to(built.out)
    with built_page(built, browser, f"/{url.as_posix()}/", viewport={"width": 360, "height": 800}) as page:
        yield page


def test_a_column_of_figures_is_narrow_and_right_aligned_digit_under_digit(make_site, build_site, browser):
    """A statistics table pasted from Excel: "STT" and "Số vụ" need no text column's width on a
    phone, and figures read best right-aligned; the unit names keep theirs."""
    body = ("STT\tĐơn vị\tSố vụ\tTăng/giảm\n1\tCông an huyện Văn Lâm\t1.234\t+12%\n"
            "2\tCông an huyện Yên Mỹ\t8\t-3%\n10\tPhòng Cảnh sát hình sự\t\t0%\n")
    with _on_a_phone(make_site, build_site, browser, article("Số liệu", body=body)) as page:
        widths = page.locator(".article .body tr").first.locator("th").evaluate_all(
            "cells => cells.map(c => c.getBoundingClientRect().width)")
        assert widths[0] < 0.7 * widths[1], widths  # STT: as narrow as its numbers, not a text column's 5.5em
        rights = page.locator(".article .body td:nth-child(3)").evaluate_all(
            "cells => cells.filter(c => c.textContent.trim()).map(c => { const r = document.createRange();"
            " r.selectNodeContents(c); return Math.round(r.getBoundingClientRect().right); })")
        assert len(set(rights)) == 1, rights  # 1.234 and 8 end at one edge: right-aligned
        align = page.locator(".article .body td:nth-child(2)").first.evaluate("c => getComputedStyle(c).textAlign")
        assert align in ("left", "start")  # names stay left


def test_a_youtube_address_alone_on_its_line_plays_the_video_when_tapped(make_site, build_site, browser):
    """Units paste their clip's address as they would on Facebook: a phone gets the video's
    picture with a play button (one small image on a slow network), and the player only
    once the reader taps it, from youtube-nocookie.com."""
    body = "Sáng 21/1, Công an tỉnh tổ chức lễ ra quân.\n\nhttps://youtu.be/dQw4w9WgXcQ?t=42\n\nĐoạn sau.\n"
    with _on_a_phone(make_site, build_site, browser, article("Video ra quân", body=body)) as page:
        page.route("https://**/*", lambda route: route.abort())  # no network in the tests
        assert page.locator(".article .body iframe").count() == 0
        box = page.locator("a.video-link").bounding_box()
        column = page.locator(".article .body").bounding_box()
        assert abs(box["width"] - column["width"]) < 1 and abs(box["width"] / box["height"] - 16 / 9) < 0.02
        play = page.get_by_text("Xem video")
        assert play.is_visible() and play.bounding_box()["height"] >= 44  # a finger-sized target
        bad = [(v["id"], v["impact"]) for v in Axe().run(page).response["violations"]
               if v["impact"] in ("moderate", "serious", "critical")]
        assert bad == []
        play.click()
        player = page.locator(".article .body figure.video iframe")
        assert player.get_attribute("src") == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=42"
        assert abs(player.bounding_box()["width"] / player.bounding_box()["height"] - 16 / 9) < 0.02
        assert page.locator("a.video-link").count() == 0
        assert player.get_attribute("title") == "Video YouTube: Video ra quân"  # named as its button was


def test_a_named_video_is_named_once_to_a_screen_reader(browser):
    """A hidden <figcaption> names its figure all the same (HTML-AAM and accname 1.2, as Playwright
    computes it): "Lễ ra quân" was read as the figure's name, then as the button's; it is said once."""
    from generator.markup import MarkupConverter
    from tests.unit.test_limits import body_article
    body = MarkupConverter({}).convert(body_article("Mở đầu.\n\n![Lễ ra quân](https://youtu.be/dQw4w9WgXcQ)\n")).html
    page = browser.new_page()
    try:
        page.set_content(f'<!doctype html><html lang="vi"><body><main class="article">{body}</main></body></html>')
        tree = page.locator("main").aria_snapshot()
        # without the site's style, as a feed reader or a browser's reader view shows the body: a line of its own
        shown = page.locator("figure.video").inner_text()
    finally:
        page.close()
    assert tree.count("Lễ ra quân") == 1, tree
    assert shown.split("\n") == ["Xem video", "Lễ ra quân"]
    assert 'link "Xem video: Lễ ra quân"' in tree
