"""The family a document belongs to, and the names of its divisions.

The family is read from the roles found, not from wording alone: dated headings over
running text make a diary; the kind of document its heading or banner names
(``MINUTES``, ``Memorandum of Conversation``, ``TELEGRAM``, ``Report on …``) names
it; a salutation with a closing or a signature makes a letter, even under a subject
line; fields and participant lists a memorandum; a document in capitals with routing
lines a telegram. The first division is ``div[@type=FAMILY]``; the ones after it are
``div[@type=enclosure]`` with the kind their heading names as ``@subtype``, all numbered
when there are several.
"""

from __future__ import annotations

from collections.abc import Sequence

from teikit.encoder.layout.divs import DivBuilder
from teikit.encoder.layout.principal import first_document
from teikit.encoder.roles.grammar import Decision
from teikit.encoder.roles.lexicon import lexicon, mapping


def _named_kind(decisions: Sequence[Decision]) -> str | None:
    for decision in decisions:
        if decision.role in {"kind", "heading", "conventions"} or (
                decision.role == "field" and decision.line.known_label is None):
            words = [w for w in decision.line.words if not w[:1].isdigit()]
            for start in range(min(3, len(words))):
                hit = lexicon("kind_words").at(tuple(words), start)
                kinds = mapping("families")
                if hit is not None and hit.split()[-1] in kinds:
                    return kinds[hit.split()[-1]]
                if hit is not None and hit.split()[0] in kinds:
                    return kinds[hit.split()[0]]
    return None


def family(decisions: Sequence[Decision]) -> str:
    """The family of the document the decisions describe."""
    roles = {decision.role for decision in decisions}
    if sum(d.role in {"entry-date", "entry-text"} for d in decisions) >= 2:
        return "diary"
    first = first_document(decisions)
    named = _named_kind(first)
    if named is not None and named != "diary":
        return named
    if "routing" in roles:
        return "telegram"
    letter = "salute" in roles and bool({"closing", "signer", "sign-mark"} & roles)
    if letter and "participant" not in roles:
        return "letter"  # a letter's subject line (``Re: …``) does not make it a memorandum
    if {"field", "field-head", "participant"} & roles:
        return "memorandum"
    if {"salute", "closing", "signer", "sign-mark"} & roles:
        return "letter"
    if any(d.role == "dateline" and d.zone == "top" for d in first) and "heading" not in roles:
        return "letter"
    if roles <= {"paragraph", "page", "mark"}:
        return "plain"
    return "document"


def name_divisions(divs: Sequence[DivBuilder], kind: str) -> None:
    """``div[@type=FAMILY]``, then ``enclosure`` divisions; numbered when several."""
    for number, div in enumerate(divs):
        if number == 0:
            signed = {"salute", "closing", "signer", "sign-mark"} & {
                d.role for d in div.decisions}
            plain = kind == "plain" or (kind == "letter" and not signed)
            div.spec.attrs["type"] = "document" if plain else kind
        else:
            div.spec.attrs["type"] = "enclosure"
            sub = _named_kind(div.decisions)
            if sub is not None:
                div.spec.attrs["subtype"] = sub
        if len(divs) > 1:
            div.spec.attrs["n"] = str(number + 1)
