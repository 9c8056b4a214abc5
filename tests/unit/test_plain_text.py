"""The plain-text shortcut changes how fast an article converts, never what it converts to."""
from __future__ import annotations

import markdown
from markdown.inlinepatterns import SimpleTagInlineProcessor
from markdown.util import AtomicString

from generator import limits, plain_text
from generator.content import split_source
from generator.markup import EXTENSION_CONFIGS, EXTENSIONS, MarkupConverter
from tests.conftest import REPO, bench_corpus

# Each line or block holds one kind of inline markup, next to plain words the shortcut skips.
MARKUP = [
    "Đoàn công tác đến xã lúc 8 giờ sáng.",
    "Một dòng kết thúc bằng hai dấu cách  \nrồi xuống dòng.",
    "Chữ *nghiêng*, chữ **đậm**, chữ _gạch_ và __đậm__, ***cả hai***, dấu * đứng riêng và a_b_c.",
    "Mã `lệnh` và ``hai `dấu` ``, thoát \\*sao\\* và \\[ngoặc\\].",
    "Liên kết [trang chủ](https://congan.example.vn \"Tiêu đề\") và ảnh ![ảnh](anh.jpg).",
    "Tham chiếu [báo cáo][bc] và [bc] và ![hình][h].\n\n[bc]: https://example.vn/bc\n[h]: hinh.png",
    "Tự liên kết <https://congan.example.vn/tin> và <lienhe@congan.example.vn>.",
    "HTML <span class=\"x\">trong dòng</span>, chú thích <!-- ẩn --> và thực thể &amp; &copy; &#273; &#x111;.",
    "Gạch ngang -- và --- và ba chấm... và bốn chấm.... rồi hết.",
    "Chú thích cuối trang[^1].\n\n[^1]: Nội dung *chú thích* -- có gạch.",
    "*[CAND]: Công an nhân dân\n\nLực lượng CAND làm nhiệm vụ, CAND luôn sẵn sàng.",
    "## Tiêu đề có {: #neo .lop }\n\nĐoạn văn {: .ghi-chu }",
    "<div markdown=\"1\">\nĐoạn *trong* khối HTML và chữ thường.\n</div>\n\nSau khối.",
    "<table><tr><td>Ô thô</td></tr></table>\n\nĐoạn sau bảng thô.",
    "| Cột | Số |\n|:---|---:|\n| Phường Hoa Lư | 12 |\n| *Xã* An Bình | 3 |",
    "Thuật ngữ\n:   Định nghĩa không có dấu gì.\n:   Định nghĩa *có* dấu.",
    "> Trích dẫn thường\n> và tiếp theo -- có gạch\n\n>> lồng nhau",
    "1. Một\n2. Hai **đậm**\n    - con thường\n    - con `mã`",
    "```\nkhối *mã* không đổi -- ...\n```\n\n    thụt lề <b>mã</b>",
    "Dấu < nhỏ hơn và > lớn hơn, 3 < 5 & 7 > 2, a&b.",
    "Chữ đặc biệt ~ ^ = + | { } # và dấu ! đứng riêng, [ngoặc không đóng.",
    "Đính chính: ~~hơn 120 tỷ đồng~~ 12 tỷ đồng, từ 10~20 hộ, ~~~ba~~~.",
    "Cuối dòng có hai dấu cách  ",
    "Đoạn trên\n\n---\n\nĐoạn giữa\n\n* * *\n\n___\n\nĐoạn dưới",
    "Tiêu đề kiểu cũ\n===============\n\nTiêu đề phụ kiểu cũ\n-------------------\n\nĐoạn sau.",
    "Dòng có dấu gạch dưới_ở giữa và *sao không đóng",
    "Dán địa chỉ https://dichvucong.bocongan.gov.vn/tthc?id=1, (www.bocongan.gov.vn), WWW.CAND.COM.VN và thư gop.y@congan.vn.",
    "Dòng một\nDòng hai\nDòng ba",
    "",
]
# One kind of markup alone in its paragraph, so no other mark lets the paragraph through.
ALONE = ["Chỉ _gạch dưới_ thôi", "Chỉ *sao* thôi", "Chỉ `mã` thôi", "Chỉ \\# thoát thôi",
         "Chỉ [liên kết](/a) thôi", "Chỉ ![ảnh](a.png) thôi", "Chỉ <https://a.vn> thôi", "Chỉ <a@b.vn> thôi",
         "Chỉ <b>thẻ</b> thôi", "Chỉ &amp; thôi", "Chỉ hai dấu cách  \nthôi", "Chỉ ba chấm... thôi",
         "Chỉ -- thôi", "Chỉ --- thôi", "Chỉ chú thích[^a] thôi\n\n[^a]: Chú thích",
         "Chỉ ảnh ![hinh] thôi\n\n[hinh]: a.png", "Chỉ https://a.vn/b thôi", "Chỉ www.a.vn thôi",
         "Chỉ Www.a.vn thôi", "Chỉ a@b.vn thôi", "Chỉ ftp://a.vn thôi", "Chỉ xuống\ndòng thôi"]


