"""The TEI namespace, the element builder, the one safe XML parser, and serialization.

Every XML parser in teikit is created here (:func:`parser`), so that no code path can
resolve an external entity, load a DTD or touch the network.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, Protocol, cast

from lxml import etree
from lxml.builder import ElementMaker

TEI_NS: Final = "http://www.tei-c.org/ns/1.0"
XML_NS: Final = "http://www.w3.org/XML/1998/namespace"
XI_NS: Final = "http://www.w3.org/2001/XInclude"
SCH_NS: Final = "http://purl.oclc.org/dsdl/schematron"
XSL_NS: Final = "http://www.w3.org/1999/XSL/Transform"
TEIKIT_NS: Final = "https://teikit.dev/ns/source"
"""Namespace of teikit's record of the source transcript (inside ``xenoData``)."""

NSMAP: Final[Any] = {None: TEI_NS}
NAMESPACES: Final = {"tei": TEI_NS, "xml": XML_NS, "tk": TEIKIT_NS, "xi": XI_NS}



class Builder(Protocol):
    """An element factory: ``builder.p(*children, **attributes)`` makes ``<p>``."""

    def __getattr__(self, tag: str) -> Callable[..., etree._Element]: ...


E: Final = cast(Builder, ElementMaker(namespace=TEI_NS, nsmap=NSMAP))
"""Builder for TEI elements: ``E.p("text", E.supplied("North", reason="clarification"))``."""

TK: Final = cast(Builder, ElementMaker(namespace=TEIKIT_NS, nsmap={"tk": TEIKIT_NS}))


def tei(local: str) -> str:
    """Clark name of a TEI element: ``tei("p") == "{http://www.tei-c.org/ns/1.0}p"``."""
    return f"{{{TEI_NS}}}{local}"


def xml(local: str) -> str:
    """Clark name of an attribute in the XML namespace (``xml:id``, ``xml:space``)."""
    return f"{{{XML_NS}}}{local}"


def local_name(element: etree._Element) -> str:
    """The element's name without its namespace ("" for comments and PIs)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return etree.QName(tag).localname


def is_tei(element: etree._Element, *names: str) -> bool:
    """True when ``element`` is a TEI element with one of ``names``."""
    tag = element.tag
    return isinstance(tag, str) and tag.startswith(f"{{{TEI_NS}}}") and local_name(element) in names


def parser(*, huge: bool = False, collect_ids: bool = True) -> etree.XMLParser:
    """A parser that never resolves external entities, loads DTDs or uses the network.

    Internal entities are expanded (libxml2 refuses exponential expansion unless
    ``huge`` is set, which also lifts its limits on very deep or very large documents).
    ``collect_ids=False`` stops libxml2 from rejecting a repeated ``xml:id`` while
    parsing: validators leave ID checks to the schema, as RELAX NG and jing do.
    """
    return etree.XMLParser(
        resolve_entities="internal",  # type: ignore[arg-type]  # lxml >= 5; stubs lag
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=huge,
        remove_blank_text=False,
        remove_comments=False,
        collect_ids=collect_ids,
    )


def parse_bytes(data: bytes, *, base_url: str | None = None) -> etree._ElementTree:
    """Parse a document from bytes with the safe :func:`parser`.

    Raises :class:`lxml.etree.XMLSyntaxError` for input that is not well-formed.
    """
    if base_url is None:
        return etree.fromstring(data, parser()).getroottree()
    root = etree.fromstring(data, parser(), base_url=base_url)
    return root.getroottree()


def parse_file(path: str | Path) -> etree._ElementTree:
    """Parse a document from a file with the safe :func:`parser`."""
    return etree.parse(str(path), parser())


def serialize(tree: etree._ElementTree | etree._Element) -> bytes:
    """Serialize as UTF-8 with an XML declaration and a final newline.

    Whitespace is written as it is in the tree: teikit indents the header itself and
    never indents ``<text>``, whose whitespace belongs to the transcript.
    """
    data: bytes = etree.tostring(tree, encoding="UTF-8", xml_declaration=True)
    return data if data.endswith(b"\n") else data + b"\n"
