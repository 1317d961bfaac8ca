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
    labels: dict[str, str] = field(default_factory=dict)
    """The last number used by each sequence of numbered paragraphs (digits, letters)."""

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
    """The length of a field's label with its colon (``SUBJECT:``)."""
    match = shapes.LABEL.match(text)
    return str(text.index(":", match.end("label")) + 1) if match else "0"


def _joins_dateline(decision: Decision, div: DivBuilder) -> bool:
    """``[Received …]`` without a full date of its own under a dateline, or the dateline
    under a place line ending with a comma (``Department of State,``): one dateline."""
    above = div.decisions[-2].line if len(div.decisions) > 1 else None
    if above is None:
        return False
    if decision.role == "received":
        return decision.line.date is None
    if div.decisions[-2].role == "field-head":
        return True  # "Date" over "12 November 1962"
    return above.end == "," and above.date is None


def _date_attr(decision: Decision) -> dict[str, str]:
    date = decision.line.date
    if date is None:
        return {}
    return {"_date": f"{date.start}:{date.end}"}


def _follows(previous: str | None, current: str) -> bool:
    """Whether label ``current`` continues a sequence that last used ``previous``:
    ``1`` or ``a``/``A`` start one, then each label is the next number or letter."""
    if previous is None:
        return current in {"1", "a", "A"}
    if current.isdigit() and previous.isdigit():
        return int(current) == int(previous) + 1
    if current.isdigit() or previous.isdigit():
        return False
    return ord(current) == ord(previous) + 1


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
        if role in {"field-head", "participant", "field-value"}:
            self.listing(div, decision)
            return
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
        if decision.role == "kind" and shapes.KIND_LABEL.match(line.text):
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
            last = div.units[-1] if div.units else None
            if last is not None and last.tag == "dateline" and last.last + 1 == line.number and (
                    _joins_dateline(decision, div)):
                last.last = line.last
                return
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
            div.add("seg", decision, div.in_opener(), type="memo-field", _label=label)

    def listing(self, div: DivBuilder, decision: Decision) -> None:
        """A label alone (``SUBJECT``, ``PARTICIPANTS:``, ``Date``) and the lines under it:
        a subject or the participants make a ``list``; a date, time or place a
        ``dateline``; any other field one ``seg`` over the label and its value."""
        line = decision.line
        if decision.role == "participant" or (decision.role == "field-value"
                                              and div.listing is not None):
            if div.listing is None:  # the grammar puts a head first; be safe
                div.listing = Spec("list", {"type": "participants"})
            div.add("item", decision, *div.text_path(), div.listing)
            return
        if decision.role == "field-value":
            if div.units:  # joined to the label above it
                div.units[-1].last = line.last
            return
        following = self.next_decision(div, decision)
        words = line.words
        subject = lexicon("subject_labels").prefix(words)
        if following is not None and (following.role == "participant" or (
                following.role == "field-value" and subject)):
            div.end_top()
            kind = "participants" if following.role == "participant" else "subject"
            div.listing = Spec("list", {"type": kind})
            div.add("head", decision, *div.text_path(), div.listing)
            return
        dated = lexicon("date_labels").prefix(words) or (
            lexicon("field_labels").prefix(words) in {"time", "place", "location"})
        if not div.top_open:
            div.add("ab", decision, *div.text_path(), type="memo-field")
        elif dated and following is not None and following.role in {"field-value", "dateline"}:
            attrs = {}
            date = following.line.date
            if following.role == "dateline":
                attrs = {}
            elif date is not None and following.line.number == line.last + 1:
                offset = len(line.text) + 1  # the value's line, after the label's end
                attrs = {"_date": f"{offset + date.start}:{offset + date.end}"}
            div.add("dateline", decision, div.in_opener(), **attrs)
        else:
            div.add("seg", decision, div.in_opener(), type="memo-field")

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
        """A paragraph; numbered (``p[@n]`` with its ``label``) when its label continues
        a sequence: ``1.`` or the next number; ``a.`` only when ``b.`` follows, then the
        next letter. A number that does not continue (a telegram's ``987.``) stays text."""
        numbered = decision.line.numbered
        if numbered is not None and self.continues(div, decision, numbered):
            number, _word, length = numbered
            div.add("p", decision, *div.text_path(), n=number, _label=str(length))
        else:
            div.add("p", decision, *div.text_path())

    def continues(self, div: DivBuilder, decision: Decision,
                  numbered: tuple[str, str, int]) -> bool:
        number = numbered[0]
        kind = "digit" if number.isdigit() else "letter" if len(number) == 1 else "roman"
        if kind == "roman":
            return False
        following = self.lookahead.get(id(decision))
        after = following.line.numbered if following is not None else None
        starts_letters = kind == "letter" and number in {"a", "A"} and (
            after is not None and after[0] == chr(ord(number) + 1))
        if not _follows(div.labels.get(kind), number):
            return False
        if kind == "letter" and number in {"a", "A"} and not starts_letters:
            return False
        div.labels[kind] = number
        if kind == "digit":
            div.labels.pop("letter", None)
        return True

    def foot(self, div: DivBuilder, decision: Decision, previous: Decision | None) -> None:
        role = decision.role
        div.end_top()
        if role == "postscript":
            last = div.units[-1] if div.units else None
            if (div.postscript is not None and last is not None and previous is not None
                    and previous.role == "postscript" and previous.line.end == ","
                    and last.last + 1 == decision.line.number):
                last.last = decision.line.last  # an addressee over two lines
                return
            if div.postscript is None:
                div.postscript = Spec("postscript")
            div.add("p", decision, div.postscript)
            return
        if role == "sign-mark" and shapes.NOT_SIGNED.match(decision.line.text):
            div.add("closer", decision)
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
