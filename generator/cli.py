"""The command line: `python build.py build|serve|new|init|check|list [--site DIR] …`.

Owns arguments, exit codes (0 ok, 1 content errors, 2 usage errors, 3 the
machine failed the build, 130 interrupted) and what an editor reads in the
terminal. Never shows a traceback: an editor's mistake is named by file and
line, and a failure of the machine (a full disk, a worker killed for lack of
memory, a broken search indexer) by one line that says what to do (-v adds
the traceback, for a bug report).
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import json
import logging
import os
import platform
import shlex
import signal
import subprocess
import sys
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from generator import __version__, messages
from generator.cache import CACHE_DIR, code_stamp
from generator.config import base_url_fault, checked_base_url, load_config
from generator.diagnostics import seen_from_here, sort_problems
from generator.layout_problems import layout_problem
from generator.output import ReadOnlyOutputFolder, UnfinishedPatch
from generator.pipeline import BuildOptions, BuildResult, UnsafeOutputError, build
from generator.progress import Progress, wants_bar
from generator.search import SearchIndexFailed
from generator.vietnamese import format_date

log = logging.getLogger("generator")

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_TERMINATED = 128 + signal.SIGTERM  # 143, as a shell reports a job ended by SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM, taken as Ctrl+C is (a KeyboardInterrupt: every clean-up for one runs)."""


def _terminated(signum, frame) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # (a second one while cleaning up changes nothing)
    raise Terminated


def _take_sigterm_as_ctrl_c() -> None:
    """SIGTERM raises Terminated in the build's process; a child it forks gets SIGTERM's default
    back. Inherited, the handler raised Terminated in a child the build stopped at once (the symlink
    walk, after an error: "Exception ignored in: … at-fork … Terminated" in the build's messages),
    or lost a SIGTERM that came before the child's Python woke (a stopped child ran to its end). So
    SIGTERM waits, blocked, while a process forks; the child takes the default, then lets it in."""
    global _fork_hooks_set
    signal.signal(signal.SIGTERM, _terminated)
    if not _fork_hooks_set:  # (once a process: hooks cannot be taken back, and a process may build again)
        os.register_at_fork(before=lambda: signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM}),
                            after_in_parent=lambda: signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM}),
                            after_in_child=_default_sigterm)
        _fork_hooks_set = True


_fork_hooks_set = False


def _default_sigterm() -> None:
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    except ValueError:  # (forked from a thread that is no main one: it keeps the handler)
        pass
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse exits 2 too; keep its message short
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


# What a bug report needs besides the generator's own version: what the output depends on.
_LIBRARIES = (("Jinja2", "jinja2"), ("Python-Markdown", "markdown"), ("Pillow", "pillow"),
              ("Pagefind", "pagefind_bin"), ("nh3", "nh3"))


def version_line() -> str:
    """'build.py 0.1.0 (code 1a2b…), Python 3.11.7, Jinja2 3.1.6, …': the code's digest tells
    two checkouts of one version apart, as the build cache does (cache.code_stamp)."""
    found = []
    for name, distribution in _LIBRARIES:
        try:
            found.append(f"{name} {metadata.version(distribution)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} ?")
    return (f"build.py {__version__} (code {code_stamp().hex()[:12]}), Python {platform.python_version()}, "
            + ", ".join(found))


