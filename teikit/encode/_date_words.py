"""Words that name months and weekdays, per language, as data for :mod:`teikit.encode.dates`.

Keys are lower case. A name that ends in ``.`` matches only with its period (``ago.`` is
Spanish/Italian August, ``ago`` is an English word); any other name also matches with an
optional period after it (``Sept`` and ``Sept.``).
"""

# Dates are written in many scripts: dashes, quotes, Cyrillic and CJK characters are meant.

from __future__ import annotations

from collections.abc import Mapping

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


def month_names(languages: tuple[str, ...]) -> dict[str, int]:
    """Every month name of ``languages`` mapped to its number (1-12)."""
    return _index(_MONTHS, languages, 1)


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
