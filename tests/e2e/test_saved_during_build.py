"""An article saved again while the site is being built fails that build loudly
and publishes nothing of it: the build reads a body twice (front-matter and photos
when it lists the articles, the text again where it converts it), and the two reads
must be of the same file."""
from __future__ import annotations

from generator import images
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
