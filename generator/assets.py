"""Static files: the theme's assets, the files inside article bundles, and the
site's static/ folder (files served at the site's root as they are: a search
engine's verification file, /.well-known/security.txt, /favicon.ico).

Owns deciding which files are copied where (a site's own assets/ overrides
the default theme's file of the same name). Lists files; the output stage
copies them.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Sequence

from generator.diagnostics import Problem, error
from generator.images import is_image_file
from generator.model import Article
from generator.vietnamese import nfc

DEFAULT_ASSETS = Path(__file__).resolve().parent.parent / "assets"
ASSETS_URL = "assets/"
STATIC_DIR = "static"
# Where the build writes files of its own besides pages (theme assets, photo variants, the
# search index): a static file there could be overwritten, or pruned, unnoticed.
_OWNED_TOP = ("assets", "images")


def _walk(root: Path) -> Iterable[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name


def plan_static(site_dir: Path) -> tuple[dict[str, Path], list[Problem]]:
    """Output path → source file of each file under static/, published at the same path
    from the site's root; and a Problem for each one in a folder the build owns. Hidden
    files are left out, but for /.well-known/ (RFC 8615), which exists for such files."""
    root = site_dir / STATIC_DIR
    planned: dict[str, Path] = {}
    problems: list[Problem] = []
    if not root.is_dir():
        return planned, problems
    for folder, dirs, files in os.walk(root):
        at_top = Path(folder) == root
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") or (at_top and d == ".well-known"))
        for name in sorted(files):
            if name.startswith("."):
                continue
            rel = (Path(folder) / name).relative_to(root).as_posix()
            top = rel.split("/", 1)[0]
            if "/" in rel and (top in _OWNED_TOP or top.startswith("pagefind")) or rel.startswith("pagefind"):
                problems.append(error(f"{STATIC_DIR}/{rel}", 0, "static-reserved",
                                      f"/{top}/ is where the build writes its own files; "
                                      f"put this file elsewhere in static/ (or in assets/)"))
                continue
            planned[nfc(rel)] = Path(folder) / name
    return planned, problems


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


def plan_bundle_files(articles: Iterable[Article], listing: Sequence[tuple[str, os.DirEntry]]) -> dict[str, Path]:
    """Files beside an article's index.md (PDFs, …) are published beside its page; photos are not.
    `listing`: content/ as the build listed it (content.list_content)."""
    by_bundle = bundle_files(listing)
    planned: dict[str, Path] = {}
    for article in articles:
        if article.bundle_dir:
            for rel, full in by_bundle.get(article.bundle_dir, ()):
                # NFC: a name typed on a Mac (NFD) must match the body's NFC reference.
                planned[article.url.lstrip("/") + nfc(rel)] = Path(full)
    return planned


def bundle_files(listing: Sequence[tuple[str, os.DirEntry]]) -> dict[str, list[tuple[str, str]]]:
    """Bundle folder (a folder with an index.md) → (path in the bundle, full path) of each
    file to copy, from one listing of the tree. A file belongs to the nearest bundle above
    it; a nested bundle is an article of its own; hidden files and folders never count."""
    bundles = {rel.rpartition("/")[0] for rel, _ in listing if rel.rpartition("/")[2] == "index.md"}
    found: dict[str, list[tuple[str, str]]] = {}
    for rel, entry in listing:
        folder, _, name = rel.rpartition("/")
        if name.startswith(".") or name.endswith(".md") or is_image_file(name):
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
