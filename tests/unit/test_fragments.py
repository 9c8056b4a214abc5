"""include_cached: a partial rendered once per distinct input, never another input's HTML."""
from __future__ import annotations

from dataclasses import dataclass

import jinja2
import pytest

from generator import incremental
from generator.fragments import Fragments, parsed_closure
from generator.layout_problems import layout_problem


@dataclass(frozen=True)
class Story:
    title: str


def environment(templates: dict[str, str], calls: list | None = None) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader(templates), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)

    def shout(text: str) -> str:  # a global helper; each call is counted
        if calls is not None:
            calls.append(text)
        return text.upper()

    env.globals.update(shout=shout, include_cached=Fragments(env).include_cached)
    return env


CARD = '<p class="card">{{ shout(a.title) }}{% if wide is defined and wide %} (rộng){% endif %}</p>\n'


def test_same_html_as_an_include_each_input_rendered_once():
    calls = []
    env = environment({
        "card.html": CARD,
        "included.html": "{% for a in items %}{% include 'card.html' %}{% endfor %}",
        "cached.html": "{% for a in items %}{{ include_cached('card.html', a=a) }}{% endfor %}",
    }, calls)
    one, two = Story("Tin <một>"), Story("Tin hai")
    items = [one, two, one, one, two]
    included = env.get_template("included.html").render(items=items)
    calls.clear()
    cached = env.get_template("cached.html").render(items=items)
    assert cached == included
    assert "TIN &lt;MỘT&gt;" in cached  # escaped once, not twice
    assert calls == ["Tin <một>", "Tin hai"]  # two articles, two renders; three more from the memo
    env.get_template("cached.html").render(items=[Story("Tin <một>")])  # equal, but another object
    assert len(calls) == 3


def test_every_value_the_partial_reads_is_in_the_key():
    calls = []
    env = environment({
        "card.html": CARD,
        "page.html": "{% for a in items %}{{ include_cached('card.html', a=a, wide=wide) }}{% endfor %}",
        # `number` comes from the caller's context (what render() was given), not from the call
        "numbered.html": "{{ number }}: {{ shout(a.title) }}",
        "list.html": "{% for a in items %}{{ include_cached('numbered.html', a=a) }};{% endfor %}",
    }, calls)
    story = Story("Tin")
    assert env.get_template("page.html").render(items=[story], wide=False) == '<p class="card">TIN</p>\n'
    assert env.get_template("page.html").render(items=[story], wide=True) == '<p class="card">TIN (rộng)</p>\n'
    assert env.get_template("list.html").render(items=[story, story], number=1) == "1: TIN;1: TIN;"
    assert env.get_template("list.html").render(items=[story], number=2) == "2: TIN;"
    # True and 1 print differently: a value's type is in the key too
    assert env.get_template("list.html").render(items=[story], number=True) == "True: TIN;"
    assert env.get_template("list.html").render(items=[story], number=1) == "1: TIN;"


def test_a_name_the_partial_sets_before_reading_it_is_not_in_the_key():
    """The theme's thumbnail sets `photo`; an article page has a `photo` of its own (its cover).
    Only what the partial looks up in the context keys it, or no headline would be reused."""
    calls = []
    env = environment({"thumb.html": "{% set photo = shout(a.title) %}{{ photo }}",
                       "page.html": "{{ include_cached('thumb.html', a=a) }}"}, calls)
    story = Story("Tin")
    assert env.get_template("page.html").render(a=story, photo="bìa 1") == "TIN"
    assert env.get_template("page.html").render(a=story, photo="bìa 2") == "TIN"
    assert calls == ["Tin"]


def test_a_value_without_a_safe_key_is_rendered_every_time():
    calls = []
    env = environment({"tags.html": "{{ shout(tags | join(',')) }}",
                       "page.html": "{{ include_cached('tags.html', tags=tags) }}"}, calls)
    tags = ["a"]
    assert env.get_template("page.html").render(tags=tags) == "A"
    tags.append("b")  # a list can change under the same identity: never kept by it
    assert env.get_template("page.html").render(tags=tags) == "A,B"
    assert calls == ["a", "a,b"]


def test_what_an_included_template_reads_is_in_the_key():
    env = environment({
        "outer.html": "[{% include 'inner.html' %}]",
        "inner.html": "{{ a.title }} {{ suffix }}",
        "page.html": "{{ include_cached('outer.html', a=a) }}",
    })
    story = Story("Tin")
    assert env.get_template("page.html").render(a=story, suffix="một") == "[Tin một]"
    assert env.get_template("page.html").render(a=story, suffix="hai") == "[Tin hai]"


def test_an_undefined_name_is_still_an_error():
    env = environment({"card.html": "{{ a.title }} {{ missing }}",
                       "page.html": "{{ include_cached('card.html', a=a) }}"})
    with pytest.raises(jinja2.UndefinedError, match="missing"):
        env.get_template("page.html").render(a=Story("Tin"))


def test_the_closure_follows_include_cached():
    env = environment({
        "list.html": "{{ include_cached('card.html', a=a) }}",
        "card.html": "{% include 'thumb.html' %}",
        "thumb.html": "{{ a.title }}",
        "computed.html": "{{ include_cached(name, a=a) }}",
        "other.html": "",
    })
    assert set(parsed_closure(env, "list.html")) == {"list.html", "card.html", "thumb.html"}
    assert set(parsed_closure(env, "computed.html")) == set(env.list_templates())  # could be any
    facts = incremental._analyse(env, ["list.html"])["list.html"]
    assert "a" in facts.names and "include_cached" in facts.names
    # what the card's fragments are keyed by, worked out with the layout facts (kept in the
    # build cache), so that no render process parses the card again
    assert facts.cached_partials == (("card.html", ("a",)),)


def test_reads_known_beforehand_are_not_worked_out_again(monkeypatch):
    env = environment({"card.html": "{{ a.title }}", "page.html": "{{ include_cached('card.html', a=a) }}"})
    fragments = Fragments(env, {"card.html": ("a",)})
    env.globals["include_cached"] = fragments.include_cached
    monkeypatch.setattr("generator.fragments.names_read", lambda *_: pytest.fail("parsed again"))
    assert env.get_template("page.html").render(a=Story("Tin")) == "Tin"


def test_an_error_in_a_cached_partial_names_its_file_and_line(tmp_path):
    layouts = tmp_path / "layouts" / "partials"
    layouts.mkdir(parents=True)
    (layouts / "card.html").write_text("<p>{{ a.title }}</p>\n<p>{{ a.missing.name }}</p>\n", encoding="utf-8")
    (tmp_path / "layouts" / "list.html").write_text("{{ include_cached('partials/card.html', a=a) }}\n",
                                                    encoding="utf-8")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path / "layouts")), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.globals["include_cached"] = Fragments(env).include_cached
    with pytest.raises(jinja2.UndefinedError) as caught:
        env.get_template("list.html").render(a=Story("Tin"))
    problem = layout_problem(caught.value, tmp_path)
    assert str(problem).startswith("layouts/partials/card.html:2: "), problem
