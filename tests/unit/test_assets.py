"""Which files of an article bundle are published beside its page."""
from __future__ import annotations

import unicodedata

from generator.assets import bundle_files, photo_twins
from generator.walk import list_below


def test_bundle_files_skip_photos_markdown_hidden_files_and_nested_articles(tmp_path):
    bundle = tmp_path / "bai"
    for rel in ("index.md", "ghi-chu.md", "anh.JPG", "bien-ban.pdf", ".nhap.pdf", ".an/tep.pdf",
                "phu-luc/bang.xlsx", "phu-luc/so-do.png", "bai-con/index.md", "bai-con/tep.pdf"):
        path = bundle / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    found = bundle_files(list_below(tmp_path))
    assert [rel for rel, _ in found["bai"]] == ["bien-ban.pdf", "phu-luc/bang.xlsx"]
    assert [rel for rel, _ in found["bai/bai-con"]] == ["tep.pdf"]


def test_a_photo_is_told_as_a_macs_copy_only_beside_its_twin(tmp_path):
    """Only a name not as Windows writes it (NFD) is looked at (every build reads every name):
    beside its twin it is told, alone or beside another folder's twin it is not."""
    nfd = lambda text: unicodedata.normalize("NFD", text)
    for rel in ("a/ảnh-1.jpg", nfd("a/ảnh-1.jpg"), nfd("a/ảnh-2.jpg"), nfd("b/ảnh-3.jpg"), "c/ảnh-3.jpg", "a/anh.jpg",
                nfd("a/tài-liệu.pdf")):
        (tmp_path / "content" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "content" / rel).write_bytes(b"")
    told = photo_twins(list_below(tmp_path / "content", "content/"))
    assert [(p.location.path, p.message.split(" as a Mac")[0]) for p in told] == [
        (nfd("content/a/ảnh-1.jpg"), "this photo's name is content/a/ảnh-1.jpg's")]
