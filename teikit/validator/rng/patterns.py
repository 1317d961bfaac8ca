"""Simplified RELAX NG (spec section 4.19) as Python values: name classes and patterns.

Values are immutable and compare by structure (their hash is computed once). The
constructors apply the simplification rules of section 4.19 as they build: a group,
interleave, attribute, list or oneOrMore with a ``notAllowed`` part is ``notAllowed``; a
choice drops a ``notAllowed`` alternative; a group or interleave drops an ``empty`` part,
and ``oneOrMore(empty)`` is ``empty``. An element is always reached through a
:class:`Ref` to its definition (the only kind of definition left after simplification).

Each pattern may carry ``where``, the schema element it was read from (not part of its
identity), so that a restriction broken by it can be located in the schema.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Final, TypeVar

from lxml import etree

Where = etree._Element | None


class Node:
    """Base of name classes and patterns: the values of its FIELDS, compared by structure,
    hashed once."""

    __slots__ = ("_hash", "where")
    FIELDS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *values: Any, where: Where = None) -> None:
        for name, value in zip(self.FIELDS, values, strict=True):
            setattr(self, name, value)
        self.where = where
        self._hash = hash((type(self).__name__, *values))

    def parts(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.FIELDS)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return self is other or (type(other) is type(self) and hash(other) == self._hash
                                 and self.parts() == other.parts())

    def __repr__(self) -> str:
        inner = ", ".join(map(repr, self.parts()))
        return f"{type(self).__name__}({inner})"


# --- name classes ------------------------------------------------------------------------

class AnyName(Node):
    __slots__ = FIELDS = ("exception",)
    exception: NameClass | None


class NsName(Node):
    __slots__ = FIELDS = ("ns", "exception")
    ns: str
    exception: NameClass | None


class Name(Node):
    __slots__ = FIELDS = ("ns", "local")
    ns: str
    local: str


class NameChoice(Node):
    __slots__ = FIELDS = ("first", "second")
    first: NameClass
    second: NameClass


NameClass = AnyName | NsName | Name | NameChoice


def contains(name_class: NameClass, ns: str, local: str) -> bool:
    """Whether ``name_class`` matches the name {ns}local."""
    if isinstance(name_class, AnyName):
        return name_class.exception is None or not contains(name_class.exception, ns, local)
    if isinstance(name_class, NsName):
        return name_class.ns == ns and (name_class.exception is None
                                        or not contains(name_class.exception, ns, local))
    if isinstance(name_class, Name):
        return name_class.ns == ns and name_class.local == local
    return contains(name_class.first, ns, local) or contains(name_class.second, ns, local)


def _names(name_class: NameClass | None, found: set[tuple[str, str]],
           spaces: set[str]) -> None:
    if isinstance(name_class, Name):
        found.add((name_class.ns, name_class.local))
        spaces.add(name_class.ns)
    elif isinstance(name_class, NsName):
        spaces.add(name_class.ns)
        _names(name_class.exception, found, spaces)
    elif isinstance(name_class, AnyName):
        _names(name_class.exception, found, spaces)
    elif isinstance(name_class, NameChoice):
        _names(name_class.first, found, spaces)
        _names(name_class.second, found, spaces)


_FRESH: Final = "\x00teikit-none"
"""A namespace URI and local name no schema can mention (a NUL is not allowed in XML)."""


def overlap(first: NameClass, second: NameClass) -> bool:
    """Whether some name matches both name classes: it suffices to try each name they
    mention, a fresh name in each namespace they mention, and a fresh name in a fresh
    namespace (the spec's section 7.3 and 7.4)."""
    found: set[tuple[str, str]] = set()
    spaces: set[str] = {_FRESH}
    _names(first, found, spaces)
    _names(second, found, spaces)
    found |= {(ns, _FRESH) for ns in spaces}
    return any(contains(first, ns, local) and contains(second, ns, local)
               for ns, local in found)


def is_open(name_class: NameClass) -> bool:
    """Whether ``name_class`` holds an ``anyName`` or ``nsName`` (matches infinitely many)."""
    if isinstance(name_class, (AnyName, NsName)):
        return True
    if isinstance(name_class, NameChoice):
        return is_open(name_class.first) or is_open(name_class.second)
    return False


# --- patterns ----------------------------------------------------------------------------

class Empty(Node):
    __slots__ = ()


class NotAllowed(Node):
    __slots__ = ()


class Text(Node):
    __slots__ = ()


class Binary(Node):
    __slots__ = FIELDS = ("first", "second")
    first: Pattern
    second: Pattern


class Choice(Binary):
    __slots__ = ()


class Group(Binary):
    __slots__ = ()


class Interleave(Binary):
    __slots__ = ()


class After(Binary):
    """Derivatives only: ``first``, then (after the end tag) ``second``."""

    __slots__ = ()


class Unary(Node):
    __slots__ = FIELDS = ("content",)
    content: Pattern


class OneOrMore(Unary):
    __slots__ = ()


class List(Unary):
    __slots__ = ()


class Datatype(Node):
    """A datatype of a library, with its parameters (see :mod:`teikit.validator.rng.types`)."""

    __slots__ = FIELDS = ("library", "name", "params")
    library: str
    name: str
    params: tuple[tuple[str, str], ...]


class Data(Node):
    __slots__ = FIELDS = ("datatype", "exception")
    datatype: Datatype
    exception: Pattern | None


class Value(Node):
    """A value; ``context``: the namespace bindings in scope (``""`` for the default)."""

    __slots__ = FIELDS = ("datatype", "text", "context")
    datatype: Datatype
    text: str
    context: tuple[tuple[str, str], ...]


class Attribute(Node):
    __slots__ = FIELDS = ("name_class", "content")
    name_class: NameClass
    content: Pattern


class Ref(Node):
    """A reference to definition ``index`` of the grammar: an element."""

    __slots__ = FIELDS = ("index",)
    index: int


Pattern = (Empty | NotAllowed | Text | Choice | Group | Interleave | After | OneOrMore
           | List | Data | Value | Attribute | Ref)
EMPTY: Final = Empty()
NOT_ALLOWED: Final = NotAllowed()
TEXT: Final = Text()


def choice(first: Pattern, second: Pattern, where: Where = None) -> Pattern:
    if isinstance(first, NotAllowed):
        return second
    if isinstance(second, NotAllowed) or first == second:
        return first
    return Choice(first, second, where=where)


def group(first: Pattern, second: Pattern, where: Where = None) -> Pattern:
    if isinstance(first, NotAllowed) or isinstance(second, NotAllowed):
        return NOT_ALLOWED
    if isinstance(first, Empty):
        return second
    if isinstance(second, Empty):
        return first
    return Group(first, second, where=where)


def interleave(first: Pattern, second: Pattern, where: Where = None) -> Pattern:
    if isinstance(first, NotAllowed) or isinstance(second, NotAllowed):
        return NOT_ALLOWED
    if isinstance(first, Empty):
        return second
    if isinstance(second, Empty):
        return first
    return Interleave(first, second, where=where)


def one_or_more(content: Pattern, where: Where = None) -> Pattern:
    if isinstance(content, (NotAllowed, Empty)):
        return content
    return OneOrMore(content, where=where)


def list_of(content: Pattern, where: Where = None) -> Pattern:
    return NOT_ALLOWED if isinstance(content, NotAllowed) else List(content, where=where)


def attribute(name_class: NameClass, content: Pattern, where: Where = None) -> Pattern:
    return NOT_ALLOWED if isinstance(content, NotAllowed) else Attribute(
        name_class, content, where=where)


def data(datatype: Datatype, exception: Pattern | None, where: Where = None) -> Pattern:
    if exception is not None and isinstance(exception, NotAllowed):
        exception = None
    return Data(datatype, exception, where=where)


T = TypeVar("T")


def balanced(parts: list[T], combine: Callable[[T, T], T]) -> T:
    """``parts`` combined pairwise, in order, into a tree of logarithmic depth (choice,
    group and interleave are associative; a deep tree would exhaust Python's stack)."""
    while len(parts) > 1:
        parts = [combine(parts[i], parts[i + 1]) if i + 1 < len(parts) else parts[i]
                 for i in range(0, len(parts), 2)]
    return parts[0]
