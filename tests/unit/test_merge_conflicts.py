"""Git's conflict markers are found where git writes them, and only there."""
from __future__ import annotations

from generator.merge_conflicts import conflict_blocks, conflict_lines, conflict_message

CONFLICT = "<<<<<<< HEAD\nBản của tôi.\n=======\nBản của đồng nghiệp.\n>>>>>>> nhanh-khac\n"


def test_a_conflict_is_found_with_its_first_and_last_line():
    assert conflict_lines("Mở đầu.\n\n" + CONFLICT + "\nKết.") == (3, 7)
    assert conflict_lines(CONFLICT.replace("\n", "\r\n")) == (1, 5)  # (site.toml saved on Windows)
    # git's diff3 style adds the common ancestor between the two
    assert conflict_lines("<<<<<<< HEAD\nA\n||||||| base\nB\n=======\nC\n>>>>>>> t\n") == (1, 7)


def test_text_that_only_looks_like_markers_is_no_conflict():
    assert conflict_lines("Một dòng <<<<<<< giữa câu.\n=======\n>>>>>>> x") is None  # not at a line's start
    assert conflict_lines("<<<<<<< HEAD\nA\n>>>>>>> x\n") is None  # no middle
    assert conflict_lines("<<<<<<< HEAD\nA\n=======\nB\n") is None  # never closed
    assert conflict_lines("Tiêu đề\n=======\n") is None  # a Markdown heading
    assert conflict_lines("<<<<<<<< HEAD\nA\n=======\nB\n>>>>>>> x\n") is None  # eight, not git's seven


def test_a_conflict_shown_in_fenced_code_is_left_to_markdown():
    shown = "Ví dụ:\n\n```\n" + CONFLICT + "```\n"
    assert conflict_lines(shown, markdown=True) is None
    assert conflict_lines(shown) == (4, 8)  # (site.toml and layouts have no fences)


def test_every_conflict_of_a_file_is_found_in_one_reading():
    """A file with three conflicts was told one a run: three builds to learn of the third."""
    text = "Mở đầu.\n\n" + CONFLICT + "\nGiữa.\n\n" + CONFLICT + "\n```\n" + CONFLICT + "```\n\n" + CONFLICT
    assert conflict_blocks(text, markdown=True) == [(3, 7), (11, 15), (25, 29)]  # (the one shown as code: not)
    assert conflict_blocks("Không có gì.") == []
    # A layout's one problem names them all.
    assert conflict_message(3, 7, [(11, 15), (23, 27)]).startswith(
        "git left a merge conflict here (lines 3–7), and at lines 11–15, 23–27: keep the version wanted")
