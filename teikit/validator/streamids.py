"""Repeated IDs in a document checked in parts (:mod:`stream`).

libxml2 remembers each value of an attribute typed ``ID`` it validates, in the document
the attribute belongs to, and rejects a repeat; but an element checked in a part is freed
once checked, and with it what libxml2 remembered of its IDs. So a value repeated in two
parts would pass. The stream keeps the ``xml:id`` values of the parts itself and gives up
(the usual check then decides) on a repeat; a grammar that types any other attribute
``ID`` is not checked in parts at all (:func:`ids_are_xml_ids`).
"""

from __future__ import annotations

import itertools
from typing import Final

from lxml import etree

from teikit.tei import XML_NS
from teikit.validator.prune import RNG, attribute_name, inherited
from teikit.validator.rng.types import XSD_LIBRARY

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

    def __init__(self) -> None:
        self._values: set[str] = set()
        self._fresh: set[str] = set()

    def fresh(self) -> str:
        """A new ``xml:id`` for a placeholder (libxml2 would reject its element's again)."""
        value = f"teikit.placeholder.{next(_NUMBERS)}"
        self._fresh.add(value)
        return value

    def add(self, elements: list[etree._Element]) -> bool:
        """Note the ``xml:id`` values in ``elements`` and their descendants (placeholders'
        aside); False when one was met before (in them or in an earlier part)."""
        for element in elements:
            found_ids = _ID_VALUES(element)
            for found in found_ids if isinstance(found_ids, list) else ():
                value = " ".join(str(found).split())  # an ID's spaces collapse
                if value in self._fresh:
                    continue
                if value in self._values:
                    return False
                self._values.add(value)
        return True
