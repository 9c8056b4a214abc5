"""A file saved by Notepad: UTF-8 with a byte-order mark before '---'."""


def make(site):
    text = '---\ntitle: "Bài có BOM"\ndate: 2026-01-21\nunit: cong-an-tinh\ncategory: tin-hoat-dong\n---\n\nNội dung sau BOM.\n'
    (site / "content/tin-hoat-dong/bom.md").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
