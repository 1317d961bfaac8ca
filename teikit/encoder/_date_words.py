"""How dates are spelled, for :mod:`teikit.encoder.dates`: words and the patterns built on them.

Month and weekday names per language are data (:mod:`teikit.encoder._date_names`). A name
that ends in ``.`` matches only with its period (``ago.`` is Spanish/Italian August, ``ago``
is an English word); any other name also matches with an optional period after it (``Sept``
and ``Sept.``).
"""

# Dates are written in many scripts: dashes, quotes, Cyrillic and CJK characters are meant.

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from teikit.encoder import _date_names as names

LANGUAGES = names.DEFAULT_LANGUAGES
"""The languages read unless ``DateOptions.languages`` says otherwise."""
KNOWN_LANGUAGES = names.KNOWN_LANGUAGES

# English month names that are also common words: in running text they must be capitalised.
COMMON_WORDS = frozenset({"may", "march", "mar"})

# Words that may stand between the parts of a date ("the 3rd of March", "21 de septiembre").
ARTICLES = ("the", "le", "den", "el", "il")
RANGE_WORDS = ("to", "until", "au", "bis", "al", "по", "до")

ROMAN_MONTHS = {
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6,
    "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12,
}

# Chinese numerals as used in dates: 一九六五年三月二十一日, 廿一日, 卅日.
CJK_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CJK_TENS = {"十": 10, "廿": 20, "卅": 30}


def _index(table: Mapping[str, tuple[tuple[str, ...], ...]], languages: tuple[str, ...],
           base: int) -> dict[str, int]:
    found: dict[str, int] = {}
    for language in languages:
        if language not in table:
            raise ValueError(f"no date words for language {language!r}; "
                             f"known: {KNOWN_LANGUAGES}")
        for number, spellings in enumerate(table[language], start=base):
            for spelling in spellings:
                found[spelling] = number
    return found


@functools.cache  # read-only tables, asked for on every date lookup
def month_names(languages: tuple[str, ...]) -> dict[str, int]:
    """Every month name of ``languages`` mapped to its number (1-12)."""
    return _index(names.MONTHS, languages, 1)


@functools.cache  # read-only tables, asked for on every date lookup
def abbreviations(languages: tuple[str, ...]) -> frozenset[str]:
    """The month names of ``languages`` that shorten a longer one (``sep``, ``okt``, ``ago.``)
    and are no month's full name in any language (``may`` and ``mai`` are not abbreviations)."""
    full = {spellings[0] for table in names.MONTHS.values() for spellings in table}
    return frozenset(
        short for language in languages for spellings in names.MONTHS[language]
        for short in spellings if short not in full
        and any(s != short and s.startswith(short.rstrip(".")) for s in spellings)
    )


@functools.cache  # read-only tables, asked for on every date lookup
def weekday_names(languages: tuple[str, ...]) -> dict[str, int]:
    """Every weekday name of ``languages`` mapped to its number (Monday is 0)."""
    return _index(names.WEEKDAYS, languages, 0)


