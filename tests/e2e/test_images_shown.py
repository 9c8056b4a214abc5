"""Full builds with photos: what readers and social networks are shown of a cover and a body's photos."""
from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageStat

from generator import messages
from tests.conftest import SITE_TOML, article, text_of
from tests.photos import BOTTOM, TOP, phone_jpeg

BUNDLE = "content/tin-hoat-dong/ra-quan/"
PAGE = "/tin-hoat-dong/ra-quan-dot-cao-diem/"


def png(picture: Image.Image) -> bytes:
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


def white_logo() -> Image.Image:
    """A unit's emblem in white on transparency, as a designer exports one for dark headers."""
    logo = Image.new("RGBA", (1200, 800), (0, 0, 0, 0))
    draw = ImageDraw.Draw(logo)
    draw.ellipse((400, 200, 800, 600), fill=(255, 255, 255, 255))
    draw.rectangle((200, 650, 1000, 700), fill=(250, 250, 250, 255))
    return logo


def test_a_white_logo_on_transparency_is_not_an_all_white_social_card(make_site, build_site):
    """JPEG has no transparency: it was flattened onto white, and a white logo given as the
    cover became an all-white picture on Facebook and Zalo (og:image) and in old browsers."""
    dark_logo = Image.new("RGBA", (1200, 800), (0, 0, 0, 0))
    ImageDraw.Draw(dark_logo).ellipse((400, 200, 800, 600), fill=(160, 20, 20, 255))
    site = make_site({
        BUNDLE + "index.md": article("Ra quân đợt cao điểm", image="logo.png", body="Nội dung."),
        BUNDLE + "logo.png": png(white_logo()),
        "content/tin-hoat-dong/khac/index.md": article("Tin khác", image="logo-do.png", body="Nội dung."),
        "content/tin-hoat-dong/khac/logo-do.png": png(dark_logo),
    })
    built = build_site(site)
    assert built.result.ok, built.messages
    cards = {}
    for url in (PAGE, "/tin-hoat-dong/tin-khac/"):
        og = built.page(url).find("meta", property="og:image")["content"]
        with Image.open(built.out / og.split("congan.example.vn/")[1]) as im:
            cards[url] = im.convert("RGB")
    white = cards[PAGE]
    assert ImageStat.Stat(white.convert("L")).stddev[0] > 40  # the emblem shows
    assert white.getpixel((600, 315))[0] > 240 and white.getpixel((20, 20))[0] < 80  # white on a dark ground
    red = cards["/tin-hoat-dong/tin-khac/"]  # (a coloured logo stays on white, as it always was)
    assert red.getpixel((20, 20)) == (255, 255, 255) and red.getpixel((600, 315))[1] < 60


def test_alt_text_that_is_only_a_file_name_is_told_as_missing_and_is_no_caption(make_site, build_site):
    """What an editor's tool writes when it pastes a photo (its file name, a camera's name for
    it, "image") passed the check for a description, and was printed under the photo as its caption."""
    body = ("Mở đầu.\n\n![phone.jpg](phone.jpg)\n\n![IMG_1234](IMG_1234.JPG)\n\n![image](image.png)\n\n"
            "![IMG-20260121-WA0001](anh-zalo.jpg)\n\n![Lễ ra quân tại quảng trường](le-ra-quan.jpg)\n\n"
            "![Ảnh 2026](anh-2026.jpg)\n\n![le-ra-quan](le-ra-quan.jpg)\n\n![Logo](logo.jpg)\n")
    names = ["phone.jpg", "IMG_1234.JPG", "image.png", "anh-zalo.jpg", "le-ra-quan.jpg", "anh-2026.jpg", "logo.jpg"]
    site = make_site({BUNDLE + "index.md": article("Ra quân đợt cao điểm", body=body),
                      **{BUNDLE + name: png(Image.new("RGB", (320, 240), (90, 120, 40))) for name in names}})
    built = build_site(site)
    assert built.result.ok, built.messages
    told = [(p.location.line, p.message) for p in built.result.problems if p.code == "missing-alt"]
    assert told == [(line, f"the image '{src}' has a file name for alt text ('{alt}'), as a tool pasting it writes; "
                           "describe it for readers who cannot see it")
                    for line, src, alt in ((10, "phone.jpg", "phone.jpg"), (12, "IMG_1234.JPG", "IMG_1234"),
                                           (14, "image.png", "image"), (16, "anh-zalo.jpg", "IMG-20260121-WA0001"),
                                           (22, "le-ra-quan.jpg", "le-ra-quan"))]
    problem = next(p for p in built.result.problems if p.code == "missing-alt")
    assert messages.problem_message(problem, "vi") == (
        "ảnh 'phone.jpg' chỉ có tên tệp làm mô tả (alt: 'phone.jpg'), như công cụ dán ảnh tự ghi; hãy viết mô tả "
        "giữa [ ] (ảnh dán bằng thẻ <img>: trong alt=\"…\") để người khiếm thị đọc được")
    figures = built.page(PAGE).find("div", class_="body").find_all("figure")
    assert [text_of(f.figcaption) if f.figcaption else None for f in figures] == [
        None, None, None, None, "Lễ ra quân tại quảng trường", "Ảnh 2026", None, "Logo"]


