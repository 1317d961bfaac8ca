"""The end of a transcript: a notes section, or a list of the works it cites.

Notes — ``Notes`` / ``Footnotes`` / ``NOTES`` then ``[1] …``, ``1. …`` or ``¹ …`` —
become ``back/div[@type=notes]``: the heading a ``head``, each entry a
``note[@type=footnote][@place=end]`` with ``@n`` and an ``xml:id`` that the references
in the text (``[1]``, ``¹``, ``Korea1``) point to. Entries may also stand without a
heading, under a rule (``______``) or straight after the text:

* when every trailing line starts with a bracketed number or a superscript, the first
  being ``[1]`` or ``¹``;
* as web editions print them (``1. Source: …`` after the signature): consecutive numbers,
  each referenced in the text above by digits glued to a word (``…State1``), in order.
  Lines between two entries continue the note above them. The section must not continue
  a run of numbered paragraphs (``3.`` right after ``2. …`` is a paragraph).

A list of works cited — headed ``References``, ``Bibliography``, ``Literature``… (the
list in ``roles/data/references_headings.txt``) — becomes
``back/div[@type=references]`` with a ``listBibl`` whose ``bibl`` entries carry ``@n``
and ``xml:id="bibl-N"``: the ``[1]``, ``[2, p. 41]`` in the text are citations of them,
never footnotes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from teikit.encoder.inline.citations import cited
from teikit.encoder.inline.footnotes import glued_references
from teikit.encoder.layout.units import Spec, Unit
from teikit.encoder.roles.lexicon import lexicon, tokens
from teikit.encoder.roles.shapes import RULE, page_number
from teikit.encoder.source import BLANKS, Line

ENTRY = re.compile(r"^(?P<label>\[(?P<a>\d+)\]|(?P<b>\d+)\.|(?P<c>[¹²³⁴⁵⁶⁷⁸⁹⁰]+))\s")
KEYED = re.compile(r"^(?:\[(?P<key>[A-Z][A-Za-z]{1,10}\d{2,4}[a-z]?)\]|(?P<n>\d{1,3})\))\s")
"""A work of a reference list cited by a key of its author and year (``[BER58] Berg, H.
…``), or numbered with a parenthesis (``1) Abdullaev, Sh. …``): only in a reference list,
where a quoted list of the notes (``2) Since I was told …``) cannot be."""
MAX_NOTES = 60
"""How many trailing entries may be footnotes (bounds the work: encoding stays linear)."""
_SUPER = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


@dataclass
class EndMatter:
    """The units of the end section and the ids the text's references point to."""

    units: list[Unit] = field(default_factory=list)
    note_ids: dict[str, str] = field(default_factory=dict)
    bibl_ids: dict[str, str] = field(default_factory=dict)

    @property
    def references(self) -> bool:
        return bool(self.bibl_ids)


def entry_number(text: str) -> tuple[str, int] | None:
    """The note number and the length of its label, for a line that opens a note."""
    match = ENTRY.match(text)
    if not match:
        return None
    number = match.group("a") or match.group("b") or match.group("c").translate(_SUPER)
    return number, len(match.group("label"))


_GLOSS_AFTER = re.compile(r"\s+\[[^\[\]]{2,40}\]\s*$")


def heading_kind(text: str) -> str | None:
    """``notes`` or ``references`` for a heading line of an end section (a translation
    in brackets after it aside: ``Literatura [Bibliography]``)."""
    text = _GLOSS_AFTER.sub("", text)
    words = tokens(text.rstrip(":"))
    if not words or len(words) > 4 or text.rstrip().endswith((".", ",")):
        return None
    joined = " ".join(words)
    for kind, name in (("references", "references_headings"), ("notes", "notes_headings")):
        hit = lexicon(name).prefix(words)
        if hit is not None and hit == joined:
            return kind
    return None


def _text(lines: Sequence[Line], index: int) -> str:
    return lines[index].text.strip(BLANKS)


