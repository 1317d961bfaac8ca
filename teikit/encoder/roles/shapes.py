"""Shapes of single lines that do not depend on wording: markers, labels, numbers.

Each pattern answers one question about a stripped line. They are features, not
verdicts: :mod:`teikit.encoder.roles.evidence` weighs them with the line's position and
neighbours.
"""

from __future__ import annotations

import re

from teikit.encoder.source import BLANKS

PAGE = re.compile(
    r"^(?:-\s*(?P<dash>\d+|[ivxlcdm]+)\s*-"
    r"|-{2,}\s*page\s+(?P<rule>\d+|[ivxlcdm]+)\s*-{2,}"
    r"|\[\s*(?:page|p\.)\s*(?P<bracket>\d+|[ivxlcdm]+)\s*\])$",
    re.IGNORECASE,
)
"""``- 2 -``, ``-- page 3 --``, ``[Page 2]``, ``[p. 3]``: a page-marker line."""

SIGNATURE_MARK = re.compile(
    r"^(?:\[\s*(?:illegible |unreadable |handwritten )?(?:signature|signed|initials?|"
    r"initialled|initialed)(?: illegible)?\s*\]|/s/|\((?:signed|sgd\.?|s|sig\.|gez\.|signé|"
    r"firmado|firmato|firma|assinado|ass\.|подпись|podpis|υπογραφή|υπογρ\.?|unterschrift|"
    r"L\.\s?S\.|[—–-])\)"
    r"|sgd\.|gez\.|signé\b|fdo\.|f\.to\b|ass\.\s|ss\.\s|v\.?\s?z\.\s|i\.\s?[AV]\.(?:\s|$)"
    r"|/[—–-]/|podp\.\s|w\.\s?g\.\s|get\.\s)",
    re.IGNORECASE,
)
"""``[signature]``, ``[illegible signature]``, ``/s/``, ``(signed)``, ``(s)``, ``gez.``,
``(signé)``, ``fdo.``, ``f.to``, ``(—)``, ``ass.``, ``ss.``, ``(υπογρ.)``, ``(L.S.)`` (the place
of the seal) opening a line; ``v z.`` and ``i.A.`` / ``i.V.`` (signed for the head of the
office) too, the Polish ``/–/`` and ``podp.``, and the Dutch ``w.g.`` and ``get.``."""

NOT_SIGNED = re.compile(r"^\[(?:File copy |Copy |Original )?(?:not signed|unsigned)\.?\]$",
                        re.IGNORECASE)
"""``[File copy not signed]``: the editor's word in place of a signature."""

SOURCE_NOTE = re.compile(
    r"^(?:File No\.\s*\S.{0,80}"
    r"|\d{3}\.[0-9A-Z]{1,6}(?:/[\w.-]{1,12})(?:,\s*[\w/.-]{1,12})*(?::\s*[A-Z][\w —–-]{0,40})?"
    r"|\[(?:Extracts?|Excerpts?)\.?\])$"
)
"""An archive file reference printed above a document (``File No. 861.00/1990``)."""

REPRINT = re.compile(
    r"^(?:Reprinted|Reprint|Offprint|Off-print|Separate\s+print|Reproduced|Sonderdruck"
    r"|Separatdruck|Separatum|Tiré\s+à\s+part|Tirage\s+à\s+part|Estratto|Separata"
    r"|Odbitka|Overdruk|Särtryck|Særtryk|Оттиск)\b[^.;]{0,20}?\s"
    r"(?:from|out\s+of|aus|de|du|des|da|dal|dalla|dai|del|uit|ur|fra|z|ze|из):?\s"
    r"(?=.{0,200}?(?:\b(?:vol|no|nos|nr|pp?|s|bd|heft|h|t|fasc|č|n[º°o]|issue|jg)\.?\s*\d"
    r"|\(\d{4}\)|\b1[5-9]\d\d\b|\b20\d\d\b)).{3,200}$",
    re.IGNORECASE)
