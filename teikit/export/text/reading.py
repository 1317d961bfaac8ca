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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from lxml import etree

from teikit.export.notes import is_attached, note_key
from teikit.export.options import Notes
from teikit.export.pointers import id_index, pointer_label
from teikit.export.text import policy
from teikit.export.text.writer import LINE, PARAGRAPH, Writer
from teikit.tei import TEI_NS, local_name
from teikit.transcript import declared_reading, delimiters

QUIET_NAMESPACES = ("http://www.tei-c.org/ns/Examples", "http://www.w3.org/1998/Math/MathML")
"""Namespaces read as plain text without being reported (TEI examples, MathML)."""


@dataclass(frozen=True)
class Scope:
    """Where the walk is: the strongest break allowed, and whether ``lb`` is a new line."""

    cap: int = PARAGRAPH
    lines: bool = False
    apparatus: bool = False


def tei_name(element: etree._Element) -> str | None:
    """The local name of a TEI element, else ``None``."""
    tag = element.tag
    return local_name(element) if isinstance(tag, str) and tag.startswith(f"{{{TEI_NS}}}") \
        else None


def parent_name(element: etree._Element) -> str:
    parent = element.getparent()
    return (tei_name(parent) or "") if parent is not None else ""


def is_omitted(element: etree._Element, notes: Notes = "end", apparatus: bool = False
               ) -> bool:
    """Whether the reading policy leaves ``element`` out (with everything inside it)."""
    name = tei_name(element)
    if name is None:
        return not isinstance(element.tag, str)
    declared = declared_reading(element)
    if declared is not None:  # a convention the profile declared: shown as it asked
        return declared == "omit"
    if name == "del" and element.get("rend") == "erasure" and in_edition(element):
        return not policy.ERASURES_KEPT
    if name in policy.OMITTED or (name == "note" and notes == "omit"):
        return True
    if name == "ref" and element.get("type") == "noteAnchor":
        return True  # a footnote call: the note itself is read where it stands
    if name == "label" and parent_name(element) == "add":
        return True  # teikit's own label for an addition ("handwritten:")
    if name == "div" and element.get("type") in policy.PLACEHOLDER_DIVS:
        return all(tei_name(child) == "head" for child in element)
    parent = element.getparent()
    if parent is None:
        return False
    if tei_name(parent) == "choice":
        return element is not preferred_reading(parent)
    if tei_name(parent) == "app" and not apparatus and name in ("rdg", "rdgGrp", "witDetail"):
        return any(tei_name(child) == policy.LEMMA for child in parent)
    return False


def in_edition(element: etree._Element) -> bool:
    """Whether ``element`` is inside an EpiDoc ``div type="edition"``."""
    return any(tei_name(a) == "div" and a.get("type") == "edition"
               for a in element.iterancestors())


def preferred_reading(choice: etree._Element) -> etree._Element | None:
    """The reading of a ``choice`` the text keeps (see :data:`policy.PREFERRED`)."""
    children = [child for child in choice if tei_name(child)]
    return next((c for c in children if tei_name(c) in policy.PREFERRED),
                children[0] if children else None)


def layout(element: etree._Element, name: str) -> int:
    """The break around ``element``: :data:`PARAGRAPH`, :data:`LINE` or 0 (inline)."""
    parent = parent_name(element)
    in_container = parent in policy.CONTAINERS
    if name in policy.IN_CONTAINERS_ONLY and not in_container:
        return 0
    if name in policy.BLOCKS:
        return PARAGRAPH
    if name in policy.LINES:
        return LINE
    return PARAGRAPH if in_container and name not in policy.PHRASES else 0


def inner_scope(element: etree._Element, name: str, scope: Scope) -> Scope:
    """The scope for ``element``'s content."""
    if name in policy.LINE_GROUPS:
        scope = replace(scope, cap=LINE)
    if name in policy.VERSE_OR_INSCRIPTION or (name == "div" and element.get("type") ==
                                               "edition"):
        scope = replace(scope, lines=True)
    if name == "listApp" or (name == "div" and element.get("type") == "apparatus"):
        scope = replace(scope, apparatus=True)
    return scope


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

    def children(self, element: etree._Element, scope: Scope) -> None:
        if element.text:
            self.out.text(element.text)
        for child in element:
            self.element(child, scope)
            if child.tail:
                self.out.text(child.tail)

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
        self.children(element, scope)
        self.out.brk(level)

    def note(self, element: etree._Element, scope: Scope) -> None:
        if self.in_note or not is_attached(element):
            self.block(element, "note", scope)
            return
        key = note_key(element, self.unnumbered)
        self.unnumbered += 0 if element.get("n", "").strip() else 1
        outer, self.out, self.in_note = self.out, Writer(), True
        self.children(element, Scope())
        self.footnotes.append((key, self.out.result().strip()))
        self.out, self.in_note = outer, False

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


