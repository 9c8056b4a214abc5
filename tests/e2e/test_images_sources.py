"""Full builds with photos of the kinds editors bring: what is published of each (never the original)."""
from __future__ import annotations

import io

from PIL import Image

from generator import messages

from tests.conftest import Built, article, text_of
from tests.photos import display_p3_profile, grey_profile, metadata_of, phone_jpeg

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


def grey_ramp(mode: str, top: float) -> Image.Image:
    """Black on the left to `top` (the format's white) on the right, in 16 or 32 bits."""
    ramp = Image.new("F", (256, 64))
    ramp.putdata([x * top / 255 for _ in range(64) for x in range(256)])
    return ramp if mode == "F" else ramp.convert("I").convert(mode)


def test_greyscale_photos_of_16_and_32_bits_keep_their_greys(make_site, build_site):
    """A 16-bit greyscale PNG (a scan, an X-ray, a screenshot from some tools) and a 32-bit TIFF
    were published white: every grey above 255 of 65,535 was clipped to 255."""
    files = {}
    for name, mode, top, fmt in (("scan.png", "I;16", 65535, "PNG"), ("tai-lieu.tif", "I", 65535, "TIFF"),
                                 ("do-sau.tiff", "F", 1.0, "TIFF"),
                                 ("may-quet.tif", "I;16B", 65535, "TIFF")):  # (Motorola order: no extrema)
        out = io.BytesIO()
        grey_ramp(mode, top).save(out, fmt)
        with Image.open(io.BytesIO(out.getvalue())) as check:
            assert check.mode == mode
        files[BUNDLE + name] = out.getvalue()
    body = ("Ảnh quét:\n\n![Bản quét](scan.png)\n\n![Tài liệu](tai-lieu.tif)\n\n![Độ sâu](do-sau.tiff)\n\n"
            "![Máy quét](may-quet.tif)\n")
    built = build_site(make_site({BUNDLE + "index.md": article("Cảnh báo lừa đảo", body=body), **files}))
    assert built.result.ok, built.messages
    for img in built.page(PAGE).find("div", class_="body").find_all("img"):
        with Image.open(built.out / img["src"].lstrip("/")) as im:
            grey = im.convert("L")
            left, middle, right = (grey.getpixel((x, 32)) for x in (2, 128, 253))
        assert left < 15 and 110 < middle < 145 and right > 240, (img["alt"], left, middle, right)


def test_palette_and_grey_and_alpha_photos_are_shown_in_their_colour_profile_as_rgb_ones_are(make_site, build_site):
    """A palette PNG (a chart, a logo saved by a phone's editor, a transparent one too) and a
    grey one with transparency kept their colour profile's numbers as sRGB: a Display P3
    chart's colours were duller than the same chart saved in full colour."""
    colours = [(60, 160, 90), (180, 120, 60)]
    chart = Image.new("RGB", (200, 100), colours[0])
    chart.paste(colours[1], (100, 0, 200, 100))
    shade = Image.new("L", (200, 100), 64)
    shade.paste(160, (100, 0, 200, 100))
    pictures = {  # name: (picture, profile); each pair shows the same picture, the second as it always worked
        "bieu-do.png": (chart.convert("P", palette=Image.Palette.ADAPTIVE), display_p3_profile()),
        "bieu-do-nen-trong.png": (chart.convert("P", palette=Image.Palette.ADAPTIVE), display_p3_profile()),
        "bieu-do-rgb.png": (chart, display_p3_profile()),
        "xam-trong.png": (Image.merge("LA", (shade, Image.new("L", shade.size, 255))), grey_profile(1.0)),
        "xam.png": (shade, grey_profile(1.0)),
    }
    files = {}
    for name, (picture, profile) in pictures.items():
        out = io.BytesIO()
        extra = {"transparency": 255} if name == "bieu-do-nen-trong.png" else {}  # (an unused index: nothing hidden)
        picture.save(out, "PNG", icc_profile=profile, **extra)
        files[BUNDLE + name] = out.getvalue()
    body = "\n\n".join(f"![Hình {number}]({name})" for number, name in enumerate(pictures)) + "\n"
    built = build_site(make_site({BUNDLE + "index.md": article("Cảnh báo lừa đảo", body=body), **files}))
    assert built.result.ok, built.messages
    shown = {}
    for img in built.page(PAGE).find("div", class_="body").find_all("img"):
        with Image.open(built.out / img["src"].lstrip("/")) as im:
            shown[img["alt"]] = [im.convert("RGB").getpixel((x, 50)) for x in (50, 150)]

    def near(a, b):
        return all(abs(p - q) <= 6 for pa, pb in zip(a, b) for p, q in zip(pa, pb))
    assert not near(shown["Hình 2"], [colours[0], colours[1]])  # (the profile does change them)
    assert near(shown["Hình 0"], shown["Hình 2"]) and near(shown["Hình 1"], shown["Hình 2"]), shown
    assert not near(shown["Hình 4"], [(64,) * 3, (160,) * 3])
    assert near(shown["Hình 3"], shown["Hình 4"]), shown


