"""Live preview: `python build.py serve`.

Owns the HTTP server an editor previews the portal with (loopback unless
--host says otherwise, with a warning then), the
live-reload channel (Server-Sent Events at /__livereload), the small script
and the error overlay injected into HTML *responses* (never into files a
build writes), and the loop that rebuilds on a save. Builds go through
`pipeline.build()` into a private output folder that the atomic swap keeps
at one path; every request resolves against that path, so the server always
serves whatever the last successful build published, and a failed rebuild
only adds the overlay. That folder is kept between sessions (.cache/preview),
so a session starts with an incremental build, not a whole one; its first
page comes before the search index, which follows in the background. Never
dies on bad content. Which file a request may reach, its type, the worker
pool and the stream hub live in preview_http.py.
"""
from __future__ import annotations

import gc
import html
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import traceback
import webbrowser
from dataclasses import dataclass
from datetime import datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Callable, TextIO
from urllib.parse import unquote

import jinja2

from generator import buildlock, causes, config as config_stage, content, index, messages, shortcut, standalone, workers
from generator.cache import CACHE_DIR, BuildCache
from generator.diagnostics import Problem, error, fold_repeated_warnings, has_errors, seen_from_here
from generator.layout_problems import layout_problem
from generator.memo import Memo
from generator.model import Article
from generator.pipeline import BuildOptions, BuildResult, build
from generator.search import IndexingCancelled
from generator.preview_http import (REQUEST_SECONDS, PooledHTTPServer, ReloadHub, content_type, host_allowed, is_loopback,
                                    locate, request_path)
from generator.watch import Watcher

EVENTS_PATH = "/__livereload"
PING_SECONDS = 10.0  # keeps proxies and the browser from closing an idle stream
OVERLAY_ID = "portal-loi-dung-trang"
WARNINGS_ID = "portal-canh-bao"
HTML_TYPE = "text/html; charset=utf-8"
EVENT_TYPE = "text/event-stream; charset=utf-8"


@dataclass(frozen=True)
class Snapshot:
    """What one request sees: taken once, so a rebuild mid-request cannot mix two states."""

    out_dir: Path
    base_path: str
    generation: int
    problems: tuple[Problem, ...]
    lang: str
    notices: tuple[str, ...] = ()  # what the last build has to say besides problems (an article that moved)
    follow: str = ""  # the page of the article this build's save changed: open tabs go there

    def reload_event(self) -> bytes:
        """The stream's news of this build: its generation, and the page to show, if any."""
        data = f"{self.generation} {self.follow}" if self.follow else str(self.generation)
        return f"event: reload\ndata: {data}\n\n".encode()


class PreviewState:
    """The server's only mutable state, behind one lock; rebuilds publish here."""

    def __init__(self, out_dir: Path, lang: str, first_generation: int = 0):
        self.cond = threading.Condition()
        self.closing = False
        self._now = Snapshot(out_dir, "/", first_generation, (), lang)

    def snapshot(self) -> Snapshot:
        with self.cond:
            return self._now

    def publish(self, base_path: str, problems: tuple[Problem, ...], notices: tuple[str, ...] = (),
                follow: str = "") -> None:
        """A build finished: pages changed (its warnings and notices to show with them) or the
        overlay must show (its problems hold an error)."""
        with self.cond:
            self._now = Snapshot(self._now.out_dir, base_path, self._now.generation + 1, problems, self._now.lang,
                                 notices, follow)
            self.cond.notify_all()

    def close(self) -> None:
        with self.cond:
            self.closing = True
            self.cond.notify_all()


def reload_script(generation: int) -> str:
    # The page knows which build it came from; the stream names the newest one
    # on connect and after every rebuild, so a build that finished between
    # loading the page and connecting still reloads it. After an article's save the
    # stream names its page too, and a tab showing another page goes there: the editor
    # sees what they wrote, not the home page they left open.
    return ("<script>(function(){var g=\"%d\";var s=new EventSource(\"%s\");"
            "s.addEventListener(\"reload\",function(e){var d=e.data.split(\" \");if(d[0]!==g){s.close();"
            "if(d[1]&&location.pathname!==d[1]){location.href=d[1];}else{location.reload();}}});"
            "})();</script>" % (generation, EVENTS_PATH))


