"""Endnotes written one after another in a ``div type="notes"`` are paragraphs of their
own in the reading text (they were run together: ``first.Second``)."""

from __future__ import annotations

import lxml.html

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


TARGETED = (f'<TEI xmlns="{TEI_NS}">'.encode() + b"""<teiHeader><fileDesc><titleStmt>
<title>Harbour Letters</title></titleStmt><publicationStmt><p>x</p></publicationStmt>
<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>
<p>The ferry<anchor xml:id="t1"/> was <seg xml:id="w2">late</seg>, the <lb xml:id="l3"/>fog
thick<anchor xml:id="t4" n="x"/>.</p></body><back><div type="notes">
<note n="1" target="#t1">The old ferry.</note><note xml:id="n2" target="#w2">Fog.</note>
<note target="l3">A bare id.</note><note target="#t4">Keyed by the anchor.</note>
<note target="#nowhere">No target.</note></div></back></text></TEI>""")


def test_an_endnote_gets_a_call_where_its_target_points() -> None:
    html = lxml.html.document_fromstring(export(parse_bytes(TARGETED), "html"))
    calls = [(a.text, a.get("href"), a.get("id")) for a in
             html.xpath("//article//p//sup[contains(@class, 'note-call')]/a")]
    assert calls == [("1", "#note-1", "noteref-1"), ("*", "#n2", "noteref-*"),
                     ("*", "#note-*", "noteref-*-2"), ("x", "#note-x", "noteref-x")]
    notes = html.xpath("//div[@class='back']//p[contains(@class, 'endnote')]")
    assert [(n.get("id"), n.xpath("a[@class='backlink gen']/@href")) for n in notes] == [
        ("note-1", ["#noteref-1"]), ("n2", ["#noteref-*"]), ("note-*", ["#noteref-*-2"]),
        ("note-x", ["#noteref-x"]), (None, [])]
    assert html.xpath("//article//p")[0].xpath("string(seg|span[@id='w2'])") == "late"
