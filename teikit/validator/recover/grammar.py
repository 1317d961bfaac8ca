"""A RELAX NG grammar (XML syntax, self-contained: see :func:`prune.prunable`) read into
interned :mod:`patterns`.

Definitions are read when first referenced and element content when first needed, so a
document that touches a few dozen of ``tei_all``'s 600 elements reads only what it uses.
Data and value patterns remember the definition they come from (``teidata.temporal.w3c``),
which messages use to name what was expected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from lxml import etree

from teikit.validator.prune import RNG, attribute_name, element_name, inherited, rng_children
from teikit.validator.recover.datatypes import Datatype
from teikit.validator.recover.patterns import (
    DATA,
    VALUE,
    ElementInfo,
    NameClass,
    Pattern,
    Patterns,
)
from teikit.validator.vocabulary import Name

_NAME_CLASSES: Final = {"name", "anyName", "nsName", "choice"}


class Leaf:
    """What a ``data`` or ``value`` pattern carries (hashable, so that it interns)."""

    __slots__ = ("datatype", "exclude", "label", "text")

    def __init__(self, datatype: Datatype, label: str, text: str | None = None,
                 exclude: Pattern | None = None) -> None:
        self.datatype = datatype
        self.label = label
        self.text = text
        self.exclude = exclude

    def _key(self) -> tuple[object, ...]:
        return (self.datatype, self.label, self.text, self.exclude)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Leaf) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return repr(self.text) if self.text is not None else self.datatype.name


def _local(node: etree._Element) -> str:
    return str(node.tag)[len(RNG) + 2:]


class Grammar:
    """The patterns of one grammar: its start, and every element pattern by name."""

    def __init__(self, root: etree._Element) -> None:
        self.patterns = Patterns()
        self._defines = {d.get("name", ""): d for d in root.iterchildren(f"{{{RNG}}}define")}
        self._built: dict[str, Pattern] = {}
        self._elements = list(root.iter(f"{{{RNG}}}element"))
        self._by_name: dict[Name, frozenset[Pattern]] = {}
        self._exactly: dict[Name, frozenset[Pattern]] = {}
        self._named: dict[Name, list[Pattern]] | None = None
        self._open: list[Pattern] = []
        start = root.find(f"{{{RNG}}}start")
        self.start = self.patterns.not_allowed if start is None else self._group(start, "")

    def elements_named(self, name: Name) -> frozenset[Pattern]:
        """The element patterns of the grammar that name ``name`` most specifically (by
        name rather than by namespace, by namespace rather than as any name)."""
        found = self._by_name.get(name)
        if found is None:
            if self._named is None:
                self._index()
            assert self._named is not None
            exact = self._named.get(name)
            scored = [(_info(p).name_class.specificity(name), p) for p in self._open]
            best = max((score for score, _ in scored), default=0)
            found = self._by_name[name] = frozenset(exact) if exact else frozenset(
                p for score, p in scored if score == best and best)
        return found

    def element_names(self) -> list[Name]:
        """The names of the grammar's element patterns that have one name."""
        if self._named is None:
            self._index()
        assert self._named is not None
        return sorted(self._named)

    def _index(self) -> None:
        """Element patterns by simple name; the others (name classes) apart."""
        self._named = {}
        for pattern in map(self._element, self._elements):
            names = _info(pattern).name_class.names()
            if names is None or _info(pattern).name_class.kind != "name":
                self._open.append(pattern)
            for name in names or ():
                self._named.setdefault(name, []).append(pattern)

    def named_exactly(self, name: Name) -> frozenset[Pattern]:
        """The element patterns named ``name`` itself (not through a wildcard)."""
        found = self._exactly.get(name)
        if found is None:
            found = self._exactly[name] = frozenset(
                p for p in self.elements_named(name) if _info(p).name_class.kind == "name")
        return found

    def _group(self, node: etree._Element, label: str,
               children: list[etree._Element] | None = None) -> Pattern:
        result = self.patterns.empty
        for child in reversed(rng_children(node) if children is None else children):
            result = self.patterns.group(self.pattern(child, label), result)
        return result

    def pattern(self, node: etree._Element, label: str) -> Pattern:
        kind = _local(node)
        make = self._MAKERS.get(kind)
        if make is None:
            raise ValueError(f"RELAX NG pattern {kind!r} is not supported here")
        return make(self, node, label)

    def _ref(self, node: etree._Element, label: str) -> Pattern:
        name = node.get("name", "").strip()
        built = self._built.get(name)
        if built is None:
            define = self._defines.get(name)
            if define is None:
                return self.patterns.not_allowed
            self._built[name] = self.patterns.not_allowed  # a cycle outside elements
            built = self._built[name] = self._group(define, name)
        return built

    def _name_and_content(self, node: etree._Element, simple: Name | None
               ) -> tuple[NameClass, list[etree._Element]]:
        """The name class of an element or attribute pattern, and its content patterns."""
        children = rng_children(node)
        if simple is not None:
            return NameClass("name", simple), children
        return self._name_class(children[0]), children[1:]

    def _element(self, node: etree._Element) -> Pattern:
        def info() -> ElementInfo:
            name_class, children = self._name_and_content(node, element_name(node))
            return ElementInfo(name_class, lambda: self._group(node, "", children), node)

        return self.patterns.element(node, info)

    def _attribute(self, node: etree._Element, label: str) -> Pattern:
        name_class, children = self._name_and_content(node, attribute_name(node))
        value = self._group(node, label, children) if children else self.patterns.text
        return self.patterns.attribute(name_class, value)

    def _name_class(self, node: etree._Element) -> NameClass:
        kind = _local(node)
        if kind == "name":
            text = (node.text or "").strip()
            if ":" in text:
                prefix, local = text.split(":", 1)
                return NameClass("name", (node.nsmap.get(prefix) or "", local))
            return NameClass("name", (inherited(node, "ns") or "", text))
        members = tuple(self._name_class(c) for c in rng_children(node)
                        if _local(c) in _NAME_CLASSES)
        if kind == "choice":
            return NameClass("choice", members=members)
        excepts = [c for c in rng_children(node) if _local(c) == "except"]
        exclude = None
        if excepts:
            inner = tuple(self._name_class(c) for c in rng_children(excepts[0]))
            exclude = NameClass("choice", members=inner)
        if kind == "nsName":
            return NameClass("ns", namespace=inherited(node, "ns") or "", exclude=exclude)
        return NameClass("any", exclude=exclude)

    def _data(self, node: etree._Element, label: str) -> Pattern:
        library = inherited(node, "datatypeLibrary") or ""
        params = tuple((p.get("name", ""), p.text or "") for p in rng_children(node)
                       if _local(p) == "param")
        excepts = [c for c in rng_children(node) if _local(c) == "except"]
        exclude = None
        if excepts:
            exclude = self.patterns.choice(self.pattern(c, label)
                                           for c in rng_children(excepts[0]))
        datatype = Datatype(library, node.get("type", "").strip(), params)
        return self.patterns.leaf(DATA, Leaf(datatype, label, exclude=exclude))

    def _value(self, node: etree._Element, label: str) -> Pattern:
        if node.get("type") is None:
            datatype = Datatype("", "token")
        else:
            library = inherited(node, "datatypeLibrary") or ""
            datatype = Datatype(library, node.get("type", "").strip())
        return self.patterns.leaf(VALUE, Leaf(datatype, label, text=node.text or ""))

    def _choice(self, node: etree._Element, label: str) -> Pattern:
        return self.patterns.choice(self.pattern(c, label) for c in rng_children(node))

    def _interleave(self, node: etree._Element, label: str) -> Pattern:
        result = self.patterns.empty
        for child in rng_children(node):
            result = self.patterns.interleave(result, self.pattern(child, label))
        return result

    _MAKERS: Final[dict[str, Callable[[Grammar, etree._Element, str], Pattern]]] = {
        "empty": lambda g, n, label: g.patterns.empty,
        "notAllowed": lambda g, n, label: g.patterns.not_allowed,
        "text": lambda g, n, label: g.patterns.text,
        "group": lambda g, n, label: g._group(n, label),
        "choice": _choice,
        "interleave": _interleave,
        "optional": lambda g, n, label: g.patterns.optional(g._group(n, label)),
        "zeroOrMore": lambda g, n, label: g.patterns.optional(
            g.patterns.one_or_more(g._group(n, label))),
        "oneOrMore": lambda g, n, label: g.patterns.one_or_more(g._group(n, label)),
        "mixed": lambda g, n, label: g.patterns.interleave(g._group(n, label), g.patterns.text),
        "list": lambda g, n, label: g.patterns.list(g._group(n, label)),
        "ref": _ref,
        "element": lambda g, n, label: g._element(n),
        "attribute": _attribute,
        "data": _data,
        "value": _value,
    }


def _info(pattern: Pattern) -> ElementInfo:
    info = pattern.info
    assert isinstance(info, ElementInfo)
    return info

