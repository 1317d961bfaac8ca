"""Reading a transcript: bytes → text → lines that remember where they came from.

A transcript is decoded strictly (UTF-8 unless another encoding is named), a leading
byte-order mark is noted and removed, and the text is split into :class:`Line` values
that keep their own terminator (``\\n``, ``\\r\\n``, ``\\r`` or nothing), so that the
encoder can put every character back where it found it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from teikit.diagnostics import Diagnostic, InputError

_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")
BLANKS = " \t"
"""The characters, besides line ends, that may stand between blocks in ``<text>``."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the transcript: its text, its terminator, and where it starts."""

    number: int
    text: str
    eol: str
    offset: int

    @property
    def is_blank(self) -> bool:
        """Only spaces and tabs: what XML can carry between elements (a form feed or
        another control character makes a line of content, not a separator)."""
        return not self.text.strip(BLANKS)


@dataclass(frozen=True)
class Transcript:
    """A decoded transcript: the text (without BOM) and its lines."""

    name: str
    text: str
    lines: tuple[Line, ...]
    bom: bool = False
    encoding: str = "utf-8"
    size: int = 0


def split_lines(text: str) -> tuple[Line, ...]:
    """Split ``text`` into lines, keeping each line's terminator exactly."""
    lines: list[Line] = []
    offset = 0
    for match in _LINE.finditer(text):
        body, eol = match.group(1), match.group(2)
        if not body and not eol and match.start() == len(text):
            break
        lines.append(Line(len(lines) + 1, body, eol, offset))
        offset = match.end()
    return tuple(lines)


def decode(data: bytes, name: str, encoding: str = "utf-8") -> Transcript:
    """Decode ``data`` strictly; a decoding failure names the line, column and byte offset."""
    bom = False
    if encoding.lower().replace("-", "") in {"utf8", "utf8sig"} and data.startswith(
        codecs.BOM_UTF8
    ):
        data, bom = data[len(codecs.BOM_UTF8) :], True
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except LookupError:
        raise InputError(f"{name}: unknown text encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise InputError(_decode_message(name, data, exc, encoding)) from None
    size = len(data) + (len(codecs.BOM_UTF8) if bom else 0)
    return Transcript(name, text, split_lines(text), bom, encoding, size)


def _decode_message(name: str, data: bytes, exc: UnicodeDecodeError, encoding: str) -> str:
    good = data[: exc.start].decode(encoding, errors="replace")
    line = good.count("\n") + 1
    column = len(good) - (good.rfind("\n") + 1) + 1
    return (
        f"{name}:{line}:{column}: byte 0x{data[exc.start]:02x} at offset {exc.start} is not "
        f"valid {encoding}; name the file's encoding with --encoding (for example cp1252)"
    )


def position(transcript: Transcript, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset in the transcript's text."""
    lo, hi = 0, len(transcript.lines) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if transcript.lines[mid].offset <= offset:
            lo = mid
        else:
            hi = mid - 1
    if not transcript.lines:
        return 1, 1
    line = transcript.lines[lo]
    return line.number, offset - line.offset + 1


def diagnostic_at(
    transcript: Transcript, offset: int, code: str, message: str, **kw: object
) -> Diagnostic:
    """A diagnostic located at a character offset of the transcript."""
    line, column = position(transcript, offset)
    return Diagnostic(transcript.name, line, column, code=code, message=message, **kw)  # type: ignore[arg-type]
