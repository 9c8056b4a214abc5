"""Dates as Vietnamese editors type them in front-matter."""
from datetime import date, datetime, timedelta, timezone

import pytest

from generator.written_dates import ImpossibleDate, WrongWeekday, parse_written


@pytest.mark.parametrize("text, meant", [
    ("2026-12-05", date(2026, 12, 5)),
    ("2026-12-05T14:30:00", datetime(2026, 12, 5, 14, 30)),
    ("05/12/2026", date(2026, 12, 5)),
    ("5-12-2026", date(2026, 12, 5)),
    ("5.12.2026", date(2026, 12, 5)),
    ("2026/12/05", date(2026, 12, 5)),
    ("ngày 5 tháng 12 năm 2026", date(2026, 12, 5)),
    ("05/12/2026 14h30", datetime(2026, 12, 5, 14, 30)),
    ("05/12/2026 14h", datetime(2026, 12, 5, 14, 0)),
    ("05/12/2026 14:30:15", datetime(2026, 12, 5, 14, 30, 15)),
    ("14h30 ngày 05/12/2026", datetime(2026, 12, 5, 14, 30)),
    ("14h30, 05/12/2026", datetime(2026, 12, 5, 14, 30)),
    ("Ngày 5 tháng 12 năm 2026 lúc 9 giờ 05 phút", datetime(2026, 12, 5, 9, 5)),
    ("2026-12-05 14h30", datetime(2026, 12, 5, 14, 30)),
    ("2 giờ chiều ngày 05/12/2026", datetime(2026, 12, 5, 14, 0)),  # the part of the day after a 12-hour time
    ("05/12/2026 8h30 tối", datetime(2026, 12, 5, 20, 30)),
    ("05/12/2026 1h trưa", datetime(2026, 12, 5, 13, 0)),
    ("05/12/2026 11h trưa", datetime(2026, 12, 5, 11, 0)),
    ("lúc 7 giờ 30 phút sáng ngày 5/12/2026", datetime(2026, 12, 5, 7, 30)),
    ("05/12/2026 14h30 chiều", datetime(2026, 12, 5, 14, 30)),
    ("Hưng Yên, ngày 05 tháng 12 năm 2026", date(2026, 12, 5)),  # an official document's dateline
    ("Tp. Hồ Chí Minh, ngày 5/12/2026 lúc 9 giờ", datetime(2026, 12, 5, 9, 0)),
    ("5/12/2026 9g30", datetime(2026, 12, 5, 9, 30)),
    # An old portal's export: Windows in Vietnamese writes SA/CH after a 12-hour time, English AM/PM,
    # and an RSS feed RFC 822's date with its offset.
    ("12/05/2019 08:30 SA", datetime(2019, 5, 12, 8, 30)),
    ("12/05/2019 08:30:15 CH", datetime(2019, 5, 12, 20, 30, 15)),
    ("12/05/2019 12:10 SA", datetime(2019, 5, 12, 0, 10)),
    ("12/05/2019 12:10 CH", datetime(2019, 5, 12, 12, 10)),
    ("5/12/2019 9:05 PM", datetime(2019, 12, 5, 21, 5)),
    ("2019-05-12 07:45 am", datetime(2019, 5, 12, 7, 45)),
    ("Mon, 13 May 2019 08:30:00 +0700", datetime(2019, 5, 13, 8, 30, tzinfo=timezone(timedelta(hours=7)))),
    ("13 May 2019 01:30:00 GMT", datetime(2019, 5, 13, 1, 30, tzinfo=timezone.utc)),
])
def test_each_form_an_editor_types_names_its_moment(text, meant):
    assert parse_written(text) == meant


@pytest.mark.parametrize("text", ["hôm nay", "05/12/2026 chiều", "12/2026", "14h30", "GMT+7", "T8, 19/01/2026"])
def test_what_names_no_single_moment_is_not_guessed(text):
    assert parse_written(text) is None


@pytest.mark.parametrize("text", ["31/02/2026", "05/12/2026 25h00", "05/13/2026", "05/12/2026 15h sáng",
                                  "05/12/2026 0h tối", "12/05/2019 14:30 CH", "12/05/2019 00:30 SA",
                                  "12/05/2019 8h sáng SA", "Mon, 30 Feb 2019 08:30:00 +0700"])
