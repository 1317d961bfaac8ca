"""Which nodes a rule can look at from the node it fires on, read off its XPath.

A large document is checked in parts (:mod:`teikit.validator.schematron.parts`): a part is
a complete subtree, kept with copies of its ancestors (their names and attributes, not
their other children). A rule gives the same answer there as in the whole document when
its context, ``let`` s and tests, run on a node N, reach only

- N, its descendants and their attributes (*down*), and
- N's ancestors and their attributes (*up*): never their children, never their
  string value (which holds the text of the parts that are not there);

with no absolute path, no sibling axis from N itself, no ``id()``, ``key()``, ``root()``
and no variable but the rule's own ``let`` s; and no ``subject`` (which may report a
problem on another node than the one the rule fired on). A rule that passes is :class:`Local`; its
``down`` says whether it reads below N (such a rule is exact on N only while N holds all
its content). Anything not understood makes a rule not local: it is then checked on the
whole tree, as before.

One absolute path is allowed: ``x = //path``, compared with a node-set that is the same
wherever the rule fires (``substring(@resp, 2) = //@xml:id``). Its values are those of the
whole document, which a part has not got: such a rule is local only where they are
gathered beforehand from the whole document and given to the part (``constant`` says it
needs them; :mod:`teikit.validator.schematron.parts`). So is a simple one (``//@name``,
``//element/@name``, :func:`~teikit.validator.schematron.whole.whole_path`) anywhere, the
part reading the gathered values instead: where the answer cannot depend on their order
or on the nodes themselves (a count, a comparison, a predicate reading the value), with no
step from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from teikit.validator.schematron.rules import CURRENT, Rule, RuleSet, sch, substituted
from teikit.validator.schematron.whole import whole_path
from teikit.validator.schematron.xpath1 import constant_path as _constant

Modes = frozenset[str]
"""Where the nodes an expression gives stand: ``N`` (the node), ``D`` (below it), ``U``
(above it), ``AN``/``AD``/``AU`` (attributes of those)."""
_NONE: Final[Modes] = frozenset()
_UP_FROM: Final = {"N": {"U"}, "D": {"N", "D", "U"}, "U": {"U"}}
_PARENT_FROM: Final = {"N": {"U"}, "D": {"N", "D"}, "U": {"U"}}
_AXES: Final = {"child", "descendant", "descendant-or-self", "self", "attribute", "parent",
                "ancestor", "ancestor-or-self", "following-sibling", "preceding-sibling"}
_TESTS: Final = {"(name)", "Q{", "node", "text", "element", "comment",
                 "processing-instruction", "document-node"}
_FN: Final = "http://www.w3.org/2005/xpath-functions"
_BOOLEAN: Final = {"and", "or", "not", "boolean", "exists", "empty", "count", "name",
                   "local-name", "namespace-uri", "node-name", "true", "false", "position",
                   "last"}
"""Operators and functions that do not read the string value of the nodes given them."""
_ATOMIZING: Final = {
    "=", "!=", "<", ">", "<=", ">=", "eq", "ne", "lt", "le", "gt", "ge", "+", "-", "div",
    "idiv", "mod", "||", "string", "normalize-space", "string-length", "number", "data",
    "contains", "starts-with", "ends-with", "substring", "substring-before",
    "substring-after", "matches", "replace", "tokenize", "concat", "translate", "upper-case",
    "lower-case", "distinct-values", "sum", "min", "max", "avg", "abs", "round", "floor",
    "ceiling", "string-join", "normalize-unicode", "compare", "lang", "xs", "multiply"}
_READS_CONTEXT: Final = {"string", "normalize-space", "string-length", "number", "data"}
"""Functions that, given no argument, read the context node's string value."""
_WHOLE: Final[Modes] = frozenset({"W"})
"""The nodes of a simple node-set of the whole document (:func:`whole_path`)."""
_ONE: Final[Modes] = frozenset({"w"})
"""One of them: the context of a predicate on them."""
_ORDERLESS: Final = {"=", "!=", "<", ">", "<=", ">=", "count", "sum", "boolean", "not",
                     "exists", "empty", "and", "or"}
"""What gives the same answer whatever the order of the nodes given it."""
_NAMING: Final = {"name", "local-name", "namespace-uri", "node-name"}


class NotLocal(Exception):
    """The expression may look outside a part."""


@dataclass(frozen=True)
class Local:
    """A rule that a part gives the whole document's answer for (see the module)."""

    down: bool
    """It reads below the node it fires on."""
    constant: bool = False
    """It reads a node-set of the whole document (``x = //path``, ``count(//@a[…])``)."""


