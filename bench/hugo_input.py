"""Our site folder → a Hugo site: the same articles, terms and contact, for bench/run.py.

    python bench/hugo_input.py --site bench/corpus/n1000 --out bench/corpus/n1000.hugo

Owns the mapping from our site to Hugo's and nothing about timing. Each
category is a Hugo section (content/<category>/, as in our site), units and
campaigns are taxonomies, related news is Hugo's own related-content step
over campaigns, unit and category (bench/hugo/hugo.toml), and the layouts in
bench/hugo/layouts show what ours show on each page kind. The Markdown body is
kept byte for byte, except links to other articles (`../x/index.md`), which
Hugo would publish as written: they become the linked article's URL. Page
bundles stay bundles, so their photos are published beside the page.
"""
from __future__ import annotations

import json
import posixpath
import re
import shutil
import sys
import tomllib
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pelican_input import converter_main, read_articles  # noqa: E402  (the same reading and command line)

HUGO = Path(__file__).resolve().parent / "hugo"
_LINK = re.compile(r"\]\(([^)\s]+\.md)\)")


def _yaml_string(value) -> str:
    return json.dumps(str(value), ensure_ascii=False)  # JSON strings are YAML strings


def _term_slug(terms: dict, wanted: str) -> str:
    """Front-matter names a term by slug or by name, as our build accepts; Hugo keys it by slug."""
    if wanted in terms:
        return wanted
    return next(slug for slug, term in terms.items() if term["name"] == wanted)


def _front_matter(front: dict, slug: str, config: dict) -> str:
    moment = front["date"]
    campaigns = [_term_slug(config["campaigns"], c) for c in front.get("campaigns") or []]
    lines = ["---",
             f"title: {_yaml_string(front['title'])}",
             # Naive, as in our front-matter: Hugo reads it in the site's timeZone, as we do.
             f"date: {moment:%Y-%m-%dT%H:%M:%S}" if isinstance(moment, datetime) else f"date: {moment:%Y-%m-%d}",
             f"slug: {_yaml_string(slug)}",
             f"units: [{_yaml_string(_term_slug(config['units'], front['unit']))}]",
             f"campaigns: [{', '.join(_yaml_string(c) for c in campaigns)}]",
             f"category: {_yaml_string(_term_slug(config['categories'], front['category']))}",
             f"author: {_yaml_string(front.get('author', ''))}"]
    if front.get("summary"):
        lines.append(f"summary: {_yaml_string(front['summary'])}")
    if front.get("draft"):
        lines.append("draft: true")
    if front.get("featured"):
        lines.append("featured: true")
    return "\n".join(lines + ["---", ""])


def _term_page(path: Path, name: str, description: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = f"---\ntitle: {_yaml_string(name)}\n" + (f"description: {_yaml_string(description)}\n" if description else "")
    path.write_text(text + "---\n", encoding="utf-8", newline="\n")


def _config(site_config: dict) -> str:
    template = (HUGO / "hugo.toml").read_text(encoding="utf-8")
    contact = site_config.get("contact", {})
    params = {"hotline": contact.get("hotline", ""), "email": contact.get("email", ""),
              "address": contact.get("address", "")}
    return (template
            .replace("@TITLE@", _yaml_string(site_config["title"]))
            .replace("@BASE_URL@", _yaml_string(site_config["base_url"]))
            .replace("@PER_PAGE@", str(site_config.get("per_page", 12)))
            .replace("@RELATED@", str(site_config.get("related_count", 5)))
            .replace("@OTHERS@", str(site_config.get("other_count", 8)))
            + "\n[params]\n" + "".join(f"{key} = {_yaml_string(value)}\n" for key, value in params.items()))


def convert(site: Path, out: Path) -> int:
    site_config = tomllib.loads((site / "site.toml").read_text(encoding="utf-8"))
    parsed = read_articles(site)
    url_of = {rel: f"/{_term_slug(site_config['categories'], front['category'])}/{slug}/"
              for _, rel, front, _, slug in parsed}
    if out.exists():
        shutil.rmtree(out)
    content = out / "content"
    for path, rel, front, body, slug in parsed:
        def relink(match: re.Match) -> str:
            linked = posixpath.normpath(posixpath.join(posixpath.dirname(rel), match.group(1)))
            return f"]({url_of[linked]})" if linked in url_of else match.group(0)

        bundle = path.name == "index.md"
        dest = content / url_of[rel].strip("/") / "index.md" if bundle else \
            content / (url_of[rel].strip("/") + ".md")
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(_front_matter(front, slug, site_config) + "\n" + _LINK.sub(relink, body.lstrip("\n")),
                        encoding="utf-8", newline="\n")
        if bundle:
            for extra in sorted(path.parent.iterdir()):
                if extra.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp"):
                    shutil.copyfile(extra, dest.parent / extra.name)
    for slug, term in site_config.get("categories", {}).items():
        _term_page(content / slug / "_index.md", term["name"], term.get("description", ""))
    for taxonomy, key in (("units", "units"), ("campaigns", "campaigns")):
        for slug, term in site_config.get(key, {}).items():
            _term_page(content / taxonomy / slug / "_index.md", term["name"], term.get("description", ""))
    (out / "hugo.toml").write_text(_config(site_config), encoding="utf-8", newline="\n")
    shutil.copytree(HUGO / "layouts", out / "layouts")
    return len(parsed)


def main(argv: list[str] | None = None) -> int:
    return converter_main(convert, "Convert a corpus site folder to a Hugo site.",
                          "folder to write: a Hugo site (hugo --source)", argv)


if __name__ == "__main__":
    sys.exit(main())
