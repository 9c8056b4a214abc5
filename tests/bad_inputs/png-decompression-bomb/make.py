"""A 300-byte PNG that claims 100,000 × 100,000 pixels (10 GB decoded).

There is no image stage on main yet: the file is published as it is, never
decoded. The image stage (issue 3) must refuse it with a Problem; change
expected.txt then.
"""
import struct
import zlib


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def make(site):
    bundle = site / "content/tin-hoat-dong/anh-lon"
    bundle.mkdir(parents=True)
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 1001, 9)  # a few rows; the rest is the decoder's problem
    png = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", rows) + _chunk(b"IEND", b"")
    (bundle / "bom.png").write_bytes(png)
    (bundle / "index.md").write_text('---\ntitle: "Ảnh lớn"\ndate: 2026-01-21\nunit: cong-an-tinh\n'
                                     'category: tin-hoat-dong\n---\n\n![Ảnh](bom.png)\n', encoding="utf-8")
