"""How planned photos appear in HTML: <picture>, <figure> and their attributes.

Owns the markup of a photo, for Markdown bodies (a Python-Markdown tree
processor) and for layouts (covers, thumbnails) alike, so both are the same:
one <source> per modern format, a JPEG <img> with srcset, sizes and its true
width and height (no layout shift), lazy and async unless it is the cover.
Pure: takes an ImagePlan, reads no files.
"""
from __future__ import annotations

import html
import re
from typing import Callable, Mapping

import xml.etree.ElementTree as etree

from markdown.postprocessors import Postprocessor
from markdown.serializers import to_html_string
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE
from markupsafe import Markup

from generator import attachments
from generator.images import (MIME_TYPES, ImagePlan, Picture, is_local, is_played_file, is_sound_file, names_a_file,
                               poster_names)
from generator.photo_tables import MAX_CAPTION, may_hold_one, pasted_photo_tables, photo_table
from generator.rawtags import (StashedTags, ancestors, elements, enclosing, line_under, start_tag,
                               start_tags, words_after)
from generator.sanitize import ALIGN_CLASSES

# The width of the article's text column at each breakpoint of style.css (measured in
# Chromium): beside the related news from 1000 px, the whole page below.
COLUMN_WIDTHS = (("(min-width: 1100px) ", "674px"), ("(min-width: 1000px) ", "calc(100vw - 26.625rem)"),
                 ("(min-width: 760px) ", "calc(100vw - 6.125rem)"), ("", "calc(100vw - 4.325rem)"))
BODY_SIZES = ", ".join(query + width for query, width in COLUMN_WIDTHS)
WIDE_CARD_SIZES = "(min-width: 760px) 340px, calc(100vw - 2rem)"  # featured cards on the home page
CARD_SIZES = "(min-width: 760px) 240px, 120px"  # cards in lists
SMALL_SIZES = "96px"  # related news


# A gallery (photos side by side on one line): two columns on a phone, three from 760 px
# unless two or four photos fill rows of two; an odd count's first photo spans a phone's row.
GALLERY_GAP = 0.5  # rem, as .gallery's gap in style.css


def gallery_columns(count: int) -> int:
    """Columns of a gallery of `count` photos from 760 px wide."""
    return 2 if count in (2, 4) else 3


def gallery_sizes(count: int, first: bool) -> str:
    """The width of a gallery photo's cell at each breakpoint: the column less the gaps, over
    the columns (the whole column for an odd count's first photo on a phone)."""
    sizes = []
    for query, width in COLUMN_WIDTHS:
        columns = gallery_columns(count) if query else (1 if first and count % 2 else 2)
        inner = width[len("calc("):-1] if width.startswith("calc(") else width
        sizes.append(query + (width if columns == 1 else
                              f"calc(({inner} - {GALLERY_GAP * (columns - 1):g}rem) / {columns})"))
    return ", ".join(sizes)


# A photo this much taller than wide is no screen's shape (a phone's is about 2.2 to 1): a long
# screenshot of a chat, an infographic, made to be scrolled. Kept a screen high as a portrait
# photo is, a 1080×9000 one was a strip 86 px wide whose words nobody could read.
TALL_RATIO = 2.5


def is_tall(picture: Picture) -> bool:
    return picture.height > TALL_RATIO * picture.width


TEXT_COLUMN_PX = 674  # the widest of COLUMN_WIDTHS above


def shows_less_than_it_has(picture: Picture) -> bool:
    """Whether a body photo has more to show than its place on the page: wider than the text
    column, or a portrait one (kept a screen high, and on a phone narrower than the column: a
    480×640 one is shown 320 px wide there). A tap opens its largest copy (a reader zooms into a
    notice's photo or a document's scan); a small landscape photo is shown whole everywhere."""
    return picture.width > TEXT_COLUMN_PX or picture.height > picture.width


def photo_link(element, picture: Picture, base_path: str, alt: str, label: str = "Xem ảnh cỡ lớn"):
    """`element` (a photo's <picture>) in the link a tap opens its largest copy by, a body photo's
    or the cover's; `label` names where it goes when the photo has no alt (warned about in the body)."""
    link = etree.Element("a", {"href": base_path + picture.largest_jpeg, "class": "photo-link"})
    if not alt.strip():  # (a link must say where it goes)
        link.set("aria-label", label)
    link.append(element)
    return link


def body_class(picture: Picture) -> str | None:
    """The class of a body photo's <picture>: "tall" is shown the column's width (style.css)."""
    return "tall" if is_tall(picture) else None


def body_sizes(picture: Picture) -> str:
    """A portrait photo is shown at most 85vh tall (style.css), so it is narrower than the
    column; a tall one is shown the column's width, and read by scrolling."""
    if picture.height <= picture.width or is_tall(picture):
        return BODY_SIZES
    widest = f"{85 * picture.width / picture.height:.1f}vh"
    return ", ".join(f"{query}min({width}, {widest})" for query, width in COLUMN_WIDTHS)


def sized_sizes(width: int) -> str:
    """`sizes` of a photo shown at most `width` pixels wide: the column's width up to that."""
    return ", ".join(f"{query}min({column}, {width}px)" for query, column in COLUMN_WIDTHS)


def _written_width(written: str, picture: Picture) -> int | None:
    """The width in pixels a pasted <img> gives (width="300", "300px"), the photo's own at most
    (never enlarged: an emblem pasted as <img width="150"> of its 150 pixels was blown up to the
    column's width); None for none or a percentage."""
    found = re.fullmatch(r"\s*(\d{1,5})(?:\.\d*)?\s*(?:px)?\s*", written, re.IGNORECASE)
    width = int(found.group(1)) if found else 0
    return min(width, picture.width) if width > 0 else None


