"""How much a line looks like a personal name, in any script.

Initials (``A. K.``, ``H.-J.``, ``Н. А.``), capitalised words with name particles
(``van``, ``al-``), a surname in capitals, two names joined by ``and``, a Chinese name
with its romanisation in brackets. An office or a body (``Hon. Secretary``,
``Middle Eastern Division``) counts half: it is what stands beside a name.
"""

from __future__ import annotations

import re
from functools import cache

from teikit.encoder.roles.lexicon import lexicon, tokens

TRAILING_NOTE = re.compile(
    r"(?<=\S)\s+\[(?i:[^\[\]:]{0,30}\bnote\b[^\[\]:]{0,30}):[^\[\]]*\]$")
"""An editor's or translator's labelled note closing a line (``D. A. Fairweather
[Editor's note: signed in blue ink.]``): apparatus, not what the line is."""
_TRAILING_REF = re.compile(r"(?:\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|(?<=[^\W\d])\d{1,2})$")

SIGNED_BY_HAND = re.compile(
    r"\s+(?:\(?(?:m\.\s?p\.|e\.\s?h\.|s\.\s?k\.|v\.\s?r\.|l\.\s?r\.|manu propria)\)?"
    r"|[(\[](?:signed|sgd\.?|s\.?|signature|signé|gez\.?|firmado|firma|firmato|assinado|ass\."
    r"|podpis|подпись|υπογραφή|unterschrift)[)\]])$", re.IGNORECASE)
"""``Holzinger m.p.``, ``Huber e.h.``, ``Ördögh Kálmán s.k.``, ``Novák v.r.``, ``John Mallory
(signed)``: the mark that the name was signed by hand, after it."""
_GAP = re.compile(r"\[(?:illegible|unreadable|\?|[.…\s]+)\]\s*", re.IGNORECASE)
"""``[illegible] Petrescu``: a part of the name that could not be read."""
_SECTION_NUMBER = re.compile(r"^[IVXLC]{2,6}\.$")
"""``II.``, ``XIV.``: a Roman numeral of several letters numbers a section (one letter may
be an initial: ``V. Petrov``)."""
_STRUCK = re.compile(r"(?:~~[^~\n]{1,40}~~|\{[^{}\n]{1,40}\})\s*")
"""``~~Marta~~ M. Kowalik``, ``{H. Lindgren} <E. Sørensen>``: what the writer struck out
(a crowd transcript's mark, or braces a transcript declares for it)."""
_PARENTHESISED = re.compile(r"^\(([^()]+)\)$")
"""``(Kessler-Wendt)``: the typed name under a signature."""

_OFFICE_ENDING = re.compile(r"\w{3}(?:chef|direktör|direktor|sekreterare|sekretär|leiter|"
                            r"leiterin|referent|referentin|rat|rätin|päällikkö|johtaja)$")
"""An office written as one compound word (``Trafikchef``, ``Abteilungsleiter``,
``Botschaftsrat``, ``Osastopäällikkö``): not a surname alone."""
_DOUBT = re.compile(r"\?(?=\])")
"""``J. Sv[oboda?]``: letters an editor restored with a doubt, read as the name's."""
_REMARK = re.compile(r"\s*\((?=[a-z])[^()]{3,32}\)(?=,|$)")
"""``M. Walsh (initial doubtful)``, ``K. Ferris (signature faint), Secretary``: a copyist's
remark in lower case after a name."""
_MARKS = str.maketrans("", "", "[]<>")
_GLUED_INITIALS = re.compile(r"^((?:[^\W\d_][^\W\d_]?\.-?){1,3})([^\W\d_](?:[^\W\d_]|['’-])+)$")
"""``J.K.Wróblewski``, ``Gy.Kertész``, ``K.-H.Lenz``: initials typed without a space
before the surname (an initial of one letter, or of two as ``Gy.``)."""


def _unglued(token: str) -> str:
    """``J.K.Wróblewski`` → ``J.K. Wróblewski``; anything else as it is (``N.V.``,
    ``p.p.``, ``K.M.``: no surname glued on)."""
    match = _GLUED_INITIALS.match(token)
    if match is None or not (token[0].isupper() and match[2][0].isupper()):
        return token
    return f"{match[1]} {match[2]}"
_LOWER_INITIAL = re.compile(r"^[^\W\d_]\.\s?[^\W\d_]")
"""Brackets an editor or a declared convention puts around letters of a name."""
_KIN = re.compile(r"\s*\((?:wife|widow|husband|daughter|son|mother|father|sister|brother)\s+"
                  r"of\s+[^()]{2,40}\)$", re.IGNORECASE)
