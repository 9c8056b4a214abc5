"""Incremental builds are provably right: after any sequence of edits, an
incremental build's output is byte-identical to a clean build of the same input."""
from __future__ import annotations

import gc
import json
import os
import random
import re
import shutil
import time
import weakref
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator import content, fragments, incremental, index, output, render, search, seo
from generator.memo import Kept, Memo
from generator.pipeline import BuildOptions, build
from tests.conftest import SITE_TOML, article, clean_tree, cli_here, numbered_articles, run_cli, text_of, tree
from tests.photos import phone_jpeg

CATEGORIES = ("tin-hoat-dong", "xay-dung-luc-luong")
UNITS = ("cong-an-tinh", "phong-canh-sat-giao-thong", "Công an xã Đồng Tiến")
CAMPAIGNS = ("vi-an-ninh-to-quoc", "dan-van-kheo")
RECENT_NS = 50_000_000  # the racy-clean margin in the tests with a memo
# Words that differ only by their tone marks are one word with several spellings to Pagefind:
# its index lists them, and a spliced shard has to list them as a whole index would.
WORDS = ("an ninh trật tự giao thông phòng cháy lừa đảo cảnh sát công an xã tuyên truyền thi đua dân vận "
         "thử thứ thư bến bên bền cá cả bảo bao").split()


def random_article(rng: random.Random, n: int) -> str:
    title = " ".join(rng.choice(WORDS) for _ in range(5)).capitalize() + f" {n}"
    body = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(30)) for _ in range(rng.randint(1, 3)))
    campaigns = rng.sample(CAMPAIGNS, rng.randint(0, 2))
    return article(title, f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00:00",
                   f'"{rng.choice(UNITS)}"', rng.choice(CATEGORIES), campaigns, body,
                   featured=rng.choice(["true", "false"]))


# One site.toml key changed at a time, kept from edit to edit: the page size and list lengths,
# what every page shows (portal title, hotline, a unit's, category's or campaign's name), the
# address feeds and the sitemap give, the clock dates are read and shown in, the language.
CONFIG_EDITS = (
    (r"(?m)^per_page = .*$", lambda rng: f"per_page = {rng.randint(1, 4)}"),
    (r"(?m)^related_count = .*$", lambda rng: f"related_count = {rng.randint(0, 4)}"),
    (r"(?m)^other_count = .*$", lambda rng: f"other_count = {rng.randint(0, 5)}"),
    (r"(?m)^title = .*$", lambda rng: f'title = "Cổng thông tin Công an tỉnh {rng.choice(WORDS).capitalize()}"'),
    (r"(?m)^hotline = .*$", lambda rng: f'hotline = "0221 3862 {rng.randint(100, 999)}"'),
    (r"(?m)^base_url = .*$", lambda rng: f'base_url = "https://{rng.choice(["congan", "ca"])}.example.vn/'
                                          f'{rng.choice(["", "", "cong/"])}"'),
    (r'(?m)^name = "Phòng Cảnh sát giao thông.*"$', lambda rng: f'name = "Phòng Cảnh sát giao thông {rng.randint(0, 3)}"'),
    (r'(?m)^name = "Xây dựng lực lượng.*"$', lambda rng: f'name = "Xây dựng lực lượng {rng.choice(WORDS)}"'),
    (r'(?m)^name = "Dân vận khéo.*"$', lambda rng: f'name = "Dân vận khéo {rng.randint(0, 3)}"'),
    (r'(?m)^name = "Bộ Công an.*"$', lambda rng: f'name = "Bộ Công an {rng.randint(0, 3)}"'),  # the footer's links
    # Top-level keys that are not there at first: written (or dropped) just before [contact].
    (r'(?m)^(timezone = .*\n)?(?=\n\[contact\])',
     lambda rng: rng.choice(["", 'timezone = "UTC"\n', 'timezone = "Asia/Tokyo"\n'])),
    (r'(?m)^(description = .*\n)?(?=(timezone = .*\n)?\n\[contact\])',
     lambda rng: rng.choice(["", f'description = "Trang tin {rng.choice(WORDS)}"\n'])),
    # A unit's old addresses (its redirect pages, its feed at the old one), made and dropped …
    (r'(?m)^(aliases = .*\n)?(?=\n\[units\.cong-an-xa-dong-tien\])',
     lambda rng: rng.choice(["", 'aliases = ["/don-vi/phong-csgt/", "/Pages/DonVi.aspx?ID=8"]\n'])),
    # … and a category renamed, its old folder kept with its articles' addresses, and back.
    (r'(?m)^\[categories\.(xay-dung-luc-luong|xdll)\]\n(other_names = .*\naliases = .*\n)?',
     lambda rng: rng.choice(["[categories.xay-dung-luc-luong]\n", '[categories.xdll]\nother_names = '
                             '["xay-dung-luc-luong"]\naliases = ["/xay-dung-luc-luong/"]\n'])),
)


