"""Text pasted from Word, a PDF, a web page or an e-mail, as a reader sees it published."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.conftest import article

URL = "/tin-hoat-dong/bai-viet-thu/"
ATOM = "{http://www.w3.org/2005/Atom}"


def published(make_site, build_site, body: str, **front):
    """The article's page and the build, for a body as pasted."""
    built = build_site(make_site({"content/tin-hoat-dong/bai.md": article(body=body, **front)}))
    assert built.result.ok, built.messages
    return built.page(URL), built


def paragraphs(text) -> list[str]:
    """The words of each paragraph of the article's text (not a list item's), spaces made one."""
    return [" ".join(p.get_text().split()) for p in text.find_all("p", recursive=False)]


def body_lines(page) -> list[str]:
    """The lines of the article's text as a reader sees them, one per paragraph or line break."""
    text = page.select_one(".article .body").get_text("\n")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_lettered_points_and_steps_stay_lines_of_their_own(make_site, build_site):
    body = ("Hồ sơ gồm:\n"
            "a) Tờ khai đề nghị cấp căn cước theo mẫu của Bộ Công an\n"
            "b) giấy tờ chứng minh nơi cư trú hợp pháp của công dân\n"
            "c) ảnh chân dung\n\n"
            "Khi đến làm thủ tục:\n"
            "a. Mang theo giấy tờ tùy thân bản chính và bản sao có chứng thực\n"
            "b. Đến đúng giờ hẹn\n\n"
            "Bước 1: Truy cập Cổng dịch vụ công quốc gia bằng tài khoản định danh\n"
            "bước 2: chọn thủ tục cần làm\n\n"
            "Thực hiện Kế hoạch số 125/KH-CAT ngày 10/11/2026 của Công an tỉnh về việc\n"
            "triển khai đợt cao điểm tấn công, trấn áp tội phạm.\n")
    page, _ = published(make_site, build_site, body)
    assert body_lines(page) == [
        "Hồ sơ gồm:",
        "a) Tờ khai đề nghị cấp căn cước theo mẫu của Bộ Công an",
        "b) giấy tờ chứng minh nơi cư trú hợp pháp của công dân",
        "c) ảnh chân dung",
        "Khi đến làm thủ tục:",
        "a. Mang theo giấy tờ tùy thân bản chính và bản sao có chứng thực",
        "b. Đến đúng giờ hẹn",
        "Bước 1: Truy cập Cổng dịch vụ công quốc gia bằng tài khoản định danh",
        "bước 2: chọn thủ tục cần làm",
        # a line a PDF wrapped mid-sentence is still joined to the one it broke
        "Thực hiện Kế hoạch số 125/KH-CAT ngày 10/11/2026 của Công an tỉnh về việc "
        "triển khai đợt cao điểm tấn công, trấn áp tội phạm.",
    ]


def test_a_line_holding_only_an_invisible_space_is_a_blank_line(make_site, build_site):
    # Word, Outlook and Gmail paste an empty paragraph as a line of a no-break space or a
    # zero-width character: the list and the table after it are still a list and a table.
    for invisible in ("\u00a0", "\u200b", "\ufeff", "\u200c", "\u200d", "\u2060", " \u00a0\t"):
        body = (f"Đoạn một.\n{invisible}\n- mục một\n- mục hai\n{invisible}\n"
                f"| A | B |\n|---|---|\n| 1 | 2 |\n{invisible}\nĐoạn hai.\n")
        page, built = published(make_site, build_site, body)
        text = page.select_one(".article .body")
        assert [li.get_text() for li in text.select("ul > li")] == ["mục một", "mục hai"], repr(invisible)
        assert [cell.get_text() for cell in text.select("table td")] == ["1", "2"], repr(invisible)
        assert [" ".join(p.get_text().split()) for p in text.find_all("p")] == ["Đoạn một.", "Đoạn hai."]
        assert "|" not in text.get_text() and not built.messages


