"""A mistake in a layout is reported like a content problem, never a traceback."""
from __future__ import annotations

import shutil

import jinja2
from bs4 import BeautifulSoup

from generator.pipeline import BuildOptions, build

from tests.conftest import REPO, article, cli_here, text_of

FILES = {"content/tin-hoat-dong/bai.md": article("Bài viết")}


def test_a_layout_syntax_error_names_the_file_and_line(make_site):
    site = make_site({**FILES, "layouts/article.html": '{% extends "base.html" %}\n{% block main %}\n'
                                                       "{{ page.article.title }\n{% endblock %}\n"})
    done = cli_here("build", "--site", str(site), "--lang", "en")
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == "layouts/article.html:3: error[layout-error]: layout syntax error: unexpected '}'"
    assert "Traceback" not in done.stderr
    assert not (site / "public").exists()


def test_a_tag_never_closed_is_told_at_its_own_line_not_where_jinja_gave_up(make_site):
    """Jinja names the line where it gave up (the {% endblock %} at the end, a screen below), and a
    {% set %} block, an {% if %} closed on its line and a {% set x = … %} before it are no suspects."""
    layout = ('{% extends "base.html" %}\n{% block main %}\n{% set n = 3 %}{% set note %}x{% endset %}\n'
              "{% for a in page.articles %}\n{% if a.draft %}nháp{% endif %}\n"
              "  {% if a.image %}\n  <img src=\"{{ a.image }}\">\n{% endfor %}\n{% endblock %}\n")
    site = make_site({**FILES, "layouts/list.html": layout})
    done = cli_here("build", "--site", str(site), "--lang", "en")
    assert done.stderr.splitlines()[0] == (
        "layouts/list.html:6: error[layout-error]: layout syntax error: {% if %} here is never closed: "
        "Jinja reached {% endfor %} at line 8 still looking for {% endif %}")
    (site / "layouts/list.html").write_text(layout.replace("{% endfor %}\n{% endblock %}\n", "{% endif %}\n"),
                                            encoding="utf-8")
    done = cli_here("check", "--site", str(site))
    assert done.stdout.splitlines()[0] == (
        "layouts/list.html:4: error[layout-error]: tệp giao diện (layout) viết sai cú pháp: thẻ {% for %} ở dòng này "
        "chưa được đóng: tới hết tệp vẫn chưa có {% endfor %}")


def test_a_tag_whose_closing_braces_were_left_out_is_told_at_its_own_line(make_site):
    """`{% endif` or `{{ config.title` left without its %} or }} at the end of a line: Jinja read
    the next line's HTML as part of the tag and named that line ("unexpected '<'"), where
    nothing is wrong. A tag written over two lines on purpose is no suspect."""
    cases = (
        ('<footer>\n{% if config.links %}\n<p>Liên kết</p>\n{% endif\n</footer>\n',
         "layouts/partials/footer.html:4: error[layout-error]: layout syntax error: {% here is never closed with %}: "
         "Jinja read on into line 5 (expected token 'end of statement block', got '<')"),
        ('<footer>\n<p>{{ config.title\n</p>\n</footer>\n',
         "layouts/partials/footer.html:2: error[layout-error]: layout syntax error: {{ here is never closed with }}: "
         "Jinja read on into line 3 (unexpected '/')"),
        ('<footer>\n{% set x = {\n  "a": 1} %}<p>{{ x.a }</p>\n</footer>\n',
         "layouts/partials/footer.html:3: error[layout-error]: layout syntax error: unexpected '}'"),
    )
    for footer, expected in cases:
        site = make_site({**FILES, "layouts/partials/footer.html": footer})
        done = cli_here("build", "--site", str(site), "--lang", "en")
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert done.stderr.splitlines()[0] == expected
    site = make_site({**FILES, "layouts/partials/footer.html": cases[0][0]})
    checked = cli_here("check", "--site", str(site))
    assert [line for line in (checked.stdout + checked.stderr).splitlines() if "error[" in line] == [
        "layouts/partials/footer.html:4: error[layout-error]: tệp giao diện (layout) viết sai cú pháp: thẻ {% ở dòng "
        "này chưa được đóng bằng %}: Jinja đọc tiếp sang dòng 5 (chỗ này cần %} nhưng lại gặp '<')"]


def test_a_tag_left_open_before_a_line_of_tags_is_told_at_its_own_line(make_site):
    """`{% for a in …` or `{% if …` without its %}, the next line a tag of its own ({% include %},
    {{ … }}): Jinja named the next line ("expected token 'end of statement block', got '{'"),
    where nothing is wrong, as it did for a line of HTML."""
    for body in ('{% for link in config.links\n{% include "partials/hotlines.html" %}\n{% endfor %}\n',
                 "{% if config.links\n  {{ config.title }}\n{% endif %}\n"):
        site = make_site({**FILES, "layouts/partials/footer.html": "<footer>\n" + body + "</footer>\n"})
        done = cli_here("build", "--site", str(site), "--lang", "en")
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert done.stderr.splitlines()[0] == (
            "layouts/partials/footer.html:2: error[layout-error]: layout syntax error: {% here is never closed with "
            "%}: Jinja read on into line 3 (expected token 'end of statement block', got '{')")


def test_a_tag_with_white_space_control_whose_closing_was_left_out_is_no_traceback(make_site):
    """`{%- endif` (the - trims the white space before it) left without its %}: build and check
    stopped on a traceback (KeyError: '{%-') instead of naming the line."""
    footer = '<footer>\n{% if config.links %}\n<p>Liên kết</p>\n{%- endif\n</footer>\n'
    site = make_site({**FILES, "layouts/partials/footer.html": footer})
    expected = ("layouts/partials/footer.html:4: error[layout-error]: layout syntax error: {% here is never closed "
                "with %}: Jinja read on into line 5 (expected token 'end of statement block', got '<')")
    for command in ("build", "check"):
        done = cli_here(command, "--site", str(site), "--lang", "en")
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert [line for line in (done.stdout + done.stderr).splitlines() if "error[" in line] == [expected]