def picture_element(picture: Picture, base_path: str, alt: str, sizes: str,
                    eager: bool = False, css_class: str | None = None) -> etree.Element:
    element = etree.Element("picture")
    if css_class:
        element.set("class", css_class)
    for fmt, entries in picture.srcsets:
        srcset = ", ".join(f"{base_path}{name} {width}w" for name, width in entries)
        if fmt == "jpeg":
            img = etree.Element("img", {"src": base_path + picture.fallback, "srcset": srcset, "sizes": sizes})
            continue
        etree.SubElement(element, "source", {"type": MIME_TYPES[fmt], "srcset": srcset, "sizes": sizes})
    img.set("alt", alt)
    img.set("width", str(picture.width))
    img.set("height", str(picture.height))
    if eager:
        img.set("loading", "eager")
        img.set("fetchpriority", "high")
    else:
        img.set("loading", "lazy")
    img.set("decoding", "async")
    element.append(img)
    return element


def player_element(src: str, alt: str, captions: str | None = None, poster: Picture | None = None,
                   base_path: str = "/") -> etree.Element:
    """A clip or a recording beside the article, shown as a photo is (`![Clip ra quân](clip.mp4)`):
    the phone's own player, fetching only the file's first bytes until played. A browser that
    plays none offers the file; the link is also how the build checks it is published. A clip
    with a poster shows it until played, in a box of the poster's shape from the start."""
    if is_sound_file(src):
        player = etree.Element("audio", {"controls": "", "preload": "metadata", "src": src})
        offer = "Tải bản ghi âm"
    else:
        player = etree.Element("video", {"controls": "", "preload": "metadata", "playsinline": "", "src": src})
        offer = "Tải video"
        if poster is not None:
            player.set("poster", base_path + _poster_file(poster))
            player.set("width", str(poster.width))
            player.set("height", str(poster.height))
        if captions:  # for readers who cannot hear it (WCAG 1.2.2), shown from the start
            etree.SubElement(player, "track", {"kind": "captions", "src": captions, "srclang": "vi",
                                               "label": "Phụ đề", "default": ""})
    etree.SubElement(player, "a", {"href": src}).text = f"{offer}: {alt}" if alt else offer
    return player


def _poster_file(poster: Picture) -> str:
    """The poster's file: a poster takes one, so the WebP at the fallback JPEG's width (a
    third smaller on a slow network; every phone browser of today shows WebP), else that JPEG."""
    formats = dict(poster.srcsets)
    width = dict(formats["jpeg"]).get(poster.fallback)
    return next((name for name, size in formats.get("webp", ()) if size == width), poster.fallback)


def picture_html(picture: Picture, base_path: str, alt: str, sizes: str,
                 eager: bool = False, css_class: str | None = None) -> Markup:
    return Markup(to_html_string(picture_element(picture, base_path, alt, sizes, eager, css_class)))


