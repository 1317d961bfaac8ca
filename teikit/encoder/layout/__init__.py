"""Block level: which lines are what, and the ``<text>`` tree they make.

The steps, each in its own module:

1. :func:`teikit.encoder.roles.logical_lines` — the transcript's non-blank lines, with a
   bracket spanning lines or wrapped prose joined into one;
2. :mod:`record` — a digital archive's record is found by its envelope (date line,
   title, acknowledgement, metadata headings) and read into the header's metadata;
3. :mod:`notes` — a notes section or a list of references at the end;
4. :func:`teikit.encoder.roles.read` — the role of every other line, from evidence;
5. :mod:`document` — roles become divisions, openers, closers, lists, entries;
6. :mod:`principal` — the title and the principal date;
7. :func:`~teikit.encoder.layout.units.assemble` — units become the model tree, every
   character between them kept.

The layout names the family it found (``record``, ``letter``, ``memorandum``,
``minutes``, ``telegram``, ``diary``, ``report``…); ``plain`` forces paragraphs only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from teikit.encoder.dates import DateOptions
from teikit.encoder.layout import notes
from teikit.encoder.layout.document import structure
from teikit.encoder.layout.family import family, name_divisions
from teikit.encoder.layout.principal import principal
from teikit.encoder.layout.record import RecordReader, envelope
from teikit.encoder.layout.units import Spec, Unit, assemble
from teikit.encoder.model import Container, Metadata
from teikit.encoder.roles import Line, logical_lines, read
from teikit.encoder.roles.grammar import Decision
from teikit.encoder.source import Transcript

LAYOUTS = ("record", "letter", "plain")
"""Layouts a caller may force (``letter`` reads any document by its roles)."""


@dataclass(frozen=True, slots=True)
class Explained:
    """One line's role and the evidence for it, for ``teikit encode --explain``."""

    line: int
    role: str
    text: str
    reasons: tuple[str, ...] = ()
    runner_up: tuple[str, float] | None = None


@dataclass
class LayoutResult:
    """The ``<text>`` tree, header metadata, note ids and what decided each line."""

    text: Container
    metadata: Metadata
    layout: str
    note_ids: dict[str, str]
    has_references: bool
    explained: list[Explained] = field(default_factory=list)
    warnings: list[tuple[int, str, str]] = field(default_factory=list)
    """(line index, code, message) for the encoder's diagnostics."""
    bibl_ids: dict[str, str] = field(default_factory=dict)


def _explain_lines(lines: Sequence[Line], role: str, reason: str) -> list[Explained]:
    return [Explained(line.number + 1, role, line.text, (reason,)) for line in lines]


def _explain_decisions(decisions: Sequence[Decision]) -> list[Explained]:
    return [Explained(d.line.number + 1, d.role, d.line.text, tuple(d.evidence.reasons),
                      d.runner_up) for d in decisions]


def _paragraphs(decisions: Sequence[Decision], body: Spec) -> list[Unit]:
    """Paragraphs and page breaks straight in ``body``: a text with no structure."""
    units = []
    pages = any(decision.line.page is None for decision in decisions)
    for decision in decisions:
        line = decision.line
        if line.page is not None and pages:
            units.append(Unit("pb", line.number, line.last, (body,),
                              {"n": line.page[0], "rend": line.page[1]}))
        else:
            units.append(Unit("p", line.number, line.last, (body,)))
    return units


TOP_REASONS = {
    "date": "a date alone on the record's first line",
    "title": "the line under the record's date",
    "acknowledgement": "a one-sentence acknowledgement or funding line under the title",
}


def _explain_units(transcript: Transcript, units: Sequence[Unit]) -> list[Explained]:
    found, heading = [], ""
    for unit in units:
        spec = unit.path[-1] if unit.tag != "item" else unit.path[-2]
        container = spec.attrs.get("subtype") or spec.attrs.get("type", "")
        text = transcript.lines[unit.first].text.strip()
        if unit.tag == "head":
            heading = text
            role, reason = "record-heading", "a heading of the record's metadata"
        elif container == "summary":
            role, reason = "record-summary", "a paragraph about the document after its foot"
        else:
            role, reason = f"record-{container or unit.tag}", f"under '{heading}'"
        found.append(Explained(unit.first + 1, role, text, (reason,)))
    return found


def parse(transcript: Transcript, dates: DateOptions, layout: str | None = None) -> LayoutResult:
    """Structure ``transcript`` (its layout detected unless ``layout`` forces one)."""
    source = transcript.lines
    indices = [i for i, line in enumerate(source) if not line.is_blank]
    lines = logical_lines(source, indices, dates)
    if layout == "plain":
        units = [Unit("p", line.number, line.last, (Spec("body"),)) for line in lines]
        tree = assemble(transcript.text, source, units, Spec("text"))
        explained = _explain_lines(lines, "paragraph", "layout forced to plain")
        return LayoutResult(tree, Metadata(), "plain", {}, False, explained)
    return Reader(transcript, lines, dates, layout).run()


