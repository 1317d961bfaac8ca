"""Trees, forests and graphs (TEI nets module) as nested lists and lines.

``eTree`` and ``triangle`` (a tree embedded in its parent, a subtree drawn as a
triangle) are a list item holding their ``label`` and, in a list of their own, their
branches; an ``eLeaf`` is an item with its label; the outermost stands in a list of its
own, so the page indents the tree as it branches::

    <eTree><label>S</label><eLeaf><label>NP</label></eLeaf></eTree>
    →  <ul class="tree"><li class="eTree">S<ul class="branches"><li class="eLeaf">NP

A ``tree`` whose nodes point at each other (``root``, ``iNode``, ``leaf``) is a list of
its nodes in order; a ``graph`` is a block, its ``node`` and ``arc`` a line each (an arc
without a label says its ends, ``a → b``); ``forest`` and ``listForest`` hold trees.
Inside a paragraph each is the same as spans set apart as blocks.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from teikit.exporter.html.render import Context, Node, Renderer, attrs, common, gen, make
from teikit.exporter.html.rules.base import block, container, css_class, lines, paragraph
from teikit.tei import is_tei

EMBEDDED = ("eTree", "triangle", "eLeaf")


def _tag(ctx: Context, tag: str) -> str:
    return "span" if ctx.phrasing else tag


def _classes(ctx: Context, *names: str) -> str:
    return " ".join([*names, "blk"] if ctx.phrasing else names)


def embedded(element: etree._Element, ctx: Context) -> list[Node]:
    """``eTree``, ``triangle``, ``eLeaf``: an item, its label, then its branches' list."""
    own: list[Node] = [element.text] if element.text else []
    branches: list[Node] = []
    for child in element:  # text and spaces stay where they stand, with their neighbour
        part = branches if is_tei(child, *EMBEDDED) else own
        part.extend(ctx.render(child) if part is branches else ctx.inline().render(child))
        if child.tail:
            part.append(child.tail)
    if any(isinstance(node, etree._Element) for node in branches):
        own.append(make(_tag(ctx, "ul"), attrs(_classes(ctx, "branches")), branches))
    item = make(_tag(ctx, "li"), attrs(_classes(ctx, css_class(element)),
                                       **common(element, ctx)), own)
    parent = element.getparent()
    if parent is not None and is_tei(parent, "eTree", "triangle"):
        return [item]
    return [make(_tag(ctx, "ul"), attrs(_classes(ctx, "tree")), [item])]


def tree(element: etree._Element, ctx: Context) -> list[Node]:
    """``tree``: a list of its nodes (``root``, ``iNode``, ``leaf``) in order."""
    return block(element, ctx, "ul")


def arc(element: etree._Element, ctx: Context) -> list[Node]:
    """``arc``: its label, else its ends (``@from`` → ``@to``)."""
    content = ctx.inline().children(element)
    if not "".join(map(str, element.itertext())).strip():
        ends = [(element.get(name) or "?").strip().lstrip("#") for name in ("from", "to")]
        content.append(gen(" → ".join(ends)))
    return lines(element, ctx, "div", content=content)


RULES: Mapping[str, Renderer] = {
    **dict.fromkeys(EMBEDDED, embedded),
    "forest": container("div"), "listForest": container("div"), "graph": container("div"),
    "tree": tree, **dict.fromkeys(("root", "iNode", "leaf"), paragraph("li")),
    "node": paragraph("div"), "arc": arc,
}