class PictureTreeprocessor(Treeprocessor):
    """Body images → <picture>; an image alone in its paragraph → <figure> with <figcaption>.

    The caption is the image's title ("Chú thích" in ![alt](anh.jpg "Chú thích")), else a line in
    italics right under the photo (in its paragraph or the next), else the article's image_caption
    when the photo is its cover (not shown above the text then: shown_cover), else its alt text.
    """

    def __init__(self, md, plan: ImagePlan, base_path: str, documents: Mapping = {}):
        super().__init__(md)
        self.plan = plan
        self.documents = documents  # Site.attachments: captions beside a clip
        self.base_path = base_path
        self.source = ""
        self.cover: tuple[str, str] = ("", "")  # the article's front-matter image and image_caption
        self.unplanned: list[str] = []
        self.raw_picture = False  # the body's raw HTML has a <picture> of its own

    def run(self, root):
        if any(isinstance(block, str) and may_hold_one(block) for block in self.md.htmlStash.rawHtmlBlocks):
            self._pasted_photo_tables(root)
        if next(root.iter("img"), None) is None:  # most bodies: no map of the tree's parents needed
            return None
        if root.find(".//p/br") is not None:
            self._split_photo_lines(root)
        if root.find(".//table") is not None:
            self._photo_tables_as_lines(root)
        galleries = self._make_galleries(root)
        parents = {child: parent for parent in root.iter() for child in parent}
        for img in list(root.iter("img")):
            parent = parents[img]
            src = img.get("src", "")
            if src.startswith("data:"):  # never published (images.py warns): no empty frame in its place
                _remove_keeping_tail(img, parent)
                continue
            if not is_local(src):
                img.set("loading", "lazy")
                img.set("decoding", "async")
                continue
            alt, title = img.get("alt", ""), img.get("title", "")
            if names_a_file(alt, src):  # (a missing-alt warning): a screen reader read "IMG_1234" as the photo
                alt = ""
            if is_played_file(src):
                src = src.replace("\\", "/")  # a Windows path names folders, as browsers read it
                poster = next(filter(None, (self.plan.picture_for(self.source, name) for name in poster_names(src))), None)
                element = player_element(src, alt, attachments.captions_for(src, self.source, self.documents),
                                         poster, self.base_path)
            else:
                picture = self.plan.picture_for(self.source, src)
                if picture is None:
                    self.unplanned.append(src)
                    continue
                in_gallery = galleries.get(img)
                if in_gallery:
                    sizes, css_class = gallery_sizes(in_gallery[0], in_gallery[1] == 0), None
                else:
                    sizes, css_class = body_sizes(picture), body_class(picture)
                element = picture_element(picture, self.base_path, alt, sizes, css_class=css_class)
                # Smaller on the page than it is (a gallery's cell, a phone's photo in the column, a long
                # screenshot): a tap opens it whole. (Not one the editor linked somewhere already.)
                if (in_gallery and parent.tag == "figure"
                        or not in_gallery and shows_less_than_it_has(picture) and parent.tag != "a"):
                    element = photo_link(element, picture, self.base_path, alt,
                                         f"Ảnh {in_gallery[1] + 1}, xem cỡ lớn" if in_gallery else "Xem ảnh cỡ lớn")
            element.tail = img.tail
            parent.insert(list(parent).index(img), element)
            parent.remove(img)
            # Alone in its paragraph, or in a link alone in it ([![…](anh.jpg)](anh.jpg)): a figure.
            linked = parent.tag == "a" and _alone(element, parent)
            held, paragraph = (parent, parents.get(parent)) if linked else (element, parent)
            if paragraph is None or paragraph.tag != "p":
                continue
            written = _caption_line(held, paragraph)
            if written is None:
                written = _caption_beside(held, paragraph)
            if written is None and not _alone(held, paragraph):
                cover_caption = "" if title else self._cover_caption(src)
                if cover_caption:  # the cover in a sentence: its caption under it all the same (RawImages)
                    _caption_after(held, parents.get(held, paragraph), cover_caption, alt)
                continue
            if written is None and not title:
                written = _caption_paragraph(paragraph, parents.get(paragraph))
            elif written is not None and title and written.split() != title.split() and paragraph in parents:
                # The title is the caption: the line under it (a credit, "Ảnh: Minh Khôi") stays text below
                # the photo, as the editor wrote it; it was taken out of the body and shown nowhere.
                kept = etree.Element("p")
                kept.text = written
                container = parents[paragraph]
                container.insert(list(container).index(paragraph) + 1, kept)
            paragraph.tag = "figure"
            paragraph.text = None
            paragraph[0].tail = None
            caption = (title or written or self._cover_caption(src)
                       or (alt if not names_a_file(alt, src) else ""))  # (a file name is no caption)
            if caption:
                shown = etree.SubElement(paragraph, "figcaption")
                shown.text = caption
                if element.tag == "a" and element.get("aria-label"):
                    # A photo without alt: its link to the largest copy says which photo it opens (a screen
                    # reader's list of links was "Xem ảnh cỡ lớn" again and again), and the caption is read there.
                    element.set("aria-label", f"{element.get('aria-label')}: {' '.join(caption.split())}")
                    shown.set("aria-hidden", "true")
                elif caption.split() == alt.split() and not is_played_file(src):
                    # The photo's alt says it already: a screen reader read the same words twice.
                    # (A player's alt names only the link offered where it cannot play: its caption is its name.)
                    shown.set("aria-hidden", "true")
        return None

    def _cover_caption(self, src: str) -> str:
        """The article's image_caption when `src` is its cover: the cover is then shown where the
        body shows it, not above the text (ImagePlan.shown_cover), and its caption (a photographer's
        credit) was shown nowhere. "" for any other photo, or a cover without a caption."""
        image, caption = self.cover
        if not (image and caption and src) or is_played_file(src):
            return ""
        cover = self.plan.picture_for(self.source, image)
        # (==: the same file written in another case is another key of the plan, of equal variants)
        return caption if cover is not None and cover == self.plan.picture_for(self.source, src) else ""

    def _is_photo(self, element) -> bool:
        """A local photo the plan has (or a clip or recording shown as one), alone or as the one thing in a link."""
        if element.tag == "a" and len(element) == 1 and not (element.text or "").strip() \
                and not (element[0].tail or "").strip():
            element = element[0]
        src = element.get("src", "") if element.tag == "img" else ""
        return bool(src) and is_local(src) and not src.startswith("data:") \
            and (is_played_file(src) or self.plan.picture_for(self.source, src) is not None)

    def _photo_tables_as_lines(self, root) -> None:
        """A table of photos with their captions under them (photo_table) becomes the photos
        side by side on one line, each with its caption as its title: a gallery, not a table
        of pictures to scroll sideways on a phone."""
        for container in list(root.iter()):
            for at, table in enumerate(list(container)):
                if table.tag != "table" or table.find(".//table") is not None:
                    continue
                rows = [[(list(cell.iter("img")), " ".join("".join(cell.itertext()).split()))
                         for cell in row if cell.tag in ("td", "th")] for row in table.iter("tr")]
                photos = photo_table(rows)
                if photos is None or not all(self._is_photo(img) and not is_played_file(img.get("src", ""))
                                             for img, _ in photos):
                    continue
                line = etree.Element("p")
                line.tail = table.tail
                for img, caption in photos:
                    img.tail = " "
                    if caption:
                        img.set("title", img.get("title") or caption)
                        img.set("alt", img.get("alt") or caption)
                    line.append(img)
                container[at] = line

    def _pasted_photo_tables(self, root) -> None:
        """A table of photos pasted as HTML (pasted_photo_tables), a block of its own or in one, becomes
        the photos side by side on one line of the tree, as a Markdown one does (_photo_tables_as_lines):
        its photo's figure or a gallery, each caption its photo's alt text (images.py reads the same
        tables); Python-Markdown kept it aside as text, a table to scroll sideways on a phone. The
        block's HTML around it stays aside, before it and (a block of its own) after it."""
        stash = self.md.htmlStash
        held = None  # each block's paragraph of its own in the tree: number → (paragraph, its container)
        for number, block in enumerate(list(stash.rawHtmlBlocks)):
            if not (isinstance(block, str) and may_hold_one(block)):
                continue
            found = []
            for start, end, photos in pasted_photo_tables(block):
                line = [self._pasted_photo(attrs, link, caption) for (_, attrs, link), caption in photos]
                if all(self._is_photo(photo) and not is_played_file(_img_of(photo).get("src", "")) for photo in line):
                    found.append((start, end, line))
            if not found:
                continue
            if held is None:
                held = {int(placed.group(1)): (paragraph, container)
                        for container in root.iter() for paragraph in container if paragraph.tag == "p" and not len(paragraph)
                        for placed in [HTML_PLACEHOLDER_RE.fullmatch((paragraph.text or "").strip())] if placed}
            if number not in held:  # (a tag of a quote's or a list's, kept aside alone: left as written)
                continue
            paragraph, container = held[number]
            at, tail = list(container).index(paragraph), paragraph.tail
            shown, before = [], block[:found[0][0]]
            if before.strip():
                stash.rawHtmlBlocks[number] = before
                paragraph.tail = "\n"
                shown.append(paragraph)
            for place, (start, end, photos) in enumerate(found):
                line = etree.Element("p")
                for photo in photos:
                    photo.tail = " "
                    line.append(photo)
                photos[-1].tail = None
                after = block[end:found[place + 1][0] if place + 1 < len(found) else len(block)]
                line.tail = f"\n{stash.store(after)}\n" if after.strip() else "\n"
                shown.append(line)
            shown[-1].tail = (shown[-1].tail or "") + (tail or "")
            container[at:at + 1] = shown

    @staticmethod
    def _pasted_photo(attrs: dict[str, str], link: dict[str, str] | None, caption: str | None):
        """The photo of a pasted table's cell as one written in Markdown: its caption its title, and its
        alt text unless it has one (a file name is none); in the link holding it, if any."""
        src, alt = attrs.get("src", "").strip(), attrs.get("alt", "")
        described = alt.strip() and not names_a_file(alt, src)
        img = etree.Element("img", {"src": src, "alt": alt if described or not caption else caption})
        if attrs.get("title", "").strip() or caption:
            img.set("title", attrs.get("title", "").strip() or caption)
        if link is None:
            return img
        held = etree.Element("a", {key: value for key, value in link.items() if key in ("href", "title")})
        held.append(img)
        return held

    def _make_galleries(self, root) -> dict:
        """Photos side by side on one line, nothing else in their paragraph, become a gallery:
        a grid of figures, each with its caption, and the caption of them all when a line
        under them (or the next paragraph) is one as a single photo's would be.
        {img: (photos in its gallery, its place among them from 0)}."""
        found, parents = {}, None
        for paragraph in list(root.iter("p")):
            photos, caption = _gallery_line(paragraph)
            if len(photos) < 2 or not all(self._is_photo(p) and not is_played_file(_img_of(p).get("src", ""))
                                          for p in photos):
                continue
            if caption is None:
                parents = parents or {child: parent for parent in root.iter() for child in parent}
                caption = _caption_paragraph(paragraph, parents.get(paragraph))
            paragraph.tag, paragraph.text = ("figure" if caption else "div"), None
            paragraph.set("class", " ".join(["gallery"] + (["gallery-three"] if gallery_columns(len(photos)) == 3 else [])
                                            + (["gallery-odd"] if len(photos) % 2 else [])))
            paragraph[:] = []
            for number, photo in enumerate(photos):
                img = _img_of(photo)
                figure = etree.SubElement(paragraph, "figure")
                photo.tail = None
                figure.append(photo)
                photo_caption = img.get("title") or self._cover_caption(img.get("src", "")) or img.get("alt")
                if (not img.get("title") and photo_caption == img.get("alt")
                        and names_a_file(photo_caption or "", img.get("src", ""))):
                    photo_caption = None
                if photo_caption and photo_caption != caption:  # (Word's caption of them all, given to each as its alt)
                    shown = etree.SubElement(figure, "figcaption")
                    shown.text = photo_caption
                    if photo_caption.split() == (img.get("alt") or "").split():
                        shown.set("aria-hidden", "true")  # (its photo's alt says it: read once, as a single photo's)
                found[img] = (len(photos), number)
            if caption:
                etree.SubElement(paragraph, "figcaption").text = caption
        return found

    def _split_photo_lines(self, root) -> None:
        """Photos pasted one per line, with no blank line between them (as a phone's editor or
        Zalo joins them), each become a paragraph of their own, so each is a figure with its
        caption as a photo alone is; a caption line under a photo stays with it, and lines of
        text around them stay a paragraph. A photo inside a line of text is left where it is."""
        parents = {child: parent for parent in root.iter() for child in parent}
        split = {}
        for paragraph in root.iter("p"):
            if paragraph.find("br") is not None:
                parts = self._paragraphs_of(paragraph)
                if parts is not None:
                    split[paragraph] = parts
        for container in {parents[paragraph] for paragraph in split}:  # each rebuilt once: linear
            container[:] = [part for child in list(container) for part in split.get(child, (child,))]

    def _paragraphs_of(self, paragraph) -> list | None:
        """The paragraphs `paragraph` is split into, or None to leave it whole."""
        lines = _lines(paragraph)
        if len(lines) < 2:
            return None
        kinds = []
        for line in lines:
            if len(line.elements) == 1 and not line.text and self._is_photo(line.elements[0]):
                kinds.append("photo")
            elif kinds and kinds[-1] == "photo" and _is_caption_line(line):
                kinds.append("caption")
            else:
                kinds.append("text")
        if "photo" not in kinds:
            return None
        groups: list[list[_Line]] = []  # a photo with its caption line, or a run of text lines
        for number, (line, kind) in enumerate(zip(lines, kinds)):
            if kind == "caption" or (kind == "text" and number and kinds[number - 1] == "text"):
                groups[-1].append(line)
            else:
                groups.append([line])
        if len(groups) < 2:
            return None
        paragraphs = []
        for group in groups:
            new = etree.Element("p")
            new.text = (group[0].lead or "").lstrip() or None
            for number, line in enumerate(group):
                if number:
                    br = etree.SubElement(new, "br")
                    br.tail = line.lead
                new.extend(line.elements)
            if len(new):
                new[-1].tail = (new[-1].tail or "").rstrip() or None
            else:
                new.text = (new.text or "").rstrip() or None
            new.tail = "\n"
            paragraphs.append(new)
        paragraphs[-1].tail = paragraph.tail
        return paragraphs


