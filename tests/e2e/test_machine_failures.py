"""When the machine, not the editor, fails a build — a worker killed for lack of memory, a full
disk, a broken search indexer, Ctrl-C — the editor reads one line that says what happened and
what to do, never a traceback; the exit code tells CI it was not a content error; and the
published site is left as it was."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from generator.pipeline import BuildOptions, build
from tests.conftest import REPO, SITE_TOML, numbered_articles, tree

# Run the CLI after `patch` (Python) has made the machine fail at some point of the build.
RUN_PATCHED = """
import os, signal, sys
main_pid = os.getpid()
{patch}
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""

FAILURES = {
    # The system kills a render worker (the OOM killer): the pool breaks.
    "worker-killed": ("""
        from generator import rendering
        real = rendering._render_chunk
        def killed(*args):
            if os.getpid() != main_pid:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args)
        rendering._render_chunk = killed
        """, "một tiến trình con dừng đột ngột", "--jobs 1"),
    "disk-full": ("""
        import errno
        from generator import output
        def full(target, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        output._create_file = output._replace_file = full
        """, "No space left on device", "đã dừng dựng trang, bản đã xuất bản vẫn nguyên vẹn"),
    "search-indexer-broken": ("""
        from pathlib import Path
        from generator import search
        script = Path(os.environ["BROKEN_PAGEFIND"])
        search.get_executable = lambda: script
        """, "trình lập chỉ mục tìm kiếm (Pagefind) bị lỗi", "pagefind: cannot run"),
    "ctrl-c": ("""
        from generator import rendering
        def interrupted(*args, **kwargs):
            raise KeyboardInterrupt
        rendering.render_pages = interrupted
        """, "Đã dừng theo yêu cầu: bản đã xuất bản vẫn nguyên vẹn.", None),
}
EXIT_CODES = {"worker-killed": 3, "disk-full": 3, "search-indexer-broken": 3, "ctrl-c": 130}


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_a_build_the_machine_fails_says_so_in_one_line_and_publishes_nothing(make_site, tmp_path, failure):
    site = make_site(numbered_articles(12), site_toml=SITE_TOML)
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    before = tree(out, links=True)
    (site / "site.toml").write_text(SITE_TOML.replace("Thử Nghiệm", "Thử Nghiệm Mới", 1), encoding="utf-8")
    edited = site / "content/tin-hoat-dong/bai-3.md"  # so that the search index is made again too
    edited.write_text(edited.read_text(encoding="utf-8") + "\nĐoạn thêm.\n", encoding="utf-8")
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\necho 'pagefind: cannot run' >&2\nexit 3\n", encoding="utf-8")
    broken.chmod(0o755)
    patch, *expected = FAILURES[failure]
    script = RUN_PATCHED.format(patch=textwrap.dedent(patch))
    done = subprocess.run([sys.executable, "-c", script, "build", "--site", str(site), "--out", str(out),
                           "--jobs", "2", "--lang", "vi"], cwd=REPO, capture_output=True, text=True, timeout=180,
                          env={**__import__("os").environ, "BROKEN_PAGEFIND": str(broken)})
    assert done.returncode == EXIT_CODES[failure], done.stderr
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip() and not line.startswith("Dựng trang")]
    assert len(lines) == 1, done.stderr
    for words in filter(None, expected):
        assert words in lines[0]
    assert tree(out, links=True) == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.") and ".trash-" not in p.name]


# The build cache's own disk is full (a `--cache-dir` on a small volume, CI's cache folder): each
# file the cache writes there is opened on /dev/full, whose writes fail as a full disk's do.
CACHE_DISK_FULL = """
import tempfile
real_mkstemp = tempfile.mkstemp
def on_a_full_disk(*args, **kwargs):
    handle, name = real_mkstemp(*args, **kwargs)
    if name.startswith(os.environ["CACHE_DIR"]) and {when}:
        os.close(handle)
        handle = os.open("/dev/full", os.O_WRONLY)
    return handle, name
tempfile.mkstemp = on_a_full_disk
"""


def _built_with_a_full_cache_disk(site, out, cache_dir, when="True"):
    script = RUN_PATCHED.format(patch=CACHE_DISK_FULL.format(when=when))
    return subprocess.run([sys.executable, "-c", script, "build", "--site", str(site), "--out", str(out),
                           "--cache-dir", str(cache_dir), "--jobs", "2", "--lang", "en"], cwd=REPO,
                          capture_output=True, text=True, timeout=180,
                          env={**__import__("os").environ, "CACHE_DIR": str(cache_dir)})


