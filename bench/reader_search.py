"""What a reader's search costs on a built portal: every request the search page makes
and the bytes it fetches, in headless chromium (Debian's, as the browser tests use).

    .venv/bin/python bench/reader_search.py bench/corpus/n10000.out-ours "thi dua" "canh sat"

Prints, for opening the search page and for each query: requests, bytes fetched, how
many were word-index chunks (.pf_index), and the seconds until results showed (loopback).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from urllib.parse import quote_plus

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, serving  # noqa: E402


def measure(page, url: str, wait_for_results: bool) -> tuple[int, int, int, float]:
    fetched: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: fetched.append((r.url, r.sizes()["responseBodySize"])))
    start = time.perf_counter()
    page.goto(url)
    if wait_for_results:
        page.wait_for_function("document.querySelector('.search-status').textContent.startsWith('Tìm thấy')",
                               timeout=120_000)
    else:
        page.wait_for_load_state("networkidle")
    seconds = time.perf_counter() - start
    page.wait_for_load_state("networkidle")
    chunks = sum(1 for url, _ in fetched if url.endswith(".pf_index"))
    return len(fetched), sum(size for _, size in fetched), chunks, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="a built portal (its --out folder)")
    parser.add_argument("queries", nargs="*", default=["thi dua", "canh sat", "lua dao qua mang"])
    args = parser.parse_args()
    shards = len(list(args.out.glob("pagefind*/pagefind-entry.json")))
    print(f"{args.out}: {shards} search shard(s)")
    with serving(args.out) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for label, url, wait in [("opening the page", f"{base}/tim-kiem/", False),
                                     *((f'"{q}"', f"{base}/tim-kiem/?q={quote_plus(q)}", True) for q in args.queries)]:
                context = browser.new_context(viewport=PHONE)  # a fresh cache for each
                requests, size, chunks, seconds = measure(context.new_page(), url, wait)
                context.close()
                print(f"  {label:24} {requests:5d} requests  {size / 1e6:6.2f} MB  "
                      f"{chunks:4d} index chunks  {seconds:5.2f} s")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
