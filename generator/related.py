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
(drafts never reach the Site). The articles an editor picks (front-matter `related`,
picked_related.py) come before the ranking's, which fills the list after them.
"""
from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import Counter, defaultdict
from typing import Sequence

from generator import picked_related, workers
from generator.cache import digest
from generator.model import Article
from generator.vietnamese import words

CAMPAIGN, UNIT, CATEGORY, DATE, WORDS = 6.0, 1.5, 1.0, 1.0, 2.0
DATE_SCALE_DAYS = 30.0
COMMON_SHARE = 0.10
DAY_SCALE = 86400 * DATE_SCALE_DAYS
# Per posting list, how many date-neighbours on each side are considered.
WINDOW = 20
ALGORITHM = f"v2 {CAMPAIGN} {UNIT} {CATEGORY} {DATE} {WORDS} {DATE_SCALE_DAYS} {COMMON_SHARE} {WINDOW}"


STATE_NAME = "related"


def related_lists(articles: Sequence[Article], related_count: int, other_count: int,
                  cache=None, jobs: int | None = None) -> tuple[dict, dict]:
    """(related, others) for every article, reused from the last build when
    none of the inputs of the ranking changed (a body edit that leaves the
    title and summary alone changes none)."""
    key = digest(str(related_count), str(other_count), ALGORITHM,
                 *(f"{a.url}|{a.date.timestamp()}|{a.unit}|{a.category}|{','.join(a.campaigns)}|{a.title}|{a.summary}"
                   f"|{'|'.join(a.related)}" for a in articles))
    saved = cache.load_state(STATE_NAME) if cache is not None else None
    if saved is not None and saved[0] == key:
        return saved[1], saved[2]
    related = with_picks(compute_related(articles, related_count, jobs), picked_related.resolve(articles),
                         related_count)
    others = compute_others(articles, other_count, related)
    if cache is not None:
        cache.save_state(STATE_NAME, (key, related, others))
    return related, others


def with_picks(ranked: dict[str, tuple[str, ...]], picks: dict[str, tuple[str, ...]],
               count: int) -> dict[str, tuple[str, ...]]:
    """The editor's picks first, all of them; the ranking's after them, up to `count` in all."""
    for url, picked in picks.items():
        ranked[url] = picked + tuple(u for u in ranked.get(url, ()) if u not in picked)[:max(0, count - len(picked))]
    return ranked


def word_pairs(article: Article) -> frozenset[str]:
    tokens = words(f"{article.title} {article.summary}")
    return frozenset(f"{a} {b}" for a, b in zip(tokens, tokens[1:]))


def compute_related(articles: Sequence[Article], count: int, jobs: int | None = None) -> dict[str, tuple[str, ...]]:
    if count <= 0 or len(articles) < 2:
        return {a.url: () for a in articles}
    features = _features(articles)
    postings, posting_stamps = _postings(articles, features)
    state = {"articles": articles, "features": features, "postings": postings,
             "posting_stamps": posting_stamps, "count": count}
    lists = workers.run_chunks(_rank_chunk, range(len(articles)), jobs, state, chunk_size=500)
    return {a.url: urls for a, urls in zip(articles, lists)}


def _rank_chunk(chunk: Sequence[int]) -> list[tuple[str, ...]]:
    """Worker: the related URLs of the articles at these positions."""
    articles = workers.shared("articles")
    features = workers.shared("features")
    postings = workers.shared("postings")
    posting_stamps = workers.shared("posting_stamps")
    count = workers.shared("count")
    results = []
    for i in chunk:
        a = articles[i]
        stamp_a, unit_a, category_a, campaigns_a, pairs_a, norm_a = features[i]
        pairs_a = frozenset(pairs_a)  # probed once per candidate; the candidates' stay tuples
        # Tier 1: a candidate sharing a campaign outscores any that shares none
        # (CAMPAIGN > the sum of the other weights), so when campaigns alone
        # give `count` candidates, nobody else needs scoring.
        candidates = _near(postings, posting_stamps, [("campaign", c) for c in a.campaigns], stamp_a)
        candidates.discard(i)
        if len(candidates) < count:
            candidates |= _near(postings, posting_stamps, [("unit", a.unit), ("category", a.category)], stamp_a)
            candidates.discard(i)
        scored = []
        for j in candidates:  # _score, inlined: this loop is the hot path
            stamp_b, unit_b, category_b, campaigns_b, pairs_b, norm_b = features[j]
            similarity = len(pairs_a.intersection(pairs_b)) / (norm_a * norm_b) if norm_a and norm_b else 0.0
            value = (CAMPAIGN * (campaigns_a & campaigns_b).bit_count() + UNIT * (unit_a == unit_b)
                     + CATEGORY * (category_a == category_b)
                     + DATE / (1 + abs(stamp_a - stamp_b) / DAY_SCALE) + WORDS * similarity)
            scored.append((-value, -stamp_b, articles[j].url))
        # Highest score first, then newer, then the smaller URL: deterministic ties.
        results.append(tuple(url for *_, url in heapq.nsmallest(count, scored)))
    return results


def _features(articles: Sequence[Article]) -> list[tuple]:
    """Per article: (timestamp, unit, category, campaign bitmask, word pairs, norm).

    An article's word pairs are a tuple of numbers, one number per distinct pair and shared
    by every article that has it: frozensets of the pairs' strings took ~5.8 KB an article
    (580 MB at 100,000 articles)."""
    numbers: dict[str, int] = {}
    pairs = [[numbers.setdefault(p, len(numbers)) for p in word_pairs(a)] for a in articles]
    del numbers
    frequency = Counter(p for ps in pairs for p in ps)
    limit = max(2, COMMON_SHARE * len(articles))
    bits: dict[str, int] = {}
    features = []
    for a, ps in zip(articles, pairs):
        kept = tuple(p for p in ps if frequency[p] <= limit)
        mask = 0
        for c in a.campaigns:
            mask |= 1 << bits.setdefault(c, len(bits))
        features.append((a.date.timestamp(), a.unit, a.category, mask, kept, math.sqrt(len(kept))))
    return features


def _postings(articles, features):
    """Posting lists of article positions, oldest → newest, per campaign/unit/category."""
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in sorted(range(len(articles)), key=lambda i: (features[i][0], articles[i].url)):
        a = articles[i]
        postings[("unit", a.unit)].append(i)
        postings[("category", a.category)].append(i)
        for c in a.campaigns:
            postings[("campaign", c)].append(i)
    posting_stamps = {key: [features[i][0] for i in ids] for key, ids in postings.items()}
    return postings, posting_stamps


def _near(postings, posting_stamps, keys, stamp) -> set[int]:
    """The WINDOW articles nearest in date on each side, in each posting list."""
    found: set[int] = set()
    for key in keys:
        ids = postings[key]
        at = bisect_left(posting_stamps[key], stamp)
        found.update(ids[max(0, at - WINDOW): at + WINDOW + 1])
    return found


def _score(fa: tuple, fb: tuple) -> float:
    stamp_a, unit_a, category_a, campaigns_a, pairs_a, norm_a = fa
    stamp_b, unit_b, category_b, campaigns_b, pairs_b, norm_b = fb
    similarity = len(frozenset(pairs_a).intersection(pairs_b)) / (norm_a * norm_b) if norm_a and norm_b else 0.0
    return (CAMPAIGN * (campaigns_a & campaigns_b).bit_count() + UNIT * (unit_a == unit_b)
            + CATEGORY * (category_a == category_b)
            + DATE / (1 + abs(stamp_a - stamp_b) / DAY_SCALE) + WORDS * similarity)


def score(a: Article, b: Article) -> float:
    """The documented score of b as related news for a (for tests and tools)."""
    fa, fb = _features([a, b])
    return _score(fa, fb)


def compute_others(articles: Sequence[Article], count: int,
                   related: dict[str, tuple[str, ...]] | None = None) -> dict[str, tuple[str, ...]]:
    """Neighbours in the same category: up to half newer, the rest older (newest first),
    leaving out the article's related news: the two lists stand side by side, and the same
    headline in both tells the reader nothing new."""
    by_category: dict[str, list[Article]] = defaultdict(list)
    for a in articles:  # `articles` is newest first
        by_category[a.category].append(a)
    related = related or {}
    others = {}
    for items in by_category.values():
        for pos, a in enumerate(items):
            shown = set(related.get(a.url, ()))
            reach = count + len(shown)  # enough neighbours on each side to skip every related one
            older = [b for b in items[pos + 1: pos + 1 + reach] if b.url not in shown][:count]
            newer = [b for b in items[max(0, pos - reach): pos] if b.url not in shown][-count:]
            take_newer = min(len(newer), max(count // 2, count - len(older)))
            chosen = newer[len(newer) - take_newer:] + older[: count - take_newer]
            others[a.url] = tuple(b.url for b in chosen)
    return others
