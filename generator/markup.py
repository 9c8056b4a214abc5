"""Markdown → HTML for article bodies.

Owns the Markdown dialect (Python-Markdown with the 'extra' set and our
tree processors): links to other articles written as their .md path become
URLs, relative links to files are collected for filelinks.py, body headings
sit below the page's <h1> and carry ids (sections.py), and a summary is
derived from the first paragraph. Pure text in, text out; no file I/O.
"""
from __future__ import annotations

import functools
import html
import posixpath
import re
import xml.etree.ElementTree as etree
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Collection, Iterator, Mapping, Sequence
from urllib.parse import quote, unquote, urlsplit, urlunsplit



import markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from generator import (__version__, anchors, attachments, bare_addresses, confine, fences, filelinks, hashtags,
                       indented_paragraphs, legacy_fonts, limits, messages, pasted_tables, phone_links, plain_text,
                       rawtags, references, sections, styled_letters, table_numbers, table_regions, unclosed_html,
                       videos, workers, wrapped_lines, written_lists, written_tables)
from generator.cache import BuildCache, digest
from generator.content import ChangedDuringBuild, load_body
from generator.diagnostics import Problem, error, warning
from generator.images import ImagePlan, computer_path_problem, is_image_file, is_local, on_a_computer
from generator.memo import Memo
from generator.model import Article, Site, evolve, under_base_path
from generator.pictures import NestedPictures, PictureTreeprocessor, RawImages, RawPosters
from generator.vietnamese import fold, nfc, slugify
from generator.sanitize import MAX_HTML_DEPTH, URL_SCHEMES, XML_FORBIDDEN, host_of, html_depth, references_leaving_site, refused_iframes, dropped_players, sanitize_html, settings_key as sanitize_settings, text_of

# nl2br: a line break an editor types (or pastes from Word or Zalo: "Nơi nhận:", a line a
# name) stays a line break, as in every editor they know; a blank line starts a paragraph.
# pymdownx.magiclink: an address pasted bare (https://dichvucong…, www.…, an e-mail) is a link,
# as in Word, Zalo and Hugo (Goldmark's linkify).
# pymdownx.tilde: ~~struck text~~ is struck (<del>), as Hugo and Zola strike it: an editor's
# correction (đính chính) "~~hơn 120 tỷ đồng~~ 12 tỷ đồng". One "~" stays a tilde ("10~20").
EXTENSIONS = ("extra", "sane_lists", "smarty", "nl2br", "pymdownx.magiclink", "pymdownx.tilde")
EXTENSION_CONFIGS = {"smarty": {"smart_quotes": False},  # Vietnamese uses “ ” typed by hand
                     "pymdownx.tilde": {"subscript": False},
                     "extra": {"footnotes": {"BACKLINK_TITLE": "Trở lại chỗ chú thích %d"}}}
