"""What each line of a transcript looks like: features computed once per line.

A :class:`Line` holds the cheap facts about one non-blank line — its shape (length,
case, final punctuation, a label, a number), its content (a date, name-likeness, words
from the phrase lists) — and :class:`Page` the facts about the whole region that the
evidence compares lines against (where running text begins and ends, whether the
document is typed in capitals). Nothing here decides a role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from teikit.encoder.dates import (
    DateOptions,
    ParsedDate,
    find_dates,
    parse_date,
    weekday_and_day,
)
from teikit.encoder.roles import shapes
from teikit.encoder.roles.lexicon import lexicon, tokens
from teikit.encoder.roles.memo import feature
from teikit.encoder.roles.names import TRAILING_NOTE, name_likeness, names_body

_MARK_BEFORE_NAME = re.compile(r"^(?:\(?a\)|\(s\)|/s/|\(signed\)|f\.to|fdo\.|gez\.)\s+", re.I)
"""A signature mark between an office and its name (``(a)``: Portuguese *assinado*)."""

_GLOSSED = re.compile(
    r"([^()\[\]（）]{2,40}?)\s*(?:[(（]([^()（）]{2,40})[)）]|\[([^\[\]]{2,40})\])")
_INITIALS = re.compile(r"(?:[^\W\d_a-z]\.(?:-[^\W\d_a-z]\.)?\s?){2,4}")
_GUTTER = re.compile(r"\S(?: {3,}|\t)\s*\S")
_CELL = re.compile(r"\S(?:.*?\S)??(?=(?: {3,}|\t)|\s*$)")
_FINAL_BRACKET = re.compile(
    r"(?:\s*\[[^\[\]]*\])+\s*$|(?<=[.!?,;:”’\"')\]])(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")
"""A final bracketed remark or footnote number, which does not change how a line ends."""
_LETTER_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")
"""``P R O T O C O L``, ``C R Y P T O G R A M``: a word typed with a space after each letter."""
_INITIALISM = re.compile(r"(?:[^\W\d_]\.){2,4}")
"""``A.C.T.``, ``D.C.``, ``U.S.A.``: letters each followed by a full stop."""
_INNER_END = re.compile(r"[^\W\d_]{4}[.!?]\s+[A-Z\u00c0-\u024f]")
"""A sentence end inside a line: a word of four letters or more (not ``Mr.``, ``Dr.``)."""
_LEAD_STOP = re.compile(r"[.:;]\s|\s[–—-]\s")
_CJK_NUMERALS = frozenset("〇零一二三四五六七八九十年")
_ACRONYM = re.compile(r"[A-ZА-Я]{2,5}")
"""``PRL``, ``USSR``: a state's or a body's initials, not a surname."""
_OFFICE_QUALIFIERS = frozenset({
    "designate", "elect", "emeritus", "extraordinary", "plenipotentiary", "honorary",
    "interim", "adjoint", "adjunct", "suppléant", "substitute", "resident", "at-large"})
"""Words after an office that qualify it (``Ambassador Designate``), never a name."""
_STREET_WORDS = frozenset({
    "street", "road", "avenue", "boulevard", "lane", "rue", "chaussée", "strasse", "straße",
    "platz", "allee", "gasse", "viale", "piazza", "corso", "calle", "avenida", "rua", "ulica",
    "ul.", "utca", "straat", "laan", "gracht", "quai", "quay", "square", "terrace",
    "embankment", "kade", "kai"})
"""The entries of the sender's particulars (``contact_words``) that name a street."""
_STREET_ENDINGS = ("strasse", "straße", "gasse", "platz", "allee", "straat", "gracht")
"""How a street's name ends where it is written as one word (``Dinghoferstrasse``)."""
_YEAR = re.compile(r"^\(?(?:1[0-9]|20)\d\d(?:[–/-]\d{2,4})?[).,;:]?$")
"""A year, or a span of years (``1960–61``): not a street number or a telephone."""
_END_STRIP = "\"'”’)»]"


def _dated(date: ParsedDate) -> bool:
    """A date of at least a month, or one shaped like a date that cannot be read
    (``31 June 1959``: a dateline all the same, whose date stays untagged)."""
    return len(date.when or date.from_ or "") >= 7 or date.problem is not None


