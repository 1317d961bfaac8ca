"""Why a value does not match its pattern: the allowed values of an enumeration, the
datatypes it fails and how, or the token of a list that is wrong."""

from __future__ import annotations

from dataclasses import dataclass

from teikit.validator.recover.datatypes import Failure, check
from teikit.validator.recover.derive import Derivatives
from teikit.validator.recover.expect import value_leaves
from teikit.validator.recover.grammar import Leaf
from teikit.validator.recover.patterns import DATA, LIST, VALUE, Pattern


@dataclass(frozen=True)
class ValueProblem:
    """``value`` failed: it is none of ``allowed`` (an enumeration) and fails each of
    ``failures`` (datatype, with the definition it comes from). ``token`` is the item of a
    list value that is wrong ("" when a list is missing an item)."""

    value: str
    allowed: tuple[str, ...] = ()
    failures: tuple[tuple[str, Failure], ...] = ()
    token: str | None = None

    @property
    def empty(self) -> bool:
        return not self.value.strip()


def explain(derivatives: Derivatives, pattern: Pattern, value: str) -> ValueProblem:
    """Why ``value`` does not match ``pattern`` (a value pattern: data, value, list …)."""
    leaves = value_leaves(pattern)
    lists = [leaf for leaf in leaves if leaf.kind == LIST]
    simple = [leaf for leaf in leaves if leaf.kind != LIST]
    if lists and not simple:
        return _explain_list(derivatives, lists, value)
    allowed: list[str] = []
    failures: list[tuple[str, Failure]] = []
    for node in simple:
        leaf = node.info
        assert isinstance(leaf, Leaf)
        if node.kind == VALUE:
            allowed.append(leaf.text or "")
        elif node.kind == DATA:
            failure = check(leaf.datatype, value)
            if failure is not None:
                failures.append((leaf.label, failure))
    return ValueProblem(value, tuple(sorted(set(allowed))), tuple(_unique(failures)))


def _explain_list(derivatives: Derivatives, lists: list[Pattern], value: str) -> ValueProblem:
    """The first token no list can take, explained; or a missing token."""
    residuals = [node.left for node in lists if node.left is not None]
    for token in value.split():
        following = [derivatives.text(r, token) for r in residuals]
        alive = [r for r in following if r.kind != "notAllowed"]
        if not alive:
            inner = explain(derivatives, derivatives.patterns.choice(residuals), token)
            return ValueProblem(value, inner.allowed, inner.failures, token)
        residuals = alive
    inner = explain(derivatives, derivatives.patterns.choice(residuals), "")
    return ValueProblem(value, inner.allowed, inner.failures, "")


def _unique(failures: list[tuple[str, Failure]]) -> list[tuple[str, Failure]]:
    seen: set[tuple[str, Failure]] = set()
    found = []
    for item in sorted(failures, key=lambda f: (f[1].reason == "", f[1].expected, f[0])):
        if item not in seen:
            seen.add(item)
            found.append(item)
    return found
