"""Whitespace that only lays the XML out: the text directly inside an element whose TEI
content is elements only (``choice``, ``app``, ``rdgGrp``, ``subst``).

Pretty-printed TEI puts the readings of a ``choice`` or an ``app`` on lines of their own::

    H<choice>
        <abbr>r</abbr>
        <expan>err</expan>
    </choice>n

That whitespace is not text (the schema allows none there), and the reading views must
not put it between the letters of a word (``H err n``): they leave it out, and the
word reads ``Herrn``. Text that is not whitespace is kept wherever it stands.
"""

from __future__ import annotations

from typing import Final

from teikit.tei import tei

ELEMENT_ONLY: Final = frozenset(tei(name) for name in ("choice", "app", "rdgGrp", "subst"))
"""The tags (Clark notation) of the TEI elements whose content is elements only."""


def text_in(tag: object, text: str | None) -> str | None:
    """``text`` (an element's text or a child's tail) as the reading views keep it inside an
    element of ``tag``: ``None`` when it only lays out an element of :data:`ELEMENT_ONLY`."""
    if text and tag in ELEMENT_ONLY and text.isspace():
        return None
    return text
