"""Noticing that an editor saved something, once per save.

Owns the watchdog observer over a site's inputs (site.toml, content/,
layouts/, assets/, and the default theme's layouts/ and assets/) and the
coalescing of bursts: editors save through temp files, swap files and
renames, so we wait until the folder has been quiet for a moment and hand
the set of changed paths to one callback. Ignores editor scratch files.
Must not build anything itself: the callback does.
"""
from __future__ import annotations

import threading
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from watchdog.events import (DirCreatedEvent, DirDeletedEvent, DirMovedEvent, FileClosedEvent, FileCreatedEvent,
                             FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileSystemEvent,
                             FileSystemEventHandler)
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch

from generator.assets import DEFAULT_ASSETS
from generator.confine import SITE_FOLDERS
from generator.render import DEFAULT_LAYOUTS
from generator.scratch_files import is_scratch

# Only what changes a file. Each build lists and reads the watched folders, and
# inotify would report every open and close of them: with 5,000 article bundles
# that is more than its queue holds (16,384), and an overflowing queue makes
# watchdog rescan the tree and report it all again: a rebuild loop.
CHANGES = (FileCreatedEvent, DirCreatedEvent, FileModifiedEvent, FileClosedEvent, FileDeletedEvent,
           DirDeletedEvent, FileMovedEvent, DirMovedEvent)
# A folder moved out of the site and back (deleted to the trash, then restored) keeps its inode, and
# inotify hands watchdog the watch it already had: watchdog says so with a RuntimeWarning of a whole
# screen (its every watched folder), printed under the editor's rebuilds. The watch is right as it is.
warnings.filterwarnings("ignore", message="Callback with id .* already exists for watch", category=RuntimeWarning,
                        module="watchdog")
QUIET_SECONDS = 0.04  # a save burst (write temp, rename, touch) is over after this much silence
LONGEST_WAIT = 0.5  # but never hold a rebuild back longer than this
SITE_FILES = ("site.toml",)
@dataclass(frozen=True)
class WatchRoot:
    folder: Path
    recursive: bool
    only: tuple[str, ...] = ()  # file names that matter in a non-recursive root


def watch_roots(site_dir: Path) -> list[WatchRoot]:
    """The folders that hold a site's inputs, each once, existing ones only."""
    roots = [WatchRoot(site_dir.resolve(), False, SITE_FILES)]
    seen = {site_dir.resolve()}
    for folder in [site_dir / name for name in SITE_FOLDERS] + [DEFAULT_LAYOUTS, DEFAULT_ASSETS]:
        folder = folder.resolve()
        if folder.is_dir() and folder not in seen:
            seen.add(folder)
            roots.append(WatchRoot(folder, True))
    return roots


class Coalescer:
    """Collects changed paths and calls `on_change` once a burst is over.

    One worker thread calls `on_change`, so rebuilds never overlap; changes
    that arrive during a rebuild are collected for the next one."""

    def __init__(self, on_change: Callable[[frozenset[str]], None],
                 quiet: float = QUIET_SECONDS, longest: float = LONGEST_WAIT):
        self.on_change, self.quiet, self.longest = on_change, quiet, longest
        self.pending: set[str] = set()
        self.first = self.last = 0.0
        self.cond = threading.Condition()
        self.stopped = False
        self.worker = threading.Thread(target=self._run, name="coalescer", daemon=True)
        self.worker.start()

    def add(self, paths: Iterable[str]) -> None:
        with self.cond:
            now = time.monotonic()
            if not self.pending:
                self.first = now
            self.pending.update(paths)
            self.last = now
            self.cond.notify()

    def stop(self) -> None:
        with self.cond:
            self.stopped = True
            self.cond.notify()
        self.worker.join(timeout=5)

    def _run(self) -> None:
        while True:
            with self.cond:
                while not self.pending and not self.stopped:
                    self.cond.wait()
                if self.stopped:
                    return
                while True:
                    now = time.monotonic()
                    due = min(self.last + self.quiet, self.first + self.longest)
                    if now >= due or self.stopped:
                        break
                    self.cond.wait(due - now)
                if self.stopped:
                    return
                batch = frozenset(self.pending)
                self.pending.clear()
            self.on_change(batch)


class _Handler(FileSystemEventHandler):
    def __init__(self, root: WatchRoot, coalescer: Coalescer, on_new_folder: Callable[[Path], None],
                 on_folder_gone: Callable[[Path], None]):
        self.root, self.coalescer = root, coalescer
        self.on_new_folder, self.on_folder_gone = on_new_folder, on_folder_gone

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return  # reading a file changes nothing
        if event.is_directory and event.event_type == "modified":
            return  # a folder "changes" whenever a scratch file appears in it
        paths = [p for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        wanted = [str(p) for p in paths if self._matters(str(p), event.is_directory)]
        if wanted:
            self.coalescer.add(wanted)

    def _matters(self, path: str, is_directory: bool) -> bool:
        if self.root.only:
            if is_directory and Path(path).name in SITE_FOLDERS:
                # Made (layouts/ to override the theme), put back from a copy or moved back: watched
                # afresh, as the watch of a folder that was deleted sees nothing of its successor.
                # Gone (deleted, renamed): the site is built without it.
                (self.on_new_folder if Path(path).is_dir() else self.on_folder_gone)(Path(path))
                return True
            return not is_directory and Path(path).name in self.root.only
        if is_directory:
            # A folder of articles moved or removed as a whole; a hidden one never matters.
            return not Path(path).name.startswith(".")
        return not is_scratch(path)


class Watcher:
    """Watches a site's inputs; calls `on_change(paths)` once per burst."""

    def __init__(self, site_dir: Path, on_change: Callable[[frozenset[str]], None],
                 quiet: float = QUIET_SECONDS):
        self.coalescer = Coalescer(on_change, quiet)
        self.observer = Observer()
        self.watches: dict[Path, ObservedWatch] = {}
        for root in watch_roots(site_dir):
            self._watch(root)

    def _watch(self, root: WatchRoot) -> None:
        self._unwatch(root.folder)
        self.watches[root.folder] = self.observer.schedule(
            _Handler(root, self.coalescer, self._new_folder, self._folder_gone), str(root.folder),
            recursive=root.recursive, event_filter=CHANGES)

    def _unwatch(self, folder: Path) -> None:
        watch = self.watches.pop(folder, None)
        if watch is not None:
            try:
                self.observer.unschedule(watch)
            except (KeyError, OSError):  # (its folder gone, the watch may be gone with it)
                pass

    def _new_folder(self, folder: Path) -> None:
        self._watch(WatchRoot(folder.resolve(), True))

    def _folder_gone(self, folder: Path) -> None:
        # Renamed, its watch would still report what is saved in it, under its old name.
        self._unwatch(folder.resolve())

    def start(self) -> None:
        self.observer.start()

    def stop(self) -> None:
        self.observer.stop()
        self.observer.join(timeout=5)
        self.coalescer.stop()
