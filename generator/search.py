"""The static full-text search index (Pagefind) of the articles and pages of their own.

Owns running the Pagefind indexer over a search document of each article
(title, date, unit, category and campaigns as filters, caption, lead, body,
author; a page of its own has title, lead and body), beside the rendering, and putting the result into the build's
target before the swap, so a failed index never publishes; and keeping a
shard as it is when none of its documents changed. What Pagefind wrote is made
deterministic and re-cut into small chunks by generator/pagefind_bundle.py.
The search page's script (assets/js/search.js) closes
Pagefind's đ→d gap by also asking for the đ-spelling of words typed with d,
so excerpts stay the article's own words.
"""
from __future__ import annotations

import functools
import hashlib
import html
import json
import logging
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import Callable, Iterable, Sequence

from pagefind_bin import get_executable

from generator import forked, pagefind_bundle, pagefind_splice, references, search_store
from generator.cache import BuildCache, digest, text_digest
from generator.content import ChangedDuringBuild
from generator.markup import body_key
from generator.model import Article, Site, SiteConfig, output_path_of
from generator.output import file_stats
from generator.vietnamese import format_date, format_day
from generator.walk import files_below

log = logging.getLogger(__name__)
BUNDLE_DIR = "pagefind"
# Pagefind ships several ready-made interfaces; the portal uses its own small one.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
           "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")


class SearchIndexFailed(RuntimeError):
    """The indexer did not finish: a bug or a broken install, never an editor's mistake."""


class IndexingCancelled(Exception):
    """Another thread asked the build to stop while it waited for the indexer (serve: a save
    came during a search refresh). Nothing is published; the shards finished by then are kept
    in the build cache (search_store.py), so the next refresh does not index them again."""


# Pagefind cannot update an index in place, and indexing 10,000 pages takes
# tens of seconds. A large portal is therefore indexed in shards by a stable
# hash of each page's path: an edit brings the one shard holding the page up to
# date (pagefind_splice.py, ~1.3 ms per page of the shard, in the forked indexer,
# so the rendering still ends last up to ~700 pages a shard at 10,000 articles).
# The search page merges the shards (Pagefind's mergeIndex) and fetches a chunk of
# every shard per word: 16 shards at 10,000 articles instead of 32 took a search
# from 157-255 requests (1.0-1.9 MB) to 93-149 (0.7-1.4 MB); bench/reader_search.py.
# The cap is Pagefind's memory: ~0.38 MB per bench article in one run (600: 229 MB,
# 1,200: 459 MB, more than the 400 MB the largest process may take), so no shard
# holds more than ~800 pages (~300 MB); 10,000 articles still make 16 shards.
SHARD_PAGES = 800
SINGLE_SHARD_UP_TO = 800
SHARDS_MANIFEST = "pagefind-shards.json"


def shard_count(pages: int) -> int:
    """1 for a small portal; else a power of two giving ≤ SHARD_PAGES per shard (stable as it grows)."""
    if pages <= SINGLE_SHARD_UP_TO:
        return 1
    count = 2
    while pages / count > SHARD_PAGES:
        count *= 2
    return count


def shard_dir(number: int) -> str:
    return BUNDLE_DIR if number == 0 else f"{BUNDLE_DIR}-{number:02d}"


def shard_of(output_path: str, count: int) -> int:
    return int(hashlib.sha256(output_path.encode("utf-8")).hexdigest()[:8], 16) % count


# What the search documents look like; bump when search_document() changes.
DOC_FORMAT = 6


