"""The TEI figures module: tables, figures and formulae.

===========================  ========================================================
TEI                          HTML
===========================  ========================================================
``table``                    ``table`` (in a scrolling ``div.table``), its ``head`` the
                             ``caption``
``row``                      ``tr``; ``role="label"`` rows at the top go in ``thead``
``cell``                     ``td``, ``th`` for ``role="label"``; ``@cols``/``@rows`` as
                             ``colspan``/``rowspan``
``figure``                   ``figure``, its ``head`` the ``figcaption``
``graphic``                  a placeholder naming the image (the page loads nothing); a
                             link when the image is on the web
``figDesc``                  ``p.figDesc``: the description of the image
``formula``                  ``span.formula``; MathML inside is rendered as MathML
===========================  ========================================================

Inside a paragraph the same structure is made of ``span``\\ s that the stylesheet lays out
as a table.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from teikit.exporter.html.render import Context, Node, Renderer, attrs, common, make, text_of
from teikit.exporter.html.rules.base import block, container, css_class, paragraph
from teikit.exporter.pointers import SAFE_SCHEMES
from teikit.tei import is_tei, tei

MATHML_NS = "http://www.w3.org/1998/Math/MathML"
MATHML_ATTRIBUTES = frozenset({
    "display", "mathvariant", "stretchy", "fence", "separator", "lspace", "rspace", "form",
    "accent", "accentunder", "linethickness", "columnalign", "rowalign", "scriptlevel",
    "displaystyle", "open", "close", "separators", "largeop", "movablelimits", "symmetric",
})
"""MathML attributes kept (presentation only: never a link or an event handler)."""


def number(value: str | None) -> str | None:
    return value if value and value.isdigit() and value != "1" else None


def cell(element: etree._Element, ctx: Context) -> list[Node]:
    label = element.get("role") == "label" or _row_is_label(element.getparent())
    tag = "span" if ctx.phrasing else ("th" if label else "td")
    made = make(tag, attrs(css_class(element, "blk" if ctx.phrasing else ""),
                           colspan=None if ctx.phrasing else number(element.get("cols")),
                           rowspan=None if ctx.phrasing else number(element.get("rows")),
                           **common(element, ctx)), ctx.inline().children(element))
    return [made if ctx.phrasing or _in(element, "row") else _alone(make("tr", {}, [made]))]


def _in(element: etree._Element, parent_name: str) -> bool:
    parent = element.getparent()
    return parent is not None and is_tei(parent, parent_name)


def _alone(tr: etree._Element) -> etree._Element:
    """A row or a cell quoted alone (a manual's example): in a table of its own, as HTML
    allows it nowhere else."""
    return make("table", attrs("table"), [tr])


def _row_is_label(row: etree._Element | None) -> bool:
    return row is not None and row.get("role") == "label"


def in_cells(nodes: list[Node], ctx: Context) -> list[Node]:
    """Text between cells (whitespace kept, anything else in a cell of its own)."""
    if ctx.phrasing:
        return nodes
    return [node if not isinstance(node, str) or not node.strip()
            else make("td", attrs("table-text"), [node]) for node in nodes]


def row(element: etree._Element, ctx: Context) -> list[Node]:
    cells = in_cells(ctx.children(element), ctx)
    made = make("span" if ctx.phrasing else "tr",
                attrs(css_class(element, "blk" if ctx.phrasing else ""),
                      **common(element, ctx)), cells)
    return [made if ctx.phrasing or _in(element, "table") else _alone(made)]


def _stray(text: str | None) -> list[Node]:
    """Text between rows: whitespace as it is, anything else in a row of its own."""
    if not text:
        return []
    return [text] if not text.strip() else [make("tr", attrs("table-text"),
                                                  [make("td", {}, [text])])]


def table(element: etree._Element, ctx: Context) -> list[Node]:
    """``table`` (see the module's docstring)."""
    if ctx.phrasing:
        return block(element, ctx, "span")
    caption: list[Node] = []
    head_rows: list[Node] = []
    body_rows: list[Node] = _stray(element.text)
    in_head = True
    for child in element:
        if is_tei(child, "head") and not caption:
            caption = [make("caption", attrs("head"), ctx.inline().children(child))]
        elif is_tei(child, "row"):
            in_head = in_head and _row_is_label(child)
            (head_rows if in_head else body_rows).extend(row(child, ctx))
        else:
            in_head = False
            body_rows.extend(make("tr", attrs("table-text"), [make("td", {}, [node])])
                             for node in ctx.render(child))
        (head_rows if in_head else body_rows).extend(_stray(child.tail))
    parts: list[Node] = [*caption]
    if any(not isinstance(node, str) for node in head_rows):
        parts.append(make("thead", {}, head_rows))
    else:
        body_rows[:0] = head_rows
    parts.append(make("tbody", {}, body_rows))
    grid = make("table", attrs(css_class(element), **common(element, ctx)), parts)
    return [make("div", attrs("table-scroll"), [grid])]


def figure(element: etree._Element, ctx: Context) -> list[Node]:
    """``figure``: its content, the ``head`` as caption."""
    if ctx.phrasing:
        return block(element, ctx, "span")
    content: list[Node] = [element.text] if element.text else []
    captioned = False
    for child in element:
        if is_tei(child, "head") and not captioned:
            content.append(make("figcaption", attrs("head"), ctx.inline().children(child)))
            captioned = True
        else:
            content.extend(ctx.render(child))
        if child.tail:
            content.append(child.tail)
    return [make("figure", attrs(css_class(element), **common(element, ctx)), content)]


def graphic(element: etree._Element, ctx: Context) -> list[Node]:
    """``graphic``: a placeholder naming the image; a link when it is on the web."""
    url = (element.get("url") or "").strip()
    described = element.getparent()
    desc = described.find(tei("figDesc")) if described is not None else None
    label = " ".join(text_of(desc).split()) if desc is not None else ""
    name = url.rsplit("/", 1)[-1] or "image"
    shown: Node = (make("a", attrs(href=url, rel="noopener"), [name])
                   if url.startswith(SAFE_SCHEMES) else name)
    return [make("span", attrs("graphic gen", role="img",
                               aria_label=f"Image: {label or name}"), ["Image: ", shown])]


def mathml(element: etree._Element, ctx: Context) -> list[Node]:
    """A MathML element, copied with its presentation attributes (browsers render it)."""
    tag = etree.QName(element).localname
    kept = {k: v for k, v in element.attrib.items() if k in MATHML_ATTRIBUTES}
    return [make(tag, {str(k): str(v) for k, v in kept.items()}, ctx.inline().children(element))]


def formula(element: etree._Element, ctx: Context) -> list[Node]:
    return [make("span", attrs(css_class(element), **common(element, ctx)),
                 ctx.inline().children(element))]


RULES: Mapping[str, Renderer] = {
    "table": table, "row": row, "cell": cell, "figure": figure, "graphic": graphic,
    "figDesc": paragraph("p"), "formula": formula, f"{{{MATHML_NS}}}": mathml,
    "notatedMusic": container("div"),
}
"""The figures module's renderers."""
