"""Image pipeline benchmark: a cold build of N synthetic 4000×3000 phone photos, then a warm build.

    .venv/bin/python bench/images_bench.py            # 200 photos (the issue's size)
    .venv/bin/python bench/images_bench.py --photos 40

Each photo is the cover of its own article (so it also gets thumbnails and an
OpenGraph image), stored sideways with EXIF orientation 6 every third photo,
and carries GPS, camera and owner tags. The corpus is kept under bench/corpus/
between runs (it takes a while to draw); the image cache is wiped for the cold build.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]
from photos import draw_scene, phone_jpeg  # noqa: E402

from generator import imageproc  # noqa: E402
from generator.pipeline import BuildOptions, build  # noqa: E402

SITE_TOML = """title = "Cổng thông tin điện tử Công an tỉnh Đo Tốc Độ"
base_url = "https://congan.example.vn/"
per_page = 20

[categories.tin-hoat-dong]
name = "Tin hoạt động"

[units.cong-an-tinh]
name = "Công an tỉnh Đo Tốc Độ"
"""


def make_corpus(root: Path, photos: int) -> Path:
    site = root / f"site-{photos}"
    if (site / "site.toml").exists():
        return site
    for n in range(photos):
        bundle = site / "content" / "tin-hoat-dong" / f"bai-{n:03d}"
        bundle.mkdir(parents=True, exist_ok=True)
        orientation = 6 if n % 3 == 0 else 1
        size = (3000, 4000) if orientation == 6 else (4000, 3000)
        (bundle / "anh.jpg").write_bytes(phone_jpeg(draw_scene(*size, n, f"Ảnh thử số {n}"), orientation, quality=75))
        (bundle / "index.md").write_text(
            f'---\ntitle: "Bài thử số {n}"\ndate: 2026-01-{1 + n % 28:02d}T{n % 24:02d}:00:00\n'
            f'unit: cong-an-tinh\ncategory: tin-hoat-dong\nimage: anh.jpg\nimage_caption: "Ảnh thử số {n}"\n---\n\n'
            f"Nội dung bài thử số {n}.\n", encoding="utf-8")
    (site / "site.toml").write_text(SITE_TOML, encoding="utf-8")
    return site


def timed_build(site: Path, out: Path):
    start = time.perf_counter()
    result = build(BuildOptions(site_dir=site, out_dir=out))
    assert result.ok, [str(p) for p in result.problems]
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=200)
    args = parser.parse_args()
    corpus = HERE / "corpus"
    start = time.perf_counter()
    site = make_corpus(corpus, args.photos)
    made = time.perf_counter() - start
    source_mb = sum(p.stat().st_size for p in site.rglob("*.jpg")) / 1e6
    shutil.rmtree(site / imageproc.CACHE_DIR, ignore_errors=True)
    cold, first = timed_build(site, corpus / "out")
    warm, second = timed_build(site, corpus / "out")
    out_mb = sum(p.stat().st_size for p in (corpus / "out" / "images").iterdir()) / 1e6
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}")
    print(f"corpus: {args.photos} photos 4000×3000, {source_mb:.0f} MB of JPEG (drawn in {made:.1f} s)")
    print(f"cold build: {cold:.1f} s total, images {first.images.seconds:.1f} s — "
          f"{first.images.encoded} files encoded from {first.images.photos} photos "
          f"({first.images.seconds / max(1, first.images.photos):.2f} s per photo), {out_mb:.1f} MB published")
    print(f"warm build: {warm:.2f} s total, images {second.images.seconds:.2f} s — "
          f"{second.images.encoded} encoded, {second.images.variants} from the cache")


if __name__ == "__main__":
    main()
