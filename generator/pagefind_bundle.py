"""Pagefind's bundle, made fit to publish: the same bytes for the same pages, and
a word index a phone can afford to search.

Owns rewriting the files Pagefind wrote into one bundle folder (its pf_meta, the
filter files and the word-index chunks); must not run Pagefind or decide what is
indexed (generator/search.py does).

Pagefind lists filter values (and the filters themselves), and the spellings of a
word with its diacritics, in hash-map order, which changes from run to run; and it
numbers the pages in the order its walk meets them, which is the folder listing's
order: the reverse of creation in memory (tmpfs), a hash of the names on ext4. The
same pages indexed on two machines, or in memory and on disk, gave other bytes. We
number the pages in the order of their URLs, sort the filters and spellings, and
rename the files by a hash of their new content.

Pagefind's search page loads, for every word searched, one index chunk of each
bundle it merges, and Pagefind cuts its chunks at ~20,000 word positions. A large
portal is indexed in shards (an edit re-indexes one), so a reader's two-word
search of a 10,000-article portal fetched 64 chunks of ~130 KB: 8–16 MB. We cut
each shard's word list again into chunks of ~CHUNK_BYTES, so a search fetches
little more than the postings of its own words (~1 MB at 10,000 articles), and
cut between word families, so a half-typed word finds its completions.

The files are gzip'd CBOR behind a "pagefind_dcd" marker. The pf_meta and filter
files are decoded whole, and only the shapes Pagefind writes (integers, strings,
arrays) are accepted. A word-index chunk is only cut between word entries: each
entry's bytes are kept as Pagefind wrote them. Anything unexpected is refused
loudly (BundleFormatError).
"""
from __future__ import annotations

import functools
import gzip
import hashlib
import itertools
import json
import os
import re
import shutil
import zlib
from pathlib import Path
from typing import Mapping

MARK = b"pagefind_dcd"
_JSON = json.JSONDecoder()
# Raw bytes of word entries per index chunk (~half that once gzip'd); a chunk holds
# from half to twice that (see cut_chunks). Smaller chunks make a search lighter but
# the bundle has more files; a word whose own entry is larger gets a chunk of its own.
CHUNK_BYTES = 10_000
# Bump when what finish_bundle writes changes: bundles kept from earlier builds are then remade
# (CHUNK_BYTES is part of their key too).
FORMAT = 3


class BundleFormatError(RuntimeError):
    """Pagefind wrote something this module does not know: a Pagefind upgrade needs a look here."""


def finish_bundle(bundle: Path) -> None:
    """Sort the filters and re-cut the word index of every language in `bundle`."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in sorted(entry["languages"].items()):
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read_cbor(meta_path)
        if len(meta) < 5 or not all(isinstance(part, list) for part in meta[1:5]):
            raise BundleFormatError(f"{meta_path.name}: unexpected Pagefind metadata")
        if meta[4]:  # page numbers we would have to renumber; the portal never asks for sort orders
            raise BundleFormatError(f"{meta_path.name}: unexpected sort orders (data-pagefind-sort)")
        prefix = info["hash"].rsplit("_", 1)[0]
        urls = page_urls(bundle, meta[1])
        order = sorted(range(len(urls)), key=urls.__getitem__)
        number = None if order == list(range(len(order))) else _inverse(order)
        meta[1] = [meta[1][old] for old in order]
        filters = read_filters(bundle, meta[3], number)
        entries = [(word, canonical_entry(data, number)) for word, data in read_entries(bundle, meta[2])]
        for folder in ("filter", "index"):
            for path in (bundle / folder).iterdir() if (bundle / folder).is_dir() else ():
                path.unlink()  # (a bundle of pages of their own alone has no filter, and no folder for them)
        meta[3] = write_filters(bundle, prefix, filters)
        meta[2] = write_index(bundle, prefix, entries)
        meta_path.unlink()
        write_meta(bundle, entry, language, meta)
    write_entry(bundle, entry)


def write_entry(bundle: Path, entry: dict) -> None:
    """Write pagefind-entry.json (the languages and their pf_meta)."""
    (bundle / "pagefind-entry.json").write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                                                encoding="utf-8")


def write_meta(bundle: Path, entry: dict, language: str, meta: list) -> None:
    """Write a language's pf_meta and point the entry (written by write_entry) at it."""
    info = entry["languages"][language]
    prefix = info["hash"].rsplit("_", 1)[0]
    info["hash"] = _write_cbor(bundle, f"pagefind.{prefix}", ".pf_meta", meta, 10, name_prefix=prefix)
    info["page_count"] = len(meta[1])


