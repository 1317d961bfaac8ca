"""ISO Schematron, run directly (no XSLT): patterns, rules, assert/report, let, ns,
diagnostics, name and value-of, with XPath 1.0 (``xslt``) or XPath 2.0/3.1
(``xslt2``/``xslt3``, through elementpath).

Each failure is located at the node its rule fired on (line, column and XPath). As the
standard says, within one pattern a node is handled by the first rule whose context
matches it. Phases are not selected: every pattern runs. Abstract rules (``extends
rule=``), ``include``, ``extends href`` and abstract patterns (``is-a`` with ``param``) are
supported (:mod:`teikit.validate.schematron.expand`), and so are the XSLT a schema holds at its
top level: ``xsl:key`` (``key()``, with any binding), ``xsl:function`` (with ``xslt2`` and
``xslt3``) and ``xsl:variable`` (:mod:`teikit.validate.schematron.xslt`); other XSLT is refused
as a configuration error, or ignored with a warning where it cannot change a verdict.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from teikit import tei
from teikit.diagnostics import ConfigError, Diagnostic, Severity
from teikit.validate.backend import Vocabulary
from teikit.validate.document import Document
from teikit.validate.messages import guidelines_url, readable_xpath
from teikit.validate.schemas import Schema
from teikit.validate.schematron.context import Need
from teikit.validate.schematron.keys import ACTIVE, XsltRun
from teikit.validate.schematron.rules import (
    CURRENT,
    Check,
    Compiled,
    Rule,
    RuleSet,
    read_rules,
    sch,
)
from teikit.validate.schematron.xpath import Engine, LxmlEngine, attribute_name, element_of

_DYNAMIC_ERRORS = (etree.XPathError, ArithmeticError, TypeError, ValueError, LookupError,
                   RecursionError)
"""What evaluating a rule can raise (elementpath's errors derive from TypeError, ValueError
and friends; a recursive xsl:function can recurse too deep)."""


class _Run:
    """One document checked against one rule set."""

    def __init__(self, rules: RuleSet, document: Document) -> None:
        self.rules, self.document = rules, document
        self.fast = LxmlEngine(document.tree)
        self._engine: Engine | None = None
        self._present: set[Need] | None = None
        self.problems: list[Diagnostic] = []

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = self.rules.compiler.engine(self.document.tree)
        return self._engine

    def run(self) -> list[Diagnostic]:
        variables: dict[str, Any] = {}
        xslt = self.rules.xslt
        if xslt is None:
            return self.run_patterns(variables)
        for reason in xslt.ignored:
            self.problems.append(Diagnostic(self.document.filename, 0, 0, Severity.WARNING,
                                            "schematron-ignored", reason, source="schematron"))
        token = ACTIVE.set(XsltRun(xslt.keys, self.fast, lambda: self.engine, variables))
        try:
            return self.run_patterns(variables)
        finally:
            ACTIVE.reset(token)

    def run_patterns(self, variables: dict[str, Any]) -> list[Diagnostic]:
        for name, expr in self.rules.lets:
            variables[name] = self.engine.value(expr, self.engine.root(), variables)
        for pattern in self.rules.patterns:
            fired: set[int] = set()
            for rule in pattern:
                if rule.needs is not None and not rule.needs & self.present():
                    continue
                try:
                    for node in self.matches(rule, variables):
                        key = id(element_of(node)) if attribute_name(node) is None else id(node)
                        if key not in fired:
                            fired.add(key)
                            self.fire(rule, node, variables)
                except _DYNAMIC_ERRORS as exc:  # a fault in the rule, not in the document
                    self.problems.append(Diagnostic(
                        self.document.filename, 0, 0, Severity.ERROR, "schematron-error",
                        f"the rule for {rule.node.get('context')!r} could not be evaluated: "
                        f"{exc}", source="schematron"))
        return self.problems

    def present(self) -> set[Need]:
        """The element names and attribute names the document contains."""
        if self._present is None:
            names = self.document.names()
            self._present = {("element", ns, local) for ns, local in names.elements}
            self._present |= {("attribute", "", local) for _, local in names.attribute_names}
        return self._present

    def matches(self, rule: Rule, variables: dict[str, Any]) -> list[Any]:
        """Matching nodes, as lxml nodes when the rule runs in lxml, else elementpath's."""
        found = None
        if rule.select is not None:
            try:
                found = rule.select(self.document.tree)
            except etree.XPathError:
                found = None
        if isinstance(found, list):
            return found if rule.xpath1 is not None else [self.engine.wrap(n) for n in found]
        full = self.rules.full(rule)
        if full is None:
            return []
        nodes = self.engine.select(full.context, self.engine.root(), variables)
        if rule.xpath1 is not None:  # keep one engine per rule
            rule.xpath1 = None
        return nodes

    def fire(self, rule: Rule, node: Any, variables: dict[str, Any]) -> None:
        if rule.xpath1 is not None:
            reported = len(self.problems)
            try:
                self.apply(rule.xpath1, node, {}, self.fast)
                return
            except etree.XPathEvalError:  # an XPath 2 function lxml does not have
                rule.xpath1 = None
                del self.problems[reported:]  # the rule's checks all run again below
        full = self.rules.full(rule)
        if full is not None:
            native = isinstance(node, etree._Element) or hasattr(node, "getparent")
            self.apply(full, self.engine.wrap(node) if native else node, variables, self.engine)

    def apply(self, compiled: Compiled, node: Any, variables: dict[str, Any], engine: Engine
              ) -> None:
        bound = dict(variables)
        bound[CURRENT] = node
        for name, expr in compiled.lets:
            bound[name] = engine.value(expr, node, bound)
        for check in compiled.checks:
            if engine.boolean(check.test, node, bound) != check.is_assert:
                text = _Message(engine, compiled.rules).text(check, node, bound)
                self.problems.append(self.located(check, node, text))

    def located(self, check: Check, node: Any, text: str) -> Diagnostic:
        element = element_of(node)
        attribute = attribute_name(node)
        xpath = readable_xpath(element) if element is not None else None
        if xpath and attribute:
            xpath += f"/@{attribute}"
        return self.document.diagnostic(element, check.severity, check.code, text, xpath=xpath,
                                        source="schematron", url=guidelines_url(element))


