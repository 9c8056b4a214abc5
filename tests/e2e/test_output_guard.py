"""--out named by mistake never costs an editor their files: a build replaces its output folder
whole, so the site folder, a folder holding it, content/, the build cache, a file or a folder of
other files is refused with one line (exit 2) before anything is written. So is a --cache-dir in
the site's own folders: the cache deletes the files it no longer uses."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import BuildOptions, UnsafeOutputError, build
from tests.conftest import cli_here, numbered_articles, tree

# (what --out is, relative to the test's folder; extra options; words of the message)
REFUSED = {
    "the site folder": ("site", [], "là chính thư mục trang hoặc chứa nó"),
    "a folder holding the site": (".", [], "là chính thư mục trang hoặc chứa nó"),
    "content/": ("site/content", [], "nơi bản dựng đọc dữ liệu"),
    "a folder inside layouts/": ("site/layouts/trang", [], "nơi bản dựng đọc dữ liệu"),
    "the build cache": ("site/.cache", [], "trùng với bộ nhớ đệm"),
    "a folder holding the cache": ("out", ["--cache-dir", "out/.cache"], "trùng với bộ nhớ đệm"),
    "a file": ("site/ghi-chu.txt", [], "là một tệp, không phải thư mục"),
    "a folder of other files": ("tai-lieu", [], "không phải một cổng do chương trình này dựng"),
    # (an index.html alone let a first build empty a web root: its documents, CNAME …)
    "a web root with a page of its own": ("web", [], "không phải một cổng do chương trình này dựng"),
    "a cache in content/": ("out", ["--cache-dir", "site/content"], "bộ nhớ đệm tự xóa các tệp không còn dùng"),
    "a cache in the site folder": ("out", ["--cache-dir", "site"], "bộ nhớ đệm tự xóa các tệp không còn dùng"),
}


@pytest.fixture
def workspace(make_site, tmp_path):
    site = make_site({**numbered_articles(3), "layouts/partials/footer.html": "<footer>Chân trang</footer>\n",
                      "ghi-chu.txt": "ghi chú của biên tập viên\n"})
    (tmp_path / "tai-lieu").mkdir()
    (tmp_path / "tai-lieu/bao-cao.docx").write_bytes(b"bao cao")
    (tmp_path / "web/docs").mkdir(parents=True)
    (tmp_path / "web/index.html").write_text("<h1>Trang tự làm</h1>", encoding="utf-8")
    (tmp_path / "web/docs/bao-cao.docx").write_bytes(b"bao cao")
    (tmp_path / "web/CNAME").write_text("congan.example.vn\n", encoding="utf-8")
    return tmp_path, site


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_an_output_that_would_delete_files_is_refused_before_anything_is_written(workspace, case):
    root, site = workspace
    out, options, words = REFUSED[case]
    before = tree(root)
    done = cli_here("build", "--site", str(site), "--out", str(root / out), "--lang", "vi",
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


@pytest.mark.parametrize("kind", ["a new folder", "an empty folder", "an old build of ours"])
def test_an_output_of_its_own_is_built(workspace, kind):
    root, site = workspace
    out = root / "xuat-ban"
    if kind != "a new folder":
        out.mkdir()
    if kind == "an old build of ours":  # (its record gone with the cache: what it holds is replaced)
        for name in ("index.html", "robots.txt", "cu.html"):
            (out / name).write_text("cũ", encoding="utf-8")
    done = cli_here("build", "--site", str(site), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert (out / "tin-hoat-dong/bai-so-1/index.html").is_file() and not (out / "cu.html").exists()
    assert (site / "ghi-chu.txt").is_file() and (site / "content").is_dir()


def test_a_deploys_own_hidden_files_beside_the_site_are_kept_by_every_build(workspace):
    """A gh-pages worktree's .git, certbot's .well-known/acme-challenge/: a build replaced its output
    whole and deleted them (a first build as well). Hidden entries at the output's top that no build
    published are kept; one a build published (static/.well-known/security.txt) goes with it."""
    root, site = workspace
    out = root / "gh-pages"
    out.mkdir()
    (out / ".git").write_text("gitdir: /src/.git/worktrees/gh-pages\n", encoding="utf-8")  # an empty worktree
    (site / "static/.well-known").mkdir(parents=True)
    (site / "static/.well-known/security.txt").write_text("Contact: mailto:bbt@congan.example.vn\n", encoding="utf-8")
    first = cli_here("build", "--site", str(site), "--out", str(out))
    assert first.returncode == 0, first.stderr
    assert (out / ".git").read_text(encoding="utf-8").startswith("gitdir:")
    (out / ".well-known/acme-challenge").mkdir()
    (out / ".well-known/acme-challenge/tok3n").write_text("tok3n.key\n", encoding="utf-8")
    (site / "static/.well-known/security.txt").unlink()
    (site / "content/tin-hoat-dong/bai-1.md").write_text(
        (site / "content/tin-hoat-dong/bai-1.md").read_text(encoding="utf-8") + "\nThêm một dòng.\n", encoding="utf-8")
    again = cli_here("build", "--site", str(site), "--out", str(out), "--lang", "en")
    assert again.returncode == 0, again.stderr
    assert (out / ".git").is_file() and (out / ".well-known/acme-challenge/tok3n").is_file()
    assert not (out / ".well-known/security.txt").exists()
    for flags in ([], ["--no-cache"]):  # a full staged build too, and one with no record at all
        (site / "layouts/partials/footer.html").write_text(f"<footer>Chân trang {flags}</footer>\n", encoding="utf-8")
        done = cli_here("build", "--site", str(site), "--out", str(out), *flags)
        assert done.returncode == 0, done.stderr
        assert (out / ".git").is_file() and (out / ".well-known/acme-challenge/tok3n").is_file()
    cli_here("build", "--site", str(site), "--out", str(out))  # (the cache's record after --no-cache)
    unchanged = cli_here("build", "--site", str(site), "--out", str(out), "--lang", "en")  # (they are no change)
    assert ": 0 re-rendered, " in unchanged.stdout and "search index" not in unchanged.stdout, unchanged.stdout


def test_a_read_only_output_is_refused_not_replaced_behind_its_permissions(workspace):
    """A read-only --out was swapped anyway (its mode and owner replaced), then the build failed
    moving the old one away and said "the published site is intact" about a new one; every
    build after failed so."""
    root, site = workspace
    out = root / "chi-doc"
    assert cli_here("build", "--site", str(site), "--out", str(out)).returncode == 0
    before = tree(root)
    done = _built_as_a_user(site, out, read_only=out)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.strip() == (f"build.py: error: --out {out} is read-only: a build replaces its output folder "
                                   "whole, and would do so behind its permissions. Make it writable (chmod u+w) or "
                                   "choose another folder.")
    assert tree(root) == before


def test_a_read_only_folder_inside_the_output_stops_a_patch_before_any_file_is_put_in_place(workspace):
    """A page's folder made read-only in the output: the patch moved some files in, failed at that
    folder, said "the published site was left whole" about a half-changed one, and every later
    build failed rolling it forward."""
    root, site = workspace
    out = root / "xuat-ban"
    assert cli_here("build", "--site", str(site), "--out", str(out)).returncode == 0
    [page] = out.glob("tin-hoat-dong/*bai-so-1/index.html")
    article = site / "content/tin-hoat-dong/bai-1.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nMột đoạn mới.\n", encoding="utf-8")
    before = tree(out)
    for _ in range(2):  # (and the next build is not stuck on a leftover)
        done = _built_as_a_user(site, out, read_only=page.parent)
        assert done.returncode == 3, done.stdout + done.stderr
        assert done.stderr.strip() == (f"build.py: error: {page.parent} cannot be written (read-only), and this "
                                       f"build must change files in it: nothing was changed in {out}. Make it "
                                       f"writable (chmod u+w {page.parent}) and build again.")
        assert tree(out) == before
        assert [entry.name for entry in root.iterdir() if entry.name.startswith(".xuat-ban")] == []
    assert cli_here("build", "--site", str(site), "--out", str(out)).returncode == 0
    assert "Một đoạn mới." in page.read_text(encoding="utf-8")


def test_a_mount_point_is_known_by_the_system_s_list_of_mounts(tmp_path):
    """A container's volume (`docker run -v $PWD/public:/out`) is often a bind mount of the same disk,
    which os.path.ismount does not see: the build failed after rendering everything, "Device or
    resource busy", and left a folder beside it."""
    from generator.outguard import is_mount_point

    volume = tmp_path / "xuat ban"
    volume.mkdir()
    mounts = tmp_path / "mountinfo"
    mounts.write_text(f"36 35 98:0 /du-lieu {str(volume).replace(' ', chr(92) + '040')} rw,noatime master:1 - ext4 "
                      "/dev/root rw,errors=continue\n", encoding="utf-8")
    assert is_mount_point(volume, str(mounts))
    assert not is_mount_point(tmp_path, str(mounts)) and is_mount_point(Path("/"), str(mounts))


