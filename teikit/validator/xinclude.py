"""XInclude, restricted: only files under trusted folders are read, never the network.

The trusted folders are the including document's own folder plus the roots the caller
names (``teikit validate`` adds the folders given on its command line and any
``--xinclude-root``): real projects include shared lists from a sibling folder
(``../alists/charDecl.xml``). A target outside them, a URL, or a missing file falls back to
``xi:fallback`` when there is one (as the XInclude spec says) and is reported either way.

Every included element tree is recorded with its :class:`Origin`, so that problems found in
included content are reported at their line in the file they come from.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from lxml import etree

from teikit.diagnostics import Diagnostic, Severity
from teikit.tei import XI_NS, xml
from teikit.validator.lines import line_of

XI_INCLUDE: Final = f"{{{XI_NS}}}include"
XI_FALLBACK: Final = f"{{{XI_NS}}}fallback"
MAX_DEPTH: Final = 20

Parse = Callable[[bytes, str | None], etree._ElementTree]


@dataclass(frozen=True)
class Origin:
    """Where included content comes from."""

    file: str
    """The included file, named relative to how the including document was named."""
    source: bytes
    document: str
    """The document being validated."""
    line: int
    """The line, in ``document``, of the ``xi:include`` that brought the content in."""


Origins = dict[etree._Element, Origin]


class _Refused(Exception):
    pass


@functools.lru_cache(maxsize=1024)
def _real(folder: Path) -> str:
    """The folder's real path, ending in a separator (resolved once per process)."""
    return os.path.join(os.path.realpath(folder), "")


def _under(path: Path, roots: tuple[str, ...]) -> bool:
    text = str(path)
    return any(text.startswith(root) or text + os.sep == root for root in roots)


def _target(href: str, folder: Path, roots: tuple[str, ...]) -> Path:
    if not href or "://" in href or href.startswith("//"):
        raise _Refused(f"XInclude of {href or 'the document itself'} is not supported "
                       "(only local files are included, never URLs)")
    shown = href if len(href) <= 80 else f"{href[:77]}…"
    try:
        target = (folder / href).resolve()
        if not _under(target, roots):
            raise _Refused(f"XInclude target {shown} is outside the trusted folders; not read")
        if not target.is_file():
            raise _Refused(f"XInclude target {shown} not found")
    except OSError as error:  # a name too long for the file system, a null byte …
        raise _Refused(f"XInclude target {shown} cannot be read: "
                       f"{error.strerror or error}") from None
    return target


class _Includer:
    """Resolves the includes of one document, recording problems and origins."""

    def __init__(self, document: str, roots: tuple[str, ...], parse: Parse) -> None:
        self.document, self.roots, self.parse = document, roots, parse
        self.problems: list[Diagnostic] = []
        self.origins: Origins = {}

    def tree(self, tree: etree._ElementTree, name: str, folder: Path, depth: int,
             site: int | None) -> None:
        """Resolve the includes of ``tree`` (the file ``name``); ``site`` is the line of the
        outermost include in the document when ``tree`` is itself included."""
        for include in list(tree.iter(XI_INCLUDE)):
            items: list[etree._Element | str] | None
            try:
                if depth > MAX_DEPTH:
                    raise _Refused("XInclude nesting too deep (a loop?)")
                items = self._load(include, name, folder, depth,
                                   site if site is not None else line_of(include))
            except _Refused as refused:
                items = _fallback(include)
                severity = Severity.WARNING if items is not None else Severity.ERROR
                note = "; its xi:fallback is used" if items is not None else ""
                self.problems.append(Diagnostic(
                    name, line_of(include), 0, severity, "xinclude", f"{refused}{note}",
                    document=self.document if site is not None else None,
                    included_line=site or 0))
                if items is None:
                    continue
            if include.getparent() is None:
                _replace_root(tree, include, items, name, self.problems)
            else:
                _splice(include, items)

    def _load(self, include: etree._Element, name: str, folder: Path, depth: int,
              site: int) -> list[etree._Element | str]:
        href = include.get("href", "")
        target = _target(href, folder, self.roots)
        data = target.read_bytes()
        if include.get("parse", "xml") == "text":
            return [data.decode(include.get("encoding") or "utf-8", "replace")]
        try:
            tree = self.parse(data, str(target))
        except etree.XMLSyntaxError as exc:
            raise _Refused(f"XInclude target {href} is not well-formed: {exc.msg}") from None
        shown = os.path.normpath(os.path.join(os.path.dirname(name), href))
        self.tree(tree, shown, target.parent, depth + 1, site)
        root = tree.getroot()
        pointer = include.get("xpointer")
        if pointer:
            found = root.xpath("//*[@xml:id=$id]", id=pointer,
                               namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})
            first = found[0] if isinstance(found, list) and found else None
            if not isinstance(first, etree._Element):
                raise _Refused(f"XInclude xpointer {pointer} not found in {href}")
            root = first
        if root.get(xml("base")) is None:
            root.set(xml("base"), href)  # base URI fixup, as Xerces (jing) does
        self.origins.setdefault(root, Origin(shown, data, self.document, site))
        return [root]


def _splice(include: etree._Element, items: list[etree._Element | str]) -> None:
    parent = include.getparent()
    assert parent is not None
    text = "".join(item for item in items if isinstance(item, str))
    elements = [item for item in items if not isinstance(item, str)]
    tail = include.tail or ""
    previous = include.getprevious()
    if not elements:
        if previous is not None:
            previous.tail = (previous.tail or "") + text + tail
        else:
            parent.text = (parent.text or "") + text + tail
        parent.remove(include)
        return
    position = parent.index(include)
    parent.remove(include)
    for offset, element in enumerate(elements):
        parent.insert(position + offset, element)
    elements[-1].tail = (elements[-1].tail or "") + tail


def _replace_root(tree: etree._ElementTree, include: etree._Element,
                  items: list[etree._Element | str], name: str,
                  problems: list[Diagnostic]) -> None:
    """An ``xi:include`` that is a document's root element becomes what it includes, which
    must then be exactly one element."""
    elements = [item for item in items if not isinstance(item, str)]
    if len(elements) == 1 and not "".join(i for i in items if isinstance(i, str)).strip():
        tree._setroot(elements[0])
    else:
        problems.append(Diagnostic(name, line_of(include), 0, Severity.ERROR, "xinclude",
                                   "an xi:include that is the root element must include "
                                   "exactly one element"))


def _fallback(include: etree._Element) -> list[etree._Element | str] | None:
    fallback = include.find(XI_FALLBACK)
    if fallback is None:
        return None
    items: list[etree._Element | str] = [fallback.text or ""]
    for child in fallback:
        tail, child.tail = child.tail, None
        items.extend([child, tail or ""])
    return items


def include_all(tree: etree._ElementTree, filename: str, folder: Path,
                roots: tuple[Path, ...], parse: Parse) -> tuple[list[Diagnostic], Origins]:
    """Replace every ``xi:include`` in ``tree`` by what it names; return the problems and
    where each included element tree came from."""
    includer = _Includer(filename, tuple(_real(root) for root in roots), parse)
    includer.tree(tree, filename, folder, 0, None)
    return includer.problems, includer.origins
