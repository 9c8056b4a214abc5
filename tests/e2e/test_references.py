"""What a body asks for that readers would not get is named at its line: a footnote or a
reference link the article never defines (readers see its brackets), an embed code the portal
drops (readers see nothing)."""
from __future__ import annotations

from tests.conftest import article, text_of

BODY = ("Mở đầu.\n\n"
        "Số vụ tai nạn giảm 12%[^1], số người chết giảm[^2].\n\n"
        "Xem [Kế hoạch số 45][ke-hoach] và [Công văn][1].\n\n"
        "[^1]: Số liệu của Phòng Cảnh sát giao thông.\n\n"
        "[ke-hoach]: https://congan.example.vn/ke-hoach-45.pdf\n")


def test_undefined_marks_are_named_and_defined_ones_work(make_site, build_site):
    built = build_site(make_site({"content/tin-hoat-dong/bai.md": article("Kết quả tháng 11", body=BODY)}))
    assert built.result.ok, built.messages
    told = sorted(str(p) for p in built.result.problems)
    assert told == [
        "content/tin-hoat-dong/bai.md:10: warning[undefined-footnote]: the footnote '[^2]' has no text: write "
        "'[^2]: …' on a line of its own at the end of the article (readers see [^2] as it is)",
        "content/tin-hoat-dong/bai.md:12: warning[undefined-reference]: the link names '[1]', which the article does "
        "not define: write '[1]: https://…' on a line of its own, or the address in ( ) after the words "
        "(readers see the brackets)"]
    body = built.page("/tin-hoat-dong/ket-qua-thang-11/").find("div", class_="body")
    assert body.find("a", href="https://congan.example.vn/ke-hoach-45.pdf") is not None  # defined: a link
    assert body.find("sup", id="fnref:1") is not None  # defined: a footnote
    assert "[^2]" in text_of(body) and "[Công văn][1]" in text_of(body)  # what the warnings are about


def test_an_embed_code_the_portal_drops_is_named_with_what_to_write(make_site, build_site):
    """A map or a video pasted as its embed code vanished from the page without a word."""
    body = ("Mở đầu.\n\n"
            '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=x" allowfullscreen>'
            "</iframe>\n\n"
            '<iframe src="https://www.google.com/maps/embed?pb=1" width="600"></iframe>\n')
    built = build_site(make_site({"content/tin-hoat-dong/bai.md": article("Bản đồ chốt", body=body)}))
    assert built.result.ok, built.messages
    assert sorted(str(p) for p in built.result.problems) == [
        "content/tin-hoat-dong/bai.md:10: warning[dropped-iframe]: the YouTube player pasted as an iframe is not "
        "shown: write the video's address alone on its line, https://www.youtube.com/watch?v=dQw4w9WgXcQ, and the "
        "article shows its picture and plays it on a tap",
        "content/tin-hoat-dong/bai.md:12: warning[dropped-iframe]: the frame embedded from www.google.com is not "
        "shown: a body may embed only the sites listed in site.toml ([security] iframe_hosts, and none is); add "
        '"www.google.com" there if the portal may show it']
    assert built.page("/tin-hoat-dong/ban-do-chot/").find("div", class_="body").find("iframe") is None


def test_a_flash_player_an_old_portal_pasted_is_named_with_what_to_write(make_site, build_site):
    """An old portal's clips are Flash players (<object> and <embed>, YouTube's first embed code too):
    the sanitizer drops them, and the paragraph around vanished from the page without a word."""
    body = ("Mở đầu.\n\n"
            '<p><object width="425" height="344"><param name="movie" value="/uploads/video/clip.swf"></param>\n'
            '<embed src="/uploads/video/clip.flv" type="application/x-shockwave-flash" width="425"></embed></object></p>\n\n'
            '<object width="425"><param name="movie" value="http://www.youtube.com/v/dQw4w9WgXcQ&hl=vi"></param>'
            '<embed src="http://www.youtube.com/v/dQw4w9WgXcQ&hl=vi" type="application/x-shockwave-flash"></embed></object>\n')
    built = build_site(make_site({"content/tin-hoat-dong/bai.md": article("Clip ra quân", body=body)}))
    assert built.result.ok, built.messages
    assert sorted(str(p) for p in built.result.problems) == [
        "content/tin-hoat-dong/bai.md:11: warning[dropped-player]: the player pasted as <object> or <embed> for "
        "'/uploads/video/clip.flv' is not shown (no browser has played Flash since 2021): save the clip as MP4 beside "
        "the article and show it as a photo is, ![…](clip.mp4), or put it on YouTube and write its address alone on "
        "its line",
        "content/tin-hoat-dong/bai.md:13: warning[dropped-player]: the YouTube player pasted as <object> or <embed> is "
        "not shown: write the video's address alone on its line, https://www.youtube.com/watch?v=dQw4w9WgXcQ, and the "
        "article shows its picture and plays it on a tap"]
    assert built.page("/tin-hoat-dong/clip-ra-quan/").find("div", class_="body").find(["object", "embed"]) is None


