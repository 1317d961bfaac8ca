"""What a transcript says about its own conventions, and which of them a profile honours.

Transcripts often open with an editorial note: "Words struck through in the original are
printed in braces; angle brackets enclose additions in pencil." :func:`read_statement` finds
the signs such a statement names (``{…}``, ``<…>``, ``~~…~~``, ``[…]``, ``[?]``, "the Leiden
system"…) and what it says each one means (deleted, added, supplied, lost, illegible,
uncertain, omitted, emphasis, expansion, note), from the phrase lists in ``declared.toml``:
the meaning is the phrase nearest the sign's name in its clause, before it ("words struck
through are printed in braces") or, failing that, after it ("braces enclose words struck
through"). :func:`unhonoured` then says which of those signs the active profile does not read
as stated, so that the layout can warn (:func:`statement_warnings`, TK150), naming the sign
and the line, instead of mis-tagging every such sign in silence. Nothing here changes the
profile: choosing one stays explicit.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from teikit.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from teikit.encoder.profiles import Profile

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


@dataclass(frozen=True)
class DeclaredSigil:
    """A sign a conventions statement names: ``sigil`` as teikit writes it (``{…}``), what
    the statement says it means (``""`` when it does not say), and where its name is."""

    sigil: str
    meaning: str
    start: int
    end: int


@dataclass(frozen=True)
class Unhonoured:
    """A declared sign the profile does not read as the transcript says, and why."""

    sigil: DeclaredSigil
    message: str


@dataclass(frozen=True)
class _Phrases:
    sigils: re.Pattern[str]
    sigil_of: dict[str, str]
    meanings: re.Pattern[str]
    meaning_of: dict[str, str]


def _pattern(phrases: Iterable[str], shapes: dict[str, str] | None = None) -> re.Pattern[str]:
    """Phrases (longest first, whole words), then shapes as named groups ``s0``, ``s1``…"""
    parts = [rf"(?P<s{n}>{shape})" for n, shape in enumerate((shapes or {}).values())]
    for phrase in sorted(set(phrases), key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in phrase.split())
        before = r"(?<!\w)" if phrase[0].isalnum() else ""
        after = r"(?!\w)" if phrase[-1].isalnum() else ""
        parts.append(before + body + after)
    return re.compile("|".join(parts), re.IGNORECASE)


@functools.cache  # the data file is read once
def _phrases() -> _Phrases:
    text = resources.files("teikit.encoder.inline").joinpath("declared.toml").read_text("utf-8")
    data = tomllib.loads(text)
    sigil_of = {p.lower(): s for s, phrases in data["sigils"].items() for p in phrases}
    sigil_of |= {f"s{n}": sigil for n, sigil in enumerate(data["shapes"])}
    meaning_of = {p.lower(): m for m, phrases in data["meanings"].items() for p in phrases}
    return _Phrases(_pattern(sigil_of, data["shapes"]), sigil_of, _pattern(meaning_of),
                    meaning_of)


def _sigil(match: re.Match[str]) -> str:
    table = _phrases()
    return table.sigil_of[match.lastgroup or _key(match.group())]


def _key(found: str) -> str:
    return " ".join(found.lower().split())


_CLAUSE_END = re.compile(r"[;.:!?](?=\s|$)|\n\s*\n")


def read_statement(text: str) -> list[DeclaredSigil]:
    """The signs a conventions statement names, in order, each with its stated meaning."""
    table = _phrases()
    mentions = list(table.sigils.finditer(text))
    ends = [m.end() for m in _CLAUSE_END.finditer(text)
            if not any(s.start() <= m.start() < s.end() for s in mentions)]
    found: list[DeclaredSigil] = []
    for index, mention in enumerate(mentions):
        start = max([0, *[e for e in ends if e <= mention.start()]])
        stop = min([len(text), *[e for e in ends if e > mention.end()]])
        before = max(start, mentions[index - 1].end() if index else 0)
        after = min(stop, mentions[index + 1].start() if index + 1 < len(mentions) else stop)
        sigil = _sigil(mention)
        preceding = _nearest(text, before, mention.start(), last=True)
        following = _nearest(text, mention.end(), after, last=False)
        leads = _leads(text[before : mention.start()])
        meaning = "system" if sigil == "Leiden" else (
            (following or preceding) if leads else (preceding or following))
        found.append(DeclaredSigil(sigil, meaning, mention.start(), mention.end()))
    return found


_FUNCTION_WORDS = frozenset({"and", "but", "or", "while", "whereas", "the", "a", "an", "all",
                             "any", "also", "then", "here", "in", "note", "notes"})


def _leads(before: str) -> bool:
    """Whether a sign's name opens its clause (``…, pointed brackets her insertions``): then
    what it means follows it."""
    words = re.findall(r"[^\W\d_]+", before.rsplit(",", 1)[-1].lower())
    return all(word in _FUNCTION_WORDS for word in words)


def _nearest(text: str, start: int, end: int, last: bool) -> str:
    table = _phrases()
    matches = list(table.meanings.finditer(text, start, end))
    if not matches:
        return ""
    return table.meaning_of[_key(matches[-1 if last else 0].group())]


# What each built-in rule makes of the sign it reads, and what each TEI element means.
_BUILT_IN: dict[str, tuple[str, frozenset[str]]] = {
    "~~…~~": ("strike", frozenset({"deleted"})),
    "<…>": ("omitted", frozenset({"supplied", "omitted"})),
    "(…)": ("expansion", frozenset({"expansion"})),
    "[?]": ("uncertain", frozenset({"uncertain"})),
    "[…?]": ("uncertain", frozenset({"uncertain", "lost"})),
    "[...]": ("omission", frozenset({"omitted", "lost", "illegible"})),
}
_ELEMENT_MEANS: dict[str, frozenset[str]] = {
    "del": frozenset({"deleted"}), "surplus": frozenset({"deleted"}),
    "add": frozenset({"added"}), "supplied": frozenset({"supplied", "lost", "omitted"}),
    "unclear": frozenset({"uncertain", "illegible"}), "hi": frozenset({"emphasis"}),
    "gap": frozenset({"omitted", "illegible", "lost"}), "note": frozenset({"note"}),
}
_OPENS = {"{…}": ("{",), "<…>": ("<",), "⟨…⟩": ("⟨", "〈"), "~~…~~": ("~~",),
          "||…||": ("||",), "(…)": ("(",)}
_LEIDEN_RULES = frozenset({"lacuna", "omitted", "expansion", "supplied"})


_SAYS = {"emphasis": "emphasised text", "expansion": "expanded abbreviations",
         "note": "editorial notes"}


def unhonoured(sigils: Sequence[DeclaredSigil], profile: Profile) -> list[Unhonoured]:
    """The declared signs ``profile`` does not read as stated (or does not read at all),
    each with a message for the warning."""
    found = []
    for sigil in sigils:
        reads = _reads(sigil.sigil, profile)
        if sigil.sigil == "Leiden":
            if reads is None:
                found.append(Unhonoured(sigil, "the transcript follows the Leiden system, "
                                        f"which the {profile.name} profile does not "
                                        "(choose --profile leiden)"))
        elif reads is None:
            found.append(Unhonoured(sigil, f"the transcript's conventions use {sigil.sigil}"
                                    f"{_for(sigil)}, which the {profile.name} profile does "
                                    "not read (it stays text): declare it in a profile"))
        elif sigil.meaning and reads and sigil.meaning not in reads:
            found.append(Unhonoured(sigil, f"the transcript's conventions use {sigil.sigil}"
                                    f"{_for(sigil)}, which the {profile.name} profile reads "
                                    f"as {' or '.join(sorted(reads))}"))
    return found


def _for(sigil: DeclaredSigil) -> str:
    said = _SAYS.get(sigil.meaning, f"{sigil.meaning} text")
    return f" for {said}" if sigil.meaning else ""


def _reads(sigil: str, profile: Profile) -> frozenset[str] | None:
    """What ``profile`` makes of ``sigil``: the meanings it gives it (empty: any), or None
    when it does not read the sign at all."""
    if sigil == "Leiden":
        leiden = (profile.rules >= _LEIDEN_RULES
                  and profile.option("supplied_reason", "") == "lost")
        return frozenset() if leiden else None
    for convention in profile.conventions:
        if convention.open and convention.open in _OPENS.get(sigil, ()):
            return _ELEMENT_MEANS.get(convention.element, frozenset())
    if sigil == "[…]":
        if "supplied" not in profile.rules:
            return None
        reason = profile.option("supplied_reason", "clarification")
        return frozenset({"lost"}) if reason == "lost" else frozenset({"supplied", "omitted"})
    rule, meanings = _BUILT_IN.get(sigil, ("", frozenset()))
    return meanings if rule and rule in profile.rules else None


def check_statement(text: str, profile: Profile) -> list[Unhonoured]:
    """The signs a conventions statement (one line or a few) names that ``profile`` does
    not honour: what the layout warns about, at ``line offset + found.sigil.start``."""
    return unhonoured(read_statement(text), profile)


def statement_warnings(text: str, profile: Profile, file: str, line: int,
                       column: int = 1) -> list[Diagnostic]:
    """A warning (TK150) for each sign the conventions statement ``text`` names and
    ``profile`` does not honour, located at the sign's name (``text`` starts at
    ``line``:``column`` of ``file``; it may run over several lines)."""
    found = []
    for problem in check_statement(text, profile):
        start = problem.sigil.start
        lines_before = text.count("\n", 0, start)
        line_start = text.rfind("\n", 0, start) + 1
        at = start - line_start + (column if lines_before == 0 else 1)
        found.append(Diagnostic(file, line + lines_before, at, Severity.WARNING, "TK150",
                                problem.message))
    return found
