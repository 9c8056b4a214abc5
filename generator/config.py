"""site.toml → SiteConfig.

Owns the schema of site.toml: every key, its type and default. Unknown keys
and wrong types are problems naming the key and its line. Reads one file;
knows nothing about content.
"""
from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.aliases import read_aliases_at
from generator.diagnostics import Problem, error, kind_of, suggest, warning
from generator.merge_conflicts import conflict_problems
from generator.model import (MEGAPIXELS_CEILING, Campaign, Category, Contact, ImageSettings, Link, SiteConfig, Unit,
                             frozen_map)
from generator.sanitize import XML_FORBIDDEN
from generator.saved_text import as_utf8, decode
from generator.terms import other_name_clashes
from generator.vietnamese import is_device_name, nfc, slugify

CONFIG_NAME = "site.toml"

# key → (python type, human type name). Required keys have no default in SiteConfig.
TOP_LEVEL: dict[str, tuple[type | tuple, str]] = {
    "title": (str, "a string"),
    "base_url": (str, "a string"),
    "language": (str, "a string"),
    "timezone": (str, "a string"),
    "description": (str, "a string"),
    "share_image": (str, "a string"),
    "per_page": (int, "a whole number"),
    "related_count": (int, "a whole number"),
    "other_count": (int, "a whole number"),
    "contact": (dict, "a table"),
    "links": (list, "an array of tables"),
    "categories": (dict, "a table"),
    "units": (dict, "a table"),
    "campaigns": (dict, "a table"),
    "images": (dict, "a table"),
    "security": (dict, "a table"),
    "extra": (dict, "a table"),  # a layout's own values (config.extra.…), as Zola's [extra], Hugo's [params]
}
# Keys of other generators' configs, with what this one has instead (a mere "did you mean"
# said 'timezone' for [[menu]]).
OTHER_GENERATORS_KEYS = {
    "params": "a layout's own values go in [extra] (config.extra.… in layouts)",
    "menu": "the menu is made of the categories; a page of its own joins it with menu: true in its front-matter",
    "menus": "the menu is made of the categories; a page of its own joins it with menu: true in its front-matter",
    "baseurl": "write base_url",
    "languagecode": "write language = \"vi\"",
}
# Keys as a Vietnamese editor names them (the portal's own addresses say /don-vi/, /phong-trao/),
# without tone marks as a key must be: [don-vi.cong-an-xa] for [units.cong-an-xa].
VIETNAMESE_KEYS = {
    "don-vi": "units", "chuyen-muc": "categories", "phong-trao": "campaigns", "lien-he": "contact",
    "lien-ket": "links", "tieu-de": "title", "ten": "name", "mo-ta": "description", "ten-khac": "other_names",
    "duong-day-nong": "hotline", "so-dien-thoai": "hotline", "dien-thoai": "hotline", "dia-chi": "address",
    "thu-dien-tu": "email", "hop-thu": "email",
}
REQUIRED = ("title", "base_url")
CONTACT_KEYS = ("hotline", "email", "address")
LINK_KEYS = ("name", "url")
TERM_KEYS = ("name", "description", "other_names", "aliases")
IMAGE_FORMATS = ("avif", "webp", "jpeg")
_RATIO = re.compile(r"^\s*(\d{1,3})\s*[:/x]\s*(\d{1,3})\s*$")
_FOCUS = re.compile(r"^\s*(\d{1,3}(?:\.\d+)?)%\s+(\d{1,3}(?:\.\d+)?)%\s*$")
SECURITY_KEYS = ("iframe_hosts",)
_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")
TERM_TABLES = {"categories": Category, "units": Unit, "campaigns": Campaign}
# URL prefixes owned by the generator; a category slug must not take them.
RESERVED_SLUGS = frozenset({"don-vi", "phong-trao", "chuyen-muc", "assets", "images",
                            "tim-kiem", "trang", "feeds", "404", "luu-tru",
                            "pagefind", "atom.xml", "sitemap.xml", "robots.txt"})
# Where tomllib says a mistake is: "(at line 106, column 26)", or "(at end of document)".
TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)")


# A `key = value` line of TOML, its key bare or quoted.
_TOML_KEY = re.compile(r"""^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*=""")


def toml_key_of(line: str) -> str | None:
    """The key a TOML `key = value` line sets (unquoted), or None for any other line."""
    found = _TOML_KEY.match(line)
    return next(part for part in found.groups() if part) if found else None


def _written(key: str) -> str:
    """A pattern for `key` as TOML lets it be written: bare or quoted ([units."công-an-xã"])."""
    return f"""(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')"""


