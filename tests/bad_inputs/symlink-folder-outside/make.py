"""content/he-thong → /etc, and a bundle attachment → /etc/hostname (would be published)."""
import os


def make(site):
    os.symlink("/etc", site / "content/he-thong")
    bundle = site / "content/tin-hoat-dong/bai"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text('---\ntitle: "Bài"\ndate: 2026-01-21\nunit: cong-an-tinh\n'
                                     'category: tin-hoat-dong\n---\n\nXem tài liệu.\n', encoding="utf-8")
    os.symlink("/etc/hostname", bundle / "tai-lieu.txt")
