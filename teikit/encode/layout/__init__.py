"""Block-level layouts: which kind of transcript this is, and its structure.

``record`` (a digital archive's record around a document), ``letter`` (letters,
telegrams, memoranda, with enclosures) and ``plain`` (paragraphs only). Detection is
automatic; a caller may force one. Each layout yields units that
:func:`~teikit.encode.layout.units.assemble` turns into the model tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from teikit.encode.dates import DateOptions, ParsedDate
from teikit.encode.layout import lines as look
from teikit.encode.layout import notes
from teikit.encode.layout.letter import LetterLayout
from teikit.encode.layout.record import RecordLayout, looks_like_record
from teikit.encode.layout.units import Spec, Unit, assemble
from teikit.encode.model import Container, Metadata
from teikit.encode.source import BLANKS, Line, Transcript

LAYOUTS = ("record", "letter", "plain")


@dataclass
class LayoutResult:
    """The ``<text>`` tree, header metadata, note ids and the layout that was used."""

    text: Container
    metadata: Metadata
    layout: str
    note_ids: dict[str, str]
    has_references: bool


def detect(lines: Sequence[Line], dates: DateOptions) -> str:
    """The layout that fits ``lines`` best."""
    if looks_like_record(lines, dates):
        return "record"
    texts = [line.text.strip(BLANKS) for line in lines if not line.is_blank]
    letterish = sum(
        1 for t in texts
        if look.is_salute(t) or look.is_closing(t) or look.MEMO_FIELD.match(t)
        or look.page_number(t)
    )
    dated_top = any(look.words(t) <= 14 and _month_or_day(look.dateline_date(t, dates))
                    for t in texts[:6])
    return "letter" if letterish or dated_top else "plain"


def _month_or_day(date: ParsedDate | None) -> bool:
    """Whether ``date`` is known to the month at least (a year alone makes no dateline)."""
    return date is not None and len(date.when or date.from_ or "") >= 7


def merge_paragraphs(lines: Sequence[Line], found: list[Unit]) -> list[Unit]:
    """Join paragraph lines with no blank line between them, when the transcript
    separates its paragraphs with blank lines (wrapped text)."""
    blank_separated = any(line.is_blank for line in lines)
    if not blank_separated:
        return found
    merged: list[Unit] = []
    for unit in found:
        previous = merged[-1] if merged else None
        if (previous is not None and unit.tag == previous.tag == "p"
                and unit.path == previous.path and unit.first == previous.last + 1
                and not unit.attrs and not previous.attrs):
            previous.last = unit.last
        else:
            merged.append(unit)
    return merged


def parse(transcript: Transcript, dates: DateOptions, layout: str | None = None) -> LayoutResult:
    """Structure ``transcript`` with ``layout`` (detected when ``None``)."""
    lines = transcript.lines
    chosen = layout or detect(lines, dates)
    body, back = Spec("body"), Spec("back")
    indices = [i for i, line in enumerate(lines) if not line.is_blank]
    metadata = Metadata()
    if chosen == "record":
        record = RecordLayout(lines, dates)
        found = record.run()
        metadata = record.meta
        note_ids, references = record.note_ids, record.references
    else:
        text_lines, note_lines = notes.split(lines, indices)
        note_units, note_ids, references = notes.units(lines, note_lines, back)
        if chosen == "letter":
            found = LetterLayout(lines, (body,), dates).run(text_lines)
        else:
            found = [Unit("p", i, i, (body,)) for i in text_lines]
        found.extend(note_units)
    found = merge_paragraphs(lines, found)
    if not found:
        found = []
    tree = assemble(transcript.text, lines, found, Spec("text"))
    return LayoutResult(tree, metadata, chosen, note_ids, references)
