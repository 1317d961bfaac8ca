"""The reading view of a large TEI file, read part by part: the same bytes as the reading
text of its whole tree (:func:`teikit.exporter.text.reading.reading_text`).

The reading text is one walk over the document (:class:`~.reading.Reading`). Here the walk
starts once the file is read up to the ``body``'s first child, and when it reaches the
``body``'s content it takes each child from the stream
(:func:`teikit.exporter.parts.body_parts`) once the next is read (a rule may look at the
next sibling), walks it and lets it go, leaving it empty in its place (a rule may ask the
name of the one before). After each child, the text that nothing can change any more is
kept as bytes (:meth:`~.writer.Writer.settled`). When the walk leaves the ``body``, the
rest of the file is read whole, and the walk goes on to the end, then to the registers of
the ``standOff`` and the notes.

:mod:`teikit.exporter.html.survey` says when this applies, as for the page
(:attr:`~teikit.exporter.html.survey.Survey.streamable`): then nothing is joined as tokens,
and every reference (a ``ptr``'s target) finds its target read and not yet let go. A
``ptr`` to the ``body`` or to an element around it is labelled by a heading that may not
be read yet or let go already: it says what the survey found it says in the whole tree
(:attr:`~teikit.exporter.html.survey.Survey.labels`), as on the page. Any other look-up of
those elements (or a pointer to them with no survey's labels given) reads the file again,
whole.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from teikit.exporter.options import Notes, Rendered
from teikit.exporter.parts import Event, body_parts, let_go, loose_tails, trailing_tails
from teikit.exporter.pointers import id_index, pointer_label
from teikit.exporter.text.reading import Reading, read, reading_text
from teikit.exporter.text.rules import Scope
from teikit.tei import xml


class NotAtHand(Exception):
    """A pointer asked for an element whose content is not all at hand."""

    def __init__(self, key: str, element: etree._Element) -> None:
        super().__init__(key)
        self.element = element


class _AtHand(dict[str, etree._Element]):
    """An ``xml:id`` index: ``first`` (what comes before), then its own; the ``body`` and
    the elements around it cannot be looked up (a pointer to one is labelled by its
    heading, :func:`teikit.exporter.pointers.label_of`), except by a pointer whose label
    is known (``labelled``)."""

    def __init__(self, found: dict[str, etree._Element], first: dict[str, etree._Element],
                 around: list[etree._Element]) -> None:
        super().__init__(found)
        self.first, self.around = first, around
        self.labelled: dict[etree._Element, str] = {}

    def get(self, key: str, default: Any = None) -> Any:
        found = self.first.get(key)
        found = super().get(key, default) if found is None else found
        if any(found is element for element in self.around) and found not in self.labelled:
            raise NotAtHand(key, found)
        return found


def ids_before(root: etree._Element, body: etree._Element) -> dict[str, etree._Element]:
    """``xml:id`` → the first element with it, up to the ``body`` (itself included)."""
    found: dict[str, etree._Element] = {}
    for element in root.iter():
        ident = element.get(xml("id")) if isinstance(element.tag, str) else None
        if ident:
            found.setdefault(ident, element)
        if element is body:
            break
    return found


class _Streamed(Reading):
    """The walk, taking the ``body``'s children from the stream (see the module's docstring)."""

    def __init__(self, notes: Notes, body: etree._Element,
                 rest: Iterator[tuple[Event, etree._Element]], labels: list[str]) -> None:
        root = body.getroottree().getroot()
        super().__init__(notes, root=root)
        self.root: etree._Element = root
        self.body, self.rest = body, rest
        text = body.getparent()
        assert text is not None
        self.text = text
        self.around = [body, *body.iterancestors()]
        self.labels = dict(zip(self.around, labels, strict=True)) if labels else {}
        """What a ``ptr`` to each element of :attr:`around` says (the survey's labels)."""
        self.before = ids_before(root, body)
        self.part: etree._Element | None = None
        self.read_through = False
        self.done: list[bytes] = []
        """The text settled so far (:meth:`~.writer.Writer.settled`), encoded."""

    @property
    def ids(self) -> dict[str, etree._Element]:
        """What comes before the ``body`` and, in it, the child walked; after it, the whole
        tree as it stands (the ``body`` empty)."""
        if self._ids is None:
            self._ids = _AtHand(id_index(self.root), {}, self.around) if self.read_through \
                else _AtHand(id_index(self.part) if self.part is not None else {},
                             self.before, self.around)
        return self._ids

    def pointer_label(self, element: etree._Element) -> str:
        """What a ``ptr`` says: to the ``body`` or an element around it, the survey's
        label (the walk may have let its heading go, or not read it yet)."""
        ids = self.ids
        assert isinstance(ids, _AtHand)
        ids.labelled = self.labels
        try:
            return pointer_label(element, ids, self.labels)
        finally:
            ids.labelled = {}

    def children(self, element: etree._Element, scope: Scope) -> None:
        if element is self.body:
            self._body(scope)
        elif element is self.text:
            self._text(scope)
        else:
            super().children(element, scope)

    def _text(self, scope: Scope) -> None:
        """The ``text``'s content: each child found once the one before is walked (what
        follows the ``body`` is read once the walk leaves it)."""
        if self.text.text:
            self.out.text(self.text.text)
        child = next(iter(self.text), None)
        while child is not None:
            self.element(child, scope)
            if child is self.body:
                self.read_rest()
            if child.tail:
                self.out.text(child.tail)
            child = child.getnext()

    def _body(self, scope: Scope) -> None:
        if self.body.text:
            self.out.text(self.body.text)
        for event, child in self.rest:
            if event == "end":
                break
            self.part, self._ids = child, None
            for tail in loose_tails(child.itersiblings(preceding=True))[::-1]:
                self.out.text(tail)
            self.element(child, scope)
            if child.tail:
                self.out.text(child.tail)
            let_go(child)
            self.done.append(self.out.settled().encode("utf-8"))
        self.part = None
        for tail in trailing_tails(self.body):
            self.out.text(tail)
        self.read_rest()

    def read_rest(self) -> None:
        """Read the file to its end (once the walk has left the ``body``, or skipped it)."""
        for _ in self.rest:
            pass
        self.read_through, self._ids = True, None

    def registers(self, root: etree._Element) -> list[etree._Element]:
        self.read_rest()
        return super().registers(root)


def reading_streamed(path: Path, notes: Notes = "end", labels: list[str] | None = None
                     ) -> Rendered:
    """The reading view of the file at ``path``, encoded as the whole tree's is
    (``labels``: what a ``ptr`` to the ``body``, the ``text`` and the ``TEI`` says, as the
    survey found, :attr:`~teikit.exporter.html.survey.Survey.labels`)."""
    rest = body_parts(path)
    event, body = next(rest, ("end", None))
    if event != "start" or body is None:
        raise ValueError("the document has no body to stream")
    reading = _Streamed(notes, body, rest, labels or [])
    found: tuple[str, Counter[str]] | None = None
    try:
        found = read(reading, reading.root)
    except NotAtHand:
        del reading, body, rest  # the parts read so far go before the whole tree is read
    if found is None:
        text, unruled = _whole(path, notes)
        return Rendered(text.encode("utf-8"), unruled)
    reading.done.append(found[0].encode("utf-8"))
    data = b"".join(reading.done)
    reading.done.clear()
    return Rendered(data, found[1])


def _whole(path: Path, notes: Notes) -> tuple[str, Counter[str]]:
    """The reading text of the whole tree (a pointer needed more than the parts)."""
    from teikit.validator.document import load_document

    document, _ = load_document(path, str(path))
    if document is None:
        raise ValueError("the document could not be read again")
    return reading_text(document.tree, notes)
