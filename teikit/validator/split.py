"""The grammars a large document is checked with piece by piece (:mod:`stream`).

Made from the grammar pruned to the document's vocabulary: an element checked apart must
have a single definition (no other pattern, and no wildcard, may match its name), so that
its content means the same wherever it stands; its definition is made to accept a
*placeholder* as well, an element of the same name and attributes holding teikit's mark
instead of its content.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Final

from lxml import etree

from teikit.validator.prune import RNG, attribute_name, element_name, prunable, rng_children
from teikit.validator.rng import patterns as p
from teikit.validator.rng.names import name_class
from teikit.validator.rng.scopes import Env
from teikit.validator.splitvalues import relax
from teikit.validator.vocabulary import Name

SPLIT: Final = "urn:teikit:split"
MARK: Final = f"{{{SPLIT}}}placeholder"
"""The child element that makes an element a placeholder (no document uses it)."""


class Split:
    """The two grammars made from a pruned grammar: ``root`` (its start) and ``batch``
    (a ``batch`` element holding elements checked apart, and text), in both of which
    such an element may also be a placeholder."""

    def __init__(self, grammar: etree._Element, names: set[Name]) -> None:
        """``names``: the elements to check apart (those with a single definition of
        them); a placeholder costs libxml2 a choice wherever the element may stand."""
        self.names = {name: define for name, define in _single_definitions(grammar).items()
                      if name in names}
        root = deepcopy(grammar)
        defines = {d.get("name", ""): d for d in root.iterchildren(f"{{{RNG}}}define")}
        kinds = _Kinds(defines)
        for element, define in list(self.names.items()):
            if not _accept_placeholder(rng_children(defines[define])[0], kinds):
                del self.names[element]
        part = deepcopy(root)
        start = part.find(f"{{{RNG}}}start")
        if start is not None and self.names:
            for child in list(start):
                start.remove(child)
            batch = etree.SubElement(start, f"{{{RNG}}}element", name="batch", ns=SPLIT)
            either = etree.SubElement(etree.SubElement(batch, f"{{{RNG}}}zeroOrMore"),
                                      f"{{{RNG}}}choice")
            etree.SubElement(either, f"{{{RNG}}}text")
            for define in self.names.values():
                etree.SubElement(either, f"{{{RNG}}}ref", name=define)
        self.values = relax(part)
        self.root = etree.RelaxNG(root)
        self.batch = etree.RelaxNG(part)
        self.within = names_within(part) if self.names else None
        """Every element and attribute name a batch :attr:`batch` accepts may hold (None:
        a wildcard may match more), as ``("element", namespace, local name)`` and
        ``("attribute", "", local name)``."""

    def holds(self, batch: etree._Element) -> bool:
        """Whether the elements in ``batch`` (a ``batch`` element) are valid: against
        :attr:`batch`, whose costly attribute values are relaxed to text, and their
        values checked apart, once each (:mod:`teikit.validator.splitvalues`)."""
        return bool(self.batch.validate(batch)) and self.values.hold(batch)


def names_within(grammar: etree._Element) -> frozenset[tuple[str, str, str]] | None:
    """The names of the element and attribute patterns reachable from the start of
    ``grammar`` (a simplified, self-contained grammar): a document it accepts holds no
    other. None when one of them is a name class (a wildcard) rather than a name, or
    when the grammar is not one self-contained grammar with one definition of a name."""
    found_defines = list(grammar.iterchildren(f"{{{RNG}}}define"))
    defines = {d.get("name", ""): d for d in found_defines}
    if not prunable(grammar) or len(defines) < len(found_defines):
        return None
    start = grammar.find(f"{{{RNG}}}start")
    todo, followed = ([] if start is None else [start]), set()
    names: set[tuple[str, str, str]] = set()
    while todo:
        for node in todo.pop().iter(f"{{{RNG}}}element", f"{{{RNG}}}attribute",
                                     f"{{{RNG}}}ref"):
            if node.tag == f"{{{RNG}}}ref":
                define = defines.get(node.get("name", ""))
                if define is not None and define not in followed:
                    followed.add(define)
                    todo.append(define)
            elif node.tag == f"{{{RNG}}}element":
                found = element_name(node)
                if found is None:
                    return None
                names.add(("element", *found))
            else:
                found = attribute_name(node)
                if found is None:
                    return None
                names.add(("attribute", "", found[1]))
    return frozenset(names)


def _single_definitions(grammar: etree._Element) -> dict[Name, str]:
    """The element names that one definition of the pruned ``grammar`` alone can match
    (no other definition, and no wildcard, may), with that definition's name."""
    named: dict[Name, list[str]] = {}
    wildcards: list[p.NameClass] = []
    for define in grammar.iterchildren(f"{{{RNG}}}define"):
        content = rng_children(define)
        if len(content) != 1 or content[0].tag != f"{{{RNG}}}element":
            continue
        found = element_name(content[0])
        if found is not None:
            if not _stub(content[0]):
                named.setdefault(found, []).append(define.get("name", ""))
        else:  # a name class (TEI's anyElement): the names it may match
            wildcards.append(name_class(rng_children(content[0])[0], Env(), attribute=False))
    return {element: defines[0] for element, defines in named.items() if len(defines) == 1
            and not any(p.contains(w, *element) for w in wildcards)}


