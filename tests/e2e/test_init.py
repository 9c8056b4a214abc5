"""`build.py init`: a new portal in an empty folder, which builds at once (Hugo's `hugo new
site`, Zola's `zola init`), and never a file written where it would overwrite or mislead."""
from __future__ import annotations

import tomllib

from bs4 import BeautifulSoup

from tests.conftest import cli_here, run_cli, text_of

UNIT = "Công an tỉnh Lạng Sơn"


def _page(out, rel=""):
    return BeautifulSoup((out / rel / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_a_new_portal_builds_at_once_with_its_name_contact_and_first_draft(tmp_path):
    site = tmp_path / "cong-lang-son"
    made = cli_here("init", str(site), "--unit", UNIT, "--base-url", "https://congan.langson.example.vn/",
                   "--hotline", "0205 3870 113", "--hotline", "113", "--email", "bbt@congan.langson.example.vn",
                   # (copied from a letterhead in two lines)
                   "--address", "Số 2 đường Lê Lợi,\nphường Đông Kinh, tỉnh Lạng Sơn", "--lang", "en")
    assert made.returncode == 0, made.stderr
    assert made.stderr == ""
    assert "Created the portal \"Cổng thông tin điện tử Công an tỉnh Lạng Sơn\"" in made.stdout
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        ".gitignore", "archetypes/huong-dan-thu-tuc.md",
        "content/tin-hoat-dong/cong-thong-tin-dien-tu-cong-an-tinh-lang-son-chinh-thuc-hoat-dong/index.md",
        "site.toml"]
    assert "public/" in (site / ".gitignore").read_text(encoding="utf-8").split()

    checked = cli_here("check", "--site", str(site), "--strict")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = cli_here("build", "--site", str(site), "--drafts", "--lang", "en")
    assert built.returncode == 0, built.stderr
    out = site / "public"
    home = _page(out)
    assert text_of(home.find("title")) == "Cổng thông tin điện tử Công an tỉnh Lạng Sơn"
    footer = home.find("footer")
    assert [(a["href"], text_of(a)) for a in footer.select("a.hotline")] == [
        ("tel:02053870113", "0205 3870 113"), ("tel:113", "113")]
    assert footer.find("a", class_="email")["href"] == "mailto:bbt@congan.langson.example.vn"
    assert "Số 2 đường Lê Lợi, phường Đông Kinh, tỉnh Lạng Sơn" in text_of(footer)
    first = _page(out, "tin-hoat-dong/cong-thong-tin-dien-tu-cong-an-tinh-lang-son-chinh-thuc-hoat-dong")
    assert text_of(first.find("h1")) == "Cổng thông tin điện tử Công an tỉnh Lạng Sơn chính thức hoạt động"
    assert text_of(first.find("a", class_="unit")) == UNIT
    assert "Bản nháp" in text_of(first)
    campaigns = [text_of(a) for a in _page(out, "phong-trao").select("main li a")]
    assert "Vì An ninh Tổ quốc" in campaigns and "Dân vận khéo" in campaigns
    # An editor's next article names the portal's unit as its name is written; a procedure
    # guide starts from the archetype the bundled portal gives it.
    new = cli_here("new", "Tuần tra\tban\r\nđêm", "--site", str(site), "--category", "Tin hoạt động", "--unit", UNIT)
    assert new.returncode == 0, new.stderr
    assert '\ntitle: "Tuần tra ban đêm"\n' in (site / "content/tin-hoat-dong/tuan-tra-ban-dem/index.md").read_text(
        encoding="utf-8")  # a tab or a line break in a title copied from Word parts its words
    alone = cli_here("new", "Tuần tra ban ngày", "--site", str(site), "--category", "Tin hoạt động")  # its one unit
    assert alone.returncode == 0, alone.stderr
    assert "\nunit: cong-an-tinh-lang-son\n" in (site / "content/tin-hoat-dong/tuan-tra-ban-ngay/index.md").read_text(
        encoding="utf-8")
    guide = cli_here("new", "Đăng ký tạm trú", "--site", str(site), "--category", "Hướng dẫn thủ tục", "--unit", UNIT)
    assert guide.returncode == 0, guide.stderr
    assert "## Thành phần hồ sơ" in (site / "content/huong-dan-thu-tuc/dang-ky-tam-tru/index.md").read_text(
        encoding="utf-8")
    # Without --drafts the draft is not published: a portal with nothing yet, which still builds.
    assert cli_here("build", "--site", str(site)).returncode == 0
    assert not (out / "tin-hoat-dong/cong-thong-tin-dien-tu-cong-an-tinh-lang-son-chinh-thuc-hoat-dong").exists()


def test_without_a_contact_the_site_toml_says_where_it_goes_and_init_reminds(tmp_path):
    site = tmp_path / "moi"
    made = cli_here("init", str(site), "--unit", "Công an thành phố Hải Phòng", "--base-url",
                   "https://congan.haiphong.example.vn/", "--lang", "en")
    assert made.returncode == 0, made.stderr
    assert "hotline, e-mail and address in site.toml's [contact]" in made.stdout
    config = tomllib.loads((site / "site.toml").read_text(encoding="utf-8"))
    assert "contact" not in config and "# hotline" in (site / "site.toml").read_text(encoding="utf-8")
    assert config["units"] == {"cong-an-thanh-pho-hai-phong": {"name": "Công an thành phố Hải Phòng"}}
    assert config["categories"]["tin-hoat-dong"]["description"].startswith("Hoạt động của Công an thành phố Hải Phòng")
    # The build's warning sends the editor to those lines, and gives no number to copy (it gave
    # the demo's Hưng Yên hotline, 0221 3862 124, to a portal of Hải Phòng).
    checked = cli_here("check", "--site", str(site), "--lang", "en")
    commented = (site / "site.toml").read_text(encoding="utf-8").splitlines().index("# [contact]") + 1
    told = [line for line in checked.stdout.splitlines() + checked.stderr.splitlines() if "no-contact" in line]
    assert told == [f"site.toml:{commented}: warning[no-contact]: the footer of every page gives no hotline and no "
                    'e-mail: write hotline = "…", email = "…" under the [contact] line, without the # at the start '
                    "of those lines"], checked.stdout + checked.stderr
    # The warning does not stop the first articles: `new` failed with it alone, saying nothing else
    # (not even that --category was missing), and made no article.
    started = cli_here("new", "Ra quân tổng kiểm soát", "--site", str(site), "--category", "tin-hoat-dong", "--lang", "en")
    assert started.returncode == 0, started.stderr
    assert (site / "content/tin-hoat-dong/ra-quan-tong-kiem-soat/index.md").is_file()
    assert [line for line in started.stderr.splitlines() if "no-contact" in line] == told
    unsorted = cli_here("new", "Bài chưa có chuyên mục", "--site", str(site), "--lang", "en")
    assert unsorted.returncode == 1 and "error[missing-choice]" in unsorted.stderr, unsorted.stderr


def test_the_site_toml_says_where_the_share_image_goes(tmp_path):
    """A new portal shared its home page, lists and articles without a photo with no picture on Facebook
    and Zalo, and search engines had no image nor logo for them: nothing in site.toml named share_image."""
    from tests.photos import phone_jpeg
    site = tmp_path / "moi"
    assert cli_here("init", str(site), "--unit", UNIT, "--base-url", "https://congan.langson.example.vn/",
                   "--hotline", "0205 3870 113", "--email", "bbt@congan.langson.example.vn").returncode == 0
    toml = (site / "site.toml").read_text(encoding="utf-8")
    assert '# share_image = "/anh-chia-se.png"' in toml and "static/anh-chia-se.png" in toml
    (site / "static").mkdir()
    (site / "static/anh-chia-se.png").write_bytes(phone_jpeg(1200, 630, gps=False))
    (site / "site.toml").write_text(toml.replace('# share_image = ', 'share_image = '), encoding="utf-8")
    built = cli_here("build", "--site", str(site), "--strict")
    assert built.returncode == 0, built.stdout + built.stderr
    assert _page(site / "public").find("meta", property="og:image")["content"] == (
        "https://congan.langson.example.vn/anh-chia-se.png")


def test_a_value_the_build_would_refuse_is_told_against_its_option_and_nothing_is_written(tmp_path):
    site = tmp_path / "sai"
    made = cli_here("init", str(site), "--unit", UNIT, "--base-url", "congan.langson.vn", "--hotline", "gọi 113",
                   "--email", "bbt@", "--lang", "en")
    assert made.returncode == 1
    assert [line.split(": ")[0:2] for line in made.stderr.splitlines()] == [
        ["--base-url", "error[bad-value]"], ["--email", "error[bad-value]"], ["--hotline", "error[bad-value]"]]
    assert "'gọi 113' is not a phone number" in made.stderr
    # (as the command line says it: site.toml's list syntax was advised to someone typing options)
    assert ('(several numbers: give --hotline again for each, --hotline 113 --hotline "0221 3862 124")'
            in made.stderr and "hotline = [" not in made.stderr), made.stderr
    assert not site.exists()
    missing = cli_here("init", str(site))  # (the site's language is not known yet: Vietnamese)
    assert missing.returncode == 1 and not site.exists()
    assert missing.stderr.splitlines() == [
        "--base-url: error[missing-option]: hãy ghi địa chỉ của cổng: --base-url https://congan.<tỉnh>.gov.vn/",
        '--unit: error[missing-option]: hãy ghi đơn vị của cổng, đúng tên của đơn vị: --unit "Công an tỉnh Lạng Sơn"']


def test_readme_s_placeholder_in_the_unit_s_name_is_told_against_unit(tmp_path):
    """The hint `init FOLDER --unit "Công an tỉnh …"` typed as it is: the title made of the unit's
    name is refused, and was told against a --title nobody gave."""
    site = tmp_path / "moi"
    made = cli_here("init", str(site), "--unit", "Công an tỉnh …", "--base-url", "https://congan.example.vn/", "--lang", "en")
    assert made.returncode == 1 and not site.exists()
    assert [line.split(": ")[0:2] for line in made.stderr.splitlines()] == [["--unit", "error[bad-value]"]], made.stderr


def test_init_writes_into_an_empty_folder_only(tmp_path):
    holding = tmp_path / "co-tep"
    holding.mkdir()
    (holding / "ghi-chu.txt").write_text("của biên tập viên", encoding="utf-8")
    options = ("--unit", UNIT, "--base-url", "https://congan.langson.example.vn/", "--lang", "en")
    refused = cli_here("init", str(holding), *options)
    assert refused.returncode == 1 and "error[folder-not-empty]" in refused.stderr and "'ghi-chu.txt'" in refused.stderr
    assert [p.name for p in holding.iterdir()] == ["ghi-chu.txt"]

    portal = tmp_path / "cong"
    assert cli_here("init", str(portal), *options).returncode == 0
    before = (portal / "site.toml").read_bytes()
    again = cli_here("init", str(portal), *options)
    assert again.returncode == 1 and "error[site-exists]" in again.stderr
    assert (portal / "site.toml").read_bytes() == before

    clone = tmp_path / "clone"  # a fresh `git clone` of an empty repository: its dot-files are kept
    (clone / ".git").mkdir(parents=True)
    (clone / ".gitignore").write_text("*.bak", encoding="utf-8")  # (no line end after its last line)
    assert cli_here("init", str(clone), *options).returncode == 0
    ignored = (clone / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert ignored[0] == "*.bak" and "public/" in ignored and ".cache/" in ignored


def test_a_folder_init_cannot_write_into_is_told_not_a_traceback(tmp_path):
    (tmp_path / "tep").write_text("một tệp\n", encoding="utf-8")
    done = cli_here("init", str(tmp_path / "tep" / "cong"), "--unit", UNIT, "--base-url", "https://congan.example.vn/",
                   "--lang", "en")
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "error[cannot-write]: cannot be written: Not a directory" in done.stderr


def test_a_folder_without_a_portal_points_to_init(tmp_path):
    done = run_cli("serve", "--site", str(tmp_path), "--lang", "en")
    assert done.returncode == 2
    assert done.stderr.strip() == (f"build.py: error: {tmp_path} has no site.toml (use --site to name the site folder; "
                                   "a new portal starts with python build.py init FOLDER --unit \"Công an tỉnh …\" "
                                   "--base-url https://…/)")


def test_a_file_given_as_the_site_is_told_as_a_file(tmp_path):
    """`--site site.toml` (the file, not its folder) said the folder "does not exist"."""
    toml = tmp_path / "site.toml"
    toml.write_text('title = "x"\n', encoding="utf-8")
    for command in ("build", "check"):
        done = cli_here(command, "--site", str(toml), "--lang", "en")
        assert done.returncode == 2
        assert done.stderr.strip() == f"build.py: error: --site {toml} is a file: give the folder that holds site.toml"
