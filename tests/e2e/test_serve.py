"""`serve`: edit, see it; break it, see why; fix it, see it recover."""
from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import REPO, article, free_port, text_of

ARTICLE = "content/tin-hoat-dong/ra-quan/index.md"
URL = "/tin-hoat-dong/ra-quan-bao-dam-trat-tu-giao-thong/"
FILES = {
    ARTICLE: article("Ra quân bảo đảm trật tự giao thông", body="Sáng nay lực lượng ra quân.\n"),
    "content/tin-hoat-dong/nhap.md": article("Bài đang viết dở", "2026-01-20", draft="true"),
}


class Preview:
    """A `serve` subprocess, its port, and an open live-reload stream."""

    def __init__(self, site: Path, *options: str, launcher: Path = REPO / "build.py", env: dict | None = None):
        self.port = free_port()
        self.followed = ""
        self.process = subprocess.Popen(
            [sys.executable, str(launcher), "serve", "--site", str(site), "--port", str(self.port), *options],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})
        deadline = time.monotonic() + 15
        while True:
            try:
                self.get("/")
                break
            except OSError:
                assert self.process.poll() is None, self.process.communicate()
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.05)
        self.stream = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        self.stream.request("GET", "/__livereload")
        self.events = self.stream.getresponse()
        assert self.events.getheader("Content-Type").startswith("text/event-stream")

    def get(self, path: str) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8")
        finally:
            connection.close()

    def page(self, path: str) -> BeautifulSoup:
        status, body = self.get(path)
        assert status == 200, status
        return BeautifulSoup(body, "html.parser")

    def next_reload(self, seconds: float = 10) -> int:
        """Wait for the server to announce a build; return its generation (the page it sends
        open tabs to, after an article's save, is kept in `followed`)."""
        event = {}
        deadline = time.monotonic() + seconds
        while True:
            assert time.monotonic() < deadline, "no reload event"
            line = self.events.fp.readline().decode("utf-8").rstrip("\n")
            if not line:
                if event.get("event") == "reload":
                    generation, _, self.followed = event["data"].partition(" ")
                    return int(generation)
                event = {}
            elif not line.startswith(":"):
                key, _, value = line.partition(": ")
                event[key] = value

    def stop(self) -> str:
        """What serve printed: its terminal's lines (standard output, then standard error)."""
        self.stream.close()
        self.process.terminate()
        try:
            out, err = self.process.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, err = self.process.communicate()
        return out + err


@pytest.fixture
def preview(make_site):
    started = []

    def start(files=FILES, *options: str) -> tuple[Preview, Path]:
        site = make_site(files)
        started.append(Preview(site, *options))
        return started[-1], site
    yield start
    for running in started:
        running.stop()


@pytest.mark.timed
def test_saving_an_article_reloads_the_open_page_with_the_change(preview):
    server, site = preview()
    first = server.next_reload()  # the stream names the current build on connect
    assert "Sáng nay lực lượng ra quân." in text_of(server.page(URL).find("div", class_="body"))
    started = time.monotonic()
    (site / ARTICLE).write_text(FILES[ARTICLE].replace("Sáng nay", "Chiều nay"), encoding="utf-8")
    assert server.next_reload() == first + 1
    seconds = time.monotonic() - started
    assert "Chiều nay lực lượng ra quân." in text_of(server.page(URL).find("div", class_="body"))
    assert seconds < 2.0, seconds


def test_a_saved_article_s_page_is_where_open_tabs_go(preview):
    """An editor keeps the home page open and writes an article: each save shows that article,
    as Hugo's --navigateToChanged does. A save of anything else reloads each tab where it is,
    and --stay keeps every tab where it is."""
    server, site = preview()
    server.next_reload()
    assert server.followed == ""  # on connect: no save yet
    (site / ARTICLE).write_text(FILES[ARTICLE].replace("Sáng nay", "Chiều nay"), encoding="utf-8")
    server.next_reload()
    assert server.followed == URL
    (site / "content/trang").mkdir()  # a page of its own (Giới thiệu, Liên hệ) too
    (site / "content/trang/lien-he.md").write_text("---\ntitle: Liên hệ\n---\n\nGọi 113.\n", encoding="utf-8")
    for _ in range(3):  # (the new folder may be a build of its own first)
        server.next_reload()
        if server.followed:
            break
    assert server.followed == "/lien-he/"
    (site / "assets/css").mkdir(parents=True, exist_ok=True)
    (site / "assets/css/style.css").write_text("body { color: black; }\n", encoding="utf-8")
    server.next_reload()
    assert server.followed == ""
    staying, site = preview(FILES, "--stay")
    staying.next_reload()
    (site / ARTICLE).write_text(FILES[ARTICLE].replace("Sáng nay", "Tối nay"), encoding="utf-8")
    staying.next_reload()
    assert staying.followed == ""


