"""Passages written in another script than the rest of the text get their own ``xml:lang``.

A date in Chinese characters in an English report, a signature in Cyrillic letters under a
letter in English: the element that holds such a passage, and only its letters, is marked
with the passage's language, so that a reader, a screen reader or a hyphenator knows it::

    <closer><dateline>Pyongyang, <date when="1962-03-03" xml:lang="zh">一九六二年三月三日</date>
    </dateline><signed xml:lang="und-Cyrl">А. Пузанов</signed></closer>

The rule is deliberately narrow: an element is marked when every letter of its content
belongs to one script that is not the text's main script, and at least :data:`MIN_LETTERS`
letters do; the outermost such element is marked, nothing inside it. Text outside any
element of its own is left as it is (the encoder never adds elements for a language).

The language is the script's own where the script tells it (Han: ``zh``, kana: ``ja``,
Hangul: ``ko``, Greek, Arabic, Hebrew …). The Latin and Cyrillic scripts are shared by many
languages: the passages in one of them get the language their words, read together, show
clearly, else ``und`` with the script (``und-Cyrl``: a language not determined, written in
Cyrillic), which BCP 47 allows and which claims no more than the transcript shows. Kana and
Han count as one script here, as Japanese writes them together.
"""

from __future__ import annotations

import string
from collections import Counter

from lxml import etree

from teikit.encoder import language
from teikit.tei import xml

MIN_LETTERS = 2
"""A passage of fewer letters (an initial, a single sign) is not marked."""

SUBTAGS = {
    "Latin": "Latn", "Cyrillic": "Cyrl", "Greek": "Grek", "Han": "Hani", "Kana": "Kana",
    "Hangul": "Hang", "Arabic": "Arab", "Hebrew": "Hebr", "Devanagari": "Deva",
    "Thai": "Thai", "Georgian": "Geor", "Armenian": "Armn",
}
"""ISO 15924 codes of the scripts :func:`teikit.encoder.language.script` tells apart."""

_ASCII_LETTERS = str.maketrans("", "", string.ascii_letters)
"""Deletes the ASCII letters (what is left tells how many there were)."""
_SHARED = frozenset({"Latin", "Cyrillic"})
_TOGETHER = {"Kana": "Han"}  # Japanese mixes the two; detect() tells ja from zh


def mark(text: etree._Element) -> list[str]:
    """Mark the passages of ``text`` written in another script with their ``xml:lang``;
    the languages given, in document order, without repeats."""
    if len(_scripts(etree.tostring(text, method="text", encoding=str, with_tail=False))) < 2:
        return []  # one script throughout: no passage can be in another (most documents)
    letters = _letters(text)
    main = letters[text].most_common(1)[0][0] if letters[text] else None
    passages: dict[str, list[etree._Element]] = {}
    stack = list(reversed(_elements(text)))
    while stack:
        element = stack.pop()
        found = letters[element]
        if element.get(xml("lang")) is not None:
            continue  # declared already, with all it holds
        if len(found) == 1 and main not in found and found.total() >= MIN_LETTERS:
            passages.setdefault(next(iter(found)), []).append(element)
        else:
            stack.extend(reversed(_elements(element)))
    given: dict[str, None] = {}
    for script, elements in passages.items():
        tag = _language(script, [etree.tostring(e, method="text", encoding=str, with_tail=False)
                                 for e in elements])
        for element in elements:
            element.set(xml("lang"), tag)
        given[tag] = None
    return list(given)


def name(tag: str) -> str:
    """The English name of a tag :func:`mark` gives (``und-Cyrl``: undetermined, Cyrillic)."""
    if tag.startswith("und-"):
        scripts = {code: script for script, code in SUBTAGS.items()}
        return f"undetermined ({scripts.get(tag[4:], tag[4:])} script)"
    return language.name(tag)


def _elements(parent: etree._Element) -> list[etree._Element]:
    return [child for child in parent if isinstance(child.tag, str)]


def _letters(text: etree._Element) -> dict[etree._Element, Counter[str]]:
    """Each element's letters counted by script, its whole content (children first, so
    each element's text is read once) except what a child with its own xml:lang holds."""
    counts: dict[etree._Element, Counter[str]] = {}
    lang = xml("lang")
    for element in reversed(list(text.iter(etree.Element))):
        found = _scripts(element.text)
        for child in element:
            if isinstance(child.tag, str) and child.get(lang) is None and counts[child]:
                found.update(counts[child])
            tail = child.tail
            if tail and not tail.isspace():  # most are a line end and an indentation
                found.update(_scripts(tail))
        counts[element] = found
    return counts


def _scripts(text: str | None) -> Counter[str]:
    found: Counter[str] = Counter()
    if not text or text.isspace():
        return found
    if text.isascii():  # letters of one script only, counted at C speed
        letters = len(text) - len(text.translate(_ASCII_LETTERS))
        if letters:
            found["Latin"] = letters
        return found
    for char, count in Counter(text).items():  # each distinct character looked up once
        if (script := language.script(char)) is not None:
            found[_TOGETHER.get(script, script)] += count
    return found


def _language(script: str, passages: list[str]) -> str:
    """The language of a script's passages, read together (a signature and a dateline in
    Cyrillic show their language better as one text than apart)."""
    detected = language.detect(" ".join(passages))
    if script not in _SHARED or detected.sure:
        return detected.tag
    return f"und-{SUBTAGS[script]}"