SUMMARY_LENGTH = 220
# What `new` writes in the body for the editor to replace: never to be published.
_PLACEHOLDERS = tuple(messages.TEXTS["new-body"].values())
# A paragraph with nothing to read: Word spaces its paragraphs with <p>&nbsp;</p>, a gap of
# a blank line each on the web page.
# "[TOC]" alone in its paragraph, as Typora and Python-Markdown's toc write where a table of contents
# goes: the layout shows ours ("Mục lục", three headings or more), and readers saw the brackets.
_TOC_MARKER = re.compile(r"<p>\s*\[toc\]\s*</p>\n?", re.I)
_EMPTY_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(?:\s|&nbsp;|&#160;|<br ?/?>|<span(?:\s[^>]*)?>(?:\s|&nbsp;|&#160;)*</span>)*</p>\n?")
_FIRST_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p>", re.S)  # (pasted from Word: <p class=MsoNormal>)
_ANY_TAG = re.compile(r"<[^>]*>")  # (between list items and cells: a space, not nothing)
# Not read in a summary: a footnote's mark ("thống kê[^1]": not "thống kê1"), and struck text, a
# correction's old figure ("~~120~~ 12 tỷ đồng": not "120 12 tỷ đồng"); nor a YouTube video's
# button and caption ("Xem video", a summary of an article of a video alone: videos.py).
_UNREAD = re.compile(r'<sup id="fnref[^"]*">.*?</sup>|<(del|s|strike)\b[^>]*>.*?</\1>'
                     r'|<figure class="video"[^>]*>.*?</figure>', re.S)


def _without_controls(body: str) -> str:
    """Each invisible control character (sanitize.XML_FORBIDDEN) as a space; but Word's line
    break (Shift+Enter), which pastes as U+000B, is the line break it was. A line that looks
    blank is blank (_SEEMINGLY_BLANK)."""
    body = XML_FORBIDDEN.sub(lambda found: "\n" if found.group() == "\x0b" else " ", body)
    # (a line of plain spaces is blank to Markdown already: the pass is only for the few bodies
    # holding an invisible space; it took 0.27 CPU-s over 10,000 bodies for nothing, 0.05 to look)
    return _SEEMINGLY_BLANK.sub("", body) if any(mark in body for mark in _INVISIBLE_SPACES) else body


# A line holding only a no-break space or zero-width characters (U+200B–U+200D, U+2060, a BOM),
# as Word, Outlook and Gmail paste their empty paragraphs: Python-Markdown took it for text, and
# the lists and tables after it for more of the paragraph above, pipes and dashes as written.
_SEEMINGLY_BLANK = re.compile(r"^(?:[^\S\n]|[\u200b-\u200d\u2060\ufeff])+$", re.M)
# (looked for one by one: `in` is a memchr, a class of them in a regex scanned 4× slower)
_INVISIBLE_SPACES = ("\u00a0", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u3000", "\u202f", "\u2007",
                     "\u2002", "\u2003", "\u2009")


@dataclass(frozen=True)
class MarkupResult:
    html: str
    problems: tuple[Problem, ...]
    file_links: tuple[tuple[str, int], ...] = ()  # relative links to files: (href, line)
    # links to a part of an article (`bai-khac.md#ket-qua`): (href, line, its source, the part),
    # checked once every body is converted (anchors.dead_part_links)
    part_links: tuple[tuple[str, int, str, str], ...] = ()


# What _ArticleLinks.rewrite gives for a link to take away, its words left as text.
UNLINKED = ""


class _ArticleLinks(Treeprocessor):
    """Rewrites `[text](../other/index.md)` to the other article's URL, and a link to a
    photo the body shows to that photo's widest variant (the original is never published)."""

    def __init__(self, md, urls_by_source: Mapping[str, str], base_path: str, images: ImagePlan,
                 documents: Mapping[str, tuple[tuple[str, int], ...]] = {}, unpublished: Collection[str] = (),
                 expired: Collection[str] = ()):
        super().__init__(md)
        # Articles this build leaves out until they are published (drafts, scheduled): a link to
        # one is told as such.
        self.unpublished = frozenset(nfc(source) for source in unpublished)
        # Articles taken down by their `expires`: a link to one loses its address, not the build
        # (an article must come down on time, however many others link to it).
        self.expired = frozenset(nfc(source) for source in expired)
        self.documents = documents  # Site.attachments: their links are labelled with kind and size
        # File names typed on a Mac arrive in NFD; the body's links are NFC (content.py).
        self.urls_by_source = {nfc(source): url for source, url in urls_by_source.items()}
        self.named: dict[str, None] | None = None  # (_articles: made at the first broken link)
        self.base_path = base_path
        self.images = images
        self.source = ""
        # (href, the article's file if only its case differs, else the href most likely meant, or None)
        self.broken: list[tuple[str, str | None, str | None]] = []
        self.to_unpublished: list[str] = []  # links to a draft or scheduled article
        self.to_expired: list[str] = []  # links to an expired article, now its words alone
        self.used: dict[str, str] = {}  # target source → URL written, for cache validation
        self.files: list[str] = []  # relative links to anything but an article: checked once all is planned
        self.on_computer: list[str] = []  # links to a file on the editor's computer
        self.dropped: list[str] = []  # links of a kind readers' browsers are not given (javascript:, zalo:)
        self.unreadable: list[str] = []  # links no browser can follow ("http://[…": a placeholder left in)
        self.written: list[str] = []  # the body's links' hrefs, in its order
        self.empty: list[int] = []  # those without words (`[](…)`), their places in `written`: nothing to see or tap, a screen reader reads the address
        self.raw: list[str] = []  # the hrefs of links pasted as HTML, as written (_RawLinks; then in the body's order)
        self.empty_raw: list[int] = []  # those without words (`<a href="…"></a>`): their places in `raw`
        self.parts: list[tuple[str, str, str]] = []  # links to a part of an article: (href, its source, the part)

    def run(self, root):
        documents = dict(self.documents.get(self.source, ()))
        labelled = []
        for element in root.iter("a"):
            href = element.get("href", "")
            if href.startswith("http://www.") and element.text == href[7:]:
                element.set("href", "https://" + element.text)  # a bare "www.…" (magiclink says http://)
                continue
            if "\\" in href and not _scheme(href):  # a Windows path ("..\\bai\\index.md"), as browsers read it
                href = href.replace("\\", "/")
                element.set("href", href)
            rewritten = self.rewrite(href)
            self.written.append(href)
            if rewritten == UNLINKED:
                del element.attrib["href"]
            elif rewritten is not None:
                element.set("href", rewritten)
            # (one not published, unlinked here or by the sanitizer, is nothing to tap or read out: its own
            # warning or error says what to mend)
            if (href and not "".join(element.itertext()).strip() and element.find(".//img") is None
                    and rewritten != UNLINKED and href not in self.dropped and href not in self.on_computer):
                self.empty.append(len(self.written) - 1)
            if documents and href not in self.unreadable:
                size = documents.get(attachments.file_beside(self.source, href))
                label = attachments.label(href, size) if size is not None else None
                if label is not None:  # (captions beside a clip are listed, but not labelled)
                    labelled.append((element, label))
        if labelled:
            self._label(root, labelled)
        return None

    @staticmethod
    def _label(root, labelled) -> None:
        """"(PDF, 1,2 MB)" after each link to a document, but a player's own download link and
        a link in a heading (whose anchor, made from its words, would change with the file)."""
        parents = {child: parent for parent in root.iter() for child in parent}
        for element, text in labelled:
            parent = parents[element]
            ancestor = parent
            while ancestor is not None and ancestor.tag not in _UNLABELLED:
                ancestor = parents.get(ancestor)
            if ancestor is not None:
                continue
            span = etree.Element("span", {"class": attachments.LABEL_CLASS})
            span.text, span.tail, element.tail = text, element.tail, " "
            parent.insert(list(parent).index(element) + 1, span)

    def _in_a_left_out_folder(self, parts) -> str | None:
        """The source of the article left out of this build (a draft, scheduled, expired) in whose
        folder the file `parts` names is, or None: its files are not published with it. (A link to
        one beside an expired warning stopped every build: "not published: only the files in an
        article's own folder are", which kept the warning online.)"""
        if parts.path.startswith("/") or not (self.expired or self.unpublished):
            return None
        left_out = self.expired | self.unpublished
        found = filelinks.in_another_folder(self.source, unquote(parts.path),
                                            lambda folder: "" if folder + "/index.md" in left_out else None)
        return found[0] + "/index.md" if found is not None else None

    def _in_another_folder(self, parts) -> str | None:
        """Where a file in another article's folder is published ("../ke-hoach-tet/ke-hoach.pdf"
        → "/tin-hoat-dong/ke-hoach-tuan-tra-dip-tet/ke-hoach.pdf"): that article's URL is made
        from its title, not its folder's name, so the link as written led nowhere. None for a
        file in no other article's folder."""
        path = unquote(parts.path)
        if is_image_file(path):  # a photo's original is never published: filelinks.py says what to write
            return None
        found = filelinks.in_another_folder(self.source, path, lambda folder: self.urls_by_source.get(folder + "/index.md"))
        if found is None:
            return None
        bundle = found[0] + "/index.md"
        self.used[bundle] = self.urls_by_source[bundle]  # (its URL changes: this body is converted again)
        return found[1]

    def _meant(self, target: str) -> str | None:
        """The link to the article most likely meant by a link to `target`, a file that is
        not an article: "bai-khac.md" for the bundle "bai-khac/index.md", or the same name
        spelled otherwise in the same folder. Looked for only for a broken link."""
        bundle = target.removesuffix(".md") + "/index.md"
        meant = bundle if bundle in self._articles() else None
        if meant is None:  # the same name but for case, tone marks, "_" or spaces ("Bài khác.md")
            folder, key = posixpath.dirname(target), slugify(target)
            meant = next((source for source in self._articles()
                          if posixpath.dirname(source) == folder and slugify(source) == key), None)
        if meant is None:
            meant = self._moved_from(target)
        return posixpath.relpath(meant, posixpath.dirname(self.source)) if meant else None

    def _articles(self) -> Collection[str]:
        """Every article a link may name, those this build leaves out too (a draft, a scheduled or
        an expired one): a link to a scheduled article by a wrong path was told "did you mean" by
        `check`, which reads every article, and not by the build, which left it out. Made once, in
        an order of its own: a set's changes with each run, and of two files spelled alike the one
        named was another each build; made again at each broken link, a migrated portal's thousand
        of them took seconds."""
        if self.named is None:
            self.named = dict.fromkeys([*self.urls_by_source, *sorted(self.unpublished | self.expired)])
        return self.named

    def _moved_from(self, target: str) -> str | None:
        """The article a link written for another place of this article names: a bundle whose
        folder was moved or renamed (`git mv`), or a file made a bundle, keeps links relative to
        where it was ("bai-khac.md", "../tuan-tra/index.md"), which now lead nowhere. The article
        whose path ends as the link's does (its "../" taken off), the one nearest this article's
        folder when several do; None when two are as near."""
        written = posixpath.relpath(target, posixpath.dirname(self.source)).split("/")
        while written and written[0] == "..":
            written.pop(0)
        if not written or written == ["index.md"]:  # (every bundle's: names none)
            return None
        tail = "/" + "/".join(written)
        ends = (tail, tail.removesuffix(".md") + "/index.md")
        found = [source for source in self._articles() if source.endswith(ends)]
        if len(found) > 1:
            shared = [len(posixpath.commonpath([source, self.source])) for source in found]
            nearest = [source for source, length in zip(found, shared) if length == max(shared)]
            found = nearest
        return found[0] if len(found) == 1 else None

    def rewrite(self, href: str) -> str | None:
        """The href to write instead of `href`, UNLINKED to take the link away, or None to keep it
        (problems are noted)."""
        if markdown.util.AMP_SUBSTITUTE in href:  # an e-mail link, its letters hidden from harvesters as &#…;
            href = html.unescape(href.replace(markdown.util.AMP_SUBSTITUTE, "&"))
        if on_a_computer(href):  # (the sanitizer would drop it: a link to nowhere, unnoticed)
            self.on_computer.append(href)
            return None
        try:
            parts = urlsplit(href)
        except ValueError:  # "http://[link]", "http://[::1": a host in brackets that is none, which stopped the build
            self.unreadable.append(href)
            return UNLINKED
        if parts.scheme and parts.scheme.lower() not in URL_SCHEMES:  # the sanitizer drops it: told, not lost unseen
            self.dropped.append(href)
            return None
        if parts.scheme or parts.netloc or not parts.path:
            if parts.scheme.lower() in ("http", "https") and parts.netloc and parts.path.strip("/") and not parts.query:
                self.files.append(href)  # (an old portal's address of an article: filelinks.py)
            return None
        if not parts.path.endswith(".md"):
            photo = self.images.linked_photo(self.source, href)
            if photo is not None:
                return self.base_path + photo
            left_out = self._in_a_left_out_folder(parts)
            if left_out is not None:  # a document beside a draft, a scheduled or an expired article
                (self.to_expired if left_out in self.expired else self.to_unpublished).append(href)
                return UNLINKED if left_out in self.expired else None
            self.files.append(href)  # (checked once all is planned: filelinks.py)
            if not parts.path.startswith("/"):  # (filelinks.py finds a file of another folder as this does)
                elsewhere = self._in_another_folder(parts)
                if elsewhere is not None:
                    return urlunsplit(parts._replace(path=self.base_path.rstrip("/") + quote(elsewhere, safe=_PATH_SAFE)))
            elif not under_base_path(parts.path, self.base_path):
                # A path from the site's root ("/gioi-thieu/"), as the theme's links, under base_url's
                # path: a portal published at …/congan/ linked /gioi-thieu/, and readers got a 404.
                path = self.base_path.rstrip("/") + quote(unquote(parts.path), safe=_PATH_SAFE)
                return urlunsplit(parts._replace(path=path))
            return _escaped(parts)
        target = nfc(posixpath.normpath(posixpath.join(posixpath.dirname(self.source), unquote(parts.path))))
        url = self.urls_by_source.get(target)
        if url is None and target in self.unpublished:
            self.to_unpublished.append(href)
            return None
        if url is None and target in self.expired:
            self.to_expired.append(href)
            return UNLINKED
        if url is None:
            named = confine.other_case(target, self.urls_by_source)
            self.broken.append((href, named, None if named else self._meant(target)))
            return None
        self.used[target] = url
        if parts.fragment:
            self.parts.append((href, target, parts.fragment))
        return self.base_path + url.lstrip("/") + (f"#{parts.fragment}" if parts.fragment else "")


# What a path may hold as it is: RFC 3986's pchar and "/". A file's name written as the disk
# spells it ("Kết quả đạt 95%.pdf") is escaped: a "%" that starts no escape makes nginx answer
# 400 Bad Request, so the reader never gets the file.
_PATH_SAFE = "/!$&'()*+,;=:@"


def _scheme(href: str) -> str:
    """A link's scheme ("https"), "" for none or for no address a browser can open ("http://[…")."""
    try:
        return urlsplit(href).scheme
    except ValueError:
        return ""


def _escaped(parts) -> str | None:
    """The link to a file with its path escaped for every web server (the name it reads is the
    one filelinks.py checks: the path unquoted), or None when it needs nothing."""
    path = quote(unquote(parts.path), safe=_PATH_SAFE)
    return urlunsplit(parts._replace(path=path)) if path != parts.path else None


_UNLABELLED = frozenset({"video", "audio", "h1", "h2", "h3", "h4", "h5", "h6"})


class _RawLinks(rawtags.StashedTags):
    """The same for links in raw HTML pasted into the body (`<a href="bai-khac.md">`). Each
    link kept is marked (_RAW_LINK) for _WordlessRawLinks, which tells those without words."""

    tags = ("a",)

    def __init__(self, md, links: _ArticleLinks):
        super().__init__(md)
        self.links = links

    def replacement(self, attrs: dict[str, str]) -> str | None:
        written = attrs.get("href")
        href = self.links.rewrite(written) if written is not None else None
        if href == UNLINKED:
            return rawtags.start_tag("a", {key: value for key, value in attrs.items() if key != "href"})
        if (not written or written in self.links.dropped or written in self.links.on_computer
                or attrs.get("aria-label", "").strip() or attrs.get("title", "").strip()):  # (named by those)
            return rawtags.start_tag("a", {**attrs, "href": href}) if href is not None else None
        self.links.raw.append(written)
        return rawtags.start_tag("a", {**attrs, "href": written if href is None else href,
                                       _RAW_LINK: str(len(self.links.raw) - 1)})


_RAW_LINK = "data-raw-link"  # (taken out again before the body is sanitized)
_RAW_LINK_MARK = re.compile(f' {_RAW_LINK}="([0-9]+)">')
_MARKED_LINK = re.compile(f'<a\\s[^>]*? {_RAW_LINK}="([0-9]+)">(.*?)</a>', re.S | re.I)


class _WordlessRawLinks(Postprocessor):
    """A link pasted as HTML without words (`<a href="https://…"></a>`, or spaces alone between
    its tags) goes to the article links' `empty_raw`, as `[](https://…)` goes to their `empty`;
    run once Python-Markdown has put raw HTML back (the tags and the words between them are kept
    apart until then). A photo in it names it, or is a missing-alt warning at the same line."""

    def __init__(self, md, links: _ArticleLinks):
        super().__init__(md)
        self.links = links

    def run(self, text):
        if not self.links.raw:
            return text
        wordless = {int(found.group(1)) for found in _MARKED_LINK.finditer(text)
                    if not text_of(found.group(2)) and "<img" not in found.group(2).lower()}
        # In the body's order (raw HTML blocks are stashed before the tags inside paragraphs), each
        # placed by the links to its address written before it (_link_lines), not by the first one.
        order = [int(found.group(1)) for found in _RAW_LINK_MARK.finditer(text)]
        self.links.raw = [self.links.raw[n] for n in order]
        self.links.empty_raw = [at for at, n in enumerate(order) if n in wordless]
        return _RAW_LINK_MARK.sub(">", text)


class _RawMedia(rawtags.StashedTags):
    """A video or a sound pasted as HTML (`<video controls src="clip.mp4">`, or with its
    <source> and captions' <track> tags): a relative src is a file the build must publish,
    checked as a link is."""

    tags = ("video", "audio", "source", "track")

    def __init__(self, md, links: _ArticleLinks):
        super().__init__(md)
        self.links = links

    def replacement(self, attrs: dict[str, str]) -> None:
        if not is_local(attrs.get("src", "")):  # (another site's, or no address: "http://[v]/a.mp4")
            return None
        parts = urlsplit(attrs.get("src", ""))
        if parts.path and not parts.path.startswith("/"):
            self.links.files.append(attrs["src"])
        return None


# A heading's tags in HTML the editor pasted (a page copied from the old portal: <h1>…</h1>).
_HTML_HEADING_TAG = re.compile(r"<(/?)h([1-6])(?=[\s/>])", re.I)
_HTML_H1 = re.compile(r"\s*<h1\b[^>]*>(.*?)</h1>\s*", re.I | re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)  # (an old part the editor hid, never published: moves nothing)
# (one with an id is kept, as `## &nbsp; {#ket-qua}` is: a link of the body may lead there)
_BLANK_HTML_HEADING = re.compile(r"""<(h[1-6])(?:\s(?:(?!(?<![\w-])id\s*=\s*["']?[^"'\s>])[^>])*)?>"""
                                 r"(?:\s|&nbsp;|&#160;|&#xa0;|<br\s*/?>"
                                 r"|</?(?:span|strong|b|em|i|u|font|o:p)(?:\s[^>]*)?>)*</\1\s*>[ \t]*\n?", re.I)


class _ShiftHeadings(Treeprocessor):
    """The article title is the page's only <h1>; body headings move below it, those written
    in HTML too (Python-Markdown keeps them aside as text until the end: a pasted <h1> was a
    second <h1> on the page, the one a screen reader's reader jumps to as the article's)."""

    title = ""  # the article's, set for each conversion

    def run(self, root):
        stash = self.md.htmlStash.rawHtmlBlocks
        # A heading pasted without words (<h2>&nbsp;</h2>, Word's empty line in a heading's style) is left out,
        # as `## &nbsp;` is (sections.HeadingIds): a blank heading a screen reader's reader landed on, and a
        # blank <h1> moved every heading down a level.
        stash[:] = [_BLANK_HTML_HEADING.sub("", block) if isinstance(block, str) and _HTML_HEADING_TAG.search(block)
                    else block for block in stash]
        # The title again as the body's first line, which the page leaves out (without_repeated_title):
        # no heading of the text, and the parts under it stay <h2> ("# Tiêu đề" then "## Phần" gave <h3>).
        repeated = self._repeated_title(root, stash)
        # (nor a heading of marks alone, `#` on its line, which HeadingIds leaves out: "#" then "## Phần" gave <h3>)
        levels = [int(e.tag[1]) for e in root.iter() if re.fullmatch(r"h[1-6]", str(e.tag)) and e is not repeated
                  and not sections.is_blank_heading(e, stash)]
        levels += [int(tag.group(2)) for index, block in enumerate(stash) if isinstance(block, str) and index != repeated
                   for tag in _HTML_HEADING_TAG.finditer(_HTML_COMMENT.sub("", block) if "<!--" in block else block)]
        if levels and min(levels) == 1:
            for element in root.iter():
                if re.fullmatch(r"h[1-6]", str(element.tag)):
                    element.tag = f"h{min(6, int(element.tag[1]) + 1)}"
            stash[:] = [_HTML_HEADING_TAG.sub(lambda tag: f"<{tag.group(1)}h{min(6, int(tag.group(2)) + 1)}", block)
                        if isinstance(block, str) else block for block in stash]
        return None

    def _repeated_title(self, root, stash):
        """The body's first block when it is an <h1> of the title's words: the element, or the
        index of the raw HTML kept aside for it; else None."""
        first = root[0] if len(root) else None
        if first is None or not self.title:
            return None
        if first.tag == "h1":
            return first if fold(text_of("".join(first.itertext()))) == fold(self.title) else None
        held = markdown.util.HTML_PLACEHOLDER_RE.fullmatch(first.text or "") if first.tag == "p" and not len(first) else None
        block = stash[int(held.group(1))] if held and int(held.group(1)) < len(stash) else None
        heading = _HTML_H1.fullmatch(block) if isinstance(block, str) else None
        return int(held.group(1)) if heading and fold(text_of(heading.group(1))) == fold(self.title) else None


class MarkupConverter:
    """One reusable Markdown instance (building one costs more than a conversion)."""

    def __init__(self, urls_by_source: Mapping[str, str], base_path: str = "/",
                 images: ImagePlan = ImagePlan(), iframe_hosts: Sequence[str] = (),
                 documents: Mapping[str, tuple[tuple[str, int], ...]] = {}, unpublished: Collection[str] = (),
                 expired: Collection[str] = ()):
        self.iframe_hosts = tuple(iframe_hosts)
        self.md = markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSION_CONFIGS,
                                    output_format="html")
        self.links = _ArticleLinks(self.md, urls_by_source, base_path, images, documents, unpublished, expired)
        self.md.treeprocessors.register(self.links, "article_links", 5)
        self.shift = _ShiftHeadings(self.md)
        self.md.treeprocessors.register(self.shift, "shift_headings", 4)
        self.phones = phone_links.install(self.md)
        bare_addresses.install(self.md)
        self.md.treeprocessors.register(references.ReferencesHeading(self.md), "references_heading", 3.5)
        self.md.treeprocessors.register(references.NamedBackLinks(self.md), "named_back_links", 3.4)
        self.md.treeprocessors.register(sections.HeadingIds(self.md), "heading_ids", 3)  # after the shift
        self.pictures = PictureTreeprocessor(self.md, images, base_path, documents)
        self.md.treeprocessors.register(self.pictures, "pictures", 6)
        # Before Python-Markdown puts raw HTML back (its "raw_html" postprocessor, priority 30).
        self.md.postprocessors.register(RawImages(self.md, self.pictures), "raw_images", 35)
        self.md.postprocessors.register(RawPosters(self.md, self.pictures), "raw_posters", 35.5)
        self.md.postprocessors.register(NestedPictures(self.md, self.pictures, self.links),
                                        "nested_pictures", 29)  # after raw_html
        self.md.postprocessors.register(_RawLinks(self.md, self.links), "raw_links", 36)
        self.md.postprocessors.register(_WordlessRawLinks(self.md, self.links), "wordless_raw_links", 28)  # after raw_html
        self.md.postprocessors.register(_RawMedia(self.md, self.links), "raw_media", 37)
        fences.install(self.md)
        plain_text.install(self.md)
        pasted_tables.install(self.md)
        wrapped_lines.install(self.md)
        indented_paragraphs.install(self.md)
        hashtags.install(self.md)
        self.styled = styled_letters.install(self.md)
        written_tables.install(self.md)
        written_lists.install(self.md)
        table_numbers.install(self.md)

    def convert(self, article: Article) -> MarkupResult:
        self.links.source = article.source
        self.links.broken, self.links.files, self.links.on_computer, self.links.dropped = [], [], [], []
        self.links.unreadable = []
        self.links.written, self.links.empty, self.links.raw, self.links.empty_raw = [], [], [], []
        self.links.to_unpublished, self.links.to_expired = [], []
        self.phones.active = phone_links.may_hold_one(article.body)
        self.links.parts = []
        self.pictures.source, self.pictures.unplanned = article.source, []
        self.pictures.cover = (article.image, article.image_caption)
        self.shift.title = article.title
        self.links.used = {}
        first_line = article.body_line + len(article.body) - len(article.body.lstrip("\n"))
        unusual = _UNUSUAL.search(article.body) is not None  # styled letters or an old font's symbols
        self.styled.may_hold_any = unusual
        if html_depth(article.body) > MAX_HTML_DEPTH:
            return MarkupResult("", (error(article.source, first_line, "too-deep",
                                           f"HTML tags are nested more than {MAX_HTML_DEPTH} levels deep"),))
        deep = limits.deep_list(article.body)
        if deep is not None:
            return MarkupResult("", (error(article.source, article.body_line + deep, "too-deep",
                                           f"lists are nested more than {limits.MAX_LIST_DEPTH} levels deep"),))
        heavy = limits.heavy_block(article.body)
        if heavy is not None:
            return MarkupResult("", (error(article.source, article.body_line + heavy[0], "too-complex",
                                           f"this paragraph has {heavy[1]:,} '[', '*', '_' or '<' marks (at most "
                                           f"{limits.MAX_MARKERS_PER_BLOCK:,}); split it with blank lines"),))
        try:
            with limits.time_budget():
                # Python-Markdown's reset() leaves its block parser's state stack: a conversion cut
                # short (too deep, too slow) left "list" on it, and the worker's next article lost
                # the <p> of its paragraphs.
                del self.md.parser.state[:]
                converted = self.md.reset().convert(_without_controls(article.body))
                refused = refused_iframes(converted, self.iframe_hosts)
                players = dropped_players(converted)
                if "c]</p>" in converted or "C]</p>" in converted:  # (the cheap look before the regex: any case of [TOC])
                    converted = _TOC_MARKER.sub("", converted)
                cleaned = videos.embed_videos(_EMPTY_PARAGRAPH.sub("", sanitize_html(converted, self.iframe_hosts)),
                                              article.title)
                body_html = without_repeated_title(sections.clear_of_layout_ids(cleaned), article.title)
                body_html, dead_anchors = anchors.fragment_links(body_html)
                body_html = table_regions.wrap_tables(body_html)
        except limits.ConversionTooSlow:
            return MarkupResult("", (error(article.source, first_line, "too-slow",
                                           f"converting this article took more than {limits.CONVERT_SECONDS} s"),))
        except RecursionError:  # Python-Markdown recurses once per level of nested lists/quotes
            return MarkupResult("", (error(article.source, first_line, "too-deep",
                                           "lists or quotes are nested too deeply to convert"),))
        problems = tuple(
            error(article.source, line, "broken-link",
                  f"the link '{href}' points to no article (check the path to its .md file)"
                  + (f"; {confine.named_in_other_case(named)}" if named else "")
                  + (f"; did you mean '{meant}'?" if meant else ""))
            for (href, named, meant), line in zip(self.links.broken,
                                                  _link_lines(article, [href for href, _, _ in self.links.broken]))
        ) + tuple(
            error(article.source, line, "broken-link",
                  f"the link '{href}' points to {_article_or_its_file(href)} that is not published yet (a draft or "
                  "scheduled); the build fails until it is" + _TAKE_DOWN_HINT)
            for href, line in zip(self.links.to_unpublished, _link_lines(article, self.links.to_unpublished))
        ) + tuple(
            warning(article.source, line, "expired-link",
                    f"the link '{href}' points to {_article_or_its_file(href)} that has expired (its 'expires' has "
                    "passed): readers see the link's words without a link; remove the link, or change that "
                    "article's 'expires'")
            for href, line in zip(self.links.to_expired, _link_lines(article, self.links.to_expired))
        ) + tuple(
            computer_path_problem(article.source, line, "the link", href)
            for href, line in zip(self.links.on_computer, _link_lines(article, self.links.on_computer))
        ) + tuple(
            warning(article.source, line, "dropped-link",
                    f"the link '{href}' is not published (only web addresses, mailto: and tel: links are): readers see its "
                    "words without a link" + ("; for Zalo write https://zalo.me/ and the phone number"
                                              if href.lower().startswith("zalo:") else ""))
            for href, line in zip(self.links.dropped, _link_lines(article, self.links.dropped))
        ) + tuple(
            warning(article.source, line, "dropped-link",
                    f"the link '{href}' is no address a browser can open (its host is written between '[' and ']', or "
                    "with one of them alone): readers see its words without a link; write the address again")
            for href, line in zip(self.links.unreadable, _link_lines(article, self.links.unreadable))
        ) + _wordless_links(article, self.links.written, self.links.empty, _LINK_FORMS, "the [ ]") \
          + _wordless_links(article, self.links.raw, self.links.empty_raw, _IN_A_TAG, "<a …> and </a>") + tuple(
            warning(article.source, line, "broken-anchor",
                    f"the link '{href}' leads to no part of this article: a tap on it does nothing; "
                    + (f"its headings and anchors are {listed}" if listed else "it has no heading to link to"))
            for (href, listed), line in zip(dead_anchors, _link_lines(article, [href for href, _ in dead_anchors]))
        ) + tuple(
            error(article.source, line, "missing-image",
                  f"the image '{src}' was not found beside the article or under assets/")
            for src, line in zip(self.pictures.unplanned, _link_lines(article, self.pictures.unplanned, _ANYWHERE))
        ) + tuple(
            # Photos have their own checks in the images stage; this catches links and raw HTML.
            error(article.source, _line_of(article, url), "outside-site",
                  f"'{url}' points outside the site folder; put the file in the article's folder")
            for url in references_leaving_site(article.source, body_html) if url not in self.pictures.unplanned
        )
        problems += tuple(
            warning(article.source, line, "dropped-iframe", _refused_iframe(src, self.iframe_hosts))
            for src, line in zip(refused, _link_lines(article, refused, _ANYWHERE)))
        problems += _unclosed_bold(article, body_html)
        problems += tuple(
            warning(article.source, line, "dropped-player", _dropped_player(src))
            for src, line in zip(players, _link_lines(article, players, _IN_A_TAG)))
        unclosed = unclosed_html.unclosed_block(article.body) if "<" in article.body else None
        if unclosed is not None:
            line, tag = unclosed
            problems += (warning(article.source, article.body_line + line, "unclosed-html",
                                 f"the <{tag}> opened on this line is never closed: the rest of the article is "
                                 "published as written, not read as Markdown (its headings, lists, photos and links "
                                 f"show as plain text); close it with </{tag}> or delete it"),)
        problems += tuple(
            warning(article.source, _line_of(article, written), "undefined-footnote",
                    f"the footnote '{mark}' has no text: write '{mark}: …' on a line of its own at the end of "
                    f"the article (readers see {mark} as it is)") if kind == "footnote" else
            warning(article.source, _line_of(article, written), "undefined-reference",
                    f"the link names '{mark}', which the article does not define: write '{mark}: https://…' on "
                    "a line of its own, or the address in ( ) after the words (readers see the brackets)")
            for kind, mark, written in references.undefined_references(body_html))
        placeholder = next((line for line in _PLACEHOLDERS if line in article.body), None)
        if placeholder is not None and not article.draft:
            problems += (error(article.source, _line_of(article, placeholder), "placeholder-text",
                               f"the body still holds '{placeholder}', which 'new' wrote for you to replace: "
                               "write the article there (or keep it a draft: draft: true)"),)
        elif not article.draft:
            problems += _blanks_left(article)
        problems += tuple(
            warning(article.source, article.body_line + offset, "old-font-text",
                    f"this paragraph reads as text typed in an old Vietnamese font (TCVN3 .VnTime or VNI-Times), "
                    f"'{sample}': readers see those symbols; convert it to Unicode (Unikey: Ctrl+Shift+F6) "
                    "and paste it again")
            for offset, sample in (legacy_fonts.legacy_paragraphs(article.body) if unusual else ()))
        problems += tuple(
            warning(article.source, article.body_line + offset, "garbled-text",
                    f"this paragraph reads as text that the old portal's database or export read in another "
                    f"encoding, as Windows-1252, '{sample}', which says '{meant}': readers see those symbols; "
                    "export it again as UTF-8 (MySQL: utf8mb4), or write the text it says")
            for offset, sample, meant in legacy_fonts.misread_paragraphs(article.body))
        if not body_html.strip():  # saved before it was written, or only the title again
            problems += (warning(article.source, article.body_line, "empty-body",
                                 "the article has no text: its page would show the title alone"),)
        return MarkupResult(body_html, problems, tuple(zip(self.links.files, _link_lines(article, self.links.files))),
                            tuple((href, line, target, part) for (href, target, part), line
                                  in zip(self.links.parts, _link_lines(article, [href for href, _, _ in self.links.parts]))))


