"""The TEI core module: paragraphs, highlighting, quotation, lists, bibliographic
references, line and page breaks, and the headings of divisions.

======================  ===========================================================
TEI                     HTML
======================  ===========================================================
``p``, ``ab``           ``p``
``hi``                  ``sup``/``sub``/``i``/``b``/``u``/``s`` from ``@rend``, else ``span.hi``
``emph``, ``foreign``   ``em``, ``i``
``title``               ``cite``
``list``/``item``       ``ul``/``ol`` of ``li`` (heads before the list)
``head`` of a division  ``h2``…``h6`` by depth; any other ``head`` a caption line
``lb``                  ``br``
======================  ===========================================================
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree

from teikit.export.html.render import Context, Node, Renderer, attrs, common, make
from teikit.export.html.rules.base import container, css_class, lines, paragraph, phrase
from teikit.tei import is_tei, tei

HI_TAGS: Mapping[str, str] = {
    "superscript": "sup", "sup": "sup", "subscript": "sub", "sub": "sub", "italic": "i",
    "italics": "i", "bold": "b", "underline": "u", "strikethrough": "s",
}
"""``hi/@rend`` tokens that have an HTML element of their own."""


def head(element: etree._Element, ctx: Context) -> list[Node]:
    """A heading for a division; any other ``head`` (of a list, a table) is a caption line."""
    parent = element.getparent()
    if ctx.phrasing or parent is None or not is_tei(parent, "div", "back", "body"):
        return lines(element, ctx, "p", data_n=element.get("n"))
    divs = [div for div in element.iterancestors(tei("div")) if div.find(tei("head")) is not None]
    level = min(6, 1 + len(divs))
    return [make(f"h{level}", attrs("head", **common(element, ctx)),
                 ctx.inline().children(element))]


def tei_list(element: etree._Element, ctx: Context) -> list[Node]:
    """``list`` → ``ul``/``ol``; its ``head`` comes before the list, stray text in an item."""
    ordered = (element.get("rend") or element.get("type") or "") in ("numbered", "ordered")
    outer, inner = ("span", "span") if ctx.phrasing else ("div", "ol" if ordered else "ul")
    heads: list[Node] = []
    items: list[Node] = []
    for node in ctx.children(element):
        is_item = not isinstance(node, str) and "item" in (node.get("class") or "").split()
        if isinstance(node, str) and not node.strip():
            items.append(node)
        elif is_item or items:
            items.append(node if is_item or ctx.phrasing else make("li", attrs("list-text"),
                                                                     [node]))
        else:
            heads.append(node)
    body = make(inner, attrs("items blk" if ctx.phrasing else "items"), items)
    extra = "blk" if ctx.phrasing else ""
    return [make(outer, attrs(css_class(element, extra), **common(element, ctx)), [*heads, body])]


def item(element: etree._Element, ctx: Context) -> list[Node]:
    tag = "span" if ctx.phrasing else "li"
    return [make(tag, attrs("item blk" if ctx.phrasing else "item", data_n=element.get("n"),
                            **common(element, ctx)), ctx.inline().children(element))]


def hi(element: etree._Element, ctx: Context) -> list[Node]:
    rend = (element.get("rend") or "").split()
    tag = next((HI_TAGS[r] for r in rend if r in HI_TAGS), "span")
    classes = " ".join(["hi", *(f"hi-{r}" for r in rend if re.fullmatch(r"[\w-]+", r))])
    return [make(tag, attrs(classes, **common(element, ctx)), ctx.inline().children(element))]


def line_break(element: etree._Element, ctx: Context) -> list[Node]:
    return [make("br", attrs("lb"), [])]


RULES: Mapping[str, Renderer] = {
    "p": paragraph("p"), "bibl": paragraph("p"), "label": paragraph("p"), "head": head,
    "list": tei_list, "item": item, "hi": hi, "lb": line_break, "listBibl": container("div"),
    "q": phrase("span"), "said": phrase("span"), "quote": phrase("span"),
    "foreign": phrase("i"), "emph": phrase("em"), "title": phrase("cite"),
    "mentioned": phrase("i"), "soCalled": phrase("span"), "gloss": phrase("span"),
    "term": phrase("span"), "num": phrase("span"), "measure": phrase("span"),
}
"""The core module's renderers (notes and page breaks are in :mod:`..notes` and
:mod:`.transcr`)."""
