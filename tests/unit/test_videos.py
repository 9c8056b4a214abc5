"""A YouTube address alone on its line becomes the video's picture and play button."""
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
        assert page.find("figure").has_attr("data-pagefind-ignore")


def test_an_address_in_a_sentence_or_a_link_with_its_own_words_stays_a_link():
    for body in ("Xem https://youtu.be/dQw4w9WgXcQ nhé.", "[Xem video ra quân](https://youtu.be/dQw4w9WgXcQ)",
                 "https://www.youtube.com/watch?v=ngan", "https://www.youtube.com/channel/UC1234567890",
                 "https://vimeo.com/123456789"):
        page = _html(body)
        assert page.find("figure") is None and page.find("a") is not None, body
