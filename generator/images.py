"""Planning the photos: which images articles use, checked, and every variant to publish.

Owns finding image references (front-matter `image`, body images in Markdown or raw <img> tags),
resolving them against the site folder, refusing bad inputs as problems
(outside the site, missing, not an image, decompression bomb), and deciding
every output variant: its width, height, crop, format and hashed name.
Reads image headers and bytes; decodes no pixels and writes nothing: the
imageproc stage does the encoding.
"""
from __future__ import annotations

import functools
import hashlib
import posixpath
import re
import struct
import warnings
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Mapping, Sequence
from urllib.parse import unquote, urlsplit

import pillow_heif
from PIL import Image, UnidentifiedImageError, features

from generator import confine, lfs, videos
from generator.fences import code_spans, fenced
from generator.config import parse_focus
from generator.diagnostics import Problem, error, warning
from generator.memo import Memo, recall
from generator.rawtags import start_tags
from generator.model import EMPTY, MEGAPIXELS_CEILING, Article, ImageSettings, evolve
from generator.photo_tables import may_hold_one, pasted_photo_tables, photo_table
from generator.vietnamese import nfc, slugify

# Bump when processing changes its output, so every cached variant is redone.
# 2: a JPEG's decode scale follows from each variant alone (imageproc._by_decode).
PROCESS_VERSION = "2"
# JPEG goes by other names: Windows saves a photo downloaded from Facebook or Zalo as .jfif,
# older tools write .jpe, .jif, .pjpeg, .pjp. Taken for documents, they were published as they
# are, GPS position and camera serial number included.
JPEG_SUFFIXES = frozenset({".jpg", ".jpeg", ".jfif", ".jfi", ".jif", ".jpe", ".pjpeg", ".pjp"})
IMAGE_SUFFIXES = JPEG_SUFFIXES | {".png", ".webp", ".avif", ".gif", ".tif", ".tiff", ".bmp", ".heic", ".heif"}
ACCEPTED_FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP", "AVIF", "GIF", "TIFF", "BMP", "HEIF"})
# Greyscale of more than 8 bits a sample, as Pillow opens a 16-bit PNG or TIFF and a 32-bit TIFF.
DEEP_GREY_MODES = frozenset({"I;16", "I;16L", "I;16B", "I;16N", "I", "F"})
# iPhones save photos as HEIC: Pillow reads them through pillow-heif, which turns them upright
# (and resets their EXIF orientation) as it opens them. The embedded thumbnails and depth maps
# are never used, so they are not decoded. Browsers other than Safari cannot show HEIC, so it
# is only ever a source: the published variants are AVIF, WebP and JPEG as for any photo.
pillow_heif.register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)
# images.max_megapixels is the limit (inspect_image); Pillow's own, ~89.5 MP, refused a phone's
# 108 MP photo whatever site.toml said. Its check is kept for what no setting may allow.
Image.MAX_IMAGE_PIXELS = MEGAPIXELS_CEILING * 1_000_000
# A phone or an editing app that wrote damaged EXIF tags: Pillow skips them and says so on the
# terminal ("Corrupt EXIF data. Expecting to read 4 bytes…", from inside Pillow, in English,
# once per worker). The photo is published all the same, as tags are never published.
warnings.filterwarnings("ignore", category=UserWarning, module=r"PIL\.TiffImagePlugin")
OUTPUT_DIR = "images/"
OG_SIZE = (1200, 630)
SOCIAL_MINIMUM = 200  # pixels a side: Facebook's and Zalo's smallest photo of a shared link
# Build-cache record of each body's image references (a change of the scan needs no new name:
# a state saved by other code is not read, cache.code_stamp).
REFS_STATE = "image-refs-5"
EXTENSIONS = {"avif": "avif", "webp": "webp", "jpeg": "jpg"}
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
# ![alt](src "title") and ![alt](<src> 'title'); reference definitions [id]: src. As for
# Python-Markdown, a src may hold spaces and parentheses ("Ảnh hiện trường (1).jpg", as
# Windows and Zalo name photos): only a quote starts the title.
_INLINE_IMAGE = re.compile(r"!\[(?P<alt>(?:[^\]\\]|\\.)*)\]\(\s*(?P<src><[^>]*>|(?:[^\s()\"']|\([^()\"']*\)|"
                           r"\s+(?=[^\s\"')]))+)(?:\s+(?P<q>[\"'])(?P<title>.*?)(?P=q))?\s*\)")
_HTML_PHOTO = re.compile(r"<img\b|<video\b", re.I)  # (a pasted clip's poster is a photo too)
_REFERENCE_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(?P<src><[^>]*>|\S+)")
# Every image either scan finds holds one of these: a body without them has none (most bodies).
_MAY_HOLD_IMAGE = re.compile(r"!\[|\]:|<img|<video", re.I)


@dataclass(frozen=True)
class Reference:
    """One use of an image by an article, where the editor wrote it."""

    article: str  # site-relative path of the article's Markdown file
    line: int
    src: str  # as written
    path: str  # resolved, site-relative, NFC: the key the body's references look up
    disk_path: str  # the same file as the file system spells it (NFD when saved on a Mac)


@dataclass(frozen=True)
class SourceImage:
    path: str  # site-relative, NFC (the key of ImagePlan.sources)
    digest: str  # sha256 of the file's bytes
    width: int  # after EXIF orientation
    height: int
    orientation: int
    disk_path: str  # the same file as the file system spells it (NFD when saved on a Mac)
    revision: str = ""  # added to PROCESS_VERSION in its variants' names (_revision)
    animated: bool = False  # a GIF, WebP or PNG of several frames: the first is published
    pages: int = 1  # a TIFF's pages (a scanned document): the first is published


@dataclass(frozen=True)
class Variant:
    """One file to publish: made from `source` by cropping, resizing and encoding."""

    name: str  # output path, e.g. images/ra-quan-3f2a9c01bd-800.webp
    source: str
    digest: str
    fmt: str  # avif, webp or jpeg
    width: int
    height: int
    crop: tuple[int, int, int, int]  # box in the upright source
    quality: int


