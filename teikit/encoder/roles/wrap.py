"""Prose wrapped over several lines: which line breaks are the typist's, which the text's.

A transcript typed or exported at a fixed width breaks every long paragraph into lines
of nearly that width. Such a transcript shows itself by its lines: nothing is longer
than the width (a long unbreakable word aside), and many lines come within a few
characters of it. In such a transcript a line break is a wrap when the line is nearly
full and the next line's first word would not have fitted after it; a line that stops
short, with room for that word, ends its paragraph (or is a line of its own: an
address, a field, a signature).

Without a fixed width, only the plainest evidence joins two lines: a long line that
does not end a sentence, followed by one that begins in lower case.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from teikit.encoder.dates import ParsedDate, parse_date
from teikit.encoder.roles.lexicon import acknowledges, lexicon, record_heading, tokens
from teikit.encoder.roles.names import name_likeness
from teikit.encoder.source import BLANKS
from teikit.encoder.source import Line as SourceLine

LONGEST_WRAP = 110
"""No typist or exporter wraps wider than this; a transcript with many longer lines
keeps its paragraphs on one line each."""
NEAR_FULL = 0.2
"""A line is full within this share of the width (ragged right margins)."""
RAGGED = 0.1
"""A typist's right margin wanders by this share of the width: a word that would have
overrun the line by less than that may still have been carried to the next line, when
the line ends in the middle of a phrase (on a word in lower case or a comma)."""
MIN_WIDTH = 40
"""No transcript is wrapped narrower than this."""
OPEN_LINES = 4
"""How many full lines broken inside a sentence show a fixed width."""
_OWN_LINE = re.compile(
    r"""(?:\(?(?:\d{1,3}|[a-h]|[ivx]{1,5})[.)]|[-–—•*·])\s    # a numbered or marked item
      | (?:ad|item|art\.?|article|artículo|artigo|point|punkt|pkt\.?|§)\s?\d{1,3}[.:)]?\s
      | [¹²³⁴⁵⁶⁷⁸⁹⁰]+\s|\[\d{1,3}\]\s                          # a note under a text
      | (?P<page>\[(?:page|p\.)\s[^\]]*\])                     # a page marker
      | (?P<label>[^\W\d_][\w.'’/-]{0,23}(?:\s[\w.'’/-]{1,24}){0,3}\s?:)(?:\s|$)
      | -\s?\d+\s?-$                                         # '- 2 -'
    """, re.IGNORECASE | re.VERBOSE)
"""A line that starts something of its own and is never a wrapped line's rest: an item,
a note, a page marker (unless the sentence runs on after it, in lower case: the page
turned in mid-sentence), a label (one in lower case only when it is a known field
label, ``cc:``; ``on the other side:`` goes on a sentence)."""
_MARK_ALONE = re.compile(r"^\[[^\[\]]+\]$")
"""A bracket that is the whole line: a stamp, a handwritten note, a remark on its own."""
_BACKWARD = re.compile(r"\[(?:sic!?|Sic!?|SIC!?|\?)\](?:\s|$)")
"""A mark that applies to the word before it, and so never opens a line of its own."""
_SENTENCE_END = (".", "!", "?", ":", ";")
_CLOSERS = "\"'”’)]"


@dataclass(frozen=True)
class Width:
    """The width a transcript is wrapped at, or ``None`` when it is not wrapped."""

    columns: int | None

    def wraps(self, line: str, after: str, in_bracket: bool = False,
              then: str | None = None, going_on: bool = False) -> bool:
        """Whether the break between ``line`` and the next line ``after`` is a wrap
        (``in_bracket``: a bracket opened earlier in the paragraph is still open;
        ``then``: the line after ``after`` in the same block, if any; ``going_on``: the
        break above ``line`` was a wrap too, so a short line inside a sentence typed by
        hand goes on as well)."""
        text = line.strip(BLANKS)
        rest = after.strip(BLANKS)
        if not rest.split() or (_indent(after) > _indent(line) and not self._hanging(line, rest)):
            return False  # an indented line opens a paragraph
        if _BACKWARD.match(rest) and text[-1:].isalnum():
            return True  # "[sic]" or "[?]" looks back at the word that ends the line above
        own = _own_line(rest) or _new_sentence(text, rest)
        if self.columns is not None and self.fills(line.rstrip(BLANKS), rest):
            ends = self._ends_there(after, then)
            if in_bracket or not (own or _after_sentence(text, rest, ends)
                                  or _name_alone(text, rest, ends)
                                  or _another_kind(text, rest, ends)
                                  or _heading(text, rest, ends)):
                return True
        return not own and (_plain_wrap(text, rest) or (going_on and _goes_on(text, rest)))

    def _hanging(self, line: str, rest: str) -> bool:
        """Whether an indented line goes on the full line above it that stops inside a
        sentence: a hanging indent (``Present: 7 members …, Eng. F. Kovanda for the`` /
        ``   district agricultural department, …``), not a paragraph's first line."""
        text = line.strip(BLANKS)
        return (self.columns is not None and not text.rstrip(_CLOSERS).endswith(_SENTENCE_END)
                and self.fills(line.rstrip(BLANKS), rest) and not _own_line(rest))

    def _ends_there(self, after: str, then: str | None) -> bool:
        """Whether the line ``after`` ends where it is: no word of the line ``then``
        under it would have fitted on it. (A line that runs on is a wrapped paragraph's,
        not a heading's or a name's.)"""
        return then is None or not then.strip(BLANKS) or not self.fills(
            after.rstrip(BLANKS), then.strip(BLANKS))

    def fills(self, text: str, rest: str) -> bool:
        """Whether ``text`` (with its indentation) leaves no room for ``rest``'s first word."""
        assert self.columns is not None
        if not (1 - 2 * NEAR_FULL) * self.columns <= len(text) <= self.columns:
            return False  # short, or one of the long lines left unwrapped
        words = rest.split()
        if not words:
            return False  # only characters Python counts as spaces (U+001C, U+2028 …)
        reach = len(text) + 1 + len(words[0])
        if reach > self.columns:
            return True
        return reach > (1 - RAGGED) * self.columns and _ends_open(text)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(BLANKS))


