"""Reading Schematron rule contexts: as selections for lxml, and what they need to match.

A rule's context is an XSLT match pattern. Selected from the root it becomes an XPath
(``a | b/c`` → ``//a | //b/c``); when that is XPath 1.0 (for an XPath 2 schema: when it
means the same there, :mod:`teikit.validator.schematron.xpath1`) libxml2 selects the nodes,
far faster than elementpath. And a context whose branches all start with a named element
(or ``*[@name]``) cannot match a document without one of them: such rules are skipped
without evaluating anything.
"""

from __future__ import annotations

import re
from typing import Any, Final

from lxml import etree


def context_selector(context: str) -> str:
    """An XSLT match pattern as a selection from the root: ``a | b/c`` → ``//a | //b/c``."""
    return " | ".join(_branch_selector(b.strip()) for b in _branches(context))


def _branch_selector(branch: str) -> str:
    if branch.startswith("/"):
        return branch
    if branch.startswith("("):  # (a | b)/c → (//a | //b)/c, which XPath 1 accepts too
        depth = 0
        for index, char in enumerate(branch):
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0:
                return f"({context_selector(branch[1:index])}){branch[index + 1:]}"
    # never //@a/parent::x: libxml2 removes the duplicates a parent:: step could make by
    # comparing each node with all those found before (quadratic: 20x the time for 4x the
    # attributes); //x[@a] costs one test per element
    return "//" + branch


def lxml_select(selector: str, namespaces: dict[str, str],
                extensions: dict[tuple[str | None, str], Any] | None = None
                ) -> etree.XPath | None:
    """The selector (XPath 1.0) compiled for lxml, or None when it is not XPath 1.0 or
    needs a variable. ``extensions`` are functions the schema adds (``key()``)."""
    if "$" in selector or "current()" in selector:
        return None
    try:
        return etree.XPath(selector, namespaces={k: v for k, v in namespaces.items() if k != "xml"},
                           extensions=extensions)
    except etree.XPathError:
        return None


Need = tuple[str, str, str]
"""``("element", namespace, name)`` or ``("attribute", "", name)``."""
_FIRST_STEP: Final = re.compile(r"(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*|\*)")
_ATTRIBUTE: Final = r"@(?:[\w.-]+:)?(?P<name>[\w.-]+)"
_COMPARISON: Final = r"(?:=|!=|<=?|>=?|\beq\b|\bne\b|\blt\b|\ble\b|\bgt\b|\bge\b)"
_NEEDS_ATTRIBUTE: Final = re.compile(
    rf"\[\s*(?:{_ATTRIBUTE}(?:\s*{_COMPARISON}[^\]]*)?"
    rf"|starts-with\(\s*(?:{_ATTRIBUTE.replace('name', 'prefixed')}"
    rf"|normalize-space\(\s*{_ATTRIBUTE.replace('name', 'spaced')}\s*\))"
    rf"\s*,\s*(?:'[^']+'|\"[^\"]+\")\s*\))"
    rf"\s*\]")
"""A predicate that is false on an element without the attribute: ``[@a]``, ``[@a = …]``
(a comparison with no value is false), ``[starts-with(@a, 'x')]`` or
``[starts-with(normalize-space(@a), 'x')]`` (no empty string starts with ``x``)."""

def needs(context: str, namespaces: dict[str, str]) -> frozenset[Need] | None:
    """What a document must contain for ``context`` to match anything: one of the element
    names its branches start with (or an attribute a ``*[@name]`` branch tests, or an
    element a ``/*[count(//name) gt 1]`` branch counts). None when
    that cannot be read off the pattern (absolute paths, axes, functions, wildcards)."""
    found: set[Need] = set()
    for branch in _branches(context):
        needs = _branch_needs(branch.strip(), namespaces)
        if needs is None:
            return None
        found |= needs
    return frozenset(found) or None


_COUNTED: Final = re.compile(
    r"count\(\s*//(?:(?P<prefix>[A-Za-z_][\w.-]*):)?(?P<local>[A-Za-z_][\w.-]*)\s*\)\s*"
    r"(?:(?:gt|>)\s*\d+|(?:ge|>=)\s*0*[1-9]\d*)")
"""A predicate false on a document without the element it counts: ``count(//x) gt 1``."""


def _branch_needs(branch: str, namespaces: dict[str, str]) -> set[Need] | None:
    if branch.startswith("/") and not branch.startswith("//"):  # /*[count(//x) gt 1]
        rest = branch[1:].lstrip()
        if not rest.startswith("*"):
            return None
        for predicate in _predicates(rest[1:].lstrip()):
            for conjunct in split_outside(predicate[1:-1], " and "):
                found = _COUNTED.fullmatch(conjunct.strip())
                if found and len(split_outside(predicate[1:-1], " or ")) == 1:
                    return {("element", namespaces.get(found["prefix"] or "", ""),
                             found["local"])}
        return None
    if branch.startswith("("):
        depth = 0
        for index, char in enumerate(branch):
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0:
                inner = needs(branch[1:index], namespaces)
                return set(inner) if inner is not None else None
        return None
    match = _FIRST_STEP.match(branch)
    rest = branch[match.end():].lstrip() if match else ""
    if match is None or rest.startswith(("::", "(")):
        return None
    prefix, local = match.groups()
    if local != "*":
        return {("element", namespaces.get(prefix or "", ""), local)}
    for predicate in _predicates(rest):  # all must hold: one that needs an attribute will do
        if len(split_outside(predicate[1:-1], " or ")) > 1:
            continue
        for conjunct in split_outside(predicate[1:-1], " and "):
            found = _NEEDS_ATTRIBUTE.fullmatch(f"[{conjunct.strip()}]")
            if found:
                return {("attribute", "", found.group("name") or found.group("prefixed")
                         or found.group("spaced"))}
    return None


def split_outside(expr: str, operator: str) -> list[str]:
    """``expr`` split at ``operator`` where it is outside brackets and string literals."""
    parts, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(expr):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif depth == 0 and expr.startswith(operator, index):
            parts.append(expr[start:index])
            start = index + len(operator)
    parts.append(expr[start:])
    return parts


def _predicates(rest: str) -> list[str]:
    """The predicates (``[…]``) that open ``rest``, the remainder of a step."""
    found: list[str] = []
    depth, quote, start = 0, "", 0
    for index, char in enumerate(rest):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "[":
            if depth == 0:
                start = index
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                found.append(rest[start:index + 1])
        elif depth == 0 and not char.isspace():
            break
    return found


def _branches(context: str) -> list[str]:
    return split_outside(context, "|")
