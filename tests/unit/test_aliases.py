import json
import string
from dataclasses import replace
from urllib.parse import quote

from generator.aliases import (_QUERY_SAFE, find_alias_collisions, normalize_alias, plan_alias_pages, query_shard,
                               query_tables, read_aliases)
from generator.config import parse_config
from generator.model import SourceFile, frozen_map
from tests.unit.test_images import make_article


def _sources(lines: dict[str, int]) -> dict[str, SourceFile]:
    """Source files whose 'aliases' key stands on these lines (their articles hold the aliases)."""
    return {path: SourceFile(path, frozen_map(), frozen_map({"aliases": line}), "", 1, None) for path, line in lines.items()}


def test_old_urls_become_site_paths():
    assert normalize_alias("/tin-tuc/bai-cu.html") == "/tin-tuc/bai-cu.html"
    assert normalize_alias("https://cu.congan.example.vn/tin/123") == "/tin/123/"
    assert normalize_alias("tin/a/") == "/tin/a/"
    assert normalize_alias("/tin/%C4%91ua.html") == "/tin/đua.html"
    assert normalize_alias("/tin/bai-cu/index.html") == "/tin/bai-cu/"  # the same file as /tin/bai-cu/


def test_unusable_aliases_are_refused():
    # A browser never asks for a \ (it sends /); names past the file system's limits cannot be written.
    for bad in ("/x?id=1&ID=2", "/x?&", "/x?=5", "/?p=12", "/index.html?p=1", "/a#b", "/x?id=1#b", "/", "/../etc/passwd", "ftp://host/a", "\\tin\\a.html", "/index.html",
                "/a\x00b.html", "/" + "a" * 201 + ".html", "/a" * 600):
        assert normalize_alias(bad) is None, bad


def test_read_aliases_reports_each_bad_item_and_drops_duplicates():
    told = []
    found = read_aliases(["/a.html", "/a.html", 7, "/b"], lambda message, item=None: told.append((item, message)))
    assert found == ("/a.html", "/b/")
    assert len(told) == 1 and told[0][0] == 2 and "'7'" in told[0][1]  # the item, for its line
    assert read_aliases("/one.html", told.append) == ("/one.html",)
    read_aliases({"a": 1}, lambda message, item=None: told.append((item, message)))
    assert told[-1] == (None, "'aliases' must be a list of old URLs, e.g. [/tin-tuc/123.html]")


def test_an_alias_may_not_take_a_page_or_file_the_portal_writes_itself():
    config, _ = parse_config({"title": "t", "base_url": "https://x.vn/", "categories": {"tin": {"name": "Tin"}}})
    taken = ["/tin/trang/2/", "/tin/atom.xml", "/images/anh-1a2b-800.jpg", "/pagefind-03/x.pf_meta", "/tin/",
             "/luu-tru/2026/", "/don-vi/x/atom.xml",
             # (the root's own files, written in an alias as "/atom.xml", are kept as folders of their name)
             normalize_alias("/atom.xml"), normalize_alias("https://x.vn/sitemap.xml"), normalize_alias("/robots.txt"),
             normalize_alias("/sitemap-2.xml"), "/404.html"]
    free = ["/tin/bai-cu.html", "/tin-tuc/trang/2/", "/anh/x.jpg"]
    article = make_article(source="content/tin/a.md", aliases=tuple(taken + free))
    problems = find_alias_collisions(config, [article], _sources({"content/tin/a.md": 6}))
    assert [p.message.split()[2] for p in problems] == taken
    assert {(p.location.line, p.code) for p in problems} == {(6, "alias-collision")}


def test_an_old_page_of_a_server_program_becomes_a_folder_every_host_serves_as_a_page():
    """A redirect saved as "chi-tiet.aspx" is sent as a file to download (nginx's default type,
    and the preview's): as a folder, the host answers "/tin/chi-tiet.aspx" with its slash."""
    assert normalize_alias("/Pages/tin-tuc/chi-tiet.aspx") == "/Pages/tin-tuc/chi-tiet.aspx/"
    assert normalize_alias("https://cu.congan.example.vn/index.php") == "/index.php/"
    assert normalize_alias("/tin/bai-cu.HTM") == "/tin/bai-cu.HTM"


