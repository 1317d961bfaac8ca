"""Showing that a large document breaks none of a schema's rules without holding its tree.

The tree of a document takes ten times its size in memory or more (2.4 GB for a 200 MB
TEI file), where jing needs a few hundred megabytes whatever the size. When every rule
that can fire on the document is *local* (:mod:`teikit.validator.schematron.locality`),
the document is read as a stream, and each run of GATHER complete siblings inside a wide
element (see :mod:`teikit.validator.stream`) is checked as a *part*: moved out of the
stream's tree into a small document of its own, under copies of its ancestors (names and
attributes), and every rule run there. A rule fires on a node of the part as it would in
the whole document; on the copies it may not, so what it says about them is set aside.

A rule that reads a node-set of the whole document (``x = //@xml:id``, see
:mod:`teikit.validator.schematron.locality`) is local too when that node-set is simple
(``//@name`` or ``//element/@name``): its values are gathered from the whole document
first, as the grammar is checked in parts (:class:`teikit.validator.streamids.Ledger`),
and the parts read them instead (:mod:`teikit.validator.schematron.whole`).

What is left at the end (the root, the header, elements never gathered) is checked as
one document. Its elements that lost content to the parts (*cut*) are exact only for
rules that do not read below the node they fire on: if another rule would fire on one,
the check gives up. So does it when a rule that is not local could fire (its names occur),
and when any rule reports anything at all: the usual check, on the whole tree, then
decides and says what is wrong, where, in the usual order. The answer here is only ever
"no problem", and it is given only when the whole tree would give it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast

from lxml import etree

from teikit import tei
from teikit.diagnostics import Diagnostic
from teikit.validator.document import Document
from teikit.validator.schematron.context import Need
from teikit.validator.schematron.locality import rule_locality
from teikit.validator.schematron.quick import failing_queries
from teikit.validator.schematron.rules import Pattern, Phase, Rule, RuleSet
from teikit.validator.schematron.run import Run
from teikit.validator.schematron.whole import answering, part_rule
from teikit.validator.schematron.xpath import element_of
from teikit.validator.stream import GATHER, PREFIX, REFUSED, read_stream, stream_tags
from teikit.validator.vocabulary import split_name


@dataclass(frozen=True)
class Plan:
    """How a rule set's patterns can be checked in parts."""

    rules: RuleSet
    patterns: list[Pattern]
    phase: Phase | None
    far: tuple[Rule, ...]
    """Rules that are not local: a part or the rest holding their names gives up."""
    deep: tuple[tuple[Pattern, Rule], ...]
    """Local rules that read below their node: one firing on a cut element gives up."""
    quick: dict[int, tuple[etree.XPath, ...]]
    """The queries that find what fails each local rule, by the rule's id, where it has
    them (:mod:`teikit.validator.schematron.quick`)."""
    gather: dict[str, etree.XPath]
    """The node-sets of the whole document that local rules read, by their path, each
    with the query that finds its nodes in a part (below its top element, placeholders
    aside): what the document is read for first."""
    looking_up: tuple[Rule, ...] = ()
    """The rules that read those node-sets (in their part form): a part in which one of
    them leaves libxml2 (for elementpath, which would read the part's own) gives up."""


def plan(rules: RuleSet, patterns: list[Pattern], phase: Phase | None) -> Plan | None:
    """How to check ``patterns`` in parts; None when they cannot be (top-level XSLT, or a
    rule that is not local and may fire on any document). A rule that reads node-sets of
    the whole document runs in its part form (:func:`~teikit.validator.schematron.whole.
    part_rule`)."""
    if rules.xslt is not None:
        return None
    far: list[Rule] = []
    deep: list[tuple[Pattern, Rule]] = []
    quick: dict[int, tuple[etree.XPath, ...]] = {}
    gather: dict[str, etree.XPath] = {}
    looking_up: list[Rule] = []
    in_parts: list[Pattern] = []
    for pattern in patterns:
        in_parts.append(replace(pattern, rules=[]))
        for rule in pattern.rules:
            local = rule_locality(rule, rules)
            if local is not None and local.constant:
                found = part_rule(rule, rules)
                if found is None:
                    local = None
                else:
                    rule = found[0]
                    gather.update(found[1])
                    looking_up.append(rule)
            in_parts[-1].rules.append(rule)
            if local is None:
                if rule.needs is None:
                    return None
                far.append(rule)
                continue
            if local.down:
                deep.append((in_parts[-1], rule))
            queries = failing_queries(rule, rules)
            if queries is not None:
                quick[id(rule)] = queries
    return Plan(rules, in_parts, phase, tuple(far), tuple(deep), quick, gather,
                tuple(looking_up))


def holds_in_parts(path: Path, plan: Plan,
                   gathered: Mapping[str, Sequence[str]] | None = None) -> bool:
    """True when the document at ``path`` breaks none of ``plan``'s rules, found part by
    part (see the module); False when that is not shown: the usual check then decides.
    ``gathered``: the values of the node-sets ``plan.gather`` names, in the whole
    document (needed when it names any)."""
    if plan.gather and (gathered is None or not set(plan.gather) <= set(gathered)):
        return False
    with answering(gathered or {}):
        return _holds(path, plan)


