import random
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from generator import related
from generator.model import Article
from generator.related import compute_others, compute_related

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
DAY0 = datetime(2026, 1, 1, 8, 0, tzinfo=HCM)


def make(slug, days=0, unit="u1", category="c1", campaigns=(), title=None):
    """`unit`: a slug, or the slugs of a joint article."""
    units = (unit,) if isinstance(unit, str) else tuple(unit)
    return Article(source=f"content/{slug}.md", title=title or f"Bài {slug}", date=DAY0 + timedelta(days=days),
                   has_time=True, units=units, category=category, campaigns=tuple(campaigns), slug=slug,
                   url=f"/{category}/{slug}/")


def newest_first(items):
    return sorted(items, key=lambda a: (-a.date.timestamp(), a.url))


def test_shared_campaign_ranks_first_even_against_same_unit_and_category():
    a = make("a", campaigns=["dan-van-kheo"])
    same_campaign = make("b", days=300, unit="u9", category="c9", campaigns=["dan-van-kheo"])
    same_everything_else = make("c", days=1)
    related = compute_related(newest_first([a, same_campaign, same_everything_else]), 5)
    assert related[a.url] == (same_campaign.url, same_everything_else.url)


def test_never_the_article_itself_and_count_is_bounded():
    items = newest_first([make(f"x{i}", days=i) for i in range(20)])
    related = compute_related(items, 5)
    for article in items:
        assert article.url not in related[article.url]
        assert len(related[article.url]) == 5


def test_closer_date_wins_when_all_else_is_equal():
    a = make("a")
    near, far = make("near", days=2), make("far", days=90)
    assert compute_related(newest_first([a, near, far]), 1)[a.url] == (near.url,)


def test_shared_words_raise_an_article():
    a = make("a", title="Tuyên truyền phòng chống lừa đảo qua mạng")
    similar = make("b", days=20, title="Cảnh báo lừa đảo qua mạng xã hội")
    plain = make("c", days=10, title="Hội nghị tổng kết công tác năm")
    filler = [make(f"f{i}", days=400 + i, unit="u2", category="c2") for i in range(30)]
    related = compute_related(newest_first([a, similar, plain, *filler]), 1)
    assert related[a.url] == (similar.url,)


def test_ties_are_deterministic():
    a = make("a")
    twins = [make(n, days=5, category="c1") for n in ("m", "b", "z")]
    first = compute_related(newest_first([a, *twins]), 3)[a.url]
    again = compute_related(list(reversed(newest_first([a, *twins]))), 3)[a.url]
    assert first == again == ("/c1/b/", "/c1/m/", "/c1/z/")


def test_a_joint_article_is_related_through_each_of_its_units():
    joint = make("joint", unit=("u1", "u2"), category="c1")
    partner = make("partner", days=60, unit="u2", category="c9")  # shares only the second unit
    stranger = make("stranger", days=1, unit="u7", category="c9")
    filler = [make(f"f{i}", days=400 + i, unit="u8", category="c8") for i in range(30)]
    related = compute_related(newest_first([joint, partner, stranger, *filler]), 1)
    assert related[joint.url] == (partner.url,)
    assert related[partner.url] == (joint.url,)


def test_two_units_in_common_count_as_one():
    joint = make("joint", unit=("u1", "u2"))
    same_pair = make("pair", days=20, unit=("u2", "u1"))
    lead_only = make("lead", days=19, unit="u1")
    assert compute_related(newest_first([joint, same_pair, lead_only]), 2)[joint.url] == (lead_only.url, same_pair.url)


def test_unrelated_articles_are_not_listed():
    a = make("a")
    stranger = make("s", unit="u2", category="c2")
    assert compute_related([a, stranger], 5)[a.url] == ()


def test_other_news_are_category_neighbours_newer_and_older():
    items = newest_first([make(f"n{i:02d}", days=i) for i in range(10)] + [make("elsewhere", category="c2")])
    others = compute_others(items, 4)
    middle = "/c1/n05/"
    assert others[middle] == ("/c1/n07/", "/c1/n06/", "/c1/n04/", "/c1/n03/")
    newest = "/c1/n09/"
    assert others[newest] == ("/c1/n08/", "/c1/n07/", "/c1/n06/", "/c1/n05/")
    assert "/c2/elsewhere/" not in sum(others.values(), ())


def test_other_news_leave_out_the_related_news_shown_beside_them_and_stay_as_many():
    items = newest_first([make(f"n{i:02d}", days=i) for i in range(12)])
    middle = "/c1/n05/"
    related = {middle: ("/c1/n06/", "/c1/n04/", "/c1/n07/")}
    others = compute_others(items, 4, related)
    assert others[middle] == ("/c1/n09/", "/c1/n08/", "/c1/n03/", "/c1/n02/")
    # the whole pipeline: never one headline in both lists
    from generator.related import related_lists
    related, others = related_lists(items, 3, 4)
    for url in related:
        assert not set(related[url]) & set(others[url]), url
        assert len(others[url]) == 4, url


