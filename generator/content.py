"""content/**/*.md → SourceFile records.

Owns reading article files and splitting front-matter from body. We split
the front-matter ourselves (python-frontmatter's parse() strips whitespace and
loses line offsets) and compose the YAML so every key keeps its true line.
Must not interpret the values: that is the index stage's job.
"""
from __future__ import annotations

import bisect
import os
import re
import time
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import yaml

from generator import confine, styled_letters, workers
from generator.cache import BuildCache, digest
from generator.config import TOML_POSITION, toml_error_line, toml_key_of, unclosed_quote
from generator.diagnostics import Problem, error, warning
from generator.memo import Memo, recall
from generator.merge_conflicts import conflict_problems
from generator.model import FRONT_MATTER_KEYS, PAGES_DIR, SourceFile, frozen_map, item_key
from generator.saved_text import as_utf8, decode, unix_line_ends
from generator.scratch_files import is_merge_leftover
from generator.vietnamese import WINDOWS_DEVICE_NAMES, is_device_name, nfc, windows_safe_name
from generator.walk import list_below
from generator.written_dates import ImpossibleDate, parse_written

CONTENT_DIR = "content"
FENCES = ("---",)
CLOSERS = ("---", "...")
TOML_FENCE = "+++"  # Hugo's and Zola's other way: TOML between '+++' lines
SECTION_INDEX = "_index.md"  # Hugo's page of a section: not an article here
MAX_FRONT_MATTER_NODES = 10_000  # beyond this a front-matter is an attack, not an article
MAX_FRONT_MATTER_DEPTH = 32  # nesting; later stages (signatures, pickles) recurse per level
# libyaml's parser is ~10× faster and keeps the same marks; fall back when absent.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


Listing = tuple[tuple[str, os.DirEntry], ...]  # (site path, entry) of everything below content/


def list_content(site_dir: Path) -> Listing:
    """Everything below content/, listed once per build (walk.list_below) for the
    stages that look at it: site-file checks, article sources, bundle files."""
    root = site_dir / CONTENT_DIR
    if not root.is_dir():  # a link to a folder inside the site is listed; confine checks where it leads
        return ()
    return list_below(root, CONTENT_DIR + "/")


def find_sources(site_dir: Path, listing: Listing | None = None) -> list[str]:
    """The path below the site of every .md file under content/, in a stable
    order; hidden files and `.`/`_` folders skipped."""
    return list(_source_paths(list_content(site_dir) if listing is None else listing))


def _source_paths(listing: Listing) -> Iterator[str]:
    return (rel for rel, _ in listing
            if rel.endswith(".md") and not any(part.startswith((".", "_")) for part in rel.split("/")[1:-1])
            and not rel.rpartition("/")[2].startswith(".") and rel.rpartition("/")[2] != SECTION_INDEX
            and not is_merge_leftover(rel))


def merge_leftovers(listing: Listing) -> list[Problem]:
    """A warning for each file `git mergetool` left in content/ (scratch_files.is_merge_leftover):
    never read or published (it holds text from before the merge: one side of it was published
    as an article of its own, its .orig as a download), and named so that the editor deletes it."""
    return [warning(rel, 0, "merge-leftover",
                    "this file is what git's merge tool leaves behind (the file as it was before the merge, or "
                    "one side of it): it is not published; delete it once the merge is done")
            for rel, entry in listing
            if is_merge_leftover(rel) and not entry.is_dir()
            and not any(part.startswith(".") for part in rel.split("/"))]


# A part of a path that may be a device's name (is_device_name says), after the first (content/).
_DEVICE_PART = re.compile(rf"/(?:{'|'.join(sorted(WINDOWS_DEVICE_NAMES))}) *(?:[./]|$)", re.I)


def device_named(listing: Listing) -> list[Problem]:
    """A warning at each file or folder of content/ named as Windows names a device (`con.md`,
    `Aux/`, `nul.jpg`), once however many files a folder holds: Git for Windows refuses to check
    such a path out, and an editor previewing the portal on Windows loses the whole clone."""
    # (one search in C a file: a split and a test each part took 3 times as long)
    return device_named_files(rel for rel, entry in listing if _DEVICE_PART.search(rel) is not None
                              and not entry.is_dir() and not any(part.startswith(".") for part in rel.split("/")))


