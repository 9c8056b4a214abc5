"""A report written in Word, made into an article: `new --from bao-cao.docx`.

Units write their reports in Word, photos and tables inside. Owns reading a .docx into
what an article needs: its title (its first heading or Title line, else a first
paragraph in bold, else the title in its properties, else the file's name), its body as Markdown (headings,
bold and italic, lists, tables, links) and its photos as files, each shown where it
stood, with the caption written under it in Word as its caption. mammoth reads the
document (it keeps meaning, not Word's looks) and markdownify writes the Markdown.
Writes nothing: scaffold.py makes the bundle.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree
from xml.parsers.expat import ExpatError

import mammoth
from bs4 import BeautifulSoup, Tag
from markdownify import MarkdownConverter

from generator import legacy_text
from generator.photo_tables import MAX_CAPTION, photo_table
from generator.pictures import reads_as_caption
from generator.written_dates import parse_written

# Word's picture formats a browser shows (EMF/WMF drawings are not among them).
_PHOTO_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp",
                "image/bmp": "bmp", "image/tiff": "tif"}
# Word's Caption style marks a photo's caption (pictures.reads_as_caption the "Ảnh: …" line units
# type instead); its Title style, the document's title.
_STYLE_MAP = "p[style-name='Caption'] => p.word-caption:fresh\np[style-name='Title'] => h1:fresh"


# A part of a .docx as unpacked: the text of a 500-page report is ~20 MB of XML, a phone's photo
# under 20 MB. One past this is a zip bomb: 1 MB of .docx unpacking to 1 GB of spaces kept `new`
# reading for more than 5 minutes with 2 GB of memory, and a larger one takes the computer's all.
MAX_PART_BYTES = 200 * 1024 * 1024


def oversized_part(path: Path) -> tuple[str, int] | None:
    """(name, unpacked size) of the first part of the .docx at `path` past MAX_PART_BYTES, else
    None (also for a file that is no zip: read_word says what it is). Python's zipfile never
    unpacks more than a part's stated size, so the sizes the archive states are the bound."""
    try:
        with zipfile.ZipFile(path) as archive:
            return next(((info.filename, info.file_size) for info in archive.infolist()
                         if info.file_size > MAX_PART_BYTES), None)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return None


class NotAWordDocument(Exception):
    """The file is not a .docx mammoth can read (an old .doc, a renamed file, a damaged one)."""


@dataclass(frozen=True)
class Photo:
    name: str  # anh-1.jpg: beside the article's index.md
    data: bytes


@dataclass(frozen=True)
class WordArticle:
    title: str  # "" when the document has none and its file name gives none either
    body: str  # Markdown
    photos: tuple[Photo, ...]
    skipped_drawings: int  # pictures in formats no browser shows (EMF, WMF), or only linked to
    left_out_header: bool = False  # the official document's header (quốc hiệu, số, ngày) was left out
    left_out_signature: bool = False  # its recipients (Nơi nhận) and signature block were left out
    # The lines of that header's first column, top down: the unit above the issuing unit
    # ("CÔNG AN TỈNH HƯNG YÊN", "PHÒNG CẢNH SÁT GIAO THÔNG"), then "Số: …".
    issuer_lines: tuple[str, ...] = ()
    # The day its dateline gives ("Hưng Yên, ngày 21 tháng 01 năm 2026", in the header or a line of
    # its own under the title, then left out of the body), and that line as written.
    written_date: date | None = None
    dateline: str = ""
    legacy_runs: int = 0  # runs typed in an old Vietnamese font (.VnTime, VNI-Times), made Unicode


