"""Editorial remarks about the source: ``[emphasis in the original]``, ``[underlined in the
original]``, ``[in English in the original]``, ``[sic in original]``, ``[emphasis added]``.

→ ``<note type="editorial" place="inline" resp="#editor">emphasis in the original</note>``:
the whole remark is the note's text (it has no prefix to keep in a ``label``), so the
transcript view gives ``[emphasis in the original]`` back and the reading view leaves it out.

A remark is recognised by its shape, from the phrase lists in ``remarks.toml`` beside this
module: a short bracket (no colon, no nested bracket) that ends with a phrase naming the
source (``in the original``, ``in the source``, ``in the Russian original``…) after at most
a few words or after a word about the source's appearance (emphasis, underlining, italics,
spacing, handwriting, a language…); or an emphasis formula of the editors' own (``emphasis
added``, ``my italics``). Anything else is left to the other rules.
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from teikit.encoder.inline._build import element, resp
from teikit.encoder.inline.state import Bracket, InlineState

if TYPE_CHECKING:
    from teikit.encoder.inline.engine import Engine

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


@dataclass(frozen=True)
class Phrases:
    """The phrase lists of ``remarks.toml``, compiled."""

    source_end: re.Pattern[str]
    features: re.Pattern[str]
    formulas: frozenset[str]
    max_words: int
    max_chars: int
    short_words: int


def _alternatives(phrases: list[str]) -> str:
    """Phrases as a regex alternation, longest first; ``*`` is any one word."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\*", r"[^\s\]]+") for p in ordered)


@functools.cache  # the data file is read once
def phrases() -> Phrases:
    text = resources.files("teikit.encoder.inline").joinpath("remarks.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return Phrases(
        source_end=re.compile(rf"(?:^|\s)(?:{_alternatives(data['source'])})$"),
        features=re.compile(rf"(?<!\w)(?:{_alternatives(data['features'])})(?!\w)"),
        formulas=frozenset(data["formulas"]),
        max_words=int(data["max_words"]),
        max_chars=int(data["max_chars"]),
        short_words=int(data["short_words"]),
    )


def normalise(inner: str) -> str:
    """Lower case, straight apostrophes, single spaces, no final punctuation."""
    text = " ".join(inner.replace("’", "'").lower().split())
    return text.rstrip(".,;!").rstrip()


def is_remark(inner: str) -> bool:
    """Whether the text between the brackets is a remark about the source."""
    table = phrases()
    if len(inner) > table.max_chars or any(c in inner for c in ":[]"):
        return False
    text = normalise(inner)
    if text in table.formulas:
        return True
    if len(_WORD.findall(text)) > table.max_words:
        return False
    ending = table.source_end.search(text)
    if ending is None:
        return False
    before = text[: ending.start()]
    return len(_WORD.findall(before)) <= table.short_words or bool(
        table.features.search(before))


def remarks(engine: Engine, state: InlineState, bracket: Bracket) -> bool:
    if not is_remark(bracket.inner):
        return False
    attrs = {"type": "editorial", "place": "inline", "resp": resp(state)}
    state.push(element(state, bracket, "note", [bracket.inner], **attrs))
    return True
