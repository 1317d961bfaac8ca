"""How much each line looks like each role: the table of weights.

One function per role reads the features of the line and of its neighbours and returns
:class:`Evidence` — a score and the reasons that made it — or ``None`` when the role is
out of the question (a page marker is never a signature). Weights are small numbers
meant to be read: +2 is strong evidence, +1 is a good sign, +0.5 a hint; negative
weights speak against. No single phrase decides: a phrase list hit is one weight among
the position, shape and neighbours of the line. Which sequence of roles wins for the
whole document is :mod:`teikit.encoder.roles.grammar`'s decision.
"""

from __future__ import annotations

from teikit.encoder.roles.evidence.base import Context, Evidence, Rule
from teikit.encoder.roles.evidence.foot import (
    closing,
    foot_address,
    foot_line,
    postscript,
    role_after,
    role_before,
    sign_mark,
    signer,
)
from teikit.encoder.roles.evidence.heads import (
    byline,
    heading,
    is_kind,
    is_to_whom,
    kind,
    letterhead,
    reference,
)
from teikit.encoder.roles.evidence.marks import classification
from teikit.encoder.roles.evidence.text import entry_date, entry_text, paragraph, section_head
from teikit.encoder.roles.evidence.top import (
    address,
    conventions,
    dateline,
    field_,
    field_head,
    field_value,
    mark,
    page,
    participant,
    received,
    routing,
    salute,
    source_note,
)

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

__all__ = ["RULES", "Context", "Evidence", "Rule", "is_kind", "is_to_whom"]