def read_word(path: Path) -> WordArticle:
    photos: list[Photo] = []
    skipped = 0

    def keep_photo(image) -> dict[str, str]:
        nonlocal skipped
        suffix = _PHOTO_TYPES.get(image.content_type)
        if suffix is None:
            skipped += 1
            return {}
        try:
            with image.open() as stream:
                data = stream.read()
        except (OSError, KeyError):  # a picture linked to a file on the author's computer, not inside
            skipped += 1
            return {}
        photos.append(Photo(f"anh-{len(photos) + 1}.{suffix}", data))
        return {"src": photos[-1].name, "alt": " ".join((image.alt_text or "").split())}

    try:
        document, legacy_runs = _legacy_fonts_converted(path)
        result = mammoth.convert_to_html(document, style_map=_STYLE_MAP,
                                         convert_image=mammoth.images.img_element(keep_photo))
        title_property = _core_title(path)
    except PermissionError:
        raise  # (the file is there but not ours to read: said so by the caller)
    # A zip of something else (no word/document.xml: mammoth's OSError), damaged XML or a
    # damaged zip: not a document to make an article of.
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, NotImplementedError, zlib.error,
            ExpatError) as exc:
        raise NotAWordDocument(str(exc)) from exc
    soup = BeautifulSoup(result.value, "html.parser")
    for img in soup.find_all("img"):
        if not img.get("src"):
            img.decompose()  # a drawing left out
    _photo_tables_as_galleries(soup)
    _photos_out_of_text(soup)
    _captions_under_photos(soup)
    _notes_as_markdown_footnotes(soup)
    _without_words_table_of_contents(soup)
    header = _without_official_header(soup)
    dateline = header[1] if header else ""
    _merged_cells_in_place(soup)
    _boxes_as_quotes(soup)
    _cells_a_markdown_table_can_hold(soup)
    # What the reader of the document sees as its title first: the title in its properties is
    # often a template's, left over from another document.
    title = _take_title(soup) or title_property or _title_from_name(path)
    if not dateline:  # (under the title, once the title is out of the way)
        dateline = _take_dateline(soup)
    signature = _without_signature(soup)
    _bold_lines_as_headings(soup)
    return WordArticle(title, _markdown(soup), tuple(photos), skipped, header is not None, signature,
                       header[0] if header else (), _day_of(dateline), dateline, legacy_runs)


# How an official document ends: its recipients ("Nơi nhận:", then "- Lưu: VT, …"), and its
# signature ("KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC", a rank and a name), in lines or a table of two.
_RECIPIENTS = re.compile(r"\s*Nơi\s+nhận\s*:", re.IGNORECASE)
_SIGNING_FOR = re.compile(r"\s*(?:KT|TM|TL|TUQ|Q)\.\s+[A-ZĐÀ-Ỹ ]{4,}$")
_LAST_BLOCKS = 12  # the block can only be among the document's last lines


def _without_signature(soup: BeautifulSoup) -> bool:
    """Leave out what ends an official document and is no news: its recipients and its
    signature block (a bordered table of them on the page, or bold lines the outline took for
    headings). From the first of the document's last lines that starts one, to the end."""
    blocks = [node for node in soup.find_all(["p", "table", "ul", "ol", "h1", "h2", "h3"], recursive=False)
              if node.get_text(strip=True) or node.find("img") is not None]
    for node in blocks[-_LAST_BLOCKS:]:
        lines = [" ".join(line.split()) for line in node.get_text("\n").split("\n") if line.strip()]
        # (a table of two holds them anywhere; lines of text open with them)
        if any(_RECIPIENTS.match(line) or _SIGNING_FOR.match(line) for line in (lines if node.name == "table" else lines[:3])):
            for later in [node, *node.find_next_siblings()]:
                if not later.get_text().lstrip().startswith("[^"):  # (the notes, moved to the end, stay)
                    later.decompose()
            return True
    return False


_ROMAN_NUMBERED = re.compile(r"[IVXL]{1,5}[.)/]\s")
_NUMBERED = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*[.)/]|[a-zđ]\))\s")


