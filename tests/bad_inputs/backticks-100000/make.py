"""A line of 100,000 backticks in an article that shows a photo: the scan for photos
blanked code spans with a regex that took cubic time on it (8,000 backticks: 4 s)."""


def make(site):
    path = site / "content/tin-hoat-dong/dau-huyen.md"
    head = '---\ntitle: "Dấu huyền"\ndate: 2026-01-21\nunit: cong-an-tinh\ncategory: tin-hoat-dong\n---\n\n'
    body = "Ảnh: ![Biển báo](https://example.vn/bien-bao.jpg) " + "`" * 100_000 + "chữ\n"
    path.write_text(head + body, encoding="utf-8")