def _own_line(text: str) -> bool:
    """A line that starts something of its own: an item, a page marker, a label, or a
    heading of a record's metadata or a field label alone (``Rights``, ``PARTICIPANTS``)."""
    if _MARK_ALONE.match(text):
        return True
    if found := _OWN_LINE.match(text):
        if found["page"]:
            return not text[found.end():].lstrip(BLANKS)[:1].islower()
        if found["label"] and text[:1].islower():  # "subject: …", not "for the board: …"
            label = tokens(found["label"])
            hit = lexicon("field_labels").prefix(label)
            return hit is not None and (hit == " ".join(label) or hit not in lexicon(
                "function_words").words)
        return True
    words = tokens(text)
    if len(words) <= 5 and text.endswith((",", ":")) and lexicon("salutations").prefix(words):
        return True  # "Monsieur le Directeur,"
    if not words or len(words) > 4 or text.endswith(".") or len(text) < 3:
        return False
    return (record_heading(text, words) is not None
            or lexicon("field_labels").prefix(words) == " ".join(words))


def _new_sentence(text: str, rest: str) -> bool:
    """A line that opens on a capitalised grammar word (``The``, ``In``, ``According``
    is not one) under a line that ends on a word of the text, not a sentence's end: a
    heading over a paragraph, not a sentence going on (it would say ``the``). Text in
    capitals says nothing."""
    first = rest.split()[0]
    if not first[:1].isupper() or first.isupper() or first.endswith(".") or text.isupper():
        return False
    bare = text.rstrip(_CLOSERS)
    return (bare[-1:].isalpha() and first.lower().rstrip(",;:") in lexicon("function_words").words
            and first.lower() != "i")


