"""Static files: the theme's assets, the files inside article bundles, and the
site's static/ folder (files served at the site's root as they are: a search
engine's verification file, /.well-known/security.txt, /favicon.ico).

Owns deciding which files are copied where (a site's own assets/ overrides
the default theme's file of the same name), and saying which files of content/
nothing publishes, and each asset's version for its links. Lists files; the output stage
copies them.
"""
from __future__ import annotations

import hashlib
import os
import posixpath
import re
import unicodedata
from pathlib import Path
from typing import Callable, Collection, Iterable, Mapping, Sequence
from urllib.parse import unquote, urlsplit

from generator import lfs
from generator.attachments import human_size
from generator.content import device_named_files
from generator.diagnostics import Problem, error, warning
from generator.images import is_image_file
from generator.merge_conflicts import conflict_problems
from generator.model import WHOLE_ADDRESS, Article
from generator.scratch_files import is_scratch
from generator.vietnamese import nfc

DEFAULT_ASSETS = Path(__file__).resolve().parent.parent / "assets"
ASSETS_URL = "assets/"
STATIC_DIR = "static"
# Where the build writes files of its own besides pages (theme assets, photo variants, the
# search index): a static file there could be overwritten, or pruned, unnoticed.
_OWNED_TOP = ("assets", "images")


def _walk(root: Path, hidden_kept: Collection[str] = ()) -> Iterable[Path]:
    """Every file below `root` in name order, hidden files and folders left out (but for
    the top-level ones named in `hidden_kept`), and what an editor's tools leave beside
    the files (Thumbs.db holds thumbnails of the folder's photos: never published)."""
    for folder, dirs, files in os.walk(root):
        at_top = Path(folder) == root
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") or (at_top and d in hidden_kept))
        for name in sorted(files):
            if not is_scratch(name) or (at_top and name in hidden_kept):
                yield Path(folder) / name


# Hidden entries of static/ a web server is given on purpose: RFC 8615's /.well-known/, Apache's
# .htaccess (its 404 page, old addresses; Apache never serves it) and GitHub Pages' .nojekyll.
# Any other hidden file (.DS_Store, .env, .gitkeep) stays out.
STATIC_HIDDEN_KEPT = (".well-known", ".htaccess", ".nojekyll")


def plan_static(site_dir: Path) -> tuple[dict[str, Path], list[Problem]]:
    """Output path → source file of each file under static/, published at the same path
    from the site's root; and a Problem for each one in a folder the build owns. Hidden
    files are left out, but for those of STATIC_HIDDEN_KEPT."""
    root = site_dir / STATIC_DIR
    planned: dict[str, Path] = {}
    names: dict[str, str] = {}  # (_published_as_written's)
    problems: list[Problem] = []
    if not root.is_dir():
        return planned, problems
    for path in _walk(root, hidden_kept=STATIC_HIDDEN_KEPT):
        rel = path.relative_to(root).as_posix()
        top = rel.split("/", 1)[0]
        if rel.startswith("pagefind") or "/" in rel and top in _OWNED_TOP:
            problems.append(error(f"{STATIC_DIR}/{rel}", 0, "static-reserved",
                                  f"/{top}/ is where the build writes its own files; "
                                  f"put this file elsewhere in static/ (or in assets/)"))
            continue
        if _published_as_written(names, rel, lambda mac, written: problems.append(
                _mac_twin(f"{STATIC_DIR}/{mac}", f"{STATIC_DIR}/{written}"))):
            planned[nfc(rel)] = path
    # (a device's name, con.txt or aux/: Git for Windows cannot check it out, as in content/)
    problems += device_named_files(f"{STATIC_DIR}/{rel}" for rel in names.values())
    return planned, problems


def _published_as_written(names: dict[str, str], rel: str, twin: Callable[[str, str], None]) -> bool:
    """Whether the file `rel` is published, under its NFC name, among the files whose NFC names are
    `names` so far (NFC name → name as saved; updated). A twin, the same letters as a Mac writes them
    (NFD) and as Windows does, is told (`twin(mac's, written)`) and the NFC one wins: both went to
    one address, and readers got one of them, maybe the old version, without a word."""
    written = nfc(rel)
    if written in names:
        twin(rel if rel != written else names[written], written)
        if rel != written:
            return False
    names[written] = rel
    return True


