"""The node-sets of a whole document that a rule checked in parts compares with.

A rule such as ``substring(@resp, 2) = //@xml:id`` reads a node-set that is the same
wherever it fires; in its lxml form that comparison is ``teikit:member(x, '//@xml:id')``
(:mod:`teikit.validator.schematron.constants`), which looks ``x`` up among the string
values of the node-set. A part of a document (:mod:`teikit.validator.schematron.parts`)
does not hold the whole node-set, but the values can be gathered beforehand, from every
part of the document in turn, when the path is simple: ``//@name`` or ``//element/@name``
(an attribute is in a part exactly when its element is). Each part's lookups are then
answered from them, and a lookup of any other node-set gives up (:class:`Answers`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Final

from lxml import etree

from teikit.validator.schematron import constants
from teikit.validator.schematron.context import split_outside
from teikit.validator.schematron.rules import Rule, RuleSet
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


def gathered_paths(rule: Rule, rules: RuleSet) -> dict[str, etree.XPath] | None:
    """The node-sets ``rule`` looks values up in (``teikit:member``), by the path it names
    them with, each with the query that finds its nodes below a part's top element
    (placeholders aside, :mod:`teikit.validator.split`); None when the rule does not run in
    libxml2 or names a node-set that is not simple."""
    if rules.binding in XPATH1:  # written as XPath 1.0: its //paths are not rewritten
        return None
    compiled = rule.xpath1
    if compiled is None:
        return None
    texts = [getattr(check.test, "path", None) for check in compiled.checks]
    texts += [getattr(value, "path", None) for _, value in compiled.lets]
    namespaces = {k: v for k, v in rules.namespaces.items() if k != "xml"}
    found: dict[str, etree.XPath] = {}
    for text in texts:
        if text is None:
            return None
        for path in member_paths(str(text)):
            simple = _SIMPLE.fullmatch(path)
            if simple is None:
                return None
            element = simple.group("element") or "*"
            query = (f"descendant-or-self::{element}{_NOT_PLACEHOLDER}/"
                     f"@{simple.group('attribute')}")
            try:
                found[path] = etree.XPath(query, namespaces={**namespaces,
                                                             _SPLIT_PREFIX: SPLIT},
                                          smart_strings=False)
            except etree.XPathError:
                return None
    return found


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

    def get(self, key: str, default: object = None) -> frozenset[str]:
        found = super().get(key)
        if found is None:
            raise Unknown(key)
        return found


@contextmanager
def answering(gathered: Mapping[str, frozenset[str]]) -> Iterator[None]:
    """Lookups (``teikit:member``) answered from ``gathered`` while in the block."""
    token = constants.ACTIVE.set(Answers(gathered))
    try:
        yield
    finally:
        constants.ACTIVE.reset(token)
