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
    """The line of ``element``'s end tag (0 when unknown)."""
    children = list(element)
    if not children:
        start = line_of(element)
        return start + (element.text or "").count("\n") if start else 0
    last = children[-1]
    after = (last.tail or "").count("\n")
    if not isinstance(last.tag, str):  # a comment or PI: its line is its last
        return line_of(last) + after if line_of(last) else 0
    included = included_at(last)
    if included:  # the rest of this element is in the including file
        return included + after
    below = end_line(last, included_at)
    return below + after if below else 0


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