def test_a_full_cache_disk_is_named_not_the_output(make_site, tmp_path):
    """A write that fails on a full disk names no file: the build said the output's folder was
    full ("out: No space left on device"), and the operator freed space on the wrong disk."""
    site = make_site(numbered_articles(6), site_toml=SITE_TOML)
    out, cache_dir = tmp_path / "out", tmp_path / "bo-nho-dem"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    before = tree(out, links=True)
    done = _built_with_a_full_cache_disk(site, out, cache_dir)
    assert done.returncode == 3, done.stderr
    [line] = [line for line in done.stderr.splitlines() if line.strip()]
    assert line.startswith(f"build.py: error: {cache_dir}/"), line
    assert "No space left on device; the build stopped and the published site was left whole." in line
    assert tree(out, links=True) == before


def test_a_cache_that_cannot_be_saved_after_publishing_says_the_site_was_published(make_site, tmp_path):
    """The cache's disk filled once the new site was in place (the pages' record is saved after
    the swap): the build said "the build stopped and the published site was left whole" with
    exit 3, over a site it had just published, and CI took the job for one that published nothing."""
    site = make_site(numbered_articles(6), site_toml=SITE_TOML)
    out, cache_dir = tmp_path / "out", tmp_path / "bo-nho-dem"
    assert build(BuildOptions(site_dir=site, out_dir=out, cache_dir=cache_dir)).ok
    edited = site / "content/tin-hoat-dong/bai-3.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nĐoạn mới đã đăng.\n", encoding="utf-8")
    patch_published = (  # the new site's publishing, by a swap or a patch, sets PUBLISHED
        "from generator import output\n"
        "PUBLISHED = False\n"
        "def published(real):\n"
        "    def publish(self):\n"
        "        global PUBLISHED\n"
        "        real(self)\n"
        "        PUBLISHED = True\n"
        "    return publish\n"
        "output.Stage.publish = published(output.Stage.publish)\n"
        "output.Patch.publish = published(output.Patch.publish)\n")
    script = RUN_PATCHED.format(patch=patch_published + CACHE_DISK_FULL.format(when="PUBLISHED"))
    done = subprocess.run([sys.executable, "-c", script, "build", "--site", str(site), "--out", str(out),
                           "--cache-dir", str(cache_dir), "--jobs", "2", "--lang", "en"], cwd=REPO,
                          capture_output=True, text=True, timeout=180,
                          env={**__import__("os").environ, "CACHE_DIR": str(cache_dir)})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "left whole" not in done.stderr
    [told] = [line for line in done.stderr.splitlines() if "cache-not-saved" in line]
    assert told.startswith(f"{cache_dir}: warning[cache-not-saved]: the site was published, but the build cache "
                           f"could not be saved ({cache_dir}/"), told
    assert "No space left on device" in told
    [page] = out.glob("tin-hoat-dong/*bai-so-3/index.html")
    assert "Đoạn mới đã đăng." in page.read_text(encoding="utf-8")
    # The next build, its cache's disk mended, ends where a clean build would.
    assert build(BuildOptions(site_dir=site, out_dir=out, cache_dir=cache_dir)).ok
    clean = tmp_path / "clean"
    assert build(BuildOptions(site_dir=site, out_dir=clean, use_cache=False)).ok
    assert tree(out) == tree(clean)


def test_a_build_started_with_ctrl_c_ignored_is_not_stopped_by_it_in_its_workers(make_site, tmp_path):
    """A CI script's `make site &` (a shell starts a background job with Ctrl+C ignored, and the
    build kept it so) got its job's group's SIGINT in its workers alone: they died, and the build
    said a worker had been killed, perhaps for lack of memory (exit 3), and published nothing."""
    import os
    import signal

    site = make_site(numbered_articles(12), site_toml=SITE_TOML)
    out = tmp_path / "out"
    flag = tmp_path / "sent"
    patch = textwrap.dedent(f"""
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # as the shell started it
        from generator import rendering
        real = rendering._render_chunk
        def chunk(*args):
            if os.getpid() != main_pid:
                try:
                    os.close(os.open({str(flag)!r}, os.O_CREAT | os.O_EXCL))
                    os.killpg(0, signal.SIGINT)  # the group's Ctrl+C, once
                except FileExistsError:
                    pass
            return real(*args)
        rendering._render_chunk = chunk
        """)
    done = subprocess.run([sys.executable, "-c", RUN_PATCHED.format(patch=patch), "build", "--site", str(site),
                           "--out", str(out), "--jobs", "2", "--lang", "en"], cwd=REPO, capture_output=True,
                          text=True, timeout=180, start_new_session=True,
                          preexec_fn=None if os.name != "posix" else lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    assert flag.exists()
    assert done.returncode == 0, done.stderr
    assert (out / "tin-hoat-dong/bai-so-1/index.html").is_file()