_YOUTUBE_EMBED = re.compile(r"^(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/embed/([A-Za-z0-9_-]{11})", re.I)


_YOUTUBE_FLASH = re.compile(r"^(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/v/([A-Za-z0-9_-]{11})", re.I)


_DOCUMENT = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf)$", re.I)


def _dropped_player(src: str) -> str:
    video = _YOUTUBE_FLASH.search(src)
    if video is not None:  # YouTube's first embed code, a Flash player
        return (f"the YouTube player pasted as <object> or <embed> is not shown: write the video's address alone on "
                f"its line, https://www.youtube.com/watch?v={video.group(1)}, and the article shows its picture and "
                "plays it on a tap")
    if _DOCUMENT.search(re.split(r"[?#]", src, maxsplit=1)[0]):  # (an <object data="…pdf">: a document, no clip)
        return (f"the document pasted as <object> or <embed>, '{src}', is not shown: link it, [Tên văn bản]({src}), "
                "and readers open or download it")
    return (f"the player pasted as <object> or <embed> for '{src}' is not shown (no browser has played Flash "
            "since 2021): save the clip as MP4 beside the article and show it as a photo is, ![…](clip.mp4), or "
            "put it on YouTube and write its address alone on its line")


def _refused_iframe(src: str, hosts: Sequence[str]) -> str:
    host = host_of(src)
    video = _YOUTUBE_EMBED.search(src)
    if video is not None:  # YouTube's "Share › Embed" code: the portal has its own, lighter player
        return (f"the YouTube player pasted as an iframe is not shown: write the video's address alone on its "
                f"line, https://www.youtube.com/watch?v={video.group(1)}, and the article shows its picture and "
                "plays it on a tap")
    if not host and _scheme(src) == "" and src.strip().lower().startswith("https://"):  # ("https://[VIDEO]/…")
        return (f"the frame embedded from '{src}' is no address a browser can open (its host is written between "
                "'[' and ']', or with one of them alone): write the address its embed code gives")
    if not src.strip().lower().startswith("https://") or not host:
        return f"the frame embedded from '{src}' is not shown: only https frames are"
    listed = f"[security] iframe_hosts: {', '.join(hosts)}" if hosts else "[security] iframe_hosts, and none is"
    return (f"the frame embedded from {host} is not shown: a body may embed only the sites listed in site.toml "
            f"({listed}); add \"{host}\" there if the portal may show it")


