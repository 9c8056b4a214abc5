"""The preview's state machine, without a browser: build, fail, recover."""
from __future__ import annotations

import io
import os

from bs4 import BeautifulSoup

from generator.devserver import Preview, ServeOptions, browser_url, inject
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
    assert (site / ".cache/preview/tin-hoat-dong/bai-viet/index.html").is_file()  # kept for the next session


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
    # Its pages stay in its own folder between sessions: no second copy in its cache. (Its search
    # shards are kept there: a refresh a save stops leaves its finished ones for the next.)
    from generator import kept_pages, search_store
    from generator.cache import BuildCache
    kept = BuildCache(site / ".cache" / "serve").root
    assert not (kept / kept_pages.KIND).exists() and (kept / search_store.KIND).is_dir()


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



def _session(site, built: list | None = None):
    """A preview session as `serve` runs one: its pages, then the search index in the background
    (run here at once). `built` collects each build's options."""
    preview = Preview(ServeOptions(site_dir=site, lang="en"), io.StringIO(), lambda lines: None, search_idle=3600)
    if built is not None:
        import generator.devserver as devserver
        real = devserver.build
        preview_build = lambda options: built.append(options) or real(options)  # noqa: E731
        devserver.build = preview_build
        preview.restore = lambda: setattr(devserver, "build", real)
    first = preview.rebuild(search=False)
    with preview.build_lock:
        preview._refresh_search()
    return preview, first


def test_a_new_session_starts_from_the_pages_the_last_one_kept_and_builds_only_what_changed(make_site, tmp_path,
                                                                                              monkeypatch):
    from generator.pipeline import BuildOptions, build
    from tests.conftest import tree
    files = {f"content/tin-hoat-dong/bai-{n}.md": article(f"Tin số {n}", f"2026-01-{n + 1:02d}",
                                                          body=f"Nội dung tin số {n}.") for n in range(12)}
    site = make_site(files)
    kept = site / ".cache/preview"

    def clean() -> dict:
        out = tmp_path / f"clean-{len(list(tmp_path.iterdir()))}"
        assert build(BuildOptions(site_dir=site, out_dir=out, use_cache=False, drafts=True)).ok
        return tree(out)

    built: list = []
    preview, first = _session(site, built)
    try:
        # The pages come first, from a build as `build` makes it (its states go to disk);
        # the search build after it still stats everything before trusting the folder.
        assert first.ok and first.search is None  # (no index made)
        assert [(o.search, o.memo is None, o.private_output) for o in built] == [(False, True, False),
                                                                                (True, False, False)]
        assert tree(kept) == clean()
        saved = site / "content/tin-hoat-dong/bai-3.md"
        saved.write_text(article("Tin số 3", "2026-01-04", body="Nội dung đã sửa."), encoding="utf-8")
        assert preview.rebuild(frozenset({str(saved)})).ok
        assert built[-1].memo is not None and built[-1].private_output  # checked: trusted from here on
    finally:
        preview.stop()
        preview.restore()

    # Nothing changed meanwhile: no page is rendered again, and the index is kept.
    again, first = _session(site)
    again.stop()
    assert first.rendered == 0 and tree(kept) == clean()

    # Changed while no preview ran: an article deleted, one added; and in a session killed
    # before it could tell the disk, one edited and an article started, both undone since.
    (site / "content/tin-hoat-dong/bai-5.md").unlink()
    (site / "content/tin-hoat-dong/moi.md").write_text(article("Tin mới", "2026-02-01", body="Mới."), encoding="utf-8")
    killed, _ = _session(site)
    original = saved.read_text(encoding="utf-8")
    saved.write_text(article("Tin số 3", "2026-01-04", body="Sửa trong phiên bị tắt."), encoding="utf-8")
    started = site / "content/tin-hoat-dong/dang-viet.md"
    started.write_text(article("Bài đang viết", "2026-02-02", body="Viết dở."), encoding="utf-8")
    assert killed.rebuild(frozenset({str(saved), str(started)})).ok
    assert (kept / "tin-hoat-dong/bai-dang-viet/index.html").is_file()
    with killed.build_lock:  # its index holds them too; killed before it told the disk
        assert build(killed._build_options(search=True)).ok
    killed.search.stop()
    os.close(killed.session_lock)  # killed: no stop(), nothing written to disk
    saved.write_text(original, encoding="utf-8")
    started.unlink()
    monkeypatch.setattr("generator.pipeline.PATCH_LIMIT_SHARE", 1.0)  # the folder patched, not built anew
    last, first = _session(site)
    last.stop()
    assert first.ok and tree(kept) == clean()