# Site overrides of a theme layout, each reading another part of what a page can show: only
# its own text, the config, the featured or newest articles of the whole site, every article,
# the related and other news of the page's articles, their fields. The footer is on every page;
# a card is on the lists only. ("N" becomes a digit, so one override can change again.)
LAYOUT_EDITS = {
    "partials/footer.html": (
        "<footer><p>Chân trang N</p></footer>\n",
        "<footer><p>N {{ config.title }} · {{ config.contact.hotline }}</p></footer>\n",
        "<footer>N{% for a in featured(2) %}<p>{{ a.title }}</p>{% endfor %}</footer>\n",
        '<footer>N{% for a in latest_in(category("tin-hoat-dong"), 2) %}<p>{{ a.title }} {{ a | vn_date }}</p>'
        "{% endfor %}</footer>\n",
        "<footer>N<p>{{ site.articles | length }} bài</p>{% for a in site.articles[-2:] %}<p>{{ a.summary }}</p>"
        "{% endfor %}</footer>\n",
        "<footer>N{% if page.article %}{% for a in related(page.article) %}<p>{{ a.title }}</p>{% endfor %}"
        "{% endif %}</footer>\n",
        "<footer>N{% for a in page.items %}{% for b in others(a) %}<p>{{ b.url }}</p>{% endfor %}{% endfor %}"
        "</footer>\n",
        # optional partials (below), there or not: the layout analysis notes a missing one
        '<footer>N{% include "partials/tuy-chon.html" ignore missing %}</footer>\n',
        '<footer>N{% include ["partials/tuy-chon.html", "partials/tuy-chon-2.html"] ignore missing %}</footer>\n',
    ),
    "partials/tuy-chon.html": ("<p>Tùy chọn N {{ config.title }}</p>\n", "<p>N {{ page.url }}</p>\n"),
    "partials/tuy-chon-2.html": ("<p>Hai N</p>\n",),
    "partials/card.html": (
        '<article class="card"><h2><a href="{{ a.url | url }}">{{ a.title }}</a></h2>N</article>\n',
        '<article class="card"><h2>{{ a.title }}</h2><p>{{ a.author }} · {{ unit(a.unit).name }}</p>'
        "<p>{{ a.campaigns | join(', ') }}</p>N</article>\n",
        '<article class="card"><h2>{{ a.title }}</h2>{% for b in related(a) %}<p>{{ b.title }}</p>{% endfor %}'
        "N</article>\n",
        # the page that lists the card: include_cached keys the fragment by it too (fragments.py)
        '<article class="card"><h2>{{ a.title }}</h2><p>{{ page.url }} {{ page.kind }}</p>N</article>\n',
    ),
    # one headline of "Tin liên quan", "Các tin khác" and the home page's lists (include_cached)
    "partials/headline.html": (
        "<li>{{ a.title }} N</li>\n",
        "<li>{% if thumbs %}[ảnh] {% endif %}{{ a.title }} {{ a | vn_date }} · {{ a.units | join(' + ') }} N</li>\n",
        "<li>{{ a.title }} {{ page.url }} N</li>\n",
    ),
    # what a custom layout reads from an article's `extra` (change_front_matter's "extra")
    "partials/share.html": ("<p>Mã N {{ page.article.extra.ma if page.article and page.article.extra else '' }}</p>\n",),
    # overrides that extend the theme's own copy (or the site's base) and replace a block
    "base.html": (
        '{% extends "theme/base.html" %}{% block head %}<meta name="ma-don-vi" content="N">{{ super() }}{% endblock %}',
        '{% extends "theme/base.html" %}{% block description %}Mô tả N{% endblock %}',
    ),
    "article.html": (
        '{% extends "theme/article.html" %}{% block main %}<p>Bài N</p>{{ super() }}{% endblock %}',
        '{% extends "base.html" %}{% block main %}<h1>{{ page.article.title }} N</h1>{% endblock %}',
    ),
    "list.html": (
        '{% extends "theme/list.html" %}{% block main %}<p>Trang N: {{ page.items | length }} bài</p>{{ super() }}'
        '{% endblock %}',
    ),
}