def _bold_lines_as_headings(soup: BeautifulSoup) -> None:
    """Units mark their report's parts with a line in bold ("I. KẾT QUẢ ĐẠT ĐƯỢC", "1. Công tác
    nắm tình hình"), not with Word's Heading styles: such lines became bold paragraphs, with no
    heading for the page's outline, its anchors or its table of contents. Two or more short
    lines all in bold, ending in no stop, become headings: a part numbered in Roman (or any, in
    a report without Roman parts) level 2, one numbered 1., a) under Roman parts level 3. In a
    document that uses Word's Heading styles too, only numbered lines are."""
    styled = soup.find(["h1", "h2", "h3", "h4"]) is not None  # (then only numbered lines are parts)
    lines = []
    for paragraph in soup.find_all("p"):
        if paragraph.find_parent(["table", "li", "blockquote"]) is not None or paragraph.find("img") is not None:
            continue
        text = " ".join(paragraph.get_text(" ").split())
        if not (_in_bold(paragraph) and 2 < len(text) <= 120 and text[-1] not in ".,;:!?…"
                and not text.startswith("[^") and (not styled or _ROMAN_NUMBERED.match(text) or _NUMBERED.match(text))):
            continue
        # (a bold line with nothing after it, the unit signing at the end, heads nothing)
        if any(later.get_text(strip=True) and not later.get_text().lstrip().startswith("[^")
               for later in paragraph.find_next_siblings()):
            lines.append((paragraph, text))
    if len(lines) < 2:
        return
    roman = any(_ROMAN_NUMBERED.match(text) for _, text in lines)
    for paragraph, text in lines:
        level = 3 if roman and _NUMBERED.match(text) else 2
        heading = soup.new_tag(f"h{level}")
        heading.string = text
        paragraph.replace_with(heading)


# "Hưng Yên, ngày 21 tháng 01 năm 2026": where and when a report was written (its dateline).
_DATELINE = re.compile(r"(?:[^\W\d_][^,\n]{0,60},\s*)?ngày\s+(?:\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
                       r"|\d{1,2}/\d{1,2}/\d{4})\.?", re.IGNORECASE)


def _take_dateline(soup: BeautifulSoup) -> str:
    """The dateline, when it is a line of its own among the document's first lines, taken out of
    the body: it became the article's summary (its card and its description read
    "Hưng Yên, ngày 21 tháng 01 năm 2026"), and the page shows the date already."""
    for node in [node for node in soup.find_all(["p", "h1", "h2", "h3"]) if node.get_text(strip=True)][:4]:
        text = " ".join(node.get_text(" ").split())
        if node.name == "p" and _DATELINE.fullmatch(text):
            node.decompose()
            return text
    return ""


def _day_of(dateline: str) -> date | None:
    try:
        written = parse_written(dateline.rstrip(".")) if dateline else None
    except ValueError:  # (31 tháng 02: no day to take)
        return None
    return written.date() if isinstance(written, datetime) else written


