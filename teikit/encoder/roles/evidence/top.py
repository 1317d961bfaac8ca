"""Evidence for the rest of a document's top: datelines, addresses, salutations, memo
fields and their values, participants, a telegram's routing, a statement of the
transcript's own conventions, markers alone on a line."""

from __future__ import annotations

import re

from teikit.encoder.roles import shapes
from teikit.encoder.roles.evidence.base import Context, Evidence
from teikit.encoder.roles.evidence.heads import file_note
from teikit.encoder.roles.features import Line
from teikit.encoder.roles.lexicon import lexicon, tokens
from teikit.encoder.roles.names import person_lead

_MESSAGE_REF = re.compile(
    r"(?:your|my|our|ref(?:erence)?)\b.*\d|.*\b(?:tel|telegram|cable|despatch|letter)\.?"
    r"\s*(?:no\.?\s*)?\d", re.IGNORECASE)
"""``YOUR 540``, ``MY TELEGRAM NO. 311``: a label citing an earlier message, whose value
is the subject."""
_FROM_TO = re.compile(r"^\S.{1,60}?\sTO\s\S")
"""``CONSULATE GENERAL ELISABETHVILLE TO MINISTRY …``: a telegram's sender and addressee."""


def dateline(ctx: Context, line: Line) -> Evidence | None:
    after = ctx.next(line)
    if (line.date is None and line.end == "," and line.size <= 6 and after is not None
            and after.date is not None and after.number == line.last + 1):
        return Evidence().add(3.0, "a place over a dateline")
    if line.date is None or line.size > 20:
        return None
    ev = Evidence().add(1.5, "a date")
    if line.whole_date is not None:
        ev.add(1.5, "only a date")
    if line.body_then_date is not None and ctx.after_text(line):
        ev.add(-1.0, "a body before the date, after the text: who signs")
    elif line.place_date:
        ev.add(1.5, "place, date")
    if line.date_share >= 0.5:
        ev.add(1.0, "the date fills the line")
    elif line.label is None and (said := line.starts("date_labels")) and not (
            line.starts("routing_words")):  # not a telegram's "SENT …", "RECEIVED …"
        ev.add(1.5, f"a date after '{said}'")  # Held on 14 March 1961 at the Chamber …
    if line.sentence and not line.place_date and line.date_share < 0.5:
        ev.add(-1.5, "a sentence with a date in it")
    if ctx.page.dated_headings >= 2 and (line.whole_date is not None or line.partial_date):
        ev.add(-1.5, "one of several dated headings")
    if line.starts("kind_words"):
        ev.add(-1.0, "names a kind of document")
    if line.label is not None and _subject_label(line.label[0]):
        ev.add(-2.0, f"a subject after '{line.label[0]}:'")  # Subject: talks, 10–11 May 1971
    return ev


def _subject_label(label: str) -> bool:
    words = tokens(label)
    return lexicon("subject_labels").prefix(words) == " ".join(words)

def address(ctx: Context, line: Line) -> Evidence | None:
    if line.size > 20 or (line.sentence and line.function_words > 3 and line.size > 10):
        return None
    ev = Evidence()
    opener = line.starts("address_openers")
    if opener or line.text.startswith("[To"):
        ev.add(2.0, "opens with an address word")
    elif line.addressee and ctx.before_text(line):
        ev.add(2.0, "an addressee's form")  # "The Secretary of State for External Affairs,"
    elif line.size <= 6 and (line.end.isalnum() or line.end in ",.)") and (
            line.capitalised >= 0.6 or (line.words and line.words[0] in lexicon("particles").words)
            ) and _under_address(ctx, line):  # "de la República de Bolivia" goes on too
        ev.add(1.0, "short capitalised line under an address")
        above = ctx.prev(line)
        if above is not None and above.starts("address_openers") and above.end != ".":
            ev.add(0.5, "right under the line that opens it")
    elif line.size <= 8 and not line.sentence and _above_salute(ctx, line):
        ev.add(0.5, "a short line in the block above the salutation")
        above = ctx.prev(line)
        if _town_line(line.text) and above is not None and ctx.page.adjacent(
                above, line) and above.size <= 8 and not above.sentence:
            ev.add(1.0, "a town and its country or region, closing the block")
    else:
        return None
    if not ctx.before_text(line):
        ev.add(-1.0, "after the text began")
    return ev

_CAPITALISED = r"[^\W\d_][^\W\d_'’.-]*(?:[-'’][^\W\d_]+)*"
_TOWN_LINE = re.compile(
    rf"^{_CAPITALISED}(?: {_CAPITALISED}){{0,3}}(?: \([^()\d]{{2,30}}\))?,"
    rf" {_CAPITALISED}(?: {_CAPITALISED}){{0,2}}$")


