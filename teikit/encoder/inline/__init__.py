"""Inline rules: one editorial convention per module, registered here by name.

The registry is an explicit, ordered table (no discovery): a profile names the rules it
enables, and they run in the order below, first match wins. See each module's docstring
for what it recognises and the TEI it writes.
"""

from __future__ import annotations

from teikit.encoder.inline.citations import citations
from teikit.encoder.inline.correction import correction
from teikit.encoder.inline.engine import BracketRule, CharRule, Engine, RuleSet
from teikit.encoder.inline.footnotes import DIGITS, footnotes, glued, superscript
from teikit.encoder.inline.handwritten import handwritten
from teikit.encoder.inline.illegible import illegible
from teikit.encoder.inline.leiden import expansion, lacuna, omitted
from teikit.encoder.inline.literal import literal
from teikit.encoder.inline.marks import marks
from teikit.encoder.inline.notes import notes
from teikit.encoder.inline.omission import omission
from teikit.encoder.inline.pages import pages
from teikit.encoder.inline.redaction import redaction
from teikit.encoder.inline.remarks import remarks
from teikit.encoder.inline.sic import sic
from teikit.encoder.inline.stamp import stamp
from teikit.encoder.inline.strike import strike
from teikit.encoder.inline.supplied import supplied
from teikit.encoder.inline.uncertain import uncertain

BRACKET_RULES: dict[str, BracketRule] = {
    "citations": citations,
    "footnotes": footnotes,
    "literal": literal,
    "pages": pages,
    "omission": omission,
    "lacuna": lacuna,
    "illegible": illegible,
    "redaction": redaction,
    "marks": marks,
    "remarks": remarks,
    "sic": sic,
    "uncertain": uncertain,
    "notes": notes,
    "handwritten": handwritten,
    "stamp": stamp,
    "correction": correction,
    "supplied": supplied,
}
"""Bracket rules in the order they are tried."""

CHAR_RULES: dict[str, tuple[str, CharRule]] = {
    "superscript": ("⁰¹²³⁴⁵⁶⁷⁸⁹", superscript),
    "glued": (DIGITS, glued),
    "strike": ("~", strike),
    "omitted": ("<", omitted),
    "expansion": ("(", expansion),
}
"""Character rules: name → (trigger characters, rule)."""

RULE_NAMES = frozenset(BRACKET_RULES) | frozenset(CHAR_RULES)


def ruleset(enabled: frozenset[str]) -> RuleSet:
    """The active rules for a profile, in registry order."""
    unknown = enabled - RULE_NAMES
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    brackets = [(name, rule) for name, rule in BRACKET_RULES.items() if name in enabled]
    chars: dict[str, list[tuple[str, CharRule]]] = {}
    for name, (triggers, char_rule) in CHAR_RULES.items():
        if name in enabled:
            for trigger in triggers:
                chars.setdefault(trigger, []).append((name, char_rule))
    return RuleSet(brackets, chars)


__all__ = ["BRACKET_RULES", "CHAR_RULES", "RULE_NAMES", "Engine", "RuleSet", "ruleset"]
