"""Notes in the text: ``[Translator's note: …]``, ``[Editor's note: …]``, ``[Note: …]``.

→ ``<note type="translator" place="inline" resp="#translator"><label>Translator's
note:</label> …</note>``; ``Editor's note``, ``Note``, ``Ed. note`` give
``type="editorial"``. Straight and curly apostrophes are both recognised; the prefix is
kept in ``<label>`` exactly as written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.encoder.inline.state import Bracket, InlineState
from teikit.encoder.model import Inline

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import Engine

PREFIX = re.compile(
    r"^(?P<label>(?:(?P<who>translator|editor|ed\.?|transcriber|tn|note)(?:['’]s)?"
    r"(?:\s+note)?|(?:note|comment|remark)\s+(?:by|of)\s+(?:the\s+)?"
    r"(?P<by>translator|editor|transcriber)s?)\s*:)",
    re.IGNORECASE,
)
"""``Translator's note:``, ``Ed. note:``, ``Note:``, ``Note by the translator:``."""
TYPES = {"translator": "translator", "tn": "translator", "transcriber": "transcriber"}


def notes(engine: Engine, state: InlineState, bracket: Bracket) -> bool:
    match = PREFIX.match(bracket.inner)
    if not match:
        return False
    who = (match.group("who") or match.group("by")).lower().rstrip(".")
    kind = TYPES.get(who, "editorial")
    label_end = bracket.inner_start + match.end("label")
    label = Inline("label", {}, [match.group("label")], state.offset(bracket.inner_start))
    rest = engine.parse(state, label_end, bracket.end - 1)
    attrs = {"type": kind, "place": "inline"}
    if kind == "translator":
        attrs["resp"] = "#translator"
    state.push(Inline("note", attrs, [label, *rest], state.offset(bracket.start)))
    return True
