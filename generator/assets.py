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
from generator.walk import files_below

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


def plan_bundle_files(site_dir: Path, articles: Iterable[Article]) -> dict[str, Path]:
    """Files beside an article's index.md (PDFs, …) are published beside its page; photos are not."""
    planned: dict[str, Path] = {}
    for article in articles:
        if article.bundle_dir:
            for rel, full in _bundle_files(os.path.join(site_dir, article.bundle_dir)):
                # NFC: a name typed on a Mac (NFD) must match the body's NFC reference.
                planned[article.url.lstrip("/") + nfc(rel)] = Path(full)
    return planned


def _bundle_files(bundle: str) -> Iterable[tuple[str, str]]:
    """(bundle-relative path, full path) of the files to copy; strings, not Paths
    (4,900 bundles are listed on every build)."""
    def descend(folder: os.DirEntry) -> bool:  # a nested bundle is an article of its own
        return not folder.name.startswith(".") and not os.path.exists(os.path.join(folder.path, "index.md"))

    for rel, entry in files_below(bundle, descend):
        name = entry.name
        if name.startswith(".") or name.endswith(".md") or entry.is_dir():  # a symlink to a folder: not a file
            continue
        if os.path.splitext(name)[1].lower() not in IMAGE_SUFFIXES:
            # Photos are published only as processed variants, never as the original.
            yield rel, entry.path
