"""The published site survives crashes, planted symlinks, odd umasks and a bad cache.

- Builds of a medium site are SIGKILLed (with their workers) at random
  moments, on the full-swap path (Stage) and on the patch path (Patch): the
  output is always complete and serving, equal to the old site or — after a
  committed patch or swap — the new one, and the next run ends equal to a
  clean build.
- A patch killed before each of a spread of its renames (every moment the cache or the output
  changes), the edit then undone: the next builds equal clean ones.
- Kills at chosen moments of publishing: files a killed build put into the output are pruned
  once their source goes, a half-published search index is never kept, and where renameat2
  cannot swap folders a kill or Ctrl-C between the two renames leaves the last site.
- Output is 0644/0755 under umask 000 or 077, and a symlink planted in the
  previous output is never written through.
- A truncated or garbage cache file is discarded, never trusted.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator import output
from generator.pipeline import BuildOptions, build
from tests.conftest import REPO, SITE_TOML, article, clean_tree, cli_here, numbered_articles, tree

ARTICLES = 240
KILLS_PER_PATH = 5
WORDS = "an ninh trật tự giao thông phòng cháy lừa đảo cảnh sát công an xã tuyên truyền thi đua dân vận".split()


def medium_site(site: Path) -> None:
    rng = random.Random(11)
    (site / "content").mkdir(parents=True)
    (site / "site.toml").write_text(SITE_TOML.replace("per_page = 2", "per_page = 20"), encoding="utf-8")
    for n in range(ARTICLES):
        category = rng.choice(["tin-hoat-dong", "xay-dung-luc-luong"])
        title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize() + f" {n}"
        body = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(60)) for _ in range(4))
        path = site / "content" / category / f"bai-{n}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(title, f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "cong-an-tinh",
                                category, rng.sample(["vi-an-ninh-to-quoc", "dan-van-kheo"], rng.randint(0, 2)), body),
                        encoding="utf-8")


def wipe(folder: Path) -> None:
    """rmtree that tolerates the detached `rm -rf` of a replaced output racing it."""
    for _ in range(50):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            return
        time.sleep(0.05)
    raise AssertionError(f"cannot remove {folder}")


def cli(site: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(REPO / "build.py"), "build", "--site", str(site), "--out", str(out)],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def finish(site: Path, out: Path) -> float:
    started = time.perf_counter()
    process = cli(site, out)
    _, err = process.communicate(timeout=180)
    assert process.returncode == 0, err.decode()
    return time.perf_counter() - started


def serving(out: Path) -> None:
    page = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("main") is not None and page.find("footer") is not None


def edit_for(path_name: str, site: Path) -> None:
    if path_name == "stage":  # the site title is on every page: everything is re-rendered and swapped
        toml = site / "site.toml"
        toml.write_text(toml.read_text(encoding="utf-8").replace("Thử Nghiệm", "Thử Nghiệm Mới", 1), encoding="utf-8")
    else:  # one article's body: its page is patched in place
        path = site / "content/tin-hoat-dong/bai-0.md"
        if not path.exists():
            path = next((site / "content").rglob("bai-0.md"))
        path.write_text(path.read_text(encoding="utf-8") + "\nĐoạn mới được thêm.\n", encoding="utf-8")


@pytest.fixture(scope="module")
def medium(tmp_path_factory):
    """(work folder, pristine copy): a site with its cache and a published output."""
    root = tmp_path_factory.mktemp("crash")
    work = root / "work"
    medium_site(work / "site")
    finish(work / "site", work / "out")
    pristine = root / "pristine"
    shutil.copytree(work, pristine, symlinks=True)
    return work, pristine


@pytest.mark.parametrize("path_name", ["stage", "patch"])
def test_sigkill_at_random_moments_leaves_a_complete_serving_site(medium, path_name):
    work, pristine = medium
    site, out = work / "site", work / "out"

    def reset() -> None:
        wipe(work)
        shutil.copytree(pristine, work, symlinks=True)  # same paths: the cache's state stays valid
        edit_for(path_name, site)

    old = tree(pristine / "out", links=True)
    reset()
    folder_before = out.stat().st_ino
    duration = finish(site, out)  # an undisturbed incremental build: the new site
    new = tree(out, links=True)
    assert new != old
    # The patch path changes files inside the same folder; the stage path swaps in a new folder.
    assert (out.stat().st_ino == folder_before) == (path_name == "patch")
    old_files, new_files = {**old}, {**new}
    rng = random.Random(f"{path_name}-kills")
    outcomes = []
    for run in range(KILLS_PER_PATH):
        reset()
        process = cli(site, out)
        # Stratified over start-up, the work and the swap (a loaded machine stretches a build).
        time.sleep(duration * (0.2 + 1.4 * (run + rng.random()) / KILLS_PER_PATH))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        after = tree(out, links=True)
        serving(out)
        if path_name == "stage":
            assert after in (old, new)  # one atomic swap: all old or all new
        else:  # a patch moves whole files: each one is its old or its new version
            for rel, digest in after.items():
                assert digest in (old_files.get(rel), new_files.get(rel)), rel
            assert set(old) & set(new) <= set(after)
        outcomes.append("old" if after == old else "new" if after == new else "partial")
        outcomes[-1] += "+journal" if list(out.parent.glob(".out.patch-*/JOURNAL")) else ""
        finish(site, out)  # the next run recovers (rolls a committed patch forward) and completes
        assert tree(out, links=True) == new
        assert not [p for p in out.parent.iterdir() if p.name.startswith(".out.")
                    and (".staging-" in p.name or ".patch-" in p.name)]
    print(path_name, outcomes)


KILL_AFTER_JOURNAL = """
import os, signal, sys
from generator import output
output._apply_journal = lambda root, out_dir: os.kill(os.getpid(), signal.SIGKILL)
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""


