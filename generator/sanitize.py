"""Converted article HTML → HTML safe to publish.

Owns the allow-list of tags, attributes and URL schemes an article body may
carry (editors paste HTML from Word and other websites), the iframe hosts
rule, and the check that a local reference (image, link) does not leave the
site folder. Runs on the final HTML of the markup stage, so Markdown and raw
HTML get the same treatment. Pure: text in, text out; no file I/O.
Titles, captions and front-matter values are not its concern: Jinja's
autoescape escapes them.
"""
from __future__ import annotations

import functools
import html as html_lib
import posixpath
import re
from typing import Iterable
from urllib.parse import unquote, urlsplit

import nh3

# Characters no XML document may hold (tab, line feed and carriage return aside; U+FFFE/F
# are not characters in XML either): one in a body, a title or a name made every feed unreadable.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")

# ftp: old document servers of other units still use it; `check` warns that it is unencrypted.
URL_SCHEMES = frozenset({"http", "https", "ftp", "mailto", "tel"})
_COMMON = {"class", "id", "title", "lang", "dir"}
ATTRIBUTES: dict[str, set[str]] = {
    "*": _COMMON,
    "a": {"href", "name", "aria-label"},  # (a gallery's link to a photo without a description)
    "figcaption": {"aria-hidden"},  # (a caption its photo's alt says already: pictures.py)
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding", "fetchpriority"},
    "source": {"src", "srcset", "sizes", "media", "type", "width", "height"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "loading", "referrerpolicy", "frameborder"},
    "video": {"src", "poster", "controls", "width", "height", "preload", "muted", "loop", "playsinline"},
    "audio": {"src", "controls", "preload"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "th": {"style", "colspan", "rowspan", "scope", "align"},
    "td": {"style", "colspan", "rowspan", "align"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "reversed", "type"}, "li": {"value"},
    "time": {"datetime"}, "abbr": set(), "q": {"cite"}, "blockquote": {"cite"},
    "del": {"datetime"}, "ins": {"datetime"}, "details": {"open"},
}
TAGS = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "b", "i", "u", "s", "del", "ins",
    "mark", "small", "sub", "sup", "abbr", "cite", "q", "kbd", "samp", "var", "code", "pre", "blockquote",
    "span", "div", "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption", "picture",
    "source", "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "iframe", "video", "audio", "track", "time", "details", "summary", "section", "article", "aside",
})
# Removed with everything inside them, not just unwrapped.
CLEAN_CONTENT = frozenset({"script", "style", "noscript", "template", "object", "embed", "applet",
                           "frame", "frameset", "svg", "math", "form", "textarea", "select", "button"})
# Markdown tables align cells with style="text-align: …"; no other CSS survives, and that one
# is published as a class of the cell (_cell_without_style).
STYLE_PROPERTIES = frozenset({"text-align"})
_URL_ATTRIBUTES = frozenset({"href", "src", "poster", "cite"})
# nh3 writes attributes as name="value" with '"' escaped, so this reads a start tag exactly.
_IFRAME = re.compile(r'<iframe((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*>.*?</iframe>', re.S)


# html5ever's time grows with the square of the nesting depth (40,000 levels: 4 s,
# 200,000: minutes), and a 5 MB paste can nest a million. Real articles stay under 50.
MAX_HTML_DEPTH = 2000
_TAG_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
# Elements that close themselves or are closed implicitly: they never deepen the tree for long.
_FLAT = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot"})


def html_depth(text: str) -> int:
    """An estimate of how deep the tags in `text` nest (open minus closed, at most)."""
    depth = deepest = 0
    for closing, name, self_closing in _TAG_TOKEN.findall(text):
        if name.lower() in _FLAT or self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def settings_key(iframe_hosts: Iterable[str]) -> str:
    """Everything about sanitising that changes the output, for the markup cache."""
    return repr((nh3.__version__, sorted(TAGS), sorted(CLEAN_CONTENT), sorted((k, sorted(v)) for k, v in
                 ATTRIBUTES.items()), sorted(URL_SCHEMES), sorted(STYLE_PROPERTIES), sorted(iframe_hosts)))


