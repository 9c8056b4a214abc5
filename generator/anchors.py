"""Links within an article's body to a part of it (`[Kết quả](#ket-qua)`, a Word report's
"Mục lục" pasted as HTML with its `#_Toc…` links).

Owns, once the body is converted and sanitized, that each such link leads somewhere on the
page: to an id or an `<a name>` of the body, to a part of the page the layout names
(sections.LAYOUT_IDS), or to the top. A link written the way other tools name a heading
(`#ket-qua` for "## Kết quả", whose id here is `muc-ket-qua`) is pointed at that heading;
any other is left as written and named to the editor, with the anchors the body has. Pure:
reads the HTML nh3 wrote (attributes as name="value"), no file I/O.
"""
from __future__ import annotations

import html
import re
from urllib.parse import unquote

from generator.sections import LAYOUT_IDS, heading_id

_FRAGMENT_LINK = re.compile(r'(\shref="#)([^"]*)"')
_TARGET = re.compile(r'\s(?:id|name)="([^"]*)"')
# The top of the page: "#" and "#top" go there in every browser, whatever the page holds.
_TOP = frozenset({"", "top"})
LISTED = 5  # of the body's anchors, named in the warning


def fragment_links(body_html: str) -> tuple[str, list[tuple[str, str]]]:
    """(the body with each link to a heading written as other tools name it pointed at that
    heading, [(href as written, the anchors the body has) for each link leading nowhere])."""
    if 'href="#' not in body_html:  # most bodies
        return body_html, []
    anchors = list(dict.fromkeys(html.unescape(name) for name in _TARGET.findall(body_html)))  # (in page order)
    targets = set(anchors)
    listed = ", ".join(f"#{name}" for name in anchors[:LISTED]) + (", …" if len(anchors) > LISTED else "")
    dead: list[tuple[str, str]] = []

    def point(match: re.Match) -> str:
        fragment = html.unescape(match.group(2))
        decoded = unquote(fragment)  # (a browser finds `#k%E1%BA%BFt` at id="kết")
        if fragment in targets or decoded in targets or fragment in _TOP or fragment in LAYOUT_IDS:
            return match.group(0)
        meant = heading_id(decoded)
        if meant in targets:
            return f'{match.group(1)}{html.escape(meant)}"'
        dead.append(("#" + fragment, listed))
        return match.group(0)

    return _FRAGMENT_LINK.sub(point, body_html), dead

