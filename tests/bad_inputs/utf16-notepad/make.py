"""A file saved by Notepad as "Unicode": UTF-16 (little-endian) behind its byte-order mark,
with Windows line ends. The mark says which encoding it is, so it builds as UTF-8 would."""


def make(site):
    text = ('---\r\ntitle: "Bài lưu bằng Notepad"\r\ndate: 2026-01-21\r\nunit: cong-an-tinh\r\n'
            'category: tin-hoat-dong\r\n---\r\n\r\nNội dung có dấu: Đồng Tiến, Khoái Châu.\r\n')
    folder = site / "content/tin-hoat-dong"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "notepad.md").write_bytes(text.encode("utf-16"))  # Python writes the mark first
