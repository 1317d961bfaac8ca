"""The machinery the HTML renderers share: the builder, the node type and the walk.

A renderer is a small function ``(tei_element, context) -> list[Node]`` registered by TEI
local name (or, for another vocabulary, by ``{namespace}``) in a table (see
:mod:`teikit.exporter.html.rules`). The :class:`Context` walks children, keeps the text
between them, and falls back to a renderer that keeps the text of elements nobody
registered, so no text is ever dropped.

Class names the stylesheet and the tests rely on:

``gen``
    text the exporter generated (brackets, page numbers, badges); not part of the TEI text.
``ed-only`` / ``rd-only``
    shown only in the editorial view / only in the reading view.
``blk``
    a ``span`` standing in for a block element inside a paragraph (HTML forbids ``p`` or
    ``ul`` inside ``p``, so inside phrasing content everything is a ``span``).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Final, TypeAlias

from lxml import etree

from teikit.exporter.html.direction import dir_attribute
from teikit.exporter.html.style import style_of
from teikit.exporter.layout_space import ELEMENT_ONLY, text_in
from teikit.tei import TEI_NS, xml

TEI_PREFIX: Final = f"{{{TEI_NS}}}"
TEI_PREFIX_LENGTH: Final = len(TEI_PREFIX)
XML_LANG: Final = xml("lang")

Node: TypeAlias = "etree._Element | str"
"""One piece of rendered HTML: an element or a run of text."""



def attrs(classes: str | None = None, **values: str | None) -> dict[str, str]:
    """An attribute dict without the ``None`` values (``data_n`` becomes ``data-n``)."""
    out = {"class": classes} if classes else {}
    for key, value in values.items():
        if value is not None:
            out[key.rstrip("_").replace("_", "-")] = value
    return out


def make(tag: str, attributes: Mapping[str, str], children: Iterable[Node]) -> etree._Element:
    """Build ``<tag>`` with ``attributes`` and mixed ``children`` (text and elements).

    Plain lxml elements (no HTML element classes) are enough for a page that is only
    serialized, and several times cheaper to make: a long novel makes half a million.
    Runs of text are joined before they are set (each assignment costs a conversion).
    """
    element = etree.Element(tag, dict(attributes)) if attributes else etree.Element(tag)
    last: etree._Element | None = None
    pending: list[str] = []
    for child in children:
        if isinstance(child, str):
            pending.append(child)
            continue
        if pending:
            _add_text(element, last, "".join(pending))
            pending.clear()
        element.append(child)
        last = child
    if pending:
        _add_text(element, last, "".join(pending))
    return element


def _add_text(element: etree._Element, last: etree._Element | None, text: str) -> None:
    if last is None:
        element.text = element.text + text if element.text else text
    else:
        last.tail = last.tail + text if last.tail else text


def text_of(element: etree._Element) -> str:
    """All the text inside ``element``."""
    return "".join(str(part) for part in element.itertext())


def gen(text: str, classes: str = "") -> etree._Element:
    """A span of generated text (hidden from the text-preservation checks)."""
    return make("span", attrs(f"gen {classes}".strip()), [text])


@dataclass
class Footnote:
    """A note lifted out of the running text into the reading view's footnotes."""

    key: str
    call_id: str
    note_id: str
    content: list[Node]
    numbered: bool = False
    """True when the key is the note's own ``@n`` (else a letter)."""


@dataclass(frozen=True)
class NoteCall:
    """A call to a note that stands apart (an endnote), placed where its ``@target`` is."""

    key: str
    call_id: str
    note_id: str

    def mark(self) -> etree._Element:
        link = make("a", attrs(href=f"#{self.note_id}", id=self.call_id, role="doc-noteref",
                               aria_label=f"Note {self.key}"), [self.key])
        return make("sup", attrs("fn-call note-call gen"), [link])


