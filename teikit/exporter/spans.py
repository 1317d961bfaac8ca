"""Deletions and additions that span elements: ``delSpan``/``addSpan`` and their ``@spanTo``.

TEI marks a deletion or an addition that crosses paragraphs or lines with an empty
``delSpan`` (``addSpan``) where it starts and the element its ``@spanTo`` names (mostly an
``anchor``) where it ends. The text between is deleted (added) as if it stood in a
``del`` (``add``). So the exporter reads it so: :func:`with_spans` wraps that text in
``del`` (``add``) elements carrying the span's attributes, and every view renders them as
it renders those (the reading text leaves the deletion out, the reading page hides it, the
editorial page strikes it through)::

    <p>kept <delSpan spanTo="#e"/>struck</p><p>struck too <anchor xml:id="e"/>kept</p>
    →  <p>kept <delSpan/><del>struck</del></p><p><del>struck too </del><anchor/>kept</p>

Text is wrapped where it stands: a run of mixed content in one ``del``, an element that
holds only elements (a ``div`` of paragraphs, an ``lg``) by wrapping each child's content,
so blocks stay blocks. A span whose ``@spanTo`` names nothing, or an element that does not
follow it, is left as it is.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Final

from lxml import etree

from teikit.tei import TEI_NS, XML_NS

SPANS: Final = {f"{{{TEI_NS}}}delSpan": f"{{{TEI_NS}}}del",
                f"{{{TEI_NS}}}addSpan": f"{{{TEI_NS}}}add"}
"""Each spanning element → the element its range is read as."""
KEPT: Final = ("hand", "rend", "rendition", "style", "type", "cert", "resp", "place")
"""The span's attributes its wrappers carry (who deleted, how, where)."""


def _is_blank(text: str | None) -> bool:
    return not (text or "").strip()


def _target(span: etree._Element, ids: dict[str, etree._Element]) -> etree._Element | None:
    pointer = (span.get("spanTo") or "").strip()
    return ids.get(pointer[1:] if pointer.startswith("#") else pointer)


def _wrapper(span: etree._Element) -> etree._Element:
    made = etree.Element(SPANS[span.tag])
    for name in KEPT:
        if span.get(name) is not None:
            made.set(name, span.get(name) or "")
    return made


def _holds(element: etree._Element, end: etree._Element) -> bool:
    return element is end or any(a is element for a in end.iterancestors())


def _wrap_run(parent: etree._Element, text: str | None, children: list[etree._Element],
              make: etree._Element) -> etree._Element | None:
    """A wrapper (a copy of ``make``) holding ``text`` and ``children`` of ``parent`` when
    they are mixed content; else each child's content wrapped in turn (``None``)."""
    mixed = not (_is_blank(text) and _is_blank(parent.text)
                 and all(_is_blank(child.tail) for child in parent))
    if mixed:
        if _is_blank(text) and not children:
            return None
        wrapper = copy.copy(make)
        wrapper.text = text
        wrapper.extend(children)
        return wrapper
    for child in children:
        if isinstance(child.tag, str) and (child.text or len(child)):
            inner = _wrap_run(child, child.text, list(child), make)
            if inner is not None:
                child.text = None
                child.insert(0, inner)
    return None


def _cover(start: etree._Element, end: etree._Element, make: etree._Element) -> None:
    """Wrap everything between ``start`` and ``end`` (which follows it) in copies of
    ``make``: up from ``start`` to the sibling that holds ``end``, then down to ``end``."""
    node = start
    while True:
        parent = node.getparent()
        if parent is None:
            return
        run: list[etree._Element] = []
        stop = None
        for sibling in node.itersiblings():  # up to the end's, not every sibling
            if _holds(sibling, end):
                stop = sibling
                break
            run.append(sibling)
        wrapper = _wrap_run(parent, node.tail, run, make)
        if wrapper is not None:
            node.tail = None
            node.addnext(wrapper)
        if stop is not None:
            break
        node = parent
    while stop is not end:
        inner = next(child for child in stop if _holds(child, end))
        wrapper = _wrap_run(stop, stop.text, list(stop)[:stop.index(inner)], make)
        if wrapper is not None:
            stop.text = None
            stop.insert(0, wrapper)
        stop = inner


def _ranges(root: etree._Element) -> Iterator[tuple[etree._Element, etree._Element]]:
    """Each span and the element that ends it, when that element follows it."""
    order: dict[etree._Element, int] = {}
    ids: dict[str, etree._Element] = {}
    spans: list[etree._Element] = []
    for number, element in enumerate(root.iter()):
        order[element] = number
        ident = element.get(f"{{{XML_NS}}}id")
        if ident is not None:
            ids.setdefault(ident, element)
        if element.tag in SPANS:
            spans.append(element)
    for span in spans:
        end = _target(span, ids)
        if end is not None and order[end] > order[span] and not _holds(span, end):
            yield span, end


def with_spans(tree: etree._ElementTree) -> etree._ElementTree | None:
    """A copy of ``tree`` with each ``delSpan``/``addSpan`` range wrapped in ``del``/``add``
    (see the module's docstring); ``None`` when it has none."""
    root = tree.getroot()
    if not any(True for _ in root.iter(*SPANS)):
        return None
    marked = copy.deepcopy(tree)
    for span, end in list(_ranges(marked.getroot())):
        _cover(span, end, _wrapper(span))
    return marked
