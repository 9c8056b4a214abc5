"""What an editor writes under 'related:' names one article, however it was copied."""
from __future__ import annotations

import pytest

from generator.picked_related import read

SOURCE = "content/tin-hoat-dong/khoi-to.md"


def targets(value, base_url="https://congan.example.vn/"):
    failures = []
    found = read(value, SOURCE, base_url, failures.append)
    assert not failures
    return found


@pytest.mark.parametrize("written", [
    "vu-an/index.md", "vu-an/", "vu-an", "../tin-hoat-dong/vu-an/index.md", "content/tin-hoat-dong/vu-an/index.md",
    "vu-an\\index.md",
])
def test_a_file_or_folder_is_read_as_a_link_to_it_is(written):
    assert targets([written]) == ("content/tin-hoat-dong/vu-an/index.md",)


@pytest.mark.parametrize("written", [
    "https://congan.example.vn/congan/tin-hoat-dong/vu-an/",  # the address bar
    "/congan/tin-hoat-dong/vu-an/",  # the path of that address
    "/tin-hoat-dong/vu-an/",  # the page's path on the site
    "/congan/tin-hoat-dong/vu-an",
])
def test_an_address_of_a_portal_under_a_sub_path_is_the_page_s_url(written):
    assert targets([written], "https://congan.example.vn/congan/") == ("/tin-hoat-dong/vu-an/",)


@pytest.mark.parametrize("written", [
    "https://congan.example.vn/t%E1%BB%89nh-th%E1%BB%AD/tin-hoat-dong/vu-an/",  # the address bar, copied
    "https://congan.example.vn/tỉnh-thử/tin-hoat-dong/vu-an/",  # … as the address bar shows it
    "/tỉnh-thử/tin-hoat-dong/vu-an/",
])
def test_an_address_of_a_portal_under_a_vietnamese_sub_path_is_the_page_s_url(written):
    """base_url's path is kept %-encoded (…/t%E1%BB%89nh-th%E1%BB%AD/), the address's is read
    unquoted: the sub-path was not taken off, and the article was an unknown-related error."""
    assert targets([written], "https://congan.example.vn/t%E1%BB%89nh-th%E1%BB%AD/") == ("/tin-hoat-dong/vu-an/",)


@pytest.mark.parametrize("written", [
    "https://congan.hungyen.example.vn/tin-hoat-dong/vu-an/",  # the portal's host before base_url moved
    "https://hungyen.example.vn/congan/tin-hoat-dong/vu-an/",  # the live portal, seen from a staging build
    "https://thu-nghiem.example.vn/congan/tin-hoat-dong/vu-an",
    "//congan.hungyen.example.vn/tin-hoat-dong/vu-an/#binh-luan",
])
def test_an_address_on_another_host_is_read_by_its_path(written):
    assert targets([written], "https://thu-nghiem.example.vn/congan/") == ("/tin-hoat-dong/vu-an/",)
    assert targets([written], "https://thu-nghiem.example.vn/") == (
        ("/congan/tin-hoat-dong/vu-an/",) if "/congan/" in written else ("/tin-hoat-dong/vu-an/",))


def test_an_address_that_is_no_web_page_is_kept_to_be_reported():
    assert targets("mailto:banbientap@congan.example.vn") == ("mailto:banbientap@congan.example.vn",)


def test_an_old_address_with_a_query_is_read_as_its_alias_is():
    assert targets(["/Pages/chi-tiet.aspx?ItemID=12"]) == ("/Pages/chi-tiet.aspx/?itemid=12",)
