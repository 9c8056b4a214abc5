"""A YouTube address alone on its line plays the video in the article.

Units publish their clips on YouTube and paste the address into the article, as they
would into Facebook, which shows the player. Here it was a bare link. A paragraph that
is only such an address (a bare link whose text is the address itself; a link with
words of its own stays a link) becomes the video's picture with a play button: a phone
on a slow network loads one small picture, and the player (youtube-nocookie.com, which
sets no cookie until the video plays) only when the reader taps it (assets/js/site.js).
Without script, the picture is a link to the video on YouTube. Runs on sanitised HTML:
the markup is ours, not the editor's.
"""
from __future__ import annotations

import html
import re

# The href Python-Markdown wrote for a bare address (magiclink, or <https://…>), and its text.
_ALONE = re.compile(r'<p><a href="(https://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?v=|shorts/|live/)|youtu\.be/)'
                    r'([A-Za-z0-9_-]{11})((?:[?&#][^"<>]*)?))">([^<>]*)</a></p>')
_START = re.compile(r"[?&#](?:amp;)?t=(\d{1,6})s?(?:&|$)")
PLAYER = "https://www.youtube-nocookie.com/embed/"
LABEL = "Xem video"


def embed_videos(body_html: str) -> str:
    if "youtu" not in body_html:  # nearly every article: one search in C
        return body_html
    return _ALONE.sub(_player, body_html)


def _player(found: re.Match) -> str:
    href, video, rest, text = found.groups()
    if html.unescape(text).strip() != html.unescape(href):
        return found.group(0)
    start = _START.search(html.unescape(rest))
    player = f"{PLAYER}{video}?autoplay=1" + (f"&amp;start={int(start.group(1))}" if start else "")
    return (f'<figure class="video" data-pagefind-ignore><a class="video-link" href="{href}" data-player="{player}">'
            f'<img src="https://i.ytimg.com/vi/{video}/hqdefault.jpg" alt="" width="480" height="360" '
            f'loading="lazy" decoding="async"><span class="video-play">{LABEL}</span></a></figure>')
