"""Elements the exporter has no rule for keep their place in the layout: one standing
between blocks with no running text beside it is a block of its own (two unknown entries side by
side were run together, ``firstsecond``); one in running text stays a phrase."""

from __future__ import annotations

import lxml.html

from teikit.exporter import export
from teikit.exporter.html.rules import stands_apart
from teikit.tei import TEI_NS, parse_bytes

DOCUMENT = (f'<TEI xmlns="{TEI_NS}"><text><body><div>'.encode()
            + b"<memo>Fog at the quay.</memo><memo>Ferry <hi>late</hi>.</memo></div>"
            b"<div><p>Log.</p>\n  <logEntry>Wind west.</logEntry>\n</div>"
            b"<p>Calm <logEntry>then</logEntry> rain.</p></body></text></TEI>")


def test_unknown_elements_between_blocks_are_blocks() -> None:
    page = lxml.html.document_fromstring(export(parse_bytes(DOCUMENT), "html"))
    found = [(e.tag, e.get("data-tei"), " ".join(e.text_content().split()))
             for e in page.xpath("//article//*[@data-tei]")]
    assert found == [("div", "memo", "Fog at the quay."), ("div", "memo", "Ferry late."),
                     ("div", "logEntry", "Wind west."), ("span", "logEntry", "then")]


def test_stands_apart() -> None:
    root = parse_bytes(DOCUMENT).getroot()
    assert [stands_apart(e) for e in root.iter(f"{{{TEI_NS}}}memo",
                                               f"{{{TEI_NS}}}logEntry")] == [
        True, True, True, False]
