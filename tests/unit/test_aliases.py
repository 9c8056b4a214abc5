from generator.aliases import normalize_alias, read_aliases


def test_old_urls_become_site_paths():
    assert normalize_alias("/tin-tuc/bai-cu.html") == "/tin-tuc/bai-cu.html"
    assert normalize_alias("https://cu.congan.example.vn/tin/123") == "/tin/123/"
    assert normalize_alias("tin/a/") == "/tin/a/"
    assert normalize_alias("/tin/%C4%91ua.html") == "/tin/đua.html"


def test_unusable_aliases_are_refused():
    for bad in ("/x?id=1", "/a#b", "/", "/../etc/passwd", "ftp://host/a"):
        assert normalize_alias(bad) is None, bad


def test_read_aliases_reports_each_bad_item_and_drops_duplicates():
    messages = []
    found = read_aliases(["/a.html", "/a.html", 7, "/b"], messages.append)
    assert found == ("/a.html", "/b/")
    assert len(messages) == 1 and "'7'" in messages[0]
    assert read_aliases("/one.html", messages.append) == ("/one.html",)
