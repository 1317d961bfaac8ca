"""The digital-archive record: a catalogue record wrapped around a document.

Read from its evidence, not from one archive's exact wording::

    September 21, 1959                  a date alone on the first line → front/docDate
    Report by Qiao Xiaoguang on …       the title under it              → front/docTitle
    Translated with the support of X    a one-sentence acknowledgement  → front/div[acknowledgement]
    … the document …                    read by the document layouts    → body
    Author(s):  Surname, Forename       catalogue names                 → back, titleStmt/author
    Qiao Xiaoguang … reports …          a summary in the third person   → back, abstract
    Associated People & Organizations, Associated Places, Associated Topics, Subjects
    Discussed, Related Documents, Document Information, Source, Original Archive,
    Rights — any subset, in any order, each with lines under it or none; or
    Document Information followed straight by the source and the rights text
                                                                        → back, teiHeader

Headings are recognised from a list (``roles/data/record_headings.txt``) and, for
headings the list does not know, from their shape (``Associated …``, ``Related …``):
those go to the back matter with warning TK141. The summary is the paragraph after the
document's foot (or under the authors) that speaks of the document in the third person;
a record without one gets no abstract.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from teikit.encoder.layout.units import Spec, Unit
from teikit.encoder.model import Metadata, Person
from teikit.encoder.roles.features import Line
from teikit.encoder.roles.lexicon import acknowledges, lexicon, record_heading, tokens

CATALOGUE_NAME = re.compile(r"^[^,.]+, [^,]+(, (ca\. )?\d{3,4}-(\d{3,4})?)?$")
"""``Roa, Raúl, 1907-1982``, ``Pavlíček, Vladimír``: a person in catalogue form."""
TRANSLATED_BY = re.compile(
    r"\b(?i:translated|translation)(?: from [A-Z][\w-]+(?: and [A-Z][\w-]+)?)?"
    r"(?: (?i:into English))? by (?P<name>[A-Z][\w'’-]*\.?(?: [A-Z][\w'’-]*\.?){0,4})")
PUBLISHER = re.compile(r"^(?:The )?(?P<name>[A-Z][^.]{2,80}?) (?:welcomes|encourages|"
                       r"makes|publishes|make|publish)\b")
FUNDER = re.compile(r"\b(?:from|by|of|through)\s+(?P<funder>(?:the\s+)?[A-Z][^,]*?)\.?$")
"""The funder named at the end of an acknowledgement (no comma after the name)."""
FUNDER_SPLIT = re.compile(r",? and (?=the |[A-Z])|, (?=the |[A-Z])")
UNKNOWN_HEADING = re.compile(r"^(?:Associated|Related|Original|Additional|Other|Further)\s+\w+"
                             r"|^\w+(?:\s\w+)?\s+(?:Discussed|Information|Archive|Archives)$")
ORG_NAME = re.compile(r"^[^.]{2,}\. [A-Z]")


def heading_kind(line: Line) -> str | None:
    """The metadata part a heading line opens (``people``, ``source``…), or ``None``."""
    if line.size > 6 or line.end in {".", ",", ";"}:
        return None
    return record_heading(line.text, line.words)


def unknown_heading(line: Line) -> bool:
    return (heading_kind(line) is None and line.size <= 5 and line.end not in {".", ","}
            and bool(UNKNOWN_HEADING.match(line.text.rstrip(":"))))


def _flat(text: str) -> str:
    """A metadata value on one line (a value wrapped over lines in the transcript)."""
    return " ".join(text.split())


def acknowledgement(line: Line) -> bool:
    """A one-sentence funding or acknowledgement line: several words of the list
    (``support``, ``grant``, ``made possible``, ``translated``…), a name of a funder."""
    if line.size < 4 or line.size > 40 or line.bracket is not None:
        return False
    return acknowledges(line.words)


def _funder(text: str) -> re.Match[str] | None:
    """The first ``from/by/of/through`` + name that runs to the end of the line."""
    for start in re.finditer(r"\b(?:from|by|of|through)\s", text):
        match = FUNDER.match(text, start.start())
        if match:
            return match
    return None


def split_funders(text: str) -> list[str]:
    """``the Carnegie Corporation of New York and the MacArthur Foundation`` → two funders
    (a split happens only before ``the`` or a capital, so ``Smith and sons`` stays whole)."""
    parts = [part.strip().rstrip(".") for part in FUNDER_SPLIT.split(text.strip())]
    return [part for part in parts if part]


_HIDDEN_ADDRESS = re.compile(r"\[email\s+protected\]\.?\s*$")


def person_or_org(text: str) -> str:
    """``person`` or ``org`` for a line under *Associated People & Organizations*."""
    if CATALOGUE_NAME.match(text):
        return "person"
    if lexicon("org_words").find(tokens(text)) or ORG_NAME.match(text):
        return "org"
    return "person"


def rights_like(line: Line) -> bool:
    """A statement of rights: its words (reuse, permission, copy …), or an address to
    write to that the archive's site hid (``[email protected]``) closing a statement."""
    return line.size >= 8 and (line.count("rights_words") >= 2 or (
        line.count("rights_words") >= 1 and _HIDDEN_ADDRESS.search(line.text) is not None))


