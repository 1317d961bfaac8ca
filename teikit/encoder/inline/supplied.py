"""Insertions: ``[North] Korea`` → ``<supplied reason="clarification">North</supplied> Korea``.

Everything in square brackets that no earlier rule claimed is text the editors added.
``@reason`` comes from the profile (``supplied_reason``: ``clarification`` by default,
``lost`` in the Leiden profile), ``@resp`` from ``resp``. The inside is parsed again, so
insertions nest: ``[the [Polish] side]`` gives two ``supplied``. Adjacent insertions
``[Kim said that] [Mao and Liu]`` stay two elements with the space between them as text.
An insertion glued inside a word (``deleg[ation]``) is encoded but warned about (TK110)
unless the profile expects it (``word_internal_ok``), as Leiden restorations do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit.encoder.inline._build import element, resp
from teikit.encoder.inline.state import Bracket, InlineState

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import Engine


def supplied(engine: Engine, state: InlineState, bracket: Bracket) -> bool:
    if not bracket.inner.strip():
        return False
    src = state.src
    before = src[bracket.start - 1] if bracket.start else " "
    after = src[bracket.end] if bracket.end < len(src) else " "
    if (before.isalnum() or after.isalnum()) and not state.options.get("word_internal_ok"):
        state.warn(bracket.start, "TK110", f"insertion inside a word: [{bracket.inner}]")
    reason = state.option("supplied_reason", "clarification")
    children = engine.inner(state, bracket)
    state.push(element(state, bracket, "supplied", children, reason=reason, resp=resp(state)))
    return True
