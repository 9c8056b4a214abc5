"""The Markdown floor: convert every article body with Python-Markdown on all cores.

    python bench/floor.py --site bench/corpus/n1000 [--workers 2]

Owns one number: the wall time to turn all bodies into HTML with the same
extensions as generator/markup.py (read from there, so the floor follows the
generator), spread over worker processes, with nothing else — no front-matter
checks, no related news, no templates, no writing. Each worker reads its own
files (cheap, and any build must read them; sending the bodies from the main
process would cost more and hold them all in memory). This is Python-Markdown as
shipped, the floor issue 6 names; our markup stage skips the inline patterns on
plain prose (generator/plain_text.py, same HTML), so it converts faster than this.
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


def read_body(path: str) -> str:
    """The Markdown after the front-matter's closing '---'."""
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    closing = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
    return "\n".join(lines[closing + 1:])


def _convert(path: str) -> tuple[int, int]:
    body = read_body(path)
    return len(body.split()), len(_md.reset().convert(body))


def measure_floor(site: Path, workers: int | None = None) -> dict:
    workers = workers or len(os.sched_getaffinity(0))
    paths = [str(p) for p in sorted((site / "content").rglob("*.md"))]
    chunk = max(1, len(paths) // (workers * 16))
    cpu_before = os.times()
    start = time.perf_counter()
    with Pool(workers, initializer=_start_worker) as pool:
        counts = list(pool.imap_unordered(_convert, paths, chunksize=chunk))
        pool.close()
        pool.join()
    seconds = time.perf_counter() - start
    cpu_after = os.times()
    cpu = (cpu_after.children_user - cpu_before.children_user) + (cpu_after.children_system - cpu_before.children_system)
    return {
        "seconds": round(seconds, 3),
        "workers": workers,
        "articles": len(paths),
        "words": sum(words for words, _ in counts),
        "html_chars": sum(chars for _, chars in counts),
        "worker_cpu_seconds": round(cpu, 3),
        "ms_per_article_per_core": round(seconds * workers / max(1, len(paths)) * 1000, 3),
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
