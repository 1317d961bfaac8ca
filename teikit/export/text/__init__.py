"""TEI → plain text, in two views.

``transcript``
    The transcript the TEI was encoded from, byte for byte: every editorial element is
    written back with its brackets (:mod:`teikit.transcript`), whitespace is the
    transcript's own, and the byte-order mark and encoding recorded in the header are
    restored.
``reading``
    A clean reading text of the document: title, date and body, one paragraph per block
    separated by blank lines; insertions kept without brackets, corrections applied,
    omissions shown as ``…``, notes, page breaks and editorial labels left out; footnotes
    listed at the end.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Literal

from lxml import etree

from teikit.tei import NAMESPACES, local_name, tei
from teikit.transcript import content, transcript_of

View = Literal["transcript", "reading"]
VIEWS: tuple[View, ...] = ("transcript", "reading")

BLOCKS = frozenset({"head", "p", "salute", "signed", "dateline", "item", "titlePart",
                    "docDate", "ab", "note", "label", "fw"})
GROUPS = frozenset({"opener", "closer", "docTitle", "list"})
SKIPPED_DIVS = frozenset({"acknowledgement"})
DROPPED = frozenset({"note", "ref", "pb", "fw", "del", "stamp", "lb", "desc"})


def source_record(tree: etree._ElementTree) -> etree._Element | None:
    found = tree.xpath("/tei:TEI/tei:teiHeader/tei:xenoData/tk:source", namespaces=NAMESPACES)
    return found[0] if isinstance(found, list) and found else None  # type: ignore[return-value]


def text_element(tree: etree._ElementTree) -> etree._Element:
    found = tree.getroot().find(tei("text"))
    if found is None:
        raise ValueError("the document has no TEI <text>")
    return found


def transcript(tree: etree._ElementTree) -> str:
    """The transcript view as a string (with the BOM if the transcript had one)."""
    record = source_record(tree)
    bom = "\ufeff" if record is not None and record.get("bom") == "true" else ""
    return bom + transcript_of(text_element(tree))


def _reading_inline(element: etree._Element) -> str:
    return content(element, _reading_child)


def _reading_child(element: etree._Element) -> str:
    name = local_name(element)
    parent = element.getparent()
    if name in DROPPED or (name == "label" and parent is not None and local_name(parent) == "add"):
        return ""
    if name == "gap":
        return "…"
    if name == "choice":
        corr = element.find(tei("corr"))
        return _reading_inline(corr if corr is not None else element)
    if name == "g":
        return _control(element)
    return _reading_inline(element)


def _control(element: etree._Element) -> str:
    code = element.get("n", "")
    return chr(int(code[2:], 16)) if code.startswith("U+") else (element.text or "")


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _blocks(element: etree._Element, grouped: bool = False) -> Iterator[tuple[str, bool]]:
    """(text, joined-to-previous) for every block under ``element``, in order."""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        name = local_name(child)
        if name in {"pb", "fw"} or child.get("type") in SKIPPED_DIVS:
            continue
        if name in GROUPS:
            first = True
            for text, _ in _blocks(child, grouped=True):
                yield text, not first
                first = False
        elif name in BLOCKS:
            if name == "note" and child.get("place") == "inline":
                continue
            text = _clean(_reading_inline(child))
            if text:
                yield text, grouped
        else:
            yield from _blocks(child, grouped)


def reading(tree: etree._ElementTree) -> str:
    """The reading view: front and body as clean paragraphs, then the notes."""
    text = text_element(tree)
    out: list[str] = []
    parts = [text.find(tei("front")), text.find(tei("body"))]
    notes = text.findall(f"{tei('back')}/{tei('div')}[@type='notes']")
    for part in [*parts, *notes]:
        if part is None:
            continue
        for block, joined in _blocks(part):
            if joined and out:
                out[-1] += "\n" + block
            else:
                out.append(block)
    return "\n\n".join(out) + "\n" if out else ""


RENDERERS: dict[View, Callable[[etree._ElementTree], str]] = {
    "transcript": transcript,
    "reading": reading,
}


def to_text(tree: etree._ElementTree, view: View = "reading") -> str:
    """``tree`` as plain text in ``view``."""
    return RENDERERS[view](tree)


def to_bytes(tree: etree._ElementTree, view: View = "reading") -> bytes:
    """The text view encoded as the transcript was (its recorded encoding; else UTF-8)."""
    text = to_text(tree, view)
    record = source_record(tree)
    encoding = record.get("encoding", "utf-8") if record is not None else "utf-8"
    if view != "transcript":
        encoding = "utf-8"
    try:
        return text.encode(encoding or "utf-8")
    except (LookupError, UnicodeEncodeError):
        return text.encode("utf-8")
