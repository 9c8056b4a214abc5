"""A new article: `python build.py new "Tiêu đề" --category … --unit …`, or made from a
Word report with `--from bao-cao.docx` (its title, text, tables and photos; word_import.py);
a new page of its own (Giới thiệu, Liên hệ) with `new --page "Tiêu đề"` (standalone.py).
A typed article's body is its category's archetype (`archetypes/<category>.md`, else
`archetypes/default.md`, as Hugo's archetypes are), else a line to replace.

Owns turning a title and the editor's choices into a new article bundle
(content/<category>/<slug>/index.md) with complete front-matter: the slug
from the Vietnamese title, the current date and time in the site's time
zone, and `draft: true`. Checks category, unit and campaigns against
site.toml (with "did you mean" hints) and never overwrites an article.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Mapping, Sequence

import yaml

from generator import content, index, messages, routes, standalone, styled_letters
from generator.cache import BuildCache
from generator.config import load_config
from generator.diagnostics import Problem, error, seen_from_here, sort_problems
from generator.model import SiteConfig, Term
from generator.index import in_capitals, shorten_slug
from generator.saved_text import as_utf8, decode, unix_line_ends
from generator.terms import match_term, unknown_term
from generator.vietnamese import nfc, slugify, windows_safe_slug
from generator.word_import import (MAX_PART_BYTES, NotAWordDocument, WordArticle, oversized_part, read_word,
                                   why_not_readable)


@dataclass(frozen=True)
class NewArticle:
    title: str
    category: str  # declared slugs
    units: tuple[str, ...]  # the unit that writes it first
    campaigns: tuple[str, ...]
    slug: str
    moment: datetime | date  # a day alone: the date a Word report's dateline gives

    @property
    def path(self) -> str:
        """Site-relative path of the bundle's Markdown file."""
        return f"{content.CONTENT_DIR}/{self.category}/{self.slug}/index.md"


@dataclass(frozen=True)
class NewPage:
    """A page of its own: content/trang/<slug>/index.md, its photos beside it."""
    title: str
    slug: str

    @property
    def path(self) -> str:
        return f"{standalone.PAGES_DIR}{self.slug}/index.md"


def _title_and_slug(title: str, problems: list[Problem]) -> tuple[str, str]:
    if is_mangled(title):
        problems.append(error("title", 0, "bad-title", "the title is not text as typed: the terminal sent bytes that are "
                                                      "not UTF-8 (set it to UTF-8, or write the title in the file)"))
        return "", ""
    title = " ".join(styled_letters.plain(typed_text(title)).split())
    slug = windows_safe_slug(shorten_slug(slugify(title)))
    if not title:
        problems.append(error("title", 0, "bad-title", "give the article's title: python build.py new \"Tiêu đề\" …"))
    elif not slug:
        problems.append(error("title", 0, "bad-title", "the title has no letters or digits to make a URL from"))
    return title, slug


def is_mangled(text: str) -> bool:
    """Does text from the command line hold bytes that were not UTF-8 (Python keeps them as
    lone surrogates, which no file can be written with)?"""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def typed_text(value: str | None) -> str:
    """Text typed on the command line as the editor meant it: NFC, spaces as one, without
    control characters (invisible leftovers of a paste; C1 ones, of text decoded as Latin-1).
    A line break or a tab (a title copied from Word) parts words, as a space does."""
    return " ".join(nfc("".join(" " if ch.isspace() else ch for ch in value or "" if not _is_control(ch)
                                or ch.isspace())).split())


def _is_control(ch: str) -> bool:
    return ch < " " or "\x7f" <= ch <= "\x9f"


# What YAML does not allow unescaped in a document (its printable set is narrower than JSON's).
_NOT_YAML_PRINTABLE = re.compile("[\x7f-\x84\x86-\x9f\ufffe\uffff]")


def yaml_text(value: str) -> str:
    """A YAML double-quoted scalar of any text: JSON's escapes are YAML's, for what JSON leaves
    as it is and YAML refuses (DEL, C1 controls) as well."""
    return _NOT_YAML_PRINTABLE.sub(lambda found: f"\\u{ord(found.group()):04x}", json.dumps(value, ensure_ascii=False))


def plan_article(config: SiteConfig, title: str, category: str, units: Sequence[str], campaigns: Sequence[str],
                 moment: datetime) -> tuple[NewArticle | None, list[Problem]]:
    """Check the editor's choices; every problem at once."""
    problems: list[Problem] = []
    title, slug = _title_and_slug(title, problems)
    category_slug = _choose(config.categories, "category", category, problems)
    unit_slugs = _choose_each(config.units, "unit", units or [""], problems)
    campaign_slugs = _choose_each(config.campaigns, "campaign", campaigns, problems)
    if problems:
        return None, problems
    return NewArticle(title, category_slug, unit_slugs, campaign_slugs, slug, moment), []


