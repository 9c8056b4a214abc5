"""A new portal: `python build.py init DIR --unit "Công an tỉnh Lạng Sơn" --base-url https://…/`.

Owns a portal's starting files, as Hugo's `hugo new site` and Zola's `zola init` write
theirs: `site.toml` (the portal's name and address, its contact if given, the usual
categories, the national campaigns, a link to the Ministry's portal), the archetypes the
bundled portal gives those categories (`archetypes/`), a first article as a draft
(scaffold.py writes it, as `new` does), and a `.gitignore` for the output and the build
cache. What it writes is read back as a build reads it (config.parse_config) before anything
is written, so a portal it makes builds at once; a value the build would refuse is told
against the option that gave it. It writes only into an empty folder (a fresh `git clone`'s
dot-files aside), so it never overwrites a portal.
"""
from __future__ import annotations

import json
import sys
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from generator import messages, scaffold
from generator.config import CONFIG_NAME, parse_config
from generator.diagnostics import Location, Problem, error, sort_problems
from generator.model import SiteConfig
from generator.vietnamese import slugify

PORTAL_TITLE = "Cổng thông tin điện tử {unit}"
FIRST_ARTICLE = "{title} chính thức hoạt động"
FIRST_CATEGORY = "tin-hoat-dong"
# The bundled portal's archetypes (beside the theme's layouts/): a new portal starts with them.
BUNDLED_ARCHETYPES = Path(__file__).resolve().parent.parent / scaffold.ARCHETYPES_DIR
GITIGNORE = "# What a build makes: published from CI, never committed.\npublic/\n.cache/\n"
# The option that gave each value of site.toml, to tell a refused value against it.
_OPTION_OF = {"title": "--title", "base_url": "--base-url", "hotline": "--hotline", "email": "--email",
              "address": "--address", "name": "--unit"}

_CATEGORIES = (
    ("tin-hoat-dong", "Tin hoạt động", "Hoạt động của {unit} và các đơn vị, địa phương."),
    ("xay-dung-luc-luong", "Xây dựng lực lượng", "Công tác xây dựng lực lượng Công an nhân dân trong sạch, vững mạnh."),
    ("canh-bao-toi-pham", "Cảnh báo tội phạm", "Thủ đoạn mới của tội phạm và khuyến cáo để người dân phòng ngừa."),
    ("thong-tin-chuyen-de", "Thông tin chuyên đề", "Các chuyên đề tuyên truyền về an ninh, trật tự."),
    ("huong-dan-thu-tuc", "Hướng dẫn thủ tục", "Hướng dẫn thủ tục hành chính thuộc lĩnh vực Công an."),
)
_CAMPAIGNS = (
    ("vi-an-ninh-to-quoc", "Vì An ninh Tổ quốc",
     "Phong trào thi đua “Vì An ninh Tổ quốc” trong lực lượng Công an nhân dân."),
    ("dan-van-kheo", "Dân vận khéo", "Phong trào thi đua “Dân vận khéo”: gần dân, hiểu dân, giúp dân."),
    ("hoc-tap-lam-theo-bac", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
     "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trong đơn vị."),
    ("toan-dan-bao-ve-an-ninh", "Toàn dân bảo vệ an ninh Tổ quốc",
     "Phong trào toàn dân tham gia bảo vệ an ninh, trật tự ở cơ sở."),
)


@dataclass(frozen=True)
class NewPortal:
    unit: str  # the portal's own unit, as its name is written: "Công an tỉnh Lạng Sơn"
    base_url: str
    title: str = ""  # default: "Cổng thông tin điện tử <unit>"
    hotlines: tuple[str, ...] = ()
    email: str = ""
    address: str = ""

    @property
    def unit_slug(self) -> str:
        return slugify(self.unit)

    @property
    def shown_title(self) -> str:
        return self.title or PORTAL_TITLE.format(unit=self.unit)


