"""Drafts, scheduled articles and expiry decide what a build publishes."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from generator.config import parse_config
from generator.content import split_source
from generator.index import IndexOptions, index_articles

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=ZONE)
CONFIG, _ = parse_config({
    "title": "Cổng thử", "base_url": "https://x.example.vn/",
    "categories": {"tin": {"name": "Tin"}}, "units": {"ca": {"name": "Công an tỉnh"}},
})


def source(name: str, **front):
    lines = ["---", f"title: {name}", "unit: ca", "category: tin"] + [f"{k}: {v}" for k, v in front.items()]
    found, problems = split_source(f"content/{name}.md", "\n".join(lines + ["---", "", "Nội dung."]))
    assert not problems
    return found


SOURCES = [
    source("da-dang", date="2026-02-01"),
    source("ban-nhap", date="2026-02-02", draft="true"),
    source("hen-gio", date="2026-03-05T08:00:00"),
    source("het-han", date="2026-01-01", expires="2026-02-15"),
    source("con-han", date="2026-01-02", expires="2026-04-01"),
    source("ngay-mai-het", date="2026-01-03", expires="2026-03-01T12:00:00"),
]


def titles(articles):
    return sorted(a.title for a in articles)


def test_drafts_scheduled_and_expired_articles_are_left_out_and_counted():
    articles, left_out, problems = index_articles(CONFIG, SOURCES, IndexOptions(now=NOW))
    assert not problems
    assert titles(articles) == ["con-han", "da-dang"]
    assert left_out == {"draft": 1, "future": 1, "expired": 2}


def test_future_and_drafts_flags_bring_them_back_but_expiry_still_hides():
    articles, left_out, _ = index_articles(CONFIG, SOURCES, IndexOptions(drafts=True, future=True, now=NOW))
    assert titles(articles) == ["ban-nhap", "con-han", "da-dang", "hen-gio"]
    assert left_out == {"expired": 2}


def test_a_scheduled_article_appears_once_its_moment_has_come():
    later = datetime(2026, 3, 5, 8, 0, tzinfo=ZONE)
    articles, left_out, _ = index_articles(CONFIG, SOURCES, IndexOptions(now=later))
    assert "hen-gio" in titles(articles)
    assert "future" not in left_out


def test_bad_expires_dates_are_errors_and_expiry_before_date_warns():
    bad = source("hong", date="2026-01-01", expires="sang mai")
    early = source("som", date="2026-01-05", expires="2026-01-04")
    _, _, problems = index_articles(CONFIG, [bad, early], IndexOptions(now=NOW))
    shown = [str(p) for p in problems]
    assert shown[0].startswith("content/hong.md:6: error[bad-date]: 'sang mai' is not a date")
    assert shown[1].startswith("content/som.md:6: warning[expires-before-date]:")
