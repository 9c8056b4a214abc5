"""Atom feeds: the whole site and each category, unit and campaign.

Owns the feed URLs and the Atom XML. `updated` is the newest listed
article's date, never the clock, so two builds of the same content give the
same bytes (a portal without articles: the build's SOURCE_DATE_EPOCH). Returns
bytes by output path; writes nothing.

    /atom.xml                          the newest articles of the site
    /<category>/atom.xml               one category
    /don-vi/<unit>/atom.xml            one unit
    /phong-trao/<campaign>/atom.xml    one campaign
"""
from __future__ import annotations

import html
import posixpath
import re
from datetime import datetime, timezone
from typing import Callable, Iterable, Mapping, Sequence
from urllib.parse import quote, urljoin, urlsplit

from generator import attachments, routes
from generator.article_digests import KnownDigest, article_digest
from generator.bylines import news_source, split_byline
from generator.cache import BuildCache, code_stamp, digest
from generator.images import PLAYED_TYPES
from generator.memo import Memo, recall
from generator.model import EMPTY, TERM_FIELDS, Article, Page, Site, Term
from generator.xml_text import escape, quoteattr

FEED_NAME = "atom.xml"
FEED_LENGTH = 20
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def feed_url(term: Term | None = None) -> str:
    """Site-relative URL of the site feed, or of one term's feed."""
    return (routes.term_url(term) if term is not None else "/") + FEED_NAME


def feeds_for(site: Site, page: Page) -> list[tuple[str, str]]:
    """(title, site-relative URL) of the feeds a page links from its <head>."""
    found = [(site.config.title, feed_url())]
    term = page.term
    if page.kind == "article" and page.article is not None:
        term = site.config.categories[page.article.category]
    if term is not None and term.kind in TERM_FIELDS:
        found.append((term.name, feed_url(term)))
    return found


HtmlOf = Callable[[Article], str]


def _own_html(article: Article) -> str:
    return article.html


KIND = "feeds"  # the build cache's blobs of the last build's feeds (KeptFeeds)


class KeptFeeds:
    """The feeds of the last build in the build cache, each under a key of everything
    render_feed reads: an edit renders again only the few feeds its article is in (all 41
    at 10,000 articles took ~0.15 s of an edit's build). After a build, `used` names the
    blobs to keep (BuildCache.keep_only)."""

    def __init__(self, cache: BuildCache, site: Site, known_digests: Mapping[str, KnownDigest] = EMPTY,
                 moment: datetime | None = None):
        self.cache = cache
        self.site = site
        self.known_digests = known_digests
        # (and the code: a feed made by another version of it was kept, its authors and covers as
        # that version wrote them, while "nothing it made is reused" was told)
        self.config_key = digest(repr(site.config), code_stamp().hex())
        self.newest = repr(_newest(site, moment))
        self.used: set[str] = set()

    def feed(self, term: Term | None, entries: Sequence[Article], render: Callable[[], bytes]) -> bytes:
        # The newest article's date is an empty feed's `updated`, and read by no other feed: an
        # article newer than all renders again only the feeds it is in (and the empty ones).
        parts = [self.config_key, repr(term)] if entries else [self.config_key, repr(term), self.newest]
        for article in entries:
            # Every field but the body, the body by its cache key (or in `html` when it has none:
            # a field article_digest reads), and the sizes of the files its enclosures name.
            parts += [article_digest(article, self.known_digests.get(article.source)), article.html_key,
                      repr(self.site.attachments.get(article.source, ()))]
        key = digest(*parts)
        self.used.add(key)
        kept = self.cache.get_bytes(KIND, key)
        if kept is not None:
            return bytes(kept)
        data = render()
        self.cache.put_bytes(KIND, key, data)
        return data


