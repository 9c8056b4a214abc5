"""Orders the stages and times them. No domain logic lives here.

config → content → index → images (plan) → markup → related → routes → images (encode) → render → output
Each stage collects its problems; the build stops at the first stage
boundary that has errors, before anything is published.
"""
from __future__ import annotations

import contextlib
import errno
import functools
import logging
import os
import tempfile
import threading
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

from generator import assets, confine, config as config_stage, content, index, markup, related, render, rendering, routes
from generator import aliases, anchors, attachments, standalone
from generator import clip_places, imageproc, images, pictures
from generator import buildlock, checker, feeds, filelinks, kept_pages, layout_metrics, messages, outguard, search, search_store, seo, shortcut
from generator.causes import Causes, keep_addresses, last_record
from generator.cache import CACHE_DIR, BuildCache
from generator.diagnostics import BuildFailed, Problem, as_errors, has_errors, sort_problems, warning
from generator.layout_problems import shown_layout
from generator.memo import Memo
from generator.memory import give_back_freed_memory
from generator.model import Site, frozen_map
from generator.unkept_addresses import unkept_addresses
from generator import output
from generator.output import Stage
from generator.share_image import located_pictures, read_share_image, share_image_problems

log = logging.getLogger("generator")


@dataclass(frozen=True)
class BuildOptions:
    site_dir: Path
    out_dir: Path | None = None  # default: <site>/public
    drafts: bool = False
    cache_dir: Path | None = None  # default: <site>/.cache
    use_cache: bool = True
    jobs: int | None = None  # None: all cores, in-process for small sites
    search: bool = True  # False: keep the last search index as it is (serve refreshes it after the reload)
    future: bool = False  # include articles dated in the future
    now: datetime | None = None  # the build's moment for schedules; None means now
    progress: Callable[[str, int, int], None] | None = None  # (stage, done, total), for the terminal
    # What `serve` keeps between its builds (generator/memo.py); None for a one-off build.
    memo: Memo | None = field(default=None, compare=False)
    # The output is a folder only this process writes (serve's temp folder): no one can have
    # planted a symlink in it, so it is not searched for one before each build.
    private_output: bool = False
    # Told the process id of another build writing this output, before this one waits for it.
    on_wait: Callable[[str], None] | None = field(default=None, compare=False)
    # `build --base-url`: the address to publish for instead of site.toml's base_url (a staging
    # copy), already checked by config.checked_base_url; None keeps site.toml's.
    base_url: str | None = None
    # `build --noindex`: every page asks search engines not to index it, robots.txt shuts them out.
    noindex: bool = False
    # `build --strict` (CI): a warning fails the build as an error does, and nothing is published.
    strict: bool = False
    # Keep the rendered pages in the build cache, for a later build into a new output folder
    # (CI: kept_pages.py). serve keeps a folder of its own. (Search bundles are always kept.)
    keep_pages: bool = True
    # Set by another thread (serve, when a save comes), it stops the build where it waits for
    # the search indexer: search.IndexingCancelled, nothing published.
    cancel: threading.Event | None = field(default=None, compare=False)
    # `build --layout-metrics`: render every page, changed or not, timing each layout.
    layout_metrics: bool = False

    @property
    def output(self) -> Path:
        return self.out_dir if self.out_dir is not None else self.site_dir / "public"

    @property
    def cache_root(self) -> Path | None:
        if not self.use_cache:
            return None
        return self.cache_dir if self.cache_dir is not None else self.site_dir / CACHE_DIR