# The body's first block: a heading, a paragraph all in bold, or Word's Title style
# (<p class=MsoTitle>, and its bold paragraphs carry a class and a <span lang=VI>).
_FIRST_BLOCK_TITLE = re.compile(r"\s*(?:<(h[1-6])\b[^>]*>(?P<heading>.*?)</\1>"
                                r"|<p(?:\s[^>]*)?>\s*<(strong|b)>(?P<bold>.*?)</\3>\s*</p>"
                                r"|<p\s[^>]*\bclass=\"[^\"]*MsoTitle[^\"]*\"[^>]*>(?P<word>.*?)</p>)\s*", re.S)


# One search of a body for what two passes look for, so that almost every body skips both.
_UNUSUAL = re.compile(f"[{styled_letters.BLOCK}{re.escape(legacy_fonts.ODD)}]")


def without_repeated_title(body_html: str, title: str) -> str:
    """The body without its first line when that line is the title again: a document pasted
    from Word, or written for Hugo, often starts with its title, which the page already shows
    as its <h1> right above (readers saw it twice, one under the other)."""
    found = _FIRST_BLOCK_TITLE.match(body_html)
    if found and fold(text_of(found.group("heading") or found.group("bold") or found.group("word") or "")) == fold(title):
        return body_html[found.end():]
    return body_html


