"""A YouTube address alone on its line becomes the video's picture and play button."""
from dataclasses import replace

from bs4 import BeautifulSoup

from generator.markup import MarkupConverter
from tests.unit.test_limits import body_article

_CONVERTER = MarkupConverter({})


def _html(body: str) -> BeautifulSoup:
    return BeautifulSoup(_CONVERTER.convert(body_article(body)).html, "html.parser")


def test_each_way_of_writing_the_address_gives_the_player():
    for written, start in (("https://www.youtube.com/watch?v=dQw4w9WgXcQ", ""),
                           ("<https://youtu.be/dQw4w9WgXcQ?t=90>", "&start=90"),
                           ("https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=5s", "&start=5"),
                           ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "")):
        page = _html(f"Mở đầu.\n\n{written}\n")
        link = page.select_one("figure.video > a.video-link")
        assert link is not None, written
        assert link["href"] == written.strip("<>")  # without script: a link to the video on YouTube
        assert link["data-player"] == f"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1{start}"
        assert link.find("img")["src"] == "https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg"
        assert link.has_attr("data-pagefind-ignore")  # (the button's words are not the article's)


def test_an_address_in_a_sentence_or_a_link_with_its_own_words_stays_a_link():
    for body in ("Xem https://youtu.be/dQw4w9WgXcQ nhé.", "[Xem video ra quân](https://youtu.be/dQw4w9WgXcQ)",
                 "https://www.youtube.com/watch?v=ngan", "https://www.youtube.com/channel/UC1234567890",
                 "https://vimeo.com/123456789"):
        page = _html(body)
        assert page.find("figure") is None and page.find("a") is not None, body


def _names(page: BeautifulSoup) -> list[str]:
    """What a screen reader says for each video's button: its link's name, else its words (the picture's alt is empty)."""
    return [link.get("aria-label") or " ".join(link.get_text().split()) for link in page.select("figure.video > a.video-link")]


def test_each_video_is_named_for_a_screen_reader_by_what_it_shows_and_still_reads_xem_video():
    article = body_article("https://youtu.be/dQw4w9WgXcQ\n\nGiữa.\n\n![Lễ ra quân năm 2026](https://youtu.be/aaaaaaaaaaa)\n\n"
                           "https://www.youtube.com/watch?v=bbbbbbbbbbb\n")
    page = BeautifulSoup(_CONVERTER.convert(replace(article, title="Công an tỉnh ra quân")).html, "html.parser")
    assert _names(page) == ["Xem video: Công an tỉnh ra quân (video 1/2)", "Xem video: Lễ ra quân năm 2026",
                            "Xem video: Công an tỉnh ra quân (video 2/2)"]
    assert len(set(_names(page))) == 3  # a list of links that all said "Xem video" told which was which by nothing
    assert [play.get_text() for play in page.select(".video-play")] == ["Xem video"] * 3  # what a sighted reader sees
    # `![…](address)` was a picture whose src was a YouTube page: a broken image
    assert not [img for img in page.find_all("img") if "ytimg.com" not in img["src"]]
    assert [a["href"] for a in page.select("a.video-link")][1] == "https://youtu.be/aaaaaaaaaaa"
    # the editor's words are its caption, as a clip's are; hidden from the screen reader that just read them
    assert [(f.get_text(), f.get("aria-hidden")) for f in page.select("figure.video .video-caption")] == [
        ("Lễ ra quân năm 2026", "true")]


def test_a_named_videos_figure_takes_no_second_name_from_its_caption():
    """A <figcaption> names its figure even when hidden (HTML-AAM, accname 1.2): a browser following them
    gave "Lễ ra quân" as the figure's name, then "Xem video: Lễ ra quân" as the button's (Chromium
    names no figure, and said it once). The figure has no name to give now."""
    page = _html("Mở đầu.\n\n![Lễ ra quân](https://youtu.be/dQw4w9WgXcQ)\n\nhttps://youtu.be/aaaaaaaaaaa\n")
    figures = page.select("figure.video")
    assert len(figures) == 2
    assert [(f.find("figcaption"), f.get("aria-label"), f.get("aria-labelledby"), f.get("title")) for f in figures] == [
        (None, None, None, None)] * 2
    assert _names(page)[0] == "Xem video: Lễ ra quân"  # said once, by the button
    assert " ".join(figures[0].get_text(" ").split()) == "Xem video Lễ ra quân"  # what a sighted reader sees