class _Reader:
    """Collects problems while walking the parsed TOML."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.problems: list[Problem] = []

    def line_of(self, *path: str, entry: int = 0) -> int:
        """Best-effort line of a dotted key: its table header, then the key.

        `entry` picks the header of an array of tables: the third [[links]] is entry 2.
        """
        header_line, start = 0, 0
        headers = self._headers(path[:-1]) if len(path) > 1 else []
        if headers:
            header_line = start = headers[min(entry, len(headers) - 1)]
        key = re.compile(r"^\s*" + _written(path[-1]) + r"\s*=")
        for i in range(start, len(self.lines)):
            if key.match(self.lines[i]):
                return i + 1
            # A key belongs to the table it follows: stop at the next header.
            if (i > start or not header_line) and self.lines[i].lstrip().startswith("["):
                break
        # Else the table the path names itself ([categories.tin-hoat-dong], or [categories.x.extra]
        # for an unknown key that is a table: told at its parent's header, lines above), or the
        # first table under it (a misspelt [category.tin-hoat-dong] defines 'category' there).
        return (next(iter(self._headers(path)), 0) or next(iter(self._headers(path, under=True)), 0)
                or header_line or 1)

    def item_line(self, *path: str, number: int) -> int:
        """The line of item `number` (from 0) of the array at a dotted key: a long array stands
        on lines of its own, an item on each. The key's line when it cannot be told."""
        start, lines = self.item_lines(*path)
        return lines[number] if 0 <= number < len(lines) else start

    def item_lines(self, *path: str) -> tuple[int, list[int]]:
        """(the key's line, the line of each item of the array there), in one reading: a line per
        item asked for apart looked the key up again each time, seconds for a site.toml of a
        reorganisation's hundreds of aliases."""
        start = self.line_of(*path)
        found: list[int] = []
        # (no array: aliases = "/cu/" is one value, and the next [table]'s bracket was read as its opening)
        if not 0 < start <= len(self.lines) or not self.lines[start - 1].partition("=")[2].lstrip().startswith("["):
            return start, found
        depth, expecting, quote = 0, False, ""
        for index in range(start - 1, len(self.lines)):
            line = self.lines[index]
            position = line.index("=") + 1 if index == start - 1 else 0
            while position < len(line):
                char = line[position]
                if quote:  # (inside a string: only its end counts)
                    if char == "\\" and quote == '"':
                        position += 1
                    elif char == quote:
                        quote = ""
                elif char == "#":
                    break
                elif depth == 1 and expecting and not char.isspace() and char not in ",]":
                    found.append(index + 1)
                    expecting = False
                    continue
                elif char in "\"'":
                    quote = char
                elif char in "[{":
                    depth += 1
                    expecting = expecting or depth == 1
                elif char in "]}":
                    depth -= 1
                    if depth == 0:
                        return start, found
                elif char == "," and depth == 1:
                    expecting = True
                position += 1
        return start, found

    def _headers(self, table: tuple[str, ...], under: bool = False) -> list[int]:
        """The lines of the headers of `table` ([links], [[links]], [categories.tin-hoat-dong]);
        `under`: of the tables under it instead ([category.x] for `category`)."""
        header = re.compile(r"^\s*\[+\s*" + r"\s*\.\s*".join(map(_written, table))
                            + (r"\s*\." if under else r"\s*\]+"))
        return [i + 1 for i, line in enumerate(self.lines) if header.match(line)]

    def fail(self, path: tuple[str, ...], code: str, message: str, entry: int = 0) -> None:
        self.problems.append(error(CONFIG_NAME, self.line_of(*path, entry=entry), code, message))

    def check_keys(self, table: dict, allowed, path: tuple[str, ...] = (), entry: int = 0) -> None:
        for key in table:
            if key not in allowed:
                where = ".".join(path + (key,))
                instead = OTHER_GENERATORS_KEYS.get(key.lower()) if not path else None
                if not path and key in CONTACT_KEYS:  # (written above [contact], or without it)
                    instead = "it goes under the [contact] line"
                elif path and key in CONTACT_KEYS and not isinstance(table[key], dict):  # (added at site.toml's end)
                    instead = _belongs_above(path, key, "under the [contact] line")
                elif path and key in TOP_LEVEL and not isinstance(table[key], dict) and not _at_top(self.lines, key):
                    instead = _belongs_above(path, key)
                elif path and key in TOP_LEVEL and key != "title" and not isinstance(table[key], dict):
                    instead = _portals_own(path, key)  # (per_page under a category: 'other_names' was suggested)
                hint = suggest(key, allowed) if instead is None else None
                # (a unit's, category's or link's title is its name: 'hotline' was suggested)
                meant = VIETNAMESE_KEYS.get(slugify(key)) or ("name" if key == "title" else None)
                if instead is None and meant in allowed:  # [don-vi.…], as the portal's addresses read
                    hint = meant
                self.fail(path + (key,), "unknown-key",
                          f"unknown key '{where}'" + (f"; {instead}" if instead else "")
                          + (f"; did you mean '{hint}'?" if hint else ""), entry)

    def typed(self, table: dict, key: str, kind, kind_name: str, path=(), entry: int = 0) -> Any:
        value = table.get(key)
        if value is None:
            return None
        # bool is an int in Python; a per_page of true is still wrong.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.fail(path + (key,), "wrong-type",
                      f"'{'.'.join(path + (key,))}' must be {kind_name}, not {kind_of(value)}", entry)
            return None
        if isinstance(value, str):
            control = XML_FORBIDDEN.search(value)
            if control is not None:  # XML forbids it: every feed would be unreadable
                self.fail(path + (key,), "bad-value",
                          f"'{'.'.join(path + (key,))}' holds the invisible control character "
                          f"U+{ord(control.group()):04X} (often pasted from Word); delete it", entry)
                value = XML_FORBIDDEN.sub("", value)  # (read on without it: one error, not a second for its absence)
            return nfc(value)
        return value


def table_line(site_dir: Path, *table: str) -> int:
    """The line of a table's header in the site's site.toml (`"units", "cong-an-tinh"`), 0 if none."""
    try:
        text, _ = decode(as_utf8((site_dir / CONFIG_NAME).read_bytes()))
    except OSError:
        return 0
    return next(iter(_Reader(text or "")._headers(table)), 0)


def load_config(site_dir: Path) -> tuple[SiteConfig | None, list[Problem]]:
    path = site_dir / CONFIG_NAME
    try:
        text, line = decode(as_utf8(path.read_bytes()))
    except FileNotFoundError:
        return None, [error(CONFIG_NAME, 0, "missing-config", f"no {CONFIG_NAME} in {site_dir}")]
    if text is None:
        return None, [error(CONFIG_NAME, line, "not-utf8", "the file is not UTF-8 text")]
    conflicts = conflict_problems(CONFIG_NAME, text)  # (a Windows line end is read past: lines are rstripped)
    if conflicts:
        return None, conflicts
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = toml_error_line(exc, text)
        lines = text.split("\n")
        if str(exc).startswith(("Cannot overwrite a value", "Cannot declare")):  # (no quotes would help)
            twice = _given_twice(lines, line)
            if twice is not None:
                return None, [error(CONFIG_NAME, line, "duplicate-key", twice)]
            return None, [error(CONFIG_NAME, line, "toml-syntax", TOML_POSITION.sub("", str(exc)))]
        unslugged = _unquoted_term_key(lines[line - 1]) if 0 < line <= len(lines) else None
        if unslugged is not None:
            table, key = unslugged
            return None, [error(CONFIG_NAME, line, "bad-slug",
                                f"'{table}.{key}': a key must be a slug such as '{slugify(key)}'")]
        if str(exc).startswith("Expected \"'\" (at end of document)"):  # (TOML sought a '…' text's end to the last line)
            line = next((n for n, written in enumerate(lines, 1) if _unclosed_quote(written) == "'"), line)
        quote = (_unclosed_quote(lines[line - 1]) if 0 < line <= len(lines) and str(exc).startswith(
            ("Illegal character '\\n'", "Found invalid character '\\n'", "Unterminated string", "Expected \"'\"")) else None)
        if quote is not None:  # (at the line's end: a quote inside the text, "A "B" C", is the hint's below)
            return None, [error(CONFIG_NAME, line, "toml-syntax", "the quote opened on this line is never closed; "
                                                                  f"end the value with {quote}")]
        # A beginner's line TOML told in its own words: the line to write instead, the first hint that reads it.
        said = next(filter(None, (hint(lines[line - 1]) for starts, hint in _TOML_LINE_HINTS
                                  if str(exc).startswith(starts))), None) if 0 < line <= len(lines) else None
        if said is not None:
            return None, [error(CONFIG_NAME, line, "toml-syntax", said)]
        hint = _toml_quoting_hint(lines[line - 1]) if 0 < line <= len(lines) else None
        return None, [error(CONFIG_NAME, line, "toml-syntax",
                            str(exc) + (f"; if the value is text, write it in quotes: {hint}" if hint else ""))]
    config, problems = parse_config(raw, text)
    reader = _Reader(text)  # (the lines each warning below is told at)
    if config is not None:
        problems += _other_name_clashes(config, reader) + _contact_missing(raw.get("contact"), reader)
    if config is not None and not config.language.lower().startswith("vi") and not (site_dir / "layouts/base.html").is_file():
        # `language = "en"` to have messages in English labelled every page English, its words Vietnamese.
        problems.append(warning(CONFIG_NAME, reader.line_of("language"), "language-not-vietnamese",
                                f"pages say they are in '{config.language}' (<html lang>, feeds), while the theme's "
                                "words are Vietnamese: screen readers read them with a voice of that language; write "
                                "language = \"vi\" (messages in English: --lang en), or translate the layouts"))
    return config, problems


