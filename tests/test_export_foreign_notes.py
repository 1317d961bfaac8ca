"""Endnotes written one after another in a ``div type="notes"`` are paragraphs of their
own in the reading text (they were run together: ``first.Second``)."""

from __future__ import annotations

from teikit.exporter import export
from teikit.tei import TEI_NS, parse_bytes

DOCUMENT = (f'<TEI xmlns="{TEI_NS}">'.encode() + b"""<teiHeader><fileDesc><titleStmt>
<title>Harbour Letters</title></titleStmt><publicationStmt><p>x</p></publicationStmt>
<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>
<p>The ferry<ref target="#n1">1</ref> was late<ref target="#n2">2</ref>.</p></body>
<back><div type="notes"><note xml:id="n1" n="1">The old ferry.</note><note xml:id="n2"
n="2">Fog.</note></div><div type="apparatus"><listApp><app loc="1"><lem>late</lem>
<rdg wit="#B">early</rdg><note>B is a copy.</note></app></listApp></div></back>
</text></TEI>""")


def test_endnotes_are_paragraphs_and_apparatus_comments_stay_in_their_entry() -> None:
    text = export(parse_bytes(DOCUMENT), "text", "reading").decode()
    assert "The old ferry.\n\nFog." in text
    assert "1: late] early. B is a copy." in text
