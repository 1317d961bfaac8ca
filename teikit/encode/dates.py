"""Dates in archival transcripts, read into ISO 8601 (``@when``, ``@from``/``@to``).

:func:`parse_date` reads a string that is only a date (surrounding spaces, brackets, quotes
and punctuation such as a final period are allowed); :func:`find_dates` finds every date in
running text (``Moscow, 9 MAR 66``, ``Peking, September 21, 1959.``). Both return
:class:`ParsedDate` values whose ``start``/``end`` slice the input back to ``text``.

Forms recognised (month and weekday names in any case, in the languages of
``DateOptions.languages``: en, fr, de, es, it, ru; ``zh`` turns on the 年月日 form):

=========================  ============================================  ================
form                       examples                                      @when / @from-to
=========================  ============================================  ================
day month year             ``21 September 1959``, ``21st Sept. 1959``,   1959-09-21
                           ``the 3rd of March, 1952``, ``21. September
                           1959``, ``1er mars 1952``, ``21 de septiembre
                           de 1959``, ``21 сентября 1959 г.``
month day, year            ``September 21, 1959``, ``Sept. 21st, 1959``  1959-09-21
telegram style             ``9 MAR 66``, ``21 SEP 59``, ``21SEP59``      1966-03-09
weekday first              ``Monday, 21 September 1959``                 1959-09-21
day ranges                 ``21–25 September 1959``, ``September 21-25,  1959-09-21 …
                           1959``, ``21 September to 3 October 1959``    1959-09-25
unknown day                ``June —, 1861``, ``June __, 1861``           1861-06
month year                 ``September 1959``, ``Sept. 1959``,           1959-09
                           ``septiembre de 1959``, ``May–June 1959``
ISO and year first         ``1959-09-21``, ``1959/9/21``, ``1959.09.21``  1959-09-21
numbers                    ``12/5/1948`` (``day_first`` decides),         1948-05-12
                           ``5.12.1948`` (dots are always day first)      1948-12-05
Roman month                ``21.IX.59``, ``21. IX. 1959``, ``14/VII/1946``  1959-09-21
Chinese/Japanese           ``1965年3月2日``, ``1965年3月``, ``一九六五年三月二日``  1965-03-02
two dates joined           ``21 September 1959 – 3 October 1959``        from … to …
time of day (``times``)    ``December 22, 1943—10 p.m.``, ``May 16,      1943-12-22T22:00:00
                           1954, 0925Z``, ``July 6, 1918, noon``,        1954-05-16T09:25:00Z
                           ``21 September 1959 14:30``
only in parse_date         ``1959``, ``1959-09``, ``1959–1960``, ``12.5.48``,
                           ``September 21, 59``, ``9 Mar 66``
=========================  ============================================  ================

Two-digit years: ``yy`` is ``19yy`` when ``yy >= century_pivot`` and ``20yy`` otherwise, so
the default ``century_pivot=0`` reads every two-digit year as 19yy (archives are mostly of
the 20th century); ``century_pivot=None`` refuses to read them (a problem is reported).

Running text is read cautiously, so that :func:`find_dates` does not tag numbers: a year alone
is never a date; after a month name a two-digit year needs an apostrophe (``Sept. 21, '59``),
telegram capitals (``21 SEP 59``) or, day first, a shortened month (``24 Oct 45``; but ``On
3 May 45 soldiers`` is no date); a month without a year is not a date; dotted or hyphenated
numbers need a four-digit year (``5.12.48`` may be a section number) while slashes may have
two (``12/5/48``); ``may``, ``march`` and ``mar`` must be capitalised; a four-digit year must
lie in 1000-2099 (``November 2460`` is a day and a footnote number). A leading weekday or
article (``the``, ``le``, ``den``, ``el``, ``il``) belongs to the date's text.
``midnight`` is not read as a time: it does not say which day it ends or begins.

A text that has the shape of a date but cannot be read without guessing gives a result with
``when``, ``from_`` and ``to`` all ``None`` and ``problem`` saying why: an impossible day
(``31 June 1959``, ``29 February 1959``), a month over 12 in the order ``day_first`` asks for
(``5/13/1948`` read day first: the other order is never tried), a two-digit year with
``century_pivot=None``, a weekday that does not fit the date (``Tuesday, 21 September
1959``), a range that ends before it starts.
All patterns use bounded repetition only, so both functions run in time linear in the input;
the forms with month names are tried only near a month name, which a prefix-tree pattern
finds quickly (several MB of prose per second).
"""