def plan_assets(site_dir: Path, exclude: Iterable[str] = ()) -> tuple[dict[str, Path], list[Problem]]:
    """Output path → source file, the site's own files winning; and an error at each of the
    site's files whose name is another's as a Mac writes its letters (one would be left out), a
    device-name warning at each named as Windows names a device.

    `exclude`: site-relative files published another way (photos articles use
    go through the image pipeline; their originals must never be copied).
    """
    excluded = {site_dir / rel for rel in exclude}
    planned: dict[str, Path] = {}
    problems: list[Problem] = []
    roots = [DEFAULT_ASSETS, site_dir / "assets"]
    for root in roots:
        if root.is_dir():
            names: dict[str, str] = {}  # (this root's: _published_as_written's)
            for path in _walk(root):
                rel = path.relative_to(root).as_posix()
                # NFC: a name saved on a Mac (NFD) must match the layout's NFC `| asset` link.
                if path not in excluded and _published_as_written(names, rel, lambda mac, written, root=root: problems.append(
                        _mac_twin(shown_path(root / mac, site_dir), shown_path(root / written, site_dir)))):
                    planned[ASSETS_URL + nfc(rel)] = path
            if root != DEFAULT_ASSETS:  # (a device's name, aux.js or con/: as in content/ and static/)
                problems += device_named_files(f"assets/{rel}" for rel in names.values())
    return planned, problems


def asset_versions(files: Mapping[str, Path]) -> dict[str, str]:
    """Each planned asset's version: the first hex digits of a digest of its bytes."""
    versions = {}
    for rel, source in files.items():
        if rel.startswith(ASSETS_URL):
            with open(source, "rb") as handle:
                versions[rel] = hashlib.file_digest(handle, "sha256").hexdigest()[:VERSION_DIGITS]
    return versions


VERSION_DIGITS = 10


def plan_files(site_dir: Path, articles: Iterable[Article], listing: Sequence[tuple[str, os.DirEntry]],
               image_sources: Iterable[str], base_path: str = "/") -> tuple[dict[str, Path], list[Problem]]:
    """Output path → source file of every file a build copies as it is: the theme's and the
    site's assets (but the photos in `image_sources`, published as variants), the files of
    the articles' folders, static/. And the problems of that plan: a static file that would
    replace another or sits where the build writes its own, and (warnings) a file of
    content/ that nothing publishes, a stylesheet's url() to no file published.
    `listing`: content/ as the build listed it; `base_path`: base_url's path."""
    by_bundle = bundle_files(listing)
    site_assets, problems = plan_assets(site_dir, image_sources)
    files = {**site_assets, **plan_bundle_files(articles, by_bundle)}
    static, static_problems = plan_static(site_dir)
    problems += static_problems
    problems += [error(shown_path(source, site_dir), 0, "duplicate-output",
                       f"this file would overwrite {path}, published from {shown_path(files[path], site_dir)}")
                 for path, source in static.items() if path in files]
    files.update(static)
    # (Files of a draft's folder are in a bundle too: published with it, no warning meanwhile.)
    problems += unpublished_files(listing, {full for found in by_bundle.values() for _, full in found})
    problems += active_files(by_bundle)
    problems += misnamed_photos(by_bundle)
    problems += same_names(by_bundle)
    problems += photo_twins(listing)
    problems += stylesheet_links(files, site_dir, base_path, image_sources)
    problems += heavy_images(files, site_dir)
    problems += lfs_pointers(files, site_dir)
    problems += merge_conflicts(files, site_dir)
    return files, problems


# Files of the site's own a browser reads as text, where git's conflict markers break what follows
# them: a stylesheet drops the rules around them, a script stops at them whole (search, sharing).
_READ_AS_CODE = (".css", ".js", ".mjs", ".json", ".webmanifest", ".html", ".htm", ".svg", ".xml")
_CODE_LIMIT = 5 * 1024 * 1024  # (larger: data, not something an editor merges by hand)


