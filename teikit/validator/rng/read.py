"""Reading a RELAX NG schema (XML syntax) into simplified patterns (spec section 4).

Every element of the schema is read, the definitions no start reaches included, so that
each is checked against section 3 and the constraints of section 4 (names, namespaces,
datatypes, references). Patterns come out simplified as section 4.19 leaves them: a
reference to a definition is replaced by its content, and every element becomes a
:class:`~teikit.validator.rng.patterns.Ref` to an entry of :attr:`Grammar.elements`.

A reference that reaches itself without passing through an element is an error, but only
where a start reaches it (the spec drops unreachable definitions before that check).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Final

from lxml import etree

from teikit.validator.rng import patterns as p
from teikit.validator.rng.files import Files
from teikit.validator.rng.names import name_class
from teikit.validator.rng.patterns import balanced
from teikit.validator.rng.scopes import Env, Gatherer, Scope
from teikit.validator.rng.syntax import (
    RngSyntaxError,
    attribute,
    check_element,
    children,
    local,
    resolve_qname,
)
from teikit.validator.rng.types import XSD_LIBRARY, DatatypeError, Datatypes

_COMBINE: Final[dict[str, Callable[[p.Pattern, p.Pattern], p.Pattern]]] = {
    "choice": p.choice, "interleave": p.interleave, "group": p.group}


@dataclass
class Grammar:
    """A simplified grammar: its start and the elements it defines (by index)."""

    start: p.Pattern
    elements: list[tuple[p.NameClass, p.Pattern]]
    nodes: list[etree._Element]
    """Where each element is written."""
    types: Datatypes
    loops: dict[int | None, frozenset[etree._Element]] = field(default_factory=dict)
    """References that loop without an element, by the element whose content meets them
    (None: the start)."""
    uses_names: bool = False
    """Whether a value or datatype is a QName or NOTATION (resolved in context)."""


class Reader:
    def __init__(self) -> None:
        self.files = Files()
        self.types = Datatypes()
        self.gatherer = Gatherer(self.files.opened)
        self.elements: list[tuple[p.NameClass, p.Pattern]] = []
        self.nodes: list[etree._Element] = []
        self.queue: deque[tuple[int, list[etree._Element], Env]] = deque()
        self.scopes: list[Scope] = []
        self.loops: list[set[etree._Element]] = [set()]
        self.found_loops: dict[int | None, frozenset[etree._Element]] = {}
        self.datatypes: list[tuple[p.Datatype, etree._Element]] = []
        self.values: list[p.Value] = []

    def read(self, path: Path) -> Grammar:
        with self.files.first(path) as root:
            start = self.pattern(root, Env())
        self.found_loops[None] = frozenset(self.loops[0])
        self.finish()
        self.check_types()
        names = any(d.library == XSD_LIBRARY and d.name in {"QName", "NOTATION"}
                    for d, _ in self.datatypes)
        return Grammar(start, self.elements, self.nodes, self.types, self.found_loops, names)

    def finish(self) -> None:
        """Read every element's content, and every definition (reached or not)."""
        done = 0
        while True:
            while self.queue:
                index, content, env = self.queue.popleft()
                self.loops.append(set())
                self.elements[index] = (self.elements[index][0], self.group(content, env))
                self.found_loops[index] = frozenset(self.loops.pop())
            if done == len(self.scopes):
                return
            for scope in self.scopes[done:]:
                for name in scope.defines:
                    self.loops.append(set())
                    self.define(scope, name, None)
                    self.loops.pop()
            done = len(self.scopes)

    def check_types(self) -> None:
        self.types.check_all(datatype for datatype, _ in self.datatypes)
        for datatype, node in self.datatypes:
            try:
                self.types.check(datatype)
            except DatatypeError as exc:
                raise RngSyntaxError(node, str(exc)) from None
        for value in self.values:
            if not self.types.allows(value.datatype, value.text, value.context):
                raise RngSyntaxError(value.where,  # type: ignore[arg-type]
                                     f"{value.text!r} is not a value of {value.datatype.name}")

    # --- patterns ------------------------------------------------------------------------

    def pattern(self, node: etree._Element, env: Env) -> p.Pattern:
        check_element(node)
        name = local(node)
        inner = env.inside(node)
        if name in {"group", "interleave", "choice"}:
            return self.fold(children(node), inner, name, node)
        if name in _WRAPPERS:
            return _WRAPPERS[name](self.group(children(node), inner, node), node)
        if name in {"empty", "text", "notAllowed", "ref", "parentRef", "externalRef"}:
            if children(node):
                raise RngSyntaxError(node, f"<{name}> holds no pattern")
            return self.leaf(node, name, env)
        method = {"element": self.element, "attribute": self.attribute, "value": self.value,
                  "data": self.data, "grammar": self.grammar}.get(name or "")
        if method is None:
            raise RngSyntaxError(node, f"<{name}> is not a pattern")
        return method(node, inner)

    def fold(self, nodes: list[etree._Element], env: Env, how: str,
             parent: etree._Element) -> p.Pattern:
        if not nodes:
            raise RngSyntaxError(parent, f"<{local(parent)}> needs at least one pattern")
        combine = _COMBINE[how]
        return balanced([self.pattern(node, env) for node in nodes],
                        lambda a, b: combine(a, b, parent))  # type: ignore[call-arg]

    def group(self, nodes: list[etree._Element], env: Env,
              parent: etree._Element | None = None) -> p.Pattern:
        return self.fold(nodes, env, "group", parent if parent is not None else nodes[0])

    def leaf(self, node: etree._Element, name: str | None, env: Env) -> p.Pattern:
        if name == "empty":
            return p.Empty(where=node)
        if name == "text":
            return p.Text(where=node)
        if name == "notAllowed":
            return p.NOT_ALLOWED
        if name == "externalRef":
            with self.files.opened(node) as root:
                return self.pattern(root, Env(node.get("ns", env.ns), "", env.scope))
        scope = env.scope if name == "ref" else env.scope.parent if env.scope else None
        if scope is None:
            where = "outside a grammar" if name == "ref" else "outside a nested grammar"
            raise RngSyntaxError(node, f"<{name} name={node.get('name')!r}> {where}")
        return self.define(scope, attribute(node, "name"), node)

    def define(self, scope: Scope, name: str, ref: etree._Element | None) -> p.Pattern:
        if name not in scope.defines:
            assert ref is not None
            raise RngSyntaxError(ref, f"no define {name!r} in the grammar")
        if name in scope.building:  # a loop that no element interrupts
            self.loops[-1].add(ref)  # type: ignore[arg-type]
            return p.NOT_ALLOWED
        if name not in scope.built:
            scope.building.add(name)
            self.loops.append(set())
            try:
                scope.built[name] = self.combined(scope.defines[name], "define")
            finally:
                scope.building.discard(name)
                scope.loops[name] = frozenset(self.loops.pop())
        self.loops[-1] |= scope.loops[name]
        return scope.built[name]

    def combined(self, components: list[tuple[etree._Element, Env]], what: str) -> p.Pattern:
        how = next((attribute(node, "combine") for node, _ in components
                    if node.get("combine")), "choice")
        parts = []
        for node, env in components:
            content = children(node)
            if what == "start" and len(content) != 1:
                raise RngSyntaxError(node, "<start> holds exactly one pattern")
            parts.append(self.group(content, env.inside(node), node))
        return balanced(parts, _COMBINE[how])

    def grammar(self, node: etree._Element, env: Env) -> p.Pattern:
        scope = Scope(node=node, parent=env.scope)
        self.gatherer.gather(node, replace(env, scope=scope), scope)
        scope.check()
        self.scopes.append(scope)
        return self.combined(scope.starts, "start")

    def element(self, node: etree._Element, env: Env) -> p.Pattern:
        content = children(node)
        if node.get("name") is not None:
            nc: p.NameClass = p.Name(*resolve_qname(node, attribute(node, "name"), env.ns),
                                     where=node)
        elif content:
            nc, content = name_class(content[0], env, attribute=False), content[1:]
        else:
            raise RngSyntaxError(node, "<element> needs a name")
        if not content:
            raise RngSyntaxError(node, "<element> needs a pattern")
        self.elements.append((nc, p.NOT_ALLOWED))
        self.nodes.append(node)
        self.queue.append((len(self.elements) - 1, content, env))
        return p.Ref(len(self.elements) - 1, where=node)

    def attribute(self, node: etree._Element, env: Env) -> p.Pattern:
        content = children(node)
        if node.get("name") is not None:
            nc: p.NameClass = p.Name(*resolve_qname(node, attribute(node, "name"),
                                                    node.get("ns", "")), where=node)
            _check_attribute_name(nc, node)  # type: ignore[arg-type]
        elif content:
            nc, content = name_class(content[0], env, attribute=True), content[1:]
        else:
            raise RngSyntaxError(node, "<attribute> needs a name")
        if len(content) > 1:
            raise RngSyntaxError(node, "<attribute> holds one pattern at most")
        value = self.pattern(content[0], env) if content else p.Text(where=node)
        return p.attribute(nc, value, node)

    def value(self, node: etree._Element, env: Env) -> p.Pattern:
        if node.get("type") is None:
            datatype = p.Datatype("", "token", (), where=node)
        else:
            datatype = p.Datatype(env.library, attribute(node, "type"), (), where=node)
        bindings = {prefix: uri for prefix, uri in node.nsmap.items() if prefix}
        context = tuple(sorted({**bindings, "": env.ns}.items()))
        self.datatypes.append((datatype, node))
        found = p.Value(datatype, node.text or "", context, where=node)
        self.values.append(found)
        return found

    def data(self, node: etree._Element, env: Env) -> p.Pattern:
        params: list[tuple[str, str]] = []
        exception: p.Pattern | None = None
        for child in children(node):
            check_element(child)
            if local(child) == "param" and exception is None:
                params.append((attribute(child, "name"), child.text or ""))
            elif local(child) == "except" and exception is None:
                exception = self.fold(children(child), env.inside(child), "choice", child)
            else:
                raise RngSyntaxError(child, f"<{local(child)}> is not allowed here inside "
                                            "<data> (params, then one except)")
        datatype = p.Datatype(env.library, attribute(node, "type"), tuple(params),
                               where=node)
        self.datatypes.append((datatype, node))
        return p.data(datatype, exception, node)


_WRAPPERS: Final[dict[str, Callable[[p.Pattern, etree._Element], p.Pattern]]] = {
    "optional": lambda content, node: p.choice(content, p.EMPTY, node),
    "zeroOrMore": lambda content, node: p.choice(p.one_or_more(content, node), p.EMPTY, node),
    "oneOrMore": p.one_or_more,
    "list": p.list_of,
    "mixed": lambda content, node: p.interleave(content, p.Text(where=node), node),
}
_XMLNS: Final = "http://www.w3.org/2000/xmlns"



def _check_attribute_name(nc: p.Name, node: etree._Element) -> None:
    if nc.ns == _XMLNS or (nc.ns == "" and nc.local == "xmlns"):
        raise RngSyntaxError(node, "an attribute cannot be named xmlns or be in the xmlns "
                                   "namespace")


def read(path: Path) -> Grammar:
    """The simplified grammar of the schema at ``path`` (RngSyntaxError at its first
    problem; ConfigError when it cannot be read)."""
    return Reader().read(path)
