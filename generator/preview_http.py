"""The preview's HTTP plumbing: what a request may reach, and how it is answered.

Owns turning a request target into a file strictly inside the output folder
(or nothing: encoded `..`, backslashes, NUL bytes, symlinks leading out and
folders without index.html are all "not found"), the Content-Type of each
file, the bounded pool of worker threads that answers requests, and the
hub that keeps every open live-reload stream on one thread so open tabs
never hold a worker. Knows nothing about builds or pages: devserver.py
decides what the answer says.
"""
from __future__ import annotations

import ipaddress
import queue
import socket
import sys
import threading
import time
import weakref
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from generator.images import PLAYED_TYPES

WORKERS = 64  # at most this many threads answer requests; started as needed, then kept
BACKLOG = 256  # connections the kernel holds while every worker is busy
PENDING = 1024  # accepted connections waiting for a worker before accept() waits too
REQUEST_SECONDS = 10.0  # a client that sends nothing for this long is dropped
MAX_STREAMS = 64  # open live-reload streams; the oldest is closed beyond this
SEND_SECONDS = 2.0  # a stream that cannot take a few bytes in this long is dropped

# By file name, not the machine's mime.types, so every computer answers alike.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8", ".json": "application/json",
    ".map": "application/json", ".webmanifest": "application/manifest+json",
    ".xml": "application/xml; charset=utf-8", ".xsl": "application/xslt+xml",
    ".txt": "text/plain; charset=utf-8", ".csv": "text/csv; charset=utf-8",
    ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".gif": "image/gif", ".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon",
    ".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf", ".otf": "font/otf",
    ".wasm": "application/wasm", ".pdf": "application/pdf",
    **PLAYED_TYPES,  # a clip or recording beside an article, as the feeds name it
}
SPECIAL_NAMES = {"atom.xml": "application/atom+xml; charset=utf-8"}
UNKNOWN_TYPE = "application/octet-stream"


def content_type(name: str) -> str:
    if name in SPECIAL_NAMES:
        return SPECIAL_NAMES[name]
    dot = name.rfind(".")
    return CONTENT_TYPES.get(name[dot:].lower(), UNKNOWN_TYPE) if dot >= 0 else UNKNOWN_TYPE


def request_path(target: str) -> str | None:
    """The decoded path of a request target, '/'-rooted without empty segments;
    None when no file may answer it (`..`, `.`, backslash, NUL, bad UTF-8)."""
    if target.startswith("/"):
        raw = target.split("?", 1)[0].split("#", 1)[0]
    else:  # absolute form, as a proxy would send: http://host/path
        parts = urlsplit(target)
        if parts.scheme.lower() not in ("http", "https"):
            return None
        raw = parts.path or "/"
    try:
        decoded = unquote(raw, errors="strict")
    except UnicodeDecodeError:
        return None
    if "\x00" in decoded or "\\" in decoded:
        return None
    segments = decoded.split("/")
    if any(s in (".", "..") for s in segments):
        return None
    kept = [s for s in segments if s]
    if not kept:
        return "/"
    return "/" + "/".join(kept) + ("/" if decoded.endswith("/") else "")


@dataclass(frozen=True)
class Found:
    """A file to send, or a folder whose URL lacks its final slash."""

    file: Path | None = None
    redirect: str | None = None


def locate(root: Path, path: str, base_path: str = "/") -> Found | None:
    """The file inside `root` that answers `path` (from `request_path`), or None."""
    root = root.resolve()
    target = root.joinpath(*[s for s in path.split("/") if s])
    try:
        real = target.resolve(strict=True)
        if real.is_dir():
            index = (real / "index.html").resolve(strict=True)
        else:
            index = None
    except (OSError, RuntimeError):  # missing, a loop of symlinks, a name too long
        return None
    if not real.is_relative_to(root):
        return None  # a symlink inside the output leading out of it
    if index is not None:
        if not index.is_relative_to(root) or not index.is_file():
            return None
        if not path.endswith("/"):
            return Found(redirect=quote(base_path.rstrip("/") + path + "/"))
        return Found(file=index)
    return Found(file=real) if real.is_file() else None


def host_allowed(header: str | None, bound: str) -> bool:
    """Whether a request's Host header names this preview as a browser on this computer or the
    network would: an IP address, `localhost`, this computer's name, or the --host given. A
    web page the editor opens elsewhere can point a name of its own at 127.0.0.1 (DNS
    rebinding) and read the drafts through the editor's browser; its requests carry that name."""
    if not header:  # (an HTTP/1.0 client names no host)
        return True
    name = header.strip().lower()
    if name.startswith("["):  # [::1]:8000
        name = name[1:name.find("]")] if "]" in name else name
    elif name.count(":") == 1:
        name = name.partition(":")[0]
    name = name.rstrip(".")
    try:
        ipaddress.ip_address(name.split("%")[0])
        return True
    except ValueError:
        pass
    mine = socket.gethostname().lower()
    return (name == "localhost" or name.endswith(".localhost") or name == bound.lower()
            or name in (mine, mine + ".local", mine.partition(".")[0]))


