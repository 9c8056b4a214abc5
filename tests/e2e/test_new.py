"""`new`: a journalist starts an article without knowing YAML."""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from generator.content import read_source
from tests.conftest import SITE_TOML, article, cli_here, text_of

TITLE = "Công an tỉnh Đồng Nai tổ chức hội nghị tổng kết công tác năm"
PATH = "content/tin-hoat-dong/cong-an-tinh-dong-nai-to-chuc-hoi-nghi-tong-ket-cong-tac-nam/index.md"


def test_new_creates_a_complete_draft_bundle_that_builds_with_its_banner(make_site, build_site):
    site = make_site({})
    before = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).replace(microsecond=0)
    done = cli_here("new", TITLE, "--site", str(site), "--category", "Tin hoạt động", "--unit", "cong-an-tinh",
                   "--campaign", "Dân vận khéo", "--campaign", "vi-an-ninh-to-quoc")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Đã tạo {PATH} (bản nháp).")
    source, problems = read_source(site, site / PATH)
    assert not problems
    front = dict(source.front)
    written = front.pop("date")
    assert before - timedelta(seconds=1) <= written.replace(tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")) \
        <= datetime.now(ZoneInfo("Asia/Ho_Chi_Minh"))
    assert front == {"title": TITLE, "unit": "cong-an-tinh", "category": "tin-hoat-dong",
                     "campaigns": ["dan-van-kheo", "vi-an-ninh-to-quoc"], "author": "", "summary": "",
                     "draft": True}

    hidden = build_site(site)
    assert hidden.result.ok and hidden.result.left_out == {"draft": 1}
    shown = build_site(site, drafts=True)
    page = shown.page("/tin-hoat-dong/cong-an-tinh-dong-nai-to-chuc-hoi-nghi-tong-ket-cong-tac-nam/")
    assert text_of(page.find(class_="draft-banner")) == "Bản nháp"
    assert text_of(page.find("h1")) == TITLE


def test_new_refused_by_another_article_at_its_address_says_the_address_and_what_to_do(make_site):
    """An editor copies last year's report to hoi-thi-2026/ and retitles it, then runs `new` with that
    title: the refusal named the copy as "… đã có; không ghi đè bài viết" ("exists; not overwritten"),
    a file `new` was never going to write, and said nothing of the address both would have."""
    site = make_site({"content/tin-hoat-dong/hoi-thi-2026/index.md": article(TITLE, body="Bài đã viết.")})
    done = cli_here("new", TITLE, "--site", str(site), "--category", "tin-hoat-dong", "--unit", "cong-an-tinh")
    assert done.returncode == 1 and done.stderr.strip() == (
        "content/tin-hoat-dong/hoi-thi-2026/index.md: error[article-exists]: content/tin-hoat-dong/hoi-thi-2026/index.md "
        "đã có địa chỉ /tin-hoat-dong/cong-an-tinh-dong-nai-to-chuc-hoi-nghi-tong-ket-cong-tac-nam/, cũng là địa chỉ "
        "của bài mới; hãy đặt tiêu đề khác, hoặc sửa bài đó")
    assert not (site / PATH).exists()


def test_new_refused_by_a_draft_at_its_address_does_not_call_the_draft_published(make_site):
    """A draft `new` made last week, its folder renamed since (tuan-tra-dem/), and `new` run again
    with its title: the refusal said the draft "đã đăng ở …" (is published at …), and an editor
    read that a draft never approved had gone online."""
    site = make_site({"content/tin-hoat-dong/tuan-tra-dem/index.md": article("Tuần tra ban đêm", draft="true")})
    done = cli_here("new", "Tuần tra ban đêm", "--site", str(site), "--category", "tin-hoat-dong",
                    "--unit", "cong-an-tinh")
    assert done.returncode == 1 and done.stderr.strip() == (
        "content/tin-hoat-dong/tuan-tra-dem/index.md: error[article-exists]: content/tin-hoat-dong/tuan-tra-dem/index.md "
        "đã có địa chỉ /tin-hoat-dong/tuan-tra-ban-dem/, cũng là địa chỉ của bài mới; hãy đặt tiêu đề khác, hoặc sửa "
        "bài đó")


def test_new_with_two_units_starts_a_joint_article_listed_on_both_units_pages(make_site, build_site):
    site = make_site({})
    done = cli_here("new", TITLE, "--site", str(site), "--category", "tin-hoat-dong", "--unit", "Phòng Cảnh sát giao thông",
                   "--unit", "cong-an-xa-dong-tien", "--unit", "phong-canh-sat-giao-thong")
    assert done.returncode == 0, done.stderr
    source, _ = read_source(site, site / PATH)
    assert source.front["unit"] == ["phong-canh-sat-giao-thong", "cong-an-xa-dong-tien"]
    built = build_site(site, drafts=True)
    for unit in ("phong-canh-sat-giao-thong", "cong-an-xa-dong-tien"):
        assert TITLE in text_of(built.page(f"/don-vi/{unit}/").find("main")), unit


def test_new_suggests_the_name_meant_and_writes_nothing(make_site):
    site = make_site({})
    done = cli_here("new", TITLE, "--site", str(site), "--category", "tin hoat dongg", "--unit", "Công an tỉnh Thử Nhiệm",
                   "--campaign", "dan van", "--lang", "en")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "--campaign: error[unknown-campaign]: unknown campaign 'dan van'; did you mean 'Dân vận khéo'?",
        "--category: error[unknown-category]: unknown category 'tin hoat dongg'; did you mean 'Tin hoạt động'?",
        "--unit: error[unknown-unit]: unknown unit 'Công an tỉnh Thử Nhiệm'; did you mean 'Công an tỉnh Thử Nghiệm'?",
    ]
    assert not (site / "content").exists()
    vi = cli_here("new", TITLE, "--site", str(site), "--category", "tin-hoat-dong", "--unit", "xyz")
    assert "--unit: error[unknown-unit]: không có đơn vị 'xyz'" in vi.stderr
    assert "Traceback" not in vi.stderr


