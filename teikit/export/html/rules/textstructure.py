"""The TEI textstructure module: front, body and back, divisions, title pages, and the
openers and closers of letters.

Divisions become ``section`` elements; the parts of a title page and of a letter's
opening and closing formulae are paragraph-like lines with their TEI name as class.
The first ``docTitle`` of the document is the page's ``h1``.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from teikit.export.html.render import Context, Node, Renderer, attrs, common, make
from teikit.export.html.rules.base import container, paragraph
from teikit.tei import tei


def doc_title(element: etree._Element, ctx: Context) -> list[Node]:
    """The document's own title line is the page's ``h1`` (the first one only)."""
    first = next(element.itersiblings(tei("docTitle"), preceding=True), None) is None
    tag = "span" if ctx.phrasing else ("h1" if first else "p")
    return [make(tag, attrs("docTitle", **common(element, ctx)), ctx.inline().children(element))]


RULES: Mapping[str, Renderer] = {
    "front": container("header"), "body": container("div"), "back": container("div"),
    "div": container("section"), "opener": container("div"), "closer": container("div"),
    "postscript": container("div"), "floatingText": container("div"),
    "group": container("div"), "argument": container("div"), "epigraph": container("div"),
    "titlePage": container("div"), "docTitle": doc_title,
    **dict.fromkeys(("salute", "dateline", "signed", "byline", "docAuthor", "docImprint",
                     "docDate", "trailer", "titlePart"), paragraph("p")),
}
"""The textstructure module's renderers."""
