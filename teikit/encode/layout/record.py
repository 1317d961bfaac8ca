"""The digital-archive record: a catalogue record wrapped around a document.

Shape (each part optional except the body)::

    September 21, 1959                                  → front/docDate, creation date
    Report by Qiao Xiaoguang on a Conversation …        → front/docTitle, title
    This document was made possible with support from X → front/div[acknowledgement], funder
    … the document: letters, enclosures …              → body (see layout.letter)
    Qiao Xiaoguang … reports …                          → back/div[summary], abstract
    Associated People & Organizations / Associated Places / Associated Topics /
    Document Information / Source / Original Archive / Rights, each with or without lines
    beneath it                                          → back/div[metadata|rights], header

An empty heading gives an empty section and nothing in the header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from teikit.encode.dates import DateOptions
from teikit.encode.layout import notes
from teikit.encode.layout.letter import LetterLayout
from teikit.encode.layout.lines import is_paragraph, whole_date
from teikit.encode.layout.units import Spec, Unit
from teikit.encode.model import Metadata, Person
from teikit.encode.source import BLANKS, Line

HEADINGS: dict[str, str] = {
    "associated people & organizations": "people",
    "associated people and organizations": "people",
    "associated people": "people",
    "associated organizations": "people",
    "associated places": "places",
    "associated topics": "topics",
    "document information": "information",
    "source": "source",
    "original archive": "archive",
    "rights": "rights",
}
ACKNOWLEDGEMENT = re.compile(
    r"^(?:this document was made possible (?:with|by) (?:the )?(?:generous )?support (?:from|of)"
    r"|(?:made possible|funded|supported) (?:with support )?(?:by|from))\s+(?P<funder>.+?)\.?$",
    re.IGNORECASE,
)
PUBLISHER = re.compile(r"^(?:The )?(?P<name>[A-Z][^.]{2,80}?) welcomes reuse\b")
ORG_WORDS = re.compile(
    r"\b(party|committee|ministry|department|embassy|council|organi[sz]ation|union|army"
    r"|government|league|bureau|office|agency|association|institute|bank|company|corporation"
    r"|foundation|front|navy|commission|academy|university|federation|secretariat|congress"
    r"|ministerio|minist[eè]re|ministerium|ministero|partido|parti|partei|comit[eé]|comitato"
    r"|komitet|embajada|ambassade|botschaft|institut[eo]?|archives?)\b",
    re.IGNORECASE,
)


CATALOGUE_NAME = re.compile(r"^[^,.]+, [^,]+(, (ca\. )?\d{3,4}-(\d{3,4})?)?$")
"""``Roa, Raúl, 1907-1982``, ``Pavlíček, Vladimír``: a person in catalogue form."""
TRANSLATED_BY = re.compile(
    r"\b(?i:translated|translation) by (?P<name>[A-Z][\w'’-]*\.?(?: [A-Z][\w'’-]*\.?){0,4})")
FUNDER_SPLIT = re.compile(r",? and (?=the |[A-Z])|, (?=the |[A-Z])")


def split_funders(text: str) -> list[str]:
    """``the Carnegie Corporation of New York and the MacArthur Foundation`` → two funders
    (a split happens only before ``the`` or a capital, so ``Smith and sons`` stays whole)."""
    parts = [part.strip().rstrip(".") for part in FUNDER_SPLIT.split(text.strip())]
    return [part for part in parts if part]


def person_or_org(text: str) -> str:
    """``person`` or ``org`` for a line under *Associated People & Organizations*: a
    catalogue name (``Surname, Forename, dates``) is a person; a corporate heading
    (``Cuba. Ministerio …``) or a name with an organization word is an org."""
    if CATALOGUE_NAME.match(text):
        return "person"
    if ORG_WORDS.search(text) or re.match(r"^[^.]{2,}\. [A-Z]", text):
        return "org"
    return "person"


def heading_kind(text: str) -> str | None:
    """The metadata section a heading line opens, or ``None``."""
    return HEADINGS.get(" ".join(text.split()).rstrip(":").lower())


def metadata_start(lines: Sequence[Line], indices: Sequence[int]) -> int | None:
    """Position in ``indices`` of the first metadata heading (needs two headings)."""
    positions = [p for p, i in enumerate(indices) if heading_kind(lines[i].text)]
    if len(positions) >= 2 or (positions and heading_kind(lines[indices[positions[0]]].text) in {
        "rights", "source"}):
        return positions[0]
    return None


def looks_like_record(lines: Sequence[Line], dates: DateOptions) -> bool:
    """A record starts with a date line or ends with the archive's metadata headings."""
    indices = [i for i, line in enumerate(lines) if not line.is_blank]
    if not indices:
        return False
    dated = whole_date(lines[indices[0]].text.strip(BLANKS), dates) is not None
    has_meta = metadata_start(lines, indices) is not None
    acknowledged = any(ACKNOWLEDGEMENT.match(lines[i].text.strip(BLANKS)) for i in indices[:4])
    return has_meta or (dated and acknowledged)


