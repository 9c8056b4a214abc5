"""`build --strict` (CI): a warning fails the build as an error does, and nothing is published,
as `check --strict` judges, Hugo's --panicOnWarning and Pelican's --fatal warnings."""
from __future__ import annotations

import shutil

import pytest

from tests.conftest import article, cli_here, tree

FILES = {
    "content/tin-hoat-dong/ra-quan.md": article("Ra quân đầu năm", "2026-01-21T09:30:00"),
    "content/tin-hoat-dong/hoi-nghi.md": article("Hội nghị tổng kết", "2025-12-30"),
}


def test_a_warning_fails_a_strict_build_and_the_published_site_stays_as_it_was(make_site):
    site = make_site(FILES)
    clean = cli_here("build", "--site", str(site), "--lang", "en", "--strict")
    assert clean.returncode == 0, clean.stderr
    before = tree(site / "public")

    news = site / "content/tin-hoat-dong/ra-quan.md"
    news.write_text(news.read_text(encoding="utf-8").replace("title:", "tags: [an ninh]\ntitle:", 1)
                    .replace("Nội dung bài viết.", "Nội dung đã sửa."), encoding="utf-8")
    strict = cli_here("build", "--site", str(site), "--lang", "en", "--strict")
    assert strict.returncode == 1 and "Traceback" not in strict.stderr
    assert ("content/tin-hoat-dong/ra-quan.md:2: error[unknown-key]: unknown front-matter key 'tags'; "
            "did you mean 'campaigns'?") in strict.stderr
    assert "Build failed: 1 error(s)" in strict.stderr
    assert tree(site / "public") == before  # the edit is not published

    lenient = cli_here("build", "--site", str(site), "--lang", "en")  # the same warning, told and published
    assert lenient.returncode == 0 and "warning[unknown-key]" in lenient.stderr
    assert "Nội dung đã sửa." in (site / "public/tin-hoat-dong/ra-quan-dau-nam/index.html").read_text(encoding="utf-8")
    # Nothing changed since: the last build's answer is given again, and its warning fails it still.
    again = cli_here("build", "--site", str(site), "--lang", "en", "--strict")
    assert again.returncode == 1 and "error[unknown-key]" in again.stderr and again.stdout == ""


def test_a_strict_build_stopped_by_an_error_tells_its_warnings_as_errors_at_once(make_site):
    """An error and a warning in one push: the strict build listed the warning as a warning and
    counted one error, and once the error was mended the next run stopped at the "warning" it had
    let pass; CI's editor was told twice, where every problem is listed at once."""
    site = make_site({**FILES, "content/tin-hoat-dong/hoi-nghi.md": article(
        "Hội nghị tổng kết", "2025-12-30", tags="[an ninh]", body="[Xem](khong-co.md)")})
    strict = cli_here("build", "--site", str(site), "--lang", "en", "--strict")
    assert strict.returncode == 1
    assert [line.split(": ")[1] for line in strict.stderr.splitlines() if "hoi-nghi.md" in line] == [
        "error[unknown-key]", "error[broken-link]"]
    assert "Build failed: 2 error(s)" in strict.stderr


