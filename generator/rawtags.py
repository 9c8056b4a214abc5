"""Start tags of raw HTML that an editor pasted into a body (`<img src>`, `<a href>`).

Owns reading them as a browser does (attribute names lowercased, character references
unescaped) with their place in the text, so that what the plan finds and what the
markup rewrites are the same tags, and rewriting them where Python-Markdown keeps raw
HTML aside. Reads no files.
"""
from __future__ import annotations

import bisect
import functools
import re
from html import escape
from html.parser import HTMLParser
from typing import Callable, NamedTuple

from markdown.postprocessors import Postprocessor


class _Reader(HTMLParser):
    """Reads `html` at once; `_offset()` is where in it the tag at hand starts."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]

    def read(self):
        self.feed(self.html)
        self.close()
        return self

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column


class _StartTags(_Reader):
    def __init__(self, html: str, names: tuple[str, ...]):
        super().__init__(html)
        self.names = names
        self.found: list[tuple[int, int, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):  # also called for <img … />
        if tag in self.names:
            start = self._offset()
            self.found.append((start, start + len(self.get_starttag_text()), {k: v or "" for k, v in attrs}))


def start_tags(html: str, *names: str) -> list[tuple[int, int, dict[str, str]]]:
    """(start, end, attributes) of each start tag in `html` of one of these `names`."""
    return _StartTags(html, names).read().found


class _Elements(_Reader):
    def __init__(self, html: str, name: str, depth: int):
        super().__init__(html)
        self.name, self.depth = name, depth
        self.open: list[int] = []
        self.found: list[tuple[int, int]] = []

    def handle_starttag(self, tag, attrs):
        if tag == self.name:
            self.open.append(self._offset())

    def handle_endtag(self, tag):
        if tag == self.name and self.open:
            start = self.open.pop()
            if len(self.open) == self.depth:
                self.found.append((start, self.html.index(">", self._offset()) + 1))


def elements(html: str, name: str, within: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each outermost element `name` in `html` (`within`: each one inside an
    outermost one), from its start tag to the end of its end tag (one never closed is not one)."""
    return _Elements(html, name, 1 if within else 0).read().found


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class LineUnder(NamedTuple):
    """The first line of words after a photo's <img> in pasted HTML (as words_after reads one)."""
    words: str
    italic: bool  # its first words in italics (<em>, <i> opened after the photo)
    captioned: bool  # in a <figcaption>
    last: bool  # no words, and nothing else in the block after the photo: what the body has under it may be


# What shows a photo or a clip: words after it are its own, not those of a photo before it.
_SHOWN = frozenset({"img", "picture", "video", "audio", "iframe"})


class _Ancestry(_Reader):
    """The elements each start tag of `html` is in, and the line of words under each <img>, read
    in one pass over it."""

    def __init__(self, html: str):
        super().__init__(html)
        self.open: list[tuple[str, dict[str, str]]] = []
        self.starts: list[int] = []  # each start tag's offset, in order
        self.held: list[tuple[tuple[str, dict[str, str]], ...]] = []  # the elements it is in
        self.italic = 0  # <em> and <i> open
        self.under: dict[int, list] = {}  # each <img>'s offset → [words, italic then, italic, captioned, done]
        self.waiting: list[list] = []  # those whose line is not read to its end

    def handle_starttag(self, tag, attrs):
        self.starts.append(self._offset())
        self.held.append(tuple(self.open))
        if self.waiting and (tag in _LINE_ENDS or tag in _SHOWN):
            self._line_ends(tag in _SHOWN)
        if tag in ("em", "i"):
            self.italic += 1
        if tag == "img":
            self.under[self.starts[-1]] = line = [[], self.italic, False, False, False]
            self.waiting.append(line)
        if tag not in _VOID:
            self.open.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        if self.waiting and tag in _LINE_ENDS:
            self._line_ends(False)
        if tag in ("em", "i") and self.italic:
            self.italic -= 1
        names = [name for name, _ in self.open]
        if tag in names:
            del self.open[len(names) - 1 - names[::-1].index(tag):]

    def handle_data(self, data):
        for line in self.waiting:
            if not line[0] and data.strip():
                line[2] = self.italic > line[1]
                line[3] = any(name == "figcaption" for name, _ in self.open)
            if line[0] or data.strip():
                line[0].append(data)

    def _line_ends(self, shown: bool) -> None:
        """A line ends: the lines of words read so far are whole; a photo's without words yet has none
        when another photo follows (`shown`)."""
        for line in self.waiting:
            line[4] = bool(line[0]) or shown
        self.waiting = [line for line in self.waiting if not line[4]]


