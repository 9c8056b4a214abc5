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

import re

import markdown
from markdown.treeprocessors import InlineProcessor, Treeprocessor
from markdown.util import AtomicString

# What a text must contain for each known pattern to match anywhere in it.
_NEEDS = {
    "backtick": "`", "escape": r"\\",
    "reference": r"\[", "link": r"\[", "short_reference": r"\[", "footnote": r"\[",
    "image_link": r"!\[", "image_reference": r"!\[", "short_image_ref": r"!\[",
    "autolink": "<", "automail": "<", "html": "<", "entity": "&",
    "linebreak": "  \n", "em_strong": "[*_]",
    "smarty-ellipses": r"\.\.\.", "smarty-em-dashes": "---", "smarty-en-dashes": "--",
}
# Raw HTML and code stashed by the block parser sit in the text as STX…ETX placeholders.
_PLACEHOLDER = "\x02"

PRIORITY = 20.5  # just before Python-Markdown's own inline pass (20)


def _pattern_names(md: markdown.Markdown) -> list[str]:
    names = list(md.inlinePatterns._data)
    if "smarty" in md.treeprocessors:  # smarty runs a second inline pass with its own patterns
        names += list(md.treeprocessors["smarty"].inlinePatterns._data)
    return names


def needs_pattern(md: markdown.Markdown) -> re.Pattern | None:
    """A regex that finds in a text whatever any inline pattern of `md` could
    start from; None when `md` has a pattern this module does not know."""
    names = _pattern_names(md)
    if any(name not in _NEEDS for name in names):
        return None
    return re.compile("|".join(sorted({_NEEDS[name] for name in names} | {_PLACEHOLDER})))


class PlainTextMarker(Treeprocessor):
    """Marks each text and tail with nothing for an inline pattern as atomic."""

    def __init__(self, md: markdown.Markdown):
        super().__init__(md)
        self.needs = needs_pattern(md)

    def run(self, root):
        # Abbreviations match plain words, and their pass leaves atomic text alone.
        abbreviations = self.md.treeprocessors["abbr"] if "abbr" in self.md.treeprocessors else None
        if self.needs is None or (abbreviations is not None and abbreviations.abbrs):
            return
        search = self.needs.search
        for element in root.iter():
            text = element.text
            if text and type(text) is str and search(text) is None:
                element.text = AtomicString(text)
            tail = element.tail
            if tail and type(tail) is str and search(tail) is None:
                element.tail = AtomicString(tail)


class _PatternSkipper:
    """Stands in for InlineProcessor.__handleInline: the same loop over the
    patterns, but a pattern whose character is nowhere in the text is passed
    over as the loop would after it failed to match (a paragraph with one
    **bold** phrase is otherwise searched by all 15 patterns after each match).
    Placeholders the pass inserts hold none of those characters."""

    def __init__(self, processor: InlineProcessor):
        self.processor = processor
        registry = processor.inlinePatterns
        self.patterns = [registry[i] for i in range(len(registry))]  # in the order the pass tries them
        name_of = {id(pattern): name for name, pattern in registry._data.items()}
        needs = [_NEEDS[name_of[id(pattern)]] for pattern in self.patterns]
        self.needs = [re.compile(need).search for need in needs]
        self.any_need = re.compile("|".join(sorted(set(needs)))).search
        self.apply = processor._InlineProcessor__applyPattern

    def __call__(self, data: str, patternIndex: int = 0) -> str:
        if not isinstance(data, AtomicString) and self.any_need(data) is not None:
            patterns, needs, apply = self.patterns, self.needs, self.apply
            start = 0
            count = len(patterns)
            while patternIndex < count:
                if needs[patternIndex](data) is None:  # as a failed match: the next pattern, from 0
                    patternIndex += 1
                    start = 0
                    continue
                data, matched, start = apply(patterns[patternIndex], data, patternIndex, start)
                if not matched:
                    patternIndex += 1
        return data


# What a block must contain for each block processor that can pass it to take it:
# its test, or for those whose test is always true, the search its run starts with
# (a run that finds nothing puts the block back and returns False).
_BLOCK_NEEDS = {
    "HashHeaderProcessor": "#", "SetextHeaderProcessor": "\n[=-]", "HRProcessor": "[-_*]",
    "BlockQuoteProcessor": ">", "ReferenceProcessor": r"\]:", "FootnoteBlockProcessor": r"\[\^",
    "DefListProcessor": ":", "TableProcessor": r"\|", "AbbrBlockprocessor": r"\*\[",
}


class _BlockSkipper:
    """Stands in for BlockParser.parseBlocks: the same loop, but a processor
    whose character is not in the block is passed over as if its test had
    failed (each plain paragraph was searched by nine of them). A processor
    not in _BLOCK_NEEDS is always asked."""

    def __init__(self, parser):
        self.parser = parser
        self.steps = []
        for processor in parser.blockprocessors:  # sorted by priority, as the parser tries them
            need = _BLOCK_NEEDS.get(type(processor).__name__)
            self.steps.append((processor, re.compile(need).search if need is not None else None))

    def __call__(self, parent, blocks: list[str]) -> None:
        steps = self.steps
        while blocks:
            for processor, need in steps:
                block = blocks[0]
                if need is not None and need(block) is None:
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
    md.treeprocessors.register(PlainTextMarker(md), "plain_text", PRIORITY)
    md.parser.parseBlocks = _BlockSkipper(md.parser)
    if needs_pattern(md) is None:
        return
    for processor in _inline_processors(md):
        # The name InlineProcessor's own methods call (name-mangled __handleInline).
        processor._InlineProcessor__handleInline = _PatternSkipper(processor)