def _stub(element: etree._Element) -> bool:
    """Whether an element pattern is one of the pruner's stubs (``element x { empty }``
    where the documents have no x): it matches nothing in them, so it does not count."""
    content = rng_children(element)
    return len(content) == 1 and content[0].tag == f"{{{RNG}}}empty" and not len(content[0])


class _Kinds:
    """Whether patterns (definitions followed, elements not entered) hold attributes,
    content (elements, text, data), or both."""

    def __init__(self, defines: dict[str, etree._Element]) -> None:
        self.defines = defines
        self.found: dict[str, frozenset[str]] = {}

    def __call__(self, pattern: etree._Element) -> frozenset[str]:
        kind = pattern.tag[len(RNG) + 2:] if isinstance(pattern.tag, str) else ""
        if kind == "attribute":
            return frozenset({"attribute"})
        if kind in {"element", "text", "data", "value", "list"}:
            return frozenset({"content"})
        if kind == "ref":
            name = pattern.get("name", "")
            if name not in self.found:
                self.found[name] = frozenset()  # a loop adds nothing
                define = self.defines.get(name)
                self.found[name] = self(define) if define is not None else frozenset()
            return self.found[name]
        return frozenset().union(*(self(child) for child in rng_children(pattern)))


def _accept_placeholder(element: etree._Element, kinds: _Kinds) -> bool:
    """Let an element pattern match a placeholder too: an element with the same
    attributes and, instead of its content, teikit's mark. Its attribute patterns stay;
    its content becomes a choice of what it was and the mark. (A choice where the element
    is referred to would make libxml2 try two patterns for each such child: quadratic
    for a long run of them.) False when a part mixes attributes and content."""
    content = [part for part in rng_children(element) if kinds(part) != {"attribute"}
               and part.tag != f"{{{RNG}}}empty"]  # no-ops, which libxml2 mishandles here
    if any("attribute" in kinds(part) for part in content):
        return False
    for part in rng_children(element):
        if part.tag == f"{{{RNG}}}empty":
            element.remove(part)
    either = etree.SubElement(element, f"{{{RNG}}}choice")
    whole = etree.SubElement(either, f"{{{RNG}}}group") if len(content) > 1 else either
    for part in content or [etree.Element(f"{{{RNG}}}empty")]:
        whole.append(part)
    mark = etree.QName(MARK)
    etree.SubElement(etree.SubElement(either, f"{{{RNG}}}element", name=mark.localname,
                                      ns=mark.namespace or ""), f"{{{RNG}}}empty")
    return True
