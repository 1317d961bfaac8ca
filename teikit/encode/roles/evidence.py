"""How much each line looks like each role: the table of weights.

One function per role reads the features of the line and of its neighbours and returns
:class:`Evidence` — a score and the reasons that made it — or ``None`` when the role is
out of the question (a page marker is never a signature). Weights are small numbers
meant to be read: +2 is strong evidence, +1 is a good sign, +0.5 a hint; negative
weights speak against. No single phrase decides: a phrase list hit is one weight among
the position, shape and neighbours of the line. Which sequence of roles wins for the
whole document is :mod:`teikit.encode.roles.grammar`'s decision.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from teikit.encode.roles import shapes
from teikit.encode.roles.features import Line, Page
from teikit.encode.roles.lexicon import lexicon

_TO_WHOM = re.compile(r"^\S.{1,80}?\s(?:to|an|à|a)\s(?:the\s)?[A-Z]")
"""``Gustav Rehberg to Erik Brenner``, ``The Secretary of State to the Ambassador``."""
_KIND_QUALIFIERS = frozenset(
    "outgoing incoming ciphered cipher cypher coded urgent technical special draft circular "
    "official personal secret confidential top strictly immediate priority encrypted "
    "incoming-outgoing short brief final preliminary".split())
_KIND_TAIL = frozenset("of for the record conversation meeting talk talks".split())
_NUMBERED_LABEL = re.compile(r"^\d{1,6}\.\s+[^\W\d]{2,12}\.?:")
"""``574. Ref: GUAT 573``: a telegram's number, then a field."""
_ON_BEHALF = re.compile(r"^(?:for|on behalf of|für|pour|por|за|в имени|w imieniu|za)\s",
                        re.IGNORECASE)


@dataclass
class Evidence:
    """A role's score for one line and the reasons behind it."""

    score: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def add(self, weight: float, reason: str) -> Evidence:
        self.score += weight
        self.reasons.append(f"{reason} {weight:+.1f}")
        return self


@dataclass(frozen=True)
class Context:
    """The page a line belongs to, for the neighbour features."""

    page: Page

    def at(self, line: Line) -> int:
        return self.page.at(line)

    def prev(self, line: Line) -> Line | None:
        return self.page.get(self.at(line) - 1)

    def next(self, line: Line) -> Line | None:
        return self.page.get(self.at(line) + 1)

    def before_text(self, line: Line) -> bool:
        return self.at(line) < self.page.first_prose

    def after_text(self, line: Line) -> bool:
        return self.at(line) > self.page.last_prose


Rule = Callable[[Context, Line], "Evidence | None"]


def is_kind(line: Line) -> bool:
    """A line that only names a kind of document: ``CIPHERED TELEGRAM``,
    ``212. Memorandum of Conversation[1]``, ``Outgoing cable No. 5290``."""
    if line.size > 9:
        return False
    words = [w for w in line.words if not any(ch.isdigit() for ch in w)]
    if words and words[-1] in {"no", "nr", "n", "nº", "№"}:
        words = words[:-1]
    while words and words[0] in _KIND_QUALIFIERS:
        words = words[1:]
    kind = lexicon("kind_words").prefix(tuple(words))
    if kind is None:
        return False
    rest = words[len(kind.split()) :]
    return all(w in _KIND_TAIL for w in rest) and len(rest) <= 3


def paragraph(ctx: Context, line: Line) -> Evidence | None:
    if line.page is not None:
        return None
    ev = Evidence()
    if line.sentence:
        ev.add(2.0, "reads as a sentence")
    if line.size >= 20:
        ev.add(1.0, "long")
    if line.size <= 6 and not line.sentence and line.end not in ".!?" and ctx.page.prose:
        ev.add(-1.5, "short, no sentence end")
    if line.bracket is not None:
        ev.add(-1.0, "one bracket alone")
    if line.known_label:
        ev.add(-1.5, "a labelled field")
    if line.numbered is not None and line.size >= 2 and line.name < 0.75:
        ev.add(1.5, "numbered")
    return ev