def test_a_paragraph_indented_as_word_indents_it_is_a_paragraph(make_site, build_site):
    body = ("\tNgày 21/1, Công an tỉnh tổ chức hội nghị tổng kết công tác năm 2026.\n\n"
            "    Tham dự có đồng chí Giám đốc Công an tỉnh.\n"
            "\tĐoạn thứ ba, dán liền dưới.\n\n"
            "Các nội dung:\n\n- Tuần tra\n\n    đoạn sau của mục, thụt lề như Python-Markdown đọc\n\n"
            "```\n    mã trong khối rào\n```\n")
    page, _ = published(make_site, build_site, body)
    text = page.select_one(".article .body")
    assert text.find("pre").get_text() == "    mã trong khối rào\n"  # code is fenced, and stays code
    assert len(text.find_all("pre")) == 1
    assert paragraphs(text) == [
        "Ngày 21/1, Công an tỉnh tổ chức hội nghị tổng kết công tác năm 2026.",
        "Tham dự có đồng chí Giám đốc Công an tỉnh. Đoạn thứ ba, dán liền dưới.",
        "Các nội dung:"]
    assert [p.get_text() for p in text.select("li > p")] == [
        "Tuần tra", "đoạn sau của mục, thụt lề như Python-Markdown đọc"]
    summary = "Ngày 21/1, Công an tỉnh tổ chức hội nghị tổng kết công tác năm 2026."
    assert page.find("meta", attrs={"name": "description"})["content"] == summary


def test_indented_text_opening_with_a_bullet_or_deeper_or_wrapped_is_a_paragraph(make_site, build_site):
    """Word's and Zalo's bullets and emoji (➢ ● 📌) stayed code; a poem's deeper line or a paragraph
    of two Tabs was cut in two (its first line code); a PDF paragraph indented on its first line
    kept a break in mid-sentence. Code that opens with a sign of code stays code."""
    body = ("Mở đầu.\n\n    ➢ Thứ nhất, tăng cường tuần tra.\n\n    ● Thứ hai, tuyên truyền.\n\n"
            "    📌 Thông báo khẩn.\n\nBài thơ:\n\n        Trăm năm trong cõi người ta,\n"
            "    Chữ tài chữ mệnh khéo là ghét nhau.\n\n\t\tĐoạn thụt hai lần.\n\n"
            "\tSáng ngày 5/12, Công an tỉnh Hưng Yên đã tổ chức hội nghị\ntổng kết công tác năm 2025.\n\n"
            "    $ make site\n")
    page, _ = published(make_site, build_site, body)
    text = page.select_one(".article .body")
    assert [pre.get_text() for pre in text.find_all("pre")] == ["$ make site\n"]
    assert paragraphs(text) == [
        "Mở đầu.", "➢ Thứ nhất, tăng cường tuần tra.", "● Thứ hai, tuyên truyền.", "📌 Thông báo khẩn.", "Bài thơ:",
        "Trăm năm trong cõi người ta, Chữ tài chữ mệnh khéo là ghét nhau.", "Đoạn thụt hai lần.",
        "Sáng ngày 5/12, Công an tỉnh Hưng Yên đã tổ chức hội nghị tổng kết công tác năm 2025."]
    assert text.find_all("p", recursive=False)[-1].find("br") is None  # (joined, as without the Tab)


def test_struck_text_is_struck_and_left_out_of_the_summary(make_site, build_site):
    corrected = "Đính chính: thiệt hại ~~hơn 120 tỷ đồng~~ 12 tỷ đồng, từ 10~20 hộ dân."
    for body, struck in ((corrected, "hơn 120 tỷ đồng"),
                         ("Thiệt hại <del>120</del> <ins>12 tỷ đồng</ins>, từ 10~20 hộ dân.", "120")):
        page, built = published(make_site, build_site, body + "\n")
        text = page.select_one(".article .body")
        assert [d.get_text() for d in text.find_all("del")] == [struck] and "~~" not in text.get_text()
        summary = " ".join(text.get_text().replace(struck, "").split())  # what is read, without the old figure
        assert "10~20" in summary and "120" not in summary
        assert page.find("meta", attrs={"name": "description"})["content"] == summary
        assert page.find("meta", property="og:description")["content"] == summary
        assert built.page("/tin-hoat-dong/").select_one(".summary").get_text() == summary
        feed = ET.fromstring((built.out / "atom.xml").read_bytes())
        assert feed.find(f"{ATOM}entry/{ATOM}summary").text == summary