def merge_conflicts(files: Mapping[str, Path], site_dir: Path) -> list[Problem]:
    """A `merge-conflict` error at each conflict (or marker line left of one) git wrote into a
    stylesheet, a script or a page of assets/ or static/ (`files`: plan_files'): copied as they
    are, they were published with both versions and the markers."""
    problems = []
    for _, source in sorted(files.items()):
        if not source.name.lower().endswith(_READ_AS_CODE) or not source.is_relative_to(site_dir):
            continue
        try:
            if source.stat().st_size > _CODE_LIMIT:
                continue
            data = source.read_bytes()
        except OSError:
            continue  # (the output stage, copying it, says what is wrong with it)
        if b"<<<<<<<" not in data and b">>>>>>>" not in data:
            continue
        problems += conflict_problems(shown_path(source, site_dir), data.decode("utf-8", errors="replace"))
    return problems


def lfs_pointers(files: Mapping[str, Path], site_dir: Path) -> list[Problem]:
    """An error at each file the build would copy that is a Git LFS pointer (`files`: plan_files'):
    readers would download its few lines for the document (lfs.py)."""
    inside = os.path.join(site_dir, "")  # (a test of the string: is_relative_to took as long as the stat, per file)
    return [error(shown_path(source, site_dir), 0, "lfs-pointer", lfs.ADVICE)
            for _, source in sorted(files.items()) if str(source).startswith(inside) and lfs.is_pointer_file(source)]


def same_names(by_bundle: Mapping[str, Sequence[tuple[str, str]]]) -> list[Problem]:
    """An error at each file of an article's folder whose name is another's as a Mac writes
    the same letters (NFD; Windows and Linux write NFC): both would be published at one address,
    and readers would get one of them, maybe the old version, without a word."""
    problems = []
    for bundle, found in sorted(by_bundle.items()):
        names = {rel for rel, _ in found}
        for rel in sorted(names):
            written = nfc(rel)
            if written != rel and written in names:
                problems.append(_mac_twin(f"{bundle}/{rel}", f"{bundle}/{written}"))
    return problems


def photo_twins(listing: Sequence[tuple[str, os.DirEntry]]) -> list[Problem]:
    """A warning at each photo of content/ whose name is another's as a Mac writes the same
    letters (NFD; a folder of photos zipped on a Mac and copied beside the old ones on Windows):
    the body's ![…](ảnh-1.jpg), NFC, showed the old photo, and the new one was never shown,
    without a word (a document so named is an error: same_names)."""
    # (A name in ASCII, or already as Windows writes it, is no Mac's copy: every build reads every
    # file's name, and grouping them all by their written form took 36 ms of 30,000, now 3.)
    macs = [rel for rel, entry in listing if not rel.isascii() and not unicodedata.is_normalized("NFC", rel)
            and is_image_file(rel) and not entry.is_dir()]
    if not macs:
        return []
    listed = {rel for rel, entry in listing if not entry.is_dir()}
    return [warning(rel, 0, "names-differ-in-form",
                    f"this photo's name is {written}'s as a Mac writes its letters: a body's ![…]({posixpath.basename(written)}) "
                    f"shows {written}, never this one, and a checkout on a Mac keeps only one of them; delete the one "
                    "that is not current")
            for written, rel in sorted((nfc(rel), rel) for rel in macs) if written in listed]


def _mac_twin(mac: str, written: str) -> Problem:
    """The error at a file `mac` whose name is `written`'s as a Mac writes the same letters."""
    return error(mac, 0, "duplicate-output", (
        f"this file's name is {written} as a Mac writes its letters: both files would be published at one "
        "address, and readers would get only one; delete the one that is not current"))


# An image of the site's assets/ (a logo, a banner) is published as it is, on every page showing it.
LARGE_IMAGE_BYTES = 500 * 1024


def heavy_images(files: Mapping[str, Path], site_dir: Path) -> list[Problem]:
    """A warning at each image of the site's own assets/ heavier than a reader's phone should
    download for a logo or a banner (`files`: plan_files'): a photo of an article is made
    smaller by the build; one of assets/ is copied byte for byte."""
    problems = []
    for out, source in sorted(files.items()):
        if out.startswith(ASSETS_URL) and is_image_file(out) and source.is_relative_to(site_dir):
            try:
                size = source.stat().st_size
            except OSError:
                continue  # (the output stage, copying it, says what is wrong with it)
            if size > LARGE_IMAGE_BYTES:
                problems.append(warning(shown_path(source, site_dir), 0, "large-file", (
                    f"this image is {human_size(size)}, and is published as it is (an image of assets/ is not made "
                    "smaller, as an article's photos are): a reader's phone downloads it whole on a slow network; "
                    f"save it at the size it is shown (twice that for sharp screens), under "
                    f"{LARGE_IMAGE_BYTES // 1024} KB")))
    return problems


