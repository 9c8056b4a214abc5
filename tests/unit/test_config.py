import re

import pytest

from generator import messages
from generator.config import load_config, parse_config
from tests.conftest import SITE_TOML, cli_here


def _problems(text, tmp_path):
    (tmp_path / "site.toml").write_text(text, encoding="utf-8")
    config, problems = load_config(tmp_path)
    return config, [str(p) for p in problems]


def test_valid_config_is_typed(tmp_path):
    config, problems = _problems(SITE_TOML, tmp_path)
    assert problems == []
    assert config.per_page == 2
    assert config.contact.hotline_tel == "tel:02213862124"
    assert config.units["cong-an-xa-dong-tien"].name == "Công an xã Đồng Tiến"
    assert config.links[0].url == "https://bocongan.example.vn/"
    assert config.base_path == "/"


def test_unknown_key_is_an_error_with_its_line_and_a_suggestion(tmp_path):
    text = SITE_TOML.replace("per_page = 2", "per_pag = 2")
    _, problems = _problems(text, tmp_path)
    assert problems == ["site.toml:3: error[unknown-key]: unknown key 'per_pag'; did you mean 'per_page'?"]


def test_wrong_type_names_the_key(tmp_path):
    _, problems = _problems(SITE_TOML.replace("per_page = 2", 'per_page = "hai"'), tmp_path)
    assert problems == ["site.toml:3: error[wrong-type]: 'per_page' must be a whole number, not text"]


def test_unknown_key_inside_a_term_table(tmp_path):
    text = SITE_TOML.replace('[units.cong-an-tinh]\nname = "Công an tỉnh Thử Nghiệm"',
                             '[units.cong-an-tinh]\nnam = "Công an tỉnh Thử Nghiệm"')
    _, problems = _problems(text, tmp_path)
    assert any("unknown key 'units.cong-an-tinh.nam'; did you mean 'name'?" in p for p in problems)
    assert any("[missing-key]" in p for p in problems)


def test_toml_syntax_error_has_its_line(tmp_path):
    _, problems = _problems('title = "x"\nbase_url = \n', tmp_path)
    assert problems[0].startswith("site.toml:2: error[toml-syntax]")


def test_missing_required_keys_and_bad_values():
    _, problems = parse_config({"per_page": 0, "timezone": "Mars/Olympus"}, "per_page = 0\ntimezone = 'Mars/Olympus'\n")
    codes = sorted(p.code for p in problems)
    assert codes == ["bad-value", "bad-value", "missing-key", "missing-key"]


def test_category_may_not_take_a_reserved_url():
    _, problems = parse_config({"title": "t", "base_url": "https://x.vn/", "categories": {"don-vi": {"name": "X"}}})
    assert [p.code for p in problems] == ["reserved-slug"]


def test_base_path_of_a_sub_folder_site():
    config, _ = parse_config({"title": "t", "base_url": "https://x.vn/cong-thong-tin"})
    assert config.base_path == "/cong-thong-tin/"


def test_a_bad_link_is_reported_at_its_own_entry(tmp_path):
    more = ('[[links]]\nname = "Công an tỉnh bạn"\nurl = "javascript:alert(1)"\n\n'
            '[[links]]\nnam = "Thiếu tên"\nurl = "https://a.example.vn/"\n\n[categories.tin-hoat-dong]')
    text = SITE_TOML.replace("[categories.tin-hoat-dong]", more)
    lines = text.splitlines()
    url_line = lines.index('url = "javascript:alert(1)"') + 1
    nam_line = lines.index('nam = "Thiếu tên"') + 1
    _, problems = _problems(text, tmp_path)
    assert problems == [
        f"site.toml:{url_line}: error[bad-value]: 'javascript:alert(1)': a link must be an http(s) URL or a path on this site",
        f"site.toml:{nam_line}: error[unknown-key]: unknown key 'links.nam'; did you mean 'name'?",
        f"site.toml:{nam_line - 1}: error[missing-key]: each [[links]] entry needs a name and a url",
    ]


def test_blank_names_are_errors_at_their_own_line(tmp_path):
    text = (SITE_TOML.replace('title = "Cổng thông tin điện tử Công an tỉnh Thử Nghiệm"', 'title = "  "')
            .replace('[units.cong-an-tinh]\nname = "Công an tỉnh Thử Nghiệm"', '[units.cong-an-tinh]\nname = " "')
            .replace("[campaigns.dan-van-kheo]", "[campaigns.Dan_Van]\nname = 'x'\n\n[campaigns.dan-van-kheo]"))
    lines = text.splitlines()
    blank = lines.index('name = " "') + 1
    _, problems = _problems(text, tmp_path)
    assert problems == [
        "site.toml:1: error[bad-value]: 'title' must not be empty: it names the portal on every page",
        f"site.toml:{blank}: error[missing-key]: 'units.cong-an-tinh.name' is required",
        f"site.toml:{lines.index('[campaigns.Dan_Van]') + 1}: error[bad-slug]: "
        "'campaigns.Dan_Van': a key must be a slug such as 'dan-van'",
    ]


def test_a_vietnamese_base_url_is_written_as_sitemaps_and_feeds_need_it():
    """Sitemaps want URL-escaped addresses: the host in its IDNA form, the path %-encoded."""
    config, problems = parse_config({"title": "t", "base_url": "https://côngan.vn/tỉnh-thử/"})
    assert problems == []
    assert config.base_url == "https://xn--cngan-6ta.vn/t%E1%BB%89nh-th%E1%BB%AD/"
    assert config.base_path == "/t%E1%BB%89nh-th%E1%BB%AD/"
    config, _ = parse_config({"title": "t", "base_url": "http://côngan.vn:8080/"})
    assert config.base_url == "http://xn--cngan-6ta.vn:8080/"
    assert parse_config({"title": "t", "base_url": "https://congan.example.vn/"})[0].base_url == \
        "https://congan.example.vn/"
    _, problems = parse_config({"title": "t", "base_url": "https://côngan..vn/"})
    assert [p.code for p in problems] == ["bad-value"]


def test_a_base_url_with_a_query_or_a_page_name_is_refused_with_the_one_to_write(make_site):
    """Every link is base_url's path and the page's: "…/congan/?a=1#x" or "…/congan/index.html" was
    accepted and every link read /congan/?a=1#x/assets/… or /congan/index.html/assets/…."""

    for url, said in (("https://example.gov.vn/congan/?a=1#x",
                       "'base_url' must not hold a query or a fragment ('?…', '#…'): every link would carry it; "
                       "write https://example.gov.vn/congan/"),
                      ("https://example.gov.vn/congan/index.html",
                       "'base_url' ends with a page's file name: write the folder it is in, "
                       "https://example.gov.vn/congan/")):
        _, problems = parse_config({"title": "t", "base_url": url})
        assert [(p.code, p.message) for p in problems] == [("bad-value", said)]
    site = make_site({})
    done = cli_here("build", "--site", str(site), "--base-url", "https://thu.example.vn/cong/Default.aspx")
    assert done.returncode == 2 and not (site / "public").exists()
    assert done.stderr.strip() == ("build.py: error: --base-url 'https://thu.example.vn/cong/Default.aspx' kết thúc "
                                   "bằng tên một tệp trang; hãy ghi thư mục chứa nó: --base-url https://thu.example.vn/cong/")
    assert parse_config({"title": "t", "base_url": "https://example.gov.vn/cong.an/v2.0/"})[1] == []


