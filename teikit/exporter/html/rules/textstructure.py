"""The TEI textstructure module: front, body and back, divisions, title pages, and the
openers and closers of letters.

Every division becomes a ``section`` with an id (its ``xml:id``, else ``div-N``), which the
table of contents links to. The standard EpiDoc divisions get a generated heading when they
have none, and an edition renders with the Leiden signs (:mod:`.epidoc`). The parts of a
title page and of a letter's opening and closing formulae are lines with their TEI name
as class. The first ``docTitle`` of the document is the page's ``h1``.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from teikit.exporter.html.render import Context, Node, Renderer, attrs, common, make
from teikit.exporter.html.rules import epidoc
from teikit.exporter.html.rules.base import (
    block,
    container,
    css_class,
    hidden,
    only_heads,
    paragraph,
)
from teikit.tei import is_tei, local_name, tei

DIVISIONS = ("div", "div1", "div2", "div3", "div4", "div5", "div6", "div7")


def heading_level(element: etree._Element, ctx: Context) -> int:
    """The level of a heading generated for ``element`` (a division)."""
    above = [div for div in element.iterancestors()
             if local_name(div) in DIVISIONS and div.find(tei("head")) is not None]
    return min(6, 2 + len(above) + ctx.heading_offset)


def division(element: etree._Element, ctx: Context) -> list[Node]:
    """A division: a ``section`` with an id, in an edition the Leiden signs."""
    if ctx.phrasing:
        return block(element, ctx, "div")
    if epidoc.left_empty(element):
        return []
    values = common(element, ctx)
    if not ctx.copy:
        values.setdefault("id", ctx.shared.unique_id(f"div-{ctx.shared.divisions() + 1}"))
        ctx.shared.div_ids[element] = values["id"]
    kind = element.get("type") or ""
    if kind == "textpart" and "id" in values:
        epidoc.text_part(element, values["id"], ctx)
    inner = epidoc.edition(element, ctx) if kind == "edition" else ctx
    content = inner.children(element)
    generated = epidoc.generated_heading(element)
    if generated and element.find(tei("head")) is None:
        level = heading_level(element, ctx)
        content.insert(0, make(f"h{level}", attrs("head gen"), [generated]))
    elif element.find(tei("head")) is None and (number := numbered(element)):
        content.insert(0, make("p", attrs("div-n gen ed-only"), [f"[{number}]"]))
    extra = "empty" if only_heads(element) else ""
    return [make("section", attrs(css_class(element, extra), **values), content)]


def numbered(element: etree._Element) -> str:
    """What a text part (an EpiDoc or CTS ``div type="textpart"``) without a heading is
    cited by, from its ``@n`` and ``@subtype``: "chapter 12"; "" for other divisions and
    without ``@n``. The editorial view shows it where the part begins."""
    number = " ".join((element.get("n") or "").split())
    if not number or element.get("type") != "textpart":
        return ""
    kind = element.get("subtype") or "part"
    words = " ".join(kind.replace("-", " ").replace("_", " ").split())
    return f"{words} {number}" if words else number


def doc_title(element: etree._Element, ctx: Context) -> list[Node]:
    """The document's own title line is the page's ``h1`` (the first one only)."""
    first = next(element.itersiblings(tei("docTitle"), preceding=True), None) is None
    first = first and not any(is_tei(a, "TEI") and a.getparent() is not None
                              for a in element.iterancestors())
    tag = "span" if ctx.phrasing else ("h1" if first else "p")
    return [make(tag, attrs("docTitle", **common(element, ctx)), ctx.inline().children(element))]


def title_page(element: etree._Element, ctx: Context) -> list[Node]:
    """``titlePage``: a centred block; its parts keep their TEI names as classes."""
    return block(element, ctx, "div")


RULES: Mapping[str, Renderer] = {
    "front": container("header"), "body": container("div"), "back": container("div"),
    **dict.fromkeys(DIVISIONS, division), "opener": container("div"),
    "closer": container("div"), "postscript": container("div"),
    "floatingText": container("div"), "group": container("div"), "text": container("div"),
    "argument": container("div"), "epigraph": container("div"), "titlePage": title_page,
    "docTitle": doc_title, "divGen": hidden, "post": container("div"),
    **dict.fromkeys(("salute", "dateline", "signed", "byline", "docAuthor", "docImprint",
                     "docDate", "trailer", "titlePart", "docEdition", "imprimatur"),
                   paragraph("p")),
}
"""The textstructure module's renderers."""