def killed_build(medium, path_name: str, script: str) -> tuple[Path, Path, Path]:
    """The medium site as built, edited for `path_name`, then built by `script` (the CLI with
    a kill planted in it); returns the site, the output and the pristine copy."""
    work, pristine = medium
    wipe(work)
    shutil.copytree(pristine, work, symlinks=True)
    site, out = work / "site", work / "out"
    edit_for(path_name, site)
    done = subprocess.run([sys.executable, "-c", script, "build", "--site", str(site), "--out", str(out)],
                          cwd=REPO, capture_output=True, text=True, timeout=180)
    assert done.returncode == -signal.SIGKILL, done.stderr
    return site, out, pristine


def test_a_kill_right_after_the_journal_is_rolled_forward_by_the_next_run(medium, tmp_path):
    site, out, pristine = killed_build(medium, "patch", KILL_AFTER_JOURNAL)
    assert list(out.parent.glob(".out.patch-*/JOURNAL")), "the patch should be committed"
    assert tree(out, links=True) == tree(pristine / "out", links=True)  # committed, but nothing moved yet
    serving(out)
    finish(site, out)
    assert tree(out, links=True) == clean_tree(site, tmp_path / "clean", links=True)
    assert not list(out.parent.glob(".out.patch-*"))


# Killed as soon as the file named by argv[1] (a path relative to the output) is moved into it.
KILL_AFTER_MOVING = """
import os, signal, sys
real_replace = os.replace
def replace(source, target):
    real_replace(source, target)
    if str(target).endswith("/out/" + sys.argv[1]):
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace
from generator.cli import main
sys.exit(main(sys.argv[2:]))
"""


def killed_while_publishing(site: Path, out: Path, after: str) -> None:
    done = subprocess.run([sys.executable, "-c", KILL_AFTER_MOVING, after, "build", "--site", str(site),
                           "--out", str(out), "--jobs", "1"], cwd=REPO, capture_output=True, text=True, timeout=180)
    assert done.returncode == -signal.SIGKILL, done.stderr


def test_a_file_an_interrupted_build_published_is_pruned_once_it_goes(make_site, tmp_path):
    """A killed build may have put a new file into the output (a document added to an article's
    folder) before it could record it; the file deleted again, the next build must not leave it behind."""
    site = make_site({**numbered_articles(10), "content/tin-hoat-dong/co-tep/index.md": article("Bài có tệp")})
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    added = site / "content/tin-hoat-dong/co-tep/bien-ban.txt"
    added.write_text("Biên bản họp.\n", encoding="utf-8")
    killed_while_publishing(site, out, "tin-hoat-dong/bai-co-tep/bien-ban.txt")
    assert (out / "tin-hoat-dong/bai-co-tep/bien-ban.txt").is_file()
    added.unlink()
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    assert tree(out, links=True) == clean_tree(site, tmp_path / "clean", links=True)