def _quoted(value: str) -> str:
    # A JSON string is a TOML basic string (the same escapes), so any name round-trips; but
    # JSON leaves DEL as it is, which TOML refuses there.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def compose_site_toml(portal: NewPortal) -> str:
    """The portal's site.toml, with short Vietnamese comments for the unit's editors."""
    lines = ["# Cấu hình cổng thông tin: mọi khóa được giải thích trong README.md (mục \"site.toml\").",
             f"title = {_quoted(portal.shown_title)}",
             f"base_url = {_quoted(portal.base_url)}",
             'language = "vi"',
             'timezone = "Asia/Ho_Chi_Minh"',
             "per_page = 20",
             "",
             # (without it a shared link of a page without a photo of its own showed no picture, and
             # search engines had no image of such an article nor the unit's logo; nothing said the key exists)
             "# Ảnh kèm liên kết chia sẻ lên Facebook, Zalo khi trang không có ảnh riêng (trang chủ, chuyên mục, bài",
             "# không ảnh), cũng là logo đơn vị với công cụ tìm kiếm: đặt ảnh 1200×630 px vào static/anh-chia-se.png",
             "# rồi bỏ dấu # ở dòng dưới.",
             '# share_image = "/anh-chia-se.png"',
             "",
             "# Chân mọi trang: đường dây nóng (một số, hoặc danh sách số), email, địa chỉ."]
    contact = []
    if portal.hotlines:
        shown = (_quoted(portal.hotlines[0]) if len(portal.hotlines) == 1
                 else "[" + ", ".join(map(_quoted, portal.hotlines)) + "]")
        contact.append(f"hotline = {shown}")
    if portal.email:
        contact.append(f"email = {_quoted(portal.email)}")
    if portal.address:
        contact.append(f"address = {_quoted(portal.address)}")
    if contact:
        lines += ["[contact]", *contact]
    else:  # (a hotline made up here could be published: the unit writes its own)
        lines += ["# [contact]", '# hotline = "…"', '# email = "…"', '# address = "…"']
    lines += ["", "# \"Liên kết\" ở chân trang: cổng thông tin của các đơn vị khác.",
              "[[links]]", 'name = "Bộ Công an"', 'url = "https://bocongan.gov.vn/"', "",
              "# Chuyên mục: khóa (trong [ ]) là một phần địa chỉ của bài; bài ghi khóa hoặc tên."]
    for slug, name, description in _CATEGORIES:
        lines += [f"[categories.{slug}]", f"name = {_quoted(name)}",
                  f"description = {_quoted(description.format(unit=portal.unit))}", ""]
    lines += ["# Đơn vị: thêm các phòng, Công an xã, phường; other_names là mã hay tên gọi tắt (\"PC08\").",
              f"[units.{portal.unit_slug}]", f"name = {_quoted(portal.unit)}", "",
              "# Phong trào, cuộc vận động."]
    for slug, name, description in _CAMPAIGNS:
        lines += [f"[campaigns.{slug}]", f"name = {_quoted(name)}", f"description = {_quoted(description)}", ""]
    return "\n".join(lines)


def check_portal(portal: NewPortal) -> tuple[SiteConfig | None, list[Problem]]:
    """The portal's config as a build reads its site.toml, and every problem the options give,
    as a build would tell them of site.toml, told against the option that gave the value."""
    problems = []
    for option, value in (("--unit", portal.unit), ("--title", portal.title), ("--email", portal.email),
                          ("--address", portal.address), *(("--hotline", h) for h in portal.hotlines)):
        if scaffold.is_mangled(value):
            problems.append(error(option, 0, "bad-value", "this is not text as typed: the terminal sent bytes that are "
                                                          "not UTF-8 (set it to UTF-8)"))
    if problems:
        return None, problems
    if not portal.unit.strip():
        problems.append(error("--unit", 0, "missing-option",
                              'give the portal\'s unit, its name as written: --unit "Công an tỉnh Lạng Sơn"'))
    elif not portal.unit_slug:
        problems.append(error("--unit", 0, "bad-value", "the unit's name has no letters or digits to make a key from"))
    if not portal.base_url.strip():
        problems.append(error("--base-url", 0, "missing-option",
                              "give the portal's address: --base-url https://congan.<tỉnh>.gov.vn/"))
    if problems:
        return None, problems
    text = compose_site_toml(portal)
    config, found = parse_config(tomllib.loads(text), text)
    lines = text.split("\n")
    for problem in found:
        line = lines[problem.location.line - 1] if 0 < problem.location.line <= len(lines) else ""
        key = line.partition("=")[0].strip()
        if key == "title" and not portal.title:  # (made of --unit: "Công an tỉnh …" told at a --title not given)
            key = "name"
        problems.append(Problem(Location(_OPTION_OF.get(key, CONFIG_NAME), 0), problem.code,
                                _as_options_say(problem.message), problem.severity))
    return config, problems