def device_named_files(rels: Iterable[str]) -> list[Problem]:
    """device_named's warnings for these files, each path led by its folder of the site
    (`content/…`, `static/…`), which is never told."""
    named: dict[str, str] = {}
    for rel in rels:
        if _DEVICE_PART.search(rel) is None:
            continue
        parts = rel.split("/")
        for at, part in enumerate(parts[1:], start=2):
            if is_device_name(part):
                named.setdefault("/".join(parts[:at]), part)
    return [warning(path, 0, "device-name",
                    f"'{part}' is a name Windows keeps for a device: Git for Windows cannot check it out, and an "
                    f"editor's clone on Windows fails; rename it (e.g. '{windows_safe_name(part)}')")
            for path, part in sorted(named.items())]


def no_articles(site_dir: Path, listing: Listing) -> list[Problem]:
    """A warning when there is no article to publish at all: no content/ folder beside
    site.toml, or one without a single article file (drafts count). A new portal builds so,
    empty; but a CI job whose content did not come with the checkout (a submodule, a sparse
    checkout, the wrong --site) would publish an empty portal over the real one, and `--strict`
    stops it here."""
    if not (site_dir / CONTENT_DIR).is_dir():
        return [warning(CONTENT_DIR, 0, "no-articles", f"there is no {CONTENT_DIR}/ folder beside site.toml: "
                        "the portal is built without a single article")]
    if any(not rel.startswith(PAGES_DIR) for rel in _source_paths(listing)):  # (stops at the first)
        return []
    return [warning(CONTENT_DIR, 0, "no-articles", f"no article in {CONTENT_DIR}/: the portal is built with "
                    f"empty news lists (an article is {CONTENT_DIR}/<category>/<name>.md)")]


def misplaced_files(sources: Sequence[str], listing: Listing) -> list[Problem]:
    """What an editor coming from Hugo may leave in content/: an `_index.md` (skipped, with a
    warning: a category's name and description are in site.toml), and an index.md whose folder
    holds other articles too (an error: every file of that folder would be published as its
    own, the category's other articles' attachments included)."""
    problems = [warning(rel, 1, "section-index", "an _index.md is not read: a category's name and "
                        "description are set in site.toml ([categories.<key>])")
                for rel, _ in listing if rel.rpartition("/")[2] == SECTION_INDEX]
    ordered = sorted(sources)  # what is below a folder lies together: found by bisection, not a scan
    for rel in sources:
        folder, _, name = rel.rpartition("/")
        if name != "index.md":
            continue
        start = bisect.bisect_left(ordered, folder + "/")
        end = bisect.bisect_left(ordered, folder + "0")  # "0" follows "/": past every path below the folder
        others = [other for other in ordered[start:end] if other != rel]
        if others:
            problems.append(error(rel, 1, "bundle-holds-articles",
                                  f"this folder holds other articles too ({others[0]}"
                                  f"{f' and {len(others) - 1:,} more' if len(others) > 1 else ''}): an article named "
                                  f"index.md owns its whole folder; give it a folder of its own, "
                                  f"{folder}/<name>/index.md, or rename it <name>.md"))
    return problems


def case_twins(sources: Sequence[str], files: Sequence[str] = ()) -> list[Problem]:
    """Two article files (or bundle folders) whose paths differ only in upper/lower case
    (`Tin.md` and `tin.md`): Linux and the build keep both, but a checkout on Windows or macOS,
    whose disks do not tell case apart, holds only one of them, and the other editor's article
    is lost there (and is overwritten by the next commit from that computer). A warning at each,
    naming the other. So too for two names whose letters differ only as a Mac writes them (NFD,
    `tin-mới.md` saved there and on Windows): a Mac's disk keeps one, and a link to the name
    reached one of the two, with nothing said. `files`: content/'s other files, photos and
    documents (Anh.jpg and anh.jpg, the preview on Windows showing either), told at no line; their
    twins by a Mac's letters are told where they are published (assets.same_names, photo_twins)."""
    by_folded: dict[str, list[str]] = {}
    plain = []  # names in lower-case ASCII, each its own key: a twin of one is among the others
    for rel in (*sources, *files):
        if rel.isascii() and rel.islower():
            plain.append(rel)
        else:
            by_folded.setdefault(nfc(rel).casefold(), []).append(rel)
    for rel in plain:  # (10,000 articles and 20,000 photos: 16 ms, not 31)
        if rel in by_folded:
            by_folded[rel].append(rel)
    articles = set(sources)
    # Bundle folders told by their articles (Ra-Quan/ and ra-quan/): the photos and documents
    # in them are twins only of another in their own folder (renaming anh.jpg mends nothing).
    told_folders = {nfc(_folder(rel)).casefold() for same in by_folded.values()
                    if len(same) > 1 and len({_folder(rel) for rel in same}) > 1 for rel in same if rel in articles}
    groups = []
    for same in by_folded.values():
        if len(same) < 2:
            continue
        if told_folders and _within(nfc(_folder(same[0])).casefold(), told_folders) and not articles.intersection(same):
            by_folder: dict[str, list[str]] = {}
            for rel in same:
                by_folder.setdefault(_folder(rel), []).append(rel)
            groups += [beside for beside in by_folder.values() if len(beside) > 1]
        else:
            groups.append(same)
    problems = []
    for same in groups:
        for rel in same:
            others = ", ".join(other for other in sorted(same) if other != rel)
            if all(nfc(other) == nfc(rel) for other in same):  # (the two names print alike: say which is which)
                if rel not in articles:
                    continue
                problems.append(warning(rel, 1, "names-differ-in-form", (
                    f"this file's name is {others}'s as a Mac writes its letters" if rel != nfc(rel) else
                    f"{others} has this file's name as a Mac writes its letters")
                    + ": both are published, but a checkout on a Mac keeps only one of them, and a link written with "
                    "that name leads to one alone; type the Mac's name again, or delete that file if it is the old one"))
                continue
            problems.append(warning(rel, 1 if rel in articles else 0, "names-differ-in-case",
                                    f"this file and {others} differ only in upper/lower case: a checkout on "
                                    "Windows or macOS keeps only one of them, and the rest are lost "
                                    "there; rename one of them (names in lower case, as slugs are)"))
    return problems