def _gallery_line(paragraph) -> tuple[list, str | None]:
    """The elements of a paragraph that is one line of them and nothing else, with the
    caption line under them if there is one (an italic line, or one starting "Ảnh")."""
    children = list(paragraph)
    if (paragraph.text or "").strip():
        return [], None
    breaks = [number for number, child in enumerate(children) if child.tag == "br"]
    if len(breaks) > 1:
        return [], None
    photos = children[:breaks[0]] if breaks else children
    if any((photo.tail or "").strip() for photo in photos):
        return [], None
    if not breaks:
        return photos, None
    line = _Line(children[breaks[0]].tail)
    line.elements = children[breaks[0] + 1:]
    if not _is_caption_line(line):
        return [], None
    return photos, _italic_text(line.elements[0]) if line.elements else line.text


def _img_of(photo):
    """The <img> of a photo alone or linked ([![…](anh.jpg)](…))."""
    return photo if photo.tag == "img" else photo[0]


class _Line:
    """One line of a paragraph (the text and elements between two <br>), as nl2br left it."""

    def __init__(self, lead: str | None):
        self.lead = lead  # the text before its first element
        self.elements: list = []

    @property
    def text(self) -> str:
        return ((self.lead or "") + "".join(e.tail or "" for e in self.elements)).strip()