def test_the_reload_script_is_only_in_served_pages_never_in_built_files(preview, build_site):
    server, site = preview()
    scripts = [s.string or "" for s in server.page(URL).find_all("script")]
    assert any("/__livereload" in s for s in scripts)
    built = build_site(site)
    for page in built.out.rglob("*.html"):
        assert "__livereload" not in page.read_text(encoding="utf-8"), page
    status, css = server.get("/assets/css/style.css")
    assert status == 200 and "__livereload" not in css


def test_drafts_are_shown_with_the_banner(preview):
    server, _ = preview()
    page = server.page("/tin-hoat-dong/bai-dang-viet-do/")
    assert text_of(page.find(class_="draft-banner")) == "Bản nháp"
    assert "Bài đang viết dở" in text_of(server.page("/tin-hoat-dong/"))


def test_a_broken_save_shows_the_overlay_over_the_last_good_pages_and_recovers(preview):
    server, site = preview()
    first = server.next_reload()
    (site / ARTICLE).write_text(FILES[ARTICLE].replace("date: 2026-01-21T09:30:00", "date: hôm qua")
                                .replace("Sáng nay", "Bản hỏng"), encoding="utf-8")
    assert server.next_reload() == first + 1
    page = server.page(URL)
    overlay = page.find(id="portal-loi-dung-trang")
    assert overlay is not None and overlay["role"] == "alert"
    assert [text_of(li) for li in overlay.find_all("li")] == [
        f"{ARTICLE}:3 : error[bad-date]: 'hôm qua' không phải ngày tháng; hãy viết 2026-01-21, "
        "2026-01-21T09:30:00 hoặc 21/01/2026 09:30"]
    assert "Sáng nay lực lượng ra quân." in text_of(page.find("div", class_="body"))  # the last good page
    assert server.page("/").find(id="portal-loi-dung-trang") is not None  # every open tab sees it

    (site / ARTICLE).write_text(FILES[ARTICLE].replace("Sáng nay", "Đã sửa"), encoding="utf-8")
    assert server.next_reload() == first + 2
    page = server.page(URL)
    assert page.find(id="portal-loi-dung-trang") is None
    assert "Đã sửa lực lượng ra quân." in text_of(page.find("div", class_="body"))
    assert server.process.poll() is None


def test_a_broken_layout_shows_in_the_overlay_and_the_fix_recovers(preview):
    server, site = preview()
    first = server.next_reload()
    layout = site / "layouts/article.html"
    layout.parent.mkdir()
    layout.write_text('{% extends "base.html" %}\n{% block main %}\n<h1 class="rieng">{{ page.article.title }</h1>\n'
                      '{% endblock %}\n', encoding="utf-8")
    assert server.next_reload() >= first + 1
    overlay = server.page(URL).find(id="portal-loi-dung-trang")
    assert text_of(overlay.find("li")).startswith("layouts/article.html:3 : error[layout-error]: tệp giao diện")
    layout.write_text(layout.read_text(encoding="utf-8").replace("title }", "title }}"), encoding="utf-8")
    deadline = time.monotonic() + 10
    while server.page(URL).find(id="portal-loi-dung-trang") is not None:  # the new folder may add a rebuild
        assert time.monotonic() < deadline
        server.next_reload()
    assert text_of(server.page(URL).find("h1", class_="rieng")) == "Ra quân bảo đảm trật tự giao thông"


def test_a_site_broken_from_the_start_still_serves_the_overlay(preview):
    server, site = preview({**FILES, "site.toml": 'title = "x"\nbase_url = 5\n'})
    status, body = server.get("/")
    assert status == 404
    overlay = BeautifulSoup(body, "html.parser").find(id="portal-loi-dung-trang")
    assert "site.toml:2 : error[wrong-type]" in text_of(overlay)
    # No page was ever built: it said "you are seeing the last good version of the page" over nothing,
    # and the terminal "still serving the last good pages".
    assert [text_of(overlay.find("h2")), text_of(overlay.find("p"))] == [
        "Chưa dựng được trang",
        "Chưa có trang nào để xem. Hãy sửa các lỗi dưới đây rồi lưu lại: trang sẽ tự tải lại."]
    first = server.next_reload()
    from tests.conftest import SITE_TOML
    (site / "site.toml").write_text(SITE_TOML, encoding="utf-8")
    assert server.next_reload() == first + 1
    assert text_of(server.page(URL).find("h1")) == "Ra quân bảo đảm trật tự giao thông"


