"""Struck-through text in crowd transcriptions: ``~~struck~~`` → ``<del rend="md-strike">``.

A single ``~`` (approximately) is left alone; an unclosed ``~~`` stays text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit.encoder.inline.state import InlineState
from teikit.encoder.model import Inline

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import Engine


def strike(engine: Engine, state: InlineState) -> bool:
    src, start = state.src, state.pos
    if not src.startswith("~~", start):
        return False
    close = src.find("~~", start + 2)
    if close <= start + 2 or "\n" in src[start:close]:
        return False
    children = engine.parse(state, start + 2, close)
    state.push(Inline("del", {"rend": "md-strike"}, children, state.offset(start)))
    state.pos = close + 2
    return True