@functools.lru_cache(maxsize=8)
def _ancestry(html: str) -> tuple[list[int], list[tuple], dict[int, LineUnder]]:
    """Read once for all the photos of a pasted block: each read the whole block again (a page of
    200 photos copied from the old portal, ~0.3 MB: seconds of its conversion)."""
    reader = _Ancestry(html).read()
    under = {at: LineUnder(" ".join("".join(words).split()), italic, captioned, not done and not words)
             for at, (words, _, italic, captioned, done) in reader.under.items()}
    return reader.starts, reader.held, under


def ancestors(html: str, offset: int) -> list[tuple[str, dict[str, str]]]:
    """(name, attributes) of each element the start tag at `offset` of `html` is in, outermost first."""
    starts, held, _ = _ancestry(html)
    at = bisect.bisect_left(starts, offset)
    return list(held[at]) if at < len(starts) else []


def line_under(html: str, offset: int) -> LineUnder:
    """The line of words after the <img> at `offset` of `html`, up to the end of the block they are in
    or a line break, as words_after reads it; none when another photo comes first."""
    return _ancestry(html)[2].get(offset, LineUnder("", False, False, False))


def enclosing(html: str, offset: int) -> str:
    """The name of the element the start tag at `offset` of `html` is in ("" for none)."""
    found = ancestors(html, offset)
    return found[-1][0] if found else ""


# Tags that end a line of words: what words_after reads stops at the first of them after its words.
_LINE_ENDS = frozenset({"p", "div", "td", "th", "tr", "table", "tbody", "thead", "tfoot", "caption", "li", "ul", "ol",
                        "dl", "dt", "dd", "figure", "figcaption", "blockquote", "section", "article", "aside", "h1",
                        "h2", "h3", "h4", "h5", "h6", "br", "hr", "img", "picture", "video", "audio", "iframe"})


class _WordsAfter(_Reader):
    def __init__(self, html: str, offset: int | None, photo_first: bool = False):
        super().__init__(html)
        self.at, self.started, self.italic = offset, offset is None, 0
        self.words: list[str] = []
        self.italic_first = False
        self.ended = False
        self.photo_first = photo_first

    def handle_starttag(self, tag, attrs):
        if (self.words or self.photo_first and self.started and tag in _SHOWN) and tag in _LINE_ENDS:
            self.ended = True
        if not self.ended and self.started and tag in ("em", "i"):
            self.italic += 1
        self.started = self.started or self._offset() >= self.at

    def handle_endtag(self, tag):
        if self.words and tag in _LINE_ENDS:
            self.ended = True
        if not self.ended and self.started and tag in ("em", "i") and self.italic:
            self.italic -= 1

    def handle_data(self, data):
        if self.ended or not self.started or not (self.words or data.strip()):
            return
        if not self.words:
            self.italic_first = self.italic > 0
        self.words.append(data)

    @property
    def found(self) -> tuple[str, bool] | None:
        return (" ".join("".join(self.words).split()), self.italic_first) if self.words else None


def words_after(html: str, offset: int | None = None, photo_first: bool = False) -> tuple[str, bool] | None:
    """The first line of words of `html` after the start tag at `offset` (None: from its start),
    up to the end of the block they are in or a line break, whatever inline tags they hold
    ("Lễ ra quân <em>(Ảnh: …)</em>" is one line), and whether its first words are in italics
    (<em>, <i> opened after that tag); None when no words follow (`photo_first`: nor when a photo
    comes before them, whose words they are)."""
    return _WordsAfter(html, offset, photo_first).read().found


class PastedTable(NamedTuple):
    """A table of pasted HTML with no table inside it, as photo_tables.photo_table reads one."""
    start: int  # where its <table> starts
    end: int  # where its </table> ends
    # each row's cells, each ([(its <img>'s offset, attributes, those of the link holding it or None)], its words)
    rows: list
    # photos and words alone: no link but one holding a photo, no list, clip, heading, nor words outside a cell
    plain: bool


# What a cell of photos and captions may hold besides them (words' formatting, lines, the cell's layout).
_PLAIN_IN_TABLE = frozenset({"tbody", "thead", "tfoot", "tr", "td", "th", "colgroup", "col", "img", "a", "br", "p",
                             "div", "span", "em", "i", "strong", "b", "u", "font", "center", "small", "big", "sup",
                             "sub", "o:p"})
_CELL_BREAKS = frozenset({"br", "p", "div"})  # (words on two lines of a cell are two words)


