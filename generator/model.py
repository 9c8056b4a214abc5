"""The data that flows through the build: frozen dataclasses only.

No behaviour beyond small derived properties; stages build these records
and hand them on. Collections inside are tuples or read-only mappings.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any, Mapping
from urllib.parse import unquote
from zoneinfo import ZoneInfo

EMPTY: Mapping[str, Any] = MappingProxyType({})


def frozen_map(items: Mapping | None = None) -> Mapping:
    return MappingProxyType(dict(items or {}))


def evolve(instance, **changes):
    """dataclasses.replace for the hot paths (10,000 articles, several times a
    build): copies the fields instead of re-running the 27-argument __init__.
    Only for frozen dataclasses without __post_init__."""
    fields = instance.__dataclass_fields__
    if not changes.keys() <= fields.keys():  # no set is built when all is well: 20,000 calls a build
        raise TypeError(f"{type(instance).__name__} has no field(s) {sorted(changes.keys() - fields.keys())}")
    copy = object.__new__(type(instance))
    copy.__dict__.update(instance.__dict__)
    copy.__dict__.update(changes)
    return copy


@dataclass(frozen=True)
class Contact:
    hotline: str = ""  # every number, as one text ("113 – 0221 3862 124"), for layouts that print it
    email: str = ""
    address: str = ""
    hotlines: tuple[str, ...] = ()  # each number as written; site.toml may give one or a list

    @property
    def given(self) -> bool:
        """Whether it says anything: a unit's page shows its own contact only then."""
        return bool(self.hotlines or self.email or self.address)

    @property
    def hotline_tel(self) -> str:
        """The first number's tel: link."""
        return tel_link(self.hotlines[0] if self.hotlines else self.hotline)


def tel_link(number: str) -> str:
    """'0221 3862 124' → 'tel:02213862124' (keeps a leading +). From abroad, "+84 (0) 221 3862 124"
    (or "(+84) 0221 …") is +842213862124: the 0 is dialled within the country only, and after
    the country's code it made no number."""
    # (as ASCII digits: a number typed in full-width ones, "０２２１", is shown so but dialled as 0221)
    digits = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch
                     for ch in number if ch.isdecimal() or ch == "+")
    if digits.startswith("+840"):
        digits = "+84" + digits[4:]
    return f"tel:{digits}"


@dataclass(frozen=True)
class Link:
    name: str
    url: str
    # Of its url in site.toml, for problems; out of the config's repr, which keys every page's
    # render: a comment added above [[links]] re-rendered every page.
    line: int = field(default=0, compare=False, repr=False)