def test_a_second_session_of_the_same_site_builds_a_folder_of_its_own(make_site):
    site = make_site({"content/tin-hoat-dong/bai.md": article("Bài viết")})
    one = Preview(ServeOptions(site_dir=site, lang="en"), io.StringIO(), lambda lines: None)
    two = Preview(ServeOptions(site_dir=site, lang="en"), io.StringIO(), lambda lines: None)
    try:
        assert one.rebuild().ok and two.rebuild().ok
        assert one.state.snapshot().out_dir == site / ".cache/preview"
        assert two.out_root is not None and two.state.snapshot().out_dir.is_relative_to(two.out_root)
    finally:
        two.stop()
        one.stop()
    assert not two.out_root.exists() and (site / ".cache/preview/index.html").is_file()


def test_a_save_stops_a_long_search_refresh_and_the_index_catches_up_without_redoing_its_shards(
        make_site, tmp_path, monkeypatch):
    """A session's first index is made in the background (tens of seconds at 10,000 articles);
    a save meanwhile used to wait for all of it. Now the refresh stops at once, the saved page
    comes, and the next refresh takes the shards finished before from the cache (search_store.py)."""
    import time

    from generator import search, search_store
    from generator.cache import BuildCache
    from generator.pipeline import BuildOptions, build
    from tests.conftest import numbered_articles

    monkeypatch.setattr(search, "SINGLE_SHARD_UP_TO", 2)
    monkeypatch.setattr(search, "SHARD_PAGES", 3)  # 10 articles → 4 shards
    site = make_site(numbered_articles(10))
    runs, hung = tmp_path / "runs.txt", tmp_path / "hung"
    runs.write_text("", encoding="utf-8")
    real = search.index_site

    def slow(root, finish=True):  # (in the forked indexer) the shard holding bai-so-7 hangs, once
        names = sorted(p.parent.name for p in root.rglob("index.html"))
        with runs.open("a", encoding="utf-8") as file:
            file.write(" ".join(names) + "\n")
        if "bai-so-7" in names and not hung.exists():
            hung.touch()
            time.sleep(120)
        real(root, finish)
    monkeypatch.setattr(search, "index_site", slow)

    def lines() -> list[str]:
        return runs.read_text(encoding="utf-8").splitlines()

    preview = Preview(ServeOptions(site_dir=site, lang="en"), io.StringIO(), lambda lines: None, search_idle=0.5)
    try:
        assert preview.rebuild(search=False).ok
        out = preview.state.snapshot().out_dir
        preview.search.schedule(after=0)
        shards = len({search.shard_of(f"tin-hoat-dong/bai-so-{n}/index.html", 4) for n in range(10)})
        kept = BuildCache(site / ".cache" / "serve").root / search_store.KIND

        def finished() -> int:
            return sum(1 for p in kept.rglob("*") if p.is_file() and not p.name.startswith("."))
        deadline = time.monotonic() + 60
        while (len(lines()) < shards or finished() < shards - 1) and time.monotonic() < deadline:
            time.sleep(0.05)  # every shard started, all but the hung one finished and kept
        before = lines()
        assert hung.exists() and len(before) == shards
        saved = site / "content/tin-hoat-dong/bai-2.md"
        saved.write_text(saved.read_text(encoding="utf-8") + "\nĐính chính trong lúc lập chỉ mục.\n", encoding="utf-8")
        started = time.monotonic()
        assert preview.rebuild(frozenset({str(saved)})).ok
        assert time.monotonic() - started < 30  # not the indexer's 120 s
        assert "Đính chính trong lúc" in (out / "tin-hoat-dong/bai-so-2/index.html").read_text(encoding="utf-8")
        deadline = time.monotonic() + 60
        while not search_bundle(out) and time.monotonic() < deadline:
            time.sleep(0.2)
        with preview.build_lock:  # the refresh has finished writing
            refreshed = search_bundle(out)
    finally:
        preview.stop()
    # Pagefind ran again over the hung shard and the saved article's alone.
    again = lines()[len(before):]
    hung_line = next(line for line in before if "bai-so-7" in line.split())
    assert again and all(line == hung_line or "bai-so-2" in line.split() for line in again), again
    clean = tmp_path / "clean"
    assert build(BuildOptions(site_dir=site, out_dir=clean, use_cache=False, drafts=True)).ok
    assert refreshed == search_bundle(clean)