@dataclass(frozen=True)
class BuildResult:
    problems: tuple[Problem, ...]
    pages: int = 0
    articles: int = 0
    standalone: int = 0  # pages of their own (content/trang/), apart from the articles
    files: int = 0
    seconds: float = 0.0
    left_out: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)
    rendered: int = 0  # pages whose layout ran this time
    restored: int = 0  # pages the build cache kept, written without running their layout (kept_pages.py)
    written: int = 0  # page files whose bytes changed
    pruned: int = 0  # files of the previous output that are gone
    images: imageproc.ProcessReport = imageproc.ProcessReport()
    causes: Causes | None = None  # why pages were rendered again; None when nothing was looked at
    # Where each article is published and the aliases it keeps (causes.addresses); None when the
    # build rendered nothing (its last result stood). The preview finds an article's moves with it.
    addresses: dict | None = None
    search: search.SearchReport | None = None  # None when the index was left as it was (serve, the shortcut)
    # The next moment a scheduled article comes due or a published one expires (in the site's
    # zone): the site shows it only once built again after it.
    scheduled: datetime | None = None
    # Drafts and articles dated after the build that this build published (--drafts, --future):
    # a copy that must not reach search engines unless built with --noindex.
    unreleased: int = 0
    layouts: layout_metrics.LayoutReport | None = None  # how long each layout took (BuildOptions.layout_metrics)

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)

    @property
    def unchanged(self) -> int:
        return self.pages - self.rendered


class _Clock:
    def __init__(self):
        self.start = self.last = time.perf_counter()
        self.timings: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.timings[name] = round(now - self.last, 4)
        log.debug("%s: %.3f s", name, now - self.last)
        self.last = now

    @property
    def total(self) -> float:
        return time.perf_counter() - self.start


def _stop_on_errors(problems: list[Problem]) -> None:
    if has_errors(problems):
        raise BuildFailed(problems)


def load_site(options: BuildOptions, clock: _Clock, problems: list[Problem], cache: BuildCache,
              listing: content.Listing, listed_ns: int, image_plan: list | None = None,
              horizon: list | None = None,
              on_converted: Callable[[Site, images.ImagePlan], None] | None = None,
              known_digests: dict | None = None) -> Site:
    """Everything up to a complete, checked Site. Raises BuildFailed.

    `listing` is the build's one listing of content/ (content.list_content),
    taken after the moment `listed_ns`. `image_plan`, when given, receives the
    ImagePlan the markup used; `horizon` the next moment the schedule changes
    what is published; `on_converted` is called with the Site as soon as its
    articles are converted and checked, before the related news are chosen;
    `known_digests` receives the digests the build cache kept of the articles
    (index.index_articles).
    """
    site_config, found = config_stage.load_config(options.site_dir)
    problems += found
    _stop_on_errors(problems)
    if options.base_url is not None:
        site_config = replace(site_config, base_url=options.base_url)
    if options.noindex:
        site_config = replace(site_config, noindex=True)
    if options.memo is not None:  # the same object as last time when unchanged: see memo.py
        site_config = options.memo.table("config").canonical("site", site_config)
    clock.lap("config")

    problems += confine.check_site_files(options.site_dir, {content.CONTENT_DIR: listing})
    problems += content.no_articles(options.site_dir, listing)
    # The bodies are not kept: each markup worker reads its articles' again (content.load_body).
    sources, found = content.load_content(options.site_dir, cache, options.memo, listing, listed_ns,
                                          options.jobs, scan_body=images.body_references)
    problems += found
    clock.lap("content")
    schedule = index.IndexOptions(drafts=options.drafts, future=options.future, now=options.now)
    sources, page_sources = standalone.split_sources(sources)
    why_left_out: dict[str, str] = {}
    expired_addresses: set[str] = set()  # (a link by one leads nowhere now: told as expired, never strict)
    articles, left_out, found = index.index_articles(site_config, sources, schedule, horizon, options.memo, cache,
                                                     known_digests, why_left_out, expired_addresses)
    problems += found
    problems += index.nothing_published(articles, left_out, (options.now or datetime.now(timezone.utc)).astimezone(
        site_config.zone), horizon[0] if horizon else None)
    pages, found = standalone.index_pages_beside(site_config, articles, sources, page_sources, schedule, left_out)
    problems += found
    scanned = {source.path: source.scanned for source in [*sources, *page_sources] if source.scanned is not None}
    # (Past the stop below every file is a valid article: those not indexed are left out.)
    unpublished = {source.path for source in [*sources, *page_sources]}.difference(a.source for a in [*articles, *pages])
    expired = {path for path, why in why_left_out.items() if why == "expired"}  # (links to them lose their address)
    unpublished -= expired
    del sources, page_sources
    _stop_on_errors(problems)
    clock.lap("index")
    # Pages of their own go through the photo and markup stages with the articles, then apart.
    articles = [*articles, *pages]

    plan, found = images.plan_images(options.site_dir, articles, site_config.images,
                                     functools.partial(content.load_body, options.site_dir), cache, options.memo,
                                     scanned)
    problems += found
    photo_problems = found  # its errors are told with the bodies' own problems, below
    articles = images.attach_keys(articles, plan, options.memo)
    if image_plan is not None:
        image_plan.append(plan)
    clock.lap("images-plan")

    links_to_files: dict = {}
    links_to_parts: dict = {}
    links_to_articles: dict | None = {} if options.drafts or options.future else None
    documents = attachments.sizes_beside(articles, assets.bundle_files(listing))
    problems += attachments.large_documents(documents)
    articles, found = markup.convert_articles(articles, site_config.base_path, cache, options.jobs,
                                              functools.partial(content.load_body, options.site_dir), plan,
                                              site_config.iframe_hosts, options.memo, links_to_files,
                                              links_to_parts=links_to_parts, links_to_articles=links_to_articles,
                                              documents=documents, unpublished=unpublished, expired=expired)
    problems += images.not_told_twice(found, photo_problems)
    if links_to_articles:  # (the preview shows drafts: a published article's link to one works there alone)
        problems += markup.links_to_drafts(articles, links_to_articles, functools.partial(content.load_body, options.site_dir),
                                           (options.now or datetime.now(timezone.utc)) if options.future else None)
    news = len(articles) - len(pages)
    site = Site(config=site_config, articles=tuple(articles[:news]), standalone=tuple(articles[news:]),
                left_out=frozen_map(left_out), expired_addresses=frozenset(expired_addresses),
                file_links=frozen_map(links_to_files),
                part_links=frozen_map(links_to_parts),
                attachments=frozen_map(documents))
    # Told with them, as check tells them, not by the next build; the preview, which builds again at the
    # next save, is not kept waiting for every feed to be rendered to find the addresses published.
    if has_errors(problems) and site.file_links and options.memo is None:
        problems += checker.links_to_files_leading_nowhere(options.site_dir, site, plan, listing)
    _stop_on_errors(problems)
    give_back_freed_memory()  # before the search indexer and the workers are forked
    clock.lap("markup")

    if on_converted is not None:
        on_converted(site, plan)
    related_news, other_news = related.related_lists(site.articles, site_config.related_count,
                                                     site_config.other_count, cache, options.jobs)
    site = replace(site, related=frozen_map(related_news), others=frozen_map(other_news))
    clock.lap("related")
    return site