_WORD = re.compile(r"\w+")


def summary_like(line: Line, before: Line | None) -> bool:
    """A paragraph that speaks of the document: in the third person, with a reporting
    verb (``reports``, ``discuss``, ``asks``) or right after the document's foot (a
    short line: a signature, an office, a date; or its copies or distribution)."""
    if not line.sentence or line.size < 8:
        return False
    first_person = lexicon("first_person").words
    if any(word.lower() in first_person for word in _WORD.findall(line.text)
           if not (word.isupper() and len(word) > 1)):  # "US dollars" is no "us"
        return False
    after_foot = before is not None and ((not before.sentence and before.size <= 10) or (
        before.label is not None and lexicon("foot_labels").prefix(tokens(before.label[0]))
        is not None))  # "Distribution: 1x Ministry …; 1x file" closes the foot
    return after_foot or lexicon("reporting_verbs").find(line.words[:20]) is not None


@dataclass
class Envelope:
    """Where the record's parts are, as positions in the line list."""

    top: list[tuple[str, Line]] = field(default_factory=list)
    document: list[Line] = field(default_factory=list)
    summary: Line | None = None
    tail: list[Line] = field(default_factory=list)


def _tail_start(lines: Sequence[Line]) -> int | None:
    """Where the metadata block begins: the first heading after which every heading
    is known; it needs two headings, or one of ``Rights``, ``Source``,
    ``Document Information``, ``Author(s)``."""
    found = [line.index for line in lines if line.index >= 2 and heading_kind(line)]
    if not found:
        return None
    kinds = {heading_kind(lines[i]) for i in found}
    if len(found) < 2 and not kinds & {"rights", "source", "information", "authors"}:
        return None
    return found[0]


def envelope(lines: Sequence[Line]) -> Envelope | None:
    """The record's parts, or ``None`` when ``lines`` are not a record."""
    tail_at = _tail_start(lines)
    dated = bool(lines) and lines[0].whole_date is not None
    acknowledged = len(lines) > 2 and acknowledgement(lines[2])
    if tail_at is None and not (dated and acknowledged):
        return None
    found = Envelope()
    pos = 0
    if dated:
        found.top.append(("date", lines[0]))
        pos = 1
    end = tail_at if tail_at is not None else len(lines)
    if pos < end - 1 and lines[pos].size >= 2 and lines[pos].end not in {".", ","}:
        found.top.append(("title", lines[pos]))
        pos += 1
    while pos < end - 1 and acknowledgement(lines[pos]) and pos <= 3:
        found.top.append(("acknowledgement", lines[pos]))
        pos += 1
    body = list(lines[pos:end])
    found.tail = list(lines[end:])
    if tail_at is not None and len(body) > 1 and summary_like(body[-1], body[-2]) and (
            heading_kind(lines[tail_at]) != "authors"):
        found.summary = body.pop()
    found.document = body
    return found


