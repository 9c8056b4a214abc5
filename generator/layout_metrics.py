"""How long each layout and partial took to render: `build --layout-metrics`.

Owns timing the layouts of one Jinja environment, merging the timings of the render
processes, and the hints drawn from them; must not decide which pages are rendered
(rendering.py renders every page when asked for metrics) nor print (cli.py does).

Hugo's `--templateMetrics` is the model. A site that overrides the theme's layouts
can make every build slower with one partial (a loop over every article in a card);
this names the partial. Each layout's time is inclusive: a layout's time holds the
partials it includes, and a page layout's holds the base it extends. A partial
included plainly, but many times with the same inputs, is a candidate for
`include_cached` (fragments.py): the hint says how many renders it would save. The
inputs are what include_cached would key on, counted per process as its memo is.

A layout is timed from inside: its compiled render function is wrapped (the render
of a page, `{% include %}`, `{% extends %}` and `include_cached` all call that
function), so the clock runs only while the layout produces its output, never while
its caller consumes it.
"""
from __future__ import annotations

import hashlib
import itertools
import time
import weakref
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

import jinja2

# A hint is given for a partial included plainly whose inputs repeat this much (calls per
# different input), and that took at least this share of the page layouts' time and this
# long (a partial of a small site that costs nothing needs no hint).
REPEATS_FOR_HINT = 2.0
SHARE_FOR_HINT = 0.02
SECONDS_FOR_HINT = 0.05


@dataclass(frozen=True)
class LayoutTime:
    """One layout's timings, over every process that rendered."""
    name: str
    calls: int
    seconds: float  # inclusive, summed over the processes
    longest: float  # the longest single call
    outputs: int  # how many different outputs its calls gave
    # How many times include_cached would render it: its calls with different inputs (in each
    # process, as include_cached keeps a memo per process), and those whose inputs it cannot key.
    inputs: int
    cached_calls: int = 0  # calls through include_cached (served from its memo or rendered)

    @property
    def mean(self) -> float:
        return self.seconds / self.calls if self.calls else 0.0


@dataclass(frozen=True)
class LayoutHint:
    """A partial included plainly with inputs that repeat: include_cached would render it `inputs` times."""
    name: str
    calls: int
    inputs: int


@dataclass(frozen=True)
class LayoutReport:
    times: tuple[LayoutTime, ...]  # the slowest first
    pages: int  # pages rendered
    hints: tuple[LayoutHint, ...] = ()


@dataclass(frozen=True)
class Snapshot:
    """What one process timed since its last snapshot; crosses from a render worker pickled."""
    # name → (calls, seconds, longest, digests of the outputs, inputs not counted before)
    timed: dict
    cached_calls: dict  # name → calls through include_cached


