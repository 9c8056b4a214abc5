"""Lets Python-Markdown's passes skip the work that cannot match: its inline
passes the text that holds no inline markup, its block parser the processors
a block gives nothing to.

Python-Markdown tries each of its ~15 inline patterns (and smarty's 3) on every
text node, one regex and a few Python calls at a time: ~60 % of converting a
typical article, most of it on paragraphs of plain Vietnamese prose where no
pattern can match. Each pattern needs a character of its own to match (a `*`,
a `[`, a `<`, two spaces before a line break, …). A text holding none of them
is marked atomic before the inline pass, which Python-Markdown then leaves as
it is, as it does for code. The HTML is the same byte for byte, only sooner
(tests/unit/test_plain_text.py converts every kind of markup both ways).

A text that does hold a mark (a paragraph with one **bold** phrase) still
goes through the inline pass, but each pattern is tried only when its
character is in the text: the pass otherwise searches the whole paragraph with
every one of its patterns again after each match (half of what remained of the
inline pass on the bench articles).

The block parser likewise asks each block processor in turn whether it takes
the block; nine of them need a character (`#`, `>`, `|`, `:` …) that a plain
paragraph does not hold, and are passed over without being asked
(`_BLOCK_NEEDS`). Together these cut ~40 % of a bench article's conversion.

The marks are only as sound as these lists: an inline pattern we do not know
(another extension, another Python-Markdown version) turns the inline
shortcuts off, and a block processor we do not know is always asked.
"""
from __future__ import annotations

import markdown
from markdown.treeprocessors import InlineProcessor, Treeprocessor
from markdown.util import AtomicString

# What a text must contain for each known pattern to match anywhere in it (any of these).
# Plain substrings: `in` finds them at memchr speed, ~8× sooner than one regex alternation.
_NEEDS = {
    "backtick": ("`",), "escape": ("\\",),
    "reference": ("[",), "link": ("[",), "short_reference": ("[",), "footnote": ("[",),
    "image_link": ("![",), "image_reference": ("![",), "short_image_ref": ("![",),
    "autolink": ("<",), "automail": ("<",), "html": ("<",), "entity": ("&",),
    "linebreak": ("  \n",), "nl": ("\n",), "em_strong": ("*", "_"),
    "magic-link": ("://", "w.", "W."), "magic-mail": ("@",),  # pymdownx.magiclink: "www." (any case), a scheme
    "delimiter": ("~~",),  # pymdownx.tilde, without its subscript: ~~struck~~
    "smarty-ellipses": ("...",), "smarty-em-dashes": ("---",), "smarty-en-dashes": ("--",),
}
# Raw HTML and code stashed by the block parser sit in the text as STX…ETX placeholders.
_PLACEHOLDER = "\x02"


def _holds_any(text: str, needles: tuple[str, ...]) -> bool:
    for needle in needles:
        if needle in text:
            return True
    return False


PRIORITY = 20.5  # just before Python-Markdown's own inline pass (20)


def _pattern_names(md: markdown.Markdown) -> list[str]:
    names = list(md.inlinePatterns._data)
    if "smarty" in md.treeprocessors:  # smarty runs a second inline pass with its own patterns
        names += list(md.treeprocessors["smarty"].inlinePatterns._data)
    return names


def inline_needs(md: markdown.Markdown) -> tuple[str, ...] | None:
    """Whatever any inline pattern of `md` could start from, as substrings;
    None when `md` has a pattern this module does not know."""
    names = _pattern_names(md)
    if any(name not in _NEEDS for name in names):
        return None
    return tuple(sorted({needle for name in names for needle in _NEEDS[name]} | {_PLACEHOLDER}))


class PlainTextMarker(Treeprocessor):
    """Marks each text and tail with nothing for an inline pattern as atomic."""

    def __init__(self, md: markdown.Markdown):
        super().__init__(md)
        self.needs = inline_needs(md)

    def run(self, root):
        # Abbreviations match plain words, and their pass leaves atomic text alone.
        abbreviations = self.md.treeprocessors["abbr"] if "abbr" in self.md.treeprocessors else None
        if self.needs is None or (abbreviations is not None and abbreviations.abbrs):
            return
        needs = self.needs
        for element in root.iter():
            text = element.text
            if text and type(text) is str and not _holds_any(text, needs):
                element.text = AtomicString(text)
            tail = element.tail
            if tail and type(tail) is str and not _holds_any(tail, needs):
                element.tail = AtomicString(tail)


