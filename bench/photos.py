"""Synthetic "phone photos" drawn with Pillow, for the demo content and the image benchmark.

Each is a stylised scene (sky, sun, hills, a road, buildings and a caption
band in Vietnamese), saved as a JPEG carrying what a real phone upload
carries: an EXIF orientation, GPS position, camera make/model/serial, the
owner's name, an XMP packet and an ICC profile. Everything here is drawn by
us; nothing is copied.
"""
from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import ExifTags, Image, ImageCms, ImageDraw, ImageFont

FONT = Path("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf")
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Nguyen Van Phong vien"/>'
       b"</rdf:RDF></x:xmpmeta>")


def _font(size: int):
    return ImageFont.truetype(str(FONT), size) if FONT.exists() else ImageFont.load_default(size)


def draw_scene(width: int, height: int, seed: int, caption: str, palette: str = "day") -> Image.Image:
    """An upright scene of width×height; the same seed always draws the same picture."""
    rnd = random.Random(seed)
    sky_top, sky_bottom = {"day": ((70, 130, 200), (190, 220, 245)), "dusk": ((60, 40, 90), (240, 150, 90)),
                           "fire": ((40, 40, 50), (200, 90, 40))}[palette]
    im = Image.new("RGB", (width, height))
    d = ImageDraw.Draw(im)
    horizon = int(height * 0.62)
    for y in range(horizon):
        t = y / horizon
        d.line([(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(sky_top, sky_bottom)))
    d.ellipse([width * 0.72, height * 0.08, width * 0.72 + height * 0.14, height * 0.22], fill=(250, 220, 120))
    for i in range(4):  # hills
        x = rnd.uniform(-0.2, 0.9) * width
        d.ellipse([x, horizon - height * rnd.uniform(0.08, 0.2), x + width * rnd.uniform(0.4, 0.7), horizon + height * 0.2],
                  fill=(60 + 20 * i, 110 + 10 * i, 70))
    d.rectangle([0, horizon, width, height], fill=(95, 120, 80))
    for i in range(rnd.randint(5, 9)):  # buildings
        bw, bh = width * rnd.uniform(0.05, 0.1), height * rnd.uniform(0.12, 0.3)
        x = rnd.uniform(0, width - bw)
        shade = rnd.randint(150, 235)
        d.rectangle([x, horizon - bh, x + bw, horizon], fill=(shade, shade - 20, shade - 45))
        for wy in range(int(horizon - bh + bh * 0.1), horizon - 10, max(8, int(bh / 6))):
            d.rectangle([x + bw * 0.2, wy, x + bw * 0.8, wy + bh / 14], fill=(90, 110, 140))
    road = [(width * 0.42, horizon), (width * 0.58, horizon), (width * 0.95, height), (width * 0.05, height)]
    d.polygon(road, fill=(70, 70, 75))
    for k in range(8):  # lane marks
        t0, t1 = k / 8, k / 8 + 0.05
        y0, y1 = horizon + (height - horizon) * t0, horizon + (height - horizon) * t1
        d.rectangle([width / 2 - 4 - 20 * t0, y0, width / 2 + 4 + 20 * t0, y1], fill=(240, 240, 230))
    for i in range(rnd.randint(6, 12)):  # people in yellow-green uniforms and red flags
        x, y = rnd.uniform(0.05, 0.95) * width, rnd.uniform(horizon + 20, height * 0.92)
        s = height * 0.03 * (0.6 + (y - horizon) / (height - horizon))
        d.ellipse([x - s * 0.5, y - s * 3.2, x + s * 0.5, y - s * 2.2], fill=(230, 190, 160))
        d.rectangle([x - s * 0.7, y - s * 2.2, x + s * 0.7, y], fill=(140, 150, 60))
        if i % 3 == 0:
            d.rectangle([x + s, y - s * 4, x + s * 1.15, y], fill=(60, 50, 40))
            d.rectangle([x + s * 1.15, y - s * 4, x + s * 2.4, y - s * 3.1], fill=(200, 30, 30))
    band = int(height * 0.1)
    d.rectangle([0, height - band, width, height], fill=(161, 29, 29))
    size = int(band * 0.45)
    while size > 10 and d.textlength(caption, font=_font(size)) > width * 0.94:
        size = int(size * 0.9)
    d.text((width * 0.03, height - band / 2 - size * 0.6), caption, font=_font(size), fill=(255, 255, 255))
    return im


def phone_jpeg(upright: Image.Image, orientation: int = 1, quality: int = 72, gps: bool = True) -> bytes:
    """JPEG bytes as a phone would store them: sideways pixels plus an orientation tag."""
    exif = _phone_exif(orientation, gps)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    _as_stored(upright, orientation).save(out, "JPEG", quality=quality, exif=exif, icc_profile=icc, xmp=XMP)
    return out.getvalue()


def phone_heic(upright: Image.Image, orientation: int = 1, quality: int = 60, gps: bool = True) -> bytes:
    """HEIC bytes as an iPhone stores them: the same tags as phone_jpeg. The HEIF plugin
    (pillow-heif) must be registered, as `import generator.images` does; x265's fastest
    preset keeps a test photo to a fraction of a second."""
    out = io.BytesIO()
    _as_stored(upright, orientation).save(out, "HEIF", quality=quality, exif=_phone_exif(orientation, gps).tobytes(),
                enc_params={"preset": "ultrafast"})
    return out.getvalue()


def _as_stored(upright: Image.Image, orientation: int) -> Image.Image:
    """The pixels as the phone's sensor saw them: sideways for orientation 6."""
    return upright.transpose(Image.Transpose.ROTATE_90) if orientation == 6 else upright


def _phone_exif(orientation: int, gps: bool) -> Image.Exif:
    """The tags a phone writes, the private ones (place, owner, serial number) included."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Camera X12 Pro"
    exif[ExifTags.Base.Artist] = "Nguyen Van Phong vien"
    exif[ExifTags.Base.Copyright] = "Cong an tinh"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = "SN-00042-HY"
    if gps:
        exif.get_ifd(ExifTags.IFD.GPSInfo).update({
            ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (20.0, 39.0, 21.5),
            ExifTags.GPS.GPSLongitudeRef: "E", ExifTags.GPS.GPSLongitude: (106.0, 3.0, 7.25),
        })
    return exif
