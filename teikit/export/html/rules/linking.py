"""The TEI linking module: anonymous blocks and segments, and references.

``ab`` is a paragraph, ``seg`` a ``span``; ``ref`` is rendered by :mod:`..notes`, which
links references and the notes they point at both ways.
"""

from __future__ import annotations

from collections.abc import Mapping

from teikit.export.html import notes
from teikit.export.html.render import Renderer
from teikit.export.html.rules.base import paragraph, phrase

RULES: Mapping[str, Renderer] = {"ab": paragraph("p"), "seg": phrase("span"), "ref": notes.ref}
"""The linking module's renderers."""
