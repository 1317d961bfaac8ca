"""What a pattern expects next, for messages: the elements that may come, the ones that
must, the attributes it takes, and the value patterns an attribute or text must match."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from teikit.validator.recover.derive import element_info
from teikit.validator.recover.patterns import (
    ATTRIBUTE,
    CHOICE,
    DATA,
    ELEMENT,
    GROUP,
    INTERLEAVE,
    LIST,
    ONE_OR_MORE,
    TEXT,
    VALUE,
    NameClass,
    Pattern,
    reachable,
)
from teikit.validator.vocabulary import Name


def _names(name_classes: Iterator[NameClass]) -> tuple[Name, ...]:
    found: set[Name] = set()
    for name_class in name_classes:
        found |= name_class.names() or set()
    return tuple(sorted(found, key=lambda n: (n[1], n[0])))


@functools.lru_cache(maxsize=4096)
def next_elements(pattern: Pattern) -> tuple[Name, ...]:
    """The names of the elements that may come next (named ones; wildcards left out)."""
    return _names(element_info(p).name_class for p in reachable(pattern, {ELEMENT}, in_order=True))


@functools.lru_cache(maxsize=4096)
def takes_text(pattern: Pattern) -> bool:
    """True when text may come next."""
    return any(True for _ in reachable(pattern, {TEXT}, in_order=True))


@functools.lru_cache(maxsize=4096)
def attributes(pattern: Pattern) -> tuple[Name, ...]:
    """The names of the attributes ``pattern`` may still take."""
    return _names(p.info for p in reachable(pattern, {ATTRIBUTE}, in_order=False))  # type: ignore[misc]


@functools.lru_cache(maxsize=4096)
def value_leaves(pattern: Pattern) -> tuple[Pattern, ...]:
    """The ``data``, ``value`` and ``list`` patterns a value must match one of."""
    return tuple(reachable(pattern, {DATA, VALUE, LIST}, in_order=True))


@functools.lru_cache(maxsize=4096)
def required_elements(pattern: Pattern) -> tuple[Name, ...]:
    """The elements that must come before ``pattern`` can end (as jing names them: the
    first required one of a sequence, those every alternative of a choice needs)."""
    return tuple(sorted(_required(pattern, ELEMENT), key=lambda n: (n[1], n[0])))


@functools.lru_cache(maxsize=4096)
def required_attributes(pattern: Pattern) -> tuple[Name, ...]:
    """The attributes that must be given."""
    return tuple(sorted(_required(pattern, ATTRIBUTE), key=lambda n: (n[1], n[0])))


def _required(pattern: Pattern, kind: str) -> set[Name]:
    if pattern.kind == kind:
        name_class = element_info(pattern).name_class if kind == ELEMENT else pattern.info
        assert isinstance(name_class, NameClass)
        return set(name_class.names() or ()) if name_class.kind == "name" else set()
    if pattern.kind == CHOICE:
        sets = [_required(m, kind) for m in pattern.members]
        return set.intersection(*sets) if sets else set()
    if pattern.kind == GROUP and kind == ELEMENT:
        assert pattern.left is not None and pattern.right is not None
        first = pattern.left if not pattern.left.nullable else pattern.right
        return _required(first, kind)
    if pattern.kind in {GROUP, INTERLEAVE}:
        assert pattern.left is not None and pattern.right is not None
        return _required(pattern.left, kind) | _required(pattern.right, kind)
    if pattern.kind == ONE_OR_MORE:
        assert pattern.left is not None
        return _required(pattern.left, kind)
    return set()
