"""build --layout-metrics: each layout timed, its inputs and outputs counted, and the hints."""
from __future__ import annotations

import gc
from dataclasses import dataclass

import jinja2

from generator import layout_metrics, messages
from generator.fragments import Fragments
from generator.layout_metrics import LayoutClock, LayoutReport, LayoutTime, merge


@dataclass(frozen=True)
class Story:
    title: str
    category: str


TEMPLATES = {
    "page.html": "{% for a in items %}{% include 'badge.html' %}{{ include_cached('card.html', a=a) }}{% endfor %}",
    "badge.html": "<b>{{ a.category }}</b>",
    "card.html": "<p>{{ a.title }}</p>",
}


def clocked(templates: dict[str, str] = TEMPLATES, page_layouts=("page.html",)) -> tuple[jinja2.Environment, LayoutClock]:
    """What Renderer does with a clock, on a bare environment."""
    clock = LayoutClock(page_layouts)
    env = jinja2.Environment(loader=jinja2.DictLoader(templates), autoescape=True, undefined=jinja2.StrictUndefined)
    clock.attach(env)
    fragments = Fragments(env, on_call=clock.count_cached_call)
    env.globals["include_cached"] = fragments.include_cached
    clock.key_of = lambda name, context: fragments.key_of(name, context, identity=clock.serial)
    return env, clock


def test_calls_inputs_and_outputs_of_each_layout():
    env, clock = clocked()
    one, two, three = Story("Tin một", "an-ninh"), Story("Tin hai", "an-ninh"), Story("Tin ba", "giao-thong")
    html = env.get_template("page.html").render(items=[one, two, three, one])
    assert html.count("<b>") == 4 and html.count("<p>") == 4  # the timed layouts give their output
    report = merge([clock.take()], pages=1, page_layouts=["page.html"])
    times = {t.name: t for t in report.times}
    assert (times["page.html"].calls, times["page.html"].inputs, times["page.html"].outputs) == (1, 1, 1)
    # badge.html reads `a`, a frozen record keyed by identity: three stories, two categories
    badge = times["badge.html"]
    assert (badge.calls, badge.inputs, badge.outputs, badge.cached_calls) == (4, 3, 2, 0)
    # card.html through include_cached: rendered once per story, called four times
    card = times["card.html"]
    assert (card.calls, card.inputs, card.cached_calls) == (3, 3, 4)
    assert all(t.seconds >= 0 and t.longest <= t.seconds for t in report.times)
    assert report.times[0].name == "page.html"  # inclusive: the page holds its partials


def test_an_input_seen_in_an_earlier_chunk_is_no_new_one():
    env, clock = clocked()
    one, two = Story("Tin một", "an-ninh"), Story("Tin hai", "an-ninh")
    env.get_template("page.html").render(items=[one])
    first = clock.take()
    env.get_template("page.html").render(items=[one, two])
    second = clock.take()
    report = merge([first, second], pages=2, page_layouts=["page.html"])
    badge = next(t for t in report.times if t.name == "badge.html")
    assert (badge.calls, badge.inputs) == (3, 2)


def test_a_gone_object_is_not_taken_for_the_next_one_at_its_address():
    # (no include_cached here: its memo would keep each story alive)
    env, clock = clocked({"page.html": "{% for a in items %}{% include 'badge.html' %}{% endfor %}",
                          "badge.html": TEMPLATES["badge.html"]})
    addresses = set()
    for number in range(50):  # each story dies after its render, and the next may take its address
        story = Story(f"Tin {number}", "an-ninh")
        addresses.add(id(story))
        env.get_template("page.html").render(items=[story])
        del story
        gc.collect()
    assert len(addresses) < 50  # (what the test is about: addresses were reused)
    badge = next(t for t in merge([clock.take()], 50, ["page.html"]).times if t.name == "badge.html")
    assert (badge.calls, badge.inputs, badge.outputs) == (50, 50, 1)


def test_a_value_that_cannot_be_keyed_is_a_new_input_each_call():
    templates = {"page.html": "{% for a in items %}{% include 'list.html' %}{% endfor %}",
                 "list.html": "{{ items | length }}"}
    env, clock = clocked(templates)
    env.get_template("page.html").render(items=[1, 2, 3])
    listed = next(t for t in merge([clock.take()], 1, ["page.html"]).times if t.name == "list.html")
    assert (listed.calls, listed.inputs, listed.outputs) == (3, 3, 1)