def search_document(article: Article, config: SiteConfig, body_html: str) -> bytes:
    """The page Pagefind indexes for one article: its title, date, unit, category,
    campaigns, caption, lead, body and author, marked as the article layout marks them.

    Built from the article, not from its published page, so it is ready as soon
    as the body is converted (indexing runs beside rendering) and a change to a
    layout or to the related-news lists never re-indexes anything.
    """
    e = html.escape
    # The text runs as a reader would read it: title, lead, body. The unit, category and
    # campaign names (searchable, and the filters) come last, so the excerpt of a search
    # that matches the title goes on into the lead, not into a row of names.
    parts = [
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">',
        f"<title>{e(article.title)}</title></head><body><article data-pagefind-body>",
        f'<h1 data-pagefind-meta="title">{e(article.title)}</h1>',
        f"<p>{e(article.summary)}</p>" if article.summary and not article.summary_derived else "",
        f"<div>{_unstruck(_unheaded_references(body_html))}</div>",
        f"<p>{e(article.image_caption)}</p>" if article.image and article.image_caption else "",
        f"<p>{e(article.author)}</p>" if article.author else "",
    ]
    if article.category:  # (a page of its own, Giới thiệu or Liên hệ, has no date, unit or filters)
        campaigns = "".join(f'<li data-pagefind-filter="campaign">{e(config.campaigns[slug].name)}</li>'
                            for slug in article.campaigns)
        parts += [
            f'<p><span data-pagefind-ignore><time data-pagefind-meta="date">'
            f"{e(format_date(article.date, config.zone, article.has_time))}</time></span> ",
            *(f'<span data-pagefind-filter="unit">{e(config.units[slug].name)}</span> ' for slug in article.units),
            # The names readers know a unit by besides its own ("PC08", "CSGT"): searched, no filter.
            *(f"<span>{e(' '.join(config.units[slug].other_names))}</span> " for slug in article.units
              if config.units[slug].other_names),
            # The day it came out, as its card shows it: searched ("10/6/2026" typed is searched as
            # "10/06/2026" too), and left out of excerpts with the names (assets/js/search.js, ownText).
            # Zero-padded only: Pagefind reads it as one number (07122026), and "7122026" would also
            # be found by a reader typing a phone number's start ("113": 11/3 as 1132026).
            f"<span>{format_day(article.date, config.zone)}</span> ",
            f'<span data-pagefind-filter="category">{e(config.categories[article.category].name)}</span></p>',
            f"<ul>{campaigns}</ul>" if campaigns else "",
        ]
    parts.append("</article></body></html>\n")
    return "".join(parts).encode("utf-8")


# Struck text: a correction's old figure ("~~hơn 120 tỷ đồng~~ 12 tỷ đồng"), which the page shows
# struck. An excerpt is plain text: it read "hơn 120 tỷ đồng 12 tỷ đồng", the wrong figure as if
# stated, and a search for it found the article. Left out, as a summary leaves it (markup._UNREAD).
_STRUCK = re.compile(r"<(del|s|strike)\b")


def _unstruck(body_html: str) -> str:
    return _STRUCK.sub(r"<\1 data-pagefind-ignore", body_html)


def _unheaded_references(body_html: str) -> str:
    """The body with the heading over its footnotes (references.ReferencesHeading) out of the
    index: "Tài liệu tham khảo" would match every article that cites something."""
    return body_html.replace(references.LIST_START + "\n<h2", references.LIST_START + "\n<h2 data-pagefind-ignore", 1)


def _document_inputs(article: Article) -> str:
    """Everything of the article its search document shows (the body by its cache key)."""
    body = body_key(article)
    return repr((article.title, article.date.isoformat(), article.has_time, article.units, article.category,
                 article.campaigns, article.image, article.image_caption, article.summary,
                 article.summary_derived, article.author, body))


@dataclass(frozen=True)
class SearchReport:
    """What one build did to the search index, for the summary line."""
    indexed: int  # shards indexed again (their documents changed, or their bundle was damaged or gone)
    shards: int  # shards holding articles
    spliced: int = 0  # of the indexed, those brought up to date from their changed documents alone
    restored: int = 0  # of the indexed, those whose bundle the build cache kept (search_store.py)
    # CPU seconds the Pagefind runs took (user + system), for `build -v` and bench/run.py
    indexer_cpu: float = field(default=0.0, compare=False)


@dataclass(frozen=True)
class Shard:
    folder: str  # pagefind/ or pagefind-NN/
    articles: tuple[Article, ...]
    documents: tuple[str, ...]  # key of each article's output path and search document (16 hex digits)
    frame: str  # key of what every document of every shard is made with: Pagefind, the names, the count
    key: str  # of everything its index is made from


