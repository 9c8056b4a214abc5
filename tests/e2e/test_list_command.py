"""`list`: the drafts, scheduled and expired articles an editor is waiting on, as a build
now would see them (`--all`: the published ones too), for a person or a script."""
from __future__ import annotations

import csv
import io
import json

from tests.conftest import article, cli_here, run_cli

FILES = {
    "content/tin-hoat-dong/da-dang.md": article("Bài đã đăng", "2026-01-21T09:30:00"),
    "content/tin-hoat-dong/cu-hon.md": article("Bài đăng trước đó", "2025-12-01"),
    "content/tin-hoat-dong/hen-gio-xa.md": article("Hẹn giờ năm sau nữa", "2099-06-01T08:00:00"),
    "content/tin-hoat-dong/hen-gio-gan.md": article("Hẹn giờ sớm hơn", "2098-01-02T07:15:00"),
    "content/tin-hoat-dong/nhap.md": article("Bài còn là bản nháp", "2026-02-03T09:00:00", draft="true"),
    "content/tin-hoat-dong/het-han.md": article("Thông báo đã hết hạn", "2025-10-01", expires="2025-11-30"),
    "content/trang/lien-he.md": "---\ntitle: Liên hệ\ndraft: true\n---\n\nĐang soạn.\n",
    "content/trang/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\n\nCông an tỉnh.\n",
}


def test_an_editor_sees_what_waits_by_status_the_next_scheduled_first(make_site):
    site = make_site(FILES)
    done = cli_here("list", "--site", str(site))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "Hẹn giờ đăng (2 bài), bài đăng sớm nhất trước:",
        "  Thứ Năm, 02/01/2098 07:15  Hẹn giờ sớm hơn  (content/tin-hoat-dong/hen-gio-gan.md)",
        "  Thứ Hai, 01/06/2099 08:00  Hẹn giờ năm sau nữa  (content/tin-hoat-dong/hen-gio-xa.md)",
        "Bản nháp (2):",
        "  Thứ Ba, 03/02/2026 09:00  Bài còn là bản nháp  (content/tin-hoat-dong/nhap.md)",
        "  trang giới thiệu          Liên hệ  (content/trang/lien-he.md)",
        "Hết hạn, không còn đăng (1 bài):",
        "  hết hạn Chủ nhật, 30/11/2025  Thông báo đã hết hạn  (content/tin-hoat-dong/het-han.md)",
    ]
    everything = cli_here("list", "--site", str(site), "--all", "--lang", "en").stdout.splitlines()
    assert everything[everything.index("Published (3):") + 1:] == [
        "  2026-01-21 09:30  Bài đã đăng  (content/tin-hoat-dong/da-dang.md)",
        "  2025-12-01        Bài đăng trước đó  (content/tin-hoat-dong/cu-hon.md)",
        "  page of its own   Giới thiệu  (content/trang/gioi-thieu.md)",
    ]
    assert not (site / "public").exists() and not (site / ".cache").exists()  # it writes nothing


def test_a_scheduled_article_that_expires_before_its_date_is_listed_as_never_published(make_site):
    """date 20/12, expires 10/12 (meant 10/01): it stays out for good, and `list` gave it as any
    scheduled article, coming out on the 20th; the warning the build gives it was nowhere there."""
    site = make_site({"content/tin-hoat-dong/lich.md": article("Lịch tiếp dân", "2098-12-20T08:00:00",
                                                              expires="2098-12-10"),
                      "content/tin-hoat-dong/sau.md": article("Hẹn giờ", "2099-01-02T07:15:00", expires="2099-02-01")})
    assert cli_here("list", "--site", str(site)).stdout.splitlines() == [
        "Hẹn giờ đăng (2 bài), bài đăng sớm nhất trước:",
        "  Thứ Bảy, 20/12/2098 08:00  Lịch tiếp dân  (content/tin-hoat-dong/lich.md) — sẽ không được đăng: hết hạn "
        "Thứ Tư, 10/12/2098, trước giờ đăng (expires-before-date)",
        "  Thứ Sáu, 02/01/2099 07:15  Hẹn giờ  (content/tin-hoat-dong/sau.md)",
        # (the one never published is no take-down to come)
        "Sẽ hết hạn, tự gỡ theo 'expires' (1 bài), bài gỡ sớm nhất trước:",
        "  hết hạn Chủ nhật, 01/02/2099  Hẹn giờ  (content/tin-hoat-dong/sau.md)"]