def render_feeds(site: Site, html_of: HtmlOf = _own_html, memo: Memo | None = None,
                 kept: KeptFeeds | None = None, cover_of: HtmlOf = lambda article: "",
                 moment: datetime | None = None) -> dict[str, bytes]:
    """Output path → Atom bytes for the site and every declared term. With a memo, a feed
    whose articles (and term, and config) are the very objects of the last build is not
    written again (its bytes are a function of exactly those); with `kept`, a feed the
    build cache holds under the same key is taken from it. `moment`: the build's SOURCE_DATE_EPOCH,
    the `updated` of a portal without articles."""
    config = site.config
    newest = site.articles[:1] or [moment]  # an empty feed's `updated`

    def feed(term: Term | None, articles: Sequence[Article]) -> bytes:
        entries = tuple(articles[:FEED_LENGTH])

        def render() -> bytes:
            return render_feed(site, term, entries, html_of, cover_of, moment)

        if kept is not None:
            return kept.feed(term, entries, render)
        return recall(memo, "feeds", feed_url(term), (config, term, *entries) if entries else (config, term, *newest),
                      render)

    feeds = {FEED_NAME: feed(None, site.articles)}
    listed = routes.articles_by_term(site.articles)
    for term in config.terms:
        feeds[feed_url(term).lstrip("/")] = atom = feed(term, listed.get((term.kind, term.slug), ()))
        # A reader subscribed to a renamed unit's feed goes on getting its news: the feed at its old
        # page's address too (a feed reader follows no redirect written in a page; the feed's own
        # "self" link names the new address, which most readers then take).
        for alias in term.aliases:
            if alias.endswith("/"):
                feeds[(alias + FEED_NAME).lstrip("/")] = atom
    return feeds


def render_feed(site: Site, term: Term | None, articles: Iterable[Article], html_of: HtmlOf = _own_html,
                cover_of: HtmlOf = lambda article: "", moment: datetime | None = None) -> bytes:
    """`cover_of(article)`: the HTML of the cover photo shown above its text ("" for none): a feed
    reader showed an article whose photo is its front-matter `image:` without any. (It reads what
    Article.images_key digests: the kept feeds' key holds it.)"""
    config = site.config
    entries = tuple(articles)[:FEED_LENGTH]
    page_url = routes.term_url(term) if term is not None else "/"
    title = f"{term.name} – {config.title}" if term is not None else config.title
    subtitle = (term.description if term is not None else config.description) or ""
    updated = max((a.modified for a in entries), default=_newest(site, moment))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(config.language)} '
        f'xml:base={quoteattr(absolute(site, "/"))}>',
        f"  <title>{escape(title)}</title>",
    ]
    if subtitle:
        lines.append(f"  <subtitle>{escape(subtitle)}</subtitle>")
    lines += [
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(absolute(site, feed_url(term)))}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(absolute(site, page_url))}/>',
        f"  <id>{escape(absolute(site, page_url))}</id>",
        f"  <updated>{_stamp(updated)}</updated>",
        f"  <author><name>{escape(config.title)}</name></author>",
    ]
    for article in entries:
        lines += _entry(site, article, cover_of(article) + html_of(article))
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _entry(site: Site, article: Article, body_html: str) -> list[str]:
    config = site.config
    url = absolute(site, article.url)
    category = config.categories[article.category]
    # Without a byline, the unit wrote it, or the units of a joint article together.
    # A byline's person alone: Atom's author is a person's name, not "Minh Khôi - Phòng CSGT".
    # Two reporters listed are two authors, as in the page's JSON-LD (the joined byline, "Minh Khôi,
    # Thu Hà", was one person's name, and "Minh Khôi - Phòng CSGT, Thu Hà - …" lost the second).
    by = ([news_source(name) or split_byline(name)[0] for name in article.authors or (article.author,)] if article.author
          else [config.units[slug].name for slug in article.units])
    lines = [
        "  <entry>",
        f"    <title>{escape(article.title)}</title>",
        f'    <link rel="alternate" type="text/html" href={quoteattr(url)}/>',
        f"    <id>{escape(url)}</id>",
        f"    <published>{_stamp(article.date)}</published>",
        f"    <updated>{_stamp(article.modified)}</updated>",
        *(f"    <author><name>{escape(name)}</name></author>" for name in by),
        f"    <category term={quoteattr(category.slug)} label={quoteattr(category.name)}/>",
    ]
    for slug in article.campaigns:
        campaign = config.campaigns[slug]
        lines.append(f"    <category term={quoteattr(slug)} label={quoteattr(campaign.name)}/>")
    if article.summary:
        lines.append(f"    <summary>{escape(article.summary)}</summary>")
    lines += _enclosures(site, article, body_html, url)
    lines += [f'    <content type="html">{escape(absolute_links(body_html, url))}</content>', "  </entry>"]
    return lines


