"""Patch.publish: the staged files go into place and the removals go, in new and nested
folders alike; nothing is written or removed through a folder that became a symlink after
the build looked at the output (it could lead anywhere on the machine)."""
from __future__ import annotations

import os

from generator.output import Patch


def _published(out, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)


def _files(root) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_changed_new_and_removed_files_land_in_every_folder(tmp_path):
    out = tmp_path / "public"
    _published(out, {"index.html": b"home", "tin/trang/2/index.html": b"old 2", "tin/cu/index.html": b"old",
                     "tin/giu/index.html": b"kept"})
    patch = Patch(out, previous={"index.html", "tin/trang/2/index.html", "tin/cu/index.html", "tin/giu/index.html"})
    patch.write("tin/trang/2/index.html", b"new 2")
    patch.write("tin/trang/3/index.html", b"new 3")  # a folder that does not exist yet
    patch.write("moi/sau/index.html", b"deep")  # two of them
    for kept in ("index.html", "tin/giu/index.html"):
        patch.keep(kept)
    assert patch.prune() == 1
    patch.publish()
    assert _files(out) == {"index.html": b"home", "moi/sau/index.html": b"deep", "tin/giu/index.html": b"kept",
                           "tin/trang/2/index.html": b"new 2", "tin/trang/3/index.html": b"new 3"}
    assert not (out / "tin/cu").exists()  # the emptied folder went too
    assert patch.moved == ["moi/sau/index.html", "tin/trang/2/index.html", "tin/trang/3/index.html"]
    assert not patch.root.exists()


def test_nothing_goes_through_a_folder_replaced_by_a_symlink_meanwhile(tmp_path):
    out = tmp_path / "public"
    _published(out, {"index.html": b"home", "tin/trang/2/index.html": b"old 2", "tin/cu/index.html": b"old",
                     "an-ninh/index.html": b"an ninh"})
    elsewhere = tmp_path / "elsewhere"
    _published(elsewhere, {"trang/2/index.html": b"not ours", "cu/index.html": b"not ours either"})
    before = _files(elsewhere)
    patch = Patch(out, previous={"index.html", "tin/trang/2/index.html", "tin/cu/index.html", "an-ninh/index.html"})
    patch.write("index.html", b"new home")
    patch.write("tin/trang/2/index.html", b"new 2")
    patch.write("tin/trang/3/index.html", b"new 3")
    patch.write("an-ninh/index.html", b"new an ninh")
    assert patch.prune() == 1  # tin/cu/index.html
    # Planted after the build looked at the output, before it published.
    os.rename(out / "tin", tmp_path / "moved-away")
    os.symlink(elsewhere, out / "tin")
    patch.publish()
    assert _files(elsewhere) == before
    assert not (elsewhere / "trang/3").exists()
    assert (out / "index.html").read_bytes() == b"new home"  # the rest of the patch still lands
    assert (out / "an-ninh/index.html").read_bytes() == b"new an ninh"


def test_a_page_that_becomes_a_folder_of_its_name_and_back_is_published_and_later_builds_go_on(tmp_path):
    """An alias "/x/y.html" written again as "/x/y.html/": the old page stood where the new
    folder must go, the journal's move failed, and every later build (which rolls the journal
    forward first) failed with it, even after the alias was put back."""
    out = tmp_path / "public"
    _published(out, {"index.html": b"home", "x/y.html": b"old page"})
    previous = "x/y.html"
    for rel, data in (("x/y.html/index.html", b"folder page"), ("x/y.html", b"page again")):
        patch = Patch(out, previous={"index.html", previous})
        patch.keep("index.html")
        patch.write(rel, data)
        assert patch.prune() == 1
        patch.publish()
        assert _files(out) == {"index.html": b"home", rel: data}
        assert not patch.root.exists()
        previous = rel