class _PatternSkipper:
    """Stands in for InlineProcessor.__handleInline: the same loop over the
    patterns, but a pattern whose character is nowhere in the text is passed
    over as the loop would after it failed to match (a paragraph with one
    **bold** phrase is otherwise searched by all 15 patterns after each match).
    Placeholders the pass inserts hold none of those characters."""

    def __init__(self, processor: InlineProcessor):
        registry = processor.inlinePatterns
        self.patterns = [registry[i] for i in range(len(registry))]  # in the order the pass tries them
        name_of = {id(pattern): name for name, pattern in registry._data.items()}
        self.needs = [_NEEDS[name_of[id(pattern)]] for pattern in self.patterns]
        self.any_need = tuple(sorted({needle for needles in self.needs for needle in needles}))
        self.apply = processor._InlineProcessor__applyPattern

    def __call__(self, data: str, patternIndex: int = 0) -> str:
        if not isinstance(data, AtomicString) and _holds_any(data, self.any_need):
            patterns, needs, apply = self.patterns, self.needs, self.apply
            start = 0
            count = len(patterns)
            while patternIndex < count:
                if not _holds_any(data, needs[patternIndex]):  # as a failed match: the next pattern, from 0
                    patternIndex += 1
                    start = 0
                    continue
                data, matched, start = apply(patterns[patternIndex], data, patternIndex, start)
                if not matched:
                    patternIndex += 1
        return data


class _PassSkipper:
    """Stands in for an inline pass's run: the pass itself only when some text
    of the tree (not atomic) holds a character one of its patterns needs. Else
    the pass would take every text apart and put it back as it was; smarty's
    pass did that to each of the ~40 texts of an article, newlines included."""

    def __init__(self, processor: InlineProcessor, needs: tuple[str, ...]):
        self.run = processor.run
        self.needs = needs

    def __call__(self, root):
        needs = self.needs
        for element in root.iter():
            text, tail = element.text, element.tail
            # As the pass itself tells them apart: any text but an AtomicString.
            if (text and not isinstance(text, AtomicString) and _holds_any(text, needs)) or (
                    tail and not isinstance(tail, AtomicString) and _holds_any(tail, needs)):
                return self.run(root)
        return None  # the tree as it is


# What a block must contain for each block processor that can pass it to take it:
# its test, or for those whose test is always true, the search its run starts with
# (a run that finds nothing puts the block back and returns False).
_BLOCK_NEEDS = {
    "HashHeaderProcessor": ("#",), "SetextHeaderProcessor": ("\n=", "\n-"), "HRProcessor": ("-", "_", "*"),
    "BlockQuoteProcessor": (">",), "ReferenceProcessor": ("]:",), "FootnoteBlockProcessor": ("[^",),
    "DefListProcessor": (":",), "TableProcessor": ("|",), "AbbrBlockprocessor": ("*[",),
}


class _BlockSkipper:
    """Stands in for BlockParser.parseBlocks: the same loop, but a processor
    whose character is not in the block is passed over as if its test had
    failed (each plain paragraph was searched by nine of them). A processor
    not in _BLOCK_NEEDS is always asked."""

    def __init__(self, parser):
        self.steps = []
        for processor in parser.blockprocessors:  # sorted by priority, as the parser tries them
            self.steps.append((processor, _BLOCK_NEEDS.get(type(processor).__name__)))

    def __call__(self, parent, blocks: list[str]) -> None:
        steps = self.steps
        while blocks:
            for processor, need in steps:
                block = blocks[0]
                if need is not None:  # _holds_any, inlined: ~100,000 times in a bench build's worker
                    for needle in need:
                        if needle in block:
                            break
                    else:
                        continue
                if processor.test(parent, block):
                    if processor.run(parent, blocks) is not False:
                        break


def _inline_processors(md: markdown.Markdown) -> list[InlineProcessor]:
    return [md.treeprocessors[name] for name in ("inline", "smarty")
            if name in md.treeprocessors and type(md.treeprocessors[name]) is InlineProcessor]


def install(md: markdown.Markdown) -> None:
    """Register the marker on `md` (after all its extensions are loaded), and
    let its inline passes skip the patterns a text cannot match."""
    marker = PlainTextMarker(md)
    md.treeprocessors.register(marker, "plain_text", PRIORITY)
    md.parser.parseBlocks = _BlockSkipper(md.parser)
    if marker.needs is None:  # an inline pattern this module does not know
        return
    for processor in _inline_processors(md):
        # The name InlineProcessor's own methods call (name-mangled __handleInline).
        skipper = processor._InlineProcessor__handleInline = _PatternSkipper(processor)
        processor.run = _PassSkipper(processor, skipper.any_need)