"""The publication a text was taken from, printed above it (``Reprinted from Studies in
Agrarian Economics, no. 11 (1966), pp. 45–67``, ``Offprint from the Bulletin …``,
``Sonderdruck aus …``): a note on the source, not the title."""

IMPRINT = re.compile(
    r"^(?:Printed|Published|Issued)\s+(?:by|on|upon|under|in\s+accordance\s+with)\s+(?:the\s+)?"
    r"(?:decision|order|resolution|authority|direction|instruction|recommendation)s?\s+of\b"
    r"[^\n]{3,200}$", re.IGNORECASE)
"""By whose decision a paper was printed (``Printed by decision of the Editorial Council of
the Institute, protocol No. 6``): the imprint on its page, not the title."""


def printed_source(text: str) -> bool:
    """Whether ``text`` says where or by whose decision the text was printed: a reprint's
    or an offprint's source, or an imprint."""
    return REPRINT.match(text) is not None or IMPRINT.match(text) is not None


CONTINUED = re.compile(
    r"[(\[]\s*(?:continued|contd?\.?|cont'd|suite|fortsetzung|forts\.|continuación|"
    r"continua|continuação|продолжение|ciąg dalszy|pokračování)\s*[)\]]\.?$"
    r"|[,–—-]\s*(?:continued|contd\.?)\.?$", re.IGNORECASE)
"""``Record of conversation of 21.V.1958 (continued)``: a running head at the top of a
later page."""


def names_source(text: str) -> bool:
    """A line printed above a document to say where it comes from: an archive file
    reference, the publication it was reprinted from or its imprint."""
    return bool(SOURCE_NOTE.match(text)) or printed_source(text)

FILE_NUMBER = re.compile(
    r"^(?:\((?:[A-Z]{1,6}[ ./-]?)?\d{1,6}(?:[/.-]\d{1,6})+\)"
    r"|(?:[A-Z]{1,6}[ ./-]?)?(?=[\d/.-]*\d{3})\d{1,6}(?:[/.-]\d{1,6})+)$")
"""A file number alone: ``(1041/57)``, ``1041/57``, ``POL 27/3/114`` (in brackets, or with a
group of three digits or more: not a minute's number such as ``14/53``)."""

KIND_LABEL = re.compile(r"^\[[A-Z][\w —–-]{2,40}\.?\]\d{0,3}$")
"""A bracketed label such as ``[Telegram]`` or ``[Translation.]`` (the kind is checked
against the kind list)."""

RECEIVED = re.compile(r"^\[(?:Received|Rec'd|Recd\.)\b.{0,80}\]$", re.IGNORECASE)
"""``[Received June 10.]`` under a dateline."""

REFERENCE = re.compile(
    r"(?:^|\s)(?:No|Nr|N[º°o]|№|Ref|Reg|Ser|Br|Sz|Nro|Núm|Čj|Zl|Az|Gz|Prot\.?\s?n|Prot|L\.\s?dz|Tgb"
    r"|Αρ|Αριθ|Πρωτ|Бр|Исх|Изх|Вх)\.?\s*:?\s*"
    r"(?=[\w./-]*\d)[\w][\w./-]{0,24}\.?\]?$|^(?:No|Nr|N[º°o]|№|N\.)\.?\s*\d"
    r"|^(?:(?:Our|Your|My)\s+)?Ref(?:erence)?\.?\s*:?\s*(?=[\w./ -]{0,30}\d)"
    r"[\w][\w./-]{0,24} [\w./-]{1,12}\.?$"
    r"|^(?:Our|Your|My)\s+file(?:\s+No\.?)?\s*:?\s*(?=[\w./-]{0,24}\d)[\w][\w./-]{0,24}"
    r"(?:\s+\((?:vol|pt|part|t|bd)\.?\s*\d{1,3}\))?\.?$", re.IGNORECASE)
