"""Ids and links: every ``xml:id`` becomes an HTML id, and ``ref``/``ptr`` become links.

:func:`index_ids` runs once before rendering. It gives each element with an ``xml:id`` its
HTML id: the ``xml:id`` itself, unless an earlier element or the page already uses it
(then ``id-2``, ``id-3`` …), so a document with repeated ids still gives a page whose ids
are unique. It also gives every internal reference an id of its own, so the element it
points at can link back to it (notes are linked both ways).

``ref``
    an internal target (``#id`` of an element on the page) is a link to it, an external
    one (``http:``, ``https:``, ``mailto:``) a link; any other target leaves the text as
    it is. A ``ref type="noteAnchor"`` is a superscript note call.
``ptr``
    the same links, with generated text: the target's heading, ``@n`` or id when it is
    internal, the address (without its scheme) when it is external. A ``ptr`` with several
    targets links each (the first carries the pointer's id, which its target links back to).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from lxml import etree

from teikit.exporter.html.render import Context, Node, Shared, attrs, common, gen, make
from teikit.exporter.pointers import (
    SAFE_SCHEMES,
    TARGETS_APART,
    address,
    first_target,
    label_of,
    targets,
)
from teikit.tei import tei, xml

K = TypeVar("K", bound=Hashable)


def pointers(root: etree._Element) -> Iterator[etree._Element]:
    """The ``ref`` and ``ptr`` elements under ``root``."""
    return root.iter(tei("ref"), tei("ptr"))


def index_ids(root: etree._Element, shared: Shared) -> None:
    """Give every ``xml:id`` under ``root`` a unique HTML id, and every internal pointer an
    id the element it points at can link back to."""
    xml_id = xml("id")
    assign_ids(((e, e.get(xml_id)) for e in root.iter() if isinstance(e.tag, str)), shared,
               Index(shared.html_ids, shared.targets, shared.ref_ids, shared.backrefs))
    link_pointers(((p, first_target(p)) for p in pointers(root)), shared,
                  Index(shared.html_ids, shared.targets, shared.ref_ids, shared.backrefs))


@dataclass
class Index(Generic[K]):
    """Where :func:`assign_ids` and :func:`link_pointers` write, by element (a rendering)
    or by any other key naming an element (the first reading of a streamed document,
    :mod:`.survey`)."""

    html_ids: dict[K, str]
    targets: dict[str, K]
    ref_ids: dict[K, str]
    backrefs: dict[K, list[str]]


def assign_ids(items: Iterable[tuple[K, str | None]], shared: Shared, index: Index[K]) -> None:
    """Each element's (``K``'s) HTML id, from its ``xml:id``, in document order."""
    for key, ident in items:
        if not ident or not ident.split():
            continue
        html_id = "-".join(ident.split())
        html_id = html_id if html_id not in shared.ids else shared.unique_id(html_id)
        shared.ids.add(html_id)
        index.html_ids[key] = html_id
        index.targets.setdefault(ident, key)


def link_pointers(items: Iterable[tuple[K, str]], shared: Shared, index: Index[K]) -> None:
    """Each internal pointer's (``K``'s) own id, and the links back to it, in document
    order (``items``: each pointer and its first target)."""
    for key, target in items:
        pointed = index.targets.get(target[1:]) if target.startswith("#") else None
        if pointed is not None:
            ref_id = shared.unique_id(f"ref-{index.html_ids[pointed]}")
            index.ref_ids[key] = ref_id
            index.backrefs.setdefault(pointed, []).append(ref_id)


def _internal(element: etree._Element, ctx: Context, target: str | None = None
              ) -> tuple[etree._Element, str, str | None] | None:
    """(the element pointed at, href, id of this pointer) for a pointer to an element on
    the page (by its first target, or by ``target``, one of the others: no id then)."""
    if target is not None:
        pointed = ctx.shared.targets.get(target[1:]) if target.startswith("#") else None
        return (pointed, f"#{ctx.shared.html_ids[pointed]}", None) if pointed is not None \
            else None
    target = first_target(element)
    pointed = ctx.shared.targets.get(target[1:]) if target.startswith("#") else None
    if pointed is None:
        return None
    ref_id = None if ctx.copy else ctx.shared.ref_ids.get(element)
    return pointed, f"#{ctx.shared.html_ids[pointed]}", ref_id


def ref(element: etree._Element, ctx: Context) -> list[Node]:
    ctx.shared.used.add("ref")
    content = ctx.inline().children(element)
    internal = _internal(element, ctx)
    if internal is not None:
        _, href, ref_id = internal
        anchor = element.get("type") == "noteAnchor"
        link = make("a", attrs("ref", href=href, id=ref_id,
                               role="doc-noteref" if anchor else None), content)
        return [make("sup", attrs("noteref"), [link])] if anchor else [link]
    target = first_target(element)
    if target.startswith(SAFE_SCHEMES):
        return [make("a", attrs("ref", href=target, rel="noopener"), content)]
    return [make("span", attrs("ref", **common(element, ctx)), content)]


def ptr(element: etree._Element, ctx: Context) -> list[Node]:
    """``ptr``: a link whose text is generated (see the module's docstring)."""
    nodes = _pointer(element, ctx, None)
    for target in targets(element)[1:]:
        nodes += [gen(TARGETS_APART), *_pointer(element, ctx, target)]
    return nodes


def _pointer(element: etree._Element, ctx: Context, other: str | None) -> list[Node]:
    """The link of a ``ptr`` to its first target, or to ``other``, one of the rest."""
    internal = _internal(element, ctx, other)
    if internal is not None:
        pointed, href, ref_id = internal
        label = ctx.shared.labels.get(pointed)
        label = label_of(pointed) if label is None else label
        return [make("a", attrs("ptr", href=href, id=ref_id), [gen(label)])]
    target = first_target(element) if other is None else other
    if target.startswith(SAFE_SCHEMES):
        return [make("a", attrs("ptr", href=target, rel="noopener"), [gen(address(target))])]
    values = common(element, ctx) if other is None else {}
    return [make("span", attrs("ptr", **values), [gen(target)] if target else [])]
