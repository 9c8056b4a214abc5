"""Problems an editor can cause, with where they are.

Owns the `Problem` record, its `path:line: severity[code]: message` format
and the sorting that makes every report deterministic. It must not decide
what is a problem: the stages do that and hand their problems here.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, time
from enum import Enum
from pathlib import Path
from typing import Iterable


def kind_of(value) -> str:
    """What a YAML or TOML value is, in an editor's words ("not NoneType" said nothing to one):
    the end of "'date' must be a date, not …"."""
    if value is None:
        return "an empty value"
    for kinds, words in _KINDS:
        if isinstance(value, kinds):
            return words
    return "a value of another kind"


_KINDS = ((bool, "true or false"), ((int, float), "a number"), (str, "text"), ((list, tuple), "a list"),
          (dict, "key: value lines"), (bytes, "binary data"), (date, "a date"), (time, "a time of day"))


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    path: str  # relative to the site folder, with forward slashes
    line: int = 0  # 1-based; 0 when the whole file is meant

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Problem:
    location: Location
    code: str  # stable kebab-case, e.g. "unknown-unit"
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        return f"{one_line(str(self.location), join=False)}: {self.severity.value}[{self.code}]: {one_line(self.message)}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple:
        return (self.location.path, self.location.line, self.code, self.message)


def seen_from_here(problems: Iterable[Problem], site_dir: Path, here: Path | None = None) -> list[Problem]:
    """`problems` with paths that a terminal in the working folder can follow: `build --site portal`
    run from a repository's top told `content/a.md:3`, which an editor's terminal could not open
    and CI's problem matchers pinned to no file. Only for a site folder inside the working one (a
    path from elsewhere would be longer than it helps), and only paths of the site's own files
    ("(generator)", "--base-url" are no files)."""
    here = (here or Path.cwd()).resolve()
    site = site_dir.resolve()
    if site == here or not site.is_relative_to(here):
        return list(problems)
    prefix = site.relative_to(here).as_posix()
    return [replace(problem, location=replace(problem.location, path=f"{prefix}/{problem.location.path}"))
            if _site_file(site, problem.location.path) else problem for problem in problems]


def _site_file(site: Path, path: str) -> bool:
    return bool(path) and not Path(path).is_absolute() and (site / path.split("/", 1)[0]).exists()


def one_line(text: str, join: bool = True) -> str:
    """One terminal line: messages quote editors' text, which may hold newlines or
    escape sequences that would forge other lines or recolour the terminal."""
    text = re.sub(r"\s*\n\s*", " ", text) if join else text
    # (U+2028 and U+2029 are lines to an editor's log viewer and to str.splitlines)
    return "".join(_escaped(ch) if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)


def _escaped(ch: str) -> str:
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def error(path: str, line: int, code: str, message: str) -> Problem:
    return Problem(Location(path, line), code, message, Severity.ERROR)


def warning(path: str, line: int, code: str, message: str) -> Problem:
    return Problem(Location(path, line), code, message, Severity.WARNING)


def sort_problems(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(sorted(set(problems), key=Problem.sort_key))


SAME_WARNINGS_SHOWN = 5  # of one kind, before the rest are counted


def fold_repeated_warnings(problems: Iterable[Problem], keep: int = SAME_WARNINGS_SHOWN
                           ) -> tuple[tuple[Problem, int], ...]:
    """Each problem to show, with how many warnings of its kind were folded after it.

    A portal moved from another generator may hold the same key in every article:
    five thousand identical lines would bury everything else. Warnings of one code
    are shown `keep` times, the last shown one carrying the count of the rest;
    errors are all shown, since each must be fixed where it is."""
    problems = tuple(problems)
    counts = Counter(p.code for p in problems if not p.is_error)
    seen: Counter[str] = Counter()
    shown = []
    for p in problems:
        if p.is_error:
            shown.append((p, 0))
            continue
        seen[p.code] += 1
        if seen[p.code] <= keep:
            shown.append((p, counts[p.code] - keep if seen[p.code] == keep else 0))
    return tuple(shown)


# Warnings --strict leaves warnings: the clock or the machine made them, not an edit. A link to an
# article whose `expires` has passed: an error, it kept CI's scheduled strict build from taking the
# article down. A build cache that cannot be written or saved (a CI cache restored read-only, its disk
# full): an error, it stopped a strict build of sound content, told as a content error (exit 1). A
# link to a draft in a build that shows drafts (`build --drafts`, a staging copy for approval): it
# works there, and the build without drafts is the one that stops at it. A link to another host
# whose path is an article's old address (old-address-link): advice, since aliases keep no host, and
# another portal on the old one's software has a page at the same path (/Home/ChiTiet/123, another
# province's article 123), which an editor could not link without stopping CI.
NEVER_STRICT = frozenset({"expired-link", "cache-not-writable", "cache-not-saved", "link-to-draft",
                          "link-to-scheduled", "old-address-link"})


def as_errors(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """`--strict`: every warning told as an error (`check --strict`, `build --strict`), but those
    of NEVER_STRICT."""
    return tuple(p if p.code in NEVER_STRICT else Problem(p.location, p.code, p.message, Severity.ERROR)
                 for p in problems)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)


def suggest(wrong: str, choices: Iterable[str], fold=lambda s: s) -> str | None:
    """The closest declared name to `wrong`, compared after `fold`."""
    folded = {fold(c): c for c in choices}
    match = difflib.get_close_matches(fold(wrong), list(folded), n=1, cutoff=0.5)
    return folded[match[0]] if match else None


# A name of many words shares some with most others ("Công an", "Phòng Cảnh sát"): `suggest`
# found 'Công an tỉnh Hưng Yên' for 'Công an huyện Vũ Thư'. What is misspelt is compared alone.
_NAME_WORD = re.compile(r"\w+")
_WORDS_KEPT = 2 / 3  # of the longer name's words, when the other only leaves some out
_SPELLING_CUTOFF = 0.75  # 'PC09' for 'PC08', 'Yen2' for 'Yên', 'CSGTT' for 'Cảnh sát giao thông'


def suggest_name(wrong: str, choices: Iterable[str], fold=lambda s: s) -> str | None:
    """The declared name (or path) `wrong` misspells, compared after `fold`: a typo in its
    words, initials mistyped, or a few of its words left out or added; None when they only
    share words, which names of different units do."""
    folded = {fold(c): c for c in choices}
    wanted = fold(wrong)
    close = [name for name in folded if _misspells(_NAME_WORD.findall(wanted), _NAME_WORD.findall(name))]
    return folded[max(close, key=lambda name: difflib.SequenceMatcher(None, wanted, name).ratio())] if close else None


def _misspells(wanted: list[str], declared: list[str]) -> bool:
    shared = Counter(wanted) & Counter(declared)
    if not wanted:
        return False
    left_wanted, left_declared = list((Counter(wanted) - shared).elements()), list((Counter(declared) - shared).elements())
    if not left_wanted or not left_declared:  # words left out or added
        return sum(shared.values()) >= _WORDS_KEPT * max(len(wanted), len(declared))
    typed = "".join(left_wanted)
    return max(difflib.SequenceMatcher(None, " ".join(left_wanted), " ".join(left_declared)).ratio(),
               difflib.SequenceMatcher(None, typed, "".join(word[0] for word in left_declared)).ratio()
               ) >= _SPELLING_CUTOFF


class BuildFailed(Exception):
    """Raised by a stage boundary when problems stop the build."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sort_problems(problems)
        super().__init__(f"{len(self.problems)} problem(s)")