class Reader:
    """One layout run over a transcript's logical lines."""

    def __init__(self, transcript: Transcript, lines: list[Line], dates: DateOptions,
                 layout: str | None) -> None:
        self.transcript = transcript
        self.lines = lines
        self.dates = dates
        self.forced = layout
        self.units: list[Unit] = []
        self.explained: list[Explained] = []
        self.warnings: list[tuple[int, str, str]] = []
        self.page_notes: dict[int, str] = {}
        self.body, self.back = Spec("body"), Spec("back")

    def run(self) -> LayoutResult:
        found = envelope(self.lines) if self.forced in {None, "record"} else None
        reader = RecordReader(found, self.back) if found is not None else None
        meta = reader.meta if reader is not None else Metadata()
        document = found.document if found is not None else self.lines
        if reader is not None and found is not None:
            self.units.extend(reader.top_units())
            self.explained.extend(Explained(line.number + 1, f"record-{part}", line.text,
                                           (TOP_REASONS[part],)) for part, line in found.top)
        document, end = self.end_matter(document)
        decisions = read(document)
        self.explained.extend(_explain_decisions(decisions))
        divs = structure(decisions, (self.body,))
        kind = family(decisions)
        name_divisions(divs, kind)
        if kind == "plain":
            self.units.extend(_paragraphs(decisions, self.body))
        else:
            self.units.extend(unit for div in divs for unit in div.units)
        self.units.extend(end.units)
        self.place_page_notes(end)
        if reader is not None:
            tail = reader.tail_units()
            self.units.extend(tail)
            self.explained.extend(_explain_units(self.transcript, tail))
            self.warnings.extend((line.number, "TK141", message)
                                 for line, message in reader.warnings)
        self.fill_metadata(meta, decisions, reader is not None)
        self.units.sort(key=lambda unit: unit.first)
        if kind == "plain" and reader is None and self.lines:
            self.warnings.append((self.lines[0].number, "TK002", "no document structure "
                                  "recognised; encoded as paragraphs"))
        tree = assemble(self.transcript.text, self.transcript.lines, self.units, Spec("text"))
        chosen = "record" if reader is not None else kind
        self.explained.sort(key=lambda row: row.line)
        return LayoutResult(tree, meta, chosen, end.note_ids, end.references, self.explained,
                            self.warnings, end.bibl_ids)

    def end_matter(self, document: list[Line]) -> tuple[list[Line], notes.EndMatter]:
        numbers = [line.number for line in document]
        self.page_notes = notes.page_foot(self.transcript.lines, numbers)
        kept, end_lines = notes.split(self.transcript.lines, numbers, len(self.page_notes) + 1)
        if not end_lines:
            return document, notes.EndMatter()
        last = {line.number: line.last for line in document}
        every = [index for first in end_lines for index in range(first, last[first] + 1)
                 if not self.transcript.lines[index].is_blank]  # a wrapped entry's lines too
        works = notes.unheaded_works(self.transcript.lines, numbers) == len(kept)
        end = notes.units(self.transcript.lines, every, self.back, works=works)
        for unit in end.units:
            text = self.transcript.lines[unit.first].text.strip()
            self.explained.append(Explained(unit.first + 1, f"end-{unit.tag}", text))
        keep = set(kept)
        return [line for line in document if line.number in keep], end

    def place_page_notes(self, end: notes.EndMatter) -> None:
        """The footnotes typed at the feet of pages stay where they stand, as ``note``
        elements at the foot (``place="foot"``) that the text's references point to."""
        used = set(end.note_ids.values())
        for unit in self.units:
            number = self.page_notes.get(unit.first)
            if number is None or unit.tag != "p" or unit.last != unit.first:
                continue
            note_id = notes.unique_id(f"note-{number}", used)
            end.note_ids.setdefault(number, note_id)
            label = notes.entry_number(self.transcript.lines[unit.first].text.strip())
            unit.tag = "note"
            unit.attrs = {"xml:id": note_id, "n": number, "type": "footnote", "place": "foot",
                          "_label": str(label[1] if label else 0)}

    def fill_metadata(self, meta: Metadata, decisions: Sequence[Decision],
                      record: bool) -> None:
        found = principal(decisions)
        if meta.title is None:
            meta.title = found.title
        if meta.date_text is None and found.date is not None:
            meta.date_text = found.date_text
            meta.date_when = found.date.when
            meta.date_from, meta.date_to = found.date.from_, found.date.to
