"""A unit, category or campaign renamed or merged in site.toml (a reorganisation): its old page and
feed are kept by `aliases` in its table, and a page that would go without one is named by the build."""
from __future__ import annotations

import json
import tomllib
import re

import pytest
from bs4 import BeautifulSoup

from tests.conftest import SITE_TOML, article, cli_here

MERGED = SITE_TOML.replace('[units.phong-canh-sat-giao-thong]\nname = "Phòng Cảnh sát giao thông"\n',
                           '[units.phong-csgt-va-trat-tu]\nname = "Phòng Cảnh sát giao thông và trật tự"\n'
                           'other_names = ["phong-canh-sat-giao-thong", "PC08"]\n{aliases}')
# "tin-hoat-dong" renamed "hoat-dong", its old folder kept (with its articles' addresses).
RENAMED_KEPT = SITE_TOML.replace('[categories.tin-hoat-dong]\nname = "Tin hoạt động"\n',
                                 '[categories.hoat-dong]\nname = "Tin hoạt động"\nother_names = ["tin-hoat-dong"]\n'
                                 'aliases = ["/tin-hoat-dong/"]\n')
FILES = {f"content/tin-hoat-dong/bai-{i}.md": article(f"Tuần tra số {i}", f"2026-01-{i + 10}T08:00:00",
                                                      unit="phong-canh-sat-giao-thong") for i in range(3)}


