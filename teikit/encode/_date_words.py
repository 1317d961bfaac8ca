"""How dates are spelled, for :mod:`teikit.encode.dates`: words and the patterns built on them.

Month and weekday names per language are data (keys in lower case). A name that ends in
``.`` matches only with its period (``ago.`` is Spanish/Italian August, ``ago`` is an English
word); any other name also matches with an optional period after it (``Sept`` and ``Sept.``).
"""

# Dates are written in many scripts: dashes, quotes, Cyrillic and CJK characters are meant.

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

_MONTHS_EN = (
    ("january", "jan"),
    ("february", "feb", "febr"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
_MONTHS_FR = (
    ("janvier", "janv"),
    ("février", "fevrier", "févr", "fevr", "fév", "fev"),
    ("mars",),
    ("avril", "avr"),
    ("mai",),
    ("juin",),
    ("juillet", "juil"),
    ("août", "aout"),
    ("septembre", "sept"),
    ("octobre", "oct"),
    ("novembre", "nov"),
    ("décembre", "decembre", "déc", "dec"),
)
_MONTHS_DE = (
    ("januar", "jänner", "jaenner", "jan"),
    ("februar", "feber", "feb", "febr"),
    ("märz", "maerz", "mär"),
    ("april", "apr"),
    ("mai",),
    ("juni", "jun"),
    ("juli", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("oktober", "okt"),
    ("november", "nov"),
    ("dezember", "dez"),
)
_MONTHS_ES = (
    ("enero", "ene"),
    ("febrero", "feb"),
    ("marzo", "mar"),
    ("abril", "abr"),
    ("mayo", "may"),
    ("junio", "jun"),
    ("julio", "jul"),
    ("agosto", "ago."),
    ("septiembre", "setiembre", "sept", "sep", "set."),
    ("octubre", "oct"),
    ("noviembre", "nov"),
    ("diciembre", "dic"),
)
_MONTHS_IT = (
    ("gennaio", "genn", "gen"),
    ("febbraio", "febbr", "feb"),
    ("marzo", "mar"),
    ("aprile", "apr"),
    ("maggio", "magg", "mag"),
    ("giugno", "giu"),
    ("luglio", "lug"),
    ("agosto", "ago."),
    ("settembre", "sett", "set."),
    ("ottobre", "ott"),
    ("novembre", "nov"),
    ("dicembre", "dic"),
)
# Nominative, genitive ("21 сентября"), prepositional ("в сентябре"), abbreviations.
_MONTHS_RU = (
    ("январь", "января", "январе", "янв"),
    ("февраль", "февраля", "феврале", "фев", "февр"),
    ("март", "марта", "марте", "мар"),
    ("апрель", "апреля", "апреле", "апр"),
    ("май", "мая", "мае"),
    ("июнь", "июня", "июне", "июн"),
    ("июль", "июля", "июле", "июл"),
    ("август", "августа", "августе", "авг"),
    ("сентябрь", "сентября", "сентябре", "сент", "сен"),
    ("октябрь", "октября", "октябре", "окт"),
    ("ноябрь", "ноября", "ноябре", "нояб", "ноя"),
    ("декабрь", "декабря", "декабре", "дек"),
)
# Chinese dates are written with 年/月/日 and need no month names.
_MONTHS: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": _MONTHS_EN,
    "fr": _MONTHS_FR,
    "de": _MONTHS_DE,
    "es": _MONTHS_ES,
    "it": _MONTHS_IT,
    "ru": _MONTHS_RU,
    "zh": (),
}

# Monday first, as in ``datetime.date.weekday()``.
_WEEKDAYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (
        ("monday", "mon"),
        ("tuesday", "tue", "tues"),
        ("wednesday", "wed"),
        ("thursday", "thu", "thur", "thurs"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ),
    "fr": (("lundi",), ("mardi",), ("mercredi",), ("jeudi",), ("vendredi",), ("samedi",),
           ("dimanche",)),
    "de": (("montag",), ("dienstag",), ("mittwoch",), ("donnerstag",), ("freitag",),
           ("samstag", "sonnabend"), ("sonntag",)),
    "es": (("lunes",), ("martes",), ("miércoles", "miercoles"), ("jueves",), ("viernes",),
           ("sábado", "sabado"), ("domingo",)),
    "it": (("lunedì", "lunedi"), ("martedì", "martedi"), ("mercoledì", "mercoledi"),
           ("giovedì", "giovedi"), ("venerdì", "venerdi"), ("sabato",), ("domenica",)),
    "ru": (("понедельник",), ("вторник",), ("среда",), ("четверг",), ("пятница",),
           ("суббота",), ("воскресенье",)),
    "zh": (),
}

LANGUAGES = tuple(_MONTHS)

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
    names: dict[str, int] = {}
    for language in languages:
        if language not in table:
            raise ValueError(f"no date words for language {language!r}; known: {LANGUAGES}")
        for number, spellings in enumerate(table[language], start=base):
            for spelling in spellings:
                names[spelling] = number
    return names


@functools.cache  # read-only tables, asked for on every date lookup
def month_names(languages: tuple[str, ...]) -> dict[str, int]:
    """Every month name of ``languages`` mapped to its number (1-12)."""
    return _index(_MONTHS, languages, 1)


@functools.cache  # read-only tables, asked for on every date lookup
def abbreviations(languages: tuple[str, ...]) -> frozenset[str]:
    """The month names of ``languages`` that shorten a longer one (``sep``, ``okt``, ``ago.``)
    and are no month's full name in any language (``may`` and ``mai`` are not abbreviations)."""
    full = {spellings[0] for table in _MONTHS.values() for spellings in table}
    return frozenset(
        short for language in languages for spellings in _MONTHS[language] for short in spellings
        if short not in full
        and any(s != short and s.startswith(short.rstrip(".")) for s in spellings)
    )


@functools.cache  # read-only tables, asked for on every date lookup
def weekday_names(languages: tuple[str, ...]) -> dict[str, int]:
    """Every weekday name of ``languages`` mapped to its number (Monday is 0)."""
    return _index(_WEEKDAYS, languages, 0)


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
_DAY = r"(?<!\d)(?P<{0}>[0-3]?\d)(?!\d)(?:st|nd|rd|th|d|er|º|\.º)?\.?"  # 2d. = 2nd (old use)
_YEAR = r"(?P<y>['’]?\d\d(?:\d\d)?)(?!\d)(?:\s{0,2}(?:года|год|г\.?)" + _IN + ")?"
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


def named_patterns(months: dict[str, int], weekdays: dict[str, int]) -> tuple[str, str, str]:
    """Day month year, month day year, month year: the forms spelled with month names."""
    month = _OUT + "(?P<{0}>" + _alternation(months) + r")\.?" + _IN
    m1, m2, d1, d2 = month.format("m1"), month.format("m2"), _DAY.format("d1"), _DAY.format("d2")
    weekday = rf"(?:{_OUT}(?P<wd>{_alternation(weekdays)})\.?{_IN},?\s{{1,3}})?"
    article = rf"(?:{_OUT}(?:{'|'.join(ARTICLES)})\s{{1,3}})?"
    day_month_year = (
        _gate(weekdays, ARTICLES, digits=r"\d") + weekday + article
        + rf"(?:{d1}(?:\s{{0,3}}{m1})?{RANGE})?{d2}\s{{0,3}}(?:(?:of|de)\s{{1,3}})?{m2}"
        + rf"(?:,?\s{{0,3}}|\s{{1,3}}del?\s{{1,3}}){_YEAR}"
    )
    month_day_year = (
        _gate(weekdays, months) + weekday + m1
        + rf"\s{{0,3}}(?:(?P<gap>—|–|-{{1,3}}|_{{1,8}})|{d1}(?:{RANGE}(?:{m2}\s{{0,3}})?{d2})?)"
        + rf",?\s{{0,3}}{_YEAR}"
    )
    month_year = (
        rf"{_gate(months)}(?:{m1}\s{{0,3}}[-–—/]\s{{0,3}})?{m2}"
        rf"(?:,?\s{{1,3}}|\s{{1,3}}(?:del?|of)\s{{1,3}})(?P<y>\d{{4}}|['’]\d\d)(?!\d)"
        rf"(?:\s{{0,2}}(?:года|год|г\.?){_IN})?"
    )
    return day_month_year, month_day_year, month_year


def month_word(months: dict[str, int]) -> str:
    """Any one month name, alone: to find the places where named dates can be."""
    return rf"{_gate(months)}{_OUT}(?:{_alternation(months)})\.?{_IN}"


ISO_DATE = rf"(?P<y>\d{_NUM_OUT}\d{{3}})(?P<s>[-/.])(?P<m>\d\d?)(?P=s)(?P<d>\d\d?){_NUM_IN}"
NUMERIC_DATE = rf"(?P<a>\d{_NUM_OUT}\d?)(?P<s>[-/.])(?P<b>\d\d?)(?P=s)(?P<y>\d{{4}}|\d\d){_NUM_IN}"
ROMAN_DATE = (rf"(?P<d>\d{_NUM_OUT}\d?)(?P<s>\.\s?|/|-)(?P<m>{_ROMAN})(?P=s)"
              rf"(?P<y>\d{{4}}|\d\d){_NUM_IN}")
ISO_YEAR_MONTH = r"(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])(?!\d)"
YEAR_ALONE = r"(?<!\d)(?P<y>\d{4})(?!\d)(?:\s?年)?"
CJK_DATE = (rf"(?=[0-9０-９〇○零一二三四五六七八九])(?<!{_CJK_DIGIT}){_CJK_YEAR}\s?年"
            rf"\s?{_CJK_MONTH}\s?月(?:\s?{_CJK_DAY}\s?[日号號])?")

# A time of day right after a date: "—10 p.m.", ", 8:15 p.m.", ", noon", ", 0925Z", " 14:30".
TIME = (r"(?:\s{0,3}[—–-]\s{0,3}|,\s{1,3}|\s{1,3}at\s{1,3}|\s{1,3})"
        r"(?:(?P<noon>noon)|(?P<zulu>\d{4})\s?(?:Z|GMT|UTC)"
        r"|(?P<hour>\d\d?)(?:[:.](?P<minute>\d\d))?\s{0,2}(?P<half>[ap])(?:\.\s?m\.?|m)"
        r"|(?P<hour24>\d\d?):(?P<minute24>\d\d)(?:\s{0,2}(?:h|hrs|hours|Uhr))?)" + _IN)
