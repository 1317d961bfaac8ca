"""TEI written without its namespace, read as TEI.

Much TEI in the wild has no ``xmlns``: TEI P4 (root ``TEI.2``, SGML habits kept in XML)
and P5 files whose authors left the namespace out. Rendered as they are, every element
would be unknown (a page of bare text, the header run into the body, both halves of every
``choice`` shown). When the root is ``TEI``, ``TEI.2``, ``teiCorpus`` or ``teiCorpus.2``
in no namespace, :func:`as_tei` gives a copy of the tree in which every element in no
namespace is a TEI element, so the exporter's rules apply:

- ``TEI.2`` and ``teiCorpus.2`` (P4) become ``TEI`` and ``teiCorpus``;
- P4's ``id`` and ``lang`` attributes become ``xml:id`` and ``xml:lang`` (an element that
  has the ``xml:`` one already keeps it), and in a P4 document the bare ids its pointers
  name (``target="n1"``, ``who="sosia"``) become local pointers (``#n1``);
- elements of other namespaces stay as they are.

Example: ``<TEI.2><text id="t1"><body><p>…</p></body></text></TEI.2>`` is rendered as
``<TEI xmlns="http://www.tei-c.org/ns/1.0"><text xml:id="t1">…``.
"""

from __future__ import annotations

import copy
from typing import Final

from lxml import etree

from teikit.tei import TEI_NS, xml

ROOTS: Final = {"TEI": "TEI", "TEI.2": "TEI", "teiCorpus": "teiCorpus",
                "teiCorpus.2": "teiCorpus"}
"""Root names (in no namespace) that make a document TEI, and their P5 names."""
P4_ATTRIBUTES: Final = {"id": xml("id"), "lang": xml("lang")}
"""P4 attributes and the ``xml:`` attributes P5 has for them."""


def unnamespaced_root(root: etree._Element) -> str | None:
    """The P5 name of ``root`` when it is a TEI root written without the namespace."""
    tag = root.tag
    return ROOTS.get(tag) if isinstance(tag, str) and not tag.startswith("{") else None


P4_POINTERS: Final = ("target", "targets", "corresp", "who", "wit", "resp", "hand", "new",
                      "next", "prev", "sameAs", "copyOf", "ana", "from", "to", "scribe")
"""Attributes that P4 declared as IDREF(S): a bare id, which P5 writes ``#id``."""


def _p4_pointers(root: etree._Element) -> None:
    """P4's bare id references (``target="n1"``) as P5's local pointers (``#n1``), for
    every token that is the ``xml:id`` of an element of the document."""
    ids = {ident for element in root.iter() if isinstance(element.tag, str)
           and (ident := element.get(xml("id")))}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name in P4_POINTERS:
            value = element.get(name)
            if value and any(token in ids for token in value.split()):
                element.set(name, " ".join(f"#{token}" if token in ids else token
                                           for token in value.split()))


def as_tei(tree: etree._ElementTree) -> etree._ElementTree | None:
    """A copy of ``tree`` with its elements in the TEI namespace (see the module), or
    ``None`` when ``tree`` is not TEI written without the namespace."""
    if unnamespaced_root(tree.getroot()) is None:
        return None
    p4 = str(tree.getroot().tag).endswith(".2")
    copied = copy.deepcopy(tree)
    root = copied.getroot()
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str) or tag.startswith("{"):
            continue
        element.tag = f"{{{TEI_NS}}}{ROOTS.get(tag, tag)}"
        for old, new in P4_ATTRIBUTES.items():
            value = element.get(old)
            if value is not None:
                del element.attrib[old]
                if element.get(new) is None:
                    element.set(new, value)
    if p4:  # its pointers are bare ids
        _p4_pointers(root)
    return copied
