"""Writing added by hand on the original: ``[handwritten: …]``, ``[in pencil: …]``,
``[marginal note: …]``, ``[Handwritten at the top: …]``, ``[handwritten]``.

→ ``<add hand="#hand-handwritten" place="inline" rend="labelled"><label>handwritten:
</label> approved</add>`` (``place="margin"`` for marginal notes). The header declares
the hand in ``handNotes``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.encoder.inline.state import Bracket, InlineState
from teikit.encoder.model import Inline

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import Engine

PREFIX = re.compile(
    r"^(?P<label>(?P<kind>(?:hand-?written|in\s+(?:pencil|ink|pen)|marginal\s+(?:note|annotation)"
    r"|in\s+the\s+margin|manuscript\s+note)[^:\]\n]{0,40}?)(?:\s*:|$))",
    re.IGNORECASE,
)
"""``handwritten:``, ``Handwritten note in the margin:``, ``in pencil at the top:``…"""


def handwritten(engine: Engine, state: InlineState, bracket: Bracket) -> bool:
    match = PREFIX.match(bracket.inner)
    if not match:
        return False
    place = "margin" if "margin" in match.group("kind").lower() else "inline"
    label = Inline("label", {}, [match.group("label")], state.offset(bracket.inner_start))
    rest = engine.parse(state, bracket.inner_start + match.end("label"), bracket.end - 1)
    attrs = {"hand": "#hand-handwritten", "place": place, "rend": "labelled"}
    state.push(Inline("add", attrs, [label, *rest], state.offset(bracket.start)))
    return True
