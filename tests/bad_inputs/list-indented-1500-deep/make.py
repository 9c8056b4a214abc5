"""A list nested 1,500 levels by its indentation, two spaces a level (2.2 MB, under the size
limit): Python-Markdown re-read it level by level until the 20 s budget ran out (`too-slow`),
and without interval timers (Windows) for 3 minutes. Written here: git would keep it, but 2 MB of
spaces is no file to commit."""


def make(site):
    body = "Các bước:\n\n" + "".join("  " * level + "- bước\n" for level in range(1500))
    (site / "content/tin-hoat-dong/bai-thu.md").write_text(
        '---\ntitle: "Danh sách lồng nhau"\ndate: 2026-01-21\nunit: cong-an-tinh\ncategory: tin-hoat-dong\n---\n\n'
        + body, encoding="utf-8")
