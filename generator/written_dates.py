"""Dates and times as Vietnamese editors write them, besides ISO 8601.

An editor types the day first and the time the Vietnamese way: "05/12/2026 14h30",
"5-12-2026", "5.12.2026", "ngày 5 tháng 12 năm 2026 lúc 14 giờ 30", "14h30 ngày
05/12/2026". Each of these names one moment without doubt (a four-digit year, the
day first unless the year is), so each is read; "5/12/26" is not (which century,
which order?), and is left to the caller's error with its examples.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from generator.vietnamese import WEEKDAYS

_YEAR_FIRST = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})")
_DAY_FIRST = re.compile(r"(?:ngày\s+)?(\d{1,2})(?:\s*[-/.]\s*|\s+tháng\s+)(\d{1,2})(?:\s*[-/.]\s*|\s+năm\s+)(\d{4})",
                        re.IGNORECASE)
# 14:30, 14:30:15, 14h30, 14g30, 14h, 14 giờ 30 (phút), with "lúc" (at) or a comma before it
_CLOCK = re.compile(r"(?:lúc\s+|vào\s+lúc\s+)?(\d{1,2})\s*(?::|h|g|giờ)\s*(?:(\d{1,2})\s*(?:phút)?)?(?:\s*:\s*(\d{1,2}))?"
                    r"(?:\s+(sáng|trưa|chiều|tối))?", re.IGNORECASE)
# "2 giờ chiều" is 14:00: the 12-hour times of each part of the day that are after noon.
# "Đêm" is left out: 12 giờ đêm is midnight of which day?
_AFTER_NOON_HOURS = {"sáng": range(0), "trưa": range(1, 5), "chiều": range(1, 12), "tối": range(1, 12)}
_JOINERS = " ,-–"  # what may stand between a date and its time


# The place an official document's dateline starts with: "Hưng Yên, ngày 21 tháng 01 năm 2026".
_PLACE = re.compile(r"[^\W\d_][^,\d]*,\s*(?=ngày\s)", re.IGNORECASE)
# A day of the week before the date, as the portal prints one ("Thứ Tư, 21/01/2026 09:30")
# and reports head theirs: read, and checked against the date it names.
_WEEKDAY = re.compile(r"(?:thứ\s*(hai|ba|tư|năm|sáu|bảy|[2-7])|(chủ\s*nhật|cn))\b\s*[,-]?\s*", re.IGNORECASE)
_WEEKDAY_NUMBERS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5}


class WrongWeekday(ValueError):
    """The date is one, the day of the week written before it another: one of them is a typo."""


def parse_written(text: str) -> datetime | date | None:
    """The moment (a datetime) or the day (a date) `text` writes, or None when it writes
    neither. Raises ValueError for a form read but impossible (31/02/2026, 25h00), and
    WrongWeekday when the day of the week before it is not the date's."""
    text = " ".join(text.split())
    place = _PLACE.match(text)
    if place and not _WEEKDAY.fullmatch(text[:place.end()]):
        text = text[place.end():]
    weekday = _WEEKDAY.match(text)
    if weekday is None:
        return _moment(text)
    moment = _moment(text[weekday.end():])
    named = weekday.group(1)
    number = 6 if weekday.group(2) else int(named) - 2 if named.isdigit() else _WEEKDAY_NUMBERS[named.lower()]
    if moment is not None and moment.weekday() != number:
        raise WrongWeekday(f"'{text}' names the wrong day of the week: {moment:%d/%m/%Y} is a "
                           f"{WEEKDAYS[moment.weekday()]}, not a {WEEKDAYS[number]}")
    return moment


def _moment(text: str) -> datetime | date | None:
    try:  # ISO 8601 first: 2026-01-21, 2026-01-21 09:30, 2026-01-21T09:30:00+07:00
        return datetime.fromisoformat(text) if ("T" in text or " " in text) else date.fromisoformat(text)
    except ValueError:
        pass
    for pattern, year_first in ((_YEAR_FIRST, True), (_DAY_FIRST, False)):
        found = pattern.search(text)
        if found is None:
            continue
        first, second, third = (int(n) for n in found.groups())
        day = date(first, second, third) if year_first else date(third, second, first)
        rest = (text[:found.start()].removesuffix("ngày").strip(_JOINERS) + " " +
                text[found.end():].strip(_JOINERS)).strip()
        if not rest:
            return day
        clock = _CLOCK.fullmatch(rest)
        if clock is None:
            return None
        hours, minutes, seconds = (int(n) if n else 0 for n in clock.groups()[:3])
        part = (clock.group(4) or "").lower()
        if part and hours in _AFTER_NOON_HOURS[part]:
            hours += 12
        elif part == "sáng" and hours > 12 or part in ("chiều", "tối") and hours < 12:
            raise ValueError(f"{hours} giờ {part}")  # (a 12-hour time that is not in that part of the day)
        return datetime(day.year, day.month, day.day, hours, minutes, seconds)
    return None