def test_stopping_the_preview_stops_a_search_refresh_at_once(make_site, tmp_path, monkeypatch):
    """Ctrl+C while the first index is made in the background used to wait for all of it."""
    import time

    from generator import search

    site = make_site({"content/tin-hoat-dong/a.md": article("Diễn tập phòng cháy", body="Diễn tập ở chợ.")})
    hung = tmp_path / "hung"

    def hang(root, finish=True):  # (in the forked indexer)
        hung.touch()
        time.sleep(120)
    monkeypatch.setattr(search, "index_site", hang)
    preview = Preview(ServeOptions(site_dir=site, lang="en"), io.StringIO(), lambda lines: None)
    try:
        assert preview.rebuild(search=False).ok
        preview.search.schedule(after=0)
        deadline = time.monotonic() + 60
        while not hung.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert hung.exists()
    finally:
        started = time.monotonic()
        preview.stop()
    assert time.monotonic() - started < 20


def test_serve_started_again_at_once_gets_its_port_while_the_last_one_still_stops(make_site):
    """Ctrl+C while a search refresh ran (seconds on a large portal): the port was let go last,
    after the refresh had stopped and the states were written, and a serve started again at once
    said 'không mở được cổng … (hãy thử --port khác)'."""
    import threading

    from generator.devserver import PreviewState, make_server

    site = make_site({"content/tin-hoat-dong/a.md": article("Diễn tập phòng cháy", body="Diễn tập ở chợ.")})
    preview = Preview(ServeOptions(site_dir=site, lang="en", port=0), io.StringIO(), lambda lines: None,
                      search_idle=3600)
    preview.start()
    port = preview.server.server_address[1]
    preview.build_lock.acquire()  # a search refresh is running
    stopping = threading.Thread(target=preview.stop)
    stopping.start()
    try:
        stopping.join(0.3)
        assert stopping.is_alive()  # (still stopping the refresh)
        again = make_server("127.0.0.1", port, PreviewState(site, "en"))  # as serve binds it
        again.server_close()
        # … and it takes the pages the last one kept, once it has stopped: it is no second preview
        # building the whole portal into a folder of its own.
        started: list[Preview] = []
        said = io.StringIO()
        starting = threading.Thread(target=lambda: started.append(
            Preview(ServeOptions(site_dir=site), said, lambda lines: None, search_idle=3600)))
        starting.start()
        starting.join(0.3)
        # (and says so: the terminal showed nothing while it waited, seconds on a large portal)
        assert [line.split(" ", 1)[1] for line in said.getvalue().splitlines()] == [
            "Phiên xem trước vừa dừng đang lưu lại các trang của nó: đang chờ (vài giây nếu có nhiều bài viết) …"]
    finally:
        preview.build_lock.release()
        stopping.join()
    starting.join()
    try:
        assert started[0].out_root is None
    finally:
        started[0].stop()


