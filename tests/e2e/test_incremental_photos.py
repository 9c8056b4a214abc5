"""Incremental builds follow photo edits exactly: after each random edit an editor makes to the
photos of a site (new pixels under the same name, a photo added to or dropped from a body, a
cover set, moved or removed, its caption or focal point, a shared asset replaced, another
bundle's photo borrowed, a bundle moved, the [images] settings), the incremental output is byte-identical to a clean build."""
from __future__ import annotations

import io
import random
import re
import shutil
import sys
import time
from pathlib import Path

import pytest

from generator import content
from generator.memo import Memo
from generator.pipeline import BuildOptions, build
from tests.conftest import SITE_TOML, article, tree
from tests.photos import phone_heic, phone_jpeg, upright_photo

# Small widths keep each clean build's encoding short; the photos are larger than some of
# them and smaller than others, so "never upscaled" is exercised too.
IMAGES_TOML = '\n[images]\nwidths = [{w}]\nthumbnail_widths = [{t}]\nformats = [{f}]\nthumbnail_ratio = "{r}"\n'
BUNDLES = ("tin-hoat-dong/ra-quan", "tin-hoat-dong/hoi-nghi", "xay-dung-luc-luong/tap-huan")
ASSET = "assets/anh/bien-bao.jpg"
RECENT_NS = 50_000_000
STEPS = 14


def _images_toml(rng: random.Random) -> str:
    widths = sorted(rng.sample([64, 120, 200, 320], rng.randint(1, 3)))
    thumbs = sorted(rng.sample([48, 96, 160], rng.randint(1, 2)))
    formats = rng.choice([["webp", "jpeg"], ["avif", "jpeg"], ["jpeg"], ["avif", "webp", "jpeg"]])
    return IMAGES_TOML.format(w=", ".join(map(str, widths)), t=", ".join(map(str, thumbs)),
                              f=", ".join(f'"{x}"' for x in formats), r=rng.choice(["3:2", "1:1", "16:9"]))


# What an editor's photos may be, whatever their name says: a phone's JPEG or HEIC, a
# screenshot (PNG, with or without transparency, palette), a WebP or GIF from the web, a
# scanner's CMYK or greyscale JPEG. The suite's JPEG-only seeds keep their old sequence.
PHOTO_KINDS = ("jpeg",)


def _photo(rng: random.Random) -> bytes:
    kind = "jpeg" if PHOTO_KINDS == ("jpeg",) else rng.choice(PHOTO_KINDS)
    width, height = rng.choice([90, 150, 260]), rng.choice([80, 140, 220])
    if kind == "jpeg":
        return phone_jpeg(width, height, orientation=rng.choice([1, 1, 6]), gps=rng.random() < 0.5)
    if kind == "heic":
        return phone_heic(width, height, orientation=rng.choice([1, 6]))
    image, saved = upright_photo(width, height), io.BytesIO()
    if kind == "png-alpha":
        image.putalpha(128)
    mode, form = {"png": ("RGB", "PNG"), "png-alpha": ("RGBA", "PNG"), "palette": ("P", "PNG"), "webp": ("RGB", "WEBP"),
                  "gif": ("P", "GIF"), "cmyk": ("CMYK", "JPEG"), "grey": ("L", "JPEG")}[kind]
    image.convert(mode).save(saved, form)
    return saved.getvalue()


def _split(path: Path) -> tuple[str, str]:
    head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    return head, body


def _join(path: Path, head: str, body: str) -> None:
    path.write_text(f"{head}\n---\n{body}", encoding="utf-8")


def _set_key(head: str, key: str, value: str | None) -> str:
    head = re.sub(rf"(?m)^{key}: .*\n?", "", head).rstrip("\n")
    return head if value is None else f"{head}\n{key}: {value}"


def _bundles(site: Path) -> list[Path]:
    return sorted(p.parent for p in (site / "content").rglob("index.md"))


def make_site(site: Path, rng: random.Random) -> None:
    (site / "site.toml").parent.mkdir(parents=True)
    (site / "site.toml").write_text(SITE_TOML + _images_toml(rng), encoding="utf-8")
    for n, rel in enumerate(BUNDLES):
        folder = site / "content" / rel
        folder.mkdir(parents=True)
        (folder / "anh-1.jpg").write_bytes(_photo(rng))
        body = f"Đoạn mở đầu bài {n}.\n\n![Ảnh thứ nhất](anh-1.jpg \"Chú thích ảnh {n}\")\n"
        (folder / "index.md").write_text(article(f"Bài có ảnh {n}", f"2026-01-{n + 2:02d}T08:00:00",
                                                 category=rel.split("/")[0], body=body), encoding="utf-8")
    (site / ASSET).parent.mkdir(parents=True)
    (site / ASSET).write_bytes(_photo(rng))


