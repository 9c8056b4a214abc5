"""What a long-running process (the live preview) keeps between builds.

A build is a chain of pure steps over frozen records: SourceFile → Article →
Article with photo keys → converted Article → digest. A one-off build redoes
each step for all 10,000 articles (the disk cache spares the expensive
ones, but not the Python around them). `serve` builds again after every
save, so it keeps each step's last inputs and output here: when a step is
handed the very same input objects (`is`, which frozen records make as good
as equal) it hands back the very same output, and the next step sees an
unchanged object in turn. An edit therefore costs work for the edited
article only, while every build still checks every input.

Owns only remembering. Must not decide what an input is: each step passes
everything its output depends on. Not thread-safe: one build at a time
(the preview's build lock).
"""
from __future__ import annotations

import operator
from typing import Any, Callable, Hashable


class Memo:
    """Named tables of (inputs, output) by key; entries no build used lately are dropped."""

    def __init__(self) -> None:
        self._tables: dict[str, Table] = {}

    def table(self, name: str, lasting: bool = False) -> "Table":
        """The table `name`; a `lasting` one keeps entries a build did not ask for."""
        found = self._tables.get(name)
        if found is None:
            found = self._tables[name] = Table(lasting)
        return found

    def finish_build(self) -> None:
        """Forget what this build did not ask for (deleted articles, old layouts)."""
        for table in self._tables.values():
            table.turn()


class Table:
    def __init__(self, lasting: bool = False) -> None:
        self._entries: dict = {}  # key → [inputs, output, the last build that asked for it]
        self._build = 0
        self._lasting = lasting

    def recall(self, key: Hashable, inputs: tuple, compute: Callable[[], Any]) -> Any:
        """compute() — or its last output for `key`, when it was given the same input objects."""
        found = self.get(key, inputs, _MISSING)
        if found is _MISSING:
            found = compute()
            self.put(key, inputs, found)
        return found

    def get(self, key: Hashable, inputs: tuple, default: Any = None) -> Any:
        """The output remembered for `key` from these very input objects, else `default`."""
        entry = self._entries.get(key)
        if entry is not None and len(entry[0]) == len(inputs) and all(map(operator.is_, entry[0], inputs)):
            entry[2] = self._build
            return entry[1]
        return default

    def items(self) -> list[tuple[Hashable, Any]]:
        """(key, the output last remembered for it) of every entry."""
        return [(key, entry[1]) for key, entry in self._entries.items()]

    def latest(self, key: Hashable) -> Any:
        """The output last remembered for `key`, whatever its inputs were (or None)."""
        entry = self._entries.get(key)
        return entry[1] if entry is not None else None

    def put(self, key: Hashable, inputs: tuple, value: Any) -> None:
        # The inputs are kept alive with the output, so their ids cannot be reused meanwhile.
        self._entries[key] = [inputs, value, self._build]

    def canonical(self, key: Hashable, value: Any) -> Any:
        """The object remembered for `key` when it is the same as `value` (so later steps
        see the same object again), else `value`, remembered from now on. Same means the
        same repr, not ==: 1 == True, yet a layout shows them differently."""
        entry = self._entries.get(key)
        if entry is not None and type(entry[1]) is type(value) and repr(entry[1]) == repr(value):
            entry[2] = self._build
            return entry[1]
        self.put(key, (), value)
        return value

    def turn(self) -> None:
        if not self._lasting and any(entry[2] == self._build for entry in self._entries.values()):
            self._entries = {key: entry for key, entry in self._entries.items() if entry[2] == self._build}
        self._build += 1


_MISSING = object()


class Kept:
    """What a process keeps for all its builds, by a key naming everything it was made from
    (parsed and compiled layouts, their analysis): up to `limit` entries, the oldest dropped
    first (most likely a layout edited since)."""

    def __init__(self, limit: int = 512) -> None:
        self._entries: dict[Hashable, Any] = {}
        self._limit = limit

    def get(self, key: Hashable) -> Any:
        return self._entries.get(key)

    def put(self, key: Hashable, value: Any) -> None:
        if key not in self._entries and len(self._entries) >= self._limit:
            del self._entries[next(iter(self._entries))]
        self._entries[key] = value

    def __len__(self) -> int:
        return len(self._entries)


def recall(memo: Memo | None, table: str, key: Hashable, inputs: tuple, compute: Callable[[], Any]) -> Any:
    """Memo.table(table).recall(…), or just compute() for a one-off build (memo None)."""
    if memo is None:
        return compute()
    return memo.table(table).recall(key, inputs, compute)
