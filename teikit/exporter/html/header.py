"""What the page says about the document, read from the ``teiHeader``.

:func:`read_record` gathers the facts a reader looks for (title, date, a letter's sender and
addressee, source, archive,
funder, summary, keywords, people, places, rights, the editorial method and the teikit
version) into a :class:`Record`; :func:`record_panel` renders them as a definition list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from teikit.exporter.html.render import Node, attrs, make, text_of
from teikit.tei import NAMESPACES, TEIKIT_NS, xml


@dataclass(frozen=True)
class Record:
    """The header facts shown on the page (empty strings and lists when absent)."""

    title: str = ""
    date: str = ""
    date_when: str = ""
    source: str = ""
    archive: str = ""
    publisher: str = ""
    idnos: list[str] = field(default_factory=list)
    funders: list[str] = field(default_factory=list)
    abstract: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    rights: list[str] = field(default_factory=list)
    rights_status: str = ""
    method: list[str] = field(default_factory=list)
    hands: list[str] = field(default_factory=list)
    encoder: str = ""
    transcript: str = ""
    language: str = ""
    correspondence: list[tuple[str, str]] = field(default_factory=list)
    """A letter's ``correspDesc``: (From, To …, who, where and when) per ``correspAction``."""


def _texts(root: etree._Element, path: str) -> list[str]:
    found = root.xpath(path, namespaces=NAMESPACES)
    items = found if isinstance(found, list) else []
    texts = (" ".join(text_of(e).split()) for e in items if isinstance(e, etree._Element))
    return [text for text in texts if text]


def _first(root: etree._Element, *paths: str) -> str:
    for path in paths:
        texts = _texts(root, path)
        if texts:
            return texts[0]
    return ""


def _attr(root: etree._Element, path: str, name: str) -> str:
    found = root.find(path, NAMESPACES)
    return (found.get(name) or "") if found is not None else ""


ACTIONS = {"sent": "From", "received": "To", "forwarded": "Forwarded", "redirected":
           "Redirected", "transmitted": "Carried by"}
"""A ``correspAction``'s ``@type`` and the label of its line."""


def correspondence(root: etree._Element) -> list[tuple[str, str]]:
    """(label, "who, where, when") for each ``correspAction`` of the header."""
    out = []
    actions = root.xpath("tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction",
                         namespaces=NAMESPACES)
    for action in actions if isinstance(actions, list) else []:
        if not isinstance(action, etree._Element):
            continue
        who = " and ".join(_texts(action, "tei:persName | tei:orgName | tei:name | tei:rs"))
        facts = [who, *_texts(action, "tei:placeName | tei:settlement"),
                 *_texts(action, "tei:date")]
        kind = action.get("type") or ""
        label = ACTIONS.get(kind, kind.capitalize() or "Correspondence")
        if any(facts):
            out.append((label, ", ".join(fact for fact in facts if fact)))
    return out