def overlay_html(problems: tuple[Problem, ...], lang: str, nothing_built: bool = False) -> str:
    """`nothing_built`: no build has made a page yet (serve started on a broken site): there is no
    "last good version" to speak of."""
    first = "-first" if nothing_built else ""
    items = "".join(
        f"<li style=\"margin:.4em 0\"><code style=\"color:#ffd479\">{html.escape(str(p.location))}</code>: "
        f"{html.escape(p.severity.value)}[{html.escape(p.code)}]: {html.escape(messages.problem_message(p, lang))}</li>"
        for p in problems)
    return (f"<div id=\"{OVERLAY_ID}\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;"
            "overflow:auto;background:rgba(24,24,24,.97);color:#fff;padding:24px;overflow-wrap:anywhere;"
            "font:16px/1.5 system-ui,sans-serif\">"
            f"<h2 style=\"color:#ff8a80;margin-top:0\">{html.escape(messages.text('overlay-title' + first, lang))}</h2>"
            f"<p>{html.escape(messages.text('overlay-note' + first, lang))}</p>"
            f"<ul style=\"padding-left:1.2em\">{items}</ul>"
            f"<button type=\"button\" onclick=\"this.parentNode.remove()\">"
            f"{'Đóng' if lang == 'vi' else 'Close'}</button></div>")


def warnings_html(problems: tuple[Problem, ...], notices: tuple[str, ...], lang: str) -> str:
    """A folded note in a corner of the page: a warning does not stop the preview, but the
    editor, who may never look at the terminal, sees that there is one and opens it; so
    with a notice (an article moved to a new address by the last save)."""
    items = "".join(f"<li style=\"margin:.3em 0\"><code>{html.escape(str(p.location))}</code>: "
                    f"{html.escape(messages.problem_message(p, lang))}</li>"
                    + (f"<li style=\"margin:.3em 0\">{html.escape(messages.more_warnings(p, folded, lang).strip())}"
                       "</li>" if folded else "")
                    for p, folded in fold_repeated_warnings(problems))
    items += "".join(f"<li style=\"margin:.3em 0\">{html.escape(notice)}</li>" for notice in notices)
    title = messages.text("preview-warnings", lang, n=messages.number(len(problems) + len(notices), lang))
    return (f"<details id=\"{WARNINGS_ID}\" style=\"position:fixed;left:8px;bottom:8px;z-index:2147483647;"
            "max-width:min(44rem,calc(100vw - 16px));max-height:60vh;overflow:auto;background:#4a3b00;color:#fff;"
            "border-radius:6px;padding:6px 12px;overflow-wrap:anywhere;font:14px/1.45 system-ui,sans-serif\">"
            f"<summary style=\"cursor:pointer;font-weight:600\">{html.escape(title)}</summary>"
            f"<ul style=\"padding-left:1.2em;margin:.4em 0\">{items}</ul></details>")


def inject(page: bytes, now: Snapshot, nothing_built: bool = False) -> bytes:
    """Add the reload script (and the overlay after a failed rebuild, or the note of the
    warnings of a good one) before </body>. `nothing_built`: the page is empty_page."""
    shown = ""
    if any(p.is_error for p in now.problems):
        shown = overlay_html(now.problems, now.lang, nothing_built)
    elif now.problems or now.notices:
        shown = warnings_html(now.problems, now.notices, now.lang)
    extra = shown + reload_script(now.generation)
    data = extra.encode("utf-8")
    at = page.lower().rfind(b"</body>")
    return page[:at] + data + page[at:] if at >= 0 else page + data


def empty_page(now: Snapshot) -> bytes:
    return (f"<!doctype html><html lang=\"{now.lang}\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(messages.text('overlay-title-first', now.lang))}</title></head>"
            "<body></body></html>").encode("utf-8")