class UnsafeOutputError(ValueError):
    """--out (or --cache-dir) names a folder a build must not use (generator/outguard.py);
    `unsafe` says why, for a message in the editor's language."""

    def __init__(self, unsafe: outguard.UnsafeOutput):
        super().__init__(messages.text(unsafe.key, "en", **unsafe.fields))
        self.unsafe = unsafe


def build(options: BuildOptions) -> BuildResult:
    unsafe = outguard.unsafe_output(options.site_dir, options.output, options.cache_root)
    if unsafe is not None:
        raise UnsafeOutputError(unsafe)
    try:
        if options.private_output:  # serve's own folder: only this process builds into it
            return _build(options)
        with buildlock.output_lock(options.output, options.on_wait):
            return _build(options)
    finally:
        if options.memo is not None:
            options.memo.finish_build()


def _build(options: BuildOptions) -> BuildResult:
    clock = _Clock()
    problems: list[Problem] = []
    unwritable = _unwritable_cache(options.cache_root) if options.memo is None else None
    if unwritable is not None:  # (a CI job's cache restored read-only: the build goes on without one)
        problems.append(warning(str(options.cache_root), 0, "cache-not-writable",
                                f"the build cache cannot be written ({unwritable}): this build uses none, and "
                                "takes the time a first build takes; let the build write there, or give --cache-dir"))
        options = replace(options, use_cache=False)
    cache = BuildCache(options.cache_root, options.memo)
    output.recover(options.output)
    listed_ns = time.time_ns()
    # One listing of content/ for the whole build: the fingerprint stats its files,
    # and the build reads those stats (DirEntry keeps them) instead of taking new ones.
    listing = content.list_content(options.site_dir)
    inputs = _inputs(options, cache, listing)
    # The record of this build is of its inputs as they are now: a file saved in the
    # last seconds is read now, before any stage reads it (shortcut.Inputs).
    digest = inputs.digest(inputs.racy) if inputs is not None and inputs.racy is not None else None
    unchanged, published_before, verdict = _last_result_if_unchanged(options, cache, inputs, digest, clock)
    if unchanged is not None and not options.layout_metrics:  # (metrics time a render: there must be one)
        return replace(unchanged, problems=as_errors(unchanged.problems)) if options.strict else unchanged
    # Is a symlink planted in the published output? Walked beside the stages up to rendering.
    symlinks = None if options.private_output else output.SymlinkCheck(options.output)
    image_cache = imageproc.cache_folder(options.cache_root)
    found_plan: list[images.ImagePlan] = []
    horizon: list = []
    indexing: list[search.Indexing] = []
    previous = cache.load_state(rendering.STATE_NAME)
    # A build whose states live in a memo (serve's) keeps its pages in its own folder.
    keeping_pages = options.keep_pages and options.memo is None and cache.enabled
    bodies: dict[str, Callable] = {}  # how this build gets a converted body back (`reconvert`, `load_html`)

    def converted(site: Site, image_plan: images.ImagePlan) -> None:
        bodies["reconvert"] = markup.reconverter(options.site_dir, site, image_plan)
        bodies["load_html"] = functools.partial(markup.load_html, cache=cache, reconvert=bodies["reconvert"])
        # Pagefind needs the converted articles only: it runs beside everything after them.
        if options.search:
            indexing.append(search.Indexing(site, bodies["load_html"], previous, options.output, cache.root,
                                            options.private_output, cache, options.cancel))
    try:
        known_digests: dict = {}  # of the articles' fields: page signatures reuse them
        site = load_site(options, clock, problems, cache, listing, listed_ns, found_plan, horizon, converted,
                         known_digests)
        scheduled = horizon[0].astimezone(site.config.zone) if horizon[0] is not None else None
        unreleased = _unreleased(site, options.now or datetime.now(timezone.utc))
        image_plan = found_plan[0]
        reconvert, load_html = bodies["reconvert"], bodies["load_html"]
        files, found = assets.plan_files(options.site_dir, site.articles_and_pages, listing, image_plan.sources,
                                         site.config.base_path)
        problems += found
        share_size, share_located = read_share_image(site.config.share_image, files)
        site = replace(site, asset_versions=frozen_map(assets.asset_versions(files)), share_image_size=share_size)
        pages = routes.plan_pages(site, options.memo)
        # The preview's memo keeps its feeds; a build, its cache.
        kept_feeds = (feeds.KeptFeeds(cache, site, known_digests, options.now)
                      if options.memo is None and cache.enabled else None)
        extra_files = seo.render_extra_files(  # feeds, sitemap.xml, robots.txt
            site, pages, load_html, options.memo, kept_feeds, pictures.feed_covers(image_plan, site.config.base_path),
            options.now)
        extra_files.update(aliases.query_tables(pages))  # old addresses with a query, past one table
        own_robots = files.pop(seo.ROBOTS, None)  # static/robots.txt: the site's own rules
        if own_robots is not None:
            extra_files[seo.ROBOTS] = seo.site_robots(site, own_robots.read_bytes())
        problems += assets.output_collisions([p.output_path for p in pages] + list(extra_files), files,
                                             options.site_dir)
        published = ({p.output_path for p in pages} | files.keys() | extra_files.keys()
                     | {variant.name for variant in image_plan.variants})
        if site.file_links:
            problems += filelinks.unpublished_links(site.articles_and_pages, site.file_links, published,
                                                    {rel for rel, _ in listing}, site.config.base_path,
                                                    checker.query_pages(pages), site.config.base_url,
                                                    expired_addresses=site.expired_addresses)
        problems += filelinks.config_links_leading_nowhere(site.config.links, published, site.config.base_path,
                                                           site.expired_addresses)
        problems += share_image_problems(options.site_dir, site.config.share_image, published, files,
                                         site.share_image_size, share_located)
        problems += located_pictures(options.site_dir, site.config.share_image, files, cache)
        problems += anchors.dead_part_links(site.part_links, site.articles_and_pages, load_html)
        if options.strict and options.memo is None:  # (CI's gate: said until kept, not once in a log)
            problems += unkept_addresses(options.site_dir, site, last_record(previous, cache))
        _stop_on_errors(problems)
        clock.lap("routes")

        image_report, found = imageproc.process_images(options.site_dir, image_plan, image_cache, options.jobs,
                                                         progress=options.progress)
        problems += found
        _stop_on_errors(problems)
        image_globals = pictures.layout_globals(image_plan, site.config.base_path)
        clock.lap("images")

        layouts = render.layout_dirs(options.site_dir)
        helpers = {**image_globals, **seo.template_globals(site, image_globals["og_image"])}
        # A symlink planted in the published output: trust none of it, write a fresh one whole.
        planted = symlinks is not None and symlinks.found()
        planned_from = BuildCache(None) if planted else cache
        plan, probe = rendering.plan_render(site, pages, layouts, options.output.resolve(), planned_from,
                                            None if planted else previous, helpers, options.memo,
                                            options.private_output, keeping_pages, known_digests,
                                            render_all=options.layout_metrics)
        # A block Jinja drops without a word ({% block mian %}), a layout no page uses: told by the build
        # and serve, where a designer looks.
        problems += [warning(shown_layout(filename, options.site_dir), line, code, detail)
                     for filename, line, code, detail in plan.layout_warnings]
        target = _choose_target(options.output, plan, len(pages), cache, verdict, planted)
        try:
            report = rendering.render_pages(site, pages, plan, probe, target, layouts, cache,
                                            reconvert, options.jobs, helpers, progress=options.progress)
            clock.lap("render")
            for rel, source in sorted(files.items()):
                cleaned = clip_places.without_place(source, source.suffix)  # (a phone's clip: where it was recorded)
                if cleaned is None:
                    target.copy(rel, source)
                else:
                    target.write(rel, cleaned)
            image_state, broken = imageproc.publish_variants(target, options.site_dir, image_plan, image_cache,
                                                             plan.previous_images)
            problems += broken  # a photo saved broken during the build, after it was read
            _stop_on_errors(problems)
            for rel, data in sorted(extra_files.items()):
                target.write(rel, data)
            # Indexed before publishing: a failed index never publishes.
            if options.search:
                search_state = indexing[0].finish(target)
            else:
                search_state = search.keep_index(target, previous)
            clock.lap("search")
            if options.strict and has_errors(as_errors(problems)):  # (warnings alone are left here)
                raise BuildFailed(list(as_errors(problems)))
            pruned = target.prune()
            state = {**report.state, "outputs": sorted(target.written), "images": image_state, **search_state}
            target.publish()
            clock.lap("output")
        except BaseException:
            target.discard()
            raise
        # Published: from here a failure of the cache (its disk full, a folder made read-only) leaves
        # the new site online; told as if the build had stopped, CI took it for unpublished.
        try:
            cache.save_state(rendering.STATE_NAME, state)
            if plan.inputs:  # (a one-off build's: serve keeps the addresses it showed itself)
                keep_addresses(cache, previous.get("inputs") if isinstance(previous, dict) else None, plan.inputs)
            moment = options.now.timestamp() if options.now else time.time()
            if cache.enabled:
                imageproc.prune_cache(image_cache, image_plan, moment)
                cache.prune_blobs(markup.BLOB_KIND, {a.html_key for a in site.articles_and_pages}, moment)
                if options.search:  # the next build's splices start from these
                    search_store.keep_only(cache, set(search_state[search.KEYS_STATE].values()))
                if keeping_pages:
                    kept_pages.forget_replaced(cache, previous, report.state, moment)
                if kept_feeds is not None:
                    cache.keep_only(feeds.KIND, kept_feeds.used)
                cache.prune_other_versions(moment)
                render.prune_compiled(rendering.bytecode_dir(cache))
            problems = sort_problems(problems)
            if digest is not None:
                again = {"pages": len(pages), "articles": len(site.articles), "standalone": len(site.standalone),
                         "unreleased": unreleased,
                         "files": len(files) + len(image_plan.variants),
                         "left_out": dict(site.left_out), "images": replace(image_report, encoded=0, photos=0, seconds=0.0),
                         "scheduled": scheduled}
                # Only a full build prunes the cache (above): the record is trusted for a day at most,
                # so a site that does not change still sheds what it stopped using.
                pruned_again = datetime.fromtimestamp(moment, timezone.utc) + timedelta(days=1)
                next_change = min(horizon[0], pruned_again) if horizon[0] is not None else pruned_again
                if not site.articles and options.now is not None:
                    # The feeds of a portal without articles are dated by this very moment (feeds._newest):
                    # a build at another SOURCE_DATE_EPOCH writes them again, as a clean build would.
                    next_change = min(next_change, datetime.fromtimestamp(moment, timezone.utc) + timedelta(microseconds=1))
                _remember(options, cache, shortcut.Record(digest, next_change, {}, again, problems, inputs.racy,
                                                          datetime.fromtimestamp(moment, timezone.utc)),
                          target, published_before)
        except OSError as failed:
            problems = sort_problems([*problems, _cache_not_saved(options.cache_root, failed)])
    except BuildFailed as failed:  # (a strict build stopped by an error tells its warnings as errors too, at once)
        return BuildResult(problems=as_errors(failed.problems) if options.strict else failed.problems,
                           seconds=clock.total, timings=clock.timings)
    except content.ChangedDuringBuild as changed:  # a cached body was gone and its file saved again
        return BuildResult(problems=(changed.problem(),), seconds=clock.total, timings=clock.timings)
    finally:
        for started in indexing:
            started.close()
        if symlinks is not None:
            symlinks.close()
        imageproc.release_cache_folder(image_cache, options.cache_root)
    return BuildResult(problems=tuple(problems), pages=len(pages), articles=len(site.articles),
                       standalone=len(site.standalone),
                       files=len(files) + len(image_plan.variants), seconds=clock.total, left_out=dict(site.left_out),
                       timings=clock.timings, rendered=report.rendered, written=report.written, pruned=pruned,
                       restored=report.restored,
                       images=image_report, causes=plan.causes, addresses=plan.addresses,
                       search=indexing[0].report if indexing else None, scheduled=scheduled,
                       unreleased=unreleased, layouts=report.layouts)


