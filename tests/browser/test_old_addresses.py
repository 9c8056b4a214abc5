"""Old addresses with a query ("/Pages/chi-tiet.aspx?ItemID=12"), followed in a browser: the page
at their path looks the query up, in its own table or in JSON files past 256 of them."""
from __future__ import annotations

import pytest

from tests.browser.conftest import serving, under_policy
from tests.conftest import SITE_TOML, article

DEMO_ARTICLE = "Đội Cảnh sát giao thông hướng dẫn học sinh đội mũ bảo hiểm đúng cách"
NOT_FOUND = "Không tìm thấy bài viết ứng với địa chỉ cũ này"


def test_the_demo_s_old_sharepoint_address_leads_to_its_article(open_page, portal):
    page, watch = open_page("phone")
    page.goto(portal + "/Pages/tin-tuc/chi-tiet.aspx?ItemID=1024")
    page.wait_for_url("**/tin-hoat-dong/doi-canh-sat-giao-thong-**")
    assert page.locator("h1").inner_text() == DEMO_ARTICLE
    assert watch.errors == []


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """A portal under /cong-thong-tin/ that kept 300 addresses of its old SharePoint pages (two
    JSON tables), Joomla's, one path whose own old address names a fallback, and a unit's."""
    from generator.pipeline import BuildOptions, build
    site = tmp_path_factory.mktemp("migrated")
    (site / "site.toml").write_text(SITE_TOML.replace(
        'base_url = "https://congan.example.vn/"', 'base_url = "https://congan.example.vn/cong-thong-tin/"').replace(
        '[units.phong-canh-sat-giao-thong]\n', '[units.phong-canh-sat-giao-thong]\naliases = ["/Pages/DonVi.aspx?ID=8"]\n'),
        encoding="utf-8")
    for number in range(3):
        old = [f'"/Pages/chi-tiet.aspx?ItemID={number * 100 + i}"' for i in range(100)]
        if number == 1:
            old += ['"https://cu.congan.example.vn/index.php?option=com_content&view=article&id=5"',
                    '"/tin.aspx?tieu-de=Tết Bính Ngọ"', '"/tin.aspx"']
        if number == 2:  # as a Joomla page shows its address, with the menu item it was reached from
            old += ['"/index.php?option=com_content&view=article&id=6&Itemid=45"']
        path = site / f"content/tin-hoat-dong/bai-{number}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(f"Bài số {number}", aliases=f"[{', '.join(old)}]"), encoding="utf-8")
    root = tmp_path_factory.mktemp("host")
    result = build(BuildOptions(site_dir=site, out_dir=root / "cong-thong-tin"))
    assert result.ok, [str(p) for p in result.problems]
    assert (root / "cong-thong-tin/Pages/chi-tiet.aspx/dia-chi-cu-1.json").is_file()
    with serving(root) as base:
        yield base + "/cong-thong-tin"


@pytest.mark.parametrize("asked, lands_on", [
    ("/Pages/chi-tiet.aspx?ItemID=7", "Bài số 0"),
    ("/Pages/chi-tiet.aspx/?itemid=205&utm_source=zalo", "Bài số 2"),  # names in any case, more names
    ("/Pages/chi-tiet.aspx?ITEMID=150", "Bài số 1"),
    ("/index.php?id=5&Itemid=101&view=article&option=com_content", "Bài số 1"),  # Joomla's, in any order
    ("/index.php?option=com_content&amp;view=article&amp;id=5", "Bài số 1"),  # copied out of HTML
    ("/index.php?option=com_content&view=article&id=6", "Bài số 2"),  # the alias's Itemid=45 is not needed
    ("/index.php?option=com_content&view=article&id=6&Itemid=101", "Bài số 2"),  # nor another menu item's
    ("/tin.aspx?tieu-de=T%E1%BA%BFt+B%C3%ADnh+Ng%E1%BB%8D", "Bài số 1"),
    ("/tin.aspx?tieu-de=khac", "Bài số 1"),  # unknown: the path's own old address
])
def test_an_old_address_with_a_query_leads_to_its_article(browser, migrated, asked, lands_on):
    context = browser.new_context()
    try:
        page = context.new_page()
        failed = []
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        page.goto(migrated + asked)
        page.wait_for_url("**/tin-hoat-dong/bai-so-*/")
        assert page.locator("h1").inner_text() == lands_on
        assert failed == []
    finally:
        context.close()


def test_an_old_address_it_does_not_know_says_so_and_offers_search(browser, migrated):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(migrated + "/Pages/chi-tiet.aspx?ItemID=999999")
        status = page.locator("[data-dia-chi-cu]")
        status.filter(has_text=NOT_FOUND).wait_for()
        assert page.url.endswith("/cong-thong-tin/Pages/chi-tiet.aspx/?ItemID=999999")
        page.get_by_label("Tìm bài viết trên cổng thông tin").fill("Bài số")
        page.get_by_label("Tìm bài viết trên cổng thông tin").press("Enter")
        page.wait_for_url("**/cong-thong-tin/tim-kiem/?q=*")
    finally:
        context.close()


def test_an_unknown_old_address_of_a_unit_page_does_not_speak_of_an_article(browser, migrated):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(migrated + "/Pages/DonVi.aspx?ID=8")
        page.wait_for_url("**/cong-thong-tin/don-vi/phong-canh-sat-giao-thong/")
        page.goto(migrated + "/Pages/DonVi.aspx?ID=9")
        page.locator("[data-dia-chi-cu]").filter(has_text="Không tìm thấy trang ứng với địa chỉ cũ này").wait_for()
    finally:
        context.close()


@pytest.mark.parametrize("asked, lands_on", [
    ("/Pages/chi-tiet.aspx?ItemID=7", "Bài số 0"),  # a table in JSON files
    ("/index.php?id=5&option=com_content&view=article", "Bài số 1"),  # the page's own table
])
def test_a_host_that_forbids_inline_scripts_still_redirects(browser, migrated, asked, lands_on):
    """Hosts of government portals often send a Content-Security-Policy without 'unsafe-inline'."""
    with under_policy(browser, "default-src 'self'; script-src 'self'") as (context, blocked):
        page = context.new_page()
        page.goto(migrated + asked)
        page.wait_for_url("**/tin-hoat-dong/bai-so-*/")
        assert page.locator("h1").inner_text() == lands_on
        assert all("dia-chi-cu" not in message for message in blocked)
