"""A finished search bundle brought up to date when a few of its pages changed,
without indexing the others again.

Owns merging the last build's finished bundle of a shard with Pagefind's bundle
of the pages that changed; must not decide which pages changed (generator/search.py
does) nor run Pagefind.

Pagefind indexes every page on its own: a page's fragment, its postings under each
word and its filter values depend on that page alone, and the finished bundle
numbers pages by URL (generator/pagefind_bundle.py). So the bundle of a shard where
a few articles were edited, added or removed is the last one without the postings
of those pages, plus Pagefind's bundle of the edited and added ones, numbered
again. Indexing one article takes Pagefind ~10 ms; the shard it sits in (~300
articles at 10,000) took 1.2 s. The result is byte for byte what indexing the whole
shard gives (tests/unit/test_pagefind_splice.py compares them, and the random-edit
test compares whole builds); what this module cannot vouch for (another Pagefind
version, a fragment name taken twice, another language) raises NotSpliceable and
the shard is indexed whole.

Most of a splice was reading the pages of every word of the old bundle (~0.3 s of an
edit's 0.6 s at 10,000 articles), only to find the words of the pages that left or
moved. Each splice therefore also returns the bundle's outline (each page's URL, meta
fields and words), which the next splice of that bundle is given: the words of no page
that moves are then kept byte for byte unread, and no fragment is read for its URL.
"""
from __future__ import annotations

import copy
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator import pagefind_bundle as bundle_format
from generator.pagefind_bundle import Pages

# Files of the bundle made from its pages; the others (pagefind.js, the wasm) come with Pagefind.
_MADE = ("fragment", "index", "filter", "pagefind-entry.json")


class NotSpliceable(Exception):
    """The shard has to be indexed whole."""


@dataclass(frozen=True)
class PageOutline:
    """One page of a finished bundle, as the splice needs it."""
    fragment: str  # the name of its fragment file (a hash of the fragment)
    url: str
    meta_fields: frozenset[str]
    # The words whose entry lists the page (under the word or one of its spellings), in byte
    # order, one per line: one string per page loads at once, where sets took 30 ms a shard.
    words: str


@dataclass(frozen=True)
class BundleOutline:
    """Each page of one finished bundle, in the bundle's order. `meta` names the bundle's
    pf_meta (a hash of it, and so of every index chunk's name and bytes): an outline is
    only used for the bundle it was made of."""
    meta: str
    pages: tuple[PageOutline, ...]


@dataclass(frozen=True)
class Spliced:
    urls: frozenset[str]  # of the bundle's pages
    outline: BundleOutline
    # The files of the bundle (paths below it) copied byte for byte from the old bundle's file of
    # the same path: the fragments of the pages kept, the unchanged index chunks, Pagefind's scripts.
    copied: frozenset[str]


class _Bundle:
    """One bundle's single language, read: its entry, pf_meta and page URLs."""

    def __init__(self, folder: Path, outline: BundleOutline | None = None):
        """`outline`: the bundle's, if at hand (its fragments are then not read); ignored
        when it is another bundle's."""
        self.folder = folder
        self.entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        languages = self.entry.get("languages") or {}
        if len(languages) != 1:
            raise NotSpliceable(f"{folder}: {len(languages)} languages")
        (self.language, info), = languages.items()
        self.meta = bundle_format._read_cbor(folder / f"pagefind.{info['hash']}.pf_meta")
        if len(self.meta) != 6 or self.meta[4]:
            raise NotSpliceable(f"{folder}: unexpected pf_meta")
        if (outline is not None and outline.meta == info["hash"] and len(outline.pages) == len(self.meta[1])
                and all(page.fragment == file_hash for page, (file_hash, _) in zip(outline.pages, self.meta[1]))):
            self.urls = [page.url for page in outline.pages]
            self.meta_fields = [page.meta_fields for page in outline.pages]
            self.words: list[str] | None = [page.words for page in outline.pages]
        else:
            fragments = bundle_format.fragments(folder, self.meta[1])
            self.urls = [fragment["url"] for fragment in fragments]
            self.meta_fields = [frozenset(fragment.get("meta", {})) for fragment in fragments]
            self.words = None  # read from its word entries (_merged_entries)
        # Pagefind lists the meta fields any of its pages has (the first image of a body is one).
        if self.meta[5] != sorted(set().union(*self.meta_fields)):
            raise NotSpliceable(f"{folder}: unexpected meta fields")
        self.number = [-1] * len(self.urls)  # each page's number in the spliced bundle (-1: not in it)
        self.field: list[int] | None = None  # each meta field's place in the spliced bundle's list, if moved


