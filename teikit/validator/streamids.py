"""Repeated IDs in a document checked in parts (:mod:`stream`).

libxml2 remembers each value of an attribute typed ``ID`` it validates, in the document
the attribute belongs to, and rejects a repeat; but an element checked in a part is freed
once checked, and with it what libxml2 remembered of its IDs. So a value repeated in two
parts would pass. The stream keeps the ``xml:id`` values of the parts itself and gives up
(the usual check then decides) on a repeat, or, when asked to (``note_repeats``), notes the
value and reads on: the parts holding it are then kept whole when the document is read
again for its faults (:mod:`teikit.validator.streamfaults`), which reports each repeat
where the check of the whole tree does. A grammar that types any other attribute ``ID`` is
not checked in parts at all (:func:`ids_are_xml_ids`).
"""

from __future__ import annotations

import itertools
from typing import Final, cast

from lxml import etree

from teikit.diagnostics import Diagnostic
from teikit.tei import TEI_NS, XML_NS
from teikit.validator.prune import RNG, attribute_name, inherited
from teikit.validator.rng.types import XSD_LIBRARY
from teikit.validator.split import SPLIT
from teikit.validator.streamkept import Kept

_ID_VALUES: Final = etree.XPath("descendant-or-self::*/@xml:id", namespaces={"xml": XML_NS},
                                smart_strings=False)


def ids_are_xml_ids(grammar: etree._Element) -> bool:
    """True when every attribute ``grammar`` types ``ID`` (from the XSD datatypes) is
    ``xml:id``: the only IDs the stream keeps."""
    for data in grammar.iter(f"{{{RNG}}}data"):
        if data.get("type", "").strip() != "ID" or (
                inherited(data, "datatypeLibrary") or "").strip() != XSD_LIBRARY:
            continue
        attribute = next(data.iterancestors(f"{{{RNG}}}attribute"), None)
        if attribute is None or attribute_name(attribute) != (XML_NS, "id"):
            return False
    return True


_NUMBERS: Final = itertools.count()


class SeenIds:
    """The ``xml:id`` values met so far in the parts of one document, and those given to
    its placeholders."""

    def __init__(self, *, note_repeats: bool = False) -> None:
        self._values: set[str] = set()
        self._fresh: set[str] = set()
        self.raw: list[str] | None = None
        """When a list: the values met are added to it as they are written."""
        self.repeated: set[str] | None = set() if note_repeats else None
        """When a set: the values met more than once (a repeat is then no reason to stop)."""
        self.warnings: list[Diagnostic] = []
        """The repeats as the check of the whole tree warns of them (:func:`teikit.
        validator.ids.repeated_ids`), once the document's faults were found in parts."""
        self.headers = 1
        """The ``teiHeader`` children of the root, once the document's faults were found in
        parts (a second one may change the schemas chosen for it:
        :func:`teikit.validator.batch._chosen`)."""
        self.freed: frozenset[str] = frozenset()
        """The values met in the parts that were freed (:meth:`close_parts`): only a
        value met there may be held by an element the skeleton lacks."""
        self.again: dict[str, int] = {}
        """How many times each repeated value was met after its first time."""
        self.met_again = False
        """Whether the last :meth:`add` met a value met before."""
        self._early: dict[str, int] = {}
        """Values of the skeleton noted before the end (:meth:`note_early`), which the
        root's :meth:`add` then skips once each."""
        self.kept: Kept | None = Kept() if note_repeats else None
        """What the reading keeps to report the repeats from it (:mod:`teikit.validator.
        streamkept`), when repeats are noted."""

    def close_parts(self) -> None:
        """Note that what was met so far was met in parts that were freed (what is added
        next is the skeleton)."""
        self.freed = frozenset(self._values)

    def clear(self) -> None:
        """Forget what was met (the document is read again)."""
        self.freed = frozenset()
        self._values.clear()
        self._fresh.clear()
        self.again.clear()
        self._early.clear()
        if self.repeated is not None:
            self.repeated.clear()
            self.kept = Kept()
        self.warnings.clear()
        self.headers = 1

    @property
    def values(self) -> frozenset[str]:
        """The ``xml:id`` values met, their spaces collapsed."""
        return frozenset(self._values)

    def note_early(self, elements: list[etree._Element]) -> None:
        """Note the ``xml:id`` values of ``elements``, complete elements of the skeleton
        (the root's, before the parts: a header), before the parts that follow: a part
        repeating one is then known to (:attr:`met_again`). The root's :meth:`add`
        skips them."""
        for element in elements:
            found_ids = _ID_VALUES(element)
            for found in found_ids if isinstance(found_ids, list) else ():
                value = " ".join(str(found).split())
                if value in self._values:
                    if self.repeated is not None:
                        self.repeated.add(value)
                        self.again[value] = self.again.get(value, 0) + 1
                else:
                    self._values.add(value)
                    if self.raw is not None:
                        self.raw.append(str(found))
                self._early[value] = self._early.get(value, 0) + 1

    def fresh(self) -> str:
        """A new ``xml:id`` for a placeholder (libxml2 would reject its element's again)."""
        value = f"teikit.placeholder.{next(_NUMBERS)}"
        self._fresh.add(value)
        return value

    def add(self, elements: list[etree._Element]) -> bool:
        """Note the ``xml:id`` values in ``elements`` and their descendants (placeholders'
        aside); False when one was met before (in them or in an earlier part), unless
        repeats are noted."""
        self.met_again = False
        for element in elements:
            early = self._early if element.getparent() is None else {}
            found_ids = _ID_VALUES(element)
            for found in found_ids if isinstance(found_ids, list) else ():
                value = " ".join(str(found).split())  # an ID's spaces collapse
                if value in self._fresh:
                    continue
                if early.get(value):  # noted early, as it stood before the parts
                    early[value] -= 1
                    continue
                if value in self._values:
                    if self.repeated is None:
                        return False
                    self.repeated.add(value)
                    self.again[value] = self.again.get(value, 0) + 1
                    self.met_again = True
                    continue
                self._values.add(value)
                if self.raw is not None:
                    self.raw.append(str(found))
        return True


