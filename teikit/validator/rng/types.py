"""Datatypes: the built-in library (``string``, ``token``) and W3C XML Schema's, as the
RELAX NG spec and its guidelines for XSD datatypes define them.

A schema may only use these two libraries. An XSD type takes the facets that apply to it
as parameters, except ``enumeration`` and ``whiteSpace``; several ``pattern`` s must all
match. Values and parameters are checked by a correct implementation, xmlschema's; a
``QName`` or ``NOTATION`` is resolved against the namespaces in scope (libxml2 compares
them as strings).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any, Final

from lxml import etree
from lxml.builder import ElementMaker

from teikit.validator.rng.patterns import Datatype

XSD_LIBRARY: Final = "http://www.w3.org/2001/XMLSchema-datatypes"
_XS: Final = "http://www.w3.org/2001/XMLSchema"
_LENGTH: Final = frozenset({"length", "minLength", "maxLength", "pattern"})
_ORDER: Final = frozenset({"minInclusive", "minExclusive", "maxInclusive", "maxExclusive",
                           "pattern"})
_FACETS: Final[dict[str, frozenset[str]]] = {
    **dict.fromkeys(("string", "normalizedString", "token", "language", "Name", "NCName",
                     "NMTOKEN", "NMTOKENS", "ID", "IDREF", "IDREFS", "ENTITY", "ENTITIES",
                     "anyURI", "base64Binary", "hexBinary", "QName", "NOTATION"), _LENGTH),
    "boolean": frozenset({"pattern"}),
    **dict.fromkeys(("decimal", "integer", "nonPositiveInteger", "negativeInteger", "long",
                     "int", "short", "byte", "nonNegativeInteger", "unsignedLong",
                     "unsignedInt", "unsignedShort", "unsignedByte", "positiveInteger"),
                    _ORDER | {"totalDigits", "fractionDigits"}),
    **dict.fromkeys(("float", "double", "duration", "dateTime", "time", "date", "gYearMonth",
                     "gYear", "gMonthDay", "gDay", "gMonth"), _ORDER),
}
"""The parameters each XSD type takes (its facets, but ``enumeration`` and ``whiteSpace``)."""
_NAMES: Final = frozenset({"QName", "NOTATION"})
_NCNAME: Final = r"[^\W\d][\w.\-]*"  # close to XML's NCName; the type check below is exact
_QNAME: Final = re.compile(rf"\s*(?:({_NCNAME}):)?({_NCNAME})\s*")
Context = tuple[tuple[str, str], ...]


class DatatypeError(ValueError):
    """A datatype, parameter or value the schema may not use (the message says why)."""


class Datatypes:
    """Checks and compares values for the datatypes of one grammar."""

    def __init__(self) -> None:
        self._types: dict[Datatype, Any] = {}

    def check(self, datatype: Datatype) -> None:
        """Raise :class:`DatatypeError` unless the schema may use ``datatype``."""
        if datatype.library == "":
            if datatype.name not in {"string", "token"}:
                raise DatatypeError(f"{datatype.name!r} is not a datatype of the built-in "
                                    "library (string, token)")
            if datatype.params:
                raise DatatypeError("the built-in datatypes take no parameters")
            return
        if datatype.library != XSD_LIBRARY:
            raise DatatypeError(f"datatype library {datatype.library!r} is not supported "
                                f"(RELAX NG's built-in library and {XSD_LIBRARY})")
        allowed = _FACETS.get(datatype.name)
        if allowed is None:
            raise DatatypeError(f"{datatype.name!r} is not an XML Schema datatype")
        seen: set[str] = set()
        for name, _ in datatype.params:
            if name not in allowed:
                raise DatatypeError(f"{datatype.name} takes no parameter {name!r}")
            if name in seen and name != "pattern":
                raise DatatypeError(f"parameter {name!r} is given twice")
            seen.add(name)
        self._type(datatype)

    def check_all(self, datatypes: Iterable[Datatype]) -> None:
        """Make the types of ``datatypes`` at once (one schema for all is far faster)."""
        todo = [d for d in set(datatypes) if d.library == XSD_LIBRARY and d not in self._types
                and d.name in _FACETS and d.params]
        if not todo:
            return
        import xmlschema

        try:
            built = xmlschema.XMLSchema10(_schema([(f"t{i}", d) for i, d in enumerate(todo)]))
        except (xmlschema.XMLSchemaException, ValueError, TypeError):
            return  # one is wrong: each is then made (and the wrong one named) alone
        for index, datatype in enumerate(todo):
            self._types[datatype] = built.types[f"t{index}"]

    def _type(self, datatype: Datatype) -> Any:
        found = self._types.get(datatype)
        if found is None:
            import xmlschema

            if not datatype.params:
                meta = xmlschema.XMLSchema10.meta_schema
                assert meta is not None
                if not meta.built:  # built on first use (its types are empty before)
                    meta.build()
                found = meta.types[datatype.name]
            else:
                try:
                    found = xmlschema.XMLSchema10(_schema([("t", datatype)])).types["t"]
                except (xmlschema.XMLSchemaException, ValueError, TypeError) as exc:
                    reason = str(exc).split("\n")[0].rstrip(":")
                    raise DatatypeError(f"parameters of {datatype.name} are wrong: "
                                        f"{reason}") from None
            self._types[datatype] = found
        return found

    def allows(self, datatype: Datatype, text: str, context: Context) -> bool:
        """Whether ``text`` (in the namespace ``context``) is a value of ``datatype``."""
        if datatype.library == "":
            return True
        if datatype.name in _NAMES and _resolve(text, context) is None:
            return False
        valid: bool = self._type(datatype).is_valid(
            _qname_text(text) if datatype.name in _NAMES else text)
        return valid

    def value(self, datatype: Datatype, text: str, context: Context) -> Any:
        """The value ``text`` stands for (for comparisons); None when it is not valid."""
        if datatype.library == "":
            return text if datatype.name == "string" else " ".join(text.split())
        if not self.allows(datatype, text, context):
            return None
        if datatype.name in _NAMES:
            return _resolve(text, context)
        decoded = self._type(datatype).decode(text)
        if isinstance(decoded, float) and math.isnan(decoded):
            return "NaN"  # equal to itself, as XSD's value space has it
        return decoded

    def equal(self, datatype: Datatype, text: str, context: Context, value: str,
              value_context: Context) -> bool:
        """Whether ``text`` is the value a schema's ``value`` element gives."""
        expected = self.value(datatype, value, value_context)
        return expected is not None and self.value(datatype, text, context) == expected