def test_an_alias_that_needs_another_s_file_alias_as_its_folder_is_a_collision_at_its_line():
    config, _ = parse_config({"title": "t", "base_url": "https://x.vn/", "categories": {"tin": {"name": "Tin"}}})
    page = make_article(source="content/tin/a.md", aliases=("/x/y.html",))
    folder = make_article(source="content/tin/b.md", aliases=("/x/y.html/",))
    deeper = make_article(source="content/tin/c.md", aliases=("/x/y.html/z.html",))
    problems = find_alias_collisions(config, [page, folder, deeper], _sources({"content/tin/b.md": 5, "content/tin/c.md": 6}))
    assert [(p.location.path, p.location.line, p.code) for p in problems] == [
        ("content/tin/b.md", 5, "alias-collision"), ("content/tin/c.md", 6, "alias-collision")]
    assert problems[0].message == ("the alias /x/y.html/ would make /x/y.html a folder, but /x/y.html is an alias of "
                                   "content/tin/a.md: write both the same way (with or without the final /)")


def test_an_old_address_with_a_query_keeps_it_in_one_written_form():
    """Names in lower case (ASP.NET reads them in any case), sorted, escaped as a browser's script
    escapes them: the redirect page builds the same text from the address asked for."""
    assert normalize_alias("/Pages/tin-tuc/chi-tiet.aspx?ItemID=1024") == "/Pages/tin-tuc/chi-tiet.aspx/?itemid=1024"
    assert (normalize_alias("https://cu.congan.example.vn/index.php?option=com_content&view=article&id=5")
            == "/index.php/?id=5&option=com_content&view=article")
    assert normalize_alias("/tin.html?Id=3") == "/tin.html?id=3"  # a page file keeps its name
    assert normalize_alias("/tin/index.html?id=3") == "/tin/?id=3"
    assert normalize_alias("/tin?q=Tết+Bính Ngọ") == "/tin/?q=T%E1%BA%BFt%20B%C3%ADnh%20Ng%E1%BB%8D"
    assert normalize_alias("/tin?q=%C4%91%C6%B0%E1%BB%9Dng") == "/tin/?q=%C4%91%C6%B0%E1%BB%9Dng"
    assert normalize_alias("/tin?print") == "/tin/?print="
    # Copied out of a page's HTML, as old e-mails and forums hold them.
    assert normalize_alias("/index.php?option=com_content&amp;id=5") == "/index.php/?id=5&option=com_content"


def test_an_old_address_keeps_no_name_the_old_portal_did_not_need_to_find_its_page():
    """Joomla's Itemid (the menu item a reader came from: the same article has several) beside the
    option and id that name the article, and a share's tracking names: written in an alias, each was
    asked of every reader, and the article's other old links led to "no article answers this address"."""
    joomla = "/index.php/?id=1001&option=com_content&view=article"
    assert normalize_alias("/index.php?option=com_content&view=article&id=1001&Itemid=45") == joomla
    assert normalize_alias("http://cu.example.vn/index.php?option=com_content&view=article&id=1001&itemid=101") == joomla
    assert normalize_alias("/tin.aspx?ID=7&utm_source=zalo&fbclid=IwAR1&zarsrc=30") == "/tin.aspx/?id=7"
    # SharePoint's ItemID names the article, and so does a menu item alone.
    assert normalize_alias("/Pages/chi-tiet.aspx?ItemID=1024") == "/Pages/chi-tiet.aspx/?itemid=1024"
    assert normalize_alias("/index.php?Itemid=12") == "/index.php/?itemid=12"
    assert normalize_alias("/index.php?option=com_content&view=category&Itemid=12") == \
        "/index.php/?itemid=12&option=com_content&view=category"


def test_a_query_is_escaped_as_encodeURIComponent_escapes_it():
    # ECMAScript: encodeURIComponent leaves letters, digits and - _ . ! ~ * ' ( ) as they are.
    unescaped = set(string.ascii_letters + string.digits + "-_.!~*'()")
    for char in map(chr, range(32, 127)):
        assert (quote(char, safe=_QUERY_SAFE) == char) == (char in unescaped), char
    assert quote("đ", safe=_QUERY_SAFE) == "%C4%91"  # UTF-8, upper-case hex, as the browser's


