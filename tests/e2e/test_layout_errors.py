"""A mistake in a layout is reported like a content problem, never a traceback."""
from __future__ import annotations

from tests.conftest import article, run_cli

FILES = {"content/tin-hoat-dong/bai.md": article("Bài viết")}


def test_a_layout_syntax_error_names_the_file_and_line(make_site):
    site = make_site({**FILES, "layouts/article.html": '{% extends "base.html" %}\n{% block main %}\n'
                                                       "{{ page.article.title }\n{% endblock %}\n"})
    done = run_cli("build", "--site", str(site), "--lang", "en")
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == "layouts/article.html:3: error[layout-error]: layout syntax error: unexpected '}'"
    assert "Traceback" not in done.stderr
    assert not (site / "public").exists()


def test_a_layout_runtime_error_points_at_the_failing_line(make_site):
    site = make_site({**FILES, "layouts/article.html": '{% extends "base.html" %}\n{% block main %}\n\n'
                                                       "<p>{{ page.article.titel }}</p>\n{% endblock %}\n"})
    done = run_cli("build", "--site", str(site))
    assert done.returncode == 1
    assert done.stderr.startswith("layouts/article.html:4: error[layout-error]: tệp giao diện (layout) gặp lỗi "
                                  "khi dựng trang: 'generator.model.Article object' has no attribute 'titel'")


def test_a_layout_that_reaches_itself_again_is_named_with_the_way_out(make_site):
    """An editor overriding base.html who writes {% extends "base.html" %} in it meant the
    theme's: the build names the file and says how, instead of a 1,000-frame traceback."""
    site = make_site({**FILES, "layouts/base.html": '{% extends "base.html" %}\n'})
    done = run_cli("build", "--site", str(site), "--lang", "en")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[0] == (
        "layouts/base.html:1: error[layout-error]: layout rendering error: this layout reaches itself again "
        "through extends or include, without end; to build on the theme's layout of the same name, write "
        '{% extends "theme/<name>.html" %}')
    (site / "layouts/base.html").unlink()
    (site / "layouts/partials").mkdir()
    (site / "layouts/partials/footer.html").write_text("<footer>\n{% include 'partials/footer.html' %}\n")
    done = run_cli("build", "--site", str(site), "--jobs", "2")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("layouts/partials/footer.html:2: error[layout-error]: tệp giao diện (layout) tự gọi "
                                  "lại chính nó")


def test_a_site_layout_builds_on_the_theme_layout_of_the_same_name(make_site, build_site):
    site = make_site({**FILES, "layouts/base.html": (
        '{% extends "theme/base.html" %}\n'
        '{% block head %}<meta name="ma-don-vi" content="CAT-HY">{{ super() }}{% endblock %}\n')})
    built = build_site(site)
    assert built.result.ok, built.messages
    for url in ("/", "/tin-hoat-dong/", "/tin-hoat-dong/bai-viet/"):
        page = built.page(url)
        assert page.find("meta", attrs={"name": "ma-don-vi"})["content"] == "CAT-HY", url
        assert page.find("footer", class_="site-footer") is not None and page.find("h1") is not None, url
    (site / "layouts/base.html").write_text('{% extends "theme/base.html" %}\n', encoding="utf-8")
    again = build_site(site)  # the edit reaches every page, as any layout edit does
    assert again.page("/").find("meta", attrs={"name": "ma-don-vi"}) is None
