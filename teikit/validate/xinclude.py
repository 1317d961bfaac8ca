"""XInclude, restricted: only files under trusted folders are read, never the network.

The trusted folders are the including document's own folder plus the roots the caller
names (the folders given on the command line and the working directory): real projects
include shared lists from a sibling folder (``../alists/charDecl.xml``). A target outside
them, a URL, or a missing file falls back to ``xi:fallback`` when there is one (as the
XInclude spec says) and is reported either way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Final

from lxml import etree

from teikit.diagnostics import Diagnostic, Severity
from teikit.tei import XI_NS, xml
from teikit.validate.lines import line_of

XI_INCLUDE: Final = f"{{{XI_NS}}}include"
XI_FALLBACK: Final = f"{{{XI_NS}}}fallback"
MAX_DEPTH: Final = 20

Parse = Callable[[bytes, str | None], etree._ElementTree]


class _Refused(Exception):
    pass


def _under(path: Path, roots: tuple[Path, ...]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def _target(href: str, folder: Path, roots: tuple[Path, ...]) -> Path:
    if not href or "://" in href or href.startswith("//"):
        raise _Refused(f"XInclude of {href or 'the document itself'} is not supported "
                       "(only local files are included, never URLs)")
    target = (folder / href).resolve()
    if not _under(target, roots):
        raise _Refused(f"XInclude target {href} is outside the trusted folders; not read")
    if not target.is_file():
        raise _Refused(f"XInclude target {href} not found")
    return target


def _load(include: etree._Element, folder: Path, roots: tuple[Path, ...], parse: Parse,
          depth: int, problems: list[Diagnostic], filename: str) -> list[etree._Element | str]:
    href = include.get("href", "")
    target = _target(href, folder, roots)
    data = target.read_bytes()
    if include.get("parse", "xml") == "text":
        return [data.decode(include.get("encoding") or "utf-8", "replace")]
    try:
        tree = parse(data, str(target))
    except etree.XMLSyntaxError as exc:
        raise _Refused(f"XInclude target {href} is not well-formed: {exc.msg}") from None
    _include_tree(tree, filename, target.parent, roots, parse, depth + 1, problems)
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


def _fallback(include: etree._Element) -> list[etree._Element | str] | None:
    fallback = include.find(XI_FALLBACK)
    if fallback is None:
        return None
    items: list[etree._Element | str] = [fallback.text or ""]
    for child in fallback:
        tail, child.tail = child.tail, None
        items.extend([child, tail or ""])
    return items


def _include_tree(tree: etree._ElementTree, filename: str, folder: Path,
                  roots: tuple[Path, ...], parse: Parse, depth: int,
                  problems: list[Diagnostic]) -> None:
    for include in list(tree.iter(XI_INCLUDE)):
        items: list[etree._Element | str] | None
        try:
            if depth > MAX_DEPTH:
                raise _Refused("XInclude nesting too deep (a loop?)")
            items = _load(include, folder, roots, parse, depth, problems, filename)
        except _Refused as refused:
            items = _fallback(include)
            severity = Severity.WARNING if items is not None else Severity.ERROR
            note = "; its xi:fallback is used" if items is not None else ""
            problems.append(Diagnostic(filename, line_of(include), 0, severity,
                                       "xinclude", f"{refused}{note}"))
            if items is None:
                continue
        _splice(include, items)


def include_all(tree: etree._ElementTree, filename: str, folder: Path,
                roots: tuple[Path, ...], parse: Parse) -> list[Diagnostic]:
    """Replace every ``xi:include`` in ``tree`` by what it names; return the problems."""
    problems: list[Diagnostic] = []
    resolved = tuple(root.resolve() for root in roots)
    _include_tree(tree, filename, folder, resolved, parse, 0, problems)
    return problems
