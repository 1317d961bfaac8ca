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


def large_tei(path: Path, megabytes: float, faults: bool = False) -> Path:
    """Write a TEI file of about ``megabytes`` MB to ``path``; with ``faults``, five
    grammar faults in it (:func:`_faults`)."""
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
    if faults:
        _faults(body)
    path.write_bytes(serialize(root.getroottree()))
    return path


def _faults(body: etree._Element) -> None:
    """Five faults against any TEI grammar, and none against teikit's rules: an unknown
    element in a paragraph near the start, a ``p`` between two ``div``s and an attribute
    no element has, deep inside, a closer before a head and a misspelt attribute near the
    end."""
    divs = body.findall(tei("div"))
    first, middle, last = divs[1], divs[len(divs) // 2], divs[-2]
    paragraph = first.find(tei("p"))
    assert paragraph is not None
    paragraph.insert(0, etree.Element(tei("bogus")))
    middle.addnext(etree.Element(tei("p")))
    next(middle.iter(tei("p"))).set("wrongattr", "1")
    closer = etree.Element(tei("closer"))  # signed: no rule of teikit's finds it wanting
    etree.SubElement(closer, tei("signed")).text = "A. Signer"
    last.insert(0, closer)
    last.set("typo", "report")