def _lines(paragraph) -> list[_Line]:
    lines = [_Line(paragraph.text)]
    for child in paragraph:
        if child.tag == "br":
            lines.append(_Line(child.tail))
        else:
            lines[-1].elements.append(child)
    return lines


def _is_caption_line(line: _Line) -> bool:
    """The line right under a photo that _caption_line takes as its caption."""
    if not line.elements:
        return reads_as_caption(line.text)
    return (len(line.elements) == 1 and not (line.lead or "").strip()
            and _italic_text(line.elements[0]) is not None)


def _italic_text(element) -> str | None:
    """The text of an <em> that is all there is of a line: "*Lễ ra quân. Ảnh: Minh Khôi*"."""
    if element.tag != "em" or (element.tail or "").strip() or element.find(".//img") is not None:
        return None
    text = " ".join("".join(element.itertext()).split())
    return text if 0 < len(text) <= MAX_CAPTION else None


def _caption_line(held, paragraph) -> str | None:
    """A photo with its caption on the line under it, in italics as news sites print one, or
    starting "Ảnh…": `![…](anh.jpg)` then `*Chú thích. Ảnh: Minh Khôi*` or `(Ảnh: Minh Khôi)`.
    The caption is taken out of the paragraph, which is left holding the photo alone."""
    children = list(paragraph)
    if (len(children) not in (2, 3) or children[0] is not held or children[1].tag != "br"
            or (paragraph.text or "").strip() or (held.tail or "").strip()):
        return None
    line = " ".join((children[1].tail or "").split())
    if len(children) == 3:
        caption = None if line else _italic_text(children[2])
    else:
        caption = line if reads_as_caption(line) else None
    if caption is not None:
        for child in children[1:]:
            paragraph.remove(child)
    return caption


def _caption_beside(held, paragraph) -> str | None:
    """A photo with its credit after it on its line, as it would be the caption on the line under it:
    `![…](anh.jpg) (ảnh cắt từ clip)`, `… Ảnh: Minh Khôi`; those words stayed text beside the photo. (Words
    in italics beside it stay so: an icon before a label is written that way.) Taken out of the paragraph,
    which is left holding the photo alone."""
    if len(paragraph) != 1 or paragraph[0] is not held or (paragraph.text or "").strip():
        return None
    words = " ".join((held.tail or "").split())
    if not reads_as_caption(words):
        return None
    held.tail = None
    return words


def _caption_paragraph(paragraph, container) -> str | None:
    """The same caption as a paragraph of its own, right under the photo's: taken as its
    caption (and removed) instead of the photo's alt text shown twice over two captions."""
    if container is None:
        return None
    siblings = list(container)
    at = siblings.index(paragraph)
    following = siblings[at + 1] if at + 1 < len(siblings) else None
    if following is None or following.tag != "p":
        return None
    if not len(following):  # words alone: a credit's ("Lễ ra quân (Ảnh: Nguyễn Văn A)")
        words = " ".join((following.text or "").split())
        caption = words if reads_as_caption(words) else None
    elif len(following) != 1 or (following.text or "").strip():
        return None
    else:
        caption = _italic_text(following[0])
    if caption is not None:
        container.remove(following)
    return caption


# A caption line not in italics starts as a credit does: "Ảnh: …", "(Ảnh minh họa)", "Ảnh tư liệu",
# "Hình 2." (not a sentence of the text that starts "Ảnh hưởng của mưa lũ …" or "Hình thức xử phạt …",
# which under a photo became its caption), or ends with one: "Lễ ra quân (Ảnh: Nguyễn Văn A)",
# "Lễ ra quân. Ảnh: Minh Khôi", as old portals' caption cells and lines read; "Hình ảnh: …" is one too,
# and so is a line all in brackets that starts with the photo's word, "(Ảnh chụp màn hình)", "(Ảnh CTV)"
# (not a sentence ending "… (ảnh bên).").
CAPTION_START = re.compile(r"\(?\s*(?:hình\s+ảnh|ảnh|hình)\s*(?:[:.)\-–—]|\d|minh\s+h(?:ọa|oạ)\b|tư\s+liệu\b)",
                           re.IGNORECASE)
