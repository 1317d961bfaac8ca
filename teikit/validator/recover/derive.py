"""Derivatives of patterns: what is left of a content model once a child element, an
attribute or some text has been matched (James Clark's algorithm, over whole children).

Each step returns the residual pattern (``notAllowed`` when the item does not fit) and,
for child elements, the element patterns it matched: the child is then checked against
their content. :meth:`Derivatives.skip` is the recovery step jing takes when a child comes
too early: it may skip required items before it, and the element goes on from there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, TypeVar

from teikit.validator.recover.datatypes import check, equal
from teikit.validator.recover.grammar import Leaf
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
    ElementInfo,
    Pattern,
    Patterns,
    reachable,
)
from teikit.validator.vocabulary import Name

K = TypeVar("K")
V = TypeVar("V")
Matched = frozenset[Pattern]
Result = tuple[Pattern, Matched]
_NONE: Final[Matched] = frozenset()
_IN_ORDER: Final = 0
"""Group members match in order (a later one only once the earlier ones may end)."""
_ANY_ORDER: Final = 1
"""Attributes: a group's members in any order."""
_SKIPPING: Final = 2
"""Recovery: a group's later member may match while an earlier one is unfinished."""
_LIMIT: Final = 200_000
"""Memo entries kept per table before it is cleared (bounds memory on huge documents)."""


def _remember(memo: dict[K, V], key: K, value: V) -> None:
    if len(memo) > _LIMIT:
        memo.clear()
    memo[key] = value


def element_info(pattern: Pattern) -> ElementInfo:
    info = pattern.info
    assert isinstance(info, ElementInfo)
    return info