def test_an_output_whose_parent_cannot_be_written_is_refused_before_the_build(workspace):
    """A deploy user's /var/www/portal in root's /var/www: the build rendered everything, then
    failed on its lock beside the output ("Permission denied")."""
    root, site = workspace
    parent = root / "www"
    (parent / "portal").mkdir(parents=True)
    done = _built_as_a_user(site, parent / "portal", read_only=parent)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.strip() == (f"build.py: error: --out {parent / 'portal'}: its parent folder {parent} cannot be "
                                   "written, and a build makes the new site beside its output folder and swaps the "
                                   "two. Let the build write there, or choose an output folder in a folder it can write.")


def _built_as_a_user(site, out, *more: str, read_only):
    """`build` of `site` into `out` as a user who is bound by permissions (as root, with root's
    power over them dropped first: setpriv, as CI machines run as root), with the folder
    `read_only` made so for the while."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    powers = "dac_override,dac_read_search,fowner"
    as_a_user = ["setpriv", f"--inh-caps=-{powers.replace(',', ',-')}",
                 f"--bounding-set=-{powers.replace(',', ',-')}"] if os.geteuid() == 0 else []
    read_only.chmod(0o555)
    try:
        return subprocess.run([*as_a_user, sys.executable, str(REPO / "build.py"), "build", "--site", str(site),
                               "--out", str(out), "--lang", "en", *more], capture_output=True, text=True, timeout=120)
    finally:
        read_only.chmod(0o755)


def test_a_git_repository_in_the_output_stays_one_across_full_builds(workspace):
    """A deploy repository in the output (gh-pages), packed by `git gc`, has empty refs/heads and
    refs/tags: a full build carried its files but not those folders, and git saw no repository."""
    import subprocess

    root, site = workspace
    out = root / "xuat-ban"
    assert cli_here("build", "--site", str(site), "--out", str(out)).returncode == 0

    def git(*args):
        return subprocess.run(["git", "-C", str(out), *args], capture_output=True, text=True, timeout=60,
                              env={"GIT_AUTHOR_NAME": "ci", "GIT_AUTHOR_EMAIL": "ci@congan.example.vn",
                                   "GIT_COMMITTER_NAME": "ci", "GIT_COMMITTER_EMAIL": "ci@congan.example.vn",
                                   "HOME": str(root), "PATH": "/usr/bin:/bin"})
    for step in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "Xuất bản"], ["gc", "-q"], ["pack-refs", "--all"]):
        assert git(*step).returncode == 0, step
    assert not any((out / ".git/refs/heads").iterdir())  # (what packing leaves)
    for flags in (["--no-cache"], []):
        (site / "layouts/partials/footer.html").write_text(f"<footer>Chân trang {flags}</footer>\n", encoding="utf-8")
        assert cli_here("build", "--site", str(site), "--out", str(out), *flags).returncode == 0
        status = git("status", "--porcelain")
        assert status.returncode == 0, status.stderr
        assert status.stdout.strip(), "the rebuilt footer is a change git sees"


def test_a_build_cache_that_cannot_be_written_is_warned_about_and_the_build_goes_on(workspace):
    """A CI cache restored read-only: the build failed at its first save ("Read-only file system",
    exit 3) instead of building without it."""
    root, site = workspace
    kept = root / "bo-nho-dem"
    kept.mkdir()
    done = _built_as_a_user(site, root / "xuat-ban", "--cache-dir", str(kept / "cache"), read_only=kept)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == (
        f"{kept / 'cache'}: warning[cache-not-writable]: the build cache cannot be written (Permission denied): "
        "this build uses none, and takes the time a first build takes; let the build write there, or give --cache-dir")
    assert (root / "xuat-ban/tin-hoat-dong/bai-so-1/index.html").is_file() and not any(kept.iterdir())


def test_a_build_cache_that_cannot_be_written_does_not_stop_a_strict_build(workspace):
    """--strict is for what editors wrote: a CI cache restored read-only made the strict build
    render everything, then exit 1 ("1 error", as for content) and publish nothing."""
    root, site = workspace
    kept = root / "bo-nho-dem"
    kept.mkdir()
    done = _built_as_a_user(site, root / "xuat-ban", "--strict", "--cache-dir", str(kept / "cache"), read_only=kept)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0].startswith(f"{kept / 'cache'}: warning[cache-not-writable]: ")
    assert (root / "xuat-ban/tin-hoat-dong/bai-so-1/index.html").is_file() and not any(kept.iterdir())


def test_a_folder_of_the_build_cache_another_user_owns_is_warned_about_and_the_build_goes_on(workspace):
    """A cache whose own folder is writable but whose version folder is not (made by one
    `sudo make site`, restored from a root container's cache): the build passed the check of
    the cache's folder, then failed at its first save inside ("Permission denied", exit 3)."""
    root, site = workspace
    kept = root / "bo-nho-dem"
    assert cli_here("build", "--site", str(site), "--out", str(root / "xuat-ban"), "--cache-dir", str(kept)).returncode == 0
    [inside] = kept.glob("v*-*")
    article = site / "content/tin-hoat-dong/bai-1.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nMột đoạn mới.\n", encoding="utf-8")
    done = _built_as_a_user(site, root / "xuat-ban", "--cache-dir", str(kept), read_only=inside)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == (
        f"{kept}: warning[cache-not-writable]: the build cache cannot be written (Permission denied): "
        "this build uses none, and takes the time a first build takes; let the build write there, or give --cache-dir")
    assert "Một đoạn mới." in (root / "xuat-ban/tin-hoat-dong/bai-so-1/index.html").read_text(encoding="utf-8")


