"""generator/terms.py: how a name written in front-matter finds its unit, category or campaign."""
import pytest

from generator import messages
from generator.config import parse_config
from generator.content import split_source
from generator.diagnostics import suggest_name
from generator.index import read_article
from generator.terms import match_term, written_list
from generator.vietnamese import fold
from tests.unit.test_index import CONFIG


@pytest.mark.parametrize("written", ["Đội Cảnh sát giao thông", "doi canh sat giao thong",
                                     "ĐỘI CẢNH SÁT GIAO THÔNG", "doi-csgt"])
def test_unit_matches_by_slug_or_name_ignoring_case_and_marks(written):
    assert match_term(CONFIG.units, written) == "doi-csgt"


@pytest.mark.parametrize("written, meant", [
    ("Đội CSGT", "doi-csgt"), ("ĐCSGT", "doi-csgt"), ("doi csgt", "doi-csgt"), ("CAT Hưng Yên", "cong-an-tinh"),
    ("Công an tỉnh HY", "cong-an-tinh"), ("CATHY", "cong-an-tinh"),
    ("Đội CS", None), ("Công an", None), ("Đội CSGTT", None), ("CSGT", None)])
def test_a_unit_written_with_initials_is_the_unit_it_abbreviates(written, meant):
    """As units write their names: every word of the name, in order, some by their first letter."""
    assert match_term(CONFIG.units, written) == meant


def test_initials_that_fit_several_units_name_them_and_ask_for_the_key():
    config, _ = parse_config({
        "title": "t", "base_url": "https://x.vn/", "categories": {"tin": {"name": "Tin"}},
        "units": {"doi-1": {"name": "Đội Cảnh sát giao thông số 1"}, "doi-2": {"name": "Đội Cảnh sát giao thông số 2"},
                  "pccc": {"name": "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ"},
                  "nghia-tru": {"name": "Công an xã Nghĩa Trụ"}, "nhan-thang": {"name": "Công an xã Nhân Thắng"}}})
    assert match_term(config.units, "Đội CSGT số 2") == "doi-2"
    assert match_term(config.units, "Phòng Cảnh sát PCCC và CNCH") == "pccc"
    assert match_term(config.units, "Phòng CS PCCC & CNCH") is None  # "&" is not "và"
    source, _ = split_source("content/tin/a.md", '---\ntitle: "A"\ndate: 2026-01-21\ncategory: tin\n'
                                                 'unit: Công an xã NT\n---\nThân bài.\n')
    _, problems = read_article(config, source)
    assert [(p.code, p.message) for p in problems] == [(
        "unknown-unit",
        "'Công an xã NT' is short for the names of 2 units (nghia-tru, nhan-thang); write the key of the one you mean")]
    assert messages.describe(problems[0], "vi").endswith("'Công an xã NT' là tên viết tắt của 2 đơn vị (nghia-tru, "
                                                         "nhan-thang); hãy ghi khóa của đơn vị bạn muốn chọn")


def test_a_unit_is_also_found_by_its_other_names_and_their_initials():
    config, problems = parse_config({
        "title": "t", "base_url": "https://x.vn/", "categories": {"tin": {"name": "Tin"}},
        "units": {"anm": {"name": "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
                          "other_names": ["PA05", "Phòng An ninh mạng"]},
                  "csgt": {"name": "Phòng Cảnh sát giao thông", "other_names": ["PC08", "Phòng An ninh mạng"]}}})
    assert problems == []
    assert config.units["anm"].other_names == ("PA05", "Phòng An ninh mạng")
    assert match_term(config.units, "pa05") == "anm" and match_term(config.units, "PC08") == "csgt"
    assert match_term(config.units, "Phòng ANM và PCTP sử dụng CNC") == "anm"
    assert match_term(config.units, "Phòng ANM") is None  # the other name both give
    source, _ = split_source("content/tin/a.md", '---\ntitle: "A"\ndate: 2026-01-21\ncategory: tin\n'
                                                 'unit: PC09\n---\nThân bài.\n')
    assert [p.message for p in read_article(config, source)[1]] == ["unknown unit 'PC09'; did you mean 'PC08'?"]
    _, problems = parse_config({"title": "t", "base_url": "https://x.vn/",
                                "units": {"u": {"name": "U", "other_names": ["PC08", ""]}}})
    assert [(p.code, messages.describe(p, "vi").split(": ", 2)[-1]) for p in problems] == [
        ("bad-value", "'units.u.other_names' phải liệt kê các tên trong dấu ngoặc kép, ví dụ [\"PC08\"]")]


def test_a_campaign_whose_name_holds_commas_is_not_cut_at_them():
    config, _ = parse_config({
        "title": "t", "base_url": "https://x.vn/", "categories": {"tin": {"name": "Tin"}},
        "units": {"u": {"name": "U"}},
        "campaigns": {"hoc-tap": {"name": "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"},
                      "dan-van-kheo": {"name": "Dân vận khéo"}}})
    assert written_list(config.campaigns, "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, Dân vận khéo") \
        == ["Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "Dân vận khéo"]
    # a part that names nothing is kept whole, for its own error
    assert written_list(config.campaigns, "Dân vận khéo, Không có") == ["Dân vận khéo", "Không có"]


UNIT_NAMES = ["Công an tỉnh Hưng Yên", "Phòng Cảnh sát giao thông", "PC08", "Phòng An ninh mạng",
              "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", "Công an xã Nghĩa Trụ", "cong-an-tinh"]


@pytest.mark.parametrize("written, meant", [
    ("Phong Canh sat giao thon", "Phòng Cảnh sát giao thông"),  # no tone marks, a letter left out
    ("Phòng CSGTT", "Phòng Cảnh sát giao thông"),  # initials mistyped
    ("PC09", "PC08"),
    ("Công an xã Nghia Tru2", "Công an xã Nghĩa Trụ"),
    ("Phòng Cảnh sát phòng cháy, chữa cháy và cứu hộ", "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ"),
    ("cong-an-tin", "cong-an-tinh"),
])
def test_a_misspelt_name_is_suggested(written, meant):
    assert suggest_name(written, UNIT_NAMES, fold) == meant


@pytest.mark.parametrize("written", ["Công an huyện Kiến Xương", "Công an huyện Vũ Thư", "Công an xã Nghĩa Dân",
                                     "Phòng Cảnh sát kinh tế", "Đội Tham mưu"])
def test_a_name_sharing_only_some_words_is_not_suggested(written):
    assert suggest_name(written, UNIT_NAMES, fold) is None
