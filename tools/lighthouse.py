"""Lighthouse scores (mobile) for the bundled portal's home page and one article.

Builds the demo site into a temporary folder, serves it on a loopback port and
runs the npm `lighthouse` CLI installed by `make lighthouse` against Debian's
chromium. Prints the four category scores; JSON reports go to test-artifacts/.
Optional: not part of `make test`.
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.pipeline import BuildOptions, build  # noqa: E402

LIGHTHOUSE = REPO / ".cache/lighthouse/node_modules/.bin/lighthouse"
PAGES = {"home": "/", "article": "/tin-hoat-dong/doi-canh-sat-giao-thong-huong-dan-hoc-sinh-doi-mu-bao-hiem-dung-cach/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run " \
               "--disable-background-networking --disable-component-update --disable-sync"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "public"
        result = build(BuildOptions(site_dir=REPO, out_dir=out))
        if not result.ok:
            print("\n".join(map(str, result.problems)), file=sys.stderr)
            return 1
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        reports = REPO / "test-artifacts" / "lighthouse"
        reports.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
        try:
            for name, path in PAGES.items():
                report = reports / f"{name}.json"
                url = f"http://127.0.0.1:{server.server_address[1]}{path}"
                subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                                f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)],
                               check=True, env=env, timeout=300)
                scores = json.loads(report.read_text())["categories"]
                print(f"{name:8} " + "  ".join(f"{c} {round(scores[c]['score'] * 100)}" for c in CATEGORIES))
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
