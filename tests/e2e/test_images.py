"""Full builds with photos: what a reader's browser gets, what leaks (nothing), what an editor is told."""
from __future__ import annotations

import base64
import io
import random
import re
from pathlib import Path

import pytest
from PIL import Image

from generator import messages
from generator.pipeline import BuildOptions, build

from tests.conftest import Built, SITE_TOML, article, clean_tree, cli_here, run_cli, text_of, tree
from tests.photos import BOTTOM, TOP, metadata_of, phone_heic, phone_jpeg

IMAGES_TOML = SITE_TOML + '\n[images]\nwidths = [320, 640, 1200]\nthumbnail_widths = [160, 320]\n'
RA_QUAN = "/tin-hoat-dong/ra-quan-dot-cao-diem/"
BODY = ("Sáng 21/1, lực lượng Cảnh sát giao thông ra quân.\n\n"
        '![Cán bộ kiểm tra nồng độ cồn](kiem-tra.jpg "Tổ công tác kiểm tra nồng độ cồn. Ảnh: Minh Khôi")\n\n'
        "Lực lượng tuần tra ![biển báo](/assets/anh/bien-bao.jpg) trên quốc lộ.\n\n"
        "![Chốt kiểm soát trên quốc lộ 39](chot.jpg)\n\n"
        # HTML pasted from another editor: photos in raw <img> tags are processed too.
        '<div class="anh-dan"><img src="hien-truong.jpg"\n  alt="Hiện trường" width="1600" height="1000"></div>\n\n'
        "Sơ đồ chốt <IMG SRC='chot.jpg' ALT='Chốt số 2'> ở ngã tư.\n\n"
        "Xem [văn bản](ke-hoach.pdf).\n")
FILES = {
    "content/tin-hoat-dong/ra-quan/index.md": article(
        "Ra quân đợt cao điểm", body=BODY, featured="true", image="le-ra-quan.jpg",
        image_caption='"Lễ ra quân tại quảng trường trung tâm tỉnh"'),
    "content/tin-hoat-dong/ra-quan/le-ra-quan.jpg": phone_jpeg(1600, 1000),
    "content/tin-hoat-dong/ra-quan/kiem-tra.jpg": phone_jpeg(900, 1200, orientation=6),
    "content/tin-hoat-dong/ra-quan/chot.jpg": phone_jpeg(500, 400),
    "content/tin-hoat-dong/ra-quan/hien-truong.jpg": phone_jpeg(700, 500),
    "content/tin-hoat-dong/ra-quan/ke-hoach.pdf": b"%PDF-1.4 ke hoach\n",
    "content/tin-hoat-dong/ra-quan/khong-dung.jpg": phone_jpeg(300, 200),
    "assets/anh/bien-bao.jpg": phone_jpeg(400, 400),
    "content/tin-hoat-dong/hoi-nghi.md": article("Hội nghị tổng kết", "2026-01-10", body="Không có ảnh."),
}
ORIGINALS = [v for k, v in FILES.items() if k.endswith(".jpg")]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One build shared by the read-only tests below: encoding photos is the slow part."""
    site = tmp_path_factory.mktemp("images") / "site"
    for rel, data in {**FILES, "site.toml": IMAGES_TOML}.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    result = Built(build(BuildOptions(site_dir=site, out_dir=site / "public")), site / "public")
    assert result.result.ok, result.messages
    return result


def output_file(built, url: str) -> Path:
    assert url.startswith("/images/"), url
    return built.out / url.lstrip("/")


def srcset_entries(srcset: str) -> list[tuple[str, int]]:
    return [(url, int(w[:-1])) for url, w in (part.split() for part in srcset.split(", "))]


def test_body_photos_are_pictures_with_true_sizes_and_figures_with_captions(built):
    body = built.page(RA_QUAN).find("div", class_="body")
    figures = body.find_all("figure")
    assert [text_of(f.figcaption) for f in figures] == ["Tổ công tác kiểm tra nồng độ cồn. Ảnh: Minh Khôi",
                                                        "Chốt kiểm soát trên quốc lộ 39"]
    paragraph = body.find(string=re.compile("Lực lượng tuần tra")).parent
    assert paragraph.name == "p" and text_of(paragraph) == "Lực lượng tuần tra trên quốc lộ."
    assert paragraph.picture.img["alt"] == "biển báo"  # inside a sentence: a picture, not a figure
    for picture in body.find_all("picture"):
        assert [s["type"] for s in picture.find_all("source")] == ["image/avif", "image/webp"]
        img = picture.img
        assert (img["loading"], img["decoding"]) == ("lazy", "async")
        largest = None
        for srcset in [s["srcset"] for s in picture.find_all("source")] + [img["srcset"]]:
            for url, width in srcset_entries(srcset):
                with Image.open(output_file(built, url)) as im:
                    assert im.width == width, url
                    largest = im.size if largest is None or im.width > largest[0] else largest
        assert (int(img["width"]), int(img["height"])) == largest
        assert output_file(built, img["src"]).is_file() and img["src"].endswith(".jpg")
    portrait = figures[0].img
    assert int(portrait["height"]) > int(portrait["width"])  # the sideways phone photo stands upright
    assert "vh" in portrait["sizes"]  # shown at most a screen tall, so it asks for fewer pixels
    assert [w for _, w in srcset_entries(figures[1].img["srcset"])] == [320, 500]  # never upscaled


def test_photos_in_raw_img_tags_become_pictures_of_the_processed_photo(built):
    body = built.page(RA_QUAN).find("div", class_="body")
    assert [img["src"] for img in body.find_all("img") if not img["src"].startswith("/images/")] == []
    pasted = body.find("div", class_="anh-dan").picture
    assert (pasted.img["alt"], pasted.img["width"], pasted.img["height"]) == ("Hiện trường", "700", "500")
    assert [w for _, w in srcset_entries(pasted.img["srcset"])] == [320, 640, 700]
    inline = body.find(string=re.compile("Sơ đồ chốt")).parent
    assert inline.name == "p" and inline.picture.img["alt"] == "Chốt số 2"
    assert inline.picture.img["src"] == body.find_all("figure")[-1].img["src"]  # the same photo, the same variants
    assert not (built.out / RA_QUAN.strip("/") / "hien-truong.jpg").exists()


def test_cover_loads_first_with_its_caption_and_the_page_has_an_og_image(built):
    page = built.page(RA_QUAN)
    cover = page.find("figure", class_="cover")
    assert (cover.img["loading"], cover.img["fetchpriority"], cover.img["decoding"]) == ("eager", "high", "async")
    assert cover.img["alt"] == "Lễ ra quân tại quảng trường trung tâm tỉnh"
    assert text_of(cover.figcaption) == "Lễ ra quân tại quảng trường trung tâm tỉnh"
    assert cover.find_next("div", class_="body") is not None  # above the text
    og = page.find("meta", property="og:image")["content"]
    assert og.startswith("https://congan.example.vn/images/le-ra-quan-")
    with Image.open(built.out / og.split("congan.example.vn/")[1]) as im:
        assert (im.format, im.size) == ("JPEG", (1200, 630))
    assert page.find("meta", property="og:image:width")["content"] == "1200"


def test_lists_show_cropped_thumbnails_or_a_placeholder(built):
    cards = {text_of(c.find(class_="card-title")): c for c in built.page("/tin-hoat-dong/").find_all("article", class_="card")}
    photo = cards["Ra quân đợt cao điểm"].find("picture", class_="thumb")
    for url, width in srcset_entries(photo.img["srcset"]):
        with Image.open(output_file(built, url)) as im:
            assert (im.width, im.height) == (width, round(width * 2 / 3))  # the 3:2 crop
    assert photo.img["loading"] == "lazy"
    assert cards["Hội nghị tổng kết"].find("picture") is None
    assert text_of(cards["Hội nghị tổng kết"].find(class_="thumb-placeholder")) == "★ Tin hoạt động"
    home_card = built.page("/").find("section", class_="featured").find("article", class_="card")
    assert home_card.find("picture", class_="thumb") is not None
    related = built.page("/tin-hoat-dong/hoi-nghi-tong-ket/").find("section", class_="related")
    assert related.find("picture", class_="thumb").img["sizes"] == "96px"


def test_the_home_page_s_first_featured_photo_is_fetched_at_once_and_first(built):
    """It is in the first screen, the page's largest paint (LCP): a lazy photo waits for the
    layout before it is even asked for. The same article's card elsewhere stays lazy."""
    home_card = built.page("/").find("section", class_="featured").find("article", class_="card")
    img = home_card.find("picture", class_="thumb").img
    assert (img["loading"], img.get("fetchpriority")) == ("eager", "high")
    listed = built.page("/tin-hoat-dong/").find("picture", class_="thumb").img
    assert listed["loading"] == "lazy" and not listed.get("fetchpriority")


def test_no_original_and_no_metadata_reach_the_output(built):
    published = [p for p in built.out.rglob("*") if p.is_file()]
    images = [p for p in published if p.suffix in (".jpg", ".webp", ".avif", ".png")]
    assert images and all(p.parent == built.out / "images" for p in images)
    assert {p.suffix for p in images} == {".jpg", ".webp", ".avif"}
    for path in images:
        data = path.read_bytes()
        assert data not in ORIGINALS
        assert metadata_of(data) == {"exif": {}, "gps": {}, "exif_ifd": {}, "info": [], "app": []}, path.name
        assert b"Nguyen Van Phong vien" not in data and b"PhoneMaker" not in data
    assert not any("khong-dung" in p.name for p in published)  # unreferenced photos are not published either
    assert (built.out / "tin-hoat-dong/ra-quan-dot-cao-diem/ke-hoach.pdf").read_bytes() == b"%PDF-1.4 ke hoach\n"


