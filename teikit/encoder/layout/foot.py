"""A document's foot: the ``closer`` and the ``postscript``.

The closing formula is a ``salute`` (a formula over several lines stays one); each signer
a ``signed`` (a signature mark joins the name under it; ``[File copy not signed]`` is the
closer's own text; names side by side, one ``signed`` each); the office or unit beside
a name a ``roleName`` or ``orgName``; a
date a ``dateline``; a street address an ``address``; a ``P.S.`` or the addressee written
at the foot a ``postscript`` paragraph (an addressee over two lines stays one).
"""

from __future__ import annotations

from teikit.encoder.layout.divs import DivBuilder, closes, date_attrs
from teikit.encoder.layout.units import Spec
from teikit.encoder.roles import shapes
from teikit.encoder.roles.evidence.foot import marked_name
from teikit.encoder.roles.evidence.marks import handling_mark
from teikit.encoder.roles.grammar import Decision


def place_foot(div: DivBuilder, decision: Decision, previous: Decision | None) -> None:
    """Place a foot line of ``div``."""
    role = decision.role
    div.top_open = False
    if role == "postscript":
        postscript(div, decision, previous)
        if div.closer is not None and not closes(div, div.closer):
            div.closer = None  # a closer of foot lines alone ends here; the next is new
    elif role == "source-note":  # the edition's note of its copy, under the document
        div.add("fw", decision, attrs={"type": "source"})
        div.closer = None
    elif role == "sign-mark" and shapes.NOT_SIGNED.match(decision.line.text):
        div.add("closer", decision)
    elif _continues(div, decision, previous):
        div.units[-1].last = decision.line.last
    elif role == "foot-address":
        div.add("addrLine", decision, div.in_closer(), div.in_address())
        return
    else:
        closer_line(div, decision)
    div.address = None


def _continues(div: DivBuilder, decision: Decision, previous: Decision | None) -> bool:
    """A closing formula over several lines, a name under its signature mark, or a
    name's form in another script under it: one element."""
    if previous is None or not div.units:
        return False
    pair = (previous.role, decision.role)
    if pair == ("closing", "closing"):
        return True
    if pair in {("sign-mark", "mark"), ("mark", "mark"), ("mark", "signer")}:
        return _under_sign_mark(div, decision)
    if pair == ("sign-mark", "signer") and div.units[-1].tag == "signed":
        return not decision.line.columns and (not marked_name(previous.line.text) or _typed_again(
            previous.line.text, decision.line.text))
    return pair == ("signer", "signer") and (
        decision.line.caseless or _given_name_over_full(previous.line.text, decision.line.text))


def _under_sign_mark(div: DivBuilder, decision: Decision) -> bool:
    """``[signature]`` / ``[Editor's note: signed in blue ink.]`` / ``M. J. Tremewan``: an
    editor's note in brackets between a signature mark and the name goes into the same
    ``signed``, and so does the name under it."""
    if not div.units or div.units[-1].tag != "signed" or decision.line.columns or (
            decision.role == "mark" and decision.line.bracket is None):
        return False
    for earlier in reversed(div.decisions[:-1]):
        if earlier.role == "sign-mark":
            return not marked_name(earlier.line.text)
        if earlier.role != "mark" or earlier.line.bracket is None:
            return False
    return False


def _typed_again(mark: str, below: str) -> bool:
    """``/s/ G. W. Tresilian`` over ``G. W. Tresilian``: the signed name, then the same name
    typed under it, one signer."""
    found = shapes.SIGNATURE_MARK.match(mark)
    if found is None:
        return False
    return _letters(mark[found.end():]) == _letters(below) != ""


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalpha())


def _given_name_over_full(above: str, below: str) -> bool:
    """``Geoffrey`` signed over the typed ``G. W. St. J. Ormsby-Clive``: one signer, the
    given name the first initial below spells out."""
    words = below.split()
    return (len(above.split()) == 1 and above[:1].isupper() and len(words) >= 2
            and len(words[0]) == 2 and words[0].endswith(".") and words[0][0] == above[0])


def closer_line(div: DivBuilder, decision: Decision) -> None:
    role, line = decision.role, decision.line
    closer = div.in_closer()
    if role == "closing":
        div.add("salute", decision, closer)
    elif role == "signer" and line.dated_signature is not None:
        date = line.short_dates[0]  # "Rotterdam, 14 March 1961 — Halvor B. Strand, …"
        div.add("dateline", decision, closer, cell=(0, date.end),
                attrs={"_date": f"{date.start}:{date.end}"})
        div.add("signed", decision, closer, cell=(line.dated_signature, len(line.text)))
    elif role == "signer" and line.body_then_date is not None:
        date = line.short_dates[-1]  # "[Vietnamese] Embassy in Indonesia, 12 March 1962"
        div.add("signed", decision, closer, cell=(0, line.body_then_date))
        div.add("dateline", decision, closer, cell=(date.start, len(line.text)),
                attrs={"_date": f"0:{date.end - date.start}"})
    elif role == "signer" and line.office_then_name is not None:
        start = line.office_then_name  # "Head of the … Department В. С. Лаптев"
        div.add("roleName", decision, closer, cell=(0, len(line.text[:start].rstrip())))
        div.add("signed", decision, closer, cell=(start, len(line.text)))
    elif role in {"signer", "sign-mark"}:
        cells = line.columns if line.side_by_side_names else ()
        for cell in cells or (None,):  # signatories side by side: one signed each
            div.add("signed", decision, closer, cell=cell)
    elif role in {"role-before", "role-after"}:
        office = line.has("role_words")
        tag = "orgName" if line.has("org_words") and not office else "roleName"
        for cell in line.columns or (None,):  # their offices side by side
            div.add(tag, decision, closer, cell=cell)
    elif role == "dateline":
        div.add("dateline", decision, closer, attrs=date_attrs(decision))
    elif role == "classification":  # repeated at the foot of a telegram or a page
        div.add("fw", decision, closer, attrs={"type": handling_mark(decision.line)})
    else:
        div.add("seg", decision, closer, attrs={"type": role})


def postscript(div: DivBuilder, decision: Decision, previous: Decision | None) -> None:
    last = div.last
    if (div.postscript is not None and last is not None and previous is not None
            and previous.role == "postscript" and previous.line.end == ","
            and last.last + 1 == decision.line.number):
        last.last = decision.line.last  # an addressee over two lines
        return
    if div.postscript is None:
        div.postscript = Spec("postscript")
    div.add("p", decision, div.postscript)
