"""Checking a large document against a schema's rules without holding its tree.

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
rules that do not read below the node they fire on (in their tests or their messages):
if another rule would fire on one, the check gives up. So does it when a rule that is
not local could fire (its names occur): the usual check, on the whole tree, then
decides, and says what is wrong. The check of the whole tree is kept, too, for a
problem a part cannot word or place as the whole tree does: a rule whose message reads
what the part does not hold (:func:`~teikit.validator.schematron.locality.says_locally`),
a column on a line the part shares with what it does not hold
(:mod:`teikit.validator.schematron.located`).

Otherwise every problem found is reported as the whole tree reports it: its message
from the part, its line from the file, its XPath and column those of the whole tree
(:mod:`teikit.validator.schematron.located`), pattern by pattern in document order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

from lxml import etree

from teikit import tei
from teikit.diagnostics import Diagnostic
from teikit.validator.document import Document
from teikit.validator.lines import assigned, line_of
from teikit.validator.recover.endtags import end_line
from teikit.validator.schematron.context import Need
from teikit.validator.schematron.localities import localities
from teikit.validator.schematron.located import Lines, Places, column
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
    mute: frozenset[int] = frozenset()
    """The ids of the local rules whose messages a part may not word as the whole tree
    does: one that reports gives up."""


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
    mute: set[int] = set()
    in_parts: list[Pattern] = []
    answers = iter(localities(rules, [rule for pattern in patterns for rule in pattern.rules]))
    for pattern in patterns:
        in_parts.append(replace(pattern, rules=[]))
        for rule in pattern.rules:
            local, says = next(answers)
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
            if says is None:
                mute.add(id(rule))
            if local.down or says:
                deep.append((in_parts[-1], rule))
            queries = failing_queries(rule, rules)
            if queries is not None:
                quick[id(rule)] = queries
    return Plan(rules, in_parts, phase, tuple(far), tuple(deep), quick, gather,
                tuple(looking_up), frozenset(mute))



def holds_in_parts(path: Path, plan: Plan,
                   gathered: Mapping[str, Sequence[str]] | None = None) -> bool:
    """True when the document at ``path`` breaks none of ``plan``'s rules, found part by
    part (see the module); False when that is not shown: the usual check then decides.
    ``gathered``: the values of the node-sets ``plan.gather`` names, in the whole
    document (needed when it names any)."""
    return findings_in_parts(path, plan, gathered) == []


def findings_in_parts(path: Path, plan: Plan,
                      gathered: Mapping[str, Sequence[str]] | None = None,
                      filename: str | None = None) -> list[Diagnostic] | None:
    """Every problem the document at ``path`` has against ``plan``'s rules, as the check
    of its whole tree reports them, found part by part (see the module); None when the
    whole tree must decide. ``gathered``: as :func:`holds_in_parts` takes it;
    ``filename``: the document's name in the report (by default ``path``)."""
    if plan.gather and (gathered is None or not set(plan.gather) <= set(gathered)):
        return None
    with answering(gathered or {}):
        return Finder(path, plan, filename or str(path)).find()


Found = tuple[int, int, int, int, Diagnostic]
"""A problem and where it is reported: its pattern, line, part (in the order of the
parts) and place in that part."""


