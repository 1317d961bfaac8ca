"""Validating a large document against a RELAX NG grammar without holding its whole tree.

jing validates as it reads; libxml2 (through lxml) validates a tree, and the tree of a
document takes several times its size in memory. So a large document whose schemas are
grammars only (no Schematron needs the tree) is read twice as a stream of elements:

1. the first reading finds its vocabulary, to which the grammar is pruned as for any
   document (:mod:`teikit.validator.prune`);
2. the second checks it piece by piece with two grammars made from the pruned one
   (:class:`~teikit.validator.split.Split`): when an element of a *wide* element (one
   with GATHER children or more) has GATHER complete siblings, they are validated
   together, each against its own definition, and each is replaced by a placeholder
   (:mod:`teikit.validator.split`). At the end the root, its wide elements by now mostly
   placeholders, is validated against the grammar's start.

Every element is checked once, whole or, as a placeholder, in its parent, and the
``xml:id`` values of the parts are kept to find a repeat in two of them
(:mod:`teikit.validator.streamids`): the verdict is the whole document's against the
grammar. The faults of a document found not valid are then found part by part
(:mod:`teikit.validator.streamfaults`); one that uses XInclude, or cannot be split, is
checked again the usual way, which says what is wrong.

The first reading stops after PREFIX elements: the vocabulary of a large document is
nearly always all in its first megabytes and its last (whose tags are scanned too, see
:mod:`teikit.validator.tail`). The grammar is then pruned *strictly* (no stub
where the prefix has no match for a required pattern), which accepts no document the
whole grammar rejects, whatever elements come later; so a document is read once more,
not twice. Only when that check fails is the vocabulary read whole and the document
checked again in parts, then the usual way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final, Protocol, cast

from lxml import etree

from teikit import tei
from teikit.validator.split import MARK, SPLIT, Split
from teikit.validator.streamids import SeenIds
from teikit.validator.tail import tail_vocabulary
from teikit.validator.vocabulary import Name, Vocabulary, split_name, vocabulary_from
from teikit.validator.xinclude import XI_INCLUDE

STREAM_ABOVE: Final = 16 * 1024 * 1024
"""Documents of at least this many bytes are checked as a stream (when they can be)."""
PREFIX: Final = 100_000
"""Elements read for the vocabulary before a large document is checked in parts."""
TAIL: Final = 1024 * 1024
"""Bytes at the end of a large document whose tags are added to that vocabulary
(:mod:`teikit.validator.tail`)."""
GATHER: Final = 64
"""Complete children an element may hold before they are checked (together) and
dropped."""
_BATCH: Final = f"{{{SPLIT}}}batch"
"""The element that holds complete elements while they are checked together."""
_XML_ID: Final = f"{{{tei.XML_NS}}}id"


Read = tuple[Vocabulary, set[Name], bool]
"""A document's vocabulary, the elements that stand in wide elements, and whether the
whole document was read for them."""


_LAST_READ: list[tuple[tuple[object, ...], Read | None]] = []
"""The last document's reading, for the next check of the same file (its grammar, then
its rules: :mod:`teikit.validator.schematron.parts`)."""


def read_head(path: Path) -> etree._ElementTree | None:
    """The document at ``path`` read up to the end of its root's first child (what comes
    before the root, the root's start tag, the first child whole); None when it cannot be
    read so far."""
    depth = 0
    try:
        for event, element in tei.iterparse(path, ("start", "end")):
            depth += 1 if event == "start" else -1
            if event == "end" and depth <= 1:
                return element.getroottree()
    except (etree.XMLSyntaxError, OSError, ValueError):
        return None
    return None


def read_stream(path: Path, limit: int | None = None) -> Read | None:
    """The vocabulary of the document at ``path`` (of its first ``limit`` elements, when
    given), read as a stream, and the names of the elements that stand in a *wide*
    element, one with at least GATHER children (only those need checking apart). None
    when it uses XInclude (the usual reading must then include the files first)."""
    status = path.stat()
    key = (str(path.resolve()), status.st_ino, status.st_size, status.st_mtime_ns, limit,
           GATHER, TAIL)
    if _LAST_READ and _LAST_READ[0][0] == key:
        return _LAST_READ[0][1]
    found = _read_stream(path, limit)
    _LAST_READ[:] = [(key, found)]
    return found


def _read_stream(path: Path, limit: int | None) -> Read | None:
    children: set[tuple[str | None, str]] = set()
    attributes: set[tuple[str, str]] = set()
    counts: dict[etree._Element, int] = {}
    wide: set[str] = set()
    whole = True
    for number, (_, element) in enumerate(tei.iterparse(path, ("end",))):
        if number == limit:  # the rest is not read; the elements still open were
            whole = False
            _note_open(element, children, attributes)
            tail = tail_vocabulary(path, TAIL, dict(element.nsmap))
            children.update(tail[0])
            attributes.update(tail[1])
            wide.update(open_.tag for open_, count in counts.items() if count >= GATHER)
            # each element may have an xml:id: one further on (a repeat of the header's)
            # is then no reason for the grammar pruned to these to stop, and an ID has no
            # pattern facet to check (teikit.validator.splitvalues queries none)
            attributes.update((child, _XML_ID) for _, child in children)
            break
        tag = element.tag
        parent = element.getparent()
        children.add((None if parent is None else parent.tag, tag))
        keys = element.keys()
        if keys:
            attributes.update([(tag, str(key)) for key in keys])
        if tag in (XI_INCLUDE, MARK):
            return None
        if counts.pop(element, 0) >= GATHER:
            wide.add(tag)
        if parent is not None:
            counts[parent] = counts.get(parent, 0) + 1
        element.clear()  # read: its content and earlier siblings are not needed again
        while parent is not None and element.getprevious() is not None:
            del parent[0]
    vocabulary = vocabulary_from(children, attributes)
    inside = {split_name(tag) for tag in wide}
    return vocabulary, {child for parent, child in vocabulary.children if parent in inside
                        }, whole


def _note_open(element: etree._Element, children: set[tuple[str | None, str]],
               attributes: set[tuple[str, str]]) -> None:
    """Add ``element`` and its ancestors (started, not ended) to the vocabulary read."""
    current: etree._Element | None = element
    while current is not None:
        parent = current.getparent()
        children.add((None if parent is None else parent.tag, current.tag))
        attributes.update([(current.tag, str(key)) for key in current.attrib])
        current = parent


class Rider(Protocol):
    """What else checks the parts in the reading for the grammar (a document's rules:
    :mod:`teikit.validator.schematron.alongside`)."""

    def take(self, complete: list[etree._Element], ids: SeenIds,
             within: frozenset[tuple[str, str, str]] | None = None) -> etree._Element | None:
        """A batch holding ``complete`` (emptied), each replaced by what stands for it
        until :meth:`as_placeholders`; None: the stream gathers them itself. ``within``:
        every name a valid batch may hold (None: not known)."""

    def standing(self) -> list[etree._Element]:
        """What stands for the elements last taken (their placeholders once
        :meth:`end` has made them so)."""

    def read_on(self, events: Iterator[object]) -> None:
        """Read the events that follow the root's end."""

    def end(self, root: etree._Element | None) -> None:
        """The reading is over (``root``: None when it stopped early): put the
        placeholders of the elements taken where they stood."""

    def verdict(self, valid: bool) -> None:
        """Whether the document was found valid."""


