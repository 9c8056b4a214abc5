"""SourceFile records → Article records → Site.

Owns the meaning of front-matter: required fields, types, dates, the unit, category and
campaigns (named as terms.py reads them), slugs and URLs, and refusing two articles at
one URL. Reads no files and renders nothing.
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timezone, tzinfo
from typing import Any, Callable, Collection, Iterable, Mapping

from generator.article_digests import KnownDigest, early_digest, known_digest
from generator.cache import BuildCache, digest
from generator.config import parse_focus
from generator.content import yaml_quoted
from generator.diagnostics import Problem, error, kind_of, suggest, warning
from generator.markup import plain_summary
from generator.memo import Memo, recall
from generator.model import (FRONT_MATTER_KEYS, NO_COVER, PAGE_ONLY_KEYS, PAGES_DIR, Article, Cover, SiteConfig,
                             SourceFile, evolve, frozen_map)
from generator.sanitize import XML_FORBIDDEN
from generator.vietnamese import is_device_name, nfc, slugify, windows_safe_slug
from generator.written_dates import ImpossibleDate, WrongWeekday, parse_written
from generator import aliases as aliases_stage, legacy_fonts, picked_related, routes
from generator.publishing_keys import publishing_key_problem
from generator.terms import resolve_campaigns, resolve_term, resolve_units

# What other generators (Hugo, Pelican, Zola, WordPress exports) call our keys: an editor who
# brings their habit is told our word, where spelling alone would suggest a wrong one.
_OTHER_NAMES = {"description": "summary", "excerpt": "summary", "lastmod": "updated", "modified": "updated",
                "categories": "category", "pinned": "featured", "sticky": "featured", "cover": "image",
                "thumbnail": "image", "featured_image": "image", "authors": "author", "tags": "campaigns",
                "keywords": "campaigns", "url": "slug", "permalink": "slug", "expirydate": "expires",
                "expiry_date": "expires", "publishdate": "date", "related_posts": "related",
                "related_articles": "related", "see_also": "related",
                "status": "draft", "published": "draft"}  # (when it withholds nothing: publishing_keys.py)
# The keys named in Vietnamese, by their slug ("Tiêu đề" → tieu-de): front-matter keys are
# English, as in every generator, and an editor writing "tiêu đề:" is told which one.
_VIETNAMESE_NAMES = {"tieu-de": "title", "ngay": "date", "ngay-dang": "date", "thoi-gian": "date", "don-vi": "unit",
                     "chuyen-muc": "category", "danh-muc": "category", "phong-trao": "campaigns",
                     "chien-dich": "campaigns", "tac-gia": "author", "nguoi-viet": "author", "tom-tat": "summary",
                     "sapo": "summary", "duong-dan": "slug", "ban-nhap": "draft", "nhap": "draft",
                     "noi-bat": "featured", "tin-noi-bat": "featured", "anh": "image", "anh-bia": "image",
                     "anh-dai-dien": "image", "chu-thich-anh": "image_caption", "het-han": "expires",
                     "ngay-het-han": "expires", "cap-nhat": "updated", "ngay-cap-nhat": "updated",
                     "tin-lien-quan": "related", "bai-lien-quan": "related"}


@dataclass(frozen=True)
class IndexOptions:
    drafts: bool = False  # include `draft: true` articles
    future: bool = False  # include articles dated after `now` (scheduled)
    expired: bool = False  # include articles whose `expires` has passed (the `list` command)
    now: datetime | None = None  # the moment of the build; None means the current time


# A file name may have 255 bytes; a longer title (a pasted report heading) still
# make readable URLs, cut at a word boundary.
MAX_SLUG = 200


def shorten_slug(slug: str) -> str:
    if len(slug) <= MAX_SLUG:
        return slug
    head = slug[:MAX_SLUG + 1]
    return head.rsplit("-", 1)[0] if "-" in head else head[:MAX_SLUG]


def index_articles(config: SiteConfig, sources: Iterable[SourceFile], options: IndexOptions = IndexOptions(),
                   horizon: list | None = None, memo: Memo | None = None, cache: BuildCache | None = None,
                   known: dict[str, KnownDigest] | None = None,
                   reasons: dict[str, str] | None = None,
                   expired_addresses: set[str] | None = None) -> tuple[list[Article], dict[str, int], list[Problem]]:
    """Validate every source; return the published articles newest first.

    `horizon`, when given, receives the next moment the schedule changes what
    is published (a scheduled article comes due or one expires), or None.
    With a `cache` (and no memo), an unchanged file's checked article comes
    from the last build's, and `known`, when given, receives its kept digest
    (source path → KnownDigest; article_digests.py). `reasons`, when given, receives why each
    valid article left out is (source path → leave_out_reason: a link to an expired one is
    not told as a link to a draft); `expired_addresses`, the addresses (URL and aliases) of the
    expired ones: a link to one by its address is told as expired, not as leading nowhere.
    """
    articles, problems = [], []
    left_out = {"draft": 0, "future": 0, "expired": 0}
    now = options.now or datetime.now(config.zone)
    url_lines = {}
    slugs_written: set[str] = set()  # (find_collisions': a slug written is no title's)
    valid: list[Article] = []  # published or not: a pick may name a draft
    changes: list[datetime] = []
    checked = _CheckedArticles(config, cache if memo is None else None, known)
    with_lists: dict[str, SourceFile] = {}  # of the articles with aliases or picks: the lines of their items
    for source in sources:
        if slug_given(source.front):
            slugs_written.add(source.path)
        url_lines[source.path] = url_line(source)
        article, found = recall(memo, "articles", source.path, (config, source),
                                lambda: checked.read(source))
        problems += found
        if article is None:
            continue
        valid.append(article)
        if article.aliases or article.related:
            with_lists[source.path] = source
        reason = leave_out_reason(article, options, now)
        if reason != "draft":
            changes += [moment for moment in (article.date if not options.future else None, article.expires)
                        if moment is not None and moment > now]
        if reason:
            left_out[reason] += 1
            # (a draft past its `expires` is expired too: it never comes back, and check, which
            # reads drafts, calls it so; a link to it loses its address, not the build, be it
            # by its file or by its address)
            expired = article.expires is not None and article.expires <= now
            if reasons is not None:
                reasons[source.path] = "expired" if expired else reason
            if expired_addresses is not None and expired:
                expired_addresses.update((article.url, *article.aliases))
            continue
        if article.updated is not None and article.updated > now:  # (a mistyped year, most likely)
            problems.append(warning(source.path, source.line_of("updated"), "updated-in-future",
                                    f"'updated' ({article.updated:%d/%m/%Y %H:%M}) is later than now: readers "
                                    "would see an update that has not happened; check the year"))
        articles.append(article)
    checked.save()
    problems += find_collisions(articles, url_lines, slugs_written)
    problems += aliases_stage.find_alias_collisions(config, articles, with_lists)
    if any(article.related for article in valid):
        problems += picked_related.check(valid, with_lists, config.base_url)
    articles.sort(key=article_order)
    if horizon is not None:
        horizon.append(min(changes, default=None))
    return articles, {k: v for k, v in left_out.items() if v}, problems


ARTICLES_STATE = "articles"


class _CheckedArticles:
    """read_article, or its last answer for a file with the same bytes under the
    same config (reading and checking 10,000 front-matters takes ~0.3 s, loading
    their answers ~0.1 s). Each answer keeps its problems, so warnings are shown
    on every build."""

    def __init__(self, config: SiteConfig, cache: BuildCache | None, known: dict[str, KnownDigest] | None = None):
        self.config = config
        self.cache = cache
        self.known_digests = known
        self.config_key = digest(repr(config))
        self.saved = cache.load_map(ARTICLES_STATE) if cache is not None else None
        same_config = self.saved is not None and self.saved.meta == self.config_key
        self.known = self.saved.entries if same_config else {}
        self.entries: dict[str, tuple] = {}

    def read(self, source: SourceFile) -> tuple[Article | None, list[Problem]]:
        entry = self.known.get(source.path)
        if entry is not None and source.digest and entry[0] == source.digest:
            self.entries[source.path] = entry
            if entry[1] is not None and self.known_digests is not None:
                self.known_digests[source.path] = known_digest(entry[1], entry[3])
            return entry[1], list(entry[2])
        article, found = read_article(self.config, source)
        if self.cache is not None and source.digest:
            # Kept without the body: it is loaded again only where a later stage needs it.
            kept, early = None, ""
            if article is not None:
                kept, early = evolve(article, body="", body_loaded=False), early_digest(article)
                if self.known_digests is not None:
                    self.known_digests[source.path] = known_digest(article, early)
            self.entries[source.path] = (source.digest, kept, tuple(found), early)
        return article, found

    def save(self) -> None:
        if self.cache is not None:
            self.cache.save_map(ARTICLES_STATE, self.saved, self.entries, self.config_key)


def checked_reader(config: SiteConfig, cache: BuildCache | None) -> Callable[[SourceFile], Article | None]:
    """read_article's article of a source, or the builds' answer for a file with the same bytes
    under the same config when the cache has one (`new`, to find an address taken). Saves nothing."""
    checked = _CheckedArticles(config, cache)
    return lambda source: checked.read(source)[0]


def leave_out_reason(article: Article, options: IndexOptions, now: datetime) -> str | None:
    """Why a valid article is not published now: a draft, scheduled, or expired."""
    if article.draft and not options.drafts:
        return "draft"
    if article.date > now and not options.future:
        return "future"
    if article.expires is not None and article.expires <= now and not options.expired:
        return "expired"
    return None


def nothing_published(articles: list[Article], left_out: Mapping[str, int], now: datetime,
                      next_change: datetime | None) -> list[Problem]:
    """A warning when articles there are and not one is published, for some are scheduled or
    expired (drafts alone are a new portal's, no mistake): a build whose moment is wrong (a CI job's
    SOURCE_DATE_EPOCH of long ago, a machine's clock) published an empty portal, exit 0; `--strict`
    stops it here. `next_change`: when the first scheduled one comes due (index_articles's horizon)."""
    if articles or not (left_out.get("future") or left_out.get("expired")):
        return []
    first = f" (the first at {next_change.astimezone(now.tzinfo):%Y-%m-%d %H:%M})" if left_out.get("future") and next_change else ""
    return [warning("content", 0, "nothing-published",
                    f"no article is published at this build's moment, {now:%Y-%m-%d %H:%M}: "
                    f"{left_out.get('future', 0)} scheduled for later{first}, {left_out.get('expired', 0)} expired; "
                    "if that moment is wrong, check the SOURCE_DATE_EPOCH the build was given, or the machine's clock")]


def article_order(article: Article) -> tuple:
    """Newest first; ties broken by URL so the order never depends on the disk."""
    return (-article.date.timestamp(), article.url)


def unknown_key(source: SourceFile, key: Any, hint: str | None) -> Problem:
    """The warning for a front-matter key nothing reads (an article's or a page's)."""
    return warning(source.path, source.line_of(key), "unknown-key",
                   f"unknown front-matter key '{key}'" + (f"; did you mean '{hint}'?" if hint else ""))


def check_summary_placeholder(summary: str, draft: bool, fail) -> None:
    """README's `summary: "…"` (a page's example) kept as written: the lead under the title and the
    description search engines and shared links show would be an ellipsis."""
    if summary.strip() in ("…", "...") and not draft:
        fail("summary", "placeholder-text", "the summary is README's placeholder '…': write one or two sentences "
                                            "(or leave summary out: the first paragraph is used)")


def error_adder(source: SourceFile, problems: list[Problem]) -> Callable[..., None]:
    """`fail(key, code, message, item=None)`: adds to `problems` an error at the line of
    front-matter `key` in `source` (of its `item`-th entry, for a list written one per line)."""
    def fail(key: str, code: str, message: str, item: int | None = None) -> None:
        problems.append(error(source.path, source.line_of(key, item), code, message))
    return fail


def read_article(config: SiteConfig, source: SourceFile) -> tuple[Article | None, list[Problem]]:
    fm, problems = source.front, []
    fail = error_adder(source, problems)

    for key in fm:
        if key in PAGE_ONLY_KEYS:
            problems.append(warning(source.path, source.line_of(key), "page-key-on-article",
                                    f"'{key}' is read only on a page of its own, in {PAGES_DIR} (Giới thiệu, "
                                    "Liên hệ); an article is listed by its category and date"))
        elif key not in FRONT_MATTER_KEYS:
            named = _OTHER_NAMES.get(str(key).lower()) or _VIETNAMESE_NAMES.get(slugify(str(key)))
            spelt = None if named else suggest(key, FRONT_MATTER_KEYS)
            # (publishDate, status: draft, expire: …: a warning alone left the article published)
            problems.append(publishing_key_problem(source, key, fm[key], misspelling_of=spelt)
                            or unknown_key(source, key, named or spelt))
    for key, text in source.unread.items():
        read_as = "an anchor name" if text.startswith("&") else "a comment"
        shown, fixed = (text, f"{key}: {yaml_quoted(text)}") if len(text) <= 200 else (text[:60] + "…", f"{key}: \"…\"")
        problems.append(warning(source.path, source.line_of(key), "lost-value",
                                f"'{key}' has no value: YAML reads '{shown}' as {read_as}; to keep the text, "
                                f"put it in quotes: {fixed}"))

    title = _text(fm, "title", fail, required=True)
    authors = _names(fm, "author", fail)
    author = ", ".join(authors)
    summary = plain_summary(_text(fm, "summary", fail) or "")
    for key, text in (("title", title), ("summary", summary)):
        if text and legacy_fonts.legacy_paragraphs(text):
            problems.append(warning(source.path, source.line_of(key), "old-font-text",
                                    f"the {key} reads as text typed in an old Vietnamese font (TCVN3 .VnTime or "
                                    f"VNI-Times), '{text[:60]}': convert it to Unicode (Unikey: Ctrl+Shift+F6)"))
        elif text and (meant := legacy_fonts.misread(text)) is not None:
            problems.append(warning(source.path, source.line_of(key), "garbled-text",
                                    f"the {key} reads as text that the old portal's database or export read in another "
                                    f"encoding, as Windows-1252, '{text[:60]}', which says '{meant[:60]}': write it so"))
    if title and in_capitals(title):
        problems.append(warning(source.path, source.line_of("title"), "title-in-capitals",
                                "the title is written in capitals: lists, search results and shared links read "
                                "it more easily as a sentence, with capitals where names need them "
                                "('Công an tỉnh ra quân …')"))
    draft = _flag(fm, "draft", fail)
    check_summary_placeholder(summary, draft, fail)
    featured = _flag(fm, "featured", fail)
    moment, has_time = parse_date(fm.get("date"), config.zone, lambda m: fail("date", "bad-date", m))
    if "date" not in fm:
        fail("date", "missing-field", "'date' is required (e.g. date: 2026-01-21T09:30:00)")
    elif fm["date"] is None:  # `date:` left empty, as `new` wrote it, to fill in later
        fail("date", "missing-field", "'date' must not be empty (e.g. date: 2026-01-21T09:30:00)")
    expires, _ = parse_date(fm.get("expires"), config.zone,
                            lambda m: fail("expires", "bad-date", m.replace("'date'", "'expires'")))
    updated, updated_has_time = parse_date(fm.get("updated"), config.zone,
                                           lambda m: fail("updated", "bad-date", m.replace("'date'", "'updated'")))
    if updated is not None and moment is not None:
        # A day without a time is "some time that day": the day of publication adds nothing.
        early = updated < moment if updated_has_time else updated.date() < moment.date()
        if early:
            shown = "%d/%m/%Y %H:%M" if updated_has_time else "%d/%m/%Y"
            fail("updated", "updated-before-date", f"'updated' ({updated:{shown}}) is before 'date' "
                                                   f"({moment:{shown}}); it says when the article last changed")
        elif updated <= moment:
            updated = None
    if "expires" in fm and fm["expires"] is None and "expires" not in source.unread:
        # A take-down begun and not finished: read as no `expires`, the article stayed online, told nothing.
        problems.append(warning(source.path, source.line_of("expires"), "expires-left-empty",
                                "'expires' has no date: the article stays online; write the moment it comes down "
                                "(e.g. expires: 2026-01-31T17:00:00), or delete the line"))
    if expires is not None and moment is not None and expires <= moment:
        problems.append(warning(source.path, source.line_of("expires"), "expires-before-date",
                                "'expires' is not after 'date': the article is never shown"))

    category = resolve_term(config.categories, "category", fm, fail)
    folder = source.path.split("/")[1] if source.path.count("/") > 1 else ""  # content/<folder>/…
    if category and folder != category and folder in config.categories:
        # (moved with `git mv` into another category's folder, meaning to move it: it did not)
        problems.append(warning(source.path, source.line_of("category"), "category-not-folder",
                                f"the article is in the folder of the category '{folder}', but its 'category' is "
                                f"'{category}', which decides where it is published (/{category}/…): move the file, "
                                "or change its 'category'"))
    units = resolve_units(config, fm, fail)
    campaigns = resolve_campaigns(config, fm, fail)

    slug = read_slug(fm, title, fail)
    image = _text(fm, "image", fail) or ""
    image_caption = _text(fm, "image_caption", fail) or ""
    image_focus = _text(fm, "image_focus", fail) or ""
    if image_focus and parse_focus(image_focus) is None:
        fail("image_focus", "bad-focus", f"'image_focus' must be two percentages such as \"50% 30%\", not '{image_focus}'")
    if image_caption and not image:  # (the card's photo is then the body's first, which has a caption of its own)
        problems.append(warning(source.path, source.line_of("image_caption"), "caption-without-image",
                                "'image_caption' is the caption of the cover, and there is no 'image': it is shown "
                                "nowhere; name the cover with image: (image: anh-bia.jpg), or move the caption under "
                                "the photo in the text"))
    extra = fm.get("extra", {})
    if not isinstance(extra, dict):
        fail("extra", "wrong-type", "'extra' must be a mapping of key: value")
        extra = {}

    aliases = aliases_stage.read_aliases(fm.get("aliases"), lambda m, item=None: fail("aliases", "bad-alias", m, item))
    related = picked_related.read(fm.get("related"), source.path, config.base_url,
                                  lambda m, item=None: fail("related", "bad-related", m, item))

    if problems and any(p.is_error for p in problems):
        return None, problems
    url = routes.article_url(category, slug)
    return Article(
        source=source.path, title=title, date=moment, has_time=has_time, units=units,
        category=category, campaigns=campaigns, slug=slug, url=url, author=author,
        authors=authors if len(authors) > 1 else (),
        summary=summary, draft=draft, featured=featured, body=source.body,
        body_line=source.body_line, bundle_dir=source.bundle_dir, extra=frozen_map(extra),
        source_digest=source.digest, body_loaded=source.body_loaded,
        cover=Cover(image, image_caption, image_focus, source.line_of("image") if "image" in fm else 0)
        if image or image_caption or image_focus else NO_COVER,
        expires=expires, updated=updated, aliases=aliases, related=related,
    ), problems


def slug_given(fm: Mapping) -> bool:
    """Whether the front-matter gives a slug: a `slug:` left empty is none given, as every
    other optional key left empty (the URL is then the title's)."""
    value = fm.get("slug")
    return value is not None and not (isinstance(value, str) and not value.strip())


def url_line(source: SourceFile) -> int:
    """The line an article's URL comes from, for a problem with it: its slug's, else its title's."""
    return source.line_of("slug" if slug_given(source.front) else "title")


def read_slug(fm: Mapping, title: str | None, fail) -> str:
    """The 'slug' given, made URL-safe, else one made from the title (shortened); "" when neither gives one."""
    if slug_given(fm):
        raw_slug = _text(fm, "slug", fail)
        slug = slugify(raw_slug or "")
        if raw_slug and not slug:
            fail("slug", "bad-slug", f"'{raw_slug}' gives an empty slug; use letters or digits")
        elif len(slug) > MAX_SLUG:
            fail("slug", "bad-slug", f"the slug is {len(slug)} characters long; keep it under {MAX_SLUG + 1}")
        elif is_device_name(slug):
            fail("slug", "bad-slug", f"'{slug}' is a name Windows keeps for a device: no folder can be called so "
                                     f"there, and a preview on Windows cannot be built; write another, e.g. "
                                     f"slug: {windows_safe_slug(slug)}")
        return slug
    slug = windows_safe_slug(shorten_slug(slugify(title))) if title else ""
    if title and not slug:
        fail("title", "bad-slug", "the title has no letters or digits to make a URL from; add a 'slug'")
    return slug


def parse_date(value: Any, zone: tzinfo, fail) -> tuple[datetime | None, bool]:
    """A YAML date, datetime or Vietnamese 'dd/mm/yyyy [HH:MM]' → aware datetime."""
    if value is None:
        return None, False
    # As the editor wrote it: 0001-01-01 in the site's zone would show as 0001-01-01T00:00:00+07:06:30.
    shown = value if isinstance(value, str) else value.isoformat() if isinstance(value, date) else ""
    if isinstance(value, str):
        try:
            written = parse_written(value)
        except WrongWeekday as wrong:
            fail(str(wrong))
            return None, False
        except ImpossibleDate as impossible:
            fail(f"'{value}' is not a date: {impossible}")
            return None, False
        except ValueError:
            written = None
        if written is None:
            fail(f"'{value}' is not a date; write 2026-01-21, 2026-01-21T09:30:00 or 21/01/2026 09:30")
            return None, False
        value = written
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=zone)
        return _representable(value, zone, fail, shown), True
    if isinstance(value, date):
        return _representable(datetime.combine(value, time(0, 0), tzinfo=zone), zone, fail, shown), False
    fail(f"'date' must be a date, not {kind_of(value)}")
    return None, False


def _representable(moment: datetime, zone: tzinfo, fail, shown: str) -> datetime | None:
    """The moment if it can be shown in the site's zone and in UTC (feeds, sitemaps).
    9999-12-31 in Vietnam is fine; 9999-12-31T23:00-05:00 is year 10000 there."""
    try:
        moment.astimezone(timezone.utc)
        moment.astimezone(zone)
        moment.timestamp()
    except (OverflowError, ValueError):
        fail(f"'{shown}' is beyond the last or before the first date a calendar can show")
        return None
    return moment


def _text(fm: Mapping, key: str, fail, required: bool = False) -> str | None:
    value = fm.get(key)
    if value is None:
        if required:
            fail(key, "missing-field", f"'{key}' is required")
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)  # `title: 2026` is still a title
    if not isinstance(value, str):
        fail(key, "wrong-type", f"'{key}' must be text, not {kind_of(value)}")
        return None
    control = XML_FORBIDDEN.search(value)
    if control is not None:  # YAML lets quotes write one ("\\x0b"); XML forbids it: every feed would break
        fail(key, "bad-value", f"'{key}' holds the invisible control character U+{ord(control.group()):04X}, "
                               "written as a backslash escape in quotes; feeds cannot carry it: delete it")
        return None
    if "&" in value:  # a title exported from an old portal's database: "&quot;Toàn dân…&quot;"
        value = _ENTITY.sub(lambda entity: html.unescape(entity.group()), value)
    value = nfc(value).strip()
    if required and not value:
        fail(key, "missing-field", f"'{key}' must not be empty")
    return value


