import random
import re
import unicodedata
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from generator.vietnamese import abbreviates, collation_key, fold, format_date, format_day, slugify, strip_marks, words

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize("text, slug", [
    ("Công an tỉnh Đồng Nai", "cong-an-tinh-dong-nai"),
    ("Công an tỉnh Vĩnh Phúc", "cong-an-tinh-vinh-phuc"),
    ("ĐỘI CẢNH SÁT giao thông", "doi-canh-sat-giao-thong"),
    ("“Dân vận khéo” – năm 2026!", "dan-van-kheo-nam-2026"),
    ("  nhiều   khoảng trắng  ", "nhieu-khoang-trang"),
    ("Thủ đoạn lừa đảo qua mạng", "thu-doan-lua-dao-qua-mang"),
])
def test_slugify_removes_marks_and_maps_d(text, slug):
    assert slugify(text) == slug


def test_slugify_is_the_same_for_nfd_and_nfc_input():
    import unicodedata
    text = "Học tập và làm theo tư tưởng Hồ Chí Minh"
    assert slugify(unicodedata.normalize("NFD", text)) == slugify(text)


def test_fold_ignores_case_marks_and_spacing():
    assert fold("Dân  Vận KHÉO") == fold("dan van kheo") == "dan van kheo"
    assert strip_marks("Đội") == "Doi"


@pytest.mark.parametrize("moment, with_time, expected", [
    (date(2022, 1, 21), False, "Thứ Sáu, 21/01/2022"),
    (datetime(2022, 1, 21, 9, 30, tzinfo=HCM), True, "Thứ Sáu, 21/01/2022 09:30"),
    (datetime(2026, 11, 22, 8, 0, tzinfo=HCM), True, "Chủ nhật, 22/11/2026 08:00"),
    (datetime(2026, 11, 23, 1, 5, tzinfo=HCM), False, "Thứ Hai, 23/11/2026"),
])
def test_format_date_in_vietnamese(moment, with_time, expected):
    assert format_date(moment, HCM, with_time) == expected


def test_format_date_converts_to_the_site_zone():
    # 20:00 UTC on Thursday is 03:00 on Friday in Hà Nội.
    moment = datetime(2022, 1, 20, 20, 0, tzinfo=timezone.utc)
    assert format_date(moment, HCM, True) == "Thứ Sáu, 21/01/2022 03:00"
    # The day alone (the search index's, as the card shows it) is the same day.
    assert format_day(moment, HCM) == "21/01/2022" and format_day(date(2026, 6, 1), HCM) == "01/06/2026"


def test_the_last_representable_date_still_formats():
    # Year 9999 builds (as a scheduled article, shown with --future); see tests/bad_inputs/date-year-9999.
    assert format_date(datetime(9999, 12, 31, 23, 59, tzinfo=HCM), HCM, True) == "Thứ Sáu, 31/12/9999 23:59"


def test_names_sort_in_vietnamese_alphabetical_order():
    # ă, â follow a; đ follows d (not e, as by code point, nor d's own place); ô, ơ follow o; ư u.
    names = ["Ưu tiên", "Đội Cảnh sát", "Ơn", "Ân", "Ăn", "Dân vận", "Ôn", "Uông Bí", "Anh", "Ong", "Em", "Êm"]
    assert sorted(names, key=collation_key) == [
        "Anh", "Ăn", "Ân", "Dân vận", "Đội Cảnh sát", "Em", "Êm", "Ong", "Ôn", "Ơn", "Uông Bí", "Ưu tiên"]


def test_tone_marks_only_break_ties_between_the_same_letters():
    assert sorted(["bạ", "bá", "bà", "ba", "bã", "bả", "bac"], key=collation_key) == \
        ["ba", "bà", "bả", "bã", "bá", "bạ", "bac"]
    assert sorted(["Phòng Cảnh sát", "phòng an ninh"], key=collation_key) == ["phòng an ninh", "Phòng Cảnh sát"]
    assert collation_key("Công an") == collation_key(unicodedata.normalize("NFD", "Công an"))


def _strip_marks_as_first_written(text: str) -> str:
    """The reference: every character of a text not all ASCII tested in Python (slow, exact)."""
    text = text.translate(str.maketrans({"đ": "d", "Đ": "D"}))
    kept = re.sub("[\u0300-\u036f]+", "", unicodedata.normalize("NFD", text))
    if not kept.isascii():
        kept = "".join(ch for ch in kept if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", kept)


def test_strip_marks_folds_every_character_as_the_exact_reference_does():
    # Every BMP character alone, after a letter it may combine with, and beside a quote.
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        for text in (ch, "a" + ch, f"“Đ{ch}ệ”"):
            assert strip_marks(text) == _strip_marks_as_first_written(text), hex(code)


def test_strip_marks_matches_the_reference_on_mixed_scripts():
    pool = (list("aăâeêioôơuưyđĐ AĂÂEÊIOÔƠUƯY“”–…'\"-") + ["\u0301", "\u0303", "\u0323", "\u0309",
            "\u0300", "\u034f", "\u05b4", "\u093f", "\u094d", "\u1ab0", "\u1dc0", "\u20d0", "\ufe20",
            "漢", "字", "😀", "\U0001d165", "\u200b", "ß", "ﬁ", "Å"])
    rng = random.Random(20261204)
    for _ in range(20000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
        assert strip_marks(text) == _strip_marks_as_first_written(text), repr(text)


def test_numbers_group_thousands_with_a_dot():
    from generator.vietnamese import format_number
    assert [format_number(n) for n in (0, 999, 1000, 1234567)] == ["0", "999", "1.000", "1.234.567"]


@pytest.mark.parametrize("short, name, meant", [
    ("Phòng CSGT", "Phòng Cảnh sát giao thông", True),
    ("Phòng Cảnh sát PCCC và CNCH", "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", True),
    ("ĐCSGT", "Đội Cảnh sát giao thông", True),  # Đ is D's initial as it is its slug's
    ("cat hung yen", "Công an tỉnh Hưng Yên", True),
    ("Phòng CS", "Phòng Cảnh sát giao thông", False),  # every word is accounted for
    ("Phòng GTCS", "Phòng Cảnh sát giao thông", False),  # in order
    ("Phòng Cảnh sát giao thông", "Phòng Cảnh sát giao thông", False),  # the name itself is no abbreviation
    ("", "Phòng Cảnh sát giao thông", False),
])
def test_a_name_written_with_initials_abbreviates_it(short, name, meant):
    assert abbreviates(words(short), words(name)) is meant