def test_an_animated_gif_or_webp_is_a_warning_at_each_line_that_shows_it(make_site, build_site):
    """Only an animation's first frame is published (a still photo), and nothing said so: an
    editor who pasted a moving chart or a clip saved as GIF saw a still picture on the page."""
    frames = [Image.new("RGB", (160, 120), colour) for colour in ((200, 20, 20), (20, 200, 20), (20, 20, 200))]
    files = {}
    for name, fmt in (("canh-bao.gif", "GIF"), ("huong-dan.webp", "WEBP")):
        out = io.BytesIO()
        frames[0].save(out, fmt, save_all=True, append_images=frames[1:], duration=200, loop=0)
        files[BUNDLE + name] = out.getvalue()
    still = io.BytesIO()
    frames[0].save(still, "GIF")
    files[BUNDLE + "tinh.gif"] = still.getvalue()
    # A phone's photo with a second image (an Ultra HDR gain map: Pillow opens it as MPO) and a
    # scan of two pages are no animation: they were told to be saved as MP4.
    phone, pages = io.BytesIO(), io.BytesIO()
    frames[0].save(phone, "MPO", save_all=True, append_images=[frames[1]])
    frames[0].save(pages, "TIFF", save_all=True, append_images=[frames[2]])
    files[BUNDLE + "dien-thoai.jpg"], files[BUNDLE + "ban-quet.tif"] = phone.getvalue(), pages.getvalue()
    body = ("Mở đầu.\n\n![Cảnh báo](canh-bao.gif)\n\n![Hướng dẫn](huong-dan.webp)\n\n![Ảnh tĩnh](tinh.gif)\n\n"
            "![Ảnh chụp tại hiện trường](dien-thoai.jpg)\n\n![Biên bản hai trang](ban-quet.tif)\n")
    site = make_site({BUNDLE + "index.md": article("Cảnh báo lừa đảo", image="canh-bao.gif", body=body), **files})
    built = build_site(site)
    assert built.result.ok, built.messages
    told = [p for p in built.result.problems if p.code == "animated-image"]
    assert [(p.location.path, p.location.line, p.is_error) for p in told] == [
        (BUNDLE + "index.md", 6, False), (BUNDLE + "index.md", 11, False), (BUNDLE + "index.md", 13, False)]
    assert told[1].message == (
        "'canh-bao.gif': an animated image: only its first frame is published, as a still photo; to show it "
        "moving, save it as a video (MP4) beside the article and show that file: ![…](canh-bao.mp4)")
    assert messages.problem_message(told[2], "vi") == (
        "'huong-dan.webp': ảnh động: chỉ khung hình đầu tiên được xuất bản, thành ảnh tĩnh; muốn bạn đọc thấy chuyển "
        "động, hãy lưu thành video (MP4) cạnh bài viết và hiển thị tệp đó: ![…](huong-dan.mp4)")
    figures = built.page(PAGE).find("div", class_="body").find_all("figure")
    assert len(figures) == 5  # published all the same, as their first frame


