"""A large portal's search index comes in shards; the search page merges them,
and an edit re-indexes only the shard that holds the edited page."""
from __future__ import annotations

import json
import re

from generator import search
from tests.browser.conftest import built_page, serving
from tests.conftest import REPO, article

TOPICS = ["phòng cháy chữa cháy", "lừa đảo qua mạng", "đăng ký thường trú", "an toàn giao thông",
          "dân vận khéo", "thi đua quyết thắng", "tố giác tội phạm", "định danh điện tử"]


def _site_files():
    return {f"content/tin-hoat-dong/bai-{i}.md": article(f"Tin số {i} về {topic}", f"2026-01-{i + 1:02d}",
                                                         body=f"Bài viết nói về {topic} tại địa phương.")
            for i, topic in enumerate(TOPICS)}


def test_sharded_index_is_searched_whole_and_updated_by_shard(make_site, build_site, browser, monkeypatch):
    monkeypatch.setattr(search, "SINGLE_SHARD_UP_TO", 2)
    monkeypatch.setattr(search, "SHARD_PAGES", 2)  # 8 articles → 4 shards
    site = make_site(_site_files())
    built = build_site(site)
    assert built.result.ok, built.messages
    manifest = json.loads((built.out / search.SHARDS_MANIFEST).read_text())
    assert manifest == ["pagefind-01/", "pagefind-02/", "pagefind-03/"]

    with serving(built.out) as base:
        context = browser.new_context()
        try:
            page = context.new_page()
            failed = []
            page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
            # One query per article: every shard must answer through the merged index.
            for i, topic in enumerate(TOPICS):
                page.goto(f"{base}/tim-kiem/?q={topic.split()[0]}+{topic.split()[1]}")
                page.wait_for_function("document.querySelector('.search-status').textContent.startsWith('Tìm thấy')")
                titles = page.locator(".search-result h2").all_inner_texts()
                assert f"Tin số {i} về {topic}" in titles, (topic, titles)
            assert failed == []
        finally:
            context.close()

    # Edit one article: only its shard is indexed again; the others keep their files as they were.
    def bundle_files():
        return {p.relative_to(built.out).as_posix(): p.stat().st_mtime_ns for p in built.out.rglob("*")
                if p.is_file() and p.relative_to(built.out).parts[0].startswith("pagefind")}

    before = bundle_files()
    target = site / "content/tin-hoat-dong/bai-3.md"
    target.write_text(target.read_text(encoding="utf-8").replace("tại địa phương", "tại thôn Đông Hòa"),
                      encoding="utf-8")
    again = build_site(site)
    assert again.result.ok
    edited = search.shard_dir(search.shard_of("tin-hoat-dong/tin-so-3-ve-an-toan-giao-thong/index.html", 4))
    after = bundle_files()
    changed_shards = {rel.split("/")[0] for rel in set(before) ^ set(after)} | {
        rel.split("/")[0] for rel in before.keys() & after.keys() if before[rel] != after[rel]}
    assert changed_shards == {edited}


# A site's own search.html from before the lists came with the page: empty <select>s.
OLD_SEARCH_LAYOUT = """{% extends "base.html" %}
{% block head %}<script src="{{ '/assets/js/search.js' | url }}" defer data-bundle="{{ '/pagefind/' | url }}"
 data-base="{{ '/' | url }}"></script>{% endblock %}
{% block main %}
<form class="search-form needs-js" role="search" action="{{ search_url | url }}" method="get">
  <input id="q" name="q" type="search"><button type="submit">Tìm</button>
  <div class="search-filters" hidden>
    <label>Đơn vị <select name="unit" data-filter="unit"><option value="">Tất cả</option></select></label>
    <label>Chuyên mục <select name="category" data-filter="category"><option value="">Tất cả</option></select></label>
  </div>
</form>
<p class="search-status" role="status"></p><ol class="search-results"></ol><section class="search-fallback"></section>
{% endblock %}
"""