def _choose_each(terms: Mapping[str, Term], kind: str, wanted: Sequence[str], problems: list[Problem]) -> tuple[str, ...]:
    """The slugs of the terms named, each once, in the order given."""
    slugs: list[str] = []
    for name in wanted:
        found = _choose(terms, kind, name, problems)
        if found and found not in slugs:
            slugs.append(found)
    return tuple(slugs)


def plan_page(config: SiteConfig, title: str, terms_given: bool) -> tuple[NewPage | None, list[Problem]]:
    """A page of its own from its title; `terms_given`: the editor gave --category, --unit or --campaign."""
    problems: list[Problem] = []
    title, slug = _title_and_slug(title, problems)
    if terms_given:
        problems.append(error("--page", 0, "page-has-no-terms", "a page of its own has no category, unit or "
                                                               "campaigns: leave out --category, --unit and --campaign"))
    page = NewPage(title, slug)
    taken = standalone.taken_by_site(config, slug) if slug else None
    if taken:
        problems.append(error("title", 0, "page-url-taken", taken))
    return (None if problems else page), problems


def _choose(terms: Mapping[str, Term], kind: str, wanted: str, problems: list[Problem]) -> str:
    if not wanted.strip() and len(terms) == 1:  # (a new portal declares its own unit alone: no choice to make)
        return next(iter(terms))
    if not wanted.strip():
        choices = "; ".join(f"{slug} ({term.name})" for slug, term in terms.items())
        problems.append(error(f"--{kind}", 0, "missing-choice",
                              f"choose the article's {kind} with --{kind}, by its key or name: {choices}"
                              if terms else f"site.toml declares no {kind}: add one first"))
        return ""
    found = match_term(terms, wanted)
    if found is None:
        problems.append(error(f"--{kind}", 0, f"unknown-{kind}", unknown_term(terms, kind, wanted)))
        return ""
    return found


def existing_articles(site_dir: Path, config: SiteConfig, new: NewArticle,
                      cache: BuildCache | None = None) -> list[str]:
    """Files that already are, or would publish at, the new article's URL (`cache`: the build
    cache, read for what the builds read of the files unchanged since)."""
    return _clashes(site_dir, (new.path, f"{content.CONTENT_DIR}/{new.category}/{new.slug}.md"),
                    routes.article_url(new.category, new.slug), index.checked_reader(config, cache), cache)


def _clashes(site_dir: Path, paths: Sequence[str], url: str, read, cache: BuildCache | None = None) -> list[str]:
    """Those of `paths` (site-relative) that exist, and every Markdown file that `read`
    (a SourceFile → its Article or None) finds published at `url`."""
    clashes = {path for path in paths if (site_dir / path).exists()}
    sources, _ = content.load_content(site_dir, cache, scan_body=content.no_body)  # an address is front-matter
    for source in sources:
        found = read(source)
        if found is not None and found.url == url:
            clashes.add(source.path)
    return sorted(clashes)


def _key(slug: str) -> str:
    """A term's key as YAML reads it back: bare, but in quotes where YAML would read another
    type (a key "113" or "2025" is a number, "no" a boolean, "2025-01-01" a date)."""
    try:
        same = yaml.safe_load(slug) == slug
    except yaml.YAMLError:
        same = False
    return slug if same else yaml_text(slug)


def _written_moment(moment: datetime | date) -> str:
    """2026-01-21T09:30:00, or 2026-01-21 for a day alone (the page then shows no hour)."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S") if isinstance(moment, datetime) else moment.isoformat()


def front_matter(new: NewArticle, body: str | None = None) -> str:
    # yaml_text: any title round-trips; _key: a term's key stays text.
    lines = ["---",
             f"title: {yaml_text(new.title)}",
             f"date: {_written_moment(new.moment)}",
             f"unit: {_key(new.units[0])}" if len(new.units) == 1 else f"unit: [{', '.join(map(_key, new.units))}]",
             f"category: {_key(new.category)}",
             f"campaigns: [{', '.join(map(_key, new.campaigns))}]",
             'author: ""',
             'summary: ""',
             "draft: true",
             "---",
             "",
             body.rstrip("\n") if body else _PLACEHOLDER,
             ""]
    return "\n".join(lines)


# What `new` writes for the body to replace: in the portal's language whatever the messages'
# (--lang en wrote "Write the article here." into a Vietnamese article).
_PLACEHOLDER = messages.text("new-body", "vi")


def existing_pages(site_dir: Path, config: SiteConfig, new: NewPage, cache: BuildCache | None = None) -> list[str]:
    """Files that already are, or would publish at, the new page's URL."""
    return _clashes(site_dir, (new.path, f"{standalone.PAGES_DIR}{new.slug}.md"), standalone.page_url(new.slug),
                    lambda source: standalone.read_page(config, source)[0] if standalone.is_page_source(source.path)
                    else None, cache)