def test_processes_add_their_inputs_and_share_their_outputs():
    runs = []
    for _ in range(2):  # two render processes, each with its own clock and memo
        env, clock = clocked()
        env.get_template("page.html").render(items=[Story("Tin một", "an-ninh"), Story("Tin hai", "an-ninh")])
        runs.append(clock.take())
    badge = next(t for t in merge(runs, 2, ["page.html"]).times if t.name == "badge.html")
    assert (badge.calls, badge.inputs, badge.outputs) == (4, 4, 1)


def test_hint_for_a_plain_include_whose_inputs_repeat(monkeypatch):
    monkeypatch.setattr(layout_metrics, "SECONDS_FOR_HINT", 0.0)
    monkeypatch.setattr(layout_metrics, "SHARE_FOR_HINT", 0.0)
    templates = {"page.html": "{% for a in items %}{% include 'badge.html' %}{% include 'card.html' %}"
                              "{{ include_cached('card.html', a=a) }}{% endfor %}",
                 "badge.html": "<b>{{ config_name }}</b>", "card.html": "<p>{{ a.title }}</p>"}
    env, clock = clocked(templates)
    env.get_template("page.html").render(items=[Story(f"Tin {n}", "an-ninh") for n in range(6)], config_name="CA")
    report = merge([clock.take()], 1, ["page.html"])
    # badge.html: six calls, one input; card.html's inputs never repeat, and it is cached already
    assert [(h.name, h.calls, h.inputs) for h in report.hints] == [("badge.html", 6, 1)]


def test_no_hint_below_the_time_that_matters():
    env, clock = clocked()
    story = Story("Tin một", "an-ninh")
    env.get_template("page.html").render(items=[story] * 20)
    assert merge([clock.take()], 1, ["page.html"]).hints == ()  # microseconds: not worth a line


def test_the_table_in_both_languages():
    report = LayoutReport(
        times=(LayoutTime("article.html", 9901, 7.98, 0.066, 9901, 9901),
               LayoutTime("partials/headline.html", 34675, 0.894, 0.004, 18769, 34675, cached_calls=128753),
               LayoutTime("partials/badge.html", 14473, 0.5, 0.001, 1, 2)),
        pages=14473, hints=(layout_metrics.LayoutHint("partials/badge.html", 14473, 2),))
    en = messages.layout_table(report, "en")
    assert en[0].startswith("Time per layout, slowest first (14,473 pages rendered")
    assert en[1].split() == ["total", "s", "mean", "ms", "max", "ms", "calls", "inputs", "outputs", "layout"]
    assert en[2].split() == ["7.980", "0.806", "66.00", "9,901", "9,901", "9,901", "article.html"]
    assert en[3].split() == ["0.894", "0.026", "4.00", "34,675", "34,675", "18,769", "partials/headline.html",
                             "(include_cached:", "128,753", "calls)"]
    assert en[5] == "  (summed over the render processes; a layout's time includes the partials it includes and " \
                    "the layout it extends)"
    assert en[6] == ('Hint: partials/badge.html was rendered 14,473 times with only 2 different inputs: included '
                     'with {{ include_cached("partials/badge.html", …) }} it would be rendered 2 times '
                     '(README, "Layouts and theme").')
    vi = messages.layout_table(report, "vi")
    assert vi[0].startswith("Thời gian của từng tệp giao diện, chậm nhất trước (14.473 trang được dựng")
    assert vi[2].split() == ["7,980", "0,806", "66,00", "9.901", "9.901", "9.901", "article.html"]
    assert "(include_cached: gọi 128.753 lần)" in vi[3]
    assert vi[6].startswith("Gợi ý: partials/badge.html được dựng 14.473 lần mà chỉ có 2 đầu vào khác nhau")


def test_a_long_table_counts_the_rest():
    times = tuple(LayoutTime(f"partials/p{n:02d}.html", 1, 1.0 - n / 100, 0.001, 1, 1) for n in range(45))
    lines = messages.layout_table(LayoutReport(times, pages=1), "en")
    assert len(lines) == 2 + messages.LAYOUT_ROWS + 2
    assert lines[-2] == "  … and 5 more layout(s), each under 0.600 s"
