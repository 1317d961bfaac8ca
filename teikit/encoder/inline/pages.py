"""Page markers inside the text: ``[Page 2]``, ``[page iv]``, ``[p. 3]`` → ``<pb n="2"/>``.

A page break is a milestone: it may sit mid-paragraph. ``@rend`` keeps the marker's
spelling (``bracket Page``, and ``newline`` when a hard-wrapped transcript broke the line
inside it) so the transcript can be given back. Page markers on a line
of their own are handled by the layout.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.encoder.inline.state import Bracket, InlineState
from teikit.encoder.model import Inline
from teikit.transcript import PAGE_WORDS

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import Engine

PAGE = re.compile(
    r"^(?P<word>Page|page|PAGE|p\.|P\.)(?P<space>[ \n]?)(?P<n>\d+|[ivxlcdmIVXLCDM]+)$")


def pages(engine: Engine, state: InlineState, bracket: Bracket) -> bool:
    match = PAGE.match(bracket.inner)
    if not match or match.group("word") not in PAGE_WORDS:
        return False
    rend = ["bracket", match.group("word")]
    if not match.group("space"):
        rend.append("nospace")
    elif match.group("space") == "\n":
        rend.append("newline")  # "[Page" / "612]": a hard-wrapped transcript broke it
    attrs = {"n": match.group("n"), "rend": " ".join(rend)}
    state.push(Inline("pb", attrs, [], state.offset(bracket.start)))
    return True