def test_a_layout_broken_when_the_search_index_is_refreshed_is_no_traceback(preview):
    """The search index is made in the background after the first build, and 2 s after a good
    save: a layout broken then (serve started on it, or a typo saved right after a good save)
    printed a traceback of Jinja's in the designer's terminal, under the error already told."""
    good = '{% extends "base.html" %}\n{% block main %}\n<h1>{{ page.article.title }}</h1>\n{% endblock %}\n'
    server, site = preview({**FILES, "layouts/article.html": good.replace("title }}", "title }")})
    overlay = BeautifulSoup(server.get(URL)[1], "html.parser").find(id="portal-loi-dung-trang")
    assert text_of(overlay.find("li")).startswith("layouts/article.html:3 : error[layout-error]")
    time.sleep(1)  # (the refresh after the first build)
    (site / "layouts/article.html").write_text(good, encoding="utf-8")
    deadline = time.monotonic() + 10
    while server.get(URL)[0] != 200:  # (the first good build)
        assert time.monotonic() < deadline
        server.next_reload()
    assert text_of(server.page(URL).find("h1")) == "Ra quân bảo đảm trật tự giao thông"
    (site / "layouts/article.html").write_text(good.replace("}}</h1>", "</h1>"), encoding="utf-8")
    server.next_reload()
    time.sleep(4)  # (the refresh the good save scheduled, 2 s after it)
    said = server.stop()
    assert "Traceback" not in said and "jinja2.exceptions" not in said, said
    assert said.count("layouts/article.html:3: error[layout-error]") == 2, said


def test_missing_pages_get_the_portal_404_and_paths_cannot_escape(preview):
    server, _ = preview()
    status, body = server.get("/khong-co-trang-nay/")
    assert status == 404 and "__livereload" in body
    assert server.get("/../../etc/passwd")[0] == 404
    assert server.get("/tin-hoat-dong")[0] == 301
    # The folder's slash keeps the query, as nginx's does: an old address's page reads it.
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        connection.request("GET", "/tin-hoat-dong?ItemID=12&q=%C4%91#muc")
        response = connection.getresponse()
    finally:
        connection.close()
    assert (response.status, response.getheader("Location")) == (301, "/tin-hoat-dong/?ItemID=12&q=%C4%91")


def test_a_request_naming_another_site_as_host_is_refused(preview):
    """DNS rebinding: a page on evil.example points its name at 127.0.0.1 and asks for the
    preview's pages (drafts included) as evil.example."""
    server, _ = preview(FILES, "--lang", "en")
    for host, status in (("evil.example:%d", 403), ("localhost:%d", 200), ("127.0.0.1:%d", 200)):
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        try:
            connection.request("GET", "/", headers={"Host": host % server.port})
            response = connection.getresponse()
            body = response.read().decode("utf-8")
        finally:
            connection.close()
        assert response.status == status, (host, body)
        if status == 403:
            assert "localhost" in body and "<html" not in body.lower()


def test_a_portal_under_a_sub_path_is_served_where_its_links_point(preview):
    from tests.conftest import SITE_TOML
    server, _ = preview({**FILES, "site.toml": SITE_TOML.replace("https://congan.example.vn/",
                                                                 "https://congan.example.vn/cong-thong-tin/")})
    assert server.get("/")[0] == 301
    home = server.page("/cong-thong-tin/")
    link = home.find("a", string="Ra quân bảo đảm trật tự giao thông")["href"]
    assert link == "/cong-thong-tin" + URL
    assert text_of(server.page(link).find("h1")) == "Ra quân bảo đảm trật tự giao thông"
    assert server.get("/cong-thong-tin/assets/css/style.css")[0] == 200


