"""Variant readings in running text: which reading of an ``app`` the reading views keep.

An ``app`` in the text (not an entry of an apparatus: see :func:`is_apparatus_entry`)
shows one reading in the reading views, its others only in the editorial view (the page)
or nowhere (the reading text):

- its lemma (``lem``) when it has one;
- else its first reading (``rdg``, or the first reading of a first ``rdgGrp``): a text
  edited in parallel segmentation without a base text reads as its first witness does, as
  a ``choice`` without a preferred reading keeps its first child.

Example: ``<app><rdg wit="#A">first</rdg><rdg wit="#B">second</rdg></app>`` reads
``first`` (not ``firstsecond``).
"""

from __future__ import annotations

from typing import Final

from lxml import etree

from teikit.tei import is_tei

READINGS: Final = ("lem", "rdg", "rdgGrp")
"""The children of an ``app`` (or ``rdgGrp``) that are readings."""


def is_apparatus_entry(app: etree._Element) -> bool:
    """Whether ``app`` is an entry of an apparatus (inside a ``listApp`` or a ``div
    type="apparatus"``) rather than a place in running text."""
    return any(is_tei(a, "listApp") or (is_tei(a, "div") and a.get("type") == "apparatus")
               for a in app.iterancestors())


def kept_reading(group: etree._Element) -> etree._Element | None:
    """The reading of ``group`` (an ``app`` or ``rdgGrp``) the reading views keep: its
    ``lem``, else its first ``rdg`` or ``rdgGrp`` (``None`` when it has no reading)."""
    readings = [child for child in group if is_tei(child, *READINGS)]
    return next((r for r in readings if is_tei(r, "lem")), readings[0] if readings else None)


def kept_path(app: etree._Element) -> list[etree._Element]:
    """The readings from ``app`` down to the one the reading views keep: a ``lem`` or an
    ``rdg``, through the ``rdgGrp`` elements that hold it (empty: no reading)."""
    path: list[etree._Element] = []
    found = kept_reading(app)
    while found is not None:
        path.append(found)
        found = kept_reading(found) if is_tei(found, "rdgGrp") else None
    return path


def is_kept(reading: etree._Element) -> bool:
    """Whether ``reading`` (a child of an ``app`` or ``rdgGrp``) is on the path of readings
    the reading views keep (see the module)."""
    parent = reading.getparent()
    return parent is None or kept_reading(parent) is reading
