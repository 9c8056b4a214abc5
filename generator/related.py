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
    UNIT      × a unit in common      1.5 (a joint article has several)
    CATEGORY  × same category         1.0
    DATE      × 1 / (1 + days / 30)   1.0 at the same day, 0.5 a month apart
    WORDS     × word similarity       2.0 × cosine of the title+summary word
                                       pairs (Vietnamese words are mostly two
                                       syllables: "an ninh", "giao thông"),
                                       after dropping pairs common to >10 % of articles

Ties: newer first, then URL. The article itself and drafts never appear
(drafts never reach the Site). The articles an editor picks (front-matter `related`,
picked_related.py) come before the ranking's, which fills the list after them.

A build after an edit re-ranks only what the edit can move (`Ranking`, kept in the cache
for the next build): an article's ranking is a function of its features and of its
candidates' URLs and features, so it is ranked again when it is new, when its features
changed, when one of its candidates' did, or when its candidates are not the same articles
as last time. Candidates come from the article's own posting lists, so only the articles
sharing a list with one whose features changed, and those in a list that is not as it was
(an article added to it, removed, or moved in date), are looked at. An edit of titles or
summaries alone leaves every list as it was.
"""
from __future__ import annotations

import hashlib
import heapq
import math
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import chain, filterfalse
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
ALGORITHM = f"v3 {CAMPAIGN} {UNIT} {CATEGORY} {DATE} {WORDS} {DATE_SCALE_DAYS} {COMMON_SHARE} {WINDOW}"


STATE_NAME = "related"
RANKING_STATE = "related-ranking"


@dataclass(frozen=True)
class Ranking:
    """What the next build needs to rank again only what an edit moved. Positions are
    indexes into the articles as they were passed, newest first."""
    settings: str  # the count and the scoring: any change ranks all again
    urls: tuple[str, ...]
    text_keys: tuple[bytes, ...]  # of each article's title and summary (_text_key)
    terms: tuple[tuple, ...]  # each article's (timestamp, units, category, campaigns)
    vocabulary: dict[str, int]  # word pair → its number
    pairs: tuple[tuple[int, ...], ...]  # each article's word pairs, common ones included
    frequency: Counter  # word pair number → how many articles have it
    common: frozenset[int]  # the word pairs more than COMMON_SHARE of the articles have
    postings: dict[tuple[str, str], list[int]]  # see _postings
    ranked: tuple[tuple[int, ...], ...]  # each article's related articles' positions, before the picks


def related_lists(articles: Sequence[Article], related_count: int, other_count: int,
                  cache=None, jobs: int | None = None) -> tuple[dict, dict]:
    """(related, others) for every article, reused from the last build when
    none of the inputs of the ranking changed (a body edit that leaves the
    title and summary alone changes none)."""
    key = digest(str(related_count), str(other_count), ALGORITHM,
                 *(f"{a.url}|{a.date.timestamp()}|{','.join(a.units)}|{a.category}|{','.join(a.campaigns)}|{a.title}|{a.summary}"
                   f"|{'|'.join(a.related)}" for a in articles))
    saved = cache.load_state(STATE_NAME) if cache is not None else None
    if saved is not None and saved[0] == key:
        return saved[1], saved[2]
    ranked, ranking = rank(articles, related_count, jobs, _last_ranking(cache) if saved is not None else None)
    related = with_picks(ranked, picked_related.resolve(articles), related_count)
    others = compute_others(articles, other_count, related)
    if cache is not None:
        cache.save_state(STATE_NAME, (key, related, others))
        cache.save_state(RANKING_STATE, ranking)
    return related, others


def _last_ranking(cache) -> Ranking | None:
    """The last build's Ranking (not kept in a variable here: it is let go once used)."""
    found = cache.load_state(RANKING_STATE)
    return found if isinstance(found, Ranking) else None


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
    """The ranking's related URLs of every article, computed whole (the editor's picks aside)."""
    return rank(articles, count, jobs, None)[0]


