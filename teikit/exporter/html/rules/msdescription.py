"""Manuscript and object descriptions (TEI msdescription basics) met inside a text.

``msDesc`` and its parts are blocks classed by their TEI names; the identifier, the
object's material, type and dimensions, and loci are phrases.
"""

from __future__ import annotations

from collections.abc import Mapping

from teikit.exporter.html.render import Renderer
from teikit.exporter.html.rules.base import container, paragraph, phrase

BLOCKS = ("msDesc", "msContents", "msItem", "physDesc", "objectDesc", "supportDesc",
          "layoutDesc", "handDesc", "history", "additional", "msPart", "msFrag")
LINES = ("msIdentifier", "support", "condition", "layout", "handNote", "origin",
         "provenance", "acquisition", "summary", "incipit", "explicit", "rubric", "colophon")
PHRASES = ("settlement", "institution", "repository", "collection", "altIdentifier",
           "material", "objectType", "dimensions", "height", "width", "depth", "locus",
           "origDate", "origPlace", "msName")

RULES: Mapping[str, Renderer] = {
    **dict.fromkeys(BLOCKS, container("div")),
    **dict.fromkeys(LINES, paragraph("p")),
    **dict.fromkeys(PHRASES, phrase("span")),
}
"""The msdescription renderers."""