def _build(site, *more: str):
    done = cli_here("build", "--site", str(site), *more)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _page(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / "public" / path.lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_a_unit_renamed_with_aliases_keeps_its_old_page_and_feed(make_site):
    site = make_site(FILES)
    _build(site)
    old_feed = (site / "public/don-vi/phong-canh-sat-giao-thong/atom.xml").read_bytes()
    (site / "site.toml").write_text(MERGED.format(
        aliases='aliases = ["/don-vi/phong-canh-sat-giao-thong/", "/Pages/DonVi.aspx?ID=8"]\n'), encoding="utf-8")
    said = _build(site)
    assert "Bỏ trang" not in said, said
    new_url = "/don-vi/phong-csgt-va-trat-tu/"
    assert [a.get_text(" ", strip=True) for a in _page(site, new_url).select("main .card-title a")] == [
        "Tuần tra số 2", "Tuần tra số 1"]  # (per_page = 2: the newest first)
    # Its later pages too (shared, bookmarked): page 2 of the old address is page 2 of the new.
    assert _page(site, "/don-vi/phong-canh-sat-giao-thong/trang/2/").find(
        "meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={new_url}trang/2/"
    assert not (site / "public/don-vi/phong-canh-sat-giao-thong/trang/3").exists()
    old = _page(site, "/don-vi/phong-canh-sat-giao-thong/")
    assert old.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={new_url}"
    assert old.find("link", rel="canonical")["href"] == "https://congan.example.vn" + new_url
    assert old.body.a["href"] == new_url and old.body.a.get_text() == "Phòng Cảnh sát giao thông và trật tự"
    # The old link shared in a chat shows the unit's card, as its page does (the crawler reads this page).
    card = {tag["property"]: tag["content"] for tag in old.find_all("meta", property=True)}
    new_card = {tag["property"]: tag["content"] for tag in _page(site, new_url).find_all("meta", property=True)}
    assert card["og:title"] == "Phòng Cảnh sát giao thông và trật tự"
    assert card == new_card and card["og:description"].startswith("Tin bài của Phòng Cảnh sát giao thông và trật tự")
    # A subscriber to the old feed goes on getting the unit's news: the same feed there.
    kept_feed = (site / "public/don-vi/phong-canh-sat-giao-thong/atom.xml").read_bytes()
    assert kept_feed == (site / "public/don-vi/phong-csgt-va-trat-tu/atom.xml").read_bytes()
    assert re.findall(rb"<title>Tu\xe1\xba\xa7n tra s\xe1\xbb\x91 \d</title>", kept_feed) == re.findall(
        rb"<title>Tu\xe1\xba\xa7n tra s\xe1\xbb\x91 \d</title>", old_feed)
    # An old portal's address with a query leads there too.
    query_page = _page(site, "/Pages/DonVi.aspx/")
    table = json.loads(query_page.find("script", attrs={"data-dia-chi-cu-bang": True}).string)
    assert table["targets"] == {"id=8": new_url}
    # What it says it looks for is a page, not an article (the script's words take the same noun).
    assert "chuyển đến trang ứng với nó" in query_page.noscript.get_text() and table["noun"] == "trang"
    sitemap = (site / "public/sitemap.xml").read_text(encoding="utf-8")
    assert new_url in sitemap and "/don-vi/phong-canh-sat-giao-thong/" not in sitemap


def test_a_unit_renamed_without_aliases_is_named_with_the_alias_that_keeps_it(make_site):
    site = make_site(FILES)
    _build(site)
    (site / "site.toml").write_text(MERGED.format(aliases=""), encoding="utf-8")
    said = _build(site, "--lang", "en")
    assert ("  Page gone: /don-vi/phong-canh-sat-giao-thong/ (the unit 'phong-canh-sat-giao-thong' is no longer in "
            "site.toml): links and feed subscriptions to it lead nowhere; keep it with aliases = "
            "[\"/don-vi/phong-canh-sat-giao-thong/\"] in [units.phong-csgt-va-trat-tu] of site.toml") in said.splitlines()
    assert not (site / "public/don-vi/phong-canh-sat-giao-thong").exists()
    # A category removed with no heir: the table to write it in is for the editor to choose.
    (site / "site.toml").write_text(MERGED.format(aliases="").replace(
        '[categories.xay-dung-luc-luong]\nname = "Xây dựng lực lượng"\n', ""), encoding="utf-8")
    said = _build(site)
    assert ("  Bỏ trang: /xay-dung-luc-luong/ (chuyên mục 'xay-dung-luc-luong' không còn trong site.toml): liên kết "
            "và người theo dõi RSS của nó sẽ gặp trang lỗi; giữ lại bằng aliases = [\"/xay-dung-luc-luong/\"] trong "
            "[categories.chuyen-muc-moi] của site.toml") in said.splitlines()
    bai = site / "content/tin-hoat-dong/bai-0.md"  # (told once, as a moved article is: not by the next build)
    bai.write_text(bai.read_text(encoding="utf-8") + "\nMột đoạn nữa.\n", encoding="utf-8")
    assert "Bỏ trang" not in _build(site)


@pytest.mark.parametrize("alias, words", [
    ("/don-vi/cong-an-tinh/", "would replace the unit 'cong-an-tinh'"),
    ("/don-vi/", "would replace the list of units"),
    ("/tin-hoat-dong/trang/2/", "would replace a page the portal publishes itself"),
    ("/tin-hoat-dong/tuan-tra-so-1/", "would replace the article content/tin-hoat-dong/bai-1.md"),
    ("/tim-kiem/don-vi/", "would replace a page the portal publishes itself"),
    ("/tin-tuc/123.html", "is also an alias of content/tin-hoat-dong/bai-0.md"),
])
def test_an_old_address_of_a_list_that_would_replace_a_page_is_refused_at_its_line(make_site, alias, words):
    files = {**FILES, "content/tin-hoat-dong/bai-0.md": FILES["content/tin-hoat-dong/bai-0.md"].replace(
        "\n---\n", "\naliases: [/tin-tuc/123.html]\n---\n", 1)}
    site = make_site(files, MERGED.format(aliases=f'aliases = ["{alias}"]\n'))
    line = MERGED.format(aliases=f'aliases = ["{alias}"]\n').splitlines().index(f'aliases = ["{alias}"]') + 1
    done = cli_here("build", "--site", str(site), "--lang", "en")
    assert done.returncode == 1, done.stdout
    assert f"site.toml:{line}: error[alias-collision]: the alias {alias} {words}" in done.stderr, done.stderr


def test_each_old_address_of_a_long_aliases_array_is_told_at_its_own_line(make_site):
    """A reorganisation lists dozens of old addresses, one a line: the one at fault is named there."""
    files = {**FILES, "content/tin-hoat-dong/bai-0.md": FILES["content/tin-hoat-dong/bai-0.md"].replace(
        "\n---\n", "\naliases: [/tin-tuc/123.html]\n---\n", 1)}
    written = ('aliases = [\n  "/don-vi/phong-canh-sat-giao-thong/",  # the old page, [in brackets]\n'
               '  "/Pages/DonVi.aspx?ID=8", "/Pages/DonVi.aspx?ID=9",\n  "/tin-tuc/123.html",\n'
               '  "/don-vi/#csgt",\n]\n')
    toml = MERGED.format(aliases=written)
    site = make_site(files, toml)
    done = cli_here("build", "--site", str(site), "--lang", "en")
    assert done.returncode == 1, done.stdout
    lines = toml.splitlines()
    taken, fragment = lines.index('  "/tin-tuc/123.html",') + 1, lines.index('  "/don-vi/#csgt",') + 1
    assert _errors(done) == {
        f"site.toml:{fragment}":
            "'/don-vi/#csgt' is not a usable old URL: write a path such as /tin-tuc/bai-cu.html (no #fragment or \\; "
            "each part under 200 bytes)"}, done.stderr
    (site / "site.toml").write_text(toml.replace('  "/don-vi/#csgt",\n', ""), encoding="utf-8")
    done = cli_here("build", "--site", str(site), "--lang", "en")
    assert _errors(done) == {f"site.toml:{taken}": "the alias /tin-tuc/123.html is also an alias of "
                                                   "content/tin-hoat-dong/bai-0.md; keep it in one place"}, done.stderr


def _errors(done) -> dict[str, str]:
    return {row.split(": error[")[0]: row.split("]: ")[1] for row in done.stderr.splitlines() if ": error[" in row}


def test_the_alias_advised_for_a_merged_unit_is_its_heir_s_whole_line(make_site):
    """Two units merged into one whose table already has an `aliases` line: the line advised holds
    what it has and both old pages, in the notice (Vietnamese and English) and in --strict's error
    (pasted beside the line there, a second `aliases` is a duplicate key: site.toml stops reading)."""
    files = {**FILES, "content/tin-hoat-dong/xa.md": article("Xã Đông Tiến ra quân", unit="cong-an-xa-dong-tien")}
    site = make_site(files)
    _build(site)
    toml = MERGED.format(aliases='aliases = ["/Pages/DonVi.aspx?ID=8"]\n').replace(
        'other_names = ["phong-canh-sat-giao-thong", "PC08"]', 'other_names = ["phong-canh-sat-giao-thong", "PC08", '
        '"cong-an-xa-dong-tien"]').replace('[units.cong-an-xa-dong-tien]\nname = "Công an xã Đồng Tiến"\n', "")
    (site / "site.toml").write_text(toml, encoding="utf-8")
    line = 'aliases = ["/Pages/DonVi.aspx?ID=8", "/don-vi/cong-an-xa-dong-tien/", "/don-vi/phong-canh-sat-giao-thong/"]'
    strict = cli_here("build", "--site", str(site), "--strict", "--lang", "en")
    errors = [row for row in strict.stderr.splitlines() if "[address-not-kept]" in row]
    assert len(errors) == 2 and all(row.endswith(f"keep it with {line} in [units.phong-csgt-va-trat-tu]")
                                    for row in errors), errors
    vi = cli_here("build", "--site", str(site), "--strict")
    assert all(f"giữ lại bằng {line} trong [units.phong-csgt-va-trat-tu]" in row
               for row in vi.stderr.splitlines() if "address-not-kept" in row), vi.stderr
    said = _build(site)
    assert [row.rpartition("giữ lại bằng ")[2] for row in said.splitlines() if row.startswith("  Bỏ trang:")] == [
        f"{line} trong [units.phong-csgt-va-trat-tu] của site.toml"] * 2, said
    # Written as advised, it keeps both pages.
    (site / "site.toml").write_text(toml.replace('aliases = ["/Pages/DonVi.aspx?ID=8"]', line), encoding="utf-8")
    _build(site, "--strict")
    assert _page(site, "/don-vi/cong-an-xa-dong-tien/").find("meta", attrs={"http-equiv": "refresh"})


def test_an_unusable_old_address_of_a_list_is_told_at_its_line(make_site):
    toml = MERGED.format(aliases='aliases = ["/don-vi/cu#neo"]\n')
    site = make_site(FILES, toml)
    done = cli_here("check", "--site", str(site))
    assert done.returncode == 1
    line = toml.splitlines().index('aliases = ["/don-vi/cu#neo"]') + 1
    assert f"site.toml:{line}: error[bad-alias]: '/don-vi/cu#neo' không dùng được làm địa chỉ cũ" in done.stdout, done.stdout


def test_strict_stops_at_an_address_readers_had_until_it_is_kept(make_site):
    """CI builds with --strict: a move told once, under one job's summary, was read by nobody. An
    error instead, told again by each build until an alias (or a slug) keeps the old address."""
    site = make_site(FILES)
    _build(site)
    bai = site / "content/tin-hoat-dong/bai-1.md"
    bai.write_text(bai.read_text(encoding="utf-8").replace("Tuần tra số 1", "Tuần tra đêm số 1"), encoding="utf-8")
    (site / "site.toml").write_text(MERGED.format(aliases=""), encoding="utf-8")
    title_line = bai.read_text(encoding="utf-8").splitlines().index('title: "Tuần tra đêm số 1"') + 1
    heir_line = MERGED.format(aliases="").splitlines().index("[units.phong-csgt-va-trat-tu]") + 1
    for _ in range(2):
        done = cli_here("build", "--site", str(site), "--strict", "--lang", "en")
        assert done.returncode == 1, done.stdout
        errors = [line for line in done.stderr.splitlines() if "[address-not-kept]" in line]
        assert errors == [
            f"content/tin-hoat-dong/bai-1.md:{title_line}: error[address-not-kept]: this article is published at "
            "/tin-hoat-dong/tuan-tra-dem-so-1/, no longer at /tin-hoat-dong/tuan-tra-so-1/, where links and shares "
            "to it now lead nowhere: keep it with aliases: [/tin-hoat-dong/tuan-tra-so-1/] (or slug: tuan-tra-so-1)",
            f"site.toml:{heir_line}: error[address-not-kept]: the page /don-vi/phong-canh-sat-giao-thong/ of the "
            "unit 'phong-canh-sat-giao-thong' is no longer published, and links and feed subscriptions to it now lead "
            "nowhere: keep it with aliases = [\"/don-vi/phong-canh-sat-giao-thong/\"] in [units.phong-csgt-va-trat-tu]"]
        assert (site / "public/tin-hoat-dong/tuan-tra-so-1/index.html").is_file()  # (nothing published)
    bai.write_text(bai.read_text(encoding="utf-8").replace("\n---\n", "\naliases: [/tin-hoat-dong/tuan-tra-so-1/]\n---\n", 1),
                   encoding="utf-8")
    (site / "site.toml").write_text(MERGED.format(aliases='aliases = ["/don-vi/phong-canh-sat-giao-thong/"]\n'),
                                    encoding="utf-8")
    _build(site, "--strict")


def test_a_category_renamed_with_an_alias_keeps_the_old_addresses_of_its_articles(make_site):
    """An article's address holds its category's key: renaming the category moved every article in
    it, and each needed an alias of its own (told one by one: hundreds of lines)."""
    site = make_site(FILES)
    _build(site)
    (site / "site.toml").write_text(RENAMED_KEPT, encoding="utf-8")
    said = _build(site, "--strict")
    assert "Đổi địa chỉ" not in said and "Bỏ trang" not in said, said
    for i in range(3):
        old = _page(site, f"/tin-hoat-dong/tuan-tra-so-{i}/")
        assert old.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url=/hoat-dong/tuan-tra-so-{i}/"
        assert old.find("meta", property="og:title")["content"] == f"Tuần tra số {i}"  # (an article's card)
        assert _page(site, f"/hoat-dong/tuan-tra-so-{i}/").h1.get_text(strip=True) == f"Tuần tra số {i}"
    assert _page(site, "/tin-hoat-dong/").find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=/hoat-dong/"
    # A taken-in portal's folder under its prefix (README: "Taking in another portal") keeps them too.
    (site / "site.toml").write_text(RENAMED_KEPT.replace('aliases = ["/tin-hoat-dong/"]',
                                                         'aliases = ["/tin-hoat-dong/", "/thai-binh/tin-tuc/"]'),
                                    encoding="utf-8")
    _build(site)
    assert _page(site, "/thai-binh/tin-tuc/tuan-tra-so-0/").find(
        "meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=/hoat-dong/tuan-tra-so-0/"
    # One that is also written as an article's alias leads where the article says.
    bai = site / "content/tin-hoat-dong/bai-2.md"
    bai.write_text(bai.read_text(encoding="utf-8").replace("\n---\n", "\naliases: [/tin-hoat-dong/tuan-tra-so-1/]\n---\n", 1),
                   encoding="utf-8")
    (site / "content/tin-hoat-dong/bai-1.md").unlink()
    _build(site)
    assert _page(site, "/tin-hoat-dong/tuan-tra-so-1/").find(
        "meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=/hoat-dong/tuan-tra-so-2/"


def test_an_address_still_answered_by_another_page_is_no_loss(make_site):
    """A category removed where a page of its own now stands, an article retitled whose old title
    another now has: their addresses are still answered, yet they were told lost, and --strict
    stopped for good (the alias it asked for would replace that page)."""
    site = make_site(FILES)
    _build(site)
    (site / "site.toml").write_text(SITE_TOML.replace('[categories.xay-dung-luc-luong]\nname = "Xây dựng lực lượng"\n',
                                                      ""), encoding="utf-8")
    (site / "content/trang/xay-dung-luc-luong.md").parent.mkdir(parents=True, exist_ok=True)
    (site / "content/trang/xay-dung-luc-luong.md").write_text(
        '---\ntitle: "Xây dựng lực lượng"\n---\n\nGiới thiệu công tác xây dựng lực lượng.\n', encoding="utf-8")
    old = site / "content/tin-hoat-dong/bai-1.md"
    old.write_text(old.read_text(encoding="utf-8").replace("Tuần tra số 1", "Tuần tra đêm số 1"), encoding="utf-8")
    (site / "content/tin-hoat-dong/bai-9.md").write_text(article("Tuần tra số 1", "2026-01-20T08:00:00"),
                                                          encoding="utf-8")
    said = _build(site, "--strict")
    assert "Bỏ trang" not in said and "Đổi địa chỉ" not in said, said


def test_an_address_a_renamed_category_kept_is_told_when_its_article_leaves_it(make_site):
    """Kept by the category's old folder, and lost without a word when the article moved to
    another category (or was retitled): readers had that address until the rename."""
    site = make_site(FILES)
    _build(site)
    (site / "site.toml").write_text(RENAMED_KEPT, encoding="utf-8")
    _build(site)
    bai = site / "content/tin-hoat-dong/bai-1.md"
    bai.write_text(bai.read_text(encoding="utf-8").replace("category: tin-hoat-dong", "category: xay-dung-luc-luong"),
                   encoding="utf-8")
    said = _build(site, "--lang", "en")
    lost = [line.strip() for line in said.splitlines() if line.strip().startswith("Moved:")]
    assert lost == ["Moved: content/tin-hoat-dong/bai-1.md is now at /xay-dung-luc-luong/tuan-tra-so-1/, no longer at "
                    "/hoat-dong/tuan-tra-so-1/, /tin-hoat-dong/tuan-tra-so-1/: links and shares to the old address lead "
                    "nowhere; keep it with aliases: [/hoat-dong/tuan-tra-so-1/, /tin-hoat-dong/tuan-tra-so-1/]"], said
    # One line (with --strict one error), and the alias line it gives keeps them both.
    bai.write_text(bai.read_text(encoding="utf-8").replace(
        "\n---\n", "\naliases: [/hoat-dong/tuan-tra-so-1/, /tin-hoat-dong/tuan-tra-so-1/]\n---\n", 1), encoding="utf-8")
    said = _build(site, "--strict")
    assert "Đổi địa chỉ" not in said, said


def test_a_category_renamed_without_an_alias_is_one_line_not_one_per_article(make_site):
    """Every article of a renamed category moves with its key, and the one alias of the old folder
    keeps them all: a line (or, with --strict, an error) for each article asked for an alias each."""
    site = make_site(FILES)
    _build(site)
    renamed = SITE_TOML.replace('[categories.tin-hoat-dong]\nname = "Tin hoạt động"\n',
                                '[categories.hoat-dong]\nname = "Tin hoạt động"\nother_names = ["tin-hoat-dong"]\n')
    (site / "site.toml").write_text(renamed, encoding="utf-8")
    strict = cli_here("build", "--site", str(site), "--strict", "--lang", "en")
    heir_line = renamed.splitlines().index("[categories.hoat-dong]") + 1
    assert [line for line in strict.stderr.splitlines() if "error[" in line] == [
        f"site.toml:{heir_line}: error[address-not-kept]: the page /tin-hoat-dong/ of the category 'tin-hoat-dong' "
        "is no longer published, and links and feed subscriptions to it now lead nowhere: keep it with aliases = "
        "[\"/tin-hoat-dong/\"] in [categories.hoat-dong] (which also keeps the addresses of its 3 article(s) that "
        "moved with it)"], strict.stderr
    said = _build(site)
    assert [line.strip() for line in said.splitlines() if "Đổi địa chỉ" in line or "Bỏ trang" in line] == [
        "Bỏ trang: /tin-hoat-dong/ (chuyên mục 'tin-hoat-dong' không còn trong site.toml): liên kết và người theo dõi "
        "RSS của nó sẽ gặp trang lỗi; giữ lại bằng aliases = [\"/tin-hoat-dong/\"] trong [categories.hoat-dong] của "
        "site.toml (cũng giữ lại địa chỉ cũ của 3 bài viết chuyển theo chuyên mục)"]


def test_aliases_of_a_list_written_as_no_list_are_told_in_toml(make_site):
    """The front-matter's example, [/tin-tuc/123.html], is no TOML: copied, it was a syntax error."""
    toml = MERGED.format(aliases="aliases = true\n")
    done = cli_here("check", "--site", str(make_site(FILES, toml)), "--lang", "en")
    line = toml.splitlines().index("aliases = true") + 1
    assert (f"site.toml:{line}: error[bad-alias]: 'units.phong-csgt-va-trat-tu.aliases' must be a list of old addresses "
            "in quotes, e.g. aliases = [\"/don-vi/phong-csgt-va-trat-tu-cu/\"]") in done.stdout.splitlines(), done.stdout


def test_a_campaign_removed_for_good_passes_strict_once_a_build_accepts_it(make_site):
    """No campaign takes its place, so no alias can keep its page: --strict asked for one for ever
    (and the notice named a table, [campaigns.phong-trào-mới], that TOML refuses)."""
    site = make_site(FILES)
    _build(site)
    removed = SITE_TOML.replace('[campaigns.dan-van-kheo]\nname = "Dân vận khéo"\n', "")
    (site / "site.toml").write_text(removed, encoding="utf-8")
    strict = cli_here("build", "--site", str(site), "--strict", "--lang", "en")
    assert strict.returncode == 1
    assert ("site.toml: error[address-not-kept]: the page /phong-trao/dan-van-kheo/ of the campaign 'dan-van-kheo' is "
            "no longer published, and links and feed subscriptions to it now lead nowhere: keep it with aliases = "
            "[\"/phong-trao/dan-van-kheo/\"] in the table of the campaign that takes its place; if it is removed for "
            "good, build once without --strict, which accepts its removal") in strict.stderr.splitlines(), strict.stderr
    said = _build(site)
    placeholder = said.split("trong [")[1].split("]")[0]
    tomllib.loads(f"[{placeholder}]\nname = 'x'\n")  # (what the notice names is a table TOML reads)
    _build(site, "--strict")


def test_check_strict_stops_where_build_strict_would(make_site):
    """check says every problem build would; with --strict it passed a unit renamed without an alias
    and a retitled article, which build --strict then refused."""
    site = make_site(FILES)
    _build(site)
    (site / "site.toml").write_text(MERGED.format(aliases=""), encoding="utf-8")
    bai = site / "content/tin-hoat-dong/bai-1.md"
    bai.write_text(bai.read_text(encoding="utf-8").replace("Tuần tra số 1", "Tuần tra đêm số 1"), encoding="utf-8")
    draft = site / "content/tin-hoat-dong/bai-2.md"  # (made a draft and retitled: taken down, not moved)
    draft.write_text(draft.read_text(encoding="utf-8").replace("Tuần tra số 2", "Tuần tra sáng số 2")
                     .replace("\n---\n", "\ndraft: true\n---\n", 1), encoding="utf-8")
    checked = cli_here("check", "--site", str(site), "--strict", "--lang", "en")
    built = cli_here("build", "--site", str(site), "--strict", "--lang", "en")
    assert checked.returncode == built.returncode == 1
    told = sorted(line.split(": error[")[0] for line in checked.stdout.splitlines() if "[address-not-kept]" in line)
    assert told == sorted(line.split(": error[")[0] for line in built.stderr.splitlines()
                          if "[address-not-kept]" in line) == [
        "content/tin-hoat-dong/bai-1.md:2",
        f"site.toml:{MERGED.format(aliases='').splitlines().index('[units.phong-csgt-va-trat-tu]') + 1}"], told
    assert "[address-not-kept]" not in cli_here("check", "--site", str(site), "--lang", "en").stdout  # (only --strict)


def test_an_alias_taken_out_of_a_table_is_told_and_stops_strict(make_site):
    """Its redirect page and the feed subscribers read went with it, and nothing was said, even by
    --strict (which had asked for that alias)."""
    site = make_site(FILES, MERGED.format(aliases='aliases = ["/don-vi/phong-canh-sat-giao-thong/", "/Pages/DonVi.aspx?ID=8"]\n'))
    _build(site)
    toml = MERGED.format(aliases='aliases = ["/Pages/DonVi.aspx?ID=8"]\n')
    (site / "site.toml").write_text(toml, encoding="utf-8")
    strict = cli_here("build", "--site", str(site), "--strict", "--lang", "en")
    assert strict.returncode == 1
    line = toml.splitlines().index("[units.phong-csgt-va-trat-tu]") + 1
    assert [row for row in strict.stderr.splitlines() if "address-not-kept" in row] == [
        f"site.toml:{line}: error[address-not-kept]: the old address /don-vi/phong-canh-sat-giao-thong/ is no longer "
        "among the aliases of [units.phong-csgt-va-trat-tu], and links and feed subscriptions to it now lead nowhere: "
        "keep it by putting \"/don-vi/phong-canh-sat-giao-thong/\" back in those aliases"]
    said = _build(site)
    assert ("  Bỏ địa chỉ cũ: /don-vi/phong-canh-sat-giao-thong/ (không còn trong aliases của "
            "[units.phong-csgt-va-trat-tu]): liên kết và người theo dõi RSS của nó sẽ gặp trang lỗi; giữ lại bằng "
            "cách đưa \"/don-vi/phong-canh-sat-giao-thong/\" trở lại aliases đó") in said.splitlines(), said
