"""The RELAX NG XML the converter writes: namespaces, an element builder, tag names, and the
few questions asked of the tree in more than one place."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final, Protocol, cast

from lxml import etree
from lxml.builder import ElementMaker

RNG: Final = "http://relaxng.org/ns/structure/1.0"
ANNOTATIONS: Final = "http://relaxng.org/ns/compatibility/annotations/1.0"
XSD_DATATYPES: Final = "http://www.w3.org/2001/XMLSchema-datatypes"
XML_NS: Final = "http://www.w3.org/XML/1998/namespace"

Element = etree._Element


class _Builder(Protocol):
    def __call__(self, tag: str, *children: Any) -> Element: ...


R: Final = cast(_Builder, ElementMaker(namespace=RNG, nsmap={None: RNG}))
"""RELAX NG elements: ``R("ref", {"name": "p"})`` makes ``<ref name="p"/>``."""


def rng(local: str) -> str:
    """The Clark name of RELAX NG element ``local``."""
    return f"{{{RNG}}}{local}"


GRAMMAR, DIV, DEFINE, START = (rng(n) for n in ("grammar", "div", "define", "start"))
REF, PARENT_REF, GROUP, NAME = (rng(n) for n in ("ref", "parentRef", "group", "name"))
VALUE: Final = rng("value")


def is_rng(node: Element) -> bool:
    """True for RELAX NG elements (false for annotations, comments and the like)."""
    return isinstance(node.tag, str) and node.tag.startswith(f"{{{RNG}}}")


def unwrap(nodes: list[Element]) -> list[Element]:
    """A plain ``group`` as the content of an implicit group is replaced by its children."""
    first = nodes[0]
    if first.tag == GROUP and not first.attrib:
        return [*first, *nodes[1:]]
    return nodes


def components(nodes: list[Element]) -> Iterator[Element]:
    """``start`` and ``define`` elements among ``nodes``, looking inside ``div``s."""
    for node in nodes:
        if node.tag == DIV:
            yield from components(list(node))
        elif node.tag in (START, DEFINE):
            yield node


def key(node: Element) -> str:
    """How a ``start`` or ``define`` is named in messages (and matched by overrides)."""
    return "start" if node.tag == START else f"definition of {node.get('name')}"