def rank(articles: Sequence[Article], count: int, jobs: int | None,
         previous: Ranking | None) -> tuple[dict[str, tuple[str, ...]], Ranking | None]:
    """(the ranking's related URLs of every article, what the next build needs to reuse them).

    Given the last build's Ranking, only what the edit can move is ranked again (see the
    module's doc); the result is the same as ranking all (tests/unit/test_related.py
    compares them over random edits, additions and removals)."""
    if count <= 0 or len(articles) < 2:
        return {a.url: () for a in articles}, None
    settings = f"{count} {ALGORITHM}"
    urls = tuple(a.url for a in articles)
    text_keys = tuple(map(_text_key, articles))
    terms = tuple(map(_terms, articles))
    if previous is not None and (previous.settings != settings or _stale(previous)):
        previous = None
    if previous is None:
        vocabulary, pairs, frequency = _all_pairs(articles)
    else:
        old_position = {url: k for k, url in enumerate(previous.urls)}
        where = [old_position.get(url) for url in urls]
        # Copies: in serve the saved Ranking is the one kept in memory.
        vocabulary, frequency = dict(previous.vocabulary), Counter(previous.frequency)
        same_text = [k is not None and previous.text_keys[k] == key for k, key in zip(where, text_keys)]
        pairs = [previous.pairs[k] if same else _numbered(a, vocabulary)
                 for a, k, same in zip(articles, where, same_text)]
        kept = {k for k, same in zip(where, same_text) if same}
        for k, old in enumerate(previous.pairs):
            if k not in kept:
                frequency.subtract(old)
        for new, same in zip(pairs, same_text):
            if not same:
                frequency.update(new)
    common, features = _features(articles, terms, pairs, frequency)
    postings, posting_stamps = _postings(articles, features)
    state = {"articles": articles, "features": features, "postings": postings,
             "posting_stamps": posting_stamps, "count": count}
    if previous is None:
        lists = workers.run_chunks(_rank_chunk, range(len(articles)), jobs, state, chunk_size=500)
    else:
        # An article's features are what it was scored by: they changed when its words, date or
        # terms did, or when one of its word pairs became common or stopped being common.
        now_common = common ^ previous.common
        moved = {i for i, (k, same) in enumerate(zip(where, same_text))
                 if not same or previous.terms[k] != terms[i] or (now_common and not now_common.isdisjoint(pairs[i]))}
        lists, again = _to_rank_again(articles, features, previous, where, moved, postings, posting_stamps, count)
        del previous  # before the workers are forked
        for i, ranked in zip(again, workers.run_chunks(_rank_chunk, again, jobs, state, chunk_size=500)):
            lists[i] = ranked
    ranking = Ranking(settings=settings, urls=urls, text_keys=text_keys, terms=terms, vocabulary=vocabulary,
                      pairs=tuple(pairs), frequency=frequency, common=common, postings=dict(postings),
                      ranked=tuple(lists))
    return {a.url: tuple(articles[j].url for j in ranked) for a, ranked in zip(articles, lists)}, ranking


def _text_key(a: Article) -> bytes:
    """What the article's word pairs are made of, in 8 bytes (its title and summary would be
    ~1 KB an article in the saved Ranking)."""
    return hashlib.blake2b(f"{len(a.title)}:{a.title}{a.summary}".encode("utf-8"), digest_size=8).digest()


def _stale(previous: Ranking) -> bool:
    """Word pairs no article holds any more (edited away) stay numbered in the vocabulary:
    past twice the live ones, the ranking starts afresh."""
    live = sum(1 for n in previous.frequency.values() if n > 0)
    return len(previous.vocabulary) > 2 * live + 10_000


def _to_rank_again(articles, features, previous: Ranking, where: list[int | None], moved: set[int], postings,
                   posting_stamps, count: int) -> tuple[list, list[int]]:
    """(each article's last ranking, renumbered, or None when new; the positions to rank again)."""
    new_position = [-1] * len(previous.urls)  # -1: gone
    for i, k in enumerate(where):
        if k is not None:
            new_position[k] = i
    old_stamps = {key: [previous.terms[k][0] for k in ids] for key, ids in previous.postings.items()}
    # A list not as it was: other articles, another order or other dates.
    changed = [key for key, ids in postings.items()
               if [new_position[k] for k in previous.postings.get(key, ())] != ids
               or old_stamps.get(key) != posting_stamps[key]]
    looked_at = set(chain.from_iterable(postings[key] for key in changed))
    sharing = set(chain.from_iterable(postings[key] for j in moved for key in _keys(articles[j])))
    again = []
    for i in sorted(looked_at | sharing):
        a, stamp = articles[i], features[i][0]
        found = _candidates(i, a, stamp, postings, posting_stamps, count)
        if i in moved or not moved.isdisjoint(found):
            again.append(i)
        elif i in looked_at:  # not moved: its unit, category, campaigns and date are as they were
            before = _candidates(where[i], a, stamp, previous.postings, old_stamps, count)
            if {new_position[k] for k in before} != found:
                again.append(i)
    lists: list = [None if k is None else tuple(new_position[j] for j in previous.ranked[k]) for k in where]
    return lists, again


def _numbered(article: Article, vocabulary: dict[str, int]) -> tuple[int, ...]:
    """The article's word pairs as numbers, one per distinct pair, shared by every article
    that has it: frozensets of the pairs' strings took ~5.8 KB an article (580 MB at 100,000
    articles). Sorted, so the same pairs give the same tuple whatever the set's order."""
    return tuple(sorted(vocabulary.setdefault(p, len(vocabulary)) for p in word_pairs(article)))


def _candidates(i: int, a: Article, stamp: float, postings, posting_stamps, count: int) -> set[int]:
    """The positions of the articles ranked for article i.

    Tier 1: a candidate sharing a campaign outscores any that shares none (CAMPAIGN > the
    sum of the other weights), so when campaigns alone give `count` candidates, nobody else
    needs scoring."""
    candidates = _near(postings, posting_stamps, [("campaign", c) for c in a.campaigns], stamp)
    candidates.discard(i)
    if len(candidates) < count:
        candidates |= _near(postings, posting_stamps, [*(("unit", u) for u in a.units), ("category", a.category)],
                            stamp)
        candidates.discard(i)
    return candidates