def test_a_pasted_address_ends_before_an_invisible_character_or_an_ellipsis(make_site, build_site):
    address = "https://dichvucong.bocongan.gov.vn/huong-dan"
    for after in ("\u200b", "\ufeff", "\u2026", "\u2060", "\u200c", "\u200d", ".\u200b"):
        page, _ = published(make_site, build_site, f"Xem hướng dẫn tại {address}{after} hoặc www.bocongan.gov.vn{after}\n")
        text = page.select_one(".article .body")
        assert [(a["href"], a.get_text()) for a in text.find_all("a")] == [
            (address, address), ("https://www.bocongan.gov.vn", "www.bocongan.gov.vn")], repr(after)
        assert text.get_text().strip("\n") == f"Xem hướng dẫn tại {address}{after} hoặc www.bocongan.gov.vn{after}"  # nothing lost
    page, _ = published(make_site, build_site, "[Xem tại đây…](https://bocongan.gov.vn/) và https://bocongan.gov.vn/a?b=1.\n")
    assert [(a["href"], a.get_text()) for a in page.select(".article .body a")] == [
        ("https://bocongan.gov.vn/", "Xem tại đây…"), ("https://bocongan.gov.vn/a?b=1", "https://bocongan.gov.vn/a?b=1")]


def test_the_article_meta_line_parts_its_items_with_a_spaced_dot(make_site, build_site):
    files = {
        "content/tin-hoat-dong/mot.md": article("Một đơn vị", unit="phong-canh-sat-giao-thong"),
        "content/tin-hoat-dong/cap-nhat.md": article("Có cập nhật", unit="phong-canh-sat-giao-thong",
                                                     updated="2026-01-22T15:25:00"),
        "content/tin-hoat-dong/phoi-hop.md": article(
            "Phối hợp", unit="[phong-canh-sat-giao-thong, cong-an-xa-dong-tien, cong-an-tinh]",
            updated="2026-01-22T15:25:00"),
    }
    built = build_site(make_site(files))
    assert built.result.ok, built.messages
    seen = {}
    for slug in ("mot-don-vi", "co-cap-nhat", "phoi-hop"):
        # the text a reader sees: tags add no space of their own
        seen[slug] = " ".join(built.page(f"/tin-hoat-dong/{slug}/").select_one(".article .meta").get_text().split())
    assert seen == {
        "mot-don-vi": "Đăng ngày Thứ Tư, 21/01/2026 09:30 · Phòng Cảnh sát giao thông · Tin hoạt động",
        "co-cap-nhat": "Đăng ngày Thứ Tư, 21/01/2026 09:30 · Cập nhật Thứ Năm, 22/01/2026 15:25 · "
                       "Phòng Cảnh sát giao thông · Tin hoạt động",
        "phoi-hop": "Đăng ngày Thứ Tư, 21/01/2026 09:30 · Cập nhật Thứ Năm, 22/01/2026 15:25 · Phòng Cảnh sát "
                    "giao thông, Công an xã Đồng Tiến và Công an tỉnh Thử Nghiệm · Tin hoạt động"}


def test_phone_numbers_written_with_an_area_code_in_brackets_or_from_abroad_are_called_with_a_tap(
        make_site, build_site):
    body = ("Trực ban: (0221) 3862 124; đường dây nóng (+84) 221 3862 124, di động +84 912 345 678 "
            "hoặc 0912-345-678, 0221.3862.124, 1900 1234.\n\n"
            "Theo Kế hoạch 125/KH-CAT ngày 01/12/2026, tuyến đường dài 1.500 mét; số tài khoản 84912345678.\n")
    page, _ = published(make_site, build_site, body)
    assert [(a.get_text(), a["href"]) for a in page.select(".article .body a.so-dien-thoai")] == [
        ("(0221) 3862 124", "tel:02213862124"), ("(+84) 221 3862 124", "tel:+842213862124"),
        ("+84 912 345 678", "tel:+84912345678"), ("0912-345-678", "tel:0912345678"),
        ("0221.3862.124", "tel:02213862124"), ("1900 1234", "tel:19001234")]
    assert page.select(".article .body p")[1].find("a") is None  # a plan, a date, a length, an account