def test_a_single_unnamed_video_is_named_by_the_article_without_a_number():
    article = replace(body_article("Mở đầu.\n\nhttps://youtu.be/dQw4w9WgXcQ\n"), title='Tuyên truyền <an toàn> "giao thông"')
    page = BeautifulSoup(_CONVERTER.convert(article).html, "html.parser")
    assert _names(page) == ['Xem video: Tuyên truyền <an toàn> "giao thông"']


def test_an_article_of_a_video_alone_has_no_button_words_for_its_summary():
    from generator.markup import derive_summary
    html = _CONVERTER.convert(replace(body_article("https://youtu.be/dQw4w9WgXcQ\n"), title="Lễ ra quân")).html
    assert "Xem video" not in derive_summary(html) and "Lễ ra quân" not in derive_summary(html)


def test_a_youtube_address_written_as_a_picture_inside_a_sentence_is_a_link_to_it_not_a_broken_picture():
    page = _html("Xem ![lễ ra quân](https://youtu.be/dQw4w9WgXcQ) và ![](https://youtu.be/aaaaaaaaaaa?t=3) nhé.\n")
    assert page.find("img") is None and page.find("figure") is None
    assert [(a["href"], a.get_text()) for a in page.find_all("a")] == [
        ("https://youtu.be/dQw4w9WgXcQ", "lễ ra quân"), ("https://youtu.be/aaaaaaaaaaa?t=3", "https://youtu.be/aaaaaaaaaaa?t=3")]
    linked = _html("Xem [![lễ ra quân](https://youtu.be/dQw4w9WgXcQ)](https://bocongan.gov.vn/video) nhé.\n")
    assert [(a["href"], a.get_text()) for a in linked.find_all("a")] == [("https://bocongan.gov.vn/video", "lễ ra quân")]


def test_a_video_pasted_in_html_with_its_address_before_its_words_is_the_player_too():
    """`<img src="https://youtu.be/…" alt="…">`, as pasted HTML writes it (src first, or no alt):
    it stayed a broken picture, and the build, which takes such an address for a video, said nothing."""
    page = _html('Mở đầu.\n\n<p><img src="https://youtu.be/dQw4w9WgXcQ" alt="Lễ ra quân"></p>\n\n'
                 'Xem <img src="https://youtu.be/aaaaaaaaaaa" width="200"> nhé.\n')
    assert _names(page) == ["Xem video: Lễ ra quân"]
    assert [f.get_text() for f in page.select("figure.video .video-caption")] == ["Lễ ra quân"]
    assert [a["href"] for a in page.select("p a")] == ["https://youtu.be/aaaaaaaaaaa"]  # in a sentence: a link
    assert not [img for img in page.find_all("img") if "ytimg.com" not in img["src"]]  # no broken picture


def test_a_video_on_a_line_of_its_own_with_no_blank_line_around_it_is_the_player():
    """"Alone on its line": under a lead-in ("Clip lễ ra quân:"), above its caption or another
    video, with no blank line between (as text pasted from Zalo or Word is), it was a link."""
    page = _html("Clip lễ ra quân:\nhttps://youtu.be/dQw4w9WgXcQ\nhttps://youtu.be/aaaaaaaaaaa\n\n"
                 "![Diễn tập](https://youtu.be/bbbbbbbbbbb)\n*Nguồn: Phòng Tham mưu*\n\n"
                 "Xem https://youtu.be/ccccccccccc nhé,\n[video khác](https://youtu.be/ddddddddddd)\n\nCuối:\nhttps://youtu.be/eeeeeeeeeee\t\n")
    assert [a["href"] for a in page.select("figure.video > a.video-link")] == [
        "https://youtu.be/dQw4w9WgXcQ", "https://youtu.be/aaaaaaaaaaa", "https://youtu.be/bbbbbbbbbbb",
        "https://youtu.be/eeeeeeeeeee"]
    assert [p.get_text() for p in page.find_all("p")] == [
        "Clip lễ ra quân:", "Nguồn: Phòng Tham mưu",
        "Xem https://youtu.be/ccccccccccc nhé,\nvideo khác", "Cuối:"]  # in a sentence, or with words of its own: links
