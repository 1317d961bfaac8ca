"""Stamps and seals: ``[stamp: RECEIVED 3 MAR 1958]``, ``[stamp]``, ``[seal]``.

→ ``<stamp rend="labelled">RECEIVED 3 MAR 1958</stamp>``, ``<stamp/>``,
``<stamp type="seal"/>``; a capitalised ``Stamp``/``Seal`` adds ``capital`` to ``@rend``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.encoder.inline.state import Bracket, InlineState
from teikit.encoder.model import Inline

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import Engine

STAMP = re.compile(r"^(?P<word>[Ss]tamp)(?::(?P<sep> |\n)(?P<text>\S.*))?$|^(?P<seal>[Ss]eal)$",
                   re.DOTALL)
"""The stamp's words after ``Stamp:`` and a space, or on the lines under it (``[Stamp:`` /
``Ministry of …`` / ``No. 4471]``: ``newline`` in ``@rend``)."""


def stamp(engine: Engine, state: InlineState, bracket: Bracket) -> bool:
    match = STAMP.match(bracket.inner)
    if not match:
        return False
    offset = state.offset(bracket.start)
    word = match.group("word") or match.group("seal")
    rend = ["capital"] if word[0].isupper() else []
    if match.group("seal"):
        attrs = {"type": "seal"}
        children = []
    elif match.group("text") is not None:
        rend.insert(0, "labelled")
        if match.group("sep") == "\n":
            rend.append("newline")
        attrs = {}
        children = engine.parse(state, bracket.inner_start + match.start("text"), bracket.end - 1)
    else:
        attrs, children = {}, []
    if rend:
        attrs["rend"] = " ".join(rend)
    state.push(Inline("stamp", attrs, children, offset))
    return True
