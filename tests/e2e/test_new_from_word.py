"""`new --from bao-cao.docx`: a report written in Word, photos and tables inside, becomes
a draft article that builds into the page a reader expects."""
from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

from bs4 import BeautifulSoup
from docx import Document
from docx.shared import Inches

from generator.content import read_source
from generator.markup import MarkupConverter
from generator.word_import import read_word
from tests.conftest import SITE_TOML, cli_here, run_cli, text_of
from tests.photos import phone_jpeg
from tests.unit.test_limits import body_article

SLUG = "cong-an-tinh-ra-quan-bao-dam-trat-tu-dip-tet"
PATH = f"content/tin-hoat-dong/{SLUG}/index.md"


def word_report(path: Path, title_as: str = "heading", property_title: str = "") -> Path:
    doc = Document()
    doc.core_properties.title = property_title
    if title_as == "Title":
        doc.add_paragraph("Công an tỉnh ra quân bảo đảm trật tự dịp Tết", style="Title")
    elif title_as == "heading":
        doc.add_heading("Công an tỉnh ra quân bảo đảm trật tự dịp Tết", level=1)
    elif title_as == "bold":
        doc.add_paragraph().add_run("Công an tỉnh ra quân bảo đảm trật tự dịp Tết").bold = True
    lead = doc.add_paragraph()
    lead.add_run("Sáng 21/1, ").bold = True
    lead.add_run("Công an tỉnh tổ chức lễ ra quân với 500 cán bộ, chiến sĩ.")
    doc.add_paragraph("Các nội dung chính:")
    doc.add_paragraph("Tuyên truyền pháp luật", style="List Bullet")
    doc.add_paragraph("Tuần tra ban đêm", style="List Bullet")
    doc.add_heading("Kết quả", level=2)
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate([("STT", "Đơn vị", "Số vụ"), ("1", "Công an huyện A", "12"), ("2", "Công an huyện B", "8")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.add_picture(io.BytesIO(phone_jpeg(1200, 800)), width=Inches(4))
    doc.add_paragraph("Ảnh: Lễ ra quân tại quảng trường.", style="Caption")
    doc.add_paragraph("Giá trị 5 * 3 và mã_số giữ nguyên.")
    doc.save(path)
    return path


def test_a_word_report_becomes_a_draft_with_its_title_text_table_and_photo(make_site, build_site, tmp_path):
    site = make_site({})
    report = word_report(tmp_path / "Báo cáo ra quân.docx")
    done = cli_here("new", "--from", str(report), "--site", str(site), "--category", "Tin hoạt động",
                   "--unit", "cong-an-tinh")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith(f"Đã tạo {PATH} (bản nháp).")
    assert "1 ảnh" in done.stdout.splitlines()[1]
    source, problems = read_source(site, site / PATH)
    assert not problems and source.front["title"] == "Công an tỉnh ra quân bảo đảm trật tự dịp Tết"
    assert source.front["draft"] is True
    assert (site / f"content/tin-hoat-dong/{SLUG}/anh-1.jpg").read_bytes()[:2] == b"\xff\xd8"
    (site / PATH).unlink()  # the article deleted, its photo left: imported again, nothing is overwritten
    again = cli_here("new", "--from", str(report), "--site", str(site), "--category", "tin-hoat-dong",
                    "--unit", "cong-an-tinh")
    assert again.returncode == 1 and f"content/tin-hoat-dong/{SLUG}/anh-1.jpg: error[article-exists]" in again.stderr
    assert "Traceback" not in again.stderr and not (site / PATH).exists()
    assert cli_here("new", "--from", str(report), "--site", str(site), "--category", "tin-hoat-dong",
                   "--unit", "cong-an-tinh").returncode == 1
    (site / f"content/tin-hoat-dong/{SLUG}/anh-1.jpg").unlink()
    assert cli_here("new", "--from", str(report), "--site", str(site), "--category", "tin-hoat-dong",
                   "--unit", "cong-an-tinh").returncode == 0

    built = build_site(site, drafts=True)
    assert built.result.ok and built.messages == []  # the caption is the photo's description too
    page = built.page(f"/tin-hoat-dong/{SLUG}/")
    body = page.select_one(".article .body")
    assert text_of(page.find("h1")) == "Công an tỉnh ra quân bảo đảm trật tự dịp Tết"
    assert "ra quân bảo đảm trật tự dịp Tết" not in text_of(body)  # the title once, above the text
    assert text_of(body.find("p")) == "Sáng 21/1, Công an tỉnh tổ chức lễ ra quân với 500 cán bộ, chiến sĩ."
    assert body.find("p").find("strong").get_text(strip=True) == "Sáng 21/1,"
    assert [text_of(li) for li in body.select("ul > li")] == ["Tuyên truyền pháp luật", "Tuần tra ban đêm"]
    assert [text_of(h) for h in body.find_all("h2")] == ["Kết quả"]
    assert [[text_of(cell) for cell in row.find_all(["th", "td"])] for row in body.find_all("tr")] == [
        ["STT", "Đơn vị", "Số vụ"], ["1", "Công an huyện A", "12"], ["2", "Công an huyện B", "8"]]
    figure = body.find("figure")
    assert text_of(figure.find("figcaption")) == "Ảnh: Lễ ra quân tại quảng trường."
    assert figure.find("img")["src"].startswith("/images/") and figure.find("source") is not None
    assert text_of(body.find_all("p")[-1]) == "Giá trị 5 * 3 và mã_số giữ nguyên."


def test_a_title_in_capitals_is_kept_and_the_editor_is_told_to_write_it_as_a_sentence(make_site, tmp_path):
    doc = Document()
    doc.add_paragraph("CÔNG AN TỈNH RA QUÂN ĐỢT CAO ĐIỂM TẤN CÔNG TRẤN ÁP TỘI PHẠM", style="Title")
    doc.add_paragraph("Sáng 5/12, Công an tỉnh tổ chức lễ ra quân.")
    doc.save(tmp_path / "Ra quân.docx")
    site = make_site({})
    done = cli_here("new", "--from", str(tmp_path / "Ra quân.docx"), "--site", str(site), "--category", "tin-hoat-dong",
                   "--unit", "cong-an-tinh", "--lang", "vi")
    assert done.returncode == 0, done.stderr
    path = "content/tin-hoat-dong/cong-an-tinh-ra-quan-dot-cao-diem-tan-cong-tran-ap-toi-pham/index.md"
    assert done.stdout.splitlines()[-1] == (
        f"Tiêu đề đang viết toàn chữ in hoa: hãy sửa lại trong {path} như một câu, chỉ viết hoa chữ đầu và tên riêng "
        "(ở danh sách, kết quả tìm kiếm và khi chia sẻ, bạn đọc đọc dễ hơn).")
    source, _ = read_source(site, site / path)
    assert source.front["title"] == "CÔNG AN TỈNH RA QUÂN ĐỢT CAO ĐIỂM TẤN CÔNG TRẤN ÁP TỘI PHẠM"  # names only the editor knows
    typed = cli_here("new", "Công an tỉnh ra quân", "--site", str(site), "--category", "tin-hoat-dong",
                    "--unit", "cong-an-tinh", "--lang", "vi")
    assert typed.returncode == 0 and "in hoa" not in typed.stdout


def test_a_reports_title_in_bold_is_its_title_and_a_title_typed_on_the_command_line_wins(make_site, tmp_path):
    site = make_site({})
    report = word_report(tmp_path / "bao-cao.docx", title_as="bold")
    done = cli_here("new", "--from", str(report), "--site", str(site), "--category", "tin-hoat-dong",
                   "--unit", "cong-an-tinh")
    assert done.returncode == 0, done.stderr
    assert read_source(site, site / PATH)[0].front["title"] == "Công an tỉnh ra quân bảo đảm trật tự dịp Tết"
    untitled = word_report(tmp_path / "bao_cao_thang_12.docx", title_as="none")
    done = cli_here("new", "Tin tháng Mười Hai", "--from", str(untitled), "--site", str(site),
                   "--category", "tin-hoat-dong", "--unit", "cong-an-tinh")
    assert done.returncode == 0, done.stderr
    assert (site / "content/tin-hoat-dong/tin-thang-muoi-hai/index.md").exists()


def test_the_title_a_reader_of_the_document_sees_comes_before_the_one_in_its_properties(tmp_path):
    """The title in a document's properties is often its template's, left from another one."""
    styled = read_word(word_report(tmp_path / "a.docx", title_as="Title", property_title="Mẫu báo cáo năm 2019"))
    assert styled.title == "Công an tỉnh ra quân bảo đảm trật tự dịp Tết"
    assert "ra quân bảo đảm trật tự dịp Tết" not in styled.body
    assert read_word(word_report(tmp_path / "b.docx", title_as="none", property_title="Tin ra quân")).title == "Tin ra quân"
    assert read_word(word_report(tmp_path / "bao_cao-thang_12.docx", title_as="none")).title == "Bao cao thang 12"


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_PACKAGE = "http://schemas.openxmlformats.org/package/2006"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WORDML = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def word_with_a_footnote(path: Path, before: str, note: str, after: str) -> Path:
    """A .docx written part by part: python-docx cannot add footnotes."""
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{_PACKAGE}/content-types"><Default Extension="rels" ContentType='
                               f'"application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                               f'ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType='
                               f'"{_WORDML}.document.main+xml"/><Override PartName="/word/footnotes.xml" ContentType='
                               f'"{_WORDML}.footnotes+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{_PACKAGE}/relationships"><Relationship Id="rId1" '
                       f'Type="{_OFFICE}/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": f'<Relationships xmlns="{_PACKAGE}/relationships"><Relationship Id="rId2" '
                                        f'Type="{_OFFICE}/footnotes" Target="footnotes.xml"/></Relationships>',
        "word/document.xml": f'<w:document {_W}><w:body><w:p><w:r><w:t xml:space="preserve">{before}</w:t></w:r>'
                             f'<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve">{after}</w:t>'
                             f'</w:r></w:p></w:body></w:document>',
        "word/footnotes.xml": f'<w:footnotes {_W}><w:footnote w:id="1"><w:p><w:r><w:t>{note}</w:t></w:r></w:p>'
                              f'</w:footnote></w:footnotes>',
    }
    with zipfile.ZipFile(path, "w") as package:
        for name, text in parts.items():
            package.writestr(name, '<?xml version="1.0" encoding="UTF-8"?>' + text)
    return path


def official_document(path: Path, issuer: list[str]) -> Path:
    """A plan of the unit named by the lines `issuer` (the header's first column), as units write them."""
    doc = Document()
    header = doc.add_table(rows=2, cols=2)
    header.cell(0, 0).text, header.cell(0, 1).text = issuer[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    for line in issuer[1:]:
        header.cell(0, 0).add_paragraph(line)
    header.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    header.cell(1, 0).text, header.cell(1, 1).text = "Số: 31/KH-CSGT", "Thử Nghiệm, ngày 2 tháng 12 năm 2026"
    doc.add_paragraph().add_run("KẾ HOẠCH").bold = True
    doc.add_paragraph("Tuần tra, kiểm soát dịp cuối năm.")
    doc.add_paragraph("Phòng Cảnh sát giao thông tổ chức các tổ tuần tra trên các tuyến quốc lộ.")
    doc.save(path)
    return path


def test_the_unit_a_documents_header_names_is_the_articles_unless_one_is_given(make_site, tmp_path):
    site = make_site({})
    report = official_document(tmp_path / "ke-hoach.docx", ["CÔNG AN TỈNH THỬ NGHIỆM", "PHÒNG CẢNH SÁT GIAO THÔNG"])
    done = cli_here("new", "--from", str(report), "--site", str(site), "--category", "tin-hoat-dong")
    assert done.returncode == 0, done.stderr
    assert "Đơn vị của bài là Phòng Cảnh sát giao thông, theo phần đầu văn bản" in done.stdout
    path = site / "content/tin-hoat-dong/ke-hoach-tuan-tra-kiem-soat-dip-cuoi-nam/index.md"
    assert read_source(site, path)[0].front["unit"] == "phong-canh-sat-giao-thong"
    path.parent.rename(tmp_path / "first")
    given = cli_here("new", "--from", str(report), "--site", str(site), "--category", "tin-hoat-dong",
                    "--unit", "cong-an-tinh", "--lang", "en")
    assert given.returncode == 0 and "header names" not in given.stdout, given.stdout
    assert read_source(site, path)[0].front["unit"] == "cong-an-tinh"
    path.parent.rename(tmp_path / "second")
    # A header naming no unit of the site: the editor chooses, as without a document.
    other = official_document(tmp_path / "khac.docx", ["BỘ CÔNG AN", "CỤC CẢNH SÁT GIAO THÔNG"])
    unknown = cli_here("new", "--from", str(other), "--site", str(site), "--category", "tin-hoat-dong", "--lang", "en")
    assert unknown.returncode == 1 and "--unit: error[missing-choice]" in unknown.stderr, unknown.stderr


def test_an_official_documents_header_is_left_out_and_its_kind_and_subject_are_the_title(make_site, tmp_path):
    """A plan (kế hoạch) opens with a table of its unit, the national motto, its number and
    date, then "KẾ HOẠCH" over its subject: on a news page the table read as data, and
    "KẾ HOẠCH" alone would title every plan the same."""
    doc = Document()
    header = doc.add_table(rows=2, cols=2)
    header.cell(0, 0).text, header.cell(0, 1).text = "CÔNG AN TỈNH HƯNG YÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    header.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    header.cell(1, 0).text, header.cell(1, 1).text = "Số: 125/KH-CAT", "Hưng Yên, ngày 10 tháng 11 năm 2026"
    doc.add_paragraph().add_run("KẾ HOẠCH").bold = True
    doc.add_paragraph("Tổ chức đợt cao điểm tấn công, trấn áp tội phạm.")
    doc.add_paragraph("Thực hiện chỉ đạo của Bộ Công an, Công an tỉnh ban hành kế hoạch như sau.")
    doc.save(tmp_path / "ke-hoach.docx")
    word = read_word(tmp_path / "ke-hoach.docx")
    assert word.title == "Kế hoạch: Tổ chức đợt cao điểm tấn công, trấn áp tội phạm"
    assert word.left_out_header and word.body == "Thực hiện chỉ đạo của Bộ Công an, Công an tỉnh ban hành kế hoạch như sau.\n"
    site = make_site({})
    done = cli_here("new", "--from", str(tmp_path / "ke-hoach.docx"), "--site", str(site),
                   "--category", "tin-hoat-dong", "--unit", "cong-an-tinh")
    assert done.returncode == 0 and "Đã bỏ phần đầu văn bản" in done.stdout, done.stderr
    # A table of figures is the document's own: kept.
    assert "| STT | Đơn vị | Số vụ |" in read_word(word_report(tmp_path / "bao-cao.docx")).body


def test_the_dateline_gives_the_date_and_is_not_the_summary(make_site, build_site, tmp_path):
    """"Hưng Yên, ngày 21 tháng 01 năm 2026" under the title stayed the body's first line: the
    card and the description of the page read it as the summary, and the date was the moment of
    the import. Now it gives the date (a day alone) and leaves the text; in an official
    document's header it gives the date too."""
    doc = Document()
    doc.add_paragraph().add_run("Công an tỉnh ra quân bảo đảm trật tự dịp Tết").bold = True
    doc.add_paragraph().add_run("Hưng Yên, ngày 21 tháng 01 năm 2026").italic = True
    doc.add_paragraph("Sáng 21/1, Công an tỉnh tổ chức lễ ra quân với 500 cán bộ, chiến sĩ tham gia.")
    doc.save(tmp_path / "tin.docx")
    site = make_site({})
    done = cli_here("new", "--from", str(tmp_path / "tin.docx"), "--site", str(site), "--category", "tin-hoat-dong",
                   "--unit", "cong-an-tinh", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert ('Its date is the day of the document\'s dateline, "Hưng Yên, ngày 21 tháng 01 năm 2026" (21/01/2026), '
            "left out of the text") in done.stdout
    source, _ = read_source(site, site / PATH)
    assert str(source.front["date"]) == "2026-01-21" and "ngày 21 tháng 01" not in source.body
    (site / PATH).write_text((site / PATH).read_text(encoding="utf-8").replace("draft: true", "draft: false"),
                             encoding="utf-8")
    out = build_site(site).out
    page = BeautifulSoup((out / f"tin-hoat-dong/{SLUG}/index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("meta", attrs={"name": "description"})["content"].startswith("Sáng 21/1, Công an tỉnh")
    assert page.find("time")["datetime"].startswith("2026-01-21")
    # A title in capitals typed over two bold lines is one title; a dateline written in figures counts
    doc = Document()
    doc.add_paragraph().add_run("CÔNG AN XÃ NGHĨA TRỤ BẮT GIỮ ĐỐI TƯỢNG").bold = True
    doc.add_paragraph().add_run("TRỘM CẮP XE MÁY TẠI CHỢ").bold = True
    doc.add_paragraph().add_run("Nghĩa Trụ, ngày 18/01/2026").italic = True
    doc.add_paragraph("Ngày 17/01/2026, Công an xã Nghĩa Trụ đã bắt giữ một đối tượng trộm cắp xe máy.")
    doc.save(tmp_path / "hai-dong.docx")
    two = read_word(tmp_path / "hai-dong.docx")
    assert (two.title, str(two.written_date)) == ("CÔNG AN XÃ NGHĨA TRỤ BẮT GIỮ ĐỐI TƯỢNG TRỘM CẮP XE MÁY TẠI CHỢ",
                                                   "2026-01-18")
    assert two.body.startswith("Ngày 17/01/2026, Công an xã")
    header = read_word(official_document(tmp_path / "ke-hoach.docx", ["CÔNG AN TỈNH THỬ NGHIỆM"]))
    assert (str(header.written_date), header.dateline) == ("2026-12-02", "Thử Nghiệm, ngày 2 tháng 12 năm 2026")
    assert header.issuer_lines == ("CÔNG AN TỈNH THỬ NGHIỆM", "Số: 31/KH-CSGT")


def test_a_photo_in_a_table_cell_with_lines_of_text_stays_in_the_cell(make_site, build_site, tmp_path):
    """A wanted notice: the person's photo over their name and year of birth in one cell. The
    cell was flattened to its text and the photo, written beside the article, shown nowhere."""
    doc = Document()
    doc.add_paragraph("Cơ quan Cảnh sát điều tra đề nghị ai biết tin tức về đối tượng dưới đây báo ngay.")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Ảnh đối tượng", "Đặc điểm"
    table.cell(1, 0).paragraphs[0].add_run().add_picture(io.BytesIO(phone_jpeg(300, 400)), width=Inches(1))
    table.cell(1, 0).add_paragraph("Đỗ Văn K.")
    table.cell(1, 0).add_paragraph("SN 1998")
    table.cell(1, 1).text = "Cao khoảng 1m70, tóc ngắn."
    doc.save(tmp_path / "truy-tim.docx")
    site = make_site({})
    done = cli_here("new", "Thông báo truy tìm đối tượng", "--from", str(tmp_path / "truy-tim.docx"), "--site",
                   str(site), "--category", "tin-hoat-dong", "--unit", "cong-an-tinh")
    assert done.returncode == 0, done.stderr
    path = site / "content/tin-hoat-dong/thong-bao-truy-tim-doi-tuong/index.md"
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8")
    built = build_site(site)
    assert built.result.ok and not [p for p in built.result.problems if p.code == "missing-alt"]
    page = BeautifulSoup((built.out / "tin-hoat-dong/thong-bao-truy-tim-doi-tuong/index.html").read_text(
        encoding="utf-8"), "html.parser")
    cell = page.find("table").find_all("tr")[1].find("td")
    assert cell.find("img")["alt"] == "Đỗ Văn K. SN 1998" and "Đỗ Văn K. SN 1998" in text_of(cell)


def test_bold_part_titles_are_headings_and_the_recipients_and_signature_are_left_out(make_site, tmp_path):
    """Units mark a report's parts with bold lines ("I. KẾT QUẢ ĐẠT ĐƯỢC", "1. Công tác …"), not
    Word's Heading styles: they were bold paragraphs, and the signature block's bold lines
    ("KT. TRƯỞNG PHÒNG", the signer) were published at the end, with the recipients."""
    doc = Document()
    doc.add_paragraph().add_run("Báo cáo kết quả công tác năm 2025").bold = True
    doc.add_paragraph().add_run("I. KẾT QUẢ ĐẠT ĐƯỢC").bold = True
    doc.add_paragraph().add_run("1. Công tác nắm tình hình").bold = True
    doc.add_paragraph("Nắm chắc tình hình an ninh, trật tự trên địa bàn.")
    doc.add_paragraph().add_run("2. Công tác phòng ngừa").bold = True
    doc.add_paragraph("Tổ chức 120 buổi tuyên truyền pháp luật.")
    doc.add_paragraph().add_run("Kết quả chung đạt khá.").bold = True  # a sentence in bold: not a heading
    doc.add_paragraph().add_run("II. NHIỆM VỤ NĂM 2026").bold = True
    doc.add_paragraph("Tiếp tục giữ vững an ninh, trật tự.")
    signature = doc.add_table(rows=1, cols=2)
    signature.cell(0, 0).text = "Nơi nhận:"
    signature.cell(0, 0).add_paragraph("- Ban Giám đốc (để b/c);")
    signature.cell(0, 0).add_paragraph("- Lưu: VT.")
    signature.cell(0, 1).text = "KT. TRƯỞNG PHÒNG"
    signature.cell(0, 1).add_paragraph("PHÓ TRƯỞNG PHÒNG")
    signature.cell(0, 1).add_paragraph("Thượng tá Phạm Văn T.")
    doc.save(tmp_path / "bao-cao.docx")
    word = read_word(tmp_path / "bao-cao.docx")
    html = MarkupConverter({}).convert(body_article(word.body)).html
    page = BeautifulSoup(html, "html.parser")
    assert [(h.name, text_of(h)) for h in page.find_all(["h2", "h3", "h4"])] == [
        ("h2", "I. KẾT QUẢ ĐẠT ĐƯỢC"), ("h3", "1. Công tác nắm tình hình"), ("h3", "2. Công tác phòng ngừa"),
        ("h2", "II. NHIỆM VỤ NĂM 2026")]
    assert page.find("strong").get_text() == "Kết quả chung đạt khá."
    assert word.left_out_signature and "Nơi nhận" not in html and "TRƯỞNG PHÒNG" not in html
    assert text_of(page.find_all("p")[-1]) == "Tiếp tục giữ vững an ninh, trật tự."
    # The same block written as lines after the text, the way many units type it
    lines = Document()
    lines.add_paragraph("Công an xã tổ chức tuần tra ban đêm trên các tuyến đường liên thôn.")
    lines.add_paragraph().add_run("Nơi nhận:").bold = True
    lines.add_paragraph("- Công an tỉnh (để b/c);")
    lines.add_paragraph().add_run("TM. CÔNG AN XÃ").bold = True
    lines.add_paragraph().add_run("Trưởng Công an xã").bold = True
    lines.save(tmp_path / "dong.docx")
    word = read_word(tmp_path / "dong.docx")
    assert word.left_out_signature and word.body == "Công an xã tổ chức tuần tra ban đêm trên các tuyến đường liên thôn.\n"
    site = make_site({})
    done = cli_here("new", "Tuần tra ban đêm", "--from", str(tmp_path / "dong.docx"), "--site", str(site),
                   "--category", "tin-hoat-dong", "--unit", "cong-an-tinh")
    assert done.returncode == 0 and "Đã bỏ phần nơi nhận và chữ ký ở cuối văn bản" in done.stdout, done.stderr


def test_words_table_of_contents_is_left_out_and_a_link_to_a_heading_still_leads_there(make_site, tmp_path):
    """Word's "MỤC LỤC" came in as links showing page numbers, and a link in the text to a
    heading (its bookmark) was a broken anchor: markdownify dropped the bookmark."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def link_to(paragraph, bookmark: str, text: str) -> None:
        paragraph._p.append(parse_xml(f'<w:hyperlink {nsdecls("w")} w:anchor="{bookmark}"><w:r><w:t>{text}</w:t>'
                                      "</w:r></w:hyperlink>"))
    doc = Document()
    doc.add_heading("Cảnh báo thủ đoạn giả danh Công an", level=1)
    doc.add_paragraph().add_run("MỤC LỤC").bold = True
    for number, text in ((1, "1. Thủ đoạn của các đối tượng"), (2, "2. Khuyến cáo")):
        link_to(doc.add_paragraph(), f"_Toc19000{number}", f"{text}\t{number}")
    doc.add_paragraph("Thời gian gần đây, người dân phản ánh nhiều cuộc gọi giả danh.")
    for number, text in ((1, "Thủ đoạn của các đối tượng"), (2, "Khuyến cáo")):
        heading = doc.add_heading(text, level=2)
        heading._p.insert(1, parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{number}" w:name="_Toc19000{number}"/>'))
        heading._p.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{number}"/>'))
        paragraph = doc.add_paragraph("Xem thêm mục ")
        if number == 1:
            link_to(paragraph, "_Toc190002", "Khuyến cáo")
    doc.save(tmp_path / "canh-bao.docx")
    site = make_site({})
    done = cli_here("new", "--from", str(tmp_path / "canh-bao.docx"), "--site", str(site),
                   "--category", "tin-hoat-dong", "--unit", "cong-an-tinh")
    assert done.returncode == 0, done.stderr
    path = next((site / "content").rglob("index.md"))
    body = read_source(site, path)[0].body
    assert "MỤC LỤC" not in body and "\t" not in body and "Thủ đoạn của các đối tượng 1" not in body
    checked = cli_here("check", "--site", str(site), "--lang", "en")
    assert "broken-anchor" not in checked.stdout, checked.stdout
    html = MarkupConverter({}).convert(body_article(body)).html
    page = BeautifulSoup(html, "html.parser")
    target = page.find("a", string="Khuyến cáo")["href"][1:]
    assert page.find(id=target).find_parent("h2") is not None and text_of(page.find(id=target).find_parent("h2")) == "Khuyến cáo"


def test_text_typed_in_an_old_font_is_made_unicode_when_the_document_names_the_font(make_site, tmp_path):
    """An old report's runs in .VnTime or VNI-Times reached readers as "C«ng an tØnh": mammoth
    reads no fonts, but the document names each run's; text in any other font is left alone."""
    doc = Document()
    doc.add_heading("Sơ kết công tác phòng cháy", level=1)
    old = doc.add_paragraph().add_run("C«ng an tØnh H\u00adng Yªn tæ chøc héi nghÞ s¬ kÕt.")
    old.font.name = ".VnTime"
    vni = doc.add_paragraph().add_run("Löïc löôïng chöõa chaùy ñaõ kòp thôøi daäp taét 17 vuï chaùy.")
    vni.font.name = "VNI-Times"
    doc.add_paragraph().add_run("Ý kiến: 25°C, Müller & Söhne.").font.name = "Times New Roman"
    doc.save(tmp_path / "cu.docx")
    word = read_word(tmp_path / "cu.docx")
    assert word.legacy_runs == 2
    assert word.body.splitlines()[0::2] == ["Công an tỉnh Hưng Yên tổ chức hội nghị sơ kết.",
                                            "Lực lượng chữa cháy đã kịp thời dập tắt 17 vụ cháy.",
                                            "Ý kiến: 25°C, Müller & Söhne."]
    site = make_site({})
    done = cli_here("new", "--from", str(tmp_path / "cu.docx"), "--site", str(site), "--category", "tin-hoat-dong",
                   "--unit", "cong-an-tinh")
    assert done.returncode == 0 and "Đã chuyển 2 đoạn chữ gõ bằng phông cũ" in done.stdout, done.stderr
    checked = cli_here("check", "--site", str(site), "--lang", "en")
    assert "old-font-text" not in checked.stdout, checked.stdout


def test_text_in_an_old_font_set_by_a_style_is_made_unicode_too(tmp_path):
    """Old reports set .VnTime once, in the "Normal" style, not on each run: their runs name no
    font and were left as "C«ng an tØnh". A run takes its character style's font, else its
    paragraph style's (through the style it is based on), else the default's."""
    from docx.enum.style import WD_STYLE_TYPE

    doc = Document()
    doc.styles["Normal"].font.name = ".VnTime"
    quoted = doc.styles.add_style("Trich dan", WD_STYLE_TYPE.PARAGRAPH)
    quoted.base_style = doc.styles["Normal"]
    vni = doc.styles.add_style("Chu VNI", WD_STYLE_TYPE.CHARACTER)
    vni.font.name = "VNI-Times"
    doc.add_heading("Sơ kết công tác phòng cháy", level=1)  # (Heading 1 names a font of its own)
    doc.add_paragraph("C«ng an tØnh tæ chøc héi nghÞ s¬ kÕt.")
    doc.add_paragraph("Héi nghÞ ®¸nh gi¸ cao kÕt qu¶ ®¹t ®­îc.", style="Trich dan")
    doc.add_paragraph().add_run("Löïc löôïng chöõa chaùy ñaõ kòp thôøi daäp taét 17 vuï chaùy.", style="Chu VNI")
    doc.add_paragraph().add_run("Ý kiến: 25°C, Müller & Söhne.").font.name = "Times New Roman"
    doc.save(tmp_path / "kieu.docx")
    word = read_word(tmp_path / "kieu.docx")
    assert word.title == "Sơ kết công tác phòng cháy"
    assert word.body.splitlines()[0::2] == ["Công an tỉnh tổ chức hội nghị sơ kết.",
                                            "Hội nghị đánh giá cao kết quả đạt được.",
                                            "Lực lượng chữa cháy đã kịp thời dập tắt 17 vụ cháy.",
                                            "Ý kiến: 25°C, Müller & Söhne."]
    assert word.legacy_runs == 3


def test_a_sentence_starting_anh_or_hinh_under_a_photo_stays_text(tmp_path):
    """A paragraph under a photo starting "Ảnh" or "Hình" as a word was its caption, taken out of the
    text: "Hình thức xử phạt …" (the form of a penalty) was printed under the photo. A credit still is."""
    doc = Document()
    doc.add_heading("Xử phạt vi phạm giao thông", level=1)
    for line in ("Hình thức xử phạt là phạt tiền từ 4 đến 6 triệu đồng.", "(Ảnh minh hoạ)",
                 "Ảnh hưởng của mưa lũ khiến nhiều tuyến đường bị chia cắt.", "Lễ ra quân (Ảnh: Nguyễn Văn A)"):
        doc.add_paragraph().add_run().add_picture(io.BytesIO(phone_jpeg(800, 600)), width=Inches(3))
        doc.add_paragraph(line)
    doc.save(tmp_path / "xu-phat.docx")
    assert read_word(tmp_path / "xu-phat.docx").body.split("\n\n") == [
        "![](anh-1.jpg)", "Hình thức xử phạt là phạt tiền từ 4 đến 6 triệu đồng.",
        '![(Ảnh minh hoạ)](anh-2.jpg "(Ảnh minh hoạ)")',
        "![](anh-3.jpg)", "Ảnh hưởng của mưa lũ khiến nhiều tuyến đường bị chia cắt.",
        '![Lễ ra quân (Ảnh: Nguyễn Văn A)](anh-4.jpg "Lễ ra quân (Ảnh: Nguyễn Văn A)")\n']  # (ending with a credit)


def test_a_photo_pinned_in_a_paragraph_of_text_is_a_figure_with_its_caption(tmp_path):
    """Word stores a floating photo in the paragraph it is pinned to: it was an image glued to
    the lead's first word, and the "Ảnh: …" line under the paragraph was no caption of it."""
    doc = Document()
    doc.add_heading("Khánh thành trụ sở Công an xã", level=1)
    lead = doc.add_paragraph()
    lead.add_run().add_picture(io.BytesIO(phone_jpeg(800, 600)), width=Inches(3))
    lead.add_run("Ngày 16/01/2026, Công an xã tổ chức lễ khánh thành trụ sở làm việc mới.")
    doc.add_paragraph("Ảnh: Các đại biểu cắt băng khánh thành")
    doc.add_paragraph("Trụ sở gồm 2 tầng với 12 phòng làm việc.")
    doc.save(tmp_path / "tru-so.docx")
    # (A photo alone on its line, its caption as its title: the page's figure and figcaption.)
    assert read_word(tmp_path / "tru-so.docx").body.split("\n\n") == [
        '![Ảnh: Các đại biểu cắt băng khánh thành](anh-1.jpg "Ảnh: Các đại biểu cắt băng khánh thành")',
        "Ngày 16/01/2026, Công an xã tổ chức lễ khánh thành trụ sở làm việc mới.",
        "Trụ sở gồm 2 tầng với 12 phòng làm việc.\n"]


def test_superscripts_subscripts_and_struck_text_read_as_in_word(tmp_path):
    """"250 m²" came out "250 m2", and struck text reached readers as "~~…~~"."""
    doc = Document()
    line = doc.add_paragraph("Diện tích kho 250 m")
    line.add_run("2").font.superscript = True
    line.add_run(", hóa chất H")
    line.add_run("2").font.subscript = True
    line.add_run("SO")
    line.add_run("4").font.subscript = True
    line.add_run("; ")
    line.add_run("số liệu cũ").font.strike = True
    line.add_run(" số liệu mới.")
    doc.save(tmp_path / "ky-hieu.docx")
    html = MarkupConverter({}).convert(body_article(read_word(tmp_path / "ky-hieu.docx").body)).html
    page = BeautifulSoup(html, "html.parser")
    assert [(tag.name, tag.get_text()) for tag in page.find_all(["sup", "sub", "del"])] == [
        ("sup", "2"), ("sub", "2"), ("sub", "4"), ("del", "số liệu cũ")]
    assert "~" not in page.get_text() and "250 m2" in page.get_text()  # (the text, as a search engine reads it)


def test_a_word_table_with_lists_tables_or_pipes_in_its_cells_is_still_a_table(tmp_path):
    """A Markdown row is one line of cells parted by "|": such a table came out as a paragraph
    of pipes. Each cell becomes its text on one line."""
    doc = Document()
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Nội dung"
    table.cell(0, 0).add_paragraph("(đoạn hai)")
    table.cell(0, 1).text = "Số | vụ"
    inner = table.cell(1, 0).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "Huyện A", "Huyện B"
    table.cell(1, 1).text = "5"
    table.cell(1, 1).add_paragraph("xe máy", style="List Bullet")
    table.cell(1, 1).add_paragraph("ô tô", style="List Bullet")
    doc.save(tmp_path / "bang.docx")
    html = MarkupConverter({}).convert(body_article(read_word(tmp_path / "bang.docx").body)).html
    rows = [[" ".join(c.get_text(" ").split()) for c in row.find_all(["th", "td"])]
            for row in BeautifulSoup(html, "html.parser").find_all("tr")]
    assert rows == [["Nội dung (đoạn hai)", "Số | vụ"], ["Huyện A – Huyện B", "5 • xe máy • ô tô"]]


def test_merged_cells_keep_every_figure_in_its_column_and_a_one_cell_box_is_a_quotation(tmp_path):
    """A row under a cell merged down had a cell too few and its figures moved left ("5.107"
    stood under "Lỗi vi phạm"); a title row across the table was its header; a boxed note was a
    table whose header held all its text."""
    doc = Document()
    doc.add_heading("Kết quả tuần tra, kiểm soát tháng 11", level=1)
    doc.add_paragraph("Kết quả cụ thể như sau:")
    table = doc.add_table(rows=5, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "BẢNG TỔNG HỢP KẾT QUẢ XỬ LÝ"
    for cell, text in zip(table.rows[1].cells, ("Nhóm lỗi", "Lỗi vi phạm", "Số trường hợp")):
        cell.text = text
    table.cell(2, 0).merge(table.cell(3, 0)).text = "Người điều khiển"
    table.cell(2, 1).text, table.cell(2, 2).text = "Nồng độ cồn", "8.214"
    table.cell(3, 1).text, table.cell(3, 2).text = "Chạy quá tốc độ", "5.107"
    table.cell(4, 0).text, table.cell(4, 1).text, table.cell(4, 2).text = "Phương tiện", "Không đủ điều kiện", "1.930"
    box = doc.add_table(rows=1, cols=1)
    box.cell(0, 0).text = "Khuyến cáo: Đã uống rượu, bia thì không lái xe."
    doc.save(tmp_path / "bang.docx")
    html = MarkupConverter({}).convert(body_article(read_word(tmp_path / "bang.docx").body)).html
    page = BeautifulSoup(html, "html.parser")
    assert text_of(page.find_all("p")[1]) == "BẢNG TỔNG HỢP KẾT QUẢ XỬ LÝ"  # the title, above the table
    rows = [[text_of(c) for c in row.find_all(["th", "td"])] for row in page.find("table").find_all("tr")]
    assert rows == [["Nhóm lỗi", "Lỗi vi phạm", "Số trường hợp"], ["Người điều khiển", "Nồng độ cồn", "8.214"],
                    ["", "Chạy quá tốc độ", "5.107"], ["Phương tiện", "Không đủ điều kiện", "1.930"]]
    assert "so" in page.find("table").find_all("tr")[2].find_all("td")[2].get("class", [])  # a column of figures
    assert text_of(page.find("blockquote")) == "Khuyến cáo: Đã uống rượu, bia thì không lái xe."
    assert len(page.find_all("table")) == 1


def test_a_footnote_in_word_is_a_footnote_on_the_page(make_site, build_site, tmp_path):
    site = make_site({})
    report = word_with_a_footnote(tmp_path / "Xử phạt nồng độ cồn.docx", "Theo Nghị định số 100/2019/NĐ-CP",
                                  "Nghị định quy định xử phạt vi phạm hành chính.", ", người vi phạm bị phạt.")
    done = cli_here("new", "--from", str(report), "--site", str(site), "--category", "tin-hoat-dong",
                   "--unit", "cong-an-tinh")
    assert done.returncode == 0, done.stderr
    page = build_site(site, drafts=True).page("/tin-hoat-dong/xu-phat-nong-do-con/")
    body = page.select_one(".article .body")
    assert text_of(body.find("p")) == "Theo Nghị định số 100/2019/NĐ-CP 1 , người vi phạm bị phạt."
    note = body.find(id=body.find("sup").find("a")["href"].lstrip("#"))
    assert text_of(note).startswith("Nghị định quy định xử phạt vi phạm hành chính.")


def imported_meeting(make_site, build_site, tmp_path, lay_out_photos):
    """The build of a report on a meeting made with `new --from`: its lead, what
    `lay_out_photos(document)` adds, a closing line."""
    doc = Document()
    doc.add_heading("Hội nghị tổng kết công tác năm", level=1)
    doc.add_paragraph("Sáng 5/12, Công an tỉnh tổ chức hội nghị.")
    lay_out_photos(doc)
    doc.add_paragraph("Hội nghị kết thúc lúc 11 giờ.")
    doc.save(tmp_path / "Tổng kết.docx")
    site = make_site({})
    done = cli_here("new", "--from", str(tmp_path / "Tổng kết.docx"), "--site", str(site), "--category", "tin-hoat-dong",
                   "--unit", "cong-an-tinh")
    assert done.returncode == 0, done.stderr
    built = build_site(site, drafts=True)
    assert built.result.ok, built.messages
    return built, built.page("/tin-hoat-dong/hoi-nghi-tong-ket-cong-tac-nam/").select_one(".article .body")


def test_photos_side_by_side_in_word_are_a_gallery_under_their_caption(make_site, build_site, tmp_path):
    """Three photos in one line of the report, "Một số hình ảnh…" styled Caption under them: a
    gallery with that caption for them all (not the first photo's alone, the others with no
    description and a warning each)."""
    def three_in_a_row(doc):
        row = doc.add_paragraph()
        for _ in range(3):
            row.add_run().add_picture(io.BytesIO(phone_jpeg(1200, 800)), width=Inches(2))
            row.add_run(" ")
        doc.add_paragraph("Một số hình ảnh tại hội nghị.", style="Caption")

    built, body = imported_meeting(make_site, build_site, tmp_path, three_in_a_row)
    assert built.messages == []
    gallery = body.find("figure", class_="gallery")
    assert len(gallery.find_all("img")) == 3 and all(img["alt"] for img in gallery.find_all("img"))
    assert text_of(gallery.find("figcaption", recursive=False)) == "Một số hình ảnh tại hội nghị."
    assert [f.figcaption for f in gallery.find_all("figure")] == [None] * 3  # not the same words four times
    assert [text_of(p) for p in body.find_all("p")] == ["Sáng 5/12, Công an tỉnh tổ chức hội nghị.",
                                                       "Hội nghị kết thúc lúc 11 giờ."]


def test_a_table_of_photos_with_captions_under_them_is_a_gallery_and_other_tables_stay(make_site, build_site,
                                                                                        tmp_path):
    """Word users lay photos side by side in a table, each caption in the cell under its photo
    (or under the photo in its cell): on a phone that was a table of pictures scrolled
    sideways, with no descriptions. It is a gallery, each photo with its caption. A table of
    a photo beside its text stays a table."""
    def tables(doc):
        photos = doc.add_table(rows=3, cols=2)
        for column in range(2):
            photos.cell(0, column).paragraphs[0].add_run().add_picture(io.BytesIO(phone_jpeg(1200, 800)),
                                                                       width=Inches(2))
            photos.cell(1, column).text = f"Ảnh {column + 1}: Đại biểu dự hội nghị"
        third = photos.cell(2, 0)
        third.paragraphs[0].add_run().add_picture(io.BytesIO(phone_jpeg(800, 1200)), width=Inches(2))
        third.add_paragraph("Ảnh 3: Trao thưởng")  # the caption under the photo in its own cell
        doc.add_paragraph("Một số hình ảnh tại hội nghị.", style="Caption")
        beside = doc.add_table(rows=1, cols=2)  # a photo and the text beside it: a layout, not a gallery
        beside.cell(0, 0).paragraphs[0].add_run().add_picture(io.BytesIO(phone_jpeg(600, 400)), width=Inches(2))
        beside.cell(0, 1).text = "Đồng chí Giám đốc trao Bằng khen cho các tập thể."

    _, body = imported_meeting(make_site, build_site, tmp_path, tables)
    gallery = body.find("figure", class_="gallery")
    assert [(f.img["alt"], text_of(f.figcaption)) for f in gallery.find_all("figure")] == [
        ("Ảnh 1: Đại biểu dự hội nghị", "Ảnh 1: Đại biểu dự hội nghị"),
        ("Ảnh 2: Đại biểu dự hội nghị", "Ảnh 2: Đại biểu dự hội nghị"), ("Ảnh 3: Trao thưởng", "Ảnh 3: Trao thưởng")]
    assert text_of(gallery.find("figcaption", recursive=False)) == "Một số hình ảnh tại hội nghị."
    [table] = body.find_all("table")  # the photo beside its text
    assert table.find("img") is not None and "Bằng khen" in text_of(table)


def test_what_is_not_a_word_report_is_named_and_nothing_is_written(make_site, tmp_path):
    site = make_site({})
    (tmp_path / "cu.doc").write_bytes(b"\xd0\xcf\x11\xe0 old Word")
    (tmp_path / "hong.docx").write_bytes(b"not a zip")
    Document().save(tmp_path / "trong.docx")
    # Zips that are not documents (they used to end `new` with a traceback), and a report cut short.
    with zipfile.ZipFile(tmp_path / "nen.docx", "w") as archive:
        archive.writestr("ghi-chu.txt", "một tệp nén, không phải tài liệu")
    with zipfile.ZipFile(tmp_path / "xml-hong.docx", "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><w:body")
    whole = tmp_path / "ca.docx"
    document = Document()
    document.add_paragraph("Báo cáo kết quả công tác tháng 11. " * 400)
    document.save(whole)
    (tmp_path / "cut.docx").write_bytes(whole.read_bytes()[:whole.stat().st_size // 2])
    # What such a file most likely is says what to do ("save it again as .docx" went round in a
    # circle for a document with a password, which Word keeps when it saves).
    compound = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    (tmp_path / "cu-doi-ten.docx").write_bytes(compound + "WordDocument".encode("utf-16-le"))
    (tmp_path / "mat-khau.docx").write_bytes(compound + "EncryptionInfo EncryptedPackage".encode("utf-16-le"))
    (tmp_path / "pdf.docx").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (tmp_path / "rong.docx").write_bytes(b"")
    not_a_document = "error[not-a-word-document]: tệp này không phải tài liệu Word"
    cases = {"khong-co.docx": "error[word-not-found]", "cu.doc": "error[not-a-word-document]: chỉ đọc được tệp .docx",
             "hong.docx": not_a_document, "nen.docx": not_a_document, "xml-hong.docx": not_a_document,
             "cut.docx": not_a_document,
             "cu-doi-ten.docx": "error[not-a-word-document]: đây là tài liệu Word cũ (.doc) mang tên .docx",
             "mat-khau.docx": "error[not-a-word-document]: tài liệu được đặt mật khẩu: hãy mở trong Word, bỏ mật khẩu",
             "pdf.docx": "error[not-a-word-document]: đây là tệp PDF mang tên .docx",
             "rong.docx": "error[not-a-word-document]: tệp rỗng (0 byte)",
             "trong.docx": "error[empty-document]: tài liệu không có chữ hay ảnh nào"}
    for name, expected in cases.items():
        done = cli_here("new", "--from", str(tmp_path / name), "--site", str(site), "--category", "tin-hoat-dong",
                       "--unit", "cong-an-tinh")
        assert done.returncode == 1 and expected in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
    assert not (site / "content").exists()
    done = cli_here("new", "--site", str(site), "--category", "tin-hoat-dong", "--unit", "cong-an-tinh")
    assert done.returncode == 1 and "title: error[bad-title]: hãy cho biết tiêu đề" in done.stderr


def test_a_report_that_may_not_be_read_is_named_not_a_traceback(tmp_path, monkeypatch):
    """A report in a folder the editor may not read (another user's, a mounted share) is not
    'not a Word document': it says so. (Simulated: the tests may run as root, who reads all.)"""
    from generator import scaffold
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(b"PK\x03\x04")

    def refused(_path):
        raise PermissionError(13, "Permission denied", str(_path))
    monkeypatch.setattr(scaffold, "read_word", refused)
    word, problems = scaffold._read_word(path)
    assert word is None and [(p.code, p.message) for p in problems] == [
        ("word-not-readable", "this file may not be read (permission denied); copy it into a folder of yours first")]


def test_a_site_s_only_unit_is_not_said_to_come_from_a_header_naming_none(make_site, tmp_path):
    """A portal just made by init declares its own unit alone, which `new` takes without
    --unit: it must not say the document's header named it."""
    site = make_site({"site.toml": SITE_TOML.split("[units.")[0] + '[units.cong-an-tinh]\nname = "Công an tỉnh"\n'})
    report = official_document(tmp_path / "khac.docx", ["BỘ CÔNG AN", "CỤC CẢNH SÁT GIAO THÔNG"])
    done = cli_here("new", "--from", str(report), "--site", str(site), "--category", "tin-hoat-dong", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "header names" not in done.stdout, done.stdout
    path = site / "content/tin-hoat-dong/ke-hoach-tuan-tra-kiem-soat-dip-cuoi-nam/index.md"
    assert read_source(site, path)[0].front["unit"] == "cong-an-tinh"


def test_a_zip_bomb_named_docx_is_refused_before_it_is_unpacked(make_site, tmp_path):
    """A .docx of 0.2 MB whose text unpacks to 210 MB (a mail's attachment made to fill memory:
    one of 1 MB unpacking to 1 GB kept `new` reading for over 5 minutes with 2 GB of memory) is
    named at once, by the part and its size, and nothing is written."""
    site = make_site({})
    bomb = tmp_path / "bao-cao.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                       b'<w:body><w:p><w:r><w:t>Tin')
            for _ in range(210):
                part.write(b" " * 1048576)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    started = time.monotonic()
    done = cli_here("new", "--from", str(bomb), "--site", str(site), "--category", "tin-hoat-dong",
                   "--unit", "cong-an-tinh", "--lang", "en")
    assert done.returncode == 1 and time.monotonic() - started < 20, done.stderr
    assert done.stderr.startswith(f"{bomb}: error[not-a-word-document]: a part of this file, word/document.xml, "
                                  "unpacks to 210 MB, more than a Word report holds (200 MB at most)"), done.stderr
    assert not (site / "content").exists()