class PreviewHandler(BaseHTTPRequestHandler):
    state: PreviewState  # set on the subclass made by make_server
    bound_host: str = "127.0.0.1"  # the --host it listens on (also set there)
    server_version = "PortalPreview"
    default_request_version = "HTTP/1.0"  # so even a malformed request gets headers (and nosniff)
    timeout = REQUEST_SECONDS  # a connection that sends nothing must not keep a worker

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def version_string(self) -> str:
        return self.server_version  # no need to tell the network which Python answers

    def log_message(self, format, *args) -> None:  # the terminal is for the editor, not access logs
        pass

    def end_headers(self) -> None:
        # Every answer, errors and the event stream included: never let a browser guess a type.
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def _answer(self, send_body: bool) -> None:
        try:
            self._respond(send_body)
        except OSError:
            raise  # the client went away: nothing to answer
        except Exception as exc:  # a bug: one line in the terminal, a plain 500 in the browser
            print(f"build.py: error: the preview could not answer {self.path!r}: {type(exc).__name__}: {exc}",
                  file=sys.stderr, flush=True)
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, b"500 Internal Server Error\n",
                       "text/plain; charset=utf-8", send_body)

    def _respond(self, send_body: bool) -> None:
        now = self.state.snapshot()
        if not host_allowed(self.headers.get("Host"), self.bound_host):
            return self._send(HTTPStatus.FORBIDDEN, (messages.text("serve-wrong-host", now.lang) + "\n").encode(),
                              "text/plain; charset=utf-8", send_body)
        path = request_path(self.path)
        if path == EVENTS_PATH:
            return self._events(now) if send_body else self._send(HTTPStatus.OK, b"", EVENT_TYPE, False)
        if path is None:
            return self._not_found(now, send_body)
        base = unquote(now.base_path)  # (as request_path gives the path: a Vietnamese sub-path is %-encoded)
        if base != "/":
            if path == "/" or path + "/" == base:
                return self._redirect(now.base_path)
            if not path.startswith(base):
                return self._not_found(now, send_body)
            path = "/" + path[len(base):]
        found = locate(now.out_dir, path, base)
        if found is None:
            return self._not_found(now, send_body)
        if found.redirect:  # keeping the query, as nginx does: an old address's page reads it
            query = self.path.partition("?")[2].partition("#")[0]
            return self._redirect(found.redirect + (f"?{query}" if query else ""))
        try:
            data = found.file.read_bytes()
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):  # removed by a rebuild just now
            return self._not_found(now, send_body)
        kind = content_type(found.file.name)
        if kind.startswith("text/html"):
            data = inject(data, now)
        self._send(HTTPStatus.OK, data, kind, send_body)

    def _not_found(self, now: Snapshot, send_body: bool) -> None:
        try:
            page, nothing_built = (now.out_dir / "404.html").read_bytes(), False
        except FileNotFoundError:
            page, nothing_built = empty_page(now), True  # the first build failed: the overlay on an empty page
        self._send(HTTPStatus.NOT_FOUND, inject(page, now, nothing_built), HTML_TYPE, send_body)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: HTTPStatus, data: bytes, kind: str, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if send_body:
            self.wfile.write(data)

    def _events(self, now: Snapshot) -> None:
        """Name the newest build at once, then hand the stream to the hub: no worker waits on it."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", EVENT_TYPE)
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(now.reload_event())
        self.wfile.flush()
        self.server.hub.adopt(self.connection, now.generation)


def make_server(host: str, port: int, state: PreviewState) -> PooledHTTPServer:
    handler = type("BoundPreviewHandler", (PreviewHandler,), {"state": state, "bound_host": host})
    server_class = PooledHTTPServer
    if ":" in host:
        server_class = type("_Server6", (PooledHTTPServer,), {"address_family": socket.AF_INET6})
    server = server_class((host, port), handler)
    server.hub = ReloadHub(state, PING_SECONDS)
    return server


@dataclass(frozen=True)
class ServeOptions:
    site_dir: Path
    host: str = "127.0.0.1"
    port: int = 8000
    lang: str = "vi"
    future: bool = False
    follow: bool = True  # open tabs go to the page of the article saved (off: --stay)
    open_browser: bool = False  # --open: the portal in the editor's browser once it is served


# Re-indexing search takes seconds on a large portal: it waits until the editor
# has not saved for this long, so it never delays the next save's reload.
SEARCH_IDLE_SECONDS = 2.0


class SearchRefresher:
    """Runs `refresh` on its own thread once no rebuild has happened for
    `idle` seconds; rebuilds and refreshes never overlap (`lock`)."""

    def __init__(self, refresh: Callable[[], None], lock: threading.Lock, idle: float = SEARCH_IDLE_SECONDS):
        self.refresh, self.lock, self.idle = refresh, lock, idle
        self.cond = threading.Condition()
        self.due: float | None = None  # when the refresh may start; None: nothing to refresh
        self.stopped = False
        self.thread = threading.Thread(target=self._run, name="search-refresh", daemon=True)
        self.thread.start()

    def schedule(self, after: float | None = None) -> None:
        """A rebuild left the index behind: refresh it after the next pause
        (or `after` seconds, unless a rebuild postpones it)."""
        with self.cond:
            self.due = time.monotonic() + (self.idle if after is None else after)
            self.cond.notify()

    def postpone(self) -> None:
        """A rebuild is starting: whatever was scheduled waits for the pause after it."""
        with self.cond:
            if self.due is not None:
                self.due = time.monotonic() + self.idle

    def stop(self) -> None:
        with self.cond:
            self.stopped = True
            self.cond.notify()
        self.thread.join(timeout=30)

    def _run(self) -> None:
        while True:
            with self.cond:
                while not self.stopped and (self.due is None or time.monotonic() < self.due):
                    self.cond.wait(None if self.due is None else max(0.0, self.due - time.monotonic()))
                if self.stopped:
                    return
            with self.lock:
                with self.cond:  # a rebuild may have run while we waited for the lock
                    if self.stopped:
                        return
                    if self.due is None or time.monotonic() < self.due:
                        continue
                    self.due = None
                self.refresh()


# The preview's pages, kept between sessions beside its cache, and the lock of the one session using them.
PREVIEW_DIR = "preview"
SESSION_LOCK = ".preview-session.lock"
SERVE_CACHE = "serve"


# What a session stopping writes into its lock: a serve started again meanwhile (Ctrl+C, then the
# same command at once) waits for the kept pages, instead of taking the stopping one for another
# preview running and building the whole portal into a folder of its own.
SESSION_STOPPING = b"stopping"
SESSION_STOPPING_SECONDS = 60.0  # (its search refresh to stop, its states to write: seconds)


def _take_session_lock(path: Path, waiting: Callable[[], None] = lambda: None) -> int | None:
    """The session's lock (buildlock.try_lock), waited for while the session holding it stops;
    `waiting` is told once when it waits (seconds of a terminal showing nothing, up to a minute)."""
    deadline = time.monotonic() + SESSION_STOPPING_SECONDS
    told = False
    while True:
        held = buildlock.try_lock(path)
        if held is not None:
            os.ftruncate(held, 0)
            return held
        try:
            stopping = path.read_bytes() == SESSION_STOPPING
        except OSError:
            stopping = False
        if not stopping or time.monotonic() > deadline:
            return None
        if not told:
            waiting()
            told = True
        time.sleep(0.05)


class Preview:
    """Builds, serves and rebuilds one site until stopped."""

    def __init__(self, options: ServeOptions, out: TextIO, report: Callable[[list[str]], None],
                 search_idle: float = SEARCH_IDLE_SECONDS):
        self.options, self.out, self.report = options, out, report
        kept = options.site_dir / CACHE_DIR
        self.session_lock = _take_session_lock(kept / SESSION_LOCK, lambda: self._say(
            messages.text("waiting-for-last-preview", options.lang)))
        if self.session_lock is not None:  # the pages the last session left: only what changed is built again
            self.out_root = None
            out_dir = kept / PREVIEW_DIR
        else:  # another `serve` of this site uses them: a folder of this session's own, built whole
            self.out_root = Path(tempfile.mkdtemp(prefix="portal-preview-"))
            out_dir = self.out_root / "public"
        # Generations of this session start from its start, in ms: a tab left open across a restart
        # heard "1" from the new session, the number of its own page, and was never reloaded.
        self.state = PreviewState(out_dir, options.lang, time.time_ns() // 1_000_000)
        # A kept folder may not be what the cache says of it (a session killed, or ended after
        # saves its states in memory never told the disk). So the first build is one as
        # `build` makes it: its states go to disk, and it walks and stats the whole output
        # (the record it checks was cleared by the last session). The builds after it keep
        # their states in memory; until one of them has made the search index, they still stat
        # every page and bundle file (private_output=False) rather than trust the folder.
        self.settled = self.out_root is not None  # a first build succeeded (a fresh folder needs none)
        self.checked = self.out_root is not None  # … and a search build stat'ed everything
        self.watcher: Watcher | None = None
        self.server: PooledHTTPServer | None = None
        self.build_lock = threading.Lock()
        # Set when a save (or stop) comes while a search refresh runs: the refresh stops where it
        # waits for Pagefind (tens of seconds for a whole index) instead of making the save wait.
        self.cancel_refresh = threading.Event()
        # Set by Ctrl+C or SIGTERM: the workers of a build running then die with the same Ctrl+C,
        # and the build that fails so is no bug to tell (it printed tracebacks before "Đã dừng").
        self.stopping = threading.Event()
        # Articles moved by a save in this session: source → (the address before the first move,
        # the address now). Told against the first: the addresses between existed only here, and
        # one moved back is no move at all (it was told to keep an alias of the preview's address).
        self.moves: dict[str, tuple[str, str]] = {}
        # Where the last rebuild published each article (causes.addresses): a save's move is found
        # against it. Not the last build's: the search refresh after serve starts may read a save
        # first and publish its move, and the rebuild for that save then saw no move to tell.
        self.addresses: dict | None = None
        # The addresses readers could have had when the session began (its first good build's, drafts'
        # aside): an article written in this session, or a draft published in it, moves between
        # addresses that existed only here, and was told to keep an alias of the preview's address.
        self.at_start: frozenset[str] | None = None
        self.lists_gone: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = ()  # (causes.find_lists_gone) since the last rebuild
        self.list_aliases_gone: tuple[tuple[str, str, str], ...] = ()  # (causes.find_list_aliases_gone) likewise
        self.search = SearchRefresher(self._refresh_search, self.build_lock, search_idle)
        self.memo = Memo()  # what one build hands the next (generator/memo.py); used under build_lock
        self.warned: set[Problem] = set()  # the warnings the terminal has shown
        self.failed_with: tuple[Problem, ...] | None = None  # the problems of the last rebuild, if it failed
        self.uncollected = 0  # rebuilds since the garbage they froze was last collected
        self.unshown: frozenset[str] = frozenset()  # the files saved for a rebuild that showed nothing

    def _build_options(self, search: bool, cancellable: bool = False) -> BuildOptions:
        # A cache of its own (the build cache remembers one output folder; `build` uses public/),
        # kept between sessions so photos are not encoded again each time serve starts.
        options = self.options
        return BuildOptions(site_dir=options.site_dir, out_dir=self.state.snapshot().out_dir,
                            cache_dir=self._cache_root(), drafts=True, future=options.future, search=search,
                            memo=self.memo if self.settled else None, private_output=self.checked,
                            keep_pages=False,  # (its pages stay in its own folder between sessions)
                            cancel=self.cancel_refresh if cancellable else None, progress=self._progress)

    def _progress(self, stage: str, done: int, total: int) -> None:
        """Photos to encode (seconds each; the demo's take ~5 s): said, or the editor saw nothing
        happen before the first page."""
        if stage == "images" and done == 0:
            self._say(messages.text("preparing-photos", self.options.lang,
                                    n=messages.number(total, self.options.lang)))

    def _cache_root(self) -> Path:
        return self.options.site_dir / CACHE_DIR / SERVE_CACHE

    def _keep_states(self) -> None:
        """The states the builds kept in memory, to disk: what the next session's first build
        compares the kept pages with (it checks them all the same). ~0.3 s at 10,000 articles."""
        if self.out_root is None and self.settled:
            BuildCache(self._cache_root(), self.memo).write_remembered()

    def _build(self, search: bool, cancellable: bool = False) -> BuildResult:
        """One build into the preview's folder; after one that published, what the next may trust.
        `cancellable`: a search refresh, which a save stops (IndexingCancelled)."""
        options = self._build_options(search, cancellable)
        result = build(options)
        if result.ok and not self.settled:
            # From here on builds change the kept folder and tell only the memo: the next
            # session must not take the record of this build for the folder it will find.
            BuildCache(self._cache_root()).save_state(shortcut.STATE_NAME, None)
            self.settled = True
        elif result.ok and search and not options.private_output:
            self.checked = True
        return result

    def _saved_article(self, changed: frozenset[str], site_config) -> Article | None:
        """The one article (or page of its own) a save changed, read as the build read it; None
        for a layout, a photo, several files or one the build refused."""
        site_dir = self.options.site_dir
        saved = [Path(p) for p in changed if p.endswith(".md") and Path(p).is_file()]
        if len(saved) != 1 or site_config is None:
            return None
        try:
            rel = saved[0].resolve().relative_to(site_dir.resolve()).as_posix()
        except ValueError:
            return None
        if not rel.startswith(content.CONTENT_DIR + "/"):
            return None
        try:
            source, _ = content.read_source(site_dir, site_dir / rel)
        except OSError:  # saved again or removed meanwhile: the next build will say
            return None
        if source is None:
            return None
        if standalone.is_page_source(source.path):  # a page of its own (Giới thiệu, Liên hệ)
            return standalone.read_page(site_config, source)[0]
        return index.read_article(site_config, source)[0]

    def _saved_article_page(self, article: Article | None, base_path: str) -> str:
        """The preview's page of the article a save changed, when it has one ("" else: a draft
        not shown, an article moved elsewhere)."""
        if article is None or not (self.state.snapshot().out_dir / article.url.lstrip("/") / "index.html").is_file():
            return ""
        return base_path + article.url.lstrip("/")

    def _still_being_written(self, problems, changed: frozenset[str] = frozenset()) -> bool:
        """Whether a file an error names, or one the save changed, is written again within a moment
        of the build that read it: an editor saving in two writes (the file emptied, then filled)
        made the preview flash "unclosed front-matter" and print it before the right page; a photo
        copied in slowly (from a phone, a shared folder), "truncated-image … upload it again" at
        each piece of it, the article's line named, not the photo."""
        files = {self.options.site_dir / p.location.path for p in problems if p.is_error and p.location.path}
        files |= {Path(path) for path in changed if Path(path).is_file()}
        before = {path: _mtime(path) for path in files}
        deadline = time.monotonic() + HALF_WRITTEN_SECONDS
        while time.monotonic() < deadline and not self.stopping.is_set():
            if any(_mtime(path) != seen for path, seen in before.items()):
                return True
            time.sleep(0.05)
        return False

    def _follow_moves(self, addresses: dict | None) -> list[tuple[str, str, str]]:
        """Note in self.moves the moves since the last rebuild (`addresses`: this one's, None when it
        rendered nothing); the ones to tell now, each from the address the article had before this
        session moved it (none for one moved back there)."""
        moves, self.lists_gone, self.list_aliases_gone = (), (), ()
        if addresses and self.addresses:
            moves = causes.find_moved(self.addresses, addresses)
            # (a unit renamed in site.toml: its page went, said once, as `build` says it)
            self.lists_gone = causes.find_lists_gone(self.addresses.get("lists"), addresses)
            self.list_aliases_gone = causes.find_list_aliases_gone(self.addresses.get("lists_kept"), addresses)
        self.addresses = addresses or self.addresses
        if self.at_start is None and addresses:
            self.at_start = frozenset(causes.published_addresses(addresses))
        told = []
        for source in [source for source in self.moves if not (self.options.site_dir / source).is_file()]:
            del self.moves[source]  # (deleted, or renamed: its new file is another article)
        for source, old, new in moves:
            if any(source == told_source for told_source, _, _ in told):
                continue  # (its other old address, one its renamed category kept: the first is told)
            first = self.moves.pop(source, (old, new))[0]
            if new != first:
                self.moves[source] = (first, new)
                if first in self.at_start:
                    told.append((source, first, new))
        if addresses:  # (the alias advised written: its old address leads to it again, nothing to undo)
            kept = causes.published_addresses(addresses)
            for source in [source for source, (first, _) in self.moves.items() if first in kept]:
                del self.moves[source]
        return told

    def _left_out_notice(self, article: Article | None, site_config) -> list[str]:
        """Why the article just saved is not in the preview, when it is scheduled or expired: its
        page went, and the tab showed "Không tìm thấy trang" with nothing said."""
        if article is None or not article.category or site_config is None:
            return []
        now = datetime.now(site_config.zone)
        reason = index.leave_out_reason(article, index.IndexOptions(drafts=True, future=self.options.future), now)
        if reason not in ("future", "expired"):
            return []
        moment = article.date if reason == "future" else article.expires
        return [messages.text("preview-scheduled" if reason == "future" else "preview-expired", self.options.lang,
                              path=article.source, moment=moment.astimezone(site_config.zone).strftime("%H:%M %d/%m/%Y"))]

    def rebuild(self, changed: frozenset[str] = frozenset(), search: bool | None = None) -> BuildResult:
        self.search.postpone()
        self.cancel_refresh.set()  # (a refresh running now stops; the shards it finished are kept)
        with self.build_lock:
            self.cancel_refresh.clear()
            search = not changed if search is None else search
            # (the files of a build that showed nothing, saved again meanwhile, are this one's too)
            changed, self.unshown = changed | self.unshown, frozenset()
            result = self._rebuild(changed, search)
            # An editor who never pauses (autosave while typing; on a large portal, each save
            # stopping the search refresh that collects) kept every build's garbage frozen: ~7 MB
            # a save at 10,000 articles. Collected once the page is announced, every few saves.
            self.uncollected += 1
            if self.uncollected >= COLLECT_EVERY:
                _collect_while_idle()
                self.uncollected = 0
            return result

    def _rebuild(self, changed: frozenset[str], search: bool) -> BuildResult:
        options = self.options
        try:
            # The page first, without waiting for the search index (seconds on a large portal) …
            result = self._build(search)
            _keep_out_of_collections()
        except jinja2.TemplateError as exc:  # an edited layout broke: show it, keep serving
            result = BuildResult(problems=(layout_problem(exc, options.site_dir),))
        except Exception as exc:  # a bug, or a file gone mid-save: loud in the terminal, shown in the page
            if self.stopping.wait(STOP_GRACE_SECONDS):
                return BuildResult()
            self.report([traceback.format_exc().rstrip()])
            result = BuildResult(problems=(error("(generator)", 0, "internal-error", f"{type(exc).__name__}: {exc}"),))
        site_config, _ = config_stage.load_config(options.site_dir)
        base_path = site_config.base_path if site_config else "/"
        lang = options.lang
        if has_errors(result.problems) and changed and self._still_being_written(result.problems, changed):
            self.unshown = changed
            return result  # the save that completes it rebuilds again: no overlay flashed, no false error told
        if has_errors(result.problems) and all(p.code == "changed-during-build" for p in result.problems if p.is_error):
            # A save while the build read the file (autosave, a rebuild longer than its delay): the watcher
            # saw it, and its rebuild reads the file whole. The overlay told the editor to "build again".
            self.unshown = changed
            return result
        if has_errors(result.problems):
            self.state.publish(base_path, result.problems)
            errors = sum(p.is_error for p in result.problems)
            # (serve started on a broken site, no page kept from a session before: none to serve)
            shown = (self.state.snapshot().out_dir / "404.html").is_file()
            if tuple(result.problems) == self.failed_with:
                # (a git checkout rebuilds twice, a save that mends another file: the screen of
                # problems was printed again word for word)
                self._say(messages.text("rebuild-failed-again" if shown else "first-build-failed-again", lang,
                                        errors=errors))
            else:
                self.report(messages.describe_all(seen_from_here(result.problems, options.site_dir), lang))
                self._say(messages.text("rebuild-failed" if shown else "first-build-failed", lang, errors=errors))
            self.failed_with = tuple(result.problems)
            return result
        self.failed_with = None
        saved = self._saved_article(changed, site_config) if changed else None
        hidden = self._left_out_notice(saved, site_config)
        moves, folded = messages.fold_into_lists(self._follow_moves(result.addresses), self.lists_gone)
        moved = [line.strip() for line in [*messages.moved_lines(moves, lang),
                                           *messages.lists_gone_lines(self.lists_gone, lang, folded),
                                           *messages.list_aliases_gone_lines(self.list_aliases_gone, lang)]] + hidden
        # The page's note keeps every move of the session until it is undone (the next save emptied it).
        notices = [line.strip() for line in messages.moved_lines(
            [(source, first, now) for source, (first, now) in sorted(self.moves.items()) if first in self.at_start],
            lang)] + hidden
        follow = self._saved_article_page(saved, base_path) if options.follow else ""
        self.state.publish(base_path, result.problems, tuple(notices), follow)  # (no error among them: warnings)
        # Warnings (a photo without alt text, another generator's key) are told once, when they
        # appear, not again on every save; one mended and made again is told again.
        fresh = [p for p in result.problems if p not in self.warned]
        self.warned = set(result.problems)
        if fresh:
            self.report(messages.describe_folded(seen_from_here(fresh, options.site_dir), lang))
        if changed:
            # Editors' temp files are gone by now; name what the editor saved.
            names = sorted(_shown(p, options.site_dir) for p in ([p for p in changed if Path(p).exists()] or changed))
            # (a git checkout or a folder of 50 articles copied in: three names, the rest counted, as `build` says)
            self._say(messages.text("rebuilt", lang, seconds=messages.seconds(result.seconds, lang),
                                    changed=messages.named_and_counted(names, lang)))
            for line in moved:
                self._say(line)
            # … then the search index, once the editor pauses. The build swaps the new index in
            # by itself; pages are unchanged, so no second reload.
            self.search.schedule()
        return result

    def _refresh_search(self) -> None:
        # Problems it finds (content changed again meanwhile) are the next rebuild's to report.
        try:
            self._build(search=True, cancellable=True)
            self._keep_states()  # (the editor pauses: a good moment)
        except IndexingCancelled:  # a save came: it goes first, the index after it
            self.search.schedule()
            return
        except jinja2.TemplateError:  # a layout broken since (or from the start): its rebuild told it,
            return  # and the one that mends it schedules the index again
        except Exception:  # the next rebuild tries again; the preview itself is fine
            if not self.stopping.wait(STOP_GRACE_SECONDS):
                self.report([traceback.format_exc().rstrip()])
            return
        _collect_while_idle()
        self.uncollected = 0

    def start(self) -> str:
        """Build once, bind the port, start watching. Returns the URL to open."""
        self.server = make_server(self.options.host, self.options.port, self.state)
        # The pages first: the search index of a large portal takes Pagefind tens of seconds
        # the first time. A background build makes it right after, while the editor reads the
        # page; it also reads again the files saved in the 2 s before this build (a git pull,
        # content.RACY_MARGIN_NS) and fills the memo, so that the first save is as quick as the others.
        # Watched from before that first build: a save made while it runs (seconds on a large
        # portal) rebuilds after it and reloads the page, as any save does (it went unseen).
        self.watcher = Watcher(self.options.site_dir, self.rebuild)
        self.watcher.start()
        self.rebuild(search=False)
        self.search.schedule(after=0)
        host, port = self.server.server_address[:2]
        shown_host = f"[{host}]" if ":" in host else host
        return f"http://{shown_host}:{port}{self.state.snapshot().base_path}"

    def serve_forever(self) -> None:
        self.server.serve_forever(poll_interval=0.2)

    def stop(self) -> None:
        # The port first: what follows (a search refresh to stop, the states to write) takes seconds
        # on a large portal, and an editor who starts serve again at once was told the port is in use.
        if self.server:
            self.server.server_close()
        if self.session_lock is not None:  # … and a serve started again meanwhile waits for the kept pages
            os.ftruncate(self.session_lock, 0)
            os.pwrite(self.session_lock, SESSION_STOPPING, 0)
        self.state.close()
        if self.watcher:
            self.watcher.stop()
        self.cancel_refresh.set()  # a refresh running now stops at once
        self.search.stop()
        with self.build_lock:
            self._keep_states()
        if self.out_root is not None:
            shutil.rmtree(self.out_root, ignore_errors=True)
        if self.session_lock is not None:
            os.close(self.session_lock)  # (the kept pages stay for the next session)
            self.session_lock = None

    def _say(self, line: str) -> None:
        print(time.strftime("%H:%M:%S ") + line, file=self.out, flush=True)