def test_a_script_reads_one_record_per_article_as_csv_or_json(make_site):
    site = make_site(FILES)
    rows = list(csv.DictReader(io.StringIO(cli_here("list", "--site", str(site), "--format", "csv").stdout)))
    assert [(r["status"], r["path"]) for r in rows] == [
        ("future", "content/tin-hoat-dong/hen-gio-gan.md"), ("future", "content/tin-hoat-dong/hen-gio-xa.md"),
        ("draft", "content/tin-hoat-dong/nhap.md"), ("draft", "content/trang/lien-he.md"),
        ("expired", "content/tin-hoat-dong/het-han.md")]
    assert rows[0]["date"] == "2098-01-02T07:15:00+07:00" and rows[0]["url"] == "/tin-hoat-dong/hen-gio-som-hon/"
    assert rows[4]["expires"] == "2025-11-30T00:00:00+07:00" and rows[3]["date"] == ""
    report = json.loads(cli_here("list", "--site", str(site), "--format", "json", "--all").stdout)
    assert report["ok"] and report["problems"] == []
    assert sorted(r["status"] for r in report["articles"]) == ["draft", "draft", "expired", "future", "future",
                                                              "published", "published", "published"]


def test_an_article_with_a_mistake_is_named_and_the_others_still_listed(make_site):
    site = make_site({**FILES, "content/tin-hoat-dong/hong.md": article("Hỏng", date="không rõ")})
    done = cli_here("list", "--site", str(site), "--lang", "en")
    assert done.returncode == 1
    assert "content/tin-hoat-dong/hong.md:3: error[bad-date]" in done.stderr and "Traceback" not in done.stderr
    assert "  Hẹn giờ sớm hơn  (content/tin-hoat-dong/hen-gio-gan.md)" in done.stdout.replace("2098-01-02 07:15", "")
    nothing = make_site({"content/tin-hoat-dong/da-dang.md": FILES["content/tin-hoat-dong/da-dang.md"]})
    for path in FILES:
        if path != "content/tin-hoat-dong/da-dang.md":
            (nothing / path).unlink()
    (nothing / "content/tin-hoat-dong/hong.md").unlink()
    assert cli_here("list", "--site", str(nothing), "--lang", "en").stdout == (
        "No drafts, scheduled or expired articles: everything is published.\n")
    (nothing / "site.toml").write_text('title = "Cổng"\nbase_url = 5\n', encoding="utf-8")
    unread = cli_here("list", "--site", str(nothing), "--lang", "en")
    assert unread.returncode == 1 and unread.stdout == "" and "site.toml:2: error[wrong-type]" in unread.stderr


def test_after_a_build_list_reads_the_cache_for_unchanged_files_and_writes_nothing(make_site, build_site,
                                                                                    monkeypatch):
    from generator import index
    from generator.statuses import list_statuses
    from tests.e2e.test_check import _cache_as_it_is
    site = make_site(FILES)
    assert build_site(site).result.ok
    cache = site / ".cache"
    before = _cache_as_it_is(cache)
    (site / "content/tin-hoat-dong/nhap.md").write_text(article("Bản nháp đổi tên", "2026-02-03T09:00:00",
                                                                draft="true"), encoding="utf-8")
    read = []
    read_article = index.read_article
    monkeypatch.setattr(index, "read_article", lambda config, source: read.append(source.path) or
                        read_article(config, source))
    assert list_statuses(site, cache_dir=cache) == list_statuses(site)
    assert read.count("content/tin-hoat-dong/nhap.md") == 2 and len(read) == 6 + 1  # the edited file each time
    lines = cli_here("list", "--site", str(site), "--all").stdout.splitlines()
    assert "  Thứ Ba, 03/02/2026 09:00  Bản nháp đổi tên  (content/tin-hoat-dong/nhap.md)" in lines
    assert lines == cli_here("list", "--site", str(site), "--all", "--no-cache").stdout.splitlines()
    assert _cache_as_it_is(cache) == before