def split(lines: Sequence[Line], indices: Sequence[int],
          first: int = 1) -> tuple[list[int], list[int]]:
    """Split non-blank line ``indices`` into (text, end section); a headless run of marked
    notes at the end is numbered from ``first`` (after the notes typed at the feet of the
    pages above, :func:`page_foot`)."""
    pos, kind = _last_heading(lines, indices)
    works = unheaded_works(lines, indices) if kind is None else None
    if works is not None:  # cited in brackets: a list of works, not notes
        return list(indices[:works]), list(indices[works:])
    start = glued_section(lines, indices, pos)
    if start is not None:
        if start and heading_kind(_text(lines, indices[start - 1])):
            start -= 1
        return list(indices[:start]), list(indices[start:])
    rest = indices[pos + 1 :] if kind is not None else []
    if rest and (entry_number(_text(lines, rest[0])) or (
            kind == "references" and KEYED.match(_text(lines, rest[0])))):
        start = pos
        if kind == "references":  # footnotes typed above the reference list: "¹ …" / "² …"
            tail = _marked_tail(lines, indices[:pos], first)
            if tail < pos:
                start = tail - 1 if tail and RULE.match(_text(lines, indices[tail - 1])) else tail
        return list(indices[:start]), list(indices[start:])
    # a heading with no entries under it ("NOTE" over a note's text) heads no section
    for after in range(_AFTER_NOTES + 1):  # the addressee may be written under the notes
        end = len(indices) - after
        if end <= 0 or (after and not _under_notes(lines, indices[end])):
            break
        tail = _marked_tail(lines, indices[:end], first)
        if tail < end:
            if tail and RULE.match(_text(lines, indices[tail - 1])):
                tail -= 1
            return list(indices[:tail]), list(indices[tail:])
    return list(indices), []


_AFTER_NOTES = 2
"""How many lines may follow a headless run of notes (``J. R. Henderson, Esq., …``)."""


_BRACKETED = re.compile(r"\[([^\[\]\n]{1,40})\]")


def unheaded_works(lines: Sequence[Line], indices: Sequence[int]) -> int | None:
    """Where a list of works with no heading starts at the end (``1. Rozanov, A. N.
    Serozems of Central Asia. Moscow, 1951.`` …, a remark or two may follow it): the
    entries numbered from 1 by ``N.``, every number cited in brackets in the text above
    (``[1]``, ``[2, p. 117]``, ``[3; 4]``) and none of them glued to a word as a note's is."""
    end = len(indices)
    for _ in range(_AFTER_NOTES):
        if end and _plain_number(_text(lines, indices[end - 1])) is None:
            end -= 1
    start = end
    while start and _plain_number(_text(lines, indices[start - 1])) is not None:
        start -= 1
    numbers = [_plain_number(_text(lines, i)) for i in indices[start:end]]
    if len(numbers) < 2 or numbers != list(range(1, len(numbers) + 1)):
        return None
    if start < end and end < len(indices) and any(
            _plain_number(_text(lines, i)) is not None for i in indices[end:]):
        return None
    if not start:
        return None
    text = "\n".join(lines[i].text for i in indices[:start])
    named: set[str] = set()
    for bracket in _BRACKETED.finditer(text):
        named.update(cited(bracket.group(1)) or ())
    if not {str(n) for n in numbers} <= named:
        return None
    return start


def _under_notes(lines: Sequence[Line], index: int) -> bool:
    """A short line that is no note and no sentence: an addressee or a reference under the
    notes, never their continuation."""
    text = _text(lines, index)
    return (ENTRY.match(text) is None and len(text.split()) <= 16 and not text.endswith(".")
            and not RULE.match(text))


