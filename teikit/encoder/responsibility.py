"""Who the TEI's ``@resp`` pointers name: a ``respStmt`` with that ``xml:id`` for each one.

teikit writes ``resp="#editor"`` on the editors' insertions and remarks, ``#translator`` on
the translator's notes, ``#transcriber`` on a crowd transcription's insertions, and a
profile's declared convention may name another. Every such pointer must resolve, so the
``titleStmt`` gets one ``respStmt`` per responsibility the text uses (and per one the profile
names people for)::

    <respStmt xml:id="editor">
      <resp>editorial interventions in the transcript: insertions, remarks, corrections</resp>
      <name>A. Example</name>
    </respStmt>

The people come from the profile's ``[people]`` table (``editor = "A. Example"``, or a list
of names); a responsibility nobody is named for says who holds it in words (``the editors``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from lxml import etree

from teikit.diagnostics import ConfigError
from teikit.tei import E, tei, xml

ROLES: dict[str, tuple[str, str]] = {
    "editor": ("editorial interventions in the transcript: insertions, remarks, corrections",
               "the editors"),
    "translator": ("translation, and the translator's notes", "the translator"),
    "transcriber": ("transcription, and the transcriber's insertions", "the transcriber"),
}
"""The responsibilities teikit writes pointers to: what each covers, and who holds it when
the profile names nobody."""
ID = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


def people(raw: object, origin: str) -> dict[str, tuple[str, ...]]:
    """The profile's ``[people]`` table, checked: an ``xml:id`` → one name or a list."""
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{origin}: 'people' must be a table (editor = \"A. Example\")")
    found: dict[str, tuple[str, ...]] = {}
    for key, value in raw.items():
        names = [value] if isinstance(value, str) else value
        if not ID.fullmatch(key):
            raise ConfigError(f"{origin}: people: {key!r} cannot be an xml:id")
        if not isinstance(names, list) or not names or not all(
                isinstance(n, str) and n.strip() for n in names):
            raise ConfigError(f"{origin}: people: {key!r} must be a name or a list of names")
        found[key] = tuple(n.strip() for n in names)
    return found


def used(text: etree._Element) -> list[str]:
    """The ``xml:id`` values the local ``@resp`` pointers of ``text`` name, in order."""
    found: dict[str, None] = {}
    for element in text.iter():
        for pointer in (element.get("resp") or "").split():
            if pointer.startswith("#") and ID.fullmatch(pointer[1:]):
                found[pointer[1:]] = None
    return list(found)


def statements(ids: Iterable[str], people: Mapping[str, tuple[str, ...]]
               ) -> list[etree._Element]:
    """A ``respStmt`` for each of ``ids``."""
    made = []
    for ident in ids:
        covers, holder = ROLES.get(ident, (f"the responsibility {ident!r} the profile names",
                                           ident))
        names = people.get(ident) or (holder,)
        statement = E.respStmt(E.resp(covers), *[E.name(n) for n in names])
        statement.set(xml("id"), ident)
        made.append(statement)
    return made


def declare(header: etree._Element, text: etree._Element,
            people: Mapping[str, tuple[str, ...]]) -> None:
    """Add to ``header``'s ``titleStmt`` a ``respStmt`` for every responsibility ``text``
    points to or ``people`` names that no element of the document has as ``xml:id`` yet
    (so declaring twice changes nothing)."""
    title_stmt = header.find(f"{tei('fileDesc')}/{tei('titleStmt')}")
    if title_stmt is None:
        return
    root = header.getparent()
    top = root if root is not None else header
    known = {value for element in top.iter() if (value := element.get(xml("id")))}
    wanted = [i for i in dict.fromkeys([*used(text), *people]) if i not in known]
    software = next((stmt for stmt in title_stmt.iterfind(tei("respStmt"))
                     if stmt.find(f"{tei('name')}[@type='software']") is not None), None)
    for statement in statements(wanted, people):
        if software is not None:
            software.addprevious(statement)
        else:
            title_stmt.append(statement)
