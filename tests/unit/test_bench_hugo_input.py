"""bench/hugo_input.py: the corpus as a Hugo site holds every published article once, under
the URL our build gives it, with its terms, and links between articles that Hugo can follow."""
from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import yaml

from generator.pipeline import BuildOptions, build
from tests.conftest import bench_corpus, bench_module


def _hugo_input():
    before = list(sys.path)
    try:
        return bench_module("hugo_input")  # it puts bench/ on the path for its sibling pelican_input.py
    finally:
        sys.path[:] = before


def _pages(content: Path) -> dict[str, tuple[dict, str]]:
    """Hugo's URL of each regular page (/<section>/<slug>/) → (front matter, body)."""
    pages = {}
    for path in content.rglob("*.md"):
        if path.name == "_index.md":
            continue
        text = path.read_text(encoding="utf-8")
        head, body = text[4:].split("\n---\n", 1)
        front = yaml.safe_load(head)
        section = path.relative_to(content).parts[0]
        pages[f"/{section}/{front['slug']}/"] = (front, body)
    return pages


def test_every_article_lands_at_our_url_with_its_terms(tmp_path):
    bench_corpus().generate(40, tmp_path / "site")
    ours = build(BuildOptions(site_dir=tmp_path / "site", out_dir=tmp_path / "out"))
    assert ours.ok
    _hugo_input().convert(tmp_path / "site", tmp_path / "hugo")
    pages = _pages(tmp_path / "hugo" / "content")

    published = {"/" + p.parent.relative_to(tmp_path / "out").as_posix() + "/"
                 for p in (tmp_path / "out").glob("*/*/index.html")
                 if p.parent.parent.name in tomllib.loads((tmp_path / "site" / "site.toml").read_text())["categories"]}
    drafts = {url for url, (front, _) in pages.items() if front.get("draft")}
    assert set(pages) - drafts == published

    site = tomllib.loads((tmp_path / "site" / "site.toml").read_text(encoding="utf-8"))
    for url, (front, _) in pages.items():
        assert front["units"][0] in site["units"] and front["category"] in site["categories"], url
        assert all(c in site["campaigns"] for c in front["campaigns"]), url

    links = [href for _, body in pages.values() for href in re.findall(r"\]\(([^)\s]+)\)", body)]
    assert links and not [h for h in links if h.endswith(".md")]
    assert {h for h in links if h.startswith("/")} <= set(pages)


def test_terms_and_contact_reach_hugo_config(tmp_path):
    bench_corpus().generate(12, tmp_path / "site")
    _hugo_input().convert(tmp_path / "site", tmp_path / "hugo")
    site = tomllib.loads((tmp_path / "site" / "site.toml").read_text(encoding="utf-8"))
    config = tomllib.loads((tmp_path / "hugo" / "hugo.toml").read_text(encoding="utf-8"))
    assert config["title"] == site["title"] and config["pagination"]["pagerSize"] == site["per_page"]
    assert config["params"]["hotline"] == site["contact"]["hotline"]
    assert config["taxonomies"] == {"unit": "units", "campaign": "campaigns"}
    for folder, key in (("units", "units"), ("campaigns", "campaigns")):
        for slug, term in site[key].items():
            index = (tmp_path / "hugo" / "content" / folder / slug / "_index.md").read_text(encoding="utf-8")
            assert yaml.safe_load(index.split("---")[1])["title"] == term["name"]
    assert (tmp_path / "hugo" / "layouts" / "page.html").is_file()
