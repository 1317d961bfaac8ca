"""``teikit encode --explain``: each line's role and the evidence that decided it.

One row a line, in transcript order::

    12  signer         Ilie Constantinescu          name-like +1.5 · after the text +1.0
    13  role-after     Ambassador                   office 'ambassador' +2.0  (next: signer 0.9)

Rows of the record's envelope and of the notes section name the part they were read
into (``record-title``, ``record-summary``, ``end-note``…); the document's own lines
carry the weights their role won with and the runner-up role.
"""

from __future__ import annotations

from collections.abc import Iterable

from teikit.encoder.layout import Explained

WIDTH = 44
"""How much of a line's text a row shows."""


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"


def row(explained: Explained) -> str:
    """One line's row."""
    reasons = " · ".join(explained.reasons)
    runner = ""
    if explained.runner_up is not None:
        runner = f"  (next: {explained.runner_up[0]} {explained.runner_up[1]:.1f})"
    text = f"{explained.line:4}  {explained.role:<16} {_clip(explained.text):<{WIDTH}}"
    return f"{text}  {reasons}{runner}".rstrip()


def explain(rows: Iterable[Explained], layout: str) -> str:
    """The explanation of a whole transcript, with the family it was read as."""
    lines = [f"layout: {layout}"]
    lines.extend(row(explained) for explained in rows)
    return "\n".join(lines) + "\n"
