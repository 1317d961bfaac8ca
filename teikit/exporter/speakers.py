"""Who speaks an utterance (TEI spoken module): the name for a ``u``'s ``@who``.

A transcript of speech (a parliament's proceedings, an interview) gives each utterance a
``@who`` pointing at a person (``#IvanSmith.1941``), who may be described in the document
(a ``person`` in the header's ``particDesc``, a register) or in another file. The name
shown is that person's first name element (``persName``, ``orgName``, ``name``) when the
document has them, else the pointer made readable: without ``#``, words of a CamelCase
or snake_case id set apart (``IvanSmith.1941`` → ``Ivan Smith.1941``). A ``@who`` written
as prose rather than pointers (``Bugár, Béla, vice-chair``: commas, no ``#``) is shown as
it stands.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from teikit.tei import NAMESPACES


def readable(pointer: str) -> str:
    """``#IvanSmith.1941`` → ``Ivan Smith.1941``; ``#jan_novak`` → ``jan novak``."""
    ident = pointer.lstrip("#").rsplit("/", 1)[-1].split("#")[-1]
    spaced = ident.replace("_", " ")
    return "".join(c if not (i and c.isupper() and spaced[i - 1].islower()) else f" {c}"
                   for i, c in enumerate(spaced))


def person_name(entry: etree._Element) -> str:
    """The first name element of a ``person``, ``personGrp`` or ``org`` ("" when none)."""
    found = entry.xpath("(tei:persName | tei:orgName | tei:name)[1]", namespaces=NAMESPACES)
    if not isinstance(found, list) or not found or not isinstance(found[0], etree._Element):
        return ""
    return " ".join(part.strip() for part in map(str, found[0].itertext()) if part.strip())


def is_prose(who: str) -> bool:
    """Whether ``who`` is a name written out (``Lunn, Mary``), not a list of pointers."""
    return "," in who and not any(token.startswith("#") or ":" in token or "/" in token
                                  for token in who.split())


def speaker_names(who: str, ids: Mapping[str, etree._Element]) -> str:
    """The names of the speakers ``who`` points at, joined by ' and '."""
    if is_prose(who):
        return " ".join(who.split())
    names = []
    for pointer in who.split():
        entry = ids.get(pointer[1:]) if pointer.startswith("#") else None
        names.append((person_name(entry) if entry is not None else "") or readable(pointer))
    return " and ".join(names)