def _folder(rel: str) -> str:
    return rel.rpartition("/")[0]


def _within(folder: str, folders: set[str]) -> bool:
    """Whether `folder` or a folder above it is one of `folders`."""
    while folder:
        if folder in folders:
            return True
        folder = folder.rpartition("/")[0]
    return False


INDEX_STATE = "content-index"
RACY_MARGIN_NS = 2_000_000_000


def _stat_key(st: os.stat_result) -> tuple:
    # ctime changes on every write and cannot be set back by tools (unlike mtime),
    # so an unchanged stat means unchanged bytes.
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def no_body(body: str, body_line: int) -> None:
    """load_content's scan_body for a reader of front-matter alone (`list`, `new`): no body is kept."""
    return None


def load_content(site_dir: Path, cache: BuildCache | None = None, memo: Memo | None = None,
                 listing: Listing | None = None, listed_ns: int | None = None, jobs: int | None = None,
                 scan_body: Callable[[str, int], Any] | None = None) -> tuple[list[SourceFile], list[Problem]]:
    """Read every article file. A file whose stat is unchanged since the last
    build is not read again: its parsed front-matter comes from the cache and
    its body is loaded only if a later stage needs it (`load_body`). With a
    memo, such a file's SourceFile is the very object of the last build.
    Many files to read (a cold build) are read and parsed on all cores.

    With `scan_body`, a body read is not kept either: what scan_body(body, body_line)
    returns stays in its place (SourceFile.scanned), and the stages that need the
    text load it again (`load_body`). Held from reading to conversion, the bodies
    were the build's largest memory: ~1 GB at 100,000 articles."""
    cache = cache or BuildCache(None)
    saved = cache.load_map(INDEX_STATE)
    index = saved.entries
    # File times have coarse ticks: a write in the same tick as our last read
    # would leave the stat unchanged. Trust only stats safely older than the
    # snapshot (git calls the others "racily clean" and re-reads them too).
    trusted_before = (saved.meta if isinstance(saved.meta, int) else 0) - RACY_MARGIN_NS
    # The moment of the snapshot: before any of its stats was taken (the listing's may be older).
    started_ns = listed_ns if listed_ns is not None else time.time_ns()
    entries = dict(listing) if listing is not None else {}
    new_index = {}
    found: list[tuple[SourceFile | None, list[Problem]]] = []  # in file order
    to_read: list[tuple[int, str, tuple]] = []  # (position in found, rel, stat key)
    prefix = str(site_dir) + os.sep
    revalidated = False  # a racily clean file found unchanged: the snapshot's moment moves on
    remembered = memo.table("source-files") if memo is not None else None
    if listing is None:
        listing = list_content(site_dir)
    rels = find_sources(site_dir, listing)
    for rel in rels:
        full = prefix + rel
        info, refused = confine.checked_stat(site_dir, full, confine.MAX_ARTICLE_BYTES, entries.get(rel))
        if refused is not None:  # never read outside the site, a pipe, or a 50 MB paste
            found.append((None, [refused]))
            continue
        stat_key = _stat_key(info)
        known = index.get(rel)
        if known is not None and known[0] == stat_key and (
                stat_key[2] < trusted_before or _holds_bytes(full, known[1])):
            revalidated |= stat_key[2] >= trusted_before
            new_index[rel] = known
            found.append((recall(memo, "source-files", rel, (known,), lambda: _unread_source(rel, known)), []))
            continue
        if known is not None and _holds_bytes(full, known[1]):
            # The same bytes under a new stat: a fresh clone (CI), a checkout, a `touch`. Git's rule
            # again: ~40 µs a file instead of ~330 µs to read and parse it (10,000: 1.5 s of a CI build).
            entry = new_index[rel] = (stat_key, *known[1:])
            source = _remembered_with(remembered, rel, known[1])
            if source is not None:
                remembered.put(rel, (entry,), source)
            else:
                source = recall(memo, "source-files", rel, (entry,), lambda: _unread_source(rel, entry))
            found.append((source, []))
            continue
        to_read.append((len(found), rel, stat_key))
        found.append((None, []))
    read = workers.run_chunks(_read_chunk, [rel for _, rel, _ in to_read], jobs,
                              {"site_dir": site_dir, "scan_body": scan_body})
    for (position, rel, stat_key), (source, problems) in zip(to_read, read):
        if source is not None:
            source = _remembered_with(remembered, rel, source.digest) or source
            entry = new_index[rel] = (stat_key, source.digest, dict(source.front), dict(source.key_lines),
                                      source.body_line, dict(source.unread))
            if remembered is not None:
                remembered.put(rel, (entry,), source)
        found[position] = (source, problems)
    # meta: when the snapshot was taken (kept as it was when no file changed: the safe side).
    cache.save_map(INDEX_STATE, saved, new_index, started_ns, always=revalidated)
    sources = [source for source, _ in found if source is not None]
    others = [rel for rel, entry in listing if not rel.endswith(".md") and "/." not in rel and not entry.is_dir()]
    misplaced = (misplaced_files(rels, listing) + merge_leftovers(listing) + case_twins(rels, others)
                 + device_named(listing))
    return sources, [problem for _, problems in found for problem in problems] + misplaced


