"""Source lines of lxml nodes."""

from __future__ import annotations


def line_of(node: object) -> int:
    """The 1-based source line of an lxml node (0 when unknown or None)."""
    line = getattr(node, "sourceline", None)
    return line if isinstance(line, int) else 0
