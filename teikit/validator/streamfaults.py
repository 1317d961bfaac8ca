"""The grammar faults of a large document, found part by part, never on its whole tree.

:mod:`stream` only ever answers "valid". When it cannot, the document is read the same way
once more, but a run of siblings found not valid stays whole where it stood instead of
being freed. What is left at the end is the document's *skeleton*: the root, the elements
not checked apart, a placeholder for each valid part, and the invalid parts whole. The
complete check (:mod:`teikit.validator.recover`) walks it as it walks a whole tree,
taking each placeholder for the element it stands for: its place among its siblings is
checked, its attributes and content were found valid in its part. So the faults, their
wording, lines and XPaths are those of the whole tree; the columns come from the lines of
the file the faults are on, read once more at the end.

lxml cannot give an element made in Python a line past 65,535, so the lines of the
placeholders (the start tag's, and the end tag's, on their mark) are kept aside
(:func:`teikit.validator.lines.assigned`).

None (the whole tree decides, as before) when a part repeats an ID of another, when the
grammar is one the complete check does not read, or when the walk finds nothing wrong
though libxml2 did.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final, Protocol, cast

from lxml import etree

from teikit.diagnostics import Diagnostic, has_errors
from teikit.tei import TEI_NS, XML_NS
from teikit.validator import stream
from teikit.validator.document import Document
from teikit.validator.ids import repeated_ids
from teikit.validator.lines import assigned, line_of
from teikit.validator.recover import Recovery
from teikit.validator.recover.endtags import end_line
from teikit.validator.recover.faults import Fault
from teikit.validator.split import MARK, SPLIT, Split
from teikit.validator.stream import (
    Rider,
    gathered,
    in_parts,
    read_stream,
    valid_as_stream,
)
from teikit.validator.streamids import Ledger, SeenIds
from teikit.validator.vocabulary import Vocabulary

_XML_ID: Final = f"{{{XML_NS}}}id"
_ID_VALUES: Final = etree.XPath("descendant-or-self::*/@xml:id", namespaces={"xml": XML_NS},
                                smart_strings=False)
_POINTING: Final = etree.XPath("descendant-or-self::tei:*/@*", namespaces={"tei": TEI_NS},
                               smart_strings=False)


class Diagnosing(Protocol):
    """A grammar whose faults can be found in parts (a RELAX NG backend)."""

    @property
    def streams(self) -> bool: ...
    def pruned(self, vocabulary: Vocabulary, *, strict: bool = False) -> etree._Element: ...
    def recovery(self) -> Recovery | None: ...


def checked_in_parts(path: Path, grammar: Diagnosing, ids: SeenIds,
                     rider: Rider | None = None) -> list[Diagnostic] | None:
    """The faults of the large document at ``path`` against ``grammar`` (none: valid),
    found without holding its tree; None when the whole tree must decide. A grammar
    pruned strictly to the vocabulary of the document's first elements
    (:func:`teikit.validator.stream.read_stream`) never finds a part valid that is not,
    and what it does not find valid the complete check walks; only when that walk finds
    nothing is the vocabulary read whole, for a grammar that fits the document exactly.

    When ``ids`` notes repeats (:class:`~teikit.validator.streamids.SeenIds`), a repeated
    ``xml:id`` and, for a :class:`~teikit.validator.streamids.Ledger` that keeps
    pointers, a pointer that leads nowhere are found too: the document is read once more
    with the parts that hold them kept whole, and ``ids`` keeps their reports
    (``warnings``, ``dangling``). ``rider`` takes the parts of the first reading
    (:func:`teikit.validator.stream.valid_in_parts`)."""
    for limit in (stream.PREFIX, None):
        valid = valid_as_stream(path, grammar, ids, (limit,), rider)
        rider = None
        keep = _to_keep(ids)
        if keep is None:
            return None
        if valid and not any(keep):
            return []
        if valid and keep[0] and not keep[1]:
            repeats = repeats_where_they_stand(path, grammar, ids, keep)
            if repeats is not None:
                return repeats
        if ids.kept is not None:  # the first reading's skeleton: not held while reading
            ids.kept.release()
        if not valid:  # the reading may have stopped early: ids it never met are missing
            keep = (keep[0], frozenset())
        try:
            found = faults_in_parts(path, grammar, ids, limit, keep, valid=valid)
            more = _to_keep(ids)
            if found is not None and more is not None and any(_missed(ids, keep, more)):
                # the first reading stopped at a part not valid: it found less, and a
                # part freed since holds what is to be reported where it stands
                found = faults_in_parts(path, grammar, ids, limit, more, valid=valid)
                if found is not None and _to_keep(ids) != more:
                    return None
        except etree.XMLSyntaxError:
            return None  # not well-formed: the usual reading says where, once
        if found is not None:
            return found
    return None


Keep = tuple[frozenset[str], frozenset[str]]
"""The repeated ``xml:id`` values and the attribute values holding a pointer that leads
nowhere: a part holding one is kept whole."""


def _missed(ids: SeenIds, kept: Keep, found: Keep) -> Keep:
    """What ``found`` names beyond ``kept`` that was met in a part freed by the reading
    ``ids`` noted (:meth:`~teikit.validator.streamids.SeenIds.close_parts`): only that
    needs the document read again. The rest stands in the skeleton, each element that
    bears it where it stood (the part holding it was not valid, or it is outside the
    parts)."""
    pointers = ids.freed_pointers if isinstance(ids, Ledger) else frozenset()
    return ((found[0] - kept[0]) & ids.freed, (found[1] - kept[1]) & pointers)


def _to_keep(ids: SeenIds) -> Keep | None:
    """What ``ids`` found to be reported where it stands; None when that cannot be
    found in parts."""
    dangling: set[str] | None = set()
    if isinstance(ids, Ledger) and ids.checks_pointers:
        from teikit.validator.pointers.stream import unresolved

        dangling = unresolved(ids)
    if dangling is None:
        return None
    return frozenset(ids.repeated or ()), frozenset(dangling)


def faults_in_parts(path: Path, grammar: Diagnosing, ids: SeenIds,
                    limit: int | None = None, keep: Keep = (frozenset(), frozenset()), *,
                    valid: bool = False) -> list[Diagnostic] | None:
    """Every fault of the document at ``path`` against ``grammar``, as the check of its
    whole tree reports them, found part by part (see the module; ``limit``: as
    :func:`teikit.validator.stream.read_stream` takes it); None when the whole tree must
    decide. ``ids`` (emptied first) gathers the ``xml:id`` values, and what else it
    keeps, as :func:`teikit.validator.stream.valid_in_parts` does. The parts holding
    what ``keep`` names stay whole; ``valid``: the document was found valid in parts
    but for its repeated ``xml:id`` s, and ``ids`` holds what that reading gathered
    (its parts are not checked again, nor what they hold gathered again). Raises
    :class:`lxml.etree.XMLSyntaxError` when the document is not well-formed."""
    recovery = grammar.recovery()
    if recovery is None or not grammar.streams:
        return None
    lines: dict[object, int] = {}
    holders: set[etree._Element] = set()
    with assigned(lines):
        try:
            found = read_stream(path, limit)
            if found is None:
                return None
            vocabulary, wide, whole = found
            split = Split(grammar.pruned(vocabulary, strict=not whole), wide)
            if not valid:  # else what the first reading gathered is the whole document's
                ids.clear()
            aside = _Aside(split, ids, lines, holders, keep, valid)
            root = in_parts(path, split, vocabulary, aside)
            if root is None:
                return None
            if not valid:
                ids.close_parts()
                if not ids.add([root]):
                    return None
                keep = _widened(ids, keep)
            document = Document(root.getroottree(), str(path), path.resolve().parent)
            ids.headers = sum(1 for _ in root.iterchildren(f"{{{TEI_NS}}}teiHeader"))
            kept = _kept(document, keep)
            document.read_from(_lines(path, kept))
            faults: list[Fault] = []
            if valid:
                repeats = recovery.typed_repeats(document)
            else:
                repeats, faults = recovery.faults(
                    document, _own_names(document), checked=_placeholder,
                    failing={a for h in holders for a in (h, *h.iterancestors())})
                if not faults:  # only the grammar's repeats are its faults
                    repeats = recovery.typed_repeats(document)
                    if not repeats:
                        return None  # libxml2 found a fault the walk does not
            needed = kept | _needed(faults)
            if needed != kept:  # else the lines read are those needed
                document.read_from(_lines(path, needed))
            diagnostics = recovery.worded(document, repeats, faults)
            _report_kept(document, ids, keep)
        except (etree.RelaxNGParseError, OSError, ValueError, RecursionError):
            return None
    return diagnostics if has_errors(diagnostics) or valid else None


def repeats_where_they_stand(path: Path, grammar: Diagnosing, ids: SeenIds, keep: Keep
                             ) -> list[Diagnostic] | None:
    """The repeats of the ``xml:id`` values ``keep`` names, as :func:`faults_in_parts`
    reports them (``valid``), from what the first reading kept (:mod:`teikit.validator.
    streamkept`): its skeleton, with the parts that hold a repeat put back whole. None
    when it does not hold every element that bears one, or a column may not be counted
    there as on the whole tree: the skeleton is then read again."""
    kept, recovery = ids.kept, grammar.recovery()
    if kept is None or not kept.usable or kept.root is None or recovery is None:
        return None
    root = kept.root
    kept.root = None  # the tree changes: asked once
    kept.restore()
    with assigned({}):  # the placeholders' lines: see Kept.unsure
        try:
            document = Document(root.getroottree(), str(path), path.resolve().parent)
            met: dict[str, int] = {}
            for value in document.ids():
                value = " ".join(value.split())
                met[value] = met.get(value, 0) + 1
            if any(met.get(value, 0) != 1 + ids.again.get(value, 0) for value in keep[0]):
                return None  # met first in a part that was freed
            lines = _kept(document, keep)
            if kept.unsure(lines):
                return None
            ids.headers = sum(1 for _ in root.iterchildren(f"{{{TEI_NS}}}teiHeader"))
            document.read_from(_lines(path, lines))
            diagnostics = recovery.worded(document, recovery.typed_repeats(document), [])
            _report_kept(document, ids, keep)
        except (etree.RelaxNGParseError, OSError, ValueError, RecursionError):
            return None
    return diagnostics


def _widened(ids: SeenIds, keep: Keep) -> Keep:
    """``keep`` and what more the reading found to report where it stands, when none of
    it was met in a freed part (the skeleton then holds it all: no reading again)."""
    found = _to_keep(ids)
    if found is None or any(_missed(ids, keep, found)):
        return keep
    return keep[0] | found[0], keep[1] | found[1]


def _kept(document: Document, keep: Keep) -> set[int]:
    """The lines of the elements that hold what ``keep`` names (their reports' lines)."""
    repeated, dangling = keep
    found: set[int] = set()
    if repeated:
        found.update(line_of(element) for element in document.identified()
                     if " ".join((element.get(_XML_ID) or "").split()) in repeated)
    if dangling:
        found.update(line_of(element) for element in document.tree.iter(f"{{{TEI_NS}}}*")
                     if any(value in dangling for value in element.values()))
    return found


def _report_kept(document: Document, ids: SeenIds, keep: Keep) -> None:
    """Keep in ``ids`` the reports of what ``keep`` names, as the whole tree words them."""
    repeated, dangling = keep
    if repeated and not ids.warnings:
        ids.warnings[:] = repeated_ids(document)
    if isinstance(ids, Ledger) and ids.checks_pointers and ids.dangling is None:
        from teikit.validator.pointers.stream import located

        ids.dangling = located(document, ids) if dangling else []


def _own_names(document: Document) -> Vocabulary:
    """The skeleton's vocabulary, placeholders' marks aside: what libxml2 is asked about
    (never an element holding a placeholder) uses no other."""
    names = document.names()
    return Vocabulary(frozenset(pair for pair in names.children if pair[1][0] != SPLIT),
                      names.attributes)


class _Aside:
    """Checks runs of complete siblings together: when they are valid and hold nothing
    ``keep`` names, frees them, each replaced by a placeholder (their parent is one of
    the ``holders``); else puts them back whole. ``valid``: the runs were found valid
    already, and what they hold gathered (only whether to keep them is asked). False on
    a repeated ID not noted."""

    def __init__(self, split: Split, ids: SeenIds, lines: dict[object, int],
                 holders: set[etree._Element], keep: Keep, valid: bool) -> None:
        self.split, self.ids, self.lines, self.holders = split, ids, lines, holders
        self.keep, self.valid = keep, valid

    def __call__(self, complete: list[etree._Element]) -> bool:
        parent = complete[0].getparent()
        assert parent is not None
        starts = [(line_of(child), end_line(child, _nowhere)) for child in complete]
        batch, placeholders = gathered(complete, self.ids)
        if not self._holds_kept(batch) and (self.valid or self.split.holds(batch)):
            if not self.valid and not self.ids.add([batch]):
                return False
            for placeholder, (start, end) in zip(placeholders, starts, strict=True):
                self.lines[placeholder], self.lines[placeholder[0]] = start, end
            self.holders.add(parent)
            del batch[:]
        else:  # its IDs are gathered with the skeleton's, at the end
            for placeholder, child in zip(placeholders, list(batch), strict=True):
                child.tail = placeholder.tail
                parent.replace(placeholder, child)
        parent.remove(batch)
        return True

    def _holds_kept(self, batch: etree._Element) -> bool:
        repeated, dangling = self.keep
        if repeated:
            values = cast("list[str]", _ID_VALUES(batch))
            if any(" ".join(value.split()) in repeated for value in values):
                return True
        return bool(dangling) and any(
            value in dangling for value in cast("list[str]", _POINTING(batch)))


def _nowhere(element: etree._Element) -> int:
    return 0  # no XInclude in a document read in parts


def _placeholder(element: etree._Element) -> bool:
    return len(element) == 1 and element[0].tag == MARK


def _needed(faults: list[Fault]) -> set[int]:
    """The lines the faults' diagnostics may be on: their elements' starts and ends."""
    found: set[int] = set()
    for fault in faults:
        for node in (fault.element, fault.anchor):
            if node is not None:
                found.update((line_of(node), end_line(node, _nowhere)))
    return found


def _lines(path: Path, numbers: set[int]) -> bytes:
    """The text of ``path`` with only the lines ``numbers`` kept (the others empty), up to
    the last of them (or the file's end). The file is read in large blocks whose line
    breaks are counted, not line by line: only a block holding a line kept is split."""
    wanted = sorted(number for number in numbers if number > 0)
    found: dict[int, bytes] = {}
    total = 0  # the lines read so far (the file's when the loop ends)
    with path.open("rb") as stream:
        carry = b""  # the start of a line the last block did not end
        while wanted and len(found) < len(wanted):
            block = stream.read(_BLOCK)
            if not block:
                break
            data = carry + block
            ended = data.count(b"\n")
            if any(total < number <= total + ended for number in wanted):
                pieces = data.split(b"\n")
                found.update((number, pieces[number - total - 1]) for number in wanted
                             if total < number <= total + ended)
                carry = pieces[-1]
            else:
                carry = data[data.rfind(b"\n") + 1:] if ended else data
            total += ended
        else:
            return _joined(found, max(numbers, default=0))
        if carry:  # a last line without a line break
            total += 1
            found.setdefault(total, carry)
    return _joined({n: t for n, t in found.items() if n in numbers},
                   min(max(numbers, default=0), total))


_BLOCK: Final = 1 << 20


def _joined(found: dict[int, bytes], last: int) -> bytes:
    """Lines 1 to ``last``, those of ``found`` with their text, the others empty."""
    kept = bytearray()
    line = 1
    for number in sorted(found):
        if number > last:
            break
        kept += b"\n" * (number - line) + found[number]
        line = number
    kept += b"\n" * (last - line)
    return bytes(kept)
