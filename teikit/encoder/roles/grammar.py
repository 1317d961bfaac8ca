"""Which roles may follow which: the grammar of a document, and the best reading of it.

A document is read as zones in order — its **top** (letterhead, classification,
reference, kind, heading, dateline, address, fields, participants, salutation), its
**text** (paragraphs, section headings, diary entries) and its **foot** (closing
formula, signature marks, signers with their roles, a dateline, postscripts) — and a
foot may be followed by the top of another document (an enclosure). A state is a zone
and a role; :func:`transition` says what may follow what, with a small cost or bonus;
:func:`best_path` (Viterbi) picks the sequence of states with the highest total of
evidence and transitions for the whole document, so a line's role depends on its
neighbours' as much as on itself: ``Ambassador`` under a name is that signer's role,
and a diary's date lines are headings because several of them open running text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from teikit.encoder.roles.evidence import RULES, Context, Evidence
from teikit.encoder.roles.features import Line

TOP, TEXT, FOOT = "top", "text", "foot"
ZONES: dict[str, tuple[str, ...]] = {
    TOP: ("letterhead", "classification", "reference", "kind", "heading", "byline",
          "dateline", "address", "salute", "field", "field-head", "field-value",
          "participant", "routing", "conventions", "mark", "page", "source-note", "received"),
    TEXT: ("paragraph", "section-head", "entry-date", "entry-text", "mark", "page",
           "classification"),
    FOOT: ("closing", "sign-mark", "signer", "role-before", "role-after", "dateline",
           "postscript", "routing", "page", "mark", "foot-address", "foot-line",
           "classification"),
}
STATES: tuple[tuple[str, str], ...] = tuple(
    (zone, role) for zone, roles in ZONES.items() for role in roles)
OPENS_DOCUMENT = frozenset({"heading", "kind", "letterhead", "classification", "reference",
                            "dateline", "address", "source-note", "mark"})
"""Roles that may begin a further document (an enclosure) after a foot or a text."""
FOLLOWS = {
    "field-value": frozenset({"field-head", "field-value"}),
    # after its label, or (without one) under the heading, the date or the fields
    "participant": frozenset({"field-head", "participant", "kind", "heading", "dateline",
                              "field"}),
    "role-after": frozenset({"signer", "sign-mark", "role-after"}),
    "letterhead": frozenset({"letterhead", "classification", "reference", "mark", "page",
                             "heading", "conventions", "closing", "sign-mark", "signer",
                             "role-after", "dateline", "postscript", "source-note"}),
    "byline": frozenset({"heading", "kind", "byline"}),
}
MAY_START = frozenset({"letterhead"})
TOP_OF_PAGE = frozenset({"letterhead", "classification", "reference", "mark", "page",
                         "heading", "conventions", "source-note"})
"""What a letterhead may follow at the top of a document (an editor's heading above it
too: ``Letter from the … Society to …`` over the society's letterhead)."""
"""Roles in :data:`FOLLOWS` that may also open the document."""
"""Roles that may only follow certain roles."""
LEADS = {"role-before": frozenset({"signer", "sign-mark", "role-before"})}
"""Roles that may only be followed by certain roles."""
BONUS = {
    ("letterhead", "letterhead"): 0.5,
    ("address", "address"): 1.0,
    ("participant", "participant"): 1.0,
    ("field-head", "participant"): 1.0,
    ("closing", "closing"): 0.5,
    ("field", "field"): 0.5,
    ("routing", "routing"): 0.5,
    ("salute", "paragraph"): 0.5,
    ("heading", "heading"): -1.0,
    ("kind", "heading"): 1.0,
    ("entry-date", "paragraph"): 0.5,
    ("section-head", "paragraph"): 0.5,
    ("postscript", "postscript"): 0.5,
}
ZONE_COST = {
    (TOP, TOP): 0.0, (TOP, TEXT): 0.0, (TOP, FOOT): -2.0,
    (TEXT, TEXT): 0.0, (TEXT, FOOT): 0.0, (TEXT, TOP): -2.5,
    (FOOT, FOOT): 0.0, (FOOT, TOP): -0.5, (FOOT, TEXT): -3.0,
}


def transition(before: tuple[str, str], after: tuple[str, str]) -> float | None:
    """The cost (negative) or bonus of ``after`` following ``before``; ``None`` when
    the grammar forbids it."""
    (zone_a, role_a), (zone_b, role_b) = before, after
    if role_b in FOLLOWS and role_a not in FOLLOWS[role_b]:
        return None
    if role_b == "letterhead" and zone_a == TOP and role_a not in TOP_OF_PAGE:
        return None
    if role_a in LEADS and role_b not in LEADS[role_a]:
        return None
    if role_b == "postscript" and zone_a != FOOT:
        return None
    if zone_a != zone_b and zone_b == TOP and role_b not in OPENS_DOCUMENT:
        return None
    if role_a == "postscript" and zone_b == FOOT and role_b not in {"postscript", "page"}:
        return None
    cost = ZONE_COST[(zone_a, zone_b)]
    if zone_a == zone_b == FOOT and role_b == "dateline":
        cost += 0.3  # a date under a signature belongs to it
    if role_a == role_b == "signer":
        cost -= 0.3  # names in a row are rarer than a name with its office
    return cost + BONUS.get((role_a, role_b), 0.0)


TRANSITIONS: dict[tuple[str, str], dict[tuple[str, str], float]] = {
    after: {before: step for before in STATES
            if (step := transition(before, after)) is not None}
    for after in STATES}
"""For each state, the states it may follow and the cost of the step (the table of
:func:`transition`, made once)."""


def start_cost(state: tuple[str, str]) -> float | None:
    zone, role = state
    if (role in FOLLOWS and role not in MAY_START) or role == "postscript":
        return None
    return -3.0 if zone == FOOT else 0.0


@dataclass(frozen=True)
class Decision:
    """The role chosen for one line, with the evidence for it and the runner-up."""

    line: Line
    zone: str
    role: str
    evidence: Evidence
    runner_up: tuple[str, float] | None = None


ROLES: tuple[str, ...] = tuple(dict.fromkeys(role for _, role in STATES))
"""Every role once, in the order of :data:`STATES`."""


def _candidates(context: Context, line: Line) -> list[tuple[tuple[str, str], Evidence]]:
    """The states ``line`` may be in (in the order of :data:`STATES`), each role's
    evidence weighed once however many zones it may stand in."""
    scored = {role: RULES[role](context, line) for role in ROLES}
    return [(state, evidence) for state in STATES
            if (evidence := scored[state[1]]) is not None]


def best_path(context: Context, lines: Sequence[Line]) -> list[Decision]:
    """The best sequence of states for ``lines`` (Viterbi over the candidate states)."""
    if not lines:
        return []
    columns = [_candidates(context, line) for line in lines]
    scores: list[dict[tuple[str, str], float]] = []
    back: list[dict[tuple[str, str], tuple[str, str] | None]] = []
    first: dict[tuple[str, str], float] = {}
    for state, evidence in columns[0]:
        cost = start_cost(state)
        if cost is not None:
            first[state] = evidence.score + cost
    scores.append(first)
    back.append(dict.fromkeys(first))
    for column in columns[1:]:
        current: dict[tuple[str, str], float] = {}
        pointers: dict[tuple[str, str], tuple[str, str] | None] = {}
        for state, evidence in column:
            best, via = None, None
            allowed = TRANSITIONS[state]
            for previous, score in scores[-1].items():
                step = allowed.get(previous)
                if step is not None and (best is None or score + step > best):
                    best, via = score + step, previous
            if best is not None:
                current[state] = best + evidence.score
                pointers[state] = via
        if not current:  # nothing fits: fall back to a paragraph after anything
            state = (TEXT, "paragraph")
            previous = max(scores[-1], key=scores[-1].__getitem__)
            current[state] = scores[-1][previous] - 5.0
            pointers[state] = previous
        scores.append(current)
        back.append(pointers)
    ends = {s: v for s, v in scores[-1].items() if s[1] not in LEADS} or scores[-1]
    state = max(ends, key=ends.__getitem__)
    path: list[tuple[str, str]] = [state]
    for pointers in reversed(back[1:]):
        before = pointers[path[-1]]
        assert before is not None
        path.append(before)
    path.reverse()
    return [_decision(line, state, columns[n]) for n, (line, state) in enumerate(
        zip(lines, path, strict=True))]


def _decision(line: Line, state: tuple[str, str],
              column: list[tuple[tuple[str, str], Evidence]]) -> Decision:
    chosen = next((ev for s, ev in column if s == state), Evidence().add(0, "no other role fits"))
    others = sorted(((s[1], ev.score) for s, ev in column if s[1] != state[1]),
                    key=lambda item: -item[1])
    return Decision(line, state[0], state[1], chosen, others[0] if others else None)
