import pytest

from generator.content import MAX_FRONT_MATTER_DEPTH, MAX_FRONT_MATTER_NODES, device_named, split_source
from generator.walk import list_below


def test_key_lines_point_into_the_real_file():
    text = "---\ntitle: Tiêu đề\n\ndate: 2026-01-01\nunit: x\n---\nThân bài\n"
    source, problems = split_source("content/a.md", text)
    assert problems == []
    assert source.key_lines["title"] == 2
    assert source.key_lines["date"] == 4
    assert source.body_line == 7
    assert source.body.strip() == "Thân bài"


def test_yaml_syntax_error_reports_its_line():
    text = "---\ntitle: a\ndate: 2026-01-01\nunit: [x\ncategory: y\n---\n"
    _, problems = split_source("content/a.md", text)
    assert len(problems) == 1
    assert problems[0].code == "yaml-syntax"
    # At the bracket's line, not where YAML gave up reading the list (the next key's)
    assert str(problems[0]) == ("content/a.md:4: error[yaml-syntax]: front-matter is not valid YAML: the bracket "
                                "opened on this line is never closed; end the value with ]")


# Titles as editors type them, unquoted, each a YAML error: (the line, the text they meant).
UNQUOTED_TITLES = [
    ("title: Thông báo: Lịch tiếp công dân tháng 12", "Thông báo: Lịch tiếp công dân tháng 12"),
    ('title: "Cảnh báo "nóng" về lừa đảo"', 'Cảnh báo "nóng" về lừa đảo'),
    ("title: 'Nhà 'A' mới'", "Nhà 'A' mới"),
    ("title: [Cập nhật] Tin mới", "[Cập nhật] Tin mới"),
    ("title: @congan trả lời bạn đọc", "@congan trả lời bạn đọc"),
    ("title: *Tin nóng* hôm nay", "*Tin nóng* hôm nay"),
    ("title: !Quan trọng: lịch trực", "!Quan trọng: lịch trực"),
    ("title: `VNeID` có gì mới", "`VNeID` có gì mới"),
    ("title: Thư mục: C:\\Tin bài", "Thư mục: C:\\Tin bài"),
    ("title: Thông báo:", "Thông báo:"),  # (saved by autosave as it is typed, before the rest)
]


def test_an_unquoted_title_yaml_refuses_gets_the_line_that_works():
    """YAML's own words ("mapping values are not allowed in this context") tell an editor
    nothing: the error also gives the line with the value quoted, and that line reads back
    as exactly the text the editor meant."""
    import pytest
    for line, meant in UNQUOTED_TITLES:
        text = f"---\n{line}\ndate: 2026-01-01\n---\nThân bài\n"
        _, problems = split_source("content/a.md", text)
        assert [(p.code, p.location.line) for p in problems] == [("yaml-syntax", 2)], (line, problems)
        message = problems[0].message
        if "put it in quotes: " not in message:
            pytest.fail(f"no hint for {line!r}: {message}")
        fixed = message.split("put it in quotes: ", 1)[1]
        source, again = split_source("content/a.md", text.replace(line, fixed))
        assert again == [] and source.front["title"] == meant, (line, fixed)


def test_a_tab_or_a_missing_space_is_named_on_its_own_line():
    """YAML says "found character that cannot start any token" for a tab, and for
    `title:Tin mới` fails on the next line: the editor is pointed at what to change."""
    tab = "---\ntitle: a\ncampaigns:\n\t- dan-van-kheo\n---\n"
    assert [str(p) for p in split_source("content/a.md", tab)[1]] == [
        "content/a.md:4: error[yaml-syntax]: front-matter is not valid YAML: this line is indented with a tab; "
        "indent with spaces"]
    # Inside a block of text such lines are text: the error is the quote left open below them.
    [problem] = split_source("content/a.md", "---\nsummary: |\n  url:https://a.vn\n  \tthụt\ntitle: \"Tin\n---\n")[1]
    assert problem.location.line == 5 and "the quote opened on this line is never closed" in problem.message
    unspaced = "---\ntitle:Tin mới, lịch trực\ndate: 2026-01-01\n---\n"
    [problem] = split_source("content/a.md", unspaced)[1]
    assert str(problem) == ("content/a.md:2: error[yaml-syntax]: front-matter is not valid YAML: a space must follow "
                            "the ':' after a key: title: Tin mới, lịch trực")


