"""Photos side by side on one line, as a reader's phone and a wide screen show them."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import built_page
from tests.conftest import article
from tests.photos import phone_jpeg

BODY = ("Một số hình ảnh tại buổi lễ:\n\n"
        "![Lễ chào cờ](a.jpg) ![Diễu hành](b.jpg) ![Trao cờ thi đua cho các đơn vị xuất sắc](c.jpg)\n"
        "*Toàn cảnh buổi lễ. Ảnh: Minh Khôi*\n\nKhông mô tả:\n\n![](a.jpg) ![](b.jpg)\n\nHết.\n")


@pytest.mark.parametrize("width, rows", [(360, [[0], [1, 2]]), (1200, [[0, 1, 2]])])
def test_a_gallery_lines_its_photos_up_in_rows_of_one_shape(make_site, build_site, browser, width, rows):
    """On a phone two to a row, the first of an odd count across it; from 760 px three to a
    row. Each photo fills a cell of one shape (a portrait among landscapes too), within the
    text column, the caption of them all under them; a tap on one opens its whole photo."""
    files = {"content/tin-hoat-dong/ra-quan/index.md": article("Ra quân", body=BODY)}
    for name, size in [("a", (1200, 800)), ("b", (800, 1200)), ("c", (1600, 900))]:
        files[f"content/tin-hoat-dong/ra-quan/{name}.jpg"] = phone_jpeg(*size)
    built = build_site(make_site(files))
    url = next(p.parent for p in (built.out / "tin-hoat-dong").glob("*/index.html")).relative_to(built.out)
    with built_page(built, browser, f"/{url.as_posix()}/", viewport={"width": width, "height": 900}) as page:
        page.locator(".gallery").first.scroll_into_view_if_needed()
        page.wait_for_function("[...document.querySelectorAll('.gallery img')].every(i => i.complete && i.naturalWidth)")
        boxes = page.locator(".gallery").first.locator("img").evaluate_all(
            "imgs => imgs.map(i => { const r = i.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })")
        column = page.locator(".article .body").bounding_box()
        tops = [sorted({round(boxes[i][1]) for i in row}) for row in rows]
        assert all(len(top) == 1 for top in tops), boxes  # each row's photos start at one height
        assert [top[0] for top in tops] == sorted(top[0] for top in tops)
        for row in rows:
            for i in row:
                x, _, w, h = boxes[i]
                assert abs(w / h - 4 / 3) < 0.02, boxes[i]  # one shape
                assert column["x"] - 1 <= x and x + w <= column["x"] + column["width"] + 1
            share = (column["width"] - 8 * (len(row) - 1)) / len(row)  # .5rem between cells
            assert all(abs(boxes[i][2] - share) < 2 for i in row), (boxes, share)
        assert [page.locator(".gallery figure figcaption").nth(i).inner_text() for i in range(3)] == [
            "Lễ chào cờ", "Diễu hành", "Trao cờ thi đua cho các đơn vị xuất sắc"]
        whole = page.locator(".gallery > figcaption").bounding_box()  # the caption of them all, under them
        assert page.locator(".gallery > figcaption").inner_text() == "Toàn cảnh buổi lễ. Ảnh: Minh Khôi"
        assert abs(whole["width"] - column["width"]) < 2 and whole["y"] > max(y + h for _, y, _, h in boxes)
        bad = [(v["id"], v["impact"]) for v in Axe().run(page).response["violations"]
               if v["impact"] in ("moderate", "serious", "critical")]
        assert bad == []
        undescribed = page.locator(".gallery").nth(1).get_by_role("link")  # no alt: still a link that says what it opens
        assert [undescribed.nth(i).get_attribute("aria-label") for i in range(2)] == ["Ảnh 1, xem cỡ lớn", "Ảnh 2, xem cỡ lớn"]
        page.locator(".gallery a").nth(1).click()
        page.wait_for_load_state()
        assert page.url.endswith(".jpg") and page.evaluate("document.images[0].naturalHeight") > 800
