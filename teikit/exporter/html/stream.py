"""The page of a large TEI file, written part by part: the same bytes as the page of its
whole tree (:func:`teikit.exporter.html.render_html`), in a fraction of the memory.

A whole tree of a TEI file takes about seven times its size, and the page built as a second
tree next to it as much again. Here the file is read twice as a stream. The first reading
(:mod:`.survey`) gives every id its HTML id, keeps what a ``ptr`` to the ``body`` says (its
heading, let go or not read yet where the pointer is rendered) and says whether the page can
be written this way. The second keeps the header and what comes before and after the
``body``, and renders each child of the ``body`` once the next one is read (a rule may look
at the next sibling), serializes it, and lets it go, keeping an empty element with its tail
in its place (a rule may ask what comes before an element, or whether a division holds only
headings). A part that holds an ``h1`` is kept as elements until the end: whether the page's
headings open with the document's only ``h1`` is known only then. The ``body`` is rendered
around a placeholder (:data:`.SLOT`) whose place in the serialized page takes the serialized
parts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
from lxml import etree

from teikit.exporter.html import (
    HEADINGS,
    SLOT,
    SLOT_BYTES,
    check_html_view,
    make_article,
    page_bytes,
    set_direction,
    whole_page,
)
from teikit.exporter.html.header import Record, read_record
from teikit.exporter.html.notes import NOTES_SLOT, footnote_item
from teikit.exporter.html.render import Context, Node, make
from teikit.exporter.html.rules import RENDERERS, unknown
from teikit.exporter.html.source import register_section, source_sections
from teikit.exporter.html.style import renditions
from teikit.exporter.html.survey import POINTERS, XML_ID, Survey
from teikit.exporter.html.toc import (
    Entry,
    child_entries,
    contents,
    entries,
    headed,
    heading_text,
    is_long,
    text_size,
)
from teikit.exporter.options import ExportOptions, Rendered
from teikit.exporter.parts import body_parts, loose_tails, trailing_tails
from teikit.exporter.sources import descriptions, registers

OPEN = f"<{SLOT}>".encode()
CLOSE = f"</{SLOT}>".encode()


@dataclass(frozen=True)
class _Slotted(Context):
    """The rendering context of a streamed page: the ``body``'s content is the slot."""

    body: etree._Element | None = None

    def children(self, element: etree._Element) -> list[Node]:
        if element is self.body:
            return [make(SLOT, {}, [])]
        return super().children(element)


def serialized(nodes: list[Node]) -> bytes:
    """``nodes`` as they are serialized inside the page."""
    data: bytes = lxml.html.tostring(make(SLOT, {}, nodes), encoding="utf-8", method="html")
    if not (data.startswith(OPEN) and data.endswith(CLOSE)):
        raise ValueError("a part of the page did not serialize as one element")
    return data[len(OPEN):-len(CLOSE)]


@dataclass
class _Part:
    """One child of the ``body`` rendered: its bytes, or its nodes while it holds an h1."""

    data: bytes = b""
    nodes: list[Node] | None = None


