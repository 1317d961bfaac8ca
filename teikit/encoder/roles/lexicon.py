"""Phrase lists as data: the words that are evidence for a line's role.

Each list is a file in ``roles/data/`` (one entry a line, ``#`` comments), read once.
An entry of several words is a phrase, matched on whole words in order. Lists are
evidence with a weight in :mod:`teikit.encoder.roles.evidence`, never a verdict alone,
so an archive whose wording is not listed still gets its structure from the other
evidence (position, shape, dates, names).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

_MARKS = ("\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
          "\u0900-\u0dff\u0e31-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff")
"""Combining marks (and the Indic blocks whole): a word goes on through its vowel signs."""
_TOKEN = re.compile(rf"\w[\w{_MARKS}'’.&-]*|&")
_ELIDED = re.compile(r"^(l|d|dell|dall|all|nell|sull|un|qu)'(?=\w{3})")
"""A French or Italian article or preposition elided before a word (``l'ambasciatore``,
``dell'ambasciata``, ``d'affaires``): a word of its own."""


def tokens(text: str) -> tuple[str, ...]:
    """Lower-case words of ``text``; a final full stop is dropped unless the word is an
    abbreviation with inner stops (``a.i.``, ``p.s.``)."""
    found = []
    for raw in _TOKEN.findall(text.lower().replace("’", "'")):
        if raw.isalnum():  # most words: nothing to strip
            found.append(raw)
            continue
        if elided := _ELIDED.match(raw):
            found.append(elided.group())
            raw = raw[elided.end():]
        word = raw if "." in raw[:-1] else raw.rstrip(".")
        found.append(word.strip("-'") or raw)
    return tuple(found)


@dataclass(frozen=True)
class Lexicon:
    """One phrase list: single words and longer phrases, matched on word boundaries."""

    name: str
    words: frozenset[str]
    phrases: frozenset[tuple[str, ...]]
    longest: int
    sizes: dict[str, tuple[int, ...]]
    """For each word that begins an entry, the sizes of the entries it begins (longest
    first): a word that begins none is passed over at once."""

    def find(self, words: tuple[str, ...]) -> str | None:
        """The first entry occurring in ``words`` (longest phrase first at each place); else
        a single-word entry that ends a hyphenated word, or stands before another entry
        there (``Vice-Consul``, ``Secretary-Treasurer``; not ``DEAN-OKAFOR``, a name)."""
        for start in self._starts(words):
            hit = self.at(words, start)
            if hit is not None:
                return hit
        if "-" not in "".join(words):  # at C speed: most lines have no compound
            return None
        for word in words:
            if "-" in word:
                parts = word.split("-")
                part = next((p for n, p in enumerate(parts) if p in self.words and (
                    n == len(parts) - 1 or parts[n + 1] in self.words)), None)
                if part is not None:
                    return part
        return None

    def _starts(self, words: tuple[str, ...]) -> list[int]:
        """Where an entry may begin: the places of the words that begin one (most lines
        have none, found at C speed)."""
        sizes = self.sizes
        if sizes.keys().isdisjoint(words):
            return []
        return [start for start, word in enumerate(words) if word in sizes]

    def at(self, words: tuple[str, ...], start: int) -> str | None:
        """The longest entry beginning at ``words[start]``, if any."""
        if start >= len(words):
            return None
        for size in self.sizes.get(words[start], ()):
            if size == 1:
                return words[start]
            if start + size <= len(words) and words[start : start + size] in self.phrases:
                return " ".join(words[start : start + size])
        return None

    def prefix(self, words: tuple[str, ...]) -> str | None:
        """The longest entry that ``words`` begins with."""
        return self.at(words, 0)

    def count(self, words: tuple[str, ...]) -> int:
        """How many entries occur in ``words`` (non-overlapping, left to right)."""
        hits, free = 0, 0
        for start in self._starts(words):
            if start < free:
                continue  # inside the entry found before
            hit = self.at(words, start)
            if hit is not None:
                hits += 1
                free = start + len(hit.split())
        return hits


def _entries(name: str) -> list[str]:
    """The list's entries; a Greek one also without its accents, as capitals write it
    (``ΠΡΟΞΕΝΟΣ`` is ``πρόξενος``)."""
    text = (files("teikit.encoder.roles") / "data" / f"{name}.txt").read_text("utf-8")
    lines = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    found = [line for line in lines if line]
    bare = (_without_tonos(line) for line in found if _GREEK_ACCENTED.search(line))
    return found + [line for line in bare if line not in found]


_GREEK_ACCENTED = re.compile("[\u0386\u0388-\u038f\u0390\u03ac-\u03b0\u03ca-\u03ce\u1f00-\u1fff]")


def _without_tonos(text: str) -> str:
    """``πρόξενος`` → ``προξενος``: accents and breathings dropped, letters kept."""
    return unicodedata.normalize("NFC", "".join(
        ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch)))


@cache
def lexicon(name: str) -> Lexicon:
    """The phrase list ``roles/data/NAME.txt``."""
    words: set[str] = set()
    phrases: set[tuple[str, ...]] = set()
    for entry in _entries(name):
        parts = tokens(entry)
        if len(parts) == 1:
            words.add(parts[0])
        elif parts:
            phrases.add(parts)
    longest = max((len(p) for p in phrases), default=1)
    sizes: dict[str, set[int]] = {}
    for word in words:
        sizes.setdefault(word, set()).add(1)
    for phrase in phrases:
        sizes.setdefault(phrase[0], set()).add(len(phrase))
    ordered = {word: tuple(sorted(found, reverse=True)) for word, found in sizes.items()}
    return Lexicon(name, frozenset(words), frozenset(phrases), longest, ordered)


@cache
def mapping(name: str) -> dict[str, str]:
    """A list of ``key = value`` entries (keys compared as lower-case words)."""
    table: dict[str, str] = {}
    for entry in _entries(name):
        key, _, value = entry.partition("=")
        table[" ".join(tokens(key))] = value.strip()
    return table


def record_heading(text: str, words: tuple[str, ...] | None = None) -> str | None:
    """The part of a digital archive's record that a heading line opens (``people``,
    ``source``…: ``record_headings.txt``), or ``None`` (``words``: the text's
    :func:`tokens`, when the caller has them)."""
    return mapping("record_headings").get(" ".join(tokens(text) if words is None else words))


def acknowledges(words: tuple[str, ...]) -> bool:
    """Whether ``words`` read as a funding or acknowledgement sentence: several words of
    the list (``support``, ``grant``, ``made possible``, ``translated``…)."""
    hits = lexicon("acknowledgements").count(words)
    strong = lexicon("acknowledgements_strong").find(words) is not None
    return hits >= 3 or (hits >= 2 and strong) or ("possible" in words and hits >= 2)