def test_second_build_encodes_nothing_and_publishes_the_same_bytes(make_site, build_site, tmp_path):
    site = make_site(FILES, IMAGES_TOML)
    first = build_site(site, tmp_path / "out1")
    second = build_site(site, tmp_path / "out2")
    assert first.result.images.encoded == first.result.images.variants > 0
    assert (second.result.images.encoded, second.result.images.variants) == (0, first.result.images.variants)
    files = sorted(p.relative_to(first.out) for p in first.out.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second.out) for p in second.out.rglob("*") if p.is_file())
    assert all((first.out / f).read_bytes() == (second.out / f).read_bytes() for f in files)


def test_cli_reports_image_count_and_time(make_site):
    site = make_site(FILES, IMAGES_TOML)
    result = cli_here("build", "--site", str(site), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert re.search(r"\d+ image files from 5 photos \(\d+ encoded, 0 cached, \d+\.\d\d s\)", result.stdout)
    again = cli_here("build", "--site", str(site), "--lang", "en")
    assert re.search(r"from 5 photos \(0 encoded, \d+ cached", again.stdout), again.stdout


def test_bad_photos_fail_the_build_with_every_line_and_keep_the_old_site(make_site, build_site):
    site = make_site(FILES, IMAGES_TOML)
    assert build_site(site).result.ok
    whole = phone_jpeg(800, 600)
    (site / "content/tin-hoat-dong/hoi-nghi.md").write_text(article(
        "Hội nghị tổng kết", "2026-01-10", body="![Ảnh](../../../ngoai.jpg)\n\n![Ảnh](mat.jpg)\n\n![](hong.jpg)\n"),
        encoding="utf-8")
    (site / "content/tin-hoat-dong/hong.jpg").write_bytes(whole[:3000])
    result = cli_here("build", "--site", str(site), "--lang", "en")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "content/tin-hoat-dong/hoi-nghi.md:8: error[image-outside-site]: the image '../../../ngoai.jpg' is outside "
        "the site folder; put it beside the article or under assets/",
        "content/tin-hoat-dong/hoi-nghi.md:10: error[missing-image]: the image 'mat.jpg' does not exist "
        "(content/tin-hoat-dong/mat.jpg)",
        "content/tin-hoat-dong/hoi-nghi.md:12: warning[missing-alt]: the image 'hong.jpg' has no alt text; "
        "describe it for readers who cannot see it",
        # (in the same run: its end marker is missing, so it is decoded when planned)
        "content/tin-hoat-dong/hoi-nghi.md:12: error[truncated-image]: 'hong.jpg': the image file is cut off "
        "(truncated); upload it again",
        "Build failed: 3 error(s); the previous output was left untouched.",
    ]
    (site / "content/tin-hoat-dong/hoi-nghi.md").write_text(article(
        "Hội nghị tổng kết", "2026-01-10", body="![Ảnh hỏng](hong.jpg)\n"), encoding="utf-8")
    result = cli_here("build", "--site", str(site), "--lang", "en")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == ("content/tin-hoat-dong/hoi-nghi.md:8: error[truncated-image]: "
                                             "'hong.jpg': the image file is cut off (truncated); upload it again")
    assert "Traceback" not in result.stderr
    assert (site / "public/tin-hoat-dong/hoi-nghi-tong-ket/index.html").is_file()


