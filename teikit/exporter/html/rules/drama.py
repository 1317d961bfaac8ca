"""The TEI drama module: cast lists, speeches, speakers and stage directions.

=============================  =================================================
TEI                            HTML
=============================  =================================================
``castList``                   ``section.castList``: its heads, then ``ul.cast``
``castGroup``                  an ``li`` with the group's head and a nested ``ul``
``castItem``                   ``li``: the ``role`` in small capitals, then ", " and
                               its ``roleDesc``, then " — " and its ``actor``
``sp``                         ``div.sp``: a speech
``speaker``                    ``p.speaker``: set apart, in small capitals
``stage``                      ``p.stage`` between blocks, ``span.stage`` in a line;
                               in italics
=============================  =================================================
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from teikit.exporter.html.render import Context, Node, Renderer, attrs, common, gen, make
from teikit.exporter.html.rules.base import (
    block,
    container,
    css_class,
    hidden,
    lines,
    paragraph,
    phrase,
)
from teikit.tei import is_tei, local_name

SEPARATORS = {"roleDesc": ", ", "actor": " — "}
"""Generated punctuation before the parts of a cast entry that follow its role."""


def cast_entries(element: etree._Element, ctx: Context) -> tuple[list[Node], list[Node]]:
    """(the heads, the entries) of a ``castList`` or ``castGroup``; anything else between
    the entries is an entry of its own."""
    heads: list[Node] = []
    entries: list[Node] = []
    loose: list[Node] = [element.text] if element.text and element.text.strip() else []

    def flush() -> None:
        if any(not isinstance(node, str) or node.strip() for node in loose):
            entries.append(make("span" if ctx.phrasing else "li", attrs("cast-text"),
                                list(loose)))
        loose.clear()

    for child in element:
        if is_tei(child, "castItem", "castGroup"):
            flush()
            entries.extend(ctx.render(child))
        elif is_tei(child, "head") and not entries and not loose:
            heads.extend(ctx.render(child))
        else:
            loose.extend(ctx.render(child))
        if child.tail:
            (loose if loose or child.tail.strip() else entries or heads).append(child.tail)
    flush()
    return heads, entries


def cast_list(element: etree._Element, ctx: Context) -> list[Node]:
    heads, entries = cast_entries(element, ctx)
    tag = "span" if ctx.phrasing else "ul"
    content = [*heads, make(tag, attrs("cast blk" if ctx.phrasing else "cast"), entries)]
    return block(element, ctx, "section", content=content)


def cast_group(element: etree._Element, ctx: Context) -> list[Node]:
    heads, entries = cast_entries(element, ctx)
    tag = "span" if ctx.phrasing else "ul"
    content = [*heads, make(tag, attrs("cast blk" if ctx.phrasing else "cast"), entries)]
    return in_cast(element, ctx, make("span" if ctx.phrasing else "li",
                                      attrs(css_class(element, "blk" if ctx.phrasing else ""),
                                            **common(element, ctx)), content))


def in_cast(element: etree._Element, ctx: Context, item: etree._Element) -> list[Node]:
    """``item`` (a ``castItem``'s or ``castGroup``'s ``li``), in a list of its own when
    the entry is quoted alone, outside a ``castList`` or ``castGroup``."""
    parent = element.getparent()
    if ctx.phrasing or (parent is not None and is_tei(parent, "castList", "castGroup")):
        return [item]
    return [make("ul", attrs("cast"), [item])]


def cast_item(element: etree._Element, ctx: Context) -> list[Node]:
    """``castItem``: role, ", " description, " — " actor (the punctuation generated)."""
    content: list[Node] = [element.text] if element.text else []
    seen_role = False
    for child in element:
        name = local_name(child) if is_tei(child, *SEPARATORS) else ""
        if seen_role and name:
            space = trim_end(content)  # moved after the mark: "Prospero, the duke"
            mark = SEPARATORS[name]
            content.extend([gen(mark.rstrip()), space] if space else [gen(mark)])
        seen_role = seen_role or is_tei(child, "role", "roleName", "persName", "name")
        content.extend(ctx.inline().render(child))
        if child.tail:
            content.append(child.tail)
    tag = "span" if ctx.phrasing else "li"
    return in_cast(element, ctx, make(tag, attrs(css_class(element,
                                                        "blk" if ctx.phrasing else ""),
                                                 **common(element, ctx)), content))


def _split_space(text: str) -> tuple[str, str]:
    kept = text.rstrip()
    return kept, text[len(kept):]


def trim_end(nodes: list[Node]) -> str:
    """Take the whitespace off the end of ``nodes`` and return it (so that generated
    punctuation can follow the last word, the source's whitespace after it)."""
    taken = ""
    while nodes:
        last = nodes[-1]
        if not isinstance(last, str):
            return _trim_element(last) + taken
        kept, space = _split_space(last)
        taken = space + taken
        if kept:
            nodes[-1] = kept
            return taken
        nodes.pop()
    return taken


def _trim_element(element: etree._Element) -> str:
    if element.tail:
        kept, space = _split_space(element.tail)
        element.tail = kept or None
        return space if kept else _trim_element(element) + space
    if len(element):
        return _trim_element(element[-1])
    kept, space = _split_space(element.text or "")
    element.text = kept or None
    return space


def stage(element: etree._Element, ctx: Context) -> list[Node]:
    """``stage``: a line of its own between blocks, a phrase inside a line."""
    parent = element.getparent()
    inside_line = parent is not None and is_tei(parent, "l", "p", "ab", "speaker", "stage")
    if ctx.phrasing or inside_line:
        return [make("span", attrs(css_class(element), **common(element, ctx)),
                     ctx.inline().children(element))]
    return lines(element, ctx, "p")


RULES: Mapping[str, Renderer] = {
    "castList": cast_list, "castGroup": cast_group, "castItem": cast_item,
    "role": phrase("span"), "roleDesc": phrase("span"), "actor": phrase("span"),
    "sp": container("div"), "speaker": paragraph("p"), "stage": stage,
    "move": hidden, "set": container("div"),
    **dict.fromkeys(("camera", "sound", "view", "tech", "caption"), stage),
    "performance": container("div"), "prologue": container("div"),
    "epilogue": container("div"), "spGrp": container("div"),
}
"""The drama module's renderers."""
