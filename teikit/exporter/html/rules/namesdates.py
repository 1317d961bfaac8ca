"""Names and dates (TEI core and namesdates modules), and registers of people, places,
organisations and events.

Names are ``span``s classed by their TEI name (``persName``, ``placeName`` …); a name whose
``@ref`` (or ``@corresp``) points at an entry on the page (``#pmb2121``) links to it, so
the reader of a letter can look up who is meant; an entry's names one after the other are
set apart by commas. A ``date`` with an ISO ``@when`` becomes
an HTML ``time`` with that ``datetime``.

A register (``listPerson``, ``listPlace`` …) standing between blocks gets a heading
(``People``, ``Places`` …) when it has no ``head``; each of its entries is a block, and
what is said of them (``birth``, ``death``, ``occupation`` …) is a line opened by a
label (``Born:``). An identifier that is a web address (``idno`` holding
``https://…``) is a link.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree

from teikit.exporter.html.render import Context, Node, Renderer, attrs, common, gen, make, text_of
from teikit.exporter.html.rules.base import (
    block,
    container,
    css_class,
    followed_by_same,
    lines,
    paragraph,
    phrase,
)
from teikit.exporter.pointers import SAFE_SCHEMES
from teikit.tei import is_tei, local_name

ISO_DATE = re.compile(r"-?\d{4}(-\d\d(-\d\d)?)?")


def date(element: etree._Element, ctx: Context) -> list[Node]:
    when = element.get("when")
    tag = "time" if when and ISO_DATE.fullmatch(when) else "span"
    return [make(tag, attrs("date", datetime=when if tag == "time" else None,
                            **common(element, ctx)), ctx.inline().children(element))]


def name(element: etree._Element, ctx: Context) -> list[Node]:
    """A name; a link to its register entry when its ``@ref``/``@corresp`` points at one
    on the page (and it is not inside a link already, or inside that entry)."""
    parent = element.getparent()
    listed = parent is not None and is_tei(parent, *ENTRIES) and followed_by_same(
        element, typed=False)  # a place's or a person's names, one after the other
    span = [*phrase("span")(element, ctx), *([gen(",")] if listed else [])]
    target = next((t for t in (element.get("ref") or element.get("corresp") or "").split()
                   if t.startswith("#")), "")
    pointed = ctx.shared.targets.get(target[1:]) if target else None
    if pointed is None or pointed in element.iterancestors() or any(
            local_name(a) in ("ref", "ptr") for a in element.iterancestors()):
        return span
    return [make("a", attrs("name-link", href=f"#{ctx.shared.html_ids[pointed]}"), span)]


def identifier(element: etree._Element, ctx: Context) -> list[Node]:
    """``idno``: a link when it is a web address."""
    address = text_of(element).strip()
    if address.startswith(SAFE_SCHEMES) and not any(child.tag for child in element
                                                     if isinstance(child.tag, str)):
        return [make("a", attrs(css_class(element), href=address, rel="noopener",
                                **common(element, ctx)), ctx.inline().children(element))]
    return phrase("span")(element, ctx)


REGISTERS = {"listPerson": "People", "listPlace": "Places", "listOrg": "Organisations",
             "listEvent": "Events", "listNym": "Names", "listObject": "Objects"}


def register(element: etree._Element, ctx: Context) -> list[Node]:
    """A register: its heading (generated when it has none), then its entries."""
    if ctx.phrasing or any(is_tei(child, "head") for child in element):
        return container("div")(element, ctx)
    depth = sum(1 for a in element.iterancestors() if local_name(a).startswith("div"))
    level = min(6, 2 + depth + ctx.heading_offset)
    title = make(f"h{level}", attrs("gen register-head"), [REGISTERS[local_name(element)]])
    return block(element, ctx, "div", content=[title, *ctx.children(element)])


FACTS = {"birth": "Born", "death": "Died", "floruit": "Active", "residence": "Residence",
         "occupation": "Occupation", "education": "Education", "faith": "Faith",
         "nationality": "Nationality", "langKnowledge": "Languages", "geo": "Coordinates",
         "population": "Population", "socecStatus": "Status"}
"""What is said of an entry, and the label its line opens with."""


def fact(element: etree._Element, ctx: Context) -> list[Node]:
    """A line of what is said of an entry, opened by its label (nothing when empty)."""
    content = ctx.inline().children(element)
    if not any(not isinstance(n, str) or n.strip() for n in content):
        return lines(element, ctx, "p", content=content)
    label = gen(f"{FACTS[local_name(element)]}: ", "label")
    return lines(element, ctx, "p", content=[label, *content])


NAMES = ("persName", "placeName", "orgName", "name", "rs", "forename", "surname",
         "roleName", "addName", "genName", "nameLink", "geogName", "region", "country",
         "district", "bloc", "affiliation")

ENTRIES = ("person", "personGrp", "place", "org", "event", "nym", "object", "persona")
"""Entries of a register: blocks."""
LINES = ("state", "trait", "location", "sex", "age", "offset", "category", "catDesc",
         "taxonomy", "eventName", "relation", "terrain", "climate", "geogFeat", "persPronouns",
         "gender", "objectIdentifier")
"""Other things said of them: lines."""

RULES: Mapping[str, Renderer] = {
    **dict.fromkeys(NAMES, name), "date": date, "idno": identifier,
    **dict.fromkeys(REGISTERS, register), **dict.fromkeys(ENTRIES, container("div")),
    **dict.fromkeys(FACTS, fact), **dict.fromkeys(LINES, paragraph("p")),
    "objectName": phrase("span"), "langKnown": phrase("span"), "listRelation": container("div"),
}
"""The names-and-dates renderers."""
