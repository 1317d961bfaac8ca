"""Prune a RELAX NG grammar to the vocabulary of the documents it will check.

Compiling all of ``tei_all.rng`` takes libxml2 about six seconds. A document only ever uses
a few dozen of its ~600 elements and of its hundreds of attributes, and a grammar in which
every element or attribute pattern naming something the documents do not contain is
replaced by ``notAllowed`` accepts exactly the same documents (a derivation of a document
never uses such a pattern). The ``notAllowed`` is then simplified away as the RELAX NG spec
does (section 4.19), and references to definitions that became ``empty`` (TEI's many
attribute classes) are dropped, because libxml2 validates far slower when either is left in
place. The pruned grammar compiles in milliseconds.

Only self-contained grammars are pruned (no ``include``, ``externalRef``, ``parentRef``,
nested ``grammar`` or ``combine``); others are compiled whole.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Final, cast

from lxml import etree

from teikit.tei import XML_NS
from teikit.validate.vocabulary import Name, Vocabulary

RNG: Final = "http://relaxng.org/ns/structure/1.0"
_NAME_CLASSES: Final = {f"{{{RNG}}}{n}" for n in ("name", "anyName", "nsName", "choice")}
_BLOCKERS: Final = [
    f"{{{RNG}}}{n}" for n in ("include", "externalRef", "parentRef", "grammar", "div")
]
_LEAVES: Final = {"text", "empty", "value", "data"}
_EMPTY: Final = etree.Element(f"{{{RNG}}}empty")
"""Marker for a pattern that simplified to ``empty`` (dropped from groups: libxml2
mis-validates some groups that contain an explicit ``empty``)."""
_SHELLS: Final = {"define", "start", "element", "attribute"}


def prunable(grammar: etree._Element) -> bool:
    """True when ``grammar`` is one self-contained ``grammar`` that :func:`prune` handles."""
    if grammar.tag != f"{{{RNG}}}grammar":
        return False
    if any(node is not grammar for node in grammar.iter(*_BLOCKERS)):
        return False
    return not any(d.get("combine") for d in grammar.iter(f"{{{RNG}}}define", f"{{{RNG}}}start"))


def _local(node: etree._Element) -> str:
    return node.tag[len(RNG) + 2:] if isinstance(node.tag, str) and node.tag.startswith(
        f"{{{RNG}}}") else ""


def _prefixed(node: etree._Element, name: str) -> Name:
    prefix, local = name.split(":", 1)
    return (XML_NS if prefix == "xml" else node.nsmap.get(prefix) or ""), local


def element_name(node: etree._Element) -> Name | None:
    """(namespace, local name) of an ``element`` pattern with a simple ``name``; else None."""
    name = node.get("name")
    if name is None:
        return None
    name = name.strip()
    if ":" in name:
        return _prefixed(node, name)
    ancestor: etree._Element | None = node
    while ancestor is not None:
        ns = ancestor.get("ns")
        if ns is not None:
            return ns, name
        ancestor = ancestor.getparent()
    return "", name


def attribute_name(node: etree._Element) -> Name | None:
    """(namespace, local name) of an ``attribute`` pattern with a simple ``name``; else
    None. Unlike elements', an attribute's name is in no namespace unless it says so."""
    name = node.get("name")
    if name is None:
        return None
    name = name.strip()
    return _prefixed(node, name) if ":" in name else (node.get("ns", ""), name)


class _Pruner:
    def __init__(self, grammar: etree._Element, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.defines = {d.get("name", ""): d for d in grammar.iterchildren(f"{{{RNG}}}define")}
        self.done: dict[str, etree._Element | None] = {}
        self.busy: set[str] = set()

    def define(self, name: str) -> bool:
        """Copy define ``name`` (once); False when it is notAllowed."""
        if name in self.busy:
            return True  # optimistic inside a cycle: keeping more is always safe
        if name not in self.done:
            self.busy.add(name)
            source = self.defines.get(name)
            copy = None if source is None else self.group(source, source)
            self.busy.discard(name)
            self.done[name] = copy
        return self.done[name] is not None

    def group(self, source: etree._Element, shell: etree._Element) -> etree._Element | None:
        """Copy ``shell`` (attributes only) with ``source``'s children; None if notAllowed."""
        copy = etree.Element(shell.tag, _attrib(shell), nsmap=_nsmap(shell))
        for child in rng_children(source):
            kept = self.pattern(child)
            if kept is None:
                return None
            if kept is not _EMPTY:
                copy.append(kept)
        if not len(copy):
            if _local(shell) not in _SHELLS:
                return _EMPTY
            copy.append(etree.Element(f"{{{RNG}}}empty"))
        elif len(copy) == 1 and _local(shell) in {"group", "interleave"}:
            return copy[0]  # libxml2 can loop forever compiling some one-child groups
        return copy

    def pattern(self, node: etree._Element) -> etree._Element | None:
        kind = _local(node)
        if kind in _LEAVES:
            return _clone(node)
        if kind == "notAllowed":
            return None
        if kind == "ref":
            return self.ref(node)
        if kind == "element":
            name = element_name(node)
            if name is not None and name not in self.vocabulary.elements:
                return None
        if kind == "attribute":
            name = attribute_name(node)
            if name is not None and name not in self.vocabulary.attributes:
                return None
        if kind in {"element", "attribute"}:
            return self.named(node)
        if kind == "choice":
            return self.choice(node)
        if kind in {"optional", "zeroOrMore"}:
            kept = self.group(node, node)
            return kept if kept is not None else _EMPTY
        return self.group(node, node)  # group, interleave, oneOrMore, list, mixed

    def ref(self, node: etree._Element) -> etree._Element | None:
        name = node.get("name", "")
        if not self.define(name):
            return None
        target = self.done.get(name)  # None while the definition is being copied (a cycle)
        if target is not None and len(target) == 1 and _local(target[0]) == "empty":
            return _EMPTY
        return _clone(node)

    def named(self, node: etree._Element) -> etree._Element | None:
        copy = etree.Element(node.tag, _attrib(node), nsmap=_nsmap(node))
        for index, child in enumerate(rng_children(node)):
            if index == 0 and node.get("name") is None and child.tag in _NAME_CLASSES:
                copy.append(_clone(child))
                continue
            kept = self.pattern(child)
            if kept is None:
                return None
            if kept is not _EMPTY:
                copy.append(kept)
        name_class = 0 if node.get("name") is not None else 1
        content_dropped = len(rng_children(node)) > len(copy)
        if len(copy) == name_class and content_dropped:
            # every content pattern simplified to empty (an attribute alone means text)
            copy.append(etree.Element(f"{{{RNG}}}empty"))
        return copy

    def choice(self, node: etree._Element) -> etree._Element | None:
        copy = etree.Element(node.tag, _attrib(node), nsmap=_nsmap(node))
        for child in rng_children(node):
            kept = self.pattern(child)
            if kept is not None:
                copy.append(etree.Element(f"{{{RNG}}}empty") if kept is _EMPTY else kept)
        return copy if len(copy) else None