@dataclass(frozen=True)
class Picture:
    """What a <picture> needs: one srcset per format, best first, JPEG last."""

    width: int  # of the largest variant: the intrinsic size for width/height
    height: int
    srcsets: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]  # (fmt, ((name, width), …))
    fallback: str  # name of the JPEG for src

    @property
    def variants_names(self) -> tuple[str, ...]:
        return tuple(name for _, entries in self.srcsets for name, _ in entries)

    @property
    def largest_jpeg(self) -> str:
        """What a link to the photo opens ("xem ảnh gốc"): its widest JPEG variant."""
        return max(dict(self.srcsets)["jpeg"], key=lambda entry: entry[1])[0]


@dataclass(frozen=True)
class ImagePlan:
    sources: Mapping[str, SourceImage] = field(default_factory=lambda: EMPTY)
    pictures: Mapping[str, Picture] = field(default_factory=lambda: EMPTY)  # source path → full-width picture
    covers: Mapping[str, str] = field(default_factory=lambda: EMPTY)  # article url → cover source path
    thumbnails: Mapping[str, Picture] = field(default_factory=lambda: EMPTY)  # article url → cropped picture
    og_images: Mapping[str, Variant] = field(default_factory=lambda: EMPTY)  # article url → 1200×630 JPEG
    variants: tuple[Variant, ...] = ()  # every file to publish, unique, sorted by name
    uses: Mapping[str, tuple[Reference, ...]] = field(default_factory=lambda: EMPTY)  # source path → references
    body_keys: Mapping[str, str] = field(default_factory=lambda: EMPTY)  # article source → digest of its body photos
    body_photos: Mapping[str, frozenset[str]] = field(default_factory=lambda: EMPTY)  # article source → paths

    def picture_for(self, article_source: str, src: str) -> Picture | None:
        path = resolve_reference(article_source, src)
        return self.pictures.get(path) if path else None

    def shown_cover(self, article: Article) -> str | None:
        """The path of the cover shown above the article's text: its front-matter photo,
        unless the body shows that photo itself (readers would see it twice, one under the
        other); it is still the thumbnail and the social-card photo."""
        path = self.covers.get(article.url)
        return None if path is None or path in self.body_photos.get(article.source, ()) else path

    def linked_photo(self, article_source: str, href: str) -> str | None:
        """The variant a body's link to a photo opens: only a photo the same body shows
        (its variants are in the body's cache key, body_keys), else None."""
        path = resolve_reference(article_source, href)
        return self.pictures[path].largest_jpeg if path in self.body_photos.get(article_source, ()) else None


def _readable(src: str) -> bool:
    """Whether `src` is an address at all: "http://[IMG]/a.jpg" is none (urlsplit refuses it)."""
    try:
        urlsplit(src)
    except ValueError:
        return False
    return True


def is_local(src: str) -> bool:
    if not _readable(src):  # (told by the plan: no file of the site, nor another site's)
        return False
    parts = urlsplit(src)
    return not (parts.scheme or parts.netloc or src.startswith("#"))


# A drive ("C:\…", "D:/…"), a shared folder ("\\may-chu\…") or a file: address.
_ON_A_COMPUTER = re.compile(r"(?i)(file:|[a-z]:[\\/]|\\\\)")


def on_a_computer(ref: str) -> str | None:
    """The file's name when `ref` is a path on the editor's own computer (a photo or document
    inserted from Word or pasted from Explorer's address bar), which no reader can open;
    else None."""
    ref = ref.strip()
    if not _ON_A_COMPUTER.match(ref):
        return None
    return unquote(re.split(r"[\\/]", ref.rstrip("\\/"))[-1]) or ref


def computer_path_problem(source: str, line: int, what: str, ref: str) -> Problem:
    return error(source, line, "path-on-computer",
                 f"{what} '{ref}' is a file on your computer, which readers cannot open: copy it into the "
                 f"article's folder and write its name ('{on_a_computer(ref)}')")


def resolve_reference(article_source: str, src: str) -> str | None:
    """A src relative to the article (or to the site folder when it starts with /) → site path.

    None when the path leaves the site folder.
    """
    # A folder written as Windows writes it ("anh\\mot.jpg") is a folder: browsers read "\\" as "/" too.
    path = unquote(urlsplit(src.replace("\\", "/")).path)
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(article_source), path)
    resolved = posixpath.normpath(joined)
    if resolved.startswith("../") or resolved == ".." or resolved.startswith("/") or resolved == ".":
        return None
    return nfc(resolved)


def prose_lines(body: str):
    """(offset, text) of the body's lines outside code: fenced blocks are
    skipped and `code spans` blanked, so an example of Markdown syntax is
    never taken for a real image."""
    for offset, (text, in_code) in enumerate(fenced(body.split("\n"))):
        if not in_code:
            yield offset, _blank_code_spans(text) if "`" in text else text


def _blank_code_spans(text: str) -> str:
    pieces, at = [], 0
    for start, end in code_spans(text):
        pieces += [text[at:start], " " * (end - start)]
        at = end
    return "".join(pieces) + text[at:]


def pasted_photos(html: str) -> list[tuple[int, str, str | None]]:
    """(start, src, alt) of each photo raw HTML shows: an <img>'s src and alt ("" when absent),
    and a pasted <video>'s poster (alt None: the clip's name is its player's, pictures.RawPosters).
    A poster was published as written, a file never published (photos are, as their variants).
    The markup replaces the same tags (pictures.RawImages and RawPosters, through rawtags as
    well), so both agree on every tag."""
    if not _HTML_PHOTO.search(html):
        return []
    photos = [(start, attrs.get("src", "").strip(), attrs.get("alt", "")) for start, _, attrs in start_tags(html, "img")]
    posters = [(start, attrs.get("poster", "").strip(), None) for start, _, attrs in start_tags(html, "video")]
    return sorted(photo for photo in photos + posters if photo[1])


