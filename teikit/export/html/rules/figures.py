"""The TEI figures module: figures and their descriptions.

``figDesc`` is a line of its own.
"""

from __future__ import annotations

from collections.abc import Mapping

from teikit.export.html.render import Renderer
from teikit.export.html.rules.base import paragraph

RULES: Mapping[str, Renderer] = {"figDesc": paragraph("p")}
"""The figures module's renderers."""
