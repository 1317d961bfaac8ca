"""Documentary transcriptions: a ``TEI`` whose words are in ``sourceDoc``, not in ``text``.

A genetic or diplomatic edition may transcribe its source page by page, zone by zone and
line by line (``sourceDoc`` > ``surface`` > ``zone`` > ``line``, TEI Guidelines 11.2.2)
and have no ``text`` at all. Rendered as other TEI is, such a page would show the header
and none of the transcription. :func:`with_text` gives a copy of the tree in which each
``TEI`` without a ``text`` but with ``sourceDoc`` elements has a ``text`` in their place
whose ``body`` holds them, so that every export renders the transcription; the renderers
lay them out (:data:`BLOCKS` hold blocks, :data:`LINES` are lines).

A ``TEI`` with a ``text`` is left as it is: its ``sourceDoc`` is a second, documentary
view of the same words, and its ``text`` is the edition. A ``TEI`` with several ``text``
elements (which the schema does not allow, but which happens) has them gathered into one
``text`` whose ``group`` holds them in order, so that none is left out.

Example: ``<TEI><teiHeader/><sourceDoc><surface><zone><line>Hinaus!</line>…`` is rendered
as ``<TEI><teiHeader/><text><body><sourceDoc><surface><zone><line>Hinaus!</line>…``.
"""

from __future__ import annotations

import copy
from typing import Final

from lxml import etree

from teikit.tei import tei

BLOCKS: Final = ("sourceDoc", "surfaceGrp", "surface", "zone")
"""The parts of a documentary transcription that hold lines or other parts."""
LINES: Final = ("line",)
"""The lines of a documentary transcription."""


def has_documentary_text(document: etree._Element) -> bool:
    """Whether ``document`` (a ``TEI``) is a transcription in ``sourceDoc`` without a
    ``text`` (see the module)."""
    return document.find(tei("text")) is None and document.find(tei("sourceDoc")) is not None


def _documents(root: etree._Element) -> list[etree._Element]:
    """The ``TEI`` elements of ``root`` that are documentary transcriptions."""
    found = [root] if root.tag == tei("TEI") else list(root.iter(tei("TEI")))
    return [document for document in found if has_documentary_text(document)]


def _several(root: etree._Element) -> list[etree._Element]:
    """The ``TEI`` elements of ``root`` with more than one ``text``."""
    found = [root] if root.tag == tei("TEI") else list(root.iter(tei("TEI")))
    return [document for document in found if len(document.findall(tei("text"))) > 1]


def with_text(tree: etree._ElementTree) -> etree._ElementTree | None:
    """A copy of ``tree`` whose documentary transcriptions stand in a ``text``, and whose
    documents with several ``text`` elements have one (see the module), or ``None`` when
    it has neither."""
    if not _documents(tree.getroot()) and not _several(tree.getroot()):
        return None
    copied = copy.deepcopy(tree)
    for document in _several(copied.getroot()):
        _gather(document.findall(tei("text")), "group")
    for document in _documents(copied.getroot()):
        _gather(document.findall(tei("sourceDoc")), "body")
    return copied


def _gather(parts: list[etree._Element], holder: str) -> None:
    """Move ``parts`` (siblings, in order) into a new ``text`` > ``holder`` standing where
    the first of them stood; the text after them stays after the ``text``."""
    text = etree.Element(tei("text"))
    inside = etree.SubElement(text, tei(holder))
    parts[0].addprevious(text)
    for part in parts:
        tail, part.tail = part.tail, None
        inside.append(part)
        text.tail = text.tail or tail