WORDS = ["an ninh", "trật tự", "giao thông", "phòng cháy", "ma túy", "học đường"]
CAMPAIGNS = ["vi-an-ninh", "dan-van-kheo", "quan-su", "an-toan"]


def _random_article(rng, n):
    """Titles of a few shared words, so that word pairs hover around the common limit; one in
    five a joint article of two units."""
    return make(f"r{n:03d}", days=rng.randrange(400), unit=_random_units(rng, 5), category=f"c{rng.randrange(4)}",
                campaigns=rng.sample(CAMPAIGNS, rng.randrange(3)), title=" ".join(rng.choices(WORDS, k=rng.randrange(2, 6))))


def _random_units(rng, count: int) -> tuple[str, ...]:
    return tuple(f"u{k}" for k in rng.sample(range(count), 2 if rng.random() < 0.2 else 1))


def _random_site(rng, count=300):
    return newest_first([_random_article(rng, n) for n in range(count)])


def _random_edit(rng, items, added):
    """Titles or summaries mostly (the posting lists stay), else a date, unit or campaigns
    moved, an article added or one removed."""
    chance = rng.random()
    if chance < 0.6:
        for i in rng.sample(range(len(items)), rng.choice([1, 1, 2, 8])):
            text = " ".join(rng.choices(WORDS, k=rng.randrange(1, 7)))
            items[i] = replace(items[i], **({"title": text} if rng.random() < 0.5 else {"summary": text}))
    elif chance < 0.75:
        i = rng.randrange(len(items))
        moved = rng.choice([{"date": DAY0 + timedelta(days=rng.randrange(400))}, {"units": _random_units(rng, 6)},
                            {"campaigns": tuple(rng.sample(CAMPAIGNS + ["moi"], rng.randrange(3)))}])
        items[i] = replace(items[i], **moved)
    elif chance < 0.9:
        items.append(_random_article(rng, 1000 + added))
    else:
        del items[rng.randrange(len(items))]
    return newest_first(items)


@pytest.mark.parametrize("seed", range(8))
def test_ranking_again_after_edits_equals_ranking_all(seed, monkeypatch):
    rng = random.Random(seed)
    items = _random_site(rng)
    ranked_positions = []
    rank_chunk = related._rank_chunk
    monkeypatch.setattr(related, "_rank_chunk", lambda chunk: ranked_positions.extend(chunk) or rank_chunk(chunk))
    _, ranking = related.rank(items, 5, 1, None)
    partial = 0
    for step in range(30):
        items = _random_edit(rng, items, step)
        ranked_positions.clear()
        again, ranking = related.rank(items, 5, 1, ranking)
        partial += len(ranked_positions) < len(items) / 2
        assert again == related.rank(items, 5, 1, None)[0]
    assert partial >= 15  # most edits ranked again fewer than half of the articles


def test_related_lists_reuse_the_last_builds_ranking_through_the_cache(tmp_path):
    from generator.cache import BuildCache
    from generator.related import related_lists
    items = _random_site(random.Random(3))
    related_lists(items, 5, 4, BuildCache(tmp_path))
    items[5] = replace(items[5], title="Hội nghị tổng kết công tác phòng cháy chữa cháy")
    cache = BuildCache(tmp_path)
    loaded = []
    load_state = cache.load_state
    cache.load_state = lambda name: loaded.append(name) or load_state(name)
    assert related_lists(items, 5, 4, cache) == related_lists(items, 5, 4)
    assert related.RANKING_STATE in loaded


def test_a_vocabulary_mostly_of_pairs_edited_away_starts_afresh(monkeypatch):
    items = _random_site(random.Random(5))
    _, ranking = related.rank(items, 5, 1, None)
    bloated = replace(ranking, vocabulary={**ranking.vocabulary, **{f"cũ {n}": 10**6 + n for n in range(20_000)}})
    items[0] = replace(items[0], title="Tin sửa lại")
    ranked_positions = []
    rank_chunk = related._rank_chunk
    monkeypatch.setattr(related, "_rank_chunk", lambda chunk: ranked_positions.extend(chunk) or rank_chunk(chunk))
    again, fresh = related.rank(items, 5, 1, bloated)
    assert len(ranked_positions) == len(items) and len(fresh.vocabulary) < len(ranking.vocabulary) + 10
    assert again == related.rank(items, 5, 1, None)[0]
