"""Documents an article offers for download, labelled with their kind and size.

`[Kế hoạch số 12](ke-hoach.pdf)` reads "Kế hoạch số 12 (PDF, 1,2 MB)": a reader on a slow
network knows what a tap will cost before making it, as GOV.UK and the larger news sites
print it. Only a file in the article's own folder (which the build publishes beside its
page) and of a kind a reader downloads is labelled. Owns the kinds, the sizes' Vietnamese
wording and the label (markup.py puts it after the link); also which clip has captions
beside it, and which document is too large for a phone (a warning).
"""
from __future__ import annotations

import os
import posixpath
from typing import Iterable, Mapping, Sequence
from urllib.parse import urlsplit

from generator.diagnostics import Problem, warning
from generator.images import resolve_reference
from generator.model import Article
from generator.vietnamese import nfc

KINDS = {".pdf": "PDF", ".doc": "Word", ".docx": "Word", ".odt": "ODT", ".rtf": "RTF", ".xls": "Excel",
         ".xlsx": "Excel", ".ods": "ODS", ".csv": "CSV", ".ppt": "PowerPoint", ".pptx": "PowerPoint",
         ".zip": "ZIP", ".rar": "RAR", ".7z": "7z", ".mp3": "MP3", ".m4a": "M4A", ".mp4": "MP4", ".m4v": "MP4",
         ".webm": "WebM", ".mov": "MOV"}
LABEL_CLASS = "tep-tai-ve"
# Captions beside a clip (`clip.vtt` for `clip.mp4`): not offered for download, but the
# player needs to know they are there (pictures.player_element).
CAPTIONS = ".vtt"
# A scanned document at 300 dpi in colour runs to tens of MB; at 150 dpi in grey it reads as
# well at a tenth of the size. Clips have their own limit (images.LARGE_VIDEO_BYTES).
LARGE_DOCUMENT_BYTES = 20 * 1024 * 1024
_VIDEO_KINDS = frozenset({".mp4", ".m4v", ".webm", ".mov"})


def sizes_beside(articles: Iterable[Article],
                 by_bundle: Mapping[str, Sequence[tuple[str, str]]]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Article source → (site path, size in bytes) of each labelled file in its folder
    (`by_bundle`: assets.bundle_files of the build's listing). Part of the key of its
    converted body: a document replaced by a larger one changes the label."""
    found = {}
    for article in articles:
        files = []
        for rel, full in by_bundle.get(article.bundle_dir, ()) if article.bundle_dir else ():
            if posixpath.splitext(rel)[1].lower() in KINDS or rel.lower().endswith(CAPTIONS):
                try:
                    files.append((nfc(f"{article.bundle_dir}/{rel}"), os.stat(full).st_size))
                except OSError:  # gone meanwhile: unlabelled, and the link check names it
                    continue
        if files:
            found[article.source] = tuple(sorted(files))
    return found


def large_documents(documents: Mapping[str, tuple[tuple[str, int], ...]]) -> list[Problem]:
    """A warning at each document too large for a reader's phone on a slow network."""
    problems = []
    for path, size in sorted({item for files in documents.values() for item in files}):
        suffix = posixpath.splitext(path)[1].lower()
        if size > LARGE_DOCUMENT_BYTES and suffix in KINDS and suffix not in _VIDEO_KINDS:
            shown = human_size(size)
            if shown == human_size(LARGE_DOCUMENT_BYTES):  # (21,000,000 bytes: "20 MB … keep it under 20 MB")
                shown = f"{size / 1048576:.2f}".replace(".", ",") + " MB"
            problems.append(warning(path, 0, "large-file",
                                    f"this document is {shown}, more than a reader's phone should download "
                                    f"on a slow network (keep it under {LARGE_DOCUMENT_BYTES // 1048576} MB): "
                                    "scan at 150 dpi in grey, or save the PDF again with its size reduced"))
    return problems


def file_beside(source: str, href: str) -> str | None:
    """The site path of the file a relative link of `source` names (None for another site's
    address or a path from the site's root, which no article folder holds)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or parts.path.startswith("/"):
        return None
    return resolve_reference(source, href)


def captions_for(player_src: str, source: str, documents: Mapping[str, tuple[tuple[str, int], ...]]) -> str | None:
    """The src of the captions beside a clip ("clip.vtt" for "clip.mp4"), when there are."""
    if file_beside(source, player_src) is None:
        return None
    captions = posixpath.splitext(urlsplit(player_src).path)[0] + CAPTIONS
    beside = resolve_reference(source, captions)
    return captions if any(path == beside for path, _ in documents.get(source, ())) else None


def label(path: str, size: int) -> str | None:
    """'(PDF, 1,2 MB)' for a file of a downloaded kind; None for others."""
    kind = KINDS.get(posixpath.splitext(path)[1].lower())
    return f"({kind}, {human_size(size)})" if kind else None


def human_size(size: int) -> str:
    """350 KB, 1,2 MB, 24 MB: as Vietnamese writes decimals, with a comma."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    megabytes = size / (1024 * 1024)
    shown = f"{megabytes:.1f}" if megabytes < 10 else f"{megabytes:.0f}"
    return shown.replace(".", ",") + " MB"