"""``Pak Yŏng-ja (wife of Ch'oe Tong-su)``: whose kin the writer is, after her name."""
_TITLE_AFTER = re.compile(r"\s*\(([^()]{1,12})\)$")
"""``(Mrs.)`` after a name: how the signer is to be addressed."""

_BORN = re.compile(r",?\s+\(?(?:née|nee|geb\.|geborene|z\s+d\.|roz\.|урожд\.|born|widow|wid\.|"
                   r"ved\.|vedova|veuve|vve|wwe\.|verw\.|вдова)\s+"
                   r"[^\W\d_][^\W\d_'’-]*\)?$", re.IGNORECASE)
"""``Anna Hofbauer, née Hofbauer``, ``Maria Weber geb. Lenz``: the name she was born with,
after a married woman's name; ``Giuseppina Arcuri, widow Lentini``: her late husband's."""

_CJK_NAME = re.compile(r"^[\u3400-\u9fff]{2,4}(?:\s*\([^()]{2,40}\))?$")

_INITIAL = re.compile(r"^(?:[^\W\d_]{1,2}\.)(?:-?[^\W\d_]{1,2}\.)*$")

_WORD = re.compile(r"^[^\W\d_][^\W\d_'’‐‑–-]*(?:['’‐‑–-][^\W\d_]+)*\.?$")
"""A word of a name; a double surname may be joined by a hyphen or, as some typists do, by
an en dash (``Wiese–HOLLAND``)."""

_EXPANSION = re.compile(r"(?<=\w)\((\w{1,12})\)")
"""``I(vo)``, ``G(iovanni)``: a name's letters an editor expanded in round brackets (Leiden),
read as the whole word."""

_JOINED = re.compile(r"\s+(?:and|&|und|et|y|и|i)\s+")

_NAME_PREFIX = re.compile(r"^(?:al|el|ad|an|ar|as|at|az|ash|ibn|bin|ben|abu|d|l|O|Mc|Mac)[-’']",
                          re.IGNORECASE)
"""``al-Kassem``, ``d'Orsay``, ``O'Brien``: a prefix before a capitalised name."""


@cache
def _offices_and_bodies() -> frozenset[str]:
    return lexicon("role_words").words | lexicon("org_words").words


@cache
def _offices_and_titles() -> frozenset[str]:
    return lexicon("role_words").words | lexicon("titles").words


def _unless_office(remark: re.Match[str]) -> str:
    """A remark in brackets dropped, unless it names an office (``(secretary)``)."""
    words = tokens(remark.group())
    return remark.group() if lexicon("role_words").find(words) or any(
        word in _offices_and_titles() for word in words) else ""


def name_likeness(text: str) -> float:
    """How much ``text`` looks like a personal name alone: ``A. K. Zhandosov``,
    ``H. Rudnev-BERGMANN``, ``Н. А. Гладышев``, ``周维汉 (Zhou Weihan)``, ``Kołodziej``.

    1.0 with initials, 0.75 for two to four capitalised words, 0.45 for one word; 0 as
    soon as a word is neither capitalised, an initial nor a name particle."""
    text = TRAILING_NOTE.sub("", text.strip())  # "D. A. Fairweather [Editor's note: …]"
    text = _TRAILING_REF.sub("", SIGNED_BY_HAND.sub("", text).rstrip(".,;")).strip()
    if text.islower() and _LOWER_INITIAL.match(text):
        text = text.title()  # "j. hrubá": a name typed in small letters, initial first
    text = " ".join(_unglued(token) for token in text.split(" "))  # "J.K.Wróblewski"
    text = _BORN.sub("", _PARENTHESISED.sub(r"\1", _GAP.sub("", _STRUCK.sub("", text))))
    text = _REMARK.sub(_unless_office, _KIN.sub("", text))
    title_after = _TITLE_AFTER.search(text)
    if title_after and title_after.group(1).lower().rstrip(".") in lexicon("titles").words:
        text = text[: title_after.start()]  # "E. K. Owusu-Ansah (Mrs.)"
    text = _EXPANSION.sub(r"\1", _DOUBT.sub("", text).translate(_MARKS))
    if _CJK_NAME.match(text):
        return 0.9
    joined = _JOINED.split(text)
    if len(joined) > 1:
        return min(name_likeness(part) for part in joined)
    words = _without_titles(text.split())
    if words and _SECTION_NUMBER.match(words[0]):
        return 0.0  # "III. Conclusions": a section's number, not an initial
    titles = lexicon("titles").words
    if not 0 < sum(word.lower().rstrip(".") not in titles for word in words) <= 5:
        return 0.0  # "Prof. Dr. sc. med. Hans-Ulrich Ahlgrimm-Dreves": five words, titles aside
    if lexicon("legal_forms").at(tokens(words[-1]), 0):
        return 0.0  # "FORWARDING CO. LTD.": a firm
    particles = lexicon("particles").words
    grammar = lexicon("function_words").words
    initials = capitals = 0
    for raw in words:
        word = _NAME_PREFIX.sub("", raw.lstrip("ʿʾ'’"))
        if _INITIAL.match(word) and word[0].isupper():
            initials += 1
        elif word.lower() in particles or (
                word[:1].islower() and word.lower().rstrip(".") in titles):
            continue  # "de", "van"; "iur." after "Dr."
        elif word.lower() in grammar:
            return 0.0  # "From Pyongyang", "The Hague": a phrase, not a name
        elif _WORD.match(word) and word[0].isupper():
            capitals += 1
        else:
            return 0.0
    if capitals == 0:
        return 0.0
    if capitals > 4:  # "Sayed Abdel Rahman el-Nur Babikir": an honorific is not a part
        capitals -= next((n for n, w in enumerate(words) if w.lower().rstrip(".") not in titles),
                         0)
    score = 1.0 if initials else 0.75 if 2 <= capitals <= 4 else 0.45 if capitals == 1 else 0.3
    if initials and words[0].lower().rstrip(".") in _offices_and_titles():
        words = words[1:]  # "Major D. T. KAWHARU", "Botschaftsrat Dr. Gerhard Zühlke": a rank
        # or an office before a name with initials, not an office alone ("Captain First Rank")
    if names_body(" ".join(words)) or (len(words) == 1 and office_compound(words[0])):
        score *= 0.5  # "Hon. Secretary", "Eastern Division", "Trafikchef": an office or a body
    return score



