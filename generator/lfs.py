"""Git LFS pointers checked out in place of the files they stand for.

Owns telling one: a repository that keeps its photos and documents in Git LFS, cloned where
LFS was not fetched (a CI checkout without `lfs: true`, a clone without `git lfs install`),
holds for each file a few lines of text naming it (git-lfs.github.com/spec/v1). A photo was
"not a photo this build can read, or damaged", and a PDF or a file of static/ was published
as those lines, which readers downloaded for the document. Reads only what it is given.
"""
from __future__ import annotations

from pathlib import Path

MAX_POINTER_BYTES = 1024  # (the spec's limit for a pointer file)
_FIRST_LINES = (b"version https://git-lfs.github.com/spec/v1\n", b"version https://hawser.github.com/spec/v1\n")

ADVICE = ("this file is a Git LFS pointer, a few lines naming the file, not the file itself: the repository keeps "
          "it in Git LFS and this checkout never fetched it; run 'git lfs pull' (in CI, fetch LFS files with the "
          "checkout: GitHub's actions/checkout with 'lfs: true')")


def is_pointer(data: bytes) -> bool:
    """Whether `data`, a file's bytes (or its first ones), is a Git LFS pointer."""
    return len(data) <= MAX_POINTER_BYTES and data.replace(b"\r\n", b"\n").startswith(_FIRST_LINES)


def is_pointer_file(path: Path) -> bool:
    """Whether the file at `path` is a Git LFS pointer (False when it cannot be read: another
    stage says why)."""
    try:
        if path.stat().st_size > MAX_POINTER_BYTES:
            return False
        with path.open("rb") as file:
            return is_pointer(file.read(MAX_POINTER_BYTES + 1))
    except OSError:
        return False
