"""The staged output folder and the atomic swap into --out.

Owns every write to the published folder. A build writes into a fresh
staging folder beside --out; only a successful build swaps it in, so a
failed or killed build leaves the previous site complete.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from pathlib import Path

_RENAME_EXCHANGE = 2  # Linux renameat2 flag: swap two paths in one step


class Stage:
    """A temporary folder that becomes the output on `publish()`."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir.resolve()
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        self.root = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.staging-", dir=self.out_dir.parent))
        self.written: set[str] = set()

    def write(self, rel_path: str, data: bytes) -> None:
        target = self._target(rel_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.written.add(rel_path)

    def copy(self, rel_path: str, source: Path) -> None:
        target = self._target(rel_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        self.written.add(rel_path)

    def link(self, rel_path: str, source: Path) -> None:
        """Like copy, as a hard link where the file system allows (cached image variants:
        the cache replaces files, never rewrites them, so a link cannot change under the site)."""
        target = self._target(rel_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
        self.written.add(rel_path)

    def _target(self, rel_path: str) -> Path:
        target = (self.root / rel_path).resolve()
        if not target.is_relative_to(self.root.resolve()):
            raise ValueError(f"refusing to write outside the output folder: {rel_path}")
        return target

    def publish(self) -> None:
        """Make the staged folder the output, replacing the old one at once."""
        os.chmod(self.root, 0o755)  # mkdtemp makes it private; web servers must read it
        if self.out_dir.exists() and _exchange(self.root, self.out_dir):
            shutil.rmtree(self.root)  # now holds the previous output
            return
        if self.out_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.old-", dir=self.out_dir.parent))
            os.rename(self.out_dir, old / "site")
            os.rename(self.root, self.out_dir)
            shutil.rmtree(old)
        else:
            os.rename(self.root, self.out_dir)

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two folders (Linux renameat2); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0
