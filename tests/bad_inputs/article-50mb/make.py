"""A 50 MB article, made in the test's folder rather than committed."""


def make(site):
    path = site / "content/tin-hoat-dong/bai-khong-lo.md"
    head = '---\ntitle: "Bài khổng lồ"\ndate: 2026-01-21\nunit: cong-an-tinh\ncategory: tin-hoat-dong\n---\n\n'
    line = "Nội dung lặp lại rất nhiều lần để thử giới hạn kích thước. " * 16 + "\n\n"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(head)
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(line * 64)
        handle.truncate(50 * 1024 * 1024)