def _remembered_with(remembered, rel: str, file_digest: str) -> SourceFile | None:
    """serve: the record its memo holds of `rel` when it is of these very bytes (a file saved
    again as it was, or touched): that very object, so what later stages remember of it holds."""
    before = remembered.latest(rel) if remembered is not None else None
    return before if before is not None and before.digest == file_digest else None


def _holds_bytes(path: str, file_digest: str) -> bool:
    """Whether the file still holds the bytes of that digest. A racily clean file (its stat
    taken in the same seconds as the last snapshot) is checked by its bytes like this:
    ~40 µs a file, against ~330 µs to read and parse it again (git does the same)."""
    try:
        data = confine.read_bounded(path)
    except OSError:
        return False
    return data is not None and digest(as_utf8(data)) == file_digest  # as read_source digests it


def _read_chunk(rels: Sequence[str]) -> list[tuple[SourceFile | None, list[Problem]]]:
    """Worker: read and split these files (their records cross back by pickle: see cache.py)."""
    site_dir = workers.shared("site_dir")
    scan_body = workers.shared("scan_body")
    found = [read_source(site_dir, site_dir / rel) for rel in rels]
    if scan_body is None:
        return found
    return [(replace(source, body="", body_loaded=False, scanned=scan_body(source.body, source.body_line))
             if source is not None else None, problems) for source, problems in found]


def _unread_source(rel: str, known: tuple) -> SourceFile:
    """The SourceFile of an unchanged file from the last build's record; its body is not read."""
    _, file_digest, front, key_lines, body_line, unread = known
    bundle_dir = rel.rpartition("/")[0] if rel.endswith("/index.md") else None
    return SourceFile(rel, frozen_map(front), frozen_map(key_lines), "", body_line, bundle_dir,
                      digest=file_digest, body_loaded=False, unread=frozen_map(unread))


class ChangedDuringBuild(RuntimeError):
    """The file no longer holds what the build read of it (saved again meanwhile)."""

    def __init__(self, rel: str, detail: str = ""):
        super().__init__(rel, detail)  # both in args: the error crosses from worker processes
        self.rel = rel

    def __str__(self) -> str:
        return f"{self.rel}: {self.args[1]}" if self.args[1] else self.rel

    def problem(self) -> Problem:
        """What the editor is told: a build cannot pair one version's front-matter with another's body."""
        return error(self.rel, 1, "changed-during-build",
                     "the file was saved again while the site was being built; build again")


