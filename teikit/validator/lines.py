"""Source lines and columns of lxml nodes."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from lxml import etree

_ASSIGNED: list[Mapping[object, int]] = []
"""Lines given to elements made after parsing (see :func:`assigned`)."""


def line_of(node: object) -> int:
    """The 1-based source line of an lxml node (0 when unknown or None)."""
    line = getattr(node, "sourceline", None)
    if isinstance(line, int):
        return line
    return _ASSIGNED[-1].get(node, 0) if _ASSIGNED else 0


@contextmanager
def assigned(lines: Mapping[object, int]) -> Iterator[None]:
    """Within the block, :func:`line_of` answers ``lines[node]`` for a node that has no
    line of its own: an element made in Python stands for one parsed (the placeholders of
    :mod:`teikit.validator.streamfaults`), and lxml cannot store a line past 65,535 on
    it."""
    _ASSIGNED.append(lines)
    try:
        yield
    finally:
        _ASSIGNED.pop()


def start_columns(text: str, element: etree._Element) -> dict[etree._Element, int]:
    """The 1-based column of the start tag of each element whose start tag ends on the
    line of ``element`` (lxml's line: that of the ``>``), given that line's ``text``.

    The n-th element of a name on the line is the n-th ``<name`` there (one less when
    the first began on an earlier line: its column is then 0, as is every column of a
    name whose tags cannot be counted so, in comments for instance)."""
    number = line_of(element)
    first = element
    while (previous := _previous(first)) is not None and line_of(previous) == number:
        first = previous
    named: dict[str, list[etree._Element]] = {}
    node: etree._Element | None = first
    while node is not None and line_of(node) == number:
        if isinstance(node.tag, str):
            named.setdefault(qualified_name(node), []).append(node)
        node = _next(node)
    columns: dict[etree._Element, int] = {}
    for name, nodes in named.items():
        found = [m.start() + 1 for m in re.finditer(f"<{re.escape(name)}(?=[\\s/>]|$)", text)]
        if len(found) == len(nodes) - 1:
            found.insert(0, 0)
        if len(found) == len(nodes):
            columns.update(zip(nodes, found, strict=True))
    return columns


def qualified_name(element: etree._Element) -> str:
    """The name of ``element`` as its tags spell it (``prefix:local``)."""
    local = etree.QName(element).localname
    return f"{element.prefix}:{local}" if element.prefix else local


def _previous(node: etree._Element) -> etree._Element | None:
    """The node before ``node`` in document order (its start tag ends no later)."""
    sibling = node.getprevious()
    if sibling is None:
        return node.getparent()
    while len(sibling):
        sibling = sibling[-1]
    return sibling


def _next(node: etree._Element) -> etree._Element | None:
    """The node after ``node`` in document order."""
    if len(node):
        return node[0]
    current: etree._Element | None = node
    while current is not None:
        sibling = current.getnext()
        if sibling is not None:
            return sibling
        current = current.getparent()
    return None
