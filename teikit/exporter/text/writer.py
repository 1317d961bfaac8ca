"""The reading text's output: runs of text, line breaks and paragraph breaks.

Breaks are requested, not written: a break is written only when more text follows, and
the strongest break requested since the last text wins. So nested blocks never give
runs of blank lines, and a block that renders no text leaves no trace. Inside a line,
whitespace runs (including the source's own newlines) are one space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

SPACES: Final = re.compile(r"\s+")

LINE: Final = 1
"""A line break: what follows starts a new line."""
PARAGRAPH: Final = 2
"""A paragraph break: a blank line."""


LINE_END_HYPHENS: Final = ("\u00ad", "¬", "⸗")
"""Signs that only mark a word broken at the end of a line (a plain hyphen may be part of
the word: ``Vor- und Nachteil``)."""

HYPHENS: Final = ("-", "\u2010")
"""A plain hyphen, which at a line's end may break a word or belong to it."""
NOT_CONTINUATIONS: Final = frozenset({
    "und", "oder", "bis", "sowie", "noch", "and", "or", "nor", "to", "et", "ou", "e", "y",
    "o", "und/oder"})
"""Words after a line-end hyphen that show it belongs to a compound (``Vor- und Nachteil``)."""
BROKEN_END: Final = re.compile(r"[^\W\d_][-\u2010]$")


def continues_word(following: str) -> bool:
    """Whether text after a plain hyphen at a line's end goes on with the word it broke:
    it starts with a small letter and is not a conjunction (``und``, ``or`` …)."""
    first = following.split(" ", 1)[0]
    return bool(first) and first[0].islower() and first.rstrip(",.;:") not in \
        NOT_CONTINUATIONS


RUN_IN_ENDS: Final = (".", ":", ",", ";", "—", "-")
"""Punctuation a run-in label may end with already (no mark is added after it)."""


@dataclass
class Writer:
    """Collects the reading text (see the module's docstring)."""

    parts: list[str] = field(default_factory=list)
    pending: int = 0
    glued: bool = False
    """After a break inside a word: the next text's leading whitespace is dropped."""
    held: bool = False
    """After a run-in label (``SPEAKER:``): breaks are ignored until the next text."""
    hyphenated: bool = False
    """After a line break that follows a plain hyphen: the next text decides whether the
    word goes on (:func:`continues_word`), is a compound whose hyphen stays (a capital
    follows), or ends there (``Vor- und Nachteil``)."""

    def text(self, value: str) -> None:
        """Add a run of text (whitespace collapsed)."""
        value = SPACES.sub(" ", value)
        if self.hyphenated and value.strip():
            self.hyphenated = False
            following = value.lstrip(" ")
            if self.pending <= LINE and continues_word(following):
                self._rejoin()
            elif self.pending <= LINE and following[:1].isupper():
                self._rejoin(keep_hyphen=True)  # a compound: "Sea-<lb/>Almanac"
        if self.glued or self.pending or not self.parts:
            value = value.lstrip(" ")
        if not value:
            return
        if self.held:
            self.pending, self.held = 0, False
            value = " " + value.lstrip(" ")
        if self.pending and self.parts:
            self._trim()
            self.parts.append("\n" * self.pending)
        self.pending = 0
        self.glued = False
        if value.startswith(" ") and self.parts and self.parts[-1].endswith((" ", "\n")):
            value = value[1:]
        if value:
            self.parts.append(value)

    def brk(self, level: int) -> None:
        """Ask for a break of ``level`` (:data:`LINE` or :data:`PARAGRAPH`)."""
        if not self.held:
            self.pending = max(self.pending, level)

    def run_in(self, mark: str) -> None:
        """End a run-in label with ``mark`` (``SPEAKER`` → ``SPEAKER:``) unless it ends
        with punctuation of its own (``JOCASTE.``, ``HAMLET:``); what follows continues its
        line after a space."""
        self._trim()
        if self.parts and not self.parts[-1].endswith((mark, *RUN_IN_ENDS)):
            self.parts.append(mark)
        self.held = bool(self.parts)

    def tab(self, count: int = 1) -> None:
        """Set a table's next cell apart: ``count`` tabs (one per column the cell before
        spans), written now so that an empty cell still keeps its column. A break asked
        for before it (the row's line) is written first."""
        self._trim()
        if self.pending and self.parts:
            self.parts.append("\n" * self.pending)
        self.pending, self.held, self.hyphenated = 0, False, False
        self.parts.append("\t" * count)
        self.glued = True

    def glue(self) -> None:
        """Join what comes next to what came before, without a space (a word broken at
        the end of a line)."""
        self._trim()
        self.glued = True

    def line_end(self) -> None:
        """Note a line break: after a plain hyphen the word may go on (see :meth:`text`)."""
        self._trim()
        self.hyphenated = bool(self.parts) and bool(BROKEN_END.search(self.parts[-1]))

    def _rejoin(self, keep_hyphen: bool = False) -> None:
        """Leave out the break after the hyphen (and the hyphen, unless ``keep_hyphen``):
        the word goes on."""
        self.pending = 0
        self._trim()
        if not keep_hyphen:
            self.parts[-1] = self.parts[-1][:-1]
        self.glued = True

    def unhyphenate(self) -> bool:
        """At a line break: when the text so far ends with a line-end hyphen that is only
        that (a soft hyphen, ``¬``, ``⸗``: :data:`LINE_END_HYPHENS`), leave it out and join
        what follows to the word it broke; True when it did."""
        self._trim()
        if not self.parts or not self.parts[-1].endswith(LINE_END_HYPHENS):
            return False
        self.parts[-1] = self.parts[-1][:-1]
        if not self.parts[-1]:
            self.parts.pop()
        self.glued = True
        return True

    def _trim(self) -> None:
        while self.parts and self.parts[-1].endswith(" "):
            last = self.parts.pop().rstrip(" ")
            if last:
                self.parts.append(last)
                break

    def settled(self) -> str:
        """Take out and return the text that no later call can change (a long text can then
        be kept as a few strings, or as bytes, not as millions of small strings): the parts
        before the last part that holds a letter or a digit. Only the last part is ever
        read or changed, and a part is dropped only when spaces are trimmed off it or its
        one hyphen left out (or a run-in mark's one sign, :meth:`_rejoin`): a letter or a
        digit is never taken off, so that part stays, and stays in front of the ones
        before it. The text is then what this returns followed by :meth:`result`."""
        for index in range(len(self.parts) - 1, 0, -1):
            if any(map(str.isalnum, self.parts[index])):
                done = "".join(self.parts[:index])
                del self.parts[:index]
                return done
        return ""

    def result(self) -> str:
        """The text written so far, ending with one newline (or empty)."""
        self._trim()
        text = "".join(self.parts)
        return text + "\n" if text else ""