@dataclass
class Shared:
    """State shared by every context of one rendering (ids, footnotes, legend)."""

    footnotes: list[Footnote] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    used: set[str] = field(default_factory=set)
    html_ids: dict[etree._Element, str] = field(default_factory=dict)
    """Each element with an ``xml:id`` → its unique HTML id (see :mod:`.links`)."""
    targets: dict[str, etree._Element] = field(default_factory=dict)
    """``xml:id`` → the first element that has it."""
    labels: dict[etree._Element, str] = field(default_factory=dict)
    """What a ``ptr`` to an element says where the element cannot say it itself: a page
    written part by part has let go of the ``body``'s heading (see :mod:`.stream`)."""
    ref_ids: dict[etree._Element, str] = field(default_factory=dict)
    backrefs: dict[etree._Element, list[str]] = field(default_factory=dict)
    """An element → the ids of the pointers to it, for links back."""
    renditions: dict[str, str] = field(default_factory=dict)
    """The header's ``rendition`` definitions: ``xml:id`` → safe CSS (see :mod:`.style`)."""
    counters: Counter[etree._Element] = field(default_factory=Counter)
    """Running counts kept per element (verse lines per division)."""
    lines: dict[str, str] = field(default_factory=dict)
    """An edition's line number → the id of its (first) line, for the apparatus."""
    parts: dict[tuple[str, str], str] = field(default_factory=dict)
    """An edition's text part (its ``@n``, lower case) and a line number in it (or ``""``
    for the part itself) → the id of that line or part, for the apparatus."""
    div_ids: dict[etree._Element, str] = field(default_factory=dict)
    """Each rendered division → its HTML id (for the table of contents)."""
    divisions_let_go: int = 0
    """Divisions rendered in parts of the document already let go (:mod:`.stream`): their
    ids are no longer in :attr:`div_ids`, but they are counted."""
    overrides: dict[etree._Element, Callable[[Context], list[Node]]] = field(
        default_factory=dict)
    """Elements a team's XSLT renders (``--xslt``, :mod:`.xslt`), and how."""
    unruled: Counter[str] = field(default_factory=Counter)
    """Elements rendered without a rule of their own, by name (``teikit export --report``)."""
    note_calls: dict[etree._Element, list[NoteCall]] = field(default_factory=dict)
    """An element a note standing apart points at (``note/@target``) → the calls to that
    note placed after it (:func:`teikit.exporter.html.notes.index_note_targets`)."""
    document_ids: dict[str, etree._Element] | None = None
    """Every ``xml:id`` of the document, header included (built when first needed: who
    speaks an utterance, :mod:`.rules.spoken`)."""
    unnumbered: int = 0
    """How many of the footnotes are keyed by a letter (they have no ``@n``)."""
    footnotes_written: int = 0
    """How many footnotes were serialized and let go before the end (:mod:`.stream`): they
    come before those in :attr:`footnotes`."""
    _suffixes: dict[str, int] = field(default_factory=dict)
    """Each base of :meth:`unique_id` → the suffix it last gave (ids are never taken back,
    so every lower one is still taken: a document with thousands of notes of the same
    ``@n`` costs one test per note, not one per earlier note)."""

    def unique_id(self, base: str) -> str:
        """``base``, or ``base-2``, ``base-3`` … when ``base`` is taken."""
        candidate, n = base, self._suffixes.get(base, 1)
        if n > 1:
            candidate = f"{base}-{n}"
        while candidate in self.ids:
            n += 1
            candidate = f"{base}-{n}"
        self.ids.add(candidate)
        self._suffixes[base] = n
        return candidate

    def divisions(self) -> int:
        """How many divisions have been given an id so far."""
        return len(self.div_ids) + self.divisions_let_go

    def add_footnote(self, footnote: Footnote) -> None:
        self.footnotes.append(footnote)
        if not footnote.numbered:
            self.unnumbered += 1


Renderer = Callable[[etree._Element, "Context"], list[Node]]


@dataclass(frozen=True)
class Context:
    """Where a renderer is: inside phrasing content or not, and the shared state."""

    table: Mapping[str, Renderer]
    fallback: Renderer
    shared: Shared
    phrasing: bool = False
    copy: bool = False
    """True while rendering a second copy of some content (its ids are left out)."""
    in_footnote: bool = False
    """True while rendering a footnote's content (shown in the reading view only)."""
    heading_offset: int = 0
    """Levels added to division headings (1 inside a ``teiCorpus``'s members)."""
    overlay: Mapping[str, Renderer] = field(default_factory=dict)
    """Renderers that replace the table's inside some part of the text (the Leiden signs of
    an EpiDoc edition): looked up first."""

    def inline(self) -> Context:
        """The context for the content of a paragraph-like element."""
        return self if self.phrasing else self._inline

    @functools.cached_property
    def _inline(self) -> Context:
        return replace(self, phrasing=True)

    def render(self, element: etree._Element) -> list[Node]:
        """Render one TEI element through the table (or the fallback)."""
        tag = element.tag
        if not isinstance(tag, str):
            return []  # comments and processing instructions carry no document text
        override = self.shared.overrides.get(element) if self.shared.overrides else None
        if override is not None:
            return override(self)
        if tag.startswith(TEI_PREFIX):
            name = tag[TEI_PREFIX_LENGTH:]
            renderer = self.overlay.get(name) or self.table.get(name)
        else:  # other vocabularies are ruled by namespace: "{namespace}"
            renderer = self.table.get(tag[:tag.find("}") + 1]) if tag.startswith("{") else None
        rendered = (renderer or self.fallback)(element, self)
        calls = self.shared.note_calls
        if calls and element in calls and not self.copy:  # an endnote points here
            rendered.extend(call.mark() for call in calls[element])
        return rendered

    def children(self, element: etree._Element) -> list[Node]:
        """Render the content of ``element``: its text, children and their tails (without
        the whitespace that only lays out a ``choice`` or an ``app``: see
        :mod:`teikit.exporter.layout_space`)."""
        if element.tag in ELEMENT_ONLY:
            return self._element_only(element)
        out: list[Node] = [element.text] if element.text else []
        for child in element:
            out.extend(self.render(child))
            if child.tail:
                out.append(child.tail)
        return out

    def _element_only(self, element: etree._Element) -> list[Node]:
        tag = element.tag
        text = text_in(tag, element.text)
        out: list[Node] = [text] if text else []
        for child in element:
            out.extend(self.render(child))
            tail = text_in(tag, child.tail)
            if tail:
                out.append(tail)
        return out


def common(element: etree._Element, ctx: Context) -> dict[str, str]:
    """HTML attributes carried over from any TEI element: ``xml:id``, ``xml:lang`` (and the
    writing direction where it changes, :mod:`.direction`), and the safe part of
    ``@rendition``/``@style`` (see :mod:`.style`).

    TEI ids are kept as they are (links point at them) unless repeated (see :mod:`.links`);
    generated ids avoid them.
    """
    out: dict[str, str] = {}
    ident = ctx.shared.html_ids.get(element)
    if ident and not ctx.copy:
        out["id"] = ident
    lang = element.get(XML_LANG)
    if lang:
        out["lang"] = lang
        writing = dir_attribute(element, lang)
        if writing:
            out["dir"] = writing
    if element.get("rendition") or element.get("style"):
        style = style_of(element, ctx.shared.renditions)
        if style:
            out["style"] = style
    return out