def glossed_name_likeness(text: str) -> float:
    """How much ``text`` looks like a person's name; a name followed by its other form in
    brackets (``田村 修三 (Tamura Shūzō)``, ``Ivan Petrov (Иван Петров)``, ``रमाकांत
    त्रिपाठी [Ramakant Tripathi]``) counts as either form."""
    likeness = name_likeness(text)
    match = _GLOSSED.fullmatch(text)
    if likeness >= 0.75 or match is None:
        return likeness
    first, other = match[1], name_likeness(match[2] or match[3])
    if not any(ch.isupper() or ch.islower() for ch in first):
        return max(likeness, other)  # a script without case, glossed in one with it
    if names_body(first):
        return likeness  # "Department V (Latin America)": a body, its region in brackets
    return max(likeness, min(name_likeness(first) + 0.5, other))


def year_less(text: str, year: int, dates: DateOptions) -> ParsedDate | None:
    """``text``, a day and month without a year (``June 18``, ``Mittwoch, 7. Dez.``),
    read as a date of ``year``."""
    return parse_date(text, replace(dates, default_year=year))


_PROCURATION = re.compile(
    r"^(?:p\.\s?p\.|pp\.|p\.\s?pa\.|per\s?pro(?:cura(?:tionem)?)?\.?|i\.\s?a\.|i\.\s?A\.)\s+",
    re.IGNORECASE)