class LayoutClock:
    """The timings of one Jinja environment (one Renderer, one process)."""

    def __init__(self, page_layouts: Iterable[str] = ()):
        # A page layout's output is a whole page, each one different: not digested.
        self.page_layouts = frozenset(page_layouts)
        self._timed: dict[str, list] = {}
        self.cached_calls: dict[str, int] = {}
        # (name, context) → include_cached's key of a partial's call (Renderer sets it); its
        # identity-keyed values stand as serial numbers, so that no value is kept alive.
        self.key_of: Callable | None = None
        self._serials: dict[int, tuple[weakref.ref, int]] = {}
        self._next_serial = itertools.count()

    def serial(self, value) -> object:
        """A number for `value` while it lives (an id is reused once its object is gone)."""
        known = self._serials.get(id(value))
        if known is None or known[0]() is not value:
            try:
                known = self._serials[id(value)] = (weakref.ref(value), next(self._next_serial))
            except TypeError:  # no weak reference to it: never the same input twice
                return object()
        return known[1]

    def attach(self, env: jinja2.Environment) -> None:
        """Time every layout `env` loads from now on (before it loads any). By the name it is
        asked for: the theme's layout a site's own one extends ("theme/base.html") is compiled
        under its name in the theme ("base.html"), and must not be counted as the site's."""
        load = env._load_template

        def timed_load(name: str, globals):
            template = load(name, globals)
            if not getattr(template, "_layout_clock", False):  # (the environment keeps what it loaded)
                template.root_render_func = self.wrap(name, template.root_render_func)
                template._layout_clock = True
            return template
        env._load_template = timed_load

    def count_cached_call(self, name: str) -> None:
        self.cached_calls[name] = self.cached_calls.get(name, 0) + 1

    def wrap(self, name: str, render_func: Callable) -> Callable:
        # calls, seconds, longest, digests of the outputs, keys of the inputs, inputs counted
        entry = self._timed.setdefault(name, [0, 0.0, 0.0, set(), set(), 0])
        digested = name not in self.page_layouts
        clock = time.perf_counter

        def timed_render(context) -> Iterator[str]:
            if digested and self.key_of is not None:
                key = self.key_of(name, context)
                entry[4].add(key if key is not None else object())
            check = hashlib.blake2b(digest_size=8) if digested else None
            spent = 0.0
            start = clock()
            for event in render_func(context):
                spent += clock() - start
                if check is not None:
                    check.update(event.encode("utf-8", "surrogatepass"))
                yield event
                start = clock()
            spent += clock() - start
            entry[0] += 1
            entry[1] += spent
            if spent > entry[2]:
                entry[2] = spent
            if check is not None:
                entry[3].add(check.digest())
        return timed_render

    def take(self) -> Snapshot:
        """What was timed since the last take, and start again from nothing."""
        timed = {}
        for name, entry in self._timed.items():
            calls, seconds, longest, digests, keys, counted = entry
            if calls:
                # A page layout, or a partial whose keys are not known: each call an input.
                inputs = len(keys) - counted if keys else calls
                timed[name] = (calls, seconds, longest, frozenset(digests), inputs)
            entry[:4] = [0, 0.0, 0.0, set()]
            entry[5] = len(keys)  # (the keys stay: a later chunk's same input is no new one)
        cached, self.cached_calls = self.cached_calls, {}
        return Snapshot(timed, cached)


def merge(snapshots: Iterable[Snapshot], pages: int, page_layouts: Iterable[str]) -> LayoutReport:
    """One report of the snapshots of every process (and every chunk) of a render."""
    calls: dict[str, int] = {}
    seconds: dict[str, float] = {}
    longest: dict[str, float] = {}
    outputs: dict[str, set] = {}
    inputs: dict[str, int] = {}
    cached: dict[str, int] = {}
    for snapshot in snapshots:
        for name, (n, spent, most, digests, new_inputs) in snapshot.timed.items():
            calls[name] = calls.get(name, 0) + n
            seconds[name] = seconds.get(name, 0.0) + spent
            longest[name] = max(longest.get(name, 0.0), most)
            outputs.setdefault(name, set()).update(digests)
            inputs[name] = inputs.get(name, 0) + new_inputs
        for name, n in snapshot.cached_calls.items():
            cached[name] = cached.get(name, 0) + n
    page_layouts = frozenset(page_layouts)
    times = tuple(sorted(
        (LayoutTime(name, calls[name], seconds[name], longest[name],
                    calls[name] if name in page_layouts else len(outputs[name]), inputs[name], cached.get(name, 0))
         for name in calls),
        key=lambda t: (-t.seconds, t.name)))
    pages_seconds = sum(t.seconds for t in times if t.name in page_layouts)
    hints = tuple(LayoutHint(t.name, t.calls, t.inputs) for t in times
                  if t.name not in page_layouts and not t.cached_calls
                  and t.calls >= REPEATS_FOR_HINT * t.inputs
                  and t.seconds >= max(SHARE_FOR_HINT * pages_seconds, SECONDS_FOR_HINT))
    return LayoutReport(times, pages, hints)