def test_photos_prepared_before_the_first_page_are_said(make_site):
    """The demo's photos take ~5 s before serve's first page (tens of seconds on a busy machine),
    and the terminal showed nothing meanwhile: the editor could not tell it was working."""
    from tests.photos import phone_jpeg
    site = make_site({"content/tin-hoat-dong/bai/index.md": article("Bài có ảnh", body="![Hiện trường](anh.jpg)\n"),
                      "content/tin-hoat-dong/bai/anh.jpg": phone_jpeg(200, 150)})
    said = io.StringIO()
    preview = Preview(ServeOptions(site_dir=site), said, lambda lines: None, search_idle=3600)
    try:
        assert preview.rebuild(search=False).ok
        assert said.getvalue().split(" ", 1)[1] == "Đang chuẩn bị 1 ảnh cho bản xem trước (lần đầu có thể mất một lúc) …\n"
        assert preview.rebuild(search=False).ok  # (prepared once: not said again)
        assert said.getvalue().count("ảnh") == 1
    finally:
        preview.stop()


def test_open_sends_the_browser_to_this_computer_when_serve_listens_on_every_address():
    assert browser_url("http://0.0.0.0:8000/") == "http://127.0.0.1:8000/"
    assert browser_url("http://[::]:8000/cong/") == "http://127.0.0.1:8000/cong/"
    assert browser_url("http://127.0.0.1:8000/") == "http://127.0.0.1:8000/"
    assert browser_url("http://192.168.1.20:8000/") == "http://192.168.1.20:8000/"


def test_a_move_the_search_refresh_read_first_is_still_told(make_site):
    """The search refresh that follows serve's first build reads the files again: a retitle saved
    just then was built by it, and the rebuild for that save found no move left to tell (it
    compared with the last build, the refresh's). A race named in the note of 7 Dec 2026."""
    site = make_site({"content/tin-hoat-dong/bai.md": article("Diễn tập phòng cháy", body="Diễn tập ở chợ.")})
    said = io.StringIO()
    preview = Preview(ServeOptions(site_dir=site, lang="en"), said, lambda lines: None, search_idle=3600)
    saved = site / "content/tin-hoat-dong/bai.md"
    try:
        assert preview.rebuild(search=False).ok  # (as serve starts)
        saved.write_text(article("Diễn tập chữa cháy", body="Diễn tập ở chợ."), encoding="utf-8")
        preview._refresh_search()  # the refresh reads the save before its rebuild does
        assert preview.rebuild(frozenset({str(saved)})).ok
        notices = preview.state.snapshot().notices
    finally:
        preview.stop()
    assert ("Moved: content/tin-hoat-dong/bai.md is now at /tin-hoat-dong/dien-tap-chua-chay/, no longer at "
            "/tin-hoat-dong/dien-tap-phong-chay/") in said.getvalue()
    assert [n.split(":")[0] for n in notices] == ["Moved"]


