"""Headings as the reader will get them, lines true to the file."""
from __future__ import annotations

import random

from generator.checker import check_headings, skipped_levels
from generator.content import split_source


def problems_of(body: str) -> list[str]:
    source, found = split_source("content/tin/bai.md", "---\ntitle: x\n---\n" + body)
    assert not found
    return [str(p) for p in check_headings(source)]


def test_setext_headings_count_and_a_leading_h1_is_shifted_like_the_page():
    # '#'/'===' become h2 on the page, so '###' after them is h4: a skipped h3.
    assert problems_of("Mở đầu\n======\n\n### Chi tiết\n") == [
        "content/tin/bai.md:7: warning[skipped-heading-level]: heading level 4 follows level 2; "
        "use '##' here so screen readers keep the outline"]
    assert problems_of("# Một\n\n## Hai\n\nBa\n---\n") == []


def test_a_first_heading_below_h2_skips_a_level():
    assert problems_of("Chữ.\n\n### Ba\n") == [
        "content/tin/bai.md:6: warning[skipped-heading-level]: heading level 3 follows level 1; "
        "use '##' here so screen readers keep the outline"]


def test_code_blocks_are_not_content():
    body = "~~~\n# không phải tiêu đề\n~~~\n\n    #### thụt lề\n\n## Thật\n"
    assert problems_of(body) == []


def test_a_fence_never_closed_is_text_so_the_headings_after_it_count():
    # Python-Markdown shows the lone ``` as a paragraph and "### Ba" as a heading.
    assert problems_of("```\n\n### Ba\n") == [
        "content/tin/bai.md:6: warning[skipped-heading-level]: heading level 3 follows level 1; "
        "use '##' here so screen readers keep the outline"]
    # A longer fence does not close a shorter one: no block, both headings are read.
    assert len(problems_of("```\n#### Bốn\n`````\n")) == 1


def test_the_shortcut_for_bodies_of_second_level_headings_only_agrees_with_reading_every_line():
    # check_headings skips the line-by-line reading when every line that could be a heading
    # is a '##'; bodies made of heading-like lines, code and text must get the same answer.
    lines = ["## Hai", "### Ba", "# Một", "#### Bốn", "Chữ.", "======", "-----", "---", "- mục", "```", "~~~",
             "    ### thụt lề", "", "#######", "##", "   ## ba dấu cách", "    ## bốn dấu cách", "##Dính", "=  ",
             "## Hai ##", "\t## tab"]
    rng = random.Random(6)
    shortcut_taken = 0
    for _ in range(3000):
        body = "\n".join(rng.choice(lines) for _ in range(rng.randint(0, 8))) + "\n"
        source, _ = split_source("content/tin/bai.md", "---\ntitle: x\n---\n" + body)
        expected = [str(p) for p in skipped_levels(source)]
        assert [str(p) for p in check_headings(source)] == expected, body
        shortcut_taken += not expected
    assert shortcut_taken > 300
