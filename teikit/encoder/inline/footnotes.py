"""Footnote references: ``[1]``, a superscript ``¹``, or digits glued to a word (``Korea1``).

→ ``<ref type="noteAnchor" target="#note-1">[1]</ref>`` linking to
``<note xml:id="note-1" n="1">`` at the end. Each form fires only when the notes section
has a note with that number; a number in brackets with no such note is not a footnote
reference and is left to the other rules (it stays text).

Glued digits (rule ``glued``) are how web editions such as history.state.gov flatten a
superscript: ``…the Department of State0`` / ``…in Cairo64 but …`` / ``…attached.1``. Since
plain digits are everywhere, the rule is narrow: the digits must directly follow a
letter, a closing bracket, parenthesis or quote, or a full stop, comma, colon or
semicolon closing a word; after a number they may follow ``,`` ``;`` ``:`` when one or
two digits long (``Embtels 869,1``; ``13,000`` stays a number) or a full stop that ends
the sentence (``Seoul 7508.3 The…``; ``1.5 percent`` stays); no letter or digit may
follow them; and the number must be one the layout
found in a trailing notes section whose every entry is referenced this way, in order
(see :func:`glued_references`). ``H2O``, ``B-52``, ``Files 1970–73`` stay text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from teikit.encoder.inline.state import Bracket, InlineState
from teikit.encoder.model import Inline

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import Engine

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
DIGITS = "0123456789"
_DIGITS = str.maketrans(SUPERSCRIPTS, DIGITS)
GLUED = re.compile(
    r"(?:(?<=[^\W\d_])|(?<=[)\]”’\"'])|(?<=[^\W\d_][.,:;?!])|(?<=[)\]”’\"'][.,:;])"
    r"|(?<=\d[,;:])(?=\d{1,2}(?!\d))"
    r"|(?<=\d\.)(?=\d{1,2}(?:\s+[A-Z“\"(]|\s*$)))"
    r"(?<![A-Z]\.[A-Z]\.)"  # not a postal district: "Foreign Office, S.W.1"
    r"(?P<n>0|[1-9]\d{0,2})(?!\w)(?![.,]\d)"
)
"""Digits glued after a letter, a closing mark, or punctuation closing a word; not the
whole part of a decimal number (``$A3.4 million``)."""


def glued_references(text: str) -> Iterator[tuple[int, int, str]]:
    """Every (start, end, number) in ``text`` that looks like a glued footnote number."""
    for match in GLUED.finditer(text):
        yield match.start("n"), match.end("n"), match.group("n")


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


def glued(engine: Engine, state: InlineState) -> bool:
    """Character rule for ``0``–``9``: digits glued to the word before them that number a
    note in the notes section (``Cairo64`` → ``Cairo<ref …>64</ref>``)."""
    pos, src = state.pos, state.src
    match = GLUED.match(src, pos)  # the look-behind sees the text before ``pos``
    if match is None:
        return False
    target = state.context.note_ids.get(match.group("n"))
    if target is None:
        return False
    ref = {"type": "noteAnchor", "target": f"#{target}"}
    state.push(Inline("ref", ref, [match.group("n")], state.offset(pos)))
    state.pos = match.end()
    return True

