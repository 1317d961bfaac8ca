"""A document's top: where heading matter goes while the division has no text yet.

``head`` (``@type=kind`` for a banner naming the document's kind, ``@type=subject`` for
a subject field), ``fw`` for a letterhead, a classification, the mark of the copy
(``@type=copy``: ``File copy``, ``Extract``) or the line naming the publication a text
was reprinted from, ``byline``, and an ``opener`` holding references,
datelines (a ``[Received …]`` line or the place line above joins its dateline), an
``address`` of ``addrLine``\\s, the salutation, routing lines and other fields
(``seg[@type=memo-field]`` with the label as ``label``). A label alone over its value
(``SUBJECT`` / ``Port dues``, ``Date`` / ``12 May 1962``) makes a ``list`` for a subject
or the participants, a ``dateline`` for a date, time or place.
Once the division's text has begun, a top line is written as ``ab[@type=ROLE]``.
"""

from __future__ import annotations

from teikit.encoder.layout.divs import Attrs, DivBuilder, date_attrs, label_length
from teikit.encoder.layout.units import Spec
from teikit.encoder.roles import shapes
from teikit.encoder.roles.evidence.marks import handling_mark
from teikit.encoder.roles.grammar import Decision
from teikit.encoder.roles.lexicon import lexicon

OPENER_ROLES = frozenset({"reference", "dateline", "address", "salute", "routing", "field",
                          "received"})
LISTED = frozenset({"field-head", "participant", "field-value"})


def place_top(div: DivBuilder, decision: Decision, following: Decision | None) -> None:
    """Place a top line of ``div``."""
    role = decision.role
    if role in {"letterhead", "classification"}:
        kind = handling_mark(decision.line) if role == "classification" else role
        div.add("fw", decision, attrs={"type": kind})
        div.opener = div.address = None
    elif role == "source-note" and decision.line.edition_note:
        div.add("fw", decision, attrs={"type": "source"})  # printed on the edition's page
        div.opener = div.address = None
    elif role == "source-note":
        div.add("note", decision, attrs={"type": "source", "_label": "0"})
    elif role in LISTED:
        listing(div, decision, following)
    elif role == "conventions":
        div.end_top()
        div.add("ab", decision, *div.text_path(), attrs={"type": "conventions"})
    elif role == "field" and div.listing is not None and lexicon("subject_labels").prefix(
            decision.line.words):  # "SUBJECT: …" under a list of participants
        div.add("ab", decision, *div.text_path(),
                attrs={"type": "subject", "_label": label_length(decision.line.text)})
    elif not div.top_open:
        div.add("ab", decision, *div.text_path(), attrs={"type": role, **date_attrs(decision)})
    elif role in {"heading", "kind"}:
        heading(div, decision)
    elif role == "byline":
        div.add("byline", decision)
    elif role == "mark":
        div.add("seg", decision, div.in_opener(), attrs={"type": "mark"})
    elif role in OPENER_ROLES:
        opener_line(div, decision)
    else:
        div.add("ab", decision, attrs={"type": role})
    if role != "address":
        div.address = None


def heading(div: DivBuilder, decision: Decision) -> None:
    div.opener = None
    if decision.role == "kind" and shapes.KIND_LABEL.match(decision.line.text):
        div.add("seg", decision, div.in_opener(), attrs={"type": "label"})
        return
    attrs: Attrs = {"type": "kind"} if decision.role == "kind" else {}
    div.add("head", decision, attrs={**attrs, **date_attrs(decision)})


def joins_dateline(div: DivBuilder, decision: Decision) -> bool:
    """``[Received …]`` without a full date of its own under a dateline, a dateline under
    a place line ending with a comma (``Department of State,``) or under a date label
    alone (``Date``): one dateline."""
    last = div.last
    if last is None or last.tag != "dateline" or last.last + 1 != decision.line.number:
        return False
    above = div.decisions[-2]
    if decision.role == "received":
        return decision.line.date is None
    return above.role == "field-head" or (above.line.end == "," and above.line.date is None)


def opener_line(div: DivBuilder, decision: Decision) -> None:
    role = decision.role
    opener = div.in_opener()
    if role == "address":
        div.add("addrLine", decision, opener, div.in_address())
    elif role in {"dateline", "received"}:
        if joins_dateline(div, decision):
            div.units[-1].last = decision.line.last
        else:
            div.add("dateline", decision, opener)
    elif role == "salute":
        div.add("salute", decision, opener)
    elif role in {"reference", "routing"}:
        div.add("seg", decision, opener, attrs={"type": role})
    else:
        field(div, decision)


def field(div: DivBuilder, decision: Decision) -> None:
    """A field on one line: ``SUBJECT: …`` a subject heading, ``DATE: …`` (time, place)
    a dateline, ``Present: …`` the participants, any other a memo field."""
    words = decision.line.words
    label = label_length(decision.line.text)
    if lexicon("subject_labels").prefix(words):
        div.opener = None
        div.add("head", decision, attrs={"type": "subject", "_label": label})
    elif _dated_label(words):
        div.add("dateline", decision, div.in_opener(), attrs=date_attrs(decision))
    elif lexicon("participant_labels").prefix(words):
        div.end_top()
        div.add("ab", decision, attrs={"type": "participants", "_label": label})
    else:
        div.add("seg", decision, div.in_opener(), attrs={"type": "memo-field", "_label": label})


def _dated_label(words: tuple[str, ...]) -> bool:
    return bool(lexicon("date_labels").prefix(words)) or (
        lexicon("field_labels").prefix(words) in {"time", "place", "location"})


def listing(div: DivBuilder, decision: Decision, following: Decision | None) -> None:
    """A label alone (``SUBJECT``, ``PARTICIPANTS:``, ``Date``) and the lines under it."""
    line = decision.line
    if decision.role == "participant" or (decision.role == "field-value"
                                          and div.listing is not None):
        if div.listing is None:  # people listed without a label: the top ends here too
            div.end_top()
            div.listing = Spec("list", {"type": "participants"})
        div.add("item", decision, *div.text_path(), div.listing)
        return
    if decision.role == "field-value":
        if div.units:  # joined to the label above it
            div.units[-1].last = line.last
        return
    subject = lexicon("subject_labels").prefix(line.words)
    if following is not None and (following.role == "participant" or (
            following.role == "field-value" and subject)):
        div.end_top()
        kind = "participants" if following.role == "participant" else "subject"
        div.listing = Spec("list", {"type": kind})
        div.add("head", decision, *div.text_path(), div.listing)
    elif not div.top_open:
        div.add("ab", decision, *div.text_path(), attrs={"type": "memo-field"})
    elif _dated_label(line.words) and following is not None and following.role in {
            "field-value", "dateline"}:
        div.add("dateline", decision, div.in_opener(), attrs=_value_date(decision, following))
    else:
        div.add("seg", decision, div.in_opener(), attrs={"type": "memo-field"})


def _value_date(label: Decision, value: Decision) -> Attrs:
    """``_date`` for a dateline made of a label line and the value line under it."""
    date = value.line.date
    if value.role == "dateline" or date is None or value.line.number != label.line.last + 1:
        return {}
    offset = len(label.line.text) + 1
    return {"_date": f"{offset + date.start}:{offset + date.end}"}