def body_references(body: str, body_line: int) -> list[tuple[int, str | None, str, str | None]]:
    """What the images plan needs of a body, in one pass over its prose: (line, alt, src,
    title) of every image, written in Markdown or as a raw <img> tag (pasted HTML; an
    absent alt is ""). The content stage calls it where it reads a file, so the body
    itself need not be kept."""
    images = []
    if not _MAY_HOLD_IMAGE.search(body):
        return images
    prose: dict[int, str] = {}
    for offset, text in prose_lines(body):
        prose[offset] = text
        line = body_line + offset
        for match in _INLINE_IMAGE.finditer(text):
            images.append((line, match.group("alt"), match.group("src").strip("<>"), match.group("title")))
        ref = _REFERENCE_DEF.match(text)
        if ref and is_image_file(ref.group("src").strip("<>")):
            images.append((line, None, ref.group("src").strip("<>"), None))
    if _HTML_PHOTO.search(body):
        # A raw tag may span lines: it is read from the prose as a whole (code blanked, lines kept).
        text = "\n".join(prose.get(offset, "") for offset in range(body.count("\n") + 1))
        pasted = pasted_photos(text)
        if may_hold_one(text) and any(alt is not None and (not alt.strip() or names_a_file(alt, src))
                                      for _, src, alt in pasted):
            captions = _pasted_table_captions(text)
            pasted = [(start, src, captions.get(start, alt)) for start, src, alt in pasted]
        images += ((body_line + text.count("\n", 0, start), alt, src, None) for start, src, alt in pasted)
        images.sort(key=lambda image: image[0])  # in reading order: the first one may become the thumbnail
    if "|" in body and any(not alt for _, alt, _, _ in images):
        captions = _photo_table_captions(prose)
        images = [(line, captions.get((line - body_line, src), alt) if not alt else alt, src, title)
                  for line, alt, src, title in images]
    return images


def _photo_table_captions(prose: Mapping[int, str]) -> dict[tuple[int, str], str]:
    """(line offset, src) → caption of each photo in a Markdown table of photos with their
    captions in the cells under them (photo_tables.photo_table): the converter gives such a
    photo its caption as alt text (pictures.py), so the plan must not call it missing."""
    found: dict[tuple[int, str], str] = {}
    offsets = sorted(prose)
    position = {offset: at for at, offset in enumerate(offsets)}
    at = 0
    while at + 1 < len(offsets):
        head = offsets[at]
        if "|" not in prose[head] or offsets[at + 1] != head + 1 or not _is_table_rule(prose[head + 1]):
            at += 1
            continue
        rows, end = [prose[head]], head + 2
        while end in prose and "|" in prose[end] and prose[end].strip():
            rows.append(prose[end])
            end += 1
        cells = [[_cell(offset, text) for text in _table_cells(row)]
                 for offset, row in zip([head, *range(head + 2, end)], rows)]
        photos = photo_table(cells)
        if photos and not any(is_played_file(src) for (_, src), _ in photos):
            found.update({image: caption for image, caption in photos if caption})
        at = position.get(end, len(offsets))
    return found


_QUOTED_OR_LISTED = re.compile(r"\s*(?:>|[-*+]\s|\d+[.)]\s)")  # (a line of a quote's or a list item's)


def _pasted_table_captions(html: str) -> dict[int, str]:
    """Offset → caption of each <img> without alt text (or a file name for it) in a table of photos
    pasted as HTML (photo_tables.pasted_photo_tables): the converter gives it its caption as alt
    text, as a Markdown table's (pictures.py), so the plan must not call it missing."""
    found: dict[int, str] = {}
    for start, _, photos in pasted_photo_tables(html):
        if _QUOTED_OR_LISTED.match(html, html.rfind("\n", 0, start) + 1, start):
            continue  # (Python-Markdown keeps its tags aside one by one: the table stays one, pictures.py)
        sources = [attrs.get("src", "").strip() for (_, attrs, _), _ in photos]
        if all(is_local(src) and not src.startswith("data:") and not is_played_file(src) for src in sources):
            found.update({at: caption for ((at, attrs, _), caption), src in zip(photos, sources) if caption
                          and (not attrs.get("alt", "").strip() or names_a_file(attrs.get("alt", ""), src))})
    return found


def _is_table_rule(text: str) -> bool:
    """The line under a Markdown table's head: |---|:--:| …"""
    cells = _table_cells(text)
    return bool(cells) and all(cell and set(cell) <= set(":-") and "-" in cell for cell in cells)


def _table_cells(row: str) -> list[str]:
    row = row.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row)]


def _cell(offset: int, text: str) -> tuple[list[tuple[int, str]], str]:
    """A table cell as photo_table reads one: its photos ((line offset, src) each) and its text."""
    photos = [(offset, match.group("src").strip("<>")) for match in _INLINE_IMAGE.finditer(text)]
    return photos, " ".join(_INLINE_IMAGE.sub(" ", text).split())


def read_references(articles: Sequence[Article], load_body=None, cache=None,
                    memo: Memo | None = None,
                    scanned: Mapping[str, list] | None = None) -> dict[str, list]:
    """Article source → body_references of its body.

    The content stage may leave a body unread (an unchanged file) or drop it once
    read, having `scanned` it (body_references): its references then come from
    there, from the last build's record (same file digest) or, failing that,
    from reading the body again with `load_body(source, (digest, line)) → (body, line)`.
    """
    known = (cache.load_state(REFS_STATE) if cache is not None else None) or {}
    scanned = scanned or {}
    found, record = {}, {}
    for article in articles:
        entry = known.get(article.source)
        if article.source in scanned and not article.body_loaded:
            refs = scanned[article.source]
        elif not article.body_loaded and entry is not None and entry[0] == article.source_digest:
            refs = entry[1]
        else:
            refs = recall(memo, "image-references", article.source, (article,),
                          functools.partial(_scan_references, article, load_body))
        found[article.source] = refs
        if article.source_digest:
            record[article.source] = (article.source_digest, refs)
    if cache is not None and record != known:
        cache.save_state(REFS_STATE, record)
    return found


