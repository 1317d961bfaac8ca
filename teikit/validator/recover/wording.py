"""Faults in plain words: each :class:`Fault` becomes a located :class:`Diagnostic` that
names the element, the attribute, the value and what was expected, with a hint where the
hints table has one and the element's page in the TEI Guidelines."""

from __future__ import annotations

import dataclasses
import difflib
import functools
from collections.abc import Callable, Sequence
from typing import Final

from lxml import etree

from teikit.diagnostics import Diagnostic, Severity
from teikit.tei import TEI_NS, XML_NS
from teikit.validator.allowed import allowed_phrase
from teikit.validator.document import Document
from teikit.validator.hints import hint
from teikit.validator.lines import line_of
from teikit.validator.messages import guidelines_url, readable_xpath
from teikit.validator.recover.faults import Fault
from teikit.validator.recover.values import ValueProblem
from teikit.validator.vocabulary import Name

CODES: Final = {
    "unexpected": "rng-element", "unknown": "rng-element", "early": "rng-element",
    "incomplete": "rng-missing", "attribute": "rng-attribute",
    "missing-attribute": "rng-attribute", "value": "rng-value", "content": "rng-value",
    "text": "rng-text",
}
_VALUES_SHOWN: Final = 8
Scope = tuple[tuple[str, str], ...]
"""The namespaces in scope, as sorted (prefix, URI) pairs ("" for the default)."""
EndOf = Callable[[etree._Element], tuple[int, int]]
"""The (line, column) of an element's end tag ((0, 0) when unknown)."""


def show(name: Name, context: etree._Element | Scope, *, attribute: bool = False) -> str:
    """A name as the document would write it: ``title``, ``xml:id``, ``teix:egXML``
    (an element in the default namespace, or in one the document has no prefix for,
    by its local name). ``context``: the element where it is written, or its scope."""
    scope = _prefixes(context) if isinstance(context, etree._Element) else context
    namespace, local = name
    if namespace == XML_NS:
        return f"xml:{local}"
    if not namespace or (not attribute and (namespace == TEI_NS or ("", namespace) in scope)):
        return local
    for prefix, uri in scope:
        if uri == namespace and prefix:
            return f"{prefix}:{local}"
    return local if not attribute else f"{{{namespace}}}{local}"


def element_name(element: etree._Element) -> str:
    return show((etree.QName(element).namespace or "", etree.QName(element).localname),
                element)


def _names(names: Sequence[Name], context: etree._Element, *, attribute: bool = False,
           limit: int = 12) -> str:
    return _phrase(tuple(names), _prefixes(context), attribute, limit)


def _prefixes(context: etree._Element) -> Scope:
    """The namespaces in scope at ``context`` ("" for the default one), as a cache key."""
    return tuple(sorted((prefix or "", uri) for prefix, uri in context.nsmap.items()))


@functools.lru_cache(maxsize=1024)
def _phrase(names: tuple[Name, ...], scope: Scope, attribute: bool, limit: int) -> str:
    """``names`` as the document writes them, sorted, the first ``limit`` and a count."""
    marker = "@" if attribute else ""
    shown = sorted({f"{marker}{show(n, scope, attribute=attribute)}" for n in names},
                   key=lambda text: (text.lstrip("@").split(":")[-1], text))
    phrase = allowed_phrase(shown[:limit], limit)
    return f"{phrase} and {len(shown) - limit} more" if len(shown) > limit else phrase