def page_front_matter(new: NewPage, body: str | None = None) -> str:
    # Every key a page reads, so an editor sees them: `menu: true` puts it in the header too.
    lines = ["---", f"title: {yaml_text(new.title)}", "weight: 0", "menu: false", 'summary: ""',
             "draft: true", "---", "", body.rstrip("\n") if body else _PLACEHOLDER, ""]
    return "\n".join(lines)


def create_article(site_dir: Path, config: SiteConfig, new: NewArticle | NewPage, lang: str,
                   word: WordArticle | None = None, cache_dir: Path | None = None,
                   body: str | None = None) -> list[Problem]:
    """Write the new article (or page). `cache_dir`: the build cache, read (never written) to
    find an address already taken without reading every article again. `body`: its archetype's
    (a Word document's wins)."""
    is_page = isinstance(new, NewPage)
    cache = BuildCache(cache_dir, read_only=True)
    clashes = (existing_pages(site_dir, config, new, cache) if is_page
               else existing_articles(site_dir, config, new, cache))
    folder = Path(new.path).parent
    # A photo left in the folder (an import whose index.md was deleted) is never overwritten either.
    url = standalone.page_url(new.slug) if is_page else routes.article_url(new.category, new.slug)
    # (another file publishing at the new one's address is no file `new` would overwrite: it was told
    # "… đã có; không ghi đè", of a file the editor never asked to write)
    refused = [_exists(path, is_page, None if path == new.path else url) for path in clashes]
    refused += [_exists((folder / photo.name).as_posix(), is_page) for photo in (word.photos if word else ())
                if (site_dir / folder / photo.name).exists()]
    if refused:
        return refused
    target = site_dir / new.path
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # "x": never overwrite, even in a race. The photos first: the article never names a missing one.
        for photo in word.photos if word else ():
            with open(target.parent / photo.name, "xb") as handle:
                handle.write(photo.data)
        body = word.body if word else body
        text = page_front_matter(new, body) if is_page else front_matter(new, body)
        data = text.encode("utf-8")  # (before the file is made: a text that cannot be written leaves none)
        with open(target, "xb") as handle:
            handle.write(data)
    except FileExistsError as exc:  # made meanwhile by someone else
        return [_exists(Path(exc.filename).relative_to(site_dir).as_posix() if exc.filename else new.path, is_page)]
    except OSError as exc:  # a read-only or locked folder, a file where its folder goes
        return [cannot_write(new.path, exc)]
    return []


def _exists(path: str, is_page: bool, url: str | None = None) -> Problem:
    """`url`: the new one's address, which the file at `path` publishes already."""
    kind = "page" if is_page else "article"
    if url is not None:
        # ("has", not "is published at": a draft there, never published, takes the address as well)
        return error(path, 0, "article-exists", f"{path} has the address {url} already, the new {kind}'s; pick "
                                                f"another title or edit that {kind}")
    return error(path, 0, "article-exists", f"{path} already exists; pick another title or edit that {kind}")


def cannot_write(shown: str, exc: OSError) -> Problem:
    """A file `new` or `init` could not write, with the system's reason."""
    where = f" ({Path(exc.filename).as_posix()})" if exc.filename else ""
    return error(shown, 0, "cannot-write", f"cannot be written: {exc.strerror or exc}{where}")


ARCHETYPES_DIR = "archetypes"


def read_archetype(site_dir: Path, category: str) -> tuple[str | None, str | None, list[Problem]]:
    """(body, its path) of the skeleton a new article of `category` starts from: the steps,
    papers, time and fee a "Hướng dẫn thủ tục" always gives, say. (None, None) without one
    (an empty file is none).
    The build never reads archetypes/: editing one changes no published page."""
    for name in (f"{category}.md", "default.md"):
        shown = f"{ARCHETYPES_DIR}/{name}"
        try:
            data = as_utf8((site_dir / ARCHETYPES_DIR / name).read_bytes())
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            continue
        except OSError as exc:
            return None, shown, [error(shown, 0, "archetype-unreadable", f"cannot be read ({exc.strerror or exc})")]
        body, line = decode(data)
        if body is None:
            return None, shown, [error(shown, line, "not-utf8", "the file is not UTF-8 text")]
        body = unix_line_ends(body)
        if not body.strip():  # (an empty file is no skeleton: the next, or the line to replace)
            continue
        if body.lstrip("\ufeff").startswith(("---", "+++")):
            return None, shown, [error(shown, 1, "archetype-front-matter",
                                       "an archetype is the body of a new article only: `new` writes the "
                                       "front-matter itself (title, date, unit, category); delete these lines")]
        return body.strip("\n") + "\n", shown, []
    return None, None, []