def splice(old_folder: Path, fresh_folder: Path | None, urls: set[str], out: Path,
           outline: BundleOutline | None = None) -> Spliced:
    """Write into `out` the finished bundle of the pages at `urls`: those of `fresh_folder`
    (Pagefind's own bundle of the changed ones, or None when pages were only removed) and
    the others from `old_folder` (a finished bundle, whose outline a splice returned, if at
    hand). Returns the URLs of its pages (those of `urls` that one of the two holds) and
    its outline."""
    old = _Bundle(old_folder, outline)
    fresh = _Bundle(fresh_folder) if fresh_folder is not None else None
    if fresh is not None and (fresh.language != old.language or fresh.meta[0] != old.meta[0]):
        raise NotSpliceable("another Pagefind version or language")
    replaced = set(fresh.urls if fresh else ())
    pages = [(url.split("/"), old, n) for n, url in enumerate(old.urls) if url in urls and url not in replaced]
    if fresh is not None:
        pages += [(url.split("/"), fresh, n) for n, url in enumerate(fresh.urls)]
    pages.sort(key=lambda page: page[0])
    if not pages:
        raise NotSpliceable("no pages left")
    for new, (_, source, n) in enumerate(pages):
        source.number[n] = new
    meta_pages = [source.meta[1][n] for _, source, n in pages]
    if len({file_hash for file_hash, _ in meta_pages}) != len(meta_pages):
        raise NotSpliceable("a fragment name taken twice")
    sources = [old] + ([fresh] if fresh else [])
    # A page's postings name meta fields by their place in the list: renumbered for the merged list.
    meta_fields = sorted(set().union(*(source.meta_fields[n] for _, source, n in pages)))
    if meta_fields != old.meta[5]:  # a first or last page with an image (rare): index it whole
        raise NotSpliceable("the meta fields changed")
    for source in sources:
        if source.meta[5] != meta_fields:
            source.field = [meta_fields.index(name) for name in source.meta[5]]

    out.mkdir(parents=True)
    copied: set[str] = set()
    for path in old_folder.iterdir():
        if path.name not in _MADE and not path.name.endswith(".pf_meta"):
            if path.is_file():
                shutil.copy2(path, out / path.name)
                copied.add(path.name)
            else:
                shutil.copytree(path, out / path.name)
                copied.update(f"{path.name}/{inner.relative_to(path).as_posix()}"
                              for inner in path.rglob("*") if inner.is_file())
    (out / "fragment").mkdir()
    (out / "index").mkdir()  # (filter/ is made by write_filters when there is a filter, as Pagefind does)
    for _, source, n in pages:
        name = f"{source.meta[1][n][0]}.pf_fragment"
        shutil.copyfile(source.folder / "fragment" / name, out / "fragment" / name)
        if source is old:
            copied.add(f"fragment/{name}")

    prefix = old.entry["languages"][old.language]["hash"].rsplit("_", 1)[0]
    filters = _merged_filters([(bundle_format.read_filters(s.folder, s.meta[3]), s.number) for s in sources])
    written: dict[bytes, Path] = {}  # the old bundle's chunks, which a finished bundle's writer wrote
    entries = _merged_entries([(bundle_format.read_entries(s.folder, s.meta[2], written if s is old else None), s)
                               for s in sources], old)
    chunks: set[str] = set()
    meta = [old.meta[0], meta_pages, bundle_format.write_index(out, prefix, entries, written, chunks),
            bundle_format.write_filters(out, prefix, filters), [], meta_fields]
    copied.update(f"index/{name}" for name in chunks)
    entry = copy.deepcopy(old.entry)
    bundle_format.write_meta(out, entry, old.language, meta)
    bundle_format.write_entry(out, entry)
    outline = BundleOutline(entry["languages"][old.language]["hash"], tuple(
        PageOutline(source.meta[1][n][0], source.urls[n], source.meta_fields[n], source.words[n])
        for _, source, n in pages))
    return Spliced(frozenset("/".join(segments) for segments, _, _ in pages), outline, frozenset(copied))