def _holds(path: Path, plan: Plan) -> bool:
    try:
        found = read_stream(path, PREFIX)
        if found is None:
            return False
        vocabulary, wide, _ = found
        seen, apart = stream_tags(vocabulary, wide)
        waiting: dict[etree._Element, list[etree._Element]] = {}
        cut: set[etree._Element] = set()
        root = None
        for _, element in tei.iterparse(path, ("end",), {*seen, *REFUSED}):
            if element.tag in REFUSED:
                return False
            waiting.pop(element, None)
            parent = element.getparent()
            if parent is None:  # read on: what follows the root is in the tree too
                root = element
            elif element.tag in apart and element not in cut:
                complete = waiting.setdefault(parent, [])
                complete.append(element)
                if len(complete) >= GATHER:
                    if not _part_holds(complete, plan):
                        return False
                    complete.clear()
                    cut.update(parent.iterancestors())
                    cut.add(parent)
        return root is not None and _rest_holds(root.getroottree(), plan, cut)
    except (etree.XMLSyntaxError, OSError, ValueError):
        return False  # the usual reading says what is wrong


def _part_holds(members: list[etree._Element], plan: Plan) -> bool:
    """Whether sibling ``members`` break no rule, moved under copies of their ancestors."""
    parent = members[0].getparent()
    assert parent is not None
    copies: list[etree._Element] = []
    for original in reversed([parent, *parent.iterancestors()]):
        attributes = {str(name): str(value) for name, value in original.items()}
        copy = etree.Element(original.tag, attributes,  # None: the default namespace
                             nsmap=cast("dict[str, str]", original.nsmap))
        if copies:
            copies[-1].append(copy)
        copies.append(copy)
    for member in members:
        copies[-1].append(member)  # out of the stream's tree
    run = _run(etree.ElementTree(copies[0]), plan)
    if run is None:
        return False
    shadows = set(copies)
    return _quickly_holds(run, plan, shadows) or all(
        run.element(problem) in shadows for problem in run.run())


def _quickly_holds(run: Run, plan: Plan, shadows: set[etree._Element]) -> bool:
    """True when each rule that may fire has its queries and they find nothing but copies
    of ancestors; False when that is not shown (the rules are then run one by one)."""
    present = run.present()
    for pattern in plan.patterns:
        for rule in pattern.rules:
            if rule.needs is not None and not rule.needs & present:
                continue
            queries = plan.quick.get(id(rule))
            if queries is None:
                return False
            for query in queries:
                try:
                    found = query(run.document.tree)
                except (etree.XPathError, LookupError):  # LookupError: whole.Unknown
                    return False
                if not isinstance(found, list) or any(node not in shadows for node in found):
                    return False
    return True


def _rest_holds(tree: etree._ElementTree, plan: Plan, cut: set[etree._Element]) -> bool:
    """Whether what the parts left breaks no rule, none that reads below its node firing
    on a cut element."""
    run = _run(tree, plan)
    if run is None or run.run():
        return False
    present = run.present()
    for pattern, rule in plan.deep:
        if (rule.needs is None or rule.needs & present) and any(
                element_of(node) in cut for node in run.matches(rule, pattern)):
            return False
    return True


def _run(tree: etree._ElementTree, plan: Plan) -> Run | None:
    """A run of the plan's patterns on ``tree``; None when a rule that is not local may
    fire there."""
    run = _PartRun(plan.rules, Document(tree, "<part>", None), plan.patterns, plan.phase)
    run.looking_up = plan.looking_up
    present = run.present()
    if any(rule.needs is not None and rule.needs & present for rule in plan.far):
        return None
    return run


class _Unanswered(ValueError):
    """A part in which a rule may not have given the whole document's answer."""


class _PartRun(Run):
    """A run that gathers only the names of the elements and attributes of its tree, not
    their nesting (one pass over the elements, in which libxml2 finds the names), and
    answers the lookups of node-sets of the whole document from those gathered before."""

    looking_up: tuple[Rule, ...] = ()

    def run(self) -> list[Diagnostic]:
        found = self.run_xslt()  # the node-sets: those of holds_in_parts's answering()
        if any(rule.xpath1 is None for rule in self.looking_up) or any(
                problem.code == "schematron-error" for problem in found):
            raise _Unanswered  # a rule read the part's node-sets, or could not run
        return found

    def present(self) -> set[Need]:
        if self._present is None:
            tags: set[object] = set()
            keys: set[str | bytes] = set()
            for element in self.document.tree.iter():
                tags.add(element.tag)
                found = element.keys()
                if found:
                    keys.update(found)
            self._present = {("element", *split_name(tag)) for tag in tags
                             if isinstance(tag, str)}
            self._present |= {("attribute", "", split_name(str(key))[1]) for key in keys}
        return self._present
