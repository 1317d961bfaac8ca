"""The document's title and principal date, chosen from the roles of its lines.

Title, in order of preference: the value of a subject field (``SUBJECT: …``,
``Subject:`` over its value, ``RE: …``); the first heading of the first document; the
value of another field that reads as a title (a telegram's ``MY TELEGRAM NO. 311: …``);
the kind of document (``MEMORANDUM OF CONVERSATION``). When none is found the caller
falls back on the file name, with a warning.

Principal date: a date field (``DATE:``, ``Held on:``); else the first dateline at the
top of the first document (a telegram's date-time group included); else the first diary
entry's date (a range gives ``@from``/``@to``); else a date in its heading (``Minutes of
the meeting held on 7/11/1949``); else a full date in any line of its top (a telegram's
``SENT 3RD JUNE 1963 AT 1800``); else the dateline of its foot; else the date of the
sentence saying where it was signed (``Done at Rangoon on 2 April 1959 in two copies``);
else the date of a paper's line saying when its editors received it (``Received by the
editors on 2 May 1963.``); else the date of a stamp or a handwritten mark at its top
(``[Stamp: Received 15.IV.1964]``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from teikit.encoder.dates import ParsedDate, find_dates, parse_date
from teikit.encoder.roles.features import year_less
from teikit.encoder.roles.grammar import FOOT, TOP, Decision
from teikit.encoder.roles.lexicon import lexicon, tokens
from teikit.encoder.roles.page import context_year

_REF = re.compile(r"\s*(?:\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*$")


@dataclass(frozen=True)
class Principal:
    """The title and the date a document is known by."""

    title: str | None
    date: ParsedDate | None
    date_text: str | None


def first_document(decisions: Sequence[Decision]) -> list[Decision]:
    """The decisions of the first document (up to the top of an enclosure)."""
    found: list[Decision] = []
    for decision in decisions:
        if found and decision.zone == TOP and found[-1].zone != TOP:
            break
        found.append(decision)
    return found


def _value(decision: Decision) -> str:
    label = decision.line.label
    return label[1] if label else decision.line.text


def _clean(text: str) -> str:
    return _REF.sub("", " ".join(text.split()))


def title(decisions: Sequence[Decision]) -> str | None:
    first = first_document(decisions)
    if first and first[0].role == "heading" and _editions_heading(first[0]):
        return _clean(first[0].line.text)  # over a subject line further down
    subjects = [d for d in first if d.role == "field"
                and lexicon("subject_labels").prefix(d.line.words)]
    if len(subjects) > 1:  # "Objet : …" and "Subject: …": the translation's own
        english = [d for d in subjects if d.line.words[0] in _ENGLISH_SUBJECT]
        if english:
            return _clean(_value(english[0]))
    for number, decision in enumerate(first):
        subject = lexicon("subject_labels").prefix(decision.line.words)
        if decision.role == "field" and subject:
            return _clean(_value(decision))
        if decision.role == "field-head" and subject and number + 1 < len(first):
            return _clean(first[number + 1].line.text)
    for number, decision in enumerate(first):
        if decision.role == "heading" and _over_its_translation(first, number):
            continue
        if decision.role == "heading":
            text = decision.line.text
            if text[:1].islower() and number and first[number - 1].role == "kind" and (
                    not first[number - 1].line.text[:1].islower()):  # all in small letters
                text = f"{first[number - 1].line.text} {text}"  # "Report" / "on the state …"
            return _clean(text)
    for decision in first:
        line = decision.line
        if decision.role == "field" and line.label and not line.known_label and (
                line.label[1].isupper() or line.capitalised >= 0.6):
            return _clean(line.label[1]).rstrip(".")
    for decision in first:
        if decision.role == "kind":
            return _clean(decision.line.text)
    return None


def _over_its_translation(first: Sequence[Decision], number: int) -> bool:
    """``Koło Przyjaciół Polski – Oddział w Bradford`` over ``Friends of Poland Circle,
    Bradford Branch``: a body's name in its own language over a letterhead line, when a
    heading that names the document's kind (``Minutes of …``) comes later."""
    line = first[number].line
    following = first[number + 1] if number + 1 < len(first) else None
    return (following is not None and following.role == "letterhead"
            and not line.starts("kind_words") and not _TO_WHOM_IN.search(line.text)
            and any(d.role == "heading" and d.line.starts("kind_words")
                    for d in first[number + 2:]))


_ENGLISH_SUBJECT = frozenset({"subject", "subj", "re", "topic"})
"""The labels of a subject line in English, the language the title is given in."""


def _editions_heading(decision: Decision) -> bool:
    """``Letter of the … agency at Rijeka to the port captaincy at Zadar, 12 March 1948``:
    the heading an edition puts on the first line, naming the kind of document, who wrote
    to whom and when; the document's own subject line under it is not its title."""
    line = decision.line
    return line.index == 0 and line.size >= 6 and bool(line.starts("kind_words")) and bool(
        _TO_WHOM_IN.search(line.text)) and line.first_date is not None