def _attrib(node: etree._Element) -> dict[str, str]:
    return {str(key): str(value) for key, value in node.attrib.items()}


def _nsmap(node: etree._Element) -> dict[str, str]:
    # lxml maps the default namespace under None; its stubs do not say so
    return cast("dict[str, str]", node.nsmap)


def rng_children(node: etree._Element) -> list[etree._Element]:
    """Children in the RELAX NG namespace (annotations and comments are ignored)."""
    return [child for child in node if isinstance(child.tag, str) and child.tag.startswith(
        f"{{{RNG}}}")]


def _clone(node: etree._Element) -> etree._Element:
    copy = deepcopy(node)
    copy.tail = None
    return copy


def prune(grammar: etree._Element, vocabulary: Vocabulary) -> etree._Element:
    """A copy of ``grammar`` keeping only what documents with ``vocabulary`` can use."""
    pruner = _Pruner(grammar, vocabulary)
    result = etree.Element(grammar.tag, _attrib(grammar), nsmap=_nsmap(grammar))
    start = grammar.find(f"{{{RNG}}}start")
    kept = pruner.group(start, start) if start is not None else None
    result.append(kept if kept is not None else _not_allowed_start())
    for name, define in pruner.done.items():
        if define is None:
            define = etree.Element(f"{{{RNG}}}define", name=name)
            define.append(etree.Element(f"{{{RNG}}}notAllowed"))
        result.append(define)
    return result


def _not_allowed_start() -> etree._Element:
    start = etree.Element(f"{{{RNG}}}start")
    start.append(etree.Element(f"{{{RNG}}}notAllowed"))
    return start