# What the memo keeps is millions of long-lived objects; a full garbage collection
# walks them all (~0.3 s at 10,000 articles), and Python starts one in the middle
# of whichever rebuild crosses its threshold. So after each rebuild they are
# moved out of the collector's sight (gc.freeze), and reference cycles left
# behind (old Jinja environments) are collected while the editor pauses.
def _keep_out_of_collections() -> None:
    gc.freeze()


# Rebuilds after which that garbage is collected without a pause (~0.3 s at 10,000 articles, once
# the page is announced).
COLLECT_EVERY = 10


def _collect_while_idle() -> None:
    gc.unfreeze()
    gc.collect()
    gc.freeze()


# How long a build that found an error in a file just saved waits for that file to be written
# again (the second write of a save in two) before telling the error.
HALF_WRITTEN_SECONDS = 0.5


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


# How long a failed build waits to learn that Ctrl+C killed its workers (its signal reaches the
# main thread just after them) before telling the failure as a bug.
STOP_GRACE_SECONDS = 0.5


def run_serve(options: ServeOptions, out: TextIO, err: TextIO) -> int:
    """The `serve` command: 0 when stopped with Ctrl+C (the editor's own way to stop it), 143 with
    SIGTERM (a service manager, a stop button: cli's EXIT_TERMINATED, as `build` exits then), 2 if
    the port is taken."""
    from generator.cli import EXIT_TERMINATED  # (cli imports this module when `serve` is asked for)
    preview = Preview(options, out, lambda lines: print("\n".join(lines), file=err, flush=True))
    stopped = (messages.text("stopped", options.lang) + "\n").encode("utf-8")

    def abandon(signum, frame):
        # Ctrl+C or SIGTERM while the first pages are built: a KeyboardInterrupt raised then can
        # land in the handlers Python runs around each fork of the workers and be swallowed
        # there, and the preview would start after all. The process ends at once instead:
        # what a build leaves when it is killed is what the next one expects (its workers end
        # with it, its staging folder is recovered; tests/e2e/test_crash_safety.py).
        if preview.out_root is not None:
            shutil.rmtree(preview.out_root, ignore_errors=True)
        workers.end_worker_processes()
        os.write(out.fileno(), stopped)
        os._exit(EXIT_TERMINATED if signum == signal.SIGTERM else 0)

    signals: list[int] = []  # (SIGTERM, once serving)
    previous = signal.signal(signal.SIGTERM, abandon)
    previous_int = signal.signal(signal.SIGINT, abandon)
    try:
        try:
            url = preview.start()
        except OSError as exc:
            print("build.py: error: " + messages.text("port-busy", options.lang, host=options.host,
                                                       port=options.port, reason=exc.strerror or exc), file=err)
            return 2
        # From here on builds run in other threads: the main one only waits for requests.
        def stop(signum, frame):
            preview.stopping.set()
            if signum == signal.SIGTERM:
                signals.append(signum)
            raise KeyboardInterrupt
        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        print(messages.text("serving", options.lang, url=browser_url(url)), file=out, flush=True)
        for phone_url in network_urls(url):  # (--host 0.0.0.0: a phone on the office Wi-Fi opens this)
            print(messages.text("serving-network", options.lang, url=phone_url), file=out, flush=True)
        if preview.out_root is not None:  # (another preview of this site holds its kept pages)
            print(messages.text("second-preview", options.lang), file=err, flush=True)
        warning = exposure_warning(preview.server.server_address[0], options.lang)
        if warning:
            print(warning, file=err, flush=True)
        if options.open_browser:  # (starting a browser may take seconds: the requests are answered meanwhile)
            threading.Thread(target=webbrowser.open, args=(browser_url(url),), daemon=True).start()
        preview.serve_forever()
    except KeyboardInterrupt:  # Ctrl+C or SIGTERM
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)
        preview.stop()
    print(messages.text("stopped", options.lang), file=out, flush=True)
    return EXIT_TERMINATED if signals else 0