def test_an_article_written_in_this_session_is_no_move_when_retitled(make_site):
    """An editor writes a new article (or publishes a draft) while the preview runs and polishes its
    title: each save was told "Moved … keep it with aliases: [the address before]", an address that
    existed only in the preview, and the alias advised would publish it for good. An article that
    was published when the session began is still told."""
    site = make_site({"content/tin-hoat-dong/cu.md": article("Diễn tập phòng cháy", body="Diễn tập ở chợ."),
                      "content/tin-hoat-dong/nhap.md": article("Bản nháp đầu", body="Nháp.", draft="true")})
    said = io.StringIO()
    preview = Preview(ServeOptions(site_dir=site, lang="en"), said, lambda lines: None, search_idle=3600)
    new, draft, old = (site / f"content/tin-hoat-dong/{name}.md" for name in ("moi", "nhap", "cu"))
    try:
        assert preview.rebuild(search=False).ok  # (as serve starts)
        for saved, text in ((new, article("Tuần tra đêm", body="Tuần tra.")),
                            (new, article("Tuần tra ban đêm", body="Tuần tra.")),
                            (draft, article("Bản nháp đầu", body="Nháp.")),  # (published: draft: true taken out)
                            (draft, article("Thông báo tiếp dân", body="Nháp.")),
                            (old, article("Diễn tập chữa cháy", body="Diễn tập ở chợ."))):
            saved.write_text(text, encoding="utf-8")
            assert preview.rebuild(frozenset({str(saved)})).ok
        notices = preview.state.snapshot().notices
    finally:
        preview.stop()
    moved = [line.split(" ", 1)[1] for line in said.getvalue().splitlines() if "Moved" in line]
    assert [line.split(",")[0] for line in moved] == [
        "Moved: content/tin-hoat-dong/cu.md is now at /tin-hoat-dong/dien-tap-chua-chay/"], moved
    assert [n.split(" is now")[0] for n in notices] == ["Moved: content/tin-hoat-dong/cu.md"]


def test_a_move_kept_by_the_alias_advised_leaves_the_page_s_note(make_site):
    """The note in the page's corner keeps a move "until it is undone": an editor who wrote the
    `aliases:` it advised (the old address leads to the article again) still read "Moved … links
    and shares to the old address will break" on every page, as if the fix had not been taken."""
    site = make_site({"content/tin-hoat-dong/bai.md": article("Diễn tập phòng cháy", body="Diễn tập ở chợ.")})
    preview = Preview(ServeOptions(site_dir=site, lang="en"), io.StringIO(), lambda lines: None, search_idle=3600)
    saved = site / "content/tin-hoat-dong/bai.md"
    try:
        assert preview.rebuild(search=False).ok  # (as serve starts)
        saved.write_text(article("Diễn tập chữa cháy", body="Diễn tập ở chợ."), encoding="utf-8")
        assert preview.rebuild(frozenset({str(saved)})).ok
        assert [n.split(":")[0] for n in preview.state.snapshot().notices] == ["Moved"]
        saved.write_text(article("Diễn tập chữa cháy", body="Diễn tập ở chợ.",
                                 aliases="[/tin-hoat-dong/dien-tap-phong-chay/]"), encoding="utf-8")
        assert preview.rebuild(frozenset({str(saved)})).ok
        assert preview.state.snapshot().notices == ()
        saved.write_text(article("Diễn tập chữa cháy", body="Diễn tập ở chợ."), encoding="utf-8")
        assert preview.rebuild(frozenset({str(saved)})).ok  # (the alias taken out again: told again)
        assert [n.split(" is now")[0] for n in preview.state.snapshot().notices] == [
            "Moved: content/tin-hoat-dong/bai.md"]
    finally:
        preview.stop()


