"""Evidence for the lines that name a document: its heading, its kind, a letterhead,
reference lines, the author under a title (handling marks are in
:mod:`~teikit.encoder.roles.evidence.marks`)."""

from __future__ import annotations

import re

from teikit.encoder.roles import shapes
from teikit.encoder.roles.evidence.base import Context, Evidence
from teikit.encoder.roles.features import Line
from teikit.encoder.roles.lexicon import lexicon, tokens
from teikit.encoder.roles.names import body_compound, name_likeness, person_lead

_TO_WHOM = re.compile(r"^\S.{1,80}?\s(?:to|an|à|a)\s(?:the\s)?[A-Z]")
"""``Gustav Rehberg to Erik Brenner``, ``The Secretary of State to the Ambassador``."""
_KIND_TAIL = frozenset({"of", "for", "the", "record", "conversation", "meeting", "talk", "talks"})
_END_REMARK = re.compile(r"\s*[(\[][^()\[\]]{1,80}[)\]]\s*$")
_ABOUT = re.compile(
    r"^(?:On|Über|Sur|Sobre|Sul|Sulla|Sui|Sugli|Over|Om|O|Об?|К\s+вопросу\s+об?)\s+\S")
"""``On the karst caves of …``, ``Über die …``, ``Sur les …``, ``О …``: a paper's title."""
_NUMBERED_LABEL = re.compile(r"^\d{1,6}\.\s+[^\W\d]{2,12}\.?:")
"""``574. Ref: GUAT 573``: a telegram's number, then a field."""


def is_kind(line: Line) -> bool:
    """A line that only names a kind of document: ``CIPHERED TELEGRAM``,
    ``212. Memorandum of Conversation[1]``, ``Outgoing cable No. 5290``, ``TELEGRAM (EN
    CLAIR)`` (a short remark in brackets at the end aside)."""
    remark = _END_REMARK.search(line.text)
    head = line.text[: remark.start()] if remark else line.text
    if (len(head.split()) if remark else line.size) > 9 or (
            line.numbered is not None and "/" in line.numbered[0]):
        return False  # "14/53 Minutes": a minute's item, not a kind of document
    words = list(tokens(head) if remark else line.words)
    for marker in ("no", "nr", "n", "nº", "№"):
        if marker in words:  # "… No. 2211/B": the number and what follows it
            words = words[: words.index(marker)]
    words = [w for n, w in enumerate(words) if not any(ch.isdigit() for ch in w) and not (
        len(w) <= 2 and n + 1 < len(words) and any(ch.isdigit() for ch in words[n + 1]))]
    # "Internal Memorandum S 7/66": a series' letter before the number goes with it
    qualifiers = lexicon("kind_qualifiers").words
    while words and words[0] in qualifiers:
        words = words[1:]
    kind = lexicon("kind_words").prefix(tuple(words))
    if kind is None:
        return False
    rest = words[len(kind.split()) :]
    again = lexicon("kind_words").prefix(tuple(rest))
    if again is not None and ("–" in line.text or "/" in line.text):
        rest = rest[len(again.split()) :]  # "Jegyzőkönyv – Minutes": the kind in two languages
    return all(w in _KIND_TAIL for w in rest) and len(rest) <= 3


def is_to_whom(line: Line) -> bool:
    """``Gustav Rehberg to Erik Brenner``, ``The Ambassador in Russia (Francis) to the
    Secretary of State``: who wrote to whom, as editions head a document."""
    return bool(_TO_WHOM.match(line.text)) and line.size <= 20 and line.end not in ",;:" and (
        line.function_words <= 6) and not line.framed  # "(affiliated to the …)": a remark

_NEEDS_MORE = frozenset({
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into",
    "and", "or", "but", "than", "about", "upon", "under", "between", "whose", "which",
    "der", "die", "das", "des", "dem", "den", "und", "von", "zu", "mit", "für",
    "le", "la", "les", "du", "de", "et", "à", "pour", "el", "los", "las", "del", "y"})
"""Words a heading never ends on (``Minutes taken by``, ``… of the``): an article, a
preposition or a conjunction waits for what follows it."""