def _resolve(text: str, context: Context) -> tuple[str, str] | None:
    """A QName's (namespace, local name); None when it is no QName or its prefix is not
    bound (an unprefixed name is in the default namespace, as XSD's QName has it)."""
    match = _QNAME.fullmatch(text)
    if match is None:
        return None
    prefix, local = match.groups()
    bindings = dict(context)
    if prefix == "xml":
        return "http://www.w3.org/XML/1998/namespace", local
    namespace = bindings.get(prefix or "")
    if namespace is None:
        return None if prefix else ("", local)
    return namespace, local


def _qname_text(text: str) -> str:
    """What XSD's lexical check of a QName sees: the local name (prefixes are resolved
    above)."""
    return text.strip().rpartition(":")[2]


def _schema(types: list[tuple[str, Datatype]]) -> etree._Element:
    """An XSD schema with a named simple type for each datatype and its parameters
    (several patterns as nested restrictions, so that each must match)."""
    xs = ElementMaker(namespace=_XS, nsmap={"xs": _XS})
    root: etree._Element = xs.schema()
    for name, datatype in types:
        patterns = [value for key, value in datatype.params if key == "pattern"]
        facets = [xs(key, value=value) for key, value in datatype.params if key != "pattern"]
        base = "string" if datatype.name in _NAMES else datatype.name
        restriction = xs.restriction(*facets, *[xs.pattern(value=p) for p in patterns[:1]],
                                     base=f"xs:{base}")
        for pattern in patterns[1:]:
            restriction = xs.restriction(xs.simpleType(restriction), xs.pattern(value=pattern))
        root.append(xs.simpleType(restriction, name=name))
    return root
