"""Text copied from a PDF breaks every visual line: those breaks are joined again,
the breaks an editor typed are kept."""
from generator.wrapped_lines import WrappedLines

PDF = ["Thực hiện Kế hoạch số 125/KH-CAT ngày 10/11/2026 của Công an tỉnh về việc",
       "triển khai đợt cao điểm tấn công, trấn áp tội phạm, Phòng Cảnh sát hình sự",
       "đã chủ trì mở nhiều đợt truy quét."]


def _run(lines):
    return WrappedLines(None).run(list(lines))


def test_lines_broken_mid_sentence_are_one_line_again():
    assert _run(PDF) == [" ".join(PDF)]


def test_lines_an_editor_ended_are_kept():
    for lines in (["Nơi nhận:", "ban Giám đốc;"],  # short, and ends a clause
                  ["Một dòng dài kết thúc bằng dấu chấm phẩy ở cuối câu này;", "tiếp theo viết thường"],
                  ["Một dòng dài có hai dấu cách ở cuối để xuống dòng theo Markdown  ", "tiếp theo"],
                  ["Dòng dài đủ bốn mươi ký tự nhưng dòng sau viết hoa", "Dòng sau"],
                  ["a) Tờ khai đề nghị cấp căn cước theo mẫu của Bộ Công an", "b) giấy tờ chứng minh nơi cư trú"],
                  ["a. Mang theo giấy tờ tùy thân bản chính và bản sao", "b. Đến đúng giờ hẹn"],
                  ["Bước 1: Truy cập Cổng dịch vụ công quốc gia bằng tài khoản", "bước 2: chọn thủ tục"],
                  ["## Tiêu đề mục rất dài không có dấu chấm ở cuối dòng", "nội dung"],
                  ["| Cột một dài dài dài dài dài dài dài dài dài", "| cột hai |"],
                  ["    mã thụt lề dài dài dài dài dài dài dài dài dài dài", "    tiếp"],
                  ["```", "dòng mã dài dài dài dài dài dài dài dài dài dài dài", "tiếp theo", "```"]):
        assert _run(lines) == lines, lines
