"""Parts of a TEI header quoted in a text: a manual's examples, a corpus's description of
its recordings or its texts, a letter's correspondence description printed with it.

The page's record panel reads the header itself (:mod:`teikit.exporter.html.header`);
these rules are for the same elements met in the text (or in a source description the
page renders). A group of parts (a ``recordingStmt``, a ``titleStmt``) is a block, each
part a block or a line of its own (``div.part``: a title, an author); a statement (a
``channel``, a ``correspAction``, a ``change``) a ``div`` of phrases, or of blocks when
it holds paragraphs. Inside a paragraph each is a ``span`` set apart as a block.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from lxml import etree

from teikit.exporter.headerparts import GROUPS, STATEMENTS
from teikit.exporter.html.notes import BLOCK_CHILDREN
from teikit.exporter.html.render import Context, Node, Renderer, attrs, make
from teikit.exporter.html.rules.base import block, lines
from teikit.tei import is_tei

NAMES: Final = GROUPS | STATEMENTS


def holds_blocks(element: etree._Element) -> bool:
    return any(is_tei(child, *BLOCK_CHILDREN, *NAMES) for child in element)


def statement(element: etree._Element, ctx: Context) -> list[Node]:
    """A statement: a block of blocks when it holds any, else a block of phrases."""
    if not ctx.phrasing and holds_blocks(element):
        return block(element, ctx, "div")
    return lines(element, ctx, "div", "blk" if ctx.phrasing else "")


def group(element: etree._Element, ctx: Context) -> list[Node]:
    """A group of parts: a block, each part that is no block of its own a line (a
    ``titleStmt``'s title, author and editor)."""
    content: list[Node] = [element.text] if element.text else []
    for child in element:
        rendered = ctx.render(child)
        if is_tei(child, *BLOCK_CHILDREN, *NAMES) or not isinstance(child.tag, str):
            content.extend(rendered)
        elif rendered:
            content.append(make("span" if ctx.phrasing else "div",
                                attrs("part blk" if ctx.phrasing else "part"), rendered))
        if child.tail:
            content.append(child.tail)
    return block(element, ctx, "div", content=content)


RULES: Mapping[str, Renderer] = {**dict.fromkeys(STATEMENTS, statement),
                                 **dict.fromkeys(GROUPS, group)}