class Finder:
    """One reading of a document in parts, and the problems found: its own reading
    (:meth:`find`), or the grammar's, part by part (:meth:`part`, then :meth:`rest`:
    :mod:`teikit.validator.schematron.alongside`)."""

    def __init__(self, path: Path, plan: Plan, filename: str) -> None:
        self.path, self.plan, self.filename = path, plan, filename
        self.places = Places()
        self.lines = Lines(path)
        self.found: list[Found] = []
        self.later: list[tuple[int, etree._Element]] = []
        """The problems whose column is counted at the end, and on which element."""
        self.parts = 0
        self.cut: set[etree._Element] = set()
        """The elements that lost content to the parts."""
        self.firing: dict[frozenset[Need], tuple[etree.XPath, ...] | None] = {}
        """The queries to run where a set of names is present (:meth:`_firing`)."""

    def _firing(self, present: set[Need]) -> tuple[etree.XPath, ...] | None:
        """:func:`_firing` for the names ``present``, worked out once for each set of them
        (a run read with the grammar takes the same names as the runs before it)."""
        key = frozenset(present)
        if key not in self.firing:
            self.firing[key] = _firing(self.plan, key)
        return self.firing[key]

    def report(self) -> list[Diagnostic]:
        """The problems found, in the order of the whole tree's report."""
        return [problem for *_, problem in sorted(self.found, key=lambda f: f[:4])]

    def find(self) -> list[Diagnostic] | None:
        try:
            root = self._read()
            if root is None or not self.rest(root.getroottree()):
                return None
        except (etree.XMLSyntaxError, OSError, ValueError):
            return None  # the usual reading says what is wrong
        finally:
            self.lines.close()
        return self.report()

    def _read(self) -> etree._Element | None:
        """The root once the parts are checked (None: a part gave up)."""
        found = read_stream(self.path, PREFIX)
        if found is None:
            return None
        vocabulary, wide, _ = found
        seen, apart = stream_tags(vocabulary, wide)
        waiting: dict[etree._Element, list[etree._Element]] = {}
        root = None
        for _, element in tei.iterparse(self.path, ("end",), {*seen, *REFUSED}):
            if element.tag in REFUSED:
                return None
            waiting.pop(element, None)
            parent = element.getparent()
            if parent is None:  # read on: what follows the root is in the tree too
                root = element
            elif element.tag in apart and element not in self.cut:
                complete = waiting.setdefault(parent, [])
                complete.append(element)
                if len(complete) >= GATHER:
                    if not self.part(complete)[1]:
                        return None
                    complete.clear()
        return root

    def part(self, members: list[etree._Element],
             within: frozenset[Need] | None = None) -> tuple[etree._Element, bool]:
        """Check sibling ``members`` (none of them :attr:`cut`), moved out of the tree
        under copies of their ancestors: the copy of their parent that holds them, and
        False when a problem found cannot be reported as the whole tree reports it.
        ``within``: names that every name in ``members`` is among, if known (see
        :func:`_run`)."""
        parent = members[0].getparent()
        assert parent is not None
        self.cut.update(parent.iterancestors())
        self.cut.add(parent)
        first, last = line_of(members[0]), end_line(members[-1], _nowhere)
        positions = self.places.moving(members)
        self.places.parents = dict.fromkeys(members, parent)
        stand_ins = self.places.stand_in(members, first, last)
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
        run = _run(etree.ElementTree(copies[0]), self.plan, self.filename,
                   None if within is None else within | _names(copies))
        if run is None:
            return copies[-1], False
        shadows = set(copies)
        try:
            self.lines.keep_from(first)
            kept = _quickly_holds(run, self._firing(run.present()), shadows) or self._keep(
                run, shadows, positions, stand_ins)
        except (OSError, ValueError):  # _Unanswered; the lines: the usual reading says
            return copies[-1], False
        self.parts += 1
        return copies[-1], kept

    def _keep(self, run: _PartRun, shadows: set[etree._Element],
              positions: dict[etree._Element, int] | None,
              stand_ins: dict[etree._Element, etree._Element]) -> bool:
        """Keep the problems ``run`` finds (those on ``shadows`` aside), placed in the
        whole document (a column on a line the part shares is counted at the end, on the
        node's stand-in); False when one cannot be."""
        problems = run.run()
        pattern = 0
        for index, problem in enumerate(problems):
            while run.ends[pattern] <= index:
                pattern += 1
            element = run.element(problem)
            if element is not None and element in shadows:
                continue
            if element is None or element in run.unsure:
                return False
            xpath = self.places.xpath(element, positions)
            step = (problem.xpath or "").rsplit("/", 1)[-1]
            if step.startswith("@"):
                xpath += f"/{step}"
            counted = stand_ins.get(element)
            if counted is None and positions is not None:  # a line the part holds whole
                problem = replace(problem, column=column(
                    element, self.lines(line_of(element))))
            self.found.append((pattern, problem.line, self.parts, run.position(problem),
                               replace(problem, xpath=xpath)))
            if counted is not None or positions is None:
                self.later.append((len(self.found) - 1,
                                   element if counted is None else counted))
        return True

    def rest(self, tree: etree._ElementTree) -> bool:
        """Keep the problems of what the parts left; False when one cannot be reported
        as the whole tree reports it, or a rule that reads below its node fires on a
        cut element."""
        run = _run(tree, self.plan, self.filename)
        if run is None:
            return False
        present = run.present()
        for pattern, rule in self.plan.deep:
            if (rule.needs is None or rule.needs & present) and any(
                    element_of(node) in self.cut for node in run.matches(rule, pattern)):
                return False
        self.parts += 1
        if not self._keep(run, self.places.held, None, {}):
            return False
        # a line shared by parts and the rest: in the rest's order (the stand-ins stand
        # where their parts stood), columns counted among all the line's nodes
        order = {node: index for index, node in enumerate(tree.iter())}
        with assigned(self.places.lines):
            for index, element in sorted(self.later, key=lambda later: line_of(later[1])):
                which, line, _, _, problem = self.found[index]
                self.lines.keep_from(line_of(element))
                counted = column(element, self.lines(line_of(element)))
                self.found[index] = (which, line, self.parts, order[element],
                                     replace(problem, column=counted))
        return True


