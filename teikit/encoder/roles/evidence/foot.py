"""Evidence for a document's foot: the closing formula, signature marks, signers and the
offices beside them, postscripts and the short lines a foot holds."""

from __future__ import annotations

import re
from collections.abc import Callable

from teikit.encoder.roles import shapes
from teikit.encoder.roles.evidence.base import Context, Evidence
from teikit.encoder.roles.features import Line
from teikit.encoder.roles.lexicon import lexicon, tokens
from teikit.encoder.roles.names import (
    SIGNED_BY_HAND,
    name_likeness,
    office_compound,
    person_lead,
    trailing_name,
)

_TYPIST = re.compile(r"^[A-ZÀ-Þ]{1,4}(?:/[A-Za-zÀ-þ]{1,4}){1,2}$|^[A-ZÀ-Þ]{1,4}:[a-zß-þ]{1,4}$"
                     r"|^[A-Z]{1,5}(?:/[A-Z]{1,5})?:[A-Z][A-Za-z.]{1,24}:[a-z]{1,4}"
                     r"(?:\s+\d{1,2}/\d{1,2}/\d{2,4})?$")
"""``JM/kt``, ``JMT:ps``: the initials of the writer and the typist under a letter; an
office's drafting symbol with the drafter and the typist, and the date (``E:RAPenfold:lkt
3/15/62``)."""


def closing(ctx: Context, line: Line) -> Evidence | None:
    if line.size > 25 or ctx.before_text(line):
        return None
    ev = Evidence()
    formula = line.starts("closings") or (line.has("closings") if line.size <= 25 else None)
    if formula and line.sentence and " " not in formula and not line.starts("closings"):
        formula = None  # "The agency regards the offer as …": a verb, not "Kind regards"
    if formula:
        ev.add(2.5, f"closing formula '{formula}'")
    elif line.end == "," and line.size <= 6 and _continues_closing(ctx, line):
        ev.add(2.0, "continues the closing formula")
    elif line.end == "," and line.size <= 6 and _above_signature(ctx, line):
        ev.add(1.5, "a short line with a comma above the signature")
    elif line.size <= 4 and line.text[:1].islower() and not (
            line.per_procuration or _COPY_MARK.match(line.text)):
        ev.add(0.5, "a short lower-case line")
    else:
        return None
    if line.end in ",!:":
        ev.add(0.5, "ends with a comma")
    if _valediction_with_name(line):
        ev.add(-1.5, "ends with a name: the signature")
    if ctx.after_text(line):
        ev.add(1.0, "after the text")
    return ev

def _continues_closing(ctx: Context, line: Line) -> bool:
    """Whether the short lines ending with commas just above ``line`` go back to a
    closing formula (``I have the honour to be,`` / ``Sir,`` / ``Your obedient,``)."""
    above = ctx.prev(line)
    for _ in range(4):
        if above is None or above.end != "," or above.size > 10:
            return False
        if above.starts("closings") or above.has("closings"):
            return True
        above = ctx.prev(above)
    return False

def _above_signature(ctx: Context, line: Line) -> bool:
    after = ctx.next(line)
    return after is not None and (after.name >= 0.45 or shapes.SIGNATURE_MARK.match(
        after.text) is not None or (bool(after.has("role_words")) and not after.sentence))


def sign_mark(ctx: Context, line: Line) -> Evidence | None:
    if shapes.SIGNATURE_MARK.match(line.text) or shapes.NOT_SIGNED.match(line.text):
        return Evidence().add(4.0, "a signature mark")
    signed = _SIGNED_LETTER.match(line.text)
    if signed and ctx.after_text(line) and name_likeness(line.text[signed.end():]) >= 0.75:
        return Evidence().add(3.0, "'a)' (signed) before a name")
    below = ctx.next(line)
    if (_SIGN_HERE.match(line.text) and below is not None and ctx.after_text(line)
            and max(below.name, below.name_and_office) >= 0.75):
        return Evidence().add(3.0, "a line to sign on, over a name")
    return None


_SIGN_HERE = re.compile(r"^(?:_{4,}|\.{6,}|…{3,})$")
"""``__________`` or ``..........`` over a typed name: the line left for the signature."""


