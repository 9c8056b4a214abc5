"""Two themes rendering the same pages in one process, alternating: Jinja's cost alone.

    python bench/theme_render.py --site bench/corpus/n10000 --other /tmp/old/layouts [--all] [--rounds 3]

Runs an ordinary build of the site (its output folder is the runner's, `<site>.out-ours`)
and, just before the render stage, renders the pages that build planned (`--all`: every
page) with the other theme and with this repository's, alternating, each round with a fresh
renderer and the build cache's compiled layouts; then checks that both gave the same bytes
and lets the build go on. Prints the process CPU of each round. No writes are timed: the
numbers say what a layout change costs Jinja, not the disk. The other theme is typically
an older revision's `layouts/` (`git worktree add /tmp/old <rev>`).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator import render, rendering  # noqa: E402
from generator.cli import main as cli_main  # noqa: E402
from generator.markup import load_html  # noqa: E402
from generator.model import evolve  # noqa: E402


def compare(other: Path, every_page: bool, rounds: int):
    build_render = rendering.render_pages

    def timed(site, pages, plan, probe, target, layout_dirs, cache, reconvert, jobs=None, extra_globals=None,
              progress=None):
        chosen = []
        for index in (range(len(pages)) if every_page else plan.todo):
            page = pages[index]
            if page.article is not None and not page.article.html:  # as a render worker does
                page = evolve(page, article=evolve(page.article, html=load_html(page.article, cache, reconvert)))
            chosen.append(page)
        themes = {"other": [d for d in layout_dirs if Path(d).resolve() != render.DEFAULT_LAYOUTS] + [other],
                  "this": list(layout_dirs)}
        seconds: dict[str, list[float]] = {name: [] for name in themes}
        made = {}
        for _ in range(rounds):
            for name, dirs in themes.items():
                renderer = render.Renderer(site, dirs, extra_globals, rendering.bytecode_dir(cache))
                start = time.process_time()
                made[name] = [renderer.render(page) for page in chosen]
                seconds[name].append(time.process_time() - start)
        print(f"{len(chosen):,} pages", file=sys.stderr)
        for name, values in seconds.items():
            print(f"{name:>6} theme: " + "  ".join(f"{value:.3f}" for value in values) + " CPU-s", file=sys.stderr)
        same = made["other"] == made["this"]
        print("same bytes" if same else "THE THEMES' PAGES DIFFER", file=sys.stderr)
        return build_render(site, pages, plan, probe, target, layout_dirs, cache, reconvert, jobs, extra_globals,
                            progress)
    return timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument("--other", type=Path, required=True, help="the other theme's layouts/ folder")
    parser.add_argument("--all", action="store_true", help="every page, not only those the build planned")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rendering.render_pages = compare(args.other.resolve(), args.all, args.rounds)
    cli_main(["build", "--site", str(args.site), "--out", f"{args.site}.out-ours", "--lang", "en", "-j", "1"])


if __name__ == "__main__":
    main()