def _contact_missing(table: object, reader: _Reader) -> list[Problem]:
    """A warning when the footer of every page would lack the hotline or the e-mail, not written
    (or written blank): a reader looks for them there, and a portal published without them fails
    its first duty; `init` leaves [contact] commented when not told them, and said so once, in a
    terminal long closed. A value written wrong is an error of its own already."""
    table = table if isinstance(table, dict) else {}
    missing = [name for name, key in (("hotline", "hotline"), ("e-mail", "email")) if _left_blank(table.get(key))]
    if not missing:
        return []
    line = next(iter(reader._headers(("contact",))), 0)
    # init leaves the lines commented when not told them: the editor is sent to uncomment them.
    commented = 0 if line else next((i + 1 for i, text in enumerate(reader.lines) if _COMMENTED_CONTACT.match(text)), 0)
    return [warning(CONFIG_NAME, line or commented, "no-contact",
                    f"the footer of every page gives no {' and no '.join(missing)}: write "
                    + ", ".join(_CONTACT_EXAMPLES[name] for name in missing)
                    + (" under the [contact] line" if line else
                       " under the [contact] line, without the # at the start of those lines" if commented else " under a [contact] line"))]


def _left_blank(value: object) -> bool:
    """Not written, "", or a list of nothing but blanks."""
    values = value if isinstance(value, list) else [value]
    return all(item is None or (isinstance(item, str) and not item.strip()) for item in values)


# The unit's own, as init's commented lines ask: a number written here would be copied onto
# another province's portal (the demo's Hưng Yên hotline, told to every portal).
_CONTACT_EXAMPLES = {"hotline": 'hotline = "…"', "e-mail": 'email = "…"'}
_COMMENTED_CONTACT = re.compile(r"^\s*#+\s*\[contact\]\s*$")


def _index_of(other_name: str, term) -> int:
    return term.other_names.index(other_name) if other_name in term.other_names else 0


def _other_name_clashes(config: SiteConfig, reader: _Reader) -> list[Problem]:
    """A warning, as two units sharing a name are no error here (each district's "Đội Cảnh sát
    giao thông"): site.toml still means one thing, while an article writing the name is led
    to the term whose key it is, or told the name is shared."""
    problems = []
    for table in TERM_TABLES:
        for clash in other_name_clashes(getattr(config, table)):
            slug, other, taken = clash.slug, clash.other_name, f"[{table}.{clash.taken_by}]"
            fate = (f"is listed under {clash.taken_by}, not {slug}" if clash.taken_as == "key" else
                    f"is told the name is shared, not listed under {slug}")
            problems.append(warning(
                CONFIG_NAME, reader.item_line(table, slug, "other_names", number=_index_of(other, getattr(config, table)[slug])),
                "other-name-taken",
                f"'{table}.{slug}.other_names' gives '{other}', the {clash.taken_as} of {taken}: an article writing "
                f"it {fate}; remove it from other_names, or remove {taken} if the reorganisation replaced it"))
    return problems


def _unquoted_term_key(line: str) -> tuple[str, str] | None:
    """(table, key) of a header TOML refused for the key's letters, `[units.công-an-xã-mai-pha]`
    or `[categories.tin hoat dong]`, as one writes a unit's name: TOML's own words ("Expected ']'
    at the end of a table declaration") said nothing of the key to write."""
    found = re.fullmatch(r"\s*\[\s*(" + "|".join(TERM_TABLES) + r")\s*\.\s*([^\[\]\"'.=]+?)\s*\]\s*(?:#.*)?", line)
    if found is None or re.fullmatch(r"[A-Za-z0-9_-]+", found.group(2)) or not slugify(found.group(2)):
        return None
    return found.group(1), found.group(2)


def _unclosed_quote(line: str) -> str | None:
    """'"' for `title = "Cổng thông tin`, a text saved before its closing quote was typed ("'" for
    a '…' one); None for any other line."""
    key, equals, rest = line.partition("=")
    if not equals or not re.fullmatch(r"[A-Za-z0-9_-]+", key.strip()):
        return None
    return unclosed_quote(rest.strip())


def unclosed_quote(value: str, yaml: bool = False) -> str | None:
    """The quote a value (of a `key = value` line of TOML, or with `yaml` of a `key: value` line
    of front-matter) opens and does not close on its line: '"' for `"Cổng thông tin`, "'" for a
    '…' text; None for a value that closes its quote or has none. A '"' after a backslash is one
    of the text's letters; TOML's three quotes open a text of several lines, and YAML's two ''
    in a '…' text are one of its letters."""
    if not value or value[0] not in "\"'" or not yaml and value.startswith(('"""', "'''")):
        return None
    if value[0] == '"':
        quotes = len(re.findall(r'(?<!\\)"', value))
    else:
        quotes = (value.replace("''", "") if yaml else value).count("'")
    return value[0] if quotes % 2 else None


