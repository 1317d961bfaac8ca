"""Datatypes: ``string``, ``token``, ``prefix:name`` with ``{ parameters }`` or a literal
value. Types and parameters of the libraries libxml2 provides are checked where written."""

from __future__ import annotations

from typing import Final, NamedTuple

from teikit.validator.rnc.annotations import annotate, leading
from teikit.validator.rnc.cursor import Cursor
from teikit.validator.rnc.lexer import Token
from teikit.validator.rnc.tree import XSD_DATATYPES, Element, R


class _Library(NamedTuple):
    types: frozenset[str]
    parameters: frozenset[str]
    name: str
    """How messages name the library."""


_XSD_TYPES: Final = frozenset((
    "string", "normalizedString", "token", "language", "Name", "NCName", "NMTOKEN", "NMTOKENS",
    "ID", "IDREF", "IDREFS", "ENTITY", "ENTITIES", "QName", "NOTATION", "anyURI", "boolean",
    "base64Binary", "hexBinary", "float", "double", "decimal", "integer", "nonPositiveInteger",
    "negativeInteger", "long", "int", "short", "byte", "nonNegativeInteger", "unsignedLong",
    "unsignedInt", "unsignedShort", "unsignedByte", "positiveInteger", "duration", "dateTime",
    "time", "date", "gYearMonth", "gYear", "gMonthDay", "gDay", "gMonth"))
_XSD_FACETS: Final = frozenset((
    "length", "minLength", "maxLength", "pattern", "enumeration", "whiteSpace", "maxInclusive",
    "maxExclusive", "minInclusive", "minExclusive", "totalDigits", "fractionDigits"))
_LIBRARIES: Final = {
    "": _Library(frozenset(("string", "token")), frozenset(),
                 "the built-in library (string, token)"),
    XSD_DATATYPES: _Library(_XSD_TYPES, _XSD_FACETS, "XML Schema"),
}
"""The libraries libxml2 provides (other libraries are passed through unchecked)."""


def datatype(cur: Cursor, token: Token, library: str, name: str) -> Element:
    """``value`` when a literal follows the datatype ``token``, else ``data`` with its
    parameters (a ``-`` exception is the caller's to read)."""
    known = _LIBRARIES.get(library)
    if known is not None and name not in known.types:
        raise cur.error(token, f"{token.value} is not a datatype of {known.name}",
                        "rnc-datatype")
    attributes = {"type": name, **({"datatypeLibrary": library} if library else {})}
    if cur.peek().kind == "literal":
        if name in ("QName", "NOTATION"):  # the value's prefixes need a default namespace
            attributes["ns"] = cur.env.default_ns
        return R("value", cur.literal(), attributes)
    params = _params(cur, known.parameters if known else None) if cur.at("{") else []
    return R("data", *params, attributes)


def _params(cur: Cursor, allowed: frozenset[str] | None) -> list[Element]:
    cur.expect("{")
    found: list[Element] = []
    while not cur.accept("}"):
        anno = leading(cur)
        name = cur.identifier(keywords=True)
        if allowed is not None and name.value not in allowed:
            raise cur.error(name, f"{name.value} is not a parameter of this datatype library",
                            "rnc-datatype")
        cur.expect("=")
        found.extend(annotate([R("param", cur.literal(), {"name": name.value})], anno))
    return found
