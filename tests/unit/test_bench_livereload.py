"""bench/livereload.py times a copy of the demo portal (or of a generated one): the copy must
build, or there is nothing to time."""
from __future__ import annotations

import pytest

from bench.livereload import make_site
from tests.conftest import cli_here


@pytest.mark.parametrize("articles", [0, 12])
def test_the_site_the_live_reload_bench_times_builds(tmp_path, articles):
    """It copied site.toml and content/ only: the share image site.toml names (static/) was not
    there, every build of the copy failed, and the bench stopped at the save made during the first
    search index with 'the reloaded page does not show the edit'."""
    site, article = make_site(tmp_path, articles)
    checked = cli_here("check", "--site", str(site), "--no-cache")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert (site / article).is_file()
