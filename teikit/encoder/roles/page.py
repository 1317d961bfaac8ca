"""The facts about a whole region that each line's evidence is compared against: where
running text begins and ends, whether the document is typed in capitals, how many
dated headings and dated paragraphs it has."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from teikit.encoder.roles.features import Line
from teikit.encoder.roles.lexicon import lexicon, tokens
from teikit.encoder.roles.memo import feature
from teikit.encoder.roles.names import person_lead

_TABLE_WINDOW = 40
"""How many lines of a run in columns a row is judged with (itself included)."""


def _with_function(line: Line) -> bool | None:
    """A person's name with a function after it: True when it names a known office or
    body (``Sir Geoffrey Tillard, Ambassador``, ``Colonel Heiner Dorsch, Armaments
    Division``), False for a few other capitalised words (``Naval Staff``), None for
    anything else."""
    if line.sentence or line.size > 14 or line.digits:
        return None
    name, comma, function = line.text.partition(",")
    if not comma:
        name, paren, function = line.text.partition("(")
        if not paren or not line.text.endswith(")"):
            return None
    withheld = name.startswith("[") and name.rstrip().endswith("]")  # "[name not declassified]"
    if not withheld and (len(name.split()) < 2 or person_lead(line.text) < 0.45):
        return None
    words = tokens(function)
    if lexicon("role_words").find(words) or lexicon("org_words").find(words):
        return True
    return False if 0 < len(words) <= 5 and function.strip()[:1].isupper() else None


def _group_name(line: Line) -> bool:
    """A short capitalised line without a stop or a digit: a country or a body whose
    people are listed under it."""
    return (line.size <= 5 and not line.digits and line.end.isalpha() and line.label is None
            and line.capitalised >= 0.5)


def _columns(line: Line) -> int:
    """How many columns a line is typed in (by three spaces or by tabs); 0 for one."""
    return len(line.columns) or (line.cells if line.cells >= 2 else 0)


@dataclass
class Page:
    """A region's lines and the facts the evidence compares them against."""

    lines: Sequence[Line]

    @feature
    def positions(self) -> dict[int, int]:
        return {id(line): position for position, line in enumerate(self.lines)}

    def at(self, line: Line) -> int:
        """The line's position in the region."""
        return self.positions[id(line)]

    def get(self, position: int) -> Line | None:
        return self.lines[position] if 0 <= position < len(self.lines) else None

    @feature
    def prose(self) -> list[int]:
        """Positions of the lines of running prose (sentences of some length); a title
        that reads as one at the top (``Minutes of a meeting held … at 7 p.m.``) is not."""
        found = [n for n, line in enumerate(self.lines) if line.sentence and line.size >= 3]
        while found and found[0] <= 2 and (self.lines[found[0]].starts("kind_words")
                                           or self.lines[found[0]].framed
                                           or self.lines[found[0]].copy_note
                                           or self.lines[found[0]].receipt_note
                                           or self.lines[found[0]].edition_note
                                           or self.lines[found[0]].count("conventions") >= 2):
            del found[0]  # nor is a remark in brackets there ("(Translated from the …)"), nor
            # the editors' statement of their conventions, nor a remark on the copy
        return found

    @feature
    def addressed(self) -> str:
        """The running text in lower case, for what it addresses (``presents its
        compliments to the Portuguese Foreign Ministry``)."""
        return " ".join(" ".join(self.lines[n].text.split()) for n in self.prose).lower()

    @feature
    def first_prose(self) -> int:
        return self.prose[0] if self.prose else len(self.lines)

    @feature
    def participants_label(self) -> int | None:
        """Where the first line that opens with a label of participants is (``PARTICIPANTS:``,
        ``Present:``), if any."""
        return next((n for n, line in enumerate(self.lines)
                     if line.label is not None and line.starts("participant_labels")), None)

    @feature
    def name_block(self) -> frozenset[int]:
        """Positions of a block above the text of two or more people, each with a function
        (``Dr. Lothar Brückmann, State Secretary``), and of the short names of the groups
        they are listed in (``United Kingdom``): participants without a label."""
        # the text begins at the first prose that is no dateline ("…, 1963, 10 a.m.")
        end = next((n for n in self.prose if not self.lines[n].place_date), len(self.lines))
        named = {n: known for n, line in enumerate(self.lines[:end])
                 if (known := _with_function(line)) is not None}
        found: set[int] = set()
        run: list[int] = []
        for n in range(end + 1):
            line = self.get(n) if n < end else None
            if n in named or (line is not None and n + 1 in named and _group_name(line)):
                run.append(n)
                continue
            if sum(named.get(m, False) for m in run) >= 2:  # two offices or bodies known
                found.update(run)
            run = []
        return frozenset(found)

    @feature
    def top_bodies(self) -> tuple[tuple[str, ...], ...]:
        """The words of each line above the text that names an office or an organisation
        (``Main Department of International Relations``), for a line at the foot that names
        a unit of it again."""
        return tuple(line.words for line in self.lines[: self.first_prose]
                     if line.has("org_words"))

    @feature
    def last_prose(self) -> int:
        """The last line of running prose (past the end when there is none, so that no
        line counts as coming after the text)."""
        return self.prose[-1] if self.prose else len(self.lines)

    @feature
    def spacing(self) -> int:
        """2 in a transcript that puts a blank line after every line, else 1."""
        return usual_gap([after.number - line.last for line, after in pairwise(self.lines)])

    @feature
    def table_rows(self) -> frozenset[int]:
        """Positions of the rows of small tables typed in columns (apart by tabs or by
        three spaces): three or more lines one under the other with as many columns, two
        of them or more holding figures (``Year  To United Kingdom  To others`` /
        ``1955  61.2  38.4`` / …). A row is judged with at most 39 of its neighbours in
        its run, those above it first."""
        found: set[int] = set()
        start = 0
        while start < len(self.lines):
            width = _columns(self.lines[start])
            end = start
            while end + 1 < len(self.lines) and width >= 2 and (
                    _columns(self.lines[end + 1]) == width
                    and self.adjacent(self.lines[end], self.lines[end + 1])):
                end += 1
            if width >= 2:
                digits = [0]
                for line in self.lines[start : end + 1]:
                    digits.append(digits[-1] + line.digits)
                for position in range(start, end + 1):
                    up = min(position - start, _TABLE_WINDOW - 1)
                    down = min(end - position, _TABLE_WINDOW - 1 - up)
                    held = digits[position - start + down + 1] - digits[position - start - up]
                    if 1 + up + down >= 3 and held >= 2:
                        found.add(position)
            start = end + 1
        return frozenset(found)

    def adjacent(self, line: Line, after: Line) -> bool:
        """Whether ``after`` follows ``line`` with no more space than the page's usual."""
        return after.number - line.last <= self.spacing

    @feature
    def capitals(self) -> bool:
        """Whether the document is typed in capitals (a telegram)."""
        long = [line for line in self.lines  # an editor's note in brackets aside
                if line.size >= 8 and line.bracket is None]
        return bool(long) and sum(line.caps for line in long) >= 0.6 * len(long)

    @feature
    def dated_headings(self) -> int:
        """Short lines that are only a date and open running text: diary entries."""
        count = 0
        for line, after in pairwise(self.lines):
            if ((line.size <= 8 and (line.whole_date is not None or line.partial_date))
                    or line.remarked_date) and after.sentence:
                count += 1
        return count

    @feature
    def short_heads(self) -> int:
        """Short capitalised lines without end punctuation standing over running text
        (``Background``, ``Recommendation``): several of them are a memo's sections."""
        count = 0
        for line, after in pairwise(self.lines):
            if line.size <= 4 and line.end not in ".,;:!?" and after.sentence and (
                    line.capitalised >= 0.5 or line.caps):
                count += 1
        return count

    @feature
    def lettered_heads(self) -> frozenset[int]:
        """Positions of short lines lettered or numbered in Roman numerals in sequence over
        running text (``A. Aim``, ``B. Procedure``; ``II. STUDIES``, ``III. LIVING
        CONDITIONS``): a report's sections, though ``B. Procedure`` or ``II. STUDIES``
        alone would read as a name with an initial."""
        lettered = {n: _ordinals(line.numbered[0]) for n, line in enumerate(self.lines[:-1])
                    if line.numbered is not None and line.numbered[0].isalpha()
                    and line.size <= 8 and self.lines[n + 1].sentence}
        places = {place for found in lettered.values() for place in found}
        return frozenset(n for n, found in lettered.items() if any(
            (kind, at - 1) in places or (kind, at + 1) in places for kind, at in found))

    @feature
    def dated_paragraphs(self) -> int:
        """Paragraphs that open with a date (a journal's entries); a date without a year
        counts when the document names its year."""
        year = context_year(self.lines) is not None
        return sum(1 for line in self.lines if line.sentence and (
            line.lead_date is not None or (year and line.lead_partial is not None)))


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _ordinals(label: str) -> set[tuple[str, int]]:
    """Where ``label`` stands in the alphabet and as a Roman numeral (``I`` in both)."""
    found = set()
    if len(label) == 1:
        found.add(("letter", ord(label.upper())))
    if label and all(ch in _ROMAN for ch in label):
        values = [_ROMAN[ch] for ch in label]
        found.add(("roman", sum(-v if v < after else v
                                for v, after in zip(values, [*values[1:], 0], strict=True))))
    return found


_YEAR = re.compile(r"\b(1[0-9]\d\d|20\d\d)\b")


def usual_gap(gaps: Sequence[int]) -> int:
    """2 when (nearly) every line is followed by a blank line, else 1: the step between
    lines that follow each other on this page."""
    return 2 if len(gaps) >= 4 and sum(gap == 2 for gap in gaps) >= 0.9 * len(gaps) else 1


def context_year(lines: Sequence[Line]) -> int | None:
    """The year a document names near its top (``Journal … 1889``, a first dated entry):
    the year of its dates that have none."""
    for line in lines[:3]:
        found = _YEAR.search(line.text)
        if found:
            return int(found.group(1))
    return None
