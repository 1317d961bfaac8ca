"""Transcribed speech (TEI spoken module): utterances and what happens around them.

``u`` is a turn: a block opened by its speaker's name (:mod:`teikit.exporter.speakers`,
from ``@who``), set like a play's speaker; the ``seg`` elements directly in it are its
paragraphs. A noise, a gesture or an event (``vocal``, ``kinesic``, ``incident``) reads
as its ``desc`` in parentheses and italics, a line of its own between turns, a phrase
within one; a ``pause`` is an ellipsis. Example: ``<u who="#AnnaFisher"><seg>The ferry
is late.</seg></u><kinesic><desc>Laughter.</desc></kinesic>`` gives ``Anna Fisher``,
``The ferry is late.`` and ``(Laughter.)``.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from teikit.exporter.html.render import Context, Node, Renderer, attrs, common, gen, make
from teikit.exporter.html.rules.base import block, css_class, lines
from teikit.exporter.pointers import id_index
from teikit.exporter.speakers import speaker_names
from teikit.tei import is_tei


def document_ids(element: etree._Element, ctx: Context) -> dict[str, etree._Element]:
    if ctx.shared.document_ids is None:
        ctx.shared.document_ids = id_index(element.getroottree().getroot())
    return ctx.shared.document_ids


def utterance(element: etree._Element, ctx: Context) -> list[Node]:
    """``u``: the speaker, then the turn (its segments as paragraphs)."""
    if ctx.phrasing:
        return [make("span", attrs(css_class(element), **common(element, ctx)),
                     ctx.children(element))]
    who = element.get("who") or ""
    content: list[Node] = []
    if who.strip():
        name = speaker_names(who, document_ids(element, ctx))
        content.append(make("p", attrs("speaker gen"), [name]))
    content.extend([element.text] if element.text else [])
    for child in element:
        content.extend(lines(child, ctx, "p") if is_tei(child, "seg") else ctx.render(child))
        if child.tail:
            content.append(child.tail)
    return block(element, ctx, "div", content=content)


def happening(element: etree._Element, ctx: Context) -> list[Node]:
    """``vocal``, ``kinesic``, ``incident``: its description in parentheses."""
    desc = element.find("{http://www.tei-c.org/ns/1.0}desc")
    words = ctx.inline().children(desc) if desc is not None else ctx.inline().children(element)
    parent = element.getparent()
    tag = "span" if ctx.phrasing or (parent is not None and is_tei(parent, "seg")) else "p"
    return [make(tag, attrs(css_class(element, "happening"), **common(element, ctx)),
                 [gen("("), *words, gen(")")])]


def pause(element: etree._Element, ctx: Context) -> list[Node]:
    return [make("span", attrs(css_class(element), **common(element, ctx)), [gen("…")])]


RULES: Mapping[str, Renderer] = {
    "u": utterance, "vocal": happening, "kinesic": happening, "incident": happening,
    "pause": pause,
}
"""The spoken renderers."""
