"""Evidence for handling marks at a document's top and on its later pages: a
classification (``SECRET``, ``Top secret · Copy No. 2``), the mark of which copy a
transcript was made from (``File copy``, ``Extract``, ``DRAFT``), a running head under a
page marker (``… (continued)``). Each is an ``fw``; :func:`handling_mark` says its type."""

from __future__ import annotations

import re

from teikit.encoder.roles import shapes
from teikit.encoder.roles.evidence.base import Context, Evidence
from teikit.encoder.roles.features import Line
from teikit.encoder.roles.lexicon import lexicon, tokens

_CLASSIFIED_LABELS = frozenset({
    "security", "classification", "security classification", "grading", "security grading",
    "handling", "priority", "precedence", "degree of secrecy", "secrecy"})
"""Labels before a classification (``Security: CONFIDENTIAL``, ``Classification: Secret``)."""


def _labelled_classification(line: Line) -> str | None:
    """The classification a labelled line gives (``Security: CONFIDENTIAL``)."""
    if line.label is None or " ".join(tokens(line.label[0])) not in _CLASSIFIED_LABELS:
        return None
    value = tokens(line.label[1])
    found = lexicon("classification").prefix(value)
    return found if found is not None and len(value) <= len(found.split()) + 2 else None


def classification(ctx: Context, line: Line) -> Evidence | None:
    found = line.starts("classification") or _labelled_classification(line)
    if found is None and shapes.CONTINUED.search(line.text) and line.size <= 14:
        return Evidence().add(3.0, "a running head: the document's name, continued")
    if found is None:
        return _copy_mark(ctx, line)
    if line.size > 12 or (line.size > 8 and not _HANDLING.search(line.text)):
        return None
    return Evidence().add(3.0, f"classification '{found}'")


def copy_mark(line: Line) -> str | None:
    """The mark of which copy a transcript was made from (``COPY``, ``(Copy)``, ``File
    copy``, ``ΑΝΤΙΓΡΑΦΟΝ [Copy]``, ``FILE COPY – not for circulation``): the mark alone,
    with a gloss in brackets, or with a remark set off by a dash. A numbered copy (``Copy
    No. 4 of 5``) is a reference number of the document."""
    mark = line.starts("copy_marks")
    if mark is not None and line.copy_note:
        return mark  # "Copy. The original was returned to …"
    if line.size <= 16 and line.end not in ".:" and _COPY_MADE.search(line.text):
        return "copy"  # "Tagebuch – typescript copy made by the diarist's daughter in 1990"
    if mark is None or line.label is not None or line.sentence or line.numbers:
        return None
    rest = line.words[len(mark.split()):]
    glossed = re.fullmatch(r"\S+(?:\s\S+)?\s\[[^\]]{2,20}\]", line.text.strip("() "))
    if len(rest) <= 1 or glossed or (_HANDLING.search(line.text) and line.size <= 14):
        return mark
    return None


def handling_mark(line: Line) -> str:
    """The ``fw/@type`` of a line read as a handling mark: ``copy`` for the mark of the
    copy, ``header`` for a running head, else ``classification``."""
    if shapes.CONTINUED.search(line.text) and line.starts("classification") is None:
        return "header"
    return "copy" if copy_mark(line) is not None else "classification"


def _copy_mark(ctx: Context, line: Line) -> Evidence | None:
    mark = copy_mark(line)
    if mark is None or not ctx.before_text(line):
        return None
    return Evidence().add(3.0, f"marks the copy: '{mark}'")


_COPY_MADE = re.compile(
    r"\bcop(?:y|ies)\s+(?:made|typed|taken|prepared|written|done)\s+(?:by|from|in|for|on|at)\b"
    r"|\bcopied\s+(?:by|from|out)\b|\b(?:typescript|carbon|fair|photostat)\s+copy\b",
    re.IGNORECASE)
"""Who made the copy a transcript was made from, or what kind of copy it is (``typescript
copy made by the diarist's daughter``)."""
_HANDLING = re.compile(r"^\S[^·•|–—]*?\s[·•|–—]\s")
"""``Top secret · Copy No. 2 · Ref. 71/gv``: a classification and more handling marks
after it, each set off by a dot or a dash."""
