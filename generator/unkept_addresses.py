"""`build --strict`: an address readers had, gone without an alias, stops the build.

A retitled article without a `slug` moves to a new address, and a unit renamed in site.toml moves
its page: links and shares to the old one break. A build says so once, under its summary, and a
CI job's log is read by nobody. With --strict (the CI gate) each is an error instead: the build
publishes nothing, keeps the last build's record, and so says it again until the editor keeps the
old address (`aliases`) or the article's (`slug`). Compared with the record of the last build of
this output (causes.addresses); a first build, or one without a cache, has nothing to compare, and
neither has a published site's build after a copy made for another address or with --noindex (a
branch's preview, whose cache CI restored), nor any build after a --noindex copy (another
branch's preview): readers never had that copy's addresses.
"""
from __future__ import annotations

from pathlib import Path

from generator import causes
from generator.config import CONFIG_NAME, table_line
from generator.content import read_source
from generator.diagnostics import Problem, error
from generator.messages import LIST_WORDS, addresses_lost, fold_into_lists, keeping_line, slug_giving_back
from generator.model import Site

ARTICLE_MOVED = ("this article is published at {new}, no longer at {old}, where links and shares to it now lead "
                 "nowhere: keep it with aliases: [{old}]{or_slug}")
LIST_GONE = ("the page {url} of the {kind} '{slug}' is no longer published, and links and feed subscriptions to it "
             "now lead nowhere: keep it with {aliases} in {where}{articles}")
ALIAS_GONE = ("the old address {url} is no longer among the aliases of [{table}.{slug}], and links and feed "
              "subscriptions to it now lead nowhere: keep it by putting \"{url}\" back in those aliases")
# (a true removal has no one to keep its page: a build without --strict records it, and is told once)
REMOVED_FOR_GOOD = "; if it is removed for good, build once without --strict, which accepts its removal"


def unkept_addresses(site_dir: Path, site: Site, record: object) -> list[Problem]:
    """The errors of --strict for the addresses of the last build (`record`: its causes.record, or
    the addresses causes.keep_addresses kept of it) that this one no longer publishes nor keeps by
    an alias."""
    if not isinstance(record, dict):
        return []
    if record.get("noindex") or (not site.config.noindex and record.get("base_url") != site.config.base_url):
        return []  # (the last build was a preview's or a staging copy's: no reader had its addresses)
    now = causes.addresses(site)
    gone = causes.find_lists_gone(record.get("lists"), now)
    moves, folded = fold_into_lists(causes.find_moved(record, now), gone)
    problems = []
    for source, olds, new in addresses_lost(moves):  # (one error an article, all its old addresses in it)
        slug = slug_giving_back(olds[0], new) if len(olds) == 1 else ""
        problems.append(error(source, _title_line(site_dir, source), "address-not-kept",
                              ARTICLE_MOVED.format(new=new, old=", ".join(olds),
                                                   or_slug=f" (or slug: {slug})" if slug else "")))
    for kind, slug, url, heir, written in gone:
        table = LIST_WORDS[kind][0]
        articles = (f" (which also keeps the addresses of its {folded[url]} article(s) that moved with it)"
                    if folded.get(url) else "")
        problems.append(error(CONFIG_NAME, table_line(site_dir, table, heir) if heir else 0, "address-not-kept",
                              LIST_GONE.format(url=url, kind=kind, slug=slug, articles=articles,
                                               aliases=keeping_line(gone, kind, url, heir, written),
                                               where=f"[{table}.{heir}]" if heir else
                                               f"the table of the {kind} that takes its place")
                              + ("" if heir else REMOVED_FOR_GOOD)))
    for kind, slug, url in causes.find_list_aliases_gone(record.get("lists_kept"), now):
        table = LIST_WORDS[kind][0]
        problems.append(error(CONFIG_NAME, table_line(site_dir, table, slug), "address-not-kept",
                              ALIAS_GONE.format(url=url, table=table, slug=slug)))
    return problems


def _title_line(site_dir: Path, source: str) -> int:
    """The line of the article's title, which moved it (1 when it cannot be read now)."""
    found, _ = read_source(site_dir, site_dir / source)
    return found.line_of("title") if found is not None else 1
