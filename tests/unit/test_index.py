from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from generator.config import parse_config
from generator.content import split_source
from generator import messages
from generator.index import index_articles, parse_date, read_article
from generator.vietnamese import slugify

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
CONFIG, _ = parse_config({
    "title": "t", "base_url": "https://x.vn/",
    "categories": {"tin-hoat-dong": {"name": "Tin hoạt động"}},
    "units": {"cong-an-tinh": {"name": "Công an tỉnh Hưng Yên"},
              "doi-csgt": {"name": "Đội Cảnh sát giao thông"}},
    "campaigns": {"dan-van-kheo": {"name": "Dân vận khéo"}, "vi-an-ninh-to-quoc": {"name": "Vì An ninh Tổ quốc"}},
})


def _read(front: str, path="content/tin/a.md"):
    source, problems = split_source(path, f"---\n{front}\n---\nThân bài.\n")
    assert problems == []
    return read_article(CONFIG, source)


BASE = 'title: "Bài A"\ndate: 2026-01-21T09:30:00\nunit: cong-an-tinh\ncategory: tin-hoat-dong'


def test_a_valid_article():
    article, problems = _read(BASE + "\ncampaigns: [dan-van-kheo]")
    assert problems == []
    assert article.url == "/tin-hoat-dong/bai-a/"
    assert article.date == datetime(2026, 1, 21, 9, 30, tzinfo=HCM)
    assert article.campaigns == ("dan-van-kheo",)


def test_unknown_unit_suggests_the_closest_name():
    _, problems = _read(BASE.replace("unit: cong-an-tinh", "unit: Công an tỉnh Hưng Yen2"))
    assert [str(p) for p in problems] == [
        "content/tin/a.md:4: error[unknown-unit]: unknown unit 'Công an tỉnh Hưng Yen2'; "
        "did you mean 'Công an tỉnh Hưng Yên'?"]


@pytest.mark.parametrize("written", ["[doi-csgt, Công an tỉnh Hưng Yên]", "Đội Cảnh sát giao thông, cong-an-tinh",
                                     "doi-csgt; Công an tỉnh Hưng Yên", "[doi-csgt, cong-an-tinh, Đội Cảnh sát giao thông]",
                                     "\n  - doi-csgt\n  - cong-an-tinh"])
def test_a_joint_article_names_its_units_the_writer_first(written):
    article, problems = _read(BASE.replace("unit: cong-an-tinh", f"unit: {written}"))
    assert problems == []
    assert article.units == ("doi-csgt", "cong-an-tinh") and article.unit == "doi-csgt"


def test_a_unit_named_with_commas_is_one_unit_and_a_misspelt_one_is_told_whole():
    config, _ = parse_config({
        "title": "t", "base_url": "https://x.vn/", "categories": {"tin": {"name": "Tin"}},
        "units": {"pccc": {"name": "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ"},
                  "xa": {"name": "Công an xã Nghĩa Trụ"}}})
    front = 'title: "Bài A"\ndate: 2026-01-21\ncategory: tin\nunit: '

    def read(unit):
        source, _ = split_source("content/tin/a.md", f"---\n{front}{unit}\n---\nThân bài.\n")
        return read_article(config, source)

    assert read("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ")[0].units == ("pccc",)
    assert read("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ, Công an xã Nghĩa Trụ")[0].units == ("pccc", "xa")
    _, problems = read("Phòng Cảnh sát phòng cháy, chữa cháy và cứu hộ")
    assert [p.message for p in problems] == [
        "unknown unit 'Phòng Cảnh sát phòng cháy, chữa cháy và cứu hộ'; "
        "did you mean 'Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ'?"]


