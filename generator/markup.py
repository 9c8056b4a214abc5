"""Markdown → HTML for article bodies.

Owns the Markdown dialect (Python-Markdown with the 'extra' set and our
tree processors): links to other articles written as their .md path become
URLs, body headings sit below the page's <h1>, and a summary is derived
from the first paragraph. Pure text in, text out; no file I/O.
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, replace
from typing import Mapping, Sequence
from urllib.parse import unquote, urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor

from generator.diagnostics import Problem, error
from generator.images import ImagePlan
from generator.model import Article
from generator.pictures import PictureTreeprocessor

EXTENSIONS = ("extra", "sane_lists", "smarty")
EXTENSION_CONFIGS = {"smarty": {"smart_quotes": False}}  # Vietnamese uses “ ” typed by hand
SUMMARY_LENGTH = 220
_TAG = re.compile(r"<[^>]+>")
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)


@dataclass(frozen=True)
class MarkupResult:
    html: str
    problems: tuple[Problem, ...]


class _ArticleLinks(Treeprocessor):
    """Rewrites `[text](../other/index.md)` to the other article's URL."""

    def __init__(self, md, urls_by_source: Mapping[str, str], base_path: str):
        super().__init__(md)
        self.urls_by_source = urls_by_source
        self.base_path = base_path
        self.source = ""
        self.broken: list[str] = []

    def run(self, root):
        for element in root.iter("a"):
            href = element.get("href", "")
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.endswith(".md"):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(self.source), unquote(parts.path)))
            url = self.urls_by_source.get(target)
            if url is None:
                self.broken.append(href)
                continue
            element.set("href", self.base_path + url.lstrip("/") + (f"#{parts.fragment}" if parts.fragment else ""))
        return None


class _ShiftHeadings(Treeprocessor):
    """The article title is the page's only <h1>; body headings move below it."""

    def run(self, root):
        levels = [int(e.tag[1]) for e in root.iter() if re.fullmatch(r"h[1-6]", str(e.tag))]
        if levels and min(levels) == 1:
            for element in root.iter():
                if re.fullmatch(r"h[1-6]", str(element.tag)):
                    element.tag = f"h{min(6, int(element.tag[1]) + 1)}"
        return None


class MarkupConverter:
    """One reusable Markdown instance (building one costs more than a conversion)."""

    def __init__(self, urls_by_source: Mapping[str, str], base_path: str = "/",
                 images: ImagePlan = ImagePlan()):
        self.md = markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSION_CONFIGS,
                                    output_format="html")
        self.links = _ArticleLinks(self.md, urls_by_source, base_path)
        self.md.treeprocessors.register(self.links, "article_links", 5)
        self.md.treeprocessors.register(_ShiftHeadings(self.md), "shift_headings", 4)
        self.pictures = PictureTreeprocessor(self.md, images, base_path)
        self.md.treeprocessors.register(self.pictures, "pictures", 6)

    def convert(self, article: Article) -> MarkupResult:
        self.links.source = article.source
        self.links.broken = []
        self.pictures.source, self.pictures.unplanned = article.source, []
        body_html = self.md.reset().convert(article.body)
        problems = tuple(
            error(article.source, _line_of(article, href), "broken-link",
                  f"the link '{href}' points to no article (check the path to its .md file)")
            for href in self.links.broken
        ) + tuple(
            error(article.source, _line_of(article, src), "missing-image",
                  f"the image '{src}' was not found beside the article or under assets/")
            for src in self.pictures.unplanned
        )
        return MarkupResult(body_html, problems)


def _line_of(article: Article, needle: str) -> int:
    for offset, line in enumerate(article.body.split("\n")):
        if needle in line:
            return article.body_line + offset
    return article.body_line


def derive_summary(body_html: str, limit: int = SUMMARY_LENGTH) -> str:
    """Plain text of the first paragraph, cut at a word boundary."""
    found = _FIRST_PARAGRAPH.search(body_html)
    if not found:
        return ""
    text = " ".join(html.unescape(_TAG.sub("", found.group(1))).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",.;:–-")
    return cut + "…"


def convert_articles(articles: Sequence[Article], base_path: str = "/",
                     images: ImagePlan = ImagePlan()) -> tuple[list[Article], list[Problem]]:
    converter = MarkupConverter({a.source: a.url for a in articles}, base_path, images)
    converted, problems = [], []
    for article in articles:
        result = converter.convert(article)
        problems += result.problems
        converted.append(replace(article, html=result.html,
                                 summary=article.summary or derive_summary(result.html)))
    return converted, problems
