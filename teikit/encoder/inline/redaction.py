"""Withheld text: ``[name not declassified]``, ``[less than 1 line not declassified]``,
``[1 paragraph (3 lines) not declassified]``, ``[redacted]``, ``[Omitted here is …]``.

Declassification formulas and ``[redacted]`` → ``<gap reason="redacted" extent="…">``
with the size (``less than 1 line``, ``name``) in ``@extent``; the editor's own
omission notes (``Omitted here is …``, ``text omitted``) → ``gap reason="editorial"``.
The marker stays in ``<desc>``; ``redacted`` is declared in the header's editorial
declaration, as TEI asks for project values.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.encoder.inline._build import gap
from teikit.encoder.inline.state import Bracket, InlineState

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import Engine

NOT_DECLASSIFIED = re.compile(r"^\s*(?P<extent>.*?)\s*not\s+declassified\s*$",
                              re.IGNORECASE | re.DOTALL)
REDACTED = re.compile(r"^\s*(redacted|withheld|excised|deleted\s+by\s+the\s+editors?)\s*$", re.I)
OMITTED = re.compile(r"^\s*(omitted\s+here\s+(is|are)\b.*|.*\bomitted\s*)$",
                     re.IGNORECASE | re.DOTALL)


def redaction(engine: Engine, state: InlineState, bracket: Bracket) -> bool:
    inner = bracket.inner
    if match := NOT_DECLASSIFIED.match(inner):
        return gap(state, bracket, "redacted", extent=match.group("extent"))
    if REDACTED.match(inner):
        return gap(state, bracket, "redacted")
    if OMITTED.match(inner) and len(inner) <= 400:
        return gap(state, bracket, "editorial")
    return False
