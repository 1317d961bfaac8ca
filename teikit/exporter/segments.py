"""Rows of segments: a ``seg`` that holds nothing but ``seg`` elements.

A letterhead, a table-like heading or a line set in columns is often written as a ``seg``
per line whose parts are ``seg`` elements placed left and right (``<seg
type="letterhead"><seg rend="left">Harbour Gazette</seg><seg rend="right">Portwell,
</seg></seg>``), with no space between the parts: the source's layout sets them apart,
not its words. Standing between blocks, such a row is a line of its own, and both the page
and the reading text put a space between its parts so that their words are not run
together (``Harbour GazettePortwell``).
"""

from __future__ import annotations

from lxml import etree

from teikit.tei import is_tei


def is_row(element: etree._Element) -> bool:
    """Whether ``element`` is a ``seg`` holding only ``seg`` elements (and whitespace)."""
    if not is_tei(element, "seg"):
        return False
    children = [child for child in element if isinstance(child.tag, str)]
    texts = [element.text, *(child.tail for child in element)]
    return bool(children) and all(is_tei(child, "seg", "pb", "lb", "cb") for child in children) \
        and any(is_tei(child, "seg") for child in children) \
        and not any(text and text.strip() for text in texts)


def in_row(element: etree._Element) -> bool:
    """Whether ``element`` is a part of a row (see :func:`is_row`)."""
    parent = element.getparent()
    return parent is not None and is_row(parent)