def _scan_references(article: Article, load_body) -> list:
    if not article.body_loaded:  # the body the build indexed, or content.ChangedDuringBuild
        return body_references(*load_body(article.source, article.as_read))
    return body_references(article.body, article.body_line)


def attach_keys(articles: Sequence[Article], plan: "ImagePlan", memo: Memo | None = None) -> list[Article]:
    """Each article with a digest of the photos layouts show for it, so a page that shows
    them is rendered again exactly when they change (see incremental.py)."""
    def key(article: Article) -> str:
        shown = (plan.covers.get(article.url), plan.pictures.get(plan.covers.get(article.url, "")),
                 plan.shown_cover(article),
                 plan.thumbnails.get(article.url), plan.og_images.get(article.url))
        return hashlib.sha256(repr(shown).encode()).hexdigest()[:32] if any(shown) else ""
    def attach(article: Article) -> Article:
        photos_key = key(article)
        if photos_key == article.images_key:  # most articles, most builds: no copy of 10,000 records
            return article
        return recall(memo, "photo-keys", (article.source, photos_key), (article,),
                      lambda: evolve(article, images_key=photos_key))
    return [attach(a) for a in articles]


def available_formats(settings: ImageSettings) -> tuple[str, ...]:
    """The configured formats this Pillow can write (AVIF needs a recent Pillow)."""
    return tuple(f for f in settings.formats if f != "avif" or features.check("avif"))


def not_told_twice(markup_problems: Sequence[Problem], photo_problems: Sequence[Problem]) -> list[Problem]:
    """The markup's problems but those about a photo plan_images refused: a photo left out of
    the plan is one the markup cannot find (in an article with a refused photo; the markup may
    place it at another line, `..\\x.jpg` being `../x.jpg` to it), or one leading out of the
    site (at the same line)."""
    refused = {p.location for p in photo_problems if p.is_error}
    articles = {location.path for location in refused}
    return [p for p in markup_problems
            if not (p.code == "missing-image" and p.location.path in articles
                    or p.code == "outside-site" and p.location in refused)]


def plan_images(site_dir: Path, articles: Sequence[Article], settings: ImageSettings,
                load_body=None, cache=None, memo: Memo | None = None,
                scanned: Mapping[str, list] | None = None) -> tuple[ImagePlan, list[Problem]]:
    """Check every photo the articles use and plan its variants (of those it could read, when
    it refuses some). `load_body` and `cache`: for bodies the content stage did not read
    (see read_references)."""
    problems: list[Problem] = []
    bodies = read_references(articles, load_body, cache, memo, scanned)
    body_paths: dict[str, set[str]] = {}
    references: list[Reference] = []
    first_image: dict[str, str] = {}
    body_order: dict[str, list[str]] = {}  # article url → its body's photos, in the order shown
    covers: dict[str, str] = {}
    for article in articles:
        cover = None
        if article.image and is_local(article.image) and is_played_file(article.image):
            poster = (poster_names(article.image) or [article.image])[0]
            problems.append(error(article.source, article.image_line or 1, "not-an-image",
                                  f"'{article.image}': a clip cannot be the cover, a photo is: '{poster}' beside the "
                                  "clip is its poster, and can be the cover too" if is_video_file(article.image) else
                                  f"'{article.image}': a recording cannot be the cover, a photo is"))
        elif article.image:
            ref, found = _reference(site_dir, article, article.image_line or 1, article.image, cover=True)
            problems += found
            if ref:
                references.append(ref)
                covers[article.url] = ref.path
                cover = ref
        for line, alt, src, _title in bodies[article.source]:
            if not _readable(src):  # ("http://[IMG]/a.jpg", a placeholder left in: it stopped the build)
                problems.append(error(article.source, line, "missing-image",
                                        f"the image '{src}' is no address a browser can open (its host is written "
                                        "between '[' and ']', or with one of them alone): readers would see nothing "
                                        "there; "
                                        "write the photo's address again, or its name beside the article"))
                continue
            if src.startswith("data:"):
                problems.append(_pasted_photo(article, line, src))
                continue
            if is_local(src) and is_video_file(src):
                problems += _video_problems(site_dir, article, line, src)
                # Its poster: its first picture until played, the card's photo when there is no other.
                src = poster_beside(site_dir, article.source, src)
                if src is None:
                    continue
            elif is_local(src) and is_sound_file(src) or videos.is_video_address(src):
                continue  # (a YouTube address written as a picture is its player, or a link: videos.py)
            else:
                if alt is not None and not alt.strip():
                    problems.append(warning(article.source, line, "missing-alt",
                                            f"the image '{src}' has no alt text; describe it for readers who cannot see it"))
                elif alt is not None and names_a_file(alt, src):
                    problems.append(warning(article.source, line, "missing-alt",
                                            f"the image '{src}' has a file name for alt text ('{alt.strip()}'), as a "
                                            "tool pasting it writes; describe it for readers who cannot see it"))
                if not is_local(src) and not on_a_computer(src):  # (a path on a computer: _reference says so)
                    # Not an error (the page works today), but the photo is another site's to move or
                    # remove, and readers' phones fetch it at whatever size that site keeps.
                    problems.append(warning(article.source, line, "remote-image",
                                            f"the image '{src}' is loaded from another site: it is not resized for "
                                            "phones and vanishes if that site removes it; save it beside the article"))
                    continue
            ref, found = _reference(site_dir, article, line, src)
            problems += found
            if ref:
                references.append(ref)
                first_image.setdefault(article.url, ref.path)
                body_order.setdefault(article.url, []).append(ref.path)
                body_paths.setdefault(article.source, set()).add(ref.path)
                if cover is not None and ref.disk_path == cover.disk_path and covers[article.url] == cover.path:
                    # The cover written in another case than the body's photo (ANH.JPG, anh.jpg), one
                    # file: the body's spelling, so that shown_cover sees the body shows it.
                    covers[article.url] = ref.path

    uses: dict[str, list[Reference]] = {}
    for ref in references:
        uses.setdefault(ref.path, []).append(ref)
    sources: dict[str, SourceImage] = {}
    for path, refs in sorted(uses.items()):
        image, message = inspect_image(site_dir, path, settings.max_megapixels, refs[0].disk_path)
        if image is None:
            code, text = message
            problems += [error(r.article, r.line, code, f"'{r.src}': {text}") for r in refs]
        else:
            sources[path] = image
            if image.animated:
                problems += [_animated(ref) for ref in refs]
            elif image.pages > 1:
                problems += [_pages_left_out(ref, image.pages) for ref in refs]
    # A photo refused above is left out of the plan, the others are planned: a build that
    # fails on it still converts the bodies (with the cache), to tell their other problems too.
    for paths in body_paths.values():
        paths.intersection_update(sources)
    formats = available_formats(settings)
    variants: dict[str, Variant] = {}
    pictures = {path: _picture(image, settings, formats, settings.widths, None, variants)
                for path, image in sources.items()}
    thumbnails, og_images = {}, {}
    for article in articles:
        path = covers.get(article.url) or first_image.get(article.url)
        if path not in sources:  # (None: no photo)
            continue
        image = sources[path]
        # (A focal point it could not read is an error above: the centre, until it is mended.)
        focus = ((parse_focus(article.image_focus) if article.image_focus else None) or settings.focal_point
                 or default_focus(image))
        box = crop_box(image.width, image.height, settings.thumbnail_ratio, focus)
        thumbnails[article.url] = _picture(image, settings, formats, settings.thumbnail_widths, box, variants)
        if covers.get(article.url) == path:
            og = _og_variant(image, focus, settings)
            if min(og.width, og.height) < SOCIAL_MINIMUM:
                problems.append(_small_cover(article, image, og))
        else:
            # Without a cover, the body's first photo large enough for a shared link's card (Facebook and
            # Zalo show none under SOCIAL_MINIMUM), else none: the site's share_image (seo.cover_image).
            # A small logo or icon first in the body passed over the photos of the event after it.
            og = next((og for og in (_og_variant(sources[p], focus if p == path else settings.focal_point
                                                 or default_focus(sources[p]), settings)
                                     for p in body_order[article.url] if p in sources)
                       if min(og.width, og.height) >= SOCIAL_MINIMUM), None)
            if og is None:
                continue
        variants[og.name] = og
        og_images[article.url] = og
    return ImagePlan(
        sources=MappingProxyType(sources), pictures=MappingProxyType(pictures), covers=MappingProxyType(covers),
        thumbnails=MappingProxyType(thumbnails), og_images=MappingProxyType(og_images),
        variants=tuple(variants[name] for name in sorted(variants)),
        uses=MappingProxyType({p: tuple(r) for p, r in uses.items()}),
        body_keys=MappingProxyType({
            source: hashlib.sha256(repr(sorted((p, pictures[p]) for p in paths)).encode()).hexdigest()[:32]
            for source, paths in body_paths.items()}),
        body_photos=MappingProxyType({source: frozenset(paths) for source, paths in body_paths.items()}),
    ), problems


