"""Inline styles a document asks for: ``@style``, and ``@rendition`` pointing at the
header's ``tagsDecl/rendition`` definitions.

Only simple, safe CSS passes: declarations of the typographic properties in
:data:`PROPERTIES`, with values free of ``url(``, escapes, comments and markup. So a
document can make a word bold, small capitals, centred or red, but never load anything
or change the page's layout.
"""

from __future__ import annotations

import re
from typing import Final

from lxml import etree

from teikit.tei import TEI_NS, xml

PROPERTIES: Final = frozenset({
    "font-style", "font-weight", "font-variant", "font-size", "font-family",
    "text-decoration", "text-decoration-line", "text-decoration-style", "text-transform",
    "vertical-align", "letter-spacing", "word-spacing", "text-align", "text-indent", "color",
    "background-color", "white-space", "line-height",
})
VALUE: Final = re.compile(r"[\w\s#%.,'\"()+-]*")
UNSAFE: Final = ("url(", "expression", "image", "var(", "attr(")


def safe_css(text: str) -> str:
    """The safe declarations of ``text`` (a CSS declaration list), normalised."""
    kept = []
    for declaration in text.split(";"):
        name, colon, value = declaration.partition(":")
        name, value = name.strip().lower(), " ".join(value.split())
        if not colon or name not in PROPERTIES or not value:
            continue
        if not VALUE.fullmatch(value) or any(word in value.lower() for word in UNSAFE):
            continue
        kept.append(f"{name}: {value}")
    return "; ".join(kept)


def renditions(root: etree._Element) -> dict[str, str]:
    """``xml:id`` → safe CSS of each CSS ``rendition`` in the document's headers."""
    found: dict[str, str] = {}
    for rendition in root.iter(f"{{{TEI_NS}}}rendition"):
        ident = rendition.get(xml("id"))
        scheme = (rendition.get("scheme") or "css").lower()
        css = safe_css("".join(map(str, rendition.itertext()))) if scheme == "css" else ""
        if ident and css:
            found.setdefault(ident, css)
    return found


def style_of(element: etree._Element, defined: dict[str, str]) -> str | None:
    """The safe inline style for ``element`` (from ``@rendition`` then ``@style``)."""
    parts = [defined[token[1:]] for token in (element.get("rendition") or "").split()
             if token.startswith("#") and token[1:] in defined]
    own = safe_css(element.get("style") or "")
    return "; ".join([*parts, own] if own else parts) or None
