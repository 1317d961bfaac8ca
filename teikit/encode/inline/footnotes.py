"""Footnote references: ``[1]`` or a superscript ``¹`` whose note is in the notes section.

→ ``<ref type="noteAnchor" target="#note-1">[1]</ref>`` linking to
``<note xml:id="note-1" n="1">`` at the end. A number in brackets with no such note is
not a footnote reference and is left to the other rules (it stays text).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit.encode.inline.state import Bracket, InlineState
from teikit.encode.model import Inline

if TYPE_CHECKING:
    from teikit.encode.inline.engine import Engine

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_DIGITS = str.maketrans(SUPERSCRIPTS, "0123456789")


def footnotes(engine: Engine, state: InlineState, bracket: Bracket) -> bool:
    target = state.context.note_ids.get(bracket.inner.strip())
    if target is None or bracket.inner != bracket.inner.strip():
        return False
    ref = {"type": "noteAnchor", "target": f"#{target}"}
    state.push(Inline("ref", ref, [bracket.inner.join("[]")], state.offset(bracket.start)))
    return True


def superscript(engine: Engine, state: InlineState) -> bool:
    """Character rule for ``¹²``: a reference when the notes section has that number."""
    end = state.pos
    while end < len(state.src) and state.src[end] in SUPERSCRIPTS:
        end += 1
    digits = state.src[state.pos : end]
    target = state.context.note_ids.get(digits.translate(_DIGITS))
    if target is None:
        return False
    ref = {"type": "noteAnchor", "target": f"#{target}"}
    state.push(Inline("ref", ref, [digits], state.offset(state.pos)))
    state.pos = end
    return True
