"""A build takes from the build cache the feeds whose articles did not change
(feeds.KeptFeeds): an edit renders again only the feeds its article is in, and what is
published equals a clean build."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from generator import feeds
from generator.cache import BuildCache
from tests.conftest import article, clean_tree, tree

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = {
    "content/tin-hoat-dong/ra-quan.md": article("Ra quân bảo đảm an toàn giao thông", "2026-01-21T09:30:00",
                                                "phong-canh-sat-giao-thong", campaigns=["vi-an-ninh-to-quoc"]),
    "content/tin-hoat-dong/dan-van.md": article("Công an xã giúp dân thu hoạch lúa", "2026-01-10",
                                                "cong-an-xa-dong-tien", campaigns=["dan-van-kheo"]),
    "content/xay-dung-luc-luong/tap-huan.md": article("Tập huấn kỹ năng", "2025-12-01", "cong-an-tinh",
                                                      category="xay-dung-luc-luong"),
}


def rendered_feeds(monkeypatch) -> list[str]:
    """The feeds the next builds render, by their term's slug ("" for the site's)."""
    seen: list[str] = []
    render = feeds.render_feed

    def counting(site, term, articles, html_of=feeds._own_html):
        seen.append(term.slug if term is not None else "")
        return render(site, term, articles, html_of)

    monkeypatch.setattr(feeds, "render_feed", counting)
    return seen


def entry_titles(out, path: str) -> list[str]:
    return [e.findtext(f"{ATOM}title") for e in ET.fromstring((out / path).read_bytes()).findall(f"{ATOM}entry")]


def kept_blobs(site) -> list:
    return [p for p in (BuildCache(site / ".cache").root / feeds.KIND).rglob("*") if p.is_file()]


def test_an_edit_renders_again_only_the_feeds_its_article_is_in(make_site, build_site, tmp_path, monkeypatch):
    site = make_site(SITE)
    first = build_site(site)
    assert first.result.ok, first.messages
    every = len(kept_blobs(site))
    assert every == 1 + 2 + 3 + 2  # the site's, and each declared category, unit and campaign's
    seen = rendered_feeds(monkeypatch)
    edited = site / "content/tin-hoat-dong/dan-van.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Công an xã giúp dân thu hoạch lúa",
                                                                 "Công an xã giúp dân gặt lúa"), encoding="utf-8")
    again = build_site(site)
    assert again.result.ok, again.messages
    assert sorted(seen) == ["", "cong-an-xa-dong-tien", "dan-van-kheo", "tin-hoat-dong"]
    for path in ("atom.xml", "tin-hoat-dong/atom.xml", "don-vi/cong-an-xa-dong-tien/atom.xml",
                 "phong-trao/dan-van-kheo/atom.xml"):
        assert "Công an xã giúp dân gặt lúa" in entry_titles(again.out, path), path
    assert len(kept_blobs(site)) == every  # the replaced feeds' blobs are gone
    assert tree(again.out) == clean_tree(site, tmp_path / "clean")


def test_an_article_newer_than_all_renders_again_only_its_feeds_and_the_empty_ones(make_site, build_site,
                                                                                    tmp_path, monkeypatch):
    site = make_site({path: text for path, text in SITE.items() if "tap-huan" not in path})
    assert build_site(site).result.ok
    seen = rendered_feeds(monkeypatch)
    (site / "content/tin-hoat-dong/hop-bao.md").write_text(
        article("Họp báo thông tin kết quả tháng Một", "2026-02-02T08:00:00", "phong-canh-sat-giao-thong"),
        encoding="utf-8")
    built = build_site(site)
    assert built.result.ok, built.messages
    # The site's, its category's and unit's; and the category and unit with no article, whose
    # feeds are as new as the site's newest article.
    assert sorted(seen) == ["", "cong-an-tinh", "phong-canh-sat-giao-thong", "tin-hoat-dong", "xay-dung-luc-luong"]
    assert entry_titles(built.out, "atom.xml")[0] == "Họp báo thông tin kết quả tháng Một"
    empty = ET.fromstring((built.out / "xay-dung-luc-luong/atom.xml").read_bytes())
    assert empty.findall(f"{ATOM}entry") == []
    assert empty.findtext(f"{ATOM}updated").startswith("2026-02-02T08:00:00")
    assert tree(built.out) == clean_tree(site, tmp_path / "clean")


def test_a_new_body_a_new_file_size_and_site_toml_each_render_a_kept_feed_again(make_site, build_site, monkeypatch):
    site = make_site({**SITE, "content/tin-hoat-dong/ban-tin/index.md": article(
        "Bản tin an ninh tuần 48", "2026-01-05", body="Bản tin tuần này.\n\n![Bản tin](ban-tin.mp3)\n"),
        "content/tin-hoat-dong/ban-tin/ban-tin.mp3": b"ID3" + b"\x00" * 4_000})
    assert build_site(site).result.ok
    seen = rendered_feeds(monkeypatch)
    bulletin = site / "content/tin-hoat-dong/ban-tin/ban-tin.mp3"
    bulletin.write_bytes(b"ID3" + b"\x00" * 5_000)  # the same address, a new size in its enclosure
    built = build_site(site)
    assert sorted(seen) == ["", "cong-an-tinh", "tin-hoat-dong"]
    assert 'length="5003"' in (built.out / "tin-hoat-dong/atom.xml").read_text(encoding="utf-8")

    seen.clear()
    edited = site / "content/tin-hoat-dong/ra-quan.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nĐoàn kiểm tra gồm năm tổ công tác.\n",
                      encoding="utf-8")
    built = build_site(site)
    assert sorted(seen) == ["", "phong-canh-sat-giao-thong", "tin-hoat-dong", "vi-an-ninh-to-quoc"]
    assert "năm tổ công tác" in (built.out / "phong-trao/vi-an-ninh-to-quoc/atom.xml").read_text(encoding="utf-8")

    seen.clear()
    toml = site / "site.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("Công an tỉnh Thử Nghiệm", "Công an tỉnh Thử Nghiệm Mới"),
                    encoding="utf-8")
    built = build_site(site)
    assert len(seen) == len(kept_blobs(site)) == 8
    assert ET.fromstring((built.out / "atom.xml").read_bytes()).findtext(f"{ATOM}title").endswith("Thử Nghiệm Mới")


def test_a_damaged_kept_feed_is_rendered_again(make_site, build_site, tmp_path, monkeypatch):
    site = make_site(SITE)
    assert build_site(site).result.ok
    for blob in kept_blobs(site):
        data = bytearray(blob.read_bytes())
        data[len(data) // 2] ^= 0x20
        blob.write_bytes(bytes(data))
    seen = rendered_feeds(monkeypatch)
    (site / "public").rename(tmp_path / "old-output")  # (else nothing changed: the build is not run)
    built = build_site(site)
    assert len(seen) == 8
    assert tree(built.out) == clean_tree(site, tmp_path / "clean")