class _Version(argparse.Action):
    """--version, worked out only when asked (argparse's own wants the text up front)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help="show the generator's version and its libraries'")

    def __call__(self, parser, namespace, values, option_string=None):
        print(version_line())
        parser.exit()


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="build.py", description="Build the news portal of a police unit.")
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    b = commands.add_parser("build", help="build the portal into the output folder")
    b.add_argument("--site", type=Path, default=Path("."), help="folder with site.toml and content/ (default: .)")
    b.add_argument("--out", type=Path, default=None, help="output folder (default: <site>/public)")
    b.add_argument("--drafts", action="store_true", help="include articles marked draft: true")
    b.add_argument("--cache-dir", type=Path, default=None, help="build cache folder (default: <site>/.cache)")
    b.add_argument("--no-cache", action="store_true", help="neither read nor write the build cache")
    b.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: all cores, or the container's CPU quota when lower)")
    b.add_argument("-v", "--verbose", action="store_true", help="show the time of each stage")
    b.add_argument("--future", action="store_true", help="include articles dated in the future")
    b.add_argument("--base-url", default=None, metavar="URL",
                   help="publish for this address instead of site.toml's base_url (a staging copy): "
                        "every link, feed, sitemap and canonical URL uses it")
    b.add_argument("--layout-metrics", action="store_true",
                   help="render every page, changed or not, and show how long each layout and partial took "
                        "(to find what makes a build slow)")
    b.add_argument("--strict", action="store_true",
                   help="treat warnings as errors: exit 1 and publish nothing (for CI, as check --strict)")
    b.add_argument("--noindex", action="store_true",
                   help="a copy search engines must skip (staging, previews with --drafts): every page says "
                        "noindex and robots.txt disallows everything")
    s = commands.add_parser("serve", help="preview the portal in a browser, rebuilding on every save")
    s.add_argument("--site", type=Path, default=Path("."), help="folder with site.toml and content/ (default: .)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this computer only)")
    s.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000; 0 picks a free one)")
    s.add_argument("--future", action="store_true", help="also show articles dated in the future")
    s.add_argument("--open", action="store_true", help="open the portal in the browser once it is served")
    s.add_argument("--stay", action="store_true",
                   help="keep each open tab on its page when an article is saved (default: go to that article)")
    n = commands.add_parser("new", help="start a new article (a draft) with complete front-matter")
    n.add_argument("title", nargs="?", default="",
                   help='the article\'s title, e.g. "Công an tỉnh ra quân …" (with --from: the document\'s own)')
    n.add_argument("--from", dest="from_word", type=Path, default=None, metavar="BAO-CAO.DOCX",
                   help="make the article from a Word report: its title, text, tables and photos")
    n.add_argument("--site", type=Path, default=Path("."), help="folder with site.toml and content/ (default: .)")
    # Not required here: left out, the editor is told the site's choices (scaffold.py), not argparse's usage.
    n.add_argument("--category", default="", help="category key or name from site.toml")
    n.add_argument("--unit", action="append", default=[],
                   help="unit key or name from site.toml (repeat for a joint article: the unit that wrote it first)")
    n.add_argument("--campaign", action="append", default=[], help="campaign key or name (repeat for several)")
    n.add_argument("--page", action="store_true",
                   help="a page of its own (Giới thiệu, Liên hệ) in content/trang/, not news: no category or unit")
    i = commands.add_parser("init", help="start a new portal in an empty folder: site.toml, a first draft, .gitignore")
    i.add_argument("folder", type=Path, help="the new portal's folder (made if missing; must be empty)")
    i.add_argument("--unit", default="", help='the portal\'s unit, its name as written: "Công an tỉnh Lạng Sơn"')
    i.add_argument("--base-url", default="", metavar="URL", help="the portal's address: https://congan.<tỉnh>.gov.vn/")
    i.add_argument("--title", default="", help="the portal's name (default: Cổng thông tin điện tử <unit>)")
    i.add_argument("--hotline", action="append", default=[], help="the hotline in every page's footer (repeat for several)")
    i.add_argument("--email", default="", help="the e-mail in every page's footer")
    i.add_argument("--address", default="", help="the address in every page's footer")
    c = commands.add_parser("check", help="check every article without writing anything")
    c.add_argument("--site", type=Path, default=Path("."), help="folder with site.toml and content/ (default: .)")
    c.add_argument("--strict", action="store_true", help="treat warnings as errors")
    c.add_argument("--format", choices=("text", "json"), default="text", help="json gives CI a machine-readable report")
    li = commands.add_parser("list", help="list the drafts, scheduled and expired articles (--all: every one)")
    li.add_argument("--site", type=Path, default=Path("."), help="folder with site.toml and content/ (default: .)")
    li.add_argument("--all", action="store_true", help="the published articles and pages too")
    li.add_argument("--unit", default=None, help="only the articles of this unit (key or name), joint ones too")
    li.add_argument("--format", choices=("text", "csv", "json"), default="text",
                    help="csv and json give scripts one record per article")
    for command in (n, c, li):  # commands that build nothing: they read what the builds left, and write none of it
        command.add_argument("--cache-dir", type=Path, default=None,
                             help="the build cache to read, never written (default: <site>/.cache): after a build "
                                  "only the files changed since are read and converted")
        command.add_argument("--no-cache", action="store_true", help="read and convert every article again")
    for command in (b, s, n, i, c, li):
        command.add_argument("--lang", choices=messages.LANGUAGES, default=None,
                             help="language of messages (default: the site's language)")
    return parser


EXIT_BROKEN_PIPE = 141  # as a shell reports a command stopped by SIGPIPE


def main(argv: list[str] | None = None) -> int:
    _standard_streams_open()
    speak_utf8()
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader of our output went away (`check | head`): nothing to tell it, and no
        # traceback for the editor. Later writes (the final flush) go nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # (the build's own are told by run_build: this is writing its messages, a full log disk)
        with contextlib.suppress(OSError, ValueError):
            print(f"build.py: error: {exc.strerror or exc} (writing the command's messages)", file=sys.stderr, flush=True)
        return EXIT_FAILED


def _standard_streams_open() -> None:
    """A command started with its output closed (`build >&- 2>&-`, a service manager's job):
    the first file the build opened took descriptor 1 or 2, and its messages went into it. Each
    closed one is opened on the null device, as the system's own tools expect it to be."""
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
        except OSError:
            opened = os.open(os.devnull, os.O_RDWR)  # (the lowest free descriptor: this one)
            if opened == fd and getattr(sys, name) is None:
                setattr(sys, name, open(fd, "r" if fd == 0 else "w", encoding="utf-8", closefd=False))


def _main(argv: list[str] | None) -> int:
    args = make_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    logging.getLogger("generator").setLevel(logging.DEBUG if getattr(args, "verbose", False) else logging.WARNING)
    if args.command == "init":  # (no site folder yet: it makes one)
        from generator.init_site import run_init
        return run_init(args)
    site_dir = args.site.resolve()
    lang = messages.pick_language(args.lang, None)
    refused = _site_dir_refused(site_dir, lang)
    if refused is not None:
        print("build.py: error: " + refused[1], file=sys.stderr)
        if getattr(args, "format", "text") == "json":  # (a CI job reading the report gets one, not nothing)
            print(_refused_json(site_dir, *refused, listing=args.command == "list"))
        return EXIT_USAGE
    args.lang = _site_language(args.lang, site_dir)
    if args.command in ("new", "check", "list"):
        args.cache_to_read = None if args.no_cache else (args.cache_dir.resolve() if args.cache_dir
                                                         else site_dir / CACHE_DIR)
        one_off_process()
    if args.command == "build":
        one_off_process()
        return run_build(args)
    if args.command == "serve":
        from generator.devserver import ServeOptions, run_serve
        return run_serve(ServeOptions(site_dir=site_dir, host=args.host, port=args.port, lang=args.lang,
                                      future=args.future, follow=not args.stay, open_browser=args.open),
                         sys.stdout, sys.stderr)
    if args.command == "new":
        from generator.scaffold import run_new
        return run_new(args, site_dir)
    if args.command == "check":
        from generator.checker import run_check
        args.now = _source_date(os.environ.get("SOURCE_DATE_EPOCH"))  # (what a build at that moment would say)
        if args.now is False:
            print("build.py: error: " + messages.text("bad-source-date", args.lang,
                                                      value=os.environ["SOURCE_DATE_EPOCH"]), file=sys.stderr)
            return EXIT_USAGE
        return run_check(args, site_dir)
    if args.command == "list":
        from generator.statuses import run_list
        return run_list(args, site_dir)
    return EXIT_USAGE


def speak_utf8() -> None:
    """Vietnamese on any output: a Windows pipe or file (`build > log.txt`, a CI runner, an
    editor's task panel) is cp1252 to Python, which cannot write 'Đ': the build stopped with a
    traceback at its first message, after publishing. A pipe or file gets UTF-8; a terminal
    keeps its encoding (Windows' console is UTF-8 to Python already) and escapes what it lacks."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if encoding in ("utf-8", "utf8") or not hasattr(stream, "reconfigure"):
            continue
        try:
            stream.reconfigure(**({"errors": "backslashreplace"} if stream.isatty() else {"encoding": "utf-8"}))
        except (OSError, ValueError):  # a closed or detached stream: nothing will be written to it
            pass


def one_off_process() -> None:
    """A build allocates ~2 million objects that live until it ends, and almost none
    form cycles: Python's default collector would walk them again and again (~0.25 s
    of an edit's 3 s rebuild at 10,000 articles). Even collecting young objects 70×
    less often, it still walked each survivor once or twice: 0.08–0.13 s of a build's
    main process at 10,000 articles (an edit, an addition, a cold build alike), to free
    400–900 objects. So the collector does not run in a one-off process (nor in the
    workers it forks); what is freed by reference counting is freed at once as before."""
    gc.set_threshold(50_000, 20, 100)  # (where something enables the collector again)
    gc.disable()


def _site_language(requested: str | None, site_dir: Path) -> str:
    site_config, _ = load_config(site_dir) if requested is None else (None, [])
    return messages.pick_language(requested, site_config.language if site_config else None)


def _site_dir_refused(site: Path, lang: str = "en") -> tuple[str, str] | None:
    """(code, message) when `site` is no site folder (none, a file, no site.toml); None when it is."""
    if not site.is_dir():
        key = "site-is-file" if site.is_file() else "no-site-dir"
    elif not (site / "site.toml").is_file():
        # (run from content/ or another folder of the site: told where the site is, not to make one)
        above = next((folder for folder in site.parents if (folder / "site.toml").is_file()), None)
        if above is not None:
            return "no-site-toml", messages.text("no-site-toml-inside", lang, site=site, above=above,
                                                 cd=_for_shell(str(above)))
        key = "no-site-toml"
    else:
        return None
    return key, messages.text(key, lang, site=site)


def _refused_json(site: Path, code: str, message: str, listing: bool) -> str:
    """The report of `check`/`list --format json` for a folder that is no site: its one error."""
    problem = {"path": str(site), "line": 0, "severity": "error", "code": code, "message": message}
    return json.dumps({"ok": False, "errors": 1, "warnings": 0, **({"articles": []} if listing else {}),
                       "problems": [problem]}, ensure_ascii=False, indent=2)


def run_build(args) -> int:
    site_dir = args.site.resolve()
    lang = args.lang
    out_dir = args.out.resolve() if args.out else None
    if args.verbose:  # (a CI log with -v says what built it)
        print(version_line())
    if args.jobs is not None and args.jobs < 1:
        print("build.py: error: --jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    base_url = None
    if args.base_url is not None:
        base_url = checked_base_url(args.base_url.strip())
        if base_url is None:
            fault, fixed = base_url_fault(args.base_url.strip()) or ("not-absolute", "")
            key = {"query": "base-url-with-query", "page": "base-url-with-page",
                   "slashes": "base-url-with-slashes", "spaces": "base-url-with-spaces"}.get(fault, "bad-base-url")
            print("build.py: error: " + messages.text(key, lang, url=args.base_url, fixed=fixed), file=sys.stderr)
            return EXIT_USAGE
    now = _source_date(os.environ.get("SOURCE_DATE_EPOCH"))
    if now is False:
        print("build.py: error: " + messages.text("bad-source-date", lang, value=os.environ["SOURCE_DATE_EPOCH"]),
              file=sys.stderr)
        return EXIT_USAGE
    progress = Progress(sys.stderr, lang, bar=wants_bar(sys.stderr))
    options = BuildOptions(now=now, base_url=base_url, noindex=args.noindex, strict=args.strict, site_dir=site_dir, out_dir=out_dir, drafts=args.drafts, future=args.future,
                           cache_dir=args.cache_dir.resolve() if args.cache_dir else None,
                           use_cache=not args.no_cache, jobs=args.jobs, progress=progress,
                           layout_metrics=args.layout_metrics,
                           on_wait=lambda pid: print(messages.text("waiting-for-build", lang, pid=pid,
                                                                   out=_shown(options.output)),
                                                     file=sys.stderr, flush=True))
    # SIGTERM (how CI runners cancel a job) stops the build as Ctrl+C does: the published site
    # kept, the lock let go, one line said; it ended with multiprocessing's warnings of leaked
    # semaphores and a lock file left beside the output.
    _take_sigterm_as_ctrl_c()
    try:
        result = build(options)
    except UnsafeOutputError as refused:  # checked before anything is written
        print("build.py: error: " + messages.text(refused.unsafe.key, lang, **refused.unsafe.fields), file=sys.stderr)
        return EXIT_USAGE
    except jinja2.TemplateError as exc:  # a broken layout is the editor's to fix, not a crash
        result = BuildResult(problems=(layout_problem(exc, site_dir),))
    except KeyboardInterrupt as stopped:
        progress.finish()
        print(messages.text("interrupted", lang), file=sys.stderr)
        return EXIT_TERMINATED if isinstance(stopped, Terminated) else EXIT_INTERRUPTED
    except (BrokenProcessPool, MemoryError, OSError, SearchIndexFailed) as exc:
        progress.finish()
        log.debug("the build failed", exc_info=True)
        print("build.py: error: " + _machine_failure(exc, lang, options.output), file=sys.stderr)
        return EXIT_FAILED
    progress.finish()
    report_problems(seen_from_here(result.problems, site_dir), lang, fold=not args.verbose)
    if not result.ok:
        errors = sum(p.is_error for p in result.problems)
        print(messages.text("build-failed", lang, errors=errors), file=sys.stderr)
        return EXIT_CONTENT
    out = options.output
    number = lambda n: messages.number(n, lang)  # noqa: E731
    shots = result.images
    images = messages.text("images", lang, variants=number(shots.variants), sources=number(shots.sources),
                           encoded=number(shots.encoded), cached=number(shots.variants - shots.encoded),
                           seconds=messages.seconds(shots.seconds, lang)) if shots.variants else ""
    own = messages.text("checked-pages", lang, n=number(result.standalone)) if result.standalone else ""
    print(messages.text("built", lang, pages=number(result.pages), articles=number(result.articles), own=own,
                        left=messages.left_out(result.left_out, lang) + images,
                        seconds=messages.seconds(result.seconds, lang), rendered=number(result.rendered),
                        unchanged=number(result.unchanged),
                        restored=messages.text("restored-pages", lang, n=number(result.restored))
                        if result.restored else "",
                        removed=messages.text("removed", lang, n=number(result.pruned)) if result.pruned else "",
                        search=messages.search_done(result.search, lang),
                        out=_shown(out), view=_how_to_look(site_dir, out, base_url)))
    why = messages.why(result.causes, lang, named=None if args.verbose else messages.NAMED_CAUSES)
    if (result.rendered or result.restored) and why:  # (restored: a page gone from the output, a new output)
        print(why)
    for line in messages.address_notices(result.causes, lang):
        print(line)
    if result.unreleased and not args.noindex:  # drafts in a copy search engines may read
        print(messages.text("unreleased", lang, n=number(result.unreleased)))
    if result.scheduled is not None:  # a static site changes only when built: say when it must be
        moment = (format_date(result.scheduled, result.scheduled.tzinfo, True) if lang == "vi"
                  else result.scheduled.strftime("%Y-%m-%d %H:%M (UTC%z)"))
        print(messages.text("scheduled", lang, moment=moment))
    if result.layouts is not None:
        for line in messages.layout_table(result.layouts, lang):
            print(line)
    if args.verbose:
        print("  " + ", ".join(f"{k} {v:.3f} s" for k, v in result.timings.items()))
        if result.search is not None and result.search.indexed:
            # Pagefind runs beside the rendering: its CPU, not a stage's lap, is what it costs.
            print(f"  search indexer (Pagefind): {result.search.indexer_cpu:.2f} CPU-s")
    return EXIT_OK


def _machine_failure(exc: BaseException, lang: str, out: Path | None = None) -> str:
    """One line for a build the machine failed (its files, memory, a process), not the editor.
    `out`: the output folder, named for a failure that names no file (a full disk)."""
    if isinstance(exc, BrokenProcessPool):
        return messages.text("worker-died", lang)
    if isinstance(exc, MemoryError):
        return messages.text("out-of-memory", lang)
    if isinstance(exc, UnfinishedPatch):
        return messages.text("patch-unfinished", lang, path=exc.filename or "?", reason=exc.strerror or exc,
                             leftover=_shown(exc.leftover), out=_shown(exc.out_dir))
    if isinstance(exc, ReadOnlyOutputFolder):
        return messages.text("out-folder-read-only", lang, folder=_shown(exc.folder), out=_shown(exc.out_dir))
    if isinstance(exc, SearchIndexFailed):
        return messages.text("search-failed", lang, reason=str(exc).strip().splitlines()[-1] if str(exc).strip() else "?")
    where = exc.filename if getattr(exc, "filename", None) else (_shown(out) if out is not None else "?")
    return messages.text("io-failed", lang, path=where, reason=exc.strerror or exc)


def report_problems(problems, lang: str = "en", fold: bool = False) -> None:
    problems = sort_problems(problems)
    lines = (messages.describe_folded(problems, lang)
             if fold else messages.describe_all(problems, lang))
    for line in lines:
        print(line, file=sys.stderr)


def _source_date(value: str | None) -> datetime | None | bool:
    """The build's moment from SOURCE_DATE_EPOCH (reproducible-builds.org: seconds since 1970),
    for rebuilding a past output byte for byte (which articles were scheduled, expired); None
    when unset (now), False when it is no such number."""
    if value is None or not value.strip():
        return None
    try:
        return datetime.fromtimestamp(int(value.strip()), timezone.utc)
    except (ValueError, OverflowError, OSError):
        return False


def _how_to_look(site_dir: Path, out: Path, base_url: str | None) -> str:
    """The command that shows the built portal in a browser. Not its index.html opened as a file:
    every link is from the host's root (/assets/…), which a file:// page does not have. A portal
    under a sub-path (…/congan/) is previewed by serve, which serves it there."""
    site_config, _ = load_config(site_dir)
    base = base_url or (site_config.base_url if site_config else "/")
    if urlsplit(base).path.strip("/"):
        here = Path.cwd().resolve()
        return "python build.py serve" + ("" if site_dir == here else f" --site {_for_shell(_shown(site_dir))}")
    # Quoted as a shell needs it: pasted, 'public ban moi' served the folder 'public' of the cwd.
    return f"python3 -m http.server -d {_for_shell(_shown(out))}"


_WINDOWS = os.name == "nt"


def _for_shell(word: str) -> str:
    """`word` as one word of a command pasted into a shell: quoted as POSIX shells read it, and on
    Windows in double quotes, which cmd.exe and PowerShell both read (cmd takes single quotes as
    part of the name, and every path there has a backslash: 'C:\\…\\public' served nothing)."""
    return subprocess.list2cmdline([word]) if _WINDOWS else shlex.quote(word)


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
