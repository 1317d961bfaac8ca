"""Exporters: TEI → HTML (reading and editorial views) and plain text (reading and
transcript views), behind one :func:`export` function and a table of formats."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from lxml import etree

from teikit.diagnostics import ConfigError

Format = Literal["html", "text"]
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


def _html(tree: etree._ElementTree, view: str) -> bytes:
    from teikit.export.html import to_html

    return to_html(tree, view=view)  # type: ignore[arg-type]


def _text(tree: etree._ElementTree, view: str) -> bytes:
    from teikit.export.text import to_bytes

    return to_bytes(tree, view)  # type: ignore[arg-type]


EXPORTERS: dict[str, Callable[[etree._ElementTree, str], bytes]] = {"html": _html, "text": _text}


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


def export(tree: etree._ElementTree, to: str = "html", view: str | None = None) -> bytes:
    """``tree`` exported as ``to`` (``html`` or ``text``) in ``view``; returns bytes."""
    chosen = check_view(to, view)
    return EXPORTERS[to](tree, chosen)