def test_a_published_article_s_link_to_a_draft_is_a_warning_in_the_preview(make_site):
    """The preview shows drafts, so a published article's link to one worked there without a word,
    and the build after it stopped at it (broken-link): told now at the link's line, in Markdown or
    pasted HTML; a draft's own link to a draft is published with it, and no warning."""
    from generator import messages
    site = make_site({"content/tin-hoat-dong/nhap/index.md": article("Bài nháp", draft="true"),
                      "content/tin-hoat-dong/khac.md": article("Khác"),
                      "content/tin-hoat-dong/nhap-2.md": article("Nháp hai", draft="true", body="Xem [nháp](nhap/index.md)."),
                      "content/tin-hoat-dong/dang.md": article(
                          "Đăng", body="Xem [bài khác](khac.md).\n\nVà [bản nháp](nhap/index.md#muc-a).\n\n"
                                       '<p><a href="nhap/index.md">nháp</a></p>\n')})
    preview = Preview(ServeOptions(site_dir=site, lang="en"), io.StringIO(), lambda lines: None, search_idle=3600)
    try:
        result = preview.rebuild(search=False)
    finally:
        preview.stop()
    assert result.ok
    told = [p for p in result.problems if p.code == "link-to-draft"]
    assert [str(p) for p in told] == [
        "content/tin-hoat-dong/dang.md:10: warning[link-to-draft]: the link 'nhap/index.md#muc-a' points to a draft, "
        "shown here as drafts are: a build without them stops at it (broken-link) until that article is published",
        "content/tin-hoat-dong/dang.md:12: warning[link-to-draft]: the link 'nhap/index.md' points to a draft, "
        "shown here as drafts are: a build without them stops at it (broken-link) until that article is published"]
    from generator.diagnostics import as_errors
    assert as_errors(told) == tuple(told)  # (a staging copy built with drafts and --strict: it works there)
    assert messages.describe(told[1], "vi").endswith(
        "liên kết 'nhap/index.md' trỏ tới một bản nháp, ở đây hiện được vì bản xem trước hiện cả bản nháp: bản dựng "
        "thật (không có bản nháp) sẽ dừng lại ở liên kết này (broken-link) cho tới khi bài đó được đăng")


def test_a_published_article_s_link_to_a_scheduled_one_is_a_warning_in_the_preview_with_future(make_site):
    """`serve --future` shows scheduled articles, so a published article's link to one worked there
    without a word, and the build after it stopped at it (broken-link) until that article's date."""
    from generator import messages
    site = make_site({"content/tin-hoat-dong/sau.md": article("Bài hẹn giờ", date="2099-01-02T07:15:00"),
                      "content/tin-hoat-dong/dang.md": article("Đăng", body="Xem [bài sau](sau.md).\n"),
                      "content/tin-hoat-dong/sau-nua.md": article("Hẹn giờ nữa", date="2099-02-02T07:15:00",
                                                                 body="Xem [bài sau](sau.md).\n")})
    preview = Preview(ServeOptions(site_dir=site, lang="en", future=True), io.StringIO(), lambda lines: None,
                      search_idle=3600)
    try:
        result = preview.rebuild(search=False)
    finally:
        preview.stop()
    assert result.ok
    told = [p for p in result.problems if p.code.startswith("link-to")]
    assert [str(p) for p in told] == [  # (a scheduled article's own link to another is published with it)
        "content/tin-hoat-dong/dang.md:8: warning[link-to-scheduled]: the link 'sau.md' points to an article "
        "scheduled for later, shown here with --future: a build without it stops at it (broken-link) until that "
        "article's date"]
    from generator.diagnostics import as_errors
    assert as_errors(told) == tuple(told)
    assert messages.describe(told[0], "vi").endswith(
        "liên kết 'sau.md' trỏ tới một bài hẹn giờ đăng sau, ở đây hiện được vì có --future: bản dựng thật sẽ dừng "
        "lại ở liên kết này (broken-link) cho tới giờ đăng của bài đó")
    without = Preview(ServeOptions(site_dir=site, lang="en"), io.StringIO(), lambda lines: None, search_idle=3600)
    try:
        assert [p.code for p in without.rebuild(search=False).problems] == ["broken-link"]
    finally:
        without.stop()


