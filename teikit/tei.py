"""The TEI namespace, the element builder, the one safe XML parser, and serialization.

Every XML parser in teikit is created here (:func:`_parser`), so that no code path can
resolve an external entity, load a DTD or touch the network.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import Any, Final, Protocol, TypeVar, cast
from urllib.parse import quote

from lxml import etree
from lxml.builder import ElementMaker

from teikit.diagnostics import Diagnostic, InputError, Severity
from teikit.files import read_bytes

TEI_NS: Final = "http://www.tei-c.org/ns/1.0"
XML_NS: Final = "http://www.w3.org/XML/1998/namespace"
XI_NS: Final = "http://www.w3.org/2001/XInclude"
SCH_NS: Final = "http://purl.oclc.org/dsdl/schematron"
XSL_NS: Final = "http://www.w3.org/1999/XSL/Transform"
TEIKIT_NS: Final = "urn:teikit:source"
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


MAX_DEPTH: Final = 2048
"""The deepest element nesting teikit reads. Real TEI nests a few hundred levels at most
(jing sets no bound); libxml2's default of 256 refuses some of it. This is libxml2's bound
for large documents, which :func:`_parser` asks for; older libxml2 releases set none
there, so a parsed tree is checked too (one cheap XPath: it stops at the first level that
is empty)."""
_TOO_DEEP: Final = etree.XPath("/*" + "/*" * MAX_DEPTH)

_DEPTH_MESSAGE = re.compile(r"Excessive depth in document: \d+.*")
_REWORDED: Final = (
    (_DEPTH_MESSAGE, f"elements nested deeper than {MAX_DEPTH} levels (teikit's bound "
                     "on element depth, MAX_DEPTH)"),
    (re.compile(r"Maximum entity amplification factor exceeded.*"),
     "entities expand to far more text than the document holds ('billion laughs'); "
     "teikit refuses such expansion"),
    (re.compile(r"(Entity '[^']*' not defined).*"),
     r"\1 (teikit never reads DTDs or external entities)"),
    (re.compile(r"internal error: (?:\w+: )?(.*)"), r"\1"),  # libxml2's word, not a bug
)
_POSITION: Final = re.compile(r"(?:, line \d+, column \d+)?(?: \(.*, line \d+\))?$")


class _NoExternal(etree.Resolver):
    """Answers every request for a DTD or an external entity with nothing: no file is
    opened and no URL fetched, whatever the document declares. (lxml asks resolvers for
    the document too when ``etree.parse`` is given a file name: that is why documents
    are read by :func:`parse_file`, and the parser itself is private to this module.)"""

    def resolve(self, system_url: str, public_id: str,  # type: ignore[override]
                context: object) -> Any:  # lxml-stubs lack the context argument
        return self.resolve_string("", context)  # type: ignore[call-arg]


def _parser(*, collect_ids: bool = True) -> etree.XMLParser:
    """A parser that never resolves external entities, loads DTDs or uses the network.

    Internal entities are expanded (libxml2 refuses exponential expansion); elements
    nest up to MAX_DEPTH. ``collect_ids=False`` stops libxml2 from rejecting a repeated
    ``xml:id`` while parsing: validators leave ID checks to the schema, as RELAX NG and
    jing do (libxml2 then reads a document's external DTD, which the resolver empties).
    """
    made = etree.XMLParser(
        resolve_entities="internal",  # type: ignore[arg-type]  # lxml >= 5; stubs lag
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=True,
        remove_blank_text=False,
        remove_comments=False,
        collect_ids=collect_ids,
    )
    made.resolvers.add(_NoExternal())
    return made


def parse_bytes(data: bytes, *, base_url: str | None = None,
                collect_ids: bool = True) -> etree._ElementTree:
    """Parse a document from bytes with the safe :func:`_parser`.

    Raises :class:`lxml.etree.XMLSyntaxError` for input that is not well-formed
    (:func:`syntax_message` says why in teikit's words).
    """
    safe = _parser(collect_ids=collect_ids)
    if base_url is None:
        tree = etree.fromstring(data, safe).getroottree()
    else:
        tree = etree.fromstring(data, safe, base_url=lxml_url(base_url)).getroottree()
    too_deep = cast("list[etree._Element]", _TOO_DEEP(tree))
    if too_deep:
        error: Any = etree.XMLSyntaxError  # lxml-stubs lack its (message, code, line, column)
        raise error(f"Excessive depth in document: {MAX_DEPTH}", None,
                    too_deep[0].sourceline or 0, 0, base_url)
    return tree


def lxml_url(path: str) -> str:
    """``path`` as lxml takes a base URL: as it is, unless the name holds bytes that are not
    UTF-8 (which Python keeps as lone surrogates and lxml refuses); then a ``file:`` URL
    with those bytes percent-encoded, which libxml2 decodes to open relative files."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return "file://" + quote(os.fsencode(os.path.abspath(path)))
    return path


def parse_file(path: str | Path, *, collect_ids: bool = True) -> etree._ElementTree:
    """Parse a document from a file with the safe :func:`_parser` (read here, so that only
    the document itself is ever opened). Raises ``OSError`` when it cannot be read."""
    data = Path(path).read_bytes()
    return parse_bytes(data, base_url=str(path), collect_ids=collect_ids)


def iterparse(path: str | Path, events: tuple[str, ...] = ("end",),
              tags: Collection[str] | None = None) -> Iterator[tuple[str, etree._Element]]:
    """Read a large document as a stream of ``(event, element)`` with the safe parser's
    settings (no DTD, no external entity, no network, MAX_DEPTH). The file object, not
    its name, goes to lxml: a name would be handed to the resolver, which answers every
    request with nothing. ``tags``: the elements to report (others are read, not
    reported). Raises :class:`lxml.etree.XMLSyntaxError` as :func:`parse_bytes` does,
    when the stream reaches the fault. A repeated ``xml:id`` is no fault of the reading
    (``etree.iterparse`` ignores ``collect_ids``: a pull parser is fed instead)."""
    reader = etree.XMLPullParser(
        events=cast("Any", events), tag=tags,
        resolve_entities="internal",  # type: ignore[arg-type]  # lxml >= 5; stubs lag
        no_network=True,
        load_dtd=False, dtd_validation=False, huge_tree=True, remove_blank_text=False,
        remove_comments=False, collect_ids=False)
    reader.resolvers.add(_NoExternal())
    with Path(path).open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            reader.feed(chunk)
            yield from cast("Iterator[tuple[str, etree._Element]]", reader.read_events())
    reader.close()
    yield from cast("Iterator[tuple[str, etree._Element]]", reader.read_events())


_CHUNK: Final = 64 * 1024
"""Bytes fed to the stream's parser at a time."""


def syntax_message(exc: etree.XMLSyntaxError) -> str:
    """Why a document is not well-formed, naming teikit's bound when one was hit (the
    position is left out: callers give it as ``file:line:column``)."""
    message = _POSITION.sub("", (exc.msg or str(exc) or "not well-formed").strip(), count=1)
    for pattern, replacement in _REWORDED:
        if pattern.match(message):
            return pattern.sub(replacement, message, count=1)
    return message


def syntax_position(exc: etree.XMLSyntaxError) -> tuple[int, int]:
    """1-based (line, column) of a well-formedness error; (0, 0) when unknown."""
    line, column = exc.position if exc.position else (0, 0)
    return line or 0, (column or 0) + 1 if line else 0


def syntax_diagnostic(filename: str, exc: etree.XMLSyntaxError) -> Diagnostic:
    """A well-formedness error as one located diagnostic (the same in every command)."""
    line, column = syntax_position(exc)
    return Diagnostic(filename, line, column, Severity.ERROR, "xml-syntax",
                      f"not well-formed XML: {syntax_message(exc)}")


def read_tree(path: Path) -> etree._ElementTree:
    """The document in ``path``, safely parsed; :class:`InputError` (with one located
    diagnostic) when it cannot be read, is empty or is not well-formed XML."""
    data = read_bytes(path)
    if not data.strip():
        problem = Diagnostic(str(path), 0, 0, Severity.ERROR, "empty", "the file is empty")
        raise InputError(str(problem), [problem])
    try:
        return parse_bytes(data, base_url=str(path))
    except etree.XMLSyntaxError as exc:
        problem = syntax_diagnostic(str(path), exc)
        raise InputError(str(problem), [problem]) from None


T = TypeVar("T")
_ROOM: Final = 512 * 1024 * 1024
"""Stack for a recursive walk over a MAX_DEPTH-deep tree (reserved, not used, memory)."""


def with_depth_room(work: Callable[[], T]) -> T:
    """``work()``, given the room to recurse over a tree up to MAX_DEPTH deep.

    Tree walks written as recursive functions (the exporters') run out of Python's
    default recursion limit a few hundred levels down. Such a ``work`` (which must be
    free of side effects: it may run twice) is run again on a thread with a large stack
    and a recursion limit that covers MAX_DEPTH.
    """
    try:
        return work()
    except RecursionError:
        pass
    results: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(work())
        except BaseException as exc:  # handed back to the caller's thread
            errors.append(exc)

    limit = sys.getrecursionlimit()
    size = threading.stack_size()
    sys.setrecursionlimit(max(limit, 8 * MAX_DEPTH + 1000))
    try:
        threading.stack_size(_ROOM)
        thread = threading.Thread(target=run, name="teikit-deep-walk")
        thread.start()
        thread.join()
    finally:
        threading.stack_size(size)
        sys.setrecursionlimit(limit)
    if errors:
        raise errors[0]
    return results[0]


def serialize(tree: etree._ElementTree | etree._Element) -> bytes:
    """Serialize as UTF-8 with an XML declaration and a final newline.

    Whitespace is written as it is in the tree: teikit indents the header itself and
    never indents ``<text>``, whose whitespace belongs to the transcript.
    """
    data: bytes = etree.tostring(tree, encoding="UTF-8", xml_declaration=True)
    return data if data.endswith(b"\n") else data + b"\n"