def test_each_bad_unit_of_a_joint_article_is_told_at_its_line():
    _, problems = _read(BASE.replace("unit: cong-an-tinh", "unit:\n  - doi-csgt\n  - Công an xã Nghia Tru\n  - 7\n  - ''"))
    assert [(p.location.line, p.code) for p in problems] == [(6, "unknown-unit"), (7, "wrong-type"), (8, "wrong-type")]
    assert [messages.describe(p, "vi").split(": ", 2)[-1] for p in problems[1:]] == [
        "mỗi đơn vị phải là khóa hoặc tên của một đơn vị, không phải một số",
        "mỗi đơn vị phải là khóa hoặc tên của một đơn vị; mục này đang để trống"]
    _, problems = _read(BASE.replace("unit: cong-an-tinh", "unit: []"))
    assert [(p.location.line, p.code, p.message) for p in problems] == [
        (4, "missing-field", "'unit' is required: the list is empty")]


def test_unknown_campaign_and_category_are_errors_on_their_lines():
    front = BASE.replace("category: tin-hoat-dong", "category: tin-tuc") + "\ncampaigns: [Dân vận kheo, thi-dua-x]"
    _, problems = _read(front)
    assert [(p.location.line, p.code) for p in problems] == [(5, "unknown-category"), (6, "unknown-campaign")]
    assert "did you mean" not in problems[1].message or "thi-dua-x" in problems[1].message
    # One per line, each is told at its own line.
    _, problems = _read(BASE + "\ncampaigns:\n  - dan-van-kheo\n  - thi-dua-x\n  - 7")
    assert [(p.location.line, p.code) for p in problems] == [(8, "unknown-campaign"), (9, "wrong-type")]


def test_missing_required_fields_each_reported():
    _, problems = _read('author: "X"')
    assert sorted(p.message for p in problems) == [
        "'category' is required", "'date' is required (e.g. date: 2026-01-21T09:30:00)",
        "'title' is required", "'unit' is required"]


def test_bad_date_names_its_line():
    _, problems = _read(BASE.replace("2026-01-21T09:30:00", "21 tháng 1"))
    assert [(p.location.line, p.code) for p in problems] == [(3, "bad-date")]


def test_a_date_copied_with_the_wrong_day_of_the_week_says_which_day_it_is():
    _, problems = _read(BASE.replace("2026-01-21T09:30:00", '"Thứ Năm, 21/01/2026 09:30"'))
    assert [(p.location.line, p.code) for p in problems] == [(3, "bad-date")]
    assert messages.problem_message(problems[0], "vi") == (
        "'Thứ Năm, 21/01/2026 09:30' ghi sai thứ: ngày 21/01/2026 là Thứ Tư, không phải Thứ Năm")


@pytest.mark.parametrize("written, english, vietnamese", [
    ('"31/02/2026"', "'31/02/2026' is not a date: 02/2026 has 28 days",
     "'31/02/2026' không phải ngày tháng: tháng 02/2026 chỉ có 28 ngày"),
    ('"21/13/2026"', "'21/13/2026' is not a date: there is no month 13", "'21/13/2026' không phải ngày tháng: không có tháng 13"),
    ('"0/1/2026"', "'0/1/2026' is not a date: there is no day 0", "'0/1/2026' không phải ngày tháng: không có ngày 0"),
    ('"21/01/2026 25:00"', "'21/01/2026 25:00' is not a date: there is no hour 25 (hours run 0 to 23)",
     "'21/01/2026 25:00' không phải ngày tháng: không có 25 giờ (giờ chỉ từ 0 đến 23)"),
    ('"21/01/2026 9h75"', "'21/01/2026 9h75' is not a date: there is no minute 75 (minutes run 0 to 59)",
     "'21/01/2026 9h75' không phải ngày tháng: không có phút thứ 75 (phút chỉ từ 0 đến 59)"),
    ('"21/1/26"', "'21/1/26' is not a date: write the year with its four digits (2026, not 26)",
     "'21/1/26' không phải ngày tháng: hãy viết năm đủ bốn chữ số (2026, không phải 26)"),
    ('"21/01/2026 9:30 (GMT+25)"', "'21/01/2026 9:30 (GMT+25)' is not a date: there is no offset (GMT+25)",
     "'21/01/2026 9:30 (GMT+25)' không phải ngày tháng: không có múi giờ (GMT+25)"),
])
def test_an_impossible_date_says_in_both_languages_which_part_is_wrong(written, english, vietnamese):
    _, problems = _read(BASE.replace("2026-01-21T09:30:00", written))
    assert [(p.location.line, p.code, p.message) for p in problems] == [(3, "bad-date", english)]
    assert messages.problem_message(problems[0], "vi") == vietnamese


