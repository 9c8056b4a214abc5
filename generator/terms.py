"""Naming a declared unit, category or campaign (a term of site.toml) in front-matter.

Owns how a name written by an editor finds its term: by key, name or other name (any case,
with or without tone marks), or written with initials ("Phòng CSGT"); why one finds none or
several, with the fix; and reading the `unit`, `category` and `campaigns` keys, lists and
text lists included. Pure: reads no files.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

from generator.diagnostics import kind_of, suggest_name
from generator.model import SiteConfig, Term
from generator.vietnamese import abbreviates, fold, slugify, words


def match_term(terms: Mapping[str, Term], wanted: str) -> str | None:
    """A slug key or a display name, ignoring case and tone marks → slug; None for a
    name several terms share (each district's "Đội Cảnh sát giao thông"): see `unknown_term`.
    A name written with initials ("Phòng CSGT") names the one term it abbreviates."""
    found = _names_of(terms).lookup.get(fold(wanted))
    if isinstance(found, str):
        return found
    if found is None and slugify(wanted) in terms:
        return slugify(wanted)
    if found is None:
        short_for = abbreviated(terms, wanted)
        if len(short_for) == 1:
            return short_for[0]
    return None


def abbreviated(terms: Mapping[str, Term], wanted: str) -> list[str]:
    """The slugs of the terms whose names `wanted` writes with initials."""
    shorts = words(wanted)
    return list(dict.fromkeys(slug for slug, longs in _names_of(terms).words if abbreviates(shorts, longs)))


@dataclass(frozen=True)
class _Names:
    """What matching reads of a mapping of terms, worked out once per mapping."""
    lookup: Mapping[str, str | tuple[str, ...]]  # folded name or key → slug, or the slugs sharing that name
    words: tuple[tuple[str, list[str]], ...]  # (slug, the words of one of its names), for the initials


def _names_of(terms: Mapping[str, Term]) -> _Names:
    known = _NAMES.get(id(terms))
    if known is None or known[0] is not terms:
        shared: dict[str, list[str]] = {}
        for slug, term in terms.items():
            for name in dict.fromkeys(map(fold, term.names)):
                shared.setdefault(name, []).append(slug)
        lookup: dict[str, str | tuple[str, ...]] = {name: slugs[0] if len(slugs) == 1 else tuple(slugs)
                                                    for name, slugs in shared.items()}
        lookup.update((fold(slug), slug) for slug in terms)  # a key is never ambiguous
        split = tuple((slug, words(name)) for slug, term in terms.items() for name in term.names)
        known = _NAMES[id(terms)] = (terms, _Names(lookup, split))
    return known[1]


# id(terms mapping) → (the mapping, its _Names); the mapping is kept so the id stays valid.
_NAMES: dict[int, tuple[Mapping, _Names]] = {}


@dataclass(frozen=True)
class OtherNameClash:
    """An other name of one term that is another term's key or name (a unit left in site.toml
    after a reorganisation gave its name to another): an article writing it finds the other
    term by its key, or is told the name is shared, not the term that lists it."""
    slug: str  # the term listing the other name
    other_name: str
    taken_by: str  # the term whose key or name it is
    taken_as: str  # "key" or "name"


def other_name_clashes(terms: Mapping[str, Term]) -> list[OtherNameClash]:
    """Each other name that is another term's key or name (any case, with or without marks)."""
    owners: dict[str, list[tuple[str, str]]] = {}
    for slug, term in terms.items():
        owners.setdefault(fold(slug), []).append((slug, "key"))
        owners.setdefault(fold(term.name), []).append((slug, "name"))
    return [OtherNameClash(slug, other, taken_by, taken_as)
            for slug, term in terms.items() for other in dict.fromkeys(term.other_names)
            for taken_by, taken_as in dict.fromkeys(owners.get(fold(other), ())) if taken_by != slug]


