"""Pointers in every format: where a ``ref`` or ``ptr`` points, and what a ``ptr`` (which
has no words of its own) says: the heading, ``@n`` or id of the element it points at, or
its address without the scheme; a ``ptr`` with several targets says each, apart by
:data:`TARGETS_APART`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from lxml import etree

from teikit.tei import TEI_NS, xml

SAFE_SCHEMES: Final = ("http://", "https://", "mailto:")
"""Addresses the page links to (anything else is shown, never linked)."""
MAX_LABEL: Final = 60
TARGETS_APART: Final = ", "
"""Between what a ``ptr`` with several targets says of each (``see 2.1, 2.4``)."""


def targets(element: etree._Element) -> list[str]:
    """The (space-separated) ``@target`` values."""
    return (element.get("target") or "").split()


def first_target(element: etree._Element) -> str:
    """The first of the ``@target`` values, or ""."""
    found = targets(element)
    return found[0] if found else ""


def _text(element: etree._Element) -> str:
    return " ".join("".join(map(str, element.itertext())).split())


def label_of(element: etree._Element) -> str:
    """What a pointer to ``element`` says: its heading, its ``@n``, or its id."""
    head = element.find(f"{{{TEI_NS}}}head")
    if head is not None and _text(head):
        label = _text(head)
    elif element.tag == f"{{{TEI_NS}}}head" and _text(element):
        label = _text(element)
    else:
        label = element.get("n") or element.get(xml("id")) or "link"
    return label if len(label) <= MAX_LABEL else label[:MAX_LABEL - 1] + "…"


def address(target: str) -> str:
    """An external address as shown: without its scheme or a final slash."""
    return target.split("://", 1)[-1].removeprefix("mailto:").rstrip("/")


def pointer_label(element: etree._Element, ids: Mapping[str, etree._Element],
                  labels: Mapping[etree._Element, str] | None = None) -> str:
    """The words that stand for a ``ptr``: see the module's docstring (``labels``: what a
    pointer to some elements says, known before, :func:`target_label`)."""
    return TARGETS_APART.join(target_label(target, ids, labels) for target in targets(element)) \
        if len(targets(element)) > 1 else target_label(first_target(element), ids, labels)


def target_label(target: str, ids: Mapping[str, etree._Element],
                 labels: Mapping[etree._Element, str] | None = None) -> str:
    """What a ``ptr`` says of one of its targets: the label ``labels`` gives the element
    it points at (the ``body`` of a file read part by part, whose heading may be let go),
    else :func:`label_of` it."""
    pointed = ids.get(target[1:]) if target.startswith("#") else None
    if pointed is not None:
        known = labels.get(pointed) if labels else None
        return label_of(pointed) if known is None else known
    return address(target) if target.startswith(SAFE_SCHEMES) else target


def id_index(root: etree._Element) -> dict[str, etree._Element]:
    """``xml:id`` → the first element under ``root`` that has it."""
    found: dict[str, etree._Element] = {}
    for element in root.iter():
        ident = element.get(xml("id")) if isinstance(element.tag, str) else None
        if ident:
            found.setdefault(ident, element)
    return found