_CREDIT = r"(?:hình\s+ảnh|ảnh|hình)\s*(?::[^()]*|minh\s+h(?:ọa|oạ)|tư\s+liệu)"  # (not "… gửi hình ảnh: qua Zalo")
_CREDIT_END = re.compile(rf"(?:(?:^|[.!?…–—-]\s*){_CREDIT}|\(\s*{_CREDIT}\)|^\(\s*(?:hình\s+)?ảnh\b[^()]*\)"
                         rf"|\[\s*{_CREDIT}\])[\s.]*$", re.IGNORECASE)

# … and a line of words that ends in such brackets, nothing after them: "Tuần tra đêm (ảnh cắt từ clip)",
# "Hiện trường vụ tai nạn (Ảnh CTV)", as the same brackets on a line of their own are (not "… (ảnh bên).",
# a sentence's full stop after them, nor "(ảnh hưởng của bão)").
_BRACKETS_END = re.compile(r"\S\s*\(\s*(?:hình\s+)?ảnh\b(?!\s*hưởng)[^()]*\)\s*$", re.IGNORECASE)


def reads_as_caption(words: str) -> bool:
    """Whether words not in italics right under a photo are its caption: a credit's line, short. One
    rule for a Markdown line or paragraph, pasted HTML (_caption_written) and Word (word_import)."""
    return 0 < len(words) <= MAX_CAPTION and bool(CAPTION_START.match(words) or _CREDIT_END.search(words)
                                                  or _BRACKETS_END.search(words))


def _caption_after(element, parent, caption: str, alt: str) -> None:
    """The cover's caption as a line right after `element` (its photo, or the link holding it)
    in a paragraph, where no <figure> may be."""
    line = etree.Element("span", {"class": "cover-caption"})
    if caption.split() == alt.split():
        line.set("aria-hidden", "true")
    line.text, line.tail, element.tail = caption, element.tail, None
    parent.insert(list(parent).index(element) + 1, line)


def _alone(child, parent) -> bool:
    """`child` is all there is in `parent`: no other element, no text around it."""
    return len(parent) == 1 and not (parent.text or "").strip() and not (child.tail or "").strip()


_PICTURE = re.compile(r"<picture\b", re.IGNORECASE)


class NestedPictures(Postprocessor):
    """A <picture> pasted whole (`<picture><source srcset="anh.webp"><img src="anh.jpg">`)
    holds ours once RawImages has replaced its <img>: ours replaces it whole. Its own
    <source>s name files beside the article that are not published, and a browser took
    the first and showed a broken photo. A pasted <source> left (its <img> is another site's)
    names files the build must publish: they go to the links' `files`, checked as links are."""

    def __init__(self, md, pictures: PictureTreeprocessor, links):
        super().__init__(md)
        self.pictures = pictures
        self.links = links  # markup's article links: its `files` are the body's links to files

    def run(self, text):
        if not self.pictures.raw_picture:
            return text
        pieces, at = [], 0
        for start, end in elements(text, "picture"):
            inner = elements(text[start:end], "picture", within=True)
            if inner:
                pieces += [text[at:start], text[start + inner[0][0]:start + inner[0][1]]]
                at = end
        text = "".join(pieces) + text[at:]
        for _, _, attrs in start_tags(text, "source"):
            for candidate in attrs.get("srcset", "").split(","):
                url = candidate.split()[0] if candidate.split() else ""
                if url and is_local(url) and not url.startswith(("/", "data:")):
                    self.links.files.append(url)
        return text


