"""The TEI linking module: anonymous blocks and segments, and references.

``ab`` is a paragraph, ``seg`` a ``span``; ``ref`` and ``ptr`` are rendered by
:mod:`..links`, which links references and the elements they point at both ways.
"""

from __future__ import annotations

from collections.abc import Mapping

from teikit.exporter.html import links
from teikit.exporter.html.render import Renderer
from teikit.exporter.html.rules.base import paragraph, phrase

RULES: Mapping[str, Renderer] = {"ab": paragraph("p"), "seg": phrase("span"), "ref": links.ref,
                                 "ptr": links.ptr}
"""The linking module's renderers."""