class RecordLayout:
    """Splits a record into front, body and back and reads its metadata."""

    def __init__(self, lines: Sequence[Line], dates: DateOptions) -> None:
        self.lines = lines
        self.dates = dates
        self.meta = Metadata()
        self.front, self.body, self.back = Spec("front"), Spec("body"), Spec("back")
        self.note_ids: dict[str, str] = {}
        self.references = False

    def text(self, index: int) -> str:
        return self.lines[index].text.strip(BLANKS)

    def run(self) -> list[Unit]:
        indices = [i for i, line in enumerate(self.lines) if not line.is_blank]
        units: list[Unit] = []
        pos = 0
        if indices and (date := whole_date(self.text(indices[0]), self.dates)) is not None:
            self.meta.date_text = self.text(indices[0])
            self.meta.date_when = date.when
            attrs = {"when": date.when} if date.when else {}
            units.append(Unit("docDate", indices[0], indices[0], (self.front,), attrs, False))
            pos = 1
        if pos < len(indices) and len(indices) - pos > 1:
            index = indices[pos]
            self.meta.title = self.text(index)
            path = (self.front, Spec("docTitle"))
            units.append(Unit("titlePart", index, index, path, {"type": "main"}))
            pos += 1
        ack = Spec("div", {"type": "acknowledgement"})
        while pos < len(indices) and (m := ACKNOWLEDGEMENT.match(self.text(indices[pos]))):
            self.meta.funders.extend(split_funders(m.group("funder")))
            units.append(Unit("p", indices[pos], indices[pos], (self.front, ack)))
            pos += 1
        rest = indices[pos:]
        meta_at = metadata_start(self.lines, rest)
        body = rest if meta_at is None else rest[:meta_at]
        tail = [] if meta_at is None else rest[meta_at:]
        summary = None
        if tail and len(body) > 1 and is_paragraph(self.text(body[-1])):
            summary = body[-1]  # a record without a summary ends on a signature or date
            body = body[:-1]
        body, note_lines = notes.split(self.lines, body)
        note_units, self.note_ids, self.references = notes.units(self.lines, note_lines,
                                                                 self.back)
        units.extend(LetterLayout(self.lines, (self.body,), self.dates).run(body))
        units.extend(note_units)
        if summary is not None:
            self.meta.abstract.append(self.text(summary))
            spec = Spec("div", {"type": "summary"})
            units.append(Unit("p", summary, summary, (self.back, spec)))
        units.extend(self.sections(tail))
        return units

    def sections(self, indices: Sequence[int]) -> list[Unit]:
        """The metadata headings and the lines beneath each."""
        units: list[Unit] = []
        spec: Spec | None = None
        kind = ""
        items: Spec | None = None
        for index in indices:
            text = self.text(index)
            found = heading_kind(text)
            if found is not None:
                kind = found
                attrs = {"type": "rights"} if kind == "rights" else {"type": "metadata"}
                if kind != "rights":
                    attrs["subtype"] = kind
                spec = Spec("div", attrs)
                items = Spec("list") if kind in {"people", "places", "topics"} else None
                units.append(Unit("head", index, index, (self.back, spec), inline=False))
                continue
            assert spec is not None
            self.remember(kind, text)
            if items is not None:
                units.append(Unit("item", index, index, (self.back, spec, items), inline=False))
            else:
                units.append(Unit("p", index, index, (self.back, spec), inline=False))
        return units

    def remember(self, kind: str, text: str) -> None:
        meta = self.meta
        if kind == "people":
            meta.people.append(Person(text, person_or_org(text)))
        elif kind == "places":
            meta.places.append(text)
        elif kind == "topics":
            meta.topics.append(text)
        elif kind == "information":
            meta.document_info.append(text)
        elif kind == "source":
            meta.source.append(text)
            found = (m.group("name").rstrip(".") for m in TRANSLATED_BY.finditer(text))
            meta.translators.extend(found)
        elif kind == "archive":
            meta.archive.append(text)
        elif kind == "rights":
            meta.rights.append(text)
            if meta.publisher is None and (m := PUBLISHER.match(text)):
                meta.publisher = m.group("name").strip()