# url(…) in a stylesheet, quoted or not, and @import "…".
_CSS_LINK = re.compile(r"""\burl\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""",
                       re.IGNORECASE)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def stylesheet_links(files: Mapping[str, Path], site_dir: Path, base_path: str = "/",
                     image_sources: Collection[str] = ()) -> list[Problem]:
    """A warning at each url() or @import of a stylesheet of assets/ that names no file the build
    publishes (`files`: plan_files'): a background or a font a designer renamed or never copied,
    which the pages show without, and no build said. A path from the host's root outside
    base_url's path (/assets/… under /congan/) leads nowhere on the published portal. A photo of
    assets/ an article shows (`image_sources`) is published as its resized copies only: the
    file is there, and the warning says why it is not published at this address."""
    problems = []
    root = nfc(unquote(base_path))  # (%-encoded in base_url, as a Vietnamese path is: `path` below is not)
    for out, source in sorted(files.items()):
        if not (out.startswith(ASSETS_URL) and out.lower().endswith(".css")):
            continue
        try:
            text = source.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue  # (the output stage, copying it, says what is wrong with it)
        text = _CSS_COMMENT.sub(lambda comment: re.sub(r"[^\n]", " ", comment.group()), text)
        for found in _CSS_LINK.finditer(text):
            ref = next((group for group in found.groups() if group is not None), "").strip()
            if not ref or WHOLE_ADDRESS.match(ref):  # data:, https://…, //cdn…, #filter
                continue
            written = urlsplit(ref).path
            path = nfc(unquote(written))
            line = text.count("\n", 0, found.start()) + 1
            if path.startswith("/") and not path.startswith(root):
                problems.append(warning(shown_path(source, site_dir), line, "missing-file", (
                    f"{found.group()} is outside the portal's path {base_path} (base_url): write it from this "
                    f"stylesheet's folder, as {posixpath.relpath(written.lstrip('/'), posixpath.dirname(out))}")))
                continue
            target = path[len(root):] if path.startswith("/") else \
                posixpath.normpath(posixpath.join(posixpath.dirname(out), path))
            if target not in files and target in image_sources:
                problems.append(warning(shown_path(source, site_dir), line, "missing-file", (
                    f"{found.group()}: {target} is a photo an article shows, published as its resized copies "
                    "only (in images/), not at this address: the pages show without it; give the stylesheet a "
                    "copy of its own, under another name")))
            elif target not in files:
                problems.append(warning(shown_path(source, site_dir), line, "missing-file", (
                    f"{found.group()}: no file {target} is published (from assets/ or static/): the pages show "
                    "without it")))
    return problems


# A file of an article's folder is published on the portal's own address. Opened there, these
# kinds run what they hold as the portal: a script in an SVG drawing or a saved web page reads
# and changes every page of the site (the sanitizer keeps scripts out of the articles for the
# same reason). The server-side kinds run on a host set up for them (PHP, ASP.NET).
# XML by other names counts as XML: Python's http.server (the build's summary suggests it) sends .rdf,
# .wsdl and .xpdl as application/xml, GitHub Pages and Netlify .xsd and .rng; a browser runs them as .xml.
_RUN_BY_BROWSERS = frozenset({".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".svgz", ".xml", ".xsl",
                              ".xslt", ".xsd", ".rng", ".rdf", ".wsdl", ".xpdl", ".js", ".mjs", ".swf"})
_RUN_BY_SERVERS = frozenset({".php", ".php3", ".php4", ".php5", ".php7", ".phtml", ".phar", ".asp", ".aspx",
                             ".ashx", ".asmx", ".cshtml", ".jsp", ".jspx", ".cgi", ".pl"})