def _after_sentence(text: str, rest: str, ends: bool) -> bool:
    """A line with no final punctuation that ends where it is (``ends``: no word of the
    next line would have fitted on it) after a sentence's end is a line of its own: a
    name, an office, a heading under a paragraph. A wrapped paragraph's last line ends
    with a full stop or another mark, and its other lines are full."""
    return (ends and text.rstrip(_CLOSERS).endswith((".", "!", "?")) and not _abbreviated(text)
            and not rest.rstrip(_CLOSERS).endswith((*_SENTENCE_END, ","))
            and len(rest.split()) <= 8)


def _name_alone(text: str, rest: str, ends: bool) -> bool:
    """A personal name that ends where it is, under a line that signs on behalf of a body
    (``For the Ministry of …``), is the signer's line, not the end of a wrapped sentence.
    (A title's last words look like a name as well: ``… in the Mekong`` ``Delta
    Provinces``.)"""
    return (ends and bool(lexicon("on_behalf").prefix(tokens(text))) and not _ends_open(text)
            and len(rest.split()) <= 4 and not rest.endswith(".")
            and name_likeness(rest) >= 0.75)


def _another_kind(text: str, rest: str, ends: bool) -> bool:
    """A line of another kind that ends where it is, under a line that does not stop on
    a word that needs more (``of``, ``the``, a comma): a funding line, a date line, the
    authors' initials and names under a title. A title wrapped onto the next line goes
    on in words of the same kind."""
    last = text.split()[-1].lower() if text.split() else ""
    if (not ends or not rest[:1].isupper() or text.endswith(",")
            or last in lexicon("function_words").words):
        return False
    if _initialled_names(rest) and not _abbreviated(text) and not rest.endswith("."):
        return True
    if _names_kind(rest) and not rest.rstrip(_CLOSERS).endswith(_SENTENCE_END):
        return True  # "… Cooperative “Nová doba”, Břeclav district" / "Minutes of the …"
    return not _ends_open(text) and (acknowledges(tokens(rest)) or _date_line(rest))


def _heading(text: str, rest: str, rest_ends: bool) -> bool:
    """A line set as a heading (most of its longer words capitalised) that ends on a
    capitalised word, followed by a line written as a sentence or holding a number that
    ends there too (``rest_ends``: ``Translated with the support of …`` under a title,
    ``Session of 20.5.1969`` under a heading), or a funding line and the line under it:
    two lines, not one. (Text mostly in capitals says nothing; a sentence that runs on
    over further lines is a wrapped paragraph, not a line under a heading.)"""
    letters = [char for char in text if char.isalpha()]
    if not letters or sum(char.isupper() for char in letters) >= 0.8 * len(letters):
        return False
    last = text.split()[-1]
    if not last[:1].isupper() or last.endswith((".", ",")) or not rest[:1].isupper():
        return False
    if _capitalised(text) < 0.6:
        return False
    if acknowledges(tokens(text)) or acknowledges(tokens(rest)):
        return True  # a title over its funding line, or the funding line over a letterhead
    numbered = (len(rest.split()) <= 4 and any(char.isdigit() for char in rest)
                and not lexicon("org_words").find(tokens(rest)))  # not '… Bureau, 1946'
    sentence = _long_words(rest) and _capitalised(rest) <= 0.6
    return rest_ends and (sentence or numbered) and not _ends_open(rest)


def _names_kind(text: str) -> bool:
    """A line that opens with the kind of a document and what it is of or on
    (``Minutes of the 7th board meeting …``, ``Report on …``): a heading of its own."""
    words = tokens(text)
    kind = lexicon("kind_words").prefix(words)
    if kind is None or not text[:1].isupper():
        return False
    after = words[len(kind.split()):][:1]
    return after in (("of",), ("on",), ("about",), ("concerning",), ("from",), ("to",))


def _date_line(text: str) -> bool:
    """A date of a month or a day alone, or a short place and such a date (``Tamale,
    30 November 1963``; not ``Trade Representation, 20 September 1956``, the rest of a
    body's name, nor ``Rukwa basin, 1962``, the rest of a title)."""
    if _monthly(parse_date(text)):
        return True
    place, comma, date = text.rpartition(", ")
    return (bool(comma) and len(place.split()) <= 3 and _monthly(parse_date(date))
            and all(word[:1].isupper() for word in place.split())
            and not lexicon("org_words").find(tokens(place)))


