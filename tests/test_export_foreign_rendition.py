"""Highlighting by ``@rendition`` pointers that the header does not define (``#i``,
``#b``: projects that document their renditions outside the file) is read as the token
it names, as ``@rend`` would be; a defined rendition keeps its CSS."""

from __future__ import annotations

import lxml.html

from teikit.exporter import export
from teikit.tei import TEI_NS, parse_bytes

DOCUMENT = (f'<TEI xmlns="{TEI_NS}">'.encode() + b"""<teiHeader><fileDesc><titleStmt>
<title>Tide Tables</title></titleStmt><publicationStmt><p>x</p></publicationStmt>
<sourceDesc><p>x</p></sourceDesc></fileDesc><encodingDesc><tagsDecl>
<rendition xml:id="red" scheme="css">color: red</rendition></tagsDecl></encodingDesc>
</teiHeader><text><body><p><hi rendition="#i">High</hi> water, <hi rendition="#b">low</hi>
water, <hi rendition="#red">storm</hi>, <hi rendition="#g #sup">spaced</hi>.</p></body>
</text></TEI>""")


def test_undefined_rendition_pointers_are_read_as_tokens() -> None:
    html = lxml.html.document_fromstring(export(parse_bytes(DOCUMENT), "html"))
    found = [(e.tag, e.get("class"), e.get("style"), e.text)
             for e in html.xpath("//article//p/*")]
    assert found == [
        ("i", "hi hi-i", None, "High"), ("b", "hi hi-b", None, "low"),
        ("span", "hi", "color: red", "storm"), ("sup", "hi hi-g hi-sup", None, "spaced")]


SHARED_LINES = (f'<TEI xmlns="{TEI_NS}">'.encode() + b"""<teiHeader><fileDesc><titleStmt>
<title>Quay Scene</title></titleStmt><publicationStmt><p>x</p></publicationStmt>
<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body><div>
<sp><speaker>Ann</speaker><l>One</l><l>Two</l><l>Three</l><l part="I">Four, who</l></sp>
<sp><speaker>Ben</speaker><l part="M">calls?</l></sp>
<sp><speaker>Ann</speaker><l part="F">I do.</l><l>Five</l></sp></div></body></text></TEI>""")


def test_the_parts_of_a_shared_verse_line_are_one_line() -> None:
    html = lxml.html.document_fromstring(export(parse_bytes(SHARED_LINES), "html"))
    lines = html.xpath("//article//div[contains(concat(' ', @class, ' '), ' l ')]")
    assert [(line.get("class"), line.xpath("string(span[@class='lnum gen'])"))
            for line in lines] == [
        ("l", ""), ("l", ""), ("l", ""), ("l", ""), ("l l-part-M", ""), ("l l-part-F", ""),
        ("l", "5")]  # "Five" is the fifth line, not the seventh


MILESTONES = (f'<TEI xmlns="{TEI_NS}">'.encode() + b"""<teiHeader><fileDesc><titleStmt>
<title>Harbour Annals</title></titleStmt><publicationStmt><p>x</p></publicationStmt>
<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>
<p>Ships <milestone unit="section" n="3"/>sailed <cb n="b"/>north <milestone unit="para"/>
<milestone xml:id="m1" unit="card"/>at dawn.</p></body></text></TEI>""")


def test_numbered_milestones_and_columns_are_marked_when_editing() -> None:
    html = lxml.html.document_fromstring(export(parse_bytes(MILESTONES), "html"))
    marks = [(e.get("class"), e.get("title"), e.get("id"), e.text_content())
             for e in html.xpath("//article//p/span")]
    assert marks == [("milestone", "Section 3", None, "[section 3]"),
                     ("cb", "Column b", None, "[column b]"),
                     ("milestone", None, "m1", "")]
    assert html.xpath("//article//p/span/span/@class") == ["gen ed-only", "gen ed-only"]
    text = export(parse_bytes(MILESTONES), "text", "reading").decode()
    assert "Ships sailed north at dawn." in text


TEXT_PARTS = (f'<TEI xmlns="{TEI_NS}">'.encode() + b"""<teiHeader><fileDesc><titleStmt>
<title>Harbour Chronicle</title></titleStmt><publicationStmt><p>x</p></publicationStmt>
<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>
<div type="edition"><div type="textpart" subtype="book" n="1"><head>Book One</head>
<div type="textpart" subtype="chapter" n="2"><div type="textpart" n="3"><p>Ships sailed.</p>
</div></div></div></div><div type="letter" n="4"><p>Dear harbour master.</p></div>
</body></text></TEI>""")


def test_text_parts_without_heading_show_what_they_are_cited_by_when_editing() -> None:
    html = lxml.html.document_fromstring(export(parse_bytes(TEXT_PARTS), "html"))
    assert [(p.get("class"), p.text) for p in html.xpath("//p[contains(@class, 'div-n')]")
            ] == [("div-n gen ed-only", "[chapter 2]"), ("div-n gen ed-only", "[part 3]")]
    text = export(parse_bytes(TEXT_PARTS), "text", "reading").decode()
    assert "chapter" not in text and "[" not in text
