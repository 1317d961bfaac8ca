"""The syntax of RELAX NG's XML form (spec section 3) and the lexical checks of section 4.

Each element in the RELAX NG namespace takes ``ns``, ``datatypeLibrary`` and foreign
(namespaced) attributes, plus its own unqualified ones; its children are RELAX NG elements
and foreign elements (annotations, ignored), and whitespace, except for ``value``,
``param`` and ``name``, which hold text only.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final
from urllib.parse import quote

from lxml import etree

RNG: Final = "http://relaxng.org/ns/structure/1.0"
XML_NS: Final = "http://www.w3.org/XML/1998/namespace"
_ATTRIBUTES: Final[dict[str, frozenset[str]]] = {
    **dict.fromkeys(("element", "attribute", "ref", "parentRef", "param"), frozenset({"name"})),
    **dict.fromkeys(("group", "interleave", "choice", "optional", "zeroOrMore", "oneOrMore",
                     "list", "mixed", "empty", "text", "notAllowed", "grammar", "except",
                     "div", "name", "anyName", "nsName"), frozenset()),
    "value": frozenset({"type"}), "data": frozenset({"type"}),
    "externalRef": frozenset({"href"}), "include": frozenset({"href"}),
    "start": frozenset({"combine"}), "define": frozenset({"name", "combine"}),
}
"""Each RELAX NG element's own (unqualified) attributes, besides ``ns`` and
``datatypeLibrary``."""
REQUIRED: Final = {"ref": "name", "parentRef": "name", "param": "name", "define": "name",
                   "data": "type", "externalRef": "href", "include": "href"}
TEXT_ONLY: Final = frozenset({"value", "param", "name"})
EMPTY_ONLY: Final = frozenset({"ref", "parentRef"})
"""Elements with no content at all (not even annotations), as the schema for RELAX NG has."""
TRIMMED: Final = frozenset({"name", "type", "combine"})
"""Attributes whose surrounding whitespace is dropped (section 4.2)."""
_NAME_START: Final = frozenset({"Ll", "Lu", "Lo", "Lt", "Nl"})
_NAME_MORE: Final = _NAME_START | {"Mc", "Me", "Mn", "Lm", "Nd"}


def is_ncname(text: str) -> bool:
    """Whether ``text`` is an NCName by the character classes of XML 1.0's Appendix B (as
    James Clark's test suite expects: a combining mark cannot start a name)."""
    if not text:
        return False
    for index, char in enumerate(text):
        if char in "_" or (index and char in ".-\u00b7"):
            continue
        if "\uf900" < char < "\ufffe" or unicodedata.decomposition(char).startswith("<"):
            return False
        if unicodedata.category(char) not in (_NAME_MORE if index else _NAME_START):
            return False
    return True



_URIC: Final = r"[A-Za-z0-9\-_.!~*'();/?:@&=+$,]|%[0-9A-Fa-f]{2}"
_URIC_NO_SLASH: Final = r"[A-Za-z0-9\-_.!~*'();?:@&=+$,]|%[0-9A-Fa-f]{2}"
ABSOLUTE_URI: Final = re.compile(
    rf"[A-Za-z][A-Za-z0-9+.\-]*:(?:/(?:{_URIC})*|(?:{_URIC_NO_SLASH})(?:{_URIC})*)")
"""RFC 2396's ``absoluteURI`` (a hierarchical part starts with ``/``; an opaque part has
at least one character), with no fragment."""
URI_REFERENCE: Final = re.compile(rf"(?:{_URIC})*")


class RngSyntaxError(ValueError):
    """A schema element written against section 3 (or a lexical rule of section 4)."""

    def __init__(self, node: etree._Element, message: str) -> None:
        super().__init__(message)
        self.node = node


def local(node: etree._Element) -> str | None:
    """The local name of a RELAX NG element; None for anything else."""
    tag = node.tag
    if isinstance(tag, str) and tag.startswith(f"{{{RNG}}}"):
        return tag[len(RNG) + 2:]
    return None


