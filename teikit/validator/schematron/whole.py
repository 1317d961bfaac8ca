"""The node-sets of a whole document that a rule checked in parts compares with.

A rule such as ``substring(@resp, 2) = //@xml:id`` reads a node-set that is the same
wherever it fires; in its lxml form that comparison is ``teikit:member(x, '//@xml:id')``
(:mod:`teikit.validator.schematron.constants`), which looks ``x`` up among the string
values of the node-set. A part of a document (:mod:`teikit.validator.schematron.parts`)
does not hold the whole node-set, but the values can be gathered beforehand, from every
part of the document in turn, when the path is simple: ``//@name`` or ``//element/@name``
(an attribute is in a part exactly when its element is). Each part's lookups are then
answered from them, and a lookup of any other node-set gives up (:class:`Answers`). Such
a path read otherwise (``count(//@xml:id[contains($targets, .)])``, where
:mod:`teikit.validator.schematron.locality` has shown that neither the order of its nodes
nor the nodes themselves matter, only their values) reads the gathered values as text
nodes: ``teikit:nodes('//@xml:id')`` (:func:`part_rule`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, Final

from lxml import etree

from teikit.validator.schematron import constants
from teikit.validator.schematron.context import split_outside
from teikit.validator.schematron.rules import Compiled, Rule, RuleSet
from teikit.validator.schematron.xpath import XPATH1
from teikit.validator.split import MARK, SPLIT

_MEMBER: Final = f"{constants.PREFIX}:member("
_NAME: Final = r"(?:[A-Za-z_][\w.-]*:)?(?:[A-Za-z_][\w.-]*)"
_SIMPLE: Final = re.compile(rf"//(?:(?P<element>{_NAME}|(?:[A-Za-z_][\w.-]*:)?\*)/)?"
                            rf"@(?P<attribute>{_NAME})")
_SPLIT_PREFIX: Final = "teikit-split"
_NOT_PLACEHOLDER: Final = f"[not({_SPLIT_PREFIX}:{etree.QName(MARK).localname})]"


class Unknown(LookupError):
    """A lookup of a node-set that was not gathered: the part gives no answer."""


def whole_path(token: Any) -> tuple[Any | None] | None:
    """For a parsed ``//@name`` or ``//element/@name`` (``element`` a name or a wildcard),
    maybe with a predicate on its last step: (the predicate or None); else None."""
    if token.symbol == "//" and len(token) == 1:
        step = token[0]
    elif (token.symbol == "/" and len(token) == 2 and token[0].symbol == "//"
          and len(token[0]) == 1 and _name_test(token[0][0])):
        step = token[1]
    else:
        return None
    predicate = None
    if step.symbol == "[" and len(step) == 2:
        step, predicate = step[0], step[1]
    if step.symbol != "@" or len(step) != 1 or not _name_test(step[0]) or (
            step[0].symbol == "*" or any(part.symbol == "*" for part in step[0])):
        return None
    return (predicate,)


def _name_test(token: Any) -> bool:
    if token.symbol == ":":
        return len(token) == 2 and all(part.symbol in {"(name)", "*"} for part in token)
    return token.symbol == "(name)" or (token.symbol == "*" and (
        "wildcard" in token.label or len(token) == 0))  # elementpath < 5: an "operator"


def part_rule(rule: Rule, rules: RuleSet) -> tuple[Rule, dict[str, etree.XPath]] | None:
    """``rule`` as a part runs it, and the node-sets of the whole document it reads, by
    their path, each with the query that finds its nodes below a part's top element
    (placeholders aside, :mod:`teikit.validator.split`). Its lookups
    (``teikit:member``) are answered from the gathered values; any other simple absolute
    path reads them as text nodes (``teikit:nodes('//@xml:id')``). None when the rule does
    not run in libxml2, or reads another absolute path."""
    if rules.binding in XPATH1:  # written as XPath 1.0: its //paths are not rewritten
        return None
    compiled = rule.xpath1
    if compiled is None:
        return None
    namespaces = {k: v for k, v in rules.namespaces.items() if k != "xml"}
    paths: dict[str, etree.XPath] = {}
    checks = []
    for check in compiled.checks:
        test = _rewritten(check.test, namespaces, paths)
        if test is None:
            return None
        checks.append(replace(check, test=test))
    lets = []
    for name, value in compiled.lets:
        found = _rewritten(value, namespaces, paths)
        if found is None:
            return None
        lets.append((name, found))
    form = Compiled(compiled.rules, compiled.context, lets, checks)
    return replace(rule, xpath1=form, compiled={}), paths


def _rewritten(expr: Any, namespaces: dict[str, str], paths: dict[str, etree.XPath]
               ) -> etree.XPath | None:
    text = getattr(expr, "path", None)
    if text is None:
        return None
    found = _absolute(str(text))
    if found is None:
        return None
    rewritten, read = found
    for path in [*member_paths(str(text)), *read]:
        simple = _SIMPLE.fullmatch(path)
        if simple is None:
            return None
        element = simple.group("element") or "*"
        query = f"descendant-or-self::{element}{_NOT_PLACEHOLDER}/@{simple.group('attribute')}"
        try:
            paths[path] = etree.XPath(query, namespaces={**namespaces, _SPLIT_PREFIX: SPLIT},
                                      smart_strings=False)
        except etree.XPathError:
            return None
    try:
        return etree.XPath(rewritten, namespaces={**namespaces, constants.PREFIX:
                                                  constants.NAMESPACE},
                           extensions=part_extensions(namespaces))
    except etree.XPathError:
        return None


_ROOTED: Final = re.compile(r"(?:^|[(\[,|=<>!+-]|(?:^|[\s()])(?:and|or|div|mod))$")
"""What may come before a path that starts at the root (else ``//`` continues a path)."""


def _absolute(text: str) -> tuple[str, list[str]] | None:
    """``text`` with each simple path from the root read from the gathered values
    (``teikit:nodes('…')``), and those paths; None when another path starts at the root."""
    out: list[str] = []
    read: list[str] = []
    index, quote = 0, ""
    while index < len(text):
        char = text[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "/" and _ROOTED.search("".join(out).rstrip()):
            simple = _SIMPLE.match(text, index)
            after = text[simple.end():].lstrip()[:1] if simple else "/"
            if simple is None or after in {"/", ":", "(", "-", "."} or after.isalnum():
                return None
            read.append(simple.group(0))
            out.append(f"{constants.PREFIX}:nodes('{simple.group(0)}')")
            index = simple.end()
            continue
        out.append(char)
        index += 1
    return "".join(out), read


def part_extensions(namespaces: dict[str, str]) -> dict[tuple[str | None, str], Any]:
    """The functions a part's rules may call: ``teikit:member`` and ``teikit:nodes``."""
    return {**constants.extensions(namespaces), (constants.NAMESPACE, "nodes"): _nodes}


def _nodes(context: Any, path: Any) -> list[str]:
    """``teikit:nodes(path)``: the gathered values of ``path`` (lxml makes text nodes)."""
    answers = constants.ACTIVE.get()
    if not isinstance(answers, Answers):
        raise Unknown(str(path))
    return answers.listed(str(path))


def member_paths(text: str) -> list[str]:
    """The paths (their text) of the ``teikit:member`` calls in an XPath 1.0 ``text``."""
    found: list[str] = []
    start = text.find(_MEMBER)
    while start >= 0:
        inner = _arguments(text, start + len(_MEMBER))
        last = split_outside(inner, ",")[-1].strip()
        if len(last) >= 2 and last[0] == last[-1] and last[0] in "'\"":
            found.append(last[1:-1])
        else:
            found.append("")  # not a literal: not a simple path
        start = text.find(_MEMBER, start + 1)
    return found


def _arguments(text: str, start: int) -> str:
    """The text from ``start`` to the parenthesis that closes the call opened before it."""
    depth, quote = 0, ""
    for index in range(start, len(text)):
        char = text[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            if depth == 0:
                return text[start:index]
            depth -= 1
    return text[start:]


class Answers(dict[str, frozenset[str]]):
    """The gathered node-sets as the lookups see them: one that was not gathered raises
    :class:`Unknown` (its rule then reports an error, and the part gives no answer)."""

    def __init__(self, gathered: Mapping[str, Sequence[str]]) -> None:
        super().__init__({path: frozenset(values) for path, values in gathered.items()})
        self._lists = {path: list(values) for path, values in gathered.items()}

    def get(self, key: str, default: object = None) -> frozenset[str]:
        found = super().get(key)
        if found is None:
            raise Unknown(key)
        return found

    def listed(self, key: str) -> list[str]:
        """The values of node-set ``key``, one per node (in no particular order)."""
        found = self._lists.get(key)
        if found is None:
            raise Unknown(key)
        return found


@contextmanager
def answering(gathered: Mapping[str, Sequence[str]]) -> Iterator[None]:
    """Lookups (``teikit:member``) answered from ``gathered`` while in the block."""
    token = constants.ACTIVE.set(Answers(gathered))
    try:
        yield
    finally:
        constants.ACTIVE.reset(token)