def test_a_search_index_half_published_by_a_killed_build_is_not_kept(make_site, tmp_path):
    """Killed after the new search index's entry file was moved into the output, the article
    then put back as it was: the index the state describes is no longer the one published."""
    site = make_site(numbered_articles(30))
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    target = site / "content/tin-hoat-dong/bai-3.md"
    original = target.read_text(encoding="utf-8")
    target.write_text(original.replace("Nội dung bài viết.", "Nội dung khác hẳn về phòng cháy."), encoding="utf-8")
    killed_while_publishing(site, out, "pagefind/pagefind-entry.json")
    target.write_text(original, encoding="utf-8")
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    assert tree(out, links=True) == clean_tree(site, tmp_path / "clean", links=True)


# Where renameat2 cannot swap two folders, killed between the two renames that replace the output.
KILL_BETWEEN_RENAMES = """
import os, signal, sys
from generator import output
output._exchange = lambda a, b: False
real_rename = os.rename
def rename(source, target):
    real_rename(source, target)
    if ".out.old-" in str(target):
        os.kill(os.getpid(), signal.SIGKILL)
os.rename = rename
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_kill_between_the_two_renames_of_a_swap_puts_the_last_site_back(medium, tmp_path):
    site, out, pristine = killed_build(medium, "stage", KILL_BETWEEN_RENAMES)
    assert not out.exists()  # the window the swap has without renameat2
    output.recover(out)
    assert tree(out, links=True) == tree(pristine / "out", links=True)
    serving(out)
    finish(site, out)
    assert tree(out, links=True) == clean_tree(site, tmp_path / "clean", links=True)


def test_an_interrupt_between_the_two_renames_of_a_swap_keeps_the_last_site(make_site, tmp_path, monkeypatch):
    site = make_site(numbered_articles(4))
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    before = tree(out, links=True)
    (site / "site.toml").write_text(SITE_TOML.replace("Thử Nghiệm", "Thử Nghiệm Mới", 1), encoding="utf-8")
    monkeypatch.setattr(output, "_exchange", lambda a, b: False)
    real_rename = os.rename

    def rename(source, target):
        if ".staging-" in str(source):  # the new site, moved in once the old one is out of the way
            raise KeyboardInterrupt
        real_rename(source, target)
    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(KeyboardInterrupt):
        build(BuildOptions(site_dir=site, out_dir=out))
    monkeypatch.undo()
    assert tree(out, links=True) == before


# Killed just before the main process's K-th rename (0: never); the count is written to COUNT_FILE.
KILL_AT_RENAME = """
import os, signal, sys
limit, main_pid, count = int(os.environ["KILL_AT"]), os.getpid(), [0]
def counted(real):
    def rename(*args, **kwargs):
        if os.getpid() == main_pid:
            count[0] += 1
            if count[0] == limit:
                os.killpg(0, signal.SIGKILL)
        return real(*args, **kwargs)
    return rename