def _nowhere(element: etree._Element) -> int:
    return 0  # no XInclude in a document read in parts


def _quickly_holds(run: Run, queries: tuple[etree.XPath, ...] | None,
                   shadows: set[etree._Element]) -> bool:
    """True when the ``queries`` of the rules that may fire (:func:`_firing`) find nothing
    but copies of ancestors; False when that is not shown (the rules are then run one by
    one)."""
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


def _firing(plan: Plan, present: set[Need] | frozenset[Need]
            ) -> tuple[etree.XPath, ...] | None:
    """The queries of the rules that may fire where the names ``present`` are, in the
    rules' order; None when one of those rules has none."""
    found: list[etree.XPath] = []
    for pattern in plan.patterns:
        for rule in pattern.rules:
            if rule.needs is not None and not rule.needs & present:
                continue
            queries = plan.quick.get(id(rule))
            if queries is None:
                return None
            found.extend(queries)
    return tuple(found)


def _run(tree: etree._ElementTree, plan: Plan, filename: str,
         within: frozenset[Need] | None = None) -> _PartRun | None:
    """A run of the plan's patterns on ``tree``; None when a rule that is not local may
    fire there. ``within``: names that every name in ``tree`` is among, taken for those
    present (a rule whose names are not among them cannot fire; one that may fire is
    only queried for nothing) unless a rule that is not local needs one of them: the
    names of ``tree`` then decide."""
    run = _PartRun(plan.rules, Document(tree, filename, None), plan.patterns, plan.phase)
    run.looking_up, run.mute, run.unsure = plan.looking_up, plan.mute, set()
    if within is not None:
        run._present = set(within)
        if not _far(plan, run._present):
            return run
        run._present = None  # a broader name than the tree's may be the far rule's
    return None if _far(plan, run.present()) else run


def _far(plan: Plan, present: set[Need]) -> bool:
    """Whether a rule that is not local may fire where the names ``present`` are."""
    return any(rule.needs is not None and rule.needs & present for rule in plan.far)


def _names(elements: list[etree._Element]) -> frozenset[Need]:
    """The names of ``elements`` and of their attributes, as :meth:`_PartRun.present`
    gives them."""
    names = {("element", *split_name(element.tag)) for element in elements}
    return frozenset(names | {("attribute", "", split_name(str(key))[1])
                              for element in elements for key in element.attrib})


class _Unanswered(ValueError):
    """A part in which a rule may not have given the whole document's answer."""


class _PartRun(Run):
    """A run that gathers only the names of the elements and attributes of its tree, not
    their nesting (one pass over the elements, in which libxml2 finds the names), and
    answers the lookups of node-sets of the whole document from those gathered before."""

    looking_up: tuple[Rule, ...] = ()
    mute: frozenset[int] = frozenset()
    unsure: set[etree._Element]
    """The elements a rule of :attr:`mute` reported on (set by :func:`_run`)."""

    def fire(self, rule: Rule, pattern: Pattern, node: Any) -> None:
        reported = len(self.problems)
        super().fire(rule, pattern, node)
        if id(rule) in self.mute:
            self.unsure.update(found for problem in self.problems[reported:]
                               if (found := self.element(problem)) is not None)

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
