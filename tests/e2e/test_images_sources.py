"""Full builds with photos of the kinds editors bring: what is published of each (never the original)."""
from __future__ import annotations

from PIL import Image

from tests.conftest import Built, article, text_of
from tests.photos import metadata_of, phone_jpeg

BUNDLE = "content/tin-hoat-dong/lua-dao/"
PAGE = "/tin-hoat-dong/canh-bao-lua-dao/"


def published_files(built: Built) -> list:
    return [p for p in built.out.rglob("*") if p.is_file()]


def test_jpeg_photos_under_windows_other_names_are_photos_never_published_as_they_are(make_site, build_site):
    """Windows saves a photo downloaded from Facebook or Zalo as .jfif; older tools write .jpe,
    .pjpeg, .pjp. They were taken for documents: each original, with its GPS position and the
    camera's serial number, was published beside the page, used or not."""
    photos = {"zalo.jfif": phone_jpeg(800, 600), "cu.JPE": phone_jpeg(600, 800),
              "khong-dung.pjpeg": phone_jpeg(300, 200), "khong-dung-2.pjp": phone_jpeg(300, 200)}
    site = make_site({BUNDLE + "index.md": article("Cảnh báo lừa đảo", body=(
        "Tin nhắn giả mạo:\n\n![Tin nhắn giả mạo qua Zalo](zalo.jfif)\n\n![Tài khoản giả](cu.JPE)\n")),
        **{BUNDLE + name: data for name, data in photos.items()}})
    built = build_site(site)
    assert built.result.ok, built.messages
    assert [p for p in built.result.problems if p.code == "unpublished-file"] == []
    figures = built.page(PAGE).find("div", class_="body").find_all("figure")
    assert [text_of(f.figcaption) for f in figures] == ["Tin nhắn giả mạo qua Zalo", "Tài khoản giả"]
    for figure, size in zip(figures, [(800, 600), (600, 800)]):
        with Image.open(built.out / figure.img["src"].lstrip("/")) as im:
            assert (im.format, im.size) == ("JPEG", size)
    published = published_files(built)
    assert not [p for p in published if p.suffix.lower() in (".jfif", ".jpe", ".pjpeg", ".pjp")]
    for path in published:
        data = path.read_bytes()
        assert data not in photos.values() and b"PhoneMaker" not in data, path
        if path.parent.name == "images":
            assert metadata_of(data)["gps"] == {}, path
