"""Leiden sigla for editions of inscriptions and papyri (EpiDoc).

- ``[---]``, ``[- - -]``: lost text of unknown extent → ``<gap reason="lost" extent="unknown">``;
  ``[c. 5]``: about five letters lost → ``<gap reason="lost" quantity="5" unit="char"
  precision="low">`` (bracket rule ``lacuna``; the marker stays in ``<desc>``);
- ``<abc>``: letters the writer omitted, supplied by the editor →
  ``<supplied reason="omitted" rend="angle">abc</supplied>`` (character rule ``omitted``);
- ``a(bc)``: an abbreviation expanded → ``<expan><abbr>a</abbr><ex>bc</ex></expan>``
  (character rule ``expansion``; only directly after letters, no space inside).
Restorations ``[abc]`` are the ``supplied`` rule with ``supplied_reason = "lost"``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.encoder.inline._build import gap
from teikit.encoder.inline.state import Bracket, InlineState
from teikit.encoder.model import Inline

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import Engine

LACUNA = re.compile(r"^\s*-(\s*-)+\s*$")
COUNTED = re.compile(r"^c(?:a)?\.\s?(?P<n>\d+)$")
OMITTED = re.compile(r"<([^<>\s][^<>\n]*)>")
EXPANSION = re.compile(r"\((\w+)\)")


def lacuna(engine: Engine, state: InlineState, bracket: Bracket) -> bool:
    if LACUNA.match(bracket.inner):
        return gap(state, bracket, "lost", extent="unknown")
    if counted := COUNTED.match(bracket.inner):
        return gap(state, bracket, "lost", quantity=counted.group("n"), unit="char",
                   precision="low")
    return False


def omitted(engine: Engine, state: InlineState) -> bool:
    match = OMITTED.match(state.src, state.pos)
    if not match:
        return False
    children = engine.parse(state, match.start(1), match.end(1))
    attrs = {"reason": "omitted", "rend": "angle"}
    state.push(Inline("supplied", attrs, children, state.offset(state.pos)))
    state.pos = match.end()
    return True


def expansion(engine: Engine, state: InlineState) -> bool:
    match = EXPANSION.match(state.src, state.pos)
    if not match or state.pos == 0 or not state.src[state.pos - 1].isalpha():
        return False
    abbr = state.take_last_word()
    if abbr is None:
        return False
    offset = state.offset(state.pos)
    ex = Inline("ex", {}, [match.group(1)], offset)
    state.push(Inline("expan", {}, [Inline("abbr", {}, [abbr], offset), ex], offset))
    state.pos = match.end()
    return True
