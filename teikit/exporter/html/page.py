"""The page around the rendered text: head, top bar with the view switch, the layout of
text, table of contents and sidebar, and the stylesheet (package data, inlined).

The stylesheet is one file per concern under ``css/``, concatenated in :data:`CSS_FILES`
order, then the team's own CSS (``--css``) if any, so that it wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Final, Literal

from lxml import etree

from teikit.exporter.html.header import Record
from teikit.exporter.html.render import Node, attrs, make

View = Literal["reading", "editorial"]
VIEWS: Final[tuple[View, ...]] = ("reading", "editorial")
PAGE_IDS: Final = ("view-reading", "view-editorial", "about", "key", "notes-to-text", "text",
                   "contents")
CSS_FILES: Final = ("page.css", "text.css", "lists.css", "drama.css", "verse.css",
                    "figures.css", "dictionaries.css", "signs.css", "epidoc.css", "sidebar.css",
                    "media.css")

SCRIPT: Final = (
    "(function () {\n"
    "  var m = /[?&#]view=(reading|editorial)\\b/.exec(location.search + location.hash);\n"
    "  if (m) { document.getElementById('view-' + m[1]).checked = true; }\n"
    "})();\n"
)


def stylesheet(extra: str = "") -> str:
    """The page's CSS (``teikit/exporter/html/css/*.css``), then ``extra``."""
    folder = resources.files("teikit.exporter.html").joinpath("css")
    parts = [folder.joinpath(name).read_text(encoding="utf-8") for name in CSS_FILES]
    if extra:  # "</" would end the style element; "<\/" is the same text in CSS
        parts.append(f"/* the team's own stylesheet */\n{extra.rstrip()}\n".replace("</",
                                                                                    "<\\/"))
    return "\n".join(parts)


def title(record: Record, source_name: str | None) -> str:
    return record.title or source_name or record.transcript or "Untitled document"


def _lines(elements: list[etree._Element]) -> list[Node]:
    """Elements one per line, so the page's outline reads well in a diff."""
    out: list[Node] = ["\n"]
    for element in elements:
        out.extend([element, "\n"])
    return out


@dataclass(frozen=True)
class Parts:
    """What the page lays out: the text, its table of contents, the sidebar's panels."""

    article: etree._Element
    toc: etree._Element | None
    sidebar: list[etree._Element]


def page(record: Record, parts: Parts, view: View, source_name: str | None,
         css: str = "") -> etree._Element:
    """The whole page (``css``: the team's own stylesheet, after the built-in one)."""
    head = make("head", {}, _lines([
        make("meta", attrs(charset="utf-8"), []),
        make("meta", attrs(name="viewport", content="width=device-width, initial-scale=1"), []),
        make("meta", attrs(name="color-scheme", content="light dark"), []),
        make("meta", attrs(name="generator", content="teikit"), []),
        make("title", {}, [title(record, source_name)]),
        make("style", {}, ["\n", stylesheet(css)]),
    ]))
    radios = [
        make("input", attrs("view-radio", type="radio", name="view", id=f"view-{name}",
                            value=name, checked="checked" if name == view else None), [])
        for name in VIEWS
    ]
    aside = make("aside", attrs("sidebar", aria_label="Document information"),
                 _lines(parts.sidebar))
    main = make("main", attrs("layout"), _lines(
        [parts.toc, parts.article, aside] if parts.toc is not None else [parts.article, aside]))
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


