"""Text typed in an old Vietnamese font, made Unicode when its font is known (legacy_text.py)."""
from __future__ import annotations

import pytest

from generator.legacy_text import font_kind, tcvn3_to_unicode, to_unicode, vni_to_unicode


def test_tcvn3_text_reads_as_it_was_typed():
    assert tcvn3_to_unicode("C«ng an tØnh H\u00adng Yªn tæ chøc héi nghÞ s¬ kÕt c«ng t¸c n¨m 2025.") == (
        "Công an tỉnh Hưng Yên tổ chức hội nghị sơ kết công tác năm 2025.")
    assert tcvn3_to_unicode("§éi c¶nh s¸t giao th«ng") == "Đội cảnh sát giao thông"
    # A ".VnTimeH" font draws the same codes as capitals
    assert tcvn3_to_unicode("c«ng an tØnh h\u00adng yªn", capitals=True) == "CÔNG AN TỈNH HƯNG YÊN"


@pytest.mark.parametrize("typed, meant", [
    ("Löïc löôïng chöõa chaùy ñaõ kòp thôøi daäp taét 17 vuï chaùy", "Lực lượng chữa cháy đã kịp thời dập tắt 17 vụ cháy"),
    ("COÂNG AN TÆNH HÖNG YEÂN", "CÔNG AN TỈNH HƯNG YÊN"),
    ("Ñaëng Vaên Huøng, Thöôïng uùy", "Đặng Văn Hùng, Thượng úy"),
    ("Bình Ñònh, Quaûng Ngaõi, Kyø, tuyeån, ruûi ro, möôøi", "Bình Định, Quảng Ngãi, Kỳ, tuyển, rủi ro, mười"),
])
def test_vni_text_reads_as_it_was_typed(typed, meant):
    assert vni_to_unicode(typed) == meant


def test_only_fonts_named_as_the_old_families_name_theirs_are_converted():
    assert [font_kind(name) for name in (".VnTime", ".VnArialH", "VNI-Times", "vni-Helve", "Times New Roman",
                                         "Arial")] == ["tcvn3", "tcvn3-capitals", "vni", "vni", None, None]
    assert to_unicode("C«ng an", "tcvn3") == "Công an" and to_unicode("Coâng an", "vni") == "Công an"
