"""Tables pasted as HTML read as photo_tables.photo_table reads a Markdown one."""
from __future__ import annotations

from generator.photo_tables import pasted_photo_tables


def _read(html: str) -> list[list[tuple[str, str | None, str | None]]]:
    """Each photo table's photos as (src, its link's href, caption)."""
    return [[(attrs["src"], link and link.get("href"), caption) for (_, attrs, link), caption in photos]
            for _, _, photos in pasted_photo_tables(html)]


def test_a_pasted_frame_of_a_photo_is_read_with_its_caption_as_its_words():
    html = ('<p>Trước</p><table class="tplCaption" align="center"><tbody><tr><td><p><img src="a.jpg" alt=""></p></td>'
            '</tr><tr><td class="Image"><p><em>Lãnh đạo&nbsp;phát biểu<br>(Ảnh: <b>Minh</b> Khôi)</em></p></td></tr>'
            '</tbody></table>')
    [(start, end, _)] = pasted_photo_tables(html)
    assert html[start:end].startswith("<table") and html[start:end].endswith("</table>")
    assert _read(html) == [[("a.jpg", None, "Lãnh đạo phát biểu (Ảnh: Minh Khôi)")]]


def test_photos_in_a_row_keep_the_link_holding_each():
    html = ('<table><tr><td><a href="a.jpg"><img src="a.jpg" /></a></td><td><img src="b.jpg"></td></tr>'
            '<tr><td>Một</td><td>&nbsp;</td></tr></table>')
    assert _read(html) == [[("a.jpg", "a.jpg", "Một"), ("b.jpg", None, None)]]


def test_a_table_holding_anything_else_is_no_photo_table():
    photo = '<tr><td><img src="a.jpg"></td></tr>'
    for other in ('<tr><td>Ảnh: <a href="https://bao.example.vn/">Báo</a></td></tr>',  # (its link would be lost)
                  '<tr><td><a href="a.jpg"><img src="a.jpg"> Xem</a></td></tr>',
                  '<tr><td><ul><li>Ảnh: Một</li></ul></td></tr>',
                  '<tr><td><iframe src="https://www.youtube.com/embed/x"></iframe></td></tr>'):
        assert _read(f"<table>{photo}{other}</table>") == [], other
    assert _read(f"<table><caption>Hình ảnh</caption>{photo}<tr><td>Một</td></tr></table>") == []
    # (a table of photos in another's cell is read; the one holding it is not)
    assert _read(f"<table><tr><td><table>{photo}<tr><td>Một</td></tr></table></td><td>Bên</td></tr></table>") == [
        [("a.jpg", None, "Một")]]