def test_a_base_url_with_two_slashes_in_its_path_is_refused_with_the_one_to_write(make_site):
    """"https://congan.example.gov.vn//huyen-a/" was accepted and every page linked its style sheet,
    scripts and pages as //huyen-a/…, which a browser reads as the host huyen-a: a portal without
    its look and with every link dead."""
    _, problems = parse_config({"title": "t", "base_url": "https://congan.example.gov.vn//huyen-a//"})
    assert [(p.code, p.message) for p in problems] == [
        ("bad-value", "'base_url' has '//' in its path: every link would begin with '//', which a browser reads as "
                      "another host's address; write https://congan.example.gov.vn/huyen-a/")]
    site = make_site({})
    done = cli_here("build", "--site", str(site), "--base-url", "http://localhost:8000//huyen-a/")
    assert done.returncode == 2 and not (site / "public").exists()
    assert done.stderr.strip() == ("build.py: error: --base-url 'http://localhost:8000//huyen-a/' có '//' trong "
                                   "đường dẫn: mọi liên kết sẽ bắt đầu bằng '//', trình duyệt hiểu là địa chỉ của một "
                                   "máy chủ khác; hãy ghi --base-url http://localhost:8000/huyen-a/")
    assert parse_config({"title": "t", "base_url": "https://congan.example.gov.vn/huyen-a/"})[1] == []


def test_a_base_url_with_a_space_in_its_path_is_told_so_with_the_one_to_write(make_site):
    """"https://congan.example.gov.vn/cong an huyen a/" was told it "must be an absolute http(s)
    URL": the editor, who wrote https://, could not see what was wrong."""
    _, problems = parse_config({"title": "t", "base_url": "https://congan.example.gov.vn/cong an  huyen a/"})
    assert [(p.code, p.message) for p in problems] == [
        ("bad-value", "'base_url' has a space in its path, which no address may hold: write "
                      "https://congan.example.gov.vn/cong-an-huyen-a/")]
    for pasted in ("https://congan.example.gov.vn/ huyen-a/", "https://congan.example.gov.vn/huyen-a /",
                   "https://congan.example.gov.vn /huyen-a/"):
        # (a space beside a '/' is one pasted there: "/-huyen-a/" and "/huyen-a-/" were advised)
        _, problems = parse_config({"title": "t", "base_url": pasted})
        assert [p.message for p in problems] == ["'base_url' has a space in its path, which no address may hold: "
                                                 "write https://congan.example.gov.vn/huyen-a/"], pasted
    site = make_site({})
    done = cli_here("build", "--site", str(site), "--base-url", "http://localhost:8000/huyen a/")
    assert done.returncode == 2 and not (site / "public").exists()
    assert done.stderr.strip() == ("build.py: error: --base-url 'http://localhost:8000/huyen a/' có dấu cách trong "
                                   "đường dẫn, điều mà không địa chỉ web nào được có; hãy ghi "
                                   "--base-url http://localhost:8000/huyen-a/")


def test_a_base_url_pasted_with_a_space_around_it_is_the_address():
    """A base_url copied from a browser with a space after it was told it "must be an absolute http(s)
    URL", which it was: the editor could not see what was wrong (--base-url and the hotline are trimmed)."""
    config, problems = parse_config({"title": "t", "base_url": " https://congan.example.gov.vn/huyen-a/ \n"})
    assert problems == []
    assert config.base_url == "https://congan.example.gov.vn/huyen-a/"
    assert config.base_path == "/huyen-a/"


def test_a_base_url_written_with_capitals_is_the_address():
    """"Https://CongAn.Example.gov.vn/huyen-a/" (Word capitalises a line's first letter) was told it
    "must be an absolute http(s) URL", which it is; links and the sitemap write its scheme and host small."""
    config, problems = parse_config({"title": "t", "base_url": "Https://CongAn.Example.gov.vn/huyen-a/"})
    assert problems == []
    assert config.base_url == "https://congan.example.gov.vn/huyen-a/"


def test_the_footer_contact_must_be_dialable_and_writable(tmp_path):
    """The hotline is dialled from a reader's phone and the e-mail written to: a typo there
    would publish a tel: link to a wrong number on every page, so it is an error with its line."""
    cases = {
        'hotline = "gọi 113 hoặc 0221.3862.124"':
            "site.toml:8: error[bad-value]: 'contact.hotline': 'gọi 113 hoặc 0221.3862.124' is not a phone number "
            "such as '0221 3862 124' (several numbers go in a list: hotline = [\"113\", \"0221 3862 124\"])",
        "hotline = 113": "site.toml:8: error[wrong-type]: 'contact.hotline' must be text: put the number in quotes, "
                         "hotline = \"113\"",
        "hotline = 0221 3862 124": "site.toml:8: error[toml-syntax]: Expected newline or end of document after a "
                                   "statement (at line 8, column 12); if the value is text, write it in quotes: "
                                   "hotline = \"0221 3862 124\"",
    }
    for line, said in cases.items():
        _, problems = _problems(SITE_TOML.replace('hotline = "0221 3862 124"', line), tmp_path)
        assert problems == [said], line
    _, problems = _problems(SITE_TOML.replace('email = "banbientap@congan.example.vn"', 'email = "banbientap at congan"'),
                            tmp_path)
    assert problems == ["site.toml:9: error[bad-value]: 'contact.email': 'banbientap at congan' is not an e-mail "
                        "address such as 'banbientap@congan.example.vn'"]
    for typo in ("banbientap@congan..example.vn", "banbientap.@congan.example.vn", "banbientap@.congan.example.vn",
                 "banbientap@congan.example.v", "banbientap@congan.example.vn1"):
        # (a dot doubled or at an end, a domain's last letter lost or a key hit beside it: the footer's
        # mailto: of every page reached no one)
        _, problems = _problems(SITE_TOML.replace('email = "banbientap@congan.example.vn"', f'email = "{typo}"'),
                                tmp_path)
        assert problems == [f"site.toml:9: error[bad-value]: 'contact.email': '{typo}' is not an e-mail "
                            "address such as 'banbientap@congan.example.vn'"], typo
    config, problems = _problems(SITE_TOML.replace('hotline = "0221 3862 124"', 'hotline = ["113", "+84 221 3862 124"]'),
                                 tmp_path)
    assert problems == [] and config.contact.hotlines == ("113", "+84 221 3862 124")
    assert config.contact.hotline_tel == "tel:113"
    # An address copied from a mail link's (was refused as no e-mail address, without saying why)
    config, problems = _problems(SITE_TOML.replace('email = "banbientap@congan.example.vn"',
                                                   'email = "MailTo:banbientap@congan.example.vn"'), tmp_path)
    assert problems == [] and config.contact.email == "banbientap@congan.example.vn"


