"""Repeated ``xml:id`` values, each reported where it comes again with where it came first.

An ``xml:id`` must be unique in its document (the xml:id Recommendation; TEI types it
``ID``). libxml2's parser is told not to check it, so that verdicts stay the grammar's:
where a grammar types it ``ID`` from the XSD datatypes (``tei_all`` does), libxml2 and
jing count repeats as grammar errors (:mod:`teikit.validator.recover` reports them so);
elsewhere a repeat is a warning, naming both places, so that a pointer to it is not
silently ambiguous.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from teikit.diagnostics import Diagnostic, Severity
from teikit.tei import xml
from teikit.validator.document import Document
from teikit.validator.messages import readable_xpath

_XML_ID = xml("id")


def _where(document: Document, element: etree._Element, other: etree._Element) -> str:
    first = document.diagnostic(element, Severity.INFO, "", "")
    again = document.diagnostic(other, Severity.INFO, "", "")
    place = f"line {first.line}" if first.file == again.file else f"{first.location}"
    return f"{place} on `{etree.QName(element).localname}`"


def repeated_ids(document: Document,
                 counted: Callable[[etree._Element], bool] | None = None) -> list[Diagnostic]:
    """A warning at each repeat of an ``xml:id`` value, naming its first place; only the
    elements ``counted`` accepts take part, when it is given."""
    values = document.ids()
    if len(set(values)) == len(values):  # the usual case, decided by libxml2 and a set
        return []
    first: dict[str, etree._Element] = {}
    found = []
    for element in document.identified():
        if counted is not None and not counted(element):
            continue
        value = " ".join((element.get(_XML_ID) or "").split())  # an ID's spaces collapse
        earlier = first.setdefault(value, element)
        if earlier is element or not value:
            continue
        message = (f"xml:id `{value}` is used twice: here on "
                   f"`{etree.QName(element).localname}` and at "
                   f"{_where(document, earlier, element)}; a pointer to `#{value}` is ambiguous")
        found.append(document.diagnostic(element, Severity.WARNING, "duplicate-id", message,
                                         xpath=readable_xpath(element), source="xml-id"))
    return found
