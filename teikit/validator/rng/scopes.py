"""Grammars (spec sections 4.7, 4.11, 4.17 and 4.18): the ``start`` and ``define``
components of each ``grammar``, gathered through ``div`` s and ``include`` s, and how
components of one name combine.

An ``include`` brings in the components of the grammar it names, except those its own
content overrides: a ``start`` in the include replaces the included grammar's starts, a
``define`` its definitions of that name (each of which must exist there).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree

from teikit.validator.rng.syntax import RngSyntaxError, attribute, check_element, children, local

if TYPE_CHECKING:
    from collections.abc import Callable
    from contextlib import AbstractContextManager

    from teikit.validator.rng.patterns import Pattern

    Load = Callable[[etree._Element], AbstractContextManager[etree._Element]]
    """Opens the schema an ``include`` or ``externalRef`` names (its root, checked) for as
    long as it is being read (a schema that includes itself is an error)."""


@dataclass(frozen=True)
class Env:
    """What a schema element inherits: ``ns``, ``datatypeLibrary``, its grammar."""

    ns: str = ""
    library: str = ""
    scope: Scope | None = None

    def inside(self, node: etree._Element) -> Env:
        """The environment of ``node``'s content."""
        ns, library = node.get("ns"), node.get("datatypeLibrary")
        if ns is None and library is None:
            return self
        return Env(self.ns if ns is None else ns, self.library if library is None else library,
                   self.scope)


Component = tuple[etree._Element, Env]


@dataclass(eq=False)
class Components:
    starts: list[Component] = field(default_factory=list)
    defines: dict[str, list[Component]] = field(default_factory=dict)

    def add(self, other: Components, start: bool, names: set[str]) -> None:
        """``other``'s components, but its starts when ``start`` and the ``names``."""
        if not start:
            self.starts += other.starts
        for name, found in other.defines.items():
            if name not in names:
                self.defines.setdefault(name, []).extend(found)


@dataclass(eq=False)
class Scope(Components):
    """One grammar: its components, and the patterns of its definitions as built."""

    node: etree._Element | None = None
    parent: Scope | None = None
    built: dict[str, Pattern] = field(default_factory=dict)
    building: set[str] = field(default_factory=set)
    loops: dict[str, frozenset[etree._Element]] = field(default_factory=dict)
    """The references that loop without an element, met while building each definition."""

    def check(self) -> None:
        """Section 4.17 and 4.18: one start, names combined in one way."""
        if not self.starts:
            raise RngSyntaxError(self.node, "the grammar has no start")  # type: ignore[arg-type]
        for found in (self.starts, *self.defines.values()):
            plain = [node for node, _ in found if node.get("combine") is None]
            if len(plain) > 1:
                what = "start" if local(plain[1]) == "start" else f"define {plain[1].get('name')!r}"
                raise RngSyntaxError(plain[1], f"{what} is given twice without combine")
            methods = {attribute(node, "combine") for node, _ in found if node.get("combine")}
            if len(methods) > 1:
                raise RngSyntaxError(found[-1][0], "one name combined with both choice and "
                                                    "interleave")


class Gatherer:
    """Collects the components of grammars, reading included ones through ``load``."""

    def __init__(self, load: Load) -> None:
        self.load = load

    def gather(self, container: etree._Element, env: Env, into: Components, *,
               in_include: bool = False) -> None:
        for node in children(container):
            check_element(node)
            name = local(node)
            if name == "start":
                into.starts.append((node, env))
            elif name == "define":
                into.defines.setdefault(attribute(node, "name"), []).append((node, env))
            elif name == "div":
                self.gather(node, env.inside(node), into, in_include=in_include)
            elif name == "include" and not in_include:
                self.include(node, env, into)
            else:
                raise RngSyntaxError(node, f"<{name}> is not allowed inside a grammar")

    def include(self, node: etree._Element, env: Env, into: Components) -> None:
        own = Components()
        inner = env.inside(node)
        self.gather(node, inner, own, in_include=True)
        included = Components()
        with self.load(node) as root:
            if local(root) != "grammar":
                raise RngSyntaxError(node, f"{node.get('href')!r} is not a grammar")
            self.gather(root, Env(node.get("ns", env.ns), "", env.scope).inside(root), included)
        if own.starts and not included.starts:
            raise RngSyntaxError(node, f"{node.get('href')!r} has no start to override")
        for name in own.defines:
            if name not in included.defines:
                raise RngSyntaxError(node, f"{node.get('href')!r} has no define {name!r} "
                                           "to override")
        into.add(included, bool(own.starts), set(own.defines))
        into.add(own, False, set())