# How a link's target is written: as a Markdown link's, in a tag's quotes, between < >; then anywhere.
_LINK_FORMS = (("](", ""), ('"', '"'), ("'", "'"), ("<", ">"), ("", ""))
_ANYWHERE = (("", ""),)
_IN_A_TAG = (('"', '"'), ("'", "'"), ("", ""))  # a link pasted as HTML


def _link_lines(article: Article, hrefs: Sequence[str], forms: Sequence[tuple[str, str]] = _LINK_FORMS) -> list[int]:
    """The line of each link to `hrefs` (in the body's order, one entry per link written):
    where it stands as a link target, not wherever its letters first appear (a link to "c" is
    not on the line of the first word holding a c). A target written twice is at its first
    line, then at its second: both were told at the first, one line once folded, and the editor
    who mended it was told the same mistake again by the next build. A link shown as code
    (`[x](a.pdf)`, a guide to writing one) is no link: its place is taken last."""
    found: dict[str, tuple[list[int], list[int], Iterator[int]]] = {}
    told: Counter[str] = Counter()
    shown_as_code = _code_reader(article.body)
    lines = []
    for href in hrefs:
        places, in_code, more = found.setdefault(href, ([], [], _places(article.body, href, forms)))
        told[href] += 1
        while len(places) < told[href] and (at := next(more, None)) is not None:
            (in_code if shown_as_code(at) else places).append(at)
        if len(places) < told[href] and in_code:
            places += in_code
            in_code.clear()
        lines.append(_line_at(article, places[min(told[href], len(places)) - 1] if places else 0))
    return lines


def _wordless_links(article: Article, hrefs: Sequence[str], wordless: Sequence[int],
                    forms: Sequence[tuple[str, str]], between: str) -> tuple[Problem, ...]:
    """The empty-link warnings of the links at the places `wordless` of `hrefs` (all the body's links
    of a kind, in its order: each is placed among them, as one with words to the same address may
    come first); `between`: where the words go."""
    lines = _link_lines(article, hrefs, forms) if wordless else []
    return tuple(warning(article.source, lines[at], "empty-link",
                         f"the link '{hrefs[at]}' has no words: readers see nothing to tap, and a screen reader "
                         f"reads its address; write them between {between}")
                 for at in wordless)


