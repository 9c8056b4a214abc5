"""A line starting with a hashtag is text (CommonMark's rule, which Hugo and Zola follow):
Python-Markdown made "#ANTQ #DânVậnKhéo" a heading."""
from bs4 import BeautifulSoup

from generator.markup import MarkupConverter

_CONVERTER = MarkupConverter({})


def _blocks(body: str) -> list[tuple[str, str]]:
    soup = BeautifulSoup(_CONVERTER.md.reset().convert(body), "html.parser")
    return [(node.name, " ".join(node.get_text(" ").split())) for node in soup.find_all(True) if node.name != "br"]


def test_hashtags_and_numbers_after_a_mark_stay_text():
    assert _blocks("Kết thúc bài.\n\n#CôngAnHưngYên #VìANTQ") == [("p", "Kết thúc bài."), ("p", "#CôngAnHưngYên #VìANTQ")]
    assert _blocks("Vụ án nổi bật\n#1 trong năm") == [("p", "Vụ án nổi bật #1 trong năm")]
    assert _blocks("##Mục viết liền") == [("p", "##Mục viết liền")]
    assert _blocks("- #ANTQ\n- #DVK") == [("ul", "#ANTQ #DVK"), ("li", "#ANTQ"), ("li", "#DVK")]
    assert _blocks("> #ANTQ") == [("blockquote", "#ANTQ"), ("p", "#ANTQ")]


def test_headings_written_with_a_space_and_code_are_as_before():
    assert _blocks("# Tiêu đề\n\n### Mục {#muc-rieng}") == [("h2", "Tiêu đề"), ("h4", "Mục")]  # (one level down: the title is the h1)
    assert _blocks("    #include <stdio.h>") == [("pre", "#include <stdio.h>"), ("code", "#include <stdio.h>")]
    assert _blocks("```\n#x\n```") == [("pre", "#x"), ("code", "#x")]
    assert _blocks("Đoạn `#x` và #y") == [("p", "Đoạn #x và #y"), ("code", "#x")]