def test_a_date_pasted_from_a_news_site_keeps_its_offset():
    article, problems = _read(BASE.replace("2026-01-21T09:30:00", '"Thứ tư, 21/1/2026, 14:30 (GMT+0)"'))
    assert not problems and article.date.isoformat() == "2026-01-21T14:30:00+00:00" and article.has_time


@pytest.mark.parametrize("written, byline", [('"Minh Khôi"', "Minh Khôi"), ('["Minh Khôi", "Thu Hà"]', "Minh Khôi, Thu Hà"),
                                             ("[]", ""), ("\n  - Minh Khôi\n  - 'Thu Hà '", "Minh Khôi, Thu Hà")])
def test_two_reporters_may_be_listed_as_author(written, byline):
    article, problems = _read(BASE + f"\nauthor: {written}")
    assert problems == [] and article.author == byline


def test_an_author_list_of_anything_but_names_is_refused():
    _, problems = _read(BASE + '\nauthor: ["Minh Khôi", {a: 1}]')
    assert [(p.location.line, p.code) for p in problems] == [(6, "wrong-type")]


@pytest.mark.parametrize("value, expected, has_time", [
    ("2026-01-21", datetime(2026, 1, 21, tzinfo=HCM), False),
    ("2026-01-21T09:30:00+00:00", datetime(2026, 1, 21, 9, 30, tzinfo=timezone.utc), True),
    ("21/01/2026 09:30", datetime(2026, 1, 21, 9, 30, tzinfo=HCM), True),
    ("21/01/2026", datetime(2026, 1, 21, tzinfo=HCM), False),
])
def test_parse_date_forms(value, expected, has_time):
    moment, timed = parse_date(value, HCM, pytest.fail)
    assert moment == expected and timed == has_time


def test_naive_values_are_in_the_site_zone():
    article, _ = _read(BASE)
    assert article.date.utcoffset() == timedelta(hours=7)


def test_unknown_key_is_a_warning_with_a_suggestion():
    article, problems = _read(BASE + "\nauthr: X")
    assert article is not None
    assert [str(p) for p in problems] == [
        "content/tin/a.md:6: warning[unknown-key]: unknown front-matter key 'authr'; did you mean 'author'?"]


def test_another_generators_key_is_named_by_ours():
    """Hugo's tags are our campaigns: `tags:` was taken without a word and shown nowhere."""
    article, problems = _read(BASE + "\ntags: [an-ninh]\ndescription: Tóm tắt\nlastmod: 2026-02-01")
    assert article is not None and article.campaigns == ()
    assert [p.message for p in problems] == [
        "unknown front-matter key 'tags'; did you mean 'campaigns'?",
        "unknown front-matter key 'description'; did you mean 'summary'?",
        "unknown front-matter key 'lastmod'; did you mean 'updated'?"]


def test_a_key_written_in_vietnamese_is_named_by_ours():
    article, problems = _read(BASE + "\nTác giả: Minh Anh\ntóm tắt: Tin\nảnh bìa: a.jpg")
    assert [p.message for p in problems] == [
        "unknown front-matter key 'Tác giả'; did you mean 'author'?",
        "unknown front-matter key 'tóm tắt'; did you mean 'summary'?",
        "unknown front-matter key 'ảnh bìa'; did you mean 'image'?"]