_CODE_ELEMENT = re.compile(r"<(pre|code)\b.*?</\1>", re.S)
# A bold mark ("**", or "***" with italics); four and more are a number masked ("1903****567").
_BOLD_MARK = re.compile(r"(?<!\*)\*{2,3}(?!\*)")
_WORD = re.compile(r"[^\W_]")
# Lines that are a text of their own, no blank line parting them from the one above: a list item, a
# heading; a table's rows (under its row of dashes), each cell bold alone; a rule ("***") none.
_OWN_TEXT = re.compile(r"[ \t]{0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}[ \t])")
_RULE = re.compile(r"[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")
_TABLE_DASHES = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*|[ \t]*\|[ \t]*:?-+:?[ \t]*\|[ \t]*")


def _unclosed_bold(article: Article, body_html: str) -> tuple[Problem, ...]:
    """An `unclosed-bold` warning at each '**' a text never closes ("Đây là **điểm quan trọng."):
    readers saw the two asterisks, and no bold. Only when the published text shows them. A text is
    a paragraph, a list item, a heading or a table's row; a list item's mark was told at the last
    item's line, a rule ("***") between paragraphs as the mark, and only the first paragraph of
    several. A mark that cannot open a bold (words before it, none after: "SN 19**", "0912 345 ***",
    a birth year or a number masked as police news masks them) closes one, or is text."""
    if "**" not in body_html or "**" not in _ANY_TAG.sub("", _CODE_ELEMENT.sub("", body_html)):
        return ()
    lines = article.body.split("\n")
    # (Line by line, not _code_reader's offsets, each counting the lines before it: a long law pasted
    # whole, bold in each of its 16,000 paragraphs and one left open, took seconds.)
    fenced = fences.fenced_blocks(lines) if "`" in article.body or "~~~" in article.body else []
    hidden = _commented(article.body)
    texts: list[list[int]] = []  # the lines of the marks each text opens and has not closed yet
    at, table, alone = 0, False, True
    for number, line in enumerate(lines):
        if not line.strip() or _RULE.fullmatch(line):
            table, alone = False, True
        elif _TABLE_DASHES.fullmatch(line) and number and lines[number - 1].strip():
            table, alone = True, True
        else:
            if alone or table or _OWN_TEXT.match(line):
                texts.append([])
            if "**" in line and not any(first <= number <= last for first, last in fenced):
                spans = fences.code_spans(line) if "`" in line else ()
                for found in _BOLD_MARK.finditer(line):
                    if any(left <= found.start() < right for left, right in spans) or hidden(at + found.start()):
                        continue
                    before = line[found.start() - 1] if found.start() else " "
                    after = line[found.end()] if found.end() < len(line) else " "
                    if before.isdigit() and after.isdigit():  # ("0912***456", "2**3": a number)
                        continue
                    if texts[-1] and _can_close(before, after):
                        texts[-1].pop()
                    # (one that could close it, read backwards, opens one: of words, "***." none)
                    elif _can_close(after, before) and _WORD.search(line, found.end()):
                        texts[-1].append(number)
            alone = bool(_OWN_TEXT.match(line)) and line.lstrip().startswith("#")
        at += len(line) + 1
    return tuple(warning(article.source, article.body_line + number, "unclosed-bold",
                         "the '**' on this line is never closed: readers see the two asterisks and no bold "
                         "text; write '**' after the words to show in bold too (or delete it)")
                 for opened in texts for number in sorted(set(opened)))


def _can_close(before: str, after: str) -> bool:
    """Whether a bold mark between the letters `before` and `after` can close a bold (Markdown's
    right-flanking: words before it, and no word glued after it when a punctuation mark is before)."""
    if before.isspace():
        return False
    return before.isalnum() or after.isspace() or not after.isalnum()


# A line holding nothing but "…" (or "..."), alone or as a list item: a blank of an archetype
# ("## Lệ phí" over "…", "1. …") that `new` wrote for the editor to fill in.
_BLANK_LINE = re.compile(r"^[ \t]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:…|\.\.\.)[ \t]*$", re.M)
# A numbered step "…" is a blank wherever it stands; a bullet's or a line's under a line with words
# is "and so on" ("- Vượt đèn đỏ;" over "- …", a list of offences that goes on).
_NUMBERED_BLANK = re.compile(r"[ \t]*\d")


def _blanks_left(article: Article) -> tuple[Problem, ...]:
    """A `placeholder-text` error at the first line of a published body left as its archetype wrote
    it (the others counted): a procedure guide went online with its fee and its steps "…". Not one
    the editor hid in an HTML comment ("<!-- ## Lệ phí … -->", to fill in later): readers never see it."""
    if "…" not in article.body and "..." not in article.body:
        return ()
    shown_as_code = _code_reader(article.body)
    hidden = _commented(article.body)
    blanks = [found.start() for found in _BLANK_LINE.finditer(article.body) if not shown_as_code(found.end() - 1)
              and not hidden(found.start()) and not _and_so_on(article.body, found)]
    if not blanks:
        return ()
    more = f" (and {len(blanks) - 1} more such line{'s' if len(blanks) > 2 else ''})" if len(blanks) > 1 else ""
    return (error(article.source, _line_at(article, blanks[0]), "placeholder-text",
                  f"this line holds only '…', a blank of the article's skeleton to fill in{more}: write what goes "
                  "there, or delete the line (or keep it a draft: draft: true)"),)


def _commented(body: str) -> Callable[[int], bool]:
    """Whether the letter at an offset of `body` is in an HTML comment: a part the editor hid
    ("<!-- … -->"), which readers never see."""
    hidden = [found.span() for found in _HTML_COMMENT.finditer(body)] if "<!--" in body else []
    return lambda at: any(start < at < end for start, end in hidden)


def _and_so_on(body: str, blank: re.Match) -> bool:
    """Whether a line of only "…" goes on the words of the line above it: an item "- …" ending a list
    of offences, a sentence trailing off on the next line. The archetype's blanks stand under a
    blank line, a heading, or another blank ("- …" under "- …"); its numbered steps are blanks always."""
    if blank.start() == 0 or _NUMBERED_BLANK.match(blank.group()):
        return False
    above = body[body.rfind("\n", 0, blank.start() - 1) + 1:blank.start() - 1]
    return bool(above.strip()) and not above.lstrip().startswith("#") and not _BLANK_LINE.fullmatch(above)


def _code_reader(body: str) -> Callable[[int], bool]:
    """Whether the letter at an offset of `body` is code: in a fenced block or a code span."""
    if "`" not in body and "~~~" not in body:
        return lambda at: False
    blocks: list[tuple[int, int]] = []

    def shown_as_code(at: int) -> bool:
        if not blocks:
            blocks.extend(fences.fenced_blocks(body.split("\n")) or [(-1, -1)])
        number = body.count("\n", 0, at)
        if any(first <= number <= last for first, last in blocks):
            return True
        start = body.rfind("\n", 0, at) + 1
        end = body.find("\n", at)
        return any(left <= at - start < right for left, right in fences.code_spans(body[start:end if end >= 0 else None]))
    return shown_as_code


def _places(body: str, needle: str, forms: Sequence[tuple[str, str]]) -> Iterator[int]:
    """Where `needle` stands in `body`, written in each of `forms` in turn (each place once),
    looked for no further than asked (one search in C a link, as _line_of). A link pasted as HTML
    may write its `&` as `&amp;` (an old portal's export writes every query so), which its
    href no longer holds: then it is looked for so written too, else it was told at the body's first line."""
    seen = set()
    for spelled in dict.fromkeys((needle, needle.replace("&", "&amp;"))):
        for before, after in forms:
            written = before + spelled + after
            at = body.find(written)
            while at >= 0:
                if at + len(before) not in seen:
                    seen.add(at + len(before))
                    yield at + len(before)
                at = body.find(written, at + 1)


def _line_of(article: Article, needle: str) -> int:
    """The line of the body where `needle` first stands (the body's first line if nowhere).
    One search in C per link: a report with thousands of links once took seconds here."""
    return _line_at(article, max(0, article.body.find(needle)))


def _line_at(article: Article, at: int) -> int:
    return article.body_line + article.body.count("\n", 0, at)


def derive_summary(body_html: str, limit: int = SUMMARY_LENGTH) -> str:
    """Plain text of the first paragraph that has text (not a photo alone), cut at a word
    boundary; for a body without one (a list, a table), its text from the start. A lead-in
    ("Các nội dung chính:") says nothing alone: the list it opens goes on in the summary."""
    lead, text = next(((p, t) for p in _FIRST_PARAGRAPH.finditer(body_html) if (t := _paragraph_text(p))),
                      (None, ""))
    if lead is None:
        text = _text_from(body_html, 0, limit)
    elif text.endswith(":") and body_html[lead.end():].lstrip().startswith(("<ul", "<ol")):
        text = _text_from(body_html[:_list_end(body_html, lead.end())], lead.start(), limit)
    if len(text) <= limit:
        return text
    return _cut(text, limit)