# Word's older files, and a .docx protected by a password, are OLE compound files; the latter
# holds its real document, encrypted, in a stream of this name (its directory says it in UTF-16).
_COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def why_not_readable(path: Path) -> str:
    """What a file `read_word` refused most likely is, and what to do, in an editor's words: the
    same "save it again as .docx" for all went round in a circle for one with a password."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(8)
            whole = start + handle.read(4 * 1024 * 1024) if start == _COMPOUND_FILE else start
    except OSError:
        whole = b""
    if not whole:
        return "the file is empty (0 bytes): it was not saved or copied whole; copy it again"
    if whole.startswith(b"%PDF"):
        return "this is a PDF named .docx, not a Word document: make the article from the Word file it was made from"
    if whole.startswith(_COMPOUND_FILE):
        if _ENCRYPTED_PACKAGE in whole:
            return ("the document is protected by a password: open it in Word, remove the password (File › Info › "
                    "Protect Document › Encrypt with Password, left empty) and save it")
        return "this is an old Word document (.doc) named .docx: open it in Word and save it as .docx (Word Document)"
    return "this is not a Word document that can be read; open it in Word and save it again as .docx"


# A paragraph's start, its end, the style it names, or one run: read in order, so that each run
# knows its paragraph's style (a run in a text box sits inside another paragraph's run).
_PARAGRAPH_OR_RUN = re.compile(r'(?P<open><w:p\b[^>]*?(?P<empty>/)?>)|(?P<close></w:p>)'
                               r'|<w:pStyle w:val="(?P<style>[^"]+)"/>|(?P<run><w:r\b[^>]*>.*?</w:r>)', re.S)
_RUN_FONT = re.compile(r'<w:rFonts\b[^>]*?w:(?:ascii|hAnsi)(?:Theme)?="([^"]+)"')  # (a theme's: "minorHAnsi")
_RUN_STYLE = re.compile(r'<w:rStyle w:val="([^"]+)"')
_RUN_TEXT = re.compile(r"(<w:t\b[^>]*>)([^<]*)(</w:t>)")
_TEXT_PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")
_STYLES_PART = "word/styles.xml"
_LEGACY_FONT_NAMED = re.compile(r'w:(?:ascii|hAnsi)="(?:\.vn|vni)', re.IGNORECASE)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _legacy_fonts_converted(path: Path) -> tuple[io.BytesIO, int]:
    """The document, each run typed in an old Vietnamese font (".VnTime", "VNI-Times": named on
    the run, or by its style, its paragraph's, or the document's default) made Unicode
    (legacy_text.py), and how many runs were; mammoth reads no fonts, and such text reached
    readers as "C«ng an tØnh"."""
    data = path.read_bytes()
    converted = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        parts = {part: archive.read(part).decode("utf-8") for part in _TEXT_PARTS if part in names}
        styles = archive.read(_STYLES_PART).decode("utf-8", "replace") if _STYLES_PART in names else ""
        if not any(_LEGACY_FONT_NAMED.search(text) for text in (*parts.values(), styles)):
            return io.BytesIO(data), 0
        fonts = _StyleFonts(styles)

        def runs_of(text: str) -> str:
            paragraph_styles: list[str | None] = []
            def each(found: re.Match) -> str:
                nonlocal converted
                if found.group("open"):
                    if not found.group("empty"):
                        paragraph_styles.append(None)
                elif found.group("close"):
                    if paragraph_styles:
                        paragraph_styles.pop()
                elif found.group("style"):
                    if paragraph_styles and paragraph_styles[-1] is None:  # (not a tracked change's old style)
                        paragraph_styles[-1] = found.group("style")
                else:
                    run = found.group("run")
                    own, style = _RUN_FONT.search(run), _RUN_STYLE.search(run)
                    font = own.group(1) if own else fonts.of_run(style.group(1) if style else None,
                                                                  paragraph_styles[-1] if paragraph_styles else None)
                    kind = legacy_text.font_kind(font) if font else None
                    if kind is not None:
                        converted += 1
                        return _RUN_TEXT.sub(lambda text: text.group(1) + legacy_text.to_unicode(text.group(2), kind)
                                             + text.group(3), run)
                return found.group()
            return _PARAGRAPH_OR_RUN.sub(each, text)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for item in archive.infolist():
                copy.writestr(item, runs_of(parts[item.filename]).encode("utf-8")
                              if item.filename in parts else archive.read(item))
    out.seek(0)
    return out, converted


class _StyleFonts:
    """The font a run takes from the document's styles when it names none: its character style's,
    else its paragraph style's (or the default paragraph style's), each through the styles it is
    based on, else the document's default. An old report typed in .VnTime sets it in "Normal"."""

    def __init__(self, styles_xml: str):
        self.styles: dict[str, tuple[str | None, str | None]] = {}  # id → (its own font, based on)
        self.default_paragraph: str | None = None
        self.default_font: str | None = None
        try:  # (Word writes no DTD: one declaring entities is no styles part of Word's)
            root = ElementTree.fromstring(styles_xml) if styles_xml and "<!DOCTYPE" not in styles_xml else None
        except ElementTree.ParseError:
            root = None
        if root is None:
            return
        defaults = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        self.default_font = _font_of(defaults)
        for style in root.iter(f"{_W}style"):
            style_id = style.get(f"{_W}styleId")
            based = style.find(f"{_W}basedOn")
            self.styles[style_id] = (_font_of(style.find(f"{_W}rPr")),
                                     based.get(f"{_W}val") if based is not None else None)
            if style.get(f"{_W}type") == "paragraph" and style.get(f"{_W}default") in ("1", "true", "on"):
                self.default_paragraph = style_id

    def of_run(self, character_style: str | None, paragraph_style: str | None) -> str | None:
        return (self._of_style(character_style) or self._of_style(paragraph_style or self.default_paragraph)
                or self.default_font)

    def _of_style(self, style_id: str | None) -> str | None:
        seen = set()
        while style_id is not None and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            font, style_id = self.styles[style_id]
            if font:
                return font
        return None