def _cache_not_saved(root: Path | None, failed: OSError) -> Problem:
    """The warning for a build cache that could not be saved after the site was published: the
    next build finds it as this one left it (the record of the output forgotten first) and
    compares the output whole."""
    where = failed.filename or root
    return warning(str(root), 0, "cache-not-saved",
                   f"the site was published, but the build cache could not be saved ({where}: "
                   f"{failed.strerror or failed}): the next build takes longer; free space there, or give --cache-dir")


def _unwritable_cache(root: Path | None) -> str | None:
    """Why the build cache's folder cannot be written (a read-only file system, no permission),
    or None: a build with such a cache failed at its first save (exit 3)."""
    if root is None:
        return None
    try:
        root.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryFile(dir=root).close()
    except OSError as exc:
        return exc.strerror or str(exc)
    # A folder inside it may be another user's (one `sudo make site`, a cache restored from
    # a root container's): the build failed at its first save there, exit 3. So may a store's
    # folders of blobs (markup/9b/, made by that build for what it wrote): ~2,000 of them, ~4 ms.
    this_version = BuildCache(root).root
    folders = [this_version, root / "images"]
    with contextlib.suppress(OSError):
        stores = [entry for entry in this_version.iterdir() if entry.is_dir() and not entry.is_symlink()]
        folders += stores
        for store in stores:
            with os.scandir(store) as entries:
                folders += [Path(entry.path) for entry in entries if entry.is_dir(follow_symlinks=False)]
    for folder in folders:
        if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
            return os.strerror(errno.EACCES)
    return None


