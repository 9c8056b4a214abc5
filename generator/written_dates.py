"""Dates and times as Vietnamese editors write them, besides ISO 8601.

An editor types the day first and the time the Vietnamese way: "05/12/2026 14h30",
"5-12-2026", "5.12.2026", "ngày 5 tháng 12 năm 2026 lúc 14 giờ 30", "14h30 ngày
05/12/2026". Each of these names one moment without doubt (a four-digit year, the
day first unless the year is), so each is read; "5/12/26" is not (which century,
which order?): the editor is told to write the year whole. A date pasted from a news
site may end with its offset, "(GMT+7)", which is kept.
"""
from __future__ import annotations

import calendar
import email.utils
import re
from datetime import date, datetime, timedelta, timezone

from generator.vietnamese import WEEKDAYS

_YEAR_FIRST = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})")
_DAY_FIRST = re.compile(r"(?:ngày\s+)?(\d{1,2})(?:\s*[-/.]\s*|\s+tháng\s+)(\d{1,2})(?:\s*[-/.]\s*|\s+năm\s+)(\d{4})",
                        re.IGNORECASE)
# 14:30, 14:30:15, 14h30, 14g30, 14h, 14 giờ 30 (phút), with "lúc" (at) or a comma before it
_CLOCK = re.compile(r"(?:lúc\s+|vào\s+lúc\s+)?(\d{1,2})\s*(?::|h|g|giờ)\s*(?:(\d{1,2})\s*(?:phút)?)?(?:\s*:\s*(\d{1,2}))?"
                    r"(?:\s+(sáng|trưa|chiều|tối))?(?:\s*\b(SA|CH|AM|PM|A\.M\.|P\.M\.))?", re.IGNORECASE)
# Windows in Vietnamese writes a 12-hour time with SA (sáng, before noon) or CH (chiều, after it),
# as an old CMS on it exported dates ("12/05/2019 08:30 SA"); English, AM and PM. 12 SA is midnight.
_BEFORE_NOON_MARKS = ("sa", "am", "a.m.")
# "2 giờ chiều" is 14:00: the 12-hour times of each part of the day that are after noon.
# "Đêm" is left out: 12 giờ đêm is midnight of which day?
_AFTER_NOON_HOURS = {"sáng": range(0), "trưa": range(1, 5), "chiều": range(1, 12), "tối": range(1, 12)}
_JOINERS = " ,-–"  # what may stand between a date and its time


# The place an official document's dateline starts with: "Hưng Yên, ngày 21 tháng 01 năm 2026".
_PLACE = re.compile(r"[^\W\d_][^,\d]*,\s*(?=ngày\s)", re.IGNORECASE)
# A day of the week before the date, as the portal prints one ("Thứ Tư, 21/01/2026 09:30")
# and reports head theirs: read, and checked against the date it names.
_WEEKDAY = re.compile(r"(?:thứ\s*(hai|ba|tư|năm|sáu|bảy|[2-7])|t\.?\s*([2-7])|(chủ\s*nhật|cn))\b\s*[,-]?\s*",
                      re.IGNORECASE)
_WEEKDAY_NUMBERS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5}


# The offset a news site prints after its time: "09:30 (GMT+7)", "UTC+07:00".
_OFFSET = re.compile(r"\s*\(?\s*(?:GMT|UTC)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?\s*\)?$", re.IGNORECASE)
# RFC 822's date, an RSS feed's pubDate, with its English day and month and its offset.
_RSS_DATE = re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{4}\s+"
                       r"\d{1,2}:\d{2}(?::\d{2})?\s+(?:[+-]\d{4}|GMT|UTC|UT)")
_RSS_WEEKDAYS = {name: number for number, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}
# A year of two digits: "21/1/26".
_SHORT_YEAR = re.compile(r"(?<!\d)\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*(\d{2})(?!\d)")


class WrongWeekday(ValueError):
    """The date is one, the day of the week written before it another: one of them is a typo."""


class ImpossibleDate(ValueError):
    """A date read, but not one the calendar or the clock has (31/02/2026, 25h00), or one
    whose year is cut to two digits; the message says which part, for the editor."""


