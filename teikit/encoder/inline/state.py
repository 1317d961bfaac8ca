"""The cursor the inline rules share: the block's text, the position, and the output."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from teikit.diagnostics import Diagnostic, Severity
from teikit.encoder.model import Inline, Node

SEPARATORS = {" ": "", "\u00a0": "nbsp", "\u202f": "narrow-nbsp", "\u2009": "thin-space"}
"""The space that may stand between a word and the editor's mark after it (``Aksoy [?]``,
``comission [sic]`` with a no-break space), and its ``@rend`` token (none for a plain
space)."""


def separator(last: object) -> str | None:
    """The one space ``last`` (the text before a mark) ends with, if it is one of
    :data:`SEPARATORS` and not doubled; else None."""
    if not isinstance(last, str) or not last or last[-1] not in SEPARATORS:
        return None
    if len(last) > 1 and last[-2] in SEPARATORS:
        return None
    return last[-1]


@dataclass(frozen=True)
class Context:
    """Facts about the whole document that inline rules consult."""

    file: str = "<input>"
    note_ids: dict[str, str] = field(default_factory=dict)
    """Footnote number → xml:id of the note in the notes section."""
    has_references: bool = False
    """Whether the document ends with a reference list (so ``[3]`` is a citation)."""
    locate: Callable[[int], tuple[int, int]] = lambda offset: (0, 0)
    bibl_ids: dict[str, str] = field(default_factory=dict)
    """Entry number → xml:id of that entry in the document's reference list (References,
    Bibliography, Literature… whose entries start ``[n]`` or ``n.``): when the layout fills
    it, ``[1]``, ``[2, p. 41]``, ``[3; 4]``, ``[1–3]`` are citations of those entries."""


@dataclass(frozen=True)
class Bracket:
    """A balanced ``[…]`` span: ``start`` at ``[``, ``end`` just after ``]``."""

    start: int
    end: int
    inner: str

    @property
    def inner_start(self) -> int:
        return self.start + 1


@dataclass
class InlineState:
    """Position in a block's text and the nodes produced so far."""

    src: str
    base: int
    options: dict[str, object]
    context: Context
    diagnostics: list[Diagnostic]
    pos: int = 0
    out: list[Node] = field(default_factory=list)
    pairs: dict[int, int] = field(default_factory=dict)
    end: int = 0
    """Where the text being parsed now ends (a rule must not reach past it)."""
    declared: dict[str, dict[int, int]] = field(default_factory=dict)
    """Matched delimiters of each declared convention in this block, found when first needed."""
    depth: int = 0
    """How many bracket contents enclose the cursor (see ``engine.MAX_NESTING``)."""

    def push_text(self, text: str) -> None:
        if not text:
            return
        if self.out and isinstance(self.out[-1], str):
            self.out[-1] += text
        else:
            self.out.append(text)

    def push(self, node: Inline) -> None:
        self.out.append(node)

    def offset(self, pos: int) -> int:
        """Transcript offset of a position in ``src``."""
        return self.base + pos

    def warn(self, pos: int, code: str, message: str) -> None:
        line, column = self.context.locate(self.offset(pos))
        self.diagnostics.append(
            Diagnostic(self.context.file, line, column, Severity.WARNING, code, message)
        )

    def option(self, name: str, default: str = "") -> str:
        value = self.options.get(name, default)
        return value if isinstance(value, str) else default

    def take_word_over_break(self) -> tuple[str, str] | None:
        """Remove and return the word before a line break that ends the output, and the
        break with the spaces around it (``to⏎`` before a ``[sic]`` that opens the next
        line), if the output ends so."""
        if not self.out or not isinstance(self.out[-1], str):
            return None
        match = _WORD_OVER_BREAK.search(self.out[-1])
        if match is None:
            return None
        self._cut_text(match.start())
        return match.group(1), match.group(2)

    def take_last_word(self) -> str | None:
        """Remove and return the word just before the cursor, if the output ends with one."""
        if not self.out or not isinstance(self.out[-1], str):
            return None
        text = self.out[-1]
        stripped = text.rstrip()
        if stripped != text or not stripped:
            return None
        cut = max(text.rfind(" "), text.rfind("\n"), text.rfind("\t")) + 1
        word = text[cut:]
        if not word:
            return None
        self._cut_text(cut)
        return word

    def _cut_text(self, start: int) -> None:
        """Drop the output's last text from ``start`` on (the whole text node if nothing
        is left of it)."""
        last = self.out[-1]
        assert isinstance(last, str), "only a text node is cut"
        remaining = last[:start]
        if remaining:
            self.out[-1] = remaining
        else:
            self.out.pop()


_WORD_OVER_BREAK = re.compile(r"(?:^|(?<=\s))(\S+)([ \t]*\r?\n[ \t]*)$")


def match_brackets(src: str) -> tuple[dict[int, int], list[int]]:
    """Pairs of balanced square brackets (``[`` index → ``]`` index) and the unpaired ones.

    One pass with a stack over the brackets alone (found at C speed), so the cost is
    linear whatever the nesting.
    """
    pairs: dict[int, int] = {}
    stack: list[int] = []
    stray: list[int] = []
    for found in _BRACKET.finditer(src):
        index = found.start()
        if found.group() == "[":
            stack.append(index)
        elif stack:
            pairs[stack.pop()] = index
        else:
            stray.append(index)
    return pairs, sorted(stray + stack)


_BRACKET = re.compile(r"[\[\]]")
