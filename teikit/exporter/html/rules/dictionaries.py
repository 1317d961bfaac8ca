"""Dictionaries (TEI dictionaries module): entries, their forms, grammar and senses.

An ``entry`` (``entryFree``, ``superEntry``) is a block, as a printed dictionary sets an
article apart; its headword (``form/orth``) is bold, a pronunciation stands between
slashes, the grammatical information (``gramGrp``: ``pos``, ``gen`` …) is italic with a
space between its parts. Each ``sense`` of an entry with several is a line numbered by
its ``@n`` or its place (``1.``, ``2.``; a sense within a sense ``a)``, ``b)``), as the
numbers of a printed article. Inside an entry, translation equivalents and examples
(``cit``, ``quote``) are phrases among the sense's words, not set-off quotations.
Forms, translations and examples that follow one another are set apart by commas.
``xr`` opens with an arrow, ``usg`` and ``lbl`` are labels, an empty ``oRef`` (the
headword repeated) reads as a tilde.

Example: ``<entry><form><orth>ship</orth></form><gramGrp><pos>n</pos></gramGrp>
<sense><cit type="trans"><quote>Schiff</quote></cit></sense></entry>`` gives ``ship``
in bold, ``n`` in italics and ``Schiff`` on the line of its sense.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from string import ascii_lowercase

from lxml import etree

from teikit.exporter.html.render import Context, Node, Renderer, attrs, common, gen, make
from teikit.exporter.html.rules.base import block, container, css_class, followed_by_same, phrase
from teikit.tei import is_tei, local_name

ENTRIES = ("entry", "entryFree", "superEntry")
GROUPED = ("gramGrp", "form", "etym")
"""Groups whose parts the source may write with no space between them."""
GRAMMAR = ("pos", "gen", "number", "case", "per", "tns", "mood", "iType", "subc", "gram",
           "colloc")
PHRASES = ("hyph", "syll", "stress", "def", "usg", "lbl", "pRef", "dictScrap", "lang")


def entry(element: etree._Element, ctx: Context) -> list[Node]:
    """An entry: a block whose quotations are phrases (:data:`INSIDE`)."""
    inner = replace(ctx, overlay={**ctx.overlay, **INSIDE})
    return block(element, inner, "div", content=inner.children(element))


def grouped(element: etree._Element, ctx: Context) -> list[Node]:
    """A group of parts (``gramGrp``, ``form`` …) as a phrase, a space between parts the
    source runs together."""
    content: list[Node] = [element.text] if element.text else []
    inner = ctx.inline()
    for child in element:
        rendered = inner.render(child)
        if rendered and content and not _ends_with_space(content[-1]):
            content.append(gen(" "))
        content.extend(rendered)
        if child.tail:
            content.append(child.tail)
    return [make("span", attrs(css_class(element), **common(element, ctx)), content)]


def _ends_with_space(node: Node) -> bool:
    text = node if isinstance(node, str) else "".join(map(str, node.itertext()))
    return not text or text[-1].isspace()


def sense(element: etree._Element, ctx: Context) -> list[Node]:
    """A sense: a line (a block when it holds senses), numbered when it has siblings."""
    number = sense_number(element)
    content = [gen(f"{number} ", "sense-n")] if number else []
    nested = any(is_tei(child, "sense") for child in element)
    if nested:
        return block(element, ctx, "div", content=[*content, *ctx.children(element)])
    tag = "span" if ctx.phrasing else "div"
    return [make(tag, attrs(css_class(element), **common(element, ctx)),
                 [*content, *ctx.inline().children(element)])]


def sense_number(element: etree._Element) -> str:
    """``1.``, ``2.`` (``a)``, ``b)`` within a sense) for one of several senses; its own
    ``@n`` when it has one; nothing for an entry's only sense."""
    parent = element.getparent()
    siblings = [s for s in parent if is_tei(s, "sense")] if parent is not None else []
    within = parent is not None and is_tei(parent, "sense")
    own = element.get("n")
    if own:
        return own if own.endswith((".", ")")) else f"{own}{')' if within else '.'}"
    if len(siblings) < 2:
        return ""
    place = siblings.index(element)
    if within:
        return f"{ascii_lowercase[place % 26]})"
    return f"{place + 1}."


def pron(element: etree._Element, ctx: Context) -> list[Node]:
    """A pronunciation between slashes (unless written with its own)."""
    text = "".join(map(str, element.itertext())).strip()
    own = text[:1] in "/[" and text[-1:] in "/]"
    content = ctx.inline().children(element)
    marked = content if own else [gen("/"), *content, gen("/")]
    return [make("span", attrs("pron", **common(element, ctx)), marked)]


def cross_reference(element: etree._Element, ctx: Context) -> list[Node]:
    """``xr``: an arrow, then the reference (its own label, ``see``, when it has one)."""
    labelled = any(is_tei(child, "lbl") for child in element)
    content = ctx.inline().children(element)
    return [make("span", attrs(css_class(element), **common(element, ctx)),
                 content if labelled else [gen("→ "), *content])]


def grammar(element: etree._Element, ctx: Context) -> list[Node]:
    """A grammatical category (``pos``, ``gen`` …): italic, classed ``gram-<name>`` (the
    class ``gen`` marks generated text on the page, so a gender cannot carry it)."""
    return [make("i", attrs(f"gram gram-{local_name(element)}", **common(element, ctx)),
                 ctx.inline().children(element))]


def listed(render: Renderer) -> Renderer:
    """``render``, then a comma when a sibling of the same kind follows
    (:func:`~.base.followed_by_same`: two headwords, two translations of a sense)."""
    def with_comma(element: etree._Element, ctx: Context) -> list[Node]:
        return [*render(element, ctx), *([gen(",")] if followed_by_same(element) else [])]
    return with_comma


def headword_again(element: etree._Element, ctx: Context) -> list[Node]:
    """``oRef``: the headword repeated; a tilde when the source leaves it empty."""
    content = ctx.inline().children(element)
    return [make("span", attrs("oRef", **common(element, ctx)), content or [gen("~")])]


INSIDE: Mapping[str, Renderer] = {"cit": listed(phrase("span")), "quote": listed(phrase("span"))}
"""Inside an entry: a translation or an example is a phrase of its sense."""

RULES: Mapping[str, Renderer] = {
    **dict.fromkeys(ENTRIES, entry),
    **dict.fromkeys(GROUPED, grouped),
    **dict.fromkeys(GRAMMAR, grammar),
    **dict.fromkeys(PHRASES, phrase("span")),
    "orth": listed(phrase("span")), "re": container("div"), "hom": container("div"),
    "sense": sense, "pron": pron, "xr": cross_reference, "oRef": headword_again,
}
"""The dictionaries renderers."""
