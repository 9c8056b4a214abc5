"""Orders the stages and times them. No domain logic lives here.

config → content → index → markup → related → routes → render → output
Each stage collects its problems; the build stops at the first stage
boundary that has errors, before anything is published.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Callable

from generator import assets, config as config_stage, content, index, markup, related, render, routes
from generator.diagnostics import BuildFailed, Problem, error, has_errors, sort_problems
from generator.model import Site, frozen_map
from generator.output import Stage

log = logging.getLogger("generator")


@dataclass(frozen=True)
class BuildOptions:
    site_dir: Path
    out_dir: Path | None = None  # default: <site>/public
    drafts: bool = False
    future: bool = False  # include articles dated in the future
    now: datetime | None = None  # the build's moment for schedules; None means now
    progress: Callable[[str, int, int], None] | None = None  # (stage, done, total), for the terminal

    @property
    def output(self) -> Path:
        return self.out_dir if self.out_dir is not None else self.site_dir / "public"


@dataclass(frozen=True)
class BuildResult:
    problems: tuple[Problem, ...]
    pages: int = 0
    articles: int = 0
    files: int = 0
    seconds: float = 0.0
    left_out: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


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


def load_site(options: BuildOptions, clock: _Clock, problems: list[Problem]) -> Site:
    """Everything up to a complete, checked Site. Raises BuildFailed."""
    site_config, found = config_stage.load_config(options.site_dir)
    problems += found
    _stop_on_errors(problems)
    clock.lap("config")

    sources, found = content.load_content(options.site_dir)
    problems += found
    clock.lap("content")
    schedule = index.IndexOptions(drafts=options.drafts, future=options.future, now=options.now)
    articles, left_out, found = index.index_articles(site_config, sources, schedule)
    problems += found
    _stop_on_errors(problems)
    clock.lap("index")

    articles, found = markup.convert_articles(articles, site_config.base_path)
    problems += found
    _stop_on_errors(problems)
    clock.lap("markup")

    site = Site(config=site_config, articles=tuple(articles), left_out=frozen_map(left_out))
    site = replace(site,
                   related=frozen_map(related.compute_related(site.articles, site_config.related_count)),
                   others=frozen_map(related.compute_others(site.articles, site_config.other_count)))
    clock.lap("related")
    return site


def build(options: BuildOptions) -> BuildResult:
    clock = _Clock()
    problems: list[Problem] = []
    try:
        site = load_site(options, clock, problems)
        pages = routes.plan_pages(site)
        files = {**assets.plan_assets(options.site_dir), **assets.plan_bundle_files(options.site_dir, site.articles)}
        problems += _output_collisions([p.output_path for p in pages], files, options.site_dir)
        _stop_on_errors(problems)
        clock.lap("routes")

        renderer = render.Renderer(site, render.layout_dirs(options.site_dir))
        stage = Stage(options.output)
        try:
            for done, page in enumerate(pages, 1):
                stage.write(page.output_path, renderer.render(page))
                if options.progress:
                    options.progress("render", done, len(pages))
            clock.lap("render")
            for rel, source in sorted(files.items()):
                stage.copy(rel, source)
            stage.publish()
            clock.lap("output")
        except BaseException:
            stage.discard()
            raise
    except BuildFailed as failed:
        return BuildResult(problems=failed.problems, seconds=clock.total, timings=clock.timings)
    return BuildResult(problems=sort_problems(problems), pages=len(pages), articles=len(site.articles),
                       files=len(files), seconds=clock.total, left_out=dict(site.left_out),
                       timings=clock.timings)


def _output_collisions(page_paths: list[str], files: dict[str, Path], site_dir: Path) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for path in page_paths:
        if path in seen:
            problems.append(error("site.toml", 0, "duplicate-output", f"two pages would be written to {path}"))
        seen.add(path)
    for path, source in files.items():
        if path in seen:
            shown = source.relative_to(site_dir).as_posix() if source.is_relative_to(site_dir) else source.as_posix()
            problems.append(error(shown, 0, "duplicate-output",
                                  f"this file would overwrite the page {path}"))
    return problems
