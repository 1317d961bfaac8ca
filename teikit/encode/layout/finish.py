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
