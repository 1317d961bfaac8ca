"""Reading an ISO Schematron schema into rules whose XPath is compiled once.

Every rule is compiled for lxml (XPath 1.0, libxml2) when all of its expressions are
XPath 1.0: evaluating there is 10-100x faster than with elementpath, and importing
elementpath alone costs a quarter of a second. Rules that need XPath 2/3 are compiled with
elementpath when first needed (at once for a ``.sch`` file, so that a broken schema fails
before any document is read).

A schema's top-level XSLT (:mod:`teikit.validate.schematron.xslt`) adds ``key()`` to both engines
and its ``xsl:function`` s to elementpath's; a rule that calls a function lxml lacks is
compiled for elementpath only. Its ``xsl:variable`` s join the schema's ``let`` s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from lxml import etree

from teikit import tei
from teikit.diagnostics import ConfigError, Severity
from teikit.validate.schematron.context import Need, as_xpath1, context_selector, lxml_select, needs
from teikit.validate.schematron.expand import expand
from teikit.validate.schematron.xpath import XPATH1, XPATH2, Compiler, LxmlCompiler, compiler_for
from teikit.validate.schematron.xslt import VARIABLES, Xslt, has_xslt, read_xslt

SCH: Final = tei.SCH_NS
CURRENT: Final = "teikit-current"
"""XSLT's ``current()`` (the rule's context node) is rewritten to this variable."""
_CURRENT: Final = re.compile(r"(?<![\w:.-])current\(\s*\)")
_SEVERITY: Final = {"warning": Severity.WARNING, "warn": Severity.WARNING,
                    "nonfatal": Severity.WARNING, "info": Severity.INFO,
                    "information": Severity.INFO}
def sch(local: str) -> str:
    """Clark name of a Schematron element."""
    return f"{{{SCH}}}{local}"


@dataclass
class Check:
    is_assert: bool
    test: Any
    message: etree._Element
    severity: Severity
    code: str


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
    full: Compiled | None = None
    broken: bool = False


@dataclass
class RuleSet:
    namespaces: dict[str, str]
    binding: str
    source: str
    lenient: bool = False
    lets: list[tuple[str, Any]] = field(default_factory=list)
    patterns: list[list[Rule]] = field(default_factory=list)
    diagnostics: dict[str, etree._Element] = field(default_factory=dict)
    abstract: dict[str | None, etree._Element] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    xslt: Xslt | None = None
    """The schema's top-level XSLT (keys, functions), when it has any."""
    _compiler: Compiler | None = None
    _compiled: dict[str, Any] = field(default_factory=dict)

    @property
    def compiler(self) -> Compiler:
        if self._compiler is None:
            self._compiler = compiler_for(self.binding, self.namespaces, self.source,
                                          self.xslt)
        return self._compiler

    def expr(self, text: str, where: str) -> Any:
        if text not in self._compiled:
            self._compiled[text] = self.compiler.compile(_CURRENT.sub(f"${CURRENT}", text), where)
        return self._compiled[text]

    def full(self, rule: Rule) -> Compiled | None:
        """``rule`` compiled for the schema's own query binding (None if it cannot be)."""
        if rule.full is None and not rule.broken:
            try:
                rule.full = compile_rule(rule.node, rule.pattern_id, self)
            except ConfigError as exc:
                if not self.lenient:
                    raise
                rule.broken = True
                self.skipped.append(str(exc))
        return rule.full


def _lets(parent: etree._Element, rules: RuleSet) -> list[tuple[str, Any]]:
    return [(let.get("name", ""), rules.expr(let.get("value", "."), f"let ${let.get('name')}"))
            for let in parent.iterchildren(sch("let"))]


def _global_lets(root: etree._Element, rules: RuleSet) -> list[tuple[str, Any]]:
    """The schema's ``let`` and top-level ``xsl:variable``/``xsl:param``, in order."""
    if rules.xslt is None:
        return _lets(root, rules)
    return [(node.get("name", ""), rules.expr(
        node.get("value", ".") if node.tag == sch("let") else node.get("select", "''"),
        f"variable ${node.get('name')}")) for node in root.iterchildren(sch("let"), *VARIABLES)]