class RecordReader:
    """Reads the record's envelope into units and :class:`Metadata`."""

    def __init__(self, found: Envelope, back: Spec) -> None:
        self.found = found
        self.meta = Metadata()
        self.front, self.back = Spec("front"), back
        self.warnings: list[tuple[Line, str]] = []

    def top_units(self) -> list[Unit]:
        units: list[Unit] = []
        ack = Spec("div", {"type": "acknowledgement"})
        for part, line in self.found.top:
            if part == "date":
                date = line.whole_date
                self.meta.date_text = line.text
                self.meta.date_when = date.when if date else None
                attrs = {"when": date.when} if date and date.when else {}
                units.append(_unit("docDate", line, (self.front,), attrs, inline=False))
            elif part == "title":
                self.meta.title = _flat(line.text)
                units.append(_unit("titlePart", line, (self.front, Spec("docTitle")),
                                   {"type": "main"}))
            else:
                match = _funder(line.text)
                if match:
                    self.meta.funders.extend(split_funders(match.group("funder")))
                self.meta.translators.extend(_translators(line.text))
                units.append(_unit("p", line, (self.front, ack)))
        return units

    def tail_units(self) -> list[Unit]:
        """The summary and the metadata sections."""
        units: list[Unit] = []
        sections = self.sections()
        summary = self.found.summary
        if summary is None:
            summary = self.summary_among(sections)
        for kind, heading, values in sections:
            units.extend(self.section(kind, heading, values))
            if kind == "authors" and summary is not None and summary.index > heading.index:
                units.extend(self.summary_units(summary))
                summary = None
        if summary is not None:
            units[:0] = self.summary_units(summary)
        return units

    def summary_units(self, line: Line) -> list[Unit]:
        self.meta.abstract.append(_flat(line.text))
        return [_unit("p", line, (self.back, Spec("div", {"type": "summary"})))]

    def sections(self) -> list[tuple[str, Line, list[Line]]]:
        sections: list[tuple[str, Line, list[Line]]] = []
        for line in self.found.tail:
            kind = heading_kind(line) or ("other" if unknown_heading(line) else None)
            if kind is not None:
                if kind == "other":
                    self.warnings.append((line, f"unknown record heading {line.text!r} "
                                                "kept in the back matter"))
                sections.append((kind, line, []))
            elif sections:
                sections[-1][2].append(line)
        return sections

    def summary_among(self, sections: list[tuple[str, Line, list[Line]]]) -> Line | None:
        """A summary under the authors' names: the first line that is not a name."""
        for kind, _heading, values in sections:
            if kind != "authors":
                continue
            for position, line in enumerate(values):
                if line.sentence and line.size >= 8:
                    del values[position]
                    return line
        return None

    def section(self, kind: str, heading: Line, values: list[Line]) -> list[Unit]:
        attrs = {"type": "rights"} if kind == "rights" else {"type": "metadata",
                                                               "subtype": kind}
        spec = Spec("div", attrs)
        units = [_unit("head", heading, (self.back, spec), inline=False)]
        if kind == "information" and not self.has_heading({"source", "archive", "rights"}):
            return units + self.compact_information(spec, values)
        listed = kind in {"people", "places", "topics", "subjects", "authors", "related"}
        items = Spec("list") if listed and values else None
        for line in values:
            self.remember(kind, _flat(line.text))
            path = (self.back, spec, items) if items is not None else (self.back, spec)
            units.append(_unit("item" if items is not None else "p", line, path, inline=False))
        return units

    def has_heading(self, kinds: set[str]) -> bool:
        return any(heading_kind(line) in kinds for line in self.found.tail)

    def compact_information(self, spec: Spec, values: list[Line]) -> list[Unit]:
        """``Document Information`` followed straight by the source line(s) and the
        rights text: the rights begin at the first line that reads as a rights statement."""
        units: list[Unit] = []
        rights_at = next((n for n, line in enumerate(values) if rights_like(line)), None)
        rights = Spec("div", {"type": "rights"})
        for position, line in enumerate(values):
            if rights_at is not None and position >= rights_at:
                self.remember("rights", _flat(line.text))
                units.append(_unit("p", line, (self.back, rights), inline=False))
            else:
                self.remember("source", _flat(line.text))
                units.append(_unit("p", line, (self.back, spec), inline=False))
        return units

    def remember(self, kind: str, text: str) -> None:
        meta = self.meta
        if kind == "people":
            meta.people.append(Person(text, person_or_org(text)))
        elif kind in {"places", "topics", "subjects", "authors", "related"}:
            getattr(meta, {"places": "places", "topics": "topics", "subjects": "subjects",
                           "authors": "authors", "related": "related"}[kind]).append(text)
        elif kind == "information":
            meta.document_info.append(text)
        elif kind == "source":
            meta.source.append(text)
            meta.translators.extend(t for t in _translators(text) if t not in meta.translators)
        elif kind == "archive":
            meta.archive.append(text)
        elif kind == "rights":
            meta.rights.append(text)
            if meta.publisher is None and (match := PUBLISHER.match(text)):
                meta.publisher = match.group("name").strip()


def _translators(text: str) -> list[str]:
    return [m.group("name").rstrip(".") for m in TRANSLATED_BY.finditer(text)]


def _unit(tag: str, line: Line, path: tuple[Spec, ...], attrs: dict[str, str] | None = None,
          inline: bool = True) -> Unit:
    return Unit(tag, line.number, line.last, path, dict(attrs or {}), inline)
