"""Letters styled by Unicode, as Facebook posts fake bold ("𝐓𝐇𝐎̂𝐍𝐆 𝐁𝐀́𝐎"), are read as the
plain letters they stand for, in the emphasis they showed."""
from bs4 import BeautifulSoup

from generator.content import split_source
from generator.markup import MarkupConverter

_CONVERTER = MarkupConverter({})


def _html(body: str) -> BeautifulSoup:
    return BeautifulSoup(_CONVERTER.md.reset().convert(body), "html.parser")


def test_a_body_s_styled_words_are_plain_words_in_their_emphasis():
    soup = _html("𝐂𝐨̂𝐧𝐠 𝐚𝐧 𝐭𝐢̉𝐧𝐡 thông báo: 𝘊𝘩𝘪 𝘵𝘪𝘦̂́𝘵 𝙃𝙤̛̣𝙥 𝙩𝙖́𝙘, gọi 𝟭𝟭𝟯 hoặc 𝚖𝚘𝚗𝚘.")
    paragraph = soup.p
    assert paragraph.get_text() == "Công an tỉnh thông báo: Chi tiết Hợp tác, gọi 113 hoặc mono."
    assert [s.get_text() for s in paragraph.find_all("strong")] == ["Công an tỉnh", "Hợp tác", "113"]
    assert [e.get_text() for e in paragraph.find_all("em")] == ["Chi tiết", "Hợp tác"]  # bold italic: both
    assert paragraph.find("em").find_parent("strong") is None


def test_headings_alt_texts_the_writer_s_emphasis_and_code_are_not_marked_again():
    soup = _html("## 𝐊𝐞̂́𝐭 𝐪𝐮𝐚̉\n\n**𝐓𝐞𝐱𝐭** và `𝐜𝐨𝐝𝐞`\n\n```\n𝐜𝐨𝐝𝐞\n```\n\n![𝐋𝐞̂̃ 𝐫𝐚 𝐪𝐮𝐚̂𝐧](https://example.vn/a.jpg)\n")
    assert soup.img["alt"] == "Lễ ra quân"  # not "**Lễ ra quân**"
    link = _html("[𝐗𝐞𝐦 𝐭𝐡𝐞̂𝐦](https://congan.example.vn/𝐭𝐢𝐧/)\n").a
    assert (link.get_text(), link.strong.get_text()) == ("Xem thêm", "Xem thêm")
    assert link["href"] == "https://congan.example.vn/tin/"  # an address takes no ** marks
    assert soup.h2.get_text() == "Kết quả" and soup.h2.find("strong") is None
    assert [s.get_text() for s in soup.find_all("strong")] == ["Text"]  # not ****Text****
    assert [c.get_text() for c in soup.find_all("code")] == ["𝐜𝐨𝐝𝐞", "𝐜𝐨𝐝𝐞\n"]  # code as written


def test_front_matter_values_are_plain_letters():
    text = ('---\ntitle: "𝐓𝐇𝐎̂𝐍𝐆 𝐁𝐀́𝐎 𝐓𝐔𝐘𝐄̂̉𝐍 𝐒𝐈𝐍𝐇"\ndate: 2026-01-21\nunit: cong-an-tinh\n'
            'category: tin-hoat-dong\nauthor: 𝐏𝐡𝐮̛𝐨̛𝐧𝐠 𝐇𝐮𝐲𝐞̂̀𝐧\n---\n\nNội dung.\n')
    source, problems = split_source("content/tin-hoat-dong/x.md", text)
    assert problems == []
    assert (source.front["title"], source.front["author"]) == ("THÔNG BÁO TUYỂN SINH", "Phương Huyền")
