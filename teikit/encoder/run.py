"""One encoder run: transcript → layout → inline rules → TEI ``<text>`` → ``teiHeader``.

Kept apart from :mod:`teikit.encoder` so that importing teikit stays cheap: the layouts,
rules and date tables load on the first encoding, not on every ``teikit validate``.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from teikit.diagnostics import ConfigError, Diagnostic, Severity
from teikit.encoder import EncodeResult
from teikit.encoder import layout as layouts
from teikit.encoder.build import Builder, ensure_body
from teikit.encoder.dates import DateOptions
from teikit.encoder.declare import declare
from teikit.encoder.header import tei_header
from teikit.encoder.inline import Engine, ruleset
from teikit.encoder.inline.state import Context
from teikit.encoder.layout import Explained
from teikit.encoder.profiles import Profile, get
from teikit.encoder.source import BLANKS, Transcript, position
from teikit.tei import NSMAP, local_name, tei, xml
from teikit.transcript import content, transcript_of


def _dates(profile: Profile) -> DateOptions:
    return DateOptions(
        day_first=bool(profile.option("day_first", True)),
        century_pivot=int(profile.option("century_pivot", DateOptions().century_pivot)),
    )


def encode_transcript(transcript: Transcript, profile: Profile | None = None,
                      layout: str | None = None) -> EncodeResult:
    """Encode a decoded transcript."""
    profile = profile or get("documentary")
    if layout is not None and layout not in layouts.LAYOUTS:
        raise ConfigError(f"unknown layout {layout!r} (known: {', '.join(layouts.LAYOUTS)})")
    dates = _dates(profile)
    diagnostics: list[Diagnostic] = []
    if not transcript.text.strip():
        diagnostics.append(Diagnostic(transcript.name, 1, 1, Severity.WARNING, "TK001",
                                      "the transcript is empty"))
    found = layouts.parse(transcript, dates, layout)
    for index, code, message in found.warnings:
        diagnostics.append(Diagnostic(transcript.name, index + 1, 1, Severity.WARNING, code,
                                      message))
    diagnostics.extend(_unhonoured(found.explained, transcript, profile))

    def locate(offset: int) -> tuple[int, int]:
        return position(transcript, offset)

    context = Context(transcript.name, found.note_ids, found.has_references, locate,
                      found.bibl_ids)
    engine = Engine(ruleset(profile.rules), dict(profile.options), context)
    builder = Builder(engine, dates, transcript.name, locate)
    metadata, chosen, explained = found.metadata, found.layout, found.explained
    text = builder.container(found.text)
    del found  # its model tree takes as much memory as the TEI tree built from it
    text.set(xml("space"), "preserve")
    ensure_body(text)
    diagnostics.extend(builder.diagnostics)
    uses_hand = text.find(f".//{tei('add')}[@hand='#hand-handwritten']") is not None
    if metadata.title is None:
        metadata.title = first_heading(text)
    lines = sum(1 for line in transcript.lines if not line.is_blank)
    if metadata.title is None and lines > 2:
        diagnostics.append(Diagnostic(transcript.name, 1, 1, Severity.WARNING, "TK005",
                                      "no title found; the file name stands for it"))
    header = tei_header(metadata, transcript, profile, chosen, uses_hand)
    root = etree.Element(tei("TEI"), nsmap=NSMAP)
    root.text = "\n  "
    header.tail = "\n  "
    text.tail = "\n"
    root.extend([header, text])
    diagnostics.extend(declare(root, transcript, profile))  # language, responsibilities
    if transcript_of(text) != transcript.text:
        diagnostics.append(Diagnostic(transcript.name, 1, 1, Severity.ERROR, "TK901",
                                      "internal error: the TEI does not give the transcript back"))
    diagnostics.sort(key=lambda d: (d.line, d.column))
    return EncodeResult(root.getroottree(), diagnostics, chosen, profile.name, explained)


def _unhonoured(rows: Sequence[Explained], transcript: Transcript,
                profile: Profile) -> list[Diagnostic]:
    """TK150 for every sign a conventions statement names that the profile does not read
    as the statement says (``braces … struck through`` with no rule for braces)."""
    from teikit.encoder.inline.declared import statement_warnings

    found = []
    for row in rows:
        if row.role == "conventions":
            source = transcript.lines[row.line - 1].text
            column = len(source) - len(source.lstrip(BLANKS)) + 1
            found.extend(statement_warnings(row.text, profile, transcript.name, row.line,
                                            column))
    return found


def _plain(element: etree._Element) -> str:
    """An element's words with its notes and note references left out."""
    return content(element, lambda child: "" if local_name(child) in {"note", "ref"}
                   else _plain(child))


def first_heading(text: etree._Element) -> str | None:
    """The words of the document's first ``head``: the title of a transcript whose record
    gives none."""
    head = text.find(f"{tei('body')}//{tei('head')}")
    title = " ".join(_plain(head).split()) if head is not None else ""
    return title or None
