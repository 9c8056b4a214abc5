"""What one article body may cost to convert.

Python-Markdown's inline patterns rescan a block once per match, so a block
with thousands of '[', '*' or '<' costs time that grows with the square or
worse (10,000 '[' in one paragraph: 17 s; 40,000: 7 minutes; 10,000
'<http://': 97 s inside one regular-expression call, which no signal can
interrupt — so the count is the real guard and the alarm only a backstop). Owns the deterministic
bound (markers per block, checked before conversion) and the time budget
that backs it up, so no input can hang a build. Pure apart from the alarm.
"""
from __future__ import annotations

import re
import signal
import threading
import time
from contextlib import contextmanager

# A long news article has a few hundred per block; 2,000 converts in well under a second.
MAX_MARKERS_PER_BLOCK = 2000
# A list indented level under level: Python-Markdown re-reads the rest of the list at each level
# (200 levels: 0.2 s; 600: 14 s, then RecursionError; past ~900 the time budget ran out first,
# `too-slow` after 20 s, and without interval timers, on Windows, 3 minutes until RecursionError).
# A Word outline has under ten.
MAX_LIST_DEPTH = 100
_ITEM = re.compile(r"^( *)(?:[-*+]|\d{1,9}[.)])(?: |$)", re.M)
CONVERT_SECONDS = 20  # the backstop; far above what any accepted body needs
_BLANK = re.compile(r"\n[ \t]*\n")
_MARKERS = re.compile(r"[\[*_<]")


class ConversionTooSlow(BaseException):
    """Raised inside a conversion that ran out of its time budget (a BaseException,
    so no `except Exception` inside Python-Markdown can swallow it)."""


def heavy_block(body: str) -> tuple[int, int] | None:
    """(line offset in body, marker count) of the first block over the bound, or None."""
    start = 0
    for found in list(_BLANK.finditer(body)) + [None]:
        end = found.start() if found else len(body)
        count = len(_MARKERS.findall(body, start, end))
        if count > MAX_MARKERS_PER_BLOCK:
            lead = len(body[start:end]) - len(body[start:end].lstrip("\n"))
            return body.count("\n", 0, start) + lead, count
        if found:
            start = found.end() - 1
    return None


def deep_list(body: str) -> int | None:
    """Line offset in body of the first list item nested more than MAX_LIST_DEPTH levels deep
    by its indentation, or None."""
    if "\t" in body:
        body = body.expandtabs(4)  # as Python-Markdown reads a tab
    if " " * MAX_LIST_DEPTH not in body:  # each level is indented further: none is that deep
        return None
    open_items: list[int] = []  # the indentation of each item still open above
    for item in _ITEM.finditer(body):
        indent = len(item.group(1))
        while open_items and open_items[-1] >= indent:
            open_items.pop()
        open_items.append(indent)
        if len(open_items) > MAX_LIST_DEPTH:
            return body.count("\n", 0, item.start())
    return None


@contextmanager
def time_budget(seconds: float | None = None):
    """Raise ConversionTooSlow in the block after `seconds` (main thread only, and where the
    system has interval timers, which Windows has not; elsewhere the deterministic bound
    alone applies)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum, frame):
        raise ConversionTooSlow

    previous = signal.signal(signal.SIGALRM, expired)
    started = time.monotonic()
    remaining = signal.setitimer(signal.ITIMER_REAL, seconds or CONVERT_SECONDS)[0]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if remaining:  # an outer timer (a test's time limit) keeps running
            signal.setitimer(signal.ITIMER_REAL, max(remaining - (time.monotonic() - started), 0.001))