# Dates are written in many scripts: dashes, quotes, Cyrillic and CJK characters are meant.

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from teikit.encode import _date_words as words


@dataclass(frozen=True)
class ParsedDate:
    """A date found in a text: the verbatim ``text`` at ``start:end`` and its ISO reading."""

    text: str
    start: int
    end: int
    when: str | None = None
    from_: str | None = None
    to: str | None = None
    problem: str | None = None

    @property
    def resolved(self) -> bool:
        """True when the date was read (``when`` or ``from_``/``to`` is set)."""
        return self.problem is None


@dataclass(frozen=True)
class DateOptions:
    """How to read what the text leaves open (a profile sets these)."""

    day_first: bool = True
    century_pivot: int | None = 0
    languages: tuple[str, ...] = words.LANGUAGES
    times: bool = True  # a time of day after a date joins it: when="1943-12-22T22:00:00"


_DEFAULTS = DateOptions()


class _Unresolved(ValueError):
    """A date-shaped text that cannot be read without guessing; the message says why."""


_Ymd = tuple[int, int | None, int | None]
_Groups = dict[str, str | None]


@dataclass(frozen=True)
class _Context:
    options: DateOptions
    months: dict[str, int]
    weekdays: dict[str, int]
    abbreviations: frozenset[str]
    whole: bool  # the string is only a date (parse_date): accept the riskier forms


_Reader = Callable[[_Groups, _Context], "list[_Ymd] | None"]  # None: not a date after all


@dataclass(frozen=True)
class _Form:
    pattern: re.Pattern[str]
    read: _Reader
    whole_only: bool = False
    named: bool = False  # has a month name: only searched near one


@dataclass(frozen=True)
class _Grammar:
    forms: tuple[_Form, ...]
    month_word: re.Pattern[str] | None  # finds month names fast, to place the named forms


def _month(raw: str | None, context: _Context) -> int | None:
    if raw is None:
        return None
    key = raw.lower()
    return context.months[key] if key in context.months else context.months[key.rstrip(".")]


# In running text a four-digit number outside these years is not read as a year
# ("November 2460" is "November 24" and a footnote reference 60).
_RUNNING_YEARS = (1000, 2099)


def _year(raw: str, context: _Context, bare_ok: bool) -> int | None:
    digits = raw.lstrip("'’")
    if len(digits) == 4:
        year = int(digits)
        return year if context.whole or _RUNNING_YEARS[0] <= year <= _RUNNING_YEARS[1] else None
    if digits == raw and not bare_ok:
        return None
    pivot = context.options.century_pivot
    if pivot is None:
        raise _Unresolved(f"two-digit year {raw!r} and no century rule (century_pivot=None)")
    return int(digits) + (2000 if int(digits) < pivot else 1900)


def _iso(year: int, month: int | None, day: int | None) -> str:
    if year < 1:
        raise _Unresolved(f"year {year} is outside the calendar")
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        raise _Unresolved(f"there is no month {month}")
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        leap = " (not a leap year)" if (month, day) == (2, 29) else ""
        raise _Unresolved(f"{year:04d}-{month:02d} has no day {day}{leap}") from None


def _named(groups: _Groups, parts: list[tuple[str | None, str]], context: _Context,
           short_month_ok: bool = False) -> list[_Ymd] | None:
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
    values: list[_Ymd] = [(year, _month(n, context), None if d is None else int(d))
                          for d, n in parts]
    weekday = groups.get("wd")
    if weekday and len(values) == 1 and values[0][2] is not None:
        written = context.weekdays[weekday.lower().rstrip(".")]
        actual = date.fromisoformat(_iso(*values[0])).weekday()
        if written != actual:
            raise _Unresolved(f"{_iso(*values[0])} is not a {weekday}")
    return values


