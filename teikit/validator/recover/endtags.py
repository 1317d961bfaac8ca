"""Where elements end: the line of each end tag, worked out from the tree.

lxml knows the line of a start tag (of its ``>``) but not of its end tag, and some faults
belong there ("``titleStmt`` is incomplete" is only known at ``</titleStmt>``; jing reports
it there). An element ends on the line its last child ends, plus the line breaks of the
text after that child (or of its own text, when it has no children): a few steps down the
last-child chain, with no second reading of the source. Content brought in by XInclude
ends where its ``xi:include`` was.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from teikit.validator.lines import line_of

IncludedAt = Callable[[etree._Element], int]
"""The line of the ``xi:include`` an element replaced (0 when it was not included)."""


def end_line(element: etree._Element, included_at: IncludedAt) -> int:
    """The line of ``element``'s end tag (0 when unknown): down the last-child chain,
    adding the line breaks after each last child (a loop, each child asked of lxml by
    its index: listing every child at each step cost a part of many children dear)."""
    after = 0
    current = element
    while len(current):
        last = current[-1]
        after += (last.tail or "").count("\n")
        if not isinstance(last.tag, str):  # a comment or PI: its line is its last
            line = line_of(last)
            return line + after if line else 0
        included = included_at(last)
        if included:  # the rest of this element is in the including file
            return included + after
        current = last
    start = line_of(current)
    return start + (current.text or "").count("\n") + after if start else 0


def end_column(source: bytes | None, line: int, qname: str) -> int:
    """The column of ``</qname`` on ``line`` of ``source`` (0 when not found there)."""
    if not source or not line:
        return 0
    lines = source.split(b"\n", line)
    if len(lines) < line:
        return 0
    text = lines[line - 1]
    found = text.rfind(f"</{qname}".encode())
    return len(text[:found].decode("utf-8", "replace")) + 1 if found >= 0 else 0
