"""Our site folder → Pelican's input: the same articles with Pelican's metadata header.

    python bench/pelican_input.py --site bench/corpus/n1000 --out bench/corpus/n1000.pelican

Owns the mapping from our front-matter to Pelican's (`Title:`, `Date:`,
`Category:`, `Tags:` …) and nothing about timing. The Markdown body is kept
byte for byte, except two kinds of link Pelican spells differently:
photos in a bundle (`anh-1.jpg` → `{static}/images/<slug>/anh-1.jpg`) and
links to other articles (`../x/index.md` → `{filename}/<category>/<slug>.md`).
Campaigns and the unit become tags (separated by ';' because the names
contain commas), so Pelican builds a list page for each, as we do.
"""
from __future__ import annotations

import argparse
import posixpath
import re
import shutil
import sys
import tomllib
from datetime import datetime
from pathlib import Path

import yaml

_LINK = re.compile(r"\]\(([^)\s]+)\)")


def split_article(text: str) -> tuple[dict, str]:
    """'---\\nYAML\\n---\\nbody' → (front-matter, body)."""
    if not text.startswith("---\n"):
        raise ValueError("no front-matter")
    end = text.index("\n---\n", 3)
    return yaml.safe_load(text[4:end]) or {}, text[end + 5:]


def read_articles(site: Path) -> list[tuple[Path, str, dict, str, str]]:
    """(path, site-relative path, front-matter, body, slug) of every article, in path order."""
    articles = []
    for path in sorted((site / "content").rglob("*.md")):
        front, body = split_article(path.read_text(encoding="utf-8"))
        slug = front.get("slug") or (path.parent.name if path.name == "index.md" else path.stem)
        articles.append((path, path.relative_to(site).as_posix(), front, body, slug))
    return articles


def _term_name(terms: dict, wanted: str) -> str:
    if wanted in terms:
        return terms[wanted]["name"]
    for term in terms.values():
        if term["name"] == wanted:
            return term["name"]
    raise KeyError(wanted)


def _header_text(value: str) -> str:
    return " ".join(str(value).split())  # one line per metadata field


def convert(site: Path, out: Path) -> int:
    config = tomllib.loads((site / "site.toml").read_text(encoding="utf-8"))
    # First pass: where every article lands, so links can be rewritten.
    parsed, target_of = [], {}
    for path, rel, front, body, slug in read_articles(site):
        target = f"{front['category']}/{slug}.md"
        parsed.append((path, rel, front, body, slug, target))
        target_of[rel] = target
    if out.exists():
        shutil.rmtree(out)
    content = out / "content"
    for path, rel, front, body, slug, target in parsed:
        bundle = path.name == "index.md"

        def relink(match: re.Match) -> str:
            href = match.group(1)
            if href.endswith(".md"):
                linked = posixpath.normpath(posixpath.join(posixpath.dirname(rel), href))
                return f"]({{filename}}/{target_of[linked]})"
            if bundle and "/" not in href and ":" not in href:
                return f"]({{static}}/images/{slug}/{href})"
            return match.group(0)

        moment = front["date"]
        when = f"{moment:%Y-%m-%d %H:%M}" if isinstance(moment, datetime) else f"{moment:%Y-%m-%d}"
        tags = [_term_name(config["campaigns"], c) for c in front.get("campaigns") or []]
        unit = _term_name(config["units"], front["unit"])
        header = [
            f"Title: {_header_text(front['title'])}",
            f"Date: {when}",
            f"Category: {config['categories'][front['category']]['name']}",
            f"Tags: {'; '.join(tags + [unit])}",
            f"Slug: {slug}",
            f"Author: {_header_text(front.get('author', ''))}",
        ]
        if front.get("summary"):
            header.append(f"Summary: {_header_text(front['summary'])}")
        if front.get("draft"):
            header.append("Status: draft")
        dest = content / target
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text("\n".join(header) + "\n\n" + _LINK.sub(relink, body.lstrip("\n")),
                        encoding="utf-8", newline="\n")
        if bundle:
            for extra in sorted(path.parent.iterdir()):
                if extra.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp"):
                    image_dir = content / "images" / slug
                    image_dir.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(extra, image_dir / extra.name)
    return len(parsed)


def converter_main(convert, description: str, out_help: str, argv: list[str] | None = None) -> int:
    """The command line of a corpus converter (this one, bench/hugo_input.py): --site, --out."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True, help=out_help)
    args = parser.parse_args(argv)
    count = convert(args.site, args.out)
    print(f"converted {count} articles to {args.out}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    return converter_main(convert, "Convert a corpus site folder to Pelican's input format.",
                          "folder to write; its content/ is Pelican's PATH", argv)


if __name__ == "__main__":
    sys.exit(main())