def section_head(ctx: Context, line: Line) -> Evidence | None:
    after = ctx.next(line)
    if line.size > 12 or line.end in ".,;?!:" or after is None or not after.sentence:
        return None
    if not any(ch.isalpha() for ch in line.text):
        return None
    if line.bracket is not None or line.page is not None or line.date is not None:
        return None
    ev = Evidence().add(0.5, "short line over running text")
    if line.numbered is not None:
        ev.add(2.0, "numbered")
        if line.numbered[1]:
            ev.add(0.5, f"'{line.numbered[1]}' label")
    elif (line.capitalised < 0.5 and not line.caps) or line.size < 2 or line.name >= 0.45:
        return None
    if ctx.prev(line) is not None and ctx.prev(line).sentence:  # type: ignore[union-attr]
        ev.add(0.5, "after running text")
    return ev


def entry_date(ctx: Context, line: Line) -> Evidence | None:
    after = ctx.next(line)
    dated = line.whole_date is not None or line.partial_date
    if not dated or line.size > 8 or after is None or not after.sentence:
        return None
    ev = Evidence().add(1.5, "a date alone over running text")
    if ctx.page.dated_headings >= 2:
        ev.add(2.0, f"{ctx.page.dated_headings} dated headings")
    else:
        ev.add(-2.0, "the only dated heading")
    return ev


def entry_text(ctx: Context, line: Line) -> Evidence | None:
    if not line.sentence or line.lead_date is None or ctx.page.dated_paragraphs < 2:
        return None
    ev = paragraph(ctx, line) or Evidence()
    return ev.add(1.5, f"opens with a date, like {ctx.page.dated_paragraphs} paragraphs")


def heading(ctx: Context, line: Line) -> Evidence | None:
    if line.size > 32 or line.end in ",;" or line.page is not None or line.bracket is not None:
        return None
    if not any(ch.isalpha() for ch in line.text) or shapes.SOURCE_NOTE.match(line.text):
        return None
    kind = line.starts("kind_words")
    to_whom = is_to_whom(line)
    if line.capitalised < 0.3 and not (line.caps or kind or to_whom):
        return None
    ev = Evidence()
    if line.size <= 16:
        ev.add(0.5, "short")
    if line.end not in ".:!?":
        ev.add(0.5, "no end punctuation")
    if line.end in ".:!?":
        ev.add(-0.5 if kind else -1.5 if line.size > 6 else -1.0, "ends a sentence")
    if kind and line.size > len(kind.split()) + 1 and not is_kind(line):
        ev.add(1.5, f"opens with '{kind}'")
    if to_whom:
        ev.add(1.5, "who to whom")
    if line.caps or line.capitalised >= 0.6:
        ev.add(0.5, "capitalised")
    after = ctx.next(line)
    if after is not None and (after.sentence or after.date is not None or after.label
                              or after.name >= 0.75 or is_kind(after) or after.bracket
                              or (after.size <= 6 and after.end in ",:!")
                              or after.starts("address_openers")):
        ev.add(0.5, "text, date, author or field follows")
    elif not (kind or to_whom):
        ev.add(-1.0, "nothing a heading announces follows")
    if line.size <= 2 and not shapes.LABEL_HEAD.match(line.text):
        ev.add(-0.5, "one or two words")
    if shapes.LABEL_HEAD.match(line.text) and after is not None and after.date is not None:
        ev.add(1.5, "a lone label over a dateline: an attachment")
    if line.name >= 0.45:
        ev.add(-1.0, "a name")
    if line.has("org_words") and not (kind or to_whom):
        ev.add(-1.0, "names an organisation")
    if line.starts("address_openers") and not kind:
        ev.add(-1.0, "opens like an address")
    if line.known_label or _NUMBERED_LABEL.match(line.text):
        ev.add(-2.0, "a field")
    if sum(any(ch.isdigit() for ch in w) for w in line.text.split()) * 2 >= line.size:
        ev.add(-1.0, "mostly numbers: a code")
    if ctx.at(line) == 0:
        ev.add(0.5, "first line")
    return ev


def is_to_whom(line: Line) -> bool:
    """``Gustav Rehberg to Erik Brenner``, ``The Ambassador in Russia (Francis) to the
    Secretary of State``: who wrote to whom, as editions head a document."""
    return bool(_TO_WHOM.match(line.text)) and line.size <= 20 and line.end not in ",;:" and (
        line.function_words <= 6)


