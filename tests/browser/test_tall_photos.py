"""A long screenshot of a chat (a scam warning's evidence), as a reader's phone and a wide screen show it."""
from __future__ import annotations

import io
import re

import pytest
from PIL import Image, ImageDraw

from tests.browser.conftest import built_page
from tests.conftest import article


def chat_screenshot(width: int = 1080, height: int = 9000) -> bytes:
    """A phone's scrolled screenshot of a chat: bubbles down a strip 8 times as tall as it is wide."""
    im = Image.new("RGB", (width, height), (235, 238, 242))
    draw = ImageDraw.Draw(im)
    for number, top in enumerate(range(40, height - 200, 190)):
        left = 40 if number % 2 == 0 else width - 760
        bubble = (255, 255, 255) if left == 40 else (0, 120, 255)
        draw.rounded_rectangle([left, top, left + 720, top + 150], 30, fill=bubble)
    out = io.BytesIO()
    im.save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize("width, scale", [(390, 3), (1366, 1)])
def test_a_long_screenshot_is_shown_the_column_s_width_sharp_enough(make_site, build_site, browser, width, scale):
    """Kept a screen high as a portrait photo is, a 1080×9000 screenshot was a strip 86 px
    wide in a column of 320 or 674: no reader could read the chat it shows."""
    body = "Đối tượng nhắn tin như sau:\n\n![Tin nhắn của đối tượng lừa đảo qua Zalo](chat.png)\n\nHãy cảnh giác.\n"
    built = build_site(make_site({"content/tin-hoat-dong/lua-dao/index.md": article("Cảnh báo lừa đảo", body=body),
                                  "content/tin-hoat-dong/lua-dao/chat.png": chat_screenshot()}))
    with built_page(built, browser, "/tin-hoat-dong/canh-bao-lua-dao/", viewport={"width": width, "height": 844},
                    device_scale_factor=scale) as page:
        img = page.locator(".article .body figure img")
        img.scroll_into_view_if_needed()
        page.wait_for_function("document.querySelector('.article .body figure img').complete")
        shown = img.bounding_box()
        column = page.locator(".article .body").bounding_box()
        assert abs(shown["width"] - column["width"]) < 1, (shown, column)
        assert abs(shown["height"] / shown["width"] - 9000 / 1080) < 0.05  # not cut, not squashed
        fetched = int(re.search(r"-(\d+)\.\w+$", img.evaluate("i => i.currentSrc")).group(1))  # the copy `sizes` picked
        assert fetched >= min(1080, shown["width"] * scale) - 1, fetched
        opened = page.locator(".article .body figure a").get_attribute("href")  # a tap opens its largest copy
        assert opened.endswith("-1080.jpg")


def test_a_pasted_photo_s_width_is_the_largest_it_is_shown(make_site, build_site, browser):
    """`<img src="logo.jpg" width="200">` pasted from an old portal was shown the column's whole
    width, a small emblem blown up over the phone's screen; its width is honoured (never past the
    column, never enlarged), and the copy fetched is one of that size."""
    from tests.photos import phone_jpeg
    body = ('Mở đầu.\n\n<div class="anh"><img src="logo.jpg" alt="Biểu trưng" width="200"></div>\n\n'
            '<div class="rong"><img src="logo.jpg" alt="Ảnh rộng" width="5000"></div>\n\n'
            '<div class="tu-nhien"><img src="nho.jpg" alt="Huy hiệu" width="150"></div>\n')
    built = build_site(make_site({"content/tin-hoat-dong/a/index.md": article("Biểu trưng", body=body),
                                  "content/tin-hoat-dong/a/logo.jpg": phone_jpeg(width=600, height=400),
                                  "content/tin-hoat-dong/a/nho.jpg": phone_jpeg(width=150, height=150)}))
    with built_page(built, browser, "/tin-hoat-dong/bieu-trung/", viewport={"width": 390, "height": 844}) as page:
        page.wait_for_function("[...document.querySelectorAll('.article .body img')].every(i => i.complete)")
        small = page.locator(".article .body .anh img").bounding_box()
        assert (round(small["width"]), round(small["height"])) == (200, 133), small
        column = page.locator(".article .body").bounding_box()
        wide = page.locator(".article .body .rong img").bounding_box()  # (wider than the photo: the column here)
        assert abs(wide["width"] - column["width"]) < 1, (wide, column)
        # An emblem pasted with its own width (as an editor's HTML writes it) is shown that wide, not
        # blown up to the column's width.
        natural = page.locator(".article .body .tu-nhien img").bounding_box()
        assert (round(natural["width"]), round(natural["height"])) == (150, 150), natural
        fetched = int(re.search(r"-(\d+)\.\w+$", page.locator(".article .body .anh img").evaluate(
            "i => i.currentSrc")).group(1))
        assert fetched <= 480, fetched


def test_a_pasted_photo_the_old_portal_centred_is_centred(make_site, build_site, browser):
    """A photo of a given width pasted centred (`<p style="text-align: center">`, `<div align="center">`,
    `<center>`, TinyMCE's auto margins) stood at the left of the column on a phone: the
    style attribute is not published (a strict CSP), so nothing centred it. A class does now; a photo
    pasted at the left, or in a paragraph aligned otherwise, stays there."""
    from tests.photos import phone_jpeg
    photo = '<img src="anh.jpg" alt="Lễ ra quân" width="200">'
    margins = '<img src="anh.jpg" alt="Lễ ra quân" width="200" style="display: block; margin: 0 auto">'
    body = (f'Mở đầu.\n\n<p class="p" style="text-align: center">{photo}</p>\n\n'
            f'<div class="div" align="center">{photo}</div>\n\n'
            f'<center><div class="center">{photo}</div></center>\n\n'
            f'<div class="le">{margins}</div>\n\n<div class="trai">{photo}</div>\n\n'
            f'<div align="center"><p class="deu" style="text-align: justify">{photo}</p></div>\n\n'
            f'<p class="webkit" style="text-align: -webkit-center;">{photo}</p>\n')  # (as Chrome copies a centred page)
    built = build_site(make_site({"content/tin-hoat-dong/a/index.md": article("Ảnh căn giữa", body=body),
                                  "content/tin-hoat-dong/a/anh.jpg": phone_jpeg(width=600, height=400)}))
    assert "style=" not in (built.out / "tin-hoat-dong/anh-can-giua/index.html").read_text(encoding="utf-8")
    with built_page(built, browser, "/tin-hoat-dong/anh-can-giua/", viewport={"width": 390, "height": 844}) as page:
        margins = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.article .body img')].map(
            i => { const box = i.getBoundingClientRect(), cell = i.closest('p, div, td').getBoundingClientRect();
                   return [i.closest('[class]:not(picture):not(a)').classList[0],
                           [Math.round(box.left - cell.left), Math.round(cell.right - box.right)]]; }))""")
    for centred in ("p", "div", "center", "le", "webkit"):
        left, right = margins[centred]
        assert left > 20 and abs(left - right) <= 1, (centred, margins)
    for at_left in ("trai", "deu"):
        assert margins[at_left][0] == 0 and margins[at_left][1] > 20, (at_left, margins)