"""A line ending with a reference number: ``No. 417/1961``, ``Nº 418``, ``Ref.: JPF/MD 0213``
(two groups only on a line that opens with the label: ``Our ref.: AM/lc 117``); the label in
other languages too: ``br.``, ``sz.``, ``nro.``, ``čj.``, ``Az.``, ``Gz.``, ``Prot. n.``,
``L.dz.``, ``Αριθ. Πρωτ.``, ``Исх. №``)."""

ADDRESSEE_MARKS = re.compile(r"\bEsq\.,|&c\.|\betc\., etc\.")
"""``Esq.,``, ``&c.``, ``etc., etc.``: marks of an addressee written at a letter's foot."""

_NUMBER_WORDS = (r"(?P<word>Item|Point|Ad|Article|Art\.|Section|Paragraph|Para\.|Clause|Punkt|"
                 r"Artikel|Min\.|Minute|Статья|Пункт)")
NUMBERING = re.compile(
    rf"^(?:{_NUMBER_WORDS}\s+)?"
    r"(?P<label>(?P<n>\d{1,3}|[IVXLC]{1,6}|[a-zA-Z])[.)]|\((?P<p>\d{1,3}|[a-zA-Z])\)|§\s*\d{1,3}"
    r"|(?P<m>\d{1,3}/\d{2}(?:\d\d)?)\.?)"
    r"(?=\s|$)"
)
"""``1.``, ``(a)``, ``II.``, ``Item 3.``, ``Ad 1.``, ``Article 2.``, a minute's number in its
year (``14/53``, ``Min. 14/1953``): a numbered line."""

LABEL = re.compile(r"^(?P<label>[^\W\d_][^:\n]{0,40}?)\s*:(?:\s+(?P<value>\S.*)|\s*$)", re.DOTALL)
"""``SUBJECT: …``, ``Present:``: a label before a colon."""

LABEL_HEAD = re.compile(r"^(?:[A-Z]|[IVX]{1,4}|\d{1,2})\.$")
"""``A.``, ``II.``: a lone label that heads an attachment."""

RULE = re.compile(r"^(?:[_\-–—=*·.]\s*){3,}$")
"""``______``, ``* * *``: a rule drawn across the page."""

_DRAWN = re.compile(r"^(?:[_=~*\-–—][ \t]?){3,}$")
"""A line drawn with the keys, not written: ``=====`` or ``-----`` under a heading,
``* * *`` between sections (not ``. . .``, which may stand for words left out)."""


def drawn(line: str) -> bool:
    """Whether ``line`` (its indentation aside) is drawn with the keys."""
    return _DRAWN.match(line.strip(BLANKS)) is not None

BRACKET_LINE = re.compile(r"^\[.*\]$", re.DOTALL)

ROMAN_MONTHS = frozenset(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"])


def whole_bracket(text: str) -> str | None:
    """The inside of a line that is one balanced ``[…]`` from end to end."""
    if not BRACKET_LINE.match(text):
        return None
    depth = 0
    for index, char in enumerate(text):
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth == 0 and index < len(text) - 1:
            return None
    return text[1:-1] if depth == 0 else None


def page_number(text: str) -> tuple[str, str] | None:
    """For a page-marker line: the page number and the marker's style."""
    match = PAGE.match(text)
    if not match:
        return None
    for style in ("dash", "rule", "bracket"):
        if match.group(style):
            return match.group(style), style
    return None


NUMBERED_ALONE = re.compile(rf"^{_NUMBER_WORDS}\s+(?P<n>\d{{1,3}}|[IVXLC]{{1,6}})\s*$")
"""``Article II``, ``Section 3``: a numbered heading with nothing after its number."""


def numbering(text: str) -> tuple[str, str, int] | None:
    """For a numbered line: (the number or letter, the label word, the label's length)."""
    match = NUMBERING.match(text)
    if not match:
        alone = NUMBERED_ALONE.match(text)
        return (alone.group("n"), alone.group("word"), len(text)) if alone else None
    number = (match.group("n") or match.group("p") or match.group("m")
              or match.group("label").strip("§ "))
    word = match.group("word") or ""
    return number, word, match.end("label")
