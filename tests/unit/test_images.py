"""Planning photos: references, paths, widths, crops, names and every bad input's problem."""
from __future__ import annotations

import io
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from PIL import Image

from generator import messages
from generator.config import parse_config
from generator.images import body_references, crop_box, on_a_computer, plan_images, resolve_reference, target_widths
from generator.model import Article, Cover, ImageSettings
from tests.photos import phone_jpeg, png_header_claiming

SETTINGS = ImageSettings(widths=(480, 800, 1200, 1600), formats=("webp", "jpeg"), thumbnail_widths=(360,))


def make_article(body: str = "", image: str = "", source: str = "content/tin/bai/index.md", image_focus: str = "",
                 **more) -> Article:
    return Article(source=source, title="Bài", date=datetime(2026, 1, 21, tzinfo=timezone.utc), has_time=False,
                   units=("u",), category="tin", campaigns=(), slug="bai", url="/tin/bai/", body=body, body_line=10,
                   bundle_dir=source.rsplit("/", 1)[0], cover=Cover(image, "", image_focus, 6 if image else 0), **more)


def write(site: Path, files: dict[str, bytes]) -> Path:
    for rel, data in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
    return site


def test_references_resolve_from_the_article_or_the_site_root_and_never_leave_it():
    source = "content/tin/bai/index.md"
    assert resolve_reference(source, "anh.jpg") == "content/tin/bai/anh.jpg"
    assert resolve_reference(source, "./anh%20to.jpg") == "content/tin/bai/anh to.jpg"
    assert resolve_reference(source, "../../../assets/logo.png") == "assets/logo.png"
    assert resolve_reference(source, "/assets/anh/a.jpg") == "assets/anh/a.jpg"
    assert resolve_reference(source, "../../../../etc/passwd.jpg") is None


def test_widths_are_never_upscaled_and_a_small_photo_keeps_its_own_width():
    assert target_widths(4000, (480, 800, 1200, 1600)) == (480, 800, 1200, 1600)
    assert target_widths(1000, (480, 800, 1200, 1600)) == (480, 800, 1000)
    assert target_widths(300, (480, 800)) == (300,)
    assert target_widths(800, (480, 800)) == (480, 800)


def test_crop_box_has_the_ratio_and_follows_the_focal_point_inside_the_photo():
    assert crop_box(3000, 3000, (3, 2), (0.5, 0.5)) == (0, 500, 3000, 2500)
    assert crop_box(3000, 3000, (3, 2), (0.5, 0.0)) == (0, 0, 3000, 2000)  # a face near the top stays in
    assert crop_box(4000, 1000, (3, 2), (0.9, 0.5)) == (2500, 0, 4000, 1000)  # clamped to the right edge
    left, top, right, bottom = crop_box(1200, 1600, (1200, 630), (0.5, 0.3))
    assert (right - left, bottom - top) == (1200, 630)


def test_body_scan_finds_each_image_with_its_line_alt_and_title():
    body = 'Đoạn một.\n\n![Tổ công tác](a.jpg "Chú thích")\n\nChữ ![](<b c.png>) giữa dòng\n\n[anh]: d.jpg\n'
    article = make_article(body)  # its body starts on line 10
    assert body_references(article.body, article.body_line) == [
        (12, "Tổ công tác", "a.jpg", "Chú thích"), (14, "", "b c.png", None), (16, None, "d.jpg", None)]


def test_body_scan_reads_raw_img_tags_as_a_browser_does():
    body = ('<p><img alt="Hiện &amp; trường" src="a%20b.jpg"> và <IMG SRC=c.jpg></p>\n\n'
            '<img src="" alt="trống"> <img alt="không có src"> <img src = \'d.jpg\' />\n\n'
            '`<img src="vi-du.jpg">` ![Ảnh](e.jpg) <img\n  alt="Hai dòng"\n  src="f.jpg">\n')
    assert body_references(body, 10) == [(10, "Hiện & trường", "a%20b.jpg", None), (10, "", "c.jpg", None),
                                         (12, "", "d.jpg", None), (14, "Ảnh", "e.jpg", None),
                                         (14, "Hai dòng", "f.jpg", None)]


