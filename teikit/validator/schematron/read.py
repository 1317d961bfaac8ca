"""Reading an ISO Schematron ``schema`` element into a :class:`RuleSet`.

Reuse is resolved first (``include``, ``extends href``, abstract patterns:
:mod:`teikit.validator.schematron.expand`). Then come the namespaces, the query binding, the
top-level XSLT (:mod:`teikit.validator.schematron.xslt`), ``let`` s at every level (schema,
phase, pattern, rule), ``diagnostics``, ``properties``, abstract rules, ``phase`` s (and
``defaultPhase``) and the patterns' rules, whose expressions are compiled at once for a
``.sch`` file, so that a broken schema fails before any document is read.

A rule's context is compiled for lxml when it is XPath 1.0. In an XPath 2 schema, a rule
whose expressions mean the same in XPath 1.0 also gets an lxml form (``xpath1``): lxml is
10-100x faster than elementpath, and importing elementpath alone costs a quarter of a
second.

What teikit cannot run is a :class:`ConfigError` naming it and its line, never a verdict
on a document: a ``let`` with content instead of ``value``, a pattern's ``documents``, and
the elements of later editions (``group``, ``library``, ``rules``, ``visit-each``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from lxml import etree

from teikit.diagnostics import ConfigError
from teikit.validator.lines import line_of
from teikit.validator.schematron import constants
from teikit.validator.schematron.context import context_selector, lxml_select, needs
from teikit.validator.schematron.expand import expand
from teikit.validator.schematron.fast import plans
from teikit.validator.schematron.rules import SCH, Pattern, Phase, Rule, RuleSet, sch
from teikit.validator.schematron.xpath import XPATH1, XPATH2, LxmlCompiler, compiler_for
from teikit.validator.schematron.xslt import VARIABLES, has_xslt, read_xslt

_UNSUPPORTED: Final = {
    "group": "sch:group (a pattern whose rules all fire)",
    "library": "sch:library", "rules": "sch:rules",
}


def read_rules(root: etree._Element, source: str, binding: str | None = None, *,
               lenient: bool = False) -> RuleSet:
    """The rules of a Schematron ``schema`` element.

    A rule whose XPath does not compile raises :class:`ConfigError`; with ``lenient`` it is
    skipped (when first needed) and named in ``RuleSet.skipped``.
    """
    if root.xpath("//sch:include | //sch:extends[@href] | //sch:pattern[@is-a or @abstract]",
                  namespaces={"sch": SCH}):
        root = expand(root, Path(source) if Path(source).is_file() else None)
    _refuse_unsupported(root, source)
    namespaces = {ns.get("prefix", ""): ns.get("uri", "") for ns in root.iter(sch("ns"))}
    chosen = (binding or root.get("queryBinding") or "xslt").strip().lower()
    if chosen not in XPATH1 | XPATH2:
        compiler_for(chosen, namespaces, source)  # raises ConfigError naming the binding
    xslt = read_xslt(root, source, chosen in XPATH1, namespaces) if has_xslt(root) else None
    if xslt is not None:
        namespaces = {**xslt.namespaces, **namespaces}
    rules = RuleSet(namespaces, chosen, source, lenient, xslt=xslt)
    rules.variables = list(root.iterchildren(sch("let"), *VARIABLES) if xslt is not None
                           else root.iterchildren(sch("let")))
    rules.lets(rules.variables)  # compiled now: a broken one fails at once
    rules.diagnostics = {d.get("id", ""): d for d in root.iter(sch("diagnostic"))}
    rules.properties = {p.get("id", ""): p for p in root.iter(sch("property"))}
    rules.abstract = {r.get("id"): r for r in root.iter(sch("rule")) if r.get("abstract") == "true"}
    rules.patterns = [_pattern(node, rules) for node in root.iter(sch("pattern"))]
    _phases(root, rules)
    _fast_forms(rules)
    for pattern in rules.patterns:
        for rule in pattern.rules:
            if rule.xpath1 is None and not lenient:
                rules.full(rule)
            if not lenient:
                _check_references(rule.node, rules)
    return rules


def _pattern(node: etree._Element, rules: RuleSet) -> Pattern:
    lets = list(node.iterchildren(sch("let")))
    rules.lets(lets)
    found = []
    for rule_node in node.iterchildren(sch("rule")):
        if rule_node.get("abstract") == "true":
            continue
        context = rule_node.get("context", "")
        found.append(Rule(rule_node, node.get("id", ""), needs(context, rules.namespaces), None))
    return Pattern(node.get("id", ""), lets, found)


def _phases(root: etree._Element, rules: RuleSet) -> None:
    ids = {pattern.id for pattern in rules.patterns if pattern.id}
    for node in root.iter(sch("phase")):
        active = tuple(a.get("pattern", "") for a in node.iterchildren(sch("active")))
        for name in active:
            if name not in ids:
                raise ConfigError(f"{rules.source}: line {line_of(node)}: phase "
                                  f"{node.get('id')!r} names no pattern {name!r}")
        lets = tuple(node.iterchildren(sch("let")))
        rules.lets(list(lets))
        rules.phases[node.get("id", "")] = Phase(node.get("id", ""), active, lets)
    rules.default_phase = root.get("defaultPhase")
    if rules.default_phase is not None and rules.default_phase not in {
            *rules.phases, "#ALL"}:
        raise ConfigError(f"{rules.source}: defaultPhase {rules.default_phase!r} is not a "
                          "phase of the schema")


def _refuse_unsupported(root: etree._Element, source: str) -> None:
    for node in root.iter(f"{{{SCH}}}*"):
        local = etree.QName(node).localname
        why = _UNSUPPORTED.get(local)
        if why is None and local == "let" and node.get("value") is None:
            why = f"sch:let {node.get('name')!r} with content instead of a value"
        if why is None and local == "pattern" and node.get("documents") is not None:
            why = "a pattern's documents (rules over other documents)"
        if why is None and local == "rule" and node.get("visit-each") is not None:
            why = "a rule's visit-each"
        if why is not None:
            raise ConfigError(f"{source}: line {line_of(node)}: {why} is not supported")


def _check_references(rule: etree._Element, rules: RuleSet) -> None:
    """Every ``diagnostics`` and ``properties`` reference names one that exists."""
    for node in rule.iterchildren(sch("assert"), sch("report")):
        for attribute, known in (("diagnostics", rules.diagnostics),
                                 ("properties", rules.properties)):
            for ref in (node.get(attribute) or "").split():
                if ref not in known:
                    raise ConfigError(f"{rules.source}: line {line_of(node)}: {attribute} "
                                      f"{ref!r} is not defined in the schema")


def _fast_forms(rules: RuleSet) -> None:
    """Each rule's lxml selection of its context, and its lxml form where an XPath 2
    schema's rule means the same in XPath 1.0 (:mod:`teikit.validator.schematron.fast`)."""
    every = [rule for pattern in rules.patterns for rule in pattern.rules]
    extensions = (rules.xslt.lxml_functions() if rules.xslt is not None else None) or None
    if rules.binding in XPATH1:
        for rule in every:
            rule.select = lxml_select(context_selector(rule.node.get("context", "")),
                                      rules.namespaces, extensions)
        return
    xslt = rules.xslt
    candidates = [rule for rule in every if xslt is None or not xslt.needs_xpath2(
        etree.tostring(rule.node, encoding="unicode"))]
    namespaces = {**rules.namespaces, constants.PREFIX: constants.NAMESPACE}
    extensions = {**(extensions or {}), **constants.extensions(rules.namespaces)}
    for rule, plan in zip(candidates, plans(rules, candidates), strict=True):
        if plan.context is not None:
            rule.select = lxml_select(plan.context, namespaces, extensions)
        if plan.texts is not None:
            compiler = LxmlCompiler(namespaces, "xpath1", plan.texts.__getitem__,
                                    extensions=extensions)
            try:
                rule.xpath1 = rules.form_of("xpath1", compiler).full(rule)
            except (ConfigError, KeyError):
                rule.xpath1 = None
