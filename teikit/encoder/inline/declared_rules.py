"""Inline rules made from the conventions a profile declares (:mod:`teikit.encoder.conventions`).

``{struck}`` with ``open = "{"``, ``close = "}"``, ``element = "del"`` →
``<del rend="conv:struck open:7B close:7D reading:omit">struck</del>``. The ``@rend`` tokens
carry what the transcript view needs to give the text back, in the element itself (the
delimiters as Unicode code points in hexadecimal, several joined by ``.``), so that neither
the text exporter nor the encoder's own check needs the profile: ``conv:NAME`` names the
convention, ``open:``/``close:`` the delimiters exactly as written, ``reading:`` how the
reading view shows the element (see :mod:`teikit.transcript`).

Delimiter pairs are character rules (tried where their first character appears), keyword
prefixes (``[pencil: …]``) bracket rules; both run before the built-in rules. Pairs are
matched once per block with a stack, so the cost stays linear; an opening delimiter without
its closing one stays text with warning TK103. The inside is parsed again (conventions nest),
except for ``gap``, whose inside is kept verbatim in ``desc``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from teikit.encoder.conventions import Convention
from teikit.encoder.inline.engine import MAX_NESTING, RuleSet
from teikit.encoder.inline.state import Bracket, Context, InlineState, match_brackets
from teikit.encoder.model import Inline, Node
from teikit.transcript import delimiter_token
from teikit.xmlchars import INVALID_XML

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import BracketRule, CharRule, Engine

CATCH_ALL = frozenset({"supplied", "literal", "correction", "citations", "footnotes"})
"""Bracket rules that take whatever is left: a keyword prefix is no clash with them."""


def rend(convention: Convention, opener: str, closer: str) -> str:
    return " ".join([f"conv:{convention.name}", delimiter_token("open", opener),
                     delimiter_token("close", closer), f"reading:{convention.reading}"])


def element(engine: Engine, state: InlineState, convention: Convention, spans: Sequence[int],
            ) -> Inline | None:
    """The element for ``src[start:end]`` whose content is ``src[inner:inner_end]``."""
    start, inner, inner_end, end = spans
    raw = state.src[inner:inner_end]
    if not raw.strip():
        return None
    if convention.element == "gap":
        if INVALID_XML.search(raw):
            return None
        children: list[Node] = [Inline("desc", {}, [raw], state.offset(inner))]
    else:
        children = engine.parse(state, inner, inner_end)
    attrs = {**convention.attributes,
             "rend": rend(convention, state.src[start:inner], state.src[inner_end:end])}
    return Inline(convention.element, attrs, children, state.offset(start))


def pairs(state: InlineState, convention: Convention) -> dict[int, int]:
    """Opening delimiter position → closing delimiter position, for the whole block (one
    pass; unmatched delimiters are warned about once and stay text)."""
    found = state.declared.get(convention.name)
    if found is not None:
        return found
    open_, close = convention.open, convention.close
    found = {}
    stack: list[int] = []
    stray: list[int] = []
    for match in re.finditer(f"{re.escape(open_)}|{re.escape(close)}", state.src):
        at = match.start()
        if open_ == close:
            if stack:
                found[stack.pop()] = at
            else:
                stack.append(at)
        elif match.group() == open_:
            stack.append(at)
        elif stack:
            found[stack.pop()] = at
        else:
            stray.append(at)
    for at in sorted(stack + stray):
        state.warn(at, "TK103", f"{state.src[at:at + len(open_)]!r} of convention "
                   f"{convention.name!r} has no partner; kept as text")
    state.declared[convention.name] = found
    return found


def char_rule(convention: Convention) -> CharRule:
    def rule(engine: Engine, state: InlineState) -> bool:
        start = state.pos
        close = pairs(state, convention).get(start)
        if close is None or close + len(convention.close) > state.end or (
                state.depth > MAX_NESTING):
            return False
        spans = (start, start + len(convention.open), close, close + len(convention.close))
        built = element(engine, state, convention, spans)
        if built is None:
            return False
        state.push(built)
        state.pos = spans[3]
        return True

    return rule


def bracket_rule(convention: Convention) -> BracketRule:
    after = r"(?:\s+|$)" if convention.prefix[-1].isalnum() else r"\s*"
    keyword = re.compile(re.escape(convention.prefix) + after, re.IGNORECASE)

    def rule(engine: Engine, state: InlineState, bracket: Bracket) -> bool:
        match = keyword.match(bracket.inner)
        if match is None:
            return False
        spans = (bracket.start, bracket.inner_start + match.end(), bracket.end - 1, bracket.end)
        built = element(engine, state, convention, spans)
        if built is None:
            return False
        state.push(built)
        return True

    return rule


def extend(rules: RuleSet, conventions: Sequence[Convention]) -> RuleSet:
    """``rules`` with the declared conventions in front (they run first)."""
    if not conventions:
        return rules
    brackets = [(f"conv:{c.name}", bracket_rule(c)) for c in conventions if c.prefix]
    chars = {trigger: list(found) for trigger, found in rules.chars.items()}
    for convention in conventions:
        if convention.open:
            chars.setdefault(convention.open[0], []).insert(
                0, (f"conv:{convention.name}", char_rule(convention)))
    return RuleSet([*brackets, *rules.brackets], chars)


def check_clashes(conventions: Sequence[Convention], enabled: frozenset[str],
                  origin: str) -> None:
    """A :class:`ConfigError` for delimiters two conventions share, or that a rule of the
    profile already reads (``~~`` with ``strike``, ``<`` with ``omitted``, a prefix that
    ``handwritten`` or ``stamp`` would take)."""
    from teikit.encoder.conventions import Where, origin_text

    text = origin_text(origin)
    for index, convention in enumerate(conventions):
        where = Where(origin, text, index)
        key = "prefix" if convention.prefix else "open"
        if clash := _clash(convention, conventions[:index], enabled):
            raise where.error(key, f"{convention.sigil} clashes with {clash}")


def _clash(convention: Convention, earlier: Sequence[Convention],
           enabled: frozenset[str]) -> str | None:
    for other in earlier:
        mine, theirs = ((convention.prefix.lower(), other.prefix.lower()) if convention.prefix
                        else (convention.open, other.open))
        if mine and theirs and (mine.startswith(theirs) or theirs.startswith(mine)):
            return f"convention {other.name!r} ({other.sigil})"
    if convention.prefix:
        claimed = _claimed_by(convention.prefix, enabled)
        return f"the built-in rule {claimed!r}" if claimed else None
    first = convention.open[0]
    if first.isalnum():
        return "the text itself (an opening delimiter must start with a mark, not a letter)"
    from teikit.encoder.inline import CHAR_RULES

    for name, (triggers, _rule) in CHAR_RULES.items():
        if name in enabled and first in triggers:
            return f"the built-in rule {name!r}"
    return None


def _claimed_by(prefix: str, enabled: frozenset[str]) -> str | None:
    """The built-in bracket rule that would read ``[prefix …]`` itself, if any."""
    from teikit.encoder.inline import BRACKET_RULES, ruleset
    from teikit.encoder.inline.engine import Engine

    probe = f"[{prefix} words]"
    engine = Engine(ruleset(enabled - CATCH_ALL), {}, Context())
    for name, rule in BRACKET_RULES.items():
        if name not in enabled or name in CATCH_ALL:
            continue
        state = InlineState(probe, 0, {}, Context(), [])
        state.pairs, _ = match_brackets(probe)
        state.end = len(probe)
        if rule(engine, state, Bracket(0, len(probe), probe[1:-1])):
            return name
    return None

