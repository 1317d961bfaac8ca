"""Manuscript and object descriptions (TEI msdescription), in the text or read from the
header's ``sourceDesc`` (:mod:`teikit.exporter.html.source`).

``msDesc`` and its parts are blocks classed by their TEI names; a part that may hold
either paragraphs or phrases (``summary``, ``provenance``, ``decoNote`` …) is a block when
it holds paragraphs and a line otherwise. The identifier is one line whose parts
(settlement, repository, shelfmark …) are set apart by commas. The quoted openings and
endings of a text (``incipit``, ``explicit``, ``rubric`` …) start with a generated label
(``Incipit:``), as a catalogue prints them. The object's material, type and dimensions,
and loci are phrases.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from teikit.exporter.html.notes import has_blocks
from teikit.exporter.html.render import Context, Node, Renderer, gen, text_of
from teikit.exporter.html.rules.base import block, container, lines, phrase
from teikit.tei import local_name

BLOCKS = ("msDesc", "msContents", "msItem", "msItemStruct", "physDesc", "objectDesc",
          "supportDesc", "layoutDesc", "handDesc", "scriptDesc", "typeDesc", "decoDesc",
          "bindingDesc", "sealDesc", "history", "additional", "adminInfo", "recordHist",
          "custodialHist", "msPart", "msFrag", "accMat", "binding", "seal")
MIXED = ("summary", "support", "condition", "layout", "handNote", "scriptNote", "typeNote",
         "decoNote", "musicNotation", "origin", "provenance", "acquisition", "custEvent",
         "surrogates", "collation", "foliation", "textLang", "filiation", "source",
         "additions", "availability")
"""Parts that hold phrases, or paragraphs (the guidelines allow either)."""
LABELLED = {"incipit": "Incipit", "explicit": "Explicit", "rubric": "Rubric",
            "finalRubric": "Final rubric", "colophon": "Colophon"}
PHRASES = ("settlement", "institution", "repository", "collection", "altIdentifier",
           "material", "objectType", "dimensions", "height", "width", "depth", "locus",
           "locusGrp", "origDate", "origPlace", "msName", "secFol", "catchwords",
           "signatures", "watermark", "heraldry", "dim")


def mixed(element: etree._Element, ctx: Context) -> list[Node]:
    """A part holding paragraphs as a ``div``, holding phrases as a ``p``."""
    if has_blocks(element):
        return block(element, ctx, "div")
    return lines(element, ctx, "p", data_n=element.get("n"))


def labelled(element: etree._Element, ctx: Context) -> list[Node]:
    """``incipit`` and the like: a line opened by its label."""
    label = gen(f"{LABELLED[local_name(element)]}: ", "label")
    return lines(element, ctx, "p", content=[label, *ctx.inline().children(element)])


def identifier(element: etree._Element, ctx: Context) -> list[Node]:
    """``msIdentifier``: one line, its parts set apart by commas (put before the source's
    own spaces and line breaks between them, which are kept)."""
    content: list[Node] = [element.text] if element.text else []
    inner = ctx.inline()
    for child in element:
        rendered = inner.render(child)
        if rendered and _has_words(content):
            spaces = content.pop() if isinstance(content[-1], str) and \
                not content[-1].strip() else ""
            comma = "" if _ends_apart(content[-1]) else ","
            content.extend([gen(comma), spaces] if spaces else [gen(f"{comma} ")])
        content.extend(rendered)
        if child.tail:
            content.append(child.tail)
    return lines(element, ctx, "p", content=content)


def _has_words(content: list[Node]) -> bool:
    return any((n if isinstance(n, str) else text_of(n)).strip() for n in content)


def _ends_apart(node: Node) -> bool:
    """Whether ``node`` ends with a separator of its own (punctuation)."""
    text = (node if isinstance(node, str) else text_of(node)).rstrip()
    return not text or text[-1] in ",;:"


RULES: Mapping[str, Renderer] = {
    **dict.fromkeys(BLOCKS, container("div")),
    **dict.fromkeys(MIXED, mixed),
    **dict.fromkeys(LABELLED, labelled),
    **dict.fromkeys(PHRASES, phrase("span")),
    "msIdentifier": identifier,
}
"""The msdescription renderers."""
