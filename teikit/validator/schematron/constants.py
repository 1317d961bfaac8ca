"""Comparisons with a node-set that is the same wherever a rule fires: ``x = //@xml:id``.

Evaluated as written, such a test walks the whole document at every node the rule fires
on: its cost grows with the square of the document. The rewrite into XPath 1.0
(:mod:`teikit.validator.schematron.xpath1`) turns it into ``teikit:member(x, '//@xml:id')``,
which gathers the string values of ``//@xml:id`` once per document and looks ``x`` up
among them: true when some string value of ``x`` is one of them, exactly what ``=``
between node-sets and strings means.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, Final

from lxml import etree

NAMESPACE: Final = "urn:teikit:xpath"
PREFIX: Final = "teikit"
ACTIVE: ContextVar[dict[str, frozenset[str]] | None] = ContextVar(
    "teikit_sch_constants", default=None)
"""The node-sets gathered for the document being checked (set by the Schematron run)."""


def _string(item: Any) -> str:
    if isinstance(item, etree._Element):
        return "".join(str(text) for text in item.itertext())
    return str(item)


def gather(xpath: etree.XPath, tree: etree._ElementTree) -> frozenset[str]:
    """The string values of the nodes ``xpath`` selects in ``tree``."""
    nodes = xpath(tree)
    return frozenset(_string(node) for node in (nodes if isinstance(nodes, list) else [nodes]))


def member_function(namespaces: dict[str, str]) -> Callable[..., bool]:
    """``teikit:member(value, path)`` for lxml, ``path`` read with ``namespaces``."""
    compiled: dict[str, etree.XPath] = {}

    def member(context: Any, value: Any, path: str) -> bool:
        gathered = ACTIVE.get()
        if gathered is None:
            gathered = {}
        found = gathered.get(path)
        if found is None:
            xpath = compiled.get(path)
            if xpath is None:
                xpath = compiled[path] = etree.XPath(path, namespaces=namespaces)
            found = gathered[path] = gather(xpath, context.context_node.getroottree())
        items = value if isinstance(value, list) else [value]
        return any(_string(item) in found for item in items)

    return member


def extensions(namespaces: dict[str, str]) -> dict[tuple[str | None, str], Any]:
    """The lxml extension functions a rewritten expression may call."""
    return {(NAMESPACE, "member"): member_function(
        {k: v for k, v in namespaces.items() if k != "xml"})}
