from generator.routes import numbered_pages, paginate, paged_url


def test_pagination_links_and_slices():
    pages = list(paginate(tuple(range(5)), 2, "/tin-hoat-dong/"))
    assert [chunk for _, chunk in pages] == [(0, 1), (2, 3), (4,)]
    first, middle, last = (p for p, _ in pages)
    assert (first.prev_url, first.next_url) == (None, "/tin-hoat-dong/trang/2/")
    assert (middle.prev_url, middle.next_url) == ("/tin-hoat-dong/", "/tin-hoat-dong/trang/3/")
    assert (last.prev_url, last.next_url, last.total) == ("/tin-hoat-dong/trang/2/", None, 3)


def test_numbered_pages_show_the_ends_and_the_neighbours_never_a_gap_of_one():
    def numbers(number, total):
        return [n for n, _ in numbered_pages(number, total, "/a/")]
    assert numbers(1, 1) == [1]
    assert numbers(50, 104) == [1, 0, 49, 50, 51, 0, 104]
    assert numbers(1, 104) == [1, 2, 0, 104] and numbers(104, 104) == [1, 0, 103, 104]
    assert numbers(3, 5) == [1, 2, 3, 4, 5]  # 1 … 2 would be no shorter
    assert numbers(4, 7) == [1, 2, 3, 4, 5, 6, 7]
    assert dict(numbered_pages(3, 9, "/a/"))[9] == "/a/trang/9/"
    assert all(len(numbered_pages(n, 500, "/a/")) <= 7 for n in range(1, 501))


def test_an_empty_list_still_has_one_page():
    pages = list(paginate((), 20, "/don-vi/x/"))
    assert len(pages) == 1 and pages[0][0].total == 1 and pages[0][1] == ()


def test_paged_url():
    assert paged_url("/a/", 1) == "/a/" and paged_url("/a/", 3) == "/a/trang/3/"


def test_search_filter_lists_count_articles_per_name_in_vietnamese_order():
    from datetime import datetime, timezone

    from generator.config import parse_config
    from generator.model import Article
    from generator.routes import articles_by_term, filter_pages, search_filters

    config, problems = parse_config({
        "title": "t", "base_url": "https://x.vn/",
        "categories": {"tin": {"name": "Tin hoạt động"}, "trong": {"name": "Chưa có bài"}},
        "units": {"doi": {"name": "Đội Cảnh sát"}, "an": {"name": "An ninh"}, "dan": {"name": "Dân vận"},
                  "an-2": {"name": "An ninh"}},  # another unit of the same name: one value to the index
        "campaigns": {"ca": {"name": "Cải cách"}, "cb": {"name": "Cả nước"}},
    })
    assert problems == []

    def article(n: int, unit: str, campaigns: tuple[str, ...] = ()) -> Article:
        return Article(source=f"content/{n}.md", title=f"Bài {n}", date=datetime(2026, 1, n, tzinfo=timezone.utc),
                       has_time=False, units=(unit,), category="tin", campaigns=campaigns, slug=f"bai-{n}",
                       url=f"/tin/bai-{n}/")
    articles = [article(1, "doi", ("ca", "cb")), article(2, "an"), article(3, "an-2", ("cb",)), article(4, "dan")]
    lists = search_filters(config, articles_by_term(articles))
    assert lists["unit"] == (("An ninh", 2), ("Dân vận", 1), ("Đội Cảnh sát", 1))
    assert lists["category"] == (("Tin hoạt động", 4),)  # a category without articles is not offered
    assert lists["campaign"] == (("Cả nước", 2), ("Cải cách", 1))
    pages = filter_pages(config, articles_by_term(articles))
    # "An ninh" names two units: no one page lists what the filter finds.
    assert dict(pages["unit"]) == {"Dân vận": "/don-vi/dan/", "Đội Cảnh sát": "/don-vi/doi/"}
    assert dict(pages["category"]) == {"Tin hoạt động": "/tin/"}
    assert dict(pages["campaign"]) == {"Cả nước": "/phong-trao/cb/", "Cải cách": "/phong-trao/ca/"}


def test_a_name_two_units_share_is_refused_in_front_matter_with_the_keys_to_choose_from():
    """Each district has its "Đội Cảnh sát giao thông": site.toml may declare both, and an
    article must then give the key of the one it means; the key itself always works."""
    from generator.config import parse_config
    from generator.terms import match_term, unknown_term
    config, problems = parse_config({
        "title": "t", "base_url": "https://x.vn/", "categories": {"tin": {"name": "Tin"}},
        "units": {"doi-a": {"name": "Đội Cảnh sát giao thông"}, "doi-b": {"name": "Đội Cảnh sát giao thông"},
                  "an": {"name": "An ninh"}}})
    assert problems == []
    assert match_term(config.units, "Đội cảnh sát giao thông") is None
    assert unknown_term(config.units, "unit", "Đội cảnh sát giao thông") == (
        "'Đội cảnh sát giao thông' is the name of 2 units (doi-a, doi-b); write the key of the one you mean")
    assert match_term(config.units, "doi-b") == "doi-b" and match_term(config.units, "an ninh") == "an"
