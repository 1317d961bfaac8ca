"""Units of layout and how they are assembled into the model tree.

A layout rule classifies lines into :class:`Unit` values: a TEI block element over a
range of lines, and the path of containers it sits in. :func:`assemble` then builds the
:class:`~teikit.encoder.model.Container` tree and puts every character between two units
(line ends, blank lines, indentation) into a :class:`~teikit.encoder.model.Sep` in the
innermost container the two units share, so the transcript survives intact.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from teikit.encoder.model import Block, Container, Sep
from teikit.encoder.roles.shapes import drawn
from teikit.encoder.source import BLANKS, Line


@dataclass(eq=False)
class Spec:
    """A container to be built; units that share the same ``Spec`` object share it."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class Unit:
    """A block element over lines ``first..last`` (indices into the line list)."""

    tag: str
    first: int
    last: int
    path: tuple[Spec, ...]
    attrs: dict[str, str] = field(default_factory=dict)
    inline: bool = True
    cell: tuple[int, int] | None = None
    """For one column of a line set in columns: its span in the line's text (without the
    line's indentation)."""


def _span(lines: Sequence[Line], unit: Unit) -> tuple[int, int]:
    """Character offsets (start, end) of the unit's text without outer whitespace."""
    first, last = lines[unit.first], lines[unit.last]
    lead = len(first.text) - len(first.text.lstrip(BLANKS))
    start = first.offset + lead
    if unit.cell is not None:
        return start + unit.cell[0], start + unit.cell[1]
    end = last.offset + len(last.text.rstrip(BLANKS))
    return start, max(start, end)


def assemble(text: str, lines: Sequence[Line], units: Sequence[Unit], root: Spec) -> Container:
    """Build the container tree for ``units``; everything outside units becomes ``Sep``."""
    built: dict[int, Container] = {}
    top = Container(root.tag, dict(root.attrs))
    built[id(root)] = top
    stack: list[Spec] = [root]
    cursor = 0

    def container(spec: Spec) -> Container:
        return built[id(spec)]

    for unit in units:
        start, end = _span(lines, unit)
        path = (root, *unit.path)
        shared = 0
        while shared < min(len(stack), len(path)) and stack[shared] is path[shared]:
            shared += 1
        if start > cursor:
            container(stack[shared - 1]).children.extend(_between(text, cursor, start))
        del stack[shared:]
        for spec in path[shared:]:
            node = Container(spec.tag, dict(spec.attrs))
            container(stack[-1]).children.append(node)
            built[id(spec)] = node
            stack.append(spec)
        block = Block(unit.tag, text[start:end], start, dict(unit.attrs), inline=unit.inline)
        container(stack[-1]).children.append(block)
        cursor = end
    if cursor < len(text):
        top.children.extend(_between(text, cursor, len(text)))
    return top


def _between(text: str, start: int, end: int) -> list[Sep | Block]:
    """What stands between two units: white space, and any line drawn with the keys
    (``=====`` under a heading, ``* * *``) as an ``fw`` of its own."""
    found: list[Sep | Block] = []
    cursor = line_start = start
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        line_end = end if line_end < 0 else line_end
        line = text[line_start:line_end].removesuffix("\r")  # a CRLF transcript's line too
        if drawn(line):
            first = line_start + len(line) - len(line.lstrip(BLANKS))
            last = line_start + len(line.rstrip(BLANKS))
            if first > cursor:
                found.append(Sep(text[cursor:first]))
            found.append(Block("fw", text[first:last], first, {"type": "rule"}))
            cursor = last
        line_start = line_end + 1
    if end > cursor:
        found.append(Sep(text[cursor:end]))
    return found
