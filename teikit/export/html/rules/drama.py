"""The TEI drama module: speeches and their speakers.

``sp`` is a block of the speech, ``speaker`` a line of its own.
"""

from __future__ import annotations

from collections.abc import Mapping

from teikit.export.html.render import Renderer
from teikit.export.html.rules.base import container, paragraph

RULES: Mapping[str, Renderer] = {"sp": container("div"), "speaker": paragraph("p")}
"""The drama module's renderers."""