_SIGNED_LETTER = re.compile(r"^a\)\s+(?=[^\W\d_])")
"""``a) Henrique Paiva``: Portuguese *assinado*, the copy's word that the name signed (an
item's letter only before running text, not before a name alone)."""

_YOUR = frozenset({"your", "yours", "tua", "tuo", "tu", "ta", "ton", "dein", "deine",
                   "twoja", "twój", "tvoje", "tvůj"})
"""``your Nives``, ``tua Nives``, ``deine Anna``: the possessive a letter to one's own
signs off with before a first name."""


def _valediction_with_name(line: Line) -> bool:
    """``your brother Vittorio``, ``your Nives``: a closing formula with the name at its
    end."""
    words = line.text.rstrip(".,!").split()
    if len(words) < 2 or line.end in ",:" or not words[-1][:1].isupper():
        return False
    if len(words) == 2 and words[0].lower() in _YOUR:
        return name_likeness(words[-1]) >= 0.45
    return (line.starts("closings") is not None and name_likeness(words[-1]) >= 0.45
            and lexicon("closings").prefix(tokens(words[-1])) is None)  # "Patria o Muerte.
    # Venceremos.": two formulas, no name


def _signs_off(line: Line) -> bool:
    """``Warm greetings to you and Trees, from the three of us, your Kees``: a long closing
    formula whose last clause, after a comma, is the possessive and the writer's first
    name (a formula of its own words, ``With all good wishes from both of us, your
    Tomas``, when nothing before it ends a sentence)."""
    head, comma, tail = line.text.rstrip(".!").rpartition(",")
    words = tail.split()
    return (bool(comma) and len(words) == 2 and words[0].lower() in _YOUR
            and (lexicon("closings").find(tokens(head)) is not None
                 or not _SENTENCE_STOP.search(head))
            and line.size <= 24 and name_likeness(words[1]) >= 0.45 and bool(head.strip()))


_SENTENCE_STOP = re.compile(r"[.!?;:](?:\s|$)")


def _formula_then_name(line: Line) -> bool:
    """``I have the honour to be, …, Sir, your obedient Servant, D. M. Fairlie``: a
    closing formula with the signer's full name after its last comma."""
    head, comma, tail = line.text.rstrip(".").rpartition(",")
    return (bool(comma) and line.size <= 30 and 2 <= len(tail.split()) <= 4
            and lexicon("closings").find(tokens(head)) is not None
            and name_likeness(tail) >= 0.75)


def marked_name(text: str) -> bool:
    """``(Signed) Lionel F. Ashcombe``: a signature mark with the name after it."""
    mark = shapes.SIGNATURE_MARK.match(text)
    return mark is not None and name_likeness(text[mark.end():]) >= 0.75


_SIGNED_LABEL = re.compile(r"^(?:signed|signé|firmado|gez(?:eichnet)?)\s*:", re.IGNORECASE)
"""``Signed: H. Oldroyd (Chairman)``: the signer after the label, not a list of them."""
_COPY_MARK = re.compile(r"^(?:c\.\s?c\.|c\.|cc\.?|bcc\.?)\s")
"""A copy's mark in lower case before whom it went to (``c. Economic Division``)."""

def _behalf_name(line: Line) -> bool:
    """``For the Government of India: K. P. S. Menon`` (``, Deputy Minister`` after the
    name too): a signatory after whom he signs for."""
    if line.size > 24 or ":" not in line.text or not line.starts("on_behalf"):
        return False
    signer = line.text.rpartition(":")[2]
    name, _, office = signer.partition(",")  # "…: Georgi Kalchev, Deputy Minister"
    return name_likeness(signer) >= 0.75 or (
        name_likeness(name) >= 0.75 and bool(lexicon("role_words").find(tokens(office))))


def _typed_again(ctx: Context, line: Line) -> bool:
    """``(Kessler-Wendt)`` under the signer ``Prof. Dr. H. Kessler-Wendt``: the name typed
    again under the signature, in brackets."""
    if not (line.text.startswith("(") and line.text.endswith(")")) or line.size > 4:
        return False
    surname = line.text.strip("()").split()[-1].lower() if line.text.strip("() ") else ""
    above = ctx.prev(line)
    for _ in range(3):
        if above is None:
            return False
        if surname and surname in above.text.lower() and above.name >= 0.75:
            return True
        above = ctx.prev(above)
    return False