def _colon_for_equals(line: str) -> str | None:
    """What to write for `title: "Cổng …"`, a key given as an article's front-matter gives one
    (TOML said "Expected '=' after a key in a key/value pair"); None for any other line."""
    found = re.fullmatch(r"\s*([A-Za-z0-9_-]+)\s*:\s*(\S.*?)\s*", line)
    if found is None:
        return None
    written = f"{found.group(1)} = {found.group(2)}"
    written = _valid_toml(written) or _toml_quoting_hint(written)
    if written is None:
        return None
    return (f"'{found.group(1)}' is followed by ':', as an article's front-matter writes a key; site.toml "
            f"writes '=': {written}")


def _equals_twice(line: str) -> str | None:
    """What to write for `name == "Tin hoạt động"`, '=' doubled as code compares (TOML said
    "Invalid value", and the hint "write it in quotes" to a value in quotes already)."""
    key, equals, rest = line.partition("=")
    signs = "=" + re.match(r"[=\s]*", rest).group().replace(" ", "").replace("\t", "")
    if not equals or signs == "=":
        return None
    written = _toml_quoting_hint(line)
    if written is None:
        return None
    return f"'{key.strip()}' is followed by '{signs}', as code compares; site.toml writes one '=': {written}"


def _table_line_hint(line: str) -> str | None:
    """What to write for a table's line with a bracket missing or in round ones
    (`[categories.an-ninh`, `units.cong-an-xa-b]`, `[[links]`), which TOML told in its own words
    ("Expected ']' at the end of a table declaration", "Invalid statement")."""
    found = re.fullmatch(r"\s*[\[(]*\s*((" + "|".join(k for k, (kind, _) in TOP_LEVEL.items() if kind in (dict, list))
                         + r")(?:\s*\.\s*[A-Za-z0-9_-]+)*)\s*[\])]*\s*(?:#.*)?", line)
    if found is None:
        return None
    name = re.sub(r"\s*\.\s*", ".", found.group(1))
    return f"a table's line is written between square brackets: {_table_line(tuple(name.split('.')))}"


def _separator_at_end(line: str) -> str | None:
    """What to write for `name = "Tin hoạt động",` (or `;`), a line ended as a list's item or a
    statement of code ends (TOML said "Expected newline or end of document after a statement")."""
    found = re.fullmatch(r"\s*([A-Za-z0-9_-]+\s*=\s*.*?)\s*([,;])\s*", line)
    if found is None or _valid_toml(found.group(1)) is None:
        return None
    return f"a line of site.toml ends with its value: remove the '{found.group(2)}' at its end, {found.group(1)}"


def _valid_toml(line: str) -> str | None:
    """`line` when TOML reads it."""
    try:
        tomllib.loads(line)
    except tomllib.TOMLDecodeError:
        return None
    return line


# What TOML's message begins with → the hint for that line (each None for a line it does not read).
_TOML_LINE_HINTS = (
    (("Expected '=' after a key",), _colon_for_equals),
    (("Invalid value",), _equals_twice),
    (("Expected newline or end of document",), _separator_at_end),
    (("Expected ']'", "Expected ']]'", "Expected '='", "Invalid statement",
      "Expected newline or end of document"), _table_line_hint),  # (and one too many: [units.cong-an-xa-b]])
)


# An item of a list in typographic quotes, between its [ or , and its , or ].
_TYPOGRAPHIC_ITEM = re.compile(r"([\[,]\s*)[“‘]([^“”‘’\"\\]*)[”’](?=\s*[,\]])")


def _toml_quoting_hint(line: str) -> str | None:
    """`key = "value"` for a `key = value` line whose text TOML refused: a value left
    unquoted (`hotline = 0221 3862 124`, `title = Cổng thông tin…`), quotes inside quotes, or
    typographic ones (`hotline = “0221 3862 124”`)."""
    key, equals, rest = line.partition("=")
    key, value = key.strip(), rest.strip()
    if not equals or not re.fullmatch(r"[A-Za-z0-9_-]+", key) or not value or len(value) > 500:
        return None
    if value.startswith("=") and value.lstrip("= "):  # (name == "Tin", as code compares: '= "Tin"' was advised)
        once = f"{key} = {value.lstrip('= ')}"
        return _valid_toml(once) or _toml_quoting_hint(once)
    if value[0] == "[" and re.search("[“‘]", value):  # (a list of them: ["113", "0221 3862 124"] typed on a phone)
        items = _TYPOGRAPHIC_ITEM.sub(lambda item: item.group(1) + json.dumps(item.group(2), ensure_ascii=False), value)
        return _valid_toml(f"{key} = {items}")
    if value[0] in "[{":
        return None
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]  # its own quotes, with the same kind inside
    elif len(value) >= 2 and value[0] in "“‘" and value[-1] in "”’":
        value = value[1:-1]  # typographic quotes, as Word, TextEdit or a phone turns "…" into: not TOML's
    elif value[0] in "\"'" or value in ("true", "false"):
        return None
    literal = "'" not in value and ('"' in value or "\\" in value)  # '…' reads as written: no escapes
    return f"{key} = " + (f"'{value}'" if literal else json.dumps(value, ensure_ascii=False))


def toml_error_line(exc: tomllib.TOMLDecodeError, text: str) -> int:
    """The line of `text` (from 1) tomllib's error names; its last line for "end of document"."""
    found = TOML_POSITION.search(str(exc))
    if found is None:
        return 1
    return int(found.group(1)) if found.group(1) else text.count("\n") + 1