def load_body(site_dir: Path, rel: str, known: tuple[str, int] | None = None) -> tuple[str, int]:
    """(body, body_line) of an article file, for a stage that needs the text.

    `known`: the file's digest and body line as the content stage read them. The
    body is then cut at that line without parsing the front-matter again (~60 µs,
    not ~330), and only if the file still holds those bytes: else the front-matter
    the build indexed and the body would come from two versions of the file."""
    if known is not None:
        file_digest, body_line = known
        try:
            data = confine.read_bounded(os.path.join(site_dir, rel))
        except OSError:  # deleted or moved meanwhile
            data = None
        data = as_utf8(data) if data is not None else None
        if data is None or digest(data) != file_digest:
            raise ChangedDuringBuild(rel)
        text = unix_line_ends(data.decode("utf-8"))
        start = 0
        for _ in range(body_line - 1):  # as split_source cuts it; NFC never joins across a line end
            start = text.find("\n", start) + 1
            if not start:
                return "", body_line
        return nfc(text[start:]), body_line
    try:
        source, problems = read_source(site_dir, site_dir / rel)
    except OSError as exc:
        raise ChangedDuringBuild(rel, exc.strerror) from None
    if source is None:
        raise ChangedDuringBuild(rel, "; ".join(map(str, problems)))
    return source.body, source.body_line


def read_source(site_dir: Path, path: Path, data: bytes | None = None) -> tuple[SourceFile | None, list[Problem]]:
    rel = path.relative_to(site_dir).as_posix()
    if data is None:
        data = confine.read_bounded(str(path))
        if data is None:
            return None, [error(rel, 0, "too-large", f"the file is larger than "
                                                     f"{confine.MAX_ARTICLE_BYTES // 1048576} MB")]
    data = as_utf8(data)
    text, line = decode(data)
    if text is None:
        return None, [error(rel, line, "not-utf8",
                            "the file is not UTF-8 text (save it as UTF-8 in your editor)")]
    if "\x00" in text:
        return None, [error(rel, text[: text.index("\x00")].count("\n") + 1, "binary-file",
                            "the file contains binary data, not Markdown text")]
    text = nfc(unix_line_ends(text))
    conflicts = conflict_problems(rel, text, markdown=True)
    if conflicts:
        return None, conflicts
    bundle_dir = path.parent.relative_to(site_dir).as_posix() if path.name == "index.md" else None
    source, problems = split_source(rel, text, bundle_dir)
    if source is not None:
        source = replace(source, digest=digest(data))
    return source, problems


def split_source(rel: str, text: str, bundle_dir: str | None = None) -> tuple[SourceFile | None, list[Problem]]:
    lines = text.split("\n")
    opening = lines[0].rstrip() if lines else ""
    if opening not in FENCES and opening != TOML_FENCE:
        return None, [error(rel, 1, "missing-front-matter",
                            "an article must start with front-matter between '---' lines "
                            "(YAML; or TOML between '+++' lines)")]
    closers = (TOML_FENCE,) if opening == TOML_FENCE else CLOSERS
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in closers), None)
    if closing is None:
        return None, [error(rel, 1, "unclosed-front-matter",
                            f"the front-matter opened on line 1 is never closed with '{closers[0]}'")]
    head = styled_letters.plain("\n".join(lines[1:closing]))  # a title pasted from Facebook's 𝐁𝐎𝐋𝐃
    parse = parse_toml_front_matter if opening == TOML_FENCE else parse_front_matter
    front, key_lines, problems = parse(rel, head, first_line=2)
    if not problems:
        front, key_lines, problems = _keys_in_our_case(rel, front, key_lines)
    if problems:
        return None, problems
    body = "\n".join(lines[closing + 1:])
    unread = _read_as_nothing(lines, front, key_lines) if opening != TOML_FENCE else {}
    return SourceFile(rel, frozen_map(front), frozen_map(key_lines), body, closing + 2, bundle_dir,
                      unread=frozen_map(unread)), []


# A plain YAML value may not start with these, nor hold ": " or " #" (a key, a comment).
_NOT_PLAIN_START = tuple("\"'[]{}&*!|>%@`#,?")
_PLAIN_KEY = re.compile(r"[A-Za-z_][\w-]*")


def _quoting_hint(line: str) -> str | None:
    """`key: "value"` quoted as YAML wants it, for a `key: value` line whose value needs quotes:
    the usual cause of a YAML error in a title ("Thông báo: lịch tiếp dân", a quote in quotes).
    (No regex over the value: a line may hold 200,000 spaces.)"""
    key, colon, rest = line.partition(":")
    key = key.strip()
    if not colon or not _PLAIN_KEY.fullmatch(key) or not rest[:1].isspace():
        return None
    value = rest.strip()
    if value.startswith("!!") or len(value) > 500:  # a YAML tag written on purpose; not a line to paste back
        return None
    # (a value ending in ':' is a title saved as it is typed, "Thông báo:", before the rest)
    if value.startswith(_NOT_PLAIN_START) or ": " in value or " #" in value or value.endswith(":"):
        return f"{key}: {yaml_quoted(value)}"
    return None


