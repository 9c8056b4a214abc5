"""What `git mergetool` leaves beside the files it merged (made here: a global gitignore
often leaves out *.orig): the bundle's index.md as it was before the merge, and the copies
of each side of a single-file article, each with a title of its own as a conflict over the
title leaves them. None is published; each is named by a warning."""
from pathlib import Path

SIDE = """---
title: "{title}"
date: 2026-01-03
unit: cong-an-tinh
category: tin-hoat-dong
---

Bản {side} của bài, chưa được duyệt đăng.
"""


def make(site: Path) -> None:
    folder = site / "content" / "tin-hoat-dong"
    (folder / "ra-quan" / "index.md.orig").write_text(
        "Bản trước khi gộp, có số liệu chưa được duyệt đăng.\n", encoding="utf-8")
    for side, title in (("BACKUP", "Tuần tra đêm (bản lưu)"), ("BASE", "Tuần tra đêm"),
                        ("LOCAL", "Tuần tra đêm trên quốc lộ 5"), ("REMOTE", "Tuần tra ban đêm trên quốc lộ")):
        (folder / f"tuan-tra_{side}_4242.md").write_text(SIDE.format(title=title, side=side), encoding="utf-8")