def page_urls(bundle: Path, pages: list) -> list[list[str]]:
    """The URL of each page of a pf_meta's list, split into its path segments: the order
    the finished bundle numbers them in."""
    return [fragment_url(bundle, file_hash).split("/") for file_hash, _words in pages]


# Pagefind writes a fragment's URL first ({"url":"…","content":…}); reading only the start of
# it spares inflating and parsing the whole text (~6 KB a page: ~0.1 s of each shard's 0.6 s).
_URL_START = MARK + b'{"url":'
_URL_BYTES = 4096  # inflated before giving up on the shortcut; a URL is far shorter


def fragment_url(bundle: Path, file_hash: str) -> str:
    """The URL of the page of a fragment."""
    path = bundle / "fragment" / f"{file_hash}.pf_fragment"
    try:
        head = zlib.decompressobj(wbits=31).decompress(path.read_bytes(), _URL_BYTES)
    except zlib.error:
        head = b""
    if head.startswith(_URL_START):
        try:
            url, _ = _JSON.raw_decode(head.decode("utf-8", "replace"), len(_URL_START))
        except ValueError:
            url = None  # cut inside the URL: read it whole below
        if isinstance(url, str) and "\ufffd" not in url:
            return url
    return fragments(bundle, [[file_hash, 0]])[0]["url"]


def fragments(bundle: Path, pages: list) -> list[dict]:
    """The fragment (URL, text, meta, filters) of each page of a pf_meta's list."""
    found = []
    for file_hash, _words in pages:
        raw = _read_raw(bundle / "fragment" / f"{file_hash}.pf_fragment")
        try:
            fragment = json.loads(raw[len(MARK):])
        except ValueError:
            fragment = None
        if not (isinstance(fragment, dict) and isinstance(fragment.get("url"), str)
                and isinstance(fragment.get("meta", {}), dict)):
            raise BundleFormatError(f"{file_hash}.pf_fragment: unexpected Pagefind fragment")
        found.append(fragment)
    return found


def _inverse(order: list[int]) -> list[int]:
    """The new number of each old page number."""
    number = [0] * len(order)
    for new, old in enumerate(order):
        number[old] = new
    return number


def read_filters(bundle: Path, filters: list, number: list[int] | None = None) -> dict[str, dict[str, list[int]]]:
    """The pages (renumbered by `number`) of each value of each filter of a pf_meta's list."""
    found = {}
    for name, file_hash in filters:
        data = _read_cbor(bundle / "filter" / f"{file_hash}.pf_filter")
        if len(data) != 2 or data[0] != name:
            raise BundleFormatError(f"{file_hash}.pf_filter: unexpected Pagefind filter")
        try:
            found[name] = {value: pages if number is None else sorted(number[page] for page in pages)
                           for value, pages in data[1]}
        except (ValueError, TypeError, IndexError):
            raise BundleFormatError(f"{file_hash}.pf_filter: unexpected Pagefind filter") from None
    return found


def write_filters(bundle: Path, prefix: str, filters: dict[str, dict[str, list[int]]]) -> list:
    """Write the filter files (values in order); returns the pf_meta's list of them."""
    if filters:  # as Pagefind: a folder only when there is one
        (bundle / "filter").mkdir(exist_ok=True)
    written = []
    for name, values in filters.items():
        data = [name, [[value, values[value]] for value in sorted(values)]]
        written.append([name, _write_cbor(bundle / "filter", prefix, ".pf_filter", data, 7)])
    return sorted(written)


# -- the word index ------------------------------------------------------------

def read_entries(bundle: Path, chunks: list, files: dict[bytes, Path] | None = None) -> list[tuple[str, bytes]]:
    """Every word entry of a pf_meta's index chunks, in byte order of the words. `files`, when
    given, receives each chunk's file by the sha256 of its bytes unpacked (for write_index)."""
    entries: list[tuple[str, bytes]] = []
    for _first, _last, file_hash in chunks:
        path = bundle / "index" / f"{file_hash}.pf_index"
        raw = _read_raw(path)
        if files is not None:
            files[hashlib.sha256(raw).digest()] = path
        entries += word_entries(raw)
    words = [word for word, _ in entries]
    if words != sorted(words, key=str.encode) or len(set(words)) != len(words):
        raise BundleFormatError(f"{bundle}: Pagefind's words are not in byte order")
    return entries


