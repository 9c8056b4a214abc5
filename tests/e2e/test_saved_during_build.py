"""An article saved again while the site is being built fails that build loudly
and publishes nothing of it: the build reads a body twice (front-matter and photos
when it lists the articles, the text again where it converts it), and the two reads
must be of the same file."""
from __future__ import annotations

import os

from generator import feeds, images, kept_pages, markup, routes
from generator.content import ChangedDuringBuild
from tests.conftest import article, tree


def test_an_article_saved_between_reading_and_conversion_fails_the_build_and_keeps_the_site(
        make_site, build_site, monkeypatch):
    site = make_site({"content/tin/bai-mot.md": article("Bài một", body="Bản đầu tiên."),
                      "content/tin/bai-hai.md": article("Bài hai", body="Bài thứ hai.")})
    first = build_site(site)
    assert first.result.ok
    published = tree(first.out)
    plan_images = images.plan_images

    def saved_meanwhile(*args, **kwargs):  # runs after the content stage read the files
        (site / "content/tin/bai-mot.md").write_text(article("Bài một", body="Bản sửa giữa chừng."),
                                                     encoding="utf-8")
        return plan_images(*args, **kwargs)

    monkeypatch.setattr(images, "plan_images", saved_meanwhile)
    (site / "content/tin/bai-mot.md").write_text(article("Bài một", body="Bản thứ hai."), encoding="utf-8")
    second = build_site(site)
    assert not second.result.ok
    assert second.messages == ["content/tin/bai-mot.md:1: error[changed-during-build]: the file was saved again "
                               "while the site was being built; build again"]
    assert tree(second.out) == published
    monkeypatch.undo()
    third = build_site(site)
    assert third.result.ok
    assert "Bản sửa giữa chừng." in third.page("/tin-hoat-dong/bai-mot/").get_text()


def _two_articles(make_site):
    return make_site({"content/tin/bai-mot.md": article("Bài một", body="Bản đầu tiên."),
                      "content/tin/bai-hai.md": article("Bài hai", body="Bài thứ hai.")})


def test_a_cached_body_gone_and_its_file_saved_meanwhile_fails_the_build(make_site, build_site, tmp_path,
                                                                         monkeypatch):
    """A converted body that vanished from the cache after the markup stage is converted
    again from its file, which must still be the file the build indexed."""
    site = _two_articles(make_site)
    assert build_site(site).result.ok
    fresh = tmp_path / "fresh"  # every page of it is rendered: every body is loaded again …
    plan_pages = routes.plan_pages

    def blobs_gone_and_saved_meanwhile(*args, **kwargs):  # runs after the markup stage
        # … when the cache keeps none of its pages and feeds either (they are taken from it otherwise)
        for kind in (markup.BLOB_KIND, kept_pages.KIND, feeds.KIND):
            for blob in (site / ".cache").rglob(f"{kind}/*/*"):
                blob.unlink()
        (site / "content/tin/bai-mot.md").write_text(article("Bài một", body="Bản sửa giữa chừng."),
                                                     encoding="utf-8")
        return plan_pages(*args, **kwargs)

    monkeypatch.setattr(routes, "plan_pages", blobs_gone_and_saved_meanwhile)
    second = build_site(site, out=fresh)
    assert not second.result.ok
    assert second.messages == ["content/tin/bai-mot.md:1: error[changed-during-build]: the file was saved again "
                               "while the site was being built; build again"]
    assert not fresh.exists()
    monkeypatch.undo()
    third = build_site(site, out=fresh)
    assert third.result.ok
    assert "Bản sửa giữa chừng." in third.page("/tin-hoat-dong/bai-mot/").get_text()


def test_the_search_indexer_meeting_a_file_saved_meanwhile_fails_the_build_the_same_way(make_site, build_site,
                                                                                       tmp_path, monkeypatch):
    site = _two_articles(make_site)
    build = os.getpid()
    load_html = markup.load_html

    def changed_in_the_indexer(article, *args, **kwargs):  # the indexer is a forked process
        if os.getpid() != build and article.source == "content/tin/bai-mot.md":
            raise ChangedDuringBuild(article.source)
        return load_html(article, *args, **kwargs)

    monkeypatch.setattr(markup, "load_html", changed_in_the_indexer)
    out = tmp_path / "out"
    built = build_site(site, out=out)
    assert not built.result.ok
    assert built.messages == ["content/tin/bai-mot.md:1: error[changed-during-build]: the file was saved again "
                              "while the site was being built; build again"]
    assert not out.exists()