def test_a_preview_started_on_a_broken_site_says_it_has_no_page_yet(make_site):
    """serve started on a date mistyped, no page kept from a session before: the terminal said it
    was "still serving the last good pages" (vẫn hiển thị bản tốt gần nhất), of which there were none;
    once pages were made, a failed rebuild says so again."""
    site = make_site({"content/tin-hoat-dong/bai.md": article("Bài viết", date="31/11/2026")})
    said = io.StringIO()
    preview = Preview(ServeOptions(site_dir=site), said, lambda lines: None, search_idle=3600)
    saved = site / "content/tin-hoat-dong/bai.md"
    try:
        assert not preview.rebuild(search=False).ok  # (as serve starts)
        assert not preview.rebuild(frozenset({str(saved)})).ok  # (saved again, the same mistake in it)
        saved.write_text(article("Bài viết", date="30/11/2026"), encoding="utf-8")
        assert preview.rebuild(frozenset({str(saved)})).ok
        saved.write_text(article("Bài viết", date="31/11/2026 9h"), encoding="utf-8")
        assert not preview.rebuild(frozenset({str(saved)})).ok
    finally:
        preview.stop()
    told = [line.split(" ", 1)[1] for line in said.getvalue().splitlines() if "không thành công" in line]
    assert told == ["Dựng trang không thành công: 1 lỗi; chưa có trang nào để hiển thị: hãy sửa rồi lưu lại.",
                    "Dựng trang vẫn không thành công: vẫn 1 lỗi như trên; chưa có trang nào để hiển thị.",
                    "Dựng lại không thành công: 1 lỗi; vẫn hiển thị bản tốt gần nhất."]


def test_an_editor_who_never_pauses_does_not_keep_every_build_s_garbage(make_site):
    """Each rebuild freezes what is alive (gc.freeze), the last build's garbage too, until the
    editor pauses and the search refresh collects it. Autosave while typing never pauses, nor on a
    large portal does a save that stops each refresh: serve grew ~7 MB a save at 10,000 articles
    (64 → 283 MB over 300 saves of the demo). It is collected every few saves now."""
    import gc
    site = make_site({"content/tin-hoat-dong/bai.md": article("Diễn tập phòng cháy", body="Diễn tập ở chợ.")})
    saved = site / "content/tin-hoat-dong/bai.md"
    preview = Preview(ServeOptions(site_dir=site, lang="en"), io.StringIO(), lambda lines: None, search_idle=3600)
    frozen = []
    try:
        assert preview.rebuild(search=False).ok
        for i in range(30):
            saved.write_text(article("Diễn tập phòng cháy", body=f"Diễn tập ở chợ, lần {i}."), encoding="utf-8")
            assert preview.rebuild(frozenset({str(saved)})).ok
            frozen.append(gc.get_freeze_count())
    finally:
        preview.stop()
        gc.unfreeze()
    assert max(frozen[20:]) - max(frozen[:10]) < 5000, frozen


def test_an_article_saved_again_while_the_preview_builds_is_no_error_shown(make_site, monkeypatch):
    """Autosave on a portal whose rebuild outlasts its delay: the file is saved again between the
    build's two reads of it. That build stops (changed-during-build); the watcher's next rebuild
    reads the new file. The overlay and the terminal told the editor to "build again" meanwhile."""
    from generator import images
    site = make_site({"content/tin-hoat-dong/bai.md": article("Diễn tập phòng cháy", body="Bản đầu.")})
    saved = site / "content/tin-hoat-dong/bai.md"
    reported = []
    preview = Preview(ServeOptions(site_dir=site, lang="en"), io.StringIO(), reported.append, search_idle=3600)
    plan_images = images.plan_images
    once = []

    def saved_meanwhile(*args, **kwargs):  # after the content stage read the file
        if not once:
            once.append(saved.write_text(article("Diễn tập phòng cháy", body="Bản sau."), encoding="utf-8"))
        return plan_images(*args, **kwargs)
    try:
        assert preview.rebuild(search=False).ok
        shown = preview.state.snapshot().generation
        monkeypatch.setattr(images, "plan_images", saved_meanwhile)
        saved.write_text(article("Diễn tập phòng cháy", body="Bản giữa."), encoding="utf-8")
        assert [p.code for p in preview.rebuild(frozenset({str(saved)})).problems] == ["changed-during-build"]
        assert preview.state.snapshot().generation == shown and not preview.state.snapshot().problems
        assert reported == []
        assert preview.rebuild(frozenset({str(saved)})).ok  # (the watcher's, for the save meanwhile)
        page = preview.state.snapshot().out_dir / "tin-hoat-dong/dien-tap-phong-chay/index.html"
        assert "Bản sau." in page.read_text(encoding="utf-8")
    finally:
        preview.stop()