def unknown_term(terms: Mapping[str, Term], kind: str, wanted: str) -> str:
    """Why `wanted` names no term, with the fix."""
    kinds = {"category": "categories"}.get(kind, kind + "s")
    shared = _names_of(terms).lookup.get(fold(wanted))
    if isinstance(shared, tuple):
        return (f"'{wanted}' is the name of {len(shared)} {kinds} ({', '.join(shared)}); "
                f"write the key of the one you mean")
    short_for = abbreviated(terms, wanted)
    if len(short_for) > 1:  # "Công an xã NT": Nghĩa Trụ and Nhân Thắng
        return (f"'{wanted}' is short for the names of {len(short_for)} {kinds} ({', '.join(short_for)}); "
                f"write the key of the one you mean")
    names = [name for t in terms.values() for name in t.names] + list(terms)
    hint = suggest_name(wanted, names, fold)
    message = f"unknown {kind} '{wanted}'"
    if hint:
        message += f"; did you mean '{hint}'?"
    elif terms:
        message += f" (declared in site.toml: {', '.join(sorted(terms))})"
    else:
        message += " (site.toml declares none)"
    return message


def resolve_term(terms: Mapping[str, Term], key: str, fm: Mapping, fail) -> str:
    value = fm.get(key)
    if value is None or value == "":
        fail(key, "missing-field", f"'{key}' is required")
        return ""
    if not isinstance(value, str):
        fail(key, "wrong-type", f"'{key}' must be text, not {kind_of(value)}")
        return ""
    slug = match_term(terms, value)
    if slug is None:
        fail(key, f"unknown-{key}", unknown_term(terms, key, value))
        return ""
    return slug


def resolve_units(config: SiteConfig, fm: Mapping, fail) -> tuple[str, ...]:
    """The article's unit, or the units of a joint article, the one that wrote it first:
    `unit: [phong-canh-sat-giao-thong, Công an xã Nghĩa Trụ]`, or the names written with
    "," or ";" between them (a unit's own name may hold commas: see written_list)."""
    value = fm.get("unit")
    if isinstance(value, str) and value.strip() and match_term(config.units, value) is None:
        items = written_list(config.units, value)
        # Split only when a part names a unit: one misspelt name with a comma in it is told whole.
        if len(items) > 1 and any(match_term(config.units, item) for item in items):
            value = items
    if not isinstance(value, list):
        found = resolve_term(config.units, "unit", fm, fail)
        return (found,) if found else ()
    if not value:
        fail("unit", "missing-field", "'unit' is required: the list is empty")
        return ()
    return _resolve_each(config.units, "unit", "unit", value, fail, lambda item: (
        None if isinstance(item, str) and item.strip() else
        "each unit must be a unit's key or name; this one is empty" if isinstance(item, str) or item is None else
        f"each unit must be a unit's key or name, not {kind_of(item)}"))


def resolve_campaigns(config: SiteConfig, fm: Mapping, fail) -> tuple[str, ...]:
    value = fm.get("campaigns")
    if value is None:
        return ()
    if isinstance(value, str):  # written without brackets: one campaign, or several with , or ;
        value = written_list(config.campaigns, value)
    if not isinstance(value, list):
        fail("campaigns", "wrong-type", "'campaigns' must be a list, e.g. [dan-van-kheo]")
        return ()
    return _resolve_each(config.campaigns, "campaigns", "campaign", value, fail, lambda item: (
        None if isinstance(item, str) else f"each campaign must be text, not {kind_of(item)}"))


def _resolve_each(terms: Mapping[str, Term], key: str, kind: str, items: list, fail,
                  wrong: Callable[[Any], str | None]) -> tuple[str, ...]:
    """The slugs of the terms the list `items` of front-matter `key` names, each once, in order;
    `wrong(item)`: why an item is no name, or None. An item on a line of its own is told there."""
    slugs: list[str] = []
    for number, item in enumerate(items):
        problem = wrong(item)
        if problem:
            fail(key, "wrong-type", problem, number)
            continue
        slug = match_term(terms, item)
        if slug is None:
            fail(key, f"unknown-{kind}", unknown_term(terms, kind, item), number)
        elif slug not in slugs:
            slugs.append(slug)
    return tuple(slugs)


def written_list(terms: Mapping[str, Term], text: str) -> list[str]:
    """`campaigns: Vì An ninh Tổ quốc, Dân vận khéo` as the list it means. A name may hold
    commas itself ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"): the
    longest run of parts that names a term is taken; a part naming none stays as it is,
    for its error."""
    items: list[str] = []
    for group in text.split(";"):
        parts = [part.strip() for part in group.split(",")]
        i = 0
        while i < len(parts):
            end = next((j for j in range(len(parts), i, -1) if match_term(terms, ", ".join(parts[i:j]))), i + 1)
            items.append(", ".join(parts[i:end]))
            i = end
    whole = text.strip()
    return [whole] if match_term(terms, whole) or len(items) == 1 else [item for item in items if item]