def _close(wrong: str, names: Sequence[Name], context: etree._Element, *,
           attribute: bool = False) -> str:
    """`` (did you mean `@rend`?)`` when an allowed name is close to ``wrong``."""
    shown = {show(n, context, attribute=attribute) for n in names}
    close = difflib.get_close_matches(wrong, sorted(shown), n=1, cutoff=0.75)
    marker = "@" if attribute else ""
    return f" (did you mean `{marker}{close[0]}`?)" if close else ""


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _or(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _quote(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return f"`{flat if len(flat) <= limit else flat[:limit - 1] + '…'}`"


def _placement(fault: Fault, parent: etree._Element | None) -> str:
    """The message for a child element out of place."""
    child, inside = element_name(fault.element), ""
    if parent is not None:
        inside = f" inside `{element_name(parent)}`"
    allowed = _names(fault.expected, fault.element)
    nothing = "only text is allowed there" if fault.text_allowed else (
        "nothing more is allowed there")
    tail = f"; allowed there: {allowed}" if allowed else f"; {nothing}"
    if fault.kind == "early" and fault.required:
        missing = [f"`{show(n, fault.element)}`" for n in fault.required]
        verb = "is" if len(missing) == 1 else "are"
        return (f"element `{child}` is not allowed yet{inside}: required "
                f"{'element' if len(missing) == 1 else 'elements'} {_and(missing)} {verb} "
                "missing before it")
    if fault.kind == "early":
        before = f"; expected before it: {allowed}" if allowed else ""
        return f"element `{child}` is not allowed yet{inside}{before}"
    if fault.kind == "unknown":
        guess = _close(child, fault.expected, fault.element)
        return (f"element `{child}` is not allowed here{inside}, nor anywhere in this "
                f"schema{guess}{tail}")
    return f"element `{child}` is not allowed here{inside}{tail}"


def _incomplete(fault: Fault) -> str:
    name = element_name(fault.element)
    if fault.required:
        missing = [f"`{show(n, fault.element)}`" for n in fault.required]
        noun = "element" if len(missing) == 1 else "elements"
        verb = "is" if len(missing) == 1 else "are"
        return f"`{name}` is incomplete: required {noun} {_and(missing)} {verb} missing"
    allowed = _names(fault.expected, fault.element)
    return f"`{name}` is incomplete: expected {allowed}" if allowed else f"`{name}` is incomplete"


def why_value(problem: ValueProblem) -> str:
    """The end of a sentence about a value: "is not an ISO date (YYYY-MM-DD): there is no
    month 13", "is empty: expected …", "has an item `x` that is not …"."""
    if problem.empty:
        return f"is empty: expected {_expected(problem)}"
    if problem.token == "":
        return f"lacks an item: expected {_expected(problem)}"
    if problem.token is not None:
        return (f"has an item `{problem.token}` that is not "
                f"{_expected(problem)}{_reason(problem)}")
    return f"is not {_expected(problem)}{_reason(problem)}"


def _expected(problem: ValueProblem) -> str:
    options: list[str] = []
    if problem.allowed:
        shown = [f"`{v}`" for v in problem.allowed[:_VALUES_SHOWN]]
        more = len(problem.allowed) - len(shown)
        listed = ", ".join(shown) + (f" and {more} more" if more else "")
        options.append(f"one of {listed}" if len(problem.allowed) > 1 else listed)
    reasoned = [f for f in problem.failures if f[1].reason]
    chosen = reasoned[:1] if len(reasoned) == 1 and not problem.allowed else problem.failures
    for label, failure in chosen:
        words = failure.expected
        if "matching" in words and label.startswith("teidata."):
            words = f"{words} ({label})"  # a TEI datatype, documented in the Guidelines
        if words not in options:
            options.append(words)
    return _or(options) if options else "a valid value"


def _reason(problem: ValueProblem) -> str:
    reasons = [f.reason for _, f in problem.failures if f.reason]
    return f": {reasons[0]}" if len(set(reasons)) == 1 and len(reasons) == 1 else ""


def _message(fault: Fault, parent: etree._Element | None) -> str:
    kind, element = fault.kind, fault.element
    name = element_name(element)
    if kind in {"unexpected", "unknown", "early"}:
        return _placement(fault, parent)
    if kind == "incomplete":
        return _incomplete(fault)
    if kind == "attribute" and fault.attribute is not None:
        attribute = show(fault.attribute, element, attribute=True)
        allowed = _names(fault.expected, element, attribute=True)
        tail = f"; allowed there: {allowed}" if allowed else "; it takes no attributes"
        guess = _close(attribute, fault.expected, element, attribute=True)
        return f"attribute `{attribute}` is not allowed on `{name}`{guess}{tail}"
    if kind == "missing-attribute":
        missing = [f"`@{show(n, element, attribute=True)}`" for n in fault.required]
        if not missing:
            return f"`{name}` is missing a required attribute"
        noun = "attribute" if len(missing) == 1 else "attributes"
        return f"`{name}` is missing required {noun} {_and(missing)}"
    if kind == "value" and fault.attribute is not None and fault.problem is not None:
        attribute = show(fault.attribute, element, attribute=True)
        value = f"value {_quote(fault.value or '')} of" if (fault.value or "").strip() else (
            "the value of")
        return f"{value} `@{attribute}` on `{name}` {why_value(fault.problem)}"
    if kind == "content" and fault.problem is not None:
        return f"the content of `{name}` {why_value(fault.problem)}"
    allowed = _names(fault.expected, element)
    tail = f"; only elements are allowed there: {allowed}" if allowed else ""
    return f"text {_quote(fault.value or '')} is not allowed directly inside `{name}`{tail}"


def _hint(fault: Fault, parent: etree._Element | None) -> str | None:
    """The hints table's advice; only for TEI, which it is written for."""
    qname = etree.QName(fault.element)
    context = etree.QName(parent) if parent is not None else None
    if fault.kind in {"unexpected", "unknown", "early"}:
        if context is None or context.namespace != TEI_NS:
            return None
        if qname.namespace != TEI_NS:
            return hint("foreign", "*", context.localname)
        return hint(fault.kind, qname.localname, context.localname)
    if qname.namespace != TEI_NS:
        return None
    if fault.kind in {"attribute", "value"} and fault.attribute is not None:
        return hint(fault.kind, fault.attribute[1], qname.localname)
    if fault.kind == "text":
        return hint(fault.kind, "*", qname.localname)
    return hint(fault.kind, qname.localname, "*")


def diagnostic(document: Document, fault: Fault, end_of: EndOf) -> Diagnostic:
    """The located, worded diagnostic of ``fault``."""
    element = fault.element
    parent = element.getparent()
    at_element = fault.kind in {"unexpected", "unknown", "early"}
    url = guidelines_url(parent if at_element and parent is not None else element)
    code = "rng-missing" if fault.kind == "early" and fault.required else CODES[fault.kind]
    found = document.diagnostic(element, Severity.ERROR, code,
                                _message(fault, parent), xpath=readable_xpath(element),
                                source="relaxng", url=url)
    line, column = where(fault, end_of)
    if line:
        found = dataclasses.replace(found, line=line, column=column)
    return dataclasses.replace(found, hint=_hint(fault, parent))


def where(fault: Fault, end_of: EndOf) -> tuple[int, int]:
    """(line, column) of a fault at an end tag or in text; (0, 0) for the others, which
    are at their element's start tag."""
    if fault.kind in {"incomplete", "content"}:
        line, column = end_of(fault.element)
        if not column and line == line_of(fault.element):
            return 0, 0  # an empty element (<list/>): its start tag says where
        return line, column
    if fault.kind != "text" or fault.anchor is None:
        return 0, 0
    anchor = fault.anchor
    if anchor is fault.element or not isinstance(anchor.tag, str):
        start = line_of(anchor)  # a start tag, or a comment's last line
    else:
        start = end_of(anchor)[0]
    text = fault.value or ""
    leading = text[:len(text) - len(text.lstrip())]
    return (start + leading.count("\n"), 0) if start else (0, 0)
