"""What the exporter says about a document it renders: stable codes, one table.

The exporter renders any TEI it can parse. What it had to work around is reported as a
:class:`~teikit.diagnostics.Diagnostic` with one of these codes; only the errors stop the
export of the file (the others in a batch go on).

======  ========  ======================================================================
code    severity  meaning
======  ========  ======================================================================
TK501   warning   an ``xml:id`` used more than once (later copies get a suffixed HTML id)
TK502   warning   an ``xml:id`` that is not an XML name (kept as the HTML id)
TK503   warning   a ``TEI`` without ``text``: the page has the header facts only (or its
                  transcription in ``sourceDoc``, rendered as its text)
TK504   info      a ``teiCorpus``: one page, a contents list and a section per ``TEI``
TK505   warning   elements in a namespace the exporter does not know, rendered as text
TK506   warning   the root is neither ``TEI`` nor ``teiCorpus``: its text is rendered (a
                  ``TEI``/``TEI.2``/``teiCorpus`` in no namespace: read as TEI)
TK507   warning   an ``xi:include`` that could not be resolved (its fallback is used)
TK510   error     not exported: the TEI does not validate
TK511   error     not exported: nested too deeply to render
TK520   error     not exported: the team's XSLT templates (``--xslt``) failed on it
TK599   error     not exported: an internal error (a bug: please report it)
======  ========  ======================================================================
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from lxml import etree

from teikit.codes import CODES as ALL_CODES
from teikit.diagnostics import Diagnostic, Severity
from teikit.exporter.documentary import has_documentary_text
from teikit.exporter.unnamespaced import unnamespaced_root
from teikit.tei import TEI_NS, XI_NS, local_name, xml

CODES: Final[dict[str, tuple[Severity, str]]] = {
    code: (entry.severity, entry.meaning) for code, entry in ALL_CODES.items()
    if code.startswith("TK5")}
"""Each export code's severity and one-line meaning (from teikit's one table of codes)."""

EXAMPLES_NS: Final = "http://www.tei-c.org/ns/Examples"
MATHML_NS: Final = "http://www.w3.org/1998/Math/MathML"
KNOWN_NAMESPACES: Final = frozenset({TEI_NS, EXAMPLES_NS, MATHML_NS, XI_NS})
"""Namespaces rendered on purpose (TEI, ``egXML`` examples, MathML, XInclude leftovers)."""
NCNAME: Final = re.compile(r"[^\W\d][\w.-]*")
MAX_LISTED: Final = 5


def problem(code: str, file: str, message: str, node: etree._Element | None = None
            ) -> Diagnostic:
    """A diagnostic with ``code``'s severity, located at ``node``'s line when known."""
    found = node.sourceline if node is not None else None
    return problem_at(code, file, message, found if isinstance(found, int) else 0)


def problem_at(code: str, file: str, message: str, line: int) -> Diagnostic:
    """A diagnostic with ``code``'s severity at ``line`` (0: the whole file)."""
    severity, _ = CODES[code]
    return Diagnostic(file, line, 1 if line else 0, severity, code, message)


def _listed(values: list[str]) -> str:
    shown = ", ".join(values[:MAX_LISTED])
    return shown + (f" and {len(values) - MAX_LISTED} more" if len(values) > MAX_LISTED else "")


def _line(element: etree._Element) -> int:
    found = element.sourceline
    return found if isinstance(found, int) else 0


@dataclass
class IdCheck:
    """TK501 and TK502 over elements given in document order (a whole tree, or a document
    read part by part): each problem value with the line of its first element."""

    seen: set[str] = field(default_factory=set)
    repeated: dict[str, int] = field(default_factory=dict)
    invalid: dict[str, int] = field(default_factory=dict)

    def feed(self, element: etree._Element, ident: str | None) -> None:
        if ident is None:
            return
        if ident in self.seen:
            self.repeated.setdefault(ident, _line(element))
        self.seen.add(ident)
        if not NCNAME.fullmatch(ident):
            self.invalid.setdefault(ident, _line(element))

    def found(self, file: str) -> Iterator[Diagnostic]:
        if self.repeated:
            yield problem_at("TK501", file, f"xml:id used more than once: "
                             f"{_listed(list(self.repeated))}; later copies get a suffixed "
                             "HTML id", next(iter(self.repeated.values())))
        if self.invalid:
            yield problem_at("TK502", file, "xml:id not an XML name: "
                             f"{_listed(list(self.invalid))}", next(iter(self.invalid.values())))


def id_problems(root: etree._Element, file: str) -> Iterator[Diagnostic]:
    """TK501 for repeated ``xml:id`` values and TK502 for ids that are not XML names."""
    check = IdCheck()
    xml_id = xml("id")
    for element in root.iter():
        check.feed(element, element.get(xml_id) if isinstance(element.tag, str) else None)
    return check.found(file)


def structure_problems(root: etree._Element, file: str) -> Iterator[Diagnostic]:
    """TK503, TK504 and TK506: what the page is built from."""
    name = local_name(root)
    if root.tag == f"{{{TEI_NS}}}teiCorpus":
        members = list(root.iter(f"{{{TEI_NS}}}TEI"))
        yield problem("TK504", file, f"a teiCorpus of {len(members)} TEI document(s): one page "
                      "with a contents list", root)
    elif unnamespaced_root(root) is not None:
        yield problem("TK506", file, f"the root element is {root.tag!r} in no namespace: "
                      "its elements are read as TEI", root)
        return
    elif root.tag != f"{{{TEI_NS}}}TEI":
        yield problem("TK506", file, f"the root element is {name or root.tag!r}, not TEI or "
                      "teiCorpus: its text is rendered as it is", root)
        return
    for document in root.iter(f"{{{TEI_NS}}}TEI"):
        if has_documentary_text(document):
            yield problem("TK503", file, "a TEI without <text>: its transcription in "
                          "<sourceDoc> is rendered as its text", document)
        elif document.find(f"{{{TEI_NS}}}text") is None:
            yield problem("TK503", file, "a TEI without <text>: the page shows its header "
                          "facts only", document)


@dataclass
class NamespaceCheck:
    """TK505 over the elements of a ``text``, given in document order."""

    counts: Counter[str] = field(default_factory=Counter)
    first: dict[str, int] = field(default_factory=dict)

    def feed(self, element: etree._Element) -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag.startswith(f"{{{TEI_NS}}}"):
            return
        namespace = etree.QName(tag).namespace or ""
        if namespace not in KNOWN_NAMESPACES:
            self.counts[namespace] += 1
            self.first.setdefault(namespace, _line(element))

    def found(self, file: str) -> Iterator[Diagnostic]:
        for namespace, count in self.counts.items():
            where = f"namespace {namespace}" if namespace else "no namespace"
            yield problem_at("TK505", file, f"{count} element(s) in {where} rendered as plain "
                             "text", self.first[namespace])


def namespace_problems(root: etree._Element, file: str) -> Iterator[Diagnostic]:
    """TK505, once per unknown namespace inside ``text``, with how many elements use it."""
    check = NamespaceCheck()
    for text in root.iter(f"{{{TEI_NS}}}text"):
        for element in text.iter():
            check.feed(element)
    return check.found(file)


def inspect(tree: etree._ElementTree, file: str) -> list[Diagnostic]:
    """Everything about ``tree`` the page works around (see :data:`CODES`)."""
    root = tree.getroot()
    return [*structure_problems(root, file), *id_problems(root, file),
            *namespace_problems(root, file)]
