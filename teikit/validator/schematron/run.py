"""Checking one document against a rule set: the patterns of the active phase in order.

As the standard says, within one pattern a node is handled by the first rule whose context
matches it. Each failure is located at the node its rule fired on, or at its ``subject``
(line, column and XPath). Variables are evaluated once per document: the schema's and the
phase's, then each pattern's, at the document's root; a rule's for each node it fires on.

A node goes to lxml when its rule has an lxml form and the node is an element; an
attribute (a rule whose context selects attributes: ``*/@source``) goes to elementpath,
which can take it as a context node.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from teikit.diagnostics import Diagnostic, Severity
from teikit.validator.document import Document
from teikit.validator.messages import guidelines_url, readable_xpath
from teikit.validator.schematron import constants
from teikit.validator.schematron.context import Need
from teikit.validator.schematron.keys import ACTIVE, XsltRun
from teikit.validator.schematron.message import Message
from teikit.validator.schematron.rules import (
    CURRENT,
    Check,
    Compiled,
    Pattern,
    Phase,
    Rule,
    RuleSet,
)
from teikit.validator.schematron.xpath import XPATH1, Engine, LxmlEngine, attribute_name, element_of

_DYNAMIC_ERRORS = (etree.XPathError, ArithmeticError, TypeError, ValueError, LookupError,
                   RecursionError)
"""What evaluating a rule can raise (elementpath's errors derive from TypeError, ValueError
and friends; a recursive xsl:function can recurse too deep)."""


class Run:
    """One document checked against the ``patterns`` of one rule set."""

    def __init__(self, rules: RuleSet, document: Document, patterns: list[Pattern],
                 phase: Phase | None = None) -> None:
        self.rules, self.document, self.patterns, self.phase = rules, document, patterns, phase
        self.fast = LxmlEngine(document.tree)
        self._engines: dict[str, Engine] = {}
        self._scopes: dict[tuple[str, int], dict[str, Any]] = {}
        self._present: set[Need] | None = None
        self.problems: list[Diagnostic] = []
        self._nodes: dict[int, etree._Element] = {}
        """The element each problem is about, by the problem's id (kept alive here, so that
        the tree gives the same element objects back)."""
        self._positions: dict[etree._Element, int] | None = None
        self.ends: list[int] = []
        """Where each pattern's problems end in :attr:`problems` (a pattern run)."""

    def engine(self, rules: RuleSet) -> Engine:
        """The engine of one form of the rule set, made on first use (elementpath mirrors
        the whole tree, which is costly, and most documents never need it)."""
        found = self._engines.get(rules.form)
        if found is None:
            found = self._engines[rules.form] = rules.compiler.engine(self.document.tree)
        return found

    def scope(self, rules: RuleSet, pattern: Pattern | None) -> dict[str, Any]:
        """The variables a pattern's rules see, as values of ``rules``' engine."""
        key = (rules.form, -1 if pattern is None else id(pattern))
        if key not in self._scopes:
            engine = self.engine(rules)
            if pattern is None:
                outer: dict[str, Any] = {}
                lets = [*rules.variables, *(self.phase.lets if self.phase else ())]
            else:
                outer, lets = self.scope(rules, None), pattern.lets
            variables = dict(outer)
            for name, expr in rules.lets(lets):
                variables[name] = engine.value(expr, engine.root(), variables)
            self._scopes[key] = variables
        return self._scopes[key]

    def run(self) -> list[Diagnostic]:
        gathered = constants.ACTIVE.set({})  # document-wide node-sets, once per document
        try:
            return self.run_xslt()
        finally:
            constants.ACTIVE.reset(gathered)

    def run_xslt(self) -> list[Diagnostic]:
        xslt = self.rules.xslt
        if xslt is None:
            return self.run_patterns()
        for reason in xslt.ignored:
            self.problems.append(Diagnostic(self.document.filename, 0, 0, Severity.WARNING,
                                            "schematron-ignored", reason, source="schematron"))
        token = ACTIVE.set(XsltRun(xslt.keys, self.fast, lambda: self.engine(self.rules.tree),
                                   self.key_variables))
        try:
            return self.run_patterns()
        finally:
            ACTIVE.reset(token)

    def key_variables(self, native: bool) -> dict[str, Any]:
        """The schema's variables for the keys' expressions, as values of the engine that
        evaluates them (lxml takes none of elementpath's)."""
        if not native:
            return self.scope(self.rules.tree, None)
        return self.scope(self.rules, None) if self.rules.binding in XPATH1 else {}

    def run_patterns(self) -> list[Diagnostic]:
        for pattern in self.patterns:
            start = len(self.problems)
            self.run_pattern(pattern)
            if len(self.problems) - start > 1:  # in document order, as a pattern's report is
                self.problems[start:] = sorted(self.problems[start:], key=self.position)
            self.ends.append(len(self.problems))
        return self.problems

    def position(self, problem: Diagnostic) -> int:
        """Where the node a problem is about comes in the document (-1: unknown)."""
        if self._positions is None:
            self._positions = {node: index for index, node in
                               enumerate(self.document.tree.iter())}
        element = self._nodes.get(id(problem))
        return -1 if element is None else self._positions.get(element, -1)

    def run_pattern(self, pattern: Pattern) -> None:
        fired: set[tuple[Any, str | None]] = set()
        for rule in pattern.rules:
            if rule.needs is not None and not rule.needs & self.present():
                continue
            node: Any = None
            try:
                for node in self.matches(rule, pattern):
                    key = (element_of(node), attribute_name(node))
                    if key not in fired:
                        fired.add(key)
                        self.fire(rule, pattern, node)
            except _DYNAMIC_ERRORS as exc:  # a fault in the rule, not in the document
                element = element_of(node) if node is not None else None
                self.report(element, self.document.diagnostic(
                    element, Severity.ERROR, "schematron-error",
                    f"the rule for {rule.node.get('context')!r} could not be evaluated: "
                    f"{exc}", source="schematron"))

    def element(self, problem: Diagnostic) -> etree._Element | None:
        """The element ``problem`` (one of this run's) is about, if any."""
        return self._nodes.get(id(problem))

    def report(self, element: etree._Element | None, problem: Diagnostic) -> None:
        self.problems.append(problem)
        if element is not None:
            self._nodes[id(problem)] = element

    def present(self) -> set[Need]:
        """The element names and attribute names the document contains."""
        if self._present is None:
            names = self.document.names()
            self._present = {("element", ns, local) for ns, local in names.elements}
            self._present |= {("attribute", "", local) for _, local in names.attribute_names}
        return self._present

    def matches(self, rule: Rule, pattern: Pattern) -> list[Any]:
        """Matching nodes, as lxml nodes when lxml selected them, else elementpath's."""
        found = None
        if rule.select is not None:
            try:
                found = rule.select(self.document.tree)
            except etree.XPathError:
                found = None
        if isinstance(found, list):
            return found
        full = self.rules.full(rule)
        if full is None:
            return []
        engine = self.engine(self.rules)
        nodes = engine.select(full.context, engine.root(), self.scope(self.rules, pattern))
        rule.xpath1 = None  # the nodes are elementpath's: keep one engine for the rule
        return nodes

    def fire(self, rule: Rule, pattern: Pattern, node: Any) -> None:
        lxml_node = isinstance(node, etree._Element) or hasattr(node, "getparent")
        if lxml_node and attribute_name(node) is not None:
            self.apply_in(self.rules.tree, rule, pattern, node)
            return
        if rule.xpath1 is not None and lxml_node:
            reported = len(self.problems)
            try:
                self.apply(rule.xpath1, node, {}, self.fast)
                return
            except etree.XPathEvalError:  # an XPath 2 function lxml does not have
                rule.xpath1 = None
                del self.problems[reported:]  # the rule's checks all run again below
        self.apply_in(self.rules, rule, pattern, node)

    def apply_in(self, rules: RuleSet, rule: Rule, pattern: Pattern, node: Any) -> None:
        """Run ``rule`` on ``node`` in the form ``rules`` (an lxml node is wrapped for it)."""
        compiled = rules.full(rule)
        if compiled is None:
            return
        engine = self.engine(rules)
        native = isinstance(node, etree._Element) or hasattr(node, "getparent")
        self.apply(compiled, engine.wrap(node) if native else node,
                   self.scope(rules, pattern), engine)

    def apply(self, compiled: Compiled, node: Any, variables: dict[str, Any], engine: Engine
              ) -> None:
        bound = dict(variables)
        bound[CURRENT] = node
        for name, expr in compiled.lets:
            bound[name] = engine.value(expr, node, bound)
        for check in compiled.checks:
            if engine.boolean(check.test, node, bound) != check.is_assert:
                text = Message(engine, compiled.rules).text(check, node, bound)
                where = node
                if check.subject is not None:
                    found = engine.select(check.subject, node, bound)
                    where = found[0] if found else node
                self.located(check, where, text)

    def located(self, check: Check, node: Any, text: str) -> None:
        element = element_of(node)
        attribute = attribute_name(node)
        xpath = readable_xpath(element) if element is not None else None
        if xpath and attribute:
            xpath += f"/@{attribute}"
        problem = self.document.diagnostic(element, check.severity, check.code, text,
                                           xpath=xpath, source="schematron",
                                           url=guidelines_url(element))
        self.report(element, problem)