def is_loopback(host: str) -> bool:
    """True when only this computer can reach an address the server is bound to."""
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return host == "localhost"


class ReloadHub:
    """Every open live-reload stream, written by one thread.

    A worker answers the stream's request, sends the first event and hands
    the socket over; the hub announces each new build (and pings idle
    streams) to all of them. `state` is the preview's PreviewState: its
    condition is the hub's lock, its generation what streams are told."""

    def __init__(self, state, ping_seconds: float, limit: int = MAX_STREAMS):
        self.state, self.ping_seconds, self.limit = state, ping_seconds, limit
        self.told: dict[socket.socket, int] = {}  # stream → the build it last heard of
        self.adopted: weakref.WeakSet = weakref.WeakSet()
        self.thread = threading.Thread(target=self._run, name="livereload", daemon=True)
        self.thread.start()

    def adopt(self, stream: socket.socket, told: int) -> None:
        stream.settimeout(SEND_SECONDS)
        evicted = []
        with self.state.cond:
            self.adopted.add(stream)
            if self.state.closing:
                evicted.append(stream)
            else:
                self.told[stream] = told
                while len(self.told) > self.limit:  # the oldest is most likely a tab long closed
                    oldest = next(iter(self.told))
                    del self.told[oldest]
                    evicted.append(oldest)
                self.state.cond.notify_all()
        for old in evicted:
            _close(old)

    def owns(self, stream: socket.socket) -> bool:
        return stream in self.adopted

    def count(self) -> int:
        with self.state.cond:
            return len(self.told)

    def _run(self) -> None:
        next_ping = time.monotonic() + self.ping_seconds
        while True:
            with self.state.cond:
                while True:
                    if self.state.closing:
                        streams = list(self.told)
                        self.told.clear()
                        break
                    snapshot = self.state.snapshot()
                    generation = snapshot.generation
                    now = time.monotonic()
                    if now >= next_ping or any(t != generation for t in self.told.values()):
                        break
                    self.state.cond.wait(next_ping - now)
                if self.state.closing:
                    for stream in streams:
                        _close(stream)
                    return
                ping = now >= next_ping
                targets = list(self.told.items())
            if ping:
                next_ping = now + self.ping_seconds
            gone = [stream for stream, told in targets if not self._send(stream, told, snapshot, ping)]
            with self.state.cond:
                for stream, told in targets:
                    if stream in self.told and stream not in gone:
                        self.told[stream] = generation
                for stream in gone:
                    self.told.pop(stream, None)
            for stream in gone:
                _close(stream)

    @staticmethod
    def _send(stream: socket.socket, told: int, snapshot, ping: bool) -> bool:
        if told != snapshot.generation:
            data = snapshot.reload_event()
        elif ping:
            data = b": ping\n\n"  # keeps proxies from closing it, and finds tabs that were closed
        else:
            return True
        try:
            stream.sendall(data)
            return True
        except OSError:
            return False


def _close(stream: socket.socket) -> None:
    try:
        stream.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    stream.close()


class PooledHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server with a bounded pool of workers.

    Thread-per-connection grows without bound under a flood; here at most
    WORKERS requests run at once (threads start when none is idle and are
    kept), the rest wait in a bounded queue and then in the kernel's
    backlog. Live-reload streams leave the pool (ReloadHub)."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = BACKLOG
    hub: ReloadHub | None = None

    def server_activate(self) -> None:
        super().server_activate()
        self.pending: queue.Queue = queue.Queue(PENDING)
        self.workers: list[threading.Thread] = []
        self.counts = threading.Lock()
        self.queued = self.waiting = 0  # connections not yet taken; workers free to take one

    def process_request(self, request, client_address) -> None:
        worker = None
        with self.counts:
            self.queued += 1
            if self.queued > self.waiting and len(self.workers) < WORKERS:
                self.waiting += 1
                worker = threading.Thread(target=self._work, name=f"preview-{len(self.workers)}", daemon=True)
                self.workers.append(worker)
        if worker:
            worker.start()
        self.pending.put((request, client_address))

    def _work(self) -> None:
        while True:
            item = self.pending.get()
            with self.counts:
                self.queued -= 1
                self.waiting -= 1
            if item is None:
                return
            self.process_request_thread(*item)  # handles errors and closes the connection
            with self.counts:
                self.waiting += 1

    def shutdown_request(self, request) -> None:
        if self.hub is not None and self.hub.owns(request):
            return  # a live-reload stream: the hub closes it
        super().shutdown_request(request)

    def handle_error(self, request, client_address) -> None:
        failure = sys.exc_info()[1]
        if isinstance(failure, OSError):
            return  # the client went away or sent nothing in time: nothing to tell the editor
        print(f"build.py: error: the preview could not answer a request: {type(failure).__name__}: {failure}",
              file=sys.stderr, flush=True)

    def server_close(self) -> None:
        super().server_close()
        for _ in getattr(self, "workers", ()):
            try:
                with self.counts:
                    self.queued += 1
                self.pending.put_nowait(None)
            except queue.Full:
                break  # the workers are daemons: they end with the process
