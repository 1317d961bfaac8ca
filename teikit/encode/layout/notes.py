"""A notes section at the end of a transcript: ``Notes`` then ``[1] …`` / ``1. …`` / ``¹ …``.

The heading becomes ``back/div[@type=notes]/head``, each entry a
``note[@type=footnote][@place=end]`` with ``@n`` and an ``xml:id`` that references in the
text (``[1]``, ``¹``, ``Korea1``) point to. Entries may also stand without a heading:

* when every trailing line starts with a bracketed number, the first being ``[1]``;
* as web editions print them (``1. Source: …`` after the signature): consecutive numbers,
  each referenced in the text above by digits glued to a word (``…State1``), in order.
  Lines between two entries continue the note above them. The section must not continue
  a run of numbered paragraphs (``3.`` right after ``2. …`` is a paragraph).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from teikit.encode.inline.footnotes import glued_references
from teikit.encode.layout.units import Spec, Unit
from teikit.encode.source import BLANKS, Line

HEADING = re.compile(r"^(notes|footnotes|endnotes|references|sources)\s*:?$", re.IGNORECASE)
ENTRY = re.compile(r"^(?P<label>\[(?P<a>\d+)\]|(?P<b>\d+)\.|(?P<c>[¹²³⁴⁵⁶⁷⁸⁹⁰]+))\s")
MAX_NOTES = 60
"""How many trailing entries may be footnotes (bounds the work: encoding stays linear)."""
_SUPER = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def entry_number(text: str) -> tuple[str, int] | None:
    """The note number and the length of its label, for a line that opens a note."""
    match = ENTRY.match(text)
    if not match:
        return None
    number = match.group("a") or match.group("b") or match.group("c").translate(_SUPER)
    return number, len(match.group("label"))


def split(lines: Sequence[Line], indices: Sequence[int]) -> tuple[list[int], list[int]]:
    """Split non-blank line ``indices`` into (text, notes section)."""
    start = glued_section(lines, indices)
    if start is not None:
        if start and HEADING.match(lines[indices[start - 1]].text.strip(BLANKS)):
            start -= 1
        return list(indices[:start]), list(indices[start:])
    for pos in range(len(indices) - 1, -1, -1):
        text = lines[indices[pos]].text.strip(BLANKS)
        if HEADING.match(text):
            rest = indices[pos + 1 :]
            if rest and entry_number(lines[rest[0]].text.strip(BLANKS)):
                return list(indices[:pos]), list(indices[pos:])
            return list(indices), []
    tail = len(indices)
    while tail > 0:
        entry = ENTRY.match(lines[indices[tail - 1]].text.strip(BLANKS))
        if entry is None or not entry.group("a"):
            break
        tail -= 1
    if 0 < tail < len(indices) and len(indices) - tail >= 1:
        first = lines[indices[tail]].text.strip(BLANKS)
        if first.startswith("[1]"):
            return list(indices[:tail]), list(indices[tail:])
    return list(indices), []


def _plain_number(text: str) -> int | None:
    match = ENTRY.match(text)
    return int(match.group("b")) if match and match.group("b") else None


def glued_section(lines: Sequence[Line], indices: Sequence[int]) -> int | None:
    """Where a trailing ``N. note`` section referenced by glued digits starts (a position
    in ``indices``), or ``None``. Candidates are the last :data:`MAX_NOTES` entries; the
    earliest whose numbers are referenced (:func:`_referenced`) in the text above wins."""
    entries = [(p, n) for p, i in enumerate(indices)
               if (n := _plain_number(lines[i].text.strip(BLANKS))) is not None][-MAX_NOTES:]
    refs = _References()
    done = 0
    for at, (pos, number) in enumerate(entries):
        refs.read("\n".join(lines[i].text for i in indices[done:pos]))
        done = pos
        before = _plain_number(lines[indices[pos - 1]].text.strip(BLANKS)) if pos else None
        if before != number - 1 and refs.cover([n for _, n in entries[at:]]):
            return pos
    return None


class _References:
    """Glued numbers met so far, in text order, with where each number occurs."""

    def __init__(self) -> None:
        self.count = 0
        self.where: dict[str, list[int]] = {}

    def read(self, text: str) -> None:
        for _start, _end, number in glued_references(text):
            self.where.setdefault(number, []).append(self.count)
            self.count += 1

    def cover(self, numbers: list[int]) -> bool:
        """Whether ``numbers`` are referenced: all of them in order; or, when they run
        consecutively, the first and at least half of them in order (a number glued to
        another, ``871`` + ``2``, cannot be seen). Binary searches: the cost does not
        grow with the text."""
        hits, cursor = [], 0
        for number in numbers:
            positions = self.where.get(str(number), [])
            at = bisect_left(positions, cursor)
            hits.append(at < len(positions))
            if hits[-1]:
                cursor = positions[at] + 1
        if all(hits):
            return True
        consecutive = numbers == list(range(numbers[0], numbers[0] + len(numbers)))
        return consecutive and hits[0] and 2 * sum(hits) >= len(hits)


def unique_id(wanted: str, used: set[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``… when a note of that number exists already."""
    candidate, suffix = wanted, 1
    while candidate in used:
        suffix += 1
        candidate = f"{wanted}-{suffix}"
    used.add(candidate)
    return candidate


def units(
    lines: Sequence[Line], indices: Sequence[int], back: Spec
) -> tuple[list[Unit], dict[str, str], bool]:
    """Units for the notes section, the note ids by number, and whether it is a reference list."""
    spec = Spec("div", {"type": "notes"})
    found: list[Unit] = []
    ids: dict[str, str] = {}
    used: set[str] = set()
    references = False
    for index in indices:
        text = lines[index].text.strip(BLANKS)
        entry = entry_number(text)
        if entry is None and HEADING.match(text) and not found:
            references = text.lower().rstrip(":") in {"references", "sources"}
            found.append(Unit("head", index, index, (back, spec), inline=False))
            continue
        if entry is None and found and found[-1].tag == "note":
            found[-1].last = index
            continue
        if entry is None:
            found.append(Unit("p", index, index, (back, spec)))
            continue
        number, label = entry
        note_id = unique_id(f"note-{number}", used)
        ids.setdefault(number, note_id)
        attrs = {"xml:id": note_id, "n": number, "type": "footnote", "place": "end",
                 "_label": str(label)}
        found.append(Unit("note", index, index, (back, spec), attrs))
    if references:
        ids = {}
    return found, ids, references
