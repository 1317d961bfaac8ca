"""Characters declared in the header: an empty ``g`` whose ``@ref`` points at a ``char``
or ``glyph`` of the document's ``charDecl`` reads as that declaration's ``mapping``.

Transcriptions of manuscripts and early prints write a special letter as
``Fa<g ref="#slongt"/>`` and say in the header what it stands for
(``<char xml:id="slongt"><mapping type="standard">st</mapping>…``). Read as it stands, the
empty ``g`` is nothing and the word loses its letters (``Fa``). Every view gives it the
text of its mapping, chosen by :data:`MAPPING_TYPES` (else the first mapping with text).
A ``g`` with content keeps its content; a ``g`` pointing elsewhere (another file) is left
as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from lxml import etree

from teikit.tei import is_tei, tei

MAPPING_TYPES: Final = ("standard", "normalized", "normalised", "regularized", "regularised",
                        "precomposed", "composed", "unicode", "diplomatic")
"""``mapping/@type`` values in the order their text is preferred (compared lower case)."""


def declaration(g: etree._Element, ids: Mapping[str, etree._Element]) -> etree._Element | None:
    """The ``char`` or ``glyph`` an empty ``g`` points at in its document (``ids``)."""
    if len(g) or (g.text or "").strip():
        return None
    ref = (g.get("ref") or "").strip()
    found = ids.get(ref[1:]) if ref.startswith("#") else None
    return found if found is not None and is_tei(found, "char", "glyph") else None


def glyph_text(g: etree._Element, ids: Mapping[str, etree._Element]) -> str | None:
    """The text an empty ``g`` stands for (see the module), or ``None``."""
    declared = declaration(g, ids)
    if declared is None:
        return None
    mappings = [(" ".join((m.get("type") or "").lower().split()), (m.text or "").strip())
                for m in declared.iter(tei("mapping"))]
    mappings = [(kind, text) for kind, text in mappings if text]
    for wanted in MAPPING_TYPES:
        found = next((text for kind, text in mappings if kind == wanted), None)
        if found:
            return found
    return mappings[0][1] if mappings else None


def glyph_name(g: etree._Element, ids: Mapping[str, etree._Element]) -> str | None:
    """The name the declaration an empty ``g`` points at gives (``charName``,
    ``glyphName``), for a title."""
    declared = declaration(g, ids)
    if declared is None:
        return None
    name = declared.find(tei("charName"))
    name = declared.find(tei("glyphName")) if name is None else name
    return " ".join((name.text or "").split()) or None if name is not None else None