def test_two_articles_at_one_url_are_both_reported():
    sources = [split_source(p, f"---\n{BASE}\n---\n")[0] for p in ("content/a.md", "content/b.md")]
    _, _, problems = index_articles(CONFIG, sources)
    assert [(p.location.path, p.location.line, p.code) for p in problems] == [
        ("content/a.md", 2, "duplicate-url"), ("content/b.md", 2, "duplicate-url")]
    assert "content/b.md" in problems[0].message
    # Published the same day, they are told apart by a number; a title that recurs, by its day.
    assert [p.message.endswith(f"(e.g. slug: bai-a-{n})") for n, p in enumerate(problems, 1)] == [True, True]
    weekly = [split_source(f"content/lich-{day}.md", f"---\n{BASE.replace('21T', f'{day}T')}\n---\n")[0]
              for day in (14, 21)]
    _, _, problems = index_articles(CONFIG, weekly)
    assert [p.message.rsplit("(", 1)[1] for p in problems] == ["e.g. slug: bai-a-14-01-2026)",
                                                               "e.g. slug: bai-a-21-01-2026)"]
    assert messages.problem_message(problems[0], "vi").endswith("hãy đổi tiêu đề hoặc đặt 'slug' khác (ví dụ slug: bai-a-14-01-2026)")


def test_drafts_are_left_out_and_counted():
    sources = [split_source("content/a.md", f"---\n{BASE}\ndraft: true\n---\n")[0]]
    articles, left_out, problems = index_articles(CONFIG, sources)
    assert articles == [] and left_out == {"draft": 1} and problems == []


def test_slug_override():
    article, _ = _read(BASE + "\nslug: Bài đặc biệt")
    assert article.url == "/tin-hoat-dong/bai-dac-biet/" == f"/tin-hoat-dong/{slugify('Bài đặc biệt')}/"


def test_long_titles_make_urls_cut_at_a_word_and_long_slugs_are_refused():
    from generator.index import MAX_SLUG, shorten_slug
    title_slug = "-".join(["phong-chong-toi-pham"] * 20)
    short = shorten_slug(title_slug)
    assert len(short) <= MAX_SLUG and title_slug.startswith(short) and title_slug[len(short)] == "-"
    assert shorten_slug("a" * 300) == "a" * MAX_SLUG
    assert shorten_slug("ngan-gon") == "ngan-gon"


def test_a_checked_article_is_reused_for_the_same_bytes_and_config_only(tmp_path, monkeypatch):
    """One-off builds keep each file's checked article (and its warnings) for the next."""
    from dataclasses import replace

    from generator import index
    from generator.cache import BuildCache

    cache = BuildCache(tmp_path / ".cache")
    checked: list[str] = []
    real = index.read_article
    monkeypatch.setattr(index, "read_article", lambda config, source: checked.append(source.path)
                        or real(config, source))

    def source(path: str, front: str, file_digest: str):
        return replace(split_source(path, f"---\n{front}\n---\nThân bài.\n")[0], digest=file_digest)

    a = source("content/a.md", BASE + "\nauthr: X", "a1")
    b = source("content/b.md", BASE.replace("Bài A", "Bài B"), "b1")
    first, _, problems = index_articles(CONFIG, [a, b], cache=cache)
    assert checked == ["content/a.md", "content/b.md"] and [p.code for p in problems] == ["unknown-key"]
    checked.clear()
    again, _, problems = index_articles(CONFIG, [a, b], cache=cache)
    assert checked == [] and again == [replace(x, body="", body_loaded=False) for x in first]
    assert [p.code for p in problems] == ["unknown-key"]  # the warning is shown every build
    edited = source("content/b.md", BASE.replace("Bài A", "Bài B đã sửa"), "b2")
    articles, _, _ = index_articles(CONFIG, [a, edited], cache=cache)
    assert checked == ["content/b.md"] and "Bài B đã sửa" in [x.title for x in articles]
    checked.clear()
    renamed = replace(CONFIG, units={**CONFIG.units, "cong-an-tinh": replace(CONFIG.units["cong-an-tinh"],
                                                                             name="Công an tỉnh")})
    index_articles(renamed, [a, edited], cache=cache)
    assert checked == ["content/a.md", "content/b.md"]  # another config: everything is checked again