def test_a_full_build_keeps_the_output_folder_s_own_group_and_mode(workspace):
    """A web root shared with a deploy group (`chgrp deploy; chmod 2775`): a build that
    re-rendered everything swapped in a folder of mode 0755 and the builder's group, and the
    deploy user could no longer write there; a build of a few pages (a patch) kept them."""
    import os
    import stat

    root, site = workspace
    out = root / "xuat-ban"
    assert cli_here("build", "--site", str(site), "--out", str(out)).returncode == 0
    group = next((g for g in os.getgroups() if g != os.stat(out).st_gid), None) if os.geteuid() != 0 else 1
    if group is not None:
        os.chown(out, -1, group)
    out.chmod(0o2775)
    before = os.stat(out)
    assert cli_here("build", "--site", str(site), "--out", str(out), "--no-cache").returncode == 0
    after = os.stat(out)
    assert after.st_ino != before.st_ino  # (a new folder, swapped in)
    assert stat.S_IMODE(after.st_mode) == 0o2775 and after.st_gid == before.st_gid
    assert (out / "tin-hoat-dong/bai-so-1/index.html").is_file()


def test_an_output_on_a_disk_mounted_read_only_is_told_as_such(workspace):
    """A container's volume mounted `:ro` by mistake: the build said the folder was read-only and
    to `chmod u+w` it, which a read-only file system refuses."""
    import os
    import subprocess

    root, site = workspace
    disk = root / "o-dia"
    disk.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(disk)],
                                          capture_output=True).returncode != 0:
        pytest.skip("mounting a file system needs root")
    try:
        out = disk / "xuat-ban"
        assert cli_here("build", "--site", str(site), "--out", str(out)).returncode == 0
        before = tree(out)
        assert subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True).returncode == 0
        done = cli_here("build", "--site", str(site), "--out", str(out), "--lang", "en")
        assert done.returncode == 2, done.stderr
        assert done.stderr.strip() == (f"build.py: error: --out {out} is on a file system mounted read-only: "
                                       "nothing can be published there (chmod cannot change that). Mount it "
                                       "writable (a container's volume without :ro) or choose another folder.")
        assert tree(out) == before
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


