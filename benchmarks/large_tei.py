"""A large, valid TEI file for the export benchmarks: the body of a teikit-encoded
development transcript repeated (its ``xml:id``s, and the pointers to them, made unique in
each copy) until the file has the size asked for."""

from __future__ import annotations

import copy
import math
from pathlib import Path

from lxml import etree
from measure import dev_transcripts

import teikit
from teikit.tei import XML_NS, serialize, tei

XML_ID = f"{{{XML_NS}}}id"


def _renamed(element: etree._Element, ids: set[str], number: int) -> etree._Element:
    """A copy of ``element`` whose ids (and pointers to them) end with ``-number``."""
    made = copy.deepcopy(element)
    for node in made.iter():
        for name, value in ((str(n), str(v)) for n, v in node.attrib.items()):
            if (name == XML_ID and value in ids) or (value.startswith("#") and value[1:] in ids):
                node.set(name, f"{value}-{number}")
    return made


def large_tei(path: Path, megabytes: float) -> Path:
    """Write a TEI file of about ``megabytes`` MB to ``path``."""
    source = max(dev_transcripts(), key=lambda p: p.stat().st_size)
    root = teikit.encode(source).tree.getroot()
    body = root.find(f"{tei('text')}/{tei('body')}")
    assert body is not None
    parts = list(body)
    ids = {node.get(XML_ID, "") for part in parts for node in part.iter()} - {""}
    size = len(serialize(root.getroottree()))
    unit = sum(len(etree.tostring(part)) for part in parts)
    for number in range(1, max(1, math.ceil((megabytes * 1e6 - size) / unit)) + 1):
        body.extend(_renamed(part, ids, number) for part in parts)
    path.write_bytes(serialize(root.getroottree()))
    return path