def _font_of(properties) -> str | None:
    """The font a w:rPr names for Latin text (the theme's, else ascii, else hAnsi; a theme's is
    named as "minorHAnsi"); None when it names none."""
    fonts = properties.find(f"{_W}rFonts") if properties is not None else None
    if fonts is None:
        return None
    return next((fonts.get(f"{_W}{name}") for name in ("asciiTheme", "hAnsiTheme", "ascii", "hAnsi")
                 if fonts.get(f"{_W}{name}")), None)


def _core_title(path: Path) -> str:
    """The title in the document's properties (File › Info), when one is set."""
    with zipfile.ZipFile(path) as archive:
        try:
            core = archive.read("docProps/core.xml").decode("utf-8", "replace")
        except KeyError:
            return ""
    found = re.search(r"<dc:title>([^<]*)</dc:title>", core)
    return " ".join(BeautifulSoup(found.group(1), "html.parser").get_text().split()) if found else ""


def _take_title(soup: BeautifulSoup) -> str:
    """The document's first heading, or its first paragraph when that is all in bold (how most
    reports set their title), taken out of the body: the page shows the title above it."""
    first = next((node for node in soup.find_all(["h1", "h2", "h3", "p"]) if node.get_text(strip=True)), None)
    if first is None:
        return ""
    text = " ".join(first.get_text(" ").split())
    in_bold = _in_bold(first)
    if not (first.name in ("h1", "h2", "h3") or (in_bold and len(text) <= 250)):
        return ""
    subject = first.find_next_sibling() if text.upper() in DOCUMENT_KINDS else None
    following = first.find_next_sibling()
    if in_bold and subject is None and following is not None and _in_bold(following) and text.isupper():
        more = " ".join(following.get_text(" ").split())
        if more.isupper() and len(text) + len(more) < 250:  # a title in capitals typed over two lines
            following.decompose()
            text = f"{text} {more}"
    first.decompose()
    if subject is not None and subject.name == "p" and not subject.find("img"):
        # "KẾ HOẠCH" then "Tổ chức đợt cao điểm …": an official document's kind, then what it is
        # about (its trích yếu). Alone, "KẾ HOẠCH" would title every plan the same. (The subject
        # keeps its capital: it may open with a name, "Công an tỉnh …".)
        about = " ".join(subject.get_text(" ").split()).rstrip(".")
        if 0 < len(about) <= 250:
            subject.decompose()
            return f"{text.capitalize()}: {about}"
    return text


def _in_bold(node: Tag) -> bool:
    """A paragraph whose text is all in bold."""
    return node.name == "p" and bool(node.get_text(strip=True)) and all(
        isinstance(child, Tag) and child.name in ("strong", "b") or not str(child).strip() for child in node.children)


# The kinds of official documents (văn bản hành chính), written in capitals above their subject.
DOCUMENT_KINDS = frozenset({"KẾ HOẠCH", "THÔNG BÁO", "BÁO CÁO", "QUYẾT ĐỊNH", "CÔNG VĂN", "HƯỚNG DẪN",
                            "CHỈ THỊ", "THÔNG CÁO", "THƯ KHEN", "LỜI KÊU GỌI", "CHƯƠNG TRÌNH", "PHƯƠNG ÁN"})


def _title_from_name(path: Path) -> str:
    name = " ".join(re.sub(r"[_-]+", " ", path.stem).split())
    return name[:1].upper() + name[1:]


def _photo_tables_as_galleries(soup: BeautifulSoup) -> None:
    """A table Word users lay photos out in, side by side ("Một số hình ảnh"), each with its
    caption under it (pictures.photo_table), becomes the photos side by side, each with its
    caption: a gallery on the page, not a table of pictures to scroll sideways on a phone.
    A table holding anything else stays a table."""
    for table in soup.find_all("table"):
        if table.find_parent("table") is not None or table.find("table") is not None or table.find("img") is None:
            continue
        photos = photo_table([[(cell.find_all("img"), " ".join(cell.get_text(" ").split()))
                               for cell in row.find_all(["td", "th"], recursive=False)]
                              for row in table.find_all("tr")])
        if photos is None:
            continue
        line = soup.new_tag("p")
        for number, (image, caption) in enumerate(photos):
            if caption:
                image["title"] = caption
                if not image.get("alt"):
                    image["alt"] = caption
            if number:
                line.append(" ")
            line.append(image.extract())
        table.replace_with(line)