def plan_shards(site: Site) -> list[Shard]:
    """The articles of each shard, the key of each one's document and the key of its index."""
    version = metadata.version("pagefind_bin")
    config = site.config
    # The names and the clock the documents show.
    terms = repr((config.timezone, sorted((s, t.name, t.other_names) for s, t in config.units.items()),
                  sorted((s, t.name) for s, t in config.categories.items()),
                  sorted((s, t.name) for s, t in config.campaigns.items())))
    count = shard_count(len(site.articles_and_pages))
    frame = digest(version, str(DOC_FORMAT), str(pagefind_bundle.FORMAT), str(pagefind_bundle.CHUNK_BYTES),
                   str(count), terms)
    members: list[list[tuple[str, Article]]] = [[] for _ in range(count)]
    for article in site.articles_and_pages:  # the pages of their own are found too ("đường dây nóng")
        path = output_path_of(article.url)
        members[shard_of(path, count) if count > 1 else 0].append((path, article))
    shards = []
    for number, pairs in enumerate(members):
        pairs.sort(key=lambda pair: pair[0])
        documents = tuple(text_digest(f"{path}\x1f{_document_inputs(a)}")[:DOCUMENT_DIGITS] for path, a in pairs)
        key = digest(frame, "".join(documents))
        shards.append(Shard(shard_dir(number), tuple(a for _, a in pairs), documents, frame, key))
    return shards


@dataclass(frozen=True)
class Splice:
    """A stale shard brought up to date from its changed documents (pagefind_splice.py)."""
    shard: Shard
    changed: tuple[Article, ...]  # edited or added: indexed alone


# Above this share of a shard's documents changed, Pagefind over the whole shard is as quick.
# Measured on a 634-page shard of the bench corpus, whole incremental builds (wall s, splice
# against whole): 10 changed 2.9 / 4.4, 150: 3.7 / 4.5, 300: 4.6 / 5.2, 400: 5.1 / 5.5,
# 450: 5.5 / 5.6, 520: 6.4 / 6.0, 600: 7.4 / 6.5. The two meet at ~70 %.
SPLICE_UP_TO = 0.7


DOCUMENT_DIGITS = 16  # 64 bits: no two of a shard's documents share a key by chance


def plan_splice(shard: Shard, old_documents: str | None) -> Splice | None:
    """How to bring `shard` up to date from the last build's bundle (whose documents'
    keys are `old_documents`, joined), or None to index it whole."""
    if not isinstance(old_documents, str) or not shard.articles:
        return None
    old = {old_documents[i:i + DOCUMENT_DIGITS] for i in range(0, len(old_documents), DOCUMENT_DIGITS)}
    changed = tuple(article for article, document in zip(shard.articles, shard.documents) if document not in old)
    gone = len(old) - (len(shard.articles) - len(changed))  # removed, or edited since
    if max(len(changed), gone) > SPLICE_UP_TO * len(shard.articles):
        return None
    return Splice(shard, changed)


def pagefind_url(output_path: str) -> str:
    """The URL Pagefind gives the page at `output_path` of the site it indexes."""
    return "/" + output_path.removesuffix("index.html")


