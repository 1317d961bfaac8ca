"""How each form of date is read, for :mod:`teikit.encoder.dates`: the options, and one
reader per pattern of :mod:`teikit.encoder._date_words` turning its groups into year, month
and day (or saying why it cannot, without guessing)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from teikit.encoder import _date_words as words


@dataclass(frozen=True)
class DateOptions:
    """How to read what the text leaves open (a profile sets these)."""

    day_first: bool = True
    century_pivot: int | None = 0
    languages: tuple[str, ...] = words.LANGUAGES
    times: bool = True  # a time of day after a date joins it: when="1943-12-22T22:00:00"
    default_year: int | None = None
    """The year of dates written without one (``June 18``, ``Mittwoch, 7. Dez.``), known from
    their context (a diary's year); without it such dates are not read at all."""
    default_month: int | None = None
    """With ``default_year``, the month of a weekday and a day alone (a diary's ``Monday
    7th`` after ``Sunday 6th March 1949``): read in that month or the next, where the
    weekday falls on that day; never without it."""



class Unresolved(ValueError):
    """A date-shaped text that cannot be read without guessing; the message says why."""


Ymd = tuple[int, int | None, int | None]
Groups = dict[str, str | None]


@dataclass(frozen=True)
class Context:
    options: DateOptions
    months: dict[str, int]
    weekdays: dict[str, int]
    abbreviations: frozenset[str]
    whole: bool  # the string is only a date (parse_date): accept the riskier forms


Reader = Callable[[Groups, Context], "list[Ymd] | None"]  # None: not a date after all


def _month(raw: str | None, context: Context) -> int | None:
    if raw is None:
        return None
    key = raw.lower()
    return context.months[key] if key in context.months else context.months[key.rstrip(".")]


# In running text a four-digit number outside these years is not read as a year
# ("November 2460" is "November 24" and a footnote reference 60).
_RUNNING_YEARS = (1000, 2099)


def _year(raw: str, context: Context, bare_ok: bool) -> int | None:
    digits = raw.lstrip("'’")
    if len(digits) == 4:
        year = int(digits)
        return year if context.whole or _RUNNING_YEARS[0] <= year <= _RUNNING_YEARS[1] else None
    if digits == raw and not bare_ok:
        return None
    pivot = context.options.century_pivot
    if pivot is None:
        raise Unresolved(f"two-digit year {raw!r} and no century rule (century_pivot=None)")
    return int(digits) + (2000 if int(digits) < pivot else 1900)


def iso(year: int, month: int | None, day: int | None) -> str:
    if year < 1:
        raise Unresolved(f"year {year} is outside the calendar")
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        raise Unresolved(f"there is no month {month}")
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        leap = " (not a leap year)" if (month, day) == (2, 29) else ""
        raise Unresolved(f"{year:04d}-{month:02d} has no day {day}{leap}") from None


def _named(groups: Groups, parts: list[tuple[str | None, str]], context: Context,
           short_month_ok: bool = False) -> list[Ymd] | None:
    """Dates written with month names: checks the year, common words and the weekday.

    A bare two-digit year needs capitals (``9 MAR 66``) or, with ``short_month_ok``, an
    abbreviated month (``24 Oct 45``): ``On 3 May 45 soldiers`` is not a date."""
    names = [name for _, name in parts]
    if not context.whole and any(n.lower() in words.COMMON_WORDS and n.islower() for n in names):
        return None
    telegram = all(n.rstrip(".").isupper() for n in names) or (
        short_month_ok and all(n.lower() in context.abbreviations for n in names))
    year = _year(groups["y"] or "", context, bare_ok=context.whole or telegram)
    if year is None:
        return None
    values: list[Ymd] = [(year, _month(n, context), None if d is None else int(d))
                          for d, n in parts]
    if len(values) == 1:
        _check_weekday(groups.get("wd"), values[0], context)
    return values


def _check_weekday(weekday: str | None, value: Ymd, context: Context) -> None:
    """A weekday written before a date must be that date's (``Tuesday, 21 September 1959``
    is not read: one of the two is wrong)."""
    if not weekday or value[2] is None:
        return
    spelled = weekday.lower()
    written = context.weekdays.get(spelled)
    if written is None:
        written = context.weekdays[spelled.rstrip(".")]
    if written != date.fromisoformat(iso(*value)).weekday():
        raise Unresolved(f"{iso(*value)} is not a {weekday}")


def day_month_year(g: Groups, context: Context) -> list[Ymd] | None:
    month = g["m2"] or ""
    first = [(g["d1"], g["m1"] or month)] if g["d1"] else []
    return _named(g, [*first, (g["d2"], month)], context, short_month_ok=True)


def month_day_year(g: Groups, context: Context) -> list[Ymd] | None:
    month = g["m1"] or ""
    if g["gap"]:
        return _named(g, [(None, month)], context)
    last = [(g["d2"], g["m2"] or month)] if g["d2"] else []
    return _named(g, [(g["d1"], month), *last], context)


def year_month_day(g: Groups, context: Context) -> list[Ymd] | None:
    month = g["m1"] or ""
    last = [(g["d2"], g["m2"] or month)] if g["d2"] else []
    return _named(g, [(g["d1"], month), *last], context)


def yearless(g: Groups, context: Context) -> list[Ymd] | None:
    """``18 June``, ``June 18``: the year is the caller's ``default_year``."""
    year = context.options.default_year
    month, day = g.get("m1") or g.get("m2") or "", g.get("d1") or g.get("d2")
    return None if year is None else _named({**g, "y": f"{year:04d}"}, [(day, month)], context)


def weekday_day(g: Groups, context: Context) -> list[Ymd] | None:
    """``Monday 7th``: the day of ``default_month`` (or of the month after it) that falls on
    the weekday written; not a date when neither does."""
    year, month = context.options.default_year, context.options.default_month
    if year is None or month is None:
        return None
    day = int(g["d1"] or "0")
    for value in ((year, month, day), (year + month // 12, month % 12 + 1, day)):
        try:
            _check_weekday(g.get("wd"), value, context)
        except (Unresolved, ValueError):
            continue
        return [value]
    return None


def month_year(g: Groups, context: Context) -> list[Ymd] | None:
    first = [(None, g["m1"])] if g["m1"] else []
    return _named(g, [*first, (None, g["m2"] or "")], context)


def numeric(g: Groups, context: Context) -> list[Ymd] | None:
    """``12/5/1948``, ``5.12.1948``: slashes and hyphens follow day_first, dots are D.M.Y.
    After a weekday (``Freitag, 9.12.66``) a two-digit year is clear enough anywhere."""
    bare_ok = context.whole or g["s"] == "/" or bool(g.get("wd"))
    year = _year(g["y"] or "", context, bare_ok=bare_ok)
    if year is None:
        return None
    first, second = int(g["a"] or ""), int(g["b"] or "")
    day_first = context.options.day_first or g["s"] == "."
    day, month = (first, second) if day_first else (second, first)
    if month > 12:
        order = "day first" if day_first else "month first"
        raise Unresolved(f"month {month} does not exist (read {order})")
    _check_weekday(g.get("wd"), (year, month, day), context)
    return [(year, month, day)]


def year_first(g: Groups, context: Context) -> list[Ymd] | None:
    year, month, day = _year(g["y"] or "", context, bare_ok=False), g.get("m"), g.get("d")
    if year is None or int(day or 1) > 31 or (int(month or 1) > 12 and g.get("s") != "-"):
        return None  # "1041/12/63": a reference number, not a date written wrongly
    return [(year, None if month is None else int(month), None if day is None else int(day))]


def roman(g: Groups, context: Context) -> list[Ymd] | None:
    year = _year(g["y"] or "", context, bare_ok=True)  # "21.IX.59": clear enough
    if year is None:
        return None
    value = (year, words.ROMAN_MONTHS[(g["m"] or "").lower()], int(g["d"] or ""))
    _check_weekday(g.get("wd"), value, context)
    return [value]


def dtg(g: Groups, context: Context) -> list[Ymd] | None:
    """``211530Z NOV 67``: day 21, 15:30 in zone Z, November 1967 (the time: :func:`dtg_time`)."""
    year = _year(g["y"] or "", context, bare_ok=True)
    month = words.DTG_MONTHS.index((g["m"] or "").lower()) + 1
    return None if year is None else [(year, month, int(g["d"] or ""))]


def dtg_time(g: Groups) -> str:
    hour, minute = int(g["hh"] or ""), int(g["mi"] or "")
    if hour > 23:
        raise Unresolved(f"there is no hour {hour}")
    return f"T{hour:02d}:{minute:02d}:00{words.DTG_ZONES[(g['zone'] or 'Z').upper()]}"


def cjk(g: Groups, context: Context) -> list[Ymd] | None:
    day = g.get("d")
    return [(words.cjk_number(g["y"] or ""), words.cjk_number(g["m"] or ""),
             None if day is None else words.cjk_number(day))]