def test_a_cover_too_small_for_a_social_card_is_a_warning_at_its_image_line(make_site, build_site):
    """Facebook and Zalo show no photo smaller than 200×200 with a shared link: a 160×120 cover
    (a thumbnail saved from an old portal) gave a card without a photo, and nothing said so."""
    site = make_site({
        BUNDLE + "index.md": article("Ra quân đợt cao điểm", image="nho.jpg", body="Nội dung."),
        BUNDLE + "nho.jpg": png(Image.new("RGB", (160, 120), (90, 120, 40))),
        "content/tin-hoat-dong/khac/index.md": article("Tin khác", image="vua.jpg", body="![Nhỏ](nho.jpg)\n"),
        "content/tin-hoat-dong/khac/vua.jpg": png(Image.new("RGB", (400, 300), (90, 120, 40))),
        "content/tin-hoat-dong/khac/nho.jpg": png(Image.new("RGB", (160, 120), (90, 120, 40))),
    })
    built = build_site(site)
    assert built.result.ok, built.messages
    told = [p for p in built.result.problems if p.code == "small-cover"]
    assert [(p.location.path, p.location.line, p.is_error) for p in told] == [(BUNDLE + "index.md", 6, False)]
    assert told[0].message == ("the cover image 'nho.jpg' is 160×120 pixels: Facebook and Zalo show no photo "
                               "smaller than 200×200 with a shared link (its card's would be 160×84); use a photo "
                               "at least 400 pixels wide (1200 is best)")
    assert messages.problem_message(told[0], "vi") == (
        "ảnh đại diện 'nho.jpg' chỉ có 160×120 điểm ảnh: Facebook và Zalo không hiện ảnh nhỏ hơn 200×200 khi chia "
        "sẻ liên kết (ảnh chia sẻ của bài sẽ là 160×84); hãy dùng ảnh rộng ít nhất 400 điểm ảnh (tốt nhất 1200)")
    og = built.page(PAGE).find("meta", property="og:image")  # (still given: other apps show small photos)
    assert og is not None