def _monthly(date: ParsedDate | None) -> bool:
    return date is not None and len(date.when or date.from_ or "") >= 7


def _initialled_names(text: str) -> bool:
    """Names with initials, one or several (``J. Horák, M. Kudrnová``): authors' names."""
    names = re.split(r",\s+|\s+(?:and|&)\s+", text.rstrip(BLANKS))
    return all(name_likeness(name) == 1.0 for name in names)


def _abbreviated(text: str) -> bool:
    """Whether the final full stop is an abbreviation's: a title (``Dr.``) or an initial."""
    last = text.split()[-1].rstrip(".")
    return (len(last) == 1 and last.isupper()) or last.lower() in lexicon("titles").words


def _ends_open(text: str) -> bool:
    """Whether a line stops in the middle of a phrase: on a word in lower case or a comma."""
    words = text.split()
    if not words or text.rstrip(_CLOSERS).endswith(_SENTENCE_END):
        return False
    return words[-1][:1].islower() or text.endswith(",")


def _long_words(text: str) -> list[str]:
    """The words of four letters or more."""
    return [word for word in text.split() if sum(char.isalpha() for char in word) >= 4]


def _capitalised(text: str) -> float:
    """The share of capitalised words among the words of four letters or more."""
    words = _long_words(text)
    return sum(word[:1].isupper() for word in words) / len(words) if words else 0.0


def _goes_on(text: str, rest: str) -> bool:
    """A sentence left open at the line's end going on in the next line with a small
    letter, a bracket or a mark before it (``and ~~forty~~`` / ``sixty weavers``, ``a
    collar with a`` / ``[illegible] worked``). A number first may open an entry or a
    date heading: only a line long enough to have been wrapped runs on into one."""
    first = rest.lstrip("[~(\"'“‘")[:1]
    return not text.rstrip(_CLOSERS).endswith(_SENTENCE_END) and first.islower()


_BROKEN_WORD = re.compile(r"[^\W\d_]{2}[-‐]$")
"""A line that ends in the middle of a word, broken with a hyphen (``opera-``)."""


def hyphen_break(line: str, after: str) -> bool:
    """Whether a word is broken over the end of ``line`` (``… the opera-``) and goes on at
    the start of ``after`` in lower case (``tors of the …``)."""
    rest = after.strip(BLANKS)
    return bool(_BROKEN_WORD.search(line.rstrip(BLANKS))) and rest[:1].islower() and not (
        _indent(after) > _indent(line))


def _plain_wrap(text: str, rest: str) -> bool:
    bare = text.rstrip(_CLOSERS)
    return (len(bare.split()) >= 8 and not bare.endswith(_SENTENCE_END)
            and rest[:1].islower())