def _read_word(path: Path) -> tuple[WordArticle | None, list[Problem]]:
    shown = str(path)
    if not path.is_file():
        return None, [error(shown, 0, "word-not-found", "no such file")]
    if path.suffix.lower() != ".docx":
        return None, [error(shown, 0, "not-a-word-document",
                            "only .docx is read; open it in Word and save it as a .docx (Word Document)")]
    oversized = oversized_part(path)
    if oversized is not None:
        return None, [error(shown, 0, "not-a-word-document", (
            f"a part of this file, {oversized[0]}, unpacks to {oversized[1] / 1048576:,.0f} MB, more than a Word report "
            f"holds ({MAX_PART_BYTES // 1048576} MB at most): it is damaged, or made to fill the computer's memory; "
            "do not open it, ask its sender for the report again"))]
    try:
        word = read_word(path)
    except PermissionError:
        return None, [error(shown, 0, "word-not-readable", "this file may not be read (permission denied); copy it "
                                                            "into a folder of yours first")]
    except NotAWordDocument:
        return None, [error(shown, 0, "not-a-word-document", why_not_readable(path))]
    if not word.body.strip() and not word.photos:
        return None, [error(shown, 0, "empty-document", "the document holds no text or photo to make an article of")]
    return word, []


def unit_from_header(config: SiteConfig, word: WordArticle | None) -> str | None:
    """The unit an official document's header names as its issuer: the lowest line of the
    header's first column that names a declared unit ("PHÒNG CẢNH SÁT GIAO THÔNG" under
    "CÔNG AN TỈNH HƯNG YÊN"), or None."""
    for line in reversed(word.issuer_lines if word is not None else ()):
        found = match_term(config.units, line)
        if found is not None:
            return found
    return None


def run_new(args, site_dir: Path) -> int:
    lang = args.lang
    site_config, problems = load_config(site_dir)
    # site.toml's warnings (a new portal's footer without its hotline yet) are told, and the
    # article is made all the same: only an error stops it.
    config_warnings = [problem for problem in problems if not problem.is_error]
    problems = [problem for problem in problems if problem.is_error]
    word, new, from_header = None, None, None
    if site_config is not None and args.from_word is not None:
        word, problems = _read_word(args.from_word)
    if site_config is not None and not problems:
        title = args.title or (word.title if word else "")
        now = datetime.now(site_config.zone).replace(microsecond=0)
        dated = word is not None and word.written_date is not None and word.written_date < now.date()
        if args.page:
            new, problems = plan_page(site_config, title, bool(args.category or args.unit or args.campaign))
        else:
            from_header = None if args.unit else unit_from_header(site_config, word)  # (a unit given wins)
            # A report written on an earlier day is news of that day (today's keeps the hour of now).
            new, problems = plan_article(site_config, title, args.category,
                                         args.unit or ([from_header] if from_header else []), args.campaign,
                                         word.written_date if dated else now)
    skeleton, skeleton_path = None, None
    if isinstance(new, NewArticle) and word is None:
        skeleton, skeleton_path, problems = read_archetype(site_dir, new.category)
        new = None if problems else new
    if new is not None:
        problems = create_article(site_dir, site_config, new, lang, word, args.cache_to_read, skeleton)
    for line in messages.describe_all(seen_from_here(sort_problems(config_warnings + problems), site_dir), lang):
        print(line, file=sys.stderr)
    if problems:
        return 1
    # (the command to copy names the site when it is not the folder the editor is in)
    elsewhere = site_dir != Path.cwd().resolve()
    print(messages.text("created", lang, path=new.path, site=f" --site {messages.command_path(args.site)}" if elsewhere else ""))
    if skeleton_path is not None:
        print(messages.text("from-archetype", lang, archetype=skeleton_path))
    if word is not None:
        print(messages.text("imported", lang, title=new.title, photos=len(word.photos)))
        if word.skipped_drawings:
            print(messages.text("drawings-skipped", lang, n=word.skipped_drawings))
        if word.left_out_header:
            print(messages.text("header-left-out", lang))
        if word.legacy_runs:
            print(messages.text("legacy-fonts-converted", lang, n=messages.number(word.legacy_runs, lang)))
        if word.left_out_signature:
            print(messages.text("signature-left-out", lang))
        if dated:
            print(messages.text("date-from-dateline", lang, dateline=word.dateline,
                                day=word.written_date.strftime("%d/%m/%Y")))
        if from_header is not None:
            print(messages.text("unit-from-header", lang, unit=site_config.units[from_header].name))
    if in_capitals(new.title):  # (typed or the document's: the build warns again until it is changed)
        print(messages.text("title-in-capitals-new", lang, path=new.path))
    return 0