def test_a_portal_without_the_footer_s_hotline_or_e_mail_is_warned_at_its_contact_line(tmp_path):
    """Every page's footer gives the unit's hotline and e-mail; a site.toml without them (init's
    commented [contact], or a line left blank) published pages without, saying nothing."""
    contact = 'hotline = "0221 3862 124"\nemail = "banbientap@congan.example.vn"\n'
    assert contact in SITE_TOML
    _, problems = _problems(SITE_TOML.replace(contact, ""), tmp_path)
    assert problems == ["site.toml:7: warning[no-contact]: the footer of every page gives no hotline and no e-mail: "
                        'write hotline = "…", email = "…" under the [contact] line']
    _, problems = _problems(SITE_TOML.replace('email = "banbientap@congan.example.vn"', 'email = " "'), tmp_path)
    assert problems == ["site.toml:7: warning[no-contact]: the footer of every page gives no e-mail: "
                        'write email = "…" under the [contact] line']
    without_table = re.sub(r"\[contact\]\n(.+\n)+\n", "", SITE_TOML)
    assert "contact" not in without_table
    _, problems = _problems(without_table, tmp_path)
    assert problems == ["site.toml: warning[no-contact]: the footer of every page gives no hotline and no e-mail: "
                        'write hotline = "…", email = "…" under a [contact] line']
    _, found = load_config(tmp_path)
    assert messages.describe(found[-1], "vi") == (
        "site.toml: warning[no-contact]: chân mọi trang không có đường dây nóng và email: hãy ghi "
        'hotline = "…", email = "…" dưới dòng [contact]')
    # (init's lines, left commented when not given: the editor is told to uncomment them)
    (tmp_path / "site.toml").write_text(without_table.replace("[[links]]", '# [contact]\n# hotline = "…"\n\n[[links]]', 1),
                                        encoding="utf-8")
    _, found = load_config(tmp_path)
    assert messages.describe(found[-1], "vi").endswith("dưới dòng [contact] và bỏ dấu # ở đầu các dòng đó")
    _, problems = _problems(SITE_TOML.replace('hotline = "0221 3862 124"', 'hotline = ["113"]'), tmp_path)
    assert problems == []


def test_a_link_without_https_is_not_taken_for_a_page_of_the_site(tmp_path):
    _, problems = _problems(SITE_TOML.replace('url = "https://bocongan.example.vn/"', 'url = "bocongan.gov.vn"'), tmp_path)
    assert problems == ["site.toml:14: error[bad-value]: 'bocongan.gov.vn' is neither a web address nor a path on "
                        "this site; write 'https://bocongan.gov.vn' (or '/bocongan.gov.vn' for a page of this site)"]
    for fine in ("/gioi-thieu/", "mailto:a@b.vn", "tel:113", "https://x.vn/"):
        config, problems = _problems(SITE_TOML.replace('url = "https://bocongan.example.vn/"', f'url = "{fine}"'),
                                     tmp_path)
        assert problems == [] and config.links[0].url == fine


def test_site_toml_text_left_unquoted_gets_the_line_that_works(tmp_path):
    import tomllib
    for line, meant in (("title = Cổng thông tin Công an tỉnh", "Cổng thông tin Công an tỉnh"),
                        ('title = "Cổng "Công an" tỉnh"', 'Cổng "Công an" tỉnh'),
                        ("title = 'Nhà 'A''", "Nhà 'A'"),
                        # (an odd number of quotes: one inside the text, not one left open at its end)
                        ('title = "Trang "tin tức của Công an tỉnh"', 'Trang "tin tức của Công an tỉnh'),
                        ("title = 'Nhà 'A tỉnh'", "Nhà 'A tỉnh"),
                        ("title = Thư mục C:\\Tin", "Thư mục C:\\Tin"),
                        # (typographic quotes, as Word, TextEdit or a phone writes "…": the line advised
                        # kept them inside its own, 'title = "“Cổng…”"', and published them)
                        ("title = “Cổng “Công an” tỉnh”", "Cổng “Công an” tỉnh"),
                        ("title = ‘Cổng Công an tỉnh’", "Cổng Công an tỉnh")):
        text = SITE_TOML.replace('title = "Cổng thông tin điện tử Công an tỉnh Thử Nghiệm"', line)
        _, problems = _problems(text, tmp_path)
        assert len(problems) == 1 and problems[0].startswith("site.toml:1: error[toml-syntax]: "), (line, problems)
        fixed = problems[0].split("write it in quotes: ", 1)[1]
        assert tomllib.loads(fixed)["title"] == meant, (line, fixed)


def test_a_hotline_list_in_typographic_quotes_gets_the_line_that_works(tmp_path):
    """`hotline = [“113”, “0221 3862 124”]` (README's list, typed on a phone or in Word) was told
    only TOML's "Invalid value (at line 8, column 12)", where one number in them gets its line."""
    text = SITE_TOML.replace('hotline = "0221 3862 124"', "hotline = [“113”, ‘0221 3862 124’]")
    _, problems = _problems(text, tmp_path)
    assert problems == ["site.toml:8: error[toml-syntax]: Invalid value (at line 8, column 12); if the value is text, "
                        'write it in quotes: hotline = ["113", "0221 3862 124"]']
    _, problems = _problems(SITE_TOML.replace('hotline = "0221 3862 124"', "hotline: [“113”, “0221 3862 124”]"),
                            tmp_path)
    assert problems[0].endswith("site.toml writes '=': hotline = [\"113\", \"0221 3862 124\"]"), problems