def test_a_player_named_by_its_param_alone_or_a_document_embedded_is_named_with_what_to_write(make_site, build_site):
    """Internet Explorer's form of the embed code (<object classid> naming YouTube's player by its
    <param name="movie">, no <embed>) vanished without a word; a document shown by <object data="….pdf">
    was told to be saved "as MP4" and put on YouTube."""
    body = ("Mở đầu.\n\n"
            '<object classid="clsid:D27CDB6E-AE6D-11cf-96B8-444553540000" width="425" height="344">'
            '<param name="movie" value="http://www.youtube.com/v/dQw4w9WgXcQ&hl=vi"></param></object>\n\n'
            '<object width="425" height="344"><param name="allowFullScreen" value="true">'
            "<param value='http://www.youtube.com/v/9bZkp7q19f0' NAME='Movie'></object>\n\n"
            "Văn bản:\n\n"
            '<object data="/uploads/van-ban/qd-12.pdf" type="application/pdf" width="100%" height="600"></object>\n')
    built = build_site(make_site({"content/tin-hoat-dong/bai.md": article("Clip ra quân", body=body)}))
    assert built.result.ok, built.messages
    assert [str(p) for p in built.result.problems] == [
        "content/tin-hoat-dong/bai.md:10: warning[dropped-player]: the YouTube player pasted as <object> or <embed> is "
        "not shown: write the video's address alone on its line, https://www.youtube.com/watch?v=dQw4w9WgXcQ, and the "
        "article shows its picture and plays it on a tap",
        # (its attributes the other way round, value="…" name="movie", as some editors' tools write them)
        "content/tin-hoat-dong/bai.md:12: warning[dropped-player]: the YouTube player pasted as <object> or <embed> is "
        "not shown: write the video's address alone on its line, https://www.youtube.com/watch?v=9bZkp7q19f0, and the "
        "article shows its picture and plays it on a tap",
        "content/tin-hoat-dong/bai.md:16: warning[dropped-player]: the document pasted as <object> or <embed>, "
        "'/uploads/van-ban/qd-12.pdf', is not shown: link it, [Tên văn bản](/uploads/van-ban/qd-12.pdf), and "
        "readers open or download it"]


def _notes_and_contents(built, url):
    article_html = built.page(url).find("article")
    notes = article_html.find("div", class_="footnote")
    contents = [text_of(a) for a in article_html.select(".toc a")]
    return notes, contents


def test_the_notes_at_the_end_stand_under_their_heading_and_out_of_the_contents(make_site, build_site):
    """The glossary's references ("Tài liệu tham khảo", a list at the end of an article): the
    notes were a bare rule and a list. The table of contents lists the text's parts only."""
    body = ("Mở đầu.\n\n## Tình hình\n\nTai nạn giảm 12%[^1].\n\n## Kết quả\n\nXử lý theo Nghị định[^nd].\n\n"
            "## Phương hướng\n\nTiếp tục.\n\n"
            "[^1]: Số liệu của Phòng Cảnh sát giao thông.\n[^nd]: Nghị định số 168/2024/NĐ-CP.\n")
    built = build_site(make_site({"content/tin-hoat-dong/bai.md": article("Kết quả tháng 11", body=body)}))
    assert built.result.ok, built.messages
    notes, contents = _notes_and_contents(built, "/tin-hoat-dong/ket-qua-thang-11/")
    heading = notes.find(["h2", "h3"])
    assert text_of(heading) == "Tài liệu tham khảo" and heading.name == "h2"
    assert heading.find_next_sibling("ol") is not None and notes.find("hr") is None
    assert [text_of(li).rstrip(" ↩") for li in notes.find_all("li")] == [
        "Số liệu của Phòng Cảnh sát giao thông.", "Nghị định số 168/2024/NĐ-CP."]
    assert heading["id"] == "muc-tai-lieu-tham-khao"  # a link to it can be shared
    assert contents == ["Tình hình", "Kết quả", "Phương hướng"]


def test_notes_the_editor_headed_keep_that_heading_alone(make_site, build_site):
    body = ("Mở đầu.\n\nTai nạn giảm 12%[^1].\n\n## Chú thích\n\n[^1]: Số liệu của Phòng Cảnh sát giao thông.\n")
    built = build_site(make_site({"content/tin-hoat-dong/bai.md": article("Kết quả tháng 12", body=body)}))
    assert built.result.ok, built.messages
    page = built.page("/tin-hoat-dong/ket-qua-thang-12/").find("div", class_="body")
    assert [text_of(h) for h in page.find_all(["h2", "h3"])] == ["Chú thích"]
    assert page.find("div", class_="footnote").find("hr") is None
