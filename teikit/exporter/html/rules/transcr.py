"""Editorial interventions and features of the source (TEI core and transcr modules).

Each renders one TEI element so that both views work from the same markup: what only the
editorial view shows is wrapped in ``ed-only`` (brackets, ``[sic]``, deletions, surplus
text, the original reading of a ``choice``), what only the reading view shows in
``rd-only``. A ``title`` attribute says what the editors did and why (``@reason``,
``@resp``, ``@cert``), so the reading view can stay quiet and still answer a question.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from teikit.exporter import documentary
from teikit.exporter.glyphs import glyph_name, glyph_text
from teikit.exporter.html.render import (
    Context,
    Node,
    Renderer,
    attrs,
    common,
    gen,
    make,
    text_of,
)
from teikit.exporter.html.rules.base import container, css_class, hidden, paragraph, phrase
from teikit.exporter.html.rules.spoken import document_ids
from teikit.exporter.layout_space import text_in
from teikit.exporter.restored import is_restored
from teikit.tei import is_tei, local_name

PREFERRED = {
    "corr": "Corrected by the editors",
    "reg": "Regularised by the editors",
    "expan": "Abbreviation expanded by the editors",
}
"""In a ``choice``, the readings shown in the reading view; their siblings are editorial-only."""

GAP_REASONS = {
    "illegible": "illegible in the source",
    "redacted": "withheld from release",
    "editorial": "omitted by the editors",
    "signature": "signature not transcribed",
    "lost": "lost through damage",
    "cancelled": "cancelled in the source",
}
GAP_BADGES = {"editorial": "…", "ellipsis": "…"}
"""The word shown for a gap without ``<desc>`` (otherwise its reason, or "gap")."""


def who(value: str | None) -> str | None:
    """A readable name for a ``@resp``/``@hand`` pointer: ``#hand-pencil`` → ``pencil``."""
    if not value:
        return None
    names = (part.lstrip("#").removeprefix("hand-").replace("-", " ") for part in value.split())
    return ", ".join(names)


def describe(*parts: str | None) -> str:
    """Join the known parts of a tooltip with a middle dot."""
    return " · ".join(part for part in parts if part)


def labelled(name: str, value: str | None) -> str | None:
    return f"{name}: {value}" if value else None


def extent(element: etree._Element) -> str | None:
    """``@quantity``/``@unit`` or ``@extent`` in words: ``2 words``, ``name``."""
    quantity, unit = element.get("quantity"), element.get("unit")
    if quantity and unit:
        plural = "" if quantity == "1" or unit.endswith("s") else "s"
        return f"{quantity} {unit}{plural}"
    return element.get("extent") or quantity


def wrap(element: etree._Element, ctx: Context, category: str, title: str | None,
         content: list[Node], tag: str = "span", classes: str = "") -> list[Node]:
    """``content`` in one HTML element for a sign of ``category`` (listed in the key)."""
    ctx.shared.used.add(category)
    names = f"{category} {classes}".strip()
    return [make(tag, attrs(names, title=title or None, **common(element, ctx)), content)]


def brackets(content: list[Node], open_: str = "[", close: str = "]") -> list[Node]:
    """``content`` between brackets that only the editorial view shows."""
    return [gen(open_, "ed-only br"), *content, gen(close, "ed-only br")]


def supplied(element: etree._Element, ctx: Context) -> list[Node]:
    """``<supplied>``: plain text (dotted underline) when reading; in brackets when editing.

    ``<supplied reason="clarification" resp="#editor">North</supplied>`` →
    ``<span class="supplied" title="Supplied by the editors · reason: clarification · by:
    editor">[North]</span>`` (the brackets are ``ed-only``).
    """
    title = describe(
        "Supplied by the editors",
        labelled("reason", element.get("reason")),
        labelled("by", who(element.get("resp"))),
        labelled("certainty", element.get("cert")),
    )
    return wrap(element, ctx, "supplied", title, brackets(ctx.inline().children(element)))


