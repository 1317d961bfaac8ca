"""Characters that XML 1.0 cannot carry in text (C0 controls other than tab and line ends,
U+FFFE and U+FFFF). The encoder writes them as ``<g type="control">``."""

from __future__ import annotations

import re

INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""What XML cannot carry, and lone surrogates too: a file name's bytes that are not UTF-8
come to Python as surrogates (``os.fsdecode``), which no XML text or attribute can hold."""


def xml_text(value: str) -> str:
    """``value`` with every character XML cannot carry replaced by U+FFFD (for copies, such
    as a file name in the header, where the exact characters are not the point)."""
    return NOT_TEXT.sub("\ufffd", value)


_NOT_SHOWN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def shown(text: str) -> str:
    """``text`` fit for any report (a terminal, JSON, JUnit XML): a control character as
    ``\\x01``, a file name's byte that is not UTF-8 (a lone surrogate in Python) as
    ``\\xff``, so that the name is still recognisable and nothing fails to encode."""
    return _NOT_SHOWN.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for the byte code - 0xDC00
        code -= 0xDC00
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
