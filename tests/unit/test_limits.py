import time
from datetime import datetime, timezone

import pytest

from generator import limits
from generator.markup import MarkupConverter
from generator.model import Article


def body_article(body: str) -> Article:
    return Article(source="content/tin-hoat-dong/a.md", title="t", date=datetime(2026, 1, 21, tzinfo=timezone.utc),
                   has_time=False, units=("u",), category="c", campaigns=(), slug="a", url="/c/a/", body=body,
                   body_line=7)


def test_heavy_block_names_the_first_block_over_the_bound():
    assert limits.heavy_block("a\n\n" + "[" * 2001 + "\n\nb") == (2, 2001)
    assert limits.heavy_block("[" * 1000 + "\n\n" + "*" * 1000) is None
    assert limits.heavy_block("\n\n\n" + "[\n" * 3000) == (3, 3000)


@pytest.mark.timed
def test_a_paragraph_of_ten_thousand_brackets_is_refused_at_once():
    started = time.perf_counter()
    result = MarkupConverter({}).convert(body_article("Mở đầu.\n\n" + "[" * 10_000))
    assert time.perf_counter() - started < 1  # it used to take 17 s
    assert [str(p) for p in result.problems] == [
        "content/tin-hoat-dong/a.md:9: error[too-complex]: this paragraph has 10,000 '[', '*', '_' or '<' marks "
        "(at most 2,000); split it with blank lines"]


@pytest.mark.timed
def test_a_conversion_over_its_time_budget_is_a_problem_not_a_hang(monkeypatch):
    monkeypatch.setattr(limits, "CONVERT_SECONDS", 0.3)
    body = "\n\n".join(["[" * 1900] * 40)  # each block is allowed; together they take far longer
    started = time.perf_counter()
    result = MarkupConverter({}).convert(body_article(body))
    assert time.perf_counter() - started < 3
    assert [p.code for p in result.problems] == ["too-slow"]


def test_the_budget_leaves_an_outer_timer_running():
    import signal
    fired = []
    signal.signal(signal.SIGALRM, lambda *a: fired.append(1))
    signal.setitimer(signal.ITIMER_REAL, 0.5)
    with limits.time_budget(5):
        pass
    time.sleep(0.7)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    assert fired == [1]


def test_an_article_refused_as_too_deep_leaves_the_next_one_whole():
    """Python-Markdown stops halfway through a refused article; the worker converts its
    next article with the same converter, which lost that article's paragraphs (<p>).
    Where it stops depends on how deep the caller's stack already is, so the refused
    article is converted from a few depths."""
    body = "Mở đầu bài viết.\n\n- mục một\n- mục hai\n\nĐoạn kết."
    too_deep = body_article("- a\n" + "".join("    " * depth + "- a\n" for depth in range(1, 400)))
    converter = MarkupConverter({})
    whole = MarkupConverter({}).convert(body_article(body)).html

    def from_depth(frames: int):
        return converter.convert(too_deep) if frames == 0 else from_depth(frames - 1)
    for frames in range(8):
        assert [p.code for p in from_depth(frames).problems] == ["too-deep"]
        assert converter.convert(body_article(body)).html == whole, frames
    assert whole.startswith("<p>Mở đầu bài viết.</p>")