def test_a_shard_folder_of_the_build_cache_another_user_owns_is_warned_about_and_the_build_goes_on(workspace):
    """One `sudo make site` makes the folders of the blobs it writes (markup/ab/, a folder for each
    first two digits) as root: the check looked at the cache's stores, not their folders, and the
    next build by its user failed at its first save in one (exit 3, "Permission denied")."""
    root, site = workspace
    kept = root / "bo-nho-dem"
    assert cli_here("build", "--site", str(site), "--out", str(root / "xuat-ban"), "--cache-dir", str(kept)).returncode == 0
    [inside] = kept.glob("v*-*")
    shards = []
    for store in (folder for folder in inside.iterdir() if folder.is_dir()):
        for number in range(256):
            shard = store / f"{number:02x}"
            shard.mkdir(exist_ok=True)
            shards.append(shard)
    for folder in shards[1:]:
        folder.chmod(0o555)
    article = site / "content/tin-hoat-dong/bai-1.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nMột đoạn mới.\n", encoding="utf-8")
    try:
        done = _built_as_a_user(site, root / "xuat-ban", "--cache-dir", str(kept), read_only=shards[0])
    finally:
        for folder in shards:
            folder.chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == (
        f"{kept}: warning[cache-not-writable]: the build cache cannot be written (Permission denied): "
        "this build uses none, and takes the time a first build takes; let the build write there, or give --cache-dir")
    assert "Một đoạn mới." in (root / "xuat-ban/tin-hoat-dong/bai-so-1/index.html").read_text(encoding="utf-8")