def _day_month_year(g: _Groups, context: _Context) -> list[_Ymd] | None:
    month = g["m2"] or ""
    first = [(g["d1"], g["m1"] or month)] if g["d1"] else []
    return _named(g, [*first, (g["d2"], month)], context, short_month_ok=True)


def _month_day_year(g: _Groups, context: _Context) -> list[_Ymd] | None:
    month = g["m1"] or ""
    if g["gap"]:
        return _named(g, [(None, month)], context)
    last = [(g["d2"], g["m2"] or month)] if g["d2"] else []
    return _named(g, [(g["d1"], month), *last], context)


def _month_year(g: _Groups, context: _Context) -> list[_Ymd] | None:
    first = [(None, g["m1"])] if g["m1"] else []
    return _named(g, [*first, (None, g["m2"] or "")], context)


def _numeric(g: _Groups, context: _Context) -> list[_Ymd] | None:
    """``12/5/1948``, ``5.12.1948``: slashes and hyphens follow day_first, dots are D.M.Y."""
    year = _year(g["y"] or "", context, bare_ok=context.whole or g["s"] == "/")
    if year is None:
        return None
    first, second = int(g["a"] or ""), int(g["b"] or "")
    day_first = context.options.day_first or g["s"] == "."
    day, month = (first, second) if day_first else (second, first)
    if month > 12:
        order = "day first" if day_first else "month first"
        raise _Unresolved(f"month {month} does not exist (read {order})")
    return [(year, month, day)]


def _year_first(g: _Groups, context: _Context) -> list[_Ymd] | None:
    year, month, day = _year(g["y"] or "", context, bare_ok=False), g.get("m"), g.get("d")
    if year is None:
        return None
    return [(year, None if month is None else int(month), None if day is None else int(day))]


def _roman(g: _Groups, context: _Context) -> list[_Ymd] | None:
    year = _year(g["y"] or "", context, bare_ok=True)  # "21.IX.59": clear enough
    if year is None:
        return None
    return [(year, words.ROMAN_MONTHS[(g["m"] or "").lower()], int(g["d"] or ""))]


def _cjk(g: _Groups, context: _Context) -> list[_Ymd] | None:
    day = g.get("d")
    return [(words.cjk_number(g["y"] or ""), words.cjk_number(g["m"] or ""),
             None if day is None else words.cjk_number(day))]


@lru_cache(maxsize=16)
def _grammar(languages: tuple[str, ...]) -> _Grammar:
    def form(pattern: str, read: _Reader, whole_only: bool = False, named: bool = False) -> _Form:
        return _Form(re.compile(pattern, re.IGNORECASE), read, whole_only, named)

    forms: list[_Form] = []
    months, weekdays = words.month_names(languages), words.weekday_names(languages)
    month_word = None
    if months:
        dmy, mdy, my = words.named_patterns(months, weekdays)
        forms += [form(dmy, _day_month_year, named=True), form(mdy, _month_day_year, named=True),
                  form(my, _month_year, named=True)]
        month_word = re.compile(words.month_word(months), re.IGNORECASE)
    forms += [form(words.ISO_DATE, _year_first), form(words.NUMERIC_DATE, _numeric),
              form(words.ROMAN_DATE, _roman), form(words.ISO_YEAR_MONTH, _year_first, True),
              form(words.YEAR_ALONE, _year_first, True)]
    if "zh" in languages:
        forms.append(form(words.CJK_DATE, _cjk))
    return _Grammar(tuple(forms), month_word)


# No named date reaches further from a month name in it: at most ~50 characters before it
# ("Wednesday, den 21st until 25th of September"), ~40 after ("Sept. 21st until 25th, 1959 г.").
_REACH = 64


