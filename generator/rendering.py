"""The render stage: pages → files in the stage, on all cores, skipping
pages whose inputs did not change since the last build.

Owns deciding which pages to render (by `incremental.Signatures` and the
state the last build left in the cache) and fanning them out to workers.
Workers render and write straight into the stage, so the rendered site is
never held in memory.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from generator import causes, kept_pages, layout_metrics, workers
from generator.cache import BuildCache
from generator.incremental import ALWAYS, Signatures, analyse_templates, layout_digests
from generator.markup import load_html
from generator.memo import Memo
from generator.model import EMPTY, Page, Site, evolve
from generator.output import Stage, file_stats
from generator.render import Renderer

STATE_NAME = "pages"


@dataclass(frozen=True)
class RenderReport:
    rendered: int  # pages whose template ran
    written: int  # files whose bytes changed
    unchanged: int  # pages skipped because no input changed
    state: dict  # for the next build: output path → (signature, size, mtime_ns[, key of the kept bytes])
    restored: int = 0  # of the pages planned, those taken from the build cache instead (kept_pages.py)
    layouts: layout_metrics.LayoutReport | None = None  # how long each layout took (build --layout-metrics)


def _render_chunk(chunk: Sequence[int]) -> list:
    """Worker: render the pages at these positions into the stage, or take those the build
    cache kept; (position, bytes changed, key of the kept bytes, taken from the cache) each,
    then what the chunk's layouts took when they are timed (a layout_metrics.Snapshot)."""
    pages: Sequence[Page] = workers.shared("pages")
    stage: Stage = workers.shared("stage")
    cache: BuildCache = workers.shared("cache")
    keeper: kept_pages.PageKeeper | None = workers.shared("keeper")
    restorable: dict = workers.shared("restorable")
    renderer = workers.shared("renderer_factory")()
    done = []
    for index in chunk:
        page = pages[index]
        path = page.output_path
        key = restorable.get(path)
        data = keeper.take(key) if key is not None else None
        if data is not None:  # published as the very file the cache holds (a hard link)
            done.append((index, stage.link(path, keeper.path_of(key), data), key, True))
            continue
        if page.article is not None and not page.article.html:
            html = load_html(page.article, cache, workers.shared("reconvert"))
            page = evolve(page, article=evolve(page.article, html=html))  # (dataclasses.replace: 5× slower)
        data = renderer.render(page)
        changed = stage.write(path, data)
        done.append((index, changed, keeper.keep(stage.path_of(path), data) if keeper else None, False))
    if renderer.clock is not None:  # what this chunk's layouts took, to the main process with its pages
        done.append(renderer.clock.take())
    return done


@dataclass(frozen=True)
class RenderPlan:
    todo: tuple[int, ...]  # positions of the pages to render
    signatures: dict  # output path → signature
    unchanged: dict  # output path → (signature, size, mtime_ns) of pages left as they are
    previous_outputs: frozenset[str]  # every file the last build published ("" when unknown)
    previous_images: dict  # photo variant → (size, mtime_ns) as the last build published it here
    has_previous: bool
    keep_pages: bool  # keep each rendered page in the build cache (kept_pages.py)
    # Output path → key of the bytes the build cache kept, for pages to render whose
    # signature is the one the last build recorded beside that key (in whatever output).
    restorable: dict
    inputs: dict  # what this build renders from, by digests (causes.record), kept for the next build
    causes: causes.Causes | None  # what changed since the last build (None for the preview's builds)
    addresses: dict  # where each article is published, and the aliases it keeps (causes.addresses)
    # (layout file, line, code, what to say) of the warnings about the layouts (TemplateFacts.warnings)
    layout_warnings: tuple[tuple[str, int, str, str], ...] = ()


