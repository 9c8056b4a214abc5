"""Small phone-like photos for the image tests: EXIF orientation, GPS, camera and owner tags, XMP, ICC."""
from __future__ import annotations

import io
import struct
import zlib

from PIL import ExifTags, Image

from bench import photos as bench_photos  # the benchmark's phone photos: one maker for both

TOP = (200, 20, 20)  # the upright photo's top band is red …
BOTTOM = (20, 20, 200)  # … and its bottom band blue


def upright_photo(width: int, height: int) -> Image.Image:
    """A photo whose up and down can be told apart after processing."""
    im = Image.new("RGB", (width, height), (90, 160, 90))
    im.paste(TOP, (0, 0, width, height // 5))
    im.paste(BOTTOM, (0, height - height // 5, width, height))
    return im


def phone_jpeg(width: int, height: int, orientation: int = 1, gps: bool = True) -> bytes:
    """width×height is the upright size; with orientation 6 the pixels are stored sideways."""
    return bench_photos.phone_jpeg(upright_photo(width, height), orientation, quality=80, gps=gps)


def phone_heic(width: int, height: int, orientation: int = 1) -> bytes:
    """An iPhone's HEIC photo; width×height is the upright size, as for phone_jpeg."""
    import generator.images  # noqa: F401  registers the HEIF plugin with Pillow
    return bench_photos.phone_heic(upright_photo(width, height), orientation)


def png_header_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size: a decompression bomb in a few bytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def metadata_of(data: bytes) -> dict:
    """Everything privacy-relevant Pillow can read back from an encoded image."""
    with Image.open(io.BytesIO(data)) as im:
        exif = im.getexif()
        return {
            "exif": dict(exif), "gps": dict(exif.get_ifd(ExifTags.IFD.GPSInfo)),
            "exif_ifd": dict(exif.get_ifd(ExifTags.IFD.Exif)),
            "info": sorted(k for k in im.info if k in ("exif", "xmp", "icc_profile", "XML:com.adobe.xmp",
                                                     "photoshop", "iptc", "comment", "Comment")),
            "app": sorted(k for k, _ in getattr(im, "applist", []) if k != "APP0"),
        }