def test_plan_gives_pictures_with_true_sizes_and_names_hashed_on_bytes_and_settings(tmp_path):
    site = write(tmp_path, {"content/tin/bai/anh.jpg": phone_jpeg(1000, 750, orientation=6)})
    article = make_article("![Ảnh](anh.jpg)")
    plan, problems = plan_images(site, [article], SETTINGS)
    assert problems == []
    source = plan.sources["content/tin/bai/anh.jpg"]
    assert (source.width, source.height, source.orientation) == (1000, 750, 6)
    picture = plan.pictures["content/tin/bai/anh.jpg"]
    assert (picture.width, picture.height) == (1000, 750)
    assert [fmt for fmt, _ in picture.srcsets] == ["webp", "jpeg"]
    assert [w for _, w in dict(picture.srcsets)["jpeg"]] == [480, 800, 1000]
    assert picture.fallback.endswith("-800.jpg") and picture.fallback.startswith("images/anh-")
    thumb = plan.thumbnails["/tin/bai/"]
    assert (thumb.width, thumb.height) == (360, 240)
    assert (plan.og_images["/tin/bai/"].width, plan.og_images["/tin/bai/"].height) == (1000, 525)

    names = {v.name for v in plan.variants}
    better, _ = plan_images(site, [article], replace(SETTINGS, quality=90))
    assert {v.name for v in better.variants if v.fmt == "jpeg"}.isdisjoint(names)
    write(site, {"content/tin/bai/anh.jpg": phone_jpeg(1000, 750, orientation=6, gps=False)})
    changed, _ = plan_images(site, [article], SETTINGS)
    assert {v.name for v in changed.variants}.isdisjoint(names)


def test_cover_comes_first_for_the_thumbnail_else_the_first_body_image(tmp_path):
    site = write(tmp_path, {"content/tin/bai/bia.jpg": phone_jpeg(900, 600), "content/tin/bai/than.jpg": phone_jpeg(600, 900)})
    with_cover, _ = plan_images(site, [make_article("![a](than.jpg)", image="bia.jpg")], SETTINGS)
    without, _ = plan_images(site, [make_article("![a](than.jpg)")], SETTINGS)
    assert with_cover.covers["/tin/bai/"] == "content/tin/bai/bia.jpg"
    assert with_cover.thumbnails["/tin/bai/"].fallback.startswith("images/bia-")
    assert without.thumbnails["/tin/bai/"].fallback.startswith("images/than-")
    assert plan_images(site, [make_article("Không có ảnh.")], SETTINGS)[0].thumbnails == {}


def test_each_bad_input_is_a_problem_at_the_line_that_names_it(tmp_path):
    site = write(tmp_path, {
        "content/tin/bai/khong-phai-anh.jpg": b"GIF? no, a text file\n",
        "content/tin/bai/bom.png": png_header_claiming(100_000, 100_000),
        "content/tin/bai/to.jpg": phone_jpeg(1200, 1000),
        "content/tin/bai/tot.jpg": phone_jpeg(300, 200),
        "outside.jpg": phone_jpeg(100, 100),
    })
    body = "\n".join(["![Ra ngoài](../../../../bi-mat.jpg)", "![Thiếu](khong-co.jpg)",
                      "![Giả](khong-phai-anh.jpg)", "![Bom](bom.png)", "![Quá lớn](to.jpg)", "![](tot.jpg)",
                      "![Ngoài web](https://example.vn/a.jpg)"])
    article = make_article(body, image="https://example.vn/bia.jpg")
    _, problems = plan_images(site, [article], replace(SETTINGS, max_megapixels=1))
    assert [str(p) for p in problems] == [
        "content/tin/bai/index.md:6: error[remote-image]: the cover image 'https://example.vn/bia.jpg' must be a file "
        "beside the article or under assets/, not a web address",
        "content/tin/bai/index.md:10: error[image-outside-site]: the image '../../../../bi-mat.jpg' is outside the "
        "site folder; put it beside the article or under assets/",
        "content/tin/bai/index.md:11: error[missing-image]: the image 'khong-co.jpg' does not exist "
        "(content/tin/bai/khong-co.jpg)",
        "content/tin/bai/index.md:15: warning[missing-alt]: the image 'tot.jpg' has no alt text; describe it for "
        "readers who cannot see it",
        "content/tin/bai/index.md:16: warning[remote-image]: the image 'https://example.vn/a.jpg' is loaded from "
        "another site: it is not resized for phones and vanishes if that site removes it; save it beside the article",
        "content/tin/bai/index.md:13: error[decompression-bomb]: 'bom.png': 10,000 MP is more than can be decoded "
        "safely; this looks like a decompression bomb, not a photo",
        "content/tin/bai/index.md:12: error[not-an-image]: 'khong-phai-anh.jpg': the file is not a photo this build can read (JPEG, PNG, WebP, HEIC), or it is damaged",
        "content/tin/bai/index.md:14: error[decompression-bomb]: 'to.jpg': 1200×1000 pixels is more than "
        "images.max_megapixels (1 MP): save a smaller copy of the photo (a phone's high-resolution mode makes such), "
        "or raise [images] max_megapixels in site.toml",
    ]


