"""Stage.write: a new file is created in place, a seeded one is replaced by a new
inode, and neither ever writes through a link into the published site."""
from __future__ import annotations

import os
import stat

from generator import output
from generator.output import Stage


def _published(tmp_path, files: dict[str, bytes]):
    out = tmp_path / "public"
    for rel, data in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    return out


def test_a_new_page_lands_with_its_folders_and_modes(tmp_path):
    stage = Stage(tmp_path / "public")
    assert stage.write("tin-tuc/bai-moi/index.html", b"<p>moi</p>") is True
    target = stage.root / "tin-tuc" / "bai-moi" / "index.html"
    assert target.read_bytes() == b"<p>moi</p>"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o755
    assert not [p.name for p in target.parent.iterdir() if p.name != "index.html"]  # no temporary left
    stage.discard()


def test_modes_hold_under_a_strict_umask_read_when_the_stage_is_made(tmp_path):
    before = os.umask(0o077)
    try:
        stage = Stage(tmp_path / "public")
        stage.write("a/index.html", b"x")
    finally:
        os.umask(before)
        output.refresh_umask()
    assert stat.S_IMODE((stage.root / "a" / "index.html").stat().st_mode) == 0o644
    assert stat.S_IMODE((stage.root / "a").stat().st_mode) == 0o755
    stage.discard()


def test_a_seeded_page_is_replaced_never_written_through_its_link(tmp_path):
    out = _published(tmp_path, {"a/index.html": b"old"})
    stage = Stage(out)
    assert "a/index.html" in stage.seeded
    assert stage.write("a/index.html", b"new") is True
    assert (out / "a" / "index.html").read_bytes() == b"old"  # the published site is untouched
    assert (stage.root / "a" / "index.html").read_bytes() == b"new"
    assert stage.write("a/index.html", b"new") is False  # the same bytes again: left as they are
    stage.discard()


def test_an_unexpected_file_in_the_stage_is_not_truncated_in_place(tmp_path):
    # Not seeded, yet present (say a link someone made): the new bytes go to a new inode.
    elsewhere = tmp_path / "elsewhere.html"
    elsewhere.write_bytes(b"keep me")
    stage = Stage(tmp_path / "public")
    (stage.root / "b").mkdir()
    os.link(elsewhere, stage.root / "b" / "index.html")
    stage.write("b/index.html", b"page")
    assert elsewhere.read_bytes() == b"keep me"
    assert (stage.root / "b" / "index.html").read_bytes() == b"page"
    stage.discard()


def test_seeding_carries_every_file_by_a_link_and_nothing_else(tmp_path):
    out = _published(tmp_path, {"index.html": b"home", "a/b/c/index.html": b"deep", "pagefind/fragment/x.pf": b"f",
                                "a/index.html": b"a"})
    (out / "empty" / "inner").mkdir(parents=True)  # no file to carry: not carried
    (tmp_path / "secret.txt").write_text("outside")
    os.symlink(tmp_path / "secret.txt", out / "a" / "link.html")  # never carried: it could point anywhere
    os.symlink(tmp_path, out / "dirlink")
    before = os.umask(0o077)
    try:
        stage = Stage(out)
    finally:
        os.umask(before)
        output.refresh_umask()
    assert stage.seeded == {"index.html", "a/b/c/index.html", "pagefind/fragment/x.pf", "a/index.html"}
    for rel in stage.seeded:
        assert os.path.samefile(stage.root / rel, out / rel)  # a hard link: no byte copied
    assert not (stage.root / "empty").exists() and not (stage.root / "dirlink").exists()
    assert not (stage.root / "a" / "link.html").exists()
    for folder in ("a", "a/b", "a/b/c", "pagefind", "pagefind/fragment"):
        assert stat.S_IMODE((stage.root / folder).stat().st_mode) == 0o755
    stage.discard()


def test_a_seeded_page_that_becomes_a_folder_of_its_name_and_back_makes_way(tmp_path):
    out = _published(tmp_path, {"index.html": b"home", "x/y.html": b"old page"})
    stage = Stage(out)
    assert stage.write("x/y.html/index.html", b"folder page") is True
    stage.keep("index.html")
    stage.prune()
    stage.publish()
    assert (out / "x/y.html/index.html").read_bytes() == b"folder page"
    again = Stage(out)
    assert again.link("x/y.html", str(out / "index.html"), b"home") is True
    again.keep("index.html")
    again.prune()
    again.publish()
    assert (out / "x/y.html").read_bytes() == b"home" and (out / "index.html").read_bytes() == b"home"


def test_two_outputs_of_one_build_at_a_page_and_in_its_folder_are_not_cleared(tmp_path):
    stage = Stage(_published(tmp_path, {"x/y.html": b"old page"}))
    stage.write("x/y.html", b"this build's page")
    try:
        stage.write("x/y.html/index.html", b"and a folder page")
    except OSError:
        pass
    else:
        raise AssertionError("one of two outputs of a build was thrown away")
    assert (stage.root / "x/y.html").read_bytes() == b"this build's page"
