"""Runs an ordered chain of named inline rules over a block's text.

At every ``[`` the bracket rules are tried in order until one accepts the span; at other
trigger characters the character rules are tried. Text no rule claims is kept verbatim.
A rule that wraps content (``supplied``) asks the engine to parse its inside with the
same chain, so conventions nest (``[the [Polish] side]``), down to MAX_NESTING levels.
Conventions a profile declares (``options["conventions"]``, see
:mod:`teikit.encoder.inline.declared_rules`) run first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from teikit.diagnostics import Diagnostic
from teikit.encoder.inline.state import Bracket, Context, InlineState, match_brackets
from teikit.encoder.model import Node

MAX_NESTING: Final = 100
"""Brackets nested deeper than this stay text (warning TK102): the engine's stack and the
TEI's depth stay bounded (see :data:`teikit.tei.MAX_DEPTH`), whatever the transcript."""

BracketRule = Callable[["Engine", InlineState, Bracket], bool]
CharRule = Callable[["Engine", InlineState], bool]


@dataclass(frozen=True)
class RuleSet:
    """The active rules, in order: bracket rules, and character rules by trigger."""

    brackets: Sequence[tuple[str, BracketRule]]
    chars: Mapping[str, Sequence[tuple[str, CharRule]]]


class Engine:
    """Applies a :class:`RuleSet` with options to blocks of text."""

    def __init__(self, rules: RuleSet, options: dict[str, object], context: Context) -> None:
        from teikit.encoder.inline.declared_rules import extend

        conventions = options.get("conventions", ())
        self.rules = extend(rules, conventions if isinstance(conventions, tuple) else ())
        self.options = options
        self.context = context
        self.triggers = frozenset("[]" + "".join(self.rules.chars))

    def run(self, src: str, base: int, diagnostics: list[Diagnostic]) -> list[Node]:
        """Inline nodes for ``src`` (a block starting at transcript offset ``base``)."""
        state = InlineState(src, base, self.options, self.context, diagnostics)
        state.pairs, stray = match_brackets(src)
        for index in stray:
            kind = "opening" if src[index] == "[" else "closing"
            state.warn(index, "TK101", f"unbalanced {kind} bracket kept as text")
        return self.parse(state, 0, len(src))

    def parse(self, state: InlineState, start: int, end: int) -> list[Node]:
        """Parse ``state.src[start:end]`` into fresh output and return it."""
        saved_out, saved_pos, saved_end = state.out, state.pos, state.end
        state.out, state.pos, state.end = [], start, end
        state.depth += 1
        while state.pos < end:
            if not self.step(state, end):
                state.push_text(state.src[state.pos])
                state.pos += 1
            run_end = state.pos
            while run_end < end and state.src[run_end] not in self.triggers:
                run_end += 1
            state.push_text(state.src[state.pos : run_end])
            state.pos = run_end
        result = state.out
        state.out, state.pos, state.end = saved_out, saved_pos, saved_end
        state.depth -= 1
        return result

    def step(self, state: InlineState, end: int) -> bool:
        char = state.src[state.pos]
        if char == "[":
            close = state.pairs.get(state.pos)
            if close is None or close >= end:
                return False
            if state.depth > MAX_NESTING:
                return self.too_deep(state, close + 1)
            bracket = Bracket(state.pos, close + 1, state.src[state.pos + 1 : close])
            for _name, rule in self.rules.brackets:
                if rule(self, state, bracket):
                    state.pos = bracket.end
                    return True
            return False
        for _name, char_rule in self.rules.chars.get(char, ()):
            start = state.pos
            if char_rule(self, state):
                assert state.pos > start, "a character rule must consume text"
                return True
        return False

    def too_deep(self, state: InlineState, end: int) -> bool:
        """Keep a bracket nested past MAX_NESTING, and all it holds, as text."""
        state.warn(state.pos, "TK102", f"brackets nested deeper than {MAX_NESTING} levels "
                   "kept as text")
        state.push_text(state.src[state.pos : end])
        state.pos = end
        return True

    def inner(self, state: InlineState, bracket: Bracket) -> list[Node]:
        """The parsed content between a bracket's delimiters."""
        return self.parse(state, bracket.inner_start, bracket.end - 1)