def _lb(reading: Reading, element: etree._Element, scope: Scope) -> None:
    if element.get("break") == "no" or element.get("type") == "inWord":
        reading.out.glue()
    elif scope.lines:
        reading.out.brk(LINE)
    else:
        reading.out.text(" ")


def _gap(reading: Reading, element: etree._Element, scope: Scope) -> None:
    reading.out.text(policy.GAP_MARK)


def _space(reading: Reading, element: etree._Element, scope: Scope) -> None:
    reading.out.text(" ")


def _g(reading: Reading, element: etree._Element, scope: Scope) -> None:
    code = element.get("n", "")
    if element.get("type") == "control" and code.startswith("U+"):
        reading.out.text(chr(int(code[2:], 16)))
    else:
        reading.children(element, scope)


def _speaker(reading: Reading, element: etree._Element, scope: Scope) -> None:
    reading.block(element, "speaker", scope)
    if parent_name(element) == "sp":
        reading.out.run_in(":")


CAST_SEPARATORS: Mapping[str, str] = {"roleDesc": ",", "actor": " —"}
"""What comes between a cast entry's role and its description or actor."""


def _cast_part(reading: Reading, element: etree._Element, scope: Scope) -> None:
    name = tei_name(element) or ""
    if parent_name(element) != "castItem":
        reading.block(element, name, scope)
        return
    roles = ("role", "roleName", "persName", "name")
    if any(tei_name(before) in roles for before in element.itersiblings(preceding=True)):
        reading.out.run_in(CAST_SEPARATORS[name])
    reading.children(element, scope)


def _reading_mark(name: str, following: etree._Element | None) -> str:
    """The sign after a reading in an apparatus entry: ``]`` after the lemma, ``;``
    between variants, ``.`` before a note."""
    if following is None or name not in ("lem", "rdg", "rdgGrp"):
        return ""
    if name == "lem":
        return "]"
    return ";" if tei_name(following) in ("rdg", "rdgGrp") else "."


def _app(reading: Reading, element: etree._Element, scope: Scope) -> None:
    """An apparatus entry: ``3: lemma] variant; variant. note``; in the text, its lemma."""
    if not scope.apparatus:
        reading.children(element, scope)
        return
    reading.out.brk(min(LINE, scope.cap))
    loc = " ".join((element.get("loc") or element.get("n") or "").split())
    if loc:
        reading.out.text(loc)
        reading.out.run_in(":")
    for child in element:
        name = tei_name(child)
        if name is not None and not is_omitted(child, reading.notes, True):
            reading.out.text(" ")
            reading.children(child, replace(scope, cap=0))
            mark = _reading_mark(name, child.getnext())
            if mark:
                reading.out.run_in(mark)
        if child.tail:
            reading.out.text(child.tail)
    reading.out.brk(min(LINE, scope.cap))


def _ptr(reading: Reading, element: etree._Element, scope: Scope) -> None:
    """``ptr`` has no words of its own: its target's label or address stands for it."""
    reading.out.text(pointer_label(element, reading.ids))


def _label(reading: Reading, element: etree._Element, scope: Scope) -> None:
    following = element.getnext()
    if following is not None and tei_name(following) == "item":
        level = min(layout(element, "label"), scope.cap)
        reading.out.brk(level)
        reading.children(element, scope)  # the item continues the label's line
    else:
        reading.block(element, "label", scope)


def _item(reading: Reading, element: etree._Element, scope: Scope) -> None:
    previous = element.getprevious()
    if previous is not None and tei_name(previous) == "label":
        reading.out.text(" ")
        reading.children(element, inner_scope(element, "item", scope))
        reading.out.brk(LINE)
    else:
        reading.block(element, "item", scope)


Special = Callable[[Reading, etree._Element, Scope], None]
SPECIAL: Mapping[str, Special] = {
    "note": Reading.note, "lb": _lb, "gap": _gap, "space": _space, "g": _g,
    "speaker": _speaker, "roleDesc": _cast_part, "actor": _cast_part, "item": _item,
    "label": _label, "app": _app, "ptr": _ptr,
}
"""Elements whose reading needs a decision of their own."""


def member_title(document: etree._Element) -> str:
    """The main title in a ``TEI``'s header ("" when it has none)."""
    found = document.find(f"{{{TEI_NS}}}teiHeader/{{{TEI_NS}}}fileDesc/{{{TEI_NS}}}titleStmt/"
                          f"{{{TEI_NS}}}title")
    return " ".join("".join(map(str, found.itertext())).split()) if found is not None else ""


def reading_text(tree: etree._ElementTree, notes: Notes = "end") -> tuple[str, Counter[str]]:
    """The reading text of ``tree`` and the elements it read without a rule of their own.

    A ``teiCorpus`` gives each ``TEI``'s title and text in turn; a root that is not TEI
    gives its text.
    """
    root = tree.getroot()
    reading = Reading(notes, root=root)
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
        if text is not None:
            reading.element(text, Scope())
    else:
        reading.children(root, Scope())
    reading.end_notes()
    return reading.out.result(), reading.unruled