def _reference(site_dir: Path, article: Article, line: int, src: str,
               cover: bool = False) -> tuple[Reference | None, list[Problem]]:
    what = "the cover image" if cover else "the image"
    if on_a_computer(src):
        return None, [computer_path_problem(article.source, line, what, src)]
    if not is_local(src):
        if cover:
            return None, [error(article.source, line, "remote-image",
                                f"{what} '{src}' must be a file beside the article or under assets/, not a web address")]
        return None, []
    path = resolve_reference(article.source, src)
    real = (site_dir / path).resolve() if path else None
    if path is None or not real.is_relative_to(site_dir.resolve()):
        return None, [error(article.source, line, "image-outside-site",
                            f"{what} '{src}' is outside the site folder; put it beside the article or under assets/")]
    disk_path = confine.spelled_on_disk(site_dir, path, any_case=True)
    if disk_path is None and (site_dir / path).is_dir():  # (it said the folder "does not exist")
        names = sorted(entry.name for entry in (site_dir / path).iterdir() if entry.is_file() and is_image_file(entry.name))
        return None, [error(article.source, line, "not-an-image",
                            f"{what} '{src}' is a folder, not a photo: write the photo's own name"
                            + (f", e.g. '{src.rstrip('/')}/{names[0]}'" if names else ""))]
    if disk_path is None:
        whole = confine.named_with_marks(article.source, src)
        if whole is not None and confine.spelled_on_disk(site_dir, whole) is not None:
            return None, [error(article.source, line, "missing-image",
                                f"{what} '{src}' is read as '{path}', which does not exist; "
                                f"{confine.marks_in_name(src)}")]
        if src.startswith("/") and confine.spelled_on_disk(site_dir, "static/" + path) is not None:
            # The address static/ publishes it at: "does not exist" said the editor was wrong about a file there.
            return None, [error(article.source, line, "missing-image",
                                f"{what} '{src}' is read in the site folder, where there is none; static/{path} is "
                                "published as it is, never as a photo resized for phones: move it beside the article "
                                "(or under assets/) and write its name there")]
        near = _photo_beside(site_dir, article.source, src)
        return None, [error(article.source, line, "missing-image", f"{what} '{src}' does not exist ({path})"
                            + (f"; did you mean '{near}', beside the article?" if near else ""))]
    return Reference(article.source, line, src, path, disk_path), []


def _og_variant(image: SourceImage, focus, settings: ImageSettings) -> Variant:
    """The photo's 1200×630 crop for a shared link's card; a small photo is not blown up."""
    og_box = crop_box(image.width, image.height, OG_SIZE, focus)
    og_width = min(OG_SIZE[0], og_box[2] - og_box[0])
    return _variant(image, "jpeg", og_width, og_box, settings, exact_height=round(og_width * OG_SIZE[1] / OG_SIZE[0]))


