"""One document division while its lines are placed: the containers it has open.

A :class:`DivBuilder` collects the units of one ``div`` and knows which containers are
open in it (``opener``, ``address``, ``closer``, ``postscript``, a ``list``, a nested
section or entry ``div``) and whether its top is still open: TEI lets heading matter
stand only before the first paragraph or list of a division.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from teikit.encoder.layout.units import Spec, Unit
from teikit.encoder.roles import shapes
from teikit.encoder.roles.grammar import Decision

Attrs = dict[str, str]


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
    year: int | None = None
    """The year of the last dated entry: a heading without one (``June 18``) is in it."""
    month: int | None = None
    """Its month: a heading with a weekday and a day alone (``Monday 7th``) is in it, or in
    the next."""

    def add(self, tag: str, decision: Decision, *path: Spec, attrs: Attrs | None = None,
            last: int | None = None, cell: tuple[int, int] | None = None) -> Unit:
        """A unit for ``decision``'s line(s) at ``path`` inside this division (``cell``:
        only that column of the line)."""
        line = decision.line
        unit = Unit(tag, line.number, line.last if last is None else last,
                    (*self.base, self.spec, *path), dict(attrs or {}), cell=cell)
        self.units.append(unit)
        return unit

    @property
    def last(self) -> Unit | None:
        return self.units[-1] if self.units else None

    def in_opener(self) -> Spec:
        if self.opener is None:
            self.opener = Spec("opener")
        return self.opener

    def in_closer(self) -> Spec:
        if self.closer is None:
            self.closer = Spec("closer")
        return self.closer

    def in_address(self) -> Spec:
        if self.address is None:
            self.address = Spec("address")
        return self.address

    def text_path(self) -> tuple[Spec, ...]:
        return (self.inner,) if self.inner is not None else ()

    def end_top(self) -> None:
        self.top_open = False
        self.opener = self.address = None

    def ends_body(self) -> bool:
        """Whether a closer or postscript has begun (no paragraph may follow)."""
        return self.closer is not None or self.postscript is not None


def label_length(text: str) -> str:
    """The length of a field's label with its colon (``SUBJECT:``)."""
    match = shapes.LABEL.match(text)
    return str(text.index(":", match.end("label")) + 1) if match else "0"


def date_attrs(decision: Decision) -> Attrs:
    """``_date`` for the builder: where the line's date is, to be tagged ``<date>``."""
    date = decision.line.date
    return {"_date": f"{date.start}:{date.end}"} if date is not None else {}


BODY = frozenset({"p", "ab", "list", "listBibl"})


def body_before_foot(div: DivBuilder) -> None:
    """TEI allows a closer or postscript only after some text: in a division that has
    none, the first line of its foot becomes an ``ab`` that keeps the line's role."""
    inner = {id(spec) for spec in (div.closer, div.postscript) if spec is not None}
    if not inner:
        return
    for unit in div.units:
        path = unit.path[len(div.base) + 1 :]
        if (unit.tag in BODY and not path) or (path and path[0].tag == "div"):
            return
        if path and id(path[0]) in inner:
            unit.tag, unit.attrs = "ab", {"type": unit.tag}
            unit.path = unit.path[: len(div.base) + 1]
            return


CLOSING = frozenset({"salute", "signed", "dateline"})


def closer_or_lines(div: DivBuilder) -> None:
    """A ``closer`` holds a closing formula, a signature or a dateline: a foot that has
    none (an address, a ``Copy to:`` line alone under the text) becomes ``ab`` elements that
    keep each line's role, in their place."""
    closers: list[Spec] = []  # every closer of the division (a postscript between two)
    for unit in div.units:
        for spec in unit.path:
            if spec.tag == "closer" and not any(spec is seen for seen in closers):
                closers.append(spec)
    for closer in closers:
        _unwrap_empty_closer(div, closer)


def inside(div: DivBuilder, spec: Spec) -> list[Unit]:
    """The units of ``div`` placed inside ``spec`` (that very element, not an equal one)."""
    return [unit for unit in div.units if any(found is spec for found in unit.path)]


def closes(div: DivBuilder, closer: Spec) -> bool:
    """Whether ``closer`` holds a closing formula, a signature or a dateline."""
    return any(unit.tag in CLOSING for unit in inside(div, closer))


def _unwrap_empty_closer(div: DivBuilder, closer: Spec) -> None:
    if closes(div, closer):
        return
    depth = len(div.base) + 1  # the path of this division itself
    for unit in inside(div, closer):
        if unit.tag != "pb":  # a page break stays one, wherever it stands
            unit.attrs = {"type": unit.attrs.get("type", unit.tag)}
            unit.tag = "ab"
        unit.path = unit.path[: unit.path.index(closer)]
        before = div.units[div.units.index(unit) - 1] if div.units.index(unit) else None
        if before is not None and len(before.path) > depth and before.path[depth].tag == "div":
            unit.path = before.path[: depth + 1]  # after sections: in the last of them