def width(lines: Sequence[SourceLine], indices: Sequence[int]) -> Width:
    """The wrapping width of the non-blank ``indices`` of ``lines``, if they have one.

    The width is the one that explains the most breaks inside a sentence: a line that
    does not end one, whose next line's first word would not have fitted after it. A
    width wider than the typist's leaves room for many such words; a narrower one is
    overrun by the lines typed at the true width. A few lines left unwrapped (a title,
    a signer's long office) may be longer than it."""
    texts = [lines[i].text.rstrip(BLANKS) for i in indices]
    record = _record_prose(texts)
    lengths = [0 if position in record else len(text) for position, text in enumerate(texts)]
    longer = sum(length > LONGEST_WRAP for length in lengths)
    if not lengths or longer > max(1, len(lengths) // 50):
        return Width(None)
    breaks: Counter[tuple[int, int]] = Counter()
    for position, (text, after) in enumerate(pairwise(texts)):
        if indices[position + 1] == indices[position] + 1 and after.split() and (
                not text.rstrip(_CLOSERS).endswith(_SENTENCE_END)):
            breaks[len(text), len(text) + 1 + len(after.split()[0])] += 1
    best, explained = None, 0
    for columns in sorted({n for n in lengths if MIN_WIDTH <= n <= LONGEST_WRAP}, reverse=True):
        if sum(length > columns for length in lengths) > max(2, len(lengths) // 10):
            break  # a width most lines keep to, a few long ones left unwrapped aside
        count = sum(times for (length, reach), times in breaks.items()
                    if (1 - 2 * NEAR_FULL) * columns <= length <= columns < reach)
        if count > explained:
            best, explained = columns, count
    if best is None or explained < OPEN_LINES:
        return Width(None)
    full = [length for length in lengths if (1 - NEAR_FULL) * best <= length <= best]
    return Width(best) if 3 * explained >= len(full) else Width(None)


def _record_prose(texts: Sequence[str]) -> set[int]:
    """The positions of a digital archive record's own lines, not the document's: its
    title and funding line at the top, and from the summary over its first heading on,
    its metadata (a source, the rights). The archive writes each on one line, whatever
    width the document's text was typed at."""
    first = next((position for position, text in enumerate(texts)
                  if record_heading(text) is not None), None)
    if first is None:
        return set()
    return {*range(min(3, len(texts))), *range(max(3, first - 1), len(texts))}


INDENT = 2
"""The fewest spaces that indent a paragraph's first line."""


def indented_openers(lines: Sequence[SourceLine], indices: Sequence[int],
                     step: int = 1) -> set[int]:
    """The positions of the lines that open paragraphs by indenting their first line, in
    blocks typed without blank lines between paragraphs (``step``: 2 where a blank line
    follows every line): two or more lines indented alike, each over lines flush with
    the margin that go on its text."""
    openers: set[int] = set()
    start = 0
    while start < len(indices):
        end = start
        while end + 1 < len(indices) and indices[end + 1] <= indices[end] + step:
            end += 1
        texts = [lines[indices[p]].text for p in range(start, end + 1)]
        indents = [_indent(text) for text in texts]
        found = [start + n for n, indent in enumerate(indents[:-1])
                 if indent >= INDENT and indents[n + 1] == 0 and len(texts[n].split()) >= 5]
        deep = {indent for indent in indents if indent}
        if len(found) >= 2 and len(deep) == 1 and len(found) == sum(map(bool, indents)):
            openers.update(found)
        start = end + 1
    return openers


def goes_on_flush(line: str, after: str) -> bool:
    """Whether the line ``after``, flush with the margin, goes on the paragraph of
    ``line`` in a block whose paragraphs open with an indent: unless it starts something
    of its own (an item, a label, a page marker), or is a short line after a sentence's
    end (a name, a place and date under the text)."""
    text, rest = line.strip(BLANKS), after.strip(BLANKS)
    if not rest.split() or _indent(after) or _own_line(rest):
        return False
    return not (text.rstrip(_CLOSERS).endswith(_SENTENCE_END) and len(rest.split()) <= 4
                and not rest.rstrip(_CLOSERS).endswith(_SENTENCE_END))


LISTS = frozenset({"authors", "people", "places", "topics", "subjects", "related"})
"""A record's headings over lists, one entry a line (names, places, topics)."""


def runs_on(columns: Width, text: str, after: str | None) -> bool:
    """Whether ``text`` is prose wrapped onto the line ``after``: it fills the width and
    reads as a sentence (three words in lower case that are not grammar words) or goes on
    in lower case on the next line, as no entry of a record's list does (a record's
    summary may follow its authors' names with no blank line between)."""
    if columns.columns is None or after is None or not after.strip(BLANKS):
        return False
    grammar = lexicon("function_words").words
    prose = sum(word[:1].islower() and word.lower() not in grammar for word in text.split())
    going_on = after.strip(BLANKS)[:1].islower()  # "… Joshi" / "discuss Polish …"
    return (prose >= 3 or going_on) and columns.fills(text.rstrip(BLANKS), after.strip(BLANKS))


def list_heading(text: str) -> bool | None:
    """``True`` for a record's heading over a list (``Associated Places``), ``False`` for
    its other headings (``Source``: prose that may wrap), ``None`` for any other line."""
    kind = record_heading(text)
    return None if kind is None else kind in LISTS
