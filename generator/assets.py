"""Static files: the theme's assets and the files inside article bundles.

Owns deciding which files are copied where (a site's own assets/ overrides
the default theme's file of the same name). Lists files; the output stage
copies them.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from generator.images import IMAGE_SUFFIXES
from generator.model import Article
from generator.vietnamese import nfc
from generator.walk import list_below

DEFAULT_ASSETS = Path(__file__).resolve().parent.parent / "assets"
ASSETS_URL = "assets/"


def _walk(root: Path) -> Iterable[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name


def plan_assets(site_dir: Path, exclude: Iterable[str] = ()) -> dict[str, Path]:
    """Output path → source file, the site's own files winning.

    `exclude`: site-relative files published another way (photos articles use
    go through the image pipeline; their originals must never be copied).
    """
    excluded = {site_dir / rel for rel in exclude}
    planned: dict[str, Path] = {}
    roots = [DEFAULT_ASSETS, site_dir / "assets"]
    for root in roots:
        if root.is_dir():
            for path in _walk(root):
                if path not in excluded:
                    planned[ASSETS_URL + path.relative_to(root).as_posix()] = path
    return planned


def plan_bundle_files(site_dir: Path, articles: Iterable[Article],
                      listing: Iterable[tuple[str, os.DirEntry]] | None = None) -> dict[str, Path]:
    """Files beside an article's index.md (PDFs, …) are published beside its page; photos are not.
    `listing`: content/ as walk.list_below listed it (site paths), else it is listed here."""
    if listing is None:
        listing = list_below(site_dir / "content", "content/") if (site_dir / "content").is_dir() else ()
    by_bundle = bundle_files(listing)
    planned: dict[str, Path] = {}
    for article in articles:
        if article.bundle_dir:
            for rel, full in by_bundle.get(article.bundle_dir, ()):
                # NFC: a name typed on a Mac (NFD) must match the body's NFC reference.
                planned[article.url.lstrip("/") + nfc(rel)] = Path(full)
    return planned


def bundle_files(listing: Iterable[tuple[str, os.DirEntry]]) -> dict[str, list[tuple[str, str]]]:
    """Bundle folder (a folder with an index.md) → (path in the bundle, full path) of each
    file to copy, from one listing of the tree. A file belongs to the nearest bundle above
    it; a nested bundle is an article of its own; hidden files and folders never count."""
    listing = list(listing)
    bundles = {rel.rpartition("/")[0] for rel, _ in listing if rel.rpartition("/")[2] == "index.md"}
    found: dict[str, list[tuple[str, str]]] = {}
    for rel, entry in listing:
        folder, _, name = rel.rpartition("/")
        if name.startswith(".") or name.endswith(".md") or os.path.splitext(name)[1].lower() in IMAGE_SUFFIXES:
            continue  # photos are published only as processed variants, never as the original
        bundle = folder
        while bundle not in bundles:
            head, _, last = bundle.rpartition("/")
            if not bundle or last.startswith("."):
                bundle = None
                break
            bundle = head
        if bundle is None or entry.is_dir():  # a symlink to a folder is not a file
            continue
        found.setdefault(bundle, []).append((rel[len(bundle) + 1:] if bundle else rel, entry.path))
    return found
