"""The text of a failed assert or successful report.

The assertion's own text, then each ``diagnostic`` it names (``diagnostics="id …"``), then
each ``property`` it names (``properties="id …"``) as ``[id: text]``, then the ``flag`` it
raises as ``[flag: name]``, whitespace collapsed. Inside them ``value-of select`` gives
the string value of its expression, ``name`` the name of the context node (or of the node
its ``path`` selects), and ``emph``, ``dir`` and ``span`` their text.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from teikit.validator.schematron.rules import Check, RuleSet, sch
from teikit.validator.schematron.xpath import Engine, attribute_name, element_of


class Message:
    """Renders messages with one engine and the expressions of one form of a rule set."""

    def __init__(self, engine: Engine, rules: RuleSet) -> None:
        self.engine, self.rules = engine, rules

    def text(self, check: Check, node: Any, variables: dict[str, Any]) -> str:
        parts = [self.render(check.message, node, variables)]
        for ref in (check.message.get("diagnostics") or "").split():
            if ref in self.rules.diagnostics:
                parts.append(self.render(self.rules.diagnostics[ref], node, variables))
        for ref in (check.message.get("properties") or "").split():
            if ref in self.rules.properties:
                text = _squeeze(self.render(self.rules.properties[ref], node, variables))
                parts.append(f"[{ref}: {text}]")
        flag = (check.message.get("flag") or "").strip()
        if flag:
            parts.append(f"[flag: {flag}]")
        return _squeeze(" ".join(parts)) or "Schematron check failed"

    def render(self, message: etree._Element, node: Any, variables: dict[str, Any]) -> str:
        out = [message.text or ""]
        for child in message:
            if child.tag == sch("value-of"):
                expr = self.rules.expr(child.get("select", "."), "value-of")
                out.append(self.engine.string(expr, node, variables))
            elif child.tag == sch("name"):
                out.append(self.name(child, node, variables))
            elif isinstance(child.tag, str):
                out.append(self.render(child, node, variables))
            out.append(child.tail or "")
        return "".join(out)

    def name(self, child: etree._Element, node: Any, variables: dict[str, Any]) -> str:
        path = child.get("path")
        if path is not None:
            found = self.engine.select(self.rules.expr(path, "name"), node, variables)
            if not found:
                return ""
            node = found[0]
        attribute = attribute_name(node)
        if attribute is not None:
            return _prefixed(attribute, element_of(node))
        element = element_of(node)
        if element is None or not isinstance(element.tag, str):
            return ""
        return _prefixed(element.tag, element)


def _prefixed(clark: str, element: etree._Element | None) -> str:
    """A Clark name as the document writes it (``tei:p``, ``p``, ``xml:id``)."""
    qname = etree.QName(clark)
    if qname.namespace is None:
        return qname.localname
    if qname.namespace == "http://www.w3.org/XML/1998/namespace":
        return f"xml:{qname.localname}"
    prefix = None
    if element is not None:
        prefix = next((p for p, uri in element.nsmap.items() if uri == qname.namespace and p),
                      None)
        if element.tag == clark:
            prefix = element.prefix
    return f"{prefix}:{qname.localname}" if prefix else qname.localname


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
