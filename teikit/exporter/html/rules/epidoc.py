"""EpiDoc editions: inscriptions as epigraphers read them.

Inside a ``div type="edition"`` the renderers of :data:`LEIDEN` replace the usual ones
(through ``Context.overlay``). The editorial view then shows the Leiden conventions, the
reading view the clean text:

====================================  ==============================  =================
TEI                                   editorial view                  reading view
====================================  ==============================  =================
``lb n="5"``                          a new line, its number          a new line, every
                                      in the margin                   fifth number
``supplied reason="lost"``            ``[abc]`` (``[abc?]`` if        abc
                                      ``cert="low"``)
``supplied reason="omitted"``         ``⟨abc⟩``                       abc
``supplied reason="subaudible"``      ``(abc)``                       abc
``gap reason="lost"``                 ``[...]`` one dot a letter,     …
                                      ``[- - -]`` unknown extent
``gap reason="illegible"``            ``...`` / ``+ + +``             …
``del rend="erasure"``                ``⟦abc⟧``                       abc
other ``del`` (a correction)          ``⟦abc⟧``                       nothing
``unclear``                           dots under the letters          abc
``space``                             *vac.*                          a blank
====================================  ==============================  =================

Each line break carries an id (``line-5``), so an apparatus entry with ``@loc="5"`` (or
``line 5``, ``lines 5-6``) links to its line; one naming a text part (``frA``, ``b``) or a
line in it (``frC-4``) links to that part or line. ``div type="apparatus"`` lists its ``app``
entries as ``5: lemma] variant``; an ``app`` inside the text shows its lemma, and its
variants in the editorial view.
Standard EpiDoc divisions without a heading (edition, apparatus, translation, commentary,
bibliography) get a generated one (naming an edition's ``@subtype``: ``Transliteration``);
one left empty (a template's ``<p/>``) is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace

from lxml import etree

from teikit.exporter.counts import whole_number
from teikit.exporter.html.render import Context, Node, Renderer, attrs, common, gen, make, text_of
from teikit.exporter.html.rules.base import css_class
from teikit.exporter.html.rules.core import starts_its_parent
from teikit.exporter.html.rules.transcr import brackets, describe, extent, labelled, wrap
from teikit.exporter.layout_space import text_in
from teikit.exporter.variants import READINGS, kept_path
from teikit.tei import is_tei, tei, xml

HEADINGS: Mapping[str, str] = {
    "edition": "Edition", "apparatus": "Apparatus", "translation": "Translation",
    "commentary": "Commentary", "bibliography": "Bibliography",
}
"""Generated headings for EpiDoc's standard divisions that have none."""

SUBTYPES: Mapping[str, str] = {
    "transliteration": "Transliteration", "simple-lemmatized": "Lemmatized text",
    "diplomatic": "Diplomatic edition", "interpretive": "Interpretive edition",
}
"""Generated headings by ``@subtype`` (an edition's second form of the text)."""


def generated_heading(element: etree._Element) -> str:
    """The heading an EpiDoc standard division without one gets: by its ``@type``, its
    ``@subtype`` named unless ``primary`` (``Transliteration``, ``Edition (metrical)``),
    so that an inscription's two editions are told apart; "" for other divisions."""
    heading = HEADINGS.get(element.get("type") or "", "")
    subtype = element.get("subtype") or ""
    words = " ".join(subtype.replace("-", " ").split())
    if not heading or not words or subtype == "primary":
        return heading
    return SUBTYPES.get(subtype, f"{heading} ({words})")


EMPTY_PARTS = ("p", "ab", "listBibl", "listApp")
"""What a division left to be filled holds (an EpiDoc template's ``<p/>``); an edition
whose numbered lines hold no letters (``<lb n="1"/>``) is kept, its lines shown."""


def left_empty(element: etree._Element) -> bool:
    """True for one of EpiDoc's standard divisions (:data:`HEADINGS`) without a heading, an
    id or a word, holding nothing but empty paragraphs: a template's ``translation`` or
    ``commentary`` never filled in, which the page leaves out rather than head nothing."""
    return (element.get("type") in HEADINGS and element.find(tei("head")) is None
            and element.get(xml("id")) is None and not element.xpath("normalize-space(.)")
            and all(is_tei(part, *EMPTY_PARTS)
                    for part in element.iterdescendants(etree.Element)))


