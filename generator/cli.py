"""The command line: `python build.py build [--site DIR] [--out DIR]`.

Owns arguments, exit codes (0 ok, 1 content errors, 2 usage errors) and
what an editor reads in the terminal. Never shows a traceback for a
problem an editor caused.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from generator.diagnostics import sort_problems
from generator.pipeline import BuildOptions, build

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse exits 2 too; keep its message short
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="build.py", description="Build the news portal of a police unit.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    b = commands.add_parser("build", help="build the portal into the output folder")
    b.add_argument("--site", type=Path, default=Path("."), help="folder with site.toml and content/ (default: .)")
    b.add_argument("--out", type=Path, default=None, help="output folder (default: <site>/public)")
    b.add_argument("--drafts", action="store_true", help="include articles marked draft: true")
    b.add_argument("--cache-dir", type=Path, default=None, help="build cache folder (default: <site>/.cache)")
    b.add_argument("--no-cache", action="store_true", help="neither read nor write the build cache")
    b.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: all cores)")
    b.add_argument("-v", "--verbose", action="store_true", help="show the time of each stage")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    logging.getLogger("generator").setLevel(logging.DEBUG if getattr(args, "verbose", False) else logging.WARNING)
    if args.command == "build":
        return run_build(args)
    return EXIT_USAGE


def _check_site_dir(site: Path) -> bool:
    if not site.is_dir():
        print(f"build.py: error: the site folder {site} does not exist", file=sys.stderr)
        return False
    if not (site / "site.toml").is_file():
        print(f"build.py: error: {site} has no site.toml (use --site to name the site folder)", file=sys.stderr)
        return False
    return True


def run_build(args) -> int:
    site_dir = args.site.resolve()
    if not _check_site_dir(site_dir):
        return EXIT_USAGE
    out_dir = args.out.resolve() if args.out else None
    if args.jobs is not None and args.jobs < 1:
        print("build.py: error: --jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    result = build(BuildOptions(site_dir=site_dir, out_dir=out_dir, drafts=args.drafts,
                                cache_dir=args.cache_dir.resolve() if args.cache_dir else None,
                                use_cache=not args.no_cache, jobs=args.jobs))
    report_problems(result.problems)
    if not result.ok:
        errors = sum(p.is_error for p in result.problems)
        print(f"Build failed: {errors} error(s); the previous output was left untouched.", file=sys.stderr)
        return EXIT_CONTENT
    out = out_dir or site_dir / "public"
    left = "".join(f", {n} {reason}(s) left out" for reason, n in sorted(result.left_out.items()))
    print(f"Built {result.pages:,} pages from {result.articles:,} articles{left} in {result.seconds:.2f} s: "
          f"{result.rendered:,} re-rendered, {result.unchanged:,} unchanged"
          + (f", {result.pruned:,} removed" if result.pruned else "")
          + f" → {_shown(out)}  (open {_shown(out / 'index.html')})")
    if args.verbose:
        print("  " + ", ".join(f"{k} {v:.3f} s" for k, v in result.timings.items()))
    return EXIT_OK


def report_problems(problems) -> None:
    for problem in sort_problems(problems):
        print(problem, file=sys.stderr)


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