def heading(ctx: Context, line: Line) -> Evidence | None:
    longest = 48 if line.starts("kind_words") and line.end not in ".!?" else 32  # "Protocol on
    # … between the Inhabitants of the Border Areas of … for the Second Half of 1962"
    if line.size > longest or line.end in ",;" or line.page is not None or (
            line.bracket is not None):
        return None
    if _in_cells(line) or ctx.table_row(line):
        return None  # "Mesh (mm)⇥Bream⇥Tigerfish": a row of a table typed with tabs
    if not any(ch.isalpha() for ch in line.text) or shapes.names_source(line.text):
        return None
    kind = line.starts("kind_words") or _early_kind(line)
    to_whom = is_to_whom(line) and line.known_label is None  # not "Subject: exports to Fiji"
    lone_label = shapes.LABEL_HEAD.match(line.text) is not None
    ev = Evidence()
    about = _ABOUT.match(line.text) is not None and line.end not in ".!?" and ctx.before_text(line)
    if line.capitalised < 0.3 and not (line.caps or kind or to_whom or lone_label or about):
        ev.add(-0.5, "in lower case")
    if line.size <= 16:
        ev.add(0.5, "short")
    if line.end not in ".:!?":
        ev.add(0.5, "no end punctuation")
    if line.end == ":":
        ev.add(-1.5, "ends with a colon: it introduces what follows")
    elif line.end in ".!?":
        ev.add(-0.5 if kind else -1.5 if line.size > 6 else -1.0, "ends a sentence")
    if line.sentences:
        ev.add(-1.0, "several sentences")
    if kind and line.size > len(kind.split()) + 1 and not is_kind(line):
        ev.add(1.5, f"opens with '{kind}'")
    if to_whom:
        ev.add(1.5, "who to whom")
    if line.caps or line.capitalised >= 0.6:
        ev.add(0.5, "capitalised")
    if about:
        ev.add(1.5, "a title that says what it is about ('On the …')")
    after = ctx.next(line)
    if after is not None and (after.sentence or after.date is not None or after.label
                              or after.name >= 0.75 or is_kind(after) or after.bracket
                              or (after.size <= 6 and after.end in ",:!")
                              or after.starts("address_openers") or after.starts("bylines")
                              or (ctx.at(after) in ctx.page.name_block
                                  and ctx.at(line) not in ctx.page.name_block)):
        ev.add(0.5, "text, date, author or field follows")
    elif not (kind or to_whom):
        ev.add(-1.0, "nothing a heading announces follows")
    elif after is None and ctx.after_text(line):
        ev.add(-1.5, "the last line: nothing under it")  # "Enclosure: draft agenda"
    if (after is not None and after.name >= 0.75 and not after.sentence and not line.sentence
            and line.size >= 6 and line.name < 0.45 and ctx.before_text(line)
            and line.end not in ".:!?" and not line.starts("address_openers")
            and not after.starts("salutations")):
        ev.add(1.0, "over a name above the text: a title over its author")
    if line.words and line.words[-1] in _NEEDS_MORE:
        ev.add(-1.5, f"ends on '{line.words[-1]}', a word that needs more")
    if line.size <= 2 and not shapes.LABEL_HEAD.match(line.text):
        ev.add(-0.5, "one or two words")
    if shapes.LABEL_HEAD.match(line.text) and after is not None and after.date is not None:
        ev.add(1.5, "a lone label over a dateline: an attachment")
    if line.name >= 0.45:
        ev.add(-1.0, "a name")
    elif line.label is not None and line.label[0].split()[-1].lower() == "by" and (
            person_lead(line.label[1]) >= 0.75) and ctx.after_text(line):
        ev.add(-2.0, "whoever made it, named after 'by:' under the text")
    if (line.has("org_words") or body_compound(line.text)) and not (kind or to_whom):
        ev.add(-1.0, "names an organisation")
    if line.starts("address_openers") and not kind:
        ev.add(-1.0, "opens like an address")
    if line.framed and line.size > 3:
        ev.add(-1.5, "a remark in round brackets")  # "(Unofficial translation from the …)"
    if line.known_label or _NUMBERED_LABEL.match(line.text):
        ev.add(-2.0, "a field")
    if sum(any(ch.isdigit() for ch in w) for w in line.text.split()) * 2 >= line.size:
        ev.add(-1.0, "mostly numbers: a code")
    elif line.street and not kind:
        ev.add(-1.0, "a street and its number")
    if ctx.at(line) == 0:
        ev.add(0.5, "first line")
    return ev

