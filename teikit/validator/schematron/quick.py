"""A rule as one query per part: the nodes that fail it.

Checking a part (:mod:`teikit.validator.schematron.parts`) only asks whether anything
fails there. For a rule with an lxml form, no ``let`` and no variable, each ``assert``
becomes ``(context)[not(test)]`` and each ``report`` ``(context)[boolean(test)]`` (node-sets
of the whole document, ``teikit:member`` and ``teikit:nodes``, included): libxml2
then visits the part once per check, where running the rule visits each node it fires on
from Python. A node such a query finds may still pass (another rule of its pattern may be
the one that handles it): the part is then checked the usual way, which decides.
"""

from __future__ import annotations

import re
from typing import Final

from lxml import etree

from teikit.validator.schematron.constants import NAMESPACE, PREFIX
from teikit.validator.schematron.rules import Rule, RuleSet
from teikit.validator.schematron.whole import part_extensions
from teikit.validator.schematron.xpath import XPATH1

_OWN: Final = (f"{PREFIX}:member(", f"{PREFIX}:nodes(")
"""teikit's functions a query may call (node-sets of the whole document)."""
_BEARING: Final = re.compile(r"//([\w.-]+:(?:\*|[\w.-]+)|[\w.-]+)\[@([\w.-]+(?::[\w.-]+)?)\]")
"""A context ``//name[@attribute]`` (``tei:*[@subtype]``, six more in ``tei_all``)."""


def selecting(context: str) -> str:
    """``context`` as libxml2 selects it faster: ``//name[@attribute]`` as the parents of
    the attributes, ``//@attribute/parent::name`` (the same elements; it tests each
    element's attributes without evaluating a predicate on each element: a fifth of the
    time on a part of a TEI file), any other as it is."""
    found = _BEARING.fullmatch(context.strip())
    return context if found is None else f"//@{found[2]}/parent::{found[1]}"


def failing_queries(rule: Rule, rules: RuleSet) -> tuple[etree.XPath, ...] | None:
    """The queries that find the nodes failing ``rule``'s checks; None when the rule has
    none (no lxml form, a ``let``, a variable, or a function of teikit's own other than
    ``teikit:member`` and ``teikit:nodes``)."""
    compiled = rule.xpath1 if rules.binding not in XPATH1 else rules.full(rule)
    if rule.select is None or compiled is None or compiled.lets:
        return None
    context = str(rule.select.path)
    tests = [(check.is_assert, getattr(check.test, "path", None)) for check in compiled.checks]
    texts = [context, *(str(test) for _, test in tests)]
    if any(test is None for _, test in tests) or any(
            "$" in t or f"{PREFIX}:" in t.replace(_OWN[0], "").replace(_OWN[1], "")
            for t in texts):
        return None
    namespaces = {k: v for k, v in rules.namespaces.items() if k != "xml"}
    try:
        return tuple(etree.XPath(f"({selecting(context)})"
                                 f"[{'not' if is_assert else 'boolean'}({test})]",
                                 namespaces={**namespaces, PREFIX: NAMESPACE},
                                 extensions=part_extensions(namespaces))
                     for is_assert, test in tests)
    except etree.XPathError:
        return None