SUPPLIED_SIGNS: Mapping[str, tuple[str, str]] = {
    "omitted": ("⟨", "⟩"), "subaudible": ("(", ")"), "explanation": ("(", ")"),
}
"""Brackets of ``supplied`` by ``@reason`` (square brackets for the rest: lost text)."""


def leiden(element: etree._Element, ctx: Context, category: str, title: str,
           content: list[Node], extra: str = "") -> list[Node]:
    """``content`` as a Leiden sign of ``category`` (listed in the key as ``leiden-…``)."""
    ctx.shared.used.add(f"leiden-{category}")
    return [make("span", attrs(f"{category} leiden {extra}".strip(), title=title or None,
                               **common(element, ctx)), content)]


def folded(value: str | None) -> str:
    """``@n`` as an apparatus names it: spaces folded, lower case (``frA`` finds ``a``)."""
    return " ".join((value or "").split()).lower()


def part_of(element: etree._Element) -> str | None:
    """The ``@n`` of the text part (a fragment, a face) ``element`` is in, folded."""
    for div in element.iterancestors(tei("div")):
        kind = div.get("type")
        if kind == "textpart" and div.get("n"):
            return folded(div.get("n"))
        if kind == "edition":
            return None
    return None


def text_part(element: etree._Element, ident: str, ctx: Context) -> None:
    """Record a text part (``div type="textpart"``) by its ``@n``, for the apparatus."""
    n = folded(element.get("n"))
    if n and not ctx.copy:
        ctx.shared.parts.setdefault((n, ""), ident)


def line_id(element: etree._Element, n: str, ctx: Context) -> str | None:
    """A unique id for line ``n``; the first line ``n`` is also what ``@loc="n"`` links to,
    and the first line ``n`` of a text part what ``@loc="frA-n"`` links to."""
    if ctx.copy or not n:
        return None
    ident = ctx.shared.unique_id(f"line-{'-'.join(n.split())}")
    ctx.shared.lines.setdefault(n, ident)
    part = part_of(element)
    if part is not None:
        ctx.shared.parts.setdefault((part, n), ident)
    return ident


def edition_line(element: etree._Element, ctx: Context) -> list[Node]:
    """``lb`` in an edition: a break (but not before the first line) and the line number."""
    n = " ".join((element.get("n") or "").split())
    number_class = "lnum gen"
    number = whole_number(n)
    if number is not None and number % 5 == 0:
        number_class += " lnum-5"
    out: list[Node] = [] if starts_its_parent(element) else [make("br", attrs("lb"), [])]
    out.append(make("span", attrs(number_class, id=line_id(element, n, ctx), aria_hidden="true"),
                    [n] if n else []))
    return out


def leiden_supplied(element: etree._Element, ctx: Context) -> list[Node]:
    open_, close = SUPPLIED_SIGNS.get(element.get("reason") or "", ("[", "]"))
    doubt = "?" if element.get("cert") == "low" else ""
    title = describe("Supplied by the editors", labelled("reason", element.get("reason")),
                     labelled("certainty", element.get("cert")))
    content = brackets(ctx.inline().children(element), open_, doubt + close)
    return leiden(element, ctx, "supplied", title, content)


def gap_sign(element: etree._Element) -> str:
    """The Leiden sign of a gap: dots for counted letters, dashes for an unknown extent."""
    quantity = element.get("quantity") or ""
    unit = element.get("unit") or "character"
    lost = (element.get("reason") or "lost") != "illegible"
    count = whole_number(quantity) or 0
    if unit in ("character", "chars") and 0 < count <= 20:
        dots = "." * count
    elif unit == "line":
        dots = "- - - - - -"
    else:
        dots = "- - -" if lost else "+ + +"
    return f"[{dots}]" if lost else dots


def leiden_gap(element: etree._Element, ctx: Context) -> list[Node]:
    title = describe("Gap", element.get("reason"), extent(element))
    content: list[Node] = [gen(gap_sign(element), "ed-only"), gen("…", "rd-only")]
    return leiden(element, ctx, "gap", title, content)


