"""Related news ("Tin liên quan") and other news ("Các tin khác").

Owns the ranking. Pure data in, URLs out; near-linear in the number of
articles: candidates come from inverted indexes (campaign, unit, category),
each limited to the articles nearest in date, and a bounded heap keeps the
top k. Never all pairs.

Score of a candidate B for article A (higher is better):

    CAMPAIGN  × shared campaigns      6.0 each — larger than every other term
                                       together (1.5 + 1 + 1 + 2 = 5.5), so an
                                       article of the same campaign always ranks
                                       above one that shares none
    UNIT      × same unit             1.5
    CATEGORY  × same category         1.0
    DATE      × 1 / (1 + days / 30)   1.0 at the same day, 0.5 a month apart
    WORDS     × word similarity       2.0 × cosine of the title+summary word
                                       pairs (Vietnamese words are mostly two
                                       syllables: "an ninh", "giao thông"),
                                       after dropping pairs common to >10 % of articles

Ties: newer first, then URL. The article itself and drafts never appear
(drafts never reach the Site).
"""
from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import Counter, defaultdict
from typing import Sequence

from generator.model import Article
from generator.vietnamese import words

CAMPAIGN, UNIT, CATEGORY, DATE, WORDS = 6.0, 1.5, 1.0, 1.0, 2.0
DATE_SCALE_DAYS = 30.0
COMMON_SHARE = 0.10
# Per posting list, how many date-neighbours on each side are considered.
WINDOW = 60


def word_pairs(article: Article) -> frozenset[str]:
    tokens = words(f"{article.title} {article.summary}")
    return frozenset(f"{a} {b}" for a, b in zip(tokens, tokens[1:]))


def compute_related(articles: Sequence[Article], count: int) -> dict[str, tuple[str, ...]]:
    if count <= 0 or len(articles) < 2:
        return {a.url: () for a in articles}
    pairs = [word_pairs(a) for a in articles]
    frequency = Counter(p for ps in pairs for p in ps)
    limit = max(2, COMMON_SHARE * len(articles))
    pairs = [frozenset(p for p in ps if frequency[p] <= limit) for ps in pairs]
    stamps = [a.date.timestamp() for a in articles]

    # Posting lists hold article positions ordered oldest → newest.
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in sorted(range(len(articles)), key=lambda i: (stamps[i], articles[i].url)):
        a = articles[i]
        postings[("unit", a.unit)].append(i)
        postings[("category", a.category)].append(i)
        for c in a.campaigns:
            postings[("campaign", c)].append(i)
    posting_stamps = {key: [stamps[i] for i in ids] for key, ids in postings.items()}

    related = {}
    for i, a in enumerate(articles):
        keys = [("unit", a.unit), ("category", a.category)] + [("campaign", c) for c in a.campaigns]
        candidates: set[int] = set()
        for key in keys:
            ids = postings[key]
            at = bisect_left(posting_stamps[key], stamps[i])
            candidates.update(ids[max(0, at - WINDOW): at + WINDOW + 1])
        candidates.discard(i)
        scored = ((score(a, articles[j], pairs[i], pairs[j]), stamps[j], _reverse(articles[j].url), j)
                  for j in candidates)
        best = heapq.nlargest(count, scored)
        related[a.url] = tuple(articles[j].url for *_, j in best)
    return related


def score(a: Article, b: Article, pairs_a: frozenset[str], pairs_b: frozenset[str]) -> float:
    shared = len(set(a.campaigns) & set(b.campaigns))
    days = abs(a.date.timestamp() - b.date.timestamp()) / 86400
    similarity = len(pairs_a & pairs_b) / math.sqrt(len(pairs_a) * len(pairs_b)) if pairs_a and pairs_b else 0.0
    return (CAMPAIGN * shared + UNIT * (a.unit == b.unit) + CATEGORY * (a.category == b.category)
            + DATE / (1 + days / DATE_SCALE_DAYS) + WORDS * similarity)


def _reverse(text: str) -> tuple[int, ...]:
    """Sort key that orders strings descending inside nlargest (so ties go to the smaller URL)."""
    return tuple(-ord(ch) for ch in text) + (0,)


def compute_others(articles: Sequence[Article], count: int) -> dict[str, tuple[str, ...]]:
    """Neighbours in the same category: up to half newer, the rest older (newest first)."""
    by_category: dict[str, list[Article]] = defaultdict(list)
    for a in articles:  # `articles` is newest first
        by_category[a.category].append(a)
    others = {}
    for items in by_category.values():
        for pos, a in enumerate(items):
            newer_wanted = count // 2
            older = items[pos + 1: pos + 1 + count]
            newer = items[max(0, pos - count): pos]
            take_newer = min(len(newer), max(newer_wanted, count - len(older)))
            chosen = newer[len(newer) - take_newer:] + older[: count - take_newer]
            others[a.url] = tuple(b.url for b in chosen)
    return others
