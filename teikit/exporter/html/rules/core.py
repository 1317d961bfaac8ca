"""The TEI core module: paragraphs, highlighting, quotation, lists, bibliographic
references, and the headings of divisions.

=========================  =======================================================
TEI                        HTML
=========================  =======================================================
``p``                      ``p``
``hi``                     from ``@rend``: ``i``, ``b``, ``sup``, ``sub``, ``u``, ``s``, or
                           ``span.hi-<token>`` (small capitals …); no ``@rend``: ``em``
``emph``, ``foreign``      ``em``, ``i``
``title``                  ``cite``
``q``, ``said``, ``quote`` ``q`` (the browser adds quotation marks, unless the text has its
                           own); ``blockquote`` between blocks
``head`` of a division     ``h2``…``h6`` by depth; any other ``head`` a caption line
``lb``                     ``br``
``bibl`` in ``listBibl``   ``li`` of a ``ul.listBibl``
=========================  =======================================================

Lists are in :mod:`.lists`.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from teikit.exporter.html.render import (
    Context,
    Node,
    Renderer,
    attrs,
    common,
    gen,
    make,
    text_of,
)
from teikit.exporter.html.rules.base import (
    SIMPLE_TOKEN,
    block,
    container,
    css_class,
    hidden,
    lines,
    paragraph,
    phrase,
    transparent,
)
from teikit.exporter.html.rules.verse import line_number
from teikit.tei import is_tei, local_name, tei

HI_TAGS: Mapping[str, str] = {
    "superscript": "sup", "sup": "sup", "super": "sup", "subscript": "sub", "sub": "sub",
    "italic": "i", "italics": "i", "i": "i", "bold": "b", "b": "b", "underline": "u",
    "u": "u", "strikethrough": "s", "strike": "s", "overstrike": "s",
}
"""``hi/@rend`` tokens that have an HTML element of their own (others become classes the
stylesheet knows: ``hi-smallcaps``, ``hi-caps``, ``hi-spaced`` …)."""

QUOTE_MARKS = "\"'“”‘’«»„‚‹›「『"
"""Characters a quotation may already begin with (then no marks are added)."""

BLOCK_PARENTS = ("div", "div1", "div2", "div3", "div4", "div5", "div6", "div7", "body",
                 "front", "back", "sp", "floatingText", "group", "argument", "epigraph",
                 "note", "item", "cell", "postscript", "lg", "cit")
BLOCK_CONTENT = ("p", "lg", "l", "list", "table", "sp", "ab", "quote", "div", "figure")


def head(element: etree._Element, ctx: Context) -> list[Node]:
    """A heading for a division; any other ``head`` (of a list, a table) is a caption line."""
    parent = element.getparent()
    if ctx.phrasing or parent is None or (not is_tei(parent, "div", "back", "body", "front") \
            and not local_name(parent).startswith("div")):
        return lines(element, ctx, "p", data_n=element.get("n"))
    levels = [div for div in element.iterancestors()
              if local_name(div).startswith("div") and div.find(tei("head")) is not None]
    level = min(6, max(2, 1 + len(levels)) + ctx.heading_offset)  # h1: the document's title
    return [make(f"h{level}", attrs("head", **common(element, ctx)),
                 ctx.inline().children(element))]


def rend_tokens(element: etree._Element, defined: Mapping[str, str] | None = None
                ) -> list[str]:
    """``@rend`` tokens, and the local part of ``@rendition`` pointers like
    ``simple:italic`` (the TEI Simple rendition scheme); with the header's ``defined``
    renditions, a local pointer the header does not define (``#i``, ``#b``, as projects
    that document their renditions elsewhere write them) is read as a token too."""
    tokens = (element.get("rend") or "").split()
    for pointer in (element.get("rendition") or "").split():
        if ":" in pointer and not pointer.startswith("#"):
            tokens.append(pointer.split(":", 1)[1])
        elif defined is not None and pointer.startswith("#") and pointer[1:] not in defined:
            tokens.append(pointer[1:])
    return [token.lower() for token in tokens]


def hi(element: etree._Element, ctx: Context) -> list[Node]:
    """``hi``: an HTML element for its ``@rend`` (``i``, ``b`` …), else emphasis."""
    rend = rend_tokens(element, ctx.shared.renditions)
    explicit = bool(rend) or bool(element.get("rendition") or element.get("style"))
    tag = next((HI_TAGS[r] for r in rend if r in HI_TAGS), "span" if explicit else "em")
    classes = " ".join(["hi", *(f"hi-{r}" for r in rend if SIMPLE_TOKEN.fullmatch(r))])
    return [make(tag, attrs(classes, **common(element, ctx)), ctx.inline().children(element))]


def is_block_quote(element: etree._Element, ctx: Context) -> bool:
    """Whether a quotation stands between blocks (or holds them) and is not inside a
    paragraph."""
    if ctx.phrasing:
        return False
    parent = element.getparent()
    holds_blocks = any(is_tei(child, *BLOCK_CONTENT) for child in element)
    return holds_blocks or (parent is not None and is_tei(parent, *BLOCK_PARENTS))


def quotation(element: etree._Element, ctx: Context) -> list[Node]:
    """``q``, ``quote``, ``said``: ``blockquote`` between blocks; inline, an HTML ``q``
    (marks from the stylesheet) unless the text brings its own marks (``span.q``)."""
    if is_block_quote(element, ctx):
        if any(is_tei(child, *BLOCK_CONTENT) for child in element):
            return block(element, ctx, "blockquote")
        return lines(element, ctx, "blockquote")
    own_marks = text_of(element).lstrip()[:1] in QUOTE_MARKS or "pre(" in (
        element.get("rend") or "")
    tag = "span" if own_marks else "q"
    return [make(tag, attrs(css_class(element, "quoted" if own_marks else ""),
                            **common(element, ctx)), ctx.inline().children(element))]


def starts_its_parent(element: etree._Element) -> bool:
    """Whether nothing but whitespace comes before ``element`` in its parent."""
    parent = element.getparent()
    if parent is None or (parent.text or "").strip():
        return parent is None
    for before in element.itersiblings(preceding=True):
        if isinstance(before.tag, str) or (before.tail or "").strip():
            return False
    return True


def line_break(element: etree._Element, ctx: Context) -> list[Node]:
    """``lb``: a line break (none before the first line of a block), and every fifth line
    its number from ``@n`` in the margin, as for verse."""
    out: list[Node] = [] if starts_its_parent(element) else [make("br", attrs("lb"), [])]
    number = line_number(element, ctx.shared) if element.get("n") and not ctx.copy else None
    if number is not None:
        out.append(make("span", attrs("lnum gen", aria_hidden="true"), [number]))
    return out


def bibl(element: etree._Element, ctx: Context) -> list[Node]:
    """A bibliographic reference: an ``li`` in a ``listBibl``, a line or phrase elsewhere."""
    parent = element.getparent()
    if not len(element) and not (element.text or "").strip():
        return hidden(element, ctx)  # an empty entry (a placeholder in many projects)
    if parent is not None and is_tei(parent, "listBibl"):  # in a paragraph: a line each
        return lines(element, ctx, "li") if not ctx.phrasing else \
            [make("span", attrs(css_class(element, "blk"), **common(element, ctx)),
                  ctx.inline().children(element))]
    if ctx.phrasing or (parent is not None and not is_tei(parent, *BLOCK_PARENTS)):
        return [make("span", attrs(css_class(element), **common(element, ctx)),
                     ctx.inline().children(element))]
    return lines(element, ctx, "p")


def list_bibl(element: etree._Element, ctx: Context) -> list[Node]:
    """``listBibl`` (or ``listWit``): its heads, then a ``ul`` of its entries."""
    if ctx.phrasing:
        return block(element, ctx, "div")
    heads: list[Node] = []
    entries: list[Node] = []
    for node in ctx.children(element):
        is_head = not isinstance(node, str) and "head" in (node.get("class") or "").split()
        if not is_head and not isinstance(node, str) and node.tag != "li":
            node = make("li", attrs("entry"), [node])  # a list in the list: an entry of it
        (heads if is_head and not entries else entries).append(node)
    return block(element, ctx, "div", content=[*heads, make("ul", attrs("entries"), entries)])


def witness(element: etree._Element, ctx: Context) -> list[Node]:
    """``witness``: an entry (``li``) of its ``listWit``, its ``xml:id`` (the siglum the
    readings' ``@wit`` point at) kept as its id; a phrase elsewhere."""
    parent = element.getparent()
    if ctx.phrasing or parent is None or not is_tei(parent, "listWit"):
        return [make("span", attrs(css_class(element), **common(element, ctx)),
                     ctx.inline().children(element))]
    return block(element, ctx, "li")


def ruby_text(element: etree._Element, ctx: Context) -> list[Node]:
    """``rt``: the gloss over its base (HTML ``rt``) inside a ``ruby``, with the ``rp``
    parentheses that show where ruby is not laid out; elsewhere (a gloss that points at
    its base) in parentheses after its neighbour."""
    content = ctx.inline().children(element)
    parent = element.getparent()
    if parent is None or not is_tei(parent, "ruby"):
        return [make("span", attrs("rt", **common(element, ctx)),
                     [gen("("), *content, gen(")")])]
    return [make("rp", attrs("gen"), ["("]),
            make("rt", attrs("rt", **common(element, ctx)), content),
            make("rp", attrs("gen"), [")"])]


RULES: Mapping[str, Renderer] = {
    "p": paragraph("p"), "head": head, "hi": hi, "lb": line_break, "bibl": bibl,
    "listBibl": list_bibl, "q": quotation, "said": quotation, "quote": quotation,
    "cit": container("div"), "foreign": phrase("i"), "emph": phrase("em"),
    "title": phrase("cite"), "mentioned": phrase("i"), "soCalled": phrase("span"),
    "gloss": phrase("span"), "term": phrase("span"), "num": phrase("span"),
    "measure": phrase("span"), "author": phrase("span"), "editor": phrase("span"),
    "publisher": phrase("span"), "pubPlace": phrase("span"), "citedRange": phrase("span"),
    "biblScope": phrase("span"), "time": phrase("span"),
    **dict.fromkeys(("w", "pc", "c", "s", "cl", "phr", "m"), transparent),
    "distinct": phrase("span"), "address": container("div"), "addrLine": paragraph("p"),
    "biblStruct": bibl, "analytic": phrase("span"), "monogr": phrase("span"),
    "imprint": phrase("span"), "series": phrase("span"), "edition": phrase("span"),
    "extent": phrase("span"), "respStmt": phrase("span"), "resp": phrase("span"),
    "email": phrase("span"), "unit": phrase("span"), "measureGrp": phrase("span"),
    "ruby": phrase("ruby"), "rb": phrase("span"), "rt": ruby_text, "listWit": list_bibl,
    "witness": witness, "street": paragraph("p"), "postCode": paragraph("p"),
    "postBox": paragraph("p"), "ellipsis": phrase("span"), "meeting": phrase("span"),
    "noteGrp": container("div"), "relatedItem": phrase("span"),
}
"""The core module's renderers (lists in :mod:`.lists`, notes and page breaks in
:mod:`..notes` and :mod:`.transcr`)."""
