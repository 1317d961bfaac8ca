"""Evidence for running text: paragraphs, section headings, a diary's entries."""

from __future__ import annotations

from teikit.encoder.roles import shapes
from teikit.encoder.roles.evidence.base import Context, Evidence
from teikit.encoder.roles.features import Line


def paragraph(ctx: Context, line: Line) -> Evidence | None:
    if line.page is not None:
        return None
    ev = Evidence()
    if line.sentence:
        ev.add(2.0, "reads as a sentence")
    if line.size >= 20:
        ev.add(1.0, "long")
    if line.sentences and line.size >= 10:
        ev.add(1.0, "several sentences")
    rule = shapes.RULE.match(line.text) is not None
    row = line.cells < 3 and ctx.table_row(line)
    if line.size <= 6 and not line.sentence and line.end not in ".!?:" and ctx.page.prose and (
            not rule) and not row:
        ev.add(-1.5, "short, no sentence end")
    if line.bracket is not None:
        ev.add(-1.0, "one bracket alone")
    if line.known_label:
        ev.add(-1.5, "a labelled field")
    if line.numbered is not None and line.size >= 2 and line.name < 0.75:
        ev.add(1.5, "numbered")
    if line.cells >= 3:
        ev.add(3.0, "a row of a table typed with tabs")
    elif row:
        ev.add(3.0, "a row of a table typed in columns")
    if ctx.at(line) <= 5 and line.end.isalnum() and line.capitalised >= 0.5 and line.starts(
            "kind_words"):
        ev.add(-1.0, "names its kind at the top, capitalised, no full stop: a title")
    return ev

def section_head(ctx: Context, line: Line) -> Evidence | None:
    after = ctx.next(line)
    if line.size > 12 or line.end in ".,;?!:" or after is None or not (
            after.sentence or (after.size >= 5 and after.end == ":" and line.end.isalpha()
            and line.capitalised >= 0.5)):
        return None  # over running text (or a sentence that opens a list: "… buyers:")
    if not any(ch.isalpha() for ch in line.text):
        return None
    if line.bracket is not None or line.page is not None or line.date is not None:
        return None
    series = ctx.at(line) in ctx.page.lettered_heads
    if line.numbered is not None and line.numbered[0].isalpha() and line.name >= 0.75 and (
            not series):
        return None  # ``G. W. Ormsby``: initials, not a lettered heading
    ev = Evidence().add(0.5, "short line over running text")
    if series:
        ev.add(1.5, "lettered in sequence with other headings")
    if line.numbered is not None:
        ev.add(2.0, "numbered")
        if line.numbered[1]:
            ev.add(0.5, f"'{line.numbered[1]}' label")
    elif (line.capitalised < 0.5 and not line.caps) or line.name >= 0.75 or (
            line.size < 2 and ctx.page.short_heads < 2):
        return None
    above = ctx.prev(line)
    if above is not None and above.sentence:
        ev.add(0.5, "after running text")
    elif above is not None and above.numbered is not None and not above.sentence:
        ev.add(-1.0, "under a short numbered line: an item of the same list")
    return ev

def entry_date(ctx: Context, line: Line) -> Evidence | None:
    after = ctx.next(line)
    dated = (line.size <= 8 and (line.whole_date is not None or line.partial_date)
             ) or line.remarked_date
    if not dated or after is None or not (after.sentence or after.size >= 12):
        return None  # over running text (a sentence that goes on on the next line too)
    ev = Evidence().add(1.5, "a date alone over running text")
    if ctx.page.dated_headings >= 2:
        ev.add(2.0, f"{ctx.page.dated_headings} dated headings")
    else:
        ev.add(-2.0, "the only dated heading")
    return ev

def entry_text(ctx: Context, line: Line) -> Evidence | None:
    if not line.sentence or ctx.page.dated_paragraphs < 2:
        return None  # asked first: most documents have no dated paragraphs
    if line.lead_date is None and line.lead_partial is None:
        return None
    ev = paragraph(ctx, line) or Evidence()
    return ev.add(1.5, f"opens with a date, like {ctx.page.dated_paragraphs} paragraphs")