def read_record(root: etree._Element) -> Record:
    """The facts of ``root``'s ``teiHeader`` (a TEI element)."""
    header = "tei:teiHeader/"
    dates = (f"{header}tei:profileDesc/tei:creation/tei:date", f"{header}tei:fileDesc/"
             "tei:sourceDesc//tei:date")
    application = f"{header}tei:encodingDesc/tei:appInfo/tei:application[@ident='teikit']"
    version = _attr(root, application, "version")
    return Record(
        title=_first(root, f"{header}tei:fileDesc/tei:titleStmt/tei:title[@type='main']",
                     f"{header}tei:fileDesc/tei:titleStmt/tei:title",
                     f"{header}tei:fileDesc/tei:sourceDesc//tei:title") or
        " ".join((root.get(xml("id")) or "").split()),
        date=_first(root, *dates),
        date_when=next((w for p in dates if (w := _attr(root, p, "when"))), ""),
        source=_first(root, f"{header}tei:fileDesc/tei:sourceDesc//tei:note[@type='source']"),
        archive=_first(root, f"{header}tei:fileDesc/tei:sourceDesc//"
                             "tei:note[@type='original-archive']"),
        publisher=_first(root, f"{header}tei:fileDesc/tei:publicationStmt/tei:publisher"),
        idnos=_texts(root, f"{header}tei:fileDesc/tei:publicationStmt/tei:idno"),
        funders=_texts(root, f"{header}tei:fileDesc/tei:titleStmt/tei:funder"),
        abstract=_texts(root, f"{header}tei:profileDesc/tei:abstract/tei:p"),
        keywords=_texts(root, f"{header}tei:profileDesc/tei:textClass//tei:term"),
        people=_texts(root, f"{header}tei:profileDesc//tei:person/tei:persName"),
        organisations=_texts(root, f"{header}tei:profileDesc//tei:org/tei:orgName"),
        places=_texts(root, f"{header}tei:profileDesc//tei:place/tei:placeName"),
        rights=_texts(root, f"{header}tei:fileDesc/tei:publicationStmt/tei:availability/*"),
        rights_status=_attr(root, f"{header}tei:fileDesc/tei:publicationStmt/tei:availability",
                            "status"),
        method=_texts(root, f"{header}tei:encodingDesc/tei:editorialDecl//tei:p"),
        hands=_texts(root, f"{header}tei:profileDesc/tei:handNotes/tei:handNote"),
        encoder=f"teikit {version}".strip() if version else "",
        transcript=_attr(root, f"{header}tei:xenoData/{{{TEIKIT_NS}}}source", "name"),
        language=root.get(xml("lang")) or _attr(root, "tei:text", xml("lang")),
        correspondence=correspondence(root),
    )


def _entry(term: str, values: Sequence[Node], classes: str = "") -> list[Node]:
    if not values:
        return []
    return [make("dt", {}, [term]), make("dd", attrs(classes or None), list(values))]


def _tags(values: list[str]) -> list[Node]:
    return [make("ul", attrs("tags"), [make("li", {}, [v]) for v in values])] if values else []


def _date(record: Record) -> list[Node]:
    if not record.date:
        return []
    if record.date_when:
        return [make("time", attrs(datetime=record.date_when), [record.date])]
    return [record.date]


def record_panel(record: Record, source_name: str | None) -> etree._Element | None:
    """The "About this document" section of the page's sidebar (none when the header
    gives nothing to show under it)."""
    transcript = source_name or record.transcript
    entries = [
        *_entry("Date", _date(record)),
        *[entry for label, text in record.correspondence for entry in _entry(label, [text])],
        *_entry("Source", [record.source] if record.source else []),
        *_entry("Archive", [record.archive or record.publisher] if record.archive or
                record.publisher else []),
        *_entry("Record", [", ".join(record.idnos)] if record.idnos else []),
        *_entry("Funding", [", ".join(record.funders)] if record.funders else []),
        *_entry("Keywords", _tags(record.keywords)),
        *_entry("People", _tags(record.people)),
        *_entry("Organisations", _tags(record.organisations)),
        *_entry("Places", _tags(record.places)),
    ]
    content: list[Node] = [make("h2", attrs(id="about"), ["About this document"])]
    content.extend(make("p", attrs("abstract"), [text]) for text in record.abstract)
    if entries:
        content.append(make("dl", attrs("facts"), entries))
    if record.rights:
        status = f" ({record.rights_status})" if record.rights_status else ""
        rights = [make("p", {}, [text]) for text in record.rights]
        content.append(make("details", attrs("rights"), [make("summary", {}, [
            f"Rights and reuse{status}"]), *rights]))
    if record.method or record.hands:
        method = [make("p", {}, [text]) for text in [*record.method, *record.hands]]
        content.append(make("details", attrs("method"), [make("summary", {}, [
            "Editorial method"]), *method]))
    colophon = [part for part in (
        f"Transcript: {transcript}" if transcript else "",
        f"Encoded with {record.encoder}" if record.encoder else "",
    ) if part]
    if colophon:
        content.append(make("p", attrs("colophon"), [" · ".join(colophon)]))
    if len(content) == 1:
        return None
    return make("section", attrs("record", aria_labelledby="about"), content)