def test_a_query_address_that_cannot_be_kept_says_why():
    messages = []
    read_aliases(["/tin?id=1&ID=2", "/?p=12", "https://cu.congan.example.vn/?p=12"],
                 lambda message, item: messages.append(message))
    assert messages == [
        "'/tin?id=1&ID=2' has a query that is empty, or names a value twice or not at all: write each name=value once",
        "'/?p=12' is the home page with a query: the home page is the portal's own and cannot redirect by it; "
        "list the old address of the article's own page instead",
        "'https://cu.congan.example.vn/?p=12' is the home page with a query: the home page is the portal's own and "
        "cannot redirect by it; list the old address of the article's own page instead"]


def test_the_shard_of_a_query_is_fnv_1a_as_the_page_script_computes_it():
    # Published test vectors of 32-bit FNV-1a.
    assert query_shard("a", 2 ** 32) == 0xE40C292C
    assert query_shard("foobar", 2 ** 32) == 0xBF9CF968


def _article(source: str, url: str, aliases: tuple, title: str = "Bài"):
    return replace(make_article(source=source, aliases=aliases), url=url, title=title)


def test_the_queries_of_one_path_share_a_page_and_the_path_alone_is_their_fallback():
    first = _article("content/tin/a.md", "/tin/a/", title="A", aliases=("/chi-tiet.aspx/?itemid=1", "/chi-tiet.aspx/?itemid=2", "/cu.html"))
    second = _article("content/tin/b.md", "/tin/b/", title="B", aliases=("/chi-tiet.aspx/?itemid=3", "/chi-tiet.aspx/", "/index.php/?id=7&option=x"))
    pages = {page.url: page for page in plan_alias_pages([first, second])}
    assert {url: page.kind for url, page in pages.items()} == {
        "/cu.html": "alias", "/chi-tiet.aspx/": "query-alias", "/index.php/": "query-alias"}
    page = pages["/chi-tiet.aspx/"]
    assert dict(page.extra["targets"]) == {"itemid=1": "/tin/a/", "itemid=2": "/tin/a/", "itemid=3": "/tin/b/"}
    assert page.extra["fallback"] == ("/tin/b/", "B") and page.extra["names"] == (("itemid",),)
    assert pages["/index.php/"].extra["fallback"] is None and pages["/index.php/"].extra["names"] == (("id", "option"),)
    assert query_tables(pages.values()) == {}  # small tables are in their pages


def test_past_one_table_the_queries_are_split_into_json_files_by_their_shard():
    articles = [_article(f"content/tin/{n}.md", f"/tin/{n}/", aliases=tuple(f"/chi-tiet.aspx/?itemid={n * 100 + i}" for i in range(100)))
                for n in range(3)]
    [page] = plan_alias_pages(articles)
    assert page.extra["shards"] == 2 and page.extra["shard_prefix"] == "/chi-tiet.aspx/dia-chi-cu-"
    files = query_tables([page])
    assert sorted(files) == ["chi-tiet.aspx/dia-chi-cu-0.json", "chi-tiet.aspx/dia-chi-cu-1.json"]
    tables = [json.loads(files[f"chi-tiet.aspx/dia-chi-cu-{n}.json"]) for n in range(2)]
    assert sum(len(t) for t in tables) == 300 and all(len(t) > 100 for t in tables)
    assert tables[query_shard("itemid=205", 2)]["itemid=205"] == "/tin/2/"


def test_a_query_address_may_not_take_a_page_nor_another_s_query():
    config, _ = parse_config({"title": "t", "base_url": "https://x.vn/", "categories": {"tin": {"name": "Tin"}}})
    first = make_article(source="content/tin/a.md", aliases=("/tin/?id=5", "/cu.aspx/?id=1"))
    second = _article("content/tin/b.md", "/tin/b/", aliases=("/cu.aspx/?id=1", "/cu.aspx/?id=2"))
    problems = find_alias_collisions(config, [first, second], _sources({"content/tin/a.md": 6, "content/tin/b.md": 7}))
    assert [p.message for p in problems] == [
        "the alias /tin/?id=5 would replace the category 'tin'; remove it",
        "the alias /cu.aspx/?id=1 is also an alias of content/tin/a.md; keep it in one article",
        "the alias /cu.aspx/?id=1 is also an alias of content/tin/b.md; keep it in one article"]  # (told at both)
