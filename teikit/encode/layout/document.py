"""Roles → TEI structure: one ``div`` per document, and where each line goes in it.

A document's top becomes ``head``, ``fw`` (letterhead, classification), an ``opener``
(reference, dateline, address with its ``addrLine``\\s, salutation, fields, routing),
``byline``, or a ``list[@type=participants]``; its text becomes ``p`` (numbered with a
``label``), nested ``div[@type=section]`` under section headings and
``div[@type=entry]`` under a diary's dated headings; its foot becomes a ``closer``
(``salute``, ``signed`` — one per signer, a signature mark joining the name under it —
``roleName`` or ``orgName`` for the lines beside a name, ``dateline``, ``address``)
and a ``postscript``. A foot followed by a new top opens the next ``div`` (an
enclosure).

TEI lets a division's heading matter (``head``, ``opener``, ``dateline``…) stand only
before its first paragraph or list: a top line met after that is written as
``ab[@type=ROLE]``, so the encoding is always valid and the line keeps its role.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from teikit.encode.layout.units import Spec, Unit
from teikit.encode.roles import shapes
from teikit.encode.roles.grammar import FOOT, TEXT, TOP, Decision
from teikit.encode.roles.lexicon import lexicon

OPENER_ROLES = frozenset({"reference", "dateline", "address", "salute", "routing", "field",
                          "received"})


@dataclass
class DivBuilder:
    """The units of one document division as its decisions are read in order."""

    base: tuple[Spec, ...]
    spec: Spec = field(default_factory=lambda: Spec("div"))
    units: list[Unit] = field(default_factory=list)
    top_open: bool = True
    opener: Spec | None = None
    address: Spec | None = None
    closer: Spec | None = None
    postscript: Spec | None = None
    inner: Spec | None = None
    """The section or entry ``div`` the text currently goes into."""
    listing: Spec | None = None
    decisions: list[Decision] = field(default_factory=list)

    def add(self, tag: str, decision: Decision, *path: Spec, last: int | None = None,
            **attrs: str) -> Unit:
        line = decision.line
        unit = Unit(tag, line.number, line.last if last is None else last,
                    (*self.base, self.spec, *path), dict(attrs))
        self.units.append(unit)
        return unit

    def in_opener(self) -> Spec:
        if self.opener is None:
            self.opener = Spec("opener")
        return self.opener

    def in_closer(self) -> Spec:
        if self.closer is None:
            self.closer = Spec("closer")
        return self.closer

    def text_path(self) -> tuple[Spec, ...]:
        return (self.inner,) if self.inner is not None else ()

    def end_top(self) -> None:
        self.top_open = False
        self.opener = self.address = None


def _label_length(text: str) -> str:
    match = shapes.LABEL.match(text)
    if match is None:
        return "0"
    return str(match.end() - len(match.group("value") or ""))


def _date_attr(decision: Decision) -> dict[str, str]:
    date = decision.line.date
    if date is None:
        return {}
    return {"_date": f"{date.start}:{date.end}"}


class Structure:
    """Turns the decisions for a document region into units."""

    def __init__(self, base: tuple[Spec, ...], decisions: Sequence[Decision]) -> None:
        self.base = base
        self.divs: list[DivBuilder] = []
        self.lookahead = {id(a): b for a, b in zip(decisions, decisions[1:])}

    def build(self, decisions: Sequence[Decision]) -> list[DivBuilder]:
        previous: Decision | None = None
        for number, decision in enumerate(decisions):
            if not self.divs or self.starts_document(previous, decision):
                self.divs.append(DivBuilder(self.base))
            div = self.divs[-1]
            div.decisions.append(decision)
            following = decisions[number + 1] if number + 1 < len(decisions) else None
            self.place(div, decision, previous, following)
            previous = decision
        return self.divs

    @staticmethod
    def starts_document(previous: Decision | None, decision: Decision) -> bool:
        return previous is not None and decision.zone == TOP and previous.zone != TOP

    def place(self, div: DivBuilder, decision: Decision, previous: Decision | None,
              following: Decision | None) -> None:
        if decision.role == "page":
            self.page(div, decision)
        elif decision.zone == TOP:
            self.top(div, decision, previous, following)
        elif decision.zone == TEXT:
            self.text(div, decision, previous)
        else:
            self.foot(div, decision, previous)

    def page(self, div: DivBuilder, decision: Decision) -> None:
        number, style = decision.line.page or ("", "")
        path: tuple[Spec, ...] = ()
        if div.closer is not None:
            path = (div.closer,)
        elif not div.top_open:
            path = div.text_path()
        div.add("pb", decision, *path, n=number, rend=style)

    def top(self, div: DivBuilder, decision: Decision, previous: Decision | None,
            following: Decision | None) -> None:
        role, line = decision.role, decision.line
        if role in {"letterhead", "classification"}:
            div.add("fw", decision, type=role)
            div.opener = div.address = None
            return
        if role == "source-note":
            div.add("note", decision, type="source", _label="0")
            return
        if role in {"field-head", "participant"}:
            self.listing(div, decision)
            return
        if role == "field-value":
            return  # joined to the label above it (see field_head)
        if role == "conventions":
            div.end_top()
            div.add("ab", decision, *div.text_path(), type="conventions")
            return
        if not div.top_open:
            div.add("ab", decision, *div.text_path(), type=role, **_date_attr(decision))
            return
        if role in {"heading", "kind"}:
            self.heading(div, decision, following)
        elif role == "byline":
            div.add("byline", decision)
        elif role == "mark":
            div.add("seg", decision, div.in_opener(), type="mark")
        elif role in OPENER_ROLES:
            self.opener_line(div, decision)
        else:
            div.add("ab", decision, type=role)
        if role != "address":
            div.address = None

    def heading(self, div: DivBuilder, decision: Decision, following: Decision | None) -> None:
        line = decision.line
        div.opener = None
        if decision.role == "kind" and line.bracket is not None:
            div.add("seg", decision, div.in_opener(), type="label")
            return
        attrs = {"type": "kind"} if decision.role == "kind" else {}
        div.add("head", decision, **attrs, **_date_attr(decision))

    def opener_line(self, div: DivBuilder, decision: Decision) -> None:
        role, line = decision.role, decision.line
        opener = div.in_opener()
        if role == "address":
            if div.address is None:
                div.address = Spec("address")
            div.add("addrLine", decision, opener, div.address)
            return
        if role in {"dateline", "received"}:
            div.add("dateline", decision, opener)
        elif role == "salute":
            div.add("salute", decision, opener)
        elif role == "reference":
            div.add("seg", decision, opener, type="reference")
        elif role == "routing":
            div.add("seg", decision, opener, type="routing")
        else:
            self.field(div, decision)

    def field(self, div: DivBuilder, decision: Decision) -> None:
        line = decision.line
        words = line.words
        label = _label_length(line.text)
        if lexicon("subject_labels").prefix(words):
            div.opener = None
            div.add("head", decision, type="subject", _label=label)
        elif lexicon("date_labels").prefix(words) or (
                lexicon("field_labels").prefix(words) in {"time", "place", "location"}):
            div.add("dateline", decision, div.in_opener(), **_date_attr(decision))
        elif lexicon("participant_labels").prefix(words):
            div.end_top()
            div.add("ab", decision, type="participants", _label=label)
        else:
            div.add("seg", decision, div.in_opener(), type="field", _label=label)

    def listing(self, div: DivBuilder, decision: Decision) -> None:
        """A label alone (``SUBJECT``, ``PARTICIPANTS:``) and the lines under it."""
        line = decision.line
        if decision.role == "participant":
            if div.listing is None:  # the grammar puts a head first; be safe
                div.listing = Spec("list", {"type": "participants"})
            div.add("item", decision, *div.text_path(), div.listing)
            return
        following = self.next_decision(div, decision)
        if following is not None and following.role == "field-value":
            div.opener = None
            tag = "head" if div.top_open else "ab"
            div.add(tag, decision, last=following.line.last, type="subject",
                    _label=str(len(line.text)))
            return
        if following is not None and following.role == "participant":
            div.end_top()
            div.listing = Spec("list", {"type": "participants"})
            div.add("head", decision, *div.text_path(), div.listing)
            return
        if div.top_open:
            div.add("seg", decision, div.in_opener(), type="field")
        else:
            div.add("ab", decision, *div.text_path(), type="field")

    def next_decision(self, div: DivBuilder, decision: Decision) -> Decision | None:
        return self.lookahead.get(id(decision))

    def text(self, div: DivBuilder, decision: Decision, previous: Decision | None) -> None:
        role, line = decision.role, decision.line
        div.end_top()
        div.listing = None
        if role in {"section-head", "entry-date"}:
            kind = "entry" if role == "entry-date" else "section"
            div.inner = Spec("div", {"type": kind})
            div.add("head", decision, div.inner, **_date_attr(decision))
            return
        if role == "entry-text":
            div.inner = Spec("div", {"type": "entry"})
            date = line.lead_date
            attrs = {"_date": f"{date.start}:{date.end}"} if date is not None else {}
            div.add("p", decision, div.inner, **attrs)
            return
        if role == "mark":
            div.add("ab", decision, *div.text_path(), type="mark")
            return
        self.paragraph(div, decision)

    def paragraph(self, div: DivBuilder, decision: Decision) -> None:
        numbered = decision.line.numbered
        if numbered is not None and numbered[0].isdigit() or (
                numbered is not None and numbered[1]):
            number, _word, length = numbered  # type: ignore[misc]
            div.add("p", decision, *div.text_path(), n=number, _label=str(length))
        else:
            div.add("p", decision, *div.text_path())

    def foot(self, div: DivBuilder, decision: Decision, previous: Decision | None) -> None:
        role = decision.role
        div.end_top()
        if role == "postscript":
            if div.postscript is None:
                div.postscript = Spec("postscript")
            div.add("p", decision, div.postscript)
            return
        closer = div.in_closer()
        if role == "closing":
            if previous is not None and previous.role == "closing" and div.units:
                div.units[-1].last = decision.line.last  # a formula over several lines
                return
            div.add("salute", decision, closer)
        elif role == "signer" and previous is not None and previous.role == "sign-mark" and (
                div.units and div.units[-1].tag == "signed"):
            div.units[-1].last = decision.line.last  # [signature] and the name under it
        elif role in {"signer", "sign-mark"}:
            div.add("signed", decision, closer)
        elif role in {"role-before", "role-after"}:
            line = decision.line
            office = line.has("role_words")
            tag = "orgName" if line.has("org_words") and not office else "roleName"
            div.add(tag, decision, closer)
        elif role == "dateline":
            div.add("dateline", decision, closer, **_date_attr(decision))
        elif role == "foot-address":
            if div.address is None:
                div.address = Spec("address")
            div.add("addrLine", decision, closer, div.address)
            return
        else:
            div.add("seg", decision, closer, type=role)
        div.address = None


def structure(decisions: Sequence[Decision], base: tuple[Spec, ...]) -> list[DivBuilder]:
    """The divisions, with their units, for a document region's decisions."""
    return Structure(base, decisions).build(decisions)