def gap(element: etree._Element, ctx: Context) -> list[Node]:
    """``<gap>``: a badge with its ``<desc>`` (or a word for its reason: "illegible", "…");
    in brackets and italics when editing. The title gives reason, extent and resp."""
    reason = element.get("reason")
    title = describe(
        "Gap",
        GAP_REASONS.get(reason or "", reason),
        extent(element),
        labelled("by", who(element.get("resp"))),
    )
    content = ctx.inline().children(element)
    if not text_of(element).strip():
        content.append(gen(GAP_BADGES.get(reason or "", reason or "gap"), "badge"))
    return wrap(element, ctx, "gap", title, brackets(content))


def desc(element: etree._Element, ctx: Context) -> list[Node]:
    """``<desc>`` of a gap: the marker's own words, kept as text."""
    return [make("span", attrs("desc", **common(element, ctx)), ctx.inline().children(element))]


def unclear(element: etree._Element, ctx: Context) -> list[Node]:
    """``<unclear>``: dotted underline when reading; wavy underline and "?" when editing."""
    title = describe(
        "Unclear reading",
        labelled("certainty", element.get("cert")),
        labelled("reason", element.get("reason")),
    )
    content = [*ctx.inline().children(element), gen("?", "ed-only query")]
    return wrap(element, ctx, "unclear", title, content)


def sic(element: etree._Element, ctx: Context) -> list[Node]:
    """A lone ``<sic>``: the text as it stands; editing adds an italic "[sic]"."""
    content = [*ctx.inline().children(element), gen(" [sic]", "ed-only sic-mark")]
    return wrap(element, ctx, "sic", "sic: so in the original", content)


def choice(element: etree._Element, ctx: Context) -> list[Node]:
    """``<choice>``: the preferred reading (corr, reg, expan) when reading, the original in
    the title; editing shows both, ``Indonesain [Indonesian]``."""
    preferred = [child for child in element if is_tei(child, *PREFERRED)]
    others = [child for child in element if isinstance(child.tag, str) and child not in preferred]
    text = text_in(element.tag, element.text)
    out: list[Node] = [text] if text else []
    for child in element:
        name = local_name(child)
        if preferred and others and child in preferred:
            inner = [gen(" [", "ed-only br"), *ctx.inline().children(child), gen("]", "ed-only br")]
            out.append(make("span", attrs(f"choice-{name}"), inner))
        elif preferred and child in others:
            out.append(make("span", attrs(f"choice-{name} ed-only"), ctx.inline().children(child)))
        else:
            out.extend(ctx.render(child))
        tail = text_in(element.tag, child.tail)
        if tail:
            out.append(tail)
    original = " / ".join(text_of(child) for child in others)
    what = PREFERRED[local_name(preferred[0])] if preferred else "Alternative readings"
    title = describe(what, labelled("original reading", original) if preferred else original)
    return wrap(element, ctx, "choice", title, out)


def deletion(element: etree._Element, ctx: Context) -> list[Node]:
    """``<del>``: left out of the reading text; struck through (``<del>``) when editing. A
    deletion cancelled by its ``restore`` parent is text (:mod:`teikit.exporter.restored`)."""
    hand = labelled("hand", who(element.get("hand")))
    restored = is_restored(element)
    what = "Deleted, then restored in the source" if restored else "Deleted in the source"
    title = describe(what, element.get("rend"), hand)
    content = ctx.inline().children(element)
    if restored:  # text, in both views (the title says it was struck)
        return [make("span", attrs("restored", title=title, **common(element, ctx)), content)]
    return wrap(element, ctx, "del", title, content, "del", "ed-only")


def addition(element: etree._Element, ctx: Context) -> list[Node]:
    """``<add>``: part of the text (``<ins>``); editing underlines it twice, in green."""
    title = describe(
        "Added in the source",
        labelled("hand", who(element.get("hand"))),
        labelled("place", element.get("place")),
    )
    return wrap(element, ctx, "add", title, ctx.inline().children(element), "ins")


def surplus(element: etree._Element, ctx: Context) -> list[Node]:
    """``<surplus>``: left out of the reading text; in braces when editing."""
    title = describe("Superfluous in the source", labelled("reason", element.get("reason")))
    content = brackets(ctx.inline().children(element), "{", "}")
    return wrap(element, ctx, "surplus", title, content, classes="ed-only")


def space(element: etree._Element, ctx: Context) -> list[Node]:
    """``<space>``: a blank stretch when reading; the word "blank" when editing."""
    title = describe("Blank space in the source", extent(element))
    content = [*ctx.inline().children(element), gen("blank", "ed-only badge")]
    return wrap(element, ctx, "space", title, content)


