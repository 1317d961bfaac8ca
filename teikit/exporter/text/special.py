"""The elements whose reading needs a decision of its own: line breaks, gaps, speakers,
cast lists, apparatus entries, pointers, glossary lists, notes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from lxml import etree

from teikit.exporter.counts import code_point
from teikit.exporter.glyphs import glyph_text
from teikit.exporter.segments import is_row
from teikit.exporter.speakers import speaker_names
from teikit.exporter.text import policy
from teikit.exporter.text.rules import Scope, inner_scope, is_omitted, layout, parent_name, tei_name
from teikit.exporter.text.tables import read_row
from teikit.exporter.text.writer import LINE, PARAGRAPH
from teikit.tei import TEI_NS

if TYPE_CHECKING:
    from teikit.exporter.text.reading import Reading


def _note(reading: Reading, element: etree._Element, scope: Scope) -> None:
    reading.note(element, scope)


def _lb(reading: Reading, element: etree._Element, scope: Scope) -> None:
    if element.get("break") == "no" or element.get("type") == "inWord":
        reading.out.glue()
    elif reading.out.unhyphenate():
        return  # "sum\u00ad<lb/>mus" (a soft hyphen, a "¬" at the line's end): one word
    else:
        reading.out.line_end()  # "glau-<lb/>ben": one word, if the next text says so
        if scope.lines:
            reading.out.brk(LINE)
        else:
            reading.out.text(" ")


def _gap(reading: Reading, element: etree._Element, scope: Scope) -> None:
    reading.out.text(policy.GAP_MARK)


def _space(reading: Reading, element: etree._Element, scope: Scope) -> None:
    reading.out.text(" ")


def _g(reading: Reading, element: etree._Element, scope: Scope) -> None:
    code = element.get("n", "")
    control = code_point(code) if element.get("type") == "control" else None
    if control is not None:
        reading.out.text(control)
        return
    mapped = glyph_text(element, reading.ids) if element.get("ref") else None
    if mapped:  # a character declared in the header (teikit.exporter.glyphs)
        reading.out.text(mapped)
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
    reading.out.text(reading.pointer_label(element))


PAIRS: Mapping[str, str] = {"label": "item", "headLabel": "headItem"}
"""A glossary list's label (or its column's heading) and the item that continues its line."""


def _label(reading: Reading, element: etree._Element, scope: Scope) -> None:
    following = element.getnext()
    name = tei_name(element) or "label"
    if following is not None and tei_name(following) == PAIRS[name]:
        level = min(layout(element, name), scope.cap)
        reading.out.brk(level)
        reading.children(element, scope)  # the item continues the label's line
    else:
        reading.block(element, name, scope)


def _item(reading: Reading, element: etree._Element, scope: Scope) -> None:
    previous = element.getprevious()
    name = tei_name(element) or "item"
    if previous is not None and PAIRS.get(tei_name(previous) or "") == name:
        reading.out.text(" ")
        reading.children(element, inner_scope(element, name, scope))
        reading.out.brk(LINE)
    else:
        reading.block(element, name, scope)


def _spaced(reading: Reading, element: etree._Element, scope: Scope) -> None:
    """A dictionary's group of parts the source may run together (``<pos>v</pos>
    <subc>tr</subc>``): a space between its parts."""
    if element.text:
        reading.out.text(element.text)
    for number, child in enumerate(element):
        if number:
            reading.out.text(" ")
        reading.element(child, scope)
        if child.tail:
            reading.out.text(child.tail)


def _spaced_line(reading: Reading, element: etree._Element, scope: Scope) -> None:
    """A line of parts the source runs together (a tree's node, a declared character): a
    space between them (:data:`~teikit.exporter.text.policy.SPACED_LINES`)."""
    name = tei_name(element) or ""
    level = min(layout(element, name), scope.cap)
    reading.out.brk(level)
    _spaced(reading, element, inner_scope(element, name, scope))
    reading.out.brk(level)


def _seg(reading: Reading, element: etree._Element, scope: Scope) -> None:
    """A segment; a row of segments between blocks (:mod:`teikit.exporter.segments`) is a
    line, a space between its parts."""
    if not is_row(element) or parent_name(element) not in policy.CONTAINERS:
        reading.block(element, "seg", scope)
        return
    level = min(LINE, scope.cap)
    reading.out.brk(level)
    for child in element:
        reading.out.text(" ")
        reading.element(child, scope)
    reading.out.brk(level)


def _utterance(reading: Reading, element: etree._Element, scope: Scope) -> None:
    """A turn of speech: ``Speaker: words``, each of its segments on a line of its own."""
    level, line = min(PARAGRAPH, scope.cap), min(LINE, scope.cap)
    reading.out.brk(level)
    who = element.get("who") or ""
    if who.strip():
        reading.out.text(speaker_names(who, reading.ids))
        reading.out.run_in(":")
    if element.text and element.text.strip():  # spaces would end the speaker's line
        reading.out.text(element.text)
    for child in element:
        segment = tei_name(child) == "seg"
        reading.out.brk(line if segment else 0)
        reading.element(child, scope)
        reading.out.brk(line if segment else 0)
        if child.tail:
            reading.out.text(child.tail)
    reading.out.brk(level)


def _happening(reading: Reading, element: etree._Element, scope: Scope) -> None:
    """A noise, a gesture, an event: its description in parentheses (a paragraph of its
    own between turns)."""
    level = min(PARAGRAPH if parent_name(element) in policy.CONTAINERS else 0, scope.cap)
    reading.out.brk(level)
    desc = element.find(f"{{{TEI_NS}}}desc")
    reading.out.text("(")
    reading.children(desc if desc is not None else element, scope)
    reading.out.text(")")
    reading.out.brk(level)


def _pause(reading: Reading, element: etree._Element, scope: Scope) -> None:
    reading.out.text(" … ")


Special = Callable[["Reading", etree._Element, Scope], None]
def _rt(reading: Reading, element: etree._Element, scope: Scope) -> None:
    """A ruby gloss reads in parentheses after its base: ``漢(kan)``."""
    reading.out.text("(")
    reading.children(element, scope)
    reading.out.text(")")


SPECIAL: Mapping[str, Special] = {
    "note": _note, "lb": _lb, "gap": _gap, "space": _space, "g": _g,
    "speaker": _speaker, "roleDesc": _cast_part, "actor": _cast_part, "item": _item,
    "label": _label, "headLabel": _label, "headItem": _item, "app": _app, "ptr": _ptr,
    "seg": _seg, "u": _utterance,
    "vocal": _happening, "kinesic": _happening, "incident": _happening, "pause": _pause,
    "caesura": _space, "rt": _rt, "row": read_row,
    **dict.fromkeys(policy.SPACED_GROUPS, _spaced),
    **dict.fromkeys(policy.SPACED_LINES, _spaced_line),
}
"""Elements whose reading needs a decision of their own."""
