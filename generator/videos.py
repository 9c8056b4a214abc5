"""A YouTube address alone on its line plays the video in the article.

Units publish their clips on YouTube and paste the address into the article, as they
would into Facebook, which shows the player. Here it was a bare link. A paragraph that
is only such an address (a bare link whose text is the address itself; a link with
words of its own stays a link) becomes the video's picture with a play button: a phone
on a slow network loads one small picture, and the player (youtube-nocookie.com, which
sets no cookie until the video plays) only when the reader taps it (assets/js/site.js).
Without script, the picture is a link to the video on YouTube. Runs on sanitised HTML:
the markup is ours, not the editor's.

Each button is named for a screen reader by what the video shows (its visible words stay
"Xem video"): the words of `![Lễ ra quân](https://youtu.be/…)`, the clip's own way of naming
itself (that was a broken picture: a YouTube page is no image), which are its caption as a
clip's are, or else the article's title, numbered when the article has several. A list of
links that all said "Xem video" told a blind reader nothing of which was which.
"""
from __future__ import annotations

import html
import re

# The href Python-Markdown wrote for a bare address (magiclink, or <https://…>), and its text.
_ADDRESS = (r'https://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?v=|shorts/|live/)|youtu\.be/)'
            r'([A-Za-z0-9_-]{11})((?:[?&#][^"<>]*)?)')  # (the video's id, and what follows it)
_ALONE = re.compile(rf'<p><a href="({_ADDRESS})">([^<>]*)</a></p>')
# The same address written as a clip is, `![Lễ ra quân](https://youtu.be/…)`, alone on its line.
# (its alt and src in either order: pasted HTML writes `<img src="…" alt="…">`, and may have no alt)
_IMG = rf'<img(?=(?:[^<>]*?\salt="([^"]*)")?)(?=[^<>]*?\ssrc="({_ADDRESS})")[^<>]*>'
_PICTURE = re.compile(rf'<p>{_IMG}</p>')
# … and inside a sentence, where no player fits: a picture that could never show (a YouTube page
# is no image), it becomes a link to the video, by its words (in a link of the editor's, its words).
_IN_TEXT = re.compile(rf'(<a\b[^<>]*>)?{_IMG}')
# A paragraph of several lines (nl2br: "Clip lễ ra quân:" and the address under it, two addresses one
# under another, a caption line under `![…](…)`): a video's line is a paragraph of its own, as it reads.
_LINES = re.compile(r"<p>((?:(?!</p>).)*?<br>\n(?:(?!</p>).)*)</p>", re.S)
_LINE = re.compile(rf'<a href="({_ADDRESS})">([^<>]*)</a>|{_IMG}')
_START = re.compile(r"[?&#](?:amp;)?t=(\d{1,6})s?(?:&|$)")
PLAYER = "https://www.youtube-nocookie.com/embed/"
LABEL = "Xem video"


def embed_videos(body_html: str, title: str = "") -> str:
    """`title`: the article's (escaped as text in HTML is), the name of a video the editor did not name."""
    if "youtu" not in body_html:  # nearly every article: one search in C
        return body_html
    if "<br>" in body_html:
        body_html = _LINES.sub(_video_lines_apart, body_html)
    found = sorted([m for m in _ALONE.finditer(body_html) if _bare(m.group(1), m.group(4))]
                   + list(_PICTURE.finditer(body_html)),
                   key=lambda m: m.start())
    if not found:
        return _IN_TEXT.sub(_link, body_html)
    unnamed = [m for m in found if m.re is _ALONE or not (m.group(1) or "").strip()]
    parts, at = [], 0
    for m in found:
        if m.re is _ALONE:
            href, video, rest, _ = m.groups()
            name = ""
        else:
            name, href, video, rest = m.groups()
            name = (name or "").strip()
        if not name:
            name = html.escape(title, quote=False)
            if len(unnamed) > 1:
                name += f" (video {unnamed.index(m) + 1}/{len(unnamed)})"
        caption = m.re is _PICTURE and bool((m.group(1) or "").strip())  # (the editor's words, shown as a clip's are)
        parts += [body_html[at:m.start()], _player(href, video, rest, name, caption)]
        at = m.end()
    return _IN_TEXT.sub(_link, "".join(parts) + body_html[at:])


def _video_lines_apart(paragraph: re.Match) -> str:
    """The paragraph with each line that is a video alone made a paragraph of its own (the lines
    around it stay together)."""
    lines = paragraph.group(1).split("<br>\n")
    if not any(map(_video_alone, lines)):
        return paragraph.group(0)
    parts, run = [], []
    for line in lines:
        if _video_alone(line):
            parts += ["<br>\n".join(run)] if run else []
            parts.append(line.strip())
            run = []
        else:
            run.append(line)
    parts += ["<br>\n".join(run)] if run else []
    return "\n".join(f"<p>{part}</p>" for part in parts)


def _video_alone(line: str) -> bool:
    """Whether a line is a video's address alone (its words the address) or written as a picture."""
    found = _LINE.fullmatch(line.strip())
    return found is not None and (found.group(1) is None or _bare(found.group(1), found.group(4)))


def _bare(href: str, words: str) -> bool:
    """Whether a link's words are its address (a bare address, as magiclink links it), not the editor's."""
    return html.unescape(words).strip() == html.unescape(href)


def is_video_address(src: str) -> bool:
    """Whether an image's src is a YouTube video's address: shown as a player or a link, no photo."""
    return re.fullmatch(_ADDRESS, src.strip()) is not None


def _link(found: re.Match) -> str:
    opened, alt, src = found.group(1, 2, 3)
    words = (alt or "").strip() or src
    return f'{opened}{words}' if opened else f'<a href="{src}">{words}</a>'


def _player(href: str, video: str, rest: str, name: str, caption: bool = False) -> str:
    start = _START.search(html.unescape(rest))
    player = f"{PLAYER}{video}?autoplay=1" + (f"&amp;start={int(start.group(1))}" if start else "")
    # (a name of its own rather than hidden words in the button: those, laid out of the line, were
    # read "Xem video : …"; it starts with the words a reader sees, which speech control says)
    named = f' aria-label="{LABEL}: {html.escape(html.unescape(name))}"' if name else ""
    # (the button is the page's words, not the article's: search skips it, not the caption under it)
    return (f'<figure class="video"><a class="video-link" href="{href}" data-player="{player}"{named} data-pagefind-ignore>'
            f'<img src="https://i.ytimg.com/vi/{video}/hqdefault.jpg" alt="" width="480" height="360" '
            f'loading="lazy" decoding="async"><span class="video-play">{LABEL}</span></a>'
            # (hidden from a screen reader, which has just read the same words as the button's name; and no
            # <figcaption>, which names its figure even hidden (HTML-AAM, accname 1.2): a browser following
            # them gave the name twice, as the figure's and as the button's; Chromium, naming no figure, once;
            # a block of its own, as a <figcaption> is, where no style is: a feed reader's entry read "Xem videoLễ ra quân")
            + (f'<div class="video-caption" aria-hidden="true">{name}</div>' if caption else "") + '</figure>')
