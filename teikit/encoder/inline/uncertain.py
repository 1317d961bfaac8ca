"""Uncertain readings: ``[word?]`` and ``word [?]``.

``[Government?]`` → ``<unclear cert="low" rend="query-inside">Government</unclear>``;
``Nanking [?]`` → ``<unclear cert="low" rend="query-after">Nanking</unclear>`` (the
doubt covers the one word before the mark, or a place's name of two capitalised words right
after a preposition of place: ``AT BANDAR SHAHPUR [?]``, ``in Vela Luka [?]``); a lone
``[?]`` with no word before it is an empty ``<unclear/>`` with a scope warning (TK121).

With the profile option ``query_inside = "supplied"`` (the Leiden profile), ``[abc?]`` is a
doubtful restoration instead: ``<supplied reason="lost" cert="low" rend="query-inside">abc
</supplied>`` (``@reason`` from ``supplied_reason``), also inside a word (``[Tues?]day``,
``Bu[rić?]``). The ``?`` is kept as the ``query-inside`` token, not as text, so the reading
view shows ``abc`` and the transcript view ``[abc?]``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.encoder.inline._build import resp
from teikit.encoder.inline.state import SEPARATORS, Bracket, InlineState, separator
from teikit.encoder.model import Inline

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import Engine


_LABELLED = re.compile(r"[^\W\d_][\w'’ .-]{0,40}:\s")
"""A bracket that opens with a label (``[handwritten: which ones?]``, ``[Editor's note: …
?]``): a remark whose own question ends it, not a doubtful reading."""


def uncertain(engine: Engine, state: InlineState, bracket: Bracket) -> bool:
    offset = state.offset(bracket.start)
    inner = bracket.inner
    if inner == "?":
        return _after(state, bracket, offset)
    if len(inner) > 1 and inner.endswith("?") and inner.count("?") == 1 and inner[0] != " " and (
            not _LABELLED.match(inner)):
        if inner[-2].isspace():
            return False
        children = engine.parse(state, bracket.inner_start, bracket.end - 2)
        state.push(Inline(*_query_inside(state), children, offset))
        return True
    return False


def _query_inside(state: InlineState) -> tuple[str, dict[str, str]]:
    """``unclear``, or a doubtful ``supplied`` when the profile says so, and its attributes."""
    if state.option("query_inside", "unclear") != "supplied":
        return "unclear", {"cert": "low", "rend": "query-inside"}
    attrs = {"reason": state.option("supplied_reason", "lost"), "cert": "low",
             "rend": "query-inside", "resp": resp(state)}
    return "supplied", {key: value for key, value in attrs.items() if value}


def _after(state: InlineState, bracket: Bracket, offset: int) -> bool:
    attached = bracket.start > 0 and not state.src[bracket.start - 1].isspace()
    last = state.out[-1] if state.out else None
    if attached:
        word = state.take_last_word()
        if word is not None:
            state.push(Inline("unclear", {"cert": "low", "rend": "query-attached"}, [word], offset))
            return True
    elif (space := separator(last)) is not None and isinstance(last, str):
        state.out[-1] = last[:-1]
        word = state.take_last_word()
        if word is not None:
            word = _place_name(state, word) if space == " " else word
            rend = f"query-after {SEPARATORS[space]}".strip()  # "Aksoy␣[?]": its space kept
            state.push(Inline("unclear", {"cert": "low", "rend": rend}, [word], offset))
            return True
        state.push_text(space)
    elif (over := state.take_word_over_break()) is not None:  # "Kysucké⏎[?]"
        state.push(Inline("unclear", {"cert": "low", "rend": "query-after-break"},
                          ["".join(over)], offset))
        return True
    state.warn(bracket.start, "TK121", "[?] has no word before it to apply to")
    state.push(Inline("unclear", {"cert": "low", "rend": "query-alone"}, [], offset))
    return True


_BEFORE_PLACE = re.compile(
    r"(?:^|\s)(?i:at|near|in|from|to|of|into|via|towards|outside|off)\s+"
    r"(?P<first>[^\W\d_][\w'’-]*) $")
_FUNCTION = frozenset({"the", "a", "an", "this", "that", "our", "his", "their", "its", "late",
                       "early", "mid"})


def _place_name(state: InlineState, word: str) -> str:
    """``AT BANDAR SHAHPUR [?]``, ``in Vela Luka [?]``: a name of two capitalised words
    right after a preposition of place, doubted as a whole; else the one word."""
    if not word[:1].isupper() or not state.out or not isinstance(state.out[-1], str):
        return word
    text = state.out[-1]
    match = _BEFORE_PLACE.search(text)
    if match is None:
        return word
    first = match["first"]
    if not first[:1].isupper() or first.lower() in _FUNCTION or (
            first.isupper() != word.isupper()):
        return word
    state.out[-1] = text[: match.start("first")]
    return f"{first} {word}"