def _unclosed(line: str) -> tuple[str, str] | None:
    """("bracket", "]") for `campaigns: [a, b` and ("quote", '"') for `title: "Tin`: a value
    that opens a list or a quoted text on a `key: value` line and does not close it there."""
    key, colon, rest = line.partition(":")
    value = rest.strip()
    # (a top-level key: an indented line may be a line of a block of text, `summary: |`)
    if not colon or not _PLAIN_KEY.fullmatch(key) or not rest[:1].isspace() or len(value) > 2000:
        return None
    if value.startswith(("[", "{")):
        closing = "]" if value[0] == "[" else "}"
        return ("bracket", closing) if value.count(value[0]) > value.count(closing) else None
    quote = unclosed_quote(value, yaml=True)
    return ("quote", quote) if quote else None


def _text_not_key(line: str) -> bool:
    """A line of text among `key: value` lines: not indented (a value's next line would be), no
    colon, not a list item, a comment or a document marker."""
    stripped = line.strip()
    return (bool(stripped) and not line[:1].isspace() and ":" not in line
            and not stripped.startswith(("-", "#", "...", "[", "{", '"', "'")) and len(stripped) > 1)


def _space_after_colon(line: str) -> str | None:
    """`title:Tin mới` written again as `title: Tin mới` (without the space YAML reads one
    text, "title:Tin mới", and fails on the next line)."""
    key, colon, rest = line.partition(":")
    if colon and _PLAIN_KEY.fullmatch(key) and rest[:1] not in ("", " ", "\t", ":", "/") and len(rest) <= 500:
        return f"{key}: {rest.strip()}"
    return None


