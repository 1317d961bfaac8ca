"""XML Schema dates, times and durations: checked, and when wrong, said why.

``1959-13-01`` is not a date because there is no month 13; ``1959-02-30`` because February
1959 has 28 days. Each check returns None for a valid value, "" when the value does not
have the form at all, and the reason otherwise. XSD 1.0 rules, as jing and libxml2 apply
them (there is no year 0000).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from typing import Final

_ZONE: Final = r"(?P<zone>Z|[+-]\d\d:\d\d)?"
_YEAR: Final = r"(?P<year>-?\d{4,})"
_CLOCK: Final = r"(?P<hour>\d\d):(?P<minute>\d\d):(?P<second>\d\d(?:\.\d+)?)"
_FORMS: Final = {
    "date": rf"{_YEAR}-(?P<month>\d\d)-(?P<day>\d\d){_ZONE}",
    "dateTime": rf"{_YEAR}-(?P<month>\d\d)-(?P<day>\d\d)T{_CLOCK}{_ZONE}",
    "time": rf"{_CLOCK}{_ZONE}",
    "gYear": rf"{_YEAR}{_ZONE}",
    "gYearMonth": rf"{_YEAR}-(?P<month>\d\d){_ZONE}",
    "gMonth": rf"--(?P<month>\d\d)(?:--)?{_ZONE}",
    "gDay": rf"---(?P<day>\d\d){_ZONE}",
    "gMonthDay": rf"--(?P<month>\d\d)-(?P<day>\d\d){_ZONE}",
}
_COMPILED: Final = {name: re.compile(form) for name, form in _FORMS.items()}
_DURATION: Final = re.compile(
    r"-?P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?")
TYPES: Final = frozenset([*_FORMS, "duration"])
_DAYS: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MONTHS: Final = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")


def _year(text: str) -> str | None:
    digits = text.lstrip("-")
    if len(digits) > 4 and digits.startswith("0"):
        return f"year {text} has a leading zero"
    if int(digits) == 0:
        return "there is no year 0000 (1 BCE is -0001)"
    return None


def _month(text: str) -> str | None:
    return None if 1 <= int(text) <= 12 else f"there is no month {text}"


def _day(day: str, month: str | None, year: str | None) -> str | None:
    number = int(day)
    if number < 1 or number > 31:
        return f"there is no day {day}"
    if month is None:
        return None
    # a month and day without a year (gMonthDay) may be 29 February; -0001 is 1 BCE,
    # a leap year (year 0 of the proleptic calendar)
    leap = year is None or calendar.isleap(int(year) + (1 if year.startswith("-") else 0))
    days = 29 if int(month) == 2 and leap else _DAYS[int(month) - 1]
    if number <= days:
        return None
    month_name = _MONTHS[int(month) - 1]
    return (f"{month_name} {year} has {days} days" if year is not None
            else f"{month_name} has {days} days")


def _clock(hour: str, minute: str, second: str) -> str | None:
    if hour == "24" and int(minute) == 0 and float(second) == 0:
        return None  # 24:00:00 is midnight at the end of the day
    if int(hour) > 23:
        return f"there is no hour {hour}"
    if int(minute) > 59:
        return f"there is no minute {minute}"
    if float(second) >= 60:
        return f"there is no second {second}"
    return None


def _zone(zone: str | None) -> str | None:
    if not zone or zone == "Z":
        return None
    hours, minutes = int(zone[1:3]), int(zone[4:6])
    if hours > 14 or minutes > 59 or (hours == 14 and minutes):
        return f"time zone {zone} is out of range (-14:00 to +14:00)"
    return None


def _fields(match: re.Match[str]) -> list[Callable[[], str | None]]:
    parts = match.groupdict()
    checks: list[Callable[[], str | None]] = []
    if parts.get("year") is not None:
        checks.append(lambda: _year(parts["year"]))
    if parts.get("month") is not None:
        checks.append(lambda: _month(parts["month"]))
    if parts.get("day") is not None:
        checks.append(lambda: _day(parts["day"], parts.get("month"), parts.get("year")))
    if parts.get("hour") is not None:
        checks.append(lambda: _clock(parts["hour"], parts["minute"], parts["second"]))
    checks.append(lambda: _zone(parts.get("zone")))
    return checks


def check(kind: str, value: str) -> str | None:
    """None when ``value`` is a valid ``kind`` (an XSD date/time type or ``duration``);
    "" when it does not have the form; else why not ("there is no month 13")."""
    if kind == "duration":
        return None if _DURATION.fullmatch(value) else ""
    match = _COMPILED[kind].fullmatch(value)
    if match is None:
        return ""
    for field in _fields(match):
        reason = field()
        if reason is not None:
            return reason
    return None