def rule_locality(rule: Rule, rules: RuleSet) -> Local | None:
    """Whether ``rule`` (with the abstract rules it extends) is local, and how; None when
    it is not, or cannot be shown to be."""
    from elementpath import ElementPathError
    from elementpath.xpath3 import XPath3Parser

    walker = _Walker(XPath3Parser(namespaces=rules.namespaces))
    try:
        walker.pattern(walker.parse(rule.node.get("context", "")), "N")
        bodies = [rule.node, *(rules.abstract.get(e.get("rule")) for e in
                               rule.node.iterchildren(sch("extends")))]
        for body in bodies:
            if body is None:
                return None
            for let in body.iterchildren(sch("let")):
                walker.variables[let.get("name", "")] = walker.expression(
                    walker.parse(let.get("value", ".")), frozenset({"N"}))
        for body in bodies:
            assert body is not None
            for check in body.iterchildren(sch("assert"), sch("report")):
                if check.get("subject") or body.get("subject"):
                    return None  # a problem reported elsewhere than where the rule fired
                walker.boolean(walker.parse(check.get("test", "true()")), frozenset({"N"}))
    except (NotLocal, ElementPathError, ValueError, TypeError):
        return None
    return Local(walker.down, walker.constant)


def says_locally(rule: Rule, rules: RuleSet) -> bool | None:
    """Whether the messages of a local ``rule`` (its checks' text, the ``diagnostic`` s and
    ``property`` s they name) read below the node it fires on; None when they may read
    what a part does not hold as the whole document does (then a part cannot word a
    problem as the whole tree does). They may reach the node, its descendants and their
    attributes, and the attributes of its ancestors (never a node-set of the whole
    document)."""
    from elementpath import ElementPathError
    from elementpath.xpath3 import XPath3Parser

    walker = _Walker(XPath3Parser(namespaces=rules.namespaces))
    bodies = [rule.node, *(rules.abstract.get(e.get("rule")) for e in
                           rule.node.iterchildren(sch("extends")))]
    try:
        for body in bodies:
            if body is None:
                return False
            for let in body.iterchildren(sch("let")):
                walker.variables[let.get("name", "")] = walker.expression(
                    walker.parse(let.get("value", ".")), frozenset({"N"}))
        walker.constant = walker.down = False
        for body in bodies:
            assert body is not None
            for check in body.iterchildren(sch("assert"), sch("report")):
                for message in _messages(check, rules):
                    for said in message.iter(sch("value-of"), sch("name")):
                        path = said.get("select" if said.tag == sch("value-of") else "path")
                        if path is not None:
                            walker.atomized(walker.expression(walker.parse(path),
                                                              frozenset({"N"})))
    except (NotLocal, ElementPathError, ValueError, TypeError):
        return None
    return None if walker.constant else walker.down


def _messages(check: Any, rules: RuleSet) -> list[Any]:
    """The check and the ``diagnostic`` s and ``property`` s it names."""
    found = [check]
    for attribute, named in (("diagnostics", rules.diagnostics),
                             ("properties", rules.properties)):
        found.extend(named[ref] for ref in (check.get(attribute) or "").split()
                     if ref in named)
    return found