# Where a summary may stop short of its limit: a sentence's end (kept, no "…"), else a clause's
# (cut before it, "…"). Vietnamese words are syllables parted by spaces: cut at a space, a card
# read "tạm giữ 9 đối…" for "đối tượng", a word a reader cannot finish.
_SENTENCE_END = re.compile(r"[.!?…][”\"')]?(?= )")
_CLAUSE_END = re.compile(r"[,;:](?= )| [–-](?= )")
_SUMMARY_STOP_FROM = 0.6  # of the limit: a stop earlier would leave too short a summary


def _cut(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters (and "…"), at a sentence's end, else a clause's,
    else a space; a quotation it opens and does not close is left out, or closed."""
    room = text[:limit + 1]
    earliest = int(limit * _SUMMARY_STOP_FROM)
    sentences = [found.end() for found in _SENTENCE_END.finditer(room) if earliest <= found.end() <= limit]
    if sentences:
        return room[:sentences[-1]]
    clauses = [found.start() for found in _CLAUSE_END.finditer(room) if earliest <= found.start() <= limit]
    cut = room[:clauses[-1]] if clauses else room[:limit].rsplit(" ", 1)[0].rstrip(",.;:–-")
    opened = cut.rfind("“")
    if opened > cut.rfind("”"):  # a quotation cut open: 'với chủ đề “Học tập … làm việc…'
        if opened >= earliest:
            cut = cut[:opened].rstrip(" ,;:–-")
        else:
            return cut.rstrip() + "…”"
    return cut.rstrip() + "…"


def _paragraph_text(paragraph: re.Match) -> str:
    return text_of(_UNREAD.sub("", paragraph.group(1))).strip()


def _text_from(body_html: str, start: int, limit: int) -> str:
    """The text of the body from `start`, its list items parted by ";" where they end in no
    stop of their own ("Thứ Hai: Giám đốc; Thứ Năm: Phó Giám đốc")."""
    part = _LIST_PARTS.sub("\x00", _UNREAD.sub("", body_html[start:start + limit * 20]))
    text = text_of(_ANY_TAG.sub(" ", part)).lstrip("\x00 ")  # (a body that opens with a list read "; Một; Hai")
    return _ITEM_ENDS.sub(lambda end: (end.group(1) or ";") + " ", text).rstrip(" ;")


def _list_end(body_html: str, start: int) -> int:
    """Where the list that opens at or after `start` closes (its nested lists inside it)."""
    depth = 0
    for tag in _LIST_TAG.finditer(body_html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return len(body_html)


_LIST_TAG = re.compile(r"<(/?)(?:ul|ol)\b[^>]*>")
_LIST_PARTS = re.compile(r"</li>|<[uo]l\b[^>]*>")  # where an item's own text ends
_ITEM_ENDS = re.compile(r"([.;:!?…])?(?:\s*\x00)+\s*")


_SUMMARY_MARKS = re.compile(r"[*_`\[]|~~")
# The tags an old portal's editor (FCKeditor, TinyMCE) formats a lead with; a block's is a space.
_SUMMARY_FORMATTING = re.compile(r"</?(?:p|div|br|span|font|strong|b|em|i|u|a|sup|sub)(?:\s[^<>]*)?/?>", re.I)
_SUMMARY_BREAK = re.compile(r"</?(?:p|div|br)\b", re.I)
_BLOCK_START = re.compile(r"(?m)^(\s*(?:\d+(?=\.\s))?)([#>.])")  # a hashtag, a quote or "2026. " is not a block


@functools.cache
def _summary_converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=["smarty", "pymdownx.tilde"], extension_configs=EXTENSION_CONFIGS)


def plain_summary(text: str) -> str:
    """A front-matter summary written with Markdown marks ("Công an tỉnh **ra quân**", a
    [link](…), a correction's "~~120~~ 12 tỷ đồng") as a reader reads it: struck text left out, as
    a summary taken from the body leaves it. The lead is plain text wherever it goes (lists, feeds,
    search, the meta description): the marks were shown as typed. Text without them (nearly
    every summary) is returned as it is, unconverted. HTML an old portal's editor formatted its lead
    with (Joomla's introtext: <p>, <strong>, <span style>, <br>) is read as its words, which readers
    saw as typed; any other HTML stays text."""
    if _SUMMARY_FORMATTING.search(text):
        text = " ".join(_SUMMARY_FORMATTING.sub(lambda m: " " if _SUMMARY_BREAK.match(m.group()) else "", text).split())
    if not _SUMMARY_MARKS.search(text):
        return text
    inline = _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), html.escape(text, quote=False))
    return text_of(_UNREAD.sub("", _summary_converter().reset().convert(inline)))


def markup_settings_key(base_path: str, iframe_hosts: Sequence[str] = ()) -> str:
    """Everything besides the body and our own code that changes converted HTML. A change of
    this package's code needs no token here: the markup index that holds these keys is a
    cache state, and a state saved by other code is not read (cache.code_stamp)."""
    return digest(__version__, markdown.__version__, repr(EXTENSIONS), repr(sorted(EXTENSION_CONFIGS.items())),
                  base_path, sanitize_settings(iframe_hosts))


def _cache_key(article: Article, settings: str, images: ImagePlan, documents: tuple = ()) -> str:
    # The source path matters: relative links resolve against its folder.
    # The file's digest stands for its body (front-matter changes are harmless extra misses).
    # The photos it shows: their variant names change with the photo's bytes and [images].
    # The documents in its folder: their links' labels give their sizes.
    return digest(settings, article.source, article.source_digest or digest(article.body),
                  images.body_keys.get(article.source, ""), repr(documents) if documents else "")


INDEX_STATE = "markup-index"
BLOB_KIND = "markup"  # the cache's folder of converted bodies


def _convert_chunk(chunk: Sequence[int]) -> list[tuple[str, tuple[Problem, ...], str, dict, str, tuple]]:
    """Worker: (html or "" when cached, problems, summary, links used, html key, file links) per article position."""
    articles: Sequence[Article] = workers.shared("articles")
    cache: BuildCache = workers.shared("cache")
    converter = workers.shared("converter_factory")()
    results = []
    load_body = workers.shared("load_body")
    for position in chunk:
        article = articles[position]
        if not article.body_loaded:
            try:
                body, body_line = load_body(article.source, article.as_read)
            except ChangedDuringBuild as changed:
                results.append(("", (changed.problem(),), "", {}, "", (), ()))
                continue
            article = evolve(article, body=body, body_line=body_line, body_loaded=True)
        result = converter.convert(article)
        summary = derive_summary(result.html)
        if cache.enabled and not cache.read_only and not result.problems:
            html_key = digest(result.html)  # content-addressed: the key changes exactly when the HTML does
            if not cache.has(BLOB_KIND, html_key):
                cache.put_text(BLOB_KIND, html_key, result.html)
            results.append(("", result.problems, summary, dict(converter.links.used), html_key, result.file_links,
                            result.part_links))
        else:
            results.append((result.html, result.problems, summary, dict(converter.links.used), "", result.file_links,
                            result.part_links))
    return results


def convert_articles(articles: Sequence[Article], base_path: str = "/", cache: BuildCache | None = None,
                     jobs: int | None = None, load_body=None,
                     images: ImagePlan = ImagePlan(),
                     iframe_hosts: Sequence[str] = (), memo: Memo | None = None,
                     links_to_files: dict | None = None, links_to_articles: dict | None = None,
                     links_to_parts: dict | None = None, link_targets: Sequence[Article] | None = None,
                     documents: Mapping[str, tuple[tuple[str, int], ...]] = {},
                     unpublished: Collection[str] = (),
                     expired: Collection[str] = ()) -> tuple[list[Article], list[Problem]]:
    """Convert every changed body on all cores; converted HTML stays in the cache when there is one.
    `links_to_files`, when given, is filled with each body's relative links to files (not
    articles) and their lines, by article source: cached with the body, checked by filelinks.py;
    `links_to_articles` with the sources of the articles each body links to; `links_to_parts`
    with its links to a part of an article (MarkupResult.part_links). `link_targets`:
    the articles a link may lead to, when not only `articles` (check converts a few again);
    `unpublished`: the sources of the drafts and scheduled articles left out, whose links are
    told as links to an article not published yet (an error); `expired`: those of the articles
    whose `expires` has passed, whose links are taken away, their words kept (a warning).

    A cached conversion is reused while its body, source path, Markdown
    settings and the URLs of the articles it links to are all unchanged.
    With a memo, an article object converted by the last build (and whose
    links still point where they did) gets the very same converted object.
    """
    cache = cache or BuildCache(None)
    urls_by_source = {nfc(a.source): a.url for a in (articles if link_targets is None else link_targets)}
    settings = markup_settings_key(base_path, iframe_hosts)
    remembered = memo.table("converted") if memo is not None and cache.enabled else None

    def memo_key(article: Article) -> tuple:  # what besides the article object changes its conversion
        return article.source, settings, images.body_keys.get(article.source, ""), documents.get(article.source, ())
    # A map of ~10,000 entries: an edit saves only the entries it changed (BuildCache.save_map).
    saved = cache.load_map(INDEX_STATE)
    index = saved.entries
    keys: list[str] = []
    outcome: dict[int, tuple[str, tuple[Problem, ...], str, dict, str, tuple, tuple]] = {}
    reused: dict[int, Article] = {}
    from_index: dict[int, tuple] = {}  # the very entry of those found (in the index or the memo)
    misses = []
    # (With a memo nearly every article is found above and the few others are stat'ed.)
    has_blob = cache.has_any(BLOB_KIND, len(articles) if remembered is None else 0)
    for position, article in enumerate(articles):
        if remembered is not None:
            hit = remembered.get(memo_key(article), (article,))
            # (A blob deleted since is converted again when the page needs it: load_html.)
            if hit is not None and _links_unchanged(hit[2][1], urls_by_source):
                keys.append(hit[1])
                outcome[position] = ("", (), *hit[2])
                reused[position] = hit[0]
                from_index[position] = hit[2]
                continue
        key = _cache_key(article, settings, images, documents.get(article.source, ()))
        keys.append(key)
        known = index.get(key)
        if known is not None and _links_unchanged(known[1], urls_by_source) and has_blob(known[2]):
            outcome[position] = ("", (), *known)
            from_index[position] = known
        else:
            misses.append(position)
    state = {"articles": articles, "cache": cache, "load_body": load_body,
             "converter_factory": _converter_factory(urls_by_source, base_path, images, iframe_hosts, documents,
                                                     unpublished, expired)}
    for position, result in zip(misses, workers.run_chunks(_convert_chunk, misses, jobs, state)):
        outcome[position] = result

    converted, problems, new_index = [], [], {}
    for position, article in enumerate(articles):
        body_html, found, summary, links, html_key, file_links, part_links = outcome[position]
        problems += found
        if file_links and links_to_files is not None:
            links_to_files[article.source] = file_links
        if part_links and links_to_parts is not None:
            links_to_parts[article.source] = part_links
        if links and links_to_articles is not None:
            links_to_articles[article.source] = tuple(links)
        cached = cache.enabled and not body_html and not found  # (a read-only cache's misses keep their HTML)
        entry = from_index.get(position) or (summary, links, html_key, file_links, part_links)
        if cached:
            new_index[keys[position]] = entry
        done = reused.get(position)
        if done is None:
            done = evolve(article, html=body_html, html_key=html_key if cached else "", body="",
                          summary=article.summary or summary, summary_derived=not article.summary)
            if remembered is not None and cached:
                remembered.put(memo_key(article), (article,), (done, keys[position], entry))
        converted.append(done)
    cache.save_map(INDEX_STATE, saved, new_index)
    return converted, problems


# A link to an article written in Markdown, as a reference's address ("[1]: nhap/index.md", the
# "[Công văn][1]" of a report) or pasted as HTML.
_WRITTEN_LINK = re.compile(r"""\]\(\s*<([^>\n]+\.md(?:#[^>\n]*)?)>|\]\(\s*([^)\s]+\.md(?:#[^)\s]*)?)|"""
                           r"""^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^>\s]+\.md(?:#[^>\s]*)?)>?|"""
                           r"""href\s*=\s*["']([^"'\s]+\.md(?:#[^"'\s]*)?)["']""", re.I | re.M)


def links_to_drafts(articles: Sequence[Article], links_to_articles: Mapping[str, Sequence[str]],
                    load_body, now: datetime | None = None) -> list[Problem]:
    """A `link-to-draft` warning for each link a published article makes to a draft, in a build
    that shows drafts (`serve`, `build --drafts`): the link works there, and a build without them
    stops at it (broken-link), which the preview never said. With `now` (a build showing scheduled
    articles, `serve --future`), a `link-to-scheduled` warning for each link to one dated after it.
    `links_to_articles`: the sources each body links to (convert_articles fills it);
    `load_body(source, as_read)`: (body, body line), read again for the few articles that make
    one, to find the lines."""
    drafts = {article.source for article in articles if article.draft}
    scheduled = {article.source for article in articles if now is not None and article.date > now} - drafts
    withheld = drafts | scheduled
    problems: list[Problem] = []
    for article in articles:
        shown_alone = article.draft or article.source in scheduled  # (published with what it links to)
        targets = withheld.intersection(links_to_articles.get(article.source, ())) if not shown_alone else ()
        if not targets:
            continue
        body, body_line = load_body(article.source, article.as_read)
        read = evolve(article, body=body, body_line=body_line)
        folder = posixpath.dirname(article.source)
        for match in _WRITTEN_LINK.finditer(body):
            for href in match.groups():
                target = nfc(posixpath.normpath(posixpath.join(folder, unquote(urlsplit(href).path)))) if href else None
                if target in drafts and target in targets:
                    problems.append(warning(article.source, _line_at(read, match.start()), "link-to-draft",
                                            f"the link '{href}' points to a draft, shown here as drafts are: a build "
                                            "without them stops at it (broken-link) until that article is published"))
                elif target in targets:
                    problems.append(warning(article.source, _line_at(read, match.start()), "link-to-scheduled",
                                            f"the link '{href}' points to an article scheduled for later, shown here "
                                            "with --future: a build without it stops at it (broken-link) until that "
                                            "article's date"))
    return problems


# A published article taken down with `draft: true` failed the build at every link to it, the
# article staying online, and the editor was told only to wait until it is published again.
_TAKE_DOWN_HINT = (", or the link is removed (to take a published article down, give it 'expires' rather than "
                   "'draft: true': a link to it is then its words alone)")


def _article_or_its_file(href: str) -> str:
    """How a problem names what a link to a left-out article leads to."""
    return "an article" if urlsplit(href).path.endswith(".md") else "a file beside an article"


def _links_unchanged(links: Mapping[str, str], urls_by_source: Mapping[str, str]) -> bool:
    """Whether every article this body links to is still at the URL its HTML names."""
    return all(urls_by_source.get(source) == url for source, url in links.items())


def _converter_factory(urls_by_source: Mapping[str, str], base_path: str, images: ImagePlan = ImagePlan(),
                       iframe_hosts: Sequence[str] = (), documents: Mapping = {}, unpublished: Collection[str] = (),
                       expired: Collection[str] = ()):
    made: list[MarkupConverter] = []

    def get() -> MarkupConverter:  # one converter per process, built on first use
        if not made:
            made.append(MarkupConverter(urls_by_source, base_path, images, iframe_hosts, documents, unpublished,
                                        expired))
        return made[0]
    return get


def body_key(article: Article) -> str:
    """What identifies an article's converted body: its cache key, or (no cache) a digest of it."""
    return article.html_key or digest(article.html)


def reconverter(site_dir: Path, site: Site, image_plan: ImagePlan = ImagePlan()):
    """`reconvert` for load_html: converts an article's body again from its file (for a cache
    entry that went bad). Raises ChangedDuringBuild when the file no longer holds the bytes the
    build indexed."""
    urls_by_source = {a.source: a.url for a in site.articles_and_pages}

    def reconvert(article: Article) -> str:
        body, body_line = load_body(site_dir, article.source, article.as_read)
        converter = MarkupConverter(urls_by_source, site.config.base_path, image_plan,
                                    site.config.iframe_hosts, site.attachments)
        return converter.convert(evolve(article, body=body, body_line=body_line)).html
    return reconvert


def load_html(article: Article, cache: BuildCache, reconvert) -> str:
    """The converted body of an article, from memory or the cache.

    A cache entry that vanished or fails its checksum is not trusted:
    `reconvert(article)` converts the source again.
    """
    if article.html or not article.html_key:
        return article.html
    hit = cache.get_text(BLOB_KIND, article.html_key)
    if hit is None:
        hit = reconvert(article)
        cache.put_text(BLOB_KIND, article.html_key, hit)
    return hit
