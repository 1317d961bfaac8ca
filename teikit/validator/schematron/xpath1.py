"""XPath 2/3 expressions that mean exactly the same in XPath 1.0, rewritten for libxml2.

libxml2 evaluates XPath 1.0 10-100x faster than elementpath evaluates XPath 2, so a rule of
an ``xslt2``/``xslt3`` schema runs there when, and only when, each of its expressions is
provably equivalent. The expression is parsed as XPath 2 and every node of its syntax tree
is given a static kind (nodes, at most one node, string, integer, decimal, double,
boolean); a construct is accepted only where both languages give the same result for
every document, and the XPath 1.0 text is written from the tree. So:

- paths, steps, predicates, unions, ``and``/``or`` and the functions both languages share
  are kept where their arguments are of kinds the two treat alike (``string(a)`` needs
  at most one ``a``: XPath 2 raises an error on two);
- ``=``/``!=`` compare nodes and strings, or numbers, or booleans; ``<``, ``>`` and the
  like numbers only (between strings XPath 1 compares numbers, XPath 2 strings; between a
  node and a number XPath 2 raises an error on a value that is not a number);
- ``eq``/``ne`` become ``=``/``!=`` between at most one node and a string, or numbers
  (where the node may be missing, only as a truth value: XPath 2 gives no value);
  ``lt``, ``gt``… become ``<``, ``>``… between numbers only: ``@n lt 10`` is a type error
  in XPath 2, so it stays with elementpath, which raises it;
- ``x = ('a', 'b')`` becomes ``(x = 'a' or x = 'b')``; ``x = //path`` becomes
  ``teikit:member(x, '//path')``, the node-set gathered once per document instead of at
  every node the rule fires on (:mod:`teikit.validator.schematron.constants`);
- integers add, subtract, multiply and take ``mod`` alike; ``div`` of two integers (a
  decimal in XPath 2, a double in XPath 1) and decimal arithmetic do not;
- anything else (XPath 2 functions, sequences, ``if``, ``for``, casts, variables of
  unknown kind…) keeps the expression with elementpath.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from teikit.validator.schematron.constants import PREFIX

NODES, NODE, STRING, INTEGER, DECIMAL, DOUBLE, BOOLEAN, TRUTH = (
    "nodes", "node", "string", "integer", "decimal", "double", "boolean", "truth")
"""Kinds. ``truth`` is a value comparison with at most one node: empty in XPath 2 when
the node is missing, ``false`` in XPath 1, which only agree as a truth value (a test, a
predicate, an operand of ``and``, ``or``, ``not()``)."""
_NODE_KINDS: Final = {NODES, NODE}
_TEXTUAL: Final = {NODE, STRING}
_NUMBERS: Final = {INTEGER, DECIMAL, DOUBLE}
_AXES: Final = {"ancestor", "ancestor-or-self", "attribute", "child", "descendant",
                "descendant-or-self", "following", "following-sibling", "parent", "preceding",
                "preceding-sibling", "self"}
_SINGLE_AXES: Final = {"self", "parent", "attribute"}
_KIND_TESTS: Final = {"text", "node", "comment", "processing-instruction"}
_GENERAL: Final = {"=": "=", "!=": "!="}
_ORDER: Final = {"<": "<", "<=": "<=", ">": ">", ">=": ">=",
                 "lt": "<", "le": "<=", "gt": ">", "ge": ">="}
_VALUE: Final = {"eq": "=", "ne": "!="}


class Unsafe(Exception):
    """The expression might mean something else in XPath 1.0."""


Typed = tuple[str, str]
"""(XPath 1.0 text, kind)."""


class Translator:
    """Rewrites parsed XPath 2 expressions (elementpath tokens) into XPath 1.0."""

    def __init__(self, variables: dict[str, str], key: bool = False) -> None:
        """``variables``: the kind of each variable in scope; ``key``: ``key()`` has the
        same implementation in both engines."""
        self.variables, self.key = variables, key

    def __call__(self, token: Any) -> Typed:
        symbol, label = token.symbol, token.label
        if symbol == "(string)":
            return _literal(token.value), STRING
        if symbol == "(integer)":
            return str(token.value), INTEGER
        if symbol == "(decimal)":
            return str(token.value), DECIMAL
        method = self.table.get(symbol)
        if method is not None:
            return method(self, token)
        if label == "axis" and symbol in _AXES:
            test, _ = self.step(token[0])
            return f"{symbol}::{test}", NODE if symbol in _SINGLE_AXES else NODES
        if label == "kind test" and symbol in _KIND_TESTS:
            argument = ", ".join(self(child)[0] for child in token)
            return f"{symbol}({argument})", NODES
        if label == "function":
            return self.function(token)
        raise Unsafe(f"{symbol} ({label})")

    def step(self, token: Any) -> Typed:
        """A name test."""
        if token.symbol == "(name)":
            return str(token.value), NODES
        if token.symbol == "*":
            return "*", NODES
        if token.symbol == ":" and token[0].symbol == "(name)" and token[1].symbol in {
                "(name)", "*"}:
            local = "*" if token[1].symbol == "*" else token[1].value
            return f"{token[0].value}:{local}", NODES
        if token.label == "kind test" and token.symbol in _KIND_TESTS:
            return self(token)
        raise Unsafe(f"name test {token.symbol}")

    def name(self, token: Any) -> Typed:
        return self.step(token)

    def attribute(self, token: Any) -> Typed:
        test, _ = self.step(token[0])
        return f"@{test}", NODE if "*" not in test else NODES

    def context(self, token: Any) -> Typed:
        return token.symbol, NODE

    def variable(self, token: Any) -> Typed:
        name = token[0].value if len(token) else token.value
        kind = self.variables.get(str(name))
        if kind is None:
            raise Unsafe(f"${name}")
        return f"${name}", kind

    def path(self, token: Any) -> Typed:
        if len(token) == 1:  # /a or //a
            inner, _ = self.path_step(token[0])
            return f"{token.symbol}{inner}", NODES
        left, left_kind = self(token[0])
        if left_kind not in _NODE_KINDS:
            raise Unsafe("a path from a value")
        right, right_kind = self.path_step(token[1])
        single = token.symbol == "/" and left_kind == right_kind == NODE
        return f"{left}{token.symbol}{right}", NODE if single else NODES

    def path_step(self, token: Any) -> Typed:
        text, kind = self(token)
        if kind not in _NODE_KINDS:
            raise Unsafe("a step that is not a node")
        return text, kind

    def root(self, token: Any) -> Typed:
        if len(token) == 0:
            return "/", NODE
        return self.path(token)

    def predicate(self, token: Any) -> Typed:
        base, kind = self(token[0])
        if kind not in _NODE_KINDS:
            raise Unsafe("a filter on values")
        condition, _ = self(token[1])
        return f"{base}[{condition}]", kind

    def union(self, token: Any) -> Typed:
        left, left_kind = self(token[0])
        right, right_kind = self(token[1])
        if left_kind not in _NODE_KINDS or right_kind not in _NODE_KINDS:
            raise Unsafe("a union of values")
        return f"{left} | {right}", NODES

    def parenthesis(self, token: Any) -> Typed:
        if len(token) != 1 or token[0].symbol == ",":
            raise Unsafe("a sequence")
        inner, kind = self(token[0])
        return f"({inner})", kind

    def logic(self, token: Any) -> Typed:
        left, _ = self(token[0])
        right, _ = self(token[1])
        return f"({left} {token.symbol} {right})", BOOLEAN

    def compare(self, token: Any) -> Typed:
        symbol = token.symbol
        if symbol in _GENERAL and _strings(token[1]) is not None:
            return self.any_of(token)
        if symbol == "=":
            for path, other in ((token[1], token[0]), (token[0], token[1])):
                if constant_path(path):
                    return self.member(other, path)
        left, left_kind = self(token[0])
        right, right_kind = self(token[1])
        kinds = {left_kind, right_kind}
        if symbol in _GENERAL:
            same = (kinds <= _NODE_KINDS | {STRING} or kinds <= _NUMBERS or kinds == {BOOLEAN})
        elif symbol in _VALUE:
            same = kinds <= _TEXTUAL or kinds <= _NUMBERS or kinds == {BOOLEAN}
        else:
            same = kinds <= _NUMBERS
        if not same:
            raise Unsafe(f"{left_kind} {symbol} {right_kind}")
        operator = _GENERAL.get(symbol) or _VALUE.get(symbol) or _ORDER[symbol]
        empty = symbol in _VALUE and NODE in kinds
        return f"({left} {operator} {right})", TRUTH if empty else BOOLEAN

    def member(self, value: Any, path: Any) -> Typed:
        """``x = //path``: the node-set is the same wherever the test is evaluated, so it
        is gathered once per document (:mod:`teikit.validator.schematron.constants`)."""
        text, kind = self(value)
        nodes, nodes_kind = self(path)
        if kind not in _NODE_KINDS | {STRING} or nodes_kind not in _NODE_KINDS:
            raise Unsafe(f"{kind} = {nodes_kind}")
        return f"{PREFIX}:member({text}, {_literal(nodes)})", BOOLEAN

    def any_of(self, token: Any) -> Typed:
        """``x = ('a', 'b')`` as ``(x = 'a' or x = 'b')`` (the same existential test)."""
        left, kind = self(token[0])
        if kind not in _NODE_KINDS | {STRING}:
            raise Unsafe("a comparison with a sequence")
        items = _strings(token[1]) or []
        joined = " or ".join(f"{left} {token.symbol} {_literal(item)}" for item in items)
        return f"({joined})", BOOLEAN

    def arithmetic(self, token: Any) -> Typed:
        if len(token) == 1:  # unary minus
            inner, kind = self(token[0])
            if kind not in _NUMBERS:
                raise Unsafe("minus a value that is not a number")
            return f"(- {inner})", kind
        left, left_kind = self(token[0])
        right, right_kind = self(token[1])
        kinds = {left_kind, right_kind}
        if not kinds <= _NUMBERS or DECIMAL in kinds:
            raise Unsafe(f"{left_kind} {token.symbol} {right_kind}")
        if token.symbol == "div" and DOUBLE not in kinds:
            raise Unsafe("integer division (a decimal in XPath 2)")
        result = DOUBLE if DOUBLE in kinds else INTEGER
        return f"({left} {token.symbol} {right})", result

    table: Final[dict[str, Callable[[Translator, Any], Typed]]] = {
        "(name)": name, ":": name, "*": name, "@": attribute, ".": context, "..": context,
        "$": variable, "/": root, "//": path, "[": predicate, "|": union, "(": parenthesis,
        "and": logic, "or": logic, **dict.fromkeys((*_GENERAL, *_ORDER, *_VALUE), compare),
        **dict.fromkeys(("+", "-", "*", "div", "mod"), arithmetic),
    }

    def function(self, token: Any) -> Typed:
        name = token.symbol
        found = _FUNCTIONS.get(name)
        if found is None or (name == "key" and not self.key):
            raise Unsafe(f"{name}()")
        arities, accepted, result = found
        args = [self(child) for child in token]
        if len(args) not in arities:
            raise Unsafe(f"{name}() with {len(args)} arguments")
        for index, (_, kind) in enumerate(args):
            allowed = accepted[min(index, len(accepted) - 1)]
            if allowed is not None and kind not in allowed:
                raise Unsafe(f"{name}() of {kind}")
        kind = args[0][1] if result == "same" else result
        return f"{name}({', '.join(text for text, _ in args)})", kind


def _fix_table() -> None:
    # ``*`` is both the wildcard and multiplication; ``/`` both the root and a path step
    table = Translator.table
    table["*"] = lambda self, token: (self.arithmetic(token) if len(token) == 2
                                      else self.name(token))
    table["/"] = lambda self, token: self.root(token) if len(token) < 2 else self.path(token)


_fix_table()

_ANY: Final = None
_TEXT_ARG: Final = frozenset(_TEXTUAL)
_NUMBER_ARG: Final = frozenset(_NUMBERS)
_FUNCTIONS: Final[dict[str, tuple[frozenset[int], tuple[frozenset[str] | None, ...], str]]] = {
    "count": (frozenset({1}), (frozenset(_NODE_KINDS),), INTEGER),
    "string-length": (frozenset({0, 1}), (_TEXT_ARG,), INTEGER),
    "normalize-space": (frozenset({0, 1}), (_TEXT_ARG,), STRING),
    "string": (frozenset({0, 1}), (frozenset({NODE, STRING, INTEGER, BOOLEAN}),), STRING),
    "concat": (frozenset(range(2, 64)), (frozenset({NODE, STRING, INTEGER, BOOLEAN}),),
               STRING),
    "contains": (frozenset({2}), (_TEXT_ARG,), BOOLEAN),
    "starts-with": (frozenset({2}), (_TEXT_ARG,), BOOLEAN),
    "substring-before": (frozenset({2}), (_TEXT_ARG,), STRING),
    "substring-after": (frozenset({2}), (_TEXT_ARG,), STRING),
    "substring": (frozenset({2, 3}), (_TEXT_ARG, _NUMBER_ARG), STRING),
    "translate": (frozenset({3}), (_TEXT_ARG,), STRING),
    "not": (frozenset({1}), (_ANY,), BOOLEAN),
    "boolean": (frozenset({1}), (_ANY,), BOOLEAN),
    "true": (frozenset({0}), (_ANY,), BOOLEAN),
    "false": (frozenset({0}), (_ANY,), BOOLEAN),
    "number": (frozenset({0, 1}), (frozenset({NODE, STRING, INTEGER, BOOLEAN}),), DOUBLE),
    "floor": (frozenset({1}), (frozenset({INTEGER, DOUBLE}),), "same"),
    "ceiling": (frozenset({1}), (frozenset({INTEGER, DOUBLE}),), "same"),
    "round": (frozenset({1}), (frozenset({INTEGER, DOUBLE}),), "same"),
    "position": (frozenset({0}), (_ANY,), INTEGER),
    "last": (frozenset({0}), (_ANY,), INTEGER),
    "local-name": (frozenset({0, 1}), (frozenset({NODE}),), STRING),
    "name": (frozenset({0, 1}), (frozenset({NODE}),), STRING),
    "namespace-uri": (frozenset({0, 1}), (frozenset({NODE}),), STRING),
    "lang": (frozenset({1}), (_TEXT_ARG,), BOOLEAN),
    "key": (frozenset({2, 3}), (frozenset({STRING}), frozenset({NODE, NODES, STRING}),
                                 frozenset({NODE})), NODES),
}
"""Functions both languages have, by name: how many arguments, the kinds each argument may
have there (the last entry stands for the rest), and the kind of the result."""


def constant_path(token: Any) -> bool:
    """Whether ``token`` is an absolute path (or a union of them) with no variable: the
    same node-set wherever it is evaluated in a document."""
    if token.symbol in {"|", "("}:
        return all(constant_path(child) for child in token)
    current = token
    while current.symbol in {"/", "//", "["} and len(current) == 2:
        current = current[0]
    if current.symbol not in {"/", "//"} or len(current) != 1:
        return False
    pending = [token]
    while pending:
        node = pending.pop()
        if node.symbol == "$":
            return False
        pending.extend(node)
    return True


def _literal(text: str) -> str:
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    raise Unsafe("a string with both quotes (XPath 1.0 cannot write it)")


def _strings(token: Any) -> list[str] | None:
    """The items of ``('a', 'b', …)`` (two or more string literals), else None."""
    if token.symbol != "(" or len(token) != 1 or token[0].symbol != ",":
        return None
    items: list[str] = []
    pending = [token[0]]
    while pending:
        current = pending.pop()
        if current.symbol == ",":
            pending.extend(reversed(list(current)))
        elif current.symbol == "(string)":
            items.append(str(current.value))
        else:
            return None
    return items


def translate(token: Any, variables: dict[str, str] | None = None, *,
              key: bool = False) -> Typed | None:
    """The XPath 1.0 form of a parsed XPath 2 expression and its kind; None when the two
    languages might disagree on it."""
    try:
        return Translator(variables or {}, key)(token)
    except (Unsafe, IndexError, AttributeError, TypeError):
        return None
