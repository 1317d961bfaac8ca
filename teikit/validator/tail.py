"""The vocabulary of the end of a large document, read from its last bytes without
parsing the rest.

A large document is checked in parts against a grammar pruned strictly to the vocabulary
of its first elements (:mod:`stream`); its closing matter (``back``, an index, the
``</text>`` that holds it) is then missing, and the check would fail for want of it. So
the last bytes are scanned for tags: the elements and attributes they open, and which
element holds which. The scan starts anywhere in a tag, a comment or a text, so what it
finds is a guess; a guess is enough, because a strictly pruned grammar accepts no
document the whole grammar rejects, whatever vocabulary it was pruned to: a wrong guess
only costs a second reading.

An end tag with no start in the scanned bytes closes an element opened earlier: the
elements found outside every element of the scan are the children of the next such one,
which is itself the child of the one after it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from teikit.tei import XML_NS

_TAG: Final = re.compile(
    rb"<(?:!--.*?-->|!\[CDATA\[.*?\]\]>|\?.*?\?>|(/?)([^\s/>!?<]+)((?:[^>\"'<]|\"[^\"<]*\"|"
    rb"'[^'<]*')*)>)", re.S)
_ATTRIBUTE: Final = re.compile(rb"([^\s=/]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
Scope = dict[str | None, str]
Pairs = set[tuple[str | None, str]]


def tail_vocabulary(path: Path, size: int, scope: Scope) -> tuple[Pairs, set[tuple[str, str]]]:
    """(parent, child) pairs and (element, attribute) pairs, in Clark notation, of the
    tags in the last ``size`` bytes of ``path``; ``scope``: the namespaces in force (the
    prefixes bound on the elements still open where the scan starts)."""
    with path.open("rb") as stream:
        stream.seek(max(0, stream.seek(0, 2) - size))
        data = stream.read()
    children: Pairs = set()
    attributes: set[tuple[str, str]] = set()
    open_: list[tuple[str, Scope]] = []
    outside: list[str] = []  # elements whose parent has not ended yet in the scan
    for match in _TAG.finditer(data):
        slash, qname, rest = match.groups()
        if qname is None:  # a comment, CDATA section or processing instruction
            continue
        if slash:
            if open_:
                open_.pop()
            else:
                parent = _clark(qname.decode("utf-8", "replace"), scope, element=True)
                children.update((parent, child) for child in outside)
                outside = [parent]
            continue
        inner, names = _declared(rest, open_[-1][1] if open_ else scope)
        name = _clark(qname.decode("utf-8", "replace"), inner, element=True)
        attributes.update((name, _clark(n, inner, element=False)) for n in names)
        if open_:
            children.add((open_[-1][0], name))
        else:
            outside.append(name)
        if not rest.rstrip().endswith(b"/"):
            open_.append((name, inner))
    return children, attributes


def _declared(rest: bytes, scope: Scope) -> tuple[Scope, list[str]]:
    """The namespaces in force inside a start tag whose attributes are ``rest``, and
    its attribute names (namespace declarations aside)."""
    names: list[str] = []
    inner = scope
    for match in _ATTRIBUTE.finditer(rest):
        name = match.group(1).decode("utf-8", "replace")
        value = (match.group(2) or match.group(3) or b"").decode("utf-8", "replace")
        if name == "xmlns" or name.startswith("xmlns:"):
            inner = {**inner, (name[6:] or None): value}
        else:
            names.append(name)
    return inner, names


def _clark(qname: str, scope: Scope, *, element: bool) -> str:
    """``{namespace}local`` of a prefixed name (an attribute without a prefix is in no
    namespace; an element without one, in the default namespace)."""
    prefix, _, local = qname.rpartition(":")
    if prefix == "xml":
        return f"{{{XML_NS}}}{local}"
    namespace = scope.get(prefix or None) if prefix or element else None
    return f"{{{namespace}}}{local}" if namespace else local