def test_an_empty_photo_file_is_told_empty_not_unreadable(make_site, build_site):
    """A copy that stopped before its first byte (a full disk, a sync that failed) left a file
    of 0 bytes: the build called it "not a photo this build can read, or damaged"."""
    site = make_site({BUNDLE + "index.md": article("Cảnh báo lừa đảo", body="![Tin nhắn giả mạo](zalo.jpg)\n"),
                      BUNDLE + "zalo.jpg": b""})
    built = build_site(site)
    assert not built.result.ok
    assert built.messages == [f"{BUNDLE}index.md:8: error[broken-image]: 'zalo.jpg': the file is empty (0 bytes): "
                              "copy the photo into the article's folder again"]
    assert messages.problem_message(built.result.problems[0], "vi") == (
        "tệp ảnh 'zalo.jpg' rỗng (0 byte): hãy chép lại ảnh vào thư mục của bài viết")


def test_a_photo_under_a_name_no_photo_has_is_refused_not_published_with_its_gps(make_site, build_site, tmp_path):
    """A phone's RAW photo (IMG_0002.DNG), one a browser saved as "anh.jpg_large", one a chat
    saved without an ending: each was copied beside the page as it is, used or not, with the
    place it was taken, the camera's serial number and its owner's name, without a word."""
    folder = BUNDLE.rstrip("/")
    odd = {"IMG_0002.DNG": b"II*\x00" + bytes(60), "anh.jpg_large": phone_jpeg(300, 200),
           "z6123_anh": phone_jpeg(300, 200)}
    site = make_site({BUNDLE + "index.md": article("Cảnh báo lừa đảo", body="Tải [ảnh gốc](anh.jpg_large)."),
                      BUNDLE + "ke-hoach.pdf": b"%PDF-1.4", **{BUNDLE + name: data for name, data in odd.items()}})
    out = tmp_path / "out"
    built = build_site(site, out)
    assert not built.result.ok and not out.exists()
    refused = {p.location.path: p for p in built.result.problems if p.code == "misnamed-photo"}
    assert sorted(refused) == sorted(f"{folder}/{name}" for name in odd)
    assert all(p.is_error and p.location.line == 0 for p in refused.values())
    assert "rename it 'anh.jpg' and show it with ![…](anh.jpg)" in refused[f"{folder}/anh.jpg_large"].message
    assert "export it as JPEG" in refused[f"{folder}/IMG_0002.DNG"].message
    told = messages.problem_message(refused[f"{folder}/z6123_anh"], "vi")
    assert "hãy đổi tên thành 'z6123_anh.jpg'" in told and "this file" not in told


def test_a_scan_of_several_pages_shown_as_a_photo_is_told_its_other_pages_are_left_out(make_site, build_site):
    """A scanned document saved as one TIFF of pages (a scanner's default) and shown as a photo
    was published as its first page alone, the others lost without a word."""
    pages = [Image.new("L", (300, 420), shade) for shade in (250, 200, 150)]
    scan, single = io.BytesIO(), io.BytesIO()
    pages[0].save(scan, "TIFF", save_all=True, append_images=pages[1:])
    pages[0].save(single, "TIFF")
    site = make_site({BUNDLE + "index.md": article("Cảnh báo lừa đảo", body=(
        "Mở đầu.\n\n![Công văn số 123](cong-van.tif)\n\n![Biên bản một trang](bien-ban.tif)\n")),
        BUNDLE + "cong-van.tif": scan.getvalue(), BUNDLE + "bien-ban.tif": single.getvalue()})
    built = build_site(site)
    assert built.result.ok, built.messages
    told = [p for p in built.result.problems if p.code == "pages-left-out"]
    assert [(p.location.path, p.location.line, p.is_error) for p in told] == [(BUNDLE + "index.md", 10, False)]
    assert told[0].message == (
        "'cong-van.tif' holds 3 pages (a scan): only its first page is published, as a photo; to publish them all, "
        "save the document as PDF beside the article and link it: [cong-van.pdf](cong-van.pdf)")
    assert messages.problem_message(told[0], "vi").startswith("'cong-van.tif' có 3 trang (bản quét): chỉ trang đầu tiên")
    assert len(built.page(PAGE).find("div", class_="body").find_all("figure")) == 2
