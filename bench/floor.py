"""The Markdown floor: convert every article body with Python-Markdown on all cores.

    python bench/floor.py --site bench/corpus/n1000 [--workers 2]

Owns one number: the wall time to turn all bodies into HTML with the same
extensions as generator/markup.py (read from there, so the floor follows the
generator), spread over worker processes, with nothing else — no front-matter
checks, no related news, no templates, no writing. Reading the files is done
before the clock starts. A build cannot be faster than this without caching.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from multiprocessing import Pool
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import markdown  # noqa: E402

from generator.markup import EXTENSION_CONFIGS, EXTENSIONS  # noqa: E402

_md = None


def _start_worker() -> None:
    global _md
    _md = markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSION_CONFIGS,
                            output_format="html")


def _convert(body: str) -> int:
    return len(_md.reset().convert(body))


def read_bodies(site: Path) -> list[str]:
    bodies = []
    for path in sorted((site / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        closing = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
        bodies.append("\n".join(lines[closing + 1:]))
    return bodies


def measure_floor(site: Path, workers: int | None = None) -> dict:
    workers = workers or len(os.sched_getaffinity(0))
    bodies = read_bodies(site)
    chunk = max(1, len(bodies) // (workers * 16))
    cpu_before = os.times()
    start = time.perf_counter()
    with Pool(workers, initializer=_start_worker) as pool:
        html_chars = sum(pool.imap_unordered(_convert, bodies, chunksize=chunk))
        pool.close()
        pool.join()
    seconds = time.perf_counter() - start
    cpu_after = os.times()
    cpu = (cpu_after.children_user - cpu_before.children_user) + (cpu_after.children_system - cpu_before.children_system)
    return {
        "seconds": round(seconds, 3),
        "workers": workers,
        "articles": len(bodies),
        "words": sum(len(b.split()) for b in bodies),
        "html_chars": html_chars,
        "worker_cpu_seconds": round(cpu, 3),
        "ms_per_article_per_core": round(seconds * workers / max(1, len(bodies)) * 1000, 3),
        "extensions": list(EXTENSIONS),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time Python-Markdown over all bodies of a site on all cores.")
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: usable cores)")
    args = parser.parse_args(argv)
    print(json.dumps(measure_floor(args.site, args.workers), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
