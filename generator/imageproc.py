"""Encoding planned image variants: in parallel, on all cores, cached across builds.

Owns the pixel work and the image cache (<site>/.cache/images/): decoding a
photo (once per decode scale its variants need), turning it upright by its
EXIF orientation, converting it to sRGB, cropping, resizing (never up) and
encoding each variant with no metadata at all — no EXIF (GPS, camera serial,
owner), no XMP, no IPTC, no ICC profile. A variant whose cache file exists is
never encoded again (its name already carries the hash of its source bytes
and settings), unless that file fails its check when it is copied into the
site. Must not decide what to make: images.py plans, this module only
carries it out.
"""
from __future__ import annotations

import io
import json
import multiprocessing
import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PIL import Image, ImageCms, ImageFile, ImageOps, ImageStat

from generator import workers as worker_processes
from generator.cache import KEEP_UNUSED_DAYS, read_sealed, seal, write_atomic
from generator.diagnostics import Problem, error
from generator.images import DECODE_ERRORS, DEEP_GREY_MODES, ImagePlan, Variant, describe_decode_error
from generator.output import file_stats

CACHE_DIR = Path(".cache") / "images"  # the default: <cache root>/images
SERIAL_BELOW_PIXELS = 20_000_000  # about two phone photos
AVIF_SPEED = 8  # libaom's slower settings cost seconds per photo for a few per cent of bytes
_SRGB = None


@dataclass(frozen=True)
class ProcessReport:
    variants: int = 0  # files published
    sources: int = 0  # distinct source photos
    encoded: int = 0  # made by this build; the rest came from the cache
    photos: int = 0  # source photos decoded by this build
    seconds: float = 0.0


@dataclass(frozen=True)
class _Job:
    source_file: str
    source: str  # site-relative, for problems
    variants: tuple[Variant, ...]
    cache_dir: str


@dataclass(frozen=True)
class _Outcome:
    source: str
    encoded: int
    code: str = ""
    message: str = ""


def cache_path(cache_dir: Path, variant: Variant) -> Path:
    return cache_dir / Path(variant.name).name


def cache_folder(cache_root: Path | None) -> Path:
    """Where variants are kept: <cache root>/images, or a throw-away folder when the build
    uses no cache (--no-cache): nothing is then read from or left in a cache."""
    if cache_root is None:
        return Path(tempfile.mkdtemp(prefix="portal-images-"))
    return cache_root / "images"


def release_cache_folder(folder: Path, cache_root: Path | None) -> None:
    if cache_root is None:
        shutil.rmtree(folder, ignore_errors=True)


LAST_USED = ".last-used.json"