def _unreleased(site: Site, now: datetime) -> int:
    """The drafts and the articles dated after `now` among those published (--drafts, --future)."""
    return sum(1 for a in site.articles_and_pages if a.draft or (a.category and a.date > now))



def _last_result_if_unchanged(options: BuildOptions, cache: BuildCache, inputs: shortcut.Inputs | None,
                              digest: str | None, clock: _Clock
                              ) -> tuple[BuildResult | None, dict | None, shortcut.Verdict]:
    """The last build's result when nothing it depends on changed (generator/shortcut.py);
    else None and, when only the inputs were seen to change, the output the last build left
    (its files' stats as recorded then: the output itself was not looked at); and the
    verdict of the check (files in the output no build published; no record at all). `digest`: of
    the inputs as this build would record them."""
    if inputs is None:
        return None, None, shortcut.Verdict(False, False)
    record = cache.load_state(shortcut.STATE_NAME)
    verdict = shortcut.check(record, inputs, options.output, options.now or datetime.now(timezone.utc))
    if verdict.unchanged:
        if digest is not None and record.hashed != inputs.racy:
            # Files recorded by their bytes that are old enough now: recorded by their stat again.
            cache.save_state(shortcut.STATE_NAME, replace(record, fingerprint=digest, hashed=inputs.racy))
        clock.lap("unchanged")
        return (BuildResult(problems=record.problems, seconds=clock.total, timings=clock.timings, **record.result),
                None, verdict)
    cache.save_state(shortcut.STATE_NAME, None)  # from here on the output may change
    # Same inputs yet no answer: the schedule moved or the output differs from the record.
    # Then the next record comes from a walk of the output, never from this one.
    return None, (record.outputs if verdict.inputs_changed else None), verdict


