"""Which rules of a rule set are local, read once and kept in the cache.

Reading which nodes a rule can reach (:mod:`teikit.validator.schematron.locality`)
parses its XPath with elementpath's XPath 3 parser, which costs about a third of a second
to import: on a large document checked in parts against ``tei_all``'s embedded rules, a
fifth of what the rules add to the grammar's check. So the answers for a rule set are
kept in the cache (:mod:`teikit.validator.cache`), under the hash of what they are read
from: each rule's element, the abstract rules it extends, the ``diagnostic`` s and
``property`` s its checks name, the rule set's namespaces and query binding. The next
check reads them without importing elementpath.
"""

from __future__ import annotations

import hashlib
import json
from typing import Final

from lxml import etree

from teikit.validator.cache import cached
from teikit.validator.schematron.locality import Local, rule_locality, says_locally
from teikit.validator.schematron.rules import Rule, RuleSet, sch

VERSION: Final = "1"
"""Version of the reading (:mod:`teikit.validator.schematron.locality`): part of the
cache key, raised whenever that reading changes."""

Answer = tuple[Local | None, bool | None]
"""A rule's locality (:func:`~teikit.validator.schematron.locality.rule_locality`) and,
for a local rule, what its messages read (:func:`~teikit.validator.schematron.locality.
says_locally`; None for a rule that is not local)."""


def localities(rules: RuleSet, candidates: list[Rule]) -> list[Answer]:
    """The answer for each rule of ``candidates`` (rules of ``rules``), in order."""
    sources = [_source(rule, rules) for rule in candidates]
    key = hashlib.sha256(json.dumps([sorted(rules.namespaces.items()), rules.binding,
                                     sources]).encode()).hexdigest()
    data = cached("sch-locality", [VERSION, key], lambda: json.dumps(
        [_answer(rule, rules) for rule in candidates]).encode())
    return [(None if local is None else Local(*local), says)
            for local, says in json.loads(data)]


def _answer(rule: Rule, rules: RuleSet) -> tuple[tuple[bool, bool] | None, bool | None]:
    local = rule_locality(rule, rules)
    if local is None:
        return None, None
    return (local.down, local.constant), says_locally(rule, rules)


def _source(rule: Rule, rules: RuleSet) -> list[str | None]:
    """What the answers for ``rule`` are read from, as text."""
    found: list[str | None] = [_text(rule.node)]
    for extends in rule.node.iterchildren(sch("extends")):
        found.append(_text(rules.abstract.get(extends.get("rule"))))
    for check in rule.node.iter(sch("assert"), sch("report")):
        for attribute, named in (("diagnostics", rules.diagnostics),
                                 ("properties", rules.properties)):
            found.extend(_text(named.get(ref)) for ref in (check.get(attribute) or "").split())
    return found


def _text(node: etree._Element | None) -> str | None:
    return None if node is None else etree.tostring(node, encoding="unicode")