def _merged_filters(sources: list[tuple[dict, list[int]]]) -> dict[str, dict[str, list[int]]]:
    merged: dict[str, dict[str, list[int]]] = {}
    for filters, number in sources:
        for name, values in filters.items():
            for value, pages in values.items():
                kept = [number[page] for page in pages if number[page] >= 0]
                if kept:
                    merged.setdefault(name, {}).setdefault(value, []).extend(kept)
    return {name: {value: sorted(pages) for value, pages in values.items()} for name, values in merged.items()}


def _merged_entries(sources: list[tuple[list[tuple[str, bytes]], _Bundle]], finished: _Bundle
                    ) -> list[tuple[str, bytes]]:
    """The word entries of all sources with their pages (and meta fields, when not None)
    renumbered; a word or spelling left without pages is gone. The `finished` source's
    entries are already canonical (pagefind_bundle.canonical_entry). Fills the `words` of
    each source's pages where they are not known."""
    sources_of: dict[str, int] = {}
    for entries, _ in sources:
        for word, _ in entries:
            sources_of[word] = sources_of.get(word, 0) + 1
    words: dict[str, tuple[Pages, dict[str, Pages]] | bytes] = {}
    for entries, source in sources:
        number, field = source.number, source.field
        moved: set[str] | None = None  # the words of the pages that leave or move, when known
        if source.words is not None:
            moved = set().union(*(source.words[n].split("\n") for n, new in enumerate(number) if new != n))
            page_words = None
        else:
            page_words = [[] for _ in number]  # filled in the entries' order: the words' byte order
        for word, data in entries:
            # Most words of an edited shard are on pages that keep their numbers: kept byte for byte,
            # but only from the finished bundle: Pagefind's own lists a word's spellings in an
            # order of its own ("thử" before "thứ"), which encode_entry puts in byte order.
            keep = source is finished and field is None and sources_of[word] == 1
            if keep and moved is not None and word not in moved:
                words[word] = data
                continue
            _, pages, spellings = bundle_format.parse_entry(data)
            if page_words is not None:
                for page in {page for page, _ in pages}.union(*({page for page, _ in its_pages}
                                                                 for _, its_pages in spellings)):
                    page_words[page].append(word)
            if keep and _unmoved(pages, number) and all(_unmoved(its_pages, number) for _, its_pages in spellings):
                words[word] = data
                continue
            into_pages, into_spellings = words.setdefault(word, ([], {}))
            into_pages += _renumbered(pages, number, field)
            for spelling, its_pages in spellings:
                into_spellings.setdefault(spelling, []).extend(_renumbered(its_pages, number, field))
        if page_words is not None:
            source.words = ["\n".join(found) for found in page_words]
    merged = []
    for word in sorted(words, key=str.encode):
        if isinstance(words[word], bytes):
            merged.append((word, words[word]))
            continue
        pages, spellings = words[word]
        spellings = [(spelling, sorted(its_pages)) for spelling, its_pages in spellings.items() if its_pages]
        if pages or spellings:
            merged.append((word, bundle_format.encode_entry(word, sorted(pages), spellings)))
    return merged


def _unmoved(pages: Pages, number: list[int]) -> bool:
    return all(number[page] == page for page, _ in pages)


def _renumbered(pages: Pages, number: list[int], field: list[int] | None) -> Pages:
    if field is None:
        return [(number[page], rest) for page, rest in pages if number[page] >= 0]
    return [(number[page], bundle_format.with_meta_fields(rest, field)) for page, rest in pages if number[page] >= 0]
