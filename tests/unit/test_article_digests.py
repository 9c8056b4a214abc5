"""The digest of an article's fields that page signatures carry, with and without the
digest the build cache kept of its early fields (generator/article_digests.py)."""
from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

import pytest

from generator.article_digests import EARLY_FIELDS, LATE_FIELDS, article_digest, early_digest, known_digest
from generator.model import Article, Cover, evolve, frozen_map

ICT = timezone(timedelta(hours=7))
READ = Article(source="content/tin-hoat-dong/ra-quan.md", title="Ra quân bảo đảm trật tự an toàn giao thông",
               date=datetime(2026, 1, 21, 9, 30, tzinfo=ICT), has_time=True, units=("phong-canh-sat-giao-thong",),
               category="tin-hoat-dong", campaigns=("vi-an-ninh-to-quoc",), slug="ra-quan",
               url="/tin-hoat-dong/ra-quan/", author="Minh Khôi", body="Sáng 21/1, lực lượng ra quân.",
               source_digest="ab12", cover=Cover(image="anh.jpg"), extra=frozen_map({"nguon": "Phòng CSGT"}))
KEPT = known_digest(READ, early_digest(READ))

# A value of each field that differs from READ's.
OTHER = {"source": "content/tin-hoat-dong/khac.md", "title": "Tin khác", "date": READ.date + timedelta(days=1),
         "has_time": False, "units": ("phong-canh-sat-giao-thong", "cong-an-tinh"), "category": "xay-dung-luc-luong", "campaigns": (),
         "slug": "khac", "url": "/tin-hoat-dong/khac/", "author": "Hải Yến", "authors": ("Hải Yến",),
         "summary": "Tóm tắt khác.", "draft": True, "featured": True, "body_line": 9, "bundle_dir": "content/x",
         "html": "<p>Nội dung khác.</p>", "summary_derived": True, "cover": Cover(image="khac.jpg"),
         "images_key": "c0ffee", "aliases": ("/cu/123.html",), "extra": frozen_map({"nguon": "Khác"}),
         "expires": READ.date + timedelta(days=30), "updated": READ.date + timedelta(hours=2),
         "related": ("/tin-hoat-dong/khac/",), "menu": "Giới thiệu"}


def test_the_fields_split_into_early_and_late_leave_out_only_the_body_and_how_it_was_kept():
    every = {f.name for f in dataclasses.fields(Article)}
    assert set(EARLY_FIELDS) | set(LATE_FIELDS) == every - {"body", "body_loaded", "html_key", "source_digest"}
    assert not set(EARLY_FIELDS) & set(LATE_FIELDS)
    assert set(OTHER) == set(EARLY_FIELDS) | set(LATE_FIELDS)


@pytest.mark.parametrize("name", sorted(OTHER))
def test_any_field_changed_after_the_digest_was_kept_changes_the_digest(name):
    """A later stage that changes even an early field gets the digest of what it made, never the
    kept one of the record it started from."""
    changed = evolve(READ, **{name: OTHER[name]})
    assert article_digest(changed, KEPT) == article_digest(changed) != article_digest(READ)


def test_the_kept_digest_gives_the_same_digest_as_working_it_out_whole():
    # As the build has it: the checked record from the cache, evolved by the markup and photo stages.
    converted = evolve(READ, html="", html_key="k1", body="", summary="Sáng 21/1, lực lượng ra quân.",
                       summary_derived=True, images_key="9f8e")
    assert article_digest(converted, KEPT) == article_digest(converted)
    assert article_digest(READ, KEPT) == article_digest(READ)


def test_the_body_and_where_it_is_kept_are_not_digested():
    # (The page of an article adds its converted body by its key: incremental.Signatures.of.)
    moved = evolve(READ, body="", body_loaded=False, html_key="k2", source_digest="cd34")
    assert article_digest(moved, KEPT) == article_digest(moved) == article_digest(READ)