def test_a_retitled_article_that_moves_is_named_in_the_terminal(preview):
    """The preview says, as `build` does, when a saved title moves a published article to a
    new address, and how to keep the old one."""
    server, site = preview()
    first = server.next_reload()
    (site / ARTICLE).write_text(FILES[ARTICLE].replace("Ra quân bảo đảm", "Ra quân đảm bảo"), encoding="utf-8")
    assert server.next_reload() == first + 1
    page = server.page("/tin-hoat-dong/ra-quan-dam-bao-trat-tu-giao-thong/")
    assert page.find("h1") is not None
    note = page.find(id="portal-canh-bao")  # in the page as well, for an editor who never looks at the terminal
    assert text_of(note.find("li")).startswith(f"Đổi địa chỉ: {ARTICLE} nay ở /tin-hoat-dong/ra-quan-dam-bao")
    said = server.stop()
    assert (f"Đổi địa chỉ: {ARTICLE} nay ở /tin-hoat-dong/ra-quan-dam-bao-trat-tu-giao-thong/, không còn ở "
            f"{URL}: liên kết") in said, said
    assert f"giữ lại bằng aliases: [{URL}]" in said


def test_a_retitled_draft_is_no_move_to_keep(preview):
    """A draft (what `new` writes) has had no reader: typing its title moves it from one address
    only the preview showed to another, and no alias is needed. The terminal and the page's note
    told a move on every save of the title, with the aliases to keep the address it had."""
    server, site = preview()
    first = server.next_reload()
    draft = site / "content/tin-hoat-dong/nhap.md"
    draft.write_text(FILES["content/tin-hoat-dong/nhap.md"].replace("Bài đang viết dở", "Bài đang viết xong"),
                     encoding="utf-8")
    assert server.next_reload() == first + 1
    page = server.page("/tin-hoat-dong/bai-dang-viet-xong/")
    assert text_of(page.find("h1")) == "Bài đang viết xong"
    assert page.find(id="portal-canh-bao") is None
    said = server.stop()
    assert "Đổi địa chỉ" not in said and "aliases" not in said, said


def test_an_article_folder_deleted_and_put_back_is_watched_without_a_screen_of_warnings(preview, tmp_path):
    """An editor deletes an article's folder and restores it from the trash (the same folder, moved
    out and back): the terminal showed watchdog's RuntimeWarning, a screen naming every watched folder."""
    server, site = preview()
    first = server.next_reload()
    folder = site / "content/tin-hoat-dong/ra-quan"
    folder.rename(tmp_path / "trash")
    assert server.next_reload() == first + 1
    (tmp_path / "trash").rename(folder)
    assert server.next_reload() == first + 2
    assert "Sáng nay lực lượng ra quân." in text_of(server.page(URL).find("div", class_="body"))
    (site / ARTICLE).write_text(FILES[ARTICLE].replace("Sáng nay", "Chiều nay"), encoding="utf-8")  # still watched
    assert server.next_reload() == first + 3
    assert "Chiều nay lực lượng ra quân." in text_of(server.page(URL).find("div", class_="body"))
    said = server.stop()
    assert "Warning" not in said and "Traceback" not in said, said


def test_serve_on_every_address_says_where_a_phone_opens_it(preview):
    """README: `--host 0.0.0.0` lets a phone on the office Wi-Fi see the preview. serve said
    "Đang xem trước tại http://0.0.0.0:8000/", an address no phone (nor Windows' browsers) opens,
    and the editor had to find this computer's address herself."""
    import socket
    server, _ = preview(FILES, "--host", "0.0.0.0")
    said = server.stop()
    assert f"Đang xem trước tại http://127.0.0.1:{server.port}/ " in said, said
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 9))
            address = probe.getsockname()[0]
    except OSError:
        pytest.skip("this computer has no network address")
    assert f"trên điện thoại hoặc máy khác cùng mạng: http://{address}:{server.port}/" in said, said


def test_a_unit_renamed_in_site_toml_is_named_in_the_terminal(preview):
    """As `build` says it: the unit's old page goes, and the alias that keeps it."""
    server, site = preview()
    first = server.next_reload()
    toml = site / "site.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("[units.cong-an-xa-dong-tien]",
                                                             "[units.cong-an-phuong-dong-tien]"), encoding="utf-8")
    assert server.next_reload() == first + 1
    said = server.stop()
    assert ("Bỏ trang: /don-vi/cong-an-xa-dong-tien/ (đơn vị 'cong-an-xa-dong-tien' không còn trong site.toml): "
            "liên kết và người theo dõi RSS của nó sẽ gặp trang lỗi; giữ lại bằng aliases = "
            "[\"/don-vi/cong-an-xa-dong-tien/\"] trong [units.cong-an-phuong-dong-tien] của site.toml") in said, said


