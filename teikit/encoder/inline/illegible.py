"""Illegible text: ``[illegible]``, ``[illegible word]``, ``[2 words illegible]``.

→ ``<gap reason="illegible" quantity="2" unit="word"><desc>2 words illegible</desc></gap>``.
The count and unit are read when given (digits or English number words; units word,
line, letter, character), otherwise only the reason is set.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.encoder.inline._build import gap
from teikit.encoder.inline.state import Bracket, InlineState

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import Engine

NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
           "seven": "7", "eight": "8", "nine": "9", "ten": "10", "a": "1", "an": "1"}
UNITS = {"word": "word", "line": "line", "letter": "char", "character": "char", "char": "char"}
ILLEGIBLE = re.compile(
    r"^\s*(?:(?P<count>\d+|one|two|three|four|five|six|seven|eight|nine|ten|an?)\s+)?"
    r"(?:(?P<unit_before>words?|lines?|letters?|characters?|chars?)\s+)?"
    r"(?:illegible|indecipherable|undecipherable|unreadable|unclear|not legible)"
    r"(?:\s+(?P<unit_after>words?|lines?|letters?|characters?|chars?))?\s*$",
    re.IGNORECASE,
)


def illegible(engine: Engine, state: InlineState, bracket: Bracket) -> bool:
    match = ILLEGIBLE.match(bracket.inner)
    if not match:
        return False
    unit_word = (match.group("unit_before") or match.group("unit_after") or "").lower()
    unit = UNITS.get(unit_word.rstrip("s"), "")
    count = match.group("count")
    quantity = NUMBERS.get(count.lower(), count) if count else ("1" if unit else "")
    return gap(state, bracket, "illegible", quantity=quantity, unit=unit)