class _Walker:
    """Walks parsed XPath (elementpath's tokens), following where nodes stand."""

    def __init__(self, parser: Any) -> None:
        self.parser = parser
        self.down = False
        self.constant = False
        self.variables: dict[str, Modes] = {CURRENT: frozenset({"N"})}

    def parse(self, text: str) -> Any:
        return self.parser.parse(substituted(text))

    def pattern(self, token: Any, at: str) -> None:
        """A match pattern tested on a node standing at ``at`` (``N``, or ``U`` for the
        steps before the last)."""
        symbol = token.symbol
        if symbol in {"|", "union", "("}:
            for child in token:
                self.pattern(child, at)
        elif symbol in {"/", "//"} and len(token) == 2:
            self.pattern(token[1], at)
            self.pattern(token[0], "U")
        elif symbol == "/" and len(token) == 1:  # /x: x is the root element
            self.pattern(token[0], at)
        elif symbol == "[":
            self.pattern(token[0], at)
            if _positional(token[1]):  # x[1] depends on x's siblings
                raise NotLocal
            self.boolean(token[1], frozenset({at}))
        elif not _name_test(token) or token.symbol in {"text", "node"}:
            raise NotLocal  # a text node may be a tail: outside the part that holds it

    def boolean(self, token: Any, context: Modes) -> None:
        self.expression(token, context)  # nodes tested for existence: no string value

    def atomized(self, modes: Modes) -> None:
        if "U" in modes:
            raise NotLocal
        if modes & {"N", "D"}:
            self.down = True

    def expression(self, token: Any, context: Modes) -> Modes:
        """The modes of what ``token`` gives, evaluated on nodes standing at ``context``."""
        symbol = token.symbol
        if symbol in {"(string)", "(integer)", "(decimal)", "(float)", "(double)"}:
            return _NONE
        if symbol == "$":
            found = self.variables.get(token[0].value if len(token) else token.value)
            if found is None:
                raise NotLocal
            return found
        if symbol == ".":
            return context
        if symbol == "..":
            return self.step("parent", context)
        if symbol == "@":
            return self.step("attribute", context)
        if symbol in _AXES and token.label == "axis":
            return self.step(symbol, context)
        if _name_test(token) and token.label != "function":
            return self.step("child", context)
        whole = whole_path(token)
        if whole is not None:
            if whole[0] is not None:
                self.predicate(whole[0], _WHOLE)
            self.constant = True
            return _WHOLE
        if symbol in {"/", "//"}:
            if len(token) != 2:
                raise NotLocal  # from the root
            left = self.expression(token[0], context)
            if symbol == "//":
                left = self.step("descendant-or-self", left)
            return self.expression(token[1], left)
        if symbol == "[":
            left = self.expression(token[0], context)
            self.predicate(token[1], left)
            return left
        return self.call(token, context)

    def predicate(self, token: Any, nodes: Modes) -> None:
        """A predicate on ``nodes``."""
        if "W" in nodes:
            if _positional(token):  # the gathered values are not in document order
                raise NotLocal
            nodes = _ONE
        self.boolean(token, nodes)

    def call(self, token: Any, context: Modes) -> Modes:
        symbol = token.symbol
        if symbol == ":" and len(token) == 2 and "function" in token[1].label:
            prefix = self.parser.namespaces.get(token[0].value)
            symbol = "xs" if token[0].value == "xs" else (
                token[1].symbol if prefix == _FN else "")
            token = token[1]
        elif symbol == "*":
            symbol = "multiply"
        if symbol in {"|", "union", "intersect", "except", ",", "(", "if"}:
            found = [self.expression(child, context) for child in token]
            if symbol != "(" and any(modes & {"W", "w"} for modes in found):
                raise NotLocal
            return frozenset().union(*found[1 if symbol == "if" else 0:])
        if symbol == "=" and len(token) == 2 and any(map(_constant, token)):
            other = token[0] if _constant(token[1]) else token[1]
            if not _constant(other):  # //a = //b: a document-wide question
                self.atomized(self.expression(other, context))
                self.constant = True
                return _NONE
        if symbol in _BOOLEAN or symbol in _ATOMIZING:
            given = [self.expression(child, context) for child in token]
            if any("W" in modes for modes in given) and symbol not in _ORDERLESS:
                raise NotLocal  # string(//@a): the first in document order
            if symbol in _NAMING and any(modes & {"W", "w"} for modes in (*given, context)):
                raise NotLocal  # the gathered values are not the nodes themselves
            if symbol in _ATOMIZING:
                for modes in given:
                    self.atomized(modes)
                if not len(token) and symbol in _READS_CONTEXT:
                    self.atomized(context)
            return _NONE
        raise NotLocal  # id(), key(), root(), doc(), generate-id(), an unknown function…

    def step(self, axis: str, modes: Modes) -> Modes:
        found: set[str] = set()
        for mode in modes:
            if mode in {"W", "w"}:
                raise NotLocal  # the gathered values are not the nodes themselves
            if mode.startswith("A"):
                if axis in {"parent", "ancestor", "ancestor-or-self"}:
                    found |= {mode[1:]} | (_UP_FROM[mode[1:]] if axis != "parent" else set())
                elif axis == "self":
                    found.add(mode)
                continue
            if axis == "self":
                found.add(mode)
            elif axis == "attribute":
                found.add("A" + mode)
            elif axis == "parent":
                found |= _PARENT_FROM[mode]
            elif axis.startswith("ancestor"):
                found |= _UP_FROM[mode] | ({mode} if axis.endswith("self") else set())
            elif mode == "U" or (axis.endswith("sibling") and mode == "N"):
                raise NotLocal  # an ancestor's children, or the node's siblings
            else:  # child, descendant(-or-self), a sibling of a node below the node
                self.down = True
                found |= {"D"} | ({mode} if axis.endswith("self") else set())
        return frozenset(found)


def _name_test(token: Any) -> bool:
    if token.symbol == ":":
        return all(child.symbol == "(name)" or _wildcard(child) for child in token)
    return _wildcard(token) or (token.symbol in _TESTS and "function" not in token.label)


def _wildcard(token: Any) -> bool:
    """``*`` as a name test (elementpath labels it a wildcard from version 5 on, an
    operator before: with no operands, it is no multiplication)."""
    return bool(token.symbol == "*" and ("wildcard" in token.label or len(token) == 0))


def _positional(token: Any) -> bool:
    """Whether a predicate may depend on its node's position among its siblings: a
    number (or what may be one) as the predicate, or position() or last() in it."""
    return token.symbol in {"(integer)", "(decimal)", "(float)", "(double)", "$", "+", "-",
                            "*", "div", "idiv", "mod", "count", "sum", "number", "round",
                            "floor", "ceiling", "abs", "(", "if"} or _uses_position(token)


def _uses_position(token: Any) -> bool:
    return token.symbol in {"position", "last"} or any(_uses_position(c) for c in token)
