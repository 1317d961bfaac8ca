"""A TEI file read as a stream, the children of its ``body`` one by one.

The exports that read a large file part by part (:mod:`teikit.exporter.html.survey`,
:mod:`teikit.exporter.html.stream`, :mod:`teikit.exporter.text.stream`) take from
:func:`body_parts` the ``body`` of the root's ``text`` once everything before its first
child is read, then each child of the ``body`` once its tail is read (so once the next
child is read too: a rule may look at it), then the ``body`` once it is read to its end.
What to keep of a child, and letting it go, is theirs to decide.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final, Literal

from lxml import etree

from teikit.tei import iterparse, tei

TEXT: Final = tei("text")
BODY: Final = tei("body")
Event = Literal["start", "child", "end"]


def main_body(element: etree._Element) -> bool:
    """Whether ``element`` is the ``body`` of the root's ``text``."""
    if element.tag != BODY:
        return False
    text = element.getparent()
    root = text.getparent() if text is not None and text.tag == TEXT else None
    return root is not None and root.getparent() is None


def body_parts(path: Path) -> Iterator[tuple[Event, etree._Element]]:
    """``("start", body)``, ``("child", child)`` for each child of the ``body`` (elements:
    a comment's tail is read with the next element, :func:`loose_tails`), ``("end",
    body)``; nothing when the root's ``text`` has no ``body``. Raises
    :class:`lxml.etree.XMLSyntaxError` where the file is not well-formed."""
    body: etree._Element | None = None
    pending: etree._Element | None = None
    for _, element in iterparse(path, ("end",)):
        parent = element.getparent()
        if body is None:
            body = parent if parent is not None and main_body(parent) else \
                element if main_body(element) else None
            if body is None:
                continue
            yield "start", body
        if parent is body:
            if pending is not None:
                yield "child", pending
            pending = element
        elif element is body:
            if pending is not None:
                yield "child", pending
                pending = None
            yield "end", body


def loose_tails(siblings: Iterable[etree._Element]) -> list[str]:
    """The tails of the comments and processing instructions among ``siblings``, up to the
    first element: what they add to a rendering (their own text is not the document's)."""
    out: list[str] = []
    for sibling in siblings:
        if isinstance(sibling.tag, str):
            break
        out.extend([sibling.tail] if sibling.tail else [])
    return out


def last_element(parent: etree._Element) -> etree._Element | None:
    return next((child for child in reversed(parent) if isinstance(child.tag, str)), None)


def trailing_tails(body: etree._Element) -> list[str]:
    """The tails of the comments and processing instructions after the ``body``'s last
    element (all of them when it has none)."""
    last = last_element(body)
    return loose_tails(last.itersiblings() if last is not None else iter(body))


def let_go(child: etree._Element) -> None:
    """Free a child of the ``body`` that has been read, with everything before it; it stays,
    empty, in its place (what comes next may ask what stands before it, and its name)."""
    body = child.getparent()
    assert body is not None
    while child.getprevious() is not None:
        del body[0]
    child.clear()