def _under_name(ctx: Context, line: Line) -> bool:
    """Right under a name (``T. O. Kessler`` / ``Assistant Hydrologist``): the office of
    the name above, not a second name after an office."""
    above = ctx.prev(line)
    return above is not None and ctx.page.adjacent(above, line) and above.name >= 0.75


def _long_body_name(ctx: Context, line: Line) -> bool:
    """``Embassy of the [DPRK] in the People's Republic of Bulgaria`` after the text: a
    body's full name, longer than a person's signature, every word but the grammar's
    capitalised."""
    return (line.size <= 14 and not line.sentence and line.capitalised >= 0.8
            and line.end not in ":;," and ctx.after_text(line)
            and lexicon("org_words").find(line.words[:3]) is not None)  # the body first


def _name_evidence(ctx: Context, line: Line, ev: Evidence) -> None:
    if line.name >= 0.45:
        ev.add(round(2.0 * line.name, 1), "name-like")
    elif line.titled_name >= 0.45 and not _under_name(ctx, line):
        ev.add(2.0 if line.titled_name >= 0.75 else 1.5, "a name after an office or a title")
    if line.caps and line.size <= 3 and line.name > 0:
        ev.add(0.5, "a name in capitals")

def signer(ctx: Context, line: Line) -> Evidence | None:
    behalf = _behalf_name(line)
    labelled = line.label is not None and line.size <= 16 and ";" not in line.text and (max(
        trailing_name(line.label[1]), person_lead(line.label[1])) >= 0.75  # "Checked: head …
        or _surname_by(line.label))  # of sector R. Abdullaev", "Signed: H. Oldroyd (Chairman)"
    signs_off = _signs_off(line) or _formula_then_name(line)
    dated = line.dated_signature is not None
    scripts = line.office_then_name is not None and ctx.after_text(line)
    body_dated = line.body_then_date is not None and ctx.after_text(line)
    one_line = signs_off or dated or scripts or body_dated  # two parts of a foot on one line
    if (line.bare_size > 9 and not (behalf or labelled or one_line
                                    or _long_body_name(ctx, line))) or (
            line.page is not None) or (
            line.bracket is not None):
        return None
    if line.label is not None and lexicon("foot_labels").prefix(tokens(line.label[0])) and not (
            _SIGNED_LABEL.match(line.text) and person_lead(line.label[1]) >= 0.75):
        return None  # "Copies: Embassy in Karachi": whom the copies went to
    if line.starts("classification") == " ".join(line.words):
        return None  # "LIMITED OFFICIAL USE" repeated at the foot
    if line.caps and line.starts("routing_words") == " ".join(line.words):
        return None  # "BT", "NNNN": a telegram's own marks
    if not line.side_by_side_names and ctx.table_row(line):
        return None  # "Year   To United Kingdom   To other buyers" over rows of figures
    if _address_label(line):
        return None  # "My address: Tomsk region, …, for A. Bērziņa": where to write back
    if _COPY_MARK.match(line.text) or _sent_to(line):
        return None  # "c. Economic Division", "Distributed to …": whom copies went to
    if line.sentence and line.name < 0.75:
        return None
    ev = Evidence()
    _name_evidence(ctx, line, ev)
    if line.side_by_side_names:
        ev.add(2.5, "names side by side")
    elif behalf:
        ev.add(2.5, "a name after 'For …:'")  # For the Government of India: K. P. S. Menon
    elif line.per_procuration:
        ev.add(2.5, "a name signing per procuration (p.p.)")
    elif SIGNED_BY_HAND.search(line.text) and line.name >= 0.45:
        ev.add(2.0, "a name marked as signed (m.p., (signed))")
    elif line.initials and ctx.after_text(line):
        ev.add(2.5, "initials after the text")
    elif line.name_and_office >= 0.75:
        ev.add(2.0, "name and office")
        if _caps_office_under_name(ctx, line):
            ev.add(-2.0, "under a name: its office in capitals")  # IVO RADMAN / SHIPPING AGENT
    elif line.name_and_office >= 0.45 and ctx.after_text(line) and _opens_foot(ctx, line):
        ev.add(1.5, "a surname and an office")  # Chargé d'affaires a.i., Ionescu
    elif signs_off:
        ev.add(3.0, "a closing formula ending with the signer's name after a comma")
        # "Warm greetings …, your Kees"; "… your obedient Servant, D. M. Fairlie"
    elif dated:
        ev.add(3.0, "place and date, then the signer's name after a dash")
    elif scripts:
        ev.add(3.0, "an office, then the name in another script")
    elif body_dated:
        ev.add(3.0, "a body, then the date it signs on")
    elif _valediction_with_name(line):
        ev.add(2.0, "a closing formula ending with the signer's name")
    elif line.label is not None and (labelled or max(name_likeness(line.label[1]),
                                                     person_lead(line.label[1])) >= 0.75):
        ev.add(1.5, f"a name after '{line.label[0]}:'")  # Recorded by: V. Hložek, Secretary
    elif ctx.after_text(line) and _made_by(line):
        ev.add(2.5, "whoever made the record, named after 'by'")
    above = ctx.prev(line)
    if ctx.after_text(line) and _in_foot_address(ctx, line):
        ev.add(-2.0, "under an address at the foot")  # To: Mr. B. Kovačič / Bonegilla …
    below = ctx.next(line)
    if below is not None and below.per_procuration and not line.per_procuration:
        ev.add(-1.5, "over a name signing for it (p.p.): the body")
    if (above is not None and above.starts("closings") and ctx.page.adjacent(above, line)
            and line.name >= 0.45 and line.size <= 4):
        ev.add(1.0, "right under the closing formula")  # "your loving sister" / "Margit"
    elif (above is not None and above.words and above.words[-1] in _YOUR and not above.sentence
          and ctx.page.adjacent(above, line) and line.size <= 2 and not line.digits
          and line.text.isalpha() and ctx.after_text(line)):
        ev.add(2.5, "a first name under '… your'")  # "ever your" / "astrid"
    if line.caseless and line.size <= 5 and above is not None and above.name >= 0.75:
        ev.add(1.5, "a name in a script without case under a name")
    corporate = (line.has("org_words") and (line.capitalised >= 0.6 or line.caps)
                 and not line.has("role_words") and not line.starts("on_behalf"))
    if corporate and line.name < 0.45 and _addressed_in_text(ctx, line):
        ev.add(-1.0, "the body the text is addressed to")
    elif corporate and line.name < 0.45:
        ev.add(1.5, "an organisation signs")
        if _name_below(ctx, line):
            ev.add(-1.5, "over a name: the unit of whoever signs")  # General Office, … / Lu
        above = ctx.prev(line)
        if above is not None and not above.sentence and above.size <= 10 and (
                above.name >= 0.75 or above.has("role_words") or marked_name(above.text)):
            ev.add(-1.5, "under a name or an office: a unit")
        elif _leads_up_to(ctx, line, 3, lambda up: not up.sentence and up.size <= 10,
                          lambda up: up.name >= 0.75,
                          lambda up: bool(up.has("org_words") or up.has("role_words"))):
            ev.add(-1.5, "under the units of a name above: a larger unit")  # "Commodities
            # Division" under "Non-Ferrous Metals Branch" under "M. E. Haverstock"
    if not ev.reasons:
        return None
    if ctx.after_text(line):
        ev.add(1.0, "after the text")
    if line.name < 1.0 and _unit_named_above(ctx, line):
        ev.add(-2.0, "a unit of the body named above the text")
    if line.has("role_words") and line.name_and_office < 0.45 and not behalf and (
            line.titled_name < 0.45) and not labelled and not dated and not scripts:
        ev.add(-1.5, "office words")
    if line.starts("on_behalf") and not behalf:
        ev.add(-2.0, "on behalf of a body")  # p.p. WEST AFRICAN LIGHTERAGE CO. LTD.
    if ctx.page.capitals and line.starts("routing_words"):
        ev.add(-2.0, "a routing word")
    if line.addressee:
        ev.add(-2.0, "an addressee")
    kind = line.starts("kind_words") and not _made_by(line)
    if (line.date is not None and not line.initials and not (dated or body_dated)
            ) or line.opens_address or kind:
        ev.add(-2.0, "a date, an address or a kind of document")
    return ev


