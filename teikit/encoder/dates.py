"""Dates in archival transcripts, read into ISO 8601 (``@when``, ``@from``/``@to``).

:func:`parse_date` reads a string that is only a date (surrounding spaces, brackets, quotes
and punctuation such as a final period are allowed); :func:`find_dates` finds every date in
running text (``Moscow, 9 MAR 66``, ``Peking, September 21, 1959.``). Both return
:class:`ParsedDate` values whose ``start``/``end`` slice the input back to ``text``.

Forms recognised (month and weekday names in any case, in the languages of
``DateOptions.languages``: by default en, fr, de, nl, es, pt, it, ru, el, pl, cs, hu, ro, sr
(Latin and Cyrillic), bg, and ``zh`` for the 年月日 form; ``hr`` on request, see
:mod:`teikit.encoder._date_names`):

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
other languages            ``12 Μαΐου 1952``, ``3 Ιανουαρίου 1950``,     1952-05-12
                           ``12 maja 1952 r.``, ``12. května 1952``,
                           ``12 martie 1952``, ``12. marta 1952. godine``
year first (Hungarian)     ``1952. május 12.``, ``1952. május 12-én``    1952-05-12
                           ``1959. június 12–14.`` (a range)
date-time group            ``211530Z NOV 67``, ``141200Z MAR 1959``,     1967-11-21T15:30:00Z
                           ``211530ZNOV67``; zones A-Y as offsets
                           (``241500A JAN 70``: +01:00)
Chinese/Japanese           ``1965年3月2日``, ``1965年3月``, ``一九六五年三月二日``  1965-03-02
two dates joined           ``21 September 1959 – 3 October 1959``        from … to …
time of day (``times``)    ``December 22, 1943—10 p.m.``, ``May 16,      1943-12-22T22:00:00
                           1954, 0925Z``, ``July 6, 1918, noon``,        1954-05-16T09:25:00Z
                           ``21 September 1959 14:30``
only in parse_date         ``1959``, ``1959-09``, ``1959–1960``, ``12.5.48``,
                           ``September 21, 59``, ``9 Mar 66``, a weekday before
                           numbers (``Freitag, 9.12.66``, ``Sunday, 16.VI.57``), a
                           precedence before a date-time group (``P 211530Z NOV 67``:
                           the date is ``211530Z NOV 67``)
no year (``default_year``)  ``June 18``, ``18 June``, ``Mittwoch, 7. Dez.`` 1957-06-18
=========================  ============================================  ================

A date without a year is read only when the caller knows the year from the context and
says so (``DateOptions(default_year=1957)``: a diary's entries under a dated heading); it
is never guessed. A number right after such a date (``18 June 59``) stops it: that is a year
the running-text rules refused, not a date without one.

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
finds quickly (several MB of prose per second); a text without a digit is skipped at once;
weekday-led numeric forms are tried in whole lines only (finding weekday names in prose
would cost a second scan). The readers of each form are in :mod:`teikit.encoder._date_forms`,
the patterns in :mod:`teikit.encoder._date_words`, the names in
:mod:`teikit.encoder._date_names`.
"""

# Dates are written in many scripts: dashes, quotes, Cyrillic and CJK characters are meant.

from __future__ import annotations

import re
import string
from dataclasses import dataclass, replace
from functools import lru_cache

from teikit.encoder import _date_forms as forms
from teikit.encoder import _date_words as words
from teikit.encoder._date_forms import DateOptions

__all__ = ["DateOptions", "ParsedDate", "find_dates", "parse_date"]


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


_DEFAULTS = DateOptions()


@dataclass(frozen=True)
class _Form:
    pattern: re.Pattern[str]
    read: forms.Reader
    whole_only: bool = False
    near: str = ""  # "month" or "weekday": has such a name, only searched near one
    timed: bool = False  # carries its time of day (a date-time group)


@dataclass(frozen=True)
class _Grammar:
    forms: tuple[_Form, ...]
    words: dict[str, re.Pattern[str]]  # finds month and weekday names fast, to place forms


@lru_cache(maxsize=16)
def _grammar(languages: tuple[str, ...], yearless: bool, monthly: bool = False) -> _Grammar:
    def form(pattern: str, read: forms.Reader, whole_only: bool = False, near: str = "",
             timed: bool = False) -> _Form:
        return _Form(re.compile(pattern, re.IGNORECASE), read, whole_only, near, timed)

    found: list[_Form] = []
    months, weekdays = words.month_names(languages), words.weekday_names(languages)
    near: dict[str, re.Pattern[str]] = {}
    if months:
        dmy, mdy, my, ymd = words.named_patterns(months, weekdays)
        found += [form(dmy, forms.day_month_year, near="month"),
                  form(mdy, forms.month_day_year, near="month"),
                  form(my, forms.month_year, near="month"),
                  form(ymd, forms.year_month_day, near="month")]
        if yearless:
            found += [form(p, forms.yearless, near="month")
                      for p in words.yearless_patterns(months, weekdays)]
        near["month"] = re.compile(words.name_word(months), re.IGNORECASE)
    if weekdays:
        prefix = words.weekday_prefix(weekdays)
        # Only whole lines ("Freitag, 9.12.66"): finding weekdays in prose costs a scan.
        found += [form(prefix + words.NUMERIC_DATE, forms.numeric, True, near="weekday"),
                  form(prefix + words.ROMAN_DATE, forms.roman, True, near="weekday")]
        if monthly:
            found.append(form(words.weekday_day_pattern(weekdays), forms.weekday_day, True,
                              near="weekday"))
        near["weekday"] = re.compile(words.name_word(weekdays), re.IGNORECASE)
    found += [form(words.ISO_DATE, forms.year_first), form(words.NUMERIC_DATE, forms.numeric),
              form(words.ROMAN_DATE, forms.roman), form(words.DTG_DATE, forms.dtg, timed=True),
              form(words.ISO_YEAR_MONTH, forms.year_first, True),
              form(words.YEAR_ALONE, forms.year_first, True)]
    if "zh" in languages:
        found.append(form(words.CJK_DATE, forms.cjk))
    return _Grammar(tuple(found), near)