_TO_WHOM_IN = re.compile(r"\s(?:to|an|à|a)\s(?:the\s)?\S")


def _dated(decision: Decision) -> ParsedDate | None:
    date = decision.line.first_date or decision.line.whole_date  # "14.2.62" alone on its line
    return date if date is not None and (date.when or date.from_) else None


def _heading_date(decision: Decision, to_the_day: bool) -> ParsedDate | None:
    """The first date of a heading, however long the heading (``Minutes of the annual
    meeting held … on Friday, the 3rd of March 1950, at 8 o'clock``), when it gives the
    day (``to_the_day``) or when it does not."""
    line = decision.line
    if not line.numerals:
        return None
    found = (d for d in find_dates(line.text, line.dates) if d.when or d.from_)
    first = next(found, None)
    if first is None or (len(first.when or first.from_ or "") >= 10) != to_the_day:
        return None
    return first


def _entry_date(decision: Decision, year: int | None) -> ParsedDate | None:
    line = decision.line
    if decision.role == "entry-date":
        found = line.heading_date
        if (found is None or not (found.when or found.from_)) and year is not None:
            # "Monday, 3 January" in a 1938 diary
            found = year_less(line.date_text, year, line.dates)
        return found if found is not None and (found.when or found.from_) else None
    if decision.role != "entry-text":
        return None
    if line.lead_date is not None or line.lead_partial is None or year is None:
        return line.lead_date
    return year_less(line.lead_partial.text, year, line.dates)


_PARTS = re.compile(r"\s+[–—-]\s+|;\s+|\s{3,}")


def _labelled(decision: Decision) -> ParsedDate | None:
    """A date after its label among other fields on one line (``N. 412 – DATA 17.09.60 –
    ORE 1730``): read whole, as in a field of its own."""
    for part in _PARTS.split(decision.line.text):
        words = part.split()
        label = lexicon("date_labels").prefix(tuple(w.lower().rstrip(":") for w in words[:3]))
        if label is None or len(words) <= len(label.split()):
            continue
        found = parse_date(" ".join(words[len(label.split()):]), decision.line.dates)
        if found is not None and (found.when or found.from_):
            return found
    return None


def _signed_on(decision: Decision) -> ParsedDate | None:
    """The date of the sentence that says where and when a protocol was signed (``Done at
    Rangoon on 2 April 1959 in two copies``)."""
    line = decision.line
    words = line.words
    if line.numbered is not None:  # "Article IV. Done at Hà Nội on …": after its number
        words = tokens(line.text[line.numbered[2]:])
    if lexicon("signing_formulas").prefix(words) is None:
        return None
    return _dated(decision)


def _received_on(decision: Decision) -> ParsedDate | None:
    """The date of the short line a paper ends with to say when its editors received it
    (``Received by the editors on 2 May 1963.``, ``Eingegangen am 3.5.1963``)."""
    line = decision.line
    formula = lexicon("received_formulas").prefix(line.words)
    if formula is None or line.size > len(formula.split()) + 6:
        return None
    return _dated(decision)


def _full(decision: Decision) -> ParsedDate | None:
    """A date to the day in any line of the top (a telegram's ``SENT 3RD JUNE 1963``)."""
    found = _dated(decision)
    return found if found is not None and len(found.when or found.from_ or "") >= 10 else None


def date(decisions: Sequence[Decision]) -> ParsedDate | None:
    """The principal date, by the order of preference in the module's docstring."""
    first = first_document(decisions)
    candidates = (
        (_dated(d) for d in first
         if d.role == "field" and lexicon("date_labels").prefix(d.line.words)),
        (_dated(d) for d in first if d.zone == TOP and d.role in {"dateline", "received"}),
        (_labelled(d) for d in first if d.zone == TOP and d.role != "mark"),
        (_entry_date(d, context_year([d.line for d in decisions])) for d in decisions),
        (_heading_date(d, True) for d in first
         if d.zone == TOP and d.role in {"heading", "kind"}),
        (_full(d) for d in first if d.zone == TOP and d.role != "mark"),
        (_dated(d) for d in first if d.zone == FOOT and (d.role == "dateline" or (
            d.role == "signer" and (d.line.dated_signature or d.line.body_then_date)))),
        # a month in the title (``field measurements of October 1964``) may be what the
        # paper is about: the date written under it at the foot goes first
        (_heading_date(d, False) for d in first
         if d.zone == TOP and d.role in {"heading", "kind"}),
        (_signed_on(d) for d in first if d.role == "paragraph"),
        (_received_on(d) for d in first if d.role == "paragraph"),
        (_full(d) for d in first if d.zone == TOP),  # a stamp's date: the last resort
    )
    for found in candidates:
        hit = next((d for d in found if d is not None), None)
        if hit is not None:
            return hit
    return None


def principal(decisions: Sequence[Decision]) -> Principal:
    found = date(decisions)
    return Principal(title(decisions), found, found.text if found is not None else None)
