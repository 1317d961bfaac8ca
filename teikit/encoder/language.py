"""The language a transcript is written in, for ``xml:lang`` and ``langUsage``.

A small detector of teikit's own, kept as data in ``languages.toml`` (no dependency and
no model to download; the same answer on every machine): the script that most letters are
written in decides Greek, Chinese, Japanese, Korean, Arabic, Hebrew…; for the languages that
share the Latin or the Cyrillic script, frequent short words and a few letters are counted,
each word weighing less the more languages use it. A detection is *sure* when enough words
were counted and the best language clearly leads the next; otherwise it is still given, and
the encoder warns (TK140) so that the editor can say (``--lang``, or ``lang`` in the profile).
Letters of other scripts, when there are a few and their language is sure, are listed as
further languages of the text (a Greek dateline, a date in Chinese).
"""

from __future__ import annotations

import functools
import heapq
import re
import sys
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from operator import itemgetter

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
"""A BCP 47 language tag, in the shape ``xml:lang`` needs (``en``, ``sr-Latn``, ``de-AT``)."""

_RANGES = (  # (first, last, script); ordered by first code point
    (0x0041, 0x024F, "Latin"), (0x0370, 0x03FF, "Greek"), (0x0400, 0x052F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"), (0x0590, 0x05FF, "Hebrew"), (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"), (0x0900, 0x097F, "Devanagari"), (0x0E00, 0x0E7F, "Thai"),
    (0x10A0, 0x10FF, "Georgian"), (0x1100, 0x11FF, "Hangul"), (0x1E00, 0x1EFF, "Latin"),
    (0x1F00, 0x1FFF, "Greek"), (0x3040, 0x30FF, "Kana"), (0x3130, 0x318F, "Hangul"),
    (0x3400, 0x4DBF, "Han"), (0x4E00, 0x9FFF, "Han"), (0xAC00, 0xD7AF, "Hangul"),
    (0xF900, 0xFAFF, "Han"), (0xFB50, 0xFDFF, "Arabic"), (0xFE70, 0xFEFF, "Arabic"),
)
_PERSIAN = frozenset("پچژگ")
_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 10
"""Fewer counted words than this is never a sure detection."""
LEAD = 1.5
"""The best language must score this many times the next one to be sure."""
OTHER_SCRIPT = 4
"""Letters of another script, at least this many, add its language to ``langUsage``."""


@dataclass(frozen=True)
class Detected:
    """The main language, whether the detection is sure, and other languages present."""

    tag: str
    sure: bool
    others: tuple[str, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class _Data:
    names: dict[str, str]
    scripts: dict[str, str]
    weights: dict[str, dict[str, float]]  # word → language → weight
    letters: dict[str, str]  # letter → language


@functools.cache  # the data file is read once
def _data() -> _Data:
    text = resources.files("teikit.encoder").joinpath("languages.toml").read_text("utf-8")
    data = tomllib.loads(text)
    users: dict[str, set[str]] = {}
    for language, words in data["words"].items():
        for word in words:
            users.setdefault(word, set()).add(language)
    weights = {word: {lang: 1 / len(langs) for lang in langs} for word, langs in users.items()}
    letters = {ch: lang for lang, chars in data["letters"].items() for ch in chars}
    return _Data(data["names"], data["scripts"], weights, letters)


def name(tag: str) -> str:
    """The English name of a language tag (the tag itself when teikit does not know it)."""
    return _data().names.get(tag, tag)


@functools.lru_cache(maxsize=8192)
def script(char: str) -> str | None:
    """The script of one character (``Latin``, ``Cyrillic``, ``Han``…), else ``None``."""
    code = ord(char)
    for first, last, found in _RANGES:
        if code < first:
            return None
        if code <= last:
            return found if char.isalpha() or found in {"Han", "Kana"} else None
    return None


def detect(text: str) -> Detected:
    """The language ``text`` is written in (``und`` when it has no letters at all)."""
    scripts: Counter[str] = Counter()
    for char, count in Counter(text).items():  # each distinct character looked up once
        if (found := script(char)) is not None:
            scripts[found] += count
    if not scripts:
        return Detected("und", False, reason="the transcript has no letters")
    main = scripts.most_common(1)[0][0]
    read = _Read(text)
    detected = _of_script(read, main, scripts)
    others = tuple(dict.fromkeys(
        other.tag for found, count in scripts.items() if found != main and count >= OTHER_SCRIPT
        and (other := _of_script(read, found, scripts)).sure and other.tag != detected.tag))
    return Detected(detected.tag, detected.sure, others, detected.reason)


class _Read:
    """What the detection counts in a text, each read from it once, when first needed (a
    text with letters of several scripts is scored once for each)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @functools.cached_property
    def lower(self) -> str:
        return self.text.lower()

    @functools.cached_property
    def words(self) -> list[str]:
        """The text's words that some language lists, in the order they come."""
        weights = _data().weights
        return [word for word in _WORD.findall(self.lower) if word in weights]

    @functools.cached_property
    def letters(self) -> Counter[str]:
        return Counter(self.lower)


def _of_script(read: _Read, found: str, scripts: Counter[str]) -> Detected:
    if found in {"Latin", "Cyrillic"}:
        return _by_words(read, found)
    return _by_script(read.text, found, scripts)


def _by_script(text: str, main: str, scripts: Counter[str]) -> Detected:
    if main in {"Han", "Kana"}:
        kana = scripts.get("Kana", 0)
        return Detected("ja" if kana * 10 >= scripts.get("Han", 0) + kana else "zh", True)
    if main == "Arabic" and not _PERSIAN.isdisjoint(text):
        return Detected("fa", True)
    return Detected(_data().scripts[main], True)


def _by_words(read: _Read, main: str) -> Detected:
    data = _data()
    scores: dict[str, float] = {}
    counted = 0
    weights = data.weights
    for word in read.words:  # every occurrence, in order: the same sums to the last bit
        if script(word[0]) == main:
            counted += 1
            for tag, weight in weights[word].items():
                scores[tag] = scores.get(tag, 0) + weight
    for char, count in read.letters.items():
        if (language := data.letters.get(char)) is not None and script(char) == main:
            scores[language] = scores.get(language, 0) + count
    if not scores:
        fallback = data.scripts[main]
        return Detected(fallback, False, reason=f"no common word of any language; {main} "
                        f"letters, taken for {name(fallback)}")
    ranked = [*heapq.nlargest(2, scores.items(), key=itemgetter(1)), ("", 0.0)]
    (best, top), (second, runner) = ranked[0], ranked[1]
    sure = counted >= MIN_WORDS and top >= LEAD * runner
    reason = "" if sure else (
        f"only {counted} common words" if counted < MIN_WORDS
        else f"{name(second)} scores almost as high")
    return Detected(best, sure, reason=reason)