def write_index(bundle: Path, prefix: str, entries: list[tuple[str, bytes]],
                written: Mapping[bytes, Path] | None = None, copied: set[str] | None = None) -> list:
    """Write the word entries in small chunks; returns the pf_meta's list of them. `written`:
    chunk files this function wrote before, by the sha256 of their bytes unpacked
    (read_entries): a chunk that is one of them is copied instead of compressed again (an
    edit leaves most of its shard's chunks as they were; compressing them took 0.1 s).
    `copied`, when given, receives the name of each chunk file copied from one of the same name."""
    meta = []
    taken: set[str] = set()
    for group in cut_chunks(entries, CHUNK_BYTES):
        raw = MARK + b"\x81" + _head(4, len(group)) + b"".join(data for _, data in group)
        full_hash = hashlib.sha256(raw)
        name = _unique_name(prefix, full_hash.hexdigest(), taken)
        path = bundle / "index" / f"{name}.pf_index"
        same = written.get(full_hash.digest()) if written else None
        if same is not None:
            shutil.copyfile(same, path)
            if copied is not None and same.name == path.name:
                copied.add(path.name)
        else:  # Level 4: 4 % larger than 6 for half the time, which an edit waits for.
            path.write_bytes(gzip.compress(raw, compresslevel=4, mtime=0))
        meta.append([group[0][0], group[-1][0], name])
    return chunk_bounds(meta)


def cut_chunks(entries: list[tuple[str, bytes]], limit: int) -> list[list[tuple[str, bytes]]]:
    """Consecutive word entries in chunks of limit/2 to 2 × limit bytes.

    The search page looks for the completions of a half-typed word ("quy") only
    in the one chunk it loads for it, so a chunk closes where its last word and
    the next share the shortest prefix: "quy", "quyết" and "quyền" stay together.
    On the benchmark's shards, of the postings of the completions of every prefix of
    3 letters or more, 98.4 % are in the chunk loaded for it, against 91.0 % when
    chunks closed at 16,000 bytes, which cost a search the same bytes per word.
    """
    chunks, start = [], 0
    while start < len(entries):
        end = _chunk_end(entries, start, limit)
        chunks.append(entries[start:end])
        start = end
    return chunks


def _chunk_end(entries: list[tuple[str, bytes]], start: int, limit: int) -> int:
    size, best, best_common = 0, len(entries), -1
    for i in range(start, len(entries) - 1):
        size += len(entries[i][1])
        if size < limit // 2:
            continue
        common = len(os.path.commonprefix((entries[i][0], entries[i + 1][0])))
        if best_common < 0 or common <= best_common:  # the latest of equals: more of a family together
            best, best_common = i + 1, common
        if common == 0 or size >= 2 * limit:
            return best
    return len(entries)


def chunk_bounds(chunks: list[list[str]]) -> list[list[str]]:
    """[from, to, name] of each chunk: the range of words the search page loads it for.

    Pagefind's search loads, for a word, the chunk whose from ≤ word ≤ to.
    Here `to` is the chunk's last word and `from` the shortest prefix of its
    first word that still sorts after the previous chunk's last word: ranges
    never overlap, every word falls in its own chunk's range, and a half-typed
    word between two chunks ("ca" before "cach") falls in the chunk where its
    completions start. Pagefind compares UTF-8 bytes, the same order as Python's
    code-point comparison.
    """
    bounded = [list(chunk) for chunk in chunks]
    for previous, chunk in zip(bounded, bounded[1:]):
        common = len(os.path.commonprefix((previous[1], chunk[0])))
        chunk[0] = chunk[0][:common + 1]
    return bounded


def _unique_name(prefix: str, full_hash: str, taken: set[str]) -> str:
    digits = 7
    while f"{prefix}_{full_hash[:digits]}" in taken:
        digits += 1
    name = f"{prefix}_{full_hash[:digits]}"
    taken.add(name)
    return name


# A word entry is [word, pages, variants]; a page is [number, locations, weights]
# with integer arrays; a variant (the word with its diacritics) is [word, pages].
# Integer runs are skipped by regular expression: an int is never an array head,
# so a greedy run ends exactly where the array does (possessive: no backtracking).
_INT = rb"(?:\x19..|[\x00-\x17\x20-\x37]|[\x18\x38].|\x39..|[\x1a\x3a]....)"  # the usual first
_ARRAY = rb"(?:[\x80-\x97]|\x98.|\x99..|\x9a....)"
_PAGES = re.compile(rb"(?:\x83" + _INT + _ARRAY + _INT + rb"*+" + _ARRAY + _INT + rb"*+)*+", re.DOTALL)


