"""Model → TEI ``<text>``: containers, blocks and inline nodes become lxml elements.

Separators are written exactly as the transcript had them, so ``<text>`` carries
``xml:space="preserve"``. Characters XML cannot carry (C0 controls other than tab and
line ends, U+FFFE/U+FFFF) are written as ``<g type="control" n="U+0007">␇</g>``, which
the text export turns back into the character.

Each block is checked before it is trusted: if its TEI does not read back as the
block's transcript text (:mod:`teikit.transcript`), the block is written as plain text
with warning TK900, so nothing is ever lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from lxml import etree

from teikit.diagnostics import Diagnostic, Severity
from teikit.encoder.dates import DateOptions, ParsedDate, find_dates, parse_date
from teikit.encoder.inline import Engine
from teikit.encoder.model import Block, Container, Inline, Node, Sep
from teikit.tei import E, tei, xml
from teikit.transcript import render
from teikit.xmlchars import INVALID_XML

LABELLED = re.compile(r"^([^\s\[\]]+\s*:|\d+\.|\(\d+\)|[IVXLC]+\.)\s")


def _append_text(parent: etree._Element, text: str) -> None:
    """Append ``text`` to ``parent``'s content, mapping characters XML cannot carry."""
    pos = 0
    for match in INVALID_XML.finditer(text):
        _append_plain(parent, text[pos : match.start()])
        char = match.group()
        picture = chr(0x2400 + ord(char)) if ord(char) < 0x20 else "\ufffd"
        parent.append(E.g(picture, type="control", n=f"U+{ord(char):04X}"))
        pos = match.end()
    _append_plain(parent, text[pos:])


def text_element(tag: str, text: str, **attrs: str) -> etree._Element:
    """A TEI element holding ``text`` (characters XML cannot carry mapped to ``g``)."""
    element = etree.Element(tei(tag), attrs)
    _append_text(element, text)
    return element


def _append_plain(parent: etree._Element, text: str) -> None:
    if not text:
        return
    try:
        last = parent[-1]  # O(1); len(parent) would count every child (quadratic overall)
    except IndexError:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _set_attrs(element: etree._Element, attrs: dict[str, str]) -> None:
    for key, value in attrs.items():
        if key.startswith("_"):
            continue
        element.set(xml(key[4:]) if key.startswith("xml:") else key, value)


def inline_element(node: Inline) -> etree._Element:
    element = etree.Element(tei(node.tag))
    _set_attrs(element, node.attrs)
    fill(element, node.children)
    return element


def fill(parent: etree._Element, nodes: Sequence[Node]) -> None:
    for node in nodes:
        if isinstance(node, str):
            _append_text(parent, node)
        else:
            parent.append(inline_element(node))


_QUERY_AFTER = re.compile(r"( ?)\[\?\]")
"""An editor's ``[?]`` right after a date (``14/11/58 [?]``): the date is in doubt."""


def _append_date(element: etree._Element, date: etree._Element, text: str, end: int) -> int:
    """Append ``date``, which ends at ``end`` in ``text``; when a ``[?]`` follows it, its
    last word is ``unclear``, as any word before the mark (``13 March <unclear>1961
    </unclear>``). Where the text after it begins."""
    element.append(date)
    doubt = _QUERY_AFTER.match(text, end)
    words = (date.text or "").rsplit(" ", 1)
    if doubt is None or not words[-1]:
        return end
    rend = "query-after" if doubt.group(1) else "query-attached"
    date.text = f"{words[0]} " if len(words) == 2 else None
    etree.SubElement(date, tei("unclear"), cert="low", rend=rend).text = words[-1]
    return doubt.end()