def test_a_key_followed_by_two_equals_signs_is_told_to_write_one(tmp_path):
    """`name == "Tin hoạt động"` (as code compares) was told TOML's "Invalid value" and "if the value
    is text, write it in quotes" of a value in quotes already, or of a number (per_page = 2)."""
    import tomllib
    for line, meant in (('title == "Cổng Công an tỉnh"', "Cổng Công an tỉnh"),
                        ("title == Cổng Công an tỉnh", "Cổng Công an tỉnh"),
                        ('title = = "Cổng Công an tỉnh"', "Cổng Công an tỉnh")):
        text = SITE_TOML.replace('title = "Cổng thông tin điện tử Công an tỉnh Thử Nghiệm"', line)
        _, problems = _problems(text, tmp_path)
        assert len(problems) == 1 and problems[0].startswith(
            "site.toml:1: error[toml-syntax]: 'title' is followed by '==', as code compares; site.toml writes one "
            "'=': "), (line, problems)
        fixed = problems[0].split("writes one '=': ", 1)[1]
        assert tomllib.loads(fixed)["title"] == meant, (line, fixed)
    _, problems = _problems(SITE_TOML.replace("per_page = 2", "per_page == 2"), tmp_path)
    assert problems == ["site.toml:3: error[toml-syntax]: 'per_page' is followed by '==', as code compares; "
                        "site.toml writes one '=': per_page = 2"]
    _, found = load_config(tmp_path)
    assert messages.describe(found[0], "vi") == (
        "site.toml:3: error[toml-syntax]: site.toml viết sai cú pháp TOML: sau 'per_page' là '==' như khi viết mã "
        "lệnh; site.toml chỉ viết một dấu '=': per_page = 2")


def test_a_key_written_with_a_colon_as_front_matter_writes_it_gets_the_line_that_works(tmp_path):
    """`title: "Cổng …"` (as an article's front-matter writes a key) was told only TOML's "Expected
    '=' after a key in a key/value pair", in English in the middle of a Vietnamese message."""
    text = SITE_TOML.replace('hotline = "0221 3862 124"', "hotline: 0221 3862 124")
    _, problems = _problems(text, tmp_path)
    assert problems == ["site.toml:8: error[toml-syntax]: 'hotline' is followed by ':', as an article's front-matter "
                        "writes a key; site.toml writes '=': hotline = \"0221 3862 124\""]
    _, found = load_config(tmp_path)
    assert messages.describe(found[0], "vi") == (
        "site.toml:8: error[toml-syntax]: site.toml viết sai cú pháp TOML: sau 'hotline' là dấu ':' như phần thông "
        "tin đầu bài viết; site.toml dùng dấu '=': hotline = \"0221 3862 124\"")
    _, problems = _problems(SITE_TOML.replace("per_page = 2", "per_page: 2"), tmp_path)
    assert problems[0].endswith("site.toml writes '=': per_page = 2")


def test_a_line_ended_with_a_comma_is_told_to_lose_it(tmp_path):
    """`name = "Xây dựng lực lượng",` (a line ended as a list's item, or `;` as code ends one) was told
    only TOML's "Expected newline or end of document after a statement", in English."""
    for end in (",", ";"):
        text = SITE_TOML.replace('name = "Xây dựng lực lượng"', f'name = "Xây dựng lực lượng"{end}')
        _, problems = _problems(text, tmp_path)
        assert problems == [f"site.toml:21: error[toml-syntax]: a line of site.toml ends with its value: remove the "
                            f"'{end}' at its end, name = \"Xây dựng lực lượng\""]
    _, found = load_config(tmp_path)
    assert messages.describe(found[0], "vi") == (
        "site.toml:21: error[toml-syntax]: site.toml viết sai cú pháp TOML: mỗi dòng kết thúc ở giá trị của nó; "
        "hãy bỏ dấu ';' ở cuối dòng: name = \"Xây dựng lực lượng\"")


def test_a_table_s_line_with_a_bracket_missing_is_told_the_line_to_write(tmp_path):
    """`[categories.tin-hoat-dong` (its ] lost), `units.cong-an-tinh]`, `(…)` or `[[links]` were told
    TOML's own words ("Expected ']' at the end of a table declaration", "Invalid statement") in English."""
    for written, meant, line in (("[categories.tin-hoat-dong", "[categories.tin-hoat-dong]", 16),
                                 ("categories.tin-hoat-dong]", "[categories.tin-hoat-dong]", 16),
                                 ("(categories.tin-hoat-dong)", "[categories.tin-hoat-dong]", 16),
                                 ("[[links]", "[[links]]", 12), ("[[links", "[[links]]", 12),
                                 # (one too many: TOML said "Expected newline or end of document after a
                                 # statement")
                                 ("[categories.tin-hoat-dong]]", "[categories.tin-hoat-dong]", 16),
                                 ("[[links]]]", "[[links]]", 12)):
        header = "[categories.tin-hoat-dong]" if "categories" in written else "[[links]]"
        _, problems = _problems(SITE_TOML.replace(header, written, 1), tmp_path)
        assert problems == [f"site.toml:{line}: error[toml-syntax]: a table's line is written between square "
                            f"brackets: {meant}"], written
    _, found = load_config(tmp_path)
    assert messages.describe(found[0], "vi") == ("site.toml:12: error[toml-syntax]: site.toml viết sai cú pháp TOML: "
                                                  "dòng mở đầu một mục phải nằm trong ngoặc vuông: [[links]]")


def test_a_text_saved_before_its_closing_quote_is_told_so(tmp_path):
    """An editor's autosave while typing a name in site.toml: TOML said "Illegal character '\\n'
    (at line 1, column 40)", in English, in the preview's overlay."""
    from generator import messages
    from generator.config import load_config
    for line, quote in (("title = 'Cổng thông tin điện tử Công an", "'"), ('title = "Cổng \\"A\\" tỉnh', '"'),
                        ('title = "Cổng thông tin điện tử Công an', '"')):
        # (a later line's ' closes nothing: TOML says "Found invalid character '\\n'" at this one)
        text = SITE_TOML.replace('title = "Cổng thông tin điện tử Công an tỉnh Thử Nghiệm"', line) + "# it's\n"
        _, problems = _problems(text, tmp_path)
        assert problems == [f"site.toml:1: error[toml-syntax]: the quote opened on this line is never closed; "
                            f"end the value with {quote}"], (line, problems)
    # (no ' after it in the file: TOML said 'Expected "'" (at end of document)', at the file's last line)
    text = SITE_TOML.replace('title = "Cổng thông tin điện tử Công an tỉnh Thử Nghiệm"', "title = 'Cổng thông tin")
    assert _problems(text, tmp_path)[1] == ["site.toml:1: error[toml-syntax]: the quote opened on this line is never "
                                            "closed; end the value with '"]
    _problems(SITE_TOML.replace('title = "Cổng thông tin điện tử Công an tỉnh Thử Nghiệm"', 'title = "Cổng'), tmp_path)
    [problem] = load_config(tmp_path)[1]
    assert messages.problem_message(problem, "vi") == ("site.toml viết sai cú pháp TOML: dấu nháy mở ở dòng này chưa "
                                                       "được đóng; hãy kết thúc giá trị bằng \"")


