"""The names a set of documents uses, and where: what a grammar may be pruned to."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from lxml import etree

Name = tuple[str, str]
"""(namespace URI or "", local name)."""


@dataclass(frozen=True)
class Vocabulary:
    """Which elements occur inside which, and which attributes occur on which elements."""

    children: frozenset[tuple[Name | None, Name]] = frozenset()
    """(parent element, child element) pairs; the parent of a root element is ``None``."""
    attributes: frozenset[tuple[Name, Name]] = frozenset()
    """(element, attribute) pairs."""

    @cached_property
    def elements(self) -> frozenset[Name]:
        """Every element name."""
        return frozenset(child for _, child in self.children)

    @cached_property
    def attribute_names(self) -> frozenset[Name]:
        """Every attribute name, on whatever element."""
        return frozenset(attribute for _, attribute in self.attributes)

    def __le__(self, other: Vocabulary) -> bool:
        """True when every pair here is also in ``other`` (its grammar covers ours)."""
        return self.children <= other.children and self.attributes <= other.attributes

    def __or__(self, other: Vocabulary) -> Vocabulary:
        return Vocabulary(self.children | other.children, self.attributes | other.attributes)

    @classmethod
    def union(cls, vocabularies: Iterable[Vocabulary]) -> Vocabulary:
        children: set[tuple[Name | None, Name]] = set()
        attributes: set[tuple[Name, Name]] = set()
        for vocabulary in vocabularies:
            children |= vocabulary.children
            attributes |= vocabulary.attributes
        return cls(frozenset(children), frozenset(attributes))

    def to_bytes(self) -> bytes:
        """A form :meth:`from_bytes` reads back (JSON)."""
        return json.dumps([sorted(self.children, key=repr),
                           sorted(self.attributes, key=repr)]).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> Vocabulary | None:
        """The vocabulary :meth:`to_bytes` wrote (None when ``data`` is not one)."""
        try:
            children, attributes = json.loads(data)
            return cls(frozenset((None if p is None else (p[0], p[1]), (c[0], c[1]))
                                 for p, c in children),
                       frozenset(((e[0], e[1]), (a[0], a[1])) for e, a in attributes))
        except (ValueError, TypeError, IndexError, KeyError):
            return None

    def key(self) -> list[str]:
        """A stable text form (for cache keys)."""
        def show(name: Name | None) -> str:
            return "/" if name is None else f"{{{name[0]}}}{name[1]}"

        return [*sorted(f"{show(parent)}>{show(child)}" for parent, child in self.children),
                *sorted(f"{show(element)}@{show(name)}" for element, name in self.attributes)]


def split_name(clark: str) -> Name:
    """``{ns}local`` (or ``local``) as (namespace, local name)."""
    if clark[:1] == "{":
        namespace, _, local = clark[1:].partition("}")
        return namespace, local
    return "", clark


def vocabulary_of(tree: etree._ElementTree) -> Vocabulary:
    """The element nesting and attribute use of ``tree`` (one walk in document order, each
    element's parent asked of lxml; names are split once)."""
    root = tree.getroot()
    children: set[tuple[str | None, str]] = {(None, root.tag)}
    attributes: set[tuple[str, str]] = set()
    for element in root.iter(etree.Element):
        tag = element.tag
        parent = element.getparent()
        if parent is not None:
            children.add((parent.tag, tag))
        keys = element.keys()
        if keys:
            attributes.update([(tag, str(key)) for key in keys])
    return vocabulary_from(children, attributes)


def vocabulary_from(children: set[tuple[str | None, str]],
                    attributes: set[tuple[str, str]]) -> Vocabulary:
    """A vocabulary from Clark names: (parent or None, child) and (element, attribute)
    pairs (each name split once)."""
    names: dict[str, Name] = {}

    def name(clark: str) -> Name:
        found = names.get(clark)
        if found is None:
            found = names[clark] = split_name(clark)
        return found

    return Vocabulary(
        frozenset((None if parent is None else name(parent), name(child))
                  for parent, child in children),
        frozenset((name(element), name(attribute)) for element, attribute in attributes))