def yaml_quoted(text: str) -> str:
    """`text` as one YAML string, readable: its own outer quotes dropped, then double quotes
    unless it holds them (or a backslash, an escape there), else single ones."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1]
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def _keys_in_our_case(rel: str, front: dict, key_lines: dict) -> tuple[dict, dict, list[Problem]]:
    """`Title:` or `DATE:` read as the key we know (Hugo reads keys in any case too); given
    beside its own lower-case spelling, it is the key given twice."""
    renamed = {key: key.lower() for key in front if key not in FRONT_MATTER_KEYS and key.lower() in FRONT_MATTER_KEYS}
    if not renamed:
        return front, key_lines, []
    first_lines: dict[str, int] = {}
    for key in sorted(front, key=lambda key: key_lines.get(key, 0)):
        ours, line = renamed.get(key, key), key_lines.get(key, 1)
        if ours in first_lines:
            return {}, {}, [error(rel, line, "duplicate-key", f"'{ours}' is given twice (first on line {first_lines[ours]})")]
        first_lines[ours] = line
    def in_our_case(entry: str) -> str:  # (also "Aliases[2]", an item's line: "aliases[2]")
        key, bracket, rest = entry.partition("[")
        return renamed.get(key, key) + bracket + rest
    return ({renamed.get(key, key): value for key, value in front.items()},
            {in_our_case(entry): line for entry, line in key_lines.items()}, [])


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


def _read_as_nothing(lines: list[str], front: Mapping, key_lines: Mapping[str, int]) -> dict[str, str]:
    """Keys whose line holds text YAML read as no value: `title: #1 vụ án` (a comment)
    or `title: &Tin` (an anchor). The editor meant that text; index.py says so."""
    unread = {}
    for key, value in front.items():
        if value is not None or key not in key_lines:
            continue
        if ":" in key:  # (where its colon ends is YAML's business)
            continue
        rest = lines[key_lines[key] - 1].partition(":")[2].strip()
        if rest.split(" #")[0].strip() not in _NULLS:  # `key: ~ # later` is a null, said so
            unread[key] = rest
    return unread


def parse_front_matter(rel: str, yaml_text: str, first_line: int) -> tuple[dict, dict, list[Problem]]:
    """YAML → (values, key → file line, problems). Safe loader, no aliases."""
    deep = _too_deep(rel, yaml_text, first_line)
    if deep is not None:
        return {}, {}, [deep]
    loader = _SafeLoader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}, []
        if not isinstance(node, yaml.MappingNode):
            return {}, {}, [error(rel, first_line + node.start_mark.line, "front-matter-not-mapping",
                                  "front-matter must be 'key: value' lines")]
        problems = _check_nodes(rel, node, first_line)
        if problems:
            return {}, {}, problems
        try:
            values = loader.construct_document(node)
        except (ValueError, OverflowError) as exc:  # a well-formed value Python cannot hold: year 0
            return {}, {}, [_value_problem(rel, node, first_line, exc)]
    except yaml.reader.ReaderError as exc:
        line = first_line + yaml_text[: exc.position].count("\n")
        return {}, {}, [error(rel, line, "yaml-syntax", f"front-matter contains the control character "
                                                        f"U+{exc.character:04X}, which YAML does not allow")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = mark.line if mark else 0
        lines = yaml_text.split("\n")
        # A bracket or quote opened and never closed: YAML reads on and fails lines later, at a
        # line that is right (and would be told to quote what already is).
        for number, written in enumerate(lines[:at + 1]):
            unclosed = _unclosed(written)
            if unclosed:
                return {}, {}, [error(rel, first_line + number, "yaml-syntax", "front-matter is not valid YAML: "
                                      f"the {unclosed[0]} opened on this line is never closed; end the value with "
                                      f"{unclosed[1]}")]
        for number, written in enumerate(lines[:at + 1]):
            if _text_not_key(written) and (number == 0 or not lines[number - 1].strip()):
                return {}, {}, [error(rel, first_line + number, "yaml-syntax", "front-matter is not valid YAML: "
                                      "this line is not 'key: value'; if the article's text starts here, the line "
                                      "'---' that closes the front-matter is missing above it")]
        hint = _quoting_hint(lines[at]) if mark and at < len(lines) else None
        if hint:
            return {}, {}, [error(rel, first_line + at, "yaml-syntax", f"front-matter is not valid YAML: "
                                  f"{exc.problem or exc}; if the value is text, put it in quotes: {hint}")]
        # What an editor most often typed wrong, which YAML reports on another line or in its own words.
        # (Lines of a block of text, `summary: |`, are indented by spaces and never taken for these.)
        for number, written in enumerate(lines[:at + 1]):
            if written.startswith("\t"):
                return {}, {}, [error(rel, first_line + number, "yaml-syntax", "front-matter is not valid YAML: "
                                      "this line is indented with a tab; indent with spaces")]
            spaced = _space_after_colon(written)
            if spaced:
                return {}, {}, [error(rel, first_line + number, "yaml-syntax", "front-matter is not valid YAML: "
                                      f"a space must follow the ':' after a key: {spaced}")]
        return {}, {}, [error(rel, first_line + at, "yaml-syntax", f"front-matter is not valid YAML: {exc.problem or exc}")]
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        return {}, {}, [error(rel, first_line, "yaml-syntax", f"front-matter is not valid YAML: {exc}")]
    finally:
        loader.dispose()
    key_lines = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        key_lines.setdefault(key, first_line + key_node.start_mark.line)
        if isinstance(value_node, yaml.SequenceNode):  # "- /tin/cu.html" on lines of their own
            for number, item in enumerate(value_node.value):
                if item.start_mark.line != key_node.start_mark.line:
                    key_lines.setdefault(item_key(key, number), first_line + item.start_mark.line)
    return {str(k): v for k, v in values.items()}, key_lines, []


def parse_toml_front_matter(rel: str, toml_text: str, first_line: int) -> tuple[dict, dict, list[Problem]]:
    """TOML → (values, key → file line, problems), as parse_front_matter gives them for YAML,
    within the same bounds (MAX_FRONT_MATTER_DEPTH, MAX_FRONT_MATTER_NODES)."""
    try:
        values = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as exc:
        line = first_line - 1 + toml_error_line(exc, toml_text)
        return {}, {}, [error(rel, line, "toml-front-matter",
                              f"front-matter is not valid TOML: {TOML_POSITION.sub('', str(exc))}")]
    except RecursionError:  # tomllib recurses per level: far past the bound below
        return {}, {}, [_nested_too_deep(rel, first_line)]
    bound = _beyond_bounds(rel, values, first_line)
    if bound is not None:
        return {}, {}, [bound]
    key_lines: dict[str, int] = {}
    for offset, line in enumerate(toml_text.split("\n")):
        if line.lstrip().startswith("["):  # keys after a [table] header are that table's
            break
        key = toml_key_of(line)
        if key is not None:
            key_lines.setdefault(key, first_line + offset)
    return values, key_lines, []


def _beyond_bounds(rel: str, values: dict, first_line: int) -> Problem | None:
    """The YAML path's limits, for values parsed without a node tree (TOML)."""
    stack, count = [(values, 1)], 0
    while stack:
        value, depth = stack.pop()
        count += 1
        if count > MAX_FRONT_MATTER_NODES:
            return error(rel, first_line, "front-matter-too-large", "the front-matter is too large")
        if isinstance(value, (dict, list)):
            if depth > MAX_FRONT_MATTER_DEPTH:
                return _nested_too_deep(rel, first_line)
            stack += [(item, depth + 1) for item in (value.values() if isinstance(value, dict) else value)]
    return None


