"""The datatypes RELAX NG grammars use (XML Schema's and the two built-in ones), checked in
plain Python so that a failure can say what was expected and why the value is not it.

:func:`check` returns None for a valid value and a :class:`Failure` otherwise; the failure's
``expected`` reads in a sentence ("an ISO date (YYYY-MM-DD)") and its ``reason`` says what
is wrong when that is known ("there is no month 13").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Final

from teikit.validator.cache import cached
from teikit.validator.recover import temporal

XSD: Final = "http://www.w3.org/2001/XMLSchema-datatypes"
REGEX: Final = "1"
"""Version of the XSD-to-Python regular expressions kept in the cache."""


@dataclass(frozen=True)
class Datatype:
    """A datatype with its parameters (XSD facets), as a ``data`` or ``value`` names it."""

    library: str
    name: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Failure:
    """Why a value is not an instance of a datatype."""

    expected: str
    reason: str = ""


_NAME_START: Final = r"A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D" \
    r"\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF" \
    r"\uFDF0-\uFFFD\U00010000-\U000EFFFF"
_NAME_CHAR: Final = _NAME_START + r"\-.0-9\u00B7\u0300-\u036F\u203F-\u2040"
_LEXICAL: Final = {
    "NCName": rf"[{_NAME_START}][{_NAME_CHAR}]*",
    "Name": rf"[{_NAME_START}:][{_NAME_CHAR}:]*",
    "NMTOKEN": rf"[{_NAME_CHAR}:]+",
    "QName": rf"(?:[{_NAME_START}][{_NAME_CHAR}]*:)?[{_NAME_START}][{_NAME_CHAR}]*",
    "language": r"[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*",
    "boolean": r"true|false|1|0",
    "integer": r"[+-]?\d+",
    "decimal": r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)",
    "double": r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|-?INF|NaN",
    "hexBinary": r"(?:[0-9a-fA-F]{2})*",
    "base64Binary": r"[A-Za-z0-9+/= ]*",
}
@functools.cache
def _lexical(name: str) -> re.Pattern[str] | None:
    form = _LEXICAL.get(name)
    return None if form is None else re.compile(form)

_ALIASES: Final = {
    "ID": "NCName", "IDREF": "NCName", "ENTITY": "NCName", "float": "double",
    "long": "integer", "int": "integer", "short": "integer", "byte": "integer",
    "nonNegativeInteger": "integer", "positiveInteger": "integer",
    "nonPositiveInteger": "integer", "negativeInteger": "integer", "unsignedLong": "integer",
    "unsignedInt": "integer", "unsignedShort": "integer", "unsignedByte": "integer",
}
_LISTS: Final = {"IDREFS": "IDREF", "ENTITIES": "ENTITY", "NMTOKENS": "NMTOKEN"}
_RANGES: Final = {
    "nonNegativeInteger": (0, None), "positiveInteger": (1, None),
    "nonPositiveInteger": (None, 0), "negativeInteger": (None, -1),
    "long": (-2**63, 2**63 - 1), "int": (-2**31, 2**31 - 1), "short": (-2**15, 2**15 - 1),
    "byte": (-128, 127), "unsignedLong": (0, 2**64 - 1), "unsignedInt": (0, 2**32 - 1),
    "unsignedShort": (0, 65535), "unsignedByte": (0, 255),
}
EXPECTED: Final = {
    "string": "text",
    "token": "text",
    "normalizedString": "text",
    "date": "an ISO date (YYYY-MM-DD)",
    "dateTime": "an ISO date and time (YYYY-MM-DDThh:mm:ss)",
    "time": "a time of day (hh:mm:ss)",
    "gYear": "a year (YYYY)",
    "gYearMonth": "a year and month (YYYY-MM)",
    "gMonth": "a month (--MM)",
    "gDay": "a day of the month (---DD)",
    "gMonthDay": "a month and day (--MM-DD)",
    "duration": "a duration (such as P1Y2M10D or PT3H)",
    "anyURI": "a URI",
    "NCName": "a name without colons or spaces (an NCName)",
    "Name": "an XML name",
    "QName": "a prefixed name (a QName)",
    "ID": "an identifier (a name without colons or spaces)",
    "IDREF": "a reference to an identifier (a name without colons or spaces)",
    "IDREFS": "references to identifiers (names without colons, separated by spaces)",
    "NMTOKEN": "a name token (letters, digits, '.', '-', '_' or ':')",
    "NMTOKENS": "name tokens (letters, digits, '.', '-', '_' or ':', separated by spaces)",
    "language": "a language tag (such as en, grc or de-AT)",
    "boolean": "true or false",
    "integer": "a whole number",
    "nonNegativeInteger": "a whole number, 0 or more",
    "positiveInteger": "a whole number, 1 or more",
    "decimal": "a decimal number",
    "double": "a number",
    "float": "a number",
}


def expected(datatype: Datatype) -> str:
    """What an instance of ``datatype`` looks like, in words."""
    if datatype.library == XSD:
        words = EXPECTED.get(datatype.name, f"a value of type {datatype.name}")
    else:
        words = "text"
    pattern = dict(datatype.params).get("pattern")
    return f"{words} matching `{pattern}`" if pattern is not None else words


def normalize(datatype: Datatype, value: str) -> str:
    """``value`` after the datatype's whitespace processing."""
    if datatype.name == "string":
        return value
    if datatype.name == "normalizedString" and datatype.library == XSD:
        return re.sub(r"[\t\n\r]", " ", value)
    return " ".join(value.split())