def mutate(rng: random.Random, site: Path, counter: list[int]) -> str:
    bundles = _bundles(site)
    folder = rng.choice(bundles)
    index = folder / "index.md"
    head, body = _split(index)
    photos = sorted(p.name for p in folder.glob("*.jpg"))
    action = rng.choice(["replace", "replace", "add", "drop", "cover", "cover", "caption", "focus", "asset",
                         "asset-in-body", "move", "config", "delete-unused", "borrow"])
    if action == "replace" and photos:
        (folder / rng.choice(photos)).write_bytes(_photo(rng))
    elif action == "add":
        counter[0] += 1
        name = f"anh-moi-{counter[0]}.jpg"
        (folder / name).write_bytes(_photo(rng))
        _join(index, head, body + f"\n![Ảnh {counter[0]}]({name})\n")
    elif action == "drop":
        lines = [line for line in body.splitlines() if line.startswith("![")]
        if lines:
            _join(index, head, body.replace(rng.choice(lines) + "\n", "", 1))
    elif action == "cover":
        cover = rng.choice(photos + [None]) if photos else None
        _join(index, _set_key(head, "image", cover), body)
    elif action == "caption":
        caption = rng.choice([None, f'"Chú thích bìa {rng.randint(0, 9)}"'])
        _join(index, _set_key(head, "image_caption", caption), body)
    elif action == "focus":
        focus = rng.choice([None, '"30% 70%"', '"50% 10%"', '"90% 90%"'])
        _join(index, _set_key(head, "image_focus", focus), body)
    elif action == "asset":
        (site / ASSET).write_bytes(_photo(rng))
    elif action == "asset-in-body":
        line = "![Biển báo](/assets/anh/bien-bao.jpg)\n"
        _join(index, head, body.replace(line, "") if line in body else body + "\n" + line)
    elif action == "move":  # a renamed bundle folder: a new URL, the same photos
        counter[0] += 1
        target = folder.parent / f"{folder.name.split('--')[0]}--{counter[0]}"
        folder.rename(target)
    elif action == "config":
        config = site / "site.toml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text[:text.index("\n[images]")] + _images_toml(rng), encoding="utf-8")
    elif action == "borrow":  # another bundle's photo, by a relative path (moving that bundle breaks it)
        other = rng.choice(bundles)
        borrowed = sorted(other.glob("*.jpg"))
        if borrowed:
            _join(index, head, body + f"\n![Ảnh mượn](../../{other.relative_to(site / 'content').as_posix()}/"
                                      f"{rng.choice(borrowed).name})\n")
    elif action == "delete-unused":
        used = set(re.findall(r"\]\(([^)\s]+)", body)) | set(re.findall(r"(?m)^image: (.*)$", head))
        unused = [name for name in photos if name not in used]
        if unused:
            (folder / rng.choice(unused)).unlink()
    return f"{action} {folder.relative_to(site).as_posix()}"


@pytest.mark.parametrize("seed, kept, kinds", [(116, False, "jpeg"), (103, True, "jpeg"), (1, False, "mixed")])
def test_random_photo_edits_incremental_equals_clean(tmp_path, monkeypatch, seed, kept, kinds):
    """`kept`: like `serve`, every build hands the next what it remembers (generator/memo.py).
    `kinds`: "mixed" photos are of every format in PHOTO_KINDS, all named .jpg."""
    if kinds == "mixed":
        monkeypatch.setattr(sys.modules[__name__], "PHOTO_KINDS",
                            ("jpeg", "heic", "png", "png-alpha", "palette", "webp", "gif", "cmyk", "grey"))
    rng = random.Random(seed)
    memo = Memo() if kept else None
    if kept:
        monkeypatch.setattr(content, "RACY_MARGIN_NS", RECENT_NS)
    site = tmp_path / "site"
    make_site(site, rng)
    counter = [0]
    out = tmp_path / "incremental"
    done, built = [], 0
    for step in range(STEPS):
        if kept:
            time.sleep(2 * RECENT_NS / 1e9)
        result = build(BuildOptions(site_dir=site, out_dir=out, memo=memo, private_output=kept))
        clean_out = tmp_path / f"clean-{step}"
        clean = build(BuildOptions(site_dir=site, out_dir=clean_out, use_cache=False))
        # A move can break another bundle's borrowed photo: then both builds fail alike.
        assert result.ok == clean.ok, (done, result.problems, clean.problems)
        if result.ok:
            assert tree(out) == tree(clean_out), (step, done)
            built += 1
        shutil.rmtree(clean_out, ignore_errors=True)
        done.append(mutate(rng, site, counter))
    assert built > STEPS // 2, done
    assert any(a.startswith(("replace", "add")) for a in done) and any(a.startswith("config") for a in done), done
