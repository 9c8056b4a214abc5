"""A bar on a terminal; short plain lines in CI and pipes."""
from __future__ import annotations

import io

from generator.progress import Progress, wants_bar


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_bar_only_on_a_terminal_outside_ci():
    assert wants_bar(FakeTerminal(), environ={})
    assert not wants_bar(FakeTerminal(), environ={"CI": "true"})
    assert not wants_bar(io.StringIO(), environ={})


def test_plain_lines_at_each_tenth():
    out = io.StringIO()
    progress = Progress(out, "vi", bar=False)
    for done in range(1, 201):
        progress("render", done, 200)
    lines = out.getvalue().splitlines()
    assert lines[0] == "Dựng trang: 1/200 trang" and lines[-1] == "Dựng trang: 200/200 trang"
    assert len(lines) == 11 and all("\r" not in line for line in lines)


def test_the_bar_redraws_one_line_and_ends_it():
    out = FakeTerminal()
    progress = Progress(out, "en", bar=True)
    for done in range(1, 101):
        progress("render", done, 100)
    progress.finish()
    text = out.getvalue()
    assert text.count("\n") == 1 and text.endswith("render: 100/100 pages\n")
    assert "[" + "#" * 30 + "]" in text and text.count("\r") == 100


def test_a_big_build_redraws_once_per_percent():
    out = FakeTerminal()
    progress = Progress(out, "vi", bar=True)
    for done in range(1, 10_001):
        progress("render", done, 10_000)
    assert out.getvalue().count("\r") == 101 and out.getvalue().endswith("Dựng trang: 10000/10000 trang\n")


def test_small_builds_print_nothing():
    out = io.StringIO()
    Progress(out, "vi", bar=False)("render", 5, 10)
    assert out.getvalue() == ""
