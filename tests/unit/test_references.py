"""Footnotes and reference links a body uses but never defines (generator/references.py)."""
from __future__ import annotations

from generator.references import undefined_references


def test_footnote_marks_and_reference_links_left_as_written_are_found_once_each():
    body = ("<p>Theo báo cáo[^9], số vụ giảm[^9]. Xem [Kế hoạch số 12][1] và [Công văn][]; "
            "[<strong>Quyết định</strong>][qd].</p>")
    assert undefined_references(body) == [
        ("footnote", "[^9]", "[^9]"), ("link", "[1]", "][1]"), ("link", "[Công văn]", "[Công văn][]"),
        ("link", "[qd]", "][qd]")]


def test_citations_code_and_bodies_without_brackets_are_left_alone():
    assert undefined_references("<p>Theo tài liệu [1][2] và [3].</p>") == []
    assert undefined_references("<pre><code>[^1] [a][b]</code></pre><p>Đoạn <code>[x][y]</code>.</p>") == []
    assert undefined_references("<p>Không có dấu ngoặc.</p>") == []