def _town_line(text: str) -> bool:
    """``Saint-Étienne (Loire), France``, ``Bradford, England``: a town and where it lies,
    every word capitalised."""
    return _TOWN_LINE.match(text) is not None and all(
        word[0].isupper() for word in re.sub(r"\([^()]*\)", "", text).replace(",", "").split())


def _under_address(ctx: Context, line: Line) -> bool:
    """Whether ``line`` continues an address block (``To the General Manager`` / a firm /
    its town): an opener at most three lines up, with only short unlabelled lines between."""
    above = ctx.prev(line)
    for _ in range(3):
        if above is None:
            return False
        if above.starts("address_openers") or above.text.startswith("[To"):
            return True
        if above.label is not None or above.sentence or above.size > 8:
            return False
        above = ctx.prev(above)
    return False

def _salutation(line: Line) -> bool:
    return line.end in ",:!" and line.size <= 10 and bool(
        line.starts("salutations") or lexicon("salutations").find(line.words[:3]))


def _above_salute(ctx: Context, line: Line) -> bool:
    """Whether the short lines below ``line`` lead to a salutation (an addressee's
    block without ``To``: a firm, its street, its town)."""
    below = ctx.next(line)
    for _ in range(4):
        if below is None or below.sentence:
            return False
        if _salutation(below):
            return True
        if below.label is not None and below.known_label:
            return True  # "Subject: …" between the address and the salutation
        below = ctx.next(below)
    return False


def salute(ctx: Context, line: Line) -> Evidence | None:
    opener = line.starts("address_openers") or line.text.startswith("[To")
    if line.end not in ",:!" or (line.size > 10 and not (opener and line.end == ":")):
        return None
    title = line.starts("salutations")
    if line.size > 4 and title is not None and title.rstrip(".") in lexicon("titles").words:
        return None  # "Mrs. Stoyanova-Reed reported on the arrangements:": a list follows
    ev = Evidence()
    if line.starts("salutations") or lexicon("salutations").find(line.words[:3]):
        ev.add(2.0, "salutation words")
    elif opener and line.end == ":":
        ev.add(2.0, "an address ending with a colon")
    elif line.size <= 4 and line.capitalised >= 0.6:
        ev.add(0.5, "a short capitalised line ending with a comma")
    else:
        return None
    after = ctx.next(line)
    if after is not None and after.sentence and ctx.before_text(line):
        ev.add(1.0, "right above the text")
    if line.known_label:
        ev.add(-1.5, "a field label")
    if line.size <= 6:
        ev.add(0.5, "short")
    return ev


def field_(ctx: Context, line: Line) -> Evidence | None:
    if line.label is None or not line.label[1]:
        return None
    ev = Evidence()
    if line.known_label:
        ev.add(2.5, f"field label '{line.label[0]}'")
    elif _MESSAGE_REF.match(line.label[0]):
        ev.add(2.5, f"a reference to an earlier message '{line.label[0]}'")
    elif (line.label[0].isupper() or line.label[0].istitle()) and len(
            line.label[0].split()) <= 5 and not line.label[0].startswith(("The ", "A ")):
        ev.add(0.5, "a label before a colon")
    else:
        return None
    if line.sentence and line.size >= 12 and not line.known_label:
        ev.add(-1.0, "reads as a sentence")
    if ctx.after_text(line) and lexicon("foot_labels").prefix(tokens(line.label[0])):
        ev.add(-1.0, "a label of the foot under the text (copies, distribution)")
    return ev

def field_head(ctx: Context, line: Line) -> Evidence | None:
    if line.label is None or line.label[1] or ctx.next(line) is None:
        return None
    if ctx.after_text(line) and lexicon("foot_labels").prefix(tokens(line.label[0])):
        return None  # "Signed:" under the text: the signatures follow
    if line.known_label:
        return Evidence().add(2.5, f"field label '{line.label[0]}' alone")
    if line.caps or line.capitalised >= 0.8:
        return Evidence().add(0.5, "a capitalised label alone")
    after = ctx.next(line)
    if line.text.endswith(":") and after is not None and person_lead(after.text) >= 0.45:
        return Evidence().add(1.0, "a label over names")
    return None

def field_value(ctx: Context, line: Line) -> Evidence | None:
    if line.sentence or line.label is not None or line.numbered is not None:
        return None
    heading = ctx.prev(line)
    while heading is not None and heading.label is None and ctx.at(line) - ctx.at(heading) < 3:
        heading = ctx.prev(heading)
    if heading is None or heading.label is None or heading.label[1]:
        return None
    if lexicon("participant_labels").prefix(heading.words):
        return None
    known = heading.known_label is not None
    return Evidence().add(2.5 if known else 1.0, f"under '{heading.label[0]}'")

