"""How notes are keyed, in every format: by their own ``@n``, else by letters."""

from __future__ import annotations

from lxml import etree


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
