from generator.bylines import split_byline


def test_a_byline_is_the_person_then_the_unit_written_after_a_dash():
    assert split_byline("Minh Khôi - Phòng Cảnh sát giao thông") == ("Minh Khôi", "Phòng Cảnh sát giao thông")
    assert split_byline("Phương Huyền – Công an tỉnh") == ("Phương Huyền", "Công an tỉnh")
    assert split_byline("Thu Hà") == ("Thu Hà", "")
    assert split_byline("Lê Thu-Hà") == ("Lê Thu-Hà", "")  # a hyphen inside a name
    assert split_byline("- Công an tỉnh") == ("- Công an tỉnh", "")