def host_of(url: str) -> str:
    try:
        return (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return ""


def _scheme_ok(url: str) -> bool:
    # Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
    compact = re.sub(r"[\x00-\x20]+", "", unquote(url)).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", compact)
    return scheme is None or scheme.group(1) in URL_SCHEMES


def sanitize_html(html: str, iframe_hosts: Iterable[str] = ()) -> str:
    """The allow-listed part of `html`: no scripts, handlers, javascript: URLs or foreign iframes."""
    cleaned = _cleaner(frozenset(h.lower() for h in iframe_hosts)).clean(html)
    if ' style="' in cleaned:
        cleaned = _STYLED_CELL.sub(_cell_without_style, cleaned)
    return _IFRAME.sub(_kept_iframe, cleaned) if "<iframe" in cleaned else cleaned


# (nh3 writes a start tag's attributes as name="value", and a cell keeps no value holding ">".)
_STYLED_CELL = re.compile(r'<t[dh]\b[^>]*?\sstyle="[^"]*"[^>]*>')
_CELL_ALIGN = re.compile(r'\sstyle="text-align:\s*(left|right|center|justify)\b')
_STYLE = re.compile(r'\sstyle="[^"]*"')
_CLASS = re.compile(r'\sclass="([^"]*)"')
# "căn trái, giữa, phải, đều": style.css aligns each.
ALIGN_CLASSES = {"left": "can-trai", "center": "can-giua", "right": "can-phai", "justify": "can-deu"}


def _cell_without_style(match: re.Match) -> str:
    """A cell's alignment as a class of the theme: a page with a style attribute needs
    'unsafe-inline' in a Content-Security-Policy (README, "Security headers"), and a portal's
    host may send one without it (and the align attribute is obsolete HTML)."""
    tag = match.group(0)
    align = _CELL_ALIGN.search(tag)
    tag = _STYLE.sub("", tag)
    if align is None:
        return tag
    name = ALIGN_CLASSES[align.group(1)]
    if _CLASS.search(tag):
        return _CLASS.sub(lambda found: f' class="{(found.group(1) + " " + name).strip()}"', tag, count=1)
    return f'{tag[:-1]} class="{name}">'


_IFRAME_SRC = re.compile(r"""<iframe\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_IFRAME_TAG = re.compile("<iframe", re.I)


def refused_iframes(html: str, iframe_hosts: Iterable[str] = ()) -> list[str]:
    """The src of each iframe in `html` that sanitize_html drops: not https, or from a host
    not on the list (a map or a video pasted as its embed code), each once, in order."""
    if _IFRAME_TAG.search(html) is None:  # nearly every body (a regex: lower() of a body costs 20 µs)
        return []
    hosts = frozenset(h.lower() for h in iframe_hosts)
    found: dict[str, None] = {}
    for match in _IFRAME_SRC.finditer(html):
        src = next(group for group in match.groups() if group is not None)
        if not _frame_allowed(src, hosts):
            found[src] = None
    return list(found)


# A plugin's player (Flash, as old portals pasted a clip or YouTube's first embed code): <embed src>,
# <object data>. The sanitizer drops both, as browsers have played no Flash since 2021.
_PLAYER_SRC = re.compile(r"""<(?:embed\b[^>]*?\ssrc|object\b[^>]*?\sdata)\s*=\s*"""
                         r"""(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_PLAYER_TAG = re.compile("<(?:embed|object)\\b", re.I)


# Internet Explorer's form, which YouTube's and Flash's codes also gave: an <object classid> naming its
# file by a <param name="movie">, with no <embed> or data="…" beside it.
_OBJECT = re.compile(r"<object\b([^>]*)>(.*?)</object\s*>", re.I | re.S)
_PARAM = re.compile(r"<param\b([^>]*)>", re.I)
_PARAM_ATTRIBUTE = re.compile(r"""\s([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_PLAYED_PARAMS = frozenset({"movie", "src", "url", "filename"})
_DATA = re.compile(r"\sdata\s*=", re.I)


def dropped_players(html: str) -> list[str]:
    """The file each plugin player in `html` plays (<embed src>, <object data>, else the <object>'s
    <param name="movie">), which sanitize_html drops with its player: each once, in order."""
    if _PLAYER_TAG.search(html) is None:
        return []
    found = [(match.start(), next(group for group in match.groups() if group is not None))
             for match in _PLAYER_SRC.finditer(html)]
    for player in _OBJECT.finditer(html):
        if not _DATA.search(player.group(1)) and not _PLAYER_TAG.search(player.group(2)):
            played = _param_file(player.group(2))
            if played is not None:
                found.append((player.start(), played))
    return list(dict.fromkeys(src for _, src in sorted(found)))


def _param_file(html: str) -> str | None:
    """The file an <object>'s <param name="movie" value="…"> names, its attributes in either order
    (an editor's tool wrote value="…" name="movie": the player vanished without a word)."""
    for tag in _PARAM.finditer(html):
        attributes = {found.group(1).lower(): next(g for g in found.groups()[1:] if g is not None)
                      for found in _PARAM_ATTRIBUTE.finditer(tag.group(1))}
        if attributes.get("name", "").strip().lower() in _PLAYED_PARAMS and attributes.get("value", "").strip():
            return attributes["value"]
    return None


def _frame_allowed(src: str, hosts: frozenset[str]) -> bool:
    """Whether an iframe's src is kept: https, from one of the (lower-case) hosts."""
    try:
        scheme = urlsplit(src.strip()).scheme
    except ValueError:  # "https://[VIDEO]/…", a template's placeholder: no address (it stopped the build)
        return False
    return _scheme_ok(src) and scheme == "https" and host_of(src) in hosts


def _kept_iframe(match: re.Match) -> str:
    """An iframe whose src was refused is dropped whole rather than left as an empty box; one
    kept loads when the reader nears it (a video player is ~1 MB a slow phone need not fetch
    for a reader who never scrolls there), unless the editor said otherwise."""
    attributes = match.group(1)
    src = re.search(r'\ssrc="([^"]*)"', attributes)
    if src is None:
        return ""
    kept = match.group(0)
    if not re.search(r'\stitle="[^"]*[^"\s]', attributes):
        # A map's embed code has no title, and a screen reader announced a nameless "frame":
        # it is named by where it comes from ("Nội dung nhúng từ www.google.com").
        kept = re.sub(r'\stitle="[^"]*"', "", kept, count=1)
        host = host_of(html_lib.unescape(src.group(1)))
        kept = f'<iframe title="Nội dung nhúng từ {host}"' + kept[len("<iframe"):]
    if re.search(r'\sloading="', attributes):
        return kept
    return '<iframe loading="lazy"' + kept[len("<iframe"):]


@functools.lru_cache(maxsize=8)
def _cleaner(hosts: frozenset[str]) -> nh3.Cleaner:
    """One nh3 cleaner per set of iframe hosts: building it costs a quarter of cleaning an article."""

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if attribute in _URL_ATTRIBUTES and not _scheme_ok(value):
            return None
        if attribute == "srcset" and not all(_scheme_ok(part.split()[0]) for part in value.split(",") if part.split()):
            return None
        if tag == "iframe" and attribute == "src" and not _frame_allowed(value, hosts):
            return None
        return value

    return nh3.Cleaner(tags=set(TAGS), clean_content_tags=set(CLEAN_CONTENT),
                       attributes={k: set(v) for k, v in ATTRIBUTES.items()}, attribute_filter=keep,
                       strip_comments=True, link_rel=None, url_schemes=set(URL_SCHEMES),
                       filter_style_properties=set(STYLE_PROPERTIES))


def leaves_site(source: str, url: str) -> bool:
    """True when a local reference in the article at `source` (a path relative to
    the site folder) resolves outside the site folder, e.g. '../../../etc/passwd'."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return False
    target = posixpath.normpath(posixpath.join(posixpath.dirname(source), unquote(parts.path)))
    return target == ".." or target.startswith("../")


_LOCAL_REFERENCE = re.compile(r'\s(?:src|href|poster)="([^"]*)"')


def references_leaving_site(source: str, html: str) -> list[str]:
    """The local references in (sanitised) HTML that leave the site folder."""
    found = [html_lib.unescape(m.group(1)) for m in _LOCAL_REFERENCE.finditer(html)]
    return [url for url in found if leaves_site(source, url)]


_TAG = re.compile(r"<[^>]+>")


def text_of(fragment: str) -> str:
    """The words a reader sees in a fragment of (sanitised) HTML, one space apart."""
    return " ".join(html_lib.unescape(_TAG.sub("", fragment)).split())