def mutate(rng: random.Random, site: Path, counter: list[int]) -> str:
    files = sorted((site / "content").rglob("*.md"))
    action = rng.choice(["edit-body", "edit-body", "rewrite", "add", "add", "delete", "layout", "config",
                         "link", "bundle-file", "photo", "front-matter", "front-matter", "break", "mend", "asset",
                         "page", "move", "static", "touch"])
    if action in ("edit-body", "rewrite", "delete", "link", "front-matter", "break", "move", "touch") and not files:
        action = "add"
    if action in ("break", "mend"):
        return break_or_mend(rng, site, files, action)
    if action == "front-matter":
        return change_front_matter(rng, rng.choice(files), counter)
    if action == "move":  # (a page of its own moved among the news would stay an error to the end)
        articles = [f for f in files if "trang" not in f.relative_to(site / "content").parts]
        return move_article(rng, site, rng.choice(articles), counter) if articles else "move:nothing"
    if action == "touch":  # saved again unchanged: a new mtime, the same bytes
        path = rng.choice(files)
        path.write_bytes(path.read_bytes())
    if action == "edit-body":
        path = rng.choice(files)
        added = rng.choice([f"Thêm đoạn {rng.random()}.",  # or what editors paste: lines, a table, Word's spacer
                            f"Nơi nhận:\nBan Giám đốc {rng.randint(0, 9)};\nLưu: VT.",
                            f"STT\tĐơn vị\tSố vụ\n1\tCông an huyện A\t{rng.randint(0, 99)}\n2\tCông an huyện B\t8",
                            "<p class=MsoNormal>&nbsp;</p>",
                            f"Một dòng chép từ PDF bị ngắt giữa câu ở đây, số {rng.randint(0, 9)}\nvà dòng sau nối tiếp.",
                            f"Các nội dung:\n- mục {rng.randint(0, 9)}\n  - mục con\n\n#VìANTQ #DânVậnKhéo",
                            f"Kết quả:\n| Đơn vị | Số vụ |\n|---|---:|\n| Huyện A | {rng.randint(0, 99)} |\nHết.",
                            # a link readers never get: the markup stage's warning, told on every build
                            f"Nhắn [Zalo](zalo://conversation?phone=0221386{rng.randint(0, 9)})."])
        path.write_text(path.read_text(encoding="utf-8") + f"\n{added}\n", encoding="utf-8")
    elif action == "rewrite":
        counter[0] += 1
        rng.choice(files).write_text(random_article(rng, counter[0]), encoding="utf-8")
    elif action == "add":
        counter[0] += 1
        folder = site / "content" / rng.choice(CATEGORIES)
        name = f"bai-{counter[0]}"
        path = folder / name / "index.md" if rng.random() < 0.5 else folder / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(random_article(rng, counter[0]), encoding="utf-8")
    elif action == "delete":
        path = rng.choice(files)
        if path.name == "index.md":
            shutil.rmtree(path.parent)
        else:
            path.unlink()
    elif action == "layout":
        name = rng.choice(sorted(LAYOUT_EDITS))
        override = site / "layouts" / name
        if override.exists() and rng.random() < 0.4:
            override.unlink()  # back to the theme's layout
        else:
            override.parent.mkdir(parents=True, exist_ok=True)
            override.write_text(rng.choice(LAYOUT_EDITS[name]).replace("N", str(rng.randint(0, 9))), encoding="utf-8")
        return f"layout:{name}"
    elif action == "page":  # a page of its own (content/trang/): every footer lists its title by weight
        counter[0] += 1
        folder = site / "content" / "trang"
        pages = sorted(folder.glob("*.md")) if folder.is_dir() else []
        if pages and rng.random() < 0.6:
            page = rng.choice(pages)
            text = page.read_text(encoding="utf-8")
            chance = rng.random()
            if chance < 0.35:
                text = re.sub(r"^(title|weight): .*$", lambda m: f"{m.group(1)}: " + (
                    f"Trang {counter[0]}" if m.group(1) == "title" else str(rng.randint(0, 3))), text, flags=re.M)
            elif chance < 0.55:  # into the header's menu (under its title or a name), or out of it
                if "\nmenu: " in text:
                    text = re.sub(r"\nmenu: .*", "", text)
                else:
                    text = text.replace("\n---\n", f"\nmenu: {rng.choice(['true', f'Mục {counter[0]}'])}\n---\n", 1)
            else:
                text += f"\nThêm {rng.random()}.\n"
            page.write_text(text, encoding="utf-8")
        else:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"trang-{counter[0]}.md").write_text(
                f"---\ntitle: Trang {counter[0]}\nweight: {rng.randint(0, 3)}\n---\n\nNội dung trang {counter[0]}.\n",
                encoding="utf-8")
        return "page"
    elif action == "asset":  # the site's own stylesheet: every page links it by its version
        stylesheet = site / "assets" / "css" / "style.css"
        if stylesheet.exists() and rng.random() < 0.4:
            stylesheet.unlink()  # back to the theme's
        else:
            stylesheet.parent.mkdir(parents=True, exist_ok=True)
            stylesheet.write_text(f"body {{ margin: {rng.randint(0, 9)}px; }}\n", encoding="utf-8")
        return "asset"
    elif action == "static":  # files published at the site's root as they are
        path = site / "static" / rng.choice(["ads.txt", ".well-known/security.txt", "google1a2b.html",
                                             "tai-lieu/huong-dan.pdf"])
        if path.exists() and rng.random() < 0.4:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(f"nội dung {rng.randint(0, 9)}\n".encode())
    elif action == "config":
        pattern, value = rng.choice(CONFIG_EDITS)
        config = site / "site.toml"
        text, count = re.subn(pattern, value(rng), config.read_text(encoding="utf-8"), count=1)
        assert count == 1, pattern
        config.write_text(text, encoding="utf-8")
        return f"config:{pattern}"
    elif action == "link":
        source, target = rng.choice(files), rng.choice(files)
        rel = os.path.relpath(target, source.parent)
        written = rng.choice([f"[bài khác]({rel})", f'<a href="{rel}">bài khác</a>'])  # Markdown or pasted HTML
        source.write_text(source.read_text(encoding="utf-8") + f"\nXem {written}.\n", encoding="utf-8")
    elif action == "bundle-file":  # a file beside the article; a document it links to is labelled with its size
        bundles = [f for f in files if f.name == "index.md"]
        if bundles:
            page = rng.choice(bundles)
            if rng.random() < 0.5:
                (page.parent / "tai-lieu.txt").write_text(f"tài liệu {rng.random()}\n", encoding="utf-8")
            else:
                (page.parent / "ke-hoach.pdf").write_bytes(b"%PDF" + b"0" * rng.choice([900, 90_000, 1_600_000]))
                if "(ke-hoach.pdf)" not in page.read_text(encoding="utf-8"):
                    with page.open("a", encoding="utf-8") as handle:
                        handle.write("\nToàn văn: [Kế hoạch](ke-hoach.pdf).\n")
    elif action == "photo":  # a new photo, or new pixels under the same name; shown in Markdown or a raw tag
        bundles = [f for f in files if f.name == "index.md"]
        if bundles:
            page = rng.choice(bundles)
            number = rng.randint(0, 2)  # named by a phone, or by Windows (spaces, parentheses)
            name = rng.choice([f"anh-{number}.jpg", f"Ảnh hiện trường ({number}).jpg"])
            (page.parent / name).write_bytes(phone_jpeg(rng.randint(40, 90), rng.randint(30, 70), gps=False))
            shown = rng.choice([f"![Ảnh {name}]({name})", f'<img src="{name}" alt="Ảnh {name}">',
                                # linked to itself: the link opens the photo's widest variant
                                f"[![Ảnh {name}]({name})]({name})", f'<a href="{name}"><img src="{name}" alt="Ảnh {name}"></a>'])
            page.write_text(page.read_text(encoding="utf-8") + f"\n{shown}\n", encoding="utf-8")
    return action


