"""--out named by mistake never costs an editor their files: a build replaces its output folder
whole, so the site folder, a folder holding it, content/, the build cache, a file or a folder of
other files is refused with one line (exit 2) before anything is written. So is a --cache-dir in
the site's own folders: the cache deletes the files it no longer uses."""
from __future__ import annotations

import pytest

from generator.pipeline import BuildOptions, UnsafeOutputError, build
from tests.conftest import numbered_articles, run_cli, tree

# (what --out is, relative to the test's folder; extra options; words of the message)
REFUSED = {
    "the site folder": ("site", [], "là chính thư mục trang hoặc chứa nó"),
    "a folder holding the site": (".", [], "là chính thư mục trang hoặc chứa nó"),
    "content/": ("site/content", [], "nơi bản dựng đọc dữ liệu"),
    "a folder inside layouts/": ("site/layouts/trang", [], "nơi bản dựng đọc dữ liệu"),
    "the build cache": ("site/.cache", [], "trùng với bộ nhớ đệm"),
    "a folder holding the cache": ("out", ["--cache-dir", "out/.cache"], "trùng với bộ nhớ đệm"),
    "a file": ("site/ghi-chu.txt", [], "là một tệp, không phải thư mục"),
    "a folder of other files": ("tai-lieu", [], "không phải một trang đã dựng"),
    "a cache in content/": ("out", ["--cache-dir", "site/content"], "bộ nhớ đệm tự xóa các tệp không còn dùng"),
    "a cache in the site folder": ("out", ["--cache-dir", "site"], "bộ nhớ đệm tự xóa các tệp không còn dùng"),
}


@pytest.fixture
def workspace(make_site, tmp_path):
    site = make_site({**numbered_articles(3), "layouts/partials/footer.html": "<footer>Chân trang</footer>\n",
                      "ghi-chu.txt": "ghi chú của biên tập viên\n"})
    (tmp_path / "tai-lieu").mkdir()
    (tmp_path / "tai-lieu/bao-cao.docx").write_bytes(b"bao cao")
    return tmp_path, site


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_an_output_that_would_delete_files_is_refused_before_anything_is_written(workspace, case):
    root, site = workspace
    out, options, words = REFUSED[case]
    before = tree(root)
    done = run_cli("build", "--site", str(site), "--out", str(root / out), "--lang", "vi",
                   *[o if o.startswith("--") else str(root / o) for o in options])
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("build.py: error: --") and words in line
    assert tree(root) == before  # nothing written, nothing deleted


def test_the_api_refuses_them_too(workspace):
    _, site = workspace
    with pytest.raises(UnsafeOutputError, match="would delete the site"):
        build(BuildOptions(site_dir=site, out_dir=site))


@pytest.mark.parametrize("kind", ["a new folder", "an empty folder", "another generator's output"])
def test_an_output_of_its_own_is_built(workspace, kind):
    root, site = workspace
    out = root / "xuat-ban"
    if kind != "a new folder":
        out.mkdir()
    if kind == "another generator's output":
        (out / "index.html").write_text("<h1>Trang cũ</h1>", encoding="utf-8")
        (out / "cu.html").write_text("cũ", encoding="utf-8")
    done = run_cli("build", "--site", str(site), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert (out / "tin-hoat-dong/bai-so-1/index.html").is_file() and not (out / "cu.html").exists()
    assert (site / "ghi-chu.txt").is_file() and (site / "content").is_dir()