def leiden_del(element: etree._Element, ctx: Context) -> list[Node]:
    """An erasure: the text in double brackets when editing; the text itself when reading.
    A scribe's deletion (``rend="corrected"``, the deleted side of a ``subst``) is in the
    editorial view only, as the reading text leaves it out."""
    parent = element.getparent()
    erased = element.get("rend") == "erasure" and not (
        parent is not None and is_tei(parent, "subst"))
    title = describe("Erased in antiquity" if erased else "Deleted", element.get("rend"))
    return leiden(element, ctx, "erasure", title, brackets(ctx.inline().children(element),
                                                           "⟦", "⟧"),
                  "" if erased else "ed-only")


def leiden_unclear(element: etree._Element, ctx: Context) -> list[Node]:
    """Letters not clearly read: dotted beneath in the editorial view (by the stylesheet)."""
    title = describe("Letters not clearly read", labelled("reason", element.get("reason")))
    return leiden(element, ctx, "underdot", title, ctx.inline().children(element))


def leiden_space(element: etree._Element, ctx: Context) -> list[Node]:
    title = describe("Space left blank on the stone", extent(element))
    return leiden(element, ctx, "space", title, [gen("vac.", "ed-only vacat"),
                                                 gen(" ", "rd-only")])


def edition(element: etree._Element, ctx: Context) -> Context:
    """The context inside an edition: Leiden signs."""
    return replace(ctx, overlay={**ctx.overlay, **LEIDEN})


LOCATION = re.compile(r"(?:lines?\.?\s*)?(\w+?)(?:\s*[-–]\s*\w+)?", re.IGNORECASE)
"""An apparatus entry's ``@loc``: a line number (``5``), also written ``line 5``,
``Line5`` or as a range (``lines 4-5``, linked to its first line)."""

PART = re.compile(r"(?:fr(?:agment)?\.?\s*)?(\w+?)"
                  r"(?:\s*[-.,:/]\s*(?:l(?:ines?)?\.?\s*)?(\w+?)(?:\s*[-–]\s*\w+)?)?",
                  re.IGNORECASE)
"""An ``@loc`` naming a text part: ``a``, ``frA``, ``fr. b``, or a line in it (``frC-4``,
``fr. b, l. 1``, ``a.3-5``)."""


def line_target(loc: str, ctx: Context) -> str | None:
    """The id of the line ``loc`` names, or of the text part (or its line), if the edition
    has it."""
    found = LOCATION.fullmatch(loc)
    target = ctx.shared.lines.get(found.group(1)) if found else None
    if target is None and ctx.shared.parts:
        in_part = PART.fullmatch(loc)
        if in_part:
            target = ctx.shared.parts.get((in_part.group(1).lower(), in_part.group(2) or ""))
    return target


def in_apparatus(element: etree._Element) -> bool:
    """Whether ``element`` is an entry of an apparatus: in a ``listApp``, or directly in a
    ``div type="apparatus"``."""
    parent = element.getparent()
    return parent is not None and (is_tei(parent, "listApp") or (
        is_tei(parent, "div") and parent.get("type") == "apparatus"))


def apparatus_entry(element: etree._Element, ctx: Context) -> list[Node]:
    """``app`` in an apparatus: ``5: lemma] variant; variant note``, the line linked."""
    loc = " ".join((element.get("loc") or "").split())
    content: list[Node] = []
    target = line_target(loc, ctx)
    if loc:
        number = make("a", attrs("app-loc", href=f"#{target}"), [loc]) if target else loc
        content.extend([make("span", attrs("app-line gen"), [number, ":"]), " "])
    content.extend(readings(element, ctx))
    parent = element.getparent()
    listed = parent is not None and is_tei(parent, "listApp")
    tag = "span" if ctx.phrasing else "li" if listed else "p"
    return [make(tag, attrs(css_class(element, "blk" if ctx.phrasing else ""),
                            **common(element, ctx)), content)]