def cjk_number(text: str) -> int:
    """``1965``, ``１９６５``, ``一九六五``, ``二十一``, ``廿一``, ``十`` → an int."""
    if text.isdecimal():
        return int(text)  # also reads full-width digits
    if all(ch in CJK_DIGITS for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + CJK_DIGITS[ch]
        return value
    if text[0] in CJK_TENS:
        tens, rest = CJK_TENS[text[0]], text[1:]
    else:
        head, _, rest = text.partition("十")
        tens = 10 * (CJK_DIGITS[head] if head else 1)
    return tens + (CJK_DIGITS[rest] if rest else 0)


# --- regular expressions (bounded repetition only: matching is linear) ---

def _alternation(names: dict[str, int]) -> str:
    """The names as a prefix tree (``s(?:ep(?:t(?:ember)?)?)``...), then an optional period.

    A tree fails at the first letter where a flat list of 250 names would try each one:
    it makes scanning running text several times faster.
    """
    root: dict[str, dict[str, Any]] = {}
    for name in names:
        node = root
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here

    def branch(node: dict[str, Any]) -> str:
        options = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        body = options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"
        return "" if not options else f"(?:{body})?" if "" in node else body

    return branch(root)


_OUT, _IN = r"(?<![^\W\d_])", r"(?![^\W\d_])"  # no letter just before / just after
# 2d. = 2nd (old use); 12ης = 12th (Greek)
_DAY = r"(?<!\d)(?P<{0}>[0-3]?\d)(?!\d)(?:st|nd|rd|th|d|er|ης|η|º|\.º)?\.?"
# The word for "year" after it: 1959 г., 1952 r., 1952 roku, 1952. godine, 1952. године.
_YEAR_WORD = r"(?:\.?\s{0,2}(?:года|год\.?|г\.?|godine|god\.|године|roku|r\.)" + _IN + ")?"
_YEAR = r"(?P<y>['’]?\d\d(?:\d\d)?)(?!\d)" + _YEAR_WORD
# A number right after a month or day: the year a year-less form must not leave out.
_NO_YEAR_AFTER = r"(?!,?\s{0,3}['’]?\d|\s{0,3}[-–—]\s{0,3}\d)"
RANGE = r"(?:\s{0,3}[-–—]\s{0,3}|\s{1,3}(?:to|until|au|bis|al|по|до)\s{1,3})"
# After the first digit, so that the regex engine can skip ahead to digits (twice as fast).
_NUM_OUT, _NUM_IN = r"(?<![\w./-]\d)", r"(?![\w]|[-./]\d)"
_ROMAN = "|".join(sorted(ROMAN_MONTHS, key=len, reverse=True))
_CJK_DIGIT = "[0-9０-９]"
_CJK_1_9 = "[一二三四五六七八九]"
_CJK_YEAR = rf"(?P<y>{_CJK_DIGIT}{{4}}|[〇○零一二三四五六七八九]{{4}})"
_CJK_MONTH = rf"(?P<m>{_CJK_DIGIT}{{1,2}}|十[一二]?|[一二三四五六七八九])"
_CJK_DAY = rf"(?P<d>{_CJK_DIGIT}{{1,2}}|[二三]?十{_CJK_1_9}?|[廿卅]{_CJK_1_9}?|{_CJK_1_9})"


def _gate(*names: Iterable[str], digits: str = "") -> str:
    """A look-ahead at the characters a match can start with, so that the engine skips to
    them instead of trying the whole pattern everywhere (a third faster or more)."""
    first = {case(n[0]) for group in names for n in group for case in (str.lower, str.upper)}
    return f"(?=[{re.escape(''.join(sorted(first)))}{digits}])"


_ARTICLE = rf"(?:{_OUT}(?:{'|'.join(ARTICLES)})\s{{1,3}})?"


def _weekday(weekdays: dict[str, int]) -> str:
    return rf"{_OUT}(?P<wd>{_alternation(weekdays)})\.?{_IN}(?:\s{{0,2}},\s{{0,3}}|\s{{1,3}})"


def weekday_prefix(weekdays: dict[str, int]) -> str:
    """A weekday name and its comma before a date (``Monday, ``, ``Freitag, den ``)."""
    return _weekday(weekdays) + _ARTICLE


def named_patterns(months: dict[str, int], weekdays: dict[str, int]) -> tuple[str, ...]:
    """Day month year, month day year, month year, and year month day (Hungarian ``1952.
    május 12.``): the forms spelled with month names."""
    month = _OUT + "(?P<{0}>" + _alternation(months) + r")\.?" + _IN
    m1, m2, d1, d2 = month.format("m1"), month.format("m2"), _DAY.format("d1"), _DAY.format("d2")
    weekday = rf"(?:{_weekday(weekdays)})?"
    day_month_year = (
        _gate(weekdays, ARTICLES, digits=r"\d") + weekday + _ARTICLE
        + rf"(?:{d1}(?:\s{{0,3}}{m1})?{RANGE})?{d2}\s{{0,3}}"
        + r"(?:(?:day\s{1,3})?(?:of|de)\s{1,3})?"  # "the 12th day of May 1960"
        + rf"{m2}(?:,?\s{{0,3}}|\s{{1,3}}del?\s{{1,3}}){_YEAR}"
    )
    month_day_year = (
        _gate(weekdays, months) + weekday + m1
        + rf"\s{{0,3}}(?:(?P<gap>—|–|-{{1,3}}|_{{1,8}})|{d1}(?:{RANGE}(?:{m2}\s{{0,3}})?{d2})?)"
        + rf",?\s{{0,3}}{_YEAR}"
    )
    month_year = (
        rf"{_gate(months)}(?:{m1}\s{{0,3}}[-–—/]\s{{0,3}})?{m2}"
        rf"(?:,?\s{{1,3}}|\s{{1,3}}(?:del?|of)\s{{1,3}})(?P<y>\d{{4}}|['’]\d\d)(?!\d)"
        + _YEAR_WORD
    )
    suffix = rf"(?:-(?:jén|ján|én|án|ei|ai|i){_IN})?"  # on the 12th: ``május 12-én``
    year_month_day = (  # ``1959. június 12.``, ``1959. június 12–14.``, ``… 30.–július 2.``
        rf"(?<!\d)(?P<y>\d{{4}})\.\s{{1,3}}{m1}\s{{1,3}}{d1}{suffix}"
        rf"(?:{RANGE}(?:{m2}\s{{1,3}})?{d2}{suffix})?"
    )
    return day_month_year, month_day_year, month_year, year_month_day


def yearless_patterns(months: dict[str, int], weekdays: dict[str, int]) -> tuple[str, str]:
    """Day month and month day with no year after them (``18 June``, ``June 18``,
    ``Mittwoch, 7. Dez.``): read only when the caller gives the year."""
    month = _OUT + "(?P<{0}>" + _alternation(months) + r")\.?" + _IN
    weekday = rf"(?:{_weekday(weekdays)})?"
    day_month = (
        _gate(weekdays, ARTICLES, digits=r"\d") + weekday + _ARTICLE + _DAY.format("d2")
        + rf"\s{{0,3}}(?:(?:of|de)\s{{1,3}})?{month.format('m2')}{_NO_YEAR_AFTER}"
    )
    month_day = (
        _gate(weekdays, months) + weekday + month.format("m1") + r"\s{0,3}"
        + _DAY.format("d1") + _NO_YEAR_AFTER
    )
    return day_month, month_day


def weekday_day_pattern(weekdays: dict[str, int]) -> str:
    """A weekday and a day number alone (``Monday 7th``, ``Mi., 9.``): read only when the
    caller gives the month and year."""
    return _weekday(weekdays) + _ARTICLE + _DAY.format("d1") + _NO_YEAR_AFTER


def name_word(names: dict[str, int]) -> str:
    """Any one month (or weekday) name, alone: to find the places where dates spelled with
    one can be."""
    return rf"{_gate(names)}{_OUT}(?:{_alternation(names)})\.?{_IN}"


ISO_DATE = rf"(?P<y>\d{_NUM_OUT}\d{{3}})(?P<s>[-/.])(?P<m>\d\d?)(?P=s)(?P<d>\d\d?){_NUM_IN}"
NUMERIC_DATE = rf"(?P<a>\d{_NUM_OUT}\d?)(?P<s>[-/.])(?P<b>\d\d?)(?P=s)(?P<y>\d{{4}}|\d\d){_NUM_IN}"
ROMAN_DATE = (rf"(?P<d>\d{_NUM_OUT}\d?)(?P<s>\.\s?|/|-)(?P<m>{_ROMAN})(?P=s)"
              rf"(?P<y>\d{{4}}|\d\d){_NUM_IN}")
ISO_YEAR_MONTH = r"(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])(?!\d)"
# A military date-time group: day, hour, minute, time zone letter, month, year.
DTG_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
              "dec")
