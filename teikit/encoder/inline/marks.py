"""Marks on the original that were not transcribed: signatures, seals, damage.

``[signature]``, ``[illegible signature]``, ``[signed]``, ``[initialed]`` →
``<gap reason="signature"><desc>signature</desc></gap>``; ``[torn]``, ``[damaged]``,
``[hole in paper]``, ``[text missing]`` → ``<gap reason="lost">``. The marker is kept.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.encoder.inline._build import gap
from teikit.encoder.inline.state import Bracket, InlineState

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import Engine

SIGNATURE = re.compile(r"^\s*((illegible\s+)?signature|signed|initial(l)?ed|initials)\s*$", re.I)
DAMAGE = re.compile(
    r"^\s*(?:(?:the\s+)?(?:page|sheet|leaf|corner|edge|margin|part|text|line|lines|word|words)"
    r"\s+)?(?:torn(?:\s+(?:out|off|away))?|damaged|burnt|burned|stained|water[- ]damaged"
    r"|cut(?:\s+(?:out|off|away))|missing|lost|destroyed|hole\s+in\s+(?:the\s+)?paper)\s*$",
    re.IGNORECASE,
)
"""``[torn]``, ``[page torn out]``, ``[corner cut off]``, ``[text missing]``: physical loss."""


_ATTRIBUTIVE = re.compile(r"^\s*(?:burnt|burned|stained|damaged)\s*$", re.IGNORECASE)
_BEFORE_NOUN = re.compile(r"(?:^|\s)(?:of|the|a|an|with|some|no|its|their|and)\s$", re.IGNORECASE)


def marks(engine: Engine, state: InlineState, bracket: Bracket) -> bool:
    if SIGNATURE.match(bracket.inner):
        return gap(state, bracket, "signature")
    if DAMAGE.match(bracket.inner) and not _describes_a_word(state.src, bracket):
        return gap(state, bracket, "lost")
    return False


def _describes_a_word(src: str, bracket: Bracket) -> bool:
    """``lack of [burnt] lime``: a word the editor added before a noun, not a note that the
    paper was burnt (a bare ``[burnt]`` between an article or a preposition and a word)."""
    after = src[bracket.end : bracket.end + 2]
    return bool(_ATTRIBUTIVE.match(bracket.inner)) and bool(
        _BEFORE_NOUN.search(src[max(0, bracket.start - 6) : bracket.start])) and (
        after[:1] == " " and after[1:2].islower())