class _Tables(_Reader):
    def __init__(self, html: str):
        super().__init__(html)
        self.open: list[list] = []  # tables being read: [start, rows, plain, holds a table, in a cell]
        self.found: list[PastedTable] = []
        self.link: list | None = None  # an <a> open in a cell: [attributes, photos in it, words in it]

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            if self.open:
                self.open[-1][3] = True
            self.open.append([self._offset(), [], True, False, False])
            return
        if not self.open:
            return
        table = self.open[-1]
        if tag not in _PLAIN_IN_TABLE or self.link is not None and tag in ("a", "br", "p", "div"):
            table[2] = False
        elif tag in ("tr", "td", "th") and self.link is not None:  # (a link left open)
            table[2], self.link = False, None
        elif tag == "tr":
            table[1].append([])
            table[4] = False
        elif tag in ("td", "th"):
            if not table[1]:
                table[1].append([])
            table[1][-1].append(([], []))
            table[4] = True
        elif not table[4]:  # (a photo or a link between cells)
            table[2] = table[2] and tag not in ("img", "a")
        elif tag == "img":
            found = (self._offset(), {k: v or "" for k, v in attrs}, self.link[0] if self.link is not None else None)
            table[1][-1][-1][0].append(found)
            if self.link is not None:
                self.link[1] += 1
        elif tag == "a":
            self.link = [{k: v or "" for k, v in attrs}, 0, False]
        elif tag in _CELL_BREAKS:
            table[1][-1][-1][1].append(" ")

    def handle_endtag(self, tag):
        if not self.open:
            return
        table = self.open[-1]
        if tag == "table":
            self.open.pop()
            if not table[3]:
                end = self.html.index(">", self._offset()) + 1
                rows = [[(photos, " ".join("".join(words).split())) for photos, words in row] for row in table[1]]
                self.found.append(PastedTable(table[0], end, rows, table[2]))
        elif tag == "a" and self.link is not None:
            # (a photo's link alone: one holding words, or nothing, or two photos, is not a photo's)
            table[2] = table[2] and self.link[1] == 1 and not self.link[2]
            self.link = None
        elif tag in ("td", "th", "tr"):
            table[4] = False
        elif tag in _CELL_BREAKS and table[4]:
            table[1][-1][-1][1].append(" ")

    def handle_data(self, data):
        if not self.open:
            return
        table = self.open[-1]
        if not table[4]:  # (words outside a cell: a <caption>'s, stray)
            table[2] = table[2] and not data.strip()
            return
        table[1][-1][-1][1].append(data)
        if self.link is not None and data.strip():
            self.link[2] = True


def tables(html: str) -> list[PastedTable]:
    """Each table of `html` with no table inside it (one inside another is read, not the one holding
    it), in one pass over it: its place, its cells' photos and words, and whether it holds anything
    else (photo_tables.pasted_photo_tables)."""
    return _Tables(html).read().found


def start_tag(name: str, attrs: dict[str, str]) -> str:
    """A start tag written back from its attributes (sanitize.py filters them later)."""
    return f"<{name}" + "".join(f' {key}="{escape(value)}"' for key, value in attrs.items()) + ">"


def replace_start_tags(html: str, names: tuple[str, ...], replacement: Callable[[dict[str, str], int], str | None]) -> str:
    """`html` with each start tag of these `names` for which `replacement(attributes, where in
    `html` the tag starts)` gives text replaced by it."""
    parts, end = [], 0
    for start, stop, attrs in start_tags(html, *names):
        replaced = replacement(attrs, start)
        if replaced is not None:
            parts += [html[end:start], replaced]
            end = stop
    return "".join(parts) + html[end:] if parts else html


class StashedTags(Postprocessor):
    """Rewrites start tags of raw HTML in a body. Python-Markdown keeps raw HTML aside from
    its tree (its stash) and puts it back in its "raw_html" postprocessor (priority 30): a
    subclass, registered above that, names its `tags` and what replaces one (None: nothing)."""

    tags: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # Most blocks hold none of the tags: they are not parsed at all.
        cls._marker = re.compile(rf"<(?:{'|'.join(cls.tags)})\b", re.I)

    def run(self, text):
        stash = self.md.htmlStash.rawHtmlBlocks
        for n, block in enumerate(stash):
            if isinstance(block, str) and self._marker.search(block):
                stash[n] = replace_start_tags(block, self.tags, self.replacer(text, n, block))
        return text

    def replacer(self, text: str, n: int, block: str) -> Callable[[dict[str, str], int], str | None]:
        """What replaces a start tag of the stashed `block` (number `n` of the body's `text`), given its
        attributes and where it starts: `replacement` of the attributes alone, unless a subclass
        reads the tag's place too."""
        return lambda attrs, start: self.replacement(attrs)

    def replacement(self, attrs: dict[str, str]) -> str | None:
        raise NotImplementedError