def kind(ctx: Context, line: Line) -> Evidence | None:
    label = shapes.KIND_LABEL.match(line.text) and lexicon("kind_words").find(
        tuple(w for word in line.words for w in word.replace("—", " ").split()))
    if not (is_kind(line) or label) or shapes.SOURCE_NOTE.match(line.text):
        return None
    return Evidence().add(3.0, "names a kind of document")


def letterhead(ctx: Context, line: Line) -> Evidence | None:
    if not ctx.before_text(line) or line.size > 14 or (line.sentence and line.size > 8):
        return None
    if ctx.at(line) > 6:
        return None
    organisation = line.has("org_words")
    digits = line.numbers
    if not (organisation or line.caps or digits):
        return None
    ev = Evidence()
    if organisation:
        ev.add(1.5, "organisation words")
    if line.caps:
        ev.add(1.0, "capitals")
    if digits and line.date is None:
        ev.add(0.5, "numbers (street, telephone)")
    if ctx.at(line) <= 2:
        ev.add(0.5, "at the top")
    before = ctx.prev(line)
    if before is not None and (before.caps or before.has("org_words")) and before.size <= 14:
        ev.add(0.5, "under a letterhead-like line")
    if line.starts("kind_words") or line.starts("address_openers") or is_to_whom(line):
        ev.add(-1.5, "opens like a heading or an address")
    if line.date is not None or line.label is not None:
        ev.add(-1.0, "a date or a field")
    return ev


def classification(ctx: Context, line: Line) -> Evidence | None:
    found = line.starts("classification")
    if found is None or line.size > 8:
        return None
    return Evidence().add(3.0, f"classification '{found}'")


def reference(ctx: Context, line: Line) -> Evidence | None:
    if line.size > 8 or not shapes.REFERENCE.search(line.text):
        return None
    if shapes.SOURCE_NOTE.match(line.text):
        return None
    ev = Evidence().add(2.0, "a reference number")
    if line.starts("kind_words"):
        ev.add(-1.0, "names a kind of document")
    return ev


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
    if line.place_date:
        ev.add(1.5, "place, date")
    if line.date_share >= 0.5:
        ev.add(1.0, "the date fills the line")
    if line.sentence and not line.place_date and line.date_share < 0.5:
        ev.add(-1.5, "a sentence with a date in it")
    if ctx.page.dated_headings >= 2 and (line.whole_date is not None or line.partial_date):
        ev.add(-1.5, "one of several dated headings")
    if line.starts("kind_words"):
        ev.add(-1.0, "names a kind of document")
    return ev


def address(ctx: Context, line: Line) -> Evidence | None:
    if line.size > 20 or (line.sentence and line.function_words > 3 and line.size > 10):
        return None
    ev = Evidence()
    opener = line.starts("address_openers")
    if opener or line.text.startswith("[To"):
        ev.add(2.0, "opens with an address word")
    elif line.size <= 6 and (line.end.isalnum() or line.end in ",.)") and (
            line.capitalised >= 0.6) and _under_address(ctx, line):
        ev.add(0.5, "short capitalised line under an address")
    else:
        return None
    if not ctx.before_text(line):
        ev.add(-1.0, "after the text began")
    return ev


def _under_address(ctx: Context, line: Line) -> bool:
    above = ctx.prev(line)
    for _ in range(3):
        if above is None:
            return False
        if above.starts("address_openers") or above.text.startswith("[To"):
            return True
        above = ctx.prev(above)
    return False


def salute(ctx: Context, line: Line) -> Evidence | None:
    opener = line.starts("address_openers") or line.text.startswith("[To")
    if line.end not in ",:!" or (line.size > 10 and not (opener and line.end == ":")):
        return None
    ev = Evidence()
    if line.starts("salutations") or lexicon("salutations").find(line.words[:3]):
        ev.add(2.0, "salutation words")
    elif opener and line.end == ":":
        ev.add(2.0, "an address ending with a colon")
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
    elif (line.label[0].isupper() or line.label[0].istitle()) and len(
            line.label[0].split()) <= 5:
        ev.add(0.5, "a label before a colon")
    else:
        return None
    if line.sentence and line.size >= 12 and not line.known_label:
        ev.add(-1.0, "reads as a sentence")
    return ev


