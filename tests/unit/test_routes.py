from generator.routes import paginate, paged_url


def test_pagination_links_and_slices():
    pages = list(paginate(tuple(range(5)), 2, "/tin-hoat-dong/"))
    assert [chunk for _, chunk in pages] == [(0, 1), (2, 3), (4,)]
    first, middle, last = (p for p, _ in pages)
    assert (first.prev_url, first.next_url) == (None, "/tin-hoat-dong/trang/2/")
    assert (middle.prev_url, middle.next_url) == ("/tin-hoat-dong/", "/tin-hoat-dong/trang/3/")
    assert (last.prev_url, last.next_url, last.total) == ("/tin-hoat-dong/trang/2/", None, 3)


def test_an_empty_list_still_has_one_page():
    pages = list(paginate((), 20, "/don-vi/x/"))
    assert len(pages) == 1 and pages[0][0].total == 1 and pages[0][1] == ()


def test_paged_url():
    assert paged_url("/a/", 1) == "/a/" and paged_url("/a/", 3) == "/a/trang/3/"