def _small_cover(article: Article, image: SourceImage, og: Variant) -> Problem:
    """Facebook and Zalo show no photo smaller than SOCIAL_MINIMUM with a shared link: a small
    cover (a thumbnail saved from an old portal) gave a card without a photo, and nothing said so."""
    return warning(article.source, article.image_line or 1, "small-cover",
                   f"the cover image '{article.image}' is {image.width}×{image.height} pixels: Facebook and Zalo show "
                   f"no photo smaller than {SOCIAL_MINIMUM}×{SOCIAL_MINIMUM} with a shared link (its card's would be "
                   f"{og.width}×{og.height}); use a photo at least 400 pixels wide ({OG_SIZE[0]} is best)")


def _animated(ref: Reference) -> Problem:
    """Only an animation's first frame is published: an editor who pasted a moving chart, or a
    clip saved as a GIF, saw a still picture on the page without a word."""
    clip = posixpath.splitext(posixpath.basename(unquote(urlsplit(ref.src).path)))[0] + ".mp4"
    return warning(ref.article, ref.line, "animated-image",
                   f"'{ref.src}': an animated image: only its first frame is published, as a still photo; to show it "
                   f"moving, save it as a video (MP4) beside the article and show that file: ![…]({clip})")


def _pages_left_out(ref: Reference, pages: int) -> Problem:
    """Only a TIFF's first page is published: a scanned document of several pages, shown as a
    photo, lost the others without a word."""
    pdf = posixpath.splitext(posixpath.basename(unquote(urlsplit(ref.src).path)))[0] + ".pdf"
    return warning(ref.article, ref.line, "pages-left-out",
                   f"'{ref.src}' holds {pages} pages (a scan): only its first page is published, as a photo; to "
                   f"publish them all, save the document as PDF beside the article and link it: [{pdf}]({pdf})")


def _pasted_photo(article: Article, line: int, src: str) -> Problem:
    """A photo pasted into the text as data (from a web editor's or a mail's HTML): the
    sanitizer keeps no data: address, so readers would see nothing, and nothing said so."""
    kind = src[5:].split(";", 1)[0].split(",", 1)[0].strip().lower()
    size = len(src.partition(",")[2].rstrip("=")) * 3 // 4  # (the bytes of its base64)
    extension = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/gif": "gif"}.get(kind, "jpg")
    return warning(article.source, line, "pasted-image",
                   f"a photo pasted into the text as data ({kind or 'data:'}, {max(1, round(size / 1024)):,} KB) is "
                   f"not published, so readers see nothing there: save it as a file beside the article "
                   f"(anh-1.{extension}) and write ![…](anh-1.{extension})")


def _photo_beside(site_dir: Path, source: str, src: str) -> str | None:
    """The photo in the article's own folder an editor most likely meant by `src`: the same
    name written from the site's root ("/anh.jpg"), without its extension ("anh"), with
    another one ("anh.jpeg" for "anh.jpg", "logo.jpg" for "logo.png": Windows shows none), or
    spelled with other case, tone marks, "_" or spaces ("anh_bia.jpg", "Ảnh bìa.jpg" for
    "anh-bia.jpg"); never a merely similar one ("anh-2.jpg" is another photo than "anh-1.jpg").
    Looked for only when `src` is missing."""
    wanted = nfc(posixpath.basename(unquote(urlsplit(src).path))).lower()
    try:  # (a name as the disk spells it: NFD on a Mac)
        names = sorted(nfc(entry.name) for entry in (site_dir / posixpath.dirname(source)).iterdir()
                       if entry.is_file() and is_image_file(entry.name))
    except OSError:
        return None
    key = slugify(wanted)
    same = next((name for name in names if key in (slugify(name), slugify(posixpath.splitext(name)[0]))), None)
    stem = slugify(posixpath.splitext(wanted)[0])
    return same or next((name for name in names if stem and slugify(posixpath.splitext(name)[0]) == stem), None)


def inspect_image(site_dir: Path, path: str, max_megapixels: int,
                  disk_path: str) -> tuple[SourceImage | None, tuple[str, str]]:
    """Header checks and the content hash; pixels are decoded later, in the pool."""
    data = (site_dir / disk_path).read_bytes()
    if not data:  # a copy that stopped before its first byte (a full disk, a failed sync)
        return None, ("broken-image", "the file is empty (0 bytes): copy the photo into the article's folder again")
    if lfs.is_pointer(data):
        return None, ("lfs-pointer", lfs.ADVICE)
    limit = max_megapixels * 1_000_000
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(site_dir / disk_path) as im:
                if im.format not in ACCEPTED_FORMATS:
                    return None, ("not-an-image", f"{im.format} files are not published; use JPEG, PNG, WebP or HEIC")
                width, height = im.size
                if width * height > limit:
                    return None, ("decompression-bomb",
                                  f"{width}×{height} pixels is more than images.max_megapixels ({max_megapixels} MP): "
                                  "save a smaller copy of the photo (a phone's high-resolution mode makes such), or "
                                  "raise [images] max_megapixels in site.toml")
                orientation = int(im.getexif().get(0x0112, 1) or 1)
                revision = _revision(im)
                # (a second frame found, not decoded; of the moving formats only: a phone's JPEG with a gain
                # map opens as MPO, a scan as a TIFF of pages, and they are no animation)
                animated = im.format in ("GIF", "PNG", "WEBP") and bool(getattr(im, "is_animated", False))
                pages = im.n_frames if im.format == "TIFF" else 1  # (read from its directories, not decoded)
                if _looks_cut_off(im.format, data):
                    im.load()  # decoded here, so `check` says what the build's decoding would
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        found = re.search(r"\((\d+) pixels\)", str(exc))
        pixels = f"{int(found.group(1)) / 1e6:,.0f} MP" if found else "too many pixels"
        return None, ("decompression-bomb", f"{pixels} is more than can be decoded safely; "
                                            "this looks like a decompression bomb, not a photo")
    except UnidentifiedImageError:
        if disk_path.lower().endswith((".svg", ".svgz")):  # a logo or a diagram drawn as vectors
            return None, ("not-an-image", "an SVG drawing is not published as a photo (it can hold scripts); export "
                                          "it as PNG and write that name")
        return None, ("not-an-image", "the file is not a photo this build can read (JPEG, PNG, WebP, HEIC), or it is damaged")
    except DECODE_ERRORS as exc:
        return None, describe_decode_error(exc)
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    return SourceImage(path, hashlib.sha256(data).hexdigest(), width, height,
                       orientation if 1 <= orientation <= 8 else 1, disk_path, revision, animated, pages), ("", "")