"""``p.p.``, ``per pro``, ``per procura``, ``i.A.`` before the name of whoever signs."""
_EXPANDED = re.compile(r"(?<=\w)\((\w+)\)")
"""``p(er) p(rocura)``: an abbreviation with its expansion in round brackets."""
_AFTER_OFFICE = frozenset({"a.i.", "a. i.", "i.v.", "m.p.", "e.h.", "s.k.", "v.r.", "i.a."})
"""Abbreviations after an office or a name (``Encargado de Negocios a.i.``, ``… m.p.``):
they end no sentence."""
_PLACE_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*|[IVX]+|\d+)(?:,?\s[\w'’.-]+){0,4},\s")
"""A few words, the first capitalised, ending with a comma: where an entry was written."""
_COMMA_THE = re.compile(r",\s(?:le|den|el|il|am)\s*$")
"""``Bruxelles, le 3 mai 1961``, ``Berlin, den 5. Mai``: the article after the place."""
_PLACE_DEN = re.compile(r"(?:[A-ZÀ-Þ][\w'’.-]*\s){1,3}(?:den|am|dnia|dne)")
"""``Stockholm den``, ``Wien am``, ``Warszawa dnia``: a place joined to its date by the
word that says "on the", with no comma."""
_DEN = re.compile(r"(?:den|am|dnia|dne)\s", re.IGNORECASE)
_OTHER_SCRIPT_TAIL = re.compile(r"(?:\s+[^\sA-Za-z\u00C0-\u024F\d,;:()]+){2,4}$")
"""The last two to four words, none of them with a Latin letter (``В. С. Лаптев``)."""
_LATIN = re.compile(r"[A-Za-z]{2}")
_EDITION_SOURCE = re.compile(r"^(?:Source|Printed from|Printed in)\s*:?\s+\S", re.IGNORECASE)
_ARCHIVE_WORD = re.compile(r"\b(?:Archives?|Files?|RG|Record Group|Papers|Library|Box|copy|"
                           r"collection|minute book|Vol\.|volume)\b", re.IGNORECASE)
_SHORT_DOTTED = re.compile(r"(?<![\d.])[0-3]?\d\.[01]?\d\.\d\d(?![\d.])")
"""``14.3.72``: day, month and a two-digit year with dots."""
_RECEIPT = re.compile(r"(?:^|[.;,]\s)(?:Received|Recd\.?|Rec[’']d\.?|Eingang|Eingegangen|"
                      r"Reçu le|Recibido|Ricevuto|Ontvangen|Došlo|Wpłynęło|Поступило)\s",
                      re.IGNORECASE)
"""The word a registry's note of receipt opens its date with."""
_SENT = re.compile(r"\b(?:sent|dispatched|despatched|abgesandt|expédié|enviado)\b", re.IGNORECASE)
_BODY_LINKS = frozenset({"of", "in", "at", "for", "to", "de", "del", "della", "der", "des",
                         "du", "di", "do", "da", "im", "en", "w", "v", "ve", "u", "na"})
"""Words that go on with a body's name: whose it is or where (``Embassy in …``)."""
_DASH_BETWEEN = re.compile(r"\.?\s{1,3}[—–-]{1,2}\s{1,3}")
"""A dash with spaces round it, between two parts of a line."""
_REMARK = re.compile(r"\s{1,3}[–—-]{1,2}\s{1,3}(?P<remark>[^.!?;:]+?)\s*$")
"""A dash and a remark without a sentence's stop, to the end of the line."""
_ENTRY_STOP = re.compile(r"\s?(?:[.:;]|[-–—]\s)")
"""The stop after an entry's date (``1961-02-13.``, ``1961-02-16 – still Camp I``)."""


@cache
def _streets() -> frozenset[str]:
    """The words of the sender's particulars (``contact_words``) that name a street."""
    return lexicon("contact_words").words & _STREET_WORDS


@cache
def _not_surnames() -> frozenset[str]:
    """Words that never make a surname before an office typed in capitals: offices,
    titles, their qualifiers and grammar words."""
    return (_OFFICE_QUALIFIERS | lexicon("role_words").words | lexicon("titles").words
            | lexicon("function_words").words)


def _lone_surname(text: str) -> bool:
    """``Ionescu`` beside an office: one capitalised word that names no office, title,
    body or grammar word, and no acronym (``PRL``)."""
    words = text.split()
    if len(words) != 1 or _ACRONYM.fullmatch(words[0].strip(".,;")):
        return False
    word = tokens(words[0])
    return bool(word) and word[0] not in _not_surnames() and not lexicon("org_words").find(word)


@dataclass
class Line:
    """One non-blank line: position and the features the evidence reads."""

    index: int
    """Position among the transcript's non-blank (logical) lines."""
    number: int
    """Index of the line in the transcript's line list."""
    text: str
    dates: DateOptions = field(repr=False)
    last: int = -1
    """Index of the last transcript line the line covers (a bracket may span lines)."""
    blank_before: bool = False
    blank_after: bool = False

    def __post_init__(self) -> None:
        if self.last < self.number:
            self.last = self.number

    @feature
    def closed_up(self) -> str:
        """The text with a word typed letter-spaced for emphasis (``P R O T O C O L``)
        closed up: what the line's words and size are read from."""
        text = TRAILING_NOTE.sub("", self.text) or self.text  # "… [Editor's note: …]"
        return _LETTER_SPACED.sub(lambda m: m.group().replace(" ", ""), text)

    @feature
    def copy_note(self) -> bool:
        """A remark on the copy that opens with its mark and a stop: ``Copy. The original
        was returned to the petitions office.``, ``EXTRACT: paragraphs 3 and 4 only``."""
        mark = self.starts("copy_marks")
        return mark is not None and self.size <= 30 and (
            self.text[: len(mark)].lower() == mark and self.text[len(mark) : len(mark) + 2]
            in {". ", ": "})

    @feature
    def cells(self) -> int:
        """How many cells tabs set apart on the line (``Estate⇥Acres⇥Bags``: 3; 1 with no
        tab inside it)."""
        text = self.text.strip()
        return sum(1 for cell in text.split("\t") if cell.strip()) if "\t" in text else 1

    @feature
    def words(self) -> tuple[str, ...]:
        return tokens(self.closed_up)

    @feature
    def letters(self) -> str:
        """The line's letters, in order."""
        return "".join(filter(str.isalpha, self.text))

    @feature
    def digits(self) -> bool:
        """Whether the line has a digit (of any script)."""
        return any(map(str.isdigit, self.text))

    @feature
    def size(self) -> int:
        return len(self.closed_up.split())

    @feature
    def bare_size(self) -> int:
        """The size less a final remark in brackets (``… Odbor za pomorsku povijest
        [Committee for Maritime History]``): a gloss makes no line longer in kind."""
        if not self.text.endswith("]"):
            return self.size
        return len(_FINAL_BRACKET.sub("", self.closed_up).split()) or self.size

    @feature
    def end(self) -> str:
        """The last character, closing quotes and a final bracketed remark aside
        (``… request. [2 lines illegible]`` ends with a full stop)."""
        # "… a mother's plea.¹ [2 lines illegible]": a note's call and a remark both aside
        bare = _FINAL_BRACKET.sub("", _FINAL_BRACKET.sub("", self.text).rstrip())
        stripped = bare.rstrip(_END_STRIP) or self.text
        return stripped[-1] if stripped else ""

    @feature
    def columns(self) -> tuple[tuple[int, int], ...]:
        """The spans of a line set in columns (``Ion Vlădescu        Tahar Mestiri``: parts
        apart by three spaces or a tab), two to four of them; else none."""
        if "\n" in self.text or not _GUTTER.search(self.text):
            return ()
        spans = tuple(m.span() for m in _CELL.finditer(self.text))
        return spans if 2 <= len(spans) <= 4 else ()

    @feature
    def side_by_side_names(self) -> bool:
        """Every column of the line reads as a name (signatories side by side)."""
        cells = [self.text[a:b] for a, b in self.columns]
        return bool(cells) and all(glossed_name_likeness(cell) >= 0.75 for cell in cells)

    @feature
    def titled_name(self) -> float:
        """For ``Counsellor Jabłoński``, ``Deputy Minister Jan Kowal``, ``Colonel Brandt``:
        how much the words after the offices and titles that open a short line look like
        a name (0 when no office or title opens it, or nothing is left after them)."""
        if not 2 <= self.size <= 6 or any(mark in self.text for mark in ",:;()") or self.columns:
            return 0.0
        words, start = self.words, 0
        while start < len(words) and (hit := lexicon("role_words").at(words, start)
                                      or lexicon("titles").at(words, start)):
            start += len(hit.split())
        if start == 0 or start >= len(words) or not _OFFICE_QUALIFIERS.isdisjoint(words[start:]):
            return 0.0
        rest = self.text.split()[len(self.text.split()) - (len(words) - start):]
        likeness = name_likeness(" ".join(rest))
        if likeness < 1.0 and (len(rest) > 1 or _ACRONYM.fullmatch(rest[0])):
            return 0.0  # "Konsul Generalny PRL", "Secretaria de Actas": an office in full
        return likeness

    @feature
    def name_and_office(self) -> float:
        """For ``A. McLeod, President``, ``Chairwoman: M. Holm``, ``N. Holm (chairman)``,
        ``Chairman – P. Silva`` or ``O Presidente, (a) A. Lobo``: how much one part looks
        like a name (a signature mark before it left out) when the other names an office
        or a unit (else 0). A surname alone with an office (``Chargé d'affaires a.i.,
        Ionescu``, ``Ionescu, Ambassador``) gives 0.45."""
        if self.size > 9:
            return 0.0
        surname = 0.0
        text = self.text.rstrip("¹²³⁴⁵⁶⁷⁸⁹⁰")  # "G. Sturrock, Secretary⁴": a note's call
        for mark in (",", ":", "(", " – ", " — ", " - ", "\t"):
            first, found, second = text.partition(mark)  # a tab sets them in columns
            if not found:
                continue
            if mark == "(":  # "N. Aagaard-Bech (chairman)"
                if not second.endswith(")"):
                    continue
                second = second[:-1]
            for name, office in ((first, second), (second, first)):
                words = tokens(office)
                if lexicon("role_words").find(words) or lexicon("org_words").find(words):
                    likeness = name_likeness(_MARK_BEFORE_NAME.sub("", name.strip()))
                    if mark == "(" and name is second and likeness < 1.0:
                        continue  # "Department V (Latin America)": a unit and its region
                    if likeness >= 0.75:
                        return likeness
                    if (mark == "," or (mark == ":" and name is second)) and likeness > 0 and (
                            lexicon("role_words").find(words)) and _lone_surname(name) and (
                            len(words) <= 4 and not self.addressee):  # "Ambassador: TODOROV"
                        surname = 0.45
        return max(surname, self._capitals_then_office())

    def _capitals_then_office(self) -> float:
        """``HÄKKINEN COUNSELLOR``: a surname typed in capitals, then the office with no mark
        between them, as telegrams sign (0.75; else 0)."""
        words = self.words
        if not self.caps or not 2 <= len(words) <= 5:
            return 0.0
        whole = lexicon("role_words").prefix(words)
        if whole is not None and len(whole.split()) == len(words):
            return 0.0  # "COMMERCIAL ATTACHÉ": an office of two words
        for start in range(1, len(words)):
            hit = lexicon("role_words").at(words, start)
            if hit is not None and start + len(hit.split()) == len(words):
                head = self.text.split()[:start]
                offices = _not_surnames()
                if len(head) <= 2 and not any(word.lower() in offices for word in head) and (
                        min(len(word) for word in head) >= 2) and (  # not "Ο ΠΡΟΞΕΝΟΣ"
                        name_likeness(" ".join(head)) >= 0.45):
                    return 0.75
                return 0.0
        return 0.0

    @feature
    def caseless(self) -> bool:
        """Letters only of scripts without case (Arabic, Hebrew, CJK…)."""
        letters = self.letters
        return bool(letters) and not any(ch.isupper() or ch.islower() for ch in letters)

    @feature
    def caps(self) -> bool:
        letters = self.letters
        upper = sum(map(str.isupper, letters))
        return len(letters) >= 2 and upper >= 0.8 * len(letters) and upper > 1

    @feature
    def capitalised(self) -> float:
        """Share of the words that are not grammatical words and begin with a capital."""
        function = lexicon("function_words").words
        content = [w for w in self.closed_up.split() if w.lower().strip(",.;:") not in function]
        content = [w.lstrip("[(“\"'") for w in content if any(ch.isalpha() for ch in w)]
        if not content:
            return 0.0
        return sum(w[:1].isupper() for w in content) / len(content)

    @feature
    def numbers(self) -> bool:
        """Whether a word holds digits other than a year's (a street, a telephone)."""
        return self.digits and any(any(map(str.isdigit, word)) and not _YEAR.match(word)
                                   for word in self.text.split())

    @feature
    def street(self) -> bool:
        """A street and its number (``Linz, Dinghoferstrasse 27``, ``14 Elm Road``): a word
        naming a street, alone or ending a compound, and a number that is not a date."""
        if not self.numbers or self.date is not None:
            return False
        streets = _streets()
        return any(word in streets or (len(word) > 8 and word.endswith(_STREET_ENDINGS))
                   for word in self.words)

    @feature
    def function_words(self) -> int:
        function = lexicon("function_words").words
        return sum(map(function.__contains__, self.words))

    @feature
    def sentence(self) -> bool:
        """Running prose: ends a sentence and reads as one, or is long. A short line's
        final abbreviation (``CANTIERI NAVALI S.p.A.``) ends no sentence, nor does a
        place's after a comma (``DEPARTMENT OF EXTERNAL AFFAIRS, CANBERRA, A.C.T.``)."""
        split = self.text.split()
        last = split[-1].lower() if split else ""
        place = self.size <= 16 and len(split) > 1 and (
            (_INITIALISM.fullmatch(last) is not None and split[-2].endswith(","))
            or (len(split) > 2 and split[-3].endswith(",")
                and _INITIALISM.fullmatch(split[-2].lower() + last) is not None))
        # "…, Canberra, A.C.T.", "México 1, D. F."
        ends = self.end in ".!?…" and not self.initials and not self.legal_form and not place and (
            not (self.size <= 8 and self.end == "." and "." in last[:-1]
                 and (self.function_words == 0 or self.label is not None
                      or last in _AFTER_OFFICE)))  # "… at 5 p.m." ends one
        letters = len(self.letters)
        if self.size >= 30 and self.function_words >= 5 and self.end not in ":,;":
            return True  # a long paragraph ending with a reference or a quotation
        stop = len(split) > 2 and split[-1].rstrip(".") == "STOP"  # a telegram's full stop
        return (ends or stop) and letters >= 2 and (self.function_words >= 1 or self.size >= 6)

    @feature
    def sentences(self) -> int:
        """How many sentence ends stand inside the line (``… Adler. Please inform …``)."""
        return len(_INNER_END.findall(self.text))

    @feature
    def label(self) -> tuple[str, str] | None:
        """(label, value) for ``SUBJECT: …`` or a label alone (``PARTICIPANTS``)."""
        match = shapes.LABEL.match(self.text)
        if match and len(match.group("label").split()) <= 5:
            return match.group("label"), match.group("value") or ""
        if self.size <= 3 and self.end not in ".,;" and (  # "subject": small capitals
                self.caps or self.text[:1].isupper() or self.text.islower()) and (
                lexicon("field_labels").prefix(self.words) == " ".join(self.words)):
            return self.text, ""
        return None

    @feature
    def known_label(self) -> str | None:
        """The label when the field-label list knows it (``Subject``, ``DATE AND PLACE``)."""
        if self.label is None:
            return None
        words = tokens(self.label[0])
        hit = lexicon("field_labels").prefix(words)
        return hit if hit is not None and len(hit.split()) == len(words) else None

    @feature
    def numbered(self) -> tuple[str, str, int] | None:
        """The item number the line opens with (``2.``, ``b)``, ``Item 3.``); not the
        initials of a signer, nor a postscript's ``P. S.``."""
        if self.initials or self.starts("postscripts"):
            return None
        return shapes.numbering(self.text)

    @feature
    def legal_form(self) -> bool:
        """A short line ending with a firm's legal form (``COOPERATIVA … LTDA.``)."""
        words = self.words
        return 2 <= len(words) <= 8 and lexicon("legal_forms").at(words, len(words) - 1) is not None

    @feature
    def initials(self) -> bool:
        """Only initials (``R. T. A.``, ``J.K.``), a date after them aside (``R.M.D.
        24/4/79``): how a drafter signs a record."""
        found = _INITIALS.match(self.text)
        if found is None or not found.group().isupper():
            return False
        rest = self.text[found.end():].strip()
        return not rest or parse_date(rest, self.dates) is not None

    @feature
    def bracket(self) -> str | None:
        """The inside of a line that is one bracket from end to end."""
        return shapes.whole_bracket(self.text)

    @feature
    def page(self) -> tuple[str, str] | None:
        return shapes.page_number(self.text)

    @feature
    def name(self) -> float:
        return glossed_name_likeness(self.text)

    @feature
    def numerals(self) -> bool:
        """Whether the line has a digit or a CJK numeral: no date can be read without."""
        return self.digits or not _CJK_NUMERALS.isdisjoint(self.text)

    @feature
    def date_text(self) -> str:
        """The line, less a translation of its date in brackets after it (``1959. június
        12–14. [12–14 June 1959]``, ``Csütörtök, június 18. [Thursday, June 18]``): what is
        read for a date that makes the whole line."""
        text = self.text
        if not text.endswith("]") or not self.numerals:
            return text
        start = text.rfind("[")
        head, gloss = text[:start].rstrip(), text[start + 1:-1]
        if start <= 0 or "[" in gloss or len(gloss.split()) > 6:
            return text
        if year_less(gloss, 1900, self.dates) is None:
            return text
        return head

    @feature
    def whole_date(self) -> ParsedDate | None:
        """The date when the line is nothing but a date (a weekday may come first)."""
        if self.size > 8 or not self.numerals:
            return None
        return parse_date(self.date_text, self.dates)

    @feature
    def date(self) -> ParsedDate | None:
        """A date of at least a month in a short line (the last one found), or the whole
        line's date."""
        whole = self.whole_date
        if whole is not None:
            return whole if _dated(whole) else None
        found = self.short_dates
        return found[-1] if found else None

    @feature
    def partial_date(self) -> bool:
        """A day and month without a year (``June 18``, ``Mittwoch, 7. Dez.``), or a weekday
        and a day alone (``Monday 7th``): a diary's heading, in the entries' month and year."""
        text = self.date_text
        if len(text.split()) > 5 or self.whole_date is not None or not self.digits:
            return False
        return self.day_only or year_less(text, 1900, self.dates) is not None

    @feature
    def day_only(self) -> bool:
        """A weekday and a day number alone (``Monday 7th``)."""
        return self.size <= 4 and weekday_and_day(self.text, self.dates)

    @feature
    def first_date(self) -> ParsedDate | None:
        """The first date of at least a month in a short line."""
        found = self.short_dates
        return found[0] if found else None

    @feature
    def short_dates(self) -> list[ParsedDate]:
        """The dates of at least a month in a short line (none in a long one)."""
        if self.size > 22 or not self.numerals:
            return []
        found = [d for d in find_dates(self.text, self.dates) if _dated(d)]
        if found or self.size > 12:
            return found
        # "Nr 2271 Belgrade 14.3.72 1915": a two-digit year with dots, read in a short line
        return [replace(date, start=m.start(), end=m.end())
                for m in _SHORT_DOTTED.finditer(self.text)
                if (date := parse_date(m.group(), self.dates)) is not None and _dated(date)]

    @feature
    def dated_signature(self) -> int | None:
        """Where the signer's name begins on a line that gives the place and the date first
        and the name after a dash (``Rotterdam, 14 March 1961 — Halvor B. Strand, Consul
        General``)."""
        found = self.short_dates
        if not found or self.sentence:
            return None
        date = found[0]
        if date.start and not _PLACE_BEFORE.fullmatch(self.text[: date.start]):
            return None
        dash = _DASH_BETWEEN.match(self.text, date.end)
        if dash is None:
            return None
        rest = self.text[dash.end():]
        name, _, office = rest.partition(",")
        known = not office or lexicon("role_words").find(tokens(office)) is not None
        return dash.end() if known and name_likeness(name) >= 0.75 else None

    @feature
    def edition_note(self) -> bool:
        """``Source: National Archives, RG 59, …``, ``Reprinted from: Transactions …``: an
        edition's note of the copy or the publication it prints."""
        if self.size > 40:
            return False
        return shapes.printed_source(self.text) or (
            _EDITION_SOURCE.match(self.text) is not None
            and _ARCHIVE_WORD.search(self.text) is not None)

    @feature
    def receipt_note(self) -> bool:
        """``Department of Agriculture, Nelson. Received 3 March 1953. File 12/4/7.``: where
        and when a registry received the paper (its date is not the document's)."""
        if self.size > 16 or not self.numerals:
            return False
        found = _RECEIPT.search(self.text)
        if found is None or _SENT.search(self.text):
            return False  # "from Athens, sent 27.VIII.1964 …, received …": a telegram's route
        return any(
            0 <= date.start - found.end() <= 3 for date in self.short_dates)

    @feature
    def body_then_date(self) -> int | None:
        """Where the body's name ends on a line that gives a body, a comma and the date of
        the document (``[Vietnamese] Embassy in Indonesia, 12 March 1962``): a body
        signing, not a place."""
        found = self.short_dates
        if not found or self.sentence or self.size > 12:
            return None
        date = found[-1]
        head = self.text[: date.start].rstrip()
        if not head.endswith(",") or self.text[date.end:].strip(" .") or "," in head[:-1]:
            return None
        words = tokens(head)
        body = lexicon("org_words").find(words)
        if not 3 <= len(words) <= 8 or body is None:
            return None
        after = words[words.index(body.split()[0]) + len(body.split()):]
        # "Embassy in Indonesia", "Trade Mission of Poland": the body's name goes on with
        # where or whose it is, as a place's never does ("Legation office Lappeenranta")
        return len(head) - 1 if after and after[0] in _BODY_LINKS else None

    @feature
    def office_then_name(self) -> int | None:
        """Where the name begins on a line that gives an office in one script and the name
        after it in another (``Head of the Scandinavian Department В. С. Лаптев``)."""
        if self.size > 14 or self.sentence or not self.has("role_words"):
            return None
        found = _OTHER_SCRIPT_TAIL.search(self.text)
        if found is None or not _LATIN.search(self.text[: found.start()]):
            return None
        start = found.start() + len(found.group()) - len(found.group().lstrip())
        return start if name_likeness(self.text[start:]) >= 0.75 else None

    @feature
    def date_share(self) -> float:
        """How much of the line its date covers (1.0 for a line that is only a date)."""
        date = self.date
        if date is None:
            return 0.0
        return len(date.text) / max(1, len(self.text))

    @feature
    def lead_date(self) -> ParsedDate | None:
        """A date opening the line (``1962-08-01. Left Mbeya …``), or after the place it
        was written at (``Camp I, Engare Sero, 1961-02-13. Drove down …``)."""
        head = self.text[:64]
        if not any(ch.isdigit() or ch in _CJK_NUMERALS for ch in head[:40]):
            return None
        found = find_dates(head, self.dates)
        if not found or len(found[0].when or found[0].from_ or "") < 10:
            return None
        date = found[0]
        if date.start == 0 or (_PLACE_BEFORE.fullmatch(self.text[: date.start])
                               and _ENTRY_STOP.match(self.text, date.end)):
            return date
        return None

    @feature
    def remarked_date(self) -> bool:
        """A date opening the line, then a dash and a short remark that is no sentence
        (``Thursday, 6/3/58 – first warm day of the year``): a diary entry's heading."""
        date = self.lead_date
        if date is None or date.start != 0 or self.size > 16:
            return False
        match = _REMARK.match(self.text, date.end)
        return match is not None and len(match["remark"].split()) <= 10

    @feature
    def heading_date(self) -> ParsedDate | None:
        """The date of a line read as a diary entry's heading: the whole line's, or the one
        before a remark after a dash (``Thursday, 6/3/58 – first warm day``)."""
        return self.whole_date or (self.lead_date if self.remarked_date else None)

    @feature
    def lead_partial(self) -> ParsedDate | None:
        """A day and month without a year opening the line, up to a stop (``Monday 3 June.
        Left Shoshong …``): read in 1900 here, only to find it; its year comes from the
        document (:func:`teikit.encoder.roles.page.context_year`)."""
        if self.lead_date is not None or not self.numerals:
            return None
        stop = _LEAD_STOP.search(self.text[:36])
        head = self.text[: stop.start()] if stop else ""
        if not head or not any(ch.isdigit() for ch in head):
            return None
        return year_less(head, 1900, self.dates)

    @feature
    def place_date(self) -> bool:
        """``Moscow, 14 January 1963``: a short place before the line's final date, or a
        chain of short places (``Dzhambul region, Merke district, Lenin collective farm,
        settlement of Sypatai, 14.II.1956``)."""
        date = self.date
        if date is None or self.whole_date is not None:
            return False
        before, after = self.text[: date.start], self.text[date.end :]
        parts = before.rstrip().rstrip(",").split(",")
        chain = len(before.split()) <= 14 and all(len(part.split()) <= 4 for part in parts)
        joined = before.rstrip().endswith(",") or _COMMA_THE.search(before) is not None or (
            _PLACE_DEN.fullmatch(
            before.rstrip() + (" " + date.text.split()[0] if _DEN.match(date.text) else "")
        ) is not None)  # "Stockholm den 4 mars 1960", "Warszawa dnia 3 maja 1961"
        return joined and (len(before.split()) <= 8 or chain) and len(after.strip(" .,")) <= 30

    @feature
    def addressee(self) -> bool:
        """An addressee as written at a letter's foot: ``Hon. William H. Seward,``,
        ``The Earl Granville, K.G., &c.`` (forms in ``addressee_forms.txt``)."""
        if self.size > 20:
            return False
        form = self.starts("addressee_forms")
        followed = form is not None and len(self.words) > len(form.split())
        return followed or bool(shapes.ADDRESSEE_MARKS.search(self.text))

    @feature
    def framed(self) -> bool:
        """The whole line in round brackets (``(Translated from the Russian.)``): a remark."""
        return self.text.startswith("(") and self.text.rstrip(".").endswith(")")

    @feature
    def per_procuration(self) -> bool:
        """``p.p. Wiesław Tarnowski-Gajda``, ``p(er) p(rocura) Guido Zanetti`` under the
        firm's name: the person who signs for it (``p.p. VELARDE HERMANOS`` under a name is
        the firm, not a signer)."""
        text = _EXPANDED.sub(r"\1", self.text)
        found = _PROCURATION.match(text)
        if found is None:
            return False
        name = text[found.end():]
        likeness = name_likeness(name)
        if name.isupper() and likeness < 1.0:
            return False  # a firm in capitals, no initial of a person
        return likeness >= 0.75

    @feature
    def opens_address(self) -> bool:
        """Opens with an address word (``To the …``, ``Министру …``), and not as a signer's
        ``For the …`` on behalf of a body."""
        return bool(self.starts("address_openers")) and not self.starts("on_behalf")

    def has(self, name: str) -> str | None:
        """The first entry of phrase list ``name`` in the line."""
        return lexicon(name).find(self.words)

    def starts(self, name: str) -> str | None:
        """The entry of phrase list ``name`` that the line begins with."""
        return lexicon(name).prefix(self.words)

    def count(self, name: str) -> int:
        return lexicon(name).count(self.words)
