"""The first reading of a large TEI file whose page is written part by part (:mod:`.stream`),
or whose reading text (:mod:`teikit.exporter.text.reading_stream`) or transcript
(:mod:`teikit.exporter.text.stream`) is read part by part.

It reads the file as a stream, letting each child of the ``body`` go once read, and keeps
what the page needs from the whole document before any of it is rendered:

- the HTML id of every ``xml:id`` and the ids of the pointers that link back to them, given
  in the order a whole tree gives them (:func:`.links.assign_ids`), keyed by the element's
  place among its kind (:data:`Key`), so that the second reading can hand them to the same
  elements;
- what a ``ptr`` to the ``body`` or to an element around it says (:attr:`Survey.labels`):
  the ``body``'s heading may be let go, or not read yet, where the pointer is rendered;
- the export's own findings (TK501, TK502, TK505), with their lines;
- whether the file reads as a stream at all (:attr:`Survey.readable`), whether its
  transcript view can be read so (:attr:`Survey.transcript`), and whether its page and its
  reading text can be written part by part (:attr:`Survey.streamable`): a
  ``TEI`` with one ``text`` holding a ``body``; no XInclude, ``teiCorpus``, ``group``,
  utterance (a speaker's name is looked up in the whole document) or token to join
  (:mod:`teikit.exporter.tokens`); no ``rendition`` outside the header; and no reference
  (an attribute's ``#id``) whose target is not at hand where it is rendered: before the
  ``body``, or in the same child of the ``body``, or (from after the ``body``) anywhere
  but inside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from lxml import etree

from teikit.diagnostics import Diagnostic
from teikit.exporter.html.links import Index, assign_ids, link_pointers
from teikit.exporter.html.page import PAGE_IDS
from teikit.exporter.html.render import Shared
from teikit.exporter.parts import TEXT, body_parts
from teikit.exporter.pointers import first_target, label_of
from teikit.exporter.problems import IdCheck, NamespaceCheck
from teikit.exporter.sources import descriptions, registers
from teikit.exporter.text.transcript import source_record
from teikit.exporter.tokens import NAME_PARTS, PC, TYPED, W, abutting, abutting_names, punctuation
from teikit.tei import XI_NS, tei, xml
from teikit.transcript import RENDER, delimiters

Key = tuple[str, int]
"""An element by its part of the document (``d0`` … a description of the source, ``t`` the
``text``, ``r0`` … a register) and its place there among the elements with an ``xml:id``
(or, with ``p`` added to the part, among the pointers)."""
BEFORE: Final = -1
"""Where a reference or its target is: before the ``body`` (-1), in its ``n``-th child,
or after it (:data:`AFTER`)."""
AFTER: Final = 1 << 62
XML_ID: Final = xml("id")
POINTERS: Final = frozenset((tei("ref"), tei("ptr")))
REFUSED: Final = frozenset((tei("teiCorpus"), tei("group"), tei("u"), tei("TEI"), tei("text")))
"""Elements that send a document to the whole tree (``TEI`` and ``text`` past the first)."""
TOKENS: Final = frozenset((W, PC, *TYPED, *NAME_PARTS))
RENDITION: Final = tei("rendition")
HEAD: Final = tei("head")


@dataclass
class Part:
    """The elements of one of the parts the ids are given in, as the survey met them."""

    name: str
    ids: list[tuple[Key, str | None]] = field(default_factory=list)
    pointers: list[tuple[Key, str]] = field(default_factory=list)

    def feed(self, element: etree._Element) -> Key | None:
        """Note ``element``; its key as an element with an ``xml:id``, if it has one."""
        ident = element.get(XML_ID)
        key = None
        if ident and ident.split():
            key = (self.name, len(self.ids))
            self.ids.append((key, ident))
        if element.tag in POINTERS:
            self.pointers.append(((self.name + "p", len(self.pointers)), first_target(element)))
        return key


@dataclass
class Survey:
    """What the first reading found (see the module's docstring)."""

    readable: bool = True
    """Whether the file reads as a stream at all: well-formed, a ``TEI`` whose ``text`` has
    a ``body``, no XInclude (the diagnostics are then those of the whole tree)."""
    streamable: bool = True
    """Whether its HTML page can be written part by part (see the module's docstring)."""
    transcript: bool = False
    """Whether its transcript view can be read part by part: teikit wrote it (its header
    records the transcript) and the ``body`` is the root's first ``text``'s, unmarked."""
    shared: Shared = field(default_factory=lambda: Shared(ids=set(PAGE_IDS)))
    index: Index[Key] = field(default_factory=lambda: Index({}, {}, {}, {}))
    diagnostics: list[Diagnostic] = field(default_factory=list)
    chunks: int = 0
    """How many children the ``body`` has."""
    labels: list[str] = field(default_factory=list)
    """What a ``ptr`` to the ``body``, and to each element around it (the ``text``, the
    ``TEI``), says in the whole tree (:func:`teikit.exporter.pointers.label_of`)."""


def has_tokens(element: etree._Element) -> bool:
    """Whether :func:`teikit.exporter.tokens.joined` would change anything under ``element``."""
    return any(next(found, None) is not None for found in (
        punctuation(element), abutting(element), abutting_names(element)))


@dataclass
class _Reading:
    """The survey under way (see :func:`survey`)."""

    survey: Survey
    ids: IdCheck = field(default_factory=IdCheck)
    namespaces: NamespaceCheck = field(default_factory=NamespaceCheck)
    descriptions: list[Part] = field(default_factory=list)
    registers: list[Part] = field(default_factory=list)
    text: Part = field(default_factory=lambda: Part("t"))
    places: dict[Key, int] = field(default_factory=dict)
    references: dict[str, set[int]] = field(default_factory=dict)
    early: int = 0
    """How many registers come before the ``body``."""
    in_text: bool = False
    body_label: str | None = None
    """What a pointer to the ``body`` says, once its first ``head`` is read."""

    def feed(self, element: etree._Element, where: int, part: Part | None) -> None:
        """Note one element, in document order (``where``: before, in or after the body)."""
        tag = element.tag
        if not isinstance(tag, str):
            return
        if tag in REFUSED and element.getparent() is not None and not self._first_text(tag):
            self.survey.streamable = False
        if tag.startswith(f"{{{XI_NS}}}"):
            self.survey.readable = self.survey.streamable = False
        if tag == RENDITION and where != BEFORE:
            self.survey.streamable = False
        self.ids.feed(element, element.get(XML_ID))
        if self.in_text:
            self.namespaces.feed(element)
        key = part.feed(element) if part is not None else None
        if key is not None:
            self.places[key] = where
        for value in map(str, element.values()):
            if "#" in value:
                for token in value.split():
                    if token.startswith("#"):
                        self.references.setdefault(token[1:], set()).add(where)

    def _first_text(self, tag: str) -> bool:
        if tag != TEXT or self.in_text:
            return False
        self.in_text = True
        return True

    def described(self, root: etree._Element) -> None:
        """The descriptions of the source and the registers read so far (all before the
        ``body``), as parts of their own."""
        for number, description in enumerate(descriptions(root)):
            self.descriptions.append(self._part(Part(f"d{number}"), description, BEFORE))
        self.early = len(registers(root))

    def _part(self, part: Part, root: etree._Element, where: int) -> Part:
        for element in root.iter():
            key = part.feed(element) if isinstance(element.tag, str) else None
            if key is not None:
                self.places[key] = where
        return part

    def before(self, root: etree._Element, body: etree._Element) -> None:
        """Everything up to the ``body`` (itself included), in document order."""
        self.described(root)
        self.survey.transcript = source_record(root.getroottree()) is not None \
            and body.getparent() is root.find(TEXT) and delimiters(body) is None \
            and "body" not in RENDER
        for element in root.iter():
            inside = self.in_text or (element.tag == TEXT and element.getparent() is root)
            self.feed(element, BEFORE, self.text if inside else None)
            if element is body:
                return

    def chunk(self, element: etree._Element) -> None:
        """A child of the ``body``, whole."""
        where = self.survey.chunks
        self.survey.chunks += 1
        if element.tag in TOKENS or has_tokens(element):
            self.survey.streamable = False
        if element.tag == HEAD and self.body_label is None:
            body = element.getparent()
            assert body is not None
            # the children before this one are let go or emptied, and none was a head: this is the
            # body's first head, the one a pointer to the body is labelled by
            self.body_label = label_of(body)
        for node in element.iter():
            self.feed(node, where, self.text)

    def after(self, root: etree._Element, body: etree._Element) -> None:
        """Everything after the ``body``, in document order; then the registers after it."""
        for sibling in body.itersiblings():
            for element in sibling.iter():
                self.feed(element, AFTER, self.text)
        self.in_text = False
        for ancestor in body.iterancestors():
            for sibling in ancestor.itersiblings():
                for element in sibling.iter():
                    self.feed(element, AFTER, None)
        if has_tokens(root):
            self.survey.streamable = False
        self.survey.labels = [label_of(body) if self.body_label is None else self.body_label,
                              *map(label_of, body.iterancestors())]
        for number, register in enumerate(registers(root)):
            self.registers.append(self._part(Part(f"r{number}"), register,
                                             BEFORE if number < self.early else AFTER))

    def indexed(self) -> None:
        """The ids given as a whole tree gives them; a reference whose target is not at
        hand where it is rendered stops the stream."""
        survey = self.survey
        for part in [*self.descriptions, self.text, *self.registers]:
            assign_ids(part.ids, survey.shared, survey.index)
            link_pointers(part.pointers, survey.shared, survey.index)
        for ident, wheres in self.references.items():
            key = survey.index.targets.get(ident)
            place = self.places[key] if key is not None else BEFORE
            if place != BEFORE and any(where != place for where in wheres):
                survey.streamable = False


def survey(path: Path, file: str) -> Survey:
    """Read ``path`` once (see the module's docstring); ``file`` names it in diagnostics."""
    reading = _Reading(Survey())
    root = body = None
    try:
        for event, element in body_parts(path):
            if event == "start":
                body, root = element, element.getroottree().getroot()
                reading.before(root, body)
            elif event == "child" and body is not None:
                reading.chunk(element)
                element.clear()
                while element.getprevious() is not None:
                    del body[0]
    except etree.XMLSyntaxError:
        reading.survey.readable = False
    if root is None or body is None or root.tag != tei("TEI") or not reading.survey.readable:
        reading.survey.readable = reading.survey.streamable = False
        return reading.survey
    reading.after(root, body)
    reading.indexed()
    reading.survey.diagnostics = [*reading.ids.found(file), *reading.namespaces.found(file)]
    return reading.survey