def _revision(im: Image.Image) -> str:
    """What the names of a photo's variants add to PROCESS_VERSION: a kind of photo whose
    processing was mended since has its variants cached the old way made again, and no other
    photo has (a new PROCESS_VERSION would encode every photo of a portal again)."""
    mended = []
    if im.mode in DEEP_GREY_MODES:
        mended.append("+8-bit")
    if im.mode in ("P", "PA", "LA") and im.info.get("icc_profile"):
        mended.append("+profile")  # (its colour profile was not applied)
    if im.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in im.info:
        mended.append("+ground")  # (a JPEG of a white logo was all white: imageproc._flat_ground)
    return "".join(mended)


def _looks_cut_off(fmt: str, data: bytes) -> bool:
    """An upload that stopped part-way has no end marker: a JPEG's EOI after its image's first
    scan, a PNG's IEND. Only such a file is decoded at inspection, which every build runs: a
    whole photo is not, whatever a phone appended after its end (a motion photo's clip)."""
    if fmt in ("JPEG", "MPO"):
        scan = _first_scan(data)
        return scan is not None and data.find(b"\xff\xd9", scan) < 0
    if fmt == "PNG":
        return data.rfind(b"IEND") < 0
    return False


def _first_scan(data: bytes) -> int | None:
    """Where a JPEG's image data starts (its first SOS marker), past the segments before it,
    which hold the EXIF thumbnail, a whole JPEG with its own end marker; None if unreadable."""
    at = 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xDA:
            return at
        if marker == 0xFF:  # fill bytes before a marker
            at += 1
        elif marker == 0x01 or 0xD0 <= marker <= 0xD7:  # markers without a length
            at += 2
        else:
            at += 2 + int.from_bytes(data[at + 2:at + 4], "big")
    return None


# What Pillow raises on damaged files, by plugin: all of them mean "this file is broken".
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error, zlib.error)


def describe_decode_error(exc: BaseException) -> tuple[str, str]:
    """A decoding failure → (code, message) an editor can act on."""
    text = str(exc)
    if "truncated" in text or "broken data stream" in text:
        return "truncated-image", "the image file is cut off (truncated); upload it again"
    return "broken-image", f"the image file is damaged and cannot be read ({text or type(exc).__name__})"


def default_focus(image: SourceImage) -> tuple[float, float]:
    """Where a photo's crops centre unless the article or site.toml says: a portrait photo's
    upper middle, where the heads of the people in it are (a gallery's cells crop there too,
    style.css), its middle cut them off in the 3:2 card and the social card; a landscape one's middle."""
    return (0.5, 0.35) if image.height > image.width else (0.5, 0.5)


def crop_box(width: int, height: int, ratio: tuple[int, int], focus: tuple[float, float]) -> tuple[int, int, int, int]:
    """The largest box of `ratio` inside width×height, centred on `focus` as far as it fits."""
    want = ratio[0] / ratio[1]
    if width / height > want:
        box_w, box_h = max(1, round(height * want)), height
    else:
        box_w, box_h = width, max(1, round(width / want))
    left = min(max(0, round(focus[0] * width - box_w / 2)), width - box_w)
    top = min(max(0, round(focus[1] * height - box_h / 2)), height - box_h)
    return left, top, left + box_w, top + box_h


MAX_SIDE = 16383  # pixels: WebP's limit (JPEG's is 65,535), for every format of a picture alike


def target_widths(available: int, wanted: Iterable[int]) -> tuple[int, ...]:
    """Configured widths below the available one, plus the available width when it is smaller
    than the largest wanted: never upscaled, and never thrown away."""
    wanted = sorted(set(wanted))
    widths = [w for w in wanted if w <= available]
    if available < wanted[-1] and available not in widths:
        widths.append(available)
    return tuple(widths)


