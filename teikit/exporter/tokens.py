"""Tokenised TEI read as running text.

A text tokenised one ``w`` or ``pc`` per line (ELTeC level 2, linguistic corpora) has
whitespace between every two tokens, so that read as it is, punctuation stands apart:
``story , among others``, ``“ between seasons , ”``. :func:`joined` gives the tree both
views read instead: a copy in which the whitespace is left out before a ``pc`` that closes
(``,`` ``.`` ``;`` ``:`` ``!`` ``?`` ``…`` ``%``, closing brackets and quotes) and after one
that opens (opening brackets and quotes, ``¿`` ``¡``). A ``pc`` with ``@join`` (``left``,
``right``, ``both``, ``no``) is joined as it says. Only whitespace between a ``pc`` and its
neighbour is left out, never a word; the walk stops at an empty element (a line break).
A ``seg``, ``w`` or ``c`` typed as punctuation (``@type="pc"``, as corpora without the
``pc`` element write it) is a ``pc``.

A text tokenised without any whitespace (``<w>Trust</w><w>not</w>``, as some corpora
write verse lines) would read as one long word: two tokens side by side with nothing
between them are given a space, unless ``@join`` (or, on a ``pc``, its characters) says
they join (``<w join="right">l</w><w>'amour</w>``, ``<w>end</w><pc>.</pc>``). The parts of
a name written side by side (``<forename>Mary</forename><surname>Lunn</surname>``) are
spaced the same way, and so are sentences, clauses and phrases (``s``, ``cl``, ``phr``).
"""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Callable, Iterator
from typing import Final

from lxml import etree

from teikit.tei import TEI_NS

PC: Final = f"{{{TEI_NS}}}pc"
W: Final = f"{{{TEI_NS}}}w"
NAME_PARTS: Final = tuple(f"{{{TEI_NS}}}{name}" for name in (
    "forename", "surname", "roleName", "addName", "genName", "nameLink"))
SEGMENTS: Final = tuple(f"{{{TEI_NS}}}{name}" for name in ("s", "cl", "phr"))
TYPED: Final = tuple(f"{{{TEI_NS}}}{name}" for name in ("seg", "w", "c"))
PC_TYPES: Final = frozenset(("pc", "punct", "punctuation"))
CLOSES: Final = frozenset(",.;:!?…%")
OPENS: Final = frozenset("¿¡")
JOINS: Final = frozenset(("left", "right", "both", "no"))


def joined(tree: etree._ElementTree) -> etree._ElementTree:
    """``tree`` itself when it has no ``pc`` and no tokens side by side; else a copy with
    tokens side by side spaced and each ``pc`` joined to the token it closes on or opens."""
    root = tree.getroot()
    if next(punctuation(root), None) is None and next(abutting(root), None) is None \
            and next(abutting_names(root), None) is None:
        return tree
    work = copy.deepcopy(tree)
    for token in [*abutting(work.getroot()), *abutting_names(work.getroot())]:
        token.tail = " "
    for token in list(punctuation(work.getroot())):
        side = join_of(token)
        if side in ("left", "both"):
            strip_before(token)
        if side in ("right", "both"):
            strip_after(token)
    return work


def punctuation(root: etree._Element) -> Iterator[etree._Element]:
    """The punctuation tokens under ``root``: ``pc``, and elements typed as punctuation."""
    for element in root.iter(PC, *TYPED):
        if element.tag == PC or element.get("type") in PC_TYPES:
            yield element


def is_token(element: etree._Element) -> bool:
    return element.tag in (W, PC) or (element.tag in TYPED and element.get("type") in PC_TYPES)


def abutting(root: etree._Element) -> Iterator[etree._Element]:
    """The tokens (``w``, ``pc``) followed at once by another, with no text between them
    and no ``@join`` (or joining punctuation) to say they belong together."""
    for element in root.iter(W, PC, *TYPED):
        following = element.getnext()
        if element.tail or following is None or not is_token(element) \
                or not is_token(following):
            continue
        if side_of(element) not in ("right", "both") and \
                side_of(following) not in ("left", "both"):
            yield element


def abutting_names(root: etree._Element) -> Iterator[etree._Element]:
    """The parts of a name followed at once by another part, and the sentences, clauses
    or phrases of a tokenised text followed at once by another, with no text between."""
    for group in (NAME_PARTS, SEGMENTS):
        for element in root.iter(*group):
            following = element.getnext()
            if not element.tail and following is not None and following.tag in group:
                yield element


def side_of(token: etree._Element) -> str:
    """How a token joins its neighbours: a word only by its ``@join``, punctuation also
    by its characters (:func:`join_of`)."""
    if token.tag == W and token.get("type") not in PC_TYPES:
        join = token.get("join")
        return join if join in JOINS else "no"
    return join_of(token)


def join_of(token: etree._Element) -> str:
    """``left`` (closes on the token before), ``right`` (opens on the one after), ``both``
    or ``no``: from ``@join``, else from the punctuation's characters."""
    join = token.get("join")
    if join in JOINS:
        return join
    text = "".join(map(str, token.itertext())).strip()
    if text and all(c in CLOSES or unicodedata.category(c) in ("Pe", "Pf") for c in text):
        return "left"
    if text and all(c in OPENS or unicodedata.category(c) in ("Ps", "Pi") for c in text):
        return "right"
    return "no"


def is_element(node: etree._Element) -> bool:
    return isinstance(node.tag, str)


def strip_before(element: etree._Element) -> None:
    """Leave out the whitespace just before ``element`` in document order."""
    node = element
    while True:
        previous = node.getprevious()
        if previous is None:
            parent = node.getparent()
            if parent is None or trimmed(parent, "text", str.rstrip):
                return
            node = parent
            continue
        if trimmed(previous, "tail", str.rstrip):
            return
        if not is_element(previous):  # a comment: passed over
            node = previous
            continue
        inner = previous
        while is_element(inner) and len(inner):
            inner = inner[-1]
            if trimmed(inner, "tail", str.rstrip):
                return
        if is_element(inner):
            trimmed(inner, "text", str.rstrip)
        return


def strip_after(element: etree._Element) -> None:
    """Leave out the whitespace just after ``element`` in document order."""
    node = element
    while True:
        if trimmed(node, "tail", str.lstrip):
            return
        following = node.getnext()
        if following is None:
            parent = node.getparent()
            if parent is None:
                return
            node = parent
            continue
        if not is_element(following):  # a comment: passed over
            node = following
            continue
        inner = following
        while is_element(inner):
            if trimmed(inner, "text", str.lstrip) or not len(inner):
                return
            inner = inner[0]
        return


def trimmed(element: etree._Element, slot: str, strip: Callable[[str], str]) -> bool:
    """Strip the whitespace of ``element``'s ``text`` or ``tail`` at one end; True when
    something other than whitespace is left there (the walk stops)."""
    value: str | None = getattr(element, slot)
    if not value:
        return False
    kept: str = strip(value)
    setattr(element, slot, kept or None)
    return bool(kept)