def move_article(rng: random.Random, site: Path, path: Path, counter: list[int]) -> str:
    """An article moved as a file manager or `git mv` moves it (its mtime kept): into the other
    category's folder, renamed, a plain file made a bundle or a lone bundle a plain file. Its
    URL follows its title, not its file; its links to and from others follow the file."""
    counter[0] += 1
    folder = site / "content" / rng.choice(CATEGORIES)
    folder.mkdir(parents=True, exist_ok=True)
    if path.name != "index.md":
        target = folder / path.stem / "index.md" if rng.random() < 0.5 else folder / f"{path.stem}-{counter[0]}.md"
        if target.exists() or target.parent.name == path.stem and target.parent.exists():
            return "move:nothing"
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rename(path, target)
    elif len(list(path.parent.iterdir())) == 1 and rng.random() < 0.5:
        target = folder / f"{path.parent.name}.md"
        if target.exists():
            return "move:nothing"
        os.rename(path, target)
        path.parent.rmdir()
    else:  # the whole bundle, with its photos and documents
        target = folder / f"{path.parent.name}-{counter[0]}"
        os.rename(path.parent, target)
    return "move"


# An editor's mistakes that fail a build: the next builds (incremental, after a failed one)
# must still equal a clean build once the mistake is mended.
MISTAKES = (
    (r"(?m)^title: .*$", 'title: "chưa đóng ngoặc'),
    (r"(?m)^unit: .*$", "unit: khong-co-don-vi"),
    (r"(?m)^date: .*$", "date: 32/13/2026"),
    (r"(?m)^category: .*$", "category: [tin-hoat-dong, xay-dung-luc-luong]"),
)


def break_or_mend(rng: random.Random, site: Path, files: list[Path], action: str) -> str:
    """"break": one of MISTAKES in an article, its good text kept beside the site; "mend":
    one broken article given its good text back (if it still exists)."""
    kept = site.parent / "good-texts"
    kept.mkdir(exist_ok=True)
    if action == "break":
        path = rng.choice(files)
        good = path.read_text(encoding="utf-8")
        pattern, wrong = rng.choice(MISTAKES)
        broken, count = re.subn(pattern, wrong, good, count=1)
        if count:
            (kept / f"{rng.random():.12f}").write_text(f"{path.relative_to(site)}\n{good}", encoding="utf-8")
            path.write_text(broken, encoding="utf-8")
        return f"break:{wrong}"
    for note in sorted(kept.iterdir()):
        rel, _, good = note.read_text(encoding="utf-8").partition("\n")
        note.unlink()
        if (site / rel).exists():
            (site / rel).write_text(good, encoding="utf-8")
            return f"mend:{rel}"
    return "mend:nothing"


def change_front_matter(rng: random.Random, path: Path, counter: list[int]) -> str:
    """One field of an article changed as an editor would: withdrawn as a draft or back, dated
    in the future (left out) or the past, with or without a time of day, given an expiry, moved
    to another unit, category or campaigns, retitled (a new URL, or the same one under a slug),
    given an old URL, a summary, a byline, an `updated` moment, or taken off the home page's featured list."""
    head, sep, body = path.read_text(encoding="utf-8").partition("\n---\n")
    field = rng.choice(["draft", "future", "past", "time", "expires", "unit", "category", "campaigns", "alias",
                        "summary", "featured", "title", "title-kept-url", "author", "updated", "related", "cover",
                        "extra"])
    if field == "draft":
        head = head.replace("\ndraft: true", "") if "\ndraft: true" in head else head + "\ndraft: true"
    elif field in ("future", "past"):
        year = 2031 if field == "future" else 2025
        head = re.sub(r"(?m)^date: .*$", f"date: {year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T0{rng.randint(0, 9)}:00:00",
                      head)
    elif field == "time":  # a date without a time of day is shown without one
        head = re.sub(r"(?m)^(date: \d{4}-\d\d-\d\d)(T[\d:]+)?$",
                      lambda m: m.group(1) if m.group(2) else m.group(1) + "T08:00:00", head)
    elif field == "expires":  # withdrawn (a moment passed) or not yet
        head = re.sub(r"(?m)^expires: .*\n?", "", head) + f"\nexpires: {rng.choice(['2025-03-01', '2031-03-01'])}"
    elif field == "campaigns":
        head = re.sub(r"(?m)^campaigns: .*$", f"campaigns: [{', '.join(rng.sample(CAMPAIGNS, rng.randint(0, 2)))}]", head)
    elif field == "author":
        byline = rng.choice([f'"Phóng viên {rng.randint(0, 3)}"', f'["Phóng viên {rng.randint(0, 3)}", "Thu Hà"]'])
        head = re.sub(r"(?m)^author: .*\n?", "", head) + f"\nauthor: {byline}"
    elif field in ("title", "title-kept-url"):
        counter[0] += 1
        if field == "title-kept-url" and not re.search(r"(?m)^slug: ", head):
            head += f"\nslug: giu-lien-ket-{counter[0]}"  # a slug keeps the URL: only what shows the title changes
        head = re.sub(r"(?m)^title: .*$", f'title: "{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {counter[0]}"',
                      head)
    elif field == "unit":  # another unit, or a joint article of two (each unit's pages and feed list it)
        units = rng.sample(UNITS, rng.choice([1, 1, 2]))
        head = re.sub(r"(?m)^unit: .*$", f'unit: "{units[0]}"' if len(units) == 1
                      else f"unit: [{', '.join(json.dumps(u, ensure_ascii=False) for u in units)}]", head)
    elif field == "category":
        head = re.sub(r"(?m)^category: .*$", f"category: {rng.choice(CATEGORIES)}", head)
    elif field == "alias":  # two articles may claim one old URL: both builds must then fail alike
        # A page, a folder, or a folder of the same name ("/cu/bai-1.html" → "/cu/bai-1.html/"): the
        # published output turns a file into a folder and back, in place. An old address with a query
        # shares its path's page with the others of that path, and the path alone is their fallback.
        suffix = rng.choice(["/", ".html", ".html/", ".aspx", f".aspx?ItemID={rng.randint(0, 2)}"])
        head = re.sub(r"(?m)^aliases: .*\n?", "", head) + f"\naliases: [/cu/bai-{rng.randint(0, 5)}{suffix}]"
    elif field == "summary":
        head = re.sub(r"(?m)^summary: .*\n?", "", head) + f'\nsummary: "Tóm tắt {rng.choice(WORDS)} {rng.randint(0, 9)}"'
    elif field == "featured":
        head = re.sub(r"(?m)^featured: .*$", f"featured: {rng.choice(['true', 'false'])}", head)
    elif field == "updated":  # feeds, the sitemap and the page change; a moment before 'date' fails the build
        head = re.sub(r"(?m)^updated: .*\n?", "", head) + f"\nupdated: 2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
    elif field == "related":  # the editor's picks lead "Tin liên quan"; deleting a picked article fails the build
        content_dir = next(folder for folder in path.parents if folder.name == "content")
        others = sorted(p for p in content_dir.rglob("*.md") if p != path)
        picks = [os.path.relpath(p, path.parent) for p in rng.sample(others, min(len(others), rng.randint(0, 2)))]
        head = re.sub(r"(?m)^related: .*\n?", "", head) + (f"\nrelated: [{', '.join(picks)}]" if picks else "")
    elif field == "cover":  # one of the bundle's photos, with a caption and a focus, or none
        head = re.sub(r"(?m)^image(_caption|_focus)?: .*\n?", "", head)
        photos = sorted(p.name for p in path.parent.glob("*.jpg")) if path.name == "index.md" else []
        if photos and rng.random() < 0.8:
            head += f'\nimage: "{rng.choice(photos)}"'
            if rng.random() < 0.5:
                head += f'\nimage_caption: "Ảnh bìa {rng.randint(0, 9)}"'
            if rng.random() < 0.5:
                head += f'\nimage_focus: "{rng.choice([10, 50, 90])}% {rng.choice([20, 50])}%"'
    elif field == "extra":  # read by the share.html override of LAYOUT_EDITS
        head = re.sub(r"(?m)^extra: .*\n?", "", head) + f"\nextra: {{ma: {rng.randint(0, 3)}}}"
    path.write_text(head + sep + body, encoding="utf-8")
    return f"front-matter:{field}"


