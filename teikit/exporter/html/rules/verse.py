"""The TEI verse module: lines with their numbers, and line groups.

``l`` is a line of its own (``div.l``); every fifth line shows its number in the margin:
the last number of its ``@n`` (``1.2.455`` → 455) when it has one, else its position in
its division (the middle and final parts of a line split between speakers, ``@part``
``M``/``F``, are not counted). ``lg`` (a stanza, a song) is a block of lines with space
around it. A ``caesura`` is a pause inside a line: a gap of its own width.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree

from teikit.exporter.counts import whole_number
from teikit.exporter.html.render import Context, Node, Renderer, Shared, attrs, make
from teikit.exporter.html.rules.base import container, lines, phrase
from teikit.tei import local_name

EVERY: int = 5
CONTINUED = ("M", "F")
"""``l/@part`` values of the parts that continue a line begun before (middle, final)."""
LAST_NUMBER = re.compile(r"(\d+)\D*$")


def scope_of(element: etree._Element) -> etree._Element:
    """The division whose lines are counted together (the root when there is none)."""
    for ancestor in element.iterancestors():
        name = local_name(ancestor)
        if name.startswith("div") or name in ("body", "front", "back", "floatingText"):
            return ancestor
    return element.getroottree().getroot()


def line_number(element: etree._Element, shared: Shared) -> str | None:
    """The number to show beside ``element``, or ``None`` (see the module's docstring)."""
    own = element.get("n")
    if own is not None:
        found = LAST_NUMBER.search(own)
        number = (whole_number(found.group(1)) or 0) if found else 0
    else:
        scope = scope_of(element)
        shared.counters[scope] += 1
        number = shared.counters[scope]
    return str(number) if number and number % EVERY == 0 else None


def verse_line(element: etree._Element, ctx: Context) -> list[Node]:
    """``l``: a line, its number in the margin every fifth line. The middle or final part
    of a line shared between speakers (``@part`` ``M`` or ``F``) is no line of its own: it
    is not counted and has no number, and its class says which part it is."""
    part = (element.get("part") or "").upper()
    continued = part in CONTINUED
    number = None if ctx.copy or continued else line_number(element, ctx.shared)
    content = ctx.inline().children(element)
    if number is not None:
        content.insert(0, make("span", attrs("lnum gen", aria_hidden="true"), [number]))
    return lines(element, ctx, "div", *([f"l-part-{part}"] if continued else []),
                 content=content, data_n=element.get("n"))


def caesura(element: etree._Element, ctx: Context) -> list[Node]:
    """``caesura``: a gap in the line (a space when the page is read as text)."""
    return [make("span", attrs("caesura gen"), [" "])]


RULES: Mapping[str, Renderer] = {"l": verse_line, "lg": container("div"), "caesura": caesura,
                                 "rhyme": phrase("span")}
"""The verse module's renderers."""