def test_a_branch_preview_that_left_the_cache_is_no_address_readers_had(make_site):
    """CI builds each branch's preview (--base-url of a sub-path, --noindex) and the next job of
    main restored the cache it left: the strict build of main stopped at address-not-kept for
    the title the branch gave an article, an address only the preview ever had."""
    site = make_site(FILES)
    assert cli_here("build", "--site", str(site), "--lang", "en", "--strict").returncode == 0  # main, published
    news = site / "content/tin-hoat-dong/ra-quan.md"
    written = news.read_text(encoding="utf-8")
    news.write_text(written.replace("Ra quân đầu năm", "Ra quân đầu năm 2026"), encoding="utf-8")  # the branch
    preview = cli_here("build", "--site", str(site), "--lang", "en", "--strict", "--noindex",
                      "--base-url", "https://xem-truoc.congan.example.vn/nhanh/ra-quan/", "--out", str(site / "xem-truoc"))
    assert preview.returncode == 1 and "error[address-not-kept]" in preview.stderr  # (it drops main's address)
    preview = cli_here("build", "--site", str(site), "--lang", "en", "--noindex",
                      "--base-url", "https://xem-truoc.congan.example.vn/nhanh/ra-quan/", "--out", str(site / "xem-truoc"))
    assert preview.returncode == 0, preview.stderr
    news.write_text(written, encoding="utf-8")  # main again, the cache as the preview left it
    main = cli_here("build", "--site", str(site), "--lang", "en", "--strict")
    assert main.returncode == 0 and "address-not-kept" not in main.stderr, main.stderr
    assert (site / "public/tin-hoat-dong/ra-quan-dau-nam/index.html").is_file()


def test_a_branch_preview_after_another_branch_s_preview_is_not_judged_by_its_addresses(make_site):
    """Two branches' previews (--noindex) take turns with the cache CI restores: the strict build
    of the second stopped at address-not-kept for the title the first branch gave an article,
    an address no reader ever had, and told it to keep it by an alias."""
    site = make_site(FILES)
    assert cli_here("build", "--site", str(site), "--lang", "en", "--strict").returncode == 0  # main, published
    news = site / "content/tin-hoat-dong/ra-quan.md"
    written = news.read_text(encoding="utf-8")
    news.write_text(written.replace("Ra quân đầu năm", "Ra quân đầu năm 2026"), encoding="utf-8")  # branch A
    first = cli_here("build", "--site", str(site), "--lang", "en", "--noindex",
                    "--base-url", "https://xem-truoc.congan.example.vn/nhanh/a/", "--out", str(site / "xem-truoc-a"))
    assert first.returncode == 0, first.stderr
    news.write_text(written.replace("Nội dung bài viết.", "Nội dung đã sửa."), encoding="utf-8")  # branch B
    second = cli_here("build", "--site", str(site), "--lang", "en", "--strict", "--noindex",
                     "--base-url", "https://xem-truoc.congan.example.vn/nhanh/b/", "--out", str(site / "xem-truoc-b"))
    assert second.returncode == 0 and "address-not-kept" not in second.stderr, second.stderr


@pytest.mark.parametrize("release", [False, True])
def test_an_address_a_new_generator_version_moves_is_told_and_stops_a_strict_build(make_site, monkeypatch, release):
    """The first build after an upgrade trusted none of the last build's record (another version's
    state), so an address the new version moved (a new slug rule) was dropped without a word, even
    by --strict: the addresses readers had are kept where any version reads them. `release`: a new
    version number (a cache folder of its own), else only the code changed."""
    from generator import cache as cache_module, causes

    site = make_site(FILES)
    assert cli_here("build", "--site", str(site), "--lang", "en").returncode == 0
    for module in (cache_module, causes):
        monkeypatch.setattr(module, "code_stamp", lambda: b"\x03" * 16)
    if release:
        monkeypatch.setattr(cache_module, "__version__", "99.0")
    news = site / "content/tin-hoat-dong/ra-quan.md"  # (as if the new version's slugs moved it)
    news.write_text(news.read_text(encoding="utf-8").replace("Ra quân đầu năm", "Ra quân đầu xuân"), encoding="utf-8")
    strict = cli_here("build", "--site", str(site), "--lang", "en", "--strict")
    assert strict.returncode == 1 and (
        "content/tin-hoat-dong/ra-quan.md:2: error[address-not-kept]: this article is published at "
        "/tin-hoat-dong/ra-quan-dau-xuan/, no longer at /tin-hoat-dong/ra-quan-dau-nam/") in strict.stderr, strict.stderr
    lenient = cli_here("build", "--site", str(site), "--lang", "en")
    assert lenient.returncode == 0, lenient.stderr
    assert "the generator changed" in lenient.stdout and (
        "Moved: content/tin-hoat-dong/ra-quan.md is now at /tin-hoat-dong/ra-quan-dau-xuan/, no longer at "
        "/tin-hoat-dong/ra-quan-dau-nam/") in lenient.stdout, lenient.stdout