class Indexing:
    """The search index of one build, made beside the rendering.

    Started as soon as the articles are converted, in a forked process
    (generator/forked.py): it keys the shards, writes the documents of those whose key changed and runs
    Pagefind over them while this process plans and renders. It writes only
    into a scratch folder; `finish` puts the bundles into the build's target
    (an output.Stage or Patch), so a failed index never publishes. A shard
    whose key equals the last build's keeps its bundle as it is.
    """

    def __init__(self, site: Site, load_html: Callable[[Article], str], previous: dict | None, out_dir: Path,
                 scratch_parent: Path | None = None, private_output: bool = False, store: BuildCache | None = None,
                 cancel: threading.Event | None = None):
        """`scratch_parent`: where the documents and bundles are made when memory
        (/dev/shm) has no room: the build cache, or the system's temp folder when None.
        `private_output`: the output is serve's own folder, which only this process writes.
        `store`: the build cache that keeps each shard's finished bundle (search_store.py).
        `cancel`: set by another thread, it ends `finish` with IndexingCancelled."""
        self.site = site
        self.cancel = cancel
        self.store = store if store is not None and store.enabled else None
        self.load_html = load_html
        self.previous = previous or {}
        self.out_dir = out_dir.resolve()
        self.private_output = private_output
        if scratch_parent is not None:
            scratch_parent.mkdir(parents=True, exist_ok=True)
        for folder in {MEMORY_FOLDER, scratch_parent}:
            _remove_orphans(folder)
        # Memory when it has room: the documents are written and read once, and on a disk
        # they contend with the build's own writes (~0.4 s for one 300-article shard here).
        if _has_room(MEMORY_FOLDER, len(site.articles) * SCRATCH_BYTES_PER_ARTICLE):
            scratch_parent = MEMORY_FOLDER
        self.scratch = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", dir=scratch_parent))
        note = self.scratch / FAILURE_NOTE
        self._child = forked.ForkedWork(self._plan_and_index, note) if forked.can_fork() else None
        self.report: SearchReport | None = None  # set by finish

    def _plan_and_index(self) -> None:
        cpu_before = _children_cpu()
        shards = plan_shards(self.site)
        old_keys = _old_keys(self.previous)
        bundles = self._old_bundles()
        # Pagefind refuses an empty site; an empty portal's search page lists categories.
        stale = [s for s in shards if s.articles and not (old_keys.get(s.folder) == s.key and bundles.get(s.folder)
                                                          and self._intact(s.folder, bundles[s.folder]))]
        try:
            restored = self._restore(stale)
            rest = [s for s in stale if s.folder not in restored]
            spliced = self._splice(rest, bundles)
            _index(self.site.config, self.load_html, [s for s in rest if s.folder not in spliced], self.scratch,
                   keep=self._keep_bundle)
        except ChangedDuringBuild as changed:  # told to the build, which fails with the editor's problem
            (self.scratch / RESULT).write_text(json.dumps({CHANGED_STATE: changed.rel}), encoding="utf-8")
            return
        self._keep_kept([s for s in shards if s.articles and s not in stale], bundles)
        result = {"keys": {s.folder: s.key for s in shards}, "indexed": [s.folder for s in stale],
                  "spliced": spliced, "restored": sorted(restored),
                  "filled": [s.folder for s in shards if s.articles],
                  "documents": {s.folder: "".join(s.documents) for s in shards if s.articles},
                  "frame": shards[0].frame, "indexer_cpu": _children_cpu() - cpu_before}
        (self.scratch / RESULT).write_text(json.dumps(result), encoding="utf-8")

    def _restore(self, stale: list[Shard]) -> set[str]:
        """Put the bundle the build cache kept of each stale shard's key where its indexing
        would have left it (a new output folder, a damaged one); returns their folders."""
        restored = set()
        for shard in stale if self.store is not None else ():
            if search_store.fetch(self.store, shard.key, self.scratch / shard.folder / BUNDLE_DIR):
                (self.scratch / f"{shard.folder}{DONE}").touch()
                restored.add(shard.folder)
        return restored

    def _keep_bundle(self, shard: Shard, bundle: Path) -> None:
        """Keep a shard's finished bundle in the build cache (a few ms each)."""
        if self.store is not None:
            search_store.keep(self.store, shard.key, bundle)

    def _keep_kept(self, kept: list[Shard], bundles: dict[str, list[str]]) -> None:
        """A bundle kept in the output whose copy the cache lacks (pruned by a build with other
        options sharing the cache) is copied there, to be the base of the next splice."""
        for shard in kept if self.store is not None else ():
            if not search_store.has(self.store, shard.key):
                search_store.keep(self.store, shard.key, self.out_dir / shard.folder,
                                  [rel.partition("/")[2] for rel in bundles[shard.folder]])

    def _splice_base(self, folder: str, bundles: dict[str, list[str]]) -> Path | None:
        """The last build's finished bundle of `folder`: in the output when it is intact there,
        else the build cache's copy of it; None when neither is at hand."""
        if self._intact(folder, bundles.get(folder)):
            return self.out_dir / folder
        old_key = _old_keys(self.previous).get(folder)
        base = self.scratch / f"{folder}{BASE}"
        if self.store is not None and isinstance(old_key, str) and search_store.fetch(self.store, old_key, base):
            return base
        return None

    def _splice(self, stale: list[Shard], bundles: dict[str, list[str]]) -> dict[str, list[str]]:
        """Bring the stale shards whose last bundle is at hand (in the output or the build cache)
        up to date from their changed documents (pagefind_splice.py). Returns their folders,
        each with the files of its new bundle that are the published bundle's unchanged (none
        when it was built on the cache's copy). Each other shard is indexed whole."""
        old_documents = self.previous.get(DOCUMENTS_STATE)
        if not stale or self.previous.get(FRAME_STATE) != stale[0].frame or not isinstance(old_documents, dict):
            return {}
        plans = []
        for plan in (plan_splice(s, old_documents.get(s.folder)) for s in stale):
            base = self._splice_base(plan.shard.folder, bundles) if plan is not None else None
            if base is not None:
                plans.append((plan, base))
        _index(self.site.config, self.load_html, [replace(plan.shard, folder=f"{plan.shard.folder}{CHANGED}",
                                                          articles=plan.changed) for plan, _ in plans if plan.changed],
               self.scratch, finish=False)
        done: dict[str, list[str]] = {}
        for plan, base in plans:
            folder = plan.shard.folder
            fresh = self.scratch / f"{folder}{CHANGED}" / BUNDLE_DIR if plan.changed else None
            out = self.scratch / folder / BUNDLE_DIR
            old_key = _old_keys(self.previous).get(folder)
            outline = (search_store.fetch_outline(self.store, old_key)
                       if self.store is not None and isinstance(old_key, str) else None)
            try:
                expected = {pagefind_url(output_path_of(article.url)) for article in plan.shard.articles}
                spliced = pagefind_splice.splice(base, fresh, expected, out, outline)
                if spliced.urls != expected:
                    raise pagefind_splice.NotSpliceable("not the shard's pages")
            except (pagefind_splice.NotSpliceable, pagefind_bundle.BundleFormatError, OSError, ValueError,
                    KeyError, IndexError) as reason:  # the site stays right: the shard is indexed whole
                log.debug("search: %s indexed whole (%s: %s)", folder, type(reason).__name__, reason)
                shutil.rmtree(self.scratch / folder, ignore_errors=True)
                continue
            done[folder] = sorted(spliced.copied) if base == self.out_dir / folder else []
            self._keep_bundle(plan.shard, out)
            if self.store is not None:
                search_store.keep_outline(self.store, plan.shard.key, spliced.outline)
        return done

    def _intact(self, folder: str, old: list[str] | None) -> bool:
        """Is the last build's bundle of `folder` in the output as it left it: each file of the
        size and mtime it had then (as its state records them), none gone, no symlink on the
        way? Only then is it kept or built upon: someone may have edited the published files
        since, or a build killed while publishing may have put part of its own bundle there."""
        base = self.out_dir / folder
        if not old:
            return False
        if self.private_output:  # written by this process alone: as it left it, if it is all there
            return _files_under(base, folder).issuperset(old)
        recorded = self.previous.get(FILES_STATE)
        if not isinstance(recorded, dict):
            return False
        if any(path.is_symlink() for path in (base, base / "fragment", base / "index", base / "filter")):
            return False
        prefix = f"{self.out_dir}{os.sep}"  # strings, not Path joins: ~12,000 files at 10,000 articles
        for rel in old:
            found = file_stats(prefix + rel)
            if found is None or found != recorded.get(rel):
                return False
        return True

    def _old_bundles(self) -> dict[str, list[str]]:
        """The files of each shard's bundle the last build published into this output."""
        bundles: dict[str, list[str]] = {}
        if self.previous.get("out") == str(self.out_dir):
            for rel in self.previous.get("outputs", ()):
                folder, _, rest = rel.partition("/")
                if rest and folder.startswith(BUNDLE_DIR):
                    bundles.setdefault(folder, []).append(rel)
        return bundles

    def finish(self, target) -> dict:
        """Put every shard's bundle into `target`; returns what the build's state keeps of the
        index (the key of each shard, of each document, the stats of each file). A kept bundle
        that is not all there in the target is made again."""
        put: set[str] = set()
        if self._child is None:  # no fork on this system
            self._plan_and_index()
        else:
            # Each shard indexed whole goes into the target as soon as it is done: putting
            # ~10,000 files there (10,000 articles) took ~5 s of one core after the last shard.
            pause = FIRST_POLL_SECONDS
            while self._child.running():
                if self.cancel is not None and self.cancel.is_set():
                    raise IndexingCancelled()  # (the build's clean-up stops the indexer)
                for marker in sorted(self.scratch.glob(f"*{DONE}")):
                    folder = marker.name[:-len(DONE)]
                    if folder not in put:
                        self._put(target, folder)
                        put.add(folder)
                time.sleep(pause)
                pause = min(pause * 2, POLL_SECONDS)
            try:
                self._child.wait()
            except forked.ForkedWorkFailed as failure:
                raise SearchIndexFailed(str(failure)) from None
        result = json.loads((self.scratch / RESULT).read_text(encoding="utf-8"))
        if CHANGED_STATE in result:
            raise ChangedDuringBuild(result[CHANGED_STATE])
        bundles = self._old_bundles()
        late = [folder for folder in result["filled"] if folder not in result["indexed"]
                and not self._keep(target, folder, bundles[folder])]
        cpu_before = _children_cpu()
        if late:  # a bundle not all there in the target (a fresh one, files deleted): index its shard now
            _index(self.site.config, self.load_html, [s for s in plan_shards(self.site) if s.folder in late],
                   self.scratch, keep=self._keep_bundle)
        claimed: set[str] = set()  # published files claimed as they are, of a spliced bundle
        for folder in [*result["indexed"], *late]:
            if folder not in put:
                claimed |= self._put(target, folder, result["spliced"].get(folder, ()))
        # Always written (an empty list for one shard), so the search page never meets a 404.
        manifest = [folder + "/" for folder in result["filled"] if folder != BUNDLE_DIR]
        target.write(SHARDS_MANIFEST, json.dumps(manifest).encode("utf-8"))
        self.report = SearchReport(len(result["indexed"]) + len(late), len(result["filled"]), len(result["spliced"]),
                                   len(result["restored"]),
                                   round(result["indexer_cpu"] + _children_cpu() - cpu_before, 2))
        kept = set(result["filled"]) - set(result["indexed"]) - set(late)
        return {KEYS_STATE: result["keys"], DOCUMENTS_STATE: result["documents"], FRAME_STATE: result["frame"],
                FILES_STATE: self._published_stats(target, kept, claimed)}

    def _published_stats(self, target, kept: set[str], claimed: set[str]) -> dict[str, tuple[int, int]]:
        """The (size, mtime_ns) of each bundle file as `target` publishes it (a move keeps both).
        A kept bundle's are the ones its check (`_intact`) just found, and so are those of the
        `claimed` files: a stat of each file of every shard cost an edit at 10,000 articles ~0.15 s."""
        recorded = self.previous.get(FILES_STATE)
        recorded = recorded if isinstance(recorded, dict) and not self.private_output else {}
        stats = {}
        for rel in target.written:
            folder, _, rest = rel.partition("/")
            if rest and folder.startswith(BUNDLE_DIR):
                found = recorded.get(rel) if folder in kept or rel in claimed else None
                found = found or file_stats(target.path_of(rel))
                if found is not None:
                    stats[rel] = found
        return stats

    def _put(self, target, folder: str, unchanged: Iterable[str] = ()) -> set[str]:
        """Write the bundle the indexer made of one shard into `target`. The `unchanged` files
        (paths below the bundle, the published bundle's byte for byte: Spliced.copied) are
        claimed as they are when the target has them (~600 of an edited shard's ~800 files,
        each read twice to be compared: ~0.07 s); returns those claimed."""
        bundle = self.scratch / folder / BUNDLE_DIR
        unchanged = set(unchanged)
        present = _files_under(target.path_of(folder), folder) if unchanged else set()
        claimed = set()
        for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
            rel = f"{folder}/{path.relative_to(bundle).as_posix()}"
            if rel in present and rel.partition("/")[2] in unchanged:
                target.keep(rel)
                claimed.add(rel)
            else:
                target.write(rel, path.read_bytes())
        return claimed

    @staticmethod
    def _keep(target, folder: str, old: list[str]) -> bool:
        """Claim the last build's bundle of `folder` in `target`; False if it is not all there."""
        if not _files_under(target.path_of(folder), folder).issuperset(old):
            return False
        for rel in old:
            target.keep(rel)
        return True

    def close(self) -> None:
        """Stop the indexer if it still runs (the build failed meanwhile); remove the scratch folder."""
        if self._child is not None:
            self._child.stop()
        shutil.rmtree(self.scratch, ignore_errors=True)


