"""Line roles from evidence: what each line of a document is, whatever its wording.

The pipeline, one module each:

* :mod:`lexicon` — phrase lists as data files (``roles/data/*.txt``);
* :mod:`shapes` — wording-free patterns (page markers, labels, numbers, brackets);
* :mod:`features` — the facts about each line and about the page;
* :mod:`evidence` — one function per role weighs the facts into a score with reasons;
* :mod:`grammar` — what may follow what, and the best sequence for the whole document.

:func:`read` runs them over the non-blank lines of a region; each
:class:`~teikit.encoder.roles.grammar.Decision` keeps its evidence, which
``teikit encode --explain`` prints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from teikit.encoder.dates import DateOptions
from teikit.encoder.roles import shapes, wrap
from teikit.encoder.roles.evidence import Context
from teikit.encoder.roles.features import Line
from teikit.encoder.roles.grammar import Decision, best_path
from teikit.encoder.roles.page import Page, usual_gap
from teikit.encoder.source import BLANKS
from teikit.encoder.source import Line as SourceLine


def logical_lines(lines: Sequence[SourceLine], indices: Sequence[int],
                  dates: DateOptions) -> list[Line]:
    """Feature lines for the non-blank ``indices``.

    Two kinds of line are joined with the lines after them: a bracket left open at the
    end of a line (``[Stamp: Ministry …`` … ``Reg. No. 4127]``) up to the line that
    closes it, when that comes within a few lines; and, in a transcript that separates
    its paragraphs with blank lines, prose wrapped over several lines."""
    found: list[Line] = []
    gaps = [b - a for a, b in pairwise(indices)]
    wrapped = any(gap > 1 for gap in gaps)
    columns = wrap.width(lines, indices)
    step = usual_gap(gaps)
    openers = wrap.indented_openers(lines, indices, step)
    position = 0
    listing = False  # under a record's heading of a list: one entry a line
    end = -1  # the last transcript line read so far, a drawn line included
    while position < len(indices):
        first = indices[position]
        if position and indices[position - 1] == first - 1 and underlines(
                lines[first - 1].text, lines[first].text):
            end, position = first, position + 1
            continue  # an underline: no role of its own, nor a gap
        last_pos = _bracket_end(lines, indices, position, step)
        joins = wrapped or columns.columns is not None
        if joins:  # only a transcript whose lines may be wrapped reads its lists for it
            heading = wrap.list_heading(lines[first].text)
            under = (lines[indices[position + 1]].text if position + 1 < len(indices)
                     and indices[position + 1] == first + 1 else None)
            listing = heading if heading is not None else listing and (
                position == 0 or indices[position - 1] + 1 == first) and not (
                wrap.runs_on(columns, lines[first].text, under))
        if position in openers and last_pos == position:
            last_pos = _indented_end(lines, indices, position, openers, step)
        elif joins and last_pos == position and not listing:
            last_pos = _wrap_end(lines, indices, position, columns)
        if last_pos == position and not listing:
            last_pos = _hyphen_end(lines, indices, position, step)
        text = "\n".join(lines[i].text.strip(BLANKS) for i in indices[position : last_pos + 1])
        blank_before = bool(found) and end + 1 < first
        line = Line(len(found), first, text, dates, last=indices[last_pos],
                    blank_before=blank_before or not found)
        found.append(line)
        end, position = line.last, last_pos + 1
    for before, after in pairwise(found):
        before.blank_after = after.blank_before
    if found:
        found[-1].blank_after = True
    return found


def underlines(above: str, line: str) -> bool:
    """Whether ``line`` is drawn with the keys under ``above`` and about as long
    (``=====`` under a heading): it is written as an ``fw`` where it stands, and the
    roles are read as if it were not there. A short rule under a line (``______`` over
    the notes) is a line of its own."""
    return (shapes.drawn(line) and not shapes.drawn(above)
            and abs(len(line.strip(BLANKS)) - len(above.strip(BLANKS)))
            <= max(3, len(above.strip(BLANKS)) // 4))


def _wrap_end(lines: Sequence[SourceLine], indices: Sequence[int], position: int,
              columns: wrap.Width) -> int:
    """The last line of a paragraph wrapped over lines that follow each other
    (:mod:`~teikit.encoder.roles.wrap` says which breaks are wraps)."""
    depth, start = 0, position
    while position + 1 < len(indices) and indices[position + 1] == indices[position] + 1 and (
            not shapes.drawn(lines[indices[position + 1]].text)):
        text = lines[indices[position]].text
        depth += _depth(text)
        then = (lines[indices[position + 2]].text if position + 2 < len(indices)
                and indices[position + 2] == indices[position + 1] + 1 else None)
        if not columns.wraps(text, lines[indices[position + 1]].text, depth > 0, then,
                             going_on=position > start):
            break
        position += 1
    return position


def _indented_end(lines: Sequence[SourceLine], indices: Sequence[int], position: int,
                  openers: set[int], step: int = 1) -> int:
    """The last line of a paragraph that opens with an indented line, in a block that
    marks its paragraphs so (:func:`~teikit.encoder.roles.wrap.indented_openers`): the
    lines flush with the margin under it, up to the next indented line."""
    return _run_end(lines, indices, position, step, lambda at, line, after: (
        at + 1 not in openers and wrap.goes_on_flush(line, after)))


def _hyphen_end(lines: Sequence[SourceLine], indices: Sequence[int], position: int,
                step: int = 1) -> int:
    """The last line of a paragraph whose words are broken over lines with a hyphen
    (``… the opera-`` / ``tors of the evaporators …``; ``step`` 2 where a blank line
    follows every line), where the reading of wrapped lines did not join them."""
    return _run_end(lines, indices, position, step,
                    lambda _at, line, after: wrap.hyphen_break(line, after))


def _run_end(lines: Sequence[SourceLine], indices: Sequence[int], position: int, step: int,
             goes_on: Callable[[int, str, str], bool]) -> int:
    """The last position from ``position`` on while each next line follows within
    ``step`` and ``goes_on(position, text, next text)`` holds."""
    while position + 1 < len(indices) and indices[position + 1] <= indices[position] + step and (
            goes_on(position, lines[indices[position]].text, lines[indices[position + 1]].text)):
        position += 1
    return position


def _depth(text: str) -> int:
    return text.count("[") - text.count("]")


def _bracket_end(lines: Sequence[SourceLine], indices: Sequence[int], position: int,
                 step: int = 1) -> int:
    """The position of the line that closes a bracket the line at ``position`` opens
    (at most four lines on, all in one block; ``step`` 2 in a transcript that puts a
    blank line after every line), else ``position``."""
    text = lines[indices[position]].text
    if _depth(text) <= 0:
        return position
    depth = _depth(text)
    for ahead in range(position + 1, min(position + 5, len(indices))):
        if indices[ahead] > indices[ahead - 1] + step:
            return position
        depth += _depth(lines[indices[ahead]].text)
        if depth <= 0:
            return ahead if depth == 0 else position
    return position


def read(lines: Sequence[Line]) -> list[Decision]:
    """The role of each line, chosen for the document as a whole."""
    return best_path(Context(Page(lines)), lines)


__all__ = ["Decision", "Line", "Page", "logical_lines", "read"]
