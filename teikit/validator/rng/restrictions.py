"""The restrictions of the spec's section 7 on a simplified grammar, where a start reaches.

- 7.1, prohibited paths: no attribute or element inside an attribute, no attribute in a
  group or interleave repeated by ``oneOrMore``, only data and values in a ``list``, in a
  ``data`` exception only data, values and choices, and in the start only elements,
  choices and ``notAllowed``;
- 7.2, string sequences: an element's content is empty, complex (elements and text) or
  simple (one datum, value or list), never simple beside anything but attributes;
- 7.3, attributes: no two attributes of a group or interleave may share a name, and one
  with an open name class (``anyName``, ``nsName``) must be repeated by ``oneOrMore``;
- 7.4, interleave: its two sides share no element name and not both hold text.

Each pattern is examined once per distinct set of enclosing constructs, so shared
definitions (TEI's classes and macros) cost once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from lxml import etree

from teikit.validator.rng import patterns as p
from teikit.validator.rng.read import Grammar

_IN_ATTRIBUTE: Final = 1
_REPEATED: Final = 2
_REPEATED_GROUP: Final = 4
_IN_LIST: Final = 8
_IN_EXCEPT: Final = 16
_IN_START: Final = 32
_FORBIDDEN: Final[dict[type[p.Node], tuple[tuple[int, str], ...]]] = {
    p.Attribute: ((_IN_ATTRIBUTE, "an attribute inside an attribute"),
                  (_REPEATED_GROUP, "an attribute in a group or interleave inside oneOrMore"),
                  (_IN_LIST, "an attribute inside a list"),
                  (_IN_EXCEPT, "an attribute inside a data exception"),
                  (_IN_START, "an attribute in the start")),
    p.Ref: ((_IN_ATTRIBUTE, "an element inside an attribute"),
            (_IN_LIST, "an element inside a list"),
            (_IN_EXCEPT, "an element inside a data exception")),
    p.Text: ((_IN_LIST, "text inside a list"), (_IN_EXCEPT, "text inside a data exception"),
             (_IN_START, "text in the start")),
    p.List: ((_IN_LIST, "a list inside a list"), (_IN_EXCEPT, "a list inside a data exception"),
             (_IN_START, "a list in the start")),
    p.Group: ((_IN_EXCEPT, "a group inside a data exception"), (_IN_START, "a group in the start")),
    p.Interleave: ((_IN_LIST, "an interleave inside a list"),
                   (_IN_EXCEPT, "an interleave inside a data exception"),
                   (_IN_START, "an interleave in the start")),
    p.OneOrMore: ((_IN_EXCEPT, "oneOrMore inside a data exception"),
                  (_IN_START, "oneOrMore in the start")),
    p.Empty: ((_IN_EXCEPT, "empty inside a data exception"), (_IN_START, "empty in the start")),
    p.Data: ((_IN_START, "data in the start"),),
    p.Value: ((_IN_START, "a value in the start"),),
}
_EMPTY, _COMPLEX, _SIMPLE = 0, 1, 2


@dataclass(frozen=True)
class Names:
    """The names some patterns use: plain names, and open name classes."""

    plain: dict[tuple[str, str], p.Node]
    open: tuple[p.Node, ...] = ()

    def clash(self, other: Names) -> p.Node | None:
        """A pattern of ``other`` whose name is also one of ours (None when none is)."""
        for name, node in other.plain.items():
            if name in self.plain or any(_contains(o, name) for o in self.open):
                return node
        for node in other.open:
            if any(_contains(node, name) for name in self.plain) or any(
                    p.overlap(_name_class(node), _name_class(o)) for o in self.open):
                return node
        return None

    def __or__(self, other: Names) -> Names:
        if not other.plain and not other.open:
            return self
        if not self.plain and not self.open:
            return other
        return Names({**self.plain, **other.plain}, self.open + other.open)


NONE: Final = Names({})


def _name_class(node: p.Node) -> p.NameClass:
    return node.name_class if isinstance(node, p.Attribute) else node  # type: ignore[return-value]


def _contains(node: p.Node, name: tuple[str, str]) -> bool:
    return p.contains(_name_class(node), *name)


class Restrictions:
    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar
        self.problems: list[tuple[etree._Element | None, str]] = []
        self._seen: set[tuple[int, int]] = set()
        self._attributes: dict[int, Names] = {}
        self._elements: dict[int, Names] = {}
        self._text: dict[int, bool] = {}
        self._types: dict[int, int | None] = {}
        self._where: etree._Element | None = None

    def check(self) -> list[tuple[etree._Element | None, str]]:
        """Every restriction broken where the start reaches, with the schema element."""
        grammar = self.grammar
        self.walk(grammar.start, _IN_START, None)
        reached = sorted(self.reachable())
        for index in reached:
            _, content = grammar.elements[index]
            self.walk(content, 0, grammar.nodes[index])
            if self.content_type(content) is None:
                self.problems.append((grammar.nodes[index], "the content mixes a datum, value "
                                      "or list with elements, text or other data"))
        for context in (None, *reached):
            for ref in grammar.loops.get(context, ()):
                self.problems.append((ref, f"define {ref.get('name')!r} refers to itself "
                                           "without an element in between"))
        return self.problems

    def reachable(self) -> set[int]:
        found: set[int] = set()
        todo = deque(_refs(self.grammar.start))
        while todo:
            index = todo.popleft()
            if index not in found:
                found.add(index)
                todo.extend(_refs(self.grammar.elements[index][1]))
        return found

    def walk(self, pattern: p.Pattern, flags: int, element: etree._Element | None) -> None:
        key = (id(pattern), flags)
        if key in self._seen:
            return
        self._seen.add(key)
        where = _where(pattern, element)
        for flag, what in _FORBIDDEN.get(type(pattern), ()):
            if flags & flag:
                self.problems.append((where, f"{what} is not allowed (section 7.1)"))
        if isinstance(pattern, p.Attribute):
            if p.is_open(pattern.name_class) and not flags & _REPEATED:
                self.problems.append((where, "an attribute with an open name class (anyName, "
                                             "nsName) must be inside oneOrMore"))
            self.walk(pattern.content, flags | _IN_ATTRIBUTE, element)
        elif isinstance(pattern, (p.Group, p.Interleave)):
            self.pair(pattern, element)
            inner = flags | (_REPEATED_GROUP if flags & _REPEATED else 0)
            self.walk(pattern.first, inner, element)
            self.walk(pattern.second, inner, element)
        elif isinstance(pattern, p.Choice):
            self.walk(pattern.first, flags, element)
            self.walk(pattern.second, flags, element)
        elif isinstance(pattern, p.OneOrMore):
            self.walk(pattern.content, flags | _REPEATED, element)
        elif isinstance(pattern, p.List):
            self.walk(pattern.content, flags | _IN_LIST, element)
        elif isinstance(pattern, p.Data) and pattern.exception is not None:
            self.walk(pattern.exception, flags | _IN_EXCEPT, element)

    def pair(self, pattern: p.Group | p.Interleave, element: etree._Element | None) -> None:
        """Sections 7.3 and 7.4 for the two sides of a group or interleave."""
        clash = self.attributes(pattern.first).clash(self.attributes(pattern.second))
        if clash is not None:
            self.problems.append((_where(clash, element), "an attribute that may occur twice "
                                  "(its name is also allowed beside it)"))
        if isinstance(pattern, p.Interleave):
            clash = self.elements(pattern.first).clash(self.elements(pattern.second))
            if clash is not None:
                self.problems.append((_where(clash, element), "both sides of an interleave "
                                      "allow an element of this name"))
            if self.text(pattern.first) and self.text(pattern.second):
                self.problems.append((_where(pattern, element), "both sides of an interleave "
                                      "allow text"))

    def attributes(self, pattern: p.Pattern) -> Names:
        found = self._attributes.get(id(pattern))
        if found is None:
            if isinstance(pattern, p.Attribute):
                if isinstance(pattern.name_class, p.Name):
                    found = Names({(pattern.name_class.ns, pattern.name_class.local): pattern})
                else:
                    found = Names({}, (pattern,))
            else:
                found = NONE
                for part in _parts(pattern):
                    found = found | self.attributes(part)
            self._attributes[id(pattern)] = found
        return found

    def elements(self, pattern: p.Pattern) -> Names:
        found = self._elements.get(id(pattern))
        if found is None:
            if isinstance(pattern, p.Ref):
                name_class = self.grammar.elements[pattern.index][0]
                found = (Names({(name_class.ns, name_class.local): pattern})
                         if isinstance(name_class, p.Name) else Names({}, (name_class,)))
            else:
                found = NONE
                for part in _parts(pattern):
                    found = found | self.elements(part)
            self._elements[id(pattern)] = found
        return found

    def text(self, pattern: p.Pattern) -> bool:
        found = self._text.get(id(pattern))
        if found is None:
            found = isinstance(pattern, p.Text) or any(self.text(part)
                                                       for part in _parts(pattern))
            self._text[id(pattern)] = found
        return found

    def content_type(self, pattern: p.Pattern) -> int | None:
        """Section 7.2: empty, complex or simple; None when undefined."""
        key = id(pattern)
        if key not in self._types:
            self._types[key] = self._content_type(pattern)
        return self._types[key]

    def _content_type(self, pattern: p.Pattern) -> int | None:
        if isinstance(pattern, (p.Empty, p.NotAllowed)):
            return _EMPTY
        if isinstance(pattern, p.Attribute):
            return None if self.content_type(pattern.content) is None else _EMPTY
        if isinstance(pattern, (p.Text, p.Ref)):
            return _COMPLEX
        if isinstance(pattern, (p.Value, p.Data, p.List)):
            return _SIMPLE  # a list's content is a sequence of strings by design
        if isinstance(pattern, p.OneOrMore):
            found = self.content_type(pattern.content)
            return found if found is not None and _groupable(found, found) else None
        first = self.content_type(pattern.first)
        second = self.content_type(pattern.second)
        if first is None or second is None:
            return None
        if isinstance(pattern, p.Choice) or _groupable(first, second):
            return max(first, second)
        return None


def _where(node: p.Node, element: etree._Element | None) -> etree._Element | None:
    return node.where if node.where is not None else element


def _groupable(first: int, second: int) -> bool:
    return first == _EMPTY or second == _EMPTY or first == second == _COMPLEX


def _parts(pattern: p.Pattern) -> Iterator[p.Pattern]:
    """The patterns directly inside ``pattern`` that may hold attributes, elements or text
    of the same content (not inside an attribute's value, nor an element's content)."""
    if isinstance(pattern, (p.Choice, p.Group, p.Interleave)):
        yield pattern.first
        yield pattern.second
    elif isinstance(pattern, (p.OneOrMore, p.List)):
        yield pattern.content


def _refs(pattern: p.Pattern) -> set[int]:
    """The elements a pattern refers to, outside their contents."""
    found: set[int] = set()
    todo = [pattern]
    seen: set[int] = set()
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, p.Ref):
            found.add(current.index)
        elif isinstance(current, p.Attribute):
            todo.append(current.content)
        elif isinstance(current, p.Data) and current.exception is not None:
            todo.append(current.exception)
        else:
            todo.extend(_parts(current))
    return found
