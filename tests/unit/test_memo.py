"""What the preview remembers between builds (generator/memo.py)."""
from __future__ import annotations

from dataclasses import dataclass

from generator.memo import Kept, Memo, recall


@dataclass(frozen=True)
class Record:
    value: object


def test_the_same_input_objects_give_the_remembered_output_without_computing():
    memo, calls = Memo(), []
    first, second = Record(1), Record(2)

    def compute(*records):
        calls.append(records)
        return sum(r.value for r in records)

    assert recall(memo, "sums", "a", (first, second), lambda: compute(first, second)) == 3
    assert recall(memo, "sums", "a", (first, second), lambda: compute(first, second)) == 3
    assert len(calls) == 1


def test_an_equal_but_new_input_object_is_computed_again():
    # 1 == True, yet a layout shows them differently: only identity is trusted.
    memo = Memo()
    assert recall(memo, "shown", "k", (Record(1),), lambda: "1") == "1"
    assert recall(memo, "shown", "k", (Record(True),), lambda: "True") == "True"


def test_without_a_memo_every_call_computes():
    calls = []
    record = Record(1)
    for _ in range(2):
        recall(None, "t", "k", (record,), lambda: calls.append(1))
    assert len(calls) == 2


def test_canonical_hands_back_the_remembered_object_only_for_the_same_repr():
    table = Memo().table("config")
    first = Record({"per_page": 1})
    assert table.canonical("site", first) is first
    assert table.canonical("site", Record({"per_page": 1})) is first
    changed = Record({"per_page": True})  # equal to the first, but shown as "True"
    assert table.canonical("site", changed) is changed


def test_a_build_forgets_what_it_did_not_ask_for_unless_the_table_lasts():
    memo = Memo()
    kept, dropped = Record("kept"), Record("deleted article")
    recall(memo, "articles", "kept", (kept,), lambda: "A")
    recall(memo, "articles", "deleted", (dropped,), lambda: "B")
    memo.table("states", lasting=True).put("render", (), {"pages": 1})
    memo.finish_build()
    recall(memo, "articles", "kept", (kept,), lambda: "A")  # the next build still has this one
    memo.finish_build()
    articles = memo.table("articles")
    assert articles.get("kept", (kept,)) == "A"
    assert articles.get("deleted", (dropped,)) is None
    assert memo.table("states", lasting=True).get("render", ()) == {"pages": 1}


def test_kept_drops_the_oldest_entry_past_its_limit():
    kept = Kept(limit=2)
    kept.put("a", 1)
    kept.put("b", 2)
    kept.put("a", 3)  # (a key put again is no new entry)
    kept.put("c", 4)
    assert (kept.get("a"), kept.get("b"), kept.get("c"), len(kept)) == (None, 2, 4, 2)
