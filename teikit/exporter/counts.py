"""Numbers read from attributes (``@n``, ``@cols``, ``@rows``, ``@quantity``, a ``g``'s
code point) as bounded values a renderer can use safely.

An attribute is text: ``cols="999999999"``, ``n`` of half a million digits or a
superscript ``²`` (a digit to :meth:`str.isdigit`, none to :func:`int`) must each render
as ordinary text, never as a billion tabs or an exception.
"""

from __future__ import annotations

from typing import Final

MAX_DIGITS: Final = 18
"""The longest number read as one; a longer run of digits is no count or line number."""

MAX_SPAN: Final = 1000
"""The most columns or rows a table cell spans (HTML's own bound on ``colspan``)."""


def whole_number(value: str | None) -> int | None:
    """``value`` (spaces around it allowed) as a whole number when it is one in decimal
    digits of at most :data:`MAX_DIGITS`; else ``None``: ``" 12 "`` → 12, ``"²"`` →
    ``None``, ``"1e9"`` → ``None``."""
    digits = (value or "").strip()
    if not digits or len(digits) > MAX_DIGITS or not digits.isdecimal():
        return None
    return int(digits)


def span(value: str | None) -> int:
    """How many columns or rows a cell's ``@cols``/``@rows`` spans: 1 when absent, not a
    number or 0, at most :data:`MAX_SPAN`."""
    found = whole_number(value)
    return min(found, MAX_SPAN) if found else 1


def code_point(value: str) -> str | None:
    """The character a ``U+XXXX`` code names, or ``None`` when ``value`` names none."""
    hexadecimal = value[2:] if value.upper().startswith("U+") else ""
    if not 0 < len(hexadecimal) <= 6 or any(c not in "0123456789abcdefABCDEF"
                                            for c in hexadecimal):
        return None
    number = int(hexadecimal, 16)
    return chr(number) if number <= 0x10FFFF else None
