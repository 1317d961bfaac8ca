"""Loading the document to validate: safe parsing, one located diagnostic when it is not
well-formed, and XInclude restricted to trusted folders."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit import tei
from teikit.diagnostics import Diagnostic, InputError, Severity
from teikit.files import read_bytes
from teikit.tei import XML_NS
from teikit.validator.lines import line_of, start_columns
from teikit.validator.vocabulary import Vocabulary, vocabulary_of
from teikit.validator.xinclude import XI_INCLUDE, Origin, Origins, include_all

_XML = {"xml": XML_NS}
DocumentInput = Path | str | bytes | etree._ElementTree | etree._Element


@dataclass
class Document:
    """A parsed document with what the backends need to locate problems."""

    tree: etree._ElementTree
    filename: str
    folder: Path | None
    source: bytes | None = None
    origins: Origins = field(default_factory=dict, repr=False)
    """Included element trees and the files they come from (see :mod:`xinclude`)."""
    _lines: dict[str, list[bytes]] = field(default_factory=dict, repr=False)
    _columns: dict[tuple[str, int], dict[etree._Element, int]] = field(
        default_factory=dict, repr=False)
    _names: Vocabulary | None = field(default=None, repr=False)
    likely_names: Vocabulary | None = field(default=None, repr=False)
    """What :meth:`names` probably holds, when it is known without reading the tree (the
    vocabulary its batch had in an earlier run): a grammar pruned strictly to it may prove
    the document valid without that walk (see :mod:`teikit.validator.relaxng`)."""

    def origin(self, node: etree._Element) -> Origin | None:
        """Where ``node`` comes from when XInclude brought it in, else ``None``."""
        if not self.origins:
            return None
        current: etree._Element | None = node
        while current is not None:
            found = self.origins.get(current)
            if found is not None:
                return found
            current = current.getparent()
        return None

    def diagnostic(self, node: etree._Element | None, severity: Severity, code: str,
                   message: str, *, line: int = 0, xpath: str | None = None,
                   source: str | None = None, url: str | None = None) -> Diagnostic:
        """A diagnostic located at ``node``: in the file it comes from, at its line (else
        ``line``) and column."""
        origin = self.origin(node) if node is not None else None
        return Diagnostic(
            origin.file if origin else self.filename, line_of(node) or line,
            self._column(node, origin) if node is not None else 0, severity, code, message,
            xpath=xpath, source=source, url=url,
            document=origin.document if origin else None,
            included_line=origin.line if origin else 0)

    def read_from(self, source: bytes) -> None:
        """Take the document's text to be ``source`` from now on (columns are read again)."""
        self.source = source
        self._lines.clear()
        self._columns.clear()

    def _column(self, element: etree._Element, origin: Origin | None) -> int:
        """1-based column of ``element``'s start tag on its line (0 when not found)."""
        number = line_of(element)
        source = origin.source if origin else self.source
        if source is None or not isinstance(element.tag, str) or not number:
            return 0
        key = origin.file if origin else ""
        lines = self._lines.get(key)
        if lines is None:
            lines = self._lines[key] = source.split(b"\n")
        if number > len(lines):
            return 0
        columns = self._columns.get((key, number))
        if columns is None or element not in columns:
            text = lines[number - 1].decode("utf-8", "replace")
            columns = self._columns[key, number] = start_columns(text, element)
        return columns.get(element, 0)

    @property
    def read_names(self) -> bool:
        """Whether :meth:`names` has walked the tree already."""
        return self._names is not None

    def names(self) -> Vocabulary:
        """Which elements and attributes the document uses, and where (after XInclude)."""
        if self._names is None:
            self._names = vocabulary_of(self.tree)
        return self._names

    def ids(self) -> list[str]:
        """The ``xml:id`` values of the document (its XIncluded parts too), in order."""
        found = self.tree.xpath("//@xml:id", namespaces=_XML, smart_strings=False)
        return [str(value) for value in found] if isinstance(found, list) else []

    def identified(self) -> list[etree._Element]:
        """The elements that have an ``xml:id``, in document order."""
        found = self.tree.xpath("//*[@xml:id]", namespaces=_XML)
        return [e for e in found if isinstance(e, etree._Element)] if isinstance(
            found, list) else []

def _parse(data: bytes, base_url: str | None) -> etree._ElementTree:
    # collect_ids=False: a repeated xml:id is the schema's business, not the parser's
    # (libxml2 rejects it while parsing; jing and the RELAX NG spec accept it).
    return tei.parse_bytes(data, base_url=base_url, collect_ids=False)


syntax_diagnostic = tei.syntax_diagnostic


def load_document(
    document: DocumentInput,
    filename: str | None = None,
    *,
    xinclude_roots: tuple[Path, ...] = (),
) -> tuple[Document | None, list[Diagnostic]]:
    """Parse ``document`` (a path, bytes or an lxml tree) and process its XIncludes.

    Returns the document (``None`` when it cannot be parsed) and the problems found
    while loading it. Input errors (a missing file) become diagnostics too.
    """
    if isinstance(document, etree._Element):
        document = document.getroottree()
    if isinstance(document, etree._ElementTree):
        name = filename or document.docinfo.URL or "<tree>"
        folder = Path(document.docinfo.URL).parent if document.docinfo.URL else None
        return Document(document, name, folder), []
    path = Path(document) if isinstance(document, (str, Path)) else None
    name = filename or (str(path) if path else "<bytes>")
    try:
        data = read_bytes(path) if path else document
    except InputError as exc:
        return None, [Diagnostic(name, 0, 0, Severity.ERROR, "input", str(exc))]
    assert isinstance(data, bytes)
    if not data.strip():
        return None, [Diagnostic(name, 0, 0, Severity.ERROR, "empty", "the file is empty")]
    try:
        tree = _parse(data, str(path.resolve()) if path else None)
    except etree.XMLSyntaxError as exc:
        return None, [syntax_diagnostic(name, exc)]
    folder = path.resolve().parent if path else None
    doc = Document(tree, name, folder, data)
    problems: list[Diagnostic] = []
    if folder is not None and next(tree.iter(XI_INCLUDE), None) is not None:
        problems, doc.origins = include_all(doc.tree, name, folder,
                                            (folder, *xinclude_roots), _parse)
    return doc, problems
