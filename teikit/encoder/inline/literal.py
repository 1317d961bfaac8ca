"""Brackets that belong to the source and must stay text.

Intervals and coordinates (``[0.85, 1.15]``, ``[0,85; 1,15]``, ``[a, b]``), citations (``[3]``,
``[3, p. 12]``) when the document ends with a reference list, bare numbers that are not
footnote references (``[1]``), and empty brackets. The span is kept verbatim and not
parsed further.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.encoder.inline.state import Bracket, InlineState

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import Engine

_BOUND = r"[-+−]?(?:\d+,\d+|[\w.]+)"
INTERVAL = re.compile(rf"^\s*{_BOUND}\s*[,;]\s*{_BOUND}\s*$")
"""``[0.25, 2.50]``, ``[a, b]``, and with decimal commas ``[0,85; 1,15]``."""
NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
"""A bracketed small number is a reference or a numbering of the source's own (a year such
as ``[1956]`` is an insertion, left to the ``supplied`` rule)."""
CITATION = re.compile(r"^\s*\d+(\s*[,–-]\s*\d+)*(\s*,\s*pp?\.\s*\d+([–-]\d+)?)?\s*$")


def literal(engine: Engine, state: InlineState, bracket: Bracket) -> bool:
    inner = bracket.inner
    is_interval = bool(INTERVAL.match(inner)) and any(ch.isdigit() for ch in inner)
    is_citation = state.context.has_references and bool(CITATION.match(inner))
    if not (is_interval or is_citation or NUMBER.match(inner) or not inner.strip()):
        return False
    if NUMBER.match(inner) and not is_citation and _restored_digits(state, bracket):
        return False  # Leiden "Riva 1[4]": a lost digit of the number, restored
    state.push_text(state.src[bracket.start : bracket.end])
    return True


def _restored_digits(state: InlineState, bracket: Bracket) -> bool:
    """Whether a bracketed number is part of a number around it (``1[4]``, ``[1]4``) where
    the profile reads brackets inside a word as restorations (Leiden)."""
    if not state.options.get("word_internal_ok"):
        return False
    before = state.src[bracket.start - 1] if bracket.start > 0 else ""
    after = state.src[bracket.end] if bracket.end < len(state.src) else ""
    return before.isdigit() or after.isdigit()