def _unit_named_above(ctx: Context, line: Line) -> bool:
    """Whether ``line`` (a few words at the foot, no initials, no word of a body) repeats the part
    of a body named above the text that follows its head word: ``International Relations``
    under an office, where the letterhead reads ``Main Department of International
    Relations``. A personal name in a letterhead stands before the body's word, not
    after it (``Dr. M. Holloway, Department of History``)."""
    words = line.words
    if not 0 < len(words) <= 6 or line.initials or not ctx.after_text(line) or line.has(
            "org_words"):
        return False  # a body that names itself signs ("Central Committee")
    bodies = lexicon("org_words")
    for above in ctx.page.top_bodies:
        for start in range(1, len(above) - len(words) + 1):
            if above[start : start + len(words)] == words and bodies.find(above[:start]):
                return True
    return False


_ADDRESS_WORDS = frozenset({"address", "adresse", "adres", "anschrift", "dirección",
                            "direccion", "indirizzo", "endereço", "адрес", "adresa", "cím"})
"""The last word of a label over a postal address (``My address:``, ``Return address:``)."""


def _lists_copies(line: Line) -> bool:
    """``c.c. Dean of the Faculty``, ``Copies to: …``, ``Distributed to …``: a line that
    opens the list of whom copies went to."""
    return bool(_COPY_MARK.match(line.text) or _sent_to(line) or (
        line.label is not None and lexicon("foot_labels").prefix(tokens(line.label[0]))))


