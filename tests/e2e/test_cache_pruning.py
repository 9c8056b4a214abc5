"""The build cache does not grow without end: converted bodies no build needs leave it."""
from __future__ import annotations

import dataclasses
import os
import time
from datetime import datetime, timedelta, timezone

from generator.cache import KEEP_UNUSED_DAYS, BuildCache
from generator.pipeline import BuildOptions, build
from tests.conftest import article


def test_converted_bodies_no_build_needs_leave_the_cache_once_old(make_site, tmp_path):
    site = make_site({"content/tin-hoat-dong/bai-a.md": article("Bài A", body="Nội dung đầu tiên của bài A."),
                      "content/tin-hoat-dong/bai-b.md": article("Bài B", body="Nội dung của bài B.")})
    out = tmp_path / "out"
    today = datetime.now(timezone.utc)

    def build_on(day: int) -> dict[str, str]:
        """The converted bodies in the cache after a build `day` days from now, by their text."""
        result = build(BuildOptions(site_dir=site, out_dir=out, now=today + timedelta(days=day)))
        assert result.ok, result.problems
        cache = BuildCache(site / ".cache")
        return {cache.get_text("markup", p.name): p.name for p in (site / ".cache").rglob("markup/*/*")}

    def edit(name: str, old: str, new: str) -> None:
        path = site / "content/tin-hoat-dong" / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")

    first = build_on(0)
    assert sorted(first) == ["<p>Nội dung của bài B.</p>", "<p>Nội dung đầu tiên của bài A.</p>"]
    edit("bai-a.md", "đầu tiên", "đã sửa")
    second = build_on(0)
    assert "<p>Nội dung đầu tiên của bài A.</p>" in second  # the body before the edit is kept a while
    assert len(second) == 3

    weeks_ago = time.time() - (KEEP_UNUSED_DAYS + 16) * 86400
    for blob in (site / ".cache").rglob("markup/*/*"):
        os.utime(blob, (weeks_ago, weeks_ago))
    edit("bai-b.md", "Bài B", "Bài B (cập nhật)")  # a change, so the build is not answered from its record
    assert build_on(0) == second  # the blobs are looked through once a day, and were today

    edit("bai-b.md", "(cập nhật)", "(cập nhật lần hai)")
    # Old and unused: gone. Old but still needed (bài B's unchanged body, bài A's new one): kept.
    assert sorted(build_on(1)) == ["<p>Nội dung của bài B.</p>", "<p>Nội dung đã sửa của bài A.</p>"]
    pages = " ".join(p.read_text(encoding="utf-8") for p in out.rglob("index.html"))
    assert "Nội dung đã sửa của bài A." in pages and "Nội dung của bài B." in pages

    # A body unused since today is not old enough to go, even on a day the blobs are looked through.
    edit("bai-a.md", "đã sửa", "sửa lần hai")
    build_on(1)
    edit("bai-a.md", "sửa lần hai", "sửa lần ba")
    assert sorted(build_on(2)) == ["<p>Nội dung của bài B.</p>", "<p>Nội dung sửa lần ba của bài A.</p>",
                                   "<p>Nội dung sửa lần hai của bài A.</p>"]


def test_a_build_removes_what_an_older_generator_version_left_in_the_cache(make_site, build_site):
    site = make_site({"content/tin-hoat-dong/bai-a.md": article("Bài A")})
    left = site / ".cache" / "v1-0.0.1"
    (left / "markup" / "ab").mkdir(parents=True)
    (left / "markup" / "ab" / "abcdef").write_bytes(b"old")
    (left / "articles.pickle").write_bytes(b"old")
    weeks_ago = time.time() - (KEEP_UNUSED_DAYS + 1) * 86400
    os.utime(left, (weeks_ago, weeks_ago))
    assert build_site(site).result.ok
    assert not left.exists()
    assert [p.name for p in (site / ".cache").iterdir() if p.name.startswith("v")] == [BuildCache(site / ".cache").root.name]


def test_an_upgraded_generator_does_not_reuse_what_the_old_one_made_of_the_site(make_site, tmp_path, monkeypatch):
    """The cache outlives an upgrade (`git pull` of the generator, a CI cache): what the old
    code read from an unchanged file must not stand in for what the new code reads."""
    from bs4 import BeautifulSoup
    from generator import cache as cache_module, index, messages
    site = make_site({"content/tin-hoat-dong/a.md": article("Tin cũ", slug="tin")})
    options = BuildOptions(site_dir=site, out_dir=tmp_path / "out", jobs=1)
    assert build(options).ok
    read = index.read_article

    def newer_read_article(config, source):  # the new version reads titles differently
        found, problems = read(config, source)
        return (dataclasses.replace(found, title=found.title.upper()) if found else found), problems
    monkeypatch.setattr(index, "read_article", newer_read_article)
    monkeypatch.setattr(cache_module, "code_stamp", lambda: b"\x02" * 16)
    upgraded = build(options)
    assert upgraded.ok
    assert messages.why(upgraded.causes, "vi") == \
        "  Lý do: trình dựng trang đã đổi phiên bản từ lần dựng trước, không dùng lại kết quả cũ"
    page = BeautifulSoup((tmp_path / "out/tin-hoat-dong/tin/index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.h1.get_text() == "TIN CŨ"
