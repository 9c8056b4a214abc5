import random
from xml.sax import saxutils

import pytest

from generator.xml_text import escape, quoteattr

TRICKY = ["", "Tin tức", "A & B", "<b>đậm</b>", "a > b", 'câu "trích"', "it's", "\"both\" 'kinds'",
          "dòng 1\ndòng 2\r\n\tthụt", "&amp; already", "https://congan.example.vn/tim-kiem/?q=an+ninh&trang=2"]


@pytest.mark.parametrize("text", TRICKY)
def test_the_same_text_as_the_standard_librarys(text):
    assert escape(text) == saxutils.escape(text)
    assert quoteattr(text) == saxutils.quoteattr(text)


def test_the_same_text_as_the_standard_librarys_for_random_strings():
    rng = random.Random(48)
    alphabet = "aăâđêôơư &<>\"'\n\r\t;#x0"
    for _ in range(2_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        assert (escape(text), quoteattr(text)) == (saxutils.escape(text), saxutils.quoteattr(text)), text