# What the build's state keeps of the index: each shard's key, each document's key, the frame.
KEYS_STATE = "search"
DOCUMENTS_STATE = "search-documents"
FRAME_STATE = "search-frame"
FILES_STATE = "search-files"  # each bundle file's (size, mtime_ns) as published: is it still as it was?
CHANGED = "-changed"  # the scratch folder of a spliced shard's changed documents
BASE = "-base"  # the scratch folder of the build cache's copy of a shard's last bundle, to splice into
FAILURE_NOTE = "failed.txt"
CHANGED_STATE = "changed-during-build"  # in RESULT instead of the index: an article's file saved meanwhile
DONE = ".done"  # beside a shard's scratch folder once its finished bundle is all there
POLL_SECONDS = 0.05  # how often the build looks for those while the indexer runs
FIRST_POLL_SECONDS = 0.005  # (a small portal's index is done a few ms after its pages: the preview waited 50)
RESULT = "result.json"  # the child's answer: each shard's key, which it indexed, which have articles, its CPU
SCRATCH_PREFIX = "portal-search-"
MEMORY_FOLDER = Path("/dev/shm")  # Linux's tmpfs for scratch files
# A document and its share of the bundle, generously; a 64 MB /dev/shm (Docker's
# default) is then left alone for any portal of more than ~1,600 articles.
SCRATCH_BYTES_PER_ARTICLE = 40_000


