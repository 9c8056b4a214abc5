"""content/tin-hoat-dong/chuyen-de → content/thong-tin-chuyen-de: a folder linked in, not followed."""
import os


def make(site):
    (site / "content/thong-tin-chuyen-de").mkdir(parents=True)
    (site / "content/thong-tin-chuyen-de/bai.md").write_text(
        '---\ntitle: "Bài chuyên đề"\ndate: 2026-01-21\nunit: cong-an-tinh\ncategory: tin-hoat-dong\n---\n\nNội dung.\n',
        encoding="utf-8")
    (site / "content/tin-hoat-dong").mkdir(exist_ok=True)  # (git keeps no empty folder)
    os.symlink("../thong-tin-chuyen-de", site / "content/tin-hoat-dong/chuyen-de")