def _remember(options: BuildOptions, cache: BuildCache, record: shortcut.Record, target=None,
              published_before: dict | None = None) -> None:
    """Save `record` with the files of the output as this build left them."""
    # After a patch of the output the last record changes only where the patch did; anything
    # else that changed in the output since then only makes the next check fail, never pass.
    # (The record and the render state must name the same files: the same output folder.)
    if isinstance(target, output.Patch) and published_before is not None and target.previous == published_before.keys():
        published = shortcut.published_after(published_before, options.output, target.moved, target.removals)
    else:
        published = shortcut.published_files(options.output)
    if published is not None:
        cache.save_state(shortcut.STATE_NAME, replace(record, outputs=published))


def _inputs(options: BuildOptions, cache: BuildCache, listing: content.Listing) -> shortcut.Inputs | None:
    # The preview builds only after the watcher saw a change, into a new folder each
    # session: a record of its builds could never be reused.
    if cache.root is None or options.memo is not None:
        return None
    key = (options.drafts, options.future, options.search, str(cache.root), options.base_url, options.noindex)
    return shortcut.take_inputs(options.site_dir, options.output, key, listing)


# Above this many pages to render, a full staged swap is cheaper and simpler than a patch.
PATCH_LIMIT_SHARE = 0.2


def _choose_target(out_dir: Path, plan: rendering.RenderPlan, page_count: int, cache: BuildCache,
                   verdict: shortcut.Verdict, planted: bool = False):
    """A patch of the existing output for small changes (removing the strays, files no build
    published); a fresh staged folder otherwise."""
    if plan.has_previous and plan.previous_outputs and len(plan.todo) <= PATCH_LIMIT_SHARE * page_count:
        strays = verdict.strays
        if verdict.unrecorded:
            # A build killed while publishing may have put files there that no state names
            # (a page of an article deleted since): a walk of the output finds them.
            found = shortcut.published_files(out_dir)
            if found is None:
                return Stage(out_dir, seed=False, previous=plan.previous_outputs)  # a symlink or pipe in it: written fresh
            strays = strays | {rel for rel in found.keys() - plan.previous_outputs
                               if not output.deploys_own(rel, plan.previous_outputs)}
        return output.Patch(out_dir, set(plan.previous_outputs), strays)
    # Seeded even when every page changes (a layout edit), and with no record of the output (a
    # build with --no-cache, a cache lost): the files whose bytes stay the same (assets, feeds,
    # the search index, pages) keep their mtime for rsync and CDNs. (--no-cache rewrote all.)
    # Not an output someone planted a symlink in: none of it is trusted, it is written fresh.
    return Stage(out_dir, seed=not planted, previous=plan.previous_outputs)
