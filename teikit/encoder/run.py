"""One encoder run: transcript → layout → inline rules → TEI ``<text>`` → ``teiHeader``.

Kept apart from :mod:`teikit.encoder` so that importing teikit stays cheap: the layouts,
rules and date tables load on the first encoding, not on every ``teikit validate``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

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
from teikit.encoder.model import Metadata
from teikit.encoder.profiles import Profile, get
from teikit.encoder.source import BLANKS, Transcript, decode, position
from teikit.tei import NSMAP, local_name, tei, xml
from teikit.transcript import content, transcript_of


def _dates(profile: Profile) -> DateOptions:
    return DateOptions(
        day_first=bool(profile.option("day_first", True)),
        century_pivot=int(profile.option("century_pivot", DateOptions().century_pivot)),
    )


@dataclass
class Built:
    """A transcript's ``<text>``, and what the rest of the run needs of its layout."""

    text: etree._Element
    metadata: Metadata
    layout: str
    explained: list[Explained]
    diagnostics: list[Diagnostic]


def encode_transcript(transcript: Transcript, profile: Profile | None = None,
                      layout: str | None = None) -> EncodeResult:
    """Encode a decoded transcript."""
    profile = profile or get("documentary")
    return finish(build_text(transcript, profile, layout), transcript, profile)


def encode_decoded(data: bytes, name: str, profile: Profile | None = None,
                   layout: str | None = None, encoding: str = "utf-8") -> EncodeResult:
    """Decode ``data`` and encode it, letting go of the transcript's lines once the
    ``<text>`` is built: the header, the declarations and the read-back check read only
    its text, and for a large transcript the lines hold several times its size."""
    transcript = decode(data, name, encoding)
    profile = profile or get("documentary")
    built = build_text(transcript, profile, layout)
    transcript = replace(transcript, lines=())
    return finish(built, transcript, profile)


def build_text(transcript: Transcript, profile: Profile, layout: str | None) -> Built:
    """The layout of ``transcript`` and the ``<text>`` built from it (its model tree let
    go as soon as it is built: it takes as much memory as the TEI tree)."""
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
    built = Built(builder.container(found.text), found.metadata, found.layout,
                  found.explained, diagnostics)
    del found
    built.text.set(xml("space"), "preserve")
    ensure_body(built.text)
    diagnostics.extend(builder.diagnostics)
    if built.metadata.title is None:
        built.metadata.title = first_heading(built.text)
    lines = sum(1 for line in transcript.lines if not line.is_blank)
    if built.metadata.title is None and lines > 2:
        diagnostics.append(Diagnostic(transcript.name, 1, 1, Severity.WARNING, "TK005",
                                      "no title found; the file name stands for it"))
    return built


def finish(built: Built, transcript: Transcript, profile: Profile) -> EncodeResult:
    """The ``teiHeader`` beside the built ``<text>``, the declarations, and the check that
    the TEI gives the transcript back (of ``transcript``, only the text is read)."""
    text, diagnostics = built.text, built.diagnostics
    uses_hand = text.find(f".//{tei('add')}[@hand='#hand-handwritten']") is not None
    header = tei_header(built.metadata, transcript, profile, built.layout, uses_hand)
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
    return EncodeResult(root.getroottree(), diagnostics, built.layout, profile.name,
                        built.explained)


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