def _marked_tail(lines: Sequence[Line], indices: Sequence[int], first: int = 1,
                 going_on: int = 2) -> int:
    """Where a headless run of ``[n]`` or superscript entries starting at ``first`` begins,
    or ``len(indices)``: each entry's number follows the one before it. Under a rule
    (``______``), a note may go on over ``going_on`` lines without a number."""
    tail = len(indices)
    unnumbered = 0  # lines read, since the last entry, as that entry's next paragraphs
    continued = False
    while tail > 0:
        text = _text(lines, indices[tail - 1])
        entry = ENTRY.match(text)
        if entry is not None and not entry.group("b"):
            continued = continued or unnumbered > 0
            tail, unnumbered = tail - 1, 0
        elif unnumbered < going_on and not RULE.match(text):
            tail, unnumbered = tail - 1, unnumbered + 1
        else:
            break
    tail += unnumbered  # the lines over the first entry are the text's
    if continued and not (tail and RULE.match(_text(lines, indices[tail - 1]))):
        return _marked_tail(lines, indices, first, going_on=0)
    if tail == 0 or tail == len(indices):
        return len(indices)
    numbers = [entry_number(_text(lines, i)) for i in indices[tail:]]
    wanted = [str(n) for n in range(first, first + sum(1 for n in numbers if n))]
    if [n[0] for n in numbers if n] != wanted:
        return len(indices)
    return tail


def page_foot(lines: Sequence[Line], indices: Sequence[int]) -> dict[int, str]:
    """The footnotes typed at the foot of a page, above the next page's marker (``¹ The
    decree was published …`` / ``- 2 -``): for each such line, its number. They are runs
    of lines that open with a superscript or a bracketed number, each run right above a
    page marker, numbered in order from 1 over all the runs."""
    found: dict[int, str] = {}
    run: list[tuple[int, str]] = []
    for index in indices:
        text = _text(lines, index)
        entry = ENTRY.match(text)
        if entry is not None and not entry.group("b"):
            run.append((index, (entry.group("a") or entry.group("c")).translate(_SUPER)))
            continue
        if run and (page_number(text) is not None or _PAGE_FIRST.match(text)):
            numbers = [number for _, number in run]
            start = len(found) + 1
            if numbers != [str(n) for n in range(start, start + len(numbers))]:
                return found
            found.update(run)
        run = []
    return found


_PAGE_FIRST = re.compile(r"^\[\s*(?:page|p\.)\s*(?:\d+|[ivxlcdm]+)\s*\]\s+\S", re.IGNORECASE)
"""``[Page 2] U Kyaw Zan Hla admitted …``: the next page's marker opening its first line."""


def _plain_number(text: str) -> int | None:
    match = ENTRY.match(text)
    return int(match.group("b")) if match and match.group("b") else None


def _last_heading(lines: Sequence[Line], indices: Sequence[int]) -> tuple[int, str | None]:
    """The position in ``indices`` of the last ``Notes`` or ``References`` heading and its
    kind; (-1, None) when there is none."""
    for pos in range(len(indices) - 1, -1, -1):
        kind = heading_kind(_text(lines, indices[pos]))
        if kind is not None:
            return pos, kind
    return -1, None


def glued_section(lines: Sequence[Line], indices: Sequence[int],
                  below: int = -1) -> int | None:
    """Where a trailing ``N. note`` section referenced by glued digits starts (a position
    in ``indices``), or ``None``. Candidates are the last :data:`MAX_NOTES` entries from
    position ``below`` on (the last ``Notes`` or ``References`` heading: none above it);
    the earliest whose numbers are referenced (:func:`_referenced`) in the text above
    wins."""
    entries = [(p, n) for p, i in enumerate(indices)
               if p >= below and (n := _plain_number(_text(lines, i))) is not None][-MAX_NOTES:]
    refs = _References()
    done = 0
    for at, (pos, number) in enumerate(entries):
        refs.read("\n".join(lines[i].text for i in indices[done:pos]))
        done = pos
        before = _plain_number(_text(lines, indices[pos - 1])) if pos else None
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
    """``wanted``, or ``wanted-2``, ``wanted-3``… when an entry of that number exists."""
    candidate, suffix = wanted, 1
    while candidate in used:
        suffix += 1
        candidate = f"{wanted}-{suffix}"
    used.add(candidate)
    return candidate


_FOOT = Spec("div", {"type": "foot"})


def _below_headless(lines: Sequence[Line], indices: Sequence[int]) -> set[int]:
    """The lines under a headless run of notes that :func:`split` let follow them."""
    found: set[int] = set()
    if not indices or heading_kind(_text(lines, indices[0])):
        return found
    for index in reversed(indices[-_AFTER_NOTES:]):
        if not _under_notes(lines, index):
            break
        found.add(index)
    rest = [_text(lines, i) for i in indices if i not in found]
    return found if all(ENTRY.match(t) or RULE.match(t) for t in rest) else set()


