"""A link within a body to a part of it must lead somewhere on the page (generator/anchors.py)."""
from __future__ import annotations

from generator.anchors import fragment_links


def test_links_to_an_id_a_name_a_part_of_the_layout_or_the_top_are_kept():
    body = ('<h2 id="muc-ket-qua">Kết quả</h2><p><a name="_Toc102"></a>Phần II</p><p id="fn:1">Chú thích</p>'
            '<p><a href="#muc-ket-qua">a</a> <a href="#_Toc102">b</a> <a href="#fn:1">c</a> '
            '<a href="#tin-lien-quan">d</a> <a href="#">e</a> <a href="#top">f</a></p>')
    assert fragment_links(body) == (body, [])
    # A name with tone marks, linked percent-encoded as a Markdown link writes it: the browser
    # decodes the fragment before it looks for the name.
    named = '<p><a name="kết-quả"></a>Kết quả</p><p><a href="#k%E1%BA%BFt-qu%E1%BA%A3">x</a></p>'
    assert fragment_links(named) == (named, [])


def test_a_link_naming_a_heading_as_other_tools_do_is_pointed_at_it():
    body = '<h2 id="muc-ket-qua-dot-cao-diem">Kết quả đợt cao điểm</h2><p><a href="#ket-qua-dot-cao-diem">x</a></p>'
    fixed, dead = fragment_links(body)
    assert fixed == body.replace('href="#ket-qua-dot-cao-diem"', 'href="#muc-ket-qua-dot-cao-diem"') and dead == []
    # As an editor may write it: with the tone marks, percent-encoded by the Markdown link.
    written = '<h2 id="muc-ket-qua">Kết quả</h2><p><a href="#k%E1%BA%BFt-qu%E1%BA%A3">x</a></p>'
    assert fragment_links(written)[0] == written.replace("#k%E1%BA%BFt-qu%E1%BA%A3", "#muc-ket-qua")


def test_a_link_leading_nowhere_is_named_with_the_anchors_the_body_has():
    headings = "".join(f'<h2 id="muc-phan-{n}">Phần {n}</h2>' for n in range(7))
    body = headings + '<p><a href="#_Toc101">I</a> <a href="#phan-9">IX</a></p>'
    fixed, dead = fragment_links(body)
    assert fixed == body
    listed = "#muc-phan-0, #muc-phan-1, #muc-phan-2, #muc-phan-3, #muc-phan-4, …"
    assert dead == [("#_Toc101", listed), ("#phan-9", listed)]
    assert fragment_links('<p><a href="#muc-luc">Mục lục</a></p>')[1] == [("#muc-luc", "")]


def test_a_body_without_such_links_is_returned_as_it_is():
    body = '<p><a href="https://bocongan.gov.vn/#tin">x</a></p>'
    assert fragment_links(body) == (body, [])
