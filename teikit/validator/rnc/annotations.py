"""Annotations: ``##`` documentation, leading ``[ ... ]`` attributes and elements, ``>>``
following elements, kept as foreign markup on the RELAX NG they annotate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from lxml import etree

from teikit.validator.rnc.cursor import Cursor
from teikit.validator.rnc.lexer import Token, describe
from teikit.validator.rnc.tree import ANNOTATIONS, NAME, RNG, Element, rng

_TEXTUAL: Final = {rng("value"), rng("param"), NAME}
"""Elements whose content is a string: their annotation elements follow them instead."""


@dataclass
class Anno:
    """Leading annotations: ``##`` documentation and ``[ attributes elements ]``."""

    attributes: dict[str, str]
    elements: list[Element]


def annotate(nodes: list[Element], anno: Anno | None) -> list[Element]:
    """``nodes`` (a pattern and its followers) with ``anno`` put on the pattern."""
    if anno is None:
        return nodes
    node = nodes[0]
    for key, value in anno.attributes.items():
        node.set(key, value)
    if node.tag in _TEXTUAL:  # libxml2 refuses elements inside value, param and name
        return [node, *anno.elements, *nodes[1:]]
    for index, element in enumerate(anno.elements):
        node.insert(index, element)
    return nodes


def leading(cur: Cursor) -> Anno | None:
    """The documentation and ``[ ... ]`` before the next token, if any."""
    lines = cur.docs.pop(cur.pos, None)
    elements = [_documentation(lines)] if lines else []
    attributes: dict[str, str] = {}
    if cur.accept("["):
        while cur.at("=", 1):
            token = cur.take()
            name = annotation_name(cur, token, foreign=True, attribute=True)
            cur.take()
            if name in attributes:
                raise cur.error(token, f"duplicate annotation attribute {token.value}")
            attributes[name] = cur.literal()
        while not cur.accept("]"):
            elements.append(annotation_element(cur, foreign=True))
    return Anno(attributes, elements) if elements or attributes else None


def follow(cur: Cursor) -> list[Element]:
    """``>> annotation`` elements, which follow the pattern they are written after."""
    found: list[Element] = []
    while cur.accept(">>"):
        found.append(annotation_element(cur, foreign=True))
    return found


def annotation_element(cur: Cursor, *, foreign: bool) -> Element:
    """``name [ attributes, text and elements ]`` (``foreign``: outside RELAX NG's own)."""
    token = cur.take()
    node = etree.Element(annotation_name(cur, token, foreign=foreign, attribute=False))
    cur.expect("[")
    while cur.at("=", 1):
        name = cur.take()
        cur.take()
        node.set(annotation_name(cur, name, foreign=False, attribute=True), cur.literal())
    while not cur.accept("]"):
        if cur.peek().kind == "literal":
            text = cur.literal()
            if len(node):
                node[-1].tail = (node[-1].tail or "") + text
            else:
                node.text = (node.text or "") + text
        else:
            node.append(annotation_element(cur, foreign=False))
    return node


def annotation_name(cur: Cursor, token: Token, *, foreign: bool, attribute: bool) -> str:
    """The Clark name of an annotation element or attribute written as ``token``."""
    if token.kind in ("name", "quoted"):
        if foreign and attribute:
            raise cur.error(token, f"annotation attribute {token.value} needs a "
                                   "namespace prefix")
        return token.value
    if token.kind != "cname":
        raise cur.error(token, f"expected an annotation name, found {describe(token)}")
    prefix, local = token.value.split(":")
    uri = cur.namespace(token)
    if prefix == "xmlns" or (foreign and uri == RNG):
        raise cur.error(token, f"{token.value} cannot be an annotation")
    return f"{{{uri}}}{local}" if uri else local


def _documentation(lines: list[str]) -> Element:
    node = etree.Element(f"{{{ANNOTATIONS}}}documentation", nsmap={"a": ANNOTATIONS})
    node.text = "\n".join(lines)
    return node
