"""A large document's rules checked in the reading that checks its grammar in parts.

:mod:`teikit.validator.schematron.parts` reads a document as a stream for its rules, and
:mod:`teikit.validator.stream` reads it once before for its grammar, in the same runs of
complete siblings. When the rules read no node-set of the whole document (nothing to
gather first: ``tei_all``'s embedded rules), one reading does both. Each run of siblings
the grammar gathers is moved out under copies of its ancestors, where the rules run
(:meth:`~teikit.validator.schematron.parts.Finder.part`, which leaves a *stand-in* where
the run stood); the copy of the parent that holds the run then becomes the ``batch``
the grammar checks it in. Where each sibling stood, a *slot* keeps what the grammar's
placeholder would hold (its name, in teikit's namespace so that no rule and no count of
same-named siblings takes it for an element of the document, its attributes, the mark);
at the end the stand-ins are taken out and the slots named as their elements for the
grammar's check of the root, then the slots taken out and the stand-ins put back for
the rules' check of what is left: each check sees the tree its own reading leaves.

The rules' report is then that of :func:`~teikit.validator.schematron.parts.
findings_in_parts` on its own reading, or there is none (:attr:`Alongside.findings` is
None) and that reading decides: when a run the grammar gathers holds an element that
lost content to earlier runs (the rules' reading never gathers one), when a part gives
up, when the grammar's reading stops early or finds the document not valid, or when
what follows the root is not well-formed.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Final, cast

from lxml import etree

from teikit.diagnostics import Diagnostic
from teikit.tei import XML_NS
from teikit.validator.schematron.located import STAND_IN
from teikit.validator.schematron.parts import Finder, Plan
from teikit.validator.schematron.whole import answering
from teikit.validator.split import MARK, SPLIT
from teikit.validator.streamids import SeenIds

SLOTS: Final = f"{{{SPLIT}}}slots"
"""Where a run stood: its placeholders, until the rules have checked what is left."""
BATCH: Final = f"{{{SPLIT}}}batch"
_XML_ID: Final = f"{{{XML_NS}}}id"


class Alongside:
    """The rules of ``plan`` checked in the grammar's reading of the document at
    ``path`` (:func:`teikit.validator.stream.valid_in_parts` calls it)."""

    def __init__(self, path: Path, plan: Plan, filename: str) -> None:
        self._finder: Finder | None = Finder(path, plan, filename)
        self._slots: list[tuple[etree._Element, etree._Element]] = []
        """Each run's slots (in an element of their own) and the stand-in after them."""
        self._found: list[Diagnostic] | None = None
        self._last: list[etree._Element] = []
        self.findings: list[Diagnostic] | None = None
        """The problems found, once the reading is over (None: none found this way)."""

    @staticmethod
    def usable(plan: Plan | None) -> bool:
        """Whether ``plan``'s rules can be checked in the grammar's reading."""
        return plan is not None and not plan.gather

    def take(self, complete: list[etree._Element], ids: SeenIds,
             within: frozenset[tuple[str, str, str]] | None = None) -> etree._Element | None:
        """A ``batch`` element holding the ``complete`` siblings (the list is emptied),
        their rules checked, their slots where they stood; None when the rules are no
        longer checked here (the grammar gathers the siblings itself). ``within``: every
        name the grammar's batch may hold (:attr:`teikit.validator.split.Split.within`):
        the rules' findings are kept only when the grammar finds every batch valid, so
        the rules may take those names for the run's instead of listing its own."""
        finder = self._finder
        if finder is None or any(member in finder.cut for member in complete) or any(
                before.getnext() is not after for before, after in pairwise(complete)):
            self.stop()  # the rules' reading gathers no cut element; slots stand together
            return None
        slots = etree.Element(SLOTS)
        for member in complete:
            slot = etree.SubElement(slots, member.tag, cast("dict[str, str]", member.attrib))
            if slot.get(_XML_ID) is not None:  # as the grammar's placeholders have
                slot.set(_XML_ID, ids.fresh())
            etree.SubElement(slot, MARK)
            slot.tail = member.tail
        complete[0].addprevious(slots)
        self._last = list(slots)
        with answering({}):
            holder, kept = finder.part(complete, within)
        stand_in = slots.getnext()
        assert stand_in is not None and stand_in.tag == STAND_IN
        self._slots.append((slots, stand_in))
        if not kept:
            self.stop()
        complete.clear()
        holder.tag = BATCH
        holder.attrib.clear()
        return holder

    def standing(self) -> list[etree._Element]:
        """The slots of the run last taken (the grammar's placeholders once the reading
        is over: :meth:`stop`)."""
        return self._last

    def read_on(self, events: Iterator[object]) -> None:
        """Read what follows the root (its comments and processing instructions are in
        the tree too, as in the rules' own reading)."""
        if self._finder is None:
            return
        try:
            for _ in events:
                pass
        except etree.XMLSyntaxError:
            self.stop()

    def end(self, root: etree._Element | None) -> None:
        """The reading is over (``root``: None when it stopped early): check the rules on
        what is left, then make the tree the grammar's (stand-ins out, the slots where
        they stood)."""
        finder = self._finder
        if finder is not None and root is not None:
            for slots, _ in self._slots:  # the tree the rules' reading leaves
                parent = slots.getparent()
                assert parent is not None
                parent.remove(slots)
            try:
                with answering({}):
                    if finder.rest(root.getroottree()):
                        self._found = finder.report()
            except (etree.XMLSyntaxError, OSError, ValueError):
                self._found = None
        self.stop()

    def verdict(self, valid: bool) -> None:
        """Keep what the rules found when the grammar found the document ``valid``."""
        self.findings, self._found = (self._found if valid else None), None

    def stop(self) -> None:
        """Check the rules here no more: the tree becomes the grammar's (an element
        holding slots may be checked whole next)."""
        if self._finder is not None:
            self._finder.lines.close()
        self._finder = None
        for slots, stand_in in self._slots:
            for slot in list(slots):
                stand_in.addprevious(slot)
            for gone in (slots, stand_in):
                parent = gone.getparent()
                if parent is not None:
                    parent.remove(gone)
        self._slots.clear()