def _checks(rule: etree._Element, rules: RuleSet, pattern_id: str) -> list[Check]:
    checks = []
    for node in rule.iterchildren(sch("assert"), sch("report")):
        role = (node.get("role") or node.get("flag") or "").strip().lower()
        checks.append(Check(
            node.tag == sch("assert"), rules.expr(node.get("test", "true()"), "test"), node,
            _SEVERITY.get(role, Severity.ERROR),
            node.get("id") or rule.get("id") or pattern_id or "schematron",
        ))
        for value_of in node.iter(sch("value-of")):
            rules.expr(value_of.get("select", "."), "value-of")
    return checks


def compile_rule(rule: etree._Element, pattern_id: str, rules: RuleSet) -> Compiled:
    """Compile a rule (with the abstract rules it extends) with ``rules``' compiler."""
    checks = _checks(rule, rules, pattern_id)
    lets = _lets(rule, rules)
    for extends in rule.iterchildren(sch("extends")):
        base = rules.abstract.get(extends.get("rule"))
        if base is None:
            raise ConfigError(f"{rules.source}: abstract rule {extends.get('rule')} not found")
        checks += _checks(base, rules, pattern_id)
        lets += _lets(base, rules)
    context = rule.get("context", "")
    return Compiled(rules, rules.expr(context_selector(context), f"context {context}"),
                    lets, checks)


def _as_xpath1(rule: Rule, rules: RuleSet) -> Compiled | None:
    if rules.binding in XPATH1:
        return None
    text = etree.tostring(rule.node, encoding="unicode")
    if any(f"${name}" in text for name, _ in rules.lets):
        return None  # uses a schema-level variable, evaluated by the other engine
    if rules.xslt is not None and rules.xslt.needs_xpath2(text):
        return None
    extensions = rules.xslt.lxml_functions() if rules.xslt is not None else None
    compiler = LxmlCompiler(rules.namespaces, "xpath1", as_xpath1, extensions=extensions or None)
    xpath1 = RuleSet(rules.namespaces, "xslt", rules.source, diagnostics=rules.diagnostics,
                     abstract=rules.abstract, _compiler=compiler)
    try:
        return compile_rule(rule.node, rule.pattern_id, xpath1)
    except ConfigError:
        return None


def _select(context: str, rules: RuleSet) -> etree.XPath | None:
    if rules.xslt is None:
        return lxml_select(context_selector(context), rules.namespaces)
    if rules.xslt.needs_xpath2(context):
        return None
    return lxml_select(context_selector(context), rules.namespaces,
                       rules.xslt.lxml_functions() or None)


def read_rules(root: etree._Element, source: str, binding: str | None = None, *,
               lenient: bool = False) -> RuleSet:
    """The rules of a Schematron ``schema`` element.

    A rule whose XPath does not compile raises :class:`ConfigError`; with ``lenient`` it is
    skipped (when first needed) and named in ``RuleSet.skipped``.
    """
    if root.xpath("//sch:include | //sch:extends[@href] | //sch:pattern[@is-a or @abstract]",
                  namespaces={"sch": SCH}):
        root = expand(root, Path(source) if Path(source).is_file() else None)
    namespaces = {ns.get("prefix", ""): ns.get("uri", "") for ns in root.iter(sch("ns"))}
    chosen = (binding or root.get("queryBinding") or "xslt").strip().lower()
    if chosen not in XPATH1 | XPATH2:
        compiler_for(chosen, namespaces, source)  # raises ConfigError naming the binding
    xslt = read_xslt(root, source, chosen in XPATH1, namespaces) if has_xslt(root) else None
    if xslt is not None:
        namespaces = {**xslt.namespaces, **namespaces}
    rules = RuleSet(namespaces, chosen, source, lenient, xslt=xslt)
    rules.lets = _global_lets(root, rules)
    rules.diagnostics = {d.get("id", ""): d for d in root.iter(sch("diagnostic"))}
    rules.abstract = {r.get("id"): r for r in root.iter(sch("rule")) if r.get("abstract") == "true"}
    for pattern in root.iter(sch("pattern")):
        found = []
        for node in pattern.iterchildren(sch("rule")):
            if node.get("abstract") == "true":
                continue
            context = node.get("context", "")
            rule = Rule(node, pattern.get("id", ""), needs(context, namespaces),
                        _select(context, rules))
            rule.xpath1 = _as_xpath1(rule, rules)
            if rule.xpath1 is None and not lenient:
                rules.full(rule)
            found.append(rule)
        rules.patterns.append(found)
    return rules