def test_an_older_search_layout_with_empty_lists_gets_them_from_the_index(make_site, build_site, browser,
                                                                          monkeypatch):
    monkeypatch.setattr(search, "SINGLE_SHARD_UP_TO", 2)
    monkeypatch.setattr(search, "SHARD_PAGES", 2)
    files = _site_files()
    files["content/tin-hoat-dong/bai-0.md"] = files["content/tin-hoat-dong/bai-0.md"].replace(
        "category: tin-hoat-dong", "category: xay-dung-luc-luong")
    with built_page(build_site(make_site({**files, "layouts/search.html": OLD_SEARCH_LAYOUT})), browser,
                      "/tim-kiem/") as page:
        page.wait_for_selector("body[data-search-ready]")
        categories = page.locator("select[data-filter=category] option").all_inner_texts()
        assert categories[0] == "Tất cả"
        assert sorted(categories[1:]) == ["Tin hoạt động (7)", "Xây dựng lực lượng (1)"], categories
        page.select_option("select[data-filter=category]", "Xây dựng lực lượng")
        page.wait_for_function("document.querySelector('.search-status').textContent.startsWith('Tìm thấy')")
        assert page.locator(".search-result h2").all_inner_texts() == [f"Tin số 0 về {TOPICS[0]}"]


def test_a_search_that_matches_the_title_shows_the_lead_not_the_title_again_nor_a_row_of_names(
        make_site, build_site, browser):
    title = "Diễn tập phương án chữa cháy tại chợ"
    body = ("Sáng nay, lực lượng chức năng tổ chức buổi diễn tập quy mô lớn tại khu chợ trung tâm.\n\n"
            "Đoạn thứ hai kể lại diễn biến.")
    site = make_site({"content/tin-hoat-dong/dien-tap.md": article(title, body=body, campaigns=["vi-an-ninh-to-quoc"])})
    built = build_site(site)
    for query, opening in (("dien+tap+chua+chay", "Sáng nay, lực lượng chức năng"),  # together in the title only
                           ("khu+cho+trung+tam", "… "),  # together in the text: the stretch around them
                           ("thu+nghiem", "Sáng nay, lực lượng chức năng"),  # only in the unit's name
                           ("", "Sáng nay, lực lượng chức năng")):  # no words: a list by unit
        with built_page(built, browser, f"/tim-kiem/?q={query}&unit=Công+an+tỉnh+Thử+Nghiệm") as page:
            page.wait_for_function("document.querySelector('.search-status').textContent.startsWith('Tìm thấy')")
            result = page.locator(".search-result").first
            assert result.locator("h2").inner_text() == title
            excerpt = result.locator(".excerpt").inner_text()
            assert excerpt.startswith(opening) and title not in excerpt, (query, excerpt)
            for name in ("Công an tỉnh Thử Nghiệm", "Tin hoạt động", "Vì An ninh Tổ quốc"):
                assert name not in excerpt, excerpt
            marked = result.locator(".excerpt mark").all_inner_texts()
            assert marked == {"dien+tap+chua+chay": ["diễn", "tập", "diễn"], "khu+cho+trung+tam": ["khu", "chợ", "trung", "tâm."],
                              "thu+nghiem": ["thứ"], "": []}[query], (query, marked)