def escaped(uri: str) -> str:
    """A URI with the characters XLink says to escape (section 4.3) escaped."""
    return quote(uri, safe="-_.!~*'();/?:@&=+$,%#[]")


def check_element(node: etree._Element) -> None:
    """Raise :class:`RngSyntaxError` when ``node``'s attributes or text break section 3."""
    name = local(node)
    if name is None or name not in _ATTRIBUTES:
        raise RngSyntaxError(node, f"{etree.QName(node).localname!r} is not a RELAX NG element")
    own = _ATTRIBUTES[name]
    for key in node.attrib:
        qname = etree.QName(key)
        if qname.namespace == RNG:
            raise RngSyntaxError(node, f"attribute {qname.localname!r} may not be in the "
                                       "RELAX NG namespace")
        if qname.namespace is None and key not in own and key not in {"ns",
                                                                       "datatypeLibrary"}:
            raise RngSyntaxError(node, f"<{name}> has no attribute {key!r}")
    required = REQUIRED.get(name)
    if required is not None and node.get(required) is None:
        raise RngSyntaxError(node, f"<{name}> needs the attribute {required!r}")
    if name in TEXT_ONLY or name in EMPTY_ONLY:
        if any(isinstance(child.tag, str) for child in node):
            what = "text only" if name in TEXT_ONLY else "nothing"
            raise RngSyntaxError(node, f"<{name}> holds {what}")
        if name in EMPTY_ONLY and (node.text or "").strip():
            raise RngSyntaxError(node, f"text is not allowed inside <{name}>")
    elif (node.text or "").strip() or any((child.tail or "").strip() for child in node):
        raise RngSyntaxError(node, f"text is not allowed inside <{name}>")
    _check_values(node, name)


def _check_values(node: etree._Element, name: str) -> None:
    if name in {"ref", "parentRef", "param", "define"} and not is_ncname(
            attribute(node, "name")):
        raise RngSyntaxError(node, f"{attribute(node, 'name')!r} is not an NCName")
    if name in {"data", "value"} and node.get("type") is not None and not is_ncname(
            attribute(node, "type")):
        raise RngSyntaxError(node, f"datatype {attribute(node, 'type')!r} is not an NCName")
    if name in {"start", "define"} and node.get("combine") is not None and attribute(
            node, "combine") not in {"choice", "interleave"}:
        raise RngSyntaxError(node, "combine must be 'choice' or 'interleave'")
    library = node.get("datatypeLibrary")
    if library and not ABSOLUTE_URI.fullmatch(escaped(library)):
        raise RngSyntaxError(node, f"datatypeLibrary {library!r} is not an absolute URI "
                                   "without a fragment (RFC 2396)")
    href = node.get("href")
    if href is not None:
        if "#" in href:
            raise RngSyntaxError(node, f"href {href!r} may not have a fragment identifier")
        if not URI_REFERENCE.fullmatch(escaped(href)):
            raise RngSyntaxError(node, f"href {href!r} is not a URI reference")


def attribute(node: etree._Element, name: str) -> str:
    """An attribute's value, trimmed where section 4.2 says (empty when absent)."""
    value = node.get(name, "")
    return value.strip(" \t\r\n") if name in TRIMMED else value


def children(node: etree._Element) -> list[etree._Element]:
    """The RELAX NG children of ``node`` (foreign elements are annotations: dropped)."""
    return [child for child in node if local(child) is not None]


def resolve_qname(node: etree._Element, text: str, default: str) -> tuple[str, str]:
    """The (namespace, local name) of a QName written in ``node`` (``default`` for an
    unprefixed one); RngSyntaxError when it is no QName or its prefix is not declared."""
    prefix, colon, name = text.rpartition(":")
    if not is_ncname(name) or (colon and not is_ncname(prefix)):
        raise RngSyntaxError(node, f"{text!r} is not a QName")
    if not colon:
        return default, name
    if prefix == "xml":
        return XML_NS, name
    namespace = node.nsmap.get(prefix)
    if namespace is None:
        raise RngSyntaxError(node, f"prefix {prefix!r} is not declared")
    return namespace, name