def valid_in_parts(path: Path, split: Split, vocabulary: Vocabulary,
                   ids: SeenIds | None = None, rider: Rider | None = None) -> bool:
    """Whether the document at ``path`` is valid, checked as a stream (see the module).
    Only the elements checked apart, their parents and the root are seen in Python.
    ``ids`` (emptied first) gathers the ``xml:id`` values, and what else it keeps;
    ``rider`` takes each run of siblings before the grammar checks it."""
    ids = SeenIds() if ids is None else ids
    ids.clear()
    root, valid = None, False
    try:
        root = in_parts(path, split, vocabulary, (
            (lambda complete: _checked(complete, split, ids)) if rider is None else
            (lambda complete: _taken(complete, split, ids, rider))), rider)
        if rider is not None:
            rider.end(root)
        valid = root is not None and ids.add([root]) and bool(split.root.validate(root))
        if ids.kept is not None and ids.kept.usable:
            ids.kept.root = root
    finally:
        if rider is not None:
            rider.verdict(root is not None and valid)
    return valid


def in_parts(path: Path, split: Split, vocabulary: Vocabulary,
             check: Callable[[list[etree._Element]], bool], rider: Rider | None = None
             ) -> etree._Element | None:
    """The root of the document at ``path`` once read as a stream, each run of GATHER
    complete siblings of the elements checked apart handed to ``check`` as it ends (which
    replaces them by placeholders, or keeps them); None when ``check`` says no, or the
    document cannot be read so (see REFUSED). ``rider`` reads what follows the root."""
    if not split.names:
        return None
    seen, apart = stream_tags(vocabulary, set(split.names))
    waiting: dict[etree._Element, list[etree._Element]] = {}
    events = iter(tei.iterparse(path, ("end",), {*seen, *REFUSED}))
    for _, element in events:
        if element.tag in REFUSED:  # content the vocabulary read may not have seen
            return None
        waiting.pop(element, None)  # its children not checked yet stay whole inside it
        parent = element.getparent()
        if parent is None:
            if rider is not None:
                rider.read_on(events)
            return element
        if element.tag not in apart:
            continue
        complete = waiting.get(parent)
        if complete is None:
            complete = waiting[parent] = []
        complete.append(element)
        if len(complete) >= GATHER and not check(complete):
            return None
    return None


REFUSED: Final = (XI_INCLUDE, MARK)
"""Elements that stop a check in parts (the usual reading handles XInclude; a document
holding teikit's mark could pass for placeholders)."""


