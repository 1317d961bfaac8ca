"""TEI → one self-contained HTML5 page with a reading view and an editorial view.

:func:`to_html` renders the ``teiHeader`` as a sidebar ("About this document"), the
``<text>`` as an ``article`` through the renderer table of :mod:`teikit.export.html.rules`,
and a key to the editorial signs the document uses. The stylesheet (``html.css``, package
data) is inlined. Two radio buttons before the page switch the views with CSS alone; a
three-line script only honours ``?view=editorial`` or ``#view=editorial`` in the URL.

The same tree always gives the same bytes.
"""

from __future__ import annotations

from importlib import resources
from typing import Final, Literal

import lxml.html
from lxml import etree

from teikit.export.html.header import Record, read_record, record_panel
from teikit.export.html.legend import legend
from teikit.export.html.links import index_ids
from teikit.export.html.notes import footnotes_section
from teikit.export.html.render import Context, Node, Shared, attrs, make
from teikit.export.html.rules import RENDERERS, unknown
from teikit.export.options import ExportOptions, Rendered
from teikit.tei import NAMESPACES, is_tei

View = Literal["reading", "editorial"]
VIEWS: Final[tuple[View, ...]] = ("reading", "editorial")
PAGE_IDS: Final = ("view-reading", "view-editorial", "about", "key", "notes-to-text", "text")

SCRIPT: Final = (
    "(function () {\n"
    "  var m = /[?&#]view=(reading|editorial)\\b/.exec(location.search + location.hash);\n"
    "  if (m) { document.getElementById('view-' + m[1]).checked = true; }\n"
    "})();\n"
)


def stylesheet() -> str:
    """The page's CSS (``teikit/export/html/html.css``)."""
    return resources.files("teikit.export.html").joinpath("html.css").read_text(encoding="utf-8")


def to_html(
    tree: etree._ElementTree,
    *,
    view: View = "reading",
    source_name: str | None = None,
) -> bytes:
    """Render a TEI document as an HTML5 page (UTF-8 bytes).

    ``view`` is the view shown when the page opens ("reading" or "editorial"); readers
    switch with the toggle at the top. ``source_name`` names the transcript in the page's
    colophon (default: the name recorded in the header's ``xenoData``).
    """
    return render_html(tree, ExportOptions(view=view, source_name=source_name)).data


def render_html(tree: etree._ElementTree, options: ExportOptions) -> Rendered:
    """The page for ``tree`` with ``options``, and the elements it rendered without a rule."""
    view = options.view or VIEWS[0]
    if view not in VIEWS:
        raise ValueError(f"view must be one of {', '.join(VIEWS)}, not {view!r}")
    root = tree.getroot()
    record = read_record(root)
    shared = Shared(ids=set(PAGE_IDS))
    text = root.find("tei:text", NAMESPACES) if is_tei(root, "TEI") else root
    if text is not None:
        index_ids(text, shared)
    ctx = Context(RENDERERS, unknown, shared)
    article = _article(text, ctx, record, options.source_name)
    sidebar = [panel for panel in (legend(ctx, shared.used),
                                   record_panel(record, options.source_name))
               if panel is not None]
    page = _page(record, article, sidebar, view, options.source_name)
    data: bytes = lxml.html.tostring(page, doctype="<!DOCTYPE html>", encoding="utf-8",
                                     method="html")
    return Rendered(data if data.endswith(b"\n") else data + b"\n", shared.unruled)


def _title(record: Record, source_name: str | None) -> str:
    return record.title or source_name or record.transcript or "Untitled document"


def _article(text: etree._Element | None, ctx: Context, record: Record,
             source_name: str | None) -> etree._Element:
    nodes: list[Node] = ctx.children(text) if text is not None else []
    notes = footnotes_section(ctx.shared)
    if notes is not None:
        body = next((i for i, n in enumerate(nodes) if _has_class(n, "body")), len(nodes) - 1)
        nodes.insert(body + 1, notes)
    if not any(_has_h1(node) for node in nodes):
        heading = make("h1", attrs("gen"), [_title(record, source_name)])
        nodes.insert(0, make("header", attrs("front"), [heading]))
    return make("article", attrs("document", id="text"), nodes)


def _has_class(node: Node, name: str) -> bool:
    return not isinstance(node, str) and name in (node.get("class") or "").split()


def _has_h1(node: Node) -> bool:
    return not isinstance(node, str) and next(node.iter("h1"), None) is not None


def _lines(elements: list[etree._Element]) -> list[Node]:
    """Elements one per line, so the page's outline reads well in a diff."""
    out: list[Node] = ["\n"]
    for element in elements:
        out.extend([element, "\n"])
    return out


def _page(record: Record, article: etree._Element, sidebar: list[etree._Element], view: View,
          source_name: str | None) -> etree._Element:
    head = make("head", {}, _lines([
        make("meta", attrs(charset="utf-8"), []),
        make("meta", attrs(name="viewport", content="width=device-width, initial-scale=1"), []),
        make("meta", attrs(name="color-scheme", content="light dark"), []),
        make("meta", attrs(name="generator", content="teikit"), []),
        make("title", {}, [_title(record, source_name)]),
        make("style", {}, ["\n", stylesheet()]),
    ]))
    radios = [
        make("input", attrs("view-radio", type="radio", name="view", id=f"view-{name}",
                            value=name, checked="checked" if name == view else None), [])
        for name in VIEWS
    ]
    main = make("main", attrs("layout"), _lines([
        article, make("aside", attrs("sidebar", aria_label="Document information"),
                      _lines(sidebar)),
    ]))
    skip = make("a", attrs("skip", href="#text"), ["Skip to the text"])
    page = make("div", attrs("page"), _lines([skip, _bar(record), main]))
    body = make("body", {}, _lines([*radios, page, make("script", {}, ["\n", SCRIPT])]))
    return make("html", attrs(lang=record.language or "en"), ["\n", head, "\n", body, "\n"])


def _bar(record: Record) -> etree._Element:
    """The top bar: where the document comes from, and the view switch."""
    record_id = record.idnos[0] if record.idnos else ""
    where = " · ".join(part for part in (record.archive or record.publisher, record_id) if part)
    switch = make("div", attrs("switch"), [
        make("span", attrs("switch-label", id="view-label"), ["View"]),
        make("label", attrs(for_="view-reading", title="Clean text for reading"), ["Reading"]),
        make("label", attrs(for_="view-editorial", title="Every editorial intervention shown"),
             ["Editorial"]),
    ])
    return make("header", attrs("bar"), [
        make("p", attrs("bar-where"), [where or "Transcript"]), switch,
    ])


__all__ = ["View", "stylesheet", "to_html"]
