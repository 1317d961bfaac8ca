"""Which attributes of which TEI elements are pointers: read from ``tei_all`` itself.

An attribute is a pointer where the grammar gives it URIs (``anyURI``, as TEI's
``teidata.pointer`` does): ``@target`` on ``ref``, ``@resp`` everywhere, ``@from`` on
``span`` (but not on ``date``, where it is a date). The table is made from the grammar once
and kept in teikit's cache, keyed by the grammar's content.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Final

from teikit import tei
from teikit.tei import TEI_NS
from teikit.validator.cache import cached
from teikit.validator.recover.derive import element_info
from teikit.validator.recover.grammar import Grammar, Leaf
from teikit.validator.recover.patterns import (
    ATTRIBUTE,
    CHOICE,
    DATA,
    LIST,
    NameClass,
    Pattern,
    reachable,
)

TABLE: Final = "1"
"""Version of the table's making, part of its cache key."""
_URI: Final = "anyURI"


def _takes_uris(value: Pattern) -> bool:
    """True when a URI datatype can match (part of) an attribute value pattern."""
    stack, seen = [value], set()
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        if node.kind == DATA and isinstance(node.info, Leaf) and (
                node.info.datatype.name == _URI):
            return True
        if node.kind == LIST and node.left is not None:
            stack.append(node.left)
        elif node.kind == CHOICE:
            stack.extend(node.members)
        else:
            stack.extend(p for p in (node.left, node.right) if p is not None)
    return False


def _pointers(grammar: Grammar) -> Iterator[tuple[str, str]]:
    """(element, attribute) local/Clark names of the TEI elements' pointer attributes."""
    for name in grammar.element_names():
        if name[0] != TEI_NS:
            continue
        for element in grammar.named_exactly(name):
            for attribute in reachable(element_info(element).content, (ATTRIBUTE,),
                                       in_order=False):
                name_class = attribute.info
                assert isinstance(name_class, NameClass)
                names = name_class.names()
                if names and attribute.left is not None and _takes_uris(attribute.left):
                    for namespace, local in names:
                        yield name[1], f"{{{namespace}}}{local}" if namespace else local


def _make(path: Path) -> bytes:
    grammar = Grammar(tei.parse_file(path).getroot())
    return json.dumps(sorted(set(_pointers(grammar)))).encode()


@cache
def pointer_attributes(path: Path) -> frozenset[tuple[str, str]]:
    """(element local name, attribute Clark name) pairs that hold pointers in the grammar
    at ``path`` (a self-contained RELAX NG such as ``tei_all.rng``)."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    data = cached("pointer-attributes", [TABLE, digest], lambda: _make(path))
    return frozenset((element, attribute) for element, attribute in json.loads(data))
