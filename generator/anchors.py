"""Links within an article's body to a part of it (`[Kết quả](#ket-qua)`, a Word report's
"Mục lục" pasted as HTML with its `#_Toc…` links), and to a part of another article
(`[Kết quả](../bai-khac.md#muc-ket-qua)`).

Owns, once the body is converted and sanitized, that each such link leads somewhere on the
page: to an id or an `<a name>` of the body, to a part of the page the layout names
(sections.LAYOUT_IDS), or to the top. A link written the way other tools name a heading
(`#ket-qua` for "## Kết quả", whose id here is `muc-ket-qua`) is pointed at that heading;
any other is left as written and named to the editor, with the anchors the body has. A link
to another article's part is checked once every body is converted, against the body it
leads to (dead_part_links), and named with that body's anchors. Reads the HTML nh3 wrote
(attributes as name="value"); no file I/O of its own.
"""
from __future__ import annotations

import html
import re
from typing import Callable, Iterable, Mapping, Sequence
from urllib.parse import unquote

from generator.diagnostics import Problem, warning
from generator.model import Article
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
    anchors = _anchors(body_html)
    targets = set(anchors)
    listed = _listed(anchors)
    dead: list[tuple[str, str]] = []

    def point(match: re.Match) -> str:
        fragment = html.unescape(match.group(2))
        leads_to = _leads_to(fragment, targets)
        if leads_to == fragment:
            return match.group(0)
        if leads_to is not None:
            return f'{match.group(1)}{html.escape(leads_to)}"'
        dead.append(("#" + fragment, listed))
        return match.group(0)

    return _FRAGMENT_LINK.sub(point, body_html), dead


def dead_part_links(part_links: Mapping[str, Sequence[tuple[str, int, str, str]]],
                    articles: Iterable[Article], load_html: Callable[[Article], str]) -> list[Problem]:
    """A `broken-anchor` warning for each link to a part of an article (`bai-khac.md#ket-qua`,
    MarkupResult.part_links) that the article's page does not have: the reader lands at its
    top. Only the bodies linked to are read (from the build cache: load_html); a link to an
    article not published is the broken-link check's."""
    if not part_links:
        return []
    by_source = {article.source: article for article in articles}
    anchors_of: dict[str, list[str]] = {}
    problems = []
    for source in sorted(part_links):
        for href, line, target, part in part_links[source]:
            linked = by_source.get(target)
            if linked is None:
                continue
            if target not in anchors_of:
                anchors_of[target] = _anchors(load_html(linked))
            anchors = anchors_of[target]
            leads_to = _leads_to(part, set(anchors))
            if leads_to == part:
                continue
            if leads_to is not None:
                hint = f"write '{href.rsplit('#', 1)[0]}#{leads_to}', as its heading is named"
            elif anchors:
                hint = f"its headings and anchors are {_listed(anchors)}"
            else:
                hint = "it has no heading to link to"
            where = ("this article: a tap on it does nothing" if target == source else
                     f"'{linked.title}': a tap on it opens that article at its top")
            problems.append(warning(source, line, "broken-anchor", f"the link '{href}' leads to no part of {where}; {hint}"))
    return problems


def _anchors(body_html: str) -> list[str]:
    """The ids and `<a name>`s of a body, in page order."""
    return list(dict.fromkeys(html.unescape(name) for name in _TARGET.findall(body_html)))


def _leads_to(fragment: str, targets: set[str]) -> str | None:
    """`fragment` itself when it leads somewhere on a page with these anchors (or to the top,
    or to a part the layout names); the id of the heading it names as other tools name one
    (`ket-qua` for `muc-ket-qua`); None when it leads nowhere."""
    decoded = unquote(fragment)  # (a browser finds `#k%E1%BA%BFt` at id="kết")
    if fragment in targets or decoded in targets or fragment in _TOP or fragment in LAYOUT_IDS:
        return fragment
    meant = heading_id(decoded)
    return meant if meant in targets else None


def _listed(anchors: list[str]) -> str:
    return ", ".join(f"#{name}" for name in anchors[:LISTED]) + (", …" if len(anchors) > LISTED else "")
