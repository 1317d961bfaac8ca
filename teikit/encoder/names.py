"""Names as archive catalogues write them: ``Kovalenko, Petr`` → ``persName`` with its parts.

A catalogue names a person surname first: ``Surname, Forename`` (perhaps followed by life
dates: ``Kovalenko, Petr, 1910–1985``). :func:`catalogue_name` keeps the name exactly as
given and marks its parts::

    <persName><surname>Kovalenko</surname>, <forename>Petr</forename></persName>

A name of another shape (``Ministry of Foreign Affairs``, ``Embassy of Hungary, Hanoi``)
is not taken apart: it is returned as None and stays plain text where it is used.
"""

from __future__ import annotations

import re

from lxml import etree

from teikit.tei import E, tei

_PART = r"[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3}"
CATALOGUE = re.compile(
    rf"(?P<surname>{_PART}),\s+(?P<forename>{_PART})(?P<dates>,\s*[\d\s?.–—-]+)?")
"""``Surname, Forename`` (one to four words each), optionally ``, dates``."""
CORPORATE = frozenset({
    "academy", "agency", "army", "association", "bureau", "command", "commission",
    "committee", "consulate", "council", "department", "embassy", "government", "institute",
    "legation", "ministry", "mission", "office", "organisation", "organization", "party",
    "press", "republic", "section", "service", "union",
})
"""Words that make a name an organisation's, which is never taken apart."""


def catalogue_name(text: str) -> etree._Element | None:
    """``persName`` with ``surname`` and ``forename`` for ``text`` in catalogue form, the
    text itself unchanged (life dates excepted, which the caller keeps after it)."""
    match = CATALOGUE.fullmatch(text.strip())
    if match is None:
        return None
    words = re.findall(r"[^\W\d_]+", f"{match['surname']} {match['forename']}".lower())
    if any(word in CORPORATE for word in words):
        return None
    name = E.persName(E.surname(match["surname"]), E.forename(match["forename"]))
    name[0].tail = text.strip()[match.end("surname") : match.start("forename")]
    return name


def author(text: str) -> etree._Element:
    """``<author>`` for one line of a record's ``Author(s):`` list, as given."""
    text = text.strip()
    name = catalogue_name(text)
    if name is None:
        return E.author(text)
    found = CATALOGUE.fullmatch(text)
    name.tail = found["dates"] if found is not None and found["dates"] else None
    return E.author(name)


def tidy(header: etree._Element) -> None:
    """Indent ``header`` for reading, keeping the text of names exact: indenting would put
    line breaks inside a ``persName`` made of parts and around an ``author``'s name."""
    etree.indent(header, space="  ", level=1)
    for element in header.iter(tei("author"), tei("persName")):
        if len(element) and not (element.text or "").strip():
            element.text = None
        if len(element) and not (element[-1].tail or "").strip():
            element[-1].tail = None
