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
"""
from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

from generator import pagefind_bundle as bundle_format
from generator.pagefind_bundle import Pages

# Files of the bundle made from its pages; the others (pagefind.js, the wasm) come with Pagefind.
_MADE = ("fragment", "index", "filter", "pagefind-entry.json")


class NotSpliceable(Exception):
    """The shard has to be indexed whole."""


class _Bundle:
    """One bundle's single language, read: its entry, pf_meta and page URLs."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        languages = self.entry.get("languages") or {}
        if len(languages) != 1:
            raise NotSpliceable(f"{folder}: {len(languages)} languages")
        (self.language, info), = languages.items()
        self.meta = bundle_format._read_cbor(folder / f"pagefind.{info['hash']}.pf_meta")
        if len(self.meta) != 6 or self.meta[4]:
            raise NotSpliceable(f"{folder}: unexpected pf_meta")
        fragments = bundle_format.fragments(folder, self.meta[1])
        self.urls = [fragment["url"] for fragment in fragments]
        self.meta_fields = [set(fragment.get("meta", {})) for fragment in fragments]
        # Pagefind lists the meta fields any of its pages has (the first image of a body is one).
        if self.meta[5] != sorted(set().union(*self.meta_fields)):
            raise NotSpliceable(f"{folder}: unexpected meta fields")
        self.number = [-1] * len(self.urls)  # each page's number in the spliced bundle (-1: not in it)
        self.field: list[int] | None = None  # each meta field's place in the spliced bundle's list, if moved


def splice(old_folder: Path, fresh_folder: Path | None, urls: set[str], out: Path) -> set[str]:
    """Write into `out` the finished bundle of the pages at `urls`: those of `fresh_folder`
    (Pagefind's own bundle of the changed ones, or None when pages were only removed) and
    the others from `old_folder` (a finished bundle). Returns the URLs of its pages (those
    of `urls` that one of the two holds)."""
    old = _Bundle(old_folder)
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
    for path in old_folder.iterdir():
        if path.name not in _MADE and not path.name.endswith(".pf_meta"):
            shutil.copy2(path, out / path.name) if path.is_file() else shutil.copytree(path, out / path.name)
    (out / "fragment").mkdir()
    (out / "index").mkdir()  # (filter/ is made by write_filters when there is a filter, as Pagefind does)
    for _, source, n in pages:
        name = f"{source.meta[1][n][0]}.pf_fragment"
        shutil.copyfile(source.folder / "fragment" / name, out / "fragment" / name)

    prefix = old.entry["languages"][old.language]["hash"].rsplit("_", 1)[0]
    filters = _merged_filters([(bundle_format.read_filters(s.folder, s.meta[3]), s.number) for s in sources])
    written: dict[bytes, Path] = {}  # the old bundle's chunks, which a finished bundle's writer wrote
    entries = _merged_entries([(bundle_format.read_entries(s.folder, s.meta[2], written if s is old else None),
                                s.number, s.field, s is old) for s in sources])
    meta = [old.meta[0], meta_pages, bundle_format.write_index(out, prefix, entries, written),
            bundle_format.write_filters(out, prefix, filters), [], meta_fields]
    entry = copy.deepcopy(old.entry)
    bundle_format.write_meta(out, entry, old.language, meta)
    bundle_format.write_entry(out, entry)
    return {"/".join(segments) for segments, _, _ in pages}


def _merged_filters(sources: list[tuple[dict, list[int]]]) -> dict[str, dict[str, list[int]]]:
    merged: dict[str, dict[str, list[int]]] = {}
    for filters, number in sources:
        for name, values in filters.items():
            for value, pages in values.items():
                kept = [number[page] for page in pages if number[page] >= 0]
                if kept:
                    merged.setdefault(name, {}).setdefault(value, []).extend(kept)
    return {name: {value: sorted(pages) for value, pages in values.items()} for name, values in merged.items()}


def _merged_entries(sources: list[tuple[list[tuple[str, bytes]], list[int], list[int] | None, bool]]
                    ) -> list[tuple[str, bytes]]:
    """The word entries of all sources with their pages (and meta fields, when not None)
    renumbered; a word or spelling left without pages is gone. A source is `finished`
    when its entries are already canonical (pagefind_bundle.canonical_entry)."""
    sources_of: dict[str, int] = {}
    for entries, _, _, _ in sources:
        for word, _ in entries:
            sources_of[word] = sources_of.get(word, 0) + 1
    words: dict[str, tuple[Pages, dict[str, Pages]] | bytes] = {}
    for entries, number, field, finished in sources:
        for word, data in entries:
            _, pages, spellings = bundle_format.parse_entry(data)
            # Most words of an edited shard are on pages that keep their numbers: kept byte for byte,
            # but only from the finished bundle: Pagefind's own lists a word's spellings in an
            # order of its own ("thử" before "thứ"), which encode_entry puts in byte order.
            if finished and field is None and sources_of[word] == 1 and _unmoved(pages, number) and all(
                    _unmoved(its_pages, number) for _, its_pages in spellings):
                words[word] = data
                continue
            into_pages, into_spellings = words.setdefault(word, ([], {}))
            into_pages += _renumbered(pages, number, field)
            for spelling, its_pages in spellings:
                into_spellings.setdefault(spelling, []).extend(_renumbered(its_pages, number, field))
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