def test_a_comment_or_raw_block_never_closed_is_named_at_its_file_and_line(make_site):
    """`{# ghi chú` left open in a partial: build and check said "layouts: error[layout-error]: …
    Missing end of comment tag", naming no file and no line (Jinja's lexer puts the file's path
    where the layout's name goes)."""
    for opened, said in (("{# ghi chú: thay ảnh sau", "Missing end of comment tag"),
                         ("{% raw %}{{ mẫu }}", "Missing end of raw directive")):
        footer = f'<footer class="rieng">\n<p>Chân trang</p>\n{opened}\n</footer>\n'
        site = make_site({**FILES, "layouts/partials/footer.html": footer})
        expected = f"layouts/partials/footer.html:3: error[layout-error]: layout syntax error: {said}"
        done = cli_here("build", "--site", str(site), "--lang", "en")
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert done.stderr.splitlines()[0] == expected
        checked = cli_here("check", "--site", str(site), "--lang", "en")
        assert checked.returncode == 1
        assert [line for line in (checked.stdout + checked.stderr).splitlines() if "error[" in line] == [expected]


def test_a_layout_runtime_error_points_at_the_failing_line(make_site):
    site = make_site({**FILES, "layouts/article.html": '{% extends "base.html" %}\n{% block main %}\n\n'
                                                       "<p>{{ page.article.titel }}</p>\n{% endblock %}\n"})
    done = cli_here("build", "--site", str(site))
    assert done.returncode == 1
    assert done.stderr.startswith("layouts/article.html:4: error[layout-error]: tệp giao diện (layout) gặp lỗi "
                                  "khi dựng trang: 'generator.model.Article object' has no attribute 'titel'")
    # Rendered by worker processes, as every portal past a few hundred pages is: the error
    # crosses to the main process without its traceback, and still names the line.
    parallel = cli_here("build", "--site", str(site), "--lang", "en", "--jobs", "2")
    assert parallel.returncode == 1 and "Traceback" not in parallel.stderr
    assert parallel.stderr.splitlines()[0] == ("layouts/article.html:4: error[layout-error]: layout rendering error: "
                                               "'generator.model.Article object' has no attribute 'titel'; "
                                               "did you mean 'title'?")


def test_a_misspelt_attribute_is_told_with_the_one_meant(make_site):
    """`{{ config.titel }}`, `{{ a.sumary }}`: Jinja names the attribute and our class, and a
    designer had to guess what the object has, as a misspelt filter is told "Did you mean". So
    is a misspelt variable every layout has (`pgae`, `standalone_page`)."""
    for written, told in (("{{ config.titel }}", "'generator.model.SiteConfig object' has no attribute 'titel'; "
                                                 "did you mean 'title'?"),
                          ("{{ page.article.sumary }}", "'generator.model.Article object' has no attribute 'sumary'; "
                                                        "did you mean 'summary'?"),
                          ("{{ page.article.xyz }}", "'generator.model.Article object' has no attribute 'xyz'"),
                          ("{{ standalone_page | length }}", "'standalone_page' is undefined; did you mean "
                                                             "'standalone_pages'?"),
                          ("{{ pgae.title }}", "'pgae' is undefined; did you mean 'page'?")):
        site = make_site({**FILES, "layouts/article.html": '{% extends "base.html" %}\n{% block main %}\n'
                                                           f"<p>{written}</p>\n{{% endblock %}}\n"})
        done = cli_here("build", "--site", str(site), "--lang", "en")
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert done.stderr.splitlines()[0] == f"layouts/article.html:3: error[layout-error]: layout rendering error: {told}"


def test_a_layout_expression_python_rejects_is_a_layout_error_not_a_traceback(make_site):
    """Arithmetic on a text or a division by zero in a layout fails in Python, not in Jinja:
    it used to end the build with a traceback."""
    for expression, said in (("{{ 1 // 0 }}", "integer division or modulo by zero (ZeroDivisionError)"),
                             ("{{ page.title + 1 }}", 'can only concatenate str (not "int") to str (TypeError)')):
        site = make_site({**FILES, "layouts/article.html": '{% extends "base.html" %}\n{% block main %}\n'
                                                           f"<p>{expression}</p>\n{{% endblock %}}\n"})
        for jobs in ("1", "2"):
            done = cli_here("build", "--site", str(site), "--lang", "en", "--jobs", jobs)
            assert done.returncode == 1 and "Traceback" not in done.stderr, (expression, jobs, done.stderr)
            assert done.stderr.splitlines()[0] == f"layouts/article.html:3: error[layout-error]: layout rendering error: {said}"
            assert not (site / "public").exists()


def test_a_layout_that_reaches_itself_again_is_named_with_the_way_out(make_site):
    """An editor overriding base.html who writes {% extends "base.html" %} in it meant the
    theme's: the build names the file and says how, instead of a 1,000-frame traceback."""
    site = make_site({**FILES, "layouts/base.html": '{% extends "base.html" %}\n'})
    done = cli_here("build", "--site", str(site), "--lang", "en")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[0] == (
        "layouts/base.html:1: error[layout-error]: layout rendering error: this layout reaches itself again "
        "through extends or include, without end; to build on the theme's layout of the same name, write "
        '{% extends "theme/<name>.html" %}')
    (site / "layouts/base.html").unlink()
    (site / "layouts/partials").mkdir()
    (site / "layouts/partials/footer.html").write_text("<footer>\n{% include 'partials/footer.html' %}\n")
    done = cli_here("build", "--site", str(site), "--jobs", "2")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("layouts/partials/footer.html:2: error[layout-error]: tệp giao diện (layout) tự gọi "
                                  "lại chính nó")


def test_a_site_layout_builds_on_the_theme_layout_of_the_same_name(make_site, build_site):
    site = make_site({"content/tin-hoat-dong/bai.md": article(
        "Bài viết", aliases='["/Pages/tin-tuc/chi-tiet.aspx?ItemID=1024"]'), "layouts/base.html": (
        '{% extends "theme/base.html" %}\n'
        '{% block head %}<meta name="ma-don-vi" content="CAT-HY">{{ super() }}{% endblock %}\n')})
    built = build_site(site)
    assert built.result.ok, built.messages
    for url in ("/", "/tin-hoat-dong/", "/tin-hoat-dong/bai-viet/"):
        page = built.page(url)
        assert page.find("meta", attrs={"name": "ma-don-vi"})["content"] == "CAT-HY", url
        assert page.find("footer", class_="site-footer") is not None and page.find("h1") is not None, url
    # The pages whose own layout adds to <head> too (their noindex, search's script) keep the site's
    # tag (a search engine's verification, an analytics script): it was left out of them.
    for url in ("/tim-kiem/", "/404.html", "/Pages/tin-tuc/chi-tiet.aspx/"):  # (the last: old addresses with a query)
        page = built.page(url)
        assert page.head.find("meta", attrs={"name": "ma-don-vi"})["content"] == "CAT-HY", url
        assert page.head.find("meta", attrs={"name": "robots"})["content"] == "noindex", url
        assert page.find("footer", class_="site-footer") is not None and page.find("h1") is not None, url
    (site / "layouts/base.html").write_text('{% extends "theme/base.html" %}\n', encoding="utf-8")
    again = build_site(site)  # the edit reaches every page, as any layout edit does
    assert again.page("/").find("meta", attrs={"name": "ma-don-vi"}) is None