def _address_label(line: Line) -> bool:
    """``My address: …``, ``Return address: …``: a postal address, labelled."""
    words = tokens(line.label[0]) if line.label is not None else ()
    return bool(words) and words[-1] in _ADDRESS_WORDS


def _opens_foot(ctx: Context, line: Line) -> bool:
    """Right under the text, its closing formula or a signature mark: where a signature
    stands, not among the copies and addresses further down."""
    above = ctx.prev(line)
    return above is None or above.sentence or bool(above.starts("closings")) or bool(
        shapes.SIGNATURE_MARK.match(above.text))


def _sent_to(line: Line) -> str | None:
    """The words a line opens with that say to whom copies went, without a colon
    (``Distributed to the members …``, ``Copies sent to …``)."""
    sent = lexicon("foot_labels").prefix(line.words)
    return sent if sent is not None and len(sent.split()) >= 2 and sent.endswith(" to") else None


def _surname_by(label: tuple[str, str]) -> bool:
    """``Recorded by: Šafránek``: a surname alone after a label that ends with ``by``."""
    words = tokens(label[0])
    value = label[1].strip().rstrip(".")
    return bool(words) and words[-1] == "by" and len(value.split()) == 1 and (
        name_likeness(value) >= 0.45 and value.lower() not in lexicon("role_words").words)


def _made_by(line: Line) -> bool:
    """``Record made by S. Nowak``, ``Drawn up by the Third Secretary, P. Okafor``: a few
    words, then ``by`` and a name."""
    words = line.text.split()
    for at, word in enumerate(words[:5]):
        if word.lower().rstrip(":") == "by" and 0 < at < len(words) - 1:
            rest = " ".join(words[at + 1 :]).rstrip(".")
            return max(name_likeness(rest), name_likeness(rest.rpartition(", ")[2])) >= 0.75
    return False

