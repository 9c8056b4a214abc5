"""Git's conflict markers are found where git writes them, and only there."""
from __future__ import annotations

from generator.merge_conflicts import conflict_blocks, conflict_lines, conflict_message, leftover_markers, leftover_message

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


def test_marker_lines_left_of_a_conflict_resolved_in_part_are_found():
    """The editor deleted `<<<<<<< HEAD` and the first version but kept '=======' and
    '>>>>>>> branch': Markdown published both versions, the first as a heading, and seven
    quotes one in another around the branch's name, and the build said nothing."""
    assert leftover_markers("Bản A.\n=======\nBản B.\n>>>>>>> sua-bai\n\nKết.", markdown=True) == [
        (2, 4, "'=======', '>>>>>>> sua-bai'")]
    assert leftover_markers("Bản B.\n>>>>>>> sua-bai\n") == [(2, 2, "'>>>>>>> sua-bai'")]
    assert leftover_markers("<<<<<<< HEAD\nBản A.\n=======\nBản B.\n") == [(1, 3, "'<<<<<<< HEAD', '======='")]
    assert leftover_markers("Kết.\n<<<<<<< HEAD\n") == [(2, 2, "'<<<<<<< HEAD'")]
    assert leftover_message(2, 4, "'=======', '>>>>>>> sua-bai'") == (
        "git's merge-conflict lines are left here (lines 2–4: '=======', '>>>>>>> sua-bai'), from a conflict "
        "resolved only in part: check that the version kept is the one wanted and delete these lines")


def test_a_whole_conflict_a_heading_or_markers_shown_as_code_are_no_leftover():
    assert leftover_markers(CONFLICT) == []  # (conflict_blocks tells it)
    assert leftover_markers("Tiêu đề\n=======\n\nNội dung.", markdown=True) == []  # a Markdown heading
    assert leftover_markers("Ví dụ:\n\n```\n>>>>>>> x\n```\n", markdown=True) == []
    assert leftover_markers("Tiêu đề\n=======\n\n" + CONFLICT, markdown=True) == []  # the heading is no marker
    assert leftover_markers(">>>>>>>> tám dấu\n> trích dẫn\n") == []
    # A quote within quotes, seven deep, under its sixth: a reader's outline, no marker.
    quotes = "\n".join(">" * n + f" Trích dẫn cấp {n}" for n in range(1, 8)) + "\n\nKết."
    assert leftover_markers(quotes, markdown=True) == []
    assert leftover_markers("> Trích dẫn.\n\nBản B.\n>>>>>>> sua-bai\n", markdown=True) == [(4, 4, "'>>>>>>> sua-bai'")]