def parse_config(raw: dict, text: str = "") -> tuple[SiteConfig | None, list[Problem]]:
    reader = _Reader(text)
    reader.check_keys(raw, TOP_LEVEL)
    values: dict[str, Any] = {}
    for key, (kind, kind_name) in TOP_LEVEL.items():
        value = reader.typed(raw, key, kind, kind_name)
        if value is not None:
            values[key] = value
    for key in REQUIRED:
        if key not in raw:
            reader.fail((key,), "missing-key", f"'{key}' is required")

    if "title" in values and not values["title"].strip():
        reader.fail(("title",), "bad-value", "'title' must not be empty: it names the portal on every page")
    elif "title" in values and _PLACEHOLDER.search(values["title"]):
        reader.fail(("title",), "bad-value", f"'title' ends with README's placeholder '…' ('{values['title'].strip()}'): "
                                             "write the unit's name there")
    for key in ("per_page", "related_count", "other_count"):
        lowest = 1 if key == "per_page" else 0
        if key in values and not lowest <= values[key] <= 1000:
            reader.fail((key,), "bad-value", f"'{key}' must be between {lowest} and 1000")
    if "base_url" in values:
        values["base_url"] = values["base_url"].strip()  # (pasted with a space or a line's end, as --base-url is)
        checked = checked_base_url(values["base_url"])
        if checked is None:
            fault, fixed = base_url_fault(values["base_url"]) or ("not-absolute", "")  # (or no IDNA host name)
            reader.fail(("base_url",), "bad-value", _BASE_URL_FAULTS[fault].format(fixed))
        else:
            values["base_url"] = checked
    if "language" in values:
        language = values["language"]
        if language.strip().lower().replace("_", "-") in ("vn", "vn-vn", "vie"):
            # (the country's code, not the language's: screen readers would pick no Vietnamese voice)
            reader.fail(("language",), "bad-value", f"'{language}' is not a language code: Vietnamese is 'vi'")
        elif not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", language):
            reader.fail(("language",), "bad-value",
                        f"'{language}' is not a language code such as 'vi' (pages say it to browsers and screen readers)")
    if "timezone" in values:
        try:
            ZoneInfo(values["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            reader.fail(("timezone",), "bad-value", f"unknown time zone '{values['timezone']}'")

    if values.get("share_image", "").strip():
        image = values["share_image"].strip()
        if not image.startswith("/") or image.startswith("//"):
            reader.fail(("share_image",), "bad-value",
                        "'share_image' must be the path of a file this site publishes, from its root, such as "
                        "'/anh-chia-se.png' for static/anh-chia-se.png")
        values["share_image"] = image
    if "contact" in values:
        values["contact"] = _read_contact(reader, values["contact"])
    if "links" in values:
        links = []
        for n, item in enumerate(values["links"]):
            if not isinstance(item, dict):
                reader.fail(("links",), "wrong-type", "each [[links]] entry must be a table with name and url")
                continue
            reader.check_keys(item, LINK_KEYS, ("links",), n)
            name = reader.typed(item, "name", str, "a string", ("links",), n)
            url = reader.typed(item, "url", str, "a string", ("links",), n)
            if url and not _safe_link(url):
                reader.fail(("links", "url"), "bad-value",
                            f"'{url}': a link must be an http(s) URL or a path on this site", n)
            elif url and not _ADDRESS_OR_PATH.match(url.strip()):
                # "bocongan.gov.vn" would be a page of this site, /bocongan.gov.vn: nowhere
                reader.fail(("links", "url"), "bad-value",
                            f"'{url}' is neither a web address nor a path on this site; write "
                            f"'https://{url.strip().removeprefix('//')}' (or '/{url.strip()}' for a page of this site)", n)
            elif name and url:
                links.append(Link(name, url, reader.line_of("links", "url", entry=n)))
            else:
                reader.fail(("links", "name" if url else "url"), "missing-key",
                            "each [[links]] entry needs a name and a url", n)
        values["links"] = tuple(links)
    if "security" in values:
        values["iframe_hosts"] = _read_iframe_hosts(reader, values.pop("security"))
    for table, term_type in TERM_TABLES.items():
        if table in values:
            values[table] = frozen_map(_read_terms(reader, table, values[table], term_type))

    if "images" in values:
        values["images"] = _read_images(reader, values["images"])
    if "extra" in values:
        values["extra"] = frozen_map(values["extra"])

    if reader.problems:
        return None, reader.problems
    return SiteConfig(**values), []


# What a URL's path may hold as it is; anything else (Vietnamese letters, spaces) is %-encoded.
_URL_PATH_SAFE = "/%:@!$&'()*+,;=~-._"


def line_in_site_toml(site_dir: Path, *path: str) -> int:
    """The line of a key of site.toml (best effort, 1 when not found): for problems found after
    reading it, once the build knows what it publishes."""
    try:
        text = (site_dir / CONFIG_NAME).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return 1
    return _Reader(text).line_of(*path)


def checked_base_url(url: str) -> str | None:
    """`url` as a base_url (site.toml's, or `build --base-url`'s) is written everywhere: an absolute
    http(s) URL in ASCII (see _ascii_url). None when it cannot be one (base_url_fault says why)."""
    if base_url_fault(url) is not None:
        return None
    parts = urlsplit(url)  # (Https://CongAn.…, as Word capitalises a line's first letter: links write it small)
    url = urlunsplit(parts._replace(scheme=parts.scheme.lower(),
                                    netloc=parts.netloc if "@" in parts.netloc else parts.netloc.lower()))
    return _ascii_url(url)


# A page's file name ending a base_url ("…/congan/index.html"): every link would be put under it.
_PAGE_FILE = re.compile(r"[^/]+\.(?:html?|php|aspx?|jsp)$", re.IGNORECASE)


def base_url_fault(url: str) -> tuple[str, str] | None:
    """Why `url` cannot be a base_url: ("not-absolute", ""), ("query", the URL without it),
    ("page", the URL of its folder), ("slashes", the URL with one / for each //) or ("spaces",
    the URL with a hyphen for each space); None when it can. Each link of the site is base_url's
    path and the page's: a query, a fragment or a file name there would be inside every link."""
    spaced = re.match(r"^(https?://[^/\s]+)(\s*/.*)$", url, re.IGNORECASE | re.DOTALL)
    if spaced and re.search(r"\s", spaced.group(2)):  # (…/cong an huyen a/: told it was no address)
        # (one beside a '/', "…/ huyen-a/" as pasted, is lost: "/-huyen-a/" was advised)
        return "spaces", spaced.group(1) + re.sub(r"\s+", "-", re.sub(r"\s*/\s*", "/", spaced.group(2).strip()))
    if not re.match(r"^https?://[^/\s]+(/\S*)?$", url, re.IGNORECASE):
        return "not-absolute", ""
    parts = urlsplit(url)
    if not _host_name(parts.hostname or ""):
        return "host", parts.hostname or ""
    if "?" in url or "#" in url:
        return "query", urlunsplit(parts._replace(query="", fragment=""))
    page = _PAGE_FILE.search(parts.path)
    if page is not None:
        return "page", url[:-len(page.group())]
    if "//" in parts.path:  # (…/huyen-a//, or host + "/" + "/huyen-a/" pasted together)
        return "slashes", urlunsplit(parts._replace(path=re.sub(r"/{2,}", "/", parts.path)))
    return None


# A host's name as DNS has it, label by label (IDNA's for a Vietnamese one), or an IPv6 address.
_HOST_LABELS = re.compile(r"(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?\.)*[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?\.?",
                          re.IGNORECASE)


def _host_name(host: str) -> bool:
    """Whether base_url's host can be looked up: "…", README's placeholder, became "..." through
    IDNA and was written into every canonical link, feed and the sitemap (https://.../)."""
    if ":" in host:  # ([::1])
        return True
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    return bool(_HOST_LABELS.fullmatch(ascii_host))


_BASE_URL_FAULTS = {"not-absolute": "'base_url' must be an absolute http(s) URL",
                    "host": "'base_url' names no host: '{}' is not a host name such as 'congan.hungyen.gov.vn'; "
                            "write the portal's address",
                    "query": "'base_url' must not hold a query or a fragment ('?…', '#…'): every link would carry "
                             "it; write {}",
                    "page": "'base_url' ends with a page's file name: write the folder it is in, {}",
                    "spaces": "'base_url' has a space in its path, which no address may hold: write {}",
                    "slashes": "'base_url' has '//' in its path: every link would begin with '//', which a browser "
                               "reads as another host's address; write {}"}


def _ascii_url(url: str) -> str | None:
    """base_url as sitemaps, feeds and canonical links must write it: a Vietnamese host name in
    its IDNA form (côngan.vn → xn--cngan-6ta.vn) and the path %-encoded. None if it cannot be."""
    if url.isascii():
        return url
    parts = urlsplit(url)
    try:
        host = (parts.hostname or "").encode("idna").decode("ascii")
        port = parts.port
    except (UnicodeError, ValueError):
        return None
    netloc = host + (f":{port}" if port is not None else "")
    if parts.username is not None:
        userinfo = quote(parts.username, safe="") + (f":{quote(parts.password, safe='')}" if parts.password else "")
        netloc = f"{userinfo}@{netloc}"
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe=_URL_PATH_SAFE),
                       quote(parts.query, safe=_URL_PATH_SAFE + "?"), quote(parts.fragment, safe=_URL_PATH_SAFE)))


