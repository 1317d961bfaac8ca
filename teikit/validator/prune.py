"""Prune a RELAX NG grammar to the vocabulary of the documents it will check.

Compiling all of ``tei_all.rng`` takes libxml2 about six seconds, and the content models it
builds list hundreds of elements and attributes. A document uses few of them, and only in
some places: which elements occur inside which, which attributes occur on which elements
(its :class:`~teikit.validator.vocabulary.Vocabulary`). Within the content of an element
named N, a pattern for a child element C, or for an attribute A, can only ever match a C
inside an N, or an A on an N. When the documents have none, replacing that pattern by
``notAllowed`` accepts exactly the same documents, since no derivation of them uses it.

So each element gets a content model specialised to what occurs inside it. A definition
(TEI's model classes, macros and attribute classes) is copied once per distinct set of its
reachable element and attribute patterns that the context allows, and each element pattern
is copied once, into a definition of its own. The ``notAllowed`` left behind is simplified
away as the RELAX NG spec does (section 4.19), and references to definitions that became
``empty`` are dropped, because libxml2 validates far slower when either is left in place.
The pruned grammar compiles in milliseconds and validates several times faster.

Where a pattern the documents cannot match is *required* (a ``teiHeader`` missing from a
``TEI``, a ``title`` from a ``titleStmt``), it is not dropped but kept as a stub that can
match nothing in them: the verdict is the same, and libxml2 can still say what it expected
there instead of rejecting the whole document without a word. A *strict* copy has
``notAllowed`` there instead: it accepts no document that the whole grammar rejects,
whatever its vocabulary (replacing any pattern by ``notAllowed`` only ever narrows what a
grammar accepts), so a vocabulary read from part of a document may prune it.

Only self-contained grammars are pruned (no ``include``, ``externalRef``, ``parentRef``,
nested ``grammar``, ``div`` or ``combine``); others are compiled whole.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Final, cast

from lxml import etree

from teikit.tei import XML_NS
from teikit.validator.vocabulary import Name, Vocabulary

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
_PENDING: Final = etree.Element(f"{{{RNG}}}pending")
"""Marker for a copy being made (a reference to it, through an element, is kept)."""


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


Particle = tuple[str, str, str]
"""("element" or "attribute", namespace, local name): a pattern a context may allow."""
Allowed = frozenset[Particle]


class _Reach:
    """The named element and attribute patterns a definition contains, through its
    references but not inside the elements it contains."""

    def __init__(self, grammar: etree._Element) -> None:
        self.grammar = grammar  # kept alive: the caches below are keyed by its nodes
        self.defines = {d.get("name", ""): d for d in grammar.iterchildren(f"{{{RNG}}}define")}
        self.found: dict[str, Allowed | None] = {}
        self._children: dict[etree._Element, list[etree._Element]] = {}

    def children(self, node: etree._Element) -> list[etree._Element]:
        """``rng_children(node)``, read once per node."""
        found = self._children.get(node)
        if found is None:
            found = self._children[node] = rng_children(node)
        return found

    def __call__(self, name: str) -> Allowed | None:
        """The particles of definition ``name``; None when unbounded (a reference cycle
        outside elements, which RELAX NG forbids, or an unknown name)."""
        if name in self.found:
            return self.found[name]
        self.found[name] = None  # while busy: a cycle makes it unbounded
        source = self.defines.get(name)
        particles: set[Particle] = set()
        bounded = source is not None and self._collect(source, particles)
        self.found[name] = frozenset(particles) if bounded else None
        return self.found[name]

    def _collect(self, node: etree._Element, particles: set[Particle]) -> bool:
        for child in self.children(node):
            kind = _local(child)
            if kind in {"element", "attribute"}:
                name = element_name(child) if kind == "element" else attribute_name(child)
                if name is not None:
                    particles.add((kind, *name))
            elif kind == "ref":
                reached = self(child.get("name", ""))
                if reached is None:
                    return False
                particles |= reached
            elif kind not in _LEAVES and not self._collect(child, particles):
                return False
        return True


_READ: dict[int, _Reach] = {}
"""What is read of a grammar once, for every pruning of it (by the grammar's id; each
entry keeps its grammar alive, so an id is never reused while it is here)."""


_KEEP_READ = 8
"""Grammars whose reading is kept (the most recently read)."""


def _reach_of(grammar: etree._Element) -> _Reach:
    found = _READ.pop(id(grammar), None)
    if found is None or found.grammar is not grammar:
        found = _Reach(grammar)
    _READ[id(grammar)] = found  # most recent last
    while len(_READ) > _KEEP_READ:
        del _READ[next(iter(_READ))]
    return found


class _Pruner:
    def __init__(self, grammar: etree._Element, vocabulary: Vocabulary, *,
                 strict: bool = False) -> None:
        self.strict = strict
        self.reach = _reach_of(grammar)
        self.defines = self.reach.defines
        self.kept: dict[tuple[str, Allowed], Allowed] = {}
        self.anywhere: Allowed = frozenset(
            [("element", *name) for name in vocabulary.elements]
            + [("attribute", *name) for name in vocabulary.attribute_names])
        inside: dict[Name | None, set[Particle]] = {}
        for parent, child in vocabulary.children:
            inside.setdefault(parent, set()).add(("element", *child))
        for element, attribute in vocabulary.attributes:
            inside.setdefault(element, set()).add(("attribute", *attribute))
        self.inside = {name: frozenset(found) for name, found in inside.items()}
        self.copies: dict[tuple[str, Allowed], Kept] = {}
        self.copy_names: dict[tuple[str, Allowed], str] = {}
        # keyed by the source's element proxies, which the dict keeps alive (an id() could
        # be reused once a proxy is freed)
        self.elements: dict[etree._Element, Kept] = {}
        self.element_names: dict[etree._Element, str] = {}
        self.taken = set(self.defines)

    def fresh(self, base: str) -> str:
        """A definition name not used yet."""
        number = len(self.taken)
        while f"{base}.{number}" in self.taken:
            number += 1
        self.taken.add(f"{base}.{number}")
        return f"{base}.{number}"

    def define(self, name: str, allowed: Allowed) -> tuple[str, Kept]:
        """The name and copy of definition ``name`` specialised to ``allowed``: made once
        per distinct set of its particles that ``allowed`` keeps. The copy is ``_PENDING``
        while it is being made (a recursion, which RELAX NG only allows through an
        element)."""
        kept = self.kept.get((name, allowed))
        if kept is None:
            reach = self.reach(name)
            kept = self.kept[name, allowed] = allowed if reach is None else reach & allowed
        key = (name, kept)
        if key not in self.copy_names:
            self.copy_names[key] = self.fresh(name)
            self.copies[key] = _PENDING
            source = self.defines.get(name)
            copy = None if source is None else self.group(source, source, allowed)
            if copy is not None:
                _pattern(copy).set("name", self.copy_names[key])
            self.copies[key] = copy
        return self.copy_names[key], self.copies[key]

    def ref(self, node: etree._Element, allowed: Allowed) -> Kept:
        name, target = self.define(node.get("name", ""), allowed)
        if target is None:
            return None
        content = _pattern(target)
        if target is not _PENDING and len(content) == 1:
            if _local(content[0]) == "empty":
                return _EMPTY
            if _local(content[0]) == "ref":  # a definition that only names another
                return _same(target, _clone(content[0]))
        return _same(target, etree.Element(f"{{{RNG}}}ref", name=name))

    def element(self, node: etree._Element) -> Kept:
        """A reference to the definition holding the pruned copy of element pattern
        ``node``, its content specialised to what occurs inside that element."""
        if node not in self.elements:
            self.element_names[node] = self.fresh("element")
            self.elements[node] = _PENDING
            name = element_name(node)
            inside = self.anywhere if name is None else self.inside.get(name, frozenset())
            copy = self.named(node, inside)
            if copy is not None and name is not None:
                _pattern(copy).set("ns", name[0])  # it leaves the ancestors it inherited from
            self.elements[node] = copy
        copy = self.elements[node]
        if copy is None:
            return None
        ref = etree.Element(f"{{{RNG}}}ref", name=self.element_names[node])
        # the documents have this element here, but its content cannot match: kept even
        # where it is optional, so that libxml2 reports what is wrong inside it
        return _Blocked(ref, observed=True) if isinstance(copy, _Blocked) else ref

    def group(self, source: etree._Element, shell: etree._Element, allowed: Allowed) -> Kept:
        """Copy ``shell`` (attributes only) with ``source``'s children: None if it is
        notAllowed, blocked if one of them is."""
        copy = etree.Element(shell.tag, _attrib(shell), nsmap=_nsmap(shell))
        parts = self.fill(copy, self.reach.children(source), allowed)
        if parts is None:
            return None
        result = copy
        if not len(copy):
            if _local(shell) not in _SHELLS:
                return _EMPTY
            copy.append(etree.Element(f"{{{RNG}}}empty"))
        elif len(copy) == 1 and _local(shell) in {"group", "interleave"}:
            result = copy[0]  # libxml2 can loop forever compiling some one-child groups
        return _blocked_like(parts, result)

    def fill(self, copy: etree._Element, children: list[etree._Element],
             allowed: Allowed) -> list[Kept] | None:
        """Append the pruned ``children`` to ``copy`` (all but ``empty`` ones) and return
        them; None when one is notAllowed."""
        parts: list[Kept] = []
        for child in children:
            kept = self.pattern(child, allowed)
            if kept is None:
                return None
            parts.append(kept)
            if _pattern(kept) is not _EMPTY:
                copy.append(_pattern(kept))
        return parts

    def pattern(self, node: etree._Element, allowed: Allowed) -> Kept:
        kind = _local(node)
        if kind in _LEAVES:
            return _leaf(node)
        if kind == "notAllowed":
            return None
        if kind == "ref":
            return self.ref(node, allowed)
        if kind in {"element", "attribute"}:
            name = element_name(node) if kind == "element" else attribute_name(node)
            if name is not None and (kind, *name) not in allowed:
                return None if self.strict else _Blocked(_stub(kind, name))
            return self.element(node) if kind == "element" else self.named(node, frozenset())
        if kind == "choice":
            return self.choice(node, allowed)
        if kind in {"optional", "zeroOrMore"}:
            kept = self.group(node, node, allowed)
            if isinstance(kept, _Blocked):  # cannot match: an option never taken
                return kept.pattern if kept.observed else _EMPTY
            return kept if kept is not None else _EMPTY
        return self.group(node, node, allowed)  # group, interleave, oneOrMore, list, mixed

    def named(self, node: etree._Element, allowed: Allowed) -> Kept:
        copy = etree.Element(node.tag, _attrib(node), nsmap=_nsmap(node))
        children = self.reach.children(node)
        if node.get("name") is None and children and children[0].tag in _NAME_CLASSES:
            copy.append(_name_class(children[0]))
            children = children[1:]
        parts = self.fill(copy, children, allowed)
        if parts is None:
            return None
        name_class = 0 if node.get("name") is not None else 1
        content_dropped = len(self.reach.children(node)) > len(copy)
        if len(copy) == name_class and content_dropped:
            # every content pattern simplified to empty (an attribute alone means text)
            copy.append(etree.Element(f"{{{RNG}}}empty"))
        return _blocked_like(parts, copy)

    def choice(self, node: etree._Element, allowed: Allowed) -> Kept:
        copy = etree.Element(node.tag, _attrib(node), nsmap=_nsmap(node))
        expected = etree.Element(node.tag, _attrib(node), nsmap=_nsmap(node))
        matching = False
        for child in self.reach.children(node):
            kept = self.pattern(child, allowed)
            if isinstance(kept, _Blocked) and not kept.observed:
                if len(expected) < _EXPECTED:
                    expected.append(kept.pattern)
            elif kept is not None:
                matching = matching or not isinstance(kept, _Blocked)
                kept = _pattern(kept)
                copy.append(etree.Element(f"{{{RNG}}}empty") if kept is _EMPTY else kept)
        if len(copy):
            return copy if matching else _Blocked(copy, observed=True)
        if len(expected) and not self.strict:  # nothing can match here; say what the schema expects
            return _Blocked(expected[0] if len(expected) == 1 else expected)
        return None


class _Blocked:
    """A pattern that no node of the documents can match (it needs an element or an
    attribute where they have none), kept where a match is required so that libxml2 can
    say what it expected there. In a choice or an option it is dropped, unless it is
    ``observed``: it holds an element the documents do have there, whose content is what
    cannot match, and libxml2 should go inside to say why."""

    __slots__ = ("observed", "pattern")

    def __init__(self, pattern: etree._Element, *, observed: bool = False) -> None:
        self.pattern = pattern
        self.observed = observed


Kept = etree._Element | _Blocked | None
"""A pattern copied (or ``_EMPTY``), blocked, or notAllowed (None)."""
_EXPECTED: Final = 8
"""At most this many blocked alternatives of a choice are kept for the messages."""


def _pattern(kept: etree._Element | _Blocked) -> etree._Element:
    return kept.pattern if isinstance(kept, _Blocked) else kept


def _same(status: etree._Element | _Blocked, pattern: etree._Element) -> Kept:
    """``pattern``, blocked when ``status`` is."""
    if isinstance(status, _Blocked):
        return _Blocked(pattern, observed=status.observed)
    return pattern


def _blocked_like(parts: list[Kept], pattern: etree._Element) -> Kept:
    """``pattern`` made of ``parts``: blocked when one of them is, observed when one is."""
    blocked = [part for part in parts if isinstance(part, _Blocked)]
    if not blocked:
        return pattern
    return _Blocked(pattern, observed=any(part.observed for part in blocked))


def _stub(kind: str, name: Name) -> etree._Element:
    """An element or attribute pattern named ``name`` (which the documents do not have
    there), for libxml2 to name in its messages."""
    stub = etree.Element(f"{{{RNG}}}{kind}", name=name[1], ns=name[0])
    stub.append(etree.Element(f"{{{RNG}}}empty" if kind == "element" else f"{{{RNG}}}text"))
    return stub


def inherited(node: etree._Element, attribute: str) -> str | None:
    """The value of ``attribute`` on ``node`` or its nearest ancestor that has it."""
    current: etree._Element | None = node
    while current is not None:
        value = current.get(attribute)
        if value is not None:
            return value
        current = current.getparent()
    return None


def _leaf(node: etree._Element) -> etree._Element:
    """A copy of a leaf pattern that keeps what it inherited (a datatype library, the
    namespace of a QName value) once moved away from its ancestors."""
    copy = _clone(node)
    kind = _local(node)
    if kind in {"data", "value"} and copy.get("datatypeLibrary") is None:
        library = inherited(node, "datatypeLibrary")
        if library is not None:
            copy.set("datatypeLibrary", library)
    if kind == "value" and copy.get("ns") is None:
        copy.set("ns", inherited(node, "ns") or "")
    return copy


def _name_class(node: etree._Element) -> etree._Element:
    """A copy of a name class whose ``name`` and ``nsName`` keep their inherited namespace."""
    copy = _clone(node)
    for source, target in zip(node.iter(f"{{{RNG}}}name", f"{{{RNG}}}nsName"),
                              copy.iter(f"{{{RNG}}}name", f"{{{RNG}}}nsName"), strict=True):
        if target.get("ns") is None:
            target.set("ns", inherited(source, "ns") or "")
    return copy


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


def prune(grammar: etree._Element, vocabulary: Vocabulary, *, strict: bool = False
          ) -> etree._Element:
    """A copy of ``grammar`` keeping only what documents with ``vocabulary`` can use;
    ``strict``: with no stubs (it then accepts no document ``grammar`` rejects)."""
    pruner = _Pruner(grammar, vocabulary, strict=strict)
    start = grammar.find(f"{{{RNG}}}start")
    roots = pruner.inside.get(None, frozenset())
    kept = pruner.group(start, start, roots) if start is not None else None
    return _assemble(grammar, pruner, _not_allowed_start() if kept is None else _pattern(kept))


def prune_elements(grammar: etree._Element, vocabulary: Vocabulary) -> etree._Element:
    """As :func:`prune`, but any element of ``vocabulary`` may be the root, against the
    grammar's own definitions of it: a subtree of the documents can be checked alone."""
    pruner = _Pruner(grammar, vocabulary)
    start = etree.Element(f"{{{RNG}}}start")
    choice = etree.SubElement(start, f"{{{RNG}}}choice")
    for node in grammar.iter(f"{{{RNG}}}element"):
        name = element_name(node)
        kept = pruner.element(node) if name in vocabulary.elements else None
        if kept is not None:
            choice.append(_pattern(kept))
    return _assemble(grammar, pruner, start if len(choice) else _not_allowed_start())


def _assemble(grammar: etree._Element, pruner: _Pruner, start: etree._Element
              ) -> etree._Element:
    """The pruned grammar: ``start`` and the copies ``pruner`` made."""
    result = etree.Element(grammar.tag, _attrib(grammar), nsmap=_nsmap(grammar))
    result.append(start)
    for key, define in pruner.copies.items():
        result.append(_not_allowed(pruner.copy_names[key]) if define is None
                      else _pattern(define))
    for node, element in pruner.elements.items():
        define = _not_allowed(pruner.element_names[node])
        if element is not None:
            define[0] = _pattern(element)
        result.append(define)
    return result


def _not_allowed(name: str) -> etree._Element:
    define = etree.Element(f"{{{RNG}}}define", name=name)
    define.append(etree.Element(f"{{{RNG}}}notAllowed"))
    return define


def _not_allowed_start() -> etree._Element:
    start = etree.Element(f"{{{RNG}}}start")
    start.append(etree.Element(f"{{{RNG}}}notAllowed"))
    return start