# No named date reaches further from a month name in it: at most ~50 characters before it
# ("Wednesday, den 21st until 25th of September"), ~40 after ("Sept. 21st until 25th, 1959 г.").
_REACH = 64


def _near(text: str, word: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """Stretches of ``text`` around month (or weekday) names, merged: the only places dates
    spelled with one can be."""
    spans: list[tuple[int, int]] = []
    for match in word.finditer(text) if word else ():
        start, end = max(0, match.start() - _REACH), min(len(text), match.end() + _REACH)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _reading(text: str, match: re.Match[str], form: _Form, context: forms.Context,
             ) -> ParsedDate | None:
    start, end = match.span()
    try:
        groups = match.groupdict()
        values = form.read(groups, context)
        if values is None:
            return None
        isos = [forms.iso(*value) for value in values]
        if form.timed:
            isos = [iso + forms.dtg_time(groups) for iso in isos]
    except forms.Unresolved as problem:
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


# Every date has a digit, Arabic or Chinese: text without one is skipped at once.
_DIGIT = re.compile("[0-9０-９〇○零一二三四五六七八九]")


def _scan(text: str, options: DateOptions, whole: bool) -> list[ParsedDate]:
    if not _DIGIT.search(text):
        return []
    languages = options.languages
    context = forms.Context(options, words.month_names(languages),
                            words.weekday_names(languages), words.abbreviations(languages), whole)
    grammar = _grammar(options.languages, options.default_year is not None,
                       options.default_year is not None and options.default_month is not None)
    near: dict[str, list[tuple[int, int]]] = {"": [(0, len(text))]}
    candidates: list[tuple[int, int, int, ParsedDate]] = []
    for rank, form in enumerate(grammar.forms):
        if form.whole_only and not whole:
            opening = _opening(text, form, context)
            if opening is not None:
                candidates.append((0, -opening.end, rank, opening))
            continue
        if form.near not in near:
            near[form.near] = _near(text, grammar.words[form.near])
        for start, end in near[form.near]:
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


def _opening(text: str, form: _Form, context: forms.Context) -> ParsedDate | None:
    """A weekday-led numeric date opening running text (``Thursday, 6/3/58 – first warm
    day``): read there as in a whole line, when the weekday fits the date."""
    if form.near != "weekday" or form.read is forms.weekday_day:
        return None
    match = form.pattern.match(text)
    found = _reading(text, match, form, context) if match else None
    return found if found is not None and found.problem is None else None


@lru_cache(maxsize=16)
def _weekday_day(languages: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(words.weekday_day_pattern(words.weekday_names(languages)), re.IGNORECASE)


def weekday_and_day(text: str, options: DateOptions = _DEFAULTS) -> bool:
    """Whether ``text`` is only a weekday and a day number (``Monday 7th``, ``Mi., 9.``):
    a date once its month and year are known (:attr:`DateOptions.default_month`)."""
    return _weekday_day(options.languages).fullmatch(text.strip(_EDGES)) is not None


def find_dates(text: str, options: DateOptions = _DEFAULTS) -> list[ParsedDate]:
    """Every date in running text, left to right, without overlaps."""
    return _scan(text, options, whole=False)


_EDGES = string.whitespace + "\u00a0\u3000.,;:!?()[]{}<>\"'“”‘’«»"
_PRECEDENCE = re.compile(words.DTG_PRECEDENCE, re.IGNORECASE)


def parse_date(text: str, options: DateOptions = _DEFAULTS) -> ParsedDate | None:
    """The date when ``text`` is nothing but a date (edges of space and punctuation allowed;
    a date-time group may follow its precedence letter: ``P 211530Z NOV 67``)."""
    start = len(text) - len(text.lstrip(_EDGES))
    found = _whole(text, start, options)
    precedence = _PRECEDENCE.match(text, start) if found is None else None
    return _whole(text, precedence.end(), options) if precedence else found


def _whole(text: str, start: int, options: DateOptions) -> ParsedDate | None:
    found = _scan(text[start:], options, whole=True)
    # A period may end the date ("1959 г.") or the sentence: the date keeps what it matched.
    if len(found) != 1 or found[0].start != 0 or text[start + found[0].end :].strip(_EDGES):
        return None
    return replace(found[0], start=start, end=start + found[0].end)