def parse_ratio(text: str) -> tuple[int, int] | None:
    """'3:2' (or '3/2', '3x2') → (3, 2); None when it is not a ratio."""
    found = _RATIO.match(text)
    if not found or not int(found.group(1)) or not int(found.group(2)):
        return None
    return int(found.group(1)), int(found.group(2))


def parse_focus(text: str) -> tuple[float, float] | None:
    """'50% 30%' (like CSS object-position) → (0.5, 0.3); None when malformed."""
    found = _FOCUS.match(text)
    if not found:
        return None
    x, y = float(found.group(1)) / 100, float(found.group(2)) / 100
    return (x, y) if x <= 1 and y <= 1 else None


_TOML_TABLE = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?")


def _table_line(table: tuple[str, ...]) -> str:
    """The line a table starts at in site.toml: [categories.an-ninh], or [[links]] for a link."""
    return "[[links]]" if table == ("links",) else f"[{'.'.join(table)}]"


def _belongs_above(table: tuple[str, ...], key: str,
                   goes: str = "at the top of site.toml, above the first line in [ ]") -> str:
    """Why a site-wide key written at the end of site.toml is taken for the last table's: TOML
    reads every line under a [table] line as that table's, and a newcomer adds lines at the end."""
    return f"a line under {_table_line(table)} belongs to that table: the portal's '{key}' goes {goes}"


def _portals_own(table: tuple[str, ...], key: str) -> str:
    """Why a site-wide key set at the top and written again in a table (per_page under a category,
    as a newcomer would give one list its own) is unknown there."""
    return f"'{key}' is the whole portal's, set at the top of site.toml: {_table_line(table)} has none of its own"


def _at_top(lines: list[str], key: str) -> bool:
    """Whether site.toml sets `key` above its first [ ] line already: a `title` under [units.x] or
    [[links]] means the entry's name, and the portal's is where it goes (line 1)."""
    for line in lines:
        if _TOML_TABLE.match(line):
            return False
        if toml_key_of(line) == key:
            return True
    return False


def _given_twice(lines: list[str], line: int) -> str | None:
    """"'per_page' is given twice (first on line 3)" for the key or [table] on `line` (1-based)
    written before in the same table; None when it is not that simple (a dotted key)."""
    if not 0 < line <= len(lines):
        return None
    table = _TOML_TABLE.match(lines[line - 1])
    if table and not lines[line - 1].lstrip().startswith("[["):
        first = next((n for n in range(line - 1) if (t := _TOML_TABLE.match(lines[n])) and t.group(1) == table.group(1)),
                     None)
        return f"'[{table.group(1)}]' is given twice (first on line {first + 1})" if first is not None else None
    name = toml_key_of(lines[line - 1])
    if name is None:
        return None
    for number in range(line - 2, -1, -1):
        if _TOML_TABLE.match(lines[number]):
            return None  # (the first is in another table: not this simple case)
        if toml_key_of(lines[number]) == name:
            told = f"'{name}' is given twice (first on line {number + 1})"
            # (a site-wide key added at the end, under the last table, which has its own: description)
            header = next((t for n in range(number, -1, -1) if (t := _TOML_TABLE.match(lines[n]))), None)
            if header is not None and name in TOP_LEVEL and not _at_top(lines, name):
                told += "; " + _belongs_above(tuple(re.split(r"\s*\.\s*", header.group(1))), name)
            return told
    return None


