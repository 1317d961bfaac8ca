"""What a single line of a transcript looks like: small predicates the layouts share.

Each predicate looks at one line's text (stripped) and answers one question. They are
deliberately conservative: a line that does not clearly look like a salutation, a
signature or a dateline stays a paragraph.
"""

from __future__ import annotations

import re

from teikit.encode.dates import DateOptions, ParsedDate, find_dates, parse_date

SALUTE = re.compile(
    r"^(\[\s*to\b[^\]]*\]|to\b|dear\b|my dear\b|sirs?\b|madam\b|gentlemen\b|comrades?\b"
    r"|your (excellency|majesty|highness|lordship|grace)\b|mr\.? (president|secretary|ambassador)\b"
    r"|my lord\b|my lady\b|monsieur\b|madame\b|excellency\b)",
    re.IGNORECASE,
)
CLOSING = re.compile(
    r"^(yours\b|sincerely|respectfully|faithfully|cordially|best regards|kind regards|regards"
    r"|very (truly|sincerely|respectfully) yours|with (best|kind|warm|comradely|fraternal)\b"
    r"|i (remain|have the honou?r)\b|accept,? (sir|excellency)\b"
    r"|with (high|the highest|great|much|sincere|distinguished) (consideration|respect|regard)"
    r"|i am,? (sir|madam|my dear|dear)\b"
    r"|your (loving|affectionate|devoted|dutiful|obedient|humble|grateful) \w+,?$)",
    re.IGNORECASE,
)
SERVANT = re.compile(r"\b(obedient|humble|faithful|devoted) servant,$", re.IGNORECASE)
POSTSCRIPT = re.compile(r"^(P\.\s?S\.|PS:|Postscript\b|Post scriptum\b)", re.IGNORECASE)
PAGE_LINE = re.compile(
    r"^(?:-\s*(?P<dash>\d+|[ivxlcdm]+)\s*-"
    r"|-{2,}\s*page\s+(?P<rule>\d+|[ivxlcdm]+)\s*-{2,}"
    r"|\[\s*(?:page|p\.)\s*(?P<bracket>\d+|[ivxlcdm]+)\s*\])$",
    re.IGNORECASE,
)
ENCLOSURE = re.compile(r"^(enclosure|attachment|annex|appendix|attached)\b", re.IGNORECASE)
SIGNATURE_MARK = re.compile(
    r"^(\[\s*(illegible )?signature\s*\](\s+\S.{0,60})?|/s/\s*\S.*|\(signed\)\s*\S.*)$",
    re.IGNORECASE,
)
"""``[signature]``, ``[Signature] Mao Zedong``, ``/s/ J. Smith``, ``(signed) J. Smith``."""
MEMO_FIELD = re.compile(
    r"^(SUBJECT|Subject|FROM|From|TO|To|DATE|Date|REF|Ref|CC|Cc|PLACE|Place|TIME|Time"
    r"|PARTICIPANTS|Participants|PRESENT|Present|Copies to)\s*:\s*",
)
LIST_FIELD = re.compile(r"^(PARTICIPANTS|Participants|PRESENT|Present|Copies to)\s*:\s*$")
TERMINAL = ".:;,!?"
CLASSIFICATION = re.compile(
    r"^\W*(top secret|strictly secret|secret|strictly confidential|confidential|restricted"
    r"|limited official use|personal and confidential|eyes only|for official use only"
    r"|unclassified|classified|совершенно секретно|секретно)\b[^a-z]{0,40}$",
    re.IGNORECASE,
)
"""A security classification on a line of its own (``TOP SECRET``, ``Confidential.``):
printed on the page, not part of the text → ``fw[@type=classification]``."""
COPY_NUMBER = re.compile(r"^(copy|exemplar|ex\.)\s*(no\.?|nr\.?|№)?\s*\d+(\s*of\s*\d+)?\.?$",
                         re.IGNORECASE)
"""``Copy No. 2``, ``Copy 3 of 5``: the copy number printed on the page."""
TITLE_WORDS = re.compile(
    r"^\W*(minutes|report|memorandum|memo|record|letter|telegram|cable|note|notes"
    r"|transcript|protocol|conversation|meeting|summary|statement|speech|resolution)\b",
    re.IGNORECASE,
)
"""A line opening with one of these names a document, not a place (``Minutes of …, 12 March``)."""


def words(text: str) -> int:
    return len(text.split())


def is_salute(text: str) -> bool:
    """``[To] All Party Committees:``, ``Dear Sir,``, ``Comrade Ambassador:``,
    ``Dear Comrade Gromyko!``."""
    return bool(SALUTE.match(text)) and text.endswith((":", ",", "!")) and words(text) <= 60


def is_closing(text: str) -> bool:
    """``Sincerely,``, ``Yours faithfully,``, ``With comradely greetings,``, and the long
    courtesy formula ending in ``…your obedient servant,``."""
    if SERVANT.search(text) and words(text) <= 30:
        return True
    return bool(CLOSING.match(text)) and words(text) <= 12


def is_paragraph(text: str) -> bool:
    """Running prose: long, or ending a sentence."""
    return words(text) > 16 or (words(text) > 6 and text.rstrip().endswith((".", "!", "?")))


def is_short_title(text: str) -> bool:
    """A heading: short, starting with a capital, no sentence punctuation at the end."""
    stripped = text.strip()
    return (
        0 < words(stripped) <= 14
        and len(stripped) <= 120
        and stripped[-1] not in TERMINAL
        and (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] == "[")
    )


def is_signature(text: str) -> bool:
    """A name or body that signs: ``Qiao Xiaoguang``, ``Central Committee``, ``[signature]``."""
    stripped = text.strip()
    if SIGNATURE_MARK.match(stripped):
        return True
    return (
        0 < words(stripped) <= 7
        and len(stripped) <= 70
        and stripped[-1] not in ":;,!?"
        and stripped[0].isupper()
        and not any(ch.isdigit() for ch in stripped)
    )


def whole_date(text: str, options: DateOptions) -> ParsedDate | None:
    """The date when the line is nothing but a date (``25 September 1959``)."""
    return parse_date(text, options)


def dateline_date(text: str, options: DateOptions) -> ParsedDate | None:
    """The date closing a dateline such as ``Moscow, 3 March 1952`` (or the whole line).

    A dateline is short: a line of more than 16 words is not read at all (reading dates
    is the costly part of classifying a line)."""
    if words(text) > 16:
        return None
    whole = parse_date(text, options)
    if whole is not None:
        return whole
    if words(text) > 10:
        return None
    found = find_dates(text, options)
    if found and not text[found[-1].end :].strip(" .") and "," in text[: found[-1].start]:
        place = text[: found[-1].start]
        if words(place) <= 6 and not TITLE_WORDS.match(place):
            return found[-1]
    return None


def page_number(text: str) -> tuple[str, str] | None:
    """For a page-marker line, the page number and the marker's style."""
    match = PAGE_LINE.match(text.strip())
    if not match:
        return None
    for style in ("dash", "rule", "bracket"):
        if match.group(style):
            return match.group(style), style
    return None