def test_a_quoted_term_key_is_found_on_its_line(tmp_path):
    text = SITE_TOML.replace("[units.cong-an-xa-dong-tien]", '[units."công-an-xã"]')
    _, problems = _problems(text, tmp_path)
    assert problems == ["site.toml:29: error[bad-slug]: 'units.công-an-xã': a key must be a slug such as 'cong-an-xa'"]


def test_a_term_key_written_with_tone_marks_or_spaces_is_told_the_key_to_write(tmp_path):
    """`[units.công-an-xã]` unquoted is no TOML at all: the error was TOML's own, in English ("Expected
    ']' at the end of a table declaration"), and said nothing of the key to write."""
    for header, table, key, slug in (("[units.công-an-xã]", "units", "công-an-xã", "cong-an-xa"),
                                     ("[units.Công an xã Đồng Tiến]", "units", "Công an xã Đồng Tiến",
                                      "cong-an-xa-dong-tien"),
                                     ("[categories.tin hoat dong]  # mới", "categories", "tin hoat dong",
                                      "tin-hoat-dong")):
        text = SITE_TOML.replace("[units.cong-an-xa-dong-tien]", header)
        _, problems = _problems(text, tmp_path)
        assert problems == [f"site.toml:29: error[bad-slug]: '{table}.{key}': a key must be a slug such as '{slug}'"]


def test_an_invisible_control_character_in_a_name_is_refused_with_its_line(tmp_path):
    """A title or name pasted from Word may carry U+001F: every Atom feed holding it would be
    unreadable XML (found by the property test)."""
    _, problems = _problems(SITE_TOML.replace('name = "Dân vận khéo"', 'name = "Dân vận\\u001f khéo"'), tmp_path)
    assert problems == ["site.toml:36: error[bad-value]: 'campaigns.dan-van-kheo.name' holds the invisible control "
                        "character U+001F (often pasted from Word); delete it"]


@pytest.mark.parametrize("saved", [b"\xef\xbb\xbf" + SITE_TOML.encode("utf-8"),  # Notepad's "UTF-8 with BOM"
                                   SITE_TOML.encode("utf-16")])  # Notepad's "Unicode", with its BOM
def test_site_toml_saved_by_notepad_is_read_as_its_text(tmp_path, saved):
    (tmp_path / "site.toml").write_bytes(saved)
    config, problems = load_config(tmp_path)
    assert problems == []
    assert config.units["cong-an-xa-dong-tien"].name == "Công an xã Đồng Tiến"


def test_site_toml_in_another_encoding_names_its_line(tmp_path):
    (tmp_path / "site.toml").write_bytes(SITE_TOML.encode("utf-8") + "# Hưng Yên\n".encode("cp1258", "replace"))
    _, problems = load_config(tmp_path)
    assert [str(p) for p in problems] == [f"site.toml:{SITE_TOML.count(chr(10)) + 1}: error[not-utf8]: the file is not UTF-8 text"]


@pytest.mark.parametrize("written, told", [
    ("vn", "site.toml:2: error[bad-value]: 'vn' is not a language code: Vietnamese is 'vi'"),
    ("VN", "site.toml:2: error[bad-value]: 'VN' is not a language code: Vietnamese is 'vi'"),
    ("tiếng Việt", "site.toml:2: error[bad-value]: 'tiếng Việt' is not a language code such as 'vi' (pages say it "
                   "to browsers and screen readers)"),
])
def test_a_language_that_is_no_language_code_is_told(tmp_path, written, told):
    """Every page says its language (<html lang>) to screen readers, which choose a voice by it:
    'vn' (the country's code, an easy slip) chose none."""
    text = SITE_TOML.replace("\n", f'\nlanguage = "{written}"\n', 1)
    _, problems = _problems(text, tmp_path)
    assert problems == [told]
    for fine in ("vi", "vi-VN", "en"):  # (a code, "en" warned about below: the theme's words are Vietnamese)
        config, problems = _problems(SITE_TOML.replace("\n", f'\nlanguage = "{fine}"\n', 1), tmp_path)
        assert [p for p in problems if ": error[" in p] == [] and config.language == fine


def test_a_key_or_table_written_twice_is_told_so_not_to_be_quoted(tmp_path):
    """tomllib says "Cannot overwrite a value": the build added "if the value is text, write it
    in quotes: per_page = \\"7\\"", which would not help."""
    _, problems = _problems(SITE_TOML.replace("per_page = 2", "per_page = 2\nper_page = 7"), tmp_path)
    assert problems == ["site.toml:4: error[duplicate-key]: 'per_page' is given twice (first on line 3)"]
    twice = SITE_TOML + '\n[categories.tin-hoat-dong]\nname = "Tin"\n'
    _, problems = _problems(twice, tmp_path)
    assert len(problems) == 1 and problems[0].endswith(
        "error[duplicate-key]: '[categories.tin-hoat-dong]' is given twice (first on line "
        f"{SITE_TOML.split(chr(10)).index('[categories.tin-hoat-dong]') + 1})")


def test_a_language_other_than_vietnamese_is_warned_about_unless_the_layouts_are_the_sites_own(make_site):
    """`language = "en"` (set to have messages in English) labelled every page English while the
    theme's words are Vietnamese: screen readers read them with an English voice."""
    from generator.config import load_config
    from tests.conftest import SITE_TOML

    site = make_site({}, SITE_TOML.replace('base_url = "https://congan.example.vn/"',
                                           'base_url = "https://congan.example.vn/"\nlanguage = "en"'))
    config, problems = load_config(site)
    assert config is not None and [(p.location.line, p.code, p.is_error) for p in problems] == [
        (3, "language-not-vietnamese", False)]
    (site / "layouts").mkdir()
    (site / "layouts/base.html").write_text("<!doctype html><html lang=\"en\">{% block main %}{% endblock %}</html>\n",
                                            encoding="utf-8")
    assert load_config(site)[1] == []  # (its own words)


def test_keys_of_other_generators_are_told_what_this_one_has_and_a_table_at_its_own_line(tmp_path):
    """[[menu]] was told "did you mean 'timezone'?", [params] refused with no way for a layout's own
    values, and an unknown [categories.x.extra] told at [categories.x]'s line, lines above."""
    text = (SITE_TOML + '\n[[menu]]\nname = "Trang chủ"\n\n[params]\nmau_nen = "do"\n'
            '\n[categories.tin-hoat-dong.extra]\nmau = "do"\n')
    lines = text.split("\n")
    _, problems = _problems(text, tmp_path)
    assert problems == [
        f"site.toml:{lines.index('[[menu]]') + 1}: error[unknown-key]: unknown key 'menu'; the menu is made of the "
        "categories; a page of its own joins it with menu: true in its front-matter",
        f"site.toml:{lines.index('[params]') + 1}: error[unknown-key]: unknown key 'params'; a layout's own values go "
        "in [extra] (config.extra.… in layouts)",
        f"site.toml:{lines.index('[categories.tin-hoat-dong.extra]') + 1}: error[unknown-key]: unknown key "
        "'categories.tin-hoat-dong.extra'"]
    config, problems = _problems(SITE_TOML + '\n[extra]\nmau_nen = "do"\nbanner = ["a", "b"]\n', tmp_path)
    assert problems == [] and config.extra["mau_nen"] == "do" and config.extra["banner"] == ["a", "b"]