def test_a_photo_git_lfs_never_fetched_is_told_as_such(tmp_path):
    """A CI checkout without LFS holds a pointer for each photo: it was "not a photo this build
    can read, or damaged", and the editor's copy was fine."""
    pointer = (b"version https://git-lfs.github.com/spec/v1\n"
               b"oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 2345678\n")
    site = write(tmp_path, {"content/tin/bai/le-ra-quan.jpg": pointer})
    _, problems = plan_images(site, [make_article("![Lễ ra quân](le-ra-quan.jpg)")], SETTINGS)
    assert [(p.code, p.message) for p in problems] == [(
        "lfs-pointer", "'le-ra-quan.jpg': this file is a Git LFS pointer, a few lines naming the file, not the file "
        "itself: the repository keeps it in Git LFS and this checkout never fetched it; run 'git lfs pull' (in CI, "
        "fetch LFS files with the checkout: GitHub's actions/checkout with 'lfs: true')")]
    assert messages.problem_message(problems[0], "vi").startswith(
        "'le-ra-quan.jpg': tệp này là con trỏ Git LFS (vài dòng chỉ tới tệp), không phải tệp thật")


def test_the_megapixels_site_toml_allows_are_the_limit_not_pillows(tmp_path):
    """A phone's 108 MP photo was refused as a decompression bomb by Pillow's own ~89.5 MP limit
    whatever images.max_megapixels said, and a 95 MP one under the default 100 MP too."""
    def png(width, height):
        out = io.BytesIO()
        Image.new("1", (width, height)).save(out, "PNG")  # (1 bit a pixel: small to make and to store)
        return out.getvalue()
    site = write(tmp_path, {"content/tin/bai/a95.png": png(10_000, 9_500), "content/tin/bai/a108.png": png(12_000, 9_000)})
    article = make_article("![Ảnh 95 MP](a95.png)\n\n![Ảnh 108 MP](a108.png)")
    _, problems = plan_images(site, [article], SETTINGS)
    assert [(p.code, p.message.split(":")[0]) for p in problems] == [("decompression-bomb", "'a108.png'")]
    assert "12000×9000 pixels is more than images.max_megapixels (100 MP)" in problems[0].message
    _, problems = plan_images(site, [article], replace(SETTINGS, max_megapixels=120))
    assert problems == []


def test_a_symlink_out_of_the_site_is_outside_the_site(tmp_path):
    secret = write(tmp_path / "elsewhere", {"secret.jpg": phone_jpeg(100, 100)})
    site = write(tmp_path / "site", {"content/tin/bai/x.txt": b""})
    (site / "content/tin/bai/link.jpg").symlink_to(secret / "secret.jpg")
    _, problems = plan_images(site, [make_article("![Ảnh](link.jpg)")], SETTINGS)
    assert [p.code for p in problems] == ["image-outside-site"]


def test_images_table_is_typed_and_unknown_keys_are_errors():
    text = '[images]\nwidths = [800, 480]\nthumbnail_ratio = "16:9"\nfocal_point = "50% 30%"\nformats = ["webp", "jpeg"]\n'
    config, problems = parse_config({"title": "a", "base_url": "https://x.vn/", "images": {
        "widths": [800, 480], "thumbnail_ratio": "16:9", "focal_point": "50% 30%", "formats": ["webp", "jpeg"]}}, text)
    assert problems == []
    assert config.images == ImageSettings(widths=(480, 800), formats=("webp", "jpeg"), thumbnail_ratio=(16, 9),
                                          focal_point=(0.5, 0.3))
    bad = '[images]\nquality = 300\nformats = ["gif"]\nthumbnail_ratio = "rộng"\nsize = 3\n'
    _, problems = parse_config({"title": "a", "base_url": "https://x.vn/", "images": {
        "quality": 300, "formats": ["gif"], "thumbnail_ratio": "rộng", "size": 3}}, bad)
    assert sorted(str(p) for p in problems) == [
        "site.toml:2: error[bad-value]: 'images.quality' must be between 1 and 100",
        "site.toml:3: error[bad-value]: 'images.formats' may list avif, webp, jpeg and must include jpeg (the fallback)",
        "site.toml:4: error[bad-value]: 'images.thumbnail_ratio' must look like \"3:2\", not 'rộng'",
        "site.toml:5: error[unknown-key]: unknown key 'images.size'",
    ]