def first_error_in_both_languages(site) -> tuple[str, str]:
    """The first line a failed build prints, in English and in Vietnamese (never a traceback)."""
    lines = []
    for lang in ("en", "vi"):
        done = cli_here("build", "--site", str(site), "--lang", lang)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        lines.append(done.stderr.splitlines()[0])
    return lines[0], lines[1]


def test_a_missing_layout_is_named_where_it_is_included(make_site):
    site = make_site({**FILES, "layouts/partials/meta.html": '{% include "theme/partials/meta.html" %}\n'
                                                             '{% include "partials/quang-cao.html" %}\n'})
    en, vi = first_error_in_both_languages(site)
    assert en == ("layouts/partials/meta.html:2: error[layout-error]: layout rendering error: no layout named "
                  "partials/quang-cao.html, neither in the site's layouts/ nor in the theme")
    assert vi.startswith("layouts/partials/meta.html:2: error[layout-error]: không có tệp giao diện (layout) "
                         "nào tên partials/quang-cao.html")


def test_a_misspelt_layout_name_is_told_with_the_one_meant_by_build_and_check(make_site):
    """`{% extends "themes/home.html" %}` or `{% include "partial/header.html" %}`: the build said no
    layout had that name, and left the designer to find the one she meant."""
    site = make_site({**FILES, "layouts/home.html": '{% extends "themes/home.html" %}\n'})
    en, vi = first_error_in_both_languages(site)
    assert en == ("layouts/home.html:1: error[layout-error]: layout rendering error: no layout named "
                  "themes/home.html, neither in the site's layouts/ nor in the theme; did you mean 'theme/home.html'?")
    assert vi == ("layouts/home.html:1: error[layout-error]: không có tệp giao diện (layout) nào tên themes/home.html, "
                  "cả trong thư mục layouts/ của trang lẫn giao diện mặc định; có phải ý bạn là 'theme/home.html'?")
    checked = cli_here("check", "--site", str(site), "--lang", "en")
    assert [line for line in (checked.stdout + checked.stderr).splitlines() if "error[" in line] == [en]