DTG_DATE = (r"(?=[0-3])(?<!\w)(?P<d>[0-3]\d)(?P<hh>[0-2]\d)(?P<mi>[0-5]\d)"
            r"\s?(?P<zone>[A-IK-Z])"
            rf"\s{{0,3}}(?P<m>{'|'.join(DTG_MONTHS)})\s{{0,3}}(?P<y>\d{{4}}|\d\d)(?!\w|[-./]\d)")
# Precedence before a date-time group (flash, immediate, priority, routine): "P 211530Z".
DTG_PRECEDENCE = r"(?:ZZ|OO|PP|RR|[ZOPR])\s{1,3}(?=\d{6})"
# Time zone letters of date-time groups: A-I and K-M east of Greenwich, N-Y west, Z UTC.
DTG_ZONES = {
    **{letter: f"+{hours:02d}:00" for hours, letter in enumerate("ABCDEFGHIKLM", start=1)},
    **{letter: f"-{hours:02d}:00" for hours, letter in enumerate("NOPQRSTUVWXY", start=1)},
    "Z": "Z",
}
YEAR_ALONE = r"(?<!\d)(?P<y>\d{4})(?!\d)(?:\s?年)?"
CJK_DATE = (rf"(?=[0-9０-９〇○零一二三四五六七八九])(?<!{_CJK_DIGIT}){_CJK_YEAR}\s?年"
            rf"\s?{_CJK_MONTH}\s?月(?:\s?{_CJK_DAY}\s?[日号號])?")

# A time of day right after a date: "—10 p.m.", ", 8:15 p.m.", ", noon", ", 0925Z", " 14:30".
TIME = (r"(?:\s{0,3}[—–-]\s{0,3}|,\s{1,3}|\s{1,3}at\s{1,3}|\s{1,3})"
        r"(?:(?P<noon>noon)|(?P<zulu>\d{4})\s?(?:Z|GMT|UTC)"
        r"|(?P<hour>\d\d?)(?:[:.](?P<minute>\d\d))?\s{0,2}(?P<half>[ap])(?:\.\s?m\.?|m)"
        r"|(?P<hour24>\d\d?):(?P<minute24>\d\d)(?:\s{0,2}(?:h|hrs|hours|Uhr))?)" + _IN)
