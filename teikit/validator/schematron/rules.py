"""A Schematron schema as rules whose XPath is compiled once per engine that runs it.

A :class:`RuleSet` holds the patterns (each with its ``let`` s and rules), the phases, the
schema-level variables, ``diagnostic`` s and ``property`` s. Expressions are compiled on
first need by the rule set's compiler and kept. One schema can have up to three compiled
forms of a rule:

- ``main``: the schema's own query binding (lxml for ``xslt``, elementpath for
  ``xslt2``/``xslt3``);
- ``xpath1``: a rule of an XPath 2 schema that means the same in XPath 1.0, for lxml, which
  is 10-100x faster (:mod:`teikit.validator.schematron.read` decides which);
- ``tree``: the rule on elementpath's tree, for nodes lxml cannot take as a context
  (attributes, when a rule's context selects them); for an XPath 2 schema it is ``main``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Final

from lxml import etree

from teikit import tei
from teikit.diagnostics import ConfigError, Severity
from teikit.validator.schematron.context import Need, context_selector
from teikit.validator.schematron.xpath import XPATH2, Compiler, ElementPathCompiler, compiler_for
from teikit.validator.schematron.xslt import Xslt

SCH: Final = tei.SCH_NS
CURRENT: Final = "teikit-current"
"""XSLT's ``current()`` (the rule's context node) is rewritten to this variable."""
_CURRENT: Final = re.compile(r"(?<![\w:.-])current\(\s*\)")
SEVERITY: Final = {"warning": Severity.WARNING, "warn": Severity.WARNING,
                   "nonfatal": Severity.WARNING, "caution": Severity.WARNING,
                   "info": Severity.INFO, "information": Severity.INFO,
                   "informational": Severity.INFO, "error": Severity.ERROR,
                   "fatal": Severity.ERROR}
"""Severities by ``role`` (else by ``flag``) of an assert or report; others are errors."""


def substituted(text: str) -> str:
    """An expression with XSLT's ``current()`` as the variable :data:`CURRENT`."""
    return _CURRENT.sub(f"${CURRENT}", text)


def sch(local: str) -> str:
    """Clark name of a Schematron element."""
    return f"{{{SCH}}}{local}"


@dataclass
class Check:
    """An ``assert`` or ``report`` with its test compiled."""

    is_assert: bool
    test: Any
    message: etree._Element
    severity: Severity
    code: str
    subject: Any | None = None
    """Where to report it when not at the rule's context node (``subject``)."""


@dataclass
class Compiled:
    """A rule's expressions compiled by one engine."""

    rules: RuleSet
    context: Any
    lets: list[tuple[str, Any]]
    checks: list[Check]


@dataclass
class Rule:
    node: etree._Element
    pattern_id: str
    needs: frozenset[Need] | None
    """One of these must be in the document for the context to match (None: unknown)."""
    select: etree.XPath | None
    """The context as an lxml selection when it parses as XPath 1.0."""
    xpath1: Compiled | None = None
    compiled: dict[str, Compiled | None] = field(default_factory=dict)
    """The rule compiled by each form of the rule set (None: it cannot be)."""


@dataclass
class Pattern:
    id: str
    lets: list[etree._Element]
    """Its ``let`` s: evaluated at the document's root, seen by its rules."""
    rules: list[Rule]


@dataclass(frozen=True)
class Phase:
    id: str
    active: tuple[str, ...]
    """The ids of the patterns it runs."""
    lets: tuple[etree._Element, ...] = ()


