"""Renderers shared by every module's table: blocks, paragraphs and phrases by HTML tag.

A module's table maps TEI local names to renderers. Most elements need no decision of
their own and take one of three generic shapes, built here from the HTML tag they become:

``container(tag)``
    holds blocks (``div``, ``sp``): the tag outside paragraphs, ``span.blk`` inside one.
``paragraph(tag)``
    holds phrases (``p``, ``l``): the tag outside paragraphs, ``span`` inside one.
``phrase(tag)``
    an inline element (``persName`` → ``span``, ``emph`` → ``em``).

Every rendered element carries the TEI name as its first class, then ``name-type`` for a
simple ``@type`` (``div-letter``), so a team's stylesheet can address any of them.
"""

from __future__ import annotations

import re

from lxml import etree

from teikit.exporter.html.render import Context, Node, Renderer, attrs, common, make
from teikit.tei import is_tei, local_name

SIMPLE_TOKEN = re.compile(r"[\w-]+")


def css_class(element: etree._Element, *extra: str) -> str:
    """``tei-name`` plus a ``type`` class the stylesheet can use (``div-letter``)."""
    name = local_name(element)
    kind = element.get("type")
    classes = [name, f"{name}-{kind}" if kind and SIMPLE_TOKEN.fullmatch(kind) else "", *extra]
    return " ".join(c for c in classes if c)


def only_heads(element: etree._Element) -> bool:
    """True for a division with a heading and nothing else (a label with no entries)."""
    children = [child for child in element if isinstance(child.tag, str)]
    texts = [element.text, *(child.tail for child in children)]
    return bool(children) and all(is_tei(child, "head") for child in children) and not any(
        text and text.strip() for text in texts)


def block(element: etree._Element, ctx: Context, tag: str, *extra: str,
          content: list[Node] | None = None, **values: str | None) -> list[Node]:
    """``element`` as a block holding blocks (``span.blk`` inside phrasing content)."""
    html_tag = "span" if ctx.phrasing else tag
    classes = css_class(element, *extra, "blk" if ctx.phrasing else "")
    children = ctx.children(element) if content is None else content
    return [make(html_tag, attrs(classes, **values, **common(element, ctx)), children)]


def lines(element: etree._Element, ctx: Context, tag: str, *extra: str,
          content: list[Node] | None = None, **values: str | None) -> list[Node]:
    """``element`` as a block holding phrases (a ``span`` inside phrasing content)."""
    html_tag = "span" if ctx.phrasing else tag
    children = ctx.inline().children(element) if content is None else content
    return [make(html_tag, attrs(css_class(element, *extra), **values, **common(element, ctx)),
                 children)]


def container(tag: str) -> Renderer:
    """A renderer for elements that hold blocks, as ``tag``."""
    def render(element: etree._Element, ctx: Context) -> list[Node]:
        return block(element, ctx, tag,
                     "empty" if not ctx.phrasing and only_heads(element) else "")
    return render


def paragraph(tag: str) -> Renderer:
    """A renderer for elements that hold phrases, as ``tag`` (``@n`` kept as ``data-n``)."""
    def render(element: etree._Element, ctx: Context) -> list[Node]:
        return lines(element, ctx, tag, data_n=element.get("n"))
    return render


def phrase(tag: str) -> Renderer:
    """A renderer for inline elements, as ``tag``."""
    def render(element: etree._Element, ctx: Context) -> list[Node]:
        return [make(tag, attrs(css_class(element), **common(element, ctx)),
                     ctx.inline().children(element))]
    return render


def transparent(element: etree._Element, ctx: Context) -> list[Node]:
    """Linguistic segments (``w``, ``pc``, ``s`` …): their content alone, in a ``span`` only
    when they carry an id, a language or a style. A tokenised novel has a ``w`` for every
    word: a ``span`` each would make its page several times heavier and slower."""
    values = common(element, ctx)
    content = ctx.inline().children(element)
    if not values:
        return content
    return [make("span", attrs(css_class(element), **values), content)]


def hidden(element: etree._Element, ctx: Context) -> list[Node]:
    """Elements that carry no words for a reader (``index``, ``link``, ``anchor``): nothing,
    or an empty ``span`` keeping the element's id when something may point at it."""
    values = common(element, ctx)
    return [make("span", attrs(css_class(element), **values), [])] if "id" in values else []


def followed_by_same(element: etree._Element, typed: bool = True) -> bool:
    """Whether the next element is of the same name (and ``@type``, if ``typed``) with
    nothing but spaces between (``<orth>iubeo</orth> <orth>iubere</orth>``, a place's
    names): the parts of a list the source writes without separators."""
    after = element.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    return after is not None and after.tag == element.tag and not (element.tail or "").strip() \
        and (not typed or after.get("type") == element.get("type"))
