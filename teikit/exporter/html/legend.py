"""The key to the page's editorial signs, as data.

Each entry is a category (recorded by the renderers in ``Shared.used``), a tiny TEI
sample and its explanation. Samples go through the same renderer table as the document,
so the key always looks exactly like the text it explains. Only the categories the
document uses are listed; entries for signs the reading view hides are editorial-only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import NamedTuple

from lxml import etree

from teikit.exporter.html.render import Context, Node, Shared, attrs, gen, make
from teikit.exporter.html.rules.epidoc import LEIDEN
from teikit.tei import E


class Sign(NamedTuple):
    category: str
    sample: etree._Element | None
    meaning: str
    editorial_only: bool = False
    leiden: bool = False
    """The sample is rendered as in an EpiDoc edition (Leiden signs)."""


SIGNS: tuple[Sign, ...] = (
    Sign("supplied", E.supplied("word", reason="clarification"),
         "words supplied by the editors"),
    Sign("gap", E.gap(E.desc("illegible"), reason="illegible"),
         "text not transcribed: illegible, withheld or left out"),
    Sign("unclear", E.unclear("word", cert="low"), "uncertain reading"),
    Sign("sic", E.sic("recieve"), "so in the original", editorial_only=True),
    Sign("choice", E.choice(E.sic("recieve"), E.corr("receive")),
         "corrected or regularised by the editors (the original is in the tooltip)"),
    Sign("expan", E.expan(E.abbr("Min"), E.ex("istry")), "abbreviation expanded"),
    Sign("add", E.add("word"), "added in the source, e.g. by another hand"),
    Sign("del", getattr(E, "del")("word"), "deleted in the source", editorial_only=True),
    Sign("surplus", E.surplus("word"), "superfluous in the source", editorial_only=True),
    Sign("space", E.space(quantity="1", unit="word"), "space left blank in the source"),
    Sign("stamp", E.stamp("RECEIVED"), "stamp on the document"),
    Sign("note", None, "note by a translator or the editors"),
    Sign("pb", E.pb(n="2"), "a new page of the source begins"),
    Sign("fw", E.fw("- 2 -"), "page number or running head of the source",
         editorial_only=True),
    Sign("leiden-supplied", E.supplied("abc", reason="lost"), "letters lost and restored",
         editorial_only=True, leiden=True),
    Sign("leiden-gap", E.gap(reason="lost", quantity="3", unit="character"),
         "letters lost, one dot each ([- - -]: how many is not known)", editorial_only=True,
         leiden=True),
    Sign("leiden-underdot", E.unclear("abc"), "letters not clearly read",
         editorial_only=True, leiden=True),
    Sign("leiden-erasure", getattr(E, "del")("abc", rend="erasure"), "letters erased",
         editorial_only=True, leiden=True),
    Sign("leiden-space", E.space(quantity="3", unit="character"),
         "space left blank (vacat)", editorial_only=True, leiden=True),
)


def _note_sample() -> list[Node]:
    return [make("sup", attrs("fn-call rd-only gen"), ["a"]),
            make("span", attrs("note-inline ed-only"), [gen("[", "br"), "Note: …", gen("]", "br")])]


def legend(ctx: Context, used: Iterable[str],
           signs: tuple[Sign, ...] = SIGNS) -> etree._Element | None:
    """The "Key to the signs" section, or None when the document has no editorial signs."""
    wanted = set(used)
    sample_ctx = replace(ctx, shared=Shared(), phrasing=True, copy=True)
    rows: list[Node] = []
    for sign in signs:
        if sign.category not in wanted:
            continue
        context = replace(sample_ctx, overlay=LEIDEN) if sign.leiden else sample_ctx
        sample = _note_sample() if sign.sample is None else context.render(sign.sample)
        classes = "sign ed-only" if sign.editorial_only else "sign"
        rows.append(make("li", attrs(classes), [
            make("span", attrs("sample", aria_hidden="true"), sample), " ",
            make("span", attrs("meaning"), [sign.meaning]),
        ]))
    if not rows:
        return None
    heading = make("h2", attrs(id="key"), ["Key to the signs"])
    hint = make("p", attrs("hint"), ["Point at a marked passage for details."])
    return make("section", attrs("legend", aria_labelledby="key"),
                [heading, make("ul", {}, rows), hint])