# An HTML entity with its semicolon: "&quot;", "&#8220;", "&#x201C;". (Without one, html.unescape
# also reads old names inside words: "A&nother" would become "A¬her".)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def in_capitals(text: str) -> bool:
    """A title typed with Caps Lock on, as a report's heading is ("CÔNG AN TỈNH RA QUÂN"):
    a dozen letters or more and none in lower case. (An acronym, "CSGT", is too short.)"""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and not any(c.islower() for c in letters)


def _names(fm: Mapping, key: str, fail) -> tuple[str, ...]:
    """One name, or a list of them (two reporters, as Hugo's `authors` lists them), shown
    as one byline, "Minh Khôi, Thu Hà"."""
    value = fm.get(key)
    names = [_text({key: item}, key, fail) for item in value] if isinstance(value, list) else [_text(fm, key, fail)]
    return tuple(name for name in names if name)


def _flag(fm: Mapping, key: str, fail) -> bool:
    value = fm.get(key, False)
    if not isinstance(value, bool):
        fail(key, "wrong-type", f"'{key}' must be true or false")
        return False
    return value


def find_collisions(articles: Iterable[Article], lines: Mapping[str, int] = {},
                    slugs_written: Collection[str] = ()) -> list[Problem]:
    """Two articles at one URL: report each, naming the other. `slugs_written`: the sources whose
    front-matter writes the slug (no title gave it)."""
    by_url: dict[str, list[Article]] = {}
    for article in articles:
        by_url.setdefault(article.url, []).append(article)
    problems = []
    for url, same in by_url.items():
        if len(same) > 1:
            same.sort(key=lambda a: a.source)
            days = [f"{a.date:%d-%m-%Y}" for a in same]
            renamed = next((a for a in same if device_renamed(a, slugs_written)), None)
            named = [a for a in same if _file_named(a) == a.slug]
            owner = named[0] if len(named) == 1 and renamed is None else None
            for number, article in enumerate(same, start=1):
                others = ", ".join(o.source for o in same if o is not article)
                # A title that recurs ("Lịch tiếp công dân") is told apart by its day, else by a number.
                ending = days[number - 1] if days.count(days[number - 1]) == 1 else str(number)
                if article is owner:  # (an old article copied as a template: its new slug would break its links)
                    advice = (f"change the title of {others} or set its 'slug': this article's file is named for "
                              "the address, which it most likely had first")
                else:
                    advice = f"change a title or set a different 'slug' (e.g. slug: {article.slug}-{ending})"
                problems.append(error(article.source, lines.get(article.source, 1), "duplicate-url",
                                      f"this article and {others} would both be published at {url}"
                                      f"{device_note(renamed, article)}; {advice}"))
    return problems


