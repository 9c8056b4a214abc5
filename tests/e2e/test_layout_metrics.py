"""build --layout-metrics: every page rendered and timed, the same site published, a hint that names a slow partial."""
from __future__ import annotations

import os

from generator import layout_metrics
from tests.conftest import article, cli_here

ARTICLES = {
    f"content/tin-hoat-dong/bai-{n}.md": article(title=f"Bài số {n}", date=f"2026-01-{10 + n}T08:00:00",
                                                  campaigns=["dan-van-kheo"] if n % 2 else None,
                                                  body=f"## Mục {n}\n\nNội dung bài số {n}.")
    for n in range(1, 6)
}
# The site's own meta partial: the theme's, then a badge that reads only the site's title.
OWN_LAYOUTS = {
    "layouts/partials/meta.html": '{% include "theme/partials/meta.html" %}{% include "partials/badge.html" %}',
    "layouts/partials/badge.html": '<meta name="x-portal" content="{{ config.title }}">\n',
}


def files_of(out):
    return {str(path.relative_to(out)): path.read_bytes() for path in sorted(out.rglob("*")) if path.is_file()}


def test_every_page_rendered_and_timed_the_same_site_published(make_site, build_site, tmp_path, monkeypatch):
    monkeypatch.setattr(layout_metrics, "SECONDS_FOR_HINT", 0.0)  # a small site: every cost is tiny
    monkeypatch.setattr(layout_metrics, "SHARE_FOR_HINT", 0.0)
    site = make_site({**ARTICLES, **OWN_LAYOUTS})
    plain = build_site(site, tmp_path / "plain")
    first = build_site(site, tmp_path / "timed", jobs=1)
    assert first.result.ok and first.result.layouts is None  # only when asked
    page_file = first.out / "tin-hoat-dong/bai-so-1/index.html"
    before = page_file.stat().st_mtime_ns
    timed = build_site(site, first.out, jobs=1, layout_metrics=True)
    assert timed.result.ok
    # Nothing changed, yet every page was rendered (the shortcut and the skip are off) …
    assert timed.result.rendered == timed.result.pages == plain.result.pages
    # … into the same bytes: nothing rewritten, the same site as a build without metrics
    assert page_file.stat().st_mtime_ns == before
    assert files_of(timed.out).keys() == files_of(plain.out).keys()
    assert all(files_of(timed.out)[rel] == data for rel, data in files_of(plain.out).items()
               if rel.endswith(".html"))
    report = timed.result.layouts
    assert report.pages == timed.result.pages
    times = {t.name: t for t in report.times}
    assert times["article.html"].calls == 5
    # every page extends base.html, whose meta partial includes the badge once
    assert times["partials/badge.html"].calls == times["base.html"].calls == timed.result.pages
    assert (times["partials/badge.html"].inputs, times["partials/badge.html"].outputs) == (1, 1)
    assert times["partials/headline.html"].cached_calls > 0
    assert [(h.name, h.calls, h.inputs) for h in report.hints] == [("partials/badge.html", timed.result.pages, 1)]
    # a page shows the badge: what was timed is what was published
    assert b'<meta name="x-portal" content="C' in page_file.read_bytes()


def test_the_workers_times_reach_the_report(make_site, build_site, tmp_path):
    site = make_site({**ARTICLES, **OWN_LAYOUTS})
    timed = build_site(site, tmp_path / "out", jobs=2, layout_metrics=True)
    times = {t.name: t for t in timed.result.layouts.times}
    assert times["base.html"].calls == timed.result.pages == timed.result.rendered
    # one badge input per render process that rendered a page (each keeps its own memo)
    assert 1 <= times["partials/badge.html"].inputs <= 2


def test_the_table_in_the_terminal(make_site, tmp_path):
    site = make_site({**ARTICLES, **OWN_LAYOUTS})
    done = cli_here("build", "--site", str(site), "--out", str(tmp_path / "out"), "--layout-metrics")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    title = next(i for i, line in enumerate(lines) if line.startswith("Thời gian của từng tệp giao diện"))
    assert lines[title + 1].rstrip().endswith("lần gọi  đầu vào khác  kết quả khác  tệp giao diện")
    # total, mean, longest, calls, inputs, outputs, the layout (and include_cached's calls)
    rows = {line.split()[6]: line.split() for line in lines[title + 2:] if line.startswith("  ") and "(" not in line[:9]}
    assert rows["article.html"][3:6] == ["5", "5", "5"]
    assert rows["partials/badge.html"][5] == "1"  # one output
    assert rows["partials/card.html"][7:] == ["(include_cached:", "gọi", rows["partials/card.html"][9], "lần)"]
    assert rows["base.html"][3] == rows["partials/meta.html"][3]
    assert os.path.isfile(tmp_path / "out" / "index.html")
