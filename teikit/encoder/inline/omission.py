"""Omissions: ``[...]``, ``[. . .]``, ``[…]`` → ``<gap reason="editorial"><desc>...</desc></gap>``.

Any spelling of dots is an omission: full stops and ellipsis characters in any mix, with or
without spaces between them and inside the brackets (``[.…]``, ``[….]``, ``[. . . .]``,
``[ … ]``, ``[..]``), as long as they add up to at least two dots (one ``…`` counts as
three). A lone ``[.]`` is not an omission.

The reason comes from the profile (``omission_reason``): ``editorial`` for documentary
editions (the editor left text out), ``lost`` for Leiden, where dots mark a lacuna. The
exact marker is kept in ``<desc>`` so the transcript can be given back.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.encoder.inline._build import gap
from teikit.encoder.inline.state import Bracket, InlineState

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import Engine

DOTS = re.compile(r"^\s*(?:…|\.\s*[.…])[\s.…]*$")
"""Dots and ellipses only: a ``…``, or a full stop followed by another dot of either kind."""


def omission(engine: Engine, state: InlineState, bracket: Bracket) -> bool:
    if not DOTS.match(bracket.inner):
        return False
    return gap(state, bracket, state.option("omission_reason", "editorial"))
