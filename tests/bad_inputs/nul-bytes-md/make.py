"""Valid UTF-8 with NUL bytes on line 3 (a file saved by a broken tool)."""


def make(site):
    (site / "content/tin-hoat-dong/nul-bytes.md").write_bytes(b"---\ntitle: a\n\x00\x00\x00\n---\n")