os.replace, os.rename = counted(os.replace), counted(os.rename)
from generator.cli import main
code = main(sys.argv[1:])
open(os.environ["COUNT_FILE"], "w").write(str(count[0]))
sys.exit(code)
"""


def test_a_kill_before_any_rename_of_a_patch_ends_right_after_an_undo_and_the_next_edit(make_site, tmp_path):
    """Every rename is a moment where the cache or the output changes. A build (a patch: an edited
    article, a document added) is killed before each of a spread of them; the editor then undoes
    the edit; the next build and the one after a further edit must equal clean builds."""
    site = make_site({**numbered_articles(30), "content/tin-hoat-dong/co-tep/index.md": article("Bài có tệp")})
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    before = tmp_path / "before"
    shutil.copytree(site, before, symlinks=True)
    edited = site / "content/tin-hoat-dong/bai-7.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Nội dung bài viết.", "Nội dung về phòng cháy."),
                      encoding="utf-8")
    (site / "content/tin-hoat-dong/co-tep/bien-ban.txt").write_text("Biên bản.\n", encoding="utf-8")
    snapshot = tmp_path / "snapshot"
    shutil.copytree(tmp_path, snapshot, symlinks=True, ignore=shutil.ignore_patterns("snapshot", ".out.*"))

    def run(kill_at: int) -> int:
        count = tmp_path / "count"
        done = subprocess.run([sys.executable, "-c", KILL_AT_RENAME, "build", "--site", str(site), "--out", str(out),
                               "--jobs", "1"], cwd=REPO, capture_output=True, text=True, timeout=180,
                              env={**os.environ, "KILL_AT": str(kill_at), "COUNT_FILE": str(count)},
                              start_new_session=True)
        assert done.returncode == (-signal.SIGKILL if kill_at else 0), done.stderr
        return int(count.read_text()) if not kill_at else kill_at

    def restore() -> None:
        for name in ("site", "out"):
            wipe(tmp_path / name)
            shutil.copytree(snapshot / name, tmp_path / name, symlinks=True)

    expected: dict[str, dict[str, str]] = {}  # each kill point ends at the same two inputs: built clean once

    def matches_a_clean_build(step: str) -> bool:
        if step not in expected:
            expected[step] = clean_tree(site, tmp_path / "clean", links=True)
            wipe(tmp_path / "clean")
        return tree(out, links=True) == expected[step]

    renames = run(0)
    assert renames > 10
    for kill_at in sorted({1, 2, renames, *range(renames // 2, renames, max(1, renames // 12))}):
        restore()
        run(kill_at)
        wipe(site / "content")  # the editor undoes the edit and the new document
        shutil.copytree(before / "content", site / "content")
        finish(site, out)
        assert matches_a_clean_build("undone"), kill_at
        other = site / "content/tin-hoat-dong/bai-9.md"
        other.write_text(other.read_text(encoding="utf-8") + "\nĐính chính.\n", encoding="utf-8")
        finish(site, out)
        assert matches_a_clean_build("edited further"), kill_at


def test_an_interrupt_after_the_journal_keeps_the_committed_patch(make_site, tmp_path, monkeypatch):
    """Ctrl-C (an exception, not a kill) after the commit must not discard the journal."""
    site = make_site(numbered_articles(30))
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    target = site / "content/tin-hoat-dong/bai-3.md"
    target.write_text(target.read_text(encoding="utf-8") + "\nĐoạn thêm.\n", encoding="utf-8")

    def interrupted(root, out_dir):
        raise KeyboardInterrupt
    monkeypatch.setattr(output, "_apply_journal", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(BuildOptions(site_dir=site, out_dir=out))
    monkeypatch.undo()
    assert list(tmp_path.glob(".out.patch-*/JOURNAL"))
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    assert tree(out, links=True) == clean_tree(site, tmp_path / "clean", links=True)


def modes(root: Path) -> set[tuple[str, int]]:
    return {("dir" if p.is_dir() else "file", stat.S_IMODE(p.lstat().st_mode)) for p in root.rglob("*")}


@pytest.mark.parametrize("umask", ["000", "077"])
def test_output_is_0644_and_0755_whatever_the_umask(make_site, tmp_path, umask):
    site = make_site({"content/tin-hoat-dong/bai-a/index.md": article("Bài A"),
                      "content/tin-hoat-dong/bai-a/tai-lieu.txt": "tài liệu\n",
                      "content/xay-dung-luc-luong/b.md": article("Bài B", category="xay-dung-luc-luong")})
    out = tmp_path / "out"
    command = f'umask {umask} && exec "{sys.executable}" build.py build --site "{site}" --out "{out}"'
    for _ in range(2):  # a fresh output, then a patch that adds a folder
        done = subprocess.run(["sh", "-c", command], cwd=REPO, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert modes(out) == {("dir", 0o755), ("file", 0o644)}
        assert stat.S_IMODE(out.stat().st_mode) == 0o755
        (site / "content/tin-hoat-dong/moi").mkdir(exist_ok=True)
        (site / "content/tin-hoat-dong/moi/index.md").write_text(article("Bài mới"), encoding="utf-8")


@pytest.mark.parametrize("planted", ["folder", "file"])
def test_a_symlink_planted_in_the_output_is_never_written_through(make_site, tmp_path, planted):
    site = make_site(numbered_articles(10))
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(out / "tin-hoat-dong", elsewhere)
    (elsewhere / "sentinel.html").write_text("không được ghi\n", encoding="utf-8")
    before = tree(elsewhere, links=True)
    if planted == "folder":
        shutil.rmtree(out / "tin-hoat-dong")
        os.symlink(elsewhere, out / "tin-hoat-dong")
    else:
        page = out / "tin-hoat-dong/bai-so-3/index.html"
        page.unlink()
        os.symlink(elsewhere / "sentinel.html", page)
    target = site / "content/tin-hoat-dong/bai-3.md"
    target.write_text(target.read_text(encoding="utf-8").replace("Nội dung bài viết.", "Đã sửa."), encoding="utf-8")
    result = build(BuildOptions(site_dir=site, out_dir=out))
    assert result.ok
    assert tree(elsewhere, links=True) == before, "the build wrote through a symlink"
    assert not [p for p in out.rglob("*") if p.is_symlink()]
    assert tree(out, links=True) == clean_tree(site, tmp_path / "clean", links=True)
    assert "Đã sửa." in (out / "tin-hoat-dong/bai-so-3/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("state", ["content-index", "content-index-delta", "markup-index", "markup-index-delta",
                                   "related", "pages"])
@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_a_damaged_cache_state_is_discarded_and_rebuilt(make_site, tmp_path, state, damage):
    site = make_site(numbered_articles(6, campaigns=["dan-van-kheo"]))
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    [path] = list((site / ".cache").rglob(f"{state}.pickle"))
    data = path.read_bytes()
    path.write_bytes({"truncated": data[: len(data) // 2], "garbage": os.urandom(len(data)), "empty": b""}[damage])
    target = site / "content/tin-hoat-dong/bai-2.md"
    target.write_text(target.read_text(encoding="utf-8").replace("Nội dung bài viết.", "Nội dung mới."),
                      encoding="utf-8")
    result = build(BuildOptions(site_dir=site, out_dir=out))
    assert result.ok, result.problems
    assert tree(out, links=True) == clean_tree(site, tmp_path / "clean", links=True)
    assert build(BuildOptions(site_dir=site, out_dir=out)).rendered == 0  # the rebuilt state is trusted again


def _in_group(group: int) -> list[int]:
    """The live processes of a process group (from /proc: each stat's 5th field), zombies left out."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = (Path("/proc") / entry / "stat").read_text()
        except OSError:
            continue
        state, _, pgrp = stat.rsplit(")", 1)[1].split()[:3]
        if int(pgrp) == group and state != "Z":
            found.append(int(entry))
    return found



# A pool whose tasks return more than a pipe holds (64 KB): a worker left behind by its
# build blocks on writing it for good, since its sibling holds the pipe's other end.
_POOL = """
import sys, time
sys.path.insert(0, {repo!r})
from generator import workers
def task(chunk):
    time.sleep(0.3)
    return ["x" * 200_000 for _ in chunk]
workers.run_chunks(task, list(range(4000)), 2, chunk_size=8)
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")
def test_a_build_stopped_by_sigterm_leaves_no_pool_worker_behind():
    """A cancelled CI job or an editor's IDE stops a build with SIGTERM to its process alone:
    its workers must not wait forever (~130 MB each at 10,000 articles) for a reader gone."""
    process = subprocess.Popen([sys.executable, "-c", _POOL.format(repo=str(REPO))], cwd=REPO,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while len(_in_group(process.pid)) < 3:  # the process and its two workers
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGTERM)  # the process alone, not its group
    process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while _in_group(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = _in_group(process.pid)
    for pid in left:  # (not to leave them to the next test)
        os.kill(pid, signal.SIGKILL)
    assert left == []


def test_an_earlier_patch_that_cannot_be_rolled_forward_is_named_with_how_to_clear_it(make_site, tmp_path):
    """Every build rolls a committed patch forward first; one that cannot be (a file where its
    folder must go, a permission) stopped each of them with the OS's words on a file alone,
    and said the site was left whole."""
    site = make_site({"content/tin-hoat-dong/bai.md": article("Bài viết")})
    out = tmp_path / "public"
    assert cli_here("build", "--site", str(site), "--out", str(out)).returncode == 0
    leftover = tmp_path / ".public.patch-abc123"
    (leftover / "files/tin-moi").mkdir(parents=True)
    (leftover / "files/tin-moi/index.html").write_text("<p>mới</p>", encoding="utf-8")
    (leftover / "JOURNAL").write_text('{"moves": ["tin-moi/index.html"], "removals": []}', encoding="utf-8")
    (out / "tin-moi").write_text("a file where the patch needs a folder", encoding="utf-8")
    done = cli_here("build", "--site", str(site), "--out", str(out), "--lang", "en")
    assert done.returncode == 3 and "Traceback" not in done.stderr
    assert done.stderr.startswith("build.py: error: an earlier build stopped while putting its changes into ")
    assert f"delete {leftover} and {out} and build again" in done.stderr
    shutil.rmtree(leftover)
    shutil.rmtree(out)
    assert cli_here("build", "--site", str(site), "--out", str(out)).returncode == 0