def browser_url(url: str) -> str:
    """The served URL as this computer's browser reaches it: listening on every address
    (--host 0.0.0.0 or ::), it is 127.0.0.1 here (Windows' browsers cannot open 0.0.0.0)."""
    for wildcard in ("//0.0.0.0:", "//[::]:"):
        url = url.replace(wildcard, "//127.0.0.1:")
    return url


def network_urls(url: str) -> list[str]:
    """The served URL as a phone or another computer of the network reaches it, when the preview
    listens on every address: "http://0.0.0.0:8000/" names none, and the editor had to find this
    computer's address herself. One per address of this computer's that is not its loopback."""
    for wildcard in ("//0.0.0.0:", "//[::]:"):
        if wildcard in url:
            break
    else:
        return []
    found = []
    try:  # the address the default route leaves by (a datagram socket's connect sends nothing)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 9))
            found.append(probe.getsockname()[0])
    except OSError:
        pass
    try:
        found += [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)]
    except OSError:
        pass
    addresses = [a for a in dict.fromkeys(found) if not is_loopback(a) and a != "0.0.0.0"]
    return [url.replace(wildcard, f"//{address}:") for address in addresses]


def exposure_warning(bound: str, lang: str) -> str | None:
    """What to tell the editor when the preview (drafts included) is reachable from other computers."""
    return None if is_loopback(bound) else "build.py: warning: " + messages.text("serve-exposed", lang, host=bound)


def _shown(path: str, site_dir: Path) -> str:
    p = Path(path)
    return p.relative_to(site_dir).as_posix() if p.is_relative_to(site_dir) else p.name