def _nested_too_deep(rel: str, line: int) -> Problem:
    return error(rel, line, "front-matter-too-deep", f"values are nested more than {MAX_FRONT_MATTER_DEPTH} levels deep")


# Marks that can open a level: '[', '{', '?', '-' before a blank (a list item) and ':' before
# a blank (a mapping's value). Inside '[' or '{' libyaml takes any ':' as a value, so then
# every ':' counts. Not counted: the '-' and ':' of dates and times, which open nothing.
_OPENERS = re.compile(r"[\[{?]|-(?=[ \t\n]|$)")
_VALUE_MARK = re.compile(r":(?=[ \t\n]|$)")


def _nesting_bound(yaml_text: str) -> int:
    """No front-matter nests deeper than this (a count of the marks that can open a level)."""
    flow = "[" in yaml_text or "{" in yaml_text
    values = yaml_text.count(":") if flow else len(_VALUE_MARK.findall(yaml_text))
    return len(_OPENERS.findall(yaml_text)) + values


def _too_deep(rel: str, yaml_text: str, first_line: int) -> Problem | None:
    """Refuse deep nesting from the event stream, before libyaml's composer recurses
    once per level (200,000 '[' overflow the C stack: a segfault, not an error)."""
    if _nesting_bound(yaml_text) < MAX_FRONT_MATTER_DEPTH:  # the usual case: nothing to walk
        return None
    depth = 0
    try:
        for event in yaml.parse(yaml_text, Loader=_SafeLoader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_FRONT_MATTER_DEPTH:
                    return _nested_too_deep(rel, first_line + event.start_mark.line)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # composing reports it, with its line
    return None


def _value_problem(rel: str, root: yaml.MappingNode, first_line: int, exc: Exception) -> Problem:
    """Name the key whose value could not be constructed, on its own line."""
    for key_node, value_node in root.value:
        loader = _SafeLoader("")
        try:
            loader.construct_document(value_node)
        except (ValueError, OverflowError, yaml.YAMLError):
            line = first_line + value_node.start_mark.line
            if value_node.tag == "tag:yaml.org,2002:timestamp":
                try:  # our own reading says what is wrong in an editor's words ("02/2026 has 28 days")
                    parse_written(value_node.value)
                except ImpossibleDate as impossible:
                    return error(rel, line, "bad-date", f"'{value_node.value}' is not a date: {impossible}")
                except ValueError:
                    pass
                offset = re.search(r"[+-]\d{2}:?\d{2}$", value_node.value)
                if offset:  # (Python says "offset must be a timedelta strictly between …")
                    return error(rel, line, "bad-date", f"'{value_node.value}' is not a date: there is no offset "
                                                        f"{offset.group()}")
                return error(rel, line, "bad-date", f"'{value_node.value}' is not a date that exists ({exc}); "
                                                    "write e.g. 2026-01-21")
            return error(rel, line, "bad-value", f"the value of '{key_node.value}' cannot be read: {exc}")
        finally:
            loader.dispose()
    return error(rel, first_line, "bad-value", f"a front-matter value cannot be read: {exc}")


def _check_nodes(rel: str, root: yaml.Node, first_line: int) -> list[Problem]:
    """Refuse aliases (billion-laughs bombs), duplicate keys and huge trees
    (deep ones never get here: _too_deep refused them before composing)."""
    seen: set[int] = set()
    stack = [root]
    count = 0
    while stack:
        node = stack.pop()
        count += 1
        line = first_line + node.start_mark.line
        if id(node) in seen:
            return [error(rel, line, "yaml-alias", "YAML anchors and aliases (&, *) are not allowed in front-matter")]
        seen.add(id(node))
        if count > MAX_FRONT_MATTER_NODES:
            return [error(rel, line, "front-matter-too-large", "the front-matter is too large")]
        if isinstance(node, yaml.MappingNode):
            keys: dict = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
                if key in keys:
                    return [error(rel, first_line + key_node.start_mark.line, "duplicate-key",
                                  f"'{key}' is given twice (first on line {keys[key]})")]
                keys[key] = first_line + key_node.start_mark.line
                stack += [key_node, value_node]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    return []
