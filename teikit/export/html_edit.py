"""Renderers for editorial interventions and features of the source.

Each renders one TEI element so that both views work from the same markup: what only the
editorial view shows is wrapped in ``ed-only`` (brackets, ``[sic]``, deletions, surplus
text, the original reading of a ``choice``), what only the reading view shows in
``rd-only``. A ``title`` attribute says what the editors did and why (``@reason``,
``@resp``, ``@cert``), so the reading view can stay quiet and still answer a question.
"""

from __future__ import annotations

from lxml import etree

from teikit.export.html_render import Context, Node, attrs, common, gen, make, text_of
from teikit.tei import is_tei, local_name

PREFERRED = ("corr", "reg", "expan")
"""In a ``choice``, the reading shown in the reading view; its siblings are editorial-only."""

GAP_REASONS = {
    "illegible": "illegible in the source",
    "redacted": "withheld from release",
    "editorial": "omitted by the editors",
    "signature": "signature not transcribed",
    "lost": "lost through damage",
    "cancelled": "cancelled in the source",
}
GAP_BADGES = {"editorial": "…", "illegible": "illegible", "redacted": "redacted"}


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


def brackets(content: list[Node], open_: str = "[", close: str = "]") -> list[Node]:
    """``content`` between brackets that only the editorial view shows."""
    return [gen(open_, "ed-only br"), *content, gen(close, "ed-only br")]


def supplied(element: etree._Element, ctx: Context) -> list[Node]:
    ctx.shared.used.add("supplied")
    title = describe(
        "Supplied by the editors",
        labelled("reason", element.get("reason")),
        labelled("by", who(element.get("resp"))),
        labelled("certainty", element.get("cert")),
    )
    content = brackets(ctx.inline().children(element))
    return [make("span", attrs("supplied", title=title, **common(element, ctx)), content)]


def gap(element: etree._Element, ctx: Context) -> list[Node]:
    ctx.shared.used.add("gap")
    reason = element.get("reason")
    title = describe(
        "Gap",
        GAP_REASONS.get(reason or "", reason),
        extent(element),
        labelled("by", who(element.get("resp"))),
    )
    content = ctx.inline().children(element)
    if not text_of(element).strip():
        content.append(gen(GAP_BADGES.get(reason or "", "gap"), "badge"))
    return [make("span", attrs("gap", title=title, **common(element, ctx)), brackets(content))]


def desc(element: etree._Element, ctx: Context) -> list[Node]:
    return [make("span", attrs("desc", **common(element, ctx)), ctx.inline().children(element))]


def unclear(element: etree._Element, ctx: Context) -> list[Node]:
    ctx.shared.used.add("unclear")
    title = describe(
        "Unclear reading",
        labelled("certainty", element.get("cert")),
        labelled("reason", element.get("reason")),
    )
    content = [*ctx.inline().children(element), gen("?", "ed-only query")]
    return [make("span", attrs("unclear", title=title, **common(element, ctx)), content)]


def sic(element: etree._Element, ctx: Context) -> list[Node]:
    ctx.shared.used.add("sic")
    content = [*ctx.inline().children(element), gen(" [sic]", "ed-only sic-mark")]
    title = "sic: so in the original"
    return [make("span", attrs("sic", title=title, **common(element, ctx)), content)]


def choice(element: etree._Element, ctx: Context) -> list[Node]:
    """The preferred reading (corr, reg, expan) for reading; every reading for editing."""
    ctx.shared.used.add("choice")
    preferred = [child for child in element if is_tei(child, *PREFERRED)]
    others = [child for child in element if isinstance(child.tag, str) and child not in preferred]
    original = " / ".join(text_of(child) for child in others)
    out: list[Node] = [element.text] if element.text else []
    for child in element:
        name = local_name(child)
        if preferred and others and child in preferred:
            inner = [gen(" [", "ed-only br"), *ctx.inline().children(child), gen("]", "ed-only br")]
            out.append(make("span", attrs(f"choice-{name}"), inner))
        elif preferred and child in others:
            out.append(make("span", attrs(f"choice-{name} ed-only"), ctx.inline().children(child)))
        else:
            out.extend(ctx.render(child))
        if child.tail:
            out.append(child.tail)
    title = describe("Editorial correction", labelled("original reading", original))
    return [make("span", attrs("choice", title=title, **common(element, ctx)), out)]


def deletion(element: etree._Element, ctx: Context) -> list[Node]:
    ctx.shared.used.add("del")
    title = describe("Deleted in the source", element.get("rend"), labelled("hand", who(
        element.get("hand"))))
    return [make("del", attrs("del ed-only", title=title, **common(element, ctx)),
                 ctx.inline().children(element))]


def addition(element: etree._Element, ctx: Context) -> list[Node]:
    ctx.shared.used.add("add")
    title = describe(
        "Added in the source",
        labelled("hand", who(element.get("hand"))),
        labelled("place", element.get("place")),
    )
    return [make("ins", attrs("add", title=title, **common(element, ctx)),
                 ctx.inline().children(element))]


def surplus(element: etree._Element, ctx: Context) -> list[Node]:
    ctx.shared.used.add("surplus")
    title = describe("Superfluous in the source", labelled("reason", element.get("reason")))
    content = brackets(ctx.inline().children(element), "{", "}")
    return [make("span", attrs("surplus ed-only", title=title, **common(element, ctx)), content)]


def space(element: etree._Element, ctx: Context) -> list[Node]:
    ctx.shared.used.add("space")
    title = describe("Blank space in the source", extent(element))
    content = [*ctx.inline().children(element), gen("blank", "ed-only badge")]
    return [make("span", attrs("space", title=title, **common(element, ctx)), content)]


def expan(element: etree._Element, ctx: Context) -> list[Node]:
    ctx.shared.used.add("expan")
    title = describe("Abbreviation expanded by the editors", text_of(element))
    return [make("span", attrs("expan", title=title, **common(element, ctx)),
                 ctx.inline().children(element))]


def ex(element: etree._Element, ctx: Context) -> list[Node]:
    content = brackets(ctx.inline().children(element), "(", ")")
    return [make("span", attrs("ex", **common(element, ctx)), content)]


def stamp(element: etree._Element, ctx: Context) -> list[Node]:
    ctx.shared.used.add("stamp")
    kind = element.get("type")
    title = describe("Stamp", kind)
    content = ctx.inline().children(element)
    if not text_of(element).strip():
        content.append(gen("stamp", "badge"))
    return [make("span", attrs("stamp", title=title, **common(element, ctx)), content)]


def fw(element: etree._Element, ctx: Context) -> list[Node]:
    """Running heads and page numbers of the source: editorial view only."""
    ctx.shared.used.add("fw")
    title = describe("Printed or written on the page", element.get("type"))
    return [make("span", attrs("fw ed-only", title=title, **common(element, ctx)),
                 ctx.inline().children(element))]


def pb(element: etree._Element, ctx: Context) -> list[Node]:
    """A page marker: a quiet number in the reading view, a visible break in editing."""
    ctx.shared.used.add("pb")
    number = element.get("n") or ""
    ident = None if ctx.copy else ctx.shared.unique_id(f"page-{number or 'break'}")
    label = f"Page {number}" if number else "Page break"
    content: list[Node] = [gen(f"p. {number}" if number else "¶", "rd-only"),
                           gen(f"[page {number}]" if number else "[page break]", "ed-only")]
    tag = "span" if ctx.phrasing else "div"
    return [make(tag, attrs("pb", id=ident, title=label), content)]
