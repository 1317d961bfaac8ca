"""Dates: data-driven cases (tests/data/dates/*.tsv) and property tests.

The property tests render random calendar dates in every supported form with month names
spelled here, independently of the module's own tables, and read them back.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teikit.encoder import _date_words
from teikit.encoder.dates import DateOptions, ParsedDate, find_dates, parse_date

DATA = Path(__file__).parent / "data" / "dates"
PRECEDENCE = re.compile(r"^(ZZ|OO|PP|RR|[ZOPR])\s+")  # before a date-time group, not in it


def rows(name: str) -> list[Any]:
    """One parameter set per data line, named by its line number and input."""
    params = []
    for number, line in enumerate((DATA / name).read_text("utf-8").splitlines(), start=1):
        if line.startswith("#") or not line.strip():
            continue
        text, options, expected = line.split("\t")
        params.append(pytest.param(text, options, expected, id=f"{number}:{text.strip()}"))
    return params


def options_from(spec: str) -> DateOptions:
    """``month_first``, ``pivot=30``, ``pivot=None``, ``lang=en+fr``, ``times=off``,
    ``year=1957`` (the year of dates written without one), ``month=3`` (and the month of
    those written with a weekday and a day alone)."""
    settings: dict[str, Any] = {}
    for item in spec.split(","):
        key, _, value = item.partition("=")
        if key == "month_first":
            settings["day_first"] = False
        elif key == "pivot":
            settings["century_pivot"] = None if value == "None" else int(value)
        elif key == "lang":
            settings["languages"] = tuple(value.split("+"))
        elif key == "times":
            settings["times"] = value == "on"
        elif key == "year":
            settings["default_year"] = int(value)
        elif key == "month":
            settings["default_month"] = int(value)
        else:
            assert key == "-", f"unknown option {item!r} in a data file"
    return DateOptions(**settings)


def reading(found: ParsedDate) -> str:
    """What a date says, in the notation of the data files."""
    if found.problem is not None:
        assert found.when is found.from_ is found.to is None
        return "problem"
    if found.when is not None:
        assert found.from_ is found.to is None
        return found.when
    assert found.from_ is not None and found.to is not None
    return f"{found.from_}/{found.to}"


@pytest.mark.parametrize(("text", "options", "expected"), rows("cases.tsv"))
def test_parse_date_cases(text: str, options: str, expected: str) -> None:
    found = parse_date(text, options_from(options))
    if expected == "none":
        assert found is None
        return
    assert found is not None
    assert text[found.start : found.end] == found.text
    assert not PRECEDENCE.sub("", text[: found.start]).strip(" []().")
    kind, _, words = expected.partition(":")
    if kind == "problem":
        assert reading(found) == "problem"
        assert words in (found.problem or "")
    else:
        assert reading(found) == expected


@pytest.mark.parametrize(("text", "options", "expected"), rows("find.tsv"))
def test_find_dates_cases(text: str, options: str, expected: str) -> None:
    found = find_dates(text, options_from(options))
    got = [f"{d.text} => {reading(d)}" for d in found]
    assert got == ([] if expected == "-" else expected.split(" | "))
    for date in found:
        assert text[date.start : date.end] == date.text


def test_data_files_are_large_enough() -> None:
    assert len(rows("cases.tsv")) >= 80


def test_problem_dates_say_why() -> None:
    found = parse_date("31 June 1959")
    assert found is not None and not found.resolved
    assert found.problem == "1959-06 has no day 31"


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="xx"):
        parse_date("21 September 1959", DateOptions(languages=("en", "xx")))


@pytest.mark.parametrize("language", _date_words.KNOWN_LANGUAGES)
def test_month_tables_cover_every_month(language: str) -> None:
    months = _date_words.month_names((language,))
    weekdays = _date_words.weekday_names((language,))
    # Chinese writes months and Vietnamese names them by number (月, tháng 11): no table
    assert language in {"zh", "vi"} or set(months.values()) == set(range(1, 13))
    assert language == "zh" or set(weekdays.values()) == set(range(7))
    assert all(name == name.lower() for name in [*months, *weekdays])


@pytest.mark.parametrize("table", [_date_words.month_names, _date_words.weekday_names])
def test_names_never_disagree_between_the_default_languages(
        table: Callable[[tuple[str, ...]], dict[str, int]]) -> None:
    seen: dict[str, int] = {}
    for language in _date_words.LANGUAGES:
        for name, number in table((language,)).items():
            assert seen.setdefault(name, number) == number, (language, name)


def test_croatian_is_known_but_not_read_by_default() -> None:
    assert "hr" in _date_words.KNOWN_LANGUAGES and "hr" not in _date_words.LANGUAGES
    croatian = DateOptions(languages=("hr",))
    assert getattr(parse_date("5. listopada 1958.", croatian), "when", None) == "1958-10-05"


def test_a_date_without_a_year_is_never_guessed() -> None:
    assert parse_date("June 18") is None and find_dates("on June 18 we sailed") == []
    found = parse_date("June 18", DateOptions(default_year=1957))
    assert found is not None and found.when == "1957-06-18"


def test_a_precedence_letter_is_not_part_of_the_date() -> None:
    found = parse_date("P 211530Z NOV 67")
    assert found is not None and (found.text, found.start) == ("211530Z NOV 67", 2)


# --- property tests ------------------------------------------------------------------------

EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December"]
FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
      "octobre", "novembre", "décembre"]
DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
      "Oktober", "November", "Dezember"]
ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
      "octubre", "noviembre", "diciembre"]
IT = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
      "settembre", "ottobre", "novembre", "dicembre"]
RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
      "октября", "ноября", "декабря"]
EL = ["Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου", "Ιουλίου",
      "Αυγούστου", "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου"]
PL = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
      "września", "października", "listopada", "grudnia"]
CS = ["ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září",
      "října", "listopadu", "prosince"]
HU = ["január", "február", "március", "április", "május", "június", "július", "augusztus",
      "szeptember", "október", "november", "december"]
RO = ["ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august",
      "septembrie", "octombrie", "noiembrie", "decembrie"]
SR = ["јануара", "фебруара", "марта", "априла", "маја", "јуна", "јула", "августа", "септембра",
      "октобра", "новембра", "децембра"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CJK = "〇一二三四五六七八九"


def greek_capitals(word: str) -> str:
    """Greek in capitals drops the tonos and keeps the dialytika (``ΜΑΪΟΥ``)."""
    bare = unicodedata.normalize("NFD", word).replace("\u0301", "")
    return unicodedata.normalize("NFC", bare).upper()


def ordinal(day: int) -> str:
    suffix = "th" if day in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def cjk_small(n: int) -> str:
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CJK[tens] + "十")
    return head + (CJK[units] if units else "")


def abbreviated(d: dt.date) -> str:
    name = EN[d.month - 1]
    return name[:4] if d.month == 9 else name[:3]


Render = Callable[[dt.date], str]
FOUR_DIGIT: list[Render] = [
    lambda d: f"{EN[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{abbreviated(d)}. {d.day}, {d.year}",
    lambda d: f"{EN[d.month - 1]} {ordinal(d.day)}, {d.year}",
    lambda d: f"{d.day} {EN[d.month - 1]} {d.year}",
    lambda d: f"{ordinal(d.day)} {EN[d.month - 1]} {d.year}",
    lambda d: f"the {ordinal(d.day)} of {EN[d.month - 1]}, {d.year}",
    lambda d: f"{WEEKDAYS[d.weekday()]}, {d.day} {EN[d.month - 1]} {d.year}",
    lambda d: f"{d.day} {abbreviated(d).upper()} {d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{d.year}/{d.month}/{d.day}",
    lambda d: f"{d.day}.{ROMAN[d.month - 1]}.{d.year}",
    lambda d: f"{d.day}/{ROMAN[d.month - 1]}/{d.year}",
    lambda d: f"{d.day}/{d.month}/{d.year}",
    lambda d: f"{d.day}.{d.month}.{d.year}",
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: "".join(CJK[int(c)] for c in str(d.year)) + f"年{cjk_small(d.month)}月"
    f"{cjk_small(d.day)}日",
    lambda d: f"{d.day} {FR[d.month - 1]} {d.year}",
    lambda d: f"{d.day}. {DE[d.month - 1]} {d.year}",
    lambda d: f"{d.day} de {ES[d.month - 1]} de {d.year}",
    lambda d: f"{d.day} {IT[d.month - 1]} {d.year}",
    lambda d: f"{d.day} {RU[d.month - 1]} {d.year} г.",
    lambda d: f"{d.day} {EL[d.month - 1]} {d.year}",
    lambda d: f"{d.day} {greek_capitals(EL[d.month - 1])} {d.year}",
    lambda d: f"{d.day} {PL[d.month - 1]} {d.year} r.",
    lambda d: f"{d.day}. {CS[d.month - 1]} {d.year}",
    lambda d: f"{d.year}. {HU[d.month - 1]} {d.day}.",
    lambda d: f"{d.day} {RO[d.month - 1]} {d.year}",
    lambda d: f"{d.day}. {SR[d.month - 1]} {d.year}. године",
    lambda d: f"{d.day:02d}1200Z {EN[d.month - 1][:3].upper()} {d.year}",
]
TWO_DIGIT: list[Render] = [
    lambda d: f"{d.day} {abbreviated(d).upper()} {d.year % 100:02d}",
    lambda d: f"{d.day}{abbreviated(d).upper()}{d.year % 100:02d}",
    lambda d: f"{d.day}.{ROMAN[d.month - 1]}.{d.year % 100:02d}",
    lambda d: f"{d.day}/{d.month}/{d.year % 100:02d}",
    lambda d: f"{abbreviated(d)}. {d.day}, '{d.year % 100:02d}",
]
FOUR = st.dates(dt.date(1000, 1, 1), dt.date(2099, 12, 31))
TWO = st.dates(dt.date(1900, 1, 1), dt.date(1999, 12, 31))


@settings(max_examples=100)
@given(FOUR, st.sampled_from(range(len(FOUR_DIGIT))))
def test_every_form_reads_back_four_digit_years(day: dt.date, form: int) -> None:
    text = FOUR_DIGIT[form](day)
    found = parse_date(text)
    assert found is not None and (found.when or "")[:10] == day.isoformat(), text
    inside = find_dates(f"Sent from Valmora, {text}. Received.")
    assert [(d.text, (d.when or "")[:10]) for d in inside] == [(text, day.isoformat())]


@settings(max_examples=40)
@given(TWO, st.sampled_from(range(len(TWO_DIGIT))))
def test_every_form_reads_back_two_digit_years(day: dt.date, form: int) -> None:
    text = TWO_DIGIT[form](day)
    found = parse_date(text)
    assert found is not None and found.when == day.isoformat(), text
    assert [d.when for d in find_dates(f"Sent {text} (copy)")] == [day.isoformat()]


@settings(max_examples=30)
@given(FOUR, st.integers(0, 27))
def test_day_ranges_read_back(first: dt.date, length: int) -> None:
    last = first + dt.timedelta(days=length)
    if last.month != first.month:
        text = f"{first.day} {EN[first.month - 1]} – {last.day} {EN[last.month - 1]} {last.year}"
        if last.year != first.year:
            text = f"{first.day} {EN[first.month - 1]} {first.year} – " + text.split("– ")[1]
    else:
        text = f"{first.day}–{last.day} {EN[first.month - 1]} {first.year}"
    found = parse_date(text)
    assert found is not None and (found.from_, found.to) == (str(first), str(last)), text


@settings(max_examples=40)
@given(FOUR, st.integers(0, 23), st.integers(0, 59), st.sampled_from(range(3)))
def test_times_of_day_read_back(day: dt.date, hour: int, minute: int, style: int) -> None:
    half = f"{(hour + 11) % 12 + 1}:{minute:02d} {'p.m.' if hour >= 12 else 'a.m.'}"
    clock = [f"—{half}", f", {hour:02d}{minute:02d}Z", f" {hour}:{minute:02d}"][style]
    text = f"{EN[day.month - 1]} {day.day}, {day.year}{clock}"
    zone = "Z" if style == 1 else ""
    expected = f"{day.isoformat()}T{hour:02d}:{minute:02d}:00{zone}"
    assert [(d.text, d.when) for d in find_dates(f"Sent {text}. Read")] == [(text, expected)]


@settings(max_examples=30)
@given(st.dates(dt.date(1000, 1, 1), dt.date(2099, 12, 31)).filter(lambda d: d.day > 12))
def test_month_first_swaps_numeric_dates(day: dt.date) -> None:
    month_first = DateOptions(day_first=False)
    assert getattr(parse_date(f"{day.month}/{day.day}/{day.year}", month_first), "when",
                   None) == str(day)
    found = parse_date(f"{day.month}/{day.day}/{day.year}")
    assert found is not None and found.problem is not None  # day-first: month > 12


DATEISH = st.lists(st.sampled_from([
    "21", "3", "31", "1959", "59", "'59", " ", "  ", ",", ".", "-", "–", "—", "/", "IX", "vii",
    "September", "Sept.", "SEP", "May", "may", "mars", "сентября", "de", "of", "the", "to",
    "Monday", "年", "月", "日", "一九", "十", "st", "\n", "x", "г.", "__", "[", "]", "2460",
    "0925Z", "p.m.", ":", "noon", "Oct", "d.",
]), max_size=40).map("".join)


def check_spans(text: str, found: list[ParsedDate]) -> None:
    end = 0
    for date in found:
        assert end <= date.start < date.end <= len(text)
        assert text[date.start : date.end] == date.text
        reading(date)  # exactly one of: when, from/to, problem
        end = date.end


@settings(max_examples=200)
@given(st.one_of(st.text(), DATEISH))
def test_find_dates_never_overlaps(text: str) -> None:
    check_spans(text, find_dates(text))


@settings(max_examples=200)
@given(st.one_of(st.text(), DATEISH), st.booleans(), st.sampled_from([None, 0, 30, 100]))
def test_parse_date_never_crashes(text: str, day_first: bool, pivot: int | None) -> None:
    found = parse_date(text, DateOptions(day_first=day_first, century_pivot=pivot))
    if found is not None:
        check_spans(text, [found])


@pytest.mark.slow
def test_scanning_is_linear_on_hostile_text() -> None:
    """Long runs of near-dates: doubling the input must not much more than double the time."""
    import time

    unit = "21 September, 12/5/ 1.IX. 1959年3月 Monday, the 3rd of " * 50

    def seconds(copies: int) -> float:
        began = time.perf_counter()
        find_dates(unit * copies)
        return time.perf_counter() - began

    small, large = seconds(40), seconds(160)
    assert large < small * 4 * 2.5


FILLER = st.sampled_from([" " * 70, "x" * 70, "Sept", "may", "1" * 5, "Monday, ", "\n"])


@settings(max_examples=150)
@given(st.lists(st.one_of(DATEISH, FILLER), max_size=8).map("".join))
def test_searching_near_month_names_finds_what_a_full_scan_finds(text: str) -> None:
    from unittest import mock

    from teikit.encoder import dates

    near = find_dates(text)
    with mock.patch.object(dates, "_near", lambda text, _: [(0, len(text))]):
        assert find_dates(text) == near