def active_files(by_bundle: Mapping[str, Sequence[tuple[str, str]]]) -> list[Problem]:
    """An error at each file of an article's folder that would run as part of the portal
    once published (`by_bundle`: bundle_files of content/'s listing). static/ is the
    site's own, and may hold such files (a search engine's verification page)."""
    problems = []
    for bundle, found in sorted(by_bundle.items()):
        for rel, _ in found:
            name = rel.rpartition("/")[2].lower()
            suffix = os.path.splitext(name)[1]
            shown = f"{bundle}/{rel}"  # (a bundle is a folder of content/, never "")
            if suffix in _RUN_BY_BROWSERS:
                problems.append(error(shown, 0, "active-file", (
                    "a reader's browser would open this file as a page of the portal and run the scripts it "
                    "may hold: publish a drawing as PNG and a document as PDF, or put the file in a .zip "
                    "to offer it for download")))
            elif suffix in _RUN_BY_SERVERS or name == "web.config":
                problems.append(error(shown, 0, "active-file", (
                    "a web server could run this file as a program of the portal: put it in a .zip to offer "
                    "it for download")))
    return problems


# What a photo's first bytes are, whatever its name: a phone's RAW photo (.dng, TIFF inside), one a
# browser saved as "anh.jpg_large", one Zalo or a chat saved without a name's ending. Under a
# name that is no photo's, it was copied beside the page as it is, the place it was taken, the
# camera's serial number and its owner's name in it (a photo is published without them).
_PHOTO_STARTS = ((b"\xff\xd8\xff", "JPEG", ".jpg"), (b"\x89PNG\r\n\x1a\n", "PNG", ".png"),
                 (b"GIF87a", "GIF", ".gif"), (b"GIF89a", "GIF", ".gif"),
                 (b"II*\x00", "TIFF", ""), (b"MM\x00*", "TIFF", ""))
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1")