class _Message:
    """Renders an assert/report message (with value-of, name and diagnostics)."""

    def __init__(self, engine: Engine, rules: RuleSet) -> None:
        self.engine, self.rules = engine, rules

    def text(self, check: Check, node: Any, variables: dict[str, Any]) -> str:
        parts = [self.render(check.message, node, variables)]
        for ref in (check.message.get("diagnostics") or "").split():
            if ref in self.rules.diagnostics:
                parts.append(self.render(self.rules.diagnostics[ref], node, variables))
        return re.sub(r"\s+", " ", " ".join(parts)).strip() or "Schematron check failed"

    def render(self, message: etree._Element, node: Any, variables: dict[str, Any]) -> str:
        out = [message.text or ""]
        for child in message:
            if child.tag == sch("value-of"):
                expr = self.rules.expr(child.get("select", "."), "value-of")
                out.append(self.engine.string(expr, node, variables))
            elif child.tag == sch("name"):
                element = element_of(node)
                out.append(attribute_name(node) or (etree.QName(element).localname
                                                    if element is not None else ""))
            elif isinstance(child.tag, str):
                out.append(self.render(child, node, variables))
            out.append(child.tail or "")
        return "".join(out)


class SchematronBackend:
    """Runs one ``.sch`` schema (or the rules embedded in a RELAX NG grammar)."""

    def __init__(self, schema: Schema, rules: RuleSet | None = None) -> None:
        self.schema = schema
        if rules is None:
            try:
                root = tei.parse_file(schema.path).getroot()
            except (etree.XMLSyntaxError, OSError) as exc:
                raise ConfigError(f"{schema.path}: the schema is not well-formed XML: "
                                  f"{exc}") from None
            if root.tag != sch("schema"):
                raise ConfigError(f"{schema.path}: not an ISO Schematron schema "
                                  f"(root element {root.tag})")
            rules = read_rules(root, str(schema.path))
        self.rules = rules

    def prepare(self, vocabulary: Vocabulary) -> None:
        return None

    def check(self, document: Document) -> list[Diagnostic]:
        return _Run(self.rules, document).run()