@dataclass(frozen=True)
class Term:
    """A declared unit, category or campaign."""

    slug: str
    name: str
    description: str = ""
    # What editors also call it, matched as the name is: a unit's code ("PC08"), an old name.
    other_names: tuple[str, ...] = ()
    # Old addresses of its page, normalized (aliases.normalize_alias): a unit renamed or merged in
    # a reorganisation keeps the links to its old page. Their lines in site.toml (each alias's, one
    # array may stand on many) are for problems.
    aliases: tuple[str, ...] = ()
    aliases_lines: tuple[int, ...] = field(default=(), repr=False, compare=False)
    # … as site.toml writes them, for the line a notice advises (the normalized form reads otherwise).
    aliases_written: tuple[str, ...] = field(default=(), repr=False, compare=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name an article may give it (its key aside)."""
        return (self.name, *self.other_names)


@dataclass(frozen=True)
class Category(Term):
    kind = "category"


@dataclass(frozen=True)
class Unit(Term):
    kind = "unit"
    # Its own hotline, e-mail and address, on its page: a commune's police is what a reader
    # looking for one wants to call (the portal's own contact is in every page's footer).
    contact: Contact = Contact()


@dataclass(frozen=True)
class Campaign(Term):
    kind = "campaign"


# The highest images.max_megapixels site.toml may set (a 200 MP phone photo fits well under it).
MEGAPIXELS_CEILING = 1000


@dataclass(frozen=True)
class ImageSettings:
    """The [images] table of site.toml: how photos are published."""

    widths: tuple[int, ...] = (480, 800, 1200, 1600)  # never upscaled
    formats: tuple[str, ...] = ("avif", "webp", "jpeg")  # preference order; jpeg is the fallback
    quality: int = 80  # JPEG and WebP
    avif_quality: int = 60  # AVIF looks as good at a lower number
    thumbnail_ratio: tuple[int, int] = (3, 2)
    thumbnail_widths: tuple[int, ...] = (360, 720)
    # Where crops centre, 0..1 from the top left; None: the middle of a landscape photo, the upper
    # middle of a portrait one (images.default_focus).
    focal_point: tuple[float, float] | None = None
    max_megapixels: int = 100  # larger images are refused as decompression bombs (up to MEGAPIXELS_CEILING)


@dataclass(frozen=True)
class SiteConfig:
    title: str
    base_url: str
    language: str = "vi"
    timezone: str = "Asia/Ho_Chi_Minh"
    description: str = ""
    # The picture a shared link shows when its page has none of its own (the unit's emblem, a
    # banner): a path of a file the site publishes ("/anh-chia-se.png", from static/); also the
    # publisher's logo in the structured data. "" for none.
    share_image: str = ""
    per_page: int = 20
    related_count: int = 5
    other_count: int = 8
    contact: Contact = Contact()
    links: tuple[Link, ...] = ()
    categories: Mapping[str, Category] = field(default_factory=lambda: EMPTY)
    units: Mapping[str, Unit] = field(default_factory=lambda: EMPTY)
    campaigns: Mapping[str, Campaign] = field(default_factory=lambda: EMPTY)
    images: ImageSettings = ImageSettings()
    iframe_hosts: tuple[str, ...] = ()  # [security] iframe_hosts: the only hosts an article may embed
    extra: Mapping[str, Any] = field(default_factory=lambda: EMPTY)  # [extra]: a layout's own values
    noindex: bool = False  # `build --noindex`: a copy search engines must skip (not a site.toml key)

    @functools.cached_property  # frozen dataclasses allow it: it writes __dict__, not setattr
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @functools.cached_property
    def base_path(self) -> str:
        """The path part of base_url, e.g. '/' or '/cong-thong-tin/'."""
        after_host = self.base_url.split("://", 1)[-1]
        path = "/" + after_host.split("/", 1)[1] if "/" in after_host else "/"
        return path if path.endswith("/") else path + "/"

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every declared category, unit and campaign, in that order."""
        return (*self.categories.values(), *self.units.values(), *self.campaigns.values())


# An address that names no file of the portal's: with a scheme (https:, mailto:, tel:, data:), from
# another host (//…), or a part of the page (#…): the `url` filter leaves it as it is, and a
# stylesheet's url() to one is no missing file.
WHOLE_ADDRESS = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//|#)")


def under_base_path(path: str, base_path: str) -> bool:
    """Whether a path from the host's root is already under base_url's path ("/congan/gioi-thieu/"
    for a portal at …/congan/; every path is, for a portal at the host's root). A Vietnamese path
    is under it written as the address bar shows it or %-encoded, as base_url's is kept."""
    if base_path == "/" or path.startswith(base_path) or path == base_path.rstrip("/"):
        return True
    if "%" not in base_path and "%" not in path:  # (nearly every portal and link: nothing to unquote)
        return False
    path, base_path = unquote(path), unquote(base_path)
    return path.startswith(base_path) or path == base_path.rstrip("/")


# Where the pages of their own live (Giới thiệu, Liên hệ: generator/standalone.py); every
# other Markdown file under content/ is an article.
PAGES_DIR = "content/trang/"
# What only a page of its own reads: told, and passed over, on an article.
PAGE_ONLY_KEYS = ("weight", "menu")


# Front-matter keys we understand (in any case: `Title:`, as Pelican writes it or a phone's
# keyboard capitalises it, is `title`); anything else is a likely typo.
# A term's kind → the Article field holding the slug (category) or slugs (units, campaigns) of it.
TERM_FIELDS = MappingProxyType({"category": "category", "unit": "units", "campaign": "campaigns"})

FRONT_MATTER_KEYS = ("title", "date", "unit", "category", "campaigns", "author", "summary",
                     "slug", "draft", "featured", "extra", "image", "image_caption", "expires",
                     "aliases", "image_focus", "updated", "related")


@dataclass(frozen=True)
class SourceFile:
    """One Markdown file split into front-matter and body, lines kept true."""

    path: str  # relative to the site folder, forward slashes
    front: Mapping[str, Any]
    key_lines: Mapping[str, int]  # front-matter key → 1-based line in the file
    body: str
    body_line: int  # the file line the body starts on
    bundle_dir: str | None  # site-relative folder of an article bundle
    digest: str = ""  # of the file's bytes
    body_loaded: bool = True  # False when an unchanged file was not read again, or its body dropped
    scanned: Any = None  # what the build needs of a dropped body (content.load_content's scan_body)
    # key → the text after its colon that YAML read as no value ("title: #1 vụ án" is a comment)
    unread: Mapping[str, str] = field(default_factory=frozen_map)

    def line_of(self, key: str, item: int | None = None) -> int:
        """The line of `key`; with `item`, of its list's item (from 0) when that stands on a line
        of its own, else the key's."""
        if item is not None and item_key(key, item) in self.key_lines:
            return self.key_lines[item_key(key, item)]
        return self.key_lines.get(key, 1)


def item_key(key: str, number: int) -> str:
    """The entry of SourceFile.key_lines for a list's item written on a line of its own."""
    return f"{key}[{number}]"


@dataclass(frozen=True)
class Cover:
    """The photo an editor chose for an article, with its caption and the focal point of its crops."""

    image: str = ""
    caption: str = ""
    focus: str = ""
    line: int = 0  # of the 'image' key, for problems


NO_COVER = Cover()


@dataclass(frozen=True)
class Article:
    source: str  # site-relative path of the Markdown file
    title: str
    date: datetime  # timezone-aware
    has_time: bool
    # Slugs of declared terms. `units`: the unit that wrote it first, then those it worked with
    # (a joint operation: `unit: [phong-canh-sat-giao-thong, cong-an-xa-nghia-tru]`); its
    # byline names them all and each unit's page lists it. A tuple rather than a 31st field:
    # see `cover` below.
    units: tuple[str, ...]
    category: str
    campaigns: tuple[str, ...]
    slug: str
    url: str  # site-relative, starts and ends with '/'
    author: str = ""
    authors: tuple[str, ...] = ()  # the names of a byline written as a list: each a Person to search engines
    summary: str = ""
    draft: bool = False
    featured: bool = False
    body: str = ""
    body_line: int = 1
    bundle_dir: str | None = None
    source_digest: str = ""  # of the Markdown file's bytes
    body_loaded: bool = True
    html: str = ""  # filled by the markup stage, or left in the cache under html_key
    html_key: str = ""  # cache key of the converted body ("" when not cached)
    summary_derived: bool = False  # summary came from the first paragraph, not front-matter
    # Front-matter 'image', 'image_caption' and 'image_focus' (read as a.image …) share one
    # field: past 29 fields an instance's __dict__ no longer shares its keys with the others'
    # and takes 1.3 KB more per article.
    cover: Cover = NO_COVER
    images_key: str = ""  # digest of the photos layouts show for it (cover, thumbnail, OpenGraph)
    aliases: tuple[str, ...] = ()  # old site-relative URLs that redirect here
    extra: Mapping[str, Any] = field(default_factory=lambda: EMPTY)
    expires: datetime | None = None  # hidden from this moment on
    updated: datetime | None = None  # last changed, when the editor says so ("Cập nhật")
    related: tuple[str, ...] = ()  # the related news the editor picks: content paths or site paths
    menu: str = ""  # a page of its own in the header's menu too: the name shown there ("" when not)

    @property
    def modified(self) -> datetime:
        """When the article last changed, as feeds, the sitemap and JSON-LD say it."""
        return self.updated or self.date

    @property
    def unit(self) -> str:
        """The unit that wrote it (the first of `units`): the publisher search engines are told."""
        return self.units[0] if self.units else ""

    @property
    def image(self) -> str:  # the cover as written in front-matter, relative to the article
        return self.cover.image

    @property
    def image_caption(self) -> str:
        return self.cover.caption

    @property
    def image_focus(self) -> str:  # focal point of crops, e.g. "50% 30%"
        return self.cover.focus

    @property
    def image_line(self) -> int:  # line of the 'image' key, for problems
        return self.cover.line

    @property
    def as_read(self) -> tuple[str, int] | None:
        """The digest and body line the build read its file with (content.load_body's `known`):
        a stage reading the body again gets that version or content.ChangedDuringBuild."""
        return (self.source_digest, self.body_line) if self.source_digest else None


@dataclass(frozen=True)
class Site:
    """Everything known after indexing: config and the published articles."""

    config: SiteConfig
    articles: tuple[Article, ...]  # newest first, deterministic ties
    related: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: EMPTY)  # article url → related urls
    others: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: EMPTY)  # article url → other-news urls
    left_out: Mapping[str, int] = field(default_factory=lambda: EMPTY)  # reason → count (drafts, …)
    # The addresses (URL, aliases) of the articles whose `expires` has passed: a link by one is told
    # as expired, which --strict lets pass, not as leading nowhere (generator/filelinks.py).
    expired_addresses: frozenset[str] = frozenset()
    # Article source → its body's relative links to files, not articles ([báo cáo](bao-cao.pdf)),
    # with their lines: checked against what the build publishes (generator/filelinks.py). Kept
    # here, not on Article: a 30th field costs each Article a dict of 1.5 KB instead of 0.3 KB.
    file_links: Mapping[str, tuple[tuple[str, int], ...]] = field(default_factory=lambda: EMPTY)
    # Article source → its body's links to a part of an article (`bai-khac.md#ket-qua`):
    # (href, line, the article's source, the part); checked by anchors.dead_part_links.
    part_links: Mapping[str, tuple[tuple[str, int, str, str], ...]] = field(default_factory=lambda: EMPTY)
    # Published asset ("assets/css/style.css") → a digest of its bytes: the `asset` filter adds it
    # to the link (?v=…), so a reader's browser fetches a changed stylesheet, never a stale one.
    asset_versions: Mapping[str, str] = field(default_factory=lambda: EMPTY)
    # (width, height) of site.toml's share_image when it is a picture the build copies (static/):
    # og:image:width/height, without which Facebook shows no picture on a link's first share.
    share_image_size: tuple[int, int] | None = None
    # Article source → (site path, bytes) of the documents in its folder: their links are
    # labelled "(PDF, 1,2 MB)" (generator/attachments.py).
    attachments: Mapping[str, tuple[tuple[str, int], ...]] = field(default_factory=lambda: EMPTY)
    # Pages of their own (content/trang/: Giới thiệu, Lãnh đạo, Liên hệ), in the footer's order:
    # read, converted and rendered as articles are, but never listed, dated, related or fed
    # (generator/standalone.py). Their unit, category and campaigns are empty.
    standalone: tuple[Article, ...] = ()

    @property
    def by_url(self) -> Mapping[str, Article]:
        return {a.url: a for a in self.articles}

    @property
    def articles_and_pages(self) -> tuple[Article, ...]:
        """Everything with a converted body: what links, photos and the cache look through."""
        return self.articles + self.standalone


@dataclass(frozen=True)
class Pagination:
    number: int  # 1-based
    total: int
    prev_url: str | None
    next_url: str | None
    first_url: str
    # The page numbers a reader can jump to, (number, url), with (0, "") for a gap ("…"):
    # the first, the last and the neighbours of this one (routes.paginate).
    numbered: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class Page:
    """One output page: where it goes, which layout, and what it shows."""

    url: str
    template: str
    kind: str  # home, article, category, unit, campaign, terms, 404 …
    title: str
    article: Article | None = None
    term: Term | None = None
    items: tuple[Article, ...] = ()
    terms: tuple[Term, ...] = ()
    pagination: Pagination | None = None
    extra: Mapping[str, Any] = field(default_factory=lambda: EMPTY)

    @property
    def output_path(self) -> str:
        return output_path_of(self.url)


def output_path_of(url: str) -> str:
    """The file a site-relative URL is published as: a folder URL is its index.html."""
    if url.endswith("/"):
        return url.lstrip("/") + "index.html"
    return url.lstrip("/")
