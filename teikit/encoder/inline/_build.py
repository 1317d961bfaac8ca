"""Small helpers the inline rules share for making elements."""

from __future__ import annotations

from teikit.encoder.inline.state import Bracket, InlineState
from teikit.encoder.model import Inline, Node
from teikit.xmlchars import INVALID_XML


def element(state: InlineState, bracket: Bracket, tag: str, children: list[Node],
            **attrs: str) -> Inline:
    """An element starting at the bracket, with empty attributes dropped."""
    clean = {key.rstrip("_"): value for key, value in attrs.items() if value}
    return Inline(tag, clean, children, state.offset(bracket.start))


def gap(state: InlineState, bracket: Bracket, reason: str, **attrs: str) -> bool:
    """Push ``<gap reason=…><desc>marker</desc></gap>`` keeping the marker verbatim.

    A marker holding a character XML cannot carry is not a gap (``desc`` cannot hold the
    ``g`` that would stand for it): the rule declines and the bracket stays for others.
    """
    if INVALID_XML.search(bracket.inner):
        return False
    desc = Inline("desc", {}, [bracket.inner], state.offset(bracket.inner_start))
    state.push(element(state, bracket, "gap", [desc], reason=reason, **attrs))
    return True


def resp(state: InlineState) -> str:
    """The profile's ``@resp`` for editorial interventions ("" when unset)."""
    return state.option("resp")
