"""The portal's share image (site.toml `share_image`): the picture a shared link shows when its
page has none of its own, and the publisher's logo in the structured data (seo.py uses it).

Owns checking, once the build knows what it publishes, that the image is one of its files and
large enough for the networks that show it (Facebook and Zalo ignore one under 200×200 px), and
that it does not tell where it was taken (a phone's GPS position). Reads only that file's header.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Collection, Mapping
from urllib.parse import quote, unquote

from PIL import Image, UnidentifiedImageError

from generator.config import CONFIG_NAME, line_in_site_toml
from generator.diagnostics import Problem, error, warning
from generator.images import is_image_file
from generator.vietnamese import nfc

# Below this on either side, Facebook and Zalo show no picture for the link.
SMALLEST_SIDE = 200


def published_name(path: str) -> str:
    """The output file a share_image path names, written as typed ("/ảnh chia sẻ.png") or
    %-encoded as copied from an address bar."""
    return nfc(unquote(path)).lstrip("/")


def share_image_url(path: str) -> str:
    """The path as a URL carries it: %-encoded (a crawler may not fetch "/ảnh chia sẻ.png")."""
    return "/" + quote(published_name(path), safe="/!$&'()*+,;=:@-._~")


# EXIF's GPS folder, and its latitude and longitude: where a phone's photo was taken.
_GPS_IFD, _GPS_LATITUDE, _GPS_LONGITUDE = 0x8825, 2, 4


# The same place written in XMP (a photo editor's export keeps it there: exif:GPSLatitude="21,1.5N").
_XMP_PLACE = re.compile(rb"GPS(?:Latitude|Longitude)\b")


def _xmp(image: Image.Image) -> bytes:
    """The picture's XMP packet as Pillow found it (JPEG and WebP: "xmp"; PNG: an iTXt chunk), or b""."""
    found = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    return found.encode("utf-8", "replace") if isinstance(found, str) else bytes(found)


def read_share_image(path: str, copied: Mapping[str, Path]) -> tuple[tuple[int, int] | None, bool]:
    """The share image's size (width, height) when it is a picture the build copies as it is
    (from static/), for og:image:width and og:image:height, else None; and whether it keeps the
    place it was taken (EXIF GPS), which, copied byte for byte, anyone who opens the portal's
    picture reads (an article's photos are published without it). One opening of the file.
    Upright, as a browser and the networks show the file: a phone's JPEG stored sideways (EXIF
    orientation 6, 4000×3000 stored) is 3000×4000, and its stored size told Facebook and Zalo a
    landscape picture."""
    source = copied.get(published_name(path)) if path else None
    if source is None:
        return None, False
    try:
        with Image.open(source) as image:
            width, height = image.size
            exif = image.getexif() if image.format in ("JPEG", "MPO", "PNG", "WEBP") else None
            # (a quarter turn; browsers turn a JPEG and a PNG by their EXIF orientation, not a WebP)
            turned = image.format != "WEBP" and exif is not None and int(exif.get(0x0112, 1) or 1) in (5, 6, 7, 8)
            located = _keeps_place(image, exif)
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
        return None, False  # (share_image_problems names it)
    return ((height, width) if turned else (width, height)), located


def _keeps_place(image: Image.Image, exif: Image.Exif | None) -> bool:
    """Whether the picture tells where it was taken: EXIF's GPS position, or XMP's."""
    gps = exif.get_ifd(_GPS_IFD) if exif is not None else {}
    return _GPS_LATITUDE in gps or _GPS_LONGITUDE in gps or _XMP_PLACE.search(_xmp(image)) is not None


# The build cache's record of what each picture copied as it is told: output path → (its size,
# its mtime in ns, whether it keeps where it was taken). Opening each on every build cost 0.3 ms a
# picture: 3 s a build for the 10,000 photos of an old portal moved into static/.
LOCATED_STATE = "photo-locations"


def located_pictures(site_dir: Path, path: str, copied: Mapping[str, Path], cache=None) -> list[Problem]:
    """A warning at each picture copied as it is (static/, assets/; `copied`: output path → source)
    that keeps where it was taken, but the share image (`path`), which share_image_problems tells:
    a phone's photo put in static/ and linked from an article ("[Tải ảnh](/anh/bang-ron.jpg)")
    published its GPS position, as no article's photo does, without a word. `cache` (a BuildCache):
    each picture is opened again only when its size or mtime changed."""
    share = published_name(path) if path else None
    saved = cache.load_map(LOCATED_STATE) if cache is not None and cache.enabled else None
    known = saved.entries if saved is not None else {}
    entries: dict = {}
    problems = []
    for rel, source in sorted(copied.items()):
        if rel == share or not is_image_file(rel) or not source.is_relative_to(site_dir):
            continue
        try:
            stat = source.stat()
        except OSError:
            continue  # (the output stage, copying it, says what is wrong with it)
        entry = known.get(rel)
        if entry is None or entry[:2] != (stat.st_size, stat.st_mtime_ns):
            entry = (stat.st_size, stat.st_mtime_ns, _located(source))
        entries[rel] = entry
        if entry[2]:
            problems.append(warning(source.relative_to(site_dir).as_posix(), 0, "photo-location",
                                    f"/{rel} keeps where it was taken (its GPS position, with the phone's other "
                                    "data), and is published as it is: anyone who opens it reads the place, as no "
                                    "article's photo tells it; save the picture again without its location and "
                                    "replace the file"))
    if saved is not None:
        cache.save_map(LOCATED_STATE, saved, entries)
    return problems


def _located(source: Path) -> bool:
    try:
        with Image.open(source) as image:
            return _keeps_place(image, image.getexif())  # (an iPhone's HEIC, a TIFF too)
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError, SyntaxError, ValueError):
        return False  # (not a picture Pillow reads: nothing it would tell)


def share_image_problems(site_dir: Path, path: str, published: Collection[str],
                         copied: Mapping[str, Path], size: tuple[int, int] | None,
                         located: bool = False) -> list[Problem]:
    """An error when `path` is no file the build publishes; a warning when it is a picture too
    small to be shown, and one when it keeps where it was taken. `copied`: output path → source of
    the files copied as they are; `size`, `located`: read_share_image's (the build has read it for
    the pages already)."""
    if not path:
        return []
    line = line_in_site_toml(site_dir, "share_image")
    rel = published_name(path)
    if rel not in published:
        return [error(CONFIG_NAME, line, "missing-share-image",
                      f"share_image '{path}' is no file this site publishes: put the picture in static/ "
                      f"(static/{rel} is published as {path})")]
    if rel not in copied:  # (a file of static/; else one the build makes)
        return []
    if size is None:
        return [error(CONFIG_NAME, line, "missing-share-image",
                      f"share_image '{path}' is not a picture this build can read (PNG or JPEG)")]
    width, height = size
    problems = []
    if min(width, height) < SMALLEST_SIDE:
        problems.append(warning(CONFIG_NAME, line, "small-share-image",
                                f"share_image '{path}' is {width}×{height} px: Facebook and Zalo show no picture under "
                                f"{SMALLEST_SIDE}×{SMALLEST_SIDE} px; 1200×630 px suits them all"))
    if located:
        problems.append(warning(CONFIG_NAME, line, "share-image-location",
                                f"share_image '{path}' keeps where it was taken (its GPS position, with the phone's "
                                "other data), and is published as it is: anyone who opens it reads the place, as "
                                "no article's photo tells it; save the picture again without its location and "
                                "replace the file"))
    return problems
