"""Corrections printed after the error: ``Indonesain [Indonesian]``.

→ ``<choice><sic>Indonesain</sic><corr rend="bracket-after">Indonesian</corr></choice>``,
only when the bracketed word is a near spelling of the word before it (similarity at
least ``correction_similarity``, 0.75 by default), so that ``Mao [Zedong]`` stays an
insertion. Off in the default profile: enable the rule in a profile of your own.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from teikit.encoder.inline.state import Bracket, InlineState
from teikit.encoder.model import Inline

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import Engine


def correction(engine: Engine, state: InlineState, bracket: Bracket) -> bool:
    inner = bracket.inner
    last = state.out[-1] if state.out else None
    if not isinstance(last, str) or not last.endswith(" ") or last.endswith("  "):
        return False
    previous = last[:-1].rsplit(None, 1)[-1] if last[:-1].strip() else ""
    if not previous or " " in inner or previous == inner:
        return False
    threshold = float(str(state.options.get("correction_similarity", 0.75)))
    if SequenceMatcher(None, previous.lower(), inner.lower()).ratio() < threshold:
        return False
    state.out[-1] = last[:-1]
    word = state.take_last_word()
    if word is None:
        state.push_text(" ")
        return False
    offset = state.offset(bracket.start)
    sic_node = Inline("sic", {}, [word], offset)
    corr = Inline("corr", {"rend": "bracket-after"}, [inner], offset)
    state.push(Inline("choice", {}, [sic_node, corr], offset))
    return True