def build_options(rng: random.Random, now: datetime) -> dict:
    """What may change from one build to the next besides the site: the moment (time goes by,
    scheduled articles come out and others expire), `--drafts`, `--future`, `--base-url` (a
    staging copy), `--noindex`."""
    return dict(now=now, drafts=rng.random() < 0.2, future=rng.random() < 0.2, noindex=rng.random() < 0.2,
                base_url=rng.choice([None, None, "https://thu.example.vn/nhanh/"]))


@pytest.mark.parametrize("seed, jobs, kept, shards, fresh, options", [
    (1, 1, False, False, False, False), (2, 1, False, False, False, True), (4, 1, False, True, False, False),
    (5, 1, False, False, False, False), (3, 2, False, False, False, False), (6, 1, True, False, False, False),
    (7, 1, True, True, False, False), (8, 2, True, False, False, True), (9, 1, False, True, True, False),
    (10, 2, False, False, True, False)])
def test_random_edits_incremental_equals_clean(tmp_path, monkeypatch, seed, jobs, kept, shards, fresh, options):
    """`kept`: like `serve`, every build hands the next what it remembers (generator/memo.py).
    `shards`: the search index in shards of 3 articles (their count changes as the site grows
    and shrinks), so edits are spliced into one shard of several.
    `fresh`: before about half of the builds the output folder is gone, as in CI, where each
    build starts from a fresh clone and the build cache alone (kept_pages.py, search_store.py).
    `options`: each build is given build_options(), the same to the clean build beside it."""
    rng = random.Random(seed)
    wipes = random.Random(seed * 1000)  # its own stream: the edits stay those of the seed
    choices = random.Random(seed * 7)  # the options' own stream too
    now = datetime(2026, 1, 1, 8, tzinfo=timezone.utc)  # the articles are dated within 2026
    if shards:
        monkeypatch.setattr(search, "SINGLE_SHARD_UP_TO", 3)
        monkeypatch.setattr(search, "SHARD_PAGES", 3)
        monkeypatch.setattr(seo, "MAX_SITEMAP_URLS", 7)  # sitemap parts come and go as the site changes
    memo = Memo() if kept else None
    if kept:  # so that files older than the last build are trusted by their stat, and memo hits happen
        monkeypatch.setattr(content, "RACY_MARGIN_NS", RECENT_NS)
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "site.toml").write_text(SITE_TOML, encoding="utf-8")
    counter = [0]
    for _ in range(6):
        mutate(rng, site, counter)
    while break_or_mend(rng, site, [], "mend") != "mend:nothing":  # (mending draws nothing from rng)
        pass  # a site that starts broken tests little
    incremental_out = tmp_path / "incremental"
    steps = 16 if jobs == 1 else 5
    failed_in_a_row = 0
    chosen = {}
    for step in range(steps):
        if kept:
            time.sleep(2 * RECENT_NS / 1e9)
        if fresh and wipes.random() < 0.5:
            shutil.rmtree(incremental_out, ignore_errors=True)
        if options:  # time goes by; now and then the flags change too
            now += timedelta(days=choices.choice([0, 1, 7, 30, 60]))
            chosen = {**(build_options(choices, now) if choices.random() < 0.4 or not chosen else chosen), "now": now}
        result = build(BuildOptions(site_dir=site, out_dir=incremental_out, jobs=jobs, memo=memo,
                                    private_output=kept, **chosen))
        clean_out = tmp_path / f"clean-{step}"
        clean = build(BuildOptions(site_dir=site, out_dir=clean_out, use_cache=False, jobs=1, **chosen))
        assert result.ok == clean.ok, (result.problems, clean.problems)
        # What the editor is told too: a warning an earlier build found is not lost by this one.
        assert sorted(map(str, result.problems)) == sorted(map(str, clean.problems)), f"step {step}"
        if result.ok:
            assert tree(incremental_out) == tree(clean_out), f"step {step} {chosen}"
        shutil.rmtree(clean_out, ignore_errors=True)
        failed_in_a_row = 0 if result.ok else failed_in_a_row + 1
        if failed_in_a_row >= 3:  # mend one mistake, so that the builds after it test something
            break_or_mend(rng, site, [], "mend")
        if options and choices.random() < 0.3:
            action = "nothing"  # only time goes by, as between CI's scheduled builds
        else:
            action = mutate(rng, site, counter)
        print(step, action, result.rendered, "rendered", result.search, "ok" if result.ok else "failed")