def word_entries(raw: bytes) -> list[tuple[str, bytes]]:
    """Each word of a decompressed .pf_index with the bytes of its whole entry."""
    if not raw.startswith(MARK):
        raise BundleFormatError("not a Pagefind index chunk")
    i = _expect(raw, len(MARK), 4, 1)  # WordIndex: one field, the word list
    major, count, i = _item_head(raw, i)
    if major != 4:
        raise BundleFormatError("unexpected Pagefind index chunk")
    entries = []
    for _ in range(count):
        start = i
        i = _expect(raw, i, 4, 3)
        word, i = _text(raw, i)
        i = _pages(raw, i)
        major, variants, i = _item_head(raw, i)
        if major != 4:
            raise BundleFormatError(f"unexpected variants of {word!r}")
        for _ in range(variants):
            i = _expect(raw, i, 4, 2)
            _, i = _text(raw, i)
            i = _pages(raw, i)
        entries.append((word, raw[start:i]))
    if i != len(raw):
        raise BundleFormatError("unexpected bytes after the words of a Pagefind index chunk")
    return entries


# One page of a word: [number, locations, weights]. Pagefind writes the first page's
# number and then each page's distance from the one before (they ascend).
_PAGE = re.compile(rb"\x83(" + _INT + rb")(" + _ARRAY + _INT + rb"*+" + _ARRAY + _INT + rb"*+)", re.DOTALL)


def canonical_entry(data: bytes, number: list[int] | None) -> bytes:
    """A word entry with its pages renumbered by `number` (None: kept) and its
    spellings in byte order; the locations of each page are kept byte for byte."""
    if number is None:  # the usual case: only a word with two spellings or more changes
        return _spellings_in_order(data)
    word, pages, spellings = parse_entry(data)
    pages = sorted((number[page], rest) for page, rest in pages)
    spellings = [(spelling, sorted((number[page], rest) for page, rest in its_pages))
                 for spelling, its_pages in spellings]
    return encode_entry(word, pages, spellings)


def _spellings_in_order(data: bytes) -> bytes:
    """A word entry with its spellings in byte order, each spelling's bytes kept as they are
    (what encode_entry writes for pages already in order, without decoding them)."""
    i = _expect(data, 0, 4, 3)
    word, i = _text(data, i)
    major, count, i = _item_head(data, _pages(data, i))
    if major != 4:
        raise BundleFormatError(f"unexpected spellings of {word!r}")
    if count < 2:
        return data
    head, spellings = data[:i], []
    for _ in range(count):
        start = _expect(data, i, 4, 2)
        spelling, end = _text(data, start)
        end = _pages(data, end)
        spellings.append((spelling.encode(), data[i:end]))
        i = end
    if i != len(data):
        raise BundleFormatError(f"unexpected bytes after the word entry of {word!r}")
    return head + b"".join(item for _, item in sorted(spellings))


Pages = list[tuple[int, bytes]]  # (page number, the bytes of its locations and weights) of one word


def parse_entry(data: bytes) -> tuple[str, Pages, list[tuple[str, Pages]]]:
    """A word entry: the word, its pages, and each of its spellings with their pages."""
    i = _expect(data, 0, 4, 3)
    word, i = _text(data, i)
    pages, i = pages_at(data, i)
    major, count, i = _item_head(data, i)
    if major != 4:
        raise BundleFormatError(f"unexpected spellings of {word!r}")
    spellings = []
    for _ in range(count):
        i = _expect(data, i, 4, 2)
        spelling, i = _text(data, i)
        its_pages, i = pages_at(data, i)
        spellings.append((spelling, its_pages))
    if i != len(data):
        raise BundleFormatError(f"unexpected bytes after the word entry of {word!r}")
    return word, pages, spellings


def encode_entry(word: str, pages: Pages, spellings: list[tuple[str, Pages]]) -> bytes:
    """The bytes of a word entry; pages in ascending order, spellings put in byte order."""
    parts = [b"\x83", encode(word), encode_pages(pages), _head(4, len(spellings))]
    for spelling, its_pages in sorted(spellings, key=lambda pair: pair[0].encode()):
        parts += (b"\x82", encode(spelling), encode_pages(its_pages))
    return b"".join(parts)


def pages_at(data: bytes, i: int) -> tuple[Pages, int]:
    """The pages array at `i` with their numbers, and the index after it."""
    major, count, j = _item_head(data, i)
    end = _PAGES.match(data, j).end()
    found = _PAGE.findall(data, j, end)  # (number or step, the rest) of each page
    if major != 4 or len(found) != count:
        raise BundleFormatError("unexpected pages in a Pagefind index chunk")
    numbers = itertools.accumulate(map(_step, [step for step, _ in found]))
    return list(zip(numbers, [rest for _, rest in found])), end