def prune_cache(cache_dir: Path, plan: ImagePlan, now: float) -> int:
    """Forget variants unused for KEEP_UNUSED_DAYS; returns how many files were deleted.

    The day each variant was last used is kept beside them: a cached file's
    mtime cannot say it, since touching it would touch the published hard link too.
    """
    today = int(now // 86400)
    path = cache_dir / LAST_USED
    try:
        last_used = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(last_used, dict):
            last_used = {}
    except (OSError, ValueError):
        last_used = {}
    used = {cache_path(cache_dir, variant).name for variant in plan.variants}
    kept, deleted = {}, 0
    try:
        names = sorted(entry.name for entry in os.scandir(cache_dir) if entry.is_file(follow_symlinks=False)
                       and not entry.name.startswith("."))
    except OSError:
        return 0
    for name in names:
        seen = today if name in used else last_used.get(name)
        if not isinstance(seen, int):
            seen = today  # first noticed now: it gets the full grace period
        if today - seen > KEEP_UNUSED_DAYS:
            (cache_dir / name).unlink(missing_ok=True)
            deleted += 1
        else:
            kept[name] = seen
    if kept != last_used:
        write_atomic(path, json.dumps(kept, sort_keys=True, separators=(",", ":")).encode("utf-8"))
    return deleted


def publish_variants(target, site_dir: Path, plan: ImagePlan, cache_dir: Path,
                     known: dict) -> tuple[dict[str, tuple[int, int]], list[Problem]]:
    """Put every planned variant into the output target (an output.Stage or output.Patch);
    returns each one's (size, mtime_ns) as published, for the next build's `known`, and
    the problems of photos that could not be made again.

    A variant's name carries the hash of everything that made it, so a file of that name
    that is still as the last build published it (`known`: the same size and mtime, as the
    render stage checks pages) is the same file, and is not read. One changed in place
    since (an optimiser run over the published site, a half-finished upload) is replaced
    from the cache, as a clean build would write it.
    """
    published, problems = {}, []
    for variant in plan.variants:
        rel = variant.name
        if rel in target.seeded and rel in known and file_stats(target.path_of(rel)) == tuple(known[rel]):
            target.keep(rel)
        else:
            data, outcome = _cached_or_made(site_dir, plan, variant, cache_dir)
            if data is None:
                problems += _problems(plan, outcome)
                continue
            if target.write(rel, data):
                _dated_as_cached(target.path_of(rel), cache_path(cache_dir, variant))
        stats = file_stats(target.path_of(rel))
        if stats is not None:
            published[rel] = stats
    return published, problems


def _dated_as_cached(published: Path, cached: Path) -> None:
    """The published variant's mtime, its cached file's: a fresh output folder built with the
    cache kept (CI) has photos of the same date every time, which rsync by size and date does not
    send again (they were most of the bytes, and all dated anew by each build)."""
    try:
        os.utime(published, ns=(time.time_ns(), cached.stat().st_mtime_ns))
    except OSError:
        pass  # (the date only spares an upload)


def cached_bytes(path: Path) -> bytes | None:
    """A cached variant's bytes, or None when the file is gone or fails its check."""
    payload = read_sealed(path)
    return bytes(payload) if payload is not None else None


def _cached_or_made(site_dir: Path, plan: ImagePlan, variant: Variant,
                    cache_dir: Path) -> tuple[bytes | None, "_Outcome | None"]:
    """The variant from the cache; made again here when its cached file is damaged (a
    flipped bit, a truncation: every cache entry is sealed) or was pruned meanwhile."""
    data = cached_bytes(cache_path(cache_dir, variant))
    if data is not None:
        return data, None
    outcome = encode_source(_Job(str(site_dir / plan.sources[variant.source].disk_path), variant.source,
                                 (variant,), str(cache_dir)))
    return (None, outcome) if outcome.code else (cached_bytes(cache_path(cache_dir, variant)), None)


def _problems(plan: ImagePlan, outcome: "_Outcome") -> list[Problem]:
    """An error at each line that uses the photo that failed (its copies of the same bytes too)."""
    digest = plan.sources[outcome.source].digest
    return [error(ref.article, ref.line, outcome.code, f"'{ref.src}': {outcome.message}")
            for path in sorted(plan.sources) if plan.sources[path].digest == digest
            for ref in plan.uses.get(path, ())]


def process_images(site_dir: Path, plan: ImagePlan, cache_dir: Path | None = None, workers: int | None = None,
                   serial_below: int = SERIAL_BELOW_PIXELS,
                   progress: Callable[[str, int, int], None] | None = None) -> tuple[ProcessReport, list[Problem]]:
    """Make every planned variant that the cache does not hold yet. `progress` is told
    ("images", 0, photos) before photos are encoded (seconds each, on a phone's)."""
    start = time.perf_counter()
    cache_dir = cache_dir or site_dir / CACHE_DIR
    # One job for each photo's bytes: the same file in two bundles (copied, or saved under another
    # name) was decoded once for each, its variants shared out between them, or encoded twice.
    first: dict[str, str] = {}  # digest → the first path of a file of those bytes
    for path in sorted(plan.sources):
        first.setdefault(plan.sources[path].digest, path)
    missing: dict[str, list[Variant]] = {}
    for variant in plan.variants:
        if not cache_path(cache_dir, variant).is_file():
            missing.setdefault(first[variant.digest], []).append(variant)
    jobs = [_Job(str(site_dir / plan.sources[source].disk_path), source, tuple(variants), str(cache_dir))
            for source, variants in sorted(missing.items())]
    workers = max(1, min(workers or worker_processes.default_jobs(), len(jobs)))
    pixels = sum(plan.sources[job.source].width * plan.sources[job.source].height for job in jobs)
    if pixels < serial_below:
        workers = 1  # starting worker processes would cost more than the work
    if jobs:
        cache_dir.mkdir(parents=True, exist_ok=True)
        if progress is not None:
            progress("images", 0, len(jobs))
    if workers > 1:
        # spawn, not fork: the parent may hold threads (render, watchers) that fork would copy mid-lock.
        # Each worker ends with the build, and quietly on Ctrl+C: a preview stopped while its photos
        # were encoded left them (and multiprocessing's resource tracker) running for good.
        with worker_processes.ending_with_the_build(ProcessPoolExecutor(
                workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=worker_processes.start_worker, initargs=(os.getpid(),))) as pool:
            with worker_processes.ctrl_c_held():  # (a worker starts with a job given while none is idle)
                futures = [pool.submit(encode_source, job) for job in jobs]
            outcomes = [future.result() for future in futures]
    else:
        outcomes = [encode_source(job) for job in jobs]
    problems = [problem for outcome in outcomes if outcome.code for problem in _problems(plan, outcome)]
    report = ProcessReport(variants=len(plan.variants), sources=len(plan.sources), encoded=sum(o.encoded for o in outcomes),
                           photos=len(jobs), seconds=time.perf_counter() - start)
    return report, problems


def encode_source(job: _Job) -> _Outcome:
    """Decode one photo and write each of its variants into the cache (runs in a worker)."""
    ImageFile.LOAD_TRUNCATED_IMAGES = False  # a cut-off upload is an error, not a grey stripe
    try:
        groups = _by_decode(job)
    except DECODE_ERRORS as exc:
        return _Outcome(job.source, 0, *describe_decode_error(exc))
    full_w, _ = _full_size(job)
    for need, variants in groups:
        try:
            upright = _open_upright(job, need)
        except DECODE_ERRORS as exc:
            return _Outcome(job.source, 0, *describe_decode_error(exc))
        scale = upright.width / full_w
        ground = _flat_ground(upright)
        resized: dict[tuple, Image.Image] = {}  # one resize serves every format of a size
        made: dict[tuple, bytes] = {}  # one encoding serves the same variant under two names (two copies' stems)
        for variant in variants:
            box = tuple(round(c * scale) for c in variant.crop)
            geometry = (box, variant.width, variant.height)
            if geometry not in resized:
                if box == (0, 0, upright.width, upright.height) and upright.size == (variant.width, variant.height):
                    resized[geometry] = upright
                else:
                    resized[geometry] = upright.resize((variant.width, variant.height), Image.Resampling.LANCZOS,
                                                       box=box, reducing_gap=3.0)
            recipe = (geometry, variant.fmt, variant.quality)
            if recipe not in made:
                made[recipe] = encode_variant(resized[geometry], variant, ground)
            write_atomic(cache_path(Path(job.cache_dir), variant), seal(made[recipe]))
    return _Outcome(job.source, len(job.variants))


def _by_decode(job: _Job) -> list[tuple[tuple[int, int] | None, list[Variant]]]:
    """The variants grouped by the decode each needs on its own: (the size asked of the
    JPEG decoder, or None for a whole decode; the variants made from it).

    A JPEG decodes at 1/2, 1/4 or 1/8 scale when that is still big enough, and a
    variant's pixels depend on the scale it was made from. So the scale must follow from
    the variant alone, never from which other variants of the photo this build happens to
    encode (an incremental build encodes only the new ones): else the same variant name
    gets other bytes than in a clean build."""
    with Image.open(job.source_file) as im:
        stored = im.size
        orientation = int(im.getexif().get(0x0112, 1) or 1)
        scalable = im.format in ("JPEG", "MPO")
    if not scalable:
        return [(None, list(job.variants))]
    groups: dict[tuple[int, int], tuple[tuple[int, int], list[Variant]]] = {}
    decoded_size = {}  # need → the size the decoder gives for it (Pillow picks the scale)
    for variant in job.variants:
        need = _needed_size(stored, variant, orientation)
        if need not in decoded_size:
            with Image.open(job.source_file) as im:
                im.draft(None, need)
                decoded_size[need] = im.size
        size = decoded_size[need]
        groups.setdefault(size, (need, []))[1].append(variant)
    return [groups[size] for size in sorted(groups, reverse=True)]


def _full_size(job: _Job) -> tuple[int, int]:
    """The upright size images.py planned with: every crop box is in these pixels."""
    widest = max(job.variants, key=lambda v: v.crop[2])
    tallest = max(job.variants, key=lambda v: v.crop[3])
    with Image.open(job.source_file) as im:
        w, h = im.size
        if int(im.getexif().get(0x0112, 1) or 1) in (5, 6, 7, 8):
            w, h = h, w
    assert widest.crop[2] <= w and tallest.crop[3] <= h, "plan and file disagree"
    return w, h


def _open_upright(job: _Job, need: tuple[int, int] | None) -> Image.Image:
    """The photo upright in sRGB, decoded at the scale `need` (stored orientation) asks for."""
    with Image.open(job.source_file) as im:
        im.seek(0)  # an animated GIF or WebP publishes its first frame
        if need is not None:
            im.draft(None, need)  # decode at 1/2, 1/4 or 1/8 scale when that is still big enough
        im.load()
        icc = im.info.get("icc_profile")
        upright = ImageOps.exif_transpose(im)
    upright = _to_srgb(_to_8_bits(upright), icc)
    has_alpha = upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and "transparency" in upright.info)
    upright = upright.convert("RGBA" if has_alpha else "RGB")
    upright.info = {}  # nothing read from the source travels on
    return upright


