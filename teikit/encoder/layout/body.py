"""A document's text: paragraphs, numbered paragraphs, sections and diary entries.

``p``; ``p[@n]`` with a ``label`` when its number continues a sequence (``1.`` or the
next number; ``a.`` only when ``b.`` follows, then the next letter — a telegram's
``987.`` stays text); a section heading (``2. Method``, ``Item 3. Correspondence``)
opens ``div[@type=section]`` with its ``head``; a dated heading over running text opens
``div[@type=entry]`` with the date in its ``head``, and so does a paragraph that opens
with a date in a journal. A marker alone on its line is an ``ab[@type=mark]``; a
classification repeated at the top of a later page, an ``fw``.
"""

from __future__ import annotations

from dataclasses import replace

from teikit.encoder.dates import parse_date
from teikit.encoder.layout.divs import Attrs, DivBuilder, date_attrs
from teikit.encoder.layout.units import Spec
from teikit.encoder.roles.evidence.marks import handling_mark
from teikit.encoder.roles.grammar import Decision


def place_text(div: DivBuilder, decision: Decision, following: Decision | None) -> None:
    """Place a line of ``div``'s text."""
    role = decision.role
    div.end_top()
    div.listing = None
    if role == "section-head":
        div.inner = Spec("div", {"type": "section"})
        div.add("head", decision, div.inner, attrs=date_attrs(decision))
    elif role == "entry-date":
        div.inner = Spec("div", {"type": "entry"})
        div.add("head", decision, div.inner, attrs=entry_date(div, decision))
    elif role == "entry-text":
        div.inner = Spec("div", {"type": "entry"})
        div.add("p", decision, div.inner, attrs=entry_text_date(div, decision))
    elif role == "mark":
        div.add("ab", decision, *div.text_path(), attrs={"type": "mark"})
    elif role == "classification":  # repeated at the top of a later page, a running head
        div.add("fw", decision, *div.text_path(), attrs={"type": handling_mark(decision.line)})
    else:
        paragraph(div, decision, following)


def entry_date(div: DivBuilder, decision: Decision) -> Attrs:
    """Where the entry's date is; a date without a year takes the last entry's year, one
    with a weekday and a day alone (``Monday 7th``) its month as well."""
    line = decision.line
    whole = line.heading_date
    iso = (whole.when or whole.from_ or "") if whole is not None else ""
    if iso[:4].isdigit():
        div.year = int(iso[:4])
        div.month = int(iso[5:7]) if iso[5:7].isdigit() else None
        return {"_date": f"{whole.start}:{whole.end}"}  # type: ignore[union-attr]
    if not line.partial_date or div.year is None:
        return {}
    context = replace(line.dates, default_year=div.year, default_month=div.month)
    text = line.date_text  # "Csütörtök, június 18. [Thursday, June 18]": the date before
    found = parse_date(text, context)
    iso = (found.when or "") if found is not None else ""
    if found is None or not iso[:7].replace("-", "").isdigit():
        return {"_date": f"0:{len(text)}", "_year": str(div.year)}
    div.year, div.month = int(iso[:4]), int(iso[5:7])
    span = f"{found.start}:{found.end}"  # "Freitag, 17. März [?]": the mark is not the date's
    return {"_date": span, "_year": iso[:4], "_month": iso[5:7]}


def entry_text_date(div: DivBuilder, decision: Decision) -> Attrs:
    """Where the date opening a journal's paragraph is, and its year when it gives none."""
    line = decision.line
    if line.lead_date is not None:
        iso = line.lead_date.when or line.lead_date.from_ or ""
        if iso[:4].isdigit():
            div.year = int(iso[:4])
        return {"_date": f"{line.lead_date.start}:{line.lead_date.end}"}
    partial = line.lead_partial
    if partial is not None and div.year is not None:
        return {"_date": f"{partial.start}:{partial.end}", "_year": str(div.year)}
    return {}


def paragraph(div: DivBuilder, decision: Decision, following: Decision | None) -> None:
    numbered = decision.line.numbered
    if numbered is not None and continues(div, numbered, following):
        number, _word, length = numbered
        div.add("p", decision, *div.text_path(), attrs={"n": number, "_label": str(length)})
    else:
        div.add("p", decision, *div.text_path())


def continues(div: DivBuilder, numbered: tuple[str, str, int],
              following: Decision | None) -> bool:
    """Whether a numbered line continues its sequence (and record that it does)."""
    number = numbered[0]
    kind = "digit" if number.isdigit() else "letter" if len(number) == 1 else "roman"
    if kind == "roman" or not follows(div.labels.get(kind), number):
        return False
    if kind == "letter" and number in {"a", "A"}:
        after = following.line.numbered if following is not None else None
        if after is None or after[0] != chr(ord(number) + 1):
            return False
    div.labels[kind] = number
    if kind == "digit":
        div.labels.pop("letter", None)
    return True


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
