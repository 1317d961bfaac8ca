"""The names a set of documents uses: what a grammar may be pruned to."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

Name = tuple[str, str]
"""(namespace URI or "", local name)."""


@dataclass(frozen=True)
class Vocabulary:
    """The element and attribute names that occur in some documents."""

    elements: frozenset[Name] = frozenset()
    attributes: frozenset[Name] = frozenset()

    def __le__(self, other: Vocabulary) -> bool:
        """True when every name here is also in ``other`` (its grammar covers ours)."""
        return self.elements <= other.elements and self.attributes <= other.attributes

    def __or__(self, other: Vocabulary) -> Vocabulary:
        return Vocabulary(self.elements | other.elements, self.attributes | other.attributes)

    @classmethod
    def union(cls, vocabularies: Iterable[Vocabulary]) -> Vocabulary:
        elements: set[Name] = set()
        attributes: set[Name] = set()
        for vocabulary in vocabularies:
            elements |= vocabulary.elements
            attributes |= vocabulary.attributes
        return cls(frozenset(elements), frozenset(attributes))

    def key(self) -> list[str]:
        """A stable text form (for cache keys)."""
        return [*sorted(f"{ns}|{local}" for ns, local in self.elements),
                *sorted(f"@{ns}|{local}" for ns, local in self.attributes)]


def split_name(clark: str) -> Name:
    """``{ns}local`` (or ``local``) as (namespace, local name)."""
    if clark[:1] == "{":
        namespace, _, local = clark[1:].partition("}")
        return namespace, local
    return "", clark