@pytest.mark.parametrize("written, meant", [
    ("Vì An ninh Tổ quốc, Dân vận khéo", ("vi-an-ninh-to-quoc", "dan-van-kheo")),
    ("dan-van-kheo; vi-an-ninh-to-quoc", ("dan-van-kheo", "vi-an-ninh-to-quoc")),
    ("Dân vận khéo", ("dan-van-kheo",)),
])
def test_campaigns_written_without_brackets_are_the_list_they_mean(written, meant):
    article, problems = _read(BASE + f"\ncampaigns: {written}")
    assert problems == [] and article.campaigns == meant


@pytest.mark.parametrize("title, warned", [("CÔNG AN TỈNH RA QUÂN ĐỢT CAO ĐIỂM", True), ("Công an tỉnh ra quân", False),
                                           ("CSGT: 12 VỤ", False), ("TP.HCM ra quân", False),
                                           ("KẾ HOẠCH TUYÊN TRUYỀN 2026", True)])
def test_a_title_typed_in_capitals_is_a_warning_on_its_line(title, warned):
    article, problems = _read(BASE.replace('"Bài A"', f'"{title}"'))
    assert article is not None and article.title == title  # published as written
    assert [(p.location.line, p.code) for p in problems] == ([(2, "title-in-capitals")] if warned else [])


@pytest.mark.parametrize("written, en, vi", [
    ("date: 2026", "'date' must be a date, not a number", "'date' phải là ngày tháng, không phải một số"),
    ("author: [Minh, [Khôi]]", "'author' must be text, not a list", "'author' phải là chữ, không phải một danh sách"),
    ("summary: {a: 1}", "'summary' must be text, not key: value lines",
     "'summary' phải là chữ, không phải các dòng 'khóa: giá trị'"),
    ("image_caption: !!binary aGVsbG8=", "'image_caption' must be text, not binary data",
     "'image_caption' phải là chữ, không phải dữ liệu nhị phân"),
])
def test_a_value_of_the_wrong_kind_is_named_in_an_editors_words(written, en, vi):
    """Not Python's type names ("not int", "not NoneType"), which tell an editor nothing."""
    text = BASE.replace("date: 2026-01-21T09:30:00", written) if written.startswith("date") else f"{BASE}\n{written}"
    _, problems = _read(text)
    wrong = [p for p in problems if p.code in ("wrong-type", "bad-date")]
    assert [p.message for p in wrong] == [en]
    assert messages.describe(wrong[0], "vi").split(": ", 2)[-1] == vi


@pytest.mark.parametrize("line", ["status: published", "published: true", "bản nháp: false",
                                  # (a Drupal or Joomla export's, a site's own: an error advising
                                  # 'draft: true' for them would have the editor unpublish it)
                                  "status: public", "status: active", "status: 1", "status: true"])
def test_another_generators_publishing_key_that_withholds_nothing_stays_a_warning(line):
    article, problems = _read(BASE + "\n" + line)
    assert article is not None and [p.code for p in problems] == ["unknown-key"]


@pytest.mark.parametrize("line, ours", [("expire: 2026-12-08", "'expires'"), ("expired: 2026-12-08", "'expires'"),
                                        ("exprires: 08/12/2026 07:00", "'expires'"), ("drafts: true", "'draft: true'"),
                                        ("darft: yes", "'draft: true'"), ("Draf: true", "'draft: true'")])
def test_our_take_down_or_draft_key_misspelt_is_an_error_not_a_warning(line, ours):
    """`expire: 2026-12-08` was an unknown key, a warning ("did you mean 'expires'?"): the build
    published the article past the take-down the editor wrote, exit 0."""
    article, problems = _read(BASE + "\n" + line)
    assert article is None and [p.code for p in problems] == ["publishing-key"]
    assert problems[0].location.line == 6
    assert f"give that moment as {ours}" in problems[0].message or f"write {ours} instead" in problems[0].message