def expan(element: etree._Element, ctx: Context) -> list[Node]:
    """``<expan>``: the full word; editing shows the expansion in italic parentheses."""
    title = describe("Abbreviation expanded by the editors", text_of(element))
    return wrap(element, ctx, "expan", title, ctx.inline().children(element))


def ex(element: etree._Element, ctx: Context) -> list[Node]:
    """``<ex>``: the letters the editors added to an abbreviation, "(istry)" when editing."""
    content = brackets(ctx.inline().children(element), "(", ")")
    return [make("span", attrs("ex", **common(element, ctx)), content)]


def stamp(element: etree._Element, ctx: Context) -> list[Node]:
    """``<stamp>``: its text in a rubber-stamp box (the word "stamp" when it has none)."""
    content = ctx.inline().children(element)
    if not text_of(element).strip():
        content.append(gen("stamp", "badge"))
    return wrap(element, ctx, "stamp", describe("Stamp", element.get("type")), content)


def fw(element: etree._Element, ctx: Context) -> list[Node]:
    """``<fw>``: running heads and page numbers of the source, shown only when editing."""
    title = describe("Printed or written on the page", element.get("type"))
    return wrap(element, ctx, "fw", title, ctx.inline().children(element), classes="ed-only")


def pb(element: etree._Element, ctx: Context) -> list[Node]:
    """``<pb n="2"/>``: a quiet "p. 2" when reading, "[page 2]" when editing; between
    paragraphs it is a centred rule (``div.pb``), inside one an inline marker."""
    ctx.shared.used.add("pb")
    number = element.get("n") or ""
    ident = None if ctx.copy else ctx.shared.unique_id(f"page-{number or 'break'}")
    label = f"Page {number}" if number else "Page break"
    content: list[Node] = [gen(f"p. {number}" if number else "¶", "rd-only"),
                           gen(f"[page {number}]" if number else "[page break]", "ed-only")]
    tag = "span" if ctx.phrasing else "div"
    return [make(tag, attrs("pb", id=ident, title=label), content)]


def glyph(element: etree._Element, ctx: Context) -> list[Node]:
    """``g``: its content; an empty one that points at a character declared in the header
    reads as the declaration's mapping, named in its title (:mod:`teikit.exporter.glyphs`)."""
    ids = document_ids(element, ctx) if element.get("ref") else {}
    mapped = glyph_text(element, ids) if ids else None
    content = [mapped] if mapped else ctx.inline().children(element)
    name = glyph_name(element, ids) if mapped else None
    return [make("span", attrs(css_class(element), title=name, **common(element, ctx)),
                 content)]


def milestone(element: etree._Element, ctx: Context) -> list[Node]:
    """``milestone`` or ``cb`` with a number (``@n``): "[section 3]", "[column b]" when
    editing (the numbers a text is cited by), nothing when reading; without a number,
    nothing (an empty ``span`` when the element has an id)."""
    number = " ".join((element.get("n") or "").split())
    if not number:
        return hidden(element, ctx)
    unit = "column" if is_tei(element, "cb") else \
        " ".join((element.get("unit") or "").split()) or "milestone"
    label = f"{unit} {number}"
    return [make("span", attrs(css_class(element), title=label[0].upper() + label[1:],
                               **common(element, ctx)), [gen(f"[{label}]", "ed-only")])]


RULES: Mapping[str, Renderer] = {
    "supplied": supplied, "gap": gap, "desc": desc, "unclear": unclear, "sic": sic,
    "choice": choice, "del": deletion, "add": addition, "surplus": surplus, "space": space,
    "expan": expan, "ex": ex, "stamp": stamp, "fw": fw, "pb": pb, "milestone": milestone,
    "cb": milestone,
    "g": glyph,
    **dict.fromkeys(("abbr", "orig", "reg", "corr", "damage", "secl", "metamark", "am",
                     "restore", "mod", "retrace", "handShift", "subst", "redo", "undo"),
                    phrase("span")),
    **dict.fromkeys(documentary.BLOCKS, container("div")),
    **dict.fromkeys(documentary.LINES, paragraph("div")),
}
"""The editorial renderers."""
