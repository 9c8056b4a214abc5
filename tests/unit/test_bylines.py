from generator.bylines import split_byline


def test_a_byline_is_the_person_then_the_unit_written_after_a_dash():
    assert split_byline("Minh Khôi - Phòng Cảnh sát giao thông") == ("Minh Khôi", "Phòng Cảnh sát giao thông")
    assert split_byline("Phương Huyền – Công an tỉnh") == ("Phương Huyền", "Công an tỉnh")
    assert split_byline("Thu Hà") == ("Thu Hà", "")
    assert split_byline("Lê Thu-Hà") == ("Lê Thu-Hà", "")  # a hyphen inside a name
    assert split_byline("- Công an tỉnh") == ("- Công an tỉnh", "")


def test_a_credit_an_old_portal_s_byline_opens_with_is_no_part_of_the_name():
    """"Tin, ảnh: Thu Hà" (text and photos by), as Vietnamese newsrooms credit: search engines and
    feed readers were given "Tin, ảnh: Thu Hà" as the person's name."""
    assert split_byline("Tin, ảnh: Thu Hà") == ("Thu Hà", "")
    assert split_byline("Bài và ảnh: Minh Khôi - Phòng CSGT") == ("Minh Khôi", "Phòng CSGT")
    assert split_byline("Ảnh: Hoàng Long") == ("Hoàng Long", "")
    assert split_byline("BÀI, ẢNH: VĂN HÙNG") == ("VĂN HÙNG", "")
    assert split_byline("Tin ảnh : Thu Hà") == ("Thu Hà", "")
    assert split_byline("Tin:") == ("Tin:", "")  # nothing after it: left as written
    assert split_byline("Ánh Tuyết") == ("Ánh Tuyết", "")


def test_a_second_credit_after_the_person_is_no_unit_nor_part_of_the_name():
    """"Bài: Thu Hà - Ảnh: Minh Khôi" (text by one, photos by another): the page's structured data
    named "Ảnh: Minh Khôi" as the organisation Thu Hà works for, "Bài: Thu Hà; ảnh: Minh Khôi" as one name."""
    assert split_byline("Bài: Thu Hà - Ảnh: Minh Khôi") == ("Thu Hà", "")
    assert split_byline("Bài: Thu Hà; ảnh: Minh Khôi") == ("Thu Hà", "")
    assert split_byline("Tin: Thu Hà, Ảnh: Minh Khôi - Công an tỉnh") == ("Thu Hà", "Công an tỉnh")
    assert split_byline("Thu Hà - Phòng Tin học") == ("Thu Hà", "Phòng Tin học")


def test_a_photographer_credited_after_a_writer_who_opens_with_no_credit_is_no_unit():
    """"Thu Hà - Ảnh: Minh Khôi" (the writer's credit left out, as many sign): the photographer's
    credit was still read as the unit after the name, JSON-LD naming an organisation "Ảnh: Minh Khôi"."""
    assert split_byline("Thu Hà - Ảnh: Minh Khôi") == ("Thu Hà", "")
    assert split_byline("Thu Hà; ảnh: Minh Khôi") == ("Thu Hà", "")
    assert split_byline("Minh Khôi - Phòng CSGT - Ảnh: Hoàng Long") == ("Minh Khôi", "Phòng CSGT")
    assert split_byline("Thu Hà - Phòng Tin học") == ("Thu Hà", "Phòng Tin học")
