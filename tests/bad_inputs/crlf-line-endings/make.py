"""CRLF line endings (Word, Windows editors); made here so git cannot normalise them."""


def make(site):
    text = ('---\ntitle: "Bài Windows"\ndate: 2026-01-21\nunit: cong-an-tinh\ncategory: tin-hoat-dong\n---\n\n'
            "# Mục một\n\n- Ý thứ nhất\n- Ý thứ hai\n")
    (site / "content/tin-hoat-dong/windows.md").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