def test_the_line_of_an_array_s_item_is_where_it_stands():
    from generator.config import _Reader
    reader = _Reader('[units.x]\nname = "X"\naliases = ["/a,]#/",  # a comment, with "quotes" [and brackets]\n'
                     '  \'/b"/\', "/c\\"],/",\n\n  "/d/", ["nested", "array"],\n  "/e/"]\nother_names = ["PC08"]\n')
    assert [reader.item_line("units", "x", "aliases", number=n) for n in range(7)] == [3, 4, 4, 6, 6, 7, 3]
    assert reader.item_line("units", "x", "other_names", number=0) == 8
    assert reader.item_line("units", "x", "missing", number=0) == 1  # (the table's header, as line_of says)
    # One value, no array: its own line, not the bracket of the next table's header.
    reader = _Reader('[units.x]\nname = "X"\naliases = "/cu/"\n\n[units.y]\nname = "Y"\n')
    assert reader.item_line("units", "x", "aliases", number=0) == 3


def test_a_misspelt_table_name_is_told_at_its_header(tmp_path):
    """`[category.tin-hoat-dong]` for `[categories.…]` (or `[unit.…]`): the error named line 1,
    the title, and the editor looked for the mistake there."""
    for wrong, right in (("[category.tin-hoat-dong]", "categories"), ("[unit.cong-an-xa-dong-tien]", "units"),
                         ("[campaign.dan-van-kheo]", "campaigns")):
        text = SITE_TOML.replace(f"[{right}.{wrong[1:].split('.', 1)[1]}", wrong)
        line = text.split("\n").index(wrong) + 1
        _, problems = _problems(text, tmp_path)
        key = wrong[1:].split(".")[0]
        assert problems == [f"site.toml:{line}: error[unknown-key]: unknown key '{key}'; did you mean '{right}'?"], wrong


def test_two_numbers_written_as_one_hotline_are_refused(tmp_path):
    """'113 - 0221 3862 124' passed as a phone number: the footer of every page dialled
    tel:11302213862124. A number's own groups joined by hyphens stay one number."""
    for written, dialled in (("113 - 0221 3862 124", "11302213862124"), ("113 0221 3862 124", "11302213862124"),
                             ("113 - 114", "113114")):
        _, problems = _problems(SITE_TOML.replace('hotline = "0221 3862 124"', f'hotline = "{written}"'), tmp_path)
        assert problems == [f"site.toml:8: error[bad-value]: 'contact.hotline': '{written}' is two numbers, which a "
                            f"phone would dial as one (tel:{dialled}) (several numbers go in a list: "
                            "hotline = [\"113\", \"0221 3862 124\"])"], written
    from generator import messages
    _, (problem,) = load_config(tmp_path)  # (the last: '113 - 114')
    assert messages.problem_message(problem, "vi") == (
        "'contact.hotline': '113 - 114' là hai số, điện thoại sẽ gọi gộp thành một số (tel:113114); nhiều số thì "
        "viết thành danh sách: hotline = [\"113\", \"0221 3862 124\"]")
    for one in ("0221-3862-124", "0912 - 345 - 678", "1900 1234", "(0221) 3862 124", "+84 221 3862 124"):
        config, problems = _problems(SITE_TOML.replace('hotline = "0221 3862 124"', f'hotline = "{one}"'), tmp_path)
        assert problems == [] and config.contact.hotlines == (one,), one


def test_a_hotline_with_vietnams_code_but_no_plus_is_refused_with_both_ways_to_write_it(tmp_path):
    """'84 912 345 678' (the country's code, its '+' left out): every page's footer linked
    tel:84912345678, which a phone dials as a number of this country, and none begins with 84."""
    from generator import messages
    for written, dialled, plus, here in (("84 912 345 678", "84912345678", "+84 912 345 678", "0912 345 678"),
                                         ("84912345678", "84912345678", "+84 912345678", "0912345678"),
                                         ("(84) 221 3862 124", "842213862124", "+84 221 3862 124", "0221 3862 124")):
        _, problems = _problems(SITE_TOML.replace('hotline = "0221 3862 124"', f'hotline = "{written}"'), tmp_path)
        assert problems == [f"site.toml:8: error[bad-value]: 'contact.hotline': '{written}' begins with Vietnam's "
                            f"code, 84, without its '+': a phone would dial tel:{dialled}, no number; write '{plus}' "
                            f"(or '{here}')"], written
    _, (problem,) = load_config(tmp_path)
    assert messages.problem_message(problem, "vi") == (
        "'contact.hotline': '(84) 221 3862 124' bắt đầu bằng mã nước 84 mà thiếu dấu '+': điện thoại sẽ gọi "
        "tel:842213862124, không phải số nào; hãy viết '+84 221 3862 124' (hoặc '0221 3862 124')")
    for one in ("+84 912 345 678", "0084 912 345 678", "0912 345 678", "1900 8484", "113", "8484"):
        config, problems = _problems(SITE_TOML.replace('hotline = "0221 3862 124"', f'hotline = "{one}"'), tmp_path)
        assert problems == [] and config.contact.hotlines == (one,), one


def test_a_hotline_list_with_a_number_left_unquoted_gets_the_list_that_works(tmp_path):
    """hotline = ["113", 114] was told half in English ("giá trị sai kiểu: … must be a string or a
    list of strings, not a list"), though it is a list."""
    from generator import messages
    _, problems = _problems(SITE_TOML.replace('hotline = "0221 3862 124"', 'hotline = ["113", 114]'), tmp_path)
    assert problems == ["site.toml:8: error[wrong-type]: 'contact.hotline' must be text: put the number in quotes, "
                        "hotline = [\"113\", \"114\"]"]
    _, problems = _problems(SITE_TOML.replace('hotline = "0221 3862 124"', 'hotline = {so = "113"}'), tmp_path)
    _, (problem,) = load_config(tmp_path)
    assert messages.problem_message(problem, "vi") == (
        "'contact.hotline' phải là chữ trong dấu ngoặc kép, hoặc danh sách các chữ như thế, "
        "không phải các dòng 'khóa: giá trị'")


def test_a_name_of_the_wrong_type_is_one_error_not_also_a_missing_one(tmp_path):
    """`name = 123` in [units.…] was told twice on one line: 'name' missing, and 'name' a number."""
    _, problems = _problems(SITE_TOML.replace('name = "Công an xã Đồng Tiến"', "name = 113"), tmp_path)
    assert problems == ["site.toml:30: error[wrong-type]: 'units.cong-an-xa-dong-tien.name' must be a string, not a number"]