def test_the_same_errors_after_another_save_are_not_printed_again(preview):
    """A `git checkout` rebuilds twice, and a save of another file while one is broken rebuilds:
    the terminal printed the same screen of errors each time."""
    server, site = preview()
    first = server.next_reload()
    (site / ARTICLE).write_text(FILES[ARTICLE].replace("date: 2026-01-21T09:30:00", "date: hôm qua"), encoding="utf-8")
    assert server.next_reload() == first + 1
    draft = site / "content/tin-hoat-dong/nhap.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace("Bài đang viết dở", "Bài viết dở"), encoding="utf-8")
    assert server.next_reload() == first + 2
    (site / ARTICLE).write_text(FILES[ARTICLE].replace("date: 2026-01-21T09:30:00", "date: mai"), encoding="utf-8")
    assert server.next_reload() == first + 3
    said = server.stop()
    assert said.count("error[bad-date]: 'hôm qua'") == 1, said
    assert said.count("Dựng lại vẫn không thành công: vẫn 1 lỗi như trên; vẫn hiển thị bản tốt gần nhất.") == 1, said
    assert said.count("error[bad-date]: 'mai'") == 1, said  # (other errors are told)
    assert said.count("Dựng lại không thành công: 1 lỗi") == 2, said


def test_a_warning_is_told_in_the_terminal_once_when_it_appears(preview):
    """Warnings do not stop the preview, but the editor must hear them (another generator's
    key, a photo without alt text): once when one appears, not again on every save."""
    server, site = preview()
    first = server.next_reload()
    with_tags = FILES[ARTICLE].replace("\n---\n", "\ntags: [an-ninh]\n---\n", 1)
    (site / ARTICLE).write_text(with_tags, encoding="utf-8")
    assert server.next_reload() == first + 1
    (site / ARTICLE).write_text(with_tags.replace("Sáng nay", "Chiều nay"), encoding="utf-8")
    assert server.next_reload() == first + 2
    # The page says so too, in a folded note, for an editor who never looks at the terminal.
    note = server.page(URL).find(id="portal-canh-bao")
    assert note.name == "details" and text_of(note.summary) == "⚠ 1 cảnh báo"
    assert text_of(note.find("li")) == f"{ARTICLE}:6 : khóa 'tags' không được hỗ trợ; có phải ý bạn là 'campaigns'?"
    said = server.stop()
    warning = f"{ARTICLE}:6: warning[unknown-key]: khóa 'tags' không được hỗ trợ; có phải ý bạn là 'campaigns'?"
    assert said.count(warning) == 1, said


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_stopping_serve_while_it_builds_its_first_pages_is_no_traceback(tmp_path, stop):
    """Ctrl+C (or a stop button's SIGTERM) while a large portal's first pages are built."""
    from tests.e2e.test_crash_safety import _in_group, medium_site
    site = tmp_path / "site"
    medium_site(site)
    process = subprocess.Popen([sys.executable, str(REPO / "build.py"), "serve", "--site", str(site), "--port", "0"],
                               cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True,  # (a shell's background job ignores Ctrl+C: not this one)
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while len(_in_group(process.pid)) < 2:  # building: its workers are up
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.01)
    process.send_signal(stop)
    out, _ = process.communicate(timeout=60)
    assert process.returncode == (0 if stop == signal.SIGINT else 128 + signal.SIGTERM), out
    assert "Traceback" not in out, out
    assert out.splitlines()[-1] == "Đã dừng xem trước."


def test_serve_stopped_by_sigterm_exits_143_as_build_does(preview):
    """A service manager (systemd's stop, a stop button) ends serve with SIGTERM: it exited 0, as
    if it had ended by itself, where `build` exits 143."""
    server, _ = preview()
    said = server.stop()
    assert server.process.returncode == 128 + signal.SIGTERM
    assert said.splitlines()[-1] == "Đã dừng xem trước." and "Traceback" not in said, said


