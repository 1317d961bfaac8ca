"""How TEI written by teikit reads back as the transcript it came from.

This table is the inverse of the encoder's inline and layout rules: for each element it
says which marks the transcript had around its content. The text exporter uses it for
the ``transcript`` view, and the encoder uses it to check each block it builds before
trusting it (a block that would not read back exactly is kept as plain text).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from teikit.tei import TEI_NS, local_name

SIC_MARKERS = {"sic": "[sic]", "sic-exclaim": "[sic!]", "sic-title": "[Sic]", "sic-upper": "[SIC]"}
"""``@rend`` token of ``<sic>`` → the marker that followed the word in the transcript."""

PAGE_WORDS = ("Page", "page", "PAGE", "p.", "P.")

Render = Callable[[etree._Element, str], str]


def tokens(element: etree._Element) -> list[str]:
    return (element.get("rend") or "").split()


def _sic(element: etree._Element, inner: str) -> str:
    rend = tokens(element)
    marker = next((SIC_MARKERS[t] for t in rend if t in SIC_MARKERS), None)
    if marker is None:
        return inner
    if "marker-alone" in rend:
        return marker
    glued = "marker-attached" in rend or "marker-after-break" in rend  # the break is inside
    return inner + ("" if glued else _space(rend)) + marker


_SPACES = {"nbsp": "\u00a0", "narrow-nbsp": "\u202f", "thin-space": "\u2009"}
"""``@rend`` token → the space typed between a word and the editor's mark after it (a
plain space when there is none)."""


def _space(rend: list[str]) -> str:
    return next((_SPACES[token] for token in rend if token in _SPACES), " ")


def _unclear(element: etree._Element, inner: str) -> str:
    rend = tokens(element)
    if "query-after" in rend:
        return inner + _space(rend) + "[?]"
    if "query-attached" in rend or "query-after-break" in rend:
        return inner + "[?]"
    if "query-alone" in rend:
        return "[?]"
    if "query-inside" in rend:
        return f"[{inner}?]"
    return inner


def _pb(element: etree._Element, inner: str) -> str:
    rend = tokens(element)
    if "bracket" not in rend:
        return ""
    word = next((t for t in rend if t in PAGE_WORDS), "Page")
    space = "" if "nospace" in rend else "\n" if "newline" in rend else " "
    return f"[{word}{space}{element.get('n', '')}]"


def _stamp(element: etree._Element, inner: str) -> str:
    word = "Seal" if "capital" in tokens(element) else "seal"
    if element.get("type") == "seal":
        return f"[{word}]"
    word = "Stamp" if "capital" in tokens(element) else "stamp"
    space = "\n" if "newline" in tokens(element) else " "
    return f"[{word}:{space}{inner}]" if "labelled" in tokens(element) else f"[{word}]"


def _bracketed(element: etree._Element, inner: str) -> str:
    """``[inner]``; ``<inner>`` for Leiden's omitted letters (``@rend="angle"``); ``[inner?]``
    for a doubtful restoration (``@rend="query-inside"``)."""
    rend = tokens(element)
    if "angle" in rend:
        return f"<{inner}>"
    return f"[{inner}?]" if "query-inside" in rend else f"[{inner}]"


def _del(element: etree._Element, inner: str) -> str:
    return f"~~{inner}~~" if "md-strike" in tokens(element) else inner


def _ex(element: etree._Element, inner: str) -> str:
    return f"({inner})"


def _corr(element: etree._Element, inner: str) -> str:
    return f" [{inner}]" if "bracket-after" in tokens(element) else inner


def _g(element: etree._Element, inner: str) -> str:
    """A control character the transcript had (``<g type="control" n="U+0007"/>``); a
    code that names no character keeps the element's own text."""
    code = element.get("n", "")
    if element.get("type") == "control" and code.startswith("U+"):
        try:
            return chr(int(code[2:], 16))
        except (ValueError, OverflowError):
            return inner
    return inner


RENDER: dict[str, Render] = {
    "supplied": _bracketed,
    "gap": _bracketed,
    "sic": _sic,
    "unclear": _unclear,
    "pb": _pb,
    "stamp": _stamp,
    "note": lambda e, inner: _bracketed(e, inner) if e.get("place") == "inline" else inner,
    "add": _bracketed,
    "del": _del,
    "ex": _ex,
    "corr": _corr,
    "g": _g,
}


def content(element: etree._Element, child: Callable[[etree._Element], str]) -> str:
    """``element``'s text with each TEI child rendered by ``child`` (tails kept; comments,
    processing instructions and foreign elements contribute only their tails)."""
    parts: list[str] = [element.text or ""]
    for node in element:
        if isinstance(node.tag, str) and node.tag.startswith(f"{{{TEI_NS}}}"):
            parts.append(child(node))
        parts.append(node.tail or "")
    return "".join(parts)


def transcript_of(element: etree._Element) -> str:
    """The transcript text of ``element``'s content (its tail excluded)."""
    return content(element, render)


def render(element: etree._Element) -> str:
    """The transcript text of ``element`` itself, with its marks."""
    name = local_name(element)
    inner = transcript_of(element)
    if name == "desc" and element.getparent() is not None:
        return inner
    declared = delimiters(element)
    if declared is not None:
        return declared[0] + inner + declared[1]
    handler = RENDER.get(name)
    return handler(element, inner) if handler else inner


# --- conventions a profile declares ---------------------------------------------------------
# Their element carries its own delimiters in @rend ("open:7B close:7D": code points in
# hexadecimal, several joined by "."), so that any reader of the TEI can give them back.

_DELIMITER = re.compile(r"(open|close):([0-9A-F]{1,6}(?:\.[0-9A-F]{1,6}){0,63})")
READINGS = ("omit", "content", "delimited")


def delimiter_token(kind: str, text: str) -> str:
    """The ``@rend`` token recording a delimiter: ``open:7B`` for ``{``."""
    return f"{kind}:" + ".".join(f"{ord(char):X}" for char in text)


def delimiters(element: etree._Element) -> tuple[str, str] | None:
    """The (opening, closing) delimiters a declared convention's element was written with,
    or None for any other element."""
    found: dict[str, str] = {}
    for token in tokens(element):
        match = _DELIMITER.fullmatch(token)
        if match:
            try:
                found[match[1]] = "".join(chr(int(code, 16)) for code in match[2].split("."))
            except (ValueError, OverflowError):
                return None
    return (found["open"], found["close"]) if len(found) == 2 else None


def declared_reading(element: etree._Element) -> str | None:
    """How the reading view shows a declared convention's element (``omit``, ``content``
    or ``delimited``), or None for any other element."""
    if delimiters(element) is None:
        return None
    chosen = [t[8:] for t in tokens(element) if t.startswith("reading:")]
    return chosen[0] if chosen and chosen[0] in READINGS else "content"
