"""The renderer table: TEI local name → function that renders it as HTML.

Structural elements are data (:data:`CONTAINERS`, :data:`PARAGRAPHS`, :data:`PHRASES`);
elements that need a decision of their own have a function. Anything not in the table goes
through :func:`unknown`, which keeps its text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from lxml import etree

from teikit.export import html_edit as edit
from teikit.export import html_notes as notes
from teikit.export.html_render import Context, Node, Renderer, attrs, common, make
from teikit.tei import is_tei, local_name, tei

CONTAINERS: Mapping[str, str] = {
    "front": "header", "body": "div", "back": "div", "div": "section", "opener": "div",
    "closer": "div", "postscript": "div", "lg": "div", "floatingText": "div", "group": "div",
    "argument": "div", "epigraph": "div", "titlePage": "div", "listBibl": "div", "sp": "div",
}
"""Elements holding blocks: HTML block tag outside paragraphs, ``span.blk`` inside."""

PARAGRAPHS: Mapping[str, str] = {
    "p": "p", "ab": "p", "salute": "p", "dateline": "p", "signed": "p", "byline": "p",
    "docAuthor": "p", "docImprint": "p", "docDate": "p", "trailer": "p", "l": "p", "bibl": "p",
    "speaker": "p", "titlePart": "p", "label": "p", "head": "p", "figDesc": "p",
}
"""Elements holding phrases: a ``p`` outside paragraphs, a ``span`` inside."""

PHRASES: Mapping[str, str] = {
    "persName": "span", "placeName": "span", "orgName": "span", "name": "span", "rs": "span",
    "seg": "span", "term": "span", "num": "span", "measure": "span", "q": "span",
    "said": "span", "quote": "span", "abbr": "span", "orig": "span", "reg": "span",
    "corr": "span", "foreign": "i", "emph": "em", "title": "cite", "mentioned": "i",
    "soCalled": "span", "damage": "span", "secl": "span", "metamark": "span", "gloss": "span",
}
"""Inline elements and the HTML element that carries them."""

HI_TAGS: Mapping[str, str] = {
    "superscript": "sup", "sup": "sup", "subscript": "sub", "sub": "sub", "italic": "i",
    "italics": "i", "bold": "b", "underline": "u", "strikethrough": "s",
}
ISO_DATE = re.compile(r"-?\d{4}(-\d\d(-\d\d)?)?")


def css_class(element: etree._Element, *extra: str) -> str:
    """``tei-name`` plus a ``type`` class the stylesheet can use (``div-letter``)."""
    name = local_name(element)
    kind = element.get("type")
    classes = [name, f"{name}-{kind}" if kind and re.fullmatch(r"[\w-]+", kind) else "", *extra]
    return " ".join(c for c in classes if c)


def only_heads(element: etree._Element) -> bool:
    """True for a division with a heading and nothing else (a label with no entries)."""
    children = [child for child in element if isinstance(child.tag, str)]
    texts = [element.text, *(child.tail for child in children)]
    return bool(children) and all(is_tei(child, "head") for child in children) and not any(
        text and text.strip() for text in texts)


def container(element: etree._Element, ctx: Context) -> list[Node]:
    tag = "span" if ctx.phrasing else CONTAINERS[local_name(element)]
    extra = "blk" if ctx.phrasing else "empty" if only_heads(element) else ""
    return [make(tag, attrs(css_class(element, extra), **common(element, ctx)),
                 ctx.children(element))]


def paragraph(element: etree._Element, ctx: Context) -> list[Node]:
    tag = "span" if ctx.phrasing else PARAGRAPHS[local_name(element)]
    return [make(tag, attrs(css_class(element), data_n=element.get("n"), **common(element, ctx)),
                 ctx.inline().children(element))]


def phrase(element: etree._Element, ctx: Context) -> list[Node]:
    tag = PHRASES[local_name(element)]
    return [make(tag, attrs(css_class(element), **common(element, ctx)),
                 ctx.inline().children(element))]


def head(element: etree._Element, ctx: Context) -> list[Node]:
    """A heading for a division; any other ``head`` (of a list, a table) is a caption line."""
    parent = element.getparent()
    if ctx.phrasing or parent is None or not is_tei(parent, "div", "back", "body"):
        return paragraph(element, ctx)
    divs = [div for div in element.iterancestors(tei("div")) if div.find(tei("head")) is not None]
    level = min(6, 1 + len(divs))
    return [make(f"h{level}", attrs("head", **common(element, ctx)),
                 ctx.inline().children(element))]


def doc_title(element: etree._Element, ctx: Context) -> list[Node]:
    """The document's own title line is the page's ``h1`` (the first one only)."""
    first = next(element.itersiblings(tei("docTitle"), preceding=True), None) is None
    tag = "span" if ctx.phrasing else ("h1" if first else "p")
    return [make(tag, attrs("docTitle", **common(element, ctx)), ctx.inline().children(element))]


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


def date(element: etree._Element, ctx: Context) -> list[Node]:
    when = element.get("when")
    tag = "time" if when and ISO_DATE.fullmatch(when) else "span"
    return [make(tag, attrs("date", datetime=when if tag == "time" else None,
                            **common(element, ctx)), ctx.inline().children(element))]


def hi(element: etree._Element, ctx: Context) -> list[Node]:
    rend = (element.get("rend") or "").split()
    tag = next((HI_TAGS[r] for r in rend if r in HI_TAGS), "span")
    classes = " ".join(["hi", *(f"hi-{r}" for r in rend if re.fullmatch(r"[\w-]+", r))])
    return [make(tag, attrs(classes, **common(element, ctx)), ctx.inline().children(element))]


def line_break(element: etree._Element, ctx: Context) -> list[Node]:
    return [make("br", attrs("lb"), [])]


def unknown(element: etree._Element, ctx: Context) -> list[Node]:
    """An element no renderer knows: its text and children, in a ``div`` when it holds
    paragraphs or other blocks (and may), else in a ``span`` with phrasing content only."""
    block = not ctx.phrasing and any(
        is_tei(node, *notes.BLOCK_CHILDREN) for node in element.iterdescendants())
    tag, inner = ("div", ctx) if block else ("span", ctx.inline())
    return [make(tag, attrs("tei-unknown", data_tei=local_name(element) or None,
                            **common(element, ctx)), inner.children(element))]


def _table() -> dict[str, Renderer]:
    functions: dict[str, Renderer] = {
        "head": head, "docTitle": doc_title, "list": tei_list, "item": item, "date": date,
        "hi": hi, "lb": line_break, "note": notes.note, "ref": notes.ref,
        "supplied": edit.supplied, "gap": edit.gap, "desc": edit.desc, "unclear": edit.unclear,
        "sic": edit.sic, "choice": edit.choice, "del": edit.deletion, "add": edit.addition,
        "surplus": edit.surplus, "space": edit.space, "expan": edit.expan, "ex": edit.ex,
        "stamp": edit.stamp, "fw": edit.fw, "pb": edit.pb,
    }
    kinds: tuple[tuple[Mapping[str, str], Callable[[etree._Element, Context], list[Node]]], ...]
    kinds = ((CONTAINERS, container), (PARAGRAPHS, paragraph), (PHRASES, phrase))
    table: dict[str, Renderer] = {}
    for names, renderer in kinds:
        table.update(dict.fromkeys(names, renderer))
    table.update(functions)
    return table


RENDERERS: Mapping[str, Renderer] = _table()
"""The dispatch table used by :func:`teikit.export.html.to_html`."""
