"""The transcript view: the transcript a TEI document was encoded from, byte for byte.

Every editorial element is written back with its brackets (:mod:`teikit.transcript`),
whitespace is the transcript's own, and the byte-order mark and encoding recorded in the
header's ``xenoData`` are restored. For TEI that teikit did not write, this is the text
of each ``text`` element as it stands (:mod:`.standing`: the source's own readings, notes
and variants in brackets, tokens spaced and punctuation joined as :mod:`..tokens` does),
with the same marks (a ``teiCorpus`` gives its members' texts in turn), without the layout
of the XML around it: each line's indentation and trailing spaces are left out and a run
of blank lines is one (a pretty-printed file gave lines of spaces twenty deep).
"""

from __future__ import annotations

from lxml import etree

from teikit.exporter.text.standing import as_it_stands
from teikit.exporter.tokens import joined
from teikit.tei import NAMESPACES, TEI_NS
from teikit.transcript import transcript_of


def source_record(tree: etree._ElementTree) -> etree._Element | None:
    """teikit's record of the transcript (``xenoData/tk:source``), when there is one."""
    found = tree.xpath("/tei:TEI/tei:teiHeader/tei:xenoData/tk:source", namespaces=NAMESPACES)
    return found[0] if isinstance(found, list) and found else None  # type: ignore[return-value]


def texts(root: etree._Element) -> list[etree._Element]:
    """The ``text`` elements of a ``TEI`` or of each ``TEI`` of a ``teiCorpus``."""
    if root.tag == f"{{{TEI_NS}}}teiCorpus":
        return [text for document in root.iter(f"{{{TEI_NS}}}TEI")
                for text in document.findall(f"{{{TEI_NS}}}text")]
    return root.findall(f"{{{TEI_NS}}}text")


def transcript(tree: etree._ElementTree) -> str:
    """The transcript view as a string (with the BOM if the transcript had one); a root
    that is not TEI gives its text as it stands."""
    root = tree.getroot()
    if root.tag not in (f"{{{TEI_NS}}}TEI", f"{{{TEI_NS}}}teiCorpus"):
        return "".join(map(str, root.itertext()))
    record = source_record(tree)
    if record is None:
        return "\n\n".join(tidy(as_it_stands(text)) for text in texts(joined(tree).getroot()))
    bom = "\ufeff" if record.get("bom") == "true" else ""
    return bom + "\n\n".join(transcript_of(text) for text in texts(root))


def tidy(text: str) -> str:
    """``text`` without the XML's layout: lines stripped, blank runs one blank line."""
    lines: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped or (lines and lines[-1]):
            lines.append(stripped)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + ("\n" if lines else "")


def encoding(tree: etree._ElementTree) -> str:
    """The transcript's recorded encoding (UTF-8 when none is recorded)."""
    record = source_record(tree)
    return (record.get("encoding") or "utf-8") if record is not None else "utf-8"