def test_an_address_a_new_generator_version_moves_is_told_whatever_folder_the_last_build_wrote(make_site, monkeypatch):
    """The last build wrote another folder (--out, as a build of this version may: its record is
    the last build's all the same): the first build after an upgrade compared with nothing again,
    the addresses kept naming that folder, and --strict let the move through."""
    from generator import cache as cache_module, causes

    site = make_site(FILES)
    assert cli_here("build", "--site", str(site), "--lang", "en", "--out", str(site / "ban-cu")).returncode == 0
    for module in (cache_module, causes):
        monkeypatch.setattr(module, "code_stamp", lambda: b"\x03" * 16)
    news = site / "content/tin-hoat-dong/ra-quan.md"
    news.write_text(news.read_text(encoding="utf-8").replace("Ra quân đầu năm", "Ra quân đầu xuân"), encoding="utf-8")
    strict = cli_here("build", "--site", str(site), "--lang", "en", "--strict")
    assert strict.returncode == 1 and (
        "content/tin-hoat-dong/ra-quan.md:2: error[address-not-kept]: this article is published at "
        "/tin-hoat-dong/ra-quan-dau-xuan/, no longer at /tin-hoat-dong/ra-quan-dau-nam/") in strict.stderr, strict.stderr


def test_a_branch_preview_s_addresses_are_not_told_moved_by_the_next_build_of_main(make_site):
    """The addresses kept for the next version are written by every build, a branch's preview too
    (another folder, --noindex): main's next build, of the same version, must not read them as the
    addresses its readers had ("Moved: … no longer at" the preview's title)."""
    site = make_site(FILES)
    assert cli_here("build", "--site", str(site), "--lang", "en").returncode == 0
    news = site / "content/tin-hoat-dong/ra-quan.md"
    written = news.read_text(encoding="utf-8")
    news.write_text(written.replace("Ra quân đầu năm", "Ra quân đầu xuân"), encoding="utf-8")
    assert cli_here("build", "--site", str(site), "--lang", "en", "--noindex", "--out", str(site / "xem-truoc")).returncode == 0
    news.write_text(written, encoding="utf-8")
    shutil.rmtree(site / "public")  # (as CI's fresh clone: the cache restored, no output)
    main = cli_here("build", "--site", str(site), "--lang", "en")
    assert main.returncode == 0 and "Moved" not in main.stdout, main.stdout


def test_an_old_address_a_new_version_compares_by_fewer_names_is_no_address_moved(make_site, monkeypatch):
    """A version that leaves Joomla's Itemid out of an alias's compared form still answers the old
    address the last build kept with it (the redirect page ignores a name it does not need): the
    first build after the upgrade told every such article moved, and --strict stopped there."""
    from generator import aliases, cache as cache_module, causes

    joomla = '["/index.php?option=com_content&view=article&id=12&Itemid=45"]'
    site = make_site({**FILES, "content/tin-hoat-dong/cu.md": article("Bài cũ", "2019-05-12", aliases=joomla)})
    with monkeypatch.context() as before:  # (the last version compared every name)
        before.setattr(aliases, "_needless", lambda name, names: False)
        assert cli_here("build", "--site", str(site), "--lang", "en").returncode == 0
    for module in (cache_module, causes):
        monkeypatch.setattr(module, "code_stamp", lambda: b"\x03" * 16)
    strict = cli_here("build", "--site", str(site), "--lang", "en", "--strict")
    assert strict.returncode == 0 and "address-not-kept" not in strict.stderr, strict.stderr