def _converter(shortcut: bool) -> markdown.Markdown:
    md = markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSION_CONFIGS, output_format="html")
    if shortcut:
        plain_text.install(md)
    return md


def _bodies_on_disk() -> list[str]:
    bodies = []
    for path in sorted([*REPO.glob("content/**/*.md"), *REPO.glob("tests/bad_inputs/**/*.md")]):
        # The articles built to be too deep or too large for any converter are limits.py's concern.
        if not path.is_file() or path.stat().st_size > 20_000:
            continue
        source, _ = split_source(path.name, path.read_text(encoding="utf-8", errors="replace"))
        if source is not None and limits.heavy_block(source.body) is None:
            bodies.append(source.body)
    return bodies


def _same_html(bodies: list[str]) -> None:
    plain, quick = _converter(False), _converter(True)
    for body in bodies:
        assert quick.reset().convert(body) == plain.reset().convert(body), body


def test_every_kind_of_markup_converts_to_the_same_html():
    _same_html(MARKUP + ALONE + ["\n\n".join(MARKUP), "\n".join(MARKUP), "\n\n".join(ALONE)])


def test_the_bundled_articles_and_bad_inputs_convert_to_the_same_html():
    bodies = _bodies_on_disk()
    assert len(bodies) > 20
    _same_html(bodies)


def test_generated_articles_convert_to_the_same_html(tmp_path):
    bench_corpus().generate(120, tmp_path / "site")
    bodies = [split_source(p.name, p.read_text(encoding="utf-8"))[0].body
              for p in sorted((tmp_path / "site" / "content").rglob("*.md"))]
    _same_html(bodies)


def test_plain_prose_is_marked_and_markup_is_not():
    md = _converter(True)
    root = md.parser.parseDocument(["Đoạn văn thường.", "", "Đoạn có *đậm*."]).getroot()
    marker = md.treeprocessors["plain_text"]
    marker.run(root)
    plain, marked = root.findall("p")
    assert isinstance(plain.text, AtomicString)
    assert not isinstance(marked.text, AtomicString)


def test_the_articles_converter_uses_the_shortcut():
    converter = MarkupConverter({})
    assert converter.md.treeprocessors["plain_text"].needs is not None


def test_an_unknown_inline_pattern_turns_the_shortcut_off():
    # A pattern that matches plain words: the shortcut must not hide them from it.
    md = _converter(False)
    md.inlinePatterns.register(SimpleTagInlineProcessor(r"()(Công an)()", "strong"), "nhan_manh", 5)
    plain_text.install(md)
    assert md.treeprocessors["plain_text"].needs is None
    assert "<strong>Công an</strong>" in md.convert("Lực lượng Công an phường.")


def test_abbreviations_see_plain_words():
    html = _converter(True).convert("*[CAND]: Công an nhân dân\n\nLực lượng CAND.")
    assert '<abbr title="Công an nhân dân">CAND</abbr>' in html
