"""TEI → one self-contained HTML5 page with a reading view and an editorial view.

:func:`render_html` renders the ``<text>`` as an ``article`` through the renderer table of
:mod:`teikit.exporter.html.rules`, the ``teiHeader`` as a sidebar ("About this document"), a
key to the editorial signs the document uses and, for a long document, a table of
contents (:mod:`.toc`). A ``teiCorpus`` gives one page with a section per document
(:mod:`.corpus`); a root that is not TEI gives its text. The stylesheet (:mod:`.page`) is
inlined. Two radio buttons before the page switch the views with CSS alone; a three-line
script only honours ``?view=editorial`` or ``#view=editorial`` in the URL.

The same tree always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence

import lxml.html
from lxml import etree

from teikit.exporter.html.corpus import members
from teikit.exporter.html.direction import XML_LANG, direction
from teikit.exporter.html.header import Record, read_record, record_panel
from teikit.exporter.html.legend import legend
from teikit.exporter.html.links import index_ids
from teikit.exporter.html.notes import footnotes_section, index_note_targets
from teikit.exporter.html.page import PAGE_IDS, VIEWS, Parts, View, page, stylesheet, title
from teikit.exporter.html.render import Context, Node, Shared, attrs, make
from teikit.exporter.html.rules import RENDERERS, unknown
from teikit.exporter.html.source import index_descriptions, register_section, source_sections
from teikit.exporter.html.style import renditions
from teikit.exporter.html.toc import table_of_contents
from teikit.exporter.options import ExportOptions, Rendered
from teikit.exporter.sources import registers
from teikit.exporter.tokens import joined
from teikit.tei import TEI_NS, is_tei


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
    check_html_view(options)
    root = joined(tree).getroot()
    record = read_record(root)
    shared = Shared(ids=set(PAGE_IDS), renditions=renditions(root))
    if options.xslt is not None:
        shared.overrides = options.xslt.outputs(root).renderers()
    ctx = Context(RENDERERS, unknown, shared)
    nodes = _text_nodes(root, ctx)
    article, _ = make_article(nodes, ctx, record, options.source_name)
    set_direction(article, root)
    html = whole_page(article, table_of_contents(root, shared), ctx, record, options)
    return Rendered(page_bytes(html), shared.unruled)


def check_html_view(options: ExportOptions) -> View:
    """The view ``options`` ask for (a view the page does not have is an error)."""
    view = options.view or VIEWS[0]
    if view not in VIEWS:
        raise ValueError(f"view must be one of {', '.join(VIEWS)}, not {view!r}")
    return view


def whole_page(article: etree._Element, toc: etree._Element | None, ctx: Context,
               record: Record, options: ExportOptions) -> etree._Element:
    """The page around ``article``: its contents, the key to the signs and the record."""
    sidebar = [panel for panel in (legend(ctx, ctx.shared.used),
                                   record_panel(record, options.source_name))
               if panel is not None]
    return page(record, Parts(article, toc, sidebar), check_html_view(options),
                options.source_name, options.css)


def page_bytes(html: etree._Element, slots: Sequence[tuple[bytes, list[bytes]]] = ()) -> bytes:
    """``html`` serialized, ending with a newline; ``slots``: each placeholder element's
    serialized form and the serialized content that takes its place, in page order (the
    lists are emptied as they are used)."""
    data: bytes = lxml.html.tostring(html, doctype="<!DOCTYPE html>", encoding="utf-8",
                                     method="html")
    parts: list[bytes] = []
    for marker, content in slots:
        head, found, data = data.partition(marker)
        if not found or marker in data:
            raise ValueError("the page does not hold exactly one of each placeholder")
        parts.extend([head, *content])
        content.clear()
    parts.extend([data, b"" if data.endswith(b"\n") else b"\n"])
    return b"".join(parts) if slots else parts[0] + parts[1]


def _text_nodes(root: etree._Element, ctx: Context) -> list[Node]:
    """The rendered text: a TEI's descriptions of its source, its ``text`` and its
    ``standOff`` registers, a corpus's documents, another root's content."""
    if root.tag == f"{{{TEI_NS}}}teiCorpus":
        index_ids(root, ctx.shared)
        return members(root, ctx)
    if not is_tei(root, "TEI"):
        index_ids(root, ctx.shared)
        return ctx.children(root)
    sources = index_descriptions(root, ctx)
    text = root.find(f"{{{TEI_NS}}}text")
    lists = registers(root)
    for part in [*([text] if text is not None else []), *lists]:
        index_ids(part, ctx.shared)
    if text is not None:
        index_note_targets(text, ctx.shared)
    return [*source_sections(sources, ctx), *(ctx.children(text) if text is not None else []),
            *register_section(lists, ctx)]


def make_article(nodes: list[Node], ctx: Context, record: Record, source_name: str | None,
                 inner: Sequence[str] = ()) -> tuple[etree._Element, bool]:
    """The ``article`` holding ``nodes``, the notes after the body; and whether its ``h1``
    headings became plain lines (``inner``: the headings the :data:`SLOT` stands for)."""
    notes = footnotes_section(ctx.shared)
    if notes is not None:
        body = next((i for i, n in enumerate(nodes) if _has_class(n, "body")), len(nodes) - 1)
        nodes.insert(body + 1, notes)
    demoted = not _opens_with_one_h1(nodes, inner)
    if demoted:
        heading = make("h1", attrs("gen"), [title(record, source_name)])
        nodes.insert(0, make("header", attrs("front"), [heading]))
    return make("article", attrs("document", id="text"), nodes), demoted


def set_direction(article: etree._Element, root: etree._Element) -> None:
    """The article runs right to left when the text's language does (its own ``xml:lang``
    or the document's); the page around it stays as it is."""
    text = root.find(f"{{{TEI_NS}}}text") if is_tei(root, "TEI") else None
    lang = (text.get(XML_LANG) if text is not None else None) or root.get(XML_LANG)
    if lang and direction(lang) == "rtl":
        article.set("lang", lang)
        article.set("dir", "rtl")


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
SLOT = "teikit-slot"
"""The element that stands for content serialized apart (:mod:`.stream`)."""
SLOT_BYTES = f"<{SLOT}></{SLOT}>".encode()


def _opens_with_one_h1(nodes: list[Node], inner: Sequence[str] = ()) -> bool:
    """Whether the text's outline starts with its only ``h1`` (a document title); if not,
    any ``h1`` it has becomes a plain line, so that the page's title can open it."""
    headings = [h for node in nodes if not isinstance(node, str)
                for h in node.iter(*HEADINGS, SLOT)]
    tags = [tag for h in headings for tag in (inner if h.tag == SLOT else [str(h.tag)])]
    titles = [h for h in headings if h.tag == "h1"]
    if tags and tags[0] == "h1" and tags.count("h1") == 1:
        return True
    for heading in titles:
        heading.tag = "p"
    return False


def _has_class(node: Node, name: str) -> bool:
    return not isinstance(node, str) and name in (node.get("class") or "").split()


__all__ = ["View", "render_html", "stylesheet", "to_html"]