def _needed_size(stored: tuple[int, int], variant: Variant, orientation: int) -> tuple[int, int]:
    """The smallest decode (in stored orientation) that still gives the variant enough pixels."""
    w, h = stored if orientation not in (5, 6, 7, 8) else stored[::-1]
    factor = variant.width / (variant.crop[2] - variant.crop[0])
    need = (max(1, int(w * factor) + 1), max(1, int(h * factor) + 1))
    return need if orientation not in (5, 6, 7, 8) else need[::-1]


def _to_8_bits(image: Image.Image) -> Image.Image:
    """Greyscale of 16 or 32 bits (a scan, a document camera's TIFF) on 0–255: convert() clips
    every grey above 255, and such a photo was published white. 16 bits span 0–65,535; 32 bits
    (integers, or floats usually on 0–1) the first of those ranges their values fit, else their own."""
    if image.mode not in DEEP_GREY_MODES:
        return image
    if image.mode.startswith("I;16"):  # (its extrema are not asked: I;16B, a Motorola-order TIFF, has none)
        low, high = 0, 65535
    else:
        low, high = image.getextrema()
        if image.mode == "F" and 0 <= low and high <= 1:
            low, high = 0, 1
        elif 0 <= low and high <= 65535:
            low, high = 0, 255 if high <= 255 else 65535
    scale = 255 / (high - low) if high > low else 0.0
    deep = image if image.mode in ("I", "F") else image.convert("I")
    return deep.point(lambda value: value * scale - low * scale).convert("L")


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Photos from phones are often Display P3; dropping the profile without converting would dull them."""
    global _SRGB
    if not icc or image.mode not in ("RGB", "RGBA", "CMYK", "L", "LA", "P", "PA"):
        return image
    if image.mode in ("P", "PA"):  # a palette's colours are the profile's too (a chart, a logo)
        image = image.convert("RGBA" if image.mode == "PA" or "transparency" in image.info else "RGB")
    alpha = image.getchannel("A") if image.mode == "LA" else None
    try:
        _SRGB = _SRGB or ImageCms.createProfile("sRGB")
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if alpha is not None:  # lcms takes no grey with alpha: the grey is converted, its alpha put back
            converted = ImageCms.profileToProfile(image.convert("L"), source, _SRGB, outputMode="RGB")
            converted.putalpha(alpha)
            return converted
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # a broken profile: the pixels are still the best we have


WHITE, DARK = (255, 255, 255), (40, 40, 40)
UNIFORM = 8.0  # a standard deviation of greys below which a picture shows nothing


def _flat_ground(upright: Image.Image) -> tuple[int, int, int]:
    """What a transparent photo's JPEGs (the social card, old browsers' copy) are laid on, as
    JPEG has no transparency: white, as the page is, unless the photo would vanish there (a
    white logo made an all-white social card): then dark grey. Chosen once from the whole
    photo, so that every variant of it, made in any build, has the same ground."""
    if upright.mode != "RGBA":
        return WHITE
    sample = upright.reduce(max(1, max(upright.size) // 256))
    on_white, on_dark = (ImageStat.Stat(_flatten(sample, ground).convert("L")).stddev[0] for ground in (WHITE, DARK))
    return DARK if on_white < UNIFORM < on_dark else WHITE


def _flatten(picture: Image.Image, ground: tuple[int, int, int]) -> Image.Image:
    flat = Image.new("RGB", picture.size, ground)
    flat.paste(picture, mask=picture.getchannel("A"))
    return flat


def encode_variant(picture: Image.Image, variant: Variant, ground: tuple[int, int, int] = WHITE) -> bytes:
    picture.info = {}  # belt and braces: encoders read exif, xmp and icc_profile from here
    out = io.BytesIO()
    if variant.fmt == "jpeg":
        if picture.mode == "RGBA":
            picture = _flatten(picture, ground)
        picture.save(out, "JPEG", quality=variant.quality, optimize=True, progressive=True)
    elif variant.fmt == "webp":
        picture.save(out, "WEBP", quality=variant.quality, method=4)
    elif variant.fmt == "avif":
        picture.save(out, "AVIF", quality=variant.quality, speed=AVIF_SPEED, max_threads=1)
    else:
        raise ValueError(f"unknown format {variant.fmt}")
    return out.getvalue()
