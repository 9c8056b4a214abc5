"""A footnote or a reference link the article never defines is named at its line; readers
would see its brackets as written."""
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