def test_a_base_url_without_a_host_name_is_refused(tmp_path):
    """README's `base_url = "https://…/"` copied as written passed: IDNA made '…' '...', and every
    canonical link, feed and the sitemap named https://.../."""
    from generator import messages
    for url, host in (("https://…/", "…"), ("https://congan..gov.vn/", "congan..gov.vn")):
        _, problems = _problems(SITE_TOML.replace('base_url = "https://congan.example.vn/"', f'base_url = "{url}"'),
                                tmp_path)
        assert problems == [f"site.toml:2: error[bad-value]: 'base_url' names no host: '{host}' is not a host name "
                            "such as 'congan.hungyen.gov.vn'; write the portal's address"], url
    _, (problem,) = load_config(tmp_path)
    assert messages.problem_message(problem, "vi") == (
        "'base_url' không có tên miền: 'congan..gov.vn' không phải tên miền như 'congan.hungyen.gov.vn'; "
        "hãy ghi địa chỉ của cổng")
    for fine in ("https://côngan.vn/", "http://localhost:8000/", "https://[::1]:8000/", "https://10.0.0.5/congan/"):
        config, problems = _problems(SITE_TOML.replace('base_url = "https://congan.example.vn/"',
                                                       f'base_url = "{fine}"'), tmp_path)
        assert problems == [], fine


def test_readme_placeholders_left_in_the_title_or_an_address_are_refused(tmp_path):
    """README's site.toml copied as written: 'Công an tỉnh …' titled every page, and 'Địa chỉ: …'
    stood in every footer (or a unit's page)."""
    from generator import messages
    text = (SITE_TOML.replace('title = "Cổng thông tin điện tử Công an tỉnh Thử Nghiệm"',
                              'title = "Cổng thông tin điện tử Công an tỉnh …"')
            .replace('address = "Số 1 đường Chùa Chuông, tỉnh Thử Nghiệm"', 'address = "…"')
            .replace('name = "Công an xã Đồng Tiến"', 'name = "Công an xã Đồng Tiến"\naddress = "..."'))
    _, problems = _problems(text, tmp_path)
    assert problems == [
        "site.toml:1: error[bad-value]: 'title' ends with README's placeholder '…' ('Cổng thông tin điện tử Công an "
        "tỉnh …'): write the unit's name there",
        "site.toml:10: error[bad-value]: 'contact.address' is README's placeholder '…': write the address, or none at all",
        "site.toml:31: error[bad-value]: 'units.cong-an-xa-dong-tien.address' is README's placeholder '…': write the "
        "address, or none at all"]
    _, found = load_config(tmp_path)
    assert [messages.problem_message(p, "vi") for p in found][1] == (
        "'contact.address' là dấu '…' để trống trong ví dụ của README: hãy ghi địa chỉ thật, hoặc không ghi địa chỉ")
    for fine in ('title = "Tin tức…"', 'title = "Cổng … Hưng Yên"'):
        _, problems = _problems(SITE_TOML.replace('title = "Cổng thông tin điện tử Công an tỉnh Thử Nghiệm"', fine),
                                tmp_path)
        assert problems == [], fine


def test_a_table_or_key_named_in_vietnamese_is_told_ours(tmp_path):
    """[don-vi.…] as the portal's addresses read (/don-vi/) was told only that 'don-vi' is unknown,
    and [lien-he] 'did you mean timezone?'."""
    for written, ours in (("[don-vi.cong-an-xa-dong-tien]", "units"), ("[lien-he]", "contact"),
                          ("[chuyen-muc.tin-hoat-dong]", "categories")):
        original = {"units": "[units.cong-an-xa-dong-tien]", "contact": "[contact]",
                    "categories": "[categories.tin-hoat-dong]"}[ours]
        text = SITE_TOML.replace(original, written)
        line = text.split("\n").index(written) + 1
        key = written.strip("[]").split(".")[0]
        _, problems = _problems(text, tmp_path)
        assert f"site.toml:{line}: error[unknown-key]: unknown key '{key}'; did you mean '{ours}'?" in problems, problems
    _, problems = _problems(SITE_TOML.replace("address = ", "dia_chi = "), tmp_path)
    assert problems == ["site.toml:10: error[unknown-key]: unknown key 'contact.dia_chi'; did you mean 'address'?"]


def test_a_site_wide_key_written_under_a_table_is_told_to_go_above_it(tmp_path):
    """A newcomer adds `share_image = …` at the end of site.toml, where TOML reads it as the last
    table's: told only 'unknown key campaigns.dan-van-kheo.share_image', or for `description`
    'given twice'; and `hotline` written above [contact] was asked "did you mean 'timezone'?"."""
    _, problems = _problems(SITE_TOML + 'share_image = "/logo.png"\n', tmp_path)
    line = SITE_TOML.count("\n") + 1
    assert problems == [
        f"site.toml:{line}: error[unknown-key]: unknown key 'campaigns.dan-van-kheo.share_image'; a line under "
        "[campaigns.dan-van-kheo] belongs to that table: the portal's 'share_image' goes at the top of site.toml, "
        "above the first line in [ ]"]
    text = SITE_TOML.replace('[campaigns.dan-van-kheo]\nname = "Dân vận khéo"\n',
                             '[campaigns.dan-van-kheo]\nname = "Dân vận khéo"\ndescription = "Phong trào"\n')
    _, problems = _problems(text + 'description = "Cổng thông tin của Công an tỉnh"\n', tmp_path)
    assert problems == [
        f"site.toml:{line + 1}: error[duplicate-key]: 'description' is given twice (first on line {line}); a line "
        "under [campaigns.dan-van-kheo] belongs to that table: the portal's 'description' goes at the top of "
        "site.toml, above the first line in [ ]"]
    _, problems = _problems(SITE_TOML.replace("per_page = 2\n", 'per_page = 2\nhotline = "113"\n'), tmp_path)
    assert problems == ["site.toml:4: error[unknown-key]: unknown key 'hotline'; it goes under the [contact] line"]


def test_an_entry_s_title_is_not_told_to_go_to_the_top_where_the_portal_s_is(tmp_path):
    """`title = …` under [units.x] or [[links]] is the entry's name written as a title: the portal's
    title is at the top already, and moving it there was told (a second title, given twice)."""
    text = SITE_TOML.replace('[units.cong-an-tinh]\nname = "Công an tỉnh Thử Nghiệm"\n',
                             '[units.cong-an-tinh]\ntitle = "Công an tỉnh Thử Nghiệm"\n')
    _, problems = _problems(text, tmp_path)
    assert "site.toml:24: error[unknown-key]: unknown key 'units.cong-an-tinh.title'; did you mean 'name'?" in problems
    _, problems = _problems(SITE_TOML.replace('name = "Bộ Công an"\n', 'title = "Bộ Công an"\n'), tmp_path)
    assert "site.toml:13: error[unknown-key]: unknown key 'links.title'; did you mean 'name'?" in problems
    _, problems = _problems(SITE_TOML + 'per_page = 10\n', tmp_path)  # (the top has one: not that case)
    assert not any("goes at the top" in p for p in problems), problems