def _photos_out_of_text(soup: BeautifulSoup) -> None:
    """A photo Word anchors in a paragraph of text (a floating picture is stored in the paragraph
    it is pinned to) is a figure of its own before that paragraph, and a caption right under the
    paragraph ("Ảnh: …") its caption: it was an image glued to the lead's first word, without
    its caption."""
    for paragraph in soup.find_all("p"):
        photos = paragraph.find_all("img")
        if not photos or not paragraph.get_text(strip=True) or paragraph.find_parent(["table", "li"]) is not None:
            continue
        figure = soup.new_tag("p")
        for number, photo in enumerate(photos):
            if number:
                figure.append(" ")
            figure.append(photo.extract())
        paragraph.insert_before(figure)
        following = paragraph.find_next_sibling()
        if _caption_text(following):
            figure.insert_after(following.extract())


def _caption_text(node: Tag | None) -> str:
    """The text of a photo's caption, when `node` is one: a short paragraph Word styled Caption,
    or that starts "Ảnh…"; "" else."""
    if node is None or node.name != "p" or node.find("img"):
        return ""
    text = " ".join(node.get_text(" ").split())
    styled = "word-caption" in (node.get("class") or [])
    return text if (styled and 0 < len(text) <= MAX_CAPTION) or reads_as_caption(text) else ""


def _captions_under_photos(soup: BeautifulSoup) -> None:
    """A short paragraph right under a photo that Word styled Caption, or that starts "Ảnh…",
    becomes the photo's caption (its title: the figure's caption on the page). Under photos
    side by side it is the caption of them all, an italic line under the gallery they make."""
    for paragraph in soup.find_all("p"):
        photos = paragraph.find_all("img")
        if not photos or paragraph.get_text(strip=True):
            continue
        photo = photos[0]
        following = paragraph.find_next_sibling()
        text = _caption_text(following)
        if not text:
            continue
        for each in photos:
            if not each.get("alt"):
                each["alt"] = text  # Word's own description of the picture, when it has one, is kept
        if len(photos) > 1:
            following.clear()
            following.attrs = {}
            following.append(soup.new_tag("em"))
            following.em.string = text
        else:
            photo["title"] = text
            following.decompose()
    for caption in soup.find_all("p", class_="word-caption"):
        del caption["class"]


_NOTE = re.compile(r"#(foot|end)note-(\d+)")


def _notes_as_markdown_footnotes(soup: BeautifulSoup) -> None:
    """Word's footnotes and endnotes (mammoth writes a [1] link and a list at the end, whose
    anchors the Markdown would lose) as Markdown footnotes: `[^1]` in the text and `[^1]: …`
    at the end, which the page shows as its numbered notes."""
    def label(kind: str, number: str) -> str:
        return number if kind == "foot" else f"e{number}"
    for link in soup.find_all("a", href=_NOTE):
        if not (link.get("id") or "").startswith(("footnote-ref-", "endnote-ref-")):
            continue
        kind, number = _NOTE.fullmatch(link["href"]).groups()
        marker = link
        while marker.parent is not None and marker.parent.name == "sup" and (
                marker.parent.get_text(strip=True) == link.get_text(strip=True)):
            marker = marker.parent  # (a note's mark Word also styled superscript: one <sup> in another)
        marker.replace_with(f"[^{label(kind, number)}]")
    for item in soup.find_all("li", id=re.compile(r"(foot|end)note-\d+")):
        kind, number = _NOTE.fullmatch("#" + item["id"]).groups()
        for back in item.find_all("a", href=re.compile(r"#(foot|end)note-ref-\d+")):
            back.decompose()
        note = soup.new_tag("p")
        note.append(f"[^{label(kind, number)}]: ")
        for paragraph in item.find_all("p") or [item]:
            for child in list(paragraph.contents):
                note.append(child.extract())
            note.append(" ")
        notes = item.parent
        item.decompose()
        soup.append(note)
        if notes is not None and notes.name == "ol" and not notes.find("li"):
            notes.decompose()


