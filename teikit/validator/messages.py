"""libxml2's RELAX NG messages rewritten in plain language, located and de-duplicated.

libxml2 reports one fault several times (``Did not expect element reg there`` and then
``Element line has extra content: reg``; a bad value as ``Type ... doesn't allow`` plus
``Error validating datatype``; and ``failed to validate content`` for every ancestor).
Those cascades are merged into the one message that names the fault.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Final

from lxml import etree

from teikit.diagnostics import Diagnostic, Severity
from teikit.tei import TEI_NS
from teikit.validator.allowed import allowed_phrase
from teikit.validator.document import Document

GUIDELINES: Final = "https://tei-c.org/release/doc/tei-p5-doc/en/html/ref-{}.html"

_REWRITES: Final[list[tuple[str, re.Pattern[str], str]]] = [
    ("rng-element", re.compile(r"Did not expect element (\S+) there"),
     "element `{0}` is not allowed here{inside}"),
    ("rng-element", re.compile(r"Expecting element (\S+), got (\S+)"),
     "element `{1}` is not allowed here{inside}; expected `{0}`"),
    ("rng-element", re.compile(r"Extra element (\S+) in interleave"),
     "element `{0}` is not allowed here{inside}"),
    ("rng-missing", re.compile(r"Expecting an element (\S*), got nothing"),
     "`{here}` is incomplete: a required child element is missing"),
    ("rng-missing", re.compile(r"Expecting element (\S+), got nothing"),
     "`{here}` is incomplete: expected `{0}`"),
    ("rng-attribute", re.compile(r"Invalid attribute (\S+) for element (\S+)"),
     "attribute `{0}` is not allowed on `{1}`"),
    ("rng-attribute", re.compile(r"Element (\S+) failed to validate attributes"),
     "attributes of `{0}` are not valid (a required one missing or a value wrong)"),
    ("rng-value", re.compile(r"Type (\S+) doesn't allow value '(.*)'"),
     "value '{1}' is not a valid {0}"),
    ("rng-value", re.compile(r"Error validating value"), "a value is not allowed here"),
    ("rng-text", re.compile(r"Element (\S+) has extra content: text"),
     "text is not allowed directly inside `{0}`"),
]
_CASCADES: Final = (
    re.compile(r"Element \S+ failed to validate content"),
    re.compile(r"Element \S+ failed to validate attributes"),
    re.compile(r"Element \S+ has extra content: (?!text)"),
    re.compile(r"Error validating datatype"),
    re.compile(r"Invalid sequence in interleave"),
)


def _rewrite(message: str, here: str, parent: str) -> tuple[str, str]:
    inside = f" inside `{parent}`" if parent else ""
    for code, pattern, template in _REWRITES:
        match = pattern.search(message)
        if match:
            return code, template.format(*match.groups(), inside=inside, here=here)
    return "rng", message.rstrip(".")


_NAMED: Final = re.compile(r"^Element (\S+) ")


def _unique(document: Document, message: str) -> etree._Element | None:
    """For an entry libxml2 gave no location: the one element it names, if only one."""
    match = _NAMED.match(message)
    if not match:
        return None
    name = match.group(1).split(":")[-1]
    found = [e for e in document.tree.iter() if isinstance(e.tag, str)
             and etree.QName(e).localname == name]
    return found[0] if len(found) == 1 else None


def _node(document: Document, path: str | None, message: str = "") -> etree._Element | None:
    if not path:
        return _unique(document, message)
    try:
        found = document.tree.xpath(path)
    except etree.XPathError:
        return None
    return found[0] if isinstance(found, list) and found and isinstance(
        found[0], etree._Element) else None


def _name(element: etree._Element | None) -> str:
    if element is None or not isinstance(element.tag, str):
        return ""
    return element.prefix + ":" + etree.QName(element).localname if element.prefix and (
        element.nsmap.get(element.prefix) != TEI_NS) else etree.QName(element).localname


def guidelines_url(element: etree._Element | None) -> str | None:
    """The TEI Guidelines page of a TEI element (None for other elements)."""
    if element is None or not isinstance(element.tag, str):
        return None
    qname = etree.QName(element)
    return GUIDELINES.format(qname.localname) if qname.namespace == TEI_NS else None


Allowed = Callable[[str, str], list[str]]


def _with_allowed(message: str, parent: etree._Element | None, allowed: Allowed | None) -> str:
    if allowed is None or parent is None or not isinstance(parent.tag, str):
        return message
    qname = etree.QName(parent)
    names = allowed(qname.namespace or "", qname.localname)
    return f"{message}; allowed there: {allowed_phrase(names)}" if names else message


def from_rng_log(log: Iterable[etree._LogEntry], document: Document,
                 allowed: Allowed | None = None) -> list[Diagnostic]:
    """Turn libxml2 RELAX NG errors into merged, plain-language diagnostics.

    ``allowed`` names the elements the grammar allows inside an element; when given,
    "not allowed here" messages say what is."""
    entries = list(log)
    specific = [e for e in entries if not any(c.search(e.message) for c in _CASCADES)]
    paths = [e.path or "" for e in specific]
    kept = [e for e in entries if e in specific or not any(
        p.startswith(e.path or "\0") for p in paths)]  # a cascade explained by a descendant
    found: dict[tuple[str, int, str], Diagnostic] = {}
    for entry in kept:
        node = _node(document, entry.path, entry.message)
        parent = node.getparent() if node is not None else None
        code, message = _rewrite(entry.message, _name(node), _name(parent))
        if code == "rng-element" and entry.message.startswith(("Did not expect", "Extra element")):
            message = _with_allowed(message, parent, allowed)
        url_node = parent if code == "rng-element" and parent is not None else node
        diagnostic = document.diagnostic(
            node, Severity.ERROR, code, message, line=entry.line, xpath=_xpath(document, node),
            source="relaxng", url=guidelines_url(url_node))
        found.setdefault((diagnostic.file, diagnostic.line, message), diagnostic)
    return list(found.values())


def _xpath(document: Document, node: etree._Element | None) -> str | None:
    if node is None:
        return None
    return readable_xpath(node)


def readable_xpath(node: etree._Element) -> str:
    """``/TEI/teiHeader[1]/fileDesc[1]``: local names with positions among same-named siblings."""
    steps = []
    current: etree._Element | None = node
    while current is not None and isinstance(current.tag, str):
        parent = current.getparent()
        name = etree.QName(current).localname
        if parent is None:
            steps.append(name)
        else:
            before = sum(1 for _ in current.itersiblings(current.tag, preceding=True))
            steps.append(f"{name}[{before + 1}]")
        current = parent
    return "/" + "/".join(reversed(steps))
