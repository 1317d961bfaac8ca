"""What the page shows of a document besides its ``text``: the description of the source,
read from the header (a manuscript's or an object's ``msDesc`` in ``sourceDesc``), and the
registers kept apart from the text in ``standOff``.

A catalogue record (a library's description of a manuscript) holds all its words in the
header and leaves ``text`` empty or a placeholder; a transcription's header may describe
its witness the same way. Either way the reader needs the description, so it is rendered
through the same rules as the text (:mod:`.rules.msdescription`), in a section of its own
before the text, under a heading that names the source by its identifier.

A ``standOff`` holds what the text points at (people, places, works, events: the
``@ref`` of its names); its registers are rendered after the text, as a ``back`` would
hold them (:mod:`.rules.namesdates`), so the names link to their entries.
"""

from __future__ import annotations

from lxml import etree

from teikit.exporter.html.links import index_ids
from teikit.exporter.html.render import Context, Node, attrs, make, text_of
from teikit.exporter.sources import descriptions
from teikit.tei import NAMESPACES


def heading(description: etree._Element) -> str:
    """'Description of the source', naming it by its shelfmark when it has one (after its
    repository when the shelfmark is a bare number: ``Museo Civico, 244``)."""
    name = _first_text(description, "tei:msIdentifier/tei:idno | tei:msIdentifier/tei:msName")
    if name and not any(c.isalpha() for c in name):
        holder = _first_text(description, "tei:msIdentifier/tei:repository | "
                             "tei:msIdentifier/tei:institution | tei:msIdentifier/tei:settlement")
        name = f"{holder}, {name}" if holder else name
    return f"Description of the source: {name}" if name else "Description of the source"


def _first_text(element: etree._Element, path: str) -> str:
    found = element.xpath(f"({path})[1]", namespaces=NAMESPACES)
    first = found[0] if isinstance(found, list) and found else None
    return " ".join(text_of(first).split()) if isinstance(first, etree._Element) else ""


def index_descriptions(document: etree._Element, ctx: Context) -> list[etree._Element]:
    """Give the ids of ``document``'s descriptions HTML ids (before the text's, as they come
    first on the page) and return the descriptions."""
    found = descriptions(document)
    for description in found:
        index_ids(description, ctx.shared)
    return found


def source_sections(found: list[etree._Element], ctx: Context) -> list[Node]:
    """A ``section.source-description`` for each description, with its heading (an ``h2``,
    one level down in a corpus's documents)."""
    out: list[Node] = []
    for description in found:
        label = ctx.shared.unique_id("source-description")
        level = min(6, 2 + ctx.heading_offset)
        title = make(f"h{level}", attrs("gen", id=label), [heading(description)])
        out.extend(["\n", make("section", attrs("source-description", aria_labelledby=label),
                               [title, *ctx.render(description)])])
    return out


def register_section(found: list[etree._Element], ctx: Context) -> list[Node]:
    """A ``section.registers`` with the registers of the ``standOff`` (none when empty)."""
    content = [node for register in found for node in ctx.render(register)]
    return ["\n", make("section", attrs("registers"), content)] if content else []