# The clips and recordings an entry plays (a player's src, or a <source src> in it: a picture's
# sources have a srcset), by the media type a feed reader is told (images.PLAYED_TYPES).
_PLAYED = re.compile(r'<(?:video|audio|source)\b[^>]*?\ssrc="([^"]*)"')


_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


def _enclosures(site: Site, article: Article, body_html: str, url: str) -> list[str]:
    """An enclosure link for each clip and recording the body plays: a feed reader offers them as
    the entry's files (a podcast app plays a unit's news bulletins), with their size when the file
    is beside the article."""
    sizes = dict(site.attachments.get(article.source, ()))
    lines, seen = [], set()
    for match in _PLAYED.finditer(body_html):
        src = html.unescape(match.group(1)).strip()
        media_type = PLAYED_TYPES.get(posixpath.splitext(urlsplit(src).path)[1].lower())
        href = quote(urljoin(url, src), safe=_URL_SAFE)  # "ban tin.mp3" as written: a URL has no space
        if media_type is None or href in seen:
            continue
        seen.add(href)
        size = sizes.get(attachments.file_beside(article.source, src))
        length = f' length="{size}"' if size is not None else ""
        lines.append(f'    <link rel="enclosure" type="{media_type}" href={quoteattr(href)}{length}/>')
    return lines


# Start tags of the (sanitized) body HTML, where text's "<" is always "&lt;"; the attributes
# in them (double-quoted) that hold a URL, or a srcset of them.
_START_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_URL_ATTRIBUTE = re.compile(r'\s(href|src|poster)="([^"]*)"')
_SRCSET = re.compile(r'\ssrcset="([^"]*)"')


def absolute_links(body_html: str, page_url: str) -> str:
    """The body with every link and source made absolute against its page (`page_url`). On
    the page, `ke-hoach.pdf` is the file beside the article; in a feed it would be read
    against the feed's base (the site's root), and many readers take no base at all."""
    def one(url: str) -> str:
        return urljoin(page_url, url.strip()) if url.strip() else url

    def tag(match: re.Match) -> str:  # (a code sample's text, `href="…"` in it, is left as written)
        text = _URL_ATTRIBUTE.sub(lambda m: f' {m.group(1)}="{one(m.group(2))}"', match.group(0))
        return _SRCSET.sub(lambda m: ' srcset="' + ", ".join(
            " ".join([one(part.split()[0]), *part.split()[1:]]) for part in m.group(1).split(",") if part.strip())
            + '"', text)

    return _START_TAG.sub(tag, body_html)


def _newest(site: Site, moment: datetime | None = None) -> datetime:
    """An empty feed's `updated`: the site's newest article's date; without any, the build's
    SOURCE_DATE_EPOCH (the source's last commit: it said 1970, a date feed readers show as
    such), the epoch only when the build was given none, the clock being no input."""
    if site.articles:
        return site.articles[0].date
    return moment.astimezone(site.config.zone).replace(microsecond=0) if moment is not None else _EPOCH


def absolute(site: Site, path: str) -> str:
    """Site-relative path → absolute URL under base_url (which may have a path)."""
    return site.config.base_url.rstrip("/") + "/" + path.lstrip("/")


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")
