"""Tables in the text views: a row is a line, its cells set apart by tabs.

A reader of a table in plain text expects each row on one line with its cells apart, not
one cell per line. So in both text views a ``row`` is a line whose cells are separated by
a tab; a cell spanning columns (``@cols``) is followed by as many tabs as it spans, so the
cells after it stay in their columns; whatever a cell holds (paragraphs, lines, a list)
is read on its row's line, a space between its blocks. The table's ``head`` is a line
above its rows::

    Prices
    Item	Cost	Note
    Bread	2 d.	daily
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from lxml import etree

from teikit.exporter.counts import span
from teikit.exporter.text.rules import Scope, inner_scope, is_omitted, tei_name
from teikit.exporter.text.writer import LINE, Writer

if TYPE_CHECKING:
    from teikit.exporter.text.reading import Reading


def spanned(cell: etree._Element, attribute: str = "cols") -> int:
    """How many columns (``@cols``) or rows (``@rows``) ``cell`` spans (1 when the
    attribute is absent or not a number; at most :data:`~teikit.exporter.counts.MAX_SPAN`)."""
    return span(cell.get(attribute))


@functools.lru_cache(maxsize=1)
def _grid(table: etree._Element) -> dict[etree._Element, int]:
    """Each cell of ``table`` → the column it starts in, past the cells of rows above that
    span down into its row (``@rows``)."""
    starts: dict[etree._Element, int] = {}
    taken: dict[int, list[range]] = {}  # row number → columns covered from above
    for number, row in enumerate(child for child in table if tei_name(child) == "row"):
        column = 0
        for cell in (child for child in row if tei_name(child) == "cell"):
            while covering := next((r for r in taken.get(number, ()) if column in r), None):
                column = covering.stop
            starts[cell] = column
            for below in range(number + 1, number + spanned(cell, "rows")):
                taken.setdefault(below, []).append(range(column, column + spanned(cell)))
            column += spanned(cell)
    return starts


def columns(row: etree._Element) -> dict[etree._Element, int]:
    """Each cell of ``row`` → the column it starts in (see :func:`_grid`): the tabs before
    a cell are its column less the column of the cell before it."""
    table = row.getparent()
    if table is not None and tei_name(table) == "table":
        return _grid(table)
    starts, column = {}, 0
    for cell in (child for child in row if tei_name(child) == "cell"):
        starts[cell], column = column, column + spanned(cell)
    return starts


def read_row(reading: Reading, element: etree._Element, scope: Scope) -> None:
    """A ``row`` in the reading text: a line, its cells apart by tabs."""
    line = min(LINE, scope.cap)
    reading.out.brk(line)
    if element.text:
        reading.out.text(element.text)
    starts, column = columns(element), 0
    for child in element:
        if tei_name(child) != "cell":
            reading.element(child, replace(scope, cap=0))
        elif not is_omitted(child, reading.notes, scope.apparatus):
            if starts[child] > column:
                reading.out.tab(starts[child] - column)
            read_cell(reading, child, scope)
            column = starts[child]
        if child.tail:
            reading.out.text(child.tail)
    reading.out.brk(line)


def read_cell(reading: Reading, element: etree._Element, scope: Scope) -> None:
    """A ``cell``'s content, read as a block is, on one line: its lines and paragraphs
    joined by a space."""
    outer, reading.out = reading.out, Writer()
    try:
        reading.children(element, inner_scope(element, "cell", scope))
        content = reading.out.result()
    finally:
        reading.out = outer
    reading.out.text(content)


def row_as_it_stands(row: etree._Element, render: Callable[[etree._Element], str]) -> str:
    """A ``row`` in the transcript view: its cells (each ``render``\\ ed, its whitespace
    runs one space) apart by tabs; anything else in the row, and text between the cells,
    where it stands."""
    out: list[str] = [" ".join((row.text or "").split())]
    starts, column = columns(row), 0
    for child in row:
        if tei_name(child) == "cell":
            out.append("\t" * (starts[child] - column))
            out.append(" ".join(render(child).split()))
            column = starts[child]
        elif tei_name(child) is not None:
            out.append(" ".join(render(child).split()))
        out.append(" ".join((child.tail or "").split()))
    return "".join(out)