def _read_images(reader: _Reader, raw: dict) -> ImageSettings:
    """The [images] table; anything left unset keeps ImageSettings' default."""
    path = ("images",)
    defaults = ImageSettings()
    reader.check_keys(raw, ImageSettings.__dataclass_fields__, path)
    values: dict[str, Any] = {}
    for key in ("widths", "thumbnail_widths"):
        widths = reader.typed(raw, key, list, "an array of whole numbers", path)
        if widths is None:
            continue
        if not widths or not all(isinstance(w, int) and not isinstance(w, bool) and 16 <= w <= 8000 for w in widths):
            reader.fail(path + (key,), "bad-value", f"'images.{key}' must list widths in pixels between 16 and 8000")
        else:
            values[key] = tuple(sorted(set(widths)))
    formats = reader.typed(raw, "formats", list, "an array of strings", path)
    if formats is not None:
        unknown = [f for f in formats if f not in IMAGE_FORMATS]
        if unknown or "jpeg" not in formats:
            reader.fail(path + ("formats",), "bad-value",
                        f"'images.formats' may list {', '.join(IMAGE_FORMATS)} and must include jpeg (the fallback)")
        else:
            values["formats"] = tuple(dict.fromkeys(formats))
    for key in ("quality", "avif_quality"):
        quality = reader.typed(raw, key, int, "a whole number", path)
        if quality is not None and not 1 <= quality <= 100:
            reader.fail(path + (key,), "bad-value", f"'images.{key}' must be between 1 and 100")
        elif quality is not None:
            values[key] = quality
    max_mp = reader.typed(raw, "max_megapixels", int, "a whole number", path)
    if max_mp is not None and not 1 <= max_mp <= MEGAPIXELS_CEILING:
        reader.fail(path + ("max_megapixels",), "bad-value",
                    f"'images.max_megapixels' must be between 1 and {MEGAPIXELS_CEILING}")
    elif max_mp is not None:
        values["max_megapixels"] = max_mp
    ratio = reader.typed(raw, "thumbnail_ratio", str, "a string such as \"3:2\"", path)
    if ratio is not None:
        if parse_ratio(ratio) is None:
            reader.fail(path + ("thumbnail_ratio",), "bad-value", f"'images.thumbnail_ratio' must look like \"3:2\", not '{ratio}'")
        else:
            values["thumbnail_ratio"] = parse_ratio(ratio)
    focus = reader.typed(raw, "focal_point", str, "a string such as \"50% 30%\"", path)
    if focus is not None:
        if parse_focus(focus) is None:
            reader.fail(path + ("focal_point",), "bad-value",
                        f"'images.focal_point' must be two percentages such as \"50% 30%\", not '{focus}'")
        else:
            values["focal_point"] = parse_focus(focus)
    return ImageSettings(**{**defaults.__dict__, **values})


def _read_terms(reader: _Reader, table: str, raw: dict, term_type) -> dict:
    terms = {}
    for slug, entry in raw.items():
        path = (table, slug)
        if not isinstance(entry, dict):
            reader.fail(path, "wrong-type", f"'{table}.{slug}' must be a table with a name")
            continue
        if slug != slugify(slug):
            reader.fail(path, "bad-slug", f"'{table}.{slug}': a key must be a slug such as '{slugify(slug)}'")
            continue
        if table == "categories" and slug in RESERVED_SLUGS:
            reader.fail(path, "reserved-slug", f"'{slug}' is a URL the portal uses itself; pick another key")
            continue
        if is_device_name(slug):
            reader.fail(path, "reserved-slug", f"'{slug}' is a name Windows keeps for a device: no folder can be "
                                               "called so there, and a preview on Windows cannot be built; pick "
                                               "another key")
            continue
        reader.check_keys(entry, TERM_KEYS + (CONTACT_KEYS if table == "units" else ()), path)
        name = reader.typed(entry, "name", str, "a string", path)
        description = reader.typed(entry, "description", str, "a string", path) or ""
        other_names = reader.typed(entry, "other_names", list, "an array of strings", path) or []
        if not all(isinstance(other, str) and other.strip() for other in other_names):
            reader.fail(path + ("other_names",), "bad-value",
                        f"'{table}.{slug}.other_names' must list names in quotes, e.g. [\"PC08\"]")
            other_names = []
        if not (name or "").strip():
            if "name" not in entry or isinstance(entry["name"], str):  # (a name of another type is told so)
                reader.fail(path + ("name",), "missing-key", f"'{table}.{slug}.name' is required")
            continue
        # README's `name = "…", description = "…"` (its comment under [categories.<slug>]) written as it is:
        # the menu, the list's heading and its description said "…".
        if _PLACEHOLDER.fullmatch(name):
            reader.fail(path + ("name",), "bad-value", f"'{table}.{slug}.name' is README's placeholder '…': "
                                                       "write the name readers see")
        if _PLACEHOLDER.fullmatch(description):
            reader.fail(path + ("description",), "bad-value", f"'{table}.{slug}.description' is README's "
                                                              "placeholder '…': write one, or none at all")
        more = {"contact": _contact_from(reader, entry, path)} if table == "units" else {}
        written = entry.get("aliases")
        if written is not None and not isinstance(written, (list, str)):  # (the front-matter's example is no TOML)
            reader.fail(path + ("aliases",), "bad-alias",
                        f"'{table}.{slug}.aliases' must be a list of old addresses in quotes, "
                        f"e.g. aliases = [\"/{'don-vi/' if table == 'units' else 'phong-trao/' if table == 'campaigns' else ''}{slug}-cu/\"]")
            written = None
        # (the lines of the array read once: the line of each item asked for apart, seconds for hundreds)
        aliases_line, item_lines = reader.item_lines(*path, "aliases") if written is not None else (0, [])

        def line_of_alias(number: int | None) -> int:
            return item_lines[number] if number is not None and number < len(item_lines) else aliases_line

        old_addresses = read_aliases_at(written, lambda message, item=None: reader.problems.append(
            error(CONFIG_NAME, line_of_alias(item), "bad-alias", message)))
        terms[slug] = term_type(slug=slug, name=name, description=description,
                                other_names=tuple(nfc(other).strip() for other in other_names), **more,
                                aliases=tuple(old_addresses),
                                aliases_lines=tuple(map(line_of_alias, old_addresses.values())),
                                aliases_written=tuple(item for item in ([written] if isinstance(written, str)
                                                                        else written or ()) if isinstance(item, str)))
    return terms


# A [[links]] url: a web address, a path from this site's root, or a mailto:/tel: link.
_ADDRESS_OR_PATH = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|/(?!/)|#)")
# What a reader's phone can dial: digits, with the separators people write between them.
_PHONE = re.compile(r"^\(?\+?[\d\s.()-]+$")  # ("(+84) 221 3862 124" too, as numbers are printed abroad)
# An emergency number (111 to 115) followed by another: "113 0221 3862 124".
_EMERGENCY_AND_MORE = re.compile(r"^11\d[\s.-]+\(?\d")
# Vietnam's code written without its "+" (84 912 345 678, as a number is printed abroad): a phone
# dials it as a number of this country, and none begins with 84 (they begin with 0, or 1 for
# 113, 1900 …). What follows the code, with a 0 before it, is the number as it is dialled here.
_CODE_WITHOUT_PLUS = re.compile(r"^\(?84\)?[\s.-]*(?=[1-9])")