def _file_named(article: Article) -> str:
    """The name of an article's folder (a bundle) or file, as `new` names it from the title."""
    return posixpath.basename(article.bundle_dir) if article.bundle_dir else \
        posixpath.splitext(posixpath.basename(article.source))[0]


def device_renamed(article: Article, slugs_written: Collection[str] = ()) -> bool:
    """Whether the article's slug is its title's made another by the device-name rule ("Con" → con-1);
    not when its front-matter writes the slug (`slugs_written`: the sources that do), though it be con-1."""
    if article.source in slugs_written:
        return False
    made = shorten_slug(slugify(article.title))
    return is_device_name(made) and article.slug == windows_safe_slug(made)


def device_note(renamed: Article | None, told: Article, named: bool = False) -> str:
    """Why two addresses met that neither editor wrote ("Con" and "Con 1" at …/con-1/): the words
    for the article `renamed` (device_renamed), as told at `told`'s problem, whose message `named`
    the other alone just before; "" for none."""
    if renamed is None:
        return ""
    kind = "page" if renamed.source.startswith(PAGES_DIR) else "article"
    whose = (f"this {kind}'s title" if renamed is told else "its title" if named
             else f"the title of {renamed.source}")
    made = shorten_slug(slugify(renamed.title))
    return f" ({whose}, '{renamed.title}', gives {renamed.slug}, not {made}, a name Windows keeps for a device)"
