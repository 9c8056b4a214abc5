"""A new article: `python build.py new "Tiêu đề" --category … --unit …`.

Owns turning a title and the editor's choices into a new article bundle
(content/<category>/<slug>/index.md) with complete front-matter: the slug
from the Vietnamese title, the current date and time in the site's time
zone, and `draft: true`. Checks category, unit and campaigns against
site.toml (with "did you mean" hints) and never overwrites an article.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Mapping, Sequence

from generator import content, index, messages, routes
from generator.config import load_config
from generator.diagnostics import Problem, error, sort_problems
from generator.model import SiteConfig, Term
from generator.index import shorten_slug
from generator.vietnamese import nfc, slugify


@dataclass(frozen=True)
class NewArticle:
    title: str
    category: str  # declared slugs
    unit: str
    campaigns: tuple[str, ...]
    slug: str
    moment: datetime

    @property
    def path(self) -> str:
        """Site-relative path of the bundle's Markdown file."""
        return f"{content.CONTENT_DIR}/{self.category}/{self.slug}/index.md"


def plan_article(config: SiteConfig, title: str, category: str, unit: str, campaigns: Sequence[str],
                 moment: datetime) -> tuple[NewArticle | None, list[Problem]]:
    """Check the editor's choices; every problem at once."""
    problems: list[Problem] = []
    title = " ".join(nfc(title).split())
    slug = shorten_slug(slugify(title))
    if not slug:
        problems.append(error("title", 0, "bad-title", "the title has no letters or digits to make a URL from"))
    category_slug = _choose(config.categories, "category", category, problems)
    unit_slug = _choose(config.units, "unit", unit, problems)
    campaign_slugs = []
    for wanted in campaigns:
        found = _choose(config.campaigns, "campaign", wanted, problems)
        if found and found not in campaign_slugs:
            campaign_slugs.append(found)
    if problems:
        return None, problems
    return NewArticle(title, category_slug, unit_slug, tuple(campaign_slugs), slug, moment), []


def _choose(terms: Mapping[str, Term], kind: str, wanted: str, problems: list[Problem]) -> str:
    found = index.match_term(terms, wanted)
    if found is None:
        problems.append(error(f"--{kind}", 0, f"unknown-{kind}", index.unknown_term(terms, kind, wanted)))
        return ""
    return found


def existing_articles(site_dir: Path, config: SiteConfig, new: NewArticle) -> list[str]:
    """Files that already are, or would publish at, the new article's URL."""
    clashes = set()
    for candidate in (site_dir / new.path, site_dir / content.CONTENT_DIR / new.category / f"{new.slug}.md"):
        if candidate.exists():
            clashes.add(candidate.relative_to(site_dir).as_posix())
    url = routes.article_url(new.category, new.slug)
    sources, _ = content.load_content(site_dir)
    for source in sources:
        article, _ = index.read_article(config, source)
        if article is not None and article.url == url:
            clashes.add(source.path)
    return sorted(clashes)


def front_matter(new: NewArticle, lang: str) -> str:
    # JSON strings are valid YAML double-quoted scalars: any title round-trips.
    lines = ["---",
             f"title: {json.dumps(new.title, ensure_ascii=False)}",
             f"date: {new.moment.strftime('%Y-%m-%dT%H:%M:%S')}",
             f"unit: {new.unit}",
             f"category: {new.category}",
             f"campaigns: [{', '.join(new.campaigns)}]",
             'author: ""',
             'summary: ""',
             "draft: true",
             "---",
             "",
             messages.text("new-body", lang),
             ""]
    return "\n".join(lines)


def create_article(site_dir: Path, config: SiteConfig, new: NewArticle, lang: str) -> list[Problem]:
    clashes = existing_articles(site_dir, config, new)
    if clashes:
        return [error(path, 0, "article-exists", f"{path} already exists; pick another title or edit that article")
                for path in clashes]
    target = site_dir / new.path
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite, even in a race
        handle.write(front_matter(new, lang))
    return []


def run_new(args, site_dir: Path) -> int:
    lang = args.lang
    site_config, problems = load_config(site_dir)
    new = None
    if site_config is not None:
        now = datetime.now(site_config.zone).replace(microsecond=0)
        new, problems = plan_article(site_config, args.title, args.category, args.unit, args.campaign, now)
    if new is not None:
        problems = create_article(site_dir, site_config, new, lang)
    for line in messages.describe_all(sort_problems(problems), lang):
        print(line, file=sys.stderr)
    if problems:
        return 1
    print(messages.text("created", lang, path=new.path))
    return 0
