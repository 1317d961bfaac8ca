"""The parts of a diplomatic document around its text: predicates for single lines.

Editions of diplomatic correspondence (FRUS, British Documents, national archives' series)
frame each document the same way::

    File No. 861.00/1990                      → note[@type=source]   (archive reference)
    The Ambassador in Russia (Francis) to the Secretary of State
                                              → head                 (who to whom)
    [Telegram]                                → opener/seg           (kind label)
    Vologda, May 16, 1918, 7 p.m.             → opener/dateline      (place, date, time)
    [Received May 24, 10.43 a.m.]             → joins the dateline
    No. 9.]                                   → opener/seg           (despatch number)
    … paragraphs, 1. 2. a. b. numbered …
    I am, sir, your obedient servant,         → closer/salute
    Francis                                   → closer/signed
    Hon. William H. Seward, Secretary of State.
                                              → postscript           (addressee at the foot)

Each predicate answers for one stripped line and is conservative: a line that is not
clearly one of these stays a paragraph.
"""

from __future__ import annotations

import re

SOURCE_NOTE = re.compile(
    r"^(?:File No\.\s*\S.{0,80}"
    r"|\d{3}\.[0-9A-Z]{1,6}(?:/[\w.-]{1,12})(?:,\s*[\w/.-]{1,12})*(?::\s*[A-Z][\w —–-]{0,40})?"
    r"|\[(?:Extracts?|Excerpts?)\.?\])$"
)
"""``File No. 861.00/1990``, ``893.24/1679: Telegram``, ``[Extracts.]``."""

KIND_LABEL = re.compile(
    r"^\[(?:Telegram|Cablegram|Cable|Radiogram|Airgram|Aide-M[ée]moire|Memorandum|Note"
    r"|Enclosure|Subenclosure|Attachment|Annex|Translation|Circular|Despatch|Letter"
    r"|Paraphrase)(?:[ —–-]+[\w ]{1,30})?\.?\]\d{0,3}$",
    re.IGNORECASE,
)
"""``[Telegram]``, ``[Telegram—Extract]``, ``[Enclosure]``, ``[Translation.]``; a glued
footnote number may follow."""

RECEIVED = re.compile(r"^\[(?:Received|Rec'd|Recd\.)\b.{0,80}\]$", re.IGNORECASE)
"""``[Received June 10.]`` under a dateline."""

REFERENCE = re.compile(r"^(?:No\.|Nr\.|Despatch No\.|Circular No\.)\s*\d{1,5}[A-Za-z]?\.?\]?$")
"""``No. 9.]``: the despatch number printed in the opener."""

ADDRESSEE = re.compile(
    r"^(?:Hon\.?|The Hon(?:ou?rable|\.)|His Excellency|Her Excellency|Their Excellencies"
    r"|Messrs\.|Monsieur|Herr|Se[ñn]or)\s+\S|\bEsq\.,",
)
"""``Hon. William H. Seward,``, ``His Excellency Monsieur Thouvenel,``,
``William L. Dayton, Esq., &c.``: the addressee written after the signature."""

LABEL_HEAD = re.compile(r"^(?:[A-Z]|[IVX]{1,4}|\d{1,2})\.$")
"""``A.``, ``II.``: the label heading an attachment."""

LETTERED = re.compile(r"^(?P<label>(?P<n>[a-zA-Z])[.)]|\((?P<p>[a-zA-Z])\))\s+\S")
NUMBERED = re.compile(r"^(?P<label>(?P<n>\d{1,3})[.)]|\((?P<p>\d{1,3})\))\s+\S")
"""``1.``, ``1)``, ``(1)`` and ``a.``, ``a)``, ``(a)`` opening a paragraph."""

LIST_HEAD = re.compile(r"^(?P<word>SUBJECT|SUBJECTS|PARTICIPANTS|PRESENT|ATTENDEES|DISTRIBUTION)$")
"""A list's heading alone on its line, its items on the lines under it."""

NOT_SIGNED = re.compile(r"^\[(?:File copy |Copy |Original )?(?:not signed|unsigned)\.?\]$",
                        re.IGNORECASE)
"""``[File copy not signed]``: the editor's word in place of a signature."""

_PARTICLES = frozenset({"de", "da", "del", "della", "di", "du", "la", "le", "van", "von",
                        "der", "den", "y", "e", "bin", "ibn", "al", "el"})
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’-]*\.?|[A-Z]\.(?:[A-Z]\.)*|&)$")


def is_source_note(text: str) -> bool:
    """An archive reference or ``[Extracts.]`` line above or under a document's head."""
    return bool(SOURCE_NOTE.match(text))


def is_kind_label(text: str) -> bool:
    """A bracketed label naming the kind of document: ``[Telegram]``, ``[Enclosure]``."""
    return bool(KIND_LABEL.match(text))


def is_received(text: str) -> bool:
    """``[Received …]``: when the document arrived, printed under its dateline."""
    return bool(RECEIVED.match(text))


def is_reference(text: str) -> bool:
    """A despatch number line such as ``No. 9.]``."""
    return bool(REFERENCE.match(text))


def is_addressee(text: str) -> bool:
    """An addressee line (``Hon. William H. Seward,``) as written at a letter's foot."""
    return len(text.split()) <= 20 and bool(ADDRESSEE.search(text))


def is_label_head(text: str) -> bool:
    """A lone label (``A.``) that heads an attachment."""
    return bool(LABEL_HEAD.match(text))


def is_name(text: str) -> bool:
    """A signature written as a name: ``Gauss``, ``WM. L. DAYTON.``, ``Jerome C. Dunbar2``.

    One to five words, each capitalised (initials and particles such as ``von`` allowed),
    no other punctuation; a glued footnote number may end it.
    """
    stripped = text.strip().rstrip("0123456789")
    parts = stripped.split()
    if not 0 < len(parts) <= 5 or not stripped or not stripped[0].isupper():
        return False
    return all(_NAME_WORD.match(p) or p in _PARTICLES for p in parts)


def heading_words(text: str) -> bool:
    """Short enough to head a document: ``309. Telegram From the Embassy in Korea to …``."""
    return 0 < len(text.split()) <= 30 and len(text) <= 250 and text[-1] not in ",;:"


def sequence_label(text: str) -> tuple[str, str, int] | None:
    """For ``1. text`` / ``(a) text``: (kind, number or letter, label length)."""
    for kind, pattern in (("digit", NUMBERED), ("letter", LETTERED)):
        if match := pattern.match(text):
            label = match.group("n") or match.group("p")
            return kind, label, len(match.group("label"))
    return None


def list_head(text: str) -> str | None:
    """``subject`` / ``participants``… for a list heading such as ``SUBJECT``."""
    match = LIST_HEAD.match(text)
    return match.group("word").lower() if match else None


def is_not_signed(text: str) -> bool:
    """``[File copy not signed]`` where a signature would be."""
    return bool(NOT_SIGNED.match(text))


def follows(previous: str | None, current: str) -> bool:
    """Whether label ``current`` continues a sequence that last used ``previous``:
    ``1`` or ``a``/``A`` start one, then each label is the next number or letter."""
    if previous is None:
        return current in {"1", "a", "A"}
    if current.isdigit() and previous.isdigit():
        return int(current) == int(previous) + 1
    if current.isdigit() or previous.isdigit():
        return False
    return ord(current) == ord(previous) + 1