def _near_month_names(text: str, month_word: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """Stretches of ``text`` around month names, merged: the only places named dates can be."""
    spans: list[tuple[int, int]] = []
    for match in month_word.finditer(text) if month_word else ():
        start, end = max(0, match.start() - _REACH), min(len(text), match.end() + _REACH)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _reading(text: str, match: re.Match[str], form: _Form, context: _Context,
             ) -> ParsedDate | None:
    start, end = match.span()
    try:
        values = form.read(match.groupdict(), context)
        if values is None:
            return None
        isos = [_iso(*value) for value in values]
    except _Unresolved as problem:
        return ParsedDate(text[start:end], start, end, problem=str(problem))
    return _span(text[start:end], start, end, isos)


def _span(text: str, start: int, end: int, isos: list[str]) -> ParsedDate:
    if len(isos) == 1:
        return ParsedDate(text, start, end, when=isos[0])
    if isos[1] < isos[0]:
        return ParsedDate(text, start, end, problem=f"{isos[1]} is before {isos[0]}")
    return ParsedDate(text, start, end, from_=isos[0], to=isos[1])


_JOIN = re.compile(words.RANGE, re.IGNORECASE)


def _join_ranges(text: str, found: list[ParsedDate]) -> list[ParsedDate]:
    """``21 September 1959 – 3 October 1959``: two single dates joined by a dash or "to"."""
    joined: list[ParsedDate] = []
    for current in found:
        previous = joined[-1] if joined else None
        if (previous is not None and previous.when and current.when
                and _JOIN.fullmatch(text, previous.end, current.start)):
            start, end = previous.start, current.end
            joined[-1] = _span(text[start:end], start, end, [previous.when, current.when])
        else:
            joined.append(current)
    return joined


_TIME = re.compile(words.TIME, re.IGNORECASE)


def _with_time(text: str, found: ParsedDate) -> ParsedDate:
    """``December 22, 1943—10 p.m.``: a full date and the time of day written after it."""
    match = _TIME.match(text, found.end) if found.when and len(found.when) == 10 else None
    clock = _clock(match) if match else None
    if match is None or clock is None:
        return found
    return replace(found, text=text[found.start : match.end()], end=match.end(),
                   when=f"{found.when}T{clock}")


def _clock(match: re.Match[str]) -> str | None:
    """The time as ``hh:mm:ss`` (``Z`` for UTC); None for an impossible time."""
    if match["noon"]:
        return "12:00:00"
    if match["zulu"]:
        hour, minute, zone = int(match["zulu"][:2]), int(match["zulu"][2:]), "Z"
    elif match["half"]:
        hour, minute, zone = int(match["hour"]), int(match["minute"] or 0), ""
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
    else:
        hour, minute, zone = int(match["hour24"]), int(match["minute24"]), ""
    return f"{hour:02d}:{minute:02d}:00{zone}" if hour < 24 and minute < 60 else None


def _scan(text: str, options: DateOptions, whole: bool) -> list[ParsedDate]:
    languages = options.languages
    context = _Context(options, words.month_names(languages), words.weekday_names(languages),
                       words.abbreviations(languages), whole)
    grammar = _grammar(options.languages)
    near_months = _near_month_names(text, grammar.month_word)
    candidates: list[tuple[int, int, int, ParsedDate]] = []
    for rank, form in enumerate(grammar.forms):
        if form.whole_only and not whole:
            continue
        for start, end in near_months if form.named else [(0, len(text))]:
            for match in form.pattern.finditer(text, start, end):
                found = _reading(text, match, form, context)
                if found is not None and options.times:
                    found = _with_time(text, found)
                if found is not None:
                    candidates.append((found.start, -found.end, rank, found))
    chosen: list[ParsedDate] = []
    for start, _, _, found in sorted(candidates, key=lambda c: c[:3]):
        if not chosen or start >= chosen[-1].end:
            chosen.append(found)
    return _join_ranges(text, chosen)


def find_dates(text: str, options: DateOptions = _DEFAULTS) -> list[ParsedDate]:
    """Every date in running text, left to right, without overlaps."""
    return _scan(text, options, whole=False)


_EDGES = string.whitespace + "\u00a0\u3000.,;:!?()[]{}<>\"'“”‘’«»"


def parse_date(text: str, options: DateOptions = _DEFAULTS) -> ParsedDate | None:
    """The date when ``text`` is nothing but a date (edges of space and punctuation allowed)."""
    start = len(text) - len(text.lstrip(_EDGES))
    found = _scan(text[start:], options, whole=True)
    # A period may end the date ("1959 г.") or the sentence: the date keeps what it matched.
    if len(found) != 1 or found[0].start != 0 or text[start + found[0].end :].strip(_EDGES):
        return None
    return replace(found[0], start=start, end=start + found[0].end)