class Builder:
    """Turns the model's ``<text>`` container into TEI, running inline rules on blocks."""

    def __init__(self, engine: Engine, dates: DateOptions, file: str,
                 locate: Callable[[int], tuple[int, int]]) -> None:
        self.engine = engine
        self.dates = dates
        self.file = file
        self.locate = locate
        self.diagnostics: list[Diagnostic] = []

    def container(self, node: Container) -> etree._Element:
        element = etree.Element(tei(node.tag))
        _set_attrs(element, node.attrs)
        for child in node.children:
            if isinstance(child, Sep):
                _append_text(element, child.text)
            elif isinstance(child, Container):
                element.append(self.container(child))
            else:
                for built in self.block(child):
                    element.append(built)
        return element

    def block(self, block: Block) -> list[etree._Element]:
        built = self.structured(block)
        if "".join(render(e) for e in built) == block.text:
            return built
        self.warn(block, "TK900", f"could not encode this {block.tag} faithfully; kept as text")
        if block.tag == "pb":  # a page-marker line: fw may stand wherever pb could
            return [text_element("fw", block.text, type="pageNum")]
        tag = "p" if block.tag == "note" else block.tag
        return [text_element(tag, block.text)]

    def structured(self, block: Block) -> list[etree._Element]:
        if block.tag == "pb":
            return self.page_break(block)
        element = etree.Element(tei(block.tag))
        _set_attrs(element, block.attrs)
        if block.tag == "dateline":
            self.dateline(element, block)
        elif not block.inline:
            _append_text(element, block.text)
        elif "_date" in block.attrs and self.dated(element, block):
            pass
        elif block.tag == "bibl" and "_key" in block.attrs:
            key = int(block.attrs["_key"])  # "[3]", "[BER58]", "1)": the entry's own key,
            _append_text(element, block.text[:key])  # not a citation of itself
            fill(element, self.engine.run(block.text[key:], block.offset + key,
                                          self.diagnostics))
        elif (block.tag in {"note", "ab", "p"} or "_label" in block.attrs) and (
                label := self.label(block)):
            element.append(text_element("label", block.text[:label]))
            rest = block.text[label:]
            whole = parse_date(rest, self.dates) if block.tag == "ab" else None
            if whole is not None and block.text[:label].lower().startswith("date"):
                self.tag_date(element, rest, whole, block)
            else:
                fill(element, self.engine.run(rest, block.offset + label, self.diagnostics))
        else:
            fill(element, self.engine.run(block.text, block.offset, self.diagnostics))
        return [element]

    def dated(self, element: etree._Element, block: Block) -> bool:
        """Write a block whose layout found a date at ``_date`` (``start:end``) with that
        date as ``<date>``; the text around it goes through the inline rules. False when
        the span is not a date or a bracket crosses it."""
        start, end = (int(n) for n in block.attrs["_date"].split(":"))
        text = block.text
        dates = self.dates
        if "_year" in block.attrs:  # a diary's heading without a year, in the entries' year
            dates = replace(dates, default_year=int(block.attrs["_year"]))
        if "_month" in block.attrs:  # ... and without a month: "Monday 7th"
            dates = replace(dates, default_month=int(block.attrs["_month"]))
        date = parse_date(text[start:end], dates)
        if date is None or not (date.when or (date.from_ and date.to)):
            return False
        if _crosses_bracket(text, start) or _crosses_bracket(text, end):
            return False
        label = self.label(block) if "_label" in block.attrs else 0
        if label and label <= start:
            element.append(text_element("label", text[:label]))
        else:
            label = 0
        fill(element, self.engine.run(text[label:start], block.offset + label,
                                      self.diagnostics))
        date_element = text_element("date", text[start:end])
        for key, value in (("when", date.when), ("from", date.from_), ("to", date.to)):
            if value:
                date_element.set(key, value)
        end = _append_date(element, date_element, text, end)
        fill(element, self.engine.run(text[end:], block.offset + end, self.diagnostics))
        return True

    def label(self, block: Block) -> int:
        if "_label" in block.attrs:
            return int(block.attrs["_label"])
        if block.tag == "p":
            return 0
        match = LABELLED.match(block.text)
        return len(match.group(1)) if match else 0

    def page_break(self, block: Block) -> list[etree._Element]:
        style = block.attrs.get("rend", "")
        number = block.attrs.get("n", "")
        if style == "bracket":
            word = block.text[1:].split()[0] if " " in block.text else "Page"
            return [E.pb(n=number, rend=f"bracket {word}")]
        return [E.pb(n=number), text_element("fw", block.text, type="pageNum")]

    def dateline(self, element: etree._Element, block: Block) -> None:
        text = block.text
        whole = parse_date(text, self.dates)
        found = [whole] if whole is not None else find_dates(text, self.dates)[-1:]
        if not found:
            self.inline(element, text, block.offset)
            return
        date = found[0]
        if whole is not None:
            self.tag_date(element, text, date, block)
            return
        prefix = text[: date.start]
        place = re.match(r"^([A-Z][\w .'-]*?)(,\s*)$", prefix)
        if _crosses_bracket(text, date.start) or _crosses_bracket(text, date.end):
            self.inline(element, text, block.offset)  # "[Tirana, 3] May 1961": the marks win
            return
        if place:
            element.append(text_element("placeName", place.group(1)))
            _append_text(element, place.group(2))
        else:  # "timber settlement Chalna-2 [?], 9.VI.1957": conventions before the date
            self.inline(element, prefix, block.offset)
        self.tag_date(element, text, date, block, begin=date.start)

    def inline(self, element: etree._Element, text: str, offset: int) -> None:
        """Append ``text`` (at ``offset`` in the transcript) read by the inline rules."""
        fill(element, self.engine.run(text, offset, self.diagnostics))

    def tag_date(self, element: etree._Element, text: str, date: ParsedDate,
                 block: Block, begin: int = 0) -> None:
        """Append ``text[begin:]``, with the date in it (``date``'s span) as ``<date>``;
        the text around the date read by the inline rules."""
        start, end = date.start, date.end
        shift = block.offset + len(block.text) - len(text)  # where ``text`` begins
        if not (date.when or (date.from_ and date.to)):
            self.warn(block, "TK130", f"date {text[start:end]!r} left untagged: "
                      f"{date.problem or 'cannot be resolved'}")
            self.inline(element, text[begin:], shift + begin)
            return
        self.inline(element, text[begin:start], shift + begin)
        date_element = text_element("date", text[start:end])
        if date.when:
            date_element.set("when", date.when)
        else:
            date_element.set("from", date.from_ or "")
            date_element.set("to", date.to or "")
        end = _append_date(element, date_element, text, end)
        self.inline(element, text[end:], shift + end)

    def warn(self, block: Block, code: str, message: str) -> None:
        line, column = self.locate(block.offset)
        self.diagnostics.append(
            Diagnostic(self.file, line, column, Severity.WARNING, code, message))


def _crosses_bracket(text: str, position: int) -> bool:
    """Whether ``position`` falls inside a ``[…]`` of ``text``."""
    return text.count("[", 0, position) > text.count("]", 0, position)


def ensure_body(text: etree._Element) -> None:
    """TEI needs a ``<body>``: add an empty one (after ``<front>``) when the text has none."""
    if text.find(tei("body")) is not None:
        return
    front = text.find(tei("front"))
    if front is not None:
        front.addnext(E.body(E.p()))
    else:
        text.insert(0, E.body(E.p()))