def test_a_hotline_added_at_the_end_of_site_toml_is_told_to_go_under_contact(tmp_path):
    """A newcomer adds `hotline = …` and `email = …` at the end of site.toml, where TOML reads them as
    the last table's: told only "unknown key 'campaigns.dan-van-kheo.hotline'", where share_image
    written there is told where it goes."""
    _, problems = _problems(SITE_TOML + 'hotline = "113"\n', tmp_path)
    line = SITE_TOML.count("\n") + 1
    assert problems == [
        f"site.toml:{line}: error[unknown-key]: unknown key 'campaigns.dan-van-kheo.hotline'; a line under "
        "[campaigns.dan-van-kheo] belongs to that table: the portal's 'hotline' goes under the [contact] line"]
    _, found = load_config(tmp_path)
    assert messages.describe(found[0], "vi").endswith(
        "khóa 'campaigns.dan-van-kheo.hotline' không được hỗ trợ: dòng nằm dưới [campaigns.dan-van-kheo] thuộc về "
        "mục đó; 'hotline' của cả cổng phải đặt dưới dòng [contact]")
    _, problems = _problems(SITE_TOML.replace('url = "https://bocongan.example.vn/"\n',
                                              'url = "https://bocongan.example.vn/"\nemail = "a@b.vn"\n'), tmp_path)
    assert problems == [
        "site.toml:15: error[unknown-key]: unknown key 'links.email'; a line under [[links]] belongs to that "
        "table: the portal's 'email' goes under the [contact] line"]


def test_a_site_wide_key_given_to_one_category_is_told_it_is_the_portal_s(tmp_path):
    """`per_page = 10` under [categories.tin-hoat-dong], a newcomer giving one list its own, was
    asked "did you mean 'other_names'?", a key that has nothing to do with it."""
    text = SITE_TOML.replace('description = "Hoạt động của các đơn vị."\n',
                             'description = "Hoạt động của các đơn vị."\nper_page = 10\n')
    config, problems = _problems(text, tmp_path)
    assert problems == [
        "site.toml:19: error[unknown-key]: unknown key 'categories.tin-hoat-dong.per_page'; 'per_page' is the whole "
        "portal's, set at the top of site.toml: [categories.tin-hoat-dong] has none of its own"]
    _, found = load_config(tmp_path)
    assert messages.describe(found[0], "vi").endswith(
        "khóa 'categories.tin-hoat-dong.per_page' không được hỗ trợ: 'per_page' là của cả cổng, đặt ở đầu "
        "site.toml; [categories.tin-hoat-dong] không có 'per_page' riêng")


def test_a_hotline_list_with_a_bare_number_is_quoted_back_as_written(tmp_path):
    """The list told back to quote is the editor's own, letters and all: a Vietnamese word in it
    was written as JSON's escapes ("\\u0110\\u01b0\\u1eddng d\\u00e2y n\\u00f3ng")."""
    _, problems = _problems(SITE_TOML.replace('hotline = "0221 3862 124"', 'hotline = ["113 (Cảnh sát)", 114]'), tmp_path)
    assert problems == ["site.toml:8: error[wrong-type]: 'contact.hotline' must be text: put the number in quotes, "
                        'hotline = ["113 (Cảnh sát)", "114"]']


def test_readme_s_placeholder_left_as_a_term_s_name_or_description_is_an_error(tmp_path):
    """README's site.toml says `[categories.<slug>]  # name = "…", description = "…"`: written as it
    is, the menu, the category's heading and its description said "…" on every page."""
    text = SITE_TOML.replace('name = "Xây dựng lực lượng"', 'name = "…"\ndescription = "…"')
    _, problems = _problems(text, tmp_path)
    assert problems == [
        "site.toml:21: error[bad-value]: 'categories.xay-dung-luc-luong.name' is README's placeholder '…': "
        "write the name readers see",
        "site.toml:22: error[bad-value]: 'categories.xay-dung-luc-luong.description' is README's placeholder '…': "
        "write one, or none at all"]
    config, problems = load_config(tmp_path)
    assert messages.problem_message(problems[0], "vi") == (
        "'categories.xay-dung-luc-luong.name' là dấu '…' để trống trong ví dụ của README: hãy ghi tên mà người đọc "
        "sẽ thấy")


def test_a_long_aliases_array_is_read_once_for_the_lines_of_its_items(tmp_path, monkeypatch):
    """A reorganisation's site.toml keeps dozens of old addresses a table, one a line: the line
    of each was looked up from the key again (the table's header sought through the whole file
    each time), and loading site.toml took seconds on every build."""
    from generator import config as config_module
    looked_up = []
    line_of = config_module._Reader.line_of
    monkeypatch.setattr(config_module._Reader, "line_of",
                        lambda self, *path, **kw: looked_up.append(path) or line_of(self, *path, **kw))
    text = SITE_TOML + '\n[units.xa-moi]\nname = "Công an xã Mới"\naliases = [\n' + "".join(
        f'  "/don-vi/xa-cu-{n}/",\n' for n in range(40)) + "]\n"
    config, problems = _problems(text, tmp_path)
    first = text.split("\n").index('  "/don-vi/xa-cu-0/",') + 1
    assert problems == [] and config.units["xa-moi"].aliases_lines == tuple(range(first, first + 40))
    assert looked_up.count(("units", "xa-moi", "aliases")) == 1


def test_merge_conflict_lines_left_in_site_toml_are_named_as_git_s(tmp_path):
    """A conflict resolved only in part was a TOML syntax error ('Invalid statement') at the
    '=======' line, naming neither git nor the '>>>>>>>' line below it."""
    text = SITE_TOML.replace("per_page = 2\n", "per_page = 2\n=======\nper_page = 3\n>>>>>>> doi-so-trang\n", 1)
    assert text != SITE_TOML
    (tmp_path / "site.toml").write_text(text, encoding="utf-8")
    config, problems = load_config(tmp_path)
    line = text.split("\n").index("=======") + 1
    assert config is None and [str(p) for p in problems] == [
        f"site.toml:{line}: error[merge-conflict]: git's merge-conflict lines are left here (lines {line}–{line + 2}: "
        "'=======', '>>>>>>> doi-so-trang'), from a conflict resolved only in part: check that the version kept is "
        "the one wanted and delete these lines"]