def readings(element: etree._Element, ctx: Context) -> list[Node]:
    """The lemma, then ``]``, then the variants (with their witnesses) and notes."""
    text = text_in(element.tag, element.text)
    out: list[Node] = [text] if text else []
    for child in element:
        out.extend(ctx.inline().render(child))
        following = child.getnext()
        if is_tei(child, "lem") and following is not None:
            out.append(gen("] ", "app-sep"))
        elif is_tei(child, "rdg") and following is not None:
            out.append(gen("; " if is_tei(following, "rdg") else ". ", "app-sep"))
        tail = text_in(element.tag, child.tail)
        if tail:
            out.append(tail)
    return out


def reading(element: etree._Element, ctx: Context) -> list[Node]:
    """``rdg``: a variant, with its witnesses (``@wit``) after it; an empty one (the
    witnesses leave the lemma out) reads ``om.``, as an apparatus prints it."""
    witnesses = " ".join(w.lstrip("#") for w in (element.get("wit") or "").split())
    content = ctx.inline().children(element)
    if not text_of(element).strip() and not any(isinstance(c.tag, str) for c in element):
        content = [gen("om.", "om"), *content]
    if witnesses:
        content.append(gen(f" {witnesses}", "wit"))
    return [make("span", attrs("rdg", **common(element, ctx)), content)]


def _within(parent: etree._Element, groups: set[etree._Element]
            ) -> Iterator[etree._Element]:
    """The children of ``parent`` and, in document order, of each of ``groups`` among
    them (an app's groups of readings on the kept path), not every descendant: an app
    nested in a reading is not walked again for each app around it."""
    for child in parent:
        yield child
        if child in groups:
            yield from _within(child, groups)


def app(element: etree._Element, ctx: Context) -> list[Node]:
    """``app``: an apparatus entry in a ``listApp``; in the text, the reading kept (its
    lemma, else its first reading: :mod:`teikit.exporter.variants`; the variants shown in
    the editorial view only) and its notes (footnotes)."""
    if in_apparatus(element):
        return apparatus_entry(element, ctx)
    path = kept_path(element)
    if not path:
        return [make("span", attrs("app"), readings(element, ctx))]
    kept = path[-1]
    listed: list[Node] = []
    variants: list[etree._Element] = []
    groups = {element, *path[:-1]}
    for child in _within(element, groups):
        if child in path or is_tei(child, "note") or not isinstance(child.tag, str):
            continue
        if is_tei(child, *READINGS):
            variants.append(child)
        # "; " between readings: a variant's witnesses end it
        separator = "; " if is_tei(child, *READINGS) else " "
        listed.extend([*([gen(separator, "app-sep")] if listed else []),
                       *(reading(child, ctx) if is_tei(child, *READINGS)
                         else ctx.inline().render(child))])
    shown = [gen(" (", "br"), *listed, gen(")", "br")] if listed else []
    title = describe("Variant readings", " / ".join(text_of(v) for v in variants))
    witnesses = " ".join(w.lstrip("#") for w in (kept.get("wit") or "").split())
    own = [gen(f" {witnesses}", "wit ed-only")] if witnesses and is_tei(kept, "rdg") else []
    notes = [node for child in element if is_tei(child, "note")
             for node in ctx.inline().render(child)]
    return wrap(element, ctx, "app", title, [
        *ctx.inline().children(kept), *own, *notes,
        make("span", attrs("app-variants ed-only"), shown),
    ])


def list_app(element: etree._Element, ctx: Context) -> list[Node]:
    tag = "span" if ctx.phrasing else "ul"
    return [make(tag, attrs(css_class(element, "blk" if ctx.phrasing else ""),
                            **common(element, ctx)), ctx.children(element))]


LEIDEN: Mapping[str, Renderer] = {
    "lb": edition_line, "supplied": leiden_supplied, "gap": leiden_gap, "del": leiden_del,
    "unclear": leiden_unclear, "space": leiden_space,
}
"""The renderers an edition uses instead of the usual ones."""

RULES: Mapping[str, Renderer] = {"app": app, "listApp": list_app, "rdg": reading,
                                 "lem": lambda element, ctx: ctx.inline().children(element)}
"""The apparatus renderers."""
