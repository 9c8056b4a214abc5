"""The same Vietnamese word always gives the same slug, match and related news,
whether it was typed in NFC (Windows, most editors), NFD (macOS file names,
some web pages) or with invisible characters pasted from Word."""
from __future__ import annotations

import unicodedata

import pytest

from generator import messages
from generator.vietnamese import fold, slugify, words
from urllib.parse import unquote, urljoin

from tests.conftest import SITE_TOML, article, text_of
from tests.photos import phone_jpeg


def nfd(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    return decomposed


def test_slug_fold_and_words_ignore_normalisation_and_invisible_characters():
    word = "Công an xã Đồng Tiến"
    variants = [word, nfd(word), "Công\u200b an xã Đồng\u00ad Tiến", "\u202bCông an xã Đồng Tiến\u202c", "\ufeff" + word]
    assert {slugify(v) for v in variants} == {"cong-an-xa-dong-tien"}
    assert {fold(v) for v in variants} == {"cong an xa dong tien"}
    assert {tuple(words(v)) for v in variants} == {("cong", "an", "xa", "dong", "tien")}


def test_nfd_and_nfc_spellings_match_across_site_toml_front_matter_and_files(make_site, build_site):
    # site.toml declares one unit in NFD; articles name terms in the other form or with a zero-width space.
    toml = SITE_TOML.replace('name = "Công an xã Đồng Tiến"', f'name = "{nfd("Công an xã Đồng Tiến")}"')
    site = make_site({
        # The file name is NFD (saved on a Mac); the other article links to it in NFC.
        f"content/tin-hoat-dong/{nfd('bài-gốc')}.md": article(
            nfd("Tuyên truyền phòng chống lừa đảo trực tuyến"), "2026-01-10", unit='"Công an xã Đồng Tiến"',
            campaigns=[f'"{nfd("Dân vận khéo")}"']),
        "content/tin-hoat-dong/tiep-theo/index.md": article(
            "Tuyên truyền phòng chống lừa đảo trực tuyến lần hai", "2026-01-12",
            unit='"Công an xã\u200b Đồng Tiến"', campaigns=['"Dân vận khéo"'],
            body="Xem [bài gốc](../bài-gốc.md) và [biên bản](biên-bản.pdf).\n\n![Ảnh](ảnh-hiện-trường.jpg)\n"),
        f"content/tin-hoat-dong/tiep-theo/{nfd('ảnh-hiện-trường.jpg')}": phone_jpeg(640, 480),
        f"content/tin-hoat-dong/tiep-theo/{nfd('biên-bản.pdf')}": b"%PDF-1.4 bien ban",
        "content/tin-hoat-dong/khac.md": article("Hội nghị tổng kết", "2026-01-11", category="tin-hoat-dong"),
    }, site_toml=toml)
    built = build_site(site)
    assert built.result.ok, built.messages

    first = built.page("/tin-hoat-dong/tuyen-truyen-phong-chong-lua-dao-truc-tuyen/")
    second = built.page("/tin-hoat-dong/tuyen-truyen-phong-chong-lua-dao-truc-tuyen-lan-hai/")
    # Display text is NFC whatever was typed.
    assert text_of(first.find("h1")) == "Tuyên truyền phòng chống lừa đảo trực tuyến"
    assert unicodedata.is_normalized("NFC", str(first))
    for page in (first, second):
        unit = page.find("a", class_="unit")
        assert (text_of(unit), unit["href"]) == ("Công an xã Đồng Tiến", "/don-vi/cong-an-xa-dong-tien/")
        assert [a["href"] for a in page.find("ul", class_="campaign-tags").find_all("a")] == ["/phong-trao/dan-van-kheo/"]
    # The NFC link reaches the NFD-named file; the NFD-named photo is published where the NFC reference points.
    body = second.find("div", class_="body")
    assert body.find("a", string="bài gốc")["href"] == "/tin-hoat-dong/tuyen-truyen-phong-chong-lua-dao-truc-tuyen/"
    photo = body.find("img")
    assert photo["alt"] == "Ảnh" and (photo["width"], photo["height"]) == ("640", "480")
    assert (built.out / unquote(photo["src"]).lstrip("/")).is_file()
    pdf = urljoin("/tin-hoat-dong/tuyen-truyen-phong-chong-lua-dao-truc-tuyen-lan-hai/", body.find("a", string="biên bản")["href"])
    assert (built.out / unquote(pdf).lstrip("/")).read_bytes() == b"%PDF-1.4 bien ban"
    # Related news matches the two spellings of the same words first.
    related = second.find("h2", string="Tin liên quan").find_parent("section")
    assert [text_of(a) for a in related.find_all("a")][0] == "Tuyên truyền phòng chống lừa đảo trực tuyến"
    unit_page = built.page("/don-vi/cong-an-xa-dong-tien/")
    assert len(unit_page.select("main h3 a, main .card-title a")) == 2


def test_a_document_and_its_mac_spelled_copy_beside_one_article_are_told_not_one_dropped(make_site, build_site):
    """A Mac user copies the new plan beside the article, where a colleague on Windows had put the
    old one under the same name: two files whose names differ only in NFD and NFC. Both went to
    one address and the old plan stayed online, without a word; now the build names the Mac's."""
    name = "kế-hoạch.pdf"
    site = make_site({
        "content/tin-hoat-dong/ke-hoach/index.md": article("Kế hoạch cao điểm", body=f"Tải [kế hoạch]({name}).\n"),
        f"content/tin-hoat-dong/ke-hoach/{name}": b"%PDF-1.4 ban cu",
        f"content/tin-hoat-dong/ke-hoach/{nfd(name)}": b"%PDF-1.4 ban moi",
        "content/tin-hoat-dong/khac.md": article("Hội nghị tổng kết", "2026-01-11"),
    })
    built = build_site(site)
    assert not built.result.ok and not built.out.exists()
    assert [(p.location.path, p.code) for p in built.result.problems if p.is_error] == [
        (f"content/tin-hoat-dong/ke-hoach/{nfd(name)}", "duplicate-output")]
    assert f"this file's name is content/tin-hoat-dong/ke-hoach/{name} as a Mac writes" in built.result.problems[0].message


@pytest.mark.parametrize("name, old, new", [
    # static/: a form every page links, copied there from a Mac over the Windows one; one went
    # online, the other was left out, without a word
    ("static/tài-liệu/mẫu-đơn.pdf", b"%PDF-1.4 ban cu", b"%PDF-1.4 ban moi"),
    # the site's assets/: a new emblem copied over the old from a Mac; the layout's | asset link
    # got one of them, maybe the old, without a word
    ("assets/img/huy-hiệu.png", b"\x89PNG cu", b"\x89PNG moi"),
])
def test_a_file_of_static_or_assets_and_its_mac_spelled_copy_are_told_not_one_dropped(make_site, build_site,
                                                                                       name, old, new):
    site = make_site({
        "content/tin-hoat-dong/khac.md": article("Hội nghị tổng kết", "2026-01-11"),
        name: old,
        nfd(name): new,
    })
    built = build_site(site)
    assert not built.result.ok and not built.out.exists()
    assert [(p.location.path, p.code) for p in built.result.problems if p.is_error] == [(nfd(name), "duplicate-output")]
    assert f"this file's name is {name} as a Mac writes" in built.result.problems[0].message


def test_two_articles_whose_names_differ_only_as_a_mac_writes_them_are_each_named(make_site, build_site):
    """tin-mới.md saved on Windows and again on a Mac (NFD): both were published without a word,
    as a case twin was before names-differ-in-case, though a Mac's checkout holds one of them and
    a link to the name leads to one alone. A warning at each, saying which is the Mac's."""
    name = "content/tin-hoat-dong/tin-mới.md"
    folder = "content/tin-hoat-dong/đội-mới/index.md"
    site = make_site({name: article("Tin mới một"), nfd(name): article("Tin mới hai"),
                      folder: article("Đội một"), nfd(folder): article("Đội hai"),
                      "content/tin-hoat-dong/khac.md": article("Bài khác")})
    built = build_site(site)
    assert built.result.ok and built.page("/tin-hoat-dong/tin-moi-hai/").find("h1") is not None
    told = sorted((p.location.path, p.code, p.message.split(" as a Mac")[0]) for p in built.result.problems)
    assert told == sorted([
        (name, "names-differ-in-form", f"{nfd(name)} has this file's name"),
        (nfd(name), "names-differ-in-form", f"this file's name is {name}'s"),
        (folder, "names-differ-in-form", f"{nfd(folder)} has this file's name"),
        (nfd(folder), "names-differ-in-form", f"this file's name is {folder}'s")])
    vi = {p.location.path: messages.describe(p, "vi") for p in built.result.problems}
    assert "tên tệp này là tên của" in vi[nfd(name)] and "kiểu máy Mac" in vi[name]


def test_a_photo_and_its_mac_spelled_copy_beside_one_article_are_told_not_one_never_shown(make_site, build_site):
    """A folder of photos zipped on a Mac, copied on Windows beside the old ones: ảnh-1.jpg twice,
    NFC and NFD. The body's NFC name showed the old photo, and the new one was never shown, with
    nothing said (a document so named is an error, duplicate-output)."""
    photo = "content/tin-hoat-dong/ra-quan/ảnh-1.jpg"
    site = make_site({"content/tin-hoat-dong/ra-quan/index.md": article("Lễ ra quân", body="![Lễ ra quân](ảnh-1.jpg)\n"),
                      photo: phone_jpeg(640, 480), nfd(photo): phone_jpeg(800, 600)})
    built = build_site(site)
    assert built.result.ok
    assert [(p.location.path, p.code) for p in built.result.problems] == [(nfd(photo), "names-differ-in-form")]
    told = built.result.problems[0]
    assert told.message.startswith(f"this photo's name is {photo}'s as a Mac writes its letters: a body's "
                                   f"![…](ảnh-1.jpg) shows {photo}, never this one")
    assert "tên ảnh này là tên của" in messages.describe(told, "vi")