def _role_evidence(ctx: Context, line: Line) -> Evidence | None:
    longest = 24 if line.starts("on_behalf") else 14  # "For the State Commission for … of …"
    if line.size > longest or line.page is not None or line.bracket is not None:
        return None
    if _COPY_MARK.match(line.text):
        return None  # "c. Accounts Office": whom a copy went to, not an office
    if line.sentence and line.size > 6:
        return None
    ev = Evidence()
    office = line.has("role_words") or (line.text.strip() if line.size == 1 and (
        office_compound(line.text.strip())) else None)  # "Trafikchef", "Botschaftsrat"
    if office:
        ev.add(2.0, f"office '{office}'")
    if line.has("org_words") and line.name < 0.75:
        ev.add(1.0, "a unit or organisation")
    unit = not office and _unit_named_above(ctx, line)
    if unit:
        ev.add(1.5, "a unit of the body named above the text")
    if line.starts("on_behalf") and (line.size > 2 or line.capitalised >= 0.5) and (
            not line.per_procuration):
        ev.add(1.0, "on behalf of")
    after, before = ctx.next(line), ctx.prev(line)
    signed_above = before is not None and (
        shapes.SIGNATURE_MARK.match(before.text) is not None or before.name >= 0.75)
    if after is not None and shapes.SIGNATURE_MARK.match(after.text) and ctx.after_text(line) and (
            not signed_above):
        ev.add(1.0, "above a signature mark")
    if line.text[:1].islower() and line.size <= 4:
        ev.add(0.5, "a short lower-case line")
    if after is not None and after.per_procuration and not line.per_procuration:
        ev.add(2.0, "the body a name under it signs for (p.p.)")  # POLIMEX / p.p. W. Gajda
    if (line.words and line.size <= 6 and line.words[-1] in lexicon("bylines").words
            and after is not None and after.name >= 0.75 and ctx.after_text(line)):
        ev.add(2.0, f"ends on '{line.words[-1]}' over a name")  # Minutes taken by / P. Szántó
    if not ev.reasons:
        return None
    if line.opens_address:
        ev.add(-2.5, "opens like an address")  # To the Principal Secretary of State, …
    elif _office_addressed(line):
        ev.add(-2.0, "an office addressed, with where it is")  # The Foreign Secretary, …
    elif line.addressee and line.size > 4:
        ev.add(-1.5, "an addressee's form")  # The Honourable the Secretary of State for …,
    office_alone = _caps_office_under_name(ctx, line)
    name = 0.0 if unit or office_alone else max(line.name, line.name_and_office)
    if name >= 0.75:
        ev.add(round(-2.0 * name, 1), "a name")
    elif not office_alone and (line.titled_name >= 0.45 or line.name_and_office >= 0.45):
        ev.add(-1.5, "a name beside the office")
    elif _behalf_name(line):
        ev.add(-2.0, "a name after 'For …:'")
    if line.label is not None and ":" in line.text and name_likeness(line.label[1]) < 0.75:
        ev.add(-2.0, f"a labelled line '{line.label[0]}:'")  # "Copy to: High Commissioner"
    if ctx.after_text(line):
        ev.add(0.5, "after the text")
    return ev

def role_before(ctx: Context, line: Line) -> Evidence | None:
    ev = _role_evidence(ctx, line)
    if ev is not None and _offices_first(ctx, line) is True:
        ev.add(0.5, "the block gives each office before its name")
    return ev

def role_after(ctx: Context, line: Line) -> Evidence | None:
    ev = _role_evidence(ctx, line)
    if ev is not None and _offices_first(ctx, line) is False:
        ev.add(0.5, "the block gives each name before its office")
    above, below = ctx.prev(line), ctx.next(line)
    if ev is not None and above is not None and _signs(above) and below is not None and (
            below.starts("on_behalf") and not line.starts("on_behalf")):
        ev.add(1.0, "under a name, and the next signer's block opens with its own 'for'")
    return ev

def _offices_first(ctx: Context, line: Line) -> bool | None:
    """For an office between two names (``(s) A. Kamara`` / ``President`` / ``(s) C.
    Cole``): whether the block above it gives an office before its name (``True``: a line
    of office over the name above) or a name first (``False``); ``None`` elsewhere."""
    above, below = ctx.prev(line), ctx.next(line)
    if above is None or below is None or not (_signs(above) and _signs(below)):
        return None
    over = ctx.prev(above)
    return over is not None and not over.sentence and not _signs(over) and bool(
        over.has("role_words") or over.has("org_words") or over.starts("on_behalf"))

def _signs(line: Line) -> bool:
    return (shapes.SIGNATURE_MARK.match(line.text) is not None or line.name >= 0.75
            or _SIGN_HERE.match(line.text) is not None)

def postscript(ctx: Context, line: Line) -> Evidence | None:
    marker = line.starts("postscripts")
    if marker:
        return Evidence().add(3.0, f"postscript '{marker}'")
    above = ctx.prev(line)
    if line.sentence and above is not None and above.starts("postscripts") and (
            ctx.page.adjacent(above, line)) and ctx.next(line) is None:
        return Evidence().add(2.0, "the last lines, under a postscript: its next paragraph")
    if not ctx.below_text_start(line):
        return None  # above the text: an addressee there is the address
    if line.addressee:
        return Evidence().add(2.5, "an addressee at the foot")
    if line.size <= 12 and _addressee_above(ctx, line):
        return Evidence().add(2.5, "continues the addressee above")
    return None