def _in_cells(line: Line) -> bool:
    """A line typed in cells set apart by tabs (a table's row, ``Transect B⇥hopper bands
    …``), not a number or a label before a tab (``1.⇥INTRODUCTION``, ``Ref.:⇥RG/ld``)."""
    return line.cells >= 3 or (line.cells == 2 and line.numbered is None
                               and not line.text.strip().split("\t")[0].rstrip().endswith(":"))


def _early_kind(line: Line) -> str | None:
    """A kind of document named in the first words (``From the diary of …``, ``Extract
    from the minutes of …``): an editor's heading."""
    if line.end in ".!?":
        return None  # "The cable from Tarsk arrived …": a sentence, not a title
    if line.numbered is not None and line.numbered[1]:
        return None  # "Item 1. Minutes": an item of the agenda, not a kind of document
    if line.has("contact_words"):
        return None  # "Teléfono 21-48-90 – Cable: PEMEXPLORA": a cable address
    words = line.words[:5]
    for start in range(1, min(4, len(words))):
        hit = lexicon("kind_words").at(words, start)
        if hit is not None:
            return hit
    return None


def kind(ctx: Context, line: Line) -> Evidence | None:
    label = shapes.KIND_LABEL.match(line.text) and lexicon("kind_words").find(
        tuple(w for word in line.words for w in word.replace("—", " ").split()))
    if not (is_kind(line) or label) or shapes.names_source(line.text):
        return None
    return Evidence().add(3.0, "names a kind of document")

def letterhead(ctx: Context, line: Line) -> Evidence | None:
    if not ctx.before_text(line) or (line.sentence and line.size > 8) or line.bare_size > (
            20 if ctx.at(line) == 0 and line.starts("org_words") and "(" not in line.text
            else 14):
        return None  # a body and its institute in full may make a long first line
    if ctx.at(line) > 6 or shapes.printed_source(line.text):
        return None
    organisation = line.has("org_words") or ("a firm" if line.legal_form else None) or (
        "a body" if body_compound(line.text) else None)  # "Tiroler Wasserwirtschaftsamt"
    digits = line.numbers
    contact = (line.has("contact_words") if line.digits and line.date is None
               else line.starts("contact_words"))  # "1450, rue …": a street, not a year
    # "Jugoslavenska akademija znanosti …": a first line naming a body by its first two
    # words, in a language that capitalises only the first
    first_body = (ctx.at(line) == 0 and not line.sentence and line.text[:1].isupper()
                  and lexicon("org_words").at(line.words, 1) is not None)
    # "ussr ministry of foreign affairs" / "first far eastern department": typed small
    small_letters = (line.text.islower() and bool(organisation) and ctx.at(line) <= 3
                     and not line.sentence)
    before = ctx.prev(line)
    between = _letterhead_like(before) and _letterhead_like(ctx.next(line))
    town = (before is not None and _letterhead_like(before) and ctx.page.adjacent(before, line)
            and line.size <= 3 and line.end not in ".:!?" and line.date is None
            and line.label is None and not line.starts("classification"))
    remark = (before is not None and _letterhead_like(before) and ctx.page.adjacent(before, line)
              and line.framed and line.size <= 14)  # "(affiliated to the … Federation)"
    if not (organisation or line.caps or digits or between or town or contact or remark) or (
            line.capitalised < 0.5 and not (digits or between or contact or remark
                                            or line.starts("org_words") or first_body
                                            or small_letters)):
        return None  # an office's name may capitalise its first word only (Ministerstvo …)
    ev = Evidence()
    if between and not (organisation or line.caps or digits):
        ev.add(1.5, "between lines of a letterhead")
    elif town and not (organisation or line.caps or digits):
        ev.add(1.5, "a short line right under a letterhead (its town)")
    elif remark:
        ev.add(1.5, "a remark in brackets right under a letterhead")
    if organisation:
        ev.add(1.5, "organisation words")
        if _body_inside_phrase(line):
            ev.add(-1.5, "a phrase that names a body further on: a title")
    if contact:
        ev.add(1.5, f"a sender's particulars '{contact}'")
    if line.caps:
        ev.add(1.0, "capitals")
    if digits and line.date is None and not contact and shapes.REFERENCE.search(line.text):
        ev.add(-1.0, "a reference number")
    elif digits and line.date is None:
        ev.add(0.5, "numbers (street, telephone)")
    if ctx.at(line) <= 2:
        ev.add(0.5, "at the top")
    if before is not None and (before.caps or before.has("org_words")) and before.size <= 14:
        ev.add(0.5, "under a letterhead-like line")
    if line.starts("kind_words") or line.starts("address_openers") or is_to_whom(line) or (
            _ABOUT.match(line.text)):
        ev.add(-1.5, "opens like a heading or an address")  # "ON THE ARTESIAN WATERS …"
    if line.name >= 1.0 and not organisation:
        ev.add(-1.5, "a person's name")  # "B. T. ISMAILOV" under a title in capitals
    if line.label is not None and len(line.label[1].split()) >= 4 and not contact:
        ev.add(-1.5, "a label with a subject after it")  # "SIAM: THE RICE EXPORT TRADE …"
    if line.known_label is not None and not contact:
        ev.add(-2.0, f"a field label '{line.known_label}'")
    elif line.date is not None or (line.label is not None and not contact):
        ev.add(-1.0, "a date or a field")
    return ev

