"""Names and dates (TEI core and namesdates modules).

Names are ``span``s classed by their TEI name (``persName``, ``placeName`` …); a ``date``
with an ISO ``@when`` becomes an HTML ``time`` with that ``datetime``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree

from teikit.exporter.html.render import Context, Node, Renderer, attrs, common, make
from teikit.exporter.html.rules.base import container, paragraph, phrase

ISO_DATE = re.compile(r"-?\d{4}(-\d\d(-\d\d)?)?")


def date(element: etree._Element, ctx: Context) -> list[Node]:
    when = element.get("when")
    tag = "time" if when and ISO_DATE.fullmatch(when) else "span"
    return [make(tag, attrs("date", datetime=when if tag == "time" else None,
                            **common(element, ctx)), ctx.inline().children(element))]


NAMES = ("persName", "placeName", "orgName", "name", "rs", "forename", "surname",
         "roleName", "addName", "genName", "nameLink", "geogName", "region", "country",
         "district", "bloc", "placeName", "orgName", "affiliation")

ENTRIES = ("listPerson", "listPlace", "listOrg", "listEvent", "person", "personGrp", "place",
           "org", "event", "listNym", "nym")
"""Lists of people, places, organisations and events, and their entries: blocks."""
FACTS = ("birth", "death", "residence", "occupation", "state", "trait", "population",
         "location", "education", "faith", "langKnowledge", "nationality", "sex", "age",
         "socecStatus", "floruit", "offset", "geo", "category", "catDesc", "taxonomy")
"""What is said of them: lines."""

RULES: Mapping[str, Renderer] = {
    **dict.fromkeys(NAMES, phrase("span")), "date": date,
    **dict.fromkeys(ENTRIES, container("div")), **dict.fromkeys(FACTS, paragraph("p")),
}
"""The names-and-dates renderers."""
