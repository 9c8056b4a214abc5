from generator.content import split_source


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
    assert problems[0].location.line in (5, 6)


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
