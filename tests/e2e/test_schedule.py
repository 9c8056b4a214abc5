"""Scheduled and expired articles are nowhere a reader can find them."""
from __future__ import annotations

from tests.conftest import article, run_cli, text_of

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
    vi = run_cli("build", "--site", str(site))
    assert vi.returncode == 0, vi.stderr
    assert "từ 1 bài viết, bỏ qua 1 bản nháp, 1 bài đã hết hạn, 1 bài hẹn giờ đăng trong" in vi.stdout
    en = run_cli("build", "--site", str(site), "--future", "--lang", "en")
    assert ("from 2 articles, 1 draft(s) left out, 1 expired article(s) left out in") in en.stdout


def test_the_summary_says_when_the_next_scheduled_article_needs_a_build(make_site):
    """A static site shows a scheduled article only once built after its moment: the build
    says when that is, so that CI (or the editor) builds again then. The earliest change counts,
    an expiry as well as an article coming due; the answer of an unchanged site says it again."""
    site = make_site({**FILES, "content/tin-hoat-dong/sap-het-han.md": article(
        "Thông báo sắp hết hạn", "2026-01-10", expires="2098-06-30T17:00:00")})
    for run in range(2):  # the second build is answered from the first one's record
        vi = run_cli("build", "--site", str(site))
        assert vi.returncode == 0, vi.stderr
        assert ("  Lịch đăng: lúc Thứ Hai, 30/06/2098 17:00 có bài hẹn giờ đến lúc đăng (hoặc bài hết hạn); "
                "trang chỉ thay đổi khi được dựng lại sau thời điểm đó") in vi.stdout.splitlines(), (run, vi.stdout)
    en = run_cli("build", "--site", str(site), "--lang", "en")
    assert "  Schedule: at 2098-06-30 17:00 (UTC+0700) a scheduled article comes due" in en.stdout
    (site / "content/tin-hoat-dong/hen-gio.md").unlink()
    (site / "content/tin-hoat-dong/sap-het-han.md").unlink()
    nothing = run_cli("build", "--site", str(site))
    assert "Lịch đăng" not in nothing.stdout
