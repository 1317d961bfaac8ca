"""Lists (TEI core): every ``@type``, and glossary lists of ``label`` + ``item`` pairs.

==========================================  ============================================
TEI                                         HTML
==========================================  ============================================
``list`` (bulleted, the default)            ``ul``
``list type="ordered"`` (``numbered`` …)    ``ol``, ``li value`` from a numeric ``@n``
``list type="simple"`` (``none``)           ``ul.plain``: no markers
``list type="inline"``                      ``ul.inline``: the items on one line
``list`` with ``label`` children, ``gloss``  ``dl``: a ``label`` is a ``dt``, its item a ``dd``
``headLabel``, ``headItem``                 the headings of the labels and of the items: in a
                                            ``dl`` a ``dt`` and a ``dd`` in bold; in another
                                            list a caption line before it, as ``head``
==========================================  ============================================

The list's ``head`` comes before it. Inside a paragraph (where HTML allows no lists) the
same structure is made of ``span``\\ s the stylesheet lays out as blocks.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from teikit.exporter.html.render import Context, Node, Renderer, attrs, common, make
from teikit.exporter.html.rules.base import css_class, paragraph
from teikit.tei import is_tei

ORDERED = frozenset({"ordered", "numbered", "decimal", "arabic", "roman", "alphabetical",
                     "1", "a", "i"})
PLAIN = frozenset({"simple", "none", "plain", "inline", "runon", "run-on"})
INLINE = frozenset({"inline", "runon", "run-on"})
BLOCKS_IN_ENTRIES = ("list", "table", "p", "ab", "lg", "listBibl", "figure")
"""Children that make an entry a block of blocks (else its content is phrasing)."""
HEADINGS = ("headLabel", "headItem")
"""The headings of a glossary list's two columns."""
GLOSS_ENTRIES = {"label": "dt", "item": "dd", "headLabel": "dt", "headItem": "dd"}


def kind(element: etree._Element) -> str:
    """``gloss``, ``ordered``, ``inline``, ``plain`` or ``bulleted``."""
    tokens = {*(element.get("type") or "").lower().split(),
              *(element.get("rend") or "").lower().split()}
    if "gloss" in tokens or any(is_tei(child, "label", "headLabel") for child in element):
        return "gloss"
    if tokens & ORDERED:
        return "ordered"
    if tokens & INLINE:
        return "inline"
    return "plain" if tokens & PLAIN else "bulleted"


def _entry(child: etree._Element, ctx: Context, tag: str) -> etree._Element:
    """One ``item`` or ``label`` as ``tag`` (a ``span`` inside a paragraph). An entry that
    holds blocks (a nested list, a table, paragraphs) keeps them as blocks: ``li`` and
    ``dd`` take them, so a nested list is a list of its own."""
    number = child.get("n") if tag == "li" else None
    value = number if number and number.isdigit() else None
    html_tag = "span" if ctx.phrasing else tag
    classes = css_class(child, "blk" if ctx.phrasing else "")
    holds_blocks = any(is_tei(grandchild, *BLOCKS_IN_ENTRIES) for grandchild in child)
    inner = ctx if holds_blocks and not ctx.phrasing else ctx.inline()
    content = inner.children(child)
    if is_tei(child, *HEADINGS):
        content = [make("strong", {}, content)]
    return make(html_tag, attrs(classes, value=value if html_tag == "li" else None,
                                data_n=child.get("n"), **common(child, ctx)), content)


def _loose(nodes: list[Node], ctx: Context, tag: str) -> list[Node]:
    """Text or other elements between entries, in an entry of their own."""
    if all(isinstance(node, str) and not node.strip() for node in nodes):
        return nodes
    return [make("span" if ctx.phrasing else tag, attrs("list-text blk" if ctx.phrasing
                                                        else "list-text"), nodes)]


def tei_list(element: etree._Element, ctx: Context) -> list[Node]:
    """``list`` (see the module's docstring)."""
    style = kind(element)
    entry_tags = GLOSS_ENTRIES if style == "gloss" else {"item": "li"}
    heads: list[Node] = []
    entries: list[Node] = []
    loose: list[Node] = [element.text] if element.text else []
    for child in element:
        tag = entry_tags.get(child.tag.split("}")[-1]) if is_tei(child, *entry_tags) else None
        if tag is not None:
            entries.extend(_loose(loose, ctx, "dd" if style == "gloss" else "li"))
            entries.append(_entry(child, ctx, tag))
            loose = []
        elif is_tei(child, "head", *HEADINGS) and not entries:
            heads.extend(ctx.render(child))
        else:
            loose.extend(ctx.render(child))
        if child.tail:
            loose.append(child.tail)
    entries.extend(_loose(loose, ctx, "dd" if style == "gloss" else "li"))
    inner = {"gloss": "dl", "ordered": "ol"}.get(style, "ul")
    body = make("span" if ctx.phrasing else inner,
                attrs(f"items {style} blk" if ctx.phrasing else f"items {style}"), entries)
    outer = "span" if ctx.phrasing else "div"
    classes = css_class(element, "blk" if ctx.phrasing else "")
    return [make(outer, attrs(classes, **common(element, ctx)), [*heads, body])]


RULES: Mapping[str, Renderer] = {"list": tei_list, "label": paragraph("p"),
                                 "item": paragraph("p"),
                                 **dict.fromkeys(HEADINGS, paragraph("p"))}
"""The list renderer (``item`` and ``label`` are rendered by their list; elsewhere, a
``label`` is a line or phrase of its own)."""