def plan_render(site: Site, pages: Sequence[Page], layout_dirs: Sequence[Path], out_dir: Path,
                cache: BuildCache, previous: dict | None, extra_globals: dict | None = None,
                memo: Memo | None = None, private_output: bool = False,
                keep_pages: bool = False, known_digests: Mapping = EMPTY,
                render_all: bool = False) -> tuple[RenderPlan, Renderer]:
    """Which pages must be rendered: those whose signature or published file changed
    since the `previous` build (its saved state, None to render everything).
    A `private_output` (serve's own folder) is written by this process alone: its
    files are as the last build left them, and are not stat'ed again.
    `keep_pages`: the render keeps each page in the build cache and takes from it
    those it kept (kept_pages.py). `known_digests`: of the articles' fields, kept by the
    index stage (article_digests.py). `render_all` (build --layout-metrics): every page is
    rendered, and every layout timed."""
    page_layouts = {p.template for p in pages}
    clock = layout_metrics.LayoutClock(page_layouts) if render_all else None
    probe = Renderer(site, layout_dirs, extra_globals, bytecode_dir(cache), clock=clock)
    layouts = layout_digests(probe.env)
    facts = analyse_templates(probe.env, page_layouts, layouts, cache)
    for template_facts in facts.values():
        probe.fragments.know(template_facts.cached_partials)
    signatures = Signatures(site, facts, probe.env.globals, memo, known_digests)

    upgraded = not previous and STATE_NAME in cache.other_version
    previous = previous or {}
    kept = previous.get("pages", {}) if keep_pages else {}
    if previous.get("out") != str(out_dir) or not out_dir.is_dir():
        previous = {}
    known = previous.get("pages", {})

    todo, sigs, unchanged, restorable = [], {}, {}, {}
    repaired = 0  # pages rendered again only because their published file changed or is gone
    out_prefix = str(out_dir) + os.sep
    for index, page in enumerate(pages):
        signature = signatures.of(page)
        path = page.output_path
        sigs[path] = signature
        before = known.get(path)
        if render_all:
            todo.append(index)
            continue
        if signature != ALWAYS and before is not None and before[0] == signature:
            if private_output or file_stats(out_prefix + path) == tuple(before[1:3]):
                unchanged[path] = before
                continue
            repaired += 1
        todo.append(index)
        was = kept.get(path)
        if signature != ALWAYS and was is not None and len(was) > 3 and was[0] == signature:
            restorable[path] = was[3]
    inputs, found = {}, None
    if memo is None:  # the preview names the files it saw saved instead (~40 ms a save at 10,000 articles)
        inputs = causes.record(site, layouts, signatures.config, signatures.articles)
        # (no record of this version's to compare with: the addresses another version kept, not a
        # preview's of this version into another folder, whose addresses no reader had)
        other_version = causes.addresses_of_another_version(cache) if not previous else None
        before = previous.get("inputs") if previous else other_version
        found = causes.compare(before, inputs, repaired, upgraded=upgraded or other_version is not None)
        now = {key: inputs[key] for key in ("urls", "kept", "ids", "drafts", "lists", "lists_kept")}  # (causes.addresses)
    else:  # … and finds the moves itself, against the addresses the editor was last shown (devserver.py)
        now = causes.addresses(site)
    return RenderPlan(tuple(todo), sigs, unchanged, frozenset(previous.get("outputs", ())),
                      previous.get("images", {}), bool(previous), keep_pages, restorable, inputs, found,
                      now, tuple(sorted({told for f in facts.values() for told in f.warnings}))), probe


def render_pages(site: Site, pages: Sequence[Page], plan: RenderPlan, probe: Renderer, target,
                 layout_dirs: Sequence[Path], cache: BuildCache, reconvert, jobs: int | None = None,
                 extra_globals: dict | None = None, progress=None) -> RenderReport:
    """Render the planned pages into `target` (an output.Stage or output.Patch), keeping
    each in the build cache and taking from it those it kept when the plan says so."""
    state = {}
    for path, before in plan.unchanged.items():
        target.keep(path)
        state[path] = before
    made: list = []
    factory = _renderer_factory(site, layout_dirs, extra_globals, made, probe, bytecode_dir(cache))
    results = workers.run_chunks(_render_chunk, plan.todo, jobs,
                                 {"pages": pages, "stage": target, "cache": cache, "renderer_factory": factory,
                                  "reconvert": reconvert,
                                  "keeper": kept_pages.PageKeeper(cache) if plan.keep_pages else None,
                                  "restorable": plan.restorable},
                                 chunk_size=32,
                                 on_progress=(lambda done, total: progress("render", done, total)) if progress else None)
    written = restored = 0
    snapshots = [result for result in results if isinstance(result, layout_metrics.Snapshot)]
    if snapshots:
        results = [result for result in results if not isinstance(result, layout_metrics.Snapshot)]
    for index, changed, key, taken in results:
        path = pages[index].output_path
        target.keep(path)  # workers wrote it; claim it in this process too
        written += changed
        restored += taken
        stats = file_stats(target.path_of(path)) or (-1, -1)
        state[path] = (plan.signatures[path], *stats, key) if key is not None else (plan.signatures[path], *stats)
    return RenderReport(rendered=len(plan.todo) - restored, written=written, unchanged=len(plan.unchanged),
                        state={"out": str(target.out_dir), "pages": state, "inputs": plan.inputs},
                        restored=restored,
                        layouts=layout_metrics.merge(snapshots, len(plan.todo), probe.clock.page_layouts)
                        if probe.clock is not None else None)


def bytecode_dir(cache: BuildCache) -> Path | None:
    """Where compiled layouts are kept between builds (none without a cache)."""
    return cache.root / "layouts" if cache.enabled else None


def _renderer_factory(site, layout_dirs, extra_globals, made: list, probe: Renderer, bytecode: Path | None):
    pid = os.getpid()

    def get() -> Renderer:  # the probe in this process, a fresh one per worker
        if os.getpid() == pid:
            return probe
        if not made:
            clock = layout_metrics.LayoutClock(probe.clock.page_layouts) if probe.clock is not None else None
            made.append(Renderer(site, layout_dirs, extra_globals, bytecode, probe.fragments.known(), clock=clock))
        return made[0]
    return get