class Ledger(SeenIds):
    """The ``xml:id`` values of a document checked in parts, and what else of the whole
    document a check of its parts needs, gathered from each part as the grammar checks it
    (and from what is left at the end): the node-sets its rules look values up in
    (:mod:`teikit.validator.schematron.whole`) and its pointers
    (:mod:`teikit.validator.pointers.stream`)."""

    def __init__(self, node_sets: dict[str, etree.XPath] | None = None, *,
                 pointers: bool = False, note_repeats: bool = False) -> None:
        super().__init__(note_repeats=note_repeats)
        self._queries = dict(node_sets or {})
        self.node_sets: dict[str, list[str]] = {path: [] for path in self._queries}
        """The string values of each node-set, one per node, by its path."""
        if self._queries.pop(_EVERY_ID, None) is not None:
            self.raw = self.node_sets[_EVERY_ID]  # met as the ids are checked
        self._pointers = pointers
        self.pointers: set[str] = set()
        """The values of the attributes of TEI elements that may hold a local pointer (a
        ``#`` or a ``:`` in them): those of pointer attributes, and a few others."""
        self.prefix_defs: list[tuple[str | None, str | None, str | None]] = []
        """(ident, matchPattern, replacementPattern) of every ``prefixDef``."""
        self.dangling: list[Diagnostic] | None = None
        """The pointers that lead nowhere as the check of the whole tree reports them, once
        found in parts (:mod:`teikit.validator.pointers.stream`)."""
        self.freed_pointers: frozenset[str] = frozenset()
        """The pointers met in the parts that were freed (:meth:`close_parts`)."""

    def close_parts(self) -> None:
        super().close_parts()
        self.freed_pointers = frozenset(self.pointers)

    def clear(self) -> None:
        super().clear()
        self.freed_pointers = frozenset()
        for values in self.node_sets.values():
            values.clear()
        self.pointers.clear()
        self.prefix_defs.clear()
        self.dangling = None

    def add(self, elements: list[etree._Element]) -> bool:
        if not super().add(elements):
            return False
        for element in elements:
            for path, query in self._queries.items():
                found = query(element)
                self.node_sets[path].extend(map(str, found if isinstance(found, list) else ()))
            if self._pointers:
                self._add_pointers(element)
        return True

    @property
    def checks_pointers(self) -> bool:
        """Whether the ledger keeps the pointers (they are checked)."""
        return self._pointers

    def _add_pointers(self, element: etree._Element) -> None:
        self.pointers.update(cast("list[str]", _POINTING(element)))
        for definition in cast("list[etree._Element]", _PREFIX_DEFS(element)):
            self.prefix_defs.append((definition.get("ident"), definition.get("matchPattern"),
                                     definition.get("replacementPattern")))

    def gathered(self) -> dict[str, list[str]]:
        """The node-sets' values, as a check in parts takes them."""
        return self.node_sets


_SPLIT_NS: Final = {"s": SPLIT, "tei": TEI_NS}
_EVERY_ID: Final = "//@xml:id"
_POINTING: Final = etree.XPath(  # placeholders too: their values are their elements'
    "descendant-or-self::tei:*/@*[contains(., '#') or contains(., ':')]",
    namespaces=_SPLIT_NS, smart_strings=False)
_PREFIX_DEFS: Final = etree.XPath("descendant-or-self::tei:prefixDef[not(s:placeholder)]",
                                  namespaces=_SPLIT_NS)
