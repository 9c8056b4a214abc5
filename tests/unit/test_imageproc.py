"""Encoding photos: upright, stripped of every tag, sized as planned, cached, and truncation caught."""
from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from PIL import Image, features

from generator.imageproc import cache_path, cached_bytes, process_images
from generator.images import plan_images
from generator.model import ImageSettings
from bench import photos as bench_photos
from tests.photos import BOTTOM, TOP, metadata_of, phone_jpeg
from tests.unit.test_images import make_article, write

FORMATS = ("avif", "webp", "jpeg") if features.check("avif") else ("webp", "jpeg")
SETTINGS = ImageSettings(widths=(200, 400), formats=FORMATS, thumbnail_widths=(150,))
CLEAN = {"exif": {}, "gps": {}, "exif_ifd": {}, "info": [], "app": []}


def processed(site: Path, body: str, settings: ImageSettings = SETTINGS, workers: int = 1):
    plan, problems = plan_images(site, [make_article(body)], settings)
    assert problems == []
    # serial_below=0: even these small photos go through the worker pool when workers > 1
    report, problems = process_images(site, plan, workers=workers, serial_below=0)
    return plan, report, problems


def close(pixel, colour) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(pixel, colour))


def test_every_variant_is_upright_and_carries_no_metadata_at_all(tmp_path):
    site = write(tmp_path, {"content/tin/bai/doc.jpg": phone_jpeg(600, 900, orientation=6)})
    plan, report, problems = processed(site, "![Ảnh dọc](doc.jpg)")
    assert problems == [] and report.encoded == len(plan.variants) > 0
    formats = set()
    for variant in plan.variants:
        data = cached_bytes(cache_path(site / ".cache/images", variant))
        assert metadata_of(data) == CLEAN, variant.name
        with Image.open(io.BytesIO(data)) as im:
            formats.add(im.format)
            assert im.size == (variant.width, variant.height)
            if variant.crop == (0, 0, 600, 900):  # uncropped: portrait, red band on top, blue at the bottom
                assert im.height > im.width
                rgb = im.convert("RGB")
                assert close(rgb.getpixel((im.width // 2, 2)), TOP), variant.name
                assert close(rgb.getpixel((im.width // 2, im.height - 3)), BOTTOM), variant.name
    assert formats == {"AVIF", "WEBP", "JPEG"} if "avif" in FORMATS else {"WEBP", "JPEG"}


def test_second_run_encodes_nothing_and_a_changed_setting_only_redoes_what_it_changes(tmp_path):
    site = write(tmp_path, {"content/tin/bai/a.jpg": phone_jpeg(500, 400)})
    plan, first, _ = processed(site, "![A](a.jpg)")
    _, second, _ = processed(site, "![A](a.jpg)")
    assert (first.encoded, second.encoded, second.variants) == (len(plan.variants), 0, len(plan.variants))
    # `quality` is for JPEG and WebP: AVIF files keep their names and stay cached.
    _, third, _ = processed(site, "![A](a.jpg)", replace(SETTINGS, quality=60))
    assert third.encoded == sum(v.fmt in ("jpeg", "webp") for v in plan.variants) < len(plan.variants)


def test_results_are_byte_identical_across_cold_runs_serial_or_in_the_pool(tmp_path):
    photos = {"content/tin/bai/a.jpg": phone_jpeg(500, 400, orientation=6), "content/tin/bai/b.jpg": phone_jpeg(300, 200)}
    one, two = write(tmp_path / "one", photos), write(tmp_path / "two", photos)
    plan, serial, _ = processed(one, "![A](a.jpg)\n\n![B](b.jpg)")
    _, pooled, _ = processed(two, "![A](a.jpg)\n\n![B](b.jpg)", workers=2)
    assert serial.encoded == pooled.encoded == len(plan.variants)
    for variant in plan.variants:
        assert cached_bytes(cache_path(one / ".cache/images", variant)) == \
            cached_bytes(cache_path(two / ".cache/images", variant)) is not None


def test_a_variant_has_the_same_bytes_whichever_other_variants_are_encoded_with_it(tmp_path):
    """A later build encodes only the variants its cache lacks; each must come out as a
    clean build, which encodes all of them at once, makes it. A JPEG decoded at 1/8 scale
    for a small variant alone, but at full scale beside a large one (here the 1200-pixel
    OpenGraph crop), would give the small one other pixels under the same name."""
    # Fine detail (noise), which a coarser decode loses differently than flat bands of colour.
    grain = Image.merge("RGB", [Image.effect_noise((1200, 1600), 60 + 20 * band) for band in range(3)])
    site = write(tmp_path, {"content/tin/bai/a.jpg": bench_photos.phone_jpeg(grain, 6, quality=90, gps=False)})
    settings = ImageSettings(widths=(150,), formats=("jpeg",), thumbnail_widths=(100,))
    plan, first, _ = processed(site, "![A](a.jpg)", settings)
    assert first.encoded == len(plan.variants) and max(v.width for v in plan.variants) >= 1200
    for variant in plan.variants:
        if variant.width < 400:
            made_with_the_others = cached_bytes(cache_path(site / ".cache/images", variant))
            cache_path(site / ".cache/images", variant).unlink()
            _, again, _ = processed(site, "![A](a.jpg)", settings)
            assert again.encoded == 1
            assert cached_bytes(cache_path(site / ".cache/images", variant)) == made_with_the_others, variant.name


def test_the_same_photo_in_several_bundles_is_decoded_and_encoded_once(tmp_path, monkeypatch):
    """One photo copied into three articles' folders (twice as anh.jpg, once saved as IMG_1234.jpg):
    a cold build decoded it once for each copy and encoded the renamed copy's variants again, the
    same pixels under other names. Every variant is still made, the copies' the same bytes."""
    import generator.imageproc as imageproc
    photo = phone_jpeg(800, 600, orientation=6)
    site = write(tmp_path, {"content/tin/a/anh.jpg": photo, "content/tin/b/anh.jpg": photo,
                            "content/tin/c/IMG_1234.jpg": photo})
    articles = [replace(make_article(f"![Lễ ra quân]({name})", source=f"content/tin/{folder}/index.md"),
                        slug=folder, url=f"/tin/{folder}/")
                for folder, name in (("a", "anh.jpg"), ("b", "anh.jpg"), ("c", "IMG_1234.jpg"))]
    plan, problems = plan_images(site, articles, SETTINGS)
    assert problems == [] and len(plan.sources) == 3
    encoded = []
    monkeypatch.setattr(imageproc, "encode_variant", lambda *args: encoded.append(args[1]) or
                        Image.new("RGB", (1, 1)).tobytes() + args[1].name.rsplit("-", 2)[1].encode())
    report, problems = process_images(site, plan, workers=1)
    recipes = {variant.name.rsplit("-", 2)[1]: variant for variant in plan.variants}  # (the hash of what made it)
    assert problems == [] and report.photos == 1 and len(encoded) == len(recipes) < len(plan.variants)
    for variant in plan.variants:  # (each of its names cached, with the bytes of its recipe)
        assert cached_bytes(cache_path(site / ".cache/images", variant)).endswith(variant.name.rsplit("-", 2)[1].encode())


def test_a_photo_copied_into_two_bundles_that_fails_is_told_at_both(tmp_path, monkeypatch):
    import generator.imageproc as imageproc
    photo = phone_jpeg(400, 300)
    site = write(tmp_path, {"content/tin/a/anh.jpg": photo, "content/tin/b/anh.jpg": photo})
    articles = [replace(make_article("![Lễ ra quân](anh.jpg)", source=f"content/tin/{folder}/index.md"),
                        slug=folder, url=f"/tin/{folder}/") for folder in "ab"]
    plan, _ = plan_images(site, articles, SETTINGS)

    def broken(job, need):
        raise OSError("broken data stream when reading image file")
    monkeypatch.setattr(imageproc, "_open_upright", broken)
    _, problems = process_images(site, plan, workers=1)
    assert sorted((str(p.location.path), p.location.line) for p in problems) == [
        ("content/tin/a/index.md", 10), ("content/tin/b/index.md", 10)]


def test_a_truncated_photo_is_reported_at_each_line_that_uses_it(tmp_path):
    """Found when the photo is planned, not only when the pool decodes it: `check`, which decodes
    nothing, says it too (its header is fine; the JPEG's end marker is missing)."""
    whole = phone_jpeg(800, 600)
    site = write(tmp_path, {"content/tin/bai/cut.jpg": whole[: len(whole) // 2]})
    plan, problems = plan_images(site, [make_article("Mở đầu.\n\n![Ảnh hỏng](cut.jpg)", image="cut.jpg")], SETTINGS)
    assert [str(p) for p in problems] == [
        "content/tin/bai/index.md:6: error[truncated-image]: 'cut.jpg': the image file is cut off (truncated); upload it again",
        "content/tin/bai/index.md:12: error[truncated-image]: 'cut.jpg': the image file is cut off (truncated); upload it again",
    ]
    assert plan.variants == ()


def test_a_photo_with_data_after_its_end_marker_is_neither_refused_nor_decoded_when_planned(tmp_path, monkeypatch):
    """Phones append data after a JPEG's end (a motion photo's clip): the photo is whole, and
    planning it, which every build does, decodes none of its pixels."""
    from PIL import ImageFile
    site = write(tmp_path, {"content/tin/bai/a.jpg": phone_jpeg(800, 600) + b"ftypmp42" + bytes(range(256)) * 40})
    decoded = []
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda im: decoded.append(im))
    plan, problems = plan_images(site, [make_article("![Ảnh động](a.jpg)")], SETTINGS)
    assert problems == [] and plan.variants and decoded == []


def test_transparent_png_keeps_alpha_in_webp_and_turns_white_in_jpeg(tmp_path):
    im = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    im.paste((200, 20, 20, 255), (0, 0, 150, 200))
    path = tmp_path / "content/tin/bai/logo.png"
    path.parent.mkdir(parents=True)
    im.save(path)
    plan, _, problems = processed(tmp_path, "![Logo](logo.png)", replace(SETTINGS, formats=("webp", "jpeg")))
    assert problems == []
    for variant in plan.variants:
        with Image.open(io.BytesIO(cached_bytes(cache_path(tmp_path / ".cache/images", variant)))) as out:
            corner = out.convert("RGBA").getpixel((out.width - 1, 0))
            assert corner[3] == 0 if variant.fmt == "webp" else close(corner, (255, 255, 255))


def test_a_cut_off_png_or_webp_is_an_error_not_a_traceback(tmp_path):
    noise = Image.effect_noise((600, 400), 50).convert("RGB")
    files = {}
    for name, fmt in (("cut.png", "PNG"), ("cut.webp", "WEBP")):
        out = io.BytesIO()
        noise.save(out, fmt)
        files[f"content/tin/bai/{name}"] = out.getvalue()[: len(out.getvalue()) // 2]
    site = write(tmp_path, files)
    _, problems = plan_images(site, [make_article("![Ảnh](cut.png)\n![Ảnh](cut.webp)")], SETTINGS)
    assert [(p.location.line, p.code) for p in problems] == [(10, "truncated-image"), (11, "broken-image")]