def field_head(ctx: Context, line: Line) -> Evidence | None:
    if line.label is None or line.label[1] or ctx.next(line) is None:
        return None
    if line.known_label:
        return Evidence().add(2.5, f"field label '{line.label[0]}' alone")
    return Evidence().add(0.5, "a label alone")


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
    ev = Evidence()
    lead = line.text.split(",")[0].split("(")[0]
    from teikit.encode.roles.features import name_likeness

    if name_likeness(lead) >= 0.45 or line.bracket is not None:
        ev.add(1.0, "a name first")
    if "," in line.text:
        ev.add(0.5, "name, function")
    if line.sentence and line.function_words > 2:
        ev.add(-1.5, "reads as a sentence")
    return ev


def routing(ctx: Context, line: Line) -> Evidence | None:
    if not line.caps or line.size > 14 or not ctx.page.capitals:
        return None
    ev = Evidence()
    word = line.starts("routing_words")
    if word:
        ev.add(2.0, f"routing word '{word}'")
    if ctx.before_text(line):
        ev.add(0.5, "capitals above a telegram's text")
    if line.sentence and line.size > 8:
        ev.add(-1.0, "reads as a sentence")
    return ev


def conventions(ctx: Context, line: Line) -> Evidence | None:
    strong = line.count("conventions")
    framed = (line.text.startswith("(") and line.text.rstrip(".").endswith(")")) or (
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
    if line.bracket is None or line.page is not None or shapes.SIGNATURE_MARK.match(line.text):
        return None
    return Evidence().add(2.0, "a bracket alone on its line")


def page(ctx: Context, line: Line) -> Evidence | None:
    return Evidence().add(5.0, "a page marker") if line.page is not None else None


def source_note(ctx: Context, line: Line) -> Evidence | None:
    return Evidence().add(3.0, "an archive file reference") if shapes.SOURCE_NOTE.match(
        line.text) else None


def received(ctx: Context, line: Line) -> Evidence | None:
    return Evidence().add(3.0, "a [Received …] line") if shapes.RECEIVED.match(
        line.text) else None


def closing(ctx: Context, line: Line) -> Evidence | None:
    if line.size > 25 or ctx.before_text(line):
        return None
    ev = Evidence()
    formula = line.starts("closings") or (line.has("closings") if line.size <= 25 else None)
    above = ctx.prev(line)
    if formula:
        ev.add(2.5, f"closing formula '{formula}'")
    elif line.end == "," and line.size <= 6 and _continues_closing(ctx, line):
        ev.add(2.0, "continues the closing formula")
    elif line.size <= 4 and line.text[:1].islower():
        ev.add(0.5, "a short lower-case line")
    else:
        return None
    if line.end in ",!:":
        ev.add(0.5, "ends with a comma")
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


def sign_mark(ctx: Context, line: Line) -> Evidence | None:
    if not (shapes.SIGNATURE_MARK.match(line.text) or shapes.NOT_SIGNED.match(line.text)):
        return None
    return Evidence().add(4.0, "a signature mark")


def _name_evidence(ctx: Context, line: Line, ev: Evidence) -> None:
    if line.name >= 0.45:
        ev.add(round(2.0 * line.name, 1), "name-like")
    if line.caps and line.size <= 3 and line.name > 0:
        ev.add(0.5, "a name in capitals")


def signer(ctx: Context, line: Line) -> Evidence | None:
    if line.size > 9 or line.page is not None or line.bracket is not None:
        return None
    if line.sentence and line.name < 0.75:
        return None
    ev = Evidence()
    _name_evidence(ctx, line, ev)
    if line.name_and_office >= 0.75:
        ev.add(2.0, "name and office")
    above = ctx.prev(line)
    if line.caseless and line.size <= 5 and above is not None and above.name >= 0.75:
        ev.add(1.5, "a name in a script without case under a name")
    corporate = (line.has("org_words") and (line.capitalised >= 0.6 or line.caps)
                 and not line.has("role_words") and not _ON_BEHALF.match(line.text))
    if corporate and line.name == 0:
        ev.add(1.5, "an organisation signs")
        above = ctx.prev(line)
        if above is not None and not above.sentence and above.size <= 10 and (
                above.name >= 0.75 or above.has("role_words")):
            ev.add(-1.5, "under a name or an office: a unit")
    if not ev.reasons:
        return None
    if ctx.after_text(line):
        ev.add(1.0, "after the text")
    if line.has("role_words") and line.name_and_office < 0.75:
        ev.add(-1.5, "office words")
    if ctx.page.capitals and line.starts("routing_words"):
        ev.add(-2.0, "a routing word")
    if shapes.ADDRESSEE.search(line.text):
        ev.add(-2.0, "an addressee")
    if line.date is not None or line.starts("address_openers") or line.starts("kind_words"):
        ev.add(-2.0, "a date, an address or a kind of document")
    return ev


def _role_evidence(ctx: Context, line: Line) -> Evidence | None:
    if line.size > 14 or line.page is not None or line.bracket is not None:
        return None
    if line.sentence and line.size > 6:
        return None
    ev = Evidence()
    office = line.has("role_words")
    if office:
        ev.add(2.0, f"office '{office}'")
    if line.has("org_words") and line.name < 0.75:
        ev.add(1.0, "a unit or organisation")
    if _ON_BEHALF.match(line.text):
        ev.add(1.0, "on behalf of")
    if line.text[:1].islower() and line.size <= 4:
        ev.add(0.5, "a short lower-case line")
    if not ev.reasons:
        return None
    name = max(line.name, line.name_and_office)
    if name >= 0.75:
        ev.add(round(-2.0 * name, 1), "a name")
    if ctx.after_text(line):
        ev.add(0.5, "after the text")
    return ev


def role_before(ctx: Context, line: Line) -> Evidence | None:
    return _role_evidence(ctx, line)


def role_after(ctx: Context, line: Line) -> Evidence | None:
    return _role_evidence(ctx, line)


def byline(ctx: Context, line: Line) -> Evidence | None:
    if line.name < 0.75 or not ctx.before_text(line) or line.size > 10:
        return None
    return Evidence().add(round(2.0 * line.name, 1), "a name above the text")


def postscript(ctx: Context, line: Line) -> Evidence | None:
    marker = line.starts("postscripts")
    if marker:
        return Evidence().add(3.0, f"postscript '{marker}'")
    if shapes.ADDRESSEE.search(line.text) and line.size <= 20:
        return Evidence().add(2.5, "an addressee at the foot")
    above = ctx.prev(line)
    if (above is not None and above.end == "," and shapes.ADDRESSEE.search(above.text)
            and line.size <= 12 and above.last + 1 == line.number):
        return Evidence().add(2.5, "continues the addressee above")
    return None


def foot_line(ctx: Context, line: Line) -> Evidence | None:
    """Any other short line after the text (a line the foot holds that no role names)."""
    if not ctx.after_text(line) or line.size > 12 or line.sentence:
        return None
    return Evidence().add(-0.5, "a short line after the text")


def foot_address(ctx: Context, line: Line) -> Evidence | None:
    if not ctx.after_text(line) or line.size > 12 or line.sentence:
        return None
    if not any(ch.isdigit() for ch in line.text) or "," not in line.text:
        return None
    return Evidence().add(1.0, "a street address after the text")


RULES: dict[str, Rule] = {
    "letterhead": letterhead,
    "classification": classification,
    "reference": reference,
    "kind": kind,
    "heading": heading,
    "byline": byline,
    "dateline": dateline,
    "address": address,
    "salute": salute,
    "field": field_,
    "field-head": field_head,
    "field-value": field_value,
    "participant": participant,
    "routing": routing,
    "conventions": conventions,
    "mark": mark,
    "page": page,
    "source-note": source_note,
    "received": received,
    "paragraph": paragraph,
    "section-head": section_head,
    "entry-date": entry_date,
    "entry-text": entry_text,
    "closing": closing,
    "sign-mark": sign_mark,
    "signer": signer,
    "role-before": role_before,
    "role-after": role_after,
    "postscript": postscript,
    "foot-address": foot_address,
    "foot-line": foot_line,
}
"""Every role and the function that weighs the evidence for it."""
