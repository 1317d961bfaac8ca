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
        """Whether ``line`` is a row of a small table typed in columns (apart by tabs or
        by three spaces): three or more lines one under the other with as many columns,
        two of them or more holding figures (``Year  To United Kingdom  To others`` /
        ``1955  61.2  38.4`` / …)."""
        width = _columns(line)
        if width < 2:
            return False
        rows = [line]
        for step in (-1, 1):
            at, here = self.at(line), line
            while len(rows) < 40:
                other = self.page.get(at + step)
                if other is None or _columns(other) != width or not (
                        self.page.adjacent(here, other) if step > 0
                        else self.page.adjacent(other, here)):
                    break
                rows.append(other)
                at, here = at + step, other
        return len(rows) >= 3 and sum(row.digits for row in rows) >= 2


def _columns(line: Line) -> int:
    return len(line.columns) or (line.cells if line.cells >= 2 else 0)


Rule = Callable[[Context, Line], "Evidence | None"]
