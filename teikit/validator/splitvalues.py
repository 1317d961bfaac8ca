"""Attribute values of a large document's parts, checked once per distinct value.

libxml2 checks the value of an attribute against its datatype (an XSD ``token`` with a
``pattern`` facet, a ``list`` of them…) every time it meets the attribute, and that check
costs more than the rest of the part's validation together (TEI's ``supplied/@reason``
is a list of tokens matching ``[^\\p{C}\\p{Z}]+``). A large document repeats a few values
many times. So the grammar a part is checked with (:class:`teikit.validator.split.Split`)
accepts any text in such an attribute, and each distinct value is checked apart, once, on
a small element against the value pattern the grammar had there (:class:`Values`). The
attributes worth it are those with a pattern facet (libxml2 checks it with a regular
expression), on the elements a part may hold.

That gives the same verdict when the attribute pattern is the only one that may match
the attribute on every element pattern that holds it, each of those elements' names is
matched by that element pattern alone, and the value's meaning does not depend on where
it stands (no ``ID``, ``IDREF``, ``QName``… which libxml2 checks against the document):
an element is then valid iff it is valid with the value relaxed to text and its value
matches the pattern.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Final

from lxml import etree

from teikit.validator.prune import RNG, attribute_name, element_name, inherited, rng_children
from teikit.validator.rng import patterns as p
from teikit.validator.rng.names import name_class
from teikit.validator.rng.scopes import Env
from teikit.validator.vocabulary import Name

_IN_DOCUMENT: Final = frozenset({"ID", "IDREF", "IDREFS", "ENTITY", "ENTITIES", "QName",
                                 "NOTATION"})
"""Datatypes whose values libxml2 checks against the document (never checked apart)."""
_VALUE: Final = "v"


class Values:
    """The values of relaxed attributes (each element and attribute name with the value
    pattern the grammar had) and the verdicts on those met so far."""

    def __init__(self, checks: list[tuple[Name, Name, etree.RelaxNG]]) -> None:
        self._checks = [(_values_query(element, attribute), grammar)
                        for element, attribute, grammar in checks]
        self._verdicts: dict[tuple[int, str], bool] = {}

    def __bool__(self) -> bool:
        return bool(self._checks)

    def hold(self, part: etree._Element) -> bool:
        """Whether every relaxed attribute in ``part`` has a value its pattern matches."""
        for index, (query, grammar) in enumerate(self._checks):
            found = query(part)
            for value in set(found) if isinstance(found, list) else ():
                key = (index, str(value))
                verdict = self._verdicts.get(key)
                if verdict is None:
                    verdict = self._verdicts[key] = bool(
                        grammar.validate(etree.Element(_VALUE, {_VALUE: str(value)})))
                if not verdict:
                    return False
        return True


def _values_query(element: Name, attribute: Name) -> etree.XPath:
    step = f"a:{attribute[1]}" if attribute[0] else attribute[1]
    return etree.XPath(f"descendant::e:{element[1]}/@{step}" if element[0] else
                       f"descendant::{element[1]}/@{step}",
                       namespaces={"e": element[0] or "-", "a": attribute[0] or "-"},
                       smart_strings=False)


def relax(grammar: etree._Element) -> Values:
    """Relax, in ``grammar``, the attributes whose values may be checked apart (see the
    module) to text; the checks of their values."""
    defines = {d.get("name", ""): d for d in grammar.iterchildren(f"{{{RNG}}}define")}
    elements = list(grammar.iter(f"{{{RNG}}}element"))
    reached = _reachable(grammar, defines)
    alone = _named_alone(elements)
    reach = {element: _attributes(element, defines) for element in elements}
    owners: dict[etree._Element, list[etree._Element]] = {}
    for element, attributes in reach.items():
        for attribute in attributes or ():
            owners.setdefault(attribute, []).append(element)
    checks: list[tuple[Name, Name, etree.RelaxNG]] = []
    for attribute, holders in owners.items():
        name = attribute_name(attribute)
        value = _value_grammar(attribute, defines)
        if name is None or value is None or not reached.intersection(holders) or not all(
                _only_one(holder, name, reach[holder], alone) for holder in holders):
            continue
        for child in rng_children(attribute):
            attribute.remove(child)
        etree.SubElement(attribute, f"{{{RNG}}}text")
        compiled = etree.RelaxNG(value)
        checks.extend((owner, name, compiled) for holder in holders if holder in reached
                      and (owner := element_name(holder)) is not None)
    return Values(checks)


def _reachable(grammar: etree._Element, defines: dict[str, etree._Element]
               ) -> set[etree._Element]:
    """The element patterns the grammar's start may reach (only their elements can be
    in a part: the others need no check)."""
    found: set[etree._Element] = set()
    followed: set[str] = set()
    pending = [child for start in grammar.iterchildren(f"{{{RNG}}}start")
               for child in rng_children(start)]
    while pending:
        node = pending.pop()
        kind = node.tag[len(RNG) + 2:]
        if kind == "element":
            found.add(node)
        if not _follow(node, kind, defines, followed, pending):
            pending.extend(rng_children(node))
    return found


def _follow(node: etree._Element, kind: str, defines: dict[str, etree._Element],
            followed: set[str], pending: list[etree._Element]) -> bool:
    """For a reference (``ref``, ``parentRef``): queue its definition's content the first
    time it is met, and say it was one."""
    if kind not in {"ref", "parentRef"}:
        return False
    name = node.get("name", "").strip()
    if name not in followed and name in defines:
        followed.add(name)
        pending.extend(rng_children(defines[name]))
    return True


def _named_alone(elements: list[etree._Element]) -> set[Name]:
    """The element names one element pattern alone may match (the pruner's stubs, which
    allow no attribute, aside)."""
    named: dict[Name, int] = {}
    wildcards: list[p.NameClass] = []
    for element in elements:
        found = element_name(element)
        if found is None:
            wildcards.append(name_class(rng_children(element)[0], Env(), attribute=False))
        elif not _stub(element):
            named[found] = named.get(found, 0) + 1
    return {name for name, count in named.items() if count == 1
            and not any(p.contains(w, *name) for w in wildcards)}


def _stub(element: etree._Element) -> bool:
    content = rng_children(element)
    return len(content) == 1 and content[0].tag == f"{{{RNG}}}empty" and not len(content[0])


def _attributes(element: etree._Element, defines: dict[str, etree._Element]
                ) -> list[etree._Element] | None:
    """The attribute patterns ``element`` holds, through references but not inside the
    elements it holds; None when one has no simple name (it may match any)."""
    found: list[etree._Element] = []
    followed: set[str] = set()
    pending = rng_children(element)[0 if element.get("name") is not None else 1:]
    while pending:
        node = pending.pop()
        kind = node.tag[len(RNG) + 2:]
        if kind == "attribute":
            if attribute_name(node) is None:
                return None
            if node not in found:
                found.append(node)
        elif not _follow(node, kind, defines, followed, pending) and kind != "element":
            pending.extend(rng_children(node))
    return found


def _only_one(element: etree._Element, name: Name, attributes: list[etree._Element] | None,
              alone: set[Name]) -> bool:
    """Whether ``element`` is the only pattern of its name and one attribute pattern
    alone, among those it holds, may match the attribute ``name``."""
    own = element_name(element)
    return (own is not None and own in alone and attributes is not None
            and sum(attribute_name(a) == name for a in attributes) == 1)


def _value_grammar(attribute: etree._Element, defines: dict[str, etree._Element]
                   ) -> etree._Element | None:
    """A grammar of an element ``v`` whose attribute ``v`` has the value pattern of
    ``attribute`` (with the definitions it refers to); None when that pattern is cheap
    (no facet, ``param``: libxml2 checks a pattern facet with a regular expression, every
    time; an enumeration or a date costs less than the search for its values), or holds
    a datatype checked against the document."""
    value = rng_children(attribute)
    used = _used(value, defines)
    if used is None:
        return None
    kinds = {_kind(node) for part in [*value, *used.values()] for node in part.iter()}
    if "param" not in kinds or kinds & {"parentRef", "externalRef", "element", "attribute",
                                        "grammar"}:
        return None
    grammar = etree.Element(f"{{{RNG}}}grammar")
    start = etree.SubElement(grammar, f"{{{RNG}}}start")
    held = etree.SubElement(etree.SubElement(start, f"{{{RNG}}}element", name=_VALUE),
                            f"{{{RNG}}}attribute", name=_VALUE)
    for target, parts in [(held, value), *((grammar, [d]) for d in used.values())]:
        for part in parts:
            copy = _leaves_kept(part)
            if copy is None:
                return None
            target.append(copy)
    return grammar


def _used(value: list[etree._Element], defines: dict[str, etree._Element]
          ) -> dict[str, etree._Element] | None:
    """The definitions ``value`` refers to, through references; None when one is not
    there."""
    used: dict[str, etree._Element] = {}
    pending = [node for part in value for node in part.iter(f"{{{RNG}}}ref")]
    while pending:
        name = pending.pop().get("name", "").strip()
        if name in used:
            continue
        if name not in defines:
            return None
        used[name] = defines[name]
        pending.extend(defines[name].iter(f"{{{RNG}}}ref"))
    return used


def _kind(node: etree._Element) -> str:
    return node.tag[len(RNG) + 2:] if isinstance(node.tag, str) else ""


def _leaves_kept(part: etree._Element) -> etree._Element | None:
    """A copy of ``part`` whose ``data`` and ``value`` say the datatype library (and the
    namespace) they inherited; None when one holds a datatype checked against the
    document."""
    copy = deepcopy(part)
    copy.tail = None
    for source, target in zip(part.iter(), copy.iter(), strict=True):
        kind = _kind(source)
        if kind not in {"data", "value"}:
            continue
        library = inherited(source, "datatypeLibrary") or ""
        if kind == "value" and source.get("type") is None:
            library = ""  # a value without a type is the built-in token
        if kind == "value" and target.get("ns") is None:
            target.set("ns", inherited(source, "ns") or "")
        target.set("datatypeLibrary", library)
        if library and source.get("type", "token").strip() in _IN_DOCUMENT:
            return None
        if not library and kind == "data":
            return None  # the built-in library has string and token only
    return copy