def _name_reason(value: str) -> str:
    if not value:
        return "it is empty"
    if any(c.isspace() for c in value):
        return "it contains a space"
    if ":" in value:
        return "it contains a colon"
    if value[0].isdigit() or value[0] in "-.":
        return f"it starts with `{value[0]}`"
    return ""


def _uri_reason(value: str) -> str | None:
    if re.search(r"%(?![0-9A-Fa-f]{2})", value):
        return "`%` must be followed by two hexadecimal digits"
    if value.count("#") > 1:
        return "it has more than one `#`"
    scheme = re.match(r"([^/?#]*?):", value)
    if scheme and not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.\-]*", scheme.group(1)):
        return "the part before `:` is not a URI scheme"
    if re.search(r"[\[\]]", re.sub(r"^[A-Za-z][A-Za-z0-9+.\-]*://\[[^\]/]*\]", "", value)):
        return "`[` and `]` may only enclose an IPv6 address"
    return None


def _base(name: str, value: str) -> str | None:
    """None when ``value`` is lexically a ``name`` (an XSD type); else a reason or ""."""
    if name in temporal.TYPES:
        return temporal.check(name, value)
    if name == "anyURI":
        return _uri_reason(value)
    if name in _LISTS:
        tokens = value.split()
        if not tokens:
            return "it is empty"
        bad = next((t for t in tokens if _base(_LISTS[name], t) is not None), None)
        return None if bad is None else f"`{bad}` is not one"
    lexical = _lexical(_ALIASES.get(name, name))
    if lexical is None or lexical.fullmatch(value):
        return _range(name, value) if name in _RANGES else None
    return _name_reason(value) if name in {"NCName", "ID", "IDREF", "ENTITY", "Name",
                                           "NMTOKEN", "QName"} else ""


def _range(name: str, value: str) -> str | None:
    low, high = _RANGES[name]
    number = int(value)
    if low is not None and number < low:
        return f"it is less than {low}"
    if high is not None and number > high:
        return f"it is more than {high}"
    return None


@functools.lru_cache(maxsize=1024)
def _pattern(expression: str) -> re.Pattern[str]:
    # elementpath translates XSD's regular expressions (\p{...} classes take it a third
    # of a second): the translations are kept on disk, and the import made only on a miss
    python = cached("xsd-regex", [REGEX, expression], lambda: _translate(expression))
    return re.compile(python.decode())


def _translate(expression: str) -> bytes:
    from elementpath.regex import translate_pattern

    return str(translate_pattern(expression)).encode()


def _number(value: str) -> Decimal | None:
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def _facet(facet: str, limit: str, value: str) -> str | None:
    """None when ``value`` passes the XSD facet; else a reason."""
    if facet == "pattern":
        return None if _pattern(limit).match(value) else ""  # "matching …" says it all
    if facet in {"length", "minLength", "maxLength"}:
        size, bound = len(value), int(limit)
        ok = {"length": size == bound, "minLength": size >= bound,
              "maxLength": size <= bound}[facet]
        return None if ok else f"it has {size} characters ({facet} {bound})"
    number, bound_number = _number(value), _number(limit)
    if number is None or bound_number is None or number.is_nan():
        return None  # an ordering of non-numbers (dates) is left to the grammar's engine
    ok = {"minInclusive": number >= bound_number, "maxInclusive": number <= bound_number,
          "minExclusive": number > bound_number, "maxExclusive": number < bound_number
          }.get(facet, True)
    return None if ok else f"it is out of range ({facet} {limit})"


@functools.lru_cache(maxsize=8192)
def check(datatype: Datatype, value: str) -> Failure | None:
    """None when ``value`` is an instance of ``datatype``; else what was expected and why."""
    if datatype.library != XSD:
        return None  # the built-in string and token allow anything
    text = normalize(datatype, value)
    reason = _base(datatype.name, text)
    if reason is not None:
        return Failure(expected(datatype), reason)
    for facet, limit in datatype.params:
        reason = _facet(facet, limit, text)
        if reason is not None:
            return Failure(expected(datatype), reason)
    return None


def equal(datatype: Datatype, value: str, wanted: str) -> bool:
    """True when ``value`` is the same value of ``datatype`` as ``wanted`` (a ``value``)."""
    first, second = normalize(datatype, value), normalize(datatype, wanted)
    if first == second:
        return True
    if datatype.library == XSD and _ALIASES.get(datatype.name, datatype.name) in {
            "integer", "decimal", "double"}:
        a, b = _number(first), _number(second)
        return a is not None and a == b
    return False