def test_new_without_a_category_or_unit_lists_the_site_s_choices(make_site):
    """An editor who types only the title is told what to choose from, in Vietnamese, not
    argparse's English usage line."""
    site = make_site({})
    done = cli_here("new", TITLE, "--site", str(site))
    assert done.returncode == 1 and "usage:" not in done.stderr
    assert done.stderr.splitlines() == [
        "--category: error[missing-choice]: hãy chọn chuyên mục của bài bằng --category, ghi khóa hoặc tên: "
        "tin-hoat-dong (Tin hoạt động); xay-dung-luc-luong (Xây dựng lực lượng)",
        "--unit: error[missing-choice]: hãy chọn đơn vị của bài bằng --unit, ghi khóa hoặc tên: "
        "cong-an-tinh (Công an tỉnh Thử Nghiệm); phong-canh-sat-giao-thong (Phòng Cảnh sát giao thông); "
        "cong-an-xa-dong-tien (Công an xã Đồng Tiến)"]
    untitled = cli_here("new", "--site", str(site), "--category", "tin-hoat-dong", "--lang", "en")
    assert [line.split(": error")[0] for line in untitled.stderr.splitlines()] == ["--unit", "title"]
    assert not (site / "content").exists()


def test_new_never_overwrites_an_article(make_site):
    site = make_site({"content/tin-hoat-dong/bai-cu.md": article(TITLE, body="Bài đã viết.")})
    done = cli_here("new", TITLE, "--site", str(site), "--category", "tin-hoat-dong", "--unit", "cong-an-tinh")
    assert done.returncode == 1
    assert "content/tin-hoat-dong/bai-cu.md: error[article-exists]" in done.stderr
    assert not (site / PATH).exists()
    again = make_site({PATH: "viết dở\n"})
    done = cli_here("new", TITLE, "--site", str(again), "--category", "tin-hoat-dong", "--unit", "cong-an-tinh")
    assert done.returncode == 1 and f"{PATH}: error[article-exists]" in done.stderr
    assert (again / PATH).read_text(encoding="utf-8") == "viết dở\n"