def test_no_change_rebuild_renders_nothing_and_keeps_mtimes(make_site, tmp_path):
    site = make_site(numbered_articles(8))
    out = tmp_path / "out"
    first = build(BuildOptions(site_dir=site, out_dir=out))
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}
    second = build(BuildOptions(site_dir=site, out_dir=out))
    assert first.rendered == first.pages and second.rendered == 0 and second.written == 0
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.html")} == before


def test_one_edit_re_renders_only_what_shows_it(make_site, tmp_path):
    files = numbered_articles(12, category="xay-dung-luc-luong")
    files["content/tin-hoat-dong/rieng.md"] = article("Bài riêng", "2025-06-01", unit="phong-canh-sat-giao-thong")
    site = make_site(files)
    out = tmp_path / "out"
    build(BuildOptions(site_dir=site, out_dir=out))
    target = site / "content/tin-hoat-dong/rieng.md"
    target.write_text(target.read_text(encoding="utf-8").replace("Nội dung bài viết.", "Nội dung đã sửa."),
                      encoding="utf-8")
    result = build(BuildOptions(site_dir=site, out_dir=out))
    # Its own page and the home page (which lists every article), and the lists that show its
    # summary (category, unit, archive year and month); not the other 12 articles' pages.
    assert 0 < result.rendered <= 6, result.rendered
    assert result.written >= 1
    assert "Nội dung đã sửa." in (out / "tin-hoat-dong/bai-rieng/index.html").read_text(encoding="utf-8")