def _rank_chunk(chunk: Sequence[int]) -> list[tuple[int, ...]]:
    """Worker: the positions of the related articles of the articles at these positions."""
    articles = workers.shared("articles")
    features = workers.shared("features")
    postings = workers.shared("postings")
    posting_stamps = workers.shared("posting_stamps")
    count = workers.shared("count")
    results = []
    for i in chunk:
        stamp_a, unit_a, category_a, campaigns_a, pairs_a, norm_a = features[i]
        pairs_a = frozenset(pairs_a)  # probed once per candidate; the candidates' stay tuples
        candidates = _candidates(i, articles[i], stamp_a, postings, posting_stamps, count)
        scored = []
        for j in candidates:  # _score, inlined: this loop is the hot path
            stamp_b, unit_b, category_b, campaigns_b, pairs_b, norm_b = features[j]
            similarity = len(pairs_a.intersection(pairs_b)) / (norm_a * norm_b) if norm_a and norm_b else 0.0
            value = (CAMPAIGN * (campaigns_a & campaigns_b).bit_count() + UNIT * ((unit_a & unit_b) != 0)
                     + CATEGORY * (category_a == category_b)
                     + DATE / (1 + abs(stamp_a - stamp_b) / DAY_SCALE) + WORDS * similarity)
            scored.append((-value, -stamp_b, articles[j].url, j))
        # Highest score first, then newer, then the smaller URL: deterministic ties.
        results.append(tuple(j for *_, j in heapq.nsmallest(count, scored)))
    return results


def _terms(a: Article) -> tuple:
    """What places an article in the posting lists: (timestamp, units, category, campaigns)."""
    return (a.date.timestamp(), a.units, a.category, a.campaigns)


def _all_pairs(articles: Sequence[Article]) -> tuple[dict[str, int], list[tuple[int, ...]], Counter]:
    """(vocabulary, each article's numbered word pairs, how many articles have each pair)."""
    vocabulary: dict[str, int] = {}
    pairs = [_numbered(a, vocabulary) for a in articles]
    return vocabulary, pairs, Counter(chain.from_iterable(pairs))


def _features(articles: Sequence[Article], terms: Sequence[tuple], pairs: Sequence[tuple[int, ...]],
              frequency: Counter) -> tuple[frozenset[int], list[tuple]]:
    """(the common word pairs, each article's scoring features)."""
    common = _common(frequency, len(articles))
    unit_bits, campaign_bits = _bits(articles, "units"), _bits(articles, "campaigns")
    return common, [_feature(term, ps, common, unit_bits, campaign_bits) for term, ps in zip(terms, pairs)]


def _common(frequency: Counter, articles: int) -> frozenset[int]:
    """The word pairs left out of the scoring: more than COMMON_SHARE of the articles have them."""
    limit = max(2, COMMON_SHARE * articles)
    return frozenset(p for p, n in frequency.items() if n > limit)


def _bits(articles: Sequence[Article], field: str) -> dict[str, int]:
    """A bit for each unit or campaign (`field`), so that shared ones are found with one AND."""
    names = sorted(set(chain.from_iterable(getattr(a, field) for a in articles)))
    return {name: 1 << k for k, name in enumerate(names)}


def _feature(terms: tuple, pairs: tuple[int, ...], common: frozenset[int], unit_bits: dict[str, int],
             campaign_bits: dict[str, int]) -> tuple:
    """(timestamp, unit bitmask, category, campaign bitmask, word pairs, norm) of an article,
    from its terms (_terms); its word pairs (_numbered) without the common ones."""
    stamp, units, category, campaigns = terms
    kept = pairs if common.isdisjoint(pairs) else tuple(filterfalse(common.__contains__, pairs))
    return (stamp, _mask(units, unit_bits), category, _mask(campaigns, campaign_bits), kept, math.sqrt(len(kept)))


def _mask(names: tuple[str, ...], bits: dict[str, int]) -> int:
    mask = 0
    for name in names:
        mask |= bits[name]
    return mask


def _postings(articles, features):
    """Posting lists of article positions, oldest → newest, per campaign/unit/category."""
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in sorted(range(len(articles)), key=lambda i: (features[i][0], articles[i].url)):
        for key in _keys(articles[i]):
            postings[key].append(i)
    posting_stamps = {key: [features[i][0] for i in ids] for key, ids in postings.items()}
    return postings, posting_stamps


def _keys(a: Article) -> list[tuple[str, str]]:
    """The posting lists an article is in."""
    return [*(("unit", u) for u in a.units), ("category", a.category), *(("campaign", c) for c in a.campaigns)]


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
    return (CAMPAIGN * (campaigns_a & campaigns_b).bit_count() + UNIT * ((unit_a & unit_b) != 0)
            + CATEGORY * (category_a == category_b)
            + DATE / (1 + abs(stamp_a - stamp_b) / DAY_SCALE) + WORDS * similarity)


def score(a: Article, b: Article) -> float:
    """The documented score of b as related news for a (for tests and tools)."""
    _, pairs, frequency = _all_pairs([a, b])
    _, (fa, fb) = _features([a, b], [_terms(a), _terms(b)], pairs, frequency)
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
