"""Why a build rendered pages again: what changed among its inputs since the last build.

Owns recording the inputs a build rendered from (the site config, each layout,
each article by its source file, all by digests) and naming what differs from
the last build's record, for the line under the summary ("Lý do: sửa 1 bài
viết (content/…)"). Must not decide which pages are rendered:
generator/incremental.py does, page by page, and a page re-renders exactly when
an input it reads changed. This module only says which inputs changed, so an
editor can tell why a build took as long as it did.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Mapping

from generator.aliases import canonical_query, kept_by_categories, split_alias
from generator.cache import code_stamp, digest
from generator.markup import body_key
from generator.model import Site
from generator.render import THEME_PREFIX


@dataclass(frozen=True)
class Causes:
    compared: bool  # False: no earlier build of this output to compare with (first build, no cache)
    config: bool = False  # site.toml says something else (than where the site is published)
    layouts: tuple[str, ...] = ()  # layout files changed, added or removed ("layouts/…")
    added: tuple[str, ...] = ()  # article sources now published that were not
    edited: tuple[str, ...] = ()  # article sources whose front-matter or body changed
    removed: tuple[str, ...] = ()  # article sources published last time and not now
    repaired: int = 0  # pages whose inputs did not change but whose published file did, or is gone
    upgraded: bool = False  # (not compared) the last build was made by another version of the generator
    # (source, old URL, new URL) of articles published at a new address (a retitled article
    # without a 'slug'), the old one not kept by 'aliases': links and shares to it now break.
    moved: tuple[tuple[str, str, str], ...] = ()
    # (kind, slug, old URL, heir's slug or "", the heir's aliases) of unit, category and campaign
    # pages published last time and not now (a key renamed or removed in site.toml), the old URL not
    # kept by an alias: links and feed subscriptions to it now break. The heir: the one that has its
    # key or name among its other_names, as a merged unit does.
    lists_gone: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = ()
    # (kind, slug, old address) of an alias in a unit's, category's or campaign's table that the last
    # build kept and this one does not (taken out of site.toml: the old page and its feed went).
    list_aliases_gone: tuple[tuple[str, str, str], ...] = ()
    address: tuple[str, str] | None = None  # (old, new) base_url: site.toml's or `build --base-url`'s
    assets: bool = False  # the site's stylesheet, scripts or images under assets/ (each page links them by version)
    noindex: bool | None = None  # `build --noindex` given (True) or no longer given (False) since the last build
    # Of `layouts`, those the site did not have (a layout of its own where the theme's was read)
    # and those it no longer has (taken out: the theme's is read again; it said "edited").
    layouts_added: tuple[str, ...] = ()
    layouts_removed: tuple[str, ...] = ()

    @property
    def named(self) -> bool:
        """Whether there is anything to say."""
        return (not self.compared or self.config or self.assets or self.noindex is not None
                or bool(self.address or self.layouts or self.added or self.edited or self.removed or self.repaired))


def record(site: Site, layouts: Mapping[str, str], config_digest: str, article_digests: Mapping[str, str]) -> dict:
    """This build's inputs, to keep in the render state: plain values, so any later
    version of this module can read them. `layouts`: incremental.layout_digests;
    `article_digests`: url → digest of every field but the body (article_digests.article_digest);
    the body is added by its key."""
    # 16 bytes per article (this record is loaded and saved by every build): 8 of what the
    # editor wrote (its file: not the fields made from it, whose photos' names moved with
    # [images] quality, told as "4 articles edited"), 8 of its converted body and fields, which
    # also move when the site does (links carry base_url's path) or a photo or a linked article changes.
    articles = {a.source: _short(a.source_digest) + _short(f"{article_digests[a.url]}\x1f{body_key(a)}")
                for a in site.articles_and_pages}
    config = site.config
    settings = digest(repr(replace(config, base_url="", noindex=False)))
    assets = digest(repr(sorted(site.asset_versions.items())))
    return {"config": config_digest, "settings": settings, "assets": assets, "base_url": config.base_url,
            "noindex": config.noindex,
            "layouts": dict(layouts), "articles": articles, **addresses(site)}


# The addresses of the last build, kept where a later version of the generator reads them
# (cache.save_plain): its first build trusts no state of this one (the pages' signatures are
# another version's), but the addresses readers had are plain facts, and an upgrade that moves
# some (a new slug rule) is the very build `--strict` must stop.
ADDRESSES_KEPT = "addresses"
_ADDRESS_KEYS = ("base_url", "noindex", "urls", "kept", "ids", "drafts", "lists", "lists_kept")


def keep_addresses(cache, before: object, inputs: dict) -> None:
    """Keep this build's addresses (`inputs`: its record) for any later version; written when
    they differ from the last build's (`before`: its record) or are not kept yet. A --noindex
    build's are not kept: a preview's addresses no reader had."""
    if inputs.get("noindex"):
        return
    kept = {"made_by": code_stamp().hex(), **{key: inputs[key] for key in _ADDRESS_KEYS}}
    if isinstance(before, dict) and all(before.get(key) == kept[key] for key in _ADDRESS_KEYS) \
            and cache.holds_plain(ADDRESSES_KEPT):
        return
    cache.save_plain(ADDRESSES_KEPT, kept)


def last_addresses(cache) -> dict | None:
    """The addresses the last build published, into whichever output folder (as the last build's
    record is read by a build of this version), as keep_addresses kept them (by this version or
    another), or None."""
    found = cache.load_plain(ADDRESSES_KEPT)
    return found if isinstance(found, dict) else None


def addresses_of_another_version(cache) -> dict | None:
    """last_addresses, when another version of the generator kept them; else None."""
    found = last_addresses(cache)
    return found if found is not None and found.get("made_by") not in (None, code_stamp().hex()) else None


def last_record(state: object, cache) -> dict | None:
    """What --strict compares with: the last build's record in its render state `state`, or, that
    state being unreadable (another version's), the addresses the last build kept."""
    return state.get("inputs") if isinstance(state, dict) else last_addresses(cache)


def _short(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=8).digest()


def addresses(site: Site) -> dict:
    """Where each article is published, and the old addresses its aliases keep (find_moved); where
    each unit's, category's and campaign's page is, and the old addresses theirs keep (find_lists_gone)."""
    from generator.routes import term_url  # (routes imports what imports this module)

    terms = site.config.terms
    kept: dict[str, tuple[str, ...]] = {a.source: a.aliases for a in site.articles_and_pages if a.aliases}
    for old, article in kept_by_categories(site.config, site.articles).items():  # (a renamed category's)
        kept[article.source] = (*kept.get(article.source, ()), old)
    return {"urls": {a.source: a.url for a in site.articles_and_pages}, "kept": kept,
            "ids": {a.source: _short(f"{a.date.isoformat()}\x1f{','.join(a.units)}")
                    + (_short(a.summary) if a.summary else b"") for a in site.articles_and_pages},
            # (a draft's address was never published: `serve` and `build --drafts` show it alone)
            "drafts": sorted(a.source for a in site.articles_and_pages if a.draft),
            "lists": {term_url(term): [term.kind, term.slug, term.name, list(term.other_names), list(term.aliases_written)]
                      for term in terms},
            "lists_kept": {alias: [term.kind, term.slug] for term in terms for alias in term.aliases}}


def compare(before: object, now: dict, repaired: int = 0, upgraded: bool = False) -> Causes:
    """What differs between the record of the last build (`before`, None or anything
    unreadable when there is none) and this build's (`now`, from `record`). `upgraded`:
    there is none because the last build's was made by another version of the generator."""
    if not (isinstance(before, dict) and isinstance(before.get("layouts"), dict)
            and isinstance(before.get("articles"), dict)):  # (addresses alone, or nothing: keep_addresses)
        return Causes(compared=False, upgraded=upgraded, **_losses(before if isinstance(before, dict) else {}, now))
    old_layouts, new_layouts = before["layouts"], now["layouts"]
    layouts = sorted(f"layouts/{name}" for name in old_layouts.keys() | new_layouts.keys()
                     if old_layouts.get(name) != new_layouts.get(name) and not _same_as_theme(name, new_layouts))
    old, new = before["articles"], now["articles"]
    added = sorted(new.keys() - old.keys())
    removed = sorted(old.keys() - new.keys())
    old_base = before.get("base_url")
    new_base = now.get("base_url")
    address = (old_base, new_base) if isinstance(old_base, str) and old_base != new_base else None
    config = before.get("settings") != now.get("settings")
    assets = before.get("assets") != now.get("assets")
    old_noindex = before.get("noindex")
    noindex = now.get("noindex") if isinstance(old_noindex, bool) and old_noindex != now.get("noindex") else None
    # A body that changed with the site's settings alone (its links under a new base_url's
    # path) was not edited: only what the editor wrote counts then.
    settled = 8 if address or config or assets or noindex is not None else 16
    edited = sorted(source for source, key in new.items() if source in old and old[source][:settled] != key[:settled])
    return Causes(True, config, tuple(layouts), tuple(added), tuple(edited), tuple(removed), repaired,
                  layouts_added=_layouts_now(layouts, new_layouts, old_layouts),
                  layouts_removed=_layouts_now(layouts, old_layouts, new_layouts),
                  address=address, assets=assets, noindex=noindex, **_losses(before, now))


def _losses(before: dict, now: dict) -> dict:
    """The addresses of the last build (`before`) this one answers no more, as Causes holds them."""
    return {"moved": find_moved(before, now), "lists_gone": find_lists_gone(before.get("lists"), now),
            "list_aliases_gone": find_list_aliases_gone(before.get("lists_kept"), now)}


def _answered(now: dict) -> set[str]:
    """Every address this build answers (causes.addresses): its articles', pages' and lists', and
    every old address an alias keeps. One of the last build's found here is no loss, whoever
    answers it now (another article took the old title, a page of its own took a list's place)."""
    return {*now.get("urls", {}).values(), *now.get("lists", {}), *now.get("lists_kept", ()),
            *(alias for aliases in now.get("kept", {}).values() for alias in aliases)}


def published_addresses(addresses: dict) -> set[str]:
    """Every address a build (causes.addresses) answers but its drafts' (`serve` shows them alone)."""
    drafts = set(addresses.get("drafts", ()))
    return _answered(addresses) - {url for source, url in addresses.get("urls", {}).items() if source in drafts}


def find_moved(old: object, now: dict) -> tuple[tuple[str, str, str], ...]:
    """(source, old address, new URL) of each article that the last build (`old`: its record, or
    addresses) published at an address, or kept one by an alias (its own, or its renamed
    category's), that this build answers no more: links and shares to it now break. An article
    removed is not told: taking one down is meant to take its addresses with it, nor is a draft
    retitled, whose address no reader had."""
    if not isinstance(old, dict) or not isinstance(old.get("urls"), dict):
        return ()
    old_urls, old_kept = old["urls"], old.get("kept") if isinstance(old.get("kept"), dict) else {}
    drafts = set(old.get("drafts", ())) if isinstance(old.get("drafts"), list) else set()
    answered = None
    lost = []
    for source, url in now.get("urls", {}).items():
        had = source in old_urls and source not in drafts
        before = {old_urls[source], *map(_as_compared_now, old_kept.get(source, ()))} if had else set()
        if before <= {url, *now.get("kept", {}).get(source, ())}:
            continue  # (nearly every article: nothing of it moved)
        answered = _answered(now) if answered is None else answered
        lost += [(source, address, url) for address in before if address not in answered]
    for source, was in _renamed(old, now).items():  # (moved by `git mv` and retitled at once)
        if was in drafts:
            continue
        before = {old_urls[was], *map(_as_compared_now, old_kept.get(was, ()))}
        url = now["urls"][source]
        if not before <= {url, *now.get("kept", {}).get(source, ())}:
            answered = _answered(now) if answered is None else answered
            lost += [(source, address, url) for address in before if address not in answered]
    return tuple(sorted(lost))


def _as_compared_now(address: str) -> str:
    """An old address the last build kept, its query in this version's compared form: one that
    leaves out a name the old portal did not need (Joomla's Itemid) answers the address kept
    with it all the same, which the first build after the upgrade told moved."""
    if not isinstance(address, str) or "?" not in address:
        return address
    path, query = split_alias(address)
    compared = canonical_query(query)
    if compared is None:  # (a record's that no version wrote)
        return address
    return f"{path}?{compared}" if compared else path


def _renamed(old: dict, now: dict) -> dict[str, str]:
    """New source → the last build's source it was renamed from, for the articles whose file was
    moved or renamed (`git mv`, a bundle's folder renamed to its new title) in the same change that
    moved their address, a new title or category: the source the other addresses are kept by is
    new, and the old one is gone. Paired by the date and units (which a rename leaves), one to one,
    and the slug or the summary (front-matter's, or the opening paragraph) kept: an article taken
    down beside another written the same day by the same unit, in the same category (a date without
    a time is common), is no move (the new one was told to keep the old one's address)."""
    old_urls, new_urls = old["urls"], now.get("urls", {})
    old_ids, new_ids = old.get("ids"), now.get("ids")
    if not (isinstance(old_ids, dict) and isinstance(new_ids, dict)):
        return {}
    gone = [source for source in old_urls.keys() - new_urls.keys() if source in old_ids]
    if not gone:
        return {}
    came: dict[bytes, list[str]] = {}
    for source in new_urls.keys() - old_urls.keys():
        came.setdefault(new_ids.get(source, b"")[:8], []).append(source)
    left: dict[bytes, list[str]] = {}
    for source in gone:
        left.setdefault(old_ids[source][:8], []).append(source)
    pairs = {}
    for key, sources in left.items():
        if len(sources) == 1 and len(came.get(key, ())) == 1:
            was, source = sources[0], came[key][0]
            summary = old_ids[was][8:]
            if (old_urls[was].rstrip("/").rsplit("/", 1)[-1] == new_urls[source].rstrip("/").rsplit("/", 1)[-1]
                    or (summary and summary == new_ids[source][8:])):
                pairs[source] = was
    return pairs


def find_lists_gone(old_lists: object, now: dict) -> tuple[tuple[str, str, str, str, tuple[str, ...]], ...]:
    """(kind, slug, old URL, heir's slug or "", the heir's aliases) of each list page of the last build
    (`old_lists`: its record's "lists") that this one does not answer (nor keeps by an alias). The
    heir is the one of this build's units (categories, campaigns) with the old key or name among its
    names; its aliases, as site.toml writes them now, so that the line advised holds them too."""
    if not isinstance(old_lists, dict):
        return ()
    lists = now.get("lists", {})
    answered = None
    gone = []
    for url, (kind, slug, name, *_) in sorted(old_lists.items()):
        if url in lists:
            continue
        answered = _answered(now) if answered is None else answered
        if url in answered:
            continue
        heirs = [(new_slug, tuple(written)) for new_kind, new_slug, new_name, others, written in lists.values()
                 if new_kind == kind and ({slug, name} & {new_name, *others})]
        gone.append((kind, slug, url, *(heirs[0] if len(heirs) == 1 else ("", ()))))
    return tuple(gone)


def find_list_aliases_gone(old_kept: object, now: dict) -> tuple[tuple[str, str, str], ...]:
    """(kind, slug, old address) of each alias of a list's table that the last build kept (`old_kept`:
    its record's "lists_kept") and this one answers no more. A record of before this existed (a
    list of aliases alone) names no table: nothing is told from it."""
    if not isinstance(old_kept, dict) or not old_kept:
        return ()
    answered = _answered(now)
    return tuple(sorted((kind, slug, alias) for alias, (kind, slug) in old_kept.items()
                        if _as_compared_now(alias) not in answered))


def _layouts_now(changed: list[str], layouts: dict, other: dict) -> tuple[str, ...]:
    """Of the `changed` layout files, those the site has in `layouts` and not in `other` (compare
    gives the build's then the last one's to find those added, the other way round those removed):
    a name only one of them reads, or a layout of the site's own where the other read the theme's."""
    def own(name: str, digests: dict) -> bool:
        theme = f"{THEME_PREFIX}/{name}"
        return name in digests and (theme not in digests or digests[name] != digests[theme])
    return tuple(path for path in changed
                 if own(path[len("layouts/"):], layouts) and not own(path[len("layouts/"):], other))


def _same_as_theme(name: str, layouts: dict) -> bool:
    """A theme/x.html the site does not override is x.html itself: name the change once."""
    prefix = THEME_PREFIX + "/"
    return name.startswith(prefix) and layouts.get(name) == layouts.get(name[len(prefix):])