def _photo_kind(path: str) -> tuple[str, str] | None:
    """(kind, the ending to name it with; "" for a RAW or TIFF to export) of a file that is a photo."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(12)
    except OSError:
        return None  # (unreadable: the output stage's copy says so)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP", ".webp"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "HEIC", ".heic"
    return next(((kind, ending) for start, kind, ending in _PHOTO_STARTS if head.startswith(start)), None)


def misnamed_photos(by_bundle: Mapping[str, Sequence[tuple[str, str]]]) -> list[Problem]:
    """An error at each file of an article's folder that is a photo under a name no photo's
    ends with (`by_bundle`: bundle_files of content/'s listing): copied as it is, it published
    what the phone wrote into it, the place it was taken first of all."""
    problems = []
    for bundle, found in sorted(by_bundle.items()):
        for rel, full in found:
            kind = _photo_kind(full)
            if kind is None:
                continue
            name = rel.rpartition("/")[2]
            stem = os.path.splitext(name)[0] or name
            todo = (f"rename it '{stem}{kind[1]}' and show it with ![…]({stem}{kind[1]})" if kind[1] else
                    "export it as JPEG and show that with ![…](…)")
            problems.append(error(f"{bundle}/{rel}", 0, "misnamed-photo", (
                f"this file is a photo ({kind[0]}) whose name does not end as a photo's: it would be published as "
                "it is, with what the phone or camera wrote into it (the place it was taken, the camera, its "
                f"owner), where a photo is published without them; {todo}, or put it in a .zip to offer it for "
                "download")))
    return problems


def output_collisions(page_paths: Sequence[str], files: Mapping[str, Path], site_dir: Path) -> list[Problem]:
    """An error for each output path written twice: two pages (`page_paths`, the pages and the
    build's own files such as feeds), a copied file over a page (`files`: plan_files), or a
    path that would be both a file and a folder."""
    problems = []
    seen: set[str] = set()
    for path in page_paths:
        if path in seen:
            problems.append(error("site.toml", 0, "duplicate-output", f"two pages would be written to {path}"))
        seen.add(path)
    for path, source in files.items():
        if path in seen:
            problems.append(error(shown_path(source, site_dir), 0, "duplicate-output",
                                  f"this file would overwrite the page {path}"))
    # A file whose name is also a folder of another ("x/y.html" and "x/y.html/index.html", an
    # alias written once with its slash and once without): one of them cannot be written.
    outputs = seen | files.keys()
    folders: set[str] = set()
    for path in outputs:  # (rpartition: a quarter of posixpath.dirname's ~1.4 µs, 27,000 paths a build)
        folder = path.rpartition("/")[0]
        while folder and folder not in folders:
            folders.add(folder)
            folder = folder.rpartition("/")[0]
    for both in sorted(folders & outputs):
        inside = min(path for path in outputs if path.startswith(both + "/"))
        static = next((files[path] for path in (both, inside) if path in files), None)
        problems.append(error(shown_path(static, site_dir) if static else "site.toml", 0, "duplicate-output",
                              f"{both} would be both a file and the folder of {inside}"))
    return problems


def shown_path(source: Path, site_dir: Path) -> str:
    """A source file as problems name it: relative to the site folder when inside it."""
    return source.relative_to(site_dir).as_posix() if source.is_relative_to(site_dir) else source.as_posix()


def unpublished_files(listing: Iterable[tuple[str, os.DirEntry]], bundled: Collection[str]) -> list[Problem]:
    """A warning for each file under content/ that nothing publishes: not an article, not a
    photo (an unused one is an original kept on purpose), not in an article's own folder
    (a draft's included). `bundled`: the full paths of the files in such folders."""
    return [warning(rel, 0, "unpublished-file", _why_unpublished(rel))
            for rel, entry in listing
            if not rel.endswith(".md") and not is_image_file(rel) and entry.path not in bundled and not entry.is_dir()
            and not any(part.startswith(".") for part in rel.split("/")) and not is_scratch(rel)]


_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_WORD_SUFFIXES = (".docx", ".doc", ".odt", ".rtf")


def _why_unpublished(rel: str) -> str:
    stem, dot, suffix = rel.rpartition("/")[2].rpartition(".")
    suffix = (dot + suffix).lower()
    if stem and suffix in _MARKDOWN_SUFFIXES:  # bai.MD saved on Windows, Hugo's bai.markdown
        return f"this file is not read as an article: an article's name ends in '.md', in lower case; rename it '{stem}.md'"
    if suffix == ".txt" and stem.lower().endswith(_MARKDOWN_SUFFIXES):  # Notepad's "bai.md.txt"
        return (f"this file is not read as an article: an article's name ends in '.md', and Notepad added '.txt' "
                f"(Windows hides it); rename it '{stem.rpartition('.')[0]}.md'")
    if stem and suffix == ".docx":
        return (f"a Word document is not read as an article: make one of it with python build.py new --from "
                f"\"{rel}\" --category … --unit … (its title, text, tables and photos); to offer the document "
                "for download, put it in an article's own folder")
    if stem and suffix in _WORD_SUFFIXES:
        return ("a Word document is not read as an article: save it as .docx and make one of it with python "
                "build.py new --from …; to offer the document for download, put it in an article's own folder")
    return ("this file is not published: only the files in an article's own folder (beside its "
            "index.md) are; move it there, or into static/ to publish it as it is")


def plan_bundle_files(articles: Iterable[Article], by_bundle: dict[str, list[tuple[str, str]]]) -> dict[str, Path]:
    """Files beside an article's index.md (PDFs, …) are published beside its page; photos are not.
    `by_bundle`: bundle_files of content/'s listing."""
    planned: dict[str, Path] = {}
    for article in articles:
        if article.bundle_dir:
            for rel, full in by_bundle.get(article.bundle_dir, ()):
                # NFC: a name typed on a Mac (NFD) must match the body's NFC reference.
                planned[article.url.lstrip("/") + nfc(rel)] = Path(full)
    return planned


def bundle_files(listing: Sequence[tuple[str, os.DirEntry]]) -> dict[str, list[tuple[str, str]]]:
    """Bundle folder (a folder with an index.md) → (path in the bundle, full path) of each
    file to copy, from one listing of the tree. A file belongs to the nearest bundle above
    it; a nested bundle is an article of its own; hidden files and folders never count."""
    bundles = {rel.rpartition("/")[0] for rel, _ in listing if rel.rpartition("/")[2] == "index.md"}
    found: dict[str, list[tuple[str, str]]] = {}
    for rel, entry in listing:
        folder, _, name = rel.rpartition("/")
        if name.endswith(".md") or is_scratch(name) or is_image_file(name):
            continue  # photos are published only as processed variants, never as the original
        bundle = folder
        while bundle not in bundles:
            head, _, last = bundle.rpartition("/")
            if not bundle or last.startswith("."):
                bundle = None
                break
            bundle = head
        if bundle is None or entry.is_dir():  # a symlink to a folder is not a file
            continue
        found.setdefault(bundle, []).append((rel[len(bundle) + 1:] if bundle else rel, entry.path))
    return found
