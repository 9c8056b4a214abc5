"""Random bytes (seeded, so the first bad byte is always on line 1) named .md."""
import random


def make(site):
    data = bytes([0xFF, 0xD8, 0xFF, 0xE0]) + random.Random(7).randbytes(64 * 1024)
    (site / "content/tin-hoat-dong/rac.md").write_bytes(data)