def _picture(image: SourceImage, settings: ImageSettings, formats: Sequence[str], widths: Sequence[int],
             box: tuple[int, int, int, int] | None, variants: dict[str, Variant]) -> Picture:
    box = box or (0, 0, image.width, image.height)
    box_w, box_h = box[2] - box[0], box[3] - box[1]
    # A long infographic (800×20,000) is shown narrower than it is rather than not at all:
    # WebP holds no side longer than MAX_SIDE.
    available = max(1, min(box_w, MAX_SIDE * box_w // box_h))
    srcsets = []
    for fmt in formats:
        entries = []
        for width in target_widths(available, widths):
            variant = _variant(image, fmt, width, box, settings)
            variants[variant.name] = variant
            entries.append((variant.name, variant.width))
        srcsets.append((fmt, tuple(entries)))
    jpeg = dict(srcsets)["jpeg"]
    largest = variants[jpeg[-1][0]]
    # The fallback src is the width a phone screen at 2x would pick: about 800 px.
    fallback = min(jpeg, key=lambda entry: abs(entry[1] - 800))[0]
    return Picture(largest.width, largest.height, tuple(srcsets), fallback)


def _variant(image: SourceImage, fmt: str, width: int, box: tuple[int, int, int, int],
             settings: ImageSettings, exact_height: int | None = None) -> Variant:
    box_w, box_h = box[2] - box[0], box[3] - box[1]
    height = exact_height or max(1, round(width * box_h / box_w))
    quality = settings.avif_quality if fmt == "avif" else settings.quality
    recipe = f"{PROCESS_VERSION}{image.revision}|{image.digest}|{box}|{width}x{height}|{fmt}|{quality}"
    key = hashlib.sha256(recipe.encode()).hexdigest()[:10]
    stem = slugify(Path(image.path).stem)[:48] or "anh"
    name = f"{OUTPUT_DIR}{stem}-{key}-{width}.{EXTENSIONS[fmt]}"
    return Variant(name, image.path, image.digest, fmt, width, height, box, quality)


# A phone's clip or a recording shown as a photo is (`![Clip ra quân](clip.mp4)`,
# `![Bản tin](ban-tin.mp3)`): the body plays it (pictures.py), the bundle publishes the file
# as any other beside the article.
# By suffix, the media type each is served (serve) and offered in feeds (an enclosure) as.
PLAYED_TYPES = {".mp4": "video/mp4", ".m4v": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg",
                ".mov": "video/quicktime", ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".aac": "audio/aac",
                ".ogg": "audio/ogg", ".oga": "audio/ogg", ".opus": "audio/ogg", ".wav": "audio/wav"}
VIDEO_SUFFIXES = frozenset(suffix for suffix, kind in PLAYED_TYPES.items() if kind.startswith("video/"))
SOUND_SUFFIXES = frozenset(suffix for suffix, kind in PLAYED_TYPES.items() if kind.startswith("audio/"))
PLAYED_SUFFIXES = VIDEO_SUFFIXES | SOUND_SUFFIXES
LARGE_VIDEO_BYTES = 50 * 1024 * 1024


def _suffix(src: str) -> str:
    return posixpath.splitext(unquote(urlsplit(src).path))[1].lower()


def is_video_file(src: str) -> bool:
    return _suffix(src) in VIDEO_SUFFIXES


def is_sound_file(src: str) -> bool:
    return _suffix(src) in SOUND_SUFFIXES


# A clip's poster is the photo of its name beside it (clip.jpg for clip.mp4), as its captions
# are clip.vtt: a phone without the clip's first frame (an iPhone, until played) shows it.
POSTER_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".heic")


def poster_names(video_src: str) -> list[str]:
    """The names a clip's poster may have, as the clip is written (`clip.mp4` → `clip.jpg`…)."""
    parts = urlsplit(video_src)
    stem = posixpath.splitext(parts.path)[0]
    return [stem + suffix for suffix in POSTER_SUFFIXES] if stem else []


def poster_beside(site_dir: Path, source: str, video_src: str) -> str | None:
    """The poster written as the clip is, when that file is there."""
    for name in poster_names(video_src):
        path = resolve_reference(source, name)
        if path and (site_dir / path).is_file():
            return name
    return None


def is_played_file(src: str) -> bool:
    """A clip or a recording: the body plays it in the phone's player (pictures.player_element)."""
    return _suffix(src) in PLAYED_SUFFIXES


def _video_problems(site_dir: Path, article: Article, line: int, src: str) -> list[Problem]:
    """What a reader's phone will make of a clip: an iPhone's .mov (HEVC) does not play on
    most Android phones or Windows, and a long clip is more than a slow network can fetch."""
    problems = []
    if src.lower().endswith(".mov"):
        problems.append(warning(article.source, line, "video-format",
                                f"the video '{src}' is a .mov file (as an iPhone records): many Android phones and "
                                "Windows computers cannot play it; save it as MP4 (H.264) and show that file"))
    path = resolve_reference(article.source, src)
    try:
        size = (site_dir / path).stat().st_size if path else 0
    except OSError:  # missing: the link check names it (filelinks.py)
        size = 0
    if size > LARGE_VIDEO_BYTES:
        problems.append(warning(article.source, line, "large-video",
                                f"the video '{src}' is {size / 1048576:,.0f} MB, more than a reader's phone should "
                                f"download on a slow network (keep it under {LARGE_VIDEO_BYTES // 1048576} MB); "
                                "put it on YouTube and paste its address on a line of its own"))
    return problems


# What a tool writes as a photo's alt text when it pastes one: a camera's or an app's name for
# it (IMG_1234, DSC_0012, PXL_20260121_093000, IMG-20260121-WA0001, Screenshot_2026…, Zalo's
# z5123456789012_0a1b2c…), or a word that stands for any photo ("image", VS Code's "alt text").
_NAMED_BY_A_TOOL = re.compile(r"(?i)image|photo|picture|alt text|"
                              r"(?:img|dsc[nf]?|pxl|mvimg|screenshot|screen shot)[\s_.-]*\d[\d\s_.-]*(?:wa\d+)?|"
                              r"z\d{6,}_[0-9a-f]+")
_FILE_STEM = re.compile(r"\S*[\d_.-]\S*")  # no space, and a digit or a mark words do not hold


def names_a_file(alt: str, src: str) -> bool:
    """Alt text that is only a file's name (`![phone.jpg](phone.jpg)`, `![IMG_1234](IMG_1234.jpg)`,
    `image.png`): no description for a reader who cannot see the photo, nor a caption to print.
    The name without its extension is one when it reads as a file's (`le-ra-quan`, `anh_1`), not
    as words: "Lễ ra quân" for "Lễ ra quân.jpg", "Logo" for "logo.png" are taken at their word."""
    text = nfc(alt).strip().lower()
    name = nfc(posixpath.basename(unquote(urlsplit(src).path))).lower()
    stem = posixpath.splitext(name)[0]
    return bool(text) and (text == name or is_image_file(text) or bool(_NAMED_BY_A_TOOL.fullmatch(text))
                           or text == stem and bool(_FILE_STEM.fullmatch(text)))


def is_image_file(name: str) -> bool:
    """Photos are published only through the pipeline, never copied as they are."""
    return posixpath.splitext(name)[1].lower() in IMAGE_SUFFIXES