def test_open_shows_the_portal_in_the_editor_s_browser(make_site, tmp_path):
    """`serve --open` (Zola's `serve --open`, Hugo's `--openBrowser`): the browser the system
    names (here $BROWSER, a script noting what it was asked to open) opens the portal."""
    opened = tmp_path / "mo.txt"
    browser = f"{sys.executable} -c \"import sys; open(sys.argv[1], 'w').write(sys.argv[2])\" {opened} %s"
    server = Preview(make_site(FILES), "--open", env={"BROWSER": browser})
    try:
        deadline = time.monotonic() + 15
        while not opened.exists() or not opened.read_text():
            assert time.monotonic() < deadline, "no browser was opened"
            time.sleep(0.05)
        assert opened.read_text() == f"http://127.0.0.1:{server.port}/"
    finally:
        server.stop()


def _cmdline(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")
def test_stopping_serve_while_photos_are_encoded_leaves_no_process_and_no_traceback(make_site):
    """Ctrl+C while the first build encodes photos: the photo workers (spawned, not forked) and
    multiprocessing's resource tracker outlived the preview, asleep for good, ~150 MB each; and
    each worker printed a KeyboardInterrupt traceback."""
    from tests.e2e.test_crash_safety import _in_group
    from tests.photos import phone_jpeg
    photo = phone_jpeg(3000, 2000)
    files = dict(FILES)
    for number in range(8):
        files[f"content/tin-hoat-dong/anh-{number}/index.md"] = article(f"Ảnh số {number}", body=f"![Ảnh {number}](a.jpg)\n")
        files[f"content/tin-hoat-dong/anh-{number}/a.jpg"] = photo + bytes([number])  # (8 photos, not one)
    site = make_site(files)
    process = subprocess.Popen([sys.executable, str(REPO / "build.py"), "serve", "--site", str(site), "--port", "0"],
                               cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not any("multiprocessing" in _cmdline(pid) for pid in _in_group(process.pid)):  # encoding photos
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl+C: to every process of the group
    out, _ = process.communicate(timeout=60)
    assert "Traceback" not in out and out.splitlines()[-1] == "Đã dừng xem trước.", out
    deadline = time.monotonic() + 10
    while _in_group(process.pid):
        assert time.monotonic() < deadline, [_cmdline(pid) for pid in _in_group(process.pid)]
        time.sleep(0.05)


def test_a_tab_left_open_across_a_restart_is_reloaded(preview):
    """Both sessions numbered their builds from 1: a tab opened in one heard "1" from the next
    and kept the old page."""
    server, site = preview()
    first = server.next_reload()
    server.stop()
    again = Preview(site)
    try:
        assert again.next_reload() != first
    finally:
        again.stop()


def test_a_save_made_during_the_first_build_reloads_the_page(preview, tmp_path):
    """The site was watched only once the first build was done (seconds on a large portal): a
    save made meanwhile was never shown in the open tab, nor an error in it told."""
    launcher = tmp_path / "launch.py"
    launcher.write_text(f"""import sys, time
sys.path.insert(0, {str(REPO)!r})
from generator import devserver
real, calls = devserver.build, []
def slow_first(options):
    if not calls:  # the editor saves while the first pages are built
        calls.append(1)
        time.sleep(0.3)
        path = options.site_dir / {ARTICLE!r}
        path.write_text(path.read_text(encoding="utf-8").replace("Sáng nay", "Giữa lúc dựng"), encoding="utf-8")
        time.sleep(0.5)
    return real(options)
devserver.build = slow_first
from generator.cli import main
sys.exit(main())
""", encoding="utf-8")
    server, site = preview()
    server.stop()
    late = Preview(site, launcher=launcher)
    said = ""
    try:
        first = late.next_reload()
        assert late.next_reload(seconds=10) > first  # the save, rebuilt and announced
        assert "Giữa lúc dựng lực lượng ra quân." in text_of(late.page(URL).find("div", class_="body"))
    finally:
        said = late.stop()
    assert "ra-quan/index.md" in said, said  # told in the terminal as a save is


def test_an_article_saved_as_scheduled_or_expired_is_said_to_be_hidden(preview):
    """Its page went and the tab showed "Không tìm thấy trang", with nothing said."""
    server, site = preview()
    first = server.next_reload()
    (site / ARTICLE).write_text(FILES[ARTICLE].replace("date: 2026-01-21T09:30:00", "date: 2099-12-20T08:00:00"), encoding="utf-8")
    assert server.next_reload() == first + 1
    assert server.get(URL)[0] == 404
    note = server.page("/").find(id="portal-canh-bao")
    assert text_of(note.find("li")) == (f"{ARTICLE} hẹn giờ đăng lúc 08:00 20/12/2099: bản xem trước chưa hiện bài trước "
                                        "giờ đó (lệnh python build.py serve --future hiện cả bài hẹn giờ).")
    (site / ARTICLE).write_text(FILES[ARTICLE].replace("\n---\n", "\nexpires: 2026-02-01\n---\n", 1), encoding="utf-8")
    assert server.next_reload() == first + 2
    said = server.stop()
    assert f"{ARTICLE} đã hết hạn lúc 00:00 01/02/2026 ('expires')" in said, said


def test_an_article_retitled_and_back_is_no_move_and_a_second_move_names_the_first_address(preview):
    """The preview told an article retitled and then put back to "keep the old address with
    aliases: [the address it had in between]", one that existed only in the preview; and the
    note in the page was gone at the next save."""
    server, site = preview()
    first = server.next_reload()
    retitled = FILES[ARTICLE].replace("Ra quân bảo đảm", "Ra quân đảm bảo")
    (site / ARTICLE).write_text(retitled, encoding="utf-8")
    assert server.next_reload() == first + 1
    (site / ARTICLE).write_text(retitled.replace("Sáng nay", "Chiều nay"), encoding="utf-8")  # a body edit after it
    assert server.next_reload() == first + 2
    note = server.page("/tin-hoat-dong/ra-quan-dam-bao-trat-tu-giao-thong/").find(id="portal-canh-bao")
    assert note is not None and f"không còn ở {URL}" in text_of(note.find("li"))  # still said in the page
    twice = retitled.replace("giao thông", "giao thông đường bộ")
    (site / ARTICLE).write_text(twice, encoding="utf-8")
    assert server.next_reload() == first + 3
    (site / ARTICLE).write_text(FILES[ARTICLE], encoding="utf-8")  # back as it was published
    assert server.next_reload() == first + 4
    assert server.page(URL).find(id="portal-canh-bao") is None
    said = server.stop()
    assert "aliases: [/tin-hoat-dong/ra-quan-dam-bao-trat-tu-giao-thong/]" not in said, said  # the address between
    assert said.count(f"không còn ở {URL}") == 2, said  # the two moves, each from the published address


def test_a_save_of_many_files_names_three_and_counts_the_rest(preview):
    """Fifty article folders copied in printed one line of 4.5 KB naming each of their files."""
    server, site = preview()
    first = server.next_reload()
    for number in range(12):
        (site / f"content/tin-hoat-dong/bai-{number:02d}.md").write_text(article(f"Bài số {number}"), encoding="utf-8")
    while server.next_reload() < first + 1:
        pass
    said = server.stop()
    line = next(line for line in said.splitlines() if "Đã dựng lại" in line)
    assert line.endswith("(content/tin-hoat-dong/bai-00.md, content/tin-hoat-dong/bai-01.md, "
                         "content/tin-hoat-dong/bai-02.md và 9 tệp khác)") or "và" not in line, said
    assert all(len(line) < 300 for line in said.splitlines() if "Đã dựng lại" in line), said


@pytest.mark.timed  # (its two writes must come within HALF_WRITTEN_SECONDS: 4 busy workers once parted them more)
def test_a_save_in_two_writes_flashes_no_error(preview):
    """An editor that empties the file, then fills it (or writes it in two parts): the build
    between the two found "unclosed front-matter", flashed the overlay and printed the error."""
    server, site = preview()
    first = server.next_reload()
    whole = FILES[ARTICLE].replace("Sáng nay", "Chiều nay")
    (site / ARTICLE).write_text(whole[:20], encoding="utf-8")  # "---\ntitle: …" and no more, yet
    time.sleep(0.25)
    (site / ARTICLE).write_text(whole, encoding="utf-8")
    generation = server.next_reload()
    while "Chiều nay" not in server.get(URL)[1]:
        generation = server.next_reload()
    assert generation > first
    said = server.stop()
    assert "error[" not in said and "Dựng lại không thành công" not in said, said



def test_a_second_preview_of_a_site_says_one_is_running_already(preview):
    """Two previews of one site (one left in a forgotten window): the second built the whole
    portal into its own folder and every save rebuilt both, and nothing said so."""
    first, site = preview()
    second = Preview(site)
    try:
        assert second.page(URL).find("h1") is not None
    finally:
        said = second.stop()
    assert "một phiên xem trước khác của trang này đang chạy" in said, said
    assert "đang chạy" not in first.stop()
