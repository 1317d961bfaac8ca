"""``[sic]``: the odd reading before it is really in the source.

``on 31 June [sic]`` → ``on 31 <sic rend="sic">June</sic>``. The marker follows its
target and does not say how far back it reaches; teikit wraps the one word before it
(scope warning TK120 when there is none, and an empty ``<sic/>`` keeps the marker).
Markers: ``[sic]``, ``[sic!]``, ``[Sic]``, ``[SIC]``; a marker glued to the word
(``June[sic]``) is noted with ``marker-attached``; a marker that opens the line after its
word keeps the line break inside the element (``marker-after-break``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit.encoder.inline.state import SEPARATORS, Bracket, InlineState, separator
from teikit.encoder.model import Inline
from teikit.transcript import SIC_MARKERS

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import Engine

_BY_MARKER = {marker: token for token, marker in SIC_MARKERS.items()}


def _word_only(state: InlineState, word: str | None) -> str | None:
    """The word without the quotes or brackets that open it (``“to [sic]``: the quote is
    not what the marker vouches for); they go back to the text before it."""
    if not word:
        return word
    lead = len(word) - len(word.lstrip("“‘\"'«„([{¿¡"))
    if lead == len(word):
        state.push_text(word)
        return None
    if lead:
        state.push_text(word[:lead])
    return word[lead:]


def sic(engine: Engine, state: InlineState, bracket: Bracket) -> bool:
    marker = state.src[bracket.start : bracket.end]
    token = _BY_MARKER.get(marker)
    if token is None:
        return False
    offset = state.offset(bracket.start)
    attached = bracket.start > 0 and not state.src[bracket.start - 1].isspace()
    last = state.out[-1] if state.out else None
    space = separator(last) if not attached else None
    if space is not None and isinstance(last, str):
        state.out[-1] = last[:-1]
        word = _word_only(state, state.take_last_word())
        if word is not None:
            rend = f"{token} {SEPARATORS[space]}".strip()  # "comission␣[sic]": its space kept
            state.push(Inline("sic", {"rend": rend}, [word], offset))
            return True
        state.push_text(space)
    elif attached and (word := state.take_last_word()) is not None:
        state.push(Inline("sic", {"rend": f"{token} marker-attached"}, [word], offset))
        return True
    elif not attached and (over := state.take_word_over_break()) is not None:
        word = _word_only(state, over[0])
        if word is not None:  # "“to⏎[sic] short": the word at the end of the line above
            state.push(Inline("sic", {"rend": f"{token} marker-after-break"},
                              [word + over[1]], offset))
            return True
        state.push_text(over[1])
    state.warn(bracket.start, "TK120", f"{marker} has no word before it to apply to")
    state.push(Inline("sic", {"rend": f"{token} marker-alone"}, [], offset))
    return True