class Derivatives:
    """The derivative steps over one grammar's patterns, memoised."""

    def __init__(self, patterns: Patterns) -> None:
        self.patterns = patterns
        self._memo: dict[tuple[Pattern, tuple[object, ...]], Result] = {}
        self._children: dict[tuple[Pattern, Name], Result] = {}
        self._attributes: dict[tuple[Pattern, Name, str | None], Pattern] = {}
        self._texts: dict[tuple[Pattern, str | None], Pattern] = {}
        """The steps taken for every child, attribute and text, by their arguments (the walk's
        own memo is keyed by pattern and step, and made of several calls)."""
        self._rewrites: dict[tuple[str, Pattern], Pattern] = {}
        self._values: dict[Pattern, bool] = {}

    def _walk(self, mode: int, pattern: Pattern, key: tuple[object, ...],
              leaf: Callable[[Pattern], Result]) -> Result:
        """``key`` names the step (its first item) and what it matches: results are
        memoised by pattern and key."""
        memo_key = (pattern, key)
        found = self._memo.get(memo_key)
        if found is not None:
            return found
        kind, make = pattern.kind, self.patterns
        if kind == CHOICE:
            parts = [self._walk(mode, m, key, leaf) for m in pattern.members]
            result = (make.choice(r for r, _ in parts), _NONE.union(*(m for _, m in parts)))
        elif kind in {GROUP, INTERLEAVE}:
            left, right = pattern.left, pattern.right
            assert left is not None and right is not None
            first, matched = self._walk(mode, left, key, leaf)
            residual = make.pair(kind, first, right)
            if kind == INTERLEAVE or mode != _IN_ORDER or left.nullable:
                second, more = self._walk(mode, right, key, leaf)
                if kind == INTERLEAVE or mode == _ANY_ORDER:
                    second = make.pair(kind, left, second)
                residual, matched = make.choice([residual, second]), matched | more
            result = (residual, matched)
        elif kind == ONE_OR_MORE:
            assert pattern.left is not None
            first, matched = self._walk(mode, pattern.left, key, leaf)
            result = (make.group(first, make.optional(pattern)), matched)
        else:
            result = leaf(pattern)
        _remember(self._memo, memo_key, result)
        return result

    def _element_leaf(self, name: Name) -> Callable[[Pattern], Result]:
        def leaf(pattern: Pattern) -> Result:
            if pattern.kind == ELEMENT and name in element_info(pattern).name_class:
                return self.patterns.empty, frozenset([pattern])
            return self.patterns.not_allowed, _NONE
        return leaf

    def child(self, pattern: Pattern, name: Name) -> Result:
        """The residual after a child element ``name``, and the element patterns it
        matched (none when it is not allowed there)."""
        key = (pattern, name)
        found = self._children.get(key)
        if found is None:
            found = self._walk(_IN_ORDER, pattern, ("child", name), self._element_leaf(name))
            _remember(self._children, key, found)
        return found

    def skip(self, pattern: Pattern, name: Name) -> Result:
        """As :meth:`child`, but required items before the child may be skipped."""
        return self._walk(_SKIPPING, pattern, ("skip", name), self._element_leaf(name))

    def attribute(self, pattern: Pattern, name: Name, value: str | None) -> Pattern:
        """The residual after attribute ``name`` with ``value`` (None: any value)."""
        key = (pattern, name, value)
        found = self._attributes.get(key)
        if found is None:
            found = self._attribute(pattern, name, value)
            _remember(self._attributes, key, found)
        return found

    def _attribute(self, pattern: Pattern, name: Name, value: str | None) -> Pattern:
        def leaf(node: Pattern) -> Result:
            if node.kind == ATTRIBUTE and name in node.info:  # type: ignore[operator]
                assert node.left is not None
                if value is None or self.value_matches(node.left, value):
                    return self.patterns.empty, _NONE
            return self.patterns.not_allowed, _NONE
        if value is not None:  # values vary: walk by name, then check the value once
            targets = self.attribute_targets(pattern, name)
            fits = [self.value_matches(target, value) for target in targets]
            if all(fits):
                return self.attribute(pattern, name, None)
            if not any(fits):
                return self.patterns.not_allowed
        return self._walk(_ANY_ORDER, pattern, ("attribute", name, value), leaf)[0]

    def attribute_targets(self, pattern: Pattern, name: Name) -> tuple[Pattern, ...]:
        """The value patterns of the attributes named ``name`` in ``pattern``."""
        key = (pattern, ("targets", name))
        found = self._memo.get(key)
        if found is None:
            attributes = reachable(pattern, (ATTRIBUTE,), in_order=False)
            values = frozenset(node.left for node in attributes
                               if node.left is not None and name in node.info)  # type: ignore[operator]
            found = self._memo[key] = (self.patterns.empty, values)
        return tuple(found[1])

    def text(self, pattern: Pattern, value: str | None) -> Pattern:
        """The residual after text ``value`` (None: text among elements, which only a
        ``text`` pattern takes)."""
        if value is not None and not self._takes_values(pattern):
            value = None  # the same for any text: memoised once
        key = (pattern, value)
        found = self._texts.get(key)
        if found is None:
            found = self._text(pattern, value)
            _remember(self._texts, key, found)
        return found

    def _text(self, pattern: Pattern, value: str | None) -> Pattern:
        def leaf(node: Pattern) -> Result:
            kind = node.kind
            if kind == TEXT:
                return node, _NONE
            if value is not None and kind in {DATA, VALUE, LIST} and self._leaf_matches(
                    node, value):
                return self.patterns.empty, _NONE
            return self.patterns.not_allowed, _NONE
        return self._walk(_IN_ORDER, pattern, ("text", value), leaf)[0]

    def _takes_values(self, pattern: Pattern) -> bool:
        """True when a data, value or list pattern may match text in ``pattern``."""
        found = self._values.get(pattern)
        if found is None:
            found = self._values[pattern] = any(
                True for _ in reachable(pattern, (DATA, VALUE, LIST), in_order=True))
        return found

    def value_matches(self, pattern: Pattern, value: str) -> bool:
        """True when the whole of ``value`` matches ``pattern`` (an attribute's value)."""
        return (pattern.nullable and not value.strip()) or self.text(pattern, value).nullable

    def _leaf_matches(self, node: Pattern, value: str) -> bool:
        if node.kind == LIST:
            assert node.left is not None
            residual = node.left
            for token in value.split():
                residual = self.text(residual, token)
            return residual.nullable
        leaf = node.info
        assert isinstance(leaf, Leaf)
        if node.kind == VALUE:
            return equal(leaf.datatype, value, leaf.text or "")
        if check(leaf.datatype, value) is not None:
            return False
        return leaf.exclude is None or not self.value_matches(leaf.exclude, value)

    def _rewrite(self, tag: str, pattern: Pattern, attribute: Pattern) -> Pattern:
        """``pattern`` with every attribute replaced by ``attribute``."""
        key = (tag, pattern)
        found = self._rewrites.get(key)
        if found is not None:
            return found
        make, kind = self.patterns, pattern.kind
        if kind == ATTRIBUTE:
            result = attribute
        elif kind == CHOICE:
            result = make.choice(self._rewrite(tag, m, attribute) for m in pattern.members)
        elif kind in {GROUP, INTERLEAVE}:
            assert pattern.left is not None and pattern.right is not None
            result = make.pair(kind, self._rewrite(tag, pattern.left, attribute),
                               self._rewrite(tag, pattern.right, attribute))
        elif kind == ONE_OR_MORE:
            assert pattern.left is not None
            result = make.one_or_more(self._rewrite(tag, pattern.left, attribute))
        else:
            result = pattern
        self._rewrites[key] = result
        return result

    def close(self, pattern: Pattern) -> Pattern:
        """The content after the start tag: attributes not given become ``notAllowed``."""
        return self._rewrite("close", pattern, self.patterns.not_allowed)

    def forgive_attributes(self, pattern: Pattern) -> Pattern:
        """As :meth:`close`, but required attributes that are missing are forgiven."""
        return self._rewrite("forgive", pattern, self.patterns.empty)
