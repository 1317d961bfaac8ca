"""The header's ``encodingDesc`` (how the text was encoded) and ``profileDesc`` (what the
record says about the document: its date, summary, subjects, people, places, hands).

``langUsage`` is added once the text is built (:mod:`teikit.encoder.declare`).
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from teikit._version import __version__
from teikit.encoder import conventions
from teikit.encoder.model import Metadata
from teikit.encoder.profiles import Profile
from teikit.tei import E, xml


def paragraphs(texts: Iterable[str]) -> list[etree._Element]:
    return [E.p(text) for text in texts]


def principal_date(meta: Metadata) -> etree._Element | None:
    """The document's date as ``<date>``: ``@when``, or ``@from``/``@to`` for a range
    (a diary's first entry); None when the record gives none."""
    if not (meta.date_text or meta.date_when or (meta.date_from and meta.date_to)):
        return None
    date = E.date(meta.date_text or "")
    if meta.date_when:
        date.set("when", meta.date_when)
    elif meta.date_from and meta.date_to:
        date.set("from", meta.date_from)
        date.set("to", meta.date_to)
    return date


def encoding_desc(profile: Profile, layout: str, uses_hand: bool) -> etree._Element:
    sentences = [
        f"Encoded with the {profile.name} profile: {profile.description}",
        f"Layout: {layout}. Whitespace inside the text element is the transcript's own.",
    ]
    if "redaction" in profile.rules:
        sentences.append(
            'gap/@reason="redacted" marks text withheld from the original (for example '
            '"not declassified"); the exact marker is kept in desc.')
    if uses_hand:
        sentences.append("Handwritten additions are encoded as add with @hand.")
    sentences.extend(conventions.describe(profile.conventions))
    application = E.application(
        E.label("teikit"),
        E.desc(f"Plain transcript to TEI P5 ({profile.name} profile)."),
        ident="teikit", version=__version__,
    )
    return E.encodingDesc(
        E.appInfo(application),
        E.editorialDecl(E.correction(paragraphs(sentences[:1])[0]),
                        *paragraphs(sentences[1:])),
    )


def text_class(meta: Metadata) -> etree._Element | None:
    """Topics and the subjects the record says the document discusses, as keywords."""
    lists = []
    if meta.topics:
        lists.append(E.keywords(*[E.term(t) for t in meta.topics]))
    if meta.subjects:
        lists.append(E.keywords(*[E.term(s) for s in meta.subjects], n="subjects-discussed"))
    return E.textClass(*lists) if lists else None


def partic_desc(meta: Metadata) -> etree._Element | None:
    people = [p for p in meta.people if p.kind == "person"]
    orgs = [p for p in meta.people if p.kind == "org"]
    if not (people or orgs):
        return None
    partic = E.particDesc()
    if people:
        partic.append(E.listPerson(*[E.person(E.persName(p.name)) for p in people]))
    if orgs:
        partic.append(E.listOrg(*[E.org(E.orgName(o.name)) for o in orgs]))
    return partic


def profile_desc(meta: Metadata, uses_hand: bool) -> etree._Element | None:
    date = principal_date(meta)
    parts = [
        E.creation(date) if date is not None else None,
        E.abstract(*paragraphs(meta.abstract)) if meta.abstract else None,
        text_class(meta),
        partic_desc(meta),
        E.settingDesc(E.listPlace(*[E.place(E.placeName(n)) for n in meta.places]))
        if meta.places else None,
    ]
    if uses_hand:
        note = E.handNote("Handwriting added to the original, marked in the transcript.",
                          script="handwriting")
        note.set(xml("id"), "hand-handwritten")
        parts.append(E.handNotes(note))
    found = [part for part in parts if part is not None]
    return E.profileDesc(*found) if found else None