def test_a_units_articles_are_listed_joint_ones_included_with_their_category_units_and_byline(make_site):
    site = make_site({**FILES,
                      "content/tin-hoat-dong/phoi-hop.md": article(
                          "Hai lực lượng cùng phân luồng", "2026-01-15", unit="[phong-canh-sat-giao-thong, cong-an-xa-dong-tien]",
                          author='"Minh Khôi"'),
                      "content/tin-hoat-dong/tuan-tra.md": article("Tuần tra đêm", "2026-01-10", unit="Phòng CSGT",
                                                                   draft="true")})
    done = cli_here("list", "--site", str(site), "--all", "--unit", "Công an xã Đồng Tiến", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["Published (1):", "  2026-01-15  Hai lực lượng cùng phân luồng  "
                                                          "(content/tin-hoat-dong/phoi-hop.md)"]
    rows = list(csv.DictReader(io.StringIO(cli_here("list", "--site", str(site), "--all", "--unit", "phòng csgt",
                                                   "--format", "csv").stdout)))
    assert [(r["title"], r["status"], r["category"], r["unit"], r["author"]) for r in rows] == [
        ("Tuần tra đêm", "draft", "Tin hoạt động", "Phòng Cảnh sát giao thông", ""),
        ("Hai lực lượng cùng phân luồng", "published", "Tin hoạt động",
         "Phòng Cảnh sát giao thông; Công an xã Đồng Tiến", "Minh Khôi")]
    report = json.loads(cli_here("list", "--site", str(site), "--all", "--format", "json").stdout)
    joint = next(r for r in report["articles"] if r["path"] == "content/tin-hoat-dong/phoi-hop.md")
    assert joint["units"] == ["Phòng Cảnh sát giao thông", "Công an xã Đồng Tiến"]
    assert len(report["articles"]) == 10  # every article and page without --unit
    unknown = cli_here("list", "--site", str(site), "--unit", "Phòng CSGTT")
    assert unknown.returncode == 1 and unknown.stdout == ""
    assert unknown.stderr.strip() == ("--unit: error[unknown-unit]: không có đơn vị 'Phòng CSGTT'; "
                                      "có phải ý bạn là 'Phòng Cảnh sát giao thông'?")


def test_a_take_down_still_to_come_is_listed_the_soonest_first(make_site):
    """A wanted notice online until the person is caught, a diversion scheduled with its end:
    `list` showed neither's `expires` (only the CSV's column did), so an editor could not see that
    the take-down they wrote was read, nor when it comes."""
    site = make_site({
        "content/tin-hoat-dong/da-dang.md": article("Bài đã đăng", "2026-01-21T09:30:00"),
        "content/tin-hoat-dong/truy-na.md": article("Thông báo truy nã", "2026-01-05", expires="2099-03-01T17:00:00"),
        "content/tin-hoat-dong/phan-luong.md": article("Phân luồng giao thông", "2098-01-02T07:15:00",
                                                      expires="2098-01-09"),
    })
    done = cli_here("list", "--site", str(site))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "Hẹn giờ đăng (1 bài), bài đăng sớm nhất trước:",
        "  Thứ Năm, 02/01/2098 07:15  Phân luồng giao thông  (content/tin-hoat-dong/phan-luong.md)",
        "Sẽ hết hạn, tự gỡ theo 'expires' (2 bài), bài gỡ sớm nhất trước:",
        "  hết hạn Thứ Năm, 09/01/2098         Phân luồng giao thông  (content/tin-hoat-dong/phan-luong.md)",
        "  hết hạn Chủ nhật, 01/03/2099 17:00  Thông báo truy nã  (content/tin-hoat-dong/truy-na.md)",
    ]
    english = cli_here("list", "--site", str(site), "--all", "--lang", "en").stdout.splitlines()
    assert english[2:5] == ["To be taken down by their 'expires' (2), the soonest first:",
                            "  expires 2098-01-09        Phân luồng giao thông  (content/tin-hoat-dong/phan-luong.md)",
                            "  expires 2099-03-01 17:00  Thông báo truy nã  (content/tin-hoat-dong/truy-na.md)"]
    assert english[5:] == ["Published (2):",
                           "  2026-01-21 09:30  Bài đã đăng  (content/tin-hoat-dong/da-dang.md)",
                           "  2026-01-05        Thông báo truy nã  (content/tin-hoat-dong/truy-na.md)"]
