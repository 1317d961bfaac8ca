"""Names and dates (TEI core and namesdates modules).

Names are ``span``s classed by their TEI name (``persName``, ``placeName`` …); a ``date``
with an ISO ``@when`` becomes an HTML ``time`` with that ``datetime``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree

from teikit.export.html.render import Context, Node, Renderer, attrs, common, make
from teikit.export.html.rules.base import phrase

ISO_DATE = re.compile(r"-?\d{4}(-\d\d(-\d\d)?)?")


def date(element: etree._Element, ctx: Context) -> list[Node]:
    when = element.get("when")
    tag = "time" if when and ISO_DATE.fullmatch(when) else "span"
    return [make(tag, attrs("date", datetime=when if tag == "time" else None,
                            **common(element, ctx)), ctx.inline().children(element))]


RULES: Mapping[str, Renderer] = {
    **dict.fromkeys(("persName", "placeName", "orgName", "name", "rs"), phrase("span")),
    "date": date,
}
"""The names-and-dates renderers."""