def test_expires_left_empty_is_told_the_article_stays_online():
    """`expires:` with no date, a take-down begun and not finished, was read as no expiry and told
    nothing: the article stayed online. It still does (as another optional key left empty), told."""
    article, problems = _read(BASE + "\nexpires:")
    assert article is not None and article.expires is None
    assert [(p.code, p.severity, p.location.line) for p in problems] == [("expires-left-empty", "warning", 6)]
    assert messages.describe(problems[0], "vi").split(": ", 2)[-1] == (
        "'expires' chưa ghi ngày: bài vẫn còn trên mạng; hãy ghi thời điểm gỡ bài (ví dụ expires: 31/01/2026 17:00), "
        "hoặc xóa dòng này")
    _, told_once = _read(BASE + "\nexpires: # khi bắt được")  # (YAML's comment: told as a lost value alone)
    assert [p.code for p in told_once] == ["lost-value"]


@pytest.mark.parametrize("line, ours", [("gỡ bài: true", "'draft: true'"), ("Ẩn: true", "'draft: true'"),
                                        ("không đăng: có", "'draft: true'"),
                                        ("unpublished: yes", "'draft: true'"), ("gỡ: 08/12/2026 17:00", "'expires'"),
                                        ("ngày gỡ bài: 2026-12-08", "'expires'")])
def test_a_take_down_in_the_editors_words_is_an_error_naming_ours(line, ours):
    """"gỡ bài: true" (the newsroom's word for a take-down), "ẩn: true", `unpublished: true`: unknown
    keys, warnings, and the article a leader ordered down stayed online."""
    article, problems = _read(BASE + "\n" + line)
    assert article is None and [p.code for p in problems] == ["publishing-key"]
    assert f"give that moment as {ours}" in problems[0].message or f"write {ours} instead" in problems[0].message


@pytest.mark.parametrize("line", ["gỡ bài: false", "ẩn: no", "hidden: false", "thời hạn: 08/12/2026",
                                  "hidden: true"])  # (a Hugo theme's: online, out of its lists)
def test_a_take_down_word_that_withholds_nothing_stays_a_warning(line):
    article, problems = _read(BASE + "\n" + line)
    assert article is not None and [p.code for p in problems] == ["unknown-key"]


@pytest.mark.parametrize("line", ["expire:", "expire: sau Tết", "drafts: false", "darft: no",
                                  # (another key of its own, which `suggest` takes for ours: no take-down)
                                  "exported: 2019-05-13 08:30", "exposure: 2026-12-08", "draw: true"])
def test_a_misspelt_take_down_or_draft_key_that_withholds_nothing_stays_a_warning(line):
    article, problems = _read(BASE + "\n" + line)
    assert article is not None and [p.code for p in problems] == ["unknown-key"]


@pytest.mark.parametrize("line, ours", [("PublishDate: 2026-12-08T07:00:00", "'date'"), ("pubdate: 2026-12-08", "'date'"),
                                        ("published: 2026-12-08", "'date'"), ("expiry_date: 2026-12-08", "'expires'"),
                                        ("unpublishdate: 2026-12-08", "'expires'"), ("hết hạn: 08/12/2026", "'expires'"),
                                        ("status: hidden", "'draft: true'"), ("Status: private", "'draft: true'"),
                                        ("status: 0", "'draft: true'"), ("trạng thái: nháp", "'draft: true'"),
                                        ("bản nháp: true", "'draft: true'")])
def test_another_name_for_when_or_whether_an_article_is_public_is_an_error_naming_ours(line, ours):
    article, problems = _read(BASE + "\n" + line)
    assert article is None and [p.code for p in problems] == ["publishing-key"]
    assert problems[0].location.line == 6 and f"give that moment as {ours}" in problems[0].message or \
        f"write {ours} instead" in problems[0].message