def units(lines: Sequence[Line], indices: Sequence[int], back: Spec,
          works: bool = False) -> EndMatter:
    """The end section's units and the ids of its notes or works (``works``: a list of
    works with no heading, as :func:`split` found it)."""
    found = EndMatter()
    first = _text(lines, indices[0]) if indices else ""
    if heading_kind(first) == "references":
        return _bibliography(lines, indices, back, found)
    if works:
        return _bibliography(lines, indices, back, found, headed=False)
    spec = Spec("div", {"type": "notes"})
    used: set[str] = set()
    below = _below_headless(lines, indices)
    for at, index in enumerate(indices):
        text = _text(lines, index)
        if at and heading_kind(text) == "references":
            return _bibliography(lines, indices[at:], back, found)  # after the footnotes
        entry = entry_number(text)
        last = found.units[-1] if found.units else None
        if index in below:  # under the notes: the foot's last lines
            found.units.append(Unit("p", index, index, (back, _FOOT)))
        elif entry is None and not found.units and heading_kind(text):
            found.units.append(Unit("head", index, index, (back, spec), inline=False))
        elif entry is None and last is not None and last.tag == "note":
            last.last = index
        elif entry is None:
            rule = RULE.match(text)
            attrs = {"type": "rule"} if rule else {}
            found.units.append(Unit("ab" if rule else "p", index, index, (back, spec), attrs))
        else:
            number, label = entry
            note_id = unique_id(f"note-{number}", used)
            found.note_ids.setdefault(number, note_id)
            attrs = {"xml:id": note_id, "n": number, "type": "footnote", "place": "end",
                     "_label": str(label)}
            found.units.append(Unit("note", index, index, (back, spec), attrs))
    return found


def _bibliography(lines: Sequence[Line], indices: Sequence[int], back: Spec,
                  found: EndMatter, headed: bool = True) -> EndMatter:
    spec = Spec("div", {"type": "references"})
    listing = Spec("listBibl")
    used: set[str] = set()
    if headed:
        found.units.append(Unit("head", indices[0], indices[0], (back, spec), inline=False))
    else:  # the list stands with no heading: its first line is an entry too
        indices = [-1, *indices]
    notes: Spec | None = None  # footnotes typed under the list ("¹ …" after "[3] …")
    note_ids: set[str] = set()
    for at, index in enumerate(indices[1:], start=1):
        text = _text(lines, index)
        marked = ENTRY.match(text)
        if notes is None and marked is not None and marked.group("c") and at > 1 and (
                entry_number(text) == ("1", len(marked.group("label")))):
            notes = Spec("div", {"type": "notes"})
        if notes is not None:
            entry = entry_number(text) if marked is not None and marked.group("c") else None
            if entry is None:
                found.units[-1].last = index  # the note's next paragraph
                continue
            note_id = unique_id(f"note-{entry[0]}", note_ids)
            found.note_ids.setdefault(entry[0], note_id)
            found.units.append(Unit("note", index, index, (back, notes), {
                "xml:id": note_id, "n": entry[0], "type": "footnote", "place": "end",
                "_label": str(entry[1])}))
            continue
        entry = entry_number(text)
        keyed = KEYED.match(text)
        key = entry[0] if entry is not None else (keyed["key"] or keyed["n"]) if keyed else None
        last = found.units[-1] if found.units else None
        if key is None and not headed and text.startswith("("):
            found.units.append(Unit("p", index, index, (back, spec)))  # a remark under it
            continue
        if key is None and last is not None and last.tag == "bibl":
            last.last = index
            continue
        attrs: dict[str, str] = {}
        if key is not None:
            bibl_id = unique_id(f"bibl-{key}", used)
            found.bibl_ids.setdefault(key, bibl_id)
            length = entry[1] if entry is not None else len(keyed[0].rstrip()) if keyed else 0
            attrs = {"xml:id": bibl_id, "n": key, "_key": str(length)}
        found.units.append(Unit("bibl", index, index, (back, spec, listing), attrs))
    return found
