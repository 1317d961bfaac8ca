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
from typing import Protocol

from lxml import etree

from teikit.diagnostics import Diagnostic, has_errors
from teikit.validator import stream
from teikit.validator.document import Document
from teikit.validator.lines import assigned, line_of
from teikit.validator.recover import Recovery
from teikit.validator.recover.endtags import end_line
from teikit.validator.recover.faults import Fault
from teikit.validator.split import MARK, SPLIT, Split
from teikit.validator.stream import gathered, in_parts, read_stream, valid_as_stream
from teikit.validator.streamids import SeenIds
from teikit.validator.vocabulary import Vocabulary


class Diagnosing(Protocol):
    """A grammar whose faults can be found in parts (a RELAX NG backend)."""

    @property
    def streams(self) -> bool: ...
    def pruned(self, vocabulary: Vocabulary, *, strict: bool = False) -> etree._Element: ...
    def recovery(self) -> Recovery | None: ...


def checked_in_parts(path: Path, grammar: Diagnosing, ids: SeenIds
                     ) -> list[Diagnostic] | None:
    """The faults of the large document at ``path`` against ``grammar`` (none: valid),
    found without holding its tree; None when the whole tree must decide. A grammar
    pruned strictly to the vocabulary of the document's first elements
    (:func:`teikit.validator.stream.read_stream`) never finds a part valid that is not,
    and what it does not find valid the complete check walks; only when that walk finds
    nothing is the vocabulary read whole, for a grammar that fits the document exactly."""
    for limit in (stream.PREFIX, None):
        if valid_as_stream(path, grammar, ids, (limit,)):
            return []
        try:
            found = faults_in_parts(path, grammar, ids, limit)
        except etree.XMLSyntaxError:
            return None  # not well-formed: the usual reading says where, once
        if found is not None:
            return found
    return None


def faults_in_parts(path: Path, grammar: Diagnosing, ids: SeenIds,
                    limit: int | None = None) -> list[Diagnostic] | None:
    """Every fault of the document at ``path`` against ``grammar``, as the check of its
    whole tree reports them, found part by part (see the module; ``limit``: as
    :func:`teikit.validator.stream.read_stream` takes it); None when the whole tree must
    decide. ``ids`` (emptied first) gathers the ``xml:id`` values, and what else it
    keeps, as :func:`teikit.validator.stream.valid_in_parts` does. Raises
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
            ids.clear()
            root = in_parts(path, split, vocabulary,
                            lambda complete: _set_aside(complete, split, ids, lines, holders))
            if root is None or not ids.add([root]):
                return None
            document = Document(root.getroottree(), str(path), path.resolve().parent)
            repeats, faults = recovery.faults(
                document, _own_names(document), checked=_placeholder,
                failing={a for h in holders for a in (h, *h.iterancestors())})
            if repeats or not faults:
                return None
            document.source = _lines(path, _needed(faults))
            diagnostics = recovery.worded(document, repeats, faults)
        except (etree.RelaxNGParseError, OSError, ValueError, RecursionError):
            return None
    return diagnostics if has_errors(diagnostics) else None


def _own_names(document: Document) -> Vocabulary:
    """The skeleton's vocabulary, placeholders' marks aside: what libxml2 is asked about
    (never an element holding a placeholder) uses no other."""
    names = document.names()
    return Vocabulary(frozenset(pair for pair in names.children if pair[1][0] != SPLIT),
                      names.attributes)


def _set_aside(complete: list[etree._Element], split: Split, ids: SeenIds,
               lines: dict[object, int], holders: set[etree._Element]) -> bool:
    """Check ``complete`` siblings together: when they are valid, free them, each
    replaced by a placeholder (their parent is one of the ``holders``); else put them
    back whole. False on a repeated ID."""
    parent = complete[0].getparent()
    assert parent is not None
    starts = [(line_of(child), end_line(child, _nowhere)) for child in complete]
    batch, placeholders = gathered(complete, ids)
    if split.batch.validate(batch):
        if not ids.add([batch]):
            return False
        for placeholder, (start, end) in zip(placeholders, starts, strict=True):
            lines[placeholder], lines[placeholder[0]] = start, end
        holders.add(parent)
        del batch[:]
    else:  # its IDs are gathered with the skeleton's, at the end
        for placeholder, child in zip(placeholders, list(batch), strict=True):
            child.tail = placeholder.tail
            parent.replace(placeholder, child)
    parent.remove(batch)
    return True


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
    """The text of ``path`` with only the lines ``numbers`` kept (the others empty)."""
    kept: list[bytes] = []
    last = max(numbers, default=0)
    with path.open("rb") as stream:
        for number, line in enumerate(stream, 1):
            if number > last:
                break
            kept.append(line.rstrip(b"\n") if number in numbers else b"")
    return b"\n".join(kept)