def parse_written(text: str) -> datetime | date | None:
    """The moment (a datetime) or the day (a date) `text` writes, or None when it writes
    neither. Raises ValueError for a form read but impossible (31/02/2026, 25h00), and
    WrongWeekday when the day of the week before it is not the date's."""
    text = " ".join(text.split())
    if _RSS_DATE.fullmatch(text):  # an old portal's feed exported as it is: "Mon, 13 May 2019 08:30:00 +0700"
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except ValueError as exc:  # (13 Feb 2019 25:00, 30 Feb 2019)
            raise ImpossibleDate(str(exc)) from None
        named = _RSS_WEEKDAYS.get(text[:3].lower())  # (told as "Thứ Tư, 21/01/2026" is: one of them is a typo)
        if named is not None and moment.weekday() != named:
            raise WrongWeekday(f"'{text}' names the wrong day of the week: {moment:%d/%m/%Y} is a "
                               f"{WEEKDAYS[moment.weekday()]}, not a {WEEKDAYS[named]}")
        return moment
    place = _PLACE.match(text)
    if place and not _WEEKDAY.fullmatch(text[:place.end()]):
        text = text[place.end():]
    offset = _OFFSET.search(text)
    zone = None
    if offset is not None and offset.start() > 0:
        text = text[:offset.start()]
        sign, hours, minutes = offset.groups()
        if hours is not None and (int(hours) > 14 or int(minutes or 0) > 59):
            raise ImpossibleDate(f"there is no offset {offset.group(0).strip()}")
        zone = timezone((-1 if sign == "-" else 1) * timedelta(hours=int(hours or 0), minutes=int(minutes or 0)))
    weekday = _WEEKDAY.match(text)
    if weekday is None:
        return _in_zone(_moment(text), zone)
    moment = _moment(text[weekday.end():])
    named = weekday.group(1) or weekday.group(2)
    number = 6 if weekday.group(3) else int(named) - 2 if named.isdigit() else _WEEKDAY_NUMBERS[named.lower()]
    if moment is not None and moment.weekday() != number:
        raise WrongWeekday(f"'{text}' names the wrong day of the week: {moment:%d/%m/%Y} is a "
                           f"{WEEKDAYS[moment.weekday()]}, not a {WEEKDAYS[number]}")
    return _in_zone(moment, zone)


def _in_zone(moment: datetime | date | None, zone: timezone | None) -> datetime | date | None:
    """A time written with its offset is that moment; a day alone stays a day."""
    if zone is None or not isinstance(moment, datetime) or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=zone)


def _day(year: int, month: int, day: int) -> date:
    if not 1 <= year <= 9999:
        raise ImpossibleDate(f"there is no year {year}")
    if not 1 <= month <= 12:
        raise ImpossibleDate(f"there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ImpossibleDate(f"{month:02d}/{year} has {last} days" if day else "there is no day 0")
    return date(year, month, day)


def _clock(hours: int, minutes: int, seconds: int) -> None:
    if hours > 23:
        raise ImpossibleDate(f"there is no hour {hours} (hours run 0 to 23)")
    if minutes > 59:
        raise ImpossibleDate(f"there is no minute {minutes} (minutes run 0 to 59)")
    if seconds > 59:
        raise ImpossibleDate(f"there is no second {seconds} (seconds run 0 to 59)")


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
        day = _day(first, second, third) if year_first else _day(third, second, first)
        rest = (text[:found.start()].removesuffix("ngày").strip(_JOINERS) + " " +
                text[found.end():].strip(_JOINERS)).strip()
        if not rest:
            return day
        clock = _CLOCK.fullmatch(rest)
        if clock is None:
            return None
        hours, minutes, seconds = (int(n) if n else 0 for n in clock.groups()[:3])
        _clock(hours, minutes, seconds)
        part, mark = (clock.group(4) or "").lower(), (clock.group(5) or "").lower()
        if mark and (part or not 1 <= hours <= 12):
            raise ValueError(f"{hours}:{minutes:02d} {clock.group(5)}")  # (a 12-hour time runs 1 to 12)
        if mark:
            hours = hours % 12 + (0 if mark in _BEFORE_NOON_MARKS else 12)
        if part and hours in _AFTER_NOON_HOURS[part]:
            hours += 12
        elif part == "sáng" and hours > 12 or part in ("chiều", "tối") and hours < 12:
            raise ValueError(f"{hours} giờ {part}")  # (a 12-hour time that is not in that part of the day)
        return datetime(day.year, day.month, day.day, hours, minutes, seconds)
    short = _SHORT_YEAR.search(text)
    if short is not None:
        year = int(short.group(1))
        whole = year + (2000 if year < 70 else 1900)
        raise ImpossibleDate(f"write the year with its four digits ({whole}, not {short.group(1)})")
    return None
