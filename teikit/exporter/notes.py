"""Notes in every format: which stand on their own, and how the others are keyed.

A note whose parent holds blocks (a division, an apparatus entry) stands on its own where
it is, unless words stand right beside it: an endnote, a comment in an apparatus. Any
other note (one in an ``app`` of the
running text too) sits in running text and is *attached*: the reading views move it to
the notes after the text, behind a call keyed by the note's own ``@n`` (else a letter).
"""

from __future__ import annotations

from typing import Final

from lxml import etree

from teikit.exporter.variants import is_apparatus_entry
from teikit.tei import TEI_NS

STANDALONE_PARENTS: Final = frozenset({
    "div", "div1", "div2", "div3", "div4", "div5", "div6", "div7", "body", "front", "back",
    "text", "group", "floatingText", "postscript", "listApp", "app", "notesStmt",
})
"""A note whose parent is one of these stands on its own; elsewhere it is attached."""


def is_attached(note: etree._Element) -> bool:
    """True when ``note`` sits inside running text (and becomes a footnote)."""
    parent = note.getparent()
    if parent is None:
        return True
    tag = parent.tag
    if not isinstance(tag, str) or not tag.startswith(f"{{{TEI_NS}}}"):
        return True
    name = etree.QName(tag).localname
    if name == "app":  # an apparatus entry's comment, or a note on a place in the text
        return not is_apparatus_entry(parent)
    return name not in STANDALONE_PARENTS or in_running_text(note)


def in_running_text(note: etree._Element) -> bool:
    """Whether words stand right before or after ``note`` (a division written with its
    text straight in it, no paragraph: the note is in running text all the same)."""
    previous = note.getprevious()
    parent = note.getparent()
    before = previous.tail if previous is not None else \
        (parent.text if parent is not None else None)
    return bool((before or "").strip() or (note.tail or "").strip())


def letters(index: int) -> str:
    """0 → ``a``, 25 → ``z``, 26 → ``aa`` …"""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def note_key(note: etree._Element, unnumbered: int) -> str:
    """The note's ``@n`` when it has one (the source's own number or sign), else the
    letter for the ``unnumbered``-th note without one (numbers belong to the source)."""
    own = " ".join((note.get("n") or "").split())
    return own or letters(unnumbered)
