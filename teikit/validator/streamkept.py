"""What the first reading of a large document in parts keeps, so that a document valid
but for its repeated ``xml:id`` s is reported from it, without a reading for the
skeleton (:func:`teikit.validator.streamfaults.checked_in_parts`).

The reading for the document's faults keeps whole each part holding a repeated value
and gives each placeholder the lines of its element's start and end tags: the repeats
are then reported from that skeleton as from the whole tree. The first reading keeps
the same where it can: a part in which a value comes again (met before, in the header
or an earlier part) is set aside whole instead of freed, and put back in place of its
placeholders once the root is checked. The placeholders have no lines: each part freed
keeps the lines it spans instead, and a report whose columns are counted on one of them
(a line a part freed shares with an element bearing a repeat) is left to the reading
for the skeleton (:meth:`Kept.unsure`). So is a document a repeated value of which was
met first in a part that was freed (its element is gone), or whose rules took the parts
(:mod:`teikit.validator.schematron.alongside`: :attr:`Kept.usable` is then False).
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import Final

from lxml import etree

from teikit.tei import XML_NS
from teikit.validator.lines import line_of
from teikit.validator.recover.endtags import end_line

_XML_ID: Final = f"{{{XML_NS}}}id"


class Kept:
    """The first reading's skeleton: the lines of its placeholders and the parts set
    aside, put back by :meth:`restore`."""

    def __init__(self) -> None:
        self._low, self._high = array("q"), array("q")
        """The lines each part freed spans, from its first start tag to its last end tag:
        a node there is gone from the skeleton (its placeholder has no line)."""
        self.aside: list[tuple[list[etree._Element], etree._Element]] = []
        """The parts set aside: their placeholders and the batch holding their elements."""
        self.root: etree._Element | None = None
        self.usable = True
        self.early = False
        """Whether the ids of the skeleton before the first part were noted."""
        self._attributes: list[tuple[etree._Element, list[tuple[str, str]]]] = []
        self._holders: set[etree._Element] = set()
        """The parents of the parts set aside, and their ancestors."""

    def note(self, batch: etree._Element) -> None:
        """Note the lines the elements of ``batch`` span (they are freed next)."""
        self._low.append(line_of(batch[0]))
        self._high.append(end_line(batch[-1], _nowhere))

    def unsure(self, lines: Iterable[int]) -> bool:
        """Whether a node of a part freed may stand on one of ``lines`` (the columns on
        them would be counted without it)."""
        ranges = sorted(zip(self._low, self._high, strict=True))
        lows = [low for low, _ in ranges]
        highest = list(accumulate((high for _, high in ranges), max))
        for line in lines:
            at = bisect_right(lows, line) - 1
            if at >= 0 and highest[at] >= line:
                return True
        return False

    def release(self) -> None:
        """Forget the skeleton (what was kept of it is not asked for)."""
        self.root, self.usable = None, False
        self.aside.clear()
        self._attributes.clear()
        self._holders.clear()

    def holds(self, batch: etree._Element) -> bool:
        """Whether an element of ``batch`` holds the placeholders of a part set aside
        (it is set aside too: freed, it would take them out of the skeleton)."""
        return bool(self._holders) and any(member in self._holders for member in batch)

    def set_aside(self, placeholders: list[etree._Element], batch: etree._Element) -> None:
        """Keep ``batch`` (out of the tree) for :meth:`restore`. libxml2 remembers the
        IDs it validated until their attributes are freed: the attributes of the
        elements bearing one are taken off until then (so that a later part may repeat
        them)."""
        for element in batch.iterdescendants(etree.Element):
            if element.get(_XML_ID) is not None:
                self._attributes.append((element, [(str(k), str(v))
                                                   for k, v in element.items()]))
                element.attrib.clear()
        self.aside.append((placeholders, batch))
        parent = placeholders[0].getparent()
        if parent is not None:
            self._holders.update((parent, *parent.iterancestors()))

    def restore(self) -> None:
        """Put each part set aside back whole where its placeholders stand."""
        for element, attributes in self._attributes:
            for name, value in attributes:
                element.set(name, value)
        self._attributes.clear()
        for placeholders, batch in self.aside:
            for placeholder, member in zip(placeholders, list(batch), strict=True):
                member.tail = placeholder.tail
                parent = placeholder.getparent()
                assert parent is not None
                parent.replace(placeholder, member)
        self.aside.clear()


def _nowhere(element: etree._Element) -> int:
    return 0  # no XInclude in a document read in parts
