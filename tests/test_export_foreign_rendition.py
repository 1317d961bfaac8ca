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
