"""TEI → plain text, in two views.

``transcript``
    The transcript the TEI was encoded from, byte for byte (:mod:`.transcript`).
``reading``
    A clean reading text of the whole ``text`` element that keeps every word the reading
    policy does not omit (:mod:`.reading`, :mod:`.policy`): paragraphs and lines, speeches
    as ``SPEAKER: speech``, verse and inscriptions line by line, notes at the end.
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

from lxml import etree

from teikit.exporter.options import ExportOptions, Notes, Rendered
from teikit.exporter.text.reading import reading_text
from teikit.exporter.text.transcript import encoding, transcript

View = Literal["transcript", "reading"]
VIEWS: tuple[View, ...] = ("transcript", "reading")


def reading(tree: etree._ElementTree, notes: Notes = "end") -> str:
    """The reading view as a string."""
    return reading_text(tree, notes)[0]


def to_text(tree: etree._ElementTree, view: View = "reading") -> str:
    """``tree`` as plain text in ``view``."""
    return transcript(tree) if view == "transcript" else reading(tree)


def render_text(tree: etree._ElementTree, options: ExportOptions) -> Rendered:
    """The text view ``options.view`` of ``tree``, encoded: the transcript view in the
    transcript's recorded encoding (when it can hold the text), the reading view in UTF-8."""
    if (options.view or VIEWS[0]) == "reading":
        text, unruled = reading_text(tree, options.notes)
        return Rendered(text.encode("utf-8"), unruled)
    text, chosen = transcript(tree), encoding(tree)
    try:
        return Rendered(text.encode(chosen), Counter())
    except (LookupError, UnicodeEncodeError):
        return Rendered(text.encode("utf-8"), Counter())


def to_bytes(tree: etree._ElementTree, view: View = "reading") -> bytes:
    """The text view encoded as :func:`render_text` does."""
    return render_text(tree, ExportOptions(to="text", view=view)).data


__all__ = ["VIEWS", "View", "reading", "render_text", "to_bytes", "to_text"]
