"""The `list` command: which articles wait as drafts, which are scheduled, which will
expire, which have expired, and (with --all) which are published, as a build now would
see them; with --unit, those of one unit (a joint article counts for each of its units:
an editor tallying each unit's articles for its emulation report reads them here).

Owns each article's publishing status and the three ways of showing the list: text
for an editor (by status, the next scheduled first), CSV and JSON for scripts, as
Hugo's `hugo list drafts|future|expired` gives them. Reads the site as `check` does
(with the build cache, never written) and writes nothing.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from generator import content, index, messages, standalone
from generator.cache import BuildCache
from generator.config import load_config
from generator.diagnostics import Problem, error, has_errors, seen_from_here, sort_problems
from generator.terms import match_term, unknown_term
from generator.vietnamese import format_date

# The order of the sections: what comes next first, what is published last.
STATUSES = ("future", "draft", "expired", "published")


@dataclass(frozen=True)
class Listed:
    status: str  # one of STATUSES
    source: str  # content/… path
    title: str
    url: str
    date: datetime | None  # None for a page of its own, which has no date
    has_time: bool
    expires: datetime | None
    category: str = ""  # names, as pages show them ("" for a page of its own)
    units: tuple[str, ...] = ()
    author: str = ""


@dataclass(frozen=True)
class StatusReport:
    listed: tuple[Listed, ...]  # in STATUSES order, each status in its own order (_order)
    problems: tuple[Problem, ...]  # errors only: warnings are check's to tell

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def list_statuses(site_dir: Path, now: datetime | None = None, cache_dir: Path | None = None,
                  unit: str | None = None) -> StatusReport:
    """`cache_dir`: a build cache to read, never written (what the builds read of the files
    unchanged since); None reads every file. `unit`: the articles of that unit only (its key,
    name or a name of it as front-matter gives one)."""
    config, problems = load_config(site_dir)
    if config is None:
        return StatusReport((), tuple(sort_problems(problems)))
    wanted = match_term(config.units, unit) if unit is not None else None
    if unit is not None and wanted is None:
        return StatusReport((), (error("--unit", 0, "unknown-unit", unknown_term(config.units, "unit", unit)),))
    now = now or datetime.now(config.zone)
    cache = BuildCache(cache_dir, read_only=True)
    # Only the front-matter is read for a status.
    sources, found = content.load_content(site_dir, cache, listing=content.list_content(site_dir),
                                          scan_body=content.no_body)
    problems += found
    news, page_sources = standalone.split_sources(sources)
    everything = index.IndexOptions(drafts=True, future=True, expired=True, now=now)
    articles, _, found = index.index_articles(config, news, everything, cache=cache)
    problems += found
    pages, found = standalone.index_pages_beside(config, articles, news, page_sources, everything)
    problems += found
    published = index.IndexOptions(now=now)
    listed = [Listed(index.leave_out_reason(a, published, now) or "published", a.source, a.title, a.url,
                     a.date.astimezone(config.zone), a.has_time,
                     a.expires.astimezone(config.zone) if a.expires else None, config.categories[a.category].name,
                     tuple(config.units[slug].name for slug in a.units), a.author)
              for a in articles if wanted is None or wanted in a.units]
    if wanted is None:  # (a page of its own has no unit)
        listed += [Listed("draft" if p.draft else "published", p.source, p.title, p.url, None, False, None)
                   for p in pages]
    listed.sort(key=_order)
    return StatusReport(tuple(listed), tuple(p for p in sort_problems(problems) if p.is_error))


def _order(item: Listed) -> tuple:
    moment = item.date.timestamp() if item.date is not None else float("-inf")
    if item.status == "expired" and item.expires is not None:
        moment = item.expires.timestamp()
    # The next scheduled first; the newest draft, expiry and publication first.
    return (STATUSES.index(item.status), moment if item.status == "future" else -moment, item.source)


def as_text(report: StatusReport, lang: str, everything: bool) -> list[str]:
    # After the scheduled ones, the articles online (or to be) whose `expires` is still to come, the
    # soonest first: a take-down an editor wrote (a wanted notice, a diversion) was shown nowhere.
    shown = [s for s in STATUSES if everything or s != "published"]
    shown.insert(1, "expiring")
    lines = []
    for status in shown:
        if status == "expiring":
            items = sorted((item for item in report.listed if item.status in ("future", "published") and item.expires
                            and not _never(item, lang)),  # (one never published is never taken down)
                           key=lambda item: (item.expires, item.source))
        else:
            items = [item for item in report.listed if item.status == status]
        if not items:
            continue
        lines.append(messages.text(f"list-{status}", lang, n=messages.number(len(items), lang)))
        whens = [_when(item, lang, status == "expiring") for item in items]
        width = max(len(when) for when in whens)
        lines += [f"  {when.ljust(width)}  {item.title}  ({item.source}){_never(item, lang)}"
                  for when, item in zip(whens, items)]
    if not lines:
        lines.append(messages.text("list-nothing-all" if everything else "list-nothing", lang))
    return lines


def _never(item: Listed, lang: str) -> str:
    """What a scheduled article whose `expires` comes first is waiting for: nothing (its line read as
    any scheduled one's, the day it would come out)."""
    if item.status != "future" or item.expires is None or item.date is None or item.expires > item.date:
        return ""
    moment = _moment(item.expires, (item.expires.hour, item.expires.minute) != (0, 0), lang)
    return " " + messages.text("list-never", lang, moment=moment)


def _when(item: Listed, lang: str, expiring: bool = False) -> str:
    if item.date is None:
        return messages.text("list-page", lang)
    if (item.status == "expired" or expiring) and item.expires is not None:
        # (an editor who gave a day only expires it at midnight: the time is not shown, as for 'updated')
        moment = _moment(item.expires, (item.expires.hour, item.expires.minute) != (0, 0), lang)
        return messages.text("list-expires-on" if expiring else "list-expired-on", lang, moment=moment)
    return _moment(item.date, item.has_time, lang)


def _moment(moment: datetime, with_time: bool, lang: str) -> str:
    if lang == "vi":
        return format_date(moment, moment.tzinfo, with_time)
    return moment.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")


def _record(item: Listed) -> dict:
    return {"status": item.status, "date": item.date.isoformat() if item.date else "",
            "expires": item.expires.isoformat() if item.expires else "", "path": item.source,
            "title": item.title, "url": item.url, "category": item.category, "units": list(item.units),
            "author": item.author}


def as_csv(report: StatusReport, everything: bool) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=("status", "date", "expires", "path", "title", "url", "category", "unit",
                                             "author"), lineterminator="\n")
    writer.writeheader()
    for item in report.listed:
        if everything or item.status != "published":
            record = _record(item)
            # A joint article's units in one cell; a unit's name may hold commas, never "; ".
            record["unit"] = "; ".join(record.pop("units"))
            writer.writerow(record)
    return out.getvalue()


def as_json(report: StatusReport, everything: bool, lang: str) -> str:
    return json.dumps({
        "ok": report.ok,
        "articles": [_record(item) for item in report.listed if everything or item.status != "published"],
        "problems": [messages.problem_record(p, lang) for p in report.problems],
    }, ensure_ascii=False, indent=2)


def run_list(args, site_dir: Path) -> int:
    report = list_statuses(site_dir, cache_dir=args.cache_to_read, unit=args.unit)
    if args.format == "json":
        print(as_json(report, args.all, args.lang))
    else:
        for line in messages.describe_all(seen_from_here(report.problems, site_dir), args.lang):
            print(line, file=sys.stderr)
        if args.format == "csv":
            print(as_csv(report, args.all), end="")
        elif report.listed or report.ok:  # (site.toml unread: nothing is known, not "all published")
            for line in as_text(report, args.lang, args.all):
                print(line)
    return 0 if report.ok else 1
