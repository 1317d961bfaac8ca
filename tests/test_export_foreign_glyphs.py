"""Characters declared in the header (``charDecl``) and written as empty ``g`` elements
keep their letters in every view: ``Fa<g ref="#slongt"/>`` reads ``Fast``."""

from __future__ import annotations

import lxml.html
import pytest

from teikit.exporter import export
from teikit.exporter.glyphs import glyph_text
from teikit.exporter.pointers import id_index
from teikit.tei import TEI_NS, parse_bytes

DOCUMENT = (f'<TEI xmlns="{TEI_NS}">'.encode() + b"""<teiHeader><fileDesc><titleStmt>
<title>Quay Ledger</title></titleStmt><publicationStmt><p>x</p></publicationStmt>
<sourceDesc><p>x</p></sourceDesc></fileDesc><encodingDesc><charDecl>
<char xml:id="slongt"><charName>LATIN SMALL LIGATURE LONG S T</charName>
<mapping type="diplomatic">\xef\xac\x85</mapping><mapping type="standard">st</mapping></char>
<glyph xml:id="rrot"><glyphName>LATIN SMALL LETTER R ROTUNDA</glyphName>
<mapping type="normalized">r</mapping></glyph><char xml:id="bare"><charName>NO MAPPING</charName>
</char></charDecl></encodingDesc></teiHeader><text><body>
<p>Fa<g ref="#slongt"/> tides, mo<g ref="#rrot"/>e nets, <g ref="#slongt">\xc5\xbft</g>ill,
<g ref="#bare"/>end.</p></body></text></TEI>""")


@pytest.mark.parametrize("view", ["reading", "transcript"])
def test_declared_characters_keep_their_letters_in_the_text(view: str) -> None:
    text = export(parse_bytes(DOCUMENT), "text", view).decode()
    assert "Fast tides, more nets, \u017ftill," in text


def test_declared_characters_keep_their_letters_on_the_page() -> None:
    html = lxml.html.document_fromstring(export(parse_bytes(DOCUMENT), "html"))
    glyphs = [(g.text, g.get("title")) for g in html.xpath("//article//span[@class='g']")]
    assert glyphs == [("st", "LATIN SMALL LIGATURE LONG S T"),
                      ("r", "LATIN SMALL LETTER R ROTUNDA"), ("\u017ft", None), (None, None)]


def test_the_standard_mapping_is_preferred() -> None:
    root = parse_bytes(DOCUMENT).getroot()
    ids = id_index(root)
    assert [glyph_text(g, ids) for g in root.iter(f"{{{TEI_NS}}}g")] == [
        "st", "r", None, None]
