"""Roles → TEI structure: one ``div`` per document, and where each line goes in it.

Decisions are read in order into :class:`~teikit.encoder.layout.divs.DivBuilder`\\s: a
top after a text or a foot, or a text after a foot, opens the next division (an
enclosure). Each line is placed by the module for its zone — :mod:`top` (heading matter,
opener, fields and lists), :mod:`body` (paragraphs, sections, entries) and :mod:`foot`
(closer, postscript) — and page markers become ``pb`` wherever they fall. A division
whose foot has no text before it gets its first foot line as an ``ab``, so the encoding
is always valid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from teikit.encoder.layout.body import place_text
from teikit.encoder.layout.divs import DivBuilder, body_before_foot, closer_or_lines
from teikit.encoder.layout.foot import place_foot
from teikit.encoder.layout.top import place_top
from teikit.encoder.layout.units import Spec
from teikit.encoder.roles.grammar import FOOT, TEXT, TOP, Decision
from teikit.encoder.roles.page import context_year


def _opens_division(div: DivBuilder | None, previous: Decision | None,
                    decision: Decision) -> bool:
    if div is None or previous is None:
        return div is None
    if decision.zone == TOP and previous.zone != TOP:
        return True
    return decision.zone == TEXT and div.ends_body()


def _page(div: DivBuilder, decision: Decision) -> None:
    number, style = decision.line.page or ("", "")
    path: tuple[Spec, ...] = ()
    last = div.last
    if div.postscript is not None and last is not None and any(
            spec is div.postscript for spec in last.path):
        path = (div.postscript,)  # the postscript's page turns: a closer does not start again
    elif div.closer is not None:
        path = (div.closer,)
    elif not div.top_open:
        path = div.text_path()
    div.add("pb", decision, *path, attrs={"n": number, "rend": style})


_FILE_MARKS = frozenset({"reference", "classification", "source-note"})
_FOOT_ROLE = {"kind": "reference"}


def _foot_marks(decisions: Sequence[Decision]) -> list[Decision]:
    """``decisions`` with a file number, a numbered kind (``Report V-3/1958``) or a
    classification standing last, under a signature or a date (``No. 112``), in the foot:
    a document of nothing else is none."""
    start = len(decisions)
    while start and decisions[start - 1].zone == TOP and (
            decisions[start - 1].role in _FILE_MARKS or (  # "Report V-3/1958": its number
                decisions[start - 1].role == "kind" and decisions[start - 1].line.digits)):
        start -= 1
    if start == len(decisions) or not start or decisions[start - 1].zone != FOOT:
        return list(decisions)
    return [*decisions[:start], *(replace(d, zone=FOOT, role=_FOOT_ROLE.get(d.role, d.role))
                                  for d in decisions[start:])]


def structure(decisions: Sequence[Decision], base: tuple[Spec, ...]) -> list[DivBuilder]:
    """The divisions, with their units, for a document region's decisions."""
    decisions = _foot_marks(decisions)
    divs: list[DivBuilder] = []
    previous: Decision | None = None
    year = context_year([d.line for d in decisions])
    for number, decision in enumerate(decisions):
        if _opens_division(divs[-1] if divs else None, previous, decision):
            divs.append(DivBuilder(base, year=year))
        div = divs[-1]
        div.decisions.append(decision)
        following = decisions[number + 1] if number + 1 < len(decisions) else None
        if decision.role == "page":
            _page(div, decision)
        elif decision.zone == TOP:
            place_top(div, decision, following)
        elif decision.zone == TEXT:
            place_text(div, decision, following)
        else:
            place_foot(div, decision, previous)
        previous = decision
    for div in divs:
        body_before_foot(div)
        closer_or_lines(div)
    return divs
