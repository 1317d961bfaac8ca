"""The reading text: the whole ``text`` element as clean plain text.

It keeps every word except what the reading policy (:mod:`.policy`) omits, lays blocks
out as paragraphs and lines, and lists attached notes at the end:

* a paragraph per block, separated by blank lines; ``l``, ``item``, ``cell``, a cast
  list's entries and a bibliography's entries each on a line of their own;
* ``sp`` is ``SPEAKER: speech``;
* ``lb`` is a new line in verse and in EpiDoc editions (a space elsewhere), and joins the
  two halves of a word where ``@break="no"``;
* ``choice`` keeps its corrected, regularised or expanded reading, an ``app`` in the text
  its lemma; ``gap`` reads ``…``;
* a note inside running text leaves the text clean (no mark, and no footnote call: a
  ``ref[@type=noteAnchor]`` is left out) and is listed, numbered by its ``@n`` or by a
  letter, under "Notes to the text" at the end (or left out with the ``omit`` notes
  option); a note standing between blocks (an endnote, an apparatus entry) stays where
  it is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from teikit.exporter.layout_space import ELEMENT_ONLY, text_in
from teikit.exporter.notes import is_attached, note_key
from teikit.exporter.options import Notes
from teikit.exporter.pointers import id_index, pointer_label
from teikit.exporter.sources import descriptions, registers
from teikit.exporter.text import policy
from teikit.exporter.text.rules import Scope, inner_scope, is_omitted, layout, parent_name, tei_name
from teikit.exporter.text.special import SPECIAL
from teikit.exporter.text.writer import LINE, PARAGRAPH, Writer
from teikit.exporter.tokens import joined
from teikit.tei import TEI_NS
from teikit.transcript import declared_reading, delimiters

XINCLUDE = "http://www.w3.org/2001/XInclude"
QUIET_NAMESPACES = ("http://www.tei-c.org/ns/Examples", "http://www.w3.org/1998/Math/MathML",
                    XINCLUDE)
"""Namespaces read as plain text without being reported (TEI examples, MathML, and an
XInclude left unresolved: its fallback, or a note naming the file it wanted)."""


@dataclass
class Reading:
    """One walk over a document (see the module's docstring)."""

    notes: Notes = "end"
    out: Writer = field(default_factory=Writer)
    footnotes: list[tuple[str, str]] = field(default_factory=list)
    unnumbered: int = 0
    in_note: bool = False
    unruled: Counter[str] = field(default_factory=Counter)
    root: etree._Element | None = None
    _ids: dict[str, etree._Element] | None = None

    @property
    def ids(self) -> dict[str, etree._Element]:
        """The document's ``xml:id`` index (built when a pointer first needs it)."""
        if self._ids is None:
            self._ids = id_index(self.root) if self.root is not None else {}
        return self._ids

    def pointer_label(self, element: etree._Element) -> str:
        """What the ``ptr`` ``element`` says (:func:`teikit.exporter.pointers.pointer_label`)."""
        return pointer_label(element, self.ids)

    def registers(self, root: etree._Element) -> list[etree._Element]:
        """The registers of the document ``root``, read after its text."""
        return registers(root)

    def children(self, element: etree._Element, scope: Scope) -> None:
        tag = element.tag  # the whitespace that lays out a choice is no text (.layout_space)
        text = text_in(tag, element.text) if tag in ELEMENT_ONLY else element.text
        if text:
            self.out.text(text)
        for child in element:
            self.element(child, scope)
            tail = text_in(tag, child.tail) if tag in ELEMENT_ONLY else child.tail
            if tail:
                self.out.text(tail)

    def element(self, element: etree._Element, scope: Scope) -> None:
        if is_omitted(element, self.notes, scope.apparatus):
            return
        name = tei_name(element)
        if name is None:
            self.foreign(element, scope)
            return
        declared = delimiters(element) if declared_reading(element) == "delimited" else None
        if declared is not None:
            self.out.text(declared[0])
            self.children(element, scope)
            self.out.text(declared[1])
            return
        special = SPECIAL.get(name)
        if special is not None:
            special(self, element, scope)
            return
        self.counted(name)
        self.block(element, name, scope)

    def block(self, element: etree._Element, name: str, scope: Scope) -> None:
        level = min(layout(element, name), scope.cap)
        self.out.brk(level)
        self.children(element, inner_scope(element, name, scope))
        self.out.brk(level)

    def counted(self, name: str) -> None:
        known = (policy.BLOCKS, policy.LINES, policy.CONTAINERS, policy.PHRASES)
        if not any(name in table for table in known):
            self.unruled[name] += 1

    def foreign(self, element: etree._Element, scope: Scope) -> None:
        """An element outside TEI: its text, as a paragraph when it stands between blocks."""
        namespace = etree.QName(element).namespace or ""
        if namespace not in QUIET_NAMESPACES:
            self.unruled[str(element.tag)] += 1
        level = min(PARAGRAPH if parent_name(element) in policy.CONTAINERS else 0, scope.cap)
        self.out.brk(level)
        if element.tag == f"{{{XINCLUDE}}}include" and not len(element):
            self.out.text(f"(not included: {element.get('href') or 'no file named'})")
        self.children(element, scope)
        self.out.brk(level)

    def note(self, element: etree._Element, scope: Scope) -> None:
        if not (self.in_note or is_attached(element) or parent_name(element) == "app"):
            # an endnote (not an apparatus entry's comment): a paragraph of its own
            self.out.brk(min(PARAGRAPH, scope.cap))
            self.children(element, inner_scope(element, "note", scope))
            self.out.brk(min(PARAGRAPH, scope.cap))
            return
        if self.in_note or not is_attached(element):
            self.block(element, "note", scope)
            return
        key = note_key(element, self.unnumbered)
        self.unnumbered += 0 if element.get("n", "").strip() else 1
        outer, self.out, self.in_note = self.out, Writer(), True
        self.children(element, Scope())
        self.footnotes.append((key, self.out.result().strip()))
        self.out, self.in_note = outer, False
        if edge_space(element):  # "une note<note> J'aime …</note>en bas": the space the
            self.out.text(" ")  # source put inside the note stays between the words

    def end_notes(self) -> None:
        """The attached notes, under "Notes to the text", each a paragraph of its own."""
        if not self.footnotes:
            return
        self.out.brk(PARAGRAPH)
        self.out.text("Notes to the text")
        for key, text in self.footnotes:
            self.out.brk(PARAGRAPH)
            self.out.text(f"[{key}] ")
            for number, line in enumerate(text.split("\n")):
                self.out.brk(LINE if number else 0)
                self.out.text(line)


def edge_space(note: etree._Element) -> bool:
    """Whether ``note``'s content begins or ends with whitespace and a word follows it:
    the source's space between the words around it (none before punctuation)."""
    last = note[-1].tail if len(note) else note.text
    return ((note.text or "x")[:1].isspace() or (last or "x")[-1:].isspace()) and \
        (note.tail or "")[:1].isalnum()


def member_title(document: etree._Element) -> str:
    """The main title in a ``TEI``'s header ("" when it has none)."""
    found = document.find(f"{{{TEI_NS}}}teiHeader/{{{TEI_NS}}}fileDesc/{{{TEI_NS}}}titleStmt/"
                          f"{{{TEI_NS}}}title")
    return " ".join("".join(map(str, found.itertext())).split()) if found is not None else ""


def reading_text(tree: etree._ElementTree, notes: Notes = "end") -> tuple[str, Counter[str]]:
    """The reading text of ``tree`` and the elements it read without a rule of their own
    (:func:`read`)."""
    root = joined(tree).getroot()
    return read(Reading(notes, root=root), root)


def read(reading: Reading, root: etree._Element) -> tuple[str, Counter[str]]:
    """The reading text of the document ``root``, walked by ``reading``.

    A ``TEI`` gives the description of its source from its header (``msDesc``), its text,
    then the registers of its ``standOff``; a ``teiCorpus`` gives each ``TEI``'s title and
    text in turn; a root that is not TEI gives its text.
    """
    if tei_name(root) == "teiCorpus":
        for document in root.iter(f"{{{TEI_NS}}}TEI"):
            reading.out.brk(PARAGRAPH)
            reading.out.text(member_title(document))
            reading.out.brk(PARAGRAPH)
            text = document.find(f"{{{TEI_NS}}}text")
            if text is not None:
                reading.element(text, Scope())
    elif tei_name(root) == "TEI":
        text = root.find(f"{{{TEI_NS}}}text")
        for part in [*descriptions(root), *([text] if text is not None else [])]:
            reading.out.brk(PARAGRAPH)
            reading.element(part, Scope())
        for part in reading.registers(root):
            reading.out.brk(PARAGRAPH)
            reading.element(part, Scope())
    else:
        reading.children(root, Scope())
    reading.end_notes()
    return reading.out.result(), reading.unruled