def test_a_portrait_cover_s_card_and_social_crops_keep_the_top_where_faces_are(make_site, build_site):
    """A portrait photo's 3:2 card and 1200×630 social card were cut from its middle: heads
    were cut off (a gallery crops around the upper middle, 35% from the top). A landscape one
    keeps its middle, and an image_focus still wins."""
    site = make_site({
        BUNDLE + "index.md": article("Ra quân đợt cao điểm", image="doc.jpg", body="Nội dung."),
        BUNDLE + "doc.jpg": phone_jpeg(600, 900),  # red across its top fifth (heads), blue across its bottom one
        "content/tin-hoat-dong/khac/index.md": article("Tin khác", "2026-01-20", image="doc.jpg",
                                                       image_focus='"50% 90%"', body="Nội dung."),
        "content/tin-hoat-dong/khac/doc.jpg": phone_jpeg(600, 900),
    })
    built = build_site(site)
    assert built.result.ok, built.messages

    def top_and_bottom(url: str) -> tuple:
        with Image.open(built.out / url.lstrip("/").split("congan.example.vn/")[-1]) as im:
            im = im.convert("RGB")
            return im.getpixel((im.width // 2, 2)), im.getpixel((im.width // 2, im.height - 3))
    cards = {text_of(card.find(class_="card-title")): card.find("picture", class_="thumb").img["src"]
             for card in built.page("/tin-hoat-dong/").find_all("article", class_="card")}
    for url in (cards["Ra quân đợt cao điểm"], built.page(PAGE).find("meta", property="og:image")["content"]):
        top, _ = top_and_bottom(url)
        assert close(top, TOP), (url, top)  # the heads are in
    _, bottom = top_and_bottom(cards["Tin khác"])  # focused near its foot, as written
    assert close(bottom, BOTTOM), bottom


def close(pixel, colour) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(pixel, colour))


def test_a_photo_shown_smaller_than_it_is_opens_its_largest_copy(make_site, build_site):
    """A phone's photo in the text column (a wanted notice's face, a document's scan) could not be
    opened larger, as a gallery's and a long screenshot's can; a small one shown whole has no link,
    and one the editor linked somewhere keeps that link alone."""
    body = ("Mở đầu.\n\n![Lễ ra quân tại quảng trường](ngang.jpg)\n\n![Chân dung đối tượng](doc.jpg)\n\n"
            "![Biểu trưng nhỏ](nho.jpg)\n\n[![Bản đồ tuyến đường](ban-do.jpg)](https://example.vn/ban-do)\n\nHết.\n")
    site = make_site({
        BUNDLE + "index.md": article("Ra quân đợt cao điểm", body=body),
        BUNDLE + "ngang.jpg": phone_jpeg(1600, 1200), BUNDLE + "doc.jpg": phone_jpeg(480, 640),
        BUNDLE + "nho.jpg": phone_jpeg(400, 300), BUNDLE + "ban-do.jpg": phone_jpeg(1600, 1200),
    })
    built = build_site(site)
    assert built.result.ok, built.messages
    figures = built.page(PAGE).select(".article .body figure")
    opened = {text_of(figure.figcaption): [a["href"] for a in figure.find_all("a")] for figure in figures}
    assert opened["Biểu trưng nhỏ"] == []
    assert opened["Bản đồ tuyến đường"] == ["https://example.vn/ban-do"]
    for caption in ("Lễ ra quân tại quảng trường", "Chân dung đối tượng"):
        [href] = opened[caption]
        with Image.open(built.out / href.lstrip("/")) as im:
            assert im.format == "JPEG" and im.width == {"Lễ ra quân tại quảng trường": 1600,
                                                        "Chân dung đối tượng": 480}[caption]
        [link] = [figure.a for figure in figures if text_of(figure.figcaption) == caption]
        assert link.picture is not None and link.get("aria-label") is None  # (named by its photo's alt)


def test_a_pasted_photo_shown_smaller_than_it_is_opens_its_largest_copy_too(make_site, build_site):
    """A photo pasted as HTML (an old portal's article, a document's scan) could not be opened larger,
    where the same photo written in Markdown can, as README says of a pasted <img>; one the editor
    linked keeps that link alone, and a small one shown whole has none."""
    body = ('Mở đầu.\n\n<p><img src="ngang.jpg" alt="Lễ ra quân"></p>\n\n'
            '<div class="rut-gon"><img src="ngang.jpg" alt="Biểu trưng" width="200"></div>\n\n'
            '<p><a href="https://example.vn/ban-do"><img src="ngang.jpg" alt="Bản đồ"></a></p>\n\n'
            '<div><img src="nho.jpg" alt="Huy hiệu nhỏ"></div>\n\n'
            # a tag on a line of its own, as most editors paste one; one in a sentence or a link stays so
            '<img src="ngang.jpg" alt="Văn bản">\n\nXem <img src="ngang.jpg" alt="Trong câu"> tại đây.\n\n'
            '<a href="https://example.vn/so-do"><img src="ngang.jpg" alt="Sơ đồ"></a>\n')
    built = build_site(make_site({BUNDLE + "index.md": article("Ra quân đợt cao điểm", body=body),
                                  BUNDLE + "ngang.jpg": phone_jpeg(1600, 1200), BUNDLE + "nho.jpg": phone_jpeg(400, 300)}))
    assert built.result.ok, built.messages
    opened = {img["alt"]: [a["href"] for a in img.find_parents("a")]
              for img in built.page(PAGE).select(".article .body img")}
    assert opened["Bản đồ"] == ["https://example.vn/ban-do"] and opened["Huy hiệu nhỏ"] == []
    assert opened["Sơ đồ"] == ["https://example.vn/so-do"] and opened["Trong câu"] == []
    for alt in ("Lễ ra quân", "Biểu trưng", "Văn bản"):
        [href] = opened[alt]
        with Image.open(built.out / href.lstrip("/")) as im:
            assert im.format == "JPEG" and im.width == 1600, alt


def test_a_pasted_page_of_many_photos_is_read_once_for_where_they_stand(make_site, build_site, monkeypatch):
    """A page copied from the old portal, its photos in one block of HTML (a photo report: 200 photos,
    ~0.3 MB): where each photo stood (centred, in a link) was read by parsing the whole block again
    for each of them, twice, and the block was lowercased whole for each; its conversion took
    seconds. The block is read once, whatever the number of photos (without alt text, each one's
    caption under it is read in the same pass: its link to the largest copy is named by it)."""
    from generator import rawtags
    text = "<p>" + "Lực lượng công an tổ chức tuần tra. " * 10 + "</p>"
    block = "<div>" + "".join(f'{text}<p style="text-align: center"><img src="anh.jpg" width="200"></p>'
                              for n in range(30)) + "</div>"
    reads = []
    real_read = rawtags._Reader.read
    monkeypatch.setattr(rawtags._Reader, "read", lambda self: reads.append(len(self.html)) or real_read(self))
    built = build_site(make_site({BUNDLE + "index.md": article("Ra quân đợt cao điểm", body=f"Mở đầu.\n\n{block}\n"),
                                  BUNDLE + "anh.jpg": phone_jpeg(400, 300)}))
    assert built.result.ok, built.messages
    photos = built.page(PAGE).select(".article .body a.photo-link > picture.sized.can-giua img")
    assert len(photos) == 30
    whole = [size for size in reads if size >= len(block)]  # (the body, or the block as Python-Markdown keeps it)
    assert 0 < len(whole) <= 5, len(whole)  # (its photos found, planned, replaced, where they stand)


def test_a_caption_that_repeats_the_alt_text_is_read_once(make_site, build_site):
    """A photo's caption taken from its alt text (or written the same): a screen reader read the
    photo's description, then the same words again as its caption."""
    body = ("Mở đầu.\n\n![Lễ ra quân tại quảng trường](a.jpg)\n\n![Tổ công tác tuần tra](b.jpg)\n"
            "*Tổ công tác  tuần tra*\n\n![Xe tuần tra](c.jpg \"Tổ tuần tra đêm trên quốc lộ 39\")\n\nHết.\n")
    site = make_site({BUNDLE + "index.md": article("Ra quân đợt cao điểm", body=body),
                      **{BUNDLE + name: phone_jpeg(400, 300) for name in ("a.jpg", "b.jpg", "c.jpg")}})
    built = build_site(site)
    assert built.result.ok, built.messages
    figures = built.page(PAGE).select(".article .body figure")
    read = [(figure.img["alt"], text_of(figure.figcaption), figure.figcaption.get("aria-hidden")) for figure in figures]
    assert read == [("Lễ ra quân tại quảng trường", "Lễ ra quân tại quảng trường", "true"),
                    ("Tổ công tác tuần tra", "Tổ công tác tuần tra", "true"),
                    ("Xe tuần tra", "Tổ tuần tra đêm trên quốc lộ 39", None)]  # (a caption of its own is read)


def test_a_gallery_photo_s_caption_that_repeats_its_alt_text_is_read_once(make_site, build_site):
    """Photos side by side (a gallery): each cell's caption is its alt text, and a screen reader
    read each photo's description twice, as a single photo's was before."""
    body = ("Mở đầu.\n\n![Tuần tra](a.jpg) ![Tuyên truyền](b.jpg \"Tuyên truyền tại chợ phiên\")\n\nHết.\n")
    site = make_site({BUNDLE + "index.md": article("Ra quân đợt cao điểm", body=body),
                      **{BUNDLE + name: phone_jpeg(400, 300) for name in ("a.jpg", "b.jpg")}})
    built = build_site(site)
    assert built.result.ok, built.messages
    figures = built.page(PAGE).select(".article .body .gallery figure")
    read = [(figure.img["alt"], text_of(figure.figcaption), figure.figcaption.get("aria-hidden")) for figure in figures]
    assert read == [("Tuần tra", "Tuần tra", "true"),
                    ("Tuyên truyền", "Tuyên truyền tại chợ phiên", None)]  # (a caption of its own is read)


def test_a_cover_s_caption_is_read_once(make_site, build_site):
    """The cover's caption (image_caption) is its photo's alt text too: a screen reader read the
    photo's description, then the same words again as its caption."""
    site = make_site({BUNDLE + "index.md": article("Ra quân đợt cao điểm", image="bia.jpg", body="Nội dung.",
                                                  image_caption='"Lễ ra quân tại quảng trường. Ảnh: Minh Khôi"'),
                      BUNDLE + "bia.jpg": phone_jpeg(800, 600)})
    built = build_site(site)
    assert built.result.ok, built.messages
    [cover] = built.page(PAGE).select(".article figure.cover")
    assert cover.img["alt"] == text_of(cover.figcaption) == "Lễ ra quân tại quảng trường. Ảnh: Minh Khôi"
    assert cover.figcaption.get("aria-hidden") == "true"


def test_a_cover_shown_smaller_than_it_is_opens_its_largest_copy_when_tapped(make_site, build_site):
    """A phone's 4000×3000 cover, shown 320 px wide on a phone, opened nothing when tapped, where
    the same photo in the body opens its largest copy; a small cover, shown whole, links nowhere."""
    site = make_site({BUNDLE + "index.md": article("Ra quân đợt cao điểm", image="bia.jpg", body="Nội dung.",
                                                  image_caption='"Lễ ra quân. Ảnh: Anh Dũng"'),
                      BUNDLE + "bia.jpg": phone_jpeg(1600, 1200),
                      "content/tin-hoat-dong/nho/index.md": article("Ảnh nhỏ", "2026-01-20", image="nho.jpg",
                                                                   body="Nội dung."),
                      "content/tin-hoat-dong/nho/nho.jpg": phone_jpeg(500, 400)})
    built = build_site(site)
    assert built.result.ok, built.messages
    [cover] = built.page(PAGE).select(".article figure.cover")
    link = cover.find("a", class_="photo-link")
    assert link is not None and link.img["alt"] == "Lễ ra quân. Ảnh: Anh Dũng"
    with Image.open(built.out / link["href"].lstrip("/")) as opened:
        assert opened.size == (1600, 1200)
    [small] = built.page("/tin-hoat-dong/anh-nho/").select(".article figure.cover")
    assert small.find("a") is None and small.img is not None


def test_a_body_photo_too_small_for_a_shared_link_leaves_the_site_s_share_image(make_site, build_site):
    """An article without `image` whose first photo is a 160×120 one from the old portal: its
    shared link's card was that photo at 160×84, which Facebook and Zalo do not show (no warning,
    the editor chose no cover), where the site's share_image would have been shown."""
    site = make_site({BUNDLE + "index.md": article("Ra quân đợt cao điểm", body="![Lễ ra quân](nho.jpg)\n"),
                      BUNDLE + "nho.jpg": phone_jpeg(160, 120),
                      "content/tin-hoat-dong/lon/index.md": article("Ảnh lớn", "2026-01-20", body="![Lễ](lon.jpg)\n"),
                      "content/tin-hoat-dong/lon/lon.jpg": phone_jpeg(900, 600),
                      "static/anh-chia-se.png": png(Image.new("RGB", (1200, 630), (161, 29, 29)))},
                     site_toml=SITE_TOML.replace('title = ', 'share_image = "/anh-chia-se.png"\ntitle = ', 1))
    built = build_site(site)
    assert built.result.ok, built.messages
    page = built.page(PAGE)
    assert page.find("meta", property="og:image")["content"].endswith("/anh-chia-se.png")
    # (with the share image's own size, not the small photo's)
    assert [page.find("meta", property=f"og:image:{side}")["content"] for side in ("width", "height")] == ["1200", "630"]
    assert page.select_one(".article .body img") is not None  # (the photo is still shown)
    shared = built.page("/tin-hoat-dong/anh-lon/").find("meta", property="og:image")["content"]
    assert "/images/lon-" in shared  # a photo large enough is still the card's


def test_a_clip_s_caption_taken_from_its_alt_text_is_read(make_site, build_site):
    """A clip or recording shown as a photo (`![Clip ra quân](clip.mp4)`) has no alt a screen
    reader reads: its words are only in the download link a browser that plays it never shows.
    Its caption was hidden as a photo's repeating its alt is, and the player was read as "video",
    nameless."""
    clip = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 100
    body = "Mở đầu.\n\n![Clip ra quân](clip.mp4)\n\n![Bản tin phát thanh](ban-tin.mp3)\n\nHết.\n"
    site = make_site({BUNDLE + "index.md": article("Ra quân đợt cao điểm", body=body),
                      BUNDLE + "clip.mp4": clip, BUNDLE + "ban-tin.mp3": b"ID3" + b"\x00" * 200})
    built = build_site(site)
    assert built.result.ok, built.messages
    figures = built.page(PAGE).select(".article .body figure")
    read = [((figure.video or figure.audio).name, text_of(figure.figcaption), figure.figcaption.get("aria-hidden"))
            for figure in figures]
    assert read == [("video", "Clip ra quân", None), ("audio", "Bản tin phát thanh", None)]


def test_a_cover_without_a_caption_does_not_repeat_the_title(make_site, build_site):
    """A cover without image_caption had the title as its alt text: a screen reader read the
    title as the heading and again, right under it, as the photo."""
    site = make_site({BUNDLE + "index.md": article("Ra quân đợt cao điểm", image="bia.jpg", body="Nội dung."),
                      BUNDLE + "bia.jpg": phone_jpeg(800, 600)})
    built = build_site(site)
    assert built.result.ok, built.messages
    [cover] = built.page(PAGE).select(".article figure.cover")
    assert cover.img["alt"] == "" and cover.figcaption is None


def test_a_file_name_given_as_alt_text_is_not_read_to_a_screen_reader(make_site, build_site):
    """A photo pasted with its file name as its alt (`![IMG_1234](IMG_1234.jpg)`) is warned about
    (missing-alt) and published: a screen reader read "IMG_1234" as the photo's description, and as
    the name of the link to its larger copy. It is a photo without a description, as the build says."""
    body = "Mở đầu.\n\n![IMG_1234](IMG_1234.jpg)\n\n![phone.jpg](phone.jpg) ![Logo](logo.jpg)\n\nHết.\n"
    site = make_site({BUNDLE + "index.md": article("Ra quân đợt cao điểm", body=body),
                      **{BUNDLE + name: phone_jpeg(1600, 1200) for name in ("IMG_1234.jpg", "phone.jpg", "logo.jpg")}})
    built = build_site(site)
    assert built.result.ok, built.messages
    assert sorted(p.location.line for p in built.result.problems if p.code == "missing-alt") == [10, 12]
    links = built.page(PAGE).select(".article .body a.photo-link")
    assert [(link.img["alt"], link.get("aria-label")) for link in links] == [
        ("", "Xem ảnh cỡ lớn"), ("", "Ảnh 1, xem cỡ lớn"), ("Logo", None)]


def test_the_links_to_photos_without_alt_text_are_named_by_their_captions(make_site, build_site):
    """Each body photo without alt text opened its largest copy by a link named "Xem ảnh cỡ lớn":
    a screen reader's list of links was that again and again. A captioned one says which photo it
    opens, and its caption, said there, is read once; the page shows the same."""
    body = ("Mở đầu.\n\n![](a.jpg \"Lễ ra quân\")\n\nGiữa.\n\n![](b.jpg)\n*Tuần tra đêm. Ảnh: Minh Khôi*\n\n"
            "![](c.jpg)\n\n![Diễu hành](d.jpg)\n\nHết.\n")
    site = make_site({BUNDLE + "index.md": article("Ra quân đợt cao điểm", body=body),
                      **{BUNDLE + f"{name}.jpg": phone_jpeg(1600, 1200) for name in "abcd"}})
    built = build_site(site)
    assert built.result.ok, built.messages
    figures = built.page(PAGE).select(".article .body figure")
    assert [(figure.a.get("aria-label"), text_of(figure.figcaption) if figure.figcaption else None,
             figure.figcaption.get("aria-hidden") if figure.figcaption else None) for figure in figures] == [
        ("Xem ảnh cỡ lớn: Lễ ra quân", "Lễ ra quân", "true"),
        ("Xem ảnh cỡ lớn: Tuần tra đêm. Ảnh: Minh Khôi", "Tuần tra đêm. Ảnh: Minh Khôi", "true"),
        ("Xem ảnh cỡ lớn", None, None), (None, "Diễu hành", "true")]


def test_the_links_to_photos_pasted_as_html_without_alt_text_are_named_by_their_captions(make_site, build_site):
    """A photo pasted from Word or Zalo (<img src> without alt) with its caption under it opened its
    largest copy by a link named "Xem ảnh cỡ lớn" alone, where the same photo written in Markdown
    says which photo it opens: its figure's caption, the line in italics or the credit under it. A
    photo with no caption of its own takes none of the next photo's."""
    body = ('Mở đầu.\n\n<p><img src="a.jpg"></p>\n<p><em>Lễ ra quân</em></p>\n\n'
            '<figure><img src="b.jpg"><figcaption>Diễu hành</figcaption></figure>\n\n'
            '<div><img src="c.jpg"><br>Tuần tra đêm (Ảnh: CTV)</div>\n\n'
            '<p><img src="d.jpg"></p>\n\n*Trao thưởng*\n\n'
            '<p><img src="e.jpg"></p><p><img src="f.jpg"></p><p>Ảnh: Minh Khôi</p>\n\n'
            '<p><img src="g.jpg"></p>\n<p>Sáng 21/1, Công an tỉnh tổ chức lễ ra quân đợt cao điểm.</p>\n')
    site = make_site({BUNDLE + "index.md": article("Ra quân đợt cao điểm", body=body),
                      **{BUNDLE + f"{name}.jpg": phone_jpeg(1600, 1200) for name in "abcdefg"}})
    built = build_site(site)
    assert built.result.ok, built.messages
    links = built.page(PAGE).select(".article .body a.photo-link")
    assert [link.get("aria-label") for link in links] == [
        "Xem ảnh cỡ lớn: Lễ ra quân", "Xem ảnh cỡ lớn: Diễu hành", "Xem ảnh cỡ lớn: Tuần tra đêm (Ảnh: CTV)",
        "Xem ảnh cỡ lớn: Trao thưởng", "Xem ảnh cỡ lớn", "Xem ảnh cỡ lớn: Ảnh: Minh Khôi", "Xem ảnh cỡ lớn"]
    assert text_of(built.page(PAGE).select_one(".article .body figcaption")) == "Diễu hành"  # (the page is the same)


def test_a_pasted_photo_on_a_line_of_its_own_among_others_opens_its_largest_copy(make_site, build_site):
    """<img src> on a line of its own with its caption line under it (or a line of text above), no blank
    line between, as Zalo and a phone's editor paste one: alone in its paragraph it opened its largest
    copy when tapped, but among other lines it had no link, the scan of 1600 px left at the column's width.
    One inside a sentence or among the words of a link is left as it was."""
    body = ('Mở đầu.\n\n<img src="a.jpg" alt="Văn bản">\nẢnh: Công an xã cung cấp\n\n'
            'Toàn văn kế hoạch:\n<img src="a.jpg" alt="Kế hoạch">\nĐề nghị các đơn vị thực hiện.\n\n'
            'Xem <img src="a.jpg" alt="Trong câu"> tại đây.\n\n[Xem\n<img src="a.jpg" alt="Trong liên kết">\nthêm](https://example.vn/)\n\n'
            # (a banner pasted as a link of HTML, its tags on lines of their own: it leads where the editor linked it)
            '<a href="https://example.vn/chien-dich">\n<img src="a.jpg" alt="Biểu ngữ">\n</a>\n')
    built = build_site(make_site({BUNDLE + "index.md": article("Ra quân đợt cao điểm", body=body),
                                  BUNDLE + "a.jpg": phone_jpeg(1600, 1200)}))
    assert built.result.ok, built.messages
    opened = {img["alt"]: [a["href"] for a in img.find_parents("a")]
              for img in built.page(PAGE).select(".article .body img")}
    assert opened["Trong câu"] == [] and opened["Trong liên kết"] == ["https://example.vn/"]
    assert opened["Biểu ngữ"] == ["https://example.vn/chien-dich"]
    for alt in ("Văn bản", "Kế hoạch"):
        [href] = opened[alt]
        with Image.open(built.out / href.lstrip("/")) as im:
            assert im.format == "JPEG" and im.width == 1600, alt


def test_a_file_name_given_as_alt_text_of_a_pasted_photo_is_not_read_either(make_site, build_site):
    """<img src="IMG_1234.jpg" alt="IMG_1234">, as a tool pasting a photo writes it: the build warned of
    it as it does of ![IMG_1234](…), but published the alt, and a screen reader read "IMG_1234" as the photo
    (and as the name of its link to the largest copy), where the Markdown photo's is published as none."""
    body = ('Mở đầu.\n\n<p><img src="IMG_1234.jpg" alt="IMG_1234"></p>\n<p><em>Lễ ra quân</em></p>\n\n'
            '<p><img src="nho.jpg" alt="nho.jpg"></p>\n\n<p><img src="nho.jpg" alt="Huy hiệu"></p>\n')
    built = build_site(make_site({BUNDLE + "index.md": article("Ra quân đợt cao điểm", body=body),
                                  BUNDLE + "IMG_1234.jpg": phone_jpeg(1600, 1200), BUNDLE + "nho.jpg": phone_jpeg(400, 300)}))
    assert built.result.ok, built.messages
    assert sum("missing-alt" in message for message in built.messages) == 2
    # (told in Vietnamese where to write it: a pasted <img> has no [ ] to write it between, but its alt="…")
    told = [messages.problem_message(p, "vi") for p in built.result.problems if p.code == "missing-alt"]
    assert all('alt="…"' in message for message in told), told
    images = built.page(PAGE).select(".article .body img")
    assert [img["alt"] for img in images] == ["", "", "Huy hiệu"]
    assert built.page(PAGE).select_one(".article .body a.photo-link")["aria-label"] == "Xem ảnh cỡ lớn: Lễ ra quân"
