"""The value every evidence function returns, and the neighbourhood it reads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from teikit.encoder.roles.features import Line
from teikit.encoder.roles.page import Page


@dataclass
class Evidence:
    """A role's score for one line and the reasons behind it."""

    score: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def add(self, weight: float, reason: str) -> Evidence:
        self.score += weight
        self.reasons.append(f"{reason} {weight:+.1f}")
        return self


@dataclass(frozen=True)
class Context:
    """The page a line belongs to, for the neighbour features."""

    page: Page

    def at(self, line: Line) -> int:
        return self.page.at(line)

    def prev(self, line: Line) -> Line | None:
        return self.page.get(self.at(line) - 1)

    def next(self, line: Line) -> Line | None:
        return self.page.get(self.at(line) + 1)

    def before_text(self, line: Line) -> bool:
        return self.at(line) < self.page.first_prose

    def below_text_start(self, line: Line) -> bool:
        """Below the first line of running text, whatever ``line`` reads like."""
        return self.at(line) > self.page.first_prose

    def after_text(self, line: Line) -> bool:
        """Below running text: a document's foot (an enclosure has its own text above
        its own foot, so this is not only the end of the transcript)."""
        return self.below_text_start(line) and not line.sentence


    def table_row(self, line: Line) -> bool:
        """Whether ``line`` is a row of a small table typed in columns
        (:attr:`Page.table_rows`)."""
        return self.at(line) in self.page.table_rows


Rule = Callable[[Context, Line], "Evidence | None"]