def test_an_impossible_day_or_hour_is_refused(text):
    with pytest.raises(ValueError):
        parse_written(text)


@pytest.mark.parametrize("text, why", [
    ("31/02/2026", "02/2026 has 28 days"),
    ("29/02/2027", "02/2027 has 28 days"),
    ("31/04/2026 9h", "04/2026 has 30 days"),
    ("05/13/2026", "there is no month 13"),
    ("0/12/2026", "there is no day 0"),
    ("0000-01-01", "there is no year 0"),
    ("05/12/2026 25h00", "there is no hour 25 (hours run 0 to 23)"),
    ("05/12/2026 9h75", "there is no minute 75 (minutes run 0 to 59)"),
    ("5/12/26", "write the year with its four digits (2026, not 26)"),  # which century, which order: not guessed
    ("Thứ Bảy, 5/12/26 14h", "write the year with its four digits (2026, not 26)"),
    ("21/01/2026 09:30 (GMT+25)", "there is no offset (GMT+25)"),
])
def test_an_impossible_date_says_which_part_is_wrong(text, why):
    with pytest.raises(ImpossibleDate) as raised:
        parse_written(text)
    assert str(raised.value) == why


@pytest.mark.parametrize("text, meant", [
    # as a news site prints its dates, the offset after the time
    ("Thứ tư, 21/1/2026, 09:30 (GMT+7)", datetime(2026, 1, 21, 9, 30, tzinfo=timezone(timedelta(hours=7)))),
    ("21/01/2026 09:30 GMT+07:00", datetime(2026, 1, 21, 9, 30, tzinfo=timezone(timedelta(hours=7)))),
    ("21/01/2026 15:00 (GMT-5)", datetime(2026, 1, 21, 15, 0, tzinfo=timezone(timedelta(hours=-5)))),
    ("2026-01-21 02:30 UTC", datetime(2026, 1, 21, 2, 30, tzinfo=timezone.utc)),
    ("21/01/2026 (GMT+7)", date(2026, 1, 21)),  # a day alone stays a day
])
def test_a_pasted_offset_after_the_time_is_kept(text, meant):
    found = parse_written(text)
    assert found == meant and getattr(found, "tzinfo", None) == getattr(meant, "tzinfo", None)


@pytest.mark.parametrize("text, meant", [
    ("Thứ Tư, 21/01/2026 09:30", datetime(2026, 1, 21, 9, 30)),  # as the portal prints a date
    ("thứ tư 21/1/2026", date(2026, 1, 21)),
    ("Thứ 4, 21/01/2026", date(2026, 1, 21)),
    ("Thứ Tư, ngày 21 tháng 01 năm 2026", date(2026, 1, 21)),  # as a report heads its date
    ("Chủ nhật, 25/01/2026", date(2026, 1, 25)),
    ("CN 25/01/2026", date(2026, 1, 25)),
    ("Thứ Hai - 19/01/2026 8h", datetime(2026, 1, 19, 8, 0)),
    ("Thứ Bảy, 2026-01-24", date(2026, 1, 24)),
    ("T2, 19/01/2026", date(2026, 1, 19)),  # as lists and calendars shorten it
    ("T.7 24/01/2026 8h", datetime(2026, 1, 24, 8, 0)),
])
def test_a_day_of_the_week_before_the_date_is_read(text, meant):
    assert parse_written(text) == meant


@pytest.mark.parametrize("text", ["Thứ Năm, 21/01/2026", "Thứ 7, 25/01/2026", "Chủ nhật, 24/01/2026 10h",
                                  "T3, 19/01/2026",
                                  # (an RSS feed's date: its weekday was not compared, the date taken silently)
                                  "Tue, 13 May 2019 08:30:00 +0700"])
def test_a_day_of_the_week_that_is_not_the_date_s_is_refused_by_name(text):
    with pytest.raises(WrongWeekday, match="names the wrong day of the week"):
        parse_written(text)
