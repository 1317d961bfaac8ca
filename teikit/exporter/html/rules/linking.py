"""The TEI linking module: anonymous blocks and segments, and references.

``ab`` is a paragraph, ``seg`` a ``span`` (a row of segments standing between blocks, as
:mod:`teikit.exporter.segments` defines it, a line whose parts are set apart); ``ref``
and ``ptr`` are rendered by :mod:`..links`, which links references and the elements they
point at both ways. An XInclude left in the document (its file was not found when it was
read) shows its ``xi:fallback`` when it has one, else a generated note naming the file.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from teikit.exporter.html import links
from teikit.exporter.html.render import Context, Node, Renderer, attrs, gen, make
from teikit.exporter.html.rules.base import lines, paragraph, phrase
from teikit.exporter.segments import is_row


def seg(element: etree._Element, ctx: Context) -> list[Node]:
    """A segment; a row of segments between blocks is a line, a space between its parts."""
    if ctx.phrasing or not is_row(element):
        return phrase("span")(element, ctx)
    inner = ctx.inline()
    content: list[Node] = []
    for child in element:
        rendered = inner.render(child)
        if content and rendered and is_row_part(child):
            content.append(gen(" "))
        content.extend(rendered)
    return lines(element, ctx, "p", "row", content=content)


def is_row_part(element: etree._Element) -> bool:
    return isinstance(element.tag, str) and element.tag.endswith("}seg")


XINCLUDE = "{http://www.w3.org/2001/XInclude}"


def xinclude(element: etree._Element, ctx: Context) -> list[Node]:
    """``xi:include`` not resolved: its fallback's content, or "(not included: file)";
    ``xi:fallback`` met elsewhere: its content."""
    if element.tag == f"{XINCLUDE}fallback":
        return ctx.children(element)
    fallback = element.find(f"{XINCLUDE}fallback")
    if fallback is not None:
        return ctx.children(fallback)
    note = gen(f"(not included: {element.get('href') or 'no file named'})", "xinclude")
    return [note] if ctx.phrasing else [make("p", attrs("xinclude"), [note])]


RULES: Mapping[str, Renderer] = {"ab": paragraph("p"), "seg": seg, "ref": links.ref,
                                 "ptr": links.ptr, XINCLUDE: xinclude}
"""The linking module's renderers."""