@dataclass
class RuleSet:
    namespaces: dict[str, str]
    binding: str
    source: str
    lenient: bool = False
    form: str = "main"
    """``main``, ``xpath1`` or ``tree`` (see the module's docstring)."""
    variables: list[etree._Element] = field(default_factory=list)
    """The schema's ``let`` s and top-level ``xsl:variable`` s, in order."""
    patterns: list[Pattern] = field(default_factory=list)
    phases: dict[str, Phase] = field(default_factory=dict)
    default_phase: str | None = None
    diagnostics: dict[str, etree._Element] = field(default_factory=dict)
    properties: dict[str, etree._Element] = field(default_factory=dict)
    abstract: dict[str | None, etree._Element] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    xslt: Xslt | None = None
    """The schema's top-level XSLT (keys, functions), when it has any."""
    _compiler: Compiler | None = None
    _compiled: dict[str, Any] = field(default_factory=dict)
    _tree: RuleSet | None = None

    @property
    def compiler(self) -> Compiler:
        if self._compiler is None:
            self._compiler = compiler_for(self.binding, self.namespaces, self.source,
                                          self.xslt)
        return self._compiler

    def form_of(self, form: str, compiler: Compiler) -> RuleSet:
        """The same schema compiled by ``compiler`` (its own cache of expressions)."""
        return replace(self, form=form, skipped=[], _compiler=compiler, _compiled={},
                       _tree=None)

    @property
    def tree(self) -> RuleSet:
        """The form that runs on elementpath's tree (``self`` for an XPath 2 schema)."""
        if self.binding in XPATH2:
            return self
        if self._tree is None:
            self._tree = self.form_of("tree", ElementPathCompiler(
                self.namespaces, self.source, "xpath1", self.xslt))
        return self._tree

    def expr(self, text: str, where: str) -> Any:
        if text not in self._compiled:
            self._compiled[text] = self.compiler.compile(substituted(text), where)
        return self._compiled[text]

    def lets(self, nodes: list[etree._Element] | tuple[etree._Element, ...]
             ) -> list[tuple[str, Any]]:
        """``let`` (and top-level ``xsl:variable``) elements as (name, compiled value)."""
        return [(node.get("name", ""), self.expr(
            node.get("value", ".") if node.tag == sch("let") else node.get("select", "''"),
            f"variable ${node.get('name')}")) for node in nodes]

    def full(self, rule: Rule) -> Compiled | None:
        """``rule`` compiled in this form (None when it cannot be and the rule set is
        lenient, as for the rules embedded in a grammar: they are then skipped)."""
        if self.form not in rule.compiled:
            try:
                rule.compiled[self.form] = compile_rule(rule.node, rule.pattern_id, self)
            except ConfigError as exc:
                if not self.lenient:
                    raise
                rule.compiled[self.form] = None
                self.skipped.append(str(exc))
        return rule.compiled[self.form]


def _checks(rule: etree._Element, rules: RuleSet, pattern_id: str) -> list[Check]:
    checks = []
    for node in rule.iterchildren(sch("assert"), sch("report")):
        role = (node.get("role") or rule.get("role") or node.get("flag") or "").strip().lower()
        subject = node.get("subject") or rule.get("subject")
        checks.append(Check(
            node.tag == sch("assert"), rules.expr(node.get("test", "true()"), "test"), node,
            SEVERITY.get(role, Severity.ERROR),
            node.get("id") or rule.get("id") or pattern_id or "schematron",
            rules.expr(subject, "subject") if subject else None,
        ))
        for part in node.iter(sch("value-of"), sch("name")):
            expression = part.get("select") or part.get("path")
            if expression is not None:
                rules.expr(expression, etree.QName(part).localname)
    return checks


def compile_rule(rule: etree._Element, pattern_id: str, rules: RuleSet) -> Compiled:
    """Compile a rule (with the abstract rules it extends) with ``rules``' compiler."""
    checks = _checks(rule, rules, pattern_id)
    lets = rules.lets(list(rule.iterchildren(sch("let"))))
    for extends in rule.iterchildren(sch("extends")):
        base = rules.abstract.get(extends.get("rule"))
        if base is None:
            raise ConfigError(f"{rules.source}: abstract rule {extends.get('rule')} not found")
        checks += _checks(base, rules, pattern_id)
        lets += rules.lets(list(base.iterchildren(sch("let"))))
    context = rule.get("context", "")
    return Compiled(rules, rules.expr(context_selector(context), f"context {context}"),
                    lets, checks)