def _page(out: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((out / rel / "index.html").read_text(encoding="utf-8"), "html.parser")


def _featured_titles(out: Path) -> list[str]:
    return [text_of(h) for h in _page(out, "").find("section", class_="featured").find_all("h3")]


def _its_card_on_the_category_page(out: Path):
    return next(card for card in _page(out, "tin-hoat-dong").find_all("article", class_="card")
                if card.find("a")["href"].endswith("/bai-so-1/"))


def _its_own_page(out: Path):
    return _page(out, "tin-hoat-dong/bai-so-1").find("article")


# One front-matter field of "Bài số 1" changed as an editor would: (the text before, after,
# where a reader sees it, what the reader must see there after the edit).
FIELD_EDITS = {
    "featured": ("featured: false", "featured: true", _featured_titles, ["Bài số 1"]),
    "unit": ("unit: cong-an-tinh", "unit: cong-an-xa-dong-tien",
             lambda out: text_of(_its_own_page(out).find("a", class_="unit")), "Công an xã Đồng Tiến"),
    "summary": ('summary: "Tóm tắt cũ"', 'summary: "Tóm tắt mới"',
                lambda out: text_of(_its_card_on_the_category_page(out).find("p", class_="summary")), "Tóm tắt mới"),
    "author": ('author: "Phóng viên A"', 'author: "Phóng viên B"',
               lambda out: text_of(_its_own_page(out).find("p", class_="author")), "Tác giả: Phóng viên B"),
    # Retitled under a slug that keeps its URL: its page and every list showing the title change.
    "title": ('title: "Bài số 1"', 'title: "Bài số một"\nslug: bai-so-1',
              lambda out: text_of(_its_card_on_the_category_page(out).find("a")), "Bài số một"),
    "time of day": ("date: 2026-01-02", "date: 2026-01-02T08:30:00",
                    lambda out: text_of(_its_card_on_the_category_page(out).find("time")), "Thứ Sáu, 02/01/2026 08:30"),
    "campaigns": ("category: tin-hoat-dong", "category: tin-hoat-dong\ncampaigns: [dan-van-kheo]",
                  lambda out: [text_of(a) for a in _its_own_page(out).select(".campaign-tags a")], ["Dân vận khéo"]),
}


@pytest.mark.parametrize("field", sorted(FIELD_EDITS))
def test_a_front_matter_edit_reaches_every_page_that_shows_it(make_site, tmp_path, field):
    before, after, seen, expected = FIELD_EDITS[field]
    site = make_site(numbered_articles(3, featured="false", summary='"Tóm tắt cũ"', author='"Phóng viên A"'))
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    assert seen(out) != expected
    edited = site / "content/tin-hoat-dong/bai-1.md"
    text = edited.read_text(encoding="utf-8")
    assert before in text
    edited.write_text(text.replace(before, after, 1), encoding="utf-8")
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    assert seen(out) == expected
    assert tree(out) == clean_tree(site, tmp_path / "clean")


def test_a_damaged_compiled_layout_is_compiled_again_not_run(make_site, tmp_path):
    """Jinja checks a compiled layout's header and source checksum, not its code: a flipped
    byte inside the code would print a damaged page. The cache seals each compiled layout."""
    site = make_site(numbered_articles(3))
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    damaged = 0
    for compiled in (site / ".cache").rglob("layouts/__jinja2_*.cache"):
        data = compiled.read_bytes()
        if b"</footer>" in data:
            compiled.write_bytes(data.replace(b"</footer>", b"</fooTer>"))
            damaged += 1
    assert damaged
    shutil.rmtree(out)  # every page is rendered again, from the cached layouts, by a process of its own
    done = run_cli("build", "--site", str(site), "--out", str(out))  # (this one keeps what it compiled)
    assert done.returncode == 0, done.stderr
    assert tree(out) == clean_tree(site, tmp_path / "clean")


def test_a_check_then_a_build_in_one_process_compile_each_with_its_own_filters(make_site, tmp_path, monkeypatch):
    """`check` reads the layouts in an environment without the build's filters (`| tel`, `| url`):
    what it parsed or compiled, kept by the process, must not be what a build then runs."""
    monkeypatch.setattr(fragments, "_TREES", Kept())  # (what earlier tests of this process kept)
    monkeypatch.setattr(render, "_COMPILED", Kept())
    monkeypatch.setattr(incremental, "_FACTS", Kept())
    site = make_site(numbered_articles(3))
    checked = cli_here("check", "--site", str(site))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert build(BuildOptions(site_dir=site, out_dir=tmp_path / "out")).ok
    assert _page(tmp_path / "out", "tin-hoat-dong/bai-so-1").select_one('footer a[href^="tel:"]') is not None


def test_a_layout_edited_between_two_builds_of_one_process_is_compiled_again(make_site, tmp_path):
    """A process keeps what it parsed and compiled of each layout (`serve`): by its source."""
    override = "layouts/partials/headline.html"
    site = make_site({**numbered_articles(3), override: '<li class="sua">{{ a.title }} (bản một)</li>\n'})
    for edition in ("một", "hai"):
        (site / override).write_text(f'<li class="sua">{{{{ a.title }}}} (bản {edition})</li>\n', encoding="utf-8")
        for use_cache in (False, True):
            out = tmp_path / f"{edition}-{use_cache}"
            assert build(BuildOptions(site_dir=site, out_dir=out, use_cache=use_cache)).ok
            headlines = [text_of(li) for li in _page(out, "tin-hoat-dong/bai-so-1").select(".related li")]
            assert headlines and all(h.endswith(f"(bản {edition})") for h in headlines), (edition, use_cache)


def test_a_layout_edited_in_a_long_session_keeps_no_earlier_build_alive(make_site, tmp_path, monkeypatch):
    """`serve` builds again after each save: a layout's old text, kept parsed by the process, must not
    keep the build that parsed it (its environment's globals: the whole site, its fragments) alive."""
    made: list[weakref.ref] = []
    environment = render.layout_environment
    monkeypatch.setattr(render, "layout_environment", lambda *args, **kw: made.append(weakref.ref(
        env := environment(*args, **kw))) or env)
    override = "layouts/partials/headline.html"
    site = make_site({**numbered_articles(3), override: '<li class="sua">{{ a.title }} (bản một)</li>\n'})
    options = BuildOptions(site_dir=site, out_dir=tmp_path / "out", memo=Memo(), private_output=True)
    assert build(options).ok
    earlier = list(made)
    (site / override).write_text('<li class="sua">{{ a.title }} (bản hai)</li>\n', encoding="utf-8")
    assert build(options).ok
    assert "(bản hai)" in text_of(_page(tmp_path / "out", "tin-hoat-dong/bai-so-1").select_one(".related li"))
    gc.collect()
    assert earlier and [ref for ref in earlier if ref() is not None] == []


def test_a_corrupt_cache_entry_is_rebuilt_not_trusted(make_site, tmp_path):
    site = make_site({"content/tin-hoat-dong/a.md": article("Bài A", body="Nội dung thật.")})
    out = tmp_path / "out"
    build(BuildOptions(site_dir=site, out_dir=out))
    for blob in (site / ".cache").rglob("markup/*/*"):
        blob.write_bytes(blob.read_bytes()[:-5] + b"XXXXX")
    (out / "tin-hoat-dong/bai-a/index.html").unlink()  # force the page to render again
    result = build(BuildOptions(site_dir=site, out_dir=out))
    assert result.ok
    assert "Nội dung thật." in (out / "tin-hoat-dong/bai-a/index.html").read_text(encoding="utf-8")


def test_with_a_memo_an_edit_reads_and_checks_only_the_edited_article(make_site, tmp_path, monkeypatch):
    """The preview's rebuild after a save does work for the saved article, not for all of them."""
    monkeypatch.setattr(content, "RACY_MARGIN_NS", RECENT_NS)
    site = make_site(numbered_articles(10))
    checked: list[str] = []
    read_article = index.read_article
    monkeypatch.setattr(index, "read_article", lambda config, source: checked.append(source.path)
                        or read_article(config, source))
    options = BuildOptions(site_dir=site, out_dir=tmp_path / "out", memo=Memo(), private_output=True)
    assert build(options).ok
    time.sleep(2 * RECENT_NS / 1e9)
    assert build(options).ok  # files now older than the last build: trusted by their stat
    edited = site / "content/tin-hoat-dong/bai-3.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Nội dung bài viết.", "Đã sửa."), encoding="utf-8")
    time.sleep(2 * RECENT_NS / 1e9)
    checked.clear()
    result = build(options)
    assert checked == ["content/tin-hoat-dong/bai-3.md"]
    # Its page, the lists and related-news boxes that show its summary: not the whole site.
    assert 0 < result.rendered < result.pages // 2, result.rendered
    assert "Đã sửa." in (tmp_path / "out/tin-hoat-dong/bai-so-3/index.html").read_text(encoding="utf-8")


