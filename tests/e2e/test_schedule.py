"""Scheduled and expired articles are nowhere a reader can find them."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup

from generator.checker import check_site
from tests.conftest import REPO, SITE_TOML, article, cli_here, text_of

FILES = {
    "content/tin-hoat-dong/hom-nay.md": article("Tin đã đăng", "2026-01-21T09:30:00", campaigns=["dan-van-kheo"]),
    "content/tin-hoat-dong/hen-gio.md": article("Tin hẹn giờ đăng", "2099-01-01T08:00:00",
                                               campaigns=["dan-van-kheo"]),
    "content/tin-hoat-dong/het-han.md": article("Thông báo đã hết hạn", "2026-01-01", campaigns=["dan-van-kheo"],
                                               expires="2026-01-15"),
}


def test_future_and_expired_articles_are_in_no_list_and_no_related_news(make_site, build_site):
    built = build_site(make_site(FILES))
    assert built.result.ok and built.result.left_out == {"future": 1, "expired": 1}
    for url in ("/", "/tin-hoat-dong/", "/phong-trao/dan-van-kheo/", "/don-vi/cong-an-tinh/",
                "/tin-hoat-dong/tin-da-dang/"):
        shown = text_of(built.page(url))
        assert "Tin hẹn giờ đăng" not in shown and "Thông báo đã hết hạn" not in shown, url
    assert not (built.out / "tin-hoat-dong/tin-hen-gio-dang").exists()
    with_future = build_site(make_site(FILES), future=True)
    assert "Tin hẹn giờ đăng" in text_of(with_future.page("/tin-hoat-dong/"))


def test_the_summary_says_how_many_were_left_out_and_why(make_site):
    site = make_site({**FILES, "content/tin-hoat-dong/nhap.md": article("Nháp", draft="true")})
    vi = cli_here("build", "--site", str(site))
    assert vi.returncode == 0, vi.stderr
    assert "từ 1 bài viết, bỏ qua 1 bản nháp, 1 bài đã hết hạn, 1 bài hẹn giờ đăng trong" in vi.stdout
    en = cli_here("build", "--site", str(site), "--future", "--lang", "en")
    assert ("from 2 articles, 1 draft(s) left out, 1 expired article(s) left out in") in en.stdout


def test_the_summary_says_when_the_next_scheduled_article_needs_a_build(make_site):
    """A static site shows a scheduled article only once built after its moment: the build
    says when that is, so that CI (or the editor) builds again then. The earliest change counts,
    an expiry as well as an article coming due; the answer of an unchanged site says it again."""
    site = make_site({**FILES, "content/tin-hoat-dong/sap-het-han.md": article(
        "Thông báo sắp hết hạn", "2026-01-10", expires="2098-06-30T17:00:00")})
    for run in range(2):  # the second build is answered from the first one's record
        vi = cli_here("build", "--site", str(site))
        assert vi.returncode == 0, vi.stderr
        assert ("  Lịch đăng: lúc Thứ Hai, 30/06/2098 17:00 có bài hẹn giờ đến lúc đăng (hoặc bài hết hạn); "
                "trang chỉ thay đổi khi được dựng lại sau thời điểm đó") in vi.stdout.splitlines(), (run, vi.stdout)
    en = cli_here("build", "--site", str(site), "--lang", "en")
    assert "  Schedule: at 2098-06-30 17:00 (UTC+0700) a scheduled article comes due" in en.stdout
    (site / "content/tin-hoat-dong/hen-gio.md").unlink()
    (site / "content/tin-hoat-dong/sap-het-han.md").unlink()
    nothing = cli_here("build", "--site", str(site))
    assert "Lịch đăng" not in nothing.stdout


def _build_at(moment: str, site, *args: str):
    """`build` as CI runs it at `moment` (SOURCE_DATE_EPOCH), in English."""
    epoch = int(datetime.fromisoformat(moment).timestamp())
    return subprocess.run([sys.executable, str(REPO / "build.py"), "build", "--site", str(site), "--lang", "en", *args],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "SOURCE_DATE_EPOCH": str(epoch)})


def test_an_expired_article_another_links_to_comes_down_on_time_and_the_link_keeps_its_words(make_site):
    """A warning taken down with `expires` while a published article links to it: the build
    failed on that link ("not published yet … the build fails until it is"), so the warning
    stayed online and articles scheduled since were not published. It comes down, the link
    loses its address (its words stay) with a warning at its line, and `check` says the same."""
    site = make_site({
        "content/canh-bao-toi-pham/canh-bao.md": article("Cảnh báo lừa đảo qua mạng", "2026-01-10",
                                                        expires="2026-06-01T08:00:00",
                                                        body="## Thủ đoạn {#muc-1}\n\nGiả danh công an.\n"),
        "content/tin-hoat-dong/tuyen-truyen/index.md": article(
            "Tuyên truyền phòng chống lừa đảo", "2026-01-12",
            body='Xem [cảnh báo](../../canh-bao-toi-pham/canh-bao.md).\n\n'
                 'Hoặc <a href="../../canh-bao-toi-pham/canh-bao.md#muc-1">bản cảnh báo</a>.\n'),
        "content/tin-hoat-dong/hen-gio.md": article("Tin hẹn giờ tháng bảy", "2026-07-01T08:00:00"),
    })
    before = _build_at("2026-05-01T08:00:00+07:00", site)
    assert (before.returncode, before.stderr) == (0, "")
    public = site / "public"
    assert (public / "tin-hoat-dong/canh-bao-lua-dao-qua-mang/index.html").exists()

    after = _build_at("2026-08-01T08:00:00+07:00", site)
    assert after.returncode == 0, after.stderr
    told = ["content/tin-hoat-dong/tuyen-truyen/index.md:8: warning[expired-link]: the link "
            "'../../canh-bao-toi-pham/canh-bao.md' points to an article that has expired (its 'expires' has passed): "
            "readers see the link's words without a link; remove the link, or change that article's 'expires'",
            "content/tin-hoat-dong/tuyen-truyen/index.md:10: warning[expired-link]: the link "
            "'../../canh-bao-toi-pham/canh-bao.md#muc-1' points to an article that has expired (its 'expires' has passed): "
            "readers see the link's words without a link; remove the link, or change that article's 'expires'"]
    assert after.stderr.splitlines() == told
    assert not (public / "tin-hoat-dong/canh-bao-lua-dao-qua-mang").exists()  # taken down on time
    assert (public / "tin-hoat-dong/tin-hen-gio-thang-bay/index.html").exists()  # and the schedule goes on
    page = BeautifulSoup((public / "tin-hoat-dong/tuyen-truyen-phong-chong-lua-dao/index.html").read_text(),
                         "html.parser").select_one(".article .body")
    assert [" ".join(p.get_text().split()) for p in page.find_all("p")] == ["Xem cảnh báo.", "Hoặc bản cảnh báo."]
    assert [a for a in page.find_all("a", href=True) if "canh-bao" in a["href"]] == []
    # check (the clock is past June 2026) words it as the build does, in Vietnamese too.
    checked = cli_here("check", "--site", str(site), "--lang", "en")
    assert checked.returncode == 0 and checked.stdout.splitlines()[:2] == told
    vietnamese = cli_here("check", "--site", str(site))
    assert vietnamese.stdout.splitlines()[0] == (
        "content/tin-hoat-dong/tuyen-truyen/index.md:8: warning[expired-link]: liên kết "
        "'../../canh-bao-toi-pham/canh-bao.md' trỏ tới một bài đã hết hạn đăng (đã qua thời điểm 'expires' của bài): "
        "bạn đọc chỉ thấy chữ của liên kết, không bấm được; hãy bỏ liên kết, hoặc sửa 'expires' của bài đó")


def test_a_strict_build_takes_an_article_linked_by_its_address_down_when_it_expires(make_site, build_site):
    """A wanted notice linked by its address, from an article (/tin-hoat-dong/…/, as the address bar
    shows it) and from site.toml's [[links]]: once its `expires` passed, each link was a
    no-such-page warning, which --strict refuses, so CI's scheduled build failed and the notice
    stayed online past its take-down. Each is an expired-link warning now, which the clock makes."""
    toml = SITE_TOML + '\n[[links]]\nname = "Truy nã"\nurl = "/tin-hoat-dong/truy-na-doi-tuong/"\n'
    site = make_site({
        "content/tin-hoat-dong/truy-na.md": article("Truy nã đối tượng", "2026-01-02T08:00:00",
                                                   expires="2026-03-01T08:00:00"),
        "content/tin-hoat-dong/khac.md": article("Bài khác", "2026-01-05",
                                                 body="Xem [thông báo](/tin-hoat-dong/truy-na-doi-tuong/).\n"),
    }, toml)
    zone = ZoneInfo("Asia/Ho_Chi_Minh")
    before = build_site(site, strict=True, now=datetime(2026, 2, 1, tzinfo=zone))
    assert before.result.ok, before.result.problems
    after = build_site(site, strict=True, now=datetime(2026, 3, 1, 8, 0, tzinfo=zone))
    assert after.result.ok, after.result.problems
    assert not (after.out / "tin-hoat-dong/truy-na-doi-tuong").exists()
    told = sorted((str(p.location), p.code) for p in after.result.problems)
    assert told == [("content/tin-hoat-dong/khac.md:8", "expired-link"), ("site.toml:40", "expired-link")], told
    assert "is the address of an article that has expired" in after.result.problems[0].message
    checked = check_site(site, strict=True, now=datetime(2026, 3, 1, 8, 0, tzinfo=zone))
    assert checked.ok and sorted((str(p.location), p.code) for p in checked.problems) == told


def test_a_strict_build_passes_a_link_by_its_address_to_a_draft_past_its_expires_as_check_does(make_site,
                                                                                              build_site):
    """A draft whose `expires` has passed never comes back: check (which reads drafts) told a link
    to its address as expired-link and passed --strict, while build --strict stopped at the same
    link, no-such-page, and published nothing."""
    site = make_site({
        "content/tin-hoat-dong/nhap.md": article("Nháp quá hạn", "2026-01-02T08:00:00",
                                                 expires="2026-03-01T08:00:00", draft="true"),
        "content/tin-hoat-dong/khac.md": article("Bài khác", "2026-01-05",
                                                 body="Xem [bài](/tin-hoat-dong/nhap-qua-han/).\n"),
    })
    moment = datetime(2026, 3, 2, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    built = build_site(site, strict=True, now=moment)
    checked = check_site(site, strict=True, now=moment)
    assert [(str(p.location), p.code, p.is_error) for p in built.result.problems] == [
        ("content/tin-hoat-dong/khac.md:8", "expired-link", False)]
    assert built.result.ok and checked.ok
    assert [(str(p.location), p.code) for p in checked.problems] == [("content/tin-hoat-dong/khac.md:8", "expired-link")]


def test_a_link_to_a_scheduled_article_still_stops_the_build_until_it_comes_due(make_site):
    """Only an expired article's links lose their address: a scheduled one is yet to come, and
    a link to it is an error until then, as README says."""
    site = make_site({
        "content/tin-hoat-dong/hen-gio.md": article("Tin hẹn giờ", "2026-07-01T08:00:00"),
        "content/tin-hoat-dong/dang.md": article("Tin đã đăng", "2026-01-12", body="Xem [tin](hen-gio.md).\n"),
    })
    early = _build_at("2026-05-01T08:00:00+07:00", site)
    assert early.returncode == 1 and early.stderr.splitlines()[0] == (
        "content/tin-hoat-dong/dang.md:8: error[broken-link]: the link 'hen-gio.md' points to an article that is not "
        "published yet (a draft or scheduled); the build fails until it is, "
        "or the link is removed (to take a published article down, give it 'expires' rather than 'draft: true': "
        "a link to it is then its words alone)")
    assert _build_at("2026-08-01T08:00:00+07:00", site).returncode == 0


def test_another_generators_keys_for_when_and_whether_an_article_is_public_stop_the_build(make_site, build_site):
    """Hugo's publishDate, its expiryDate, Pelican's status: draft and Jekyll's published: false
    were unknown keys, warnings: the embargoed article went online at once, the one taken down
    stayed. Each is an error naming our key now, and the published site is left as it was."""
    site = make_site({"content/tin-hoat-dong/da-dang.md": article("Tin đã đăng")})
    first = build_site(site)
    assert first.result.ok
    withheld = {
        "hen-gio.md": article("Tin cấm đăng trước giờ", publishDate="2099-12-08T07:00:00"),
        "go-xuong.md": article("Tin gỡ xuống", expiryDate="2026-02-01"),
        "nhap-pelican.md": article("Bản nháp Pelican", status="draft"),
        "nhap-jekyll.md": article("Bản nháp Jekyll", published="false"),
    }
    for name, text in withheld.items():
        (site / "content/tin-hoat-dong" / name).write_text(text, encoding="utf-8")
    done = cli_here("build", "--site", str(site), "--lang", "en")
    assert done.returncode == 1
    assert done.stderr.splitlines()[:4] == [
        "content/tin-hoat-dong/go-xuong.md:6: error[publishing-key]: 'expiryDate' is not a key of this generator "
        "(when an article is taken down is its 'expires'): the article would stay online; give that moment as "
        "'expires' and delete this line",
        "content/tin-hoat-dong/hen-gio.md:6: error[publishing-key]: 'publishDate' is not a key of this generator "
        "(when an article goes online is its 'date'): the article would be published at once; give that moment as "
        "'date' and delete this line",
        "content/tin-hoat-dong/nhap-jekyll.md:6: error[publishing-key]: 'published: false' is not read by this "
        "generator (an article is kept unpublished by 'draft: true'): the article would be published; write "
        "'draft: true' instead",
        "content/tin-hoat-dong/nhap-pelican.md:6: error[publishing-key]: 'status: draft' is not read by this "
        "generator (an article is kept unpublished by 'draft: true'): the article would be published; write "
        "'draft: true' instead"]
    assert sorted(p.name for p in (site / "public/tin-hoat-dong").iterdir() if p.is_dir()) == ["tin-da-dang"]
    vietnamese = cli_here("check", "--site", str(site))
    assert vietnamese.returncode == 1 and vietnamese.stdout.splitlines()[1] == (
        "content/tin-hoat-dong/hen-gio.md:6: error[publishing-key]: khóa 'publishDate' không được đọc (thời điểm đăng "
        "bài ghi ở 'date'): bài sẽ được đăng ngay; hãy ghi thời điểm đó vào 'date' rồi xóa dòng này")
    # Written as ours, they publish as meant.
    (site / "content/tin-hoat-dong/hen-gio.md").write_text(article("Tin cấm đăng trước giờ", "2099-12-08T07:00:00"))
    (site / "content/tin-hoat-dong/go-xuong.md").write_text(article("Tin gỡ xuống", expires="2026-02-01"))
    (site / "content/tin-hoat-dong/nhap-pelican.md").write_text(article("Bản nháp Pelican", draft="true"))
    (site / "content/tin-hoat-dong/nhap-jekyll.md").write_text(article("Bản nháp Jekyll", draft="true"))
    again = build_site(site)
    assert again.result.ok and again.result.left_out == {"draft": 2, "future": 1, "expired": 1}


def test_a_take_down_written_with_our_key_misspelt_stops_the_build_and_leaves_the_site(make_site, build_site):
    """`expire: …` (an 's' left out) on an article to take down, `drafts: true` on a page to
    withdraw: each was an unknown-key warning ("did you mean 'expires'?"), and the build, exit 0,
    kept both online. Each is a publishing-key error now, and the published site stays as it was."""
    site = make_site({"content/tin-hoat-dong/truy-na.md": article("Thông báo truy nã"),
                      "content/trang/thong-bao.md": '---\ntitle: "Thông báo"\n---\nNội dung.\n'})
    assert build_site(site).result.ok
    notice = (site / "content/tin-hoat-dong/truy-na.md").read_text(encoding="utf-8")
    (site / "content/tin-hoat-dong/truy-na.md").write_text(notice.replace("---\n\n", "expire: 2026-02-01\n---\n\n"),
                                                          encoding="utf-8")
    (site / "content/trang/thong-bao.md").write_text('---\ntitle: "Thông báo"\ndrafts: true\n---\nNội dung.\n',
                                                    encoding="utf-8")
    done = cli_here("build", "--site", str(site), "--lang", "en")
    assert done.returncode == 1
    assert [line.split(": ", 2)[:2] for line in done.stderr.splitlines()[:2]] == [
        ["content/tin-hoat-dong/truy-na.md:6", "error[publishing-key]"],
        ["content/trang/thong-bao.md:3", "error[publishing-key]"]]
    assert "give that moment as 'expires'" in done.stderr and "write 'draft: true' instead" in done.stderr
    assert (site / "public/tin-hoat-dong/thong-bao-truy-na/index.html").is_file()


def test_an_expired_article_published_again_gets_its_links_back_and_the_warning_stays_until_then(make_site):
    """The linking article's conversion is kept in the build cache: one kept with the link taken
    away must not be reused once that article is published again (its link comes back, as in a
    clean build), and the warning is told by every build until then, not by the first alone."""
    target = "content/canh-bao-toi-pham/canh-bao.md"
    site = make_site({
        target: article("Cảnh báo lừa đảo qua mạng", "2026-01-10", expires="2026-06-01T08:00:00"),
        "content/tin-hoat-dong/tuyen-truyen.md": article("Tuyên truyền", "2026-01-12",
                                                         body="Xem [cảnh báo](../canh-bao-toi-pham/canh-bao.md).\n"),
    })
    for _ in range(2):
        after = _build_at("2026-08-01T08:00:00+07:00", site)
        assert after.returncode == 0 and "warning[expired-link]" in after.stderr, after.stdout + after.stderr
    (site / target).write_text(article("Cảnh báo lừa đảo qua mạng", "2026-01-10"), encoding="utf-8")
    again = _build_at("2026-08-01T08:00:00+07:00", site)
    assert again.returncode == 0 and again.stderr == "", again.stderr
    body = BeautifulSoup((site / "public/tin-hoat-dong/tuyen-truyen/index.html").read_text(encoding="utf-8"),
                         "html.parser").select_one(".article .body")
    assert [a["href"] for a in body.find_all("a", href=True)] == ["/tin-hoat-dong/canh-bao-lua-dao-qua-mang/"]


def test_a_link_to_a_file_beside_an_expired_article_loses_its_address_and_one_beside_a_draft_says_why(make_site):
    """A plan (PDF) beside a warning taken down by `expires`, linked from another article: every
    later build stopped ("not published: only the files in an article's own folder are …"), which
    kept the warning online; one beside a draft was told so too, for a reason it did not have."""
    site = make_site({
        "content/canh-bao-toi-pham/canh-bao/index.md": article("Cảnh báo lừa đảo", "2026-01-10",
                                                              expires="2026-06-01T08:00:00"),
        "content/canh-bao-toi-pham/canh-bao/ke-hoach.pdf": b"%PDF-1.4 ke hoach",
        "content/tin-hoat-dong/du-thao/index.md": article("Dự thảo", "2026-01-11", draft="true"),
        "content/tin-hoat-dong/du-thao/du-thao.pdf": b"%PDF-1.4 du thao",
        "content/tin-hoat-dong/tuyen-truyen.md": article(
            "Tuyên truyền", "2026-01-12", body="Xem [kế hoạch](../canh-bao-toi-pham/canh-bao/ke-hoach.pdf).\n"),
    })
    after = _build_at("2026-08-01T08:00:00+07:00", site)
    assert after.returncode == 0, after.stderr
    assert after.stderr.splitlines() == [
        "content/tin-hoat-dong/tuyen-truyen.md:8: warning[expired-link]: the link "
        "'../canh-bao-toi-pham/canh-bao/ke-hoach.pdf' points to a file beside an article that has expired (its "
        "'expires' has passed): readers see the link's words without a link; remove the link, or change that "
        "article's 'expires'"]
    body = BeautifulSoup((site / "public/tin-hoat-dong/tuyen-truyen/index.html").read_text(encoding="utf-8"),
                         "html.parser").select_one(".article .body")
    assert " ".join(body.get_text().split()) == "Xem kế hoạch." and body.find("a", href=True) is None
    assert not list((site / "public").rglob("ke-hoach.pdf"))
    linking = site / "content/tin-hoat-dong/tuyen-truyen.md"
    linking.write_text(linking.read_text(encoding="utf-8").replace("../canh-bao-toi-pham/canh-bao/ke-hoach.pdf",
                                                                   "du-thao/du-thao.pdf"), encoding="utf-8")
    draft = _build_at("2026-08-01T08:00:00+07:00", site)
    assert draft.returncode == 1
    assert ("content/tin-hoat-dong/tuyen-truyen.md:8: error[broken-link]: the link 'du-thao/du-thao.pdf' points to "
            "a file beside an article that is not published yet (a draft or scheduled); the build fails until it is, "
            "or the link is removed (to take a published article down, give it 'expires' rather than 'draft: true': "
            "a link to it is then its words alone)"
            ) in draft.stderr.splitlines(), draft.stderr


def test_check_judges_schedules_at_the_moment_a_build_would(make_site):
    """SOURCE_DATE_EPOCH is the build's moment; check ignored it and judged by the clock, so the two
    disagreed about what had expired (and a bad value passed unseen)."""
    site = make_site({
        "content/canh-bao-toi-pham/canh-bao.md": article("Cảnh báo lừa đảo qua mạng", "2026-01-10",
                                                        expires="2026-06-01T08:00:00"),
        "content/tin-hoat-dong/tuyen-truyen.md": article("Tuyên truyền", "2026-01-12",
                                                         body="Xem [cảnh báo](../canh-bao-toi-pham/canh-bao.md).\n"),
    })

    def check_at(moment: str):
        epoch = int(datetime.fromisoformat(moment).timestamp()) if moment[0].isdigit() else moment
        return subprocess.run([sys.executable, str(REPO / "build.py"), "check", "--site", str(site), "--lang", "en"],
                              capture_output=True, text=True, timeout=120,
                              env={**os.environ, "SOURCE_DATE_EPOCH": str(epoch)})
    assert "expired-link" not in check_at("2026-05-01T08:00:00+07:00").stdout
    assert "warning[expired-link]" in check_at("2026-08-01T08:00:00+07:00").stdout
    bad = check_at("hôm qua")
    assert bad.returncode == 2 and bad.stderr.startswith("build.py: error: SOURCE_DATE_EPOCH"), bad.stderr


def test_a_strict_build_still_takes_an_expired_article_down(make_site):
    """CI builds with --strict: the expired-link warning, made by the clock and not by an edit, was
    an error there, so the scheduled build failed and the expired article stayed online."""
    site = make_site({
        "content/canh-bao-toi-pham/canh-bao.md": article("Cảnh báo lừa đảo qua mạng", "2026-01-10",
                                                        expires="2026-06-01T08:00:00"),
        "content/tin-hoat-dong/tuyen-truyen.md": article("Tuyên truyền", "2026-01-12",
                                                         body="Xem [cảnh báo](../canh-bao-toi-pham/canh-bao.md).\n"),
    })
    assert _build_at("2026-05-01T08:00:00+07:00", site, "--strict").returncode == 0
    after = _build_at("2026-08-01T08:00:00+07:00", site, "--strict")
    assert after.returncode == 0, after.stderr
    assert "warning[expired-link]" in after.stderr
    assert not (site / "public/tin-hoat-dong/canh-bao-lua-dao-qua-mang").exists()
    again = _build_at("2026-08-01T08:00:00+07:00", site, "--strict")  # (the no-change shortcut judges so too)
    assert again.returncode == 0 and "warning[expired-link]" in again.stderr, again.stderr


def test_a_link_to_a_draft_past_its_expiry_is_told_alike_by_build_and_check(make_site):
    """A draft whose `expires` has passed never comes back: check (which reads drafts) called a link
    to it expired, build called it a link to a draft 'until it is published' and failed."""
    site = make_site({
        "content/tin-hoat-dong/bai-hai.md": article("Bài hai", "2026-01-10", draft="true", expires="2026-06-01T08:00:00"),
        "content/tin-hoat-dong/bai-mot.md": article("Bài một", "2026-01-12", body="Xem [bài hai](bai-hai.md).\n"),
    })
    built = _build_at("2026-08-01T08:00:00+07:00", site)
    epoch = str(int(datetime.fromisoformat("2026-08-01T08:00:00+07:00").timestamp()))
    checked = subprocess.run([sys.executable, str(REPO / "build.py"), "check", "--site", str(site), "--lang", "en"],
                             capture_output=True, text=True, timeout=120, env={**os.environ, "SOURCE_DATE_EPOCH": epoch})
    assert built.returncode == checked.returncode == 0, built.stderr + checked.stdout
    assert [line.split(": ")[1] for line in built.stderr.splitlines()] == ["warning[expired-link]"]
    assert [line.split(": ")[1] for line in checked.stdout.splitlines() if "[" in line] == ["warning[expired-link]"]