def _has_room(folder: Path, needed: int) -> bool:
    try:
        info = os.statvfs(folder)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK) and info.f_bavail * info.f_frsize > 2 * needed


def _remove_orphans(folder: Path | None) -> None:
    """Scratch folders of builds that were killed: their process is gone."""
    if folder is None or not folder.is_dir():
        return
    for leftover in folder.glob(f"{SCRATCH_PREFIX}*-*"):
        pid = leftover.name[len(SCRATCH_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True


def _index(config: SiteConfig, load_html: Callable[[Article], str], shards: Sequence[Shard], scratch: Path,
           finish: bool = True, keep: Callable[[Shard, Path], None] | None = None) -> None:
    """Write each shard's documents into scratch/<its folder> and run Pagefind
    over them, two at a time (on 2 cores each on a CPU of its own: _CpuSlots); a
    shard is indexed while the next one's documents are written. `keep(shard, bundle)`
    is told of each finished bundle."""
    workers = max(1, min(2, len(shards)))
    cpus = _CpuSlots(workers)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        runs = []
        for shard in shards:
            # Pagefind numbers the pages in its walk's order, the folder listing's; in memory
            # (tmpfs) that is the reverse of creation, so this order spares pagefind_bundle
            # renumbering them into URL order (~0.2 s a shard). Elsewhere it still does.
            paths = sorted(((output_path_of(article.url).split("/"), article) for article in shard.articles),
                           key=lambda pair: pair[0])
            for parts, article in reversed(paths):
                path = scratch / shard.folder / "/".join(parts)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(search_document(article, config, load_html(article)))
            after = functools.partial(keep, shard) if keep is not None and finish else None
            runs.append(pool.submit(_index_and_mark, scratch / shard.folder, finish, cpus, after))
        for run in runs:
            run.result()


def _index_and_mark(site_root: Path, finish: bool, cpus: _CpuSlots,
                    after: Callable[[Path], None] | None = None) -> None:
    """index_site, then (a finished bundle) leave <site_root><DONE> beside it: the build may
    put the bundle into its target from then on (Indexing.finish); then `after(bundle)`,
    outside the CPU slot, so the next Pagefind run starts."""
    with cpus.one():
        index_site(site_root, finish)
    if finish:
        site_root.with_name(site_root.name + DONE).touch()
        if after is not None:
            after(site_root / BUNDLE_DIR)


class _CpuSlots:
    """A CPU of its own for each Pagefind run at a time, when the build may use no more
    CPUs than runs at once (2 on 2 cores).

    Pagefind spreads its threads over every CPU; two runs side by side on 2 cores
    then fight over both, and each page fault of a thread on one CPU interrupts the
    other (TLB shoot-downs). Held to one CPU, a 1,229-page run took 3.7 instead of
    4.3 CPU-s and 399 instead of 475 MB. With more CPUs than runs the runs are left
    free to use the spare ones.
    """

    def __init__(self, runs: int):
        allowed = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
        self.pinning = 1 < len(allowed) <= runs
        self._free: queue.SimpleQueue[int] = queue.SimpleQueue()
        for cpu in allowed:
            self._free.put(cpu)

    @contextmanager
    def one(self):
        """Hold the calling thread, and so the processes it starts, to a free CPU meanwhile
        (Linux's affinity is per thread and inherited by a child)."""
        if not self.pinning:
            yield
            return
        cpu = self._free.get()
        before = os.sched_getaffinity(0)
        try:
            os.sched_setaffinity(0, {cpu})
            yield
        finally:
            try:
                os.sched_setaffinity(0, before)
            except OSError:  # a CPU taken offline meanwhile: stay where the kernel put us
                pass
            self._free.put(cpu)


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (the Pagefind runs, in the indexer's
    forked process; a fork starts counting from zero); 0 where the system cannot tell."""
    try:
        import resource  # Unix only
    except ImportError:
        return 0.0
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _files_under(base: Path, prefix: str) -> set[str]:
    """The files below `base`, as `prefix/…` paths: one listing per folder, not a stat per file."""
    return {f"{prefix}/{rel}" for rel, entry in files_below(base, skip_unreadable=True)
            if entry.is_file(follow_symlinks=False)}


def keep_index(target, previous: dict | None) -> dict:
    """Leave the last build's search files as they are (a quick preview rebuild);
    what the state keeps of them is returned, so the next full build re-indexes what changed."""
    previous = previous or {}
    if previous.get("out") != str(target.out_dir):
        return {KEYS_STATE: {}}
    listed: dict[str, set[str]] = {}  # one listing per bundle folder, not a stat per file
    for rel in previous.get("outputs", ()):
        folder = rel.split("/", 1)[0]
        if folder.startswith(BUNDLE_DIR):
            if folder not in listed:
                listed[folder] = (_files_under(target.path_of(folder), folder) if "/" in rel
                                  else {folder} if target.path_of(folder).is_file() else set())
            if rel in listed[folder]:
                target.keep(rel)
    return {KEYS_STATE: _old_keys(previous), DOCUMENTS_STATE: previous.get(DOCUMENTS_STATE),
            FRAME_STATE: previous.get(FRAME_STATE), FILES_STATE: previous.get(FILES_STATE)}


def _old_keys(previous: dict) -> dict:
    """The key of each shard's index in the last build's state ({} when unknown)."""
    return previous.get(KEYS_STATE) if isinstance(previous.get(KEYS_STATE), dict) else {}


def index_site(site_root: Path, finish: bool = True) -> None:
    """Write <site_root>/pagefind/ from the HTML pages under site_root (as Pagefind wrote it
    when not `finish`)."""
    command = [str(get_executable()), "--site", str(site_root), "--output-subdir", BUNDLE_DIR, "--silent"]
    process = forked.start(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, encoding="utf-8",
                           errors="replace")  # (its messages are UTF-8; Windows would read them as cp1252)
    try:
        out, err = process.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise SearchIndexFailed("pagefind took more than 300 s") from None
    finally:
        forked.started.discard(process)
    if process.returncode != 0:
        raise SearchIndexFailed(f"pagefind exited with {process.returncode}:\n{err or out}")
    bundle = site_root / BUNDLE_DIR
    if not (bundle / "pagefind.js").is_file():
        raise SearchIndexFailed(f"pagefind wrote no {BUNDLE_DIR}/pagefind.js")
    for name in _UNUSED:
        (bundle / name).unlink(missing_ok=True)
    if not finish:
        return
    try:
        pagefind_bundle.finish_bundle(bundle)
    except pagefind_bundle.BundleFormatError as error:
        raise SearchIndexFailed(str(error)) from None
