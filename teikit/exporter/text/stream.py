"""The transcript view of a large TEI file that teikit wrote, read part by part: the same
bytes as the transcript of its whole tree (:func:`teikit.exporter.text.transcript`).

The transcript of a ``text`` is its text with each child's transcript and each tail in
turn (:func:`teikit.transcript.content`); a child's transcript depends on that child alone.
So the file is read as a stream: what comes before the ``body`` is read whole, each child
of the ``body`` is turned into its transcript once its tail has been read, then let go,
and what comes after the ``body`` is read whole at the end. :mod:`teikit.exporter.html.survey`
says when this applies (:attr:`~teikit.exporter.html.survey.Survey.transcript`).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from lxml import etree

from teikit.exporter.options import Rendered
from teikit.exporter.parts import body_parts, let_go, loose_tails, trailing_tails
from teikit.exporter.text.transcript import encoding, source_record, texts
from teikit.tei import TEI_NS
from teikit.transcript import render, transcript_of


def _child(node: etree._Element) -> str:
    """What a child contributes besides its tail (comments and other vocabularies: none)."""
    return render(node) if isinstance(node.tag, str) and node.tag.startswith(
        f"{{{TEI_NS}}}") else ""


def _before(body: etree._Element) -> list[str]:
    """The transcript of the ``text`` up to the ``body``'s content."""
    text = body.getparent()
    assert text is not None
    parts = [text.text or ""]
    for child in text:
        if child is body:
            break
        parts.extend([_child(child), child.tail or ""])
    parts.append(body.text or "")
    return parts


def _chunk(child: etree._Element) -> list[str]:
    """A child of the ``body`` (its tail read): the comments before it, itself, its tail."""
    parts = loose_tails(child.itersiblings(preceding=True))[::-1]
    parts.extend([_child(child), child.tail or ""])
    let_go(child)
    return parts


def _after(body: etree._Element) -> list[str]:
    """The rest of the ``text``: what follows the ``body``'s last element, the ``body``'s
    tail, and the ``text``'s children after it."""
    parts = trailing_tails(body)
    parts.append(body.tail or "")
    for sibling in body.itersiblings():
        parts.extend([_child(sibling), sibling.tail or ""])
    return parts


def transcript_streamed(path: Path) -> Rendered:
    """The transcript view of the file at ``path``, encoded as the whole tree's is."""
    parts: list[str] = []
    body: etree._Element | None = None
    for event, element in body_parts(path):
        if event == "start":
            body, parts = element, _before(element)
        elif event == "child":
            parts.extend(_chunk(element))
    if body is None:
        raise ValueError("the document has no body to stream")
    parts.extend(_after(body))
    tree = body.getroottree()
    record = source_record(tree)
    assert record is not None
    first = "".join(parts)
    parts.clear()
    others = [transcript_of(text) for text in texts(tree.getroot())[1:]]
    text = ("\ufeff" if record.get("bom") == "true" else "") + "\n\n".join([first, *others])
    try:
        return Rendered(text.encode(encoding(tree)), Counter())
    except (LookupError, UnicodeEncodeError):
        return Rendered(text.encode("utf-8"), Counter())
