"""Browser fixtures: the bundled demo portal, built once and served on loopback,
and Debian's chromium driven by Playwright (which never downloads a browser)."""
from __future__ import annotations

import functools
import http.server
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from generator.pipeline import BuildOptions, build
from tests.conftest import REPO

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = REPO / "test-artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
SIZES = {"phone": PHONE, "desktop": DESKTOP, "small": {"width": 320, "height": 640}}  # small: WCAG's reflow width


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files like a web host: 404.html for missing paths, no request log."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


_Handler.extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                           ".js": "text/javascript", ".pagefind": "application/wasm"}


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # The browser dropped a request it no longer wanted (a clip it stopped loading): a web
        # host says nothing, and a traceback in CI's log would only hide the real failures.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serving(folder: Path):
    """`folder` served on a free loopback port like a static web host; yields the base URL."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def built_page(built, browser, path: str, **context_options):
    """`path` of a successful build, served and open in a fresh browser context."""
    assert built.result.ok, built.messages
    with serving(built.out) as base:
        context = browser.new_context(**context_options)
        try:
            page = context.new_page()
            page.goto(f"{base}{path}")
            yield page
        finally:
            context.close()


@contextmanager
def under_policy(browser, policy: str, **context_options):
    """A browser context in which every response of the loopback host carries `policy` as its
    Content-Security-Policy, as a strict web host sends it (any other host is cut off: there is
    no network here, and the browser checks the policy before it asks). Yields (context, the
    browser's reports of what the policy blocked)."""
    context = browser.new_context(**context_options)

    def with_policy(route):
        if not route.request.url.startswith("http://127.0.0.1:"):
            return route.abort()
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": policy})

    context.route("**/*", with_policy)
    blocked: list[str] = []
    context.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        yield context, blocked
    finally:
        context.unroute_all(behavior="ignoreErrors")  # (a request still in flight when the test ends)
        context.close()


@pytest.fixture(scope="session")
def portal(tmp_path_factory):
    """Base URL of the bundled demo portal, freshly built and served."""
    out = tmp_path_factory.mktemp("portal") / "public"
    result = build(BuildOptions(site_dir=REPO, out_dir=out))
    assert result.ok, [str(p) for p in result.problems]
    with serving(out) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Watch:
    """What went wrong while a page was open: console errors and failed requests."""

    origin: str
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        # ERR_ABORTED is a request cut short by the reader moving on (e.g. the favicon
        # of a page left at once); a missing file still shows as an HTTP error below.
        page.on("requestfailed", lambda r: None if "ERR_ABORTED" in (r.failure or "")
                else self.errors.append(f"failed: {r.url} {r.failure}"))
        page.on("response", lambda r: self.errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
        page.on("request", lambda r: None if r.url.startswith((self.origin, "data:", "blob:")) else self.foreign.append(r.url))


@pytest.fixture
def open_page(browser, portal):
    """open_page(size) → (page, watch) in a fresh context of that viewport."""
    contexts = []

    def make(size: str = "desktop", **options):
        context = browser.new_context(viewport=SIZES[size], locale="vi-VN", **options)
        contexts.append(context)
        page = context.new_page()
        watch = Watch(portal)
        watch.attach(page)
        return page, watch

    yield make
    for context in contexts:
        context.close()


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