def _leads_up_to(ctx: Context, line: Line, steps: int, fits: Callable[[Line], bool],
                 found: Callable[[Line], bool],
                 through: Callable[[Line], bool] = lambda _: True) -> Line | None:
    """The line ``found`` among the ``steps`` lines above ``line``, each following the one
    below it and each one that ``fits``; the lines on the way must let it ``through``."""
    below, above = line, ctx.prev(line)
    for _ in range(steps):
        if above is None or not fits(above) or not ctx.page.adjacent(above, below):
            return None
        if found(above):
            return above
        if not through(above):
            return None
        below, above = above, ctx.prev(above)
    return None


def _caps_office_under_name(ctx: Context, line: Line) -> bool:
    """``SHIPPING AGENT`` right under ``IVO RADMAN``: an office in capitals whose first word
    could pass for a surname (``HÄKKINEN COUNSELLOR`` signs alone), under a name."""
    above = ctx.prev(line)
    return (line.caps and line.name_and_office >= 0.75 and above is not None
            and not any(mark in line.text for mark in ",:(\t") and above.name >= 0.75
            and ctx.page.adjacent(above, line))


def _name_below(ctx: Context, line: Line) -> bool:
    """Whether a signer's name stands right under ``line``, or under an office line and a
    signature mark or two in between (``Sector Latin America`` / ``Head of Directorate`` /
    ``[signature]`` / ``Lyuben Garvanov``)."""
    above, below = line, ctx.next(line)
    for _ in range(3):
        if below is None or below.sentence or not ctx.page.adjacent(above, below):
            return False
        if below.name >= 0.75 and below.size <= 5:
            return True
        if not (shapes.SIGNATURE_MARK.match(below.text) or (
                below.has("role_words") and below.size <= 8)):
            return False
        above, below = below, ctx.next(below)
    return False


def _in_foot_address(ctx: Context, line: Line) -> bool:
    """Whether ``line`` is one of the short lines under an address that opens at the foot
    (``To: Mr. Ante Kovač`` / ``Northam Migrant Camp`` / ``Western Australia``; not under
    ``К. Д. Воронихин``, a name that opens with the Russian ``к``)."""
    return _leads_up_to(ctx, line, 3, lambda above: not above.sentence,
                        lambda above: above.opens_address and above.name < 0.75,
                        lambda above: above.size <= 6) is not None


def _addressee_above(ctx: Context, line: Line) -> bool:
    """Whether ``line`` goes on an addressee written at the foot: the lines above it,
    each ending with a comma, lead up to one (``The Right Honourable the Minister …,`` /
    ``Department of External Affairs,`` / ``WELLINGTON.``)."""
    return _leads_up_to(ctx, line, 4, lambda above: above.end == ",",
                        lambda above: above.addressee) is not None

def foot_line(ctx: Context, line: Line) -> Evidence | None:
    """Any other short line after the text (a line the foot holds that no role names):
    above all its copies, enclosures and distribution (``Copy to: …``)."""
    if not ctx.below_text_start(line):
        return None
    drafter = line.starts("drafter_lines")
    labelled = line.label is not None and lexicon("drafter_lines").prefix(
        tokens(line.label[0])) is not None  # "Draft: Oe/Mz 10.5.66 – Distribution …"
    if drafter and line.size <= (30 if labelled else 16) and (
            line.first_date is not None or _TYPIST.search(line.text) or line.initials
            or _INITIALS_IN.search(line.text)):
        return Evidence().add(2.5, f"'{drafter}' and initials or a date: who drafted it, when")
    label = lexicon("foot_labels").prefix(tokens(line.label[0])) if line.label else None
    if line.sentence and label is None:
        return None
    if line.label is not None and label is not None and _SIGNED_LABEL.match(line.text) and (
            person_lead(line.label[1]) >= 0.75):
        label = None  # "Signed: H. Oldroyd (Chairman)": a signer
    elif label is None and (line.size <= 3 or line.starts("routing_words")):
        label = lexicon("foot_labels").prefix(line.words)  # "Encl.", "Enclosures (2)", "cc.
        # file"; "Repeated to Moscow and Prague", "REPEATED COPENHAGEN OSLO"
    elif label is None and (sent := _sent_to(line)) is not None:
        label = sent  # "Distributed to the members of the Committee and to …"
    if label is not None and line.size <= 30:
        return Evidence().add(2.0, f"'{label}' under the text: copies, enclosures, distribution")
    if _TYPIST.match(line.text):
        return Evidence().add(2.0, "reference initials (JM/kt)")
    if _COPY_MARK.match(line.text):
        return Evidence().add(2.0, "a copy's mark (c.) before whom it went to")
    if line.size <= 12 and (label_line := _copies_above(ctx, line)) is not None:
        return Evidence().add(3.5, f"under '{label_line.text}': whom the copies went to")
    if _typed_again(ctx, line):
        return Evidence().add(2.0, "the signer's name typed again in brackets")
    above = ctx.prev(line)
    if (above is not None and ctx.page.adjacent(above, line) and line.size <= 8
            and not line.sentence and line.name < 0.75 and _lists_copies(above)):
        return Evidence().add(1.5, "goes on the list of copies above")  # c.c. Dean … / Head …
    if line.size > 12:
        return None
    return Evidence().add(-0.5, "a short line after the text")