def test_an_iphone_heic_photo_is_published_upright_as_web_formats_without_its_tags(make_site, build_site):
    heic = phone_heic(900, 1200, orientation=6)
    site = make_site({
        "content/tin-hoat-dong/tuan-tra/index.md": article(
            "Tuần tra đêm", body="Tổ tuần tra làm nhiệm vụ.\n\n"
                                 '![Tổ tuần tra trên đường](IMG_0412.HEIC "Tổ tuần tra lúc 23 giờ")\n'),
        "content/tin-hoat-dong/tuan-tra/IMG_0412.HEIC": heic,
    }, IMAGES_TOML)
    built = build_site(site)
    assert built.result.ok, built.messages
    figure = built.page("/tin-hoat-dong/tuan-tra-dem/").find("div", class_="body").find("figure")
    assert text_of(figure.figcaption) == "Tổ tuần tra lúc 23 giờ"
    assert [s["type"] for s in figure.find_all("source")] == ["image/avif", "image/webp"]
    img = figure.img
    assert (int(img["width"]), int(img["height"])) == (900, 1200)  # upright, as the phone showed it
    urls = [url for srcset in [s["srcset"] for s in figure.find_all("source")] + [img["srcset"]]
            for url, _ in srcset_entries(srcset)]
    assert {url.rsplit(".", 1)[1] for url in urls} == {"avif", "webp", "jpg"}
    for url in urls:
        data = output_file(built, url).read_bytes()
        assert metadata_of(data)["gps"] == {} and b"Nguyen Van Phong vien" not in data, url
    with Image.open(output_file(built, img["src"])) as im:
        im = im.convert("RGB")
        top, bottom = im.getpixel((im.width // 2, 5)), im.getpixel((im.width // 2, im.height - 5))
    assert all(abs(a - b) < 40 for a, b in zip(top, TOP)) and all(abs(a - b) < 40 for a, b in zip(bottom, BOTTOM))
    published = [p for p in built.out.rglob("*") if p.is_file()]
    assert not [p for p in published if p.suffix.lower() in (".heic", ".heif") or p.read_bytes() == heic]


def test_the_bundled_demo_portal_shows_its_photos_upright_and_untagged(tmp_path):
    from tests.conftest import REPO
    result = build(BuildOptions(site_dir=REPO, out_dir=tmp_path / "demo"))
    assert result.ok, [str(p) for p in result.problems]
    demo = Built(result, tmp_path / "demo")
    covers = [p for p in (tmp_path / "demo").rglob("index.html") if 'class="cover"' in p.read_text(encoding="utf-8")]
    assert len(covers) >= 3
    page = demo.page("/tin-hoat-dong/cong-an-tinh-ra-quan-dot-cao-diem-bao-dam-trat-tu-an-toan-giao-thong-dip-tet-binh-ngo-2026/")
    figure = page.find("div", class_="body").find("figure")
    assert text_of(figure.figcaption).startswith("Tổ công tác Phòng Cảnh sát giao thông kiểm tra nồng độ cồn")
    with Image.open(output_file(demo, figure.img["src"])) as im:  # stored sideways with EXIF orientation 6
        assert im.height > im.width
    for path in (tmp_path / "demo/images").iterdir():
        assert metadata_of(path.read_bytes())["gps"] == {} and b"Nguyen Van Phong vien" not in path.read_bytes()


def test_incremental_builds_follow_photo_edits_exactly_like_a_clean_build(make_site, tmp_path):
    site = make_site(FILES, IMAGES_TOML)
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    before = tree(out)
    # The same file name, new pixels: names, srcsets, the cached body HTML and thumbnails must all follow.
    (site / "content/tin-hoat-dong/ra-quan/chot.jpg").write_bytes(phone_jpeg(600, 300))
    (site / "content/tin-hoat-dong/ra-quan/le-ra-quan.jpg").write_bytes(phone_jpeg(1500, 1000, gps=False))
    (site / "content/tin-hoat-dong/ra-quan/hien-truong.jpg").write_bytes(phone_jpeg(500, 700))
    second = build(BuildOptions(site_dir=site, out_dir=out))
    assert second.ok and second.images.encoded > 0
    clean = build(BuildOptions(site_dir=site, out_dir=tmp_path / "clean", use_cache=False))
    assert clean.ok and clean.images.encoded == clean.images.variants  # --no-cache: nothing reused …
    after = tree(out)
    assert after == tree(tmp_path / "clean")
    old = {name for name in before if name.startswith(("images/chot-", "images/le-ra-quan-", "images/hien-truong-"))}
    assert old and old.isdisjoint(after)  # replaced variants are pruned from the output
    page = Built(second, out).page(RA_QUAN)
    figure = page.find_all("figure")[-1]
    assert [w for _, w in srcset_entries(figure.img["srcset"])] == [320, 600]
    pasted = page.find("div", class_="anh-dan").img
    assert (pasted["width"], pasted["height"]) == ("500", "700")


@pytest.mark.parametrize("edit_too", [False, True])
def test_a_published_photo_changed_in_place_is_put_back(make_site, tmp_path, edit_too):
    """Something rewrote published photos in place, keeping their size (an optimiser run over
    the output, a half-finished upload): the next build puts them back as a clean build writes
    them, whether or not an article changed meanwhile."""
    site = make_site(FILES, IMAGES_TOML)
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    published = sorted((out / "images").iterdir())
    for photo in published[::3]:
        data = bytearray(photo.read_bytes())
        data[len(data) // 2] ^= 0xFF
        photo.write_bytes(bytes(data))
    if edit_too:
        edited = site / "content/tin-hoat-dong/hoi-nghi.md"
        edited.write_text(edited.read_text(encoding="utf-8") + "\nThêm một câu.\n", encoding="utf-8")
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    assert tree(out) == clean_tree(site, tmp_path / "clean")


def test_a_damaged_photo_in_the_cache_is_made_again_not_published(make_site, tmp_path):
    """Every cache entry is sealed: a cached variant cut short or with a flipped bit (a disk
    fault, a cache restored half-way in CI) is made again, never copied into the site."""
    site = make_site(FILES, IMAGES_TOML)
    assert build(BuildOptions(site_dir=site, out_dir=tmp_path / "first")).ok
    cached = sorted(p for p in (site / ".cache/images").iterdir() if not p.name.startswith("."))
    for n, path in enumerate(cached[::2]):
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2] if n % 2 else data[:-9] + bytes([data[-9] ^ 1]) + data[-8:])
    result = build(BuildOptions(site_dir=site, out_dir=tmp_path / "second"))  # a new output takes every variant
    assert result.ok, result.problems
    assert tree(tmp_path / "second") == clean_tree(site, tmp_path / "clean")


def test_no_cache_builds_leave_no_image_cache_behind(make_site, tmp_path):
    site = make_site(FILES, IMAGES_TOML)
    result = build(BuildOptions(site_dir=site, out_dir=tmp_path / "out", use_cache=False))
    assert result.ok and result.images.encoded == result.images.variants > 0
    assert not (site / ".cache").exists()
    assert len(list((tmp_path / "out/images").iterdir())) == result.images.variants


def test_replaced_photos_leave_the_cache_after_two_unused_weeks(make_site, tmp_path):
    from datetime import datetime, timedelta, timezone

    from generator.imageproc import KEEP_UNUSED_DAYS

    site = make_site({"content/tin-hoat-dong/bai/index.md": article("Bài có ảnh", body="![Lễ ra quân](anh.jpg)\n"),
                      "content/tin-hoat-dong/bai/anh.jpg": phone_jpeg(640, 480)})
    cache = site / ".cache/images"
    start = datetime(2026, 2, 1, 8, 0, tzinfo=timezone.utc)

    def build_on(day: int) -> set[str]:
        result = build(BuildOptions(site_dir=site, out_dir=tmp_path / "out", now=start + timedelta(days=day)))
        assert result.ok, result.problems
        return {p.name for p in cache.iterdir() if not p.name.startswith(".")}

    first = build_on(0)
    (site / "content/tin-hoat-dong/bai/anh.jpg").write_bytes(phone_jpeg(800, 600))  # the editor replaced the photo
    second = build_on(1)
    assert first < second  # the old variants are kept a while: switching back costs nothing
    assert build_on(KEEP_UNUSED_DAYS) == second
    third = build_on(KEEP_UNUSED_DAYS + 2)
    assert third == second - first and third  # unused for more than two weeks: gone; the photo in use stays
    published = {p.name for p in (tmp_path / "out").rglob("*") if p.suffix in (".jpg", ".webp", ".avif")}
    assert published and published <= third


def test_a_photo_named_with_spaces_and_parentheses_is_shown(make_site, build_site):
    """Windows names a copy "Ảnh hiện trường (1).jpg", Zalo saves "Ảnh chụp 2026-12-05 09.30.jpg":
    Markdown takes such a name as written, and so must the photo plan."""
    body = ("Mở đầu.\n\n![Hiện trường](Ảnh hiện trường (1).jpg)\n\n"
            '![Lực lượng](Ảnh chụp 2026-12-05 09.30.jpg "Lực lượng ra quân")\n')
    built = build_site(make_site({"content/tin-hoat-dong/ra-quan/index.md": article("Ra quân", body=body),
                                  "content/tin-hoat-dong/ra-quan/Ảnh hiện trường (1).jpg": phone_jpeg(800, 600),
                                  "content/tin-hoat-dong/ra-quan/Ảnh chụp 2026-12-05 09.30.jpg": phone_jpeg(600, 800)}))
    assert built.result.ok, built.messages
    figures = built.page("/tin-hoat-dong/ra-quan/").find("div", class_="body").find_all("figure")
    assert [text_of(f.figcaption) for f in figures] == ["Hiện trường", "Lực lượng ra quân"]
    for figure, (width, height) in zip(figures, [(800, 600), (600, 800)]):
        with Image.open(output_file(built, figure.img["src"])) as im:
            assert (im.width, im.height) == (width, height)


def test_a_long_infographic_is_shown_narrower_than_webp_s_limit_not_a_traceback(make_site, build_site):
    """A vertical infographic taller than WebP allows (16,383 pixels) ended the build with
    'encoding error 5' from the encoder. Each of its variants is now scaled to fit."""
    strip = Image.new("RGB", (400, 40000), (20, 60, 160))
    for y in range(0, 40000, 4000):  # bands, so that a variant squashed out of ratio would show
        strip.paste((230, 200, 40), (0, y, 400, y + 2000))
    data = io.BytesIO()
    strip.save(data, "PNG")
    built = build_site(make_site({"content/tin-hoat-dong/ra-quan/index.md": article(
        "Ra quân", body="Mở đầu.\n\n![Infographic kết quả ra quân](infographic.png)\n"),
        "content/tin-hoat-dong/ra-quan/infographic.png": data.getvalue()}))
    assert built.result.ok, built.messages
    picture = built.page("/tin-hoat-dong/ra-quan/").find("div", class_="body").find("picture")
    sources = [(source["type"], srcset_entries(source["srcset"])) for source in picture.find_all("source")]
    assert sources and all(entries for _, entries in sources)
    for url, width in [*(e for _, entries in sources for e in entries), (picture.img["src"], 0)]:
        with Image.open(output_file(built, url)) as im:
            assert max(im.size) <= 16383 and abs(im.height / im.width - 100) < 1, (url, im.size)
            assert width in (0, im.width)
    assert int(picture.img["width"]) * 100 == int(picture.img["height"])


def test_a_photo_with_damaged_exif_tags_is_published_without_pillow_s_words_on_the_terminal(make_site):
    photo = io.BytesIO()  # an orientation tag that claims more bytes than the EXIF block holds
    Image.new("RGB", (800, 600), (90, 120, 40)).save(photo, "JPEG", exif=(
        b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x09\x00\x00"))
    site = make_site({"content/tin-hoat-dong/ra-quan/index.md": article("Ra quân", body="![Lực lượng](anh.jpg)\n"),
                      "content/tin-hoat-dong/ra-quan/anh.jpg": photo.getvalue()})
    done = run_cli("build", "--site", str(site), "--lang", "en")  # (its own process: pytest catches warnings)
    assert done.returncode == 0, done.stderr
    assert "EXIF" not in done.stderr + done.stdout and "Warning" not in done.stderr, done.stderr
    assert list((site / "public/images").glob("anh-*-800.jpg"))


def test_an_svg_drawing_given_as_a_photo_is_told_to_be_exported_as_png(make_site):
    drawing = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    site = make_site({"content/tin-hoat-dong/ra-quan/index.md": article("Ra quân", body="![Sơ đồ chốt](so-do.svg)\n"),
                      "content/tin-hoat-dong/ra-quan/so-do.svg": drawing})
    done = cli_here("build", "--site", str(site), "--lang", "en")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[0] == (
        "content/tin-hoat-dong/ra-quan/index.md:8: error[not-an-image]: 'so-do.svg': an SVG drawing is not published "
        "as a photo (it can hold scripts); export it as PNG and write that name")


def test_a_cover_the_body_also_shows_appears_once_on_the_page(make_site, build_site):
    """`image: anh.jpg` for the thumbnail and the social card, and the same photo at the top
    of the body: readers see it once, where the body puts it, not twice one under the other."""
    body = "![Lễ ra quân](anh.jpg)\n\nSáng nay, lễ ra quân diễn ra tại quảng trường.\n\n![Diễu hành](khac.jpg)\n"
    files = {"content/tin-hoat-dong/ra-quan/index.md": article("Ra quân", body=body, image="anh.jpg"),
             "content/tin-hoat-dong/ra-quan/anh.jpg": phone_jpeg(900, 600),
             "content/tin-hoat-dong/ra-quan/khac.jpg": phone_jpeg(600, 900),
             "content/tin-hoat-dong/tuan-tra/index.md": article("Tuần tra", "2026-01-20", body=body, image="bia.jpg"),
             "content/tin-hoat-dong/tuan-tra/bia.jpg": phone_jpeg(1000, 500),
             "content/tin-hoat-dong/tuan-tra/anh.jpg": phone_jpeg(900, 600),
             "content/tin-hoat-dong/tuan-tra/khac.jpg": phone_jpeg(600, 900)}
    built = build_site(make_site(files))
    assert built.result.ok, built.messages

    def photos_on(url: str) -> list[str]:  # which photo each is, by its variants' name: anh-1a2b3c4d5e-800.jpg
        return [re.fullmatch(r"/images/(.+)-[0-9a-f]{10}-\d+\.jpg", img["src"]).group(1)
                for img in built.page(url).find("article").find_all("img")]
    assert photos_on("/tin-hoat-dong/ra-quan/") == ["anh", "khac"]
    assert photos_on("/tin-hoat-dong/tuan-tra/") == ["bia", "anh", "khac"]  # a cover of its own: above the text
    page = built.page("/tin-hoat-dong/ra-quan/")
    assert page.find("figure", class_="cover") is None
    with Image.open(output_file(built, page.find("meta", property="og:image")["content"].split(".vn", 1)[1])) as im:
        assert im.width / im.height == pytest.approx(1200 / 630, rel=0.01)  # the social card is still the cover
    card = built.page("/tin-hoat-dong/").find("article", class_="card")
    assert text_of(card.find(class_="card-title")) == "Ra quân" and card.find("img") is not None


def test_a_cover_the_body_also_shows_keeps_its_caption_there(make_site, build_site):
    """`image_caption` (the caption and the photographer's credit) of a cover the body shows, alone
    or in a gallery, under no caption of its own: the cover is not shown above the text, and the
    caption was shown nowhere, in the page or its feed. It is the body's photo's caption; a caption
    the body writes under the photo itself stays."""
    caption = '"Cán bộ chiến sĩ tại lễ ra quân. Ảnh: Anh Dũng"'
    files = {"content/tin-hoat-dong/ra-quan/index.md": article(
                 "Ra quân", image="anh.jpg", image_caption=caption,
                 body="Sáng nay, lễ ra quân.\n\n![Lễ ra quân](anh.jpg)\n\n![Diễu hành](khac.jpg)\n"),
             "content/tin-hoat-dong/chum-anh/index.md": article(
                 "Chùm ảnh", "2026-01-20", image="b.jpg", image_caption=caption,
                 body="Hình ảnh:\n\n![Ảnh 1](a.jpg) ![Ảnh 2](b.jpg) ![Ảnh 3](c.jpg)\n"),
             "content/tin-hoat-dong/tu-chu-thich/index.md": article(
                 "Tự chú thích", "2026-01-19", image="anh.jpg", image_caption=caption,
                 body='Sáng nay.\n\n![Lễ ra quân](anh.jpg "Chú thích của bài. Ảnh: Minh Khôi")\n')}
    for folder, names in (("ra-quan", "anh khac"), ("chum-anh", "a b c"), ("tu-chu-thich", "anh")):
        for name in names.split():
            files[f"content/tin-hoat-dong/{folder}/{name}.jpg"] = phone_jpeg(900, 600)
    built = build_site(make_site(files))
    assert built.result.ok, built.messages
    shown = "Cán bộ chiến sĩ tại lễ ra quân. Ảnh: Anh Dũng"
    page = built.page("/tin-hoat-dong/ra-quan/")
    assert page.find("figure", class_="cover") is None  # still shown once, where the body puts it
    assert [text_of(f) for f in page.select(".article .body figure figcaption")] == [shown, "Diễu hành"]
    cells = built.page("/tin-hoat-dong/chum-anh/").select(".article .body .gallery figure figcaption")
    assert [text_of(f) for f in cells] == ["Ảnh 1", shown, "Ảnh 3"]
    own = built.page("/tin-hoat-dong/tu-chu-thich/").select(".article .body figure figcaption")
    assert [text_of(f) for f in own] == ["Chú thích của bài. Ảnh: Minh Khôi"]
    feed = (built.out / "atom.xml").read_text(encoding="utf-8")
    assert feed.count(shown) == 2  # (as text of the two entries' bodies)


def test_a_cover_the_body_shows_in_pasted_html_or_in_a_sentence_keeps_its_caption(make_site, build_site):
    """The cover shown by the body's raw HTML (`<div><img src="anh.jpg"></div>`, `<img>` in a
    sentence) or by a Markdown photo in a sentence is not shown above the text, and its
    `image_caption` was shown nowhere: it is under the photo, in a figure where one may be."""
    caption = '"Cán bộ chiến sĩ tại lễ ra quân. Ảnh: Anh Dũng"'
    bodies = {"trong-khung": 'Sáng nay.\n\n<div class="anh"><img src="anh.jpg" alt="Lễ ra quân"></div>\n',
              "trong-cau": 'Sáng nay, lực lượng ra quân <img src="anh.jpg" alt="Lễ ra quân"> tại quảng trường.\n',
              "trong-cau-md": "Sáng nay, lực lượng ra quân ![Lễ ra quân](anh.jpg) tại quảng trường.\n",
              "tu-chu-thich": '<div><img src="anh.jpg" alt="Lễ ra quân" title="Chú thích riêng"></div>\n'}
    files = {}
    for number, (folder, body) in enumerate(bodies.items()):
        files[f"content/tin-hoat-dong/{folder}/index.md"] = article(
            folder, f"2026-01-2{number}", slug=folder, image="anh.jpg", image_caption=caption, body=body)
        files[f"content/tin-hoat-dong/{folder}/anh.jpg"] = phone_jpeg(900, 600)
    built = build_site(make_site(files))
    assert built.result.ok, built.messages
    shown = "Cán bộ chiến sĩ tại lễ ra quân. Ảnh: Anh Dũng"
    for folder in bodies:
        page = built.page(f"/tin-hoat-dong/{folder}/")
        assert page.find("figure", class_="cover") is None, folder  # shown once, where the body puts it
        assert len(page.select(".article .body picture")) == 1, folder
    framed = built.page("/tin-hoat-dong/trong-khung/").select_one(".article .body div.anh figure")
    assert framed.picture is not None and text_of(framed.figcaption) == shown
    for folder in ("trong-cau", "trong-cau-md"):
        paragraph = built.page(f"/tin-hoat-dong/{folder}/").select_one(".article .body p")
        assert text_of(paragraph) == f"Sáng nay, lực lượng ra quân {shown} tại quảng trường."
        assert paragraph.select_one(".cover-caption").find_previous_sibling().name in ("picture", "a")
    assert shown not in text_of(built.page("/tin-hoat-dong/tu-chu-thich/").select_one(".article"))


def test_a_cover_pasted_with_its_own_caption_is_not_captioned_twice(make_site, build_site):
    """`<figure class="image"><img src="anh.jpg"><figcaption>Ảnh: …</figcaption></figure>`, or the photo
    then its caption line in italics, as old portals' web editors wrote them: the body writes the cover's
    caption under it, and the image_caption was put under the photo as well, two captions under one photo."""
    bodies = {"khung": '<figure class="image"><img src="anh.jpg" alt="Lễ ra quân">'
                       '<figcaption>Lễ ra quân. Ảnh: Báo cũ</figcaption></figure>\n',
              "lien-ket": '<figure><a href="https://congan.example.vn/"><img src="anh.jpg" alt="Lễ ra quân"></a>'
                          '<figcaption>Lễ ra quân. Ảnh: Báo cũ</figcaption></figure>\n',
              "dong-duoi": '<p style="text-align:center"><img src="anh.jpg" alt="Lễ ra quân"></p>\n'
                           '<p style="text-align:center"><em>Lễ ra quân. Ảnh: Báo cũ</em></p>\n',
              "bang": '<table class="image"><tr><td><img src="anh.jpg" alt="Lễ ra quân"></td></tr>'
                      '<tr><td><i>Lễ ra quân. Ảnh: Báo cũ</i></td></tr></table>\n',
              "markdown": '<div><img src="anh.jpg" alt="Lễ ra quân"></div>\n\n*Lễ ra quân. Ảnh: Báo cũ*\n',
              "tin-anh": '<div><img src="anh.jpg" alt="Lễ ra quân"></div>\n\n(Ảnh: Báo cũ)\n'}
    files = {}
    for number, (folder, body) in enumerate(bodies.items()):
        files[f"content/tin-hoat-dong/{folder}/index.md"] = article(
            folder, f"2026-01-2{number}", slug=folder, image="anh.jpg", image_caption='"Ảnh: Anh Dũng"', body=body)
        files[f"content/tin-hoat-dong/{folder}/anh.jpg"] = phone_jpeg(900, 600)
    # A paragraph of text under it is no caption, even one starting "Ảnh hưởng" (influence).
    files["content/tin-hoat-dong/bao/index.md"] = article(
        "bao", "2026-01-19", slug="bao", image="anh.jpg", image_caption='"Ảnh: Anh Dũng"',
        body='<div><img src="anh.jpg" alt="Bão"></div>\n\nẢnh hưởng của bão số 3, nhiều cây đổ.\n')
    files["content/tin-hoat-dong/bao/anh.jpg"] = phone_jpeg(900, 600)
    built = build_site(make_site(files))
    assert built.result.ok, built.messages
    assert text_of(built.page("/tin-hoat-dong/bao/").select_one(".article .body figcaption")) == "Ảnh: Anh Dũng"
    for folder in bodies:
        body = built.page(f"/tin-hoat-dong/{folder}/").select_one(".article .body")
        assert "Anh Dũng" not in text_of(body) and "Báo cũ" in text_of(body), folder
        assert len(body.select("figure")) <= 1 and len(body.select("picture")) == 1, folder
    assert text_of(built.page("/tin-hoat-dong/khung/").select_one(".article .body figcaption")) == \
        "Lễ ra quân. Ảnh: Báo cũ"


def test_a_cover_pasted_with_its_caption_ending_in_a_credit_shows_the_credit_once(make_site, build_site):
    """The old portal's caption cell (or line) under a photo reads "Lễ ra quân (Ảnh: Nguyễn Văn A)", the
    cover's image_caption too: a caption that ends with its credit, not starting "Ảnh…" nor in italics,
    was not seen as the body's caption, and image_caption was put under the photo as well: the same
    credit twice. A Markdown photo's line or paragraph so written is its caption."""
    caption = "Lễ ra quân (Ảnh: Nguyễn Văn A)"
    bodies = {"bang": '<table class="image"><tbody><tr><td><img src="anh.jpg" alt="Lễ ra quân"></td></tr>'
                      f'<tr><td class="image_desc">{caption}</td></tr></tbody></table>\n',
              "khung": f'<div class="image"><img src="anh.jpg" alt="Lễ ra quân"><p>{caption}</p></div>\n',
              "doan": f'<p style="text-align:center"><img src="anh.jpg" alt="Lễ ra quân"></p>\n<p>{caption}</p>\n',
              # the credit in italics, the words before it in bold: one line of words all the same
              "nghieng": '<table class="image"><tr><td><img src="anh.jpg" alt="Lễ ra quân"></td></tr>'
                         '<tr><td><p>Lễ ra quân <em>(Ảnh: Nguyễn Văn A)</em></p></td></tr></table>\n',
              "dam": '<div><img src="anh.jpg" alt="Lễ ra quân"></div>\n<p><strong>Lễ ra quân</strong> (Ảnh: Nguyễn Văn A)</p>\n',
              "dong": f"![Lễ ra quân](anh.jpg)\n{caption}\n",
              "doan-md": f"![Lễ ra quân](anh.jpg)\n\n{caption}\n"}
    files = {}
    for number, (folder, body) in enumerate(bodies.items()):
        files[f"content/tin-hoat-dong/{folder}/index.md"] = article(
            folder, f"2026-01-2{number}", slug=folder, image="anh.jpg", image_caption=f'"{caption}"',
            body=f"Sáng nay.\n\n{body}\nCâu văn tiếp theo.\n")
        files[f"content/tin-hoat-dong/{folder}/anh.jpg"] = phone_jpeg(900, 600)
    files["content/tin-hoat-dong/khong-bia/index.md"] = article(  # (no cover: the credit is the caption)
        "khong-bia", "2026-01-19", slug="khong-bia",
        body="![Lễ ra quân](anh.jpg)\n\nLễ ra quân. Ảnh: Minh Khôi\n\n![Tuần tra](anh.jpg)\nCâu văn (ảnh bên).\n\n"
             "![Tiếp dân](anh.jpg)\n\nNgười dân có thể gửi hình ảnh: qua Zalo của Công an xã.\n")
    files["content/tin-hoat-dong/khong-bia/anh.jpg"] = phone_jpeg(900, 600)
    built = build_site(make_site(files))
    assert built.result.ok, built.messages
    for folder in bodies:
        body = built.page(f"/tin-hoat-dong/{folder}/").select_one(".article .body")
        assert text_of(body).count("Nguyễn Văn A") == 1 and len(body.select("picture")) == 1, folder
        assert text_of(body).endswith("Câu văn tiếp theo."), folder
    for folder in ("dong", "doan-md"):
        body = built.page(f"/tin-hoat-dong/{folder}/").select_one(".article .body")
        assert [text_of(f) for f in body.select("figure > figcaption")] == [caption], folder
    body = built.page("/tin-hoat-dong/khong-bia/").select_one(".article .body")
    assert [text_of(f) for f in body.select("figure > figcaption")] == ["Lễ ra quân. Ảnh: Minh Khôi", "Tuần tra",
                                                                        "Tiếp dân"]
    assert [text_of(p) for p in body.find_all("p")] == ["Câu văn (ảnh bên).",
                                                        "Người dân có thể gửi hình ảnh: qua Zalo của Công an xã."]


def test_a_cover_named_in_another_case_than_the_body_s_photo_is_still_shown_once(make_site, build_site):
    """`image: ANH.JPG` for the body's `![…](anh.jpg)`, one file (a photo is found whatever the case of
    its name): the page showed it twice, one under the other, as the cover and as the body's photo."""
    site = make_site({"content/tin-hoat-dong/a/index.md": article(
                          "Ảnh", image="ANH.JPG", image_caption='"Lễ ra quân. Ảnh: Anh Dũng"',
                          body="Sáng nay.\n\n![Lễ ra quân](anh.jpg)\n"),
                      "content/tin-hoat-dong/a/anh.jpg": phone_jpeg(900, 600)})
    built = build_site(site)
    assert built.result.ok, built.messages
    page = built.page("/tin-hoat-dong/anh/")
    assert page.find("figure", class_="cover") is None
    assert [text_of(f.figcaption) for f in page.select(".article figure")] == ["Lễ ra quân. Ảnh: Anh Dũng"]
    assert page.find("meta", property="og:image") is not None


def test_a_cover_caption_without_a_cover_is_a_warning_at_its_line(make_site, build_site):
    """`image_caption` with no `image` (the line left out, or lost when the front-matter was copied
    from another article): the card's photo is the body's first, and the caption and credit were
    shown nowhere, without a word."""
    site = make_site({"content/tin-hoat-dong/a/index.md": article(
                          "Ảnh", image_caption='"Lễ ra quân. Ảnh: Anh Dũng"', body="![Lễ ra quân](anh.jpg)\n"),
                      "content/tin-hoat-dong/a/anh.jpg": phone_jpeg(400, 300)})
    built = build_site(site)
    assert built.result.ok
    assert [str(p) for p in built.result.problems] == [
        "content/tin-hoat-dong/a/index.md:6: warning[caption-without-image]: 'image_caption' is the caption of "
        "the cover, and there is no 'image': it is shown nowhere; name the cover with image: (image: anh-bia.jpg), "
        "or move the caption under the photo in the text"]
    assert messages.problem_message(built.result.problems[0], "vi") == (
        "'image_caption' là chú thích của ảnh đại diện, nhưng bài không có 'image': chú thích này không hiện ở đâu; "
        "hãy ghi ảnh đại diện (image: anh-bia.jpg), hoặc chuyển chú thích xuống dưới ảnh trong bài")


def test_a_photo_named_not_quite_as_on_disk_gets_the_name_beside_the_article(make_site, build_site):
    """'/anh.jpg' (from the site's root), 'anh' (no extension), 'anh-bia.jpg' for
    'anh_bia.jpg': the photo is right there, and the error names it."""
    site = make_site({"content/tin-hoat-dong/a/index.md": article("Ảnh", image='"/anh.jpg"',
                                                                  body="![Bìa](anh-bia.jpg)\n\n![Khác](anh)\n"),
                      "content/tin-hoat-dong/a/anh.jpg": phone_jpeg(400, 300),
                      "content/tin-hoat-dong/a/anh_bia.jpg": phone_jpeg(400, 300)})
    built = build_site(site)
    hints = sorted(re.search(r"did you mean '(.*?)'", p.message).group(1) for p in built.result.problems
                   if p.code == "missing-image")
    assert hints == ["anh.jpg", "anh.jpg", "anh_bia.jpg"], built.messages
    # a merely similar name is another photo: no guess
    (site / "content/tin-hoat-dong/a/index.md").write_text(article("Ảnh", body="![Hai](anh-2.jpg)\n"), encoding="utf-8")
    (site / "content/tin-hoat-dong/a/anh-1.jpg").write_bytes(phone_jpeg(400, 300))
    [problem] = build_site(site).result.problems
    assert problem.code == "missing-image" and "did you mean" not in problem.message


def test_a_photo_named_with_another_extension_gets_the_name_beside_the_article(make_site, build_site):
    """'IMG_20261207_081530.jpeg' for the phone's 'IMG_20261207_081530.jpg' (Windows shows neither
    extension, only "JPEG image"), 'huy-hieu.jpg' for the emblem saved as 'huy-hieu.png': the photo is
    right there under the same name, and the error said only to check the name."""
    emblem = io.BytesIO()
    Image.new("RGBA", (300, 300), (200, 20, 20, 255)).save(emblem, "PNG")
    site = make_site({"content/tin-hoat-dong/a/index.md": article(
                          "Ảnh", image="huy-hieu.jpg", body="![Lễ ra quân](IMG_20261207_081530.jpeg)\n"),
                      "content/tin-hoat-dong/a/IMG_20261207_081530.jpg": phone_jpeg(400, 300),
                      "content/tin-hoat-dong/a/IMG_20261207_081531.jpg": phone_jpeg(400, 300),
                      "content/tin-hoat-dong/a/huy-hieu.png": emblem.getvalue()})
    built = build_site(site)
    hints = sorted(re.search(r"did you mean '(.*?)'", p.message).group(1) for p in built.result.problems
                   if p.code == "missing-image")
    assert hints == ["IMG_20261207_081530.jpg", "huy-hieu.png"], built.messages


def test_a_photo_written_as_static_publishes_it_is_told_where_a_photo_goes(make_site, build_site):
    """`![Ảnh](/anh/bia.jpg)` for static/anh/bia.jpg, written as the address the site publishes it
    at: the error said the photo did not exist, with the file right there."""
    site = make_site({"content/tin-hoat-dong/a.md": article("Ảnh", body="![Trụ sở](/anh/tru-so.jpg)\n"),
                      "static/anh/tru-so.jpg": phone_jpeg(400, 300)})
    [problem] = build_site(site).result.problems
    assert (problem.location.path, problem.location.line, problem.code) == ("content/tin-hoat-dong/a.md", 8, "missing-image")
    assert "static/anh/tru-so.jpg is published as it is" in problem.message
    assert "does not exist" not in problem.message
    assert messages.describe(problem, "vi").endswith(
        "không có ảnh '/anh/tru-so.jpg' trong thư mục trang; static/anh/tru-so.jpg được đăng nguyên như vậy, không được "
        "thu nhỏ cho điện thoại như một ảnh: hãy chuyển ảnh vào cạnh bài viết (hoặc vào assets/) và ghi tên ảnh ở đó")


def test_photos_pasted_one_per_line_are_each_a_figure_with_its_caption(make_site, build_site):
    """A phone's editor or Zalo joins photos line under line, no blank line between: each is
    a figure with its caption, as a photo alone in its paragraph is; the caption line under a
    photo stays with it, and the lines of text around them stay text."""
    body = ("Một số hình ảnh tại buổi lễ:\n![Lễ chào cờ](a.jpg)\n*Lễ chào cờ sáng 21/1*\n"
            "![Diễu hành](b.jpg)\n(Ảnh: Minh Khôi)\n![Trao thưởng](c.jpg)\n"
            "Sau buổi lễ, các tổ công tác ra quân.\nTuần tra đến 23 giờ.\n\n"
            "Biển báo ![biển](c.jpg) đặt ở ngã tư.\n![Chốt kiểm soát](a.jpg)\n")
    files = {"content/tin-hoat-dong/ra-quan/index.md": article("Ra quân", body=body)}
    for name, size in [("a", (800, 600)), ("b", (600, 800)), ("c", (640, 480))]:
        files[f"content/tin-hoat-dong/ra-quan/{name}.jpg"] = phone_jpeg(*size)
    built = build_site(make_site(files))
    assert built.result.ok, built.messages
    body_node = built.page("/tin-hoat-dong/ra-quan/").find("div", class_="body")
    shown = [(node.name, text_of(node.figcaption) if node.name == "figure" else text_of(node))
             for node in body_node.find_all(["p", "figure"], recursive=False)]
    assert shown == [("p", "Một số hình ảnh tại buổi lễ:"),
                     ("figure", "Lễ chào cờ sáng 21/1"), ("figure", "(Ảnh: Minh Khôi)"), ("figure", "Trao thưởng"),
                     ("p", "Sau buổi lễ, các tổ công tác ra quân. Tuần tra đến 23 giờ."),
                     ("p", "Biển báo đặt ở ngã tư."), ("figure", "Chốt kiểm soát")]
    assert [f.img["alt"] for f in body_node.find_all("figure")] == ["Lễ chào cờ", "Diễu hành", "Trao thưởng", "Chốt kiểm soát"]
    inline = body_node.find_all("p")[2]
    assert inline.picture.img["alt"] == "biển"  # inside a sentence: a picture in its line, not a figure
    assert len(inline.find_all("br")) == 0 and len(body_node.find_all("p")[1].find_all("br")) == 1


def test_photos_side_by_side_on_one_line_are_a_gallery_of_captioned_photos(make_site, build_site):
    """Photos put side by side, as in Word or on Facebook, are a grid of figures: each with its
    caption, fetched at the size of its cell, and a tap opens it whole. A photo inside a
    sentence, a clip beside a photo and a single photo are left as they were."""
    body = ("Một số hình ảnh:\n\n![Lễ chào cờ](a.jpg) ![Diễu hành](b.jpg \"Diễu hành qua phố\") ![Trao thưởng](c.jpg)\n\n"
            "![Hai](a.jpg)  ![Ba](b.jpg)\n\nBiển báo ![biển](c.jpg) ![biển hai](c.jpg) ở ngã tư.\n\n"
            "![Ảnh](a.jpg) ![Clip](clip.mp4)\n\n![Một mình](a.jpg)\n\n"
            "![Bốn](a.jpg) ![Năm](b.jpg)\n*Các đại biểu dự lễ. Ảnh: Minh Khôi*\n\n"
            "![Sáu](a.jpg) ![Bảy](c.jpg)\n\n*Toàn cảnh buổi lễ*\n\n"
            "![Tám](a.jpg) ![Chín](c.jpg)\nSau buổi lễ, các tổ ra quân.\n")
    files = {"content/tin-hoat-dong/ra-quan/index.md": article("Ra quân", body=body),
             "content/tin-hoat-dong/ra-quan/clip.mp4": b"\x00\x00\x00\x18ftypmp42"}
    for name, size in [("a", (800, 600)), ("b", (600, 800)), ("c", (640, 480))]:
        files[f"content/tin-hoat-dong/ra-quan/{name}.jpg"] = phone_jpeg(*size)
    built = build_site(make_site(files))
    assert built.result.ok, built.messages
    body_node = built.page("/tin-hoat-dong/ra-quan/").find("div", class_="body")
    galleries = body_node.find_all("div", class_="gallery")
    assert [[text_of(f.figcaption) for f in g.find_all("figure")] for g in galleries] == [
        ["Lễ chào cờ", "Diễu hành qua phố", "Trao thưởng"], ["Hai", "Ba"]]
    assert "gallery-three" in galleries[0]["class"] and "gallery-three" not in galleries[1]["class"]
    for figure in galleries[0].find_all("figure"):
        link = figure.a
        assert link.picture.img is not None and output_file(built, link["href"]).is_file()
        widest = max(srcset_entries(link.picture.img["srcset"]), key=lambda entry: entry[1])[0]
        assert link["href"] == widest  # the whole photo, at the largest width made
        assert "/ 3)" in link.picture.img["sizes"]  # a third of the column from 760 px
    phone_sizes = [f.img["sizes"].rsplit(", ", 1)[-1] for f in galleries[0].find_all("figure")]
    assert phone_sizes[0] == "calc(100vw - 4.325rem)" and all("/ 2)" in s for s in phone_sizes[1:])
    kept = [p for p in body_node.find_all("p", recursive=False) if p.find("picture") or p.find("video")]
    assert [len(p.find_all("picture")) for p in kept] == [2, 1, 2]  # the sentence, a photo beside a clip, photos over text
    assert [f.img["alt"] for f in body_node.find_all("figure", recursive=False) if "gallery" not in f.get("class", [])] == ["Một mình"]
    # The caption of them all: a line under them (or the next paragraph) as under a single photo.
    captioned = body_node.find_all("figure", class_="gallery", recursive=False)
    assert [(text_of(g.find("figcaption", recursive=False)), [text_of(f.figcaption) for f in g.find_all("figure")])
            for g in captioned] == [("Các đại biểu dự lễ. Ảnh: Minh Khôi", ["Bốn", "Năm"]),
                                    ("Toàn cảnh buổi lễ", ["Sáu", "Bảy"])]
    assert "Toàn cảnh buổi lễ" not in [text_of(p) for p in body_node.find_all("p")]
    text_under = body_node.find_all("p", recursive=False)[-1]  # a line of text under photos: no gallery
    assert len(text_under.find_all("picture")) == 2 and "Sau buổi lễ" in text_of(text_under)


def test_a_markdown_table_of_photos_with_captions_under_them_is_a_gallery(make_site, build_site):
    """A table laid out for photos, as earlier Word imports wrote one (photos in a row, their
    captions in the row under them), is a gallery of captioned photos; a table of figures and
    a table with a photo beside its text stay tables."""
    body = ("Trước.\n\n| ![](a.jpg) | ![](b.jpg) | ![](c.jpg) |\n| --- | --- | --- |\n"
            "| Ảnh 1: Đại biểu | Ảnh 2: Phát biểu | Ảnh 3: Trao thưởng |\n\n"
            "| Đơn vị | Số vụ |\n| --- | --- |\n| Công an huyện A | 12 |\n\n"
            "| Ảnh | Nội dung |\n| --- | --- |\n| ![Trao thưởng](a.jpg) | Đồng chí Giám đốc trao Bằng khen. |\n")
    files = {"content/tin-hoat-dong/ra-quan/index.md": article("Ra quân", body=body)}
    for name in "abc":
        files[f"content/tin-hoat-dong/ra-quan/{name}.jpg"] = phone_jpeg(800, 600)
    built = build_site(make_site(files))
    assert built.result.ok, built.messages
    body_node = built.page("/tin-hoat-dong/ra-quan/").find("div", class_="body")
    [gallery] = body_node.find_all("div", class_="gallery")
    assert [(f.img["alt"], text_of(f.figcaption)) for f in gallery.find_all("figure")] == [
        ("Ảnh 1: Đại biểu", "Ảnh 1: Đại biểu"), ("Ảnh 2: Phát biểu", "Ảnh 2: Phát biểu"),
        ("Ảnh 3: Trao thưởng", "Ảnh 3: Trao thưởng")]
    tables = body_node.find_all("table")
    assert [t.find("img") is not None for t in tables] == [False, True]
    # Each gallery photo's caption is its alt text: none is told it has no description.
    assert not [p for p in built.result.problems if p.code == "missing-alt"], built.messages


def test_a_photo_framed_with_its_caption_in_a_table_of_its_own_is_its_figure(make_site, build_site):
    """One photo and its caption in the cell under it (an old portal's frame of a photo, Word's
    too) was a table to scroll, named by its caption; a photo alone in a table stays one."""
    body = ("Trước.\n\n| ![](a.jpg) |\n| --- |\n| Ảnh: Tổ công tác kiểm tra |\n\n"
            "Giữa.\n\n| ![Biển báo](b.jpg) |\n| --- |\n\nSau.\n")
    files = {"content/tin-hoat-dong/ra-quan/index.md": article("Ra quân", body=body)}
    for name in "ab":
        files[f"content/tin-hoat-dong/ra-quan/{name}.jpg"] = phone_jpeg(800, 600)
    built = build_site(make_site(files))
    assert built.result.ok and not built.result.problems, built.messages  # (its caption is its description)
    body_node = built.page("/tin-hoat-dong/ra-quan/").find("div", class_="body")
    [figure] = body_node.find_all("figure")
    assert (figure.img["alt"], text_of(figure.figcaption)) == ("Ảnh: Tổ công tác kiểm tra", "Ảnh: Tổ công tác kiểm tra")
    [table] = body_node.find_all("table")
    assert table.find("img")["alt"] == "Biển báo"


def test_a_photo_table_pasted_as_html_is_a_figure_or_a_gallery(make_site, build_site):
    """An old portal's frame of a photo pasted as HTML (<table class="tplCaption">, its caption in the
    cell under it, <p>, <em>, <br>, style= and &nbsp; in its cells) and its photos in a row with their
    captions under them ("Một số hình ảnh") follow the rule of a Markdown table: a figure, a gallery;
    each was a table to scroll sideways, named "Bảng: …", its photos told they had no description.
    A table of anything else stays a table, as do the words around a table in its pasted block."""
    body = ('Trước.\n\n<table class="tplCaption" style="width: 100%;" align="center" border="0" cellpadding="3">\n'
            '<tbody>\n<tr>\n<td style="text-align: center;"><p><img style="width: 500px;" src="a.jpg" alt="" '
            'width="500" height="375" /></p></td>\n</tr>\n<tr>\n<td class="Image" style="text-align: center;">'
            '<p><em>Lãnh đạo Công an tỉnh&nbsp;phát biểu<br>(Ảnh: Minh Khôi)</em></p></td>\n</tr>\n</tbody>\n'
            '</table>\n\n<div class="noi-dung"><p>Một số hình ảnh:</p>\n<table><tr><td><img src="a.jpg"></td>'
            '<td><img src="b.jpg" alt="b.jpg"></td></tr>\n<tr><td>Đại biểu dự lễ</td><td><span>Trao&nbsp;thưởng'
            '</span></td></tr></table>\n<p>Hết phần ảnh.</p></div>\n\n'
            '<table><tr><th>Đơn vị</th><th>Số vụ</th></tr><tr><td>Công an huyện A</td><td>12</td></tr></table>\n\n'
            '<table><tr><td><img src="b.jpg"></td><td>Đồng chí Giám đốc trao Bằng khen cho các tập thể.</td></tr>'
            '</table>\n\nSau.\n\n> <table><tr><td><img src="a.jpg"></td></tr><tr><td>Ảnh: Trong trích dẫn</td></tr>'
            '</table>\n')
    files = {"content/tin-hoat-dong/ra-quan/index.md": article("Ra quân", body=body)}
    for name in "ab":
        files[f"content/tin-hoat-dong/ra-quan/{name}.jpg"] = phone_jpeg(800, 600)
    built = build_site(make_site(files))
    assert built.result.ok, built.messages
    # (the photo beside its text, and one in a quote (Python-Markdown keeps its tags aside one by one), in
    # tables that stay tables, still have no description)
    assert [(p.code, p.location.line) for p in built.result.problems] == [("missing-alt", 28), ("missing-alt", 32)], \
        built.messages
    body_node = built.page("/tin-hoat-dong/ra-quan/").find("div", class_="body")
    figure = body_node.find("figure", recursive=False)
    assert (figure.img["alt"], text_of(figure.figcaption)) == (
        "Lãnh đạo Công an tỉnh phát biểu (Ảnh: Minh Khôi)", "Lãnh đạo Công an tỉnh phát biểu (Ảnh: Minh Khôi)")
    [gallery] = body_node.find_all("div", class_="gallery")
    assert [(f.img["alt"], text_of(f.figcaption)) for f in gallery.find_all("figure")] == [
        ("Đại biểu dự lễ", "Đại biểu dự lễ"), ("Trao thưởng", "Trao thưởng")]
    assert [text_of(p) for p in gallery.parent.find_all("p")] == ["Một số hình ảnh:", "Hết phần ảnh."]
    assert gallery.parent.get("class") == ["noi-dung"]
    tables = body_node.find_all("table")
    assert [(t.find("img") is not None, t.find_parent(class_="bang-cuon")["aria-label"]) for t in tables] == [
        (False, "Bảng: Đơn vị"), (True, "Bảng: Đồng chí Giám đốc trao Bằng khen cho các tập thể."),
        (True, "Bảng: Ảnh: Trong trích dẫn")]
    assert text_of(body_node).startswith("Trước.") and "Sau." in text_of(body_node)


def test_a_photo_in_a_markdown_table_without_its_caption_still_lacks_a_description(make_site, build_site):
    body = ("| ![](a.jpg) | ![](b.jpg) |\n|:--|--:|\n\n"  # photos side by side, nothing under them
            "| ![](a.jpg) | ![](b.jpg) |\n| --- | --- |\n| Chỉ ảnh đầu có chú thích | |\n")
    files = {"content/tin-hoat-dong/ra-quan/index.md": article("Ra quân", body=body)}
    for name in "ab":
        files[f"content/tin-hoat-dong/ra-quan/{name}.jpg"] = phone_jpeg(800, 600)
    built = build_site(make_site(files))
    assert [(p.code, p.location.line, p.message.split("'")[1]) for p in built.result.problems] == [
        ("missing-alt", 8, "a.jpg"), ("missing-alt", 8, "b.jpg"), ("missing-alt", 11, "b.jpg")]


def test_a_picture_pasted_whole_shows_the_processed_photo_only(make_site, build_site):
    """HTML copied from another site holds a whole <picture>, its <source>s naming files beside
    the article (`anh.webp`) that are never published: a browser took the first and showed a
    broken photo, inside a second <picture> of ours."""
    body = ('Trước ảnh.\n\n<picture><source srcset="anh.webp" type="image/webp">'
            '<img src="anh.jpg" alt="Hiện trường"></picture>\n\n'
            '<div class="khung"><PICTURE>\n<source srcset="anh.webp 2x">\n<img src="anh.jpg" alt="Lần hai">\n</PICTURE></div>\n')
    built = build_site(make_site({"content/tin-hoat-dong/ra-quan/index.md": article("Ra quân", body=body),
                                  "content/tin-hoat-dong/ra-quan/anh.jpg": phone_jpeg(800, 600),
                                  "content/tin-hoat-dong/ra-quan/anh.webp": phone_jpeg(800, 600)}))
    assert built.result.ok, built.messages
    body_node = built.page("/tin-hoat-dong/ra-quan/").find("div", class_="body")
    pictures = body_node.find_all("picture")
    assert [p.img["alt"] for p in pictures] == ["Hiện trường", "Lần hai"]
    for picture in pictures:
        assert picture.find("picture") is None and picture.find_parent("picture") is None
        for source in picture.find_all("source"):
            for url, _ in srcset_entries(source["srcset"]):
                assert output_file(built, url).is_file(), url


def _box(kind: bytes, payload: bytes) -> bytes:
    return (8 + len(payload)).to_bytes(4, "big") + kind + payload


def _boxes(data: bytes, start: int = 0, end: int | None = None) -> list:
    """The box tree of an MP4/QuickTime file: (kind, size, children) of its containers."""
    end, found, at = len(data) if end is None else end, [], start
    while at + 8 <= end:
        size, kind = int.from_bytes(data[at:at + 4], "big"), data[at + 4:at + 8]
        inner = at + 8 + (4 if kind == b"meta" and data[at + 8:at + 12] == bytes(4) else 0)
        found.append((kind, size, _boxes(data, inner, at + size) if kind in (b"moov", b"udta", b"meta") else []))
        at += size
    return found


def test_a_clip_is_published_without_the_place_it_was_recorded(make_site, build_site):
    """A phone writes where a clip was recorded into it: an Android phone as the movie's `©xyz`,
    an iPhone's .mov as a QuickTime location key. Photos are published without their GPS position;
    a clip was copied as it was, and anyone who downloaded it had the place. The published copy
    has it blanked, each box its size (the movie box's offsets into the media stay right)."""
    where = b"+21.0285+105.8542+012.000/"
    android = (_box(b"ftyp", b"mp42\x00\x00\x00\x00mp42isom") + _box(b"mdat", bytes(64))
               + _box(b"moov", _box(b"mvhd", bytes(100)) + _box(b"udta", _box(b"\xa9xyz", b"\x00\x1a\x15\xc7" + where))))
    keys = _box(b"keys", bytes(4) + b"\x00\x00\x00\x01" + _box(b"mdta", b"com.apple.quicktime.location.ISO6709"))
    items = _box(b"ilst", _box(b"\x00\x00\x00\x01", _box(b"data", bytes(8) + b"+10.7769+106.7009+005.000/")))
    iphone = _box(b"ftyp", b"qt  \x00\x00\x00\x00qt  ") + _box(b"moov", _box(b"meta", keys + items)) + _box(b"mdat", bytes(64))
    plain = _box(b"ftyp", b"mp42\x00\x00\x00\x00mp42isom") + _box(b"moov", _box(b"mvhd", bytes(100))) + _box(b"mdat", bytes(64))
    body = "Lễ ra quân.\n\n![Clip ra quân](clip.mp4)\n\n![Diễu hành](dieu-hanh.mov)\n\n![Chào cờ](chao-co.mp4)\n"
    built = build_site(make_site({"content/tin-hoat-dong/ra-quan/index.md": article("Ra quân", body=body),
                                  "content/tin-hoat-dong/ra-quan/clip.mp4": android,
                                  "content/tin-hoat-dong/ra-quan/dieu-hanh.mov": iphone,
                                  "content/tin-hoat-dong/ra-quan/chao-co.mp4": plain}))
    assert built.result.ok, built.messages
    folder = built.out / "tin-hoat-dong/ra-quan"
    published = {name: (folder / name).read_bytes() for name in ("clip.mp4", "dieu-hanh.mov", "chao-co.mp4")}
    assert published["chao-co.mp4"] == plain
    assert b"21.0285" not in published["clip.mp4"] and b"10.7769" not in published["dieu-hanh.mov"]
    assert _boxes(published["clip.mp4"]) == [(kind, size, [(k, s, [(b"free" if b == b"\xa9xyz" else b, n, c)
                                                                   for b, n, c in inner]) for k, s, inner in children])
                                             for kind, size, children in _boxes(android)]
    assert _boxes(published["dieu-hanh.mov"]) == _boxes(iphone)  # (the value blanked inside its box)
    place = iphone.index(b"+10.7769+106.7009+005.000/")
    assert published["dieu-hanh.mov"] == iphone[:place] + bytes(26) + iphone[place + 26:]


def test_a_clip_shown_as_a_photo_plays_in_the_page(make_site, build_site, monkeypatch):
    """An editor shows the phone's clip (or a recording) as a photo, `![Clip ra quân](clip.mp4)`: it was the
    error "not an image". It plays in the phone's own player, under its caption;
    an iPhone's .mov and a clip too large for a slow network are warned about, a missing one is
    an error."""
    from generator import images
    monkeypatch.setattr(images, "LARGE_VIDEO_BYTES", 4096)
    clip = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 100
    body = ("Sáng 21/1, lễ ra quân.\n\n![Clip ra quân](clip.mp4)\n\nẢnh và clip:\n![Lễ chào cờ](anh.jpg)\n"
            '![Diễu hành](dieu-hanh.mov "Đoàn diễu hành qua quảng trường")\n\n![Bản tin phát thanh](ban-tin.mp3)\n')
    files = {"content/tin-hoat-dong/ra-quan/index.md": article("Ra quân", body=body),
             "content/tin-hoat-dong/ra-quan/clip.mp4": clip, "content/tin-hoat-dong/ra-quan/anh.jpg": phone_jpeg(800, 600),
             "content/tin-hoat-dong/ra-quan/dieu-hanh.mov": clip + b"\x00" * 5000,
             "content/tin-hoat-dong/ra-quan/ban-tin.mp3": b"ID3" + b"\x00" * 200,
             "content/tin-hoat-dong/ra-quan/clip.vtt": "WEBVTT\n\n00:00.000 --> 00:02.000\nLễ ra quân\n".encode()}
    site = make_site(files)
    built = build_site(site)
    assert built.result.ok, built.messages
    assert sorted((p.location.line, p.code) for p in built.result.problems) == [(14, "large-video"), (14, "video-format")]
    body_node = built.page("/tin-hoat-dong/ra-quan/").find("div", class_="body")
    figures = body_node.find_all("figure")
    assert [((f.video or f.audio or {}).get("src", "photo"), text_of(f.figcaption)) for f in figures] == [
        ("clip.mp4", "Clip ra quân"), ("photo", "Lễ chào cờ"), ("dieu-hanh.mov", "Đoàn diễu hành qua quảng trường"),
        ("ban-tin.mp3", "Bản tin phát thanh")]
    assert figures[-1].audio.has_attr("controls")  # a recording plays as a clip does
    player = figures[0].video
    assert player.has_attr("controls") and player["preload"] == "metadata"  # only its first bytes until played
    # Captions beside the clip (clip.vtt) are shown, for readers who cannot hear it; the other clip has none.
    assert [(t["kind"], t["src"], t["srclang"]) for t in player.find_all("track")] == [("captions", "clip.vtt", "vi")]
    assert figures[2].video.find("track") is None
    assert (built.out / "tin-hoat-dong/ra-quan/clip.mp4").read_bytes() == clip
    (site / "content/tin-hoat-dong/ra-quan/index.md").write_text(
        article("Ra quân", body="![Clip](clip-2.mp4)\n"), encoding="utf-8")
    missing = build(BuildOptions(site_dir=site, out_dir=built.out))
    assert [(p.location.line, p.code) for p in missing.problems] == [(8, "broken-link")]


def test_a_clip_with_a_photo_of_its_name_beside_it_shows_that_photo_until_played(make_site, tmp_path):
    """An iPhone shows no frame of a clip until it is played: `clip.jpg` beside `clip.mp4` is its
    poster (as `clip.vtt` is its captions), resized like any photo, in a box of its shape from
    the start, and the article's card photo when it has no other. Adding, changing or removing
    the poster rebuilds as a clean build would."""
    clip = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 100
    folder = "content/tin-hoat-dong/ra-quan"
    site = make_site({f"{folder}/index.md": article("Ra quân", body="Sáng 21/1, lễ ra quân.\n\n![Clip ra quân](clip.mp4)\n"),
                      f"{folder}/clip.mp4": clip})
    out = tmp_path / "out"

    def build_and_compare(name: str):
        built = Built(build(BuildOptions(site_dir=site, out_dir=out)), out)
        clean = build(BuildOptions(site_dir=site, out_dir=tmp_path / name, use_cache=False))
        assert built.result.ok and clean.ok, built.messages
        assert tree(out) == tree(tmp_path / name)
        return built

    without = build_and_compare("clean-0")
    assert not without.page("/tin-hoat-dong/ra-quan/").find("video").has_attr("poster")
    for number, (width, height) in enumerate([(1280, 720), (720, 1280)], 1):
        (site / folder / "clip.jpg").write_bytes(phone_jpeg(width, height))
        built = build_and_compare(f"clean-{number}")
        player = built.page("/tin-hoat-dong/ra-quan/").find("video")
        assert output_file(built, player["poster"]).is_file() and player["poster"].endswith(".webp")  # one file: the lighter
        with Image.open(output_file(built, player["poster"])) as poster:
            assert poster.width <= 1280 and abs(poster.width / poster.height - width / height) < 0.01
        assert (player["width"], player["height"]) == (str(width), str(height))
        card = built.page("/tin-hoat-dong/").find("picture", class_="thumb")
        assert card is not None and "/images/clip-" in card.img["src"]
    (site / folder / "clip.jpg").unlink()
    gone = build_and_compare("clean-3")
    assert not gone.page("/tin-hoat-dong/ra-quan/").find("video").has_attr("poster")
    assert not any(name.startswith("images/clip-") for name in tree(out))


def test_a_pasted_picture_of_another_site_s_photo_must_not_name_unpublished_files(make_site, build_site):
    """Its <img> is another site's, so the pasted <picture> stays; a <source> of it naming a
    file beside the article would be what a browser fetches first, and no build publishes it."""
    body = ('<picture><source srcset="anh.webp" type="image/webp">'
            '<img src="https://bocongan.example.vn/anh.jpg" alt="Hiện trường"></picture>\n')
    built = build_site(make_site({"content/tin-hoat-dong/ra-quan/index.md": article("Ra quân", body=body),
                                  "content/tin-hoat-dong/ra-quan/anh.webp": phone_jpeg(800, 600)}))
    assert [(p.code, p.location.line) for p in built.result.problems if p.is_error] == [("broken-link", 8)]
    assert "write ![…](anh.webp) to show it" in str(built.result.problems[0])


def test_a_clip_named_as_the_cover_is_refused_with_the_poster_that_can_be(make_site, build_site):
    clip = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 100
    site = make_site({"content/tin-hoat-dong/ra-quan/index.md": article("Ra quân", image="clip.mp4", body="Lễ ra quân."),
                      "content/tin-hoat-dong/ra-quan/clip.mp4": clip})
    [problem] = build_site(site).result.problems
    assert (problem.location.line, problem.code) == (6, "not-an-image")
    assert messages.problem_message(problem, "vi") == (
        "'clip.mp4': ảnh bìa của bài phải là ảnh, không phải video; ảnh 'clip.jpg' đặt cạnh video là ảnh bìa của video, "
        "và cũng dùng làm ảnh bìa của bài được")
    (site / "content/tin-hoat-dong/ra-quan/clip.jpg").write_bytes(phone_jpeg(1280, 720))
    (site / "content/tin-hoat-dong/ra-quan/index.md").write_text(
        article("Ra quân", image="clip.jpg", body="![Lễ ra quân](clip.mp4)\n"), encoding="utf-8")
    built = build_site(site)
    assert built.result.ok, built.messages
    page = built.page("/tin-hoat-dong/ra-quan/")
    # The poster is the cover: shown once, on the clip (as a cover the body shows is), and the sharing photo.
    assert page.find("figure", class_="cover") is None and "/images/clip-" in page.find("video")["poster"]
    assert "/images/clip-" in page.find("meta", property="og:image")["content"]


def test_a_photo_pasted_into_the_text_as_data_is_a_warning_at_its_line(make_site, build_site):
    """A web editor's or a mail's HTML carries its photos inside the text (data:image/…); the
    sanitizer keeps no data: address, so the photo vanished from the page without a word."""
    pasted = io.BytesIO()
    Image.frombytes("RGB", (160, 120), random.Random(6).randbytes(160 * 120 * 3)).save(pasted, "PNG")
    kb = round(len(pasted.getvalue()) / 1024)
    assert kb > 50
    data = "data:image/png;base64," + base64.b64encode(pasted.getvalue()).decode()
    body = f"Ảnh dán từ trang khác:\n\n![Hiện trường]({data})\n\nVà dán dạng HTML:\n\n<p><img src=\"{data}\" alt=\"Ảnh\"></p>\n"
    site = make_site({"content/tin-hoat-dong/ra-quan.md": article("Ra quân", body=body)})
    built = build_site(site)
    assert built.result.ok
    said = [(p.location.line, p.message) for p in built.result.problems if p.code == "pasted-image"]
    assert said == [(line, f"a photo pasted into the text as data (image/png, {kb} KB) is not published, so readers "
                           "see nothing there: save it as a file beside the article (anh-1.png) and write ![…](anh-1.png)")
                    for line in (10, 14)]
    assert built.page("/tin-hoat-dong/ra-quan/").select("main article img") == []  # (what the warning says)
    vietnamese = messages.problem_message(built.result.problems[0], "vi")
    assert vietnamese.startswith(f"ảnh dán thẳng vào bài dưới dạng dữ liệu (image/png, {kb} KB) không được xuất bản")


def test_a_fresh_output_built_with_the_cache_kept_dates_each_photo_as_before(make_site, build_site, tmp_path):
    """CI builds into a fresh folder with .cache restored: every photo variant (most of the bytes)
    was dated by that build, and an rsync by size and date sent them all again each time."""
    import os
    import time

    from tests.conftest import article
    from tests.photos import phone_jpeg

    site = make_site({"content/tin-hoat-dong/bai/index.md": article("Bài", body="![Ảnh hiện trường](anh.jpg)"),
                      "content/tin-hoat-dong/bai/anh.jpg": phone_jpeg(1200, 800)})
    first = build_site(site, tmp_path / "lan-1")
    time.sleep(0.05)
    second = build_site(site, tmp_path / "lan-2")  # (the same cache, a new output folder)
    assert first.result.ok and second.result.ok

    def photo_dates(out):
        return {path.relative_to(out).as_posix(): os.stat(path).st_mtime_ns for path in (out / "images").iterdir()}
    assert photo_dates(first.out) == photo_dates(second.out) and len(photo_dates(first.out)) > 3


def test_a_cover_pasted_above_another_photo_keeps_its_caption(make_site, build_site):
    """The cover pasted as HTML with no caption of its own, the next photo's caption line under that
    photo: the cover's image_caption was taken as written by the body (the next photo's line read as
    its own) and shown nowhere, where the link to the next photo's largest copy is named by that line."""
    body = ('Sáng nay.\n\n<p><img src="anh.jpg"></p>\n<p><img src="b.jpg"></p>\n<p><em>Diễu hành</em></p>\n')
    built = build_site(make_site({
        "content/tin-hoat-dong/ra-quan/index.md": article("Ra quân", slug="ra-quan", image="anh.jpg",
                                                          image_caption='"Ảnh: Anh Dũng"', body=body),
        "content/tin-hoat-dong/ra-quan/anh.jpg": phone_jpeg(900, 600),
        "content/tin-hoat-dong/ra-quan/b.jpg": phone_jpeg(900, 600)}))
    assert built.result.ok, built.messages
    body = built.page("/tin-hoat-dong/ra-quan/").select_one(".article .body")
    assert [text_of(p) for p in body.find_all("p")] == ["Sáng nay.", "Ảnh: Anh Dũng", "", "Diễu hành"]
    assert text_of(body.find_all("p")[1].select_one(".cover-caption")) == "Ảnh: Anh Dũng"
