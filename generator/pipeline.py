"""Orders the stages and times them. No domain logic lives here.

config → content → index → markup → related → routes → render → output
Each stage collects its problems; the build stops at the first stage
boundary that has errors, before anything is published.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator import assets, config as config_stage, content, index, markup, related, render, routes
from generator import search, seo
from generator.diagnostics import BuildFailed, Problem, error, has_errors, sort_problems
from generator.model import Site, frozen_map
from generator.output import Stage

log = logging.getLogger("generator")


@dataclass(frozen=True)
class BuildOptions:
    site_dir: Path
    out_dir: Path | None = None  # default: <site>/public
    drafts: bool = False

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
    articles, left_out, found = index.index_articles(site_config, sources, index.IndexOptions(drafts=options.drafts))
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
        extra_files = seo.render_extra_files(site, pages)  # feeds, sitemap.xml, robots.txt
        problems += _output_collisions([p.output_path for p in pages] + list(extra_files), files, options.site_dir)
        _stop_on_errors(problems)
        clock.lap("routes")

        renderer = render.Renderer(site, render.layout_dirs(options.site_dir), seo.template_globals(site))
        stage = Stage(options.output)
        try:
            for page in pages:
                stage.write(page.output_path, renderer.render(page))
            clock.lap("render")
            for rel, source in sorted(files.items()):
                stage.copy(rel, source)
            for rel, data in sorted(extra_files.items()):
                stage.write(rel, data)
            search.index_site(stage.root)  # on the staged folder: a failed index never publishes
            clock.lap("search")
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
