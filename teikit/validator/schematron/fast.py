"""Which rules of an XPath 2 schema run in libxml2, and their XPath 1.0 text.

A rule runs there when every expression it evaluates (its ``let`` s, context, tests,
subjects and the ``value-of`` and ``name`` of its messages) is provably the same in XPath
1.0 (:mod:`teikit.validator.schematron.xpath1`); its context alone may still be selected
by libxml2 when the rest is not. Deciding needs elementpath's parser, which costs a quarter
of a second to import, so the answers for a schema are kept in the cache, under the hash of
the questions: the next run reads them without importing elementpath.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Final

from teikit.validator.cache import cached
from teikit.validator.schematron.context import context_selector
from teikit.validator.schematron.rules import CURRENT, Rule, RuleSet, sch, substituted

VERSION: Final = "2"
"""Version of the translation: part of the cache key."""


@dataclass(frozen=True)
class Plan:
    """The XPath 1.0 text of a rule's context, and of every expression of the rule (None
    where it might mean something else)."""

    context: str | None
    texts: dict[str, str] | None


def plans(rules: RuleSet, candidates: list[Rule]) -> list[Plan]:
    """The plan of each rule in ``candidates`` (a rule of an XPath 2 schema)."""
    questions = [_questions(rule, rules) for rule in candidates]
    key = hashlib.sha256(json.dumps([sorted(rules.namespaces.items()), rules.binding,
                                     _keys(rules), questions]).encode()).hexdigest()
    answers = json.loads(cached("sch-xpath1", [VERSION, key],
                                lambda: json.dumps(_answer(rules, questions)).encode()))
    return [Plan(context, None if texts is None else dict(texts))
            for context, texts in answers]


def _keys(rules: RuleSet) -> bool:
    """``key()`` runs the same way in both engines (its keys have lxml forms)."""
    return rules.xslt is not None and bool(rules.xslt.lxml_functions())


Question = tuple[str, list[tuple[str, str]]]
"""A rule's context selector, and its expressions in order: ``("let:name", text)`` for a
variable, ``("test", text)`` for a test (only its truth value counts), ``("", text)`` for
the others."""


def _questions(rule: Rule, rules: RuleSet) -> Question:
    items: list[tuple[str, str]] = []
    bases = [rules.abstract.get(e.get("rule")) for e in rule.node.iterchildren(sch("extends"))]
    for node in (rule.node, *(b for b in bases if b is not None)):
        items += [(f"let:{let.get('name')}", substituted(let.get("value", ".")))
                  for let in node.iterchildren(sch("let"))]
    for node in (rule.node, *(b for b in bases if b is not None)):
        for check in node.iterchildren(sch("assert"), sch("report")):
            items.append(("test", substituted(check.get("test", "true()"))))
            subject = check.get("subject") or node.get("subject")
            if subject:
                items.append(("", substituted(subject)))
            for part in check.iter(sch("value-of"), sch("name")):
                expression = part.get("select") or part.get("path")
                if expression is not None or part.tag == sch("value-of"):
                    items.append(("", substituted(expression or ".")))
    diagnostics = [rules.diagnostics.get(ref) for check in rule.node.iter(sch("assert"),
                   sch("report")) for ref in (check.get("diagnostics") or "").split()]
    properties = [rules.properties.get(ref) for check in rule.node.iter(sch("assert"),
                  sch("report")) for ref in (check.get("properties") or "").split()]
    for extra in (*diagnostics, *properties):
        for part in extra.iter(sch("value-of"), sch("name")) if extra is not None else ():
            expression = part.get("select") or part.get("path")
            if expression is not None or part.tag == sch("value-of"):
                items.append(("", substituted(expression or ".")))
    return substituted(context_selector(rule.node.get("context", ""))), items


def _answer(rules: RuleSet, questions: list[Question]) -> list[tuple[str | None,
                                                                     list[list[str]] | None]]:
    from elementpath import ElementPathError

    from teikit.validator.schematron.xpath1 import NODE, TRUTH, translate

    parser = rules.compiler.parser  # type: ignore[attr-defined]
    keys = _keys(rules)

    def ask(text: str, variables: dict[str, str]) -> tuple[str, str] | None:
        try:
            return translate(parser.parse(text), variables, key=keys)
        except ElementPathError:  # not XPath 2 at all: the full compilation will say so
            return None

    found: list[tuple[str | None, list[list[str]] | None]] = []
    for context, items in questions:
        selected = ask(context, {}) if "$" not in context else None
        variables = {CURRENT: NODE}
        texts: list[list[str]] | None = []
        for kind, text in items:
            answer = ask(text, variables)
            if answer is None or (answer[1] == TRUTH and kind != "test"):
                texts = None
                break
            if kind.startswith("let:"):
                variables[kind[4:]] = answer[1]
            texts.append([text, answer[0]])  # type: ignore[union-attr]
        if texts is not None and selected is not None:
            texts.append([context, selected[0]])
        elif selected is None:
            texts = None
        found.append((selected[0] if selected else None, texts))
    return found

