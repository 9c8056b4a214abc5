"""Which files of an article bundle are published beside its page."""
from __future__ import annotations

from generator.assets import bundle_files
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