def test_a_photo_in_a_raw_img_tag_is_planned_and_checked_like_a_markdown_one(tmp_path):
    site = write(tmp_path, {"content/tin/bai/a.jpg": phone_jpeg(300, 200)})
    body = 'Đoạn.\n\n<img src="a.jpg" alt="Ảnh">\n\n<img src="https://example.vn/x.png">\n\n<img src="a.jpg">\n'
    plan, problems = plan_images(site, [make_article(body)], SETTINGS)
    assert sorted(plan.sources) == ["content/tin/bai/a.jpg"]
    assert [str(p) for p in problems] == [
        "content/tin/bai/index.md:14: warning[missing-alt]: the image 'https://example.vn/x.png' has no alt text; "
        "describe it for readers who cannot see it",
        "content/tin/bai/index.md:14: warning[remote-image]: the image 'https://example.vn/x.png' is loaded from "
        "another site: it is not resized for phones and vanishes if that site removes it; save it beside the article",
        "content/tin/bai/index.md:16: warning[missing-alt]: the image 'a.jpg' has no alt text; "
        "describe it for readers who cannot see it"]
    _, problems = plan_images(site, [make_article('Đoạn.\n\n<img src="khong-co.jpg" alt="Mất">\n')], SETTINGS)
    assert [str(p) for p in problems] == [
        "content/tin/bai/index.md:12: error[missing-image]: the image 'khong-co.jpg' does not exist "
        "(content/tin/bai/khong-co.jpg)"]


def test_images_inside_code_are_examples_not_photos():
    body = ("Viết ảnh như sau:\n\n```markdown\n![Ảnh](khong-co.jpg)\n```\n\n"
            "Hoặc `![x](cung-khong.jpg)` trong câu.\n\n![Ảnh thật](that.jpg)\n")
    found = body_references(body, 6)
    assert [(line, src) for line, _, src, _ in found] == [(14, "that.jpg")]


def test_every_way_of_writing_a_photo_reaches_the_plan(tmp_path):
    """Bodies without '![', ']:' or '<img' skip the scan; these three forms must not."""
    site = write(tmp_path, {f"content/tin/bai/{name}.jpg": phone_jpeg(300, 200) for name in "abc"})
    body = "Đoạn.\n\n![Ảnh một](a.jpg)\n\n![Ảnh hai][hai]\n\n[hai]: b.jpg\n\n<IMG SRC='c.jpg' ALT='Ảnh ba'>\n"
    plan, problems = plan_images(site, [make_article(body)], SETTINGS)
    assert sorted(plan.sources) == [f"content/tin/bai/{name}.jpg" for name in "abc"]
    assert problems == []
    plan, problems = plan_images(site, [make_article("Chỉ có chữ [và liên kết](../khac/index.md).\n")], SETTINGS)
    assert not plan.sources and not problems


def test_a_path_on_the_editors_computer_is_told_apart_from_a_web_address_and_a_name():
    assert on_a_computer(r"C:\Users\bientap\Pictures\anh-bia.jpg") == "anh-bia.jpg"
    assert on_a_computer("d:/Anh/Tet 2026/") == "Tet 2026"
    assert on_a_computer("file:///C:/Users/b/k%E1%BA%BF-ho%E1%BA%A1ch.docx") == "kế-hoạch.docx"
    assert on_a_computer(r"\\may-chu\chung\bao-cao.pdf") == "bao-cao.pdf"
    for fine in ("anh.jpg", "anh\\mot.jpg", "../bai/index.md", "/assets/logo.png", "https://ca.example.vn/a.jpg",
                 "//cdn.example.vn/a.jpg", "mailto:a@b.vn", "tel:0221", "#muc-1", "data:image/png;base64,AA=="):
        assert on_a_computer(fine) is None, fine


def test_a_folder_named_as_a_photo_is_told_as_a_folder(tmp_path):
    """`image: anh` for the folder of the photos said the image "does not exist"."""
    site = write(tmp_path, {"content/tin/bai/anh/ra-quan.jpg": phone_jpeg(300, 200)})
    _, problems = plan_images(site, [make_article("![Lễ ra quân](anh)", image="anh/")], SETTINGS)
    assert sorted(str(p) for p in problems) == [
        "content/tin/bai/index.md:10: error[not-an-image]: the image 'anh' is a folder, not a photo: write the photo's "
        "own name, e.g. 'anh/ra-quan.jpg'",
        "content/tin/bai/index.md:6: error[not-an-image]: the cover image 'anh/' is a folder, not a photo: write the "
        "photo's own name, e.g. 'anh/ra-quan.jpg'"]
    assert messages.describe(problems[0], "vi").endswith("là một thư mục, không phải ảnh: hãy ghi tên tệp ảnh, ví dụ "
                                                         "'anh/ra-quan.jpg'")


def test_a_youtube_address_written_as_a_picture_is_no_photo_to_warn_about(tmp_path):
    """`![Lễ ra quân](https://youtu.be/…)` is the video's player (videos.py): not a photo from
    another site, nor one without alt text."""
    body = "Đoạn.\n\n![Lễ ra quân](https://youtu.be/dQw4w9WgXcQ)\n\n![](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n"
    plan, problems = plan_images(write(tmp_path, {}), [make_article(body)], SETTINGS)
    assert list(problems) == [] and not plan.sources
