"""The digest of an article's fields that page signatures carry, and how a build spares its cost.

A page's signature (incremental.py) holds a digest of every article the page shows: each
field but the body (the page adds its own article's converted body). Worked out whole for
10,000 articles it took ~0.25 s of a one-article edit's ~2.8 s, most of it `repr`. So it is
made of two digests:

- the **early** fields, all those the index stage sets from the file and site.toml (title,
  dates, terms, byline …): digested once when the file is read, and kept with its checked
  article in the build cache (index._CheckedArticles);
- the **late** fields, those the stages after it set (the summary taken from the converted
  body, the body when it is not cached, the photos' key): digested every build, a few short
  values.

A kept early digest stands for an article only when each of its early fields is the very
object the digested record had (records are frozen: the same object, the same value), so
the digest is the same function of the fields however it was found: in a build from the
cache, one without it, or the preview's memo.
"""
from __future__ import annotations

import dataclasses
import operator
from dataclasses import dataclass
from types import MappingProxyType

from generator.cache import digest
from generator.model import Article

# Set after the index stage: markup.convert_articles (html, summary, summary_derived),
# images.attach_keys (images_key). A stage that changes an early field too is still
# digested right, only without the kept digest's saving.
LATE_FIELDS = ("html", "summary", "summary_derived", "images_key")
# Never digested: how the body was loaded and where it is cached. The page whose article
# it is adds the converted body itself (Signatures.of).
_LEFT_OUT = ("body", "body_loaded", "html_key", "source_digest")
EARLY_FIELDS = tuple(f.name for f in dataclasses.fields(Article) if f.name not in _LEFT_OUT + LATE_FIELDS)
# Read from the records' __dict__ (every field is there: see model.evolve) in one call each.
_early_values = operator.itemgetter(*EARLY_FIELDS)
_late_values = operator.itemgetter(*LATE_FIELDS)


@dataclass(frozen=True)
class KnownDigest:
    """`early` is early_digest of a record whose early fields were the objects in `values`.
    The values, not the record: a build keeps one of these an article until it has rendered,
    and the checked record it came from would be a second copy of each article (~0.9 KB
    each: the main process of a cold build at 10,000 articles took 9 MB more)."""
    values: tuple
    early: str


def known_digest(article: Article, early: str) -> KnownDigest:
    """What a build keeps of `article`'s early digest `early`."""
    return KnownDigest(_early_values(article.__dict__), early)


def early_digest(article: Article) -> str:
    parts = []
    for name in EARLY_FIELDS:
        value = getattr(article, name)
        if type(value) in (MappingProxyType, dict):
            value = sorted(value.items())
        parts.append(value)
    return digest(repr(parts))


def article_digest(article: Article, known: KnownDigest | None = None) -> str:
    """Every field of `article` but the body; `known`, a digest kept of the record it was
    evolved from, spares digesting the early fields again when none of them changed."""
    early = known.early if known is not None and _same_early_fields(article, known.values) else early_digest(article)
    return digest(early, repr(_late_values(article.__dict__)))


def _same_early_fields(article: Article, digested: tuple) -> bool:
    return all(map(operator.is_, _early_values(article.__dict__), digested))