def test_the_items_of_a_list_one_per_line_have_their_lines():
    text = "---\ntitle: Tin\nAliases:\n  - /cu/a.html\n\n  - /cu/b.html\ncampaigns: [a, b]\n---\n"
    source, problems = split_source("content/a.md", text)
    assert problems == []
    assert [source.line_of("aliases", n) for n in range(3)] == [4, 6, 3]  # none: the key's line
    assert [source.line_of("campaigns", n) for n in range(2)] == [7, 7]  # on the key's line


def test_keys_are_read_in_any_case_but_only_once():
    """`Title:` as Pelican writes it, or as a phone keyboard capitalises a line."""
    source, problems = split_source("content/a.md", "---\nTitle: Tin\nDATE: 2026-01-01\nTags: x\n---\n")
    assert problems == [] and dict(source.front) == {"title": "Tin", "date": __import__("datetime").date(2026, 1, 1),
                                                     "Tags": "x"}
    assert dict(source.key_lines) == {"title": 2, "date": 3, "Tags": 4}
    _, problems = split_source("content/a.md", "---\ntitle: Tin\nunit: x\nTitle: Tin khác\n---\n")
    assert [str(p) for p in problems] == [
        "content/a.md:4: error[duplicate-key]: 'title' is given twice (first on line 2)"]


def test_a_value_yaml_reads_as_a_comment_or_an_anchor_is_remembered_for_the_warning():
    text = "---\ntitle: #1 vụ án\nsummary: &TomTat\nauthor: ~\nslug:\nextra: null # để sau\n---\nx\n"
    source, problems = split_source("content/a.md", text)
    assert problems == []
    assert dict(source.unread) == {"title": "#1 vụ án", "summary": "&TomTat"}


def test_unclosed_front_matter():
    _, problems = split_source("content/a.md", "---\ntitle: a\n")
    assert [str(p) for p in problems] == [
        "content/a.md:1: error[unclosed-front-matter]: the front-matter opened on line 1 is never closed with '---'"]


def test_missing_front_matter():
    _, problems = split_source("content/a.md", "# Chỉ có thân bài\n")
    assert problems[0].code == "missing-front-matter"


def test_aliases_are_refused_so_yaml_bombs_cannot_explode():
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b]\n---\n"
    _, problems = split_source("content/a.md", bomb)
    assert [p.code for p in problems] == ["yaml-alias"]


def test_duplicate_keys_are_an_error_naming_both_lines():
    _, problems = split_source("content/a.md", "---\ntitle: a\ntitle: b\n---\n")
    assert [str(p) for p in problems] == [
        "content/a.md:3: error[duplicate-key]: 'title' is given twice (first on line 2)"]


def test_python_tags_are_refused():
    _, problems = split_source("content/a.md", "---\ntitle: !!python/object/apply:os.system ['true']\n---\n")
    assert [p.code for p in problems] == ["yaml-syntax"]