def test_a_photo_still_being_copied_in_is_no_error_shown(make_site, monkeypatch):
    """A photo copied into the bundle slowly (from a phone, a shared folder): the build reads it
    half-written. The overlay and the terminal said "truncated-image … upload it again" at each
    piece, while the copy was still on its way."""
    import threading

    import generator.devserver as devserver
    from tests.photos import phone_jpeg
    site = make_site({"content/tin-hoat-dong/bai/index.md": article("Diễn tập", body="![Lễ ra quân](anh.jpg)"),
                      "content/tin-hoat-dong/bai/anh.jpg": phone_jpeg(320, 240)})
    photo = site / "content/tin-hoat-dong/bai/anh.jpg"
    data = phone_jpeg(640, 480)
    reported = []
    preview = Preview(ServeOptions(site_dir=site, lang="en"), io.StringIO(), reported.append, search_idle=3600)
    try:
        assert preview.rebuild(search=False).ok
        shown = preview.state.snapshot().generation
        photo.write_bytes(data[: len(data) // 2])
        rest = threading.Timer(0.15, lambda: photo.open("ab").write(data[len(data) // 2:]))
        real = devserver.build

        def then_the_rest_of_the_copy(options):  # (the copy goes on after the build read half of it)
            result = real(options)
            rest.start()
            return result
        monkeypatch.setattr(devserver, "build", then_the_rest_of_the_copy)
        assert [p.code for p in preview.rebuild(frozenset({str(photo)})).problems if p.is_error] == ["truncated-image"]
        rest.join()
        monkeypatch.undo()
        assert preview.state.snapshot().generation == shown and reported == []
        assert preview.rebuild(frozenset({str(photo)})).ok  # (the watcher's, for the rest of the copy)
    finally:
        preview.stop()


def test_the_files_of_a_rebuild_that_showed_nothing_are_named_with_the_next(make_site, monkeypatch):
    """A rebuild that shows nothing (a file saved again while it read it) leaves the files of its save
    to the next one: the terminal's "Rebuilt" line named only those of the next save (of 12 articles
    copied in, the last few)."""
    from generator import images
    site = make_site({"content/tin-hoat-dong/bai.md": article("Diễn tập phòng cháy", body="Bản đầu."),
                      "content/tin-hoat-dong/khac.md": article("Tuần tra", body="Tuần tra đêm.")})
    saved, other = site / "content/tin-hoat-dong/bai.md", site / "content/tin-hoat-dong/khac.md"
    said = io.StringIO()
    preview = Preview(ServeOptions(site_dir=site, lang="en"), said, lambda lines: None, search_idle=3600)
    plan_images = images.plan_images
    once = []

    def saved_meanwhile(*args, **kwargs):
        if not once:
            once.append(saved.write_text(article("Diễn tập phòng cháy", body="Bản sau."), encoding="utf-8"))
        return plan_images(*args, **kwargs)
    try:
        assert preview.rebuild(search=False).ok
        monkeypatch.setattr(images, "plan_images", saved_meanwhile)
        saved.write_text(article("Diễn tập phòng cháy", body="Bản giữa."), encoding="utf-8")
        assert not preview.rebuild(frozenset({str(saved)})).ok
        other.write_text(article("Tuần tra", body="Tuần tra đêm nay."), encoding="utf-8")
        assert preview.rebuild(frozenset({str(other)})).ok
    finally:
        preview.stop()
    [line] = [line for line in said.getvalue().splitlines() if "Rebuilt" in line]
    assert line.endswith("(content/tin-hoat-dong/bai.md, content/tin-hoat-dong/khac.md)"), line
