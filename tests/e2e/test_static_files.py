"""static/: files a portal needs at its root exactly as they are (a search engine's
verification file, /.well-known/security.txt, /favicon.ico) are published there, follow
edits like everything else, and never overwrite what the build makes itself."""
from __future__ import annotations

from generator.checker import check_site
from generator.pipeline import BuildOptions, build
from tests.conftest import article, clean_tree, numbered_articles, tree

FILES = {
    "static/google1a2b3c.html": "google-site-verification: google1a2b3c.html\n",
    "static/.well-known/security.txt": "Contact: mailto:antoanthongtin@congan.example.vn\n",
    "static/favicon.ico": b"\x00\x00\x01\x00\x01\x00\x10\x10",
    "static/xac-minh/BingSiteAuth.xml": "<users><user>ABC</user></users>\n",
    "static/.ghi-chu-rieng.txt": "không xuất bản\n",
    "static/xac-minh/.DS_Store": b"\x00",
    # Given to the web server on purpose (it was dropped without a word): Apache's own, never served
    "static/.htaccess": "ErrorDocument 404 /404.html\n",
    "static/.nojekyll": "",
    "static/xac-minh/.htaccess": "Require all denied\n",  # (only the site root's: left out elsewhere)
}
PUBLISHED_HIDDEN = (".well-known/", ".htaccess", ".nojekyll")


def test_static_files_are_published_at_the_root_as_they_are(make_site, tmp_path):
    site = make_site({**numbered_articles(3), **FILES})
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    for rel, data in FILES.items():
        published = out / rel.removeprefix("static/")
        if "/." in "/" + rel.removeprefix("static/") and not rel.removeprefix("static/").startswith(PUBLISHED_HIDDEN):
            assert not published.exists(), rel  # hidden files stay private
        else:
            assert published.read_bytes() == (data if isinstance(data, bytes) else data.encode("utf-8")), rel
    assert (out / "tin-hoat-dong/bai-so-1/index.html").is_file()


def test_a_static_file_edited_added_or_deleted_is_followed_without_rendering_pages(make_site, tmp_path):
    site = make_site({**numbered_articles(3), **FILES})
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    edits = [
        lambda: (site / "static/.well-known/security.txt").write_text("Contact: tel:+84-221-3862-124\n",
                                                                      encoding="utf-8"),
        lambda: (site / "static/ads.txt").write_text("placeholder.example, pub-0, DIRECT\n", encoding="utf-8"),
        lambda: (site / "static/google1a2b3c.html").unlink(),
    ]
    for step, edit in enumerate(edits):
        edit()
        result = build(BuildOptions(site_dir=site, out_dir=out))
        assert result.ok and result.rendered == 0, step
        assert tree(out) == clean_tree(site, tmp_path / f"clean-{step}"), step
    assert (out / ".well-known/security.txt").read_text(encoding="utf-8") == "Contact: tel:+84-221-3862-124\n"
    assert (out / "ads.txt").is_file() and not (out / "google1a2b3c.html").exists()


def test_a_static_file_never_overwrites_what_the_build_makes(make_site, tmp_path):
    site = make_site({**numbered_articles(3),
                      "content/tin-hoat-dong/co-tep/index.md": article("Bài có tệp"),
                      "content/tin-hoat-dong/co-tep/bien-ban.txt": "biên bản\n",
                      "static/sitemap.xml": "<urlset/>\n",
                      "static/tin-hoat-dong/bai-so-1/index.html": "<h1>giả</h1>\n",
                      "static/tin-hoat-dong/bai-co-tep/bien-ban.txt": "biên bản giả\n",
                      "static/assets/css/style.css": "body{}\n",
                      "static/pagefind/pagefind.js": "//\n",
                      "static/images/logo.png": b"\x89PNG"})
    out = tmp_path / "out"
    result = build(BuildOptions(site_dir=site, out_dir=out))
    assert not result.ok and not out.exists()
    found = {(p.location.path, p.code) for p in result.problems}
    assert found == {("static/sitemap.xml", "duplicate-output"),
                     ("static/tin-hoat-dong/bai-so-1/index.html", "duplicate-output"),
                     ("static/tin-hoat-dong/bai-co-tep/bien-ban.txt", "duplicate-output"),
                     ("static/assets/css/style.css", "static-reserved"),
                     ("static/pagefind/pagefind.js", "static-reserved"),
                     ("static/images/logo.png", "static-reserved")}
    # `check` plans the copied files and the pages as the build does, and says the same.
    assert {(p.location.path, p.code) for p in check_site(site).problems} == found