def office_compound(word: str) -> bool:
    """Whether ``word`` is an office written as one compound word (``Hamnchef``,
    ``Abteilungsleiter``, ``Botschaftsrat``)."""
    return _OFFICE_ENDING.search(word.lower().rstrip(".,")) is not None


_BODY_ENDING = re.compile(r"\w{3}(?:amt|ministerium|verwaltung|behörde|direktion|anstalt|"
                          r"institut|ausschuss|verband|kommission|ämbetet|verket|styrelsen|"
                          r"kontoret|direktoratet|virasto|laitos|hivatal|úřad)$")
"""A body written as one compound word (``Wasserwirtschaftsamt``, ``Landesregierung`` is
not one): German, Nordic, Finnish, Hungarian, Czech."""


def body_compound(text: str) -> bool:
    """Whether a word of ``text`` names a body as one compound word
    (``Tiroler Wasserwirtschaftsamt``, ``Sjöfartsverket``)."""
    return any(_BODY_ENDING.search(word.lower().strip(".,;:()")) for word in text.split()
               if word[:1].isupper())


def names_body(text: str) -> bool:
    """Whether ``text`` names an office or a body (``Department V``, ``Eastern Division``)."""
    return any(word.lower().rstrip(".,") in _offices_and_bodies() for word in text.split())


def _without_titles(words: list[str]) -> list[str]:
    """The words after the titles in lower case that open a name (``płk dypl. Tadeusz
    Gajewski``: a colonel of the staff college); a capitalised title counts as a word of
    the name, as before."""
    titles = lexicon("titles").words
    start = 0
    while start < len(words) - 1 and words[start][:1].islower() and (
            words[start].rstrip(".").lower() in titles):
        start += 1
    return words[start:]


def trailing_name(text: str) -> float:
    """Name-likeness of the name that ends ``text`` after an office written out in words
    (``instructor of the international department L. Sultanova``, ``First Secretary
    Halina Brzeska``): the longest ending of two to four words that looks like a name."""
    words = text.split()
    if any(ch.isdigit() for ch in text):
        return 0.0  # "My address: Block 7, Room 14, … British Zone"
    for size in range(min(4, len(words) - 1), 1, -1):
        likeness = name_likeness(" ".join(words[-size:]))
        if likeness >= 0.75:
            return likeness
    return 0.0


def person_lead(text: str) -> float:
    """Name-likeness of the part of a line before its first comma, titles and offices
    in front of the name left out (``Deputy Minister Kazimierz Dobrzyński, Ministry …``)."""
    words = text.split(",")[0].split("(")[0].split()
    skip = _offices_and_titles()
    while len(words) > 1 and (words[0].lower().rstrip(".") in skip):
        words = words[1:]
    return name_likeness(" ".join(words))
