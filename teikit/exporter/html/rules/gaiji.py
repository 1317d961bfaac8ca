"""Declarations of characters and glyphs (TEI gaiji module: ``charDecl``).

A ``charDecl`` printed in the text (a manual, a table of a project's characters) is a
block; each ``char`` or ``glyph`` a line of what declares it, apart by semicolons: its
name, each ``mapping`` (after its ``@type``), each property (``localProp``,
``unicodeProp``, ``unihanProp``: ``name: value``, which they hold as attributes)::

    <glyph xml:id="dipunct"><glyphName>DIPUNCT</glyphName><mapping type="standard">⁚
    </mapping><localProp name="entity" value="dipunct"/></glyph>
    →  <div class="glyph">DIPUNCT; standard: ⁚; entity: dipunct</div>
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from teikit.exporter.html.render import Context, Node, Renderer, attrs, common, gen, make
from teikit.exporter.html.rules.base import container, css_class, lines, phrase

PROPERTIES = ("localProp", "unicodeProp", "unihanProp")


def declared(element: etree._Element, ctx: Context) -> list[Node]:
    """``char``, ``glyph``: a line of the parts that declare it, apart by semicolons."""
    parts = [(rendered, child.tail or "") for child in element
             if (rendered := ctx.inline().render(child))]
    content: list[Node] = []
    for number, (rendered, tail) in enumerate(parts):
        content.extend(rendered)
        if number < len(parts) - 1:  # the source's own space, else a generated one
            content.extend([gen(";"), tail] if tail.strip() == "" and tail else [gen("; ")])
    return lines(element, ctx, "div", content=content)


def mapping(element: etree._Element, ctx: Context) -> list[Node]:
    """``mapping``: the character, after its ``@type`` (``standard: ·``)."""
    kind = (element.get("type") or "").strip()
    content = ctx.inline().children(element)
    return [make("span", attrs(css_class(element), **common(element, ctx)),
                 [gen(f"{kind}: "), *content] if kind else content)]


def prop(element: etree._Element, ctx: Context) -> list[Node]:
    """``localProp`` and the like: ``name: value`` (attributes: no words of the text)."""
    name, value = (element.get(a, "").strip() for a in ("name", "value"))
    shown = ": ".join(part for part in (name, value) if part)
    return [make("span", attrs(css_class(element), **common(element, ctx)),
                 [gen(shown)] if shown else [])]


RULES: Mapping[str, Renderer] = {
    "charDecl": container("div"), "char": declared, "glyph": declared, "mapping": mapping,
    **dict.fromkeys(PROPERTIES, prop),
    **dict.fromkeys(("charName", "glyphName", "charProp", "unicodeName", "localName",
                     "value"), phrase("span")),
}
