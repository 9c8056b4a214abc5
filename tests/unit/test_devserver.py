"""The preview's state machine, without a browser: build, fail, recover."""
from __future__ import annotations

import io

from bs4 import BeautifulSoup

from generator.devserver import Preview, ServeOptions, inject
from tests.conftest import article, search_bundle


def test_an_unexpected_error_is_loud_but_the_preview_keeps_the_last_good_pages(make_site, monkeypatch):
    site = make_site({"content/tin-hoat-dong/bai.md": article("Bài viết")})
    reported: list[list[str]] = []
    preview = Preview(ServeOptions(site_dir=site, lang="en"), io.StringIO(), reported.append)
    try:
        assert preview.rebuild().ok
        good = preview.state.snapshot()
        def vanished(site, memo=None):  # a bug of ours, or a file gone between two system calls
            raise FileNotFoundError(2, "No such file or directory", "content/tin-hoat-dong/mat.md")
        monkeypatch.setattr("generator.routes.plan_pages", vanished)
        assert not preview.rebuild().ok
        now = preview.state.snapshot()
        assert now.generation == good.generation + 1
        assert [p.code for p in now.problems] == ["internal-error"]
        assert any("Traceback" in line for lines in reported for line in lines)
        page = (now.out_dir / "tin-hoat-dong/bai-viet/index.html").read_bytes()
        overlay = BeautifulSoup(inject(page, now), "html.parser").find(id="portal-loi-dung-trang")
        assert "error[internal-error]: FileNotFoundError" in overlay.get_text(" ")
        monkeypatch.undo()
        assert preview.rebuild().ok and preview.state.snapshot().problems == ()
    finally:
        preview.stop()
    assert not preview.out_root.exists()


def test_a_dangling_symlink_is_an_editor_error_not_a_crash(make_site):
    site = make_site({"content/tin-hoat-dong/bai.md": article("Bài viết")})
    preview = Preview(ServeOptions(site_dir=site, lang="en"), io.StringIO(), lambda lines: None)
    try:
        assert preview.rebuild().ok
        (site / "content/tin-hoat-dong/mat.md").symlink_to(site / "khong-co.md")  # a file gone mid-save
        assert not preview.rebuild().ok
        assert [(str(p.location.path), p.code) for p in preview.state.snapshot().problems] == [
            ("content/tin-hoat-dong/mat.md", "broken-symlink")]
    finally:
        preview.stop()


def test_the_search_index_catches_up_once_the_editor_pauses(make_site, tmp_path):
    import time

    from generator.pipeline import BuildOptions, build

    site = make_site({"content/tin-hoat-dong/a.md": article("Diễn tập phòng cháy", body="Diễn tập ở chợ."),
                      "content/tin-hoat-dong/b.md": article("Hội nghị tổng kết", "2026-01-02", body="Tổng kết năm.")})
    preview = Preview(ServeOptions(site_dir=site, lang="en"), io.StringIO(), lambda lines: None, search_idle=1.0)
    try:
        assert preview.rebuild().ok
        out = preview.state.snapshot().out_dir
        before = search_bundle(out)
        path = site / "content/tin-hoat-dong/b.md"
        for n in range(3):  # saves in quick succession: each reload is served without waiting for search
            path.write_text(article("Hội nghị tổng kết", "2026-01-02", body=f"Tuyên dương tập thể lần {n}."),
                            encoding="utf-8")
            assert preview.rebuild(frozenset({str(path)})).ok
            assert f"lần {n}" in (out / "tin-hoat-dong/hoi-nghi-tong-ket/index.html").read_text(encoding="utf-8")
            assert search_bundle(out) == before
            time.sleep(0.3)
        deadline = time.monotonic() + 30
        while search_bundle(out) == before and time.monotonic() < deadline:
            time.sleep(0.2)
        with preview.build_lock:  # the refresh has finished writing
            refreshed = search_bundle(out)
    finally:
        preview.stop()
    clean = tmp_path / "clean"
    assert build(BuildOptions(site_dir=site, out_dir=clean, use_cache=False, drafts=True)).ok
    assert refreshed == search_bundle(clean)


def test_the_preview_note_shows_a_few_warnings_of_a_kind_and_counts_the_rest(tmp_path):
    """Every preview page carries the note: a portal with `tags:` in a thousand articles must
    not get a thousand lines in every page it shows."""
    from generator.devserver import Snapshot
    from generator.diagnostics import warning
    repeated = tuple(warning(f"content/bai-{i:04d}.md", 6, "unknown-key", "unknown front-matter key 'tags'")
                     for i in range(1000))
    other = warning("content/anh.md", 3, "missing-alt", "photo 'anh.jpg' has no alt text")
    now = Snapshot(tmp_path, "/", 1, repeated + (other,), "vi")
    page = inject(b"<html><body><p>Bai</p></body></html>", now)
    note = BeautifulSoup(page, "html.parser").find(id="portal-canh-bao")
    assert note.summary.get_text() == "⚠ 1.001 cảnh báo"
    items = [li.get_text() for li in note.find_all("li")]
    assert items[:5] == [f"content/bai-{i:04d}.md:6: khóa 'tags' không được hỗ trợ" for i in range(5)], items[:6]
    assert items[5] == "… và 995 cảnh báo [unknown-key] khác (chạy python build.py check để xem hết)"
    assert items[6].startswith("content/anh.md:3: ") and len(items) == 7
    assert len(page) < 4000
