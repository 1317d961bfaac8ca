"""The lexical structure: ``\\x{..}`` escapes decoded with the way back to the original line
and column, and the tokens (names, literals in four quotings, operators, ``##`` lines)."""

from __future__ import annotations

import bisect
import re
from typing import Final, NamedTuple

from teikit.diagnostics import Diagnostic, Severity
from teikit.validator.rnc.errors import RncError, rnc_error

KEYWORDS: Final = frozenset((
    "attribute", "default", "datatypes", "div", "element", "empty", "external", "grammar",
    "include", "inherit", "list", "mixed", "namespace", "notAllowed", "parent", "start",
    "string", "text", "token"))

_NEWLINE: Final = re.compile(r"\r\n?|\n")
_ESCAPE: Final = re.compile(r"\\x+\{([0-9A-Fa-f]{1,8})\}")
_SPACE: Final = re.compile(r"[ \t\r\n]+")
_LINE_END: Final = re.compile(r"[\r\n]")
_NC: Final = r"[^\W\d][\w.\-\u00B7\u0300-\u036F\u203F\u2040]*"
_TOKEN: Final = re.compile(
    rf"(?P<nsname>{_NC}):\*|(?P<cname>{_NC}:{_NC})|(?P<name>{_NC})|\\(?P<quoted>{_NC})"
    r"|(?P<op>[|&]=|>>|[=,|&?*+\-~{}()\[\]])")
_QUOTE_STOP: Final = {q: re.compile(f"[{q}\r\n]") for q in "\"'"}


class Token(NamedTuple):
    """One token: ``kind`` is name, quoted, cname, nsname, literal, op, doc or eof."""

    kind: str
    value: str
    start: int
    """Offset in the decoded text (see :meth:`Source.location`)."""


def describe(token: Token) -> str:
    """``token`` as an error message names what was found."""
    if token.kind == "eof":
        return "the end of the file"
    if token.kind == "literal":
        return "a string literal"
    prefix, suffix = {"quoted": ("\\", ""), "nsname": ("", ":*")}.get(token.kind, ("", ""))
    return f"`{prefix}{token.value}{suffix}`"


def _is_xml_char(code: int) -> bool:
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD \
        or 0x10000 <= code <= 0x10FFFF


class Source:
    """One file's text with ``\\x{..}`` escapes decoded (the spec does so before anything
    else), and the way back from a decoded offset to the original line and column."""

    def __init__(self, text: str, name: str) -> None:
        self.name = name
        self._lines = [0, *(m.end() for m in _NEWLINE.finditer(text))]
        self._marks: list[tuple[int, int]] = []  # (decoded, original) just after each escape
        self.escaped: set[int] = set()  # decoded offsets of newlines written as escapes
        parts: list[str] = []
        last = size = 0
        for match in _ESCAPE.finditer(text):
            code = int(match.group(1), 16)
            if not _is_xml_char(code):
                raise rnc_error([self._diagnostic_at(
                    match.start(), f"\\x{{{match.group(1)}}} is not an XML character",
                    "rnc-syntax")])
            parts.append(text[last:match.start()])
            size += match.start() - last
            if chr(code) in "\r\n":
                self.escaped.add(size)
            parts.append(chr(code))
            size += 1
            last = match.end()
            self._marks.append((size, last))
        parts.append(text[last:])
        self.text = "".join(parts)
        self._decoded = [mark[0] for mark in self._marks]

    def location(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the original text of decoded ``offset``."""
        return self._where(self._original(offset))

    def _original(self, offset: int) -> int:
        index = bisect.bisect_right(self._decoded, offset) - 1
        return offset if index < 0 else self._marks[index][1] + offset - self._marks[index][0]

    def _where(self, original: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._lines, original)
        return line, original - self._lines[line - 1] + 1

    def _diagnostic_at(self, original: int, message: str, code: str) -> Diagnostic:
        line, column = self._where(original)
        return Diagnostic(self.name, line, column, Severity.ERROR, code, message)

    def error(self, offset: int, message: str, code: str = "rnc-syntax") -> RncError:
        """An :class:`RncError` located at decoded ``offset``."""
        return rnc_error([self.diagnostic(offset, message, code)])

    def diagnostic(self, offset: int, message: str, code: str) -> Diagnostic:
        """A problem located at decoded ``offset``."""
        return self._diagnostic_at(self._original(offset), message, code)



def tokenize(source: Source) -> list[Token]:
    """Every token of ``source`` (``#`` comments dropped, ``##`` lines kept), then ``eof``."""
    text, found, i = source.text, [], 0
    while True:
        space = _SPACE.match(text, i)
        i = space.end() if space else i
        if i >= len(text):
            found.append(Token("eof", "", len(text)))
            return found
        char = text[i]
        if char == "#":
            end = _line_end(source, i)
            if text.startswith("##", i):
                line = text[i:end].lstrip("#")
                found.append(Token("doc", line[1:] if line.startswith(" ") else line, i))
            i = end
        elif char in "\"'":
            token, i = _literal(source, i)
            found.append(token)
        else:
            match = _TOKEN.match(text, i)
            if match is None or match.lastgroup is None:
                raise source.error(i, f"unexpected character {char!r}")
            found.append(Token(match.lastgroup, match.group(match.lastgroup), i))
            i = match.end()


def _line_end(source: Source, start: int) -> int:
    match = _LINE_END.search(source.text, start)
    while match is not None and match.start() in source.escaped:
        match = _LINE_END.search(source.text, match.end())
    return match.start() if match else len(source.text)


def _literal(source: Source, start: int) -> tuple[Token, int]:
    text, quote = source.text, source.text[start]
    if text.startswith(quote * 3, start):
        end = text.find(quote * 3, start + 3)
        if end < 0:
            raise source.error(start, f"unterminated literal (no closing {quote * 3})")
        return Token("literal", text[start + 3:end], start), end + 3
    position = start + 1
    while True:
        stop = _QUOTE_STOP[quote].search(text, position)
        if stop is None or (stop.group() != quote and stop.start() not in source.escaped):
            raise source.error(start, f"unterminated literal (no closing {quote} on this line; "
                                      "use ~ to continue on the next, or triple quotes)")
        if stop.group() == quote:
            return Token("literal", text[start + 1:stop.start()], start), stop.end()
        position = stop.end()