_INITIALS_IN = re.compile(r"(?<!\w)(?:[A-Z]\.){2,4}(?!\w)|\b[A-Z][A-Za-z]{0,4}/[A-Za-z]{1,4}\b")
"""``N.P.``, ``DMTW/eh``, ``Oe/Mz``: the drafter's or the typist's initials inside a line."""


def _copies_above(ctx: Context, line: Line) -> Line | None:
    """A bare ``Copy to`` (``Distribution``, ``cc``) a few short lines above, the lines
    between it and ``line`` following each other: whom the copies went to."""
    return _leads_up_to(ctx, line, 3, lambda above: not above.sentence, _bare_copies_label)


def _bare_copies_label(line: Line) -> bool:
    """``Copy sent to``, ``Distribution:``; not ``Copy to: the Consul``."""
    label = lexicon("distribution_labels").prefix(line.words)
    return label is not None and line.size <= 4 and (
        line.text.endswith(":") or label == " ".join(line.words)
        or line.words[-1] in lexicon("function_words").words)


def foot_address(ctx: Context, line: Line) -> Evidence | None:
    """An address after the text: the addressee's (``To the Embassy of …``) or the
    sender's street (``Via della Geppa 7, Trieste``), with the short lines under it."""
    if not ctx.below_text_start(line) or ctx.table_row(line):
        return None
    if _address_label(line) and line.size <= 24:
        return Evidence().add(2.0, f"'{line.label[0] if line.label else ''}:' after the text")
    if line.size > 14:
        return None
    if line.opens_address and (not line.sentence or "," in line.text):
        return Evidence().add(2.0, "an address at the foot")  # "To the …, London." too
    if _office_addressed(line):
        return Evidence().add(2.5, "an office named with 'the' and where it is")
    if line.sentence:
        return None
    if line.size <= 4 and line.capitalised >= 0.6 and _in_foot_address(ctx, line):
        return Evidence().add(2.0, "under an address at the foot")
    if line.street:
        return Evidence().add(2.0, "a street and its number after the text")
    if any("0" <= ch <= "9" for ch in line.text) and "," in line.text:
        return Evidence().add(1.0, "a street address after the text")
    if _addressed_in_text(ctx, line):
        return Evidence().add(2.0, "the body the text is addressed to")
    return None


def _office_addressed(line: Line) -> bool:
    """``The Foreign Secretary, Foreign Office, S.W.1``: the holder of an office, named
    with the article, then where to find him: whom a despatch is addressed to."""
    words = line.words
    return (len(words) >= 3 and words[0] == "the" and line.text[:1].isupper()
            and "," in line.text and any(
                lexicon("role_words").at(words, n) for n in (1, 2)))


def _addressed_in_text(ctx: Context, line: Line) -> bool:
    """``Portuguese Foreign Ministry, Lisbon`` under a note that ``presents its compliments
    to the Portuguese Foreign Ministry``: the addressee, named at the foot without ``To``."""
    body = line.text.split(",")[0].strip().rstrip(".").lower()
    if len(body.split()) < 2 or not (line.has("org_words") or line.capitalised >= 0.6):
        return False
    text = ctx.page.addressed
    return f" to the {body}" in text or f" to {body}" in text