def test_nesting_is_refused_one_level_past_the_limit_however_it_is_written():
    limit = MAX_FRONT_MATTER_DEPTH
    for nest in (lambda n: "- " * n + "x",  # one mark per level: the fewest that can nest
                 lambda n: "k: " + "[" * (n - 1) + "]" * (n - 1),
                 lambda n: "k:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, n - 1)) + "  " * (n - 1) + "k: x"):
        deep = [p.code for p in split_source("content/a.md", f"---\n{nest(limit + 1)}\n---\n")[1]]
        allowed = [p.code for p in split_source("content/a.md", f"---\n{nest(limit)}\n---\n")[1]]
        assert deep == ["front-matter-too-deep"], nest(limit + 1)
        assert "front-matter-too-deep" not in allowed, (nest(limit), allowed)


def test_nesting_written_in_flow_with_json_like_keys_is_refused_too():
    # '"a":' opens a one-pair mapping inside '[' with no blank after the ':': two levels a '['.
    nest = lambda n: "k: " + '["a":' * n + "x" + "]" * n  # noqa: E731
    half = MAX_FRONT_MATTER_DEPTH // 2
    assert [p.code for p in split_source("content/a.md", f"---\n{nest(half)}\n---\n")[1]] == \
        ["front-matter-too-deep"]  # 2 × 16 + the top mapping = 33 levels
    assert split_source("content/a.md", f"---\n{nest(half - 1)}\n---\n")[1] == []


def test_an_ordinary_front_matter_is_parsed_once(monkeypatch):
    """Dates, times, a list of campaigns and a colon in the title open no level: no walk of
    YAML events before composing (it doubled the YAML work of two thirds of the bench corpus)."""
    from generator import content
    walked = []
    parse = content.yaml.parse
    monkeypatch.setattr(content.yaml, "parse", lambda *a, **k: (walked.append(a), parse(*a, **k))[1])
    text = ("---\ntitle: \"Công an tỉnh: 12 tháng, 3-4 chuyên đề\"\ndate: 2025-12-31T08:30:00+07:00\n"
            "unit: cong-an-tinh\ncategory: tin-hoat-dong\ncampaigns: [vi-an-ninh-to-quoc, dan-van-kheo]\n"
            "tags:\n  - an-ninh\n  - trat-tu\nauthor: Minh Khôi\nsummary: \"Sáng 31-12, lúc 8:30: ra quân.\"\n"
            "slug: ra-quan-2025-12-31\nfeatured: true\n---\nNội dung.\n")
    source, problems = split_source("content/a.md", text)
    assert problems == [] and source.front["campaigns"] == ["vi-an-ninh-to-quoc", "dan-van-kheo"]
    assert walked == []


def test_the_file_index_saves_only_what_changed_and_stays_right(tmp_path, monkeypatch):
    """An edit saves a delta of the file index, not all of it; past the limit a full save
    starts again. Whatever the mix, each file is read again exactly when it changed."""
    import os
    import time

    from generator import cache as cache_module, content
    from generator.cache import BuildCache

    monkeypatch.setattr(content, "RACY_MARGIN_NS", 0)
    monkeypatch.setattr(cache_module, "DELTA_MIN", 2)
    monkeypatch.setattr(cache_module, "DELTA_SHARE", 1000)
    delta_state = content.INDEX_STATE + "-delta"
    folder = tmp_path / "content" / "tin"
    folder.mkdir(parents=True)
    for i in range(6):
        (folder / f"bai-{i}.md").write_text(f"---\ntitle: Bài {i}\n---\nThân bài {i}\n", encoding="utf-8")
    cache = BuildCache(tmp_path / ".cache")

    def load() -> dict[str, str]:
        time.sleep(0.01)  # the snapshot is taken after the writes above
        sources, problems = content.load_content(tmp_path, cache)
        assert problems == []
        return {s.path.rsplit("/", 1)[1]: s.body_loaded for s in sources}

    def saved(name: str):
        return cache.load_state(name)

    assert set(load().values()) == {True}  # first build: everything read, a full save
    full = saved(content.INDEX_STATE)
    assert len(full["entries"]) == 6 and saved(delta_state) is None
    (folder / "bai-1.md").write_text("---\ntitle: Bài một\n---\nĐã sửa\n", encoding="utf-8")
    read = load()
    assert [name for name, fresh in read.items() if fresh] == ["bai-1.md"]
    delta = saved(delta_state)
    assert list(delta["entries"]) == ["content/tin/bai-1.md"] and delta["base"] == full["id"]
    assert saved(content.INDEX_STATE) == full  # the full index was not written again
    (folder / "bai-2.md").unlink()
    assert not any(load().values())  # the delta holds bai-1's new stat: nothing read again
    assert saved(delta_state)["removed"] == ["content/tin/bai-2.md"]
    for name in ("bai-3.md", "bai-4.md"):  # now past the limit of 2: a full save, no delta
        (folder / name).write_text("---\ntitle: Mới\n---\nMới\n", encoding="utf-8")
    assert sorted(name for name, fresh in load().items() if fresh) == ["bai-3.md", "bai-4.md"]
    assert saved(delta_state) is None and saved(content.INDEX_STATE)["id"] != full["id"]
    assert sorted(saved(content.INDEX_STATE)["entries"]) == [f"content/tin/bai-{i}.md" for i in (0, 1, 3, 4, 5)]
    assert not any(load().values())
    os.utime(folder / "bai-0.md")  # a new mtime, the same bytes: known by them, not read again …
    assert not any(load().values())
    new_base = saved(content.INDEX_STATE)["id"]
    assert list(saved(delta_state)["entries"]) == ["content/tin/bai-0.md"]  # … its new stat in a delta
    assert saved(delta_state)["base"] == new_base
    assert not any(load().values())  # and trusted by that stat from then on
    (folder / "bai-0.md").write_text("---\ntitle: Bài không\n---\nĐã sửa\n", encoding="utf-8")
    assert [name for name, fresh in load().items() if fresh] == ["bai-0.md"]


def test_many_files_are_read_on_all_cores_with_the_same_records_and_problems_in_order(tmp_path):
    """A cold build reads its files in worker processes; what comes back is what one process reads."""
    from generator import content, workers

    folder = tmp_path / "content" / "tin"
    folder.mkdir(parents=True)
    for i in range(workers.SERIAL_BELOW + 20):
        text = f"---\ntitle: Bài {i}\ndate: 2026-01-{1 + i % 28:02d}\ncampaigns: [A, B]\n---\nThân bài {i}\n"
        if i % 50 == 7:
            text = text.replace("title", "date", 1)  # a duplicate key: a problem at its line
        (folder / f"bai-{i:03d}.md").write_text(text, encoding="utf-8")
    (folder / "bai-100.md").write_bytes(b"---\ntitle: \xff\n---\n")  # not UTF-8
    one = content.load_content(tmp_path, jobs=1)
    pool = content.load_content(tmp_path, jobs=2)
    assert pool == one
    sources, problems = pool
    assert len(sources) == workers.SERIAL_BELOW + 20 - 6
    assert [(p.location.path.rsplit("/", 1)[1], p.code) for p in problems] == [
        ("bai-007.md", "duplicate-key"), ("bai-057.md", "duplicate-key"), ("bai-100.md", "not-utf8"),
        ("bai-107.md", "duplicate-key"), ("bai-157.md", "duplicate-key"), ("bai-207.md", "duplicate-key")]
    assert sources[0].front["campaigns"] == ["A", "B"] and sources[0].key_lines["campaigns"] == 4


def test_racily_clean_files_are_checked_by_their_bytes(tmp_path, monkeypatch):
    """Files saved in the seconds before a snapshot cannot be trusted by their stat (a save in
    the same clock tick keeps it): the next load compares their bytes, parses again only those
    that changed, and moves the snapshot on so that later loads trust the stat again."""
    import time

    from generator import content
    from generator.cache import BuildCache

    monkeypatch.setattr(content, "RACY_MARGIN_NS", 100_000_000)
    folder = tmp_path / "content" / "tin"
    folder.mkdir(parents=True)
    for i in range(3):
        (folder / f"bai-{i}.md").write_text(f"---\ntitle: Bài {i}\n---\nThân bài {i}\n", encoding="utf-8")
    cache = BuildCache(tmp_path / ".cache")
    checked: list[str] = []
    holds_bytes = content._holds_bytes
    monkeypatch.setattr(content, "_holds_bytes", lambda path, d: checked.append(path) or holds_bytes(path, d))

    def load() -> dict[str, tuple[str, bool]]:
        checked.clear()
        sources, problems = content.load_content(tmp_path, cache)
        assert problems == []
        return {s.path.rsplit("/", 1)[1]: (s.front["title"], s.body_loaded) for s in sources}

    assert {loaded for _, loaded in load().values()} == {True}  # saved just before this snapshot
    time.sleep(0.15)
    assert {loaded for _, loaded in load().values()} == {False}  # checked by their bytes, not parsed
    assert len(checked) == 3
    assert {loaded for _, loaded in load().values()} == {False} and checked == []  # the snapshot moved on

    # A save of the same size in the same tick as the last snapshot: the file system shows
    # the stat it showed before.
    monkeypatch.setattr(content, "RACY_MARGIN_NS", 2_000_000_000)
    edited = folder / "bai-1.md"
    old_key = content._stat_key(edited.stat())
    edited.write_text("---\ntitle: Bài X\n---\nThân bài 1\n", encoding="utf-8")
    stat_key = content._stat_key
    monkeypatch.setattr(content, "_stat_key", lambda info: old_key if info.st_ino == old_key[3] else stat_key(info))
    assert load() == {"bai-0.md": ("Bài 0", False), "bai-1.md": ("Bài X", True), "bai-2.md": ("Bài 2", False)}


def test_with_scan_body_the_bodies_are_not_kept_and_load_body_gives_each_back_as_read(tmp_path):
    """The build keeps what it needs of a body (scan_body's answer) and reads the text again
    where it converts it: the same text, whatever the file's BOM, line ends and Unicode form."""
    import unicodedata

    from generator import content

    folder = tmp_path / "content" / "tin"
    folder.mkdir(parents=True)
    texts = {
        "nfc.md": "---\ntitle: Bài một\n---\n\nCông an xã tuần tra.\n\n![Ảnh](anh.jpg)\n",
        "crlf.md": "---\r\ntitle: Bài hai\r\n---\r\nDòng một.\r\nDòng hai.\r\n",
        "nfd.md": unicodedata.normalize("NFD", "---\ntitle: Bài ba\n---\nĐường dây nóng.\n"),
        "empty.md": "---\ntitle: Bài bốn\n---",
    }
    for name, text in texts.items():
        (folder / name).write_bytes(("\ufeff" if name == "crlf.md" else "").encode() + text.encode())
    kept, _ = content.load_content(tmp_path, jobs=1)
    scanned, _ = content.load_content(tmp_path, jobs=1, scan_body=lambda body, line: (len(body), line))
    assert [s.path for s in scanned] == [s.path for s in kept]
    for before, after in zip(kept, scanned):
        assert after.body == "" and not after.body_loaded and before.body_loaded
        assert after.scanned == (len(before.body), before.body_line)
        assert (after.digest, after.front, after.body_line) == (before.digest, before.front, before.body_line)
        assert content.load_body(tmp_path, after.path, (after.digest, after.body_line)) == (before.body,
                                                                                           before.body_line)
        assert content.load_body(tmp_path, after.path) == (before.body, before.body_line)


def test_a_body_loaded_again_from_a_file_saved_meanwhile_is_refused(tmp_path):
    """Its front-matter (indexed) and its body would come from two versions of the file."""
    import pytest

    from generator import content

    path = tmp_path / "content" / "bai.md"
    path.parent.mkdir()
    path.write_text("---\ntitle: Bài\n---\nBản đầu.\n", encoding="utf-8")
    (source,), _ = content.load_content(tmp_path, jobs=1, scan_body=lambda body, line: None)
    path.write_text("---\ntitle: Bài\n---\nBản sửa.\n", encoding="utf-8")
    with pytest.raises(content.ChangedDuringBuild):
        content.load_body(tmp_path, source.path, (source.digest, source.body_line))
    path.unlink()
    with pytest.raises(content.ChangedDuringBuild):
        content.load_body(tmp_path, source.path, (source.digest, source.body_line))


def test_toml_front_matter_between_plus_lines_as_hugo_and_zola_write_it():
    text = ('+++\ntitle = "Bài viết TOML"\n\ndate = 2026-01-21T09:30:00\ncampaigns = ["dan-van-kheo"]\n'
            '"draft" = false\n[extra]\nnguon = "Báo Công an"\n+++\nThân bài\n')
    source, problems = split_source("content/a.md", text)
    assert problems == []
    assert source.front["title"] == "Bài viết TOML" and source.front["campaigns"] == ["dan-van-kheo"]
    assert source.front["extra"] == {"nguon": "Báo Công an"} and source.front["draft"] is False
    assert dict(source.key_lines) == {"title": 2, "date": 4, "campaigns": 5, "draft": 6}
    assert (source.body_line, source.body.strip()) == (10, "Thân bài")


def test_toml_front_matter_problems_have_their_line():
    _, problems = split_source("content/a.md", '+++\ntitle = "a"\ndate = 2026-13-01\n+++\n')
    assert [(p.code, p.location.line) for p in problems] == [("toml-front-matter", 3)]
    _, problems = split_source("content/a.md", '+++\ntitle = "a"\ntitle = "b"\n+++\n')
    assert [(p.code, p.location.line) for p in problems] == [("toml-front-matter", 3)]
    _, problems = split_source("content/a.md", '+++\ntitle = "a"\n---\n')
    assert [str(p) for p in problems] == [
        "content/a.md:1: error[unclosed-front-matter]: the front-matter opened on line 1 is never closed with '+++'"]
    _, problems = split_source("content/a.md", "+++\na = " + "[" * 50_000 + "]" * 50_000 + "\n+++\n")
    assert [p.code for p in problems] == ["front-matter-too-deep"]


def test_toml_front_matter_has_the_bounds_of_yaml():
    """Later stages recurse per level and walk every value: TOML gets YAML's limits."""
    deep = MAX_FRONT_MATTER_DEPTH + 1
    _, problems = split_source("content/a.md", "+++\na = " + "[" * deep + "]" * deep + "\n+++\n")
    assert [str(p) for p in problems] == [
        f"content/a.md:2: error[front-matter-too-deep]: values are nested more than {MAX_FRONT_MATTER_DEPTH} levels deep"]
    source, problems = split_source("content/a.md", "+++\na = " + "[" * (deep - 2) + "]" * (deep - 2) + "\n+++\n")
    assert problems == []
    _, problems = split_source("content/a.md", "+++\na = [" + ", ".join(["1"] * MAX_FRONT_MATTER_NODES) + "]\n+++\n")
    assert [p.code for p in problems] == ["front-matter-too-large"]


@pytest.mark.parametrize("written, told", [
    ("2026-02-30", "02/2026 has 28 days"),  # (YAML's own reading said "day is out of range for month")
    ("2026-01-21T09:30:00+25:00", "there is no offset +25:00"),  # (and Python's "offset must be a timedelta …")
    ("2026-01-21 09:30:99", "there is no second 99 (seconds run 0 to 59)"),  # (it said "no minute 99")
    ("21/01/2026 09:61", "there is no minute 61 (minutes run 0 to 59)"),
])
def test_a_date_that_cannot_be_is_told_in_an_editors_words(written, told):
    from generator.index import read_article
    from tests.unit.test_index import CONFIG
    source, problems = split_source("content/tin/a.md", f"---\ntitle: a\ndate: {written}\nunit: cong-an-tinh\n"
                                                        "category: tin-hoat-dong\n---\nx\n")
    problems = problems or read_article(CONFIG, source)[1]
    assert [str(p) for p in problems] == [f"content/tin/a.md:3: error[bad-date]: '{written}' is not a date: {told}"]


def test_every_name_windows_keeps_for_a_device_is_told_and_no_other(tmp_path):
    """The listing is searched once a file for such a name (every build, every file of content/):
    the search misses none that is_device_name knows, nor tells a word that starts so."""
    kept = ["CON.md", "con .md", "Aux/index.md", "tin/Com1.tar.gz", "tin/lpt9/anh.jpg", "tin/NUL", "prn.", "tin/a/Con/b.pdf"]
    free = ["con-gai.md", "console.md", "tin/com10.md", "tin/lpt0.pdf", "tin/auxo/a.md", "tin/a-con.md", ".git/con",
            "tin/nul-bytes.md", "concon.md"]
    for rel in kept + free:
        path = tmp_path / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
    told = sorted(p.location.path for p in device_named(list_below(tmp_path / "content", "content/")))
    assert told == sorted(["content/CON.md", "content/con .md", "content/Aux", "content/tin/Com1.tar.gz",
                           "content/tin/lpt9", "content/tin/NUL", "content/prn.", "content/tin/a/Con"])


def test_the_name_a_device_name_warning_suggests_is_one_windows_can_make(tmp_path):
    """'con .md' (a space before the dot, which Windows reads as none) was told to become
    'con -1.md'; a name ending in a dot kept it ('prn.' → 'prn-1.')."""
    for rel in ["con .md", "Nul.pdf", "tin/prn.", "tin/Aux/index.md", "tin/com1.tar.gz"]:
        path = tmp_path / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
    told = {p.location.path: p.message.split("(e.g. ")[1] for p in device_named(list_below(tmp_path / "content", "content/"))}
    assert told == {"content/con .md": "'con-1.md')", "content/Nul.pdf": "'Nul-1.pdf')", "content/tin/prn.": "'prn-1')",
                    "content/tin/Aux": "'Aux-1')", "content/tin/com1.tar.gz": "'com1-1.tar.gz')"}
