"""RELAX NG patterns as interned values: equal patterns are the same object.

The derivative algorithm (James Clark, "An algorithm for RELAX NG validation") builds new
patterns from old ones at every step; interning keeps them few and lets every derivative
be memoised by object. Constructors simplify as they build (``notAllowed`` absorbs a group,
``empty`` vanishes from one), so a derivative never grows with the number of steps taken.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Final

from teikit.validator.vocabulary import Name

EMPTY: Final = "empty"
NOT_ALLOWED: Final = "notAllowed"
TEXT: Final = "text"
CHOICE: Final = "choice"
GROUP: Final = "group"
INTERLEAVE: Final = "interleave"
ONE_OR_MORE: Final = "oneOrMore"
LIST: Final = "list"
DATA: Final = "data"
VALUE: Final = "value"
ATTRIBUTE: Final = "attribute"
ELEMENT: Final = "element"


@dataclass(frozen=True)
class NameClass:
    """``kind`` is "name" (``names`` holds the one name), "any" (any name but those of
    ``exclude``), "ns" (any name in ``namespace`` but those of ``exclude``) or "choice"
    (any of ``members``)."""

    kind: str
    name: Name = ("", "")
    namespace: str = ""
    exclude: NameClass | None = None
    members: tuple[NameClass, ...] = ()

    def __contains__(self, name: Name) -> bool:
        if self.kind == "name":
            return name == self.name
        if self.kind == "choice":
            return any(name in member for member in self.members)
        if self.kind == "ns" and name[0] != self.namespace:
            return False
        return self.exclude is None or name not in self.exclude

    def specificity(self, name: Name) -> int:
        """How closely this class names ``name``: 3 by its name, 2 by its namespace, 1 as
        any name, 0 not at all (the most specific definitions of a name are its own)."""
        if self.kind == "choice":
            return max((m.specificity(name) for m in self.members), default=0)
        if name not in self:
            return 0
        return {"name": 3, "ns": 2}.get(self.kind, 1)

    def names(self) -> frozenset[Name] | None:
        """The names this class contains, or None when it is open (a wildcard)."""
        if self.kind == "name":
            return frozenset([self.name])
        if self.kind != "choice":
            return None
        found: set[Name] = set()
        for member in self.members:
            names = member.names()
            if names is None:
                return None
            found |= names
        return frozenset(found)


class Pattern:
    """One interned pattern. ``left``/``right`` are sub-patterns (a choice keeps its
    alternatives in ``members``); leaves keep their data in ``info``."""

    __slots__ = ("info", "kind", "left", "members", "nullable", "right")

    def __init__(self, kind: str, left: Pattern | None = None, right: Pattern | None = None,
                 members: frozenset[Pattern] = frozenset(), info: object = None,
                 *, nullable: bool = False) -> None:
        self.kind = kind
        self.left = left
        self.right = right
        self.members = members
        self.info = info
        self.nullable = nullable

    def __repr__(self) -> str:
        if self.kind == CHOICE:
            return "(" + " | ".join(sorted(map(repr, self.members))) + ")"
        if self.kind in {GROUP, INTERLEAVE}:
            return f"{self.kind}({self.left!r}, {self.right!r})"
        if self.kind in {ONE_OR_MORE, LIST}:
            return f"{self.kind}({self.left!r})"
        return self.kind if self.info is None else f"{self.kind}:{self.info!r}"


class ElementInfo:
    """What an ``element`` pattern carries: its name class and its content, made on first
    use (content refers back to elements, so it cannot be made eagerly)."""

    __slots__ = ("_content", "_make", "name_class", "source")

    def __init__(self, name_class: NameClass, make: Callable[[], Pattern],
                 source: object) -> None:
        self.name_class = name_class
        self.source = source
        self._make = make
        self._content: Pattern | None = None

    @property
    def content(self) -> Pattern:
        if self._content is None:
            self._content = self._make()
        return self._content

    def __repr__(self) -> str:
        names = self.name_class.names()
        return "|".join(sorted(n[1] for n in names)) if names else "*"


class Patterns:
    """The interning factory: every pattern of one grammar is made here."""

    def __init__(self) -> None:
        self._table: dict[tuple[object, ...], Pattern] = {}
        self.empty = Pattern(EMPTY, nullable=True)
        self.not_allowed = Pattern(NOT_ALLOWED)
        self.text = Pattern(TEXT, nullable=True)

    def _intern(self, key: tuple[object, ...], make: Callable[[], Pattern]) -> Pattern:
        found = self._table.get(key)
        if found is None:
            found = self._table[key] = make()
        return found

    def choice(self, alternatives: Iterable[Pattern]) -> Pattern:
        members: set[Pattern] = set()
        for alternative in alternatives:
            if alternative.kind == CHOICE:
                members |= alternative.members
            elif alternative.kind != NOT_ALLOWED:
                members.add(alternative)
        if not members:
            return self.not_allowed
        if len(members) == 1:
            return next(iter(members))
        frozen = frozenset(members)
        return self._intern((CHOICE, frozen), lambda: Pattern(
            CHOICE, members=frozen, nullable=any(m.nullable for m in frozen)))

    def pair(self, kind: str, left: Pattern, right: Pattern) -> Pattern:
        """A group or an interleave of two patterns."""
        if left.kind == NOT_ALLOWED or right.kind == NOT_ALLOWED:
            return self.not_allowed
        if left.kind == EMPTY:
            return right
        if right.kind == EMPTY:
            return left
        return self._intern((kind, left, right), lambda: Pattern(
            kind, left, right, nullable=left.nullable and right.nullable))

    def group(self, left: Pattern, right: Pattern) -> Pattern:
        return self.pair(GROUP, left, right)

    def interleave(self, left: Pattern, right: Pattern) -> Pattern:
        return self.pair(INTERLEAVE, left, right)

    def one_or_more(self, inner: Pattern) -> Pattern:
        if inner.kind in {NOT_ALLOWED, EMPTY}:
            return inner
        return self._intern((ONE_OR_MORE, inner), lambda: Pattern(
            ONE_OR_MORE, inner, nullable=inner.nullable))

    def optional(self, inner: Pattern) -> Pattern:
        return self.choice([inner, self.empty])

    def list(self, inner: Pattern) -> Pattern:
        if inner.kind == NOT_ALLOWED:
            return inner
        return self._intern((LIST, inner), lambda: Pattern(LIST, inner))

    def attribute(self, name_class: NameClass, value: Pattern) -> Pattern:
        if value.kind == NOT_ALLOWED:
            return value
        return self._intern((ATTRIBUTE, name_class, value), lambda: Pattern(
            ATTRIBUTE, value, info=name_class))

    def element(self, source: object, make: Callable[[], ElementInfo]) -> Pattern:
        """The one element pattern of ``source`` (a node of the grammar)."""
        return self._intern((ELEMENT, source), lambda: Pattern(ELEMENT, info=make()))

    def leaf(self, kind: str, info: object) -> Pattern:
        """A ``data`` or ``value`` pattern (``info`` is hashable: see :mod:`datatypes`)."""
        return self._intern((kind, info), lambda: Pattern(kind, info=info))


def _parts(pattern: Pattern, in_order: bool) -> Iterator[Pattern]:
    """The sub-patterns whose items may come first (``in_order``) or anywhere."""
    if pattern.kind == CHOICE:
        yield from pattern.members
    elif pattern.kind in {GROUP, INTERLEAVE}:
        assert pattern.left is not None and pattern.right is not None
        yield pattern.left
        if pattern.kind == INTERLEAVE or not in_order or pattern.left.nullable:
            yield pattern.right
    elif pattern.kind == ONE_OR_MORE:
        assert pattern.left is not None
        yield pattern.left


def reachable(pattern: Pattern, kinds: Collection[str], *, in_order: bool
              ) -> Iterator[Pattern]:
    """The sub-patterns of ``kinds`` outside elements: those that may match first
    (``in_order``) or anywhere."""
    seen: set[Pattern] = set()
    stack = [pattern]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        if node.kind in kinds:
            yield node
        stack.extend(_parts(node, in_order))