def test_a_static_robots_txt_is_the_sites_own_with_the_sitemap_line_and_none_in_a_noindex_copy(make_site, tmp_path):
    """The way to keep a folder from crawlers: static/robots.txt was a duplicate-output error, and
    layouts/robots.txt was read by no one (the build said it changed and published its own)."""
    own = "User-agent: *\r\nDisallow: /tai-lieu-noi-bo/\r\n\nUser-agent: BadBot\nDisallow: /\n"
    site = make_site({**numbered_articles(3), "static/robots.txt": own})
    out = tmp_path / "out"
    assert check_site(site).problems == ()
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    assert (out / "robots.txt").read_text(encoding="utf-8") == (
        "User-agent: *\nDisallow: /tai-lieu-noi-bo/\n\nUser-agent: BadBot\nDisallow: /\n\n"
        "Sitemap: https://congan.example.vn/sitemap.xml\n")
    (site / "static/robots.txt").write_text(own + "Sitemap: https://congan.example.vn/sitemap.xml\n", encoding="utf-8")
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    assert (out / "robots.txt").read_text(encoding="utf-8").count("Sitemap:") == 1
    assert build(BuildOptions(site_dir=site, out_dir=out, noindex=True)).ok  # a staging copy: no crawler at all
    assert (out / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /\n"


def test_what_an_editors_tools_leave_beside_the_files_is_never_published(make_site, tmp_path):
    """Explorer's Thumbs.db (thumbnails of the folder's photos, published ones or not),
    desktop.ini, an editor's swap and backup files: not published from static/, assets/ or an
    article's folder, and no warning about them (a warning fails a --strict build)."""
    junk = {
        "static/Thumbs.db": b"\xd0\xcf\x11\xe0 thumbnails",
        "static/xac-minh/desktop.ini": "[.ShellClassInfo]\n",
        "static/ads.txt~": "bản cũ\n",
        "assets/css/Thumbs.db": b"\xd0\xcf\x11\xe0",
        "content/tin-hoat-dong/bai-co-tep/index.md.swp": b"b0VIM 9.0",
        "content/tin-hoat-dong/bai-co-tep/ke-hoach.pdf.part": b"%PDF-1.7 half",
        "content/tin-hoat-dong/bai-so-1.md~": "bản lưu dự phòng\n",
    }
    site = make_site({**numbered_articles(3), **FILES, **junk,
                      "content/tin-hoat-dong/bai-co-tep/index.md": article("Bài có tệp đính kèm"),
                      "content/tin-hoat-dong/bai-co-tep/ke-hoach.pdf": b"%PDF-1.7 whole"})
    out = tmp_path / "out"
    result = build(BuildOptions(site_dir=site, out_dir=out, strict=True))
    assert result.ok, [str(p) for p in result.problems]
    assert not result.problems
    published = {path.name for path in out.rglob("*") if path.is_file()}
    assert not published & {"Thumbs.db", "desktop.ini", "ads.txt~", "index.md.swp", "ke-hoach.pdf.part"}
    assert [path.read_bytes() for path in out.rglob("ke-hoach.pdf")] == [b"%PDF-1.7 whole"]
    assert (out / "xac-minh/BingSiteAuth.xml").is_file()  # the real files beside them still are


def test_a_merge_conflict_left_in_a_stylesheet_or_script_stops_the_build_at_its_lines(make_site, tmp_path):
    """Two designers changed the same rule on two branches: the stylesheet and the script went out
    with git's markers in them (a browser drops the rules around them, and runs none of a script
    holding them: search and sharing stopped), exit 0, --strict passing."""
    site = make_site({**numbered_articles(2),
                      "assets/css/rieng.css": ".a{color:red}\n<<<<<<< HEAD\n.b{color:#a00}\n=======\n.b{color:#b00}\n"
                                              ">>>>>>> doi-mau\n.c{color:blue}\n",
                      "static/js/dem.js": "var x = 1;\n=======\nvar x = 2;\n>>>>>>> sua-js\n",
                      "static/ghi-chu.txt": ">>>>>>> không phải mã\n"})  # (text no browser runs: left alone)
    out = tmp_path / "out"
    result = build(BuildOptions(site_dir=site, out_dir=out))
    assert [str(p) for p in result.problems] == [
        "assets/css/rieng.css:2: error[merge-conflict]: git left a merge conflict here (lines 2–6): keep the version "
        "wanted and delete the lines '<<<<<<<', '=======' and '>>>>>>>'",
        "static/js/dem.js:2: error[merge-conflict]: git's merge-conflict lines are left here (lines 2–4: '=======', "
        "'>>>>>>> sua-js'), from a conflict resolved only in part: check that the version kept is the one wanted and "
        "delete these lines"]
    assert not result.ok and not out.exists()
    assert [str(p) for p in check_site(site).problems] == [str(p) for p in result.problems]


def test_a_static_file_or_folder_named_as_windows_names_a_device_is_told_as_in_content(make_site, tmp_path):
    """static/con.txt or static/aux/…: Git for Windows cannot check it out, and an editor's
    preview on Windows fails; it was published without a word. A device-name warning at each,
    once a folder, as a file of content/ is; the file is still published."""
    site = make_site({**numbered_articles(1), "static/con.txt": "x\n", "static/Aux/a.txt": "a\n", "static/Aux/b.txt": "b\n",
                      "static/xac-minh/NUL .html": "n\n", "static/console.txt": "c\n", "static/.well-known/com1.txt": "1\n"})
    out = tmp_path / "out"
    result = build(BuildOptions(site_dir=site, out_dir=out))
    assert result.ok
    assert [(p.location.path, p.code, p.message.split(":")[0], p.message.split("(e.g. ")[1]) for p in result.problems] == [
        ("static/.well-known/com1.txt", "device-name", "'com1.txt' is a name Windows keeps for a device", "'com1-1.txt')"),
        ("static/Aux", "device-name", "'Aux' is a name Windows keeps for a device", "'Aux-1')"),
        ("static/con.txt", "device-name", "'con.txt' is a name Windows keeps for a device", "'con-1.txt')"),
        ("static/xac-minh/NUL .html", "device-name", "'NUL .html' is a name Windows keeps for a device", "'NUL-1.html')")]
    assert (out / "con.txt").read_text() == "x\n" and (out / "console.txt").exists()


def test_a_file_or_folder_of_the_sites_assets_named_as_windows_names_a_device_is_told(make_site, tmp_path):
    """assets/aux.js or assets/con/…: Git for Windows cannot check it out either, and it was
    published without a word, where the same file in static/ or content/ is told."""
    site = make_site({**numbered_articles(1), "assets/aux.js": "x;\n", "assets/Con/a.svg": "<svg/>\n",
                      "assets/Con/b.svg": "<svg/>\n", "assets/console.css": "p{}\n"})
    out = tmp_path / "out"
    result = build(BuildOptions(site_dir=site, out_dir=out))
    assert result.ok
    assert [(p.location.path, p.code, p.message.split("(e.g. ")[1]) for p in result.problems] == [
        ("assets/Con", "device-name", "'Con-1')"), ("assets/aux.js", "device-name", "'aux-1.js')")]
    assert (out / "assets/aux.js").exists() and (out / "assets/console.css").exists()