def test_a_title_without_letters_is_refused(make_site):
    site = make_site({})
    done = cli_here("new", "!!!", "--site", str(site), "--category", "tin-hoat-dong", "--unit", "cong-an-tinh")
    assert done.returncode == 1 and "title: error[bad-title]" in done.stderr


def test_a_new_article_published_before_its_placeholder_is_replaced_is_refused(make_site, build_site):
    """`new` writes "Viết nội dung bài viết ở đây." for the editor to replace. An editor who
    sets draft: false and forgets it must not publish that line on the portal."""
    site = make_site({})
    assert cli_here("new", TITLE, "--site", str(site), "--category", "tin-hoat-dong", "--unit", "cong-an-tinh").returncode == 0
    file = site / PATH
    file.write_text(file.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8")
    refused = build_site(site)
    assert not refused.result.ok
    [problem] = refused.result.problems
    lines = file.read_text(encoding="utf-8").splitlines()
    assert (problem.code, lines[problem.location.line - 1]) == ("placeholder-text", "Viết nội dung bài viết ở đây.")
    file.write_text(file.read_text(encoding="utf-8").replace("Viết nội dung bài viết ở đây.", "Sáng nay, hội nghị…"),
                    encoding="utf-8")
    assert build_site(site).result.ok


def test_messages_in_english_write_the_article_in_the_portals_language(make_site):
    """`new … --lang en` (messages in English) wrote "Write the article here." into the article."""
    site = make_site({})
    for made in (["new", TITLE, "--category", "tin-hoat-dong", "--unit", "cong-an-tinh"], ["new", "--page", "Liên hệ"]):
        done = cli_here(*made, "--site", str(site), "--lang", "en")
        assert done.returncode == 0, done.stderr
    for path in (site / PATH, site / "content/trang/lien-he/index.md"):
        text = path.read_text(encoding="utf-8")
        assert text.rstrip().endswith("Viết nội dung bài viết ở đây.") and "Write" not in text, text


def test_new_page_starts_a_draft_page_of_its_own_that_the_footer_lists_once_published(make_site, build_site):
    site = make_site({"content/tin-hoat-dong/a.md": article()})
    done = cli_here("new", "--page", "Lãnh đạo Công an tỉnh", "--site", str(site))
    path = "content/trang/lanh-dao-cong-an-tinh/index.md"
    assert done.returncode == 0 and done.stdout.startswith(f"Đã tạo {path} (bản nháp)."), done.stderr
    source, problems = read_source(site, site / path)
    assert not problems and dict(source.front) == {"title": "Lãnh đạo Công an tỉnh", "weight": 0, "menu": False,
                                                    "summary": "", "draft": True}
    assert build_site(site).result.ok and not (site / "public/lanh-dao-cong-an-tinh").exists()
    text = (site / path).read_text(encoding="utf-8")
    (site / path).write_text(text.replace("draft: true", "draft: false"), encoding="utf-8")
    [problem] = build_site(site).result.problems  # the text `new` wrote is never published
    assert problem.code == "placeholder-text"
    (site / path).write_text(text.replace("draft: true", "draft: false").replace("Viết nội dung bài viết ở đây.",
                                                                                 "Ban Giám đốc gồm …"), encoding="utf-8")
    built = build_site(site)
    assert built.result.ok
    assert [text_of(a) for a in built.page("/").select("footer .about a")] == ["Lãnh đạo Công an tỉnh"]
    assert "Lãnh đạo Công an tỉnh" not in [text_of(a) for a in built.page("/").select(".site-nav a")]
    (site / path).write_text((site / path).read_text(encoding="utf-8").replace("menu: false", "menu: Lãnh đạo"),
                             encoding="utf-8")  # the key the scaffold showed: the header's menu too
    assert [text_of(a) for a in build_site(site).page("/").select(".site-nav a")][-1] == "Lãnh đạo"

    again = cli_here("new", "--page", "Lãnh đạo Công an tỉnh", "--site", str(site), "--lang", "en")
    assert again.returncode == 1 and again.stderr.strip() == (
        f"{path}: error[article-exists]: {path} already exists; pick another title or edit that page")
    for args, line in ((["Tin hoạt động"], "title: error[page-url-taken]: /tin-hoat-dong/ is the address of the "
                                           "category 'Tin hoạt động'; give the page another 'slug'"),
                       (["Liên hệ", "--unit", "cong-an-tinh"], "--page: error[page-has-no-terms]: a page of its own "
                        "has no category, unit or campaigns: leave out --category, --unit and --campaign")):
        refused = cli_here("new", "--page", *args, "--site", str(site), "--lang", "en")
        assert refused.returncode == 1 and refused.stderr.strip() == line
    assert sorted(p.name for p in (site / "content/trang").iterdir()) == ["lanh-dao-cong-an-tinh"]


def test_new_finds_an_address_taken_through_the_build_cache_and_writes_none_of_it(make_site, build_site,
                                                                                 monkeypatch):
    from generator import index, scaffold
    from tests.e2e.test_check import _cache_as_it_is
    site = make_site({"content/tin-hoat-dong/bai-cu.md": article(TITLE, body="Bài đã viết."),
                      "content/tin-hoat-dong/khac.md": article("Một bài khác", body="Chữ.")})
    assert build_site(site).result.ok
    cache = site / ".cache"
    before = _cache_as_it_is(cache)
    read = []
    read_article = index.read_article
    monkeypatch.setattr(index, "read_article", lambda config, source: read.append(source.path) or
                        read_article(config, source))
    config = scaffold.load_config(site)[0]
    new, problems = scaffold.plan_article(config, TITLE, "tin-hoat-dong", ["cong-an-tinh"], [],
                                          datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")))
    assert not problems
    refused = scaffold.create_article(site, config, new, "en", cache_dir=cache)
    assert [(p.location.path, p.code) for p in refused] == [("content/tin-hoat-dong/bai-cu.md", "article-exists")]
    assert read == []  # both articles' answers came from the last build
    done = cli_here("new", TITLE, "--site", str(site), "--category", "tin-hoat-dong", "--unit", "cong-an-tinh")
    assert done.returncode == 1 and "content/tin-hoat-dong/bai-cu.md: error[article-exists]" in done.stderr
    assert not (site / PATH).exists() and _cache_as_it_is(cache) == before


GUIDE = ("Thủ tục dùng khi …\n\n## Trình tự thực hiện\n\n1. Nộp hồ sơ.\n2. Nhận kết quả.\n\n"
         "## Thành phần hồ sơ\n\n- Tờ khai.\n\n## Thời hạn giải quyết\n\n… ngày làm việc.\n")


def test_a_new_article_starts_from_its_category_s_archetype(make_site, build_site):
    """Hugo's archetypes: a "Hướng dẫn thủ tục" always gives its steps, papers and time limit;
    a new one starts with those parts to fill in. Another category takes archetypes/default.md."""
    site = make_site({"archetypes/xay-dung-luc-luong.md": GUIDE.replace("\n", "\r\n"),
                      "archetypes/default.md": "\ufeffSáng …, tại …\n\nẢnh: …\n"})
    done = cli_here("new", "Hướng dẫn cấp đổi giấy phép", "--site", str(site), "--category", "xay-dung-luc-luong",
                   "--unit", "cong-an-tinh", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "Its body is archetypes/xay-dung-luc-luong.md's" in done.stdout
    path = site / "content/xay-dung-luc-luong/huong-dan-cap-doi-giay-phep/index.md"
    source, problems = read_source(site, path)
    assert not problems and source.front["title"] == "Hướng dẫn cấp đổi giấy phép"
    assert path.read_text(encoding="utf-8").endswith("---\n\n" + GUIDE)
    page = build_site(site, drafts=True).page("/xay-dung-luc-luong/huong-dan-cap-doi-giay-phep/")
    assert [text_of(a) for a in page.select(".toc a")] == ["Trình tự thực hiện", "Thành phần hồ sơ",
                                                          "Thời hạn giải quyết"]

    other = cli_here("new", "Tuần tra đêm", "--site", str(site), "--category", "tin-hoat-dong", "--unit", "cong-an-tinh")
    assert other.returncode == 0, other.stderr
    written = (site / "content/tin-hoat-dong/tuan-tra-dem/index.md").read_text(encoding="utf-8")
    assert written.endswith("---\n\nSáng …, tại …\n\nẢnh: …\n")
    assert "Nội dung bài lấy theo mẫu archetypes/default.md" in other.stdout


def test_an_article_published_with_its_archetype_s_blanks_is_stopped_at_the_first(make_site, build_site):
    """The demo's procedure guide ("## Lệ phí" over "…", steps "1. …"), its `draft: true` taken out
    before every blank was filled: the guide went online with its fee and its steps "…", the build
    saying nothing, as it says of the line `new` writes without an archetype. A sentence that
    trails off ("Chờ kết quả …") or "..." in code is no blank."""
    from tests.conftest import REPO
    guide = (REPO / "archetypes/huong-dan-thu-tuc.md").read_text(encoding="utf-8")
    site = make_site({"archetypes/xay-dung-luc-luong.md": guide})
    assert cli_here("new", "Hướng dẫn cấp đổi giấy phép", "--site", str(site), "--category", "xay-dung-luc-luong",
                    "--unit", "cong-an-tinh").returncode == 0
    path = site / "content/xay-dung-luc-luong/huong-dan-cap-doi-giay-phep/index.md"
    written = path.read_text(encoding="utf-8").replace("draft: true\n", "")
    path.write_text(written, encoding="utf-8")
    lines = written.splitlines()
    blanks = [number for number, line in enumerate(lines, start=1) if line.strip(" -0123456789.") in ("…", "")
              and "…" in line]
    [problem] = build_site(site).result.problems
    assert (problem.code, problem.location.line) == ("placeholder-text", blanks[0])
    assert problem.message == (f"this line holds only '…', a blank of the article's skeleton to fill in (and "
                               f"{len(blanks) - 1} more such lines): write what goes there, or delete the line (or "
                               "keep it a draft: draft: true)")
    filled = "\n".join(line.replace("…", "Nộp hồ sơ") if number in blanks else line
                       for number, line in enumerate(lines, start=1))
    path.write_text(filled + "\n\nChờ kết quả …\n\n```\n...\n```\n", encoding="utf-8")
    assert build_site(site).result.ok


def test_an_archetype_with_front_matter_is_refused_and_nothing_is_written(make_site):
    site = make_site({"archetypes/default.md": "---\ntitle: Mẫu\n---\n\nNội dung.\n"})
    done = cli_here("new", "Tuần tra đêm", "--site", str(site), "--category", "tin-hoat-dong", "--unit", "cong-an-tinh",
                   "--lang", "en")
    assert done.returncode == 1
    assert done.stderr.startswith("archetypes/default.md:1: error[archetype-front-matter]: an archetype is the body")
    assert not (site / "content/tin-hoat-dong/tuan-tra-dem").exists()
    # From the folder above the site, the path leads there from it (a terminal opens it).
    above = cli_here("new", "Tuần tra đêm", "--site", site.name, "--category", "tin-hoat-dong", "--unit",
                    "cong-an-tinh", "--lang", "en", cwd=site.parent)
    assert above.stderr.startswith(f"{site.name}/archetypes/default.md:1: error[archetype-front-matter]:"), above.stderr


def test_a_folder_new_cannot_write_into_is_told_not_a_traceback(make_site):
    """A read-only or locked folder (a network share, a synced folder) or a file where the
    category's folder goes: `new` printed a traceback."""
    site = make_site({"content/tin-hoat-dong": "một tệp, không phải thư mục\n"})
    done = cli_here("new", "Tuần tra đêm", "--site", str(site), "--category", "tin-hoat-dong", "--unit", "cong-an-tinh",
                   "--lang", "en")
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith("content/tin-hoat-dong/tuan-tra-dem/index.md: error[cannot-write]: cannot be "
                                  "written: Not a directory ("), done.stderr


def test_the_preview_command_to_copy_names_a_site_elsewhere(make_site, tmp_path):
    site = make_site({})
    spaced = tmp_path / "Cổng thử"
    site.rename(spaced)
    done = cli_here("new", "Tuần tra đêm", "--site", str(spaced), "--category", "tin-hoat-dong", "--unit",
                   "cong-an-tinh", "--lang", "en", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].endswith(f'Preview it with: python build.py serve --site "{spaced}"')
    here = cli_here("new", "Tuần tra ngày", "--category", "tin-hoat-dong", "--unit", "cong-an-tinh", "--lang", "en",
                   cwd=spaced)
    assert here.returncode == 0, here.stderr
    assert here.stdout.splitlines()[0].endswith("Preview it with: python build.py serve")


def test_a_previewed_draft_is_marked_in_every_list_that_shows_it(make_site, build_site):
    """The preview (serve, build --drafts) lists drafts with the published: the editor sees which."""
    site = make_site({"content/tin-hoat-dong/da-dang.md": article("Bài đã đăng", "2026-01-20"),
                      "content/tin-hoat-dong/nhap.md": article("Bài còn nháp", "2026-01-21", draft="true")})
    shown = build_site(site, drafts=True)
    cards = {text_of(card.find(class_="card-title")): card.find(class_="draft-tag")
             for card in shown.page("/tin-hoat-dong/").find_all("article", class_="card")}
    assert text_of(cards["Bài còn nháp"]) == "Bản nháp" and cards["Bài đã đăng"] is None
    latest = {text_of(item.find("a")): item.find(class_="draft-tag")
              for item in shown.page("/").select("#tin-moi ~ ul li, #tin-moi + ul li")}
    assert text_of(latest["Bài còn nháp"]) == "Bản nháp" and latest["Bài đã đăng"] is None
    published = build_site(site)
    assert "draft-tag" not in (published.out / "tin-hoat-dong/index.html").read_text(encoding="utf-8")


def test_a_title_the_terminal_mangled_is_refused_and_leaves_no_file(make_site):
    """A terminal not set to UTF-8 sends 'Bài' as bytes Python cannot decode: `new` stopped
    with a traceback and left an empty index.md, which every build then refused."""
    site = make_site({})
    done = cli_here("new", "B\udce0i vi\udce1t", "--site", str(site), "--category", "tin-hoat-dong",
                   "--unit", "cong-an-tinh", "--lang", "en")
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith("title: error[bad-title]: the title is not text as typed"), done.stderr
    assert not list((site / "content").rglob("*.md"))


def test_what_new_writes_reads_back_as_written(make_site):
    """A title holding C1 control characters (text decoded as Latin-1 somewhere) and a unit or
    campaign key YAML reads as a number ("113") made files the build could not read."""
    files = {"site.toml": SITE_TOML + '\n[units.113]\nname = "Tổng đài 113"\n\n[campaigns.2025]\nname = "Năm 2025"\n'}
    site = make_site(files)
    done = cli_here("new", "Trực\x85 ban\x9f 113", "--site", str(site), "--category", "tin-hoat-dong", "--unit", "113",
                   "--campaign", "2025", "--lang", "en")
    assert done.returncode == 0, done.stderr
    source, problems = read_source(site, site / "content/tin-hoat-dong/truc-ban-113/index.md")
    assert not problems
    assert (source.front["title"], source.front["unit"], source.front["campaigns"]) == ("Trực ban 113", "113", ["2025"])
    checked = cli_here("check", "--site", str(site), "--lang", "en")
    assert checked.returncode == 0, checked.stdout


def test_new_article_titled_as_windows_names_a_device_gets_a_folder_windows_can_make(make_site, build_site):
    """"Con" (a Vietnamese word) is Windows' console: content/…/con/ could not be checked out on an
    editor's Windows computer, nor its page's folder written there by a preview."""
    site = make_site({})
    done = cli_here("new", "Con", "--site", str(site), "--category", "tin-hoat-dong", "--unit", "cong-an-tinh")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Đã tạo content/tin-hoat-dong/con-1/index.md (bản nháp).")
    shown = build_site(site, drafts=True)
    assert text_of(shown.page("/tin-hoat-dong/con-1/").find("h1")) == "Con"
    assert not (shown.out / "tin-hoat-dong/con").exists()