def _two_numbers(number: str) -> bool:
    """Whether a hotline holds two numbers, whose tel: link dialled all their digits together:
    an emergency number and another, or whole numbers parted by a hyphen with spaces around it
    ("113 - 0221 3862 124", "0221 3862 124 - 0912 345 678"; "0912 - 345 - 678" is one number)."""
    if _EMERGENCY_AND_MORE.match(number):
        return True
    parts = [re.sub(r"\D", "", part) for part in re.split(r"\s+-\s+", number)]
    return len(parts) > 1 and all(re.fullmatch(r"11\d|0\d{8,10}|1[89]00\d{4,6}", part) for part in parts)


# README's "…" left where a value goes (title = "Cổng thông tin điện tử Công an tỉnh …",
# address = "…"): published on every page as written.
_PLACEHOLDER = re.compile(r"(?:^|\s)(?:…|\.\.\.)\s*$")
# Enough of an e-mail address to be a mailto: link that reaches someone: no dot doubled, or at either
# end of the name (bbt@congan..gov.vn, a typo no mail server delivers to), and a top-level domain of
# two letters at least (…@congan.gov.v, its last letter lost).
_EMAIL = re.compile(r"^(?!.*\.\.)(?!\.)[^@\s<>\"(),;:]+(?<!\.)@(?:[^@\s<>\"(),;:.]+\.)+(?:(?i:xn--)[\w-]+|[^@\s<>\"(),;:.\d]{2,})$")


def _read_contact(reader: _Reader, table: dict) -> Contact:
    """[contact]: the footer of every page."""
    reader.check_keys(table, CONTACT_KEYS, ("contact",))
    return _contact_from(reader, table, ("contact",))


def _contact_from(reader: _Reader, table: dict, path: tuple[str, ...]) -> Contact:
    """The hotline, e-mail and address of [contact] or of a unit (`path`). The hotline is
    dialled from a phone and the e-mail written to: a typo there fails quietly for the
    reader, so it is an error here."""
    where = ".".join(path)
    email = reader.typed(table, "email", str, "a string", path) or ""
    # "mailto:bbt@…" copied from a link's address: the footer writes its own mailto:
    email = re.sub(r"^\s*mailto:", "", email, flags=re.IGNORECASE)
    address = reader.typed(table, "address", str, "a string", path) or ""
    if email.strip() and not _EMAIL.match(email.strip()):
        reader.fail(path + ("email",), "bad-value", f"'{where}.email': '{email}' is not an e-mail address "
                                                    "such as 'banbientap@congan.example.vn'")
    if _PLACEHOLDER.fullmatch(address):
        reader.fail(path + ("address",), "bad-value", f"'{where}.address' is README's placeholder '…': "
                                                      "write the address, or none at all")
    numbers = _read_hotlines(reader, table, path)
    return Contact(hotline=" – ".join(numbers), email=email.strip(), address=nfc(address).strip(), hotlines=numbers)


def _read_hotlines(reader: _Reader, table: dict, path: tuple[str, ...]) -> tuple[str, ...]:
    """`hotline = "0221 3862 124"`, or several: `hotline = ["113", "0221 3862 124"]`."""
    where = ".".join(path)
    raw = table.get("hotline")
    if isinstance(raw, int) and not isinstance(raw, bool):  # hotline = 113: TOML read a number
        reader.fail(path + ("hotline",), "wrong-type",
                    f"'{where}.hotline' must be text: put the number in quotes, hotline = \"{raw}\"")
        return ()
    if isinstance(raw, list) and all(isinstance(n, str) for n in raw):
        written = raw
    elif isinstance(raw, list) and all(isinstance(n, (str, int)) and not isinstance(n, bool) for n in raw):
        # hotline = ["113", 114]: TOML read the unquoted one as a number
        quoted = ", ".join(json.dumps(str(n), ensure_ascii=False) for n in raw)
        reader.fail(path + ("hotline",), "wrong-type",
                    f"'{where}.hotline' must be text: put the number in quotes, hotline = [{quoted}]")
        return ()
    else:
        written = [reader.typed(table, "hotline", str, "a string or a list of strings", path) or ""]
    # A number typed with an input method left in full-width ("０２２１ ３８６２ １２４", "＋84") is
    # shown, dialled and given to search engines as the digits it means (NFKC: also NFC).
    numbers = tuple(unicodedata.normalize("NFKC", n).strip() for n in written if n.strip())
    for number in numbers:
        if _PHONE.match(number) and _two_numbers(number):
            reader.fail(path + ("hotline",), "bad-value",
                        f"'{where}.hotline': '{number}' is two numbers, which a phone would dial as one "
                        f"(tel:{re.sub(r'[^0-9+]', '', number)}) "
                        "(several numbers go in a list: hotline = [\"113\", \"0221 3862 124\"])")
        elif _PHONE.match(number) and _CODE_WITHOUT_PLUS.match(number) and sum(ch.isdigit() for ch in number) in (11, 12):
            reader.fail(path + ("hotline",), "bad-value",
                        f"'{where}.hotline': '{number}' begins with Vietnam's code, 84, without its '+': a phone "
                        f"would dial tel:{re.sub(r'[^0-9]', '', number)}, no number; write "
                        f"'+84 {_CODE_WITHOUT_PLUS.sub('', number)}' (or '{_CODE_WITHOUT_PLUS.sub('0', number)}')")
        elif not _PHONE.match(number) or not 3 <= sum(ch.isdigit() for ch in number) <= 15:
            reader.fail(path + ("hotline",), "bad-value",
                        f"'{where}.hotline': '{number}' is not a phone number such as '0221 3862 124' "
                        "(several numbers go in a list: hotline = [\"113\", \"0221 3862 124\"])")
    return numbers


def _safe_link(url: str) -> bool:
    """No javascript:, data: or other schemes a reader's browser would run."""
    compact = re.sub(r"[\x00-\x20]+", "", url).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", compact)
    return scheme is None or scheme.group(1) in ("http", "https", "mailto", "tel")


def _read_iframe_hosts(reader: _Reader, table: dict) -> tuple[str, ...]:
    """[security] iframe_hosts: the hosts (e.g. "www.youtube-nocookie.com") articles may embed."""
    reader.check_keys(table, SECURITY_KEYS, ("security",))
    hosts = reader.typed(table, "iframe_hosts", list, "a list of host names", ("security",)) or []
    kept = []
    for host in hosts:
        name = nfc(host).strip().lower() if isinstance(host, str) else ""
        if not _HOST.match(name):
            reader.fail(("security", "iframe_hosts"), "bad-value",
                        f"'security.iframe_hosts': {host!r} is not a host name such as 'www.youtube-nocookie.com'")
            continue
        kept.append(name)
    return tuple(sorted(set(kept)))