_TOC_LINK = re.compile(r"#_Toc\d+$")


def _without_words_table_of_contents(soup: BeautifulSoup) -> None:
    """Word's table of contents (a "MỤC LỤC" of links to its headings' bookmarks, each ending in
    a page number) is left out: the page makes its own from the headings. A link in the text to a
    heading's bookmark still leads to it: the bookmark is kept (markdownify dropped it, and the
    link was a broken anchor)."""
    for paragraph in soup.find_all("p"):
        links = paragraph.find_all("a", href=_TOC_LINK)
        if len(links) == 1 and paragraph.get_text(strip=True) == links[0].get_text(strip=True):
            before = paragraph.find_previous_sibling()
            paragraph.decompose()
            if before is not None and before.name in ("p", "h1", "h2", "h3") and " ".join(
                    before.get_text(" ").split()).rstrip(":").upper() == "MỤC LỤC":
                before.decompose()
    wanted = {link["href"][1:] for link in soup.find_all("a", href=_TOC_LINK)}
    for bookmark in soup.find_all("a", id=True):
        if bookmark["id"] in wanted and not bookmark.get("href"):
            bookmark["data-keep"] = ""


# The national motto every official document (văn bản hành chính) opens with, in a table
# beside the issuing unit's name, its number and date: the layout of a letter, not news.
_MOTTO = re.compile(r"C\s*Ộ\s*N\s*G\s+H\s*Ò\s*A\s+X\s*Ã\s+H\s*Ộ\s*I\s+C\s*H\s*Ủ\s+N\s*G\s*H\s*Ĩ\s*A")


def _without_official_header(soup: BeautifulSoup) -> tuple[tuple[str, ...], str] | None:
    """Leave out the header table of an official document (the unit, "CỘNG HÒA XÃ HỘI CHỦ
    NGHĨA VIỆT NAM", "Số: …", "…, ngày … tháng … năm …"): on a news page it read as a table of
    data above the text. Only a table before any text of the document's own. The lines of its
    first column and its dateline ("" when it has none), or None when there is no such table."""
    for node in soup.find_all(["table", "p", "ul", "ol", "h1", "h2", "h3"]):
        if node.name == "table":
            if _MOTTO.search(node.get_text(" ").upper()):
                def lines_of(cells) -> list[str]:
                    return [text for cell in cells for text in (" ".join(line.split())
                                                                for line in cell.get_text("\n").split("\n")) if text]
                first = tuple(lines_of(cell for row in node.find_all("tr") for cell in row.find_all(["td", "th"])[:1]))
                dateline = next((line for line in lines_of(node.find_all(["td", "th"])) if _DATELINE.fullmatch(line)), "")
                node.decompose()
                return first, dateline
            return None
        if node.find_parent("table") is None and node.get_text(strip=True):
            return None
    return None


def _merged_cells_in_place(soup: BeautifulSoup) -> None:
    """A Markdown table has no merged cells: Word's (mammoth's colspan and rowspan) are kept as
    the cell followed, across and down, by empty ones, so every figure stays in its column
    (the row under "Địa bàn" merged down had a cell too few, and its figures moved left). A
    first row that is one cell across the whole table ("BẢNG TỔNG HỢP …") is the table's
    title, in bold above it, not its header row."""
    for table in soup.find_all("table"):
        rows = table.find_all("tr")
        if table.find_parent("table") is not None or not rows:
            continue
        if not any(cell.get("colspan") or cell.get("rowspan") for cell in table.find_all(["td", "th"])):
            continue
        pending: dict[int, int] = {}  # column → rows still covered by a cell merged down from above
        for row in rows:
            cells = row.find_all(["td", "th"], recursive=False)
            column = 0
            for cell in cells:
                while pending.get(column):
                    pending[column] -= 1
                    cell.insert_before(soup.new_tag(cell.name))
                    column += 1
                across = _span(cell, "colspan")
                down = _span(cell, "rowspan")
                for _ in range(across - 1):
                    cell.insert_after(soup.new_tag(cell.name))
                for covered in range(column, column + across):
                    if down > 1:
                        pending[covered] = down - 1
                del cell["colspan"], cell["rowspan"]
                column += across
            while pending.get(column):  # merged down at the row's end
                pending[column] -= 1
                row.append(soup.new_tag(cells[-1].name if cells else "td"))
                column += 1
        first = rows[0].find_all(["td", "th"], recursive=False)
        width = max(len(row.find_all(["td", "th"], recursive=False)) for row in rows)
        if len(rows) > 2 and width > 1 and first[0].get_text(strip=True) and not any(
                cell.get_text(strip=True) for cell in first[1:]):
            title = soup.new_tag("p")
            title.append(soup.new_tag("strong"))
            title.strong.string = " ".join(first[0].get_text(" ").split())
            table.insert_before(title)
            rows[0].decompose()