def test_a_full_rebuild_leaves_no_empty_folder_behind(make_site, build_site, tmp_path):
    """Folders a deleted article leaves empty go, up to the first one still in use;
    an empty folder someone made in the output is not carried into the next one."""
    site = make_site({**numbered_articles(3), **numbered_articles(2, category="xay-dung-luc-luong")})
    out = tmp_path / "out"
    assert build_site(site, out=out).result.ok
    (out / "trong" / "rong").mkdir(parents=True)
    for path in (site / "content/xay-dung-luc-luong").glob("*.md"):
        path.unlink()  # the whole category goes, and every list page changes: a full rebuild
    built = build_site(site, out=out)
    assert built.result.ok and built.result.pruned
    assert not (out / "trong").exists()
    assert not [p for p in out.rglob("*") if p.is_dir() and not any(p.iterdir())]
    assert tree(out) == clean_tree(site, tmp_path / "clean")


def test_a_patched_output_loses_the_folder_of_a_deleted_article(make_site, build_site, tmp_path, monkeypatch):
    site = make_site({**numbered_articles(30), **numbered_articles(15, category="xay-dung-luc-luong"),
                      "content/xay-dung-luc-luong/tap-huan/index.md": article(
        "Tập huấn nghiệp vụ", "2025-01-02", "cong-an-tinh", category="xay-dung-luc-luong", body="Lớp tập huấn.")})
    out = tmp_path / "out"
    assert build_site(site, out=out).result.ok
    [folder] = [p for p in (out / "xay-dung-luc-luong").iterdir() if p.is_dir() and p.name.startswith("tap-huan")]
    patched = []
    publish = output.Patch.publish
    monkeypatch.setattr(output.Patch, "publish", lambda self: (patched.append(self), publish(self))[1])
    shutil.rmtree(site / "content/xay-dung-luc-luong/tap-huan")
    built = build_site(site, out=out)
    assert built.result.ok and patched, "a deleted article among 46 is applied as a patch of the output"
    assert not folder.exists()
    assert not [p for p in out.rglob("*") if p.is_dir() and not any(p.iterdir())]
    assert tree(out) == clean_tree(site, tmp_path / "clean")


def test_an_edit_saves_only_the_changed_entries_of_the_markup_index(make_site, tmp_path, monkeypatch):
    """The index of converted bodies (one entry an article) is saved as a delta on the last
    full save, like the file index: an edit writes its one entry, not all of them; what a
    build converts again is exactly the edited body, and the output is a clean build's."""
    from generator import cache as cache_module, markup
    from generator.cache import BuildCache

    monkeypatch.setattr(cache_module, "DELTA_MIN", 2)
    monkeypatch.setattr(cache_module, "DELTA_SHARE", 1000)
    site = make_site(numbered_articles(6))
    out = tmp_path / "out"
    converted: list[str] = []
    convert = markup._convert_chunk

    def counting(chunk):
        articles = markup.workers.shared("articles")
        converted.extend(articles[i].source for i in chunk)
        return convert(chunk)

    monkeypatch.setattr(markup, "_convert_chunk", counting)
    assert build(BuildOptions(site_dir=site, out_dir=out, jobs=1)).ok
    cache = BuildCache(site / ".cache")
    full = cache.load_state(markup.INDEX_STATE)
    assert len(full["entries"]) == 6 and cache.load_state(markup.INDEX_STATE + "-delta") is None

    edited = site / "content/tin-hoat-dong/bai-2.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Nội dung bài viết.", "Nội dung đã sửa."),
                      encoding="utf-8")
    converted.clear()
    assert build(BuildOptions(site_dir=site, out_dir=out, jobs=1)).ok
    assert converted == ["content/tin-hoat-dong/bai-2.md"]
    delta = BuildCache(site / ".cache").load_state(markup.INDEX_STATE + "-delta")
    assert len(delta["entries"]) == 1 and delta["base"] == full["id"]
    assert BuildCache(site / ".cache").load_state(markup.INDEX_STATE) == full  # not written again
    assert "Nội dung đã sửa." in (out / "tin-hoat-dong/bai-so-2/index.html").read_text(encoding="utf-8")

    (out / "tin-hoat-dong/bai-so-2/index.html").unlink()  # rendered again from the index and its blob
    converted.clear()
    assert build(BuildOptions(site_dir=site, out_dir=out, jobs=1)).ok
    assert converted == []
    assert tree(out) == clean_tree(site, tmp_path / "clean")


def test_a_cached_card_that_reads_its_page_shows_each_page_its_own(make_site, tmp_path):
    """Cards are rendered once per article and process (include_cached), but a site's card
    that shows something of the page listing it is rendered for each page: never another
    page's card. Built in one process (jobs=1), where every card of a list is reused."""
    files = numbered_articles(5)
    files["layouts/partials/card.html"] = ('<article class="card"><h2>{{ a.title }}</h2>'
                                           '<p class="shown-on">{{ page.url }}</p></article>\n')
    site = make_site(files)
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out, jobs=1)).ok
    for rel in ("tin-hoat-dong", "tin-hoat-dong/trang/2", "tin-hoat-dong/trang/3", "don-vi/cong-an-tinh"):
        shown = {text_of(p) for p in _page(out, rel).select(".card .shown-on")}
        assert shown == {f"/{rel}/"}, rel


def test_an_edited_headline_partial_reaches_every_article_page(make_site, tmp_path):
    site = make_site(numbered_articles(4))
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    override = site / "layouts/partials/headline.html"
    override.parent.mkdir(parents=True)
    override.write_text('<li class="sua">{{ a.title }} (đã sửa)</li>\n', encoding="utf-8")
    result = build(BuildOptions(site_dir=site, out_dir=out))
    assert result.ok and result.rendered >= 5  # the four articles and the home page
    headlines = [text_of(li) for li in _page(out, "tin-hoat-dong/bai-so-1").select(".related li")]
    assert headlines and all(h.endswith("(đã sửa)") for h in headlines)
    assert tree(out) == clean_tree(site, tmp_path / "clean")