def stream_tags(vocabulary: Vocabulary, names: set[Name]) -> tuple[set[str], set[str]]:
    """The tags a stream reports (the elements ``names`` checked apart, their parents and
    the roots) and those of the elements checked apart, as Clark names."""
    parents = {parent for parent, child in vocabulary.children
               if parent is None or child in names}  # None: the root's parent
    roots = {child for parent, child in vocabulary.children if parent is None}
    seen = {_clark(name) for name in (*names, *parents, *roots) if name is not None}
    return seen, {_clark(name) for name in names}


def _clark(name: Name) -> str:
    return f"{{{name[0]}}}{name[1]}" if name[0] else name[1]


def _taken(complete: list[etree._Element], split: Split, ids: SeenIds, rider: Rider
           ) -> bool:
    """As :func:`_checked`, the elements taken out by ``rider`` (if it still takes them)."""
    _note_early(complete, ids)
    taken = rider.take(complete, ids, split.within)
    if taken is None:
        return _checked(complete, split, ids)
    valid = ids.add([taken]) and split.holds(taken)
    kept = ids.kept
    if kept is not None:
        if valid and (ids.met_again or kept.holds(taken)):  # reported where it stands
            kept.set_aside(rider.standing(), taken)
            return valid
        kept.note(taken)
    del taken[:]
    return valid


def _note_early(complete: list[etree._Element], ids: SeenIds) -> None:
    """At the first part, note the ids of the root's children before it (a header), so
    that a part repeating one is known to (:mod:`teikit.validator.streamkept`)."""
    if ids.kept is not None and not ids.kept.early:
        ids.kept.early = True
        top = [complete[0], *complete[0].iterancestors()][-2]  # the root's child
        ids.note_early(list(top.itersiblings(etree.Element, preceding=True)))


def _checked(complete: list[etree._Element], split: Split, ids: SeenIds) -> bool:
    """Check ``complete`` elements (siblings) together, each replaced by a placeholder
    where it stood; False when one is not valid or repeats an ID of an earlier part."""
    parent = complete[0].getparent()
    assert parent is not None
    _note_early(complete, ids)
    batch, placeholders = gathered(complete, ids)
    valid = ids.add([batch]) and split.holds(batch)
    kept = ids.kept
    if kept is not None:
        if valid and (ids.met_again or kept.holds(batch)):  # reported where it stands
            parent.remove(batch)
            kept.set_aside(placeholders, batch)
            return valid
        kept.note(batch)
    del batch[:]  # freed where they stand: removing the batch whole would first walk
    parent.remove(batch)  # every node of it to fix its namespaces
    return valid


def gathered(complete: list[etree._Element], ids: SeenIds
             ) -> tuple[etree._Element, list[etree._Element]]:
    """A batch holding the ``complete`` elements (siblings; the list is emptied), each
    replaced by a placeholder where it stood, and the placeholders. The batch is an
    element of their own document (moving them to another would cost a walk of each)."""
    parent = complete[0].getparent()
    assert parent is not None
    batch = etree.SubElement(parent, _BATCH)
    placeholders = []
    for child in complete:
        placeholder = etree.Element(child.tag, cast("dict[str, str]", child.attrib))
        if placeholder.get(_XML_ID) is not None:  # libxml2 keeps the IDs it has seen
            placeholder.set(_XML_ID, ids.fresh())
        etree.SubElement(placeholder, MARK)
        placeholder.tail, child.tail = child.tail, None
        child.addprevious(placeholder)
        batch.append(child)
        placeholders.append(placeholder)
    complete.clear()
    return batch, placeholders


class Pruning(Protocol):
    """A grammar that can be pruned to a vocabulary (a RELAX NG backend)."""

    @property
    def streams(self) -> bool: ...
    def pruned(self, vocabulary: Vocabulary, *, strict: bool = False) -> etree._Element: ...


def valid_as_stream(path: Path, grammar: Pruning, ids: SeenIds | None = None,
                    limits: tuple[int | None, ...] | None = None,
                    rider: Rider | None = None) -> bool:
    """True when the document at ``path`` is valid against ``grammar``, found without
    holding its tree; False when that is not shown (not valid, not splittable, XInclude,
    not well-formed…): then the usual check decides, and says why. ``ids`` gathers the
    document's ``xml:id`` values, and what else it keeps
    (:class:`~teikit.validator.streamids.Ledger`), as the parts are checked. ``limits``:
    the elements read for the vocabulary in each round (None: all; by default PREFIX,
    then all); ``rider``: takes the parts of the first round (:func:`valid_in_parts`)."""
    if not grammar.streams:
        return False
    try:
        for limit in limits or (PREFIX, None):  # a prefix, then the whole if it falls short
            found = read_stream(path, limit)
            if found is None:
                return False
            vocabulary, wide, whole = found
            split = Split(grammar.pruned(vocabulary, strict=not whole), wide)
            riding, rider = rider, None
            if valid_in_parts(path, split, vocabulary, ids, riding):
                return True
            if whole:
                return False
        return False
    except (etree.XMLSyntaxError, etree.RelaxNGParseError, OSError, ValueError):
        return False
