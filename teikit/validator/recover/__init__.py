"""Every grammar fault of a document, each named for what it is.

libxml2 gives the verdict; when a document is invalid, :class:`Recovery` walks it again
in Python to find every fault (see :mod:`walk`), as jing does, with libxml2 as an oracle
that lets the walk skip valid subtrees. Valid documents never come here.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterable
from typing import Final

from lxml import etree

from teikit.diagnostics import Diagnostic, Severity
from teikit.validator.document import Document
from teikit.validator.ids import repeated_ids
from teikit.validator.lines import qualified_name
from teikit.validator.recover.endtags import end_column, end_line
from teikit.validator.recover.faults import Fault
from teikit.validator.recover.grammar import Grammar
from teikit.validator.recover.identifiers import IdTyping
from teikit.validator.recover.oracle import Oracle
from teikit.validator.recover.walk import Checker
from teikit.validator.recover.wording import diagnostic
from teikit.validator.vocabulary import Vocabulary

ORACLES: Final = 8
"""Compiled oracles kept per grammar (one per batch chunk that had an invalid file)."""
ASK_ABOVE: Final = 4
"""Subtrees with fewer elements than this are walked without asking the oracle."""


def _small(element: etree._Element) -> bool:
    """True when ``element`` holds fewer than ASK_ABOVE elements."""
    inside = element.iterdescendants(etree.Element)
    return sum(1 for _ in itertools.islice(inside, ASK_ABOVE)) < ASK_ABOVE


class Recovery:
    """The complete check against one grammar (read when a first document fails)."""

    def __init__(self, grammar: etree._Element, digest: str) -> None:
        self._grammar = grammar
        self._digest = digest
        self._checker: Checker | None = None
        self._typing: IdTyping | None = None
        self._oracles: list[Oracle] = []

    def _oracle(self, vocabulary: Vocabulary) -> Oracle:
        for oracle in reversed(self._oracles):
            if vocabulary <= oracle.vocabulary:
                return oracle
        oracle = Oracle(self._grammar, self._digest, vocabulary)
        self._oracles = [*self._oracles[-(ORACLES - 1):], oracle]
        return oracle

    def diagnose(self, document: Document, vocabulary: Vocabulary,
                 log: Iterable[etree._LogEntry] = ()) -> list[Diagnostic]:
        """Every fault of ``document`` (whose elements and attributes ``vocabulary``
        covers), worded; empty if the walk finds none. ``log``: libxml2's errors, whose
        elements (and their ancestors) need not be asked about."""
        return self.worded(document, *self.faults(document, vocabulary, log))

    def faults(self, document: Document, vocabulary: Vocabulary,
               log: Iterable[etree._LogEntry] = (), *,
               checked: Callable[[etree._Element], bool] | None = None,
               failing: Iterable[etree._Element] = ()
               ) -> tuple[list[Diagnostic], list[Fault]]:
        """The repeated IDs and the faults of ``document``, as :meth:`diagnose` finds
        them. ``checked``: elements whose attributes and content were found valid already
        (only their place is checked); ``failing``: elements not to ask libxml2 about."""
        if self._checker is None:
            grammar = Grammar(self._grammar)
            self._checker, self._typing = Checker(grammar), IdTyping(grammar)
        invalid = _failing(document, log) | set(failing)
        oracles: list[Oracle] = []

        def valid(element: etree._Element) -> bool:
            # a small subtree is walked as fast as libxml2 is asked (and its oracle compiled)
            if element in invalid or _small(element):
                return False
            if not oracles:
                oracles.append(self._oracle(vocabulary))
            return oracles[0](element)

        faults = self._checker.faults(document.tree.getroot(), valid, checked)
        # libxml2 counts the repeats of values typed ID (jing too, in grammars like TEI's):
        # faults beside the others; when nothing else is wrong, some repeat is why it failed
        repeats = repeated_ids(document, self._typing)
        if not faults and not repeats:
            repeats = repeated_ids(document)
        return repeats, faults

    def typed_repeats(self, document: Document) -> list[Diagnostic]:
        """The repeats of ``xml:id`` values the grammar types ``ID`` (faults of a
        document otherwise valid; :meth:`worded` words them)."""
        if self._typing is None:
            grammar = Grammar(self._grammar)
            self._checker, self._typing = Checker(grammar), IdTyping(grammar)
        return repeated_ids(document, self._typing)

    def worded(self, document: Document, repeats: list[Diagnostic],
               faults: list[Fault]) -> list[Diagnostic]:
        """The diagnostics of what :meth:`faults` found."""
        ends = _EndsOf(document)
        return [dataclasses.replace(d, severity=Severity.ERROR, source="relaxng")
                for d in repeats] + [diagnostic(document, fault, ends) for fault in faults]


def _failing(document: Document, log: Iterable[etree._LogEntry]) -> set[etree._Element]:
    """The elements libxml2 reported, their ancestors and the root: all invalid."""
    found = {document.tree.getroot()}
    for path in {entry.path for entry in log if entry.path}:
        try:
            nodes = document.tree.xpath(path)
        except etree.XPathError:
            continue
        for node in nodes if isinstance(nodes, list) else ():
            if isinstance(node, etree._Element):
                found.update(node.iterancestors())
                found.add(node)
    return found


class _EndsOf:
    """End tags of a document's elements, worked out on first need."""

    def __init__(self, document: Document) -> None:
        self._document = document

    def __call__(self, element: etree._Element) -> tuple[int, int]:
        document = self._document
        line = end_line(element, self._included_at)
        origin = document.origin(element)
        source = origin.source if origin else document.source
        return line, end_column(source, line, qualified_name(element))

    def _included_at(self, element: etree._Element) -> int:
        origin = self._document.origins.get(element)
        return origin.line if origin else 0
