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

    def counting(site, term, articles, html_of=feeds._own_html, cover_of=lambda article: "", moment=None):
        seen.append(term.slug if term is not None else "")
        return render(site, term, articles, html_of, cover_of, moment)

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


def test_a_feed_kept_by_another_version_of_the_generator_is_rendered_again(make_site, build_site, monkeypatch):
    """The kept feeds' keys held the articles and the settings, not the code: an upgrade that writes
    feeds otherwise (an author's name alone, a cover photo) kept publishing the old ones while the
    build said "the generator changed … nothing it made is reused"."""
    site = make_site(SITE)
    assert build_site(site).result.ok
    seen = rendered_feeds(monkeypatch)
    (site / "layouts/partials").mkdir(parents=True)
    (site / "layouts/partials/footer.html").write_text("<footer>Chân trang</footer>\n", encoding="utf-8")
    assert build_site(site).result.ok and seen == []  # (a layout is no feed's: all 8 kept)
    monkeypatch.setattr(feeds, "code_stamp", lambda: b"another version")
    (site / "layouts/partials/footer.html").write_text("<footer>Chân trang mới</footer>\n", encoding="utf-8")
    assert build_site(site).result.ok
    assert len(seen) == 8


def test_a_feed_entry_shows_the_articles_cover_photo(make_site, build_site):
    """A feed reader showed an article whose photo is its front-matter image: without any."""
    from tests.photos import phone_jpeg

    site = make_site({**SITE, "content/tin-hoat-dong/dien-tap/index.md": article(
        "Diễn tập chữa cháy", "2026-01-25T08:00:00", image="dien-tap.jpg", image_caption='"Lực lượng triển khai lăng phun"',
        body="Sáng nay, Công an tỉnh tổ chức diễn tập."), "content/tin-hoat-dong/dien-tap/dien-tap.jpg": phone_jpeg(1200, 800)})
    built = build_site(site)
    assert built.result.ok, built.result.problems
    entry = next(e for e in ET.fromstring((built.out / "atom.xml").read_bytes()).findall(f"{ATOM}entry")
                 if e.findtext(f"{ATOM}title") == "Diễn tập chữa cháy")
    from bs4 import BeautifulSoup
    content = BeautifulSoup(entry.findtext(f"{ATOM}content"), "html.parser")
    image = content.find("figure").find("img")
    assert image["src"].startswith("https://congan.example.vn/images/dien-tap-") and image["src"].endswith(".jpg")
    assert (built.out / image["src"].removeprefix("https://congan.example.vn/")).is_file()
    assert image["alt"] == content.find("figcaption").get_text() == "Lực lượng triển khai lăng phun"
    assert content.find("p").get_text() == "Sáng nay, Công an tỉnh tổ chức diễn tập."