def _remove_keeping_tail(element, parent) -> None:
    """`element` out of `parent`, the text after it kept where it stood."""
    at = list(parent).index(element)
    if element.tail:
        if at:
            parent[at - 1].tail = (parent[at - 1].tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


# Elements a <figure> may not be put in: what holds the words of a sentence.
_PHRASING = {"p", "span", "a", "em", "strong", "b", "i", "u", "small", "font", "label", "h1", "h2", "h3", "h4", "h5",
             "h6", "sup", "sub", "mark", "cite", "q", "abbr", "time", "dt", "caption", "figcaption", "pre", "code"}


def _in_captioned_figure(block: str, start: int) -> bool:
    """Whether the tag at `start` of pasted HTML is in a <figure> with a <figcaption> of its own
    (`<figure class="image"><img …><figcaption>Ảnh: …</figcaption></figure>`, as web editors write it)."""
    return any(begin < start < end and re.search(r"<figcaption\b", block[begin:end], re.IGNORECASE)
               for begin, end in elements(block, "figure"))


def _caption_written(block: str, start: int, under: Callable[[], str]) -> bool:
    """Whether pasted HTML writes the caption of the photo whose tag is at `start` of `block`: in
    a <figure> with a <figcaption>, or as the words right after it (in its block, else in what the
    body has under it, `under`) in italics or starting "Ảnh…", as a Markdown photo's caption line
    is told (_caption_line): `<p><img …></p><p><em>Ảnh: Minh Khôi</em></p>`, as old portals wrote it.
    The next photo's caption is not its own (_pasted_caption)."""
    return _in_captioned_figure(block, start) or bool(_pasted_caption(block, start, under))


def _pasted_caption(block: str, start: int, under: Callable[[], str]) -> str:
    """The caption pasted HTML writes for the photo whose <img> is at `start` of `block` ("" for none):
    its figure's <figcaption>, else the line of words right under it, in italics or read as a credit
    (_caption_written's rule). The lines under all the block's photos are read in one pass over it
    (rawtags.line_under); what the body has under the block only for a photo that ends it."""
    line = line_under(block, start)
    words, italic, captioned = line.words, line.italic, line.captioned
    if line.last:
        words, italic = words_after(under(), photo_first=True) or ("", False)
    if (captioned or italic) and len(words) <= MAX_CAPTION or reads_as_caption(words):
        return words
    return ""


# (Chrome copies a centred page's alignment as "text-align: -webkit-center")
_TEXT_ALIGN = re.compile(r"(?:^|;)\s*text-align\s*:\s*(?:-webkit-|-moz-)?([a-z]+)", re.IGNORECASE)
_MARGIN = re.compile(r"(?:^|;)\s*margin(-left|-right)?\s*:\s*([^;]*)", re.IGNORECASE)


def _centred(attrs: dict[str, str], block: str, start: int) -> bool:
    """Whether pasted HTML centres the photo whose tag is at `start` of `block`, as the old portal
    showed it: in <center>, in an element aligned so (<p style="text-align: center">, <div
    align="center">, a cell; the nearest that aligns it decides), or by its own auto margins
    (style="display: block; margin-left: auto; margin-right: auto", as TinyMCE writes it). The
    style attribute is not published (a strict CSP refuses it): the photo is given a class instead."""
    sides = {}
    for side, value in _MARGIN.findall(attrs.get("style", "")):
        values = value.split()
        if side:
            sides[side] = value.strip().lower()
        elif values:  # margin: a [b [c [d]]]: left is the 4th, else the 2nd, else the 1st; right the 2nd or 1st
            sides["-left"] = values[3 if len(values) == 4 else 1 if len(values) > 1 else 0].lower()
            sides["-right"] = values[1 if len(values) > 1 else 0].lower()
    if sides.get("-left") == sides.get("-right") == "auto":
        return True
    for name, held in reversed(ancestors(block, start)):
        if name == "center":
            return True
        aligned = _TEXT_ALIGN.search(held.get("style", ""))
        align = (aligned.group(1) if aligned else held.get("align", "")).strip().lower()
        if name != "table" and align in ("center", "left", "right", "justify", "start", "end"):
            return align == "center"
    return False


# A stashed block that is an <img> alone (pasted in a sentence or on a line of its own); read
# without lowering the whole block, which a page of 200 photos did for each of them.
_TAG_ALONE = re.compile(r"\s*<img\b", re.IGNORECASE)
_STASHED = re.compile("\x02wzxhzdk:(\\d+)\x03")  # (Python-Markdown's placeholder of a stashed block)
_LINK_START = re.compile(r"<a\b", re.IGNORECASE)
_LINK_END = re.compile(r"</a\s*>", re.IGNORECASE)


class RawImages(StashedTags):
    """A photo shown with a raw <img> tag (HTML pasted into the body) → its <picture>, as
    if written in Markdown: the photo itself is never published, only its variants. A tag
    the plan has no photo for is left as written (images.py has reported its src)."""

    tags = ("img",)

    def __init__(self, md, pictures: PictureTreeprocessor):
        super().__init__(md)
        self.pictures = pictures

    def run(self, text):
        stash = self.md.htmlStash.rawHtmlBlocks
        self.pictures.raw_picture = any(isinstance(block, str) and _PICTURE.search(block) for block in stash)
        return super().run(text)

    def replacer(self, text: str, n: int, block: str):
        return lambda attrs, start: self.replacement(attrs, block, start, lambda: self._under(text, n),
                                                     lambda: self._alone(text, n))

    def _alone(self, text: str, n: int) -> bool:
        """Whether the stashed block `n` is a line of its own: all of its paragraph, or one of its lines
        (a caption line under it with no blank line between, as Zalo and phones paste one; that had no
        link). An <img> pasted so is stashed alone, as one in a sentence or in a link is, but no link holds it."""
        placeholder = self.md.htmlStash.get_placeholder(n)
        if f"<p>{placeholder}</p>" in text:
            return True
        line = re.search(rf"(?:<p>|<br>\n)[ \t]*{re.escape(placeholder)}[ \t]*(?:</p>|<br>\n)", text)
        if line is None:
            return False
        # (its paragraph's lines above it, a link pasted as HTML put back: <a href="…"> on the line above)
        before = self._unstashed(text[text.rfind("<p>", 0, line.start() + 1):line.start()])
        return len(_LINK_START.findall(before)) <= len(_LINK_END.findall(before))  # (not a line of a link's words)

    def _under(self, text: str, n: int) -> str:
        """What the body has right under the stashed block `n`, its stashed blocks put back."""
        placed = text.find(self.md.htmlStash.get_placeholder(n))
        if placed < 0:
            return ""
        return self._unstashed(text[placed + len(self.md.htmlStash.get_placeholder(n)):][:2000])

    def _unstashed(self, part: str) -> str:
        """`part` of the body with its stashed blocks put back (what is no text, nothing)."""
        stash = self.md.htmlStash.rawHtmlBlocks
        return _STASHED.sub(lambda found: stash[int(found.group(1))] if int(found.group(1)) < len(stash)
                            and isinstance(stash[int(found.group(1))], str) else "", part)

    def replacement(self, attrs: dict[str, str], block: str = "", start: int = 0,
                    under: Callable[[], str] = str, alone: Callable[[], bool] = bool) -> str | None:
        src = attrs.get("src", "").strip()
        if src.startswith("data:"):  # (as PictureTreeprocessor does)
            return ""
        picture = self.pictures.plan.picture_for(self.pictures.source, src) if is_local(src) else None
        if picture is None:
            return None
        alt = attrs.get("alt", "")
        if names_a_file(alt, src):  # (a missing-alt warning, as a Markdown photo's: a screen reader read "IMG_1234")
            alt = ""
        width = _written_width(attrs.get("width", ""), picture)
        if width is None:
            element = picture_element(picture, self.pictures.base_path, alt, body_sizes(picture),
                                      css_class=body_class(picture))
        else:  # width="300" in the pasted tag: the largest it is shown, as a browser would (style.css: .sized)
            centred = " " + ALIGN_CLASSES["center"] if _centred(attrs, block, start) else ""
            element = picture_element(picture, self.pictures.base_path, alt, sized_sizes(width),
                                      css_class="sized" + centred)
            element.find("img").set("width", str(width))
            element.find("img").set("height", str(round(picture.height * width / picture.width)))
        # Smaller on the page than it is: a tap opens it whole, as a Markdown photo's. Not one the editor
        # linked, nor a tag pasted inside a sentence (stashed alone: whether a link holds it is not known
        # here), unless it is a line of its own.
        if ((shows_less_than_it_has(picture) or width is not None and width < picture.width)
                and (not _TAG_ALONE.match(block) or alone())
                and not any(name == "a" for name, _ in ancestors(block, start))):
            # (without alt, named by the caption the pasted HTML writes under it, as a Markdown photo's link is)
            named = "" if alt.strip() else _pasted_caption(block, start, under)
            element = photo_link(element, picture, self.pictures.base_path, alt,
                                 f"Xem ảnh cỡ lớn: {named}" if named else "Xem ảnh cỡ lớn")
        shown = Markup(to_html_string(element))
        caption = self.pictures._cover_caption(src) if not attrs.get("title") else ""
        if not caption or _caption_written(block, start, under):  # (the body writes its own caption under it)
            return shown
        # The cover, shown here and so not above the text (ImagePlan.shown_cover): its image_caption
        # under it, as a Markdown photo's; in a figure where one may be (a <div>'s, a cell's), else
        # (a sentence's, a <p>'s) as a line of the paragraph under the photo.
        hidden = ' aria-hidden="true"' if caption.split() == alt.split() else ""
        if _TAG_ALONE.match(block) or enclosing(block, start) in _PHRASING:
            return Markup(f'{shown}<span class="cover-caption"{hidden}>{html.escape(caption)}</span>')
        return Markup(f"<figure>{shown}<figcaption{hidden}>{html.escape(caption)}</figcaption></figure>")


class RawPosters(StashedTags):
    """A clip pasted as HTML with its poster (`<video src="clip.mp4" poster="anh.jpg">`): the
    poster is a photo of the plan's (images.pasted_photos), published as its variants only; it
    was left naming the photo itself, which no build publishes (a black box until played)."""

    tags = ("video",)

    def __init__(self, md, pictures: PictureTreeprocessor):
        super().__init__(md)
        self.pictures = pictures

    def replacement(self, attrs: dict[str, str]) -> str | None:
        poster = attrs.get("poster", "").strip()
        picture = self.pictures.plan.picture_for(self.pictures.source, poster) if is_local(poster) else None
        if picture is None:
            return None
        shape = {} if "width" in attrs or "height" in attrs else {"width": str(picture.width), "height": str(picture.height)}
        return start_tag("video", {**attrs, "poster": self.pictures.base_path + _poster_file(picture), **shape})


def feed_covers(plan: ImagePlan, base_path: str) -> Callable:
    """cover_of(article) for the feeds: its cover photo shown above its text, as one plain <img>
    of the JPEG every reader shows (a feed reader keeps few of a <picture>'s sources), with its
    caption; "" for none. It reads only what Article.images_key digests."""
    def cover_of(article) -> str:
        path = plan.shown_cover(article)
        if path is None:
            return ""
        picture = plan.pictures[path]
        alt = html.escape(article.image_caption or article.title, quote=True)
        caption = f"<figcaption>{html.escape(article.image_caption)}</figcaption>" if article.image_caption else ""
        return f'<figure><img src="{html.escape(base_path + picture.fallback, quote=True)}" alt="{alt}">{caption}</figure>'
    return cover_of


def layout_globals(plan: ImagePlan, base_path: str) -> dict:
    """What layouts call: cover(a), thumbnail(a, kind), og_image(a)."""
    sizes_by_kind = {"card": CARD_SIZES, "wide": WIDE_CARD_SIZES, "small": SMALL_SIZES}

    def cover(article) -> Markup:
        path = plan.shown_cover(article)
        if path is None:
            return Markup("")
        # Without a caption, the title right above says what it is about: alt="" (as a thumbnail's), or
        # a screen reader read the title twice, as the heading and as the photo.
        alt = article.image_caption or ""
        picture = plan.pictures[path]
        element = picture_element(picture, base_path, alt, body_sizes(picture), eager=True,
                                  css_class=body_class(picture))
        if shows_less_than_it_has(picture):  # a tap opens it whole, as the same photo in the body does
            element = photo_link(element, picture, base_path, alt)
        return Markup(to_html_string(element))

    def thumbnail(article, kind: str = "card", eager: bool = False) -> Markup:
        picture = plan.thumbnails.get(article.url)
        if picture is None:
            return Markup("")
        # The title beside it already says what the photo is about: alt="" keeps screen readers brief.
        # `eager`: the photo in the first screen (the home page's first featured card), the page's
        # largest paint: fetched at once and first, not when the lazy loader gets to it.
        return picture_html(picture, base_path, "", sizes_by_kind[kind], eager=eager, css_class="thumb")

    def og_image(article) -> dict | None:
        variant = plan.og_images.get(article.url)
        if variant is None:
            return None
        return {"path": variant.name, "width": variant.width, "height": variant.height}

    return {"cover": cover, "thumbnail": thumbnail, "og_image": og_image}
