"""The TEI verse module: lines and line groups.

``lg`` is a block of lines; ``l`` a line of its own.
"""

from __future__ import annotations

from collections.abc import Mapping

from teikit.export.html.render import Renderer
from teikit.export.html.rules.base import container, paragraph

RULES: Mapping[str, Renderer] = {"lg": container("div"), "l": paragraph("p")}
"""The verse module's renderers."""