def _boxes_as_quotes(soup: BeautifulSoup) -> None:
    """A table of one cell is a box around a note ("Khuyến cáo: …"), not data: it was a table
    whose header held all the text above an empty row. It is a quotation, set apart the same."""
    for table in soup.find_all("table"):
        cells = table.find_all(["td", "th"])
        if len(cells) != 1 or table.find_parent("table") is not None or cells[0].find("img") is not None:
            continue
        box = soup.new_tag("blockquote")
        for child in list(cells[0].contents):
            box.append(child.extract())
        table.replace_with(box)


def _span(cell: Tag, attribute: str) -> int:
    try:
        return max(1, min(int(cell.get(attribute) or 1), 100))
    except ValueError:
        return 1


def _cells_a_markdown_table_can_hold(soup: BeautifulSoup) -> None:
    """A Markdown table row is one line of cells parted by "|": a cell of Word's holding a
    table, a list or several paragraphs becomes its text on one line, and a "|" in a cell is
    escaped. (Otherwise the whole table came out as a paragraph of pipes.)"""
    for cell in soup.find_all(["td", "th"]):  # (an inner table's cells too, harmlessly, once it is text)
        for inner in cell.find_all("table"):
            rows = (" – ".join(" ".join(c.get_text(" ").split()) for c in row.find_all(["td", "th"]))
                    for row in inner.find_all("tr"))
            inner.replace_with("; ".join(row for row in rows if row))
        if len(cell.find_all(["p", "li"])) > 1 or cell.find(["ul", "ol", "br"]) is not None:
            for item in cell.find_all("li"):
                item.insert(0, "• ")  # the items of a list stay told apart on their one line
            photos = [photo.extract() for photo in cell.find_all("img")]  # (a wanted person's photo over the name)
            text = " ".join(cell.get_text(" ").split())
            cell.clear()
            for photo in photos:
                if not photo.get("alt") and text:
                    photo["alt"] = text  # (what the cell says of it: a name, a date of birth)
                cell.append(photo)
                cell.append(" ")
            cell.append(text)
        for string in cell.find_all(string=True):
            if "|" in string:
                string.replace_with(string.replace("|", "\\|"))


class _Markdown(MarkdownConverter):
    def convert_s(self, el, text, parent_tags):
        # "~~…~~" is not struck through by this Markdown (readers saw the tildes): the tag is.
        return f"<del>{text}</del>" if text.strip() else text

    convert_del = convert_strike = convert_s

    def convert_a(self, el, text, parent_tags):
        if el.has_attr("data-keep"):  # a heading's bookmark a link in the text leads to
            return f'<a id="{el["id"]}"></a>{text}'
        return super().convert_a(el, text, parent_tags)

    def convert_img(self, el, text, parent_tags):
        # markdownify leaves spaces in a file name as they are; ours never hold any, but a
        # title may hold quotes.
        alt, src, title = el.get("alt", ""), el.get("src", ""), el.get("title", "")
        title_part = ' "{}"'.format(title.replace('"', "“")) if title else ""
        return f"![{alt}]({src}{title_part})"


def _markdown(soup: BeautifulSoup) -> str:
    # (m², H₂O: a superscript and a subscript stay so, not "m2" and "H2O")
    text = _Markdown(heading_style="ATX", bullets="-", table_infer_header=True, escape_misc=False,
                     strong_em_symbol="*", sup_symbol="<sup>", sub_symbol="<sub>").convert_soup(soup)
    # One blank line between blocks; no spaces ending lines (Markdown's line break).
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