def _body_inside_phrase(line: Line) -> bool:
    """``Draft programme of the Lusaka Amateur Dramatic Society for …``: a word in lower
    case before the first word that names a body, as a letterhead never has."""
    text = re.sub(r"\s*\[[^\[\]]*\]\s*$", "", line.text)  # not in a gloss after it
    text = text.split(",")[0]  # "Ulkoasiainministeriö, kauppapoliittinen osasto": its units
    body = lexicon("org_words").find(tokens(text))
    if body is None or line.caps or text.islower():  # capitals tell nothing in either
        return False
    grammar = lexicon("function_words").words
    for raw in text.split():
        word = raw.strip("[](),.;:“”\"'")
        if word.lower() == body.split()[0]:
            return False
        if word and word[0].islower() and word.lower() not in grammar and word.isalpha():
            return True
    return False


def _letterhead_like(line: Line | None) -> bool:
    """A firm's or an office's name, or its street (``Maasboulevard 114, Rotterdam``),
    telephone or post box, at the top."""
    return line is not None and not line.sentence and line.size <= 14 and bool(
        line.caps or line.legal_form or line.has("org_words") or line.starts("contact_words")
        or (line.digits and line.date is None and line.has("contact_words"))
        or (line.numbers and line.date is None and "," in line.text))


def file_note(ctx: Context, line: Line) -> bool:
    """Whether an archive file reference is an edition's note on the source (``File No.
    861.00/1990`` over a document, ``[Extracts.]``) rather than the office's reference
    among the lines of its letterhead (``DEPARTMENT OF …`` / ``File No. 3034/10/1``)."""
    before = ctx.prev(line)
    return not (before is not None and ctx.page.adjacent(before, line)
                and line.text.startswith("File") and (
                    _letterhead_like(before) or (  # "Strictly confidential" under it too
                        bool(before.starts("classification")) and ctx.at(line) <= 5)))


def reference(ctx: Context, line: Line) -> Evidence | None:
    if (shapes.FILE_NUMBER.match(line.text) and line.date is None
            and ctx.before_text(line)):
        return Evidence().add(2.0, "a file number alone above the text")
    if shapes.SOURCE_NOTE.match(line.text):
        return None if file_note(ctx, line) else Evidence().add(
            2.0, "an archive file reference among the lines of a letterhead")
    if line.size > 8 or not shapes.REFERENCE.search(line.text) or shapes.printed_source(
            line.text):
        return None
    ev = Evidence().add(2.0, "a reference number")
    if line.starts("kind_words"):
        ev.add(-1.0, "names a kind of document")
    return ev

def byline(ctx: Context, line: Line) -> Evidence | None:
    if not ctx.before_text(line) or line.size > 12:
        return None
    by = line.starts("bylines")
    rest = " ".join(line.text.split()[len(by.split()):]) if by else line.text
    name = name_likeness(rest) if by else line.name
    if name < 0.75:
        return None
    ev = Evidence().add(round(2.0 * name, 1), "a name above the text")
    after = ctx.next(line)
    if after is not None and after.end in ",:!" and after.starts("salutations"):
        ev.add(-2.0, "right above the salutation: the addressee")
    return ev.add(1.0, f"'{by}'") if by else ev
