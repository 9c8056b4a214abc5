"""Start tags of raw HTML that an editor pasted into a body (`<img src>`, `<a href>`).

Owns reading them as a browser does (attribute names lowercased, character references
unescaped) with their place in the text, so that what the plan finds and what the
markup rewrites are the same tags. Reads nothing else and changes nothing.
"""
from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser


class _StartTags(HTMLParser):
    def __init__(self, html: str, name: str):
        super().__init__(convert_charrefs=True)
        self.name = name
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.found: list[tuple[int, int, dict[str, str]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):  # also called for <img … />
        if tag == self.name:
            line, column = self.getpos()
            start = self.line_starts[line - 1] + column
            self.found.append((start, start + len(self.get_starttag_text()), {k: v or "" for k, v in attrs}))


def start_tags(html: str, name: str) -> list[tuple[int, int, dict[str, str]]]:
    """(start, end, attributes) of each `<name …>` start tag in `html`."""
    return _StartTags(html, name).found


def start_tag(name: str, attrs: dict[str, str]) -> str:
    """A start tag written back from its attributes (sanitize.py filters them later)."""
    return f"<{name}" + "".join(f' {key}="{escape(value)}"' for key, value in attrs.items()) + ">"