def participant(ctx: Context, line: Line) -> Evidence | None:
    if line.size > 25 or line.page is not None:
        return None
    label = ctx.page.participants_label
    ev = Evidence()
    if label is None or label >= ctx.at(line):
        if ctx.at(line) not in ctx.page.name_block:
            return None
        ev.add(1.5, "one of several people with their functions above the text")
    lead = person_lead(line.text)
    if lead >= 0.45 or line.bracket is not None:
        ev.add(1.0, "a name first")
    if "," in line.text:
        ev.add(0.5, "name, function")
    elif line.text.endswith(")") and "(" in line.text[1:]:
        ev.add(0.5, "name (function)")
    if line.numbered is not None and not line.sentence and lead < 0.75:
        ev.add(1.0, "a numbered item")  # not "A. OKONJO, Chairman"
    if line.sentence and line.function_words > 2:
        ev.add(-1.5, "reads as a sentence")
    return ev

_DISTRIBUTED = frozenset({"addressed", "repeated", "rptd", "sent"})
"""A telegram's line that says where it went (``ADDRESSED TO FOREIGN OFFICE TELEGRAM NO.
88 OF 17TH JUNE, REPEATED TO CAIRO …``): routing, however long."""


def routing(ctx: Context, line: Line) -> Evidence | None:
    word = line.starts("routing_words")
    alone = word is not None and word == " ".join(line.words)  # "BT" in a telegram in sentence case
    if not line.caps or not (ctx.page.capitals or alone):
        return None
    distributed = word in _DISTRIBUTED and (ctx.at(line) <= ctx.page.first_prose
                                            or ctx.below_text_start(line))
    if line.size > (30 if distributed else 14):
        return None
    ev = Evidence()
    if word:
        ev.add(2.0, f"routing word '{word}'")
    elif ctx.before_text(line) and _FROM_TO.match(line.text) and not (
            line.label is not None and lexicon("subject_labels").prefix(tokens(line.label[0]))):
        ev.add(2.0, "sender TO addressee")  # not "RE: STUDENTS FROM … WISHING TO …"
    if ctx.before_text(line):
        ev.add(0.5, "capitals above a telegram's text")
    if distributed:
        ev.add(1.5, "where the telegram went, above its text or under it")
    if line.sentence and line.size > 8 and not distributed:
        ev.add(-1.0, "reads as a sentence")
    return ev

def conventions(ctx: Context, line: Line) -> Evidence | None:
    strong = line.count("conventions")
    framed = line.framed or (
        line.label is not None and line.label[0].lower().split()[-1] in {"note", "conventions"})
    if strong == 0 or (strong == 1 and not framed):
        return None
    ev = Evidence().add(min(strong, 3) * 1.0, f"{strong} convention words")
    weak = line.count("conventions_weak")
    if weak:
        ev.add(min(weak, 2) * 0.5, f"{weak} supporting words")
    if ctx.at(line) <= 4:
        ev.add(1.0, "near the top")
    if framed:
        ev.add(1.0, "framed as a remark")
    return ev

def mark(ctx: Context, line: Line) -> Evidence | None:
    if _receipt_note(ctx, line):
        return Evidence().add(3.5, "a registry's note of receipt, typed as a line")
    if line.bracket is None or line.page is not None or shapes.SIGNATURE_MARK.match(line.text):
        return None
    return Evidence().add(2.0, "a bracket alone on its line")


def _receipt_note(ctx: Context, line: Line) -> bool:
    """A registry's note of receipt typed at the top (:attr:`Line.receipt_note`)."""
    return ctx.at(line) <= 2 and line.receipt_note

def page(ctx: Context, line: Line) -> Evidence | None:
    return Evidence().add(5.0, "a page marker") if line.page is not None else None

def source_note(ctx: Context, line: Line) -> Evidence | None:
    if shapes.SOURCE_NOTE.match(line.text) and file_note(ctx, line):
        return Evidence().add(3.0, "an archive file reference")
    if shapes.printed_source(line.text):
        return Evidence().add(3.0, "the publication the text was taken from")
    if line.edition_note and (ctx.at(line) <= 6 or ctx.at(line) >= len(ctx.page.lines) - 2):
        return Evidence().add(3.5, "an edition's note of the copy it prints")
    return None

def received(ctx: Context, line: Line) -> Evidence | None:
    return Evidence().add(3.0, "a [Received …] line") if shapes.RECEIVED.match(
        line.text) else None
