from generator.aliases import find_alias_collisions, normalize_alias, read_aliases
from generator.config import parse_config
from tests.unit.test_images import make_article


def test_old_urls_become_site_paths():
    assert normalize_alias("/tin-tuc/bai-cu.html") == "/tin-tuc/bai-cu.html"
    assert normalize_alias("https://cu.congan.example.vn/tin/123") == "/tin/123/"
    assert normalize_alias("tin/a/") == "/tin/a/"
    assert normalize_alias("/tin/%C4%91ua.html") == "/tin/đua.html"
    assert normalize_alias("/tin/bai-cu/index.html") == "/tin/bai-cu/"  # the same file as /tin/bai-cu/


def test_unusable_aliases_are_refused():
    # A browser never asks for a \ (it sends /); names past the file system's limits cannot be written.
    for bad in ("/x?id=1", "/a#b", "/", "/../etc/passwd", "ftp://host/a", "\\tin\\a.html", "/index.html",
                "/a\x00b.html", "/" + "a" * 201 + ".html", "/a" * 600):
        assert normalize_alias(bad) is None, bad


def test_read_aliases_reports_each_bad_item_and_drops_duplicates():
    messages = []
    found = read_aliases(["/a.html", "/a.html", 7, "/b"], messages.append)
    assert found == ("/a.html", "/b/")
    assert len(messages) == 1 and "'7'" in messages[0]
    assert read_aliases("/one.html", messages.append) == ("/one.html",)


def test_an_alias_may_not_take_a_page_or_file_the_portal_writes_itself():
    config, _ = parse_config({"title": "t", "base_url": "https://x.vn/", "categories": {"tin": {"name": "Tin"}}})
    taken = ["/tin/trang/2/", "/tin/atom.xml", "/images/anh-1a2b-800.jpg", "/pagefind-03/x.pf_meta", "/tin/",
             "/luu-tru/2026/", "/don-vi/x/atom.xml"]
    free = ["/tin/bai-cu.html", "/tin-tuc/trang/2/", "/anh/x.jpg"]
    article = make_article(source="content/tin/a.md", aliases=tuple(taken + free))
    problems = find_alias_collisions(config, [article], {"content/tin/a.md": 6})
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
    problems = find_alias_collisions(config, [page, folder, deeper], {"content/tin/b.md": 5, "content/tin/c.md": 6})
    assert [(p.location.path, p.location.line, p.code) for p in problems] == [
        ("content/tin/b.md", 5, "alias-collision"), ("content/tin/c.md", 6, "alias-collision")]
    assert problems[0].message == ("the alias /x/y.html/ would make /x/y.html a folder, but /x/y.html is an alias of "
                                   "content/tin/a.md: write both the same way (with or without the final /)")