_LOCATIONS = re.compile(_ARRAY + _INT + rb"*+", re.DOTALL)


def with_meta_fields(rest: bytes, field: list[int]) -> bytes:
    """A page's locations and weights with the meta fields it names renumbered by `field`.

    The second array marks each meta field (a title, say) by -(its place in the
    pf_meta's list of fields + 1) before the word's locations in it."""
    locations_end = _LOCATIONS.match(rest).end()
    major, count, i = _item_head(rest, locations_end)
    values = []
    for _ in range(count):
        kind, value, i = _item_head(rest, i)
        if kind not in (0, 1):
            raise BundleFormatError("unexpected meta locations in a Pagefind index chunk")
        values.append(value if kind == 0 else -1 - field[value])
    if i != len(rest):
        raise BundleFormatError("unexpected bytes after the meta locations of a page")
    return rest[:locations_end] + encode(values)


def encode_pages(pages: Pages) -> bytes:
    parts, before = [_head(4, len(pages))], 0
    for number, rest in pages:
        parts += (b"\x83", _head(0, number - before), rest)
        before = number
    return b"".join(parts)


@functools.lru_cache(maxsize=4096)
def _step(raw: bytes) -> int:
    major, value, _ = _item_head(raw, 0)
    if major != 0:
        raise BundleFormatError("unexpected page number in a Pagefind index chunk")
    return value


def _pages(raw: bytes, i: int) -> int:
    major, count, j = _item_head(raw, i)
    end = _PAGES.match(raw, j).end()
    if major != 4 or (count == 0) != (end == j):
        raise BundleFormatError("unexpected pages in a Pagefind index chunk")
    return end


def _text(raw: bytes, i: int) -> tuple[str, int]:
    major, length, j = _item_head(raw, i)
    if major != 3:
        raise BundleFormatError("expected a word in a Pagefind index chunk")
    return raw[j:j + length].decode("utf-8"), j + length


def _expect(raw: bytes, i: int, major: int, count: int) -> int:
    got_major, got_count, j = _item_head(raw, i)
    if (got_major, got_count) != (major, count):
        raise BundleFormatError(f"unexpected CBOR at byte {i} of a Pagefind index chunk")
    return j


def _item_head(data: bytes, i: int) -> tuple[int, int, int]:
    """(major type, argument, next index) of the CBOR item at `i`."""
    if i >= len(data):
        raise BundleFormatError("a Pagefind file ends too early")
    head = data[i]
    major, info = head >> 5, head & 31
    i += 1
    if info < 24:
        return major, info, i
    if info <= 27:
        size = 1 << (info - 24)
        return major, int.from_bytes(data[i:i + size], "big"), i + size
    raise BundleFormatError("unexpected CBOR in the Pagefind bundle")


# -- whole files: pf_meta and filters -----------------------------------------

def _read_raw(path: Path) -> bytes:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(MARK):
        raise BundleFormatError(f"{path.name}: not a Pagefind file")
    return raw


def _read_cbor(path: Path):
    raw = _read_raw(path)
    value, end = decode(raw, len(MARK))
    if end != len(raw) or encode(value) != raw[len(MARK):]:
        raise BundleFormatError(f"{path.name}: unexpected Pagefind format; update generator/pagefind_bundle.py")
    return value


def _write_cbor(folder: Path, stem: str, suffix: str, value, digits: int, name_prefix: str | None = None) -> str:
    raw = MARK + encode(value)
    file_hash = f"{name_prefix or stem}_{hashlib.sha256(raw).hexdigest()[:digits]}"
    name = f"{'pagefind.' if name_prefix else ''}{file_hash}{suffix}"
    (folder / name).write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return file_hash


def decode(data: bytes, i: int):
    """The CBOR value at `i` (unsigned integers, strings and arrays only) and the index after it."""
    major, n, i = _item_head(data, i)
    if major == 0:
        return n, i
    if major == 3:
        return data[i:i + n].decode("utf-8"), i + n
    if major == 4:
        items = []
        for _ in range(n):
            item, i = decode(data, i)
            items.append(item)
        return items, i
    raise BundleFormatError(f"unexpected CBOR type {major} in the Pagefind bundle")


@functools.lru_cache(maxsize=256)
def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise ValueError(n)


def encode(value) -> bytes:
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    return _head(4, len(value)) + b"".join(encode(v) for v in value)