def _optional_partials(site):
    """Each page's <meta name="quang-cao"> values, by URL path of its file."""
    from bs4 import BeautifulSoup
    found = {}
    for path in sorted((site / "public").rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        found[str(path.relative_to(site / "public"))] = [m["content"] for m in page.find_all("meta", attrs={"name": "quang-cao"})]
    return found


def test_optional_includes_build_and_follow_the_layouts_they_name(make_site, build_site, tmp_path):
    """`ignore missing` and a list of candidates are Jinja's optional includes: a site builds
    without the partial, and a build after it is added shows it on every page (the layout
    analysis notes the absence, so adding the file is a layout change like any other)."""
    site = make_site({**FILES, "layouts/partials/meta.html": (
        '{% include "theme/partials/meta.html" %}\n'
        '{% include "partials/quang-cao.html" ignore missing %}\n'
        '{% include ["partials/bieu-ngu.html", "partials/mac-dinh.html"] %}\n'),
        "layouts/partials/mac-dinh.html": '<meta name="quang-cao" content="mặc định">\n',
        # the footer is rendered with include_cached: what it reads is worked out through the missing one
        "layouts/partials/footer.html": '<footer>{% include "partials/chan-trang.html" ignore missing %}</footer>\n'})
    first = build_site(site)
    assert first.result.ok, first.messages
    pages = _optional_partials(site)
    assert len(pages) >= 5 and all(values == ["mặc định"] for values in pages.values())
    (site / "layouts/partials/quang-cao.html").write_text('<meta name="quang-cao" content="tùy chọn">\n')
    (site / "layouts/partials/bieu-ngu.html").write_text('<meta name="quang-cao" content="biểu ngữ">\n')
    (site / "layouts/partials/chan-trang.html").write_text("<p>Đường dây nóng {{ config.contact.hotline }}</p>\n")
    again = build_site(site)
    assert again.result.ok and again.result.rendered == again.result.pages
    assert again.page("/").find("footer").get_text().strip() == "Đường dây nóng 0221 3862 124"
    assert all(values == ["tùy chọn", "biểu ngữ"] for values in _optional_partials(site).values())
    clean = build_site(site, tmp_path / "clean", use_cache=False)
    for rel in _optional_partials(site):
        assert (site / "public" / rel).read_bytes() == (clean.out / rel).read_bytes(), rel
    (site / "layouts/partials/bieu-ngu.html").unlink()  # the next candidate again
    third = build_site(site)
    assert third.result.ok and all(values == ["tùy chọn", "mặc định"] for values in _optional_partials(site).values())


def test_files_an_editors_tools_leave_in_layouts_are_not_layouts(make_site, build_site):
    """Finder's .DS_Store, Explorer's Thumbs.db, an editor's swap and backup files: a build
    reads none of them (a binary one used to end the build in a traceback) and changing them
    re-renders nothing."""
    site = make_site({**FILES, "layouts/partials/footer.html": "<footer>Chân trang của tỉnh</footer>\n"})
    first = build_site(site)
    assert first.result.ok, first.messages
    junk = {"layouts/.DS_Store": b"\x00\x00\x00\x01Bud1\xff\xfe", "layouts/partials/.DS_Store": b"\xff\xd8\xff",
            "layouts/partials/Thumbs.db": b"\xd0\xcf\x11\xe0\xff", "layouts/partials/.footer.html.swp": b"b0VIM \xff",
            "layouts/partials/footer.html~": "<footer>{% bản cũ, hỏng %}\n".encode("utf-8")}
    for rel, data in junk.items():
        (site / rel).write_bytes(data)
    again = build_site(site)
    assert again.result.ok, again.messages
    assert again.result.rendered == 0
    assert "Chân trang của tỉnh" in again.page("/").find("footer").get_text()


def test_a_file_in_layouts_that_is_not_text_is_named(make_site):
    site = make_site({**FILES, "layouts/partials/logo.png": "placeholder"})
    (site / "layouts/partials/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\xff\x00")
    en, vi = first_error_in_both_languages(site)
    assert en == ("layouts/partials/logo.png:1: error[layout-error]: layout rendering error: partials/logo.png is not "
                  "UTF-8 text: layouts/ holds the layouts only (photos and icons go in assets/ or static/)")
    assert vi.startswith("layouts/partials/logo.png:1: error[layout-error]: tệp partials/logo.png không phải "
                         "văn bản UTF-8")
    assert not (site / "public").exists()


def test_a_layout_saved_in_another_encoding_is_told_to_be_saved_as_utf8_at_its_line(make_site):
    """A partial saved by Notepad as "ANSI" (Windows-1258, cp1252): the build said it was not text
    and that photos and icons go in assets/, which it is not; the line of the first letter it
    cannot read and what to do are what the designer needs."""
    site = make_site({**FILES, "layouts/partials/footer.html": "placeholder"})
    (site / "layouts/partials/footer.html").write_bytes(
        "<footer>\n<p>Vì An ninh Tổ quốc</p>\n</footer>\n".encode("cp1252", errors="replace"))
    en, vi = first_error_in_both_languages(site)
    assert en == ("layouts/partials/footer.html:2: error[layout-error]: layout rendering error: partials/footer.html "
                  "is not UTF-8 text: it was saved in another encoding (Notepad's ANSI, Windows-1258); save it again "
                  "as UTF-8")
    assert vi == ("layouts/partials/footer.html:2: error[layout-error]: tệp partials/footer.html không phải văn "
                  "bản UTF-8: tệp được lưu bằng bảng mã khác (ANSI của Notepad, Windows-1258); hãy lưu lại tệp bằng "
                  "UTF-8")


def test_a_layout_saved_as_notepads_unicode_is_read_as_the_text_it_is(make_site):
    """Notepad's "Unicode" (UTF-16 behind its byte order mark), which an article is read from as the
    same text: the build said the partial was not text and that photos and icons go in assets/."""
    site = make_site({**FILES, "layouts/partials/footer.html": "placeholder"})
    (site / "layouts/partials/footer.html").write_bytes(
        '<footer class="rieng">\r\n<p>Vì An ninh Tổ quốc</p>\r\n</footer>\r\n'.encode("utf-16"))
    done = cli_here("build", "--site", str(site), "--lang", "en")
    assert done.returncode == 0, done.stderr
    home = BeautifulSoup((site / "public/index.html").read_text(encoding="utf-8"), "html.parser")
    assert text_of(home.find("footer", class_="rieng")) == "Vì An ninh Tổ quốc"


def test_a_layout_included_that_exists_nowhere_is_named_at_its_line_by_render_workers_too(make_site):
    site = make_site({**FILES, "layouts/article.html": '{% extends "base.html" %}\n{% block main %}\n'
                                                       '{{ include_cached("partials/quang-cao.html", a=page.article) }}\n'
                                                       "{% endblock %}\n"})
    for jobs in ("1", "2"):
        done = cli_here("build", "--site", str(site), "--lang", "en", "--jobs", jobs)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert done.stderr.splitlines()[0] == (
            "layouts/article.html:3: error[layout-error]: layout rendering error: no layout named "
            "partials/quang-cao.html, neither in the site's layouts/ nor in the theme"), jobs


def test_a_layout_saved_empty_stops_the_build_instead_of_publishing_blank_pages(make_site, build_site):
    """A sync tool's 0-byte copy of base.html published every page of the portal blank, exit 0.
    An empty partial is fine: that is how a site removes a part of the theme's pages."""
    site = make_site({**FILES, "layouts/base.html": "", "layouts/partials/footer.html": ""})
    done = cli_here("build", "--site", str(site), "--lang", "en")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[0].startswith(
        "layouts/base.html:1: error[layout-error]: layout rendering error: base.html is empty: every page built on it (")
    assert not (site / "public").exists()
    checked = cli_here("check", "--site", str(site), "--lang", "en")
    assert checked.returncode == 1
    assert [line for line in (checked.stdout + checked.stderr).splitlines() if "error[" in line] == [
        "layouts/base.html:1: error[layout-error]: layout rendering error: base.html is empty: every page built on "
        "it (404.html among them) would be published blank"]
    (site / "layouts/base.html").unlink()
    built = build_site(site)
    assert built.result.ok, built.messages
    assert built.page("/").find("footer", class_="site-footer") is None  # the partial emptied on purpose
    assert built.page("/tin-hoat-dong/bai-viet/").find("h1") is not None


def _stops_build_and_check(site, expected: str) -> None:
    """`build` stops at `expected`, its first line, publishing nothing; `check` tells it alone."""
    done = cli_here("build", "--site", str(site), "--lang", "en")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[0] == expected
    assert not (site / "public").exists()
    checked = cli_here("check", "--site", str(site), "--lang", "en")
    assert checked.returncode == 1
    assert [line for line in (checked.stdout + checked.stderr).splitlines() if "error[" in line] == [expected]


def test_a_merge_conflict_left_in_a_layout_stops_the_build_and_check_at_its_lines(make_site, build_site):
    """Jinja reads git's markers as text: every page would show both versions of the footer."""
    footer = ('<footer class="site-footer">\n<<<<<<< HEAD\n<p>Đường dây nóng: 113</p>\n=======\n'
              "<p>Đường dây nóng: 0221 3862 124</p>\n>>>>>>> doi-so-nong\n</footer>\n")
    site = make_site({**FILES, "layouts/partials/footer.html": footer})
    expected = ("layouts/partials/footer.html:2: error[layout-error]: layout rendering error: git left a merge conflict "
                "here (lines 2–6): keep the version wanted and delete the lines '<<<<<<<', '=======' and '>>>>>>>'")
    _stops_build_and_check(site, expected)
    (site / "layouts/partials/footer.html").write_text(footer.replace("<<<<<<< HEAD\n<p>Đường dây nóng: 113</p>\n=======\n", "")
                                                       .replace(">>>>>>> doi-so-nong\n", ""), encoding="utf-8")
    built = build_site(site)
    assert built.result.ok, built.messages
    assert text_of(built.page("/").find("footer", class_="site-footer")) == "Đường dây nóng: 0221 3862 124"


def test_merge_conflict_lines_left_in_a_layout_stop_the_build_and_check_at_their_line(make_site):
    """A conflict resolved only in part ('<<<<<<< HEAD' and the first version deleted, the
    '=======' and '>>>>>>> branch' lines kept) printed both lines in every page's footer."""
    footer = ('<footer class="site-footer">\n<p>Đường dây nóng: 113</p>\n=======\n'
              "<p>Đường dây nóng: 0221 3862 124</p>\n>>>>>>> doi-so-nong\n</footer>\n")
    site = make_site({**FILES, "layouts/partials/footer.html": footer})
    expected = ("layouts/partials/footer.html:3: error[layout-error]: layout rendering error: git's merge-conflict "
                "lines are left here (lines 3–5: '=======', '>>>>>>> doi-so-nong'), from a conflict resolved only in "
                "part: check that the version kept is the one wanted and delete these lines")
    _stops_build_and_check(site, expected)
    told = cli_here("build", "--site", str(site), "--lang", "vi")
    assert told.stderr.splitlines()[0].startswith(
        "layouts/partials/footer.html:3: error[layout-error]: còn sót dòng đánh dấu xung đột khi gộp (merge) của git "
        "trong tệp giao diện (dòng 3–5: '=======', '>>>>>>> doi-so-nong')")


def test_a_filter_or_test_no_layout_has_is_named_at_its_partial_by_build_and_check(make_site):
    """`| uppercase` in the footer (a partial the theme renders with include_cached) was told at
    "<introspection>:7", and `check` passed it, and `is chuoi` in a layout, which build refused."""
    footer = (REPO / "layouts/partials/footer.html").read_text(encoding="utf-8").split("\n")
    footer[6] += " {{ config.contact.hotline | uppercase }}"
    page = ('{% extends "base.html" %}\n{% block main %}\n{% if page.title is chuoi %}x{% endif %}\n'
            '{{ page.title }}\n{% endblock %}\n')
    site = make_site({**FILES, "layouts/partials/footer.html": "\n".join(footer), "layouts/page.html": page,
                      "content/trang/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\n\nVề chúng tôi.\n"})
    checked = cli_here("check", "--site", str(site), "--lang", "en")
    assert checked.returncode == 1
    assert [line for line in checked.stdout.splitlines() if "layout-error" in line] == [
        "layouts/page.html:3: error[layout-error]: layout syntax error: No test named 'chuoi'.",
        "layouts/partials/footer.html:7: error[layout-error]: layout syntax error: No filter named 'uppercase'. "
        "Did you mean 'upper'?"]
    built = cli_here("build", "--site", str(site), "--lang", "en")
    assert built.returncode == 1 and "<introspection>" not in built.stderr
    assert built.stderr.splitlines()[0].startswith("layouts/")
    assert ("layouts/partials/footer.html:7: error[layout-error]: layout syntax error: No filter named 'uppercase'. "
            "Did you mean 'upper'?") in built.stderr.splitlines() or "layouts/page.html:3" in built.stderr


def test_a_layout_helper_given_the_wrong_thing_says_what_it_takes(make_site):
    """latest_in("cong-an-tinh", 5), unit("cong-an-tin") and "…" | vn_date told Python's words
    ("'str' object has no attribute 'kind' (AttributeError)", "'cong-an-tin' (KeyError)"); and
    a.date | vn_date, the natural use, failed ("… has no attribute 'has_time'")."""
    told = {}
    for written in ('{{ latest_in("cong-an-tinh", 5) }}', '{{ unit("cong-an-tin").name }}', '{{ "hôm nay" | vn_date }}',
                    '<p class="ngay">{{ page.items[0].date | vn_date }}</p>'):
        site = make_site({**FILES, "layouts/home.html": '{% extends "base.html" %}\n{% block main %}\n'
                                                        f'{written}\n{{% endblock %}}\n'})
        done = cli_here("build", "--site", str(site), "--lang", "en")
        told[written] = done.stderr.splitlines()[0] if done.returncode else text_of(
            BeautifulSoup((site / "public/index.html").read_text(encoding="utf-8"), "html.parser").find(class_="ngay"))
    assert told == {
        '{{ latest_in("cong-an-tinh", 5) }}':
            "layouts/home.html:3: error[layout-error]: layout rendering error: latest_in takes a unit, a category or a "
            "campaign, not the text 'cong-an-tinh': write latest_in(unit('cong-an-tinh'), 5) (or category(…), campaign(…))",
        '{{ unit("cong-an-tin").name }}':
            "layouts/home.html:3: error[layout-error]: layout rendering error: unit('cong-an-tin'): site.toml declares "
            "no unit 'cong-an-tin'; did you mean 'cong-an-tinh'?",
        '{{ "hôm nay" | vn_date }}':
            "layouts/home.html:3: error[layout-error]: layout rendering error: vn_date is given the text 'hôm nay': "
            "write a | vn_date for an article a, or a.date | vn_date",
        '<p class="ngay">{{ page.items[0].date | vn_date }}</p>': "Thứ Tư, 21/01/2026 09:30"}


def test_the_filters_check_knows_are_the_ones_a_build_has(make_site):
    from generator.config import load_config
    from generator.model import Site
    from generator.render import DEFAULT_LAYOUTS, LAYOUT_FILTERS, Renderer

    config, _ = load_config(make_site(FILES))
    added = set(Renderer(Site(config=config, articles=()), [DEFAULT_LAYOUTS]).env.filters) - set(jinja2.defaults.DEFAULT_FILTERS)
    assert added == set(LAYOUT_FILTERS)


def test_an_asset_that_is_no_file_is_named_at_its_line(make_site):
    """`{{ '/assets/img/logo-180.png' | asset }}` with no such file published a link to nothing
    (an unversioned address, 404 for every reader) without a word."""
    base = (REPO / "layouts/base.html").read_text(encoding="utf-8").replace(
        "</head>", '<link rel="apple-touch-icon" href="{{ \'/assets/img/logo-180.png\' | asset }}">\n</head>', 1)
    line = base[:base.index("apple-touch-icon")].count("\n") + 1
    site = make_site({**FILES, "layouts/base.html": base})
    done = cli_here("build", "--site", str(site), "--lang", "en")
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == (
        f"layouts/base.html:{line}: error[layout-error]: layout rendering error: asset: '/assets/img/logo-180.png' is "
        "no file of assets/ (the site's or the theme's); put it there, or link a file of static/ with | url")
    (site / "assets/img").mkdir(parents=True)
    (site / "assets/img/logo-180.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert cli_here("build", "--site", str(site)).returncode == 0
    head = BeautifulSoup((site / "public/index.html").read_text(encoding="utf-8"), "html.parser")
    assert head.find("link", rel="apple-touch-icon")["href"].startswith("/assets/img/logo-180.png?v=")


def test_an_asset_named_with_spaces_is_linked_by_an_address_a_browser_and_the_checker_take(make_site):
    """`'/assets/img/logo công an.png' | asset` published src="/assets/img/logo công an.png?v=…":
    an address with spaces, which the W3C checker rejects ("Space is not allowed")."""
    base = (REPO / "layouts/base.html").read_text(encoding="utf-8").replace(
        "</head>", '<link rel="apple-touch-icon" href="{{ \'/assets/img/logo công an.png\' | asset }}">\n</head>', 1)
    site = make_site({**FILES, "layouts/base.html": base, "assets/img/logo công an.png": b"\x89PNG\r\n\x1a\n"})
    done = cli_here("build", "--site", str(site))
    assert done.returncode == 0, done.stderr
    head = BeautifulSoup((site / "public/index.html").read_text(encoding="utf-8"), "html.parser")
    href = head.find("link", rel="apple-touch-icon")["href"]
    assert href.startswith("/assets/img/logo%20c%C3%B4ng%20an.png?v="), href
    assert (site / "public/assets/img/logo công an.png").read_bytes() == b"\x89PNG\r\n\x1a\n"


def test_an_asset_whose_name_a_mac_saved_decomposed_is_found_and_published_as_linked(make_site):
    """A logo named on a Mac ("huy-hiệu.png" in NFD, as Finder and a zip from a Mac save it) is
    typed NFC in the layout: the build said it was no file of assets/, with the file right there."""
    import unicodedata

    base = (REPO / "layouts/base.html").read_text(encoding="utf-8").replace(
        "</head>", '<link rel="apple-touch-icon" href="{{ \'/assets/img/huy-hiệu.png\' | asset }}">\n</head>', 1)
    site = make_site({**FILES, "layouts/base.html": base,
                      "assets/img/" + unicodedata.normalize("NFD", "huy-hiệu.png"): b"\x89PNG\r\n\x1a\n"})
    done = cli_here("build", "--site", str(site))
    assert done.returncode == 0, done.stderr
    head = BeautifulSoup((site / "public/index.html").read_text(encoding="utf-8"), "html.parser")
    assert head.find("link", rel="apple-touch-icon")["href"].startswith("/assets/img/huy-hi%E1%BB%87u.png?v=")
    assert (site / "public/assets/img/huy-hiệu.png").read_bytes() == b"\x89PNG\r\n\x1a\n"  # (NFC, as linked)


def test_a_stylesheet_url_to_no_file_is_told_at_its_line_by_build_and_check(make_site):
    """A background renamed in assets/img/ but not in the stylesheet, a font never copied: the
    pages showed without them and no build said a word (only the browser's console did)."""
    from tests.conftest import SITE_TOML

    css = ("/* url(ghi-chu.png): a comment */\n.site-header { background: url(../img/nen-dau-trang.png); }\n"
           '.brand { background: url("data:image/png;base64,AAAA"), url(\'../img/logo công an.png\'); }\n'
           '@font-face { font-family: "Tieu De"; src: url(../fonts/tieu-de.woff2) format("woff2"); }\n'
           ".c { background: url(/assets/img/logo%20c%C3%B4ng%20an.png); }\n")
    site = make_site({**FILES, "assets/css/style.css": css, "assets/img/logo công an.png": b"\x89PNG\r\n\x1a\n"})
    expected = [
        "assets/css/style.css:2: warning[missing-file]: url(../img/nen-dau-trang.png): no file "
        "assets/img/nen-dau-trang.png is published (from assets/ or static/): the pages show without it",
        "assets/css/style.css:4: warning[missing-file]: url(../fonts/tieu-de.woff2): no file "
        "assets/fonts/tieu-de.woff2 is published (from assets/ or static/): the pages show without it"]
    for command in ("build", "check"):
        done = cli_here(command, "--site", str(site), "--lang", "en")
        assert done.returncode == 0, done.stderr
        assert [line for line in (done.stdout + done.stderr).splitlines() if "warning[" in line] == expected
    assert cli_here("build", "--site", str(site), "--strict").returncode == 1
    # Under a sub-path, a path from the host's root that is not under it leads nowhere.
    site = make_site({**FILES, "assets/css/style.css": css.replace("/assets/img/", "/congan/assets/img/", 1)
                      + ".d { background: url(/assets/img/logo%20c%C3%B4ng%20an.png); }\n"},
                     SITE_TOML.replace("https://congan.example.vn/", "https://congan.example.vn/congan/"))
    done = cli_here("check", "--site", str(site))
    told = [line for line in (done.stdout + done.stderr).splitlines() if "warning[" in line]
    assert told[2:] == [
        "assets/css/style.css:6: warning[missing-file]: url(/assets/img/logo%20c%C3%B4ng%20an.png) nằm ngoài "
        "đường dẫn /congan/ của cổng (base_url): hãy viết đường dẫn tính từ thư mục của tệp CSS này, là "
        "../img/logo%20c%C3%B4ng%20an.png"]


def test_a_stylesheet_url_under_a_vietnamese_sub_path_is_no_file_outside_the_portal(make_site):
    """base_url's path written in Vietnamese (…/tỉnh-thử/, kept %-encoded): a url() from the host's
    root under it was told to be 'outside the portal's path' and to be written as
    ../../t%E1%BB%89nh-th%E1%BB%AD/…, which leads nowhere; one naming no file was not told as such."""
    from tests.conftest import SITE_TOML

    toml = SITE_TOML.replace("https://congan.example.vn/", "https://congan.example.vn/tỉnh-thử/")
    assert toml != SITE_TOML
    css = (".a { background: url(/t%E1%BB%89nh-th%E1%BB%AD/assets/img/logo%20c%C3%B4ng%20an.png); }\n"
           ".b { background: url('/tỉnh-thử/assets/img/logo công an.png'); }\n"
           "@font-face { font-family: T; src: url(/t%E1%BB%89nh-th%E1%BB%AD/assets/fonts/tieu-de.woff2); }\n")
    site = make_site({**FILES, "assets/css/style.css": css, "assets/img/logo công an.png": b"\x89PNG\r\n\x1a\n"}, toml)
    done = cli_here("check", "--site", str(site), "--lang", "en")
    assert [line for line in (done.stdout + done.stderr).splitlines() if "warning[missing-file]" in line] == [
        "assets/css/style.css:3: warning[missing-file]: url(/t%E1%BB%89nh-th%E1%BB%AD/assets/fonts/tieu-de.woff2): "
        "no file assets/fonts/tieu-de.woff2 is published (from assets/ or static/): the pages show without it"]


def test_a_stylesheet_url_to_a_photo_an_article_shows_says_why_it_is_not_published(make_site):
    """The header's background in assets/img/ is also an article's cover: published as its resized
    copies only, it is never at the stylesheet's address, and the warning said no file was there,
    with the file right there in assets/img/."""
    import io

    from PIL import Image

    photo = io.BytesIO()
    Image.new("RGB", (800, 500), (180, 30, 30)).save(photo, "JPEG")
    site = make_site({"content/tin-hoat-dong/bai.md": article("Bài có ảnh", image="/assets/img/nen.jpg"),
                      "assets/img/nen.jpg": photo.getvalue(),
                      "assets/css/style.css": ".site-header { background: url(../img/nen.jpg); }\n"})
    for command in ("build", "check"):
        done = cli_here(command, "--site", str(site), "--lang", "en")
        assert done.returncode == 0, done.stderr
        assert [line for line in (done.stdout + done.stderr).splitlines() if "warning[" in line] == [
            "assets/css/style.css:1: warning[missing-file]: url(../img/nen.jpg): assets/img/nen.jpg is a photo an "
            "article shows, published as its resized copies only (in images/), not at this address: the pages show "
            "without it; give the stylesheet a copy of its own, under another name"]
    assert not (site / "public/assets/img/nen.jpg").exists()


def test_a_heavy_image_of_the_sites_assets_is_told_by_build_and_check(make_site):
    """A 3 MB logo straight from the camera or the print shop, in assets/img/ and shown 48 px high
    on every page: published as it is (assets/ are not made smaller, as an article's photos are),
    every reader's phone downloaded it on each first visit, and no build said a word."""
    base = (REPO / "layouts/base.html").read_text(encoding="utf-8").replace(
        "</head>", '<link rel="apple-touch-icon" href="{{ \'/assets/img/logo.png\' | asset }}">\n</head>', 1)
    site = make_site({**FILES, "layouts/base.html": base, "assets/img/logo.png": b"\x89PNG\r\n\x1a\n" + bytes(3 * 1024 * 1024),
                      "assets/img/nen.webp": bytes(200 * 1024), "assets/fonts/tieu-de.woff2": bytes(900 * 1024)})
    expected = ("assets/img/logo.png: warning[large-file]: this image is 3,0 MB, and is published as it is (an image of "
                "assets/ is not made smaller, as an article's photos are): a reader's phone downloads it whole on a "
                "slow network; save it at the size it is shown (twice that for sharp screens), under 500 KB")
    for command in ("build", "check"):
        done = cli_here(command, "--site", str(site), "--lang", "en")
        assert done.returncode == 0, done.stderr
        assert [line for line in (done.stdout + done.stderr).splitlines() if "warning[" in line] == [expected]
    done = cli_here("check", "--site", str(site))
    assert [line for line in (done.stdout + done.stderr).splitlines() if "warning[" in line] == [
        "assets/img/logo.png: warning[large-file]: ảnh này nặng 3,0 MB và được xuất bản nguyên như vậy (ảnh trong "
        "assets/ không được thu nhỏ như ảnh của bài viết): điện thoại của bạn đọc phải tải cả tệp qua mạng chậm; hãy "
        "lưu lại ảnh ở đúng cỡ nó hiện trên trang (gấp đôi cho màn hình sắc nét), dưới 500 KB"]


def test_a_layout_saved_with_a_byte_order_mark_publishes_pages_without_it(make_site):
    """Notepad (and other Windows editors' "UTF-8 with BOM") begins the file with U+FEFF: in a
    partial of <head> it was published as a character there, which ends the head for a browser,
    so the feeds, OpenGraph and JSON-LD after it were read as part of the body."""
    bom = "\ufeff"
    meta = (REPO / "layouts/partials/meta.html").read_text(encoding="utf-8")
    base = (REPO / "layouts/base.html").read_text(encoding="utf-8")
    site = make_site({**FILES, "layouts/partials/meta.html": bom + meta, "layouts/base.html": bom + base})
    done = cli_here("build", "--site", str(site))
    assert done.returncode == 0, done.stderr
    for page in (site / "public").rglob("*.html"):
        assert bom not in page.read_text(encoding="utf-8"), page
    home = (site / "public/index.html").read_text(encoding="utf-8")
    assert home.startswith("<!doctype html>")
    assert home.index('property="og:title"') < home.index("</head>")


def test_a_block_of_the_themes_that_the_sites_own_base_dropped_is_told_at_the_sites_base(make_site):
    """A base.html of the site's own, written without {% block head %}: the theme's search page put
    its search styles there, never shown. The warning named layouts/search.html, a file the site
    does not have (the theme's), and told to rename the theme's block to one of the site's."""
    base = (REPO / "layouts/base.html").read_text(encoding="utf-8")
    assert "{% block head %}" in base
    site = make_site({**FILES, "layouts/base.html": base.replace("{% block head %}", "{% block dau_trang %}")})
    for command in ("build", "check"):
        done = cli_here(command, "--site", str(site), "--lang", "en")
        assert done.returncode == 0, done.stderr
        told = [line for line in (done.stdout + done.stderr).splitlines() if "warning[block-not-shown]" in line]
        assert told and all(line.startswith("layouts/base.html: warning[block-not-shown]: the block 'head' of the "
                                            "theme's ") for line in told), told
        assert any("theme's search.html" in line and line.endswith(
            "this layout replaces the theme's base.html: give it {% block head %}{% endblock %} where it goes")
                   for line in told), told


def test_a_layout_of_the_sites_that_no_page_uses_is_named_with_the_one_meant(make_site):
    """`layouts/partial/header.html` (partials/, misspelt) or `layouts/Home.html` (which Windows
    reads as home.html, and the Linux host of CI does not) changed nothing, without a word. A
    partial of the site's that a layout includes, and a layout replacing the theme's for a page
    this portal has none of (query-alias.html), are used."""
    header = (REPO / "layouts/partials/header.html").read_text(encoding="utf-8")
    query_alias = (REPO / "layouts/query-alias.html").read_text(encoding="utf-8")
    site = make_site({**FILES, "layouts/partial/header.html": header.replace("Trang chủ", "Trang nhà"),
                      "layouts/Home.html": '{% extends "theme/home.html" %}\n',
                      "layouts/article.html": '{% extends "theme/article.html" %}\n{% block main %}'
                                              '{% include "partials/bieu-ngu.html" %}{{ super() }}{% endblock %}\n',
                      "layouts/partials/bieu-ngu.html": "<p>Vì An ninh Tổ quốc</p>\n",
                      "layouts/query-alias.html": query_alias + '{% include "partials/chuyen-huong.html" %}\n',
                      "layouts/partials/chuyen-huong.html": "<p>Đang chuyển</p>\n",
                      "layouts/README.md": "Ghi chú của người làm giao diện.\n"})  # (notes: no layout)
    expected = [
        "layouts/Home.html: warning[unused-layout]: no page uses this layout: the theme has no layout 'Home.html' "
        "for it to replace, and no layout includes it; did you mean 'home.html'?",
        "layouts/partial/header.html: warning[unused-layout]: no page uses this layout: the theme has no layout "
        "'partial/header.html' for it to replace, and no layout includes it; did you mean 'partials/header.html'?"]
    for command in ("build", "check", "build"):
        done = cli_here(command, "--site", str(site), "--lang", "en")
        assert done.returncode == 0, done.stderr
        assert [line for line in (done.stdout + done.stderr).splitlines() if "warning[" in line] == expected


def test_two_portals_built_by_one_process_each_name_their_own_layout_files(make_site, tmp_path):
    """A process keeps what it worked out of the layouts (`serve`, the suite): a second portal with
    the same layouts in another folder was told of the first portal's file."""
    files = {**FILES, "layouts/Home.html": '{% extends "theme/home.html" %}\n'}
    first = make_site(files)
    second = tmp_path / "hai"
    shutil.copytree(first, second)
    for site in (first, second):
        done = build(BuildOptions(site_dir=site, out_dir=site / "public", use_cache=False))
        assert done.ok, done.problems
        assert [str(problem.location) for problem in done.problems if problem.code == "unused-layout"] == [
            "layouts/Home.html"]


def test_a_layout_reads_the_sites_own_values_from_extra(make_site):
    """[params]/[extra] was an unknown key: a layout of the site's own had nowhere to read a value
    of its own (a banner's words) from."""
    from tests.conftest import SITE_TOML

    site = make_site({**FILES, "layouts/home.html": '{% extends "base.html" %}\n{% block main %}\n'
                                                    '<p class="bang-ron">{{ config.extra.banner }}</p>\n{% endblock %}\n'},
                     SITE_TOML + '\n[extra]\nbanner = "Tuần lễ an toàn giao thông"\n')
    assert cli_here("build", "--site", str(site)).returncode == 0
    home = BeautifulSoup((site / "public/index.html").read_text(encoding="utf-8"), "html.parser")
    assert text_of(home.find(class_="bang-ron")) == "Tuần lễ an toàn giao thông"


def test_check_names_a_block_that_no_layout_it_extends_has(make_site):
    """{% block heed %} in a site's base.html extending the theme's: Jinja dropped it without a word,
    and the site's stylesheet link in it was gone from every page. A block inside another is fine."""
    base = ('{% extends "theme/base.html" %}\n{% block heed %}<link rel="stylesheet" href="/assets/rieng.css">'
            '{% endblock %}\n{% block main %}{% block loi_chao %}Xin chào{% endblock %}{{ super() }}{% endblock %}\n')
    site = make_site({**FILES, "layouts/base.html": base})
    done = cli_here("check", "--site", str(site), "--lang", "en")
    assert [line for line in done.stdout.splitlines() if "block-not-shown" in line] == [
        "layouts/base.html:2: warning[block-not-shown]: the block 'heed' is in none of the layouts this one extends "
        "(theme/base.html): what it holds is never shown; did you mean 'head'?"]


def test_a_build_names_a_block_that_no_layout_it_extends_has_as_check_does(make_site):
    """A designer renaming a block ({% block mian %} in her home.html) watches `serve` or runs
    `build`, not `check`: the build published the home page without her banner, and said nothing."""
    home = ('{% extends "theme/home.html" %}\n{% block mian %}<p class="bang-ron">Vì An ninh Tổ quốc</p>'
            '{{ super() }}{% endblock %}\n')
    site = make_site({**FILES, "layouts/home.html": home})
    told = ("layouts/home.html:2: warning[block-not-shown]: the block 'mian' is in none of the layouts this one "
            "extends (theme/home.html, base.html): what it holds is never shown; did you mean 'main'?")
    for _ in range(2):  # (the second build takes what the first worked out of the layouts from the cache)
        done = cli_here("build", "--site", str(site), "--lang", "en")
        assert done.returncode == 0, done.stderr
        assert [line for line in (done.stdout + done.stderr).splitlines() if "warning[" in line] == [told]
    assert cli_here("build", "--site", str(site), "--strict").returncode == 1
    (site / "layouts/home.html").write_text(home.replace("mian", "main"), encoding="utf-8")
    done = cli_here("build", "--site", str(site), "--lang", "en")
    assert "warning[" not in done.stdout + done.stderr
    page = BeautifulSoup((site / "public/index.html").read_text(encoding="utf-8"), "html.parser")
    assert text_of(page.find(class_="bang-ron")) == "Vì An ninh Tổ quốc"
