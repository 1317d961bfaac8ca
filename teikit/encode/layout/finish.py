"""Finishing a letter layout's divisions: empty lists undone, each division named.

Runs once all lines are classified. A division is named by what it holds and by the
kind word of its heading or label: ``div[@type=letter]`` (salutation or signature),
``telegram``, ``memorandum``…, otherwise ``document``; the divisions after the first are
``enclosure`` (with the kind as ``@subtype``) and all are numbered when there are several.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from teikit.encode.layout import lines as look
from teikit.encode.layout.divs import DivState
from teikit.encode.layout.units import Unit

KINDS = ("report", "telegram", "memorandum", "minutes", "letter", "note", "cable", "record",
          "airgram", "despatch", "dispatch", "circular", "aide-mémoire", "enclosure")


Text = Callable[[int], str]
"""The stripped text of a line, by index."""


def drop_empty_lists(divs: Sequence[DivState], text: Text) -> None:
    """A list heading with no item under it (``Participants:`` and then prose) is no
    list (TEI needs an item): it stays a memo field or a paragraph."""
    for div in divs:
        filled = {id(u.path[-1]) for u in div.units if u.tag == "item"}
        for number, unit in enumerate(div.units):
            spec = unit.path[-1]
            if unit.tag == "head" and spec.tag == "list" and id(spec) not in filled:
                field = look.MEMO_FIELD.match(text(unit.first))
                tag, attrs = ("ab", {"type": "memo-field"}) if field else ("p", {})
                div.units[number] = Unit(tag, unit.first, unit.last, unit.path[:-1], attrs)


TOP, BODY, BOTTOM, EDGE, ANYWHERE = 0, 1, 2, 3, -1
_TOP = frozenset({"head", "opener", "argument", "byline", "epigraph"})
_BOTTOM = frozenset({"closer", "postscript", "trailer"})
_EDGE = frozenset({"dateline", "salute", "signed"})
"""Allowed directly in a div before its text or after it, not in the middle."""
_ANYWHERE = frozenset({"pb", "note", "fw"})


def _phase(unit: Unit, div: DivState) -> int:
    """Where TEI lets the unit stand in its div: top (``head``, ``opener``), body, bottom
    (``closer``, ``postscript``), or anywhere (milestones and notes)."""
    inner = unit.path[unit.path.index(div.spec) + 1 :] if div.spec in unit.path else ()
    outer = inner[0].tag if inner else unit.tag
    if outer in _TOP:
        return TOP
    if outer in _BOTTOM:
        return BOTTOM
    if not inner and unit.tag in _EDGE:
        return EDGE
    if not inner and unit.tag in _ANYWHERE:
        return ANYWHERE
    return BODY


def keep_div_order(divs: Sequence[DivState]) -> None:
    """TEI's order inside a div is heading and opener, then the text, then closer and
    postscript. Whatever the line-by-line reading left out of that order (a heading after
    a paragraph, a closer with paragraphs after it) becomes a plain paragraph, so the
    encoding is always valid and no line is lost."""
    for div in divs:
        phases = [_phase(unit, div) for unit in div.units]
        body = [n for n, phase in enumerate(phases) if phase == BODY]
        if not body:
            continue
        first, last = body[0], body[-1]
        for number, unit in enumerate(div.units):
            phase = phases[number]
            late_top = phase == TOP and number > first
            early_bottom = phase == BOTTOM and number < last
            middle = phase == EDGE and first < number < last
            if late_top or early_bottom or middle:
                base = unit.path[: unit.path.index(div.spec) + 1]
                div.units[number] = Unit("p", unit.first, unit.last, base)


def head_kind(div: DivState, text: Text) -> str | None:
    """``report``, ``telegram``, ``memorandum``… when the div's heading or kind label
    (``[Telegram]``) starts so."""
    for unit in div.units:
        if unit.tag == "head" or unit.attrs.get("type") == "label":
            words = [w.lower().strip("[].:,") for w in text(unit.first).split()[:2]]
            if kind := next((w for w in words if w in KINDS), None):
                return kind
    return None


def name_divs(divs: Sequence[DivState], text: Text) -> None:
    """``letter`` then ``enclosure``; a lone div is a letter or simply a document."""
    for number, div in enumerate(divs):
        tags = {unit.tag for unit in div.units}
        head = head_kind(div, text)
        if number == 0:
            kind = "letter" if {"salute", "signed"} & tags else "document"
            if head in {"telegram", "cable", "report"} and len(divs) == 1:
                kind = head
            if "ab" in tags or head in {"memorandum", "minutes"}:
                kind = head or "memorandum"
            div.spec.attrs["type"] = kind
        else:
            div.spec.attrs["type"] = "enclosure"
            if head:
                div.spec.attrs["subtype"] = head
        if len(divs) > 1:
            div.spec.attrs["n"] = str(number + 1)
