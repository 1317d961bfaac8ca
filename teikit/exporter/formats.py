"""The export formats and their views, and the one function that renders a tree."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from lxml import etree

from teikit.diagnostics import ConfigError
from teikit.exporter.documentary import with_text
from teikit.exporter.options import ExportOptions, Rendered
from teikit.exporter.spans import with_spans
from teikit.exporter.unnamespaced import as_tei

FORMATS: dict[str, tuple[str, ...]] = {
    "html": ("reading", "editorial"),
    "text": ("transcript", "reading"),
}
"""Each format's views; the first is the default."""
SUFFIXES: dict[tuple[str, str], str] = {
    ("html", "reading"): ".html",
    ("html", "editorial"): ".editorial.html",
    ("text", "transcript"): ".transcript.txt",
    ("text", "reading"): ".reading.txt",
}
"""The file-name suffix of each format and view, as ``teikit build`` writes them."""


def _html(tree: etree._ElementTree, options: ExportOptions) -> Rendered:
    from teikit.exporter.html import render_html

    return render_html(tree, options)


def _text(tree: etree._ElementTree, options: ExportOptions) -> Rendered:
    from teikit.exporter.text import render_text

    return render_text(tree, options)


EXPORTERS: dict[str, Callable[[etree._ElementTree, ExportOptions], Rendered]] = {
    "html": _html, "text": _text}


def check_view(to: str, view: str | None) -> str:
    """The view to use for format ``to``; a view the format does not have is an error."""
    views = FORMATS.get(to)
    if views is None:
        raise ConfigError(f"unknown export format {to!r} (known: {', '.join(FORMATS)})")
    if view is None:
        return views[0]
    if view not in views:
        raise ConfigError(f"--to {to} has the views {', '.join(views)}, not {view!r}")
    return view


def render(tree: etree._ElementTree, options: ExportOptions) -> Rendered:
    """``tree`` rendered as ``options`` say (no validation: see :func:`export_file`); TEI
    written without its namespace is read as TEI (:mod:`teikit.exporter.unnamespaced`),
    and a transcription in ``sourceDoc`` as its text (:mod:`teikit.exporter.documentary`);
    but for the transcript view, text in a ``delSpan``/``addSpan`` range is read as
    deleted/added (:mod:`teikit.exporter.spans`)."""
    chosen = replace(options, view=check_view(options.to, options.view))
    tree = as_tei(tree) or tree
    tree = with_text(tree) or tree
    if chosen.view != "transcript":
        tree = with_spans(tree) or tree
    return EXPORTERS[chosen.to](tree, chosen)


def export(tree: etree._ElementTree, to: str = "html", view: str | None = None) -> bytes:
    """``tree`` exported as ``to`` (``html`` or ``text``) in ``view``; returns bytes."""
    return render(tree, ExportOptions(to=to, view=view)).data