def _as_options_say(message: str) -> str:
    """site.toml's advice, as the command line's: several numbers are --hotline given again
    (it said: hotline = ["113", "0221 3862 124"], a line of a file the editor has not got yet)."""
    return message.replace('(several numbers go in a list: hotline = ["113", "0221 3862 124"])',
                           '(several numbers: give --hotline again for each, --hotline 113 --hotline "0221 3862 124")')


def check_folder(folder: Path) -> list[Problem]:
    """A folder init may not write into: a file, a portal already, a folder holding files."""
    shown = str(folder)
    if folder.exists() and not folder.is_dir():
        return [error(shown, 0, "not-a-folder", "this is a file: give init a new or empty folder")]
    if (folder / CONFIG_NAME).exists():
        return [error(shown, 0, "site-exists", f"this folder already holds a portal ({CONFIG_NAME}): edit that one, "
                                               "or give init a new folder")]
    held = sorted(entry.name for entry in folder.iterdir() if not entry.name.startswith(".")) if folder.is_dir() else []
    if held:
        return [error(shown, 0, "folder-not-empty", f"this folder holds {len(held)} file(s) or folder(s) "
                                                    f"('{held[0]}'…): give init a new or empty folder, so that "
                                                    "nothing of yours is overwritten")]
    return []


def create_portal(folder: Path, portal: NewPortal, config: SiteConfig, lang: str) -> tuple[str, list[Problem]]:
    """Write the portal's files (`config`: what check_portal read of them, without an error);
    returns the first article's path (site-relative)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / CONFIG_NAME, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(compose_site_toml(portal))
    for slug in [slug for slug, _, _ in _CATEGORIES] + ["default"]:
        bundled = BUNDLED_ARCHETYPES / f"{slug}.md"
        if bundled.is_file():
            (folder / scaffold.ARCHETYPES_DIR).mkdir(exist_ok=True)
            (folder / scaffold.ARCHETYPES_DIR / bundled.name).write_bytes(bundled.read_bytes())
    ignore = folder / ".gitignore"  # a clone's own is kept, ours added after it
    kept = ignore.read_bytes() if ignore.exists() else b""
    with open(ignore, "a", encoding="utf-8", newline="\n") as handle:
        handle.write(("\n" if kept and not kept.endswith(b"\n") else "") + GITIGNORE)
    now = datetime.now(config.zone).replace(microsecond=0)
    first, problems = scaffold.plan_article(config, FIRST_ARTICLE.format(title=portal.shown_title), FIRST_CATEGORY,
                                            [portal.unit_slug], [], now)
    if first is not None:
        problems += scaffold.create_article(folder, config, first, lang)
    return (first.path if first is not None else ""), problems


def run_init(args) -> int:
    lang = messages.pick_language(args.lang, "vi")
    folder = args.folder.resolve() if args.folder.exists() else args.folder.absolute()
    typed = scaffold.typed_text
    portal = NewPortal(unit=typed(args.unit), base_url=typed(args.base_url), title=typed(args.title),
                       hotlines=tuple(filter(None, map(typed, args.hotline))), email=typed(args.email),
                       address=typed(args.address))
    config, problems = check_portal(portal)
    problems = check_folder(folder) + problems
    first = ""
    if config is not None and not any(p.is_error for p in problems):
        try:
            first, made = create_portal(folder, portal, config, lang)
            problems += made
        except OSError as exc:  # a read-only folder, a file on the way
            problems = [scaffold.cannot_write(str(folder), exc)]
    for line in messages.describe_all(sort_problems(problems), lang):
        print(line, file=sys.stderr)
    if any(p.is_error for p in problems):
        return 1
    print(messages.text("portal-created", lang, folder=messages.command_path(args.folder), title=portal.shown_title,
                        article=first))
    if not portal.hotlines and not portal.email:
        print(messages.text("portal-no-contact", lang))
    return 0
