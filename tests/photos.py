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


def _icc_profile(space: bytes, tags: list[tuple[bytes, bytes]]) -> bytes:
    """A version 2 display profile of `space` (b"RGB ", b"GRAY") holding `tags`, as lcms reads one."""
    table, data, start = b"", b"", 128 + 4 + 12 * len(tags)
    for signature, body in tags:
        data += b"\0" * (-(start + len(data)) % 4)
        table += signature + struct.pack(">II", start + len(data), len(body))
        data += body
    d50 = _xyz(0.9642, 1.0, 0.8249)[8:]
    header = (struct.pack(">I", start + len(data)) + b"lcms" + struct.pack(">I", 0x02100000) + b"mntr" + space
              + b"XYZ " + bytes(12) + b"acsp" + bytes(24) + struct.pack(">I", 0) + d50 + bytes(48))
    return header + struct.pack(">I", len(tags)) + table + data


def _xyz(x: float, y: float, z: float) -> bytes:
    return b"XYZ " + bytes(4) + b"".join(struct.pack(">i", round(v * 65536)) for v in (x, y, z))


def _common_tags(name: str, gamma: float) -> list[tuple[bytes, bytes]]:
    text = name.encode("ascii") + b"\0"
    description = b"desc" + bytes(4) + struct.pack(">I", len(text)) + text + bytes(8 + 67)
    curve = b"curv" + bytes(4) + struct.pack(">IH", 1, round(gamma * 256)) + bytes(2)
    return [(b"desc", description), (b"wtpt", _xyz(0.9642, 1.0, 0.8249)), (b"cprt", b"text" + bytes(4) + b"none\0"),
            (b"TRC", curve)]


def display_p3_profile() -> bytes:
    """An iPhone's colour space (Display P3's primaries, gamma 2.2): wider than sRGB, so its
    colours look dull when the profile is dropped instead of converted."""
    *tags, (_, curve) = _common_tags("Display P3 (test)", 2.2)
    primaries = [(b"rXYZ", _xyz(0.5151, 0.2412, -0.0011)), (b"gXYZ", _xyz(0.2920, 0.6922, 0.0419)),
                 (b"bXYZ", _xyz(0.1571, 0.0666, 0.7841))]
    return _icc_profile(b"RGB ", tags + primaries + [(b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve)])


def grey_profile(gamma: float) -> bytes:
    """A greyscale profile whose tone curve is `gamma` (sRGB's is about 2.2)."""
    *tags, (_, curve) = _common_tags(f"Grey {gamma} (test)", gamma)
    return _icc_profile(b"GRAY", tags + [(b"kTRC", curve)])
