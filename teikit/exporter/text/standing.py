"""The transcript view of TEI that teikit did not write: each ``text`` as it stands.

The text is read with teikit's marks (:mod:`teikit.transcript`), and so that no two words
run together where the XML sets them apart:

- a ``choice`` gives the source's own reading (``sic``, ``orig``, ``abbr``; else its first
  child); a reading that neither this view nor the reading view shows follows in
  brackets (``colour [color]`` for two ``seg``), so every reading is in one of them;
- an ``app`` gives its lemma, the variants after it in brackets: ``word [variant; other]``;
- a ``note`` stands in brackets where it is, apart from the words around it, a
  ``caesura`` is a space, and a ruby gloss (``rt``) follows its base in parentheses;
- a block or a line (``p``, ``l``, ``item`` …, as the reading view lays them out:
  :func:`teikit.exporter.text.rules.layout`) and a line break (``lb`` without
  ``break="no"``) start a new line when the XML has no whitespace there
  (``<l>one</l><l>two</l>``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Final, Literal

from lxml import etree

from teikit.exporter.counts import code_point
from teikit.exporter.glyphs import glyph_text
from teikit.exporter.pointers import id_index
from teikit.exporter.segments import is_row
from teikit.exporter.text import policy
from teikit.exporter.text.rules import layout, preferred_reading, tei_name
from teikit.exporter.text.tables import row_as_it_stands
from teikit.transcript import RENDER

Kind = Literal["text", "block", "aside"]

SOURCE_READINGS: Final = ("sic", "orig", "abbr")
"""In a ``choice``, the readings that stand in the source (the reading view prefers their
counterparts, :data:`policy.PREFERRED`)."""

VARIANTS: Final = frozenset({"rdg", "rdgGrp"})
INLINE: Final = frozenset({"app"})
"""Lines in the reading view's apparatus, but in the text where they stand."""
SEPARATORS: Final = {"block": "\n", "aside": " "}


@dataclass(frozen=True)
class Piece:
    """A run of the transcript, and what it is (text, a block or line, an aside)."""

    text: str
    kind: Kind = "text"


def as_it_stands(element: etree._Element) -> str:
    """The transcript text of ``element``'s content (its tail excluded)."""
    spaced = tei_name(element) in policy.SPACED_GROUPS or standing_row(element)
    pieces = [Piece(element.text or "")]
    for node in element:
        if tei_name(node) is not None:
            kind = kind_of(node)
            pieces.append(Piece(render(node), "aside" if spaced and kind == "text" else kind))
        pieces.append(Piece(node.tail or ""))
    return joined_pieces(pieces)


def standing_row(element: etree._Element) -> bool:
    """A row of segments between blocks (:mod:`teikit.exporter.segments`): a line whose
    parts the layout sets apart."""
    parent = element.getparent()
    return is_row(element) and parent is not None and tei_name(parent) in policy.CONTAINERS


def kind_of(element: etree._Element) -> Kind:
    name = tei_name(element)
    if name in ("note", "caesura"):
        return "aside"
    if name is None or name in INLINE:
        return "text"
    if layout(element, name) or (name == "lb" and element.get("break") != "no") \
            or standing_row(element):
        return "block"
    return "text"


RANK: Final = {"text": 0, "aside": 1, "block": 2}


def joined_pieces(pieces: list[Piece]) -> str:
    """The pieces in turn, a new line (around a block) or a space (around an aside) put
    between two runs of text that would otherwise touch."""
    out: list[str] = []
    asked: Kind = "text"  # the strongest separation asked for since the last text
    for piece in pieces:
        if RANK[piece.kind] > RANK[asked]:
            asked = piece.kind
        if not piece.text:
            continue
        touching = bool(out) and not out[-1][-1].isspace() and not piece.text[0].isspace()
        if asked != "text" and touching:
            out.append(SEPARATORS[asked])
        out.append(piece.text)
        asked = piece.kind
    return "".join(out)


@functools.lru_cache(maxsize=2)
def _ids(root: etree._Element) -> dict[str, etree._Element]:
    """The document's ``xml:id`` index, made once per document (not once per ``g``)."""
    return id_index(root)


def render(element: etree._Element) -> str:
    """The transcript text of ``element`` itself."""
    name = tei_name(element)
    if name == "choice":
        return _choice(element)
    if name == "app":
        return _app(element)
    if name == "row":
        return row_as_it_stands(element, render)
    inner = as_it_stands(element)
    if name == "note":
        return f"[{inner.strip()}]" if inner.strip() else ""
    if name == "rt":  # a ruby gloss after its base: 漢(kan)
        return f"({inner})"
    if name == "g" and element.get("type") == "control":  # U+XXXX, when it names one
        return code_point(element.get("n", "")) or inner
    if name == "g" and element.get("ref"):  # a character declared in the header
        inner = glyph_text(element, _ids(element.getroottree().getroot())) or inner
    handler = RENDER.get(name or "")
    return handler(element, inner) if handler else inner


def _choice(choice: etree._Element) -> str:
    children = [child for child in choice if tei_name(child)]
    if not children:
        return as_it_stands(choice)
    shown = next((c for c in children if tei_name(c) in SOURCE_READINGS), children[0])
    preferred = preferred_reading(choice)
    others = [render(c) for c in children if c is not shown and c is not preferred]
    return render(shown) + "".join(f" [{text.strip()}]" for text in others if text.strip())


def _app(app: etree._Element) -> str:
    children = [child for child in app if tei_name(child)]
    lemma = next((c for c in children if tei_name(c) == policy.LEMMA), None)
    if lemma is None:
        lemma = next((c for c in children if tei_name(c) in VARIANTS), None)
    variants = [render(c).strip() for c in children
                if c is not lemma and tei_name(c) in VARIANTS]
    notes = [render(c) for c in children if tei_name(c) == "note"]
    text = render(lemma) if lemma is not None else ""
    listed = "; ".join(v for v in variants if v)
    return text + (f" [{listed}]" if listed else "") + "".join(f" {n}" for n in notes if n)
