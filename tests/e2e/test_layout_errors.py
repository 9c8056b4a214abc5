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
