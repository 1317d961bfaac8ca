"""Citations of the document's own reference list: ``[1]``, ``[2, p. 41]``, ``[3; 4]``, ``[1–3]``.

→ ``<ref type="citation" target="#bibl-3 #bibl-4">[3; 4]</ref>``: the bracket is kept as the
reference's text, and ``@target`` points to every entry it cites (a range names each entry in
it). The rule fires only when the layout found a reference list (References, Bibliography,
Literature…) and put its entries' numbers in ``Context.bibl_ids``, and only when every number
cited is an entry of that list; anything else (``[0.85, 1.15]``, ``[7]`` with no entry 7) is
left to the other rules. Citations are never notes and never insertions.

What may stand between the brackets: numbers and ranges (``1–3``, ``1-3``), separated by
commas or semicolons, each optionally followed by a locator (``p. 41``, ``pp. 41–43``,
``S. 12``, ``ch. 2``, ``fig. 3``, ``Table 3``, ``sec. 4``, ``sheet 3``, ``fol. 12``, ``§ 5``)
after a comma or a space,
or pages after a colon (``3: 112–114``); or the keys of a list that names its works by
author and year (``[BER58]``, ``[DS59, sect. 4]``, ``[BER58; NOR60]``), separated by
semicolons.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.encoder.inline.state import Bracket, InlineState
from teikit.encoder.model import Inline

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import Engine

_DASH = r"\s{0,2}[-–—]\s{0,2}"
_LOCATOR = (r"(?:,\s{0,2}|\s{1,2})(?i:pp?|s|ch|chap|chapter|fig|figs|figure|figures|tab|"
            r"table|tables|sec|sect|section|para|col|vol|no|n|note|app|appendix|annex|plate|map|"
            r"eq|eqs|sheet|sheets|fol|fols|ff|leaf|leaves|str|с|стр|л)\.?"
            rf"\s{{0,2}}\d+(?:{_DASH}\d+)?|(?:,\s{{0,2}}|\s{{1,2}})§\s{{0,2}}\d+"
            rf"|:\s{{0,2}}\d+(?:{_DASH}\d+)?")
_ITEM = rf"\d{{1,4}}(?:{_DASH}\d{{1,4}})?(?:{_LOCATOR})?"
CITATION = re.compile(rf"\s{{0,2}}{_ITEM}(?:\s{{0,2}}[,;]\s{{0,2}}{_ITEM})*\s{{0,2}}")
"""The whole inside of a citation bracket."""
ITEM = re.compile(rf"(?P<first>\d{{1,4}})(?:{_DASH}(?P<last>\d{{1,4}}))?(?:{_LOCATOR})?")
"""One cited entry or range, with its locator: read one by one once the whole matched."""
MAX_RANGE = 100
"""A range longer than this (``[1–5000]``) is not a citation."""


def cited(inner: str) -> list[str] | None:
    """The entry numbers a citation's inside names, in order, or None if it is no citation."""
    if CITATION.fullmatch(inner) is None:
        return None
    numbers: dict[str, None] = {}  # ordered, without repeats
    for match in ITEM.finditer(inner):
        first, last = int(match["first"]), int(match["last"] or match["first"])
        if not 0 <= last - first < MAX_RANGE:
            return None
        numbers.update((str(n), None) for n in range(first, last + 1))
    return list(numbers)


_KEYED = re.compile(rf"(?P<key>[A-Z][A-Za-z]{{1,10}}\d{{2,4}}[a-z]?)(?:{_LOCATOR})?")
"""A work cited by its key (``BER58``, ``DS59, sect. 4``)."""


def cited_keys(inner: str) -> list[str] | None:
    """The keys a citation's inside names (``[BER58; NOR60]``), or None."""
    keys = []
    for part in re.split(r"\s{0,2};\s{0,2}", inner.strip()):
        match = _KEYED.fullmatch(part)
        if match is None:
            return None
        keys.append(match["key"])
    return keys


def citations(engine: Engine, state: InlineState, bracket: Bracket) -> bool:
    entries = state.context.bibl_ids
    if not entries:
        return False
    numbers = cited(bracket.inner) or cited_keys(bracket.inner)
    if not numbers or any(number not in entries for number in numbers):
        return False
    target = " ".join(f"#{entries[number]}" for number in numbers)
    text = state.src[bracket.start : bracket.end]
    attrs = {"type": "citation", "target": target}
    state.push(Inline("ref", attrs, [text], state.offset(bracket.start)))
    return True
