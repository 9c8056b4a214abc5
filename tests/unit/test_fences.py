"""The lines a pass over a body leaves alone as code are the ones Python-Markdown shows as
code: every pass (photos, headings, wrapped lines, tables) reads the fences as it does."""
from __future__ import annotations

import html
import re

import markdown
import pytest

from generator.fences import fenced, fenced_blocks
from generator.markup import MarkupConverter

BODIES = [
    "```\nmã\n```\n",
    "Chữ.\n\n```py\na = 1\n```\n\n~~~ {.js #ma}\nb\n~~~\n",
    "```\nchưa đóng\n\n# Tiêu đề\n",  # never closed: text
    "  ```\nthụt lề\n  ```\n",  # indented: not a fence for Python-Markdown
    "```\n# x\n`````\n\n# y\n",  # a longer fence does not close it
    "```\n# x\n```py\n# y\n```\n",  # a fence with a language inside is code
    "``` a b\nx\n```\n",  # two words after a fence: no opening
    "``` {a\nb\n```\nc\n```\n",  # braces not closed: no opening here, one further down
    "```\tpy\nx\n```\n",
    "````\n```\nx\n```\n````\n",
    "```\n```\n",
    "```a\n\n```a\n\n```a\n\n```\nthật\n```\n",
]


def code_blocks_of(body: str) -> list[str]:
    """The text of each <pre> Python-Markdown (with "extra", as ours) makes of the body."""
    converted = markdown.Markdown(extensions=["extra"]).convert(body)
    return [html.unescape(code) for code in re.findall(r"<pre[^>]*><code[^>]*>(.*?)</code></pre>", converted, re.S)]


@pytest.mark.parametrize("body", BODIES)
def test_fenced_blocks_are_the_code_python_markdown_shows(body):
    lines = body.split("\n")
    expected = code_blocks_of(body)
    found = ["".join(line.expandtabs(4) + "\n" for line in lines[first + 1:last])
             for first, last in fenced_blocks(lines)]
    assert found == expected
    flagged = [number for number, (_, in_code) in enumerate(fenced(lines)) if in_code]
    assert flagged == [number for first, last in fenced_blocks(lines) for number in range(first, last + 1)]


@pytest.mark.parametrize("body", BODIES)
def test_our_converter_makes_the_same_code_blocks(body):
    converted = MarkupConverter({}).md.convert(body)
    shown = [html.unescape(code) for code in re.findall(r"<pre[^>]*><code[^>]*>(.*?)</code></pre>", converted, re.S)]
    assert shown == code_blocks_of(body)


def test_fences_never_closed_are_read_in_one_pass():
    # Python-Markdown's search from each opening to the end took minutes on this body.
    lines = ["```a", ""] * 50_000 + ["````", "x", "````"]
    assert fenced_blocks(lines) == [(100_000, 100_002)]