@dataclass
class _Page:
    """The page under way (see the module's docstring)."""

    survey: Survey
    body: etree._Element
    root: etree._Element
    ctx: Context
    record: Record
    counts: Counter[str] = field(default_factory=Counter)
    before: list[Node] = field(default_factory=list)
    wrapper: list[Node] = field(default_factory=list)
    parts: list[_Part] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    contents: list[Entry] = field(default_factory=list)
    headed: int = 0
    size: int = 0
    early: int = 0
    """How many registers come before the ``body`` (their ids are handed out first)."""
    notes: list[bytes] = field(default_factory=list)
    """The footnotes serialized so far."""
    notes_held: bool = False

    @classmethod
    def start(cls, survey: Survey, root: etree._Element, body: etree._Element) -> _Page:
        """Everything up to the ``body`` read: the header's facts, the ids up to there,
        the descriptions of the source and what the ``text`` holds before the ``body``."""
        shared = survey.shared
        shared.renditions = renditions(root)
        shared.labels = dict(zip([body, *body.iterancestors()], survey.labels, strict=True))
        made = cls(survey, body, root, _Slotted(RENDERERS, unknown, shared, body=body),
                   read_record(root))
        found = descriptions(root)
        for number, description in enumerate(found):
            made.index(f"d{number}", description.iter())
        text = body.getparent()
        assert text is not None
        for element in text.iter():
            made.index("t", [element])
            if element is body:
                break
        early = registers(root)
        for number, register in enumerate(early):
            made.index(f"r{number}", register.iter())
        made.early = len(early)
        made.before = source_sections(found, made.ctx)
        made.before.extend([text.text] if text.text else [])
        for child in text:
            if child is body:
                break
            made.before.extend(made.ctx.render(child))
            made.before.extend([child.tail] if child.tail else [])
        made.parts.append(_Part(serialized([body.text] if body.text else [])))
        return made

    def index(self, part: str, elements: Iterable[etree._Element]) -> None:
        """Hand the survey's HTML ids (and links back) to ``elements`` of ``part``."""
        index, shared = self.survey.index, self.ctx.shared
        for element in elements:
            if not isinstance(element.tag, str):
                continue
            ident = element.get(XML_ID)
            if ident and ident.split():
                key = (part, self.counts[part])
                self.counts[part] += 1
                shared.html_ids[element] = index.html_ids[key]
                if index.targets.get(ident) == key:
                    shared.targets[ident] = element
                if key in index.backrefs:
                    shared.backrefs[element] = index.backrefs[key]
            if element.tag in POINTERS:
                key = (part + "p", self.counts[part + "p"])
                self.counts[part + "p"] += 1
                if key in index.ref_ids:
                    shared.ref_ids[element] = index.ref_ids[key]

    def chunk(self, child: etree._Element) -> None:
        """Render one child of the ``body`` (the next is read), keep its bytes, let it go."""
        self.index("t", child.iter())
        nodes: list[Node] = [*loose_tails(child.itersiblings(preceding=True))[::-1]]
        nodes.extend(self.ctx.render(child))
        nodes.extend([child.tail] if child.tail else [])
        found = [str(h.tag) for n in nodes if not isinstance(n, str) for h in n.iter(*HEADINGS)]
        self.headings.extend(found)
        self.parts.append(_Part(nodes=nodes) if "h1" in found else _Part(serialized(nodes)))
        self._write_notes()
        self.contents.extend(child_entries(child, self.ctx.shared))
        inside = set(child.iter())
        shared = self.ctx.shared
        self.headed += headed_in(shared.div_ids, inside)
        self.size += text_size(child)
        shared.divisions_let_go += sum(1 for division in shared.div_ids if division in inside)
        for held in (shared.html_ids, shared.ref_ids, shared.backrefs, shared.div_ids,
                     shared.counters):
            for element in [e for e in held if e in inside]:
                del held[element]
        for ident in [i for i, e in shared.targets.items() if e in inside]:
            del shared.targets[ident]
        child.clear(keep_tail=True)  # type: ignore[call-arg]  # lxml-stubs lag

    def _write_notes(self) -> None:
        """Serialize the footnotes gathered so far and let them go, up to the first that
        holds a heading (it, and all after it, stay elements: the page's outline reads
        them)."""
        shared = self.ctx.shared
        done = 0
        for footnote in [] if self.notes_held else shared.footnotes:
            item = footnote_item(footnote)
            if next(item.iter(*HEADINGS), None) is not None:
                self.notes_held = True
                break
            self.notes.append(serialized([item]))
            done += 1
        del shared.footnotes[:done]
        shared.footnotes_written += done

    def closed(self) -> None:
        """The ``body`` read to its end: what follows its last element, and the element
        around its content."""
        self.parts.append(_Part(serialized([*trailing_tails(self.body)])))
        self.wrapper = self.ctx.render(self.body)

    def finish(self, options: ExportOptions) -> Rendered:
        """The rest read: render it and put the page together."""
        text = self.body.getparent()
        assert text is not None
        after = list(self.body.itersiblings())
        for sibling in after:
            self.index("t", sibling.iter())
        lists = registers(self.root)
        for number, register in enumerate(lists[self.early:], start=self.early):
            self.index(f"r{number}", register.iter())
        nodes = [*self.before, *self.wrapper, *([self.body.tail] if self.body.tail else [])]
        for sibling in after:
            nodes.extend(self.ctx.render(sibling))
            nodes.extend([sibling.tail] if sibling.tail else [])
        nodes.extend(register_section(lists, self.ctx))
        article, demoted = make_article(nodes, self.ctx, self.record, options.source_name,
                                        self.headings)
        set_direction(article, self.root)
        html = whole_page(article, self._toc(text), self.ctx, self.record, options)
        inner = [self._bytes(part, demoted) for part in self.parts]
        self.parts.clear()
        slots = [(SLOT_BYTES, inner)]
        if self.notes:
            slots.append((f"<{NOTES_SLOT}></{NOTES_SLOT}>".encode(), self.notes))
        return Rendered(page_bytes(html, slots), self.ctx.shared.unruled)

    def _bytes(self, part: _Part, demoted: bool) -> bytes:
        if part.nodes is None:
            return part.data
        for node in part.nodes:
            for heading in [] if isinstance(node, str) or not demoted else node.iter("h1"):
                heading.tag = "p"
        return serialized(part.nodes)

    def _toc(self, text: etree._Element) -> etree._Element | None:
        shared = self.ctx.shared
        found = list(entries(self.root, shared, known={self.body: self.contents}))
        total = self.headed + headed(shared)
        return contents(found) if found and is_long(total, self.size + text_size(text)) \
            else None


def headed_in(divisions: dict[etree._Element, str], inside: set[etree._Element]) -> int:
    """How many of the rendered ``divisions`` inside a part have a heading."""
    return sum(1 for division in divisions if division in inside and heading_text(division))


def render_streamed(path: Path, survey: Survey, options: ExportOptions) -> Rendered:
    """The page of the file at ``path``, read a second time after ``survey`` found that it
    can be written part by part (see the module's docstring)."""
    check_html_view(options)
    made: _Page | None = None
    for event, element in body_parts(path):
        if event == "start":
            made = _Page.start(survey, element.getroottree().getroot(), element)
        elif made is not None and event == "child":
            made.chunk(element)
        elif made is not None:
            made.closed()
    if made is None:
        raise ValueError("the document has no body to stream")
    return made.finish(options)