def test_more_results_than_a_page_come_with_xem_them_and_every_article_is_reached(make_site, build_site, browser,
                                                                                   monkeypatch):
    monkeypatch.setattr(search, "SINGLE_SHARD_UP_TO", 2)
    monkeypatch.setattr(search, "SHARD_PAGES", 12)  # 45 articles → 4 shards, merged by the page
    titles = [f"Bản tin an ninh trật tự số {n}" for n in range(45)]
    site = make_site({f"content/tin-hoat-dong/ban-tin-{n}.md": article(
        titles[n], f"2026-01-{n % 28 + 1:02d}T{n % 24:02d}:00:00", body="Tình hình an ninh trật tự trong tuần ổn định.")
        for n in range(45)})
    built = build_site(site)
    with built_page(built, browser, "/tim-kiem/?unit=Công+an+tỉnh+Thử+Nghiệm") as page:  # filters alone
        page.wait_for_function("document.querySelector('.search-status').textContent.startsWith('Tìm thấy')")
        shown = page.locator(".search-result").count()
        assert page.locator(".search-status").inner_text() == (
            f"Tìm thấy 45 bài viết; đang hiển thị {shown} bài đầu tiên.")  # the count is known: one list
        # as many as README says such a list shows (it said 30, where the page shows 20)
        documented = re.search(r"đang hiển thị (\d+) bài đầu tiên", (REPO / "README.md").read_text(encoding="utf-8"))
        assert shown == int(documented.group(1)) == 20
    with built_page(built, browser, "/tim-kiem/?q=an+ninh") as page:
        page.wait_for_function("document.querySelector('.search-status').textContent.startsWith('Tìm thấy')")
        more = page.get_by_role("button", name="Xem thêm kết quả")
        first = page.locator(".search-result h2").all_inner_texts()
        assert 0 < len(first) < 45 and more.is_visible()
        assert page.locator(".search-status").inner_text() == (
            f"Tìm thấy nhiều bài viết cho “an ninh”; đang hiển thị {len(first)} bài phù hợp nhất.")
        clicks = 0
        while more.is_visible():
            shown = page.locator(".search-result").count()
            more.click()
            clicks += 1
            page.wait_for_function(f"document.querySelectorAll('.search-result').length > {shown}")
            # The keyboard goes on where the new results begin.
            assert page.evaluate("document.activeElement.closest('.search-result') === "
                                 f"document.querySelectorAll('.search-result')[{shown}]")
            assert clicks < 10
        shown = page.locator(".search-result h2").all_inner_texts()
        assert sorted(shown) == sorted(titles) and len(shown) == len(set(shown))  # each once, none lost
        assert page.locator(".search-status").inner_text() == "Tìm thấy 45 bài viết cho “an ninh”."


def test_words_typed_with_marks_find_them_as_typed_and_without_marks_find_every_spelling(make_site, build_site,
                                                                                          browser):
    """"lừa đảo" (fraud) is not "lựa chọn … đạo đức" (choose … ethics): Pagefind folds the marks
    away, the search page puts them back. Old-style tone placement ("hoà") is the same word."""
    files = {
        "content/tin-hoat-dong/lua-dao.md": article("Cảnh báo thủ đoạn mới", "2026-01-01",
                                                    body="Người dân cần cảnh giác trước các vụ lừa đảo qua mạng."),
        "content/tin-hoat-dong/lua-chon.md": article("Hội nghị cán bộ", "2026-01-02",
                                                     body="Hội nghị lựa chọn tấm gương về đạo đức công vụ."),
        "content/tin-hoat-dong/lua-thoi.md": article("Chuyện ở xóm chài", "2026-01-03",
                                                     body="Kẻ gian lừa người già, lãnh đạo thôn đã báo công an."),
        "content/tin-hoat-dong/hoa-giai.md": article("Tổ hoà giải ở thôn Đông", "2026-01-04",
                                                     body="Tổ hoà giải đã giúp hai gia đình giữ tình làng nghĩa xóm."),
    }
    built = build_site(make_site(files))
    expected = {
        # as typed: the articles holding them as typed, both words before one
        "lừa đảo": (["Cảnh báo thủ đoạn mới", "Chuyện ở xóm chài"], ["lừa", "đảo"]),
        # without marks: every spelling (in whichever order Pagefind scores them)
        "lua dao": (["Cảnh báo thủ đoạn mới", "Chuyện ở xóm chài", "Hội nghị cán bộ"], None),
        # new-style tone placement finds the old-style spelling
        "hòa giải": (["Tổ hoà giải ở thôn Đông"], ["hoà", "giải"]),
    }
    for query, (titles, first_marks) in expected.items():
        with built_page(built, browser, f"/tim-kiem/?q={query}") as page:
            page.wait_for_function("document.querySelector('.search-status').textContent.startsWith('Tìm thấy')")
            shown = page.locator(".search-result h2").all_inner_texts()
            assert shown == titles if first_marks else set(shown) == set(titles), (query, shown)
            if first_marks:
                marks = page.locator(".search-result").first.locator("mark").all_inner_texts()
                assert [m.strip(".,") for m in marks] == first_marks, (query, marks)
            assert page.locator(".search-status").inner_text().startswith(f"Tìm thấy {len(titles)} bài viết"), query
