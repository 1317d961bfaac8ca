"""What a document holds for its reader besides its ``text``: the descriptions of its
source in the header (``sourceDesc//msDesc``) and the registers of its ``standOff``. The
page (:mod:`teikit.exporter.html.source`) and the reading text both show them.
"""

from __future__ import annotations

from lxml import etree

from teikit.tei import NAMESPACES

DESCRIPTIONS = "tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:msDesc[not(ancestor::tei:msDesc)]"
"""Where a document's descriptions of its sources are (nested ones belong to their parent)."""


def descriptions(document: etree._Element) -> list[etree._Element]:
    """The ``msDesc`` elements of the header of ``document`` (a ``TEI``)."""
    found = document.xpath(DESCRIPTIONS, namespaces=NAMESPACES)
    return [e for e in found if isinstance(e, etree._Element)] if isinstance(found, list) else []


STANDOFF_LISTS = ("listPerson", "listPlace", "listOrg", "listEvent", "listBibl", "listNym",
                  "listObject")
REGISTERS = " | ".join(f"tei:standOff/tei:{name}" for name in STANDOFF_LISTS)


def registers(document: etree._Element) -> list[etree._Element]:
    """The registers in the ``standOff`` of ``document`` (a ``TEI``)."""
    found = document.xpath(REGISTERS, namespaces=NAMESPACES)
    return [e for e in found if isinstance(e, etree._Element)] if isinstance(found, list) else []
