"""The renderer table: TEI local name → function that renders it as HTML.

One module per TEI module holds the rules for its elements, each a small function (most
built by the generic shapes of :mod:`.base`). :data:`MODULES` lists them in order and
:data:`RENDERERS` is their union; a name may be ruled by one module only. Anything not in
the table goes through :func:`unknown`, which keeps its text and counts the element, so
``teikit export --report`` can say what the page simplifies.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from teikit.exporter.html import notes
from teikit.exporter.html.render import Context, Node, Renderer, attrs, common, make
from teikit.exporter.html.rules import (
    core,
    dictionaries,
    drama,
    epidoc,
    figures,
    gaiji,
    headerparts,
    linking,
    lists,
    msdescription,
    namesdates,
    nets,
    spoken,
    tagdocs,
    textstructure,
    transcr,
    verse,
)
from teikit.exporter.html.rules.base import hidden
from teikit.exporter.text.policy import NOT_TEXT
from teikit.tei import is_tei, local_name

MODULES: tuple[tuple[str, Mapping[str, Renderer]], ...] = (
    ("core", core.RULES),
    ("lists", lists.RULES),
    ("notes", {"note": notes.note}),
    ("textstructure", textstructure.RULES),
    ("drama", drama.RULES),
    ("spoken", spoken.RULES),
    ("verse", verse.RULES),
    ("figures", figures.RULES),
    ("linking", linking.RULES),
    ("namesdates", namesdates.RULES),
    ("transcr", transcr.RULES),
    ("msdescription", msdescription.RULES),
    ("dictionaries", dictionaries.RULES),
    ("tagdocs", tagdocs.RULES),
    ("epidoc", epidoc.RULES),
    ("nets", nets.RULES),
    ("gaiji", gaiji.RULES),
    ("headerparts", headerparts.RULES),
    ("annotations", dict.fromkeys(NOT_TEXT - {"milestone", "cb"}, hidden)),
)
"""Each TEI module's rules, by module name."""


def unknown(element: etree._Element, ctx: Context) -> list[Node]:
    """An element no renderer knows: its text and children, in a ``div`` when it holds
    paragraphs or other blocks (and may); in a ``div`` of phrasing content when it stands
    between blocks with no running text beside it (a post, an entry: a block of its own,
    not run into the next one); else in a ``span`` with phrasing content only.
    It is counted in ``Shared.unruled`` under its name (``prefix:name`` outside TEI)."""
    ctx.shared.unruled[report_name(element)] += 1
    block = not ctx.phrasing and any(
        is_tei(node, *notes.BLOCK_CHILDREN) for node in element.iterdescendants())
    tag, inner = ("div", ctx) if block else \
        ("div" if not ctx.phrasing and stands_apart(element) else "span", ctx.inline())
    return [make(tag, attrs("tei-unknown", data_tei=local_name(element) or None,
                            **common(element, ctx)), inner.children(element))]


def stands_apart(element: etree._Element) -> bool:
    """Whether no running text stands just before or after ``element`` (only whitespace,
    or nothing, between it and its neighbours)."""
    previous = element.getprevious()
    parent = element.getparent()
    before = previous.tail if previous is not None else \
        (parent.text if parent is not None else None)
    return not (before or "").strip() and not (element.tail or "").strip()


def report_name(element: etree._Element) -> str:
    """``name`` for a TEI element, ``{namespace}name`` for any other."""
    tag = str(element.tag)
    return local_name(element) if is_tei(element, local_name(element)) else tag


def _table() -> dict[str, Renderer]:
    table: dict[str, Renderer] = {}
    for module, rules in MODULES:
        taken = table.keys() & rules.keys()
        if taken:
            raise ValueError(f"{module} rules {sorted(taken)} already ruled by another module")
        table.update(rules)
    return table


RENDERERS: Mapping[str, Renderer] = _table()
"""The dispatch table used by :func:`teikit.exporter.html.to_html`."""
